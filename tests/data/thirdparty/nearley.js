// package: nearley@2.20.1 moo/moo.js+nearley/lib/nearley.js
// also: moo@0.5.3
// Driver for nearley 2.20 with the moo 0.5 lexer (prepended by tests/thirdparty.sh; UMD builds that set
// `this.nearley` and `this.moo`): Earley parsing of grammars in the form nearleyc emits (rules with
// postprocessors, lexer token and literal symbols, character classes), written here by hand since the
// grammar compiler itself is ES2015. Parsers are fed chunk by chunk over several turns, so the Earley
// chart (columns of states pointing to each other), the lexer state and a saved column live across
// snapshots; an ambiguous grammar and parse errors with their expected-token reports too.
var out = function (s) { console.log(String(s)); };
function id(d) { return d[0]; }
function nth(n) { return function (d) { return d[n]; }; }
var env = {};
var lexer = moo.compile({
  ws: /[ \t]+/,
  nl: { match: /\n/, lineBreaks: true },
  number: { match: /[0-9]+(?:\.[0-9]+)?/, value: function (s) { return Number(s); } },
  ident: { match: /[a-z_]+/, type: moo.keywords({ kw: ['let', 'print'] }) },
  op: ['+', '-', '*', '/', '(', ')', '=', ';']
});
var calc = {
  Lexer: lexer,
  ParserRules: [
    { name: 'prog', symbols: ['stmt'], postprocess: function (d) { return [d[0]]; } },
    { name: 'prog', symbols: ['prog', { type: 'nl' }, 'stmt'], postprocess: function (d) { return d[0].concat([d[2]]); } },
    { name: 'stmt', symbols: ['_', { literal: 'let' }, '__', { type: 'ident' }, '_', { literal: '=' }, '_', 'expr', '_'],
      postprocess: function (d) { env[d[3].value] = d[7]; return d[3].value + '=' + d[7]; } },
    { name: 'stmt', symbols: ['_', { literal: 'print' }, '__', 'expr', '_'], postprocess: function (d) { return 'print ' + d[3]; } },
    { name: 'expr', symbols: ['expr', '_', 'addop', '_', 'term'], postprocess: function (d) { return d[2] === '+' ? d[0] + d[4] : d[0] - d[4]; } },
    { name: 'expr', symbols: ['term'], postprocess: id },
    { name: 'addop', symbols: [{ literal: '+' }], postprocess: function (d) { return d[0].value; } },
    { name: 'addop', symbols: [{ literal: '-' }], postprocess: function (d) { return d[0].value; } },
    { name: 'term', symbols: ['term', '_', 'mulop', '_', 'factor'], postprocess: function (d) { return d[2] === '*' ? d[0] * d[4] : d[0] / d[4]; } },
    { name: 'term', symbols: ['factor'], postprocess: id },
    { name: 'mulop', symbols: [{ literal: '*' }], postprocess: function (d) { return d[0].value; } },
    { name: 'mulop', symbols: [{ literal: '/' }], postprocess: function (d) { return d[0].value; } },
    { name: 'factor', symbols: [{ type: 'number' }], postprocess: function (d) { return d[0].value; } },
    { name: 'factor', symbols: [{ type: 'ident' }], postprocess: function (d, at, reject) { return d[0].value in env ? env[d[0].value] : reject; } },
    { name: 'factor', symbols: [{ literal: '(' }, '_', 'expr', '_', { literal: ')' }], postprocess: nth(2) },
    { name: 'factor', symbols: [{ literal: '-' }, '_', 'factor'], postprocess: function (d) { return -d[2]; } },
    { name: '_', symbols: [], postprocess: function () { return null; } },
    { name: '_', symbols: [{ type: 'ws' }], postprocess: function () { return null; } },
    { name: '__', symbols: [{ type: 'ws' }], postprocess: function () { return null; } }
  ],
  ParserStart: 'prog'
};
// no lexer: nearley's StreamLexer feeds characters; an ambiguous grammar (sum of digits, any grouping)
var ambiguous = {
  Lexer: undefined,
  ParserRules: [
    { name: 's', symbols: ['s', { literal: '+' }, 's'], postprocess: function (d) { return '(' + d[0] + '+' + d[2] + ')'; } },
    { name: 's', symbols: [/[0-9]/], postprocess: id }
  ],
  ParserStart: 's'
};
var csv = {
  Lexer: undefined,
  ParserRules: [
    { name: 'rows', symbols: ['row'] }, { name: 'rows', symbols: ['rows', { literal: '\n' }, 'row'], postprocess: function (d) { return d[0].concat([d[2][0]]); } },
    { name: 'row', symbols: ['field'], postprocess: function (d) { return [[d[0]]]; } },
    { name: 'row', symbols: ['row', { literal: ',' }, 'field'], postprocess: function (d) { return [d[0][0].concat([d[2]])]; } },
    { name: 'field', symbols: [], postprocess: function () { return ''; } },
    { name: 'field', symbols: ['field', /[^,\n"]/], postprocess: function (d) { return d[0] + d[1]; } },
    { name: 'field', symbols: [{ literal: '"' }, 'qchars', { literal: '"' }], postprocess: nth(1) },
    { name: 'qchars', symbols: [], postprocess: function () { return ''; } },
    { name: 'qchars', symbols: ['qchars', /[^"]/], postprocess: function (d) { return d[0] + d[1]; } },
    { name: 'qchars', symbols: ['qchars', { literal: '"' }, { literal: '"' }], postprocess: function (d) { return d[0] + '"'; } }
  ],
  ParserStart: 'rows'
};
var calcParser = new nearley.Parser(nearley.Grammar.fromCompiled(calc), { keepHistory: true });
var csvParser = new nearley.Parser(nearley.Grammar.fromCompiled(csv));
var saved = null;
var chunks = ['let x = 6 * 7\n', 'let y = x / (1 + 2', ') - -4\nprint x ', '+ y * 2\nprint (x - y) / 3'];
var csvChunks = ['id,name,note\n1,lamp,"says ""hi"""\n2,', 'fan,"a,b"\n3,,\n4,"multi', '\nline",end'];
var turn = 0;
function step() {
  turn++;
  if (turn <= chunks.length) {
    calcParser.feed(chunks[turn - 1]);
    if (turn === 2) saved = calcParser.save();
    out('turn ' + turn + ' fed ' + JSON.stringify(chunks[turn - 1]) + ': ' + calcParser.results.length + ' results, column ' + calcParser.current +
      ', table ' + calcParser.table.length + (calcParser.results.length ? ' ' + JSON.stringify(calcParser.results[0]) : ''));
    if (turn <= csvChunks.length) {
      csvParser.feed(csvChunks[turn - 1]);
      out('  csv ' + (csvParser.results.length ? JSON.stringify(csvParser.results[0]) : 'incomplete'));
    }
  } else if (turn === 5) {
    out('env ' + JSON.stringify(env));
    calcParser.restore(saved);
    calcParser.feed(') * 10\nprint y');
    out('restored to turn 2 column ' + saved.index + ': ' + JSON.stringify(calcParser.results));
    var amb = new nearley.Parser(nearley.Grammar.fromCompiled(ambiguous));
    amb.feed('1+2+3+4');
    out('ambiguous ' + amb.results.length + ': ' + amb.results.sort().join(' '));
  } else if (turn === 6) {
    ['let = 5', 'print 1 +* 2', 'print unknown'].forEach(function (src) {
      var p = new nearley.Parser(nearley.Grammar.fromCompiled(calc));
      try { p.feed(src); out('parsed ' + JSON.stringify(src) + ': ' + p.results.length + ' results'); }
      catch (e) { out('error at ' + e.offset + ': ' + e.message.split('\n').slice(0, 4).join(' / ')); }
    });
    var t = [];
    lexer.reset('let a = 1\nprint a');
    for (var tok = lexer.next(); tok; tok = lexer.next()) t.push(tok.type + ':' + tok.line + ':' + tok.col);
    out('tokens ' + t.join(' '));
  }
  if (turn < 6) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
