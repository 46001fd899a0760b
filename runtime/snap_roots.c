/*
 * runtime/snap_roots.c -- the walker's roots: user globals (global object
 * properties absent from the baseline), patches (built-in properties the
 * program added, changed or deleted since the baseline: polyfills, monkey
 * patches, globals like `print` reassigned), and pending timers with their
 * callbacks and arguments from the stash (RT_STASH_TIMERS).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/snap_walk.h"

#define ROOT_ENUM_FLAGS (DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE | \
                         DUK_ENUM_INCLUDE_SYMBOLS | DUK_ENUM_NO_PROXY_BEHAVIOR)

/* descriptor at d vs baseline entry at ent ([flags, value, setter]) */
static int same_as_baseline(duk_context *ctx, duk_idx_t d, duk_idx_t ent, uint32_t f)
{
	int same;
	duk_get_prop_index(ctx, ent, 0);
	same = (uint32_t)duk_get_uint(ctx, -1) == f;
	duk_pop(ctx);
	if (!same)
		return 0;
	duk_get_prop_index(ctx, ent, 1);
	sw_desc_get(ctx, d, (f & WR_PF_ACCESSOR) ? SW_IDX_K_GET : SW_IDX_K_VALUE);
	same = duk_samevalue(ctx, -1, -2);
	duk_pop_2(ctx);
	if (same && (f & WR_PF_ACCESSOR)) {
		duk_get_prop_index(ctx, ent, 2);
		sw_desc_get(ctx, d, SW_IDX_K_SET);
		same = duk_samevalue(ctx, -1, -2);
		duk_pop_2(ctx);
	}
	return same;
}

/* convert the descriptor at d into prop slot values */
static int desc_values(sw_state *w, duk_idx_t d, uint32_t f, wr_value *v1, wr_value *v2,
                       sw_edge *e)
{
	memset(v2, 0, sizeof *v2);
	if (f & WR_PF_ACCESSOR) {
		sw_desc_get(w->ctx, d, SW_IDX_K_GET);
		e->b = 1;
		if (sw_value(w, -1, v1, e) != 0)
			return -1;
		sw_desc_get(w->ctx, d, SW_IDX_K_SET);
		e->b = 2;
		if (sw_value(w, -1, v2, e) != 0)
			return -1;
		duk_pop_2(w->ctx);
	} else {
		sw_desc_get(w->ctx, d, SW_IDX_K_VALUE);
		e->b = 0;
		if (sw_value(w, -1, v1, e) != 0)
			return -1;
		duk_pop(w->ctx);
	}
	return 0;
}

static int builtin_path(sw_state *w, uint32_t bi, wr_str *out)
{
	wr_value v;
	rt_builtins_push_obj(w->ctx, bi);
	duk_pop(w->ctx);
	/* sw_value of the built-in itself yields its path */
	duk_get_prop_index(w->ctx, SW_IDX_OBJS, bi);
	if (sw_value(w, -1, &v, NULL) != 0)
		return -1;
	duk_pop(w->ctx);
	*out = v.u.str;
	return 0;
}

/* ---- the baseline as C arrays ---- */

static uint8_t blval_of(duk_context *ctx, duk_idx_t idx, sw_blent *e)
{
	switch (duk_get_type(ctx, idx)) {
	case DUK_TYPE_NONE:
	case DUK_TYPE_UNDEFINED: return SW_BV_UNDEF;
	case DUK_TYPE_NULL:      return SW_BV_NULL;
	case DUK_TYPE_BOOLEAN:   return duk_get_boolean(ctx, idx) ? SW_BV_TRUE : SW_BV_FALSE;
	case DUK_TYPE_NUMBER:    e->u.num = duk_get_number(ctx, idx); return SW_BV_NUM;
	case DUK_TYPE_STRING:
	case DUK_TYPE_OBJECT:
	case DUK_TYPE_BUFFER:    e->u.h = duk_get_heapptr(ctx, idx); return SW_BV_HEAP;
	default:                 return SW_BV_OTHER;
	}
}

void sw_blent_set(duk_context *ctx, sw_blent *e, duk_idx_t kidx, duk_idx_t vidx, uint32_t f)
{
	memset(e, 0, sizeof *e);
	e->key = duk_get_heapptr(ctx, kidx);
	e->flags = (uint8_t)f;
	e->vt = (f & WR_PF_ACCESSOR) ? SW_BV_OTHER : blval_of(ctx, vidx, e);
}

