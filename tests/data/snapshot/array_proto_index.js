// array_proto_index.js: the runtime's own arrays never meet what the program put on
// Array.prototype (found by the h42 test262 sweep: ch15.4.4 tests define Array.prototype[0]
// accessors inside try/finally). The timer records, a bound function's recorded arguments and
// an inline environment made into an array at snapshot time were filled by [[Put]], which ran
// the program's index setter (and dropped the value) or met its getter-only index (TypeError):
// setTimeout threw, a timer's callback read back as the getter's value, snapshots failed.
var sets = 0;
Object.defineProperty(Array.prototype, '0', {
	get: function () { return 'proto0'; },
	set: function (v) { sets++; },
	configurable: true
});
Object.defineProperty(Array.prototype, '1', { get: function () { return 'proto1'; }, configurable: true });
function konst() { var k = 'kept'; return function () { return k; }; }   // an inline environment
var read = konst();
var frozen = Object.freeze(konst());
function join(a, b) { return [this && this.t, a, b].join('+'); }
var bound = join.bind({ t: 'T' }, 'A');
var turn = 0;
setTimeout(function (x, y) { console.log('args ' + x + ' ' + y); }, 0, 'x', 'y');
var id = setInterval(function tick() {
	turn++;
	var own = [];
	console.log(turn + ' ' + read() + ' ' + frozen() + ' ' + bound('B') + ' ' + own[0] + own[1] +
		' sets=' + sets + ' ' + [9][0] + Object.keys([]).length);
	if (turn === 3) {
		clearInterval(id);
		delete Array.prototype[0];
		delete Array.prototype[1];
		setTimeout(function () { console.log('done ' + [].length + ' ' + ([])[0]); }, 0);
	}
}, 1);
