/*
 * tests/exprfuzz_gen.js -- the expression-level fuzzer's program generator
 * (H20). Plain ES5, run by tests/duk_run: with `var SEED = N;` (and
 * optionally `var DROP = [...]`) and tests/fuzz_rand.js put in front of it,
 * it prints one small, terminating, deterministic ES5.1 program. tests/exprfuzz.sh builds it
 * with `ferryc --plain` and with `ferryc`, runs both and compares stdout,
 * stderr and exit status.
 *
 * Where tests/difffuzz_gen.js builds state for snapshots, this one aims at
 * evaluation order: functions nested several levels deep whose closures
 * write the variables of enclosing functions (vars, parameters, catch
 * parameters, function declarations, a function expression's own name)
 * *inside* expressions of every kind: all binary, unary, update and
 * compound assignment operators, calls (plain, method, .call/.apply, new),
 * computed member access, conditionals, comma, `in`, `instanceof`, array
 * and object literals with getters, setters and valueOf/toString that
 * write variables, switch, labelled loops, for-in, try/catch/finally,
 * `arguments` in sloppy and strict functions, function declarations in
 * blocks, `this` in called closures, delete and typeof. Every step prints
 * a trace line (P(label, values...)).
 *
 * To make the order of reads show, the closures start by writing variables
 * of the enclosing functions (mostly their parent's), and a fifth of the
 * expressions are `x OP f()` where f writes x, x being (mostly) a variable
 * of the function the expression is in. A third of the functions are
 * "quiet" (only they write their own variables: mirrored variables and
 * inline environments); some programs nest five levels deep, have
 * program-level code, or leave semicolons out (ASI). Function objects are
 * changed too (own properties added, deleted, redefined; frozen) and
 * printed with their own keys. Half of the programs run their tests in
 * event-loop turns and keep some closures (some bound, some in timers of
 * their own, some objects with accessors) for two more turns, so that the
 * driver can snapshot and resume between turns.
 *
 * Termination: a function may call only the closures whose text is already
 * finished (so calls form a DAG) and itself two levels deep at most, loops
 * count private counters, and every call and loop turn spends one unit of
 * a global budget (a thrown string when it runs out).
 *
 * Never generated (engine text that instrumentation may change): error
 * messages (only e.name is printed), e.stack, Function.prototype.toString
 * of program functions, Date, Math.random, eval, with. Line numbers
 * (new Error().lineNumber) are printed: they must not move.
 *
 * Minimising: every statement gets a number (a compound statement, a
 * function or a whole test one number, its inner statements the numbers
 * after it); DROP lists statements left out (the random sequence is
 * unchanged). The program's last line says how many there are:
 * `// exprfuzz: statements N`.
 */

/* ---- random numbers: rnd, int, chance, pick, shuffle (tests/fuzz_rand.js,
 * put in front of this file) ---- */
seedRandom(0x85ebca6b);

var dropped = {};
if (typeof DROP !== 'undefined')
	DROP.forEach(function (i) { dropped[i] = true; });
var nstmt = 0;
var asi = chance(0.3);
/* how deep functions nest (environment chains Pe<d>[0][0]...) */
var MAXD = chance(0.2) ? 5 : 3;
var uid = 0;
var nlabel = 0;

/* ---- scopes ----
 * A function scope: { parent, strict, binds: [{name, kind, loop}], fns:
 * [{name, arity, done}], self, args }; a catch scope: { parent, catchScope,
 * binds }. Names come from a small pool, so inner names shadow outer ones. */
var NAMES = ['a', 'b', 'c', 'x', 'y', 'z', 'n', 'k', 'v', 'w'];
function Scope(parent, kind) {
	this.parent = parent;
	this.kind = kind;           /* 'fn' or 'catch' */
	this.binds = [];
	this.fns = [];
	this.strict = parent ? parent.strict : false;
}
function fnScope(s) { while (s.kind !== 'fn') s = s.parent; return s; }
function visible(s) {
	var seen = {}, r = [];
	for (; s; s = s.parent) {
		s.binds.forEach(function (b) {
			if (!seen[b.name]) { seen[b.name] = 1; r.push(b); }
		});
	}
	return r;
}
function visibleFns(s) {
	var seen = {}, r = [], names = {};
	visible(s).forEach(function (b) { names[b.name] = b; });
	for (; s; s = s.parent) {
		s.fns.forEach(function (f) {
			/* a closure is callable when finished and not shadowed */
			if (f.done && !seen[f.name] && names[f.name] && names[f.name].fn === f) { seen[f.name] = 1; r.push(f); }
		});
	}
	return r;
}
function addBind(s, name, kind) {
	var b = { name: name, kind: kind, owner: s };
	s.binds.push(b);
	return b;
}
function newName() {
	return chance(0.8) ? pick(NAMES) : pick(NAMES) + (++uid);
}
/* a variable that may be written (loop counters are not) */
function writable(s) {
	var cur = fnScope(s);
	return visible(s).filter(function (b) {
		/* a quiet function's variables are written by itself only (they
		 * stay registers: mirrored, or constants in inline environments) */
		return !b.loop && !b.fn && (!b.global || chance(0.1)) && !(b.owner.quiet && b.owner !== cur);
	});
}
function readable(s) {
	return visible(s).filter(function (b) { return !b.fn || b.fn.done; });
}

