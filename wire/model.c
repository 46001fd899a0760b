/*
 * wire/model.c -- the snapshot model's memory: a chunked bump arena that owns
 * every string and property array, the growable top-level tables (objects,
 * globals, symbols, timers, patches), and the default decoding limits.
 *
 * Pointer rule: the tables grow by realloc, so a pointer returned by
 * wr_add_object/wr_add_global/... stays valid only until the next add to the
 * same table; keep ids (or indices) across adds, not pointers. The same holds
 * for wr_add_prop and the props array of one object.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wire/wr_impl.h"

#define ARENA_CHUNK (64u * 1024u)
#define ARENA_CHUNK_MAX (4u * 1024u * 1024u)
#define ALIGN 16u

typedef struct wr_chunk {
	struct wr_chunk *next;
	size_t size, used;
	/* data follows, aligned */
} wr_chunk;

struct wr_arena {
	wr_chunk *head;
	size_t    total;     /* bytes malloc'ed for chunks */
	/* the decoding budget (wr_limits.max_model): held counts the chunks,
	 * the capacities of the tables and the decoder's own tables (which
	 * may shrink), peak its highest value */
	size_t    held, peak, budget;
	int       over;      /* an allocation was refused for the budget */
	/* capacities of the realloc'ed tables */
	uint32_t  cap_objects, cap_globals, cap_symbols, cap_timers, cap_patches;
};

#define CHUNK_HDR ((sizeof(wr_chunk) + ALIGN - 1) & ~(size_t)(ALIGN - 1))

wr_snapshot *wr_snapshot_new(void)
{
	wr_snapshot *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->arena = calloc(1, sizeof *s->arena);
	if (!s->arena) {
		free(s);
		return NULL;
	}
	s->arena->budget = SIZE_MAX;
	s->version = WR_FORMAT_VERSION;
	return s;
}

void wr_model_budget(wr_snapshot *s, size_t max)
{
	s->arena->budget = max;
}

int wr_model_charge(wr_snapshot *s, size_t n)
{
	struct wr_arena *a = s->arena;
	if (n > a->budget - a->held) {
		a->over = 1;
		return -1;
	}
	a->held += n;
	if (a->held > a->peak)
		a->peak = a->held;
	return 0;
}

void wr_shrink_model(wr_snapshot *s, void **arr, uint32_t *cap, uint32_t n, size_t elsize)
{
	void *p;
	if (n == 0 || n >= *cap || !(p = realloc(*arr, (size_t)n * elsize)))
		return;
	s->arena->held -= (size_t)(*cap - n) * elsize;
	*arr = p;
	*cap = n;
}

int wr_model_over(const wr_snapshot *s)
{
	return s && s->arena && s->arena->over;
}

size_t wr_model_held(const wr_snapshot *s)
{
	return s && s->arena ? s->arena->peak : 0;
}

void wr_snapshot_free(wr_snapshot *s)
{
	if (!s)
		return;
	if (s->arena) {
		wr_chunk *c = s->arena->head;
		while (c) {
			wr_chunk *n = c->next;
			free(c);
			c = n;
		}
		free(s->arena);
	}
	free(s->objects);
	free(s->globals);
	free(s->symbols);
	free(s->timers);
	free(s->patches);
	free(s);
}

void *wr_alloc(wr_snapshot *s, size_t n)
{
	struct wr_arena *a = s->arena;
	wr_chunk *c = a->head;
	size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (need < n)
		return NULL;
	if (need == 0)
		need = ALIGN;
	if (!c || c->size - c->used < need) {
		/* chunks grow with the arena (64 KiB .. 4 MiB): few mallocs for
		 * big snapshots, little waste for small ones */
		size_t chunk = a->total / 4;
		if (chunk < ARENA_CHUNK)
			chunk = ARENA_CHUNK;
		if (chunk > ARENA_CHUNK_MAX)
			chunk = ARENA_CHUNK_MAX;
		/* a block over 1/16 of a chunk gets its own: at most 1/16 of
		 * a chunk is left unused when a new one starts */
		size_t sz = need > chunk / 16 ? need : chunk;
		if (sz > SIZE_MAX - CHUNK_HDR || wr_model_charge(s, CHUNK_HDR + sz))
			return NULL;
		wr_chunk *nc = malloc(CHUNK_HDR + sz);
		if (!nc)
			return NULL;
		nc->size = sz;
		nc->used = 0;
		a->total += CHUNK_HDR + sz;
		if (c && sz != chunk && c->size - c->used >= ALIGN) {
			/* a big block: keep the current chunk on top for small ones */
			nc->next = c->next;
			c->next = nc;
			nc->used = need;
			return (char *)nc + CHUNK_HDR;
		}
		nc->next = c;
		a->head = c = nc;
	}
	void *p = (char *)c + CHUNK_HDR + c->used;
	c->used += need;
	return p;
}

