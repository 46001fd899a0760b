/*
 * rewriter/scope.c -- the scope analysis proper: one walk over the AST that
 * creates the scopes, declares every binding (hoisting) and records every
 * identifier occurrence with what it does (read, write, call, ...),
 * resolving each one as soon as the declarations of its chain are complete
 * (see "the walk" below). Derived facts are computed by scope_post.c; the
 * semantics are described in scope.h.
 *
 * Scopes and bindings are allocated in the AST's arena; the reference array
 * (mapped, sized from the parser's identifier count), the scope and pending
 * arrays, the per-name binding lists of the walk and the (scope, name) hash
 * table of rw_scope_lookup() are allocated here and released by
 * rw_scopes_free(). The walk recurses along the AST, whose depth the parser
 * bounds (RW_MAX_DEPTH, or RW_MAX_DEPTH_DEEP on ferryc's large stack).
 */
#include <stdlib.h>
#include <string.h>

#include "rewriter/ast_impl.h"
#include "rewriter/scope_impl.h"

/* ---------------------------------------------------------------- tables */

static uint32_t
hash2(const void *a, const void *b)
{
	uint64_t h = (uint64_t)(uintptr_t)a * 0x9E3779B97F4A7C15ull;
	h ^= (uint64_t)(uintptr_t)b + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
	h *= 0xBF58476D1CE4E5B9ull;
	return (uint32_t)(h >> 32);
}

static int
table_grow(rw_scopes *s)
{
	uint32_t ncap = s->table_cap ? s->table_cap * 2 : 256;
	rw_binding **nt = calloc(ncap, sizeof *nt);
	uint32_t i;

	if (!nt) {
		s->oom = 1;
		return -1;
	}
	for (i = 0; i < s->table_cap; i++) {
		rw_binding *b = s->table[i];
		uint32_t j;
		if (!b)
			continue;
		j = hash2(b->scope, b->name) & (ncap - 1);
		while (nt[j])
			j = (j + 1) & (ncap - 1);
		nt[j] = b;
	}
	free(s->table);
	s->table = nt;
	s->table_cap = ncap;
	return 0;
}

static int table_insert(rw_scopes *s, rw_binding *b);

/* The (scope, name) table of every binding, for rw_scope_lookup(). */
static int
table_build(rw_scopes *s)
{
	uint32_t i;
	rw_binding *b;

	for (i = 0; i < s->nscopes; i++)
		for (b = s->scopes[i]->bindings; b; b = b->next)
			if (table_insert(s, b) != 0)
				return -1;
	return 0;
}

rw_binding *
rw_scope_lookup(const rw_scopes *s, const rw_scope *scope, const char *name)
{
	uint32_t j;

	if (!s->table_cap && (s->table_used != 0 || table_build((rw_scopes *)s) != 0 ||
	                      !s->table_cap))
		return NULL;
	j = hash2(scope, name) & (s->table_cap - 1);
	while (s->table[j]) {
		rw_binding *b = s->table[j];
		if (b->scope == scope && b->name == name)
			return b;
		j = (j + 1) & (s->table_cap - 1);
	}
	return NULL;
}

static int
table_insert(rw_scopes *s, rw_binding *b)
{
	uint32_t j;

	if ((s->table_used + 1) * 2 > s->table_cap && table_grow(s) != 0)
		return -1;
	j = hash2(b->scope, b->name) & (s->table_cap - 1);
	while (s->table[j])
		j = (j + 1) & (s->table_cap - 1);
	s->table[j] = b;
	s->table_used++;
	return 0;
}

/* The binding of name in scope, which must be open (on the walk's chain):
 * the per-name list is ordered by scope id, innermost first. */
static rw_binding *
lookup_open(const rw_scopes *s, const rw_scope *scope, const char *name)
{
	rw_binding *b = s->top[rw_intern_id(name)];

	while (b && b->scope->id > scope->id)
		b = rw_rel_get(&b->shadowed_);
	return b && b->scope == scope ? b : NULL;
}

/* Enters b in its name's list, below the bindings of inner open scopes. */
static void
push_binding(rw_scopes *s, rw_binding *b)
{
	rw_binding **head = &s->top[rw_intern_id(b->name)], *prev = NULL, *x = *head;

	while (x && x->scope->id > b->scope->id) {
		prev = x;
		x = rw_rel_get(&x->shadowed_);
	}
	rw_rel_set(&b->shadowed_, x);
	if (prev)
		rw_rel_set(&prev->shadowed_, b);
	else
		*head = b;
}

