// package: crc-32@1.2.2 crc-32/crc32.js+crc-32/crc32c.js
// Driver for SheetJS crc-32 1.2 (CRC32 and CRC32C, prepended by tests/thirdparty.sh): both libraries build
// their slice-by-16 tables at load as fifteen Int32Array subarrays of one 4096-entry table, kept in closures.
// A frame stream is checksummed chunk by chunk across turns (the running CRC is the seed of the next chunk),
// with binary strings, UTF-8 strings, plain arrays and Uint8Array views over one receive buffer; the
// incremental results must equal the one-shot checksums at the end.
var out = function (s) { console.log(String(s)); };
function hex32(v) { return ('0000000' + (v >>> 0).toString(16)).slice(-8); }
var rx = new Uint8Array(64);                  // a receive buffer, refilled every turn
var frames = [];                              // views over rx of earlier turns (they see the refills)
var acc = { crc: 0, crcc: 0, all: [], turn: 0 };
var texts = ['', 'a', 'abc', 'message digest', 'Ferry \u00e9\u00e8 \u2603 \ud83d\ude00 migrates', '\u0000\u00ff\u0100\u07ff\u0800\uffff'];
function fill(seed) {
  for (var i = 0; i < rx.length; i++) rx[i] = (seed * 31 + i * 7 + (i >> 3)) & 0xff;
}
var steps = [
  function () {
    out('versions ' + CRC32.version + ' ' + CRC32C.version);
    for (var i = 0; i < texts.length; i++)
      out('str ' + JSON.stringify(texts[i]) + ' ' + hex32(CRC32.str(texts[i])) + ' ' + hex32(CRC32C.str(texts[i])) + ' bstr ' + CRC32.bstr(texts[i]));
  },
  function () {
    fill(1);
    frames.push(rx.subarray(8, 40));
    acc.crc = CRC32.buf(rx.subarray(0, 24), acc.crc);
    acc.crcc = CRC32C.buf(rx.subarray(0, 24), acc.crcc);
    for (var i = 0; i < 24; i++) acc.all.push(rx[i]);
    out('chunk1 ' + hex32(acc.crc) + ' ' + hex32(acc.crcc) + ' frame0 ' + hex32(CRC32.buf(frames[0])));
  },
  function () {
    fill(2);
    // the frame of the last turn is a view: it now reads the new bytes
    out('frame0 after refill ' + hex32(CRC32.buf(frames[0])) + ' first ' + frames[0][0]);
    var plain = Array.prototype.slice.call(rx, 3, 50);
    acc.crc = CRC32.buf(plain, acc.crc);
    acc.crcc = CRC32C.buf(plain, acc.crcc);
    acc.all = acc.all.concat(plain);
    frames.push(rx.subarray(3, 50));
    out('chunk2 ' + hex32(acc.crc) + ' ' + hex32(acc.crcc));
  },
  function () {
    // a long buffer exercises the 16-byte loop and the tail
    var big = new Uint8Array(1000);
    for (var i = 0; i < big.length; i++) big[i] = (i * i + 13) & 0xff;
    acc.crc = CRC32.buf(big, acc.crc);
    acc.crcc = CRC32C.buf(big, acc.crcc);
    for (i = 0; i < big.length; i++) acc.all.push(big[i]);
    var s = '';
    for (i = 0; i < 300; i++) s += String.fromCharCode(32 + (i * 37) % 90, 0x400 + i);
    out('chunk3 ' + hex32(acc.crc) + ' ' + hex32(acc.crcc) + ' long str ' + hex32(CRC32.str(s)) + ' ' + hex32(CRC32C.str(s, 12345)));
  },
  function () {
    rx[10] = 0xaa; rx[11] ^= 0x55;
    out('frames ' + hex32(CRC32.buf(frames[0])) + ' ' + hex32(CRC32.buf(frames[1])) + ' ' + frames[1].length + ' ' + frames[1].byteOffset);
    out('incremental == one-shot: ' + (acc.crc === CRC32.buf(acc.all)) + ' ' + (acc.crcc === CRC32C.buf(new Uint8Array(acc.all))) + ' ' + acc.all.length + ' bytes');
    out('seeded bstr ' + CRC32.bstr('world', CRC32.bstr('hello ')) + ' = ' + CRC32.bstr('hello world'));
  }
];
var n = 0;
function next() { steps[n++](); if (n < steps.length) setTimeout(next, 1); }
setTimeout(next, 1);
