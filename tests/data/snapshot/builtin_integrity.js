// builtin_integrity.js: built-in objects a program made non-extensible,
// sealed or frozen (hardening code: Object.freeze(Object.prototype) against
// prototype pollution) stay so across a resume, the global object included;
// before, only their properties' attributes came back, and writes the
// program relied on failing succeeded after a move.
Object.freeze(Date.prototype);
Object.seal(JSON);
Object.preventExtensions(Number);
Object.freeze(Object.prototype);
var g = this, st = { n: 0 };
function report(tag) {
	var r = [Object.isFrozen(Date.prototype), Object.isSealed(JSON), Object.isFrozen(JSON),
	         Object.isExtensible(Number), Object.isFrozen(Object.prototype),
	         Object.isExtensible(g), Object.isExtensible(Math)].join(' ');
	Date.prototype.foo = 1;
	Object.prototype.bar = 2;
	Number.baz = 3;
	delete JSON.parse;
	console.log(tag, r, Date.prototype.foo, ({}).bar, Number.baz, typeof JSON.parse, st.n);
}
report('start');
setTimeout(function () { st.n++; report('t1'); Object.preventExtensions(g); }, 1);
setTimeout(function () {
	st.n++;
	report('t2');
	try { newGlobal = 1; } catch (e) { console.log(e.name); }
	console.log(typeof newGlobal);
}, 5);
setTimeout(function () { st.n++; report('t3'); Object.seal(Math); }, 10);
setTimeout(function () { st.n++; report('t4'); console.log(Object.isSealed(Math)); }, 15);
