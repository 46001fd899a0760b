/*
 * tests/check_scope.c -- Check tests of the scope analysis (rewriter/scope.h):
 * bindings and hoisting, shadowing, catch and named-function-expression
 * scopes, `arguments`, `this`, closures (captured, assigned, constant after
 * entry), direct eval and with, block-level function declarations as Duktape
 * runs them, the dump, and a sweep over the transparency corpus checking that
 * every identifier is resolved.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rewriter/rewriter.h"
#include "rewriter/scope.h"

static rw_ast    *ast;
static rw_scopes *sc;
static char      *src_copy;

static void
analyse(const char *src)
{
	char err[512];
	size_t len = strlen(src);

	src_copy = malloc(len + 1);
	ck_assert_ptr_nonnull(src_copy);
	memcpy(src_copy, src, len + 1);
	ck_assert_msg(rw_parse("t.js", src_copy, len, 0, &ast, err, sizeof err) == 0,
	              "parse failed: %s", err);
	ck_assert_int_eq(rw_scopes_analyse(ast, &sc, err, sizeof err), 0);
}

static void
teardown(void)
{
	rw_scopes_free(sc);
	sc = NULL;
	if (ast)
		rw_ast_free(ast);
	ast = NULL;
	free(src_copy);
	src_copy = NULL;
}

static const char *
in(const char *name)
{
	return rw_intern(ast, name, strlen(name));
}

/* The n-th (0-based) function scope named name; "" is the program,
 * "?" matches anonymous functions. */
static rw_scope *
fn_n(const char *name, int n)
{
	uint32_t i;

	if (!*name)
		return rw_scopes_get(sc, 0);
	for (i = 0; i < rw_scopes_count(sc); i++) {
		rw_scope *s = rw_scopes_get(sc, i);
		const char *fname;
		if (s->kind != RW_SCOPE_FUNCTION)
			continue;
		fname = RW_N(rw_scope_node(s), fn.name) ? RW_S(RW_N(rw_scope_node(s), fn.name), ident.name) : "?";
		if (strcmp(fname, name) == 0 && n-- == 0)
			return s;
	}
	ck_abort_msg("no function scope %s", name);
	return NULL;
}

static rw_scope *fn(const char *name) { return fn_n(name, 0); }

static rw_scope *
catch_n(int n)
{
	uint32_t i;

	for (i = 0; i < rw_scopes_count(sc); i++) {
		rw_scope *s = rw_scopes_get(sc, i);
		if (s->kind == RW_SCOPE_CATCH && n-- == 0)
			return s;
	}
	ck_abort_msg("no catch scope");
	return NULL;
}

static rw_binding *
bind(rw_scope *s, const char *name)
{
	rw_binding *b = rw_scope_lookup(sc, s, in(name));
	ck_assert_msg(b != NULL, "no binding %s in scope %u", name, s->id);
	return b;
}

static int
has_bind(rw_scope *s, const char *name)
{
	return rw_scope_lookup(sc, s, in(name)) != NULL;
}

/* The n-th occurrence of name with (decl) or without (!decl) RW_RF_DECL. */
static rw_ref *
occ(const char *name, int n, int decl)
{
	uint32_t i;
	const char *nm = in(name);

	for (i = 0; i < rw_scopes_nrefs(sc); i++) {
		rw_ref *r = rw_scopes_ref(sc, i);
		if (RW_S(rw_ref_ident(r), ident.name) != nm)
			continue;
		if (!(r->flags & RW_RF_DECL) != !decl)
			continue;
		if (n-- == 0)
			return r;
	}
	ck_abort_msg("no occurrence of %s", name);
	return NULL;
}

static rw_ref *use_n(const char *name, int n) { return occ(name, n, 0); }
static rw_ref *use(const char *name) { return occ(name, 0, 0); }
static rw_ref *decl_n(const char *name, int n) { return occ(name, n, 1); }

#define HAS(x, f)  ck_assert_msg(((x)->flags & (f)) != 0, "missing flag %s", #f)
#define HASNT(x, f) ck_assert_msg(((x)->flags & (f)) == 0, "unexpected flag %s", #f)

/* ------------------------------------------------------------ hoisting */

START_TEST(var_hoisting)
{
	analyse("function f() { x = 1; return x; var x; }\n");
	rw_binding *x = bind(fn("f"), "x");
	ck_assert_int_eq(x->kind, RW_BIND_VAR);
	HAS(x, RW_BF_ASSIGNED);
	HAS(x, RW_BF_VAR_DECL);
	HASNT(x, RW_BF_CAPTURED);
	ck_assert_int_eq(use("x")->kind, RW_REF_LOCAL);
	HAS(use("x"), RW_RF_WRITE);
	ck_assert_ptr_eq(rw_ref_binding(use_n("x", 1)), x);
	ck_assert_int_eq(x->nrefs, 2);
	ck_assert_int_eq(x->nwrites, 1);
	ck_assert(!has_bind(rw_scopes_get(sc, 0), "x"));
}
END_TEST

