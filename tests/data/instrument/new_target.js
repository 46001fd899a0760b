// new.target (ES2015, compiled by Duktape 2.7 in function code) in functions
// whose variables are captured, constant, mirrored or environment only, in
// closures, getters and setters, and in functions that are themselves captured.
function Plain() { return typeof new.target; }
print(Plain(), typeof new Plain());

function Point(x, y) {
	if (!new.target) return new Point(x, y);   // called without new
	this.x = x;
	this.y = y;
	this.norm = function () { return Math.sqrt(x * x + y * y); };
	this.kind = new.target === Point ? 'point' : 'other';
}
var p = Point(3, 4), q = new Point(6, 8);
print(p.kind, p.norm(), q.kind, q.norm(), p instanceof Point);

function Counter() {
	var n = 0;
	var self = new.target;
	function bump() { n++; return [typeof new.target, self === Counter]; }
	this.bump = bump;
	this.count = function () { return n; };
	this.made = new bump();
	return new.target ? undefined : 'called';
}
var c = new Counter();
print(c.bump(), c.count(), c.made.constructor === Object, Counter());

function outer(tag) {
	var seen = [];
	var Inner = function () { seen.push(tag + ':' + (new.target === Inner)); tag = tag + '+'; };
	new Inner();
	Inner();
	var o = {
		get g() { return typeof new.target; },
		set s(v) { seen.push('set ' + typeof new.target + ' ' + v); }
	};
	o.s = o.g;
	return function () { return seen.join(' ') + ' ' + (new.target ? 'new' : 'call'); };
}
var f = outer('t');
print(f(), typeof new f());

function Chain() { return new.target.prototype === Chain.prototype && new.target.name; }
print(new Chain() instanceof Chain, (function () { try { return Chain(); } catch (e) { return e.name; } })());
function Same() { return new.target === Same; }
print(Same(), new Same() instanceof Same);
var y = 2;
function Late(a) {
	var g = function () { a = 10; return a; };
	return [a + (new.target ? 1 : 0), a - g() + (new . target ? 'n' : 'c')];
}
print(Late(5), new Late(5) instanceof Late, y);
