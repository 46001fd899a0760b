/*
 * wire/validate.c -- structural validation of a snapshot model, shared by
 * the decoders (every decoded snapshot passes through it) and the tools.
 * It checks what restore relies on without knowing the program: ids in
 * range, kinds and flags known, value types allowed where they appear
 * (keys, prototypes, callables), view ranges inside their buffers, timer
 * delays sane. It does not check program-specific facts (site ids, builtin
 * paths existing): restore does, against the executable.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wire/wr_impl.h"

typedef struct vctx {
	const wr_snapshot *s;
	wr_error *err;
	int section;        /* 0 globals, 1 symbols, 2 timers, 3 patches, 4 objects, -1 header */
	uint32_t index;
	char where[64];
	uint32_t *seen;     /* unique()'s table, kept for the next list */
	size_t seen_cap;
} vctx;

static int bad(vctx *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(vctx *v, const char *fmt, ...)
{
	char tail[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tail, sizeof tail, fmt, ap);
	va_end(ap);
	wr_err_set(v->err, "invalid snapshot: %s: %s", v->where, tail);
	return -1;
}

static const char *vt(uint32_t type)
{
	static const char *const names[] = { "undefined", "null", "false", "true", "a number",
		"a string", "an object reference", "a built-in", "a symbol" };
	return type < sizeof names / sizeof names[0] ? names[type] : "an unknown value type";
}

static int str_ok(const wr_str *s)
{
	return s->len == 0 || s->ptr != NULL;
}

static int path_ok(const wr_str *s)
{
	if (!str_ok(s) || s->len == 0 || s->len > 1024)
		return 0;
	for (uint32_t i = 0; i < s->len; i++)
		if ((unsigned char)s->ptr[i] < 0x20 || s->ptr[i] == 0x7f)
			return 0;
	return 1;
}

static int value(vctx *v, const wr_value *x, const char *what)
{
	switch (x->type) {
	case WR_UNDEFINED: case WR_NULL: case WR_FALSE: case WR_TRUE: case WR_NUMBER:
		return 0;
	case WR_STRING:
		return str_ok(&x->u.str) ? 0 : bad(v, "%s: string without bytes", what);
	case WR_REF:
		if (x->u.ref == 0 || x->u.ref > v->s->nobjects)
			return bad(v, "%s: reference to object %u, which does not exist", what, x->u.ref);
		return 0;
	case WR_SYMBOL:
		if (x->u.ref == 0 || x->u.ref > v->s->nsymbols)
			return bad(v, "%s: reference to symbol %u, which does not exist", what, x->u.ref);
		return 0;
	case WR_BUILTIN:
		return path_ok(&x->u.str) ? 0 : bad(v, "%s: bad built-in path", what);
	default:
		return bad(v, "%s: unknown value type %u", what, x->type);
	}
}

static const wr_object *obj(vctx *v, const wr_value *x)
{
	return x->type == WR_REF ? &v->s->objects[x->u.ref - 1] : NULL;
}

/* undefined (no function), a function or bound function object, or a built-in */
static int callable(vctx *v, const wr_value *x, const char *what, int allow_undef)
{
	if (value(v, x, what))
		return -1;
	if (x->type == WR_BUILTIN || (allow_undef && x->type == WR_UNDEFINED))
		return 0;
	const wr_object *o = obj(v, x);
	if (o && (o->kind == WR_OBJ_FUNCTION || o->kind == WR_OBJ_BOUND))
		return 0;
	return bad(v, "%s: not a function (%s)", what, vt(x->type));
}

static int prop(vctx *v, const wr_prop *p)
{
	if (p->key.type != WR_STRING && p->key.type != WR_SYMBOL)
		return bad(v, "key: must be a string or a symbol, not %s", vt(p->key.type));
	if (value(v, &p->key, "key"))
		return -1;
	if (p->flags & ~(uint32_t)(WR_PF_WRITABLE | WR_PF_ENUMERABLE | WR_PF_CONFIGURABLE | WR_PF_ACCESSOR))
		return bad(v, "%s: unknown property flags 0x%x", "flags", p->flags);
	if (p->flags & WR_PF_ACCESSOR) {
		if (p->flags & WR_PF_WRITABLE)
			return bad(v, "%s: an accessor property cannot be writable", "flags");
		if (callable(v, &p->value, "getter", 1) || callable(v, &p->setter, "setter", 1))
			return -1;
		return 0;
	}
	if (p->setter.type != WR_UNDEFINED)
		return bad(v, "%s: a data property has a setter", "setter");
	return value(v, &p->value, "value");
}

static uint32_t bytes_hash(uint32_t h, const char *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)   /* FNV-1a */
		h = (h ^ (uint8_t)p[i]) * 16777619u;
	return h;
}

