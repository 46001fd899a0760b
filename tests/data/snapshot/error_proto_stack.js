// error_proto_stack.js: an Error used as a prototype (`MyError.prototype = new Error()`, the ES5
// way to subclass Error). A restored error had its stack text as an own `stack`, which hid the
// getter from every object inheriting from it: after a resume each new MyError read the
// prototype's traceback (made at program start) instead of its own.
function MyError(message) { this.message = message; }
MyError.prototype = new Error();
MyError.prototype.name = 'MyError';
var base = new Error('base');
var n = 0;
function fail(k) { throw new MyError('tick ' + k); }
function lines(s) { return String(s).split('\n').length; }
setTimeout(function tick() {
	n++;
	try {
		fail(n);
	} catch (e) {
		console.log(n + ' ' + String(e) + ' | ' + e.stack + ' | ' + (e.stack === MyError.prototype.stack) +
			' ' + e.hasOwnProperty('stack') + ' ' + MyError.prototype.hasOwnProperty('stack') +
			' ' + String(Object.create(base).stack) + ' ' + lines(base.stack) + ' ' + (e instanceof MyError));
	}
	if (n < 4) setTimeout(tick, 1);
}, 1);
