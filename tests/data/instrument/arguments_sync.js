// writes through arguments[k] (constant k, value unused) re-sync the environment copy of the aliased parameter: =, op=, ++/--, for heads, fewer and more arguments than parameters, duplicate names, strict code (no aliasing), nested closures, delete, named properties; computed indices, escaping and used values stay as written
function set0(a, b) {
  arguments[0] = 'x' + a;
  return function () { return a + '/' + b; };
}
console.log(set0('p', 'q')() + ' ' + set0()());
function opAssign(a, b) {
  arguments[1] += 10;
  arguments[1] -= 1;
  arguments[1] *= 2;
  return function () { return [a, b].join(','); };
}
console.log(opAssign(1, 2)() + ' ' + opAssign(1)());
function incs(n) {
  arguments[0]++;
  ++arguments[0];
  arguments[0]--;
  return function () { return n; };
}
console.log(incs(5)() + ' ' + incs()());
function forHead(i) {
  var seen = [];
  for (arguments[0] = 0; i < 3; arguments[0]++) seen.push(i);
  return function () { return seen.join('') + '|' + i; };
}
console.log(forHead(9)() + ' ' + forHead()());
function beyond(a) {
  arguments[3] = 'far';
  arguments[1] = 'b';
  return function () { return a; };
}
console.log(beyond('a', 'x')() + ' ' + beyond()());
function strictW(a) {
  'use strict';
  arguments[0] = 'changed';
  return function () { return a; };
}
console.log(strictW('kept')());
function nested(a, b) {
  var f = function () { return function () { return a + b; }; };
  arguments[1] = 'B';
  return f;
}
console.log(nested('A', 'b')()());
function afterClosure(a) {
  var g = function () { return a; };
  var first = g();
  arguments[0] = a + 1;
  return function () { return first + '>' + g(); };
}
console.log(afterClosure(1)());
function del(a) {
  delete arguments[0];
  arguments[0] = 'gone';
  return function () { return a; };
}
console.log(del('here')());
function named(a) {
  arguments.extra = 1;
  arguments.length = 0;
  return function () { return a + arguments.length; };
}
console.log(named('n')(1, 2));
function dup(a, a) {
  arguments[0] = 'first';
  arguments[1] = 'second';
  return function () { return a; };
}
console.log(dup('x', 'y')());
function both(a) {
  a = a + '1';
  arguments[0] += '2';
  return function () { return a; };
}
console.log(both('0')());
function computed(a, i) {
  arguments[i] = 'c';
  return function () { return a; };
}
console.log(computed('a', 0)());
function escapes(a) {
  var args = arguments;
  args[0] = 'e';
  return function () { return a; };
}
console.log(escapes('a')());
function valueUsed(a) {
  var v = (arguments[0] = 'v');
  return function () { return a + v; };
}
console.log(valueUsed('a')());
