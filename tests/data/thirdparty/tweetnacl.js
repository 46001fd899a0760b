// package: tweetnacl@1.0.3 tweetnacl/nacl-fast.js
// prelude: var self = this;
// Driver for TweetNaCl.js 1.0 (prepended by tests/thirdparty.sh, which finds its global through `self`):
// deterministic keys from fixed seeds, box/secretbox/sign/hash, a PRNG installed with nacl.setPRNG; keys and
// typed arrays kept across turns.
var out = function (s) { console.log(String(s)); };
function hex(a, n) { var r = ''; for (var i = 0; i < Math.min(a.length, n || a.length); i++) r += (a[i] < 16 ? '0' : '') + a[i].toString(16); return r; }
function bytes(n, seed) { var a = new Uint8Array(n); for (var i = 0; i < n; i++) a[i] = (seed * 31 + i * 17) & 255; return a; }
function utf8(s) { var e = unescape(encodeURIComponent(s)), a = new Uint8Array(e.length); for (var i = 0; i < e.length; i++) a[i] = e.charCodeAt(i); return a; }
var counter = 0;
nacl.setPRNG(function (x, n) { for (var i = 0; i < n; i++) x[i] = (counter++ * 73 + 11) & 255; });
var alice = nacl.box.keyPair.fromSecretKey(bytes(32, 1));
var bob = nacl.box.keyPair.fromSecretKey(bytes(32, 2));
var signer = nacl.sign.keyPair.fromSeed(bytes(32, 3));
var shared = nacl.box.before(bob.publicKey, alice.secretKey);
var boxes = [];
var turn = 0;
function step() {
  turn++;
  var nonce = bytes(24, 100 + turn);
  var msg = utf8('message ' + turn + ' ✓');
  var box = nacl.box.after(msg, nonce, shared);
  boxes.push({ box: box, nonce: nonce });
  out('turn ' + turn + ' box ' + hex(box, 16) + ' len ' + box.length);
  if (turn === 1) {
    out('pk ' + hex(alice.publicKey) + ' sign pk ' + hex(signer.publicKey, 16));
    out('hash ' + hex(nacl.hash(utf8('abc')), 32) + ' random ' + hex(nacl.randomBytes(8)) + ' ' + hex(nacl.scalarMult.base(bytes(32, 9)), 8));
  } else if (turn === 2) {
    var sig = nacl.sign.detached(utf8('signed text'), signer.secretKey);
    out('sig ' + hex(sig, 16) + ' verify ' + nacl.sign.detached.verify(utf8('signed text'), sig, signer.publicKey) + ' tampered ' + nacl.sign.detached.verify(utf8('signed texT'), sig, signer.publicKey));
    var k = bytes(32, 7), sb = nacl.secretbox(utf8('secret'), bytes(24, 8), k);
    out('secretbox ' + hex(sb) + ' open ' + hex(nacl.secretbox.open(sb, bytes(24, 8), k)) + ' bad ' + nacl.secretbox.open(sb, bytes(24, 9), k));
  }
  if (turn < 4) setTimeout(step, 2);
  else setTimeout(function () {
    var opened = boxes.map(function (b) { var m = nacl.box.open(b.box, b.nonce, alice.publicKey, bob.secretKey); return m ? decodeURIComponent(escape(String.fromCharCode.apply(null, m))) : 'null'; });
    out('opened ' + opened.join(' | ') + ' verify-eq ' + nacl.verify(bytes(4, 1), bytes(4, 1)) + ' counter ' + counter);
  }, 1);
}
setTimeout(step, 1);
