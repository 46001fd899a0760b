/*
 * rewriter/build.c -- ferryc's build step: read app.js, choose the reserved
 * prefix, parse and check the program (in both modes), produce the program
 * text (the original for --plain, else the instrumentation pass's output),
 * write <out>/<app>.fy.js and <out>/<app>_restore.c atomically, then
 * compile and link <out>/<app> with
 *   $CC $CFLAGS -I<include dir> <app>_restore.c <libferry.a> <device libs>
 * The device libs are baked in at configure time (RW_DEVICE_LIBS, from
 * Makefile.am's FERRY_DEVICE_LIBS), and so are the sanitizer flags of a
 * --enable-sanitizers build (RW_SAN_FLAGS), which its own libferry needs at
 * link time; not with --cc, whose libferry is one built for another device. libferry is found through --runtime-dir
 * or $FERRY_RUNTIME_DIR (a build tree: DIR/runtime/libferry.a, header in
 * DIR/runtime or $FERRY_SRCDIR/runtime for VPATH builds), else the installed
 * FERRY_LIBDIR / FERRY_INCLUDEDIR.
 */
#define _GNU_SOURCE 1   /* memmem */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rewriter/instrument.h"
#include "runtime/ferry.h"   /* FERRY_ABI_VERSION, the table's layout */

#ifndef RW_DEVICE_LIBS
#define RW_DEVICE_LIBS "-lduktape -lmsgpackc -lsodium -lm"
#endif
#ifndef RW_SAN_FLAGS
#define RW_SAN_FLAGS ""
#endif
#ifndef RW_SRCDIR
#define RW_SRCDIR "."
#endif
#ifndef FERRY_LIBDIR
#define FERRY_LIBDIR "/usr/local/lib"
#endif
#ifndef FERRY_INCLUDEDIR
#define FERRY_INCLUDEDIR "/usr/local/include"
#endif

#define RW_MAX_SOURCE (64u * 1024u * 1024u)   /* refuse bigger inputs */

/* the input, as ferryc's other modes read it (rewriter/ferryc.c): the
 * messages are theirs too */
static int read_file(const char *path, char **data, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t n = 0, cap = 0, r;

	if (!f) {
		snprintf(err, errlen, "ferryc: %s: %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (n > RW_MAX_SOURCE) {
			snprintf(err, errlen, "ferryc: %s: larger than %u bytes", path, RW_MAX_SOURCE);
			goto fail;
		}
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536 + 1;
			nb = realloc(buf, cap);
			if (!nb) {
				snprintf(err, errlen, "ferryc: %s: out of memory", path);
				goto fail;
			}
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		snprintf(err, errlen, "ferryc: %s: %s", path, strerror(errno ? errno : EIO));
		goto fail;
	}
	fclose(f);
	n = rw_skip_bom(buf, n);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
fail:
	fclose(f);
	free(buf);
	return -1;
}

/* A UTF-8 byte order mark at the start of the file is not part of the
 * program (U+FEFF is white space in ES5.1, so dropping it changes nothing)
 * and no editor shows it: removed here, so that columns on line 1 count
 * from the first character the user sees, as on every other line. Returns
 * the new length. */
size_t rw_skip_bom(char *buf, size_t len)
{
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		memmove(buf, buf + 3, len - 3);
		len -= 3;
	}
	return len;
}

int rw_write_file_atomic(const char *path, const void *data, size_t len,
                         char *err, size_t errlen)
{
	size_t pl = strlen(path);
	char *tmp = malloc(pl + 16);
	const char *p = data;
	int fd;

	if (!tmp) {
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	memcpy(tmp, path, pl);
	memcpy(tmp + pl, ".tmpXXXXXX", 11);
	fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create temporary file: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "%s: write failed: %s", path, strerror(errno));
			goto fail;
		}
		p += w;
		len -= (size_t)w;
	}
	if (fchmod(fd, 0644) < 0 || fsync(fd) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		snprintf(err, errlen, "%s: close failed: %s", path, strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) < 0) {
		snprintf(err, errlen, "%s: rename failed: %s", path, strerror(errno));
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}

