/*
 * rewriter/rewriter.h -- the rewriter module's public face (prefix rw_):
 * the AST of an ES5.1 program, the parser that builds it, the printer that
 * re-emits it. Scope analysis (rewriter/scope.h) and the instrumentation
 * work on this AST.
 *
 * The AST lives in one arena owned by the rw_ast; every node, list and
 * string is freed together by rw_ast_free(). The AST refers to the source
 * buffer passed to rw_parse() (raw literal text is read from it through
 * spans), so that buffer must outlive the AST.
 *
 * Positions: every node has a span: byte offsets [start, end) into the
 * source; rw_position() gives the 1-based line and code-point column of an
 * offset (as the lexer counts them; nodes do not store them, to keep the
 * AST small). A node's span covers exactly its own text, which is
 * always a valid piece of program: an expression written in parentheses
 * `(a + b)` has the flag RW_PARENS and its span includes the parentheses;
 * a statement's span includes its `;` if one was written.
 *
 * Names: identifier names (RW_IDENT, RW_NAME, labels) are cooked (escapes
 * decoded, CESU-8 like Duktape's strings) and INTERNED per AST: two names are
 * equal iff their pointers are equal. rw_intern() gives the pointer for a
 * C string (e.g. "arguments", "eval") to compare against.
 *
 * Layout (doc/parser.md, "Memory"): a node is a 12-byte header (kind, op,
 * flags, span) and its kind's fields, all 4 bytes wide; it refers to its
 * children, names and lists with 32-bit rw_rel offsets rather than pointers.
 * Read a child with RW_N(n, binary.left), a name with RW_S(n, ident.name),
 * a list item with RW_ITEM(n, call.args, i) (or rw_item(&list, i)), a
 * number with rw_number(n); the list length is n->u.call.args.n; write
 * with RW_SET(n, field, child). Nodes have no id: a later pass that needs
 * a side table keeps its own numbering (ast->node_count counts the nodes).
 */
#ifndef FERRY_REWRITER_H
#define FERRY_REWRITER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct rw_node rw_node;
typedef struct rw_ast  rw_ast;

typedef enum rw_kind {
	/* ---- the program */
	RW_PROGRAM = 0,    /* u.program */

	/* ---- statements */
	RW_EMPTY,          /* ; */
	RW_BLOCK,          /* u.block: { body } */
	RW_EXPR_STMT,      /* u.expr_stmt: expr ;  (directives too: flag RW_DIRECTIVE) */
	RW_VAR,            /* u.var: var/const a = 1, b;  (also the head of for / for-in) */
	RW_DECLARATOR,     /* u.decl: id [= init]  (child of RW_VAR) */
	RW_IF,             /* u.if_: if (test) then [else alt] */
	RW_DO_WHILE,       /* u.loop: do body while (test) */
	RW_WHILE,          /* u.loop: while (test) body */
	RW_FOR,            /* u.for_: for (init; test; update) body; each head part may be NULL */
	RW_FOR_IN,         /* u.for_in: for (left in right) body */
	RW_CONTINUE,       /* u.jump: continue [label] */
	RW_BREAK,          /* u.jump: break [label] */
	RW_RETURN,         /* u.ret: return [arg] */
	RW_WITH,           /* u.with: with (object) body */
	RW_SWITCH,         /* u.switch_: switch (disc) { cases } */
	RW_CASE,           /* u.case_: case test: / default: (test NULL), then body */
	RW_LABELED,        /* u.labeled: label: body */
	RW_THROW,          /* u.throw_: throw arg */
	RW_TRY,            /* u.try_: try block [catch] [finally] */
	RW_CATCH,          /* u.catch_: catch (param) body -- its own scope */
	RW_DEBUGGER,       /* debugger; */
	RW_FUNC_DECL,      /* u.fn: function declaration (statement) */

	/* ---- expressions */
	RW_FUNC_EXPR,      /* u.fn: function expression, getter/setter/method body */
	RW_IDENT,          /* u.ident: identifier reference or binding (var, param, fn name, catch param) */
	RW_NAME,           /* u.ident: IdentifierName that is NOT a reference: `o.name`, `{name: v}` key */
	RW_THIS,           /* this */
	RW_NEW_TARGET,     /* new.target (function code only; Duktape 2.7 runs it) */
	RW_NULL,           /* null */
	RW_BOOL,           /* u.boolean */
	RW_NUMBER,         /* u.number: value; raw text is the span */
	RW_STRING,         /* u.string: cooked value; raw text (quotes included) is the span */
	RW_REGEX,          /* u.regex: raw text is the span (/body/flags) */
	RW_ARRAY,          /* u.array: [a, , b]; holes are NULL items */
	RW_OBJECT,         /* u.object: { props } */
	RW_PROP,           /* u.prop: one property of an object literal */
	RW_UNARY,          /* u.unary: op arg (delete void typeof + - ~ !) */
	RW_UPDATE,         /* u.update: ++x x++ --x x-- */
	RW_BINARY,         /* u.binary: left op right (arithmetic, comparison, in, instanceof, && ||) */
	RW_ASSIGN,         /* u.assign: target op value (= += ...) */
	RW_COND,           /* u.cond: test ? then : alt */
	RW_CALL,           /* u.call: callee(args) */
	RW_NEW,            /* u.call: new callee(args); flag RW_NEW_NO_ARGS for `new X` */
	RW_DOT,            /* u.member: object.prop (prop is an RW_NAME) */
	RW_INDEX,          /* u.member: object[prop] */
	RW_SEQ,            /* u.seq: a, b, c (two or more items) */

	RW_KIND_COUNT
} rw_kind;

