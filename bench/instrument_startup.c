/*
 * bench/instrument_startup.c -- which embedding starts faster: source text
 * compiled at start (duk_pcompile_lstring_filename) or Duktape bytecode
 * loaded at start (duk_load_function of duk_dump_function output)?
 * For each program given, prints one markdown table row: source bytes,
 * bytecode bytes, median compile time, median load time, their ratio.
 * Used by bench/instrument_bench.sh on the instrumented app.fy.js files.
 *
 * usage: instrument_startup [-n REPS] FILE.js...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <duktape.h>

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		b = malloc((size_t)n + 1);
		if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
			free(b);
			b = NULL;
		}
		if (b) {
			b[n] = '\0';
			*len = (size_t)n;
		}
	}
	fclose(f);
	return b;
}

static int measure(const char *path, int reps)
{
	size_t len = 0, blen = 0;
	char *src = slurp(path, &len);
	duk_context *ctx;
	double *tc, *tl;
	void *bc = NULL;
	const char *base = strrchr(path, '/');
	int i, rc = 1;

	if (!src) {
		fprintf(stderr, "instrument_startup: %s: cannot read\n", path);
		return 1;
	}
	tc = calloc((size_t)reps, sizeof *tc);
	tl = calloc((size_t)reps, sizeof *tl);
	ctx = duk_create_heap_default();
	if (!tc || !tl || !ctx)
		goto out;
	for (i = 0; i < reps; i++) {
		double t0;
		duk_push_string(ctx, path);
		t0 = now_us();
		if (duk_pcompile_lstring_filename(ctx, 0, src, len) != 0) {
			fprintf(stderr, "instrument_startup: %s: %s\n", path, duk_safe_to_string(ctx, -1));
			goto out;
		}
		tc[i] = now_us() - t0;
		if (i == reps - 1) {
			void *p;
			duk_dump_function(ctx);
			p = duk_get_buffer(ctx, -1, &blen);
			bc = malloc(blen ? blen : 1);
			if (!bc)
				goto out;
			memcpy(bc, p, blen);
		}
		duk_pop(ctx);
	}
	for (i = 0; i < reps; i++) {
		double t0;
		void *p = duk_push_fixed_buffer(ctx, blen);
		memcpy(p, bc, blen);
		t0 = now_us();
		duk_load_function(ctx);
		tl[i] = now_us() - t0;
		duk_pop(ctx);
	}
	{
		double c = median(tc, reps), l = median(tl, reps);
		printf("| %s | %lu | %lu | %.1f | %.1f | %.1f |\n", base ? base + 1 : path,
		       (unsigned long)len, (unsigned long)blen, c, l, l > 0 ? c / l : 0);
	}
	rc = 0;
out:
	if (ctx)
		duk_destroy_heap(ctx);
	free(bc);
	free(tc);
	free(tl);
	free(src);
	return rc;
}

int main(int argc, char **argv)
{
	int i = 1, reps = 21, rc = 0;

	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		reps = atoi(argv[2]);
		if (reps < 1)
			reps = 1;
		i = 3;
	}
	printf("| program (instrumented) | source bytes | bytecode bytes | compile us (median) | load us (median) | compile/load |\n");
	printf("|---|---:|---:|---:|---:|---:|\n");
	for (; i < argc; i++)
		rc |= measure(argv[i], reps);
	return rc;
}
