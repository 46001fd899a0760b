/*
 * rewriter/ferryc.c -- ferryc's main: command-line parsing, --help,
 * --version, and dispatch to the parser checks, the printer, the scope dump
 * and the build step. Library code never prints; this file decides how
 * errors are shown (one line, non-zero exit).
 */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rewriter/rewriter.h"
#include "rewriter/scope.h"
#include "rewriter/instrument.h"

static void
usage(FILE *f)
{
	fputs(
"Usage: ferryc [OPTION]... FILE.js\n"
"Instrument a JavaScript (ES5.1) program for live migration and build the\n"
"device executable DIR/NAME from it (default DIR: build).\n"
"\n"
"Modes:\n"
"  --check            parse only: exit 0, or print one error line and exit 1\n"
"  --print            re-emit the program from its syntax tree to stdout\n"
"  --dump-scopes      print the scope analysis (bindings, references)\n"
"  (default)          instrument, write DIR/NAME.fy.js and DIR/NAME_restore.c,\n"
"                     compile and link DIR/NAME\n"
"\n"
"Build options (default mode only):\n"
"  -o DIR             output directory (default: build)\n"
"  --plain            do not instrument (the program runs as written)\n"
"  --emit-only        write the .fy.js and _restore.c files, do not compile\n"
"  --cc CC            C compiler (default: $CC, else cc); a cross compiler:\n"
"                     the program is then embedded as source text\n"
"  --cflags FLAGS     C compiler flags (default: $CFLAGS, else -O2)\n"
"  --runtime-dir DIR  use an uninstalled libferry: a build tree with\n"
"                     DIR/runtime/libferry.a (also env FERRY_RUNTIME_DIR)\n"
"\n"
"The program is embedded in the executable as Duktape bytecode compiled by\n"
"the build host's Duktape (it starts faster); FERRY_EMBED=source (or --cc)\n"
"embeds the source text instead.\n"
"\n"
"Other options:\n"
"  --strict           the program is strict-mode code (as if it began with\n"
"                     a \"use strict\" directive)\n"
"  -v, --verbose      say what is done\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and exit\n"
"\n"
"Errors are reported as FILE:LINE:COL: MESSAGE (LINE and COL from 1, COL in\n"
"characters); the exit status is 1 on an error in the program or a failed\n"
"build, 2 on a usage error. See ferryc(1).\n", f);
}

/* the build step's limit too (rewriter/build.c) */
#define FERRYC_MAX_SOURCE (64u * 1024u * 1024u)

/* Reads a whole file, NUL-terminated. Returns NULL and sets errno on failure
 * (EFBIG beyond FERRYC_MAX_SOURCE). */
static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, r;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (n > FERRYC_MAX_SOURCE) {
			free(buf);
			fclose(f);
			errno = EFBIG;
			return NULL;
		}
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap + 1);
			if (nb == NULL) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;

		free(buf);
		fclose(f);
		errno = e ? e : EIO;
		return NULL;
	}
	fclose(f);
	n = rw_skip_bom(buf, n);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* after --help/--version: 0, or 1 with a message if stdout failed (/dev/full) */
static int
stdout_ok(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("ferryc: write error\n", stderr);
		return 1;
	}
	return 0;
}

/* If argv[*i] is option `name` (a long one may be written --name=VALUE, as
 * the device executable accepts), sets *val to its value, stepping *i past
 * it, and returns 1; 0 if it is another word; -1 (message printed) if the
 * value is missing. */
static int
opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
	const char *a = argv[*i];
	size_t n = strlen(name);

	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=' && name[1] == '-') {
		*val = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		fprintf(stderr, "ferryc: option %s needs an argument\n", name);
		return -1;
	}
	*val = argv[++*i];
	return 1;
}

static const char *const mode_name[] = {
	[RW_MODE_CHECK] = "--check", [RW_MODE_PRINT] = "--print",
	[RW_MODE_DUMP_SCOPES] = "--dump-scopes",
};

/* Sets the mode; a second, different one is a usage error (no silent "last wins"). */
static int
set_mode(rw_cli_opts *o, rw_mode mode, const char *opt)
{
	if (o->mode != RW_MODE_BUILD && o->mode != mode) {
		fprintf(stderr, "ferryc: %s and %s cannot be combined\n", mode_name[o->mode], opt);
		return 0;
	}
	o->mode = mode;
	return 1;
}

