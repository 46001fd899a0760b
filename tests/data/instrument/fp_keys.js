// What a program finds on Function.prototype and the global object when it
// looks at every own property, the ones Ferry installs included
// (doc/design.md, "Function identity": `Function.prototype.<prefix>k`, the
// array of tag keys, is installed by plain and instrumented builds alike).
// Its length followed the instrumented build's number of sites, so printing
// it showed a plain build 4 keys and the instrumented one 4 more per
// function literal. Both builds must print the same. Number.prototype holds
// the tagger too (`<prefix>t`, for tags where a `with` object is on the
// scope chain), in both builds.
function konst(k) { return function (x) { return k + x; }; }
var lit = { get g() { return 1; }, m: function () { return konst(2); } };
function show(label, o) {
	Object.getOwnPropertyNames(o).sort().forEach(function (k) {
		var v = o[k], d = Object.getOwnPropertyDescriptor(o, k);
		var attrs = [d.writable, d.enumerable, d.configurable].map(Number).join('');
		if (Array.isArray(v))
			console.log(label, k, attrs, 'array', v.length, v.map(function (x) { return typeof x + ':' + String(x); }).join(','),
			            Object.isExtensible(v), Object.isFrozen(v));
		else if (typeof v === 'function')
			console.log(label, k, attrs, 'function', v.name, v.length, Object.getOwnPropertyNames(v).join(','));
	});
}
show('Function.prototype', Function.prototype);
show('Number.prototype', Number.prototype);
show('global', this);
console.log(Function.prototype);
console.log(konst(1)(2), lit.g, lit.m()(3));
