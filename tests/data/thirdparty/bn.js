// package: bn.js@4.12.0 bn.js/lib/bn.js
// Driver for bn.js 4 (prepended by tests/thirdparty.sh; its `require('buffer')` fails and is caught): big integer
// arithmetic, Montgomery/reduction contexts (red) kept across turns, bit operations, string conversions.
var out = function (s) { console.log(String(s)); };
var p = new BN('fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f', 16);
var red = BN.red(p);
var mont = BN.mont(new BN('1000000007', 10));
var acc = new BN(1).toRed(red);
var g = new BN(7).toRed(red);
var fact = new BN(1);
var turn = 0;
var iv = setInterval(function () {
  turn++;
  for (var i = 0; i < 10; i++) { acc = acc.redMul(g).redAdd(new BN(turn).toRed(red)); fact = fact.muln(turn * 10 + i + 1); }
  out('turn ' + turn + ' acc ' + acc.fromRed().toString(16) + ' fact bits ' + fact.bitLength() + ' ' + fact.toString(36).slice(0, 20));
  if (turn === 1) {
    var a = new BN('123456789012345678901234567890'), b = new BN(-987654321);
    out(a.mul(b).toString() + ' ' + a.div(b).toString() + ' ' + a.mod(b).toString() + ' ' + a.umod(new BN(97)).toString() + ' ' + a.pow(new BN(3)).toString(16));
    out(a.gcd(new BN('9876543210')).toString() + ' ' + new BN(17).invm(new BN(3120)).toString() + ' ' + a.sqr().isEven() + ' ' + a.cmp(b) + ' ' + new BN(0).isZero());
  } else if (turn === 2) {
    var x = new BN('deadbeefcafebabe', 16);
    out(x.shln(13).toString(16) + ' ' + x.shrn(7).toString(16) + ' ' + x.and(new BN(0xffff)).toString(16) + ' ' + x.or(new BN(1)).toString(16) + ' ' + x.xor(x).isZero() + ' ' + x.testn(3) + ' ' + x.notn(64).toString(16));
    out(JSON.stringify(x.toArray('be', 10)) + ' ' + new BN([1, 2, 3], 'le').toString() + ' ' + x.byteLength() + ' ' + x.toTwos(64).toString(16) + ' ' + new BN(-5).toTwos(8).toString(2) + ' ' + BN.isBN(x));
  } else if (turn === 3) {
    var m = new BN(123456789).toRed(mont);
    out(m.redPow(new BN(1000000005)).fromRed().toString() + ' ' + new BN(2).toRed(red).redSqrt().fromRed().toString(16).slice(0, 16) + ' ' + new BN(3).toRed(red).redInvm().fromRed().toString(16).slice(0, 16));
  } else if (turn === 4) {
    clearInterval(iv);
    setTimeout(function () { out('end ' + acc.fromRed().toString(10).length + ' ' + fact.toString(10).length + ' ' + BN.max(new BN(3), new BN(9)).toString()); }, 1);
  }
}, 2);
