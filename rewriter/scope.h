/*
 * rewriter/scope.h -- scope analysis of a parsed program (prefix rw_).
 *
 * rw_scopes_analyse() walks the AST once to declare (hoisting) and once to
 * resolve, and answers what the instrumentation needs, for every function
 * (and the program and every catch clause): its bindings, which of them are
 * captured by inner functions and which are written after entry, its use of
 * `arguments` and `this`, direct eval / with; and for every identifier
 * occurrence: the binding it resolves to -- local, captured from an
 * enclosing function (which one: binding->scope), or global.
 *
 * Semantics (ES5.1 as Debian's Duktape 2.7 runs it):
 *  - Scopes are the program, each function, and each catch clause (only its
 *    parameter lives there). Blocks are not scopes.
 *  - `var` (and `const`, which Duktape runs as `var`) and function
 *    declarations are hoisted to the nearest function (or the program).
 *    A `var x = e` inside `catch (x)` writes the catch parameter: the
 *    declarator's write is resolved from where it stands.
 *  - Function declarations in blocks (RW_FN_IN_BLOCK) are hoisted as Duktape
 *    does: created at function entry, last one wins, whether the block runs
 *    or not, and closing over the *function* scope -- a declaration inside a
 *    catch block does not see the catch parameter, one inside a `with` body
 *    does not see the object (checked on Duktape 2.7; see doc/parser.md).
 *  - A named function expression's own name is a binding of kind
 *    RW_BIND_SELF in the function's scope, shadowed by any parameter, var,
 *    function declaration or `arguments` of the same name. Writes to it are
 *    ignored (sloppy) or throw (strict): it is never RW_BF_ASSIGNED.
 *  - `arguments` is an implicit binding (RW_BIND_ARGUMENTS) of the nearest
 *    non-program function that is not shadowed by a parameter or function
 *    declaration of that name (a `var arguments` keeps the object); it is
 *    created only if referenced.
 *  - Program-level var and function declarations are globals (properties of
 *    the global object): references to them are RW_REF_GLOBAL with the
 *    binding set; undeclared names are RW_REF_GLOBAL with binding NULL.
 *  - Direct eval is a call whose callee is the identifier `eval`
 *    (parentheses allowed), whatever binding it resolves to: a local `eval`
 *    holding the built-in makes a direct call too. Direct eval and `with` mark their
 *    function RW_SF_EVAL / RW_SF_WITH, it and every enclosing scope
 *    RW_SF_DYNAMIC, every scope inside such a function RW_SF_IN_DYNAMIC, and
 *    every reference whose resolution they may change RW_RF_DYNAMIC.
 *
 * Scopes, bindings and the rw_ref records (one per identifier, in one array)
 * live in the AST's arena and die with it; the lookup tables belong to the
 * rw_scopes and die with rw_scopes_free(). The AST is annotated in place:
 * program.scope, fn.scope, catch_.scope refer to the rw_scope, and every
 * RW_IDENT's ident.binding to its rw_ref (use the accessors below).
 */
#ifndef FERRY_RW_SCOPE_H
#define FERRY_RW_SCOPE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "rewriter/rewriter.h"

typedef struct rw_scope   rw_scope;
typedef struct rw_binding rw_binding;
typedef struct rw_ref     rw_ref;
typedef struct rw_scopes  rw_scopes;

typedef enum rw_scope_kind {
	RW_SCOPE_PROGRAM = 0,
	RW_SCOPE_FUNCTION,     /* RW_FUNC_DECL or RW_FUNC_EXPR */
	RW_SCOPE_CATCH         /* RW_CATCH: holds only its parameter */
} rw_scope_kind;

