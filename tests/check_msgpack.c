/*
 * tests/check_msgpack.c -- the msgpack snapshot codec (wire/msgpack_*.c):
 * exact round trips of every value and object kind, every decoding limit,
 * truncation at every byte, single-bit flips, hostile headers, and the
 * size target against the JSON encoding of the same model.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wire/wire.h"
#include "wire/wr_impl.h"   /* wr_model_held */

/* ---- building a model that uses everything ---- */

static wr_value v_undef(void) { wr_value v; memset(&v, 0, sizeof v); v.type = WR_UNDEFINED; return v; }
static wr_value v_null(void) { wr_value v = v_undef(); v.type = WR_NULL; return v; }
static wr_value v_bool(int b) { wr_value v = v_undef(); v.type = b ? WR_TRUE : WR_FALSE; return v; }
static wr_value v_num(double d) { wr_value v = v_undef(); v.type = WR_NUMBER; v.u.num = d; return v; }
static wr_value v_ref(uint32_t id) { wr_value v = v_undef(); v.type = WR_REF; v.u.ref = id; return v; }
static wr_value v_sym(uint32_t id) { wr_value v = v_undef(); v.type = WR_SYMBOL; v.u.ref = id; return v; }

static wr_value v_strn(wr_snapshot *s, const char *p, size_t n)
{
	wr_value v = v_undef();
	v.type = WR_STRING;
	ck_assert_int_eq(wr_strdup(s, p, n, &v.u.str), 0);
	return v;
}
static wr_value v_str(wr_snapshot *s, const char *p) { return v_strn(s, p, strlen(p)); }
static wr_value v_builtin(wr_snapshot *s, const char *p)
{
	wr_value v = v_str(s, p);
	v.type = WR_BUILTIN;
	return v;
}
static wr_str mkstr(wr_snapshot *s, const char *p, size_t n)
{
	wr_str r;
	ck_assert_int_eq(wr_strdup(s, p, n, &r), 0);
	return r;
}

static void add_prop(wr_snapshot *s, uint32_t id, wr_value key, wr_value val, uint32_t flags)
{
	wr_prop *p = wr_add_prop(s, &s->objects[id - 1]);
	ck_assert_ptr_nonnull(p);
	p->key = key;
	p->value = val;
	p->flags = flags;
	p->setter = v_undef();
}

static uint32_t add_obj(wr_snapshot *s, uint32_t kind, wr_value proto)
{
	uint32_t id;
	wr_object *o = wr_add_object(s, &id);
	ck_assert_ptr_nonnull(o);
	o->kind = kind;
	o->flags = WR_OF_EXTENSIBLE;
	o->proto = proto;
	return id;
}

#define PF_DEF (WR_PF_WRITABLE | WR_PF_ENUMERABLE | WR_PF_CONFIGURABLE)

/* lone surrogate U+D800 in Duktape's internal encoding, and arbitrary bytes */
static const char LONE[] = "a\xED\xA0\x80z";
static const char RAWB[] = "\xFF" "fsite\x00\x01";

