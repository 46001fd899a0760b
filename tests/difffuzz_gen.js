/*
 * tests/difffuzz_gen.js -- the differential fuzzer's program generator (H19).
 * Plain ES5, run by tests/duk_run: with `var SEED = N;` (and optionally
 * `var DROP = [...]`) and tests/fuzz_rand.js put in front of it, it prints
 * one terminating, deterministic ES5.1 program.
 * tests/difffuzz.sh runs that program plain, instrumented, and snapshotted /
 * resumed after every turn, and compares the outputs.
 *
 * A program is a set of "snippets" (each a piece of state kept in closures,
 * objects, prototypes, typed arrays, ... plus a step function that mutates
 * and reports it) driven by an event-loop plan of timeouts, intervals and
 * immediates. Every callback is one turn and prints the digest (__d: every
 * own property with its attributes, prototypes, -0, NaN, lone surrogates
 * escaped) of what the steps it calls return.
 *
 * Determinism under a real-time event loop (runtime/loop.c): the generator
 * simulates its own plan and only emits schedules whose order does not
 * depend on how fast the machine is:
 *   - every timeout/interval of a program has the same delay D, so timers
 *     fire in creation order (an interval's re-arm is a creation, after its
 *     callback: Node's timer list of duration D);
 *   - the main script schedules either timers or immediates, not both;
 *   - a timer callback may queue immediates only when no other timer is
 *     pending (its own new timers excepted: they cannot run in this phase);
 *   - an immediate may queue an immediate only when no timer is pending, and
 *     within one check phase immediates either queue immediates or timers.
 *
 * What is never generated, and why (Duktape quirks or engine-specific text
 * that instrumentation may legitimately change; see also
 * /work/notes/semantics-bugs.md):
 *   - e.stack, e.lineNumber, e.fileName: instrumented code is another text;
 *   - engine error *messages* are printed only by name (e.name): Duktape
 *     names the failing expression in them ("cannot read property 'f' of
 *     null"), and instrumentation may rewrite that expression;
 *   - Function.prototype.toString of program functions (instrumented source);
 *   - eval / with / new Function (dynamic scope: snapshots refuse by design);
 *   - timing: Date.now(), Math.random();
 *   - the known differences after a restore (doc/snapshot-format.md): an
 *     Error's own non-enumerable `stack` (the digest skips it), a subarray
 *     whose `buffer` was never read (the generator reads it);
 *   - snapshots refused by design (a closure of a function whose scope the
 *     instrumentation leaves dynamic) are generated: tests/difffuzz.sh
 *     accepts them when the refusing run goes on to the same output.
 */

/* ---- random numbers: rnd, int, chance, pick, shuffle (tests/fuzz_rand.js,
 * put in front of this file) ---- */
seedRandom(0x9e3779b9);

var uid = 0;
function fresh(base) { return (base || 'v') + (++uid); }

/* identifiers that make the scope analysis and the instrumentation work:
 * shadowing, names of Object.prototype members, __proto__, a $F name (ferryc
 * then picks another reserved prefix) */
var ODD_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '$F', '$F1x', '_', '$',
	'length', 'name', 'prototype', 'undefined_', 'NaN_', 'let_', 'of', 'get', 'set', 'static_'];
function vname() {
	if (chance(0.12))
		return pick(ODD_NAMES) + (chance(0.5) ? '' : '_' + (++uid));
	return fresh(pick(['a', 'b', 'c', 'x', 'n', 'k', 'acc', 'st', 'tmp']));
}

/* ---- literal values ---- */
var NUMS = ['0', '-0', '1', '-1', '0.5', '-1.5', '1e21', '1e-7', '2147483647', '2147483648', '4294967295',
	'4294967296', '9007199254740991', 'NaN', 'Infinity', '-Infinity', '0.1 + 0.2', '1/3', '-(0)', '5e-324',
	'1.7976931348623157e308', '0x7f', '255'];
var STRS = ['""', '"a"', '"\\ud800"', '"x\\udc00y"', '"\\ud83d\\ude00"', '"a\\u0000b"', '"\\u2028\\u2029"',
	'"__proto__"', '"constructor"', '"caf\\u00e9"', '"-0"', '"1e3"', '"4294967295"', '"07"', '" "',
	'"\\"q\\\\"', '"\\x7f\\t\\n"', '"\\ufeff"', '"hasOwnProperty"', '"10"'];
function num() { return pick(NUMS); }
function str() { return pick(STRS); }
function prim() {
	var r = rnd();
	if (r < 0.4) return num();
	if (r < 0.75) return str();
	return pick(['true', 'false', 'null', 'undefined', 'void 0']);
}
function value(d) {
	var r = rnd();
	d = d || 0;
	if (d > 2 || r < 0.5) return prim();
	if (r < 0.65) return '[' + list(int(0, 3), function () { return value(d + 1); }).join(', ') + ']';
	if (r < 0.8) {
		return '{' + list(int(0, 3), function () {
			return pick(['p', 'q', '"r s"', '0', '1', '"-1"', '"__x"', '"\\ud800"', '"01"', '3.5']) + ': ' + value(d + 1);
		}).join(', ') + '}';
	}
	if (r < 0.86) return '[' + value(d + 1) + ', , ' + value(d + 1) + ', ]';
	if (r < 0.9) return 'new Date(' + pick(['0', '1e12', '-1', '8.64e15', 'NaN', '1234567890123']) + ')';
	if (r < 0.94) return pick(['/a+b?/g', '/[\\ud800-\\udbff]/', '/x/gim', '/(\\d+)-(\\d+)/g', 'new RegExp("\\\\w", "g")']);
	return pick(['new Error("e")', 'new TypeError("t")', 'new RangeError("")', 'Object.create(null)',
		'new Uint8Array([1, 2, 255])', 'new Number(-0)', 'new String("ab")', 'new Boolean(false)']);
}
function list(n, f) { var a = [], i; for (i = 0; i < n; i++) a.push(f(i)); return a; }
/* an expression over some variables that cannot throw */
function mix(vars) {
	if (!vars.length || chance(0.2)) return prim();
	var v = pick(vars), w = pick(vars);
	switch (int(0, 8)) {
	case 0: return '(' + v + ' + ' + w + ')';
	case 1: return '(typeof ' + v + ' === "number" ? ' + v + ' * 2 : String(' + v + ').length)';
	case 2: return '[' + v + ', ' + w + ']';
	case 3: return '(' + v + ' === ' + w + ')';
	case 4: return '(' + v + ' ? ' + w + ' : ' + prim() + ')';
	case 5: return '((' + v + ' | 0) - ' + num() + ')';
	case 6: return '{k: ' + v + ', l: ' + w + '}';
	case 7: return '(' + w + ' + "" + ' + str() + ')';
	default: return v;
	}
}

