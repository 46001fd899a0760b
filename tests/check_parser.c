/*
 * tests/check_parser.c -- Check tests of the rewriter's parser, AST and
 * printer: precedence and associativity (through an S-expression dump of
 * the AST), ASI, every statement kind, directive prologues, early errors
 * with their positions, the ES2015 rejection messages, nesting limits,
 * spans, interning, and printer output (parenthesization, fixpoint).
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rewriter/rewriter.h"

/* ------------------------------------------------------------------ helpers */

typedef struct sbuf {
	char  *s;
	size_t len, cap;
} sbuf;

static void
sb_put(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		ck_assert_ptr_nonnull(b->s);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
sb_str(sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

static void sx(sbuf *b, const rw_ast *ast, const rw_node *n);

static void
sx_list(sbuf *b, const rw_ast *ast, const rw_list *l)
{
	uint32_t i;

	for (i = 0; i < l->n; i++) {
		sb_str(b, " ");
		if (rw_item(l, i) == NULL)
			sb_str(b, "_");
		else
			sx(b, ast, rw_item(l, i));
	}
}

static void
sx_raw(sbuf *b, const rw_ast *ast, const rw_node *n)
{
	uint32_t s, e;

	rw_token_span(ast, n, &s, &e);
	sb_put(b, ast->src + s, e - s);
}

/* S-expression of an expression or statement, for precedence tests. */
static void
sx(sbuf *b, const rw_ast *ast, const rw_node *n)
{
	uint32_t i;

	switch (n->kind) {
	case RW_IDENT: case RW_NAME: case RW_NUMBER: case RW_STRING: case RW_REGEX:
		sx_raw(b, ast, n);
		break;
	case RW_THIS: sb_str(b, "this"); break;
	case RW_NEW_TARGET: sb_str(b, "new.target"); break;
	case RW_NULL: sb_str(b, "null"); break;
	case RW_BOOL: sb_str(b, n->u.boolean.value ? "true" : "false"); break;
	case RW_BINARY:
		sb_str(b, "(");
		sb_str(b, rw_op_text((rw_op)n->op));
		sb_str(b, " ");
		sx(b, ast, RW_N(n, binary.left));
		sb_str(b, " ");
		sx(b, ast, RW_N(n, binary.right));
		sb_str(b, ")");
		break;
	case RW_ASSIGN:
		sb_str(b, "(");
		sb_str(b, rw_op_text((rw_op)n->op));
		sb_str(b, " ");
		sx(b, ast, RW_N(n, assign.target));
		sb_str(b, " ");
		sx(b, ast, RW_N(n, assign.value));
		sb_str(b, ")");
		break;
	case RW_UNARY:
		sb_str(b, "(");
		sb_str(b, rw_op_text((rw_op)n->op));
		sb_str(b, " ");
		sx(b, ast, RW_N(n, unary.arg));
		sb_str(b, ")");
		break;
	case RW_UPDATE:
		sb_str(b, (n->flags & RW_PREFIX) ? "(pre" : "(post");
		sb_str(b, rw_op_text((rw_op)n->op));
		sb_str(b, " ");
		sx(b, ast, RW_N(n, update.arg));
		sb_str(b, ")");
		break;
	case RW_COND:
		sb_str(b, "(? ");
		sx(b, ast, RW_N(n, cond.test));
		sb_str(b, " ");
		sx(b, ast, RW_N(n, cond.then));
		sb_str(b, " ");
		sx(b, ast, RW_N(n, cond.alt));
		sb_str(b, ")");
		break;
	case RW_CALL:
	case RW_NEW:
		sb_str(b, n->kind == RW_CALL ? "(call " : (n->flags & RW_NEW_NO_ARGS) ? "(new0 " : "(new ");
		sx(b, ast, RW_N(n, call.callee));
		sx_list(b, ast, &n->u.call.args);
		sb_str(b, ")");
		break;
	case RW_DOT:
	case RW_INDEX:
		sb_str(b, n->kind == RW_DOT ? "(. " : "([] ");
		sx(b, ast, RW_N(n, member.object));
		sb_str(b, " ");
		sx(b, ast, RW_N(n, member.prop));
		sb_str(b, ")");
		break;
	case RW_SEQ:
		sb_str(b, "(,");
		sx_list(b, ast, &n->u.seq.items);
		sb_str(b, ")");
		break;
	case RW_ARRAY:
		sb_str(b, "[");
		sx_list(b, ast, &n->u.array.items);
		sb_str(b, " ]");
		break;
	case RW_OBJECT:
		sb_str(b, "{");
		for (i = 0; i < n->u.object.props.n; i++) {
			const rw_node *p = RW_ITEM(n, object.props, i);
			static const char *const pk[] = { "", "get ", "set ", "method " };

			sb_str(b, " ");
			sb_str(b, pk[p->u.prop.kind]);
			sx(b, ast, RW_N(p, prop.key));
			sb_str(b, ":");
			sx(b, ast, RW_N(p, prop.value));
		}
		sb_str(b, " }");
		break;
	case RW_FUNC_EXPR:
	case RW_FUNC_DECL:
		sb_str(b, "(function ");
		if (RW_N(n, fn.name) != NULL)
			sx(b, ast, RW_N(n, fn.name));
		sb_str(b, " (");
		sx_list(b, ast, &n->u.fn.params);
		sb_str(b, " )");
		sx_list(b, ast, &n->u.fn.body);
		sb_str(b, ")");
		break;
	case RW_EXPR_STMT:
		sx(b, ast, RW_N(n, expr_stmt.expr));
		break;
	default:
		sb_str(b, rw_kind_name((rw_kind)n->kind));
		break;
	}
}

static rw_ast *
parse_ok(const char *src)
{
	char err[256];
	rw_ast *ast = NULL;
	int rc = rw_parse("t.js", src, strlen(src), 0, &ast, err, sizeof err);

	ck_assert_msg(rc == 0, "parse of <%s> failed: %s", src, err);
	ck_assert_ptr_nonnull(ast);
	return ast;
}

/* The S-expression of the first statement of src. */
static char *
sexpr(const char *src)
{
	rw_ast *ast = parse_ok(src);
	sbuf b = { NULL, 0, 0 };

	ck_assert_uint_ge(ast->program->u.program.body.n, 1);
	sx(&b, ast, RW_ITEM(ast->program, program.body, 0));
	rw_ast_free(ast);
	return b.s;
}

#define SX(src, want) do { \
	char *got_ = sexpr(src); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

/* Expects a parse error whose message is exactly `want`. */
static void
expect_err(const char *src, const char *want)
{
	char err[256];
	rw_ast *ast = (rw_ast *)1;
	int rc = rw_parse("t.js", src, strlen(src), 0, &ast, err, sizeof err);

	ck_assert_msg(rc == -1, "parse of <%s> succeeded, expected <%s>", src, want);
	ck_assert_ptr_null(ast);
	ck_assert_str_eq(err, want);
}

static char *
print_of(const char *src)
{
	rw_ast *ast = parse_ok(src);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(rw_print(ast, f), 0);
	fclose(f);
	rw_ast_free(ast);
	return out;
}

#define PR(src, want) do { \
	char *got_ = print_of(src); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

/* ------------------------------------------------------------------ precedence */

START_TEST(test_precedence)
{
	SX("a + b * c", "(+ a (* b c))");
	SX("a * b + c", "(+ (* a b) c)");
	SX("a || b && c", "(|| a (&& b c))");
	SX("a | b ^ c & d", "(| a (^ b (& c d)))");
	SX("a == b < c", "(== a (< b c))");
	SX("a < b << c", "(< a (<< b c))");
	SX("a << b + c", "(<< a (+ b c))");
	SX("a in b instanceof c", "(instanceof (in a b) c)");
	SX("!a + b", "(+ (! a) b)");
	SX("-a * b", "(* (- a) b)");
	SX("typeof a === 'x'", "(=== (typeof a) 'x')");
	SX("a = b ? c : d", "(= a (? b c d))");
	SX("a ? b : c ? d : e", "(? a b (? c d e))");
	SX("a ? b = 1 : c = 2", "(? a (= b 1) (= c 2))");
	SX("a, b = c, d", "(, a (= b c) d)");
	SX("a.b.c(d)[e]", "([] (call (. (. a b) c) d) e)");
	SX("new a.b(c).d", "(. (new (. a b) c) d)");
	SX("new a", "(new0 a)");
	SX("new new a()()", "(new (new a))");
	SX("new a()()", "(call (new a))");
	SX("new (a())()", "(new (call a))");
	SX("a++ + ++b", "(+ (post++ a) (pre++ b))");
	SX("delete a.b", "(delete (. a b))");
	SX("void 0 || 1", "(|| (void 0) 1)");
	SX("(a + b) * c", "(* (+ a b) c)");
	SX("a.if.class", "(. (. a if) class)");
	SX("x = function () { return 1 }", "(= x (function  ( ) Return))");
}
END_TEST

START_TEST(test_associativity)
{
	SX("a - b - c", "(- (- a b) c)");
	SX("a / b / c", "(/ (/ a b) c)");
	SX("a = b = c", "(= a (= b c))");
	SX("a += b -= c", "(+= a (-= b c))");
	SX("a ** b ** c", "(** a (** b c))");
	SX("a && b && c", "(&& (&& a b) c)");
	SX("(-2) ** 2", "(** (- 2) 2)");
	SX("- - a", "(- (- a))");
	SX("!!a", "(! (! a))");
}
END_TEST

START_TEST(test_literals)
{
	rw_ast *ast;
	const rw_node *e;

	SX("[1, , 2, ]", "[ 1 _ 2 ]");
	SX("[, ]", "[ _ ]");
	SX("({a: 1, 'b': 2, 3: c, get d() {}, set d(v) {}})",
	   "{ a:1 'b':2 3:c get d:(function  ( )) set d:(function  ( v )) }");
	SX("({[k]: 1, m() {}, a})", "{ k:1 method m:(function  ( )) a:a }");
	SX("/a[/]b/gi.test(x)", "(call (. /a[/]b/gi test) x)");
	SX("x = 0x1F + 0o17 + 0b11 + 1e3", "(= x (+ (+ (+ 0x1F 0o17) 0b11) 1e3))");

	ast = parse_ok("'a\\x41\\u0042';");
	e = RW_N(RW_ITEM(ast->program, program.body, 0), expr_stmt.expr);
	ck_assert_int_eq(e->kind, RW_STRING);
	ck_assert_uint_eq(e->u.string.len, 3);
	ck_assert_str_eq(RW_S(e, string.value), "aAB");
	rw_ast_free(ast);

	ast = parse_ok("x = 0o17 + 1.5;");
	e = RW_N(RW_N(RW_ITEM(ast->program, program.body, 0), expr_stmt.expr), assign.value);
	ck_assert(rw_number(RW_N(e, binary.left)) == 15.0);
	ck_assert(rw_number(RW_N(e, binary.right)) == 1.5);
	rw_ast_free(ast);

	ast = parse_ok("/ab\\/c/g;");
	e = RW_N(RW_ITEM(ast->program, program.body, 0), expr_stmt.expr);
	ck_assert_int_eq(e->kind, RW_REGEX);
	ck_assert_uint_eq(e->u.regex.body_len, 5);
	rw_ast_free(ast);
}
END_TEST

/* ------------------------------------------------------------------ ASI */

static uint32_t
count_statements(const char *src)
{
	rw_ast *ast = parse_ok(src);
	uint32_t n = ast->program->u.program.body.n;

	rw_ast_free(ast);
	return n;
}

START_TEST(test_asi)
{
	/* restricted productions */
	SX("function f() { return\n1 }", "(function f ( ) Return 1)");
	ck_assert_uint_eq(count_statements("a\n++b"), 2);
	SX("a\n++b", "a");
	ck_assert_uint_eq(count_statements("x: while (1) { break\nx }"), 1);
	SX("a\n(b)", "(call a b)");
	SX("a = b\n/c/g", "(= a (/ (/ b c) g))");
	ck_assert_uint_eq(count_statements("{ 1\n2 } 3"), 2);
	ck_assert_uint_eq(count_statements("var a = 1\nvar b = 2"), 2);
	ck_assert_uint_eq(count_statements("do x--; while (x) y = 1"), 2);
	ck_assert_uint_eq(count_statements("do {} while (x)\ny"), 2);
	ck_assert_uint_eq(count_statements("a = 1;;"), 2);
	ck_assert_uint_eq(count_statements("if (a) /x/.test(b)"), 1);
	expect_err("var a = 1 var b", "t.js:1:11: expected ';' but found 'var'");
	expect_err("a b", "t.js:1:3: expected ';' but found identifier");
	expect_err("for (a\n;) x", "t.js:2:2: unexpected ')'");
	expect_err("for (a; b\n) x", "t.js:2:1: expected ';' but found ')'");
	expect_err("throw\n1", "t.js:2:1: line break after throw");
	expect_err("if (a)\nelse b", "t.js:2:1: unexpected 'else'");
	expect_err("a\n++\nb\n++", "t.js:4:3: unexpected end of input");
}
END_TEST

/* the offset (+ 1) of the first regex literal Duktape's lexer reads as
 * division, 0 for none */
static uint32_t
duk_div_regex(const char *src)
{
	rw_ast *ast = parse_ok(src);
	uint32_t off = ast->duk_div_regex;

	rw_ast_free(ast);
	return off;
}

/* Valid ES5.1 where a regex literal follows a token after which Duktape
 * reads '/' as division (a name, ++, --): the parser accepts it and marks
 * it (ferryc warns where), and marks nothing Duktape reads right. */
START_TEST(test_duk_div_regex)
{
	ck_assert_uint_eq(duk_div_regex("var a\n/x/.test(1)"), 7);
	ck_assert_uint_eq(duk_div_regex("var a, b\n/x/g.test(1)"), 10);
	ck_assert_uint_eq(duk_div_regex("x: for (;;) { break x\n/x/ }"), 23);
	ck_assert_uint_eq(duk_div_regex("var let\n/x/"), 9);
	ck_assert_uint_eq(duk_div_regex("++/x/.lastIndex"), 3);
	ck_assert_uint_eq(duk_div_regex("--/x/.lastIndex"), 3);
	ck_assert_uint_eq(duk_div_regex("a = /x/; var b\n/y/"), 16);
	ck_assert_uint_eq(duk_div_regex("x = /x/; if (a) /y/.test(b); return_ = [/z/]"), 0);
	ck_assert_uint_eq(duk_div_regex("{}\n/x/.test(1); do ; while (0) /x/; a = b\n/c/g"), 0);
	ck_assert_uint_eq(duk_div_regex("function f() { return /x/ } typeof /x/; a(/x/)"), 0);
}
END_TEST

/* ------------------------------------------------------------------ statements */

START_TEST(test_statement_kinds)
{
	static const char src[] =
		"var a = 1, b;\n"
		"const c = 2;\n"
		";\n"
		"{ a; }\n"
		"if (a) b; else c;\n"
		"do a; while (b);\n"
		"while (a) break;\n"
		"for (var i = 0; i < 1; i++) continue;\n"
		"for (k in o) ;\n"
		"L: for (;;) { continue L; }\n"
		"function f() { return 1; }\n"
		"with (o) a;\n"
		"switch (a) { case 1: b; default: c; }\n"
		"throw a;\n"
		"try { a; } catch (e) { b; } finally { c; }\n"
		"debugger;\n"
		"a = 1;\n";
	static const rw_kind kinds[] = {
		RW_VAR, RW_VAR, RW_EMPTY, RW_BLOCK, RW_IF, RW_DO_WHILE, RW_WHILE, RW_FOR,
		RW_FOR_IN, RW_LABELED, RW_FUNC_DECL, RW_WITH, RW_SWITCH, RW_THROW, RW_TRY,
		RW_DEBUGGER, RW_EXPR_STMT
	};
	rw_ast *ast = parse_ok(src);
	const rw_list *body = &ast->program->u.program.body;
	const rw_node *n;
	uint32_t i;

	ck_assert_uint_eq(body->n, sizeof kinds / sizeof *kinds);
	for (i = 0; i < body->n; i++)
		ck_assert_msg(rw_item(body, i)->kind == kinds[i], "statement %u is %s", i,
		              rw_kind_name((rw_kind)rw_item(body, i)->kind));
	ck_assert(rw_item(body, 1)->flags & RW_CONST);
	ck_assert_uint_eq(rw_item(body, 0)->u.var.decls.n, 2);
	ck_assert_ptr_null(RW_N(RW_ITEM(rw_item(body, 0), var.decls, 1), decl.init));
	n = rw_item(body, 7);
	ck_assert(RW_N(n, for_.init)->flags & RW_IN_FOR_HEAD);
	/* continue L targets the labelled statement */
	n = rw_item(body, 9);
	ck_assert_ptr_eq(RW_N(RW_ITEM(RW_N(RW_N(n, labeled.body), for_.body), block.body, 0), jump.target), n);
	ck_assert_str_eq(RW_S(n, labeled.label), "L");
	/* unlabelled break targets the loop */
	n = rw_item(body, 6);
	ck_assert_ptr_eq(RW_N(RW_N(n, loop.body), jump.target), n);
	n = rw_item(body, 12);
	ck_assert_uint_eq(n->u.switch_.cases.n, 2);
	ck_assert_ptr_null(RW_N(RW_ITEM(n, switch_.cases, 1), case_.test));
	n = rw_item(body, 14);
	ck_assert_int_eq(RW_N(n, try_.handler)->kind, RW_CATCH);
	ck_assert_str_eq(RW_S(RW_N(RW_N(n, try_.handler), catch_.param), ident.name), "e");
	ck_assert_ptr_nonnull(RW_N(n, try_.finalizer));
	rw_ast_free(ast);
}
END_TEST

START_TEST(test_functions)
{
	rw_ast *ast = parse_ok(
		"function f(a, b) { 'use strict'; function g() {} }\n"
		"var h = function k() { if (x) { function m() {} } };\n"
		"o = { get p() { return 1; }, set p(v) {} };\n");
	const rw_list *body = &ast->program->u.program.body;
	const rw_node *f = rw_item(body, 0), *g, *k, *m, *get;

	ck_assert_int_eq(f->kind, RW_FUNC_DECL);
	ck_assert_str_eq(RW_S(RW_N(f, fn.name), ident.name), "f");
	ck_assert_uint_eq(f->u.fn.params.n, 2);
	ck_assert(f->u.fn.flags & RW_FN_STRICT);
	ck_assert(f->u.fn.flags & RW_FN_OWN_STRICT);
	ck_assert(RW_ITEM(f, fn.body, 0)->flags & RW_DIRECTIVE);
	ck_assert(RW_ITEM(f, fn.body, 0)->flags & RW_USE_STRICT);
	ck_assert_int_eq(f->u.fn.site, -1);
	ck_assert_int_eq(f->u.fn.scope, 0);
	ck_assert_uint_eq(f->u.fn.body_start, 17);
	ck_assert_uint_eq(f->u.fn.body_end, f->span.end);
	ck_assert_int_eq(ast->src[f->u.fn.params_start], '(');
	g = RW_ITEM(f, fn.body, 1);
	ck_assert(g->u.fn.flags & RW_FN_STRICT);
	ck_assert(!(g->u.fn.flags & RW_FN_OWN_STRICT));
	ck_assert(!(g->u.fn.flags & RW_FN_IN_BLOCK));
	k = RW_N(RW_ITEM(rw_item(body, 1), var.decls, 0), decl.init);
	ck_assert_int_eq(k->kind, RW_FUNC_EXPR);
	ck_assert(!(k->u.fn.flags & RW_FN_STRICT));
	m = RW_ITEM(RW_N(RW_ITEM(k, fn.body, 0), if_.then), block.body, 0);
	ck_assert_int_eq(m->kind, RW_FUNC_DECL);
	ck_assert(m->u.fn.flags & RW_FN_IN_BLOCK);
	get = RW_ITEM(RW_N(RW_N(rw_item(body, 2), expr_stmt.expr), assign.value), object.props, 0);
	ck_assert_int_eq(get->u.prop.kind, RW_PROP_GET);
	ck_assert(RW_N(get, prop.value)->u.fn.flags & RW_FN_GETTER);
	ck_assert_uint_eq(ast->fn_count, 6);
	rw_ast_free(ast);
}
END_TEST

START_TEST(test_directives)
{
	rw_ast *ast;

	ast = parse_ok("'use strict'; x;");
	ck_assert(ast->program->u.program.strict);
	rw_ast_free(ast);
	/* not directives: escaped, parenthesized, not first */
	ast = parse_ok("'use\\x20strict'; with (a) b;");
	ck_assert(!ast->program->u.program.strict);
	ck_assert(RW_ITEM(ast->program, program.body, 0)->flags & RW_DIRECTIVE);
	rw_ast_free(ast);
	ast = parse_ok("('use strict'); with (a) b;");
	ck_assert(!ast->program->u.program.strict);
	rw_ast_free(ast);
	ast = parse_ok("a; 'use strict'; with (a) b;");
	ck_assert(!ast->program->u.program.strict);
	rw_ast_free(ast);
	ast = parse_ok("'a'; 'use strict'; x;");
	ck_assert(ast->program->u.program.strict);
	rw_ast_free(ast);
	ast = parse_ok("'use strict' + 1; with (a) b;");
	ck_assert(!ast->program->u.program.strict);
	rw_ast_free(ast);
	expect_err("'use strict'; with (a) b;", "t.js:1:15: with statement is not allowed in strict mode");
	expect_err("function f() { '\\01'; 'use strict'; }",
	           "t.js:1:16: octal escape sequence is not allowed in strict mode");
}
END_TEST

/* ------------------------------------------------------------------ errors */

START_TEST(test_early_errors_strict)
{
	expect_err("'use strict'; 010", "t.js:1:15: octal literal is not allowed in strict mode");
	expect_err("'use strict'; 08", "t.js:1:15: decimal literal with a leading zero is not allowed in strict mode");
	expect_err("'use strict'; '\\07'", "t.js:1:15: octal escape sequence is not allowed in strict mode");
	expect_err("'use strict'; delete x;", "t.js:1:15: delete of an unqualified identifier in strict mode");
	expect_err("'use strict'; delete (x);", "t.js:1:15: delete of an unqualified identifier in strict mode");
	expect_err("'use strict'; eval = 1;", "t.js:1:15: cannot assign to 'eval' in strict mode");
	expect_err("'use strict'; arguments++;", "t.js:1:15: cannot assign to 'arguments' in strict mode");
	expect_err("'use strict'; ++eval;", "t.js:1:17: cannot assign to 'eval' in strict mode");
	expect_err("'use strict'; var eval;", "t.js:1:19: cannot declare 'eval' in strict mode");
	expect_err("'use strict'; try {} catch (arguments) {}", "t.js:1:29: cannot declare 'arguments' in strict mode");
	expect_err("'use strict'; for (eval in o);", "t.js:1:20: cannot assign to 'eval' in strict mode");
	expect_err("function eval() { 'use strict'; }", "t.js:1:10: cannot name a function 'eval' in strict mode");
	expect_err("function f(eval) { 'use strict'; }", "t.js:1:12: cannot declare 'eval' in strict mode");
	expect_err("function f(a, a) { 'use strict'; }", "t.js:1:15: duplicate parameter name 'a' in strict mode");
	expect_err("'use strict'; function f(a, b, a) {}", "t.js:1:32: duplicate parameter name 'a' in strict mode");
	expect_err("'use strict'; var let;", "t.js:1:19: 'let' is a reserved word in strict mode");
	expect_err("'use strict'; var yield;", "t.js:1:19: 'yield' is a reserved word in strict mode");
	expect_err("function static() { 'use strict'; }", "t.js:1:10: 'static' is a reserved word in strict mode");
	expect_err("function f(public) { 'use strict'; }", "t.js:1:12: 'public' is a reserved word in strict mode");
	/* sloppy: all fine */
	rw_ast_free(parse_ok("010; delete x; eval = 1; var let, yield, static; function f(a, a) {} with (o) {}"));
}
END_TEST

START_TEST(test_early_errors_sloppy)
{
	expect_err("1 = 2", "t.js:1:1: invalid assignment target");
	expect_err("a + b = c", "t.js:1:1: invalid assignment target");
	expect_err("++1", "t.js:1:3: invalid '++' target");
	expect_err("(a, b)--", "t.js:1:1: invalid '--' target");
	expect_err("for (a + b in c);", "t.js:1:6: invalid for-in target");
	expect_err("break;", "t.js:1:1: break outside a loop or switch");
	expect_err("continue;", "t.js:1:1: continue outside a loop");
	expect_err("switch (a) { case 1: continue; }", "t.js:1:22: continue outside a loop");
	expect_err("L: { continue L; }", "t.js:1:15: continue target 'L' is not a loop");
	expect_err("while (1) break M;", "t.js:1:17: undefined label 'M'");
	expect_err("L: while (1) { (function () { break L; }); }", "t.js:1:37: undefined label 'L'");
	expect_err("while (1) { (function () { break; }); }", "t.js:1:28: break outside a loop or switch");
	expect_err("return 1;", "t.js:1:1: return outside a function");
	expect_err("L: L: ;", "t.js:1:4: duplicate label 'L'");
	expect_err("L: { L: ; }", "t.js:1:6: duplicate label 'L'");
	expect_err("x = {get a(b) {}}", "t.js:1:12: a getter must have no parameters");
	expect_err("x = {set a() {}}", "t.js:1:11: a setter must have exactly one parameter");
	expect_err("x = {set a(b, c) {}}", "t.js:1:11: a setter must have exactly one parameter");
	expect_err("switch (a) { default: default: }", "t.js:1:23: more than one default clause in switch");
	expect_err("try {}", "t.js:1:7: missing catch or finally after try");
	expect_err("var enum;", "t.js:1:5: unexpected 'enum'");
	expect_err("v\\u0061r x;", "t.js:1:1: reserved word 'var' written with escapes cannot be an identifier");
	expect_err("x = 1 +", "t.js:1:8: unexpected end of input");
	expect_err("x = '", "t.js:1:5: unterminated string literal");
	expect_err("a.1", "t.js:1:2: expected ';' but found number");
	/* allowed: labels reused in sequence, L: loop continue, call targets (runtime error) */
	rw_ast_free(parse_ok("L: ; L: ; L: M: while (1) continue L; f() = 1; for (f() in o);"));
	rw_ast_free(parse_ok("L: { break L; } x = { get: 1, set: 2, get a() {}, set a(v) {} };"));
	/* Duktape 2.7 takes a labelled string first in a body for a directive
	 * (x: 'use strict' makes the code strict there); found by fuzz_front */
	expect_err("x: 'use strict'; with (o) {}",
	           "t.js:1:4: a labelled string at the start of a program or function is a directive "
	           "to Duktape 2.7; remove the label");
	expect_err("function f() { 'a'; x: y: 'b'; }",
	           "t.js:1:27: a labelled string at the start of a program or function is a directive "
	           "to Duktape 2.7; remove the label");
	rw_ast_free(parse_ok("x: ('a'); y: 'a' + 1; z: { 'use strict'; } var a; w: 'a';"));
}
END_TEST

START_TEST(test_es2015_messages)
{
#define E6(src, pos, what) expect_err(src, "t.js:" pos ": " what " is ES2015 syntax; Ferry accepts ES5.1")
	E6("a => 1", "1:1", "arrow function");
	E6("x = (a, b) => a", "1:5", "arrow function");
	E6("x = () => 1", "1:5", "arrow function");
	E6("class A {}", "1:1", "class");
	E6("x = class {}", "1:5", "class");
	E6("let x = 1;", "1:1", "let declaration");
	E6("for (let i = 0;;);", "1:6", "let declaration");
	E6("x = `a`", "1:5", "template literal");
	E6("f`a`", "1:2", "tagged template");
	E6("var {a} = o;", "1:5", "destructuring");
	E6("var [a] = o;", "1:5", "destructuring");
	E6("[a, b] = [b, a];", "1:1", "destructuring assignment");
	E6("({a} = o);", "1:2", "destructuring assignment");
	E6("f(...a);", "1:3", "spread argument");
	E6("x = [...a];", "1:6", "spread element");
	E6("for (x of y);", "1:8", "for-of");
	E6("for (var x of y);", "1:12", "for-of");
	E6("function f(a = 1) {}", "1:14", "default parameter");
	E6("function f(...a) {}", "1:12", "rest parameter");
	E6("function* g() {}", "1:9", "generator function");
	E6("x = {*g() {}};", "1:6", "generator method");
	E6("async function f() {}", "1:1", "async function");
	E6("x = async function () {};", "1:5", "async function");
	/* new.target: Duktape 2.7 compiles it in function code only */
	expect_err("new.target", "t.js:1:1: new.target outside a function");
	expect_err("x = {a: new.target};", "t.js:1:9: new.target outside a function");
	expect_err("function f() { new.foo; }", "t.js:1:20: expected 'target' after 'new.' but found 'foo'");
	expect_err("function f() { new.if; }", "t.js:1:20: expected 'target' after 'new.' but found 'if'");
	E6("import a from 'b';", "1:1", "module syntax (import/export)");
	E6("export var a;", "1:1", "module syntax (import/export)");
	E6("try {} catch {}", "1:14", "optional catch binding");
	E6("function f({a}) {}", "1:12", "destructuring");
	E6("x = {a = 1};", "1:6", "destructuring");
	expect_err("/a/u", "t.js:1:4: regular expression flag 'u' is ES2015 syntax; Ferry accepts ES5.1");
	/* accepted ES2015 pieces (Duktape 2.7 runs them) */
	rw_ast_free(parse_ok("const a = 1; x = 0o17 + 0b1 + 2 ** 3; o = {[k]: 1, m() {}, a};"));
	SX("function f() { new.target; }", "(function f ( ) new.target)");
	expect_err("function f() { new.t\\u0061rget; }", "t.js:1:20: 'target' after 'new.' cannot contain escapes");
	SX("function f() { new new.target(new . target.name)[0]; }",
	   "(function f ( ) ([] (new new.target (. new.target name)) 0))");
	SX("x = { get g() { new.target; } };", "(= x { get g:(function  ( ) new.target) })");
	/* let is an identifier in sloppy ES5 */
	rw_ast_free(parse_ok("var let = 1; let = 2; let; let\n+1;"));
	/* `let [` and `let` NEWLINE name are ES5 expressions when the program
	 * declares or assigns `let`, else ES2015 declarations (found by fuzz_front:
	 * a function named let gets `let[let.$Fk[6]] = ...` in the maker unit) */
	SX("let[0] = 2; var let = [1];", "(= ([] let 0) 2)");
	SX("let\n[0]; function let() {}", "([] let 0)");
	SX("for (let[0] in o); let = {};", "ForIn");
	SX("let\nx = 1; var let;", "let");
	SX("let\n{} function f(let) {}", "let");
	E6("let [a, b] = [1, 2];", "1:1", "let declaration");
	E6("f(let); let [a] = o;", "1:9", "let declaration");
	E6("for (let [let];;);", "1:6", "let declaration");
	E6("x = 1; let [a,,b] = 1;", "1:8", "let declaration");
	E6("x; let [a,] = 1; var let;", "1:4", "let declaration");
	SX("let[0]++; catch_: try {} catch (let) {}", "(post++ ([] let 0))");
	expect_err("var let; let [a,,b] = 1;", "t.js:1:17: unexpected ','");
	E6("var let; (function () { 'use strict'; let [a] = o; });", "1:39", "let declaration");
	E6("x = 1;\nlet\ny = 2;", "2:1", "let declaration");
	E6("for (let [a] = o;;);", "1:6", "let declaration");
	rw_ast_free(parse_ok("var let; for (let [a] = o;;);"));
	E6("var let; let {a} = o;", "1:10", "let declaration");
	E6("var let; let y;", "1:10", "let declaration");
	expect_err("x = -2 ** 2", "t.js:1:8: a unary expression before '**' needs parentheses");
	expect_err("const a;", "t.js:1:7: missing initializer in const declaration");
	E6("x = {get() {}}", "1:6", "a shorthand method named 'get'");
	/* Duktape 2.7 cannot compile these either (found by fuzz_front) */
	E6("x = {a, get}", "1:9", "a shorthand property named 'get'");
	E6("x = {set\n}", "1:6", "a shorthand property named 'set'");
	E6("x = {g\\u0065t}", "1:6", "a shorthand property named 'get'");
	E6("x = {s\\u0065t() {}}", "1:6", "a shorthand method named 'set'");
	rw_ast_free(parse_ok("x = {get: 1, set: 2, \"get\"() {}, g\\u0065t: 3}"));
	E6("x = {[a]() {}}", "1:6", "computed method name");
	E6("x = {get [a]() {}}", "1:11", "computed accessor name");
	E6("x = {if() {}}", "1:6", "a shorthand method named by a reserved word");
	E6("'use strict'; x = {yield() {}}", "1:20", "a shorthand method named by a reserved word");
	E6("for (const a in b);", "1:6", "const in a for-in head");
	E6("for (const a = 1;;);", "1:6", "const in a for head");
	E6("for (const a of b);", "1:14", "for-of");
	E6("x = {a() { super.b(); }}", "1:12", "super");
	expect_err("'use strict'; L: function f() {}", "t.js:1:18: a function declaration cannot be labelled in strict mode");
	rw_ast_free(parse_ok("x = {yield() {}, 'a'() {}, 1() {}, get if() {}}; L: function f() {}"));
#undef E6
}
END_TEST

/* ------------------------------------------------------------------ limits */

static char *
nested(const char *open, const char *mid, const char *close, int n)
{
	size_t lo = strlen(open), lm = strlen(mid), lc = strlen(close);
	char *s = malloc(lo * n + lm + lc * n + 1), *p = s;
	int i;

	ck_assert_ptr_nonnull(s);
	for (i = 0; i < n; i++, p += lo)
		memcpy(p, open, lo);
	memcpy(p, mid, lm);
	p += lm;
	for (i = 0; i < n; i++, p += lc)
		memcpy(p, close, lc);
	*p = '\0';
	return s;
}

static void
expect_too_deep(const char *src)
{
	char err[256];
	rw_ast *ast = NULL;
	int rc = rw_parse("t.js", src, strlen(src), 0, &ast, err, sizeof err);

	ck_assert_int_eq(rc, -1);
	ck_assert_ptr_null(ast);
	ck_assert_msg(strstr(err, "nested too deeply") != NULL, "got: %s", err);
	ck_assert_msg(strncmp(err, "t.js:1:", 7) == 0, "got: %s", err);
}

START_TEST(test_depth)
{
	char *s;

	s = nested("(", "1", ")", 100000);
	expect_too_deep(s);
	free(s);
	s = nested("[", "1", "]", 100000);
	expect_too_deep(s);
	free(s);
	s = nested("{", "", "}", 100000);
	expect_too_deep(s);
	free(s);
	s = nested("!", "1", "", 100000);
	expect_too_deep(s);
	free(s);
	s = nested("function f(){", "", "}", 100000);
	expect_too_deep(s);
	free(s);
	s = nested("a=", "1", "", 100000);
	expect_too_deep(s);
	free(s);
	s = nested("1+", "1", "", 100000);     /* a left-deep tree */
	expect_too_deep(s);
	free(s);
	s = nested("a.b", "", "", 1);
	free(s);
	s = nested("if(1)", "x", "", 100000);
	expect_too_deep(s);
	free(s);
	/* reasonable nesting parses */
	s = nested("(", "1", ")", 400);
	rw_ast_free(parse_ok(s));
	free(s);
	s = nested("{", "", "}", 400);
	rw_ast_free(parse_ok(s));
	free(s);
	s = nested("1+", "1", "", 500);
	rw_ast_free(parse_ok(s));
	free(s);
	/* RW_PARSE_DEEP (ferryc, on its large stack): RW_MAX_DEPTH_DEEP levels;
	 * rw_ast.depth is the deepest nesting met */
	{
		char err[256];
		rw_ast *ast = NULL;

		s = nested("1+", "1", "", 3000);
		ck_assert_int_eq(rw_parse("t.js", s, strlen(s), 0, &ast, err, sizeof err), -1);
		ck_assert_msg(strstr(err, "more than 1000 levels") != NULL, "got: %s", err);
		ck_assert_int_eq(rw_parse("t.js", s, strlen(s), RW_PARSE_DEEP, &ast, err, sizeof err), 0);
		ck_assert_uint_ge(ast->depth, 3000);
		ck_assert_uint_lt(ast->depth, 3010);
		rw_ast_free(ast);
		free(s);
		/* (a chain: the parser loops over it; 20000 nested parentheses
		 * would need ferryc's large stack) */
		s = nested("1+", "1", "", RW_MAX_DEPTH_DEEP + 1);
		ck_assert_int_eq(rw_parse("t.js", s, strlen(s), RW_PARSE_DEEP, &ast, err, sizeof err), -1);
		ck_assert_msg(strstr(err, "more than 20000 levels") != NULL, "got: %s", err);
		free(s);
		ast = parse_ok("x = ((1));");
		ck_assert_uint_lt(ast->depth, 10);
		rw_ast_free(ast);
	}
}
END_TEST

/* ------------------------------------------------------------------ spans, names */

START_TEST(test_spans)
{
	rw_ast *ast = parse_ok("var a = 1;\n/* \xc3\xa9\xc3\xa9 */ foo(bar, (baz));\n");
	const rw_node *s = RW_ITEM(ast->program, program.body, 1), *call, *baz;
	uint32_t line, col, ts, te;

	rw_position(ast, s->span.start, &line, &col);
	ck_assert_uint_eq(line, 2);
	ck_assert_uint_eq(col, 10);              /* code points: the two é count once */
	ck_assert_uint_eq(s->span.start, 22);
	ck_assert_int_eq(ast->src[s->span.end - 1], ';');
	call = RW_N(s, expr_stmt.expr);
	ck_assert_uint_eq(call->span.start, 22);
	ck_assert_int_eq(ast->src[call->span.end - 1], ')');
	baz = RW_ITEM(call, call.args, 1);
	ck_assert(baz->flags & RW_PARENS);
	ck_assert_int_eq(ast->src[baz->span.start], '(');
	rw_token_span(ast, baz, &ts, &te);
	ck_assert_uint_eq(te - ts, 3);
	ck_assert(memcmp(ast->src + ts, "baz", 3) == 0);
	rw_ast_free(ast);
	/* non-leaves too, nested parentheses, ids not in creation order */
	ast = parse_ok("x = ([ (a) , ((function () {})) ]);");
	{
		const rw_node *arr = RW_N(RW_N(RW_ITEM(ast->program, program.body, 0), expr_stmt.expr), assign.value);
		const rw_node *fn = RW_ITEM(arr, array.items, 1);

		ck_assert(arr->flags & RW_PARENS);
		rw_token_span(ast, arr, &ts, &te);
		ck_assert_uint_eq(ts, 5);
		ck_assert_int_eq(ast->src[te - 1], ']');
		rw_token_span(ast, RW_ITEM(arr, array.items, 0), &ts, &te);
		ck_assert_uint_eq(ts, 8);
		ck_assert_uint_eq(te, 9);
		ck_assert_int_eq(ast->src[fn->span.start], '(');
		rw_token_span(ast, fn, &ts, &te);
		ck_assert(memcmp(ast->src + ts, "function", 8) == 0);
		ck_assert_int_eq(ast->src[te - 1], '}');
	}
	rw_ast_free(ast);
	ast = parse_ok("var a = 1;\n/* \xc3\xa9\xc3\xa9 */ foo(bar, (baz));\n");
	call = RW_N(RW_ITEM(ast->program, program.body, 1), expr_stmt.expr);
	rw_position(ast, RW_ITEM(call, call.args, 0)->span.start, &line, &col);
	ck_assert_uint_eq(line, 2);
	ck_assert_uint_eq(col, 14);
	ck_assert_uint_eq(ast->program->span.end, ast->len);
	rw_ast_free(ast);
}
END_TEST

/* Line and column of off by a plain walk from the start (the lexer's
 * rules: LF, CR, CRLF, U+2028, U+2029 end lines; columns count code points). */
static void
naive_position(const char *src, uint32_t off, uint32_t *line, uint32_t *col)
{
	const unsigned char *s = (const unsigned char *)src;
	uint32_t i = 0, l = 1, c = 1;

	while (i < off) {
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n')) {
			l++;
			c = 1;
			i++;
		} else if (s[i] == '\r') {
			if (i + 1 == off)       /* inside a CRLF: still on the CR's line */
				return (void)(*line = l, *col = c + 1);
			l++;
			c = 1;
			i += 2;
		} else if (s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
			if (off < i + 3)
				return (void)(*line = l, *col = c + 1);
			l++;
			c = 1;
			i += 3;
		} else {
			if ((s[i] & 0xC0) != 0x80)
				c++;
			i++;
		}
	}
	*line = l;
	*col = c;
}

/* rw_position at every offset, in source order, backwards and jumping
 * around (it remembers its last answer on non-ASCII lines). */
START_TEST(test_positions)
{
	static const char src[] =
		"var a = 1;\r\n// \xc3\xa9t\xc3\xa9 \xe2\x82\xac\n"
		"x = '\xc3\xa9' + \"\xf0\x9f\x98\x80\" + b;\rline3 /* \xe2\x80\xa8 */ y;\n"
		"\xe2\x80\xa9z = \"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\" + q\n\nlast(1, 2);";
	rw_ast *ast = parse_ok(src);
	uint32_t len = (uint32_t)strlen(src), off, k, line, col, l2, c2;

	for (k = 0; k < 3; k++)
		for (off = 0; off <= len; off++) {
			uint32_t o = k == 0 ? off : k == 1 ? len - off : (off * 7919u) % (len + 1);

			if (o < len && ((unsigned char)src[o] & 0xC0) == 0x80)
				continue;   /* inside a UTF-8 sequence: no token starts there */
			if (o > 0 && src[o - 1] == '\r' && src[o] == '\n')
				continue;   /* inside a CRLF */
			rw_position(ast, o, &line, &col);
			naive_position(src, o, &l2, &c2);
			ck_assert_msg(line == l2 && col == c2, "offset %u: %u:%u, expected %u:%u",
			              o, line, col, l2, c2);
		}
	rw_ast_free(ast);
}
END_TEST

typedef struct seen_set {
	const rw_node **v;
	uint32_t        n, cap;
} seen_set;

static int
collect_nodes(rw_node *n, void *ud)
{
	seen_set *s = ud;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		ck_assert_ptr_nonnull(s->v);
	}
	s->v[s->n++] = n;
	return rw_children(n, collect_nodes, ud);
}

