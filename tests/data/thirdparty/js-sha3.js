// package: js-sha3@0.8.0 js-sha3/src/sha3.js js-sha3/build/sha3.min.js
// prelude: var self = this, window = this;
// Driver for js-sha3 0.8 (Keccak, SHA-3, SHAKE, cSHAKE, KMAC; `window.sha3_256`, ...): streaming hashers
// are fed one chunk per turn from strings (with non-ASCII text), arrays, Uint8Arrays and ArrayBuffers, so
// each hasher's Keccak state (an array of 50 32-bit words), its block buffer and byte counts are
// migrated half-fed; extendable-output functions and KMAC are finalized at the end; one-shot digests are
// checked against the streamed ones.
var out = function (s) { console.log(String(s)); };
var chunks = ['Ferry ', 'migrates ', 'running ', 'programs — ', new Array(40).join('abcdefgh'), 'é✓😀 done'];
var bytes = [];
var h = {
  sha3_224: sha3_224.create(), sha3_256: sha3_256.create(), sha3_512: sha3_512.create(),
  keccak256: keccak256.create(), shake128: shake128.create(300), cshake256: cshake256.create(128, 'ferry', 'custom'),
  kmac128: kmac128.create('key material', 200, 'label')
};
var binary = sha3_256.create();
var all = '';
var turn = 0;
function step() {
  var c = chunks[turn];
  all += c;
  Object.keys(h).forEach(function (k) { h[k].update(c); });
  var u8 = new Uint8Array(turn * 37 + 3);
  for (var i = 0; i < u8.length; i++) u8[i] = (i * 13 + turn) & 255;
  if (turn % 3 === 0) binary.update(u8);
  else if (turn % 3 === 1) binary.update(u8.buffer);
  else binary.update(Array.prototype.slice.call(u8));
  for (i = 0; i < u8.length; i++) bytes.push(u8[i]);
  out('turn ' + turn + ' fed ' + all.length + ' chars; one-shot sha3_256 ' + sha3_256(all).slice(0, 16) + ' keccak512 ' + keccak512(c).slice(0, 16));
  turn++;
  if (turn < chunks.length) setTimeout(step, 1);
  else {
    Object.keys(h).forEach(function (k) { out(k + ' ' + h[k].hex().slice(0, 48)); });
    out('streamed == one-shot ' + (sha3_512.create().update(all).hex() === sha3_512(all)) + ' ' + (shake128(all, 300) === shake128.create(300).update(all).hex()) +
      ' ' + (kmac128('key material', all, 200, 'label') === kmac128.create('key material', 200, 'label').update(all).hex()));
    out('binary ' + binary.hex() + ' == ' + (sha3_256(new Uint8Array(bytes)) === binary.hex()) + ' array ' + sha3_256.array('').slice(0, 4).join(',') + ' digest ' + keccak256.digest('x').length);
  }
}
setTimeout(step, 1);
