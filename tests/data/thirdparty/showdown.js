// package: showdown@1.9.1 showdown/dist/showdown.js showdown/dist/showdown.min.js
// prelude: var self = this; (function () { var exec = RegExp.prototype.exec; Object.defineProperty(RegExp.prototype, 'test', { writable: true, configurable: true, value: function (s) { var m = exec.call(this, s), i; if (m) for (i = 1; i < 10; i++) RegExp['$' + i] = m[i] === undefined ? '' : m[i]; return m !== null; } }); })();
// Driver for Showdown 1.9 (Markdown to HTML; UMD, `this.showdown`). Showdown reads the legacy
// `RegExp.$1`/`$2` after `test`, which Duktape 2.7 does not set: the prelude's `test` sets them (the
// environment a browser gives). Converters with different options and flavors, extensions (lang and
// output, regex and filter, one with a listener), a converter whose options change between turns, and a document converted piece by piece over turns while the converter's
// metadata and the driver's running table of contents are kept.
var out = function (s) { console.log(String(s)); };
showdown.extension('devices', function () {
  var seen = 0;
  return [
    { type: 'lang', regex: /\[\[device:([a-z0-9-]+)\]\]/g, replace: '<device name="$1"></device>' },
    { type: 'output', filter: function (html) { seen++; outputs = seen; return html.replace(/<hr \/>/g, '<hr class="sep" />'); } },
    { type: 'listener', listeners: { 'headers.before': function (evt, text) { return text.replace(/TODO/g, 'DONE'); } } },
    { type: 'lang', filter: function (text) { return text.replace(/\(c\)/g, '©'); } }
  ];
});
var plain = new showdown.Converter();
var gh = new showdown.Converter({ extensions: ['devices'], metadata: true, noHeaderId: false, prefixHeaderId: 'sec-' });
gh.setFlavor('github');
gh.setOption('ghMentionsLink', 'https://people.test/{u}');
var orig = new showdown.Converter();
orig.setFlavor('original');
var outputs = 0;
var pieces = [
  '---\ntitle: Ferry notes\nauthor: h40\n---\n# Ferry (c) TODO\n\nA *program* that **moves** between `devices`: [[device:lamp-1]].\n\n---\n',
  '## Lists\n\n1. first\n2. second\n   - nested *a*\n   - nested __b__\n\n- [x] done task\n- [ ] open task\n\n> quoted\n> > twice\n',
  '| col | n |\n|:----|--:|\n| a | 1 |\n| b | 22 |\n\n```js\nvar x = "<tag>" && 1;\n```\n\n    indented code\n\nhttp://auto.link.test and @someone ~~gone~~\n',
  'Setext\n======\n\n[ref link][r] and ![img](/i.png "Title") <span>inline *html*</span>\n\n[r]: http://ref.test/ "R"\n\nfoot&note with \\*escapes\\* and emoji :smile:\n',
  '<div markdown="1">\n*inside html*\n</div>\n\nline one  \nline two\n\n1) paren list\n2) second\n\n* * *\nLast_under_scores_word and __strong__.\n'
];
var toc = [];
var turn = 0;
function step() {
  var md = pieces[turn];
  if (turn === 2) { gh.setOption('simpleLineBreaks', false); gh.setOption('tables', true); plain.setOption('tables', true); }
  if (turn === 3) { gh.setOption('emoji', true); gh.setOption('openLinksInNewWindow', true); }
  if (turn === 4) { plain.setOption('backslashEscapesHTMLTags', true); plain.setOption('literalMidWordUnderscores', true); }
  var html = gh.makeHtml(md);
  out('turn ' + turn + ' github:\n' + html);
  html.replace(/<h([1-6]) id="([^"]*)">/g, function (m, l, id) { toc.push(l + ':' + id); return m; });
  out('plain:\n' + plain.makeHtml(md));
  if (turn === 0 || turn === 3) out('original:\n' + orig.makeHtml(md));
  var meta = gh.getMetadata();
  out('metadata ' + JSON.stringify(meta) + ' format ' + gh.getMetadataFormat() + ' toc ' + toc.join(' '));
  if (turn === 4) {
    out('options ' + JSON.stringify(gh.getOptions()).length + ' flavor ' + gh.getFlavor() + ' ' + orig.getFlavor() + ' outputs filtered ' + outputs + ' defaults ' + Object.keys(showdown.getOptions()).length);
  }
  turn++;
  if (turn < pieces.length) setTimeout(step, 1);
}
setTimeout(step, 1);
