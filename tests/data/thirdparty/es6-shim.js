// package: es6-shim@0.35.8 es6-shim/es6-shim.js es6-shim/es6-shim.min.js
// prelude: var self = this;
// Driver for es6-shim 0.35 (prepended by tests/thirdparty.sh): ES2015 built-ins written in ES5 and
// installed on Duktape's own objects -- Map, Set, Promise, Object.assign, Array.from, String and Number
// and Math methods, Symbol-less iterators. A snapshot must carry the patched built-ins (new properties of
// Array.prototype, String, Math, Object...) and the shim's closures behind them; the driver keeps Maps and
// Sets with object keys, an iterator half consumed, and promise chains pending on timers across turns.
var out = function (s) { console.log(String(s)); };
function show(v) {
  if (v instanceof Map) return 'Map{' + Array.from(v.entries()).map(function (e) { return show(e[0]) + '=>' + show(e[1]); }).join(',') + '}';
  if (v instanceof Set) return 'Set{' + Array.from(v.values()).map(show).join(',') + '}';
  if (Array.isArray(v)) return '[' + v.map(show).join(',') + ']';
  if (v && typeof v === 'object') return '{' + Object.keys(v).map(function (k) { return k + ':' + show(v[k]); }).join(',') + '}';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
var installed = ['Map', 'Set', 'Promise', 'Reflect'].filter(function (n) { return typeof this[n] === 'function' || typeof this[n] === 'object'; }, this);
out('globals ' + installed.join(' '));
out('methods ' + [Object.assign, Object.is, Array.from, Array.of, Array.prototype.find, Array.prototype.fill,
  String.prototype.includes, String.prototype.repeat, String.fromCodePoint, Number.isInteger, Math.trunc,
  Math.hypot].map(function (f) { return typeof f; }).join(' '));

// what the shim replaced: it differs from engine to engine, but not between two runs on one
function isNative(f) { return typeof f === 'function' && /\[native code\]/.test(Function.prototype.toString.call(f)); }
function replaced() {
  var g = this, res = [];
  ['Number', 'RegExp', 'String', 'Object', 'Array', 'Math', 'Date', 'Function', 'parseInt', 'parseFloat'].forEach(function (n) {
    var o = g[n];
    if (typeof o === 'function' && !isNative(o)) res.push(n);
    [[o, n + '.'], [o && o.prototype, n + '.prototype.']].forEach(function (p) {
      if (p[0]) Object.getOwnPropertyNames(p[0]).sort().forEach(function (k) {
        var d = Object.getOwnPropertyDescriptor(p[0], k);
        if (typeof d.value === 'function' && !isNative(d.value)) res.push(p[1] + k);
        if (d.get && !isNative(d.get)) res.push('get ' + p[1] + k);
      });
    });
  });
  return res;
}
out('replaced ' + replaced().join(' '));
var sticky = new RegExp(/(\d+)-(\w)/g, 'g');   // made by the shim's RegExp wrapper

var devices = new Map();
var kinds = new Set();
var keyA = { id: 'a' }, keyB = { id: 'b' };
var byObject = new Map([[keyA, 1], [keyB, 2]]);
var walker = null;      // a Map iterator, consumed over several turns
var pending = [];       // promises not yet settled at a turn's end
var log = [];
var turn = 0;

function register(name, kind, watts) {
  devices.set(name, { kind: kind, watts: watts });
  kinds.add(kind);
}
function later(ms, v, fail) {
  return new Promise(function (resolve, reject) {
    setTimeout(function () { (fail ? reject : resolve)(v); }, ms);
  });
}

function step() {
  turn++;
  if (turn === 1) {
    register('lamp', 'light', 9); register('fan', 'air', 40); register('heater', 'air', 1500);
    register('strip', 'light', 12); register('pump', 'water', 250);
    out('devices ' + devices.size + ' kinds ' + show(kinds));
    out('assign ' + show(Object.assign({}, { a: 1 }, null, { b: 2, a: 3 })));
    out('is ' + [Object.is(NaN, NaN), Object.is(0, -0), Object.is('x', 'x')].join(' '));
    out('from ' + show(Array.from('héllo')) + ' ' + show(Array.from({ length: 4 }, function (v, i) { return i * i; })) + ' ' + show(Array.of(7, 8)));
    out('find ' + [3, 8, 12, 5].find(function (x) { return x > 4; }) + ' ' + [3, 8, 12, 5].findIndex(function (x) { return x > 10; }));
    out('fill ' + show(new Array(5).fill(0, 1, 3)) + ' copyWithin ' + show([1, 2, 3, 4, 5].copyWithin(0, 3)));
    out('strings ' + ['abc'.includes('b'), 'abc'.startsWith('ab'), 'abc'.endsWith('bc'), 'ab'.repeat(3), '\ud83d\ude00'.codePointAt(0),
      String.fromCodePoint(0x1F600).length, String.raw({ raw: ['x', 'y', 'z'] }, 1, 2)].join(' '));
    out('numbers ' + [Number.isInteger(5.0), Number.isInteger(5.5), Number.isSafeInteger(Math.pow(2, 53)), Number.isNaN('NaN'),
      Number.isFinite('5'), Number.parseInt('42px'), Number.EPSILON > 0, Number.MAX_SAFE_INTEGER].join(' '));
    out('math ' + [Math.sign(-3), Math.trunc(-4.7), Math.log2(1024), Math.log10(1000), Math.hypot(3, 4), Math.clz32(1), Math.imul(0xffffffff, 5),
      Math.cbrt(27), Math.sinh(0), Math.fround(5.5), Math.expm1(0), Math.log1p(0)].join(' '));
    walker = devices.entries();
    out('walk ' + show(walker.next().value));
    pending.push(later(5, 'first').then(function (v) { log.push('then ' + v); return later(1, v + '+'); }));
    pending.push(later(2, 'oops', true).catch(function (e) { log.push('caught ' + e); return 'recovered'; }));
  } else if (turn === 2) {
    out('walk ' + show(walker.next().value) + ' ' + show(walker.next().value));
    devices['delete']('fan');            // deleting ahead of the live iterator
    register('oven', 'heat', 2000);      // added behind it: it must be visited
    out('regexp ' + sticky.exec('1-a 22-b 333-c') + ' ' + sticky.lastIndex + ' ' + (sticky instanceof RegExp) + ' ' + sticky.flags + ' ' + String(new RegExp('x', 'gim')));
    out('replace ' + 'a1b22'.replace(/\d+/g, function (m) { return '<' + m + '>'; }) + ' ' + 'a-b-c'.split('-', 2) + ' ' + 'xyz'.search(/z/) + ' ' + 'k'.bold() + ' ' + Math.round(-2.5) + ' ' + Math.round(0.49999999999999994));
    out('byObject ' + byObject.get(keyA) + ' ' + byObject.get(keyB) + ' ' + byObject.has({ id: 'a' }));
    byObject.set(keyA, byObject.get(keyA) + 10);
    kinds['delete']('water'); kinds.add('heat'); kinds.add('light');
    out('kinds ' + show(kinds) + ' size ' + kinds.size);
  } else if (turn === 3) {
    var rest = [];
    for (var e = walker.next(); !e.done; e = walker.next()) rest.push(e.value[0]);
    out('walk rest ' + rest.join(','));
    out('map ' + show(devices));
    var totals = new Map();
    devices.forEach(function (d) { totals.set(d.kind, (totals.get(d.kind) || 0) + d.watts); });
    out('totals ' + show(totals));
    pending.push(Promise.all([later(3, 1), later(1, 2), Promise.resolve(3), 4]).then(function (vs) { log.push('all ' + vs.join(',')); }));
    pending.push(Promise.race([later(40, 'slow'), Promise.resolve('fast')]).then(function (v) { log.push('race ' + v); }));
  } else if (turn === 4) {
    out('regexp again ' + sticky.exec('1-a 22-b 333-c') + ' ' + sticky.lastIndex + ' replaced ' + replaced().length + ' ' + Number('0b101') + ' ' + Number('0o17'));
    out('byObject ' + show(Array.from(byObject.values())) + ' keys ' + Array.from(byObject.keys()).map(function (k) { return k.id; }).join(''));
    var s = new Set([1, 2, 2, 3, NaN, NaN, 0, -0]);
    out('set ' + s.size + ' ' + s.has(NaN) + ' ' + s.has(-0));
    s.clear(); out('cleared ' + s.size);
    var chain = Promise.resolve(1);
    for (var i = 0; i < 5; i++) chain = chain.then(function (v) { return v * 2; });
    pending.push(chain.then(function (v) { log.push('chain ' + v); }));
    pending.push(new Promise(function () { throw new TypeError('in executor'); }).then(null, function (e) { log.push('executor ' + e.name + ': ' + e.message); }));
  }
  if (turn < 4) setTimeout(step, 1);
  else Promise.all(pending).then(function () { wait(); });
}
function wait() {
  log.sort();
  log.forEach(out);
  out('done ' + turn + ' turns, ' + devices.size + ' devices');
}
setTimeout(step, 1);
