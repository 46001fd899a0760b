// Math: deterministic functions and constants, rounding corner cases, min/max edge cases, integer ops.
function show(label, v) { console.log(label + ' ' + v); }
show('abs', [Math.abs(-3), Math.abs(-0) === 0, Math.abs('-2')].join(','));
show('floor/ceil', [Math.floor(-1.5), Math.ceil(-1.5), Math.floor(2.9999), Math.ceil(0.1)].join(','));
show('round', [Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), Math.round(-0.2)].join(','));
show('round -0', 1 / Math.round(-0.2));
show('max/min', [Math.max(), Math.min(), Math.max(1, 3, 2), Math.min(4, -1), Math.max(1, NaN)].join(','));
show('pow', [Math.pow(2, 10), Math.pow(2, -1), Math.pow(0, 0), Math.pow(-8, 1 / 3)].join(','));
show('sqrt', [Math.sqrt(16), Math.sqrt(2).toFixed(10), Math.sqrt(-1)].join(','));
show('trig', [Math.sin(0), Math.cos(0), Math.atan2(1, 1).toFixed(12), Math.tan(0)].join(','));
show('exp/log', [Math.exp(0), Math.log(1), Math.log(Math.E).toFixed(12), Math.exp(1).toFixed(12)].join(','));
show('consts', [Math.PI.toFixed(15), Math.E.toFixed(15), Math.LN2.toFixed(10), Math.SQRT2.toFixed(10)].join(','));
show('int ops', [7 % 3, -7 % 3, 7 % -3, 5.5 % 2].join(','));
show('bit ops', [5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 31, -1 >>> 0, -16 >> 2, -16 >>> 28].join(','));
show('int32 wrap', [(2147483647 + 1) | 0, 4294967296 | 0, 1e10 | 0].join(','));
show('division', [1 / 0, -1 / 0, 0 / 0, 1 / -0].join(','));
// a linear congruential generator gives deterministic pseudo-random numbers
function lcg(seed) { var s = seed; return function () { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; }; }
var rnd = lcg(42);
var xs = [];
for (var i = 0; i < 5; i++) xs.push(Math.floor(rnd() * 100));
show('lcg', xs.join(','));
// sum of squares and statistics
var values = [2, 4, 4, 4, 5, 5, 7, 9];
var mean = values.reduce(function (a, b) { return a + b; }, 0) / values.length;
var variance = values.reduce(function (a, b) { return a + (b - mean) * (b - mean); }, 0) / values.length;
show('mean/sd', mean + ' ' + Math.sqrt(variance));
show('hypot-like', Math.sqrt(3 * 3 + 4 * 4));
show('sign-ish', [-3, 0, 3].map(function (x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }).join(','));
