/*
 * rewriter/print.c -- re-emits an AST as source text: one statement per
 * line, two-space indentation, every statement terminated explicitly (so the
 * output never relies on automatic semicolon insertion), parentheses exactly
 * where precedence, `new`/call ambiguity, `in` in for-heads or statement-start
 * ambiguity need them. Identifiers and literals (numbers, strings, regular
 * expressions) are copied byte for byte from the source.
 *
 * print(parse(print(parse(x)))) == print(parse(x)) is tested by
 * tests/print-roundtrip.sh.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "rewriter/rewriter.h"

typedef struct pr {
	const rw_ast *ast;
	char   *buf;
	size_t  len, cap;
	int     indent;
	int     oom;
} pr;

/* precedence levels (higher binds tighter) */
enum {
	P_SEQ = 0, P_ASSIGN = 1, P_COND = 2,
	/* binary: 3 (||) .. 13 (**) */
	P_UNARY = 14, P_POSTFIX = 15, P_NEW_NOARGS = 16, P_CALL = 17, P_MEMBER = 18,
	P_PRIMARY = 19
};

/* print flags */
enum { F_NOIN = 1 };

static void expr(pr *o, const rw_node *n, int minprec, int flags);
static void stmt(pr *o, const rw_node *n);

/* ------------------------------------------------------------------ output */

static void
grow(pr *o, size_t n)
{
	char *nb;
	size_t ncap;

	if (o->len + n <= o->cap)
		return;
	ncap = o->cap ? o->cap * 2 : 4096;
	while (ncap < o->len + n)
		ncap *= 2;
	nb = realloc(o->buf, ncap);
	if (nb == NULL) {
		o->oom = 1;
		return;
	}
	o->buf = nb;
	o->cap = ncap;
}

static int
is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$' || c == '\\' || c >= 0x80;
}

