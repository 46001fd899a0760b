/*
 * runtime/loop.c -- the event loop: a monotonic clock, the two Node phases
 * (timers, then immediates) and idle waiting.
 *
 * One iteration, as Node does it for timers and immediates:
 *   timers phase: run the timeouts/intervals that are due at the phase's
 *     start time, in the order of Node's timer lists (timers.c); a timer
 *     set by one of them waits for the next iteration, even with delay 1;
 *   check phase: run the immediates queued before the phase began, in
 *     order; an immediate queued by an immediate runs on the next iteration.
 * If nothing is pending after the check phase the loop ends; if no immediate
 * is pending it sleeps (ppoll with SIGUSR1 unblocked only while waiting, so a
 * signal is never lost) until the earliest timer or checkpoint is due.
 *
 * Every callback is one turn. Between two turns the JavaScript stack is
 * empty: that boundary is where snapshot triggers are honoured
 * (rt_trigger_check), with the phase state kept in rt_ctx so a snapshot
 * taken after any turn resumes in the same place.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <time.h>

#include "runtime/rt_core.h"

double rt_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

double rt_now(const rt_ctx *rt)
{
	return rt_clock_ms() - rt->clock_base;
}

/* Sleep until monotonic ms `until` (relative to clock_base) or a signal. */
static void rt_wait_until(rt_ctx *rt, double until)
{
	sigset_t usr1, old;
	struct timespec ts;
	double ms = until - rt_now(rt);

	if (ms <= 0)
		return;
	if (ms > 86400000.0)
		ms = 86400000.0;
	ts.tv_sec = (time_t)(ms / 1000.0);
	ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1000.0) * 1e6);
	if (ts.tv_nsec >= 1000000000L)
		ts.tv_nsec = 999999999L;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old);
	if (!rt_snapshot_requested) {
		sigset_t during = old;
		sigdelset(&during, SIGUSR1);
		if (ppoll(NULL, 0, &ts, &during) < 0 && errno != EINTR)
			nanosleep(&ts, NULL);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static int rt_exit_code(rt_ctx *rt)
{
	duk_context *ctx = rt->ctx;
	int code = rt->exit_code;

	/* process.exitCode, as Node honours it when the loop drains */
	duk_get_global_string(ctx, "process");
	if (duk_is_object(ctx, -1)) {
		duk_get_prop_string(ctx, -1, "exitCode");
		if (duk_is_number(ctx, -1))
			code = (int)duk_get_int(ctx, -1) & 0xff;
		duk_pop(ctx);
	}
	duk_pop(ctx);
	return code;
}

int rt_loop_run(rt_ctx *rt, int resumed)
{
	int status;

	/* a resumed loop continues the phase that rt_timers_rebase started */
	if (resumed)
		rt_timers_resume_clock(rt);
	if (!resumed || !(rt->phase_now > 0))
		rt->phase_now = rt_now(rt);
	if (rt->phase_seq == 0) {
		rt->phase = RT_PHASE_TIMERS;
		rt->phase_seq = rt->timers.next_seq;
	}
	for (;;) {
		rt_timer *t;

		if (rt_trigger_check(rt, &status))
			return status;
		t = rt_timers_next(rt, rt->phase, rt->phase_seq, rt->phase_now);
		if (t) {
			int rc = rt_timer_fire(rt, t);
			rt->turns++;
			if (rc < 0)
				return RT_EXIT_ERROR;
			continue;
		}
		if (rt->phase == RT_PHASE_TIMERS) {
			rt->phase = RT_PHASE_CHECK;
			rt->phase_seq = rt->timers.next_seq;
			continue;
		}
		/* end of an iteration */
		if (rt->timers.n == 0)
			return rt_exit_code(rt);
		if (!rt_timers_have_immediates(rt)) {
			double until = rt_timers_earliest(rt);
			double cp = rt_trigger_deadline(rt);
			if (cp >= 0 && (until < 0 || cp < until))
				until = cp;
			if (until >= 0)
				rt_wait_until(rt, until);
		}
		rt->phase_now = rt_now(rt);
		rt->phase = RT_PHASE_TIMERS;
		rt->phase_seq = rt->timers.next_seq;
	}
}
