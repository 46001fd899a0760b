/*
 * bench/lexer_bench.c -- tokenizer throughput: generates a realistic
 * JavaScript program of several MB (random structure from a fixed seed:
 * functions, closures, object literals, strings with escapes, numbers,
 * regexes, comments, some non-ASCII text),
 * tokenizes it repeatedly with lx_next choosing the mode as a parser would,
 * and prints the best run as `lexer: N MB/s` (1 MB = 10^6 bytes). Runs are
 * timed in process CPU time: the figure is one core's throughput, and stays
 * meaningful while other jobs share the machine.
 *
 *   bench/lexer_bench            ~8 MB input, best of 7 runs
 *   bench/lexer_bench --quick    ~1 MB input, best of 3 runs (smoke test)
 *   bench/lexer_bench FILE...    tokenize the given files instead
 *   --runs N                     time N runs instead (1 for a profiler)
 *   --md OUT                     also write the result as a markdown section
 *   --dump                       print the generated program and exit
 *
 * Instructions per byte (the load-independent figure), one run counted:
 *   valgrind --tool=callgrind --toggle-collect='lex_all*' bench/lexer_bench --runs 1
 * then divide the "Collected" count by the input bytes it prints.
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

/* ---- the generated program ----
 * A pseudo-random (fixed seed) ES5 program: functions, nested blocks,
 * loops, object and array literals, calls, member chains, every operator,
 * numbers in all forms, strings with escapes, regexes, comments, some
 * non-ASCII text. Random structure matters: a chunk repeated N times lets
 * the branch predictor learn the token sequence and overstates throughput
 * (measured: 2.5x on a repeated 5 KB chunk). */

static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const words[] = {
	"sensor", "value", "count", "index", "buffer", "offset", "length", "result", "callback",
	"options", "config", "state", "timer", "queue", "item", "node", "next", "prev", "data",
	"event", "handler", "listener", "reading", "sample", "average", "total", "limit", "name",
	"key", "map", "list", "entry", "error", "message", "status", "device", "packet", "payload",
	"header", "checksum", "retry", "delay", "interval", "timeout", "start", "stop", "update",
	"render", "parse", "format", "encode", "decode", "filter", "reduce", "push", "pop", "shift",
	"slice", "split", "join", "indexOf", "hasOwnProperty", "prototype", "constructor", "apply",
	"call", "bind", "toString", "valueOf", "i", "j", "k", "n", "x", "y", "self", "that", "_tmp",
	"$el", "temperature", "humidity", "pressure", "threshold", "calibrate", "connect", "send",
};
#define NWORDS (sizeof words / sizeof words[0])

static const char *const binops[] = {
	" + ", " - ", " * ", " / ", " % ", " < ", " > ", " <= ", " >= ", " == ", " != ",
	" === ", " !== ", " && ", " || ", " & ", " | ", " ^ ", " << ", " >> ", " >>> ",
	" instanceof ", " in ", "+", "-", "*",
};
static const char *const strs[] = {
	"'ok'", "\"error: \"", "'\\n'", "'\\t|\\t'", "\"m\xc3\xa9tre\"", "'\\u00b0C'", "''",
	"\"a \\\"quoted\\\" word\"", "'%d items'", "'\\x41\\x42'", "\"/api/v1/\"", "'use strict'",
};
static const char *const regexes[] = {
	"/^\\s+|\\s+$/g", "/(\\d+)\\.(\\d+)/", "/[a-z_$][\\w$]*/i", "/\\/\\*[^]*?\\*\\//",
	"/[/\\]]+/", "/^#([0-9a-f]{6})$/i",
};

static void
ident(buf *b)
{
	put(b, words[rnd(NWORDS)]);
	if (rnd(4) == 0)
		put(b, words[rnd(NWORDS)]);
}

