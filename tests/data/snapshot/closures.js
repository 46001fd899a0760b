// Closures and environments across turns: counters, shared and nested
// environments, catch parameters, named function expressions, accessors,
// methods, bound functions, constructors and prototypes, polyfills.
function counter(start) {
  var n = start;
  return { inc: function () { return ++n; }, get: function () { return n; } };
}
function shared() {
  var log = [];
  function add(x) { log.push(x); return log.length; }
  function dump() { return log.join(','); }
  return [add, dump];
}
function nest(a) {
  return function (b) {
    return function (c) { a += 1; return a + b + c; };
  };
}
var c1 = counter(10), c2 = counter(100);
var pair = shared();
var deep = nest(1)(20);
var caught = [];
for (var i = 0; i < 3; i++) {
  try { throw 'e' + i; } catch (e) { caught.push(function () { return e; }); }
}
var fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
var temp = {
  _c: 20,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
  describe: function () { return 'temp ' + this._c; }
};
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm2 = function () { return this.x * this.x + this.y * this.y; };
Point.origin = new Point(0, 0);
function Point3(x, y, z) { Point.call(this, x, y); this.z = z; }
Point3.prototype = Object.create(Point.prototype);
Point3.prototype.constructor = Point3;
Point3.prototype.norm2 = function () { return Point.prototype.norm2.call(this) + this.z * this.z; };
var pts = [new Point(3, 4), new Point3(1, 2, 2)];
function greet(greeting, name) { return greeting + ', ' + name + (this && this.punct || ''); }
var hello = greet.bind({ punct: '!' }, 'hello');
var hey = greet.bind(null, 'hey');
var helloBob = hello.bind(null, 'bob');
if (!Array.prototype.last) {
  Array.prototype.last = function () { return this[this.length - 1]; };
}
String.prototype.shout = function () { return this.toUpperCase() + '!'; };

var turn = 0;
function report() {
  console.log('turn ' + turn + ': ' + c1.inc() + ' ' + pair[0]('t' + turn) + ' ' + pair[1]() +
              ' ' + deep(turn) + ' ' + caught.map(function (f) { return f(); }).join('') +
              ' ' + fact(turn + 3) + ' ' + temp.f + ' ' + temp.describe());
  temp.f = temp.f + 9;
  console.log('  ' + pts.map(function (p) { return p.norm2() + (p instanceof Point) + (p instanceof Point3); }).join(' ') +
              ' ' + (pts[1].constructor === Point3) + ' ' + Point.origin.norm2() + ' ' + hello('ann') + ' ' +
              hey('cy') + ' ' + helloBob() + ' ' + hello.length + ' ' + [1, 2, turn].last() + ' ' + 'ok'.shout() +
              ' ' + Object.keys(Array.prototype).length);
  pts.push(new Point(turn, turn));
  turn++;
  if (turn < 5) setTimeout(report, 3);
}
setTimeout(report, 1);
// the interval interleaves with the turns above at times that depend on the
// machine's speed, so it only records; the later of its end and a 300 ms
// timeout prints (on a loaded machine the timeout may come first)
var ticks = [], pending = 2;
function finish() {
  if (--pending === 0) console.log('interval ticks ' + ticks.join(',') + ' c2 ' + c2.get());
}
var iv = setInterval(function () {
  ticks.push(c2.inc());
  if (c2.get() > 103) { clearInterval(iv); finish(); }
}, 7);
setTimeout(finish, 300);
