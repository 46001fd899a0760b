// package: crypto-js@3.3.0 crypto-js/crypto-js.js
// Driver for crypto-js 3.3 (prepended by tests/thirdparty.sh): hashes, HMAC, PBKDF2, AES/TripleDES/RC4 with
// fixed keys and IVs (Rabbit gets its own key: it byte-swaps the key it is given), encoders, and progressive
// hashers/ciphers (WordArray state) fed across turns.
var out = function (s) { console.log(String(s)); };
var C = CryptoJS;
var key = C.enc.Hex.parse('000102030405060708090a0b0c0d0e0f');
var iv = C.enc.Hex.parse('101112131415161718191a1b1c1d1e1f');
var sha = C.algo.SHA256.create();
var md5 = C.algo.MD5.create();
var hmac = C.algo.HMAC.create(C.algo.SHA1, 'secret key');
var aes = C.algo.AES.createEncryptor(key, { iv: iv, mode: C.mode.CBC, padding: C.pad.Pkcs7 });
var cipherParts = [];
var chunks = ['The quick brown fox ', 'jumps over ', 'the lazy dog', ' -- and again, ', 'ünïcödé ✓'];
var n = 0;
function feed() {
  var c = chunks[n++];
  sha.update(c); md5.update(c); hmac.update(c);
  cipherParts.push(aes.process(C.enc.Utf8.parse(c)));
  out('fed ' + n + ': ' + JSON.stringify(c) + ' sigBytes so far ' + cipherParts.reduce(function (a, w) { return a + w.sigBytes; }, 0));
  if (n === 1) {
    out(C.MD5('abc').toString() + ' ' + C.SHA1('abc').toString() + ' ' + C.SHA256('abc').toString());
    out(C.SHA512('abc').toString().slice(0, 64) + ' ' + C.SHA3('abc', { outputLength: 256 }).toString() + ' ' + C.RIPEMD160('abc').toString());
  } else if (n === 2) {
    out(C.HmacSHA256('message', 'key').toString(C.enc.Base64) + ' ' + C.PBKDF2('password', C.enc.Hex.parse('a1b2c3d4'), { keySize: 4, iterations: 10 }).toString());
    var ct = C.AES.encrypt('Message', key, { iv: iv });
    out(ct.toString() + ' -> ' + C.AES.decrypt(ct, key, { iv: iv }).toString(C.enc.Utf8));
  } else if (n === 3) {
    var des = C.TripleDES.encrypt('secret', C.enc.Hex.parse('0123456789abcdeffedcba98765432100123456789abcdef'), { iv: C.enc.Hex.parse('0001020304050607') });
    out(des.ciphertext.toString() + ' ' + C.RC4.encrypt('hello', C.enc.Utf8.parse('Key')).ciphertext.toString() + ' ' + C.Rabbit.encrypt('hi', C.enc.Hex.parse('000102030405060708090a0b0c0d0e0f'), { iv: C.enc.Hex.parse('0001020304050607') }).ciphertext.toString());
    out(C.enc.Base64.stringify(C.enc.Utf8.parse('Hello, World!')) + ' ' + C.enc.Utf8.stringify(C.enc.Base64.parse('SGVsbG8=')) + ' ' + C.enc.Utf16.parse('ab').toString() + ' ' + C.enc.Latin1.parse('é').toString());
  } else if (n === 4) {
    var ecb = C.AES.encrypt(C.enc.Utf8.parse('sixteen byte msg'), key, { mode: C.mode.ECB, padding: C.pad.NoPadding });
    out(ecb.ciphertext.toString() + ' ' + C.AES.encrypt('ctr', key, { iv: iv, mode: C.mode.CTR, padding: C.pad.NoPadding }).ciphertext.toString() + ' ' + C.lib.WordArray.create([0x01020304, 0x05060708], 6).toString());
  }
  if (n < chunks.length) setTimeout(feed, 2);
  else setTimeout(function () {
    out('sha256 ' + sha.finalize().toString() + ' md5 ' + md5.finalize().toString() + ' hmac ' + hmac.finalize().toString());
    cipherParts.push(aes.finalize());
    var all = C.lib.WordArray.create();
    cipherParts.forEach(function (w) { all.concat(w); });
    out('aes-cbc ' + all.toString(C.enc.Base64));
    out('roundtrip ' + C.AES.decrypt(C.lib.CipherParams.create({ ciphertext: all }), key, { iv: iv }).toString(C.enc.Utf8));
  }, 1);
}
setTimeout(feed, 1);
