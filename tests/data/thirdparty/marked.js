// package: marked@0.3.19 marked/lib/marked.js
// Driver for marked 0.3 (prepended by tests/thirdparty.sh): Markdown to HTML with GFM tables, lists, code,
// links, escaping; a custom Renderer and a lexer/parser pair; the token list of one document kept across turns.
var out = function (s) { console.log(String(s).replace(/\n/g, '\\n')); };
var docs = [
  '# Title\n\nSome *emphasis*, **strong**, `code` and a [link](http://example.com "t").\n\n> quote\n> more\n',
  '- one\n- two\n  1. nested\n  2. list\n\n```js\nvar x = 1 < 2;\n```\n',
  '| a | b |\n|---|:-:|\n| 1 | 2 |\n| <i> | & |\n\nAuto link: http://example.org and <b>html</b>\n',
  'Setext\n======\n\n***\n\nLine  \nbreak and ~~strike~~ ![img](x.png)\n'
];
var renderer = new marked.Renderer();
renderer.heading = function (text, level) { return '<h' + level + ' class="custom">' + text.toUpperCase() + '</h' + level + '>\n'; };
var tokens = null;
var i = 0;
function step() {
  out('doc ' + i + ': ' + marked(docs[i], { gfm: true, tables: true, breaks: false, sanitize: i === 2 }));
  if (i === 0) out('custom: ' + marked(docs[0], { renderer: renderer }));
  if (i === 1) tokens = marked.lexer(docs[1]);
  i++;
  if (i < docs.length) setTimeout(step, 2);
  else setTimeout(function () {
    out('tokens ' + tokens.length + ' ' + tokens.map(function (t) { return t.type; }).join(','));
    out('parsed again: ' + marked.parser(tokens));
  }, 1);
}
setTimeout(step, 1);
