/*
 * bench/snapshot_bench.c -- snapshot and restore cost against Duktape's own
 * JSON.stringify / JSON.parse of the same plain data graph, measured in the
 * same process (issue 5, performance).
 *
 * For each target live-heap size (10 KB .. 10 MB) a program-like data graph
 * (records with strings, numbers, nested objects and arrays, shared
 * references) is built in a device heap (rt_heap_open + rt_snap_install, as
 * ferry_main does). Then, best of N:
 *   stringify  JSON.stringify(data)                      (heap -> text)
 *   parse      JSON.parse(text)                          (text -> heap)
 *   snapshot   rt_snapshot_take + wr_json_write          (heap -> bytes)
 *   restore    wr_json_read + rt_restore in a fresh heap (bytes -> heap)
 * plus the walk and restore alone, the msgpack size, and snapshot bytes per
 * live heap byte (live = allocator bytes the data graph holds).
 *
 *   snapshot_bench [--quick] [--md FILE] [--dat FILE]
 *   snapshot_bench --records N    one graph of N records, one run of each
 *                                 step, for callgrind: the steps are the
 *                                 functions sb_stringify and rt_snapshot_take
 *                                 (bench/snapshot_profile.sh)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/rt_core.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);   /* CPU time: robust on a loaded machine */
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static ferry_program prog;

static rt_ctx *heap_new(void)
{
	char err[256];
	rt_ctx *rt = calloc(1, sizeof *rt);
	if (!rt)
		exit(2);
	rt->prog = &prog;
	rt->opts.after_turns = -1;
	if (rt_heap_open(rt, err, sizeof err) != 0 || rt_snap_install(rt, err, sizeof err) != 0) {
		fprintf(stderr, "snapshot_bench: %s\n", err);
		exit(2);
	}
	return rt;
}

static void heap_free(rt_ctx *rt)
{
	rt_heap_close(rt);
	free(rt);
}

/* the data graph: n records, some sharing a tag list and a parent */
static const char build_js[] =
	"(function (n) {\n"
	"  var shared = ['sensor', 'room', 'floor'];\n"
	"  var data = { name: 'site', records: [], index: {} };\n"
	"  for (var i = 0; i < n; i++) {\n"
	"    var r = { id: i, label: 'reading-' + i, value: i * 1.25, ok: i % 3 !== 0,\n"
	"              tags: i % 2 ? shared : ['t' + i, 'x'], pos: { x: i % 17, y: -i, z: 0.5 } };\n"
	"    data.records.push(r);\n"
	"    if (i % 10 === 0) data.index['k' + i] = i;\n"
	"  }\n"
	"  this.data = data;\n"
	"})";

static void build(rt_ctx *rt, long n)
{
	duk_context *ctx = rt->ctx;
	if (duk_peval_string(ctx, build_js) != 0) {
		fprintf(stderr, "snapshot_bench: %s\n", duk_safe_to_string(ctx, -1));
		exit(2);
	}
	duk_push_global_object(ctx);
	duk_push_number(ctx, (double)n);
	if (duk_pcall_method(ctx, 1) != 0) {
		fprintf(stderr, "snapshot_bench: %s\n", duk_safe_to_string(ctx, -1));
		exit(2);
	}
	duk_pop(ctx);
}

typedef struct result {
	size_t live, json_bytes, mp_bytes, text_bytes, objects, props;
	long records;
	double stringify, parse, snapshot, walk, restore, restore_only;
} result;

/* JSON.stringify(data) with [stringify data] on the stack: a function of
 * its own so that callgrind can count it (--toggle-collect=sb_stringify) */
__attribute__((noinline)) void sb_stringify(duk_context *ctx);
__attribute__((noinline)) void sb_stringify(duk_context *ctx)
{
	duk_call(ctx, 1);
}

static double best(double a, double b)
{
	return a < 0 || b < a ? b : a;
}

