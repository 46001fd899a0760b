// package: eventemitter3@4.0.7 eventemitter3/umd/eventemitter3.js
// Driver for EventEmitter3 4 (UMD build prepended by tests/thirdparty.sh): listeners with contexts, once,
// prefixed event storage (Object.create(null) stores), symbols-free names; emitters wired across turns.
var out = function (s) { console.log(String(s)); };
var bus = new EventEmitter3();
function Counter(name) { this.name = name; this.n = 0; }
Counter.prototype.inc = function (by) { this.n += by || 1; out(this.name + ' now ' + this.n); };
var c1 = new Counter('c1'), c2 = new Counter('c2');
bus.on('inc', c1.inc, c1);
bus.once('inc', c2.inc, c2);
bus.on('__proto__', function () { out('proto event'); });
bus.on('constructor', function (x) { out('constructor event ' + x); });
var tick = 0;
var iv = setInterval(function () {
  tick++;
  out('tick ' + tick + ' names ' + bus.eventNames().join(',') + ' inc listeners ' + bus.listenerCount('inc'));
  bus.emit('inc', tick);
  if (tick === 2) { bus.emit('__proto__'); bus.emit('constructor', 'x'); bus.on('inc', function late() { out('late listener ' + tick); }); }
  if (tick === 3) bus.removeListener('inc', c1.inc, c1);
  if (tick === 4) { bus.removeAllListeners('inc'); out('after removeAll ' + bus.emit('inc') + ' ' + bus.listeners('inc').length); }
  if (tick === 5) { clearInterval(iv); out('end ' + c1.n + ' ' + c2.n + ' ' + bus.eventNames().length + ' ' + typeof EventEmitter3.prefixed); }
}, 2);
