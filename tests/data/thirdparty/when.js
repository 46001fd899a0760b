// package: when@3.7.8 when/dist/browser/when.js when/dist/browser/when.min.js
// prelude: var self = this;
// Driver for when.js 3.7 (its browserify build, prepended by tests/thirdparty.sh, found through `self`; it
// schedules with setTimeout 0): a deferred resolved turns later, join/all/settle/any/some, map/reduce/filter,
// iterate and unfold (asynchronous generators of values), delay/timeout, lift, fold, filtered catch, inspect.
// A pending deferred, its handlers and when's task queue are migrated.
var out = function (s) { console.log(String(s)); };

function Fault(msg) { this.message = msg; }
Fault.prototype = Object.create(Error.prototype);
Fault.prototype.name = 'Fault';

var later = when.defer();
var waiting = later.promise.then(function (v) { out('deferred ' + v); return v * 2; }).tap(function (v) { out('tap ' + v); });
var readings = [];
var slowSquare = function (x) { return when(x * x).delay(1); };
var add = when.lift(function (a, b) { return a + b; });

var turn = 0;
function step() {
  turn++;
  out('turn ' + turn + ' deferred ' + later.promise.inspect().state + ' readings ' + readings.join(','));
  var work = when.resolve();
  if (turn === 1) {
    work = when.join(slowSquare(2), 3, when.resolve(4).delay(2)).then(function (r) { out('join ' + r.join(',')); })
      .then(function () { return when.settle([when.reject(new Fault('f1')), slowSquare(5)]); })
      .then(function (ds) { out('settle ' + ds.map(function (d) { return d.state + ':' + (d.value || d.reason.message); }).join(' ')); });
  } else if (turn === 2) {
    work = when.map([1, 2, 3], slowSquare).then(function (r) { out('map ' + r.join(',')); return when.reduce(r, function (a, x) { return slowSquare(x).then(function (y) { return a + y; }); }, 0); })
      .then(function (s) { out('reduce ' + s); return when.filter([1, 2, 3, 4, 5], function (x) { return when(x % 2).delay(1); }); })
      .then(function (f) { out('filter ' + f.join(',')); });
  } else if (turn === 3) {
    work = when.iterate(function (x) { return x + 3; }, function (x) { return x > 15; }, function (x) { readings.push(x); return when(x).delay(1); }, 1)
      .then(function (last) { out('iterate ended at ' + last); return when.unfold(function (n) { return [n * n, n + 1]; }, function (n) { return n > 4; }, function (v) { readings.push('u' + v); }, 1); })
      .then(function () { out('unfold done'); });
  } else if (turn === 4) {
    later.resolve(33);
    work = waiting.then(function (v) { out('waiting ' + v); return add(v, when(1).delay(1)); }).then(function (v) { out('lifted ' + v); });
  } else if (turn === 5) {
    readings = [];
    work = when.any([when.reject(new Error('a')), slowSquare(6)]).then(function (v) { out('any ' + v); return when.some([when.reject(new Error('s')), 1, slowSquare(3), 2], 2); })
      .then(function (r) { out('some ' + r.sort().join(',')); return when.resolve(7).fold(function (a, b) { return a * b; }, slowSquare(2)); })
      .then(function (v) { out('fold ' + v); });
  } else if (turn === 6) {
    work = when.reject(new Fault('bad valve')).catch(TypeError, function () { out('wrong handler'); })
      .catch(Fault, function (e) { out('fault ' + e.message); return 'recovered'; })
      .then(function (v) { out(v); return when.promise(function () {}).timeout(2, new Fault('too slow')); })
      .else('fallback').then(function (v) { out('timeout gave ' + v); })
      .finally(function () { out('finally'); });
  }
  work.then(function () { if (turn < 7) setTimeout(step, 2); else out('done'); });
}
setTimeout(step, 1);