/* ---- expressions ---- */
var LITS = ['0', '1', '2', '3', '-1', '0.5', '10', '-0', 'NaN', '"2"', '"a"', '""', 'null', 'true', 'false',
	'undefined', '"p"', '"q"', '7'];
var BINOPS = ['+', '-', '*', '/', '%', '<<', '>>', '>>>', '&', '|', '^', '==', '!=', '===', '!==', '<', '>',
	'<=', '>=', 'in', 'instanceof', '&&', '||', ','];
var ASSIGNOPS = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '>>>=', '&=', '|=', '^='];
var KEYS = ['"p"', '"q"', '0', '1', '"length"', '"r"', '"name"', '"prototype"'];

function lit() { return pick(LITS); }
function varRef(s) {
	var r = readable(s);
	return r.length ? pick(r).name : lit();
}
/* a variable, or O */
function baseRef(s) {
	var r = readable(s);
	return r.length && chance(0.7) ? pick(r).name : 'O';
}
/* an object to use with `in` and as a member base */
function objExpr(s, d) {
	var r = rnd();
	if (r < 0.5) return varRef(s);
	if (r < 0.7) return '{p: ' + E(s, d + 1) + ', q: 1}';
	if (r < 0.85) return '[' + E(s, d + 1) + ', 2]';
	return 'O';
}
function target(s, d) {
	var w = writable(s), r = rnd();
	if (w.length && r < 0.7) return pick(w).name;
	if (!w.length && r < 0.7) return 'G.p';
	var fs = fnScope(s);
	if (r < 0.75 && !fs.top && fs.args) return 'arguments[' + int(0, 2) + ']';  /* `++1` is an early error to ferryc (doc/parser.md) */
	if (r < 0.85) return baseRef(s) + '[' + (chance(0.5) ? pick(KEYS) : E(s, d + 1)) + ']';
	return baseRef(s) + '.' + pick(['p', 'q', 'r']);
}
function call(s, d) {
	var fs = visibleFns(s);
	if (!fs.length) return lit();
	var f = pick(fs), args = [], i, n = int(0, f.arity + 1);
	for (i = 0; i < n; i++) args.push(E(s, d + 1));
	switch (int(0, 9)) {
	case 0: return f.name + '.call(' + objExpr(s, d) + (args.length ? ', ' : '') + args.join(', ') + ')';
	case 1: return f.name + '.apply(' + objExpr(s, d) + ', [' + args.join(', ') + '])';
	case 2: return '(0, ' + f.name + ')(' + args.join(', ') + ')';
	case 3: return '{m: ' + f.name + ', p: ' + lit() + '}.m(' + args.join(', ') + ')';
	case 4: return 'new ' + f.name + '(' + args.join(', ') + ')';
	case 5: if (fnScope(s).args) return f.name + '.apply(this, arguments)';
		return f.name + '.bind(' + objExpr(s, d) + (args.length ? ', ' : '') + args.join(', ') + ')()';
	default: return f.name + '(' + args.join(', ') + ')';
	}
}
/* an object whose valueOf / toString / getter writes a variable */
function sideObj(s, d) {
	var w = writable(s), t = w.length ? pick(w).name : 'G';
	var body = t + ' ' + pick(['=', '+=', '-=']) + ' ' + E(s, d + 2);
	switch (int(0, 3)) {
	case 0: return '{valueOf: function () { ' + body + '; return ' + E(s, d + 2) + '; }}';
	case 1: return '{toString: function () { ' + body + '; return ' + pick(['"p"', '"q"', '"1"']) + '; }}';
	case 2: return '{get p() { ' + body + '; return ' + E(s, d + 2) + '; }, q: 1}';
	default: return '{set p(u) { ' + t + ' = u; }, p2: ' + E(s, d + 2) + '}';
	}
}
/* `x OP f()` where f writes x: the left operand's read order shows */
function targeted(s, d) {
	var vis = visible(s), own = fnScope(s).binds;
	if (chance(0.8)) vis = vis.filter(function (b) { return own.indexOf(b) >= 0; });
	var fs = visibleFns(s).filter(function (f) {
		return f.writes && f.writes.some(function (b) { return vis.indexOf(b) >= 0; });
	});
	if (!fs.length) return null;
	var f = pick(fs), b = pick(f.writes.filter(function (b) { return vis.indexOf(b) >= 0; }));
	var args = [], i, n = int(0, f.arity);
	for (i = 0; i < n; i++) args.push(E(s, d + 2));
	var c = f.name + '(' + args.join(', ') + ')';
	if (chance(0.2)) c = '(' + E(s, d + 2) + ', ' + c + ')';
	if (chance(0.2)) c = '[' + c + ']';
	var op = pick(BINOPS);
	if (op === 'in') return '(' + b.name + ' in {p: ' + c + '})';
	if (op === 'instanceof') return '(' + b.name + ' instanceof (' + c + ', Object))';
	if (chance(0.1)) return '(' + b.name + ' ' + pick(ASSIGNOPS) + ' ' + c + ')';
	return '(' + b.name + ' ' + op + ' ' + c + ')';
}
function E(s, d) {
	d = d || 0;
	var r = rnd(), t;
	if (d < 3 && r < 0.2 && (t = targeted(s, d))) return t;
	r = rnd();
	if (d > 3 || r < 0.22) {
		r = rnd();
		if (r < 0.4) return varRef(s);
		if (r < 0.7) return lit();
		if (r < 0.8) return call(s, d);
		/* a variable that may hold a closure by now (assigned one), called
		 * by name: `this` must stay undefined */
		if (r < 0.85) return varRef(s) + '(' + (chance(0.5) ? E(s, d + 1) : '') + ')';
		var fs = fnScope(s);
		if (r < 0.9 && fs.args && !fs.top) return 'arguments[' + int(0, 2) + ']';
		if (r < 0.93 && fs.args) return 'arguments.length';
		if (r < 0.96) return 'this' + pick(['.p', '.q', ' === undefined', ' === O']);
		/* instrumentation keeps every line where it was, and so do makers */
		if (r < 0.98) return 'new Error().lineNumber';
		return 'G';
	}
	r = rnd();
	if (r < 0.3) {
		var op = pick(BINOPS), l = chance(0.6) ? varRef(s) : E(s, d + 1);
		if (op === 'in') return '(' + pick(KEYS.concat([l])) + ' in ' + objExpr(s, d) + ')';
		if (op === 'instanceof') return '(' + l + ' instanceof ' + pick(['Object', 'Array', 'Function', 'C']) + ')';
		if (chance(0.1)) l = '(' + E(s, d + 1) + ', ' + l + ')';
		return '(' + l + ' ' + op + ' ' + (chance(0.4) ? call(s, d + 1) : E(s, d + 1)) + ')';
	}
	if (r < 0.45) return '(' + target(s, d) + ' ' + pick(ASSIGNOPS) + ' ' + E(s, d + 1) + ')';
	if (r < 0.55) return call(s, d);
	if (r < 0.62) return '(' + pick(['++', '--']) + target(s, d) + ')';
	if (r < 0.68) return '(' + target(s, d) + pick(['++', '--']) + ')';
	if (r < 0.74) return '(' + pick(['- ', '+ ', '!', '~', 'typeof ', 'void ']) + E(s, d + 1) + ')';
	if (r < 0.77) {
		var fsd = fnScope(s);
		if (!fsd.strict && chance(0.5)) return '(delete ' + varRef(s) + ')';
		return '(delete ' + baseRef(s) + '[' + pick(KEYS) + '])';
	}
	if (r < 0.81) return '(' + E(s, d + 1) + ' ? ' + E(s, d + 1) + ' : ' + E(s, d + 1) + ')';
	if (r < 0.85) return baseRef(s) + '[' + E(s, d + 1) + ']';
	if (r < 0.88) return '[' + E(s, d + 1) + ', ' + E(s, d + 1) + ']';
	if (r < 0.91) return '{p: ' + E(s, d + 1) + ', q: ' + E(s, d + 1) + '}';
	if (r < 0.95) return '(' + E(s, d + 1) + ' + ' + sideObj(s, d) + ')';
	if (r < 0.97) return '(' + E(s, d + 1) + ', ' + E(s, d + 1) + ')';
	return '(typeof ' + varRef(s) + ')';
}

