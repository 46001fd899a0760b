/*
 * tests/duk_run.c -- a tiny Duktape runner for the parser's round-trip test:
 * runs one script file with print() and console.log() (arguments converted
 * with String() and joined by spaces, one line each) and a virtual-time
 * event loop (setTimeout, setInterval, setImmediate and their clear
 * functions: callbacks run in order of due time, then creation, without
 * waiting), which runs after the script. An uncaught error is
 * printed to stdout as "uncaught: <String(error)>" and exits 1, so that the
 * original and the re-printed program can be compared by their output alone.
 * `--compile-only` only compiles (exit 0, or the SyntaxError and exit 1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <duktape.h>

static duk_ret_t
do_print(duk_context *ctx)
{
	duk_idx_t i, n = duk_get_top(ctx);

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(' ', stdout);
		fputs(duk_safe_to_string(ctx, i), stdout);
	}
	fputc('\n', stdout);
	return 0;
}

/* The event loop, in JavaScript: a list of timers and a virtual clock. */
static const char prelude[] =
"(function (g) {\n"
"  var q = [], seq = 0, now = 0;\n"
"  function def(name, fn) {\n"
"    Object.defineProperty(g, name, { value: fn, writable: true, configurable: true, enumerable: false });\n"
"  }\n"
"  function add(fn, d, args, rep) {\n"
"    d = Math.max(1, d | 0);\n"
"    var t = { id: ++seq, fn: fn, at: now + d, d: d, args: args, rep: rep, seq: seq };\n"
"    q.push(t);\n"
"    return t.id;\n"
"  }\n"
"  function clear(id) {\n"
"    for (var i = 0; i < q.length; i++) if (q[i].id === id) { q.splice(i, 1); return; }\n"
"  }\n"
"  def('setTimeout', function (fn, d) { return add(fn, d, [].slice.call(arguments, 2), false); });\n"
"  def('setInterval', function (fn, d) { return add(fn, d, [].slice.call(arguments, 2), true); });\n"
"  def('setImmediate', function (fn) { return add(fn, 0, [].slice.call(arguments, 1), false); });\n"
"  def('clearTimeout', clear);\n"
"  def('clearInterval', clear);\n"
"  def('clearImmediate', clear);\n"
"  def('__duk_run_loop', function () {\n"
"    var steps = 0;\n"
"    while (q.length > 0 && steps++ < 1000000) {\n"
"      var best = 0;\n"
"      for (var i = 1; i < q.length; i++)\n"
"        if (q[i].at < q[best].at || (q[i].at === q[best].at && q[i].seq < q[best].seq)) best = i;\n"
"      var t = q[best];\n"
"      if (!t.rep) q.splice(best, 1); else { t.at += t.d; t.seq = ++seq; }\n"
"      now = Math.max(now, t.at - (t.rep ? t.d : 0));\n"
"      t.fn.apply(null, t.args);\n"
"    }\n"
"  });\n"
"})(this);\n";

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

int
main(int argc, char **argv)
{
	duk_context *ctx;
	const char *path;
	char *src;
	size_t len;
	int compile_only = 0, rc = 0;

	if (argc == 3 && strcmp(argv[1], "--compile-only") == 0) {
		compile_only = 1;
		path = argv[2];
	} else if (argc == 2) {
		path = argv[1];
	} else {
		fputs("usage: duk_run [--compile-only] FILE.js\n", stderr);
		return 2;
	}
	src = slurp(path, &len);
	if (src == NULL) {
		perror(path);
		return 2;
	}
	ctx = duk_create_heap_default();
	if (ctx == NULL)
		return 2;
	duk_push_c_function(ctx, do_print, DUK_VARARGS);
	duk_put_global_string(ctx, "print");
	duk_push_object(ctx);
	duk_push_c_function(ctx, do_print, DUK_VARARGS);
	duk_put_prop_string(ctx, -2, "log");
	duk_push_c_function(ctx, do_print, DUK_VARARGS);
	duk_put_prop_string(ctx, -2, "error");
	duk_put_global_string(ctx, "console");

	if (duk_peval_string(ctx, prelude) != 0) {
		printf("prelude: %s\n", duk_safe_to_string(ctx, -1));
		return 2;
	}
	duk_pop(ctx);
	duk_push_lstring(ctx, src, len);
	duk_push_string(ctx, path);
	if (duk_pcompile(ctx, 0) != 0) {
		printf("uncaught: %s\n", duk_safe_to_string(ctx, -1));
		rc = 1;
	} else if (!compile_only) {
		if (duk_pcall(ctx, 0) != 0) {
			printf("uncaught: %s\n", duk_safe_to_string(ctx, -1));
			rc = 1;
		} else {
			duk_pop(ctx);
			duk_get_global_string(ctx, "__duk_run_loop");
			if (duk_pcall(ctx, 0) != 0) {
				printf("uncaught: %s\n", duk_safe_to_string(ctx, -1));
				rc = 1;
			}
		}
	}
	fflush(stdout);
	duk_destroy_heap(ctx);
	free(src);
	return rc;
}
