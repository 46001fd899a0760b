// package: xregexp@3.2.0 xregexp/xregexp-all.js
// Driver for XRegExp 3.2 with its addons (prepended by tests/thirdparty.sh; the browserify bundle sets
// `this.XRegExp`): extended regexps compiled to native ones, named captures, Unicode categories,
// scripts and blocks, build/matchRecursive/union. XRegExp.install('natives') replaces
// RegExp.prototype.exec/test and String.prototype.match/replace/split with its own functions
// (keeping the originals in closures), so the snapshots between its install and uninstall carry
// patched built-ins; regexps made by XRegExp (with their hidden data) are kept across turns.
var out = function (s) { console.log(String(s)); };
var natives = { exec: RegExp.prototype.exec, replace: String.prototype.replace, split: String.prototype.split };
function patched() {
  return ['exec', 'replace', 'split'].map(function (k) {
    return k + (natives[k] === (k === 'exec' ? RegExp.prototype : String.prototype)[k] ? '=native' : '=xregexp');
  }).join(' ');
}
var date = XRegExp('(?<year>  [0-9]{4} ) -?  # year \n (?<month> [0-9]{2} ) -?  # month \n (?<day>   [0-9]{2} )     # day', 'x');
var word = XRegExp('^\\p{L}+$');
var kept = {};
var turn = 0;
function step() {
  turn++;
  if (turn === 1) {
    var m = XRegExp.exec('2024-02-29', date);
    out('date ' + m.year + '/' + m.month + '/' + m.day + ' source ' + date.source);
    out('replace ' + XRegExp.replace('2024-02-29 and 1999-12-31', date, '${day}.${month}.${year}', 'all'));
    out('letters ' + ['Ferry', 'Fähre', 'паром', 'フェリー', 'ferry1', ''].map(function (s) { return word.test(s); }).join(' '));
    kept.greek = XRegExp('\\p{Greek}+', 'g');
    kept.cjk = XRegExp('[\\p{Han}\\p{Hiragana}\\p{Katakana}]+', 'g');
    kept.nonAscii = XRegExp('\\P{InBasic_Latin}');
    out('scripts ' + XRegExp.match('αβγ abc δεζ', kept.greek, 'all').join(',') + ' ' + XRegExp.match('東京 and フェリー', kept.cjk, 'all').join(','));
    out('version ' + XRegExp.version + ' natives ' + XRegExp.isInstalled('natives') + ' ' + patched());
  } else if (turn === 2) {
    XRegExp.install('natives');
    out('installed natives ' + XRegExp.isInstalled('natives') + ' ' + patched());
    var named = XRegExp('(?<key>\\w+)=(?<val>[^;]*)', 'g');
    kept.pairs = named;
    out('native replace ' + 'a=1;b=two;c='.replace(named, '${val}:${key}') + ' split ' + JSON.stringify('a1b2c3'.split(/(\d)/)));
    var mm = named.exec('x=9;y=8');
    out('native exec ' + mm.key + '=' + mm.val + ' lastIndex ' + named.lastIndex + ' match ' + JSON.stringify('x=9;y=8'.match(named)));
    named.exec('x=9;y=8');   // lastIndex 3 again, for the next turn
  } else if (turn === 3) {
    out('still ' + patched());
    var mm = kept.pairs.exec('x=9;y=8');   // lastIndex kept from turn 2: the second pair
    out('resumed exec ' + (mm && mm.key + '=' + mm.val) + ' lastIndex ' + kept.pairs.lastIndex);
    out('undefined groups ' + JSON.stringify(/(a)|(b)/.exec('b')) + ' ' + 'xbx'.replace(/(a)|(b)/, '[$1|$2]'));
    out('build ' + XRegExp.build('^({{hh}}):({{mm}})$', { hh: XRegExp.union(['0[0-9]', '1[0-9]', '2[0-3]']), mm: /[0-5][0-9]/ }).test('23:59'));
    out('recursive ' + JSON.stringify(XRegExp.matchRecursive('(t((e))s)t()(ing)', '\\(', '\\)', 'g')));
    out('chain ' + XRegExp.matchChain('1 <b>2</b> 3 <b>4 a 56</b>', [XRegExp('(?is)<b>.*?</b>'), { regex: /\d+/, backref: 0 }]).join(','));
  } else if (turn === 4) {
    XRegExp.uninstall('natives');
    out('uninstalled ' + patched());
    out('escape ' + XRegExp.escape('a.b*c?[d]') + ' union ' + XRegExp.union(['a+b', /(dogs)\1/, /(cats)\1/], 'i').source);
    var parts = [];
    XRegExp.forEach('1a2b3c', /\d/, function (m, i) { parts.push(m[0] + '@' + i); });
    out('forEach ' + parts.join(' ') + ' split ' + JSON.stringify(XRegExp.split('a1b22c', /(\d+)/)));
    out('kept ' + kept.nonAscii.test('plain') + kept.nonAscii.test('naïve') + ' ' + XRegExp.globalize(kept.nonAscii).global + ' ' + XRegExp.isRegExp(kept.cjk));
    try { XRegExp('(?<n>a)\\k<m>'); } catch (e) { out('error ' + e.name + ': ' + e.message); }
  }
  if (turn < 4) setTimeout(step, 1); else out('done');
}
setTimeout(step, 1);
