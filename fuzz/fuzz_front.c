/*
 * fuzz/fuzz_front.c -- libFuzzer target for ferryc's front end: the input
 * bytes are a program file, run through what `ferryc --emit-only` does in
 * process (rw_build: choose the prefix, parse, scope analysis, instrument,
 * write the restore table as C text; no C compiler), plus `--print` and
 * `--dump-scopes`. ferryc must give a correct build or one error line for
 * any input, so besides ASan/UBSan the oracles are (any failure aborts):
 *
 *  - a rejected input gets one line "fz.js:LINE:COL: message", the
 *    position inside the input (a line that exists, a column at most one
 *    past that line's end);
 *  - an accepted input is compiled by plain Duktape (duk_pcompile, the
 *    Debian libduktape that ferryc and the device use). Where the parser
 *    accepts and Duktape refuses, only the differences doc/parser.md and
 *    tests/data/conformance-exceptions.txt list are allowed (fz_duk_may_refuse);
 *  - when Duktape compiles the original, the instrumented program must
 *    compile too, each maker unit as a function (as runtime/restore_shell.c
 *    loads it), and calling the unit (which only creates the makers) must
 *    give a table with one maker per non-dynamic site; each maker, called
 *    with empty environments, gives a function (and an init that runs),
 *    and (parsed) that function is as strict as its site;
 *  - the instrumentation adds no line break (doc/design.md: the user's line
 *    numbers are kept), and every string literal of the emitted C decodes
 *    to the bytes it stands for (units, names);
 *  - the instrumented program parses (Ferry's parser) and has the input's
 *    functions in the same order, each with its name, parameter count and
 *    strictness (an edit before a "use strict" would make it sloppy);
 *  - determinism: a second parse + instrument + emit gives the same bytes;
 *  - the printer: print(parse(x)) parses to the same AST (but for the
 *    parentheses), prints to the same text, and compiles with Duktape when
 *    x does.
 *
 * Mutation (LLVMFuzzerCustomMutator, at the end): half the time one
 * statement or expression of a program that parses is replaced by another
 * of the same program or by a fragment that the instrumentation cares for.
 *
 * Build: fuzz/build.sh (librewriter and liblexer sources with the fuzzer's
 * instrumentation, Duktape, libsodium). FUZZ_FRONT_VERBOSE=1 prints what
 * happened to each input; FUZZ_FRONT_REVERSE=1 also prints (without
 * failing) the inputs Duktape compiles and the parser rejects, other than
 * with the ES2015 message, for manual triage: most are ES5.1 early errors
 * that Duktape leaves to run time.
 */
/* build.c's choose_prefix() is static: take the file itself, so the prefix
 * is chosen exactly as ferryc does (and nothing else of rw_build runs) */
#include "rewriter/build.c"

#include <duktape.h>
#include "lexer/lexer.h"
#include "runtime/ferry.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

#define FZ_FILE "fz.js"

static duk_context *fz_duk;
static int fz_verbose, fz_reverse;

static void fz_die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz oracle: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_verbose = getenv("FUZZ_FRONT_VERBOSE") != NULL;
	fz_reverse = getenv("FUZZ_FRONT_REVERSE") != NULL;
	return 0;
}

static duk_context *fz_heap(void)
{
	/* one heap per input, made when first needed: a heap kept across
	 * inputs would leave mallocs without frees in every run, and libFuzzer
	 * then runs a leak check each time (most of the time went there) */
	if (!fz_duk) {
		fz_duk = duk_create_heap_default();
		if (!fz_duk)
			fz_die("no Duktape heap", NULL);
	}
	return fz_duk;
}

static void fz_heap_close(void)
{
	if (fz_duk)
		duk_destroy_heap(fz_duk);
	fz_duk = NULL;
}

/* Compiles text as a program (flags 0) or a function (DUK_COMPILE_FUNCTION);
 * 0, or -1 with Duktape's message in msg. The compiled function is left on
 * the stack when keep is set. */
static int fz_compile(const char *text, size_t len, duk_uint_t flags, char *msg, size_t msglen,
                      int keep)
{
	duk_context *ctx = fz_heap();

	duk_set_top(ctx, 0);
	duk_push_string(ctx, FZ_FILE);
	if (duk_pcompile_lstring_filename(ctx, flags, text, len) != 0) {
		snprintf(msg, msglen, "%s", duk_safe_to_string(ctx, -1));
		duk_set_top(ctx, 0);
		return -1;
	}
	if (!keep)
		duk_set_top(ctx, 0);
	msg[0] = '\0';
	return 0;
}

/* Regular expression bodies: the lexer takes a regex literal as a token and
 * does not validate its pattern; Duktape compiles the pattern with the
 * program (doc/parser.md, conformance-exceptions.txt). fz_no_regex() gives
 * the program with every regex body replaced by `x` (flags kept), to tell
 * whether a pattern is what Duktape refuses. */
typedef struct fz_rx {
	rw_out out;
	const rw_ast *ast;
	const char *src;
	uint32_t at;      /* source copied up to here */
	int n;            /* regex literals seen */
} fz_rx;

static int fz_rx_walk(rw_node *n, void *ud)
{
	fz_rx *r = ud;

	if (n->kind == RW_REGEX) {
		uint32_t s, e;
		rw_token_span(r->ast, n, &s, &e);
		rw_out_put(&r->out, r->src + r->at, s - r->at);
		rw_out_puts(&r->out, "/x/");
		r->at = s + 1 + n->u.regex.body_len + 1;
		r->n++;
		return 0;
	}
	return rw_children(n, fz_rx_walk, ud);
}

