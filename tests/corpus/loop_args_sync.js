// Event loop: closures over sloppy parameters written through arguments[k] (=, op=, ++, fewer and more arguments than parameters, nested closures) and strict ones (no aliasing), kept across turns.
function account(owner, balance) {
  arguments[1] += 100;
  var history = [];
  return {
    deposit: function (n) { history.push(n); return owner + ':' + (balance + history.reduce(function (s, x) { return s + x; }, 0)); },
    owner: function () { return owner; }
  };
}
function renamer(name, suffix) {
  arguments[0] = name + (suffix || '?');
  arguments[2] = 'ignored';
  return function () { return function () { return name; }; };
}
function ticker(n) {
  arguments[0]++;
  return function () { return n; };
}
function strictName(name) {
  'use strict';
  arguments[0] = 'never';
  return function () { return name; };
}
var acc = account('ann', 5);
var acc2 = account('bob');
var r1 = renamer('r', '!')();
var r2 = renamer('s')();
var t = ticker(41), t0 = ticker();
var s = strictName('kept');
var turn = 0;
function step() {
  turn++;
  console.log(turn + ' ' + acc.deposit(turn) + ' ' + acc2.deposit(turn) + ' ' + acc.owner() + ' ' + r1() + ' ' + r2() +
              ' ' + t() + ' ' + t0() + ' ' + s());
  if (turn < 5) setTimeout(step, 2);
}
setTimeout(step, 2);
