/*
 * runtime/snap_path.c -- names the path from a root to a value the walker
 * cannot migrate, e.g. `global.app.handlers[2] (closure of app.js:41): ...`.
 * Paths follow the discovery edges recorded per object (breadth first, so a
 * shortest path); built only when a snapshot fails.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/snap_walk.h"

typedef struct pbuf {
	char *p;
	size_t len, cap;
} pbuf;

static void put(pbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(pbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	if (b->len + 1 >= b->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	b->len += (size_t)n;
	if (b->len >= b->cap)
		b->len = b->cap - 1;
}

static int ident(const char *s, uint32_t n)
{
	if (n == 0)
		return 0;
	for (uint32_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
		      (i > 0 && c >= '0' && c <= '9')))
			return 0;
	}
	return 1;
}

static int digits(const char *s, uint32_t n)
{
	if (n == 0 || n > 10)
		return 0;
	for (uint32_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static void put_key(sw_state *w, pbuf *b, const wr_value *k)
{
	if (k->type == WR_SYMBOL) {
		const wr_symbol *y = k->u.ref >= 1 && k->u.ref <= w->s->nsymbols
		                     ? &w->s->symbols[k->u.ref - 1] : NULL;
		if (y && y->kind == WR_SYM_WELLKNOWN)
			put(b, "[Symbol.%.*s]", (int)y->desc.len, y->desc.ptr);
		else if (y)
			put(b, "[Symbol(%.*s)]", (int)y->desc.len, y->desc.ptr);
		else
			put(b, "[Symbol()]");
	} else if (k->type == WR_STRING) {
		const char *s = k->u.str.ptr;
		uint32_t n = k->u.str.len;
		if (ident(s, n))
			put(b, ".%.*s", (int)n, s);
		else if (digits(s, n))
			put(b, "[%.*s]", (int)n, s);
		else
			put(b, "[\"%.*s\"]", (int)(n > 40 ? 40 : n), s);
	}
}

static void put_acc(pbuf *b, uint32_t which)
{
	if (which == 1)
		put(b, "@get");
	else if (which == 2)
		put(b, "@set");
}

void sw_path(sw_state *w, const sw_edge *edge, char *buf, size_t len)
{
	enum { MAXCHAIN = 4096 };
	sw_edge *chain = malloc(MAXCHAIN * sizeof *chain);
	size_t n = 0;
	sw_edge cur = *edge;
	pbuf b = { buf, 0, len };

	buf[0] = '\0';
	if (!chain) {
		put(&b, "?");
		return;
	}
	while (cur.parent != 0 && n < MAXCHAIN) {
		chain[n++] = cur;
		cur = w->edges[cur.parent - 1];
	}
	if (cur.parent != 0) {
		put(&b, "...");
	} else {
		switch (cur.kind) {
		case SW_E_GLOBAL:
			put(&b, "global");
			if (cur.a < w->s->nglobals)
				put_key(w, &b, &w->s->globals[cur.a].key);
			put_acc(&b, cur.b);
			break;
		case SW_E_PATCH:
			if (cur.a < w->s->npatches) {
				const wr_patch *p = &w->s->patches[cur.a];
				put(&b, "%.*s", (int)p->holder.len, p->holder.ptr);
				put_key(w, &b, &p->prop.key);
			}
			put_acc(&b, cur.b);
			break;
		case SW_E_TIMER:
			if (cur.a < w->s->ntimers)
				put(&b, "timer#%.0f", w->s->timers[cur.a].id);
			if (cur.b == 0)
				put(&b, ".callback");
			else
				put(&b, ".args[%u]", (unsigned)(cur.b - 1));
			break;
		default:
			put(&b, "?");
		}
	}
	while (n > 0) {
		const sw_edge *e = &chain[--n];
		const wr_object *o = &w->s->objects[e->parent - 1];
		switch (e->kind) {
		case SW_E_PROP:
			if (e->a < o->nprops)
				put_key(w, &b, &o->props[e->a].key);
			else
				put_key(w, &b, &w->curkey);
			put_acc(&b, e->b);
			break;
		case SW_E_PROTO:   put(&b, ".__proto__"); break;
		case SW_E_ENV:     put(&b, "[[Environment]]"); break;
		case SW_E_BTARGET: put(&b, "[[BoundTargetFunction]]"); break;
		case SW_E_BTHIS:   put(&b, "[[BoundThis]]"); break;
		case SW_E_BARG:    put(&b, "[[BoundArguments]][%u]", (unsigned)e->a); break;
		case SW_E_VIEWBUF: put(&b, ".buffer"); break;
		default:           put(&b, ".?"); break;
		}
	}
	free(chain);
}

int sw_fail(sw_state *w, const sw_edge *edge, const char *fmt, ...)
{
	char path[512], msg[512];
	va_list ap;

	if (w->failed)
		return -1;
	w->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (edge)
		sw_path(w, edge, path, sizeof path);
	else
		snprintf(path, sizeof path, "a property key");
	snprintf(w->err, w->errlen, "snapshot: %s%s%s", path, msg[0] == '(' ? " " : ": ", msg);
	return -1;
}
