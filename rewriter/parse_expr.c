/*
 * rewriter/parse_expr.c -- expressions: comma, assignment, conditional,
 * binary operators by precedence climbing, unary and update operators,
 * calls, member access, `new`, and primary expressions (literals, array and
 * object literals, function expressions). Early errors that belong to
 * expressions (assignment targets, strict-mode delete / octal / eval and
 * arguments) and the ES2015 rejections are here too.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "rewriter/parse_impl.h"

static rw_node *unary(ps *p);
static rw_node *primary(ps *p);

/* ------------------------------------------------------------------ helpers */

/* Valid targets of assignment, ++/-- and for-in: identifiers, member
 * expressions, and (as in Duktape and ES5.1 16: a runtime ReferenceError)
 * calls. */
void
ps_check_target(ps *p, rw_node *e, int is_assign_eq, const char *what)
{
	switch (e->kind) {
	case RW_IDENT:
		if (RW_S(e, ident.name) == p->a_let)
			p->let_seen = 1;
		if (p->strict && (RW_S(e, ident.name) == p->a_eval || RW_S(e, ident.name) == p->a_arguments))
			ps_fail(p, e->span.start, "cannot assign to '%s' in strict mode", RW_S(e, ident.name));
		return;
	case RW_DOT:
	case RW_INDEX:
	case RW_CALL:
		return;
	case RW_ARRAY:
	case RW_OBJECT:
		if (is_assign_eq && !(e->flags & RW_PARENS))
			ps_es2015(p, e->span.start, "destructuring assignment");
		/* fall through */
	default:
		ps_fail(p, e->span.start, "invalid %s target", what);
	}
}

static int
is_keyword_or_ident(lx_kind k)
{
	return k == LX_IDENT || (k >= LX_KW_BREAK && k <= LX_KW_YIELD);
}

static rw_node *
number(ps *p)
{
	rw_node *n = ps_node(p, RW_NUMBER, &p->tok);

	if (p->strict && (p->tok.flags & LX_F_LEGACY_OCTAL))
		ps_fail_tok(p, "octal literal is not allowed in strict mode");
	if (p->strict && (p->tok.flags & LX_F_OCTAL_LIKE))
		ps_fail_tok(p, "decimal literal with a leading zero is not allowed in strict mode");
	memcpy(n->u.number.value, &p->tok.num, sizeof p->tok.num);
	ps_advance(p);
	return n;
}

static rw_node *
string(ps *p)
{
	const lx_token *t = &p->tok;
	rw_node *n = ps_node(p, RW_STRING, t);
	const char *raw = p->ast->src + t->off + 1;
	uint32_t rawlen = t->len - 2, i;
	int plain = !(t->flags & LX_F_ESCAPE);
	char *v;

	if (p->strict && (t->flags & LX_F_LEGACY_OCTAL))
		ps_fail_tok(p, "octal escape sequence is not allowed in strict mode");
	if (plain)
		for (i = 0; i < rawlen; i++)
			if ((unsigned char)raw[i] >= 0xF0) {
				plain = 0;
				break;
			}
	if (plain) {
		v = ps_oom(p, rw_ast_alloc(p->ast, rawlen + 1));
		memcpy(v, raw, rawlen);
		RW_SET(n, string.value, v);
		n->u.string.len = rawlen;
	} else {
		char *buf;
		size_t len;

		if (lx_cooked(p->lx, t, &buf, &len) != 0)
			ps_oom(p, NULL);
		v = rw_ast_alloc(p->ast, len + 1);
		if (v != NULL)
			memcpy(v, buf, len);
		free(buf);
		ps_oom(p, v);
		RW_SET(n, string.value, v);
		n->u.string.len = (uint32_t)len;
	}
	ps_advance(p);
	return n;
}

/* Duktape's lexer reads a `/` as division after these tokens (an identifier,
 * a strict-mode-only reserved word, which is one in sloppy code, or ++ / --),
 * whatever the grammar expects; after `)` and `}` it also does, but not
 * where a statement can start, and after other operands (literals, `this`,
 * `]`) a regex is never valid ES5.1 anyway (doc/parser.md) */
