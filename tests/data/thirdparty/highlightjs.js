// package: highlight.js@9.18.1 highlight.js/lib/highlight.js+highlight.js/lib/languages/javascript.js+highlight.js/lib/languages/json.js+highlight.js/lib/languages/xml.js+highlight.js/lib/languages/css.js+highlight.js/lib/languages/python.js+highlight.js/lib/languages/markdown.js
// prelude: var self = this, hljsLanguages = []; var module = {}; Object.defineProperty(module, 'exports', { set: function (f) { hljsLanguages.push(f); } });
// Driver for highlight.js 9.18 (npm ships CommonJS files: the core's UMD wrapper finds `self` and sets
// `self.hljs`; each language file assigns `module.exports`, which the prelude's setter collects, in
// the order of the package line). Language definitions are compiled lazily into RegExp-heavy mode trees
// (terminators, lexemes, keyword tables, sub-language links) on first use; languages are registered
// one per turn, so compiled and uncompiled definitions are migrated side by side. highlight with a
// continuation (`top` of a previous result), highlightAuto's relevance, sub-languages (script in
// HTML), configure (classPrefix) and aliases.
// (fixMarkup with useBR exceeds Duktape's RegExp recursion limit, plain or not: left out.)
var out = function (s) { console.log(String(s)); };
var names = ['javascript', 'json', 'xml', 'css', 'python', 'markdown'];
var samples = {
  javascript: 'function greet(name) {\n\tvar s = `hi ${name}`; // comment\n\treturn /re+gex/g.test(s) ? 0x1F : null;\n}',
  json: '{"device": "lamp", "levels": [1, 2.5e3, true, null]}',
  xml: '<!DOCTYPE html>\n<div class="a" id=\'b\'><script>var x = 1 < 2;</script><style>p { color: red; }</style>&amp;</div>',
  css: '@media (max-width: 600px) { .a > #b:hover::after { content: "x"; margin: 0 auto !important; } }',
  python: '@decorator\ndef f(a, *args, **kw):\n    """doc"""\n    return [x ** 2 for x in range(10) if x % 2]  # sq',
  markdown: '# Title\n\n* item with `code` and **bold**\n\n```js\nvar a = 1;\n```\n[link](http://x.test)'
};
var turn = 0;
var carried = null;
function step() {
  hljs.registerLanguage(names[turn], hljsLanguages[turn]);
  out('turn ' + turn + ' languages ' + hljs.listLanguages().sort().join(','));
  var name = names[turn];
  var r = hljs.highlight(name, samples[name], true);
  out('  ' + name + ' relevance ' + r.relevance + ' illegal ' + !!r.illegal + '\n' + r.value);
  // a stream highlighted in two parts: the second starts from the mode stack the first ended in
  var js = samples.javascript.split('\n');
  if (turn === 0) carried = hljs.highlight('javascript', js[0] + '\n' + js[1].slice(0, 12), true);
  if (turn === 1) {
    var rest = hljs.highlight('javascript', js[1].slice(12) + '\n' + js.slice(2).join('\n'), true, carried.top);
    out('  continued ' + rest.value);
  }
  var auto = hljs.highlightAuto(samples[names[(turn + 1) % names.length]]);
  out('  auto ' + auto.language + ' ' + auto.relevance + (auto.second_best ? ' second ' + auto.second_best.language : ''));
  if (turn === 2) {
    hljs.configure({ classPrefix: 'hl-' });
    out('  configured ' + hljs.highlight('javascript', 'if (a)\n\treturn;').value);
    hljs.configure({ classPrefix: 'hljs-' });
  }
  if (turn === 4) out('  aliases ' + ['js', 'html', 'py', 'md', 'jsonc', 'svg'].map(function (a) { var l = hljs.getLanguage(a); return a + '=' + (l ? (l.aliases || []).length : '-'); }).join(' '));
  turn++;
  if (turn < names.length) setTimeout(step, 1);
  else out('auto over all ' + hljs.highlightAuto('x = {"a": [1, 2]}\nprint(x)', ['python', 'json', 'javascript']).language);
}
setTimeout(step, 1);
