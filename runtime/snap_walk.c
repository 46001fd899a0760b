/*
 * runtime/snap_walk.c -- the snapshot walker: heap -> wire model, taken at an
 * event-loop boundary (empty call stack, so no JavaScript runs meanwhile).
 *
 * Objects get ids in discovery order (id = model table position + 1); the
 * work list is the object table itself: objects [1, nobjects] are processed
 * in order while processing appends newly found ones -- breadth first, no C
 * recursion. Identity is duk_get_heapptr (rt_pmap); built-in objects become
 * WR_BUILTIN paths. Properties are read with duk_get_prop_desc only, so no
 * getter and no Proxy trap ever runs; class-specific state (Date value,
 * RegExp source/flags, Error stack, buffer bytes) is read through the
 * *baseline* built-in getters, which are native and cannot be replaced by
 * the program.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "runtime/snap_walk.h"

/* Duktape class numbers (duk_inspect_value "class"), stable in 2.x */
enum {
	CL_OBJECT = 1, CL_ARRAY = 2, CL_FUNCTION = 3, CL_ARGUMENTS = 4, CL_BOOLEAN = 5,
	CL_DATE = 6, CL_ERROR = 7, CL_NUMBER = 10, CL_REGEXP = 11, CL_STRING = 12,
	CL_SYMBOL = 14, CL_POINTER = 17, CL_ARRAYBUFFER = 19, CL_DATAVIEW = 20, CL_INT8 = 21,
	CL_UINT8 = 22, CL_UINT8C = 23, CL_INT16 = 24, CL_UINT16 = 25, CL_INT32 = 26,
	CL_UINT32 = 27, CL_FLOAT32 = 28, CL_FLOAT64 = 29
};

#define SW_BUILTIN_BIT 0x80000000u

#define SW_ENUM_FLAGS (DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE | \
                       DUK_ENUM_INCLUDE_SYMBOLS | DUK_ENUM_INCLUDE_HIDDEN | \
                       DUK_ENUM_NO_PROXY_BEHAVIOR)

static int sw_oom(sw_state *w)
{
	if (!w->failed)
		snprintf(w->err, w->errlen, "snapshot: out of memory");
	w->failed = 1;
	return -1;
}

/* room in *v (capacity *cap elements of size bytes) for element n: the
 * array, grown by doubling from first when n reaches the capacity; NULL
 * when out of memory (reported) */
static void *sw_grow(sw_state *w, void *v, size_t *cap, size_t n, size_t size, size_t first)
{
	size_t nc;

	if (n < *cap)
		return v;
	nc = *cap ? *cap * 2 : first;
	v = realloc(v, nc * size);
	if (!v) {
		sw_oom(w);
		return NULL;
	}
	*cap = nc;
	return v;
}

/* ---- strings, symbols ---- */

static int sw_string(sw_state *w, duk_idx_t idx, wr_str *out)
{
	duk_size_t n;
	const char *p = duk_get_lstring(w->ctx, idx, &n);
	void *h = duk_get_heapptr(w->ctx, idx);
	uint32_t si;
	wr_str *v;

	if (rt_pmap_get(&w->strs, h, &si)) {
		*out = w->strcache[si];
		return 0;
	}
	if (wr_strdup(w->s, p, n, out) != 0)
		return sw_oom(w);
	v = sw_grow(w, w->strcache, &w->capstr, w->nstr, sizeof *v, 256);
	if (!v)
		return -1;
	w->strcache = v;
	w->strcache[w->nstr] = *out;
	if (rt_pmap_put(&w->strs, h, (uint32_t)w->nstr) != 0)
		return sw_oom(w);
	/* the map is keyed by heap pointer: keep the string alive (enumerated
	 * index keys are made on the fly and freed right after) */
	duk_dup(w->ctx, idx);
	duk_put_prop_index(w->ctx, SW_IDX_KEEPSTR, (duk_uarridx_t)(w->nkeep++));
	w->nstr++;
	return 0;
}

static int sw_symbol(sw_state *w, duk_idx_t idx, wr_value *out, const sw_edge *edge)
{
	duk_size_t n, i;
	const unsigned char *p = (const unsigned char *)duk_get_lstring(w->ctx, idx, &n);
	void *h = duk_get_heapptr(w->ctx, idx);
	uint32_t id;
	wr_symbol *y;

	out->type = WR_SYMBOL;
	if (rt_pmap_get(&w->syms, h, &id)) {
		out->u.ref = id;
		return 0;
	}
	if (n == 0 || p[0] == 0xff || p[0] == 0x82)
		return sw_fail(w, edge, "an internal (hidden) symbol cannot be migrated");
	y = wr_add_symbol(w->s, &id);
	if (!y)
		return sw_oom(w);
	if (p[0] == 0x80) {
		y->kind = WR_SYM_GLOBAL;
		y->has_desc = 1;
		if (wr_strdup(w->s, (const char *)p + 1, n - 1, &y->desc) != 0)
			return sw_oom(w);
	} else {
		for (i = 1; i < n && p[i] != 0xff; i++)
			;
		if (i == n - 1 && n > 8 && memcmp(p + 1, "Symbol.", 7) == 0) {
			y->kind = WR_SYM_WELLKNOWN;
			y->has_desc = 1;
			if (wr_strdup(w->s, (const char *)p + 8, i - 8, &y->desc) != 0)
				return sw_oom(w);
		} else {
			y->kind = WR_SYM_LOCAL;
			y->has_desc = p[n - 1] != 0xff;
			if (wr_strdup(w->s, (const char *)p + 1, i - 1, &y->desc) != 0)
				return sw_oom(w);
		}
	}
	if (rt_pmap_put(&w->syms, h, id) != 0)
		return sw_oom(w);
	duk_dup(w->ctx, idx);
	duk_put_prop_index(w->ctx, SW_IDX_KEEPSTR, (duk_uarridx_t)(w->nkeep++));
	out->u.ref = id;
	return 0;
}

int sw_key(sw_state *w, duk_idx_t idx, wr_value *out)
{
	if (duk_is_symbol(w->ctx, idx))
		return sw_symbol(w, idx, out, NULL);
	out->type = WR_STRING;
	return sw_string(w, idx, &out->u.str);
}

/* ---- values ---- */

static int sw_builtin(sw_state *w, uint32_t bi, wr_value *out)
{
	if (!w->blpaths[bi].ptr) {
		duk_size_t n;
		const char *p;
		duk_get_prop_index(w->ctx, SW_IDX_PATHS, bi);
		p = duk_get_lstring(w->ctx, -1, &n);
		if (wr_strdup(w->s, p ? p : "", p ? n : 0, &w->blpaths[bi]) != 0) {
			duk_pop(w->ctx);
			return sw_oom(w);
		}
		duk_pop(w->ctx);
	}
	out->type = WR_BUILTIN;
	out->u.str = w->blpaths[bi];
	return 0;
}

