// package: bignumber.js@9.1.2 bignumber.js/bignumber.js
// Driver for bignumber.js 9 (prepended by tests/thirdparty.sh): arbitrary-precision arithmetic, configured
// constructors (clone with their own DECIMAL_PLACES/ROUNDING_MODE/FORMAT), values accumulated across turns.
var out = function (s) { console.log(String(s)); };
var BN = BigNumber.clone({ DECIMAL_PLACES: 40, ROUNDING_MODE: BigNumber.ROUND_HALF_EVEN });
var Money = BigNumber.clone({ DECIMAL_PLACES: 2, FORMAT: { decimalSeparator: ',', groupSeparator: '.', groupSize: 3 } });
var acc = new BN(0);
var fact = new BigNumber(1);
var n = 0;
var iv = setInterval(function () {
  n++;
  acc = acc.plus(new BN(1).div(n));
  for (var i = 1; i <= 5; i++) fact = fact.times(5 * (n - 1) + i);
  out('turn ' + n + ' H=' + acc.toFixed(30) + ' ' + (5 * n) + '!=' + fact.toString());
  if (n === 2) {
    out(new BigNumber('0.1').plus('0.2').toString() + ' ' + new BigNumber(2).pow(200).toString() + ' ' + new BigNumber(2).sqrt().toString());
    out(new BN(2).sqrt().toString() + ' ' + new BigNumber('ff.8', 16).toString(10) + ' ' + new BigNumber(255.5).toString(2));
  } else if (n === 3) {
    out(new Money('1234567.891').toFormat(2) + ' ' + new BigNumber('1e-7').toString() + ' ' + new BigNumber('123.456').toExponential(2) + ' ' + new BigNumber('-0').isNegative());
    out(new BigNumber(10).div(3).toString() + ' ' + new BigNumber('1.005').dp(2).toString() + ' ' + new BigNumber('1.0050').precision(3).toString() + ' ' + new BigNumber(Infinity).plus(1).toString() + ' ' + new BigNumber(NaN).isNaN());
  } else if (n === 4) {
    out(new BigNumber('7').mod(3).toString() + ' ' + new BigNumber('-7').idiv(2).toString() + ' ' + BigNumber.max(4, '12', 7).toString() + ' ' + new BigNumber('3.14159').toFraction(100).join('/'));
    out(JSON.stringify({ v: new BigNumber('1.5e300').times('2e300') }) + ' ' + new BigNumber(123.4567).integerValue(BigNumber.ROUND_CEIL).toString() + ' ' + BigNumber.config().DECIMAL_PLACES);
  } else if (n === 6) {
    clearInterval(iv);
    setTimeout(function () { out('final ' + acc.toPrecision(20) + ' digits of 30! ' + fact.toString().length + ' ' + fact.comparedTo(acc)); }, 1);
  }
}, 2);
