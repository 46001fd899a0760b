// package: bottleneck@2.19.5 es6-promise/dist/es6-promise.auto.js+bottleneck/es5.js
// also: es6-promise@4.2.8
// prelude: var self = this; Object.defineProperty(Array.prototype, 'find', { value: function (f, t) { for (var i = 0; i < this.length; i++) if (f.call(t, this[i], i, this)) return this[i]; }, writable: true, configurable: true });
// Driver for Bottleneck 2 (a rate limiter and job scheduler, its ES5 build: Babel output whose async
// functions run on the regenerator runtime it bundles; with es6-promise, prepended by
// tests/thirdparty.sh), as a device throttles its uploads. Jobs wait in the limiter's priority queues,
// run one at a time at least minTime apart (the wait is a pending timer), fail and are retried after a
// delay chosen by a 'failed' listener, and consume a reservoir that a later turn refills; a Group keeps
// a limiter per key and an auto-cleanup interval timer. Between turns, suspended regenerator state
// machines (the limiter's own async methods), promise chains and the limiter's timers are live. Each step
// starts the next when the limiter reports its jobs done, so no two clocks race. Duktape 2.7 has no
// Array.prototype.find, which the build calls: the prelude gives it one (a patched built-in). The
// build's `eval("require")` (for its optional Redis clients) is a direct eval: before ferryc exempted
// an eval of a name that resolves to a global, it made every closure of the library unmigratable.
var limiterErrors = [];
var out = function (s) { console.log(String(s)); };
var log = [];
function flush(tag) { out(tag + ': ' + log.join(' ')); log = []; }
function later(v, ms) { return new Promise(function (res) { setTimeout(function () { res(v); }, ms); }); }
function idOf(info) { var id = info.options.id; return id.indexOf('<no-id>') === 0 ? '<no-id>' : id; }   // those end in random digits
var limiter = new Bottleneck({ maxConcurrent: 1, minTime: 3, reservoir: 6, id: 'uploads' });
['queued', 'executing', 'done', 'retry', 'depleted', 'empty', 'idle'].forEach(function (ev) {
  limiter.on(ev, function (a, b) { log.push(ev + (b && b.options ? ':' + idOf(b) : a && a.options ? ':' + idOf(a) : '')); });
});
limiter.on('error', function (e) { limiterErrors.push(String(e)); });
var attempts = {};
limiter.on('failed', function (err, info) {
  log.push('failed:' + info.options.id + '#' + info.retryCount + '(' + err.message + ')');
  if (info.retryCount < 2) return 2;   // retry after 2 ms
});
function upload(name, size) {
  attempts[name] = (attempts[name] || 0) + 1;
  if (name === 'flaky' && attempts[name] < 3) return later(null, 1).then(function () { throw new Error('timeout ' + attempts[name]); });
  return later(name + ':' + size + 'B', 1);
}
var wrapped = limiter.wrap(upload);
var n = 0, steps, results = [];
function next() { var s = steps[n++]; if (s) s(); }
steps = [
  function () {
    var jobs = [];
    jobs.push(limiter.schedule({ id: 'a', priority: 5 }, upload, 'a', 100));
    jobs.push(limiter.schedule({ id: 'b', priority: 9 }, upload, 'b', 200));
    jobs.push(limiter.schedule({ id: 'c', priority: 1 }, upload, 'c', 300));
    jobs.push(limiter.schedule({ id: 'flaky', priority: 5 }, upload, 'flaky', 1));
    out('scheduled; counts ' + JSON.stringify(limiter.counts()) + ' queued ' + limiter.queued() + ' jobs ' + limiter.jobs().join(','));
    Promise.all(jobs).then(function (r) { results = results.concat(r); flush('batch 1'); out('results ' + r.join(' ') + ' attempts ' + JSON.stringify(attempts)); return limiter.currentReservoir(); })
      .then(function (left) { out('reservoir left ' + left); setTimeout(next, 1); });
  },
  function () {
    // three more than the reservoir holds: one waits until a later turn refills it
    var jobs = [wrapped.withOptions({ id: 'd' }, 'd', 1), wrapped.withOptions({ id: 'e' }, 'e', 2), wrapped.withOptions({ id: 'f' }, 'f', 3)];
    steps.pending = jobs[2];
    Promise.all(jobs.slice(0, 2)).then(function (r) {
      results = results.concat(r);
      return limiter.currentReservoir();
    }).then(function (left) {
      flush('batch 2'); out('reservoir ' + left + ' f is ' + limiter.jobStatus('f') + ' counts ' + JSON.stringify(limiter.counts()));
      setTimeout(next, 1);
    });
  },
  function () {
    out('still waiting: ' + limiter.jobs('QUEUED').join(',') + ' ' + limiter.jobStatus('f'));
    limiter.incrementReservoir(2).then(function (r) {
      log.push('refilled ' + r);
      return steps.pending;
    }).then(function (v) { results.push(v); flush('batch 3'); setTimeout(next, 1); });
  },
  function () {
    var group = new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 });
    steps.group = group;
    group.on('created', function (lim, key) { log.push('created ' + key); lim.on('done', function (info) { log.push(key + ' done ' + info.options.id); }); });
    var g = [];
    ['dev1', 'dev2', 'dev1'].forEach(function (key, i) {
      g.push(group.key(key).schedule({ id: key + '-' + i }, upload, key + '-' + i, i));
      // one device at a time: dev2 starts after dev1's first job ends
    });
    Promise.all(g).then(function (r) { results = results.concat(r); return group.key('dev1').counts(); }).then(function (c) {
      flush('group'); out('group keys ' + group.keys().sort().join(',') + ' dev1 counts ' + JSON.stringify(c) + ' limiters ' + group.limiters().length);
      setTimeout(next, 1);
    });
  },
  function () {
    // (a job scheduled after stop() is rejected with a BottleneckError, an Error subclass that Babel
    // builds with Reflect.construct, which Duktape 2.7 does not support for Error: not done here)
    limiter.stop({ dropWaitingJobs: false }).then(function () {
      // the group's auto-cleanup interval, which Node unrefs: a Ferry program ends when no timer is left
      clearInterval(steps.group.interval);
      flush('end'); out('all results ' + results.join(' ') + ' attempts ' + JSON.stringify(attempts) + ' regenerator ' + typeof regeneratorRuntime + ' errors ' + JSON.stringify(limiterErrors));
    });
  }
];
setTimeout(next, 1);
