// package: big.js@6.2.1 big.js/big.js
// Driver for big.js 6 (prepended by tests/thirdparty.sh): decimal arithmetic with its own constructors (Big()
// factories with their own DP/RM), strict mode errors, a running compound-interest computation across turns.
var out = function (s) { console.log(String(s)); };
var Big10 = Big();
Big10.DP = 10;
Big10.RM = Big.roundHalfEven;
var principal = new Big('1000');
var rate = new Big('0.0375');
var year = 0;
function tick() {
  year++;
  principal = principal.times(rate.plus(1)).round(8, Big.roundHalfUp);
  out('year ' + year + ': ' + principal.toFixed(2) + ' (' + principal.toString() + ')');
  if (year === 1) {
    out(new Big('0.1').plus('0.2').toString() + ' ' + new Big(2).sqrt().toString() + ' ' + new Big10(2).sqrt().toString() + ' ' + new Big10(1).div(3).toString());
    out(new Big('123.456').toExponential(2) + ' ' + new Big('-0.000001234').toPrecision(2) + ' ' + new Big('1e21').toFixed() + ' ' + new Big(5).pow(-2).toString());
  } else if (year === 2) {
    out(new Big(7).mod(3).toString() + ' ' + new Big(-7.5).abs().toString() + ' ' + new Big(1).cmp(2) + ' ' + new Big('2.50').eq(2.5) + ' ' + new Big(9).gt('8.99999'));
    try { new Big('abc'); } catch (e) { out('error: ' + e.message); }
    try { new Big(1).div(0); } catch (e) { out('error: ' + e.message); }
  } else if (year === 3) {
    out(JSON.stringify({ p: principal, r: rate }) + ' ' + new Big('1.005').round(2).toString() + ' ' + new Big10('1.005').round(2, 0).toString() + ' ' + Big.DP + '/' + Big10.DP);
  }
  if (year < 5) setTimeout(tick, 2);
  else setImmediate(function () { out('done ' + principal.minus(1000).div(1000).times(100).toFixed(4) + '%'); });
}
setTimeout(tick, 1);
