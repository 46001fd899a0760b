// package: pbf@3.2.1 pbf/dist/pbf-dev.js pbf/dist/pbf.js
// prelude: var self = this;
// Driver for pbf 3 (Mapbox's protocol buffers codec, its browser bundle prepended by tests/thirdparty.sh),
// with read and write functions as its compiler (pbf/compile) writes them. finish() returns a subarray of
// the writer's buffer, and the writer starts over in that buffer, so a writer reused for the next message
// overwrites the one it returned before; readBytes() returns a subarray of the buffer read. Messages,
// their decoded `bytes` fields and a reader half way through a message live over several turns: each
// turn writes through one alias and prints what the others now hold. Strings of 12 bytes or more go
// through the TextDecoder pbf makes at load (a TextDecoder carried by the snapshot, kind textdecoder).
var out = function (s) { console.log(String(s)); };
function hex(a) { var r = ''; for (var i = 0; i < a.length; i++) r += (a[i] < 16 ? '0' : '') + a[i].toString(16); return r; }
// message Point { sint32 x = 1; sint32 y = 2; string label = 3; bytes tag = 4; repeated sint32 path = 5 [packed];
//                 double weight = 6; fixed32 id = 7; bool on = 8; Point child = 9; }
var Point = {
  read: function (pbf, end) { return pbf.readFields(Point._readField, { x: 0, y: 0, label: '', tag: null, path: [], weight: 0, id: 0, on: false, child: null }, end); },
  _readField: function (tag, obj, pbf) {
    if (tag === 1) obj.x = pbf.readSVarint();
    else if (tag === 2) obj.y = pbf.readSVarint();
    else if (tag === 3) obj.label = pbf.readString();
    else if (tag === 4) obj.tag = pbf.readBytes();
    else if (tag === 5) pbf.readPackedSVarint(obj.path);
    else if (tag === 6) obj.weight = pbf.readDouble();
    else if (tag === 7) obj.id = pbf.readFixed32();
    else if (tag === 8) obj.on = pbf.readBoolean();
    else if (tag === 9) obj.child = Point.read(pbf, pbf.readVarint() + pbf.pos);
  },
  write: function (obj, pbf) {
    if (obj.x) pbf.writeSVarintField(1, obj.x);
    if (obj.y) pbf.writeSVarintField(2, obj.y);
    if (obj.label) pbf.writeStringField(3, obj.label);
    if (obj.tag) pbf.writeBytesField(4, obj.tag);
    if (obj.path) pbf.writePackedSVarint(5, obj.path);
    if (obj.weight) pbf.writeDoubleField(6, obj.weight);
    if (obj.id) pbf.writeFixed32Field(7, obj.id);
    if (obj.on) pbf.writeBooleanField(8, obj.on);
    if (obj.child) pbf.writeMessage(9, Point.write, obj.child);
  }
};
function show(p) {
  return p.x + ',' + p.y + ' ' + JSON.stringify(p.label) + ' tag ' + (p.tag ? hex(p.tag) : '-') + ' path ' + p.path.join(' ') +
    ' w ' + p.weight + ' id ' + p.id + ' on ' + p.on + (p.child ? ' child(' + show(p.child) + ')' : '');
}
function decode(buf) { return Point.read(new Pbf(buf)); }
var w = new Pbf();                   // one writer, reused
var a, b, c, da, db, r, partial, step = 0;
function turn() {
  switch (step) {
  case 0:
    Point.write({ x: 3, y: -4, label: 'a', tag: [1, 2, 3, 4], path: [1, -1, 2, -2], id: 7 }, w);
    a = w.finish();
    da = decode(a);
    out('a ' + a.length + ' bytes at ' + a.byteOffset + ' of ' + w.buf.length + ': ' + hex(a));
    out('da ' + show(da));
    break;
  case 1:
    // the writer starts over in the same buffer: a now holds the start of b
    Point.write({ x: -300, y: 70000, label: 'b: twelve bytes or more', tag: [9, 9, 9, 9, 9], weight: 0.1, on: true }, w);
    b = w.finish();
    db = decode(b);
    out('b ' + hex(b) + ' / a now ' + hex(a));
    out('da.tag now ' + hex(da.tag) + ' db ' + show(db));
    break;
  case 2:
    // writes through the decoded views land in the writer's buffer
    db.tag[0] = 0x42;
    da.tag[3] = 0x24;
    out('b ' + hex(b) + ' re-read ' + show(decode(b)));
    out('a ' + hex(a) + ' w.buf[0..8] ' + hex(w.buf.subarray(0, 8)));
    break;
  case 3:
    // a bigger message: realloc gives the writer a new buffer, a and b keep the old one
    var path = [];
    for (var i = 0; i < 40; i++) path.push(i * i * (i & 1 ? -3 : 5));
    Point.write({ x: 1, y: 2, label: 'c: \u00e9\u2603 a label long enough for TextDecoder', tag: [5, 6, 7, 8, 9, 10, 11, 12], path: path, weight: -2.5e-3,
                  id: 0xfffffff0, child: { x: 11, y: 12, label: 'child', tag: [0xcc, 0xdd] } }, w);
    c = w.finish();
    out('c ' + c.length + ' bytes, writer buffer ' + w.buf.length + ': ' + show(decode(c)));
    a[a.length - 1] = 0x77;
    out('a ' + hex(a) + ' b ' + hex(b));
    // a reader that stops half way through c: its tag field is read, the rest waits
    r = new Pbf(c);
    partial = {};
    while (r.pos < r.length) {
      var tag = r.readVarint();
      r.type = tag & 7;
      if (tag >> 3 === 4) { partial.tag = r.readBytes(); break; }
      r.skip(tag);
    }
    out('reader at ' + r.pos + '/' + r.length + ' tag ' + hex(partial.tag));
    break;
  case 4:
    // write through the reader's view, then let it go on over the same memory
    partial.tag[0] = 0xff;
    c[r.pos + 2] = 0x09;              // path's first value, after its key and length: 0 becomes -5
    partial.path = [];
    r.readFields(Point._readField, partial);
    out('partial tag ' + hex(partial.tag) + ' path ' + partial.path.slice(0, 6).join(' ') + ' id ' + partial.id + ' reader at ' + r.pos);
    out('c re-read ' + show(decode(c)).slice(0, 120));
    break;
  }
  step++;
  if (step < 5) setTimeout(turn, 1);
  else out('done: a ' + show(decode(a)) + ' / b ' + hex(b.subarray(0, 6)));
}
setTimeout(turn, 1);
