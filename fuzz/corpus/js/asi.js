var a = 1
var b = a
++b
var c = function () { return
  a }
a = b;
(function () {})
x: for (;;) { break x }
do a++; while (a < 3) b--
