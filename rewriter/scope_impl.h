/*
 * rewriter/scope_impl.h -- private state of the scope analysis, shared by
 * scope.c (declare + resolve), scope_post.c (derived facts) and
 * scope_dump.c. Not for other modules: use rewriter/scope.h.
 */
#ifndef FERRY_RW_SCOPE_IMPL_H
#define FERRY_RW_SCOPE_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "rewriter/scope.h"

/* An occurrence waiting for its chain's declarations: refs[ref], to be
 * looked up from scope `from` upwards. */
typedef struct rw_pending {
	uint32_t  ref;
	rw_scope *from;
} rw_pending;

struct rw_scopes {
	rw_ast      *ast;
	/* all scopes by id, and per scope the tail of its binding list and of
	 * its child list (kept here so the public struct stays small; freed
	 * when the analysis ends, like `pending`) */
	rw_scope   **scopes;
	rw_binding **btail;
	rw_scope   **ctail;
	uint32_t     nscopes, cap_scopes;
	/* every identifier occurrence, in source order, in one array in the
	 * AST's arena (sized from the parser's count of RW_IDENT nodes: it does
	 * not move, unless `moved` says it had to grow) */
	rw_ref      *refs;
	uint32_t     nrefs, cap_refs;
	int          moved;
	/* during the walk, per interned name (rw_intern_id): the binding of
	 * that name in the innermost open scope that has one; each binding's
	 * `shadowed` continues the list through the open scopes outwards */
	rw_binding **top;
	uint32_t     ntop;
	/* occurrences not resolved yet (see scope.c) */
	struct rw_pending *pending;
	uint32_t     npending, cap_pending;
	/* (scope, name) -> binding, open addressing, power-of-two size: built
	 * on the first rw_scope_lookup() (the walk uses `top`) */
	rw_binding **table;
	uint32_t     table_cap, table_used;
	/* interned names the analysis compares against */
	const char  *n_arguments, *n_eval;
	int          oom;
};

/* scope_post.c: the facts derived once every occurrence is resolved
 * (aliasing, dynamic flags, capture counts, depths). */
void rw_scopes_finish(rw_scopes *s);

#endif