static wr_snapshot *sample(void)
{
	wr_snapshot *s = wr_snapshot_new();
	ck_assert_ptr_nonnull(s);
	for (int i = 0; i < 32; i++)
		s->hash[i] = (uint8_t)(i * 7 + 1);
	s->created = 1764070000123.0;
	s->next_timer_id = 42;
	s->next_seq = 0x1234567890ULL;
	s->loop_phase = 1;
	s->phase_seq = 77;

	/* symbols: local with desc, local without, global, well-known */
	uint32_t sy;
	wr_symbol *y = wr_add_symbol(s, &sy);
	y->kind = WR_SYM_LOCAL; y->has_desc = 1; y->desc = mkstr(s, "tag", 3);
	y = wr_add_symbol(s, &sy);
	y->kind = WR_SYM_LOCAL; y->has_desc = 0;
	y = wr_add_symbol(s, &sy);
	y->kind = WR_SYM_GLOBAL; y->has_desc = 1; y->desc = mkstr(s, LONE, sizeof LONE - 1);
	y = wr_add_symbol(s, &sy);
	y->kind = WR_SYM_WELLKNOWN; y->has_desc = 1; y->desc = mkstr(s, "iterator", 8);

	/* 1: an environment object with every value type */
	uint32_t env = add_obj(s, WR_OBJ_OBJECT, v_builtin(s, "Object.prototype"));
	s->objects[env - 1].flags |= WR_OF_ENV;
	const double nums[] = { 0.0, -0.0, NAN, INFINITY, -INFINITY, 1, -1, 127, 128, -32, -33,
		255, 256, 65535, 65536, -129, 4294967295.0, 4294967296.0, -2147483649.0,
		9007199254740993.0 /* rounds */, 9223372036854775807.0, -9223372036854775808.0,
		1e300, -1e-300, 0.5, 0.1, 3.14159, 5e-324, 1.5e38, 3.4028234663852886e38, 1e39 };
	char name[16];
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		snprintf(name, sizeof name, "n%zu", i);
		add_prop(s, env, v_str(s, name), v_num(nums[i]), PF_DEF);
	}
	add_prop(s, env, v_str(s, "u"), v_undef(), PF_DEF);
	add_prop(s, env, v_str(s, "nl"), v_null(), PF_DEF);
	add_prop(s, env, v_str(s, "t"), v_bool(1), WR_PF_WRITABLE);
	add_prop(s, env, v_str(s, "f"), v_bool(0), 0);
	add_prop(s, env, v_str(s, "empty"), v_str(s, ""), PF_DEF);
	add_prop(s, env, v_str(s, "utf8"), v_str(s, "h\xC3\xA9llo \xF0\x9F\x98\x80"), PF_DEF);
	add_prop(s, env, v_str(s, "lone"), v_strn(s, LONE, sizeof LONE - 1), PF_DEF);
	add_prop(s, env, v_strn(s, RAWB, sizeof RAWB - 1), v_strn(s, RAWB, sizeof RAWB - 1), PF_DEF);
	add_prop(s, env, v_sym(1), v_sym(2), PF_DEF);
	add_prop(s, env, v_str(s, "bi"), v_builtin(s, "Math.floor"), PF_DEF);
	char big[300];
	memset(big, 'x', sizeof big);
	add_prop(s, env, v_str(s, "big"), v_strn(s, big, sizeof big), PF_DEF);
	/* keys that look like indices but are not canonical ones */
	add_prop(s, env, v_str(s, "01"), v_num(1), PF_DEF);
	add_prop(s, env, v_str(s, "4294967295"), v_num(2), PF_DEF);
	add_prop(s, env, v_str(s, "4294967294"), v_num(3), PF_DEF);
	add_prop(s, env, v_str(s, "-1"), v_num(4), PF_DEF);

	/* 2: array with holes and length */
	uint32_t arr = add_obj(s, WR_OBJ_ARRAY, v_builtin(s, "Array.prototype"));
	add_prop(s, arr, v_str(s, "0"), v_num(10), PF_DEF);
	add_prop(s, arr, v_str(s, "2"), v_ref(env), PF_DEF);
	add_prop(s, arr, v_str(s, "300"), v_ref(arr), PF_DEF);
	add_prop(s, arr, v_str(s, "length"), v_num(301), WR_PF_WRITABLE);

	/* 3: function with an accessor property */
	uint32_t fn = add_obj(s, WR_OBJ_FUNCTION, v_builtin(s, "Function.prototype"));
	s->objects[fn - 1].u.fn.site = 7;
	s->objects[fn - 1].u.fn.env = v_ref(env);
	{
		wr_prop *p = wr_add_prop(s, &s->objects[fn - 1]);
		p->key = v_str(s, "acc");
		p->flags = WR_PF_ACCESSOR | WR_PF_CONFIGURABLE;
		p->value = v_ref(fn);
		p->setter = v_undef();
		p = wr_add_prop(s, &s->objects[fn - 1]);
		p->key = v_str(s, "acc2");
		p->flags = WR_PF_ACCESSOR;
		p->value = v_undef();
		p->setter = v_ref(fn);
	}
	/* 4: bound */
	uint32_t bd = add_obj(s, WR_OBJ_BOUND, v_builtin(s, "Function.prototype"));
	s->objects[bd - 1].u.bound.target = v_ref(fn);
	s->objects[bd - 1].u.bound.self = v_null();
	s->objects[bd - 1].u.bound.nargs = 2;
	s->objects[bd - 1].u.bound.args = wr_alloc(s, 2 * sizeof(wr_value));
	s->objects[bd - 1].u.bound.args[0] = v_num(-0.0);
	s->objects[bd - 1].u.bound.args[1] = v_str(s, "arg");
	/* 5: date; 6: regexp; 7: error */
	uint32_t dt = add_obj(s, WR_OBJ_DATE, v_builtin(s, "Date.prototype"));
	s->objects[dt - 1].u.num = NAN;
	uint32_t re = add_obj(s, WR_OBJ_REGEXP, v_builtin(s, "RegExp.prototype"));
	s->objects[re - 1].u.regexp.source = mkstr(s, "a+b\\d", 5);
	s->objects[re - 1].u.regexp.flags = mkstr(s, "gi", 2);
	add_prop(s, re, v_str(s, "lastIndex"), v_num(3), WR_PF_WRITABLE);
	uint32_t er = add_obj(s, WR_OBJ_ERROR, v_builtin(s, "TypeError.prototype"));
	s->objects[er - 1].u.trace.stack = mkstr(s, "TypeError: x\n    at f (app.js:3)", 31);
	add_prop(s, er, v_str(s, "message"), v_str(s, "x"), WR_PF_WRITABLE | WR_PF_CONFIGURABLE);
	/* 8..11: boxed primitives */
	uint32_t b1 = add_obj(s, WR_OBJ_BOOLEAN, v_builtin(s, "Boolean.prototype"));
	s->objects[b1 - 1].u.prim = v_bool(1);
	uint32_t b2 = add_obj(s, WR_OBJ_NUMBER, v_builtin(s, "Number.prototype"));
	s->objects[b2 - 1].u.prim = v_num(-0.0);
	uint32_t b3 = add_obj(s, WR_OBJ_STRING, v_builtin(s, "String.prototype"));
	s->objects[b3 - 1].u.prim = v_strn(s, LONE, sizeof LONE - 1);
	uint32_t b4 = add_obj(s, WR_OBJ_SYMBOL, v_builtin(s, "Symbol.prototype"));
	s->objects[b4 - 1].u.prim = v_sym(3);
	/* 12: arguments, non-extensible */
	uint32_t ar = add_obj(s, WR_OBJ_ARGUMENTS, v_builtin(s, "Object.prototype"));
	s->objects[ar - 1].flags = 0;
	add_prop(s, ar, v_str(s, "0"), v_num(1), PF_DEF);
	/* 13: arraybuffer; 14: buffer; 15: typed array; 16: dataview; 17: empty buffer */
	uint32_t ab = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
	uint8_t *bytes = wr_alloc(s, 300);
	for (int i = 0; i < 300; i++)
		bytes[i] = (uint8_t)(i * 13);
	s->objects[ab - 1].u.bytes.ptr = bytes;
	s->objects[ab - 1].u.bytes.len = 300;
	uint32_t kinds[3] = { WR_OBJ_BUFFER, WR_OBJ_TYPEDARRAY, WR_OBJ_DATAVIEW };
	for (int i = 0; i < 3; i++) {
		uint32_t v = add_obj(s, kinds[i], v_builtin(s, "Uint8Array.prototype"));
		s->objects[v - 1].u.view.elem = i == 1 ? WR_ELEM_FLOAT64 : WR_ELEM_UINT8;
		s->objects[v - 1].u.view.buffer = v_ref(ab);
		s->objects[v - 1].u.view.offset = (uint32_t)(8 * i);
		s->objects[v - 1].u.view.length = i == 1 ? 4 : 100;
	}
	uint32_t ab0 = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
	(void)ab0;
	/* mostly zeros (a fresh Float64Array): written as ZBYTES */
	uint32_t abz = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
	uint8_t *zb = wr_alloc(s, 1000);
	memset(zb, 0, 1000);
	zb[0] = 1; zb[7] = 2; zb[300] = 3; zb[301] = 4; zb[999] = 5;
	for (int i = 500; i < 520; i++)
		zb[i] = (uint8_t)i;
	s->objects[abz - 1].u.bytes.ptr = zb;
	s->objects[abz - 1].u.bytes.len = 1000;
	/* plain buffers: fixed, sharing abz's mostly-zero bytes (ZBYTES);
	 * dynamic with 300 bytes (bin); empty */
	uint32_t pbdyn = 0;
	for (int i = 0; i < 3; i++) {
		uint32_t pb = add_obj(s, WR_OBJ_PLAINBUFFER, v_builtin(s, "Uint8Array.prototype"));
		if (i == 1)
			pbdyn = pb;
		s->objects[pb - 1].flags = 0;
		s->objects[pb - 1].u.bytes.ptr = i == 0 ? zb : i == 1 ? bytes : NULL;
		s->objects[pb - 1].u.bytes.len = i == 0 ? 1000 : i == 1 ? 300 : 0;
		s->objects[pb - 1].u.bytes.dynamic = i == 1;
	}
	/* 18: object with a ref proto and null proto elsewhere */
	uint32_t o2 = add_obj(s, WR_OBJ_OBJECT, v_ref(env));
	uint32_t o3 = add_obj(s, WR_OBJ_OBJECT, v_null());
	add_prop(s, o2, v_str(s, "next"), v_ref(o3), PF_DEF);
	/* an ArrayBuffer object over the start of ab's memory, a view over it */
	uint32_t abs = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
	s->objects[abs - 1].u.bytes.memory = ab;
	s->objects[abs - 1].u.bytes.len = 200;
	uint32_t sv = add_obj(s, WR_OBJ_TYPEDARRAY, v_builtin(s, "Int32Array.prototype"));
	s->objects[sv - 1].u.view.elem = WR_ELEM_INT32;
	s->objects[sv - 1].u.view.buffer = v_ref(abs);
	s->objects[sv - 1].u.view.offset = 100;
	s->objects[sv - 1].u.view.length = 25;
	add_prop(s, o2, v_str(s, "sub"), v_ref(sv), PF_DEF);
	/* an ArrayBuffer over a plain buffer (`pb.buffer`) */
	uint32_t abp = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
	s->objects[abp - 1].u.bytes.memory = pbdyn;
	s->objects[abp - 1].u.bytes.len = 300;
	add_prop(s, o2, v_str(s, "pbuf"), v_ref(abp), PF_DEF);
	/* a TextDecoder made with {fatal: true} */
	uint32_t td = add_obj(s, WR_OBJ_TEXTDECODER, v_builtin(s, "TextDecoder.prototype"));
	s->objects[td - 1].u.textdec.flags = WR_TD_FATAL;
	add_prop(s, o2, v_str(s, "dec"), v_ref(td), PF_DEF);

	/* globals */
	wr_prop *g = wr_add_global(s);
	g->key = v_str(s, "app"); g->value = v_ref(arr); g->flags = PF_DEF; g->setter = v_undef();
	g = wr_add_global(s);
	g->key = v_str(s, "handler"); g->value = v_ref(fn); g->flags = WR_PF_WRITABLE | WR_PF_ENUMERABLE;
	g->setter = v_undef();
	g = wr_add_global(s);
	g->key = v_str(s, "0"); g->value = v_ref(bd); g->flags = PF_DEF; g->setter = v_undef();

	/* timers */
	wr_timer *t = wr_add_timer(s);
	t->kind = WR_TIMER_INTERVAL; t->id = 1; t->remaining = 12.5; t->period = 100; t->seq = 3;
	t->callback = v_ref(fn); t->nargs = 1;
	t->args = wr_alloc(s, sizeof(wr_value));
	t->args[0] = v_ref(o2);
	t = wr_add_timer(s);
	t->kind = WR_TIMER_TIMEOUT; t->id = 2; t->remaining = 0; t->period = 0; t->seq = 4;
	t->callback = v_ref(bd); t->nargs = 0; t->args = NULL;
	t = wr_add_timer(s);
	t->kind = WR_TIMER_IMMEDIATE; t->id = 3; t->remaining = 0; t->period = 0; t->seq = 5;
	t->callback = v_ref(fn); t->nargs = 0;

	/* patches */
	wr_patch *pa = wr_add_patch(s);
	pa->holder = mkstr(s, "Array.prototype", 15);
	pa->deleted = 0;
	pa->prop.key = v_str(s, "last");
	pa->prop.value = v_ref(fn);
	pa->prop.flags = WR_PF_WRITABLE | WR_PF_CONFIGURABLE;
	pa->prop.setter = v_undef();
	pa = wr_add_patch(s);
	pa->holder = mkstr(s, "Object.prototype", 16);
	pa->deleted = 1;
	pa->prop.key = v_str(s, "toString");
	pa->prop.value = v_undef();
	pa->prop.flags = PF_DEF;
	pa->prop.setter = v_undef();
	pa = wr_add_patch(s);
	pa->holder = mkstr(s, "Math", 4);
	pa->deleted = 0;
	pa->prop.key = v_sym(4);
	pa->prop.value = v_ref(fn);
	pa->prop.flags = WR_PF_ACCESSOR;
	pa->prop.setter = v_ref(fn);
	/* a built-in frozen by the program */
	pa = wr_add_patch(s);
	pa->holder = mkstr(s, "Math", 4);
	wr_patch_integrity(pa, WR_INTEGRITY_FROZEN);
	return s;
}

