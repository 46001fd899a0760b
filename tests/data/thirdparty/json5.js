// package: json5@2.2.3 json5/dist/index.js json5/dist/index.min.js
// Driver for JSON5 2 (prepended by tests/thirdparty.sh; its UMD build, `this.JSON5`): parses JSON5
// documents with comments, unquoted keys, hex and Infinity, with revivers, and stringifies with
// replacers, spacing and quote choices, over several turns on a configuration object kept in the heap.
var out = function (s) { console.log(String(s)); };
var config = null;
var history = [];
var turn = 0;
var docs = [
  "// device config\n{\n  name: 'sensor-7', /* inline */ id: 0x1F,\n  rates: [1, 2.5, .5, +7, -Infinity, NaN,],\n  'quoted key': \"line\\\nnext\",\n  nested: { deep: { on: true, off: null } },\n}",
  "[1, 'two', {three: 3}, [4,],]",
  "{ unicode: '\\u00e9\\u{1F600}', escapes: '\\x41\\0\\v', ident$_: 1e3, \u00e9t\u00e9: 'summer' }",
  "{ bad: }",
  "{ a: 1 } trailing",
  "'\\u2028 in a string'"
];
function step() {
  turn++;
  if (turn === 1) {
    config = JSON5.parse(docs[0]);
    out('name ' + config.name + ' id ' + config.id + ' rates ' + config.rates.join(',') + ' quoted ' + JSON.stringify(config['quoted key']));
    out('nested ' + JSON5.stringify(config.nested));
  } else if (turn === 2) {
    docs.slice(1).forEach(function (d) {
      try { out('parse ' + JSON5.stringify(JSON5.parse(d))); } catch (e) { out('error ' + e.name + ' ' + e.lineNumber + ':' + e.columnNumber + ' ' + e.message); }
    });
    var revived = JSON5.parse('{a: 1, b: [2, 3], c: {d: 4}}', function (k, v) { history.push(k); return typeof v === 'number' ? v * 10 : v; });
    out('revived ' + JSON5.stringify(revived) + ' keys ' + history.join(','));
  } else if (turn === 3) {
    config.rates.push(Infinity); config.nested.deep.added = 'x\u2029y'; config.when = new Date(Date.UTC(2020, 5, 1));
    out('stringify ' + JSON5.stringify(config, null, 2));
    out('quote ' + JSON5.stringify({ s: "it's \"q\"" }, { quote: '"' }) + ' ' + JSON5.stringify({ s: "it's" }));
    out('replacer ' + JSON5.stringify(config, ['name', 'id', 'nested', 'deep', 'on']) + ' ' +
      JSON5.stringify(config.rates, function (k, v) { return typeof v === 'number' && !isFinite(v) ? String(v) : v; }, '\t'));
  } else if (turn === 4) {
    var back = JSON5.parse(JSON5.stringify(config));
    out('roundtrip ' + (JSON5.stringify(back) === JSON5.stringify(config)) + ' ' + back.when + ' ' + back.rates.length);
    out('toJSON5 ' + JSON5.stringify({ o: { toJSON5: function (k) { return 'custom ' + k; } }, n: -0, e: 1e21 }));
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
