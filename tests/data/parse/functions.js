// Functions: declarations, expressions, named expressions, closures, getters/setters, strict mode, this, arguments.
function outer(a, b) {
  var total = a;
  function add(x) { total += x; return add; }
  add(b)(1)(2);
  return total;
}
console.log(outer(1, 2));
var fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
console.log(fact(10));
var counters = [];
for (var i = 0; i < 3; i++) counters.push((function (k) { return function () { return k * 10; }; })(i));
console.log(counters.map(function (c) { return c(); }).join(','));
function sloppy() { return typeof this; }
function strict() { 'use strict'; return typeof this; }
console.log(sloppy(), strict(), sloppy.call(5), strict.call(5));
function args() { arguments[0] = 'changed'; return arguments.length + ':' + arguments[0]; }
console.log(args('x', 'y'));
var acc = { _v: 1, get v() { return this._v * 2; }, set v(x) { this._v = x; } };
acc.v = 21;
console.log(acc.v);
(function () { console.log('iife'); })();
!function () { console.log('bang iife'); }();
var r = function () { return 'expr-call'; }();
console.log(r);
console.log((function () { return typeof inBlock; })());
if (true) { function inBlock() { return 'block fn'; } }
console.log(inBlock());