static char *fz_no_regex(const rw_ast *ast, size_t *len)
{
	fz_rx r;

	rw_out_init(&r.out);
	r.ast = ast;
	r.src = ast->src;
	r.at = 0;
	r.n = 0;
	fz_rx_walk(ast->program, &r);
	if (!r.n) {
		rw_out_free(&r.out);
		return NULL;
	}
	rw_out_put(&r.out, ast->src + r.at, ast->len - r.at);
	if (r.out.oom)
		fz_die("out of memory", NULL);
	*len = r.out.len;
	return r.out.p;
}

/* 1 if an `in` operator lies inside the init of a for (;;) or the left
 * side of a for-in (outside nested functions); ud non-NULL: inside one */
static int fz_for_in_head(rw_node *n, void *ud)
{
	if (ud && n->kind == RW_BINARY && n->op == RW_OP_IN)
		return 1;
	if (n->kind == RW_FUNC_EXPR || n->kind == RW_FUNC_DECL) {
		uint32_t i;
		for (i = 0; i < n->u.fn.body.n; i++)
			if (RW_ITEM(n, fn.body, i) && fz_for_in_head(RW_ITEM(n, fn.body, i), NULL))
				return 1;
		return 0;
	}
	if (n->kind == RW_FOR && RW_N(n, for_.init) && fz_for_in_head(RW_N(n, for_.init), n))
		return 1;
	if (n->kind == RW_FOR_IN && RW_N(n, for_in.left) && fz_for_in_head(RW_N(n, for_in.left), n))
		return 1;
	return rw_children(n, fz_for_in_head, ud);
}

static int fz_duk_may_refuse_(const rw_ast *ast, const char *msg, int strip);

/* Where the parser accepts and Duktape does not compile, on purpose or as
 * documented: regex patterns (above), a regex after a name, ++ or --,
 * exponents Duktape calls too large, `in` inside the left side of a for-in
 * (valid ES5.1, Duktape: parse error), and Duktape's own compiler limits. */
static int fz_duk_may_refuse(const rw_ast *ast, const char *msg)
{
	return fz_duk_may_refuse_(ast, msg, 1);
}

static int fz_duk_may_refuse_(const rw_ast *ast, const char *msg, int strip)
{
	static const char *const known[] = {
		"exponent too large",
		/* compiler limits */
		"recursion limit", "out of regs", "out of temps", "const limit", "temp limit",
		"reg limit", "too many", "limit",
		NULL
	};
	const char *src = ast->src;
	size_t len = ast->len, k, nl;
	char *nr, m2[512];

	for (k = 0; known[k]; k++)
		if (strstr(msg, known[k]))
			return 1;
	/* a regex where Duktape's lexer reads division (after a name, ++ or
	 * --: `var a NEWLINE /re/`, `++/a/.lastIndex`; the parser marks it) */
	if (strstr(msg, "parse error") && ast->duk_div_regex)
		return 1;
	nr = strip ? fz_no_regex(ast, &nl) : NULL;
	if (nr) {
		int ok = fz_compile(nr, nl, 0, m2, sizeof m2, 0) == 0;
		rw_ast *a2 = NULL;
		char err[512];
		/* once: the text still has (plain) regex literals */
		if (!ok && rw_parse(FZ_FILE, nr, nl, 0, &a2, err, sizeof err) == 0)
			ok = fz_duk_may_refuse_(a2, m2, 0);
		rw_ast_free(a2);
		free(nr);
		if (ok)
			return 1;
	}
	/* for (a[b in c] in d), for (x(a in b);;): an `in` nested in a for
	 * head's first part, valid ES5.1 (conformance-exceptions.txt) */
	if (strstr(msg, "parse error") && fz_for_in_head(ast->program, NULL))
		return 1;
	(void)src;
	(void)len;
	return 0;
}

/* ---- error lines */

/* 1 if c starts a line terminator; *n its bytes (LF, CR, CRLF, U+2028, U+2029) */
static int fz_newline(const char *s, size_t i, size_t len, size_t *n)
{
	unsigned char c = (unsigned char)s[i];

	if (c == '\n') {
		*n = 1;
		return 1;
	}
	if (c == '\r') {
		*n = (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
		return 1;
	}
	if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
		*n = 3;
		return 1;
	}
	return 0;
}

static uint32_t fz_count_lines(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t k = 0;

	while (i < len) {
		if (fz_newline(s, i, len, &n)) {
			k++;
			i += n;
		} else {
			i++;
		}
	}
	return k;
}

/* err is "fz.js:LINE:COL: message", one line, the position inside src */
static void fz_check_error(const char *what, const char *err, const char *src, size_t len)
{
	const char *p = err;
	char *e;
	unsigned long line, col, l = 1;
	size_t i = 0, n, cols = 0;
	const size_t fl = strlen(FZ_FILE);

	if (strncmp(p, FZ_FILE ":", fl + 1) != 0)
		fz_die(what, err);
	p += fl + 1;
	line = strtoul(p, &e, 10);
	if (e == p || *e != ':')
		fz_die("error without a line", err);
	p = e + 1;
	col = strtoul(p, &e, 10);
	if (e == p || e[0] != ':' || e[1] != ' ' || !e[2])
		fz_die("error without a column or message", err);
	if (strchr(err, '\n') || strchr(err, '\r'))
		fz_die("error of more than one line", err);
	if (line < 1 || col < 1)
		fz_die("error at line or column 0", err);
	/* find the line, then count its bytes (an upper bound of its code points) */
	while (l < line && i < len) {
		if (fz_newline(src, i, len, &n)) {
			l++;
			i += n;
		} else {
			i++;
		}
	}
	if (l < line)
		fz_die("error line past the end of the input", err);
	while (i < len && !fz_newline(src, i, len, &n)) {
		if (((unsigned char)src[i] & 0xc0) != 0x80)
			cols++;
		i++;
	}
	if (col > cols + 1)
		fz_die("error column past the end of its line", err);
}