/* Leaving the innermost open scope: its bindings leave the name lists. */
static void
close_scope(rw_scopes *s, rw_scope *sc)
{
	rw_binding *b;

	for (b = sc->bindings; b; b = b->next) {
		s->top[rw_intern_id(b->name)] = rw_rel_get(&b->shadowed_);
		b->shadowed_ = 0;
	}
}

/* The occurrence records: one array of n in the AST's arena (identifiers
 * refer to theirs with an rw_rel). */
static int
refs_alloc(rw_scopes *s, uint32_t n)
{
	s->refs = rw_ast_alloc(s->ast, (size_t)n * sizeof *s->refs);
	s->cap_refs = n;
	return s->refs ? 0 : -1;
}

static void *
grow_array(rw_scopes *s, void *p, uint32_t *cap, size_t elem)
{
	uint32_t ncap = *cap ? *cap * 2 : 64;
	void *np;

	if (ncap < *cap || (size_t)ncap > SIZE_MAX / elem) {
		s->oom = 1;
		return NULL;
	}
	np = realloc(p, (size_t)ncap * elem);
	if (!np) {
		s->oom = 1;
		return NULL;
	}
	*cap = ncap;
	return np;
}

/* ---------------------------------------------------------------- records */

static rw_scope *
new_scope(rw_scopes *s, rw_scope_kind kind, rw_node *node, rw_scope *parent)
{
	rw_scope *sc;

	if (s->nscopes == s->cap_scopes) {
		uint32_t cap = s->cap_scopes;
		rw_scope **a = grow_array(s, s->scopes, &cap, sizeof *a);
		rw_binding **bt;
		rw_scope **ct;
		if (!a)
			return NULL;
		s->scopes = a;
		bt = realloc(s->btail, (size_t)cap * sizeof *bt);
		if (!bt) {
			s->oom = 1;
			return NULL;
		}
		s->btail = bt;
		ct = realloc(s->ctail, (size_t)cap * sizeof *ct);
		if (!ct) {
			s->oom = 1;
			return NULL;
		}
		s->ctail = ct;
		s->cap_scopes = cap;
	}
	sc = rw_ast_alloc(s->ast, sizeof *sc);
	if (!sc) {
		s->oom = 1;
		return NULL;
	}
	sc->kind = (uint8_t)kind;
	sc->id = s->nscopes;
	rw_rel_set(&sc->node_, node);
	sc->parent = parent;
	sc->func = kind == RW_SCOPE_CATCH ? parent->func : sc;
	s->scopes[sc->id] = sc;
	s->btail[sc->id] = NULL;
	s->ctail[sc->id] = NULL;
	s->nscopes++;
	if (parent) {
		if (s->ctail[parent->id])
			rw_rel_set(&s->ctail[parent->id]->next_sibling_, sc);
		else
			rw_rel_set(&parent->first_child_, sc);
		s->ctail[parent->id] = sc;
	}
	return sc;
}

static rw_binding *
new_binding(rw_scopes *s, rw_scope *scope, const char *name, uint32_t len,
            rw_bind_kind kind, rw_node *decl)
{
	rw_binding *b = rw_ast_alloc(s->ast, sizeof *b);

	if (!b) {
		s->oom = 1;
		return NULL;
	}
	b->name = name;
	b->len = len;
	b->kind = (uint8_t)kind;
	b->scope = scope;
	rw_rel_set(&b->decl_, decl);
	b->index = scope->nbindings;
	push_binding(s, b);
	if (s->btail[scope->id])
		s->btail[scope->id]->next = b;
	else
		scope->bindings = b;
	s->btail[scope->id] = b;
	scope->nbindings++;
	return b;
}

/* Declares the name of ident in scope. Several declarations of one name
 * make one binding; the entry value comes from the strongest form:
 * function declaration > parameter > arguments object > var. */
static rw_binding *
declare(rw_scopes *s, rw_scope *scope, rw_node *ident, rw_bind_kind kind,
        rw_node *fn)
{
	const char *name = RW_S(ident, ident.name);
	rw_binding *b = lookup_open(s, scope, name);

	if (kind == RW_BIND_VAR && name == s->n_arguments &&
	    scope->kind == RW_SCOPE_FUNCTION)
		kind = RW_BIND_ARGUMENTS;   /* `var arguments` keeps the object */
	if (!b) {
		b = new_binding(s, scope, name, rw_name_len(RW_S(ident, ident.name)), kind, ident);
		if (!b)
			return NULL;
	} else {
		b->flags |= RW_BF_REDECLARED;
		if (kind == RW_BIND_FUNC)
			b->kind = RW_BIND_FUNC;
		else if (kind == RW_BIND_PARAM && b->kind != RW_BIND_FUNC)
			b->kind = RW_BIND_PARAM;
	}
	if (kind == RW_BIND_FUNC)
		rw_rel_set(&b->func_, fn);
	return b;
}

