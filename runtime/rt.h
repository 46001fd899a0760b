/*
 * runtime/rt.h -- runtime-internal declarations shared by runtime/*.c
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

/* hidden property keys set by the tagging helper (see doc/design.md) */
#define RT_KEY_SITE DUK_HIDDEN_SYMBOL("fsite")
#define RT_KEY_ENV  DUK_HIDDEN_SYMBOL("fenv")
/* global stash keys */
#define RT_STASH_TIMERS   "ferry.timers"    /* object: timer id -> [callback, args...] */
#define RT_STASH_BUILTINS "ferry.builtins"  /* baseline data for the snapshot walker */

/* ---- counting allocator (runtime/alloc.c) ---- */
typedef struct rt_alloc {
	size_t cur, peak, limit;   /* bytes; limit 0 = none */
	size_t nallocs;
} rt_alloc;

/* ---- timers (runtime/timers.c) ---- */
typedef struct rt_timer {
	double   id;        /* id handed to the program */
	uint32_t kind;      /* wr_tkind */
	double   due;       /* monotonic ms when due (timeouts, intervals) */
	double   period;    /* interval period ms */
	uint64_t seq;       /* creation order */
	int      cleared;
} rt_timer;

typedef struct rt_timers {
	rt_timer *v;        /* pending timers and immediates (unordered) */
	size_t    n, cap;
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
	int         format;           /* wr_format for files */
	const char *listen;           /* --listen HOST:PORT */
	const char *migrate_to;       /* --migrate-to HOST:PORT */
	const char *key_file;         /* --key FILE */
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
} rt_ctx;

extern volatile sig_atomic_t rt_snapshot_requested; /* set by SIGUSR1 */

#endif