/* Parses argv into o. Returns -1 to exit 0 (help/version), 2 on usage error, 0 ok. */
static int
parse_args(int argc, char **argv, rw_cli_opts *o)
{
	const char *build_opt = NULL;   /* a build option given, for the mode check */
	const char *val;
	int i, r;

	memset(o, 0, sizeof *o);
	o->outdir = "build";
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return -1;
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			printf("ferryc (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return -1;
		} else if (strcmp(a, "--check") == 0) {
			if (!set_mode(o, RW_MODE_CHECK, a))
				return 2;
		} else if (strcmp(a, "--print") == 0) {
			if (!set_mode(o, RW_MODE_PRINT, a))
				return 2;
		} else if (strcmp(a, "--dump-scopes") == 0) {
			if (!set_mode(o, RW_MODE_DUMP_SCOPES, a))
				return 2;
		} else if (strcmp(a, "--plain") == 0) {
			o->plain = 1;
			build_opt = a;
		} else if (strcmp(a, "--emit-only") == 0) {
			o->emit_only = 1;
			build_opt = a;
		} else if (strcmp(a, "--strict") == 0) {
			o->strict = 1;
		} else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
			o->verbose = 1;
		} else if ((r = opt_value(argc, argv, &i, "-o", &val)) != 0) {
			if (r < 0)
				return 2;
			build_opt = "-o";
			if (!*val) {
				fputs("ferryc: -o needs a directory name, not an empty string\n", stderr);
				return 2;
			}
			/* "build/" names build: messages then say build/app, not
			 * build//app (argv's strings are the program's to modify) */
			{
				char *d = argv[i];
				size_t n = strlen(d);
				while (n > 1 && d[n - 1] == '/')
					d[--n] = '\0';
				o->outdir = d;
			}
		} else if ((r = opt_value(argc, argv, &i, "--cc", &val)) != 0) {
			if (r < 0)
				return 2;
			build_opt = "--cc";
			o->cc = val;
			if (!*o->cc) {
				fputs("ferryc: --cc needs a compiler name, not an empty string\n", stderr);
				return 2;
			}
		} else if ((r = opt_value(argc, argv, &i, "--cflags", &val)) != 0) {
			if (r < 0)
				return 2;
			build_opt = "--cflags";
			o->cflags = val;
		} else if ((r = opt_value(argc, argv, &i, "--runtime-dir", &val)) != 0) {
			if (r < 0)
				return 2;
			build_opt = "--runtime-dir";
			o->runtime_dir = val;
		} else if (strcmp(a, "--") == 0 && i + 1 < argc && o->input == NULL) {
			o->input = argv[++i];
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "ferryc: unknown option %s (try --help)\n", a);
			return 2;
		} else if (o->input == NULL) {
			o->input = a;
		} else {
			fprintf(stderr, "ferryc: more than one input file (%s, %s)\n", o->input, a);
			return 2;
		}
	}
	if (o->input == NULL) {
		fputs("ferryc: no input file (try --help)\n", stderr);
		return 2;
	}
	if (o->mode != RW_MODE_BUILD && build_opt != NULL) {
		fprintf(stderr, "ferryc: %s only applies when building, not with %s\n",
		        build_opt, mode_name[o->mode]);
		return 2;
	}
	return 0;
}

/* The input must exist and not be a directory, and a regular file must be
 * readable: say so in one line before any mode reads it. (A FIFO is left
 * for the mode to open once: opening it here would consume its writer.) */
static int
check_input(const char *path)
{
	struct stat st;
	FILE *f;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "ferryc: %s: %s\n", path, strerror(errno));
		return 0;
	}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, "ferryc: %s: %s\n", path, strerror(EISDIR));
		return 0;
	}
	if (S_ISREG(st.st_mode)) {
		f = fopen(path, "rb");
		if (f == NULL) {
			fprintf(stderr, "ferryc: %s: %s\n", path, strerror(errno));
			return 0;
		}
		fclose(f);
	}
	return 1;
}

/* Everything after the command line: parse, analyse, instrument, emit,
 * build. Runs on a thread with an RW_DEEP_STACK stack (main below), so the
 * parser allows RW_MAX_DEPTH_DEEP levels of nesting (rewriter.h). */
static int
run(rw_cli_opts *op)
{
	rw_cli_opts o = *op;
	rw_ast *ast = NULL;
	char err[1024], *src;
	size_t len = 0;
	int r;

	o.deep = 1;

	/* the build step reads its input itself */
	if (o.mode == RW_MODE_BUILD) {
		if (rw_build(&o, err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
		return 0;
	}

	src = read_file(o.input, &len);
	if (src == NULL) {
		if (errno == EFBIG)
			fprintf(stderr, "ferryc: %s: larger than %u bytes\n", o.input, FERRYC_MAX_SOURCE);
		else
			fprintf(stderr, "ferryc: %s: %s\n", o.input, strerror(errno));
		return 1;
	}
	r = rw_parse(o.input, src, len, (o.strict ? RW_PARSE_STRICT : 0) | RW_PARSE_DEEP, &ast, err, sizeof err);
	if (r != 0) {
		fprintf(stderr, "%s\n", err);
		free(src);
		return 1;
	}
	switch (o.mode) {
	case RW_MODE_CHECK:
		r = 0;
		break;
	case RW_MODE_PRINT:
		r = rw_print(ast, stdout) != 0 || fflush(stdout) != 0;
		if (r)
			fputs("ferryc: write error\n", stderr);
		break;
	case RW_MODE_DUMP_SCOPES:
		r = rw_scopes_dump_cli(ast, stdout, err, sizeof err);
		if (r)
			fprintf(stderr, "%s\n", err);
		break;
	default:
		r = 1;
		break;
	}
	rw_ast_free(ast);
	free(src);
	return r;
}

struct run_arg {
	rw_cli_opts *o;
	int          rc;
};

static void *
run_thread(void *arg)
{
	struct run_arg *a = arg;

	a->rc = run(a->o);
	return NULL;
}

int
main(int argc, char **argv)
{
	rw_cli_opts o;
	struct run_arg a;
	pthread_attr_t attr;
	pthread_t t;
	int r;

	r = parse_args(argc, argv, &o);
	if (r != 0)
		return r < 0 ? stdout_ok() : r;
	if (!check_input(o.input))
		return 1;
	a.o = &o;
	a.rc = 1;
	if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, RW_DEEP_STACK) != 0 ||
	    pthread_create(&t, &attr, run_thread, &a) != 0) {
		fprintf(stderr, "ferryc: cannot start a thread with a %zu MB stack\n", RW_DEEP_STACK >> 20);
		return 1;
	}
	pthread_attr_destroy(&attr);
	pthread_join(t, NULL);
	return a.rc;
}
