// package: acorn@5.7.4 acorn/dist/acorn.js+acorn/dist/walk.js
// Driver for acorn 5 and acorn/walk (prepended by tests/thirdparty.sh): parses ES5/ES2017 sources with options,
// location tracking and comments, walks them; a tokenizer iterator is advanced one token per turn (its parser
// state is migrated mid-stream).
var out = function (s) { console.log(String(s)); };
var srcs = [
  'var a = function (x) { return x * 2; }; // comment\nlabel: for (var i in o) { if (i) continue label; }',
  'async function f() { await g(); } class A { static m() { return `x${1}`; } }',
  'var {a, b: [c]} = obj; const f = (...xs) => xs.map(x => x ** 2);',
  'if (a) { b(); } else /* block comment */ { c(); }',
  'var x = ;'
];
var tokenizer = acorn.tokenizer('var answer = 6 * 7 /* c */ + f("s", /re/g);', { ecmaVersion: 5 });
var toks = [];
var n = 0;
var iv = setInterval(function () {
  var t = tokenizer.getToken();
  toks.push(t.type.label + (t.value !== undefined ? '=' + t.value : ''));
  if (n < srcs.length) {
    var comments = [];
    try {
      var ast = acorn.parse(srcs[n], { ecmaVersion: 2017, locations: true, onComment: comments, sourceType: 'script' });
      var kinds = {};
      acorn.walk.full(ast, function (node) { kinds[node.type] = (kinds[node.type] || 0) + 1; });
      out('src ' + n + ': ' + Object.keys(kinds).sort().map(function (k) { return k + kinds[k]; }).join(' ') + ' comments ' + comments.length + ' end ' + JSON.stringify(ast.loc.end));
      var ids = [];
      acorn.walk.simple(ast, { Identifier: function (node) { ids.push(node.name); } });
      out('  identifiers ' + ids.join(','));
    } catch (e) {
      out('src ' + n + ': ' + e.name + ' ' + e.message + ' pos ' + e.pos);
    }
  }
  n++;
  if (t.type === acorn.tokTypes.eof) {
    clearInterval(iv);
    out('tokens ' + toks.join(' '));
    out(acorn.version + ' ' + acorn.isIdentifierStart(0x61) + ' ' + acorn.isIdentifierChar(0x30) + ' ' + acorn.parse('1', { ecmaVersion: 5 }).body[0].expression.value);
  }
}, 2);
