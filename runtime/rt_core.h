/*
 * runtime/rt_core.h -- declarations private to the runtime core (heap,
 * allocator, event loop, timers, console, process, options): the files
 * main.c, heap.c, alloc.c, loop.c, timers.c, console.c, inspect.c,
 * process.c. The snapshot and transfer code use rt.h only.
 */
#ifndef FERRY_RT_CORE_H
#define FERRY_RT_CORE_H

#include <stdio.h>
#include "runtime/rt.h"

/* exit statuses of the device executable (documented in ferry-app.1) */
enum {
	RT_EXIT_OK = 0,
	RT_EXIT_ERROR = 1,   /* uncaught error, failed resume, compile error */
	RT_EXIT_USAGE = 2,   /* bad command line */
	RT_EXIT_FATAL = 3    /* Duktape fatal error (e.g. out of memory inside the VM) */
};

/* stash key of the rt_ctx pointer (so natives find their context) */
#define RT_STASH_CTX "ferry.ctx"

/* alloc.c: Duktape allocation functions; udata is the rt_alloc. */
void *rt_alloc_fn(void *udata, duk_size_t size);
void *rt_realloc_fn(void *udata, void *ptr, duk_size_t size);
void  rt_free_fn(void *udata, void *ptr);

/* heap.c */
int  rt_heap_open(rt_ctx *rt, char *err, size_t errlen);  /* heap + globals */
void rt_heap_close(rt_ctx *rt);
rt_ctx *rt_from_ctx(duk_context *ctx);
/* Run the program's top level. 0, or -1 after reporting the error. */
int  rt_run_program(rt_ctx *rt);
/* Report the value at the stack top as an uncaught error (stderr). */
void rt_report_uncaught(rt_ctx *rt, duk_idx_t idx);

/* timers.c */
int  rt_timers_install(duk_context *ctx);
void rt_timers_free(rt_timers *t);
/* Pick the next callback of the current phase, or NULL. */
rt_timer *rt_timers_next(rt_ctx *rt, int phase, uint64_t below_seq, double now);
/* Run one timer's callback (one turn). 0, or -1 if it threw (reported). */
int  rt_timer_fire(rt_ctx *rt, rt_timer *t);
/* Earliest due time of a pending timeout/interval (-1 if none), and whether
 * immediates are pending. */
double rt_timers_earliest(const rt_ctx *rt);
int    rt_timers_have_immediates(const rt_ctx *rt);

/* loop.c */
double rt_clock_ms(void);   /* raw monotonic clock in ms */
/* Run the loop until nothing is pending, process.exit, an uncaught error or
 * a migration; resumed: after a restore (keeps rt->phase_now). Returns the
 * process exit status. */
int rt_loop_run(rt_ctx *rt, int resumed);

/* console.c / inspect.c */
int rt_console_install(duk_context *ctx);
/* Write Duktape string bytes as UTF-8 (surrogate pairs joined). */
void rt_write_text(FILE *f, const char *s, size_t n);
/* Format the values at [first, first+n) as console.log does (util.format
 * rules); pushes the result string. */
void rt_format_args(duk_context *ctx, duk_idx_t first, duk_idx_t n);
/* Push a readable rendering of the value at idx (util.inspect-like). */
void rt_inspect(duk_context *ctx, duk_idx_t idx);
/* The same with util.inspect's depth (-1: only the outer braces) and
 * showHidden options. */
void rt_inspect_with(duk_context *ctx, duk_idx_t idx, int depth, int show_hidden);

/* process.c */
int rt_process_install(rt_ctx *rt);

/* snapshot triggers (trigger.c) */
void rt_trigger_init(rt_ctx *rt);   /* installs the SIGUSR1 handler */
/* Called at every boundary. Returns 1 when the process must exit with
 * *status (migrated / snapshot written), 0 to keep running. */
int  rt_trigger_check(rt_ctx *rt, int *status);
/* Earliest time (monotonic ms) a periodic checkpoint is due, -1 if none. */
double rt_trigger_deadline(const rt_ctx *rt);

/* main.c helpers */
void rt_print_stats(const rt_ctx *rt);

#endif
