/*
 * runtime/builtins.c -- the built-in baseline: every object reachable from
 * the global object when the runtime has set up its globals and before the
 * program runs, named by a path, with the own properties it had then.
 *
 * The walker writes references to these objects as WR_BUILTIN paths and
 * diffs their current properties against the baseline (patches); restore
 * finds them again by path in a fresh process, whose baseline is built by
 * the same code and therefore names the same objects the same way.
 *
 * Path grammar: "global" is the global object; its properties are named by
 * their key ("Math"); below that "parent.key" for identifier-like keys,
 * parent["key"] for others, parent[Symbol.iterator] for symbol keys;
 * "X@proto" is X's prototype when reached only that way, "X.k@get" and
 * "X.k@set" accessor functions; "%ThrowTypeError%" the strict-mode thrower.
 *
 * The same properties are also kept as C arrays (sw_blcache, a fixed buffer
 * under SW_BLC_KEY in the baseline object) so the walker compares them in C.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "runtime/snap_walk.h"

#define BL_ENUM_FLAGS (DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE | \
                       DUK_ENUM_INCLUDE_SYMBOLS | DUK_ENUM_NO_PROXY_BEHAVIOR)

uint32_t rt_desc_flags(duk_context *ctx, duk_idx_t d)
{
	uint32_t f = 0;
	d = duk_normalize_index(ctx, d);
	/* a data descriptor has "writable", an accessor one has not */
	if (duk_get_prop_literal(ctx, d, "writable")) {
		if (duk_to_boolean(ctx, -1))
			f |= WR_PF_WRITABLE;
	} else {
		f |= WR_PF_ACCESSOR;
	}
	duk_get_prop_literal(ctx, d, "enumerable");
	if (duk_to_boolean(ctx, -1))
		f |= WR_PF_ENUMERABLE;
	duk_get_prop_literal(ctx, d, "configurable");
	if (duk_to_boolean(ctx, -1))
		f |= WR_PF_CONFIGURABLE;
	duk_pop_3(ctx);
	return f;
}

void rt_text_decoder_new(duk_context *ctx, uint32_t flags)
{
	duk_push_literal(ctx, "utf-8");
	duk_push_bare_object(ctx);
	duk_push_boolean(ctx, (flags & WR_TD_FATAL) != 0);
	duk_put_prop_literal(ctx, -2, "fatal");
	duk_push_boolean(ctx, (flags & WR_TD_IGNORE_BOM) != 0);
	duk_put_prop_literal(ctx, -2, "ignoreBOM");
	duk_new(ctx, 2);
}

static int is_ident(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
		         c == '$' || (i > 0 && c >= '0' && c <= '9');
		if (!ok)
			return 0;
	}
	return 1;
}

/* push the path of child `key` (at key_idx) of parent path (at par_idx) */
static void push_child_path(duk_context *ctx, duk_idx_t par_idx, duk_idx_t key_idx,
                            const char *suffix)
{
	duk_size_t klen;
	const char *parent = duk_get_string(ctx, par_idx);
	const char *k = duk_get_lstring(ctx, key_idx, &klen);
	int is_global = strcmp(parent, "global") == 0;

	if (duk_is_symbol(ctx, key_idx)) {
		/* \x81desc\xff...: show the description */
		const char *d = klen > 1 ? k + 1 : "";
		size_t dl = 0;
		while (dl + 1 < klen && (unsigned char)d[dl] != 0xff)
			dl++;
		duk_push_sprintf(ctx, "%s[%.*s]%s", parent, (int)dl, d, suffix);
	} else if (is_ident(k, klen)) {
		if (is_global)
			duk_push_sprintf(ctx, "%s%s", k, suffix);
		else
			duk_push_sprintf(ctx, "%s.%s%s", parent, k, suffix);
	} else {
		duk_push_sprintf(ctx, "%s[\"%s\"]%s", parent, k, suffix);
	}
}

