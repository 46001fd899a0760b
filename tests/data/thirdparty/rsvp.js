// package: rsvp@4.8.5 rsvp/dist/rsvp.js
// prelude: var self = this;
// Driver for RSVP 4.8 (promise library prepended by tests/thirdparty.sh; found through `self`, it schedules its
// queue with setTimeout): a deferred resolved turns later, the EventTarget mixin on a device object, hash,
// hashSettled, allSettled, map/filter, denodeify, race, the global 'error' event for unhandled rejections.
// Pending deferreds, listeners and RSVP's module-level queue are migrated.
var out = function (s) { console.log(String(s)); };
var P = RSVP.Promise;

var device = { name: 'pump', level: 0 };
RSVP.EventTarget.mixin(device);
device.on('level', function (v) { device.level = v; out('level ' + v); });
device.on('alarm', function (e) { out('alarm ' + e.code); });

var errors = [];
RSVP.on('error', function (reason, label) { errors.push(reason.message + (label ? '@' + label : '')); });

var deferred = RSVP.defer();
var waiting = deferred.promise.then(function (v) { out('deferred ' + v); device.trigger('level', v); return v + 1; });

function measure(n, cb) { setTimeout(function () { if (n > 9) cb(new Error('range ' + n)); else cb(null, n * 3); }, 1); }
var measureP = RSVP.denodeify(measure);

var turn = 0;
function step() {
  turn++;
  out('turn ' + turn + ' level ' + device.level + ' errors ' + errors.join(','));
  var work = RSVP.resolve();
  if (turn === 1) {
    work = RSVP.hash({ a: measureP(1), b: measureP(2), c: 7 }).then(function (h) { out('hash ' + h.a + ' ' + h.b + ' ' + h.c); })
      .then(function () { return measureP(11); })['catch'](function (e) { out('caught ' + e.message); });
  } else if (turn === 2) {
    work = RSVP.allSettled([measureP(3), measureP(12), 5]).then(function (rs) {
      out('allSettled ' + rs.map(function (r) { return r.state + ':' + (r.state === 'fulfilled' ? r.value : r.reason.message); }).join(' '));
      return RSVP.hashSettled({ x: RSVP.reject(new Error('hx')), y: 2 });
    }).then(function (h) { out('hashSettled ' + h.x.state + ' ' + h.y.value); });
  } else if (turn === 3) {
    RSVP.reject(new Error('nobody listens'), 'orphan');
    work = RSVP.map([1, 2, 3, 4], function (x) { return measureP(x); }).then(function (r) { out('map ' + r.join(',')); })
      .then(function () { return RSVP.filter([1, 2, 3, 4, 5, 6], function (x) { return measureP(x).then(function (v) { return v % 2 === 0; }); }); })
      .then(function (r) { out('filter ' + r.join(',')); });
  } else if (turn === 4) {
    deferred.resolve(42);
    work = waiting.then(function (v) { out('after deferred ' + v); });
  } else if (turn === 5) {
    device.trigger('alarm', { code: 'E7' });
    device.off('alarm');
    device.trigger('alarm', { code: 'E8' });
    work = RSVP.race([new P(function () {}), measureP(4)]).then(function (v) { out('race ' + v); })
      .then(function () { return new P(function (res, rej) { rej(new TypeError('typed')); }, 'labelled'); })
      .then(null, function (e) { out('rejected ' + e.name + ' ' + e.message); })['finally'](function () { out('finally'); });
  } else if (turn === 6) {
    var chain = RSVP.resolve(1);
    for (var i = 0; i < 5; i++) chain = chain.then(function (v) { return measureP(v).then(function (w) { return w % 10; }); });
    work = chain.then(function (v) { out('chain ' + v); });
  }
  work.then(function () { if (turn < 7) setTimeout(step, 2); else out('done ' + errors.join(',')); });
}
setTimeout(step, 1);
