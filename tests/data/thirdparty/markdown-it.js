// package: markdown-it@8.4.2 markdown-it/dist/markdown-it.js markdown-it/dist/markdown-it.min.js
// prelude: var window = this;
// Driver for markdown-it 8 (prepended by tests/thirdparty.sh; its browserify bundle with linkify-it,
// mdurl, punycode, uc.micro and the entity table): a CommonMark parser built of rule chains (Ruler
// objects holding closures, cached per chain). Renderers made in early turns are changed in later ones
// -- rules disabled and enabled, a plugin pushed into the inline and core chains, a renderer rule
// replaced, options changed with set() -- and a document is rendered a section per turn, its token
// stream and environment (link references) kept across turns.
var out = function (s) { console.log(String(s)); };
var md = null, commonmark = null, env = {}, tokens = null, mentions = [];
var sections = [
  '# Ferry *device* notes\n\nSome **bold**, `code`, ~~strike~~ and a [ref link][fw] and https://example.com/x?y=1.\n\n[fw]: https://ferry.example/fw "Firmware"\n',
  '- item one\n- item two\n  1. nested `one`\n  2. nested two\n\n> quote with *emphasis*\n> and a second line\n\n```js\nvar x = 1 < 2;\n```\n',
  '| a | b |\n|:--|--:|\n| 1 | 2 |\n| <b>x</b> | &copy; &#x41; |\n\nHard  \nbreak and "quotes" -- dashes... (c) (tm) @alice and @bob\n',
  'Setext\n======\n\n***\n\n<div>raw html</div>\n\n![img](/a.png "t") [ref again][FW] ***both*** \\*escaped\\*\n'
];
// a plugin: @mentions as an inline rule, collected into the renderer's env
function mentionPlugin(m) {
  m.inline.ruler.after('emphasis', 'mention', function (state, silent) {
    if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
    var match = /^@([a-z]+)/.exec(state.src.slice(state.pos));
    if (!match) return false;
    if (!silent) {
      var t = state.push('mention', '', 0);
      t.content = match[1];
      mentions.push(match[1]);
    }
    state.pos += match[0].length;
    return true;
  });
  m.renderer.rules.mention = function (toks, idx) { return '<span class="mention">' + toks[idx].content + '</span>'; };
}
var turn = 0;
function step() {
  turn++;
  if (turn === 1) {
    md = window.markdownit({ html: true, linkify: true, typographer: true });
    commonmark = window.markdownit('commonmark');
    out(md.render(sections[0], env));
    out('refs ' + JSON.stringify(env.references));
  } else if (turn === 2) {
    out(md.render(sections[1], env));
    md.disable(['blockquote', 'strikethrough']);
    out('disabled ' + md.render('> not a quote ~~nor this~~'));
    out('commonmark ' + commonmark.render(sections[0]));
  } else if (turn === 3) {
    md.use(mentionPlugin);
    md.enable('blockquote');
    md.renderer.rules.code_inline = function (toks, idx) { return '<kbd>' + md.utils.escapeHtml(toks[idx].content) + '</kbd>'; };
    tokens = md.parse(sections[2], env);
    out('tokens ' + tokens.length + ' ' + tokens.map(function (t) { return t.type; }).slice(0, 12).join(','));
    out(md.renderer.render(tokens, md.options, env));
  } else if (turn === 4) {
    md.set({ breaks: true, xhtmlOut: false, typographer: false });
    out(md.render(sections[3], env));
    out(md.renderInline('*inline* `x` @carol\nline'));
    out('mentions ' + mentions.join(',') + ' normalize ' + md.normalizeLink('http://ex.com/ä b') + ' ' + md.validateLink('javascript:alert(1)'));
    out('again ' + md.renderer.render(tokens, md.options, env).length);
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
