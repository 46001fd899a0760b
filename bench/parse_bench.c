/*
 * bench/parse_bench.c -- parser and scope-analysis throughput, and the AST's
 * memory: generates a realistic ES5 program of several MB (modules with
 * closures, object literals with accessors, loops, switch, try/catch, regexes,
 * strings) in two kinds -- as written by hand ("typical": comments,
 * indentation, descriptive names) and as a minifier leaves it ("minified":
 * the same modules with one-letter names and no layout) -- then times
 * rw_parse alone and rw_parse + rw_scopes_analyse on each, and reports the
 * best run as MB/s (1 MB = 10^6 bytes) in process CPU time (one core), the
 * AST arena size (rw_ast_memory) against the source size, and the
 * process's peak RSS.
 *
 *   bench/parse_bench            ~8 MB input per kind, best of 5 runs
 *   bench/parse_bench --quick    ~1 MB input per kind, best of 3 runs
 *   bench/parse_bench FILE...    parse the given files (concatenated)
 *   --kind typical|minified|real only that kind of input
 *   --runs N                     best of N runs (N >= 1)
 *   --dump FILE                  write the (first) input to FILE and go on
 *                                (to profile ferryc or callgrind on it)
 *   --md OUT                     also write the result as a markdown section
 *   --real-dir DIR               node_modules holding the "real minified"
 *                                libraries (default: tests/cache/thirdparty/
 *                                node_modules, filled by tests/thirdparty.sh);
 *                                with jquery.min.js from Debian's libjs-jquery
 *                                they make one more line, skipped if none is
 *                                found (third-party files are never committed)
 *
 * Exits non-zero if the input does not parse.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
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

/* One module-sized chunk of hand-written ES5 code; `i` varies names and
 * literals. */
static void
chunk_typical(buf *b, unsigned i)
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


/* The same module as chunk_typical() after a minifier: short names, no
 * comments or layout, `!0`/`!1`, a conditional expression for the if. */
