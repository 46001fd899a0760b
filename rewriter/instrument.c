/*
 * rewriter/instrument.c -- the instrumentation pass (doc/design.md): from
 * the AST and the scope facts (rewriter/scope.h) it decides, per scope,
 * which captured bindings move into environment objects, gives every
 * function literal a site id, and records text edits on the original
 * source: environment creation and declaration tagging at the top of each
 * body, `Pt(function ..., site, env)` around function expressions at the
 * top level (inside functions the tag is written in JS:
 * `(Px = function ..., Px[Px.Pk[4 + site]] = env, Px)`),
 * `Pe<k>[i]` for bindings that live in an environment (environments are
 * arrays: [parent, captured bindings in binding order]; through a local
 * `Pl<k>` read once at entry in inner functions that use level k twice or
 * more and make no closures), mirrored writes, catch environments. The runtime's tagger stores env under one hidden key
 * per site. Environments holding only a few constants stay inline: no
 * object per call, the values ride in the closures' tags
 * (`Pt(function ..., site, Pe<k-1>, a, b)`) and a snapshot builds the
 * array. Writes arguments[k] = v with a constant k re-sync the aliased
 * (mirrored) parameter's copy. A function that creates no closures and
 * whose variables nobody captures gets no edit at all.
 * rewriter/instrument_maker.c builds the site table and the makers from the
 * same decisions. doc/design.md has the whole scheme.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rewriter/instrument_impl.h"

int ri_repr(const ri_ctx *c, const rw_binding *b)
{
	const ri_scope *r;

	if (!b || b->scope->kind == RW_SCOPE_PROGRAM)
		return RI_LOCAL;
	r = &c->sc[b->scope->id];
	if (r->dynamic || !(b->flags & RW_BF_CAPTURED) || b->kind == RW_BIND_ARGUMENTS)
		return RI_LOCAL;
	if (b->kind == RW_BIND_CATCH)
		return RI_ENV;
	/* a maker declares the constant and mirrored variables its function
	 * reads (`var x;`, set by init()), and a strict maker unit cannot
	 * declare `var eval`: a captured eval (only read: a call of it is a
	 * direct eval, which leaves the scope as written) is named Pe<k>[i] */
	if (b->len == 4 && memcmp(b->name, "eval", 4) == 0)
		return RI_ENV;
	if (rw_binding_is_constant(b) &&
	    !(c->argsync && c->argsync[b->scope->id] && c->argsync[b->scope->id][b->index]))
		return RI_CONST;
	if ((b->kind == RW_BIND_VAR || b->kind == RW_BIND_PARAM || b->kind == RW_BIND_FUNC) &&
	    !(b->flags & RW_BF_CAPTURED_ASSIGNED) &&
	    !(c->nomirror && c->nomirror[b->scope->id] && c->nomirror[b->scope->id][b->index]))
		return RI_MIRROR;
	return RI_ENV;
}

uint32_t ri_env_index(const ri_ctx *c, const rw_binding *b)
{
	const uint32_t *t = c->envidx ? c->envidx[b->scope->id] : NULL;
	return t && b->index < b->scope->nbindings ? t[b->index] : 0;
}

/* per scope with an environment: the index of each binding kept in it */
int ri_env_indices(ri_ctx *c)
{
	uint32_t id;

	c->envidx = rw_ast_alloc(c->ast, (c->nscopes ? c->nscopes : 1) * sizeof *c->envidx);
	if (!c->envidx)
		return -1;
	memset(c->envidx, 0, (c->nscopes ? c->nscopes : 1) * sizeof *c->envidx);
	for (id = 0; id < c->nscopes; id++) {
		rw_scope *s = rw_scopes_get(c->scopes, id);
		const rw_binding *b;
		uint32_t *t, k = 1;

		if (!s || !c->sc[id].has_env || !s->nbindings)
			continue;
		t = rw_ast_alloc(c->ast, s->nbindings * sizeof *t);
		if (!t)
			return -1;
		memset(t, 0, s->nbindings * sizeof *t);
		for (b = s->bindings; b; b = b->next)
			if (b->index < s->nbindings && ri_repr(c, b) != RI_LOCAL)
				t[b->index] = k++;
		c->envidx[id] = t;
	}
	return 0;
}

/* ---------------------------------------------------------------- text */

typedef struct ri_str {
	rw_out o;
} ri_str;

static void env_name(rw_out *o, const char *prefix, uint32_t k)
{
	rw_out_printf(o, "%se%u", prefix, (unsigned)k);
}

/* does the code of function scope f read level k's environment object from
 * its local alias Pl<k>? */
static int aliased(const ri_ctx *c, const rw_scope *f, uint32_t k)
{
	const ri_scope *r = f ? &c->sc[f->id] : NULL;
	return r && r->nrefs && k >= 1 && k <= r->outer &&
	       r->nrefs[k] >= ((f->flags & RW_SF_CLOSURES) ? RI_ALIAS_MIN_CLOSURES : RI_ALIAS_MIN);
}

/* level k's environment as code written in function f: Pl<k> if f aliases it */
static void env_name_in(const ri_ctx *c, rw_out *o, const rw_scope *f, uint32_t k)
{
	if (aliased(c, f, k))
		rw_out_printf(o, "%sl%u", c->prefix, (unsigned)k);
	else
		env_name(o, c->prefix, k);
}

/* "Pe<k>[i]" (or "Pl<k>[i]" in a function that aliases level k) for a
 * binding that lives in its environment */
static void env_ref(const ri_ctx *c, rw_out *o, const rw_binding *b)
{
	uint32_t k = c->sc[b->scope->id].inner;

	if (c->cur_func && c->cur_func != rw_binding_function(b) && aliased(c, c->cur_func, k))
		rw_out_printf(o, "%sl%u", c->prefix, (unsigned)k);
	else
		env_name(o, c->prefix, k);
	rw_out_printf(o, "[%u]", (unsigned)ri_env_index(c, b));
}

/* line terminators in s[0, n): LF, CR, CRLF (one), U+2028, U+2029 */
static uint32_t count_terms(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t k = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (u[i] == '\n' || (u[i] == '\r' && !(i + 1 < n && u[i + 1] == '\n')) ||
		    (u[i] == 0xe2 && i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xa8 || u[i + 2] == 0xa9)))
			k++;
	return k;
}

/* Adds an edit: o's text inserted at start (start == end) or replacing
 * [start, end). A replaced expression may hold line breaks inside its
 * parentheses or comments (`return (\n x)`, a comment across lines in
 * `for (var x in o)`):
 * a text that keeps fewer is put in parentheses with the missing line
 * breaks first, where no semicolon can be inserted, so every later line
 * keeps its number (the callers that replace operators keep their own). */
static void add_text(ri_ctx *c, uint32_t start, uint32_t end, int cls, int depth, rw_out *o)
{
	if (!o->oom && end > start) {
		uint32_t had = count_terms(c->ast->src + start, end - start);
		uint32_t has = count_terms(o->p ? o->p : "", o->len);
		if (has < had) {
			rw_out w;
			size_t semi = o->len && o->p[0] == ';';   /* a statement-start guard stays first */
			rw_out_init(&w);
			rw_out_put(&w, o->p, semi);
			rw_out_puts(&w, "(");
			if (has == 0) {
				/* the replaced range's own terminators (CRLF stays CRLF) */
				const unsigned char *u = (const unsigned char *)c->ast->src;
				uint32_t a;
				for (a = start; a < end; a++) {
					if (u[a] == '\n' || u[a] == '\r')
						rw_out_put(&w, (const char *)u + a, 1);
					else if (u[a] == 0xe2 && a + 2 < end && u[a + 1] == 0x80 &&
					         (u[a + 2] == 0xa8 || u[a + 2] == 0xa9))
						rw_out_put(&w, (const char *)u + a, 3);
				}
			} else {
				for (; has < had; has++)
					rw_out_puts(&w, "\n");
			}
			rw_out_put(&w, o->p ? o->p + semi : "", o->len - semi);
			rw_out_puts(&w, ")");
			rw_out_free(o);
			*o = w;
		}
	}
	if (o->oom)
		c->oom = 1;
	else
		ri_edit_add(&c->edits, start, end, cls, depth, o->p ? o->p : "", o->len);
	rw_out_free(o);
}

/* ------------------------------------------------------------ decisions */


/* set the flag of binding b in a [scope id][binding index] table */
static void mark_binding(ri_ctx *c, uint8_t **table, const rw_binding *b)
{
	uint8_t **slot = &table[b->scope->id];

	if (!*slot) {
		*slot = rw_ast_alloc(c->ast, b->scope->nbindings ? b->scope->nbindings : 1);
		if (!*slot) {
			c->oom = 1;
			return;
		}
	}
	if (b->index < b->scope->nbindings)
		(*slot)[b->index] = 1;
}

static void no_mirror(ri_ctx *c, rw_node *id)
{
	rw_ref *r = id && id->kind == RW_IDENT ? rw_ref_of(id) : NULL;
	rw_binding *b = r ? rw_ref_binding(r) : NULL;

	if (!b || b->scope->kind == RW_SCOPE_PROGRAM)
		return;
	mark_binding(c, c->nomirror, b);
}