static int
duk_reads_division(lx_kind k)
{
	return k == LX_IDENT || (k >= LX_KW_IMPLEMENTS && k <= LX_KW_YIELD) ||
	       k == LX_INC || k == LX_DEC;
}

static rw_node *
regex(ps *p)
{
	const lx_token *t = &p->tok;
	rw_node *n = ps_node(p, RW_REGEX, t);
	const char *s = p->ast->src + t->off;
	uint32_t end = t->len, i, j;

	if (!p->ast->duk_div_regex && duk_reads_division(p->prev_kind))
		p->ast->duk_div_regex = t->off + 1;
	while (end > 1 && s[end - 1] != '/')
		end--;
	n->u.regex.body_len = end - 2;
	for (i = end; i < t->len; i++) {
		char c = s[i];

		if (c == 'y' || c == 'u' || c == 's')
			ps_fail(p, t->off + i, "regular expression flag '%c' is ES2015 syntax; Ferry accepts ES5.1", c);
		if (c != 'g' && c != 'i' && c != 'm')
			ps_fail(p, t->off + i, "invalid regular expression flag '%c'", c);
		for (j = end; j < i; j++)
			if (s[j] == c)
				ps_fail(p, t->off + i, "duplicate regular expression flag '%c'", c);
	}
	ps_advance(p);
	return n;
}

/* Arguments `( a, b )` into l; the current token is `(`. */
static void
arguments(ps *p, rw_list *l)
{
	uint32_t base = p->sp;

	ps_advance(p);
	if (ps_peek(p, LX_MODE_RE) != LX_RPAREN) {
		for (;;) {
			if (ps_peek(p, LX_MODE_RE) == LX_ELLIPSIS)
				ps_es2015(p, p->tok.off, "spread argument");
			ps_push(p, ps_assign(p, 0));
			if (!ps_accept(p, LX_COMMA, LX_MODE_DIV))
				break;
			if (ps_peek(p, LX_MODE_RE) == LX_RPAREN)
				ps_fail_tok(p, "trailing comma in arguments is not ES5.1");
		}
	}
	ps_expect(p, LX_RPAREN, LX_MODE_DIV);
	ps_pop_list(p, base, l);
}

/* ------------------------------------------------------------------ literals */

static rw_node *
array_literal(ps *p)
{
	rw_node *n = ps_node(p, RW_ARRAY, &p->tok);
	uint32_t base = p->sp;

	ps_advance(p);
	for (;;) {
		lx_kind k = ps_peek(p, LX_MODE_RE);

		if (k == LX_RBRACKET)
			break;
		if (k == LX_COMMA) {
			ps_push(p, NULL);
			ps_advance(p);
			continue;
		}
		if (k == LX_ELLIPSIS)
			ps_es2015(p, p->tok.off, "spread element");
		ps_push(p, ps_assign(p, 0));
		if (ps_peek(p, LX_MODE_DIV) == LX_RBRACKET)
			break;
		ps_expect(p, LX_COMMA, LX_MODE_DIV);
	}
	ps_advance(p);
	ps_pop_list(p, base, &n->u.array.items);
	ps_finish(p, n);
	return n;
}

/* PropertyName: identifier name, string, number, or [computed]. */
static rw_node *
prop_key(ps *p, uint16_t *pflags)
{
	lx_kind k = ps_peek(p, LX_MODE_RE);
	rw_node *key;

	if (is_keyword_or_ident(k))
		return ps_ident(p, RW_NAME);
	if (k == LX_STRING)
		return string(p);
	if (k == LX_NUMBER)
		return number(p);
	if (k == LX_LBRACKET) {
		ps_advance(p);
		key = ps_assign(p, 0);
		ps_expect(p, LX_RBRACKET, LX_MODE_DIV);
		*pflags |= RW_PROP_COMPUTED;
		return key;
	}
	if (k == LX_STAR)
		ps_es2015(p, p->tok.off, "generator method");
	ps_unexpected(p);
}

static int
raw_is(ps *p, const lx_token *t, const char *w)
{
	size_t n = strlen(w);

	return t->kind == LX_IDENT && !(t->flags & LX_F_ESCAPE) && t->len == n &&
	       memcmp(p->ast->src + t->off, w, n) == 0;
}