/* rw_scope.flags */
enum {
	RW_SF_STRICT        = 1u << 0,  /* strict code */
	RW_SF_USES_ARGUMENTS= 1u << 1,  /* function: its own `arguments` is referenced */
	RW_SF_USES_THIS     = 1u << 2,  /* function/program: `this` in its own code */
	RW_SF_EVAL          = 1u << 3,  /* contains a direct eval in its own code */
	RW_SF_WITH          = 1u << 4,  /* contains a `with` statement in its own code */
	RW_SF_DYNAMIC       = 1u << 5,  /* it or a scope inside it has EVAL or WITH:
	                                   its bindings may be reached by name at run time */
	RW_SF_IN_DYNAMIC    = 1u << 6,  /* an enclosing scope has EVAL, or the scope's
	                                   node is inside a `with` body of an enclosing scope */
	RW_SF_CLOSURES      = 1u << 7,  /* function/program: creates function objects
	                                   (function literals whose nearest function is it) */
	RW_SF_FREE          = 1u << 8,  /* refers to a binding of an enclosing non-program
	                                   scope (it needs that environment) */
	RW_SF_CAPTURED      = 1u << 9,  /* at least one of its bindings is RW_BF_CAPTURED */
	RW_SF_IN_WITH       = 1u << 10  /* its node lies inside a `with` body of its parent */
};

struct rw_scope {
	uint8_t    kind;        /* rw_scope_kind */
	uint8_t    pad_;
	uint16_t   flags;       /* RW_SF_* */
	uint32_t   id;          /* 0 = program; scopes numbered in source order */
	rw_scope  *parent;      /* next scope of the resolution chain (NULL for the
	                           program); for a block-level function declaration
	                           this is the enclosing function, never a catch */
	rw_scope  *func;        /* nearest program/function scope (itself unless a catch) */
	rw_binding *bindings;   /* in declaration order: params, then hoisted
	                           declarations in source order, then implicit ones */
	rw_rel     node_;       /* rw_scope_node(): RW_PROGRAM, RW_FUNC_DECL / RW_FUNC_EXPR,
	                           RW_CATCH */
	rw_rel     first_child_;/* rw_scope_first_child(): scopes whose parent is this one,
	                           in source order, linked by rw_scope_next_sibling() */
	rw_rel     next_sibling_;
	uint32_t   nbindings;
	uint32_t   ncaptured;   /* bindings with RW_BF_CAPTURED */
	uint32_t   nparams;     /* function: number of formal parameters */
	uint32_t   depth;       /* chain length to the program (program 0) */
	uint32_t   env_depth;   /* scopes on the chain, itself included, that are
	                           RW_SF_CAPTURED (non-program): the `d` of design.md's
	                           Pe<d> if exactly the capturing scopes get an
	                           environment object */
};

static inline rw_node  *rw_scope_node(const rw_scope *s)         { return rw_rel_get(&s->node_); }
static inline rw_scope *rw_scope_first_child(const rw_scope *s)  { return rw_rel_get(&s->first_child_); }
static inline rw_scope *rw_scope_next_sibling(const rw_scope *s) { return rw_rel_get(&s->next_sibling_); }

typedef enum rw_bind_kind {
	RW_BIND_VAR = 0,       /* var / const */
	RW_BIND_PARAM,         /* formal parameter (may also be declared with var) */
	RW_BIND_FUNC,          /* function declaration (its value is set at entry) */
	RW_BIND_CATCH,         /* catch clause parameter */
	RW_BIND_SELF,          /* a named function expression's own name */
	RW_BIND_ARGUMENTS      /* the implicit arguments object */
} rw_bind_kind;

