"use strict";
var o = { "use strict": 1 };
function f(a, b) { return a + b; }
var g = function () { "use strict"; return this; };
console.log(f(1, 2), g(), 0o17, 0b101, 2 ** 10, -(2 ** 2));
