// package: moo@0.5.3 moo/moo.js
// prelude: var self = this;
// Driver for moo 0.5 (a regexp-based tokenizer; UMD, `this.moo`): compiled lexers are one combined
// RegExp (sticky where supported, else a global RegExp with lastIndex, as under Duktape) plus tables of
// token types and keyword maps. A stateful lexer (template strings with nested expressions: a state
// stack) is fed a program one line per turn, continuing with reset(chunk, save()); a second lexer is
// cloned and run in parallel; errors, fallback tokens, value transforms and line/column tracking.
var out = function (s) { console.log(String(s)); };
var lexer = moo.states({
  main: {
    ws: /[ \t]+/,
    nl: { match: /\r?\n/, lineBreaks: true },
    comment: /\/\/.*?$/,
    number: { match: /0x[0-9a-f]+|[0-9]+(?:\.[0-9]+)?/, value: function (s) { return String(Number(s)); } },
    tmplStart: { match: '`', push: 'tmpl' },
    string: { match: /"(?:\\["\\n]|[^\n"\\])*"/, value: function (s) { return s.slice(1, -1); } },
    ident: { match: /[a-zA-Z_][a-zA-Z0-9_]*/, type: moo.keywords({ kw: ['let', 'fn', 'if', 'else', 'return'], bool: ['true', 'false'] }) },
    lbrace: { match: '{', push: 'main' },
    rbrace: { match: '}', pop: 1 },
    op: ['==', '=>', '+', '-', '*', '/', '=', '(', ')', ',', ';', '<', '>', ':'],
    err: moo.error
  },
  tmpl: {
    interp: { match: '${', push: 'main' },
    tmplEnd: { match: '`', pop: 1 },
    chars: { match: /(?:[^$`]|\$(?!\{))+/, lineBreaks: true }
  }
});
var simple = moo.compile({
  word: /[a-z]+/, num: /[0-9]+/, space: { match: /\s+/, lineBreaks: true }, other: moo.fallback
});
var program = 'let x = 0x1f + 2.50; // set\nfn greet(name) => `hi ${name + "!"} and ${`nested ${x}`}`;\n' +
  'if (x == 33) { return true } else { return {a: "q\\"q"} }\nlet y = `multi\nline` ; #oops';
var chunks = program.match(/[^\n]*\n|[^\n]+$/g);
var tokens = [];
var other = simple.clone();
var turn = 0;
function describe(t) { return t.type + (t.value !== t.text ? '(' + JSON.stringify(t.value) + ')' : '') + ':' + JSON.stringify(t.text) + '@' + t.line + '.' + t.col; }
function step() {
  // one line per turn; a template string spans two of them (the lexer's state stack goes on)
  var chunk = chunks[turn];
  out('turn ' + turn + ' chunk ' + JSON.stringify(chunk.slice(0, 30)) + ' state ' + (lexer.state || '-') + ' stack ' + (lexer.stack || []).join(','));
  if (chunk) {
    lexer.reset(chunk, turn === 0 ? undefined : lexer.save());
    var t;
    try {
      while ((t = lexer.next())) {
        tokens.push(t);
        if (t.type !== 'ws') out('  ' + describe(t));
        if (t.type === 'err') { out('  ' + lexer.formatError(t, 'bad input').split('\n')[0]); break; }
      }
    } catch (e) { out('  threw ' + e.message.split('\n')[0]); }
  }
  other.reset('ab 12\ncd' + turn + '%$!' + turn + 'ef');
  out('  simple ' + Array.prototype.map.call(Array.from ? Array.from(other) : collect(other), function (t) { return t.type + ':' + JSON.stringify(t.text); }).join(' '));
  turn++;
  if (turn < chunks.length) setTimeout(step, 1);
  else out('tokens ' + tokens.length + ' lines ' + tokens[tokens.length - 1].line + ' has ' + lexer.has('interp') + ' ' + lexer.has('nope'));
}
function collect(lx) { var r = [], t; while ((t = lx.next())) r.push(t); return r; }
setTimeout(step, 1);