/* ---------------------------------------------------------------- the walk */

/* One walk in source order. Declarations are entered as they are met;
 * an occurrence that needs resolving is recorded at once (with its flags)
 * and pushed on the pending stack. When a scope's walk ends (a function,
 * or a catch clause), all its declarations (hoisted ones included) are
 * known: the pending occurrences waiting for it are looked up in it; those
 * still unresolved stay on the stack, waiting for its parent. Whatever
 * remains at the end of the program is resolved against the program scope
 * or is an undeclared global. A lookup is one array access: per interned
 * name, the list of its bindings in the open scopes (innermost first, see
 * lookup_open), so each occurrence costs one lookup per scope on its chain
 * up to its binding. */

typedef struct walk_ctx {
	rw_scopes *s;
	rw_scope  *cur;     /* innermost scope (function or catch) */
	rw_scope  *fn;      /* nearest function / program scope */
	int        in_with; /* inside a with body of the current function */
	int        dead;    /* after a return, throw, break or continue in the
	                       same statement list of the current function */
} walk_ctx;

static int walk(rw_node *n, void *ud);

/* The interned name X when a string literal's text is an identifier name
 * (ASCII letters, digits, _ and $): the eval code `X` then declares
 * nothing. Not `arguments` or `eval`, nor a name with ferryc's reserved
 * prefix `$F` (eval code could reach the instrumentation's variables).
 * Reserved words are fine: alone they are a literal, `this`, a no-op or a
 * SyntaxError, the same in both builds. NULL otherwise (or out of memory:
 * the eval then stays dynamic). */
static const char *
eval_arg_name(rw_scopes *s, const rw_node *str)
{
	const char *v = RW_S(str, string.value), *name;
	uint32_t i, len = str->u.string.len;

	if (len == 0 || len > 64 || (v[0] >= '0' && v[0] <= '9') ||
	    (len >= 2 && v[0] == '$' && v[1] == 'F'))
		return NULL;
	for (i = 0; i < len; i++) {
		char ch = v[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '_' || ch == '$'))
			return NULL;
	}
	name = rw_intern(s->ast, v, len);
	if (!name || name == s->n_arguments || name == s->n_eval)
		return NULL;
	return name;
}

/* A statement list (or an object's properties, which never jump): what
 * follows an unconditional jump in the same list never runs, so a direct
 * eval there does not make the scopes around it dynamic (bluebird's
 * toFastProperties ends `return obj; eval(obj);`). Function declarations
 * there are still hoisted and callable: walk_function clears `dead`. */
static int
walk_list(rw_list *l, walk_ctx *c)
{
	uint32_t i;
	int saved = c->dead;

	for (i = 0; i < l->n; i++) {
		rw_node *x = rw_item(l, i);

		if (x && walk(x, c) != 0)
			return -1;
		if (x && (x->kind == RW_RETURN || x->kind == RW_THROW ||
		          x->kind == RW_BREAK || x->kind == RW_CONTINUE))
			c->dead = 1;
	}
	c->dead = saved;
	return 0;
}

/* A new occurrence record (index into s->refs; the array may move until
 * the walk ends, so records are kept by index meanwhile). */
static int32_t
new_ref(rw_scopes *s, rw_node *ident, rw_scope *scope, uint32_t flags)
{
	rw_ref *r;

	if (s->nrefs == s->cap_refs) {
		/* more than the parser counted (not expected): a bigger array */
		rw_ref *a = rw_ast_alloc(s->ast, (size_t)s->cap_refs * 2 * sizeof *a);
		uint32_t i;

		if (!a)
			return -1;
		for (i = 0; i < s->nrefs; i++) {   /* references are relative: re-made */
			rw_rel_set(&a[i].ident_, rw_ref_ident(&s->refs[i]));
			rw_rel_set(&a[i].scope_, rw_ref_scope(&s->refs[i]));
			rw_rel_set(&a[i].binding_, rw_ref_binding(&s->refs[i]));
			a[i].flags = s->refs[i].flags;
			a[i].kind = s->refs[i].kind;
		}
		s->refs = a;
		s->cap_refs *= 2;
		s->moved = 1;
	}
	r = &s->refs[s->nrefs];
	rw_rel_set(&r->ident_, ident);
	r->kind = 0;
	rw_rel_set(&r->scope_, scope);
	r->flags = (uint16_t)flags;
	r->binding_ = 0;
	RW_SET(ident, ident.binding, r);
	return (int32_t)s->nrefs++;
}