static rw_node *
property(ps *p)
{
	lx_token start = p->tok;
	rw_node *n = ps_node(p, RW_PROP, &start);
	lx_kind k;
	int is_get = raw_is(p, &start, "get"), is_set = raw_is(p, &start, "set");

	if (is_get || is_set) {
		lx_token t2;
		lx_state st;

		lx_save(p->lx, &st);
		lx_next(p->lx, LX_MODE_DIV, &t2);
		lx_restore(p->lx, &st);
		if (t2.kind != LX_COLON && t2.kind != LX_LPAREN && t2.kind != LX_COMMA &&
		    t2.kind != LX_RBRACE && t2.kind != LX_ASSIGN) {
			ps_advance(p);   /* get / set */
			n->u.prop.kind = is_get ? RW_PROP_GET : RW_PROP_SET;
			RW_SET(n, prop.key, prop_key(p, &n->u.prop.flags));
			if (n->u.prop.flags & RW_PROP_COMPUTED)
				ps_es2015(p, RW_N(n, prop.key)->span.start, "computed accessor name");
			if (ps_peek(p, LX_MODE_DIV) != LX_LPAREN)
				ps_expect(p, LX_LPAREN, LX_MODE_DIV);
			RW_SET(n, prop.value, ps_function(p, 0, is_get ? RW_FN_GETTER : RW_FN_SETTER, &p->tok));
			ps_finish(p, n);
			return n;
		}
	}
	RW_SET(n, prop.key, prop_key(p, &n->u.prop.flags));
	k = ps_peek(p, LX_MODE_DIV);
	/* Duktape 2.7 reads an identifier name `get` or `set` (escapes decoded)
	 * not followed by `:` as the start of an accessor: a shorthand method
	 * or property of that name does not compile */
	if (RW_N(n, prop.key)->kind == RW_NAME) {
		const char *nm = RW_S(RW_N(n, prop.key), ident.name);
		is_get = nm == p->a_get;
		is_set = nm == p->a_set;
	}
	if ((is_get || is_set) && (k == LX_COMMA || k == LX_RBRACE))
		ps_es2015(p, start.off, is_get ? "a shorthand property named 'get'"
		                                : "a shorthand property named 'set'");
	/* shorthand methods: Duktape 2.7 compiles only those named by a plain
	 * identifier, string or number */
	if (k == LX_LPAREN) {
		if (is_get || is_set)
			ps_es2015(p, start.off, is_get ? "a shorthand method named 'get'"
			                                : "a shorthand method named 'set'");
		if (n->u.prop.flags & RW_PROP_COMPUTED)
			ps_es2015(p, start.off, "computed method name");
		if ((start.kind >= LX_KW_BREAK && start.kind <= LX_KW_SUPER) ||
		    (p->strict && ps_is_ident(p, start.kind) && start.kind != LX_IDENT))
			ps_es2015(p, start.off, "a shorthand method named by a reserved word");
	}
	if (k == LX_COLON) {
		ps_advance(p);
		n->u.prop.kind = RW_PROP_INIT;
		RW_SET(n, prop.value, ps_assign(p, 0));
	} else if (k == LX_LPAREN) {
		n->u.prop.kind = RW_PROP_METHOD;
		RW_SET(n, prop.value, ps_function(p, 0, RW_FN_METHOD, &p->tok));
	} else if ((k == LX_COMMA || k == LX_RBRACE) && ps_is_ident(p, start.kind)) {
		/* shorthand {a}: the value is a reference to a */
		rw_node *v = ps_node(p, RW_IDENT, &start);

		if (p->strict && start.kind != LX_IDENT)
			ps_fail(p, start.off, "'%s' is a reserved word in strict mode",
			        RW_S(RW_N(n, prop.key), ident.name));
		if (start.flags & LX_F_KEYWORD_ESC)
			ps_fail(p, start.off, "reserved word written with escapes cannot be an identifier");
		RW_SET(v, ident.name, RW_S(RW_N(n, prop.key), ident.name));
		n->u.prop.kind = RW_PROP_INIT;
		n->u.prop.flags |= RW_PROP_SHORTHAND;
		RW_SET(n, prop.value, v);
	} else if (k == LX_ASSIGN) {
		ps_es2015(p, start.off, "destructuring");
	} else {
		ps_unexpected(p);
	}
	ps_finish(p, n);
	return n;
}

