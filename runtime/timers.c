/*
 * runtime/timers.c -- setTimeout, setInterval, setImmediate and the clear*
 * functions, and the pending-callback table the event loop runs from.
 *
 * Node semantics kept: a delay that is not a number in [1, 2^31-1] becomes
 * 1 ms (so setTimeout(f, 0) is setTimeout(f, 1)); a delay is cut to whole
 * milliseconds (Node's insert truncates it: 5.9 is 5, in the list of 5, for
 * every tick of an interval too); extra arguments are passed to the
 * callback; ids are numbers (1, 2, ...) shared by all three kinds;
 * clearTimeout and clearInterval cancel either timer kind, clearImmediate
 * only immediates. Timeouts and intervals are ordered as Node's timer lists
 * order them (lib/internal/timers.js of Node v20): one list per duration,
 * timers in the order they were armed (an interval is armed again after its
 * callback, so a timeout of the same delay that the callback set runs before
 * its next tick), lists by expiry; the loop (loop.c) takes them through
 * rt_timers_next, from a heap of the lists and a queue of the immediates
 * (rt.h, rt_timers). When the loop is on time this is due-time order; when
 * a callback held it up, the due timers of one list run together.
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

/* ---- the table: ids, timer lists, immediates queue ---- */

#define RT_NONE RT_TIMER_NONE

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