size_t wr_arena_bytes(const wr_snapshot *s)
{
	return s && s->arena ? s->arena->total : 0;
}

int wr_strdup(wr_snapshot *s, const char *p, size_t n, wr_str *out)
{
	static const char empty[1];
	if (n > UINT32_MAX)
		return -1;
	if (n == 0) {   /* model strings are never written to: share one */
		out->ptr = empty;
		out->len = 0;
		return 0;
	}
	char *d = wr_alloc(s, n + 1);
	if (!d)
		return -1;
	if (n)
		memcpy(d, p, n);
	d[n] = '\0';
	out->ptr = d;
	out->len = (uint32_t)n;
	return 0;
}

/* the capacity after *cap, and its size in bytes: 0 when it cannot grow */
static uint32_t next_cap(uint32_t count, uint32_t cap, uint32_t first, size_t elsize, size_t *bytes)
{
	uint32_t ncap = cap ? (cap > UINT32_MAX / 2 ? UINT32_MAX - 1 : cap * 2) : first;
	if (count >= UINT32_MAX - 1)
		return 0;
	if (ncap <= count)
		ncap = count + 1;
	if (ncap > UINT32_MAX - 1)
		ncap = UINT32_MAX - 1;
	if (__builtin_mul_overflow((size_t)ncap, elsize, bytes))
		return 0;
	return ncap;
}

/* realloc *arr to ncap elements (bytes in all), charging what it adds to
 * s's budget unless s is NULL */
static int resize(wr_snapshot *s, void **arr, uint32_t *cap, uint32_t ncap, size_t bytes, size_t elsize)
{
	void *n;
	if ((s && wr_model_charge(s, bytes - (size_t)*cap * elsize)) || !(n = realloc(*arr, bytes)))
		return -1;
	*arr = n;
	*cap = ncap;
	return 0;
}

int wr_grow(void **arr, uint32_t count, uint32_t *cap, uint32_t first, size_t elsize)
{
	return wr_grow_model(NULL, arr, count, cap, first, elsize);
}

int wr_grow_model(wr_snapshot *s, void **arr, uint32_t count, uint32_t *cap, uint32_t first,
                  size_t elsize)
{
	size_t bytes;
	uint32_t ncap;
	if (count < *cap)
		return 0;
	if (!(ncap = next_cap(count, *cap, first, elsize, &bytes)))
		return -1;
	return resize(s, arr, cap, ncap, bytes, elsize);
}

int wr_grow_arena(wr_snapshot *s, void **arr, uint32_t count, uint32_t *cap, uint32_t first,
                  size_t elsize)
{
	size_t bytes;
	uint32_t ncap;
	void *n;
	if (count < *cap)
		return 0;
	if (!(ncap = next_cap(count, *cap, first, elsize, &bytes)) || !(n = wr_alloc(s, bytes)))
		return -1;
	if (count)
		memcpy(n, *arr, (size_t)count * elsize);
	*arr = n;
	*cap = ncap;
	return 0;
}

int wr_reserve_model(wr_snapshot *s, void **arr, uint32_t *cap, uint32_t n, size_t elsize)
{
	size_t bytes;
	if (n <= *cap)
		return 0;
	if (n >= UINT32_MAX - 1 || __builtin_mul_overflow((size_t)n, elsize, &bytes))
		return -1;
	return resize(s, arr, cap, n, bytes, elsize);
}

