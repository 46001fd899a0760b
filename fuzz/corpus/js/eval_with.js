var o = { x: 1 };
function f(s) { var y = 2; return eval(s); }
function g() { with (o) { return function () { return x; }; } }
(0, eval)("var z = 3");
console.log(f("y + 1"), g()(), z);
