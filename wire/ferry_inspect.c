/*
 * wire/ferry_inspect.c -- `ferry inspect`: a human summary of a snapshot.
 * Counts by kind, approximate data bytes by kind, and the largest values
 * with their paths from a root. Paths come from a breadth-first walk from
 * the roots (globals, timers, patches), so each object gets its shortest
 * path; a value's "total" is its own bytes plus those of every object first
 * reached through it (its subtree in that walk).
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "wire/ferry_tool.h"
#include "wire/wr_impl.h"

enum { E_NONE = 0, E_GLOBAL, E_TCB, E_TARG, E_PATCH, E_PROP, E_GET, E_SET,
       E_PROTO, E_SCOPE, E_TARGET, E_THIS, E_BARG, E_PRIM, E_BUFFER };

typedef struct link {
	uint32_t parent;   /* object id, or root index for root edges */
	uint32_t edge;     /* prop / arg index */
	uint8_t  etype;
} link;

static size_t val_bytes(const wr_value *v)
{
	switch (v->type) {
	case WR_STRING: case WR_BUILTIN: return v->u.str.len;
	case WR_NUMBER: return 8;
	default: return 4;
	}
}

static size_t own_bytes(const wr_object *o)
{
	size_t n = 16;
	for (uint32_t i = 0; i < o->nprops; i++)
		n += val_bytes(&o->props[i].key) + val_bytes(&o->props[i].value) +
		     (o->props[i].flags & WR_PF_ACCESSOR ? val_bytes(&o->props[i].setter) : 0);
	switch (o->kind) {
	case WR_OBJ_ARRAYBUFFER:
	case WR_OBJ_PLAINBUFFER: n += o->u.bytes.memory ? 4 : o->u.bytes.len; break;
	case WR_OBJ_ERROR: n += o->u.trace.stack.len + o->u.trace.file.len; break;
	case WR_OBJ_OBJECT: n += 8 + o->u.trace.stack.len + o->u.trace.file.len; break;
	case WR_OBJ_REGEXP: n += o->u.regexp.source.len + o->u.regexp.flags.len; break;
	case WR_OBJ_BOUND: n += 8 + 4 * (size_t)o->u.bound.nargs; break;
	default: n += 8; break;
	}
	return n;
}

typedef struct walk {
	const wr_snapshot *s;
	link *links;
	uint32_t *order, n;   /* BFS order of object ids */
} walk;

static void reach(walk *w, const wr_value *v, uint32_t parent, uint32_t edge, uint8_t etype)
{
	if (v->type != WR_REF)
		return;
	link *l = &w->links[v->u.ref - 1];
	if (l->etype != E_NONE)
		return;
	l->parent = parent;
	l->edge = edge;
	l->etype = etype;
	w->order[w->n++] = v->u.ref;
}