typedef enum rw_op {
	RW_OP_NONE = 0,
	/* unary */
	RW_OP_DELETE, RW_OP_VOID, RW_OP_TYPEOF, RW_OP_POS, RW_OP_NEG,
	RW_OP_BITNOT, RW_OP_NOT,
	/* update */
	RW_OP_INC, RW_OP_DEC,
	/* binary */
	RW_OP_MUL, RW_OP_DIV, RW_OP_MOD, RW_OP_ADD, RW_OP_SUB,
	RW_OP_SHL, RW_OP_SAR, RW_OP_SHR,
	RW_OP_LT, RW_OP_GT, RW_OP_LE, RW_OP_GE, RW_OP_INSTANCEOF, RW_OP_IN,
	RW_OP_EQ, RW_OP_NE, RW_OP_SEQ, RW_OP_SNE,
	RW_OP_BITAND, RW_OP_BITXOR, RW_OP_BITOR,
	RW_OP_AND, RW_OP_OR,
	RW_OP_EXP,           /* ** (ES2016; Duktape 2.7 runs it) */
	/* assignment */
	RW_OP_ASSIGN, RW_OP_ADD_ASSIGN, RW_OP_SUB_ASSIGN, RW_OP_MUL_ASSIGN,
	RW_OP_DIV_ASSIGN, RW_OP_MOD_ASSIGN, RW_OP_SHL_ASSIGN, RW_OP_SAR_ASSIGN,
	RW_OP_SHR_ASSIGN, RW_OP_AND_ASSIGN, RW_OP_OR_ASSIGN, RW_OP_XOR_ASSIGN,
	RW_OP_EXP_ASSIGN,

	RW_OP_COUNT
} rw_op;

/* rw_node.flags */
enum {
	RW_DIRECTIVE      = 1u << 0,  /* RW_EXPR_STMT: part of a directive prologue */
	RW_USE_STRICT     = 1u << 1,  /* RW_EXPR_STMT: the directive is exactly "use strict" */
	RW_PREFIX         = 1u << 2,  /* RW_UPDATE: ++x rather than x++ */
	RW_NEW_NO_ARGS    = 1u << 3,  /* RW_NEW: written without an argument list */
	RW_CONST          = 1u << 4,  /* RW_VAR: `const` rather than `var` (Duktape: behaves like var) */
	RW_IN_FOR_HEAD    = 1u << 5,  /* RW_VAR: the init of a for / left of a for-in (no `;`) */
	RW_PARENS         = 1u << 6   /* expression was written in parentheses (span includes them) */
};