/* mkdir -p */
static int make_dirs(const char *dir, char *err, size_t errlen)
{
	char *d = strdup(dir), *s;
	struct stat st;

	if (!d) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (s = d + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;
			*s = '\0';
			if (mkdir(d, 0777) < 0 && errno != EEXIST) {
				snprintf(err, errlen, "%s: cannot create directory: %s", d, strerror(errno));
				free(d);
				return -1;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(d);
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: not a directory", dir);
		return -1;
	}
	return 0;
}

/* a and b name the same existing file */
static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *join(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = c ? strlen(c) : 0;
	char *r = malloc(la + lb + lc + 1);

	if (!r)
		return NULL;
	memcpy(r, a, la);
	memcpy(r + la, b, lb);
	if (c)
		memcpy(r + la + lb, c, lc);
	r[la + lb + lc] = '\0';
	return r;
}

/* "<dir>/app.js" -> "app"; never empty, never a path */
static char *app_name(const char *input)
{
	const char *b = strrchr(input, '/');
	size_t n;
	char *r;

	b = b ? b + 1 : input;
	n = strlen(b);
	if (n > 3 && strcmp(b + n - 3, ".js") == 0)
		n -= 3;
	if (n == 0 || (n == 1 && b[0] == '.') || (n == 2 && b[0] == '.' && b[1] == '.'))
		return strdup("app");
	r = malloc(n + 1);
	if (!r)
		return NULL;
	memcpy(r, b, n);
	r[n] = '\0';
	return r;
}

/* The reserved prefix: "$F", else "$F1", "$F2", ... -- the first that occurs
 * nowhere in the source text (conservative: strings and comments count too),
 * nor spelled with a \u0024 escape. Plain and instrumented builds of one
 * program get the same prefix. */
static void choose_prefix(const char *src, size_t len, char *out, size_t outlen)
{
	char esc[40];
	unsigned k;

	for (k = 0; ; k++) {
		if (k == 0) {
			snprintf(out, outlen, "$F");
			snprintf(esc, sizeof esc, "\\u0024F");
		} else {
			snprintf(out, outlen, "$F%u", k);
			snprintf(esc, sizeof esc, "\\u0024F%u", k);
		}
		if (!memmem(src, len, out, strlen(out)) && !memmem(src, len, esc, strlen(esc)) &&
		    !(k == 0 && memmem(src, len, "\\u{24}", 6)))
			return;
	}
}

/* Append s single-quoted for /bin/sh */
static void sh_quote(rw_out *o, const char *s)
{
	rw_out_puts(o, "'");
	for (; *s; s++) {
		if (*s == '\'')
			rw_out_puts(o, "'\\''");
		else
			rw_out_put(o, s, 1);
	}
	rw_out_puts(o, "'");
}

/* Ctrl-C (or SIGTERM, SIGHUP) while ferryc writes its outputs and runs the
 * compiler: the signal is noted, the compiler (which got it too, or gets it
 * passed on) ends, the temporary executable is removed, and ferryc then
 * dies of the signal: an interrupted build leaves no .link-PID.tmp behind.
 * Before the writes (parsing a big program) the signals act as usual. */
static volatile sig_atomic_t rw_interrupt;
static const int rw_sigs[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction rw_old_sa[3];
static int rw_sa_set[3];

static void rw_on_signal(int sig)
{
	rw_interrupt = sig;
}

static void rw_signals_catch(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = rw_on_signal;
	sigemptyset(&sa.sa_mask);
	for (int k = 0; k < 3; k++) {
		rw_sa_set[k] = 0;
		if (sigaction(rw_sigs[k], NULL, &rw_old_sa[k]) == 0 && rw_old_sa[k].sa_handler != SIG_IGN)
			rw_sa_set[k] = sigaction(rw_sigs[k], &sa, NULL) == 0;
	}
}

/* the old dispositions back; then die of a signal that came meanwhile */
static void rw_signals_release(void)
{
	for (int k = 0; k < 3; k++)
		if (rw_sa_set[k])
			sigaction(rw_sigs[k], &rw_old_sa[k], NULL);
	if (rw_interrupt)
		raise(rw_interrupt);
}

static int run_shell(const char *cmd, int *status)
{
	int passed = 0;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		for (int k = 0; k < 3; k++)
			if (rw_sa_set[k])
				sigaction(rw_sigs[k], &rw_old_sa[k], NULL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, status, 0) < 0) {
		if (errno != EINTR)
			return -1;
		if (rw_interrupt && !passed) {
			kill(pid, rw_interrupt);   /* sent to ferryc alone (kill PID) */
			passed = 1;
		}
	}
	return 0;
}

typedef struct rw_paths {
	char *lib, *inc;
} rw_paths;

/* The build tree this ferryc runs from, if it is one: a directory holding
 * both the running executable and runtime/libferry.a. 1 with the directory
 * in dir, else 0. */
static int own_build_tree(char *dir, size_t cap)
{
	ssize_t n = readlink("/proc/self/exe", dir, cap - 1);
	char *slash, *lib;
	int r;

	if (n <= 0 || (size_t)n >= cap - 1)
		return 0;
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	lib = join(dir, "/runtime/libferry.a", NULL);
	r = lib && file_exists(lib);
	free(lib);
	return r;
}

/* The ABI that INC/ferry.h declares (its FERRY_ABI_VERSION): 1 with *abi,
 * or 0 if the header cannot be read or does not say. */
static int header_abi(const char *inc, unsigned *abi)
{
	static const char key[] = "#define FERRY_ABI_VERSION";
	char *h = join(inc, "/ferry.h", NULL), buf[16384], *p;
	FILE *f = h ? fopen(h, "rb") : NULL;
	size_t n;

	free(h);
	if (!f)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strstr(buf, key);
	if (!p)
		return 0;
	*abi = (unsigned)strtoul(p + sizeof key - 1, NULL, 10);
	return *abi != 0;
}

static int find_runtime(const rw_cli_opts *o, rw_paths *rp, char *err, size_t errlen)
{
	const char *rd = o->runtime_dir ? o->runtime_dir : getenv("FERRY_RUNTIME_DIR");
	const char *src = getenv("FERRY_SRCDIR");

	rp->lib = rp->inc = NULL;
	if (rd && *rd) {
		char *cand = join(rd, "/runtime/libferry.a", NULL);
		if (cand && file_exists(cand)) {
			rp->lib = cand;
			rp->inc = join(rd, "/runtime", NULL);
		} else {
			free(cand);
			rp->lib = join(rd, "/libferry.a", NULL);
			rp->inc = strdup(rd);
		}
		if (rp->inc && rp->lib) {
			char *h = join(rp->inc, "/ferry.h", NULL);
			if (h && !file_exists(h)) {
				/* VPATH build tree: the header lives in the source tree
				 * ($FERRY_SRCDIR, else the tree ferryc was built from) */
				if (!src || !*src)
					src = RW_SRCDIR;
				free(rp->inc);
				rp->inc = join(src, "/runtime", NULL);
			}
			free(h);
		}
	} else {
		rp->lib = strdup(FERRY_LIBDIR "/libferry.a");
		rp->inc = strdup(FERRY_INCLUDEDIR);
	}
	if (!rp->lib || !rp->inc) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (!file_exists(rp->lib)) {
		char tree[4096];
		if (!(rd && *rd) && own_build_tree(tree, sizeof tree))
			/* an uninstalled ferryc, run from the tree it was built in */
			snprintf(err, errlen, "%s: libferry not found (ferryc is not installed: run make "
			         "install, or pass --runtime-dir %s)", rp->lib, tree);
		else if (!(rd && *rd))
			snprintf(err, errlen, "%s: libferry not found (install Ferry, or pass --runtime-dir "
			         "DIR or set FERRY_RUNTIME_DIR to a build tree)", rp->lib);
		else
			snprintf(err, errlen, "%s: libferry not found (--runtime-dir or FERRY_RUNTIME_DIR "
			         "names a build tree, DIR/runtime/libferry.a)", rp->lib);
		return -1;
	}
	{
		/* the table ferryc writes follows its own ferry.h: another Ferry's
		 * header (an older install in the same prefix) would compile it
		 * into nonsense, with warnings at best */
		unsigned abi;
		if (header_abi(rp->inc, &abi) && abi != FERRY_ABI_VERSION) {
			snprintf(err, errlen, "%s/ferry.h: libferry ABI %u, but this ferryc writes ABI %u "
			         "(they come from different versions of Ferry: make install this one, or "
			         "pass --runtime-dir its build tree)", rp->inc, abi, (unsigned)FERRY_ABI_VERSION);
			return -1;
		}
	}
	return 0;
}

static int link_exe(const rw_cli_opts *o, const char *cfile, const char *exe,
                    char *err, size_t errlen)
{
	rw_paths rp;
	rw_out cmd;
	const char *cc = o->cc ? o->cc : getenv("CC");
	const char *cflags = o->cflags ? o->cflags : getenv("CFLAGS");
	char tmp_exe[64];
	char *tmp_path = NULL;
	const char *slash;
	int status, rc = -1;

	if (!cc || !*cc)
		cc = "cc";
	if (!cflags)
		cflags = "-O2";
	if (find_runtime(o, &rp, err, errlen) < 0)
		goto out_paths;
	/* link to a temporary name next to the result, then rename */
	snprintf(tmp_exe, sizeof tmp_exe, ".link-%ld.tmp", (long)getpid());
	slash = strrchr(exe, '/');
	if (slash) {
		size_t dl = (size_t)(slash - exe) + 1;
		tmp_path = malloc(dl + strlen(tmp_exe) + 1);
		if (tmp_path) {
			memcpy(tmp_path, exe, dl);
			strcpy(tmp_path + dl, tmp_exe);
		}
	} else {
		tmp_path = strdup(tmp_exe);
	}
	if (!tmp_path) {
		snprintf(err, errlen, "out of memory");
		goto out_paths;
	}
	rw_out_init(&cmd);
	rw_out_printf(&cmd, "%s %s -I", cc, cflags);
	sh_quote(&cmd, rp.inc);
	rw_out_puts(&cmd, " -o ");
	sh_quote(&cmd, tmp_path);
	rw_out_puts(&cmd, " ");
	sh_quote(&cmd, cfile);
	rw_out_puts(&cmd, " ");
	sh_quote(&cmd, rp.lib);
	if (!o->cc && RW_SAN_FLAGS[0])
		rw_out_puts(&cmd, " " RW_SAN_FLAGS);
	rw_out_puts(&cmd, " " RW_DEVICE_LIBS);
	if (cmd.oom) {
		snprintf(err, errlen, "out of memory");
		goto out_cmd;
	}
	if (o->verbose)
		fprintf(stderr, "%s\n", cmd.p);
	fflush(NULL);
	if (run_shell(cmd.p, &status) < 0) {
		snprintf(err, errlen, "cannot run /bin/sh: %s", strerror(errno));
		goto out_cmd;
	}
	if (rw_interrupt) {
		unlink(tmp_path);
		snprintf(err, errlen, "%s: interrupted", exe);
		goto out_cmd;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, errlen, "%s: C compiler failed (%s %d): %s", cfile,
		         WIFEXITED(status) ? "exit" : "signal",
		         WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), cmd.p);
		unlink(tmp_path);
		goto out_cmd;
	}
	if (rename(tmp_path, exe) < 0) {
		snprintf(err, errlen, "%s: rename failed: %s", exe, strerror(errno));
		unlink(tmp_path);
		goto out_cmd;
	}
	rc = 0;