static void bfs(walk *w)
{
	const wr_snapshot *s = w->s;
	for (uint32_t i = 0; i < s->nglobals; i++)
		reach(w, &s->globals[i].value, i, 0, E_GLOBAL);
	for (uint32_t i = 0; i < s->ntimers; i++) {
		reach(w, &s->timers[i].callback, i, 0, E_TCB);
		for (uint32_t j = 0; j < s->timers[i].nargs; j++)
			reach(w, &s->timers[i].args[j], i, j, E_TARG);
	}
	for (uint32_t i = 0; i < s->npatches; i++)
		reach(w, &s->patches[i].prop.value, i, 0, E_PATCH);
	for (uint32_t q = 0; q < w->n; q++) {
		uint32_t id = w->order[q];
		const wr_object *o = &s->objects[id - 1];
		for (uint32_t i = 0; i < o->nprops; i++) {
			const wr_prop *p = &o->props[i];
			if (p->flags & WR_PF_ACCESSOR) {
				reach(w, &p->value, id, i, E_GET);
				reach(w, &p->setter, id, i, E_SET);
			} else {
				reach(w, &p->value, id, i, E_PROP);
			}
		}
		switch (o->kind) {
		case WR_OBJ_FUNCTION: reach(w, &o->u.fn.env, id, 0, E_SCOPE); break;
		case WR_OBJ_BOUND:
			reach(w, &o->u.bound.target, id, 0, E_TARGET);
			reach(w, &o->u.bound.self, id, 0, E_THIS);
			for (uint32_t j = 0; j < o->u.bound.nargs; j++)
				reach(w, &o->u.bound.args[j], id, j, E_BARG);
			break;
		case WR_OBJ_BUFFER: case WR_OBJ_TYPEDARRAY: case WR_OBJ_DATAVIEW:
			reach(w, &o->u.view.buffer, id, 0, E_BUFFER);
			break;
		case WR_OBJ_SYMBOL: case WR_OBJ_STRING: case WR_OBJ_NUMBER: case WR_OBJ_BOOLEAN:
			reach(w, &o->u.prim, id, 0, E_PRIM);
			break;
		default: break;
		}
		reach(w, &o->proto, id, 0, E_PROTO);   /* last: data paths are nicer */
	}
}

/* ---- path text ---- */

typedef struct sbuf { char *p; size_t len, cap; } sbuf;