/* ---- the program being built ---- */
var strictProgram = chance(0.15);
var out = [];
var steps = [];       /* names of step functions: step(t) returns a value */
function emit(s) { out.push(s); }
function useStrict(strict) { return strict ? '"use strict"; ' : ''; }

/* 1. nested closures 1-4 deep, capturing parameters, vars, catch parameters
 *    and named-function-expression names, mutated after capture */
function genNest(strict) {
	var depth = int(1, 4), name = fresh('s');
	var code = [], vis = [], i, ro = [];
	function level(d, indent) {
		var params = list(int(0, 2), function () { return vname(); }).filter(function (p, i, a) {
			return a.indexOf(p) === i;   /* duplicate parameters: a SyntaxError in strict code */
		});
		var nfe = chance(0.4) ? vname() : '';
		var vars = list(int(0, 2), function () { return vname(); });
		var lstrict = strict || chance(0.1);
		var pad = new Array(indent + 1).join('\t'), s = '';
		s += 'function ' + nfe + '(' + params.join(', ') + ') {' + (lstrict && !strict ? ' "use strict";' : '') + '\n';
		var mine = params.concat(vars);
		vars.forEach(function (v) { s += pad + '\tvar ' + v + ' = ' + mix(vis.concat(mine)) + ';\n'; });
		vis = vis.concat(mine);
		if (nfe) { vis.push(nfe); ro.push(nfe); }
		var catchName = '';
		if (chance(0.35)) {
			catchName = vname();
			s += pad + '\tvar got = [];\n';
			s += pad + '\ttry { throw ' + mix(vis) + '; } catch (' + catchName + ') {\n';
			vis.push(catchName);
		}
		var inner, visHere = vis.slice(), roHere = ro.slice();
		if (d + 1 < depth) {
			inner = level(d + 1, indent + (catchName ? 2 : 1));
			vis = visHere;   /* the inner level's names are not visible here */
			ro = roHere;
		} else {
			/* the leaf: reads everything, writes a few captured names */
			var leafPad = pad + (catchName ? '\t\t' : '\t');
			var ws = vis.filter(function (v) { return ro.indexOf(v) < 0; });
			inner = 'function (t) {' + (chance(0.2) ? ' "use strict";' : '') + '\n';
			list(int(0, 2), function () {
				if (!ws.length) return;
				var w = pick(ws);
				inner += leafPad + '\t' + pick([w + ' = ' + mix(vis) + ';', w + ' += t;', w + '++;', 'if (t & 1) ' + w + ' = [' + w + '];']) + '\n';
			});
			/* a write to an enclosing function expression's own name
			 * (ignored in sloppy code, a TypeError in strict code): such
			 * closures are refused by design (a maker would re-create the
			 * name as a plain variable) */
			if (ro.length && chance(0.1))
				inner += leafPad + '\t' + pick(ro) + ' = 7;\n';
			inner += leafPad + '\treturn [' + vis.map(function (v) {
				return 'typeof ' + v + ' === "function" ? "fn" : ' + v;
			}).join(', ') + '];\n' + leafPad + '}';
		}
		var ip = pad + (catchName ? '\t\t' : '\t');
		var innerVar = fresh('f');
		s += ip + 'var ' + innerVar + ' = ' + inner + ';\n';
		/* mutation after capture */
		var ws2 = mine.filter(function (v) { return ro.indexOf(v) < 0; });
		if (ws2.length && chance(0.7))
			s += ip + pick(ws2) + ' = ' + mix(vis) + ';\n';
		if (catchName && chance(0.5))
			s += ip + catchName + ' = ' + mix(vis) + ';\n';
		if (catchName) {
			s += ip + 'got.push(' + innerVar + ');\n' + pad + '\t}\n';
			s += pad + '\treturn got[0];\n';
		} else {
			s += ip + 'return ' + innerVar + ';\n';
		}
		s += pad + '}';
		level.args = params.length;
		return s;
	}
	var outer = level(0, 0);
	/* call the chain down to the leaf: level k returns level k+1 */
	var call = '(' + outer + ')';
	for (i = 0; i < depth; i++)
		call += '(' + list(int(0, 3), function () { return prim(); }).join(', ') + ')';
	code.push('var ' + name + ' = ' + call + ';');
	emit(code.join('\n'));
	steps.push(name);
}

/* 2. closures made in loops: one shared var, per-iteration IIFE copies,
 *    catch parameters (a fresh environment per iteration), for-in */
function genLoop(strict) {
	var name = fresh('s'), fs = fresh('fs'), i = vname(), n = int(1, 4), s = '';
	var form = int(0, 4), k = vname();
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar ' + fs + ' = [], ' + k + ' = ' + num() + ';\n';
	switch (form) {
	case 0:
		s += '\tfor (var ' + i + ' = 0; ' + i + ' < ' + n + '; ' + i + '++) ' + fs + '.push(function () { return [' + i + ', ' + k + ']; });\n';
		break;
	case 1:
		s += '\tfor (var ' + i + ' = 0; ' + i + ' < ' + n + '; ' + i + '++) (function (j) { var m = j * 2; ' + fs +
			'.push(function (t) { m += t; return [j, m, ' + i + ']; }); })(' + i + ');\n';
		break;
	case 2:
		s += '\tfor (var ' + i + ' = 0; ' + i + ' < ' + n + '; ' + i + '++) { try { throw ' + i + ' * 10; } catch (e) { ' +
			fs + '.push(function (t) { e = e + t; return e; }); } }\n';
		break;
	case 3:
		s += '\tvar o = ' + value(1) + ', ' + i + ';\n\tfor (' + i + ' in o) ' + fs + '.push(function () { return [' + i + ', typeof o[' + i + ']]; });\n';
		break;
	default:
		s += '\tvar ' + i + ' = ' + n + ';\n\twhile (' + i + '--) { ' + fs + '[' + fs + '.length] = (function (c) { return function (t) { return c.v += t; }; })({v: ' + i + '}); }\n';
	}
	s += '\treturn function (t) { ' + k + ' = t; var r = [], q; for (q = 0; q < ' + fs + '.length; q++) r.push(' + fs + '[q](t)); return r; };\n';
	s += '})();';
	emit(s);
	steps.push(name);
}