/* 1 same value (SameValue), 0 different, -1 cannot tell from C */
static int blval_same(duk_context *ctx, duk_idx_t idx, const sw_blent *be)
{
	sw_blent c;
	uint8_t t;
	if (be->vt == SW_BV_OTHER)
		return -1;
	t = blval_of(ctx, idx, &c);
	if (t == SW_BV_OTHER)
		return -1;
	if (t != be->vt)
		return 0;
	if (t == SW_BV_NUM) {
		if (c.u.num != c.u.num)
			return be->u.num != be->u.num;
		return memcmp(&c.u.num, &be->u.num, sizeof c.u.num) == 0;
	}
	return t == SW_BV_HEAP ? c.u.h == be->u.h : 1;
}

size_t sw_blcache_size(uint32_t nobj, uint32_t nent)
{
	return sizeof(sw_blcache) + ((size_t)(nobj + 1) * sizeof(uint32_t) + 7) / 8 * 8 +
	       (size_t)nent * sizeof(sw_blent);
}

void sw_blcache_view(sw_blcache *c, uint8_t *data)
{
	memcpy(c, data, offsetof(sw_blcache, off));
	c->off = (uint32_t *)(void *)(data + sizeof(sw_blcache));
	c->ent = (sw_blent *)(void *)(data + sizeof(sw_blcache) +
	                              ((size_t)(c->nobj + 1) * sizeof(uint32_t) + 7) / 8 * 8);
}

int sw_blcache_load(sw_state *w, const char *const *fns)
{
	duk_context *ctx = w->ctx;
	sw_blcache *c = &w->blc;
	duk_size_t size;
	uint8_t *data;
	uint32_t i, k;

	duk_get_prop_literal(ctx, SW_IDX_BASE, SW_BLC_KEY);
	data = duk_get_buffer_data(ctx, -1, &size);
	duk_pop(ctx);   /* the baseline keeps the buffer */
	if (!data || size < sizeof(sw_blcache))
		return -1;
	sw_blcache_view(c, data);
	if (size != sw_blcache_size(c->nobj, c->nent) || c->off[c->nobj] != c->nent)
		return -1;
	if (!c->fns_done) {
		/* the walker's natives, found by path once per heap */
		for (k = 0; k < SW_BL_NFNS; k++)
			c->fns[k] = UINT32_MAX;
		for (i = 0; i < c->nobj; i++) {
			const char *p;
			duk_get_prop_index(ctx, SW_IDX_PATHS, i);
			p = duk_get_string(ctx, -1);
			for (k = 0; p && k < SW_BL_NFNS; k++)
				if (c->fns[k] == UINT32_MAX && strcmp(p, fns[k]) == 0)
					c->fns[k] = i;
			duk_pop(ctx);
		}
		c->fns_done = 1;
		memcpy(data, c, offsetof(sw_blcache, off));
	}
	return 0;
}

/* the baseline entry of key kh in [lo, hi), trying *cur first; -1 if none */
static long blc_find(const sw_blcache *c, uint32_t lo, uint32_t hi, uint32_t *cur, const void *kh)
{
	uint32_t j;
	if (*cur < hi && c->ent[*cur].key == kh)
		return (long)(*cur)++;
	for (j = lo; j < hi; j++)
		if (c->ent[j].key == kh)
			return (long)j;
	return -1;
}

/* current descriptor at d (flags f) same as baseline entry j of built-in bi */
static int same_as_cached(sw_state *w, uint32_t bi, duk_idx_t key, duk_idx_t d, const sw_blent *be, uint32_t f)
{
	duk_context *ctx = w->ctx;
	int same;
	if (be->flags != f)
		return 0;
	same = -1;
	if (!(f & WR_PF_ACCESSOR)) {
		sw_desc_get(ctx, d, SW_IDX_K_VALUE);
		same = blval_same(ctx, -1, be);
		duk_pop(ctx);
	}
	if (same < 0) {
		/* a value C cannot compare: ask Duktape, against the stash record */
		duk_get_prop_index(ctx, SW_IDX_PROPS, bi);
		duk_dup(ctx, key);
		duk_get_prop(ctx, -2);
		same = same_as_baseline(ctx, d, duk_get_top_index(ctx), f);
		duk_pop_2(ctx);
	}
	return same;
}