static void sb_put(sbuf *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t nc = (b->cap ? b->cap : 64);
		while (nc < b->len + n + 1)
			nc *= 2;
		char *np = realloc(b->p, nc);
		if (!np)
			return;
		b->p = np;
		b->cap = nc;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = 0;
}
static void sb_puts(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_quoted(sbuf *b, const wr_str *s, size_t max)
{
	char tmp[8];
	sb_puts(b, "\"");
	for (uint32_t i = 0; i < s->len && i < max; i++) {
		unsigned char c = (unsigned char)s->ptr[i];
		if (c == '"' || c == '\\') {
			tmp[0] = '\\'; tmp[1] = (char)c;
			sb_put(b, tmp, 2);
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(tmp, sizeof tmp, "\\x%02x", c);
			sb_puts(b, tmp);
		} else {
			sb_put(b, (const char *)&c, 1);
		}
	}
	if (s->len > max)
		sb_puts(b, "...");
	sb_puts(b, "\"");
}

static int is_ident(const wr_str *s)
{
	if (s->len == 0 || s->len > 64)
		return 0;
	for (uint32_t i = 0; i < s->len; i++) {
		unsigned char c = (unsigned char)s->ptr[i];
		if (!(c == '_' || c == '$' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (i && c >= '0' && c <= '9')))
			return 0;
	}
	return 1;
}

static int is_index(const wr_str *s)
{
	if (s->len == 0 || s->len > 10 || (s->len > 1 && s->ptr[0] == '0'))
		return 0;
	for (uint32_t i = 0; i < s->len; i++)
		if (s->ptr[i] < '0' || s->ptr[i] > '9')
			return 0;
	return 1;
}

static void sb_key(sbuf *b, const wr_snapshot *s, const wr_value *k, const char *suffix)
{
	if (k->type == WR_SYMBOL) {
		const wr_symbol *y = &s->symbols[k->u.ref - 1];
		sb_puts(b, y->kind == WR_SYM_WELLKNOWN ? "[Symbol." : "[Symbol(");
		if (y->has_desc)
			sb_put(b, y->desc.ptr, y->desc.len > 40 ? 40 : y->desc.len);
		sb_puts(b, y->kind == WR_SYM_WELLKNOWN ? "]" : ")]");
	} else if (is_index(&k->u.str)) {
		sb_puts(b, "[");
		sb_put(b, k->u.str.ptr, k->u.str.len);
		sb_puts(b, "]");
	} else if (is_ident(&k->u.str)) {
		sb_puts(b, ".");
		sb_put(b, k->u.str.ptr, k->u.str.len);
	} else {
		sb_puts(b, "[");
		sb_quoted(b, &k->u.str, 40);
		sb_puts(b, "]");
	}
	sb_puts(b, suffix);
}

static void path_of(const walk *w, uint32_t id, sbuf *b)
{
	const wr_snapshot *s = w->s;
	/* collect the chain root-first (iteratively: chains can be long) */
	uint32_t n = 0, cur = id;
	while (cur && w->links[cur - 1].etype >= E_PROP) {
		n++;
		cur = w->links[cur - 1].parent;
	}
	uint32_t *chain = malloc(((size_t)n + 1) * sizeof *chain);
	if (!chain)
		return;
	cur = id;
	for (uint32_t i = n + 1; i-- > 0;) {
		chain[i] = cur;
		if (i)
			cur = w->links[cur - 1].parent;
	}
	char tmp[64];
	const link *r = &w->links[chain[0] - 1];
	switch (r->etype) {
	case E_GLOBAL:
		sb_puts(b, "global");
		sb_key(b, s, &s->globals[r->parent].key, "");
		break;
	case E_TCB:
		snprintf(tmp, sizeof tmp, "timer[%u].callback", (unsigned)r->parent);
		sb_puts(b, tmp);
		break;
	case E_TARG:
		snprintf(tmp, sizeof tmp, "timer[%u].args[%u]", (unsigned)r->parent, (unsigned)r->edge);
		sb_puts(b, tmp);
		break;
	case E_PATCH:
		sb_put(b, s->patches[r->parent].holder.ptr, s->patches[r->parent].holder.len);
		sb_key(b, s, &s->patches[r->parent].prop.key, "");
		break;
	default:
		sb_puts(b, "?");
	}
	for (uint32_t i = 1; i <= n; i++) {
		const link *l = &w->links[chain[i] - 1];
		const wr_object *p = &s->objects[l->parent - 1];
		switch (l->etype) {
		case E_PROP: sb_key(b, s, &p->props[l->edge].key, ""); break;
		case E_GET: sb_key(b, s, &p->props[l->edge].key, "<get>"); break;
		case E_SET: sb_key(b, s, &p->props[l->edge].key, "<set>"); break;
		case E_PROTO: sb_puts(b, ".<proto>"); break;
		case E_SCOPE: sb_puts(b, ".<scope>"); break;
		case E_TARGET: sb_puts(b, ".<target>"); break;
		case E_THIS: sb_puts(b, ".<this>"); break;
		case E_BARG:
			snprintf(tmp, sizeof tmp, ".<args>[%u]", (unsigned)l->edge);
			sb_puts(b, tmp);
			break;
		case E_PRIM: sb_puts(b, ".<value>"); break;
		case E_BUFFER: sb_puts(b, ".<buffer>"); break;
		}
	}
	free(chain);
}

static double array_length(const wr_object *o)
{
	for (uint32_t i = o->nprops; i-- > 0;) {
		const wr_prop *p = &o->props[i];
		if (p->key.type == WR_STRING && p->key.u.str.len == 6 &&
		    !memcmp(p->key.u.str.ptr, "length", 6) && p->value.type == WR_NUMBER)
			return p->value.u.num;
	}
	return 0;
}

static const char *fmt_name(wr_format f)
{
	return f == WR_FMT_JSON ? "json" : f == WR_FMT_MSGPACK ? "msgpack" : "unknown";
}

typedef struct ranked { size_t tot; uint32_t id; } ranked;

static int cmp_desc(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->tot != y->tot)
		return x->tot < y->tot ? 1 : -1;
	return (x->id > y->id) - (x->id < y->id);
}

