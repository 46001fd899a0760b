// package: jdataview@2.5.0 jdataview/dist/node/jdataview.js
// prelude: var module = {};
// Driver for jDataView 2.5 (its only build, the CommonJS one, prepended by tests/thirdparty.sh; the prelude
// gives it the `module` it exports to). Finding a global `Buffer` whose writeFloatLE works, it stores its
// bytes in Node.js-style Buffers: here Duktape's own, so a view made from a length, its slices (views over
// the same Buffer memory) and a Buffer of ours hold the data; a view made from an ArrayBuffer goes through
// DataView instead. A telemetry frame is written with the auto-advancing write* methods and bit fields,
// and read back by cursors that stop half way and resume in the next turn (offset and bit offset are
// the cursor's own state); 64-bit values are its Uint64/Int64 objects (Int64.prototype made with
// Object.create). Where Duktape's Buffer differs from Node's (toString and write with an encoding, as
// getString and writeString call them), the output is Duktape's.
var jDataView = module.exports;
var out = function (s) { console.log(String(s)); };
function hex(v, n) { var r = ''; for (var i = 0; i < n; i++) { var b = v.getUint8(i); r += (b < 16 ? '0' : '') + b.toString(16); } return r; }
var frame = new jDataView(48, 0, undefined, true);     // little-endian by default
var cursor, bits, sub, ab, abv, nums = {};
var raw = new Buffer(16);                              // Duktape's Buffer, viewed by jDataView without a copy
raw.fill(0);
var rawView = new jDataView(raw, 4, 8, false);
var steps = [
  function () {
    out('buffer kind ' + (frame.buffer instanceof Buffer) + ' ' + frame._isNodeBuffer + ' dataview ' + frame._isDataView + ' length ' + frame.byteLength);
    frame.writeUint8(0x7e);
    frame.writeUint16(0x1234);
    frame.writeUint16(0x1234, false);
    frame.writeInt32(-2);
    frame.writeFloat32(1.5);
    frame.writeFloat64(-0.1, false);
    frame.writeUint64(jDataView.Uint64.fromNumber(Math.pow(2, 40) + 5));
    frame.writeInt64(jDataView.Int64.fromNumber(-3));
    frame.writeString('OK');
    out('written to ' + frame.tell() + ': ' + hex(frame, frame.tell()));
    frame.setUnsigned(38, 5, 3); frame.setUnsigned(38, 9, 4); frame.setUnsigned(38, 0x3ff, 10); frame.setSigned(40, -2, 5);
    out('bit fields ' + hex(frame, 44).slice(72) + ' offset ' + frame.tell());
    cursor = new jDataView(frame.buffer, 0, 44, true);   // a second view over the same memory
    out('read ' + cursor.getUint8() + ' ' + cursor.getUint16().toString(16) + ' ' + cursor.getUint16(undefined, false).toString(16) + ' at ' + cursor.tell());
  },
  function () {
    out('cursor goes on ' + cursor.getInt32() + ' ' + cursor.getFloat32() + ' ' + cursor.getFloat64(undefined, false) + ' at ' + cursor.tell());
    var u = cursor.getUint64(), i = cursor.getInt64();
    nums.u = u; nums.i = i;
    out('64-bit ' + u.lo + ' ' + u.hi + ' = ' + u + ' / ' + i.lo + ' ' + i.hi + ' = ' + i.valueOf() + ' ' + (i instanceof jDataView.Uint64) + ' ' + Object.getPrototypeOf(Object.getPrototypeOf(i)).constructor.name);
    out('string ' + cursor.getString(2) + ' char ' + cursor.getChar(36));
    bits = new jDataView(frame.buffer, 38, 6);
    out('bits ' + bits.getUnsigned(3) + ' ' + bits.getUnsigned(4) + ' (bit offset ' + bits._bitOffset + ')');
    sub = frame.slice(2, 10);                           // no copy: a view over the same Buffer
    out('slice ' + hex(sub, 8) + ' byteOffset ' + sub.byteOffset + ' same buffer ' + (sub.buffer === frame.buffer));
  },
  function () {
    out('bits go on ' + bits.getUnsigned(10) + ' ' + bits.getSigned(5) + ' at ' + bits.tell());
    sub.setUint16(0, 0xbeef);                           // writes land in frame and are seen by cursor
    out('frame now ' + hex(frame, 10) + ' cursor re-read ' + cursor.getUint16(3, false).toString(16));
    var copy = frame.slice(2, 10, true);
    copy.setUint8(0, 0);
    out('copy ' + hex(copy, 8) + ' frame unchanged ' + hex(frame, 4));
    ab = new ArrayBuffer(12);
    abv = new jDataView(ab);
    abv.writeFloat32(3.25, true); abv.writeUint32(0xdeadbeef); abv.writeInt16(-300, true); abv.writeString('hi', undefined, 'utf8');
    out('arraybuffer view ' + abv._isArrayBuffer + ' ' + abv._isDataView + ' ' + hex(abv, 12) + ' u8 ' + Array.prototype.join.call(new Uint8Array(ab, 0, 4), ','));
  },
  function () {
    rawView.setUint32(0, 0xcafebabe);
    rawView.setInt16(4, -2, true);
    out('raw ' + Array.prototype.join.call(raw, ',') + ' view ' + hex(rawView, 8) + ' ' + rawView.getInt16(4, true));
    raw[5] = 0x11;
    out('view sees raw write ' + rawView.getUint8(1).toString(16) + ' seek ' + (rawView.seek(6), rawView.tell()) + ' ' + rawView.getUint16().toString(16));
    try { rawView.getUint32(6); } catch (e) { out('bounds: ' + e.name + ': ' + e.message); }
    var w = jDataView.wrapBuffer([1, 2, 3]);
    out('wrapBuffer(array) ' + (w instanceof Buffer) + ' ' + w.length + ' from ' + hex(jDataView.from(1, 2, 250), 3));
  },
  function () {
    out('end frame ' + hex(frame, 44) + ' cursor at ' + cursor.tell() + ' bits at ' + bits.tell() + ' kept 64 ' + nums.u + ' ' + nums.i.valueOf());
    out('ab ' + new jDataView(ab).getFloat32(0, true) + ' ' + abv.getUint32(4).toString(16) + ' ' + abv.getString(2, 10));
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