static void
number(buf *b)
{
	char s[48];

	switch (rnd(6)) {
	case 0: snprintf(s, sizeof s, "%u", rnd(10)); break;
	case 1: snprintf(s, sizeof s, "%u", rnd(100000)); break;
	case 2: snprintf(s, sizeof s, "%u.%u", rnd(1000), rnd(1000)); break;
	case 3: snprintf(s, sizeof s, "0x%X", rnd(0x10000)); break;
	case 4: snprintf(s, sizeof s, "%ue-%u", rnd(10), rnd(20)); break;
	default: snprintf(s, sizeof s, ".%u", rnd(100)); break;
	}
	put(b, s);
}

static void expr(buf *b, int depth);

static void
indent(buf *b, int depth)
{
	int i;

	for (i = 0; i < depth; i++)
		put(b, "\t");
}

static void
operand(buf *b, int depth)
{
	unsigned i, n;

	switch (depth > 3 ? rnd(4) : rnd(14)) {
	case 0: case 1: ident(b); break;
	case 2: number(b); break;
	case 3: put(b, strs[rnd(sizeof strs / sizeof strs[0])]); break;
	case 4: ident(b); put(b, "."); ident(b); break;
	case 5: ident(b); put(b, "["); expr(b, depth + 1); put(b, "]"); break;
	case 6: /* call */
		ident(b);
		put(b, rnd(2) ? "." : "");
		if (rnd(2))
			ident(b);
		put(b, "(");
		for (i = 0, n = rnd(4); i < n; i++) {
			if (i)
				put(b, ", ");
			expr(b, depth + 1);
		}
		put(b, ")");
		break;
	case 7: /* object literal */
		put(b, "{ ");
		for (i = 0, n = rnd(4); i < n; i++) {
			if (i)
				put(b, ", ");
			ident(b);
			put(b, ": ");
			expr(b, depth + 1);
		}
		put(b, " }");
		break;
	case 8: /* array literal */
		put(b, "[");
		for (i = 0, n = rnd(5); i < n; i++) {
			if (i)
				put(b, ", ");
			expr(b, depth + 1);
		}
		put(b, "]");
		break;
	case 9: put(b, "("); expr(b, depth + 1); put(b, ")"); break;
	case 10: put(b, regexes[rnd(sizeof regexes / sizeof regexes[0])]); break;
	case 11: put(b, rnd(2) ? "!" : "typeof "); operand(b, depth + 1); break;
	case 12: put(b, rnd(2) ? "this" : rnd(2) ? "null" : "true"); break;
	default: ident(b); put(b, rnd(2) ? "++" : "--"); break;
	}
}

static void
expr(buf *b, int depth)
{
	unsigned i, n = depth > 2 ? 0 : rnd(3);

	operand(b, depth);
	for (i = 0; i < n; i++) {
		put(b, binops[rnd(sizeof binops / sizeof binops[0])]);
		operand(b, depth);
	}
	if (depth < 2 && rnd(12) == 0) {
		put(b, " ? ");
		operand(b, depth + 1);
		put(b, " : ");
		operand(b, depth + 1);
	}
}

static void stmts(buf *b, int depth, unsigned n);

