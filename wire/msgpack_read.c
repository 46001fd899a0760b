/*
 * wire/msgpack_read.c -- the msgpack snapshot decoder (wr_msgpack_read).
 *
 * A pull decoder written for hostile input instead of msgpack-c's unpacker:
 * the C unpacker has no limits, allocates count * sizeof(msgpack_object) as
 * soon as it reads a container header (a 5-byte input asks for 512 MiB) and
 * fails past depth 32. Here every read is bounds-checked, each container
 * count is checked against the bytes left (times the smallest encoding of
 * one element) before anything is allocated, nesting is counted against
 * wr_limits.max_depth, and every error names the byte offset where it was
 * found. Strings are copied into the snapshot's arena, so the input buffer
 * may die right after the call. The result is checked with wr_validate; a
 * semantic problem is reported at the byte where its object (or section)
 * starts.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wire/wire.h"
#include "wire/wr_impl.h"
#include "wire/msgpack_ext.h"

/* Property keys repeat (every record has "id", "name"; every array "0",
 * "1", ...): a small direct-mapped cache lets equal keys share one arena
 * copy. Model strings are never written to, so sharing is safe. */
#define KEY_CACHE 512u

typedef struct mr {
	const uint8_t *b;
	size_t len, pos;
	const wr_limits *lim;
	uint32_t depth;
	wr_snapshot *s;
	wr_error *err;
	size_t expanded;        /* zero bytes restored from ZBYTES so far */
	size_t sec_off[5];      /* where each section starts (wr_validate_located's order) */
	size_t *obj_off;        /* where each object record starts */
	uint32_t nobj_off, obj_off_cap;
	wr_str keys[KEY_CACHE];
} mr;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail_at(mr *r, size_t off, const char *fmt, ...)
{
	char m[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof m, fmt, ap);
	va_end(ap);
	r->err->offset = off;
	snprintf(r->err->msg, sizeof r->err->msg, "byte %zu: %s", off, m);
	return -1;
}

static int oom(mr *r)
{
	if (wr_model_over(r->s)) {
		wr_err_model(r->err, r->pos, r->lim);
		return -1;
	}
	return fail_at(r, r->pos, "out of memory");
}

static int need(mr *r, size_t n)
{
	if (r->len - r->pos < n)
		return fail_at(r, r->len, "truncated input (%zu more bytes needed)",
		               n - (r->len - r->pos));
	return 0;
}

static uint64_t be(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < n; i++)
		v = (v << 8) | p[i];
	return v;
}

/* ---- the token layer: one msgpack header at a time ---- */

typedef enum { T_NIL, T_BOOL, T_UINT, T_INT, T_F32, T_F64, T_STR, T_BIN,
               T_ARRAY, T_MAP, T_EXT } ttype;

typedef struct tok {
	ttype t;
	size_t at;          /* offset of the header byte */
	uint64_t u;         /* T_UINT, T_BOOL; count of T_ARRAY/T_MAP */
	int64_t i;          /* T_INT */
	double d;           /* T_F32, T_F64 */
	const uint8_t *p;   /* T_STR, T_BIN, T_EXT body */
	uint32_t n;         /* its length */
	int8_t ext;         /* T_EXT type */
} tok;

static const char *tname(ttype t)
{
	static const char *const n[] = { "nil", "boolean", "integer", "integer",
		"float", "float", "string", "binary", "array", "map", "ext" };
	return n[t];
}

/* body of str/bin/ext: `n` bytes must follow */
static int body(mr *r, tok *k, uint64_t n)
{
	if (need(r, n) < 0)
		return -1;
	k->p = r->b + r->pos;
	k->n = (uint32_t)n;
	r->pos += n;
	return 0;
}

