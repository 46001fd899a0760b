// Writes to a named function expression's own name: ignored in sloppy code,
// a TypeError in strict code, in every form (=, op=, ++/--, for-in), also
// when the program has given the function another prototype. The
// instrumented build rewrites them into writes to a read-only inherited
// property (rewriter/instrument.c, self_write); through the function itself
// that made an own property once its prototype had changed.
function forms(strict, coerce) {
	var f = strict
		? function g(o) { 'use strict'; var r = [];
			try { g = 5; r.push('='); } catch (e) { r.push('=' + e.name); }
			try { for (g in o) r.push('in:' + typeof g); } catch (e) { r.push('for-in' + e.name); }
			try { ((
				g)) = 7; r.push('(=)'); } catch (e) { r.push('(=)' + e.name); }
			if (coerce) {
				try { g += 1; r.push('+='); } catch (e) { r.push('+=' + e.name); }
				try { r.push('++' + g++); } catch (e) { r.push('++' + e.name); }
				try { r.push('pre--' + --g); } catch (e) { r.push('pre--' + e.name); }
			}
			return r.concat(typeof g).join(' ');
		}
		: function g(o) { var r = [];
			r.push(g = 5);
			for (g in o) r.push('in:' + typeof g);
			r.push(((
				g)) = 7);
			if (coerce)
				r.push(g += 1, g++, --g, (g) *= 2);
			return r.concat(typeof g).join(' ');
		};
	return f;
}
function run(strict) {
	var log = [], f = forms(strict, true);
	log.push(f({ k: 1 }));
	Object.setPrototypeOf(f, { valueOf: function () { return 40; } });
	log.push(f({ k: 1 }), Object.getOwnPropertyNames(f).join());
	f = forms(strict, false);
	Object.setPrototypeOf(f, null);
	log.push(f({ k: 1 }), Object.getOwnPropertyNames(f).join());
	return log.join(' | ');
}
console.log(run(false));
console.log(run(true));
var top = function h() { h = 1; return typeof h; };
Object.setPrototypeOf(top, null);
console.log(top(), Object.getOwnPropertyNames(top).join());
setTimeout(function () { console.log(run(false)); console.log(run(true)); console.log(top()); }, 0);
