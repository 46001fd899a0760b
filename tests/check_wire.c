/*
 * tests/check_wire.c -- unit tests of wire/: the model builders, the JSON
 * writer and reader (round trips of every value kind, limits, truncation and
 * bit flips), validation, format detection and atomic file writes.
 */
#include <check.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include "wire/wire.h"
#include "wire/wr_impl.h"   /* the growth rule */

static wr_str S(wr_snapshot *s, const char *p)
{
	wr_str r;
	ck_assert_int_eq(wr_strdup(s, p, strlen(p), &r), 0);
	return r;
}

static char *json_of(const wr_snapshot *s, int pretty)
{
	wr_buf b = { 0 };
	wr_error e;
	ck_assert_msg(wr_json_write(s, &b, pretty, &e) == 0, "%s", e.msg);
	char *r = malloc(b.len + 1);
	memcpy(r, b.data, b.len);
	r[b.len] = 0;
	wr_buf_free(&b);
	return r;
}


/* ---- a sample snapshot holding every kind of value and object ---- */

static wr_value V(uint32_t type) { wr_value v; memset(&v, 0, sizeof v); v.type = type; return v; }
static wr_value NUM(double d) { wr_value v = V(WR_NUMBER); v.u.num = d; return v; }
static wr_value REF(uint32_t id) { wr_value v = V(WR_REF); v.u.ref = id; return v; }
static wr_value STR(wr_snapshot *s, const char *p, size_t n)
{
	wr_value v = V(WR_STRING);
	ck_assert_int_eq(wr_strdup(s, p, n, &v.u.str), 0);
	return v;
}
static wr_value BI(wr_snapshot *s, const char *path) { wr_value v = V(WR_BUILTIN); v.u.str = S(s, path); return v; }

static void gprop(wr_snapshot *s, const char *k, wr_value v)
{
	wr_prop *p = wr_add_global(s);
	p->key.u.str = S(s, k);
	p->value = v;
}
static void oprop(wr_snapshot *s, uint32_t id, wr_value k, wr_value v, uint32_t flags)
{
	wr_prop *p = wr_add_prop(s, &s->objects[id - 1]);
	p->key = k;
	p->value = v;
	p->flags = flags;
}
static uint32_t obj(wr_snapshot *s, uint32_t kind, wr_value proto)
{
	uint32_t id;
	wr_object *o = wr_add_object(s, &id);
	o->kind = kind;
	o->proto = proto;
	return id;
}

