// `with` over Proxy objects: every identifier in a with body (nested
// functions included) is looked up through the with object, so the code the
// instrumentation adds there must name nothing: a `has` trap that logs the
// names it is asked about sees the same names in both builds, and one that
// says yes to every name (a sandbox idiom) must not break the instrumented
// program. (Functions made there cannot be migrated; they must still run.)
var asked = [];
function report(label) {
	console.log(label, asked.join(' '));
	asked = [];
}
var scope = {
	console: console, String: String, Error: Error, v: 7,
	log: function (x) { console.log('log', x); }
};
// says yes to every name; gives only what the object has
var all = new Proxy(scope, {
	has: function () { return true; },
	get: function (t, k) { return typeof k === 'string' && k in t ? t[k] : undefined; }
});
// logs every name it is asked about
var logged = new Proxy(scope, {
	has: function (t, k) {
		if (typeof k === 'string') asked.push(k);
		return k in t;
	}
});

with (all) {
	try {
		console.log('all-has', String(function () { return 1; }).length > 0,
		            typeof { get a() { return v; }, set a(x) {}, m() { return v; } });
	} catch (e) { console.log('all-has threw', e.name); }
	try { log((function named(n) { return n ? named(n - 1) + 1 : v; })(3)); } catch (e) { console.log('named threw', e.name); }
	try { log((function () { function inner() { return v * 2; } return inner(); })()); } catch (e) { console.log('declaration threw', e.name); }
	try { log(new function () { this.k = v; }().k); } catch (e) { console.log('new threw', e.name); }
	try { throw new Error('boom'); } catch (e) {
		try { log((function () { return e.message; })()); } catch (e2) { console.log('catch threw', e2.name); }
	}
	try { log({ get g() { return function () { return v + 1; }; } }.g()); } catch (e) { console.log('getter threw', e.name); }
	try { (function self() { self = 5; log(typeof self); })(); } catch (e) { console.log('self threw', e.name); }
	try {
		log((function () { 'use strict'; return function q() { try { q = 1; } catch (e) { return e.name; } }(); })());
	} catch (e) { console.log('strict self threw', e.name); }
	try {
		log((function outer(n) {
			function inner(k) { return function () { return k + n + v; }; }
			var g = function () { return inner(n)(); };
			return g() + { get x() { return n; }, y() { return n; } }.x;
		})(1));
	} catch (e) { console.log('nested threw', e.name); }
}

with (logged) {
	var f = function () { return v; };
	log(f());
	report('expression:');
	var o = { get a() { return v; }, set a(x) { log(x); }, m() { return v; } };
	o.a = o.a + o.m();
	report('accessors:');
	{ function decl() { return typeof v; } }
	log(decl());
	report('block declaration:');
	try { throw 3; } catch (err) { log(function () { return err; }()); }
	report('catch:');
	log((function outer(n) {
		function inner(k) { return function () { return k + n + v; }; }
		var g = function () { return inner(n)(); };
		return g() + { get x() { return n; } }.x;
	})(1));
	report('nested:');
	(function self() { self = 5; log(typeof self); })();
	report('self write:');
	log(new function () { this.k = v; }().k);
	report('new:');
}

// a with inside a function: the function's closures in and around the body
function around(obj) {
	var n = 2;
	with (obj) {
		var h = function () { return n + v; };
		var p = { get z() { return n; } };
	}
	function later() { return h() + p.z; }
	return later;
}
log = scope.log;
log(around(logged)());
report('in a function:');
try { log(around(all)()); } catch (e) { console.log('around(all) threw', e.name, typeof scope.h, typeof scope.p); }
