// package: fuse.js@3.6.1 fuse.js/dist/fuse.js
// Driver for Fuse.js 3.6 (prepended by tests/thirdparty.sh; webpack UMD, `this.Fuse`): fuzzy search
// with its bitap matcher over a catalogue kept in the heap. Indexes with different options (keys with
// weights, tokenize, threshold, include score and matches, a custom getFn and sortFn) are built in
// early turns and queried later while the catalogue grows (setCollection).
var out = function (s) { console.log(String(s)); };
var catalogue = [
  { id: 1, title: 'Temperature sensor', tags: ['climate', 'indoor'], vendor: { name: 'Bosch' } },
  { id: 2, title: 'Humidity sensor', tags: ['climate'], vendor: { name: 'Sensirion' } },
  { id: 3, title: 'Smart plug', tags: ['power', 'switch'], vendor: { name: 'TP-Link' } },
  { id: 4, title: 'Door contact', tags: ['security'], vendor: { name: 'Aqara' } },
  { id: 5, title: 'Motion detector', tags: ['security', 'indoor'], vendor: { name: 'Philips' } },
  { id: 6, title: 'Thermostat', tags: ['climate', 'heating'], vendor: { name: 'Nest' } }
];
var indexes = {};
// Duktape's sort picks random pivots: equal scores need an order of their own
function byScore(a, b) { return a.score - b.score || idOf(a.item) - idOf(b.item); }
function idOf(item) { return typeof item === 'object' ? item.id : item; }
var turn = 0;
function show(label, res) {
  out(label + ': ' + res.map(function (r) {
    if (typeof r !== 'object') return String(r);
    if (!('item' in r)) return r.id + ' ' + r.title;
    var s = (r.item.id || r.item) + (r.score !== undefined ? '@' + r.score.toFixed(4) : '');
    if (r.matches) s += ' [' + r.matches.map(function (m) { return m.key + ':' + m.indices.map(function (p) { return p.join('-'); }).join(','); }).join(' ') + ']';
    return s;
  }).join(' | '));
}
function step() {
  turn++;
  if (turn === 1) {
    indexes.plain = new Fuse(catalogue, { keys: ['title', 'tags', 'vendor.name'], id: 'id', sortFn: byScore });
    indexes.scored = new Fuse(catalogue, { keys: [{ name: 'title', weight: 0.7 }, { name: 'vendor.name', weight: 0.3 }], includeScore: true, includeMatches: true, threshold: 0.4, sortFn: byScore });
    indexes.words = new Fuse(['hello world', 'world peace', 'peaceful hello', 'ferry boat'], { tokenize: true, matchAllTokens: true, includeScore: true, sortFn: byScore });
    show('plain sensr', indexes.plain.search('sensr'));
    show('scored thermo', indexes.scored.search('thermo'));
  } else if (turn === 2) {
    show('words hello world', indexes.words.search('hello world'));
    show('scored bosh', indexes.scored.search('bosh'));
    catalogue.push({ id: 7, title: 'Water leak sensor', tags: ['security', 'water'], vendor: { name: 'Fibaro' } });
    indexes.plain.setCollection(catalogue);
    indexes.custom = new Fuse(catalogue, {
      keys: ['t'], includeScore: true, shouldSort: true, location: 0, distance: 20, minMatchCharLength: 2, findAllMatches: true,
      getFn: function (o, k) { return k === 't' ? o.title.toLowerCase() + ' ' + o.tags.join(' ') : ''; },
      sortFn: function (a, b) { return a.score - b.score || b.item.id - a.item.id; }
    });
  } else if (turn === 3) {
    show('plain security', indexes.plain.search('securty'));
    show('custom climat indor', indexes.custom.search('climat indor'));
    show('exact', new Fuse(catalogue, { keys: ['title'], threshold: 0, id: 'id', sortFn: byScore }).search('Smart plug'));
    show('long pattern', indexes.scored.search('a very long pattern that exceeds thirty-two characters of bitap'));
  } else if (turn === 4) {
    catalogue.splice(0, 2);
    indexes.scored.setCollection(catalogue);
    show('scored sensor after removal', indexes.scored.search('sensor'));
    show('words peace', indexes.words.search('peace'));
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
