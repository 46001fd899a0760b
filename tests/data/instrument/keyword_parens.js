// A captured variable written in parentheses right after a keyword:
// instrumentation replaces `(x)` by an environment slot, and the keyword
// must stay a keyword (`typeof(x)` must not become `typeof$Fe1[1]`).
function kinds(x, o) {
	var bump = function () { x = x; o = o; };
	var r = [typeof(x), void(x), typeof(o)];
	r.push('k'in(o), o instanceof(Object), delete(x)in o);
	switch (x) { case(x): r.push('case'); }
	if (!o) r.push('no'); else(r.push('else'));
	do(x); while (0);
	r.push(new(o.C)().v);
	bump();
	return r;
}
console.log(kinds(1, { k: 1, C: function () { this.v = 'new'; } }));

function thrower(e) {
	var h = function () { return e; };
	try {
		throw(e);
	} catch (caught) {
		return [caught === h(), typeof(caught)];
	}
}
console.log(thrower({}));

function returns(v) {
	var g = function () { v++; };
	g();
	return(v);
}
console.log(returns(41));

function alias(a) {
	var set = function (w) { a = w; };
	var get = function () {
		// an inner function that makes no closures reads its environment
		// through a local alias
		return typeof(a) + typeof(a) + void(a);
	};
	set('s');
	return get();
}
console.log(alias(0));

function selfName() {
	var f = function g() { return typeof(g) + typeof(g = 1); };
	return f();
}
console.log(selfName());
