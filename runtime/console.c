/*
 * runtime/console.c -- console.log/info/debug (stdout), console.warn/error
 * (stderr) and Duktape's customary print (the same function object as
 * console.log). Formatting is inspect.c's; every call writes one line and
 * flushes, so output survives a kill and interleaves predictably with a
 * migration. Text leaves as UTF-8 (rt_write_text).
 */
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

static duk_ret_t rt_console_write(duk_context *ctx, FILE *f)
{
	duk_idx_t n = duk_get_top(ctx);
	duk_size_t len;
	const char *s;

	rt_format_args(ctx, 0, n);
	s = duk_get_lstring(ctx, -1, &len);
	if (f == stderr)
		fflush(stdout);
	rt_write_text(f, s, len);
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
	duk_put_prop_string(ctx, -2, "console");
	duk_pop(ctx);
	return 0;
}
