// error_trace.js: what Duktape reads from an error's traceback (stack, fileName, lineNumber) reads the
// same after a resume. A snapshot cannot carry the traceback itself: it carries what the getters gave.
// Before: errors made before the snapshot read lineNumber and fileName undefined after it; an object
// inheriting from a custom error instance (Sub.prototype = new MyErr()) read that instance's stack
// text, an own `stack` after the resume, instead of its own traceback; and the first line of a
// carried stack text stayed as it was at the snapshot (Duktape makes it from name and message at each
// read). The program ends with an uncaught error (status 1), whose report snapshot.sh compares too.
function MyErr(m) { this.message = m; }
MyErr.prototype = Object.create(Error.prototype);
MyErr.prototype.name = 'MyErr';
function Sub(m) { this.message = m; }
Sub.prototype = new MyErr('proto');
function deep() { deep(); }
function caught(f) { try { f(); } catch (e) { return e; } }
var errs = {
	plain: new Error('plain'),
	type: caught(function () { return null.x; }),
	range: caught(deep),
	uri: caught(function () { decodeURIComponent('%'); }),
	frozen: Object.freeze(new TypeError('frozen')),
	sealed: Object.seal(new Error('sealed')),
	mine: new MyErr('mine'),
	myFrozen: Object.freeze(new MyErr('myFrozen')),
	sub: new Sub('sub'),
	setOwn: new MyErr('setOwn'),
	setLine: new Error('setLine')
};
errs.setOwn.stack = 'own stack';
errs.setLine.lineNumber = 70;
errs.setLine.fileName = 'other.js';
var inherit = Object.create(Sub.prototype);
var n = 0;
function first(s) { return String(s).split('\n').slice(0, 2).join(' / '); }
function show(e) {
	return [e.name, e.message, e.lineNumber, e.fileName, first(e.stack), String(e.stack).split('\n').length,
		e.hasOwnProperty('stack'), e.hasOwnProperty('lineNumber'), Object.isFrozen(e), Object.isSealed(e)].join(' ');
}
function make(k) { return new Sub('late ' + k); }
setTimeout(function tick() {
	n++;
	Object.keys(errs).forEach(function (k) { console.log(n, k, show(errs[k])); });
	var late = make(n);
	console.log(n, 'late', show(late), late.stack === Sub.prototype.stack);
	console.log(n, 'inherit', show(inherit));
	if (n === 2) {
		errs.type.message = 'changed';
		errs.mine.name = 'Renamed';
		delete errs.setOwn.stack;
		delete errs.setLine.lineNumber;
		errs.plain.lineNumber = n;
	}
	if (n === 3)
		delete errs.plain.lineNumber;
	if (n < 4)
		setTimeout(tick, 1);
	else
		throw errs.type;   // made before any snapshot: the uncaught error's report is the same
}, 1);
