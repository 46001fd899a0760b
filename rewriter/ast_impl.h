/*
 * rewriter/ast_impl.h -- internals of the AST object shared by the parser
 * and ast.c: the arena, the intern table, the lazily built line table.
 * Not part of the public interface.
 */
#ifndef FERRY_REWRITER_AST_IMPL_H
#define FERRY_REWRITER_AST_IMPL_H

#include "rewriter/rewriter.h"

/* An interned name is stored in the arena as {uint32 id, uint32 len} then
 * the bytes and a NUL; rw_intern() returns the bytes. Ids are dense
 * (0..icount-1, in interning order), for per-name side tables. */
typedef struct rw_istr {          /* one interned name */
	const char *s;
	uint32_t    len, hash;
	uint64_t    w0;               /* its first 8 bytes, zero-padded (quick compare) */
} rw_istr;

typedef struct rw_ast_priv {
	char     *base;               /* the arena's reserved range [base, limit) */
	char     *cur, *end;          /* free space: committed up to end */
	char     *limit;
	size_t    first;              /* size of the first commit */
	size_t    hole;               /* bytes skipped after trims (not committed) */
	int       trimmed;            /* the last commit was trimmed */
	rw_istr  *itab;               /* open addressing, power of two */
	uint32_t  icap, icount;
	uint32_t  icap_first;         /* size of the first table (from the source) */
	uint32_t  nidents;            /* RW_IDENT nodes made (sizes the scope analysis) */
	uint32_t *lines;              /* offsets of line starts (lazy) */
	uint8_t  *line_ascii;         /* per line: 1 if its bytes are all ASCII */
	uint32_t  nlines;
	uint32_t  memo_off, memo_line, memo_col;  /* last rw_position answer */
	uint32_t *ptok;               /* parenthesized nodes: (key, inner start, inner end) */
	uint32_t  nptok, cap_ptok;    /* triples, sorted by key (rw_node_key) after parsing */
} rw_ast_priv;

rw_ast *rw_ast_new(const char *filename, const char *src, size_t len);

/* Bytes allocated for a node of each kind (its header and own union member). */
extern const uint8_t rw_node_size[RW_KIND_COUNT];
/* The arena's slow path: commits more, then allocates size bytes. */
void *rw_arena_grow(rw_ast_priv *p, size_t size);
/* Frees the committed memory past the last allocation (64 KB granules),
 * at the end of a pass. */
void  rw_arena_trim(rw_ast *ast);

/* A zeroed node of kind (NULL if out of memory): inline, the parser makes
 * one per ~3-5 source bytes. */
static inline rw_node *
rw_node_new(rw_ast *ast, rw_kind kind)
{
	rw_ast_priv *p = (rw_ast_priv *)ast->priv;
	size_t size = rw_node_size[kind];
	rw_node *n;

	if ((size_t)(p->end - p->cur) >= size) {
		n = (rw_node *)(void *)p->cur;
		p->cur += size;
	} else if ((n = rw_arena_grow(p, size)) == NULL) {
		return NULL;
	}
	n->kind = (uint8_t)kind;
	ast->node_count++;
	p->nidents += kind == RW_IDENT;
	if (kind == RW_FUNC_DECL || kind == RW_FUNC_EXPR) {
		n->u.fn.site = -1;
		ast->fn_count++;
	}
	return n;
}

/* A node's position in the arena (4-byte units): its key in side tables
 * (creation order is address order). */
static inline uint32_t
rw_node_key(const rw_ast_priv *p, const rw_node *n)
{
	return (uint32_t)(((const char *)n - p->base) / 4);
}

/* 1 if n is the newest node (nothing allocated after it). */
static inline int
rw_node_is_last(const rw_ast *ast, const rw_node *n)
{
	return (const char *)n + rw_node_size[n->kind] == ((const rw_ast_priv *)ast->priv)->cur;
}

/* The dense id of an interned name (see rw_istr). */
static inline uint32_t
rw_intern_id(const char *interned)
{
	return ((const uint32_t *)(const void *)interned)[-2];
}
/* Copies an array of n node pointers into the arena as a list. */
int rw_list_make(rw_ast *ast, rw_list *l, rw_node **v, uint32_t n);
/* rw_intern of raw source text, in one pass: NULL if the text has a 4-byte
 * UTF-8 sequence (the caller must cook it to CESU-8), or, with *oom set,
 * when out of memory. */
const char *rw_intern_plain(rw_ast *ast, const char *name, size_t len, int *oom);
/* Records the extent of a node about to get a parenthesized span. */
int rw_note_token(rw_ast *ast, const rw_node *n);
/* Sorts the recorded extents by node id (after parsing). */
void rw_sort_tokens(rw_ast *ast);

#endif