static uint32_t key_hash(const wr_value *k)
{
	if (k->type == WR_SYMBOL)
		return (k->u.ref + 1) * 2654435761u;
	return bytes_hash(2166136261u, k->u.str.ptr, k->u.str.len);
}

static int key_same(const wr_value *a, const wr_value *b)
{
	if (a->type != b->type)
		return 0;
	if (a->type == WR_SYMBOL)
		return a->u.ref == b->u.ref;
	return a->u.str.len == b->u.str.len &&
	       (a->u.str.len == 0 || memcmp(a->u.str.ptr, b->u.str.ptr, a->u.str.len) == 0);
}

/* A list whose entries name distinct properties: an object's own
 * properties (or the globals), or the patches, by holder and key. */
typedef struct vlist {
	const wr_prop  *props;     /* or NULL: */
	const wr_patch *patches;
	uint32_t        n;
} vlist;

static const wr_value *vl_key(const vlist *l, uint32_t i)
{
	return l->props ? &l->props[i].key : &l->patches[i].prop.key;
}

static uint32_t vl_hash(const vlist *l, uint32_t i)
{
	uint32_t h = key_hash(vl_key(l, i));
	if (!l->props)
		h = bytes_hash(h, l->patches[i].holder.ptr, l->patches[i].holder.len);
	return h;
}

static int vl_same(const vlist *l, uint32_t a, uint32_t b)
{
	const wr_str *x, *y;
	if (!key_same(vl_key(l, a), vl_key(l, b)))
		return 0;
	if (l->props)
		return 1;
	x = &l->patches[a].holder;
	y = &l->patches[b].holder;
	return x->len == y->len && memcmp(x->ptr, y->ptr, x->len) == 0;
}

static int vl_twice(vctx *v, const vlist *l, uint32_t a, uint32_t b)
{
	if (l->props)
		return bad(v, "property %u: the same key as property %u", (unsigned)a, (unsigned)b);
	return bad(v, "patch %u: the same holder and key as patch %u", (unsigned)a, (unsigned)b);
}

/* Each property named once: restore would define a repeated one twice,
 * failing on a non-configurable first one or keeping the last at the first
 * one's place (no program's object has that), and an array's repeated
 * `length` costs hours (Duktape's write of a smaller length scans the whole
 * entry part of a sparse array: 2 Mi entries and lengths in 40 MB of
 * msgpack); a repeated patch likewise.
 * The keys are valid strings or symbols here. A few entries are compared
 * pairwise, more through an open-addressing table of their indices. */
static int unique(vctx *v, const vlist *l)
{
	size_t cap, mask, i;

	if (l->n <= 8) {
		for (uint32_t a = 1; a < l->n; a++)
			for (uint32_t b = 0; b < a; b++)
				if (vl_same(l, a, b))
					return vl_twice(v, l, a, b);
		return 0;
	}
	for (cap = 16; cap < (size_t)l->n * 2; cap *= 2)
		;
	if (cap > v->seen_cap) {
		uint32_t *t = realloc(v->seen, cap * sizeof *t);
		if (!t)
			return bad(v, "%s: out of memory", "props");
		v->seen = t;
		v->seen_cap = cap;
	}
	mask = cap - 1;
	memset(v->seen, 0xff, cap * sizeof *v->seen);
	for (uint32_t a = 0; a < l->n; a++) {
		for (i = vl_hash(l, a) & mask; v->seen[i] != UINT32_MAX; i = (i + 1) & mask)
			if (vl_same(l, a, v->seen[i]))
				return vl_twice(v, l, a, v->seen[i]);
		v->seen[i] = a;
	}
	return 0;
}