/* `eval("X")` with the built-in eval (no binding named eval) and X a name
 * that resolves to a program-level declaration or to none: the eval code
 * declares nothing and reads only a global, which instrumentation leaves as
 * it is, so the call needs no dynamic scope. Bundles use it to hide a
 * require from bundlers (Bottleneck 2: `eval("require")("redis")`), and made
 * every closure of the library unmigratable. X's occurrence was made just
 * before the callee's and resolves no later (see walk, RW_CALL). */
static int
eval_reads_global(const rw_scopes *s, const rw_ref *r, const rw_binding *b)
{
	const rw_ref *x = r - 1;

	return (r->flags & RW_RF_EVAL_NAMED) && !b && r > s->refs &&
	       (x->flags & RW_RF_EVAL_ARG) && x->kind == RW_REF_GLOBAL;
}

/* Binds occurrence r to b (NULL: undeclared global) and records what the
 * occurrence does to the binding. */
static void
bind_ref(rw_scopes *s, rw_ref *r, rw_binding *b)
{
	uint32_t flags = r->flags;
	rw_scope *scope = rw_ref_scope(r);

	rw_rel_set(&r->binding_, b);
	if (!b || b->scope->kind == RW_SCOPE_PROGRAM) {
		r->kind = RW_REF_GLOBAL;
	} else if (b->scope->func == scope->func) {
		r->kind = RW_REF_LOCAL;
	} else {
		r->kind = RW_REF_CAPTURED;
		b->flags |= RW_BF_CAPTURED;
		if (flags & RW_RF_WRITE)
			b->flags |= RW_BF_CAPTURED_ASSIGNED;
		scope->func->flags |= RW_SF_FREE;
	}
	if ((flags & RW_RF_CALL) && !(flags & RW_RF_DEAD) &&
	    RW_S(rw_ref_ident(r), ident.name) == s->n_eval &&
	    !eval_reads_global(s, r, b)) {
		/* a direct eval, whatever `eval` resolves to: the call is direct
		 * when the value is the built-in eval (ES5.1 15.1.2.1.1), and a
		 * parameter or var named eval can hold it (Duktape decides by
		 * the callee's name at compile time, by the value at run time) */
		r->flags |= RW_RF_EVAL;
		scope->flags |= RW_SF_EVAL;
		scope->func->flags |= RW_SF_EVAL;
	}
	if (!b)
		return;
	if (b->kind == RW_BIND_ARGUMENTS && !(flags & RW_RF_DECL))
		b->scope->flags |= RW_SF_USES_ARGUMENTS;
	if ((flags & RW_RF_DECL) && !(flags & RW_RF_WRITE))
		return;
	b->nrefs++;
	if (flags & RW_RF_WRITE) {
		b->nwrites++;
		if (b->kind == RW_BIND_SELF)
			b->flags |= RW_BF_WRITE_IGNORED;
		else
			b->flags |= RW_BF_ASSIGNED;
		if (flags & RW_RF_INIT)
			b->flags |= RW_BF_HAS_INIT;
	}
	if (flags & RW_RF_DELETE)
		b->flags |= RW_BF_DELETED;
	if (flags & (RW_RF_CALL | RW_RF_NEW))
		b->flags |= RW_BF_CALLED;
}

/* A declaring occurrence bound at once to a known binding. */
static int
decl_ref(walk_ctx *c, rw_node *ident, rw_scope *scope, rw_binding *b,
         uint32_t flags)
{
	int32_t i = new_ref(c->s, ident, scope, flags | RW_RF_DECL);

	if (i < 0)
		return -1;
	bind_ref(c->s, &c->s->refs[i], b);
	return 0;
}

/* An occurrence resolved from the current scope, once its chain's
 * declarations are all known. */
static int
use(walk_ctx *c, rw_node *ident, uint32_t flags)
{
	rw_scopes *s = c->s;
	int32_t i;

	if (c->in_with)
		flags |= RW_RF_IN_WITH;
	if (c->dead)
		flags |= RW_RF_DEAD;
	i = new_ref(s, ident, c->cur, flags);
	if (i < 0)
		return -1;
	if (s->npending == s->cap_pending) {
		rw_pending *a = grow_array(s, s->pending, &s->cap_pending, sizeof *a);
		if (!a)
			return -1;
		s->pending = a;
	}
	s->pending[s->npending].ref = (uint32_t)i;
	s->pending[s->npending].from = c->cur;
	s->npending++;
	return 0;
}

