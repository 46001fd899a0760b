// Operator precedence and associativity: every operator, mixed, with and without parentheses.
var a = 7, b = 3, c = 2, d = 5, s = 'x', o = { p: { q: 4 }, f: function () { return this === o; } };
console.log(a + b * c, (a + b) * c, a - b - c, a - (b - c), a / b / c, a / (b / c));
console.log(a % b * c, a % (b * c), a << c + 1, (a << c) + 1, a >> 1 >>> 0, -a >>> 28);
console.log(a < b == c > d, a < (b == c) > d, a & b | c ^ d, a & (b | c) ^ d, (a & b | c) ^ d);
console.log(a || b && 0, (a || b) && 0, !a || b, !(a || b), a ? b : c ? d : a, (a ? b : c) ? d : a);
console.log(typeof a + s, typeof (a + s), void 0 === undefined, -(-a), - -a, +(+a), - --a, a++ + ++a, a-- - --a);
console.log(2 ** 3 ** 2, (2 ** 3) ** 2, (-2) ** 2, 2 ** -1, a * 2 ** 2);
console.log('p' in o && 'q' in o.p, !('z' in o), o instanceof Object, !(o instanceof Array));
var x, y, z;
x = y = z = 4; console.log(x, y, z);
x += y -= z *= 2; console.log(x, y, z);
x = (y = 1, z = 2, y + z); console.log(x, y, z);
console.log((1, 2), [1, (2, 3)].length, o.f(), (0, o.f)(), (o.f)());
console.log(new Date(0).getTime(), new (function () { this.v = 1; })().v, typeof new Object);
function F() { this.k = 9; return this; }
F.prototype.g = function () { return F; };
console.log(new F().k, new (new F().g())().k, (new F).k, new F instanceof F);
console.log(1..toString(), 1.5.toFixed(1), (10).toString(2), 0x10.toString(), 1e3.toString());
console.log(((a)), (((a + b))), !!(a && b), ~~7.5, ~-1, !-0);
console.log(a > b ? 'gt' : a < b ? 'lt' : 'eq', a === 5 || b === 3 && c === 0);
var i = 0, arr = [];
for (var j = ('k' in o) ? 1 : 0; j < 3; j++) arr.push(j);
for (i = 0, j = 10; i < j; i += 3, j -= 3) arr.push(i * j);
console.log(arr.join(','));
