/*
 * tests/check_snapshot.c -- Check suite for the snapshot walker and restore
 * (runtime/snap*.c, restore*.c, builtins.c).
 *
 * Each round trip runs a small hand-instrumented program (doc/design.md:
 * `$Ft` tags, environment objects, makers) in heap A, snapshots it, encodes
 * and decodes the snapshot as JSON, restores it into a fresh heap B, and
 * compares a canonical description of the reachable graph (identity, kinds,
 * property order and attributes, prototypes, extensibility, class state) and
 * the behaviour of closures in both heaps.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/rt_core.h"

/* ---- the test program's site table and makers ---- */

#define PRELUDE \
	"$Ft(counter, 1, undefined); $Ft(add, 3, undefined); $Ft(mkargs, 5, undefined);\n" \
	"function mkargs() { return arguments; }\n" \
	"function counter(start) { var $Fe1 = {n: start}; return $Ft(function () { return ++$Fe1.n; }, 2, $Fe1); }\n" \
	"function add(a, b) { return a + b + (this && this.k || 0); }\n"
#define EVIL "$Ft(evil, 4, undefined); function evil(s) { return eval(s); }\n"

/* The maker unit, stored as ferryc stores it (runtime/ferry.h, ferry_makers):
 * the makers' own code is glue, a part starting with '@' is a function's
 * text found in the program text (PRELUDE). */
static const char *const maker_parts[] = {
	"function () { return {\n ",
	"1: function () { return [",
	"@function counter(start) { var $Fe1 = {n: start}; return $Ft(function () { return ++$Fe1.n; }, 2, $Fe1); }",
	"]; },", "\n ",
	"2: function ($Fe1) { return [", "@function () { return ++$Fe1.n; }", "]; },", "\n ",
	"3: function () { return [", "@function add(a, b) { return a + b + (this && this.k || 0); }",
	"]; },", "\n ",
	"5: function () { return [", "@function mkargs() { return arguments; }", "]; },",
	"\n}; }",
};
#define NPARTS (sizeof maker_parts / sizeof maker_parts[0])
static const char prog_text[] = PRELUDE;
static char maker_glue[512];
static uint32_t maker_pieces[2 * NPARTS];
static const uint32_t maker_first[] = { 0, NPARTS };
/* per maker: site, first piece, end piece, line breaks (a resume compiles
 * only the makers of the sites its snapshot has functions of) */
static uint32_t maker_sites[] = { 1, 1, 4, 0, 2, 5, 8, 0, 3, 9, 12, 0, 5, 13, 16, 0 };
static const uint32_t maker_site_first[] = { 0, 4 };

static const ferry_site sites[] = {
	{ 0, 0, "", 1, 1, 0, 0, 0, NULL, 0 },
	{ 1, 0, "counter", 2, 1, 1, FERRY_SITE_DECL | FERRY_SITE_HAS_ENV, 0, NULL, 0 },
	{ 2, 1, "", 2, 70, 0, 0, 1, NULL, 0 },
	{ 3, 0, "add", 3, 1, 2, FERRY_SITE_DECL, 0, NULL, 0 },
	{ 4, 0, "evil", 5, 1, 1, FERRY_SITE_DECL | FERRY_SITE_DYNAMIC, 0, NULL, 0 },
	{ 5, 0, "mkargs", 2, 1, 0, FERRY_SITE_DECL | FERRY_SITE_USES_ARGS, 0, NULL, 0 },
};

static ferry_program prog;

static void setup_prog(void)
{
	memset(&prog, 0, sizeof prog);
	prog.abi = FERRY_ABI_VERSION;
	prog.filename = "t.js";
	prog.instrumented = 1;
	prog.prefix = "$F";
	{
		size_t i, g = 0;
		for (i = 0; i < NPARTS; i++) {
			const char *t = maker_parts[i];
			if (*t == '@') {
				const char *at = strstr(prog_text, t + 1);
				ck_assert_ptr_nonnull(at);
				maker_pieces[2 * i] = (uint32_t)(at - prog_text);
				maker_pieces[2 * i + 1] = (uint32_t)strlen(t + 1);
			} else {
				ck_assert_uint_lt(g + strlen(t), sizeof maker_glue);
				memcpy(maker_glue + g, t, strlen(t));
				maker_pieces[2 * i] = FERRY_PIECE_GLUE | (uint32_t)g;
				maker_pieces[2 * i + 1] = (uint32_t)strlen(t);
				g += strlen(t);
			}
		}
		prog.makers.text = prog_text;
		prog.makers.text_len = sizeof prog_text - 1;
		prog.makers.glue = maker_glue;
		prog.makers.glue_len = g;
		prog.makers.pieces = maker_pieces;
		prog.makers.first = maker_first;
		prog.makers.site_pieces = maker_sites;
		prog.makers.site_first = maker_site_first;
		prog.makers.nunits = 1;
		maker_sites[2] = 4;   /* test_damaged_unit changes it */
	}
	prog.sites = sites;
	prog.nsites = sizeof sites / sizeof sites[0];
	memset(prog.hash, 0x5a, sizeof prog.hash);
}

/* ---- heaps ---- */

static rt_ctx *heap_new(void)
{
	char err[512];
	rt_ctx *rt = calloc(1, sizeof *rt);
	ck_assert_ptr_nonnull(rt);
	rt->prog = &prog;
	rt->opts.after_turns = -1;
	ck_assert_msg(rt_heap_open(rt, err, sizeof err) == 0, "heap: %s", err);
	ck_assert_msg(rt_snap_install(rt, err, sizeof err) == 0, "install: %s", err);
	return rt;
}

static void heap_free(rt_ctx *rt)
{
	rt_heap_close(rt);
	free(rt);
}

static void run(rt_ctx *rt, const char *code)
{
	duk_context *ctx = rt->ctx;
	duk_push_string(ctx, "t.js");
	if (duk_pcompile_string_filename(ctx, 0, code) != 0 || duk_pcall(ctx, 0) != 0)
		ck_abort_msg("program failed: %s", duk_safe_to_string(ctx, -1));
	duk_pop(ctx);
}

/* evaluate code, return its string value (malloc'ed) */
static char *eval_str(rt_ctx *rt, const char *code)
{
	duk_context *ctx = rt->ctx;
	char *s;
	if (duk_peval_string(ctx, code) != 0)
		ck_abort_msg("eval failed: %s\n%s", duk_safe_to_string(ctx, -1), code);
	s = strdup(duk_safe_to_string(ctx, -1));
	duk_pop(ctx);
	return s;
}

static int use_msgpack;   /* migrate through msgpack instead of JSON */

/* snapshot A -> JSON (or msgpack) -> model -> restore into a new heap */
static rt_ctx *migrate(rt_ctx *a, size_t *json_len)
{
	char err[512];
	wr_snapshot *s = NULL, *s2 = NULL;
	wr_buf buf = { 0 };
	wr_error we;
	wr_limits lim;
	rt_ctx *b;

	ck_assert_msg(rt_snapshot_take(a, &s, err, sizeof err) == 0, "snapshot: %s", err);
	wr_limits_default(&lim);
	if (use_msgpack) {
		ck_assert_msg(wr_msgpack_write(s, &buf, &we) == 0, "msgpack write: %s", we.msg);
		ck_assert_msg(wr_msgpack_read(buf.data, buf.len, &lim, &s2, &we) == 0, "msgpack read: %s", we.msg);
	} else {
		ck_assert_msg(wr_json_write(s, &buf, 0, &we) == 0, "json write: %s", we.msg);
		ck_assert_msg(wr_json_read(buf.data, buf.len, &lim, &s2, &we) == 0, "json read: %s", we.msg);
	}
	if (json_len)
		*json_len = buf.len;
	b = heap_new();
	ck_assert_msg(rt_restore(b, s2, err, sizeof err) == 0, "restore: %s", err);
	wr_snapshot_free(s);
	wr_snapshot_free(s2);
	wr_buf_free(&buf);
	return b;
}

/* A canonical description of everything reachable from the named roots.
 * Test code, evaluated after the snapshot in A and after restore in B. */
