// package: cbor-js@0.1.0 cbor-js/cbor.js
// prelude: var module = { exports: {} };
// Driver for cbor-js 0.1 (RFC 7049 CBOR over ArrayBuffer/DataView, prepended by tests/thirdparty.sh): sensor
// records are encoded into ArrayBuffers and decoded with a tagger and a simpleValue hook that keep state in
// closures. Decoded byte strings are Uint8Array views over the encoded ArrayBuffer (readArrayBuffer), so
// a write through one shows in the other: the encoded messages, their decoded views and a DataView over
// one of them live across turns, and each turn writes through one alias and prints the others.
// Duktape has a CBOR built-in of its own, which cbor-js leaves alone: the prelude gives it a `module` to
// export to (CJ below), and the built-in decodes what cbor-js encodes and the other way round.
var CJ = module.exports;
var out = function (s) { console.log(String(s)); };
function hex(a) { var u = a instanceof ArrayBuffer ? new Uint8Array(a) : a, r = ''; for (var i = 0; i < u.length; i++) r += (u[i] < 16 ? '0' : '') + u[i].toString(16); return r; }
function show(v) {
  if (v instanceof Uint8Array) return 'bytes(' + hex(v) + ')';
  if (v && typeof v === 'object' && v.tag !== undefined && v.value !== undefined) return 'tag' + v.tag + '(' + show(v.value) + ')';
  if (Array.isArray(v)) { var r = []; for (var i = 0; i < v.length; i++) r.push(show(v[i])); return '[' + r.join(',') + ']'; }
  if (v && typeof v === 'object') { var ks = Object.keys(v).sort(), s = []; for (i = 0; i < ks.length; i++) s.push(ks[i] + ':' + show(v[ks[i]])); return '{' + s.join(',') + '}'; }
  if (typeof v === 'number' && v === 0 && 1 / v < 0) return '-0';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
// a tagger that counts the tags it saw and wraps them (state in the closure)
function makeTagger() {
  var seen = {};
  var f = function (value, tag) { seen[tag] = (seen[tag] || 0) + 1; return { tag: tag, value: value }; };
  f.seen = function () { return JSON.stringify(seen); };
  return f;
}
var tagger = makeTagger();
var simples = [];
function simple(v) { simples.push(v); return 'simple' + v; }
var msgs = {}, dec = {}, dv;
var steps = [
  function () {
    var vals = [0, 1, 23, 24, 255, 256, 65535, 65536, 4294967295, 4294967296, -1, -24, -25, -257, 1.5, -0, 0.1, 1e300, NaN, Infinity, -Infinity,
      Math.pow(2, 53), -Math.pow(2, 53), 3.4028234663852886e+38, 5e-324, true, false, null, undefined, '', 'a', '\u00fc\u6c34\ud800\udd51', [], {}];
    for (var i = 0; i < vals.length; i++) {
      var e = CJ.encode(vals[i]);
      var d = CBOR.encode(vals[i]);   // Duktape's built-in (shortest floats), decoded by cbor-js
      out(show(vals[i]) + ' -> ' + hex(e) + ' -> ' + show(CJ.decode(e)) + ' | duk ' + hex(d) + ' -> ' + show(CJ.decode(d.buffer || d)) + ' duk(cj) ' + show(CBOR.decode(e)));
    }
  },
  function () {
    var rec = { id: 7, name: 'temp-\u00b0C', samples: [21.5, 21.75, -3, 1e-7], raw: new Uint8Array([1, 2, 3, 4, 5, 6]), ok: true, nested: { a: [1, [2, [3, null]]] } };
    msgs.rec = CJ.encode(rec);
    dec.rec = CJ.decode(msgs.rec);
    out('rec ' + msgs.rec.byteLength + ' ' + hex(msgs.rec));
    out('dec ' + show(dec.rec) + ' raw offset ' + dec.rec.raw.byteOffset + ' same buffer ' + (dec.rec.raw.buffer === msgs.rec));
  },
  function () {
    // hand-made items: tags, simple values, indefinite-length byte and text strings, arrays and maps,
    // half-precision floats
    msgs.hand = new Uint8Array([0x86, 0xc1, 0x1a, 0x51, 0x4b, 0x67, 0xb0, 0xd8, 0x20, 0x63, 0x61, 0x62, 0x63, 0xf0, 0xf8, 0xff,
      0x5f, 0x42, 0x01, 0x02, 0x43, 0x03, 0x04, 0x05, 0xff, 0x9f, 0x7f, 0x61, 0x78, 0x62, 0x79, 0x7a, 0xff, 0xf9, 0x3c, 0x00, 0xff]).buffer;
    msgs.half = new Uint8Array([0x85, 0xf9, 0x7b, 0xff, 0xf9, 0x00, 0x01, 0xf9, 0xfc, 0x00, 0xf9, 0x7e, 0x00, 0xf9, 0x80, 0x00]).buffer;
    dec.hand = CJ.decode(msgs.hand, tagger, simple);
    out('hand ' + show(dec.hand) + ' tags ' + tagger.seen() + ' simples ' + simples.join(','));
    out('half ' + show(CJ.decode(msgs.half, tagger, simple)));
    dv = new DataView(msgs.rec, 1);
  },
  function () {
    // write through the decoded view: the encoded message changes, and so does what a new decode returns
    dec.rec.raw[0] = 0xee;
    dv.setUint8(dec.rec.raw.byteOffset - 1 + 5, 0x99);
    out('rec now ' + hex(msgs.rec).slice(-40) + ' raw ' + hex(dec.rec.raw) + ' redecoded ' + show(CJ.decode(msgs.rec).raw));
    var errs = [new Uint8Array([0x1c]).buffer, new Uint8Array([0x82, 0x01]).buffer, new Uint8Array([0x01, 0x02]).buffer, new Uint8Array([0x5f, 0x01, 0xff]).buffer];
    for (var i = 0; i < errs.length; i++) {
      try { out('err' + i + ' ' + show(CJ.decode(errs[i]))); } catch (e) { out('err' + i + ' ' + (e instanceof Error ? e.name + ': ' + e.message : 'thrown ' + e)); }
    }
  },
  function () {
    var big = [];
    for (var i = 0; i < 300; i++) big.push({ t: i * 1000, v: Math.sin(i / 7) * 100, s: i % 3 ? 'ok' : 'warn-' + i });
    msgs.big = CJ.encode(big);
    var back = CJ.decode(msgs.big);
    out('big ' + msgs.big.byteLength + ' bytes ' + back.length + ' ' + show(back[299]) + ' ' + (JSON.stringify(back) === JSON.stringify(big)));
    out('still ' + hex(dec.rec.raw) + ' ' + dv.getUint16(2) + ' tags ' + tagger.seen() + ' ' + show(dec.hand));
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
