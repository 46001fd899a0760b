// package: source-map@0.5.7 source-map/dist/source-map.js
// Driver for source-map 0.5 (prepended by tests/thirdparty.sh): a SourceMapGenerator filled one mapping batch
// per turn (migrated while half built), then consumed: VLQ encoding, original/generated position lookups.
var out = function (s) { console.log(String(s)); };
var gen = new sourceMap.SourceMapGenerator({ file: 'out.js', sourceRoot: 'src' });
gen.setSourceContent('a.js', 'var a = 1;\nfunction f() {}\n');
var batch = 0;
var iv = setInterval(function () {
  batch++;
  for (var i = 0; i < 5; i++) {
    gen.addMapping({ generated: { line: batch, column: i * 7 }, original: { line: i + 1, column: batch * 2 }, source: i % 2 ? 'b.js' : 'a.js', name: i === 3 ? 'name' + batch : undefined });
  }
  out('batch ' + batch + ' mappings so far ' + gen.toJSON().mappings);
  if (batch === 4) {
    clearInterval(iv);
    setTimeout(function () {
      var raw = gen.toJSON();
      out(JSON.stringify(raw));
      var con = new sourceMap.SourceMapConsumer(raw);
      out(JSON.stringify(con.originalPositionFor({ line: 2, column: 8 })) + ' ' + JSON.stringify(con.generatedPositionFor({ source: 'src/b.js', line: 2, column: 6 })));
      var all = [];
      con.eachMapping(function (m) { if (m.generatedLine === 3) all.push(m.generatedColumn + '>' + m.source + ':' + m.originalLine + ':' + m.originalColumn); });
      out(all.join(' ') + ' | ' + con.sourceContentFor('src/a.js').length + ' ' + con.sources.join(','));
      var node = new sourceMap.SourceNode(1, 0, 'x.js', ['var x = ', new sourceMap.SourceNode(1, 8, 'x.js', '42', 'answer'), ';\n']);
      var r = node.toStringWithSourceMap({ file: 'y.js' });
      out(JSON.stringify(r.code) + ' ' + r.map.toString());
    }, 1);
  }
}, 2);
