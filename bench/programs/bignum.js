// Big-number arithmetic: arbitrary-precision naturals as base-10^7 limb
// arrays (add, multiply by small and big, compare, divide by small), used
// for factorials, powers, Fibonacci and digits of pi (Machin). Checks digit
// sums and known digits. Arg: scale.
var SCALE = (typeof process === "object" && process.argv && Number(process.argv[2])) || 1;
var BASE = 10000000, BASE_DIGITS = 7;

function BigNat(limbs) { this.limbs = limbs || [0]; }
BigNat.fromInt = function (n) {
  var l = [];
  do { l.push(n % BASE); n = Math.floor(n / BASE); } while (n > 0);
  return new BigNat(l);
};
BigNat.prototype.trim = function () {
  var l = this.limbs;
  while (l.length > 1 && l[l.length - 1] === 0) l.pop();
  return this;
};
BigNat.prototype.add = function (o) {
  var a = this.limbs, b = o.limbs, r = [], carry = 0, n = Math.max(a.length, b.length);
  for (var i = 0; i < n; i++) {
    var s = (a[i] || 0) + (b[i] || 0) + carry;
    if (s >= BASE) { r.push(s - BASE); carry = 1; } else { r.push(s); carry = 0; }
  }
  if (carry) r.push(carry);
  return new BigNat(r);
};
BigNat.prototype.sub = function (o) {   /* this >= o */
  var a = this.limbs, b = o.limbs, r = [], borrow = 0;
  for (var i = 0; i < a.length; i++) {
    var s = a[i] - (b[i] || 0) - borrow;
    if (s < 0) { s += BASE; borrow = 1; } else borrow = 0;
    r.push(s);
  }
  return new BigNat(r).trim();
};
BigNat.prototype.mulSmall = function (m) {
  var a = this.limbs, r = [], carry = 0;
  for (var i = 0; i < a.length; i++) {
    var p = a[i] * m + carry;
    carry = Math.floor(p / BASE);
    r.push(p - carry * BASE);
  }
  while (carry > 0) { r.push(carry % BASE); carry = Math.floor(carry / BASE); }
  return new BigNat(r);
};
BigNat.prototype.mul = function (o) {
  var a = this.limbs, b = o.limbs, r = new Array(a.length + b.length), i, j;
  for (i = 0; i < r.length; i++) r[i] = 0;
  for (i = 0; i < a.length; i++) {
    var carry = 0, ai = a[i];
    if (ai === 0) continue;
    for (j = 0; j < b.length; j++) {
      var t = ai * b[j] + r[i + j] + carry;
      carry = Math.floor(t / BASE);
      r[i + j] = t - carry * BASE;
    }
    var k = i + b.length;
    while (carry > 0) { var t2 = r[k] + carry; carry = Math.floor(t2 / BASE); r[k] = t2 - carry * BASE; k++; }
  }
  return new BigNat(r).trim();
};
BigNat.prototype.divSmall = function (d) {
  var a = this.limbs, r = new Array(a.length), rem = 0;
  for (var i = a.length - 1; i >= 0; i--) {
    var cur = a[i] + rem * BASE;
    var q = Math.floor(cur / d);
    r[i] = q;
    rem = cur - q * d;
  }
  return new BigNat(r).trim();
};
BigNat.prototype.isZero = function () { return this.limbs.length === 1 && this.limbs[0] === 0; };
BigNat.prototype.toString = function () {
  var l = this.limbs, s = String(l[l.length - 1]);
  for (var i = l.length - 2; i >= 0; i--) {
    var part = String(l[i]);
    while (part.length < BASE_DIGITS) part = "0" + part;
    s += part;
  }
  return s;
};
function digitSum(s) { var t = 0; for (var i = 0; i < s.length; i++) t += s.charCodeAt(i) - 48; return t; }

function factorial(n) { var r = BigNat.fromInt(1); for (var i = 2; i <= n; i++) r = r.mulSmall(i); return r; }
function pow(base, e) {
  var result = BigNat.fromInt(1), b = BigNat.fromInt(base);
  while (e > 0) { if (e & 1) result = result.mul(b); b = b.mul(b); e >>= 1; }
  return result;
}
function fib(n) { var a = BigNat.fromInt(0), b = BigNat.fromInt(1); for (var i = 0; i < n; i++) { var t = a.add(b); a = b; b = t; } return a; }
/* arctan(1/x) * 10^digits, by the series */
function arctanInv(x, unity) {
  var sum = unity.divSmall(x), term = sum, x2 = x * x, n = 1, sign = -1;
  while (!term.isZero()) {
    term = term.divSmall(x2);
    var t = term.divSmall(2 * n + 1);
    sum = sign < 0 ? sum.sub(t) : sum.add(t);
    sign = -sign;
    n++;
  }
  return sum;
}
function piDigits(digits) {
  var unity = pow(10, digits + 10);
  var pi = arctanInv(5, unity).mulSmall(16).sub(arctanInv(239, unity).mulSmall(4));
  return pi.toString().slice(0, digits);
}

var runs = Math.max(1, Math.round(3 * SCALE)), out = "";
for (var r = 0; r < runs; r++) {
  var f = digitSum(factorial(400).toString());
  var p = digitSum(pow(2, 1000).toString());
  var fb = fib(1000).toString();
  var pi = piDigits(300);
  if (digitSum(factorial(100).toString()) !== 648) throw new Error("WRONG RESULT: bignum: 100!");
  if (p !== 1366) throw new Error("WRONG RESULT: bignum: 2^1000 " + p);
  if (fb.slice(0, 10) !== "4346655768") throw new Error("WRONG RESULT: bignum: fib " + fb.slice(0, 10));
  if (pi.slice(0, 20) !== "31415926535897932384") throw new Error("WRONG RESULT: bignum: pi " + pi.slice(0, 20));
  out = f + " " + p + " " + fb.length + " " + pi.slice(290, 300);
}
console.log("bignum ok " + runs + " runs, " + out);