static void measure(long n, int reps, result *res)
{
	rt_ctx *rt = heap_new(), *r2;
	duk_context *ctx = rt->ctx;
	size_t before;
	char err[512];
	int i;

	memset(res, 0, sizeof *res);
	res->stringify = res->parse = res->snapshot = res->walk = res->restore = res->restore_only = -1;
	duk_gc(ctx, 0);
	before = rt->alloc.cur;
	build(rt, n);
	duk_gc(ctx, 0);
	res->live = rt->alloc.cur - before;
	res->records = n;

	for (i = 0; i < reps; i++) {
		double t0, t1;
		wr_snapshot *s = NULL, *s2 = NULL;
		wr_buf b = { 0 }, mb = { 0 };
		wr_error we;
		wr_limits lim;

		/* stringify and parse of the same graph */
		duk_get_global_string(ctx, "JSON");
		duk_get_prop_string(ctx, -1, "stringify");
		duk_get_global_string(ctx, "data");
		t0 = now_ms();
		sb_stringify(ctx);
		t1 = now_ms();
		res->stringify = best(res->stringify, t1 - t0);
		res->text_bytes = duk_get_length(ctx, -1);
		duk_get_prop_string(ctx, -2, "parse");
		duk_dup(ctx, -2);
		t0 = now_ms();
		duk_call(ctx, 1);
		t1 = now_ms();
		res->parse = best(res->parse, t1 - t0);
		duk_pop_3(ctx);
		duk_gc(ctx, 0);

		/* snapshot: walk + JSON encoding */
		t0 = now_ms();
		if (rt_snapshot_take(rt, &s, err, sizeof err) != 0) {
			fprintf(stderr, "snapshot_bench: %s\n", err);
			exit(2);
		}
		t1 = now_ms();
		if (wr_json_write(s, &b, 0, &we) != 0) {
			fprintf(stderr, "snapshot_bench: %s\n", we.msg);
			exit(2);
		}
		res->walk = best(res->walk, t1 - t0);
		res->objects = s->nobjects;
		res->props = 0;
		for (size_t j = 0; j < s->nobjects; j++)
			res->props += s->objects[j].nprops;
		res->snapshot = best(res->snapshot, now_ms() - t0);
		res->json_bytes = b.len;
		if (wr_msgpack_write(s, &mb, &we) == 0)
			res->mp_bytes = mb.len;

		/* restore: JSON decoding + rebuilding in a fresh heap */
		r2 = heap_new();
		wr_limits_default(&lim);
		t0 = now_ms();
		if (wr_json_read(b.data, b.len, &lim, &s2, &we) != 0) {
			fprintf(stderr, "snapshot_bench: %s\n", we.msg);
			exit(2);
		}
		t1 = now_ms();
		if (rt_restore(r2, s2, err, sizeof err) != 0) {
			fprintf(stderr, "snapshot_bench: %s\n", err);
			exit(2);
		}
		res->restore = best(res->restore, now_ms() - t0);
		res->restore_only = best(res->restore_only, now_ms() - t1);
		heap_free(r2);
		wr_snapshot_free(s);
		wr_snapshot_free(s2);
		wr_buf_free(&b);
		wr_buf_free(&mb);
	}
	heap_free(rt);
}

/* records needed for about `bytes` of live heap (calibrated on a small run) */
static long records_for(size_t bytes, double per_record)
{
	long n = (long)(bytes / per_record);
	return n < 1 ? 1 : n;
}

