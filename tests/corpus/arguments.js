// The arguments object: length, indexing, aliasing of parameters in sloppy mode, none in strict mode, callee.
function len() { return arguments.length; }
console.log(len() + ' ' + len(1) + ' ' + len(1, 2, 3));

function alias(a, b) {
  a = 'A';
  arguments[1] = 'B';
  return a + b + arguments[0] + arguments[1];
}
console.log(alias(1, 2));

function aliasMissing(a, b) {
  arguments[1] = 'late';
  return String(b) + ' ' + arguments.length;
}
console.log(aliasMissing(1));

function strictNoAlias(a) {
  'use strict';
  a = 'changed';
  return arguments[0] + ' ' + a;
}
console.log(strictNoAlias('orig'));

function sum() {
  var s = 0;
  for (var i = 0; i < arguments.length; i++) s += arguments[i];
  return s;
}
console.log(sum(1, 2, 3, 4));

function toArray() { return Array.prototype.slice.call(arguments); }
console.log(JSON.stringify(toArray('x', 2, null)));

var recurse = function (n) { return n <= 0 ? 0 : n + arguments.callee(n - 1); };
console.log(recurse(4));

// arguments seen from a closure is the closure's own, not the outer one
function outerArgs(a) {
  var inner = function () { return arguments.length; };
  return arguments.length + '/' + inner(1, 2, 3);
}
console.log(outerArgs('x'));

// capturing arguments of the outer function through a variable
function captureArgs() {
  var args = arguments;
  return function (i) { return args[i]; };
}
var ca = captureArgs('p', 'q');
console.log(ca(0) + ca(1));

// a parameter captured by a closure while aliased by arguments
function aliasedCaptured(x) {
  var get = function () { return x; };
  arguments[0] = 'via arguments';
  var first = get();
  x = 'via param';
  return first + ' | ' + arguments[0] + ' | ' + get();
}
console.log(aliasedCaptured('start'));

// typeof arguments and its class
function kind() { return typeof arguments + ' ' + Object.prototype.toString.call(arguments); }
console.log(kind());

// a parameter named arguments shadows the object
function shadowArgs(arguments) { return arguments; }
console.log(shadowArgs('param wins'));

// a local var named arguments without initialiser keeps the object
function varArgs() { var arguments; return typeof arguments; }
console.log(varArgs(1));

// apply with arguments
function fwd() { return sum.apply(null, arguments); }
console.log(fwd(10, 20, 30));
