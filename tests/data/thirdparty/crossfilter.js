// package: crossfilter@1.3.12 crossfilter/crossfilter.js crossfilter/crossfilter.min.js
// prelude: var self = this;
// Driver for Crossfilter 1.3 (multidimensional filtering; `this.crossfilter`): each record's filter state
// is a bit in a typed-array bitset (Uint8Array, widened to Uint16Array and Uint32Array when more than 8
// and 16 dimensions exist) that is reallocated as records and dimensions are added; dimensions keep
// sorted value and index arrays (Uint32Array), groups keep reduce state in closures, and listeners are
// arrays of closures. Records arrive over several turns, filters change, dimensions are disposed;
// crossfilter's own heap sort, bisect and permute utilities are used on the side.
var out = function (s) { console.log(String(s)); };
var seed = 7;
function rnd() { seed = (seed * 48271) % 2147483647; return seed / 2147483647; }
var kinds = ['lamp', 'plug', 'sensor', 'lock', 'camera'];
var rooms = ['hall', 'kitchen', 'bed', 'bath'];
function batch(n, base) {
  var r = [];
  for (var i = 0; i < n; i++) r.push({ id: base + i, kind: kinds[Math.floor(rnd() * kinds.length)], room: rooms[Math.floor(rnd() * rooms.length)],
    watts: Math.floor(rnd() * 200) / 4, hour: Math.floor(rnd() * 24), tags: rnd() < 0.5 ? ['a'] : ['a', 'b'] });
  return r;
}
var cf = crossfilter(batch(40, 0));
var byKind = cf.dimension(function (d) { return d.kind; });
var byWatts = cf.dimension(function (d) { return d.watts; });
var byHour = cf.dimension(function (d) { return d.hour; });
var byRoom = cf.dimension(function (d) { return d.room; });
var kindGroup = byKind.group();
var wattsByRoom = byRoom.group().reduceSum(function (d) { return d.watts; });
var stats = byHour.group(function (h) { return Math.floor(h / 6); }).reduce(
  function (p, v) { p.n++; p.sum += v.watts; p.max = Math.max(p.max, v.watts); return p; },
  function (p, v) { p.n--; p.sum -= v.watts; return p; },
  function () { return { n: 0, sum: 0, max: 0 }; }).order(function (p) { return p.n; });
var all = cf.groupAll().reduceSum(function (d) { return d.watts; });
var extra = [];
var turn = 0;
function ids(list) { return list.map(function (d) { return d.id; }).join(','); }
function step() {
  if (turn === 1) { cf.add(batch(30, 40)); byKind.filterExact('lamp'); }
  if (turn === 2) { byKind.filterAll(); byWatts.filterRange([10, 30]); byHour.filter(function (h) { return h % 2 === 0; }); }
  if (turn === 3) {
    // more than 8 dimensions: the bitset widens to Uint16Array
    for (var i = 0; i < 8; i++) extra.push(cf.dimension((function (k) { return function (d) { return (d.id * (k + 3)) % 11; }; })(i)));
    extra[2].filterRange([0, 6]);
    cf.add(batch(25, 70));
  }
  if (turn === 4) { extra[2].dispose(); extra[5].filterRange([2, 9]); byWatts.filter(null); byHour.filterAll(); extra[0].filterExact(4); cf.remove(); extra[0].filterAll(); }
  if (turn === 5) {
    for (i = 0; i < 10; i++) extra.push(cf.dimension((function (k) { return function (d) { return d.room.length + k; }; })(i)));
    extra[8].filterRange([5, 12]);
    byRoom.filterFunction(function (r) { return r !== 'bath'; });
  }
  if (turn === 6) { extra[8].dispose(); byRoom.filterAll(); byKind.filter(function (k) { return k.length > 4; }); }
  out('turn ' + turn + ' size ' + cf.size() + ' selected ' + all.value().toFixed(2) + ' dims ' + (4 + extra.length));
  out('  kinds ' + kindGroup.all().map(function (g) { return g.key + '=' + g.value; }).join(' ') + ' | rooms ' + wattsByRoom.top(4).map(function (g) { return g.key + '=' + g.value.toFixed(2); }).join(' '));
  out('  stats ' + stats.all().map(function (g) { return g.key + ':' + g.value.n + '/' + g.value.sum.toFixed(1) + '/' + g.value.max; }).join(' ') + ' top ' + stats.top(1)[0].key);
  out('  top watts ' + byWatts.top(3).map(function (d) { return d.id + '@' + d.watts; }).join(' ') + ' bottom hour ' + ids(byHour.bottom(4)));
  out('  groups ' + kindGroup.size() + ' ' + stats.size() + ' filtered-in kinds ' + byKind.top(Infinity).length);
  turn++;
  if (turn < 7) setTimeout(step, 1);
  else {
    var a = [5, 1, 4, 1, 3];
    out('utils ' + crossfilter.bisect(a.slice().sort(), 3, 0, 5) + ' ' + crossfilter.permute(['a', 'b', 'c'], [2, 0, 1]).join('') +
      ' ' + crossfilter.heap.by(function (x) { return -x; })(a.slice(), 0, 5).join(',') + ' ' + crossfilter.version);
  }
}
setTimeout(step, 1);
