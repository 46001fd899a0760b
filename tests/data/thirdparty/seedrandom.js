// package: seedrandom@3.0.5 seedrandom/seedrandom.js
// Driver for seedrandom 3 (prepended by tests/thirdparty.sh): it patches Math (Math.seedrandom), replaces
// Math.random with a seeded generator whose ARC4 state lives in closures; streams must continue after a move.
var out = function (s) { console.log(String(s)); };
var rng = new Math.seedrandom('hello.');
var rng2 = new Math.seedrandom('other', { state: true });
Math.seedrandom('global seed');
var saved = null;
var turn = 0;
var iv = setInterval(function () {
  turn++;
  var a = [];
  for (var i = 0; i < 4; i++) a.push(rng().toFixed(12));
  out('turn ' + turn + ' rng ' + a.join(' ') + ' int32 ' + rng.int32() + ' q ' + rng.quick().toFixed(8) + ' Math.random ' + Math.random().toFixed(12));
  if (turn === 2) saved = rng2.state();
  if (turn === 4) {
    var replay = new Math.seedrandom('', { state: saved });
    out('replay ' + replay().toFixed(12) + ' ' + rng2().toFixed(12) + ' ' + rng2().toFixed(12));
  }
  if (turn === 6) clearInterval(iv);
}, 2);