static int
cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const rw_node *const *)a, y = (uintptr_t)*(const rw_node *const *)b;

	return x < y ? -1 : x > y;
}

START_TEST(test_ids_and_names)
{
	rw_ast *ast = parse_ok("function f(a) { return a + \\u0061 + o.a; } var a = {a: 1};");
	seen_set seen = {0};
	const rw_node *f = RW_ITEM(ast->program, program.body, 0), *ret;
	uint32_t i;

	/* every node counted is reachable, once */
	collect_nodes(ast->program, &seen);
	ck_assert_uint_eq(seen.n, ast->node_count);
	qsort(seen.v, seen.n, sizeof *seen.v, cmp_ptr);
	for (i = 1; i < seen.n; i++)
		ck_assert_ptr_ne(seen.v[i - 1], seen.v[i]);
	free(seen.v);
	/* interned: equal names are equal pointers, escapes decoded */
	ret = RW_N(RW_ITEM(f, fn.body, 0), ret.arg);
	ck_assert_ptr_eq(RW_S(RW_N(RW_N(ret, binary.left), binary.left), ident.name), RW_S(RW_ITEM(f, fn.params, 0), ident.name));
	ck_assert_ptr_eq(RW_S(RW_N(RW_N(ret, binary.left), binary.right), ident.name), RW_S(RW_ITEM(f, fn.params, 0), ident.name));
	ck_assert_int_eq(RW_N(RW_N(ret, binary.right), member.prop)->kind, RW_NAME);
	ck_assert_ptr_eq(rw_intern(ast, "a", 1), RW_S(RW_ITEM(f, fn.params, 0), ident.name));
	rw_ast_free(ast);
}
END_TEST

