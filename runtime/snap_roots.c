/*
 * runtime/snap_roots.c -- the walker's roots: user globals (global object
 * properties absent from the baseline), patches (built-in properties the
 * program added, changed or deleted since the baseline: polyfills, monkey
 * patches, globals like `print` reassigned), and pending timers with their
 * callbacks and arguments from the stash (RT_STASH_TIMERS).
 */
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
	duk_get_prop_string(ctx, d, (f & WR_PF_ACCESSOR) ? "get" : "value");
	same = duk_samevalue(ctx, -1, -2);
	duk_pop_2(ctx);
	if (same && (f & WR_PF_ACCESSOR)) {
		duk_get_prop_index(ctx, ent, 2);
		duk_get_prop_literal(ctx, d, "set");
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
		duk_get_prop_literal(w->ctx, d, "get");
		e->b = 1;
		if (sw_value(w, -1, v1, e) != 0)
			return -1;
		duk_get_prop_literal(w->ctx, d, "set");
		e->b = 2;
		if (sw_value(w, -1, v2, e) != 0)
			return -1;
		duk_pop_2(w->ctx);
	} else {
		duk_get_prop_literal(w->ctx, d, "value");
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

/* globals (bi == 0) or patches of built-in bi */
static int sw_builtin_props(sw_state *w, uint32_t bi)
{
	duk_context *ctx = w->ctx;
	duk_idx_t o, rec, en;
	uint32_t seen = 0, total = 0;
	wr_str holder = { NULL, 0 };

	duk_get_prop_index(ctx, SW_IDX_OBJS, bi);
	o = duk_get_top_index(ctx);
	duk_get_prop_index(ctx, SW_IDX_PROPS, bi);
	rec = duk_get_top_index(ctx);
	duk_enum(ctx, o, ROOT_ENUM_FLAGS);
	en = duk_get_top_index(ctx);
	while (duk_next(ctx, en, 0)) {
		duk_idx_t key = duk_get_top_index(ctx), d, ent;
		uint32_t f;
		int known;
		wr_value kv, v1, v2;
		sw_edge e;

		duk_dup(ctx, key);
		duk_get_prop_desc(ctx, o, 0);
		d = duk_get_top_index(ctx);
		f = rt_desc_flags(ctx, d);
		duk_dup(ctx, key);
		known = duk_get_prop(ctx, rec);
		ent = duk_get_top_index(ctx);
		if (known) {
			seen++;
			if (same_as_baseline(ctx, d, ent, f)) {
				duk_set_top(ctx, key);
				continue;
			}
		}
		if (sw_key(w, key, &kv) != 0)
			return -1;
		e.parent = 0;
		e.b = 0;
		if (bi == 0 && !known) {
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
			wr_patch *p;
			if (!holder.ptr && builtin_path(w, bi, &holder) != 0)
				return -1;
			p = wr_add_patch(w->s);
			if (!p)
				return -1;
			p->holder = holder;
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

	/* deleted built-in properties (the baseline keeps its key count under
	 * a hidden key, which enumerating rec below skips) */
	duk_get_prop_literal(ctx, rec, "\xff" "n");
	total = (uint32_t)duk_get_uint(ctx, -1);
	duk_pop(ctx);
	if (total != seen) {
		duk_enum(ctx, rec, DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_SYMBOLS);
		en = duk_get_top_index(ctx);
		while (duk_next(ctx, en, 0)) {
			duk_idx_t key = duk_get_top_index(ctx);
			duk_dup(ctx, key);
			duk_get_prop_desc(ctx, o, 0);
			if (duk_is_undefined(ctx, -1)) {
				wr_patch *p;
				wr_value kv;
				if (sw_key(w, key, &kv) != 0)
					return -1;
				if (!holder.ptr && builtin_path(w, bi, &holder) != 0)
					return -1;
				p = wr_add_patch(w->s);
				if (!p)
					return -1;
				p->holder = holder;
				p->deleted = 1;
				p->prop.key = kv;
				p->prop.flags = 0;
			}
			duk_set_top(ctx, key);
		}
		duk_pop(ctx);
	}
	duk_pop_2(ctx);  /* rec, o */
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
	size_t i, n = 0;
	int rc = 0;

	if (t->n == 0)
		return 0;
	order = malloc(t->n * sizeof *order);
	if (!order) {
		snprintf(w->err, w->errlen, "snapshot: out of memory");
		w->failed = 1;
		return -1;
	}
	for (i = 0; i < t->n; i++)
		if (!t->v[i].cleared)
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
		wt->remaining = tm->kind == WR_TIMER_IMMEDIATE ? 0 : rt_timer_remaining(w->rt, tm);
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
	if (rc != 0 && !w->failed) {
		snprintf(w->err, w->errlen, "snapshot: out of memory");
		w->failed = 1;
	}
	return rc;
}

int sw_roots(sw_state *w)
{
	uint32_t i, n = w->nbl;
	for (i = 0; i < n; i++)
		if (sw_builtin_props(w, i) != 0) {
			if (!w->failed) {
				snprintf(w->err, w->errlen, "snapshot: out of memory");
				w->failed = 1;
			}
			return -1;
		}
	return sw_timers(w);
}