static int props(vctx *v, const wr_prop *p, uint32_t n)
{
	if (n && !p)
		return bad(v, "%s: %u properties without storage", "props", n);
	for (uint32_t i = 0; i < n; i++) {
		size_t len = strlen(v->where);
		snprintf(v->where + len, sizeof v->where - len, " property %u", (unsigned)i);
		if (prop(v, &p[i]))
			return -1;
		v->where[len] = 0;
	}
	vlist l = { p, NULL, n };
	return unique(v, &l);
}

static int values(vctx *v, const wr_value *x, uint32_t n, const char *what)
{
	if (n && !x)
		return bad(v, "%s: %u values without storage", what, n);
	for (uint32_t i = 0; i < n; i++)
		if (value(v, &x[i], what))
			return -1;
	return 0;
}

static const uint8_t elem_size[WR_ELEM_COUNT] = { 1, 1, 1, 2, 2, 4, 4, 4, 8 };

static int str_is(const wr_value *k, const char *t, size_t n)
{
	return k->type == WR_STRING && k->u.str.len == n && memcmp(k->u.str.ptr, t, n) == 0;
}

/* "0".."4294967294" */
static int index_key(const wr_value *k)
{
	uint64_t x = 0;
	if (k->type != WR_STRING || k->u.str.len == 0 || k->u.str.len > 10 ||
	    (k->u.str.len > 1 && k->u.str.ptr[0] == '0'))
		return 0;
	for (uint32_t i = 0; i < k->u.str.len; i++) {
		if (k->u.str.ptr[i] < '0' || k->u.str.ptr[i] > '9')
			return 0;
		x = x * 10 + (uint64_t)(k->u.str.ptr[i] - '0');
	}
	return x < 0xffffffffull;
}

/* Properties whose definition makes the engine coerce the value to a
 * number (ToPrimitive: it may call valueOf/toString, getters included, so
 * restore would run a function the snapshot chose): an array's `length`
 * (a heap's is always a number), and the indices and `length` of an
 * ArrayBuffer or a view (the bytes are the buffer's, never properties). */
static int coerced_props(vctx *v, const wr_object *o)
{
	int view = o->kind == WR_OBJ_ARRAYBUFFER || o->kind == WR_OBJ_BUFFER ||
	           o->kind == WR_OBJ_TYPEDARRAY || o->kind == WR_OBJ_DATAVIEW;
	for (uint32_t i = 0; i < o->nprops; i++) {
		const wr_prop *p = &o->props[i];
		if (o->kind == WR_OBJ_ARRAY && str_is(&p->key, "length", 6) &&
		    ((p->flags & WR_PF_ACCESSOR) || p->value.type != WR_NUMBER))
			return bad(v, "property %u: an array's length that is not a number", (unsigned)i);
		if (view && (index_key(&p->key) || str_is(&p->key, "length", 6)))
			return bad(v, "property %u: an index or length property on %s", (unsigned)i,
			           o->kind == WR_OBJ_ARRAYBUFFER ? "an ArrayBuffer" : "a view");
	}
	return 0;
}

/* sealed and frozen say what Object.isSealed and Object.isFrozen said:
 * of a non-extensible object, with no configurable property (sealed) and
 * no writable data property either (frozen); restore seals or freezes it */