typedef struct bl_state {
	rt_pmap seen;       /* heapptr -> index */
	uint32_t n;
	int extra_done;     /* extra roots added */
	sw_blent *ents;     /* the baseline as C arrays (sw_blcache) */
	uint32_t nent, capent;
	uint32_t *offs;     /* offs[i]: first entry of object i */
	uint32_t capoff;
} bl_state;

/* the next cache entry, or NULL (out of memory) */
static sw_blent *bl_ent(bl_state *st)
{
	if (st->nent == st->capent) {
		uint32_t nc = st->capent ? st->capent * 2 : 1024;
		sw_blent *v = realloc(st->ents, nc * sizeof *v);
		if (!v)
			return NULL;
		st->ents = v;
		st->capent = nc;
	}
	return &st->ents[st->nent++];
}

/* [... objs paths] value at v_idx, path at top: add if an unseen object.
 * Pops the path. */
static int bl_add(duk_context *ctx, bl_state *st, duk_idx_t objs, duk_idx_t paths, duk_idx_t v_idx)
{
	uint32_t dummy;
	v_idx = duk_normalize_index(ctx, v_idx);
	if (!duk_is_object(ctx, v_idx)) {
		duk_pop(ctx);
		return 0;
	}
	void *h = duk_get_heapptr(ctx, v_idx);
	if (rt_pmap_get(&st->seen, h, &dummy)) {
		duk_pop(ctx);
		return 0;
	}
	if (rt_pmap_put(&st->seen, h, st->n) != 0) {
		duk_pop(ctx);
		return -1;
	}
	duk_put_prop_index(ctx, paths, st->n);
	duk_dup(ctx, v_idx);
	duk_put_prop_index(ctx, objs, st->n);
	st->n++;
	return 0;
}