/* ---- deep comparison of two models ---- */

static int num_eq(double a, double b)
{
	if (a != a)
		return b != b;
	return a == b && signbit(a) == signbit(b);
}

static int str_eq(wr_str a, wr_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static int val_eq(const wr_value *a, const wr_value *b)
{
	if (a->type != b->type)
		return 0;
	switch (a->type) {
	case WR_NUMBER: return num_eq(a->u.num, b->u.num);
	case WR_STRING: case WR_BUILTIN: return str_eq(a->u.str, b->u.str);
	case WR_REF: case WR_SYMBOL: return a->u.ref == b->u.ref;
	default: return 1;
	}
}

static int prop_eq(const wr_prop *a, const wr_prop *b)
{
	return val_eq(&a->key, &b->key) && a->flags == b->flags && val_eq(&a->value, &b->value) &&
	       (!(a->flags & WR_PF_ACCESSOR) || val_eq(&a->setter, &b->setter));
}

static int vals_eq(const wr_value *a, uint32_t na, const wr_value *b, uint32_t nb)
{
	if (na != nb)
		return 0;
	for (uint32_t i = 0; i < na; i++)
		if (!val_eq(&a[i], &b[i]))
			return 0;
	return 1;
}

static int obj_eq(const wr_object *a, const wr_object *b)
{
	if (a->kind != b->kind || a->flags != b->flags || !val_eq(&a->proto, &b->proto) ||
	    a->nprops != b->nprops)
		return 0;
	for (uint32_t i = 0; i < a->nprops; i++)
		if (!prop_eq(&a->props[i], &b->props[i]))
			return 0;
	switch (a->kind) {
	case WR_OBJ_FUNCTION:
		return a->u.fn.site == b->u.fn.site && val_eq(&a->u.fn.env, &b->u.fn.env);
	case WR_OBJ_BOUND:
		return val_eq(&a->u.bound.target, &b->u.bound.target) &&
		       val_eq(&a->u.bound.self, &b->u.bound.self) &&
		       vals_eq(a->u.bound.args, a->u.bound.nargs, b->u.bound.args, b->u.bound.nargs);
	case WR_OBJ_DATE: return num_eq(a->u.num, b->u.num);
	case WR_OBJ_REGEXP:
		return str_eq(a->u.regexp.source, b->u.regexp.source) &&
		       str_eq(a->u.regexp.flags, b->u.regexp.flags);
	case WR_OBJ_OBJECT:
	case WR_OBJ_ERROR:
		return a->u.trace.has == b->u.trace.has && str_eq(a->u.trace.stack, b->u.trace.stack) &&
		       str_eq(a->u.trace.file, b->u.trace.file) &&
		       (!(a->u.trace.has & WR_TR_LINE) || num_eq(a->u.trace.line, b->u.trace.line));
	case WR_OBJ_BOOLEAN: case WR_OBJ_NUMBER: case WR_OBJ_STRING: case WR_OBJ_SYMBOL:
		return val_eq(&a->u.prim, &b->u.prim);
	case WR_OBJ_ARRAYBUFFER:
	case WR_OBJ_PLAINBUFFER:
		return a->u.bytes.len == b->u.bytes.len && a->u.bytes.dynamic == b->u.bytes.dynamic &&
		       a->u.bytes.memory == b->u.bytes.memory &&
		       (a->u.bytes.memory ? !a->u.bytes.ptr && !b->u.bytes.ptr : a->u.bytes.len == 0 ||
		        memcmp(a->u.bytes.ptr, b->u.bytes.ptr, a->u.bytes.len) == 0);
	case WR_OBJ_TEXTDECODER: return a->u.textdec.flags == b->u.textdec.flags;
	case WR_OBJ_BUFFER: case WR_OBJ_TYPEDARRAY: case WR_OBJ_DATAVIEW:
		return a->u.view.elem == b->u.view.elem && val_eq(&a->u.view.buffer, &b->u.view.buffer) &&
		       a->u.view.offset == b->u.view.offset && a->u.view.length == b->u.view.length;
	default: return 1;
	}
}

static int snap_eq(const wr_snapshot *a, const wr_snapshot *b)
{
	if (a->version != b->version || memcmp(a->hash, b->hash, 32) || !num_eq(a->created, b->created) ||
	    !num_eq(a->next_timer_id, b->next_timer_id) || a->next_seq != b->next_seq ||
	    a->loop_phase != b->loop_phase || a->phase_seq != b->phase_seq)
		return 0;
	if (a->nglobals != b->nglobals || a->nobjects != b->nobjects || a->nsymbols != b->nsymbols ||
	    a->ntimers != b->ntimers || a->npatches != b->npatches)
		return 0;
	for (uint32_t i = 0; i < a->nglobals; i++)
		if (!prop_eq(&a->globals[i], &b->globals[i]))
			return 0;
	for (uint32_t i = 0; i < a->nobjects; i++)
		if (!obj_eq(&a->objects[i], &b->objects[i]))
			return 0;
	for (uint32_t i = 0; i < a->nsymbols; i++) {
		const wr_symbol *x = &a->symbols[i], *y = &b->symbols[i];
		if (x->kind != y->kind || x->has_desc != y->has_desc || (x->has_desc && !str_eq(x->desc, y->desc)))
			return 0;
	}
	for (uint32_t i = 0; i < a->ntimers; i++) {
		const wr_timer *x = &a->timers[i], *y = &b->timers[i];
		if (x->kind != y->kind || !num_eq(x->id, y->id) || !num_eq(x->remaining, y->remaining) ||
		    !num_eq(x->period, y->period) || x->seq != y->seq || !val_eq(&x->callback, &y->callback) ||
		    !vals_eq(x->args, x->nargs, y->args, y->nargs))
			return 0;
	}
	for (uint32_t i = 0; i < a->npatches; i++) {
		const wr_patch *x = &a->patches[i], *y = &b->patches[i];
		if (!str_eq(x->holder, y->holder) || x->deleted != y->deleted ||
		    x->integrity != y->integrity || !prop_eq(&x->prop, &y->prop))
			return 0;
	}
	return 1;
}

static void encode(const wr_snapshot *s, wr_buf *b)
{
	wr_error err;
	memset(b, 0, sizeof *b);
	ck_assert_msg(wr_msgpack_write(s, b, &err) == 0, "write: %s", err.msg);
}

/* ---- tests ---- */

START_TEST(roundtrip_every_kind)
{
	wr_snapshot *s = sample(), *r = NULL;
	wr_error err;
	ck_assert_msg(wr_validate(s, &err) == 0, "sample invalid: %s", err.msg);
	wr_buf b, b2;
	encode(s, &b);
	ck_assert_msg(wr_msgpack_read(b.data, b.len, NULL, &r, &err) == 0, "read: %s", err.msg);
	ck_assert(snap_eq(s, r));
	/* re-encoding gives the same bytes */
	encode(r, &b2);
	ck_assert_uint_eq(b.len, b2.len);
	ck_assert(memcmp(b.data, b2.data, b.len) == 0);
	/* the generic reader detects the format */
	ck_assert_int_eq(wr_detect(b.data, b.len), WR_FMT_MSGPACK);
	wr_snapshot_free(r);
	wr_buf_free(&b2);
	wr_buf_free(&b);
	wr_snapshot_free(s);
}
END_TEST

/* both codecs carry the same model: sample -> JSON -> model -> msgpack ->
 * model is the sample, and the JSON of both models is byte-identical */
START_TEST(same_model_as_json)
{
	wr_snapshot *s = sample(), *j = NULL, *m = NULL;
	wr_error err;
	wr_buf js, mp, js2;
	memset(&js, 0, sizeof js);
	memset(&js2, 0, sizeof js2);
	ck_assert_int_eq(wr_json_write(s, &js, 0, &err), 0);
	ck_assert_msg(wr_json_read(js.data, js.len, NULL, &j, &err) == 0, "json read: %s", err.msg);
	encode(j, &mp);
	ck_assert_msg(wr_read(mp.data, mp.len, NULL, &m, &err) == 0, "msgpack read: %s", err.msg);
	ck_assert(snap_eq(s, m));
	ck_assert_int_eq(wr_json_write(m, &js2, 0, &err), 0);
	ck_assert_uint_eq(js.len, js2.len);
	ck_assert(memcmp(js.data, js2.data, js.len) == 0);
	wr_snapshot_free(j);
	wr_snapshot_free(m);
	wr_buf_free(&js);
	wr_buf_free(&js2);
	wr_buf_free(&mp);
	wr_snapshot_free(s);
}
END_TEST

/* a built-in's integrity level is a two-field patch [holder, 1..3]; the
 * sample's last record is Math's (frozen: 3), so the encoding ends on it */
START_TEST(integrity_patch)
{
	wr_snapshot *s = sample(), *r = NULL;
	wr_error err;
	wr_buf b;
	encode(s, &b);
	ck_assert_uint_eq(b.data[b.len - 1], WR_INTEGRITY_FROZEN);
	ck_assert_uint_eq(b.data[b.len - 7], 0x92);   /* [ "Math", 3 ] */
	const uint8_t bad[] = { 0, 4, 0xff, 0xc3 };   /* 0, 4, -1, true */
	for (size_t i = 0; i < sizeof bad; i++) {
		b.data[b.len - 1] = bad[i];
		ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
		ck_assert_msg(strstr(err.msg, "an integrity level is 1, 2 or 3") != NULL, "%s", err.msg);
	}
	/* a model that also marks it deleted, or gives it a key, is refused */
	s->patches[s->npatches - 1].deleted = 1;
	ck_assert_int_eq(wr_validate(s, &err), -1);
	ck_assert_msg(strstr(err.msg, "bad integrity patch") != NULL, "%s", err.msg);
	s->patches[s->npatches - 1].deleted = 0;
	s->patches[s->npatches - 1].prop.key = v_str(s, "x");
	ck_assert_int_eq(wr_validate(s, &err), -1);
	wr_buf_free(&b);
	wr_snapshot_free(s);
}
END_TEST

START_TEST(roundtrip_empty)
{
	wr_snapshot *s = wr_snapshot_new(), *r = NULL;
	wr_error err;
	wr_buf b;
	encode(s, &b);
	ck_assert_msg(wr_msgpack_read(b.data, b.len, NULL, &r, &err) == 0, "%s", err.msg);
	ck_assert(snap_eq(s, r));
	wr_snapshot_free(r);
	wr_buf_free(&b);
	wr_snapshot_free(s);
}
END_TEST

/* the encodings chosen for numbers: smallest exact form */
START_TEST(number_encodings)
{
	struct { double x; size_t bytes; } cases[] = {
		{ 0, 1 }, { 127, 1 }, { -32, 1 }, { 128, 2 }, { -33, 2 }, { 65535, 3 },
		{ 4294967295.0, 5 }, { 4294967296.0, 9 }, { -0.0, 5 }, { NAN, 5 },
		{ INFINITY, 5 }, { 0.5, 5 }, { 0.1, 9 }, { 1e300, 9 }, { 1e39, 9 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		wr_snapshot *s = wr_snapshot_new(), *r = NULL;
		wr_error err;
		wr_buf b0, b;
		encode(s, &b0);
		s->created = cases[i].x;
		encode(s, &b);
		/* created is encoded in place of 0 (1 byte) */
		ck_assert_msg(b.len - b0.len + 1 == cases[i].bytes, "%g: %zu bytes", cases[i].x,
		              b.len - b0.len + 1);
		ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), 0);
		ck_assert(num_eq(r->created, cases[i].x));
		wr_snapshot_free(r);
		wr_buf_free(&b0);
		wr_buf_free(&b);
		wr_snapshot_free(s);
	}
}
END_TEST