/* ---- the emitted C: decode its string literals */

/* Decodes the C string literal pieces starting at *pp ("\t\"...\"" separated
 * by white space) up to the next ';' or ','; returns the bytes (malloc'd). */
static char *fz_c_strings(const char **pp, size_t *outlen)
{
	const char *p = *pp;
	char *o = malloc(strlen(p) + 1);
	size_t n = 0;

	if (!o)
		fz_die("out of memory", NULL);
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p != '"')
			break;
		for (p++; *p != '"'; p++) {
			if (!*p || *p == '\n')
				fz_die("unterminated C string in the restore table", NULL);
			if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
				fz_die("raw control or non-ASCII byte in a C string", NULL);
			if (*p == '?' )
				fz_die("unescaped ? in a C string (trigraphs)", NULL);
			if (*p != '\\') {
				o[n++] = *p;
				continue;
			}
			p++;
			if (*p == 'n')
				o[n++] = '\n';
			else if (*p == '\\' || *p == '"' || *p == '?' || *p == '\'')
				o[n++] = *p;
			else if (*p >= '0' && *p <= '7') {
				unsigned v = 0, k;
				for (k = 0; k < 3 && *p >= '0' && *p <= '7'; k++, p++)
					v = v * 8 + (unsigned)(*p - '0');
				p--;
				if (v > 255)
					fz_die("octal escape out of range in a C string", NULL);
				o[n++] = (char)v;
			} else {
				fz_die("unknown escape in a C string", NULL);
			}
		}
		p++;
	}
	*pp = p;
	*outlen = n;
	return o;
}

/* the numbers of the C array whose declaration starts with head */
static uint32_t *fz_c_numbers(const char *c, const char *head, size_t *count)
{
	const char *p = strstr(c, head);
	uint32_t *v = NULL;
	size_t n = 0, cap = 0;

	if (!p)
		fz_die("an array missing from the restore table", head);
	p += strlen(head);
	for (;;) {
		char *end;
		unsigned long x;
		while (*p == ' ' || *p == '\n' || *p == '\t' || *p == ',')
			p++;
		if (*p == '}')
			break;
		x = strtoul(p, &end, 0);
		if (end == p || x > 0xffffffffUL)
			fz_die("not a number in a restore table array", head);
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = realloc(v, cap * sizeof *v);
			if (!v)
				fz_die("out of memory", NULL);
		}
		v[n++] = (uint32_t)x;
		p = end;
	}
	*count = n;
	return v;
}

/* the maker units put together from the emitted glue and pieces, as the
 * runtime does (runtime/restore_shell.c), are the units' texts */
static void fz_check_c(const rw_out *c, const rw_program *prog)
{
	static const char ghead[] = "static const char ferry_glue[] =\n";
	uint32_t i, *pieces, *first, *sites, *sfirst;
	size_t npieces, nfirst, glen, nsp, nsf;
	const char *p;
	char *glue, head[64];

	if (!c->p || strlen(c->p) != c->len)
		fz_die("restore table text with a NUL byte", NULL);
	if (prog->nunits) {
		p = strstr(c->p, ghead);
		if (!p)
			fz_die("the maker glue missing from the restore table", NULL);
		p += strlen(ghead);
		glue = fz_c_strings(&p, &glen);
		if (*p != ';')
			fz_die("the maker glue's C literal does not end", NULL);
		pieces = fz_c_numbers(c->p, "static const uint32_t ferry_pieces[] = {", &npieces);
		first = fz_c_numbers(c->p, "static const uint32_t ferry_unit_first[] = {", &nfirst);
		if (nfirst != prog->nunits + 1 || npieces % 2 || first[prog->nunits] != npieces / 2)
			fz_die("maker unit tables of the wrong size", NULL);
		sites = fz_c_numbers(c->p, "static const uint32_t ferry_site_pieces[] = {", &nsp);
		sfirst = fz_c_numbers(c->p, "static const uint32_t ferry_site_first[] = {", &nsf);
		if (nsf != prog->nunits + 1 || (sfirst[prog->nunits] ? sfirst[prog->nunits] * 4 : 1) != nsp)
			fz_die("maker site tables of the wrong size", NULL);
		for (i = 0; i < prog->nunits; i++) {
			size_t at = 0, k, j;
			const char *u = prog->units[i];
			/* each maker's pieces are its text, from "<site>: function" to "},"
			 * (what a resume leaves out), with as many line breaks as it says */
			if (sfirst[i + 1] - sfirst[i] != prog->unit_nmakers[i])
				fz_die("a unit's maker count differs from the table's", NULL);
			for (j = sfirst[i]; j < sfirst[i + 1]; j++) {
				const rw_maker_pos *mp = &prog->unit_makers[i][j - sfirst[i]];
				size_t pos = 0, nl = 0, q;
				for (k = first[i]; k < sites[4 * j + 1]; k++)
					pos += pieces[2 * k + 1];
				if (sites[4 * j] != mp->site || pos != mp->start || sites[4 * j + 3] != mp->nl)
					fz_die("a maker's entry is not where its text is", NULL);
				for (; k < sites[4 * j + 2]; k++)
					pos += pieces[2 * k + 1];
				if (pos != mp->end || mp->end > prog->unit_lens[i])
					fz_die("a maker's pieces do not end with it", NULL);
				for (q = mp->start; q < mp->end; q++) {   /* as rewriter/instrument_maker.c counts */
					unsigned char ch = (unsigned char)u[q];
					if (ch == '\n' || (ch == '\r' && !(q + 1 < mp->end && u[q + 1] == '\n')))
						nl++;
					else if (ch == 0xe2 && q + 2 < mp->end && (unsigned char)u[q + 1] == 0x80 &&
					         ((unsigned char)u[q + 2] == 0xa8 || (unsigned char)u[q + 2] == 0xa9))
						nl++;
				}
				snprintf(head, sizeof head, "%u: function (", (unsigned)mp->site);
				if (nl != mp->nl || strncmp(u + mp->start, head, strlen(head)) != 0 ||
				    mp->end - mp->start < 2 || memcmp(u + mp->end - 2, "},", 2) != 0)
					fz_die("a maker's text is not one maker", head);
			}
			for (k = first[i]; k < first[i + 1]; k++) {
				uint32_t off = pieces[2 * k] & ~FERRY_PIECE_GLUE, len = pieces[2 * k + 1];
				int isglue = (pieces[2 * k] & FERRY_PIECE_GLUE) != 0;
				const char *base = isglue ? glue : prog->code;
				size_t lim = isglue ? glen : prog->code_len;
				if (off > lim || len > lim - off || len > prog->unit_lens[i] - at ||
				    memcmp(u + at, base + off, len) != 0)
					fz_die("a maker unit's pieces are not its text", NULL);
				at += len;
			}
			if (at != prog->unit_lens[i])
				fz_die("a maker unit's pieces are not its text", NULL);
		}
		free(glue);
		free(pieces);
		free(first);
		free(sites);
		free(sfirst);
	}
	for (i = 0; i < prog->nsites; i++) {
		const rw_site *s = &prog->sites[i];
		const char *p;
		char *u;
		size_t n;

		snprintf(head, sizeof head, "\t{ %u, %u, ", (unsigned)s->id, (unsigned)s->parent);
		p = strstr(c->p, head);
		if (!p)
			fz_die("a site missing from the restore table", head);
		p += strlen(head);
		u = fz_c_strings(&p, &n);
		if (*p != ',' || n != strlen(s->name) || memcmp(u, s->name, n) != 0)
			fz_die("a site name's C literal is not the name", head);
		free(u);
	}
}

