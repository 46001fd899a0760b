// Named function expressions: self-reference, the name's own scope, assignment to the name, name and length.
var fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
console.log(fact(10));
console.log(typeof f);

var g = function self() {
  self = 5; // ignored in sloppy mode: the NFE binding is immutable
  return typeof self;
};
console.log(g());

var h = function inner(inner) { return typeof inner; };
console.log(h(3));

var k = function named() { var named = 'shadowed'; return named; };
console.log(k());

var countdown = function cd(n, acc) {
  acc.push(n);
  if (n > 0) setTimeoutLike(function () { cd(n - 1, acc); });
  return acc;
};
function setTimeoutLike(fn) { fn(); }
console.log(countdown(3, []).join(','));

// the name refers to the function object itself, even after the outer variable changes
var ref = function me() { return me; };
var saved = ref;
ref = null;
console.log(saved() === saved);

// name and length
function decl(a, b, c) {}
var anon = function () {};
var nm = function nice(x) {};
console.log(decl.name + ' ' + decl.length + ' ' + nm.name + ' ' + nm.length + ' [' + anon.name + ']');

// an NFE captured by its own inner closures
var ticker = function tick(n) {
  var calls = [];
  function again() { if (n > 0) { calls.push(n); return tick(n - 1); } return 'done'; }
  return again() + calls.join('');
};
console.log(ticker(3));

// strict-mode NFE: assignment to the name throws
var strictSelf = function s() {
  'use strict';
  try { s = 1; return 'no error'; } catch (e) { return e instanceof TypeError ? 'TypeError' : 'other'; }
};
console.log(strictSelf());

// function expression names do not leak into the enclosing scope
(function leaky() {})();
console.log(typeof leaky);
