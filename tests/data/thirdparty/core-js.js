// package: core-js@2.6.12 core-js/client/shim.js core-js/client/shim.min.js
// Driver for core-js 2 (the full ES2015+ polyfill, prepended by tests/thirdparty.sh): it patches the built-ins
// (Symbol, Map, Set, WeakMap, Promise, Array/Object/String methods), so snapshots carry those patches; Maps,
// Sets, WeakMaps and pending Promises live across turns.
var out = function (s) { console.log(String(s)); };
var m = new Map([['a', 1], [{ k: 1 }, 'obj']]);
var st = new Set([1, 2, 2, 3, 'x']);
var wk = {};
var wm = new WeakMap([[wk, 'weak value']]);
var sym = Symbol('tag');
var reg = Symbol.for('registered');
var holder = {};
holder[sym] = 'sym-prop';
holder[reg] = 42;
var resolveLater;
var pending = new Promise(function (res) { resolveLater = res; });
var chain = pending.then(function (v) { out('promise resolved with ' + v); return v * 2; });
var turn = 0;
function iterate(it) { var r = [], x; while (!(x = it.next()).done) r.push(String(x.value)); return r.join(','); }
function step() {
  turn++;
  out('turn ' + turn + ' map ' + m.size + ' set ' + st.size);
  if (turn === 1) {
    m.set('b', 2); st.add(4); st['delete'](2);
    out(iterate(m.keys()) + ' | ' + iterate(st.values()) + ' | ' + wm.get(wk) + ' ' + wm.has({}));
    out(String(sym) + ' ' + holder[sym] + ' ' + holder[Symbol.for('registered')] + ' ' + Symbol.keyFor(reg) + ' ' + Object.getOwnPropertySymbols(holder).length);
    out(JSON.stringify(Array.from('abc')) + JSON.stringify(Array.of(1, 2)) + ' ' + [1, 2, 3].includes(2) + ' ' + [5, 12, 8].find(function (x) { return x > 6; }) + ' ' + JSON.stringify([1, [2, [3]]].fill(0, 1)));
  } else if (turn === 2) {
    resolveLater(21);
    out(JSON.stringify(Object.assign({}, { a: 1 }, { b: 2 })) + ' ' + JSON.stringify(Object.entries({ x: 1, y: 2 })) + ' ' + JSON.stringify(Object.values({ x: 1, y: 2 })));
    out('abc'.padStart(6, '-') + ' ' + 'x'.repeat(3) + ' ' + 'hello'.startsWith('he') + ' ' + 'hello'.endsWith('lo') + ' ' + 'abc'.includes('b') + ' ' + String.fromCodePoint(0x1F600).length + ' ' + '\uD83D\uDE00'.codePointAt(0));
    out(Number.isInteger(5.0) + ' ' + Number.isSafeInteger(Math.pow(2, 53)) + ' ' + Math.trunc(-4.7) + ' ' + Math.sign(-3) + ' ' + Math.log2(8) + ' ' + Math.hypot(3, 4) + ' ' + Number.EPSILON);
  } else if (turn === 3) {
    chain.then(function (v) { out('chained ' + v); m.set('fromPromise', v); });
    Promise.reject(new Error('nope'))['catch'](function (e) { out('caught ' + e.message); });
    // the next step waits for this one (a timer racing the promise's timer would depend on real time)
    Promise.all([1, Promise.resolve(2), new Promise(function (r) { setTimeout(r, 1, 3); })]).then(function (v) {
      out('all ' + v.join('+'));
      setTimeout(step, 2);
    });
    return;
  } else if (turn === 5) {
    var it = m.entries();
    out(iterate(it) + ' ' + JSON.stringify(Array.from(st)) + ' ' + JSON.stringify(Array.from(m.values()).filter(function (v) { return typeof v === 'number'; })));
    var mm = new Map(); mm.set(NaN, 'nan'); mm.set(-0, 'zero');
    out(mm.get(NaN) + ' ' + mm.get(0) + ' ' + typeof Symbol.iterator + ' ' + typeof [][Symbol.iterator] + ' ' + Object.prototype.toString.call(m));
  }
  if (turn < 6) setTimeout(step, 2);
  else setTimeout(function () { out('end ' + m.size + ' ' + st.size + ' ' + wm.get(wk) + ' ' + holder[sym]); }, 1);
}
setTimeout(step, 1);
