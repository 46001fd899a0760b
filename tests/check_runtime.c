/*
 * tests/check_runtime.c -- unit tests of the device runtime core through
 * its embedding API: the counting allocator, and ferry_main run on small
 * programs (in a forked child whose stdout/stderr go to temporary files)
 * for timer order, console formatting, process.exit, uncaught errors,
 * --max-heap and option errors.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/rt_core.h"

/* ---- allocator ---- */

START_TEST(alloc_counts)
{
	rt_alloc a = { 0, 0, 0, 0 };
	void *p = rt_alloc_fn(&a, 100), *q;
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(a.cur, 100);
	q = rt_alloc_fn(&a, 50);
	ck_assert_uint_eq(a.cur, 150);
	ck_assert_uint_eq(a.peak, 150);
	p = rt_realloc_fn(&a, p, 300);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(a.cur, 350);
	p = rt_realloc_fn(&a, p, 10);
	ck_assert_uint_eq(a.cur, 60);
	ck_assert_uint_eq(a.peak, 350);
	rt_free_fn(&a, p);
	rt_free_fn(&a, q);
	rt_free_fn(&a, NULL);
	ck_assert_uint_eq(a.cur, 0);
	ck_assert_uint_eq(a.nallocs, 2);
	ck_assert_ptr_null(rt_alloc_fn(&a, 0));
	p = rt_realloc_fn(&a, NULL, 8);     /* realloc(NULL) = alloc */
	ck_assert_uint_eq(a.cur, 8);
	ck_assert_ptr_null(rt_realloc_fn(&a, p, 0));   /* realloc(p, 0) = free */
	ck_assert_uint_eq(a.cur, 0);
}
END_TEST

START_TEST(alloc_limit)
{
	rt_alloc a = { 0, 0, 1000, 0 };
	void *p = rt_alloc_fn(&a, 600), *q;
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_null(rt_alloc_fn(&a, 401));        /* over the limit */
	ck_assert_uint_eq(a.cur, 600);
	q = rt_alloc_fn(&a, 400);                          /* exactly at it */
	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_null(rt_realloc_fn(&a, p, 601));   /* growing fails ... */
	ck_assert_uint_eq(a.cur, 1000);                   /* ... and p stays */
	((char *)p)[599] = 'x';
	p = rt_realloc_fn(&a, p, 100);                     /* shrinking works */
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(a.cur, 500);
	ck_assert_ptr_null(rt_alloc_fn(&a, (size_t)-1));  /* no overflow */
	ck_assert_ptr_null(rt_alloc_fn(&a, (size_t)-1 - 8));
	rt_free_fn(&a, p);
	rt_free_fn(&a, q);
	ck_assert_uint_eq(a.cur, 0);
	ck_assert_uint_eq(a.peak, 1000);
}
END_TEST

/* ---- running programs ---- */

typedef struct run_result {
	int status;
	char out[65536];
	char err[65536];
} run_result;

static void slurp(const char *path, char *buf, size_t cap)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0;
	if (f) {
		n = fread(buf, 1, cap - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
	unlink(path);
}

/* Run src through ferry_main with the given extra options (NULL-ended). */
static void run_js(run_result *r, const char *src, const char *const *opts)
{
	char outp[] = "/tmp/ferry-ckrt-out.XXXXXX", errp[] = "/tmp/ferry-ckrt-err.XXXXXX";
	int fo = mkstemp(outp), fe = mkstemp(errp), st;
	pid_t pid;

	ck_assert_int_ge(fo, 0);
	ck_assert_int_ge(fe, 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		ferry_program prog;
		char *argv[32];
		int argc = 0;
		memset(&prog, 0, sizeof prog);
		prog.abi = FERRY_ABI_VERSION;
		prog.filename = "test.js";
		prog.prefix = "$F";
		prog.code = (const unsigned char *)src;
		prog.code_len = strlen(src);
		argv[argc++] = (char *)"app";
		while (opts && *opts && argc < 31)
			argv[argc++] = (char *)*opts++;
		argv[argc] = NULL;
		dup2(fo, 1);
		dup2(fe, 2);
		st = ferry_main(&prog, argc, argv);
		fflush(stdout);
		fflush(stderr);
		_exit(st);
	}
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFEXITED(st));
	r->status = WEXITSTATUS(st);
	close(fo);
	close(fe);
	slurp(outp, r->out, sizeof r->out);
	slurp(errp, r->err, sizeof r->err);
}