static int next(mr *r, tok *k)
{
	k->at = r->pos;
	if (need(r, 1) < 0)
		return -1;
	uint8_t c = r->b[r->pos++];
	unsigned w;
	if (c <= 0x7f) { k->t = T_UINT; k->u = c; return 0; }
	if (c >= 0xe0) { k->t = T_INT; k->i = (int8_t)c; return 0; }
	if ((c & 0xf0) == 0x80) { k->t = T_MAP; k->u = c & 0x0f; return 0; }
	if ((c & 0xf0) == 0x90) { k->t = T_ARRAY; k->u = c & 0x0f; return 0; }
	if ((c & 0xe0) == 0xa0) { k->t = T_STR; return body(r, k, c & 0x1f); }
	switch (c) {
	case 0xc0: k->t = T_NIL; return 0;
	case 0xc2: case 0xc3: k->t = T_BOOL; k->u = c & 1; return 0;
	case 0xc4: case 0xc5: case 0xc6:
		w = 1u << (c - 0xc4);
		if (need(r, w) < 0) return -1;
		k->t = T_BIN;
		r->pos += w;
		return body(r, k, be(r->b + r->pos - w, w));
	case 0xd9: case 0xda: case 0xdb:
		w = 1u << (c - 0xd9);
		if (need(r, w) < 0) return -1;
		k->t = T_STR;
		r->pos += w;
		return body(r, k, be(r->b + r->pos - w, w));
	case 0xc7: case 0xc8: case 0xc9:
		w = 1u << (c - 0xc7);
		if (need(r, w + 1) < 0) return -1;
		k->t = T_EXT;
		{
			uint64_t n = be(r->b + r->pos, w);
			k->ext = (int8_t)r->b[r->pos + w];
			r->pos += w + 1;
			return body(r, k, n);
		}
	case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8:
		if (need(r, 1) < 0) return -1;
		k->t = T_EXT;
		k->ext = (int8_t)r->b[r->pos++];
		return body(r, k, 1u << (c - 0xd4));
	case 0xca: {
		if (need(r, 4) < 0) return -1;
		uint32_t u = (uint32_t)be(r->b + r->pos, 4);
		float f;
		memcpy(&f, &u, 4);
		r->pos += 4;
		k->t = T_F32; k->d = f;
		return 0;
	}
	case 0xcb: {
		if (need(r, 8) < 0) return -1;
		uint64_t u = be(r->b + r->pos, 8);
		double d;
		memcpy(&d, &u, 8);
		r->pos += 8;
		k->t = T_F64; k->d = d;
		return 0;
	}
	case 0xcc: case 0xcd: case 0xce: case 0xcf:
		w = 1u << (c - 0xcc);
		if (need(r, w) < 0) return -1;
		k->t = T_UINT; k->u = be(r->b + r->pos, w);
		r->pos += w;
		return 0;
	case 0xd0: case 0xd1: case 0xd2: case 0xd3:
		w = 1u << (c - 0xd0);
		if (need(r, w) < 0) return -1;
		{
			uint64_t u = be(r->b + r->pos, w);
			/* sign-extend */
			if (w < 8 && (u >> (8 * w - 1)))
				u |= ~(uint64_t)0 << (8 * w);
			k->t = T_INT; k->i = (int64_t)u;
		}
		r->pos += w;
		return 0;
	case 0xdc: case 0xdd:
		w = (c == 0xdc) ? 2 : 4;
		if (need(r, w) < 0) return -1;
		k->t = T_ARRAY; k->u = be(r->b + r->pos, w);
		r->pos += w;
		return 0;
	case 0xde: case 0xdf:
		w = (c == 0xde) ? 2 : 4;
		if (need(r, w) < 0) return -1;
		k->t = T_MAP; k->u = be(r->b + r->pos, w);
		r->pos += w;
		return 0;
	default: /* 0xc1: never used */
		return fail_at(r, k->at, "invalid msgpack byte 0x%02x", c);
	}
}

/* ---- typed readers ---- */

/* an array header whose count is checked against the bytes left (each
 * element takes at least `min` bytes) and, if `exact`, equal to it */
static int open_array(mr *r, uint64_t *count, unsigned min, uint64_t exact,
                      const char *what)
{
	tok k;
	if (next(r, &k) < 0)
		return -1;
	if (k.t != T_ARRAY)
		return fail_at(r, k.at, "%s: expected an array, found %s", what, tname(k.t));
	if (exact && k.u != exact)
		return fail_at(r, k.at, "%s: expected %llu fields, found %llu", what,
		               (unsigned long long)exact, (unsigned long long)k.u);
	if (k.u > (r->len - r->pos) / min)
		return fail_at(r, k.at, "%s: %llu elements cannot fit in the %zu bytes left",
		               what, (unsigned long long)k.u, r->len - r->pos);
	if (++r->depth > r->lim->max_depth)
		return fail_at(r, k.at, "%s: nesting deeper than %u", what,
		               (unsigned)r->lim->max_depth);
	*count = k.u;
	return 0;
}

static void close_array(mr *r)
{
	r->depth--;
}