/* ---- statements ---- */
function tabs(n) { return new Array(n + 1).join('\t'); }
/* st(ind, text): a numbered statement (left out when dropped) */
function st(ind, text) {
	var k = nstmt++;
	/* some programs leave semicolons out (ASI): the instrumented text must
	 * not join statements that the original keeps apart */
	if (asi && /;$/.test(text) && !/^(for|try|if \(B)/.test(text) && chance(0.6))
		text = text.slice(0, -1);
	return dropped[k] ? '' : tabs(ind) + text + '\n';
}
/* a compound statement's first line (the statement is numbered as a
 * whole: grp) */
function hd(ind, text) { return tabs(ind) + text + '\n'; }
/* a compound statement numbered k, left out as a whole when dropped */
function grp(k, text) { return dropped[k] ? '' : text; }
/* a simple statement, often inside its own try (errors are frequent; the
 * rest of the function then still runs) */
function sst(ind, text) {
	if (chance(0.6))
		text = 'try { ' + text + ' } catch (e) { P("x' + (++uid) + '", N(e)); }';
	return st(ind, text);
}
function trace(s) {
	var vs = visible(s).filter(function (b) { return !b.fn; }).slice(0, 6);
	return 'P("t' + (++uid) + '"' + vs.map(function (b) { return ', ' + b.name; }).join('') + ');';
}

function block(s, ind, n, ctx) {
	var out = '', i, t, wrap;
	for (i = 0; i < n; i++) {
		t = S(s, ind + 1, ctx);
		wrap = chance(0.7);   /* drawn even for a left-out statement: same sequence */
		if (!t)
			continue;   /* left out by the minimiser */
		if (/^\t*(function|var g)/.test(t) || /^\t*try /.test(t) || !wrap)
			out += t.replace(/^\t/gm, '');
		else
			out += tabs(ind) + 'try {\n' + t + tabs(ind) + '} catch (e) { P("y' + (++uid) + '", N(e)); }\n';
	}
	return out;
}
/* a value for a variable's first initializer: seldom throws */
function init(s) {
	var r = rnd();
	if (r < 0.3) return lit();
	if (r < 0.4) {
		/* a closure as a plain variable's value (then written, called) */
		var fs = visibleFns(s);
		if (fs.length) return pick(fs).name;
	}
	if (r < 0.5) return '{p: ' + lit() + ', q: ' + lit() + '}';
	if (r < 0.6) return '[' + lit() + ', ' + lit() + ']';
	if (r < 0.7) return sideObj(s, 1);
	return E(s);
}

/* a statement; ctx: { loops: [labels], inLoop, inSwitch, depth } */
function S(s, ind, ctx) {
	var r = rnd(), fs = fnScope(s), t, lab, w;
	if (ctx.depth > 1) r = r * 0.45;
	if (r < 0.1) return callStmt(s, ind);
	if (r < 0.13) {
		/* an expression statement of its own: a call of a variable, an
		 * update, `x OP f()` at the start of a statement */
		var tg = targeted(s, 0);
		var es = pick([E(s), tg ? tg.slice(1, -1) : E(s), call(s, 0), varRef(s) + '()', '(' + target(s, 0) + ')++',
			target(s, 0) + pick(['++', '--'])]);
		if (/^[{]|^function/.test(es)) es = '(' + es + ')';
		/* without semicolons, a statement starting with ( or [ continues the
		 * previous line (then perhaps as `--a(w)++`, an early error to
		 * ferryc: doc/parser.md); the instrumented text adding a ( at the
		 * start of a statement is what is tested */
		if (asi && /^[(\[]/.test(es)) es = 'void ' + es;
		return sst(ind, es + ';');
	}
	if (r < 0.2) return sst(ind, 'P("e' + (++uid) + '", ' + E(s) + ');');
	if (r < 0.27) return sst(ind, target(s, 0) + ' ' + pick(ASSIGNOPS) + ' ' + E(s) + ';');
	if (r < 0.32) return st(ind, trace(s));
	if (r < 0.36) {
		var nm = newName();
		addBind(fs, nm, 'var');
		return st(ind, 'var ' + nm + (chance(0.8) ? ' = ' + E(s) : '') + ';');
	}
	if (r < 0.4 && ctx.loops.length) {
		lab = pick(ctx.loops);
		return st(ind, 'if (' + E(s) + ') ' + pick(['break', 'continue']) + (lab && chance(0.6) ? ' ' + lab : '') + ';');
	}
	if (r < 0.42 && ctx.inSwitch) return st(ind, 'if (' + E(s) + ') break;');
	if (r < 0.45 && !fs.top) return st(ind, 'if (' + E(s) + ') return ' + E(s) + ';');
	if (r < 0.48) return st(ind, 'if (' + E(s) + ') throw ' + pick(['new Error("x")', 'new TypeError("y")', E(s)]) + ';');
	var sub = { loops: ctx.loops, inLoop: ctx.inLoop, inSwitch: ctx.inSwitch, depth: ctx.depth + 1 };
	var k = nstmt++;
	if (r < 0.54) {
		return grp(k, hd(ind, 'if (' + E(s) + ') {') + block(s, ind + 1, int(1, 3), sub) +
			(chance(0.5) ? tabs(ind) + '} else {\n' + block(s, ind + 1, int(1, 2), sub) : '') + tabs(ind) + '}\n');
	}
	if (r < 0.64) {
		/* a bounded loop with a private counter; maybe labelled */
		var i = 'i' + (++uid);
		lab = chance(0.4) ? 'L' + (++nlabel) : '';
		sub.loops = ctx.loops.concat([lab || '']);
		sub.inLoop = true;
		var head = lab ? lab + ': ' : '', kind = int(0, 3), o;
		if (kind < 3) addBind(fs, i, 'var').loop = true;
		if (kind === 0)
			o = head + 'for (var ' + i + ' = 0; ' + i + ' < ' + int(1, 3) + '; ' + i + '++) {';
		else if (kind === 1)
			o = 'var ' + i + ' = ' + int(1, 3) + '; ' + head + 'while (' + i + '-- > 0) {';
		else if (kind === 2)
			o = 'var ' + i + ' = ' + int(1, 3) + '; ' + head + 'do {';
		else {
			/* for-in over a small object into a variable closures may capture */
			w = writable(s);
			var tv = w.length && chance(0.6) ? pick(w).name : (chance(0.5) ? 'var ' : '') + newName();
			if (/^var /.test(tv)) addBind(fs, tv.slice(4), 'var');
			else if (chance(0.1) && !/^var /.test(tv)) {
				/* for (var x = e in o): the initializer runs first */
				addBind(fs, tv, 'var');
				tv = 'var ' + tv + ' = ' + E(s, 1);
			}
			o = head + 'for (' + tv + ' in ' + pick(['{p: 1, q: 2}', '[5, 6]', '{r: 0}', 'O']) + ') {' +
				' if (B()) break;';
			return grp(k, hd(ind, o) + block(s, ind + 1, int(1, 3), sub) + tabs(ind) + '}\n');
		}
		o += ' if (B()) break;';
		return grp(k, hd(ind, o) + block(s, ind + 1, int(1, 3), sub) + tabs(ind) + '}' +
			(kind === 2 ? ' while (' + i + '-- > 0);' : '') + '\n');
	}
	if (r < 0.7) {
		/* switch on a variable, case values that run code */
		sub.inSwitch = true;
		var sw = hd(ind, 'switch (' + (chance(0.7) ? varRef(s) : E(s)) + ') {'), nc = int(1, 3), j;
		for (j = 0; j < nc; j++) {
			sw += tabs(ind) + 'case ' + (chance(0.5) ? E(s) : lit()) + ':\n' + block(s, ind + 1, int(0, 2), sub);
			if (chance(0.6)) sw += tabs(ind + 1) + 'break;\n';
		}
		if (chance(0.4)) sw += tabs(ind) + 'default:\n' + block(s, ind + 1, int(0, 2), sub);
		return grp(k, sw + tabs(ind) + '}\n');
	}
	if (r < 0.8) {
		/* try/catch/finally; the catch parameter may be captured */
		var cs = new Scope(s, 'catch'), cn = chance(0.7) ? 'e' : newName();
		addBind(cs, cn, 'catch');
		var tc = hd(ind, 'try {') + block(s, ind + 1, int(1, 3), sub) + tabs(ind) + '} catch (' + cn + ') {\n' +
			st(ind + 1, 'P("c' + (++uid) + '", N(' + cn + '));') + block(cs, ind + 1, int(0, 3), sub);
		if (chance(0.4)) {
			/* a closure over the catch parameter (an environment per
			 * execution of the clause), kept or called at once */
			var cf = 'function () { return [' + cn + ', ' + cn + ' = ' + E(cs, 2) + ']; }';
			tc += st(ind + 1, eventLoop && chance(0.6) ? 'KEEP.push(' + cf + ');' : 'P("cc' + (++uid) + '", (' + cf + ')());');
		}
		if (chance(0.2)) {
			/* `var e = v` in catch (e) writes the catch parameter; the
			 * function gets a variable e (undefined) */
			tc += st(ind + 1, 'var ' + cn + ' = ' + E(cs) + ';');
			addBind(fs, cn, 'var');
		}
		if (chance(0.4)) tc += tabs(ind) + '} finally {\n' + block(s, ind + 1, int(1, 2), sub);
		return grp(k, tc + tabs(ind) + '}\n');
	}
	if (r < 0.88) return grp(k, fnDecl(s, ind, ctx));
	if (r < 0.93) return grp(k, fnExprStmt(s, ind, ctx));
	if (r < 0.95 && fs.depth < MAXD) {
		/* a function expression called where it is made */
		var ips = params(), self = chance(0.3) ? 'h' + (++uid) : '';
		var ib = fnBody(s, ind + 1, ips, { depth: fs.depth + 1, self: self });
		var iargs = [], ia;
		for (ia = int(0, 3); ia > 0; ia--) iargs.push(E(s, 1));
		return grp(k, hd(ind, 'P("i' + (++uid) + '", (function ' + self + '(' + ips.join(', ') + ') {') + ib.text +
			tabs(ind) + '})(' + iargs.join(', ') + '));\n');
	}
	if (r < 0.97) {
		/* a labelled block left by break */
		lab = 'B' + (++nlabel);
		return grp(k, hd(ind, lab + ': {') + block(s, ind + 1, int(0, 2), sub) +
			st(ind + 1, 'if (' + E(s) + ') break ' + lab + ';') + block(s, ind + 1, int(1, 2), sub) + tabs(ind) + '}\n');
	}
	return st(ind, trace(s));
}

/* P("rN", f(...)) for one of the closures callable here */
function callStmt(s, ind) {
	return visibleFns(s).length ? sst(ind, 'P("r' + (++uid) + '", ' + call(s, 0) + ');') : '';
}

/* a function's text: params, maybe "use strict", body; returns its scope */
function fnBody(parent, ind, params, opts) {
	var fs = new Scope(parent, 'fn'), out = '', nv, i;
	if (chance(0.15)) fs.strict = true;
	if (opts.strictOnly) fs.strict = true;
	/* `arguments` in a sloppy function with captured parameters often
	 * leaves its variables as written (doc/design.md): only some use it */
	fs.args = params.length > 0 && chance(0.3);
	fs.depth = opts.depth;
	fs.quiet = chance(0.35);
	params.forEach(function (p) { addBind(fs, p, 'param'); });
	if (opts.self) addBind(fs, opts.self, 'self');
	if (fs.strict && !parent.strict) out += tabs(ind) + '"use strict";\n';
	out += tabs(ind) + 'if (B()) return;\n';
	nv = int(0, 3);
	for (i = 0; i < nv; i++) {
		var nm = newName();
		addBind(fs, nm, 'var');
		out += st(ind, 'var ' + nm + ' = ' + init(fs) + ';');
	}
	/* writes to the enclosing functions' variables, the point of it all */
	var outer = writable(parent), pf = fnScope(parent);
	if (!pf.top && chance(0.7)) {
		var mine = outer.filter(function (b) { return pf.binds.indexOf(b) >= 0; });
		if (mine.length) outer = mine;
	}
	nv = outer.length ? int(1, 2) : 0;
	fs.writes = [];
	for (i = 0; i < nv; i++) {
		var owb = pick(outer), ow = owb.name;
		fs.writes.push(owb);
		out += sst(ind, pick([ow + ' = ' + E(fs, 2), ow + ' ' + pick(ASSIGNOPS) + ' ' + E(fs, 2), ow + '++', '--' + ow,
			ow + ' = ' + (++uid), ow + ' = ' + (++uid), ow + ' = ' + lit()]) + ';');
	}
	/* the inner functions come first (they may then be called below) */
	var ctx = { loops: [], inLoop: false, inSwitch: false, depth: 0 };
	var nf = opts.depth < 3 ? int(0, 2) : int(0, 1);
	if (opts.depth >= MAXD) nf = 0;
	for (i = 0; i < nf; i++) {
		var kf = nstmt++;
		out += grp(kf, chance(0.6) ? fnDecl(fs, ind, ctx) : fnExprStmt(fs, ind, ctx));
		if (chance(0.7)) out += callStmt(fs, ind);
		if (chance(0.25)) {
			/* the function object itself changed: own properties added,
			 * deleted, redefined (length, name and fileName are
			 * configurable in Duktape), attributes, extensibility */
			var fo = fs.fns[fs.fns.length - 1].name;
			out += sst(ind, pick([fo + '.k = ' + E(fs, 1) + ';', 'delete ' + fo + '.' + pick(['length', 'name', 'fileName']) + ';',
				'Object.defineProperty(' + fo + ', "' + pick(['length', 'name', 'k']) + '", {value: ' + lit() +
					', configurable: ' + pick(['true', 'false']) + ', enumerable: ' + pick(['true', 'false']) + '});',
				'Object.' + pick(['freeze', 'seal', 'preventExtensions']) + '(' + fo + ');',
				fo + '.prototype = ' + pick(['O', '{p: 1}', 'null', E(fs, 1)]) + ';']));
		}
		/* kept for a later turn (and snapshots in between) */
		if (eventLoop && fs.fns.length && chance(0.3))
			out += st(ind, pick(['KEEP.push(' + fs.fns[fs.fns.length - 1].name + ');',
				'KEEP.push(' + fs.fns[fs.fns.length - 1].name + '.bind(' + objExpr(fs, 1) + ', ' + lit() + '));',
				/* an object whose accessor or valueOf writes a captured variable */
				'KEEP.push((function (o) { return function () { return [o.p, o + 1, o.p = 5]; }; })(' + sideObj(fs, 1) + '));',
				/* a timer of its own: a closure pending across snapshots */
				'if (TIMERS++ < 12) setTimeout(function () { try { P("s' + (++uid) + '", ' + call(fs, 1) +
				'); } catch (e) { P("s!", N(e)); } }, 1);']));
	}
	out += block(fs, ind, int(1, 4), ctx);
	if (opts.rec && chance(0.5)) {
		/* a bounded recursive call: another activation, other environments,
		 * while the closures of this one stay live */
		var ra = [], ri;
		for (ri = int(0, params.length); ri > 0; ri--) ra.push(E(fs, 1));
		out += st(ind, 'if (DEPTH < 2) { DEPTH++; try { P("d' + (++uid) + '", ' + opts.rec + '(' + ra.join(', ') +
			')); } catch (e) { P("d!", N(e)); } DEPTH--; }');
	}
	if (fs.args && chance(0.5)) {
		/* arguments[k] written, value unused: the k-th parameter stays a
		 * variable, its environment copy re-synced after the write */
		out += sst(ind, 'arguments[' + int(0, 2) + '] ' + pick(['=', '+=', '-=']) + ' ' + E(fs, 1) + ';');
		if (chance(0.5)) out += st(ind, 'arguments[' + int(0, 2) + ']' + pick(['++', '--']) + ';');
	}
	if (fs.args && chance(0.3)) {
		/* unmaps the parameter: later arguments[k] writes no longer alias */
		out += st(ind, 'delete arguments[' + int(0, 2) + '];');
	}
	if (chance(0.6)) out += st(ind, trace(fs));
	out += st(ind, 'return ' + E(fs) + ';');
	return { scope: fs, text: out };
}
function params() {
	var n = int(0, 3), ps = [], i, p;
	for (i = 0; i < n; i++) {
		p = newName();
		if (ps.indexOf(p) < 0) ps.push(p);
	}
	return ps;
}
/* function name(...) {...}; in a block when ctx.depth > 0 (Duktape
 * accepts that in strict code too, and hoists it to the function) */
function fnDecl(s, ind, ctx) {
	var fs = fnScope(s);
	if (fs.depth >= MAXD) return st(ind, trace(s));
	var name = 'f' + (++uid), ps = params();
	var f = { name: name, arity: ps.length, done: false };
	addBind(fs, name, 'func').fn = f;
	fs.fns.push(f);
	var body = fnBody(s, ind + 1, ps, { depth: fs.depth + 1, rec: name });
	f.writes = body.scope.writes;
	f.done = true;
	return hd(ind, 'function ' + name + '(' + ps.join(', ') + ') {') + body.text + tabs(ind) + '}\n';
}
/* var name = function [self](...) {...}; the self name may be written */
function fnExprStmt(s, ind, ctx) {
	var fs = fnScope(s);
	if (fs.depth >= MAXD) return st(ind, trace(s));
	var name = 'g' + (++uid), ps = params(), self = chance(0.4) ? 'h' + (++uid) : '';
	var f = { name: name, arity: ps.length, done: false };
	addBind(fs, name, 'var').fn = f;
	fs.fns.push(f);
	var body = fnBody(s, ind + 1, ps, { depth: fs.depth + 1, self: self, rec: self || name });
	f.writes = body.scope.writes;
	f.done = true;
	return hd(ind, 'var ' + name + ' = function ' + self + '(' + ps.join(', ') + ') {') + body.text + tabs(ind) + '};\n';
}

/* ---- the program ---- */
var out = [];
out.push('// exprfuzz seed ' + SEED);
out.push('var BUDGET = 3000, LINES = 0;');
out.push('function B() { if (--BUDGET < 0) throw "budget"; return false; }');
out.push('function V(v, d) {');
out.push('\tif (v === undefined) return "u";');
out.push('\tif (v === null) return "null";');
out.push('\tvar t = typeof v;');
out.push('\tif (t === "number") return v === 0 && 1 / v < 0 ? "-0" : String(v);');
out.push('\tif (t === "string") return JSON.stringify(v);');
out.push('\tif (t === "boolean") return String(v);');
out.push('\tif (t === "function") return "fn:" + v.name + "/" + v.length + "/" + Object.getOwnPropertyNames(v).join("+") +');
out.push('\t\t(Object.isFrozen(v) ? "/F" : Object.isSealed(v) ? "/S" : Object.isExtensible(v) ? "" : "/X");');
out.push('\tif (v === G) return "G";');
out.push('\tif (v instanceof Error) return "E:" + v.name;');
out.push('\tif (d > 1) return "{..}";');
out.push('\tvar ks = Object.keys(v), r = [], i, p;');
out.push('\tfor (i = 0; i < ks.length && i < 6; i++) {');
out.push('\t\tp = Object.getOwnPropertyDescriptor(v, ks[i]);');
out.push('\t\tr.push(ks[i] + ":" + (p.get || p.set ? "acc" : V(p.value, (d || 0) + 1)));');
out.push('\t}');
out.push('\treturn (Array.isArray(v) ? "[" : "{") + r.join(",") + (Array.isArray(v) ? "]" : "}");');
out.push('}');
out.push('function N(e) { return e instanceof Error ? e.name : V(e); }');
/* a caught error used as a value turns into a string: without its message
 * (engine text; instrumentation may change it, e.g. a write to a strict
 * function expression's own name fails as `not extensible` instead of `not
 * writable` once the function is non-extensible: seed 164414) */
out.push('Error.prototype.toString = function () { return this.name; };');
out.push('function P() {');
out.push('\tif (++LINES > 400) return;');
out.push('\tvar a = [], i;');
out.push('\tfor (i = 0; i < arguments.length; i++) a.push(V(arguments[i]));');
out.push('\tconsole.log(a.join(" "));');
out.push('}');
out.push('var G = this, O = {p: 1, q: "s", r: [1]};');
out.push('function C() { this.p = 1; }');

var top = new Scope(null, 'fn');
top.top = true;
top.depth = 0;
top.strict = chance(0.1);
if (top.strict) out.unshift('"use strict";');
addBind(top, 'GA', 'var').global = true;
addBind(top, 'GB', 'var').global = true;
out.push('var GA = 1, GB = {p: 2};');
var ntests = int(2, 3), k;
/* event-loop programs run each test in its own turn and call the kept
 * closures in two more turns: tests/exprfuzz.sh snapshots and resumes
 * them after every turn */
var eventLoop = chance(0.5);
out.push('var KEEP = [], TIMERS = 0, DEPTH = 0;');
function later(code) { return eventLoop ? 'setTimeout(function () { ' + code + ' }, 1);' : code; }
if (chance(0.4)) {
	/* program-level code: globals, declarations tagged at the program's
	 * start, function expressions tagged by the native Pt, catch clauses
	 * whose captured parameter is an environment of the program level */
	out.push('try {');
	out.push(block(top, 1, int(1, 4), { loops: [], inLoop: false, inSwitch: false, depth: 0 }).replace(/\n$/, ''));
	out.push('} catch (e) { P("top!", N(e)); }');
}
for (k = 0; k < ntests; k++) {
	var kt = nstmt++;   /* a whole test, left out first by the minimiser */
	var ps = params();
	var body = fnBody(top, 1, ps, { depth: 1 });
	var args = [], j, na = int(0, 3);
	for (j = 0; j < na; j++) args.push(lit());
	var call_ = later('try { P("T' + k + '", ' + (chance(0.3) ? 'T' + k + '.call(O' + (na ? ', ' : '') : 'T' + k + '(') +
		args.join(', ') + ')); } catch (e) { P("T' + k + '!", N(e)); }');
	if (dropped[kt])
		continue;
	out.push('function T' + k + '(' + ps.join(', ') + ') {');
	out.push(body.text.replace(/\n$/, ''));
	out.push('}');
	out.push(call_);
}
if (eventLoop) {
	out.push('function K(r) { for (var i = 0; i < KEEP.length; i++) try { P("K" + r + "." + i, KEEP[i]()); } catch (e) { P("K!", N(e)); } }');
	out.push(later('K(1);'));
	out.push(later('K(2); console.log("end " + (BUDGET < 0));'));
	out.push('// exprfuzz: event loop');
} else {
	out.push('console.log("end " + (BUDGET < 0));');
}
out.push('// exprfuzz: statements ' + nstmt);
print(out.join('\n'));
