// package: pako@1.0.11 pako/dist/pako.js
// Driver for pako 1 (zlib port prepended by tests/thirdparty.sh): deflate/inflate/gzip round trips, and a
// streaming Deflate object (typed arrays, zlib state) fed one chunk per turn, migrated mid-stream.
var out = function (s) { console.log(String(s)); };
function hex(a, n) { var r = ''; for (var i = 0; i < Math.min(a.length, n); i++) r += (a[i] < 16 ? '0' : '') + a[i].toString(16); return r; }
function sum(a) { var s = 0; for (var i = 0; i < a.length; i++) s = (s * 31 + a[i]) >>> 0; return s; }
var text = '';
for (var i = 0; i < 200; i++) text += 'line ' + i + ': the quick brown fox jumps over the lazy dog ' + (i * i % 97) + '\n';
var stream = new pako.Deflate({ level: 6 });
var inflater = new pako.Inflate({ to: 'string' });
var chunks = [];
for (i = 0; i < text.length; i += 2000) chunks.push(text.substring(i, i + 2000));
var fed = 0;
var iv = setInterval(function () {
  var last = fed === chunks.length - 1;
  stream.push(chunks[fed], last);
  fed++;
  out('fed ' + fed + '/' + chunks.length + ' total_in ' + stream.strm.total_in + ' total_out ' + stream.strm.total_out);
  if (fed === 1) {
    var d = pako.deflate('hello hello hello hello');
    out(hex(d, 40) + ' ' + pako.inflate(d, { to: 'string' }) + ' ' + hex(pako.deflateRaw(new Uint8Array([1, 2, 3, 1, 2, 3])), 20));
    var g = pako.gzip('gzip me', { header: { name: 'x.txt', time: 0 } });
    out(g.length + ' ' + pako.ungzip(g, { to: 'string' }) + ' ' + hex(g.subarray(0, 10), 10));
  }
  if (last) {
    clearInterval(iv);
    var res = stream.result;
    out('stream err ' + stream.err + ' bytes ' + res.length + ' sum ' + sum(res) + ' same as one-shot ' + (sum(res) === sum(pako.deflate(text, { level: 6 }))));
    inflater.push(res.subarray(0, 300), false);
    setTimeout(function () {
      inflater.push(res.subarray(300), true);
      out('inflated ' + inflater.result.length + ' equal ' + (inflater.result === text));
      try { pako.inflate(new Uint8Array([1, 2, 3, 4])); } catch (e) { out('error: ' + e); }
    }, 2);
  }
}, 2);
