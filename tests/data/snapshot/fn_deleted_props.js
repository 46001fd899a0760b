// fn_deleted_props.js: own properties a program deletes from its functions stay deleted after a resume
// (exprfuzz seed 110377). `length`, `name` and `fileName` of a Duktape function are configurable; restore
// re-made each function by its maker, which has them, and only defined the properties the snapshot
// lists, so `delete f.length` was undone (3 instead of 0 after a resume). Bound functions likewise, and
// a property deleted and defined again, which moves to the end of the property order; an array-index key
// added to a function (listed first) must not move the others (exprfuzz seed 140053).
function three(a, b, c) { return a; }
function named(a) { return a; }
var anon = (function (k) { return function (x, y) { return k + x + y; }; })(1);
var bound = three.bind(null, 1);
console.log(delete three.length, delete named.name, delete anon.fileName, delete bound.length, delete bound.name);
Object.defineProperty(anon, "name", {value: "renamed", configurable: true});
var again = function (a, b) {};
delete again.length;
Object.defineProperty(again, "length", {value: 9, configurable: true});
var indexed = function (a) {};
indexed[0] = "zero";
indexed.k = 1;
indexed[7] = "seven";
function show(f) {
	return [f.length, JSON.stringify(f.name), Object.getOwnPropertyNames(f).join(",")].join(" ");
}
var n = 0;
setTimeout(function tick() {
	n++;
	console.log(n + " | " + [three, named, anon, again, indexed, bound].map(show).join(" | "));
	if (n < 3) setTimeout(tick, 1);
}, 1);