/* RW_FUNC_DECL / RW_FUNC_EXPR: u.fn.flags */
enum {
	RW_FN_STRICT      = 1u << 0,  /* the function's code is strict (own directive or inherited) */
	RW_FN_OWN_STRICT  = 1u << 1,  /* it has its own "use strict" directive */
	RW_FN_GETTER      = 1u << 2,  /* get x() {} in an object literal */
	RW_FN_SETTER      = 1u << 3,  /* set x(v) {} in an object literal */
	RW_FN_METHOD      = 1u << 4,  /* x() {} shorthand method (ES2015, Duktape runs it) */
	RW_FN_IN_BLOCK    = 1u << 5   /* declaration not directly in a function body / program
	                                 (block, if, loop, label, switch case): see doc/parser.md */
};

/* RW_PROP: u.prop.kind */
typedef enum rw_prop_kind {
	RW_PROP_INIT = 0,  /* key: value  (and shorthand `{a}`: key RW_NAME a, value RW_IDENT a) */
	RW_PROP_GET,       /* get key() {} ; value is the RW_FUNC_EXPR */
	RW_PROP_SET,       /* set key(v) {} */
	RW_PROP_METHOD     /* key() {} */
} rw_prop_kind;

/* RW_PROP: u.prop.flags */
enum {
	RW_PROP_COMPUTED  = 1u << 0,  /* [expr]: key is any expression */
	RW_PROP_SHORTHAND = 1u << 1   /* {a}: value is an RW_IDENT sharing the key's name */
};

/* Source span: bytes [start, end); rw_position() for line and column. */
typedef struct rw_span {
	uint32_t start, end;
} rw_span;

/* A reference from the AST to something else in the AST's arena (a node,
 * an interned name, a list's items, a scope, an occurrence record): a
 * signed offset in 4-byte units FROM THE ADDRESS OF THE REFERENCE ITSELF,
 * 0 for none. Half the size of a pointer; the arena is one reserved
 * address range (at most 8 GB), so every offset fits. A reference is only
 * valid where it was written: never copy an rw_node or an rw_list by value.
 * Read and write them with the accessors below. */
typedef int32_t rw_rel;

/* A list of nodes: v refers to an array of n references (each relative to
 * its own slot, 0 for an array hole). */
typedef struct rw_list {
	rw_rel   v;
	uint32_t n;
} rw_list;

/* A node: a 12-byte header (kind, op, flags, span) and its kind's member of
 * the union, all of 4-byte fields (references are rw_rel). Each node is
 * allocated with only its own member (rw_node_size), 4-byte aligned: never
 * copy an rw_node by value, never read a union member other than its
 * kind's. Nodes have no id (doc/parser.md, "Memory"). */