static int integrity(vctx *v, const wr_object *o)
{
	if (!(o->flags & (WR_OF_SEALED | WR_OF_FROZEN)))
		return 0;
	if (o->flags & WR_OF_EXTENSIBLE)
		return bad(v, "%s: an extensible object cannot be sealed or frozen", "flags");
	if (!(o->flags & WR_OF_SEALED))
		return bad(v, "%s: a frozen object is sealed too", "flags");
	for (uint32_t i = 0; i < o->nprops; i++) {
		uint32_t f = o->props[i].flags;
		if (f & WR_PF_CONFIGURABLE)
			return bad(v, "property %u: configurable in a sealed object", (unsigned)i);
		/* Duktape keeps an array's length apart from its properties:
		 * freeze leaves it writable, and isFrozen does not look at it */
		if ((o->flags & WR_OF_FROZEN) && !(f & WR_PF_ACCESSOR) && (f & WR_PF_WRITABLE) &&
		    !(o->kind == WR_OBJ_ARRAY && str_is(&o->props[i].key, "length", 6)))
			return bad(v, "property %u: writable in a frozen object", (unsigned)i);
	}
	return 0;
}

/* an error's traceback, or one an object carries: the frames (and the
 * fileName and lineNumber with them), or an error's whole stack text;
 * only an object flagged traceback carries frames */
static int trace(vctx *v, const wr_object *o)
{
	uint32_t has = o->u.trace.has;

	if (has & ~(uint32_t)(WR_TR_FRAMES | WR_TR_FILE | WR_TR_LINE))
		return bad(v, "%s: unknown traceback fields 0x%x", "traceback", (unsigned)has);
	if (o->kind == WR_OBJ_OBJECT && has && !(o->flags & WR_OF_TRACEBACK))
		return bad(v, "%s: frames on an object without the traceback flag", "traceback");
	if ((has & (WR_TR_FILE | WR_TR_LINE)) && !(has & WR_TR_FRAMES))
		return bad(v, "%s: fileName or lineNumber without the frames", "traceback");
	if (!str_ok(&o->u.trace.stack) || ((has & WR_TR_FILE) && !str_ok(&o->u.trace.file)))
		return bad(v, "%s: string without bytes", "traceback");
	return 0;
}

