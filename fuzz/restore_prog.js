// fuzz/restore_prog.js -- the program whose restore table fuzz_restore
// restores hostile snapshots into (fuzz/build.sh builds it with ferryc
// --emit-only), and whose runs give the seed snapshots (tests/fuzz.sh).
// It has a site of every shape: declarations, expressions, named function
// expressions, nested closures over several environment levels, catch
// parameters, inline environments, getters, setters, methods, bound
// functions, constructors and prototypes, polyfills; and values of every
// kind, pending timeouts, intervals and immediates with arguments.
// The callbacks run on restored (hostile) data, so every loop is bounded
// by a constant: no data can make a turn run for long.
var N = 6;
function lim(n) { return typeof n === 'number' && n > 0 ? (n < N ? n : N) : 0; }
function counter(start) {
  var n = start;
  return { inc: function () { return ++n; }, get: function () { return n; } };
}
function shared() {
  var log = [];
  function add(x) { log.push(x); return log.length; }
  function dump() { var s = ''; for (var i = 0; i < lim(log.length); i++) s += log[i]; return s; }
  return [add, dump];
}
function nest(a) {
  var outer = 'o';
  return function (b) {
    var mid = b;
    return function (c) { a += 1; mid = c; return a + b + c + outer + mid; };
  };
}
function consts(p, q) {
  // p and q are never written: an inline environment
  return function () { return p + q; };
}
var caught = [];
for (var i = 0; i < 3; i++) {
  try { throw 'e' + i; } catch (e) { caught.push(function () { return e; }); }
}
var fact = function f(n) { return n <= 1 || n > 20 ? 1 : n * f(n - 1); };
var temp = {
  _c: 20,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
  m() { return 'm' + this._c; },
  describe: function () { return 'temp ' + this._c; }
};
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm2 = function () { return this.x * this.x + this.y * this.y; };
function Point3(x, y, z) { Point.call(this, x, y); this.z = z; }
Point3.prototype = Object.create(Point.prototype);
Point3.prototype.constructor = Point3;
function greet(greeting, name) { return greeting + ', ' + name + (this && this.punct || ''); }
var hello = greet.bind({ punct: '!' }, 'hello');
var helloBob = hello.bind(null, 'bob');
if (!Array.prototype.last) {
  Object.defineProperty(Array.prototype, 'last', {
    value: function () { return this[this.length - 1]; }, writable: true, configurable: true
  });
}
String.prototype.shout = function () { return this + '!'; };
delete Math.hypot;

var c1 = counter(10), c2 = counter(100), pair = shared(), deep = nest(1)(20), k = consts(2, 3);
var ab = new ArrayBuffer(16);
var views = [new Uint8Array(ab, 4, 8), new Int32Array(ab, 8, 2), new DataView(ab, 0, 4),
             new Float64Array(2), new Buffer(3)];
// ArrayBuffer objects of different lengths over one memory (the snapshot's "memory")
views.push(views[0].subarray(2), views[4].slice(1), views[4].slice(0, 2));
var decoders = [new TextDecoder(), new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })];
var s1 = Symbol('one'), sg = Symbol.for('g');
var kinds = {
  date: new Date(86400000), re: /a(b+)c/g, err: new RangeError('r'), boxed: [new Boolean(true),
  new Number(-0), new String('s'), Object(s1)], args: (function () { return arguments; })(1, 'a'),
  bare: Object.create(null), frozen: Object.freeze({ k: 1 }), sealed: Object.seal([1]),
  holes: [1, , 3], nums: [NaN, -0, Infinity, 1e300], sym: s1, gsym: sg
};
kinds[s1] = 'symkey';
kinds[Symbol.iterator] = 'it';
kinds.pts = [new Point(3, 4), new Point3(1, 2, 2)];
kinds.err.code = 7;

var turn = 0;
function show(x) {
  var t = typeof x;
  if (t === 'function') return 'fn';
  if (t === 'symbol') return String(x);
  if (x === null || t !== 'object') return String(x);
  return Object.prototype.toString.call(x);
}
function step(tag, extra) {
  var out = [tag, turn, show(extra), c1.inc(), pair[0]('t'), pair[1](), deep(turn), k(), fact(turn + 2)];
  for (var i = 0; i < lim(caught.length); i++) out.push(typeof caught[i] === 'function' ? caught[i]() : 0);
  out.push(temp.f, temp.m(), temp.describe(), hello('ann'), helloBob());
  for (i = 0; i < lim(kinds.pts.length); i++)
    out.push(kinds.pts[i] && typeof kinds.pts[i].norm2 === 'function' ? kinds.pts[i].norm2() : '-');
  for (i = 0; i < lim(views.length); i++) out.push(show(views[i]), views[i] && views[i].byteLength);
  out.push(show(kinds.date), show(kinds.re), show(kinds.err), show(kinds.args), show(kinds[s1]));
  temp.f = temp.f + 9;
  kinds.pts.push(new Point(turn, turn));
  turn++;
  console.log(out.join(' '));
}
setTimeout(function tick() { step('tick'); if (turn < 6) setTimeout(tick, 2, 'again'); }, 1);
var iv = setInterval(function (a, b) { step('iv', a); if (c2.inc() > 103) clearInterval(iv); }, 3, 'x', { y: 1 });
setImmediate(step, 'imm', views);
setImmediate(function () { setImmediate(step.bind(null, 'bound'), 'arg'); });
setTimeout(step, 40, 'late', kinds);
