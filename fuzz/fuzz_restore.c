/*
 * fuzz/fuzz_restore.c -- libFuzzer target for restore: a hostile snapshot
 * into a live device heap. The input is decoded (JSON, or msgpack by its
 * first byte: wr_read) and validated as --resume does; the snapshot's hash
 * is then set to the program's, so every input that decodes reaches
 * rt_restore (the hash check itself is one memcmp). The program is a real
 * instrumented one: fuzz/restore_prog.js, whose restore table fuzz/build.sh
 * generates with `ferryc --emit-only` and links in (fz_program).
 *
 * Each input gets a fresh heap (rt_heap_open, rt_snap_install, as
 * ferry_main does). Oracle: rt_restore either refuses with one line
 * "resume: invalid snapshot: ..." / "resume: ...", or succeeds, without
 * calling a function the snapshot chose (process.exit is a stand-in that
 * aborts when called during the restore); then
 * a snapshot of the restored heap is taken (rt_snapshot_take either
 * refuses with one line or gives a model that passes wr_validate and
 * encodes), and up to FZ_TURNS event-loop turns run with every timer due
 * (no real time waited); then the heap is closed. The turns run the
 * restored timer table and stash, but each callback is first replaced by a
 * native no-op: the program's own code, run on hostile data, may loop or
 * allocate without bound (its functions and globals are data too), which
 * says nothing about restore and would stop the fuzzer. Any crash, sanitizer
 * report, leak or Duktape fatal error (which exits) is a bug.
 *
 * Byte mutations of a snapshot mostly break its syntax, so the target has
 * its own mutator (LLVMFuzzerCustomMutator): three times in four it decodes
 * the input, changes the model (a kind with fresh contents, a value
 * anywhere: a reference, a built-in, a symbol, a hostile number or string;
 * a site id, a view's range, a timer's timing, flags, counters, patches
 * (also of Duktape's error hooks); one object put in a second role) and
 * encodes it again in the input's format;
 * otherwise, or when the input does not decode, libFuzzer's own mutation.
 */
#include <fcntl.h>
#include <math.h>
#include <unistd.h>
#include "fuzz/fuzz_common.h"
#include "runtime/rt_core.h"

#define FZ_TURNS 8

extern const ferry_program *const fz_program;   /* the generated glue (build.sh) */

int LLVMFuzzerInitialize(int *argc, char ***argv);
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
static int fz_verbose;   /* FUZZ_RESTORE_VERBOSE set: say what happened to each input */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* the restored program's console.log output */
	int fd = open("/dev/null", O_WRONLY);
	(void)argc;
	(void)argv;
	fz_verbose = getenv("FUZZ_RESTORE_VERBOSE") != NULL;
	if (fd >= 0) {
		dup2(fd, 1);
		close(fd);
	}
	return 0;
}

static void fz_one_line(const char *what, const char *err, const char *prefix)
{
	if (!err[0] || strchr(err, '\n') || strncmp(err, prefix, strlen(prefix)) != 0) {
		fprintf(stderr, "fuzz oracle: %s: not one line starting \"%s\": %s\n", what, prefix, err);
		abort();
	}
}

/* process.exit ends the process (exit(3)), which libFuzzer takes for a
 * crash; a snapshot may well hold it (a timer calling it). This stand-in
 * is installed before the baseline is recorded, so it is "process.exit"
 * to restore; it ends the program by throwing out of the turn. */
static int fz_restoring;   /* inside rt_restore */

static duk_ret_t fz_process_exit(duk_context *ctx)
{
	/* restore must never call a function the snapshot chose (a getter on
	 * an environment that init() reads was one way) */
	if (fz_restoring) {
		fprintf(stderr, "fuzz oracle: process.exit called during the restore\n");
		abort();
	}
	rt_from_ctx(ctx)->exiting = 1;
	return duk_error(ctx, DUK_ERR_ERROR, "process.exit");
}

static duk_ret_t fz_noop(duk_context *ctx)
{
	(void)ctx;
	return 0;
}