/* arguments[k] with a constant array index k: k, else -1 */
static long args_const_index(const rw_node *p)
{
	const rw_node *k = p->kind == RW_INDEX ? RW_N(p, member.prop) : NULL;
	double v;

	if (!k || k->kind != RW_NUMBER)
		return -1;
	v = rw_number(k);
	if (!(v >= 0 && v < 4294967295.0) || v != (double)(long)v)
		return -1;
	return (long)v;
}

/* the parameter arguments[k] aliases in the (sloppy) function scope fs */
static rw_binding *aliased_param(rw_scope *fs, long k)
{
	rw_binding *b;

	for (b = fs->bindings; b; b = b->next)
		if ((b->flags & RW_BF_ALIASED) && (long)b->param_index == k)
			return b;
	return NULL;
}

typedef struct pre_frame {
	ri_ctx  *c;
	rw_node *parent;
	struct pre_frame *up;   /* the parent's frame (grandparent = up->parent) */
} pre_frame;

static int name_is(const rw_node *n, const char *s)
{
	size_t l = strlen(s);
	return n && n->kind == RW_NAME && rw_name_len(RW_S(n, ident.name)) == l && memcmp(RW_S(n, ident.name), s, l) == 0;
}

/* Is the name of parameter b shadowed where the frame f is: inside a catch
 * clause (of the same function) whose parameter has that name? The re-sync
 * `Pe.x = x` written there would read the catch parameter. */
static int param_shadowed(const pre_frame *f, const rw_binding *b)
{
	for (; f && f->parent; f = f->up) {
		const rw_node *p = f->parent, *param;
		if (p->kind == RW_FUNC_DECL || p->kind == RW_FUNC_EXPR)
			return 0;
		if (p->kind == RW_CATCH && (param = RW_N(p, catch_.param)) != NULL &&
		    rw_name_len(RW_S(param, ident.name)) == b->len &&
		    memcmp(RW_S(param, ident.name), b->name, b->len) == 0)
			return 1;
	}
	return 0;
}

/* Does this use of a function's own `arguments` (binding args) leave its
 * parameters alone, or change one in a way the instrumentation follows?
 * Reading arguments.x / arguments[i], deleting arguments[i], writing
 * arguments.name, and passing it as the array of f.apply(t, arguments) or
 * the receiver of f.call(arguments, ...) (e.g. Array.prototype.slice.call(
 * arguments, 1)) cannot write a parameter through the aliasing. A write
 * arguments[k] = v, arguments[k] op= v, arguments[k]++ with a constant k
 * whose value is unused (an expression statement, a for head) can, but
 * only the k-th parameter and only there: that parameter is marked in
 * c->argsync (mirrored; the write re-syncs its environment copy), unless a
 * catch parameter of the same name hides it there. Anything else
 * (computed indices, other calls, escaping) might write any. */
static int args_use_safe(ri_ctx *c, const rw_binding *args, rw_node *id, const pre_frame *f)
{
	rw_node *p = f->parent, *g = f->up ? f->up->parent : NULL;
	rw_node *gp = f->up && f->up->up ? f->up->up->parent : NULL;

	if (!p)
		return 0;
	if ((p->kind == RW_DOT || p->kind == RW_INDEX) && RW_N(p, member.object) == id) {
		if (!g)
			return 1;
		if ((g->kind == RW_ASSIGN && RW_N(g, assign.target) == p) ||
		    (g->kind == RW_UPDATE && RW_N(g, update.arg) == p)) {
			long k;
			rw_binding *b;
			if (p->kind == RW_DOT)
				return 1;   /* a name, never an array index */
			k = args_const_index(p);
			if (k < 0 || !gp ||
			    !(gp->kind == RW_EXPR_STMT ||
			      (gp->kind == RW_FOR && (RW_N(gp, for_.init) == g || RW_N(gp, for_.update) == g))))
				return 0;
			b = aliased_param(args->scope, k);
			if (b && param_shadowed(f, b))
				return 0;   /* no way to name the parameter there */
			if (b)
				mark_binding(c, c->argsync, b);
			return 1;
		}
		if (g->kind == RW_UNARY && g->op == RW_OP_DELETE)
			return 1;   /* unmaps the index; the parameter keeps its value */
		if (g->kind == RW_UPDATE)
			return 0;
		if ((g->kind == RW_CALL || g->kind == RW_NEW) && RW_N(g, call.callee) == p)
			return 0;   /* arguments.f() / arguments[0]() get it as `this` */
		if (g->kind == RW_FOR_IN && RW_N(g, for_in.left) == p)
			return 0;
		return 1;
	}
	if (p->kind == RW_CALL && RW_N(p, call.callee) && RW_N(p, call.callee)->kind == RW_DOT) {
		rw_node *m = RW_N(RW_N(p, call.callee), member.prop);
		if (name_is(m, "apply") && p->u.call.args.n >= 2 && RW_ITEM(p, call.args, 1) == id)
			return 1;
		if (name_is(m, "call") && p->u.call.args.n >= 1 && RW_ITEM(p, call.args, 0) == id &&
		    RW_N(RW_N(p, call.callee), member.object) &&
		    RW_N(RW_N(p, call.callee), member.object)->kind == RW_DOT &&
		    name_is(RW_N(RW_N(RW_N(p, call.callee), member.object), member.prop), "slice"))
			return 1;
	}
	return 0;
}

/* before deciding: accessors/methods of object literals, and the write
 * forms that rule out mirroring a binding */
static int prewalk(rw_node *n, void *ud)
{
	pre_frame *f = ud, child;
	ri_ctx *c = f->c;

	if (n->kind == RW_IDENT) {
		rw_ref *r = rw_ref_of(n);
		if (r && rw_ref_binding(r) && rw_ref_binding(r)->kind == RW_BIND_ARGUMENTS &&
		    !(r->flags & RW_RF_DECL) && !args_use_safe(c, rw_ref_binding(r), n, f))
			c->args_unsafe[rw_ref_binding(r)->scope->id] = 1;
	}

	if (n->kind == RW_OBJECT) {
		uint32_t i;
		for (i = 0; i < n->u.object.props.n; i++) {
			rw_node *p = RW_ITEM(n, object.props, i);
			rw_scope *s;
			if (!p || p->u.prop.kind == RW_PROP_INIT || !RW_N(p, prop.value) ||
			    RW_N(p, prop.value)->kind != RW_FUNC_EXPR)
				continue;
			s = rw_scope_of(RW_N(p, prop.value));
			if (!s)
				continue;
			c->sc[s->id].prop = p;
			if (p->u.prop.flags & RW_PROP_COMPUTED)
				c->sc[s->id].no_maker = 1;
		}
	} else if (n->kind == RW_FOR_IN) {
		rw_node *l = RW_N(n, for_in.left);
		if (l && l->kind == RW_VAR && l->u.var.decls.n == 1)
			no_mirror(c, RW_N(RW_ITEM(l, var.decls, 0), decl.id));
		else
			no_mirror(c, l);
	} else if (n->kind == RW_UPDATE && !(n->flags & RW_PREFIX)) {
		rw_node *p = f->parent;
		int unused = p && (p->kind == RW_EXPR_STMT ||
		                   (p->kind == RW_FOR && RW_N(p, for_.update) == n));
		if (!unused)
			no_mirror(c, RW_N(n, update.arg));
	}
	child.c = c;
	child.parent = n;
	child.up = f;
	return rw_children(n, prewalk, &child);
}

/* A function declaration's maker makes it from a named function
 * expression, `function f() {...}`, whose own name f shadows, inside it,
 * the maker's variable f that init() sets from the environment. So a
 * reference to the declaration's binding from inside the declaration
 * itself (recursion) would, after a restore, read the function instead of
 * the binding's value: the same value while the binding is constant, but
 * not once the enclosing function has assigned it (`f = g`). Such a
 * binding is not mirrored: it lives in the environment, where the maker
 * names it Pe<k>[i], which nothing shadows. */
static void self_refs_no_mirror(ri_ctx *c)
{
	uint32_t i, n = rw_scopes_nrefs(c->scopes);

	for (i = 0; i < n; i++) {
		rw_ref *r = rw_scopes_ref(c->scopes, i);
		rw_binding *b = rw_ref_binding(r);
		const rw_scope *fs, *a;

		if (!b || (r->flags & RW_RF_DECL) || b->kind != RW_BIND_FUNC ||
		    b->scope->kind == RW_SCOPE_PROGRAM || !rw_binding_func(b) ||
		    !(fs = rw_scope_of(rw_binding_func(b))))
			continue;
		for (a = rw_ref_scope(r); a && a != b->scope; a = a->parent)
			if (a == fs) {
				mark_binding(c, c->nomirror, b);
				break;
			}
	}
}

/* nearest scope enclosing s (s excluded) that has an environment */
static rw_scope *env_owner(const ri_ctx *c, const rw_scope *s)
{
	rw_scope *a;

	for (a = s->parent; a; a = a->parent)
		if (c->sc[a->id].has_env)
			return a;
	return NULL;
}

/* Environments that can stay inline (doc/design.md "Environments"): a
 * function F whose captured bindings are all constant after entry, with no
 * environment inside it (nothing would have F's as parent), whose closures
 * can all name those bindings where they are tagged (no shadowing in
 * between), and few: constants x sites <= RI_INLINE_COPIES. Such
 * an environment is immutable, so a copy per closure is as good as one
 * shared object: F allocates nothing per call, each closure's tag carries
 * the values, and a snapshot builds the object. */
