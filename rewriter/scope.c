/*
 * rewriter/scope.c -- the scope analysis proper: pass 1 creates the scopes
 * and declares every binding (hoisting), pass 2 resolves every identifier
 * occurrence against the declared scopes and records what it does (read,
 * write, call, ...). Derived facts are computed by scope_post.c; the
 * semantics are described in scope.h.
 *
 * Everything the caller sees is allocated in the AST's arena; the scope and
 * reference arrays and the (scope, name) hash table are malloc'd here and
 * released by rw_scopes_free(). Both walks recurse along the AST, whose
 * depth the parser bounds (RW_MAX_DEPTH).
 */
#include <stdlib.h>
#include <string.h>

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

rw_binding *
rw_scope_lookup(const rw_scopes *s, const rw_scope *scope, const char *name)
{
	uint32_t j;

	if (!s->table_cap)
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
	sc->kind = kind;
	sc->id = s->nscopes;
	sc->node = node;
	sc->parent = parent;
	sc->func = kind == RW_SCOPE_CATCH ? parent->func : sc;
	s->scopes[sc->id] = sc;
	s->btail[sc->id] = NULL;
	s->ctail[sc->id] = NULL;
	s->nscopes++;
	if (parent) {
		if (s->ctail[parent->id])
			s->ctail[parent->id]->next_sibling = sc;
		else
			parent->first_child = sc;
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
	b->kind = kind;
	b->scope = scope;
	b->decl = decl;
	b->index = scope->nbindings;
	if (table_insert(s, b) != 0)
		return NULL;
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
	const char *name = ident->u.ident.name;
	rw_binding *b = rw_scope_lookup(s, scope, name);

	if (kind == RW_BIND_VAR && name == s->n_arguments &&
	    scope->kind == RW_SCOPE_FUNCTION)
		kind = RW_BIND_ARGUMENTS;   /* `var arguments` keeps the object */
	if (!b) {
		b = new_binding(s, scope, name, ident->u.ident.len, kind, ident);
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
		b->func = fn;
	return b;
}

/* ---------------------------------------------------------------- pass 1 */

typedef struct decl_ctx {
	rw_scopes *s;
	rw_scope  *cur;     /* innermost scope (function or catch) */
	rw_scope  *fn;      /* nearest function / program scope */
	int        in_with; /* inside a with body of the current function */
} decl_ctx;

static int decl_walk(rw_node *n, void *ud);

static int
decl_list(rw_list *l, decl_ctx *c)
{
	uint32_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] && decl_walk(l->v[i], c) != 0)
			return -1;
	return 0;
}

static int
decl_function(rw_node *n, decl_ctx *c)
{
	rw_scopes *s = c->s;
	int is_decl = n->kind == RW_FUNC_DECL;
	/* declarations are created at entry of the enclosing function, outside
	 * any catch clause or with body (Duktape, also for block-level ones) */
	rw_scope *parent = is_decl ? c->fn : c->cur;
	rw_scope *sc;
	decl_ctx inner;
	uint32_t i;

	if (is_decl && n->u.fn.name &&
	    !declare(s, c->fn, n->u.fn.name, RW_BIND_FUNC, n))
		return -1;
	s->cap_refs += (n->u.fn.name ? 1 : 0) + n->u.fn.params.n;
	sc = new_scope(s, RW_SCOPE_FUNCTION, n, parent);
	if (!sc)
		return -1;
	n->u.fn.scope = sc;
	if (n->u.fn.flags & RW_FN_STRICT)
		sc->flags |= RW_SF_STRICT;
	if (!is_decl && c->in_with)
		sc->flags |= RW_SF_IN_WITH;
	sc->nparams = n->u.fn.params.n;
	for (i = 0; i < n->u.fn.params.n; i++) {
		rw_node *p = n->u.fn.params.v[i];
		rw_binding *b = declare(s, sc, p, RW_BIND_PARAM, NULL);
		if (!b)
			return -1;
		b->param_index = i;
	}
	inner.s = s;
	inner.cur = sc;
	inner.fn = sc;
	inner.in_with = 0;
	if (decl_list(&n->u.fn.body, &inner) != 0)
		return -1;
	/* a named expression's own name, unless shadowed in its scope (the
	 * arguments object always shadows a function expression `arguments`) */
	if (!is_decl && n->u.fn.name) {
		rw_node *id = n->u.fn.name;
		if (id->u.ident.name != s->n_arguments &&
		    !rw_scope_lookup(s, sc, id->u.ident.name)) {
			rw_binding *b = new_binding(s, sc, id->u.ident.name,
			                            id->u.ident.len, RW_BIND_SELF, id);
			if (!b)
				return -1;
			b->func = n;
		}
	}
	return 0;
}

