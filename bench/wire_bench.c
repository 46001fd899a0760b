/*
 * bench/wire_bench.c -- throughput of the snapshot codecs (wire/): JSON and
 * msgpack encode/decode (decode includes validation) on synthetic models
 * shaped like IoT program state (arrays of small records with numbers,
 * strings and references). Writes a markdown section to $BENCH_OUT/wire.md
 * (or stdout); QUICK=1 or --quick runs tiny sizes. Timing is the best of
 * several repetitions (CLOCK_PROCESS_CPUTIME_ID).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "wire/wire.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void prop(wr_snapshot *s, uint32_t id, const char *k, wr_value v)
{
	wr_prop *p = wr_add_prop(s, &s->objects[id - 1]);
	wr_strdup(s, k, strlen(k), &p->key.u.str);
	p->value = v;
}

/* n records: {t, v, tag, ok, prev} in one array, + a global pointing at it */
static wr_snapshot *make(uint32_t n)
{
	wr_snapshot *s = wr_snapshot_new();
	uint32_t arr;
	wr_object *a = wr_add_object(s, &arr);
	a->kind = WR_OBJ_ARRAY;
	a->proto.type = WR_BUILTIN;
	wr_strdup(s, "Array.prototype", 15, &a->proto.u.str);
	wr_value proto = { .type = WR_BUILTIN };
	wr_strdup(s, "Object.prototype", 16, &proto.u.str);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t id;
		char tmp[32];
		wr_object *o = wr_add_object(s, &id);
		o->proto = proto;
		wr_value v = { .type = WR_NUMBER };
		v.u.num = 1764070000000.0 + i * 250;
		prop(s, id, "t", v);
		v.u.num = 20.0 + (i % 1000) * 0.037;
		prop(s, id, "v", v);
		wr_value str = { .type = WR_STRING };
		int len = snprintf(tmp, sizeof tmp, "sensor-%u", i % 64);
		wr_strdup(s, tmp, (size_t)len, &str.u.str);
		prop(s, id, "tag", str);
		wr_value b = { .type = (i % 3) ? WR_TRUE : WR_FALSE };
		prop(s, id, "ok", b);
		wr_value r = { .type = WR_REF };
		r.u.ref = i ? id - 1 : arr;
		prop(s, id, "prev", r);
		len = snprintf(tmp, sizeof tmp, "%u", i);
		r.u.ref = id;
		prop(s, arr, tmp, r);
	}
	wr_value len = { .type = WR_NUMBER };
	len.u.num = n;
	prop(s, arr, "length", len);
	wr_prop *g = wr_add_global(s);
	wr_strdup(s, "readings", 8, &g->key.u.str);
	g->value.type = WR_REF;
	g->value.u.ref = arr;
	return s;
}

typedef struct res { double wr, rd; size_t bytes; } res;

static int run(const wr_snapshot *s, wr_format f, int reps, res *r)
{
	wr_error e;
	r->wr = r->rd = 1e30;
	for (int k = 0; k < reps; k++) {
		wr_buf b = { 0 };
		double t0 = now_ms();
		if (wr_write(s, f, &b, &e)) {
			fprintf(stderr, "wire_bench: %s\n", e.msg);
			return -1;
		}
		double t1 = now_ms();
		wr_snapshot *d = NULL;
		if (wr_read(b.data, b.len, NULL, &d, &e)) {
			fprintf(stderr, "wire_bench: %s\n", e.msg);
			return -1;
		}
		double t2 = now_ms();
		if (t1 - t0 < r->wr) r->wr = t1 - t0;
		if (t2 - t1 < r->rd) r->rd = t2 - t1;
		r->bytes = b.len;
		wr_snapshot_free(d);
		wr_buf_free(&b);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int quick = (argc > 1 && !strcmp(argv[1], "--quick")) || (getenv("QUICK") && *getenv("QUICK"));
	static const uint32_t full[] = { 100, 1000, 10000, 100000, 300000 };
	static const uint32_t small[] = { 100, 1000, 10000 };
	const uint32_t *sizes = quick ? small : full;
	int nsizes = quick ? 3 : 5;
	const char *dir = getenv("BENCH_OUT");
	char path[4096];
	FILE *out = stdout;
	if (dir && *dir) {
		snprintf(path, sizeof path, "%s/wire.md", dir);
		out = fopen(path, "w");
		if (!out) {
			perror(path);
			return 1;
		}
	}
	fprintf(out, "## Snapshot codecs (wire/)\n\n");
	fprintf(out, "Synthetic models: an array of N records `{t, v, tag, ok, prev}` (numbers, a short string, a boolean, "
	             "a reference). Best of %d runs, process CPU time; read includes validation. Command: `make bench-wire` "
	             "(bench/wire_bench).\n\n", quick ? 2 : 5);
	fprintf(out, "| records | JSON bytes | JSON write ms | JSON read ms | JSON write MB/s | JSON read MB/s | "
	             "msgpack bytes | msgpack/JSON | msgpack write ms | msgpack read ms |\n");
	fprintf(out, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	for (int i = 0; i < nsizes; i++) {
		wr_snapshot *s = make(sizes[i]);
		res j, m;
		if (run(s, WR_FMT_JSON, quick ? 2 : 5, &j) || run(s, WR_FMT_MSGPACK, quick ? 2 : 5, &m))
			return 1;
		fprintf(out, "| %u | %zu | %.2f | %.2f | %.0f | %.0f | %zu | %.2f | %.2f | %.2f |\n",
		        sizes[i], j.bytes, j.wr, j.rd, j.bytes / 1e3 / (j.wr > 0 ? j.wr : 1e-3),
		        j.bytes / 1e3 / (j.rd > 0 ? j.rd : 1e-3), m.bytes, (double)m.bytes / (double)j.bytes,
		        m.wr, m.rd);
		wr_snapshot_free(s);
	}
	fprintf(out, "\n");
	if (out != stdout)
		fclose(out);
	return 0;
}
