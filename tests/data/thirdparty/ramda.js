// package: ramda@0.27.2 ramda/dist/ramda.js
// Driver for Ramda 0.27 (prepended by tests/thirdparty.sh): auto-curried functions, composition, lenses,
// transducers, memoizeWith; curried partial applications and composed pipelines kept across turns.
var out = function (s) { console.log(String(s)); };
var addThenDouble = R.pipe(R.add(3), R.multiply(2));
var pluckNames = R.map(R.prop('name'));
var byAge = R.sortBy(R.prop('age'));
var nameLens = R.lensProp('name');
var xlens = R.lensPath(['a', 'b', 'x']);
var people = [{ name: 'ann', age: 30 }, { name: 'bob', age: 20 }, { name: 'cy', age: 25 }];
var calls = 0;
var slowInc = R.memoizeWith(R.toString, function (n) { calls++; return n + 1; });
var xform = R.compose(R.map(R.add(1)), R.filter(function (x) { return x % 2 === 0; }), R.take(4));
var turn = 0;
function step() {
  turn++;
  out('turn ' + turn + ' ' + addThenDouble(turn) + ' ' + slowInc(turn % 2) + ' calls ' + calls);
  if (turn === 1) {
    out(JSON.stringify(pluckNames(byAge(people))) + ' ' + JSON.stringify(R.groupBy(function (p) { return p.age > 22 ? 'old' : 'young'; }, people)));
    out(JSON.stringify(R.over(nameLens, R.toUpper, people[0])) + ' ' + JSON.stringify(R.set(xlens, 5, { a: { b: { x: 1, y: 2 } } })) + ' ' + R.view(xlens, { a: { b: { x: 9 } } }));
  } else if (turn === 2) {
    out(JSON.stringify(R.into([], xform, R.range(0, 20))) + ' ' + JSON.stringify(R.transduce(xform, R.flip(R.append), [], R.range(10, 30))));
    out(R.toString({ a: [1, 'b', null, undefined, new Date(0)] }) + ' ' + JSON.stringify(R.zipObj(['a', 'b'], [1, 2])) + ' ' + JSON.stringify(R.splitEvery(3, R.range(0, 8))));
  } else if (turn === 3) {
    var safeDiv = R.cond([[R.equals(0), R.always('div by zero')], [R.T, function (d) { return 100 / d; }]]);
    out(safeDiv(0) + ' ' + safeDiv(8) + ' ' + R.equals({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }) + ' ' + JSON.stringify(R.mergeDeepRight({ a: { b: 1, c: 2 } }, { a: { b: 3 } })));
    out(JSON.stringify(R.evolve({ age: R.inc, name: R.toUpper }, people[1])) + ' ' + R.curryN(3, function () { return R.sum(arguments); })(1)(2)(3) + ' ' + R.join('-', R.uniq([1, 1, 2, 3, 3])));
  }
  if (turn < 4) setTimeout(step, 2);
  else setTimeout(function () { out('end ' + slowInc(0) + ' ' + slowInc(1) + ' calls ' + calls + ' ' + R.reduce(R.add, 0, R.map(addThenDouble, [1, 2, 3]))); }, 1);
}
setTimeout(step, 1);