int sw_value(sw_state *w, duk_idx_t idx, wr_value *out, const sw_edge *edge)
{
	duk_context *ctx = w->ctx;
	void *h;
	uint32_t id;

	memset(out, 0, sizeof *out);
	switch (duk_get_type(ctx, idx)) {
	case DUK_TYPE_NONE:
	case DUK_TYPE_UNDEFINED:
		out->type = WR_UNDEFINED;
		return 0;
	case DUK_TYPE_NULL:
		out->type = WR_NULL;
		return 0;
	case DUK_TYPE_BOOLEAN:
		out->type = duk_get_boolean(ctx, idx) ? WR_TRUE : WR_FALSE;
		return 0;
	case DUK_TYPE_NUMBER:
		out->type = WR_NUMBER;
		out->u.num = duk_get_number(ctx, idx);
		return 0;
	case DUK_TYPE_STRING:
		if (duk_is_symbol(ctx, idx))
			return sw_symbol(w, idx, out, edge);
		out->type = WR_STRING;
		return sw_string(w, idx, &out->u.str);
	case DUK_TYPE_OBJECT:
	case DUK_TYPE_BUFFER:   /* a plain buffer: a heap value with identity, in the object table */
		break;
	case DUK_TYPE_POINTER:
		return sw_fail(w, edge, "a pointer value (host data) cannot be migrated");
	case DUK_TYPE_LIGHTFUNC:
		return sw_fail(w, edge, "a lightweight native function cannot be migrated");
	default:
		return sw_fail(w, edge, "a value of an unknown type cannot be migrated");
	}
	h = duk_get_heapptr(ctx, idx);
	/* one map for both: built-ins are stored with SW_BUILTIN_BIT set */
	if (rt_pmap_get(&w->ids, h, &id)) {
		if (id & SW_BUILTIN_BIT)
			return sw_builtin(w, id & ~SW_BUILTIN_BIT, out);
		out->type = WR_REF;
		out->u.ref = id;
		return 0;
	}
	out->type = WR_REF;
	if (!wr_add_object(w->s, &id))
		return sw_oom(w);
	if (id > w->cap) {   /* both arrays, one capacity */
		size_t cap = w->cap;
		void **p = sw_grow(w, w->ptrs, &cap, id - 1, sizeof *p, 1024);
		sw_edge *e;
		if (!p)
			return -1;
		w->ptrs = p;
		e = sw_grow(w, w->edges, &w->cap, id - 1, sizeof *e, 1024);
		if (!e)
			return -1;
		w->edges = e;
	}
	w->ptrs[id - 1] = h;
	w->edges[id - 1] = *edge;
	if (rt_pmap_put(&w->ids, h, id) != 0)
		return sw_oom(w);
	out->u.ref = id;
	return 0;
}

/* ---- objects ---- */

static int is_index_key(const char *k, size_t n, uint32_t *out)
{
	uint64_t v = 0;
	if (n == 0 || n > 10 || (n > 1 && k[0] == '0'))
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (k[i] < '0' || k[i] > '9')
			return 0;
		v = v * 10 + (uint64_t)(k[i] - '0');
	}
	if (v >= 0xffffffffULL)
		return 0;
	*out = (uint32_t)v;
	return 1;
}

static int class_of(duk_context *ctx, duk_idx_t idx)
{
	int c;
	duk_inspect_value(ctx, idx);
	duk_get_prop_literal(ctx, -1, "class");
	c = duk_get_int_default(ctx, -1, -1);
	duk_pop_2(ctx);
	return c;
}

/* call the native at stack slot fn with `this` = obj; result on top */
static void call_on(duk_context *ctx, duk_idx_t fn, duk_idx_t obj)
{
	duk_dup(ctx, fn);
	duk_dup(ctx, obj);
	duk_call_method(ctx, 0);
}

int sw_is_level(duk_context *ctx, duk_idx_t fn, duk_idx_t obj)
{
	int r;
	duk_dup(ctx, fn);
	duk_dup(ctx, obj);
	duk_call(ctx, 1);
	r = duk_to_boolean(ctx, -1);
	duk_pop(ctx);
	return r;
}

static int elem_of_class(int c, uint32_t *elem, uint32_t *size)
{
	switch (c) {
	case CL_UINT8:   *elem = WR_ELEM_UINT8;        *size = 1; return 1;
	case CL_UINT8C:  *elem = WR_ELEM_UINT8CLAMPED; *size = 1; return 1;
	case CL_INT8:    *elem = WR_ELEM_INT8;         *size = 1; return 1;
	case CL_UINT16:  *elem = WR_ELEM_UINT16;       *size = 2; return 1;
	case CL_INT16:   *elem = WR_ELEM_INT16;        *size = 2; return 1;
	case CL_UINT32:  *elem = WR_ELEM_UINT32;       *size = 4; return 1;
	case CL_INT32:   *elem = WR_ELEM_INT32;        *size = 4; return 1;
	case CL_FLOAT32: *elem = WR_ELEM_FLOAT32;      *size = 4; return 1;
	case CL_FLOAT64: *elem = WR_ELEM_FLOAT64;      *size = 8; return 1;
	default: return 0;
	}
}

static int is_proxy(duk_context *ctx, duk_idx_t o)
{
	int found = 0;
	if (duk_get_prop_literal(ctx, o, RT_KEY_PROXY) && duk_is_array(ctx, -1)) {
		duk_size_t n = duk_get_length(ctx, -1), i;
		void *h = duk_get_heapptr(ctx, o);
		for (i = 0; i < n && !found; i++) {
			duk_get_prop_index(ctx, -1, (duk_uarridx_t)i);
			found = duk_get_heapptr(ctx, -1) == h;
			duk_pop(ctx);
		}
	}
	duk_pop(ctx);
	return found;
}

/* ---- descriptors: fields read with the key strings of the stack slots ---- */

void sw_desc_get(duk_context *ctx, duk_idx_t d, duk_idx_t k)
{
	duk_dup(ctx, k);
	duk_get_prop(ctx, d);
}

