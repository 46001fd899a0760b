// package: q@1.5.1 q/q.js
// prelude: var self = this;
// Driver for Q 1.5 (promise library prepended by tests/thirdparty.sh, which finds its global through `self`):
// deferreds resolved in later turns, chains, all/allSettled, spread, timeouts, delay; pending promises and their
// handler queues are migrated.
var out = function (s) { console.log(String(s)); };
var d = Q.defer();
var chainEnd = d.promise.then(function (v) { out('resolved ' + v); return v + 1; }).then(function (v) { out('then ' + v); return Q.delay(v * 2, 3); });
var later = [];
var turn = 0;
// every step returns a promise; the next step starts 20 ms after it settles, so the output never depends on how
// two independent timers interleave in real time
function step() {
  turn++;
  out('turn ' + turn + ' ' + d.promise.inspect().state);
  var work = Q();
  if (turn === 1) {
    work = Q.all([Q(1), Q.delay(2, 2), Q.fcall(function () { return 3; })]).spread(function (a, b, c) { out('spread ' + a + b + c); later.push(a + b + c); })
      .then(function () { return Q.reject(new Error('bad')); }).fail(function (e) { out('fail ' + e.message); }).fin(function () { out('finally'); });
  } else if (turn === 3) {
    d.resolve(20);
    work = chainEnd;
  } else if (turn === 5) {
    work = chainEnd.then(function (v) { out('chain end ' + v); })
      .then(function () { return Q.allSettled([Q.reject(new Error('x')), Q(5)]); })
      .then(function (r) { out('settled ' + r.map(function (x) { return x.state + ':' + (x.value || x.reason.message); }).join(',')); })
      .then(function () { return Q.delay(50).timeout(1, 'too slow'); }).then(null, function (e) { out('timeout ' + e.message); });
  } else if (turn === 7) {
    work = Q.nfcall(function (a, cb) { setTimeout(cb, 1, null, a * 3); }, 7).then(function (v) { out('nfcall ' + v + ' later ' + later[0]); });
  }
  work.then(function () { if (turn < 9) setTimeout(step, 20); }).done();
}
setTimeout(step, 1);
