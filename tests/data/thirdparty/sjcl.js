// package: sjcl@1.0.8 sjcl/sjcl.js
// Driver for the Stanford JavaScript Crypto Library 1.0 (prepended by tests/thirdparty.sh): SHA-256, HMAC,
// PBKDF2, AES-CCM/GCM with fixed keys and IVs, codecs, bit arrays; a progressive hash and an HMAC object fed
// across turns.
var out = function (s) { console.log(String(s)); };
var C = sjcl.codec;
var key = C.hex.toBits('000102030405060708090a0b0c0d0e0f');
var aes = new sjcl.cipher.aes(key);
var iv = C.hex.toBits('101112131415161718191a1b');
var h = new sjcl.hash.sha256();
var mac = new sjcl.misc.hmac(C.utf8String.toBits('mac key'), sjcl.hash.sha256);
var parts = ['first part ', 'second ✓ ', 'third'];
var turn = 0;
var iv2 = setInterval(function () {
  var p = parts[turn++];
  h.update(p);
  mac.update(p);
  out('turn ' + turn + ' fed ' + JSON.stringify(p));
  if (turn === 1) {
    out(C.hex.fromBits(sjcl.hash.sha256.hash('abc')) + ' ' + C.base64.fromBits(C.utf8String.toBits('Hello')));
    out(C.hex.fromBits(sjcl.misc.pbkdf2('password', C.hex.toBits('a1b2c3d4'), 100, 128)) + ' ' + C.hex.fromBits(new sjcl.misc.hmac(C.utf8String.toBits('k')).encrypt('m')));
  } else if (turn === 2) {
    var ct = sjcl.mode.ccm.encrypt(aes, C.utf8String.toBits('ccm message'), iv, C.utf8String.toBits('adata'), 64);
    out('ccm ' + C.hex.fromBits(ct) + ' -> ' + C.utf8String.fromBits(sjcl.mode.ccm.decrypt(aes, ct, iv, C.utf8String.toBits('adata'), 64)));
    var g = sjcl.mode.gcm.encrypt(aes, C.utf8String.toBits('gcm message'), iv, [], 128);
    out('gcm ' + C.hex.fromBits(g) + ' -> ' + C.utf8String.fromBits(sjcl.mode.gcm.decrypt(aes, g, iv, [], 128)));
    try { sjcl.mode.ccm.decrypt(aes, ct, iv, C.utf8String.toBits('other'), 64); } catch (e) { out('tamper: ' + e.toString()); }
  } else if (turn === 3) {
    clearInterval(iv2);
    out('bits ' + sjcl.bitArray.bitLength(key) + ' ' + C.hex.fromBits(sjcl.bitArray.bitSlice(key, 8, 40)) + ' ' + sjcl.bitArray.equal(key, C.hex.toBits('000102030405060708090a0b0c0d0e0f')));
    setTimeout(function () { out('sha256 ' + C.hex.fromBits(h.finalize()) + ' hmac ' + C.hex.fromBits(mac.digest())); }, 1);
  }
}, 2);