uint32_t sw_desc_flags(duk_context *ctx, duk_idx_t d)
{
	uint32_t f = 0;
	/* the descriptor inherits from Object.prototype, which the program may
	 * have given "writable", "get", "value"...: cut it off, so the reads
	 * below (and the caller's) see own fields only. (Duktape 2.7 fills the
	 * descriptor with [[Put]], so an *accessor* named like a field on
	 * Object.prototype still has its setter called by duk_get_prop_desc:
	 * a Duktape limitation the public API offers no way around.) */
	duk_push_undefined(ctx);
	duk_set_prototype(ctx, d);
	/* a data descriptor has "writable", an accessor one has not */
	sw_desc_get(ctx, d, SW_IDX_K_WRITABLE);
	if (duk_is_undefined(ctx, -1))
		f |= WR_PF_ACCESSOR;
	else if (duk_get_boolean(ctx, -1))
		f |= WR_PF_WRITABLE;
	sw_desc_get(ctx, d, SW_IDX_K_ENUMERABLE);
	if (duk_get_boolean(ctx, -1))
		f |= WR_PF_ENUMERABLE;
	sw_desc_get(ctx, d, SW_IDX_K_CONFIGURABLE);
	if (duk_get_boolean(ctx, -1))
		f |= WR_PF_CONFIGURABLE;
	duk_pop_3(ctx);
	return f;
}

/* hidden keys seen while enumerating */
enum {
	HK_SITE = 1 << 0, HK_ENV = 1 << 1, HK_BTARGET = 1 << 2, HK_INTERNAL = 1 << 3,
	HK_CALLEE = 1 << 4, HK_STACK = 1 << 5, HK_INLINE = 1 << 6, HK_FINALIZER = 1 << 7,
	HK_CONTEXT = 1 << 8,  /* a TextDecoder's state */
	HK_TRACE = 1 << 9     /* the traceback Duktape gives an error when it is made */
};
/* the site tag "\xFFs<site>" (RT_KEY_SITE_PREFIX): HK_SITE, and site + 1
 * in the bits from HK_SITE_SHIFT up (0 there: a malformed number) */
#define HK_SITE_SHIFT 10
#define HK_SITE_MAX   ((1u << 21) - 1)   /* (HK_SITE_MAX << HK_SITE_SHIFT) fits an int */

static int hidden_key(const unsigned char *k, size_t n)
{
	if (k[0] == 0x82) {   /* Duktape's own: its finalizer key, or another internal one */
		if (n == 10 && memcmp(k + 1, "Finalizer", 9) == 0)
			return HK_FINALIZER;
		if (n == 10 && memcmp(k + 1, "Tracedata", 9) == 0)
			return HK_TRACE;
		return n == 8 && memcmp(k + 1, "Context", 7) == 0 ? HK_CONTEXT : HK_INTERNAL;
	}
	n--;
	k++;
	if (n >= 2 && k[0] == 's') {
		uint32_t site = 0;
		size_t i;
		for (i = 1; i < n && site <= HK_SITE_MAX; i++) {
			if (k[i] < '0' || k[i] > '9' || (i == 1 && k[i] == '0' && n > 2))
				return HK_SITE;
			site = site * 10 + (uint32_t)(k[i] - '0');
		}
		return site < HK_SITE_MAX ? HK_SITE | (int)((site + 1) << HK_SITE_SHIFT) : HK_SITE;
	}
	if (n == 3 && memcmp(k, "fi0", 3) == 0)
		return HK_INLINE;   /* values of an inline environment */
	if (n == 8 && memcmp(k, "fbtarget", 8) == 0)
		return HK_BTARGET;
	if ((n == 6 && memcmp(k, "ftrace", 6) == 0) || (n == 8 && memcmp(k, "ftframes", 8) == 0))
		return HK_TRACE;   /* what restore gave for a traceback (RT_KEY_TRACE, RT_KEY_TRFRAMES) */
	return 0;
}

static wr_object *obj(sw_state *w, uint32_t id)
{
	return &w->s->objects[id - 1];
}

/* the properties of the object at o into the model object id */
static int sw_props(sw_state *w, uint32_t id, duk_idx_t o, int skip_indexed, int *hk)
{
	duk_context *ctx = w->ctx;
	duk_idx_t en;
	uint32_t asize = 0;

	/* Entries of a Duktape array's array part are always writable,
	 * enumerable, configurable data properties (giving one index other
	 * attributes or an accessor abandons the array part), so for indices
	 * below its size no descriptor is needed: a plain read of an own data
	 * property runs no code. The inspect costs about two descriptors
	 * (~12.6k vs ~5.8k instructions with reading and freeing one), so it
	 * pays from three elements on. */
	if (duk_is_array(ctx, o) && duk_get_length(ctx, o) >= 3) {
		duk_inspect_value(ctx, o);
		duk_get_prop_literal(ctx, -1, "asize");
		asize = (uint32_t)duk_get_uint_default(ctx, -1, 0);
		duk_pop_2(ctx);
	}
	/* A buffer object's indices are virtual: duk_enum makes a key string
	 * for every one (for a 1 MiB Uint8Array, 160 MB and most of a second)
	 * only for skip_indexed to drop them. With nothing in its entry part
	 * (the inspect's "enext"), it has no own property to list. */
	if (skip_indexed && duk_get_length(ctx, o) >= 16) {
		uint32_t enext;
		duk_inspect_value(ctx, o);
		duk_get_prop_literal(ctx, -1, "enext");
		enext = (uint32_t)duk_get_uint_default(ctx, -1, 1);
		duk_pop_2(ctx);
		if (enext == 0)
			return 0;
	}

	w->ntmp = 0;
	duk_enum(ctx, o, SW_ENUM_FLAGS);
	en = duk_get_top_index(ctx);
	while (duk_next(ctx, en, 0)) {
		duk_idx_t key = duk_get_top_index(ctx), d;
		duk_size_t kn;
		const char *k = duk_get_lstring(ctx, key, &kn);
		wr_value kv, v1, v2;
		uint32_t f, pi, dummy;
		wr_prop *p;
		sw_edge e;

		if (kn > 0 && ((unsigned char)k[0] == 0xff || (unsigned char)k[0] == 0x82)) {
			*hk |= hidden_key((const unsigned char *)k, kn);
			duk_pop(ctx);
			continue;
		}
		if (skip_indexed && (is_index_key(k, kn, &dummy) || (kn == 6 && memcmp(k, "length", 6) == 0))) {
			duk_pop(ctx);
			continue;
		}
		if (kn == 6 && memcmp(k, "callee", 6) == 0)
			*hk |= HK_CALLEE;
		if (kn == 5 && memcmp(k, "stack", 5) == 0)
			*hk |= HK_STACK;
		if (sw_key(w, key, &kv) != 0)
			return -1;
		w->curkey = kv;
		pi = (uint32_t)w->ntmp;
		e.parent = id;
		e.kind = SW_E_PROP;
		e.a = pi;
		memset(&v2, 0, sizeof v2);
		if (asize && is_index_key(k, kn, &dummy) && dummy < asize) {
			duk_get_prop_index(ctx, o, dummy);
			f = WR_PF_WRITABLE | WR_PF_ENUMERABLE | WR_PF_CONFIGURABLE;
			e.b = 0;
			if (sw_value(w, -1, &v1, &e) != 0)
				return -1;
			goto add;
		}
		duk_dup(ctx, key);
		duk_get_prop_desc(ctx, o, 0);
		d = duk_get_top_index(ctx);
		f = sw_desc_flags(ctx, d);
		if (f & WR_PF_ACCESSOR) {
			sw_desc_get(ctx, d, SW_IDX_K_GET);
			e.b = 1;
			if (sw_value(w, -1, &v1, &e) != 0)
				return -1;
			sw_desc_get(ctx, d, SW_IDX_K_SET);
			e.b = 2;
			if (sw_value(w, -1, &v2, &e) != 0)
				return -1;
		} else {
			sw_desc_get(ctx, d, SW_IDX_K_VALUE);
			e.b = 0;
			if (sw_value(w, -1, &v1, &e) != 0)
				return -1;
		}
add:
		p = sw_grow(w, w->tmp, &w->captmp, w->ntmp, sizeof *p, 64);
		if (!p)
			return -1;
		w->tmp = p;
		p = &w->tmp[w->ntmp++];
		p->key = kv;
		p->flags = f;
		p->value = v1;
		p->setter = v2;
		duk_set_top(ctx, key);
	}
	duk_pop(ctx);
	/* one arena block per object (no regrowth while enumerating) */
	if (w->ntmp > 0) {
		wr_prop *props = wr_alloc(w->s, w->ntmp * sizeof *props);
		if (!props)
			return sw_oom(w);
		memcpy(props, w->tmp, w->ntmp * sizeof *props);
		obj(w, id)->props = props;
		obj(w, id)->nprops = (uint32_t)w->ntmp;
	}
	return 0;
}