START_TEST(test_memory)
{
	/* dense code (3.2 source bytes per node): the AST stays within 10x the
	 * source size (minified code ~8-9x, typical code ~3-5x; see doc/parser.md) */
	static const char unit[] =
		"function point(x, y) {\n"
		"  var self = { x: x, y: y, norm: function () { return Math.sqrt(this.x * this.x + this.y * this.y); } };\n"
		"  for (var i = 0; i < 10; i++) { if (i % 2 === 0) { self.x += i; } else { self.y -= i; } }\n"
		"  return self;\n"
		"}\n"
		"var list = [];\n"
		"for (var k = 0; k < 100; k++) list.push(point(k, k * 2).norm());\n";
	size_t n = 2000, i, len = strlen(unit);
	char *src = malloc(len * n + 1);
	rw_ast *ast;

	for (i = 0; i < n; i++)
		memcpy(src + i * len, unit, len);
	src[len * n] = '\0';
	ast = parse_ok(src);
	ck_assert_msg(rw_ast_memory(ast) <= 10 * len * n, "AST uses %zu bytes for %zu bytes of source",
	              rw_ast_memory(ast), len * n);
	rw_ast_free(ast);
	free(src);
}
END_TEST

/* Out of memory: under an address-space limit a big parse fails with -2
 * and a message, never a crash. Needs fork mode (the limit stays in the
 * test's child process). */
