// package: jszip@2.7.0 jszip/dist/jszip.js
// prelude: var self = this;
// Driver for JSZip 2.7 (zip archives; its browserify build carries pako; 3.x needs Promise and
// setImmediate): an archive is built over several turns from strings, Uint8Arrays, ArrayBuffers and
// nested folders, generated (STORE and DEFLATE, with comments and dates), re-read, and edited again;
// the JSZip objects, their compressed-data caches (CompressedObject over Uint8Arrays) and the generated
// bytes live between turns.
var out = function (s) { console.log(String(s)); };
// zip entries hold DOS dates in local time: a date made from local fields gives the same bytes in every time zone
var date = new Date(2026, 11, 7, 10, 30, 0);
JSZip.defaults.date = date;   // the date of entries made without one (folders): else the real time
function crc(u8) { return JSZip.prototype.crc32 ? JSZip.prototype.crc32(u8) : 0; }
function hex(u8, n) { var s = ''; for (var i = 0; i < Math.min(n, u8.length); i++) s += (u8[i] < 16 ? '0' : '') + u8[i].toString(16); return s; }
function listing(z) {
  return Object.keys(z.files).sort().map(function (k) {
    var f = z.files[k];
    return k + (f.dir ? '' : ':' + f.asUint8Array().length) + (f.comment ? '#' + f.comment : '') + (f.options.compression ? '/' + f.options.compression : '');
  }).join(' ');
}
var zip = new JSZip();
var binary = new Uint8Array(600);
for (var i = 0; i < binary.length; i++) binary[i] = (i * 31 + (i >> 4)) & 255;
var generated = null, reread = null, stored = null;
var turn = 0;
function step() {
  if (turn === 0) {
    zip.file('readme.txt', 'Ferry moves running programs.\n' + new Array(30).join('again and again '), { date: date, comment: 'text' });
    zip.file('data/bin.dat', binary, { date: date, binary: true });
    zip.folder('data').folder('empty');
  } else if (turn === 1) {
    var ab = new ArrayBuffer(64), v = new DataView(ab);
    for (i = 0; i < 16; i++) v.setUint32(i * 4, i * 0x01010101 + 7);
    zip.file('data/ab.bin', ab, { date: date, compression: 'STORE' });
    zip.file('unicode/é✓.txt', 'héllo ✓ wörld', { date: date });
    zip.file('b64.txt', 'SGVsbG8sIHppcA==', { base64: true, date: date });
  } else if (turn === 2) {
    generated = zip.generate({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, comment: 'made by ferry', platform: 'UNIX' });
    stored = zip.generate({ type: 'uint8array', compression: 'STORE' });
    out('generated ' + generated.length + ' ' + hex(generated, 8) + ' crc ' + crc(generated) + ' stored ' + stored.length + ' crc ' + crc(stored));
  } else if (turn === 3) {
    reread = new JSZip(generated, { checkCRC32: true });
    out('comment ' + reread.comment + ' readme ' + reread.file('readme.txt').asText().slice(0, 29) + ' b64 ' + reread.file('b64.txt').asText());
    out('unicode ' + reread.file('unicode/é✓.txt').asText() + ' dates ' + [date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()].join(':') + ' ' + (reread.file('data/bin.dat').date.getTime() === date.getTime()));
    var back = reread.file('data/bin.dat').asUint8Array(), same = back.length === binary.length;
    for (i = 0; same && i < back.length; i++) same = back[i] === binary[i];
    out('binary round trip ' + same + ' ab ' + hex(reread.file('data/ab.bin').asUint8Array(), 12));
  } else if (turn === 4) {
    reread.remove('data/empty');
    reread.file('readme.txt', 'replaced', { date: date });
    reread.file(/\.bin$/).forEach(function (f) { reread.file(f.name + '.copy', f.asArrayBuffer(), { date: date, compression: 'DEFLATE' }); });
    out('filtered ' + reread.filter(function (path, f) { return !f.dir && path.indexOf('data/') === 0; }).map(function (f) { return f.name; }).sort().join(','));
  } else {
    var again = reread.generate({ type: 'uint8array', compression: 'DEFLATE' });
    var third = new JSZip(again);
    out('second archive ' + again.length + ' crc ' + crc(again) + ' readme ' + third.file('readme.txt').asText());
    out('utils ' + JSZip.utils.transformTo('string', new Uint8Array([70, 101, 114, 114, 121])) + ' ' + JSZip.base64.encode('ferry') + ' ' + JSZip.support.uint8array);
  }
  out('turn ' + turn + ' zip ' + listing(zip));
  if (reread) out('  reread ' + listing(reread));
  turn++;
  if (turn < 6) setTimeout(step, 1);
}
setTimeout(step, 1);