/* drop the index and length props a String object exposes virtually */
static void drop_string_virtuals(wr_object *o)
{
	uint32_t i, j = 0, dummy;
	for (i = 0; i < o->nprops; i++) {
		wr_prop *p = &o->props[i];
		int virt = p->key.type == WR_STRING && p->flags == WR_PF_ENUMERABLE &&
		           is_index_key(p->key.u.str.ptr, p->key.u.str.len, &dummy);
		virt |= p->key.type == WR_STRING && p->flags == 0 && p->key.u.str.len == 6 &&
		        memcmp(p->key.u.str.ptr, "length", 6) == 0;
		if (!virt)
			o->props[j++] = *p;
	}
	o->nprops = j;
}

static int sw_function(sw_state *w, uint32_t id, duk_idx_t o, int hk)
{
	duk_context *ctx = w->ctx;
	const ferry_program *prog = w->rt->prog;
	sw_edge self = w->edges[id - 1];
	wr_value v;
	sw_edge e;

	e.parent = id;
	e.a = e.b = 0;
	if (hk & HK_SITE) {
		uint32_t site = (uint32_t)hk >> HK_SITE_SHIFT;
		if (site == 0 || site - 1 >= (prog ? prog->nsites : 0))
			return sw_fail(w, &self, "a function with an unknown site tag cannot be migrated");
		site--;
		if (prog->sites[site].flags & FERRY_SITE_DYNAMIC)
			return sw_fail(w, &self, "(closure of %s:%u): eval, with or a write through "
			               "`arguments` makes its scope dynamic",
			               prog->filename ? prog->filename : "?", (unsigned)prog->sites[site].line);
		if (hk & HK_INLINE) {
			char msg[160];
			if (rt_tag_materialize(ctx, prog, o, site, msg, sizeof msg) != 0)
				return sw_fail(w, &self, "%s", msg);
		}
		rt_push_site_key(ctx, site);
		duk_get_prop(ctx, o);
		e.kind = SW_E_ENV;
		if (sw_value(w, -1, &v, &e) != 0)
			return -1;
		duk_pop(ctx);
		if (v.type == WR_REF)
			obj(w, v.u.ref)->flags |= WR_OF_ENV;
		obj(w, id)->kind = WR_OBJ_FUNCTION;
		obj(w, id)->u.fn.site = site;
		obj(w, id)->u.fn.env = v;
		return 0;
	}
	if (hk & HK_BTARGET) {
		wr_value t, th, *args = NULL;
		duk_size_t n = 0, i;
		duk_get_prop_literal(ctx, o, RT_KEY_BTARGET);
		e.kind = SW_E_BTARGET;
		if (sw_value(w, -1, &t, &e) != 0)
			return -1;
		duk_get_prop_literal(ctx, o, RT_KEY_BTHIS);
		e.kind = SW_E_BTHIS;
		if (sw_value(w, -1, &th, &e) != 0)
			return -1;
		duk_get_prop_literal(ctx, o, RT_KEY_BARGS);
		if (duk_is_array(ctx, -1))
			n = duk_get_length(ctx, -1);
		if (n > 0) {
			args = wr_alloc(w->s, n * sizeof *args);
			if (!args)
				return sw_oom(w);
		}
		e.kind = SW_E_BARG;
		for (i = 0; i < n; i++) {
			duk_get_prop_index(ctx, -1, (duk_uarridx_t)i);
			e.a = (uint32_t)i;
			if (sw_value(w, -1, &args[i], &e) != 0)
				return -1;
			duk_pop(ctx);
		}
		duk_pop_3(ctx);
		obj(w, id)->kind = WR_OBJ_BOUND;
		obj(w, id)->u.bound.target = t;
		obj(w, id)->u.bound.self = th;
		obj(w, id)->u.bound.args = args;
		obj(w, id)->u.bound.nargs = (uint32_t)n;
		return 0;
	}
	if (is_proxy(ctx, o))
		return sw_fail(w, &self, "a Proxy cannot be migrated");
	if (duk_is_c_function(ctx, o))
		return sw_fail(w, &self, "a native (host) function cannot be migrated");
	if (duk_is_bound_function(ctx, o))
		return sw_fail(w, &self, "a bound function made before the runtime started cannot be migrated");
	return sw_fail(w, &self, "a function without a site tag (made by new Function or eval code) "
	               "cannot be migrated");
}

/* note where a buffer's memory lives. An empty one counts too (a fixed
 * plain buffer of 0 bytes has an address of its own, which the ArrayBuffers
 * over it and over a view `u8.subarray(0, 0)` share); a dynamic one of 0
 * bytes has none (NULL) and shares nothing */
static int sw_mem_add(sw_state *w, const void *p, size_t n, uint32_t id, int plain)
{
	sw_mem *m;

	if (!p)
		return 0;
	m = sw_grow(w, w->mems, &w->capmem, w->nmem, sizeof *m, 64);
	if (!m)
		return -1;
	w->mems = m;
	w->mems[w->nmem].lo = (uintptr_t)p;
	w->mems[w->nmem].hi = (uintptr_t)p + n;
	w->mems[w->nmem].id = id;
	w->mems[w->nmem].plain = plain;
	w->nmem++;
	return 0;
}