out_cmd:
	rw_out_free(&cmd);
out_paths:
	free(tmp_path);
	free(rp.lib);
	free(rp.inc);
	return rc;
}

/* Duktape refused to compile the program text (berr says why). If the
 * original compiles, the instrumentation broke it: an error, never a build
 * that fails at start. If the original does not compile either, the build
 * goes on, as designed (the device reports the error at start, as a source
 * build would), but the user hears of it now: a warning on stderr. */
static int compile_refused(const rw_cli_opts *o, const rw_ast *ast, const char *src,
                           size_t srclen, const char *berr, char *err, size_t errlen)
{
	unsigned char *bc = NULL;
	size_t bclen = 0;
	char oerr[256];

	if (!o->plain && rw_bytecode(o->input, src, srclen, &bc, &bclen, oerr, sizeof oerr) == 0) {
		free(bc);
		if (ast->depth > RW_MAX_DEPTH && strstr(berr, "recursion limit")) {
			/* within a few levels of Duktape's limit, the instrumented
			 * text (a tagged function expression is one level deeper)
			 * crosses it */
			snprintf(err, errlen, "%s: nested %u levels deep, the instrumented program is beyond "
			         "Duktape 2.7's limit (%s)", o->input, (unsigned)ast->depth, berr);
			return -1;
		}
		snprintf(err, errlen, "internal error: Duktape compiles %s but not its instrumented "
		         "text (%s); please report this program", o->input, berr);
		return -1;
	}
	if (ast->duk_div_regex) {
		/* valid ES5.1 that Duktape's lexer reads otherwise: say where */
		uint32_t line, col;
		rw_position(ast, ast->duk_div_regex - 1, &line, &col);
		fprintf(stderr, "ferryc: warning: %s:%u:%u: Duktape 2.7 reads this regular expression's "
		        "'/' as division (after a name, ++ or --) and cannot compile the program "
		        "(%s); it will stop with this error when it starts\n",
		        o->input, (unsigned)line, (unsigned)col, berr);
		return 0;
	}
	fprintf(stderr, "ferryc: warning: %s: Duktape 2.7 cannot compile this program; "
	        "it will stop with this error when it starts\n", berr);
	return 0;
}