/* record the own properties of objs[i] and queue the objects they name */
static void bl_visit(duk_context *ctx, bl_state *st, duk_idx_t objs, duk_idx_t paths,
                     duk_idx_t props, uint32_t i)
{
	duk_idx_t o, path, rec, en;
	uint32_t nkeys = 0;
	duk_get_prop_index(ctx, objs, i);
	o = duk_get_top_index(ctx);
	duk_get_prop_index(ctx, paths, i);
	path = duk_get_top_index(ctx);
	duk_push_bare_object(ctx);
	rec = duk_get_top_index(ctx);
	if (i + 1 >= st->capoff) {
		uint32_t nc = st->capoff ? st->capoff * 2 : 512;
		uint32_t *v = realloc(st->offs, nc * sizeof *v);
		if (!v)
			(void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
		st->offs = v;
		st->capoff = nc;
	}
	st->offs[i] = st->nent;
	duk_enum(ctx, o, BL_ENUM_FLAGS);
	en = duk_get_top_index(ctx);
	while (duk_next(ctx, en, 0)) {
		duk_idx_t key = duk_get_top_index(ctx), d, entry;
		uint32_t f;
		duk_dup(ctx, key);
		duk_get_prop_desc(ctx, o, 0);
		d = duk_get_top_index(ctx);
		f = rt_desc_flags(ctx, d);
		duk_push_array(ctx);
		entry = duk_get_top_index(ctx);
		duk_push_uint(ctx, f);
		duk_put_prop_index(ctx, entry, 0);
		{
			sw_blent *be = bl_ent(st);
			if (!be)
				(void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
			if (!(f & WR_PF_ACCESSOR))
				duk_get_prop_literal(ctx, d, "value");
			else
				duk_push_undefined(ctx);
			sw_blent_set(ctx, be, key, -1, f);
			duk_pop(ctx);
		}
		if (f & WR_PF_ACCESSOR) {
			duk_get_prop_literal(ctx, d, "get");
			push_child_path(ctx, path, key, "@get");
			if (bl_add(ctx, st, objs, paths, -2) != 0)
				(void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
			duk_put_prop_index(ctx, entry, 1);
			duk_get_prop_literal(ctx, d, "set");
			push_child_path(ctx, path, key, "@set");
			if (bl_add(ctx, st, objs, paths, -2) != 0)
				(void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
			duk_put_prop_index(ctx, entry, 2);
		} else {
			duk_get_prop_literal(ctx, d, "value");
			push_child_path(ctx, path, key, "");
			if (bl_add(ctx, st, objs, paths, -2) != 0)
				(void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
			duk_put_prop_index(ctx, entry, 1);
		}
		duk_dup(ctx, key);
		duk_dup(ctx, entry);
		duk_put_prop(ctx, rec);
		duk_set_top(ctx, key);   /* drop key and what follows */
		nkeys++;
	}
	duk_pop(ctx);                  /* enum */
	/* the key count, so the walker sees deletions without enumerating rec */
	duk_push_uint(ctx, nkeys);
	duk_put_prop_literal(ctx, rec, "\xff" "n");
	duk_put_prop_index(ctx, props, i);
	duk_pop_2(ctx);                /* path, obj */
}

static duk_ret_t bl_record(duk_context *ctx, void *udata)
{
	bl_state *st = udata;
	duk_idx_t base, objs, paths, props;
	uint32_t i;

	duk_push_bare_object(ctx);            /* baseline */
	base = duk_get_top_index(ctx);
	duk_push_array(ctx);
	objs = duk_get_top_index(ctx);
	duk_push_array(ctx);
	paths = duk_get_top_index(ctx);
	duk_push_array(ctx);
	props = duk_get_top_index(ctx);

	duk_push_global_object(ctx);
	duk_push_string(ctx, "global");
	if (bl_add(ctx, st, objs, paths, -2) != 0)
		return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
	duk_pop(ctx);

	/* breadth first along properties; prototypes and extra roots only
	 * when nothing else names them, so paths read "Object.prototype.x" */
	i = 0;
	for (;;) {
		uint32_t j, n0;
		for (; i < st->n; i++)
			bl_visit(ctx, st, objs, paths, props, i);
		n0 = st->n;
		for (j = 0; j < n0; j++) {
			duk_get_prop_index(ctx, objs, j);
			duk_get_prototype(ctx, -1);
			duk_get_prop_index(ctx, paths, j);
			duk_push_sprintf(ctx, "%s@proto", duk_get_string(ctx, -1));
			duk_remove(ctx, -2);
			if (bl_add(ctx, st, objs, paths, -2) != 0)
				return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
			duk_pop_2(ctx);
		}
		if (!st->extra_done) {
			/* the strict-mode thrower (caller/arguments accessors) */
			duk_idx_t fn;
			st->extra_done = 1;
			duk_compile_string(ctx, DUK_COMPILE_FUNCTION,
			                   "function () { 'use strict'; return function () {}; }");
			duk_call(ctx, 0);
			fn = duk_get_top_index(ctx);
			duk_push_literal(ctx, "caller");
			duk_get_prop_desc(ctx, fn, 0);
			duk_get_prop_literal(ctx, -1, "get");
			duk_push_literal(ctx, "%ThrowTypeError%");
			if (bl_add(ctx, st, objs, paths, -2) != 0)
				return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
			duk_pop_3(ctx);
		}
		if (i == st->n)
			break;
	}
	/* the C arrays, in a buffer the baseline holds */
	{
		sw_blcache c;
		size_t size = sw_blcache_size(st->n, st->nent);
		uint8_t *data = duk_push_fixed_buffer(ctx, size);
		memset(&c, 0, sizeof c);
		c.nobj = st->n;
		c.nent = st->nent;
		memcpy(data, &c, offsetof(sw_blcache, off));
		sw_blcache_view(&c, data);
		if (st->n)
			memcpy(c.off, st->offs, st->n * sizeof *c.off);
		c.off[st->n] = st->nent;
		if (st->nent)
			memcpy(c.ent, st->ents, st->nent * sizeof *c.ent);
		duk_put_prop_literal(ctx, base, SW_BLC_KEY);
	}
	duk_dup(ctx, objs);
	duk_put_prop_literal(ctx, base, "objs");
	duk_dup(ctx, paths);
	duk_put_prop_literal(ctx, base, "paths");
	duk_dup(ctx, props);
	duk_put_prop_literal(ctx, base, "props");
	duk_push_global_stash(ctx);
	duk_dup(ctx, base);
	duk_put_prop_literal(ctx, -2, RT_STASH_BUILTINS);
	duk_set_top(ctx, 0);
	return 0;
}

int rt_builtins_record(duk_context *ctx, char *err, size_t errlen)
{
	bl_state st;
	int rc;
	if (rt_pmap_init(&st.seen, 512) != 0) {
		snprintf(err, errlen, "out of memory recording the built-in baseline");
		return -1;
	}
	st.n = 0;
	st.extra_done = 0;
	st.ents = NULL;
	st.nent = st.capent = 0;
	st.offs = NULL;
	st.capoff = 0;
	rc = duk_safe_call(ctx, bl_record, &st, 0, 1);
	free(st.ents);
	free(st.offs);
	if (rc != DUK_EXEC_SUCCESS)
		snprintf(err, errlen, "recording the built-in baseline: %s", duk_safe_to_string(ctx, -1));
	duk_pop(ctx);
	rt_pmap_free(&st.seen);
	return rc == DUK_EXEC_SUCCESS ? 0 : -1;
}

void rt_builtins_push(duk_context *ctx)
{
	duk_push_global_stash(ctx);
	duk_get_prop_literal(ctx, -1, RT_STASH_BUILTINS);
	duk_remove(ctx, -2);
}

uint32_t rt_builtins_count(duk_context *ctx)
{
	uint32_t n;
	rt_builtins_push(ctx);
	duk_get_prop_literal(ctx, -1, "objs");
	n = (uint32_t)duk_get_length(ctx, -1);
	duk_pop_2(ctx);
	return n;
}

void rt_builtins_push_obj(duk_context *ctx, uint32_t i)
{
	rt_builtins_push(ctx);
	duk_get_prop_literal(ctx, -1, "objs");
	duk_get_prop_index(ctx, -1, i);
	duk_remove(ctx, -2);
	duk_remove(ctx, -2);
}

int rt_builtins_ptrmap(duk_context *ctx, rt_pmap *m)
{
	uint32_t n, i;
	rt_builtins_push(ctx);
	duk_get_prop_literal(ctx, -1, "objs");
	n = (uint32_t)duk_get_length(ctx, -1);
	for (i = 0; i < n; i++) {
		duk_get_prop_index(ctx, -1, i);
		if (rt_pmap_put(m, duk_get_heapptr(ctx, -1), i) != 0) {
			duk_pop_3(ctx);
			return -1;
		}
		duk_pop(ctx);
	}
	duk_pop_2(ctx);
	return 0;
}

int rt_builtins_pathmap(duk_context *ctx, rt_smap *m)
{
	uint32_t n, i;
	rt_builtins_push(ctx);
	duk_get_prop_literal(ctx, -1, "paths");
	n = (uint32_t)duk_get_length(ctx, -1);
	for (i = 0; i < n; i++) {
		const char *p;
		duk_get_prop_index(ctx, -1, i);
		p = duk_get_string(ctx, -1);   /* interned, held by the stash array */
		duk_pop(ctx);
		if (p && rt_smap_put(m, p, i) != 0) {
			duk_pop_2(ctx);
			return -1;
		}
	}
	duk_pop_2(ctx);
	return 0;
}

int rt_builtins_push_path(duk_context *ctx, const char *path)
{
	uint32_t n, i;
	rt_builtins_push(ctx);
	duk_get_prop_literal(ctx, -1, "paths");
	n = (uint32_t)duk_get_length(ctx, -1);
	for (i = 0; i < n; i++) {
		const char *p;
		duk_get_prop_index(ctx, -1, i);
		p = duk_get_string(ctx, -1);
		duk_pop(ctx);
		if (p && strcmp(p, path) == 0) {
			duk_pop(ctx);
			duk_get_prop_literal(ctx, -1, "objs");
			duk_get_prop_index(ctx, -1, i);
			duk_remove(ctx, -2);
			duk_remove(ctx, -2);
			return 1;
		}
	}
	duk_pop_2(ctx);
	return 0;
}