/* ---- one run of the pipeline */

typedef struct fz_run {
	rw_ast *ast;
	rw_scopes *scopes;
	rw_out code, cout, dump;
	rw_program prog;
	unsigned char hash[32];
	int rc;            /* 0 built; -1 rejected (err) */
	char err[1024];
} fz_run;

static void fz_run_free(fz_run *r)
{
	rw_out_free(&r->code);
	rw_out_free(&r->cout);
	rw_out_free(&r->dump);
	if (r->scopes)
		rw_scopes_free(r->scopes);
	rw_ast_free(r->ast);
}

static FILE *fz_memstream(char **p, size_t *n)
{
	FILE *f = open_memstream(p, n);

	if (!f)
		fz_die("open_memstream", NULL);
	return f;
}

static void fz_pipeline(fz_run *r, const char *src, size_t len, const char *prefix)
{
	int pr;

	memset(r, 0, sizeof *r);
	rw_out_init(&r->code);
	rw_out_init(&r->cout);
	rw_out_init(&r->dump);
	pr = rw_parse(FZ_FILE, src, len, 0, &r->ast, r->err, sizeof r->err);
	if (pr == -1) {
		r->rc = -1;
		return;
	}
	if (pr != 0)
		fz_die("rw_parse failed other than with a syntax error", r->err);
	if (rw_scopes_analyse(r->ast, &r->scopes, r->err, sizeof r->err) != 0)
		fz_die("scope analysis failed", r->err);
	{
		/* --dump-scopes, into memory */
		size_t n = 0;
		char *p = NULL;
		FILE *f = fz_memstream(&p, &n);
		if (rw_scopes_dump(r->scopes, f) != 0)
			fz_die("rw_scopes_dump failed", NULL);
		fclose(f);
		rw_out_put(&r->dump, p ? p : "", n);
		free(p);
		p = NULL;
	}
	r->prog.filename = FZ_FILE;
	r->prog.prefix = prefix;
	if (rw_instrument(r->ast, r->scopes, prefix, &r->code, &r->prog, r->err, sizeof r->err) != 0) {
		/* only the makers' size bound refuses a parsed program */
		if (!strstr(r->err, "restore makers would exceed"))
			fz_die("rw_instrument failed", r->err);
		r->rc = -1;
		return;
	}
	if (rw_emit_restore_c(&r->prog, &r->cout, r->hash, r->err, sizeof r->err) != 0)
		fz_die("rw_emit_restore_c failed", r->err);
	r->rc = 0;
}

/* The maker on the stack top, called with empty arrays for its
 * environments, must give [function] or [function, init], and init() must
 * run: for an accessor or method the maker looks its function up again by
 * key, so a key written differently from the property's name would give
 * undefined here instead of a function. */
static void fz_call_maker(duk_context *ctx, const char *site)
{
	duk_idx_t i, n;

	duk_dup(ctx, -1);
	duk_get_prop_string(ctx, -1, "length");
	n = (duk_idx_t)duk_get_int(ctx, -1);
	duk_pop(ctx);
	for (i = 0; i < n; i++)
		duk_push_array(ctx);
	if (duk_pcall(ctx, n) != 0)
		fz_die("a maker throws", duk_safe_to_string(ctx, -1));
	if (!duk_is_array(ctx, -1))
		fz_die("a maker gives no array", site);
	duk_get_prop_index(ctx, -1, 0);
	if (!duk_is_function(ctx, -1))
		fz_die("a maker gives no function", site);
	duk_pop(ctx);
	if (duk_get_prop_index(ctx, -1, 1)) {
		if (!duk_is_function(ctx, -1))
			fz_die("a maker's init is not a function", site);
		if (duk_pcall(ctx, 0) != 0)
			fz_die("a maker's init throws", duk_safe_to_string(ctx, -1));
	}
	duk_pop_2(ctx);
}