START_TEST(var_in_blocks_and_loops)
{
	analyse("function f() { if (0) { var a = 1; } for (var i = 0; i < 2; i++) {}"
	        " for (var k in {}) {} try {} finally { var z; } }\n");
	rw_scope *f = fn("f");
	ck_assert_int_eq(bind(f, "a")->kind, RW_BIND_VAR);
	HAS(bind(f, "a"), RW_BF_HAS_INIT);
	HAS(bind(f, "i"), RW_BF_ASSIGNED);
	HAS(bind(f, "k"), RW_BF_ASSIGNED);
	HAS(decl_n("k", 0), RW_RF_FOR_IN);
	HAS(decl_n("k", 0), RW_RF_WRITE);
	HAS(decl_n("a", 0), RW_RF_INIT);
	HASNT(decl_n("z", 0), RW_RF_WRITE);
	HASNT(bind(f, "z"), RW_BF_ASSIGNED);
	ck_assert_int_eq(f->nbindings, 4);
	ck_assert_int_eq(rw_scopes_count(sc), 2);   /* blocks are not scopes */
}
END_TEST

START_TEST(function_over_var)
{
	analyse("function f(p) { var d = 1; function d() {} function p() {}\n"
	        " function g() { return 1; } function g() { return 2; } }\n");
	rw_scope *f = fn("f");
	rw_binding *d = bind(f, "d"), *p = bind(f, "p"), *g = bind(f, "g");
	ck_assert_int_eq(d->kind, RW_BIND_FUNC);
	HAS(d, RW_BF_HAS_INIT);
	HAS(d, RW_BF_REDECLARED);
	ck_assert(!rw_binding_is_constant(d));
	ck_assert_int_eq(p->kind, RW_BIND_FUNC);   /* a declaration overrides the param */
	ck_assert(rw_binding_is_constant(p));
	ck_assert_int_eq(g->kind, RW_BIND_FUNC);
	HAS(g, RW_BF_REDECLARED);
	ck_assert_ptr_eq(rw_binding_func(g), rw_scope_node(fn_n("g", 1)));   /* the last one wins */
	ck_assert(rw_binding_is_constant(g));
}
END_TEST

START_TEST(param_and_var)
{
	analyse("function f(x, y) { var x; var y = 2; return x + y; }\n");
	rw_scope *f = fn("f");
	rw_binding *x = bind(f, "x"), *y = bind(f, "y");
	ck_assert_int_eq(x->kind, RW_BIND_PARAM);
	ck_assert_int_eq(x->param_index, 0);
	HAS(x, RW_BF_VAR_DECL);
	ck_assert(rw_binding_is_constant(x));
	ck_assert_int_eq(y->kind, RW_BIND_PARAM);
	HAS(y, RW_BF_ASSIGNED);
	ck_assert(!rw_binding_is_constant(y));
	ck_assert_int_eq(f->nparams, 2);
	/* params first, in order */
	ck_assert_ptr_eq(f->bindings, x);
	ck_assert_ptr_eq(f->bindings->next, y);
}
END_TEST

START_TEST(duplicate_params)
{
	analyse("function f(a, a) { return a; }\n");
	rw_binding *a = bind(fn("f"), "a");
	ck_assert_int_eq(a->param_index, 1);
	HAS(a, RW_BF_REDECLARED);
	ck_assert_int_eq(fn("f")->nbindings, 1);
}
END_TEST

START_TEST(globals)
{
	analyse("var g = 1; function h() {} function f() { g++; h(); undeclared = 2; return typeof nope; }\n"
	        "implicit = 3;\n");
	rw_scope *p = rw_scopes_get(sc, 0);
	ck_assert_int_eq(p->kind, RW_SCOPE_PROGRAM);
	ck_assert_int_eq(use("g")->kind, RW_REF_GLOBAL);
	ck_assert_ptr_eq(rw_ref_binding(use("g")), bind(p, "g"));
	ck_assert_int_eq(use("h")->kind, RW_REF_GLOBAL);
	HAS(use("h"), RW_RF_CALL);
	HAS(bind(p, "h"), RW_BF_CALLED);
	ck_assert_int_eq(use("undeclared")->kind, RW_REF_GLOBAL);
	ck_assert_ptr_null(rw_ref_binding(use("undeclared")));
	HAS(use("nope"), RW_RF_TYPEOF);
	ck_assert_ptr_null(rw_ref_binding(use("implicit")));
	/* globals are never captured */
	HASNT(bind(p, "g"), RW_BF_CAPTURED);
	HASNT(fn("f"), RW_SF_FREE);
	ck_assert_int_eq(p->env_depth, 0);
}
END_TEST

START_TEST(const_is_var)
{
	analyse("function f() { if (1) { const c = 1; } return function () { return c; }; }\n");
	rw_binding *c = bind(fn("f"), "c");
	ck_assert_int_eq(c->kind, RW_BIND_VAR);
	HAS(c, RW_BF_CONST);
	HAS(c, RW_BF_CAPTURED);
	ck_assert_int_eq(use("c")->kind, RW_REF_CAPTURED);
}
END_TEST

/* ------------------------------------------------------------ shadowing, closures */

START_TEST(shadowing)
{
	analyse("var v = 0; function o() { var v = 1; function i() { var v = 2; return v; }"
	        " function j() { return v; } return v; }\n");
	rw_scope *o = fn("o");
	ck_assert_ptr_eq(rw_ref_binding(use_n("v", 0)), bind(fn("i"), "v"));   /* i's return */
	ck_assert_int_eq(use_n("v", 0)->kind, RW_REF_LOCAL);
	ck_assert_ptr_eq(rw_ref_binding(use_n("v", 1)), bind(o, "v"));         /* j's return */
	ck_assert_int_eq(use_n("v", 1)->kind, RW_REF_CAPTURED);
	ck_assert_int_eq(use_n("v", 2)->kind, RW_REF_LOCAL);            /* o's return */
	ck_assert_int_eq(decl_n("v", 0)->kind, RW_REF_GLOBAL);
	ck_assert_ptr_eq(rw_ref_binding(decl_n("v", 1)), bind(o, "v"));
	HAS(bind(o, "v"), RW_BF_CAPTURED);
	HASNT(bind(fn("i"), "v"), RW_BF_CAPTURED);
	HAS(fn("j"), RW_SF_FREE);
	HASNT(fn("i"), RW_SF_FREE);
	ck_assert_int_eq(o->ncaptured, 1);
}
END_TEST

