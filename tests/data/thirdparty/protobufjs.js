// package: protobufjs@5.0.3 long/dist/long.js+bytebuffer/dist/bytebuffer.js+protobufjs/dist/protobuf.js
// also: long@4.0.0
// also: bytebuffer@5.0.1
// prelude: var self = this, dcodeIO = {}; Object.defineProperty(dcodeIO, 'Long', { get: function () { return self.Long; }, enumerable: true });
// Driver for ProtoBuf.js 5 (dcodeIO's protocol buffers on ByteBuffer.js 5 and Long.js 4, see
// bytebuffer.js for the prelude; protobufjs 6 cannot migrate: see README). A .proto text is parsed into
// a reflection tree (namespaces, messages, fields, oneofs, enums, services with parent links: cycles)
// and message classes are built from it as closures (5.x generates no code). A sender encodes
// length-delimited messages into one ByteBuffer; the receiver gets the bytes in pieces cut anywhere, one
// per turn, keeps the partial tail in its own ByteBuffer and decodes each message once it is whole.
// 64-bit fields are Longs; map fields, packed repeated fields, bytes and defaults.
var out = function (s) { console.log(String(s)); };
var PB = dcodeIO.ProtoBuf, BB = dcodeIO.ByteBuffer, Long = self.Long;
var proto = [
  'syntax = "proto3";',
  'package home;',
  'enum Kind { UNKNOWN = 0; LAMP = 1; PLUG = 2; SENSOR = 3; }',
  'message Reading { sint32 celsius_x10 = 1; uint64 at = 2; bool stale = 3; }',
  'message Device {',
  '  string id = 1; Kind kind = 2; repeated int32 levels = 3; map<string, string> labels = 4;',
  '  oneof payload { Reading reading = 5; bytes blob = 6; string note = 7; }',
  '  fixed64 serial = 8; int64 counter = 9; double watts = 10;',
  '  message Child { string name = 1; repeated Child children = 2; }',
  '  Child tree = 11;',
  '}',
  'message Batch { repeated Device devices = 1; }',
  'service Hub { rpc Push (Batch) returns (Batch); }'
].join('\n');
var builder = PB.loadProto(proto, 'home.proto');
var home = builder.build('home');
var Device = home.Device, Reading = home.Reading, Kind = home.Kind;
var sender = new BB(16);
var receiver = new BB(0);
var sent = 0;
var decoded = [];
var seq = 0;
function makeDevice(i) {
  var d = new Device({ id: 'dev-' + i, kind: (i % 3) + 1, levels: [i, i * 2, -i], serial: Long.fromString('18446744073709551' + (600 + i), true),
    counter: Long.fromNumber(-1e12 - i), watts: i / 3 });
  d.labels.set('room', ['hall', 'kitchen'][i % 2]);
  d.labels.set('n', String(i));
  if (i % 3 === 0) d.reading = new Reading({ celsius_x10: -15 * i, at: Long.fromBits(i, 0x10, true), stale: i % 2 === 0 });
  else if (i % 3 === 1) d.blob = BB.wrap([i, 255, 0, 7]);
  else d.note = 'note ' + i + ' ✓';
  d.tree = new Device.Child({ name: 'root', children: [new Device.Child({ name: 'a' + i }), new Device.Child({ name: 'b', children: [{ name: 'deep' }] })] });
  return d;
}
function labels(d) { var l = []; d.labels.forEach(function (v, k) { l.push(k + ':' + v); }); return l.sort().join(','); }
function show(d) {
  return d.id + ' ' + d.kind + ' [' + d.levels.join(',') + '] ' + d.payload + '=' +
    (d.payload === 'reading' ? d.reading.celsius_x10 + '@' + d.reading.at.toString() + (d.reading.stale ? ' stale' : '') : d.payload === 'blob' ? d.blob.toHex() : d.note) +
    ' serial ' + d.serial.toString() + ' counter ' + d.counter.toString() + ' watts ' + d.watts.toFixed(3) + ' labels ' +
    labels(d) + ' tree ' + d.tree.children.map(function (c) { return c.name + '(' + c.children.length + ')'; }).join('');
}
var turn = 0;
function step() {
  // the sender writes two messages; the receiver gets 131 bytes of the stream per turn
  if (turn < 4) for (var k = 0; k < 2; k++) makeDevice(seq++).encodeDelimited(sender);
  var piece = sender.copy(sent, Math.min(sender.offset, sent + 131));
  sent = Math.min(sender.offset, sent + 131);
  receiver = BB.concat([receiver.copy(receiver.offset, receiver.limit), piece]);
  var got = 0;
  // a message is decoded once its length prefix and all its bytes have arrived
  while (receiver.remaining() > 0 && got < 10) {
    var len;
    try { len = receiver.readVarint32(receiver.offset); } catch (e) { break; }   // a cut varint
    if (receiver.remaining() < len.length + len.value) break;
    decoded.push(Device.decodeDelimited(receiver));
    got++;
  }
  out('turn ' + turn + ' sent ' + sender.offset + ' bytes, received ' + sent + ', buffered ' + receiver.remaining() + ', decoded ' + got);
  decoded.slice(decoded.length - got).forEach(function (d) { out('  ' + show(d)); });
  if (turn === 2) {
    var t = builder.lookup('home.Device');
    out('  reflection ' + t.getChildren(PB.Reflect.Message.Field).map(function (f) { return f.name + ':' + f.type.name + (f.repeated ? '*' : '') + '#' + f.id; }).join(' '));
    out('  oneof ' + t.getChild('payload').fields.map(function (f) { return f.name; }).join(',') + ' parent ' + t.parent.fqn() + ' service ' + builder.lookup('home.Hub').getChildren().map(function (m) { return m.name + '(' + m.requestName + ')'; }).join());
    var j = makeDevice(99).toRaw(false, true);
    out('  raw ' + JSON.stringify(j).slice(0, 160));
    out('  enum ' + Kind.SENSOR + ' ' + builder.lookup('home.Kind').getChildren().map(function (v) { return v.name + '=' + v.id; }).join(','));
  }
  turn++;
  if (decoded.length < seq) setTimeout(step, 1);
  else out('all ' + decoded.length + ' of ' + seq + ' hex of first ' + decoded[0].encode().toHex().slice(0, 40) + ' equal ' + (decoded[1].toBase64() === makeDevice(1).toBase64()));
}
setTimeout(step, 1);
