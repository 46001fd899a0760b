/*
 * runtime/heap.c -- the Duktape heap of one device process: creation with
 * the counting allocator and a fatal handler, the runtime's globals
 * (console, print, timers, process), running the program's top level, and
 * reporting uncaught errors.
 *
 * Every native finds its rt_ctx through the heap's allocator udata (the
 * rt_alloc embedded in rt_ctx), so there is no global context pointer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "runtime/rt_core.h"

static void rt_fatal(void *udata, const char *msg)
{
	rt_alloc *a = udata;

	fflush(stdout);
	fprintf(stderr, "ferry: fatal error: %s", msg ? msg : "(no message)");
	if (a && a->limit && a->peak + 4096 >= a->limit)
		fprintf(stderr, " (heap limit %zu bytes reached)", a->limit);
	fputc('\n', stderr);
	exit(RT_EXIT_FATAL);
}

rt_ctx *rt_from_ctx(duk_context *ctx)
{
	duk_memory_functions mf;

	duk_get_memory_functions(ctx, &mf);
	return (rt_ctx *)(void *)((char *)mf.udata - offsetof(rt_ctx, alloc));
}

static duk_ret_t rt_install_globals(duk_context *ctx, void *udata)
{
	rt_ctx *rt = udata;
	rt_console_install(ctx);
	rt_timers_install(ctx);
	rt_process_install(rt);
	return 0;
}

int rt_heap_open(rt_ctx *rt, char *err, size_t errlen)
{
	duk_context *ctx;

	/* --max-heap applies from ferry_main, once the runtime is set up:
	 * Duktape 2.7 recurses without bound when an allocation fails inside
	 * duk_create_heap, and a half-installed runtime helps nobody */
	rt->alloc.limit = 0;
	rt->ctx = ctx = duk_create_heap(rt_alloc_fn, rt_realloc_fn, rt_free_fn,
	                                &rt->alloc, rt_fatal);
	if (!ctx) {
		snprintf(err, errlen, "cannot create the JavaScript heap: out of memory");
		return -1;
	}
	rt->clock_base = rt_clock_ms();
	/* protected: with a small --max-heap the installs can run out of memory */
	if (duk_safe_call(ctx, rt_install_globals, rt, 0, 1) != DUK_EXEC_SUCCESS) {
		snprintf(err, errlen, "cannot set up the runtime's globals: %s",
		         duk_safe_to_string(ctx, -1));
		duk_pop(ctx);
		return -1;
	}
	duk_pop(ctx);
	return 0;
}

void rt_heap_close(rt_ctx *rt)
{
	if (rt->ctx)
		duk_destroy_heap(rt->ctx);
	rt->ctx = NULL;
	rt_timers_free(&rt->timers);
}

/* [ err ] -> [ err text ]: the error's stack if it is an Error with one,
 * else its inspect() rendering. May throw (getters), hence the safe call. */
static duk_ret_t rt_uncaught_text(duk_context *ctx, void *udata)
{
	(void)udata;
	if (duk_is_error(ctx, -1)) {
		duk_get_prop_string(ctx, -1, "stack");
		if (duk_is_string(ctx, -1))
			return 1;
		duk_pop(ctx);
	}
	rt_inspect(ctx, -1);
	return 1;
}

/* "    at [anon] (duk_hobject_props.c:2621) internal": the place inside
 * Duktape's C code where the error object was made. It names no file of the
 * user's, so the report leaves it out; the user's frames follow it. */
static int rt_internal_frame(const char *l, size_t n)
{
	static const char pre[] = "    at ", suf[] = ") internal";
	size_t i;

	if (n < sizeof pre + sizeof suf || memcmp(l, pre, sizeof pre - 1) != 0 ||
	    memcmp(l + n - (sizeof suf - 1), suf, sizeof suf - 1) != 0)
		return 0;
	for (i = 0; i + 5 <= n; i++)
		if (memcmp(l + i, "(duk_", 5) == 0)
			return 1;
	return 0;
}

/* the text, less Duktape-internal frames after its first line */
static void rt_write_report(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (s + i)) : len - i;

		if (i == 0 || !rt_internal_frame(s + i, n))
			rt_write_text(stderr, s + i, nl ? n + 1 : n);
		i += nl ? n + 1 : n;
	}
}

void rt_report_uncaught(rt_ctx *rt, duk_idx_t idx)
{
	duk_context *ctx = rt->ctx;

	fflush(stdout);
	duk_dup(ctx, idx);
	if (duk_safe_call(ctx, rt_uncaught_text, NULL, 1, 1) == DUK_EXEC_SUCCESS) {
		duk_size_t len;
		const char *s = duk_get_lstring(ctx, -1, &len);
		fputs("Uncaught ", stderr);
		if (s)
			rt_write_report(s, len);
		fputc('\n', stderr);
	} else
		fprintf(stderr, "Uncaught exception (its text could not be formatted: %s)\n",
		        duk_safe_to_string(ctx, -1));
	duk_pop(ctx);
	fflush(stderr);
}

int rt_run_program(rt_ctx *rt)
{
	duk_context *ctx = rt->ctx;
	const ferry_program *p = rt->prog;
	int rc;

	if (p->code_is_bytecode) {
		void *buf = duk_push_fixed_buffer(ctx, p->code_len);
		memcpy(buf, p->code, p->code_len);
		duk_load_function(ctx);
		rc = 0;
	} else {
		duk_push_string(ctx, p->filename ? p->filename : "program");
		rc = duk_pcompile_lstring_filename(ctx, 0, (const char *)p->code, p->code_len);
	}
	if (rc != 0) {
		fflush(stdout);
		fprintf(stderr, "%s: %s\n", p->filename ? p->filename : "program",
		        duk_safe_to_string(ctx, -1));
		duk_pop(ctx);
		return -1;
	}
	/* this = the global object, also in strict code (ES5 10.4.1.1) */
	duk_push_global_object(ctx);
	if (duk_pcall_method(ctx, 0) != DUK_EXEC_SUCCESS) {
		rt_report_uncaught(rt, -1);
		duk_pop(ctx);
		return -1;
	}
	duk_pop(ctx);
	return 0;
}