/* a new patch of built-in bi; *holder is its path, found on first use */
static wr_patch *add_patch(sw_state *w, uint32_t bi, wr_str *holder)
{
	wr_patch *p;
	if (!holder->ptr && builtin_path(w, bi, holder) != 0)
		return NULL;
	p = wr_add_patch(w->s);
	if (p)
		p->holder = *holder;
	return p;
}

/* globals (bi == 0) or patches of built-in bi */
static int sw_builtin_props(sw_state *w, uint32_t bi, uint8_t *seenv)
{
	duk_context *ctx = w->ctx;
	const sw_blcache *c = &w->blc;
	uint32_t lo = c->off[bi], hi = c->off[bi + 1], cur = lo, seen = 0, j;
	duk_idx_t o, en;
	wr_str holder = { NULL, 0 };

	duk_get_prop_index(ctx, SW_IDX_OBJS, bi);
	o = duk_get_top_index(ctx);
	duk_enum(ctx, o, ROOT_ENUM_FLAGS);
	en = duk_get_top_index(ctx);
	while (duk_next(ctx, en, 0)) {
		duk_idx_t key = duk_get_top_index(ctx), d;
		uint32_t f;
		long bj = blc_find(c, lo, hi, &cur, duk_get_heapptr(ctx, key));
		wr_value kv, v1, v2;
		sw_edge e;

		if (bj >= 0) {
			seen++;
			seenv[bj] = 1;
			/* non-writable, non-configurable data: can never change */
			if (c->ent[bj].flags == 0) {
				duk_pop(ctx);
				continue;
			}
		}
		duk_dup(ctx, key);
		duk_get_prop_desc(ctx, o, 0);
		d = duk_get_top_index(ctx);
		f = sw_desc_flags(ctx, d);
		if (bj >= 0 && same_as_cached(w, bi, key, d, &c->ent[bj], f)) {
			duk_set_top(ctx, key);
			continue;
		}
		if (sw_key(w, key, &kv) != 0)
			return -1;
		e.parent = 0;
		e.b = 0;
		if (bi == 0 && bj < 0) {
			wr_prop *p = wr_add_global(w->s);
			if (!p)
				return -1;
			p->key = kv;
			e.kind = SW_E_GLOBAL;
			e.a = w->s->nglobals - 1;
			if (desc_values(w, d, f, &v1, &v2, &e) != 0)
				return -1;
			p = &w->s->globals[e.a];
			p->flags = f;
			p->value = v1;
			p->setter = v2;
		} else {
			wr_patch *p = add_patch(w, bi, &holder);
			if (!p)
				return -1;
			p->prop.key = kv;
			e.kind = SW_E_PATCH;
			e.a = w->s->npatches - 1;
			if (desc_values(w, d, f, &v1, &v2, &e) != 0)
				return -1;
			p = &w->s->patches[e.a];
			p->prop.flags = f;
			p->prop.value = v1;
			p->prop.setter = v2;
		}
		duk_set_top(ctx, key);
	}
	duk_pop(ctx);   /* enum */

	/* deleted built-in properties: baseline keys the enumeration missed */
	if (seen != hi - lo) {
		for (j = lo; j < hi; j++) {
			wr_patch *p;
			wr_value kv;
			if (seenv[j])
				continue;
			duk_push_heapptr(ctx, c->ent[j].key);
			if (sw_key(w, -1, &kv) != 0)
				return -1;
			duk_pop(ctx);
			p = add_patch(w, bi, &holder);
			if (!p)
				return -1;
			p->deleted = 1;
			p->prop.key = kv;
			p->prop.flags = 0;
		}
	}

	/* a built-in made non-extensible, sealed or frozen (hardening code:
	 * Object.freeze(Object.prototype)); every baseline object is
	 * extensible, so only a program's change shows */
	if (!sw_is_level(ctx, SW_IDX_ISEXT, o)) {
		int level = sw_is_level(ctx, SW_IDX_ISFROZEN, o) ? WR_INTEGRITY_FROZEN
		          : sw_is_level(ctx, SW_IDX_ISSEALED, o) ? WR_INTEGRITY_SEALED
		          : WR_INTEGRITY_NONEXT;
		wr_patch *p = add_patch(w, bi, &holder);
		if (!p)
			return -1;
		wr_patch_integrity(p, level);
	}
	duk_pop(ctx);  /* o */
	return 0;
}

