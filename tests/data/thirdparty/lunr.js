// package: lunr@2.3.9 lunr/lunr.js
// Driver for lunr 2.3 (full-text search, prepended by tests/thirdparty.sh): builds an index with a custom
// pipeline function, searches with wildcards, fields, boosts and fuzzy terms; the index (token sets, inverted
// index, vectors) and a serialised copy are carried across turns.
var out = function (s) { console.log(String(s)); };
var docs = [
  { id: 'a', title: 'Migrating running programs', body: 'A program moves between devices while it runs, keeping its closures and timers.' },
  { id: 'b', title: 'Event loops', body: 'Timers and immediates run in turns; a snapshot is taken between two turns.' },
  { id: 'c', title: 'Snapshots', body: 'JSON or msgpack snapshots carry the heap: objects, arrays, functions and environments.' },
  { id: 'd', title: 'Instrumentation', body: 'Source instrumentation makes captured variables live in environment objects.' }
];
var stopShort = function (token) { return token.toString().length < 3 ? undefined : token; };
lunr.Pipeline.registerFunction(stopShort, 'stopShort');
var idx = lunr(function () {
  this.ref('id');
  this.field('title', { boost: 10 });
  this.field('body');
  this.pipeline.add(stopShort);
  this.metadataWhitelist = ['position'];
  for (var i = 0; i < docs.length; i++) this.add(docs[i]);
});
var queries = ['snapshot', 'time*', 'title:event', 'closur~1', '+timers -snapshot', 'program^5 device', 'nothingmatches', 'environ*'];
var serialised = null;
var q = 0;
function show(res) { return res.map(function (r) { return r.ref + ':' + r.score.toFixed(4) + ':' + Object.keys(r.matchData.metadata).sort().join('/'); }).join(' '); }
var iv = setInterval(function () {
  var query = queries[q++];
  out(query + ' -> ' + show(idx.search(query)));
  if (q === 3) serialised = JSON.stringify(idx);
  if (q === 5) out('serialised ' + serialised.length + ' fields ' + JSON.parse(serialised).fields.join(','));
  if (q === queries.length) {
    clearInterval(iv);
    setTimeout(function () {
      var idx2 = lunr.Index.load(JSON.parse(serialised));
      out('reloaded: ' + show(idx2.search('snapshot')));
      out(lunr.stemmer(new lunr.Token('running')).toString() + ' ' + lunr.stemmer(new lunr.Token('environments')).toString() + ' ' + lunr.version);
    }, 1);
  }
}, 2);
