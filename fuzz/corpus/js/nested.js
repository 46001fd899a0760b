function a(x) { return function b(y) { return function c(z) { return function d() { return x + y + z; }; }; }; }
var f = a(1)(2)(3);
var g = [function () { return f; }, { m: function () { return g; } }][1];
console.log(f(), typeof g.m());