/* Resolves the pending occurrences from index base up that wait for scope
 * sc (the innermost open scope, about to close: its declarations are all
 * known); the unresolved ones stay pending, to wait for sc's parent. The
 * arguments object of a function is created on first use. Occurrences
 * waiting for another scope (an enclosing one, skipped by a block-level
 * function declaration) stay as they are. */
static int
resolve_pending(rw_scopes *s, uint32_t base, rw_scope *sc)
{
	uint32_t i, keep = base;

	for (i = base; i < s->npending; i++) {
		rw_pending pd = s->pending[i];
		rw_ref *r;
		const char *name;
		rw_binding *b;

		if (pd.from != sc) {
			s->pending[keep++] = pd;
			continue;
		}
		r = &s->refs[pd.ref];
		name = RW_S(rw_ref_ident(r), ident.name);
		b = lookup_open(s, sc, name);
		if (!b && name == s->n_arguments && sc->kind == RW_SCOPE_FUNCTION) {
			b = new_binding(s, sc, name, rw_name_len(RW_S(rw_ref_ident(r), ident.name)),
			                RW_BIND_ARGUMENTS, NULL);
			if (!b)
				return -1;
		}
		if (b || !sc->parent) {
			bind_ref(s, r, b);
		} else {
			pd.from = sc->parent;
			s->pending[keep++] = pd;
		}
	}
	s->npending = keep;
	return 0;
}

static int
walk_function(rw_node *n, walk_ctx *c)
{
	rw_scopes *s = c->s;
	int is_decl = n->kind == RW_FUNC_DECL;
	/* declarations are created at entry of the enclosing function, outside
	 * any catch clause or with body (Duktape, also for block-level ones) */
	rw_scope *parent = is_decl ? c->fn : c->cur;
	rw_binding *fb = NULL;
	rw_scope *sc;
	walk_ctx inner;
	uint32_t i, base;

	if (is_decl && RW_N(n, fn.name)) {
		fb = declare(s, c->fn, RW_N(n, fn.name), RW_BIND_FUNC, n);
		if (!fb)
			return -1;
	}
	sc = new_scope(s, RW_SCOPE_FUNCTION, n, parent);
	if (!sc)
		return -1;
	RW_SET(n, fn.scope, sc);
	/* the function object is made by the code of the parent's function */
	parent->func->flags |= RW_SF_CLOSURES;
	if (n->u.fn.flags & RW_FN_STRICT)
		sc->flags |= RW_SF_STRICT;
	if (!is_decl && c->in_with)
		sc->flags |= RW_SF_IN_WITH;
	if (is_decl && RW_N(n, fn.name) &&
	    decl_ref(c, RW_N(n, fn.name), parent, fb, 0) != 0)
		return -1;
	/* the name of an expression: bound when its scope is complete */
	uint32_t name_ref = s->nrefs;
	if (!is_decl && RW_N(n, fn.name) &&
	    new_ref(s, RW_N(n, fn.name), sc, RW_RF_DECL) < 0)
		return -1;
	sc->nparams = n->u.fn.params.n;
	for (i = 0; i < n->u.fn.params.n; i++) {
		rw_node *p = RW_ITEM(n, fn.params, i);
		rw_binding *b = declare(s, sc, p, RW_BIND_PARAM, NULL);
		if (!b)
			return -1;
		b->param_index = i;
		b->flags |= RW_BF_PARAM;
	}
	for (i = 0; i < n->u.fn.params.n; i++) {
		rw_node *p = RW_ITEM(n, fn.params, i);
		if (decl_ref(c, p, sc, lookup_open(s, sc, RW_S(p, ident.name)), 0) != 0)
			return -1;
	}
	inner.s = s;
	inner.cur = sc;
	inner.fn = sc;
	inner.in_with = 0;
	inner.dead = 0;
	base = s->npending;
	if (walk_list(&n->u.fn.body, &inner) != 0)
		return -1;
	/* a named expression's own name, unless shadowed in its scope (the
	 * arguments object always shadows a function expression `arguments`) */
	if (!is_decl && RW_N(n, fn.name)) {
		rw_node *id = RW_N(n, fn.name);
		rw_binding *b = NULL;
		if (RW_S(id, ident.name) != s->n_arguments &&
		    !lookup_open(s, sc, RW_S(id, ident.name))) {
			b = new_binding(s, sc, RW_S(id, ident.name), rw_name_len(RW_S(id, ident.name)),
			                RW_BIND_SELF, id);
			if (!b)
				return -1;
			rw_rel_set(&b->func_, n);
		}
		bind_ref(s, &s->refs[name_ref], b);
		if (!b)
			s->refs[name_ref].kind = RW_REF_LOCAL;   /* shadowed: binds nothing */
	}
	if (resolve_pending(s, base, sc) != 0)
		return -1;
	close_scope(s, sc);
	return 0;
}

