/*
 * rewriter/ast.c -- the AST object: arena allocation, name interning, node
 * creation, byte offset -> line/column, the children visitor and the
 * printable names of kinds and operators.
 */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "rewriter/ast_impl.h"

/* The arena is one address range reserved up front (PROT_NONE, no memory
 * behind it) and committed from its start as the AST grows: every node,
 * list and name of an AST lies within it, so a reference between two of
 * them (rw_rel: 4-byte units, signed 32 bits) always fits. Commit steps
 * are 1/16 of what is committed (64 KB to 2 MB; the first one sized from
 * the source), in whole huge pages beyond the first 2 MB; the parser and
 * the scope analysis trim the unused tail when they finish. */
#define RW_STEP_MIN   (64u * 1024u)
#define RW_STEP_MAX   (2u * 1024u * 1024u)   /* also the huge page size */
#define RW_ALIGN      8u
/* the reservation: generous (the AST and the scope analysis's records,
 * ~64 bytes per source byte at worst) but within a rw_rel's reach */
#define RW_RESERVE_PER_BYTE 64u
#define RW_RESERVE_MIN      ((size_t)64u * 1024u * 1024u)
#if SIZE_MAX > 0xffffffffu
#define RW_RESERVE_MAX      ((size_t)8u * 1024u * 1024u * 1024u - RW_STEP_MAX)
#else
#define RW_RESERVE_MAX      ((size_t)512u * 1024u * 1024u)
#endif

static rw_ast_priv *
priv(const rw_ast *ast)
{
	return (rw_ast_priv *)ast->priv;
}