static int
decl_walk(rw_node *n, void *ud)
{
	decl_ctx *c = ud;
	rw_scopes *s = c->s;

	if (s->oom)
		return -1;
	switch (n->kind) {
	case RW_FUNC_DECL:
	case RW_FUNC_EXPR:
		return decl_function(n, c);
	case RW_CATCH: {
		rw_scope *sc = new_scope(s, RW_SCOPE_CATCH, n, c->cur);
		decl_ctx inner = *c;
		if (!sc)
			return -1;
		n->u.catch_.scope = sc;
		sc->flags |= c->fn->flags & RW_SF_STRICT;
		if (c->in_with)
			sc->flags |= RW_SF_IN_WITH;
		if (n->u.catch_.param &&
		    !declare(s, sc, n->u.catch_.param, RW_BIND_CATCH, NULL))
			return -1;
		s->cap_refs += n->u.catch_.param ? 1 : 0;
		inner.cur = sc;
		inner.in_with = 0;
		return n->u.catch_.body ? decl_walk(n->u.catch_.body, &inner) : 0;
	}
	case RW_VAR: {
		uint32_t i;
		for (i = 0; i < n->u.var.decls.n; i++) {
			rw_node *d = n->u.var.decls.v[i];
			rw_binding *b = declare(s, c->fn, d->u.decl.id, RW_BIND_VAR, NULL);
			if (!b)
				return -1;
			s->cap_refs++;
			b->flags |= RW_BF_VAR_DECL;
			if (n->flags & RW_CONST)
				b->flags |= RW_BF_CONST;
			if (d->u.decl.init && decl_walk(d->u.decl.init, c) != 0)
				return -1;
		}
		return 0;
	}
	case RW_WITH: {
		int saved = c->in_with;
		if (decl_walk(n->u.with.object, c) != 0)
			return -1;
		c->in_with = 1;
		if (decl_walk(n->u.with.body, c) != 0)
			return -1;
		c->in_with = saved;
		return 0;
	}
	case RW_IDENT:
		s->cap_refs++;
		return 0;
	case RW_NAME:
		return 0;
	default:
		return rw_children(n, decl_walk, c) != 0 || s->oom ? -1 : 0;
	}
}

/* ---------------------------------------------------------------- pass 2 */

typedef struct res_ctx {
	rw_scopes *s;
	rw_scope  *cur;
	int        in_with;
} res_ctx;

static int res_walk(rw_node *n, void *ud);

/* The binding name resolves to from scope, NULL for an undeclared global.
 * The implicit arguments object is created on first use. */
static rw_binding *
resolve(rw_scopes *s, rw_scope *scope, rw_node *ident)
{
	const char *name = ident->u.ident.name;
	rw_scope *sc;

	for (sc = scope; sc; sc = sc->parent) {
		rw_binding *b = rw_scope_lookup(s, sc, name);
		if (b)
			return b;
		if (name == s->n_arguments && sc->kind == RW_SCOPE_FUNCTION)
			return new_binding(s, sc, name, ident->u.ident.len,
			                   RW_BIND_ARGUMENTS, NULL);
	}
	return NULL;
}

static rw_ref *
new_ref(rw_scopes *s, rw_node *ident, rw_scope *scope, uint32_t flags)
{
	rw_ref *r;

	if (s->nrefs == s->cap_refs) {
		/* pass 1 counted every identifier: cannot happen */
		s->oom = 1;
		return NULL;
	}
	r = &s->refs[s->nrefs++];
	r->ident = ident;
	r->scope = scope;
	r->flags = flags;
	ident->u.ident.binding = r;
	return r;
}

/* Records the occurrence ident bound to b (already resolved or declared). */
static rw_ref *
bind_ref(rw_scopes *s, rw_node *ident, rw_scope *scope, rw_binding *b,
         uint32_t flags)
{
	rw_ref *r = new_ref(s, ident, scope, flags);

	if (!r)
		return NULL;
	r->binding = b;
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
	if (!b)
		return r;
	if (b->kind == RW_BIND_ARGUMENTS && !(flags & RW_RF_DECL))
		b->scope->flags |= RW_SF_USES_ARGUMENTS;
	if ((flags & RW_RF_DECL) && !(flags & RW_RF_WRITE))
		return r;
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
	return r;
}

/* An occurrence resolved from the current scope. */
static rw_ref *
use(res_ctx *c, rw_node *ident, uint32_t flags)
{
	rw_binding *b = resolve(c->s, c->cur, ident);

	if (c->s->oom)
		return NULL;
	if (c->in_with)
		flags |= RW_RF_IN_WITH;
	return bind_ref(c->s, ident, c->cur, b, flags);
}

