// package: jssha@3.3.1 jssha/dist/sha.js+blueimp-md5/js/md5.js
// also: blueimp-md5@2.19.0
// prelude: var self = this;
// Driver for jsSHA 3 (SHA-1, SHA-2, SHA-3, SHAKE, cSHAKE, KMAC; its minified UMD build, TypeScript classes
// compiled to ES5 prototype chains) with blueimp-md5 2 (prepended by tests/thirdparty.sh). Hashers are
// fed a message one chunk per turn, in several input formats (TEXT in UTF-8 and UTF-16, HEX, B64, BYTES,
// ARRAYBUFFER, UINT8ARRAY); each keeps its intermediate state (a word array, remainder bits, processed
// length) in its own object between turns, and is read part way (getHash does not end the stream);
// at the end every streamed digest must equal the digest of the whole message hashed at once.
var out = function (s) { console.log(String(s)); };
function u8(s) { var a = new Uint8Array(s.length); for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i) & 0xff; return a; }
var chunks = ['Ferry migrates ', 'r\u00fcnning programs \u2603 ', '', 'between devices; '];
for (var i = 0; i < 6; i++) chunks.push(new Array(10 + i * 7).join(String.fromCharCode(97 + i)));
var whole = chunks.join('');
var kinds = ['SHA-1', 'SHA-224', 'SHA-256', 'SHA-512', 'SHA3-256', 'SHA3-512'];
var hashers = {}, shake = {}, mac = {}, bin = {}, fed = 0;
for (i = 0; i < kinds.length; i++) hashers[kinds[i]] = new jsSHA(kinds[i], 'TEXT', { encoding: 'UTF8' });
hashers.utf16 = new jsSHA('SHA-256', 'TEXT', { encoding: 'UTF16LE' });
shake.s128 = new jsSHA('SHAKE128', 'TEXT');
shake.s256 = new jsSHA('SHAKE256', 'TEXT');
shake.cs = new jsSHA('CSHAKE128', 'TEXT', { customization: { value: 'Email Signature', format: 'TEXT' } });
mac.h256 = new jsSHA('SHA-256', 'TEXT', { hmacKey: { value: 'secret key', format: 'TEXT' } });
mac.h512 = new jsSHA('SHA-512', 'TEXT', { hmacKey: { value: '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', format: 'HEX' } });
mac.kmac = new jsSHA('KMAC256', 'TEXT', { kmacKey: { value: 'a key', format: 'TEXT' }, customization: { value: 'tag', format: 'TEXT' } });
// the same bytes fed as HEX, B64, BYTES, ARRAYBUFFER and UINT8ARRAY
bin.hex = new jsSHA('SHA-256', 'HEX'); bin.b64 = new jsSHA('SHA-256', 'B64'); bin.bytes = new jsSHA('SHA-256', 'BYTES');
bin.ab = new jsSHA('SHA-256', 'ARRAYBUFFER'); bin.u8 = new jsSHA('SHA-256', 'UINT8ARRAY');
var binChunks = [], binWhole = '';
for (i = 0; i < 5; i++) { var c = ''; for (var j = 0; j < 17 * (i + 1); j++) c += String.fromCharCode((i * 91 + j * 7) & 0xff); binChunks.push(c); binWhole += c; }
function b64(s) {
  var A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', r = '';
  for (var i = 0; i < s.length; i += 3) {
    var n = (s.charCodeAt(i) << 16) | ((s.charCodeAt(i + 1) || 0) << 8) | (s.charCodeAt(i + 2) || 0);
    r += A.charAt(n >> 18) + A.charAt((n >> 12) & 63) + (i + 1 < s.length ? A.charAt((n >> 6) & 63) : '=') + (i + 2 < s.length ? A.charAt(n & 63) : '=');
  }
  return r;
}
function toHex(s) { var r = ''; for (var i = 0; i < s.length; i++) r += (s.charCodeAt(i) < 16 ? '0' : '') + s.charCodeAt(i).toString(16); return r; }
function feed() {
  var c = chunks[fed], b = binChunks[fed % binChunks.length];
  for (var k in hashers) hashers[k].update(c);
  for (k in shake) shake[k].update(c);
  for (k in mac) mac[k].update(c);
  if (fed < binChunks.length) {
    bin.hex.update(toHex(b)); bin.b64.update(b64(b)); bin.bytes.update(b); bin.ab.update(u8(b).buffer); bin.u8.update(u8(b));
  }
  fed++;
}
function turn() {
  feed(); feed();
  out('fed ' + fed + ' chunks: sha256 so far ' + hashers['SHA-256'].getHash('HEX').slice(0, 16) + ' sha3-256 ' + hashers['SHA3-256'].getHash('B64').slice(0, 12) +
    ' shake128/64 ' + shake.s128.getHash('HEX', { outputLen: 64 }) + ' hmac ' + mac.h256.getHash('HEX').slice(0, 16));
  if (fed < chunks.length) { setTimeout(turn, 1); return; }
  var bad = [];
  for (var k in hashers) {
    var one = new jsSHA(k === 'utf16' ? 'SHA-256' : k, 'TEXT', { encoding: k === 'utf16' ? 'UTF16LE' : 'UTF8' });
    one.update(whole);
    if (one.getHash('HEX') !== hashers[k].getHash('HEX')) bad.push(k);
    out(k + ' ' + hashers[k].getHash('HEX'));
  }
  out('streamed == whole: ' + (bad.length ? 'NO ' + bad.join(',') : 'all ' + Object.keys(hashers).length));
  out('shake128/256 ' + shake.s128.getHash('HEX', { outputLen: 256 }) + ' shake256/104 ' + shake.s256.getHash('B64', { outputLen: 104 }) + ' cshake ' + shake.cs.getHash('HEX', { outputLen: 128 }));
  out('hmac256 ' + mac.h256.getHash('HEX') + ' hmac512 ' + mac.h512.getHash('B64').slice(0, 30) + ' kmac ' + mac.kmac.getHash('HEX', { outputLen: 128 }));
  var bins = [];
  for (k in bin) bins.push(k + '=' + bin[k].getHash('HEX').slice(0, 12));
  var ref = new jsSHA('SHA-256', 'BYTES'); ref.update(binWhole);
  var outAb = ref.getHash('ARRAYBUFFER'), outU8 = ref.getHash('UINT8ARRAY');
  out('binary ' + bins.join(' ') + ' ref ' + ref.getHash('HEX').slice(0, 12) + ' ' + outAb.byteLength + ' ' + outU8[0] + ' ' + ref.getHash('BYTES').charCodeAt(31));
  out('md5 ' + md5(whole) + ' ' + md5('') + ' hmac ' + md5('message', 'key') + ' raw ' + toHex(md5('abc', null, true)));
  try { new jsSHA('SHA-999', 'TEXT'); } catch (e) { out('bad variant: ' + e.message); }
  try { bin.hex.update('abc'); } catch (e) { out('odd hex: ' + e.message); }
}
setTimeout(turn, 1);