static rw_node *
object_literal(ps *p)
{
	rw_node *n = ps_node(p, RW_OBJECT, &p->tok);
	uint32_t base = p->sp;

	ps_advance(p);
	ps_enter(p);
	for (;;) {
		if (ps_peek(p, LX_MODE_RE) == LX_RBRACE)
			break;
		ps_push(p, property(p));
		if (ps_peek(p, LX_MODE_DIV) == LX_RBRACE)
			break;
		ps_expect(p, LX_COMMA, LX_MODE_DIV);
	}
	ps_leave(p);
	ps_advance(p);
	ps_pop_list(p, base, &n->u.object.props);
	ps_finish(p, n);
	return n;
}

/* ------------------------------------------------------------------ primary */

static rw_node *
primary(ps *p)
{
	lx_kind k = ps_peek(p, LX_MODE_RE);
	rw_node *n;
	lx_token start = p->tok;

	switch (k) {
	case LX_KW_THIS:
		n = ps_node(p, RW_THIS, &start);
		ps_advance(p);
		return n;
	case LX_KW_NULL:
		n = ps_node(p, RW_NULL, &start);
		ps_advance(p);
		return n;
	case LX_KW_TRUE:
	case LX_KW_FALSE:
		n = ps_node(p, RW_BOOL, &start);
		n->u.boolean.value = k == LX_KW_TRUE;
		ps_advance(p);
		return n;
	case LX_NUMBER:
		return number(p);
	case LX_STRING:
		return string(p);
	case LX_REGEX:
		return regex(p);
	case LX_LBRACKET:
		return array_literal(p);
	case LX_LBRACE:
		return object_literal(p);
	case LX_KW_FUNCTION:
		return ps_function(p, 0, 0, &start);
	case LX_KW_SUPER:
		ps_es2015(p, start.off, "super");
	case LX_LPAREN:
		ps_advance(p);
		k = ps_peek(p, LX_MODE_RE);
		if (k == LX_RPAREN) {
			ps_advance(p);
			if (ps_peek(p, LX_MODE_DIV) == LX_ARROW)
				ps_es2015(p, start.off, "arrow function");
			ps_fail(p, p->prev_end - 1, "unexpected ')'");
		}
		if (k == LX_ELLIPSIS)
			ps_es2015(p, p->tok.off, "rest parameter");
		n = ps_expression(p, 0);
		ps_expect(p, LX_RPAREN, LX_MODE_DIV);
		/* the span of a parenthesized expression includes the parentheses */
		/* the extent without parentheses, for rw_token_span */
		if (!(n->flags & RW_PARENS) && rw_note_token(p->ast, n) != 0)
			ps_oom(p, NULL);
		n->flags |= RW_PARENS;
		n->span.start = start.off;
		n->span.end = p->prev_end;
		return n;
	default:
		if (ps_is_ident(p, k)) {
			n = ps_ident(p, RW_IDENT);
			if (RW_S(n, ident.name) == p->a_async && ps_peek(p, LX_MODE_DIV) == LX_KW_FUNCTION &&
			    !(p->tok.flags & LX_F_NL_BEFORE))
				ps_es2015(p, start.off, "async function");
			return n;
		}
		ps_unexpected(p);
	}
}

/* ------------------------------------------------------------------ member, call, new */

/* One member suffix of e when the next token (k) starts one: `.name` or
 * `[expr]`; a tagged template is rejected. NULL when k starts none. The
 * caller finishes the node. */