static const char describe_js[] =
	"(function (names) {\n"
	"var ids = [], q = [], syms = [], out = [];\n"
	"var bl = [[Object.prototype,'OP'],[Array.prototype,'AP'],[Function.prototype,'FP'],\n"
	" [Date.prototype,'DP'],[RegExp.prototype,'RP'],[Error.prototype,'EP'],[TypeError.prototype,'TEP'],\n"
	" [Boolean.prototype,'BP'],[Number.prototype,'NP'],[String.prototype,'SP'],[Symbol.prototype,'SyP'],\n"
	" [ArrayBuffer.prototype,'ABP'],[Uint8Array.prototype,'U8P'],[Float64Array.prototype,'F64P'],\n"
	" [Int16Array.prototype,'I16P'],[DataView.prototype,'DVP'],[Buffer.prototype,'BufP'],[Math,'Math'],\n"
	" [JSON,'JSON'],[Math.floor,'Math.floor'],[print,'print'],[console.log,'console.log'],\n"
	" [Object.getPrototypeOf(Int8Array.prototype),'TAP'],[this,'global']];\n"
	"function str(s) { var r = '\"'; for (var i = 0; i < s.length; i++) { var c = s.charCodeAt(i);\n"
	"  r += (c < 32 || c > 126) ? '\\\\u' + (0x10000 + c).toString(16).slice(1) : s.charAt(i); } return r + '\"'; }\n"
	"function ref(v) {\n"
	" if (v === null) return 'null'; var t = typeof v;\n"
	" if (t === 'undefined') return 'undef';\n"
	" if (t === 'number') return (v === 0 && 1 / v < 0) ? '-0' : String(v);\n"
	" if (t === 'string') return str(v);\n"
	" if (t === 'boolean') return String(v);\n"
	" if (t === 'symbol') { var k = Symbol.keyFor(v); if (k !== undefined) return 'gsym(' + k + ')';\n"
	"  var si = syms.indexOf(v); if (si < 0) { si = syms.length; syms.push(v); } return 'sym#' + si + String(v); }\n"
	" for (var j = 0; j < bl.length; j++) if (bl[j][0] === v) return '@' + bl[j][1];\n"
	" var i = ids.indexOf(v); if (i < 0) { i = ids.length; ids.push(v); q.push(v); } return '#' + i;\n"
	"}\n"
	"for (var n = 0; n < names.length; n++) out.push(names[n] + '=' + ref(this[names[n]]));\n"
	"while (q.length) {\n"
	" var o = q.shift(), cls = Object.prototype.toString.call(o);\n"
	" var line = ref(o) + ' ' + cls + ' ' + typeof o + ' ext=' + Object.isExtensible(o) +\n"
	"  ' frozen=' + Object.isFrozen(o) + ' proto=' + ref(Object.getPrototypeOf(o));\n"
	" var keys = Object.getOwnPropertyNames(o).concat(Object.getOwnPropertySymbols(o));\n"
	" for (var k = 0; k < keys.length; k++) { var key = keys[k];\n"
	"  if (key === 'stack' && cls === '[object Error]') continue;\n"
	"  if (typeof o === 'function' && (key === 'fileName')) continue;\n"
	"  var d = Object.getOwnPropertyDescriptor(o, key);\n"
	"  line += ' ' + (typeof key === 'symbol' ? ref(key) : str(key)) + ':' + (d.writable ? 'w' : '') +\n"
	"   (d.enumerable ? 'e' : '') + (d.configurable ? 'c' : '') + '=' +\n"
	"   ('value' in d ? ref(d.value) : 'get ' + ref(d.get) + ' set ' + ref(d.set)); }\n"
	" if (cls === '[object Date]') line += ' time=' + o.getTime();\n"
	" if (cls === '[object RegExp]') line += ' re=' + str(o.source) + '/' + o.flags;\n"
	" if (cls === '[object Error]') line += ' stack=' + str(String(o.stack));\n"
	" if (cls === '[object Boolean]' || cls === '[object Number]' || cls === '[object String]')\n"
	"  line += ' prim=' + ref(o.valueOf());\n"
	" if (cls === '[object Symbol]') line += ' prim=' + ref(Symbol.prototype.valueOf.call(o));\n"
	" if (cls === '[object ArrayBuffer]') line += ' bytes=' + Array.prototype.join.call(new Uint8Array(o));\n"
	" if (/Array\\]$/.test(cls) && cls !== '[object Array]' || cls === '[object DataView]')\n"
	"  line += ' buf=' + ref(o.buffer) + ' off=' + o.byteOffset + ' len=' + o.byteLength;\n"
	" out.push(line);\n"
	"}\n"
	"return out.join('\\n');\n"
	"})";

static void same_description(rt_ctx *a, rt_ctx *b, const char *names)
{
	char code[sizeof describe_js + 512];
	char *da, *db;
	snprintf(code, sizeof code, "%s.call(this, %s)", describe_js, names);
	da = eval_str(a, code);
	db = eval_str(b, code);
	if (strcmp(da, db) != 0) {
		/* report the first line that differs (Check messages are short) */
		size_t i = 0, ls = 0;
		while (da[i] && da[i] == db[i]) {
			if (da[i] == '\n')
				ls = i + 1;
			i++;
		}
		ck_abort_msg("descriptions differ at:\n  before: %.300s\n  after:  %.300s", da + ls, db + ls);
	}
	free(da);
	free(db);
}

/* restoring s into a fresh heap fails with one line holding needle */
static void restore_refused(wr_snapshot *s, const char *needle)
{
	rt_ctx *b = heap_new();
	char err[512];
	ck_assert_int_eq(rt_restore(b, s, err, sizeof err), -1);
	ck_assert_msg(strstr(err, needle) != NULL, "%s", err);
	ck_assert(strchr(err, '\n') == NULL);
	heap_free(b);
}

static void same_result(rt_ctx *a, rt_ctx *b, const char *expr)
{
	char *ra = eval_str(a, expr), *rb = eval_str(b, expr);
	ck_assert_msg(strcmp(ra, rb) == 0, "%s: %s before, %s after", expr, ra, rb);
	free(ra);
	free(rb);
}

/* ---- round trips ---- */

START_TEST(test_data_kinds)
{
	rt_ctx *a = heap_new(), *b;
	run(a, PRELUDE
	    "var a = {x: 1, y: 's\\ud800t\\udc00', z: [1,,3], n: -0, u: undefined, nn: null, nan: NaN,\n"
	    "  inf: -Infinity, big: 1.7976931348623157e308, tiny: 5e-324, frac: 0.1 + 0.2};\n"
	    "a.self = a; a['key with space'] = 'v'; a[7] = 'seven'; a.__proto__x = 1;\n"
	    "var d = new Date(12345), bad = new Date(NaN);\n"
	    "var r = /ab+c/gim; r.lastIndex = 2;\n"
	    "var e = new TypeError('bad'); e.extra = 1;\n"
	    "var b = new Boolean(false), num = new Number(-0), str = new String('hi'); str.more = 1;\n"
	    "var sym = Symbol('q'), sym2 = Symbol(), sym3 = Symbol(''), gs = Symbol.for('g');\n"
	    "var o2 = {}; o2[sym] = 1; o2[Symbol.iterator] = gs; o2.s = [sym, sym, sym2, sym3];\n"
	    "var bsym = Object(sym);\n"
	    "var ab = new ArrayBuffer(8); var u8 = new Uint8Array(ab, 2, 4); u8[0] = 7;\n"
	    "var dv = new DataView(ab, 1, 3); var i16 = new Int16Array(ab, 4, 2); i16[1] = -2;\n"
	    "var f64 = new Float64Array([1.5, -0, NaN]); var buf = new Buffer(3); buf[1] = 200;\n"
	    "Object.defineProperty(a, 'ro', {value: 5, writable: false, enumerable: false});\n"
	    "Object.defineProperty(a, 'acc', {get: Math.floor, set: undefined, enumerable: true, configurable: true});\n"
	    "var fr = Object.freeze({k: 1, in: {m: 2}}), se = Object.seal([1, 2]), ne = Object.preventExtensions({p: 1});\n"
	    "var m = Math, fl = Math.floor, glob = this, lg = console.log;\n"
	    "var arr = [1, 2, 3]; arr.length = 5; arr.prop = 'x';\n"
	    "var fixed = [1]; Object.defineProperty(fixed, 'length', {writable: false});\n"
	    "var cnull = Object.create(null); cnull.q = 1; cnull.__proto__ = 5;\n"
	    "var child = Object.create(a); child.own = 2;\n"
	    "var args = mkargs(1, 'two');\n"
	    "var big = [], bigacc = [], bigro = [];\n"
	    "for (var i = 0; i < 40; i++) { big[i] = i * 1.5; bigacc[i] = i; bigro[i] = 'r' + i; }\n"
	    "delete big[7]; big.push('s', {o: 1}); big.length = 50;\n"
	    "Object.defineProperty(bigacc, 3, {get: add, enumerable: true, configurable: true});\n"
	    "Object.defineProperty(bigro, 5, {writable: false});\n"
	    "var sm = [1, , 3, 4], smacc = [1, 2, 3], smro = [5, 6, 7], smx = [1, 2, 3]; smx[9] = 'far';\n"
	    "Object.defineProperty(smacc, 1, {get: add, enumerable: true, configurable: true});\n"
	    "Object.defineProperty(smro, 2, {writable: false}); smx.extra = true;\n");
	b = migrate(a, NULL);
	same_description(a, b, "['a','d','bad','r','e','b','num','str','sym','sym2','sym3','gs','o2','bsym',"
	                 "'ab','u8','dv','i16','f64','buf','fr','se','ne','m','fl','glob','lg','arr','fixed',"
	                 "'cnull','child','args','big','bigacc','bigro','sm','smacc','smro','smx']");
	same_result(a, b, "a.y.length + ',' + a.y.charCodeAt(1) + ',' + a.y.charCodeAt(3)");
	same_result(a, b, "String(r.exec('xxabbbc')) + r.lastIndex");
	same_result(a, b, "u8[0] + ',' + dv.getUint8(1) + ',' + i16[1] + ',' + buf[1] + ',' + Buffer.isBuffer(buf)");
	same_result(a, b, "(a.ro = 9, a.ro) + ',' + (delete fr.k) + ',' + Object.isSealed(se) + ',' + (arr.length)");
	same_result(a, b, "args.length + ',' + args[1] + ',' + Object.prototype.toString.call(args)");
	same_result(a, b, "e.message + ',' + e.name + ',' + (e instanceof TypeError) + ',' + String(e)");
	heap_free(a);
	heap_free(b);
}
END_TEST

