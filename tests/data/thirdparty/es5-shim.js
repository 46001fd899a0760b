// package: es5-shim@4.6.7 es5-shim/es5-shim.js+es5-shim/es5-sham.js es5-shim/es5-shim.min.js+es5-shim/es5-sham.min.js
// Driver for es5-shim 4.6 and es5-sham (prepended by tests/thirdparty.sh): the shim tests the engine's
// ES5 built-ins and replaces the ones it finds wanting (on Duktape 2.7: some of Array.prototype,
// String.prototype, Date, parseInt...) with its own ES5 code, keeping the originals in its closures.
// A snapshot must carry those patches of built-in objects. The driver lists what was replaced, then
// uses the patched methods turn by turn on data kept in the heap (a sorted log, a growing buffer
// spliced in place, dates parsed and printed, objects frozen by the sham).
var out = function (s) { console.log(String(s)); };
function isNative(f) { return typeof f === 'function' && /\[native code\]/.test(Function.prototype.toString.call(f)); }
var probes = {
  'Array.prototype': ['splice', 'push', 'unshift', 'slice', 'join', 'sort', 'forEach', 'map', 'filter', 'some', 'every',
    'reduce', 'reduceRight', 'indexOf', 'lastIndexOf', 'concat'],
  'String.prototype': ['split', 'replace', 'substr', 'trim', 'trimLeft', 'trimRight', 'lastIndexOf', 'indexOf'],
  'Date': ['parse', 'now', 'UTC'],
  'Date.prototype': ['toISOString', 'toJSON', 'toString', 'toDateString', 'toUTCString', 'getDate', 'getFullYear', 'getMonth', 'getDay'],
  'Object': ['keys', 'defineProperty', 'freeze', 'seal', 'preventExtensions', 'getPrototypeOf', 'create', 'getOwnPropertyNames'],
  'Function.prototype': ['bind'],
  '': ['parseInt', 'parseFloat']
};
var global = this;
Object.keys(probes).forEach(function (where) {
  var o = where === '' ? global : where.split('.').reduce(function (x, k) { return x[k]; }, global);
  var shimmed = probes[where].filter(function (m) { return typeof o[m] === 'function' && !isNative(o[m]); });
  out('shimmed ' + (where || 'global') + ': ' + (shimmed.join(' ') || '-'));
});

var buffer = [];
var events = [];
var frozen = null;
var turn = 0;
function step() {
  turn++;
  if (turn === 1) {
    for (var i = 0; i < 12; i++) buffer.push(i * 7 % 12);
    out('splice ' + JSON.stringify(buffer.splice(2, 3, 'a', 'b')) + ' -> ' + JSON.stringify(buffer));
    out('splice1 ' + JSON.stringify(buffer.splice(9)) + ' -> ' + JSON.stringify(buffer));
    out('unshift ' + buffer.unshift('x', 'y') + ' ' + JSON.stringify(buffer.slice(0, 4)));
    out('split ' + JSON.stringify('a,b,,c'.split(',', 3)) + ' ' + JSON.stringify('abc'.split('')) + ' ' + JSON.stringify('ab'.split(/(?:ab)*/)) +
      ' ' + JSON.stringify('test'.split(/(t)/)) + ' ' + JSON.stringify(''.split(/.?/)));
    out('substr ' + 'abcdef'.substr(-3, 2) + ' trim [' + '\u00a0\u2000 x y \ufeff\n'.trim() + ']');
    out('parseInt ' + [parseInt('08'), parseInt('  0x1f'), parseInt('\u180e42'), parseFloat('-.5e1x')].join(' '));
    events.push({ at: Date.UTC(2024, 1, 29, 12, 0, 0), what: 'leap' });
  } else if (turn === 2) {
    ['2000-01-01T00:00:00Z', '2000-01-01T00:00:00.123Z', '1970-01-01', '+012345-07-01T00:00:00Z', '2024-02-29T23:59:59.999Z',
      '2011-10-10T14:48:00.000+09:00', 'not a date'].forEach(function (s) {
      var t = Date.parse(s);
      out('parse ' + s + ' = ' + t + (isNaN(t) ? '' : ' ' + new Date(t).toISOString()));
      if (!isNaN(t)) events.push({ at: t, what: s });
    });
    out('json ' + JSON.stringify(new Date(Date.UTC(-1, 0, 1))) + ' ' + new Date(8.64e15).toISOString());
  } else if (turn === 3) {
    events.sort(function (a, b) { return a.at - b.at; });
    out('events ' + events.map(function (e) { return e.what; }).join(' | '));
    out('reduce ' + events.reduce(function (n, e) { return n + (e.at > 0 ? 1 : 0); }, 0) + ' ' +
      [[1, 2], [3], []].reduceRight(function (a, b) { return a.concat(b); }, []).join(''));
    out('indexOf ' + [NaN, 1, 2, 1].indexOf(1, -2) + ' ' + [1, 2, 1].lastIndexOf(1, -2) + ' ' + [0].indexOf(-0));
    var bound = function (a, b) { return this.k + a + b; }.bind({ k: 'k' }, 'a');
    out('bind ' + bound('b') + ' ' + bound.length);
    frozen = Object.freeze({ buffer: buffer.slice(), when: events[0].at });
    out('frozen ' + Object.isFrozen(frozen) + ' ' + Object.isSealed(frozen) + ' ' + Object.isExtensible(frozen));
  } else if (turn === 4) {
    frozen.when = 1; frozen.extra = 2;
    out('still ' + frozen.when + ' ' + frozen.extra + ' ' + JSON.stringify(frozen.buffer));
    var proto = { hello: function () { return 'hi ' + this.name; } };
    var o = Object.create(proto, { name: { value: 'dev', enumerable: true } });
    out('create ' + o.hello() + ' ' + (Object.getPrototypeOf(o) === proto) + ' ' + Object.keys(o).join(','));
    out('array ' + [3, 1, 2].sort().join('') + ' ' + Array.isArray([]) + ' ' + [1, 2, 3].map(function (x) { return x * x; }).filter(function (x) { return x > 1; }).join(','));
    out('date ' + new Date(Date.UTC(2020, 0, 15)).toISOString() + ' ' + Date.UTC(2020) + ' ' + (typeof Date.now()));
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
