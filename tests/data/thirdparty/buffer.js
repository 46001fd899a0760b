// package: buffer@4.9.2 base64-js/index.js+ieee754/index.js+buffer/index.js
// also: base64-js@1.5.1
// also: ieee754@1.2.1
// prelude: var FB = (function (global) { var module = { exports: {} }, exports = module.exports; function require(name) { return name === 'isarray' ? Array.isArray : exports; }
return exports.Buffer; })({ TYPED_ARRAY_SUPPORT: true });
// Driver for feross/buffer 4 (the browserify Buffer polyfill; it and its base64-js and ieee754 are
// prepended by tests/thirdparty.sh as CommonJS files: the prelude opens a function holding their one
// `exports`, the line above closes it, so the polyfill is FB and Duktape's own global Buffer stays).
// Its `global` holds TYPED_ARRAY_SUPPORT: true, the switch the polyfill reads before probing, since the
// probe needs `__proto__` in an object literal, which Duktape 2.7 takes as a plain property name (the
// probe fails, and the polyfill would use plain objects, copying on slice). With typed arrays a buffer
// is a Uint8Array whose prototype is Buffer.prototype, and slice() is subarray(): a receive buffer,
// slices of it and slices of those share one memory. A framing parser keeps them over several turns,
// writes through one alias and reads through the others after each turn.
var out = function (s) { console.log(String(s)); };
out('typed arrays ' + FB.TYPED_ARRAY_SUPPORT + ' isBuffer ' + FB.isBuffer(FB.alloc(1)) + ' ' + (FB.alloc(1) instanceof Uint8Array));
// the stream: frames of [magic 0xF7][type][length uint16 BE][payload], written into rx as they arrive
var rx = FB.alloc(96);
var filled = 0;
var frames = [];               // slices of rx: one per complete frame, live over the turns
var hdr = rx.slice(0, 4);      // the first header
var body = rx.slice(4);        // everything after it
var word = body.slice(8, 16);  // a slice of a slice
var view = new Uint8Array(rx.buffer, rx.byteOffset, rx.length);   // a plain Uint8Array over it
var ab = FB.from(rx.buffer, rx.byteOffset + 64, 16);              // from(arrayBuffer, offset, length)
function frame(type, payload) {
  var p = FB.from(payload), f = FB.alloc(4 + p.length);
  f.writeUInt8(0xf7, 0); f.writeUInt8(type, 1); f.writeUInt16BE(p.length, 2); p.copy(f, 4);
  return f;
}
var incoming = [
  FB.concat([frame(1, 'hello'), frame(2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])]),
  frame(3, 'caf\u00e9 \u2603 \ud83d\ude00'),
  frame(4, FB.from('AAECAwQFBgcICQoLDA0ODw==', 'base64')),
  frame(5, 'end')
];
function parse() {
  var pos = 0, n = 0;
  frames = [];
  while (pos + 4 <= filled && rx[pos] === 0xf7) {
    var len = rx.readUInt16BE(pos + 2);
    if (pos + 4 + len > filled) break;
    frames.push({ type: rx[pos + 1], payload: rx.slice(pos + 4, pos + 4 + len), all: rx.slice(pos, pos + 4 + len) });
    pos += 4 + len; n++;
  }
  return n;
}
function show(tag) {
  out(tag + ' rx ' + rx.toString('hex', 0, 48));
  out(tag + ' hdr ' + hdr.toString('hex') + ' body[0..8] ' + body.toString('hex', 0, 8) + ' word ' + word.toString('hex') +
      ' view[4] ' + view[4] + ' ab ' + ab.toString('hex'));
  for (var i = 0; i < frames.length; i++) {
    var f = frames[i];
    out(tag + ' frame ' + i + ' type ' + f.type + ' len ' + f.payload.length + ' ' +
        (f.type === 3 || f.type === 1 || f.type === 5 ? JSON.stringify(f.payload.toString('utf8')) : f.payload.toString('base64')) +
        ' same as rx ' + f.all.equals(rx.slice(f.all.byteOffset - rx.byteOffset, f.all.byteOffset - rx.byteOffset + f.all.length)));
  }
}
var step = 0;
function turn() {
  if (step < incoming.length) {
    var chunk = incoming[step];
    filled += chunk.copy(rx, filled);
    out('turn ' + step + ': received ' + chunk.length + ' bytes, ' + filled + ' buffered, ' + parse() + ' frames');
  }
  switch (step) {
  case 1:
    // rewrite through slices: the frames, rx and the other slices see it
    frames[0].payload.write('HELLO');
    frames[1].payload.writeUInt32LE(0xdeadbeef, 4);
    word.fill(0x5a, 6);
    break;
  case 2:
    frames[2].payload.write('CAFE', 0, 'latin1');
    hdr.writeUInt8(0xf7, 0);
    body.writeInt16BE(-2, 0);   // the first frame's "hello" -> 0xfffe + "LLO"
    view[5] = 0x48;
    break;
  case 3:
    frames[3].payload.writeDoubleBE(Math.PI, 4);
    out('double through rx ' + rx.readDoubleBE(frames[3].payload.byteOffset - rx.byteOffset + 4) +
        ' float ' + frames[3].all.readFloatLE(0));
    ab.write('ffff', 0, 'hex');
    out('swap16 ' + word.swap16().toString('hex') + ' ' + body.toString('hex', 8, 16));
    break;
  case 4:
    frames[frames.length - 1].payload.write('END');
    out('compare ' + FB.compare(frames[0].payload, frames[4].payload) + ' indexOf ' + rx.indexOf('END') + ' ' + rx.lastIndexOf(0xf7) +
        ' includes ' + body.includes('LLO'));
    rx.fill(0, 60);
    break;
  }
  show('turn ' + step);
  step++;
  if (step <= incoming.length) setTimeout(turn, 1);
  else out('json ' + JSON.stringify(frames[0].all) + ' ' + FB.byteLength('\u2603', 'utf8') + ' ' + FB.from('\u00ff\u0100', 'ucs2').toString('hex'));
}
setTimeout(turn, 1);