static int object(vctx *v, const wr_object *o)
{
	if (o->kind >= WR_OBJ_KIND_COUNT)
		return bad(v, "%s: unknown kind %u", "kind", o->kind);
	if (o->flags & ~(uint32_t)WR_OF_ALL)
		return bad(v, "%s: unknown flags 0x%x", "flags", o->flags);
	if (integrity(v, o))
		return -1;
	if ((o->flags & WR_OF_TRACEBACK) && o->kind != WR_OBJ_OBJECT)
		return bad(v, "%s: a traceback flag on a %s object (an error has one anyway)", "flags",
		           wr_kind_name(o->kind));
	if (o->proto.type != WR_NULL && o->proto.type != WR_REF && o->proto.type != WR_BUILTIN)
		return bad(v, "proto: must be null, an object or a built-in, not %s", vt(o->proto.type));
	if (value(v, &o->proto, "proto"))
		return -1;
	if (o->proto.type == WR_REF && obj(v, &o->proto)->kind == WR_OBJ_PLAINBUFFER)
		return bad(v, "proto: a plain buffer is not an object and cannot be a prototype");
	switch (o->kind) {
	case WR_OBJ_FUNCTION:
		if (value(v, &o->u.fn.env, "scope"))
			return -1;
		/* an environment is flagged as one by the next snapshot, which a
		 * plain buffer cannot carry (found by fuzz_restore) */
		if (o->u.fn.env.type == WR_REF && obj(v, &o->u.fn.env)->kind == WR_OBJ_PLAINBUFFER)
			return bad(v, "scope: a plain buffer cannot be a closure's environment");
		break;
	case WR_OBJ_BOUND:
		if (callable(v, &o->u.bound.target, "bound target", 0) ||
		    value(v, &o->u.bound.self, "bound this") ||
		    values(v, o->u.bound.args, o->u.bound.nargs, "bound args"))
			return -1;
		break;
	case WR_OBJ_REGEXP: {
		const wr_str *f = &o->u.regexp.flags;
		if (!str_ok(&o->u.regexp.source) || !str_ok(f) || f->len > 6)
			return bad(v, "%s: bad regexp", "regexp");
		for (uint32_t i = 0; i < f->len; i++)
			if (!strchr("gimsuy", f->ptr[i]) || f->ptr[i] == 0 ||
			    memchr(f->ptr + i + 1, f->ptr[i], f->len - i - 1))
				return bad(v, "%s: bad regexp flags", "regexp");
		break;
	}
	case WR_OBJ_OBJECT:
	case WR_OBJ_ERROR:
		if (trace(v, o))
			return -1;
		break;
	case WR_OBJ_BOOLEAN:
		if (o->u.prim.type != WR_TRUE && o->u.prim.type != WR_FALSE)
			return bad(v, "value: a boxed boolean holds %s", vt(o->u.prim.type));
		break;
	case WR_OBJ_NUMBER:
		if (o->u.prim.type != WR_NUMBER)
			return bad(v, "value: a boxed number holds %s", vt(o->u.prim.type));
		break;
	case WR_OBJ_STRING:
		if (o->u.prim.type != WR_STRING || value(v, &o->u.prim, "value"))
			return bad(v, "value: a boxed string holds %s", vt(o->u.prim.type));
		break;
	case WR_OBJ_SYMBOL:
		if (o->u.prim.type != WR_SYMBOL)
			return bad(v, "value: a boxed symbol holds %s", vt(o->u.prim.type));
		if (value(v, &o->u.prim, "value"))
			return -1;
		break;
	case WR_OBJ_ARRAYBUFFER:
		if (o->u.bytes.memory) {
			/* another ArrayBuffer object over the start of the memory of
			 * a plain buffer or an ArrayBuffer that holds the bytes
			 * (restore makes it over that memory again) */
			uint32_t mid = o->u.bytes.memory;
			const wr_object *m;
			if (mid > v->s->nobjects)
				return bad(v, "%s: object %u, which does not exist", "memory", (unsigned)mid);
			m = &v->s->objects[mid - 1];
			if ((m->kind != WR_OBJ_ARRAYBUFFER && m->kind != WR_OBJ_PLAINBUFFER) || m->u.bytes.memory)
				return bad(v, "%s: object %u is not a buffer with bytes of its own",
				           "memory", (unsigned)mid);
			if (o->u.bytes.ptr)
				return bad(v, "%s: an ArrayBuffer with both bytes and memory", "memory");
			if (o->u.bytes.len > m->u.bytes.len)
				return bad(v, "%s: %u bytes over the %u of object %u", "memory",
				           (unsigned)o->u.bytes.len, (unsigned)m->u.bytes.len, (unsigned)mid);
		} else if (o->u.bytes.len && !o->u.bytes.ptr) {
			return bad(v, "%s: %u bytes without storage", "bytes", o->u.bytes.len);
		}
		break;
	case WR_OBJ_PLAINBUFFER:
		/* what Duktape fixes for every plain buffer: its prototype, no
		 * own properties (index and length ones are virtual; writes of
		 * others are ignored or throw), not extensible */
		if (o->u.bytes.len && !o->u.bytes.ptr)
			return bad(v, "%s: %u bytes without storage", "bytes", o->u.bytes.len);
		if (o->u.bytes.dynamic > 1)
			return bad(v, "%s: bad variant %u", "dynamic", o->u.bytes.dynamic);
		if (o->u.bytes.memory)
			return bad(v, "%s: a plain buffer has bytes of its own", "memory");
		if (o->nprops)
			return bad(v, "%s: a plain buffer has no own properties (%u given)", "props",
			           o->nprops);
		if (o->flags)
			return bad(v, "%s: a plain buffer is not extensible and not an environment",
			           "flags");
		if (o->proto.type != WR_BUILTIN || o->proto.u.str.len != 20 ||
		    memcmp(o->proto.u.str.ptr, "Uint8Array.prototype", 20) != 0)
			return bad(v, "%s: a plain buffer's prototype is Uint8Array.prototype", "proto");
		break;
	case WR_OBJ_TEXTDECODER:
		if (o->u.textdec.flags & ~(uint32_t)(WR_TD_FATAL | WR_TD_IGNORE_BOM))
			return bad(v, "%s: unknown textdecoder flags 0x%x", "flags", o->u.textdec.flags);
		break;
	case WR_OBJ_BUFFER:
	case WR_OBJ_TYPEDARRAY:
	case WR_OBJ_DATAVIEW: {
		const wr_object *b;
		if (value(v, &o->u.view.buffer, "buffer"))
			return -1;
		b = obj(v, &o->u.view.buffer);
		if (!b || b->kind != WR_OBJ_ARRAYBUFFER)
			return bad(v, "%s: view's buffer is not an ArrayBuffer", "buffer");
		uint64_t es = 1;
		if (o->kind != WR_OBJ_DATAVIEW) {
			if (o->u.view.elem >= WR_ELEM_COUNT)
				return bad(v, "%s: unknown element type %u", "elem", o->u.view.elem);
			es = elem_size[o->u.view.elem];
			if (o->u.view.offset % es)
				return bad(v, "%s: offset %u not aligned to the element size", "offset", o->u.view.offset);
		}
		if ((uint64_t)o->u.view.offset + (uint64_t)o->u.view.length * es > b->u.bytes.len)
			return bad(v, "%s: view extends past the end of its buffer (%u bytes)", "length", b->u.bytes.len);
		break;
	}
	default:
		break;
	}
	if (coerced_props(v, o))
		return -1;
	return props(v, o->props, o->nprops);
}

