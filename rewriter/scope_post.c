/*
 * rewriter/scope_post.c -- facts derived after every occurrence is resolved:
 * parameter aliasing through `arguments`, the dynamic flags of eval/with,
 * which references they make dynamic, capture counts, depths, and the
 * constant-after-entry rule of design.md.
 */
#include <string.h>

#include "rewriter/scope_impl.h"

/* Would eval or with change what r resolves to? Walks from the occurrence's
 * scope to the binding's (or to the top for a global): a sloppy direct eval
 * in a scope passed may declare a shadowing var, and leaving a scope that
 * sits in a with body passes the with object. */
static int
ref_is_dynamic(const rw_ref *r)
{
	const rw_scope *target = rw_ref_binding(r) ? rw_ref_binding(r)->scope : NULL;
	const rw_scope *sc;

	if (r->flags & RW_RF_IN_WITH)
		return 1;
	for (sc = rw_ref_scope(r); sc && sc != target; sc = sc->parent) {
		if ((sc->flags & RW_SF_EVAL) && !(sc->flags & RW_SF_STRICT))
			return 1;
		if (sc->flags & RW_SF_IN_WITH)
			return 1;
	}
	return 0;
}

void
rw_scopes_finish(rw_scopes *s)
{
	uint32_t i;
	int dyn = 0;   /* some sloppy direct eval or with: references may be dynamic */

	/* ids are in source order, so a parent comes before its children */
	for (i = 0; i < s->nscopes; i++) {
		rw_scope *sc = s->scopes[i];
		rw_binding *b;

		if (sc->kind == RW_SCOPE_FUNCTION && !(sc->flags & RW_SF_STRICT) &&
		    (sc->flags & (RW_SF_USES_ARGUMENTS | RW_SF_EVAL)))
			for (b = sc->bindings; b; b = b->next)
				if (b->flags & RW_BF_PARAM)
					b->flags |= RW_BF_ALIASED;
		for (b = sc->bindings; b; b = b->next)
			if (b->flags & RW_BF_CAPTURED)
				sc->ncaptured++;
		if (sc->ncaptured && sc->kind != RW_SCOPE_PROGRAM)
			sc->flags |= RW_SF_CAPTURED;
		if (((sc->flags & RW_SF_EVAL) && !(sc->flags & RW_SF_STRICT)) ||
		    (sc->flags & (RW_SF_WITH | RW_SF_IN_WITH)))
			dyn = 1;
		if (sc->flags & (RW_SF_EVAL | RW_SF_WITH)) {
			rw_scope *up;
			for (up = sc; up; up = up->parent)
				up->flags |= RW_SF_DYNAMIC;
		}
	}
	for (i = 0; i < s->nscopes; i++) {
		rw_scope *sc = s->scopes[i];
		rw_scope *p = sc->parent;

		if (!p) {
			sc->depth = 0;
			sc->env_depth = 0;
			continue;
		}
		sc->depth = p->depth + 1;
		sc->env_depth = p->env_depth + ((sc->flags & RW_SF_CAPTURED) ? 1 : 0);
		if ((p->flags & (RW_SF_EVAL | RW_SF_IN_DYNAMIC)) ||
		    (p->func->flags & RW_SF_EVAL) || (sc->flags & RW_SF_IN_WITH))
			sc->flags |= RW_SF_IN_DYNAMIC;
	}
	/* without them no reference is (RW_RF_IN_WITH needs a with): skip the
	 * walk up every reference's scope chain */
	for (i = 0; dyn && i < s->nrefs; i++)
		if (ref_is_dynamic(&s->refs[i]))
			s->refs[i].flags |= RW_RF_DYNAMIC;
}

int
rw_binding_is_constant(const rw_binding *b)
{
	const rw_scope *sc = b->scope;

	if (b->flags & (RW_BF_ASSIGNED | RW_BF_HAS_INIT | RW_BF_ALIASED))
		return 0;
	if (sc->flags & (RW_SF_DYNAMIC | RW_SF_IN_DYNAMIC))
		return 0;
	switch (b->kind) {
	case RW_BIND_PARAM:
	case RW_BIND_FUNC:
	case RW_BIND_CATCH:
	case RW_BIND_SELF:
	case RW_BIND_ARGUMENTS:
		return 1;
	default:
		return 0;
	}
}

/* RW_IDENT and RW_NAME both carry an interned name; nodes are visited with
 * the AST's one child walker. */
typedef struct prefix_ctx {
	const char *prefix;
	size_t      len;
} prefix_ctx;

static int
prefix_walk(rw_node *n, void *ud)
{
	prefix_ctx *c = ud;

	if (n->kind == RW_IDENT || n->kind == RW_NAME)
		return rw_name_len(RW_S(n, ident.name)) >= c->len &&
		       memcmp(RW_S(n, ident.name), c->prefix, c->len) == 0;
	return rw_children(n, prefix_walk, c);
}

int
rw_scopes_uses_prefix(const rw_scopes *s, const char *prefix)
{
	prefix_ctx c;

	c.prefix = prefix;
	c.len = strlen(prefix);
	return rw_children(s->ast->program, prefix_walk, &c) != 0;
}
