/*
 * runtime/console.c -- console.log/info/debug (stdout), console.warn/error
 * (stderr) and Duktape's customary print (the same function object as
 * console.log). Formatting is inspect.c's; every call writes one line and
 * flushes, so output survives a kill and interleaves predictably with a
 * migration.
 */
#include <stdio.h>

#include "runtime/rt_core.h"

static duk_ret_t rt_console_write(duk_context *ctx, FILE *f)
{
	duk_idx_t n = duk_get_top(ctx);
	duk_size_t len;
	const char *s;

	rt_format_args(ctx, 0, n);
	s = duk_get_lstring(ctx, -1, &len);
	if (f == stderr)
		fflush(stdout);
	fwrite(s, 1, len, f);
	fputc('\n', f);
	fflush(f);
	return 0;
}

static duk_ret_t rt_console_log(duk_context *ctx) { return rt_console_write(ctx, stdout); }
static duk_ret_t rt_console_error(duk_context *ctx) { return rt_console_write(ctx, stderr); }

int rt_console_install(duk_context *ctx)
{
	/* inspect.c needs the original Object.prototype.toString */
	duk_push_global_stash(ctx);
	duk_get_global_string(ctx, "Object");
	duk_get_prop_string(ctx, -1, "prototype");
	duk_get_prop_string(ctx, -1, "toString");
	duk_put_prop_string(ctx, -4, "ferry.toString");
	duk_pop_3(ctx);

	duk_push_global_object(ctx);
	duk_push_object(ctx);                               /* console */
	duk_push_c_function(ctx, rt_console_log, DUK_VARARGS);
	duk_push_string(ctx, "name");
	duk_push_string(ctx, "log");
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE);
	duk_dup_top(ctx);
	duk_put_prop_string(ctx, -4, "print");              /* print === console.log */
	duk_dup_top(ctx);
	duk_put_prop_string(ctx, -3, "info");
	duk_dup_top(ctx);
	duk_put_prop_string(ctx, -3, "debug");
	duk_put_prop_string(ctx, -2, "log");
	duk_push_c_function(ctx, rt_console_error, DUK_VARARGS);
	duk_push_string(ctx, "name");
	duk_push_string(ctx, "error");
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE);
	duk_dup_top(ctx);
	duk_put_prop_string(ctx, -3, "warn");
	duk_put_prop_string(ctx, -2, "error");
	duk_put_prop_string(ctx, -2, "console");
	duk_pop(ctx);
	return 0;
}