int main(int argc, char **argv)
{
	static const size_t sizes[] = { 10u << 10, 100u << 10, 1u << 20, 3u << 20, 10u << 20 };
	const char *md = NULL, *dat = NULL;
	int quick = 0, i, nsizes;
	long records = 0;
	result cal, res[5];
	double per;
	FILE *f;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick"))
			quick = 1;
		else if (!strcmp(argv[i], "--md") && i + 1 < argc)
			md = argv[++i];
		else if (!strcmp(argv[i], "--dat") && i + 1 < argc)
			dat = argv[++i];
		else if (!strcmp(argv[i], "--records") && i + 1 < argc && atol(argv[i + 1]) > 0)
			records = atol(argv[++i]);
		else {
			fprintf(stderr, "usage: snapshot_bench [--quick] [--md FILE] [--dat FILE]\n"
			                "       snapshot_bench --records N\n");
			return 2;
		}
	}
	memset(&prog, 0, sizeof prog);
	prog.abi = FERRY_ABI_VERSION;
	prog.filename = "bench.js";
	prog.prefix = "$F";

	if (records) {
		measure(records, 1, &cal);
		printf("records %ld objects %zu properties %zu live_bytes %zu stringify_ms %.2f walk_ms %.2f\n",
		       records, cal.objects, cal.props, cal.live, cal.stringify, cal.walk);
		return 0;
	}
	measure(1000, 1, &cal);
	per = (double)cal.live / 1000.0;
	nsizes = quick ? 2 : 5;
	for (i = 0; i < nsizes; i++)
		measure(records_for(sizes[i], per), quick ? 2 : (sizes[i] >= (10u << 20) ? 3 : 5), &res[i]);

	f = md ? fopen(md, "w") : stdout;
	if (!f) {
		perror(md);
		return 2;
	}
	fprintf(f, "## Snapshot and restore vs JSON.stringify / JSON.parse\n\n");
	fprintf(f, "`bench/snapshot_bench%s` (make bench-snapshot): a data graph of records (strings, numbers, "
	        "nested objects, arrays, shared references) in a device heap; best of %s runs. "
	        "snapshot = rt_snapshot_take + JSON encoding; restore = JSON decoding + rt_restore into a fresh heap; "
	        "stringify/parse = Duktape's JSON.stringify/JSON.parse of the same graph in the same process. "
	        "Target: snapshot <= 1.5x stringify, restore <= 1.5x parse.\n\n",
	        quick ? " --quick" : "", quick ? "2" : "5 (3 at 10 MB)");
	fprintf(f, "| live heap | records | stringify ms | snapshot ms (walk) | ratio | parse ms | restore ms (rebuild) | ratio | JSON bytes/live byte | msgpack bytes/live byte |\n");
	fprintf(f, "|---|---|---|---|---|---|---|---|---|---|\n");
	for (i = 0; i < nsizes; i++) {
		result *r = &res[i];
		fprintf(f, "| %.1f KB | %ld | %.2f | %.2f (%.2f) | %.2fx | %.2f | %.2f (%.2f) | %.2fx | %.2f | %.2f |\n",
		        r->live / 1024.0, r->records, r->stringify, r->snapshot, r->walk,
		        r->snapshot / r->stringify, r->parse, r->restore, r->restore_only,
		        r->restore / r->parse, (double)r->json_bytes / r->live, (double)r->mp_bytes / r->live);
	}
	fprintf(f, "\n(JSON.stringify text of the largest graph: %zu bytes.)\n", res[nsizes - 1].text_bytes);
	if (md)
		fclose(f);
	if (dat) {
		f = fopen(dat, "w");
		if (!f) {
			perror(dat);
			return 2;
		}
		fprintf(f, "# live_bytes snapshot_ms restore_ms stringify_ms parse_ms snap_json_bytes snap_msgpack_bytes\n");
		for (i = 0; i < nsizes; i++)
			fprintf(f, "%zu %.3f %.3f %.3f %.3f %zu %zu\n", res[i].live, res[i].snapshot, res[i].restore,
			        res[i].stringify, res[i].parse, res[i].json_bytes, res[i].mp_bytes);
		fclose(f);
	}
	if (md) {
		/* echo the table for the console */
		char line[512];
		f = fopen(md, "r");
		while (f && fgets(line, sizeof line, f))
			fputs(line, stdout);
		if (f)
			fclose(f);
	}
	return 0;
}