static void
chunk_minified(buf *b, unsigned i)
{
	char s[4096];
	int n;

	n = snprintf(s, sizeof s,
		"var device%u=function(g){'use strict';var j=[],d=0,f=0,l=%u,n='dev-%u',"
		"p=/^job-(\\d+)$/,s={min:Infinity,max:-Infinity,sum:0};"
		"function J(a,b){this.id='job-'+a;this.payload=b;this.tries=0}"
		"J.prototype={get key(){return p.exec(this.id)[1]|0},run:function(a){var b=this,"
		"c=this.tries++;try{return a.call(b,b.payload,c)===!0}catch(e){if(e instanceof "
		"TypeError&&c<3)return b.run(a);throw e}}};function A(a){s.min=a<s.min?a:s.min;"
		"s.max=Math.max(s.max,a);s.sum+=a}function D(a,b){var c,e,h,k=0;for(c=0;c<j.length&&"
		"k<l;c++){e=j[c];switch(e.payload.kind){case'read':h=e.run(a);break;case'write':"
		"h=e.run(a)&&e.key%%2===0;break;default:h=!1}h?(d++,A(1.5e1*e.tries)):f+=1;k=k+1|0}"
		"j.splice(0,k);g.setTimeout(function(){b(null,{done:d,failed:f,avg:s.sum/(d||1)})},%u)}"
		"return{add:function(a){j.push(new J(j.length+%u,a));return this},drain:D,"
		"toString:function(){return n+':'+j.length+\"\\t\"+(d-f)}}}(this);\n",
		i, 8 + i % 32, i, 100 + i % 900, i);
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

/* One input's figures. */
typedef struct result {
	const char *kind;
	size_t      len, mem, mem_all;  /* AST bytes after parsing; AST + scopes */
	uint32_t    nodes;
	double      rss;            /* peak RSS (MB) while measuring it */
	double      parse, total;   /* best CPU seconds */
} result;

/* Times parse alone and parse + scope analysis, best of `runs`. */
static int
measure(const buf *b, const char *kind, int runs, result *res)
{
	char err[512];
	double t0, dt;
	int r;

	res->kind = kind;
	res->len = b->len;
	res->parse = res->total = 1e30;
	for (r = 0; r < runs; r++) {
		rw_ast *ast;
		rw_scopes *sc;

		t0 = now();
		if (rw_parse("bench.js", b->p, b->len, 0, &ast, err, sizeof err) != 0) {
			fprintf(stderr, "parse_bench: %s\n", err);
			return -1;
		}
		dt = now() - t0;
		if (dt < res->parse)
			res->parse = dt;
		res->nodes = ast->node_count;
		res->mem = rw_ast_memory(ast);
		rw_ast_free(ast);

		t0 = now();
		if (rw_parse("bench.js", b->p, b->len, 0, &ast, err, sizeof err) != 0 ||
		    rw_scopes_analyse(ast, &sc, err, sizeof err) != 0) {
			fprintf(stderr, "parse_bench: %s\n", err);
			return -1;
		}
		dt = now() - t0;
		if (dt < res->total)
			res->total = dt;
		res->mem_all = rw_ast_memory(ast) + rw_scopes_memory(sc);
		rw_scopes_free(sc);
		rw_ast_free(ast);
	}
	return 0;
}

/* Peak RSS in MB since the last reset_peak() (VmHWM), or the process's
 * (getrusage) where /proc does not tell. */
static double
peak_rss(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	double kb = -1;
	struct rusage ru;

	if (f != NULL) {
		while (fgets(line, sizeof line, f) != NULL)
			if (strncmp(line, "VmHWM:", 6) == 0)
				kb = atof(line + 6);
		fclose(f);
	}
	if (kb < 0) {
		getrusage(RUSAGE_SELF, &ru);
		kb = (double)ru.ru_maxrss;
	}
	return kb / 1e3;
}

static void
reset_peak(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");   /* Linux: "5" resets VmHWM */

	if (f != NULL) {
		fputs("5", f);
		fclose(f);
	}
}

/* The real minified libraries (a corpus of what minifiers emit). */
static const char *const real_files[] = {
	"/usr/share/javascript/jquery/jquery.min.js",
	"lodash/lodash.min.js", "moment/min/moment.min.js", "rxjs/bundles/Rx.min.js",
	"immutable/dist/immutable.min.js", "core-js/client/shim.min.js",
	"handlebars/dist/handlebars.min.js"
};

/* Reads the real minified files found (dir: their node_modules); returns
 * how many. */
static int
read_real(const char *dir, buf *b)
{
	char path[4096];
	unsigned k;
	int n = 0;

	b->len = 0;
	for (k = 0; k < sizeof real_files / sizeof *real_files; k++) {
		if (real_files[k][0] == '/')
			snprintf(path, sizeof path, "%s", real_files[k]);
		else
			snprintf(path, sizeof path, "%s/%s", dir, real_files[k]);
		if (access(path, R_OK) != 0)
			continue;
		if (read_file(path, b) != 0)
			return 0;
		n++;
	}
	return n;
}

static void
generate(buf *b, size_t target, void (*chunk)(buf *, unsigned))
{
	unsigned k;

	b->len = 0;
	for (k = 0; b->len < target; k++)
		chunk(b, k);
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*chunk)(buf *, unsigned);
	} kinds[] = {
		{ "typical", chunk_typical },
		{ "minified", chunk_minified },
		{ "real", NULL }              /* real_files[], when present */
	};
	buf b = {0};
	size_t target = 8u << 20;
	int runs = 5, quick = 0, i, nfiles = 0, nres = 0, only = -1, nreal = 0;
	unsigned k, nk;
	const char *md = NULL, *dump = NULL, *real_dir = "tests/cache/thirdparty/node_modules";
	result res[3];

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0) {
			quick = 1;
		} else if (strcmp(argv[i], "--md") == 0 && i + 1 < argc) {
			md = argv[++i];
		} else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc) {
			dump = argv[++i];
		} else if (strcmp(argv[i], "--real-dir") == 0 && i + 1 < argc) {
			real_dir = argv[++i];
		} else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
			runs = atoi(argv[++i]);
			if (runs < 1) {
				fprintf(stderr, "parse_bench: --runs wants a number >= 1\n");
				return 2;
			}
		} else if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc) {
			i++;
			for (k = 0; k < sizeof kinds / sizeof *kinds; k++)
				if (strcmp(argv[i], kinds[k].name) == 0)
					only = (int)k;
			if (only < 0) {
				fprintf(stderr, "parse_bench: unknown kind '%s' (typical, minified, real)\n",
				        argv[i]);
				return 2;
			}
		} else if (strcmp(argv[i], "--help") == 0) {
			printf("usage: parse_bench [--quick] [--runs N] [--kind typical|minified|real] "
			       "[--dump FILE] [--md OUT] [--real-dir NODE_MODULES] [FILE...]\n");
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
		if (runs == 5)
			runs = 3;
	}

	nk = nfiles ? 1u : sizeof kinds / sizeof *kinds;
	for (k = 0; k < nk; k++) {
		const char *name = nfiles ? "files" : kinds[k].name;

		if (!nfiles && only >= 0 && (int)k != only)
			continue;
		if (!nfiles && kinds[k].chunk != NULL) {
			generate(&b, target, kinds[k].chunk);
		} else if (!nfiles) {
			free(b.p);   /* its peak RSS without the generated input's pages */
			memset(&b, 0, sizeof b);
			nreal = read_real(real_dir, &b);
			if (nreal == 0) {
				printf("real minified: skipped (no file found; tests/thirdparty.sh "
				       "fills %s)\n", real_dir);
				continue;
			}
			name = "real minified";
		}
		if (dump != NULL) {
			FILE *f = fopen(dump, "wb");

			if (f == NULL || fwrite(b.p, 1, b.len, f) != b.len || fclose(f) != 0) {
				perror(dump);
				return 2;
			}
			dump = NULL;
		}
		reset_peak();
		if (measure(&b, name, runs, &res[nres]) != 0)
			return 1;
		res[nres].rss = peak_rss();
		nres++;
	}
	for (i = 0; i < nres; i++) {
		result *x = &res[i];

		printf("%s: input %.2f MB, %u nodes (one per %.1f bytes); AST %.1fx the source "
		       "(%.1f bytes/node), with scope analysis %.1fx (%.1f bytes/node); "
		       "parse %.1f MB/s, parse+scope %.1f MB/s; peak RSS %.1f MB\n",
		       x->kind, (double)x->len / 1e6, x->nodes, (double)x->len / x->nodes,
		       (double)x->mem / (double)x->len, (double)x->mem / x->nodes,
		       (double)x->mem_all / (double)x->len, (double)x->mem_all / x->nodes,
		       (double)x->len / 1e6 / x->parse, (double)x->len / 1e6 / x->total, x->rss);
	}
	if (md != NULL) {
		FILE *f = fopen(md, "w");

		if (f == NULL) {
			perror(md);
			return 2;
		}
		fprintf(f, "## Parser and scope analysis\n\n"
		        "`make bench-parse` (bench/parse_bench%s): %s; best of %d runs in process "
		        "CPU time, one core. Target: 50 MB/s for parse + scope analysis, AST <= ~10x "
		        "the source. \"AST\" is the arena after parsing; \"all in\" adds what the "
		        "scope analysis holds (records, tables, scopes, bindings). Peak RSS while "
		        "measuring each input (source included).\n\n"
		        "| input | MB | AST nodes | parse MB/s | parse+scope MB/s | AST / source "
		        "| bytes/node | all in / source | all-in bytes/node | peak RSS MB |\n"
		        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
		        quick ? " --quick" : "",
		        nfiles ? "the given files" :
		        "generated device-module ES5 code, as written by hand (typical) and minified, "
		        "and real minified libraries (jquery, lodash, moment, Rx, immutable, core-js "
		        "shim, handlebars; when present)",
		        runs);
		for (i = 0; i < nres; i++) {
			result *x = &res[i];

			fprintf(f, "| %s | %.2f | %u | %.1f | %.1f | %.1fx | %.1f | %.1fx | %.1f | %.1f |\n",
			        x->kind, (double)x->len / 1e6, x->nodes,
			        (double)x->len / 1e6 / x->parse, (double)x->len / 1e6 / x->total,
			        (double)x->mem / (double)x->len, (double)x->mem / x->nodes,
			        (double)x->mem_all / (double)x->len, (double)x->mem_all / x->nodes,
			        x->rss);
		}
		fputc('\n', f);
		fclose(f);
	}
	free(b.p);
	return 0;
}