START_TEST(three_levels)
{
	analyse("function a(x) { var t = 0; return function b(y) { return function c(z) {"
	        " t += x + y + z; return t; }; }; }\n");
	rw_scope *a = fn("a"), *b = fn("b"), *c = fn("c");
	ck_assert_ptr_eq(rw_ref_binding(use("t")), bind(a, "t"));
	ck_assert_int_eq(use("t")->kind, RW_REF_CAPTURED);
	ck_assert_ptr_eq(rw_ref_binding(use("y")), bind(b, "y"));
	ck_assert_int_eq(use("z")->kind, RW_REF_LOCAL);
	HAS(bind(a, "t"), RW_BF_CAPTURED_ASSIGNED);
	ck_assert(rw_binding_is_constant(bind(a, "x")));
	ck_assert(!rw_binding_is_constant(bind(a, "t")));
	ck_assert(rw_binding_is_constant(bind(b, "y")));
	ck_assert_int_eq(a->env_depth, 1);
	ck_assert_int_eq(b->env_depth, 2);
	ck_assert_int_eq(c->env_depth, 2);
	ck_assert_int_eq(c->depth, 3);
	ck_assert_ptr_eq(c->parent, b);
	ck_assert_ptr_eq(rw_scope_first_child(a), b);
	HAS(a, RW_SF_CLOSURES);
	HAS(b, RW_SF_CLOSURES);
	HASNT(c, RW_SF_CLOSURES);
	HAS(c, RW_SF_FREE);
	HASNT(c, RW_SF_CAPTURED);
}
END_TEST

START_TEST(closures_in_loop)
{
	analyse("function f() { var fs = []; for (var i = 0; i < 3; i++) fs.push(function () { return i; }); return fs; }\n");
	rw_binding *i = bind(fn("f"), "i");
	HAS(i, RW_BF_CAPTURED);
	HAS(i, RW_BF_ASSIGNED);
	HASNT(i, RW_BF_CAPTURED_ASSIGNED);
	HASNT(bind(fn("f"), "fs"), RW_BF_CAPTURED);
	ck_assert_int_eq(fn("f")->ncaptured, 1);
}
END_TEST

START_TEST(assignment_forms)
{
	analyse("function f() { var a, b, c, d, e, k, m, n, o = {};\n"
	        " var g = function () { return a + b + c + d + e + k + m + n + o; };\n"
	        " a++; --b; c += 1; d = 2; for (e in o) {} o.x = 1; k |= 0; delete m; typeof n; }\n");
	rw_scope *f = fn("f");
	HAS(bind(f, "a"), RW_BF_ASSIGNED);
	HAS(bind(f, "b"), RW_BF_ASSIGNED);
	HAS(bind(f, "c"), RW_BF_ASSIGNED);
	HAS(bind(f, "d"), RW_BF_ASSIGNED);
	HAS(bind(f, "e"), RW_BF_ASSIGNED);
	HAS(bind(f, "k"), RW_BF_ASSIGNED);
	HASNT(bind(f, "m"), RW_BF_ASSIGNED);
	HAS(bind(f, "m"), RW_BF_DELETED);
	HASNT(bind(f, "n"), RW_BF_ASSIGNED);
	HAS(bind(f, "o"), RW_BF_HAS_INIT);
	ck_assert_int_eq(bind(f, "o")->nwrites, 1);   /* o.x = 1 does not write o */
	rw_ref *r = use_n("c", 1);
	HAS(r, RW_RF_READ);
	HAS(r, RW_RF_WRITE);
	HAS(use_n("d", 1), RW_RF_WRITE);
	HASNT(use_n("d", 1), RW_RF_READ);
	HAS(use_n("m", 1), RW_RF_DELETE);
	HAS(use_n("n", 1), RW_RF_TYPEOF);
	ck_assert_int_eq(f->ncaptured, 9);
}
END_TEST

START_TEST(assigned_from_inner)
{
	analyse("function f(n) { function bump() { n += 1; } bump(); return n; }\n");
	rw_binding *n = bind(fn("f"), "n");
	HAS(n, RW_BF_ASSIGNED);
	HAS(n, RW_BF_CAPTURED_ASSIGNED);
	ck_assert(!rw_binding_is_constant(n));
	ck_assert(rw_binding_is_constant(bind(fn("f"), "bump")));
}
END_TEST

START_TEST(property_names_are_not_refs)
{
	analyse("function f(a, k) { var o = {a: 1, get b() { return 2; }, [k]: 3, a2: a};"
	        " return o.a + o['a'] + {a}.a; }\n");
	rw_binding *a = bind(fn("f"), "a");
	ck_assert_int_eq(a->nrefs, 2);   /* a2: a and the shorthand {a} */
	HAS(use_n("a", 1), RW_RF_SHORTHAND);
	ck_assert_int_eq(bind(fn("f"), "k")->nrefs, 1);
}
END_TEST

/* ------------------------------------------------------------ catch */

