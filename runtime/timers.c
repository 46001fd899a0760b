/*
 * runtime/timers.c -- setTimeout, setInterval, setImmediate and the clear*
 * functions, and the pending-callback table the event loop runs from.
 *
 * Node semantics kept: a delay that is not a number in [1, 2^31-1] becomes
 * 1 ms (so setTimeout(f, 0) is setTimeout(f, 1)); extra arguments are passed
 * to the callback; ids are numbers (1, 2, ...) shared by all three kinds;
 * clearTimeout and clearInterval cancel either timer kind, clearImmediate
 * only immediates. Ordering (due time, then creation order) is chosen by the
 * loop (loop.c) through rt_timers_next, from a heap of the timeouts and
 * intervals and a queue of the immediates (rt.h, rt_timers).
 *
 * The callback and arguments of every pending entry live in the global stash
 * object RT_STASH_TIMERS under String(id) as [callback, args...]: the C table
 * holds only numbers, and the snapshot walker sees every value there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "runtime/rt_core.h"

#define RT_TIMEOUT_MAX 2147483647.0

/* push the stash's timer object */
static void rt_push_timer_stash(duk_context *ctx)
{
	duk_push_global_stash(ctx);
	if (!duk_get_prop_string(ctx, -1, RT_STASH_TIMERS)) {
		duk_pop(ctx);
		duk_push_bare_object(ctx);
		duk_dup_top(ctx);
		duk_put_prop_string(ctx, -3, RT_STASH_TIMERS);
	}
	duk_remove(ctx, -2);
}

/* push String(id): ids are integers in [1, 2^53], so an integer
 * conversion gives the same text as "%.0f" at a fraction of the cost */
static void rt_push_id_key(duk_context *ctx, double id)
{
	char key[24], *p = key + sizeof key;
	uint64_t v;

	if (!(id >= 0 && id <= 9007199254740992.0) || id != floor(id)) {
		duk_push_number(ctx, id);
		duk_to_string(ctx, -1);
		return;
	}
	v = (uint64_t)id;
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	duk_push_lstring(ctx, p, (duk_size_t)(key + sizeof key - p));
}

/* ---- the table: ids, heap, queue ---- */

#define RT_NONE UINT32_MAX

static size_t id_hash(double id, size_t mask)
{
	uint64_t x;
	memcpy(&x, &id, sizeof x);
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return (size_t)x & mask;
}

/* slot of id in t->ids: its own, or the free one where it would go */
static size_t id_slot(const rt_timers *t, double id)
{
	size_t mask = t->nids - 1, h = id_hash(id, mask);
	while (t->ids[h] != RT_NONE && t->v[t->ids[h]].id != id)
		h = (h + 1) & mask;
	return h;
}

rt_timer *rt_timer_find(rt_ctx *rt, double id)
{
	rt_timers *t = &rt->timers;
	size_t h;
	if (!t->nids)
		return NULL;
	h = id_slot(t, id);
	return t->ids[h] == RT_NONE ? NULL : &t->v[t->ids[h]];
}

/* forget id (present); backward-shift deletion keeps every probe chain whole */
static void id_del(rt_timers *t, double id)
{
	size_t mask = t->nids - 1, i = id_slot(t, id), j = i;
	for (;;) {
		size_t k;
		j = (j + 1) & mask;
		if (t->ids[j] == RT_NONE)
			break;
		k = id_hash(t->v[t->ids[j]].id, mask);
		/* entry j may move to i if its home k is not in (i, j] */
		if ((j > i && (k <= i || k > j)) || (j < i && k <= i && k > j)) {
			t->ids[i] = t->ids[j];
			i = j;
		}
	}
	t->ids[i] = RT_NONE;
}

static int before_at(const rt_timers *t, uint32_t a, uint32_t b);

static void heap_put(rt_timers *t, size_t pos, uint32_t vi)
{
	t->heap[pos] = vi;
	t->v[vi].hpos = (uint32_t)pos;
}

static void heap_up(rt_timers *t, size_t pos)
{
	uint32_t vi = t->heap[pos];
	while (pos > 0 && before_at(t, vi, t->heap[(pos - 1) / 2])) {
		heap_put(t, pos, t->heap[(pos - 1) / 2]);
		pos = (pos - 1) / 2;
	}
	heap_put(t, pos, vi);
}