/* rw_binding.flags */
enum {
	RW_BF_CAPTURED   = 1u << 0,  /* referenced from a function nested in the scope's function */
	RW_BF_ASSIGNED   = 1u << 1,  /* target of =, op=, ++/--, for-in, or of a `var x = e`
	                                initialiser (RW_BF_HAS_INIT): written after entry */
	RW_BF_HAS_INIT   = 1u << 2,  /* some `var x = e` declarator writes it */
	RW_BF_VAR_DECL   = 1u << 3,  /* (also) declared with var/const */
	RW_BF_REDECLARED = 1u << 4,  /* declared more than once (any forms) */
	RW_BF_CONST      = 1u << 5,  /* declared with `const` */
	RW_BF_DELETED    = 1u << 6,  /* operand of `delete` */
	RW_BF_CALLED     = 1u << 7,  /* callee of a call or new */
	RW_BF_CAPTURED_ASSIGNED = 1u << 8, /* written from a nested function */
	RW_BF_ALIASED    = 1u << 9,  /* parameter (RW_BF_PARAM) of a sloppy function
	                                that uses `arguments` (writes through arguments[i]) */
	RW_BF_WRITE_IGNORED = 1u << 10,/* RW_BIND_SELF that the code assigns to */
	RW_BF_PARAM      = 1u << 11  /* a formal parameter, also when a function
	                                declaration of its name gives the entry value
	                                (kind RW_BIND_FUNC): arguments[i] still aliases it */
};

struct rw_binding {
	const char  *name;      /* interned (compare pointers) */
	rw_scope    *scope;     /* owning scope */
	rw_binding  *next;      /* next binding of the same scope */
	uint32_t     len;
	uint8_t      kind;      /* rw_bind_kind: the form that gives its value at entry */
	uint8_t      pad_;
	uint16_t     flags;     /* RW_BF_* */
	rw_rel       decl_;     /* rw_binding_decl(): first declaring RW_IDENT (param,
	                           declarator id, function name, catch param); NULL for
	                           ARGUMENTS */
	rw_rel       func_;     /* rw_binding_func(): RW_BIND_FUNC: the declaration giving
	                           the entry value (the last one); RW_BIND_SELF: the
	                           function expression */
	uint32_t     index;     /* position in scope->bindings */
	uint32_t     param_index;/* RW_BF_PARAM: position of the (last) parameter */
	uint32_t     nrefs;     /* occurrences resolving here (declarations excluded) */
	uint32_t     nwrites;   /* of which writes */
	rw_rel       shadowed_; /* during the analysis: the binding of the same name in
	                           the next enclosing open scope */
};

static inline rw_node *rw_binding_decl(const rw_binding *b) { return rw_rel_get(&b->decl_); }
static inline rw_node *rw_binding_func(const rw_binding *b) { return rw_rel_get(&b->func_); }

typedef enum rw_ref_kind {
	RW_REF_LOCAL = 0,      /* a binding of the same function (its own scope or
	                          one of its catch clauses) */
	RW_REF_CAPTURED,       /* a binding of an enclosing non-program scope */
	RW_REF_GLOBAL          /* a program-level declaration (binding set) or an
	                          undeclared name (binding NULL) */
} rw_ref_kind;

/* rw_ref.flags */
enum {
	RW_RF_READ     = 1u << 0,
	RW_RF_WRITE    = 1u << 1,  /* =, op= (also READ), ++/-- (also READ), for-in, var init */
	RW_RF_DECL     = 1u << 2,  /* a declaring occurrence: param, function name,
	                              catch param, declarator id (WRITE too if it has init) */
	RW_RF_INIT     = 1u << 3,  /* the id of a `var x = e` declarator */
	RW_RF_FOR_IN   = 1u << 4,  /* target of for-in */
	RW_RF_CALL     = 1u << 5,  /* callee of a call (RW_CALL) */
	RW_RF_NEW      = 1u << 6,  /* callee of RW_NEW */
	RW_RF_TYPEOF   = 1u << 7,  /* operand of typeof (no ReferenceError) */
	RW_RF_DELETE   = 1u << 8,  /* operand of delete */
	RW_RF_DYNAMIC  = 1u << 9,  /* eval or with may change what it resolves to */
	RW_RF_IN_WITH  = 1u << 10, /* lexically inside a with body of its own function */
	RW_RF_EVAL     = 1u << 11, /* the callee `eval` of a direct eval */
	RW_RF_SHORTHAND= 1u << 12, /* value of a shorthand property {a} */
	RW_RF_DEAD     = 1u << 13, /* in unreachable code: after a return, throw,
	                              break or continue in its statement list */
	RW_RF_EVAL_ARG = 1u << 14, /* not in the tree: the name X of `eval("X")`,
	                              read where the eval runs (scope.c) */
	RW_RF_EVAL_NAMED = 1u << 15 /* the callee `eval` of `eval("X")`; the
	                              occurrence before it is X's RW_RF_EVAL_ARG */
};

