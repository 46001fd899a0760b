// Object.isSealed / Object.isFrozen of sealed and frozen functions. The
// instrumented build tags every function with hidden keys (its site, an
// inline environment's values) that Duktape's isSealed/isFrozen count: a
// function sealed with every visible property read-only read isFrozen true
// plain (and in pure Duktape), false instrumented. Both must print the same,
// and so must a resume (tests/snapshot.sh runs this file too: the walker
// records what the program sees, which leaves Ferry's tags out), for
// declarations, expressions, closures of an inline environment and of a
// real one, accessors, methods and strict functions.
function decl() {}
function konst(k) { return function () { return k; }; }                 // inline environment
function counter() { var n = 0; return function () { return ++n; }; }  // an environment
var lit = { get g() { return 1; }, m: function () {} };
var fns = {
	decl: decl,
	expr: function () {},
	inline: konst(7),
	env: counter(),
	getter: Object.getOwnPropertyDescriptor(lit, 'g').get,
	method: lit.m,
	nfe: (function () { return function named() { return named; }; })(),
	open: konst(8),
	strict: (function () { 'use strict'; return function () {}; })()
};
var names = Object.keys(fns);
function readOnly(f) {
	Object.getOwnPropertyNames(f).forEach(function (k) {
		var d = Object.getOwnPropertyDescriptor(f, k);
		if (d.writable)
			Object.defineProperty(f, k, { writable: false });
	});
}
function report(when) {
	console.log(when, names.map(function (k) {
		var f = fns[k];
		return k + ':' + [Object.isExtensible(f), Object.isSealed(f), Object.isFrozen(f)].map(Number).join('');
	}).join(' '));
}
report('open');
// sealed with every visible property read-only: frozen as well
['decl', 'expr', 'inline', 'getter', 'strict'].forEach(function (k) {
	readOnly(fns[k]);
	Object.seal(fns[k]);
});
// sealed with a writable prototype: not frozen
Object.seal(fns.env);
// frozen
Object.freeze(fns.method);
// non-extensible only
Object.preventExtensions(fns.nfe);
report('locked');
readOnly(fns.env);   // now every property is read-only
report('env read-only');
console.log(fns.inline(), fns.env(), fns.env(), typeof fns.nfe(), fns.open());
setTimeout(function () {
	report('later');
	console.log(fns.inline(), fns.env(), typeof fns.nfe(), fns.open());
	Object.seal(fns.open);
	report('open sealed');
}, 0);