static void heap_down(rt_timers *t, size_t pos)
{
	uint32_t vi = t->heap[pos];
	for (;;) {
		size_t c = 2 * pos + 1;
		if (c >= t->nheap)
			break;
		if (c + 1 < t->nheap && before_at(t, t->heap[c + 1], t->heap[c]))
			c++;
		if (!before_at(t, t->heap[c], vi))
			break;
		heap_put(t, pos, t->heap[c]);
		pos = c;
	}
	heap_put(t, pos, vi);
}

/* the entry at heap position pos changed its (due, seq) */
static void heap_fix(rt_timers *t, size_t pos)
{
	uint32_t vi = t->heap[pos];
	heap_up(t, pos);
	if (t->v[vi].hpos == pos)
		heap_down(t, pos);
}

/* room for one more entry everywhere: 0, or -1 out of memory (nothing changed) */
static int rt_timers_reserve(rt_timers *t, int immediate)
{
	if (immediate && t->imm_n == t->imm_cap) {
		size_t live = t->imm_n - t->imm_head;
		if (t->imm_head > 0 && live < t->imm_cap / 2) {
			memmove(t->imm, t->imm + t->imm_head, live * sizeof *t->imm);
			t->imm_head = 0;
			t->imm_n = live;
		} else {
			size_t cap = t->imm_cap ? t->imm_cap * 2 : 16;
			double *q = realloc(t->imm, cap * sizeof *q);
			if (!q)
				return -1;
			t->imm = q;
			t->imm_cap = cap;
		}
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16, nids = 64, i;
		rt_timer *v;
		uint32_t *heap, *ids;

		if (cap >= RT_NONE / 4)
			return -1;
		while (nids <= 2 * cap)
			nids *= 2;
		v = realloc(t->v, cap * sizeof *v);
		if (!v)
			return -1;
		t->v = v;
		heap = realloc(t->heap, cap * sizeof *heap);
		if (!heap)
			return -1;
		t->heap = heap;
		ids = malloc(nids * sizeof *ids);
		if (!ids)
			return -1;
		t->cap = cap;
		free(t->ids);
		t->ids = ids;
		t->nids = nids;
		for (i = 0; i < nids; i++)
			ids[i] = RT_NONE;
		for (i = 0; i < t->n; i++)
			ids[id_slot(t, t->v[i].id)] = (uint32_t)i;
	}
	return 0;
}

rt_timer *rt_timer_insert(rt_ctx *rt, uint32_t kind, double id, double delay_ms,
                          double period_ms, uint64_t seq)
{
	rt_timers *t = &rt->timers;
	rt_timer *e;
	size_t i;

	if (rt_timer_find(rt, id))
		return NULL;   /* ids are unique (restore refuses a repeated one first) */
	if (rt_timers_reserve(t, kind == WR_TIMER_IMMEDIATE) != 0)
		return NULL;
	i = t->n++;
	e = &t->v[i];
	e->id = id;
	e->kind = kind;
	/* a negative delay (a restored overdue timer) keeps how overdue it is,
	 * so overdue timers still run by due time */
	e->due = kind == WR_TIMER_IMMEDIATE ? 0 : rt_now(rt) + (isfinite(delay_ms) ? delay_ms : 0);
	e->period = period_ms;
	e->seq = seq;
	e->hpos = RT_NONE;
	t->ids[id_slot(t, id)] = (uint32_t)i;
	if (kind == WR_TIMER_IMMEDIATE) {
		/* by seq: new ones go last; restore's come in seq order too, but
		 * a snapshot is input, so find the place from the end */
		size_t q = t->imm_n++;
		while (q > t->imm_head) {
			rt_timer *o = rt_timer_find(rt, t->imm[q - 1]);
			if (o && o->seq < seq)
				break;
			t->imm[q] = t->imm[q - 1];
			q--;
		}
		t->imm[q] = id;
		t->nimm++;
	} else {
		heap_put(t, t->nheap++, (uint32_t)i);
		heap_up(t, e->hpos);
	}
	if (t->next_seq <= seq)
		t->next_seq = seq + 1;
	if (t->next_id <= id && id < 9007199254740992.0)   /* ids stay exact integers */
		t->next_id = id + 1;
	return e;
}