START_TEST(test_closures)
{
	rt_ctx *a = heap_new(), *b;
	run(a, PRELUDE
	    "var c = counter(5); c(); var c2 = c; var d = counter(100);\n"
	    "var holder = {fns: [c, d, add], k: 3};\n"
	    "add.extra = 'prop'; c.tag = 1;\n"
	    "var bound = add.bind(holder, 10); var bb = bound.bind(null, 20);\n"
	    "var Ctor = counter; Ctor.prototype.shared = 'yes';\n");
	b = migrate(a, NULL);
	same_description(a, b, "['c','c2','d','holder','add','bound','bb','counter']");
	same_result(a, b, "c() + ',' + c() + ',' + d() + ',' + c2() + ',' + (c === c2)");
	same_result(a, b, "bound(1) + ',' + bb() + ',' + add.call(holder, 1, 2) + ',' + bound.length + bound.name");
	same_result(a, b, "var e = counter(1); e() + e() + ',' + (typeof e) + holder.fns[0]()");
	same_result(a, b, "new Ctor(3).shared + ',' + (new Ctor(1) instanceof counter)");
	heap_free(a);
	heap_free(b);
}
END_TEST

/* the same graphs through the msgpack encoding */
START_TEST(test_msgpack)
{
	use_msgpack = 1;
	test_data_kinds_fn(_i);
	test_closures_fn(_i);
	use_msgpack = 0;
}
END_TEST

START_TEST(test_patches)
{
	rt_ctx *a = heap_new(), *b;
	run(a, PRELUDE
	    "Math.answer = 42; delete JSON.stringify; Array.prototype.sum = add;\n"
	    "Object.defineProperty(Array.prototype, 'sum', {enumerable: false});\n"
	    "Math.floor = Math.ceil; var keep = {};\n"
	    "Object.defineProperty(Math.max, 'name', {get: add});\n"
	    "delete Math.min; Math.min = Math.max; String.prototype.none = undefined;\n");
	b = migrate(a, NULL);
	same_result(a, b, "Math.answer + ',' + typeof JSON.stringify + ',' + [].sum(1, 2) + ',' + Math.floor(1.5)");
	same_result(a, b, "Math.max.name + ',' + (Math.min === Math.max) + ',' + ('none' in String.prototype)");
	same_result(a, b, "Object.keys(Array.prototype).length + ',' + Array.prototype.propertyIsEnumerable('sum')");
	heap_free(a);
	heap_free(b);
}
END_TEST

/* descriptor field names inherited from Object.prototype must not leak into
 * the walker's reading of descriptors */
START_TEST(test_hostile_proto)
{
	rt_ctx *a = heap_new(), *b;
	run(a, PRELUDE
	    "var acc = {}; Object.defineProperty(acc, 'x', {get: add, enumerable: true, configurable: true});\n"
	    "var dat = {y: 1}; Object.defineProperty(dat, 'z', {value: 2, writable: false});\n"
	    "Object.prototype.writable = true; Object.prototype.value = 'inherited';\n"
	    "Object.prototype.get = 'g'; Object.prototype.set = 's';\n");
	b = migrate(a, NULL);
	same_description(a, b, "['acc','dat']");
	same_result(a, b, "typeof Object.getOwnPropertyDescriptor(acc, 'x').get + ',' + "
	                  "/ab+c/.source + ',' + Object.getOwnPropertyDescriptor(dat, 'z').writable");
	heap_free(a);
	heap_free(b);
}
END_TEST

START_TEST(test_timers)
{
	rt_ctx *a = heap_new(), *b;
	char err[256];
	run(a, PRELUDE
	    "var c = counter(0); var t1 = setTimeout(c, 5000, 'x', {y: 1});\n"
	    "var t2 = setInterval(add, 100, 1, 2); var t3 = setImmediate(c); clearTimeout(setTimeout(c, 1));\n");
	a->phase_now = rt_now(a);   /* as the loop does at a boundary */
	b = migrate(a, NULL);
	ck_assert_uint_eq(b->timers.n, 3);
	ck_assert(b->timers.next_id == a->timers.next_id);
	ck_assert_uint_eq(b->timers.next_seq, a->timers.next_seq);
	for (size_t i = 0; i < b->timers.n; i++) {
		const rt_timer *t = &b->timers.v[i];
		if (t->kind == WR_TIMER_TIMEOUT) {
			double rem = t->due - rt_now(b);
			ck_assert_msg(rem > 4000 && rem <= 5000, "remaining %g", rem);
			ck_assert(t->id == 1);
		} else if (t->kind == WR_TIMER_INTERVAL) {
			ck_assert(t->period == 100);
		}
	}
	/* the callback of timer 1 in the stash is the restored closure c */
	same_result(a, b, "c()");
	(void)err;
	heap_free(a);
	heap_free(b);
}
END_TEST

/* rt_timers_remaining, with Node's timer lists: what the rest of the current
 * timers phase runs (the lists due at the phase start by (expiry, lid), each
 * from its head while due) gets delays below SPAN in that order; the other
 * timers due by now the next band by (due, seq), even when overdue (behind
 * a head that is not due); the rest due - now. Then rt_timers_rebase puts
 * the lists together again in seq order. */
static double list_key_of(const rt_timer *t)
{
	return t->period;
}

START_TEST(test_timer_delays)
{
	rt_ctx *a = heap_new();
	double now, phase, *rem, span = 5e-7;
	size_t i, j, n, pos[3] = {0, 0, 0};
	int band[64];
	double order_run[64];

	/* three lists (1000, 2000, 3000 ms), 20 timers each, in seq order */
	run(a, PRELUDE "for (var i = 0; i < 60; i++) setTimeout(add, 1000 * (1 + i % 3));\n"
	               "setImmediate(add); setImmediate(add);\n");
	n = a->timers.n;
	ck_assert_uint_eq(n, 62);
	ck_assert_uint_eq(a->timers.nlheap, 3);
	now = rt_now(a);
	phase = now - 10;
	a->phase_now = phase;
	a->phase = RT_PHASE_TIMERS;
	for (i = 0; i < n; i++) {
		rt_timer *t = &a->timers.v[i];
		size_t k;
		band[i] = -1;
		if (t->kind == WR_TIMER_IMMEDIATE)
			continue;
		k = (size_t)(list_key_of(t) / 1000) - 1;
		ck_assert(k < 3);
		if (k == 0) {
			/* list 1000: five due, then one not due, then overdue ones
			 * blocked behind it (later seq due earlier) */
			if (pos[0] < 5)
				t->due = phase - 5 + (double)pos[0], band[i] = 0;
			else if (pos[0] == 5)
				t->due = now + 100, band[i] = 2;
			else
				t->due = phase - (double)(pos[0] % 7), band[i] = 1;
		} else if (k == 1) {
			/* list 2000: looked at in this phase already (expiry after
			 * the phase start), due since then: the next band */
			t->due = phase + 1 + (double)(pos[1] % 4) / 10, band[i] = 1;
		} else {
			/* list 3000: every timer due at the phase start */
			t->due = phase - 1 + (double)pos[2] / 100, band[i] = 0;
		}
		pos[k]++;
	}
	for (i = 0; i < a->timers.nlheap; i++) {
		rt_tlist *l = &a->timers.lists[a->timers.lheap[i]];
		l->expiry = l->key == 2000 ? phase + 1 : a->timers.v[l->head].due;
	}
	/* Node's order for band 0: the whole due prefix of list 1000 (expiry
	 * phase - 5), then list 3000 (expiry phase - 1), each in seq order */
	for (i = 0; i < n; i++) {
		const rt_timer *t = &a->timers.v[i];
		order_run[i] = band[i] != 0 ? 0 : (t->period == 1000 ? 0 : 1e6) + (double)t->seq;
	}
	rem = malloc(n * sizeof *rem);
	ck_assert_int_eq(rt_timers_remaining(a, now, rem), 0);
	for (i = 0; i < n; i++) {
		const rt_timer *t = &a->timers.v[i];
		if (band[i] < 0) {
			ck_assert(rem[i] == 0);
			continue;
		}
		if (band[i] == 2) {
			ck_assert(rem[i] == t->due - now);
			continue;
		}
		if (band[i] == 0)
			ck_assert_msg(rem[i] > 0 && rem[i] < span, "timer %zu: %g", i, rem[i]);
		else
			ck_assert_msg(rem[i] > span && rem[i] < 2 * span, "timer %zu: %g", i, rem[i]);
		for (j = 0; j < n; j++) {
			const rt_timer *o = &a->timers.v[j];
			int before;
			if (j == i || band[j] != band[i])
				continue;
			before = band[i] == 0 ? order_run[j] < order_run[i]
			                      : o->due < t->due || (o->due == t->due && o->seq < t->seq);
			ck_assert_msg(before == (rem[j] < rem[i]), "timers %zu and %zu out of order", j, i);
		}
	}
	free(rem);
	heap_free(a);
}
END_TEST