/* the bytes of an ArrayBuffer or a plain buffer, copied into the model's
 * object id */
static int sw_take_bytes(sw_state *w, const uint8_t *data, size_t size, uint32_t id)
{
	uint8_t *copy = NULL;

	if (size) {
		copy = wr_alloc(w->s, size);
		if (!copy)
			return sw_oom(w);
		memcpy(copy, data, size);
	}
	obj(w, id)->u.bytes.ptr = copy;
	obj(w, id)->u.bytes.len = (uint32_t)size;
	return 0;
}

/* by start; at one start the longest first, a plain buffer (the whole
 * memory) before ArrayBuffers as long, then by id (deterministic) */
static int mem_cmp(const void *a, const void *b)
{
	const sw_mem *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi > y->hi ? -1 : 1;
	if (x->plain != y->plain)
		return x->plain ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Buffer memory, once every ArrayBuffer and plain buffer is known.
 * Duktape makes a new ArrayBuffer object over the start of a view's memory
 * when the view's `buffer` is first read (a view and its subarray or slice
 * get one each; `pb.buffer` of a plain buffer makes one each time), so
 * ArrayBuffers at one address share its memory, and a plain buffer there is
 * that memory: the plain buffer, or else the longest ArrayBuffer, holds the
 * bytes, and the others name it as their memory (restore makes them over it
 * again), so a write through one still shows through the others after a
 * restore. Buffers overlapping at different addresses (only host code makes
 * those) are refused. Two distinct plain buffers never overlap. */
static int sw_shared_mem(sw_state *w)
{
	const sw_mem *top = NULL;   /* the range seen so far that reaches highest */
	const sw_mem *own = NULL;   /* the buffer holding the bytes at its start */
	size_t i;

	if (w->nmem > 1)
		qsort(w->mems, w->nmem, sizeof *w->mems, mem_cmp);
	for (i = 0; i < w->nmem; i++) {
		const sw_mem *m = &w->mems[i];
		if (own && m->lo == own->lo && !m->plain) {
			obj(w, m->id)->u.bytes.memory = own->id;   /* and m->hi <= own->hi */
			continue;
		}
		if (top && top->hi > m->lo && m->hi > m->lo)   /* an empty range overlaps none */
			return sw_fail(w, &w->edges[m->id - 1], "%s whose memory partly overlaps another "
			               "buffer's (made by host code) cannot be migrated",
			               m->plain ? "a plain buffer" : "an ArrayBuffer");
		if (!m->plain && sw_take_bytes(w, (const uint8_t *)m->lo, m->hi - m->lo, m->id) != 0)
			return -1;
		own = m;
		if (!top || m->hi > top->hi)
			top = m;
	}
	return 0;
}

static int sw_bufobj(sw_state *w, uint32_t id, duk_idx_t o, int cls)
{
	duk_context *ctx = w->ctx;
	sw_edge self = w->edges[id - 1], e;
	duk_size_t size, absize;
	uint8_t *data, *abdata;
	uint32_t elem = WR_ELEM_UINT8, esize = 1;
	wr_value buf;

	data = duk_get_buffer_data(ctx, o, &size);
	if (cls == CL_ARRAYBUFFER) {
		if (size > UINT32_MAX)
			return sw_fail(w, &self, "an ArrayBuffer over 4 GiB cannot be migrated");
		/* the bytes are taken by sw_shared_mem, once all are known */
		obj(w, id)->kind = WR_OBJ_ARRAYBUFFER;
		obj(w, id)->u.bytes.len = (uint32_t)size;
		return sw_mem_add(w, data, size, id, 0);
	}
	if (cls != CL_DATAVIEW && !elem_of_class(cls, &elem, &esize))
		return sw_fail(w, &self, "a buffer object of class %d cannot be migrated", cls);
	/* the view's ArrayBuffer, through the baseline getter (native) */
	call_on(ctx, cls == CL_DATAVIEW ? SW_IDX_DVBUF : SW_IDX_TABUF, o);
	abdata = duk_get_buffer_data(ctx, -1, &absize);
	e.parent = id;
	e.kind = SW_E_VIEWBUF;
	e.a = e.b = 0;
	if (sw_value(w, -1, &buf, &e) != 0)
		return -1;
	duk_pop(ctx);
	if (!abdata || data < abdata || (size_t)(data - abdata) + size > absize) {
		if (size != 0 || absize != 0)
			return sw_fail(w, &self, "a view outside its ArrayBuffer cannot be migrated");
		data = abdata;
	}
	if (cls == CL_DATAVIEW) {
		obj(w, id)->kind = WR_OBJ_DATAVIEW;
		obj(w, id)->u.view.length = (uint32_t)size;
	} else {
		duk_get_prototype(ctx, o);
		obj(w, id)->kind = duk_get_heapptr(ctx, -1) == duk_get_heapptr(ctx, SW_IDX_BUFPROTO)
		                   ? WR_OBJ_BUFFER : WR_OBJ_TYPEDARRAY;
		duk_pop(ctx);
		obj(w, id)->u.view.length = (uint32_t)(size / esize);
	}
	obj(w, id)->u.view.elem = elem;
	obj(w, id)->u.view.buffer = buf;
	obj(w, id)->u.view.offset = (uint32_t)(data && abdata ? data - abdata : 0);
	return 0;
}

/* A plain buffer (Duktape.dec('hex'|'base64'), Uint8Array.plainOf ...):
 * its bytes and variant. Duktape fixes the rest: no own properties beyond
 * the virtual index and length ones, prototype Uint8Array.prototype, not
 * extensible. */
static int sw_plainbuf(sw_state *w, uint32_t id, duk_idx_t o)
{
	duk_context *ctx = w->ctx;
	sw_edge self = w->edges[id - 1], e;
	wr_object *m;
	duk_size_t size;
	uint8_t *data;
	wr_value proto;

	if (duk_is_external_buffer(ctx, o))
		return sw_fail(w, &self, "a plain buffer over host (external) memory cannot be migrated");
	data = duk_get_buffer(ctx, o, &size);
	if (size > UINT32_MAX)
		return sw_fail(w, &self, "a plain buffer over 4 GiB cannot be migrated");
	/* the prototype Duktape gives it (duk_get_prototype wants an object:
	 * ask a Uint8Array made over the same buffer) */
	duk_dup(ctx, o);
	duk_to_object(ctx, -1);
	duk_get_prototype(ctx, -1);
	e.parent = id;
	e.kind = SW_E_PROTO;
	e.a = e.b = 0;
	if (sw_value(w, -1, &proto, &e) != 0)
		return -1;
	duk_pop_2(ctx);
	if (sw_take_bytes(w, data, size, id) != 0 || sw_mem_add(w, data, size, id, 1) != 0)
		return -1;
	m = obj(w, id);
	m->kind = WR_OBJ_PLAINBUFFER;
	m->flags = 0;
	m->proto = proto;
	m->u.bytes.dynamic = duk_is_dynamic_buffer(ctx, o) ? 1 : 0;
	duk_pop(ctx);   /* the buffer */
	return 0;
}

