// package: bytebuffer@5.0.1 long/dist/long.js+bytebuffer/dist/bytebuffer.js long/dist/long.js+bytebuffer/dist/bytebuffer-dataview.min.js
// also: long@4.0.0
// prelude: var self = this, dcodeIO = {}; Object.defineProperty(dcodeIO, 'Long', { get: function () { return self.Long; }, enumerable: true });
// Driver for ByteBuffer.js 5 (dcodeIO's protocol buffer backing store, with Long.js 4, prepended by
// tests/thirdparty.sh; NAME.2 is its DataView build, minified). ByteBuffer looks for Long at
// dcodeIO.Long, where Long.js 3 put it; Long.js 4 sets a global Long, so the prelude's dcodeIO has an
// accessor that finds it there. A ByteBuffer is a Uint8Array (or DataView) view with offset, markedOffset
// and limit of its own: a message writer and a reader that stops half way carry those across turns;
// slices and non-copying wraps share the backing ArrayBuffer with the buffer they came from, and each
// turn writes through one and prints the others. 64-bit varints and fields are Long objects.
var out = function (s) { console.log(String(s)); };
var BB = dcodeIO.ByteBuffer, Long = BB.Long;
var w = BB.allocate(16, BB.LITTLE_ENDIAN), r, view, shared, frames = [];
var steps = [
  function () {
    out('version ' + BB.VERSION + ' accessor ' + (BB.accessor() === Uint8Array ? 'Uint8Array' : BB.accessor() === DataView ? 'DataView' : '?') + ' Long ' + (Long === self.Long) + ' ' + typeof Long.fromString);
    w.writeUint8(0xa5).writeVarint32(300).writeVarint32ZigZag(-3).writeVString('h\u00e9llo \u2603').writeCString('c-str')
      .writeInt64(Long.fromString('-9007199254740993')).writeVarint64(Long.fromString('18446744073709551615', true)).writeFloat32(0.1).writeFloat64(-1e-300)
      .writeIString('four').writeUint16(0xbeef).writeInt32(-123456789);
    out('w offset ' + w.offset + ' capacity ' + w.capacity() + ' (grew from 16) limit ' + w.limit);
    w.flip();
    out('hex ' + w.toHex());
    out('debug ' + w.toDebug().slice(0, 60));
    r = w.clone();          // shares the backing buffer, own offsets
    out('read ' + r.readUint8().toString(16) + ' ' + r.readVarint32() + ' ' + r.readVarint32ZigZag() + ' ' + JSON.stringify(r.readVString()) + ' at ' + r.offset);
  },
  function () {
    r.mark();
    var a = r.readCString(), i64 = r.readInt64(), v64 = r.readVarint64();
    out('read on ' + a + ' ' + i64.toString() + ' ' + v64.toString() + ' unsigned ' + v64.unsigned + ' ' + (i64 instanceof Long) + ' hi/lo ' + i64.high + '/' + i64.low);
    out('floats ' + r.readFloat32() + ' ' + r.readFloat64() + ' istr ' + r.readIString() + ' rest ' + r.remaining());
    r.reset();
    out('reset to mark ' + r.offset + ' ' + r.readCString());
    view = w.slice(1, 3);   // the varint 300, sharing memory
    shared = BB.wrap(w.buffer, 'binary', BB.LITTLE_ENDIAN);
    out('slice ' + view.toHex() + ' same buffer ' + (view.buffer === w.buffer) + ' wrap ' + (shared.buffer === w.buffer) + ' ' + shared.limit);
  },
  function () {
    view.writeUint8(0xad, 0);   // absolute offset 0 of the shared memory: w's first byte
    out('w now ' + w.toHex(0, 4) + ' readVarint32(1) ' + w.readVarint32(1).value + ' shared ' + shared.toHex(0, 4));
    var f = BB.allocate(1);
    for (var i = 0; i < 4; i++) {
      var m = new BB(8).writeVarint32(i * 1000).writeVString('frame' + i).flip();
      frames.push(m);
      f.append(m.clone(), 'binary');
    }
    f.flip();
    out('frames ' + f.toHex() + ' b64 ' + f.toBase64() + ' binary ' + f.toBinary().length);
    var cat = BB.concat(frames.map(function (x) { return x.clone(); }));
    out('concat ' + (cat.toHex() === f.toHex()) + ' fromBase64 ' + BB.fromBase64(f.toBase64()).toHex().slice(0, 16) + ' fromUTF8 ' + BB.fromUTF8('\u00e9\u00e9').toHex() + ' ' + BB.calculateUTF8Chars('\u00e9x'));
  },
  function () {
    r.offset = r.limit - 6;
    out('tail ' + r.readUint16().toString(16) + ' ' + r.readInt32() + ' remaining ' + r.remaining());
    try { r.readUint8(); } catch (e) { out('past limit: ' + e.name + ': ' + e.message); }
    var c = w.copy(1, 10);
    c.writeUint8(0, 0);
    w.compact(2);
    out('copy ' + c.toHex() + ' w compacted ' + w.capacity() + ' ' + w.offset + '-' + w.limit + ' view still ' + view.toHex() + ' ' + (view.buffer === w.buffer));
    var be = BB.allocate(8).BE().writeUint32(0x01020304).writeUint16(0x0506).flip();
    out('big endian ' + be.toHex() + ' zigzag ' + BB.zigZagEncode32(-64) + ' ' + BB.zigZagEncode64(Long.fromInt(-1)).toString() + ' varint64 size ' + BB.calculateVarint64(Long.MAX_UNSIGNED_VALUE));
  },
  function () {
    var dbg = BB.wrap([1, 2, 3, 4, 5]).skip(2).toDebug(), d = BB.fromDebug(dbg);
    out('fromDebug ' + dbg + ' ' + d.offset + ' ' + d.limit + ' ' + d.toHex() + ' frames kept ' + frames.map(function (x) { return x.readVarint32(0).value + ':' + x.toHex().slice(-4); }).join(' '));
    out('end ' + w.toHex() + ' r at ' + r.offset + '/' + r.limit + ' mark ' + r.markedOffset);
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
