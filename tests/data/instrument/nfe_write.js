// Event loop: closures that assign to an enclosing function expression's own name (ignored in sloppy code, a TypeError in strict code); a restored closure would see a plain variable there, so the snapshot must refuse them (difffuzz seed 4); the program runs the same either way
var sloppy = (function self() {
  return function (t) { self = t; return typeof self; };
})();
var strict = (function own() {
  'use strict';
  return function (t) { try { own = t; } catch (e) { return e.name + ' ' + typeof own; } return typeof own; };
})();
var turn = 0;
function step() {
  turn++;
  console.log(turn + ' ' + sloppy(turn) + ' ' + strict(turn));
  if (turn < 3) setTimeout(step, 2);
}
setTimeout(step, 2);
