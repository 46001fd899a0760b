/*
 * rewriter/parse.c -- the ES5.1 recursive-descent parser: token handling,
 * errors, automatic semicolon insertion, statements, functions, directive
 * prologues and the early errors that belong to them. Expressions are in
 * parse_expr.c. See doc/parser.md for the accepted language.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rewriter/parse_impl.h"

/* ------------------------------------------------------------------ errors */

static void vfail(ps *p, uint32_t line, uint32_t col, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((noreturn, format(printf, 4, 0)))
#endif
	;

static void
vfail(ps *p, uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
	int n;

	if (p->let_active && !p->let_seen) {
		/* `let [a,,b] = 1`: not an ES5 expression either */
		p->let_active = 0;
		ps_es2015(p, p->let_active_off, "let declaration");
	}
	if (p->errlen > 0) {
		n = snprintf(p->err, p->errlen, "%s:%u:%u: ", p->ast->filename,
		             (unsigned)line, (unsigned)col);
		if (n >= 0 && (size_t)n < p->errlen)
			vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
	}
	if (p->rc == 0)
		p->rc = -1;
	longjmp(p->jb, 1);
}

void
ps_fail(ps *p, uint32_t off, const char *fmt, ...)
{
	uint32_t line, col;
	va_list ap;

	lx_position(p->lx, off, &line, &col);
	va_start(ap, fmt);
	vfail(p, line, col, fmt, ap);
	va_end(ap);
}

/* Error at the current token (lexed in RE mode if nothing is loaded). */
void
ps_fail_tok(ps *p, const char *fmt, ...)
{
	va_list ap;

	if (!p->loaded)
		ps_peek(p, LX_MODE_RE);
	va_start(ap, fmt);
	vfail(p, p->tok.line, p->tok.col, fmt, ap);
	va_end(ap);
}

void *
ps_oom(ps *p, void *ptr)
{
	if (ptr == NULL) {
		p->rc = -2;
		if (p->errlen > 0)
			snprintf(p->err, p->errlen, "%s: out of memory", p->ast->filename);
		longjmp(p->jb, 1);
	}
	return ptr;
}

void
ps_es2015(ps *p, uint32_t off, const char *construct)
{
	ps_fail(p, off, "%s is ES2015 syntax; Ferry accepts ES5.1", construct);
}

const char *
ps_tok_name(ps *p, const lx_token *t)
{
	(void)p;
	return lx_kind_name(t->kind);
}

void
ps_unexpected(ps *p)
{
	const lx_token *t;

	if (!p->loaded)
		ps_peek(p, LX_MODE_RE);
	t = &p->tok;
	switch (t->kind) {
	case LX_ERROR:
		if (p->errlen > 0)
			snprintf(p->err, p->errlen, "%s", lx_error(p->lx));
		p->rc = -1;
		longjmp(p->jb, 1);
	case LX_TEMPLATE:
		ps_es2015(p, t->off, "template literal");
	case LX_ARROW:
		ps_es2015(p, t->off, "arrow function");
	case LX_ELLIPSIS:
		ps_es2015(p, t->off, "spread/rest syntax");
	case LX_KW_CLASS:
		ps_es2015(p, t->off, "class");
	case LX_KW_IMPORT:
	case LX_KW_EXPORT:
		ps_es2015(p, t->off, "module syntax (import/export)");
	case LX_EOF:
		ps_fail(p, t->off, "unexpected end of input");
	default:
		ps_fail(p, t->off, "unexpected %s", lx_kind_name(t->kind));
	}
}

/* ------------------------------------------------------------------ tokens */

lx_kind
ps_peek_slow(ps *p, lx_mode mode)
{
	if (p->loaded)
		lx_restore(p->lx, &p->before);
	lx_save(p->lx, &p->before);
	lx_next(p->lx, mode, &p->tok);
	p->loaded = 1;
	p->tok_mode = mode;
	return p->tok.kind;
}

lx_kind
ps_peek_any(ps *p)
{
	return p->loaded ? p->tok.kind : ps_peek(p, LX_MODE_DIV);
}

void
ps_advance_slow(ps *p)
{
	if (!p->loaded)
		ps_peek(p, LX_MODE_RE);
	if (p->tok.kind == LX_ERROR)
		ps_unexpected(p);
	p->prev_end = p->tok.off + p->tok.len;
	p->prev_kind = p->tok.kind;
	p->loaded = 0;
}

void
ps_expect(ps *p, lx_kind k, lx_mode mode)
{
	if (ps_peek(p, mode) != k) {
		if (p->tok.kind == LX_ERROR || p->tok.kind == LX_TEMPLATE ||
		    p->tok.kind == LX_ARROW)
			ps_unexpected(p);
		if (p->tok.kind == LX_EOF)
			ps_fail_tok(p, "expected %s but found end of input", lx_kind_name(k));
		ps_fail_tok(p, "expected %s but found %s", lx_kind_name(k),
		            lx_kind_name(p->tok.kind));
	}
	ps_advance(p);
}

int
ps_accept(ps *p, lx_kind k, lx_mode mode)
{
	if (ps_peek(p, mode) != k)
		return 0;
	ps_advance(p);
	return 1;
}

/* Automatic semicolon insertion (ES5.1 7.9.1). */
static void
semicolon(ps *p)
{
	lx_kind k = ps_peek_any(p);

	if (k == LX_SEMI) {
		ps_advance(p);
		return;
	}
	if (k == LX_RBRACE || k == LX_EOF || (p->tok.flags & LX_F_NL_BEFORE))
		return;
	if (k == LX_ERROR || k == LX_TEMPLATE || k == LX_ARROW)
		ps_unexpected(p);
	ps_fail_tok(p, "expected ';' but found %s", lx_kind_name(k));
}

void
ps_too_deep(ps *p)
{
	ps_fail_tok(p, "program nested too deeply (more than %u levels)", p->max_depth);
}

/* ------------------------------------------------------------------ nodes */

void
ps_finish(ps *p, rw_node *n)
{
	n->span.end = p->prev_end;
}

void
ps_push(ps *p, rw_node *n)
{
	if (p->sp == p->cap) {
		uint32_t ncap = p->cap ? p->cap * 2 : 256;

		p->stk = ps_oom(p, realloc(p->stk, ncap * sizeof *p->stk));
		p->cap = ncap;
	}
	p->stk[p->sp++] = n;
}

void
ps_pop_list(ps *p, uint32_t base, rw_list *l)
{
	/* nothing pushed yet (an empty program): p->stk is still NULL, and
	 * NULL + 0 is undefined behaviour (UBSan, found by fuzz_front) */
	if (rw_list_make(p->ast, l, p->sp > base ? p->stk + base : NULL, p->sp - base) != 0)
		ps_oom(p, NULL);
	p->sp = base;
}

/* ------------------------------------------------------------------ identifiers */

static int
is_strict_word(lx_kind k)
{
	return k >= LX_KW_IMPLEMENTS && k <= LX_KW_YIELD;
}

/* Is the token usable as an Identifier here (sloppy: strict-only reserved words too)? */
int
ps_is_ident(ps *p, lx_kind k)
{
	return k == LX_IDENT || is_strict_word(k);
}

static const char *const strict_words[] = {
	"implements", "interface", "let", "package", "private", "protected",
	"public", "static", "yield"
};

/* s is interned: compared with the interned words */
static int
is_strict_name(ps *p, const char *s)
{
	size_t i;

	for (i = 0; i < sizeof strict_words / sizeof *strict_words; i++)
		if (s == p->a_strict[i])
			return 1;
	return 0;
}

/* Cooked, interned name of the current identifier-like token. */
static const char *
tok_name(ps *p, uint32_t *len)
{
	const lx_token *t = &p->tok;
	const char *s;
	char *buf;
	size_t n;

	if (!(t->flags & LX_F_ESCAPE)) {
		int oom = 0;

		s = rw_intern_plain(p->ast, p->ast->src + t->off, t->len, &oom);
		if (s != NULL) {
			*len = t->len;
			return s;
		}
		if (oom)
			ps_oom(p, NULL);
	}
	if (lx_cooked(p->lx, t, &buf, &n) != 0)
		ps_oom(p, NULL);
	s = rw_intern(p->ast, buf, n);
	free(buf);
	*len = (uint32_t)n;
	return ps_oom(p, (void *)s);
}

/* Makes an RW_IDENT (a reference or binding) or RW_NAME (property name) from
 * the current token and consumes it. RW_IDENT checks reserved words. */
rw_node *
ps_ident(ps *p, rw_kind kind)
{
	rw_node *n = ps_node(p, kind, &p->tok);
	lx_kind k = p->tok.kind;
	uint32_t len;

	RW_SET(n, ident.name, tok_name(p, &len));
	if (kind == RW_IDENT) {
		if (is_strict_word(k) && p->strict)
			ps_fail_tok(p, "'%s' is a reserved word in strict mode", RW_S(n, ident.name));
		if (p->tok.flags & LX_F_KEYWORD_ESC) {
			if (!is_strict_name(p, RW_S(n, ident.name)))
				ps_fail_tok(p, "reserved word '%s' written with escapes cannot be an identifier",
				            RW_S(n, ident.name));
			if (p->strict)
				ps_fail_tok(p, "'%s' is a reserved word in strict mode", RW_S(n, ident.name));
		}
	}
	ps_advance(p);
	return n;
}

/* A statement starting `let [` (or `let` NEWLINE name) at `off`: an ES2015
 * declaration in strict code; in sloppy code decided at the end of the program. */
static void
let_ambiguous(ps *p, uint32_t off)
{
	if (p->strict)
		ps_es2015(p, off, "let declaration");
	if (!p->let_pending) {
		p->let_pending = 1;
		p->let_off = off;
	}
	p->let_active = 1;
	p->let_active_off = off;
}

/* Strict mode: eval and arguments cannot be declared or assigned. */
void
ps_check_binding(ps *p, const rw_node *id, const char *what)
{
	if (id->kind == RW_IDENT && RW_S(id, ident.name) == p->a_let)
		p->let_seen = 1;
	if (!p->strict || id->kind != RW_IDENT)
		return;
	if (RW_S(id, ident.name) == p->a_eval || RW_S(id, ident.name) == p->a_arguments)
		ps_fail(p, id->span.start, "cannot %s '%s' in strict mode", what, RW_S(id, ident.name));
}

/* ------------------------------------------------------------------ targets */

static void
push_target(ps *p, const char *label, rw_node *node, int is_loop)
{
	if (p->ntargets == p->cap_targets) {
		uint32_t ncap = p->cap_targets ? p->cap_targets * 2 : 32;

		p->targets = ps_oom(p, realloc(p->targets, ncap * sizeof *p->targets));
		p->cap_targets = ncap;
	}
	p->targets[p->ntargets].label = label;
	p->targets[p->ntargets].node = node;
	p->targets[p->ntargets].is_loop = is_loop;
	p->ntargets++;
}

/* ------------------------------------------------------------------ statements */

static rw_node *statement(ps *p);

/* Duktape 2.7 looks through labels for its directive prologue: `x: 'use
 * strict';` first in a program or function body makes that code strict
 * there (checked), though ES5.1 has no directive in a labelled statement,
 * and `x: 'a'; 'use strict'` too. Ferry would read it as sloppy: refused. */
static void
labelled_directive(ps *p, rw_node *s)
{
	rw_node *e;

	while (s->kind == RW_LABELED)
		s = RW_N(s, labeled.body);
	if (s->kind != RW_EXPR_STMT || !(e = RW_N(s, expr_stmt.expr)) || e->kind != RW_STRING ||
	    (e->flags & RW_PARENS))
		return;
	ps_fail(p, e->span.start, "a labelled string at the start of a program or function is a "
	        "directive to Duktape 2.7; remove the label");
}

/* StatementList up to `}` or end of input, onto the scratch stack. With
 * `prologue`, leading string-literal statements form the directive prologue. */
static int
statement_list(ps *p, int prologue, int stop_at_case)
{
	int body = prologue;   /* the statements of a function body or program */
	int strict = 0, labelled = 0;
	uint32_t octal_off = 0;
	int octal = 0;

	for (;;) {
		lx_kind k = ps_peek(p, LX_MODE_RE);
		rw_node *s;

		if (k == LX_RBRACE || k == LX_EOF)
			break;
		if (stop_at_case && (k == LX_KW_CASE || k == LX_KW_DEFAULT))
			break;
		if (prologue && k != LX_STRING) {
			prologue = 0;
			labelled = 1;
		}
		p->direct = body;
		if (prologue) {
			lx_token t = p->tok;

			s = statement(p);
			if (s->kind == RW_EXPR_STMT && RW_N(s, expr_stmt.expr)->kind == RW_STRING &&
			    !(RW_N(s, expr_stmt.expr)->flags & RW_PARENS) &&
			    RW_N(s, expr_stmt.expr)->span.start == t.off &&
			    RW_N(s, expr_stmt.expr)->span.end == t.off + t.len) {
				s->flags |= RW_DIRECTIVE;
				if ((t.flags & LX_F_LEGACY_OCTAL) && !octal) {
					octal = 1;
					octal_off = t.off;
				}
				if (t.len == 12 && memcmp(p->ast->src + t.off + 1, "use strict", 10) == 0) {
					s->flags |= RW_USE_STRICT;
					strict = 1;
					if (!p->strict && octal)
						ps_fail(p, octal_off, "octal escape sequence is not allowed in strict mode");
					p->strict = 1;
				}
			} else {
				prologue = 0;
			}
		} else {
			s = statement(p);
			if (labelled && s->kind == RW_LABELED)
				labelled_directive(p, s);
		}
		labelled = 0;
		ps_push(p, s);
	}
	return strict;
}

static rw_node *
block(ps *p)
{
	rw_node *n;
	uint32_t base = p->sp;

	ps_peek(p, LX_MODE_RE);
	n = ps_node(p, RW_BLOCK, &p->tok);
	ps_expect(p, LX_LBRACE, LX_MODE_RE);
	ps_enter(p);
	statement_list(p, 0, 0);
	ps_leave(p);
	ps_expect(p, LX_RBRACE, LX_MODE_RE);
	ps_pop_list(p, base, &n->u.block.body);
	ps_finish(p, n);
	return n;
}

/* Look at the token after the current one (lexed in `mode`) without consuming. */
static lx_token
lookahead(ps *p, lx_mode mode)
{
	lx_state st;
	lx_token t;

	lx_save(p->lx, &st);
	lx_next(p->lx, mode, &t);
	lx_restore(p->lx, &st);
	return t;
}

/* VariableDeclarationList after `var` / `const`. */
static rw_node *
var_decls(ps *p, const lx_token *start, int is_const, int noin)
{
	rw_node *n = ps_node(p, RW_VAR, start);
	uint32_t base = p->sp;
	lx_kind k;

	if (is_const)
		n->flags |= RW_CONST;
	ps_advance(p);
	for (;;) {
		rw_node *d, *id;

		k = ps_peek(p, LX_MODE_RE);
		if (k == LX_LBRACE || k == LX_LBRACKET)
			ps_es2015(p, p->tok.off, "destructuring");
		if (!ps_is_ident(p, k))
			ps_unexpected(p);
		id = ps_ident(p, RW_IDENT);
		ps_check_binding(p, id, "declare");
		d = ps_node_at(p, RW_DECLARATOR, id);
		RW_SET(d, decl.id, id);
		if (ps_accept(p, LX_ASSIGN, LX_MODE_DIV)) {
			RW_SET(d, decl.init, ps_assign(p, noin));
		} else if (is_const && !(noin && (ps_peek_any(p) == LX_KW_IN || ps_peek_any(p) == LX_IDENT))) {
			ps_fail(p, id->span.start, "missing initializer in const declaration");
		}
		ps_finish(p, d);
		ps_push(p, d);
		if (!ps_accept(p, LX_COMMA, LX_MODE_DIV))
			break;
	}
	ps_pop_list(p, base, &n->u.var.decls);
	ps_finish(p, n);
	return n;
}

static rw_node *
var_statement(ps *p, int is_const)
{
	lx_token start = p->tok;
	rw_node *n = var_decls(p, &start, is_const, 0);

	semicolon(p);
	ps_finish(p, n);
	return n;
}

/* The body of a loop: a new unlabelled target, plus the labels directly on it. */
static rw_node *
loop_body(ps *p, rw_node *loop, int chain)
{
	uint32_t i, saved = p->ntargets;
	rw_node *body;

	if (chain >= 0)
		for (i = (uint32_t)chain; i < p->ntargets; i++)
			p->targets[i].is_loop = 1;
	push_target(p, NULL, loop, 1);
	body = statement(p);
	p->ntargets = saved;
	return body;
}

static rw_node *
paren_expr(ps *p)
{
	rw_node *e;

	ps_expect(p, LX_LPAREN, LX_MODE_RE);
	e = ps_expression(p, 0);
	ps_expect(p, LX_RPAREN, LX_MODE_DIV);
	return e;
}

static rw_node *
for_statement(ps *p, int chain)
{
	lx_token start = p->tok;
	rw_node *n, *init = NULL;
	lx_kind k;

	ps_advance(p);
	ps_expect(p, LX_LPAREN, LX_MODE_RE);
	k = ps_peek(p, LX_MODE_RE);
	if (k == LX_KW_VAR || k == LX_KW_CONST) {
		lx_token vt = p->tok;

		init = var_decls(p, &vt, k == LX_KW_CONST, 1);
		init->flags |= RW_IN_FOR_HEAD;
	} else if (k == LX_KW_LET) {
		lx_token t = lookahead(p, LX_MODE_DIV);

		if (t.kind == LX_LBRACKET)
			let_ambiguous(p, p->tok.off);
		else if (t.kind == LX_IDENT || t.kind == LX_LBRACE || is_strict_word(t.kind))
			ps_es2015(p, p->tok.off, "let declaration");
		init = ps_expression(p, 1);
		p->let_active = 0;
	} else if (k != LX_SEMI) {
		init = ps_expression(p, 1);
	}
	k = ps_peek_any(p);
	if (init != NULL && k == LX_IDENT && p->tok.len == 2 &&
	    memcmp(p->ast->src + p->tok.off, "of", 2) == 0)
		ps_es2015(p, p->tok.off, "for-of");
	/* Duktape 2.7 compiles no const in a for head (ES2015 semantics) */
	if (init != NULL && init->kind == RW_VAR && (init->flags & RW_CONST))
		ps_es2015(p, init->span.start, k == LX_KW_IN ? "const in a for-in head" : "const in a for head");
	if (init != NULL && k == LX_KW_IN) {
		n = ps_node(p, RW_FOR_IN, &start);
		if (init->kind == RW_VAR) {
			if (init->u.var.decls.n != 1)
				ps_fail(p, init->span.start, "for-in declares more than one variable");
		} else {
			ps_check_target(p, init, 1, "for-in");
		}
		ps_advance(p);
		RW_SET(n, for_in.left, init);
		RW_SET(n, for_in.right, ps_expression(p, 0));
		ps_expect(p, LX_RPAREN, LX_MODE_DIV);
		RW_SET(n, for_in.body, loop_body(p, n, chain));
		ps_finish(p, n);
		return n;
	}
	n = ps_node(p, RW_FOR, &start);
	RW_SET(n, for_.init, init);
	/* no automatic semicolons in a for header */
	ps_expect(p, LX_SEMI, LX_MODE_DIV);
	if (ps_peek(p, LX_MODE_RE) != LX_SEMI)
		RW_SET(n, for_.test, ps_expression(p, 0));
	ps_expect(p, LX_SEMI, LX_MODE_DIV);
	if (ps_peek(p, LX_MODE_RE) != LX_RPAREN)
		RW_SET(n, for_.update, ps_expression(p, 0));
	ps_expect(p, LX_RPAREN, LX_MODE_DIV);
	RW_SET(n, for_.body, loop_body(p, n, chain));
	ps_finish(p, n);
	return n;
}

static rw_node *
jump_statement(ps *p, rw_kind kind)
{
	rw_node *n = ps_node(p, kind, &p->tok);
	lx_kind k;
	uint32_t i;

	ps_advance(p);
	k = ps_peek(p, LX_MODE_RE);
	if (ps_is_ident(p, k) && !(p->tok.flags & LX_F_NL_BEFORE)) {
		rw_node *id = ps_ident(p, RW_NAME);

		RW_SET(n, jump.label, RW_S(id, ident.name));
		n->u.jump.label_span = id->span;
		for (i = p->ntargets; i-- > p->target_base; ) {
			if (p->targets[i].label == RW_S(id, ident.name)) {
				if (kind == RW_CONTINUE && !p->targets[i].is_loop)
					ps_fail(p, id->span.start,
					        "continue target '%s' is not a loop", RW_S(id, ident.name));
				RW_SET(n, jump.target, p->targets[i].node);
				break;
			}
		}
		if (RW_N(n, jump.target) == NULL)
			ps_fail(p, id->span.start, "undefined label '%s'", RW_S(id, ident.name));
	} else {
		for (i = p->ntargets; i-- > p->target_base; ) {
			if (p->targets[i].label != NULL)
				continue;
			if (kind == RW_CONTINUE && !p->targets[i].is_loop)
				continue;
			RW_SET(n, jump.target, p->targets[i].node);
			break;
		}
		if (RW_N(n, jump.target) == NULL)
			ps_fail(p, n->span.start, kind == RW_BREAK ?
			        "break outside a loop or switch" : "continue outside a loop");
	}
	semicolon(p);
	ps_finish(p, n);
	return n;
}

static rw_node *
switch_statement(ps *p)
{
	rw_node *n = ps_node(p, RW_SWITCH, &p->tok);
	uint32_t base, saved = p->ntargets;
	int seen_default = 0;

	ps_advance(p);
	RW_SET(n, switch_.disc, paren_expr(p));
	ps_expect(p, LX_LBRACE, LX_MODE_RE);
	push_target(p, NULL, n, 0);
	base = p->sp;
	for (;;) {
		lx_kind k = ps_peek(p, LX_MODE_RE);
		rw_node *c;
		uint32_t cbase;

		if (k == LX_RBRACE)
			break;
		c = ps_node(p, RW_CASE, &p->tok);
		if (k == LX_KW_CASE) {
			ps_advance(p);
			RW_SET(c, case_.test, ps_expression(p, 0));
		} else if (k == LX_KW_DEFAULT) {
			if (seen_default)
				ps_fail_tok(p, "more than one default clause in switch");
			seen_default = 1;
			ps_advance(p);
		} else {
			ps_unexpected(p);
		}
		ps_expect(p, LX_COLON, LX_MODE_DIV);
		cbase = p->sp;
		statement_list(p, 0, 1);
		ps_pop_list(p, cbase, &c->u.case_.body);
		ps_finish(p, c);
		ps_push(p, c);
	}
	ps_advance(p);
	ps_pop_list(p, base, &n->u.switch_.cases);
	p->ntargets = saved;
	ps_finish(p, n);
	return n;
}

static rw_node *
try_statement(ps *p)
{
	rw_node *n = ps_node(p, RW_TRY, &p->tok);

	ps_advance(p);
	RW_SET(n, try_.block, block(p));
	if (ps_peek(p, LX_MODE_RE) == LX_KW_CATCH) {
		rw_node *c = ps_node(p, RW_CATCH, &p->tok);
		lx_kind k;

		ps_advance(p);
		k = ps_peek(p, LX_MODE_RE);
		if (k == LX_LBRACE)
			ps_es2015(p, p->tok.off, "optional catch binding");
		ps_expect(p, LX_LPAREN, LX_MODE_RE);
		k = ps_peek(p, LX_MODE_RE);
		if (k == LX_LBRACE || k == LX_LBRACKET)
			ps_es2015(p, p->tok.off, "destructuring");
		if (!ps_is_ident(p, k))
			ps_unexpected(p);
		RW_SET(c, catch_.param, ps_ident(p, RW_IDENT));
		ps_check_binding(p, RW_N(c, catch_.param), "declare");
		ps_expect(p, LX_RPAREN, LX_MODE_DIV);
		RW_SET(c, catch_.body, block(p));
		ps_finish(p, c);
		RW_SET(n, try_.handler, c);
	}
	if (ps_peek(p, LX_MODE_RE) == LX_KW_FINALLY) {
		ps_advance(p);
		RW_SET(n, try_.finalizer, block(p));
	}
	if (RW_N(n, try_.handler) == NULL && RW_N(n, try_.finalizer) == NULL)
		ps_fail_tok(p, "missing catch or finally after try");
	ps_finish(p, n);
	return n;
}

/* `id :` statement; id was parsed as an expression statement's whole
 * expression (no look-ahead needed), the current token is the `:`. */
static rw_node *
labeled_statement(ps *p, rw_node *id, int chain)
{
	rw_node *n;
	uint32_t i, saved = p->ntargets;

	/* id is the newest node and not part of the tree: do not count it */
	if (rw_node_is_last(p->ast, id))
		p->ast->node_count--;
	n = ps_node_at(p, RW_LABELED, id);

	/* the label is not a reference: keep only its name and position */
	RW_SET(n, labeled.label, RW_S(id, ident.name));
	n->u.labeled.label_span = id->span;
	for (i = p->target_base; i < p->ntargets; i++)
		if (p->targets[i].label == RW_S(id, ident.name))
			ps_fail(p, id->span.start, "duplicate label '%s'", RW_S(id, ident.name));
	ps_expect(p, LX_COLON, LX_MODE_DIV);
	push_target(p, RW_S(id, ident.name), n, 0);
	p->label_chain = chain >= 0 ? chain : (int)(p->ntargets - 1);
	if (p->strict && ps_peek(p, LX_MODE_RE) == LX_KW_FUNCTION)
		ps_fail_tok(p, "a function declaration cannot be labelled in strict mode");
	RW_SET(n, labeled.body, statement(p));
	p->ntargets = saved;
	ps_finish(p, n);
	return n;
}

static rw_node *
statement(ps *p)
{
	rw_node *n;
	lx_token start;
	lx_kind k;
	int chain = p->label_chain;
	int direct = p->direct;

	p->label_chain = -1;
	p->direct = 0;
	k = ps_peek(p, LX_MODE_RE);
	start = p->tok;
	ps_enter(p);
	switch (k) {
	case LX_LBRACE:
		n = block(p);
		break;
	case LX_KW_VAR:
		n = var_statement(p, 0);
		break;
	case LX_KW_CONST:
		n = var_statement(p, 1);
		break;
	case LX_SEMI:
		n = ps_node(p, RW_EMPTY, &start);
		ps_advance(p);
		break;
	case LX_KW_IF:
		n = ps_node(p, RW_IF, &start);
		ps_advance(p);
		RW_SET(n, if_.test, paren_expr(p));
		RW_SET(n, if_.then, statement(p));
		if (ps_accept(p, LX_KW_ELSE, LX_MODE_RE))
			RW_SET(n, if_.alt, statement(p));
		break;
	case LX_KW_DO:
		n = ps_node(p, RW_DO_WHILE, &start);
		ps_advance(p);
		RW_SET(n, loop.body, loop_body(p, n, chain));
		ps_expect(p, LX_KW_WHILE, LX_MODE_RE);
		RW_SET(n, loop.test, paren_expr(p));
		/* ES2015 11.9.1 (and every engine, Duktape included): the `;` after
		 * do-while is always optional */
		ps_accept(p, LX_SEMI, LX_MODE_DIV);
		break;
	case LX_KW_WHILE:
		n = ps_node(p, RW_WHILE, &start);
		ps_advance(p);
		RW_SET(n, loop.test, paren_expr(p));
		RW_SET(n, loop.body, loop_body(p, n, chain));
		break;
	case LX_KW_FOR:
		n = for_statement(p, chain);
		break;
	case LX_KW_CONTINUE:
		n = jump_statement(p, RW_CONTINUE);
		break;
	case LX_KW_BREAK:
		n = jump_statement(p, RW_BREAK);
		break;
	case LX_KW_RETURN:
		n = ps_node(p, RW_RETURN, &start);
		if (!p->in_function)
			ps_fail_tok(p, "return outside a function");
		ps_advance(p);
		k = ps_peek(p, LX_MODE_RE);
		if (k != LX_SEMI && k != LX_RBRACE && k != LX_EOF &&
		    !(p->tok.flags & LX_F_NL_BEFORE))
			RW_SET(n, ret.arg, ps_expression(p, 0));
		semicolon(p);
		break;
	case LX_KW_WITH:
		n = ps_node(p, RW_WITH, &start);
		if (p->strict)
			ps_fail_tok(p, "with statement is not allowed in strict mode");
		ps_advance(p);
		RW_SET(n, with.object, paren_expr(p));
		RW_SET(n, with.body, statement(p));
		break;
	case LX_KW_SWITCH:
		n = switch_statement(p);
		break;
	case LX_KW_THROW:
		n = ps_node(p, RW_THROW, &start);
		ps_advance(p);
		if (ps_peek(p, LX_MODE_RE) != LX_EOF && (p->tok.flags & LX_F_NL_BEFORE))
			ps_fail_tok(p, "line break after throw");
		RW_SET(n, throw_.arg, ps_expression(p, 0));
		semicolon(p);
		break;
	case LX_KW_TRY:
		n = try_statement(p);
		break;
	case LX_KW_DEBUGGER:
		n = ps_node(p, RW_DEBUGGER, &start);
		ps_advance(p);
		semicolon(p);
		break;
	case LX_KW_FUNCTION:
		/* a declaration in statement position (not ES5; Duktape hoists it
		 * like a top-level one): the caller marks RW_FN_IN_BLOCK */
		n = ps_function(p, 1, direct ? 0 : RW_FN_IN_BLOCK, &start);
		break;
	case LX_KW_CLASS:
	case LX_KW_IMPORT:
	case LX_KW_EXPORT:
		ps_unexpected(p);
	case LX_KW_ENUM:
		ps_fail_tok(p, "'enum' is a reserved word");
	default:
		if (k == LX_KW_LET) {
			lx_token t = lookahead(p, LX_MODE_DIV);
			int nl = (t.flags & LX_F_NL_BEFORE) != 0;

			if (t.kind == LX_LBRACKET || (nl && (t.kind == LX_IDENT || is_strict_word(t.kind))))
				let_ambiguous(p, start.off);
			else if (!nl && (t.kind == LX_IDENT || t.kind == LX_LBRACE || is_strict_word(t.kind)))
				ps_es2015(p, start.off, "let declaration");
		}
		if (ps_is_ident(p, k)) {
			rw_node *e = ps_expression(p, 0);

			if (e->kind == RW_IDENT && !(e->flags & RW_PARENS) &&
			    ps_peek(p, LX_MODE_DIV) == LX_COLON) {
				n = labeled_statement(p, e, chain);
				break;
			}
			n = ps_node(p, RW_EXPR_STMT, &start);
			RW_SET(n, expr_stmt.expr, e);
		} else {
			n = ps_node(p, RW_EXPR_STMT, &start);
			RW_SET(n, expr_stmt.expr, ps_expression(p, 0));
		}
		if (ps_peek_any(p) == LX_KW_FUNCTION && RW_N(n, expr_stmt.expr)->kind == RW_IDENT &&
		    RW_S(RW_N(n, expr_stmt.expr), ident.name) == p->a_async &&
		    !(p->tok.flags & LX_F_NL_BEFORE))
			ps_es2015(p, start.off, "async function");
		semicolon(p);
		p->let_active = 0;
		break;
	}
	ps_leave(p);
	ps_finish(p, n);
	return n;
}

/* ------------------------------------------------------------------ functions */

static void
check_strict_function(ps *p, rw_node *fn)
{
	uint32_t i, j;
	rw_list *ps_ = &fn->u.fn.params;
	const rw_node *name = RW_N(fn, fn.name);

	if (name != NULL) {
		if (RW_S(name, ident.name) == p->a_eval || RW_S(name, ident.name) == p->a_arguments)
			ps_fail(p, name->span.start, "cannot name a function '%s' in strict mode",
			        RW_S(name, ident.name));
		if (is_strict_name(p, RW_S(name, ident.name)))
			ps_fail(p, name->span.start, "'%s' is a reserved word in strict mode",
			        RW_S(name, ident.name));
	}
	for (i = 0; i < ps_->n; i++) {
		const rw_node *a = rw_item(ps_, i);

		if (RW_S(a, ident.name) == p->a_eval || RW_S(a, ident.name) == p->a_arguments)
			ps_fail(p, a->span.start, "cannot declare '%s' in strict mode", RW_S(a, ident.name));
		if (is_strict_name(p, RW_S(a, ident.name)))
			ps_fail(p, a->span.start, "'%s' is a reserved word in strict mode",
			        RW_S(a, ident.name));
		for (j = 0; j < i; j++)
			if (RW_S(rw_item(ps_, j), ident.name) == RW_S(a, ident.name))
				ps_fail(p, a->span.start,
				        "duplicate parameter name '%s' in strict mode", RW_S(a, ident.name));
	}
}

/* `function [name] (params) { body }`; the current token is `function`
 * (or, for getters/setters/methods, the `(` of the parameters: is_decl 0 and
 * fnflags has RW_FN_GETTER/SETTER/METHOD). */
rw_node *
ps_function(ps *p, int is_decl, uint32_t fnflags, const lx_token *start)
{
	rw_node *n = ps_node(p, is_decl ? RW_FUNC_DECL : RW_FUNC_EXPR, start);
	int outer_strict = p->strict, outer_in_fn = p->in_function;
	uint32_t outer_base = p->target_base, outer_nt = p->ntargets;
	int outer_chain = p->label_chain;
	uint32_t base;
	lx_kind k;

	n->u.fn.flags = fnflags;
	if (!(fnflags & (RW_FN_GETTER | RW_FN_SETTER | RW_FN_METHOD))) {
		ps_advance(p);   /* function */
		k = ps_peek(p, LX_MODE_RE);
		if (k == LX_STAR)
			ps_es2015(p, p->tok.off, "generator function");
		if (ps_is_ident(p, k)) {
			RW_SET(n, fn.name, ps_ident(p, RW_IDENT));
			ps_check_binding(p, RW_N(n, fn.name), "name a function");
		} else if (is_decl) {
			ps_fail_tok(p, "expected a function name but found %s", lx_kind_name(k));
		}
	}
	ps_peek(p, LX_MODE_RE);
	n->u.fn.params_start = p->tok.off;
	ps_expect(p, LX_LPAREN, LX_MODE_RE);
	base = p->sp;
	if (ps_peek(p, LX_MODE_RE) != LX_RPAREN) {
		for (;;) {
			rw_node *id;

			k = ps_peek(p, LX_MODE_RE);
			if (k == LX_ELLIPSIS)
				ps_es2015(p, p->tok.off, "rest parameter");
			if (k == LX_LBRACE || k == LX_LBRACKET)
				ps_es2015(p, p->tok.off, "destructuring");
			if (!ps_is_ident(p, k))
				ps_unexpected(p);
			id = ps_ident(p, RW_IDENT);
			if (RW_S(id, ident.name) == p->a_let)
				p->let_seen = 1;
			ps_push(p, id);
			k = ps_peek(p, LX_MODE_DIV);
			if (k == LX_ASSIGN)
				ps_es2015(p, p->tok.off, "default parameter");
			if (k != LX_COMMA)
				break;
			ps_advance(p);
			if (ps_peek(p, LX_MODE_RE) == LX_RPAREN)
				ps_fail_tok(p, "trailing comma in parameter list is not ES5.1");
		}
	}
	ps_pop_list(p, base, &n->u.fn.params);
	ps_expect(p, LX_RPAREN, LX_MODE_DIV);
	if ((fnflags & RW_FN_GETTER) && n->u.fn.params.n != 0)
		ps_fail(p, RW_ITEM(n, fn.params, 0)->span.start, "a getter must have no parameters");
	if ((fnflags & RW_FN_SETTER) && n->u.fn.params.n != 1)
		ps_fail(p, n->u.fn.params_start, "a setter must have exactly one parameter");

	ps_peek(p, LX_MODE_RE);
	n->u.fn.body_start = p->tok.off;
	ps_expect(p, LX_LBRACE, LX_MODE_RE);
	p->in_function = 1;
	p->target_base = p->ntargets;
	p->label_chain = -1;
	ps_enter(p);
	base = p->sp;
	if (statement_list(p, 1, 0))
		n->u.fn.flags |= RW_FN_OWN_STRICT;
	ps_pop_list(p, base, &n->u.fn.body);
	ps_leave(p);
	if (p->strict)
		n->u.fn.flags |= RW_FN_STRICT;
	/* a body that turned strict applies to the name and parameters too */
	if (p->strict)
		check_strict_function(p, n);
	ps_expect(p, LX_RBRACE, LX_MODE_RE);
	n->u.fn.body_end = p->prev_end;
	p->strict = outer_strict;
	p->in_function = outer_in_fn;
	p->target_base = outer_base;
	p->ntargets = outer_nt;
	p->label_chain = outer_chain;
	ps_finish(p, n);
	return n;
}

/* ------------------------------------------------------------------ entry */

static void
init_atoms(ps *p)
{
#define ATOM(f, s) p->f = ps_oom(p, (void *)rw_intern(p->ast, s, sizeof s - 1))
	ATOM(a_eval, "eval");
	ATOM(a_arguments, "arguments");
	ATOM(a_of, "of");
	ATOM(a_async, "async");
	ATOM(a_get, "get");
	ATOM(a_set, "set");
	ATOM(a_let, "let");
	ATOM(a_static, "static");
	ATOM(a_target, "target");
#undef ATOM
	{
		size_t i;

		for (i = 0; i < sizeof strict_words / sizeof *strict_words; i++)
			p->a_strict[i] = ps_oom(p, (void *)rw_intern(p->ast, strict_words[i],
			                                             strlen(strict_words[i])));
	}
}

static void
parse_program(ps *p, unsigned flags)
{
	rw_node *prog;
	uint32_t base;
	lx_token start;

	init_atoms(p);
	p->strict = (flags & RW_PARSE_STRICT) != 0;
	p->label_chain = -1;
	ps_peek(p, LX_MODE_RE);
	start = p->tok;
	start.off = 0;
	start.len = 0;
	start.line = 1;
	start.col = 1;
	prog = ps_node(p, RW_PROGRAM, &start);
	base = p->sp;
	/* 1: a "use strict" directive; 2: strict by RW_PARSE_STRICT alone, so
	 * the text Duktape runs needs one (rewriter/build.c, instrument.c) */
	prog->u.program.strict = statement_list(p, 1, 0) ? 1 : p->strict ? 2 : 0;
	if (ps_peek(p, LX_MODE_RE) != LX_EOF)
		ps_unexpected(p);
	if (p->let_pending && !p->let_seen)
		ps_es2015(p, p->let_off, "let declaration");
	ps_pop_list(p, base, &prog->u.program.body);
	prog->span.end = (uint32_t)p->ast->len;
	rw_sort_tokens(p->ast);
	rw_arena_trim(p->ast);
	p->ast->program = prog;
}

int
rw_parse(const char *filename, const char *src, size_t len, unsigned flags,
         rw_ast **out, char *err, size_t errlen)
{
	ps ps_, *p = &ps_;
	int rc;

	*out = NULL;
	if (errlen > 0)
		err[0] = '\0';
	if (filename == NULL)
		filename = "<input>";
	if (len > UINT32_MAX - 16) {
		snprintf(err, errlen, "%s:1:1: source too large", filename);
		return -1;
	}
	memset(p, 0, sizeof *p);
	p->max_depth = (flags & RW_PARSE_DEEP) ? RW_MAX_DEPTH_DEEP : RW_MAX_DEPTH;
	p->err = err;
	p->errlen = errlen;
	p->ast = rw_ast_new(filename, src, len);
	p->lx = lx_new(filename, src, len);
	if (p->ast == NULL || p->lx == NULL) {
		rw_ast_free(p->ast);
		lx_free(p->lx);
		snprintf(err, errlen, "%s: out of memory", filename);
		return -2;
	}
	if (setjmp(p->jb) == 0)
		parse_program(p, flags);
	rc = p->rc;
	free(p->stk);
	free(p->targets);
	lx_free(p->lx);
	if (rc != 0) {
		rw_ast_free(p->ast);
		return rc;
	}
	*out = p->ast;
	return 0;
}
