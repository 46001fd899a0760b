/*
 * runtime/alloc.c -- the counting allocator behind the Duktape heap.
 *
 * Every block carries a small header with its size so frees and reallocs
 * can be counted exactly: rt_alloc.cur is the live heap bytes (payload, not
 * headers), .peak its maximum, and a non-zero .limit (--max-heap) makes any
 * allocation that would exceed it return NULL. Duktape turns a NULL into an
 * Error "alloc failed" (not a RangeError) after a GC retry, so the program
 * sees a clean error instead of the process crashing.
 */
#include <stdlib.h>
#include <stddef.h>

#include "runtime/rt_core.h"

/* header sized to keep the payload maximally aligned */
typedef union rt_hdr {
	size_t size;
	long double ld;
	void *p;
	long long ll;
} rt_hdr;

static int rt_alloc_admit(rt_alloc *a, size_t old, size_t size)
{
	size_t next = a->cur - old;
	if (size > (size_t)-1 - sizeof(rt_hdr) - next)
		return 0;
	next += size;
	if (a->limit && next > a->limit) {
		a->refused++;
		return 0;
	}
	return 1;
}

static void rt_alloc_account(rt_alloc *a, size_t old, size_t size)
{
	a->cur = a->cur - old + size;
	if (a->cur > a->peak)
		a->peak = a->cur;
}

void *rt_alloc_fn(void *udata, duk_size_t size)
{
	rt_alloc *a = udata;
	rt_hdr *h;

	if (size == 0)
		return NULL;
	if (!rt_alloc_admit(a, 0, size))
		return NULL;
	h = malloc(sizeof(rt_hdr) + size);
	if (!h)
		return NULL;
	h->size = size;
	rt_alloc_account(a, 0, size);
	a->nallocs++;
	return h + 1;
}

void *rt_realloc_fn(void *udata, void *ptr, duk_size_t size)
{
	rt_alloc *a = udata;
	rt_hdr *h, *nh;
	size_t old;

	if (!ptr)
		return rt_alloc_fn(udata, size);
	h = (rt_hdr *)ptr - 1;
	old = h->size;
	if (size == 0) {
		rt_free_fn(udata, ptr);
		return NULL;
	}
	if (!rt_alloc_admit(a, old, size))
		return NULL;
	nh = realloc(h, sizeof(rt_hdr) + size);
	if (!nh)
		return NULL;
	nh->size = size;
	rt_alloc_account(a, old, size);
	return nh + 1;
}

void rt_free_fn(void *udata, void *ptr)
{
	rt_alloc *a = udata;
	rt_hdr *h;

	if (!ptr)
		return;
	h = (rt_hdr *)ptr - 1;
	a->cur -= h->size;
	free(h);
}