/* After a resume the lists are as before: an interval re-armed behind a
 * timeout its callback set stays behind it although it is due first */
START_TEST(test_timer_lists_resume)
{
	rt_ctx *a = heap_new(), *b;
	wr_snapshot none;
	size_t i;
	int seen = 0;

	run(a, PRELUDE "var iv = setInterval(add, 10); var to = setTimeout(add, 10);\n");
	/* the timeout set in the interval's callback: first in the list */
	for (i = 0; i < a->timers.n; i++) {
		rt_timer *t = &a->timers.v[i];
		if (t->kind == WR_TIMER_INTERVAL) {
			t->seq = a->timers.next_seq++;   /* re-armed after the timeout was set */
			t->due -= 5;   /* from before its callback: due first, by far more
			                * than the restore's time between two timers */
		}
	}
	a->phase_now = rt_now(a);
	b = migrate(a, NULL);
	memset(&none, 0, sizeof none);
	rt_timers_rebase(b, &none);   /* as --resume does after the restore */
	ck_assert_uint_eq(b->timers.nlheap, 1);
	{
		rt_tlist *l = &b->timers.lists[b->timers.lheap[0]];
		const rt_timer *h = &b->timers.v[l->head], *t2 = &b->timers.v[h->next];
		ck_assert(h->kind == WR_TIMER_TIMEOUT);
		ck_assert(t2->kind == WR_TIMER_INTERVAL);
		ck_assert(t2->next == RT_TIMER_NONE && l->tail == h->next);
		ck_assert(h->period == 10 && t2->period == 10);
		ck_assert(t2->due < h->due);   /* due first, and still second */
		seen = 1;
	}
	ck_assert(seen);
	heap_free(a);
	heap_free(b);
}
END_TEST

/* The delays are from the clock reading at the snapshot's start: the time
 * the walk takes (the built-ins' patches come before the timers) is not
 * the program's, or a timer due within it is due at once after a resume */
START_TEST(test_timer_delays_from_start)
{
	rt_ctx *a = heap_new();
	wr_snapshot *s = NULL;
	char err[256];
	double before, after, due = 0, used;
	size_t i;
	int k;

	run(a, PRELUDE "setTimeout(add, 100000);\n");
	a->phase_now = rt_now(a);
	for (i = 0; i < a->timers.n; i++)
		due = a->timers.v[i].due;
	for (k = 0; k < 3; k++) {   /* the best of three: the machine may be busy */
		before = rt_now(a);
		ck_assert_msg(rt_snapshot_take(a, &s, err, sizeof err) == 0, "snapshot: %s", err);
		after = rt_now(a);
		ck_assert_uint_eq(s->ntimers, 1);
		used = due - s->timers[0].remaining;   /* the reading the delay is from */
		wr_snapshot_free(s);
		ck_assert(used >= before && used <= after);
		if (used - before < (after - before) / 8)
			break;
	}
	ck_assert_msg(k < 3, "the delay is from %g ms into a %g ms snapshot", used - before, after - before);
	heap_free(a);
}
END_TEST

START_TEST(test_size_stable)
{
	/* hop repeatedly: the snapshot does not grow */
	rt_ctx *a = heap_new(), *b;
	size_t len0 = 0, len;
	run(a, PRELUDE "var c = counter(1), data = {list: [1, 2, 3], c: c};\n");
	for (int hop = 0; hop < 10; hop++) {
		b = migrate(a, &len);
		if (hop == 0)
			len0 = len;
		/* the created time may differ in length by a digit at most */
		ck_assert_msg(len <= len0 + 4, "hop %d: %zu bytes, first %zu", hop, len, len0);
		heap_free(a);
		a = b;
	}
	{
		char *r = eval_str(a, "c() + ',' + data.c()");
		ck_assert_str_eq(r, "2,3");
		free(r);
	}
	heap_free(a);
}
END_TEST

/* ---- values that cannot migrate ---- */

static void expect_failure(const char *code, const char *msg_part)
{
	rt_ctx *a = heap_new();
	wr_snapshot *s = NULL;
	char err[512];
	run(a, code);
	ck_assert_int_eq(rt_snapshot_take(a, &s, err, sizeof err), -1);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(err, msg_part) != NULL, "error '%s' lacks '%s'", err, msg_part);
	/* the program keeps running */
	free(eval_str(a, "String(1 + 1)"));
	heap_free(a);
}

START_TEST(test_unmigratable)
{
	expect_failure(PRELUDE "var app = {handlers: [add, add, new Function('return 1')]};",
	               "global.app.handlers[2]: a function without a site tag");
	expect_failure(PRELUDE "var p = {q: new Proxy({}, {})};", "global.p.q: a Proxy");
	expect_failure(PRELUDE "var p = new Proxy(add, {});", "global.p: a Proxy");
	expect_failure(PRELUDE "var p = new Proxy(Object.freeze({ a: 1 }), {});", "global.p: a Proxy");
	expect_failure(PRELUDE EVIL "var x = {f: evil};", "global.evil (closure of t.js:5)");
	expect_failure(PRELUDE "var x = [Duktape.Pointer('p')];", "global.x[0]");
	expect_failure(PRELUDE "var x = {p: new Duktape.Pointer('p')};",
	               "global.x.p: a Duktape.Pointer object (host data) cannot be migrated");
	expect_failure(PRELUDE "Math.cb = {h: new Function('')};", "Math.cb.h");
	expect_failure(PRELUDE "var th = [new Duktape.Thread(add)];", "global.th[0]: a Duktape thread");
	expect_failure(PRELUDE "setTimeout(new Function(''), 10);", "timer#1.callback");
	expect_failure(PRELUDE "var res = {r: {}}; Duktape.fin(res.r, add);",
	               "global.res.r: an object with a Duktape finalizer");
	expect_failure(PRELUDE "var P = {}; Duktape.fin(P, add); var o = [Object.create(P)];",
	               "global.P: an object with a Duktape finalizer");
	expect_failure(PRELUDE "Duktape.fin(add, add);", "an object with a Duktape finalizer");
	/* a decoder half-way through a stream (a partial character; or only
	 * its byte-order mark handled) */
	expect_failure(PRELUDE "var d = {t: new TextDecoder()}; d.t.decode(new Uint8Array([0xe2, 0x82]), {stream: true});",
	               "global.d.t: a TextDecoder in the middle of a stream");
	expect_failure(PRELUDE "var t = new TextDecoder(); t.decode(new Uint8Array([0x61]), {stream: true});",
	               "global.t: a TextDecoder in the middle of a stream");
	/* Duktape leaves a fatal decoder that threw half-way through a character */
	expect_failure(PRELUDE "var f = new TextDecoder('utf-8', {fatal: true});\n"
	               "try { f.decode(new Uint8Array([0x61, 0xc3])); } catch (e) {}",
	               "global.f: a TextDecoder in the middle of a stream");
}
END_TEST

/* Views over one memory keep sharing it: Duktape makes an ArrayBuffer
 * object over the start of a view's memory when its `buffer` is first read,
 * so a view and its subarray (a Buffer and its slice) end up with two, of
 * different lengths, over the same bytes */
START_TEST(test_shared_memory)
{
	rt_ctx *a = heap_new(), *b;
	run(a, PRELUDE
	    "var u8 = new Uint8Array(12), mid = u8.subarray(2, 10), tail = mid.subarray(4);\n"
	    "var ab = u8.buffer, late = u8.subarray(1, 2);\n"
	    "var i16 = new Int16Array(mid.buffer, 2, 3);\n"
	    "var nb = new Buffer(6); nb.fill(1); var sl = nb.slice(2, 5), sl2 = sl.slice(1);\n"
	    "var views = [tail, mid, sl2, sl, late, i16];\n"
	    /* long views list no virtual index keys, but keep their own properties */
	    "var big = new Float32Array(64); big.note = 'n'; Object.defineProperty(big, 'ro', {value: 1});\n"
	    "var bare = new Uint8Array(4096); bare[7] = 7; var gone = new Int16Array(32); gone.x = 1; delete gone.x;\n");
	b = migrate(a, NULL);
	same_description(a, b, "['u8','mid','tail','ab','late','i16','nb','sl','sl2','views','big','bare','gone']");
	same_result(a, b, "[big.note, big.ro, Object.getOwnPropertyNames(big).length, bare[7], bare.length, "
	            "Object.keys(gone).length].join()");
	/* writes through one view show through the others, in both heaps */
	same_result(a, b, "mid[5] = 7, tail[0] = 8, late[0] = 9, i16[0] = -1, sl2[0] = 5, "
	            "[].join.call(u8) + '/' + [].join.call(mid) + '/' + [].join.call(nb)");
	same_result(a, b, "[mid.buffer.byteLength, tail.buffer.byteLength, late.buffer === ab, "
	            "mid.buffer === ab, i16.buffer === mid.buffer, sl.buffer.byteLength].join()");
	heap_free(a);
	heap_free(b);
}
END_TEST

