// Micro-benchmark of the code shapes an instrumentation could emit, on the
// device's own Duktape: the figures behind doc/design.md's constraints.
// Prints one markdown table row per case: ns per iteration and the ratio to a
// plain leaf call. Run by `make bench-patterns` (plain build, no instrumentation).
var N = (typeof process !== "undefined" && process.argv.indexOf("--quick") >= 0) ? 200000 : 2000000;

function leaf(a) { return a + 1; }
function withClosure(a) { var f = function () { return a; }; return a + 1; }
function callsClosure(a) { var f = function () { return a; }; return f() + 1; }
function record(a) { var r = { fn: leaf, env: { a: a } }; return a + 1; }
function unusedInner(a) { if (a < 0) { return function () { return a; }; } return a + 1; }
function scopeObj(a) { var e = { a: a }; e.a = e.a + 1; return e.a; }
function thisCheck(a) { if (this === leaf) return 0; return a + 1; }
function hasTry(a) { try { return a + 1; } catch (e) { return 0; } }
var frames = [];
function frameRecord(a) { frames.push({ f: frameRecord, a: a }); var r = a + 1; frames.pop(); return r; }
var env = { x: 0 };
function viaEnv(a) { env.x = env.x + a; return env.x; }
var counter = 0;
function viaGlobal(a) { counter = counter + a; return counter; }

function time(fn) {
	var best = Infinity;
	for (var rep = 0; rep < 3; rep++) {
		var t0 = Date.now(), s = 0;
		for (var i = 0; i < N; i++) s = fn(i);
		var dt = Date.now() - t0;
		if (dt < best) best = dt;
	}
	return best * 1e6 / N;
}

var cases = [
	["leaf call (reference)", leaf],
	["callee creates an inner closure", withClosure],
	["... and calls it", callsClosure],
	["callee allocates a {fn, env} record", record],
	["callee has an inner function it does not create", unusedInner],
	["callee works through a scope object", scopeObj],
	["extra `this ===` check", thisCheck],
	["callee has try/catch", hasTry],
	["push/pop a frame record per call", frameRecord],
	["state in a long-lived env object", viaEnv],
	["state in a global", viaGlobal]
];
var base = time(leaf);
console.log("| case | ns/iteration | ratio to leaf call |");
console.log("|---|---:|---:|");
for (var k = 0; k < cases.length; k++) {
	var ns = k === 0 ? base : time(cases[k][1]);
	console.log("| " + cases[k][0] + " | " + ns.toFixed(0) + " | " + (ns / base).toFixed(2) + "x |");
}