static int decide_inline(ri_ctx *c)
{
	uint32_t i, n = c->nscopes;
	uint32_t *nsites = calloc(n ? n : 1, sizeof *nsites);
	uint32_t *nvals = calloc(n ? n : 1, sizeof *nvals);
	uint8_t *no = calloc(n ? n : 1, 1);
	rw_binding *b;

	if (!nsites || !nvals || !no) {
		free(nsites);
		free(nvals);
		free(no);
		return -1;
	}
	for (i = 0; i < n; i++) {
		rw_scope *s = rw_scopes_get(c->scopes, i);
		const ri_scope *r = &c->sc[i];
		uint32_t k = 0;
		if (!r->has_env || s->kind != RW_SCOPE_FUNCTION || r->dynamic) {
			no[i] = 1;
			continue;
		}
		for (b = s->bindings; b; b = b->next) {
			int rep = ri_repr(c, b);
			if (rep == RI_LOCAL)
				continue;
			if (rep != RI_CONST || k == RI_INLINE_COPIES ||
			    (b->len == 9 && memcmp(b->name, "arguments", 9) == 0))
				no[i] = 1;
			k++;
		}
		nvals[i] = k;
	}
	for (i = 0; i < n; i++) {
		rw_scope *s = rw_scopes_get(c->scopes, i), *f, *a;
		if (s->kind == RW_SCOPE_PROGRAM)
			continue;
		f = env_owner(c, s);
		if (!f || no[f->id])
			continue;
		if (c->sc[i].has_env) {
			no[f->id] = 1;      /* its environment would need F's as parent */
			continue;
		}
		if (s->kind != RW_SCOPE_FUNCTION)
			continue;
		if (++nsites[f->id] * nvals[f->id] > RI_INLINE_COPIES) {
			no[f->id] = 1;
			continue;
		}
		/* the tag of s stands in s->parent: F's names must reach F */
		for (a = s->parent; a && a != f && !no[f->id]; a = a->parent)
			for (b = f->bindings; b; b = b->next)
				if (ri_repr(c, b) == RI_CONST &&
				    rw_scope_lookup(c->scopes, a, b->name)) {
					no[f->id] = 1;
					break;
				}
	}
	for (i = 0; i < n; i++)
		c->sc[i].inline_env = !no[i];
	free(nsites);
	free(nvals);
	free(no);
	return 0;
}

/* one more use of enclosing level k's environment in the code of function f */
static int count_env_use(ri_ctx *c, rw_scope *f, uint32_t k)
{
	ri_scope *fr;

	if (!f || f->kind != RW_SCOPE_FUNCTION)
		return 0;
	fr = &c->sc[f->id];
	if (k < 1 || k > fr->outer)
		return 0;
	if (!fr->nrefs) {
		fr->nrefs = rw_ast_alloc(c->ast, (fr->outer + 1) * sizeof *fr->nrefs);
		if (!fr->nrefs)
			return -1;
		memset(fr->nrefs, 0, (fr->outer + 1) * sizeof *fr->nrefs);
	}
	fr->nrefs[k]++;
	return 0;
}

static int fast_tag(const ri_ctx *c, const rw_scope *f);
static const rw_scope *inline_owner(const ri_ctx *c, const rw_scope *s);

/* uses of enclosing environments per function and level: references to
 * environment-only bindings (what ident() rewrites to Pe<k>[i]), and in
 * functions that make closures also the env of each tag written in JS and
 * the parent of its own environment (the aliasing threshold is higher
 * there, see RI_ALIAS_MIN_CLOSURES) */
static int count_env_refs(ri_ctx *c)
{
	uint32_t i, n = rw_scopes_nrefs(c->scopes);

	for (i = 0; i < n; i++) {
		rw_ref *r = rw_scopes_ref(c->scopes, i);
		rw_scope *f;

		if (!rw_ref_binding(r) || (r->flags & RW_RF_DECL) || ri_repr(c, rw_ref_binding(r)) != RI_ENV)
			continue;
		f = rw_ref_scope(r) ? rw_ref_scope(r)->func : NULL;
		if (!f || f == rw_binding_function(rw_ref_binding(r)))
			continue;
		if (count_env_use(c, f, c->sc[rw_ref_binding(r)->scope->id].inner) < 0)
			return -1;
	}
	for (i = 1; i < c->nsites; i++) {
		rw_scope *s = c->site_scope[i], *f;
		const rw_scope *io;
		const ri_scope *r;

		if (!s || !s->parent)
			continue;
		r = &c->sc[s->id];
		f = s->parent->func;
		if (r->has_env && !r->inline_env && r->outer &&
		    count_env_use(c, s, r->outer) < 0)
			return -1;
		/* accessors and methods are tagged by a native call */
		if (r->prop || !f || !(f->flags & RW_SF_CLOSURES) || !fast_tag(c, f))
			continue;
		io = inline_owner(c, s);
		if (count_env_use(c, f, io ? c->sc[io->id].outer : r->outer) < 0)
			return -1;
	}
	return 0;
}

static int decide(ri_ctx *c)
{
	uint32_t i, n = c->nscopes, nrefs = rw_scopes_nrefs(c->scopes), site = 1;
	char *force = calloc(n ? n : 1, 1);

	if (!force)
		return -1;
	/* `for (var x = e in o)` with x captured: its write would go to the
	 * local; leave that function as written */
	for (i = 0; i < nrefs; i++) {
		rw_ref *r = rw_scopes_ref(c->scopes, i);
		if ((r->flags & RW_RF_FOR_IN) && (r->flags & RW_RF_INIT) && rw_ref_binding(r) &&
		    (rw_ref_binding(r)->flags & RW_BF_CAPTURED)) {
			rw_scope *f = rw_binding_function(rw_ref_binding(r));
			if (f)
				force[f->id] = 1;
		}
	}
	c->site_scope[0] = rw_scopes_get(c->scopes, 0);
	for (i = 0; i < n; i++) {
		rw_scope *s = rw_scopes_get(c->scopes, i);
		ri_scope *r = &c->sc[i];
		rw_binding *b;
		int dyn = 0;

		r->site = -1;
		if (s->kind == RW_SCOPE_PROGRAM) {
			r->site = 0;
			continue;
		}
		if (s->kind == RW_SCOPE_FUNCTION) {
			const ri_scope *pr = &c->sc[s->parent->id];
			dyn = force[i] || r->no_maker ||
			      (s->flags & (RW_SF_DYNAMIC | RW_SF_IN_DYNAMIC | RW_SF_IN_WITH)) ||
			      (s->parent->kind != RW_SCOPE_PROGRAM && pr->dynamic);
			/* arguments[i] aliasing: a captured parameter must stay a real
			 * variable (constant or mirrored), and arguments must not be
			 * able to write it; else leave the function as written */
			for (b = s->bindings; b && !dyn; b = b->next)
				if ((b->flags & RW_BF_ALIASED) &&
				    (b->flags & RW_BF_CAPTURED) &&
				    (c->args_unsafe[i] || ri_repr(c, b) == RI_ENV))
					dyn = 1;
			/* (a write to a captured function-expression name is
			 * rewritten by self_write(), so a maker's plain variable
			 * for the name is never written) */
			r->site = (int32_t)site;
			c->site_scope[site++] = s;
			rw_scope_node(s)->u.fn.site = r->site;
		} else {
			dyn = c->sc[s->func->id].dynamic ||
			      (s->flags & (RW_SF_DYNAMIC | RW_SF_IN_DYNAMIC | RW_SF_IN_WITH));
		}
		r->dynamic = dyn;
		if (s->kind == RW_SCOPE_FUNCTION) {
			/* its own eval/with/aliasing does not stop re-creating the
			 * function itself, only what it closes over does */
			rw_scope *a;
			r->site_dynamic = r->no_maker || (s->flags & RW_SF_IN_WITH);
			for (a = s->parent; a && a->kind != RW_SCOPE_PROGRAM && !r->site_dynamic; a = a->parent)
				if (c->sc[a->id].dynamic || (a->flags & RW_SF_IN_WITH))
					r->site_dynamic = 1;
		}
		r->outer = c->sc[s->parent->id].inner;
		r->has_env = 0;
		if (!dyn)
			for (b = s->bindings; b; b = b->next)
				if (ri_repr(c, b) != RI_LOCAL)
					r->has_env = 1;
		r->inner = r->outer + (r->has_env ? 1 : 0);
	}
	c->nsites = site;
	free(force);
	if (decide_inline(c) < 0)
		return -1;
	return count_env_refs(c);
}

/* -------------------------------------------------------- rewrite walk */

typedef struct ri_frame {
	ri_ctx  *c;
	rw_node *parent;
	int      depth;
} ri_frame;

static int visit(rw_node *n, void *ud);

static void walk_children(ri_ctx *c, rw_node *n, int depth)
{
	ri_frame f;
	f.c = c;
	f.parent = n;
	f.depth = depth + 1;
	rw_children(n, visit, &f);
}

static void walk_node(ri_ctx *c, rw_node *n, rw_node *parent, int depth)
{
	ri_frame f;
	f.c = c;
	f.parent = parent;
	f.depth = depth;
	visit(n, &f);
}

