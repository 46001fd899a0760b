/*
 * runtime/snap_map.c -- the identity maps of the snapshot walker and of
 * restore: pointer -> id (Duktape heap pointers to object/symbol ids) and
 * string -> index (built-in paths). Open addressing, linear probing, load
 * factor <= 1/2; NULL is never a valid key.
 */
#include <stdlib.h>
#include <string.h>
#include "runtime/snap_impl.h"

static size_t pow2_at_least(size_t n)
{
	size_t c = 64;
	while (c < n * 2)
		c *= 2;
	return c;
}

static size_t ptr_hash(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

int rt_pmap_init(rt_pmap *m, size_t hint)
{
	m->cap = pow2_at_least(hint);
	m->n = 0;
	m->keys = calloc(m->cap, sizeof *m->keys);
	m->vals = malloc(m->cap * sizeof *m->vals);
	if (!m->keys || !m->vals) {
		rt_pmap_free(m);
		return -1;
	}
	return 0;
}

void rt_pmap_free(rt_pmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->n = 0;
}

int rt_pmap_get(const rt_pmap *m, const void *key, uint32_t *val)
{
	size_t mask = m->cap - 1, i = ptr_hash(key) & mask;
	for (;;) {
		const void *k = m->keys[i];
		if (k == key) {
			*val = m->vals[i];
			return 1;
		}
		if (!k)
			return 0;
		i = (i + 1) & mask;
	}
}

static int pmap_grow(rt_pmap *m)
{
	rt_pmap nm;
	nm.cap = m->cap * 2;
	nm.n = 0;
	nm.keys = calloc(nm.cap, sizeof *nm.keys);
	nm.vals = malloc(nm.cap * sizeof *nm.vals);
	if (!nm.keys || !nm.vals) {
		rt_pmap_free(&nm);
		return -1;
	}
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys[i])
			rt_pmap_put(&nm, m->keys[i], m->vals[i]);
	rt_pmap_free(m);
	*m = nm;
	return 0;
}

int rt_pmap_put(rt_pmap *m, const void *key, uint32_t val)
{
	if ((m->n + 1) * 2 > m->cap && pmap_grow(m) != 0)
		return -1;
	size_t mask = m->cap - 1, i = ptr_hash(key) & mask;
	for (;;) {
		if (m->keys[i] == key) {
			m->vals[i] = val;
			return 0;
		}
		if (!m->keys[i]) {
			m->keys[i] = (void *)key;
			m->vals[i] = val;
			m->n++;
			return 0;
		}
		i = (i + 1) & mask;
	}
}

/* ---- string map ---- */

static size_t str_hash(const char *p, size_t len)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

int rt_smap_init(rt_smap *m, size_t hint)
{
	m->cap = pow2_at_least(hint);
	m->n = 0;
	m->keys = calloc(m->cap, sizeof *m->keys);
	m->vals = malloc(m->cap * sizeof *m->vals);
	if (!m->keys || !m->vals) {
		rt_smap_free(m);
		return -1;
	}
	return 0;
}

void rt_smap_free(rt_smap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->n = 0;
}

int rt_smap_get(const rt_smap *m, const char *key, size_t len, uint32_t *val)
{
	size_t mask = m->cap - 1, i = str_hash(key, len) & mask;
	for (;;) {
		const char *k = m->keys[i];
		if (!k)
			return 0;
		if (strlen(k) == len && memcmp(k, key, len) == 0) {
			*val = m->vals[i];
			return 1;
		}
		i = (i + 1) & mask;
	}
}

int rt_smap_put(rt_smap *m, const char *key, uint32_t val)
{
	if ((m->n + 1) * 2 > m->cap) {
		rt_smap nm;
		if (rt_smap_init(&nm, m->cap) != 0)
			return -1;
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i])
				rt_smap_put(&nm, m->keys[i], m->vals[i]);
		rt_smap_free(m);
		*m = nm;
	}
	size_t len = strlen(key);
	size_t mask = m->cap - 1, i = str_hash(key, len) & mask;
	for (;;) {
		if (!m->keys[i]) {
			m->keys[i] = key;
			m->vals[i] = val;
			m->n++;
			return 0;
		}
		if (strcmp(m->keys[i], key) == 0) {
			m->vals[i] = val;
			return 0;
		}
		i = (i + 1) & mask;
	}
}
