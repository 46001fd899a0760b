// Event loop: state kept in patched built-ins, global accessors, non-enumerable and frozen objects, dates and regexps, across turns.
Array.prototype.total = function () { var s = 0; for (var i = 0; i < this.length; i++) s += this[i]; return s; };
String.prototype.shout = function () { return this.toUpperCase() + '!'; };
var hiddenCount = 0;
Object.defineProperty(this, 'counter', { get: function () { return hiddenCount; }, set: function (v) { hiddenCount = v * 2; }, configurable: true });
var config = Object.freeze({ mode: 'strict', level: 3 });
var sealed = Object.seal({ a: 1 });
var tagged = {};
Object.defineProperty(tagged, 'secret', { value: 42, enumerable: false, writable: false });
tagged.visible = 'yes';
var when = new Date(Date.UTC(2024, 0, 15, 8, 30));
var re = /(\d+)/g;
var text = 'a1 b22 c333';
var order = { z: 1, a: 2, 5: 'five', 1: 'one' };
delete order.z;
order.z = 'again';
var sparse = [];
sparse[3] = 'three';
sparse[0] = 'zero';

var step = 0;
function tick() {
  step++;
  var m = re.exec(text);
  counter = step;
  sealed.a += step;
  when.setUTCDate(when.getUTCDate() + 1);
  console.log([
    'step ' + step,
    [1, 2, step].total(),
    'hi'.shout(),
    'counter ' + counter,
    config.mode + config.level + Object.isFrozen(config),
    'sealed ' + sealed.a + Object.isSealed(sealed),
    'tagged ' + tagged.secret + Object.keys(tagged).join(','),
    when.toISOString(),
    'match ' + (m ? m[1] + '@' + re.lastIndex : 'none@' + re.lastIndex),
    Object.keys(order).join(','),
    sparse.length + ':' + Object.keys(sparse).join(',')
  ].join(' | '));
  if (step < 5) setTimeout(tick, 2);
}
setTimeout(tick, 1);
