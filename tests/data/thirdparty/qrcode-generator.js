// package: qrcode-generator@1.4.4 qrcode-generator/qrcode.js
// Driver for qrcode-generator 1.4 (QR Code encoder; the file declares a global `qrcode`): QR objects keep
// their data list (numeric, alphanumeric, byte and Kanji segments), then make() builds the module matrix
// through bit buffers, Reed-Solomon polynomials over GF(256) (its exp/log tables are built once) and a
// mask chosen by penalty. Data is added over several turns before make(); matrices are printed as ASCII,
// and a GIF data URL and an SVG tag are made from them.
var out = function (s) { console.log(String(s)); };
qrcode.stringToBytes = qrcode.stringToBytesFuncs['UTF-8'];
var codes = [qrcode(0, 'M'), qrcode(4, 'H'), qrcode(0, 'L')];
var parts = [
  [['https://ferry.test/resume?id=', 'Byte'], ['0123456789', 'Numeric'], ['', 'Byte']],
  [['FERRY-42 $%*+-./:', 'Alphanumeric'], ['31415926', 'Numeric'], ['é✓ snap', 'Byte']],
  [['MIGRATE ', 'Alphanumeric'], ['turn three', 'Byte'], ['0', 'Numeric']]
];
function checksum(s) { var h = 0; for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return h; }
var turn = 0;
function step() {
  if (turn < parts.length) {
    parts[turn].forEach(function (p, i) { if (p[0]) codes[i].addData(p[0], p[1]); });
    out('turn ' + turn + ' added ' + parts[turn].map(function (p) { return p[1] + ':' + p[0].length; }).join(' '));
  } else {
    var q = codes[turn - parts.length];
    q.make();
    var n = q.getModuleCount();
    var dark = 0;
    for (var r = 0; r < n; r++) for (var c = 0; c < n; c++) if (q.isDark(r, c)) dark++;
    out('turn ' + turn + ' code ' + (turn - parts.length) + ' version ' + (n - 17) / 4 + ' modules ' + n + ' dark ' + dark);
    var ascii = q.createASCII(1, 1);
    out(turn === parts.length ? ascii : '  ascii ' + ascii.split('\n').length + ' lines, checksum ' + checksum(ascii));
    out('  gif ' + q.createDataURL(2, 4).length + ' chars ' + checksum(q.createDataURL(2, 4)) + ' svg ' + checksum(q.createSvgTag(3, 2)) + ' table ' + checksum(q.createTableTag(2)));
  }
  turn++;
  if (turn < parts.length + codes.length) setTimeout(step, 1);
  else out('bytes ' + qrcode.stringToBytes('é✓').join(',') + ' kanji ' + typeof qrcode.stringToBytesFuncs.SJIS);
}
setTimeout(step, 1);