/* 3. shared environments: several closures over the same variables */
function genShared(strict) {
	var name = fresh('s'), c = vname(), h = vname(), s = '';
	s += 'var ' + name + ' = (function (' + c + ') {' + useStrict(strict) + '\n';
	s += '\tvar ' + h + ' = [];\n';
	s += '\tfunction inc(d) { ' + c + ' += d; ' + h + '.push(' + c + '); return ' + c + '; }\n';
	s += '\tvar api = { inc: inc, get: function () { return ' + c + '; }, reset: function () { var old = ' + h + '; ' +
		h + ' = []; return old; } };\n';
	if (chance(0.5))
		s += '\tapi.self = api; api.twin = { inc: inc };\n';
	s += '\treturn function (t) {\n';
	s += '\t\tswitch (t % 4) { case 0: api.inc(1); case 1: api.twin ? api.twin.inc(t) : api.inc(2); break; ' +
		'default: if (t > 5) return api.reset(); case 3: api.inc(-0.5); }\n';
	s += '\t\treturn [api.get(), ' + h + '.length, ' + c + '];\n';
	s += '\t};\n})(' + num() + ');';
	emit(s);
	steps.push(name);
}

/* 4. arguments: sloppy aliasing (both directions, fewer actual arguments
 *    than parameters, delete), strict functions, captured parameters */
function genArgs(strict) {
	var name = fresh('s'), a = vname(), b = vname(), s = '';
	var sloppy = !strict && chance(0.75);
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar keep = [];\n';
	s += '\tfunction f(' + a + ', ' + b + ') {' + (sloppy ? '' : (strict ? '' : ' "use strict";')) + '\n';
	if (lastActs && chance(0.12)) {
	lastActs.throwIt = pick(['new Error("the end " + __turn)', 'new RangeError("\\ud800 end")', '{ code: __turn }', '"a string"']);
	emit('// difffuzz: ends with an uncaught error');
}
var body = [];
	/* 5 and 6 leave the scope dynamic (arguments escapes): closures of f are
	 * then refused by design, so they are rarer */
	switch (chance(0.85) ? int(0, 4) : int(5, 6)) {
	case 0: body.push('arguments[0] = ' + num() + ';'); break;
	case 1: body.push(a + ' = ' + str() + ';'); break;
	case 2: body.push('arguments[1]++;'); break;
	case 3: body.push('delete arguments[0]; arguments[0] = 3;'); break;
	case 4: body.push('arguments.length = 1;'); break;
	case 5: body.push('var z = arguments; z[0] = "via alias";'); break;
	default: body.push('Array.prototype.push.call(arguments, 9);');
	}
	if (chance(0.6))
		body.push('keep.push(function () { return [' + a + ', ' + b + ', arguments.length]; });');
	if (chance(0.5))
		body.push('keep.push(function (t) { ' + a + ' = t; return arguments[0]; });');
	if (chance(0.3))
		body.push(b + ' = ' + num() + ';');
	body.push('return [' + a + ', ' + b + ', arguments.length, arguments[0], arguments[1], ' +
		'Object.prototype.toString.call(arguments)];');
	s += '\t\t' + shuffle(body.slice(0, body.length - 1)).concat(body[body.length - 1]).join('\n\t\t') + '\n\t}\n';
	s += '\tvar first = [f(' + prim() + '), f(), f(' + prim() + ', ' + prim() + ', ' + prim() + ')];\n';
	s += '\treturn function (t) { var r = [first]; first = null; for (var i = 0; i < keep.length; i++) r.push(keep[i](t)); ' +
		'r.push(f(t)); return r; };\n})();';
	emit(s);
	steps.push(name);
}

