// A parameter whose entry value a function declaration of the same name
// gives is still the binding arguments[i] aliases (ES5.1 10.6): a write
// through arguments changes what the closures read, after a resume too.
function f(a) { function a() { return 'fn'; } var g = function () { return typeof a; }; arguments[0] = 5; return g; }
function f2(a, b) { function b() {} var g = function () { return [typeof a, typeof b].join(); }; arguments[1] = 'x'; return g; }
function f3(a) { var g = function () { return typeof a; }; function a() {} if (arguments.length) arguments[0] = "s"; return [g]; }
var g = f(1), g2 = f2(1, 2), r3 = f3(1);
var turn = 0;
function tick() {
  console.log(turn, g(), g2(), r3[0]());
  if (++turn < 3) setTimeout(tick, 1);
}
setTimeout(tick, 1);
