/*
 * tests/fuzz_rand.js -- the random numbers of the fuzzers' program
 * generators (tests/difffuzz_gen.js, tests/exprfuzz_gen.js). Plain ES5.
 * tests/fuzz_lib.sh runs a generator with tests/duk_run as one file:
 * `var SEED = N;` (and `var DROP = [...]`), this file, the generator. A
 * generator calls seedRandom(SALT) first, with a salt of its own, so that
 * the two draw different sequences from the same seed. The sequence is
 * part of every seed's program: changing anything here changes them all.
 */

/* mulberry32 */
var rs;
function seedRandom(salt) { rs = (SEED >>> 0) ^ salt; }
function rnd() {
	rs = (rs + 0x6d2b79f5) | 0;
	var t = rs;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function int(lo, hi) { return lo + Math.floor(rnd() * (hi - lo + 1)); }
function chance(p) { return rnd() < p; }
function pick(a) { return a[Math.floor(rnd() * a.length)]; }
function shuffle(a) {
	var i, j, t;
	for (i = a.length - 1; i > 0; i--) { j = int(0, i); t = a[i]; a[i] = a[j]; a[j] = t; }
	return a;
}