static void
stmt(buf *b, int depth)
{
	indent(b, depth);
	switch (depth > 4 ? 0 : rnd(12)) {
	case 0: case 1:
		put(b, "var ");
		ident(b);
		put(b, " = ");
		expr(b, 0);
		put(b, ";\n");
		break;
	case 2: case 3:
		ident(b);
		put(b, rnd(2) ? "." : " ");
		if (b->p[b->len - 1] == '.')
			ident(b);
		put(b, rnd(3) ? " = " : " += ");
		expr(b, 0);
		put(b, ";\n");
		break;
	case 4: { /* an expression statement that cannot start with a regex */
		int call = rnd(2);
		operand(b, 4);
		put(b, call ? "(" : " = ");
		expr(b, 1);
		put(b, call ? ");\n" : ";\n");
		break;
	}
	case 5:
		put(b, "if (");
		expr(b, 0);
		put(b, ") {\n");
		stmts(b, depth + 1, 1 + rnd(3));
		indent(b, depth);
		if (rnd(2)) {
			put(b, "} else {\n");
			stmts(b, depth + 1, 1 + rnd(2));
			indent(b, depth);
		}
		put(b, "}\n");
		break;
	case 6:
		put(b, "for (var i = 0; i < ");
		ident(b);
		put(b, ".length; i++) {\n");
		stmts(b, depth + 1, 1 + rnd(3));
		indent(b, depth);
		put(b, "}\n");
		break;
	case 7:
		put(b, "function ");
		ident(b);
		put(b, "(a, b, callback) {\n");
		stmts(b, depth + 1, 1 + rnd(5));
		indent(b, depth + 1);
		put(b, "return ");
		expr(b, 0);
		put(b, ";\n");
		indent(b, depth);
		put(b, "}\n\n");
		break;
	case 8: {
		int block = rnd(2);
		put(b, block ? "/* " : "// ");
		put(b, rnd(3) ? "update the moving average, then notify listeners"
		              : "temp\xc3\xa9rature in \xc2\xb0" "C; see the calibration table");
		put(b, block ? " */\n" : "\n");
		break;
	}
	case 9:
		ident(b);
		put(b, ".on(");
		put(b, strs[rnd(sizeof strs / sizeof strs[0])]);
		put(b, ", function (err, ");
		ident(b);
		put(b, ") {\n");
		stmts(b, depth + 1, 1 + rnd(3));
		indent(b, depth);
		put(b, "});\n");
		break;
	case 10:
		put(b, "while (");
		expr(b, 1);
		put(b, ") {\n");
		stmts(b, depth + 1, 1 + rnd(2));
		indent(b, depth + 1);
		put(b, rnd(2) ? "break;\n" : "continue;\n");
		indent(b, depth);
		put(b, "}\n");
		break;
	default:
		put(b, "return ");
		expr(b, 0);
		put(b, ";\n");
		break;
	}
}

static void
stmts(buf *b, int depth, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		stmt(b, depth);
}

/* Kinds that end an operand (a `/` after one is division), as a table: a
 * parser knows this from its state, at no cost worth measuring here. */
static const unsigned char operand_end[LX_KIND_COUNT] = {
	[LX_IDENT] = 1, [LX_NUMBER] = 1, [LX_STRING] = 1, [LX_REGEX] = 1,
	[LX_RPAREN] = 1, [LX_RBRACKET] = 1, [LX_RBRACE] = 1,
	[LX_KW_THIS] = 1, [LX_KW_NULL] = 1, [LX_KW_TRUE] = 1, [LX_KW_FALSE] = 1,
};

/* Tokenizes the whole input once; returns the token count, or -1.
 * Not inlined: a profiler counts exactly this (--toggle-collect='lex_all*':
 * gcc may rename it lex_all.constprop.0). */
static long __attribute__((noinline))
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
		/* postfix ++ / -- keep an operand's end (the parser knows) */
		if (!((t.kind == LX_INC || t.kind == LX_DEC) && mode == LX_MODE_DIV))
			mode = operand_end[t.kind] ? LX_MODE_DIV : LX_MODE_RE;
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
	int dump = 0, fixed_runs = 0;
	FILE *f;
	double best = 1e30, t0, dt;
	long ntok = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0) {
			quick = 1;
		} else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
			runs = atoi(argv[++i]);
			if (runs < 1) {
				fprintf(stderr, "lexer_bench: --runs wants a positive count\n");
				return 2;
			}
			fixed_runs = 1;
		} else if (strcmp(argv[i], "--dump") == 0) {
			dump = 1;
		} else if (strcmp(argv[i], "--md") == 0 && i + 1 < argc) {
			md = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0) {
			printf("usage: lexer_bench [--quick] [--runs N] [--md OUT] [--dump] [FILE...]\n");
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
		if (!fixed_runs)
			runs = 3;
	}
	if (nfiles == 0)
		while (b.len < target)
			stmt(&b, 0);
	if (dump) {
		fwrite(b.p, 1, b.len, stdout);
		return 0;
	}

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
		        nfiles ? "the given files" : "generated random-structure ES5",
		        runs, (double)b.len / 1e6, ntok, best * 1e3, (double)b.len / 1e6 / best);
		fclose(f);
	}
	free(b.p);
	return 0;
}