static int
res_function(rw_node *n, res_ctx *c)
{
	rw_scopes *s = c->s;
	rw_scope *sc = n->u.fn.scope;
	res_ctx inner;
	uint32_t i;

	/* the function object is made by the code of the parent's function */
	sc->parent->func->flags |= RW_SF_CLOSURES;
	if (n->u.fn.name) {
		rw_node *id = n->u.fn.name;
		rw_binding *b = n->kind == RW_FUNC_DECL
			? rw_scope_lookup(s, sc->parent, id->u.ident.name)
			: rw_scope_lookup(s, sc, id->u.ident.name);
		if (b && n->kind == RW_FUNC_EXPR && b->kind != RW_BIND_SELF)
			b = NULL;   /* shadowed: the name binds nothing reachable */
		rw_ref *r = bind_ref(s, id, n->kind == RW_FUNC_DECL ? sc->parent : sc,
		                     b, RW_RF_DECL);
		if (!r)
			return -1;
		if (!b)
			r->kind = RW_REF_LOCAL;
	}
	for (i = 0; i < n->u.fn.params.n; i++) {
		rw_node *p = n->u.fn.params.v[i];
		if (!bind_ref(s, p, sc, rw_scope_lookup(s, sc, p->u.ident.name),
		              RW_RF_DECL))
			return -1;
	}
	inner.s = s;
	inner.cur = sc;
	inner.in_with = 0;
	for (i = 0; i < n->u.fn.body.n; i++)
		if (res_walk(n->u.fn.body.v[i], &inner) != 0)
			return -1;
	return 0;
}

/* A declarator: `var x` declares (bound to the function's var); `var x = e`
 * also writes x as resolved from where it stands. */
static int
res_declarator(rw_node *d, res_ctx *c, uint32_t extra)
{
	rw_scopes *s = c->s;
	rw_node *id = d->u.decl.id;

	if (d->u.decl.init || (extra & RW_RF_FOR_IN)) {
		uint32_t f = RW_RF_DECL | RW_RF_WRITE | extra;
		if (d->u.decl.init)
			f |= RW_RF_INIT;
		if (!use(c, id, f))
			return -1;
		return d->u.decl.init ? res_walk(d->u.decl.init, c) : 0;
	}
	return bind_ref(s, id, c->cur,
	                rw_scope_lookup(s, c->cur->func, id->u.ident.name),
	                RW_RF_DECL | (c->in_with ? RW_RF_IN_WITH : 0)) ? 0 : -1;
}

static void
mark_dynamic_site(res_ctx *c, uint32_t flag)
{
	c->cur->flags |= flag;
	c->cur->func->flags |= flag;
}