int rw_build(const rw_cli_opts *o, char *err, size_t errlen)
{
	const char *outdir = o->outdir ? o->outdir : "build";
	char *src = NULL, *name = NULL, *fy = NULL, *cfile = NULL, *exe = NULL, *base = NULL;
	size_t srclen;
	char prefix[32];
	rw_out cout, code;
	rw_site *psites = NULL;
	rw_ast *ast = NULL;
	rw_scopes *scopes = NULL;
	rw_program prog, emb;
	unsigned char *bc = NULL;
	size_t bclen = 0;
	int rc = -1;

	rw_out_init(&cout);
	rw_out_init(&code);
	if (!o->input) {
		snprintf(err, errlen, "no input file");
		return -1;
	}
	if (read_file(o->input, &src, &srclen, err, errlen) < 0)
		return -1;
	choose_prefix(src, srclen, prefix, sizeof prefix);

	memset(&prog, 0, sizeof prog);
	prog.filename = o->input;
	prog.prefix = prefix;
	/* both builds check the program the same way (syntax and ES5 early
	 * errors: one file:line:col line), so --plain never builds a program
	 * that the instrumenting build would refuse */
	if (rw_parse(o->input, src, srclen, (o->strict ? RW_PARSE_STRICT : 0) | (o->deep ? RW_PARSE_DEEP : 0),
	             &ast, err, errlen) != 0)
		goto out;
	if (rw_scopes_analyse(ast, &scopes, err, errlen) != 0)
		goto out;
	if (ast->depth > RW_MAX_DEPTH) {
		/* Near Duktape's recursion limit (about 2500 levels), and the
		 * instrumented text may nest less deeply than the original (an
		 * environment-only `((x))` becomes `Pe[1]`) or more: only a program
		 * whose original text Duktape compiles is built, in both modes, so
		 * the two builds start (or refuse) alike. */
		char derr[256];

		if (rw_bytecode(o->input, src, srclen, &bc, &bclen, derr, sizeof derr) != 0) {
			snprintf(err, errlen, "%s; Duktape 2.7 cannot compile a program nested %u levels deep",
			         derr, (unsigned)ast->depth);
			goto out;
		}
		free(bc);
		bc = NULL;
		bclen = 0;
	}
	if (o->plain) {
		/* --plain: the original program. Its site table has as many
		 * sites as the instrumented build's, all like site 0, so that
		 * the runtime puts the same keys in Function.prototype.<prefix>k
		 * (a program can print that array): one per function literal,
		 * as rw_instrument numbers them, and site 0 */
		uint32_t n = 1, i, nscopes = rw_scopes_count(scopes);

		for (i = 0; i < nscopes; i++)
			if (rw_scopes_get(scopes, i)->kind == RW_SCOPE_FUNCTION)
				n++;
		psites = calloc(n, sizeof *psites);
		if (!psites) {
			snprintf(err, errlen, "out of memory");
			goto out;
		}
		for (i = 0; i < n; i++) {
			psites[i].id = i;
			psites[i].name = "";
			psites[i].line = 1;
			psites[i].col = 1;
		}
		prog.instrumented = 0;
		prog.code = src;
		prog.code_len = srclen;
		if (ast->program->u.program.strict == 2) {
			/* --strict: the program runs as strict code (as the
			 * instrumented build's does, rewriter/instrument.c) */
			rw_out_puts(&code, "\"use strict\";");
			rw_out_put(&code, src, srclen);
			if (code.oom) {
				snprintf(err, errlen, "out of memory");
				goto out;
			}
			prog.code = code.p;
			prog.code_len = code.len;
		}
		prog.sites = psites;
		prog.nsites = n;
	} else if (rw_instrument(ast, scopes, prefix, &code, &prog, err, errlen) != 0) {
		goto out;
	}

	name = app_name(o->input);
	base = name ? join(outdir, "/", name) : NULL;
	fy = base ? join(base, ".fy.js", NULL) : NULL;
	cfile = base ? join(base, "_restore.c", NULL) : NULL;
	exe = base ? strdup(base) : NULL;
	if (!exe || !fy || !cfile) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	/* an input without .js, built into its own directory, has the name of
	 * the executable: never write over the user's program */
	{
		const char *outs[3] = { fy, cfile, o->emit_only ? NULL : exe };
		const char *what[3] = { "the instrumented program", "the restore table", "the executable" };
		for (int k = 0; k < 3; k++)
			if (outs[k] && same_file(outs[k], o->input)) {
				snprintf(err, errlen, "%s: is the input file, and %s would be written over it "
				         "(name the program NAME.js, or choose another -o)", outs[k], what[k]);
				goto out;
			}
	}
	/* embed bytecode (starts faster, see emit_bytecode.c) unless cross
	 * compiling or asked not to; app.fy.js stays the source text */
	emb = prog;
	{
		const char *e = getenv("FERRY_EMBED");
		char berr[256];
		if (o->cc || (e && strcmp(e, "source") == 0)) {
			/* source text, compiled on the device */
		} else if (rw_bytecode(o->input, prog.code, prog.code_len, &bc, &bclen, berr, sizeof berr) == 0) {
			emb.code = (const char *)bc;
			emb.code_len = bclen;
			emb.code_is_bytecode = 1;
			emb.text = prog.code;      /* the hash covers the text */
			emb.text_len = prog.code_len;
		} else if (compile_refused(o, ast, src, srclen, berr, err, errlen) != 0) {
			goto out;
		}
	}
	if (rw_emit_restore_c(&emb, &cout, NULL, err, errlen) < 0)
		goto out;
	if (!o->emit_only) {
		/* no libferry to link: say so before writing anything */
		rw_paths rp;
		int fr = find_runtime(o, &rp, err, errlen);
		free(rp.lib);
		free(rp.inc);
		if (fr < 0)
			goto out;
	}
	rw_signals_catch();
	if (make_dirs(outdir, err, errlen) < 0 ||
	    rw_write_file_atomic(fy, prog.code, prog.code_len, err, errlen) < 0 || rw_interrupt ||
	    rw_write_file_atomic(cfile, cout.p, cout.len, err, errlen) < 0 || rw_interrupt ||
	    (!o->emit_only && link_exe(o, cfile, exe, err, errlen) < 0)) {
		rw_signals_release();
		goto out;
	}
	rw_signals_release();
	rc = 0;
out:
	rw_out_free(&cout);
	rw_out_free(&code);
	if (scopes)
		rw_scopes_free(scopes);
	rw_ast_free(ast);
	free(bc);
	free(psites);
	free(src);
	free(name);
	free(base);
	free(fy);
	free(cfile);
	free(exe);
	return rc;
}