/* source text of a node */
static void put_src(const ri_ctx *c, rw_out *o, const rw_node *n)
{
	rw_out_put(o, c->ast->src + n->span.start, n->span.end - n->span.start);
}

/* the text of n without the parentheses written around it */
static void put_bare(const ri_ctx *c, rw_out *o, const rw_node *n)
{
	uint32_t a, b;

	rw_token_span(c->ast, n, &a, &b);
	rw_out_put(o, c->ast->src + a, b - a);
}

/* copies the line terminators of src[a, b) (kept where text is replaced,
 * so that line numbers stay those of the original): LF, CR, CRLF, U+2028
 * and U+2029 as written */
static void keep_lines(const ri_ctx *c, rw_out *o, uint32_t a, uint32_t b)
{
	const unsigned char *u = (const unsigned char *)c->ast->src;

	for (; a < b; a++) {
		if (u[a] == '\n' || u[a] == '\r')
			rw_out_put(o, (const char *)u + a, 1);
		else if (u[a] == 0xe2 && a + 2 < b && u[a + 1] == 0x80 && (u[a + 2] == 0xa8 || u[a + 2] == 0xa9))
			rw_out_put(o, (const char *)u + a, 3);
	}
}

/* ---------------------------------------- writes to a function's own name */

/* The binding a write target (an identifier) resolves to when it is a named
 * function expression's own name, else NULL. Also NULL when a direct eval or
 * a `with` may make the name mean something else (`with (o) n = e` writes
 * o.n when o has one, `eval("var n")` declares a variable): in a scope that
 * is dynamic or inside one the write stays as written (the function's own
 * maker is a named function expression too, and the sites inside it have
 * none). */
static const rw_binding *self_target(const rw_node *t)
{
	rw_ref *r = t && t->kind == RW_IDENT ? rw_ref_of((rw_node *)t) : NULL;
	const rw_scope *in = r ? rw_ref_scope(r) : NULL;
	const rw_binding *b = r ? rw_ref_binding(r) : NULL;

	if (!b || b->kind != RW_BIND_SELF || (r->flags & RW_RF_DYNAMIC) ||
	    (in && (in->flags & (RW_SF_DYNAMIC | RW_SF_IN_DYNAMIC))))
		return NULL;
	return b;
}

/* A named function expression's own name is an immutable binding: a write to
 * it is ignored in sloppy code and a TypeError ("not writable") in strict
 * code. After a restore, the makers of inner functions bind the name as an
 * ordinary variable, so every such write is rewritten into a write to the
 * read-only Function.prototype.<prefix>k that the tagger Pt inherits, which
 * fails in exactly the same way, with the same value and evaluation order:
 *   n = e -> Pt.Pk = e     n op= e -> Pt.Pk = n op (e)     for (n in o) -> for (Pt.Pk in o)
 *   n++ / n-- -> (Pt.Pk = +n)     ++n / --n -> (Pt.Pk = +n + 1) / (Pt.Pk = +n - 1)
 * Pt, not the function n itself: a program may give its function another
 * prototype (Object.setPrototypeOf(f, null)), and then n.Pk = e would make
 * an own property (tests/data/instrument/self_writes.js). */
static void self_base(ri_ctx *c, rw_node *target, int depth)
{
	uint32_t a, b;
	rw_out o;

	rw_token_span(c->ast, target, &a, &b);
	rw_out_init(&o);
	rw_out_printf(&o, "%st", c->prefix);
	add_text(c, a, b, 2, depth, &o);
}

static void self_write(ri_ctx *c, rw_node *n, rw_node *target, int depth)
{
	rw_out o;

	rw_out_init(&o);
	if (n->kind == RW_UPDATE) {
		uint32_t s, e;
		rw_token_span(c->ast, n, &s, &e);
		if (s == c->stmt_start)
			rw_out_puts(&o, ";");
		rw_out_printf(&o, "(%st.%sk = +", c->prefix, c->prefix);
		put_bare(c, &o, target);
		if (n->flags & RW_PREFIX)
			rw_out_puts(&o, n->op == RW_OP_INC ? " + 1" : " - 1");
		keep_lines(c, &o, s, e);   /* of (f \n)++: the target once */
		rw_out_puts(&o, ")");
		add_text(c, s, e, 2, depth, &o);
		return;
	}
	if (n->kind == RW_ASSIGN && n->op != RW_OP_ASSIGN) {
		rw_node *v = RW_N(n, assign.value);
		const char *op = rw_op_text((rw_op)n->op);

		self_base(c, target, depth);
		rw_out_printf(&o, ".%sk = ", c->prefix);
		put_bare(c, &o, target);   /* ((\n f)) += v: the target's breaks once */
		rw_out_printf(&o, " %.*s (", (int)strlen(op) - 1, op);
		keep_lines(c, &o, target->span.end, v->span.start);   /* of the replaced operator */
		add_text(c, target->span.end, v->span.start, 2, depth, &o);
		rw_out_init(&o);
		rw_out_puts(&o, ")");
		add_text(c, v->span.end, v->span.end, 0, depth, &o);
		walk_node(c, v, n, depth + 1);
		return;
	}
	self_base(c, target, depth);
	rw_out_printf(&o, ".%sk", c->prefix);     /* =, and the left of for-in */
	add_text(c, target->span.end, target->span.end, 1, depth, &o);
}

/* the env argument of a tag: ", Pe<k>" or "" */
static void tag_env(const ri_ctx *c, rw_out *o, uint32_t k, int need_placeholder)
{
	if (k) {
		rw_out_puts(o, ", ");
		env_name(o, c->prefix, k);
	} else if (need_placeholder) {
		rw_out_puts(o, ", void 0");
	}
}

/* the inline environment the closures of site scope s close over, or NULL */
static const rw_scope *inline_owner(const ri_ctx *c, const rw_scope *s)
{
	const rw_scope *f = env_owner(c, s);
	return f && c->sc[f->id].inline_env ? f : NULL;
}

/* the env argument of the tag of the site with scope s: its nearest
 * environment, or for an inline one the environment enclosing that */
static void tag_env_of(const ri_ctx *c, rw_out *o, const rw_scope *s, int need_placeholder)
{
	const rw_scope *f = inline_owner(c, s);

	if (f)
		tag_env(c, o, c->sc[f->id].outer, 1);
	else
		tag_env(c, o, c->sc[s->id].outer, need_placeholder);
}

/* under an inline environment: ", a, b" its values (the names of its
 * constants, which the tag's position reaches), in environment key order */
static void tag_vals(const ri_ctx *c, rw_out *o, const rw_scope *s)
{
	const rw_scope *f = inline_owner(c, s);
	const rw_binding *b;

	if (!f)
		return;
	for (b = f->bindings; b; b = b->next)
		if (ri_repr(c, b) == RI_CONST) {
			rw_out_puts(o, ", ");
			rw_out_name(o, b->name, b->len);
		}
}

/* Is a with object on the scope chain of the code that tags the function
 * of scope s (a function expression or accessor there, or a declaration,
 * tagged at the top of its enclosing function)? That code lies in a `with`
 * body or inside a function made in one. There every identifier is looked
 * up through the with object first: a Proxy's `has` trap would see the
 * tagger's name, and one that answers yes to every name (a sandbox idiom)
 * would hand back its own value for it. So the native tag there reaches the
 * tagger by a property of a literal instead, `0..Pt(...)`:
 * Number.prototype.Pt, the same native, installed by plain and instrumented
 * builds alike (runtime/snap_install.c). The scopes there are dynamic, so
 * no other name of the instrumentation occurs in such code: no Px or Pv,
 * no environment (and the sites have no maker: a snapshot refuses their
 * functions). */
static int in_with(const rw_scope *s)
{
	for (; s; s = s->parent)
		if (s->flags & RW_SF_IN_WITH)
			return 1;
	return 0;
}

/* Tags written in JS instead of the native call Pt: `(Px = function ...,
 * Px[Px.Pk[n]] = env, Px)`, no C call and no scope-chain lookup per closure
 * (Pk is a property of Function.prototype). Only inside a function that is
 * neither the program (a `var Px` there would be a global) nor dynamic
 * (eval could see the register, `with` could capture it). */
static int fast_tag(const ri_ctx *c, const rw_scope *f)
{
	return f && c->sc[f->id].site > 0 && !c->sc[f->id].dynamic;
}

/* `T[Pk[n]] = env` and `, T[Pk[j]] = v` per inline value: the stores the
 * native tagger makes, in the same order */
static void tag_stores(const ri_ctx *c, rw_out *o, const char *t, const rw_scope *s,
                       const rw_scope *in)
{
	const rw_scope *f = inline_owner(c, s);
	uint32_t k = f ? c->sc[f->id].outer : c->sc[s->id].outer, j = 0;
	const rw_binding *b;

	rw_out_printf(o, "%s[%s.%sk[%u]] = ", t, t, c->prefix,
	              (unsigned)(RI_KEYS_SITE0 + c->sc[s->id].site));
	if (k)
		env_name_in(c, o, in, k);
	else
		rw_out_puts(o, "void 0");
	if (!f)
		return;
	for (b = f->bindings; b && j < RI_KEYS_INLINE_MAX; b = b->next)
		if (ri_repr(c, b) == RI_CONST) {
			rw_out_printf(o, ", %s[%s.%sk[%u]] = ", t, t, c->prefix, (unsigned)j++);
			rw_out_name(o, b->name, b->len);
		}
}

