// sloppy arguments aliasing with captured parameters (left dynamic), strict arguments without aliasing
function alias(a, b) {
  arguments[0] = 100;
  var get = function () { return a + b; };
  b = 7;
  return get() + " " + arguments[1];
}
console.log(alias(1, 2));
function strictArgs(a) {
  "use strict";
  arguments[0] = 100;
  return function () { return a; };
}
console.log(strictArgs(1)());
function usesArgsNoCapture(a) { return arguments.length + a; }
console.log(usesArgsNoCapture(1, 2, 3));