static run_result R;

#define RUN(src) run_js(&R, (src), NULL)

START_TEST(timers_due_then_creation)
{
	/* 30 timers over 3 delays, created in an interleaved order: they must
	 * come out grouped by delay, each group in creation order */
	RUN("var d = [240, 80, 160];"
	    "for (var i = 0; i < 30; i++) (function (i) {"
	    "  setTimeout(function () { print(d[i % 3] + ':' + i); }, d[i % 3]);"
	    "})(i);");
	ck_assert_int_eq(R.status, 0);
	ck_assert_str_eq(R.out,
	    "80:1\n80:4\n80:7\n80:10\n80:13\n80:16\n80:19\n80:22\n80:25\n80:28\n"
	    "160:2\n160:5\n160:8\n160:11\n160:14\n160:17\n160:20\n160:23\n160:26\n160:29\n"
	    "240:0\n240:3\n240:6\n240:9\n240:12\n240:15\n240:18\n240:21\n240:24\n240:27\n");
}
END_TEST

START_TEST(timers_many_with_clears)
{
	/* thousands of pending entries, cleared from the middle, from the front
	 * (the next one due) and before they were reached: what is left runs in
	 * creation order (equal delays: due times follow creation), checked in
	 * the program against the same rules replayed in order */
	RUN("var N = 3000, M = 500, got = [], gotImm = [], ids = [], imm = [], i;"
	    "function fire(i) { got.push(i); if (i % 7 === 0) clearTimeout(ids[i + 1]); }"
	    "function fireImm(j) { gotImm.push(j); if (j % 4 === 1) clearImmediate(imm[j + 2]); }"
	    "for (i = 0; i < N; i++) ids.push(setTimeout(fire, 40, i));"
	    "for (i = 0; i < N; i += 3) clearTimeout(ids[i]);"
	    "for (i = 0; i < M; i++) imm.push(setImmediate(fireImm, i));"
	    "for (i = 0; i < M; i += 5) clearImmediate(imm[i]);"
	    "var iv = setInterval(function () { got.push('iv'); clearInterval(iv); }, 40);"
	    "function replay(n, first, step, skipNext) {"
	    "  var out = [], gone = {}, k;"
	    "  for (k = 0; k < n; k += first) gone[k] = 1;"
	    "  for (k = 0; k < n; k++) if (!gone[k]) { out.push(k); if (k % step === skipNext) gone[k + (skipNext ? 2 : 1)] = 1; }"
	    "  return out.join();"
	    "}"
	    "setTimeout(function () {"
	    "  print(got.length, got[got.length - 1], got.slice(0, -1).join() === replay(N, 3, 7, 0));"
	    "  print(gotImm.length, gotImm.join() === replay(M, 5, 4, 1));"
	    "}, 400);");
	ck_assert_int_eq(R.status, 0);
	ck_assert_str_eq(R.out, "1858 iv true\n325 true\n");
}
END_TEST

START_TEST(timers_immediate_before_new_timeout)
{
	RUN("setTimeout(function () {"
	    "  setTimeout(function () { print('timeout'); }, 0);"
	    "  setImmediate(function () { print('immediate'); });"
	    "}, 1);");
	ck_assert_str_eq(R.out, "immediate\ntimeout\n");
}
END_TEST

START_TEST(timers_immediates_in_order)
{
	RUN("for (var i = 0; i < 5; i++) setImmediate(function (n) { print('i' + n); }, i);"
	    "var c = setImmediate(function () { print('cleared'); });"
	    "clearImmediate(c); clearTimeout(c + 1000);");
	ck_assert_str_eq(R.out, "i0\ni1\ni2\ni3\ni4\n");
}
END_TEST

