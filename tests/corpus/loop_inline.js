// Event loop: closures over environments that hold only constants (parameters and function declarations never reassigned), alone and inside mutable environments, through declarations, getters, strict code and pending closures, across turns.
function scale(k) { return function (x) { return x * k; }; }
function pair(a, b) {
  function sum() { return a + b; }
  return { get diff() { return a - b; }, sum: sum };
}
function counter(start) {
  var n = start;
  return function (step) { return function () { n += step; return n; }; };
}
function label(name) {
  return function (suffix) { return function () { return name + '/' + suffix; }; };
}
function twin(v) { return [function () { return v; }, function () { return v + 1; }]; }
function strictAdd(k) { 'use strict'; return function (x) { return x + k + (this === undefined ? 0 : 1000); }; }
function deferred(t, tag) { return function () { return tag + t; }; }
function self(n) { return function me() { return n > 0 ? n + ':' + typeof me : 'none'; }; }

var double = scale(2), triple = scale(3);
var p = pair(10, 4);
var inc = counter(100);
var by1 = inc(1), by5 = inc(5);
var lab = label('L')('x');
var tw = twin(7);
var add = strictAdd(5);
var me = self(3);
var pending = [];
var turn = 0;
function tick() {
  turn++;
  pending.push(deferred(turn, turn % 2 ? 'odd' : 'even'));
  console.log(turn + ': ' + double(turn) + ' ' + triple(turn) + ' ' + p.sum() + ' ' + p.diff + ' ' +
              by1() + ' ' + by5() + ' ' + lab() + ' ' + tw[0]() + ' ' + tw[1]() + ' ' + add(turn) + ' ' +
              me() + ' [' + pending.map(function (f) { return f(); }).join(',') + ']');
  if (turn < 6) setTimeout(tick, 1);
}
setTimeout(tick, 1);
