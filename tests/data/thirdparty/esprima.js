// package: esprima@4.0.1 esprima/dist/esprima.js
// Driver for esprima 4 (prepended by tests/thirdparty.sh): tokenizes and parses ES5 and ES2015 sources, walks
// the ASTs, keeps ASTs and a queue of pending sources across turns (migrated mid-way).
var out = function (s) { console.log(String(s)); };
var sources = [
  'var answer = 6 * 7; function f(a, b) { return a + b; }',
  'for (var i = 0; i < 10; i++) { if (i % 2) continue; x += i; } label: while (true) break label;',
  'const sq = x => x * x; class A extends B { constructor() { super(); } get y() { return 1; } }',
  'var o = { get a() { return 1; }, set a(v) {}, "b": [1, , 3], c: /re/gi }; try { throw o; } catch (e) {} finally {}',
  'let [a, , b = 2, ...rest] = arr; var s = `t${a}e${b}`; for (const k of obj) yield* k;',
  'function* g() { yield 1; } new Foo(1)(2).bar[baz]++ ; a ? b : c, void 0, typeof x === "undefined"',
  'var broken = ;'
];
var asts = [];
function count(node, acc) {
  if (node && typeof node.type === 'string') acc[node.type] = (acc[node.type] || 0) + 1;
  for (var k in node) {
    if (k === 'range' || k === 'loc') continue;
    var v = node[k];
    if (v && typeof v === 'object') count(v, acc);
  }
  return acc;
}
function step() {
  var src = sources.shift();
  try {
    var toks = esprima.tokenize(src);
    out('tokens ' + toks.length + ': ' + toks.slice(0, 6).map(function (t) { return t.type + '(' + t.value + ')'; }).join(' '));
    var ast = esprima.parseScript(src, { range: true, loc: true }) ;
    asts.push(ast);
    var c = count(ast, {});
    out('nodes ' + Object.keys(c).sort().map(function (k) { return k + ':' + c[k]; }).join(','));
    out('last ' + JSON.stringify(ast.body[ast.body.length - 1].loc));
  } catch (e) {
    out('error ' + e.name + ' ' + e.message + ' @' + e.index + ' line ' + e.lineNumber + ' col ' + e.column);
  }
  if (sources.length) setTimeout(step, 2);
  else setTimeout(function () {
    out('kept ' + asts.length + ' trees, first body ' + JSON.stringify(asts[0].body[0], function (k, v) { return k === 'range' || k === 'loc' ? undefined : v; }));
    out(esprima.version + ' ' + JSON.stringify(esprima.parseModule('export default 1; import a from "b";').body.map(function (n) { return n.type; })));
  }, 1);
}
setTimeout(step, 1);