START_TEST(catch_scope)
{
	analyse("var e = 'outer'; try { throw 1; } catch (e) { e; }\n e;\n");
	rw_scope *c = catch_n(0);
	ck_assert_int_eq(c->kind, RW_SCOPE_CATCH);
	ck_assert_ptr_eq(c->func, rw_scopes_get(sc, 0));
	rw_binding *ce = bind(c, "e");
	ck_assert_int_eq(ce->kind, RW_BIND_CATCH);
	ck_assert_ptr_eq(rw_ref_binding(use_n("e", 0)), ce);
	ck_assert_int_eq(use_n("e", 0)->kind, RW_REF_LOCAL);
	ck_assert_ptr_eq(rw_ref_binding(use_n("e", 1)), bind(rw_scopes_get(sc, 0), "e"));
	ck_assert_ptr_eq(rw_ref_binding(decl_n("e", 1)), ce);
	ck_assert(rw_binding_is_constant(ce));
}
END_TEST

START_TEST(catch_captured)
{
	analyse("function f() { var fs = []; for (var i = 0; i < 3; i++) {"
	        " try { throw i; } catch (ex) { fs.push(function () { return ex; }); } } }\n");
	rw_scope *c = catch_n(0);
	rw_binding *ex = bind(c, "ex");
	HAS(ex, RW_BF_CAPTURED);
	HAS(c, RW_SF_CAPTURED);
	ck_assert_int_eq(use("ex")->kind, RW_REF_CAPTURED);
	ck_assert_ptr_eq(rw_binding_function(ex), fn("f"));
	ck_assert_int_eq(c->env_depth, 1);
	ck_assert_int_eq(fn("f")->env_depth, 0);   /* f's own bindings: none captured */
	ck_assert_int_eq(fn("?")->env_depth, 1);
	ck_assert_ptr_eq(fn("?")->parent, c);
	HAS(fn("f"), RW_SF_CLOSURES);
}
END_TEST

START_TEST(var_in_catch_writes_param)
{
	analyse("function f() { try { throw 1; } catch (err) { var err = 'x'; var other = err; } return err; }\n");
	rw_binding *param = bind(catch_n(0), "err"), *fv = bind(fn("f"), "err");
	ck_assert_ptr_ne(param, fv);
	HAS(param, RW_BF_ASSIGNED);      /* the initialiser writes the catch param */
	HASNT(fv, RW_BF_ASSIGNED);
	HAS(fv, RW_BF_VAR_DECL);
	ck_assert_ptr_eq(rw_ref_binding(decl_n("err", 1)), param);  /* var err = 'x' */
	HAS(decl_n("err", 1), RW_RF_INIT);
	ck_assert_ptr_eq(rw_ref_binding(use_n("err", 0)), param);   /* other = err */
	ck_assert_ptr_eq(rw_ref_binding(use_n("err", 1)), fv);      /* return err */
	ck_assert_ptr_eq(rw_ref_binding(decl_n("other", 0)), bind(fn("f"), "other"));
}
END_TEST

START_TEST(catch_assigned_in_closure)
{
	analyse("function f() { var set; try { throw 1; } catch (c) { set = function (v) { c = v; }; } }\n");
	rw_binding *c = bind(catch_n(0), "c");
	HAS(c, RW_BF_CAPTURED_ASSIGNED);
	ck_assert(!rw_binding_is_constant(c));
}
END_TEST

/* ------------------------------------------------------------ named function expressions */

START_TEST(nfe_self)
{
	analyse("var f = function fact(n) { return n ? n * fact(n - 1) : 1; }; fact;\n");
	rw_scope *s = fn("fact");
	rw_binding *self = bind(s, "fact");
	ck_assert_int_eq(self->kind, RW_BIND_SELF);
	ck_assert_ptr_eq(rw_binding_func(self), rw_scope_node(s));
	ck_assert_int_eq(use("fact")->kind, RW_REF_LOCAL);
	ck_assert_ptr_eq(rw_ref_binding(use("fact")), self);
	ck_assert_ptr_null(rw_ref_binding(use_n("fact", 1)));   /* outside: undeclared global */
	ck_assert_int_eq(use_n("fact", 1)->kind, RW_REF_GLOBAL);
	ck_assert(rw_binding_is_constant(self));
	ck_assert(!has_bind(rw_scopes_get(sc, 0), "fact"));
}
END_TEST

START_TEST(nfe_shadowed)
{
	analyse("var a = function inner(inner) { return inner; };\n"
	        "var b = function named() { var named = 1; return named; };\n"
	        "var c = function arguments() { return arguments; };\n");
	ck_assert_int_eq(bind(fn("inner"), "inner")->kind, RW_BIND_PARAM);
	ck_assert_int_eq(bind(fn("named"), "named")->kind, RW_BIND_VAR);
	ck_assert_int_eq(bind(fn("arguments"), "arguments")->kind, RW_BIND_ARGUMENTS);
	/* the name occurrence of a shadowed expression name binds nothing */
	rw_ref *r = rw_ref_of(RW_N(rw_scope_node(fn("inner")), fn.name));
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_null(rw_ref_binding(r));
	HAS(r, RW_RF_DECL);
}
END_TEST

START_TEST(nfe_write_ignored)
{
	analyse("var g = function self() { self = 5; return function () { return self; }; };\n");
	rw_binding *self = bind(fn("self"), "self");
	HASNT(self, RW_BF_ASSIGNED);
	HAS(self, RW_BF_WRITE_IGNORED);
	HAS(self, RW_BF_CAPTURED);
	ck_assert(rw_binding_is_constant(self));
}
END_TEST

/* ------------------------------------------------------------ arguments and this */