/* first function literal in n, pre-order */
static int fz_first_fn(rw_node *n, void *ud)
{
	if (n->kind == RW_FUNC_EXPR || n->kind == RW_FUNC_DECL) {
		*(rw_node **)ud = n;
		return 1;
	}
	return rw_children(n, fz_first_fn, ud);
}

/* Parses a maker unit with Ferry's parser: each maker (a property keyed by
 * its site) returns [site function, init]; the site function must be as
 * strict as the site, with its parameter count. */
static void fz_check_unit_text(const fz_run *r, uint32_t u)
{
	rw_out t;
	rw_ast *ast = NULL;
	char err[1024];
	rw_node *fn = NULL, *ret, *obj = NULL;
	uint32_t i;

	/* The unit is a part of the program, and the parser reads a sloppy
	 * `let [` statement as an expression only when the program declares or
	 * assigns `let` (doc/parser.md): the declaration, if any, stays outside
	 * the unit, so give the unit one. Duktape compiles both the same. */
	rw_out_init(&t);
	rw_out_puts(&t, "var let; (");
	rw_out_put(&t, r->prog.units[u], r->prog.unit_lens[u]);
	rw_out_puts(&t, ")");
	if (rw_parse(FZ_FILE, t.p, t.len, 0, &ast, err, sizeof err) != 0)
		fz_die("a maker unit does not parse", err);
	fz_first_fn(ast->program, &fn);
	/* function () { ["use strict";] return { site: maker, ... }; } */
	ret = fn && fn->u.fn.body.n ? RW_ITEM(fn, fn.body, fn->u.fn.body.n - 1) : NULL;
	if (ret && ret->kind == RW_RETURN)
		obj = RW_N(ret, ret.arg);
	if (!obj || obj->kind != RW_OBJECT)
		fz_die("a maker unit is not function () { return {...}; }", NULL);
	for (i = 0; i < obj->u.object.props.n; i++) {
		rw_node *p = RW_ITEM(obj, object.props, i), *mk = RW_N(p, prop.value), *site_fn = NULL, *arr;
		rw_node *key = RW_N(p, prop.key), *last;
		const rw_site *st;
		double id;

		if (!key || key->kind != RW_NUMBER || !mk || mk->kind != RW_FUNC_EXPR || !mk->u.fn.body.n)
			fz_die("a maker unit entry is not site: function", NULL);
		id = rw_number(key);
		if (id < 1 || id >= r->prog.nsites)
			fz_die("a maker unit entry for no site", NULL);
		st = &r->prog.sites[(uint32_t)id];
		last = RW_ITEM(mk, fn.body, mk->u.fn.body.n - 1);
		arr = last && last->kind == RW_RETURN ? RW_N(last, ret.arg) : NULL;
		if (!arr || arr->kind != RW_ARRAY || !arr->u.array.items.n || !RW_ITEM(arr, array.items, 0))
			fz_die("a maker does not return [function, ...]", NULL);
		fz_first_fn(RW_ITEM(arr, array.items, 0), &site_fn);
		if (!site_fn)
			fz_die("a maker without its function", NULL);
		if (!(site_fn->u.fn.flags & RW_FN_STRICT) != !(st->flags & FERRY_SITE_STRICT)) {
			fprintf(stderr, "unit %u:\n%s\n", (unsigned)u, r->prog.units[u]);
			fz_die("a maker's function is not as strict as its site", NULL);
		}
		if (site_fn->u.fn.params.n != st->nparams && st->nparams != 0xffff)
			fz_die("a maker's function has other parameters than its site", NULL);
	}
	rw_ast_free(ast);
	rw_out_free(&t);
}

static void fz_check_units(const fz_run *r)
{
	duk_context *ctx;
	uint32_t u, i, nmakers = 0, want = 0;
	char msg[512];

	for (i = 1; i < r->prog.nsites; i++)
		if (!(r->prog.sites[i].flags & FERRY_SITE_DYNAMIC))
			want++;
	for (u = 0; u < r->prog.nunits; u++) {
		fz_check_unit_text(r, u);
		if (fz_compile(r->prog.units[u], r->prog.unit_lens[u], DUK_COMPILE_FUNCTION,
		               msg, sizeof msg, 1) != 0) {
			fprintf(stderr, "unit %u:\n%.*s\n", (unsigned)u, (int)r->prog.unit_lens[u],
			        r->prog.units[u]);
			fz_die("a maker unit does not compile", msg);
		}
		ctx = fz_duk;
		/* the unit's function only builds its table of makers */
		if (duk_pcall(ctx, 0) != 0)
			fz_die("a maker unit throws", duk_safe_to_string(ctx, -1));
		if (!duk_is_object(ctx, -1))
			fz_die("a maker unit returns no table", NULL);
		duk_enum(ctx, -1, DUK_ENUM_OWN_PROPERTIES_ONLY);
		while (duk_next(ctx, -1, 1)) {
			unsigned long site = strtoul(duk_to_string(ctx, -2), NULL, 10);
			if (!duk_is_function(ctx, -1))
				fz_die("a maker that is not a function", NULL);
			if (site == 0 || site >= r->prog.nsites ||
			    (r->prog.sites[site].flags & FERRY_SITE_DYNAMIC))
				fz_die("a maker for a site that has none", duk_to_string(ctx, -2));
			fz_call_maker(ctx, duk_get_string(ctx, -2));
			nmakers++;
			duk_pop_2(ctx);
		}
		duk_set_top(ctx, 0);
	}
	if (nmakers != want)
		fz_die("not one maker per non-dynamic site", NULL);
}

static int fz_same(const rw_out *a, const rw_out *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->p, b->p, a->len) == 0);
}

