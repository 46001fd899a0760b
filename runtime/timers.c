/*
 * runtime/timers.c -- setTimeout, setInterval, setImmediate and the clear*
 * functions, and the pending-callback table the event loop runs from.
 *
 * Node semantics kept: a delay that is not a number in [1, 2^31-1] becomes
 * 1 ms (so setTimeout(f, 0) is setTimeout(f, 1)); extra arguments are passed
 * to the callback; ids are numbers (1, 2, ...) shared by all three kinds;
 * clearTimeout and clearInterval cancel either timer kind, clearImmediate
 * only immediates. Ordering (due time, then creation order) is chosen by the
 * loop (loop.c) through rt_timers_next.
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

rt_timer *rt_timer_insert(rt_ctx *rt, uint32_t kind, double id, double delay_ms,
                          double period_ms, uint64_t seq)
{
	rt_timers *t = &rt->timers;
	rt_timer *e;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		rt_timer *v = realloc(t->v, cap * sizeof *v);
		if (!v)
			return NULL;
		t->v = v;
		t->cap = cap;
	}
	e = &t->v[t->n++];
	e->id = id;
	e->kind = kind;
	/* a negative delay (a restored overdue timer) keeps how overdue it is,
	 * so overdue timers still run by due time */
	e->due = kind == WR_TIMER_IMMEDIATE ? 0 : rt_now(rt) + (isfinite(delay_ms) ? delay_ms : 0);
	e->period = period_ms;
	e->seq = seq;
	e->cleared = 0;
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

double rt_timer_remaining(const rt_ctx *rt, const rt_timer *t, double now)
{
	const rt_timers *ts = &rt->timers;
	size_t i, rank = 0, count = 0;
	double late = now + 2 * RT_OVERDUE_SPAN;
	int overdue;

	if (t->kind == WR_TIMER_IMMEDIATE)
		return 0;
	if (now < rt->phase_now)
		now = rt->phase_now;
	if (t->due > late)
		return t->due - now;
	overdue = t->due <= rt->phase_now;
	for (i = 0; i < ts->n; i++) {
		const rt_timer *o = &ts->v[i];
		if (o->kind == WR_TIMER_IMMEDIATE || o->cleared || o->due > late ||
		    (o->due <= rt->phase_now) != overdue)
			continue;
		count++;
		if (rt_timer_before(o, t))
			rank++;
	}
	return RT_OVERDUE_SPAN * ((overdue ? 0.0 : 1.0) + (double)(rank + 1) / (double)(count + 1));
}

void rt_timers_rebase(rt_ctx *rt, const wr_snapshot *snap)
{
	rt_timers *t = &rt->timers;
	double base = rt_now(rt);
	size_t i;
	uint32_t j;

	/* restore inserts the snapshot's timers in its order, so entry i is
	 * usually snap->timers[i]: linear in the common case, quadratic only
	 * if something else reordered them */
	for (i = 0; i < t->n; i++) {
		const wr_timer *w = NULL;
		if (t->v[i].kind == WR_TIMER_IMMEDIATE)
			continue;
		if (i < snap->ntimers && snap->timers[i].id == t->v[i].id &&
		    snap->timers[i].kind == t->v[i].kind)
			w = &snap->timers[i];
		for (j = 0; !w && j < snap->ntimers; j++)
			if (snap->timers[j].id == t->v[i].id && snap->timers[j].kind == t->v[i].kind)
				w = &snap->timers[j];
		if (w && isfinite(w->remaining))
			t->v[i].due = base + w->remaining;
	}
	rt->phase_now = base + RT_OVERDUE_SPAN;
}

void rt_timers_free(rt_timers *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

static void rt_timer_remove_at(rt_timers *t, size_t i)
{
	t->v[i] = t->v[--t->n];
}

/* setTimeout/setInterval/setImmediate: [cb, (delay,) args...] */
static duk_ret_t rt_schedule(duk_context *ctx, uint32_t kind)
{
	rt_ctx *rt = rt_from_ctx(ctx);
	duk_idx_t n = duk_get_top(ctx), first_arg, i;
	double delay = 0, id;
	uint64_t seq;

	if (!duk_is_function(ctx, 0))
		return duk_error(ctx, DUK_ERR_TYPE_ERROR,
		                 "The \"callback\" argument must be of type function");
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
	duk_push_array(ctx);
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
	double id;
	size_t i;

	if (!duk_is_number(ctx, 0))
		return 0;   /* Node ignores anything that is not a timer */
	id = duk_get_number(ctx, 0);
	for (i = 0; i < t->n; i++) {
		int is_imm = t->v[i].kind == WR_TIMER_IMMEDIATE;
		if (t->v[i].id == id && is_imm == immediate) {
			rt_timer_remove_at(t, i);
			rt_push_timer_stash(ctx);
			rt_push_id_key(ctx, id);
			duk_del_prop(ctx, -2);
			break;
		}
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

	for (i = 0; i < t->n; i++) {
		rt_timer *e = &t->v[i];
		if (e->seq >= below_seq)
			continue;
		if (phase == RT_PHASE_CHECK) {
			if (e->kind != WR_TIMER_IMMEDIATE)
				continue;
			if (!best || e->seq < best->seq)
				best = e;
		} else {
			if (e->kind == WR_TIMER_IMMEDIATE || e->due > now)
				continue;
			if (!best || e->due < best->due ||
			    (e->due == best->due && e->seq < best->seq))
				best = e;
		}
	}
	return best;
}

double rt_timers_earliest(const rt_ctx *rt)
{
	const rt_timers *t = &rt->timers;
	double best = -1;
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->v[i].kind != WR_TIMER_IMMEDIATE && (best < 0 || t->v[i].due < best))
			best = t->v[i].due;
	return best;
}

int rt_timers_have_immediates(const rt_ctx *rt)
{
	size_t i;
	for (i = 0; i < rt->timers.n; i++)
		if (rt->timers.v[i].kind == WR_TIMER_IMMEDIATE)
			return 1;
	return 0;
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
	} else {
		rt_timer_remove_at(t, i);
		rt_push_id_key(ctx, id);
		duk_del_prop(ctx, -3);
	}
	duk_remove(ctx, -2);             /* [ entry ] */
	if (!duk_is_array(ctx, -1)) {
		/* no callback entry (a damaged stash): drop the timer for good,
		 * or an interval would tick forever doing nothing */
		size_t k;
		duk_pop(ctx);
		for (k = 0; k < t->n; k++)
			if (t->v[k].id == id && t->v[k].kind != WR_TIMER_IMMEDIATE) {
				rt_timer_remove_at(t, k);
				break;
			}
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