struct rw_node {
	uint8_t  kind;      /* rw_kind */
	uint8_t  op;        /* rw_op: RW_UNARY, RW_UPDATE, RW_BINARY, RW_ASSIGN */
	uint16_t flags;     /* RW_* above */
	rw_span  span;
	union {
		struct {                 /* RW_PROGRAM */
			rw_list  body;
			int32_t  strict;     /* 1: starts with a "use strict" directive;
			                        2: parsed with RW_PARSE_STRICT, no directive */
			rw_rel   scope;      /* rw_scope (rw_scope_of()); 0 after parsing */
		} program;
		struct { rw_list body; } block;               /* RW_BLOCK */
		struct { rw_rel expr; } expr_stmt;            /* RW_EXPR_STMT */
		struct { rw_list decls; } var;                /* RW_VAR: RW_DECLARATOR items */
		struct { rw_rel id, init; } decl;             /* RW_DECLARATOR: id RW_IDENT, init or none */
		struct { rw_rel test, then, alt; } if_;       /* RW_IF: alt may be none */
		struct { rw_rel test, body; } loop;           /* RW_WHILE, RW_DO_WHILE */
		struct {                 /* RW_FOR */
			rw_rel init;         /* RW_VAR (flag RW_IN_FOR_HEAD), an expression, or none */
			rw_rel test, update, body;   /* test, update may be none */
		} for_;
		struct {                 /* RW_FOR_IN */
			rw_rel left;         /* RW_VAR with exactly one declarator, or an LHS expression */
			rw_rel right, body;
		} for_in;
		struct {                 /* RW_BREAK, RW_CONTINUE */
			rw_rel   label;      /* interned name (RW_S), or none */
			rw_span  label_span;
			rw_rel   target;     /* resolved by the parser: the RW_LABELED of `label`,
			                        or (no label) the innermost loop / switch */
		} jump;
		struct { rw_rel arg; } ret;                   /* RW_RETURN: arg may be none */
		struct { rw_rel object, body; } with;         /* RW_WITH */
		struct { rw_rel disc; rw_list cases; } switch_;    /* RW_SWITCH: RW_CASE items */
		struct { rw_rel test; rw_list body; } case_;       /* RW_CASE: test none = default */
		struct {                 /* RW_LABELED */
			rw_rel   label;      /* interned name (RW_S) */
			rw_span  label_span;
			rw_rel   body;
		} labeled;
		struct { rw_rel arg; } throw_;                /* RW_THROW */
		struct {                 /* RW_TRY */
			rw_rel block;        /* RW_BLOCK */
			rw_rel handler;      /* RW_CATCH or none */
			rw_rel finalizer;    /* RW_BLOCK or none */
		} try_;
		struct {                 /* RW_CATCH */
			rw_rel param;        /* RW_IDENT */
			rw_rel body;         /* RW_BLOCK */
			rw_rel scope;        /* rw_scope (rw_scope_of()) */
		} catch_;
		struct {                 /* RW_FUNC_DECL, RW_FUNC_EXPR */
			rw_rel    name;      /* RW_IDENT or none (anonymous expression, getter/setter/method) */
			rw_list   params;    /* RW_IDENT items */
			rw_list   body;      /* statements (directives first, flag RW_DIRECTIVE) */
			uint32_t  flags;     /* RW_FN_* */
			uint32_t  body_start;/* byte offset of the body's `{` */
			uint32_t  body_end;  /* byte offset just after the body's `}` */
			uint32_t  params_start; /* byte offset of the `(` */
			rw_rel    scope;     /* rw_scope (rw_scope_of()); 0 after parsing */
			int32_t   site;      /* for the instrumentation; -1 after parsing */
		} fn;
		struct {                 /* RW_IDENT, RW_NAME */
			rw_rel name;         /* interned, cooked (RW_S; length: rw_name_len) */
			rw_rel binding;      /* RW_IDENT: its rw_ref (rw_ref_of()); 0 after parsing */
		} ident;
		struct { int32_t value; } boolean;            /* RW_BOOL */
		struct { uint32_t value[2]; } number;         /* RW_NUMBER: rw_number() */
		struct {                 /* RW_STRING */
			rw_rel   value;      /* RW_S: cooked (CESU-8), NUL-terminated, may contain NULs */
			uint32_t len;
		} string;
		struct {                 /* RW_REGEX: /body/flags */
			uint32_t body_len;   /* bytes of body (span.start+1 .. +body_len) */
		} regex;
		struct { rw_list items; } array;              /* RW_ARRAY: items none are holes */
		struct { rw_list props; } object;             /* RW_OBJECT: RW_PROP items */
		struct {                 /* RW_PROP */
			uint16_t kind;       /* rw_prop_kind */
			uint16_t flags;      /* RW_PROP_COMPUTED, RW_PROP_SHORTHAND */
			rw_rel   key;        /* RW_NAME, RW_STRING, RW_NUMBER, or (computed) any expression */
			rw_rel   value;      /* expression; RW_FUNC_EXPR for get/set/method */
		} prop;
		struct { rw_rel arg; } unary;                 /* RW_UNARY: op */
		struct { rw_rel arg; } update;                /* RW_UPDATE: op RW_OP_INC/DEC, flag RW_PREFIX */
		struct { rw_rel left, right; } binary;        /* RW_BINARY: op */
		struct { rw_rel target, value; } assign;      /* RW_ASSIGN: op */
		struct { rw_rel test, then, alt; } cond;      /* RW_COND */
		struct { rw_rel callee; rw_list args; } call; /* RW_CALL, RW_NEW */
		struct { rw_rel object, prop; } member;       /* RW_DOT (prop RW_NAME), RW_INDEX */
		struct { rw_list items; } seq;                /* RW_SEQ */
	} u;
};

