// package: parsimmon@1.18.1 parsimmon/build/parsimmon.umd.min.js
// prelude: var self = this;
// Driver for Parsimmon 1.18 (monadic parser combinators; its only build is a minified UMD,
// `this.Parsimmon`): a parser is a graph of closures (seq, alt, many, lazy for recursion, chain, map);
// a JSON-like language and an arithmetic language with a left-recursive tail are built in the first
// turn and used in later ones, while a createLanguage grammar grows a rule per turn through `lazy`.
// Parse failures (expected sets, positions), marks and nodes, custom Parsimmon(fn) parsers, a
// stateful parser (it counts its calls in a closure) and Parsimmon.Binary on a Duktape Buffer.
var out = function (s) { console.log(String(s)); };
var P = Parsimmon;
function tok(p) { return p.skip(P.optWhitespace); }
function word(s) { return tok(P.string(s)); }
var Json = P.createLanguage({
  value: function (r) { return P.alt(r.object, r.array, r.string, r.number, r['null'], r.bool).thru(tok); },
  lbrace: function () { return word('{'); }, rbrace: function () { return word('}'); },
  lbracket: function () { return word('['); }, rbracket: function () { return word(']'); },
  comma: function () { return word(','); }, colon: function () { return word(':'); },
  'null': function () { return word('null').result(null); },
  bool: function () { return P.alt(word('true').result(true), word('false').result(false)); },
  string: function () { return tok(P.regexp(/"((?:\\.|.)*?)"/, 1)).map(function (s) { return s.replace(/\\n/g, '\n'); }).desc('string'); },
  number: function () { return tok(P.regexp(/-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?/)).map(Number).desc('number'); },
  array: function (r) { return r.lbracket.then(r.value.sepBy(r.comma)).skip(r.rbracket); },
  pair: function (r) { return P.seq(r.string.skip(r.colon), r.value); },
  object: function (r) {
    return r.lbrace.then(r.pair.sepBy(r.comma)).skip(r.rbrace).map(function (pairs) {
      var o = {}; pairs.forEach(function (p) { o[p[0]] = p[1]; }); return o;
    });
  }
}).value.trim(P.optWhitespace);
var calls = 0;
var number = P.regexp(/[0-9]+(\.[0-9]+)?/).map(function (s) { calls++; return Number(s); }).desc('number');
var expr = P.lazy(function () { return sum; });
var atom = P.alt(number, P.string('(').then(expr).skip(P.string(')')), P.string('-').then(P.lazy(function () { return atom; })).map(function (x) { return -x; }));
function chainl(operand, ops) {
  return P.seqMap(operand, P.seq(ops, operand).many(), function (first, rest) {
    return rest.reduce(function (acc, r) { return r[0](acc, r[1]); }, first);
  });
}
var product = chainl(atom, P.alt(P.string('*').result(function (a, b) { return a * b; }), P.string('/').result(function (a, b) { return a / b; }), P.string('%').result(function (a, b) { return a % b; })));
var sum = chainl(product, P.alt(P.string('+').result(function (a, b) { return a + b; }), P.string('-').result(function (a, b) { return a - b; })));
var ident = P.regexp(/[a-z_][a-z0-9_]*/i).mark();
var keywords = [];
// the keyword list grows between turns (P.lazy would fix it at its first use)
var kw = P.regexp(/[a-z]+/).chain(function (w) { return keywords.indexOf(w) >= 0 ? P.succeed(w) : P.fail('a keyword'); }).node('Keyword');
var statement = P.alt(kw.skip(P.whitespace).chain(function (k) { return k.value === 'let' ? P.seq(ident.skip(P.string('=')), expr) : expr.map(function (v) { return [k.value, v]; }); }), expr.map(function (v) { return ['expr', v]; }));
var evenDigits = P(function (input, i) {
  var j = i;
  while (j < input.length && /[0-9]/.test(input.charAt(j))) j++;
  return (j - i) % 2 === 0 && j > i ? P.makeSuccess(j, input.slice(i, j)) : P.makeFailure(i, 'an even count of digits');
});
var inputs = [
  ['json', '{"device": "lamp", "on": true, "levels": [1, 2.5, -3e2], "meta": {"n": null, "s": "a\\nb"}}'],
  ['json', '[1, 2, {"x": [true, false, null]}]'],
  ['json', '{"broken": [1, 2,]}'],
  ['expr', '1+2*3-(4-5)*-2'],
  ['expr', '10/4%2+((7))'],
  ['expr', '2*(3+'],
  ['stmt', 'let x=1+1'],
  ['stmt', 'print 3*3'],
  ['stmt', 'emit (1)'],
  ['even', '1234'],
  ['even', '123']
];
var parsers = { json: Json, expr: expr, stmt: statement, even: evenDigits };
function show(r) {
  return r.status ? JSON.stringify(r.value) : 'fail at ' + JSON.stringify(r.index) + ' expected ' + r.expected.sort().join('|');
}
var turn = 0;
function step() {
  keywords.push(['let', 'print', 'emit'][turn % 3]);
  out('turn ' + turn + ' keywords ' + keywords.join(','));
  inputs.forEach(function (pair, i) {
    if ((i + turn) % 2 === 0 || pair[0] === 'stmt') out('  ' + pair[0] + ' ' + JSON.stringify(pair[1].slice(0, 20)) + ' -> ' + show(parsers[pair[0]].parse(pair[1])));
  });
  if (turn === 2) {
    var packet = P.seqObj(['kind', P.letters], P.whitespace, ['items', P.sepBy1(P.digits.map(Number), P.string(',')).mark()], P.eof);
    out('  seqObj ' + JSON.stringify(packet.parse('sum 1,22,333')) + ' ' + JSON.stringify(P.seq(P.index, P.any.times(2, 3), P.index).skip(P.all).tryParse('abcd')));
  }
  out('  number parser calls ' + calls);
  turn++;
  if (turn < 4) setTimeout(step, 1);
}
setTimeout(step, 1);