/* every pending callback in the timer stash becomes fz_noop */
static duk_ret_t fz_disarm(duk_context *ctx, void *udata)
{
	(void)udata;
	duk_push_global_stash(ctx);
	if (!duk_get_prop_literal(ctx, -1, RT_STASH_TIMERS) || !duk_is_object(ctx, -1))
		return 0;
	duk_enum(ctx, -1, DUK_ENUM_OWN_PROPERTIES_ONLY);
	while (duk_next(ctx, -1, 1)) {
		if (duk_is_array(ctx, -1)) {
			duk_push_c_function(ctx, fz_noop, DUK_VARARGS);
			duk_put_prop_index(ctx, -2, 0);
		}
		duk_pop_2(ctx);
	}
	return 0;
}

/* the loop of rt_loop_run (loop.c), with every timer due and no waiting */
static void fz_turns(rt_ctx *rt)
{
	const double now = 1e12;   /* ms: later than any restored delay (< 2^31) */
	int turns = 0, iterations = 0, fired = 0;

	if (duk_safe_call(rt->ctx, fz_disarm, NULL, 0, 1) != DUK_EXEC_SUCCESS) {
		fprintf(stderr, "fuzz oracle: the timer stash cannot be read: %s\n",
		        duk_safe_to_string(rt->ctx, -1));
		abort();
	}
	duk_pop(rt->ctx);
	if (rt->phase_seq == 0) {
		rt->phase = RT_PHASE_TIMERS;
		rt->phase_seq = rt->timers.next_seq;
	}
	while (turns < FZ_TURNS && iterations < FZ_TURNS && !rt->exiting) {
		rt_timer *t = rt_timers_next(rt, rt->phase, rt->phase_seq, now);
		if (t) {
			turns++;
			fired++;
			rt->turns++;
			if (rt_timer_fire(rt, t) < 0)
				return;   /* an uncaught error ends the program */
			continue;
		}
		if (rt->phase == RT_PHASE_TIMERS) {
			rt->phase = RT_PHASE_CHECK;
		} else {
			if (rt->timers.n == 0)
				return;
			/* with every timer due, a whole iteration (not the first,
			 * which may start within a phase) runs something: one that
			 * runs nothing would repeat for ever */
			if (iterations > 0 && fired == 0) {
				fprintf(stderr, "fuzz oracle: the event loop spins: %zu timers pending, "
				        "none runs\n", rt->timers.n);
				abort();
			}
			fired = 0;
			rt->phase = RT_PHASE_TIMERS;
			iterations++;
		}
		rt->phase_seq = rt->timers.next_seq;
	}
}

/* ---- the model mutator ---- */

typedef struct fz_rng { uint64_t s; } fz_rng;

static uint32_t fz_rand(fz_rng *r, uint32_t n)   /* [0, n) */
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return n ? (uint32_t)((r->s >> 11) % n) : 0;
}

static const char *const fz_builtins[] = {
	"Object.prototype", "Function.prototype", "Array.prototype", "%ThrowTypeError%",
	"ArrayBuffer.prototype", "Uint8Array.prototype", "DataView.prototype", "Buffer.prototype",
	"Date.prototype", "RegExp.prototype", "Error.prototype", "Symbol.prototype", "Math",
	"Math.floor", "JSON", "global", "print", "process", "process.exit", "setTimeout",
	"clearInterval", "setImmediate", "Function.prototype.bind", "Object.preventExtensions",
	"Object.freeze", "Symbol", "Symbol.for", "ArrayBuffer", "Uint8Array", "Date", "RegExp",
	"Function", "eval", "Proxy", "Duktape", "Duktape.Thread", "Duktape.Pointer", "Object",
	"Array", "console.log", "String.prototype.shout", "Array.prototype.last", "No.such",
	"Object.prototype.__proto__@get", "Object.prototype.__proto__@set", "global.N"
};
static const char *const fz_strings[] = {
	"", "0", "1", "4294967295", "length", "name", "prototype", "constructor", "__proto__",
	"fileName", "caller", "arguments", "$Fp", "$Fk", "\xff" "s1", "\x82" "x", "\x80",
	"a(b", "[", "x*?", "(?=a)b", "\\u{41}", "iterator", "hasInstance", "bogus", "inc",
	"step", "setTimeout", "\xed\xa0\x80", "lastIndex", "stack", "message", "errCreate",
	"errThrow"
};
static const double fz_numbers[] = {
	0, -0.0, 1, 2, 3, 4, 7, 8, 16, -1, 0.5, 1e-7, 5e-7, 255, 65536, 2147483647.0,
	2147483648.0, 4294967295.0, 4294967296.0, 9007199254740991.0, 9007199254740992.0,
	1e21, 1e300, 1.7976931348623157e308
};
static uint8_t fz_bytes[65536];
static wr_value fz_args[3];

