// Instrumentation keeps no value alive longer than the plain program does,
// which a finalizer (Duktape.fin) would tell by running late:
//  - a late read: `x + w()`, where x is written by an inner function, reads
//    x after w() (doc/design.md, "Late reads") through a variable of the
//    function, which its environment record keeps while the function's
//    closures live; w()'s object stayed reachable there;
//  - `var big = v` where big is written by an inner function: the variable,
//    which nothing reads (the environment's slot is big), kept v after an
//    inner function set big to null; so did such a parameter, and such a
//    function declaration its function.
var out = [];
function fin(o, name) {
	Duktape.fin(o, function () { out.push('fin ' + name); });
	return o;
}
function adder() {
	var x = 0;
	function w(name) { x++; return fin({ valueOf: function () { return 1; } }, name); }
	var r = x + w('plus');
	r = r + (x < w('lt'));
	switch (x) {
	case w('case'): out.push('case matched'); break;
	default: out.push('no case');
	}
	out.push('sum ' + r);
	return function () { return x; };
}
function less() {
	var x = 0;
	function w(name) { x++; return fin({ valueOf: function () { return 5; } }, name); }
	var r = x < w('less');
	out.push('less ' + r);
	return function () { return x; };
}
function holder() {
	var big = fin({}, 'big'), small = 1;
	function clear() { big = null; small++; }
	clear();
	Duktape.gc();
	out.push('big cleared');
	return clear;
}
function param(arg) {
	function decl() {}
	fin(decl, 'decl');
	function clear() { arg = null; decl = null; }
	clear();
	Duktape.gc();
	out.push('arg and decl cleared');
	return clear;
}
var keep4 = param(fin({}, 'arg'));
out.push('param returned');
keep4 = null;
var keep3 = holder();
out.push('holder returned');
keep3 = null;
var keep = adder(), keep2 = less();
Duktape.gc();
out.push('after return, x = ' + keep() + ', ' + keep2());
keep = null;
Duktape.gc();
out.push('one closure gone');
keep2 = null;
Duktape.gc();
out.push('both gone');
console.log(out.join('\n'));