/* A prototype chain through the objects table must end (at null or a
 * built-in): no heap has a cycle, and Duktape, whose lookups stop on one
 * with a RangeError, would turn every missing property into an error.
 * Each object is walked once: 1 marks the chain being walked, 2 objects
 * whose chain is known to end. */
static int proto_cycles(vctx *v)
{
	const wr_snapshot *s = v->s;
	uint8_t *mark;
	int rc = 0;

	if (!s->nobjects)
		return 0;
	mark = calloc(s->nobjects, 1);
	if (!mark)
		return bad(v, "%s: out of memory", "proto");
	for (v->index = 0; v->index < s->nobjects && !rc; v->index++) {
		uint32_t id = v->index + 1, j;
		while (id && !mark[id - 1]) {
			const wr_value *p = &s->objects[id - 1].proto;
			mark[id - 1] = 1;
			id = p->type == WR_REF ? p->u.ref : 0;   /* in range: checked before */
		}
		if (id && mark[id - 1] == 1) {
			snprintf(v->where, sizeof v->where, "object %u", (unsigned)v->index + 1);
			rc = bad(v, "proto: a prototype chain that loops (through object %u)", (unsigned)id);
		}
		for (id = v->index + 1; id && mark[id - 1] == 1; id = j) {
			const wr_value *p = &s->objects[id - 1].proto;
			mark[id - 1] = 2;
			j = p->type == WR_REF ? p->u.ref : 0;
		}
	}
	free(mark);
	if (rc)
		v->index--;
	return rc;
}