static wr_str fz_cstr(const char *p)
{
	wr_str t;
	t.ptr = p;
	t.len = (uint32_t)strlen(p);
	return t;
}

static double fz_number(fz_rng *r)
{
	switch (fz_rand(r, 8)) {
	case 0: return NAN;
	case 1: return fz_rand(r, 2) ? INFINITY : -INFINITY;
	case 2: return -fz_numbers[fz_rand(r, sizeof fz_numbers / sizeof fz_numbers[0])];
	default: return fz_numbers[fz_rand(r, sizeof fz_numbers / sizeof fz_numbers[0])];
	}
}

static uint32_t fz_count(fz_rng *r, uint32_t n)   /* an id in [1, n] mostly, else 0 or n + 1 */
{
	uint32_t k = fz_rand(r, 16);
	return k == 0 ? 0 : k == 1 ? n + 1 : 1 + fz_rand(r, n ? n : 1);
}

static void fz_value(fz_rng *r, const wr_snapshot *s, wr_value *v)
{
	memset(v, 0, sizeof *v);
	switch (fz_rand(r, 10)) {
	case 0: case 1: case 2: case 3:
		v->type = WR_REF;
		v->u.ref = fz_count(r, s->nobjects);
		break;
	case 4:
		v->type = WR_BUILTIN;
		v->u.str = fz_cstr(fz_builtins[fz_rand(r, sizeof fz_builtins / sizeof fz_builtins[0])]);
		break;
	case 5:
		v->type = WR_SYMBOL;
		v->u.ref = fz_count(r, s->nsymbols);
		break;
	case 6:
		v->type = WR_NUMBER;
		v->u.num = fz_number(r);
		break;
	case 7:
		v->type = WR_STRING;
		v->u.str = fz_cstr(fz_strings[fz_rand(r, sizeof fz_strings / sizeof fz_strings[0])]);
		break;
	default:
		v->type = fz_rand(r, 4);   /* undefined, null, false, true */
	}
}

/* every value slot of the model; n counts them when v is NULL */
static wr_value *fz_slot(wr_snapshot *s, uint32_t pick, uint32_t *n)
{
	uint32_t i, k, c = 0;
#define FZ_SLOT(x) do { if (c++ == pick && !n) return (x); } while (0)
	for (i = 0; i < s->nglobals; i++) {
		FZ_SLOT(&s->globals[i].value);
		FZ_SLOT(&s->globals[i].setter);
	}
	for (i = 0; i < s->nobjects; i++) {
		wr_object *o = &s->objects[i];
		FZ_SLOT(&o->proto);
		for (k = 0; k < o->nprops; k++) {
			FZ_SLOT(&o->props[k].value);
			FZ_SLOT(&o->props[k].key);
		}
		switch (o->kind) {
		case WR_OBJ_FUNCTION: FZ_SLOT(&o->u.fn.env); break;
		case WR_OBJ_BOUND:
			FZ_SLOT(&o->u.bound.target);
			FZ_SLOT(&o->u.bound.self);
			for (k = 0; k < o->u.bound.nargs; k++)
				FZ_SLOT(&o->u.bound.args[k]);
			break;
		case WR_OBJ_BOOLEAN: case WR_OBJ_NUMBER: case WR_OBJ_STRING: case WR_OBJ_SYMBOL:
			FZ_SLOT(&o->u.prim);
			break;
		case WR_OBJ_BUFFER: case WR_OBJ_TYPEDARRAY: case WR_OBJ_DATAVIEW:
			FZ_SLOT(&o->u.view.buffer);
			break;
		default:
			break;
		}
	}
	for (i = 0; i < s->ntimers; i++) {
		FZ_SLOT(&s->timers[i].callback);
		for (k = 0; k < s->timers[i].nargs; k++)
			FZ_SLOT(&s->timers[i].args[k]);
	}
	for (i = 0; i < s->npatches; i++)
		FZ_SLOT(&s->patches[i].prop.value);
#undef FZ_SLOT
	if (n)
		*n = c;
	return NULL;
}