START_TEST(timers_args_and_this)
{
	RUN("'use strict'; setTimeout(function (a, b, c) {"
	    "  print(a, b, c, this === undefined, arguments.length); }, 1, 1, 'two', [3]);"
	    "var iv = setInterval(function () { print('iv'); clearInterval(iv); }, 1);"
	    "print(typeof setTimeout(function(){}, 1));");
	ck_assert_str_eq(R.out, "number\n1 two [ 3 ] true 3\niv\n");
}
END_TEST

START_TEST(timers_reject_non_function)
{
	RUN("try { setTimeout('print(1)', 1); } catch (e) { print(e.name); }");
	ck_assert_str_eq(R.out, "TypeError\n");
	ck_assert_int_eq(R.status, 0);
}
END_TEST

START_TEST(timers_interval_nested_clamp)
{
	/* an interval keeps its period; a timer set from a callback with 0 ms
	 * runs as 1 ms, after the immediates of the same iteration */
	RUN("var n = 0, iv = setInterval(function () {"
	    "  n++; print('tick', n);"
	    "  if (n === 2) { clearInterval(iv);"
	    "    setTimeout(function () { print('later'); }, 0);"
	    "    setImmediate(function () { print('sooner'); }); }"
	    "}, 20);");
	ck_assert_str_eq(R.out, "tick 1\ntick 2\nsooner\nlater\n");
}
END_TEST

static const struct { const char *expr, *want; } fmt_cases[] = {
	{ "'s'", "s" },
	{ "'a', 'b'", "a b" },
	{ "-0", "-0" },
	{ "0.1 + 0.2", "0.30000000000000004" },
	{ "[1, [2, [3, [4]]]]", "[ 1, [ 2, [ 3, [Array] ] ] ]" },
	{ "{a: 'x', b: [1, 2], 'c d': null}", "{ a: 'x', b: [ 1, 2 ], 'c d': null }" },
	{ "[,1,,]", "[ <1 empty item>, 1, <1 empty item> ]" },
	{ "function f() {}", "[Function: f]" },
	{ "new Error('m').message", "m" },
	{ "{e: (function () { var e = new Error('m'); e.stack = 'Error: m'; return e; })()}",
	  "{ e: [Error: m] }" },
	{ "'%s:%d', 'a', 7", "a:7" },
	{ "'%j', {a: [1]}", "{\"a\":[1]}" },
	{ "'100%%', 1", "100% 1" },
	{ "'100%%'", "100%%" },   /* a lone format string is not formatted (Node) */
	{ "'%x', 1", "%x 1" },
	{ "'str', 'q'", "str q" },
	{ "['q\\'s']", "[ \"q's\" ]" },
	{ "{'': 1}", "{ '': 1 }" },
	{ "Object.create(null)", "[Object: null prototype] {}" },
	{ "new (function Foo() { this.a = 1; })()", "Foo { a: 1 }" },
	{ "{x: undefined, y: function () {}}", "{ x: undefined, y: [Function (anonymous)] }" },
	{ "[1, 2, 3, 4, 5, 6, 7]", "[\n  1, 2, 3, 4,\n  5, 6, 7\n]" },
	{ "{a: {b: {c: {}}}}", "{ a: { b: { c: {} } } }" },
	{ "(function () { var o = {}; o.o = o; return o; })()", "<ref *1> { o: [Circular *1] }" },
};

START_TEST(console_formats)
{
	char src[512], want[512];
	snprintf(src, sizeof src, "console.log(%s);", fmt_cases[_i].expr);
	RUN(src);
	snprintf(want, sizeof want, "%s\n", fmt_cases[_i].want);
	ck_assert_int_eq(R.status, 0);
	ck_assert_str_eq(R.out, want);
}
END_TEST