/* a line terminator in src[from, to) */
static int crosses_line(const char *src, uint32_t from, uint32_t to)
{
	const unsigned char *p = (const unsigned char *)src;
	uint32_t i;

	for (i = from; i < to; i++)
		if (p[i] == '\n' || p[i] == '\r' ||
		    (p[i] == 0xe2 && i + 2 < to && p[i + 1] == 0x80 && (p[i + 2] == 0xa8 || p[i + 2] == 0xa9)))
			return 1;
	return 0;
}

/* the prologue of a function body or the program: environment creation,
 * then the tags of the function declarations (hoisted: they exist here) */
static uint32_t prologue(ri_ctx *c, rw_scope *s, const rw_list *body, uint32_t brace, int depth)
{
	const ri_scope *r = &c->sc[s->id];
	rw_binding *b;
	rw_out o;
	uint32_t pos = brace, i;
	int any = 0, need_semi = 0;

	rw_out_init(&o);
	/* after the directive prologue, which must stay first */
	for (i = 0; i < body->n; i++) {
		rw_node *st = rw_item(body, i);
		if (!st || st->kind != RW_EXPR_STMT || !(st->flags & RW_DIRECTIVE))
			break;
		pos = st->span.end;
		need_semi = c->ast->src[st->span.end - 1] != ';';
	}
	/* on the line of the body's first instruction: Duktape reports that
	 * line for an error thrown before anything synced the pc (a method
	 * that is not callable, called first), so the prologue goes where the
	 * first statement that compiles to code starts; `var x;` and `;`
	 * compile to none (function declarations do: a closure) */
	for (; i < body->n; i++) {
		rw_node *st = rw_item(body, i);
		uint32_t k;
		int code = !st || st->kind != RW_EMPTY;
		if (st && st->kind == RW_VAR) {
			code = 0;
			for (k = 0; k < st->u.var.decls.n; k++) {
				rw_node *d = RW_ITEM(st, var.decls, k);
				if (d && RW_N(d, decl.init))
					code = 1;
			}
		}
		if (code) {
			if (st && crosses_line(c->ast->src, pos, st->span.start))
				pos = st->span.start;
			break;
		}
	}
	if (need_semi)
		rw_out_puts(&o, ";");
	if (r->nrefs) {
		uint32_t k, first = 1;
		for (k = 1; k <= r->outer; k++) {
			if (!aliased(c, s, k))
				continue;
			rw_out_printf(&o, "%s%sl%u = ", first ? "var " : ", ", c->prefix, (unsigned)k);
			env_name(&o, c->prefix, k);
			first = 0;
		}
		if (!first) {
			rw_out_puts(&o, ";");
			any = 1;
		}
	}
	if (r->has_env && !r->inline_env) {
		rw_out_puts(&o, "var ");
		env_name(&o, c->prefix, r->inner);
		rw_out_puts(&o, " = [");
		if (r->outer)
			env_name_in(c, &o, s, r->outer);
		else
			rw_out_puts(&o, "void 0");
		for (b = s->bindings; b; b = b->next) {
			if (ri_repr(c, b) == RI_LOCAL)
				continue;
			rw_out_puts(&o, ", ");
			if (b->kind == RW_BIND_VAR &&
			    !(b->len == 9 && memcmp(b->name, "arguments", 9) == 0))
				rw_out_puts(&o, "void 0");
			else
				rw_out_name(&o, b->name, b->len);
		}
		rw_out_puts(&o, "];");
		any = 1;
	}
	for (b = s->bindings; b; b = b->next) {
		rw_scope *fs;
		if (b->kind != RW_BIND_FUNC || !rw_binding_func(b) || !RW_N(rw_binding_func(b), fn.name))
			continue;
		fs = rw_scope_of(rw_binding_func(b));
		if (!fs)
			continue;
		if (fast_tag(c, s)) {
			char nm[256];
			rw_out t;
			rw_out_init(&t);
			rw_out_name(&t, b->name, b->len);
			if (!t.oom && t.len < sizeof nm) {
				memcpy(nm, t.p, t.len);
				nm[t.len] = 0;
				rw_out_free(&t);
				tag_stores(c, &o, nm, fs, s);
				rw_out_puts(&o, ";");
				any = 1;
				continue;
			}
			rw_out_free(&t);
		}
		rw_out_printf(&o, "%s%st(", in_with(s) ? "0.." : "", c->prefix);
		rw_out_name(&o, b->name, b->len);
		rw_out_printf(&o, ", %d", (int)c->sc[fs->id].site);
		tag_env_of(c, &o, fs, 0);
		tag_vals(c, &o, fs);
		rw_out_puts(&o, ");");
		any = 1;
	}
	/* an environment-only parameter or function declaration: from here on
	 * nobody reads the real binding, which must not keep its value alive
	 * (a finalizer would run late) once the environment's slot changes */
	if (r->has_env && !r->inline_env) {
		for (b = s->bindings; b; b = b->next) {
			if (ri_repr(c, b) != RI_ENV ||
			    !((b->flags & RW_BF_PARAM) || b->kind == RW_BIND_PARAM || b->kind == RW_BIND_FUNC))
				continue;
			rw_out_name(&o, b->name, b->len);
			rw_out_puts(&o, " = void 0;");
			any = 1;
		}
	}
	if (any)
		add_text(c, pos, pos, 1, depth, &o);
	else
		rw_out_free(&o);
	return pos;
}

static void func_body(ri_ctx *c, rw_node *fn, int depth)
{
	rw_scope *s = rw_scope_of(fn), *up = c->cur_func;
	uint32_t pos = 0;
	int up_tmp = c->cur_tmp, up_late = c->cur_late;

	if (s)
		pos = prologue(c, s, &fn->u.fn.body, fn->u.fn.body_start + 1, depth);
	c->cur_func = s;
	c->cur_tmp = 0;
	c->cur_late = 0;
	walk_children(c, fn, depth);
	if (s && (c->cur_tmp || c->cur_late)) {
		/* after the prologue's text (same place, added later), before
		 * the body's own edits (deeper) */
		rw_out o;
		rw_out_init(&o);
		if (c->cur_tmp)
			rw_out_printf(&o, "var %sx;", c->prefix);
		if (c->cur_late)
			rw_out_printf(&o, "var %sv;", c->prefix);
		add_text(c, pos, pos, 1, depth, &o);
	}
	c->cur_func = up;
	c->cur_tmp = up_tmp;
	c->cur_late = up_late;
}

static void func_expr(ri_ctx *c, rw_node *n, rw_node *parent, int depth)
{
	rw_scope *s = rw_scope_of(n);
	rw_out o;
	int paren = parent && parent->kind == RW_NEW && RW_N(parent, call.callee) == n;

	if (s && fast_tag(c, c->cur_func)) {
		char t[64];
		snprintf(t, sizeof t, "%sx", c->prefix);
		rw_out_init(&o);
		rw_out_printf(&o, "(%s = ", t);
		add_text(c, n->span.start, n->span.start, 1, depth, &o);
		rw_out_init(&o);
		rw_out_puts(&o, ", ");
		tag_stores(c, &o, t, s, c->cur_func);
		rw_out_printf(&o, ", %s)", t);
		add_text(c, n->span.end, n->span.end, 0, depth, &o);
		c->cur_tmp = 1;
	} else if (s) {
		rw_out_init(&o);
		rw_out_printf(&o, "%s%s%st(", paren ? "(" : "", in_with(s) ? "0.." : "", c->prefix);
		add_text(c, n->span.start, n->span.start, 1, depth, &o);
		rw_out_init(&o);
		rw_out_printf(&o, ", %d", (int)c->sc[s->id].site);
		tag_env_of(c, &o, s, 0);
		tag_vals(c, &o, s);
		rw_out_puts(&o, paren ? "))" : ")");
		add_text(c, n->span.end, n->span.end, 0, depth, &o);
	}
	func_body(c, n, depth);
}

/* ES5.1 9.8.1 ToString of a numeric literal key (non-negative, finite)
 * into buf (at least 32 bytes); returns its length */
static size_t number_name(double d, char *buf)
{
	char e[40], dig[20];
	int p, k = 0, n, i;
	size_t o = 0;
	const char *x;

	if (d < 1e21 && (d >= 9007199254740992.0 || d == (double)(long long)d))
		return (size_t)snprintf(buf, 32, "%.0f", d);
	for (p = 1; p <= 17; p++) {   /* the shortest digits that give d back */
		snprintf(e, sizeof e, "%.*e", p - 1, d);
		if (strtod(e, NULL) == d)
			break;
	}
	for (x = e; *x && *x != 'e'; x++)
		if (*x >= '0' && *x <= '9')
			dig[k++] = *x;
	n = atoi(x + 1) + 1;          /* d = 0.dig x 10^n */
	if (k <= n && n <= 21) {
		memcpy(buf, dig, (size_t)k);
		o = (size_t)k;
		for (i = k; i < n; i++)
			buf[o++] = '0';
	} else if (n > 0 && n <= 21) {
		memcpy(buf, dig, (size_t)n);
		buf[n] = '.';
		memcpy(buf + n + 1, dig + n, (size_t)(k - n));
		o = (size_t)k + 1;
	} else if (n > -6 && n <= 0) {
		buf[o++] = '0';
		buf[o++] = '.';
		for (i = 0; i < -n; i++)
			buf[o++] = '0';
		memcpy(buf + o, dig, (size_t)k);
		o += (size_t)k;
	} else {
		buf[o++] = dig[0];
		if (k > 1) {
			buf[o++] = '.';
			memcpy(buf + o, dig + 1, (size_t)(k - 1));
			o += (size_t)(k - 1);
		}
		o += (size_t)snprintf(buf + o, 12, "e%c%d", n - 1 >= 0 ? '+' : '-', n - 1 >= 0 ? n - 1 : 1 - n);
	}
	buf[o] = 0;
	return o;
}

