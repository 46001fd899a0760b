// Timeouts and intervals run in the order Node's timer lists give them
// (one list per delay, timers in the order they were armed, lists by
// expiry). Expected output: Node v20's, for each part.
function spin(ms) { var end = Date.now() + ms; while (Date.now() < end) {} }
function say(s) { console.log(s); }

// 1. An interval's callback sets a timeout of the same delay: the interval
//    is armed again after its callback, behind that timeout, so the timeout
//    runs before the next tick.
function part1(next) {
	var n = 0;
	var id = setInterval(function tick() {
		n++;
		say('1 tick ' + n);
		setTimeout(function () { say('1 after ' + n); if (n === 3) next(); }, 10);
		if (n === 3) clearInterval(id);
	}, 10);
}

// 2. A callback holds the loop up until timers of several delays are all
//    overdue: each list runs its due timers together, lists by expiry.
function part2(next) {
	setTimeout(function () { say('2 A (10)'); setImmediate(function () { say('2 immediate'); next(); }); spin(30); }, 10);
	setTimeout(function () { say('2 B (20)'); }, 20);
	spin(15);
	setTimeout(function () { say('2 C (10)'); }, 10);
	setTimeout(function () { say('2 D (12)'); }, 12);
	spin(30);
}

// 3. Clearing the only timer of a list drops the list: a later timer of
//    that delay makes a new list, which comes after older lists of the same
//    expiry.
function part3(next) {
	var t = setTimeout(function () { say('3 never'); }, 30);
	setTimeout(function () { say('3 X (25)'); }, 25);
	clearTimeout(t);
	setTimeout(function () { say('3 Y (30)'); next(); }, 30);
	spin(40);
}

// 4. A delay is cut to whole milliseconds (Node's insert truncates it): a
//    timeout of 5.9 or 5.5 ms is one of 5 ms, in that list, in arming order.
function part4(next) {
	setTimeout(function () { say('4 A (5.9)'); }, 5.9);
	setTimeout(function () { say('4 B (5)'); }, 5);
	spin(3);
	setTimeout(function () { say('4 C (5.5)'); }, 5.5);
	setTimeout(function () { say('4 D (5)'); next(); }, 5);
	spin(30);
}

part1(function () { part2(function () { part3(function () { part4(function () { say('done'); }); }); }); });
