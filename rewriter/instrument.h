/*
 * rewriter/instrument.h -- ferryc's back end (prefix rw_): the
 * instrumentation pass, the writers of app.fy.js and app_restore.c, and the
 * build step that links the device executable. Internal to rewriter/ and
 * ferryc; the AST and parser API are in rewriter/rewriter.h, the scope facts
 * in rewriter/scope.h. doc/design.md is the design; in short:
 *
 *  - every function literal is a site (0 = the program) and every function
 *    object is tagged `Pt(fn, site, env)` when it is created (declarations
 *    at the top of their function, expressions wrapped in place, accessors
 *    and methods through their object literal); the runtime stores env under
 *    one hidden key per site ("\xFFs<site>"); inside functions the tag is
 *    written in JS, `(Px = function ..., Px[Px.Pk[4 + site]] = env, Px)`,
 *    with the keys from Function.prototype.Pk;
 *  - a function whose variables are captured creates one environment per
 *    call, an array `var Pe<d> = [Pe<d-1>, x, ...]` (parent first, then the
 *    captured bindings in binding order: cheaper to build and index than an
 *    object with keys); a captured binding is constant (copied at entry),
 *    mirrored (a real variable whose writes, all in its own function, also
 *    update the environment) or environment-only (`Pe<d>[i]` everywhere;
 *    inner functions using a level twice or more read it once into
 *    `Pl<d>`); catch parameters get an environment per catch;
 *  - an environment of a few constants only stays inline: no array per
 *    call, its closures are tagged `Pt(fn, site, Pe<d-1>, a, b)` with the
 *    values and a snapshot builds the array (FERRY_SITE_INLINE_ENV);
 *  - functions that create no closures and whose variables nobody captures
 *    are emitted byte-identical; edits never add a line break;
 *  - per site a maker, grouped into maker units on the user's line numbers,
 *    re-creates the function inside given environments at restore time;
 *  - `arguments[k] = v` (constant k, value unused) re-syncs the aliased,
 *    mirrored parameter; direct eval / with / other `arguments` writes leave
 *    their functions as written, flagged FERRY_SITE_DYNAMIC.
 *
 * The generated app_restore.c defines one `ferry_program` (runtime/ferry.h is
 * the ABI) and a main() calling ferry_main(). The program is embedded as
 * Duktape bytecode made with the build host's Duktape (faster start), or as
 * source text (FERRY_EMBED=source, --cc). Outputs are deterministic: the
 * same input and options give byte-identical files.
 */
#ifndef FERRY_RW_INSTRUMENT_H
#define FERRY_RW_INSTRUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "rewriter/rewriter.h"
#include "rewriter/scope.h"

/* ---- growable output buffer (rewriter/emit_out.c) ---- */
typedef struct rw_out {
	char  *p;
	size_t len, cap;
	int    oom;          /* sticky: an allocation failed */
} rw_out;

void rw_out_init(rw_out *o);
void rw_out_free(rw_out *o);
void rw_out_put(rw_out *o, const char *s, size_t n);
void rw_out_puts(rw_out *o, const char *s);
void rw_out_printf(rw_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* s as the body of a C string literal (escaped, no quotes) */
void rw_out_c_string(rw_out *o, const char *s, size_t n);
/* a cooked name (CESU-8) as JS source text: surrogate pairs as UTF-8 */
void rw_out_name(rw_out *o, const char *s, size_t n);

/* ---- restore table as the emitter sees it ---- */
typedef struct rw_site {
	uint32_t id, parent;
	const char *name;            /* "" if anonymous */
	uint32_t line, col;
	uint16_t nparams, flags;     /* FERRY_SITE_* */
	uint32_t env_depth;
	const char *const *captured;
	uint32_t ncaptured;
} rw_site;

/* bytes [unit_off, unit_off + len) of a maker unit are the same as bytes
 * [text_off, text_off + len) of the program text (code, or text when code
 * is bytecode) */
typedef struct rw_slice {
	size_t unit_off, len, text_off;
} rw_slice;

/* one maker in a unit's text: bytes [start, end) from "<site>: function"
 * to its closing "},", holding nl line breaks; a resume that needs no
 * function of the site puts nl line breaks there instead */
typedef struct rw_maker_pos {
	uint32_t site, nl;
	size_t start, end;
} rw_maker_pos;

typedef struct rw_program {
	const char *filename;        /* as given to ferryc */
	int instrumented;
	const char *prefix;          /* reserved prefix, e.g. "$F" */
	const char *code;            /* program text (app.fy.js), or bytecode */
	size_t code_len;
	int code_is_bytecode;        /* code is duk_dump_function() output */
	const char *text;            /* the program text the hash covers when code
	                                is bytecode (NULL: code itself) */
	size_t text_len;
	const char *const *units;    /* maker units (source text) */
	const size_t *unit_lens;
	uint32_t nunits;
	/* where a unit repeats the program text: unit_slices[u][0..unit_nslices[u])
	 * ascending, so the restore table stores each function's text once */
	const rw_slice *const *unit_slices;
	const uint32_t *unit_nslices;
	/* the makers of each unit, ascending: unit_makers[u][0..unit_nmakers[u]) */
	const rw_maker_pos *const *unit_makers;
	const uint32_t *unit_nmakers;
	const rw_site *sites;
	uint32_t nsites;
} rw_program;

/* Write app_restore.c for p into out. Also returns the program hash
 * (SHA-256 of the program text and table, whatever the embedding) in hash
 * if non-NULL. 0, or -1 with err. */
int rw_emit_restore_c(const rw_program *p, rw_out *out, unsigned char hash[32],
                      char *err, size_t errlen);

/* ---- the instrumentation pass (rewriter/instrument*.c) ----
 * Instruments an analysed AST with the reserved prefix: code receives the
 * instrumented program (app.fy.js); prog gets code, prefix, instrumented=1,
 * the site table and the maker units (arrays in the AST's arena: keep the
 * AST alive while prog is used). 0, or -1 with err. */
int rw_instrument(rw_ast *ast, rw_scopes *scopes, const char *prefix, rw_out *code,
                  rw_program *prog, char *err, size_t errlen);

/* ---- the build step (rewriter/build.c) ----
 * Options come from ferryc's command line (rw_cli_opts, rewriter/rewriter.h):
 * input, outdir, plain, emit_only, cc (NULL: $CC, else cc), cflags (NULL:
 * $CFLAGS, else -O2), runtime_dir (NULL: $FERRY_RUNTIME_DIR, else the
 * installed FERRY_LIBDIR/FERRY_INCLUDEDIR), verbose (print the command). */
/* Run the whole build: read, (instrument), write outdir/<app>.fy.js and
 * outdir/<app>_restore.c atomically, compile and link outdir/<app>.
 * 0, or -1 with a one-line message in err. */
int rw_build(const rw_cli_opts *o, char *err, size_t errlen);

/* Compile a program with the build host's Duktape and dump it as bytecode
 * (*out malloc'd). 0, or -1 with err (e.g. Duktape's SyntaxError). */
int rw_bytecode(const char *filename, const char *code, size_t len,
                unsigned char **out, size_t *outlen, char *err, size_t errlen);

/* Write data to path atomically (temporary file in the same directory, then
 * rename). 0, or -1 with err. */
int rw_write_file_atomic(const char *path, const void *data, size_t len,
                         char *err, size_t errlen);

/* Drop a UTF-8 byte order mark at the start of buf (ferryc's inputs):
 * returns the new length. */
size_t rw_skip_bom(char *buf, size_t len);

#endif
