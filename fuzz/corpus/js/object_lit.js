var k = "key", a = 1, b = 2;
var o = { a: 1, "b c": 2, 3: 3, 0x10: 4, 1.5e3: 5, [k + "1"]: 6, a, b,
  m(x) { return x + this.a; }, get g() { return 7; }, set s(v) {}, if: 8, "\u0041": 9 };
console.log(JSON.stringify(o), o.m(1), o.g);
