// package: async@2.6.4 async/dist/async.js
// Driver for async 2.6 (dist build prepended by tests/thirdparty.sh): series, waterfall, eachSeries, mapLimit,
// queue, retry, memoize, auto, whilst. Tasks complete through setImmediate/setTimeout, so async's internal
// continuations (closures over counters and result arrays) are pending at event-loop boundaries.
var out = function (s) { console.log(String(s)); };
var later = function (v, ms) { return function (cb) { setTimeout(function () { cb(null, v); }, ms); }; };
var slowSquare = async.memoize(function (n, cb) { setTimeout(function () { cb(null, n * n); }, 2); });
var log = [];
var phases = [
  function (done) {
    async.series([later('a', 1), later('b', 1), function (cb) { setImmediate(cb, null, 'c'); }], function (err, r) {
      out('series ' + err + ' ' + r.join(''));
      done();
    });
  },
  function (done) {
    async.waterfall([
      function (cb) { setImmediate(cb, null, 1, 2); },
      function (a, b, cb) { setTimeout(cb, 1, null, a + b); },
      function (c, cb) { cb(null, 'sum=' + c); }
    ], function (err, r) { out('waterfall ' + err + ' ' + r); done(); });
  },
  function (done) {
    async.mapLimit([1, 2, 3, 4, 5, 6], 1, function (n, cb) { setImmediate(function () { cb(null, n * 10); }); }, function (err, r) {
      out('mapLimit ' + JSON.stringify(r));
      async.eachSeries(['x', 'y', 'z'], function (s, cb) { log.push(s); setTimeout(cb, 1); }, function () {
        out('eachSeries ' + log.join(','));
        done();
      });
    });
  },
  function (done) {
    var q = async.queue(function (task, cb) { setImmediate(function () { log.push('q' + task.n); cb(null, task.n * 2); }); }, 1);
    q.drain = function () { out('queue drained ' + log.join(',')); done(); };
    [1, 2, 3].forEach(function (n) { q.push({ n: n }, function (err, r) { out('queue task ' + n + ' -> ' + r); }); });
  },
  function (done) {
    var attempts = 0;
    async.retry({ times: 4, interval: 1 }, function (cb) {
      attempts++;
      setImmediate(function () { cb(attempts < 3 ? new Error('fail ' + attempts) : null, 'ok after ' + attempts); });
    }, function (err, r) { out('retry ' + (err && err.message) + ' ' + r); done(); });
  },
  function (done) {
    slowSquare(7, function (e, a) {
      slowSquare(7, function (e2, b) { out('memoize ' + a + ' ' + b + ' ' + JSON.stringify(slowSquare.memo)); done(); });
    });
  },
  function (done) {
    async.auto({
      get: function (cb) { setTimeout(cb, 1, null, 'data'); },
      make: ['get', function (res, cb) { setImmediate(cb, null, res.get + '-made'); }],
      mail: ['make', function (res, cb) { cb(null, { file: res.make, to: 'x@y' }); }]
    }, function (err, res) { out('auto ' + JSON.stringify(res)); done(); });
  },
  function (done) {
    var c = 0;
    async.whilst(function () { return c < 4; }, function (cb) { c++; setTimeout(cb, 1, null, c); }, function (err, n) {
      out('whilst ' + n);
      async.reduce([1, 2, 3], 0, function (m, x, cb) { setImmediate(cb, null, m + x); }, function (e, r) { out('reduce ' + r); done(); });
    });
  }
];
var p = 0;
(function run() {
  if (p === phases.length) { out('all phases done ' + log.length); return; }
  out('phase ' + p);
  phases[p++](function () { setTimeout(run, 2); });
})();
