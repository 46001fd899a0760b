// frozen_fns.js: frozen and sealed functions stay frozen and sealed after a resume (difffuzz seed
// 2002). Restore tags a function with hidden keys after making it; they were writable and
// configurable, so Object.isFrozen/isSealed said false where the original said true.
var frozen = Object.freeze(function frozen() { return 1; });
var sealed = Object.seal(function sealed() { return 2; });
var pe = Object.preventExtensions(function pe() { return 3; });
var anon = Object.freeze(function () {});
var bound = Object.freeze(frozen.bind(null));
var counter = (function () { var n = 0; return Object.freeze(function () { return ++n; }); })();
var objs = [frozen, sealed, pe, anon, bound, counter, Object.freeze({ a: 1 }), Object.seal([1, 2])];
var turn = 0;
var id = setInterval(function tick() {
	turn++;
	console.log(turn + " " + counter() + " " + objs.map(function (f) {
		return (Object.isFrozen(f) ? "F" : "-") + (Object.isSealed(f) ? "S" : "-") + (Object.isExtensible(f) ? "X" : "-");
	}).join(" "));
	if (turn === 4) clearInterval(id);
}, 1);
