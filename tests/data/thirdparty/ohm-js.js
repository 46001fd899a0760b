// package: ohm-js@0.14.0 ohm-js/dist/ohm.js
// prelude: var self = this, window = this;
// Driver for Ohm 0.14 (PEG grammars with packrat memoization; browserify build, `window.ohm`): grammars
// are compiled from Ohm source (with inheritance, parameterized rules and left recursion), semantics
// carry operations (not attributes: Ohm's attribute getters check their argument count, and Duktape
// passes a getter the property key, plain or not); an incremental Matcher keeps
// its input and memo table between turns while the driver edits the input with replaceInputRange, one
// edit per turn, and rematches; failures report expected sets and positions; a trace is summarized.
var out = function (s) { console.log(String(s)); };
var ns = ohm.createNamespace();
var arith = ohm.grammar([
  'Arith {',
  '  Exp = AddExp',
  '  AddExp = AddExp "+" MulExp  -- plus',
  '         | AddExp "-" MulExp  -- minus',
  '         | MulExp',
  '  MulExp = MulExp "*" ExpExp  -- times',
  '         | MulExp "/" ExpExp  -- divide',
  '         | ExpExp',
  '  ExpExp = PriExp "^" ExpExp  -- power',
  '         | PriExp',
  '  PriExp = "(" Exp ")"  -- paren',
  '         | "-" PriExp  -- neg',
  '         | ident',
  '         | number',
  '  ident = letter alnum*',
  '  number = digit* "." digit+  -- fract',
  '         | digit+             -- whole',
  '}'].join('\n'), ns);
ns.Arith = arith;
var calc = ohm.grammar([
  'Calc <: Arith {',
  '  Stmts = ListOf<Stmt, ";">',
  '  Stmt = ident "=" Exp  -- assign',
  '       | Exp',
  '  PriExp += "max" "(" NonemptyListOf<Exp, ","> ")"  -- max',
  '  space += "#" (~"\\n" any)*  -- comment',
  '}'].join('\n'), ns);
var env = {};
var evaluations = 0;
var sem = calc.createSemantics().addOperation('eval', {
  Stmts: function (list) { return list.asIteration().children.map(function (c) { return c.eval(); }); },
  Stmt_assign: function (id, _, e) { var v = e.eval(); env[id.sourceString] = v; return id.sourceString + '=' + v; },
  AddExp_plus: function (a, _, b) { return a.eval() + b.eval(); },
  AddExp_minus: function (a, _, b) { return a.eval() - b.eval(); },
  MulExp_times: function (a, _, b) { return a.eval() * b.eval(); },
  MulExp_divide: function (a, _, b) { return a.eval() / b.eval(); },
  ExpExp_power: function (a, _, b) { return Math.pow(a.eval(), b.eval()); },
  PriExp_paren: function (_, e, __) { return e.eval(); },
  PriExp_neg: function (_, e) { return -e.eval(); },
  PriExp_max: function (_, __, list, ___) { return Math.max.apply(null, list.asIteration().children.map(function (c) { return c.eval(); })); },
  ident: function (_, __) { return this.sourceString in env ? env[this.sourceString] : NaN; },
  number: function (n) { evaluations++; return parseFloat(this.sourceString); }
}).addOperation('size', {
  _nonterminal: function (children) { return 1 + children.reduce(function (acc, c) { return acc + c.size(); }, 0); },
  _terminal: function () { return 1; },
  _iter: function (children) { return children.reduce(function (acc, c) { return acc + c.size(); }, 0); }
}).addOperation('show', {
  _nonterminal: function (children) { return children.length === 1 ? children[0].show() : '(' + this.ctorName + ' ' + children.map(function (c) { return c.show(); }).join(' ') + ')'; },
  _terminal: function () { return this.sourceString; },
  _iter: function (children) { return '[' + children.map(function (c) { return c.show(); }).join(' ') + ']'; }
});
var matcher = calc.matcher();
matcher.setInput('x = 2 ; y = x * 3 + 1 # first\n; max(x, y, 4) ^ 2');
var edits = [
  [4, 5, '20'],
  [13, 14, '(x - 1)'],
  [0, 0, 'z = 0.5 ; '],
  [7, 7, ' * * '],
  [7, 12, ''],
  [-1, -1, ' ; z / x']
];
var turn = 0;
function step() {
  var r = matcher.match('Stmts');
  env = {};
  if (r.succeeded()) {
    var node = sem(r);
    out('turn ' + turn + ' input ' + JSON.stringify(matcher.getInput()) + ' -> ' + node.eval().join(', ') + ' size ' + node.size() + ' numbers evaluated ' + evaluations);
    if (turn === 1) out('  tree ' + node.show());
  } else {
    out('turn ' + turn + ' input ' + JSON.stringify(matcher.getInput()) + ' failed at ' + r.getRightmostFailurePosition() + ': ' + r.shortMessage +
      ' expected ' + r.getExpectedText());
  }
  if (turn === 2) {
    var a = arith.match('1 + 2 * (3 - x', 'Exp');
    out('  arith ' + a.failed() + ' ' + a.message.split('\n')[0] + ' | ' + a.message.split('\n').slice(-1)[0]);
    var tr = arith.trace('1+2');
    out('  trace ' + tr.toString().split('\n').length + ' lines, rules ' + Object.keys(arith.rules).length + ' super ' + calc.superGrammar.name);
  }
  if (turn < edits.length) {
    var e = edits[turn], len = matcher.getInput().length;
    matcher.replaceInputRange(e[0] < 0 ? len : e[0], e[1] < 0 ? len : e[1], e[2]);
  }
  turn++;
  if (turn <= edits.length) setTimeout(step, 1);
  else out('grammar source ' + calc.source.contents.length + ' ' + calc.name + ' ' + ohm.version);
}
setTimeout(step, 1);