/* Delays are measured from ONE clock reading `now` taken when the snapshot
 * starts (never a fresh reading per timer: the walker runs meanwhile and
 * close timers would reorder). Not from the start of the current timers
 * phase: time spent in the phase before the snapshot would then run again
 * after the resume, and a timer set after the resume could fire before one
 * of the same delay set before the snapshot (Node keeps those in creation
 * order; found by tests/difffuzz.sh).
 *
 * Snapshot delays are >= 0, and three kinds of pending timers must keep
 * their order and their phase:
 *   overdue (due <= phase_now): they run later in this very phase, so they
 *     must be due at the resumed phase's start: a delay in (0, SPAN), by
 *     rank of (due, seq) among them; rt_timers_rebase starts the resumed
 *     phase SPAN after its clock reading;
 *   late (phase_now < due <= now, give or take a clock tick): due, but not
 *     in this phase: a delay in (SPAN, 2 SPAN), by rank, so they run at the
 *     next iteration, before anything set after the resume;
 *   the others: due - now (> 2 SPAN).
 * RT_OVERDUE_SPAN is half a nanosecond: 2 SPAN is the clock's resolution,
 * so no delay of the third kind is that small. */
#define RT_OVERDUE_SPAN 5e-7

static int rt_timer_before(const rt_timer *a, const rt_timer *b)
{
	return a->due < b->due || (a->due == b->due && a->seq < b->seq);
}

static int before_at(const rt_timers *t, uint32_t a, uint32_t b)
{
	return rt_timer_before(&t->v[a], &t->v[b]);
}

/* a timer due within 2 SPAN of the snapshot, and its kind: 0 overdue, 1 late */
typedef struct rt_near {
	const rt_timer *t;
	int late;
} rt_near;

static int cmp_near(const void *a, const void *b)
{
	const rt_near *x = a, *y = b;

	if (x->late != y->late)
		return x->late - y->late;
	return rt_timer_before(x->t, y->t) ? -1 : rt_timer_before(y->t, x->t);
}

int rt_timers_remaining(const rt_ctx *rt, double now, double *rem)
{
	const rt_timers *ts = &rt->timers;
	double late = now + 2 * RT_OVERDUE_SPAN;
	rt_near *near;
	size_t i, k, n = 0, first_late;

	if (now < rt->phase_now)
		now = rt->phase_now;
	near = malloc((ts->n ? ts->n : 1) * sizeof *near);
	if (!near)
		return -1;
	for (i = 0; i < ts->n; i++) {
		const rt_timer *o = &ts->v[i];
		rem[i] = 0;
		if (o->kind == WR_TIMER_IMMEDIATE)
			continue;
		if (o->due > late) {
			rem[i] = o->due - now;
			continue;
		}
		near[n].t = o;
		near[n].late = o->due > rt->phase_now;
		n++;
	}
	/* each kind by (due, seq): a delay by rank among its kind */
	qsort(near, n, sizeof *near, cmp_near);
	for (first_late = 0; first_late < n && !near[first_late].late; first_late++)
		;
	for (k = 0; k < n; k++) {
		size_t rank = k < first_late ? k : k - first_late;
		size_t count = k < first_late ? first_late : n - first_late;
		rem[near[k].t - ts->v] = RT_OVERDUE_SPAN *
			((near[k].late ? 1.0 : 0.0) + (double)(rank + 1) / (double)(count + 1));
	}
	free(near);
	return 0;
}

void rt_timers_rebase(rt_ctx *rt, const wr_snapshot *snap)
{
	rt_timers *t = &rt->timers;
	double base = rt_now(rt);
	size_t i;
	uint32_t j;

	/* each of the snapshot's timers by its id (restore refuses a repeated one) */
	for (j = 0; j < snap->ntimers; j++) {
		const wr_timer *w = &snap->timers[j];
		rt_timer *e = rt_timer_find(rt, w->id);
		if (e && e->kind == w->kind && e->kind != WR_TIMER_IMMEDIATE && isfinite(w->remaining))
			e->due = base + w->remaining;
	}
	for (i = t->nheap / 2; i-- > 0;)
		heap_down(t, i);
	rt->phase_now = base + RT_OVERDUE_SPAN;
}

void rt_timers_free(rt_timers *t)
{
	free(t->v);
	free(t->heap);
	free(t->ids);
	free(t->imm);
	t->v = NULL;
	t->heap = t->ids = NULL;
	t->imm = NULL;
	t->n = t->cap = t->nheap = t->nids = 0;
	t->imm_head = t->imm_n = t->imm_cap = t->nimm = 0;
}