static wr_snapshot *sample(void)
{
	wr_snapshot *s = wr_snapshot_new();
	for (int i = 0; i < 32; i++)
		s->hash[i] = (uint8_t)(i * 7 + 1);
	s->created = 1764070000123.0;
	s->next_timer_id = 42;
	s->next_seq = 18446744073709551615ull;
	s->loop_phase = 1;
	s->phase_seq = 12;
	static const double nums[] = { 0, 1, -1, 0.1, 1.0 / 3, 1e21, 1e-7, 123456789012345678.0,
	                               5e-324, 1.7976931348623157e308, -2.5, 9007199254740993.0 };
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		char k[16];
		snprintf(k, sizeof k, "num%zu", i);
		gprop(s, k, NUM(nums[i]));
	}
	gprop(s, "negzero", NUM(-0.0));
	gprop(s, "nan", NUM(NAN));
	gprop(s, "inf", NUM(INFINITY));
	gprop(s, "ninf", NUM(-INFINITY));
	gprop(s, "undef", V(WR_UNDEFINED));
	gprop(s, "null", V(WR_NULL));
	gprop(s, "t", V(WR_TRUE));
	gprop(s, "f", V(WR_FALSE));
	gprop(s, "empty", STR(s, "", 0));
	gprop(s, "ctl", STR(s, "a\0b\x01\x1f\"\\/\n\r\t\b\f\x7f", 15));
	gprop(s, "utf8", STR(s, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xED\x9F\xBF", 12));
	gprop(s, "lone_hi", STR(s, "x\xED\xA0\x80", 4));
	gprop(s, "lone_lo", STR(s, "\xED\xBF\xBFy", 4));
	gprop(s, "cesu_pair", STR(s, "\xED\xA0\xBD\xED\xB8\x80", 6));
	gprop(s, "raw", STR(s, "\xFF\xFE\x80\xC0\xAF", 5));
	gprop(s, "builtin", BI(s, "Math.floor"));
	wr_value rawbi = V(WR_BUILTIN);
	ck_assert_int_eq(wr_strdup(s, "Math\xFF", 5, &rawbi.u.str), 0);
	gprop(s, "builtin_raw", rawbi);
	/* symbols */
	uint32_t sy1, sy2, sy3;
	wr_symbol *y = wr_add_symbol(s, &sy1);
	y->kind = WR_SYM_LOCAL; y->has_desc = 1; y->desc = S(s, "mine");
	y = wr_add_symbol(s, &sy2);
	y->kind = WR_SYM_LOCAL; y->has_desc = 0;
	y = wr_add_symbol(s, &sy3);
	y->kind = WR_SYM_WELLKNOWN; y->has_desc = 1; y->desc = S(s, "iterator");
	wr_value sym = V(WR_SYMBOL); sym.u.ref = sy1;
	gprop(s, "sym", sym);
	/* objects: 1 plain (cyclic), 2 array, 3 env, 4 function, 5 bound ... */
	uint32_t o1 = obj(s, WR_OBJ_OBJECT, BI(s, "Object.prototype"));
	oprop(s, o1, STR(s, "self", 4), REF(o1), 7);
	oprop(s, o1, sym, NUM(1), WR_PF_ENUMERABLE);
	wr_value sy3v = V(WR_SYMBOL); sy3v.u.ref = sy3;
	oprop(s, o1, sy3v, V(WR_NULL), 0);
	uint32_t o2 = obj(s, WR_OBJ_ARRAY, BI(s, "Array.prototype"));
	oprop(s, o2, STR(s, "0", 1), NUM(1), 7);
	oprop(s, o2, STR(s, "2", 1), REF(o1), 7);
	oprop(s, o2, STR(s, "length", 6), NUM(3), WR_PF_WRITABLE);
	uint32_t o3 = obj(s, WR_OBJ_OBJECT, V(WR_NULL));
	s->objects[o3 - 1].flags |= WR_OF_ENV;
	oprop(s, o3, STR(s, "count", 5), NUM(5), 7);
	uint32_t o4 = obj(s, WR_OBJ_FUNCTION, BI(s, "Function.prototype"));
	s->objects[o4 - 1].u.fn.site = 17;
	s->objects[o4 - 1].u.fn.env = REF(o3);
	/* accessor on o1: getter o4, setter undefined */
	wr_prop *ap = wr_add_prop(s, &s->objects[o1 - 1]);
	ap->key = STR(s, "acc", 3);
	ap->flags = WR_PF_ACCESSOR | WR_PF_ENUMERABLE;
	ap->value = REF(o4);
	ap->setter = BI(s, "Math.max");
	uint32_t o5 = obj(s, WR_OBJ_BOUND, BI(s, "Function.prototype"));
	s->objects[o5 - 1].u.bound.target = REF(o4);
	s->objects[o5 - 1].u.bound.self = REF(o1);
	wr_value *args = wr_alloc(s, 2 * sizeof *args);
	args[0] = NUM(-0.0);
	args[1] = STR(s, "arg", 3);
	s->objects[o5 - 1].u.bound.args = args;
	s->objects[o5 - 1].u.bound.nargs = 2;
	uint32_t o6 = obj(s, WR_OBJ_DATE, BI(s, "Date.prototype"));
	s->objects[o6 - 1].u.num = NAN;
	uint32_t o7 = obj(s, WR_OBJ_REGEXP, BI(s, "RegExp.prototype"));
	s->objects[o7 - 1].u.regexp.source = S(s, "a+\\/b");
	s->objects[o7 - 1].u.regexp.flags = S(s, "gi");
	oprop(s, o7, STR(s, "lastIndex", 9), NUM(2), WR_PF_WRITABLE);
	uint32_t o8 = obj(s, WR_OBJ_ERROR, BI(s, "TypeError.prototype"));
	s->objects[o8 - 1].u.trace.stack = S(s, "\n    at f (app.js:3)");
	s->objects[o8 - 1].u.trace.file = S(s, "app.js");
	s->objects[o8 - 1].u.trace.line = 3;
	s->objects[o8 - 1].u.trace.has = WR_TR_FRAMES | WR_TR_FILE | WR_TR_LINE;
	oprop(s, o8, STR(s, "message", 7), STR(s, "boom", 4), WR_PF_WRITABLE | WR_PF_CONFIGURABLE);
	uint32_t o9 = obj(s, WR_OBJ_BOOLEAN, BI(s, "Boolean.prototype"));
	s->objects[o9 - 1].u.prim = V(WR_TRUE);
	uint32_t o10 = obj(s, WR_OBJ_NUMBER, BI(s, "Number.prototype"));
	s->objects[o10 - 1].u.prim = NUM(-0.0);
	uint32_t o11 = obj(s, WR_OBJ_STRING, BI(s, "String.prototype"));
	s->objects[o11 - 1].u.prim = STR(s, "\xED\xB0\x80", 3);
	uint32_t o12 = obj(s, WR_OBJ_SYMBOL, BI(s, "Symbol.prototype"));
	s->objects[o12 - 1].u.prim = sym;
	uint32_t o13 = obj(s, WR_OBJ_ARGUMENTS, BI(s, "Object.prototype"));
	oprop(s, o13, STR(s, "0", 1), NUM(1), 7);
	uint32_t o14 = obj(s, WR_OBJ_ARRAYBUFFER, BI(s, "ArrayBuffer.prototype"));
	uint8_t *bytes = wr_alloc(s, 16);
	for (int i = 0; i < 16; i++)
		bytes[i] = (uint8_t)(i * 37 + 200);
	s->objects[o14 - 1].u.bytes.ptr = bytes;
	s->objects[o14 - 1].u.bytes.len = 16;
	uint32_t o15 = obj(s, WR_OBJ_TYPEDARRAY, BI(s, "Float32Array.prototype"));
	s->objects[o15 - 1].u.view.elem = WR_ELEM_FLOAT32;
	s->objects[o15 - 1].u.view.buffer = REF(o14);
	s->objects[o15 - 1].u.view.offset = 4;
	s->objects[o15 - 1].u.view.length = 3;
	uint32_t o16 = obj(s, WR_OBJ_DATAVIEW, BI(s, "DataView.prototype"));
	s->objects[o16 - 1].u.view.buffer = REF(o14);
	s->objects[o16 - 1].u.view.offset = 1;
	s->objects[o16 - 1].u.view.length = 15;
	uint32_t o17 = obj(s, WR_OBJ_BUFFER, BI(s, "Buffer.prototype"));
	s->objects[o17 - 1].u.view.elem = WR_ELEM_UINT8;
	s->objects[o17 - 1].u.view.buffer = REF(o14);
	s->objects[o17 - 1].u.view.length = 16;
	uint32_t o18 = obj(s, WR_OBJ_OBJECT, REF(o1));
	s->objects[o18 - 1].flags = 0;   /* frozen-ish: not extensible */
	oprop(s, o18, STR(s, "\xFF" "hidden-ish", 11), STR(s, "\xFF", 1), WR_PF_ENUMERABLE);
	uint32_t o19 = obj(s, WR_OBJ_ARRAYBUFFER, BI(s, "ArrayBuffer.prototype"));
	(void)o19;   /* empty buffer */
	/* 20: a fixed plain buffer (Duktape.dec('hex', ...)); 21: an empty
	 * dynamic one (Duktape.dec('base64', '')) */
	uint32_t o20 = obj(s, WR_OBJ_PLAINBUFFER, BI(s, "Uint8Array.prototype"));
	s->objects[o20 - 1].flags = 0;
	s->objects[o20 - 1].u.bytes.ptr = bytes + 3;
	s->objects[o20 - 1].u.bytes.len = 5;
	uint32_t o21 = obj(s, WR_OBJ_PLAINBUFFER, BI(s, "Uint8Array.prototype"));
	s->objects[o21 - 1].flags = 0;
	s->objects[o21 - 1].u.bytes.dynamic = 1;
	/* 22: a second ArrayBuffer object over the start of o14's memory (a
	 * subarray's `buffer`); 23: a view over it */
	uint32_t o22 = obj(s, WR_OBJ_ARRAYBUFFER, BI(s, "ArrayBuffer.prototype"));
	s->objects[o22 - 1].u.bytes.memory = o14;
	s->objects[o22 - 1].u.bytes.len = 10;
	uint32_t o23 = obj(s, WR_OBJ_TYPEDARRAY, BI(s, "Uint16Array.prototype"));
	s->objects[o23 - 1].u.view.elem = WR_ELEM_UINT16;
	s->objects[o23 - 1].u.view.buffer = REF(o22);
	s->objects[o23 - 1].u.view.offset = 2;
	s->objects[o23 - 1].u.view.length = 4;
	oprop(s, o1, STR(s, "sub", 3), REF(o23), 7);
	/* 24: a TextDecoder with both options, and a property of its own */
	uint32_t o24 = obj(s, WR_OBJ_TEXTDECODER, BI(s, "TextDecoder.prototype"));
	s->objects[o24 - 1].u.textdec.flags = WR_TD_FATAL | WR_TD_IGNORE_BOM;
	oprop(s, o24, STR(s, "n", 1), NUM(2), 7);
	oprop(s, o1, STR(s, "dec", 3), REF(o24), 7);
	oprop(s, o1, STR(s, "payload", 7), REF(o20), 7);
	oprop(s, o1, STR(s, "empty", 5), REF(o21), 7);
	gprop(s, "o", REF(o1));
	gprop(s, "arr", REF(o2));
	gprop(s, "fn", REF(o4));
	gprop(s, "bound", REF(o5));
	/* timers */
	wr_timer *t = wr_add_timer(s);
	t->kind = WR_TIMER_INTERVAL; t->id = 3; t->remaining = 12.5; t->period = 100; t->seq = 7;
	t->callback = REF(o4);
	t = wr_add_timer(s);
	t->kind = WR_TIMER_TIMEOUT; t->id = 4; t->remaining = 0; t->period = 0; t->seq = 8;
	t->callback = REF(o5);
	wr_value *targs = wr_alloc(s, sizeof *targs);
	targs[0] = REF(o2);
	t->args = targs;
	t->nargs = 1;
	t = wr_add_timer(s);
	t->kind = WR_TIMER_IMMEDIATE; t->id = 5; t->seq = 9; t->callback = BI(s, "console.log");
	/* patches */
	wr_patch *pa = wr_add_patch(s);
	pa->holder = S(s, "Array.prototype");
	pa->prop.key = STR(s, "last", 4);
	pa->prop.value = REF(o4);
	pa->prop.flags = WR_PF_WRITABLE | WR_PF_CONFIGURABLE;
	pa = wr_add_patch(s);
	pa->holder = S(s, "Object");
	pa->deleted = 1;
	pa->prop.key = STR(s, "keys", 4);
	pa = wr_add_patch(s);   /* Object.seal(JSON) */
	pa->holder = S(s, "JSON");
	wr_patch_integrity(pa, WR_INTEGRITY_SEALED);
	wr_error e;
	ck_assert_msg(wr_validate(s, &e) == 0, "%s", e.msg);
	return s;
}

/* ---- deep comparison of two models ---- */

static int same_str(wr_str a, wr_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static int same_val(const wr_value *a, const wr_value *b)
{
	if (a->type != b->type)
		return 0;
	switch (a->type) {
	case WR_NUMBER:
		if (isnan(a->u.num))
			return isnan(b->u.num);
		return memcmp(&a->u.num, &b->u.num, sizeof(double)) == 0;
	case WR_STRING: case WR_BUILTIN: return same_str(a->u.str, b->u.str);
	case WR_REF: case WR_SYMBOL: return a->u.ref == b->u.ref;
	default: return 1;
	}
}

static int same_vals(const wr_value *a, uint32_t na, const wr_value *b, uint32_t nb)
{
	if (na != nb)
		return 0;
	for (uint32_t i = 0; i < na; i++)
		if (!same_val(&a[i], &b[i]))
			return 0;
	return 1;
}

static int same_prop(const wr_prop *a, const wr_prop *b)
{
	return a->flags == b->flags && same_val(&a->key, &b->key) &&
	       same_val(&a->value, &b->value) && same_val(&a->setter, &b->setter);
}

static int same_props(const wr_prop *a, uint32_t na, const wr_prop *b, uint32_t nb)
{
	if (na != nb)
		return 0;
	for (uint32_t i = 0; i < na; i++)
		if (!same_prop(&a[i], &b[i]))
			return 0;
	return 1;
}

static int same_obj(const wr_object *a, const wr_object *b)
{
	if (a->kind != b->kind || a->flags != b->flags || !same_val(&a->proto, &b->proto) ||
	    !same_props(a->props, a->nprops, b->props, b->nprops))
		return 0;
	switch (a->kind) {
	case WR_OBJ_FUNCTION: return a->u.fn.site == b->u.fn.site && same_val(&a->u.fn.env, &b->u.fn.env);
	case WR_OBJ_BOUND:
		return same_val(&a->u.bound.target, &b->u.bound.target) &&
		       same_val(&a->u.bound.self, &b->u.bound.self) &&
		       same_vals(a->u.bound.args, a->u.bound.nargs, b->u.bound.args, b->u.bound.nargs);
	case WR_OBJ_DATE: return isnan(a->u.num) ? isnan(b->u.num) : a->u.num == b->u.num;
	case WR_OBJ_REGEXP: return same_str(a->u.regexp.source, b->u.regexp.source) &&
	                           same_str(a->u.regexp.flags, b->u.regexp.flags);
	case WR_OBJ_OBJECT:
	case WR_OBJ_ERROR:
		return a->u.trace.has == b->u.trace.has && same_str(a->u.trace.stack, b->u.trace.stack) &&
		       same_str(a->u.trace.file, b->u.trace.file) &&
		       (!(a->u.trace.has & WR_TR_LINE) || a->u.trace.line == b->u.trace.line);
	case WR_OBJ_BOOLEAN: case WR_OBJ_NUMBER: case WR_OBJ_STRING: case WR_OBJ_SYMBOL:
		return same_val(&a->u.prim, &b->u.prim);
	case WR_OBJ_ARRAYBUFFER:
	case WR_OBJ_PLAINBUFFER:
		return a->u.bytes.len == b->u.bytes.len && a->u.bytes.dynamic == b->u.bytes.dynamic &&
		       a->u.bytes.memory == b->u.bytes.memory &&
		       (a->u.bytes.memory ? !a->u.bytes.ptr && !b->u.bytes.ptr : a->u.bytes.len == 0 ||
		        memcmp(a->u.bytes.ptr, b->u.bytes.ptr, a->u.bytes.len) == 0);
	case WR_OBJ_TEXTDECODER: return a->u.textdec.flags == b->u.textdec.flags;
	case WR_OBJ_BUFFER: case WR_OBJ_TYPEDARRAY: case WR_OBJ_DATAVIEW:
		return (a->kind == WR_OBJ_DATAVIEW || a->u.view.elem == b->u.view.elem) &&
		       same_val(&a->u.view.buffer, &b->u.view.buffer) &&
		       a->u.view.offset == b->u.view.offset && a->u.view.length == b->u.view.length;
	default: return 1;
	}
}

static void assert_same(const wr_snapshot *a, const wr_snapshot *b)
{
	ck_assert_uint_eq(a->version, b->version);
	ck_assert_mem_eq(a->hash, b->hash, 32);
	ck_assert(a->created == b->created);
	ck_assert(a->next_timer_id == b->next_timer_id);
	ck_assert(a->next_seq == b->next_seq);
	ck_assert_uint_eq(a->loop_phase, b->loop_phase);
	ck_assert(a->phase_seq == b->phase_seq);
	ck_assert_msg(same_props(a->globals, a->nglobals, b->globals, b->nglobals), "globals differ");
	ck_assert_uint_eq(a->nobjects, b->nobjects);
	for (uint32_t i = 0; i < a->nobjects; i++)
		ck_assert_msg(same_obj(&a->objects[i], &b->objects[i]), "object %u differs", i + 1);
	ck_assert_uint_eq(a->nsymbols, b->nsymbols);
	for (uint32_t i = 0; i < a->nsymbols; i++) {
		ck_assert_uint_eq(a->symbols[i].kind, b->symbols[i].kind);
		ck_assert_int_eq(a->symbols[i].has_desc, b->symbols[i].has_desc);
		ck_assert(same_str(a->symbols[i].desc, b->symbols[i].desc));
	}
	ck_assert_uint_eq(a->ntimers, b->ntimers);
	for (uint32_t i = 0; i < a->ntimers; i++) {
		const wr_timer *x = &a->timers[i], *y = &b->timers[i];
		ck_assert(x->kind == y->kind && x->id == y->id && x->remaining == y->remaining &&
		          x->period == y->period && x->seq == y->seq);
		ck_assert(same_val(&x->callback, &y->callback));
		ck_assert(same_vals(x->args, x->nargs, y->args, y->nargs));
	}
	ck_assert_uint_eq(a->npatches, b->npatches);
	for (uint32_t i = 0; i < a->npatches; i++) {
		ck_assert(same_str(a->patches[i].holder, b->patches[i].holder));
		ck_assert_int_eq(a->patches[i].deleted, b->patches[i].deleted);
		ck_assert_int_eq(a->patches[i].integrity, b->patches[i].integrity);
		ck_assert(same_prop(&a->patches[i].prop, &b->patches[i].prop));
	}
}

static wr_buf encode(const wr_snapshot *s, int pretty)
{
	wr_buf b = { 0 };
	wr_error e;
	ck_assert_msg(wr_json_write(s, &b, pretty, &e) == 0, "%s", e.msg);
	return b;
}

static wr_snapshot *decode_ok(const void *p, size_t n)
{
	wr_snapshot *s = NULL;
	wr_error e;
	ck_assert_msg(wr_json_read(p, n, NULL, &s, &e) == 0, "%s", e.msg);
	return s;
}

/* b, s written, reads back as s; frees b, s and what was read */
static void reads_back(wr_snapshot *s, wr_buf *b)
{
	wr_snapshot *c = decode_ok(b->data, b->len);
	assert_same(s, c);
	wr_buf_free(b);
	wr_snapshot_free(s);
	wr_snapshot_free(c);
}

/* Decoding must fail with "byte N: ..." and N <= len. */
static void decode_bad(const void *p, size_t n, const wr_limits *lim, const char *needle)
{
	wr_snapshot *s = (wr_snapshot *)1;
	wr_error e;
	memset(&e, 0, sizeof e);
	ck_assert_int_eq(wr_json_read(p, n, lim, &s, &e), -1);
	ck_assert_ptr_null(s);
	ck_assert_msg(strncmp(e.msg, "byte ", 5) == 0, "no offset: %s", e.msg);
	ck_assert_msg(e.offset <= n || (lim && e.offset <= lim->max_bytes), "offset %zu > %zu", e.offset, n);
	if (needle)
		ck_assert_msg(strstr(e.msg, needle) != NULL, "'%s' not in '%s'", needle, e.msg);
}

START_TEST(json_round_trip)
{
	for (int pretty = 0; pretty < 2; pretty++) {
		wr_snapshot *a = sample();
		wr_buf b1 = encode(a, pretty);
		wr_snapshot *c = decode_ok(b1.data, b1.len);
		assert_same(a, c);
		wr_buf b2 = encode(c, pretty);
		ck_assert_uint_eq(b1.len, b2.len);
		ck_assert_mem_eq(b1.data, b2.data, b1.len);
		wr_buf_free(&b1);
		wr_buf_free(&b2);
		wr_snapshot_free(a);
		wr_snapshot_free(c);
	}
}
END_TEST

START_TEST(json_doubles_exact)
{
	/* pseudo-random doubles (all bit patterns that are finite) round-trip */
	uint64_t x = 88172645463325252ull;
	wr_snapshot *a = wr_snapshot_new();
	for (int i = 0; i < 2000; i++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		double d;
		memcpy(&d, &x, sizeof d);
		char k[16];
		if (!isfinite(d))
			continue;
		snprintf(k, sizeof k, "d%d", i);
		gprop(a, k, NUM(d));
	}
	wr_buf b = encode(a, 0);
	reads_back(a, &b);
}
END_TEST

START_TEST(json_foreign_escapes)
{
	/* input not written by us: escaped solidus, lower-case hex, pairs stay 2 units */
	const char *in = "{\"format\":\"ferry-snapshot\",\"version\":1,\"hash\":"
	                 "\"00000000000000000000000000000000000000000000000000000000000000AB\","
	                 "\"globals\":[[\"a\\/\\u00e9\\ud83d\\ude00\", 1e2, \"we\"]]}";
	wr_snapshot *s = decode_ok(in, strlen(in));
	ck_assert_uint_eq(s->nglobals, 1);
	ck_assert_uint_eq(s->hash[31], 0xAB);
	ck_assert_uint_eq(s->globals[0].key.u.str.len, 2 + 2 + 6);
	ck_assert_mem_eq(s->globals[0].key.u.str.ptr, "a/\xC3\xA9\xED\xA0\xBD\xED\xB8\x80", 10);
	ck_assert(s->globals[0].value.u.num == 100);
	ck_assert_uint_eq(s->globals[0].flags, WR_PF_WRITABLE | WR_PF_ENUMERABLE);
	wr_snapshot_free(s);
}
END_TEST

START_TEST(json_truncation)
{
	wr_snapshot *a = sample();
	wr_buf b = encode(a, 0);
	for (size_t n = 0; n < b.len; n++) {
		uint8_t *cut = malloc(n ? n : 1);   /* exact size: ASan/valgrind see overreads */
		memcpy(cut, b.data, n);
		decode_bad(cut, n, NULL, NULL);
		free(cut);
	}
	wr_buf_free(&b);
	wr_snapshot_free(a);
}
END_TEST

START_TEST(json_bit_flips)
{
	wr_snapshot *a = sample();
	wr_buf b = encode(a, 0);
	uint8_t *m = malloc(b.len);
	size_t ok = 0;
	for (size_t i = 0; i < b.len; i++) {
		for (int bit = 0; bit < 8; bit++) {
			memcpy(m, b.data, b.len);
			m[i] ^= (uint8_t)(1u << bit);
			wr_snapshot *s = NULL;
			wr_error e;
			if (wr_json_read(m, b.len, NULL, &s, &e) == 0) {
				/* some flips stay valid (a digit in a number): must validate */
				ck_assert_int_eq(wr_validate(s, &e), 0);
				wr_snapshot_free(s);
				ok++;
			} else {
				ck_assert_ptr_null(s);
				ck_assert_msg(strncmp(e.msg, "byte ", 5) == 0, "%s", e.msg);
				ck_assert(e.offset <= b.len);
			}
		}
	}
	ck_assert(ok < b.len * 8 / 4);
	free(m);
	wr_buf_free(&b);
	wr_snapshot_free(a);
}
END_TEST

#define HDR "{\"format\":\"ferry-snapshot\",\"version\":1,\"hash\":\"" \
	"0000000000000000000000000000000000000000000000000000000000000000\""

START_TEST(json_errors)
{
	static const struct { const char *in, *needle; } cases[] = {
		{ "", "truncated" },
		{ "[]", "expected '{'" },
		{ "{\"format\":\"other\"}", "not a ferry snapshot" },
		{ "{\"version\":1}", "\"format\" must come first" },
		{ "{\"format\":\"ferry-snapshot\",\"version\":2}", "unsupported snapshot version 2" },
		{ "{\"format\":\"ferry-snapshot\",\"version\":1}", "lacks \"hash\"" },
		{ HDR ",\"hash\":\"x\"}", "duplicate" },
		{ HDR ",\"bogus\":1}", "unknown member \"bogus\"" },
		{ HDR ",\"bo\\ngus\\u001b[2J\":1}", "unknown member \"bo\\x0agus\\x1b[2J\"" },   /* one line */
		{ HDR "} }", "end of input" },
		{ HDR "} x", "expected end of input after the snapshot, found 'x'" },
		{ HDR "} \x01", "expected end of input after the snapshot, found byte 0x01" },
		{ HDR ",\"globals\":[[\"a\",1,\"wz\"]]}", "bad property flag 'z'" },
		{ HDR ",\"globals\":[[\"a\",{\"ref\":1}]]}", "object 1, which does not exist" },
		{ HDR ",\"globals\":[[\"a\",{\"ref\":-1}]]}", "object id" },
		{ HDR ",\"globals\":[[\"a\",{\"ref\":4294967296}]]}", "out of range" },
		{ HDR ",\"globals\":[[\"a\",{\"nope\":1}]]}", "unknown tagged value" },
		{ HDR ",\"globals\":[[\"a\",1e999]]}", "out of range" },
		{ HDR ",\"globals\":[[\"a\",01]]}", "expected" },
		{ HDR ",\"globals\":[[\"a\",tru]]}", "unknown literal" },
		{ HDR ",\"globals\":[[\"a\",\"\\x\"]]}", "bad escape" },
		{ HDR ",\"globals\":[[\"a\",\"\\u12G4\"]]}", "bad \\u escape" },
		{ HDR ",\"globals\":[[\"a\",\"\xC0\xAF\"]]}", "invalid UTF-8" },
		{ HDR ",\"globals\":[[\"a\",\"\x01\"]]}", "control character" },
		{ HDR ",\"globals\":[[\"a\",{\"raw\":\"AB=\"}]]}", "invalid base64" },
		{ HDR ",\"objects\":[{\"proto\":null}]}", "\"kind\" must be the first" },
		{ HDR ",\"objects\":[{\"kind\":\"weird\"}]}",
		  "unknown object kind \"weird\" (a newer Ferry may have written this snapshot)" },
		{ HDR ",\"objects\":[{\"kind\":\"a\\nb\xC3\xA9\"}]}", "unknown object kind \"a\\nb\\xc3\\xa9\" (" },
		{ HDR ",\"objects\":[{\"kind\":\"0123456789abcdef0123456789abcdefXYZ\"}]}",
		  "kind \"0123456789abcdef0123456789abcdef...\" (" },
		{ HDR ",\"objects\":[{\"id\":2,\"kind\":\"object\"}]}", "expected 1" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"id\":1}]}", "\"id\" must be the first" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"site\":1}]}", "not allowed in a object" },
		{ HDR ",\"objects\":[{\"kind\":\"typedarray\",\"elem\":\"uint8\",\"buffer\":{\"ref\":1}}]}",
		  "not an ArrayBuffer" },
		{ HDR ",\"objects\":[{\"kind\":\"arraybuffer\",\"bytes\":\"AAAA\"},"
		  "{\"kind\":\"typedarray\",\"elem\":\"uint16\",\"buffer\":{\"ref\":1},\"length\":2}]}",
		  "past the end" },
		{ HDR ",\"objects\":[{\"kind\":\"boolean\",\"value\":1}]}", "boxed boolean" },
		/* ArrayBuffers over another's memory */
#define AB "{\"kind\":\"arraybuffer\",\"bytes\":\"AAAA\"}"
		{ HDR ",\"objects\":[" AB ",{\"kind\":\"arraybuffer\",\"memory\":{\"ref\":1},\"length\":2,"
		  "\"bytes\":\"AAA=\"}]}", "\"bytes\", or \"memory\" with \"length\"" },
		{ HDR ",\"objects\":[{\"kind\":\"arraybuffer\",\"length\":2,\"bytes\":\"AAA=\"}]}",
		  "\"bytes\", or \"memory\" with \"length\"" },
		{ HDR ",\"objects\":[" AB ",{\"kind\":\"arraybuffer\",\"memory\":{\"ref\":1}}]}",
		  "\"bytes\", or \"memory\" with \"length\"" },
		{ HDR ",\"objects\":[" AB ",{\"kind\":\"arraybuffer\",\"memory\":1,\"length\":2}]}",
		  "must be a reference" },
		{ HDR ",\"objects\":[{\"kind\":\"object\"},{\"kind\":\"arraybuffer\",\"memory\":{\"ref\":1},"
		  "\"length\":0}]}", "object 1 is not a buffer with bytes of its own" },
		{ HDR ",\"objects\":[{\"kind\":\"arraybuffer\",\"memory\":{\"ref\":1},\"length\":0}]}",
		  "object 1 is not a buffer with bytes of its own" },
		{ HDR ",\"objects\":[" AB ",{\"kind\":\"arraybuffer\",\"memory\":{\"ref\":1},\"length\":2},"
		  "{\"kind\":\"arraybuffer\",\"memory\":{\"ref\":2},\"length\":1}]}",
		  "object 2 is not a buffer with bytes of its own" },
		{ HDR ",\"objects\":[{\"kind\":\"arraybuffer\",\"memory\":{\"ref\":2},\"length\":4}," AB "]}",
		  "4 bytes over the 3 of object 2" },
		{ HDR ",\"objects\":[{\"kind\":\"arraybuffer\",\"memory\":{\"ref\":3},\"length\":1}," AB "]}",
		  "does not exist" },
		{ HDR ",\"objects\":[" AB ",{\"kind\":\"arraybuffer\",\"memory\":{\"ref\":1},\"length\":2},"
		  "{\"kind\":\"typedarray\",\"elem\":\"uint8\",\"buffer\":{\"ref\":2},\"length\":3}]}",
		  "past the end of its buffer (2 bytes)" },
		{ HDR ",\"objects\":[" AB ",{\"kind\":\"plainbuffer\",\"memory\":{\"ref\":1}}]}",
		  "not allowed in a plainbuffer" },
#undef AB
		{ HDR ",\"objects\":[{\"kind\":\"textdecoder\",\"fatal\":1}]}", "expected" },
		/* sealed and frozen: what Object.isSealed/isFrozen said, which the
		 * properties must agree with; the traceback flag */
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"sealed\":true}]}",
		  "an extensible object cannot be sealed or frozen" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"extensible\":false,\"frozen\":true}]}",
		  "a frozen object is sealed too" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"extensible\":false,\"sealed\":true,"
		  "\"props\":[[\"a\",1,\"c\"]]}]}", "property 0: configurable in a sealed object" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"extensible\":false,\"sealed\":true,\"frozen\":true,"
		  "\"props\":[[\"a\",1,\"\"],[\"length\",1,\"w\"]]}]}", "property 1: writable in a frozen object" },
		{ HDR ",\"objects\":[{\"kind\":\"date\",\"traceback\":true,\"time\":0}]}",
		  "a traceback flag on a date object" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"extensible\":false,\"sealed\":1}]}", "expected" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"extensible\":false,\"sealed\":true,\"sealed\":true}]}",
		  "duplicate member \"sealed\"" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"ignoreBOM\":true}]}", "not allowed in a object" },
		/* a traceback's frames, fileName and lineNumber: an error's, or an
		 * object's flagged traceback; an error's whole stack text (older) */
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"frames\":\"E\"}]}",
		  "object 1: traceback: frames on an object without the traceback flag" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"traceback\":true,\"lineNumber\":3}]}",
		  "traceback: fileName or lineNumber without the frames" },
		{ HDR ",\"objects\":[{\"kind\":\"error\",\"stack\":\"E\",\"fileName\":\"a.js\"}]}",
		  "traceback: fileName or lineNumber without the frames" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"traceback\":true,\"stack\":\"E\"}]}",
		  "member \"stack\" not allowed in a object" },
		{ HDR ",\"objects\":[{\"kind\":\"error\",\"frames\":\"\",\"stack\":\"E\"}]}",
		  "\"stack\" or \"frames\", not both" },
		{ HDR ",\"objects\":[{\"kind\":\"error\",\"frames\":\"\",\"fileName\":3}]}", "expected" },
		{ HDR ",\"objects\":[{\"kind\":\"error\",\"frames\":\"\",\"lineNumber\":\"3\"}]}", "expected" },
		{ HDR ",\"objects\":[{\"kind\":\"error\",\"lineNumber\":3,\"lineNumber\":3}]}",
		  "duplicate member \"lineNumber\"" },
		{ HDR ",\"objects\":[{\"kind\":\"array\",\"fileName\":\"a.js\"}]}", "not allowed in a array" },
		/* plain buffers: what Duktape fixes for them, and nothing else */
#define PB "{\"kind\":\"plainbuffer\",\"extensible\":false,\"proto\":{\"builtin\":\"Uint8Array.prototype\"}"
		{ HDR ",\"objects\":[" PB ",\"bytes\":\"QUJD\",\"props\":[[\"x\",1]]}]}",
		  "a plain buffer has no own properties" },
		{ HDR ",\"objects\":[" PB ",\"props\":[[\"0\",1,\"we\"]]}]}",
		  "a plain buffer has no own properties" },
		{ HDR ",\"objects\":[{\"kind\":\"plainbuffer\",\"proto\":{\"builtin\":\"Uint8Array.prototype\"}}]}",
		  "a plain buffer is not extensible" },
		{ HDR ",\"objects\":[" PB ",\"env\":true}]}", "a plain buffer is not extensible" },
		{ HDR ",\"objects\":[{\"kind\":\"plainbuffer\",\"extensible\":false}]}",
		  "prototype is Uint8Array.prototype" },
		{ HDR ",\"objects\":[{\"kind\":\"plainbuffer\",\"extensible\":false,"
		  "\"proto\":{\"builtin\":\"Array.prototype\"}}]}", "prototype is Uint8Array.prototype" },
		{ HDR ",\"objects\":[{\"kind\":\"plainbuffer\",\"extensible\":false,\"proto\":{\"ref\":2}},"
		  "{\"kind\":\"object\"}]}", "prototype is Uint8Array.prototype" },
		{ HDR ",\"objects\":[" PB ",\"dynamic\":1}]}", "expected" },
		{ HDR ",\"objects\":[" PB ",\"bytes\":\"QUJ\"}]}", "invalid base64" },
		{ HDR ",\"objects\":[{\"kind\":\"arraybuffer\",\"dynamic\":true}]}", "not allowed in a arraybuffer" },
		{ HDR ",\"objects\":[" PB "},{\"kind\":\"object\",\"proto\":{\"ref\":1}}]}",
		  "a plain buffer is not an object and cannot be a prototype" },
		{ HDR ",\"objects\":[" PB "},{\"kind\":\"typedarray\",\"elem\":\"uint8\",\"buffer\":{\"ref\":1}}]}",
		  "not an ArrayBuffer" },
		{ HDR ",\"objects\":[" PB "},{\"kind\":\"function\",\"site\":0,\"scope\":null},"
		  "{\"kind\":\"bound\",\"target\":{\"ref\":1}}]}", "bound target: not a function" },
		{ HDR ",\"objects\":[" PB "},{\"kind\":\"function\",\"site\":0,\"scope\":{\"ref\":1}}]}",
		  "scope: a plain buffer cannot be a closure's environment" },
		{ HDR ",\"timers\":[{\"kind\":\"timeout\",\"callback\":{\"ref\":1}}],\"objects\":[" PB "}]}",
		  "not a function" },
#undef PB
		{ HDR ",\"timers\":[{\"kind\":\"timeout\",\"remaining\":-1,\"callback\":{\"builtin\":\"f\"}}]}", ">= 0" },
		{ HDR ",\"timers\":[{\"kind\":\"timeout\",\"callback\":1}]}", "not a function" },
		{ HDR ",\"patches\":[{\"holder\":\"\",\"prop\":[\"a\",1]}]}", "holder" },
		/* a built-in's integrity level: alone, one of three words, once per holder */
		{ HDR ",\"patches\":[{\"holder\":\"Math\",\"integrity\":\"icy\"}]}",
		  "\"integrity\" is \"nonextensible\", \"sealed\" or \"frozen\"" },
		{ HDR ",\"patches\":[{\"holder\":\"Math\",\"integrity\":\"frozen\",\"prop\":[\"a\",1]}]}",
		  "either \"prop\" or (alone) \"integrity\"" },
		{ HDR ",\"patches\":[{\"holder\":\"Math\",\"deleted\":false,\"integrity\":\"sealed\"}]}",
		  "either \"prop\" or (alone) \"integrity\"" },
		{ HDR ",\"patches\":[{\"holder\":\"Math\"}]}", "either \"prop\" or (alone) \"integrity\"" },
		{ HDR ",\"patches\":[{\"holder\":\"Math\",\"integrity\":\"sealed\"},{\"holder\":\"Math\",\"integrity\":\"frozen\"}]}",
		  "patches: patch 1: the same holder and key as patch 0" },
		/* an object names each own property once: a few keys, and more (a table) */
		{ HDR ",\"globals\":[[\"a\",1,\"e\"],[\"b\",2],[\"a\",3,\"wec\"]]}",
		  "globals: property 2: the same key as property 0" },
		{ HDR ",\"objects\":[{\"kind\":\"object\",\"props\":[[\"k0\",0],[\"k1\",1],[\"k2\",2],"
		  "[\"k3\",3],[\"k4\",4],[\"k5\",5],[\"k6\",6],[\"k7\",7],[\"k8\",8],[\"k9\",9],"
		  "[\"k10\",10],[\"k3\",11],[\"k12\",12]]}]}", "object 1: property 11: the same key as property 3" },
		{ HDR ",\"symbols\":[{\"kind\":\"local\"},{\"kind\":\"local\"}],\"objects\":[{\"kind\":\"object\","
		  "\"props\":[[{\"symbol\":1},1],[{\"symbol\":2},2],[\"x\",3],[{\"symbol\":1},4]]}]}",
		  "object 1: property 3: the same key as property 0" },
		/* a built-in's property patched twice; the same key on another holder is fine */
		{ HDR ",\"patches\":[{\"holder\":\"Math\",\"prop\":[\"a\",1]},{\"holder\":\"JSON\",\"prop\":[\"a\",1]},{\"holder\":\"Math\",\"prop\":[\"a\",1]}]}", "patches: patch 2: the same holder and key as patch 0" },
		{ HDR ",\"patches\":[{\"holder\":\"Math\",\"prop\":[\"k0\",1]},{\"holder\":\"Math\",\"prop\":[\"k1\",1]},{\"holder\":\"Math\",\"prop\":[\"k2\",1]},{\"holder\":\"Math\",\"prop\":[\"k3\",1]},{\"holder\":\"Math\",\"prop\":[\"k4\",1]},{\"holder\":\"Math\",\"prop\":[\"k5\",1]},{\"holder\":\"Math\",\"prop\":[\"k6\",1]},{\"holder\":\"Math\",\"prop\":[\"k7\",1]},{\"holder\":\"Math\",\"prop\":[\"k8\",1]},{\"holder\":\"JSON\",\"prop\":[\"k4\",1]},{\"holder\":\"Math\",\"prop\":[\"k4\",1]}]}", "patches: patch 10: the same holder and key as patch 4" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		decode_bad(cases[i].in, strlen(cases[i].in), NULL, cases[i].needle);
}
END_TEST

/* sealed, frozen and traceback read and write back as written; a frozen
 * array's length may stay writable (Duktape keeps it apart) */
START_TEST(json_integrity)
{
	static const char in[] = HDR ",\"objects\":["
		"{\"kind\":\"array\",\"extensible\":false,\"sealed\":true,\"frozen\":true,\"proto\":null,"
		"\"props\":[[\"0\",1,\"e\"],[\"length\",1,\"w\"]]},"
		"{\"kind\":\"textdecoder\",\"extensible\":false,\"sealed\":true,\"proto\":null,\"props\":[]},"
		"{\"kind\":\"object\",\"traceback\":true,\"proto\":{\"builtin\":\"Error.prototype\"},"
		"\"props\":[[\"stack\",\"E\",\"wc\"]]},"
		"{\"kind\":\"error\",\"extensible\":false,\"sealed\":true,\"proto\":{\"builtin\":\"Error.prototype\"},"
		"\"props\":[[\"message\",\"m\",\"w\"],[\"stack\",\"Error: m\\n    at f (a.js:1)\",\"\"]],\"stack\":\"\"}]}";
	wr_snapshot *s = decode_ok(in, sizeof in - 1);
	ck_assert_uint_eq(s->objects[0].flags, WR_OF_SEALED | WR_OF_FROZEN);
	ck_assert_uint_eq(s->objects[1].flags, WR_OF_SEALED);
	ck_assert_uint_eq(s->objects[2].flags, WR_OF_EXTENSIBLE | WR_OF_TRACEBACK);
	ck_assert_uint_eq(s->objects[3].flags, WR_OF_SEALED);
	wr_buf b = encode(s, 0);
	char *text = strndup((const char *)b.data, b.len);
	ck_assert_ptr_nonnull(strstr(text, "\"extensible\":false,\"sealed\":true,\"frozen\":true"));
	ck_assert_ptr_nonnull(strstr(text, "\"traceback\":true"));
	free(text);
	reads_back(s, &b);
}
END_TEST

/* a traceback's frames, fileName and lineNumber read and write back as
 * written, on an error (undefined ones left out) and on an object flagged
 * traceback; an older snapshot's error has its whole stack text, its
 * traceback object none */
START_TEST(json_trace)
{
	static const char in[] = HDR ",\"objects\":["
		"{\"kind\":\"object\",\"traceback\":true,\"proto\":{\"builtin\":\"Error.prototype\"},"
		"\"lineNumber\":8,\"frames\":\"\\n    at global (a.js:8)\",\"fileName\":\"a.js\"},"
		"{\"kind\":\"object\",\"traceback\":true,\"proto\":{\"builtin\":\"Error.prototype\"},"
		"\"props\":[[\"stack\",\"E\",\"wc\"]]},"
		"{\"kind\":\"error\",\"proto\":{\"builtin\":\"Error.prototype\"},\"frames\":\"F\","
		"\"lineNumber\":{\"number\":\"-0\"}},"
		"{\"kind\":\"error\",\"proto\":{\"builtin\":\"Error.prototype\"},\"fileName\":{\"raw\":\"/w==\"},"
		"\"frames\":\"\"},"
		"{\"kind\":\"error\",\"proto\":{\"builtin\":\"Error.prototype\"},\"stack\":\"E\"}]}";
	wr_snapshot *s = decode_ok(in, sizeof in - 1);
	const wr_object *o = s->objects;
	ck_assert_uint_eq(o[0].u.trace.has, WR_TR_FRAMES | WR_TR_FILE | WR_TR_LINE);
	ck_assert(same_str(o[0].u.trace.stack, (wr_str){ "\n    at global (a.js:8)", 23 }));
	ck_assert(same_str(o[0].u.trace.file, (wr_str){ "a.js", 4 }));
	ck_assert(o[0].u.trace.line == 8);
	ck_assert_uint_eq(o[1].u.trace.has, 0);
	ck_assert_uint_eq(o[1].nprops, 1);
	ck_assert_uint_eq(o[2].u.trace.has, WR_TR_FRAMES | WR_TR_LINE);
	ck_assert(o[2].u.trace.line == 0 && signbit(o[2].u.trace.line));
	ck_assert_uint_eq(o[3].u.trace.has, WR_TR_FRAMES | WR_TR_FILE);
	ck_assert(same_str(o[3].u.trace.file, (wr_str){ "\xff", 1 }));
	ck_assert_uint_eq(o[4].u.trace.has, 0);
	ck_assert(same_str(o[4].u.trace.stack, (wr_str){ "E", 1 }));
	wr_buf b = encode(s, 0);
	char *text = strndup((const char *)b.data, b.len);
	ck_assert_ptr_nonnull(strstr(text, "\"frames\":\"\\n    at global (a.js:8)\","
	                                   "\"fileName\":\"a.js\",\"lineNumber\":8"));
	ck_assert_ptr_nonnull(strstr(text, "\"frames\":\"F\",\"lineNumber\":{\"number\":\"-0\"},\"props\""));
	ck_assert_ptr_nonnull(strstr(text, "\"frames\":\"\",\"fileName\":{\"raw\":\"/w==\"},\"props\""));
	ck_assert_ptr_nonnull(strstr(text, "\"stack\":\"E\",\"props\":[]}]"));
	/* the old form's object: its own `stack`, no frames */
	ck_assert_ptr_nonnull(strstr(text, "\"traceback\":true,\"proto\":{\"builtin\":\"Error.prototype\"},"
	                                   "\"props\":[[\"stack\",\"E\",\"wc\"]]}"));
	free(text);
	reads_back(s, &b);
}
END_TEST

/* max_model: what the decoder allocates for the model is counted to the
 * byte. 8 objects of 1000 properties `[{"symbol":I},0]` (symbols 1..1000
 * as keys: no key strings to allocate, no key twice; 80000 bytes of model
 * per object, a block of their own): decoded without a limit it
 * holds H bytes; a budget of H decodes, H - 1 is refused when the last
 * object's properties are copied, at that object's closing '}' */
START_TEST(json_model_budget)
{
	size_t cap = 262144, n = 0;
	char *in = malloc(cap);
	n += (size_t)snprintf(in + n, cap - n, HDR ",\"symbols\":[");
	for (int i = 0; i < 1000; i++)
		n += (size_t)snprintf(in + n, cap - n, "%s{\"kind\":\"local\"}", i ? "," : "");
	n += (size_t)snprintf(in + n, cap - n, "],\"objects\":[");
	for (int o = 0; o < 8; o++) {
		n += (size_t)snprintf(in + n, cap - n, "%s{\"kind\":\"object\",\"props\":[", o ? "," : "");
		for (int i = 0; i < 1000; i++)
			n += (size_t)snprintf(in + n, cap - n, "%s[{\"symbol\":%d},0]", i ? "," : "", i + 1);
		n += (size_t)snprintf(in + n, cap - n, "]}");
	}
	n += (size_t)snprintf(in + n, cap - n, "]}");
	ck_assert(n < cap);
	wr_limits l;
	wr_snapshot *s = NULL;
	wr_error e;
	wr_limits_default(&l);
	l.max_model = SIZE_MAX;
	ck_assert_msg(wr_json_read(in, n, &l, &s, &e) == 0, "%s", e.msg);
	size_t held = wr_model_held(s);
	ck_assert_uint_eq(s->nobjects, 8);
	ck_assert_uint_gt(held, 8 * 80000);
	wr_snapshot_free(s);
	l.max_model = held;
	ck_assert_msg(wr_json_read(in, n, &l, &s, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(wr_model_held(s), held);
	wr_snapshot_free(s);
	l.max_model = held - 1;
	decode_bad(in, n, &l, "snapshot needs more than ");
	{
		wr_error e2;
		s = (wr_snapshot *)1;
		ck_assert_int_eq(wr_json_read(in, n, &l, &s, &e2), -1);
		ck_assert_ptr_null(s);
		ck_assert_uint_eq(e2.offset, n - 3);
		ck_assert_int_eq(in[e2.offset], '}');
		char want[160];
		snprintf(want, sizeof want, "byte %zu: snapshot needs more than %.1f KiB to decode "
		         "(limit max_model = %zu bytes)", n - 3, (double)(held - 1) / 1024, held - 1);
		ck_assert_str_eq(e2.msg, want);
	}
	/* the limit derived from max_bytes says so */
	wr_limits_input(&l, 4096);
	ck_assert_uint_eq(l.max_model, 4096u * WR_MODEL_RATIO + WR_MODEL_SLACK);
	l.max_bytes = n;
	l.max_model = wr_model_limit(n);
	ck_assert_msg(wr_json_read(in, n, &l, &s, &e) == 0, "%s", e.msg);
	wr_snapshot_free(s);
	free(in);
}
END_TEST

START_TEST(model_limit_rule)
{
	wr_limits l;
	wr_error e;
	wr_limits_default(&l);
	ck_assert_uint_eq(l.max_bytes, (size_t)256 << 20);
	ck_assert_uint_eq(l.max_model, ((size_t)256 << 20) * WR_MODEL_RATIO + WR_MODEL_SLACK);
	ck_assert_uint_eq(wr_model_limit(0), WR_MODEL_SLACK);
	ck_assert_uint_eq(wr_model_limit(SIZE_MAX), SIZE_MAX);
	ck_assert_uint_eq(wr_model_limit(SIZE_MAX / WR_MODEL_RATIO), SIZE_MAX);
	wr_limits_input(&l, (size_t)1 << 20);
	ck_assert_uint_eq(l.max_bytes, (size_t)1 << 20);
	ck_assert_uint_eq(l.max_model, ((size_t)WR_MODEL_RATIO + 1) << 20);
	wr_err_model(&e, 77, &l);
	ck_assert_uint_eq(e.offset, 77);
	ck_assert_str_eq(e.msg, "byte 77: snapshot needs more than 33 MiB to decode (limit for inputs "
	                 "of up to 1 MiB: 32 bytes per input byte + 1 MiB)");
	/* tables the runtime builds have no budget */
	wr_snapshot *s = wr_snapshot_new();
	ck_assert_ptr_nonnull(wr_alloc(s, 1000));
	ck_assert(!wr_model_over(s));
	wr_model_budget(s, wr_model_held(s));
	ck_assert_ptr_nonnull(wr_alloc(s, 16));   /* fits in the chunk: nothing new */
	ck_assert_ptr_null(wr_alloc(s, 1 << 20));
	ck_assert(wr_model_over(s));
	ck_assert_ptr_null(wr_add_global(s));
	wr_snapshot_free(s);
}
END_TEST

/* The decoder's peak for a JSON input with a list of n elements, minus
 * the same with none: what the elements cost. */
static size_t list_cost(const char *pre, const char *elem, const char *post, int n, size_t *len)
{
	size_t cap = (size_t)n * 16 + 1024, k = 0, base;
	char *in = malloc(cap);
	wr_snapshot *s;
	wr_error e;
	for (int pass = 0; pass < 2; pass++) {
		int m = pass ? n : 0;
		k = (size_t)snprintf(in, cap, "%s", pre);
		for (int i = 0; i < m; i++) {
			if (i)
				in[k++] = ',';
			k += (size_t)snprintf(in + k, cap - k, elem, i);
		}
		k += (size_t)snprintf(in + k, cap - k, "%s", post);
		ck_assert_msg(wr_json_read(in, k, NULL, &s, &e) == 0, "%s", e.msg);
		if (!pass)
			base = wr_model_held(s);
		else
			base = wr_model_held(s) - base;
		if (!pass)
			*len = k;
		wr_snapshot_free(s);
	}
	*len = k - *len;
	free(in);
	return base;
}

/* Lists and properties go through a scratch vector that doubles; it is
 * shrunk before the copy into the arena, so the peak is twice the result
 * (24 bytes a value, 80 a property), not three times, nor the four times
 * of growing a list in the arena. Just over a power of two is the worst */
START_TEST(json_list_peak)
{
	size_t len, cost;
	const int n = (1 << 16) + 1;
	cost = list_cost(HDR ",\"objects\":[{\"kind\":\"function\",\"site\":0,\"scope\":null}],"
	                 "\"timers\":[{\"kind\":\"timeout\",\"id\":1,\"remaining\":0,\"period\":0,\"seq\":0,"
	                 "\"callback\":{\"ref\":1},\"args\":[", "0", "]}]}", n, &len);
	ck_assert_msg(cost <= (size_t)n * 2 * sizeof(wr_value) + 4096, "timer arguments: %zu bytes for %d values",
	              cost, n);
	cost = list_cost(HDR ",\"objects\":[{\"kind\":\"object\",\"props\":[", "[\"k%d\",0]", "]}]}", n, &len);
	/* 2 x 80 for the property, 16 for its key's string, 1/16 of arena
	 * chunks unused at most (without the shrink: 3 x 80 + 16) */
	ck_assert_msg(cost <= (size_t)n * (2 * sizeof(wr_prop) + 16) / 16 * 17 + 65536, "properties: %zu bytes for %d",
	              cost, n);
}
END_TEST

START_TEST(json_timer_needs_callback)
{
	static const char in[] = HDR ",\"timers\":[{\"kind\":\"timeout\",\"id\":1}]}";
	wr_snapshot *s = (wr_snapshot *)1;
	wr_error e;
	ck_assert_int_eq(wr_json_read(in, sizeof in - 1, NULL, &s, &e), -1);
	ck_assert_ptr_null(s);
	ck_assert_uint_eq(e.offset, sizeof in - 1 - 3);   /* the timer's '}' */
	ck_assert_ptr_nonnull(strstr(e.msg, "a timer needs \"callback\""));
}
END_TEST

START_TEST(json_limits)
{
	wr_snapshot *a = sample();
	wr_buf b = encode(a, 0);
	wr_limits l;
	wr_limits_default(&l);
	l.max_bytes = b.len - 1;
	decode_bad(b.data, b.len, &l, "larger than the limit");
	wr_limits_default(&l);
	l.max_depth = 3;
	decode_bad(b.data, b.len, &l, "nesting deeper");
	wr_limits_default(&l);
	l.max_string = 20;
	decode_bad(b.data, b.len, &l, "longer than the limit");
	wr_limits_default(&l);
	l.max_objects = a->nobjects - 1;
	decode_bad(b.data, b.len, &l, "more objects");
	wr_limits_default(&l);
	l.max_props = 2;
	decode_bad(b.data, b.len, &l, "than the limit (2)");
	/* a plain buffer's bytes count against max_string as an ArrayBuffer's do */
	{
		static const char pb[] = HDR ",\"objects\":[{\"kind\":\"plainbuffer\",\"extensible\":false,"
			"\"proto\":{\"builtin\":\"Uint8Array.prototype\"},\"bytes\":\"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAh\"}]}";
		wr_snapshot *p = NULL;
		wr_error pe;
		wr_limits_default(&l);
		l.max_string = 32;   /* 33 bytes */
		decode_bad(pb, sizeof pb - 1, &l, "byte string longer than the limit (32 bytes)");
		l.max_string = 33;
		ck_assert_msg(wr_json_read(pb, sizeof pb - 1, &l, &p, &pe) == 0, "%s", pe.msg);
		ck_assert_uint_eq(p->objects[0].u.bytes.len, 33);
		ck_assert_uint_eq(p->objects[0].u.bytes.dynamic, 0);
		wr_snapshot_free(p);
	}
	/* exactly at the limits: accepted */
	wr_limits_default(&l);
	l.max_bytes = b.len;
	l.max_objects = a->nobjects;
	wr_snapshot *c = NULL;
	wr_error e;
	ck_assert_msg(wr_json_read(b.data, b.len, &l, &c, &e) == 0, "%s", e.msg);
	wr_snapshot_free(c);
	/* deep nesting in hostile input stops at the depth limit, no stack overflow */
	size_t n = 200000;
	char *deep = malloc(n + sizeof HDR + 16);
	strcpy(deep, HDR ",\"globals\":");
	size_t k = strlen(deep);
	memset(deep + k, '[', n);
	decode_bad(deep, k + n, NULL, NULL);
	free(deep);
	wr_buf_free(&b);
	wr_snapshot_free(a);
}
END_TEST

START_TEST(model_builders)
{
	wr_snapshot *s = wr_snapshot_new();
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(s->version, WR_FORMAT_VERSION);
	for (uint32_t i = 1; i <= 1000; i++) {
		uint32_t id = 0;
		wr_object *o = wr_add_object(s, &id);
		ck_assert_ptr_nonnull(o);
		ck_assert_uint_eq(id, i);
		ck_assert_uint_eq(o->flags, WR_OF_EXTENSIBLE);
		ck_assert_uint_eq(o->proto.type, WR_NULL);
		for (uint32_t k = 0; k < i % 37; k++) {
			wr_prop *p = wr_add_prop(s, &s->objects[id - 1]);
			ck_assert_ptr_nonnull(p);
			p->key.type = WR_STRING;
			p->value.type = WR_NUMBER;
			p->value.u.num = k;
		}
	}
	for (uint32_t i = 1; i <= 1000; i++) {
		wr_object *o = &s->objects[i - 1];
		ck_assert_uint_eq(o->nprops, i % 37);
		for (uint32_t k = 0; k < o->nprops; k++)
			ck_assert(o->props[k].value.u.num == k);
	}
	void *big = wr_alloc(s, 1 << 20);
	ck_assert_ptr_nonnull(big);
	memset(big, 1, 1 << 20);
	wr_str str = S(s, "hello");
	ck_assert_uint_eq(str.len, 5);
	ck_assert_mem_eq(str.ptr, "hello", 5);
	uint32_t sid;
	ck_assert_ptr_nonnull(wr_add_symbol(s, &sid));
	ck_assert_uint_eq(sid, 1);
	ck_assert_ptr_nonnull(wr_add_timer(s));
	ck_assert_ptr_nonnull(wr_add_patch(s));
	ck_assert_ptr_nonnull(wr_add_global(s));
	ck_assert_uint_eq(s->ntimers + s->npatches + s->nglobals, 3);
	wr_snapshot_free(s);
	wr_snapshot_free(NULL);
}
END_TEST

/* the growth rule of wire/ (wr_impl.h): doubling from `first`, and a
 * refusal (nothing changed) where a uint32 count or a size_t would wrap */
START_TEST(model_grow)
{
	wr_snapshot *s = wr_snapshot_new();
	uint64_t *a = NULL, *b = NULL;
	uint32_t cap = 0, bcap = 0;
	ck_assert_int_eq(wr_grow((void **)&a, 0, &cap, 16, sizeof *a), 0);
	ck_assert_uint_eq(cap, 16);
	for (uint32_t i = 0; i < 100; i++) {
		ck_assert_int_eq(wr_grow((void **)&a, i, &cap, 16, sizeof *a), 0);
		a[i] = i;
		ck_assert_int_eq(wr_grow_arena(s, (void **)&b, i, &bcap, 4, sizeof *b), 0);
		b[i] = i;
	}
	ck_assert_uint_eq(cap, 128);
	ck_assert_uint_eq(bcap, 128);
	ck_assert(a[99] == 99 && b[99] == 99 && b[0] == 0);
	/* full: the next element needs a capacity past 2^31 elements of a size
	 * whose product wraps a size_t */
	uint64_t *keep = a;
	cap = 1u << 31;
	ck_assert_int_eq(wr_grow((void **)&a, 1u << 31, &cap, 16, SIZE_MAX / 4), -1);
	ck_assert_ptr_eq(a, keep);
	ck_assert_uint_eq(cap, 1u << 31);
	bcap = 1u << 31;
	ck_assert_int_eq(wr_grow_arena(s, (void **)&b, 1u << 31, &bcap, 4, SIZE_MAX / 4), -1);
	ck_assert_uint_eq(bcap, 1u << 31);
	/* no room past UINT32_MAX - 2 elements, whatever the capacity says */
	cap = 0;
	ck_assert_int_eq(wr_grow((void **)&a, UINT32_MAX - 1, &cap, 16, 1), -1);
	ck_assert_ptr_eq(a, keep);
	free(a);
	wr_snapshot_free(s);
}
END_TEST

START_TEST(limits_default)
{
	wr_limits l;
	wr_limits_default(&l);
	ck_assert(l.max_bytes > 0 && l.max_depth >= 16 && l.max_string > 0);
	ck_assert(l.max_objects > 0 && l.max_props > 0);
}
END_TEST

START_TEST(json_write_values)
{
	wr_snapshot *s = wr_snapshot_new();
	wr_prop *g;
	static const double nums[] = { 0.1, -0.0, 1e21, 5e-324 };
	const char *want[] = { "0.1", "{\"number\":\"-0\"}", "1e+21", "4.94065645841247e-324" };
	for (int i = 0; i < 4; i++) {
		g = wr_add_global(s);
		g->key.u.str = S(s, "n");
		g->value.type = WR_NUMBER;
		g->value.u.num = nums[i];
	}
	g = wr_add_global(s);
	g->key.u.str = S(s, "lone");
	g->value.type = WR_STRING;
	g->value.u.str = S(s, "a\xED\xA0\x80" "b\"\n");
	g = wr_add_global(s);
	g->key.u.str = S(s, "rawbytes");
	g->value.type = WR_STRING;
	g->value.u.str = S(s, "\xFF\x01");
	char *j = json_of(s, 0);
	for (int i = 0; i < 4; i++)
		ck_assert_msg(strstr(j, want[i]) != NULL, "%s not in %s", want[i], j);
	ck_assert_ptr_nonnull(strstr(j, "\"a\\uD800b\\\"\\n\""));
	ck_assert_ptr_nonnull(strstr(j, "{\"raw\":\"/wE=\"}"));
	ck_assert_ptr_nonnull(strstr(j, "\"format\":\"ferry-snapshot\""));
	free(j);
	wr_snapshot_free(s);
}
END_TEST


START_TEST(detect_and_dispatch)
{
	wr_snapshot *a = sample();
	wr_buf j = { 0 }, m = { 0 };
	wr_error e;
	ck_assert_int_eq(wr_write(a, WR_FMT_JSON, &j, &e), 0);
	ck_assert_msg(wr_write(a, WR_FMT_MSGPACK, &m, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(wr_detect(j.data, j.len), WR_FMT_JSON);
	ck_assert_int_eq(wr_detect(m.data, m.len), WR_FMT_MSGPACK);
	ck_assert_int_eq(wr_detect(" \n{", 3), WR_FMT_JSON);
	ck_assert_int_eq(wr_detect("", 0), WR_FMT_UNKNOWN);
	ck_assert_int_eq(wr_detect("hello", 5), WR_FMT_UNKNOWN);
	wr_snapshot *b = NULL, *c = NULL;
	ck_assert_msg(wr_read(j.data, j.len, NULL, &b, &e) == 0, "%s", e.msg);
	ck_assert_msg(wr_read(m.data, m.len, NULL, &c, &e) == 0, "%s", e.msg);
	assert_same(a, b);
	assert_same(a, c);
	wr_snapshot_free(b);
	ck_assert_int_eq(wr_read("xyz", 3, NULL, &b, &e), -1);
	ck_assert_ptr_null(b);
	ck_assert_ptr_nonnull(strstr(e.msg, "byte 0: not a snapshot"));
	ck_assert_int_eq(wr_write(a, WR_FMT_UNKNOWN, &j, &e), -1);
	wr_snapshot_free(a);
	wr_snapshot_free(c);
	wr_buf_free(&j);
	wr_buf_free(&m);
}
END_TEST

START_TEST(files_atomic)
{
	char dir[] = "/tmp/check_wire.XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[256], other[256];
	snprintf(path, sizeof path, "%s/snap.json", dir);
	wr_error e;
	ck_assert_msg(wr_write_file_atomic(path, "first", 5, &e) == 0, "%s", e.msg);
	ck_assert_msg(wr_write_file_atomic(path, "second!", 7, &e) == 0, "%s", e.msg);
	uint8_t *d;
	size_t n;
	ck_assert_msg(wr_read_file(path, 100, &d, &n, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(n, 7);
	ck_assert_mem_eq(d, "second!", 7);
	free(d);
	/* no limit (ferry --max-bytes 18446744073709551615): max_bytes + 1
	 * must not wrap to 0 */
	ck_assert_msg(wr_read_file(path, SIZE_MAX, &d, &n, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(n, 7);
	free(d);
	/* limit: one byte less is refused */
	ck_assert_int_eq(wr_read_file(path, 6, &d, &n, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "larger than the limit"));
	ck_assert_ptr_null(d);
	/* no temporary files left behind */
	snprintf(other, sizeof other, "ls -A %s | grep -c tmp", dir);
	FILE *f = popen(other, "r");
	int count = -1;
	ck_assert_int_eq(fscanf(f, "%d", &count), 1);
	pclose(f);
	ck_assert_int_eq(count, 0);
	/* failure: the directory does not exist; the message names the path */
	snprintf(other, sizeof other, "%s/nodir/x", dir);
	ck_assert_int_eq(wr_write_file_atomic(other, "x", 1, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, other));
	ck_assert_int_eq(wr_read_file(other, 100, &d, &n, &e), -1);
	ck_assert_int_eq(wr_read_file(dir, 100, &d, &n, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "directory"));
	/* empty file */
	ck_assert_int_eq(wr_write_file_atomic(path, "", 0, &e), 0);
	ck_assert_int_eq(wr_read_file(path, 100, &d, &n, &e), 0);
	ck_assert_uint_eq(n, 0);
	free(d);
	unlink(path);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* A process killed between mkstemp and rename leaves PATH.tmp.XXXXXX: the
 * next write of PATH removes it, but nothing else of that directory, no
 * temporary file a live writer holds (locked), and none modified in the last
 * seconds (a writer between its mkstemp and its lock). */
static void put(const char *dir, const char *name, int age)
{
	char p[512];
	FILE *f;
	struct timeval tv[2];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs("{\"partial", f);
	fclose(f);
	gettimeofday(&tv[0], NULL);
	tv[0].tv_sec -= age;
	tv[1] = tv[0];
	ck_assert_int_eq(utimes(p, tv), 0);
}

static int there(const char *dir, const char *name)
{
	char p[512];
	struct stat st;
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return lstat(p, &st) == 0;
}

START_TEST(files_stale_temps)
{
	static const char *kept[] = {
		"snap.json.tmp.AbC12", "snap.json.tmp.AbC1234", "snap.json.tmp.AbC12-",
		"snap.json.tmp.AbC12\xc3\xa9", "other.json.tmp.AbC123", "xsnap.json.tmp.AbC123",
		"snap.json.tmp.", "snap.jsonXtmp.AbC123", "snap.json.tmp.LiVe00",
		"snap.json.tmp.FrEsH0", "snap.json.tmp.DiR000", "snap.json.tmp.LnK000",
	};
	char dir[] = "/tmp/check_wire.XXXXXX", path[256], p[512];
	wr_error e;
	size_t i;
	int live;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/snap.json", dir);
	put(dir, "snap.json.tmp.AbC123", 60);   /* two killed writers */
	put(dir, "snap.json.tmp.zz9ZZ9", 3600);
	for (i = 0; i < sizeof kept / sizeof kept[0] - 2; i++)
		put(dir, kept[i], strstr(kept[i], "FrEsH") ? 0 : 60);
	snprintf(p, sizeof p, "%s/snap.json.tmp.DiR000", dir);
	ck_assert_int_eq(mkdir(p, 0700), 0);
	snprintf(p, sizeof p, "%s/snap.json.tmp.LnK000", dir);
	ck_assert_int_eq(symlink("other.json.tmp.AbC123", p), 0);
	/* a live writer: its lock is held (another open file description) */
	snprintf(p, sizeof p, "%s/snap.json.tmp.LiVe00", dir);
	live = open(p, O_RDWR);
	ck_assert_int_ge(live, 0);
	ck_assert_int_eq(flock(live, LOCK_EX), 0);

	ck_assert_msg(wr_write_file_atomic(path, "new", 3, &e) == 0, "%s", e.msg);
	ck_assert_msg(!there(dir, "snap.json.tmp.AbC123"), "stale temporary file left");
	ck_assert_msg(!there(dir, "snap.json.tmp.zz9ZZ9"), "stale temporary file left");
	for (i = 0; i < sizeof kept / sizeof kept[0]; i++)
		ck_assert_msg(there(dir, kept[i]), "%s removed", kept[i]);
	ck_assert(there(dir, "snap.json"));

	/* the writer died: its file goes with the next write */
	close(live);
	ck_assert_msg(wr_write_file_atomic(path, "newer", 5, &e) == 0, "%s", e.msg);
	ck_assert(!there(dir, "snap.json.tmp.LiVe00"));
	ck_assert(there(dir, "snap.json.tmp.LnK000"));

	for (i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, kept[i]);
		remove(p);   /* a directory too */
	}
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

static const char *sample_path;

START_TEST(write_sample)
{
	wr_snapshot *a = sample();
	wr_buf b = encode(a, 1);
	wr_error e;
	ck_assert_msg(wr_write_file_atomic(sample_path, b.data, b.len, &e) == 0, "%s", e.msg);
	wr_buf_free(&b);
	wr_snapshot_free(a);
}
END_TEST

static Suite *wire_suite(void)
{
	Suite *su = suite_create("wire");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, model_builders);
	tcase_add_test(tc, limits_default);
	tcase_add_test(tc, model_grow);
	suite_add_tcase(su, tc);
	tc = tcase_create("json");
	tcase_set_timeout(tc, 300);   /* truncation and bit flips decode ~40000 inputs; slow under valgrind */
	tcase_add_test(tc, json_write_values);
	tcase_add_test(tc, json_round_trip);
	tcase_add_test(tc, json_doubles_exact);
	tcase_add_test(tc, json_integrity);
	tcase_add_test(tc, json_trace);
	tcase_add_test(tc, json_foreign_escapes);
	tcase_add_test(tc, json_truncation);
	tcase_add_test(tc, json_bit_flips);
	tcase_add_test(tc, json_errors);
	tcase_add_test(tc, json_limits);
	tcase_add_test(tc, json_model_budget);
	tcase_add_test(tc, json_list_peak);
	tcase_add_test(tc, json_timer_needs_callback);
	tcase_add_test(tc, model_limit_rule);
	suite_add_tcase(su, tc);
	tc = tcase_create("io");
	tcase_add_test(tc, detect_and_dispatch);
	tcase_add_test(tc, files_atomic);
	tcase_add_test(tc, files_stale_temps);
	suite_add_tcase(su, tc);
	return su;
}

int main(int argc, char **argv)
{
	Suite *su;
	if (argc == 3 && !strcmp(argv[1], "--write-sample")) {
		/* regenerates tests/data/wire/sample.json */
		sample_path = argv[2];
		su = suite_create("sample");
		TCase *tc = tcase_create("sample");
		tcase_add_test(tc, write_sample);
		suite_add_tcase(su, tc);
	} else {
		su = wire_suite();
	}
	SRunner *sr = srunner_create(su);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
