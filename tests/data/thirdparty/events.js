// package: events@3.3.0 events/events.js+mitt/dist/mitt.umd.js
// also: mitt@1.2.0
// prelude: var module = { exports: {} };
// Driver for Node's `events` module as published for browsers (3.3, a CommonJS file: the prelude gives it a
// `module`) and mitt 1.2 (its UMD build, which then finds no `exports` and sets a global), prepended by
// tests/thirdparty.sh: a sensor hub that is an EventEmitter subclass, on/once/prepend, removeListener while
// emitting, newListener/removeListener events, listener counts, eventNames, rawListeners, the 'error' event,
// max listeners; a mitt bus with a wildcard handler bridged to the hub. Sensors emit from timers, so the
// emitters with their listeners (once-wrappers included) are migrated between readings.
var out = function (s) { console.log(String(s)); };
var EventEmitter = module.exports;

function Hub(name) { EventEmitter.call(this); this.name = name; this.readings = {}; }
Hub.prototype = Object.create(EventEmitter.prototype, { constructor: { value: Hub, writable: true, configurable: true } });
Hub.prototype.report = function (sensor, value) { this.readings[sensor] = value; this.emit('reading', sensor, value); };

var hub = new Hub('cellar');
var meta = [];
hub.on('newListener', function (ev) { meta.push('+' + ev); });
hub.on('removeListener', function (ev) { meta.push('-' + ev); });
var total = 0;
function sum(sensor, v) { total += v; }
hub.on('reading', sum);
hub.prependListener('reading', function (s, v) { if (v > 30) hub.emit('alarm', s, v); });
hub.once('alarm', function (s, v) { out('first alarm ' + s + '=' + v); });
hub.on('alarm', function (s, v) { out('alarm ' + s + '=' + v); });
hub.prependOnceListener('reading', function (s) { out('first reading from ' + s); });

var bus = mitt();
var busLog = [];
bus.on('*', function (type, e) { busLog.push(type + ':' + (e && e.v)); });
bus.on('cmd', function (e) { hub.report(e.sensor, e.v); });

// the sensors: each emits a few readings, one per turn
var script = [['t1', 12], ['t2', 31], ['t1', 14], ['h1', 55], ['t2', 8], ['t1', 40]];
var pos = 0;
function tick() {
  var r = script[pos++];
  if (pos % 2) hub.report(r[0], r[1]); else bus.emit('cmd', { sensor: r[0], v: r[1] });
  out('tick ' + pos + ' total ' + total + ' listeners ' + hub.listenerCount('reading') + '/' + hub.listenerCount('alarm'));
  if (pos === 2) {
    hub.removeListener('reading', sum);
    hub.on('reading', function selfRemoving(s, v) { total += v * 10; hub.removeListener('reading', selfRemoving); hub.on('reading', sum); });
  }
  if (pos === 4) {
    out('events ' + hub.eventNames().join(',') + ' raw ' + hub.rawListeners('alarm').length + ' meta ' + meta.join(' '));
    try { hub.emit('error', new Error('sensor h1 lost')); } catch (e) { out('unhandled error event: ' + e.message); }
    hub.on('error', function (e) { out('handled: ' + e.message); });
    hub.emit('error', new Error('sensor h1 back'));
    hub.setMaxListeners(2);
    out('max ' + hub.getMaxListeners() + ' default ' + EventEmitter.defaultMaxListeners);
  }
  if (pos < script.length) setTimeout(tick, 1);
  else {
    hub.removeAllListeners('alarm');
    bus.off('cmd');
    bus.emit('cmd', { sensor: 'x', v: 0 });
    out('done total ' + total + ' readings ' + JSON.stringify(hub.readings) + ' alarms left ' + hub.listenerCount('alarm'));
    out('bus ' + busLog.join(' '));
    out('meta ' + meta.join(' '));
  }
}
setTimeout(tick, 1);