/* the property name a literal key makes: its bytes in *p, length returned
 * (buf: room for a number's name) */
static size_t key_name(const rw_node *key, char *buf, const char **p)
{
	if (key->kind == RW_NAME) {
		*p = RW_S(key, ident.name);
		return rw_name_len(*p);
	}
	if (key->kind == RW_STRING) {
		*p = RW_S(key, string.value);
		return key->u.string.len;
	}
	*p = buf;
	return number_name(rw_number(key), buf);
}

/* name[0, n) (cooked: UTF-8 / CESU-8) as a JS string literal of plain
 * ASCII: anything else as \uXXXX escapes */
static void put_js_string(rw_out *o, const char *name, size_t n)
{
	const unsigned char *u = (const unsigned char *)name;
	size_t i = 0;

	rw_out_puts(o, "\"");
	while (i < n) {
		uint32_t cp = u[i];
		size_t len = 1, k;

		if (cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\') {
			rw_out_put(o, name + i, 1);
			i++;
			continue;
		}
		if (cp >= 0xf0 && i + 4 <= n)
			len = 4, cp &= 0x07;
		else if (cp >= 0xe0 && i + 3 <= n)
			len = 3, cp &= 0x0f;
		else if (cp >= 0xc0 && i + 2 <= n)
			len = 2, cp &= 0x1f;
		for (k = 1; k < len; k++)
			cp = (cp << 6) | (u[i + k] & 0x3fu);
		if (cp > 0xffff)
			rw_out_printf(o, "\\u%04x\\u%04x", (unsigned)(0xd800 + ((cp - 0x10000) >> 10)),
			              (unsigned)(0xdc00 + ((cp - 0x10000) & 0x3ff)));
		else
			rw_out_printf(o, "\\u%04x", (unsigned)cp);
		i += len;
	}
	rw_out_puts(o, "\"");
}

/* A string or number key as a literal for code the instrumentation writes:
 * as written, unless it is not valid in strict code or spans lines (a maker
 * unit may be strict where the literal was not; line continuations would
 * add lines): escapes in a string, a legacy octal or leading-zero number.
 * Those are written as the property name they make (key_name()). */
void ri_key_literal(const ri_ctx *c, rw_out *o, const rw_node *key)
{
	const char *raw = c->ast->src + key->span.start;
	size_t n = key->span.end - key->span.start;
	char buf[32];
	const char *p;
	size_t len;

	if ((key->kind == RW_STRING && memchr(raw, '\\', n)) ||
	    (key->kind == RW_NUMBER && n > 1 && raw[0] == '0' && raw[1] >= '0' && raw[1] <= '9')) {
		len = key_name(key, buf, &p);
		if (key->kind == RW_NUMBER)
			rw_out_put(o, p, len);
		else
			put_js_string(o, p, len);
		return;
	}
	put_src(c, o, key);
}

/* a property key as an expression giving the property name */
void ri_key_expr(const ri_ctx *c, rw_out *o, const rw_node *key)
{
	if (key->kind == RW_NAME) {
		/* an IdentifierName: no quote, backslash or line terminator in it,
		 * so it is a JS string body as is (UTF-8; no C escapes here) */
		rw_out_puts(o, "\"");
		rw_out_name(o, RW_S(key, ident.name), rw_name_len(RW_S(key, ident.name)));
		rw_out_puts(o, "\"");
	} else {
		ri_key_literal(c, o, key);
	}
}

/* Is the function of property i of object literal n (a getter, setter or
 * method) replaced by a later property of the same name (Duktape, as
 * ES2015, allows duplicates): a data property or method, or an accessor of
 * the same kind? Its function is then never reachable, and tagging "the
 * getter of key" for it would tag the later one a second time. */
static int prop_replaced(const rw_node *n, uint32_t i)
{
	const rw_node *p = RW_ITEM(n, object.props, i);
	char b1[32], b2[32];
	const char *k1, *k2;
	size_t l1, l2;
	uint32_t j;

	l1 = key_name(RW_N(p, prop.key), b1, &k1);
	for (j = i + 1; j < n->u.object.props.n; j++) {
		const rw_node *q = RW_ITEM(n, object.props, j);
		if (!q || (q->u.prop.flags & RW_PROP_COMPUTED) || !RW_N(q, prop.key))
			continue;
		if (p->u.prop.kind != RW_PROP_METHOD && q->u.prop.kind != RW_PROP_INIT &&
		    q->u.prop.kind != RW_PROP_METHOD && q->u.prop.kind != p->u.prop.kind)
			continue;   /* a getter and a setter make one accessor */
		l2 = key_name(RW_N(q, prop.key), b2, &k2);
		if (l1 == l2 && memcmp(k1, k2, l1) == 0)
			return 1;
	}
	return 0;
}

/* object literals with accessors / methods: Pt(Pt({...}, s1, e, "k", 1), s2, e, "k", 2) */
static void object_lit(ri_ctx *c, rw_node *n, int depth)
{
	uint32_t i, cnt = 0;
	rw_out open, close;

	rw_out_init(&open);
	rw_out_init(&close);
	for (i = 0; i < n->u.object.props.n; i++) {
		rw_node *p = RW_ITEM(n, object.props, i);
		rw_scope *s;
		int kind;

		if (!p || p->u.prop.kind == RW_PROP_INIT || (p->u.prop.flags & RW_PROP_COMPUTED) ||
		    !RW_N(p, prop.value) || RW_N(p, prop.value)->kind != RW_FUNC_EXPR ||
		    prop_replaced(n, i))
			continue;
		s = rw_scope_of(RW_N(p, prop.value));
		if (!s)
			continue;
		kind = p->u.prop.kind == RW_PROP_GET ? 1 : p->u.prop.kind == RW_PROP_SET ? 2 : 3;
		rw_out_printf(&open, "%s%st(", in_with(s) ? "0.." : "", c->prefix);
		rw_out_printf(&close, ", %d", (int)c->sc[s->id].site);
		tag_env_of(c, &close, s, 1);
		rw_out_puts(&close, ", ");
		ri_key_expr(c, &close, RW_N(p, prop.key));
		rw_out_printf(&close, ", %d", kind);
		tag_vals(c, &close, s);
		rw_out_puts(&close, ")");
		cnt++;
	}
	if (cnt) {
		add_text(c, n->span.start, n->span.start, 1, depth, &open);
		add_text(c, n->span.end, n->span.end, 0, depth, &close);
	} else {
		rw_out_free(&open);
		rw_out_free(&close);
	}
	walk_children(c, n, depth);
}

static int is_list_parent(const rw_node *p)
{
	return p && (p->kind == RW_PROGRAM || p->kind == RW_BLOCK || p->kind == RW_CASE ||
	             p->kind == RW_FUNC_DECL || p->kind == RW_FUNC_EXPR);
}

static void ident(ri_ctx *c, rw_node *n, rw_node *parent, int depth)
{
	rw_ref *r = rw_ref_of(n);
	rw_out o;
	int call;

	if (!r || !rw_ref_binding(r) || (r->flags & RW_RF_DECL) || ri_repr(c, rw_ref_binding(r)) != RI_ENV)
		return;
	rw_out_init(&o);
	call = parent && parent->kind == RW_CALL && RW_N(parent, call.callee) == n;
	if (r->flags & RW_RF_SHORTHAND) {
		rw_out_name(&o, rw_ref_binding(r)->name, rw_ref_binding(r)->len);
		rw_out_puts(&o, ": ");
	}
	if (call) {
		/* keep `this` undefined; a leading `(` must not continue the previous line */
		if (n->span.start == c->stmt_start)
			rw_out_puts(&o, ";");
		rw_out_puts(&o, "(0, ");
	}
	env_ref(c, &o, rw_ref_binding(r));
	if (call)
		rw_out_puts(&o, ")");
	add_text(c, n->span.start, n->span.end, 2, depth, &o);
}

/* ------------------------------------------- late reads of a left operand */

/* Duktape compiles a binary operator whose left operand is one of the
 * function's own register-bound variables (a var, parameter or function
 * declaration; not a catch parameter, not inside `with`) without copying
 * the variable: the operator reads it after the right operand has run. So
 * `x + f()` where f changes x adds x's new value, and `x - (x = 3)` is 0.
 * A variable moved to an environment is a property read made in order; to
 * print what the original prints, the read is moved after the right
 * operand: `x OP r` -> `(Pv = r, Pv = Pe<d>[i] OP Pv)`. The left operand may be
 * parenthesized, or the last item of a comma expression, as in Duktape
 * (the comma passes the variable through). */