static int rd_uint(mr *r, uint64_t max, uint64_t *out, const char *what)
{
	tok k;
	if (next(r, &k) < 0)
		return -1;
	if (k.t != T_UINT)
		return fail_at(r, k.at, "%s: expected an unsigned integer, found %s",
		               what, tname(k.t));
	if (k.u > max)
		return fail_at(r, k.at, "%s: %llu out of range (max %llu)", what,
		               (unsigned long long)k.u, (unsigned long long)max);
	*out = k.u;
	return 0;
}

static int rd_u32(mr *r, uint32_t max, uint32_t *out, const char *what)
{
	uint64_t v = 0;
	if (rd_uint(r, max, &v, what) < 0)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int num_of(mr *r, const tok *k, double *out, const char *what)
{
	switch (k->t) {
	case T_UINT: *out = (double)k->u; return 0;
	case T_INT:  *out = (double)k->i; return 0;
	case T_F32: case T_F64: *out = k->d; return 0;
	default:
		return fail_at(r, k->at, "%s: expected a number, found %s", what, tname(k->t));
	}
}

static int rd_num(mr *r, double *out, const char *what)
{
	tok k;
	if (next(r, &k) < 0)
		return -1;
	return num_of(r, &k, out, what);
}

static int keep_str(mr *r, const tok *k, wr_str *out, const char *what)
{
	if (k->n > r->lim->max_string)
		return fail_at(r, k->at, "%s: string of %u bytes exceeds the limit of %u",
		               what, (unsigned)k->n, (unsigned)r->lim->max_string);
	if (wr_strdup(r->s, (const char *)k->p, k->n, out) < 0)
		return oom(r);
	return 0;
}

/* a string token: str, or ext RAWSTR */
static int is_str(const tok *k)
{
	return k->t == T_STR || (k->t == T_EXT && k->ext == WR_MPX_RAWSTR);
}

static int rd_str(mr *r, wr_str *out, const char *what)
{
	tok k;
	if (next(r, &k) < 0)
		return -1;
	if (!is_str(&k))
		return fail_at(r, k.at, "%s: expected a string, found %s", what, tname(k.t));
	return keep_str(r, &k, out, what);
}

static int ext_id(mr *r, const tok *k, uint32_t *out, const char *what)
{
	if (k->n != 1 && k->n != 2 && k->n != 4)
		return fail_at(r, k->at, "%s: id of %u bytes (1, 2 or 4 expected)",
		               what, (unsigned)k->n);
	*out = (uint32_t)be(k->p, k->n);
	if (*out == 0)
		return fail_at(r, k->at, "%s: id 0 is never valid", what);
	return 0;
}

static int value_of(mr *r, const tok *k, wr_value *v, const char *what)
{
	memset(v, 0, sizeof *v);
	switch (k->t) {
	case T_NIL:  v->type = WR_NULL; return 0;
	case T_BOOL: v->type = k->u ? WR_TRUE : WR_FALSE; return 0;
	case T_UINT: case T_INT: case T_F32: case T_F64:
		v->type = WR_NUMBER;
		return num_of(r, k, &v->u.num, what);
	case T_STR:
		v->type = WR_STRING;
		return keep_str(r, k, &v->u.str, what);
	case T_EXT:
		switch (k->ext) {
		case WR_MPX_UNDEFINED:
			if (k->n != 0)
				return fail_at(r, k->at, "%s: undefined with a %u-byte body",
				               what, (unsigned)k->n);
			v->type = WR_UNDEFINED;
			return 0;
		case WR_MPX_REF:
			v->type = WR_REF;
			return ext_id(r, k, &v->u.ref, what);
		case WR_MPX_SYMBOL:
			v->type = WR_SYMBOL;
			return ext_id(r, k, &v->u.ref, what);
		case WR_MPX_BUILTIN:
			if (k->n == 0)
				return fail_at(r, k->at, "%s: empty built-in path", what);
			v->type = WR_BUILTIN;
			return keep_str(r, k, &v->u.str, what);
		case WR_MPX_RAWSTR:
			v->type = WR_STRING;
			return keep_str(r, k, &v->u.str, what);
		default:
			return fail_at(r, k->at, "%s: unknown ext type %d", what, k->ext);
		}
	default:
		return fail_at(r, k->at, "%s: expected a value, found %s", what, tname(k->t));
	}
}

static int rd_value(mr *r, wr_value *v, const char *what)
{
	tok k;
	if (next(r, &k) < 0)
		return -1;
	return value_of(r, &k, v, what);
}

/* a key's bytes, through the cache (short keys only) */
static int keep_key(mr *r, const uint8_t *p, uint32_t n, size_t at, wr_str *out)
{
	uint32_t h = 2166136261u;
	wr_str *slot = NULL;
	if (n > r->lim->max_string)
		return fail_at(r, at, "property key: string of %u bytes exceeds the limit of %u",
		               (unsigned)n, (unsigned)r->lim->max_string);
	if (n <= 32) {
		for (uint32_t i = 0; i < n; i++)
			h = (h ^ p[i]) * 16777619u;
		slot = &r->keys[h % KEY_CACHE];
		if (slot->ptr && slot->len == n && memcmp(slot->ptr, p, n) == 0) {
			*out = *slot;
			return 0;
		}
	}
	if (wr_strdup(r->s, (const char *)p, n, out) < 0)
		return oom(r);
	if (slot)
		*slot = *out;
	return 0;
}

/* property key: uint (array index), string, or symbol */
static int rd_key(mr *r, wr_value *key)
{
	tok k;
	if (next(r, &k) < 0)
		return -1;
	memset(key, 0, sizeof *key);
	if (k.t == T_UINT) {
		char buf[16], *e = buf + sizeof buf, *d = e;
		uint64_t v = k.u;
		if (v > 4294967294ULL)
			return fail_at(r, k.at, "property key: index %llu out of range",
			               (unsigned long long)v);
		do {
			*--d = (char)('0' + v % 10);
			v /= 10;
		} while (v);
		key->type = WR_STRING;
		return keep_key(r, (const uint8_t *)d, (uint32_t)(e - d), k.at, &key->u.str);
	}
	if (is_str(&k)) {
		key->type = WR_STRING;
		return keep_key(r, k.p, k.n, k.at, &key->u.str);
	}
	if (k.t == T_EXT && k.ext == WR_MPX_SYMBOL) {
		key->type = WR_SYMBOL;
		return ext_id(r, &k, &key->u.ref, "property key");
	}
	return fail_at(r, k.at, "property key: expected an index, string or symbol, found %s",
	               tname(k.t));
}

/* key, flags, value [, setter]: `*left` elements remain in the enclosing array */
static int rd_prop(mr *r, wr_prop *p, uint64_t *left)
{
	if (*left < 3)
		return fail_at(r, r->pos, "property: %llu fields left, 3 needed",
		               (unsigned long long)*left);
	if (rd_key(r, &p->key) < 0 ||
	    rd_u32(r, 0xF, &p->flags, "property flags") < 0 ||
	    rd_value(r, &p->value, "property value") < 0)
		return -1;
	*left -= 3;
	p->setter.type = WR_UNDEFINED;
	if (p->flags & WR_PF_ACCESSOR) {
		if (*left < 1)
			return fail_at(r, r->pos, "accessor property without a setter field");
		if (rd_value(r, &p->setter, "setter") < 0)
			return -1;
		*left -= 1;
	}
	return 0;
}

/* props of an object (o != NULL) or the globals (o == NULL). An object's
 * props array is allocated once: a property takes at least 3 elements, so
 * there are at most count/3 (the count was checked against the input). */
static int rd_props(mr *r, wr_object *o)
{
	uint64_t left;
	uint32_t n = 0;
	if (open_array(r, &left, 1, 0, o ? "properties" : "globals") < 0)
		return -1;
	if (left) {
		/* the loop below writes a property while elements are left
		 * and each takes at least 3: at most ceil(left / 3) */
		uint64_t most = left / 3 + (left % 3 != 0);
		if (most > r->lim->max_props)
			most = (uint64_t)r->lim->max_props + 1;
		if (o)
			o->props = wr_alloc(r->s, (size_t)most * sizeof *o->props);
		if (o ? !o->props : most < UINT32_MAX - 1 &&
		    wr_reserve_table(r->s, WR_TAB_GLOBALS, (uint32_t)most) < 0)
			return oom(r);
	}
	while (left > 0) {
		if (++n > r->lim->max_props)
			return fail_at(r, r->pos, "more than %u properties",
			               (unsigned)r->lim->max_props);
		wr_prop *p;
		if (o) {
			p = &o->props[o->nprops++];
			memset(p, 0, sizeof *p);
		} else if (!(p = wr_add_global(r->s))) {
			return oom(r);
		}
		if (rd_prop(r, p, &left) < 0)
			return -1;
	}
	close_array(r);
	return 0;
}

static int rd_values(mr *r, wr_value **out, uint32_t *nout, const char *what)
{
	uint64_t n;
	if (open_array(r, &n, 1, 0, what) < 0)
		return -1;
	if (n > r->lim->max_props)
		return fail_at(r, r->pos, "%s: more than %u values", what,
		               (unsigned)r->lim->max_props);
	*out = NULL;
	*nout = (uint32_t)n;
	if (n) {
		*out = wr_alloc(r->s, (size_t)n * sizeof **out);
		if (!*out)
			return oom(r);
		for (uint64_t i = 0; i < n; i++)
			if (rd_value(r, &(*out)[i], what) < 0)
				return -1;
	}
	close_array(r);
	return 0;
}

/* an unsigned LEB128 varint of at most 32 bits inside body[*i..n) */
static int body_uvarint(const uint8_t *b, uint32_t n, uint32_t *i, uint32_t *out)
{
	uint64_t v = 0;
	for (unsigned shift = 0; shift < 35; shift += 7) {
		if (*i >= n)
			return -1;
		uint8_t c = b[(*i)++];
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			break;
		if (shift == 28)
			return -1;
	}
	if (v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/* ext ZBYTES: the bytes of an ArrayBuffer or plain buffer with its zero runs squeezed out.
 * The zeros put back count against max_bytes over the whole snapshot, so
 * the memory a decoder spends stays bounded by the limits, not only by the
 * input's size. */
static int rd_zbytes(mr *r, const tok *k, wr_object *o)
{
	uint32_t i = 0, total, lit, zeros, out = 0;
	const size_t body = (size_t)(k->p - r->b);
	const char *kn = wr_kind_name(o->kind);
	if (body_uvarint(k->p, k->n, &i, &total) < 0)
		return fail_at(r, body, "%s: bad length", kn);
	if (total > r->lim->max_string)
		return fail_at(r, body, "%s of %u bytes exceeds the limit of %u",
		               kn, (unsigned)total, (unsigned)r->lim->max_string);
	uint8_t *p = total ? wr_alloc(r->s, total) : NULL;
	if (total && !p)
		return oom(r);
	while (i < k->n) {
		if (body_uvarint(k->p, k->n, &i, &lit) < 0 || lit > k->n - i || lit > total - out)
			return fail_at(r, body + i, "%s: bad literal run", kn);
		if (lit)
			memcpy(p + out, k->p + i, lit);
		i += lit;
		out += lit;
		if (body_uvarint(k->p, k->n, &i, &zeros) < 0 || zeros > total - out)
			return fail_at(r, body + i, "%s: bad zero run", kn);
		if (zeros > r->lim->max_bytes - r->expanded)
			return fail_at(r, body + i, "%s zeros exceed the limit of %zu bytes",
			               kn, r->lim->max_bytes);
		r->expanded += zeros;
		if (zeros)
			memset(p + out, 0, zeros);
		out += zeros;
	}
	if (out != total)
		return fail_at(r, body + i, "%s: %u of %u bytes", kn, (unsigned)out, (unsigned)total);
	o->u.bytes.ptr = p;
	o->u.bytes.len = total;
	return 0;
}

/* the bytes of an ArrayBuffer or plain buffer: bin or ext ZBYTES */
/* the bytes of a plain buffer or an ArrayBuffer; or, where shared (an
 * ArrayBuffer), the one whose memory it uses and its length */
static int rd_bytes(mr *r, wr_object *o, int shared)
{
	tok k;
	if (next(r, &k) < 0)
		return -1;
	if (k.t == T_EXT && k.ext == WR_MPX_ZBYTES)
		return rd_zbytes(r, &k, o);
	if (shared && k.t == T_EXT && k.ext == WR_MPX_MEMORY) {
		if (k.n != 8)
			return fail_at(r, k.at, "arraybuffer memory: %u bytes (8 expected)", (unsigned)k.n);
		o->u.bytes.memory = (uint32_t)be(k.p, 4);
		o->u.bytes.len = (uint32_t)be(k.p + 4, 4);
		if (!o->u.bytes.memory)
			return fail_at(r, k.at, "arraybuffer memory: id 0 is never valid");
		return 0;
	}
	if (k.t != T_BIN)
		return fail_at(r, k.at, "%s: expected binary, found %s", wr_kind_name(o->kind), tname(k.t));
	if (k.n > r->lim->max_string)
		return fail_at(r, k.at, "%s of %u bytes exceeds the limit of %u", wr_kind_name(o->kind),
		               (unsigned)k.n, (unsigned)r->lim->max_string);
	uint8_t *p = NULL;
	if (k.n) {
		p = wr_alloc(r->s, k.n);
		if (!p)
			return oom(r);
		memcpy(p, k.p, k.n);
	}
	o->u.bytes.ptr = p;
	o->u.bytes.len = k.n;
	return 0;
}

/* fileName and lineNumber of a traceback: a string and a number, or nil */
static int rd_trace_more(mr *r, wr_object *o)
{
	tok k;
	if (next(r, &k) < 0)
		return -1;
	if (k.t != T_NIL) {
		if (!is_str(&k))
			return fail_at(r, k.at, "error fileName: expected a string or nil, found %s", tname(k.t));
		if (keep_str(r, &k, &o->u.trace.file, "error fileName") < 0)
			return -1;
		o->u.trace.has |= WR_TR_FILE;
	}
	if (next(r, &k) < 0)
		return -1;
	if (k.t != T_NIL) {
		if (num_of(r, &k, &o->u.trace.line, "error lineNumber") < 0)
			return -1;
		o->u.trace.has |= WR_TR_LINE;
	}
	return 0;
}

static int rd_object(mr *r)
{
	uint64_t n;
	uint32_t kind, id;
	size_t at = r->pos;
	if (open_array(r, &n, 1, 0, "object") < 0)
		return -1;
	if (n < 4)
		return fail_at(r, at, "object: %llu fields, at least 4 expected",
		               (unsigned long long)n);
	if (rd_u32(r, WR_OBJ_KIND_COUNT - 1, &kind, "object kind") < 0)
		return -1;
	unsigned nf = 4 + wr_mp_kind_fields(kind);
	/* an error's or a traceback object's longer record (u.trace) */
	unsigned longer = kind == WR_OBJ_ERROR || kind == WR_OBJ_OBJECT ? 4 + WR_MP_TRACE_FIELDS : 0;
	if (n != nf && n != longer) {
		if (longer)
			return fail_at(r, at, "object of kind %u: %llu fields, %u or %u expected",
			               (unsigned)kind, (unsigned long long)n, nf, longer);
		return fail_at(r, at, "object of kind %u: %llu fields, %u expected",
		               (unsigned)kind, (unsigned long long)n, nf);
	}
	if (wr_grow_model(r->s, (void **)&r->obj_off, r->nobj_off, &r->obj_off_cap, 64, sizeof *r->obj_off))
		return oom(r);
	r->obj_off[r->nobj_off++] = at;
	wr_object *o = wr_add_object(r->s, &id);
	if (!o)
		return oom(r);
	o->kind = kind;
	if (rd_u32(r, WR_OF_ALL, &o->flags, "object flags") < 0 ||
	    rd_value(r, &o->proto, "prototype") < 0 ||
	    rd_props(r, o) < 0)
		return -1;
	switch (kind) {
	case WR_OBJ_FUNCTION:
		if (rd_u32(r, UINT32_MAX, &o->u.fn.site, "function site") < 0 ||
		    rd_value(r, &o->u.fn.env, "function environment") < 0)
			return -1;
		break;
	case WR_OBJ_BOUND:
		if (rd_value(r, &o->u.bound.target, "bound target") < 0 ||
		    rd_value(r, &o->u.bound.self, "bound this") < 0 ||
		    rd_values(r, &o->u.bound.args, &o->u.bound.nargs, "bound arguments") < 0)
			return -1;
		break;
	case WR_OBJ_DATE:
		if (rd_num(r, &o->u.num, "date value") < 0)
			return -1;
		break;
	case WR_OBJ_REGEXP:
		if (rd_str(r, &o->u.regexp.source, "regexp source") < 0 ||
		    rd_str(r, &o->u.regexp.flags, "regexp flags") < 0)
			return -1;
		break;
	case WR_OBJ_ERROR:
	case WR_OBJ_OBJECT:
		if (n == nf && kind == WR_OBJ_OBJECT)
			break;
		if (rd_str(r, &o->u.trace.stack, n == longer ? "error frames" : "error stack") < 0)
			return -1;
		if (n == longer) {
			o->u.trace.has |= WR_TR_FRAMES;
			if (rd_trace_more(r, o) < 0)
				return -1;
		}
		break;
	case WR_OBJ_BOOLEAN: case WR_OBJ_NUMBER:
	case WR_OBJ_STRING:  case WR_OBJ_SYMBOL:
		if (rd_value(r, &o->u.prim, "primitive value") < 0)
			return -1;
		break;
	case WR_OBJ_ARRAYBUFFER:
		if (rd_bytes(r, o, 1) < 0)
			return -1;
		break;
	case WR_OBJ_PLAINBUFFER: {
		tok k;
		if (rd_bytes(r, o, 0) < 0 || next(r, &k) < 0)
			return -1;
		if (k.t != T_BOOL)
			return fail_at(r, k.at, "plainbuffer: expected a boolean, found %s", tname(k.t));
		o->u.bytes.dynamic = (uint32_t)k.u;
		break;
	}
	case WR_OBJ_TEXTDECODER:
		if (rd_u32(r, WR_TD_FATAL | WR_TD_IGNORE_BOM, &o->u.textdec.flags, "textdecoder flags") < 0)
			return -1;
		break;
	case WR_OBJ_BUFFER: case WR_OBJ_TYPEDARRAY: case WR_OBJ_DATAVIEW:
		if (rd_u32(r, WR_ELEM_COUNT - 1, &o->u.view.elem, "element type") < 0 ||
		    rd_value(r, &o->u.view.buffer, "view buffer") < 0 ||
		    rd_u32(r, UINT32_MAX, &o->u.view.offset, "view offset") < 0 ||
		    rd_u32(r, UINT32_MAX, &o->u.view.length, "view length") < 0)
			return -1;
		break;
	default:
		break;
	}
	close_array(r);
	return 0;
}

static int rd_symbol(mr *r)
{
	uint64_t n;
	uint32_t id;
	tok k;
	if (open_array(r, &n, 1, 2, "symbol") < 0)
		return -1;
	wr_symbol *y = wr_add_symbol(r->s, &id);
	if (!y)
		return oom(r);
	if (rd_u32(r, WR_SYM_WELLKNOWN, &y->kind, "symbol kind") < 0 || next(r, &k) < 0)
		return -1;
	if (k.t == T_NIL) {
		y->has_desc = 0;
	} else if (is_str(&k)) {
		y->has_desc = 1;
		if (keep_str(r, &k, &y->desc, "symbol description") < 0)
			return -1;
	} else {
		return fail_at(r, k.at, "symbol description: expected a string or nil, found %s",
		               tname(k.t));
	}
	close_array(r);
	return 0;
}

static int rd_timer(mr *r)
{
	uint64_t n;
	if (open_array(r, &n, 1, 7, "timer") < 0)
		return -1;
	wr_timer *t = wr_add_timer(r->s);
	if (!t)
		return oom(r);
	if (rd_u32(r, WR_TIMER_IMMEDIATE, &t->kind, "timer kind") < 0 ||
	    rd_num(r, &t->id, "timer id") < 0 ||
	    rd_num(r, &t->remaining, "timer delay") < 0 ||
	    rd_num(r, &t->period, "timer period") < 0 ||
	    rd_uint(r, UINT64_MAX, &t->seq, "timer sequence") < 0 ||
	    rd_value(r, &t->callback, "timer callback") < 0 ||
	    rd_values(r, &t->args, &t->nargs, "timer arguments") < 0)
		return -1;
	close_array(r);
	return 0;
}

static int rd_patch(mr *r)
{
	uint64_t n;
	tok k;
	size_t at = r->pos;
	if (open_array(r, &n, 1, 0, "patch") < 0)
		return -1;
	if (n != 2 && n != 5 && n != 6)
		return fail_at(r, at, "patch: %llu fields, 2, 5 or 6 expected",
		               (unsigned long long)n);
	wr_patch *pa = wr_add_patch(r->s);
	if (!pa)
		return oom(r);
	if (rd_str(r, &pa->holder, "patch holder") < 0 || next(r, &k) < 0)
		return -1;
	if (n == 2) {   /* [holder, integrity level] */
		if (k.t != T_UINT || k.u < WR_INTEGRITY_NONEXT || k.u > WR_INTEGRITY_FROZEN)
			return fail_at(r, k.at, "patch: an integrity level is 1, 2 or 3");
		wr_patch_integrity(pa, (int)k.u);
		close_array(r);
		return 0;
	}
	if (k.t != T_BOOL)
		return fail_at(r, k.at, "patch: expected a boolean, found %s", tname(k.t));
	pa->deleted = (int)k.u;
	n -= 2;
	if (rd_prop(r, &pa->prop, &n) < 0)
		return -1;
	if (n != 0)
		return fail_at(r, at, "patch: a data property has 5 fields");
	close_array(r);
	return 0;
}

/* a table: array of records, each read by `one` */
static int rd_table(mr *r, unsigned min, uint32_t max, const char *what,
                    wr_table tab, int (*one)(mr *))
{
	uint64_t n;
	size_t at = r->pos;
	if (open_array(r, &n, min, 0, what) < 0)
		return -1;
	if (n > max)
		return fail_at(r, at, "%s: %llu entries exceed the limit of %u", what,
		               (unsigned long long)n, (unsigned)max);
	/* the count was checked against the bytes left: take the table's
	 * room at once, no doubling slack (nor the obj_off of objects) */
	if (wr_reserve_table(r->s, tab, (uint32_t)n) < 0 ||
	    (tab == WR_TAB_OBJECTS &&
	     wr_reserve_model(r->s, (void **)&r->obj_off, &r->obj_off_cap, (uint32_t)n, sizeof *r->obj_off) < 0))
		return oom(r);
	for (uint64_t i = 0; i < n; i++)
		if (one(r) < 0)
			return -1;
	close_array(r);
	return 0;
}

static int rd_snapshot(mr *r)
{
	uint64_t n;
	tok k;
	wr_snapshot *s = r->s;
	if (open_array(r, &n, 1, WR_MP_TOP_FIELDS, "snapshot") < 0)
		return -1;
	if (next(r, &k) < 0)
		return -1;
	if (k.t != T_STR || k.n != WR_MP_MAGIC_LEN || memcmp(k.p, WR_MP_MAGIC, k.n) != 0)
		return fail_at(r, k.at, "not a ferry snapshot (magic \"%s\" missing)", WR_MP_MAGIC);
	size_t at = r->pos;
	if (rd_u32(r, UINT32_MAX, &s->version, "version") < 0)
		return -1;
	if (s->version != WR_FORMAT_VERSION)
		return fail_at(r, at, "unsupported snapshot version %u (this build reads %u)",
		               (unsigned)s->version, WR_FORMAT_VERSION);
	if (next(r, &k) < 0)
		return -1;
	if (k.t != T_BIN || k.n != sizeof s->hash)
		return fail_at(r, k.at, "program hash: expected 32 bytes of binary");
	memcpy(s->hash, k.p, sizeof s->hash);
	if (rd_num(r, &s->created, "created") < 0 ||
	    rd_num(r, &s->next_timer_id, "next timer id") < 0 ||
	    rd_uint(r, UINT64_MAX, &s->next_seq, "next sequence") < 0 ||
	    rd_u32(r, UINT32_MAX, &s->loop_phase, "loop phase") < 0 ||
	    rd_uint(r, UINT64_MAX, &s->phase_seq, "phase sequence") < 0 ||
	    (r->sec_off[0] = r->pos, rd_props(r, NULL)) < 0 ||
	    (r->sec_off[4] = r->pos, rd_table(r, 5, r->lim->max_objects, "objects", WR_TAB_OBJECTS, rd_object)) < 0 ||
	    (r->sec_off[1] = r->pos, rd_table(r, 3, r->lim->max_objects, "symbols", WR_TAB_SYMBOLS, rd_symbol)) < 0 ||
	    (r->sec_off[2] = r->pos, rd_table(r, 8, r->lim->max_objects, "timers", WR_TAB_TIMERS, rd_timer)) < 0 ||
	    (r->sec_off[3] = r->pos, rd_table(r, 4, r->lim->max_objects, "patches", WR_TAB_PATCHES, rd_patch)) < 0)
		return -1;
	close_array(r);
	if (r->pos != r->len)
		return fail_at(r, r->pos, "%zu trailing bytes after the snapshot", r->len - r->pos);
	return 0;
}

int wr_msgpack_read(const void *data, size_t len, const wr_limits *lim,
                    wr_snapshot **out, wr_error *err)
{
	wr_limits dflt;
	mr r;
	*out = NULL;
	err->offset = 0;
	err->msg[0] = '\0';
	if (!lim) {
		wr_limits_default(&dflt);
		lim = &dflt;
	}
	memset(&r, 0, sizeof r);
	r.b = data;
	r.len = len;
	r.lim = lim;
	r.err = err;
	if (len > lim->max_bytes)
		return fail_at(&r, lim->max_bytes, "snapshot of %zu bytes exceeds the limit of %zu",
		               len, lim->max_bytes);
	r.s = wr_snapshot_new();
	if (!r.s)
		return oom(&r);
	wr_model_budget(r.s, lim->max_model);
	int rc = rd_snapshot(&r);
	if (rc == 0)
		rc = wr_validate_located(r.s, r.sec_off, r.obj_off, r.nobj_off, err);
	free(r.obj_off);
	if (rc < 0) {
		wr_snapshot_free(r.s);
		return -1;
	}
	*out = r.s;
	return 0;
}
