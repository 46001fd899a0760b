/*
 * bench/parse_bench.c -- parser and scope-analysis throughput, and the AST's
 * memory: generates a realistic ES5 program of several MB (modules with
 * closures, object literals with accessors, loops, switch, try/catch, regexes,
 * strings), then times rw_parse alone and rw_parse + rw_scopes_analyse, and
 * reports the best run as MB/s (1 MB = 10^6 bytes) in process CPU time (one
 * core), the AST arena size (rw_ast_memory) and the process's peak RSS.
 *
 *   bench/parse_bench            ~8 MB input, best of 5 runs
 *   bench/parse_bench --quick    ~1 MB input, best of 3 runs
 *   bench/parse_bench FILE...    parse the given files (concatenated)
 *   --md OUT                     also write the result as a markdown section
 *
 * Exits non-zero if the input does not parse.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "rewriter/rewriter.h"
#include "rewriter/scope.h"

typedef struct buf {
	char  *p;
	size_t len, cap;
} buf;

static void
put(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap = b->cap ? 2 * b->cap : 1 << 16;
		b->p = realloc(b->p, b->cap);
		if (b->p == NULL) {
			perror("parse_bench");
			exit(2);
		}
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* One module-sized chunk of ES5 code; `i` varies names and literals. */
static void
chunk(buf *b, unsigned i)
{
	char s[6144];
	int n;

	n = snprintf(s, sizeof s,
		"/* Device module %u: a queue of jobs with retries and statistics. */\n"
		"var device%u = (function (global) {\n"
		"  'use strict';\n"
		"  var jobs = [], done = 0, failed = 0, limit = %u, name = 'dev-%u';\n"
		"  var idPattern = /^job-(\\d+)$/, stats = { min: Infinity, max: -Infinity, sum: 0 };\n"
		"  function Job(id, payload) {\n"
		"    this.id = 'job-' + id;\n"
		"    this.payload = payload;\n"
		"    this.tries = 0;\n"
		"  }\n"
		"  Job.prototype = {\n"
		"    get key() { return idPattern.exec(this.id)[1] | 0; },\n"
		"    run: function (handler) {\n"
		"      var self = this, t = this.tries++;\n"
		"      try {\n"
		"        return handler.call(self, self.payload, t) === true;\n"
		"      } catch (e) {\n"
		"        if (e instanceof TypeError && t < 3) { return self.run(handler); }\n"
		"        throw e;\n"
		"      }\n"
		"    }\n"
		"  };\n"
		"  function account(ms) {\n"
		"    stats.min = ms < stats.min ? ms : stats.min;\n"
		"    stats.max = Math.max(stats.max, ms);\n"
		"    stats.sum += ms;\n"
		"  }\n"
		"  function drain(handler, cb) {\n"
		"    var i, job, ok, n = 0;\n"
		"    for (i = 0; i < jobs.length && n < limit; i++) {\n"
		"      job = jobs[i];\n"
		"      switch (job.payload.kind) {\n"
		"      case 'read': ok = job.run(handler); break;\n"
		"      case 'write': ok = job.run(handler) && job.key %% 2 === 0; break;\n"
		"      default: ok = false;\n"
		"      }\n"
		"      if (ok) { done++; account(job.tries * 1.5e1); } else { failed += 1; }\n"
		"      n = n + 1 | 0;\n"
		"    }\n"
		"    jobs.splice(0, n);\n"
		"    global.setTimeout(function () { cb(null, { done: done, failed: failed, avg: stats.sum / (done || 1) }); }, %u);\n"
		"  }\n"
		"  return {\n"
		"    add: function (payload) { jobs.push(new Job(jobs.length + %u, payload)); return this; },\n"
		"    drain: drain,\n"
		"    toString: function () { return name + ':' + jobs.length + \"\\t\" + (done - failed); }\n"
		"  };\n"
		"})(this);\n\n",
		i, i, 8 + i % 32, i, 100 + i % 900, i);
	put(b, s, (size_t)n);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
read_file(const char *path, buf *b)
{
	FILE *f = fopen(path, "rb");
	char tmp[65536];
	size_t n;

	if (f == NULL) {
		perror(path);
		return -1;
	}
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		put(b, tmp, n);
	fclose(f);
	put(b, "\n", 1);
	return 0;
}

int
main(int argc, char **argv)
{
	buf b = {0};
	size_t target = 8u << 20, mem = 0;
	int runs = 5, r, quick = 0, i, nfiles = 0;
	const char *md = NULL;
	double best_p = 1e30, best_ps = 1e30, t0, dt;
	char err[512];
	uint32_t nodes = 0;
	unsigned k;
	struct rusage ru;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0) {
			quick = 1;
		} else if (strcmp(argv[i], "--md") == 0 && i + 1 < argc) {
			md = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0) {
			printf("usage: parse_bench [--quick] [--md OUT] [FILE...]\n");
			return 0;
		} else {
			if (read_file(argv[i], &b) != 0)
				return 2;
			nfiles++;
		}
	}
	if (getenv("QUICK") != NULL && *getenv("QUICK") != '\0')
		quick = 1;
	if (quick) {
		target = 1u << 20;
		runs = 3;
	}
	if (nfiles == 0)
		for (k = 0; b.len < target; k++)
			chunk(&b, k);

	for (r = 0; r < runs; r++) {
		rw_ast *ast;
		rw_scopes *sc;

		t0 = now();
		if (rw_parse("bench.js", b.p, b.len, 0, &ast, err, sizeof err) != 0) {
			fprintf(stderr, "parse_bench: %s\n", err);
			return 1;
		}
		dt = now() - t0;
		if (dt < best_p)
			best_p = dt;
		nodes = ast->node_count;
		mem = rw_ast_memory(ast);
		rw_ast_free(ast);

		t0 = now();
		if (rw_parse("bench.js", b.p, b.len, 0, &ast, err, sizeof err) != 0 ||
		    rw_scopes_analyse(ast, &sc, err, sizeof err) != 0) {
			fprintf(stderr, "parse_bench: %s\n", err);
			return 1;
		}
		dt = now() - t0;
		if (dt < best_ps)
			best_ps = dt;
		rw_scopes_free(sc);
		rw_ast_free(ast);
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("parser input: %.2f MB, %u nodes, AST %.1f MB (%.1fx the source), peak RSS %.1f MB\n",
	       (double)b.len / 1e6, nodes, (double)mem / 1e6, (double)mem / (double)b.len,
	       (double)ru.ru_maxrss / 1e3);
	printf("parse: %.1f MB/s\n", (double)b.len / 1e6 / best_p);
	printf("parse+scope: %.1f MB/s\n", (double)b.len / 1e6 / best_ps);
	if (md != NULL) {
		FILE *f = fopen(md, "w");

		if (f == NULL) {
			perror(md);
			return 2;
		}
		fprintf(f, "## Parser and scope analysis\n\n"
		        "`make bench-parse` (bench/parse_bench%s): %s; best of %d runs in process "
		        "CPU time, one core. Target: 50 MB/s for parse + scope analysis, AST <= ~10x "
		        "the source.\n\n"
		        "| input MB | AST nodes | parse MB/s | parse+scope MB/s | AST MB | AST / source | peak RSS MB |\n"
		        "|---:|---:|---:|---:|---:|---:|---:|\n"
		        "| %.2f | %u | %.1f | %.1f | %.1f | %.1fx | %.1f |\n\n",
		        quick ? " --quick" : "",
		        nfiles ? "the given files" : "generated device-module ES5 code",
		        runs, (double)b.len / 1e6, nodes, (double)b.len / 1e6 / best_p,
		        (double)b.len / 1e6 / best_ps, (double)mem / 1e6, (double)mem / (double)b.len,
		        (double)ru.ru_maxrss / 1e3);
		fclose(f);
	}
	free(b.p);
	return 0;
}
