// A snapshot measures timers' delays from when it began, and a resumed
// program's clock starts when its loop does: the time spent walking a big
// heap, or after the restore, is not time between two of the program's
// turns. T (10 ms) is set in turn 1, W (7 ms) by the immediate right after
// it, so W runs first. When the walk's time counted (a clock reading taken
// after walking the heap), a snapshot after turn 1 ran T first; so did a
// resume that counted the time from its restore to its first turn (freeing
// the snapshot: more than 3 ms here).
var heap = [];
for (var i = 0; i < 100000; i++)
	heap.push({ i: i, s: 'item ' + i });
setTimeout(function x() {
	setTimeout(function t() { console.log('T (10 ms), heap ' + heap.length); }, 10);
	setImmediate(function w0() {
		setTimeout(function w() { console.log('W (7 ms)'); }, 7);
	});
}, 1);