START_TEST(console_streams)
{
	RUN("console.log('o1'); console.error('e1'); console.warn('e2'); console.info('o2');"
	    "console.debug('o3');");
	ck_assert_str_eq(R.out, "o1\no2\no3\n");
	ck_assert_str_eq(R.err, "e1\ne2\n");
}
END_TEST

START_TEST(console_getter_not_called)
{
	RUN("var o = { get boom() { throw new Error('called'); } }; console.log(o);");
	ck_assert_int_eq(R.status, 0);
	ck_assert_str_eq(R.out, "{ boom: [Getter] }\n");
}
END_TEST

/* holes are counted from the indices present, not one by one: an array's
 * length can be 2^32 - 1 (a snapshot sets it as it likes) */
START_TEST(console_sparse_array)
{
	RUN("var a = [1, 2]; a.length = 4294967295; a[4294967294] = 'z'; Array.prototype[3000] = 'p';"
	    "var b = []; b.length = 4294967295; console.log(a, [b]);");
	ck_assert_int_eq(R.status, 0);
	ck_assert_str_eq(R.out, "[ 1, 2, <2998 empty items>, 'p', <4294964293 empty items>, 'z' ] "
	                 "[ [ <3000 empty items>, 'p', <4294964294 empty items> ] ]\n");
}
END_TEST

START_TEST(process_exit_stops)
{
	RUN("print('a'); setTimeout(function () { print('never'); }, 1);"
	    "try { process.exit(9); } finally { print('never either'); }");
	ck_assert_int_eq(R.status, 9);
	ck_assert_str_eq(R.out, "a\n");
}
END_TEST

START_TEST(process_exit_default_and_mask)
{
	RUN("process.exit();");
	ck_assert_int_eq(R.status, 0);
	RUN("process.exit(256 + 3);");
	ck_assert_int_eq(R.status, 3);
	RUN("process.exitCode = 6; process.exit();");
	ck_assert_int_eq(R.status, 6);
}
END_TEST

START_TEST(process_argv)
{
	static const char *const opts[] = { "--", "x", "--not-an-option", NULL };
	run_js(&R, "print(JSON.stringify(process.argv));", opts);
	ck_assert_str_eq(R.out, "[\"app\",\"test.js\",\"x\",\"--not-an-option\"]\n");
}
END_TEST

START_TEST(top_level_this)
{
	RUN("'use strict'; print(typeof this, this === Function('return this')());");
	ck_assert_str_eq(R.out, "object true\n");
	RUN("print(typeof this, this.setTimeout === setTimeout);");
	ck_assert_str_eq(R.out, "object true\n");
}
END_TEST

START_TEST(uncaught_top_level)
{
	RUN("print('a');\nthrow new Error('boom');");
	ck_assert_int_eq(R.status, 1);
	ck_assert_str_eq(R.out, "a\n");
	ck_assert_msg(strncmp(R.err, "Uncaught Error: boom\n    at global (test.js:2)", 45) == 0,
	              "stderr: %s", R.err);
}
END_TEST

START_TEST(uncaught_in_callback_stops_loop)
{
	RUN("setImmediate(function () { null.x; });"
	    "setTimeout(function () { print('never'); }, 10);");
	ck_assert_int_eq(R.status, 1);
	ck_assert_str_eq(R.out, "");
	ck_assert_msg(strstr(R.err, "Uncaught TypeError") == R.err, "stderr: %s", R.err);
}
END_TEST

START_TEST(syntax_error)
{
	RUN("var = 1;");
	ck_assert_int_eq(R.status, 1);
	ck_assert_msg(strncmp(R.err, "test.js: SyntaxError", 20) == 0, "stderr: %s", R.err);
}
END_TEST

