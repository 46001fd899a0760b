// package: he@1.2.0 he/he.js
// also: punycode@1.4.1
// Driver for he 1.2 (HTML entities, prepended by tests/thirdparty.sh): encode/decode with options, big
// regular expressions and lookup tables, strict-mode parse errors; options objects changed across turns.
var out = function (s) { console.log(String(s)); };
var samples = ['foo © bar ≠ baz 𝌆 qux', '&lt;img src=&quot;x&quot;&gt; &amp;amp; &#x1D306; &#169; &copy &notit; &NotEqualTilde;', '<script>alert("x")</script> \'quote\' `tick`'];
var n = 0;
var iv = setInterval(function () {
  var s = samples[n % samples.length];
  n++;
  out('encode ' + he.encode(s) + ' | named ' + he.encode(s, { useNamedReferences: true }) + ' | decimal ' + he.encode(s, { decimal: true, encodeEverything: n === 3 }).slice(0, 80));
  out('decode ' + he.decode(s) + ' | attr ' + he.decode('&notit;', { isAttributeValue: true }) + ' | escape ' + he.escape(s) + ' | unescape ' + he.unescape(he.escape(s)));
  if (n === 2) {
    try { he.decode('&#xZ;', { strict: true }); } catch (e) { out('strict: ' + e.message); }
    he.encode.options.useNamedReferences = true;
  }
  if (n === 4) { clearInterval(iv); out('end ' + he.version + ' ' + he.encode('©')); }
}, 2);
