// package: eventemitter2@6.4.9 es6-promise/dist/es6-promise.auto.js+eventemitter2/lib/eventemitter2.js+tiny-emitter/dist/tinyemitter.js
// also: es6-promise@4.2.8
// also: tiny-emitter@2.1.0
// prelude: var self = this;
// Driver for EventEmitter2 6 (with es6-promise for waitFor, and tiny-emitter as a foreign event source,
// prepended by tests/thirdparty.sh): wildcard and `**` listeners in its listener tree, many() with a
// count kept in a closure, onAny, newListener/removeListener events, asynchronous listeners (run later
// through setImmediate: the pending call holds the listener and its arguments), listenTo() bridging a
// TinyEmitter, and waitFor() promises with timeouts (a pending timer whose closure rejects the promise).
// Each step starts the next only when its asynchronous work is done.
var out = function (s) { console.log(String(s)); };
var log = [];
var em = new EventEmitter2({ wildcard: true, delimiter: '.', newListener: true, removeListener: true, maxListeners: 4, verboseMemoryLeak: false });
em.on('newListener', function (ev) { log.push('+' + (Array.isArray(ev) ? ev.join('.') : ev)); });
em.on('removeListener', function (ev) { log.push('-' + (Array.isArray(ev) ? ev.join('.') : ev)); });
var temps = {};
function onTemp(v) { temps[this.event] = v; }
var anyCount = 0;
function anyListener(ev, v) { anyCount++; if (anyCount % 3 === 1) log.push('any ' + ev + '=' + v); }
var tiny = new TinyEmitter();
var n = 0, steps;
function next() { var s = steps[n++]; if (s) s(); }
function later() { setTimeout(next, 1); }
function flush(tag) { out(tag + ' ' + log.join(' ')); log = []; }
steps = [
  function () {
    em.on('sensor.*.temp', onTemp);
    em.on('sensor.**', function (v) { log.push('deep ' + this.event + ' ' + v); });
    em.many('alarm', 2, function (level) { log.push('alarm ' + level); });
    em.onAny(anyListener);
    em.emit('sensor.kitchen.temp', 21.5);
    em.emit('sensor.hall.temp', 19);
    em.emit('sensor.hall.humidity', 40);
    em.emit('alarm', 1); em.emit('alarm', 2); em.emit('alarm', 3);
    out('names ' + JSON.stringify(em.eventNames()) + ' temps ' + JSON.stringify(temps) + ' has alarm ' + em.hasListeners('alarm') + ' any ' + anyCount);
    flush('log');
    later();
  },
  function () {
    // asynchronous listeners: emit returns first, the listeners run from setImmediate with their arguments
    var done = 0;
    em.on('job.done', function (id, res) { log.push('async job ' + id + ' ' + JSON.stringify(res)); if (++done === 2) { flush('after async'); later(); } }, { async: true });
    em.emit('job.done', 1, { ok: true });
    em.emit('job.done', 2, [1, 2]);
    log.push('emitted');
    em.emit('sensor.garage.temp', -4);
    out('temps ' + JSON.stringify(temps));
  },
  function () {
    em.listenTo(tiny, { tick: 'tiny.tick', tock: 'tiny.tock' }, {
      on: function (event, handler) { this.on(event, handler); },
      off: function (event, handler) { this.off(event, handler); }
    });
    em.on('tiny.*', function (x) { log.push('bridged ' + this.event + ' ' + x); });
    tiny.emit('tick', 1); tiny.emit('tock', 2); tiny.emit('other', 3);
    var onceCalls = 0;
    tiny.once('x', function (a, b) { onceCalls++; log.push('tiny once ' + a + b + ' ' + this.tag); }, { tag: 'ctx' });
    tiny.emit('x', 'a', 'b'); tiny.emit('x', 'c', 'd');
    out('tiny listeners ' + Object.keys(tiny.e).sort().join(',') + ' once calls ' + onceCalls);
    flush('log');
    later();
  },
  function () {
    // a waitFor that times out (its timer is pending across turns), and one that an event resolves later
    em.waitFor('never', { timeout: 5 }).then(function () { out('never resolved?'); }, function (e) {
      out('waitFor rejected: ' + e.message + ' ' + e.code + ' listeners of never: ' + em.listeners('never').length);
      later();
    });
    steps.ready = em.waitFor('ready', { timeout: 600000, filter: function (what) { return what === 'go'; } });
    steps.ready.then(function (args) { out('ready with ' + JSON.stringify(args)); flush('log'); later(); });
    out('waiting; listeners of ready ' + em.listeners('ready').length);
  },
  function () {
    em.emit('ready', 'not yet', 0);
    em.emit('ready', 'go', 42);   // resolves; its handler starts the next step
    tiny.emit('tick', 'last bridged');
  },
  function () {
    em.stopListeningTo(tiny);
    tiny.emit('tick', 'not bridged');
    em.offAny(anyListener);
    em.emit('sensor.kitchen.temp', 23);
    try { em.emit('error', new Error('boom')); } catch (e) { out('error event: ' + e.message); }
    em.removeAllListeners('sensor.*.temp');
    em.emit('sensor.kitchen.temp', 99);
    out('end temps ' + JSON.stringify(temps) + ' any ' + anyCount + ' names ' + JSON.stringify(em.eventNames()) + ' max ' + em.getMaxListeners());
    flush('log');
  }
];
setTimeout(next, 1);