/* A TextDecoder keeps its options and the state of a streamed decode in a
 * Duktape-internal buffer. Its options are read through the baseline
 * getters; its state must be the one a fresh decoder with those options
 * has (decode() without {stream: true} leaves it so): a decoder half-way
 * through a stream is refused rather than carried as Duktape's bytes. */
static int sw_textdecoder(sw_state *w, uint32_t id, duk_idx_t o)
{
	duk_context *ctx = w->ctx;
	sw_edge self = w->edges[id - 1];
	uint32_t flags = 0;
	duk_size_t n, nf;
	const void *st, *fresh;
	int same;

	if (!duk_is_function(ctx, SW_IDX_TDCTOR) || !duk_is_function(ctx, SW_IDX_TDFATAL) ||
	    !duk_is_function(ctx, SW_IDX_TDIGNBOM))
		return sw_fail(w, &self, "an object with Duktape-internal state cannot be migrated");
	call_on(ctx, SW_IDX_TDFATAL, o);
	if (duk_to_boolean(ctx, -1))
		flags |= WR_TD_FATAL;
	call_on(ctx, SW_IDX_TDIGNBOM, o);
	if (duk_to_boolean(ctx, -1))
		flags |= WR_TD_IGNORE_BOM;
	duk_pop_2(ctx);
	duk_get_prop_literal(ctx, o, "\x82" "Context");
	st = duk_get_buffer(ctx, -1, &n);
	/* the state of a fresh decoder with these options */
	duk_dup(ctx, SW_IDX_TDCTOR);
	rt_text_decoder_new(ctx, flags);
	duk_get_prop_literal(ctx, -1, "\x82" "Context");
	fresh = duk_get_buffer(ctx, -1, &nf);
	same = st && fresh && n == nf && memcmp(st, fresh, n) == 0;
	duk_pop_3(ctx);
	if (!same)
		return sw_fail(w, &self, "a TextDecoder in the middle of a stream (decode with "
		               "{stream: true}) cannot be migrated");
	obj(w, id)->kind = WR_OBJ_TEXTDECODER;
	obj(w, id)->u.textdec.flags = flags;
	return 0;
}

/* push o's own data property key (a hidden one), or undefined */
static void own_hidden(duk_context *ctx, duk_idx_t o, const char *key)
{
	duk_push_string(ctx, key);
	duk_get_prop_desc(ctx, o, 0);
	if (duk_is_object(ctx, -1)) {
		duk_get_prop_literal(ctx, -1, "value");
		duk_remove(ctx, -2);
	} else {
		duk_pop(ctx);
		duk_push_undefined(ctx);
	}
}

/* String() of the stand-in below */
static duk_ret_t sw_empty_string(duk_context *ctx)
{
	duk_push_literal(ctx, "");
	return 1;
}

/* What Duktape's Error.prototype getters read from the traceback it made
 * with an object (an Error; an ordinary object made by `new` of a function
 * whose prototype inherits from Error.prototype, a custom error class).
 * The stack getter gives String(error) and then the traceback's frames,
 * each "\n    at ...": the frames are carried, and the runtime's getter
 * (snap_install.c) puts String(error) before them at each read, as
 * Duktape's does, so the first line follows `name` and `message` after a
 * resume too. The getters run on a stand-in that holds the same traceback
 * data and whose String() is "": String(error) would run the program's
 * code (its toString, or getters for name and message), which no
 * snapshot may. So the frames, fileName and lineNumber are read whatever
 * own `stack` the program set or a prototype defines; restore keeps them
 * where the getters find them, and the program reads them again once it
 * deletes what hid them. A restored object gives what it carried: its
 * frames, or (restored from an older snapshot) the whole stack text. Into
 * u.trace of object id (kind set). */
static int sw_trace(sw_state *w, uint32_t id, duk_idx_t o)
{
	duk_context *ctx = w->ctx;
	duk_idx_t top = duk_get_top(ctx);
	wr_str st = { "", 0 }, file = { NULL, 0 };
	double line = 0;
	uint32_t has = WR_TR_FRAMES;
	wr_object *m = obj(w, id);

	own_hidden(ctx, o, RT_KEY_TRFRAMES);
	if (duk_is_string(ctx, -1)) {
		own_hidden(ctx, o, RT_KEY_TRFILE);
		own_hidden(ctx, o, RT_KEY_TRLINE);
	} else {
		own_hidden(ctx, o, RT_KEY_TRACE);
		if (duk_is_string(ctx, -1) && m->kind == WR_OBJ_ERROR) {
			/* the whole text, from an older snapshot */
			has = 0;
			duk_push_undefined(ctx);
			duk_push_undefined(ctx);
		} else {
			duk_idx_t t = top;
			duk_set_top(ctx, top);
			duk_push_bare_object(ctx);
			own_hidden(ctx, o, "\x82" "Tracedata");
			duk_put_prop_literal(ctx, t, "\x82" "Tracedata");
			duk_push_c_function(ctx, sw_empty_string, 0);
			duk_put_prop_literal(ctx, t, "toString");
			call_on(ctx, SW_IDX_ERRSTACK, t);
			call_on(ctx, SW_IDX_ERRFILE, t);
			call_on(ctx, SW_IDX_ERRLINE, t);
			duk_remove(ctx, t);
		}
	}
	/* [ ... frames file line ] */
	if (duk_is_string(ctx, -3) && sw_string(w, -3, &st) != 0)
		return -1;
	if (has && duk_is_string(ctx, -2)) {
		if (sw_string(w, -2, &file) != 0)
			return -1;
		has |= WR_TR_FILE;
	}
	if (has && duk_is_number(ctx, -1)) {
		line = duk_get_number(ctx, -1);
		has |= WR_TR_LINE;
	}
	duk_set_top(ctx, top);
	m = obj(w, id);
	m->u.trace.stack = st;
	m->u.trace.file = file;
	m->u.trace.line = line;
	m->u.trace.has = has;
	return 0;
}

/* A String object's index and length properties are virtual: duk_enum
 * makes a key string for every index (for a 1 MiB string, hundreds of MB
 * and most of a second) only for drop_string_virtuals to drop them. One
 * whose entry part holds nothing but its internal value (the inspect's
 * "enext" is 1) has no own property to list. Checked only for objects
 * whose prototype is String.prototype (a pointer compare), so others pay
 * nothing; a String object with another prototype is enumerated. */
