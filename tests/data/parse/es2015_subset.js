// The ES2015 pieces Duktape 2.7 runs and Ferry passes through: const, computed keys, shorthand, methods, 0o/0b, **.
const LIMIT = 3;
var k = 'dyn', a = 1;
var o = { [k + 'amic']: 1, a, m() { return this.a + 1; }, ['x' + LIMIT]: 0o17 + 0b11 };
console.log(o.dynamic, o.a, o.m(), o.x3, 2 ** 10);
var e = 2;
e **= 3;
console.log(e);
