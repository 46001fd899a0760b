// Constructors that read new.target, made before a snapshot and called after
// a resume (their makers recompile the text): `new F` and `F()` still tell
// each other apart, in captured and environment-only functions alike.
function Shape(kind) {
	if (!new.target) return new Shape(kind);
	var made = 0;
	this.kind = kind;
	this.Part = function Part(n) {
		made++;
		if (new.target !== Part) return 'call ' + n;
		this.n = n;
		this.of = kind;
	};
	this.made = function () { return made; };
}
var shapes = [Shape('circle'), new Shape('square')];
var factory = (function () {
	var last = null;
	function Made(v) { last = v; return new.target ? undefined : { plain: v }; }
	return { Made: Made, last: function () { return last; }, bump: function () { Made = Made; } };
})();
var turn = 0;
var id = setInterval(function () {
	turn++;
	var s = shapes[turn % 2];
	var p = new s.Part(turn);
	var q = s.Part(turn);
	var m = new factory.Made(turn), n = factory.Made(-turn);
	console.log(turn, s.kind, p.n, p.of, q, s.made(), m instanceof factory.Made, JSON.stringify(n), factory.last(),
	            shapes[0] instanceof Shape, typeof Shape('x').Part);
	if (turn === 4) clearInterval(id);
}, 1);
