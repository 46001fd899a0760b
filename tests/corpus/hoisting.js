// Hoisting corner cases: var before use, functions over vars, duplicate declarations, typeof before declaration.
console.log(typeof early + ' ' + early());
function early() { return 'early ok'; }

console.log(String(v1));
var v1 = 'set';
console.log(v1);

function dup() { return 1; }
console.log(dup());
function dup() { return 2; }
console.log(dup());

var fv = 'var first';
function fv() {}
console.log(typeof fv);

function paramAndVar(x) {
  var x;
  return x;
}
console.log(paramAndVar('kept'));

function paramAndFunc(x) {
  function x() {}
  return typeof x;
}
console.log(paramAndFunc(1));

function varAfterReturn() {
  y = 10;
  return y;
  var y;
}
console.log(varAfterReturn() + ' ' + typeof y);

function innerHoist() {
  var out = [];
  out.push(typeof later);
  out.push(typeof laterVar);
  var laterVar = function () {};
  function later() {}
  out.push(typeof laterVar);
  return out.join(',');
}
console.log(innerHoist());

function loopVar() {
  for (var i = 0; i < 2; i++) { var inside = i; }
  return i + ' ' + inside;
}
console.log(loopVar());

function forInVar() {
  for (var k in { p: 1, q: 2 }) {}
  return k;
}
console.log(forInVar());

var shadowMe = 'global';
function shadowHoist() {
  var before = shadowMe;
  var shadowMe = 'local';
  return String(before) + ' ' + shadowMe;
}
console.log(shadowHoist());

function deadBranch() {
  if (false) { var never = 1; }
  return typeof never;
}
console.log(deadBranch());

function hoistInCatch() {
  try { throw 1; } catch (e) { var fromCatch = 'c'; }
  return fromCatch;
}
console.log(hoistInCatch());

console.log(typeof globalLater);
var globalLater = 3;
console.log('global var is a property: ' + ('globalLater' in this));
