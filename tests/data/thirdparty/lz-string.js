// package: lz-string@1.5.0 lz-string/libs/lz-string.js
// Driver for lz-string 1.5 (prepended by tests/thirdparty.sh): compress/decompress in its several encodings,
// with its lazily built base64 / URI dictionaries (module state) and compressed strings kept across turns.
var out = function (s) { console.log(String(s)); };
var text = '';
for (var i = 0; i < 60; i++) text += 'Ferry migrates running programs #' + (i % 7) + ' ünïcödé ✓ ';
var stored = {};
var steps = [
  function () { stored.b64 = LZString.compressToBase64(text); out('base64 ' + stored.b64.length + ' ' + stored.b64.slice(0, 40)); },
  function () { stored.uri = LZString.compressToEncodedURIComponent(text); out('uri ' + stored.uri.length + ' ' + stored.uri.slice(-30)); },
  function () { stored.u16 = LZString.compressToUTF16(text); stored.raw = LZString.compress(text); out('utf16 ' + stored.u16.length + ' raw ' + stored.raw.length + ' ' + stored.raw.charCodeAt(5)); },
  function () {
    stored.arr = LZString.compressToUint8Array('short text, short text');
    out('uint8 ' + stored.arr.length + ' ' + Array.prototype.slice.call(stored.arr, 0, 10).join(','));
    out('empty ' + JSON.stringify(LZString.compress('')) + ' ' + LZString.decompress('') + ' ' + LZString.decompressFromBase64('@@@invalid'));
  },
  function () {
    out('roundtrips ' + (LZString.decompressFromBase64(stored.b64) === text) + ' ' + (LZString.decompressFromEncodedURIComponent(stored.uri) === text) + ' ' +
      (LZString.decompressFromUTF16(stored.u16) === text) + ' ' + (LZString.decompress(stored.raw) === text) + ' ' + LZString.decompressFromUint8Array(stored.arr));
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 2); }
setTimeout(next, 1);
