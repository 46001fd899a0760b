/*
 * runtime/console.c -- console.log/info/debug (stdout), console.warn/error
 * (stderr), console.dir, console.assert and console.trace as Node's
 * (lib/internal/console/constructor.js), and Duktape's customary print (the
 * same function object as console.log). Formatting is inspect.c's; every
 * call writes its text and a newline and flushes, so output survives a kill
 * and interleaves predictably with a migration. Text leaves as UTF-8
 * (rt_write_text). count, time and group keep their state where a
 * snapshot finds it: in non-enumerable properties of the console object
 * (_counts, _times, _groupIndent; Node's console has _times too), so it
 * migrates with the program.
 */
#define _GNU_SOURCE 1   /* memmem */
#include <math.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

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

/* push the console object the runtime made (the program may replace the
 * global) */
static void rt_push_console(duk_context *ctx)
{
	duk_push_global_stash(ctx);
	duk_get_prop_string(ctx, -1, "ferry.console");
	duk_remove(ctx, -2);
}

/* push console's state property name (undefined if none) */
static void rt_push_state(duk_context *ctx, const char *name)
{
	rt_push_console(ctx);
	duk_get_prop_string(ctx, -1, name);
	duk_remove(ctx, -2);
}

/* console[name] = the value on the top (popped), not enumerable */
static void rt_put_state(duk_context *ctx, const char *name)
{
	rt_push_console(ctx);
	duk_push_string(ctx, name);
	duk_dup(ctx, -3);
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE |
	             DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_SET_CONFIGURABLE);
	duk_pop_2(ctx);
}

/* indent the string on the stack top by the console.group level, every
 * line of it, as Node does; the level is read from console._groupIndent
 * only while rt->console_group does not already say there is none */
static void rt_group_indent(duk_context *ctx, rt_ctx *rt)
{
	duk_size_t ilen = 0, i, n;
	const char *p;

	rt_push_state(ctx, "_groupIndent");
	if (duk_is_string(ctx, -1))
		duk_get_lstring(ctx, -1, &ilen);
	rt->console_group = ilen ? 2 : 1;
	if (!ilen) {
		duk_pop(ctx);
		return;
	}
	p = duk_get_lstring(ctx, -2, &n);
	duk_dup(ctx, -1);                    /* [ text indent out ] */
	for (i = 0; i < n; i++) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - p) + 1 : n;
		duk_push_lstring(ctx, p + i, e - i);
		duk_concat(ctx, 2);
		if (nl) {
			duk_dup(ctx, -2);
			duk_concat(ctx, 2);
		}
		i = e - 1;
	}
	duk_replace(ctx, -3);
	duk_pop(ctx);
}

/* Output that could not be written (a full disk, a closed descriptor) is
 * not lost in silence: the call throws Node's error for it, "ENOSPC: no
 * space left on device, write" with code, errno and syscall, so an
 * uncaught one ends the program with status 1, as under node. */
static void rt_write_failed(duk_context *ctx, FILE *f, int e)
{
	static const struct { int e; const char *code; } codes[] = {
		{ ENOSPC, "ENOSPC" }, { EPIPE, "EPIPE" }, { EIO, "EIO" }, { EBADF, "EBADF" },
		{ EFBIG, "EFBIG" }, { EDQUOT, "EDQUOT" }, { EAGAIN, "EAGAIN" }, { EINVAL, "EINVAL" },
	};
	const char *code = "EIO", *msg;
	char text[160];
	size_t i;

	clearerr(f);
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].e == e) {
			code = codes[i].code;
			break;
		}
	if (i == sizeof codes / sizeof codes[0])
		e = EIO;
	msg = strerror(e);
	snprintf(text, sizeof text, "%s: %c%s, write", code,
	         msg[0] >= 'A' && msg[0] <= 'Z' ? msg[0] - 'A' + 'a' : msg[0], msg[0] ? msg + 1 : "");
	/* no C file and line in its traceback: the program's frames only */
	duk_push_error_object_raw(ctx, DUK_ERR_ERROR, NULL, 0, "%s", text);
	duk_push_int(ctx, -e);
	duk_put_prop_literal(ctx, -2, "errno");
	duk_push_string(ctx, "write");
	duk_put_prop_literal(ctx, -2, "syscall");
	duk_push_string(ctx, code);
	duk_put_prop_literal(ctx, -2, "code");
	(void)duk_throw(ctx);
}