START_TEST(arguments_object)
{
	analyse("function f(a, b) { return arguments.length + a; }\n"
	        "function g(a) { 'use strict'; return arguments[0] + a; }\n"
	        "function h(a) { return function () { return arguments; }; }\n"
	        "function k(arguments) { return arguments; }\n"
	        "function m() { var arguments; return arguments; }\n"
	        "function n() { function arguments() {} return arguments; }\n");
	rw_scope *f = fn("f");
	HAS(f, RW_SF_USES_ARGUMENTS);
	ck_assert_int_eq(bind(f, "arguments")->kind, RW_BIND_ARGUMENTS);
	HAS(bind(f, "a"), RW_BF_ALIASED);
	HAS(bind(f, "b"), RW_BF_ALIASED);
	ck_assert(!rw_binding_is_constant(bind(f, "a")));
	HAS(fn("g"), RW_SF_USES_ARGUMENTS);
	HASNT(bind(fn("g"), "a"), RW_BF_ALIASED);
	ck_assert(rw_binding_is_constant(bind(fn("g"), "a")));
	/* an inner function's arguments is its own */
	HASNT(fn("h"), RW_SF_USES_ARGUMENTS);
	HAS(fn("?"), RW_SF_USES_ARGUMENTS);
	ck_assert(!has_bind(fn("h"), "arguments"));
	ck_assert(rw_binding_is_constant(bind(fn("h"), "a")));
	ck_assert_int_eq(bind(fn("k"), "arguments")->kind, RW_BIND_PARAM);
	HASNT(fn("k"), RW_SF_USES_ARGUMENTS);
	ck_assert_int_eq(bind(fn("m"), "arguments")->kind, RW_BIND_ARGUMENTS);
	HAS(bind(fn("m"), "arguments"), RW_BF_VAR_DECL);
	HAS(fn("m"), RW_SF_USES_ARGUMENTS);
	ck_assert_int_eq(bind(fn("n"), "arguments")->kind, RW_BIND_FUNC);
	HASNT(fn("n"), RW_SF_USES_ARGUMENTS);
	/* `arguments` at the top level is an ordinary global */
	ck_assert(!has_bind(rw_scopes_get(sc, 0), "arguments"));
}
END_TEST

START_TEST(arguments_captured_param)
{
	analyse("function f(p) { var get = function () { return p; }; arguments[0] = 1; return get(); }\n");
	rw_binding *p = bind(fn("f"), "p");
	HAS(p, RW_BF_CAPTURED);
	HAS(p, RW_BF_ALIASED);
	HASNT(p, RW_BF_ASSIGNED);
	ck_assert(!rw_binding_is_constant(p));
}
END_TEST

/* a function declaration named like a parameter gives its entry value,
 * but arguments[i] still aliases the binding (ES5.1 10.6, 10.5 step 5) */
START_TEST(arguments_param_function)
{
	analyse("function f(a, b) { function b() {} var g = function () { return b; }; arguments[1] = 1; return g; }\n"
	        "function s(a) { 'use strict'; function a() {} return function () { return a; }; }\n");
	rw_binding *b = bind(fn("f"), "b");
	ck_assert_int_eq(b->kind, RW_BIND_FUNC);
	HAS(b, RW_BF_PARAM);
	HAS(b, RW_BF_ALIASED);
	ck_assert_uint_eq(b->param_index, 1);
	ck_assert(!rw_binding_is_constant(b));
	HASNT(bind(fn("f"), "g"), RW_BF_PARAM);
	HAS(bind(fn("s"), "a"), RW_BF_PARAM);
	HASNT(bind(fn("s"), "a"), RW_BF_ALIASED);
	ck_assert(rw_binding_is_constant(bind(fn("s"), "a")));
}
END_TEST

START_TEST(this_usage)
{
	analyse("function f() { return function () { return this; }; }\n"
	        "function g() { try {} catch (e) { this.x = e; } }\n"
	        "this.top = 1;\n");
	HASNT(fn("f"), RW_SF_USES_THIS);
	HAS(fn("?"), RW_SF_USES_THIS);
	HAS(fn("g"), RW_SF_USES_THIS);
	HAS(rw_scopes_get(sc, 0), RW_SF_USES_THIS);
}
END_TEST

START_TEST(strictness)
{
	analyse("function s() { 'use strict'; return function () {}; }\nfunction l() {}\n");
	HAS(fn("s"), RW_SF_STRICT);
	HAS(fn("?"), RW_SF_STRICT);
	HASNT(fn("l"), RW_SF_STRICT);
	HASNT(rw_scopes_get(sc, 0), RW_SF_STRICT);
}
END_TEST

/* ------------------------------------------------------------ eval and with */

START_TEST(direct_eval)
{
	analyse("function o() { var hidden = 1; function m() { return eval('hidden'); }"
	        " function inner() { return hidden; } return m; }\n"
	        "function p() { return 1; }\n");
	rw_scope *o = fn("o"), *m = fn("m");
	HAS(m, RW_SF_EVAL);
	HAS(m, RW_SF_DYNAMIC);
	HAS(o, RW_SF_DYNAMIC);
	HASNT(o, RW_SF_EVAL);
	HAS(rw_scopes_get(sc, 0), RW_SF_DYNAMIC);
	HASNT(fn("p"), RW_SF_DYNAMIC);
	HASNT(fn("inner"), RW_SF_DYNAMIC);
	HAS(use("eval"), RW_RF_EVAL);
	ck_assert(!rw_binding_is_constant(bind(o, "m")));   /* the scope is dynamic */
}
END_TEST

