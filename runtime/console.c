/*
 * runtime/console.c -- console.log/info/debug (stdout), console.warn/error
 * (stderr), console.dir, console.assert and console.trace as Node's
 * (lib/internal/console/constructor.js), and Duktape's customary print (the
 * same function object as console.log). Formatting is inspect.c's; every
 * call writes its text and a newline and flushes, so output survives a kill
 * and interleaves predictably with a migration. Text leaves as UTF-8
 * (rt_write_text). The console keeps no state of its own (no count, time
 * or group), so there is nothing of it to migrate.
 */
#define _GNU_SOURCE 1   /* memmem */
#include <stdio.h>
#include <string.h>

#include "runtime/rt_core.h"

/* Duktape keeps a character outside the BMP as a surrogate pair, each half
 * encoded on its own (CESU-8: ED A0..AF xx ED B0..BF xx), which is not
 * UTF-8. Write a pair as the 4-byte UTF-8 of its code point and a lone
 * surrogate as U+FFFD, as Node does; all other bytes pass unchanged. */
void rt_write_text(FILE *f, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n, *q;

	while ((q = memchr(p, 0xED, (size_t)(e - p))) != NULL) {
		unsigned long hi, lo, cp;
		if (e - q < 3 || q[1] < 0xA0 || q[1] > 0xBF || (q[2] & 0xC0) != 0x80) {
			fwrite(p, 1, (size_t)(q + 1 - p), f);   /* not a surrogate */
			p = q + 1;
			continue;
		}
		fwrite(p, 1, (size_t)(q - p), f);
		hi = ((unsigned long)(q[1] & 0x3F) << 6) | (q[2] & 0x3F);   /* 0x800.. of 0xD000 */
		if (q[1] <= 0xAF && e - q >= 6 && q[3] == 0xED && q[4] >= 0xB0 && q[4] <= 0xBF &&
		    (q[5] & 0xC0) == 0x80) {
			unsigned char u[4];
			lo = ((unsigned long)(q[4] & 0x3F) << 6) | (q[5] & 0x3F);
			cp = 0x10000 + ((hi - 0x800) << 10) + (lo - 0xC00);
			u[0] = (unsigned char)(0xF0 | (cp >> 18));
			u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
			u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
			u[3] = (unsigned char)(0x80 | (cp & 0x3F));
			fwrite(u, 1, 4, f);
			p = q + 6;
		} else {
			fwrite("\xEF\xBF\xBD", 1, 3, f);
			p = q + 3;
		}
	}
	fwrite(p, 1, (size_t)(e - p), f);
}

/* write the string on the stack top and a newline */
static void rt_console_put(duk_context *ctx, FILE *f)
{
	duk_size_t len;
	const char *s = duk_get_lstring(ctx, -1, &len);

	if (f == stderr)
		fflush(stdout);
	rt_write_text(f, s, len);
	fputc('\n', f);
	fflush(f);
}

static duk_ret_t rt_console_write(duk_context *ctx, FILE *f)
{
	rt_format_args(ctx, 0, duk_get_top(ctx));
	rt_console_put(ctx, f);
	return 0;
}

/* console.dir(value, options): inspect(value, options) on stdout, strings
 * quoted; the options Ferry knows are depth (null: no limit) and showHidden */
static duk_ret_t rt_console_dir(duk_context *ctx)
{
	int depth = 2, hidden = 0;

	duk_set_top(ctx, 2);
	if (duk_is_object(ctx, 1)) {
		duk_get_prop_string(ctx, 1, "depth");
		if (duk_is_null(ctx, -1)) {
			depth = 1000000;
		} else if (duk_is_number(ctx, -1)) {
			double d = duk_get_number(ctx, -1);
			depth = d > 1000000 ? 1000000 : d < -1 ? -1 : (int)d;
		}
		duk_get_prop_string(ctx, 1, "showHidden");
		hidden = duk_to_boolean(ctx, -1);
		duk_pop_2(ctx);
	}
	rt_inspect_with(ctx, 0, depth, hidden);
	rt_console_put(ctx, stdout);
	return 0;
}