/* ---- reading and writing references */

/* What r refers to, or NULL. */
static inline void *
rw_rel_get(const rw_rel *r)
{
	return *r ? (void *)((char *)(uintptr_t)r + (ptrdiff_t)*r * 4) : NULL;
}

/* Makes r refer to p (NULL: none); p is in the same AST's arena, 4-byte aligned. */
static inline void
rw_rel_set(rw_rel *r, const void *p)
{
	*r = p ? (rw_rel)(((const char *)p - (const char *)r) / 4) : 0;
}

/* The node in field f of node n's union (f as in n->u.f, e.g.
 * RW_N(n, binary.left)), or NULL; RW_SET stores one there. */
#define RW_N(n, f)       ((rw_node *)rw_rel_get(&(n)->u.f))
#define RW_SET(n, f, c)  rw_rel_set(&(n)->u.f, (c))
/* A name or string field (ident.name, jump.label, labeled.label, string.value). */
#define RW_S(n, f)       ((const char *)rw_rel_get(&(n)->u.f))

/* Item i of a list (NULL for an array hole); RW_ITEM(n, f, i) for the list
 * in field f of node n, e.g. RW_ITEM(n, call.args, 0). */
static inline rw_node *
rw_item(const rw_list *l, uint32_t i)
{
	const rw_rel *v = (const rw_rel *)rw_rel_get(&l->v);

	return (rw_node *)rw_rel_get(&v[i]);
}
#define RW_ITEM(n, f, i) rw_item(&(n)->u.f, (i))

/* The byte length of an interned name (stored in front of its bytes). */
static inline uint32_t
rw_name_len(const char *interned)
{
	return ((const uint32_t *)(const void *)interned)[-1];
}

/* The value of an RW_NUMBER. */
static inline double
rw_number(const rw_node *n)
{
	double d;

	memcpy(&d, n->u.number.value, sizeof d);
	return d;
}

struct rw_ast {
	rw_node    *program;     /* RW_PROGRAM */
	const char *filename;    /* copy, owned by the AST */
	const char *src;         /* the caller's buffer (not copied) */
	size_t      len;
	uint32_t    node_count;  /* nodes made by the parser */
	uint32_t    fn_count;    /* number of RW_FUNC_DECL + RW_FUNC_EXPR nodes */
	uint32_t    depth;       /* the deepest nesting the parser met (see RW_MAX_DEPTH) */
	uint32_t    duk_div_regex; /* 1 + offset of the first regex literal that Duktape 2.7
	                            * lexes as division (doc/parser.md), 0: none */
	void       *priv;        /* arena, intern table, line table: private */
};

/* ---- parsing */

/* rw_parse flags */
enum {
	RW_PARSE_STRICT = 1u << 0,   /* parse the program as strict code */
	RW_PARSE_DEEP   = 1u << 1    /* nesting limit RW_MAX_DEPTH_DEEP: the caller runs the
	                              * parser and the passes on an RW_DEEP_STACK stack */
};

#define RW_MAX_DEPTH 1000        /* nesting limit (expressions + statements) */
/* Duktape 2.7 compiles nesting up to its recursion limit (about 2500) and `+`
 * and member/call chains of any length; the passes recurse along the AST
 * (at most about 3.2 KB a level, measured under ASan), so ferryc runs them on
 * a thread with a large stack (reserved, committed only as used) and allows
 * RW_MAX_DEPTH_DEEP levels. */
