// regexp_flags.js: a RegExp keeps its flags whatever the program did to `global` & co. (found by
// the h42 built-ins sweep). The walker took a RegExp's flags from RegExp.prototype.flags, which
// reads `global`, `ignoreCase` and `multiline` by [[Get]]: a program's own `global` property or
// a patched getter answered (a /g regexp came back without g: test() no longer moved lastIndex),
// and the program's getter ran during the snapshot (its output appeared between turns).
var between = false;
var re = /ab+c/gim;
re.lastIndex = 2;
var own = /x/g;
Object.defineProperty(own, 'global', { value: false });
Object.defineProperty(RegExp.prototype, 'multiline', {
	get: function () { if (between) console.log('a getter ran between turns'); return false; },
	configurable: true
});
Object.defineProperty(RegExp.prototype, 'global', {
	get: function () { if (between) console.log('a getter ran between turns'); return false; },
	configurable: true
});
var turn = 0;
var id = setInterval(function tick() {
	between = false;
	turn++;
	console.log(turn + ' ' + re.test('xABbC') + ' ' + re.lastIndex + ' ' + String(own.exec('xx')) + ' ' +
		own.lastIndex + ' ' + own.global + ' ' + re.global + re.multiline + re.ignoreCase);
	if (turn === 4) clearInterval(id);
	between = true;
}, 1);