/* 5. `this` in every call form */
function genThis(strict) {
	var name = fresh('s'), s = '';
	var st = strict || chance(0.4);
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar G = (function () { return this; })() || {};\n';
	s += '\tfunction w(x) { return x === undefined ? "undef" : x === G ? "global" : x === null ? "null" : ' +
		'typeof x === "object" ? Object.prototype.toString.call(x) + ":" + (x.tag || x.valueOf()) : typeof x + ":" + x; }\n';
	s += '\tfunction m() {' + (st && !strict ? ' "use strict";' : '') + ' return w(this); }\n';
	s += '\tvar o = { tag: "o", m: m, get g() { return m.call(this); }, arrow: function () { var self = this; return function () { return [w(self), w(this)]; }; } };\n';
	s += '\tvar B = function () { this.tag = "B"; this.seen = m.call(this); };\n';
	s += '\tvar forms = [\n';
	s += '\t\tfunction () { return o.m(); }, function () { return (o.m)(); }, function () { return (0, o.m)(); },\n';
	s += '\t\tfunction () { return o["m"](); }, function () { return m(); }, function () { return m.call(' + prim() + '); },\n';
	s += '\t\tfunction () { return m.apply("str"); }, function () { return m.call(5); }, function () { return m.bind(o)(); },\n';
	s += '\t\tfunction () { return o.g; }, function () { return new B().seen; }, function () { return o.arrow()(); },\n';
	s += '\t\tfunction () { return [1].map(m, o)[0]; }, function () { return [1].map(m)[0]; }, function () { var q = o.m; return q(); }\n';
	s += '\t];\n';
	s += '\treturn function (t) { return [forms[t % forms.length](), forms[(t * 7 + ' + int(0, 14) + ') % forms.length]()]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 6. getters and setters keeping state in closures and in objects */
function genAccessors(strict) {
	var name = fresh('s'), v = vname(), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar ' + v + ' = ' + prim() + ', log = [];\n';
	s += '\tvar o = { get p() { log.push("get"); return ' + v + '; }, set p(x) { log.push("set"); ' + v + ' = x; }, ' +
		'get only() { return log.length; }, set wo(x) { this.wrote = x; } };\n';
	s += '\tObject.defineProperty(o, "q", { get: function () { return [' + v + ']; }, configurable: ' + pick(['true', 'false']) +
		', enumerable: ' + pick(['true', 'false']) + ' });\n';
	s += '\tvar c = Object.create(o); c.own = 1;\n';
	s += '\treturn function (t) { o.p = t; c.p = t + 1; c.wo = t; try { c.only = 5; } catch (e) { log.push(e.name); }\n';
	s += '\t\tif (t % 3 === 2) delete o.q; return [o.p, c.p, o.q, c.only, c.wrote, o.wrote, log.splice(0, 4), c]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 7. prototypes and constructors */
function genProto(strict) {
	var name = fresh('s'), C = fresh('C'), D = fresh('D'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tfunction ' + C + '(x) { this.x = x; this.arr = [x]; }\n';
	s += '\t' + C + '.prototype.get = function () { return this.x; };\n';
	s += '\t' + C + '.prototype.shared = [];\n';
	s += '\tfunction ' + D + '(x, y) { ' + C + '.call(this, x); this.y = y; }\n';
	s += '\t' + D + '.prototype = Object.create(' + C + '.prototype' +
		(chance(0.5) ? ', { constructor: { value: ' + D + ', writable: true, configurable: true } }' : '') + ');\n';
	s += '\t' + D + '.prototype.sum = function () { return this.x + this.y; };\n';
	s += '\tvar objs = [new ' + C + '(' + prim() + '), new ' + D + '(1, 2), Object.create(null), Object.create(' + D + '.prototype)];\n';
	s += '\tobjs[2].k = ' + prim() + ';\n';
	if (chance(0.4)) s += '\tvar P2 = { tag: "P2" }; var late = new ' + C + '(3); ' + C + '.prototype = P2; objs.push(late, new ' + C + '(4));\n';
	if (chance(0.4)) s += '\tobjs.push({ __proto__: objs[1], z: 1 });\n';
	s += '\treturn function (t) { objs[t % objs.length].x = t; ' + C + '.prototype.shared.push(t);\n';
	s += '\t\tvar r = []; for (var i = 0; i < objs.length; i++) { var o = objs[i]; r.push([o instanceof ' + C + ', o instanceof ' + D + ', ' +
		'typeof o.get === "function" ? o.get() : "-", typeof o.sum === "function" ? o.sum() : "-", o.constructor === ' + C + ']); }\n';
	s += '\t\tif (t === 3) ' + D + '.prototype.sum = function () { return "patched" + this.y; };\n';
	s += '\t\treturn [r, objs]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 8. arrays and objects: mutation, delete, holes, length, for-in order */
function genData(strict) {
	var name = fresh('s'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar a = ' + value(0).replace(/^[^\[].*$/, '[]') + ', o = {}, keys = [' + list(int(1, 5), function () {
		return pick(['"b"', '"a"', '"2"', '"10"', '"1"', '"-1"', '"01"', '"4294967294"', '"4294967295"', '"x y"', '""', '"\\ud800"']);
	}).join(', ') + '];\n';
	s += '\ta[' + pick(['5', '20', '100']) + '] = "far";\n';
	s += '\treturn function (t) {\n';
	s += '\t\tvar k = keys[t % keys.length]; if (k in o) delete o[k]; else o[k] = t;\n';
	s += '\t\tswitch (t % 5) { case 0: a.length = ' + int(0, 3) + '; break; case 1: a.push(t, ' + prim() + '); break; case 2: delete a[1]; break;\n';
	/* Duktape's sort picks random pivots: the comparator must order every
	 * two values that print differently (objects become strings first; a
	 * tie between 1 and "1", or 0 and -0, or a throw from String() of a
	 * null-prototype object made plain runs differ from each other) */
	s += '\t\tcase 3: a.splice(1, 1, "s", "t"); break; default: a.reverse();\n';
	s += '\t\t\tfor (var i = 0; i < a.length; i++) if (i in a && a[i] !== null && (typeof a[i] === "object" || typeof a[i] === "function")) a[i] = "o" + i;\n';
	s += '\t\t\tvar key = function (v) { return typeof v + (v === 0 && 1 / v < 0 ? "-0" : String(v)); };\n';
	s += '\t\t\ta.sort(function (x, y) { return key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0; }); }\n';
	s += '\t\tvar fi = []; for (var p in o) fi.push(p); var ai = []; for (var q in a) ai.push(q);\n';
	s += '\t\treturn [a, a.length, 1 in a, fi, ai, o, a.indexOf(t), a.join("|")]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 9. control flow: labels, switch, try/catch/finally, exceptions crossing
 *    closures, function declarations in blocks, hoisting */
function genControl(strict) {
	var name = fresh('s'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar trail = [];\n';
	s += '\tfunction thrower(v) { return function () { if (v % 2) throw { code: v, at: trail.length }; return v; }; }\n';
	s += '\tfunction lab(n) { var r = []; outer: for (var i = 0; i < n; i++) { inner: for (var j = 0; j < n; j++) {\n';
	s += '\t\tif (j === i) continue outer; if (i + j > ' + int(2, 5) + ') break outer; if (j > 2) break inner; r.push(i * 10 + j); } } return r; }\n';
	s += '\tfunction sw(x) { var r = ""; switch (x) { case 0: r += "zero"; default: r += "d"; case ' + num() + ': r += "num"; break; case "1": r += "str"; case trail.length: r += "len"; } return r; }\n';
	s += '\tfunction fin(x) { try { if (x > 2) throw new RangeError("big"); return "try" + x; } catch (e) { return e.name; } finally { trail.push(x); if (x === 4) return "fin"; } }\n';
	s += '\tfunction hoist() { var before = typeof late + typeof h; var late = 1; return before + typeof late + h(); function h() { return "h"; } }\n';
	if (!strict)
		s += '\tfunction blk(x) { if (x) { function bf() { return "then"; } } else { function bf() { return "else"; } } return typeof bf === "function" ? bf() : typeof bf; }\n';
	else
		s += '\tfunction blk(x) { return x ? "then" : "else"; }\n';
	s += '\tvar pending = [thrower(1), thrower(2), thrower(' + int(3, 9) + ')];\n';
	s += '\treturn function (t) {\n';
	s += '\t\tvar r = [lab(t % 6), sw(t % 3 === 1 ? "1" : t % 4), fin(t % 6), hoist(), blk(t & 1)];\n';
	s += '\t\ttry { pending.forEach(function (f) { r.push(f()); }); } catch (e) { r.push(e); pending.shift(); } finally { r.push(pending.length); }\n';
	s += '\t\tpending.push(thrower(t));\n';
	s += '\t\ttry { try { throw new Error("inner" + t); } finally { trail.push("f" + t); } } catch (e2) { r.push(e2.message); }\n';
	s += '\t\treturn [r, trail.slice(-4)]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 10. edge values: -0, NaN, lone surrogates, odd keys */
function genEdges(strict) {
	var name = fresh('s'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar z = -0, n = NaN, s = "\\ud800", s2 = "\\udfff\\ud800", big = 1e21, tiny = 5e-324;\n';
	s += '\tvar o = {}; o[s] = z; o[s2 + "k"] = n; o["\\u0000"] = s; o[-0] = "neg0 key"; o[1e21] = big; o["__proto__x"] = 1;\n';
	s += '\tvar arr = [z, n, s, s2, "\\ud83d", "\\ude00", "\\ud83d" + "\\ude00", tiny, -tiny, 0 / -1];\n';
	s += '\treturn function (t) { z = t % 2 ? -0 : 0; s += String.fromCharCode(0xd800 + t); n = n + t;\n';
	s += '\t\treturn [1 / z, Object.is ? Object.is(z, -0) : 1 / z < 0, n !== n, s.length, s.charCodeAt(s.length - 1), o, arr, ' +
		'arr.map(function (x) { return 1 / x; }), JSON.stringify(s2), String(-0), (-0).toFixed(1), [-0] + "", Math.round(-0.4)]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 11. property attributes, freeze/seal/preventExtensions */
function genAttrs(strict) {
	var name = fresh('s'), s = '';
	var st = strict || chance(0.5);
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar o = { a: 1, b: [2] };\n';
	s += '\tObject.defineProperty(o, "ro", { value: ' + prim() + ', writable: false, enumerable: ' + pick(['true', 'false']) + ', configurable: ' + pick(['true', 'false']) + ' });\n';
	s += '\tObject.defineProperty(o, "hid", { value: "h", writable: true, enumerable: false, configurable: true });\n';
	s += '\tvar f = ' + pick(['Object.freeze', 'Object.seal', 'Object.preventExtensions', 'function (x) { return x; }']) + '({ p: 1, q: { deep: 2 } });\n';
	s += '\tvar arr = ' + pick(['Object.freeze([1, 2])', 'Object.seal([1, , 3])', '[1, 2]']) + ';\n';
	s += '\tfunction tryit(fn) { try { return fn(); } catch (e) { return e.name; } }\n';
	s += '\treturn function (t) {' + (st && !strict ? ' "use strict";' : '') + '\n';
	s += '\t\tvar r = [tryit(function () { o.ro = t; return o.ro; }), tryit(function () { f.p = t; return f.p; }), ' +
		'tryit(function () { f.n = t; return f.n; }), tryit(function () { return delete f.p; }), tryit(function () { f.q.deep = t; return f.q.deep; }),\n';
	s += '\t\t\ttryit(function () { arr.push(t); return arr.length; }), tryit(function () { arr[0] = t; return arr[0]; }), tryit(function () { return delete o.ro; })];\n';
	s += '\t\tif (t === 2) Object.defineProperty(o, "hid", { enumerable: true });\n';
	s += '\t\tif (t === 4) Object.seal(o);\n';
	s += '\t\treturn [r, o, f, arr, Object.keys(o), Object.isFrozen(f), Object.isSealed(o)]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 12. bound functions */
function genBound(strict) {
	var name = fresh('s'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar count = 0;\n';
	s += '\tfunction f(a, b, c) { count++; return [this && this.tag, a, b, c, arguments.length, count]; }\n';
	s += '\tfunction K(a, b) { this.a = a; this.b = b; }\n';
	s += '\tvar b1 = f.bind({ tag: "t1" }, ' + prim() + '), b2 = b1.bind({ tag: "ignored" }, ' + prim() + ');\n';
	s += '\tvar BK = K.bind(null, "bk"), inst = new BK(' + prim() + ');\n';
	s += '\tvar meth = { tag: "m", b: f.bind(undefined) };\n';
	s += '\treturn function (t) { return [b1(t), b2(t, t), meth.b(t), new BK(t), inst instanceof K, inst instanceof BK, ' +
		'b1.length, b2.length, BK.length, typeof b1.prototype, b2.name, [b1, b2].map(function (g) { return g.call({ tag: "c" }, "x")[0]; })]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 13. Date, RegExp (lastIndex state across turns) and Error objects */
function genBuiltins(strict) {
	var name = fresh('s'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar d = new Date(' + pick(['0', '1e12', '1234567890123', 'Date.UTC(2020, 1, 29)']) + '), bad = new Date(NaN);\n';
	s += '\tvar re = ' + pick(['/(\\w)(\\d)?/g', '/a|b/g', '/[^x]/gi', '/\\s*(\\d+)/g']) + ', text = "a1b2 c3 x y4 77";\n';
	s += '\tvar sticky = /z/g; sticky.lastIndex = ' + int(0, 3) + '; sticky.extra = "prop";\n';
	s += '\tfunction MyErr(m) { this.message = m; this.code = 42; }\n';
	s += '\tMyErr.prototype = Object.create(Error.prototype); MyErr.prototype.name = "MyErr";\n';
	s += '\tvar errs = [new Error("plain"), new TypeError("type"), new MyErr("mine")]; errs[0].extra = [1];\n';
	s += '\treturn function (t) { d.setUTCHours(t, t * 7); var m = re.exec(text); if (!m) re.lastIndex = 0;\n';
	s += '\t\tvar e = errs[t % errs.length]; e.count = (e.count || 0) + 1;\n';
	s += '\t\treturn [d.getTime(), d.toISOString(), d.getUTCDay(), bad.getTime(), isNaN(bad), m && m.slice(), m && m.index, re.lastIndex, ' +
		're.source, re.global, sticky.lastIndex, sticky, String(e), e instanceof Error, e instanceof MyErr, e, ' +
		'Object.prototype.toString.call(e)]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 14. typed arrays: several views of one buffer (aliasing must survive) */
function genTyped(strict) {
	var name = fresh('s'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar buf = new ArrayBuffer(16), u8 = new Uint8Array(buf), i16 = new Int16Array(buf, 2, 3), f64 = new Float64Array(buf, 8, 1);\n';
	/* sub.buffer is read: a subarray whose buffer was never read is restored
	 * as a copy (doc/snapshot-format.md, known differences) */
	s += '\tvar sub = u8.subarray(4, 8), subbuf = sub.buffer, dv = new DataView(buf), lone = new Float32Array([' + num() + ', -0, NaN]);\n';
	s += '\tvar clamped = new Uint8ClampedArray([300, -5, 1.5]);\n';
	s += '\treturn function (t) { u8[t % 16] = t * 37; i16[t % 3] = -t * 1000; f64[0] += t / 3; sub[1] ^= 0xff; dv.setUint16(' + int(0, 14) + ', t * 257, t % 2 === 0);\n';
	s += '\t\tlone[t % 3] = t - 0.5; clamped[t % 3] = t * 100;\n';
	s += '\t\treturn [Array.prototype.slice.call(u8), Array.prototype.slice.call(i16), f64[0], Array.prototype.slice.call(sub), ' +
		'dv.getInt32(4, true), Array.prototype.slice.call(lone), Array.prototype.slice.call(clamped), u8.length, i16.byteOffset, sub.byteLength, buf.byteLength]; };\n})();';
	emit(s);
	steps.push(name);
}


/* 15. globals: global vars and functions captured and reassigned, implicit
 *     globals, accessors on the global object, patched and deleted built-ins */
function genGlobals(strict) {
	var name = fresh('s'), g = fresh('g'), gf = fresh('gf'), acc = fresh('gacc'), pm = fresh('pm'), s = '';
	s += 'var ' + g + ' = ' + value(1) + ';\n';
	s += 'function ' + gf + '(x) { return [typeof x, ' + g + ' === x]; }\n';
	s += 'var ' + name + ' = (function (G) {' + useStrict(strict) + '\n';
	s += '\tvar store = ' + prim() + ', seen = 0;\n';
	s += '\tObject.defineProperty(G, "' + acc + '", { get: function () { seen++; return store; }, set: function (v) { store = [v]; }, configurable: true });\n';
	switch (int(0, 3)) {
	case 0: s += '\tObject.defineProperty(Array.prototype, "' + pm + '", { value: function () { return this.length + seen; }, writable: true, configurable: true });\n'; break;
	case 1: s += '\tString.prototype.' + pm + ' = function () { return this.length; };\n'; break;
	case 2: s += '\tvar savedTrunc = Math.trunc; delete Math.trunc; Math.' + pm + ' = ' + num() + ';\n'; break;
	default: s += '\tObject.defineProperty(Object.prototype, "' + pm + '", { get: function () { return "inh:" + typeof this; }, configurable: true });\n';
	}
	if (!strict) s += '\t(function () { ' + fresh('impl') + ' = ' + prim() + '; })();\n';
	s += '\treturn function (t) { var old = ' + gf + ';\n';
	s += '\t\tif (t % 3 === 1) ' + gf + ' = function (x) { return ["replaced", x, old(x)]; };\n';
	s += '\t\t' + g + ' = t % 2 ? ' + g + ' : [' + g + '];\n';
	s += '\t\tG.' + acc + ' = t; var r = [G.' + acc + ', ' + gf + '(' + g + '), seen, typeof Math.trunc, typeof [].' + pm + ', typeof "".' + pm + ', Math.' + pm + ', ({}).' + pm + '];\n';
	s += '\t\tif (t === 5) delete G.' + acc + ';\n';
	s += '\t\treturn r; };\n})(__global);';
	emit(s);
	steps.push(name);
}

/* 16. for-in variables captured by closures, written from inside them */
function genForIn(strict) {
	var name = fresh('s'), k = vname(), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tfunction collect(o) { var fs = [], ' + k + ';\n';
	s += '\t\tfor (' + k + ' in o) { fs.push(function (t) { if (t & 1) ' + k + ' = ' + k + ' + "!"; return ' + k + '; }); if (fs.length > 3) break; }\n';
	s += '\t\t' + k + ' = ' + pick(['"after"', k + ' + "?"', 'undefined']) + '; return fs; }\n';
	s += '\tvar o = ' + value(1).replace(/^[^\[{].*$/, '{a: 1, b: 2}') + ', fs = collect(o), fs2 = collect([5, , 7]);\n';
	s += '\treturn function (t) { o["n" + t] = t; if (t % 4 === 3) fs = collect(o); return fs.concat(fs2).map(function (f) { return f(t); }); };\n})();';
	emit(s);
	steps.push(name);
}

/* 17. recursion building a tree of closures over parameters and vars */
function genRec(strict) {
	var name = fresh('s'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tfunction build(n, tag) { if (n <= 0) return function () { return tag; };\n';
	s += '\t\tvar l = build(n - 1, tag + "l"), r = build(n - 2, tag + "r"), c = n;\n';
	s += '\t\treturn function (t) { c += t; return [c, l(t), n > 2 ? r(t) : tag]; }; }\n';
	s += '\tvar root = build(' + int(1, 5) + ', "");\n';
	s += '\treturn function (t) { if (t % 5 === 4) root = build(t % 4, "n"); return root(t); };\n})();';
	emit(s);
	steps.push(name);
}

/* 18. function objects as state: own properties, replaced prototypes,
 *     frozen functions, statics */
function genFnProps(strict) {
	var name = fresh('s'), F = fresh('F'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tfunction ' + F + '(v) { ' + F + '.count = (' + F + '.count || 0) + 1; if (this instanceof ' + F + ') this.v = v; }\n';
	s += '\t' + F + '.meta = { made: 0 }; ' + F + '.prototype = { kind: "custom", twice: function () { return this.v * 2; } };\n';
	s += '\tvar g = function () { return g.hits = (g.hits || 0) + 1; };\n';
	s += '\tObject.defineProperty(g, "ro", { value: ' + prim() + ', enumerable: true });\n';
	s += '\tvar frozen = Object.freeze(function frozen() { return 1; });\n';
	s += '\tvar insts = [];\n';
	s += '\treturn function (t) { insts.push(new ' + F + '(t)); ' + F + '(t); g(); ' + F + '.meta.made = insts.length;\n';
	s += '\t\tif (t === 3) ' + F + '.prototype.extra = "late";\n';
	s += '\t\treturn [' + F + ', g, frozen, insts.map(function (i) { return [i.twice(), i.extra, i.constructor === Object]; })]; };\n})();';
	emit(s);
	steps.push(name);
}

/* 19. a module with private state, prototype methods closing over it, and
 *     objects referring to each other (cycles) */
function genModule(strict) {
	var name = fresh('s'), s = '';
	s += 'var ' + name + ' = (function () {' + useStrict(strict) + '\n';
	s += '\tvar registry = {}, nextId = ' + int(0, 9) + ';\n';
	s += '\tfunction Node(label) { this.id = nextId++; this.label = label; this.links = []; registry[this.id] = this; }\n';
	s += '\tNode.prototype.link = function (o) { this.links.push(o); o.links.push(this); return this; };\n';
	s += '\tNode.prototype.toString = function () { return "N" + this.id + ":" + this.label; };\n';
	s += '\tvar a = new Node(' + str() + '), b = new Node("b").link(a);\n';
	s += '\treturn function (t) { var n = new Node(t); n.link(t % 2 ? a : b);\n';
	s += '\t\tif (t % 3 === 0) delete registry[a.id];\n';
	s += '\t\tvar ids = []; for (var k in registry) ids.push(String(registry[k]) + "/" + registry[k].links.length);\n';
	s += '\t\treturn [ids, String(a), a.links.length, b.links[0] === a]; };\n})();';
	emit(s);
	steps.push(name);
}

var GENS = [genNest, genNest, genLoop, genShared, genArgs, genThis, genAccessors, genProto, genData, genControl,
	genEdges, genAttrs, genBound, genBuiltins, genTyped, genGlobals, genForIn, genRec, genFnProps, genModule,
	genNest, genLoop];

/* ---- the prelude: digest and print ---- */
emit('// difffuzz program, seed ' + SEED + ' (generated by tests/difffuzz_gen.js)');
if (strictProgram) emit('"use strict";');
emit([
'var __seen = [], __global = this;',
'function __s(s) {',
'\tvar r = "\\"", i, c;',
'\tfor (i = 0; i < s.length; i++) {',
'\t\tc = s.charCodeAt(i);',
'\t\tr += c < 32 || c > 126 || c === 34 || c === 92 ? "\\\\u" + (c + 0x10000).toString(16).slice(1) : s.charAt(i);',
'\t}',
'\treturn r + "\\"";',
'}',
'var __protos = [Object.prototype, "O", Array.prototype, "A", Function.prototype, "F", Date.prototype, "D", RegExp.prototype, "R",',
'\tError.prototype, "E", TypeError.prototype, "TE", RangeError.prototype, "RE", Number.prototype, "N", String.prototype, "S",',
'\tBoolean.prototype, "B", Uint8Array.prototype, "U8", null, "null"];',
'function __d(v, depth) {',
'\tvar t = typeof v, s, i, names, desc, p, k;',
'\tif (depth === undefined) { __seen = []; depth = 0; }',
'\tif (v === null) return "null";',
'\tif (t === "undefined") return "u";',
'\tif (t === "number") return v === 0 && 1 / v < 0 ? "-0" : String(v);',
'\tif (t === "boolean") return String(v);',
'\tif (t === "string") return __s(v);',
'\tif (t !== "object" && t !== "function") return t;',
'\ti = __seen.indexOf(v);',
'\tif (i >= 0) return "#" + i;',
'\t__seen.push(v);',
'\tif (depth > 4) return "{...}";',
'\ts = Object.prototype.toString.call(v).slice(8, -1);',
'\tif (t === "function") s += "(" + __s(String(v.name)) + "/" + v.length + ")";',
'\tif (v instanceof Date) s += "@" + v.getTime();',
'\tif (v instanceof RegExp) s += "=" + __s(String(v)) + "@" + v.lastIndex;',
'\tp = Object.getPrototypeOf(v);',
'\tk = __protos.indexOf(p);',
'\ts += "<" + (k >= 0 ? __protos[k + 1] : __d(p, depth + 1)) + ">";',
'\tif (!Object.isExtensible(v)) s += Object.isFrozen(v) ? "!F" : Object.isSealed(v) ? "!S" : "!X";',
'\tnames = Object.getOwnPropertyNames(v);',
'\ts += "{";',
'\tfor (i = 0; i < names.length && i < 40; i++) {',
'\t\tif (t === "function" && (names[i] === "fileName" || names[i] === "prototype" && depth > 0)) continue;',
'\t\tif (names[i] === "stack" && v instanceof Error) continue;   /* known: own after a restore */',
'\t\tdesc = Object.getOwnPropertyDescriptor(v, names[i]);',
'\t\ts += __s(names[i]) + (desc.enumerable ? "" : "~") + (desc.configurable ? "" : "^");',
'\t\tif (desc.get || desc.set) s += ":G" + (desc.get ? __d(desc.get, depth + 1) : "-") + "S" + (desc.set ? __d(desc.set, depth + 1) : "-") + ",";',
'\t\telse s += (desc.writable ? ":" : "=") + __d(desc.value, depth + 1) + ",";',
'\t}',
'\treturn s + "}";',
'}',
'function __p(tag, v) { console.log(tag + " " + __d(v)); }',
'function __run(tag, f, t) {',
'\ttry { __p(tag, f(t)); } catch (e) { __p(tag + " threw", e instanceof Error ? e.name : e); }',
'}'
].join('\n'));

/* ---- snippets ---- */
/* DROP (optional, put in front by the driver's minimiser): indices of
 * snippets left out of the output. Everything is generated as usual (the
 * random sequence, so the rest of the program, stays the same); dropped
 * snippets and their step calls are just not printed. */
var dropped = {}, snipOut = [];
if (typeof DROP !== 'undefined')
	DROP.forEach(function (i) { dropped[i] = true; });
var nsnip = int(2, 6), si;
out.push('// difffuzz: snippets ' + nsnip);
for (si = 0; si < nsnip; si++) {
	var at = out.length, before = steps.length;
	pick(GENS)(strictProgram);
	if (dropped[si]) {
		for (var oi = at; oi < out.length; oi++) out[oi] = '// (snippet ' + si + ' dropped)';
		steps.slice(before).forEach(function (st) { dropped[st] = true; });
	}
}
function live(st) { return !dropped[st]; }

/* ---- the event-loop plan (see the rules at the top) ---- */
var D = pick([1, 1, 2, 3]);
function delayText() {
	if (D === 1) return pick(['0', '1', '-1', 'undefined', '"x"', 'NaN', '0.5', '"1"']);
	return pick([String(D), '"' + D + '"', D + '.0']);
}
/* tasks: {id, kind: 'T'|'I'|'V', inv: [[actions]...], n (interval count)} */
var tasks = [], queueT = [], queueI = [], maxTurns = int(4, 24), turns = 0;
function newTask(kind) {
	var t = { id: tasks.length, kind: kind, inv: [], n: kind === 'V' ? int(2, 5) : 1, calls: 0, style: int(0, 5),
		args: kind === 'I' || chance(0.5) ? list(int(0, 2), function () {
			return chance(0.6) || !steps.length ? value(1) : pick(steps);
		}) : [] };
	tasks.push(t);
	return t;
}
/* actions of one invocation: what it calls and schedules */
function plan(task, ctx) {
	var acts = { steps: [], make: [], clear: [] }, k;
	var nsteps = int(1, 3);
	for (k = 0; k < nsteps && steps.length; k++) acts.steps.push(pick(steps));
	var budget = maxTurns - turns - queueT.length - queueI.length - (ctx.rearm ? 1 : 0);
	if (budget > 0) {
		/* new timers */
		var nt = budget > 2 ? int(0, 2) : int(0, 1);
		if (ctx.noTimers) nt = 0;
		for (k = 0; k < nt; k++) {
			var nk = chance(0.25) ? 'V' : 'T';
			var t = newTask(nk);
			acts.make.push(t);
			queueT.push(t);
			ctx.madeTimer = true;
		}
		/* immediates */
		if (ctx.mayImmediate(acts.make) && chance(0.4)) {
			var ni = int(1, 2);
			for (k = 0; k < ni; k++) {
				var it = newTask('I');
				acts.make.push(it);
				queueI.push(it);
				ctx.madeImm = true;
			}
		}
	}
	/* clear a pending timer (not one we just made) sometimes */
	if (chance(0.15)) {
		var cands = queueT.filter(function (x) { return acts.make.indexOf(x) < 0 && x !== task; });
		if (cands.length) {
			var c = pick(cands);
			acts.clear.push(c);
			queueT.splice(queueT.indexOf(c), 1);
		}
	}
	return acts;
}
var mainTask = { id: -1, kind: 'M', inv: [], n: 1, calls: 0 };
var lastActs = null;   /* the last turn of the run */
(function simulate() {
	var mainTimers = chance(0.7);
	var firstActs = plan(mainTask, {
		noTimers: !mainTimers,
		mayImmediate: function () { return !mainTimers; }
	});
	mainTask.inv.push(firstActs);
	/* make sure something is scheduled */
	if (!firstActs.make.length) {
		var t0 = newTask(mainTimers ? 'T' : 'I');
		firstActs.make.push(t0);
		(mainTimers ? queueT : queueI).push(t0);
	}
	var guard = 0;
	while ((queueT.length || queueI.length) && guard++ < 500) {
		var t, acts;
		if (queueI.length) {
			/* a check phase: the immediates queued now */
			var batch = queueI.splice(0, queueI.length);
			var st = { timer: false, imm: false };
			batch.forEach(function (it) {
				turns++;
				it.calls++;
				acts = plan(it, {
					noTimers: st.imm || turns >= maxTurns,
					mayImmediate: function () { return !st.timer && queueT.length === 0 && turns < maxTurns; }
				});
				if (acts.make.some(function (x) { return x.kind !== 'I'; })) st.timer = true;
				if (acts.make.some(function (x) { return x.kind === 'I'; })) st.imm = true;
				it.inv.push(acts);
				lastActs = acts;
			});
			continue;
		}
		/* a timer: the oldest */
		t = queueT.shift();
		turns++;
		t.calls++;
		var last = t.kind !== 'V' || t.calls >= t.n;
		acts = plan(t, {
			noTimers: turns >= maxTurns,
			rearm: !last,
			/* its own new timers and its re-arm cannot run in this phase */
			mayImmediate: function (own) {
				return queueT.every(function (x) { return own.indexOf(x) >= 0; }) && turns < maxTurns;
			}
		});
		if (!last) queueT.push(t);      /* re-armed after the call, behind its new timers */
		t.inv.push(acts);
		lastActs = acts;
		if (t.kind === 'V' && last) acts.clearSelf = true;
	}
})();

/* ---- emitting the plan ---- */
/* a task's callback: per-invocation action lists, chosen by a counter kept
 * in a closure (so the counter migrates) */
function emitSchedule(t, pad) {
	var cb = 'cb' + t.id, s = '', args = t.args.length ? ', ' + t.args.map(function (a) {
		return dropped[a] ? 'null' : a;
	}).join(', ') : '';
	if (t.kind === 'I')
		return pad + '__ids[' + t.id + '] = setImmediate(' + cb + args + ');\n';
	if (t.kind === 'V')
		return pad + '__ids[' + t.id + '] = setInterval(' + cb + ', ' + D + args + ');\n';
	s = pad + '__ids[' + t.id + '] = setTimeout(' + cb + ', ' + delayText() + args + ');\n';
	return s;
}
function emitActs(acts, pad, tag) {
	var s = '';
	acts.steps.filter(live).forEach(function (st) { s += pad + '__run("' + tag + ' ' + st + '", ' + st + ', __turn);\n'; });
	acts.make.forEach(function (t) { s += emitSchedule(t, pad); });
	acts.clear.forEach(function (t) {
		s += pad + (t.kind === 'I' ? 'clearImmediate' : pick(['clearTimeout', 'clearInterval'])) + '(__ids[' + t.id + ']);\n';
	});
	if (acts.clearSelf) s += pad + 'clearInterval(__ids[SELF]);\n';
	if (acts.throwIt) s += pad + 'throw ' + acts.throwIt + ';\n';
	return s;
}
var body = [];
body.push('var __ids = {}, __turn = 0;');
/* callbacks are declared before the main actions (hoisted or not) */
tasks.forEach(function (t) {
	var s = '', inv = '', i, cnt = fresh('cnt');
	for (i = 0; i < t.inv.length; i++) {
		inv += '\t\t' + (i ? 'else ' : '') + 'if (' + cnt + ' === ' + (i + 1) + ') {\n' +
			emitActs(t.inv[i], '\t\t\t', 'T' + t.id + '.' + (i + 1)).replace(/SELF/g, String(t.id)) + '\t\t}\n';
	}
	var argNames = t.args.map(function (a, j) { return 'arg' + j; });
	var fnBody = '\t\t__turn++; ' + cnt + '++;\n' +
		(argNames.length ? '\t\t__p("T' + t.id + ' args", [' + argNames.join(', ') + ']);\n' : '') + inv;
	switch (t.style) {
	case 0:   /* a closure from a factory, counter in its environment */
		s = 'var cb' + t.id + ' = (function () { var ' + cnt + ' = 0; return function (' + argNames.join(', ') + ') {\n' + fnBody + '\t}; })();';
		break;
	case 1:   /* a bound method, counter on the object */
		s = 'var cb' + t.id + ' = (function () { var box = { c: 0, run: function (' + argNames.join(', ') + ') { var ' + cnt + ' = ++this.c - 1;\n' +
			fnBody + '\t} }; return box.run.bind(box); })();';
		break;
	case 2:   /* a function declaration, counter global (hoisted use) */
		s = 'var ' + cnt + ' = 0;\nfunction cb' + t.id + '(' + argNames.join(', ') + ') {\n' + fnBody + '}';
		break;
	case 3:   /* a closure made in a loop */
		s = 'var cb' + t.id + ';\nfor (var __i' + t.id + ' = 0; __i' + t.id + ' < 2; __i' + t.id + '++) { (function (j) { var ' + cnt +
			' = 0; if (j === 1) cb' + t.id + ' = function (' + argNames.join(', ') + ') {\n' + fnBody + '\t}; })(__i' + t.id + '); }';
		break;
	default:   /* a named function expression, counter in a catch scope */
		s = 'var cb' + t.id + ';\ntry { throw 0; } catch (' + cnt + ') { cb' + t.id + ' = function named' + t.id + '(' + argNames.join(', ') + ') {\n' +
			fnBody + '\t}; }';
	}
	body.push(s);
});
body.push('__p("main", [' + steps.filter(live).join(', ') + ']);');
/* the exit status: process.exitCode, or an uncaught error in the last turn
 * (status 1, "Uncaught ..." on stderr, the same after any resume) */
if (chance(0.15)) body.push('process.exitCode = ' + int(0, 3) + ';');
body.push(emitActs(mainTask.inv[0], '', 'M'));
emit(body.join('\n'));
/* the main script's own first look at the state */
print(out.join('\n'));