#define RW_MAX_DEPTH_DEEP 20000
#define RW_DEEP_STACK ((size_t)256 << 20)

/* Parses src[0..len) (src[len] must be '\0'; the buffer must outlive the AST).
 * On success returns 0 and sets *out. On a syntax error returns -1, *out is
 * NULL and err holds one line "file:line:col: message" (truncated to errlen).
 * Returns -2 on out of memory (err says so). */
int  rw_parse(const char *filename, const char *src, size_t len, unsigned flags,
              rw_ast **out, char *err, size_t errlen);
void rw_ast_free(rw_ast *ast);

/* Arena allocation in the AST (zeroed, aligned for any type; NULL if out of
 * memory), freed with the AST. For later passes' annotations. */
void *rw_ast_alloc(rw_ast *ast, size_t size);

/* The interned pointer for name[0..len), adding it if needed (NULL on OOM). */
const char *rw_intern(rw_ast *ast, const char *name, size_t len);

/* Line and code-point column (1-based) of a byte offset in the source.
 * The first call builds a line table (one pass over the source); then a
 * call costs a binary search, plus a scan from the line start (or from the
 * previous answer on that line) when the line has non-ASCII text. */
void rw_position(const rw_ast *ast, uint32_t off, uint32_t *line, uint32_t *col);

/* The text of a node without the parentheses written around it (the span
 * of a node without RW_PARENS). Byte offsets [*start, *end); the line and
 * column of *start: rw_position(). */
void rw_token_span(const rw_ast *ast, const rw_node *n, uint32_t *start, uint32_t *end);

/* Bytes used by the AST's arena (for the memory bound and the bench). */
size_t rw_ast_memory(const rw_ast *ast);

/* ---- walking */

/* Calls fn(child, ud) for each direct child of n, in source order
 * (NULL children and array holes are skipped). Stops and returns fn's value
 * if it is non-zero. The one place that knows each kind's children. */
typedef int (*rw_child_fn)(rw_node *child, void *ud);
int rw_children(rw_node *n, rw_child_fn fn, void *ud);

/* Printable names, for dumps and messages. */
const char *rw_kind_name(rw_kind kind);
const char *rw_op_text(rw_op op);          /* "+", "typeof", "+=", ... */

/* ---- printing */

/* Re-emits the program (or one node: statement or expression) as ES5 source
 * text: correct parenthesisation, ASI-safe, string/number/regex literals
 * byte-exact from the source. Output is deterministic and normalised (one
 * statement per line, 2-space indentation). Returns 0, or -1 on write error. */
int rw_print(const rw_ast *ast, FILE *out);
int rw_print_node(const rw_ast *ast, const rw_node *n, FILE *out);

/* ---- ferryc's command line (parsed by rewriter/ferryc.c, consumed by the
 * build step and the dumps) */
typedef enum rw_mode {
	RW_MODE_BUILD = 0,       /* default: instrument, emit, compile, link */
	RW_MODE_CHECK,           /* --check: parse only */
	RW_MODE_PRINT,           /* --print: re-emit from the AST to stdout */
	RW_MODE_DUMP_SCOPES      /* --dump-scopes: scope facts to stdout */
} rw_mode;

typedef struct rw_cli_opts {
	rw_mode     mode;
	const char *input;       /* the .js file */
	const char *outdir;      /* -o DIR (default "build") */
	int         plain;       /* --plain: no instrumentation */
	int         emit_only;   /* --emit-only: write app.fy.js + app_restore.c, no C compile */
	const char *cc;          /* --cc CC (NULL: $CC or "cc") */
	const char *cflags;      /* --cflags FLAGS (NULL: none) */
	const char *runtime_dir; /* --runtime-dir DIR (NULL: env FERRY_RUNTIME_DIR or installed) */
	int         strict;      /* --strict: parse the program as strict code */
	int         verbose;     /* -v */
	int         deep;        /* parse with RW_PARSE_DEEP (ferryc: on an RW_DEEP_STACK stack) */
} rw_cli_opts;

#endif
