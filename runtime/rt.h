/*
 * runtime/rt.h -- runtime-internal declarations shared by the runtime/ sources
 * (prefix rt_). Not installed; ferry.h is the public face.
 *
 * One rt_ctx per process holds all mutable runtime state (no other globals
 * except the signal flag, which must be a sig_atomic_t).
 */
#ifndef FERRY_RT_H
#define FERRY_RT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <duktape.h>

#include "runtime/ferry.h"
#include "wire/wire.h"

/* the tagging helper's hidden keys ("\xFFs<site>") are in snap_impl.h */
/* global stash keys */
#define RT_STASH_TIMERS   "ferry.timers"    /* object: timer id -> [callback, args...] */
#define RT_STASH_BUILTINS "ferry.builtins"  /* baseline data for the snapshot walker */

/* ---- counting allocator (runtime/alloc.c) ---- */
typedef struct rt_alloc {
	size_t cur, peak, limit;   /* bytes; limit 0 = none */
	size_t nallocs;
	size_t refused;            /* allocations the limit refused */
} rt_alloc;

/* ---- timers (runtime/timers.c) ---- */
typedef struct rt_timer {
	double   id;        /* id handed to the program */
	uint32_t kind;      /* wr_tkind */
	uint32_t list;      /* timeouts, intervals: index into rt_timers.lists;
	                     * RT_TIMER_NONE while an interval's callback runs */
	uint32_t prev, next;/* neighbours in that list (indices into v) */
	double   due;       /* monotonic ms when due (timeouts, intervals) */
	double   period;    /* Node's duration: the delay of a timeout (0 in a
	                     * snapshot of an older build: unknown), an interval's period */
	uint64_t seq;       /* creation order; an interval's re-arming counts as creation */
} rt_timer;

#define RT_TIMER_NONE UINT32_MAX

/* Node's timer lists (lib/internal/timers.js): one FIFO list per duration,
 * in the order timers were (re)armed; a list becomes due at its expiry, the
 * due time of its first timer when it was made or last looked at. */
typedef struct rt_tlist {
	double   key;       /* the duration (a unique negative key for a timeout of unknown delay) */
	double   expiry;
	uint64_t lid;       /* Node's list id: ties on expiry go to the older list */
	uint32_t head, tail;/* indices into v, RT_TIMER_NONE when empty */
	uint32_t hpos;      /* position in rt_timers.lheap; RT_TIMER_NONE: a free slot */
} rt_tlist;

/* Every operation of the loop is O(1) or O(log n) in the pending entries:
 * the timer lists are in a binary heap by (expiry, lid), immediates in a
 * queue by seq; ids and durations are found through hash tables. */
typedef struct rt_timers {
	rt_timer *v;        /* pending timers and immediates (unordered) */
	size_t    n, cap;
	rt_tlist *lists;    /* room: cap + 1 (a list may stay empty while its
	                     * last timer's callback runs) */
	size_t    nlists;   /* slots used, free ones included */
	uint32_t *lfree;    /* free slots of lists */
	size_t    nlfree;
	uint32_t *lheap;    /* indices into lists, by (expiry, lid) */
	size_t    nlheap;
	uint32_t *lkeys;    /* key -> index into lists; linear probing, size nids */
	uint64_t  next_lid;
	uint32_t *ids;      /* id -> index into v; linear probing, UINT32_MAX free */
	size_t    nids;     /* a power of two, > 2 cap (0: none yet) */
	double   *imm;      /* ids of immediates by seq; cleared ones are skipped */
	size_t    imm_head, imm_n, imm_cap;
	size_t    nimm;     /* pending immediates */
	double    next_id;
	uint64_t  next_seq;
} rt_timers;

/* snapshot trigger options */
typedef struct rt_opts {
	const char *snapshot_to;      /* --snapshot-to FILE */
	long        after_turns;      /* --snapshot-after-turns N (-1 = off) */
	double      checkpoint_every; /* --checkpoint-every MS (0 = off) */
	const char *resume;           /* --resume FILE */
	size_t      max_heap;         /* --max-heap BYTES */
	size_t      max_snapshot;     /* --max-snapshot BYTES (0 = wire's default) */
	int         format;           /* wr_format for files */
	const char *listen;           /* --listen HOST:PORT */
	const char *migrate_to;       /* --migrate-to HOST:PORT */
	const char *key_file;         /* --key FILE */
	int         stats;            /* --stats: peak heap and turns on exit */
	int         argc;             /* program arguments (process.argv) */
	char      **argv;
} rt_opts;