static int sw_bare_string(sw_state *w, duk_idx_t o, duk_idx_t proto)
{
	duk_context *ctx = w->ctx;
	int bare = 0;
	void *p = duk_get_heapptr(ctx, proto);

	if (p && p == w->strproto) {
		duk_inspect_value(ctx, o);
		duk_get_prop_literal(ctx, -1, "class");
		duk_get_prop_literal(ctx, -2, "enext");
		bare = duk_get_int_default(ctx, -2, -1) == CL_STRING && duk_get_int_default(ctx, -1, 2) <= 1;
		duk_pop_3(ctx);
	}
	return bare;
}

/* process object id: props, prototype, kind-specific state, extensibility */
int sw_process(sw_state *w, uint32_t id)
{
	duk_context *ctx = w->ctx;
	duk_idx_t o;
	int hk = 0, cls = CL_OBJECT, isfn, bufdata, ext;
	sw_edge self = w->edges[id - 1], e;
	wr_value proto;
	uint32_t flags;

	duk_push_heapptr(ctx, w->ptrs[id - 1]);
	o = duk_get_top_index(ctx);
	if (duk_is_buffer(ctx, o))
		return sw_plainbuf(w, id, o);
	if (duk_is_thread(ctx, o))
		return sw_fail(w, &self, "a Duktape thread (coroutine) cannot be migrated");
	isfn = duk_is_function(ctx, o);
	bufdata = duk_is_buffer_data(ctx, o);
	duk_get_prototype(ctx, o);   /* o + 1; its id comes after the properties' */
	if (!isfn && !bufdata && sw_bare_string(w, o, o + 1))
		hk |= HK_INTERNAL;   /* its internal value; no property to list */
	else if (sw_props(w, id, o, bufdata, &hk) != 0)
		return -1;
	/* Duktape.fin / duk_set_finalizer: the finalizer lives under an
	 * internal key the snapshot does not carry, and the process that
	 * took the snapshot would run it when it exits; dropping it would
	 * lose the finalizer's effects after a resume */
	if (hk & HK_FINALIZER)
		return sw_fail(w, &self, "an object with a Duktape finalizer (Duktape.fin) cannot be migrated");

	if (duk_is_undefined(ctx, o + 1) && obj(w, id)->nprops == 0 && !hk && is_proxy(ctx, o))
		return sw_fail(w, &self, "a Proxy cannot be migrated");
	e.parent = id;
	e.kind = SW_E_PROTO;
	e.a = e.b = 0;
	if (sw_value(w, o + 1, &proto, &e) != 0)
		return -1;
	duk_pop(ctx);
	if (proto.type == WR_UNDEFINED)
		proto.type = WR_NULL;
	obj(w, id)->proto = proto;
	ext = sw_is_level(ctx, SW_IDX_ISEXT, o);   /* nothing below changes it */

	if (isfn) {
		if (sw_function(w, id, o, hk) != 0)
			return -1;
	} else if (duk_is_array(ctx, o)) {
		obj(w, id)->kind = WR_OBJ_ARRAY;
	} else if (bufdata || (hk & (HK_INTERNAL | HK_CONTEXT | HK_TRACE | HK_CALLEE | HK_STACK))) {
		/* HK_STACK: a restored Error has no internal traceback key, only
		 * its own `stack`; without it the next snapshot made it a plain
		 * object ([object Object] after a second hop) */
		cls = class_of(ctx, o);
		switch (cls) {
		case CL_OBJECT:
			/* a TextDecoder; an error-like object with Duktape's
			 * traceback (other internal keys are left out, as for
			 * every kind) */
			if ((hk & HK_CONTEXT) && sw_textdecoder(w, id, o) != 0)
				return -1;
			if ((hk & HK_TRACE) && obj(w, id)->kind == WR_OBJ_OBJECT) {
				obj(w, id)->flags |= WR_OF_TRACEBACK;
				if (sw_trace(w, id, o) != 0)
					return -1;
			}
			break;
		case CL_ARGUMENTS:
			obj(w, id)->kind = WR_OBJ_ARGUMENTS;
			break;
		case CL_DATE:
			call_on(ctx, SW_IDX_GETTIME, o);
			obj(w, id)->kind = WR_OBJ_DATE;
			obj(w, id)->u.num = duk_get_number(ctx, -1);
			duk_pop(ctx);
			break;
		case CL_REGEXP: {
			wr_str src, fl;
			call_on(ctx, SW_IDX_RESOURCE, o);
			if (sw_string(w, -1, &src) != 0)
				return -1;
			/* the flags from the baseline getters, which read the
			 * compiled regexp: RegExp.prototype.flags reads
			 * `global` and the others by [[Get]], so a program's own
			 * or patched `global` ran and its answer was carried */
			{
				static const char letters[3] = { 'g', 'i', 'm' };
				char buf[4];
				size_t nf = 0;
				int k;
				for (k = 0; k < 3; k++) {
					call_on(ctx, SW_IDX_REGLOBAL + k, o);
					if (duk_to_boolean(ctx, -1))
						buf[nf++] = letters[k];
					duk_pop(ctx);
				}
				duk_push_lstring(ctx, buf, nf);
			}
			if (sw_string(w, -1, &fl) != 0)
				return -1;
			duk_pop_2(ctx);
			obj(w, id)->kind = WR_OBJ_REGEXP;
			obj(w, id)->u.regexp.source = src;
			obj(w, id)->u.regexp.flags = fl;
			break;
		}
		case CL_ERROR:
			obj(w, id)->kind = WR_OBJ_ERROR;
			if (sw_trace(w, id, o) != 0)
				return -1;
			break;
		case CL_BOOLEAN:
		case CL_NUMBER:
		case CL_STRING:
		case CL_SYMBOL: {
			wr_value prim;
			duk_idx_t fn = cls == CL_BOOLEAN ? SW_IDX_BOOLVAL : cls == CL_NUMBER ? SW_IDX_NUMVAL
			             : cls == CL_STRING ? SW_IDX_STRVAL : SW_IDX_SYMVAL;
			call_on(ctx, fn, o);
			e.kind = SW_E_PROTO;   /* a primitive: never fails with a path */
			if (sw_value(w, -1, &prim, &self) != 0)
				return -1;
			duk_pop(ctx);
			obj(w, id)->kind = cls == CL_BOOLEAN ? WR_OBJ_BOOLEAN : cls == CL_NUMBER ? WR_OBJ_NUMBER
			                 : cls == CL_STRING ? WR_OBJ_STRING : WR_OBJ_SYMBOL;
			obj(w, id)->u.prim = prim;
			if (cls == CL_STRING)
				drop_string_virtuals(obj(w, id));
			break;
		}
		default:
			if (bufdata) {
				if (sw_bufobj(w, id, o, cls) != 0)
					return -1;
				break;
			}
			if (cls == CL_POINTER)
				return sw_fail(w, &self, "a Duktape.Pointer object (host data) "
				               "cannot be migrated");
			return sw_fail(w, &self, "a host object (class %d) cannot be migrated", cls);
		}
	}

	flags = obj(w, id)->flags & (WR_OF_ENV | WR_OF_TRACEBACK);
	if (ext)
		flags |= WR_OF_EXTENSIBLE;
	else if (sw_is_level(ctx, SW_IDX_ISSEALED, o))
		/* Duktape counts internal keys here (a TextDecoder's state, a
		 * Date's value, a traceback, a function's tags), which seal and
		 * freeze change too: restore seals or freezes as the program saw */
		flags |= WR_OF_SEALED | (sw_is_level(ctx, SW_IDX_ISFROZEN, o) ? WR_OF_FROZEN : 0);
	obj(w, id)->flags = flags;
	duk_pop(ctx);   /* the object */
	return 0;
}