/* Appends s[0..n), with a space first if the two tokens would merge. */
static void
put(pr *o, const char *s, size_t n)
{
	if (n == 0 || o->oom)
		return;
	if (o->len > 0) {
		unsigned char a = (unsigned char)o->buf[o->len - 1], b = (unsigned char)s[0];

		if ((is_word_char(a) && is_word_char(b)) || (a == '+' && b == '+') ||
		    (a == '-' && b == '-') || (a == '/' && (b == '/' || b == '*')) ||
		    (a == '.' && b >= '0' && b <= '9')) {
			grow(o, 1);
			if (o->oom)
				return;
			o->buf[o->len++] = ' ';
		}
	}
	grow(o, n);
	if (o->oom)
		return;
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void
puts_(pr *o, const char *s)
{
	put(o, s, strlen(s));
}

/* Raw source text of a leaf node (without parentheses around it). */
static void
raw(pr *o, const rw_node *n)
{
	uint32_t s, e;

	rw_token_span(o->ast, n, &s, &e);
	put(o, o->ast->src + s, e - s);
}

static void
newline(pr *o)
{
	int i;

	grow(o, (size_t)o->indent * 2 + 1);
	if (o->oom)
		return;
	o->buf[o->len++] = '\n';
	for (i = 0; i < o->indent; i++) {
		o->buf[o->len++] = ' ';
		o->buf[o->len++] = ' ';
	}
}

/* Space that separates but never merges (e.g. around binary operators). */
static void
space(pr *o)
{
	grow(o, 1);
	if (!o->oom && o->len > 0 && o->buf[o->len - 1] != ' ' && o->buf[o->len - 1] != '\n')
		o->buf[o->len++] = ' ';
}

/* ------------------------------------------------------------------ expressions */

static int
binary_prec(rw_op op)
{
	switch (op) {
	case RW_OP_OR: return 3;
	case RW_OP_AND: return 4;
	case RW_OP_BITOR: return 5;
	case RW_OP_BITXOR: return 6;
	case RW_OP_BITAND: return 7;
	case RW_OP_EQ: case RW_OP_NE: case RW_OP_SEQ: case RW_OP_SNE: return 8;
	case RW_OP_LT: case RW_OP_GT: case RW_OP_LE: case RW_OP_GE:
	case RW_OP_INSTANCEOF: case RW_OP_IN: return 9;
	case RW_OP_SHL: case RW_OP_SAR: case RW_OP_SHR: return 10;
	case RW_OP_ADD: case RW_OP_SUB: return 11;
	case RW_OP_MUL: case RW_OP_DIV: case RW_OP_MOD: return 12;
	case RW_OP_EXP: return 13;
	default: return 3;
	}
}

static int
prec(const rw_node *n)
{
	switch (n->kind) {
	case RW_SEQ:    return P_SEQ;
	case RW_ASSIGN: return P_ASSIGN;
	case RW_COND:   return P_COND;
	case RW_BINARY: return binary_prec((rw_op)n->op);
	case RW_UNARY:  return P_UNARY;
	case RW_UPDATE: return (n->flags & RW_PREFIX) ? P_UNARY : P_POSTFIX;
	case RW_NEW:    return (n->flags & RW_NEW_NO_ARGS) ? P_NEW_NOARGS : P_MEMBER;
	case RW_CALL:   return P_CALL;
	case RW_DOT:
	case RW_INDEX:  return P_MEMBER;
	default:        return P_PRIMARY;
	}
}

static void
list(pr *o, const rw_list *l)
{
	uint32_t i;

	for (i = 0; i < l->n; i++) {
		if (i > 0)
			puts_(o, ", ");
		expr(o, rw_item(l, i), P_ASSIGN, 0);
	}
}

static void
function_rest(pr *o, const rw_node *n)
{
	uint32_t i;

	puts_(o, "(");
	for (i = 0; i < n->u.fn.params.n; i++) {
		if (i > 0)
			puts_(o, ", ");
		raw(o, RW_ITEM(n, fn.params, i));
	}
	puts_(o, ") {");
	if (n->u.fn.body.n == 0) {
		puts_(o, "}");
		return;
	}
	o->indent++;
	for (i = 0; i < n->u.fn.body.n; i++) {
		newline(o);
		stmt(o, RW_ITEM(n, fn.body, i));
	}
	o->indent--;
	newline(o);
	puts_(o, "}");
}

static void
function(pr *o, const rw_node *n)
{
	puts_(o, "function");
	if (RW_N(n, fn.name) != NULL) {
		space(o);
		raw(o, RW_N(n, fn.name));
	} else {
		space(o);
	}
	function_rest(o, n);
}

static void
prop_key(pr *o, const rw_node *p)
{
	if (p->u.prop.flags & RW_PROP_COMPUTED) {
		puts_(o, "[");
		expr(o, RW_N(p, prop.key), P_ASSIGN, 0);
		puts_(o, "]");
	} else {
		raw(o, RW_N(p, prop.key));
	}
}

static void
object(pr *o, const rw_node *n)
{
	uint32_t i;

	puts_(o, "{");
	for (i = 0; i < n->u.object.props.n; i++) {
		const rw_node *p = RW_ITEM(n, object.props, i);

		if (i > 0)
			puts_(o, ", ");
		switch (p->u.prop.kind) {
		case RW_PROP_GET:
		case RW_PROP_SET:
			puts_(o, p->u.prop.kind == RW_PROP_GET ? "get" : "set");
			space(o);
			prop_key(o, p);
			function_rest(o, RW_N(p, prop.value));
			break;
		case RW_PROP_METHOD:
			prop_key(o, p);
			function_rest(o, RW_N(p, prop.value));
			break;
		default:
			prop_key(o, p);
			if (!(p->u.prop.flags & RW_PROP_SHORTHAND)) {
				puts_(o, ": ");
				expr(o, RW_N(p, prop.value), P_ASSIGN, 0);
			}
			break;
		}
	}
	puts_(o, "}");
}

/* Does a `new` callee contain a call on its member chain (new (a.b()).c)? */
static int
callee_has_call(const rw_node *n)
{
	while (n->kind == RW_DOT || n->kind == RW_INDEX)
		n = RW_N(n, member.object);
	return n->kind == RW_CALL;
}

static void
expr_inner(pr *o, const rw_node *n, int flags)
{
	int p;

	switch (n->kind) {
	case RW_SEQ: {
		uint32_t i;

		for (i = 0; i < n->u.seq.items.n; i++) {
			if (i > 0)
				puts_(o, ", ");
			expr(o, RW_ITEM(n, seq.items, i), P_ASSIGN, flags);
		}
		break;
	}
	case RW_ASSIGN:
		expr(o, RW_N(n, assign.target), P_CALL, flags);
		space(o);
		puts_(o, rw_op_text((rw_op)n->op));
		space(o);
		expr(o, RW_N(n, assign.value), P_ASSIGN, flags);
		break;
	case RW_COND:
		expr(o, RW_N(n, cond.test), P_COND + 1, flags);
		puts_(o, " ? ");
		expr(o, RW_N(n, cond.then), P_ASSIGN, 0);
		puts_(o, " : ");
		expr(o, RW_N(n, cond.alt), P_ASSIGN, flags);
		break;
	case RW_BINARY:
		p = binary_prec((rw_op)n->op);
		if (n->op == RW_OP_EXP) {
			const rw_node *l = RW_N(n, binary.left);

			/* -a ** b is a syntax error: (-a) ** b */
			if (l->kind == RW_UNARY)
				expr(o, l, P_PRIMARY, flags);
			else
				expr(o, l, p + 1, flags);
			puts_(o, " ** ");
			expr(o, RW_N(n, binary.right), p, flags);
			break;
		}
		expr(o, RW_N(n, binary.left), p, flags);
		space(o);
		puts_(o, rw_op_text((rw_op)n->op));
		space(o);
		expr(o, RW_N(n, binary.right), p + 1, flags);
		break;
	case RW_UNARY:
		puts_(o, rw_op_text((rw_op)n->op));
		expr(o, RW_N(n, unary.arg), P_UNARY, flags);
		break;
	case RW_UPDATE:
		if (n->flags & RW_PREFIX) {
			puts_(o, rw_op_text((rw_op)n->op));
			expr(o, RW_N(n, update.arg), P_CALL, flags);
		} else {
			expr(o, RW_N(n, update.arg), P_CALL, flags);
			puts_(o, rw_op_text((rw_op)n->op));
		}
		break;
	case RW_CALL:
		expr(o, RW_N(n, call.callee), P_CALL, flags);
		puts_(o, "(");
		list(o, &n->u.call.args);
		puts_(o, ")");
		break;
	case RW_NEW:
		puts_(o, "new");
		space(o);
		if (callee_has_call(RW_N(n, call.callee)))
			expr(o, RW_N(n, call.callee), P_PRIMARY, 0);
		else
			expr(o, RW_N(n, call.callee), P_MEMBER, flags);
		if (!(n->flags & RW_NEW_NO_ARGS)) {
			puts_(o, "(");
			list(o, &n->u.call.args);
			puts_(o, ")");
		}
		break;
	case RW_DOT:
	case RW_INDEX: {
		const rw_node *obj = RW_N(n, member.object);

		if (obj->kind == RW_NUMBER)
			expr(o, obj, P_PRIMARY + 1, flags);   /* (1).x, not 1.x */
		else
			expr(o, obj, P_CALL, flags);
		if (n->kind == RW_DOT) {
			puts_(o, ".");
			raw(o, RW_N(n, member.prop));
		} else {
			puts_(o, "[");
			expr(o, RW_N(n, member.prop), P_SEQ, 0);
			puts_(o, "]");
		}
		break;
	}
	case RW_ARRAY: {
		uint32_t i, k = n->u.array.items.n;

		puts_(o, "[");
		for (i = 0; i < k; i++) {
			if (i > 0)
				puts_(o, ", ");
			if (RW_ITEM(n, array.items, i) != NULL)
				expr(o, RW_ITEM(n, array.items, i), P_ASSIGN, 0);
		}
		/* a trailing hole needs its own comma: [a, , ] has length 2 */
		if (k > 0 && RW_ITEM(n, array.items, k - 1) == NULL)
			puts_(o, ",");
		puts_(o, "]");
		break;
	}
	case RW_OBJECT:
		object(o, n);
		break;
	case RW_FUNC_EXPR:
		function(o, n);
		break;
	case RW_THIS:
		puts_(o, "this");
		break;
	case RW_NEW_TARGET:
		puts_(o, "new.target");
		break;
	case RW_NULL:
		puts_(o, "null");
		break;
	case RW_BOOL:
		puts_(o, n->u.boolean.value ? "true" : "false");
		break;
	case RW_IDENT:
	case RW_NAME:
	case RW_NUMBER:
	case RW_STRING:
	case RW_REGEX:
		raw(o, n);
		break;
	default:
		break;
	}
}

static void
expr(pr *o, const rw_node *n, int minprec, int flags)
{
	int paren = prec(n) < minprec;

	/* `in` inside a for-head initializer must be parenthesized */
	if (!paren && (flags & F_NOIN) && n->kind == RW_BINARY && n->op == RW_OP_IN)
		paren = 1;
	if (paren) {
		puts_(o, "(");
		expr_inner(o, n, 0);
		puts_(o, ")");
	} else {
		expr_inner(o, n, flags);
	}
}

/* ------------------------------------------------------------------ statements */

/* Puts parentheses around the output from `from` to `to`. */
static void
wrap(pr *o, size_t from, size_t to)
{
	grow(o, 2);
	if (o->oom)
		return;
	memmove(o->buf + to + 2, o->buf + to, o->len - to);
	memmove(o->buf + from + 1, o->buf + from, to - from);
	o->buf[from] = '(';
	o->buf[to + 1] = ')';
	o->len += 2;
}

/* The expression printed from `at` starts a statement or a for-head: an
 * identifier `let` followed by `[` would read as an ES2015 declaration
 * (doc/parser.md: in sloppy code the parser takes it as an expression only
 * when the program declares or assigns `let`), so it becomes `(let)[`. */
static void
let_head(pr *o, size_t at)
{
	if (!o->oom && o->len - at >= 4 && memcmp(o->buf + at, "let[", 4) == 0)
		wrap(o, at, at + 3);
}

/* An expression statement cannot start with `{`, `function` or `let [`. */
static void
expr_statement(pr *o, const rw_node *e, int directive)
{
	size_t at = o->len;

	if (e->kind == RW_STRING && !directive) {
		/* keep a string statement from becoming a directive */
		puts_(o, "(");
		raw(o, e);
		puts_(o, ");");
		return;
	}
	expr(o, e, P_SEQ, 0);
	if (o->oom)
		return;
	if (o->buf[at] == '{' ||
	    (o->len - at >= 8 && memcmp(o->buf + at, "function", 8) == 0 &&
	     (o->len - at == 8 || !is_word_char((unsigned char)o->buf[at + 8]))))
		wrap(o, at, o->len);
	else
		let_head(o, at);
	puts_(o, ";");
}

static void
var_decls(pr *o, const rw_node *n, int flags)
{
	uint32_t i;

	puts_(o, (n->flags & RW_CONST) ? "const" : "var");
	for (i = 0; i < n->u.var.decls.n; i++) {
		const rw_node *d = RW_ITEM(n, var.decls, i);

		puts_(o, i > 0 ? ", " : " ");
		raw(o, RW_N(d, decl.id));
		if (RW_N(d, decl.init) != NULL) {
			puts_(o, " = ");
			expr(o, RW_N(d, decl.init), P_ASSIGN, flags);
		}
	}
}

/* Does the statement end with an `if` that has no `else` (dangling else)? */
static int
ends_with_open_if(const rw_node *n)
{
	for (;;) {
		switch (n->kind) {
		case RW_IF:
			if (RW_N(n, if_.alt) == NULL)
				return 1;
			n = RW_N(n, if_.alt);
			break;
		case RW_WHILE:    n = RW_N(n, loop.body); break;
		case RW_FOR:      n = RW_N(n, for_.body); break;
		case RW_FOR_IN:   n = RW_N(n, for_in.body); break;
		case RW_WITH:     n = RW_N(n, with.body); break;
		case RW_LABELED:  n = RW_N(n, labeled.body); break;
		default:          return 0;
		}
	}
}

/* The body of if/else/loops/with: a block on the same line, else indented. */
static void
body(pr *o, const rw_node *n, int force_block)
{
	if (n->kind == RW_BLOCK) {
		space(o);
		stmt(o, n);
	} else if (force_block) {
		puts_(o, " {");
		o->indent++;
		newline(o);
		stmt(o, n);
		o->indent--;
		newline(o);
		puts_(o, "}");
	} else if (n->kind == RW_EMPTY) {
		puts_(o, ";");
	} else {
		o->indent++;
		newline(o);
		stmt(o, n);
		o->indent--;
	}
}

static void
statements(pr *o, const rw_list *l)
{
	uint32_t i;

	o->indent++;
	for (i = 0; i < l->n; i++) {
		newline(o);
		stmt(o, rw_item(l, i));
	}
	o->indent--;
}

static void
stmt(pr *o, const rw_node *n)
{
	switch (n->kind) {
	case RW_EMPTY:
		puts_(o, ";");
		break;
	case RW_BLOCK:
		if (n->u.block.body.n == 0) {
			puts_(o, "{}");
			break;
		}
		puts_(o, "{");
		statements(o, &n->u.block.body);
		newline(o);
		puts_(o, "}");
		break;
	case RW_EXPR_STMT:
		expr_statement(o, RW_N(n, expr_stmt.expr), (n->flags & RW_DIRECTIVE) != 0);
		break;
	case RW_VAR:
		var_decls(o, n, 0);
		puts_(o, ";");
		break;
	case RW_IF:
		puts_(o, "if (");
		expr(o, RW_N(n, if_.test), P_SEQ, 0);
		puts_(o, ")");
		body(o, RW_N(n, if_.then), RW_N(n, if_.alt) != NULL && ends_with_open_if(RW_N(n, if_.then)));
		if (RW_N(n, if_.alt) != NULL) {
			if (RW_N(n, if_.then)->kind == RW_BLOCK ||
			    (RW_N(n, if_.alt) != NULL && ends_with_open_if(RW_N(n, if_.then))))
				space(o);
			else
				newline(o);
			puts_(o, "else");
			if (RW_N(n, if_.alt)->kind == RW_IF) {
				space(o);
				stmt(o, RW_N(n, if_.alt));
			} else {
				body(o, RW_N(n, if_.alt), 0);
			}
		}
		break;
	case RW_DO_WHILE:
		puts_(o, "do");
		body(o, RW_N(n, loop.body), 0);
		if (RW_N(n, loop.body)->kind == RW_BLOCK)
			space(o);
		else
			newline(o);
		puts_(o, "while (");
		expr(o, RW_N(n, loop.test), P_SEQ, 0);
		puts_(o, ");");
		break;
	case RW_WHILE:
		puts_(o, "while (");
		expr(o, RW_N(n, loop.test), P_SEQ, 0);
		puts_(o, ")");
		body(o, RW_N(n, loop.body), 0);
		break;
	case RW_FOR:
		puts_(o, "for (");
		if (RW_N(n, for_.init) != NULL) {
			size_t at = o->len;

			if (RW_N(n, for_.init)->kind == RW_VAR)
				var_decls(o, RW_N(n, for_.init), F_NOIN);
			else
				expr(o, RW_N(n, for_.init), P_SEQ, F_NOIN);
			let_head(o, at);
		}
		puts_(o, ";");
		if (RW_N(n, for_.test) != NULL) {
			space(o);
			expr(o, RW_N(n, for_.test), P_SEQ, 0);
		}
		puts_(o, ";");
		if (RW_N(n, for_.update) != NULL) {
			space(o);
			expr(o, RW_N(n, for_.update), P_SEQ, 0);
		}
		puts_(o, ")");
		body(o, RW_N(n, for_.body), 0);
		break;
	case RW_FOR_IN: {
		size_t at;

		puts_(o, "for (");
		at = o->len;
		if (RW_N(n, for_in.left)->kind == RW_VAR)
			var_decls(o, RW_N(n, for_in.left), F_NOIN);
		else
			expr(o, RW_N(n, for_in.left), P_CALL, F_NOIN);
		let_head(o, at);
		puts_(o, " in ");
		expr(o, RW_N(n, for_in.right), P_SEQ, 0);
		puts_(o, ")");
		body(o, RW_N(n, for_in.body), 0);
		break;
	}
	case RW_CONTINUE:
	case RW_BREAK:
		puts_(o, n->kind == RW_BREAK ? "break" : "continue");
		if (RW_S(n, jump.label) != NULL) {
			space(o);
			put(o, o->ast->src + n->u.jump.label_span.start,
			    n->u.jump.label_span.end - n->u.jump.label_span.start);
		}
		puts_(o, ";");
		break;
	case RW_RETURN:
		puts_(o, "return");
		if (RW_N(n, ret.arg) != NULL) {
			space(o);
			expr(o, RW_N(n, ret.arg), P_SEQ, 0);
		}
		puts_(o, ";");
		break;
	case RW_WITH:
		puts_(o, "with (");
		expr(o, RW_N(n, with.object), P_SEQ, 0);
		puts_(o, ")");
		body(o, RW_N(n, with.body), 0);
		break;
	case RW_SWITCH: {
		uint32_t i;

		puts_(o, "switch (");
		expr(o, RW_N(n, switch_.disc), P_SEQ, 0);
		puts_(o, ") {");
		for (i = 0; i < n->u.switch_.cases.n; i++) {
			const rw_node *c = RW_ITEM(n, switch_.cases, i);

			newline(o);
			if (RW_N(c, case_.test) != NULL) {
				puts_(o, "case ");
				expr(o, RW_N(c, case_.test), P_SEQ, 0);
				puts_(o, ":");
			} else {
				puts_(o, "default:");
			}
			statements(o, &c->u.case_.body);
		}
		newline(o);
		puts_(o, "}");
		break;
	}
	case RW_LABELED:
		put(o, o->ast->src + n->u.labeled.label_span.start,
		    n->u.labeled.label_span.end - n->u.labeled.label_span.start);
		puts_(o, ":");
		if (RW_N(n, labeled.body)->kind == RW_EMPTY) {
			puts_(o, ";");
		} else {
			space(o);
			stmt(o, RW_N(n, labeled.body));
		}
		break;
	case RW_THROW:
		puts_(o, "throw ");
		expr(o, RW_N(n, throw_.arg), P_SEQ, 0);
		puts_(o, ";");
		break;
	case RW_TRY:
		puts_(o, "try ");
		stmt(o, RW_N(n, try_.block));
		if (RW_N(n, try_.handler) != NULL) {
			puts_(o, " catch (");
			raw(o, RW_N(RW_N(n, try_.handler), catch_.param));
			puts_(o, ") ");
			stmt(o, RW_N(RW_N(n, try_.handler), catch_.body));
		}
		if (RW_N(n, try_.finalizer) != NULL) {
			puts_(o, " finally ");
			stmt(o, RW_N(n, try_.finalizer));
		}
		break;
	case RW_DEBUGGER:
		puts_(o, "debugger;");
		break;
	case RW_FUNC_DECL:
		function(o, n);
		break;
	case RW_PROGRAM: {
		uint32_t i;

		for (i = 0; i < n->u.program.body.n; i++) {
			if (i > 0)
				newline(o);
			stmt(o, RW_ITEM(n, program.body, i));
		}
		break;
	}
	default:
		expr(o, n, P_SEQ, 0);
		break;
	}
}

/* ------------------------------------------------------------------ API */

int
rw_print_node(const rw_ast *ast, const rw_node *n, FILE *out)
{
	pr o;
	int rc = 0;

	memset(&o, 0, sizeof o);
	o.ast = ast;
	stmt(&o, n);
	if (!o.oom && n->kind == RW_PROGRAM && o.len > 0)
		puts_(&o, "\n");
	if (o.oom)
		rc = -1;
	else if (o.len > 0 && fwrite(o.buf, 1, o.len, out) != o.len)
		rc = -1;
	free(o.buf);
	return rc;
}

int
rw_print(const rw_ast *ast, FILE *out)
{
	return rw_print_node(ast, ast->program, out);
}