START_TEST(eval_makes_refs_dynamic)
{
	analyse("function f() { eval('var x = 1'); return [x, y, function g() { return x; }]; }\n"
	        "var y;\n");
	HAS(use("x"), RW_RF_DYNAMIC);
	HAS(use("y"), RW_RF_DYNAMIC);
	HAS(use_n("x", 1), RW_RF_DYNAMIC);
	HAS(fn("g"), RW_SF_IN_DYNAMIC);
	HASNT(fn("f"), RW_SF_IN_DYNAMIC);
}
END_TEST

START_TEST(strict_eval_does_not_shadow)
{
	analyse("function f() { 'use strict'; var a = 1; eval('a'); return b; }\n");
	HAS(fn("f"), RW_SF_EVAL);
	HAS(fn("f"), RW_SF_DYNAMIC);
	HASNT(use("b"), RW_RF_DYNAMIC);
}
END_TEST

START_TEST(not_direct_eval)
{
	analyse("function g() { var o = {eval: eval}; o.eval('1'); var e = eval; e('2'); return (0, eval)('3'); }\n"
	        "function h() { return (eval)('4'); }\n");
	HASNT(fn("g"), RW_SF_EVAL);
	HASNT(fn("g"), RW_SF_DYNAMIC);
	HAS(fn("h"), RW_SF_EVAL);   /* a parenthesised name is still a direct eval */
}
END_TEST

/* a call of a local named eval is direct when it holds the built-in (ES5.1
 * 15.1.2.1.1; Duktape: `function f(eval) { return eval('x'); }` called with
 * the global eval sees f's variables): it counts as a direct eval */
START_TEST(local_eval_is_direct)
{
	analyse("function f(eval) { var x = 1; return eval('x'); }\n"
	        "function o() { var eval = 0; return function i() { var y; return eval('y'); }; }\n");
	HAS(fn("f"), RW_SF_EVAL);
	HAS(fn("f"), RW_SF_DYNAMIC);
	HAS(use("eval"), RW_RF_EVAL);
	HAS(fn("i"), RW_SF_EVAL);
	HAS(fn("o"), RW_SF_DYNAMIC);
	ck_assert(!rw_binding_is_constant(bind(fn("o"), "eval")));
}
END_TEST

/* a direct eval after a return, throw, break or continue of its statement
 * list never runs: bluebird's toFastProperties ends `return obj; eval(obj);`
 * and would otherwise make every scope around it dynamic (no snapshot) */
START_TEST(dead_eval)
{
	analyse("function a(o) { var k = 1; function r() { return k; } return o; eval(o); }\n"
	        "function b(o) { throw o; eval(o); }\n"
	        "function c(o) { for (;;) { if (o) { break; eval(o); } continue; eval(o); } }\n"
	        "function d(o) { return h; function h() { return eval(o); } }\n"
	        "function e(o) { if (o) return o; eval(o); }\n"
	        "function f(o) { { return o; } eval(o); }\n"
	        "function g(o) { switch (o) { case 1: return o; default: eval(o); } }\n");
	HASNT(fn("a"), RW_SF_EVAL);
	HASNT(fn("a"), RW_SF_DYNAMIC);
	HASNT(fn("r"), RW_SF_IN_DYNAMIC);
	HAS(use("eval"), RW_RF_DEAD);
	HASNT(use("eval"), RW_RF_EVAL);
	HASNT(fn("b"), RW_SF_EVAL);
	HASNT(fn("c"), RW_SF_EVAL);
	/* a function declaration after the return is hoisted: its eval runs */
	HAS(fn("h"), RW_SF_EVAL);
	HAS(fn("d"), RW_SF_DYNAMIC);
	/* reachable: after a conditional return, after a block that returns,
	 * in the next case of a switch */
	HAS(fn("e"), RW_SF_EVAL);
	HAS(fn("f"), RW_SF_EVAL);
	HAS(fn("g"), RW_SF_EVAL);
}
END_TEST

/* eval("X") where X resolves to a program-level declaration or to none
 * reads a global, which instrumentation leaves alone: no dynamic scope
 * (Bottleneck 2's `eval("require")`). A local X, another argument, a name
 * with ferryc's prefix, `arguments`, or a local named eval keep it dynamic. */
START_TEST(eval_of_global_name)
{
	analyse("var G = 1;\n"
	        "function a() { var k = 1; function r() { return k; } return eval('require')('x') + eval(\"G\") + eval('this'); }\n"
	        "function b() { var loc = 1; return eval('loc'); }\n"
	        "function c() { var loc = 1; return function () { return eval('loc'); }; }\n"
	        "function d() { return eval('G + 1'); }\n"
	        "function e() { return eval('arguments'); }\n"
	        "function f() { return eval('$Fe1'); }\n"
	        "function g(eval) { return eval('G'); }\n"
	        "function h() { return eval('G', 1); }\n");
	HASNT(fn("a"), RW_SF_EVAL);
	HASNT(fn("a"), RW_SF_DYNAMIC);
	HASNT(fn("r"), RW_SF_IN_DYNAMIC);
	HAS(use("eval"), RW_RF_EVAL_NAMED);
	HASNT(use("eval"), RW_RF_EVAL);
	HAS(use("require"), RW_RF_EVAL_ARG);
	HAS(fn("b"), RW_SF_EVAL);
	HAS(fn("c"), RW_SF_DYNAMIC);
	HAS(fn("d"), RW_SF_EVAL);
	HAS(fn("e"), RW_SF_EVAL);
	HAS(fn("f"), RW_SF_EVAL);
	HAS(fn("g"), RW_SF_EVAL);
	HAS(fn("h"), RW_SF_EVAL);
}
END_TEST

