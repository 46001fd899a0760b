// Writes to a named function expression's own name: ignored in sloppy code,
// a TypeError in strict code, in every form (=, op=, ++/--, for-in), also
// when the program has given the function another prototype. The
// instrumented build rewrites them into writes to a read-only inherited
// property (rewriter/instrument.c, self_write); through the function itself
// that made an own property once its prototype had changed. Where a `with`
// or a direct eval may give the name another meaning, the write is the
// program's own: `with (o) n = e` writes o.n when o has one.
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
var w1 = function q() { var o = { q: 1 }; with (o) { q = 5; q++; q += 2; } return o.q + ':' + typeof q; };
var w2 = function r() { var o = {}; with (o) { r = 5; } return typeof r + ':' + JSON.stringify(o); };
var e1 = function t() { eval('var t'); t = 5; t++; return typeof t + t; };
var e2 = function u() { eval(''); u = 5; return typeof u; };
var e3 = function v() { return (function () { eval('var z'); v = 5; return typeof v; })(); };
console.log(w1(), w2(), e1(), e2(), e3());
setTimeout(function () { console.log(run(false)); console.log(run(true)); console.log(top()); }, 0);