int wr_reserve_table(wr_snapshot *s, wr_table t, uint32_t n)
{
	struct wr_arena *a = s->arena;
	switch (t) {
	case WR_TAB_OBJECTS: return wr_reserve_model(s, (void **)&s->objects, &a->cap_objects, n, sizeof *s->objects);
	case WR_TAB_GLOBALS: return wr_reserve_model(s, (void **)&s->globals, &a->cap_globals, n, sizeof *s->globals);
	case WR_TAB_SYMBOLS: return wr_reserve_model(s, (void **)&s->symbols, &a->cap_symbols, n, sizeof *s->symbols);
	case WR_TAB_TIMERS: return wr_reserve_model(s, (void **)&s->timers, &a->cap_timers, n, sizeof *s->timers);
	case WR_TAB_PATCHES: return wr_reserve_model(s, (void **)&s->patches, &a->cap_patches, n, sizeof *s->patches);
	}
	return -1;
}

/* Grow a realloc'ed table by one element; returns the new zeroed slot. */
static void *grow(wr_snapshot *s, void **arr, uint32_t *count, uint32_t *cap, size_t elsize)
{
	if (wr_grow_model(s, arr, *count, cap, 16, elsize))
		return NULL;
	char *slot = (char *)*arr + (size_t)*count * elsize;
	memset(slot, 0, elsize);
	(*count)++;
	return slot;
}

wr_object *wr_add_object(wr_snapshot *s, uint32_t *id_out)
{
	wr_object *o = grow(s, (void **)&s->objects, &s->nobjects,
	                    &s->arena->cap_objects, sizeof *o);
	if (!o)
		return NULL;
	o->kind = WR_OBJ_OBJECT;
	o->flags = WR_OF_EXTENSIBLE;
	o->proto.type = WR_NULL;
	if (id_out)
		*id_out = s->nobjects;
	return o;
}

wr_prop *wr_add_prop(wr_snapshot *s, wr_object *o)
{
	/* props live in the arena; capacity is implicit, so no extra field
	 * is needed in wr_object: 0 for none, else what the growth rule
	 * makes from 4 -- the next power of two >= nprops, UINT32_MAX - 1
	 * past 2^31 */
	uint32_t n = o->nprops, cap = n ? 4 : 0;
	while (cap && cap < n)
		cap = cap > UINT32_MAX / 2 ? UINT32_MAX - 1 : cap * 2;
	if (wr_grow_arena(s, (void **)&o->props, n, &cap, 4, sizeof(wr_prop)))
		return NULL;
	wr_prop *p = &o->props[n];
	memset(p, 0, sizeof *p);
	p->flags = WR_PF_WRITABLE | WR_PF_ENUMERABLE | WR_PF_CONFIGURABLE;
	p->key.type = WR_STRING;
	o->nprops = n + 1;
	return p;
}

wr_prop *wr_add_global(wr_snapshot *s)
{
	wr_prop *p = grow(s, (void **)&s->globals, &s->nglobals,
	                  &s->arena->cap_globals, sizeof *p);
	if (p) {
		p->flags = WR_PF_WRITABLE | WR_PF_ENUMERABLE | WR_PF_CONFIGURABLE;
		p->key.type = WR_STRING;
	}
	return p;
}

wr_symbol *wr_add_symbol(wr_snapshot *s, uint32_t *id_out)
{
	wr_symbol *y = grow(s, (void **)&s->symbols, &s->nsymbols,
	                    &s->arena->cap_symbols, sizeof *y);
	if (y && id_out)
		*id_out = s->nsymbols;
	return y;
}

wr_timer *wr_add_timer(wr_snapshot *s)
{
	return grow(s, (void **)&s->timers, &s->ntimers, &s->arena->cap_timers,
	            sizeof(wr_timer));
}

void wr_patch_integrity(wr_patch *p, int level)
{
	p->integrity = level;
	p->deleted = 0;
	p->prop.key.type = WR_UNDEFINED;   /* so one holder has one (wr_validate) */
	p->prop.flags = 0;
}

wr_patch *wr_add_patch(wr_snapshot *s)
{
	wr_patch *p = grow(s, (void **)&s->patches, &s->npatches,
	                   &s->arena->cap_patches, sizeof *p);
	if (p) {
		p->prop.flags = WR_PF_WRITABLE | WR_PF_ENUMERABLE | WR_PF_CONFIGURABLE;
		p->prop.key.type = WR_STRING;
	}
	return p;
}

size_t wr_model_limit(size_t max_bytes)
{
	size_t m;
	if (__builtin_mul_overflow(max_bytes, (size_t)WR_MODEL_RATIO, &m) || m > SIZE_MAX - WR_MODEL_SLACK)
		return SIZE_MAX;
	return m + WR_MODEL_SLACK;
}