/* ---- entry point ---- */

static duk_ret_t sw_run(duk_context *ctx, void *udata)
{
	sw_state *w = udata;
	static const char *const fns[SW_BL_NFNS] = {
		"Object.isExtensible", "Object.isSealed", "Object.isFrozen", "Date.prototype.getTime",
		"RegExp.prototype.source@get", "RegExp.prototype.global@get",
		"RegExp.prototype.ignoreCase@get", "RegExp.prototype.multiline@get", "Error.prototype.stack@get",
		"Error.prototype.fileName@get", "Error.prototype.lineNumber@get",
		"Int8Array.prototype@proto.buffer@get", "DataView.prototype.buffer@get",
		"Boolean.prototype.valueOf", "Number.prototype.valueOf",
		"String.prototype.valueOf", "Symbol.prototype.valueOf",
		/* optional from here (a Duktape built without them) */
		"Buffer.prototype", "TextDecoder", "TextDecoder.prototype.fatal@get",
		"TextDecoder.prototype.ignoreBOM@get", "String.prototype"
	};
	const size_t required = SW_IDX_BUFPROTO - SW_IDX_ISEXT;
	size_t i;
	uint32_t id;

	duk_set_top(ctx, 0);
	rt_builtins_push(ctx);
	duk_get_prop_literal(ctx, SW_IDX_BASE, "objs");
	duk_get_prop_literal(ctx, SW_IDX_BASE, "paths");
	duk_get_prop_literal(ctx, SW_IDX_BASE, "props");
	if (sw_blcache_load(w, fns) != 0) {
		snprintf(w->err, w->errlen, "snapshot: the built-in baseline cache is unreadable");
		w->failed = 1;
		return 0;
	}
	for (i = 0; i < SW_BL_NFNS; i++) {
		if (w->blc.fns[i] != UINT32_MAX) {
			duk_get_prop_index(ctx, SW_IDX_OBJS, w->blc.fns[i]);
		} else if (i < required) {
			snprintf(w->err, w->errlen, "snapshot: built-in %s missing", fns[i]);
			w->failed = 1;
			return 0;
		} else {
			duk_push_undefined(ctx);
		}
	}
	w->strproto = duk_get_heapptr(ctx, SW_IDX_STRPROTO);
	duk_push_global_object(ctx);
	duk_push_bare_array(ctx);
	duk_push_literal(ctx, "value");
	duk_push_literal(ctx, "writable");
	duk_push_literal(ctx, "enumerable");
	duk_push_literal(ctx, "configurable");
	duk_push_literal(ctx, "get");
	duk_push_literal(ctx, "set");

	if (sw_roots(w) != 0)
		return 0;
	for (id = 1; id <= w->s->nobjects; id++)
		if (sw_process(w, id) != 0)
			return 0;
	sw_shared_mem(w);
	return 0;
}

static double wall_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)(ts.tv_nsec / 1000000);
}

int rt_snapshot_take(rt_ctx *rt, wr_snapshot **out, char *err, size_t errlen)
{
	duk_context *ctx = rt->ctx;
	sw_state w;
	int rc;
	const char *pfx = rt->prog && rt->prog->prefix && rt->prog->prefix[0]
	                  ? rt->prog->prefix : "$F";
	char envkey[64];

	*out = NULL;
	memset(&w, 0, sizeof w);
	w.rt = rt;
	w.ctx = ctx;
	w.now = rt_now(rt);   /* before the walk, which takes time the program does not see */
	w.err = err;
	w.errlen = errlen;
	snprintf(envkey, sizeof envkey, "%sp", pfx);
	w.envkey = envkey;
	w.envkeylen = strlen(envkey);
	w.s = wr_snapshot_new();
	w.nbl = rt_builtins_count(ctx);
	w.blpaths = calloc(w.nbl ? w.nbl : 1, sizeof *w.blpaths);
	if (!w.s || !w.blpaths || rt_pmap_init(&w.ids, 1024) != 0 || rt_pmap_init(&w.bl, w.nbl) != 0 ||
	    rt_pmap_init(&w.syms, 16) != 0 || rt_pmap_init(&w.strs, 1024) != 0 ||
	    rt_builtins_ptrmap(ctx, &w.bl) != 0) {
		sw_oom(&w);
		goto done;
	}
	for (size_t i = 0; i < w.bl.cap; i++)
		if (w.bl.keys[i] && rt_pmap_put(&w.ids, w.bl.keys[i], w.bl.vals[i] | SW_BUILTIN_BIT) != 0) {
			sw_oom(&w);
			goto done;
		}
	rc = duk_safe_call(ctx, sw_run, &w, 0, 1);
	if (rc != DUK_EXEC_SUCCESS && !w.failed) {
		snprintf(err, errlen, "snapshot: %s", duk_safe_to_string(ctx, -1));
		w.failed = 1;
	}
	duk_pop(ctx);
	if (!w.failed) {
		wr_snapshot *s = w.s;
		s->version = WR_FORMAT_VERSION;
		if (rt->prog)
			memcpy(s->hash, rt->prog->hash, sizeof s->hash);
		s->created = wall_ms();
		s->next_timer_id = rt->timers.next_id;
		s->next_seq = rt->timers.next_seq;
		s->loop_phase = (uint32_t)rt->phase;
		s->phase_seq = rt->phase_seq;
		*out = s;
		w.s = NULL;
	}
done:
	if (w.s)
		wr_snapshot_free(w.s);
	rt_pmap_free(&w.ids);
	rt_pmap_free(&w.bl);
	rt_pmap_free(&w.syms);
	rt_pmap_free(&w.strs);
	free(w.strcache);
	free(w.blpaths);
	free(w.ptrs);
	free(w.edges);
	free(w.tmp);
	free(w.mems);
	return *out ? 0 : -1;
}