/* slot of a list key in t->lkeys, as id_slot */
static size_t key_slot(const rt_timers *t, double key)
{
	size_t mask = t->nids - 1, h = id_hash(key, mask);
	while (t->lkeys[h] != RT_NONE && t->lists[t->lkeys[h]].key != key)
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

/* Forget slot i of a linear-probing table (ids or lkeys): backward-shift
 * deletion keeps every probe chain whole. home(j) is the home slot of the
 * entry in slot j. */
static void probe_del(uint32_t *tab, size_t nslots, size_t i,
                      size_t (*home)(const rt_timers *, uint32_t, size_t), const rt_timers *t)
{
	size_t mask = nslots - 1, j = i;
	for (;;) {
		size_t k;
		j = (j + 1) & mask;
		if (tab[j] == RT_NONE)
			break;
		k = home(t, tab[j], mask);
		/* entry j may move to i if its home k is not in (i, j] */
		if ((j > i && (k <= i || k > j)) || (j < i && k <= i && k > j)) {
			tab[i] = tab[j];
			i = j;
		}
	}
	tab[i] = RT_NONE;
}

static size_t id_home(const rt_timers *t, uint32_t vi, size_t mask)
{
	return id_hash(t->v[vi].id, mask);
}

static size_t key_home(const rt_timers *t, uint32_t li, size_t mask)
{
	return id_hash(t->lists[li].key, mask);
}

static void id_del(rt_timers *t, double id)
{
	probe_del(t->ids, t->nids, id_slot(t, id), id_home, t);
}

/* -- the lists' heap, by (expiry, lid) -- */

static int list_before(const rt_timers *t, uint32_t a, uint32_t b)
{
	const rt_tlist *x = &t->lists[a], *y = &t->lists[b];
	return x->expiry < y->expiry || (x->expiry == y->expiry && x->lid < y->lid);
}

static void lheap_put(rt_timers *t, size_t pos, uint32_t li)
{
	t->lheap[pos] = li;
	t->lists[li].hpos = (uint32_t)pos;
}

static void lheap_up(rt_timers *t, size_t pos)
{
	uint32_t li = t->lheap[pos];
	while (pos > 0 && list_before(t, li, t->lheap[(pos - 1) / 2])) {
		lheap_put(t, pos, t->lheap[(pos - 1) / 2]);
		pos = (pos - 1) / 2;
	}
	lheap_put(t, pos, li);
}

static void lheap_down(rt_timers *t, size_t pos)
{
	uint32_t li = t->lheap[pos];
	for (;;) {
		size_t c = 2 * pos + 1;
		if (c >= t->nlheap)
			break;
		if (c + 1 < t->nlheap && list_before(t, t->lheap[c + 1], t->lheap[c]))
			c++;
		if (!list_before(t, t->lheap[c], li))
			break;
		lheap_put(t, pos, t->lheap[c]);
		pos = c;
	}
	lheap_put(t, pos, li);
}

/* -- lists -- */

/* the list of a timer: by its duration; a timeout of unknown duration (a
 * snapshot of an older build says 0) has a list of its own */
static double list_key(const rt_timer *e)
{
	return e->period > 0 ? e->period : -1.0 - (double)e->seq;
}

static uint32_t list_new(rt_timers *t, double key, double expiry)
{
	uint32_t li = t->nlfree ? t->lfree[--t->nlfree] : (uint32_t)t->nlists++;
	rt_tlist *l = &t->lists[li];

	l->key = key;
	l->expiry = expiry;
	l->lid = t->next_lid++;
	l->head = l->tail = RT_NONE;
	t->lkeys[key_slot(t, key)] = li;
	lheap_put(t, t->nlheap++, li);
	lheap_up(t, l->hpos);
	return li;
}

static void list_free(rt_timers *t, uint32_t li)
{
	rt_tlist *l = &t->lists[li];
	size_t pos = l->hpos;

	probe_del(t->lkeys, t->nids, key_slot(t, l->key), key_home, t);
	if (pos != --t->nlheap) {
		uint32_t moved = t->lheap[t->nlheap];
		lheap_put(t, pos, moved);
		lheap_up(t, pos);
		if (t->lists[moved].hpos == pos)
			lheap_down(t, pos);
	}
	l->hpos = RT_NONE;
	t->lfree[t->nlfree++] = li;
}

/* append v[vi] to the end of its list (made if there is none: Node's insert) */
static void timer_link(rt_timers *t, uint32_t vi)
{
	rt_timer *e = &t->v[vi];
	double key = list_key(e);
	uint32_t li = t->lkeys[key_slot(t, key)];
	rt_tlist *l;

	if (li == RT_NONE)
		li = list_new(t, key, e->due);
	l = &t->lists[li];
	e->list = li;
	e->next = RT_NONE;
	e->prev = l->tail;
	if (l->tail != RT_NONE)
		t->v[l->tail].next = vi;
	else
		l->head = vi;
	l->tail = vi;
}

/* take v[vi] out of its list (the list stays, even empty) */
static void timer_unlink(rt_timers *t, uint32_t vi)
{
	rt_timer *e = &t->v[vi];
	rt_tlist *l;

	if (e->kind == WR_TIMER_IMMEDIATE || e->list == RT_NONE)
		return;
	l = &t->lists[e->list];
	if (e->prev != RT_NONE)
		t->v[e->prev].next = e->next;
	else
		l->head = e->next;
	if (e->next != RT_NONE)
		t->v[e->next].prev = e->prev;
	else
		l->tail = e->prev;
	e->list = e->prev = e->next = RT_NONE;
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
		rt_tlist *lists;
		uint32_t *lheap, *lfree, *ids, *lkeys;

		if (cap >= RT_NONE / 4)
			return -1;
		while (nids <= 2 * (cap + 1))
			nids *= 2;
		v = realloc(t->v, cap * sizeof *v);
		if (!v)
			return -1;
		t->v = v;
		lists = realloc(t->lists, (cap + 1) * sizeof *lists);
		if (!lists)
			return -1;
		t->lists = lists;
		lheap = realloc(t->lheap, (cap + 1) * sizeof *lheap);
		if (!lheap)
			return -1;
		t->lheap = lheap;
		lfree = realloc(t->lfree, (cap + 1) * sizeof *lfree);
		if (!lfree)
			return -1;
		t->lfree = lfree;
		ids = malloc(nids * sizeof *ids);
		lkeys = malloc(nids * sizeof *lkeys);
		if (!ids || !lkeys) {
			free(ids);
			free(lkeys);
			return -1;
		}
		t->cap = cap;
		free(t->ids);
		free(t->lkeys);
		t->ids = ids;
		t->lkeys = lkeys;
		t->nids = nids;
		for (i = 0; i < nids; i++)
			ids[i] = lkeys[i] = RT_NONE;
		for (i = 0; i < t->n; i++)
			ids[id_slot(t, t->v[i].id)] = (uint32_t)i;
		for (i = 0; i < t->nlists; i++)
			if (t->lists[i].hpos != RT_NONE)
				lkeys[key_slot(t, t->lists[i].key)] = (uint32_t)i;
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
	e->due = kind == WR_TIMER_IMMEDIATE ? 0 : rt_now(rt) + (isfinite(delay_ms) ? delay_ms : 0);
	e->period = period_ms;
	e->seq = seq;
	e->list = e->prev = e->next = RT_NONE;
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
		timer_link(t, (uint32_t)i);
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
 *   runnable: those the rest of the current timers phase would run (Node's
 *     processTimers with the phase's clock reading: the due lists by
 *     (expiry, lid), each from its head while its timers are due). They
 *     must be due at the resumed phase's start: a delay in (0, SPAN), by
 *     rank in that order; rt_timers_rebase starts the resumed phase SPAN
 *     after its clock reading;
 *   near (the others due by now, give or take a clock tick): due, but not
 *     in this phase: a delay in (SPAN, 2 SPAN), by rank of (due, seq), so
 *     they run at the next iteration, before anything set after the resume;
 *   the others: due - now (> 2 SPAN).
 * A list's order is its timers' seq order, so the lists rt_timers_rebase
 * builds again hold them in the same order; an overdue timer behind one that
 * is not due (an interval re-armed behind a timeout its callback set) stays
 * behind it.
 * RT_OVERDUE_SPAN is half a nanosecond: 2 SPAN is the clock's resolution,
 * so no delay of the third kind is that small. */
#define RT_OVERDUE_SPAN 5e-7

static int rt_timer_before(const rt_timer *a, const rt_timer *b)
{
	return a->due < b->due || (a->due == b->due && a->seq < b->seq);
}

/* a list or a timer to sort, with its keys copied (qsort has no context) */
typedef struct rt_sortkey {
	double   a;
	uint64_t b;
	uint32_t i;
} rt_sortkey;

static int cmp_sortkey(const void *p, const void *q)
{
	const rt_sortkey *x = p, *y = q;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

static int cmp_near(const void *a, const void *b)
{
	const rt_timer *x = *(const rt_timer *const *)a, *y = *(const rt_timer *const *)b;
	return rt_timer_before(x, y) ? -1 : rt_timer_before(y, x);
}

int rt_timers_remaining(const rt_ctx *rt, double now, double *rem)
{
	const rt_timers *ts = &rt->timers;
	double late = now + 2 * RT_OVERDUE_SPAN, P = rt->phase_now;
	rt_sortkey *due_lists;
	const rt_timer **near;
	size_t i, k, n = 0, nrun = 0, ndue = 0;

	if (now < P)
		now = P;
	near = malloc((ts->n ? ts->n : 1) * sizeof *near);
	due_lists = malloc((ts->nlheap ? ts->nlheap : 1) * sizeof *due_lists);
	if (!near || !due_lists) {
		free(near);
		free(due_lists);
		return -1;
	}
	for (i = 0; i < ts->n; i++)
		rem[i] = -1;   /* not placed yet */
	/* the runnable ones, in the order the rest of this phase runs them */
	if (rt->phase == RT_PHASE_TIMERS) {
		for (i = 0; i < ts->nlheap; i++) {
			const rt_tlist *l = &ts->lists[ts->lheap[i]];
			if (l->expiry <= P) {
				due_lists[ndue].a = l->expiry;
				due_lists[ndue].b = l->lid;
				due_lists[ndue++].i = ts->lheap[i];
			}
		}
		qsort(due_lists, ndue, sizeof *due_lists, cmp_sortkey);
		for (i = 0; i < ndue; i++)
			for (k = ts->lists[due_lists[i].i].head; k != RT_NONE && ts->v[k].due <= P;
			     k = ts->v[k].next)
				rem[k] = (double)++nrun;
	}
	for (i = 0; i < ts->n; i++) {
		const rt_timer *o = &ts->v[i];
		if (o->kind == WR_TIMER_IMMEDIATE) {
			rem[i] = 0;
		} else if (rem[i] > 0) {
			rem[i] = RT_OVERDUE_SPAN * rem[i] / (double)(nrun + 1);
		} else if (o->due > late) {
			rem[i] = o->due - now;
		} else {
			near[n++] = o;
		}
	}
	/* the near ones by (due, seq): a list's head keeps its place among the
	 * lists; behind a head, a timer's own due time only decides whether it
	 * is due when the list is looked at */
	qsort(near, n, sizeof *near, cmp_near);
	for (k = 0; k < n; k++)
		rem[near[k] - ts->v] = RT_OVERDUE_SPAN * (1.0 + (double)(k + 1) / (double)(n + 1));
	free(near);
	free(due_lists);
	return 0;
}

void rt_timers_rebase(rt_ctx *rt, const wr_snapshot *snap)
{
	rt_timers *t = &rt->timers;
	double base = rt_now(rt);
	rt_sortkey *order;
	size_t i, n = 0;
	uint32_t j;

	/* each of the snapshot's timers by its id (restore refuses a repeated one) */
	for (j = 0; j < snap->ntimers; j++) {
		const wr_timer *w = &snap->timers[j];
		rt_timer *e = rt_timer_find(rt, w->id);
		if (e && e->kind == w->kind && e->kind != WR_TIMER_IMMEDIATE && isfinite(w->remaining))
			e->due = base + w->remaining;
	}
	/* the lists again, each in seq order, made in the order of their heads;
	 * a list's expiry is its head's due time */
	order = t->n ? malloc(t->n * sizeof *order) : NULL;
	if (order) {
		for (i = 0; i < t->n; i++) {
			if (t->v[i].kind != WR_TIMER_IMMEDIATE) {
				order[n].a = 0;
				order[n].b = t->v[i].seq;
				order[n++].i = (uint32_t)i;
			}
		}
		qsort(order, n, sizeof *order, cmp_sortkey);
		for (i = 0; i < t->nids; i++)
			t->lkeys[i] = RT_NONE;
		t->nlists = t->nlfree = t->nlheap = 0;
		for (i = 0; i < n; i++)
			timer_link(t, order[i].i);
		free(order);
	}
	/* (out of memory for order: the lists rt_timer_insert made stay) */
	rt->phase_now = base + RT_OVERDUE_SPAN;
	rt->rebased_at = base;
}

void rt_timers_resume_clock(rt_ctx *rt)
{
	rt_timers *t = &rt->timers;
	double d;
	size_t i;

	if (!(rt->rebased_at > 0))
		return;
	d = rt_now(rt) - rt->rebased_at;
	rt->rebased_at = 0;
	if (!(d > 0))
		return;
	/* the same shift for all: every order (heap, lists) stays */
	for (i = 0; i < t->n; i++)
		if (t->v[i].kind != WR_TIMER_IMMEDIATE)
			t->v[i].due += d;
	for (i = 0; i < t->nlheap; i++)
		t->lists[t->lheap[i]].expiry += d;
	rt->phase_now += d;
}

void rt_timers_free(rt_timers *t)
{
	free(t->v);
	free(t->lists);
	free(t->lheap);
	free(t->lfree);
	free(t->lkeys);
	free(t->ids);
	free(t->imm);
	memset(t, 0, sizeof *t);
}

/* drop entry i (an immediate's id stays queued until the queue reaches it);
 * its list stays, even empty */
static void rt_timer_remove_at(rt_timers *t, size_t i)
{
	size_t last = t->n - 1;

	id_del(t, t->v[i].id);
	if (t->v[i].kind == WR_TIMER_IMMEDIATE) {
		t->nimm--;
		if (t->imm_head < t->imm_n && t->imm[t->imm_head] == t->v[i].id)
			t->imm_head++;
	} else {
		timer_unlink(t, (uint32_t)i);
	}
	if (i != last) {
		rt_timer *m = &t->v[i];
		*m = t->v[last];
		t->ids[id_slot(t, m->id)] = (uint32_t)i;
		if (m->kind != WR_TIMER_IMMEDIATE && m->list != RT_NONE) {
			rt_tlist *l = &t->lists[m->list];
			if (m->prev != RT_NONE)
				t->v[m->prev].next = (uint32_t)i;
			else
				l->head = (uint32_t)i;
			if (m->next != RT_NONE)
				t->v[m->next].prev = (uint32_t)i;
			else
				l->tail = (uint32_t)i;
		}
	}
	t->n = last;
	if (t->imm_head == t->imm_n)
		t->imm_head = t->imm_n = 0;
}

/* drop entry i for good (a clear): a list it leaves empty goes too (Node's
 * unenroll) */
static void rt_timer_cancel(rt_timers *t, size_t i)
{
	int timer = t->v[i].kind != WR_TIMER_IMMEDIATE;
	double key = list_key(&t->v[i]);
	uint32_t li;

	rt_timer_remove_at(t, i);
	if (!timer)
		return;
	li = t->lkeys[key_slot(t, key)];
	if (li != RT_NONE && t->lists[li].head == RT_NONE)
		list_free(t, li);
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
		delay = floor(delay);   /* Node's MathTrunc(msecs): >= 1 here */
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

	if (!rt_timer_insert(rt, kind, id, delay, delay, seq)) {
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
		rt_timer_cancel(t, (size_t)(e - t->v));
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
	/* Node's processTimers(now) and listOnTimeout: the list of the
	 * earliest expiry (then the older one) runs its timers from the head
	 * while they are due at the phase's clock reading; the first that is not
	 * due makes it expire then, as the newest list. A timer set during the
	 * phase is due a millisecond on at least, so it waits for the next. */
	while (t->nlheap > 0) {
		uint32_t li = t->lheap[0];
		rt_tlist *l = &t->lists[li];
		rt_timer *h;

		if (l->expiry > now)
			return NULL;
		if (l->head == RT_NONE) {   /* its last timer ran */
			list_free(t, li);
			continue;
		}
		h = &t->v[l->head];
		if (h->due <= now)
			return h;
		l->expiry = h->due;
		l->lid = t->next_lid++;
		lheap_down(t, 0);
	}
	return NULL;
}

double rt_timers_earliest(const rt_ctx *rt)
{
	const rt_timers *t = &rt->timers;
	return t->nlheap ? t->lists[t->lheap[0]].expiry : -1;
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
	double id = e->id, start = 0;
	size_t i = (size_t)(e - t->v);
	int interval = e->kind == WR_TIMER_INTERVAL, rc;

	rt_push_timer_stash(ctx);
	rt_push_id_key(ctx, id);
	duk_get_prop(ctx, -2);           /* [ stash entry ] */
	if (interval) {
		/* out of its list while the callback runs (which may clear it);
		 * back at the end of the list after it, as Node's listOnTimeout
		 * does, due a period after the callback began */
		start = rt_now(rt);
		timer_unlink(t, (uint32_t)i);
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
			rt_timer_cancel(t, (size_t)(o - t->v));
		return 0;
	}
	rc = duk_safe_call(ctx, rt_timer_call, NULL, 1, 1);
	if (interval) {
		rt_timer *o = rt_timer_find(rt, id);
		if (o && o->kind == WR_TIMER_INTERVAL && o->list == RT_NONE) {
			o->due = start + o->period;
			o->seq = t->next_seq++;
			timer_link(t, (uint32_t)(o - t->v));
		}
	}
	if (rc != DUK_EXEC_SUCCESS) {
		rt_report_uncaught(rt, -1);
		duk_pop(ctx);
		return -1;
	}
	duk_pop(ctx);
	return 0;
}