void wr_limits_input(wr_limits *l, size_t max_bytes)
{
	l->max_bytes = max_bytes;
	l->max_model = wr_model_limit(max_bytes);
}

void wr_limits_default(wr_limits *l)
{
	l->max_depth = 64;                  /* the format itself nests < 10 */
	l->max_string = 64u << 20;
	/* a decoded object costs ~110 bytes of model and a property 80: the
	 * object table and one object's properties stay under 1 GiB. The
	 * properties of all objects together are bounded by max_model
	 * (doc/snapshot-format.md 5) */
	l->max_objects = 4u << 20;
	l->max_props = 4u << 20;
	wr_limits_input(l, (size_t)256 << 20);   /* 256 MiB of encoded snapshot */
}

/* n bytes for a message: "64 MiB", "1.5 MiB", "640 KiB", "100 bytes" */
static void show_size(char *out, size_t cap, size_t n)
{
	if (n >= (size_t)1 << 20 && n % ((size_t)1 << 20) == 0)
		snprintf(out, cap, "%zu MiB", n >> 20);
	else if (n >= (size_t)1 << 20)
		snprintf(out, cap, "%.1f MiB", (double)n / (1 << 20));
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(out, cap, "%zu KiB", n >> 10);
	else if (n >= 1024)
		snprintf(out, cap, "%.1f KiB", (double)n / 1024);
	else
		snprintf(out, cap, "%zu bytes", n);
}

void wr_err_model(wr_error *err, size_t offset, const wr_limits *lim)
{
	char need[32], in[32];
	show_size(need, sizeof need, lim->max_model);
	if (lim->max_model == wr_model_limit(lim->max_bytes)) {
		show_size(in, sizeof in, lim->max_bytes);
		wr_err_at(err, offset, "snapshot needs more than %s to decode (limit for inputs of up to %s: "
		          "%u bytes per input byte + %u MiB)", need, in, (unsigned)WR_MODEL_RATIO,
		          (unsigned)(WR_MODEL_SLACK >> 20));
	} else {
		wr_err_at(err, offset, "snapshot needs more than %s to decode (limit max_model = %zu bytes)",
		          need, lim->max_model);
	}
}

/* ---- enum names (shared by the codecs and the tool) ---- */

static const char *const kind_names[WR_OBJ_KIND_COUNT] = {
	"object", "array", "function", "bound", "date", "regexp", "error",
	"boolean", "number", "string", "symbol", "arguments", "arraybuffer",
	"buffer", "typedarray", "dataview", "plainbuffer", "textdecoder"
};
static const char *const elem_names[WR_ELEM_COUNT] = {
	"uint8", "uint8clamped", "int8", "uint16", "int16", "uint32", "int32",
	"float32", "float64"
};
static const char *const symkind_names[] = { "local", "global", "wellknown" };
static const char *const tkind_names[] = { "timeout", "interval", "immediate" };

static int find(const char *const *tab, int n, const char *p, size_t len)
{
	for (int i = 0; i < n; i++)
		if (strlen(tab[i]) == len && memcmp(tab[i], p, len) == 0)
			return i;
	return -1;
}

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

const char *wr_kind_name(uint32_t k) { return k < WR_OBJ_KIND_COUNT ? kind_names[k] : NULL; }
int wr_kind_from(const char *p, size_t n) { return find(kind_names, NELEM(kind_names), p, n); }
const char *wr_elem_name(uint32_t k) { return k < WR_ELEM_COUNT ? elem_names[k] : NULL; }
int wr_elem_from(const char *p, size_t n) { return find(elem_names, NELEM(elem_names), p, n); }
const char *wr_symkind_name(uint32_t k) { return k < (uint32_t)NELEM(symkind_names) ? symkind_names[k] : NULL; }
int wr_symkind_from(const char *p, size_t n) { return find(symkind_names, NELEM(symkind_names), p, n); }
const char *wr_tkind_name(uint32_t k) { return k < (uint32_t)NELEM(tkind_names) ? tkind_names[k] : NULL; }
int wr_tkind_from(const char *p, size_t n) { return find(tkind_names, NELEM(tkind_names), p, n); }
