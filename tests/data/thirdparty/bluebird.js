// package: bluebird@3.7.2 bluebird/js/browser/bluebird.js bluebird/js/browser/bluebird.min.js
// prelude: var self = this, navigator = { userAgent: "ferry" };
// Driver for Bluebird 3.7 (its browser build, prepended by tests/thirdparty.sh; it schedules through setImmediate;
// without a `navigator` it would take the `new Function` code paths that this build has compiled out):
// a pending promise with handlers, resolved turns later; map with a concurrency limit, props, reduce, each,
// filtered catch, finally, promisify, disposers (using), cancellation, reflect/settle, some/any, timeouts.
// Pending promises, their handler queues and a half-done concurrent map are migrated.
var out = function (s) { console.log(String(s)); };
var P = Promise.noConflict();
P.config({ cancellation: true, warnings: false, longStackTraces: false });

function AppError(msg) { this.message = msg; this.name = 'AppError'; }
AppError.prototype = Object.create(Error.prototype);
AppError.prototype.constructor = AppError;

// a callback-style "sensor read", made into a promise
function readSensor(id, cb) {
  setTimeout(function () {
    if (id < 0) cb(new AppError('no sensor ' + id)); else cb(null, id * 10 + 1);
  }, 1);
}
var readP = P.promisify(readSensor);

var resolveGate;
var gate = new P(function (res) { resolveGate = res; });
var gated = gate.then(function (v) { out('gate opened ' + v); return v * 2; }).tap(function (v) { out('tap ' + v); });
var log = [];
var cancelled = new P(function (res, rej, onCancel) {
  var t = setTimeout(function () { res('never'); }, 100000);
  onCancel(function () { clearTimeout(t); out('cancel hook ran'); });
});
cancelled.then(function (v) { out('cancelled resolved?! ' + v); });

function resource(name) {
  return P.delay(1).then(function () { log.push('open ' + name); return { name: name }; })
    .disposer(function (r) { log.push('close ' + r.name); });
}

var turn = 0;
function step() {
  turn++;
  out('turn ' + turn + ' gate pending=' + gate.isPending() + ' log=' + log.join(','));
  var work = P.resolve();
  if (turn === 1) {
    var active = 0, maxActive = 0;
    work = P.map([1, 2, 3, 4, 5, 6], function (x) {
      active++; if (active > maxActive) maxActive = active;
      return P.delay(1).then(function () { active--; return x * x; });
    }, { concurrency: 2 }).then(function (sq) { out('map ' + sq.join(',') + ' max ' + maxActive); });
  } else if (turn === 2) {
    work = P.props({ a: readP(1), b: readP(2), c: 3 }).then(function (o) { out('props ' + o.a + ' ' + o.b + ' ' + o.c); })
      .then(function () { return readP(-1); })
      .catch(AppError, function (e) { out('AppError ' + e.message + ' ' + (e instanceof Error)); })
      .finally(function () { out('finally 2'); });
  } else if (turn === 3) {
    work = P.reduce([1, 2, 3, 4], function (acc, x) { return P.delay(1).then(function () { return acc + x; }); }, 10)
      .then(function (s) { out('reduce ' + s); return P.each(['x', 'y'], function (v, i) { log.push(v + i); }); })
      .then(function (r) { out('each ' + r.join('')); });
  } else if (turn === 4) {
    resolveGate(21);
    work = gated.then(function (v) { out('gated ' + v); });
  } else if (turn === 5) {
    work = P.using(resource('db'), resource('net'), function (db, net) {
      out('using ' + db.name + '+' + net.name);
      return P.delay(1).return('used');
    }).then(function (v) { out(v + ' ' + log.join(',')); log = []; });
  } else if (turn === 6) {
    cancelled.cancel();
    work = P.all([P.resolve(1).reflect(), P.reject(new AppError('r')).reflect()]).then(function (rs) {
      out('reflect ' + rs.map(function (r) { return r.isFulfilled() ? 'ok:' + r.value() : 'err:' + r.reason().message; }).join(' '));
      out('cancelled ' + cancelled.isCancelled());
    });
  } else if (turn === 7) {
    work = P.some([P.delay(3, 'slow'), P.reject(new Error('e1')), P.resolve('fast'), P.delay(1, 'mid')], 2)
      .then(function (r) { out('some ' + r.join(',')); return P.any([P.reject(new Error('n')), P.delay(1, 'any')]); })
      .then(function (v) { out('any ' + v); return P.delay(200).timeout(2, 'slow op'); })
      .catch(P.TimeoutError, function (e) { out('timeout ' + e.message); });
  } else if (turn === 8) {
    work = P.race([P.delay(50, 'late'), P.resolve('now')]).then(function (v) { out('race ' + v); })
      .then(function () { return P.try(function () { throw new TypeError('tried'); }); })
      .catch(TypeError, function (e) { out('try ' + e.message); }).then(function () {
        return P.mapSeries(['a', 'b', 'c'], function (s, i) { return P.delay(1, s + i); });
      }).then(function (r) { out('mapSeries ' + r.join(' ')); });
  }
  work.then(function () { if (turn < 9) setTimeout(step, 2); else out('done'); });
}
setTimeout(step, 1);