/* One identifier occurrence: 16 bytes, in the AST's arena, its references
 * relative (rw_rel) -- read them with the accessors below. */
struct rw_ref {
	rw_rel       ident_;    /* the RW_IDENT: rw_ref_ident() */
	rw_rel       scope_;    /* the scope the occurrence is in: rw_ref_scope() */
	rw_rel       binding_;  /* rw_ref_binding(): NULL only for undeclared globals */
	uint16_t     flags;     /* RW_RF_* */
	uint8_t      kind;      /* rw_ref_kind */
};

static inline rw_node    *rw_ref_ident(const rw_ref *r)   { return rw_rel_get(&r->ident_); }
static inline rw_scope   *rw_ref_scope(const rw_ref *r)   { return rw_rel_get(&r->scope_); }
static inline rw_binding *rw_ref_binding(const rw_ref *r) { return rw_rel_get(&r->binding_); }

/* Analyses ast (annotating it, see above). 0 and *out on success; -2 on out
 * of memory with a message in err. */
int  rw_scopes_analyse(rw_ast *ast, rw_scopes **out, char *err, size_t errlen);
void rw_scopes_free(rw_scopes *s);

/* Bytes held by the analysis outside the AST's arena (its tables; the
 * occurrence records, scopes and bindings are in the arena, counted by
 * rw_ast_memory()). */
size_t          rw_scopes_memory(const rw_scopes *s);

/* Every scope, indexed by id (0 = the program). */
uint32_t        rw_scopes_count(const rw_scopes *s);
rw_scope       *rw_scopes_get(const rw_scopes *s, uint32_t id);
/* Every identifier occurrence, in source order. */
uint32_t        rw_scopes_nrefs(const rw_scopes *s);
rw_ref         *rw_scopes_ref(const rw_scopes *s, uint32_t i);

/* The scope of an RW_PROGRAM, RW_FUNC_DECL, RW_FUNC_EXPR or RW_CATCH node;
 * the occurrence record of an RW_IDENT (NULL for other nodes or before
 * analysis). */
rw_scope *rw_scope_of(const rw_node *n);
rw_ref   *rw_ref_of(const rw_node *ident);

/* The binding named name (interned) in scope itself (no chain), or NULL. */
rw_binding *rw_scope_lookup(const rw_scopes *s, const rw_scope *scope, const char *name);

/* Nearest function/program scope owning b (its scope, or the catch's function). */
rw_scope *rw_binding_function(const rw_binding *b);

/* design.md's "constant after entry": its value is fixed once its scope has
 * been entered (a parameter never written and not aliased by arguments, a
 * function declaration never written, a catch parameter never written, a
 * named function expression's own name), in a scope that is not dynamic.
 * Such a captured binding may stay a real variable, copied into the
 * environment at entry. */
int rw_binding_is_constant(const rw_binding *b);

/* 1 if some identifier or property name of the program starts with prefix
 * (to choose the reserved prefix of generated names). */
int rw_scopes_uses_prefix(const rw_scopes *s, const char *prefix);

/* Printable names. */
const char *rw_scope_kind_name(rw_scope_kind k);
const char *rw_bind_kind_name(rw_bind_kind k);
const char *rw_ref_kind_name(rw_ref_kind k);

/* `ferryc --dump-scopes`: one line per scope, binding and reference
 * resolution, deterministic. 0, or -1 on write error. */
int rw_scopes_dump(const rw_scopes *s, FILE *out);

/* ferryc's --dump-scopes mode: analyse ast, dump it to out, free the
 * analysis. 0, or 1 with a one-line message in err. */
int rw_scopes_dump_cli(rw_ast *ast, FILE *out, char *err, size_t errlen);

#endif