/* A declarator: `var x` declares (bound to the function's var); `var x = e`
 * also writes x as resolved from where it stands. */
static int
walk_declarator(rw_node *d, walk_ctx *c, uint32_t extra, uint32_t var_flags)
{
	rw_scopes *s = c->s;
	rw_node *id = RW_N(d, decl.id);
	rw_binding *b = declare(s, c->fn, id, RW_BIND_VAR, NULL);

	if (!b)
		return -1;
	b->flags |= RW_BF_VAR_DECL | var_flags;
	if (RW_N(d, decl.init) || (extra & RW_RF_FOR_IN)) {
		uint32_t f = RW_RF_DECL | RW_RF_WRITE | extra;
		if (RW_N(d, decl.init))
			f |= RW_RF_INIT;
		if (use(c, id, f) != 0)
			return -1;
		return RW_N(d, decl.init) ? walk(RW_N(d, decl.init), c) : 0;
	}
	return decl_ref(c, id, c->cur, b, c->in_with ? RW_RF_IN_WITH : 0);
}

static int
walk_var(rw_node *n, walk_ctx *c, uint32_t extra)
{
	uint32_t i;
	uint32_t vf = (n->flags & RW_CONST) ? RW_BF_CONST : 0;

	for (i = 0; i < n->u.var.decls.n; i++)
		if (walk_declarator(RW_ITEM(n, var.decls, i), c, extra, vf) != 0)
			return -1;
	return 0;
}

static void
mark_site(walk_ctx *c, uint32_t flag)
{
	c->cur->flags |= flag;
	c->cur->func->flags |= flag;
}

