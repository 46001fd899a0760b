// Event loop: closures whose bodies read and write captured variables
// written in parentheses right after a keyword (`typeof(x)`, `return(x)`,
// `throw(x)`, `case(x)`, `in(x)`, `delete(x)in o`). After a resume they are
// re-created by makers from the same edited text, which must keep each
// keyword apart from the environment slot that replaces `(x)`.
function counter(start) {
	var n = start, seen = { 1: 1, 3: 1 };
	return {
		next: function () { n++; return(n); },
		kind: function () { return typeof(n) + ':' + ('' + n in(seen)); },
		check: function () {
			switch (n % 2) { case(n % 2): break; }
			try { if (n > 3) throw(n); } catch (e) { return 'threw ' + e; }
			return [delete(n)in seen, void(n)].join('/');
		}
	};
}
var c = counter(0);
var turn = 0;
function step() {
	turn++;
	console.log(turn + ' ' + c.next() + ' ' + c.kind() + ' ' + c.check());
	if (turn < 5) setTimeout(step, 2);
}
setTimeout(step, 2);
