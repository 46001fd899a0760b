// package: decimal.js@10.4.3 decimal.js/decimal.js
// Driver for decimal.js 10 (prepended by tests/thirdparty.sh): arbitrary-precision decimal arithmetic and
// transcendental functions, cloned constructors with their own precision, a series computed across turns.
var out = function (s) { console.log(String(s)); };
var D50 = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
var D8 = Decimal.clone({ precision: 8 });
var pi = new D50(0);
var k = 0;
var iv = setInterval(function () {
  // Machin-free: Nilakantha series, 4 terms per turn
  for (var j = 0; j < 4; j++) {
    var t = new D50(4).div(new D50(2 * k + 2).times(2 * k + 3).times(2 * k + 4));
    pi = k % 2 === 0 ? pi.plus(t) : pi.minus(t);
    k++;
  }
  out('terms ' + k + ' pi~' + pi.plus(3).toSignificantDigits(20).toString());
  if (k === 4) {
    out(new Decimal('0.1').plus('0.2').toString() + ' ' + D50.sqrt(2).toString() + ' ' + D8.exp(1).toString() + ' ' + D50.ln(10).toFixed(30));
    out(new D50(2).pow(0.5).toString() + ' ' + D50.sin(1).toSignificantDigits(25).toString() + ' ' + D50.atan(1).times(4).toSignificantDigits(30).toString());
  } else if (k === 8) {
    out(new Decimal('255.5').toHexadecimal() + ' ' + new Decimal('0x1f.8').toString() + ' ' + new Decimal('1e-20').toFixed() + ' ' + new Decimal('123456.789').toExponential(3) + ' ' + new Decimal(-0).isNeg());
    out(new Decimal('7').mod(-3).toString() + ' ' + Decimal.max(1, '2.5', 2).toString() + ' ' + new Decimal('3.14159').toFraction(1000).join('/') + ' ' + new D8(1).div(7).toString() + ' ' + D50.log(1024, 2).toString());
  } else if (k === 16) {
    clearInterval(iv);
    setTimeout(function () { out('final ' + pi.plus(3).toSignificantDigits(12).toString() + ' ' + D50.precision + ' ' + D8.precision + ' ' + Decimal.precision); }, 1);
  }
}, 2);
