/*
 * runtime/trigger.c -- snapshot triggers, honoured only at event-loop
 * boundaries (the loop calls rt_trigger_check between turns):
 *   SIGUSR1 (sets rt_snapshot_requested) and --snapshot-after-turns N:
 *     snapshot, then hand it over (--migrate-to) or write it (--snapshot-to)
 *     and exit 0; if the snapshot or the hand-over fails, print the one-line
 *     reason on stderr and keep running;
 *   --checkpoint-every MS: write a checkpoint to --snapshot-to, keep running.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "runtime/rt_core.h"
#include "runtime/snapfile.h"

volatile sig_atomic_t rt_snapshot_requested;

static void rt_on_sigusr1(int sig)
{
	(void)sig;
	rt_snapshot_requested = 1;
}

void rt_trigger_init(rt_ctx *rt)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = rt_on_sigusr1;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	(void)rt;
}

double rt_trigger_deadline(const rt_ctx *rt)
{
	return rt->opts.checkpoint_every > 0 ? rt->next_checkpoint : -1;
}

/* Take a snapshot and send or write it. 0 = done (the caller exits when
 * migrating), -1 = failed (reason printed, keep running). */
static int rt_take_and_ship(rt_ctx *rt, int migrating)
{
	char err[512];
	wr_snapshot *snap = NULL;
	int rc;

	if (!rt->opts.snapshot_to && !rt->opts.migrate_to) {
		fprintf(stderr, "ferry: snapshot requested but neither --snapshot-to nor "
		        "--migrate-to was given; still running\n");
		return -1;
	}
	err[0] = '\0';
	if (rt_snapshot_take(rt, &snap, err, sizeof err) < 0) {
		const char *why = err;
		if (strncmp(why, "snapshot: ", 10) == 0)
			why += 10;
		fflush(stdout);
		fprintf(stderr, "ferry: snapshot failed: %s%s; still running\n", why,
		        rt->prog && !rt->prog->instrumented
		        ? " (this executable was built with ferryc --plain: its functions "
		          "cannot be migrated)" : "");
		return -1;
	}
	if (migrating && rt->opts.migrate_to)
		rc = rt_xfer_send(rt, snap, err, sizeof err);
	else
		rc = rt_snapfile_write(rt, snap, rt->opts.snapshot_to, err, sizeof err);
	wr_snapshot_free(snap);
	if (rc < 0) {
		fflush(stdout);
		fprintf(stderr, "ferry: %s failed: %s; still running\n",
		        migrating && rt->opts.migrate_to ? "migration" : "writing the snapshot", err);
		return -1;
	}
	return 0;
}

int rt_trigger_check(rt_ctx *rt, int *status)
{
	int go = 0;

	if (rt->opts.after_turns >= 0 && rt->turns >= rt->opts.after_turns) {
		rt->opts.after_turns = -1;   /* one attempt; a failure keeps running */
		go = 1;
	}
	if (rt_snapshot_requested) {
		rt_snapshot_requested = 0;
		go = 1;
	}
	if (go && rt_take_and_ship(rt, 1) == 0) {
		*status = RT_EXIT_OK;
		return 1;
	}
	if (rt->opts.checkpoint_every > 0 && rt_now(rt) >= rt->next_checkpoint) {
		rt->next_checkpoint = rt_now(rt) + rt->opts.checkpoint_every;
		if (rt->opts.snapshot_to)
			(void)rt_take_and_ship(rt, 0);
	}
	return 0;
}