/* give o kind k with fresh contents */
static void fz_rekind(fz_rng *r, wr_snapshot *s, wr_object *o, uint32_t k)
{
	static const char *const src[] = { "a(b+)c", "", "(", "[a-", "x{2,1}", "\\", "(?:a|b)*" };
	static const char *const flg[] = { "", "g", "gim", "y", "gg", "u", "gimsuy" };
	static const uint32_t lens[] = { 0, 1, 3, 8, 16, 100, 65536 };
	static const uint32_t offs[] = { 0, 1, 2, 3, 4, 8, 15, 16, 0x7fffffff, 0x80000000u, 0xffffffffu };

	o->kind = k;
	memset(&o->u, 0, sizeof o->u);
	switch (k) {
	case WR_OBJ_FUNCTION:
		o->u.fn.site = fz_rand(r, fz_program->nsites + 2);
		fz_value(r, s, &o->u.fn.env);
		break;
	case WR_OBJ_BOUND:
		fz_value(r, s, &o->u.bound.target);
		fz_value(r, s, &o->u.bound.self);
		o->u.bound.nargs = fz_rand(r, 4);
		for (uint32_t i = 0; i < o->u.bound.nargs; i++)
			fz_value(r, s, &fz_args[i]);
		o->u.bound.args = o->u.bound.nargs ? fz_args : NULL;
		break;
	case WR_OBJ_DATE:
		o->u.num = fz_number(r);
		break;
	case WR_OBJ_REGEXP:
		o->u.regexp.source = fz_cstr(src[fz_rand(r, sizeof src / sizeof src[0])]);
		o->u.regexp.flags = fz_cstr(flg[fz_rand(r, sizeof flg / sizeof flg[0])]);
		break;
	case WR_OBJ_OBJECT:   /* now and then what a custom error instance carries */
		if (fz_rand(r, 4))
			break;
		if (fz_rand(r, 8))
			o->flags |= WR_OF_TRACEBACK;
		/* fall through */
	case WR_OBJ_ERROR:
		o->u.trace.stack = fz_cstr(fz_strings[fz_rand(r, sizeof fz_strings / sizeof fz_strings[0])]);
		o->u.trace.file = fz_cstr(fz_strings[fz_rand(r, sizeof fz_strings / sizeof fz_strings[0])]);
		o->u.trace.line = fz_number(r);
		/* frames (or an error's whole text) and now and then a
		 * fileName or lineNumber, also without frames (refused) */
		o->u.trace.has = (fz_rand(r, 4) ? WR_TR_FRAMES : 0) | fz_rand(r, 4) << 1;
		break;
	case WR_OBJ_BOOLEAN: case WR_OBJ_NUMBER: case WR_OBJ_STRING: case WR_OBJ_SYMBOL:
		fz_value(r, s, &o->u.prim);
		break;
	case WR_OBJ_ARRAYBUFFER:
		o->u.bytes.ptr = fz_bytes;
		o->u.bytes.len = lens[fz_rand(r, sizeof lens / sizeof lens[0])];
		if (fz_rand(r, 3) == 0) {   /* over another's memory; mostly without bytes */
			o->u.bytes.memory = fz_count(r, s->nobjects);
			if (o->u.bytes.memory && fz_rand(r, 4))
				o->u.bytes.ptr = NULL;
		}
		break;
	case WR_OBJ_TEXTDECODER:
		o->u.textdec.flags = fz_rand(r, 5);   /* 4: refused */
		break;
	case WR_OBJ_PLAINBUFFER:
		o->u.bytes.ptr = fz_bytes;
		o->u.bytes.len = lens[fz_rand(r, sizeof lens / sizeof lens[0])];
		o->u.bytes.dynamic = fz_rand(r, 3);   /* 2: refused */
		if (fz_rand(r, 4)) {   /* mostly what validation asks, so restore meets it */
			o->flags = 0;
			o->nprops = 0;
			o->proto.type = WR_BUILTIN;
			o->proto.u.str = fz_cstr("Uint8Array.prototype");
		}
		break;
	case WR_OBJ_BUFFER: case WR_OBJ_TYPEDARRAY: case WR_OBJ_DATAVIEW:
		o->u.view.elem = fz_rand(r, WR_ELEM_COUNT + 1);
		fz_value(r, s, &o->u.view.buffer);
		o->u.view.offset = offs[fz_rand(r, sizeof offs / sizeof offs[0])];
		o->u.view.length = offs[fz_rand(r, sizeof offs / sizeof offs[0])];
		break;
	default:
		break;
	}
}

