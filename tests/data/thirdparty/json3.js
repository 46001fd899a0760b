// package: json3@3.3.3 json3/lib/json3.js json3/lib/json3.min.js
// Driver for JSON 3 (prepended by tests/thirdparty.sh): in a browser-like global it replaces the global
// `JSON` with its own object (keeping the engine's in a closure for noConflict) -- a patch of the global
// object that snapshots carry. It delegates to native JSON when that passes its tests, so the driver
// also builds a pure-ES5 instance with runInContext while no native JSON is visible, keeps both, and
// compares them over several turns (stringify with replacers, indentation, cycles; parse with revivers
// and malformed input), then restores the engine's JSON with noConflict.
var out = function (s) { console.log(String(s)); };
var global = this, lib = JSON3;
var engineJSON = null, pure = null, patched = JSON;
var doc = { name: 'ferry', list: [1, -0, 1.5e300, NaN, Infinity, null, true, 'tab\tq"uote\u2028\u00e9\ud83d\ude00'],
  nested: { a: { b: { c: [] } }, empty: {} }, when: new Date(Date.UTC(2021, 11, 31, 23, 59, 59, 999)), skip: undefined, fn: function () {} };
var texts = ['{"a":[1,2,{"b":null}],"c":"\\u00e9\\n","d":-1.5e-7}', '[]', ' [ 1 , "x" ] ', '{"a":1,}', '[01]', '"\\x41"', '{a:1}', '"unterminated', '1e', '[1,]', 'tru'];
var turn = 0;
function both(label, f) {
  var r = [pure, JSON].map(function (impl) {
    try { return f(impl); } catch (e) { return e.name + (e instanceof TypeError ? ' ' + e.message : ''); }
  });
  out(label + ': ' + (r[0] === r[1] ? 'same ' + r[0] : 'pure ' + r[0] + ' | global ' + r[1]));
}
function step() {
  turn++;
  if (turn === 1) {
    out('global patched ' + typeof JSON.parse + ' ' + (JSON !== patched) + ' keys ' + Object.keys(JSON).join(','));
    var saved = JSON;
    global.JSON = null;                 // an engine without JSON, for a moment
    pure = lib.runInContext();
    global.JSON = saved;
    out('pure is own code ' + (pure.stringify !== JSON.stringify) + ' ' + (pure.parse !== JSON.parse));
    both('doc', function (j) { return j.stringify(doc); });
  } else if (turn === 2) {
    both('indent 2', function (j) { return j.stringify(doc.nested, null, 2); });
    both('indent tab', function (j) { return j.stringify([1, [2, { x: 3 }]], null, '\t'); });
    both('indent long', function (j) { return j.stringify({ a: [1] }, null, 'abcdefghijklmn'); });
    both('whitelist', function (j) { return j.stringify(doc, ['name', 'nested', 'a', 'list']); });
    both('replacer', function (j) { return j.stringify(doc, function (k, v) { return typeof v === 'number' ? v * 2 : v; }); });
    both('toJSON', function (j) { return j.stringify({ t: { toJSON: function (k) { return 'key ' + k; } }, d: doc.when }); });
    both('primitives', function (j) { return [j.stringify('s'), j.stringify(1), j.stringify(null), j.stringify(undefined), j.stringify(function () {})].join(' '); });
  } else if (turn === 3) {
    texts.forEach(function (t) { both('parse ' + t, function (j) { return JSON.stringify(j.parse(t)); }); });
    both('reviver', function (j) { return JSON.stringify(j.parse('{"a":[1,2],"b":{"c":3}}', function (k, v) { return typeof v === 'number' ? v + 1 : k === 'c' ? undefined : v; })); });
    var cyc = { a: 1 }; cyc.self = cyc;
    both('cycle', function (j) { return j.stringify(cyc); });
  } else if (turn === 4) {
    var restored = lib.noConflict();
    out('noConflict ' + (restored === lib) + ' ' + typeof JSON3 + ' ' + (JSON !== patched) + ' ' + typeof JSON.stringify);
    both('after restore', function (j) { return j.stringify({ deep: [[[[{ x: '\u0000\u001f' }]]]] }); });
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