START_TEST(test_out_of_memory)
{
	static const char unit[] = "var o = {a: [1, 2, 3], f: function (x) { return x * 2 + y; }};\n";
	size_t n = 60000, i, len = strlen(unit);
	unsigned long vm_pages = 0;
	FILE *f;
	char *src, err[256];
	rw_ast *ast = (rw_ast *)1;
	struct rlimit rl;
	const char *fork_env = getenv("CK_FORK");
	int rc;

	if (fork_env != NULL && strcmp(fork_env, "no") == 0)
		return;
	src = malloc(len * n + 1);
	ck_assert_ptr_nonnull(src);
	for (i = 0; i < n; i++)
		memcpy(src + i * len, unit, len);
	src[len * n] = '\0';
	/* 4 MB of source needs about 40 MB of AST: allow 16 MB more than now */
	f = fopen("/proc/self/statm", "r");
	if (f == NULL)
		return;   /* not Linux: no cheap way to know the current size */
	ck_assert_int_eq(fscanf(f, "%lu", &vm_pages), 1);
	fclose(f);
	ck_assert_int_eq(getrlimit(RLIMIT_AS, &rl), 0);
	rl.rlim_cur = (rlim_t)vm_pages * (rlim_t)sysconf(_SC_PAGESIZE) + 16u * 1024u * 1024u;
	ck_assert_int_eq(setrlimit(RLIMIT_AS, &rl), 0);
	rc = rw_parse("big.js", src, len * n, 0, &ast, err, sizeof err);
	ck_assert_int_eq(rc, -2);
	ck_assert_ptr_null(ast);
	ck_assert_str_eq(err, "big.js: out of memory");
	free(src);
}
END_TEST

