// package: mori@0.3.2 mori/mori.js
// prelude: var self = this;
// Driver for mori 0.3 (ClojureScript's persistent data structures compiled by the Closure Compiler in
// advanced mode: mangled prototypes, protocol bits on every type, `goog` and cljs.core state in one
// big closure; `this.mori`). Versions of vectors (32-way tries with tails), hash maps (HAMT nodes,
// collision nodes), sorted maps (red-black trees), sets and lists share structure with each other
// across turns; lazy sequences, one of them infinite, are realized a little further in every turn
// (their realized prefix and pending thunk are migrated); transients are made persistent again.
var out = function (s) { console.log(String(s)); };
var m = mori;
var history = [m.vector()];
var hm = m.hashMap();
var sm = m.sortedMap();
var s = m.set();
var fib = m.map(m.first, m.iterate(function (p) { return m.vector(m.nth(p, 1), m.nth(p, 0) + m.nth(p, 1)); }, m.vector(0, 1)));
var evens = m.filter(function (x) { return x % 2 === 0; }, m.range());
var realized = 0;
var counted = m.map(function (x) { realized++; return x * x; }, m.range(1000));
// keys whose hashes collide in the HAMT (same string hash) go to a collision node
var collide = ['Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa'];
var turn = 0;
function step() {
  var v = history[history.length - 1];
  for (var i = 0; i < 40; i++) v = m.conj(v, turn * 100 + i);   // past 32: a new trie level
  v = m.assoc(v, 3, 'three-' + turn);
  history.push(v);
  hm = m.assoc(hm, 'k' + turn, m.vector(turn), collide[turn % collide.length], turn, turn, 'number key');
  if (turn === 2) hm = m.dissoc(hm, 'k0');
  sm = m.assoc(sm, (turn * 37) % 11, 'v' + turn, -turn - 1, 'neg');
  s = m.union(s, m.set([turn % 3, 'x' + (turn % 2)]));
  var t = m.mutable.conj(m.mutable.thaw(m.vector(1, 2)), turn);
  t = m.mutable.assoc(t, 0, 'first');
  var frozen = m.mutable.freeze(t);
  out('turn ' + turn + ' versions ' + history.map(m.count).join(',') + ' v[3] ' + m.nth(v, 3) + ' v[35] ' + m.nth(v, 35) + ' last ' + m.last(v) + ' old[3] ' + m.nth(history[1], 3));
  out('  hash map ' + m.count(hm) + ' ' + m.toJs(m.sort(m.map(function (e) { return String(m.first(e)); }, hm))).join('|') + ' get ' + m.get(hm, collide[0]) + ' ' + m.get(hm, 'BB') + ' ' + m.getIn(hm, ['k' + turn, 0]));
  out('  sorted ' + m.toJs(m.keys(sm)).join(',') + ' vals ' + m.toJs(m.vals(sm)).join(',') + ' first ' + m.toJs(m.first(sm)).join(':'));
  out('  set ' + m.toJs(m.sort(m.map(String, s))).join(',') + ' has ' + m.hasKey(s, 1) + ' transient ' + m.toJs(frozen).join(','));
  out('  fib ' + m.toJs(m.take(5 + turn * 3, fib)).join(',') + ' evens ' + m.toJs(m.take(3, m.drop(turn * 4, evens))).join(','));
  out('  lazy ' + m.toJs(m.take(2, m.drop(turn * 40, counted))).join(',') + ' realized ' + realized + ' equals ' + m.equals(history[turn], history[turn]) + ' ' + m.equals(m.vector(1, 2), m.list(1, 2)) + ' hash ' + (m.hash(m.vector(1, 2, turn)) | 0));
  var upd = m.updateIn(m.hashMap('a', m.hashMap('b', m.vector(1, 2))), ['a', 'b', 1], m.inc);
  out('  updateIn ' + JSON.stringify(m.toJs(upd)) + ' reduce ' + m.reduce(m.sum, 0, m.range(turn * 10)) + ' groupBy ' + JSON.stringify(m.toJs(m.groupBy(function (x) { return typeof x; }, m.vector('a', 'b', 'a', turn)))) +
    ' queue ' + m.toJs(m.pop(m.conj(m.queue(1, 2), turn))).join(',') + ' subseq ' + m.toJs(m.map(m.first, m.subseq(sm, m.gte, 3))).join(','));
  turn++;
  if (turn < 6) setTimeout(step, 1);
}
setTimeout(step, 1);