START_TEST(max_heap_catchable)
{
	static const char *const opts[] = { "--max-heap", "400k", "--stats", NULL };
	run_js(&R, "var a = []; try { for (;;) a.push([a.length, {}]); }"
	           "catch (e) { a = null; print('caught', e instanceof Error); }", opts);
	ck_assert_int_eq(R.status, 0);
	ck_assert_str_eq(R.out, "caught true\n");
	ck_assert_msg(strstr(R.err, "ferry-stats: peak_heap_bytes=") != NULL, "stderr: %s", R.err);
	{
		size_t peak = strtoul(strstr(R.err, "=") + 1, NULL, 10);
		ck_assert_uint_le(peak, 400 * 1024);
		ck_assert_uint_gt(peak, 300 * 1024);
	}
}
END_TEST

START_TEST(max_heap_uncaught)
{
	/* above what the runtime needs at start (about 360 KB), so that the
	 * program itself runs out */
	static const char *const opts[] = { "--max-heap", "600000", NULL };
	run_js(&R, "var s = 'x'; for (;;) s = s + s;", opts);
	ck_assert_int_eq(R.status, 1);
	ck_assert_msg(strncmp(R.err, "Uncaught ", 9) == 0 && strstr(R.err, "alloc failed") != NULL,
	              "stderr: %s", R.err);
}
END_TEST

START_TEST(max_heap_too_small)
{
	static const char *const opts[] = { "--max-heap", "1000", NULL };
	static const char want[] = "app: cannot create the JavaScript heap within --max-heap 1000 bytes "
	                           "(the runtime needs ";
	run_js(&R, "print('never');", opts);
	ck_assert_int_eq(R.status, 1);
	ck_assert_str_eq(R.out, "");
	ck_assert_msg(strncmp(R.err, want, sizeof want - 1) == 0, "stderr: %s", R.err);
	ck_assert_msg(strchr(R.err, '\n') == R.err + strlen(R.err) - 1, "not one line: %s", R.err);
}
END_TEST

static const struct { const char *a, *b, *c; const char *msg; } bad_opts[] = {
	{ "--bogus", NULL, NULL, "unknown option '--bogus'" },
	{ "--max-heap", "lots", NULL, "--max-heap: 'lots' is not a size" },
	{ "--max-heap", "-5", NULL, "is not a size" },
	{ "--max-heap", "99999999999999999999", NULL, "is not a size" },
	{ "--snapshot-after-turns", "3", NULL, "needs --snapshot-to" },
	{ "--snapshot-after-turns", "x", NULL, "is not a count" },
	{ "--checkpoint-every", "0", NULL, "from 1 to 2147483647" },
	{ "--key", "k", NULL, "--key needs --listen HOST:PORT or --migrate-to" },
	{ "--checkpoint-every", "50", NULL, "needs --snapshot-to" },
	{ "--snapshot-format", "xml", NULL, "not json or msgpack" },
	{ "--snapshot-format", "msgpack", NULL, "--snapshot-format needs --snapshot-to FILE" },
	{ "--resume=", NULL, NULL, "--resume: empty file name" },
	{ "--snapshot-to", NULL, NULL, "needs a value" },
	{ "--stats=1", NULL, NULL, "takes no value" },
	{ "--resume", "a", "--listen=b", "cannot be combined" },
	{ "-x", NULL, NULL, "unknown option '-x' (program arguments that start with '-' go after --)" },
	{ "--snapshot-to", "/nonexistent-dir/s.json", NULL, "directory /nonexistent-dir does not exist" },
	{ "--snapshot-to", "/", NULL, "is a directory" },
	{ "--snapshot-to=", NULL, NULL, "empty file name" },
};

START_TEST(options_rejected)
{
	const char *opts[4] = { bad_opts[_i].a, bad_opts[_i].b, bad_opts[_i].c, NULL };
	if (!opts[1])
		opts[2] = NULL;
	run_js(&R, "print('ran');", opts);
	ck_assert_int_eq(R.status, 2);
	ck_assert_str_eq(R.out, "");
	ck_assert_msg(strstr(R.err, bad_opts[_i].msg) != NULL, "stderr: %s", R.err);
}
END_TEST