/* console.assert(value, ...args): when value is falsy, console.warn of
 * args with "Assertion failed: " before the first (which is still a format
 * string), or "Assertion failed" alone */
static duk_ret_t rt_console_assert(duk_context *ctx)
{
	duk_idx_t n = duk_get_top(ctx);

	if (n > 0) {
		duk_dup(ctx, 0);
		if (duk_to_boolean(ctx, -1))
			return 0;
		duk_pop(ctx);
	}
	if (n <= 1) {
		duk_push_string(ctx, "Assertion failed");
		rt_format_args(ctx, -1, 1);
	} else {
		duk_push_string(ctx, "Assertion failed: ");
		duk_dup(ctx, 1);
		if (duk_is_symbol(ctx, -1))   /* as a template literal does */
			return duk_error(ctx, DUK_ERR_TYPE_ERROR, "Cannot convert a Symbol value to a string");
		duk_to_string(ctx, -1);
		duk_concat(ctx, 2);
		duk_replace(ctx, 1);
		rt_format_args(ctx, 1, n - 1);
	}
	rt_console_put(ctx, stderr);
	return 0;
}

/* console.trace(...args): "Trace: " and the formatted args, then the stack
 * frames of the caller (Duktape's text), on stderr */
static duk_ret_t rt_console_trace(duk_context *ctx)
{
	duk_size_t len, i = 0;
	const char *st;

	rt_format_args(ctx, 0, duk_get_top(ctx));
	duk_push_string(ctx, duk_get_length(ctx, -1) ? "Trace: " : "Trace");
	duk_swap(ctx, -1, -2);
	duk_push_error_object(ctx, DUK_ERR_ERROR, "trace");
	duk_get_prop_string(ctx, -1, "stack");
	duk_remove(ctx, -2);
	st = duk_safe_to_lstring(ctx, -1, &len);
	/* drop the first line (the error's), the frame of the Duktape code
	 * that made the error and the one of this native function, as
	 * Error.captureStackTrace(err, trace) does */
	while (i < len && st[i] != '\n')
		i++;
	for (;;) {
		const char *line = st + i, *nl;
		size_t ln;
		if (i >= len)
			break;
		nl = memchr(line + 1, '\n', len - i - 1);
		ln = nl ? (size_t)(nl - line) : len - i;
		if (!(memmem(line, ln, " native", 7) && memmem(line, ln, "at trace ", 9)) &&
		    !(ln >= 10 && memcmp(line + ln - 10, ") internal", 10) == 0))
			break;
		i += ln;
	}
	duk_push_lstring(ctx, st + i, len - i);
	duk_remove(ctx, -2);
	duk_concat(ctx, 3);
	rt_console_put(ctx, stderr);
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
	duk_pop_2(ctx);
	/* and the original parseInt and parseFloat (%i, %f) */
	duk_get_global_string(ctx, "parseInt");
	duk_put_prop_string(ctx, -2, "ferry.parseInt");
	duk_get_global_string(ctx, "parseFloat");
	duk_put_prop_string(ctx, -2, "ferry.parseFloat");
	duk_pop(ctx);

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
	duk_push_c_function(ctx, rt_console_dir, DUK_VARARGS);
	duk_push_string(ctx, "name");
	duk_push_string(ctx, "dir");
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE);
	duk_put_prop_string(ctx, -2, "dir");
	duk_push_c_function(ctx, rt_console_assert, DUK_VARARGS);
	duk_push_string(ctx, "name");
	duk_push_string(ctx, "assert");
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE);
	duk_put_prop_string(ctx, -2, "assert");
	duk_push_c_function(ctx, rt_console_trace, DUK_VARARGS);
	duk_push_string(ctx, "name");
	duk_push_string(ctx, "trace");
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE);
	duk_put_prop_string(ctx, -2, "trace");
	duk_put_prop_string(ctx, -2, "console");
	duk_pop(ctx);
	return 0;
}
