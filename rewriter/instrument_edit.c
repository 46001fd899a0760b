/*
 * rewriter/instrument_edit.c -- the edit list of the instrumentation pass:
 * insertions and replacements on the original source, kept sorted, and
 * rendered either for the whole program (app.fy.js) or for one function's
 * text (a maker). Edits never add line breaks, so every line of the user's
 * program keeps its number.
 */
#include <stdlib.h>
#include <string.h>

#include "rewriter/instrument_impl.h"

void ri_edits_free(ri_edits *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		free(e->v[i].text);
	free(e->v);
	e->v = NULL;
	e->n = e->cap = 0;
}

void ri_edit_add(ri_edits *e, uint32_t start, uint32_t end, int cls, int depth,
                 const char *text, size_t len)
{
	ri_edit *d;
	char *t;

	if (e->oom)
		return;
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 64;
		ri_edit *nv = realloc(e->v, cap * sizeof *nv);
		if (!nv) {
			e->oom = 1;
			return;
		}
		e->v = nv;
		e->cap = cap;
	}
	/* copied with its length: text copied from the source (a string key)
	 * may hold NUL bytes */
	t = malloc(len + 1);
	if (!t) {
		e->oom = 1;
		return;
	}
	d = &e->v[e->n];
	d->start = start;
	d->end = end;
	d->cls = cls;
	d->depth = depth;
	d->seq = (uint32_t)e->n;
	memcpy(t, text, len);
	t[len] = '\0';
	d->text = t;
	d->len = len;
	e->n++;
}

static int edit_cmp(const void *pa, const void *pb)
{
	const ri_edit *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->cls != b->cls)
		return a->cls < b->cls ? -1 : 1;
	if (a->depth != b->depth) {
		if (a->cls == 0)      /* closes: innermost first */
			return a->depth > b->depth ? -1 : 1;
		return a->depth < b->depth ? -1 : 1;
	}
	return a->seq < b->seq ? -1 : (a->seq > b->seq);
}

void ri_edits_sort(ri_edits *e)
{
	if (e->n > 1)
		qsort(e->v, e->n, sizeof *e->v, edit_cmp);
}

/* first edit with start >= pos */
static size_t lower_bound(const ri_edits *e, uint32_t pos)
{
	size_t lo = 0, hi = e->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (e->v[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* a byte that can continue an identifier or keyword: ASCII letter, digit,
 * `$`, `_`, the backslash of an escape, any byte of a non-ASCII character */
static int ident_byte(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '$' || ch == '_' || ch == '\\' || ch >= 0x80;
}

/* Appends n bytes of s, after a space when they would otherwise run into
 * the text before them and make one token of two: a replacement drops
 * the parentheses of the node it replaces, so `typeof(x)` becomes
 * `typeof $Fe1[1]`, not `typeof$Fe1[1]`, and `delete(x)in o` becomes
 * `false in o`; likewise `+` `+`, `-` `-` and `/` `/` or `*`. */
static void put_apart(rw_out *out, const char *s, size_t n)
{
	unsigned char last, first;

	if (n == 0)
		return;
	last = out->len ? (unsigned char)out->p[out->len - 1] : ' ';
	first = (unsigned char)s[0];
	if ((ident_byte(last) && ident_byte(first)) ||
	    ((last == '+' || last == '-') && first == last) ||
	    (last == '/' && (first == '/' || first == '*')))
		rw_out_put(out, " ", 1);
	rw_out_put(out, s, n);
}

/* copies src[from..to) and places the probes that fall before `to` */
static void copy_src(rw_out *out, const char *src, uint32_t from, uint32_t to,
                     ri_probes *pr, size_t *k)
{
	size_t start;

	put_apart(out, src + from, to - from);
	start = out->len - (to - from);
	if (!pr)
		return;
	for (; *k < pr->n && pr->pos[*k] < to; ++*k)
		pr->off[*k] = pr->pos[*k] >= from && !out->oom ? start + (pr->pos[*k] - from)
		                                               : RI_NOWHERE;
}

void ri_render_probed(const ri_edits *e, const char *src, uint32_t a, uint32_t b, int whole,
                      rw_out *out, ri_probes *pr)
{
	size_t i = lower_bound(e, a), k = 0;
	uint32_t pos = a;

	if (pr)
		for (k = 0; k < pr->n; k++)
			pr->off[k] = RI_NOWHERE;
	k = 0;
	for (; i < e->n; i++) {
		const ri_edit *d = &e->v[i];
		int ins = d->start == d->end;

		if (d->start > b || (d->start == b && (!whole || !ins)))
			break;
		if (ins && d->start == a && !whole)
			continue;             /* belongs to the enclosing construct */
		if (!ins && d->end > b)
			continue;
		if (d->start < pos)
			continue;             /* overlapped by an earlier replacement */
		if (d->start > pos)
			copy_src(out, src, pos, d->start, pr, &k);
		put_apart(out, d->text, d->len);
		pos = d->end;
	}
	if (pos < b)
		copy_src(out, src, pos, b, pr, &k);
}

void ri_render(const ri_edits *e, const char *src, uint32_t a, uint32_t b, int whole,
               rw_out *out)
{
	ri_render_probed(e, src, a, b, whole, out, NULL);
}