/* the variable a left operand reads late, or NULL */
static const rw_binding *late_left(const ri_ctx *c, const rw_node *l)
{
	const rw_ref *r;
	const rw_binding *b;

	while (l && l->kind == RW_SEQ && l->u.seq.items.n)
		l = RW_ITEM(l, seq.items, l->u.seq.items.n - 1);
	if (!l || l->kind != RW_IDENT || !(r = rw_ref_of((rw_node *)l)) || !(b = rw_ref_binding(r)))
		return NULL;
	if (b->kind == RW_BIND_CATCH || b->kind == RW_BIND_SELF || ri_repr(c, b) != RI_ENV ||
	    !c->cur_func || rw_binding_function(b) != c->cur_func)
		return NULL;
	return b;
}

/* a right operand whose evaluation runs no code that could write a
 * variable: a literal, `this`, `new.target`, a declared variable (a declared global is a
 * non-configurable data property: no getter), a function expression, or
 * - + ! ~ void of a literal */
static int pure_operand(const rw_node *n)
{
	const rw_ref *r;

	switch (n->kind) {
	case RW_NULL: case RW_BOOL: case RW_NUMBER: case RW_STRING: case RW_REGEX:
	case RW_THIS: case RW_NEW_TARGET: case RW_FUNC_EXPR:
		return 1;
	case RW_IDENT:
		r = rw_ref_of((rw_node *)n);
		return r && rw_ref_binding(r);
	case RW_UNARY:
		return n->op != RW_OP_DELETE && n->op != RW_OP_TYPEOF && RW_N(n, unary.arg) &&
		       RW_N(n, unary.arg)->kind != RW_IDENT && RW_N(n, unary.arg)->kind != RW_THIS &&
		       RW_N(n, unary.arg)->kind != RW_FUNC_EXPR && pure_operand(RW_N(n, unary.arg));
	default:
		return 0;
	}
}

/* rewrites `l OP r` when l is read late (returns 1), else returns 0 */
static int late_binary(ri_ctx *c, rw_node *n, int depth)
{
	rw_node *l = RW_N(n, binary.left), *r = RW_N(n, binary.right);
	const rw_binding *b;
	uint32_t s, e;
	rw_out o;

	if (n->op == RW_OP_AND || n->op == RW_OP_OR || !l || !r || !(b = late_left(c, l)) ||
	    pure_operand(r))
		return 0;
	rw_token_span(c->ast, n, &s, &e);
	rw_out_init(&o);
	if (s == c->stmt_start)
		rw_out_puts(&o, ";");
	rw_out_puts(&o, "(");
	if (l->kind == RW_IDENT) {
		/* `x OP r` -> `(Pv = r, Pv = Pe[i] OP Pv)` (the parentheses of `(x)` go) */
		rw_out_printf(&o, "%sv = ", c->prefix);
		keep_lines(c, &o, s, r->span.start);
		add_text(c, s, r->span.start, 2, depth, &o);
	} else {
		/* `(a, x) OP r` -> `((a, x), Pv = r, Pv = Pe[i] OP Pv)` */
		add_text(c, s, s, 1, depth, &o);
		walk_node(c, l, n, depth + 1);
		rw_out_init(&o);
		rw_out_printf(&o, ", %sv = ", c->prefix);
		keep_lines(c, &o, l->span.end, r->span.start);
		add_text(c, l->span.end, r->span.start, 2, depth, &o);
	}
	walk_node(c, r, n, depth + 1);
	rw_out_init(&o);
	/* the result goes to Pv too (a primitive): Pv is a variable, which
	 * the function's environment record keeps while its closures live,
	 * and r's value there (an object with a finalizer) would outlive its
	 * uses, where Duktape's temporary does not */
	rw_out_printf(&o, ", %sv = ", c->prefix);
	env_ref(c, &o, b);
	rw_out_printf(&o, " %s %sv)", rw_op_text((rw_op)n->op), c->prefix);
	add_text(c, r->span.end, r->span.end, 0, depth, &o);
	c->cur_late = 1;
	return 1;
}

/* `switch (x)` compares the case values with the register x as it is when
 * each comparison runs, in the same way: when a case value may run code,
 * `switch (x) { case v: ...` -> `switch (true) { case (Pv = v, Pv = Pv ===
 * Pe<d>[i]): ...` (a comma discriminant keeps its first items: `((a, x),
 * true)`), else returns 0 */
static int late_switch(ri_ctx *c, rw_node *n, int depth)
{
	rw_node *d = RW_N(n, switch_.disc);
	const rw_binding *b;
	uint32_t i;
	rw_out o;
	int impure = 0;

	if (!d || !(b = late_left(c, d)))
		return 0;
	for (i = 0; i < n->u.switch_.cases.n; i++) {
		rw_node *k = RW_ITEM(n, switch_.cases, i);
		if (k && RW_N(k, case_.test) && !pure_operand(RW_N(k, case_.test)))
			impure = 1;
	}
	if (!impure)
		return 0;
	rw_out_init(&o);
	if (d->kind == RW_IDENT) {
		rw_out_puts(&o, "true");
		add_text(c, d->span.start, d->span.end, 2, depth, &o);
	} else {
		rw_out_puts(&o, "(");
		add_text(c, d->span.start, d->span.start, 1, depth, &o);
		walk_node(c, d, n, depth + 1);
		rw_out_init(&o);
		rw_out_puts(&o, ", true)");
		add_text(c, d->span.end, d->span.end, 0, depth, &o);
	}
	for (i = 0; i < n->u.switch_.cases.n; i++) {
		rw_node *k = RW_ITEM(n, switch_.cases, i), *t;
		uint32_t j;

		if (!k)
			continue;
		if ((t = RW_N(k, case_.test)) != NULL) {
			rw_out_init(&o);
			rw_out_printf(&o, "(%sv = ", c->prefix);
			add_text(c, t->span.start, t->span.start, 1, depth + 1, &o);
			walk_node(c, t, k, depth + 2);
			rw_out_init(&o);
			rw_out_printf(&o, ", %sv = %sv === ", c->prefix, c->prefix);
			env_ref(c, &o, b);
			rw_out_puts(&o, ")");
			add_text(c, t->span.end, t->span.end, 0, depth + 1, &o);
		}
		for (j = 0; j < k->u.case_.body.n; j++)
			if (RW_ITEM(k, case_.body, j))
				walk_node(c, RW_ITEM(k, case_.body, j), k, depth + 2);
	}
	c->cur_late = 1;
	return 1;
}

static void declarator(ri_ctx *c, rw_node *n, int depth)
{
	rw_node *id = RW_N(n, decl.id), *init = RW_N(n, decl.init);
	rw_ref *r = id ? rw_ref_of(id) : NULL;
	rw_out o;

	if (init && r && rw_ref_binding(r) &&
	    (ri_repr(c, rw_ref_binding(r)) == RI_ENV || ri_repr(c, rw_ref_binding(r)) == RI_MIRROR)) {
		rw_out_init(&o);
		if (rw_ref_binding(r)->kind == RW_BIND_CATCH) {
			/* `var e = v` inside catch (e) writes the catch parameter only */
			rw_out_puts(&o, "(");
			env_ref(c, &o, rw_ref_binding(r));
			rw_out_puts(&o, " = ");
			add_text(c, init->span.start, init->span.start, 1, depth, &o);
			rw_out_init(&o);
			rw_out_puts(&o, ", ");
			rw_out_name(&o, RW_S(id, ident.name), rw_name_len(RW_S(id, ident.name)));
			rw_out_puts(&o, ")");
			add_text(c, init->span.end, init->span.end, 0, depth, &o);
		} else if (ri_repr(c, rw_ref_binding(r)) == RI_ENV) {
			/* `var x = void (Pe.x = v)`: the variable, which nothing
			 * reads, must not keep v alive (a finalizer would run late)
			 * after the environment's x has changed */
			rw_out_puts(&o, " = void (");
			env_ref(c, &o, rw_ref_binding(r));
			add_text(c, id->span.end, id->span.end, 1, depth, &o);
			walk_node(c, init, n, depth + 1);
			rw_out_init(&o);
			rw_out_puts(&o, ")");
			add_text(c, init->span.end, init->span.end, 0, depth, &o);
			return;
		} else {
			rw_out_puts(&o, " = ");
			env_ref(c, &o, rw_ref_binding(r));
			add_text(c, id->span.end, id->span.end, 1, depth, &o);
		}
	}
	if (init)
		walk_node(c, init, n, depth + 1);
}

static void for_in(ri_ctx *c, rw_node *n, int depth)
{
	rw_node *left = RW_N(n, for_in.left);

	if (self_target(left))
		self_write(c, n, left, depth);

	if (left && left->kind == RW_VAR && left->u.var.decls.n == 1) {
		rw_node *d = RW_ITEM(left, var.decls, 0);
		rw_ref *r = d && RW_N(d, decl.id) ? rw_ref_of(RW_N(d, decl.id)) : NULL;
		if (r && rw_ref_binding(r) && ri_repr(c, rw_ref_binding(r)) == RI_ENV && !RW_N(d, decl.init)) {
			rw_out o;
			rw_out_init(&o);
			env_ref(c, &o, rw_ref_binding(r));
			add_text(c, left->span.start, left->span.end, 2, depth, &o);
			walk_node(c, RW_N(n, for_in.right), n, depth + 1);
			walk_node(c, RW_N(n, for_in.body), n, depth + 1);
			return;
		}
	}
	walk_children(c, n, depth);
}