/* drop entry i (an immediate's id stays queued until the queue reaches it) */
static void rt_timer_remove_at(rt_timers *t, size_t i)
{
	size_t last = t->n - 1;

	id_del(t, t->v[i].id);
	if (t->v[i].kind == WR_TIMER_IMMEDIATE) {
		t->nimm--;
		if (t->imm_head < t->imm_n && t->imm[t->imm_head] == t->v[i].id)
			t->imm_head++;
	} else {
		size_t pos = t->v[i].hpos;
		if (pos != --t->nheap) {
			heap_put(t, pos, t->heap[t->nheap]);
			heap_fix(t, pos);
		}
	}
	if (i != last) {
		t->v[i] = t->v[last];
		t->ids[id_slot(t, t->v[i].id)] = (uint32_t)i;
		if (t->v[i].kind != WR_TIMER_IMMEDIATE)
			t->heap[t->v[i].hpos] = (uint32_t)i;
	}
	t->n = last;
	if (t->imm_head == t->imm_n)
		t->imm_head = t->imm_n = 0;
}

/* Node's ERR_INVALID_ARG_TYPE for a callback v that is not a function:
 * "... Received " and what determineSpecificType (lib/internal/errors.js
 * of Node v20) says of v, with code: 'ERR_INVALID_ARG_TYPE' */
static duk_ret_t rt_callback_error(duk_context *ctx, duk_idx_t v)
{
	if (duk_get_top(ctx) <= v)
		duk_set_top(ctx, v + 1);   /* setTimeout(): undefined */
	v = duk_normalize_index(ctx, v);
	if (duk_is_null_or_undefined(ctx, v)) {
		duk_push_string(ctx, duk_is_null(ctx, v) ? "null" : "undefined");
	} else if (duk_is_number(ctx, v)) {
		double d = duk_get_number(ctx, v);
		duk_push_string(ctx, "type number (");
		if (d == 0 && signbit(d))
			duk_push_string(ctx, "-0");
		else
			duk_push_number(ctx, d), duk_to_string(ctx, -1);
		duk_push_string(ctx, ")");
		duk_concat(ctx, 3);
	} else if (duk_is_boolean(ctx, v)) {
		duk_push_string(ctx, duk_get_boolean(ctx, v) ? "type boolean (true)" : "type boolean (false)");
	} else if (duk_is_symbol(ctx, v)) {
		duk_get_global_string(ctx, "String");
		duk_dup(ctx, v);
		duk_call(ctx, 1);
		duk_push_sprintf(ctx, "type symbol (%s)", duk_get_string(ctx, -1));
		duk_remove(ctx, -2);
	} else if (duk_is_string(ctx, v)) {
		duk_dup(ctx, v);
		if (duk_get_length(ctx, -1) > 28) {
			duk_substring(ctx, -1, 0, 25);
			duk_push_string(ctx, "...");
			duk_concat(ctx, 2);
		}
		if (!strchr(duk_get_string(ctx, -1), '\'')) {
			duk_push_sprintf(ctx, "type string ('%s')", duk_get_string(ctx, -1));
		} else {
			duk_dup_top(ctx);
			duk_json_encode(ctx, -1);
			duk_push_sprintf(ctx, "type string (%s)", duk_get_string(ctx, -1));
			duk_remove(ctx, -2);
		}
		duk_remove(ctx, -2);
	} else if (duk_is_function(ctx, v)) {
		duk_get_prop_string(ctx, v, "name");
		duk_push_sprintf(ctx, "function %s", duk_safe_to_string(ctx, -1));
		duk_remove(ctx, -2);
	} else {
		duk_get_prop_string(ctx, v, "constructor");
		if (duk_is_object(ctx, -1) && duk_has_prop_string(ctx, -1, "name")) {
			duk_get_prop_string(ctx, -1, "name");
			duk_push_sprintf(ctx, "an instance of %s", duk_safe_to_string(ctx, -1));
			duk_replace(ctx, -3);
			duk_pop(ctx);
		} else {
			duk_pop(ctx);
			rt_inspect_with(ctx, v, -1, 0);
		}
	}
	duk_push_error_object(ctx, DUK_ERR_TYPE_ERROR,
	                      "The \"callback\" argument must be of type function. Received %s",
	                      duk_get_string(ctx, -1));
	duk_push_string(ctx, "ERR_INVALID_ARG_TYPE");
	duk_put_prop_string(ctx, -2, "code");
	return duk_throw(ctx);
}