/* ------------------------------------------------------------------ printer */

START_TEST(test_print)
{
	PR("a + b * c", "a + b * c;\n");
	PR("(a + b) * c", "(a + b) * c;\n");
	PR("a - (b - c)", "a - (b - c);\n");
	PR("(a - b) - c", "a - b - c;\n");
	PR("a ** (b ** c)", "a ** b ** c;\n");
	PR("(a ** b) ** c", "(a ** b) ** c;\n");
	PR("(-a) ** b", "(-a) ** b;\n");
	PR("- (-a)", "- -a;\n");
	PR("+ +a", "+ +a;\n");
	PR("- --a", "- --a;\n");
	PR("a + +b", "a + +b;\n");
	PR("a++ + ++b", "a++ + ++b;\n");
	PR("typeof (a)", "typeof a;\n");
	PR("(function () {})()", "(function () {}());\n");
	PR("({}).x", "({}.x);\n");
	PR("({a: 1})", "({a: 1});\n");
	PR("new (a())()", "new (a())();\n");
	PR("new (a().b)()", "new (a().b)();\n");
	PR("(new a).b", "(new a).b;\n");
	PR("(new a)()", "(new a)();\n");
	PR("new (new a)", "new (new a);\n");
	PR("(1).toString()", "(1).toString();\n");
	PR("1.5.toString()", "(1.5).toString();\n");
	PR("for (var i = ('a' in o); ;) ;", "for (var i = ('a' in o);;);\n");
	PR("for ((a in b); c;) ;", "for ((a in b); c;);\n");
	PR("for (x = (a in b) ? 1 : 2;;) ;", "for (x = (a in b) ? 1 : 2;;);\n");
	PR("f((a, b))", "f((a, b));\n");
	PR("x = (a, b)", "x = (a, b);\n");
	PR("a ? (b, c) : d", "a ? (b, c) : d;\n");
	PR("(a = b) ? c : d", "(a = b) ? c : d;\n");
	PR("('use strict')", "('use strict');\n");
	PR("'use strict'; x", "'use strict';\nx;\n");
	PR("[a, , b, , ]", "[a, , b, ,];\n");
	PR("x = /re/g", "x = /re/g;\n");
	PR("a = b / /c/g", "a = b / /c/g;\n");
	PR("if (a) if (b) c; else d", "if (a)\n  if (b)\n    c;\n  else\n    d;\n");
	PR("if (a) { if (b) c; } else d", "if (a) {\n  if (b)\n    c;\n} else\n  d;\n");
	PR("do x(); while (y)", "do\n  x();\nwhile (y);\n");
	PR("L: for (;;) break L", "L: for (;;)\n  break L;\n");
	PR("function f(a, b) { return a }", "function f(a, b) {\n  return a;\n}\n");
	PR("x = {get a() { return 1 }, set a(v) {}, m() {}, [k]: 1, b}",
	   "x = {get a() {\n  return 1;\n}, set a(v) {}, m() {}, [k]: 1, b};\n");
	PR("'\\u0041' + \"\\x41\" + 0x41 + 1e3", "'\\u0041' + \"\\x41\" + 0x41 + 1e3;\n");
	PR("v\\u0061r1 = 1", "v\\u0061r1 = 1;\n");
	PR("try { a } catch (e) { b } finally { c }", "try {\n  a;\n} catch (e) {\n  b;\n} finally {\n  c;\n}\n");
	PR("switch (a) { case 1: b; default: }", "switch (a) {\ncase 1:\n  b;\ndefault:\n}\n");
	/* `let [` starting a statement or a for-head would read as ES2015 in a
	 * program that neither declares nor assigns let (found by fuzz_front) */
	PR("(let)[0] = 1", "(let)[0] = 1;\n");
	PR("(let)[0]++, (let)[1]", "(let)[0]++, let[1];\n");
	PR("for ((let)[0] in o) ;", "for ((let)[0] in o);\n");
	PR("for ((let)[0] = 1;;) ;", "for ((let)[0] = 1;;);\n");
	PR("(let); (let).x; x = (let)[0]; lets[0]", "let;\nlet.x;\nx = let[0];\nlets[0];\n");
	PR("var let; let[0] = 1", "var let;\n(let)[0] = 1;\n");
}
END_TEST