START_TEST(with_statement)
{
	analyse("function f(o) { var v = 1; with (o) { v; x; var fe = function () { return v; }; function fd() { return v; } } return v; }\n");
	rw_scope *f = fn("f");
	HAS(f, RW_SF_WITH);
	HAS(f, RW_SF_DYNAMIC);
	HAS(rw_scopes_get(sc, 0), RW_SF_DYNAMIC);
	HAS(use("v"), RW_RF_IN_WITH);
	HAS(use("v"), RW_RF_DYNAMIC);
	HAS(use("x"), RW_RF_DYNAMIC);
	HAS(fn("?"), RW_SF_IN_WITH);
	HAS(fn("?"), RW_SF_IN_DYNAMIC);
	HAS(use_n("v", 1), RW_RF_DYNAMIC);           /* through the with object */
	HASNT(fn("fd"), RW_SF_IN_WITH);                 /* hoisted out of the body */
	HASNT(use_n("v", 2), RW_RF_DYNAMIC);
	HASNT(use_n("v", 3), RW_RF_DYNAMIC);            /* return v after the with */
	HASNT(use("o"), RW_RF_DYNAMIC);
}
END_TEST

/* ------------------------------------------------------------ block functions */

START_TEST(block_function_hoisting)
{
	analyse("function f(x) { if (x) { function k() { return 1; } } else { function k() { return 2; } } return k(); }\n");
	rw_scope *f = fn("f");
	rw_binding *k = bind(f, "k");
	ck_assert_int_eq(k->kind, RW_BIND_FUNC);
	HAS(k, RW_BF_REDECLARED);
	ck_assert_ptr_eq(rw_binding_func(k), rw_scope_node(fn_n("k", 1)));
	ck_assert_ptr_eq(fn_n("k", 0)->parent, f);
	ck_assert_ptr_eq(rw_ref_binding(use("k")), k);
}
END_TEST

START_TEST(block_function_in_catch)
{
	/* Duktape creates it at function entry, closing over the function
	 * scope: it does not see the catch parameter */
	analyse("var e = 'glob'; try { throw 1; } catch (e) { function ce() { return e; } var fe = function () { return e; }; }\n");
	rw_scope *ce = fn("ce");
	ck_assert_ptr_eq(ce->parent, rw_scopes_get(sc, 0));
	ck_assert_int_eq(use("e")->kind, RW_REF_GLOBAL);
	ck_assert_ptr_eq(rw_ref_binding(use("e")), bind(rw_scopes_get(sc, 0), "e"));
	ck_assert_ptr_eq(rw_ref_binding(use_n("e", 1)), bind(catch_n(0), "e"));
	ck_assert_int_eq(use_n("e", 1)->kind, RW_REF_CAPTURED);
	ck_assert(has_bind(rw_scopes_get(sc, 0), "ce"));
}
END_TEST

/* ------------------------------------------------------------ misc */

START_TEST(closures_flag)
{
	analyse("function a() { return 1; }\nfunction b() { return function () {}; }\n"
	        "function c() { function d() {} }\nfunction e() { return {get x() { return 1; }}; }\n"
	        "function f() { try {} catch (q) { return function () {}; } }\n");
	HASNT(fn("a"), RW_SF_CLOSURES);
	HAS(fn("b"), RW_SF_CLOSURES);
	HAS(fn("c"), RW_SF_CLOSURES);
	HAS(fn("e"), RW_SF_CLOSURES);
	HAS(fn("f"), RW_SF_CLOSURES);
	HASNT(catch_n(0), RW_SF_CLOSURES);   /* the flag is on functions */
}
END_TEST

START_TEST(every_ident_resolved)
{
	analyse("function f(a) { var b = a; label: for (var k in b) { if (k) continue label; }"
	        " return {p: b, q: a}.p; }\n");
	uint32_t i;
	for (i = 0; i < rw_scopes_nrefs(sc); i++) {
		rw_ref *r = rw_scopes_ref(sc, i);
		ck_assert_ptr_eq(rw_ref_of(rw_ref_ident(r)), r);
		if (i)
			ck_assert_uint_le(rw_ref_ident(rw_scopes_ref(sc, i - 1))->span.start,
			                  rw_ref_ident(r)->span.start);
	}
	ck_assert_int_eq(rw_scopes_nrefs(sc), 9);
	ck_assert_ptr_eq(rw_scope_of(rw_scope_node(fn("f"))), fn("f"));
	ck_assert_ptr_eq(rw_scope_of(ast->program), rw_scopes_get(sc, 0));
	ck_assert_ptr_null(rw_scopes_get(sc, 99));
	ck_assert_ptr_null(rw_scopes_ref(sc, 999));
}
END_TEST

START_TEST(prefix)
{
	analyse("var a = {$Fx: 1}; function $y() {}\n");
	ck_assert(rw_scopes_uses_prefix(sc, "$F"));
	ck_assert(rw_scopes_uses_prefix(sc, "$y"));
	ck_assert(!rw_scopes_uses_prefix(sc, "$F1"));
	ck_assert(!rw_scopes_uses_prefix(sc, "zz"));
}
END_TEST