/* write the string on the stack top (indented) and a newline */
static void rt_console_put(duk_context *ctx, FILE *f)
{
	rt_ctx *rt = rt_from_ctx(ctx);
	duk_size_t len;
	const char *s;

	if (rt->console_group != 1)
		rt_group_indent(ctx, rt);
	s = duk_get_lstring(ctx, -1, &len);
	if (f == stderr)
		fflush(stdout);
	errno = 0;
	rt_write_text(f, s, len);
	fputc('\n', f);
	if (fflush(f) != 0 || ferror(f))
		rt_write_failed(ctx, f, errno ? errno : EIO);
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

/* the label argument (`${label}`, 'default' when absent), pushed */
static void rt_push_label(duk_context *ctx)
{
	if (duk_is_undefined(ctx, 0)) {
		duk_push_string(ctx, "default");
		return;
	}
	if (duk_is_symbol(ctx, 0))
		(void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "Cannot convert a Symbol value to a string");
	duk_dup(ctx, 0);
	duk_to_string(ctx, -1);
}

/* console's state object name (a bare object), made if absent */
static void rt_push_state_object(duk_context *ctx, const char *name)
{
	rt_push_state(ctx, name);
	if (!duk_is_object(ctx, -1)) {
		duk_pop(ctx);
		duk_push_bare_object(ctx);
		duk_dup_top(ctx);
		rt_put_state(ctx, name);
	}
}

/* Node's process.emitWarning, without the pid */
static void rt_console_warning(duk_context *ctx, const char *fmt, const char *label)
{
	fflush(stdout);
	fprintf(stderr, "Warning: ");
	fprintf(stderr, fmt, label);
	fputc('\n', stderr);
	fflush(stderr);
	(void)ctx;
}

/* console.count(label): "label: n" */
static duk_ret_t rt_console_count(duk_context *ctx)
{
	double n = 1;
	duk_set_top(ctx, 1);
	rt_push_label(ctx);                       /* 1 */
	rt_push_state_object(ctx, "_counts");     /* 2 */
	duk_dup(ctx, 1);
	if (duk_get_prop(ctx, 2))
		n = duk_to_number(ctx, -1) + 1;
	duk_pop(ctx);
	duk_dup(ctx, 1);
	duk_push_number(ctx, n);
	duk_put_prop(ctx, 2);
	duk_push_sprintf(ctx, "%s: ", duk_get_string(ctx, 1));
	duk_push_number(ctx, n);
	duk_to_string(ctx, -1);
	duk_concat(ctx, 2);
	rt_console_put(ctx, stdout);
	return 0;
}

static duk_ret_t rt_console_count_reset(duk_context *ctx)
{
	duk_set_top(ctx, 1);
	rt_push_label(ctx);
	rt_push_state_object(ctx, "_counts");
	duk_dup(ctx, 1);
	if (!duk_has_prop(ctx, 2)) {
		rt_console_warning(ctx, "Count for '%s' does not exist", duk_get_string(ctx, 1));
		return 0;
	}
	duk_dup(ctx, 1);
	duk_del_prop(ctx, 2);
	return 0;
}

/* console.group(...data): data as console.log, then two more spaces */
static duk_ret_t rt_console_group(duk_context *ctx)
{
	duk_idx_t n = duk_get_top(ctx);
	if (n > 0) {
		rt_format_args(ctx, 0, n);
		rt_console_put(ctx, stdout);
		duk_pop(ctx);
	}
	rt_push_state(ctx, "_groupIndent");
	if (!duk_is_string(ctx, -1)) {
		duk_pop(ctx);
		duk_push_string(ctx, "");
	}
	duk_push_string(ctx, "  ");
	duk_concat(ctx, 2);
	rt_put_state(ctx, "_groupIndent");
	rt_from_ctx(ctx)->console_group = 2;
	return 0;
}

static duk_ret_t rt_console_group_end(duk_context *ctx)
{
	duk_size_t n;
	rt_push_state(ctx, "_groupIndent");
	if (!duk_is_string(ctx, -1))
		return 0;
	n = duk_get_length(ctx, -1);
	duk_substring(ctx, -1, 0, n >= 2 ? n - 2 : 0);
	rt_put_state(ctx, "_groupIndent");
	rt_from_ctx(ctx)->console_group = n > 2 ? 2 : 1;
	return 0;
}

/* wall-clock milliseconds with their fraction: console.time's clock, which
 * means the same on the device a program migrates to */
static double rt_wall_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static duk_ret_t rt_console_time(duk_context *ctx)
{
	duk_set_top(ctx, 1);
	rt_push_label(ctx);
	rt_push_state_object(ctx, "_times");
	duk_dup(ctx, 1);
	if (duk_has_prop(ctx, 2)) {
		rt_console_warning(ctx, "Label '%s' already exists for console.time()",
		                   duk_get_string(ctx, 1));
		return 0;
	}
	duk_dup(ctx, 1);
	duk_push_number(ctx, rt_wall_ms());
	duk_put_prop(ctx, 2);
	return 0;
}

/* formatTime of Node's console */
static void rt_push_duration(duk_context *ctx, double ms)
{
	double hours = 0, minutes = 0, seconds = 0;
	char t[96];

	if (ms >= 1000) {
		if (ms >= 60000) {
			if (ms >= 3600000) {
				hours = floor(ms / 3600000);
				ms = fmod(ms, 3600000);
			}
			minutes = floor(ms / 60000);
			ms = fmod(ms, 60000);
		}
		seconds = ms / 1000;
	}
	if (hours != 0 || minutes != 0) {
		char sec[32];
		snprintf(sec, sizeof sec, "%06.3f", seconds);   /* pad(seconds) "." ms */
		if (hours != 0)
			snprintf(t, sizeof t, "%.0f:%02.0f:%s (h:mm:ss.mmm)", hours, minutes, sec);
		else
			snprintf(t, sizeof t, "%.0f:%s (m:ss.mmm)", minutes, sec);
		duk_push_string(ctx, t);
		return;
	}
	if (seconds != 0) {
		snprintf(t, sizeof t, "%.3fs", seconds);
		duk_push_string(ctx, t);
		return;
	}
	/* Number(ms.toFixed(3)) */
	duk_push_number(ctx, ms);
	duk_push_string(ctx, "toFixed");
	duk_push_int(ctx, 3);
	duk_call_prop(ctx, -3, 1);
	duk_to_number(ctx, -1);
	duk_to_string(ctx, -1);
	duk_remove(ctx, -2);
	duk_push_string(ctx, "ms");
	duk_concat(ctx, 2);
}

/* timeLogImpl: "label: duration" and the data, or a warning */
static int rt_time_log(duk_context *ctx, const char *name, int with_data)
{
	duk_idx_t n = duk_get_top(ctx), i;
	double start;

	if (n == 0) {
		duk_push_undefined(ctx);
		n = 1;
	}
	rt_push_label(ctx);                          /* n */
	rt_push_state_object(ctx, "_times");         /* n + 1 */
	duk_dup(ctx, n);
	if (!duk_get_prop(ctx, n + 1)) {
		duk_pop(ctx);
		fflush(stdout);
		fprintf(stderr, "Warning: No such label '%s' for console.%s()\n",
		        duk_get_string(ctx, n), name);
		fflush(stderr);
		return 0;
	}
	start = duk_to_number(ctx, -1);
	duk_pop(ctx);
	duk_push_string(ctx, "%s: %s");
	duk_dup(ctx, n);
	rt_push_duration(ctx, rt_wall_ms() - start);
	if (with_data)
		for (i = 1; i < n; i++)
			duk_dup(ctx, i);
	rt_format_args(ctx, n + 2, with_data ? n + 2 : 3);
	rt_console_put(ctx, stdout);
	duk_pop(ctx);
	return 1;
}

static duk_ret_t rt_console_time_end(duk_context *ctx)
{
	duk_set_top(ctx, 1);
	if (rt_time_log(ctx, "timeEnd", 0)) {
		duk_dup(ctx, 1);   /* the label */
		duk_del_prop(ctx, 2);
	}
	return 0;
}

static duk_ret_t rt_console_time_log(duk_context *ctx)
{
	rt_time_log(ctx, "timeLog", 1);
	return 0;
}

/* console[name] = a native function of that name */
static void rt_console_fn(duk_context *ctx, const char *name, duk_c_function fn)
{
	duk_push_c_function(ctx, fn, DUK_VARARGS);
	duk_push_string(ctx, "name");
	duk_push_string(ctx, name);
	duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE);
	duk_put_prop_string(ctx, -2, name);
}

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
	rt_console_fn(ctx, "dir", rt_console_dir);
	rt_console_fn(ctx, "assert", rt_console_assert);
	rt_console_fn(ctx, "trace", rt_console_trace);
	rt_console_fn(ctx, "count", rt_console_count);
	rt_console_fn(ctx, "countReset", rt_console_count_reset);
	rt_console_fn(ctx, "group", rt_console_group);
	rt_console_fn(ctx, "groupCollapsed", rt_console_group);
	rt_console_fn(ctx, "groupEnd", rt_console_group_end);
	rt_console_fn(ctx, "time", rt_console_time);
	rt_console_fn(ctx, "timeEnd", rt_console_time_end);
	rt_console_fn(ctx, "timeLog", rt_console_time_log);
	duk_push_global_stash(ctx);
	duk_dup(ctx, -2);
	duk_put_prop_string(ctx, -2, "ferry.console");
	duk_pop(ctx);
	duk_put_prop_string(ctx, -2, "console");
	duk_pop(ctx);
	return 0;
}
