// inner functions that use an enclosing environment-only binding twice or more read that environment object once at entry into a local: two levels at once, a catch environment, a directive prologue, a __proto__ binding, one use (no alias)
function outer() {
  var a = 0;
  function mid() {
    var b = 0;
    return function () { 'use strict'; a++; b++; a += b; b += a; return a + ':' + b; };
  }
  return mid();
}
var f = outer();
console.log(f() + ' ' + f());
function withCatch() {
  try { throw 5; } catch (e) {
    return function () { e++; e *= 2; return e; };
  }
}
var g = withCatch();
console.log(g() + ' ' + g());
function proto() {
  var __proto__ = 1;
  return function () { __proto__++; return __proto__ + typeof {}.__proto__; };
}
var h = proto();
console.log(h() + ' ' + h());
function once() {
  var n = 0;
  return function () { return ++n; };
}
var k = once();
console.log(k() + ' ' + k());