static void catch_clause(ri_ctx *c, rw_node *n, int depth)
{
	rw_scope *s = rw_scope_of(n);
	const ri_scope *r = s ? &c->sc[s->id] : NULL;
	rw_node *param = RW_N(n, catch_.param), *body = RW_N(n, catch_.body);

	if (r && r->has_env && param && body) {
		rw_out o;

		/* the parameter is the catch scope's only binding: index 1 */
		rw_out_init(&o);
		env_name(&o, c->prefix, r->inner);
		add_text(c, param->span.start, param->span.end, 2, depth, &o);
		rw_out_init(&o);
		env_name(&o, c->prefix, r->inner);
		rw_out_puts(&o, " = [");
		if (r->outer)
			env_name(&o, c->prefix, r->outer);
		else
			rw_out_puts(&o, "void 0");
		rw_out_puts(&o, ", ");
		env_name(&o, c->prefix, r->inner);
		rw_out_puts(&o, "];");
		add_text(c, body->span.start + 1, body->span.start + 1, 1, depth, &o);
		walk_node(c, body, n, depth + 1);
		return;
	}
	walk_children(c, n, depth);
}

/* after arguments[k] = v / op= / ++ (value unused): ", Pe.x = x" for the
 * mirrored parameter x it may have written (the variable: when fewer than
 * k+1 arguments were passed, the write did not alias) */
static void args_sync(ri_ctx *c, rw_node *n, rw_node *target, int depth)
{
	rw_ref *r;
	rw_binding *b;
	rw_out o;
	long k;

	if (!target || target->kind != RW_INDEX || !RW_N(target, member.object) ||
	    RW_N(target, member.object)->kind != RW_IDENT)
		return;
	r = rw_ref_of(RW_N(target, member.object));
	if (!r || !rw_ref_binding(r) || rw_ref_binding(r)->kind != RW_BIND_ARGUMENTS)
		return;
	k = args_const_index(target);
	b = k >= 0 ? aliased_param(rw_ref_binding(r)->scope, k) : NULL;
	if (!b || ri_repr(c, b) != RI_MIRROR)
		return;
	rw_out_init(&o);
	rw_out_puts(&o, ", ");
	env_ref(c, &o, b);
	rw_out_puts(&o, " = ");
	rw_out_name(&o, b->name, b->len);
	add_text(c, n->span.end, n->span.end, 0, depth, &o);
}

static int visit(rw_node *n, void *ud)
{
	ri_frame *f = ud;
	ri_ctx *c = f->c;

	if (c->oom)
		return 1;
	switch (n->kind) {
	case RW_PROGRAM:
		if (n->u.program.strict == 2) {
			/* ferryc --strict: the program runs as strict code, as its
			 * makers do, so it starts with the directive (line 1) */
			rw_out o;
			rw_out_init(&o);
			rw_out_puts(&o, "\"use strict\";");
			add_text(c, 0, 0, 1, f->depth, &o);
		}
		prologue(c, rw_scope_of(n), &n->u.program.body, 0, f->depth);
		walk_children(c, n, f->depth);
		break;
	case RW_FUNC_DECL:
		func_body(c, n, f->depth);
		break;
	case RW_FUNC_EXPR:
		if (f->parent && f->parent->kind == RW_PROP && f->parent->u.prop.kind != RW_PROP_INIT)
			func_body(c, n, f->depth);   /* tagged by its object literal */
		else
			func_expr(c, n, f->parent, f->depth);
		break;
	case RW_OBJECT:
		object_lit(c, n, f->depth);
		break;
	case RW_IDENT:
		ident(c, n, f->parent, f->depth);
		break;
	case RW_DECLARATOR:
		declarator(c, n, f->depth);
		break;
	case RW_FOR_IN:
		for_in(c, n, f->depth);
		break;
	case RW_CATCH:
		catch_clause(c, n, f->depth);
		break;
	case RW_UNARY:
		if (n->op == RW_OP_DELETE && RW_N(n, unary.arg) &&
		    RW_N(n, unary.arg)->kind == RW_IDENT) {
			rw_ref *r = rw_ref_of(RW_N(n, unary.arg));
			if (r && rw_ref_binding(r) && ri_repr(c, rw_ref_binding(r)) == RI_ENV) {
				/* deleting a declared binding: false, no effect */
				rw_out o;
				rw_out_init(&o);
				rw_out_puts(&o, "false");
				add_text(c, n->span.start, n->span.end, 2, f->depth, &o);
				break;
			}
		}
		walk_children(c, n, f->depth);
		break;
	case RW_ASSIGN:
		if (self_target(RW_N(n, assign.target))) {
			self_write(c, n, RW_N(n, assign.target), f->depth);
			if (n->op == RW_OP_ASSIGN)
				walk_children(c, n, f->depth);
			break;
		}
		if (RW_N(n, assign.target) && RW_N(n, assign.target)->kind == RW_IDENT) {
			rw_ref *r = rw_ref_of(RW_N(n, assign.target));
			if (r && rw_ref_binding(r) && ri_repr(c, rw_ref_binding(r)) == RI_MIRROR) {
				/* x = v  ->  Pe.x = x = v : the environment follows the variable;
				 * inside the parentheses of `a || (x = v)` */
				rw_out o;
				uint32_t in_start, in_end;
				rw_token_span(c->ast, n, &in_start, &in_end);
				rw_out_init(&o);
				env_ref(c, &o, rw_ref_binding(r));
				rw_out_puts(&o, " = ");
				add_text(c, in_start, in_start, 1, f->depth, &o);
			}
		}
		args_sync(c, n, RW_N(n, assign.target), f->depth);
		walk_children(c, n, f->depth);
		break;
	case RW_UPDATE:
		if (self_target(RW_N(n, update.arg))) {
			self_write(c, n, RW_N(n, update.arg), f->depth);
			break;
		}
		if (RW_N(n, update.arg) && RW_N(n, update.arg)->kind == RW_IDENT) {
			rw_ref *r = rw_ref_of(RW_N(n, update.arg));
			if (r && rw_ref_binding(r) && ri_repr(c, rw_ref_binding(r)) == RI_MIRROR) {
				/* ++x / x++ (value unused)  ->  (Pe.x = ++x) */
				rw_out o;
				rw_out_init(&o);
				if (n->span.start == c->stmt_start)
					rw_out_puts(&o, ";");
				rw_out_puts(&o, "(");
				env_ref(c, &o, rw_ref_binding(r));
				rw_out_puts(&o, n->op == RW_OP_INC ? " = ++" : " = --");
				put_bare(c, &o, RW_N(n, update.arg));
				keep_lines(c, &o, n->span.start, n->span.end);   /* of (\nx++) */
				rw_out_puts(&o, ")");
				add_text(c, n->span.start, n->span.end, 2, f->depth, &o);
				break;
			}
		}
		args_sync(c, n, RW_N(n, update.arg), f->depth);
		walk_children(c, n, f->depth);
		break;
	case RW_SWITCH:
		if (!late_switch(c, n, f->depth))
			walk_children(c, n, f->depth);
		break;
	case RW_BINARY:
		if (!late_binary(c, n, f->depth))
			walk_children(c, n, f->depth);
		break;
	case RW_EXPR_STMT:
		if (is_list_parent(f->parent))
			c->stmt_start = n->span.start;
		walk_children(c, n, f->depth);
		break;
	default:
		walk_children(c, n, f->depth);
		break;
	}
	return c->oom;
}

/* --------------------------------------------------------------- entry */

int ri_instrument_edits(ri_ctx *c, char *err, size_t errlen)
{
	c->nscopes = rw_scopes_count(c->scopes);
	c->sc = rw_ast_alloc(c->ast, (c->nscopes ? c->nscopes : 1) * sizeof *c->sc);
	c->site_scope = rw_ast_alloc(c->ast, (c->nscopes + 1) * sizeof *c->site_scope);
	if (!c->sc || !c->site_scope) {
		snprintf(err, errlen, "%s: out of memory", c->ast->filename);
		return -1;
	}
	{
		pre_frame f;
		f.c = c;
		f.parent = NULL;
		f.up = NULL;
		c->args_unsafe = rw_ast_alloc(c->ast, c->nscopes ? c->nscopes : 1);
		if (!c->args_unsafe) {
			snprintf(err, errlen, "%s: out of memory", c->ast->filename);
			return -1;
		}
		c->nomirror = rw_ast_alloc(c->ast, (c->nscopes ? c->nscopes : 1) * sizeof *c->nomirror);
		c->argsync = rw_ast_alloc(c->ast, (c->nscopes ? c->nscopes : 1) * sizeof *c->argsync);
		if (!c->nomirror || !c->argsync) {
			snprintf(err, errlen, "%s: out of memory", c->ast->filename);
			return -1;
		}
		prewalk(c->ast->program, &f);
		self_refs_no_mirror(c);
	}
	if (decide(c) < 0 || ri_env_indices(c) < 0) {
		snprintf(err, errlen, "%s: out of memory", c->ast->filename);
		return -1;
	}
	c->stmt_start = UINT32_MAX;
	walk_node(c, c->ast->program, NULL, 0);
	if (c->oom || c->edits.oom) {
		snprintf(err, errlen, "%s: out of memory", c->ast->filename);
		return -1;
	}
	ri_edits_sort(&c->edits);
	return 0;
}
