// package: diff-match-patch@1.0.5 diff-match-patch/index.js
// prelude: var module = {};
// Driver for diff-match-patch 1.0 (Google's diff, fuzzy match and patch; the npm file is CommonJS,
// given a `module`): a document is edited over several turns by two authors; each turn diffs the
// versions (with semantic and efficiency cleanups, line mode), makes patches, applies them to the other
// author's copy with fuzzy matching, and round-trips patches and deltas through text. Diff_Timeout is 0
// (no deadline taken from the real clock), so every run computes the same diffs.
var DMP = module.exports;
var out = function (s) { console.log(String(s)); };
var dmp = new DMP();
dmp.Diff_Timeout = 0;
dmp.Match_Threshold = 0.4;
dmp.Patch_DeleteThreshold = 0.6;
var fine = new DMP();
fine.Diff_Timeout = 0;
fine.Diff_EditCost = 6;
var base = 'Ferry snapshots a running program.\nThe heap, the closures and the pending timers travel.\n' +
  'On the other device the program resumes where it stopped.\nNothing is lost on the way.\n';
var mine = base, theirs = base;
var edits = [
  function (s) { return s.replace('running program', 'running JavaScript program').replace('travel.', 'travel together.'); },
  function (s) { return s + 'Even half-read streams come along.\n'; },
  function (s) { return s.replace('Nothing is lost on the way.\n', ''); },
  function (s) { return s.replace(/the/g, 'THE'); },
  function (s) { return 'Title\n=====\n' + s.split('\n').reverse().join('\n'); }
];
var history = [];
var turn = 0;
function show(diffs) { return diffs.map(function (d) { return (d[0] > 0 ? '+' : d[0] < 0 ? '-' : '=') + JSON.stringify(d[1].length > 24 ? d[1].slice(0, 21) + '...' : d[1]); }).join(' '); }
function step() {
  var before = mine;
  mine = edits[turn](mine);
  var diffs = dmp.diff_main(before, mine);
  dmp.diff_cleanupSemantic(diffs);
  var eff = fine.diff_main(before, mine);
  fine.diff_cleanupEfficiency(eff);
  out('turn ' + turn + ' semantic ' + show(diffs));
  out('  efficiency ' + eff.length + ' diffs, levenshtein ' + dmp.diff_levenshtein(diffs) + ' html ' + dmp.diff_prettyHtml(diffs).length);
  var delta = dmp.diff_toDelta(diffs);
  out('  delta ' + delta.slice(0, 60) + ' round trip ' + (dmp.diff_text2(dmp.diff_fromDelta(before, delta)) === mine));
  var patches = dmp.patch_make(before, diffs);
  var text = dmp.patch_toText(patches);
  history.push(text);
  // the other author has made changes of their own: the patch applies with fuzz
  if (turn === 1) theirs = theirs.replace('The heap', 'Its heap');
  if (turn === 3) theirs = theirs.replace('device', 'machine');
  var applied = dmp.patch_apply(dmp.patch_fromText(text), theirs);
  theirs = applied[0];
  out('  patch ' + patches.length + ' hunks, ' + text.length + ' chars; applied ' + applied[1].join(',') + ' -> ' + JSON.stringify(theirs.slice(0, 70)));
  var a = dmp.diff_linesToChars_(before, mine);
  var ld = dmp.diff_main(a.chars1, a.chars2, false);
  dmp.diff_charsToLines_(ld, a.lineArray);
  out('  line mode ' + ld.map(function (d) { return d[0] + ':' + d[1].split('\n').length; }).join(' ') + ' match ' + dmp.match_main(mine, 'progrem resumes', 40) + ' ' + dmp.match_main(mine, 'zzzz', 0));
  turn++;
  if (turn < edits.length) setTimeout(step, 1);
  else {
    var all = dmp.patch_apply(history.reduce(function (acc, t) { return acc.concat(dmp.patch_fromText(t)); }, []), base);
    out('replayed ' + all[1].join(',') + ' same ' + (all[0] === mine) + ' common ' + dmp.diff_commonPrefix(mine, theirs) + '/' + dmp.diff_commonSuffix(mine, theirs));
    out('final diff ' + show(dmp.diff_main(mine, theirs)));
  }
}
setTimeout(step, 1);