static int
walk(rw_node *n, void *ud)
{
	walk_ctx *c = ud;
	rw_scopes *s = c->s;

	if (s->oom)
		return -1;
	switch (n->kind) {
	case RW_FUNC_DECL:
	case RW_FUNC_EXPR:
		return walk_function(n, c);
	case RW_CATCH: {
		rw_scope *sc = new_scope(s, RW_SCOPE_CATCH, n, c->cur);
		walk_ctx inner = *c;
		uint32_t base;
		if (!sc)
			return -1;
		RW_SET(n, catch_.scope, sc);
		sc->flags |= c->fn->flags & RW_SF_STRICT;
		if (c->in_with)
			sc->flags |= RW_SF_IN_WITH;
		if (RW_N(n, catch_.param)) {
			rw_binding *b = declare(s, sc, RW_N(n, catch_.param), RW_BIND_CATCH, NULL);
			if (!b || decl_ref(c, RW_N(n, catch_.param), sc, b,
			                   c->in_with ? RW_RF_IN_WITH : 0) != 0)
				return -1;
		}
		inner.cur = sc;
		inner.in_with = 0;
		base = s->npending;
		if (RW_N(n, catch_.body) && walk(RW_N(n, catch_.body), &inner) != 0)
			return -1;
		if (resolve_pending(s, base, sc) != 0)
			return -1;
		close_scope(s, sc);
		return 0;
	}
	case RW_VAR:
		return walk_var(n, c, 0);
	case RW_IDENT:
		return use(c, n, RW_RF_READ);
	case RW_NAME:
	case RW_NUMBER:
	case RW_STRING:
	case RW_REGEX:
	case RW_NULL:
	case RW_BOOL:
	case RW_EMPTY:
	case RW_BREAK:
	case RW_CONTINUE:
	case RW_DEBUGGER:
		return 0;
	/* the commonest kinds without rw_children's callback (same order) */
	case RW_EXPR_STMT:
		return walk(RW_N(n, expr_stmt.expr), c);
	case RW_DOT:                /* the property is an RW_NAME */
		return walk(RW_N(n, member.object), c);
	case RW_INDEX:
		if (walk(RW_N(n, member.object), c) != 0)
			return -1;
		return walk(RW_N(n, member.prop), c);
	case RW_BINARY:
		if (walk(RW_N(n, binary.left), c) != 0)
			return -1;
		return walk(RW_N(n, binary.right), c);
	case RW_RETURN:
		return RW_N(n, ret.arg) ? walk(RW_N(n, ret.arg), c) : 0;
	case RW_BLOCK:
		return walk_list(&n->u.block.body, c);
	case RW_OBJECT:
		return walk_list(&n->u.object.props, c);
	case RW_IF:
		if (walk(RW_N(n, if_.test), c) != 0 || walk(RW_N(n, if_.then), c) != 0)
			return -1;
		return RW_N(n, if_.alt) ? walk(RW_N(n, if_.alt), c) : 0;
	case RW_THIS:
		c->cur->func->flags |= RW_SF_USES_THIS;
		return 0;
	case RW_ASSIGN: {
		rw_node *t = RW_N(n, assign.target);
		if (t->kind == RW_IDENT) {
			uint32_t f = RW_RF_WRITE;
			if (n->op != RW_OP_ASSIGN)
				f |= RW_RF_READ;
			if (use(c, t, f) != 0)
				return -1;
		} else if (walk(t, c) != 0) {
			return -1;
		}
		return walk(RW_N(n, assign.value), c);
	}
	case RW_UPDATE:
		if (RW_N(n, update.arg)->kind == RW_IDENT)
			return use(c, RW_N(n, update.arg), RW_RF_READ | RW_RF_WRITE);
		return walk(RW_N(n, update.arg), c);
	case RW_UNARY: {
		rw_node *a = RW_N(n, unary.arg);
		if (a->kind == RW_IDENT && n->op == RW_OP_TYPEOF)
			return use(c, a, RW_RF_READ | RW_RF_TYPEOF);
		if (a->kind == RW_IDENT && n->op == RW_OP_DELETE)
			return use(c, a, RW_RF_DELETE);
		return walk(a, c);
	}
	case RW_FOR_IN: {
		rw_node *l = RW_N(n, for_in.left);
		if (l->kind == RW_VAR && l->u.var.decls.n == 1) {
			if (walk_var(l, c, RW_RF_FOR_IN) != 0)
				return -1;
		} else if (l->kind == RW_IDENT) {
			if (use(c, l, RW_RF_WRITE | RW_RF_FOR_IN) != 0)
				return -1;
		} else if (walk(l, c) != 0) {
			return -1;
		}
		if (walk(RW_N(n, for_in.right), c) != 0)
			return -1;
		return walk(RW_N(n, for_in.body), c);
	}
	case RW_CALL:
	case RW_NEW: {
		rw_node *callee = RW_N(n, call.callee);
		uint32_t i, named = 0;
		if (n->kind == RW_CALL && callee->kind == RW_IDENT &&
		    RW_S(callee, ident.name) == c->s->n_eval && n->u.call.args.n == 1) {
			/* eval("X"): X read where the eval runs, as an occurrence
			 * outside the tree, made first (eval_reads_global) */
			rw_node *a = RW_ITEM(n, call.args, 0), *x;
			const char *name;
			if (a && a->kind == RW_STRING &&
			    (name = eval_arg_name(c->s, a)) != NULL) {
				if ((x = rw_node_new(c->s->ast, RW_IDENT)) == NULL)
					return -1;
				x->span = a->span;
				rw_rel_set(&x->u.ident.name, name);
				if (rw_intern_id(name) >= c->s->ntop) {
					/* interned now: no binding has that name */
					int32_t k = new_ref(c->s, x, c->cur, RW_RF_READ | RW_RF_EVAL_ARG);
					if (k < 0)
						return -1;
					bind_ref(c->s, &c->s->refs[k], NULL);
				} else if (use(c, x, RW_RF_READ | RW_RF_EVAL_ARG) != 0) {
					return -1;
				}
				named = RW_RF_EVAL_NAMED;
			}
		}
		if (callee->kind == RW_IDENT) {
			if (use(c, callee, RW_RF_READ | named |
			        (n->kind == RW_CALL ? RW_RF_CALL : RW_RF_NEW)) != 0)
				return -1;
		} else if (walk(callee, c) != 0) {
			return -1;
		}
		for (i = 0; i < n->u.call.args.n; i++)
			if (RW_ITEM(n, call.args, i) && walk(RW_ITEM(n, call.args, i), c) != 0)
				return -1;
		return 0;
	}
	case RW_PROP:
		if ((n->u.prop.flags & RW_PROP_COMPUTED) && walk(RW_N(n, prop.key), c) != 0)
			return -1;
		if ((n->u.prop.flags & RW_PROP_SHORTHAND) &&
		    RW_N(n, prop.value)->kind == RW_IDENT)
			return use(c, RW_N(n, prop.value), RW_RF_READ | RW_RF_SHORTHAND);
		return walk(RW_N(n, prop.value), c);
	case RW_WITH: {
		int saved = c->in_with;
		mark_site(c, RW_SF_WITH);
		if (walk(RW_N(n, with.object), c) != 0)
			return -1;
		c->in_with = 1;
		if (walk(RW_N(n, with.body), c) != 0)
			return -1;
		c->in_with = saved;
		return 0;
	}
	default:
		return rw_children(n, walk, c) != 0 || s->oom ? -1 : 0;
	}
}