static int
res_walk(rw_node *n, void *ud)
{
	res_ctx *c = ud;
	rw_scopes *s = c->s;

	if (s->oom)
		return -1;
	switch (n->kind) {
	case RW_FUNC_DECL:
	case RW_FUNC_EXPR:
		return res_function(n, c);
	case RW_CATCH: {
		res_ctx inner = *c;
		rw_scope *sc = n->u.catch_.scope;
		if (n->u.catch_.param &&
		    !bind_ref(s, n->u.catch_.param, sc,
		              rw_scope_lookup(s, sc, n->u.catch_.param->u.ident.name),
		              RW_RF_DECL | (c->in_with ? RW_RF_IN_WITH : 0)))
			return -1;
		inner.cur = sc;
		inner.in_with = 0;
		return n->u.catch_.body ? res_walk(n->u.catch_.body, &inner) : 0;
	}
	case RW_DECLARATOR:
		return res_declarator(n, c, 0);
	case RW_IDENT:
		return use(c, n, RW_RF_READ) ? 0 : -1;
	case RW_NAME:
		return 0;
	case RW_THIS:
		c->cur->func->flags |= RW_SF_USES_THIS;
		return 0;
	case RW_ASSIGN: {
		rw_node *t = n->u.assign.target;
		if (t->kind == RW_IDENT) {
			uint32_t f = RW_RF_WRITE;
			if (n->u.assign.op != RW_OP_ASSIGN)
				f |= RW_RF_READ;
			if (!use(c, t, f))
				return -1;
		} else if (res_walk(t, c) != 0) {
			return -1;
		}
		return res_walk(n->u.assign.value, c);
	}
	case RW_UPDATE:
		if (n->u.update.arg->kind == RW_IDENT)
			return use(c, n->u.update.arg, RW_RF_READ | RW_RF_WRITE) ? 0 : -1;
		return res_walk(n->u.update.arg, c);
	case RW_UNARY: {
		rw_node *a = n->u.unary.arg;
		if (a->kind == RW_IDENT && n->u.unary.op == RW_OP_TYPEOF)
			return use(c, a, RW_RF_READ | RW_RF_TYPEOF) ? 0 : -1;
		if (a->kind == RW_IDENT && n->u.unary.op == RW_OP_DELETE)
			return use(c, a, RW_RF_DELETE) ? 0 : -1;
		return res_walk(a, c);
	}
	case RW_FOR_IN: {
		rw_node *l = n->u.for_in.left;
		if (l->kind == RW_VAR && l->u.var.decls.n == 1) {
			if (res_declarator(l->u.var.decls.v[0], c, RW_RF_FOR_IN) != 0)
				return -1;
		} else if (l->kind == RW_IDENT) {
			if (!use(c, l, RW_RF_WRITE | RW_RF_FOR_IN))
				return -1;
		} else if (res_walk(l, c) != 0) {
			return -1;
		}
		if (res_walk(n->u.for_in.right, c) != 0)
			return -1;
		return res_walk(n->u.for_in.body, c);
	}
	case RW_CALL:
	case RW_NEW: {
		rw_node *callee = n->u.call.callee;
		uint32_t i;
		if (callee->kind == RW_IDENT) {
			rw_ref *r = use(c, callee, RW_RF_READ |
			                (n->kind == RW_CALL ? RW_RF_CALL : RW_RF_NEW));
			if (!r)
				return -1;
			if (n->kind == RW_CALL && callee->u.ident.name == s->n_eval &&
			    r->kind == RW_REF_GLOBAL) {
				r->flags |= RW_RF_EVAL;
				mark_dynamic_site(c, RW_SF_EVAL);
			}
		} else if (res_walk(callee, c) != 0) {
			return -1;
		}
		for (i = 0; i < n->u.call.args.n; i++)
			if (n->u.call.args.v[i] && res_walk(n->u.call.args.v[i], c) != 0)
				return -1;
		return 0;
	}
	case RW_PROP:
		if ((n->u.prop.flags & RW_PROP_COMPUTED) && res_walk(n->u.prop.key, c) != 0)
			return -1;
		if ((n->u.prop.flags & RW_PROP_SHORTHAND) &&
		    n->u.prop.value->kind == RW_IDENT)
			return use(c, n->u.prop.value, RW_RF_READ | RW_RF_SHORTHAND) ? 0 : -1;
		return res_walk(n->u.prop.value, c);
	case RW_WITH: {
		int saved = c->in_with;
		mark_dynamic_site(c, RW_SF_WITH);
		if (res_walk(n->u.with.object, c) != 0)
			return -1;
		c->in_with = 1;
		if (res_walk(n->u.with.body, c) != 0)
			return -1;
		c->in_with = saved;
		return 0;
	}
	default:
		return rw_children(n, res_walk, c) != 0 || s->oom ? -1 : 0;
	}
}

/* ---------------------------------------------------------------- API */

int
rw_scopes_analyse(rw_ast *ast, rw_scopes **out, char *err, size_t errlen)
{
	rw_scopes *s = calloc(1, sizeof *s);
	rw_node *prog = ast->program;
	rw_scope *ps;
	decl_ctx dc;
	res_ctx rc;
	uint32_t i;

	*out = NULL;
	if (!s)
		goto oom;
	s->ast = ast;
	s->n_arguments = rw_intern(ast, "arguments", 9);
	s->n_eval = rw_intern(ast, "eval", 4);
	if (!s->n_arguments || !s->n_eval)
		goto oom;
	ps = new_scope(s, RW_SCOPE_PROGRAM, prog, NULL);
	if (!ps)
		goto oom;
	prog->u.program.scope = ps;
	if (prog->u.program.strict)
		ps->flags |= RW_SF_STRICT;

	dc.s = s;
	dc.cur = ps;
	dc.fn = ps;
	dc.in_with = 0;
	for (i = 0; i < prog->u.program.body.n; i++)
		if (decl_walk(prog->u.program.body.v[i], &dc) != 0)
			goto oom;
	if (s->cap_refs) {
		s->refs = calloc(s->cap_refs, sizeof *s->refs);
		if (!s->refs)
			goto oom;
	}
	rc.s = s;
	rc.cur = ps;
	rc.in_with = 0;
	for (i = 0; i < prog->u.program.body.n; i++)
		if (res_walk(prog->u.program.body.v[i], &rc) != 0)
			goto oom;
	rw_scopes_finish(s);
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
	free(s->refs);
	free(s->table);
	free(s);
}

uint32_t rw_scopes_count(const rw_scopes *s) { return s->nscopes; }
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
	case RW_PROGRAM:   return n->u.program.scope;
	case RW_FUNC_DECL:
	case RW_FUNC_EXPR: return n->u.fn.scope;
	case RW_CATCH:     return n->u.catch_.scope;
	default:           return NULL;
	}
}

rw_ref *
rw_ref_of(const rw_node *ident)
{
	return ident->kind == RW_IDENT ? ident->u.ident.binding : NULL;
}

rw_scope *
rw_binding_function(const rw_binding *b)
{
	return b->scope->func;
}
