function f(a, b) { arguments[0] = 5; return function () { return a + b; }; }
function g(a) { "use strict"; arguments[0] = 1; return a; }
function h(arguments) { return arguments; }
function k() { var arguments; return arguments.length; }
console.log(f(1, 2)(), g(3), h(4), k(1, 2));