START_TEST(options_help_version)
{
	static const char *const help[] = { "--help", NULL };
	static const char *const h[] = { "-h", NULL };
	static const char *const ver[] = { "--version", NULL };
	static const char *const eq[] = { "--max-heap=1m", "--snapshot-to=/dev/null",
	                                  "--snapshot-format=msgpack", "--", NULL };
	run_js(&R, "print('ran');", help);
	ck_assert_int_eq(R.status, 0);
	ck_assert_msg(strncmp(R.out, "Usage: app [OPTION]", 19) == 0, "%s", R.out);
	ck_assert_msg(strstr(R.out, "--snapshot-after-turns N") != NULL, "%s", R.out);
	run_js(&R, "print('ran');", h);
	ck_assert_int_eq(R.status, 0);
	ck_assert_msg(strncmp(R.out, "Usage: app [OPTION]", 19) == 0, "%s", R.out);
	run_js(&R, "print('ran');", ver);
	ck_assert_int_eq(R.status, 0);
	ck_assert_msg(strstr(R.out, "Duktape 2.7") != NULL, "%s", R.out);
	run_js(&R, "print('ran');", eq);
	ck_assert_int_eq(R.status, 0);
	ck_assert_str_eq(R.out, "ran\n");
}
END_TEST

START_TEST(abi_mismatch)
{
	ferry_program prog;
	char *argv[] = { (char *)"app", NULL };
	memset(&prog, 0, sizeof prog);
	prog.abi = FERRY_ABI_VERSION + 1;
	ck_assert_int_eq(ferry_main(&prog, 1, argv), RT_EXIT_USAGE);
}
END_TEST

START_TEST(sigusr1_without_destination)
{
	/* the snapshot request is refused with a message; the program goes on */
	RUN("setTimeout(function () { print('done'); }, 1);");
	ck_assert_int_eq(R.status, 0);
	ck_assert_str_eq(R.out, "done\n");
}
END_TEST

static Suite *runtime_suite(void)
{
	Suite *s = suite_create("runtime");
	TCase *tc;

	tc = tcase_create("alloc");
	tcase_add_test(tc, alloc_counts);
	tcase_add_test(tc, alloc_limit);
	suite_add_tcase(s, tc);

	tc = tcase_create("timers");
	tcase_add_test(tc, timers_due_then_creation);
	tcase_add_test(tc, timers_many_with_clears);
	tcase_add_test(tc, timers_immediate_before_new_timeout);
	tcase_add_test(tc, timers_immediates_in_order);
	tcase_add_test(tc, timers_args_and_this);
	tcase_add_test(tc, timers_reject_non_function);
	tcase_add_test(tc, timers_interval_nested_clamp);
	suite_add_tcase(s, tc);

	tc = tcase_create("console");
	tcase_add_loop_test(tc, console_formats, 0, (int)(sizeof fmt_cases / sizeof fmt_cases[0]));
	tcase_add_test(tc, console_streams);
	tcase_add_test(tc, console_getter_not_called);
	tcase_add_test(tc, console_sparse_array);
	suite_add_tcase(s, tc);

	tc = tcase_create("process");
	tcase_add_test(tc, process_exit_stops);
	tcase_add_test(tc, process_exit_default_and_mask);
	tcase_add_test(tc, process_argv);
	tcase_add_test(tc, top_level_this);
	tcase_add_test(tc, uncaught_top_level);
	tcase_add_test(tc, uncaught_in_callback_stops_loop);
	tcase_add_test(tc, syntax_error);
	suite_add_tcase(s, tc);

	tc = tcase_create("heap");
	tcase_add_test(tc, max_heap_catchable);
	tcase_add_test(tc, max_heap_uncaught);
	tcase_add_test(tc, max_heap_too_small);
	suite_add_tcase(s, tc);

	tc = tcase_create("options");
	tcase_add_loop_test(tc, options_rejected, 0, (int)(sizeof bad_opts / sizeof bad_opts[0]));
	tcase_add_test(tc, options_help_version);
	tcase_add_test(tc, abi_mismatch);
	tcase_add_test(tc, sigusr1_without_destination);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(runtime_suite());
	int failed;
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
