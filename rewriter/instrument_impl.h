/*
 * rewriter/instrument_impl.h -- internals of the instrumentation pass shared
 * by rewriter/instrument*.c (prefix ri_): the per-scope decisions (which
 * bindings move into environment objects, environment indices, dynamic
 * sites), and the text edits applied to the original source.
 */
#ifndef FERRY_RW_INSTRUMENT_IMPL_H
#define FERRY_RW_INSTRUMENT_IMPL_H

#include "rewriter/instrument.h"
#include "rewriter/rewriter.h"
#include "rewriter/scope.h"

/* how a binding is represented in the instrumented program */
enum {
	RI_LOCAL = 0,   /* unchanged */
	RI_CONST,       /* real variable, copied into the environment at entry */
	RI_MIRROR,      /* real variable written only by its own function (never
	                   from a nested one): each write also updates the
	                   environment, inner functions read the variable */
	RI_ENV          /* lives only in the environment object: Pe<k>.name */
};

/* per scope (indexed by rw_scope id) */
typedef struct ri_scope {
	int      dynamic;      /* its variables are left as written (eval, with,
	                          arguments aliasing, or inside such a function) */
	int      site_dynamic; /* its closures cannot be re-created: a scope it
	                          closes over is dynamic (FERRY_SITE_DYNAMIC, no maker) */
	int      has_env;      /* creates an environment object */
	uint32_t outer;        /* environment depth at its creation point */
	uint32_t inner;        /* depth inside it: outer + has_env */
	int32_t  site;         /* function scopes: site id; else -1 */
	rw_node *prop;         /* accessor/method: its RW_PROP */
	int      no_maker;     /* computed-key accessor/method: cannot be re-created */
	int      inline_env;   /* has_env, but the environment holds constants only
	                          and is never allocated: the closures made in it
	                          carry its values in their tags (RI_INLINE_COPIES) */
	uint32_t *nrefs;       /* function scopes: [level 1..outer] references in its
	                          own code to environment-only bindings of that
	                          enclosing level; >= RI_ALIAS_MIN: the level's
	                          object is read once at entry into Pl<level> */
} ri_scope;

/* An inner function reaches an enclosing environment object by name
 * (Duktape: a lookup through the scope chain per use); one lookup at entry
 * into a local pays off from two uses on. */
#define RI_ALIAS_MIN 2
/* In a function that makes closures Duktape copies every variable into its
 * environment record when it returns, so the alias costs more there (about
 * 600 instructions): from three uses on (references, the env of each tag,
 * the parent of its own environment). bench/programs/closure_events.js:
 * 1.186 -> 1.180 at scale 1.0 (tick() and debounce's function). */
#define RI_ALIAS_MIN_CLOSURES 3

/* An inline environment costs each closure made in it one hidden property
 * per value, which fits in the room Duktape leaves when the tag is added
 * only for a value or two; an environment object costs two allocations per
 * call. Measured on bench/programs/closure_events.js (doc/design.md):
 * inline when (constants) x (function sites in it) <= RI_INLINE_COPIES. */
#define RI_INLINE_COPIES 2

/* Tags written in JS inside functions (fast_tag in instrument.c):
 * `fn[fn.Pk[RI_KEYS_SITE0 + site]] = env`, where Function.prototype.Pk is
 * the runtime's array of hidden keys, the inline-value keys "\xFFfi0"..
 * first, then the site keys; must match RT_KEYS_SITE0 in
 * runtime/snap_install.c. */
#define RI_KEYS_SITE0 4
#define RI_KEYS_INLINE_MAX 4

/* one text edit on the original source */
typedef struct ri_edit {
	uint32_t start, end;   /* replace [start, end); start == end: insert */
	int      cls;          /* at equal start: 0 close, 1 open, 2 replace */
	int      depth;        /* nesting: opens outer first, closes inner first */
	uint32_t seq;
	char    *text;         /* malloc'd; may hold NUL bytes (source text) */
	size_t   len;
} ri_edit;

typedef struct ri_edits {
	ri_edit *v;
	size_t   n, cap;
	int      oom;
} ri_edits;

void ri_edits_free(ri_edits *e);
void ri_edit_add(ri_edits *e, uint32_t start, uint32_t end, int cls, int depth,
                 const char *text, size_t len);
void ri_edits_sort(ri_edits *e);
/* src[a..b) with the edits inside it applied (replacements within [a, b),
 * insertions strictly inside (a, b)); whole program: a = 0, b = len with
 * insertions at 0 and len included (pass whole = 1). */
void ri_render(const ri_edits *e, const char *src, uint32_t a, uint32_t b, int whole,
               rw_out *out);
/* Where source bytes land in a rendering: pos[] ascending source offsets;
 * ri_render_probed sets off[i] to the offset in out at which src[pos[i]]
 * was copied, or RI_NOWHERE where an edit replaced it (or out ran out of
 * memory). The maker units reuse slices of the whole program's text. */
#define RI_NOWHERE ((size_t)-1)
typedef struct ri_probes {
	const uint32_t *pos;
	size_t         *off;
	size_t          n;
} ri_probes;
void ri_render_probed(const ri_edits *e, const char *src, uint32_t a, uint32_t b, int whole,
                      rw_out *out, ri_probes *pr);

/* the whole pass state */
typedef struct ri_ctx {
	rw_ast     *ast;
	rw_scopes  *scopes;
	const char *prefix;
	ri_scope   *sc;        /* [rw_scopes_count] */
	uint32_t    nscopes;
	uint32_t    nsites;    /* including site 0 */
	rw_scope  **site_scope;/* [nsites]: site id -> scope (site 0: program) */
	ri_edits    edits;
	int         oom;
	uint8_t   **nomirror;  /* [scope id][binding index]: a write form that
	                          cannot be mirrored (for-in, x++ whose value is used) */
	uint8_t    *args_unsafe;/* [scope id]: its `arguments` may write a parameter */
	uint8_t   **argsync;   /* [scope id][binding index]: a parameter written
	                          through arguments[k] (constant k, value unused):
	                          mirrored, the write re-syncs the environment */
	uint32_t    stmt_start;/* offset of the expression statement being visited
	                          (ASI guard), or UINT32_MAX */
	uint32_t  **envidx;    /* [scope id][binding index]: the binding's index in
	                          its environment array (1..; 0: not in it) */
	rw_scope   *cur_func;  /* function (or program) whose code is being visited */
	int         cur_tmp;   /* cur_func's code tags a function expression
	                          through the register Px: declare `var Px` */
	int         cur_late;  /* cur_func's code reads a variable late through
	                          the register Pv: declare `var Pv` */
} ri_ctx;

int  ri_repr(const ri_ctx *c, const rw_binding *b);
/* An environment is an array: [parent environment (or undefined), then the
 * scope's non-local bindings in binding order]. The index of b in its
 * environment (>= 1), set by ri_env_indices after the decisions. */
uint32_t ri_env_index(const ri_ctx *c, const rw_binding *b);
int ri_env_indices(ri_ctx *c);
/* A property key for code the instrumentation writes: as a literal (a
 * string or number literal that is valid in strict code and on one line;
 * an identifier name as written) and as an expression giving its name. */
void ri_key_literal(const ri_ctx *c, rw_out *o, const rw_node *key);
void ri_key_expr(const ri_ctx *c, rw_out *o, const rw_node *key);
/* The instrumentation's edits of the program text (instrument.c), made
 * into c's edit list; the maker units are written from them. */
int ri_instrument_edits(ri_ctx *c, char *err, size_t errlen);

#endif