static void fz_mutate_model(fz_rng *r, wr_snapshot *s)
{
	uint32_t n, i;
	wr_object *o = s->nobjects ? &s->objects[fz_rand(r, s->nobjects)] : NULL;
	wr_timer *t = s->ntimers ? &s->timers[fz_rand(r, s->ntimers)] : NULL;

	switch (fz_rand(r, 14)) {
	case 0: case 1: case 2:   /* any value */
		fz_slot(s, 0, &n);
		if (n)
			fz_value(r, s, fz_slot(s, fz_rand(r, n), NULL));
		break;
	case 3: {                 /* one value in a second role */
		wr_value *a, *b;
		fz_slot(s, 0, &n);
		if (!n)
			break;
		a = fz_slot(s, fz_rand(r, n), NULL);
		b = fz_slot(s, fz_rand(r, n), NULL);
		*a = *b;
		break;
	}
	case 4: case 5:           /* another kind */
		if (o)
			fz_rekind(r, s, o, fz_rand(r, WR_OBJ_KIND_COUNT + (fz_rand(r, 8) == 0)));
		break;
	case 6:                   /* the same kind, fresh contents (site, range, ...) */
		if (o)
			fz_rekind(r, s, o, o->kind);
		break;
	case 7:                   /* property flags, or an object's */
		if (o && o->nprops)
			o->props[fz_rand(r, o->nprops)].flags = fz_rand(r, 16) | (fz_rand(r, 16) == 0 ? 16 : 0);
		else if (o)
			o->flags ^= WR_OF_EXTENSIBLE;
		break;
	case 8:                   /* a huge or odd length */
		if (o)
			for (i = 0; i < o->nprops; i++)
				if (o->props[i].key.type == WR_STRING && o->props[i].key.u.str.len == 6 &&
				    memcmp(o->props[i].key.u.str.ptr, "length", 6) == 0) {
					o->props[i].value.type = WR_NUMBER;
					o->props[i].value.u.num = fz_number(r);
				}
		break;
	case 9: case 10:          /* timers */
		if (!t)
			break;
		switch (fz_rand(r, 6)) {
		case 0: t->kind = fz_rand(r, 4); break;
		case 1: t->remaining = fz_number(r); break;
		case 2: t->period = fz_number(r); break;
		case 3: t->id = fz_rand(r, 2) ? fz_number(r) : s->timers[fz_rand(r, s->ntimers)].id; break;
		case 4: t->seq = fz_rand(r, 2) ? (uint64_t)fz_rand(r, 20) : UINT64_MAX - fz_rand(r, 2); break;
		default:
			t->nargs = fz_rand(r, 4);
			for (i = 0; i < t->nargs; i++)
				fz_value(r, s, &fz_args[i]);
			t->args = t->nargs ? fz_args : NULL;
		}
		break;
	case 11:                  /* counters */
		switch (fz_rand(r, 4)) {
		case 0: s->next_timer_id = fz_number(r); break;
		case 1: s->next_seq = fz_rand(r, 2) ? fz_rand(r, 20) : UINT64_MAX - fz_rand(r, 2); break;
		case 2: s->loop_phase = fz_rand(r, 18); break;
		default: s->phase_seq = fz_rand(r, 2) ? fz_rand(r, 20) : UINT64_MAX;
		}
		break;
	case 12:                  /* symbols */
		if (s->nsymbols) {
			wr_symbol *y = &s->symbols[fz_rand(r, s->nsymbols)];
			y->kind = fz_rand(r, 4);
			y->has_desc = fz_rand(r, 4) != 0;
			y->desc = fz_cstr(fz_strings[fz_rand(r, sizeof fz_strings / sizeof fz_strings[0])]);
		}
		break;
	default:                  /* patches */
		if (s->npatches) {
			wr_patch *p = &s->patches[fz_rand(r, s->npatches)];
			switch (fz_rand(r, 4)) {
			case 0:
				p->holder = fz_cstr(fz_builtins[fz_rand(r, sizeof fz_builtins / sizeof fz_builtins[0])]);
				break;
			case 1:
				p->deleted = !p->deleted;
				break;
			case 2:   /* Duktape's error hooks, called when the restore fails */
				p->holder = fz_cstr("Duktape");
				p->prop.key.type = WR_STRING;
				p->prop.key.u.str = fz_cstr(fz_rand(r, 2) ? "errCreate" : "errThrow");
				p->deleted = 0;
				break;
			default:
				fz_value(r, s, &p->prop.key);
			}
		}
	}
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	fz_rng r = { (uint64_t)seed * 0x9e3779b97f4a7c15ull + 1 };
	wr_limits l;
	wr_snapshot *s = NULL;
	wr_error e;
	wr_buf b = { 0 };
	wr_format fmt = wr_detect(data, size);
	size_t out = 0;
	int rc;

	fz_limits(&l, size);
	if (fz_rand(&r, 4) == 0 || wr_read(data, size, &l, &s, &e) != 0)
		return LLVMFuzzerMutate(data, size, max_size);
	for (uint32_t k = 1 + fz_rand(&r, 3); k > 0; k--)
		fz_mutate_model(&r, s);
	rc = fmt == WR_FMT_MSGPACK ? wr_msgpack_write(s, &b, &e) : wr_json_write(s, &b, 0, &e);
	if (rc == 0 && b.len <= max_size) {
		memcpy(data, b.data, b.len);
		out = b.len;
	}
	wr_buf_free(&b);
	wr_snapshot_free(s);
	return out ? out : LLVMFuzzerMutate(data, size, max_size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wr_limits l;
	wr_snapshot *s = NULL, *s2 = NULL;
	wr_error e;
	rt_ctx rt;
	char err[512];
	int rc;

	fz_limits(&l, size);
	if (wr_read(data, size, &l, &s, &e) != 0) {
		fz_memory_refused(&e);
		if (fz_verbose)
			fprintf(stderr, "fuzz_restore: not decoded: %s\n", e.msg);
		return 0;
	}
	memcpy(s->hash, fz_program->hash, sizeof s->hash);

	memset(&rt, 0, sizeof rt);
	rt.prog = fz_program;
	rt.opts.after_turns = -1;
	if (rt_heap_open(&rt, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz: cannot open a heap: %s\n", err);
		abort();
	}
	duk_get_global_string(rt.ctx, "process");
	duk_push_c_function(rt.ctx, fz_process_exit, 1);
	duk_put_prop_string(rt.ctx, -2, "exit");
	duk_pop(rt.ctx);
	if (rt_snap_install(&rt, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz: cannot set up a heap: %s\n", err);
		abort();
	}
	err[0] = '\0';
	fz_restoring = 1;
	rc = rt_restore(&rt, s, err, sizeof err);
	fz_restoring = 0;
	if (rc != 0) {
		fz_one_line("restore refused", err, "resume: ");
		if (fz_verbose)
			fprintf(stderr, "fuzz_restore: %s\n", err);
	} else {
		/* the loop relies on it: it runs timers below next_seq only */
		for (size_t i = 0; i < rt.timers.n; i++)
			if (rt.timers.v[i].seq >= rt.timers.next_seq) {
				fprintf(stderr, "fuzz oracle: timer seq %llu not below next_seq %llu\n",
				        (unsigned long long)rt.timers.v[i].seq,
				        (unsigned long long)rt.timers.next_seq);
				abort();
			}
		rt_timers_rebase(&rt, s);
		rt.phase_now = rt_now(&rt);
		err[0] = '\0';
		if (rt_snapshot_take(&rt, &s2, err, sizeof err) == 0) {
			wr_buf b = { 0 };
			if (wr_validate(s2, &e))
				fz_fail("snapshot of a restored heap is invalid", &e);
			if (wr_json_write(s2, &b, 0, &e))
				fz_fail("snapshot of a restored heap does not encode", &e);
			wr_buf_free(&b);
			wr_snapshot_free(s2);
		} else {
			fz_one_line("snapshot refused", err, "");
		}
		fz_turns(&rt);
		if (fz_verbose)
			fprintf(stderr, "fuzz_restore: restored %u objects; snapshot: %s; %ld turns\n",
			        (unsigned)s->nobjects, err[0] ? err : "ok", rt.turns);
	}
	rt_heap_close(&rt);
	wr_snapshot_free(s);
	return 0;
}