START_TEST(test_print_fixpoint)
{
	static const char *const progs[] = {
		"a = b ? c : d ? e : f; x = (a, b), c; y = !(a && b) || c;",
		"new Foo.Bar(a)(b).c[d](e); new (Foo())(); new new X;",
		"for (var i = 0, j = ('x' in o); i < j; i++, j--) { continue; }",
		"(function () { 'use strict'; return this; })(); !function () {}();",
		"x = function () {}, y = {a: function () { return [1, , 2]; }};",
		"if (a) b(); else if (c) d(); else { e(); }",
		"label: { break label; } outer: while (1) { inner: do { continue outer; } while (0); }",
		"a = -(-b); c = +(+d); e = - --f; g = typeof typeof h; i = void (0, 1);",
		"x = a++ - --b + (c-- - d);",
	};
	size_t i;

	for (i = 0; i < sizeof progs / sizeof *progs; i++) {
		char *once = print_of(progs[i]);
		char *twice = print_of(once);

		ck_assert_str_eq(twice, once);
		free(once);
		free(twice);
	}
}
END_TEST

START_TEST(test_api_misc)
{
	char err[8];
	rw_ast *ast = NULL;

	/* a short error buffer is truncated, not overrun */
	ck_assert_int_eq(rw_parse("file.js", "+", 1, 0, &ast, err, sizeof err), -1);
	ck_assert_uint_eq(strlen(err), sizeof err - 1);
	ck_assert_str_eq(rw_kind_name(RW_FOR_IN), "ForIn");
	ck_assert_str_eq(rw_op_text(RW_OP_SHR_ASSIGN), ">>>=");
	ck_assert_str_eq(rw_op_text(RW_OP_INSTANCEOF), "instanceof");
	/* strict flag */
	ck_assert_int_eq(rw_parse("s.js", "with (a) b;", 11, RW_PARSE_STRICT, &ast, NULL, 0), -1);
	/* empty program */
	ast = parse_ok("");
	ck_assert_uint_eq(ast->program->u.program.body.n, 0);
	rw_ast_free(ast);
	ast = parse_ok("// only a comment\n/* and another */");
	ck_assert_uint_eq(ast->program->u.program.body.n, 0);
	rw_ast_free(ast);
}
END_TEST

static Suite *
parser_suite(void)
{
	Suite *s = suite_create("parser");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_precedence);
	tcase_add_test(tc, test_associativity);
	tcase_add_test(tc, test_literals);
	tcase_add_test(tc, test_asi);
	tcase_add_test(tc, test_duk_div_regex);
	tcase_add_test(tc, test_statement_kinds);
	tcase_add_test(tc, test_functions);
	tcase_add_test(tc, test_directives);
	tcase_add_test(tc, test_early_errors_strict);
	tcase_add_test(tc, test_early_errors_sloppy);
	tcase_add_test(tc, test_es2015_messages);
	tcase_add_test(tc, test_depth);
	tcase_add_test(tc, test_spans);
	tcase_add_test(tc, test_positions);
	tcase_add_test(tc, test_ids_and_names);
	tcase_add_test(tc, test_memory);
	tcase_add_test(tc, test_out_of_memory);
	tcase_add_test(tc, test_print);
	tcase_add_test(tc, test_print_fixpoint);
	tcase_add_test(tc, test_api_misc);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(parser_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