/* setTimeout/setInterval/setImmediate: [cb, (delay,) args...] */
static duk_ret_t rt_schedule(duk_context *ctx, uint32_t kind)
{
	rt_ctx *rt = rt_from_ctx(ctx);
	duk_idx_t n = duk_get_top(ctx), first_arg, i;
	double delay = 0, id;
	uint64_t seq;

	if (!duk_is_function(ctx, 0))
		return rt_callback_error(ctx, 0);
	if (kind == WR_TIMER_IMMEDIATE) {
		first_arg = 1;
	} else {
		delay = n > 1 ? duk_to_number(ctx, 1) : 1;
		if (!(delay >= 1 && delay <= RT_TIMEOUT_MAX))
			delay = 1;
		first_arg = 2;
	}
	if (rt->timers.next_id < 1)
		rt->timers.next_id = 1;
	if (rt->timers.next_id >= 9007199254740992.0)
		return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of timer ids");
	id = rt->timers.next_id;
	seq = rt->timers.next_seq;

	/* stash[String(id)] = [cb, args...] first: if it fails (out of
	 * memory) nothing is half-registered */
	rt_push_timer_stash(ctx);
	rt_push_id_key(ctx, id);
	duk_push_bare_array(ctx);   /* no Array.prototype: the program's index setters stay out */
	duk_dup(ctx, 0);
	duk_put_prop_index(ctx, -2, 0);
	for (i = first_arg; i < n; i++) {
		duk_dup(ctx, i);
		duk_put_prop_index(ctx, -2, (duk_uarridx_t)(i - first_arg + 1));
	}
	duk_put_prop(ctx, -3);
	duk_pop(ctx);

	if (!rt_timer_insert(rt, kind, id, delay,
	                     kind == WR_TIMER_INTERVAL ? delay : 0, seq)) {
		rt_push_timer_stash(ctx);
		rt_push_id_key(ctx, id);
		duk_del_prop(ctx, -2);
		return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory for a timer");
	}
	duk_push_number(ctx, id);
	return 1;
}

static duk_ret_t rt_set_timeout(duk_context *ctx) { return rt_schedule(ctx, WR_TIMER_TIMEOUT); }
static duk_ret_t rt_set_interval(duk_context *ctx) { return rt_schedule(ctx, WR_TIMER_INTERVAL); }
static duk_ret_t rt_set_immediate(duk_context *ctx) { return rt_schedule(ctx, WR_TIMER_IMMEDIATE); }

static duk_ret_t rt_clear(duk_context *ctx, int immediate)
{
	rt_ctx *rt = rt_from_ctx(ctx);
	rt_timers *t = &rt->timers;
	rt_timer *e;
	double id;

	if (!duk_is_number(ctx, 0))
		return 0;   /* Node ignores anything that is not a timer */
	id = duk_get_number(ctx, 0);
	e = rt_timer_find(rt, id);
	if (e && (e->kind == WR_TIMER_IMMEDIATE) == immediate) {
		rt_timer_remove_at(t, (size_t)(e - t->v));
		rt_push_timer_stash(ctx);
		rt_push_id_key(ctx, id);
		duk_del_prop(ctx, -2);
	}
	return 0;
}

static duk_ret_t rt_clear_timer(duk_context *ctx) { return rt_clear(ctx, 0); }
static duk_ret_t rt_clear_immediate(duk_context *ctx) { return rt_clear(ctx, 1); }

int rt_timers_install(duk_context *ctx)
{
	static const duk_function_list_entry fns[] = {
		{ "setTimeout", rt_set_timeout, DUK_VARARGS },
		{ "setInterval", rt_set_interval, DUK_VARARGS },
		{ "setImmediate", rt_set_immediate, DUK_VARARGS },
		{ "clearTimeout", rt_clear_timer, 1 },
		{ "clearInterval", rt_clear_timer, 1 },
		{ "clearImmediate", rt_clear_immediate, 1 },
		{ NULL, NULL, 0 }
	};
	duk_push_global_object(ctx);
	duk_put_function_list(ctx, -1, fns);
	duk_pop(ctx);
	rt_push_timer_stash(ctx);
	duk_pop(ctx);
	return 0;
}

