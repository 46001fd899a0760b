// inline_frozen.js: frozen and sealed closures with an inline environment (found by the h42
// built-ins sweep). A closure over constants carries them in hidden keys of its own; a snapshot
// turns them into an environment array under the site key and deletes them. On a frozen or
// sealed closure that put and those deletes threw: "snapshot failed: TypeError: not writable".
function konst(k, j) { return function () { return k + j; }; }
var plain = konst('a', 1);
var frozen = Object.freeze(konst('f', 2));
var sealed = Object.seal(konst('s', 3));
var fixed = Object.preventExtensions(konst('n', 4));
var all = [plain, frozen, sealed, fixed];
var turn = 0;
var id = setInterval(function tick() {
	turn++;
	console.log(turn + ' ' + all.map(function (f) {
		return f() + (Object.isFrozen(f) ? 'F' : '-') + (Object.isSealed(f) ? 'S' : '-') +
			(Object.isExtensible(f) ? 'X' : '-');
	}).join(' '));
	if (turn === 3) clearInterval(id);
}, 1);
