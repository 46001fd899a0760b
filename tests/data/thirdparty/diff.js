// package: diff@4.0.2 diff/dist/diff.js
// prelude: var self = this;
// Driver for jsdiff 4 (prepended by tests/thirdparty.sh, which finds its global through `self`): character, word,
// line, JSON and array diffs, unified patches created, parsed and applied; patched text kept across turns.
var out = function (s) { console.log(String(s).replace(/\n/g, '\\n')); };
var show = function (parts) { return parts.map(function (p) { return (p.added ? '+' : p.removed ? '-' : '=') + JSON.stringify(p.value); }).join(' '); };
var v1 = 'line one\nline two\nline three\nline four\n';
var v2 = 'line one\nline 2\nline three\nline four\nline five\n';
var patch = null, current = v1;
var turn = 0;
var iv = setInterval(function () {
  turn++;
  if (turn === 1) {
    out(show(Diff.diffChars('kitten', 'sitting')) + ' | ' + show(Diff.diffWords('the quick brown fox', 'the slow brown dog')));
    out(show(Diff.diffLines(v1, v2)));
  } else if (turn === 2) {
    patch = Diff.createPatch('file.txt', v1, v2, 'old', 'new');
    out(patch);
  } else if (turn === 3) {
    var parsed = Diff.parsePatch(patch);
    out(parsed.length + ' hunks ' + parsed[0].hunks.length + ' ' + JSON.stringify(parsed[0].hunks[0].lines));
    current = Diff.applyPatch(current, patch);
    out('applied ' + (current === v2) + ' ' + Diff.applyPatch('unrelated\n', patch));
  } else if (turn === 4) {
    out(show(Diff.diffJson({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3], c: null })) + ' | ' + show(Diff.diffArrays([1, 2, 3], [1, 3, 4])));
    out(show(Diff.diffSentences('One. Two. Three.', 'One. Deux. Three.')) + ' | ' + show(Diff.diffCss('a { color: red; }', 'a { color: blue; }')));
    clearInterval(iv);
    setTimeout(function () { out('end ' + JSON.stringify(current) + ' ' + Diff.structuredPatch('a', 'b', v2, v1).hunks.length); }, 1);
  }
}, 2);
