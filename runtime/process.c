/*
 * runtime/process.c -- the `process` global: process.argv (the executable,
 * the program's file name, then the arguments after the runtime's options,
 * as Node's [node, script, ...args]) and process.exit(code), which ends the
 * process at once like Node's (pending timers are dropped; the status is
 * code & 0xff, or process.exitCode, or 0). Date.now is Duktape's own.
 */
#include <stdio.h>
#include <stdlib.h>

#include "runtime/rt_core.h"

static duk_ret_t rt_process_exit(duk_context *ctx)
{
	rt_ctx *rt = rt_from_ctx(ctx);
	int code = 0;

	if (duk_is_undefined(ctx, 0)) {
		duk_get_global_string(ctx, "process");
		if (duk_is_object(ctx, -1)) {
			duk_get_prop_string(ctx, -1, "exitCode");
			if (duk_is_number(ctx, -1))
				code = duk_get_int(ctx, -1);
		}
	} else {
		code = duk_to_int(ctx, 0);
	}
	rt->exit_code = code & 0xff;
	rt->exiting = 1;
	fflush(stdout);
	rt_print_stats(rt);
	fflush(stderr);
	/* Like Node: nothing else runs. The heap is not torn down (we are
	 * inside a call); the OS reclaims it. */
	exit(rt->exit_code);
	return 0;
}

int rt_process_install(rt_ctx *rt)
{
	duk_context *ctx = rt->ctx;
	int i;
	duk_uarridx_t k = 0;

	duk_push_global_object(ctx);
	duk_push_object(ctx);
	duk_push_c_function(ctx, rt_process_exit, 1);
	duk_put_prop_string(ctx, -2, "exit");
	duk_push_array(ctx);
	/* opts.argv[0] is the executable, opts.argv[1..] the program's args */
	duk_push_string(ctx, rt->opts.argc > 0 ? rt->opts.argv[0] : "ferry");
	duk_put_prop_index(ctx, -2, k++);
	duk_push_string(ctx, rt->prog && rt->prog->filename ? rt->prog->filename : "program");
	duk_put_prop_index(ctx, -2, k++);
	for (i = 1; i < rt->opts.argc; i++) {
		duk_push_string(ctx, rt->opts.argv[i]);
		duk_put_prop_index(ctx, -2, k++);
	}
	duk_put_prop_string(ctx, -2, "argv");
	duk_put_prop_string(ctx, -2, "process");
	duk_pop(ctx);
	return 0;
}
