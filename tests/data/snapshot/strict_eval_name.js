// A variable named eval (never called: that would be a direct eval) read by
// a strict closure: the closure's maker sits in a strict maker unit, where
// `var eval` is a syntax error, so the name must not be a maker variable.
function o(eval) {
  var n = 0;
  return function () { 'use strict'; n++; return typeof eval + n; };
}
function p() {
  var eval = 'v';
  return function () { 'use strict'; return eval; };
}
var q = function eval(k) {
  return function () { 'use strict'; return typeof eval + k; };
};
var f = o(function () {}), g = p(), h = q(1);
var turn = 0;
function tick() {
  console.log(turn, f(), g(), h());
  if (++turn < 3) setTimeout(tick, 1);
}
setTimeout(tick, 1);
