// package: long@4.0.0 long/dist/long.js
// Driver for long.js 4 (prepended by tests/thirdparty.sh): 64-bit integers as {low, high, unsigned}
// objects. The library probes WebAssembly at load (absent in Duktape: it falls back to JS) and caches
// small values in tables; the driver keeps a 64-bit xorshift generator, an FNV-1a hash and a running
// sum in the heap and advances them over several turns.
var out = function (s) { console.log(String(s)); };
var rng = { s0: Long.fromString('123456789abcdef0', true, 16), s1: Long.fromString('0fedcba987654321', true, 16) };
function next() {    // xorshift128+
  var s1 = rng.s0, s0 = rng.s1;
  rng.s0 = s0;
  s1 = s1.xor(s1.shiftLeft(23));
  rng.s1 = s1.xor(s0).xor(s1.shiftRightUnsigned(17)).xor(s0.shiftRightUnsigned(26));
  return rng.s1.add(s0);
}
var FNV_PRIME = Long.fromString('100000001b3', true, 16);
var hash = Long.fromString('cbf29ce484222325', true, 16);
function fnv(str) {
  for (var i = 0; i < str.length; i++) hash = hash.xor(str.charCodeAt(i) & 0xff).multiply(FNV_PRIME);
  return hash;
}
var sum = Long.ZERO;
var turn = 0;
function step() {
  turn++;
  var xs = [];
  for (var i = 0; i < 4; i++) xs.push(next());
  out('turn ' + turn + ' rng ' + xs.map(function (x) { return x.toString(16); }).join(' '));
  xs.forEach(function (x) { sum = sum.add(x.toSigned()); });
  out('  sum ' + sum.toString() + ' hex ' + sum.toString(16) + ' fnv ' + fnv('turn' + turn).toString(16));
  if (turn === 1) {
    out('  max ' + Long.MAX_VALUE + ' min ' + Long.MIN_VALUE + ' umax ' + Long.MAX_UNSIGNED_VALUE + ' ' + Long.MIN_VALUE.negate().eq(Long.MIN_VALUE));
    var a = Long.fromNumber(9007199254740993), b = Long.fromString('-9223372036854775807');
    out('  ' + a + ' ' + b.sub(1) + ' ' + b.sub(2) + ' ' + Long.fromString('zz', false, 36) + ' ' + Long.fromString('-zzzzzzzzzzzz', 36).toString(36));
  } else if (turn === 2) {
    var p = Long.fromString('1000000007'), q = Long.fromString('998244353');
    var prod = p.multiply(q);
    out('  mul ' + prod + ' div ' + prod.div(q) + ' mod ' + prod.mod(Long.fromInt(65537)) + ' neg ' + prod.neg().div(Long.fromInt(-7)) + ' ' + prod.neg().mod(Long.fromInt(7)));
    out('  bits ' + prod.getNumBitsAbs() + ' hi ' + prod.getHighBits() + ' lo ' + prod.getLowBitsUnsigned() + ' bytes ' + prod.toBytes().join(','));
    out('  fromBytes ' + Long.fromBytesLE(prod.toBytesLE()).eq(prod) + ' shr ' + Long.NEG_ONE.shr(70) + ' shru ' + Long.NEG_ONE.shru(1) + ' shl ' + Long.ONE.shl(63));
  } else if (turn === 3) {
    var u = Long.fromValue({ low: -1, high: 0x7fffffff, unsigned: false });
    out('  value ' + u + ' ' + u.toUnsigned().add(1) + ' ' + u.add(1) + ' cmp ' + [u.compare(Long.ZERO), Long.UZERO.compare(Long.MAX_UNSIGNED_VALUE), Long.fromInt(-1).lt(0)].join(' '));
    out('  isLong ' + Long.isLong(u) + ' ' + Long.isLong({ low: 0, high: 0 }) + ' toNumber ' + Long.fromString('9007199254740993').toNumber());
    try { Long.ONE.div(Long.ZERO); } catch (e) { out('  error ' + e.message); }
  }
  if (turn < 5) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
