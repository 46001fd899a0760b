// package: punycode@1.4.1 punycode/punycode.js
// Driver for punycode 1.4 (prepended by tests/thirdparty.sh): encode/decode, IDN domains and emails,
// UCS-2 helpers; results accumulated across turns.
var out = function (s) { console.log(String(s)); };
var domains = ['mañana.com', 'bücher.example', '☃-⌘.com', 'xn--maana-pta.com', 'джумла@джpумлатест.bрфa', 'ファッション.biz'];
var done = [];
var iv = setInterval(function () {
  var d = domains[done.length];
  var r = /^xn--/.test(d) ? punycode.toUnicode(d) : punycode.toASCII(d);
  done.push(r);
  out(d + ' -> ' + r + ' -> ' + (/^xn--|@/.test(r) ? punycode.toUnicode(r) : punycode.toASCII(r)));
  if (done.length === 2) out(punycode.encode('ü') + ' ' + punycode.decode('tda') + ' ' + JSON.stringify(punycode.ucs2.decode('\uD834\uDF06a')) + ' ' + punycode.ucs2.encode([0x1D306, 97]).length);
  if (done.length === 3) { try { punycode.decode('\x81'); } catch (e) { out('error ' + e.name + ': ' + e.message); } }
  if (done.length === domains.length) { clearInterval(iv); out('end ' + done.join(' ') + ' ' + punycode.version); }
}, 2);
