// package: text-encoding@0.7.0 text-encoding/lib/encoding-indexes.js+text-encoding/lib/encoding.js
// prelude: var NativeTE = TextEncoder, NativeTD = TextDecoder; TextEncoder = TextDecoder = undefined;
// Driver for the text-encoding 0.7 polyfill (WHATWG Encoding: UTF-8/16, single-byte and CJK legacy
// encodings, prepended by tests/thirdparty.sh). The polyfill installs itself only where the global has no
// TextEncoder, and Duktape 2.7 has a native one: the prelude keeps the natives under other names and
// clears the globals, as on a device without them, so that the globals become the polyfill's functions
// (patched built-ins in the snapshot, the natives still reachable elsewhere) and the two are compared.
// Its index tables (the global "encoding-indexes", half a megabyte) and the decoders' accessor properties
// (encoding, fatal, ignoreBOM: getters on the prototype) live across turns; streaming decoders are fed
// multi-byte sequences cut in the middle, one chunk per turn.
var out = function (s) { console.log(String(s)); };
function hex(a) { var r = ''; for (var i = 0; i < a.length; i++) r += (a[i] < 16 ? '0' : '') + a[i].toString(16); return r; }
function esc(s) { return JSON.stringify(s).replace(/[\u0080-\uffff]/g, function (c) { return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4); }); }
var G = this;
var text = 'K\u00f6ln \u00e9t\u00e9 \u65e5\u672c\u8a9e \ud55c\uad6d\uc5b4 \u4e2d\u6587 \u20ac \ud83d\ude80 end';
var enc = new TextEncoder(), legacy = {}, streams = {}, acc = {}, bytes = {};
var names = ['shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb18030', 'big5', 'euc-kr', 'windows-1252', 'koi8-r', 'iso-8859-7', 'utf-16be'];
var samples = { 'shift_jis': '\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8\uff71', 'euc-jp': '\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8', 'iso-2022-jp': 'abc\u65e5\u672c\u8a9eabc',
  'gbk': '\u4e2d\u6587\u6c49\u5b57', 'gb18030': '\u4e2d\u6587\u20ac\ud83d\ude80\u00e9', 'big5': '\u7e41\u9ad4\u4e2d\u6587', 'euc-kr': '\ud55c\uad6d\uc5b4',
  'windows-1252': 'caf\u00e9 \u20ac\u2122', 'koi8-r': '\u043f\u0440\u0438\u0432\u0435\u0442', 'iso-8859-7': '\u03b1\u03b2\u03b3', 'utf-16be': 'A\u00e9\ud83d\ude80' };
var steps = [
  function () {
    out('polyfill installed ' + (TextEncoder !== NativeTE) + ' ' + typeof G['encoding-indexes'] + ' tables ' + Object.keys(G['encoding-indexes']).length);
    bytes.utf8 = enc.encode(text);
    var nat = new NativeTE().encode(text);
    out('utf-8 ' + bytes.utf8.length + ' ' + hex(bytes.utf8).slice(0, 60) + ' same as native ' + (hex(nat) === hex(bytes.utf8)) + ' encoder.encoding ' + enc.encoding);
    out('decoded ' + (new TextDecoder().decode(bytes.utf8) === text) + ' native decodes polyfill bytes ' + (new NativeTD().decode(bytes.utf8) === text));
    var bad = new Uint8Array([0x61, 0xff, 0xc3, 0x28, 0xe2, 0x82, 0x62, 0xf0, 0x9f, 0x98]);
    out('replacement ' + esc(new TextDecoder('utf-8').decode(bad)));
    try { new TextDecoder('utf-8', { fatal: true }).decode(bad); } catch (e) { out('fatal: ' + e.name); }
    try { new TextDecoder('no-such-thing'); } catch (e) { out('unknown label: ' + e.name); }
  },
  function () {
    // legacy encoders (nonstandard) and decoders, one table each
    for (var i = 0; i < names.length; i++) {
      var nm = names[i];
      legacy[nm] = { enc: new TextEncoder(nm, { NONSTANDARD_allowLegacyEncoding: true }), dec: new TextDecoder(nm) };
      bytes[nm] = legacy[nm].enc.encode(samples[nm]);
      out(nm + ' ' + legacy[nm].dec.encoding + ' ' + hex(bytes[nm]) + ' -> ' + esc(legacy[nm].dec.decode(bytes[nm])));
    }
    var d = new TextDecoder('latin1', { ignoreBOM: true, fatal: true });
    out('latin1 label -> ' + d.encoding + ' fatal ' + d.fatal + ' ignoreBOM ' + d.ignoreBOM + ' own ' + Object.keys(d).join(','));
  },
  function () {
    // streaming decoders: each gets the first part of a stream, cut inside a character
    var cut = { 'utf-8': [bytes.utf8, 13], 'shift_jis': [bytes['shift_jis'], 3], 'gb18030': [bytes['gb18030'], 9], 'iso-2022-jp': [bytes['iso-2022-jp'], 7], 'utf-16be': [bytes['utf-16be'], 3] };
    for (var nm in cut) {
      streams[nm] = { dec: new TextDecoder(nm), src: cut[nm][0], at: cut[nm][1] };
      acc[nm] = streams[nm].dec.decode(streams[nm].src.subarray(0, streams[nm].at), { stream: true });
      out('stream ' + nm + ' part 1 ' + esc(acc[nm]));
    }
  },
  function () {
    for (var nm in streams) {
      var s = streams[nm];
      acc[nm] += s.dec.decode(s.src.subarray(s.at, s.at + 2), { stream: true });
      out('stream ' + nm + ' part 2 ' + esc(acc[nm]));
      s.at += 2;
    }
  },
  function () {
    for (var nm in streams) {
      var s = streams[nm];
      acc[nm] += s.dec.decode(s.src.subarray(s.at));
      out('stream ' + nm + ' done ' + (acc[nm] === (nm === 'utf-8' ? text : samples[nm])) + ' ' + esc(acc[nm]).slice(0, 50));
    }
    var bom = new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x80, 0xde]));
    out('utf-16le with BOM ' + esc(bom) + ' unpaired ' + esc(new TextDecoder('utf-16le').decode(new Uint8Array([0x3d, 0xd8, 0x41, 0x00]))));
    out('natives still native ' + (new NativeTD('utf-8').decode(new NativeTE().encode('\u00e9')) === '\u00e9') + ' ' + (NativeTE !== TextEncoder));
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