static rw_node *
member_suffix(ps *p, lx_kind k, rw_node *e)
{
	rw_node *n;

	if (k == LX_DOT) {
		ps_advance(p);
		if (!is_keyword_or_ident(ps_peek(p, LX_MODE_RE)))
			ps_fail_tok(p, "expected a property name after '.' but found %s",
			            lx_kind_name(p->tok.kind));
		n = ps_node_at(p, RW_DOT, e);
		RW_SET(n, member.object, e);
		RW_SET(n, member.prop, ps_ident(p, RW_NAME));
		return n;
	}
	if (k == LX_LBRACKET) {
		ps_advance(p);
		n = ps_node_at(p, RW_INDEX, e);
		RW_SET(n, member.object, e);
		RW_SET(n, member.prop, ps_expression(p, 0));
		ps_expect(p, LX_RBRACKET, LX_MODE_DIV);
		return n;
	}
	if (k == LX_TEMPLATE)
		ps_es2015(p, p->tok.off, "tagged template");
	return NULL;
}

/* `new.target` after `new` (at start): ES2015, but Duktape 2.7 compiles it in
 * function code (getters and setters included: the function being constructed,
 * or undefined) and refuses it in program code ("invalid new.target").
 * `new.t\u0061rget` is an error, as in ES2015 (Duktape 2.7 compiles it). */
static rw_node *
new_target(ps *p, const lx_token *start)
{
	rw_node *n = ps_node(p, RW_NEW_TARGET, start), *name;
	lx_kind kind;
	uint32_t off;

	ps_advance(p);   /* . */
	kind = ps_peek(p, LX_MODE_RE);
	off = p->tok.off;
	if (kind != LX_IDENT)
		ps_fail_tok(p, "expected 'target' after 'new.' but found %s", lx_kind_name(p->tok.kind));
	if (p->tok.flags & LX_F_ESCAPE)
		ps_fail_tok(p, "'target' after 'new.' cannot contain escapes");
	name = ps_ident(p, RW_NAME);
	if (RW_S(name, ident.name) != p->a_target)
		ps_fail(p, off, "expected 'target' after 'new.' but found '%s'", RW_S(name, ident.name));
	if (!p->in_function)
		ps_fail(p, start->off, "new.target outside a function");
	ps_finish(p, n);
	return n;
}

/* MemberExpression: primary or `new` with its member chain, no calls. */
static rw_node *
member(ps *p)
{
	rw_node *e, *n;
	unsigned extra = 0;

	if (ps_peek(p, LX_MODE_RE) == LX_KW_NEW) {
		lx_token start = p->tok;

		ps_advance(p);
		if (ps_peek(p, LX_MODE_RE) == LX_DOT) {
			e = new_target(p, &start);
			goto suffixes;
		}
		ps_enter(p);
		e = member(p);
		ps_leave(p);
		n = ps_node(p, RW_NEW, &start);
		RW_SET(n, call.callee, e);
		if (ps_peek(p, LX_MODE_DIV) == LX_LPAREN) {
			arguments(p, &n->u.call.args);
		} else {
			n->flags |= RW_NEW_NO_ARGS;
			ps_finish(p, n);
			return n;
		}
		ps_finish(p, n);
		e = n;
	} else {
		e = primary(p);
	}
suffixes:
	for (;;) {
		lx_kind k = ps_peek(p, LX_MODE_DIV);

		if (!(n = member_suffix(p, k, e)))
			break;
		ps_finish(p, n);
		e = n;
		ps_enter(p);
		extra++;
	}
	p->depth -= extra;
	return e;
}

/* LeftHandSideExpression: member expressions and calls. */
rw_node *
ps_lhs(ps *p)
{
	rw_node *e = member(p), *n;
	unsigned extra = 0;

	for (;;) {
		lx_kind k = ps_peek(p, LX_MODE_DIV);

		if (k == LX_LPAREN) {
			n = ps_node_at(p, RW_CALL, e);
			RW_SET(n, call.callee, e);
			arguments(p, &n->u.call.args);
		} else if (!(n = member_suffix(p, k, e))) {
			break;
		}
		ps_finish(p, n);
		e = n;
		ps_enter(p);
		extra++;
	}
	p->depth -= extra;
	return e;
}

/* ------------------------------------------------------------------ operators */

