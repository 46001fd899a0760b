// package: chance@1.0.18 chance/chance.js
// prelude: var exports = {};
// Driver for Chance 1.0 (a generator of random data; its UMD file exports to the prelude's `exports`;
// 1.1 uses destructuring): seeded generators keep a Mersenne Twister (a 624-word state array and its
// index) in the heap (no output depends on the real date: timestamp() and birthday() are left out); a generator whose seed is a function of the driver's, one seeded by a string, and
// mixins (closures calling back into the instance) go on from where they were in each turn.
var Chance = exports.Chance;
var out = function (s) { console.log(String(s)); };
var a = new Chance(20261207);
var b = new Chance('ferry', 'migrates');
var counter = 0;
var c = new Chance(function () { counter++; return counter * 0.137 % 1; });
Chance.prototype.mixin({
  device: function (opts) {
    var o = opts || {};
    return { id: this.hash({ length: 8 }), name: this.pickone(['lamp', 'plug', 'sensor', 'lock']) + '-' + this.natural({ max: 99 }),
      online: this.bool({ likelihood: o.likely || 50 }), tags: this.pickset(['a', 'b', 'c', 'd', 'e'], 2) };
  }
});
a.mixin({ reading: function () { return this.floating({ min: -20, max: 40, fixed: 2 }); } });
var turn = 0;
function step() {
  out('turn ' + turn + ' mt index ' + a.mt.mti + ' state[0..2] ' + a.mt.mt.slice(0, 3).join(','));
  out('  a ' + [a.integer({ min: -1000, max: 1000 }), a.floating({ fixed: 4 }), a.string({ length: 8, pool: 'abcdef0123' }), a.guid(),
    a.name({ middle: true }), a.email({ domain: 'ex.test' }), a.ip(), a.color({ format: 'hex' }), a.sentence({ words: 6 })].join(' | '));
  out('  a ' + [a.date({ min: new Date(Date.UTC(2020 + turn, 0, 1)), max: new Date(Date.UTC(2021 + turn, 0, 1)) }).toISOString(), a.millisecond(), a.d20(), a.rpg('3d6').join('+'), a.shuffle([1, 2, 3, 4, 5, 6]).join(''),
    a.weighted(['x', 'y', 'z'], [1, 5, 10]), a.n(a.character, 5, { alpha: true }).join(''), a.unique(a.natural, 4, { max: 9 }).join(''), a.reading()].join(' | '));
  out('  a ' + [a.address(), a.city(), a.state({ full: true }), a.zip({ plusfour: true }), a.phone(), a.ssn(), a.cc({ type: 'Visa' }), a.hash({ length: 12 }), a.paragraph({ sentences: 1 })].join(' | '));
  out('  b ' + [b.word(), b.bool(), b.natural({ max: 50 }), b.coordinates(), b.syllable(), b.altitude(), b.age({ type: 'senior' }), b.gender()].join(' | '));
  out('  c ' + [c.integer({ min: 0, max: 9 }), c.letter(), c.bool(), c.prime({ max: 100 })].join(' ') + ' calls ' + counter);
  var d = a.device({ likely: 30 + turn * 10 });
  out('  device ' + JSON.stringify(d) + ' ' + JSON.stringify(b.device()));
  turn++;
  if (turn < 5) setTimeout(step, 1);
  else out('md5 ' + a.md5('ferry') + ' ' + a.md5('value', 'key'));
}
setTimeout(step, 1);