rt_timer *rt_timers_next(rt_ctx *rt, int phase, uint64_t below_seq, double now)
{
	rt_timers *t = &rt->timers;
	rt_timer *best = NULL;
	size_t i;

	if (phase == RT_PHASE_CHECK) {
		/* the first immediate still pending, if it is older than the phase */
		while (t->imm_head < t->imm_n) {
			rt_timer *e = rt_timer_find(rt, t->imm[t->imm_head]);
			if (e && e->kind == WR_TIMER_IMMEDIATE)
				return e->seq < below_seq ? e : NULL;
			t->imm_head++;   /* cleared */
		}
		t->imm_head = t->imm_n = 0;
		return NULL;
	}
	if (t->nheap == 0 || t->v[t->heap[0]].due > now)
		return NULL;
	if (t->v[t->heap[0]].seq < below_seq)
		return &t->v[t->heap[0]];
	/* the first due one was set during this phase, which the clock rules
	 * out (it is due a millisecond on at least): look at all of them */
	for (i = 0; i < t->n; i++) {
		rt_timer *e = &t->v[i];
		if (e->kind == WR_TIMER_IMMEDIATE || e->seq >= below_seq || e->due > now)
			continue;
		if (!best || rt_timer_before(e, best))
			best = e;
	}
	return best;
}

double rt_timers_earliest(const rt_ctx *rt)
{
	const rt_timers *t = &rt->timers;
	return t->nheap ? t->v[t->heap[0]].due : -1;
}

int rt_timers_have_immediates(const rt_ctx *rt)
{
	return rt->timers.nimm > 0;
}

/* [ entry ] -> call entry[0] with entry[1..] and this = undefined */
static duk_ret_t rt_timer_call(duk_context *ctx, void *udata)
{
	duk_size_t len, i;
	(void)udata;
	len = duk_get_length(ctx, -1);
	/* a native call has a reserve of 64 value-stack slots: room for
	 * every argument first (setTimeout takes any number) */
	duk_require_stack(ctx, len < 1000000 ? (duk_idx_t)len + 2 : 1000000);   /* else RangeError */
	duk_get_prop_index(ctx, -1, 0);
	duk_push_undefined(ctx);
	for (i = 1; i < len; i++)
		duk_get_prop_index(ctx, -3 - (duk_idx_t)(i - 1), (duk_uarridx_t)i);
	duk_call_method(ctx, (duk_idx_t)(len ? len - 1 : 0));
	return 0;
}

int rt_timer_fire(rt_ctx *rt, rt_timer *e)
{
	duk_context *ctx = rt->ctx;
	rt_timers *t = &rt->timers;
	double id = e->id;
	size_t i = (size_t)(e - t->v);
	int rc;

	rt_push_timer_stash(ctx);
	rt_push_id_key(ctx, id);
	duk_get_prop(ctx, -2);           /* [ stash entry ] */
	if (e->kind == WR_TIMER_INTERVAL) {
		/* re-arm before the call (the callback may clear it); a new seq
		 * puts it after the timers already waiting, as Node's lists do */
		e->due = rt_now(rt) + e->period;
		e->seq = t->next_seq++;
		heap_fix(t, e->hpos);
	} else {
		rt_timer_remove_at(t, i);
		rt_push_id_key(ctx, id);
		duk_del_prop(ctx, -3);
	}
	duk_remove(ctx, -2);             /* [ entry ] */
	if (!duk_is_array(ctx, -1)) {
		/* no callback entry (a damaged stash): drop the timer for good,
		 * or an interval would tick forever doing nothing */
		rt_timer *o = rt_timer_find(rt, id);
		duk_pop(ctx);
		if (o && o->kind != WR_TIMER_IMMEDIATE)
			rt_timer_remove_at(t, (size_t)(o - t->v));
		return 0;
	}
	rc = duk_safe_call(ctx, rt_timer_call, NULL, 1, 1);
	if (rc != DUK_EXEC_SUCCESS) {
		rt_report_uncaught(rt, -1);
		duk_pop(ctx);
		return -1;
	}
	duk_pop(ctx);
	return 0;
}