/* ---------------------------------------------------------------- API */

int
rw_scopes_analyse(rw_ast *ast, rw_scopes **out, char *err, size_t errlen)
{
	rw_scopes *s = calloc(1, sizeof *s);
	rw_node *prog = ast->program;
	rw_scope *ps;
	walk_ctx wc;
	uint32_t i;

	*out = NULL;
	if (!s)
		goto oom;
	s->ast = ast;
	s->n_arguments = rw_intern(ast, "arguments", 9);
	s->n_eval = rw_intern(ast, "eval", 4);
	if (!s->n_arguments || !s->n_eval)
		goto oom;
	/* after the last rw_intern: one list head per name */
	s->ntop = ((rw_ast_priv *)ast->priv)->icount;
	s->top = calloc(s->ntop ? s->ntop : 1, sizeof *s->top);
	if (!s->top || refs_alloc(s, ((rw_ast_priv *)ast->priv)->nidents + 16) != 0)
		goto oom;
	ps = new_scope(s, RW_SCOPE_PROGRAM, prog, NULL);
	if (!ps)
		goto oom;
	RW_SET(prog, program.scope, ps);
	if (prog->u.program.strict)
		ps->flags |= RW_SF_STRICT;

	wc.s = s;
	wc.cur = ps;
	wc.fn = ps;
	wc.in_with = 0;
	wc.dead = 0;
	for (i = 0; i < prog->u.program.body.n; i++)
		if (walk(RW_ITEM(prog, program.body, i), &wc) != 0)
			goto oom;
	if (resolve_pending(s, 0, ps) != 0)
		goto oom;
	close_scope(s, ps);
	free(s->top);
	s->top = NULL;
	/* the records stay where they are from now on */
	if (s->moved)
		for (i = 0; i < s->nrefs; i++)
			RW_SET(rw_ref_ident(&s->refs[i]), ident.binding, &s->refs[i]);
	rw_scopes_finish(s);
	/* the walk's helpers are not needed any more */
	free(s->btail);
	free(s->ctail);
	free(s->pending);
	s->btail = NULL;
	s->ctail = NULL;
	s->pending = NULL;
	s->cap_pending = s->npending = 0;
	rw_arena_trim(ast);
	*out = s;
	return 0;
oom:
	/* the walks fail only when an allocation did */
	if (err && errlen)
		snprintf(err, errlen, "%s: out of memory in scope analysis",
		         ast->filename ? ast->filename : "<input>");
	rw_scopes_free(s);
	return -2;
}

void
rw_scopes_free(rw_scopes *s)
{
	if (!s)
		return;
	free(s->scopes);
	free(s->btail);
	free(s->ctail);
	free(s->pending);
	free(s->table);
	free(s->top);
	free(s);
}

uint32_t rw_scopes_count(const rw_scopes *s) { return s->nscopes; }

size_t
rw_scopes_memory(const rw_scopes *s)
{
	return sizeof *s +
	       (size_t)s->cap_scopes * (sizeof *s->scopes +
	                                (s->btail ? sizeof *s->btail + sizeof *s->ctail : 0)) +
	       (size_t)s->cap_pending * sizeof *s->pending +
	       (size_t)s->table_cap * sizeof *s->table + (s->top ? (size_t)s->ntop * sizeof *s->top : 0);
}
uint32_t rw_scopes_nrefs(const rw_scopes *s) { return s->nrefs; }

rw_scope *
rw_scopes_get(const rw_scopes *s, uint32_t id)
{
	return id < s->nscopes ? s->scopes[id] : NULL;
}

rw_ref *
rw_scopes_ref(const rw_scopes *s, uint32_t i)
{
	return i < s->nrefs ? &s->refs[i] : NULL;
}

rw_scope *
rw_scope_of(const rw_node *n)
{
	switch (n->kind) {
	case RW_PROGRAM:   return rw_rel_get(&n->u.program.scope);
	case RW_FUNC_DECL:
	case RW_FUNC_EXPR: return rw_rel_get(&n->u.fn.scope);
	case RW_CATCH:     return rw_rel_get(&n->u.catch_.scope);
	default:           return NULL;
	}
}

rw_ref *
rw_ref_of(const rw_node *ident)
{
	return ident->kind == RW_IDENT ? rw_rel_get(&ident->u.ident.binding) : NULL;
}

rw_scope *
rw_binding_function(const rw_binding *b)
{
	return b->scope->func;
}