/* a plain buffer is the memory under the buffer objects made over it */
START_TEST(test_plain_shared)
{
	rt_ctx *a = heap_new(), *b;
	run(a, PRELUDE
	    "var u = new Uint8Array(4), p = {b: Uint8Array.plainOf(u)}, k = [u];\n"
	    "var pb = Duktape.dec('hex', '010203'), ab = [pb.buffer, pb.buffer];\n"
	    "var d = Duktape.dec('base64', 'AAECAw=='), dv = new DataView(d.buffer, 1), dt = [d];\n"
	    "var q = [Duktape.dec('hex', '0102')]; q.push(new Uint8Array(q[0].buffer));\n");
	b = migrate(a, NULL);
	same_description(a, b, "['u','p','k','pb','ab','dv','dt','q']");
	same_result(a, b, "u[1] = 5, p.b[2] = 6, ab[0] = new Uint8Array(ab[0]), ab[0][0] = 7, "
	            "new Uint8Array(ab[1])[1] = 8, dv.setUint8(0, 9), q[1][1] = 4, "
	            "[[].join.call(u), [].join.call(p.b), [].join.call(pb), [].join.call(d), "
	            "[].join.call(q[0]), Duktape.info(d).variant, Duktape.info(pb).variant, "
	            "ab[1] === pb.buffer].join('/')");
	heap_free(a);
	heap_free(b);
}
END_TEST

/* a TextDecoder keeps its options (Duktape keeps them, and the state of a
 * streamed decode, in an internal buffer the snapshot cannot carry) */
START_TEST(test_text_decoder)
{
	rt_ctx *a = heap_new(), *b;
	run(a, PRELUDE
	    "var td = new TextDecoder('utf-8'), tf = new TextDecoder('utf8', {fatal: true, ignoreBOM: true});\n"
	    "td.note = 'n'; var te = new TextEncoder(), both = [td, tf, td];\n"
	    "td.decode(new Uint8Array([0xe2, 0x82]), {stream: true}); td.decode(new Uint8Array([0xac]));\n");
	b = migrate(a, NULL);
	same_description(a, b, "['td','tf','te','both']");
	same_result(a, b, "[td.encoding, td.fatal, td.ignoreBOM, tf.fatal, tf.ignoreBOM, td.note, "
	            "td.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe2, 0x82, 0xac])), "
	            "tf.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).length, "
	            "(function () { try { tf.decode(new Uint8Array([0xff])); } catch (e) { return e.name; } })(), "
	            "td.decode(new Uint8Array([0xff])).charCodeAt(0), te.encode('\u20ac').length, "
	            "Object.getPrototypeOf(td) === TextDecoder.prototype].join()");
	heap_free(a);
	heap_free(b);
}
END_TEST

/* an error made by `new` of a function whose prototype inherits from
 * Error.prototype: Duktape gives it a traceback (an internal key), so its
 * stack text must survive as an Error's does, also over a second hop */
START_TEST(test_error_subclass)
{
	rt_ctx *a = heap_new(), *b, *c;
	char *st;
	run(a, PRELUDE
	    "add.prototype = Object.create(Error.prototype); add.prototype.name = 'MyErr';\n"
	    "var e = new add(1, 2), plainErr = Object.create(Error.prototype); e.message = 'boom';\n");
	b = migrate(a, NULL);
	same_result(a, b, "[String(e.stack), String(e), e instanceof add, e.message, String(plainErr.stack)].join('|')");
	st = eval_str(b, "String(e.stack)");
	ck_assert_msg(strstr(st, "\n    at ") != NULL, "traceback lost: %s", st);
	free(st);
	c = migrate(b, NULL);
	same_result(a, c, "[String(e.stack), String(e), e instanceof add].join('|')");
	heap_free(a);
	heap_free(b);
	heap_free(c);
}
END_TEST

/* an Error used as a prototype (`MyError.prototype = new Error()`): after a
 * restore its stack text must not hide the traceback of the objects that
 * inherit from it, so it is no own `stack` (the Error.prototype.stack
 * getter returns it); a non-extensible error still refuses a new `stack`;
 * over a second hop the text stays */
START_TEST(test_error_proto_stack)
{
	static const char expr[] =
	    "[String(Object.create(proto).stack), proto.hasOwnProperty('stack'), Object.getOwnPropertyNames(proto).join(),"
	    " String(new add(1, 2).stack).split('\\n')[0], new add(1, 2).stack === proto.stack,"
	    " (function () { try { ne.stack = 'x'; return 'set ' + ne.stack; } catch (e) { return e.name; } })(),"
	    " String(proto.stack), String(ne.stack)].join('|')";
	rt_ctx *a = heap_new(), *b, *c;
	char *st;
	run(a, PRELUDE
	    "var proto = new Error('p'); add.prototype = proto;\n"
	    "var ne = Object.preventExtensions(new TypeError('n'));\n");
	b = migrate(a, NULL);
	same_result(a, b, expr);
	st = eval_str(b, "String(proto.stack)");
	ck_assert_msg(strstr(st, "\n    at ") != NULL, "traceback lost: %s", st);
	free(st);
	c = migrate(b, NULL);
	same_result(a, c, expr);
	heap_free(a);
	heap_free(b);
	heap_free(c);
}
END_TEST

/* what Duktape's stack, fileName and lineNumber getters read from an
 * error's traceback (an Error's, an error-like object's) reads the same
 * after a restore: the restored one reads them, the first line of its
 * stack follows its name and message, an object inheriting from it reads
 * its own (a new instance of a class whose prototype is an error-like
 * object: its own traceback, not the prototype's text; Object.create of
 * it: none), a value the program set hides them until deleted, and they
 * survive a second hop; integrity levels stay what they were. The
 * snapshot runs none of the program's code (a toString, a message
 * getter) to read them */
START_TEST(test_error_trace)
{
	static const char expr[] =
	    "[e1.lineNumber, e1.fileName, e2.lineNumber, e2.fileName, e2.stack.split('\\n').length,"
	    " my.lineNumber, my.fileName, my.hasOwnProperty('stack'), my.hasOwnProperty('lineNumber'),"
	    " String(sub.stack), sub.lineNumber, sub.fileName, Object.getOwnPropertyNames(my).join(),"
	    " String(new add(1, 2).stack) === String(my.stack), new add(1, 2).lineNumber, new add(1, 2).fileName,"
	    " ow.lineNumber, ow.fileName, mo.stack, fz.lineNumber, Object.isFrozen(fz), Object.isSealed(se),"
	    " Object.isFrozen(se), Object.isFrozen(myf), (delete ow.lineNumber, ow.lineNumber),"
	    " (delete mo.stack, String(mo.stack)), (e1.message = 'changed', e1.stack), gm.stack,"
	    " (my.name = 'Renamed', my.stack)].join('|')";
	int fmt;
	for (fmt = 0; fmt < 2; fmt++) {
		rt_ctx *a = heap_new(), *b, *c;
		char *v;
		use_msgpack = fmt;   /* JSON, then msgpack */
		run(a, PRELUDE
		    "var e1 = new TypeError('t'), e2;\n"
		    "try { null.x; } catch (x) { e2 = x; }\n"
		    "add.prototype = Object.create(Error.prototype);\n"
		    "var my = new add(1, 2), myf = Object.freeze(new add(1, 2)), mo = new add(1, 2);\n"
		    "add.prototype = my; mo.stack = 'own';\n"
		    "var sub = Object.create(my);\n"
		    "var ow = new Error('o'); ow.lineNumber = 70; ow.fileName = 'x.js';\n"
		    "var fz = Object.freeze(new Error('f')), se = Object.seal(new RangeError('s'));\n"
		    "var cm = counter(0), ct = counter(100), gm = new Error('g');\n"
		    "Object.defineProperty(gm, 'message', {get: cm}); my.toString = ct;\n");
		b = migrate(a, NULL);
		v = eval_str(a, "[cm(), ct()].join()");
		ck_assert_msg(strcmp(v, "1,101") == 0, "the snapshot ran the program's code: %s", v);
		free(v);
		v = eval_str(b, "[cm(), ct()].join()");
		ck_assert_str_eq(v, "1,101");
		free(v);
		same_result(a, b, expr);
		v = eval_str(b, "[e1.lineNumber, e1.fileName, my.lineNumber, my.fileName].join()");
		ck_assert_str_eq(v, "5,t.js,8,t.js");
		free(v);
		c = migrate(b, NULL);
		same_result(a, c, expr);
		heap_free(a);
		heap_free(b);
		heap_free(c);
	}
	use_msgpack = 0;
}
END_TEST