static int cmp_seq(const void *a, const void *b)
{
	const rt_timer *x = *(const rt_timer *const *)a, *y = *(const rt_timer *const *)b;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int sw_timers(sw_state *w)
{
	duk_context *ctx = w->ctx;
	rt_timers *t = &w->rt->timers;
	rt_timer **order;
	double *rem;
	size_t i, n = 0;
	int rc = 0;

	if (t->n == 0)
		return 0;
	order = malloc(t->n * sizeof *order);
	rem = malloc(t->n * sizeof *rem);
	/* every delay from one clock reading, taken when the snapshot began */
	if (!order || !rem || rt_timers_remaining(w->rt, w->now, rem) != 0) {
		free(order);
		free(rem);
		snprintf(w->err, w->errlen, "snapshot: out of memory");
		w->failed = 1;
		return -1;
	}
	for (i = 0; i < t->n; i++)
		order[n++] = &t->v[i];
	qsort(order, n, sizeof *order, cmp_seq);

	duk_push_global_stash(ctx);
	duk_get_prop_literal(ctx, -1, RT_STASH_TIMERS);
	for (i = 0; i < n && rc == 0; i++) {
		const rt_timer *tm = order[i];
		wr_timer *wt;
		uint32_t ti, k, nargs = 0;
		sw_edge e;
		wr_value cb, *args = NULL;

		wt = wr_add_timer(w->s);
		if (!wt) {
			rc = -1;
			break;
		}
		ti = w->s->ntimers - 1;
		wt->kind = tm->kind;
		wt->id = tm->id;
		wt->seq = tm->seq;
		wt->period = tm->period;
		wt->remaining = rem[tm - t->v];
		if (!(wt->remaining > 0))
			wt->remaining = 0;
		duk_push_sprintf(ctx, "%.0f", tm->id);
		duk_get_prop(ctx, -2);
		if (!duk_is_array(ctx, -1)) {
			snprintf(w->err, w->errlen, "snapshot: timer %.0f has no callback entry", tm->id);
			w->failed = 1;
			rc = -1;
			break;
		}
		nargs = (uint32_t)duk_get_length(ctx, -1);
		nargs = nargs > 0 ? nargs - 1 : 0;
		e.parent = 0;
		e.kind = SW_E_TIMER;
		e.a = ti;
		e.b = 0;
		duk_get_prop_index(ctx, -1, 0);
		if (sw_value(w, -1, &cb, &e) != 0) {
			rc = -1;
			break;
		}
		duk_pop(ctx);
		if (nargs) {
			args = wr_alloc(w->s, nargs * sizeof *args);
			if (!args) {
				rc = -1;
				break;
			}
		}
		for (k = 0; k < nargs; k++) {
			duk_get_prop_index(ctx, -1, k + 1);
			e.b = k + 1;
			if (sw_value(w, -1, &args[k], &e) != 0) {
				rc = -1;
				break;
			}
			duk_pop(ctx);
		}
		duk_pop(ctx);
		wt = &w->s->timers[ti];
		wt->callback = cb;
		wt->args = args;
		wt->nargs = nargs;
	}
	free(order);
	free(rem);
	if (rc != 0 && !w->failed) {
		snprintf(w->err, w->errlen, "snapshot: out of memory");
		w->failed = 1;
	}
	return rc;
}

int sw_roots(sw_state *w)
{
	uint32_t i, n = w->blc.nobj < w->nbl ? w->blc.nobj : w->nbl;
	uint8_t *seen = calloc(w->blc.nent ? w->blc.nent : 1, 1);
	for (i = 0; seen && i < n; i++)
		if (sw_builtin_props(w, i, seen) != 0)
			break;
	if (!seen || i < n) {
		free(seen);
		if (!w->failed) {
			snprintf(w->err, w->errlen, "snapshot: out of memory");
			w->failed = 1;
		}
		return -1;
	}
	free(seen);
	return sw_timers(w);
}
