// A function declaration that names itself (recursion, or a closure made in
// it) while its enclosing function reassigns the name: after a restore the
// name must still read the binding, not the function (a maker makes the
// function from a named function expression, whose name would shadow it).
function outer() {
  function f() { return typeof f === 'function' ? 'fn' : f; }
  var g = f;
  f = 42;
  return g;
}
function outer2() {
  function f(n) { return n ? f(n - 1) + 1 : 0; }
  var g = f;
  f = function (n) { return 100; };
  return g;
}
function outer3() {
  var k = 0;
  if (true) {
    function f() { return function () { return [typeof f, k]; }; }
  }
  var g = f;
  f = 'replaced';
  k = 1;
  return g;
}
var g = outer(), g2 = outer2(), g3 = outer3();
var turn = 0;
function tick() {
  console.log(turn, g(), g2(turn), g3()().join());
  if (++turn < 3) setTimeout(tick, 1);
}
setTimeout(tick, 1);