/* a subclass whose prototype defines its own `stack` (data or accessor):
 * the instance reads that one, so no own copy of the traceback hides it */
START_TEST(test_error_subclass_stack)
{
	static const char *const defs[] = {
		"{ get: add }",                          /* an accessor: reads NaN */
		"{ value: 'proto stack', writable: true }"
	};
	size_t i;
	char code[512];

	for (i = 0; i < sizeof defs / sizeof defs[0]; i++) {
		rt_ctx *a = heap_new(), *b, *c;
		snprintf(code, sizeof code, PRELUDE
		         "var mid = Object.create(Error.prototype);\n"
		         "Object.defineProperty(mid, 'stack', %s);\n"
		         "add.prototype = Object.create(mid); var e = new add(1, 2);\n", defs[i]);
		run(a, code);
		b = migrate(a, NULL);
		same_result(a, b, "[String(e.stack), e.hasOwnProperty('stack')].join('|')");
		c = migrate(b, NULL);
		same_result(a, c, "[String(e.stack), e.hasOwnProperty('stack')].join('|')");
		heap_free(a);
		heap_free(b);
		heap_free(c);
	}
	/* looking for `stack` runs no getter of the program's (a data
	 * descriptor has no own "get": Object.prototype's is not read; its
	 * setter is, by Duktape's duk_get_prop_desc for accessors, see
	 * sw_desc_flags: `add` changes nothing) */
	{
		rt_ctx *a = heap_new(), *b;
		char *n;
		run(a, PRELUDE
		    "var mid = Object.create(Error.prototype); mid.stack = 'data';\n"
		    "add.prototype = Object.create(mid); var e = new add(1, 2), cnt = counter(0);\n"
		    "Object.defineProperty(Object.prototype, 'get', {get: cnt, set: add, configurable: true});\n");
		b = migrate(a, NULL);
		n = eval_str(a, "delete Object.prototype.get, String(cnt())");
		ck_assert_msg(strcmp(n, "1") == 0, "a getter ran during the snapshot: %s", n);
		free(n);
		heap_free(a);
		heap_free(b);
	}
}
END_TEST

/* Object.isSealed/isFrozen count Duktape's internal keys (a TextDecoder's
 * state, a Date's value, an error's traceback, a bound function's tags),
 * which Object.seal/freeze change too: the snapshot says what they said.
 * An error's traceback cannot be made again (a hidden key stands in for
 * it), so an error stays unfrozen where its traceback would keep it so,
 * also after the program changes its properties (ms, es below) */
/* the runtime's wrappers (bind, Proxy) look like Duktape's own built-ins:
 * the same own property order, `new bind()` refused with Duktape's error,
 * and the hidden keys that the bind wrapper adds to a bound function do
 * not change Object.isSealed/isFrozen (Duktape counts hidden keys) --
 * also for a bound function made by a restore */
START_TEST(test_wrappers_like_duktape)
{
	static const char *const exprs[] = {
		"Object.getOwnPropertyNames(Function.prototype.bind).join()",
		"Object.getOwnPropertyNames(Proxy).join()",
		"(function () { try { new Function.prototype.bind(); return 'made'; }"
		" catch (e) { return e.name + ': ' + e.message; } })()",
		"(function () { var b = function f(a) {}.bind(null, 1); Object.seal(b);"
		" return [Object.isSealed(b), Object.isFrozen(b)].join(); })()",
		"(function () { var b = function f(a) {}.bind(null);"
		" ['length', 'name', 'fileName'].forEach(function (k) {"
		" Object.defineProperty(b, k, { configurable: false }); });"
		" Object.preventExtensions(b); return [Object.isSealed(b), Object.isFrozen(b)].join(); })()",
		/* Object.isSealed and isFrozen: no constructors, same shape,
		 * same answers for primitives, objects and functions */
		"['isSealed', 'isFrozen'].map(function (k) { var f = Object[k], r;"
		" try { new f({}); r = 'made'; } catch (x) { r = x.name + ': ' + x.message; }"
		" var d = Object.getOwnPropertyDescriptor(Object, k);"
		" return [k, r, f.name, f.length, Object.getOwnPropertyNames(f).join(':'), typeof f.prototype,"
		" d.writable, d.enumerable, d.configurable, f(), f(1), f('s'), f(Object.freeze({})), f({}),"
		" f(Object.seal(function () {})), f(Object.freeze(function () {}))].join(' '); }).join()",
		/* new Proxy: a non-extensible target, and a target's integrity
		 * level, as in Duktape (the runtime marks the target) */
		"(function () { var r = [], t = Object.freeze({ a: 1 }), u = Object.preventExtensions({}),"
		" v = {}, w = Object.seal({ b: 2 });"
		" Object.defineProperty(v, 'a', { value: 1 });"
		" [t, u, v, w, Object.freeze(function () {})].forEach(function (o) {"
		" try { var p = new Proxy(o, {}); r.push(typeof p, p.a); } catch (e) { r.push(e.name); } });"
		" Object.seal(v); new Proxy(v, {});"
		" [t, u, v, w].forEach(function (o) { r.push(Object.isExtensible(o), Object.isSealed(o),"
		" Object.isFrozen(o)); }); return r.join(); })()",
		/* the Error.prototype getters */
		"['stack', 'fileName', 'lineNumber'].map(function (k) {"
		" var g = Object.getOwnPropertyDescriptor(Error.prototype, k).get, r, e = new Error('q');"
		" try { new g(); r = 'made'; } catch (x) { r = x.name + ': ' + x.message; }"
		" return [k, r, g.length, Object.getOwnPropertyNames(g).join(':'), Object.isExtensible(g),"
		" String(g.call(e)), String(g.call(Object.create(e))), String(g.call(1))].join(' '); }).join()",
	};
	static const char state[] =
	    "[Object.isSealed(sb), Object.isFrozen(sb), Object.isFrozen(fb), Object.isExtensible(nb),"
	    " Object.isSealed(nb), sb(2), fb(3), nb(4)].join()";
	duk_context *pure = duk_create_heap_default();
	rt_ctx *a = heap_new(), *b;
	size_t i;
	char *r;

	ck_assert_ptr_nonnull(pure);
	for (i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
		if (duk_peval_string(pure, exprs[i]) != 0)
			ck_abort_msg("pure Duktape: %s: %s", exprs[i], duk_safe_to_string(pure, -1));
		r = eval_str(a, exprs[i]);
		ck_assert_msg(strcmp(r, duk_safe_to_string(pure, -1)) == 0, "%s: Duktape %s, runtime %s",
		              exprs[i], duk_safe_to_string(pure, -1), r);
		duk_pop(pure);
		free(r);
	}
	duk_destroy_heap(pure);
	run(a, PRELUDE
	    "var sb = Object.seal(add.bind(null, 1)), fb = Object.freeze(add.bind(null, 2));\n"
	    "var nb = Object.preventExtensions(add.bind(null, 3));\n");
	b = migrate(a, NULL);
	same_result(a, b, state);
	r = eval_str(b, "[Object.isSealed(sb), Object.isFrozen(sb)].join()");
	ck_assert_str_eq(r, "true,true");
	free(r);
	same_description(a, b, "[sb, fb, nb]");
	heap_free(a);
	heap_free(b);
}
END_TEST

START_TEST(test_integrity)
{
	static const char expr[] =
	    "all.map(function (o) { return (Object.isFrozen(o) ? 'F' : '-') + (Object.isSealed(o) ? 'S' : '-') +"
	    " (Object.isExtensible(o) ? 'X' : '-') + (o instanceof Error ? String(o.stack).split('\\n').length : '');"
	    " }).join()";
	static const char later[] =
	    "Object.defineProperty(ms, 'm', {writable: false}), delete sp.m,"
	    " Object.defineProperty(es, 'message', {writable: false}), 0";
	int fmt;

	for (fmt = 0; fmt < 2; fmt++) {
		rt_ctx *a = heap_new(), *b, *c;
		use_msgpack = fmt;
		run(a, PRELUDE
		    "add.prototype = Object.create(Error.prototype);\n"
		    "var td = Object.freeze(new TextDecoder()), ts = Object.seal(new TextDecoder()),\n"
		    " dt = Object.freeze(new Date(5)), ds = Object.seal(new Date(6)),\n"
		    " ef = Object.freeze(new TypeError('f')), es = Object.seal(new Error('s')), eb = Object.seal(new Error()),\n"
		    " sf = Object.freeze(new add(1, 2)), sp = new add(3, 4), ms = new add(5, 6),\n"
		    " bs = Object.seal(add.bind(null)), bf = Object.freeze(add.bind(null, 1));\n"
		    "sp.m = 1; Object.preventExtensions(sp); ms.m = 2; Object.seal(ms);\n"
		    "var all = [td, ts, dt, ds, ef, es, eb, sf, sp, ms, bs, bf];\n");
		b = migrate(a, NULL);
		same_result(a, b, expr);
		c = migrate(b, NULL);
		same_result(a, c, expr);
		free(eval_str(a, later));
		free(eval_str(c, later));
		same_result(a, c, expr);
		same_result(a, c, "(function () { 'use strict'; var r = [];"
		            " [td, dt, ef, sf].forEach(function (o) { try { o.x = 1; r.push('w'); } catch (e) { r.push(e.name); } });"
		            " return r.join(); })()");
		heap_free(a);
		heap_free(b);
		heap_free(c);
	}
	use_msgpack = 0;
}
END_TEST