/* Reserves the arena's address range, 2 MB aligned (huge pages). */
static int
arena_reserve(rw_ast_priv *p, size_t srclen)
{
	size_t want = RW_RESERVE_MIN, a;
	char *m;

	if (srclen < (RW_RESERVE_MAX - RW_RESERVE_MIN) / RW_RESERVE_PER_BYTE)
		want += srclen * RW_RESERVE_PER_BYTE;
	else
		want = RW_RESERVE_MAX;
	want = (want + RW_STEP_MAX - 1) & ~(size_t)(RW_STEP_MAX - 1);
	/* an address-space limit (RLIMIT_AS) counts reservations too: ask for
	 * less, down to 8 MB (running out is then the arena's out of memory) */
	for (;;) {
		m = mmap(NULL, want + RW_STEP_MAX, PROT_NONE,
		         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (m != MAP_FAILED)
			break;
		if (want <= 4 * RW_STEP_MAX)
			return -1;
		want = (want / 2 + RW_STEP_MAX - 1) & ~(size_t)(RW_STEP_MAX - 1);
	}
	a = (((uintptr_t)m + RW_STEP_MAX - 1) & ~(uintptr_t)(RW_STEP_MAX - 1)) - (uintptr_t)m;
	if (a > 0)
		munmap(m, a);
	if (RW_STEP_MAX > a)
		munmap(m + a + want, RW_STEP_MAX - a);
	p->base = p->cur = p->end = m + a;
	p->limit = p->base + want;
#ifdef MADV_HUGEPAGE
	madvise(p->base, want, MADV_HUGEPAGE);
#endif
	/* the first step: about what the source will need */
	p->first = srclen * 4 < RW_STEP_MAX ? srclen * 4 : RW_STEP_MAX;
	/* the intern table: sized for about one name per 128 source bytes
	 * (minified libraries have one per ~170), up to 8192 slots, so that
	 * it is not rebuilt five times on the way */
	p->icap_first = 256;
	while (p->icap_first < 8192 && (size_t)p->icap_first * 128 < srclen)
		p->icap_first *= 2;
	return 0;
}

rw_ast *
rw_ast_new(const char *filename, const char *src, size_t len)
{
	rw_ast *ast = calloc(1, sizeof *ast);
	rw_ast_priv *p = calloc(1, sizeof *p);
	char *fn = strdup(filename != NULL ? filename : "<input>");

	if (ast == NULL || p == NULL || fn == NULL || arena_reserve(p, len) != 0) {
		free(ast);
		free(p);
		free(fn);
		return NULL;
	}
	ast->priv = p;
	ast->filename = fn;
	ast->src = src;
	ast->len = len;
	return ast;
}

void
rw_ast_free(rw_ast *ast)
{
	rw_ast_priv *p;

	if (ast == NULL)
		return;
	p = priv(ast);
	if (p != NULL) {
		munmap(p->base, (size_t)(p->limit - p->base));
		free(p->itab);
		free(p->lines);
		free(p->line_ascii);
		free(p->ptok);
		free(p);
	}
	free((char *)ast->filename);
	free(ast);
}

/* Slow path: commits more of the arena (zeroed pages, pre-faulted in one
 * system call where the kernel can: a page fault costs far more than the
 * work on its page on a virtualised machine), then allocates size bytes.
 * Beyond the first 2 MB, commits end on 2 MB boundaries, so the kernel
 * backs them with transparent huge pages: one TLB entry per 2 MB (with 4 KB
 * pages, TLB misses made parsing + scope analysis of 0.6 MB of minified
 * code ~1.6x slower on this virtual machine); rw_arena_trim() gives back
 * the unused tail when a pass ends. */
void *
rw_arena_grow(rw_ast_priv *p, size_t size)
{
	size_t have = (size_t)(p->end - p->base), step = have / 16, need;
	char *r, *nend;

	if (have == 0)
		step = p->first;
	if (step < RW_STEP_MIN)
		step = RW_STEP_MIN;
	if (step > RW_STEP_MAX)
		step = RW_STEP_MAX;
	if (p->trimmed && (size_t)(p->end - p->base) > RW_STEP_MAX) {
		/* the first grow after a trim: the huge page the trim cut stays
		 * as it is, new memory starts at the next one (a hole, not
		 * counted); filling the cut page again made the scope analysis
		 * after the parse ~25% slower (4 KB pages faulted in again) */
		char *next = p->base + (((size_t)(p->end - p->base) + RW_STEP_MAX - 1) &
		                        ~(size_t)(RW_STEP_MAX - 1));

		p->hole += (size_t)(next - p->end);
		p->cur = p->end = next;
	}
	p->trimmed = 0;
	need = (size_t)(p->cur - p->end) + size;
	if (size > (size_t)(p->limit - p->cur))
		return NULL;
	if (step < need)
		step = need;
	step = (step + RW_STEP_MIN - 1) & ~(size_t)(RW_STEP_MIN - 1);
	nend = p->end + step;
	if ((size_t)(nend - p->base) > RW_STEP_MAX)   /* whole huge pages */
		nend = p->base + (((size_t)(nend - p->base) + RW_STEP_MAX - 1) &
		                  ~(size_t)(RW_STEP_MAX - 1));
	if (nend > p->limit)
		nend = p->limit;
	if (mprotect(p->end, (size_t)(nend - p->end), PROT_READ | PROT_WRITE) != 0)
		return NULL;
#ifdef MADV_POPULATE_WRITE
	madvise(p->end, (size_t)(nend - p->end), MADV_POPULATE_WRITE);   /* best effort */
#endif
	p->end = nend;
	r = p->cur;
	p->cur = r + size;
	return r;
}

void
rw_arena_trim(rw_ast *ast)
{
	rw_ast_priv *p = priv(ast);
	char *keep = p->base + (((size_t)(p->cur - p->base) + RW_STEP_MIN - 1) &
	                        ~(size_t)(RW_STEP_MIN - 1));

	/* whole 64 KB blocks past the last allocation: their memory is freed
	 * (they stay writable, not counted; see rw_arena_grow) */
	if (keep < p->end && madvise(keep, (size_t)(p->end - keep), MADV_DONTNEED) == 0) {
		p->end = keep;
		p->trimmed = 1;
	}
}

void *
rw_ast_alloc(rw_ast *ast, size_t size)
{
	rw_ast_priv *p = priv(ast);
	char *r;

	size = (size + RW_ALIGN - 1) & ~(size_t)(RW_ALIGN - 1);
	if (size == 0)
		size = RW_ALIGN;
	/* nodes are 4-byte aligned: realign (end is, so cur stays <= end) */
	p->cur = (char *)(((uintptr_t)p->cur + RW_ALIGN - 1) & ~(uintptr_t)(RW_ALIGN - 1));
	r = p->cur;
	if ((size_t)(p->end - r) >= size) {
		p->cur = r + size;
		return r;
	}
	return rw_arena_grow(p, size);
}

size_t
rw_ast_memory(const rw_ast *ast)
{
	rw_ast_priv *p = priv(ast);

	return (size_t)(p->end - p->base) - p->hole + (size_t)p->icap * sizeof(rw_istr) +
	       (size_t)p->nlines * (sizeof(uint32_t) + 1) + (size_t)p->cap_ptok * sizeof(uint32_t) +
	       sizeof *ast + sizeof *p;
}

#define PAYLOAD(m) (offsetof(rw_node, u) + sizeof(((rw_node *)0)->u.m))

/* RW_NAME has no binding: its node ends before u.ident.binding; kinds
 * without a member are the header alone. */
#define NAME_SIZE offsetof(rw_node, u.ident.binding)
#define BARE      offsetof(rw_node, u)

/* Bytes allocated for a node of each kind: the header plus its own member. */
const uint8_t rw_node_size[RW_KIND_COUNT] = {
	[RW_PROGRAM] = PAYLOAD(program), [RW_EMPTY] = BARE,
	[RW_BLOCK] = PAYLOAD(block), [RW_EXPR_STMT] = PAYLOAD(expr_stmt),
	[RW_VAR] = PAYLOAD(var), [RW_DECLARATOR] = PAYLOAD(decl), [RW_IF] = PAYLOAD(if_),
	[RW_DO_WHILE] = PAYLOAD(loop), [RW_WHILE] = PAYLOAD(loop), [RW_FOR] = PAYLOAD(for_),
	[RW_FOR_IN] = PAYLOAD(for_in), [RW_CONTINUE] = PAYLOAD(jump), [RW_BREAK] = PAYLOAD(jump),
	[RW_RETURN] = PAYLOAD(ret), [RW_WITH] = PAYLOAD(with), [RW_SWITCH] = PAYLOAD(switch_),
	[RW_CASE] = PAYLOAD(case_), [RW_LABELED] = PAYLOAD(labeled), [RW_THROW] = PAYLOAD(throw_),
	[RW_TRY] = PAYLOAD(try_), [RW_CATCH] = PAYLOAD(catch_), [RW_DEBUGGER] = BARE,
	[RW_FUNC_DECL] = PAYLOAD(fn), [RW_FUNC_EXPR] = PAYLOAD(fn), [RW_IDENT] = PAYLOAD(ident),
	[RW_NAME] = NAME_SIZE, [RW_THIS] = BARE, [RW_NEW_TARGET] = BARE, [RW_NULL] = BARE,
	[RW_BOOL] = PAYLOAD(boolean), [RW_NUMBER] = PAYLOAD(number), [RW_STRING] = PAYLOAD(string),
	[RW_REGEX] = PAYLOAD(regex), [RW_ARRAY] = PAYLOAD(array), [RW_OBJECT] = PAYLOAD(object),
	[RW_PROP] = PAYLOAD(prop), [RW_UNARY] = PAYLOAD(unary), [RW_UPDATE] = PAYLOAD(update),
	[RW_BINARY] = PAYLOAD(binary), [RW_ASSIGN] = PAYLOAD(assign), [RW_COND] = PAYLOAD(cond),
	[RW_CALL] = PAYLOAD(call), [RW_NEW] = PAYLOAD(call), [RW_DOT] = PAYLOAD(member),
	[RW_INDEX] = PAYLOAD(member), [RW_SEQ] = PAYLOAD(seq)
};

int
rw_list_make(rw_ast *ast, rw_list *l, rw_node **v, uint32_t n)
{
	rw_ast_priv *p = priv(ast);
	rw_rel *a;
	uint32_t i;

	l->n = n;
	l->v = 0;
	if (n == 0)
		return 0;
	a = (rw_rel *)(void *)p->cur;   /* 4-byte aligned, like the nodes */
	if ((size_t)(p->end - p->cur) >= (size_t)n * sizeof *a)
		p->cur += (size_t)n * sizeof *a;
	else if ((a = rw_arena_grow(p, (size_t)n * sizeof *a)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		rw_rel_set(&a[i], v[i]);
	rw_rel_set(&l->v, a);
	return 0;
}

int
rw_note_token(rw_ast *ast, const rw_node *n)
{
	rw_ast_priv *p = priv(ast);

	if (p->nptok + 3 > p->cap_ptok) {
		uint32_t ncap = p->cap_ptok ? p->cap_ptok * 2 : 48;
		uint32_t *nv = realloc(p->ptok, ncap * sizeof *nv);

		if (nv == NULL)
			return -1;
		p->ptok = nv;
		p->cap_ptok = ncap;
	}
	p->ptok[p->nptok++] = rw_node_key(p, n);
	p->ptok[p->nptok++] = n->span.start;
	p->ptok[p->nptok++] = n->span.end;
	return 0;
}

static int
cmp_triple(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

void
rw_sort_tokens(rw_ast *ast)
{
	rw_ast_priv *p = priv(ast);
	uint32_t i;

	for (i = 3; i < p->nptok; i += 3)
		if (p->ptok[i] < p->ptok[i - 3]) {
			qsort(p->ptok, p->nptok / 3, 3 * sizeof *p->ptok, cmp_triple);
			return;
		}
}

void
rw_token_span(const rw_ast *ast, const rw_node *n, uint32_t *start, uint32_t *end)
{
	rw_ast_priv *p = priv(ast);
	uint32_t lo = 0, hi, key = rw_node_key(p, n);

	*start = n->span.start;
	*end = n->span.end;
	if (!(n->flags & RW_PARENS))
		return;
	hi = p->nptok / 3;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (p->ptok[mid * 3] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < p->nptok / 3 && p->ptok[lo * 3] == key) {
		*start = p->ptok[lo * 3 + 1];
		*end = p->ptok[lo * 3 + 2];
	}
}

/* Word-at-a-time multiplicative hash; *hi gets the OR of all bytes (to
 * spot non-ASCII text without a second pass). */
static uint32_t
hash_words(const char *s, size_t len, uint64_t *hi)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ len, w, or_ = 0;

	while (len >= 8) {
		memcpy(&w, s, 8);
		or_ |= w;
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		len -= 8;
	}
	if (len > 0) {
		w = 0;
		memcpy(&w, s, len);
		or_ |= w;
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	*hi = or_;
	return (uint32_t)(h ^ (h >> 29));
}

static uint32_t
hash_bytes(const char *s, size_t len)
{
	uint64_t hi;

	return hash_words(s, len, &hi);
}

static int
itab_grow(rw_ast_priv *p)
{
	uint32_t ncap = p->icap ? p->icap * 2 : p->icap_first, i, j;
	rw_istr *nt = calloc(ncap, sizeof *nt);

	if (nt == NULL)
		return -1;
	for (i = 0; i < p->icap; i++) {
		if (p->itab[i].s == NULL)
			continue;
		j = p->itab[i].hash & (ncap - 1);
		while (nt[j].s != NULL)
			j = (j + 1) & (ncap - 1);
		nt[j] = p->itab[i];
	}
	free(p->itab);
	p->itab = nt;
	p->icap = ncap;
	return 0;
}

static const char *intern_hashed(rw_ast *ast, const char *name, size_t len, uint32_t h);

const char *
rw_intern(rw_ast *ast, const char *name, size_t len)
{
	return intern_hashed(ast, name, len, hash_bytes(name, len));
}

const char *
rw_intern_plain(rw_ast *ast, const char *name, size_t len, int *oom)
{
	rw_ast_priv *p = priv(ast);
	uint64_t hi;
	uint32_t h;
	size_t i;
	const char *s;

	/* fast path, most names: 1..8 ASCII bytes, read as one word (the
	 * source is readable up to its closing NUL); the same hash as
	 * hash_words(), compared by length and word */
	if (len - 1 < 8 && name + 8 <= ast->src + ast->len + 1 &&
	    (p->icount + 1) * 2 <= p->icap) {
		uint64_t w, x;

		memcpy(&w, name, 8);
		w &= ~0ull >> (64 - 8 * len);
		if (!(w & 0x8080808080808080ull)) {
			x = (0x9E3779B97F4A7C15ull ^ len ^ w) * 0xff51afd7ed558ccdull;
			x ^= x >> 32;
			h = (uint32_t)(x ^ (x >> 29));
			for (i = h & (p->icap - 1); p->itab[i].s != NULL; i = (i + 1) & (p->icap - 1))
				if (p->itab[i].w0 == w && p->itab[i].len == len)
					return p->itab[i].s;
			s = intern_hashed(ast, name, len, h);
			if (s == NULL)
				*oom = 1;
			return s;
		}
	}
	h = hash_words(name, len, &hi);

	/* some byte >= 0x80: check for 4-byte sequences (lead byte >= 0xF0) */
	if (hi & 0x8080808080808080ull)
		for (i = 0; i < len; i++)
			if ((unsigned char)name[i] >= 0xF0)
				return NULL;
	s = intern_hashed(ast, name, len, h);
	if (s == NULL)
		*oom = 1;
	return s;
}

static const char *
intern_hashed(rw_ast *ast, const char *name, size_t len, uint32_t h)
{
	rw_ast_priv *p = priv(ast);
	uint32_t i;
	char *s;

	if ((p->icount + 1) * 2 > p->icap && itab_grow(p) != 0)
		return NULL;
	i = h & (p->icap - 1);
	while (p->itab[i].s != NULL) {
		if (p->itab[i].hash == h && p->itab[i].len == len &&
		    memcmp(p->itab[i].s, name, len) == 0)
			return p->itab[i].s;
		i = (i + 1) & (p->icap - 1);
	}
	s = rw_ast_alloc(ast, 2 * sizeof(uint32_t) + len + 1);
	if (s == NULL)
		return NULL;
	((uint32_t *)(void *)s)[0] = p->icount;
	((uint32_t *)(void *)s)[1] = (uint32_t)len;
	s += 2 * sizeof(uint32_t);
	memcpy(s, name, len);
	s[len] = '\0';
	p->itab[i].w0 = 0;
	memcpy(&p->itab[i].w0, name, len < 8 ? len : 8);
	p->itab[i].s = s;
	p->itab[i].len = (uint32_t)len;
	p->itab[i].hash = h;
	p->icount++;
	return s;
}

/* Line starts, per the lexer's rules: LF, CR, CRLF, U+2028, U+2029; and
 * per line whether it is all ASCII (its columns are then byte offsets). */
static int
build_lines(const rw_ast *ast)
{
	rw_ast_priv *p = priv(ast);
	const unsigned char *s = (const unsigned char *)ast->src;
	size_t i, cap = 64, n = 0;
	uint32_t *v = malloc(cap * sizeof *v);
	uint8_t *a = malloc(cap), high = 0;

	if (v == NULL || a == NULL) {
		free(v);
		free(a);
		return -1;
	}
	v[n++] = 0;
	for (i = 0; i < ast->len; i++) {
		size_t next = 0;

		if (s[i] == '\n')
			next = i + 1;
		else if (s[i] == '\r')
			next = (i + 1 < ast->len && s[i + 1] == '\n') ? i + 2 : i + 1;
		else if (s[i] == 0xE2 && i + 2 < ast->len && s[i + 1] == 0x80 &&
		         (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
			next = i + 3;
		if (next == 0) {
			high |= s[i];
			continue;
		}
		a[n - 1] = !(high & 0x80);
		high = 0;
		if (n == cap) {
			uint32_t *nv = realloc(v, cap * 2 * sizeof *v);
			uint8_t *na;

			if (nv == NULL) {
				free(v);
				free(a);
				return -1;
			}
			v = nv;
			na = realloc(a, cap * 2);
			if (na == NULL) {
				free(v);
				free(a);
				return -1;
			}
			a = na;
			cap *= 2;
		}
		v[n++] = (uint32_t)next;
		i = next - 1;
	}
	a[n - 1] = !(high & 0x80);
	p->lines = v;
	p->line_ascii = a;
	p->nlines = (uint32_t)n;
	p->memo_line = 0;
	p->memo_off = 0;
	p->memo_col = 1;
	return 0;
}

void
rw_position(const rw_ast *ast, uint32_t off, uint32_t *line, uint32_t *col)
{
	rw_ast_priv *p = priv(ast);
	const unsigned char *s = (const unsigned char *)ast->src;
	uint32_t lo = 0, hi, c = 1, i;

	if (off > ast->len)
		off = (uint32_t)ast->len;
	if (p->lines == NULL && build_lines(ast) != 0) {
		*line = 0;
		*col = 0;
		return;
	}
	hi = p->nlines - 1;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo + 1) / 2;

		if (p->lines[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	*line = lo + 1;
	if (p->line_ascii[lo]) {
		*col = off - p->lines[lo] + 1;
		return;
	}
	/* a line with non-ASCII text: count code points, from the last answer
	 * when it is on the same line before off (callers go in source order,
	 * and minified lines are long) */
	i = p->lines[lo];
	if (p->memo_line == lo && p->memo_off >= i && p->memo_off <= off) {
		i = p->memo_off;
		c = p->memo_col;
	}
	for (; i < off; i++)
		if ((s[i] & 0xC0) != 0x80)
			c++;
	p->memo_line = lo;
	p->memo_off = off;
	p->memo_col = c;
	*col = c;
}

#define CALL(x) do { if ((x) != NULL && (r = fn((x), ud)) != 0) return r; } while (0)

static int
each(const rw_list *l, rw_child_fn fn, void *ud)
{
	uint32_t i;
	int r;

	for (i = 0; i < l->n; i++)
		CALL(rw_item(l, i));
	return 0;
}

int
rw_children(rw_node *n, rw_child_fn fn, void *ud)
{
	int r;

	switch (n->kind) {
	case RW_PROGRAM:   return each(&n->u.program.body, fn, ud);
	case RW_BLOCK:     return each(&n->u.block.body, fn, ud);
	case RW_EXPR_STMT: CALL(RW_N(n, expr_stmt.expr)); return 0;
	case RW_VAR:       return each(&n->u.var.decls, fn, ud);
	case RW_DECLARATOR:
		CALL(RW_N(n, decl.id));
		CALL(RW_N(n, decl.init));
		return 0;
	case RW_IF:
		CALL(RW_N(n, if_.test));
		CALL(RW_N(n, if_.then));
		CALL(RW_N(n, if_.alt));
		return 0;
	case RW_DO_WHILE:
		CALL(RW_N(n, loop.body));
		CALL(RW_N(n, loop.test));
		return 0;
	case RW_WHILE:
		CALL(RW_N(n, loop.test));
		CALL(RW_N(n, loop.body));
		return 0;
	case RW_FOR:
		CALL(RW_N(n, for_.init));
		CALL(RW_N(n, for_.test));
		CALL(RW_N(n, for_.update));
		CALL(RW_N(n, for_.body));
		return 0;
	case RW_FOR_IN:
		CALL(RW_N(n, for_in.left));
		CALL(RW_N(n, for_in.right));
		CALL(RW_N(n, for_in.body));
		return 0;
	case RW_RETURN:    CALL(RW_N(n, ret.arg)); return 0;
	case RW_WITH:
		CALL(RW_N(n, with.object));
		CALL(RW_N(n, with.body));
		return 0;
	case RW_SWITCH:
		CALL(RW_N(n, switch_.disc));
		return each(&n->u.switch_.cases, fn, ud);
	case RW_CASE:
		CALL(RW_N(n, case_.test));
		return each(&n->u.case_.body, fn, ud);
	case RW_LABELED:   CALL(RW_N(n, labeled.body)); return 0;
	case RW_THROW:     CALL(RW_N(n, throw_.arg)); return 0;
	case RW_TRY:
		CALL(RW_N(n, try_.block));
		CALL(RW_N(n, try_.handler));
		CALL(RW_N(n, try_.finalizer));
		return 0;
	case RW_CATCH:
		CALL(RW_N(n, catch_.param));
		CALL(RW_N(n, catch_.body));
		return 0;
	case RW_FUNC_DECL:
	case RW_FUNC_EXPR:
		CALL(RW_N(n, fn.name));
		if ((r = each(&n->u.fn.params, fn, ud)) != 0)
			return r;
		return each(&n->u.fn.body, fn, ud);
	case RW_ARRAY:     return each(&n->u.array.items, fn, ud);
	case RW_OBJECT:    return each(&n->u.object.props, fn, ud);
	case RW_PROP:
		CALL(RW_N(n, prop.key));
		/* shorthand {a}: key and value are distinct nodes, both visited */
		CALL(RW_N(n, prop.value));
		return 0;
	case RW_UNARY:     CALL(RW_N(n, unary.arg)); return 0;
	case RW_UPDATE:    CALL(RW_N(n, update.arg)); return 0;
	case RW_BINARY:
		CALL(RW_N(n, binary.left));
		CALL(RW_N(n, binary.right));
		return 0;
	case RW_ASSIGN:
		CALL(RW_N(n, assign.target));
		CALL(RW_N(n, assign.value));
		return 0;
	case RW_COND:
		CALL(RW_N(n, cond.test));
		CALL(RW_N(n, cond.then));
		CALL(RW_N(n, cond.alt));
		return 0;
	case RW_CALL:
	case RW_NEW:
		CALL(RW_N(n, call.callee));
		return each(&n->u.call.args, fn, ud);
	case RW_DOT:
	case RW_INDEX:
		CALL(RW_N(n, member.object));
		CALL(RW_N(n, member.prop));
		return 0;
	case RW_SEQ:       return each(&n->u.seq.items, fn, ud);
	default:
		return 0;
	}
}

const char *
rw_kind_name(rw_kind kind)
{
	static const char *const names[RW_KIND_COUNT] = {
		"Program", "Empty", "Block", "ExprStmt", "Var", "Declarator", "If",
		"DoWhile", "While", "For", "ForIn", "Continue", "Break", "Return",
		"With", "Switch", "Case", "Labeled", "Throw", "Try", "Catch",
		"Debugger", "FuncDecl", "FuncExpr", "Ident", "Name", "This", "Null",
		"Bool", "Number", "String", "Regex", "Array", "Object", "Prop",
		"Unary", "Update", "Binary", "Assign", "Cond", "Call", "New", "Dot",
		"Index", "Seq"
	};

	if ((unsigned)kind >= RW_KIND_COUNT)
		return "?";
	return names[kind];
}

const char *
rw_op_text(rw_op op)
{
	static const char *const ops[RW_OP_COUNT] = {
		"", "delete", "void", "typeof", "+", "-", "~", "!",
		"++", "--",
		"*", "/", "%", "+", "-", "<<", ">>", ">>>",
		"<", ">", "<=", ">=", "instanceof", "in",
		"==", "!=", "===", "!==", "&", "^", "|", "&&", "||", "**",
		"=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", ">>>=", "&=",
		"|=", "^=", "**="
	};

	if ((unsigned)op >= RW_OP_COUNT)
		return "?";
	return ops[op];
}
