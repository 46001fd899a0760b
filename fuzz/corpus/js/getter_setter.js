var n = 0;
var o = { get x() { return n; }, set x(v) { n = v * 2; }, get 1() { return 1; }, set "s t"(v) {} };
Object.defineProperty(o, "y", { get: function () { return n + 1; } });
o.x = 3;
console.log(o.x, o.y, o[1]);
