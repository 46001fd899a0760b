/*
 * tests/conformance_duk.c -- the "does Duktape 2.7 accept this program?"
 * oracle of the parser conformance harness (tests/conformance.sh).
 *
 * Reads file names, one per line, from standard input; compiles each as a
 * global program (duk_pcompile, nothing is run) in one Duktape heap and
 * prints one line per file:
 *     ok<TAB>FILE
 *     err<TAB>FILE<TAB>first line of the SyntaxError
 * Unreadable files print `err` with the reason. Exits 0 unless the oracle
 * itself failed (no heap).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <duktape.h>

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, r;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (cap - n < 4096) {
			cap = cap ? 2 * cap : 65536;
			nb = realloc(buf, cap + 1);
			if (nb == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		if (r == 0)
			break;
		n += r;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Prints s up to its first newline, tabs turned into spaces. */
static void
put_line(const char *s)
{
	for (; *s != '\0' && *s != '\n' && *s != '\r'; s++)
		fputc(*s == '\t' ? ' ' : *s, stdout);
}

int
main(void)
{
	duk_context *ctx = duk_create_heap_default();
	char path[4096], *src;
	size_t len, n, done = 0;

	if (ctx == NULL) {
		fputs("conformance_duk: cannot create a Duktape heap\n", stderr);
		return 2;
	}
	while (fgets(path, sizeof path, stdin) != NULL) {
		n = strlen(path);
		while (n > 0 && (path[n - 1] == '\n' || path[n - 1] == '\r'))
			path[--n] = '\0';
		if (n == 0)
			continue;
		src = slurp(path, &len);
		if (src == NULL) {
			printf("err\t%s\tcannot read the file\n", path);
			continue;
		}
		duk_push_string(ctx, path);
		if (duk_pcompile_lstring_filename(ctx, 0, src, len) == 0) {
			printf("ok\t%s\n", path);
		} else {
			printf("err\t%s\t", path);
			put_line(duk_safe_to_string(ctx, -1));
			fputc('\n', stdout);
		}
		duk_pop(ctx);
		free(src);
		if (++done % 256 == 0)
			duk_gc(ctx, 0);
	}
	duk_destroy_heap(ctx);
	return 0;
}