static int validate_where(const wr_snapshot *s, wr_error *err, int *section, uint32_t *index)
{
	vctx v = { s, err, -1, 0, "header", NULL, 0 };
	int rc = -1;

	if (s->version != WR_FORMAT_VERSION) {
		bad(&v, "%s: unsupported version %u", "version", s->version);
		goto out;
	}
	if ((s->nobjects && !s->objects) || (s->nglobals && !s->globals) ||
	    (s->nsymbols && !s->symbols) || (s->ntimers && !s->timers) ||
	    (s->npatches && !s->patches)) {
		bad(&v, "%s: table without storage", "tables");
		goto out;
	}
	if (!isfinite(s->next_timer_id)) {
		bad(&v, "%s: next timer id is not finite", "counters");
		goto out;
	}
	if (s->loop_phase >= 16) {
		bad(&v, "%s: unknown event-loop phase %u", "counters", s->loop_phase);
		goto out;
	}
	v.section = 0;
	strcpy(v.where, "globals");
	if (props(&v, s->globals, s->nglobals))
		goto out;
	v.section = 1;
	for (v.index = 0; v.index < s->nsymbols; v.index++) {
		const wr_symbol *y = &s->symbols[v.index];
		snprintf(v.where, sizeof v.where, "symbol %u", (unsigned)v.index + 1);
		if (y->kind > WR_SYM_WELLKNOWN) {
			bad(&v, "%s: unknown kind %u", "kind", y->kind);
			goto out;
		}
		if ((y->has_desc && !str_ok(&y->desc)) || (y->kind != WR_SYM_LOCAL && !y->has_desc)) {
			bad(&v, "%s: a global or well-known symbol needs a description", "desc");
			goto out;
		}
	}
	v.section = 4;
	for (v.index = 0; v.index < s->nobjects; v.index++) {
		snprintf(v.where, sizeof v.where, "object %u", (unsigned)v.index + 1);
		if (object(&v, &s->objects[v.index]))
			goto out;
	}
	v.index = 0;
	if (proto_cycles(&v))
		goto out;
	v.section = 2;
	for (v.index = 0; v.index < s->ntimers; v.index++) {
		const wr_timer *t = &s->timers[v.index];
		snprintf(v.where, sizeof v.where, "timer %u", (unsigned)v.index);
		if (t->kind > WR_TIMER_IMMEDIATE) {
			bad(&v, "%s: unknown kind %u", "kind", t->kind);
			goto out;
		}
		if (!isfinite(t->id) || !(t->remaining >= 0) || !isfinite(t->remaining) ||
		    !(t->period >= 0) || !isfinite(t->period)) {
			bad(&v, "%s: id, delay and period must be finite and >= 0", "timing");
			goto out;
		}
		if (callable(&v, &t->callback, "callback", 0) ||
		    values(&v, t->args, t->nargs, "args"))
			goto out;
	}
	v.section = 3;
	for (v.index = 0; v.index < s->npatches; v.index++) {
		const wr_patch *p = &s->patches[v.index];
		snprintf(v.where, sizeof v.where, "patch %u", (unsigned)v.index);
		if (!path_ok(&p->holder)) {
			bad(&v, "%s: bad holder path", "holder");
			goto out;
		}
		/* an integrity patch has no property: its key stays undefined,
		 * so a holder's second one reads as the same holder and key */
		if (p->integrity) {
			if (p->integrity < WR_INTEGRITY_NONEXT || p->integrity > WR_INTEGRITY_FROZEN ||
			    p->deleted || p->prop.key.type != WR_UNDEFINED) {
				bad(&v, "%s: bad integrity patch", "integrity");
				goto out;
			}
			continue;
		}
		if (prop(&v, &p->prop))
			goto out;
	}
	strcpy(v.where, "patches");
	vlist pl = { NULL, s->patches, s->npatches };
	if (unique(&v, &pl))
		goto out;
	rc = 0;
out:
	free(v.seen);
	if (section)
		*section = v.section;
	if (index)
		*index = v.index;
	return rc;
}

int wr_validate(const wr_snapshot *s, wr_error *err)
{
	return validate_where(s, err, NULL, NULL);
}

int wr_validate_located(const wr_snapshot *s, const size_t sec_off[5],
                        const size_t *obj_off, uint32_t nobj_off, wr_error *err)
{
	int section;
	uint32_t index;
	if (validate_where(s, err, &section, &index) == 0)
		return 0;
	size_t off = section == 4 && index < nobj_off ? obj_off[index] :
	             section >= 0 && section < 5 ? sec_off[section] : 0;
	char msg[sizeof err->msg];
	memcpy(msg, err->msg, sizeof msg);
	wr_err_at(err, off, "%s", msg);
	return -1;
}