START_TEST(truncation_every_byte)
{
	wr_snapshot *s = sample(), *r;
	wr_error err;
	wr_buf b;
	encode(s, &b);
	for (size_t n = 0; n < b.len; n++) {
		uint8_t *copy = malloc(n ? n : 1); /* exact size: valgrind/ASan see overreads */
		memcpy(copy, b.data, n);
		r = (wr_snapshot *)1;
		ck_assert_msg(wr_msgpack_read(copy, n, NULL, &r, &err) == -1, "prefix %zu accepted", n);
		ck_assert_ptr_null(r);
		ck_assert(strncmp(err.msg, "byte ", 5) == 0);
		ck_assert_uint_le(err.offset, n);
		free(copy);
	}
	wr_buf_free(&b);
	wr_snapshot_free(s);
}
END_TEST

START_TEST(bit_flips)
{
	wr_snapshot *s = sample(), *r;
	wr_error err;
	wr_buf b;
	size_t ok = 0, bad = 0;
	encode(s, &b);
	uint8_t *copy = malloc(b.len);
	for (size_t i = 0; i < b.len; i++) {
		for (int bit = 0; bit < 8; bit++) {
			memcpy(copy, b.data, b.len);
			copy[i] ^= (uint8_t)(1u << bit);
			r = NULL;
			if (wr_msgpack_read(copy, b.len, NULL, &r, &err) == 0) {
				/* accepted: then it must be a valid model that encodes again */
				wr_buf b2;
				ck_assert_int_eq(wr_validate(r, &err), 0);
				encode(r, &b2);
				wr_buf_free(&b2);
				wr_snapshot_free(r);
				ok++;
			} else {
				ck_assert_ptr_null(r);
				ck_assert(err.msg[0] != '\0');
				ck_assert_uint_le(err.offset, b.len);
				bad++;
			}
		}
	}
	/* most flips in a structural format must be caught */
	ck_assert_uint_gt(bad, 0);
	free(copy);
	wr_buf_free(&b);
	wr_snapshot_free(s);
}
END_TEST

static int read_lim(const wr_buf *b, const wr_limits *l, wr_error *err)
{
	wr_snapshot *r = NULL;
	int rc = wr_msgpack_read(b->data, b->len, l, &r, err);
	wr_snapshot_free(r);
	return rc;
}

/* max_model: 8 objects of 1000 properties, symbols 1..1000 as keys (no key
 * strings to allocate, no key twice), true as values: an 80000-byte block
 * each. Without a limit the model holds H bytes; H decodes; H - 1 is
 * refused at the last allocation: the symbols table, which msgpack puts
 * after the objects, sized at once from its count */
