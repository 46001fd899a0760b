/*
 * rewriter/parse_impl.h -- the parser's internal state, shared by
 * parse.c (tokens, errors, statements, functions) and parse_expr.c
 * (expressions). Not part of the public interface.
 *
 * Token protocol: the current token is lexed lazily, in the mode the caller
 * asks for (peek(p, LX_MODE_RE) where an operand may start, LX_MODE_DIV
 * where an operator is expected). If a token was already lexed in the other
 * mode and starts with '/', it is lexed again from the saved state.
 * Errors longjmp back to rw_parse(): the arena is freed as a whole.
 */
#ifndef FERRY_REWRITER_PARSE_IMPL_H
#define FERRY_REWRITER_PARSE_IMPL_H

#include <setjmp.h>

#include "lexer/lexer.h"
#include "rewriter/ast_impl.h"

/* break / continue targets of the current function */
typedef struct ps_target {
	const char *label;       /* NULL: an unlabelled loop or switch */
	rw_node    *node;        /* RW_LABELED, or the loop / switch */
	int         is_loop;     /* a loop, or a label directly on a loop */
} ps_target;

typedef struct ps {
	rw_ast    *ast;
	lx_lexer  *lx;
	lx_token   tok;          /* current token, valid when loaded */
	int        loaded;
	lx_mode    tok_mode;
	lx_state   before;       /* lexer state before tok */
	uint32_t   prev_end;     /* end offset of the last consumed token */
	lx_kind    prev_kind;    /* and its kind */

	unsigned   depth;        /* nesting, against max_depth */
	unsigned   max_depth;    /* RW_MAX_DEPTH, or RW_MAX_DEPTH_DEEP with RW_PARSE_DEEP */
	int        strict;       /* current code is strict */
	int        in_function;
	ps_target *targets;
	uint32_t   ntargets, cap_targets, target_base;
	int        direct;       /* the next statement is directly in a body (for RW_FN_IN_BLOCK) */
	int        label_chain;  /* first index of the labels directly on the next statement, or -1 */

	/* Sloppy `let [` (and `let` NEWLINE name) is an ES5.1 expression but reads as an
	 * ES2015 declaration. It is taken as an expression only when the program declares
	 * or assigns `let` somewhere; else the first one is refused. */
	int        let_pending;  /* one such statement was seen, at let_off */
	uint32_t   let_off;
	int        let_active;   /* parsing one now, at let_active_off: a syntax error in it */
	uint32_t   let_active_off; /* is reported as the declaration (`let [a,,b] = 1`) */
	int        let_seen;     /* `let` declared or assigned */

	rw_node  **stk;          /* scratch stack for building lists */
	uint32_t   sp, cap;

	char      *err;
	size_t     errlen;
	int        rc;
	jmp_buf    jb;

	/* interned names compared against */
	const char *a_eval, *a_arguments, *a_of, *a_async, *a_get, *a_set,
	           *a_let, *a_static, *a_target;
	const char *a_strict[9];  /* the strict-mode-only reserved words */
} ps;

/* parse.c */
lx_kind  ps_peek_slow(ps *p, lx_mode mode);

/* The current token, lexed in `mode` (hot: the fast path is inline). */
static inline lx_kind
ps_peek(ps *p, lx_mode mode)
{
	if (p->loaded && (p->tok_mode == mode ||
	    (p->tok.kind != LX_REGEX && p->tok.kind != LX_SLASH &&
	     p->tok.kind != LX_DIV_ASSIGN && p->tok.kind != LX_ERROR)))
		return p->tok.kind;
	return ps_peek_slow(p, mode);
}

lx_kind  ps_peek_any(ps *p);
void     ps_advance_slow(ps *p);
void     ps_expect(ps *p, lx_kind k, lx_mode mode);
int      ps_accept(ps *p, lx_kind k, lx_mode mode);
void     ps_fail(ps *p, uint32_t off, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((noreturn, format(printf, 3, 4)))
#endif
	;
void     ps_fail_tok(ps *p, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((noreturn, format(printf, 2, 3)))
#endif
	;
void     ps_unexpected(ps *p)
#if defined(__GNUC__)
	__attribute__((noreturn))
#endif
	;
void     ps_es2015(ps *p, uint32_t off, const char *construct)
#if defined(__GNUC__)
	__attribute__((noreturn))
#endif
	;
void     ps_too_deep(ps *p)
#if defined(__GNUC__)
	__attribute__((noreturn))
#endif
	;
void    *ps_oom(ps *p, void *ptr);
void     ps_finish(ps *p, rw_node *n);
void     ps_push(ps *p, rw_node *n);
void     ps_pop_list(ps *p, uint32_t base, rw_list *l);
int      ps_is_ident(ps *p, lx_kind k);
rw_node *ps_ident(ps *p, rw_kind kind);    /* from the current token, consumed */
const char *ps_tok_name(ps *p, const lx_token *t);
rw_node *ps_function(ps *p, int is_decl, uint32_t fnflags, const lx_token *start);
void     ps_check_binding(ps *p, const rw_node *id, const char *what);

/* parse_expr.c */
rw_node *ps_expression(ps *p, int noin);
rw_node *ps_assign(ps *p, int noin);
rw_node *ps_lhs(ps *p);
void     ps_check_target(ps *p, rw_node *e, int is_assign_eq, const char *what);

/* One more nesting level, against max_depth. */
static inline void
ps_enter(ps *p)
{
	if (++p->depth > p->ast->depth) {
		p->ast->depth = p->depth;
		if (p->depth > p->max_depth)
			ps_too_deep(p);
	}
}

static inline void
ps_leave(ps *p)
{
	p->depth--;
}

/* Consumes the current (loaded) token. */
static inline void
ps_advance(ps *p)
{
	if (p->loaded && p->tok.kind != LX_ERROR) {
		p->prev_end = p->tok.off + p->tok.len;
		p->prev_kind = p->tok.kind;
		p->loaded = 0;
		return;
	}
	ps_advance_slow(p);
}

/* A node of kind starting at token start (its span: the token). */
static inline rw_node *
ps_node(ps *p, rw_kind kind, const lx_token *start)
{
	rw_node *n = rw_node_new(p->ast, kind);

	if (n == NULL)
		ps_oom(p, NULL);
	n->span.start = start->off;
	n->span.end = start->off + start->len;
	return n;
}

/* A node of kind starting where node start does. */
static inline rw_node *
ps_node_at(ps *p, rw_kind kind, const rw_node *start)
{
	rw_node *n = rw_node_new(p->ast, kind);

	if (n == NULL)
		ps_oom(p, NULL);
	n->span = start->span;
	return n;
}

#endif
