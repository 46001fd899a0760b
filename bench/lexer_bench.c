/*
 * bench/lexer_bench.c -- tokenizer throughput: generates a realistic
 * JavaScript program of several MB (functions, closures, object literals,
 * strings with escapes, numbers, regexes, comments, some non-ASCII text),
 * tokenizes it repeatedly with lx_next choosing the mode as a parser would,
 * and prints the best run as `lexer: N MB/s` (1 MB = 10^6 bytes). Runs are
 * timed in process CPU time: the figure is one core's throughput, and stays
 * meaningful while other jobs share the machine.
 *
 *   bench/lexer_bench            ~8 MB input, best of 7 runs
 *   bench/lexer_bench --quick    ~1 MB input, best of 3 runs (smoke test)
 *   bench/lexer_bench FILE...    tokenize the given files instead
 *   --md OUT                     also write the result as a markdown section
 *
 * Exits non-zero if the lexer reports an error on the input.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexer/lexer.h"

typedef struct buf {
	char  *p;
	size_t len, cap;
} buf;

static void
put(buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap = b->cap ? 2 * b->cap : 1 << 16;
		b->p = realloc(b->p, b->cap);
		if (b->p == NULL) {
			perror("lexer_bench");
			exit(2);
		}
	}
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

/* One module-sized chunk of code; `i` varies names and literals. */
static void
chunk(buf *b, unsigned i)
{
	char s[4096];

	snprintf(s, sizeof s,
		"/**\n"
		" * Sensor module %u: samples, filters and reports readings.\n"
		" * Temperature in \xc2\xb0" "C, humidity in %%.\n"
		" */\n"
		"var sensor%u = (function () {\n"
		"\t'use strict';\n"
		"\tvar readings%u = [], threshold = %u.5, count = 0x%X, name = \"sensor-%u\";\n"
		"\tvar pattern = /^([a-z]+)-(\\d{1,4})$/i, sep = '\\t|\\n', label = 'm\xc3\xa9tre \\u00b0';\n"
		"\n"
		"\tfunction average(list) {\n"
		"\t\tvar sum = 0, i;\n"
		"\t\tfor (i = 0; i < list.length; i++) {\n"
		"\t\t\tsum += list[i].value / (list[i].weight || 1); // weighted\n"
		"\t\t}\n"
		"\t\treturn list.length > 0 ? sum / list.length : NaN;\n"
		"\t}\n"
		"\n"
		"\tfunction record(value, timestamp) {\n"
		"\t\tif (typeof value !== 'number' || isNaN(value)) {\n"
		"\t\t\tthrow new TypeError('bad reading: ' + value);\n"
		"\t\t}\n"
		"\t\treadings%u.push({ value: value * 1.0e-3, weight: 2, at: timestamp, tag: name });\n"
		"\t\tcount = (count + 1) >>> 0;\n"
		"\t\tif (readings%u.length > %u) readings%u.shift();\n"
		"\t\treturn count & 0xff;\n"
		"\t}\n"
		"\n"
		"\treturn {\n"
		"\t\trecord: record,\n"
		"\t\treport: function (cb) {\n"
		"\t\t\tvar avg = average(readings%u), m = pattern.exec(name);\n"
		"\t\t\tsetTimeout(function () {\n"
		"\t\t\t\tcb(null, { id: m && m[2], avg: avg, hot: avg >= threshold, label: label + sep });\n"
		"\t\t\t}, %u);\n"
		"\t\t},\n"
		"\t\treset: function () { readings%u = []; count = 0; }\n"
		"\t};\n"
		"})();\n"
		"\n",
		i, i, i, i % 100, i * 2654435761u, i, i, i, 16 + i % 48, i, i, 250 + i % 750, i);
	put(b, s);
}

static int
operand_end(lx_kind k)
{
	return k == LX_IDENT || k == LX_NUMBER || k == LX_STRING || k == LX_REGEX ||
	       k == LX_RPAREN || k == LX_RBRACKET || k == LX_RBRACE ||
	       k == LX_KW_THIS || k == LX_KW_NULL || k == LX_KW_TRUE || k == LX_KW_FALSE;
}

/* Tokenizes the whole input once; returns the token count, or -1. */
static long
lex_all(const char *name, const char *src, size_t len)
{
	lx_lexer *lx = lx_new(name, src, len);
	lx_token t;
	lx_mode mode = LX_MODE_RE;
	long n = 0;

	if (lx == NULL)
		return -1;
	for (;;) {
		lx_next(lx, mode, &t);
		if (t.kind == LX_EOF)
			break;
		if (t.kind == LX_ERROR) {
			fprintf(stderr, "lexer_bench: %s\n", lx_error(lx));
			lx_free(lx);
			return -1;
		}
		n++;
		mode = operand_end(t.kind) ? LX_MODE_DIV : LX_MODE_RE;
	}
	lx_free(lx);
	return n;
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
	char chunkbuf[65536];
	size_t n;

	if (f == NULL) {
		perror(path);
		return -1;
	}
	while ((n = fread(chunkbuf, 1, sizeof chunkbuf - 1, f)) > 0) {
		chunkbuf[n] = '\0';
		if (memchr(chunkbuf, '\0', n) != NULL) {
			fprintf(stderr, "%s: contains a NUL byte\n", path);
			fclose(f);
			return -1;
		}
		put(b, chunkbuf);
	}
	fclose(f);
	return 0;
}

int
main(int argc, char **argv)
{
	buf b = {0};
	size_t target = 8u << 20;
	int runs = 7, r, quick = 0, i, nfiles = 0;
	const char *md = NULL;
	FILE *f;
	double best = 1e30, t0, dt;
	long ntok = 0;
	unsigned k;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0) {
			quick = 1;
		} else if (strcmp(argv[i], "--md") == 0 && i + 1 < argc) {
			md = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0) {
			printf("usage: lexer_bench [--quick] [--md OUT] [FILE...]\n");
			return 0;
		} else {
			if (read_file(argv[i], &b) != 0)
				return 2;
			put(&b, "\n");
			nfiles++;
		}
	}
	if (quick) {
		target = 1u << 20;
		runs = 3;
	}
	if (nfiles == 0)
		for (k = 0; b.len < target; k++)
			chunk(&b, k);

	for (r = 0; r < runs; r++) {
		t0 = now();
		ntok = lex_all("bench.js", b.p, b.len);
		dt = now() - t0;
		if (ntok < 0)
			return 1;
		if (dt < best)
			best = dt;
	}
	printf("lexer input: %.2f MB, %ld tokens, best of %d runs: %.2f ms\n",
	       (double)b.len / 1e6, ntok, runs, best * 1e3);
	printf("lexer: %.1f MB/s\n", (double)b.len / 1e6 / best);
	if (md != NULL) {
		f = fopen(md, "w");
		if (f == NULL) {
			perror(md);
			return 2;
		}
		fprintf(f, "## Lexer throughput\n\n"
		        "`make bench-lexer` (bench/lexer_bench%s): %s, tokenized with the mode "
		        "(regex/division) chosen as the parser does; best of %d runs in process CPU time, "
		        "one core. Target: 200 MB/s.\n\n"
		        "| input MB | tokens | best run (ms) | MB/s |\n|---:|---:|---:|---:|\n"
		        "| %.2f | %ld | %.2f | %.1f |\n\n",
		        quick ? " --quick" : "",
		        nfiles ? "the given files" : "generated sensor-module JavaScript",
		        runs, (double)b.len / 1e6, ntok, best * 1e3, (double)b.len / 1e6 / best);
		fclose(f);
	}
	free(b.p);
	return 0;
}
