// package: immutable@3.8.2 immutable/dist/immutable.js immutable/dist/immutable.min.js
// Driver for Immutable.js 3.8 (prepended by tests/thirdparty.sh): persistent Lists, Maps (hash array mapped
// tries), OrderedMaps, Sets, Records, Seqs; versions of one structure shared across turns (structural sharing).
var out = function (s) { console.log(String(s)); };
var I = Immutable;
var Point = I.Record({ x: 0, y: 0 }, 'Point');
var versions = [I.Map({ a: 1, b: I.List([1, 2, 3]) })];
var big = I.List(I.Range(0, 2000));
var om = I.OrderedMap().set('z', 1).set('a', 2);
var setv = I.Set(['x', 'y']);
var turn = 0;
var iv = setInterval(function () {
  turn++;
  var cur = versions[versions.length - 1];
  var next = cur.set('t' + turn, turn).updateIn(['b'], function (l) { return l.push(turn * 10); });
  versions.push(next);
  big = big.set(turn * 100, -turn).push(turn);
  om = om.set('k' + turn, turn);
  setv = setv.add('s' + (turn % 3));
  out('turn ' + turn + ' ' + JSON.stringify(next) + ' size ' + big.size + ' sum ' + big.reduce(function (a, b) { return a + b; }, 0));
  if (turn === 1) {
    out(I.is(I.Map({ a: 1 }), I.Map({ a: 1 })) + ' ' + (cur === versions[0]) + ' ' + cur.getIn(['b', 1]) + ' ' + I.fromJS({ a: { b: [1, 2] } }).getIn(['a', 'b', 1]));
    var p = new Point({ x: 3 });
    out(p.toString() + ' ' + p.set('y', 4).y + ' ' + p.x + ' ' + JSON.stringify(p.toJS()) + ' ' + (p instanceof Point));
  } else if (turn === 2) {
    out(I.Seq([1, 2, 3, 4, 5, 6]).filter(function (x) { return x % 2; }).map(function (x) { return x * x; }).toArray().join(',') + ' ' + I.Range(1, Infinity).skip(1000).map(function (n) { return -n; }).take(2).toJS().join(','));
    out(om.keySeq().join(',') + ' ' + om.sortBy(function (v) { return -v; }).first() + ' ' + setv.toList().sort().join(',') + ' ' + I.Stack([1, 2]).push(0).peek());
  } else if (turn === 3) {
    var m = I.Map().withMutations(function (mm) { for (var i = 0; i < 100; i++) mm.set('key' + i, i); });
    out(m.size + ' ' + m.get('key57') + ' ' + m.hashCode() + ' ' + I.List.of(1, 2, 3).hashCode() + ' ' + m.remove('key57').has('key57'));
    out(JSON.stringify(I.Map({ a: 1, b: 2 }).mergeDeep({ b: 3, c: { d: 4 } }).toJS()) + ' ' + I.List([3, 1, 2]).sort().interpose(0).join('') + ' ' + JSON.stringify(I.List([1, 2, 3, 4]).groupBy(function (x) { return x % 2; }).toJS()));
  } else if (turn === 5) {
    clearInterval(iv);
    setTimeout(function () {
      out('versions ' + versions.map(function (v) { return v.size; }).join(',') + ' first ' + JSON.stringify(versions[0]) + ' shared ' + (versions[1].get('b') !== versions[2].get('b')));
      out('big ' + big.get(100) + ' ' + big.get(1999) + ' ' + big.last() + ' ' + om.toOrderedSet().join(''));
    }, 1);
  }
}, 2);
