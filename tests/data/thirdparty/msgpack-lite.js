// package: msgpack-lite@0.1.26 msgpack-lite/dist/msgpack.min.js
// prelude: var self = this;
// Driver for msgpack-lite 0.1 (its browserify build, prepended by tests/thirdparty.sh). The build carries
// feross/buffer, whose typed-array probe fails under Duktape 2.7 (see buffer.js), so it encodes into
// array-like Buffer objects (MB below, not Duktape's Buffer; a codec with `uint8array: true` encodes into
// Uint8Arrays); its preset codec packs Dates, RegExps, Errors and typed arrays as extension types, and a
// codec of ours packs a class through packer/unpacker closures that count their calls. A streaming
// Decoder is fed a message stream cut at arbitrary points over several turns (its pending bytes live in
// the decoder between turns), and a streaming Encoder's chunks are collected by a listener.
var out = function (s) { console.log(String(s)); };
function hex(a) { var r = ''; for (var i = 0; i < a.length; i++) r += (a[i] < 16 ? '0' : '') + a[i].toString(16); return r; }
var MB = msgpack.encode(0).constructor;   // the bundled Buffer
function kind(b) { return b instanceof MB ? (MB.isBuffer(b) ? 'MB' : 'MB?') : Buffer.isBuffer(b) ? 'Buffer' : b instanceof Uint8Array ? 'Uint8Array' : Object.prototype.toString.call(b); }
function show(v) {
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? JSON.stringify(v) : (v === 0 && 1 / v < 0 ? '-0' : String(v));
  if (v instanceof Date) return 'Date(' + v.toISOString() + ')';
  if (v instanceof RegExp) return 'RegExp(' + v.source + ',' + v.global + v.ignoreCase + v.multiline + ')';
  if (v instanceof Error) return v.name + '(' + v.message + ')';
  if (v instanceof Point) return 'Point(' + v.x + ',' + v.y + ')';
  if (ArrayBuffer.isView(v)) return kind(v) + '/' + Object.prototype.toString.call(v).slice(8, -1) + '[' + Array.prototype.join.call(v, ',') + ']';
  if (Array.isArray(v)) { var r = []; for (var i = 0; i < v.length; i++) r.push(show(v[i])); return '[' + r.join(',') + ']'; }
  var ks = Object.keys(v), s = [];
  for (i = 0; i < ks.length; i++) s.push(ks[i] + ':' + show(v[ks[i]]));
  return '{' + s.join(',') + '}';
}
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm1 = function () { return Math.abs(this.x) + Math.abs(this.y); };
var calls = { pack: 0, unpack: 0 };
var codec = msgpack.createCodec({ preset: true });
codec.addExtPacker(0x40, Point, function (p) { calls.pack++; return msgpack.encode([p.x, p.y]); });
codec.addExtUnpacker(0x40, function (buf) { calls.unpack++; var a = msgpack.decode(buf); return new Point(a[0], a[1]); });
var u8codec = msgpack.createCodec({ uint8array: true, preset: true });
var kept = {}, stream, fed = 0, got = [], decoder, encoder, chunks = [];
var steps = [
  function () {
    var vals = [0, 127, 128, 255, 256, 65536, -1, -32, -33, -129, -32769, 4294967296, -4294967297, 0.5, -0, 1e-300, NaN, Infinity,
      true, false, null, '', 'x', 'caf\u00e9 \u2603', new Array(40).join('ab'), [], [1, [2, [3]]], { a: 1, b: [true, null], '': 'empty' }];
    for (var i = 0; i < vals.length; i++) {
      var b = msgpack.encode(vals[i]);
      out(show(vals[i]).slice(0, 40) + ' -> ' + kind(b) + ' ' + hex(b).slice(0, 48) + ' -> ' + show(msgpack.decode(b)).slice(0, 40));
    }
    kept.obj = msgpack.encode({ id: 1, tags: ['a', 'b'], raw: new Uint8Array([9, 8, 7]) });
    out('kept ' + kind(kept.obj) + ' ' + hex(kept.obj));
  },
  function () {
    var rich = [new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 250)), /ab+c/gi, new RangeError('too far'), new TypeError('bad'), new Int16Array([-2, 3, 300]),
      new Float32Array([0.5, -1.25]), new Uint8Array([1, 2, 255]), new Point(3, -4), [new Point(0.5, 1e9)], { p: new Point(-1, -2) }];
    kept.rich = msgpack.encode(rich, { codec: codec });
    out('rich ' + kept.rich.length + ' bytes ' + hex(kept.rich).slice(0, 64));
    var back = msgpack.decode(kept.rich, { codec: codec });
    out('back ' + show(back) + ' calls ' + JSON.stringify(calls) + ' norm ' + back[7].norm1());
    kept.u8 = msgpack.encode({ when: new Date(0), bin: new Uint8Array([0, 1, 2]) }, { codec: u8codec });
    out('u8 ' + kind(kept.u8) + ' ' + hex(kept.u8) + ' -> ' + show(msgpack.decode(kept.u8, { codec: u8codec })));
  },
  function () {
    // a stream of messages, fed to one decoder in pieces cut anywhere
    var parts = [];
    for (var i = 0; i < 12; i++) parts.push(msgpack.encode({ seq: i, v: i * 1.5, name: 'msg' + i, pt: new Point(i, -i) }, { codec: codec }));
    stream = MB.concat(parts);
    decoder = new msgpack.Decoder({ codec: codec });
    decoder.on('data', function (m) { got.push(m.seq + ':' + m.name + ':' + show(m.pt)); });
    decoder.decode(stream.slice(0, 7)); fed = 7;
    out('stream ' + stream.length + ' bytes; after 7 got ' + got.length);
  },
  function () {
    var cuts = [31, 32, 90, 91, 150];
    for (var i = 0; i < cuts.length; i++) { decoder.decode(stream.slice(fed, cuts[i])); fed = cuts[i]; out('fed ' + fed + ' got ' + got.length + ' last ' + got[got.length - 1]); }
  },
  function () {
    decoder.decode(stream.slice(fed, fed + 100)); fed += 100;
    out('fed ' + fed + ' got ' + got.length);
    encoder = new msgpack.Encoder({ codec: codec });
    encoder.on('data', function (c) { chunks.push(c); });
    encoder.encode({ first: new Point(7, 8) });
    encoder.encode([1, 2, 3]);
    out('encoder chunks ' + chunks.length + ' ' + hex(chunks[0]) + ' calls ' + JSON.stringify(calls));
  },
  function () {
    decoder.end(stream.slice(fed)); fed = stream.length;
    out('all ' + got.length + ': ' + got.join(' '));
    encoder.encode('last');
    encoder.end();
    var all = MB.concat(chunks), d2 = [];
    var dec2 = new msgpack.Decoder({ codec: codec });
    dec2.on('data', function (m) { d2.push(show(m)); });
    dec2.end(all);
    out('encoder stream ' + hex(all) + ' -> ' + d2.join(' '));
    out('kept ' + show(msgpack.decode(kept.obj)) + ' ' + show(msgpack.decode(kept.rich, { codec: codec })[0]) + ' calls ' + JSON.stringify(calls));
    try { msgpack.decode(MB.from([0xc1])); } catch (e) { out('c1: ' + e.name + ': ' + e.message); }
    try { msgpack.decode(MB.from([0x92, 0x01])); } catch (e) { out('short: ' + e.name + ': ' + e.message); }
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
