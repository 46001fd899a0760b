// Number formatting and parsing: toString radix, toFixed, toPrecision, toExponential, parseInt/Float, edge values.
var vals = [0, -0, 1, -1.5, 0.1 + 0.2, 123.456, 1e21, 1e-7, 123456789012345680000, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity];
console.log(vals.map(String).join(' '));
console.log((255).toString(16) + ' ' + (255).toString(2) + ' ' + (-255).toString(36) + ' ' + (0.5).toString(2) + ' ' + (35).toString(36));
console.log((1.005).toFixed(2) + ' ' + (1.45).toFixed(1) + ' ' + (0).toFixed(2) + ' ' + (1e21).toFixed(2) + ' ' + (-1.5).toFixed(0) + ' ' + (123.456).toFixed(10));
console.log((123.456).toPrecision(4) + ' ' + (0.000123).toPrecision(2) + ' ' + (123456).toPrecision(2) + ' ' + (1).toPrecision(5));
console.log((123456).toExponential(2) + ' ' + (0.00015).toExponential(1) + ' ' + (1).toExponential() + ' ' + (12345).toExponential());
console.log(parseInt('42px') + ' ' + parseInt('0x1F') + ' ' + parseInt('  -17 ') + ' ' + parseInt('z', 36) + ' ' + parseInt('101', 2) + ' ' + parseInt('') + ' ' + parseInt('08'));
console.log(parseFloat('3.14abc') + ' ' + parseFloat('.5') + ' ' + parseFloat('-1e3') + ' ' + parseFloat('Infinityx') + ' ' + parseFloat('x'));
console.log(Number('') + ' ' + Number(' 12 ') + ' ' + Number('0x10') + ' ' + Number('1e3') + ' ' + Number('12px') + ' ' + Number(null) + ' ' + Number(undefined) + ' ' + Number([5]) + ' ' + Number(true));
console.log(Number.MAX_VALUE + ' ' + Number.MIN_VALUE + ' ' + (Number.MAX_VALUE * 2) + ' ' + isFinite('12') + ' ' + isNaN('abc'));
console.log((0.1 * 3) + ' ' + (9007199254740993) + ' ' + (2 / 3) + ' ' + (1 / 3 * 3) + ' ' + 100 / 7);
console.log(0.000001 + ' ' + 0.0000001 + ' ' + 1e20 + ' ' + 123e20 + ' ' + -1e-7 + ' ' + 2e-308);
console.log(0x7fffffff + ' ' + 0xff + ' ' + 1.5e3 + ' ' + .5 + ' ' + 5. + ' ' + 0.1e1);
try { (1).toFixed(101); } catch (e) { console.log('toFixed range: ' + e.name); }
try { (1).toString(1); } catch (e) { console.log('radix range: ' + e.name); }
console.log((-0).toString() + ' ' + (1 / -0) + ' ' + JSON.stringify(-0) + ' ' + (-0 === 0));
var n = new Number(5);
console.log(typeof n + ' ' + (n + 1) + ' ' + n.toFixed(1));
var sum = 0;
for (var i = 0; i < 10; i++) sum += 0.1;
console.log(sum + ' ' + (sum === 1) + ' ' + sum.toFixed(10));