/* sealed and frozen that the properties contradict are refused */
START_TEST(test_integrity_refused)
{
	rt_ctx *a = heap_new();
	wr_snapshot *s = NULL;
	char err[512];
	uint32_t i, id = 0;

	run(a, "var o = Object.seal({a: 1, b: 2});");
	ck_assert(rt_snapshot_take(a, &s, err, sizeof err) == 0);
	for (i = 0; i < s->nobjects; i++)
		if (s->objects[i].flags & WR_OF_SEALED)
			id = i + 1;
	ck_assert_uint_ne(id, 0);
	ck_assert_uint_eq(s->objects[id - 1].flags & (WR_OF_FROZEN | WR_OF_EXTENSIBLE), 0);
	for (i = 0; i < 3; i++) {
		wr_object *o = &s->objects[id - 1];
		uint32_t flags = o->flags, pf = o->props[1].flags;
		if (i == 0)
			o->flags |= WR_OF_EXTENSIBLE;
		else if (i == 1)
			o->flags = WR_OF_FROZEN;
		else
			o->props[1].flags |= WR_PF_CONFIGURABLE;
		restore_refused(s, "invalid snapshot");
		o->flags = flags;
		o->props[1].flags = pf;
	}
	wr_snapshot_free(s);
	heap_free(a);
}
END_TEST

/* a String object's indices are virtual: a 1 MiB one is snapshot without a
 * key string per index (the heap may grow by 16 MiB; enumerating them took
 * hundreds), and String objects with own properties, or another prototype,
 * and objects inheriting from String.prototype keep what they have */
START_TEST(test_string_object)
{
	rt_ctx *a = heap_new(), *b;
	static const char expr[] =
	    "[big.length, big.charAt(77), small.extra, Object.keys(small).join(), Object.getOwnPropertyNames(other).join(),"
	    " other.length, String(other), typeof sub, Object.getPrototypeOf(sub) === String.prototype, sub.own,"
	    " Object.isFrozen(fz), fz.length].join('|')";
	run(a, PRELUDE
	    "var big = new String(new Array((1 << 20) + 1).join('x')), small = new String('abc'); small.extra = 1;\n"
	    "var other = new String('de'); Object.setPrototypeOf(other, Object.prototype);\n"
	    "var sub = Object.create(String.prototype); sub.own = 2; var fz = Object.freeze(new String('fz'));\n");
	a->alloc.limit = a->alloc.cur + 16 * 1024 * 1024;
	b = migrate(a, NULL);
	a->alloc.limit = 0;
	same_result(a, b, expr);
	heap_free(a);
	heap_free(b);
}
END_TEST

/* empty buffers share memory too: an ArrayBuffer over an empty plain
 * buffer, and the one over `u.subarray(0, 0)` (0 bytes at u's start) */
START_TEST(test_empty_shared)
{
	rt_ctx *a = heap_new(), *b, *c;
	const char *expr = "[Uint8Array.plainOf(ab) === e, Uint8Array.plainOf(new Uint8Array(ab)) === e,"
	                   " Uint8Array.plainOf(zb) === Uint8Array.plainOf(u), zb.byteLength,"
	                   " Uint8Array.plainOf(z) === Uint8Array.plainOf(u)].join()";
	run(a, "var e = Duktape.dec('hex', ''), ab = e.buffer, u = new Uint8Array(4),"
	       " z = u.subarray(0, 0), zb = z.buffer;");
	b = migrate(a, NULL);
	same_result(a, b, expr);
	c = migrate(b, NULL);
	same_result(a, c, expr);
	heap_free(a);
	heap_free(b);
	heap_free(c);
}
END_TEST

/* two ArrayBuffers over overlapping memory at different addresses: only
 * host code makes them (duk_push_buffer_object with an offset) */
START_TEST(test_overlap_refused)
{
	rt_ctx *a = heap_new();
	duk_context *ctx = a->ctx;
	wr_snapshot *s = NULL;
	char err[512];
	run(a, PRELUDE);
	duk_push_fixed_buffer(ctx, 16);
	duk_push_buffer_object(ctx, -1, 0, 8, DUK_BUFOBJ_ARRAYBUFFER);
	duk_put_global_string(ctx, "x");
	duk_push_buffer_object(ctx, -1, 4, 8, DUK_BUFOBJ_ARRAYBUFFER);
	duk_put_global_string(ctx, "y");
	duk_pop(ctx);
	ck_assert_int_eq(rt_snapshot_take(a, &s, err, sizeof err), -1);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(err, "global.y: an ArrayBuffer whose memory partly overlaps another buffer's") != NULL,
	              "%s", err);
	free(eval_str(a, "String(1 + 1)"));
	heap_free(a);
	/* and over a plain buffer, at an offset */
	a = heap_new();
	ctx = a->ctx;
	run(a, PRELUDE);
	duk_push_fixed_buffer(ctx, 16);
	duk_dup_top(ctx);
	duk_put_global_string(ctx, "p");
	duk_push_buffer_object(ctx, -1, 4, 8, DUK_BUFOBJ_ARRAYBUFFER);
	duk_put_global_string(ctx, "z");
	duk_pop(ctx);
	ck_assert_int_eq(rt_snapshot_take(a, &s, err, sizeof err), -1);
	ck_assert_msg(strstr(err, "global.z: an ArrayBuffer whose memory partly overlaps") != NULL, "%s", err);
	heap_free(a);
}
END_TEST

/* ---- bad snapshots ---- */

/* a maker unit's piece beyond the text it points into, or a maker beyond
 * its unit (a damaged executable), is refused, not read */
START_TEST(test_damaged_unit)
{
	rt_ctx *a = heap_new(), *b;
	wr_snapshot *s = NULL;
	char err[512];
	run(a, PRELUDE "var x = counter(1);");
	ck_assert(rt_snapshot_take(a, &s, err, sizeof err) == 0);
	maker_pieces[5] = (uint32_t)(sizeof prog_text);   /* text piece 2: one byte too long */
	restore_refused(s, "maker unit 0: piece 2 out of range");
	setup_prog();
	maker_sites[2] = NPARTS + 1;   /* counter's maker ends past the unit */
	restore_refused(s, "maker unit 0: maker 0 out of range");
	setup_prog();
	b = heap_new();
	ck_assert_msg(rt_restore(b, s, err, sizeof err) == 0, "restore: %s", err);
	same_result(a, b, "x() + ',' + x()");
	wr_snapshot_free(s);
	heap_free(a);
	heap_free(b);
}
END_TEST

START_TEST(test_wrong_hash_version)
{
	rt_ctx *a = heap_new();
	wr_snapshot *s = NULL;
	char err[512];
	run(a, PRELUDE "var x = counter(1);");
	ck_assert(rt_snapshot_take(a, &s, err, sizeof err) == 0);
	s->hash[3] ^= 1;
	restore_refused(s, "another program");
	s->hash[3] ^= 1;
	s->version = 99;
	restore_refused(s, "version 99");
	wr_snapshot_free(s);
	heap_free(a);
}
END_TEST

/* a bound function over more arguments than the 64 value stack slots a
 * native call starts with: bind (the runtime's wrapper) and restore */
START_TEST(test_bound_many_args)
{
	rt_ctx *a = heap_new(), *b;
	run(a, PRELUDE
	    "var args = [null]; for (var i = 0; i < 300; i++) args.push(i % 10);\n"
	    "var many = mkargs.bind.apply(mkargs, args); var more = many.bind(null, 'x');\n");
	b = migrate(a, NULL);
	same_description(a, b, "['many','more']");
	same_result(a, b, "var m = many('y'), o = more(); m.length + ':' + Array.prototype.join.call(m, '') + "
	                  "',' + o.length + ':' + o[300] + o[299]");
	heap_free(a);
	heap_free(b);
}
END_TEST

/* a model of n bound functions of Math.max in a chain from global `b`:
 * each the target of the one before it (reversed: of the one after it) */
