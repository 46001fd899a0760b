// Event loop: strict-mode program with closures, setImmediate chains carrying arguments, and a cleared interval.
'use strict';
var events = [];
function emitter() {
  var listeners = {};
  return {
    on: function (name, fn) { (listeners[name] = listeners[name] || []).push(fn); },
    emit: function (name, value) {
      (listeners[name] || []).forEach(function (fn) { fn(value); });
    }
  };
}
var bus = emitter();
var total = 0;
bus.on('add', function (v) { total += v; events.push('+' + v); });
bus.on('add', function (v) { if (v > 2) events.push('big'); });
bus.on('report', function () { console.log('total ' + total + ' events ' + events.join(' ')); });

function chain(n, acc) {
  bus.emit('add', n);
  if (n < 4) setImmediate(chain, n + 1, acc + n);
  else {
    console.log('chain done ' + (acc + n));
    bus.emit('report');
    var left = 3;
    var iv = setInterval(function () {
      left--;
      bus.emit('add', 10);
      console.log('interval ' + left + ' total ' + total);
      if (left === 0) { clearInterval(iv); bus.emit('report'); }
    }, 4);
  }
}
setImmediate(chain, 1, 0);
console.log('this at top level: ' + typeof this + ' ' + (this.setImmediate === setImmediate));