/* The AST as text for comparing two parses: every node in pre-order with
 * its kind, operator, flags (not RW_PARENS: the printer chooses those) and
 * its own value (name, cooked string, number, regex text, list sizes). */
typedef struct fz_sig {
	rw_out o;
	const rw_ast *ast;
} fz_sig;

static int fz_sig_walk(rw_node *n, void *ud)
{
	fz_sig *g = ud;
	rw_out *o = &g->o;

	rw_out_printf(o, "(%u %u %u", (unsigned)n->kind, (unsigned)n->op,
	              (unsigned)(n->flags & ~RW_PARENS));
	switch (n->kind) {
	case RW_IDENT:
	case RW_NAME:
		rw_out_puts(o, " ");
		rw_out_put(o, RW_S(n, ident.name), rw_name_len(RW_S(n, ident.name)));
		break;
	case RW_STRING:
		rw_out_printf(o, " %u:", (unsigned)n->u.string.len);
		rw_out_put(o, RW_S(n, string.value), n->u.string.len);
		break;
	case RW_NUMBER: {
		double d = rw_number(n);
		unsigned char b[8];
		memcpy(b, &d, 8);
		rw_out_printf(o, " %02x%02x%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4],
		              b[5], b[6], b[7]);
		break;
	}
	case RW_BOOL:
		rw_out_printf(o, " %d", (int)n->u.boolean.value);
		break;
	case RW_REGEX: {
		uint32_t s, e;
		rw_token_span(g->ast, n, &s, &e);
		rw_out_puts(o, " ");
		rw_out_put(o, g->ast->src + s, e - s);
		break;
	}
	case RW_FUNC_DECL:
	case RW_FUNC_EXPR:
		rw_out_printf(o, " f%u p%u b%u", (unsigned)n->u.fn.flags, (unsigned)n->u.fn.params.n,
		              (unsigned)n->u.fn.body.n);
		break;
	case RW_PROP:
		rw_out_printf(o, " k%u f%u", (unsigned)n->u.prop.kind, (unsigned)n->u.prop.flags);
		break;
	case RW_ARRAY: {
		uint32_t i;
		rw_out_printf(o, " n%u", (unsigned)n->u.array.items.n);
		for (i = 0; i < n->u.array.items.n; i++)
			if (!RW_ITEM(n, array.items, i))
				rw_out_printf(o, " hole%u", (unsigned)i);
		break;
	}
	case RW_BREAK:
	case RW_CONTINUE:
		if (RW_S(n, jump.label))
			rw_out_printf(o, " %s", RW_S(n, jump.label));
		break;
	case RW_LABELED:
		rw_out_printf(o, " %s", RW_S(n, labeled.label));
		break;
	case RW_IF:
		rw_out_printf(o, " %d", RW_N(n, if_.alt) != NULL);
		break;
	case RW_FOR:
		rw_out_printf(o, " %d%d%d", RW_N(n, for_.init) != NULL, RW_N(n, for_.test) != NULL,
		              RW_N(n, for_.update) != NULL);
		break;
	case RW_TRY:
		rw_out_printf(o, " %d%d", RW_N(n, try_.handler) != NULL, RW_N(n, try_.finalizer) != NULL);
		break;
	case RW_CASE:
		rw_out_printf(o, " %d %u", RW_N(n, case_.test) != NULL, (unsigned)n->u.case_.body.n);
		break;
	default:
		break;
	}
	rw_children(n, fz_sig_walk, ud);
	rw_out_puts(o, ")");
	return 0;
}

static void fz_sig_of(const rw_ast *ast, fz_sig *g)
{
	rw_out_init(&g->o);
	g->ast = ast;
	fz_sig_walk(ast->program, g);
	if (g->o.oom)
		fz_die("out of memory", NULL);
}

/* The functions of a program in source order: name, parameters, strict
 * or not, accessor or method. */
static int fz_fn_walk(rw_node *n, void *ud)
{
	rw_out *o = ud;

	if (n->kind == RW_FUNC_DECL || n->kind == RW_FUNC_EXPR) {
		rw_node *nm = RW_N(n, fn.name);
		rw_out_printf(o, "%c %u %u ", n->kind == RW_FUNC_DECL ? 'd' : 'e',
		              (unsigned)n->u.fn.params.n,
		              (unsigned)(n->u.fn.flags & (RW_FN_STRICT | RW_FN_GETTER | RW_FN_SETTER |
		                                          RW_FN_METHOD)));
		if (nm)
			rw_out_put(o, RW_S(nm, ident.name), rw_name_len(RW_S(nm, ident.name)));
		rw_out_puts(o, "\n");
	}
	return rw_children(n, fz_fn_walk, ud);
}

/* The instrumented program parses (with Ferry's parser: it is ES5.1 plus
 * what the input used) and has the input's functions, in the same order,
 * each as strict as it was: an edit before a "use strict" directive would
 * make a function sloppy, and nothing else would notice. */
static void fz_check_functions(const fz_run *r)
{
	rw_ast *ast2 = NULL;
	char err[1024];
	rw_out f1, f2;

	if (rw_parse(FZ_FILE, r->prog.code, r->prog.code_len, 0, &ast2, err, sizeof err) != 0) {
		fprintf(stderr, "instrumented:\n%.*s\n", (int)r->prog.code_len, r->prog.code);
		fz_die("the instrumented program does not parse", err);
	}
	rw_out_init(&f1);
	rw_out_init(&f2);
	fz_fn_walk(r->ast->program, &f1);
	fz_fn_walk(ast2->program, &f2);
	if (r->ast->program->u.program.strict != ast2->program->u.program.strict)
		fz_die("the instrumented program is not as strict as the input", NULL);
	if (!fz_same(&f1, &f2)) {
		fprintf(stderr, "functions of the input:\n%s\nof the instrumented program:\n%s\n",
		        f1.p ? f1.p : "", f2.p ? f2.p : "");
		fz_die("the instrumented program's functions are not the input's", NULL);
	}
	rw_out_free(&f1);
	rw_out_free(&f2);
	rw_ast_free(ast2);
}