typedef struct rt_ctx {
	const ferry_program *prog;
	duk_context *ctx;
	rt_alloc     alloc;
	rt_timers    timers;
	rt_opts      opts;
	long         turns;          /* event-loop turns run by this process */
	int          exit_code;
	int          exiting;        /* process.exit() called */
	double       clock_base;     /* monotonic ms at start */
	/* Where the loop stands, so a snapshot taken after any turn resumes in
	 * the same place: phase RT_PHASE_TIMERS runs the timers due at phase
	 * start (phase_now); RT_PHASE_CHECK runs the immediates whose
	 * seq < phase_seq (Node: immediates queued by an immediate run on the
	 * next iteration). A fresh start and a restore without this state use
	 * RT_PHASE_TIMERS with phase_seq = 0 (start a new iteration). */
	int          phase;
	uint64_t     phase_seq;
	double       phase_now;      /* rt_now() when the current timers phase began
	                              * (set by rt_timers_rebase before a resumed loop) */
	double       rebased_at;     /* rt_timers_rebase's clock reading, until the
	                              * resumed loop starts (0: none) */
	double       next_checkpoint; /* rt_now() ms of the next --checkpoint-every write */
	int          console_group;  /* console.group indentation, as console._groupIndent
	                              * says (console.c): 0 not read yet (a new or
	                              * resumed heap), 1 none, 2 some */
} rt_ctx;

enum { RT_PHASE_TIMERS = 0, RT_PHASE_CHECK = 1 };

extern volatile sig_atomic_t rt_snapshot_requested; /* set by SIGUSR1 */

/* ---- event loop and timers (runtime/loop.c, runtime/timers.c) ----
 * A timer's callback and arguments live in the global stash object
 * RT_STASH_TIMERS under the key String(id), as an array [callback, args...],
 * so they stay reachable and the snapshot walker can read them. */
double    rt_now(const rt_ctx *rt);               /* monotonic ms */
/* Pending from now on: due in delay_ms, at the end of the list of its
 * duration period_ms (a timeout's delay, an interval's period; 0 for an
 * immediate, or a timeout of unknown delay). NULL: the id is taken, or out
 * of memory. */
rt_timer *rt_timer_insert(rt_ctx *rt, uint32_t kind, double id, double delay_ms,
                          double period_ms, uint64_t seq);
/* The pending timer or immediate of that id, or NULL. */
rt_timer *rt_timer_find(rt_ctx *rt, double id);
/* The delays to save in a snapshot for the pending timers: rem[i] for
 * rt->timers.v[i] (>= 0; 0 for immediates), measured from `now`, one
 * rt_now() reading for the whole snapshot. The timers the rest of the
 * current timers phase would run get a delay below half a nanosecond that
 * encodes the order they run in, the other timers due by now one between
 * half and one nanosecond; rt_timers_rebase (after the restore) makes exactly
 * the first ones due at the resumed phase's start. O(n log n); -1 when out of
 * memory. */
int       rt_timers_remaining(const rt_ctx *rt, double now, double *rem);
/* After rt_restore: re-arm every restored timer from ONE clock reading
 * (due = now + its remaining delay in snap, matched by id), put the timer
 * lists together again (each in seq order, expiring when its first timer is
 * due), and make that reading the start of the resumed timers phase, so
 * relative order and phase membership are exactly those of the snapshot. ferry_main calls it after
 * --resume; call it after rt_restore wherever else a snapshot is restored
 * (--listen). */
void      rt_timers_rebase(rt_ctx *rt, const wr_snapshot *snap);
/* When the resumed loop starts: move every timer, and the phase's start, on
 * by the time since rt_timers_rebase, so the program does not see the work
 * in between (freeing the snapshot, acknowledging a migration) as time that
 * passed between two of its turns. */
void      rt_timers_resume_clock(rt_ctx *rt);

/* ---- snapshot and restore (runtime/snap_*.c, runtime/restore.c) ---- */
/* Install the tagging helper (P t) and hidden keys; record the built-in
 * baseline. Called once after the runtime's own globals exist and before the
 * program (or a restore) runs. 0 or -1 with err. */
int rt_snap_install(rt_ctx *rt, char *err, size_t errlen);
/* Walk the heap at an event-loop boundary into a model. On failure (an
 * unmigratable value) returns -1 and err names the value's path, e.g.
 * "global.app.handlers[2] (closure of app.js:41): eval, with or a write through
 * `arguments` makes its scope dynamic". */
int rt_snapshot_take(rt_ctx *rt, wr_snapshot **out, char *err, size_t errlen);
/* Rebuild the heap from a validated model (program hash and version are
 * checked here too) and re-arm its timers. 0 or -1 with err. */
int rt_restore(rt_ctx *rt, const wr_snapshot *snap, char *err, size_t errlen);

/* ---- over-the-air transfer (runtime/xfer.c) ----
 * At start, before anything runs: the form of --listen and --migrate-to
 * (RT_EXIT_USAGE) and that the --key file can be read (RT_EXIT_ERROR), so a
 * mistake is found then and not when the program is to move. 0 if fine,
 * else the exit status with err set. */
int rt_xfer_check_opts(const rt_opts *o, char *err, size_t errlen);
/*
 * --listen HOST:PORT: wait for a snapshot, verify it, rt_restore() it into
 * rt (whose heap and globals are set up, program not run), complete the
 * handshake, and return 0: the caller then runs the event loop. -1 with err:
 * the caller exits non-zero. */
int rt_xfer_listen(rt_ctx *rt, char *err, size_t errlen);
/* --migrate-to HOST:PORT: send a snapshot taken at a boundary. 0 = the
 * target took over: the caller exits 0 without running anything else.
 * -1 with err: the caller prints err and keeps running locally. */
int rt_xfer_send(rt_ctx *rt, const wr_snapshot *snap, char *err, size_t errlen);

#endif