int ft_inspect_summary(const ft_snap *fs, FILE *out, unsigned top)
{
	const wr_snapshot *s = fs->s;
	char hex[65];
	size_t count[WR_OBJ_KIND_COUNT] = { 0 }, bytes[WR_OBJ_KIND_COUNT] = { 0 };
	size_t envs = 0, env_bytes = 0, nprops = 0, unreached = 0, fixed = 0, sealed = 0, frozen = 0;
	unsigned tk[3] = { 0 };
	walk w = { s, NULL, NULL, 0 };
	size_t *own = NULL, *tot = NULL;
	ranked *byid = NULL;
	int rc = -1;

	ft_hex(s->hash, hex);
	fprintf(out, "snapshot:      %s (%s, %zu bytes)\n", fs->path, fmt_name(fs->fmt), fs->size);
	fprintf(out, "version:       %u\n", (unsigned)s->version);
	fprintf(out, "program hash:  %s\n", hex);
	if (s->created >= 0 && s->created < 253402300800000.0) {
		time_t t = (time_t)(s->created / 1000);
		struct tm tm;
		char when[64];
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
		fprintf(out, "created:       %s.%03d UTC\n", when, (int)fmod(s->created, 1000.0));
	} else {
		fprintf(out, "created:       (%g)\n", s->created);
	}
	fprintf(out, "counters:      next timer id %.17g, next seq %" PRIu64 ", loop phase %u/%" PRIu64 "\n",
	        s->next_timer_id, s->next_seq, (unsigned)s->loop_phase, s->phase_seq);

	w.links = calloc((size_t)s->nobjects + 1, sizeof *w.links);
	w.order = calloc((size_t)s->nobjects + 1, sizeof *w.order);
	own = calloc((size_t)s->nobjects + 1, sizeof *own);
	tot = calloc((size_t)s->nobjects + 1, sizeof *tot);
	byid = calloc((size_t)s->nobjects + 1, sizeof *byid);
	if (!w.links || !w.order || !own || !tot || !byid) {
		fprintf(stderr, "ferry: inspect: out of memory\n");
		goto done;
	}
	for (uint32_t i = 0; i < s->nobjects; i++) {
		const wr_object *o = &s->objects[i];
		own[i] = tot[i] = own_bytes(o);
		nprops += o->nprops;
		if (!(o->flags & WR_OF_EXTENSIBLE) && o->kind != WR_OBJ_PLAINBUFFER) {
			/* what Object.isExtensible/isSealed/isFrozen say after a resume */
			fixed++;
			sealed += (o->flags & (WR_OF_SEALED | WR_OF_FROZEN)) != 0;
			frozen += (o->flags & WR_OF_FROZEN) != 0;
		}
		if (o->flags & WR_OF_ENV) {
			/* environments (arrays, or objects in hand-written code) get their own row */
			envs++;
			env_bytes += own[i];
		} else {
			count[o->kind]++;
			bytes[o->kind] += own[i];
		}
	}
	for (uint32_t i = 0; i < s->ntimers; i++)
		if (s->timers[i].kind < 3)
			tk[s->timers[i].kind]++;

	fprintf(out, "roots:         %u globals, %u timers (%u timeout, %u interval, %u immediate), %u patches\n",
	        (unsigned)s->nglobals, (unsigned)s->ntimers, tk[0], tk[1], tk[2], (unsigned)s->npatches);
	fprintf(out, "objects:       %u (%zu properties), %u symbols\n", (unsigned)s->nobjects, nprops,
	        (unsigned)s->nsymbols);
	fprintf(out, "functions:     %zu closures, %zu bound; %zu environments\n",
	        count[WR_OBJ_FUNCTION], count[WR_OBJ_BOUND], envs);
	fprintf(out, "integrity:     %zu not extensible, %zu of them sealed, %zu frozen (plain buffers aside)\n",
	        fixed, sealed, frozen);
	fprintf(out, "\n%-14s %10s %14s\n", "kind", "count", "~data bytes");
	for (uint32_t k = 0; k < WR_OBJ_KIND_COUNT; k++) {
		if (count[k])
			fprintf(out, "%-14s %10zu %14zu\n", wr_kind_name(k), count[k], bytes[k]);
		if (k == WR_OBJ_OBJECT && envs)
			fprintf(out, "%-14s %10zu %14zu\n", "environment", envs, env_bytes);
	}

	bfs(&w);
	for (uint32_t q = w.n; q-- > 0;) {
		uint32_t id = w.order[q];
		const link *l = &w.links[id - 1];
		if (l->etype >= E_PROP)
			tot[l->parent - 1] += tot[id - 1];
	}
	if (s->ntimers) {
		fprintf(out, "\npending timers:\n");
		fprintf(out, "%-10s %8s %12s %10s %8s  %s\n", "kind", "id", "remaining ms", "period", "seq", "callback");
		for (uint32_t i = 0; i < s->ntimers && i < (top > 10 ? top : 10); i++) {
			const wr_timer *t = &s->timers[i];
			sbuf b = { 0 };
			if (t->callback.type == WR_REF) {
				uint32_t id = t->callback.u.ref;
				const wr_object *o = &s->objects[id - 1];
				const link *l = &w.links[id - 1];
				char what[48];
				if (o->kind == WR_OBJ_FUNCTION)
					snprintf(what, sizeof what, "function#%u", (unsigned)o->u.fn.site);
				else
					snprintf(what, sizeof what, "%s", wr_kind_name(o->kind));
				sb_puts(&b, what);
				if (!(l->etype == E_TCB && l->parent == i)) {
					sb_puts(&b, " = ");
					path_of(&w, id, &b);
				}
			} else if (t->callback.type == WR_BUILTIN) {
				sb_put(&b, t->callback.u.str.ptr, t->callback.u.str.len);
			}
			fprintf(out, "%-10s %8.0f %12.3f %10.0f %8" PRIu64 "  %s", wr_tkind_name(t->kind), t->id,
			        t->remaining, t->period, t->seq, b.p ? b.p : "?");
			if (t->nargs)
				fprintf(out, " (+%u args)", (unsigned)t->nargs);
			fputc('\n', out);
			free(b.p);
		}
		if (s->ntimers > (top > 10 ? top : 10))
			fprintf(out, "... %u more\n", (unsigned)(s->ntimers - (top > 10 ? top : 10)));
	}
	unreached = s->nobjects - w.n;
	if (unreached)
		fprintf(out, "\nunreachable:   %zu objects (not reachable from any root)\n", unreached);
	if (top && w.n) {
		for (uint32_t i = 0; i < w.n; i++) {
			byid[i].id = w.order[i];
			byid[i].tot = tot[w.order[i] - 1];
		}
		qsort(byid, w.n, sizeof *byid, cmp_desc);
		fprintf(out, "\nlargest values (~bytes incl. what is reached through them):\n");
		fprintf(out, "%10s %10s  %-12s %s\n", "total", "own", "kind", "path");
		for (uint32_t i = 0; i < w.n && i < top; i++) {
			uint32_t id = byid[i].id;
			const wr_object *o = &s->objects[id - 1];
			sbuf b = { 0 };
			path_of(&w, id, &b);
			char kind[48];
			if (o->kind == WR_OBJ_FUNCTION)
				snprintf(kind, sizeof kind, "function#%u", (unsigned)o->u.fn.site);
			else if (o->kind == WR_OBJ_ARRAY)
				snprintf(kind, sizeof kind, "array[%.0f]", array_length(o));
			else
				snprintf(kind, sizeof kind, "%s", o->flags & WR_OF_ENV ? "environment" : wr_kind_name(o->kind));
			fprintf(out, "%10zu %10zu  %-12s %s\n", tot[id - 1], own[id - 1], kind, b.p ? b.p : "?");
			free(b.p);
		}
	}
	rc = 0;
done:
	free(w.links);
	free(w.order);
	free(own);
	free(tot);
	free(byid);
	return rc;
}