START_TEST(dump)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	analyse("function outer(a) { var n = 0; return function () { n++; return a; }; }\n");
	f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(rw_scopes_dump(sc, f), 0);
	fclose(f);
	ck_assert_msg(strstr(buf, "scope 1 function outer @1:1 parent=0 depth=1 env_depth=1 params=1 flags=closures,captured\n"), "%s", buf);
	ck_assert_msg(strstr(buf, "  binding a: param #0 captured constant refs=1 writes=0\n"), "%s", buf);
	ck_assert_msg(strstr(buf, "  binding n: var captured,assigned,init,var-decl,assigned-inside refs=2 writes=2\n"), "%s", buf);
	ck_assert_msg(strstr(buf, "ref 1:53 n read,write -> captured var n of scope 1 (outer)\n"), "%s", buf);
	ck_assert_msg(strstr(buf, "scope 2 function (anonymous) @1:39 parent=1 depth=2 env_depth=1 params=0 flags=free\n"), "%s", buf);
	free(buf);
}
END_TEST

/* Every program of the transparency corpus: analysis succeeds, every
 * identifier has its record, references point at bindings of enclosing
 * scopes, and captured references come from an enclosing function. */
static int
check_idents(rw_node *n, void *ud)
{
	(void)ud;
	if (n->kind == RW_IDENT) {
		rw_ref *r = rw_ref_of(n);
		ck_assert_ptr_nonnull(r);
		if (rw_ref_binding(r) && !(r->flags & RW_RF_DECL)) {
			const rw_scope *s;
			for (s = rw_ref_scope(r); s && s != rw_ref_binding(r)->scope; s = s->parent)
				;
			ck_assert_msg(s != NULL, "binding not on the chain at offset %u",
			              n->span.start);
		}
		if (r->kind == RW_REF_CAPTURED)
			ck_assert_ptr_ne(rw_ref_scope(r)->func, rw_ref_binding(r)->scope->func);
	}
	return rw_children(n, check_idents, ud);
}

START_TEST(corpus_sweep)
{
	const char *srcdir = getenv("FERRY_SRCDIR");
	char dir[4096], path[4200], err[512];
	DIR *d;
	struct dirent *e;
	int files = 0;

	snprintf(dir, sizeof dir, "%s/tests/corpus", srcdir ? srcdir : ".");
	d = opendir(dir);
	ck_assert_msg(d != NULL, "cannot open %s (set FERRY_SRCDIR)", dir);
	while ((e = readdir(d)) != NULL) {
		size_t nl = strlen(e->d_name);
		FILE *f;
		long n;
		char *buf;
		rw_ast *a;
		rw_scopes *s;
		if (nl < 4 || strcmp(e->d_name + nl - 3, ".js") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		f = fopen(path, "rb");
		ck_assert_ptr_nonnull(f);
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		fseek(f, 0, SEEK_SET);
		buf = malloc((size_t)n + 1);
		ck_assert_ptr_nonnull(buf);
		ck_assert_int_eq(fread(buf, 1, (size_t)n, f), n);
		buf[n] = 0;
		fclose(f);
		ck_assert_msg(rw_parse(path, buf, (size_t)n, 0, &a, err, sizeof err) == 0, "%s", err);
		ck_assert_int_eq(rw_scopes_analyse(a, &s, err, sizeof err), 0);
		check_idents(a->program, NULL);
		rw_scopes_free(s);
		rw_ast_free(a);
		free(buf);
		files++;
	}
	closedir(d);
	ck_assert_int_ge(files, 25);
}
END_TEST

static Suite *
scope_suite(void)
{
	Suite *s = suite_create("scope");
	TCase *t = tcase_create("facts");

	tcase_add_checked_fixture(t, NULL, teardown);
	tcase_add_test(t, var_hoisting);
	tcase_add_test(t, var_in_blocks_and_loops);
	tcase_add_test(t, function_over_var);
	tcase_add_test(t, param_and_var);
	tcase_add_test(t, duplicate_params);
	tcase_add_test(t, globals);
	tcase_add_test(t, const_is_var);
	tcase_add_test(t, shadowing);
	tcase_add_test(t, three_levels);
	tcase_add_test(t, closures_in_loop);
	tcase_add_test(t, assignment_forms);
	tcase_add_test(t, assigned_from_inner);
	tcase_add_test(t, property_names_are_not_refs);
	tcase_add_test(t, catch_scope);
	tcase_add_test(t, catch_captured);
	tcase_add_test(t, var_in_catch_writes_param);
	tcase_add_test(t, catch_assigned_in_closure);
	tcase_add_test(t, nfe_self);
	tcase_add_test(t, nfe_shadowed);
	tcase_add_test(t, nfe_write_ignored);
	tcase_add_test(t, arguments_object);
	tcase_add_test(t, arguments_captured_param);
	tcase_add_test(t, arguments_param_function);
	tcase_add_test(t, this_usage);
	tcase_add_test(t, strictness);
	tcase_add_test(t, direct_eval);
	tcase_add_test(t, eval_makes_refs_dynamic);
	tcase_add_test(t, strict_eval_does_not_shadow);
	tcase_add_test(t, not_direct_eval);
	tcase_add_test(t, local_eval_is_direct);
	tcase_add_test(t, dead_eval);
	tcase_add_test(t, eval_of_global_name);
	tcase_add_test(t, with_statement);
	tcase_add_test(t, block_function_hoisting);
	tcase_add_test(t, block_function_in_catch);
	tcase_add_test(t, closures_flag);
	tcase_add_test(t, every_ident_resolved);
	tcase_add_test(t, prefix);
	tcase_add_test(t, dump);
	tcase_add_test(t, corpus_sweep);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	SRunner *r = srunner_create(scope_suite());
	int failed;

	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
