// A call of an identifier named eval is a direct eval whenever the value is
// the built-in eval, also when `eval` is a parameter or a local variable:
// the eval code sees the caller's variables, so they must stay as written.
var geval = eval;
function t1(eval) {
  var x = 1;
  var g = function () { x = 5; return x; };
  g();
  return eval("x");
}
console.log('t1', t1(geval));
function t2() {
  var eval = geval;
  var x = 'local';
  var g = function () { return x; };
  x = 'local2';
  return eval("x") + ' ' + g();
}
var x = 'global';
console.log('t2', t2());
function t3() {
  var eval = geval;
  function h() { var y = 'inner'; return eval("typeof y"); }
  eval = geval;
  return h();
}
console.log('t3', t3());
function t4() {
  var eval = geval;
  return function () { var y = 'inner'; eval = eval; return eval("typeof y"); };
}
console.log('t4', t4()());
function t5(eval) {
  var n = 0;
  var inc = function () { return ++n; };
  inc();
  eval("n += 10");
  return inc();
}
console.log('t5', t5(geval), t5(function () { return 'not eval'; }));