static wr_snapshot *bound_chain(uint32_t n, int reversed)
{
	wr_snapshot *s = wr_snapshot_new();
	wr_prop *g;
	ck_assert_ptr_nonnull(s);
	memcpy(s->hash, prog.hash, sizeof s->hash);
	s->next_timer_id = 1;
	for (uint32_t id = 1; id <= n; id++) {
		wr_object *o = wr_add_object(s, NULL);
		uint32_t target = reversed ? id + 1 : id - 1;
		ck_assert_ptr_nonnull(o);
		o->kind = WR_OBJ_BOUND;
		o->proto.type = WR_BUILTIN;
		o->proto.u.str.ptr = "Function.prototype";
		o->proto.u.str.len = 18;
		o->u.bound.self.type = WR_UNDEFINED;
		if (target < 1 || target > n) {
			o->u.bound.target.type = WR_BUILTIN;
			o->u.bound.target.u.str.ptr = "Math.max";
			o->u.bound.target.u.str.len = 8;
		} else {
			o->u.bound.target.type = WR_REF;
			o->u.bound.target.u.ref = target;
		}
	}
	g = wr_add_global(s);
	ck_assert_ptr_nonnull(g);
	wr_strdup(s, "b", 1, &g->key.u.str);
	g->value.type = WR_REF;
	g->value.u.ref = reversed ? 1 : n;
	ck_assert_int_eq(wr_validate(s, NULL), 0);
	return s;
}

/* CPU seconds to restore s (freed); then expr must give want */
static double restore_cpu(wr_snapshot *s, const char *expr, const char *want)
{
	rt_ctx *b = heap_new();
	char err[512], *res;
	clock_t t0 = clock();
	ck_assert_msg(rt_restore(b, s, err, sizeof err) == 0, "restore: %s", err);
	t0 = clock() - t0;
	res = eval_str(b, expr);
	ck_assert_str_eq(res, want);
	free(res);
	heap_free(b);
	wr_snapshot_free(s);
	return (double)t0 / CLOCKS_PER_SEC;
}

/* bound functions are made after what they refer to in time linear in
 * their number, in whatever order the table lists them (one pass over the
 * table per link of the chain took 8 s for 64000) */
START_TEST(test_bound_chain_linear)
{
	double fwd = restore_cpu(bound_chain(30000, 0), "String(b(7, 3))", "7");
	double rev = restore_cpu(bound_chain(30000, 1), "String(b(7, 3))", "7");
	ck_assert_msg(rev < 3 * fwd + 0.05, "a reversed chain of 30000 bound functions restores in "
	              "%.2f s of CPU, one in table order in %.2f s", rev, fwd);
}
END_TEST

/* n closures of site 2 (counter's inner function) over one environment
 * {n: 1}, with n more properties when big; global f is the first */
static wr_snapshot *closures_over_env(uint32_t n, int big)
{
	wr_snapshot *s = wr_snapshot_new();
	wr_object *env;
	wr_prop *p;
	char key[16];
	ck_assert_ptr_nonnull(s);
	memcpy(s->hash, prog.hash, sizeof s->hash);
	s->next_timer_id = 1;
	env = wr_add_object(s, NULL);
	env->flags |= WR_OF_ENV;
	for (uint32_t i = 0; i <= (big ? n : 0); i++) {
		p = wr_add_prop(s, &s->objects[0]);
		snprintf(key, sizeof key, i ? "p%u" : "n", (unsigned)i);
		wr_strdup(s, key, strlen(key), &p->key.u.str);
		p->value.type = WR_NUMBER;
		p->value.u.num = 1;
	}
	for (uint32_t i = 0; i < n; i++) {
		wr_object *o = wr_add_object(s, NULL);
		o->kind = WR_OBJ_FUNCTION;
		o->proto.type = WR_BUILTIN;
		o->proto.u.str.ptr = "Function.prototype";
		o->proto.u.str.len = 18;
		o->u.fn.site = 2;
		o->u.fn.env.type = WR_REF;
		o->u.fn.env.u.ref = 1;
	}
	p = wr_add_global(s);
	wr_strdup(s, "f", 1, &p->key.u.str);
	p->value.type = WR_REF;
	p->value.u.ref = 2;
	ck_assert_int_eq(wr_validate(s, NULL), 0);
	return s;
}

/* an environment is checked (data properties only) once, not once per
 * closure over it: 40000 closures over 40000 properties took 6.5 s */
START_TEST(test_env_checked_once)
{
	double small = restore_cpu(closures_over_env(20000, 0), "String(f())", "2");
	double big = restore_cpu(closures_over_env(20000, 1), "String(f())", "2");
	ck_assert_msg(big < 3 * small + 0.05, "20000 closures over an environment of 20000 properties "
	              "restore in %.2f s of CPU, over one of 1 property in %.2f s", big, small);
}
END_TEST

/* structurally bad models must be refused with a message, never crash */
START_TEST(test_bad_models)
{
	rt_ctx *a = heap_new();
	wr_snapshot *s = NULL;
	char err[512];
	run(a, PRELUDE "var x = {c: counter(1), b: add.bind(null, 1), v: new Uint8Array(4), s: Symbol('s'), d: new Date(1)};");
	ck_assert(rt_snapshot_take(a, &s, err, sizeof err) == 0);
	for (uint32_t i = 0; i < s->nobjects; i++) {
		wr_object *o = &s->objects[i];
		wr_value proto = o->proto;
		o->proto.type = WR_REF;
		o->proto.u.ref = 9999;
		restore_refused(s, "invalid snapshot");
		o->proto = proto;
	}
	/* a view's byte length in the message is not cut to 32 bits */
	for (uint32_t i = 0; i < s->nobjects; i++) {
		wr_object *o = &s->objects[i];
		uint32_t len = o->u.view.length, elem = o->u.view.elem;
		if (o->kind != WR_OBJ_TYPEDARRAY)
			continue;
		o->u.view.length = 1u << 31;
		o->u.view.elem = WR_ELEM_FLOAT64;
		restore_refused(s, "+17179869184) outside");
		o->u.view.length = len;
		o->u.view.elem = elem;
	}
	for (uint32_t i = 0; i < s->nglobals; i++) {
		wr_value v = s->globals[i].value;
		rt_ctx *b = heap_new();
		s->globals[i].value.type = WR_SYMBOL;
		s->globals[i].value.u.ref = 77;
		ck_assert_int_eq(rt_restore(b, s, err, sizeof err), -1);
		s->globals[i].value.type = WR_BUILTIN;
		s->globals[i].value.u.str.ptr = "No.such.path";
		s->globals[i].value.u.str.len = 12;
		ck_assert_int_eq(rt_restore(b, s, err, sizeof err), -1);
		ck_assert_msg(strstr(err, "No.such.path") != NULL, "%s", err);
		s->globals[i].value.type = WR_STRING;
		s->globals[i].value.u.str.ptr = "\xff" "fsite";
		s->globals[i].value.u.str.len = 6;
		ck_assert_int_eq(rt_restore(b, s, err, sizeof err), -1);
		s->globals[i].value = v;
		heap_free(b);
	}
	wr_snapshot_free(s);
	heap_free(a);
}
END_TEST

static Suite *snapshot_suite(void)
{
	Suite *s = suite_create("snapshot");
	TCase *tc = tcase_create("roundtrip");
	tcase_add_checked_fixture(tc, setup_prog, NULL);
	tcase_add_test(tc, test_data_kinds);
	tcase_add_test(tc, test_closures);
	tcase_add_test(tc, test_msgpack);
	tcase_add_test(tc, test_patches);
	tcase_add_test(tc, test_hostile_proto);
	tcase_add_test(tc, test_timers);
	tcase_add_test(tc, test_timer_delays);
	tcase_add_test(tc, test_timer_lists_resume);
	tcase_add_test(tc, test_timer_delays_from_start);
	tcase_add_test(tc, test_size_stable);
	tcase_add_test(tc, test_shared_memory);
	tcase_add_test(tc, test_plain_shared);
	tcase_add_test(tc, test_text_decoder);
	tcase_add_test(tc, test_error_subclass);
	tcase_add_test(tc, test_error_subclass_stack);
	tcase_add_test(tc, test_error_proto_stack);
	tcase_add_test(tc, test_error_trace);
	tcase_add_test(tc, test_integrity);
	tcase_add_test(tc, test_wrappers_like_duktape);
	tcase_add_test(tc, test_string_object);
	tcase_add_test(tc, test_empty_shared);
	tcase_add_test(tc, test_bound_many_args);
	tcase_add_test(tc, test_bound_chain_linear);
	tcase_add_test(tc, test_env_checked_once);
	suite_add_tcase(s, tc);
	tc = tcase_create("errors");
	tcase_add_checked_fixture(tc, setup_prog, NULL);
	tcase_add_test(tc, test_unmigratable);
	tcase_add_test(tc, test_overlap_refused);
	tcase_add_test(tc, test_wrong_hash_version);
	tcase_add_test(tc, test_damaged_unit);
	tcase_add_test(tc, test_bad_models);
	tcase_add_test(tc, test_integrity_refused);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(snapshot_suite());
	int failed;
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