static rw_node *
unary(ps *p)
{
	lx_kind k = ps_peek(p, LX_MODE_RE);
	lx_token start;
	rw_node *n, *arg;
	rw_op op;

	switch (k) {
	case LX_KW_DELETE: op = RW_OP_DELETE; break;
	case LX_KW_VOID:   op = RW_OP_VOID; break;
	case LX_KW_TYPEOF: op = RW_OP_TYPEOF; break;
	case LX_PLUS:      op = RW_OP_POS; break;
	case LX_MINUS:     op = RW_OP_NEG; break;
	case LX_TILDE:     op = RW_OP_BITNOT; break;
	case LX_BANG:      op = RW_OP_NOT; break;
	case LX_INC:       op = RW_OP_INC; break;
	case LX_DEC:       op = RW_OP_DEC; break;
	default:           op = RW_OP_NONE; break;
	}
	if (op != RW_OP_NONE) {
		start = p->tok;
		ps_advance(p);
		ps_enter(p);
		arg = unary(p);
		ps_leave(p);
		if (op == RW_OP_INC || op == RW_OP_DEC) {
			ps_check_target(p, arg, 0, op == RW_OP_INC ? "'++'" : "'--'");
			n = ps_node(p, RW_UPDATE, &start);
			n->flags |= RW_PREFIX;
			n->op = op;
			RW_SET(n, update.arg, arg);
		} else {
			if (op == RW_OP_DELETE && p->strict && arg->kind == RW_IDENT)
				ps_fail(p, start.off, "delete of an unqualified identifier in strict mode");
			n = ps_node(p, RW_UNARY, &start);
			n->op = op;
			RW_SET(n, unary.arg, arg);
		}
		ps_finish(p, n);
		return n;
	}
	arg = ps_lhs(p);
	k = ps_peek(p, LX_MODE_DIV);
	if ((k == LX_INC || k == LX_DEC) && !(p->tok.flags & LX_F_NL_BEFORE)) {
		ps_check_target(p, arg, 0, k == LX_INC ? "'++'" : "'--'");
		ps_advance(p);
		n = ps_node_at(p, RW_UPDATE, arg);
		n->op = k == LX_INC ? RW_OP_INC : RW_OP_DEC;
		RW_SET(n, update.arg, arg);
		ps_finish(p, n);
		return n;
	}
	return arg;
}

/* Binary operator precedence (0: not a binary operator here). */
static int
binprec(lx_kind k, int noin, rw_op *op)
{
	switch (k) {
	case LX_OR:         *op = RW_OP_OR; return 1;
	case LX_AND:        *op = RW_OP_AND; return 2;
	case LX_PIPE:       *op = RW_OP_BITOR; return 3;
	case LX_CARET:      *op = RW_OP_BITXOR; return 4;
	case LX_AMP:        *op = RW_OP_BITAND; return 5;
	case LX_EQ:         *op = RW_OP_EQ; return 6;
	case LX_NE:         *op = RW_OP_NE; return 6;
	case LX_SEQ:        *op = RW_OP_SEQ; return 6;
	case LX_SNE:        *op = RW_OP_SNE; return 6;
	case LX_LT:         *op = RW_OP_LT; return 7;
	case LX_GT:         *op = RW_OP_GT; return 7;
	case LX_LE:         *op = RW_OP_LE; return 7;
	case LX_GE:         *op = RW_OP_GE; return 7;
	case LX_KW_INSTANCEOF: *op = RW_OP_INSTANCEOF; return 7;
	case LX_KW_IN:      *op = RW_OP_IN; return noin ? 0 : 7;
	case LX_SHL:        *op = RW_OP_SHL; return 8;
	case LX_SAR:        *op = RW_OP_SAR; return 8;
	case LX_SHR:        *op = RW_OP_SHR; return 8;
	case LX_PLUS:       *op = RW_OP_ADD; return 9;
	case LX_MINUS:      *op = RW_OP_SUB; return 9;
	case LX_STAR:       *op = RW_OP_MUL; return 10;
	case LX_SLASH:      *op = RW_OP_DIV; return 10;
	case LX_PERCENT:    *op = RW_OP_MOD; return 10;
	case LX_EXP:        *op = RW_OP_EXP; return 11;
	default:            return 0;
	}
}