static void fz_check_print(const fz_run *r, const char *src, size_t len, int duk_ok)
{
	size_t n1 = 0, n2 = 0;
	char *p1 = NULL, *p2 = NULL;
	FILE *f = fz_memstream(&p1, &n1);
	rw_ast *ast2 = NULL;
	char err[1024], msg[512];

	(void)src;
	(void)len;
	if (rw_print(r->ast, f) != 0)
		fz_die("rw_print failed", NULL);
	fclose(f);
	if (rw_parse(FZ_FILE, p1, n1, 0, &ast2, err, sizeof err) != 0) {
		fprintf(stderr, "printed:\n%s\n", p1);
		fz_die("the printed program does not parse", err);
	}
	f = fz_memstream(&p2, &n2);
	if (rw_print(ast2, f) != 0)
		fz_die("rw_print failed", NULL);
	fclose(f);
	if (n1 != n2 || memcmp(p1, p2, n1) != 0) {
		fprintf(stderr, "printed:\n%s\nprinted again:\n%s\n", p1, p2);
		fz_die("printing is not a fixpoint", NULL);
	}
	{
		/* and the printed program is the same program */
		fz_sig g1, g2;
		fz_sig_of(r->ast, &g1);
		fz_sig_of(ast2, &g2);
		if (!fz_same(&g1.o, &g2.o)) {
			fprintf(stderr, "printed:\n%s\nAST:\n%s\nAST of the printed program:\n%s\n",
			        p1, g1.o.p, g2.o.p);
			fz_die("the printed program parses to another AST", NULL);
		}
		rw_out_free(&g1.o);
		rw_out_free(&g2.o);
	}
	if (duk_ok && fz_compile(p1, n1, 0, msg, sizeof msg, 0) != 0 &&
	    !fz_duk_may_refuse(ast2, msg)) {
		fprintf(stderr, "printed:\n%s\n", p1);
		fz_die("the printed program does not compile with Duktape", msg);
	}
	rw_ast_free(ast2);
	free(p1);
	free(p2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = malloc(size + 1);
	char prefix[32], msg[512];
	fz_run a, b;
	int duk_ok;

	if (!src)
		return 0;
	memcpy(src, data, size);
	src[size] = '\0';
	choose_prefix(src, size, prefix, sizeof prefix);
	fz_pipeline(&a, src, size, prefix);
	if (a.rc != 0) {
		if (fz_verbose)
			fprintf(stderr, "rejected: %s\n", a.err);
		fz_check_error("error line not \"" FZ_FILE ":LINE:COL: message\"", a.err, src, size);
		if (fz_reverse && !strstr(a.err, "is ES2015 syntax") &&
		    fz_compile(src, size, 0, msg, sizeof msg, 0) == 0) {
			/* printed, not fatal: most are ES5.1 early errors that
			 * Duktape leaves to run time, or ES2015 on purpose */
			fprintf(stderr, "reverse: Duktape compiles, the parser rejects: %s\n", a.err);
		}
		fz_run_free(&a);
		fz_heap_close();
		free(src);
		return 0;
	}

	/* the original, with Duktape */
	duk_ok = fz_compile(src, size, 0, msg, sizeof msg, 0) == 0;
	if (!duk_ok && !fz_duk_may_refuse(a.ast, msg))
		fz_die("the parser accepts what Duktape refuses", msg);
	if (fz_verbose)
		fprintf(stderr, "accepted (Duktape: %s), %u sites, %u units\n", duk_ok ? "ok" : msg,
		        (unsigned)a.prog.nsites, (unsigned)a.prog.nunits);

	/* the instrumented program keeps the user's lines */
	if (fz_count_lines(a.prog.code, a.prog.code_len) != fz_count_lines(src, size)) {
		fprintf(stderr, "instrumented:\n%.*s\n", (int)a.prog.code_len, a.prog.code);
		fz_die("the instrumentation changed the number of lines", NULL);
	}
	if (duk_ok) {
		if (fz_compile(a.prog.code, a.prog.code_len, 0, msg, sizeof msg, 0) != 0) {
			fprintf(stderr, "instrumented:\n%.*s\n", (int)a.prog.code_len, a.prog.code);
			fz_die("the instrumented program does not compile", msg);
		}
		fz_check_units(&a);
	}
	fz_check_functions(&a);
	fz_check_c(&a.cout, &a.prog);
	fz_check_print(&a, src, size, duk_ok);

	/* determinism */
	fz_pipeline(&b, src, size, prefix);
	if (b.rc != 0)
		fz_die("second run rejects what the first accepted", b.err);
	if (!fz_same(&a.code, &b.code))
		fz_die("instrumenting twice gives different programs", NULL);
	if (!fz_same(&a.cout, &b.cout) || memcmp(a.hash, b.hash, 32) != 0)
		fz_die("instrumenting twice gives different restore tables", NULL);
	if (!fz_same(&a.dump, &b.dump))
		fz_die("two scope dumps differ", NULL);
	fz_run_free(&b);
	fz_run_free(&a);
	fz_heap_close();
	free(src);
	return 0;
}

/* ---- mutation: byte mutations of a program mostly break its syntax, and
 * the instrumentation is reached only by programs that parse. Half the
 * time the mutator parses the input and replaces the text of one statement
 * or expression by another's of the same program, or by a fragment below
 * (closures, captured and written variables, eval, with, arguments,
 * accessors, directives, line breaks in odd places); otherwise, or when
 * the input does not parse, libFuzzer's own mutation. */

static const char *const fz_exprs[] = {
	"function () { return x; }", "function f(a) { x = a; return f; }", "(function () { x++; })",
	"{ get a() { return x; }, set a(v) { x = v; }, m() { return this; }, 010: x, 'b\\\n': y }",
	"eval('x')", "(0, eval)('x')", "arguments[0]", "arguments", "(arguments[0] = x)",
	"new function () { this.v = x; }", "x++", "(\nx\n)++", "delete x", "typeof x", "(x = 1)",
	"x += function () {}", "(\nx)", "x\n", "this", "[x, , function () { return y; }]",
	"{ x }", "{ get: 1, set: 2 }", "/[/]x/g", "x / y / 2", "a ? function () {} : x",
	"function x() { 'use strict'; return x; }", "(x, y)", "void x", "x in y", "\\u0078",
	"function (\\u0078) { return function () { return x; }; }", "$F", "$Fe1",
};
static const char *const fz_stmts[] = {
	"var x = 1;", "function x() { return y; }", "{ function y() { return x; } }",
	"try { throw x; } catch (x) { var y = function () { return x; }; }",
	"with (x) { y = function () { return z; }; }", "for (var x in y) { }",
	"for (x in y) ;", "x: for (;;) { break x; }", "switch (x) { case 1: function y() {} default: }",
	"'use strict';", "if (x) function y() {} else x = 2;", "return function () { return x; };",
	"(function () { 'use strict'; var x; return function () { x = 2; }; })();",
	"var x = function x() { x = 1; return x; };", "x\n++y", "do x++; while (x < 3)",
	"const y = function () { return x; };", ";", "debugger;", "throw x;",
};

typedef struct fz_pick {
	unsigned seed;
	uint32_t n, want;        /* candidates seen; the one wanted */
	int stmt;                /* want statements (1) or expressions (0) */
	const rw_ast *ast;
	uint32_t start, end;     /* the chosen span */
	int found;
} fz_pick;

static unsigned fz_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 16;
}

