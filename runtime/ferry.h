/*
 * ferry.h -- libferry's public header (installed; prefix ferry_).
 *
 * runtime/ owns the device side: a Duktape heap with a Node-style event loop,
 * the snapshot walker (heap -> wire model) and restore (wire model -> heap).
 * A device executable is the ferryc-generated `app_restore.c`, which defines
 * one `ferry_program` (the restore table and the embedded program) and a
 * main() that calls ferry_main().
 *
 * The ferry_program layout is an ABI between ferryc and libferry: bump
 * FERRY_ABI_VERSION whenever it changes.
 */
#ifndef FERRY_H
#define FERRY_H

#include <stddef.h>
#include <stdint.h>

#define FERRY_ABI_VERSION 3u

/* ferry_site.flags */
enum {
	FERRY_SITE_STRICT    = 1u << 0, /* function code is strict */
	FERRY_SITE_DYNAMIC   = 1u << 1, /* direct eval / with in or around it: not migratable */
	FERRY_SITE_DECL      = 1u << 2, /* function declaration (else expression) */
	FERRY_SITE_NAMED     = 1u << 3, /* named function expression (self binding) */
	FERRY_SITE_ACCESSOR  = 1u << 4, /* getter or setter in an object literal */
	FERRY_SITE_HAS_ENV   = 1u << 5, /* creates an environment object per call */
	FERRY_SITE_USES_ARGS = 1u << 6, /* references `arguments` */
	FERRY_SITE_USES_THIS = 1u << 7, /* references `this` */
	FERRY_SITE_METHOD    = 1u << 8, /* shorthand method { m() {} } */
	FERRY_SITE_INLINE_ENV= 1u << 9  /* (with HAS_ENV) its environment holds only
	                                   constants and is not allocated: each closure
	                                   made in it carries the values in its tag, and
	                                   a snapshot builds the object (doc/design.md) */
};

/* One function site: a function literal in the program text. Site 0 is the
 * program itself (global code). */
typedef struct ferry_site {
	uint32_t id;
	uint32_t parent;            /* enclosing site id (0 = program) */
	const char *name;           /* function name, "" if anonymous */
	uint32_t line, col;         /* position of the `function` keyword */
	uint16_t nparams;
	uint16_t flags;             /* FERRY_SITE_* */
	uint32_t env_depth;         /* number of environment objects on its chain */
	const char *const *captured;/* names this site's env holds (HAS_ENV) */
	uint32_t ncaptured;
} ferry_site;

/* The maker units: program code that rebuilds closures on --resume, and is
 * compiled only then (doc/design.md "Restore without evaluating anything
 * new"). Unit u is the concatenation of the pieces first[u] to
 * first[u + 1] - 1 of pieces[]: (offset, length) pairs of bytes of text, or
 * of glue when the offset has FERRY_PIECE_GLUE set. A function's text is
 * stored once however deeply it is nested. */
#define FERRY_PIECE_GLUE 0x80000000u
typedef struct ferry_makers {
	const char *text;           /* the instrumented program as source text */
	size_t text_len;
	const char *glue;           /* the makers' own code */
	size_t glue_len;
	const uint32_t *pieces;
	const uint32_t *first;      /* nunits + 1 entries */
	/* unit u's makers: site_pieces[4 * k ..] for k from site_first[u] to
	 * site_first[u + 1] - 1 are a site id, its maker's first piece, the
	 * piece after its last and the line breaks in it. A resume that needs
	 * no function of a site puts that many line breaks in its place, and
	 * compiles no unit it needs nothing of. NULL: always whole units. */
	const uint32_t *site_pieces;
	const uint32_t *site_first; /* nunits + 1 entries */
	uint32_t nunits;
} ferry_makers;

typedef struct ferry_program {
	uint32_t abi;               /* FERRY_ABI_VERSION */
	const char *filename;       /* user's file name, as given to ferryc */
	int instrumented;           /* 0 for `ferryc --plain` builds */
	const char *prefix;         /* reserved identifier prefix of generated names */
	/* the program (instrumented, or the original for --plain) */
	const unsigned char *code;
	size_t code_len;
	int code_is_bytecode;       /* 1: duk_dump_function() output */
	ferry_makers makers;         /* empty for --plain builds */
	const ferry_site *sites;
	uint32_t nsites;
	unsigned char hash[32];     /* SHA-256 identifying this program build */
} ferry_program;

/* Run a program as the device executable: parses argv (--help lists the
 * options), runs or resumes, and returns the process exit status. */
int ferry_main(const ferry_program *prog, int argc, char **argv);

/* The program a ferryc-generated NAME_restore.c defines (one per
 * executable). That file also defines main() unless it is compiled with
 * -DFERRY_NO_MAIN: then a main() of your own calls
 * ferry_main(&ferry_app, argc, argv) (ferryc(1), LINKING BY HAND). */
extern const ferry_program ferry_app;

#endif