START_TEST(model_budget)
{
	wr_snapshot *s = wr_snapshot_new(), *r = NULL;
	wr_error err;
	wr_buf b;
	wr_limits l;
	for (int i = 0; i < 1000; i++)
		ck_assert_ptr_nonnull(wr_add_symbol(s, NULL));
	for (int o = 0; o < 8; o++) {
		uint32_t id;
		ck_assert_ptr_nonnull(wr_add_object(s, &id));
		for (int i = 0; i < 1000; i++) {
			wr_prop *p = wr_add_prop(s, &s->objects[id - 1]);
			ck_assert_ptr_nonnull(p);
			p->key = v_sym((uint32_t)i + 1);
			p->value = v_bool(1);
		}
	}
	encode(s, &b);
	wr_snapshot_free(s);
	wr_limits_default(&l);
	l.max_model = SIZE_MAX;
	ck_assert_msg(wr_msgpack_read(b.data, b.len, &l, &r, &err) == 0, "%s", err.msg);
	size_t held = wr_model_held(r);
	ck_assert_uint_gt(held, 8 * 80000);
	wr_snapshot_free(r);
	l.max_model = held;
	ck_assert_int_eq(read_lim(&b, &l, &err), 0);
	l.max_model = held - 1;
	ck_assert_int_eq(read_lim(&b, &l, &err), -1);
	/* right after the symbols' header (0xdc, 1000): then 1000 x [kind, nil]
	 * and the empty timers and patches */
	size_t at = b.len - 2 - 3000;
	ck_assert_uint_eq(b.data[at - 3], 0xdc);
	ck_assert_uint_eq(b.data[at - 2] << 8 | b.data[at - 1], 1000);
	ck_assert_uint_eq(err.offset, at);
	char want[160];
	snprintf(want, sizeof want, "byte %zu: snapshot needs more than %.1f KiB to decode "
	         "(limit max_model = %zu bytes)", at, (double)(held - 1) / 1024, held - 1);
	ck_assert_str_eq(err.msg, want);
	/* the limit derived from max_bytes */
	wr_limits_input(&l, b.len);
	ck_assert_int_eq(read_lim(&b, &l, &err), 0);
	wr_buf_free(&b);
}
END_TEST

START_TEST(every_limit)
{
	wr_snapshot *s = sample();
	wr_error err;
	wr_buf b;
	wr_limits l;
	encode(s, &b);

	wr_limits_default(&l);
	ck_assert_int_eq(read_lim(&b, &l, &err), 0);

	l.max_bytes = b.len - 1;
	ck_assert_int_eq(read_lim(&b, &l, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "exceeds the limit"));
	l.max_bytes = b.len;
	ck_assert_int_eq(read_lim(&b, &l, &err), 0);

	wr_limits_default(&l);
	l.max_depth = 3;   /* top, objects, object; props need 4 */
	ck_assert_int_eq(read_lim(&b, &l, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "nesting deeper than 3"));
	l.max_depth = 4;
	ck_assert_int_eq(read_lim(&b, &l, &err), 0);

	wr_limits_default(&l);
	l.max_string = 299;   /* the sample holds a 300-byte string */
	ck_assert_int_eq(read_lim(&b, &l, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "exceeds the limit of 299"));
	l.max_string = 999;   /* ... and a 1000-byte array buffer (ZBYTES) */
	ck_assert_int_eq(read_lim(&b, &l, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "exceeds the limit of 999"));
	l.max_string = 1000;
	ck_assert_int_eq(read_lim(&b, &l, &err), 0);

	wr_limits_default(&l);
	l.max_objects = s->nobjects - 1;
	ck_assert_int_eq(read_lim(&b, &l, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "objects"));
	l.max_objects = s->nobjects;
	ck_assert_int_eq(read_lim(&b, &l, &err), 0);

	wr_limits_default(&l);
	l.max_props = s->objects[0].nprops - 1;
	ck_assert_int_eq(read_lim(&b, &l, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "properties"));
	l.max_props = s->objects[0].nprops;
	ck_assert_int_eq(read_lim(&b, &l, &err), 0);

	wr_buf_free(&b);
	wr_snapshot_free(s);
}
END_TEST