static rw_node *
binary(ps *p, int minprec, int noin)
{
	rw_node *left = unary(p), *right, *n;
	unsigned extra = 0;

	for (;;) {
		rw_op op = RW_OP_NONE;
		int prec = binprec(ps_peek(p, LX_MODE_DIV), noin, &op);

		if (prec == 0 || prec < minprec)
			break;
		if (op == RW_OP_EXP && left->kind == RW_UNARY && !(left->flags & RW_PARENS))
			ps_fail_tok(p, "a unary expression before '**' needs parentheses");
		ps_advance(p);
		ps_enter(p);
		extra++;
		/* ** is right-associative, the others left-associative */
		right = binary(p, op == RW_OP_EXP ? prec : prec + 1, noin);
		n = ps_node_at(p, RW_BINARY, left);
		n->op = op;
		RW_SET(n, binary.left, left);
		RW_SET(n, binary.right, right);
		ps_finish(p, n);
		left = n;
	}
	p->depth -= extra;
	return left;
}

static rw_node *
conditional(ps *p, int noin)
{
	rw_node *test = binary(p, 1, noin), *n;

	if (ps_peek(p, LX_MODE_DIV) != LX_QUESTION)
		return test;
	ps_advance(p);
	n = ps_node_at(p, RW_COND, test);
	RW_SET(n, cond.test, test);
	RW_SET(n, cond.then, ps_assign(p, 0));
	ps_expect(p, LX_COLON, LX_MODE_DIV);
	RW_SET(n, cond.alt, ps_assign(p, noin));
	ps_finish(p, n);
	return n;
}

static rw_op
assign_op(lx_kind k)
{
	switch (k) {
	case LX_ASSIGN:     return RW_OP_ASSIGN;
	case LX_ADD_ASSIGN: return RW_OP_ADD_ASSIGN;
	case LX_SUB_ASSIGN: return RW_OP_SUB_ASSIGN;
	case LX_MUL_ASSIGN: return RW_OP_MUL_ASSIGN;
	case LX_DIV_ASSIGN: return RW_OP_DIV_ASSIGN;
	case LX_MOD_ASSIGN: return RW_OP_MOD_ASSIGN;
	case LX_SHL_ASSIGN: return RW_OP_SHL_ASSIGN;
	case LX_SAR_ASSIGN: return RW_OP_SAR_ASSIGN;
	case LX_SHR_ASSIGN: return RW_OP_SHR_ASSIGN;
	case LX_AND_ASSIGN: return RW_OP_AND_ASSIGN;
	case LX_OR_ASSIGN:  return RW_OP_OR_ASSIGN;
	case LX_XOR_ASSIGN: return RW_OP_XOR_ASSIGN;
	case LX_EXP_ASSIGN: return RW_OP_EXP_ASSIGN;
	default:            return RW_OP_NONE;
	}
}

rw_node *
ps_assign(ps *p, int noin)
{
	rw_node *left, *n;
	rw_op op;
	lx_kind k;

	ps_enter(p);
	left = conditional(p, noin);
	k = ps_peek(p, LX_MODE_DIV);
	if (k == LX_ARROW)
		ps_es2015(p, left->span.start, "arrow function");
	op = assign_op(k);
	if (op != RW_OP_NONE) {
		ps_check_target(p, left, op == RW_OP_ASSIGN, "assignment");
		ps_advance(p);
		n = ps_node_at(p, RW_ASSIGN, left);
		n->op = op;
		RW_SET(n, assign.target, left);
		RW_SET(n, assign.value, ps_assign(p, noin));
		ps_finish(p, n);
		left = n;
	}
	ps_leave(p);
	return left;
}

rw_node *
ps_expression(ps *p, int noin)
{
	rw_node *e = ps_assign(p, noin), *n;
	uint32_t base;

	if (ps_peek(p, LX_MODE_DIV) != LX_COMMA)
		return e;
	n = ps_node_at(p, RW_SEQ, e);
	base = p->sp;
	ps_push(p, e);
	while (ps_accept(p, LX_COMMA, LX_MODE_DIV))
		ps_push(p, ps_assign(p, noin));
	ps_pop_list(p, base, &n->u.seq.items);
	ps_finish(p, n);
	return n;
}
