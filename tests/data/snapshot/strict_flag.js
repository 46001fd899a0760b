// ferryc: --strict
// Built with `ferryc --strict` (tests/snapshot.sh reads the first line): the
// program has no "use strict" directive, yet its code is strict, before a
// snapshot and after (the makers of restored functions were strict, the
// program as first run was not: `this`, undeclared assignments and the
// functions' own caller/arguments changed with a migration).
function mode() { return this === undefined ? 'strict' : 'sloppy'; }
function counter() {
	var n = 0;
	return function () {
		n++;
		var r = [n, mode(), (function () { return typeof this; })()];
		try { undeclaredName = n; r.push('assigned'); } catch (e) { r.push(e.name); }
		r.push(Object.getOwnPropertyNames(mode).join('+'));
		return r.join(' ');
	};
}
var tick = counter();
console.log('start', tick());
var left = 3;
var iv = setInterval(function () {
	console.log('turn', tick());
	if (--left === 0)
		clearInterval(iv);
}, 1);