/* hand-made hostile inputs: each must fail fast with the right offset */
START_TEST(hostile_headers)
{
	static const struct { const char *bytes; size_t len; size_t off; const char *what; } cases[] = {
		/* array32 claiming 4G elements at the top */
		{ "\xdd\xff\xff\xff\xff", 5, 0, "expected 13 fields" },
		/* str32 claiming 4 GB */
		{ "\x9d\xdb\xff\xff\xff\xff\0\0\0\0\0\0\0\0\0\0", 16, 16, "truncated" },
		{ "\xc1", 1, 0, "invalid msgpack byte" },
		{ "", 0, 0, "truncated" },
		{ "{\"format\":1}", 12, 0, "expected an array" },
		{ "\x9d\xaeNOT-a-snapshot", 16, 1, "magic" },
		{ "\x9a", 1, 0, "expected 13 fields" },
		{ "\x9d\xae" "ferry-snapshot\x02", 17, 16, "unsupported snapshot version 2" },
		{ "\x9d\xae" "ferry-snapshot\x01\xc4\x02\x00\x00", 21, 17, "32 bytes" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		wr_snapshot *r = NULL;
		wr_error err;
		ck_assert_int_eq(wr_msgpack_read(cases[i].bytes, cases[i].len, NULL, &r, &err), -1);
		ck_assert_ptr_null(r);
		ck_assert_msg(strstr(err.msg, cases[i].what) != NULL, "case %zu: %s", i, err.msg);
		ck_assert_msg(err.offset == cases[i].off, "case %zu: offset %zu: %s", i, err.offset, err.msg);
	}
}
END_TEST

/* A valid prefix, then a props array claiming more elements than bytes
 * left: rejected at the header, before any allocation. */
START_TEST(count_amplification)
{
	wr_snapshot *s = wr_snapshot_new();
	wr_error err;
	wr_buf b;
	encode(s, &b);
	/* the globals array is the 7th field: an empty fixarray 0x90; the file
	 * ends with 5 empty arrays (globals, objects, symbols, timers, patches) */
	ck_assert_uint_eq(b.data[b.len - 5], 0x90);
	uint8_t in[128];
	memcpy(in, b.data, b.len - 5);
	size_t n = b.len - 5;
	in[n++] = 0xdd; in[n++] = 0x7f; in[n++] = 0xff; in[n++] = 0xff; in[n++] = 0xff;
	wr_snapshot *r = NULL;
	ck_assert_int_eq(wr_msgpack_read(in, n, NULL, &r, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot fit"));
	ck_assert_uint_eq(err.offset, b.len - 5);
	/* trailing garbage after a valid snapshot */
	memcpy(in, b.data, b.len);
	in[b.len] = 0xc0;
	ck_assert_int_eq(wr_msgpack_read(in, b.len + 1, NULL, &r, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "trailing"));
	ck_assert_uint_eq(err.offset, b.len);
	wr_buf_free(&b);
	wr_snapshot_free(s);
}
END_TEST

/* structurally well-formed but semantically wrong: caught by validation */
START_TEST(bad_references)
{
	wr_snapshot *s = wr_snapshot_new(), *r = NULL;
	wr_error err;
	wr_buf b;
	wr_prop *g = wr_add_global(s);
	g->key = v_str(s, "x");
	g->value = v_ref(5);   /* no object 5 */
	encode(s, &b);
	ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
	ck_assert_ptr_null(r);
	ck_assert(err.msg[0] != '\0');
	wr_buf_free(&b);
	wr_snapshot_free(s);
}
END_TEST

/* validation refuses model s with a message holding needle; with codec,
 * so does decoding its encoding (case c, for the messages) */
static void assert_refused(const wr_snapshot *s, int codec, const char *needle, int c)
{
	wr_snapshot *r = NULL;
	wr_error err;
	wr_buf b;
	ck_assert_int_eq(wr_validate(s, &err), -1);
	ck_assert_msg(strstr(err.msg, needle) != NULL, "case %d: '%s' not in '%s'", c, needle, err.msg);
	if (!codec)
		return;
	encode((wr_snapshot *)s, &b);
	ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
	ck_assert_ptr_null(r);
	ck_assert_msg(strstr(err.msg, needle) != NULL, "case %d: '%s' not in '%s'", c, needle, err.msg);
	wr_buf_free(&b);
}

/* plain buffers: the model holds what Duktape fixes for them (no own
 * properties, prototype Uint8Array.prototype, not extensible) and nothing
 * refers to one where an object or a function is needed */
START_TEST(plainbuffer_refused)
{
	for (int c = 0; c < 9; c++) {
		wr_snapshot *s = wr_snapshot_new();
		const char *needle = NULL;
		uint32_t pb = add_obj(s, WR_OBJ_PLAINBUFFER, v_builtin(s, "Uint8Array.prototype"));
		s->objects[pb - 1].flags = 0;
		switch (c) {
		case 0:
			add_prop(s, pb, v_str(s, "x"), v_num(1), PF_DEF);
			needle = "a plain buffer has no own properties";
			break;
		case 1:
			s->objects[pb - 1].flags = WR_OF_EXTENSIBLE;
			needle = "a plain buffer is not extensible";
			break;
		case 2:
			s->objects[pb - 1].proto = v_null();
			needle = "prototype is Uint8Array.prototype";
			break;
		case 3:
			s->objects[pb - 1].proto = v_builtin(s, "Uint8Array.prototypf");
			needle = "prototype is Uint8Array.prototype";
			break;
		case 4:
			s->objects[pb - 1].u.bytes.dynamic = 2;
			needle = "bad variant 2";
			break;
		case 5: {
			uint32_t o = add_obj(s, WR_OBJ_OBJECT, v_ref(pb));
			(void)o;
			needle = "cannot be a prototype";
			break;
		}
		case 6: {
			uint32_t v = add_obj(s, WR_OBJ_TYPEDARRAY, v_builtin(s, "Uint8Array.prototype"));
			s->objects[v - 1].u.view.buffer = v_ref(pb);
			needle = "not an ArrayBuffer";
			break;
		}
		case 7: {
			uint32_t bd = add_obj(s, WR_OBJ_BOUND, v_builtin(s, "Function.prototype"));
			s->objects[bd - 1].u.bound.target = v_ref(pb);
			needle = "bound target: not a function";
			break;
		}
		case 8:
			s->objects[pb - 1].flags = WR_OF_ENV;
			needle = "a plain buffer is not extensible and not an environment";
			break;
		}
		/* the writer writes any variant but 0 as true */
		assert_refused(s, c != 4, needle, c);
		wr_snapshot_free(s);
	}
	/* the variant is a boolean: [kind 16, flags 0, proto, props [], bin, 1] */
	{
		wr_snapshot *s = wr_snapshot_new(), *r = NULL;
		wr_error err;
		wr_buf b;
		uint32_t pb = add_obj(s, WR_OBJ_PLAINBUFFER, v_builtin(s, "Uint8Array.prototype"));
		s->objects[pb - 1].flags = 0;
		encode(s, &b);
		ck_assert_uint_eq(WR_OBJ_PLAINBUFFER, 16);   /* the code the format gives it */
		/* the record ends with bin 0 (c4 00) then false (c2) */
		uint8_t *f = NULL;
		for (size_t i = 0; i + 3 <= b.len; i++)
			if (memcmp(b.data + i, "\xc4\x00\xc2", 3) == 0) {
				ck_assert_ptr_null(f);   /* exactly once */
				f = (uint8_t *)b.data + i;
			}
		ck_assert_ptr_nonnull(f);
		f[2] = 0x01;
		ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
		ck_assert_msg(strstr(err.msg, "plainbuffer: expected a boolean") != NULL, "%s", err.msg);
		f[2] = 0xc3;
		ck_assert_msg(wr_msgpack_read(b.data, b.len, NULL, &r, &err) == 0, "%s", err.msg);
		ck_assert_uint_eq(r->objects[0].u.bytes.dynamic, 1);
		wr_snapshot_free(r);
		wr_buf_free(&b);
		wr_snapshot_free(s);
	}
}
END_TEST

/* an ArrayBuffer over another's memory names one that holds bytes of its
 * own, at least as long; its record holds ext 6: that id, its length */
START_TEST(arraybuffer_memory)
{
	for (int c = 0; c < 7; c++) {
		wr_snapshot *s = wr_snapshot_new();
		const char *needle = NULL;
		uint32_t ab = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
		uint8_t *bytes = wr_alloc(s, 8);
		memset(bytes, 7, 8);
		s->objects[ab - 1].u.bytes.ptr = bytes;
		s->objects[ab - 1].u.bytes.len = 8;
		uint32_t sh = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
		s->objects[sh - 1].u.bytes.memory = ab;
		s->objects[sh - 1].u.bytes.len = 6;
		switch (c) {
		case 0:
			s->objects[sh - 1].u.bytes.len = 9;
			needle = "9 bytes over the 8 of object 1";
			break;
		case 1:
			s->objects[sh - 1].u.bytes.memory = sh;
			needle = "object 2 is not a buffer with bytes of its own";
			break;
		case 2: {
			uint32_t o = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
			s->objects[o - 1].u.bytes.memory = sh;
			needle = "object 2 is not a buffer with bytes of its own";
			break;
		}
		case 3:
			s->objects[sh - 1].u.bytes.memory = add_obj(s, WR_OBJ_OBJECT, v_null());
			needle = "object 3 is not a buffer with bytes of its own";
			break;
		case 4: {
			uint32_t v = add_obj(s, WR_OBJ_DATAVIEW, v_builtin(s, "DataView.prototype"));
			s->objects[v - 1].u.view.buffer = v_ref(sh);
			s->objects[v - 1].u.view.offset = 4;
			s->objects[v - 1].u.view.length = 3;
			needle = "past the end of its buffer (6 bytes)";
			break;
		}
		case 5:   /* model only: the codecs write one or the other */
			s->objects[sh - 1].u.bytes.ptr = bytes;
			needle = "an ArrayBuffer with both bytes and memory";
			break;
		case 6: {
			uint32_t pb = add_obj(s, WR_OBJ_PLAINBUFFER, v_builtin(s, "Uint8Array.prototype"));
			s->objects[pb - 1].flags = 0;
			s->objects[pb - 1].u.bytes.memory = ab;
			needle = "a plain buffer has bytes of its own";
			break;
		}
		}
		assert_refused(s, c < 5, needle, c);
		wr_snapshot_free(s);
	}
	/* TextDecoder options: fatal 1, ignoreBOM 2, nothing else */
	{
		wr_snapshot *s = wr_snapshot_new();
		uint32_t td = add_obj(s, WR_OBJ_TEXTDECODER, v_builtin(s, "TextDecoder.prototype"));
		s->objects[td - 1].u.textdec.flags = 4;
		assert_refused(s, 1, "textdecoder flags", 0);
		wr_snapshot_free(s);
	}
	/* a model with bytes but no storage is not written (UB in memcpy) */
	for (uint32_t k = WR_OBJ_ARRAYBUFFER; k <= WR_OBJ_PLAINBUFFER; k += WR_OBJ_PLAINBUFFER - WR_OBJ_ARRAYBUFFER) {
		wr_snapshot *s = wr_snapshot_new();
		wr_error err;
		wr_buf b;
		uint32_t id = add_obj(s, k, v_builtin(s, "ArrayBuffer.prototype"));
		s->objects[id - 1].u.bytes.len = 5;
		s->objects[id - 1].u.bytes.memory = k == WR_OBJ_PLAINBUFFER;   /* ignored there */
		memset(&b, 0, sizeof b);
		ck_assert_int_eq(wr_msgpack_write(s, &b, &err), -1);
		ck_assert_msg(strstr(err.msg, "5 bytes without storage") != NULL, "%s", err.msg);
		wr_buf_free(&b);
		memset(&b, 0, sizeof b);
		ck_assert_int_eq(wr_json_write(s, &b, 0, &err), -1);
		ck_assert_msg(strstr(err.msg, "5 bytes without storage") != NULL, "%s", err.msg);
		wr_buf_free(&b);
		wr_snapshot_free(s);
	}
	/* the encoding: fixext 8 (d7), type 6, id 1 and length 6 big-endian */
	{
		wr_snapshot *s = wr_snapshot_new(), *r = NULL;
		wr_error err;
		wr_buf b;
		uint32_t ab = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
		uint32_t sh = add_obj(s, WR_OBJ_ARRAYBUFFER, v_builtin(s, "ArrayBuffer.prototype"));
		static const uint8_t rec[] = { 0xd7, 0x06, 0, 0, 0, 1, 0, 0, 0, 0 };
		s->objects[sh - 1].u.bytes.memory = ab;
		encode(s, &b);
		uint8_t *f = NULL;
		for (size_t i = 0; i + sizeof rec <= b.len; i++)
			if (memcmp(b.data + i, rec, sizeof rec) == 0) {
				ck_assert_ptr_null(f);   /* exactly once */
				f = (uint8_t *)b.data + i;
			}
		ck_assert_ptr_nonnull(f);
		ck_assert_msg(wr_msgpack_read(b.data, b.len, NULL, &r, &err) == 0, "%s", err.msg);
		ck_assert_uint_eq(r->objects[1].u.bytes.memory, 1);
		ck_assert_ptr_null(r->objects[1].u.bytes.ptr);
		wr_snapshot_free(r);
		r = NULL;
		f[5] = 0;   /* id 0 */
		ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
		ck_assert_msg(strstr(err.msg, "arraybuffer memory: id 0 is never valid") != NULL, "%s", err.msg);
		f[5] = 1;
		f[1] = 0x05;   /* a ZBYTES body that is not one */
		ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
		f[1] = 0x01;   /* a plain reference is not the format */
		ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
		ck_assert_msg(strstr(err.msg, "expected binary") != NULL, "%s", err.msg);
		wr_buf_free(&b);
		wr_snapshot_free(s);
	}
}
END_TEST

/* byte arrays: zero runs are squeezed out only when that pays, and the
 * zeros put back count against max_bytes */
/* sealed and frozen (what Object.isSealed/isFrozen said) and the traceback
 * flag: they round-trip, and the properties must agree with them */
START_TEST(integrity_flags)
{
	wr_snapshot *s = wr_snapshot_new(), *r = NULL;
	wr_error err;
	wr_buf b;
	uint32_t arr = add_obj(s, WR_OBJ_ARRAY, v_builtin(s, "Array.prototype"));
	uint32_t td = add_obj(s, WR_OBJ_TEXTDECODER, v_builtin(s, "TextDecoder.prototype"));
	uint32_t eo = add_obj(s, WR_OBJ_OBJECT, v_builtin(s, "Error.prototype"));
	/* Duktape leaves a frozen array's length writable */
	add_prop(s, arr, v_str(s, "length"), v_num(0), WR_PF_WRITABLE);
	s->objects[arr - 1].flags = WR_OF_SEALED | WR_OF_FROZEN;
	s->objects[td - 1].flags = WR_OF_SEALED;
	add_prop(s, eo, v_str(s, "stack"), v_str(s, "E\n    at f"), 0);
	s->objects[eo - 1].flags = WR_OF_TRACEBACK;
	ck_assert_msg(wr_validate(s, &err) == 0, "%s", err.msg);
	encode(s, &b);
	ck_assert_msg(wr_msgpack_read(b.data, b.len, NULL, &r, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(r->objects[arr - 1].flags, WR_OF_SEALED | WR_OF_FROZEN);
	ck_assert_uint_eq(r->objects[td - 1].flags, WR_OF_SEALED);
	ck_assert_uint_eq(r->objects[eo - 1].flags, WR_OF_TRACEBACK);
	wr_snapshot_free(r);
	wr_buf_free(&b);
	wr_snapshot_free(s);

	for (int c = 0; c < 7; c++) {
		const char *needle = NULL;
		s = wr_snapshot_new();
		uint32_t o = add_obj(s, c == 4 ? WR_OBJ_DATE : WR_OBJ_OBJECT, v_builtin(s, "Object.prototype"));
		wr_object *m = &s->objects[o - 1];
		switch (c) {
		case 0:
			m->flags = WR_OF_EXTENSIBLE | WR_OF_SEALED;
			needle = "an extensible object cannot be sealed or frozen";
			break;
		case 1:
			m->flags = WR_OF_FROZEN;
			needle = "a frozen object is sealed too";
			break;
		case 2:
			add_prop(s, o, v_str(s, "a"), v_num(1), WR_PF_CONFIGURABLE);
			s->objects[o - 1].flags = WR_OF_SEALED;
			needle = "property 0: configurable in a sealed object";
			break;
		case 3:
			add_prop(s, o, v_str(s, "length"), v_num(1), WR_PF_WRITABLE);
			s->objects[o - 1].flags = WR_OF_SEALED | WR_OF_FROZEN;
			needle = "property 0: writable in a frozen object";
			break;
		case 4:
			m->flags = WR_OF_TRACEBACK;
			needle = "a traceback flag on a date object";
			break;
		case 5:
			m->flags = WR_OF_SEALED | WR_OF_FROZEN | WR_OF_EXTENSIBLE;
			needle = "an extensible object cannot be sealed or frozen";
			break;
		case 6:   /* a bit a newer Ferry may add: the reader refuses it by range */
			m->flags = WR_OF_TRACEBACK << 1;
			needle = "unknown flags 0x20";
			break;
		}
		assert_refused(s, c != 6, needle, c);
		if (c == 6) {
			encode(s, &b);
			ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
			ck_assert_msg(strstr(err.msg, "object flags") != NULL, "%s", err.msg);
			wr_buf_free(&b);
		}
		wr_snapshot_free(s);
	}
}
END_TEST

/* the first n bytes at needle in b, or NULL */
static uint8_t *find_bytes(const wr_buf *b, const char *needle, size_t n)
{
	for (size_t i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, needle, n) == 0)
			return (uint8_t *)b->data + i;
	return NULL;
}

/* a traceback (u.trace): an error's record of 5 fields has its whole stack
 * text (older snapshots), one of 7 its frames, fileName and lineNumber
 * (nil for undefined); an object's flagged traceback 4 (older) or 7; the
 * fields round-trip and the rules hold */
START_TEST(trace_fields)
{
	wr_snapshot *s = wr_snapshot_new(), *r = NULL;
	wr_error err;
	wr_buf b;
	uint32_t e1 = add_obj(s, WR_OBJ_ERROR, v_builtin(s, "Error.prototype"));
	s->objects[e1 - 1].u.trace.stack = mkstr(s, "Error: a", 8);
	encode(s, &b);
	ck_assert_ptr_nonnull(find_bytes(&b, "\x95\x06\x01", 3));   /* older readers' record */
	wr_buf_free(&b);
	uint32_t e2 = add_obj(s, WR_OBJ_ERROR, v_builtin(s, "TypeError.prototype"));
	uint32_t e3 = add_obj(s, WR_OBJ_ERROR, v_builtin(s, "TypeError.prototype"));
	uint32_t o1 = add_obj(s, WR_OBJ_OBJECT, v_ref(e2));
	uint32_t o2 = add_obj(s, WR_OBJ_OBJECT, v_ref(e2));
	wr_object *m = &s->objects[e2 - 1];
	m->u.trace.stack = mkstr(s, "ZZ", 2);
	m->u.trace.file = mkstr(s, "", 0);
	m->u.trace.line = 1;
	m->u.trace.has = WR_TR_FRAMES | WR_TR_FILE | WR_TR_LINE;
	m = &s->objects[e3 - 1];
	m->u.trace.line = -0.0;
	m->u.trace.has = WR_TR_FRAMES | WR_TR_LINE;
	m = &s->objects[o1 - 1];
	m->flags |= WR_OF_TRACEBACK;
	m->u.trace.stack = mkstr(s, "\n    at f (a.js:7)", 18);
	m->u.trace.file = mkstr(s, "a.js", 4);
	m->u.trace.has = WR_TR_FRAMES | WR_TR_FILE;
	s->objects[o2 - 1].flags |= WR_OF_TRACEBACK;   /* an older snapshot's */
	add_prop(s, o2, v_str(s, "stack"), v_str(s, "E"), WR_PF_WRITABLE | WR_PF_CONFIGURABLE);
	ck_assert_msg(wr_validate(s, &err) == 0, "%s", err.msg);
	encode(s, &b);
	ck_assert_msg(wr_msgpack_read(b.data, b.len, NULL, &r, &err) == 0, "%s", err.msg);
	for (uint32_t i = 0; i < s->nobjects; i++)
		ck_assert_msg(obj_eq(&s->objects[i], &r->objects[i]), "object %u", (unsigned)i + 1);
	ck_assert_uint_eq(r->objects[e3 - 1].u.trace.has, WR_TR_FRAMES | WR_TR_LINE);
	ck_assert_uint_eq(r->objects[e1 - 1].u.trace.has, 0);
	ck_assert(signbit(r->objects[e3 - 1].u.trace.line));
	wr_snapshot_free(r);
	/* the fields' types and the records' lengths */
	uint8_t *p = find_bytes(&b, "\xa2ZZ\xa0\x01", 5);
	ck_assert_ptr_nonnull(p);
	static const struct { size_t at; uint8_t byte; const char *needle; } bad[] = {
		{ 3, 0x05, "error fileName: expected a string or nil, found" },
		{ 4, 0xa0, "error lineNumber: expected a number, found" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		uint8_t keep = p[bad[i].at];
		p[bad[i].at] = bad[i].byte;
		ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
		ck_assert_msg(strstr(err.msg, bad[i].needle) != NULL, "%s", err.msg);
		p[bad[i].at] = keep;
	}
	p = find_bytes(&b, "\x97\x06", 2);
	ck_assert_ptr_nonnull(p);
	p[0] = 0x96;
	ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
	ck_assert_msg(strstr(err.msg, "object of kind 6: 6 fields, 5 or 7 expected") != NULL, "%s", err.msg);
	p[0] = 0x97;
	p = find_bytes(&b, "\x97\x00", 2);
	ck_assert_ptr_nonnull(p);
	p[0] = 0x95;
	ck_assert_int_eq(wr_msgpack_read(b.data, b.len, NULL, &r, &err), -1);
	ck_assert_msg(strstr(err.msg, "object of kind 0: 5 fields, 4 or 7 expected") != NULL, "%s", err.msg);
	wr_buf_free(&b);
	wr_snapshot_free(s);

	for (int c = 0; c < 4; c++) {
		const char *needle = NULL;
		s = wr_snapshot_new();
		uint32_t o = add_obj(s, c < 2 ? WR_OBJ_OBJECT : WR_OBJ_ERROR, v_builtin(s, "Error.prototype"));
		m = &s->objects[o - 1];
		switch (c) {
		case 0:
			m->u.trace.has = WR_TR_FRAMES;
			needle = "traceback: frames on an object without the traceback flag";
			break;
		case 1:
			m->flags |= WR_OF_TRACEBACK;
			m->u.trace.has = WR_TR_LINE;
			needle = "traceback: fileName or lineNumber without the frames";
			break;
		case 2:   /* an error's whole text (older) has none */
			m->u.trace.has = WR_TR_FILE;
			needle = "traceback: fileName or lineNumber without the frames";
			break;
		case 3:
			m->u.trace.has = WR_TR_LINE << 1;
			needle = "unknown traceback fields 0x8";
			break;
		}
		assert_refused(s, c == 0, needle, c);
		wr_snapshot_free(s);
	}
}
END_TEST

START_TEST(byte_arrays)
{
	static const uint32_t sizes[] = { 0, 1, 63, 64, 1000, 100000 };
	for (int plain = 0; plain < 2; plain++)   /* an ArrayBuffer, a plain buffer */
	for (int pattern = 0; pattern < 3; pattern++)
		for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
			wr_snapshot *s = wr_snapshot_new(), *r = NULL;
			wr_error err;
			wr_buf b;
			uint32_t n = sizes[k];
			uint32_t id = plain ? add_obj(s, WR_OBJ_PLAINBUFFER, v_builtin(s, "Uint8Array.prototype"))
			                    : add_obj(s, WR_OBJ_ARRAYBUFFER, v_null());
			if (plain) {
				s->objects[id - 1].flags = 0;
				s->objects[id - 1].u.bytes.dynamic = (uint32_t)(k & 1);
			}
			uint8_t *p = wr_alloc(s, n ? n : 1);
			for (uint32_t i = 0; i < n; i++)   /* zeros / noise / zeros with islands */
				p[i] = pattern == 0 ? 0 : pattern == 1 ? (uint8_t)(i * 7 + 1) :
				       (i % 50 < 3 ? (uint8_t)i : 0);
			s->objects[id - 1].u.bytes.ptr = p;
			s->objects[id - 1].u.bytes.len = n;
			encode(s, &b);
			if (pattern == 0 && n >= 1000)
				ck_assert_uint_lt(b.len, 100);     /* zeros cost almost nothing */
			if (pattern == 1)
				ck_assert_uint_ge(b.len, n);       /* noise stays bin */
			ck_assert_msg(wr_msgpack_read(b.data, b.len, NULL, &r, &err) == 0, "%s", err.msg);
			ck_assert(snap_eq(s, r));
			wr_snapshot_free(r);
			if (pattern == 0 && n == 100000) {
				wr_limits l;
				wr_limits_default(&l);
				l.max_bytes = 50000;               /* input is tiny, the zeros are not */
				ck_assert_int_eq(wr_msgpack_read(b.data, b.len, &l, &r, &err), -1);
				ck_assert_ptr_nonnull(strstr(err.msg, "zeros exceed the limit"));
				l.max_bytes = 256u << 20;
				l.max_string = 99999;
				ck_assert_int_eq(wr_msgpack_read(b.data, b.len, &l, &r, &err), -1);
				ck_assert_ptr_nonnull(strstr(err.msg, "exceeds the limit of 99999"));
				ck_assert_ptr_nonnull(strstr(err.msg, plain ? "plainbuffer" : "arraybuffer"));
			}
			wr_buf_free(&b);
			wr_snapshot_free(s);
		}
}
END_TEST

/* A heap-like model: many small objects and arrays of numbers and strings,
 * as the bench programs make. msgpack must be <= 0.6x the JSON size. */
START_TEST(size_vs_json)
{
	wr_snapshot *s = wr_snapshot_new();
	wr_error err;
	char key[32];
	uint32_t root = add_obj(s, WR_OBJ_ARRAY, v_builtin(s, "Array.prototype"));
	for (int i = 0; i < 2000; i++) {
		uint32_t o = add_obj(s, WR_OBJ_OBJECT, v_builtin(s, "Object.prototype"));
		add_prop(s, o, v_str(s, "id"), v_num(i), PF_DEF);
		add_prop(s, o, v_str(s, "temp"), v_num(20.0 + (i % 97) * 0.37), PF_DEF);
		add_prop(s, o, v_str(s, "ok"), v_bool(i & 1), PF_DEF);
		snprintf(key, sizeof key, "sensor-%d", i % 50);
		add_prop(s, o, v_str(s, "name"), v_str(s, key), PF_DEF);
		snprintf(key, sizeof key, "%d", i);
		add_prop(s, root, v_str(s, key), v_ref(o), PF_DEF);
	}
	add_prop(s, root, v_str(s, "length"), v_num(2000), WR_PF_WRITABLE);
	wr_prop *g = wr_add_global(s);
	g->key = v_str(s, "readings");
	g->value = v_ref(root);
	wr_buf mp, js;
	encode(s, &mp);
	memset(&js, 0, sizeof js);
	ck_assert_int_eq(wr_json_write(s, &js, 0, &err), 0);
	ck_assert_msg(mp.len * 10 <= js.len * 6, "msgpack %zu bytes vs JSON %zu", mp.len, js.len);
	wr_buf_free(&mp);
	wr_buf_free(&js);
	wr_snapshot_free(s);
}
END_TEST

static Suite *msgpack_suite(void)
{
	Suite *s = suite_create("msgpack");
	TCase *tc = tcase_create("codec");
	tcase_add_test(tc, roundtrip_every_kind);
	tcase_add_test(tc, same_model_as_json);
	tcase_add_test(tc, roundtrip_empty);
	tcase_add_test(tc, number_encodings);
	tcase_add_test(tc, truncation_every_byte);
	tcase_add_test(tc, bit_flips);
	tcase_add_test(tc, every_limit);
	tcase_add_test(tc, model_budget);
	tcase_add_test(tc, hostile_headers);
	tcase_add_test(tc, count_amplification);
	tcase_add_test(tc, bad_references);
	tcase_add_test(tc, byte_arrays);
	tcase_add_test(tc, plainbuffer_refused);
	tcase_add_test(tc, arraybuffer_memory);
	tcase_add_test(tc, integrity_flags);
	tcase_add_test(tc, trace_fields);
	tcase_add_test(tc, integrity_patch);
	tcase_add_test(tc, size_vs_json);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(msgpack_suite());
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