static int fz_is_stmt(const rw_node *n)
{
	return n->kind >= RW_EMPTY && n->kind <= RW_FUNC_DECL && n->kind != RW_DECLARATOR &&
	       n->kind != RW_CASE && n->kind != RW_CATCH;
}

static int fz_pick_walk(rw_node *n, void *ud)
{
	fz_pick *k = ud;

	if (n->kind != RW_PROGRAM && n->kind != RW_PROP && n->kind != RW_NAME &&
	    (k->stmt ? fz_is_stmt(n) : n->kind >= RW_FUNC_EXPR)) {
		if (k->n == k->want && !k->found) {
			rw_token_span(k->ast, n, &k->start, &k->end);
			if (n->flags & RW_PARENS) {
				k->start = n->span.start;
				k->end = n->span.end;
			}
			k->found = 1;
		}
		k->n++;
	}
	return rw_children(n, fz_pick_walk, ud);
}

/* the span of a random statement (stmt) or expression of the program */
static int fz_pick_span(const rw_ast *ast, int stmt, unsigned *seed, uint32_t *start, uint32_t *end)
{
	fz_pick k;

	memset(&k, 0, sizeof k);
	k.ast = ast;
	k.stmt = stmt;
	k.want = (uint32_t)-1;
	fz_pick_walk(ast->program, &k);     /* count */
	if (!k.n)
		return -1;
	k.want = fz_rand(seed) % k.n;
	k.n = 0;
	fz_pick_walk(ast->program, &k);
	*start = k.start;
	*end = k.end;
	return 0;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	unsigned r = seed;
	char *src, err[256];
	rw_ast *ast = NULL;
	uint32_t s, e, s2, e2;
	int stmt;
	rw_out o;
	const char *frag;
	size_t flen;

	if (fz_rand(&r) % 2 || size == 0)
		return LLVMFuzzerMutate(data, size, max_size);
	src = malloc(size + 1);
	if (!src)
		return LLVMFuzzerMutate(data, size, max_size);
	memcpy(src, data, size);
	src[size] = '\0';
	if (rw_parse(FZ_FILE, src, size, 0, &ast, err, sizeof err) != 0) {
		free(src);
		return LLVMFuzzerMutate(data, size, max_size);
	}
	stmt = fz_rand(&r) % 3 == 0;
	if (fz_pick_span(ast, stmt, &r, &s, &e) != 0) {
		rw_ast_free(ast);
		free(src);
		return LLVMFuzzerMutate(data, size, max_size);
	}
	/* the new text: another node's of the same program, or a fragment */
	if (fz_rand(&r) % 2 && fz_pick_span(ast, stmt, &r, &s2, &e2) == 0) {
		frag = src + s2;
		flen = e2 - s2;
	} else if (stmt) {
		frag = fz_stmts[fz_rand(&r) % (sizeof fz_stmts / sizeof fz_stmts[0])];
		flen = strlen(frag);
	} else {
		frag = fz_exprs[fz_rand(&r) % (sizeof fz_exprs / sizeof fz_exprs[0])];
		flen = strlen(frag);
	}
	rw_out_init(&o);
	rw_out_put(&o, src, s);
	if (!stmt)
		rw_out_puts(&o, "(");
	rw_out_put(&o, frag, flen);
	if (!stmt)
		rw_out_puts(&o, ")");
	rw_out_put(&o, src + e, size - e);
	rw_ast_free(ast);
	free(src);
	if (o.oom || o.len > max_size) {
		rw_out_free(&o);
		return LLVMFuzzerMutate(data, size, max_size);
	}
	memcpy(data, o.p, o.len);
	size = o.len;
	rw_out_free(&o);
	return size;
}
