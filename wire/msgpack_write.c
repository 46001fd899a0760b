/*
 * wire/msgpack_write.c -- the msgpack encoding of a snapshot model
 * (wr_msgpack_write), using msgpack-c's packer.
 *
 * The layout (doc/snapshot-format.md, "msgpack") is a fixed-position array
 * per record, no maps: keys would cost more than the data. Numbers take the
 * smallest exact form (int, float32, float64; msgpack floats carry -0, NaN
 * and +-Infinity exactly, so they need no ext type). Strings that are
 * well-formed UTF-8 are msgpack str; any other byte string (Duktape's
 * internal encoding of lone surrogates, or arbitrary bytes) is ext RAWSTR,
 * so strict msgpack readers never see ill-formed str. Canonical array index
 * keys ("0".."4294967294") are written as unsigned ints.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* msgpack-c 4.0's C headers (msgpack/sysdep.h) take the machine for
 * little-endian unless these are defined first, so on a big-endian device
 * (s390x, found by tests/cross_arch.sh) the packer wrote every multi-byte
 * number byte-swapped: tell them from the compiler */
#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define MSGPACK_ENDIAN_BIG_BYTE 1
#define MSGPACK_ENDIAN_LITTLE_BYTE 0
#elif defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MSGPACK_ENDIAN_BIG_BYTE 0
#define MSGPACK_ENDIAN_LITTLE_BYTE 1
#else
#error "the byte order of this machine is unknown (__BYTE_ORDER__): msgpack-c needs it"
#endif
#include <msgpack.h>

#include "wire/wr_impl.h"
#include "wire/msgpack_ext.h"

typedef struct mw {
	msgpack_packer pk;
	wr_buf *out;
	int oom;
} mw;

/* msgpack_packer_write callback: append to the wr_buf */
static int mw_sink(void *data, const char *buf, size_t len)
{
	mw *w = data;
	if (w->oom || wr_buf_put(w->out, buf, len) < 0) {
		w->oom = 1;
		return -1;
	}
	return 0;
}

/* strict UTF-8: no overlongs, no surrogates, <= U+10FFFF */
static int utf8_ok(const uint8_t *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint8_t c = s[i];
		if (c < 0x80) { i++; continue; }
		size_t k;
		uint32_t cp, min;
		if (c >= 0xC2 && c <= 0xDF)      { k = 1; cp = c & 0x1F; min = 0x80; }
		else if (c >= 0xE0 && c <= 0xEF) { k = 2; cp = c & 0x0F; min = 0x800; }
		else if (c >= 0xF0 && c <= 0xF4) { k = 3; cp = c & 0x07; min = 0x10000; }
		else return 0;
		if (n - i <= k)
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += k + 1;
	}
	return 1;
}

static void put_str(mw *w, const char *p, uint32_t len)
{
	if (utf8_ok((const uint8_t *)p, len)) {
		msgpack_pack_str_with_body(&w->pk, p, len);
	} else {
		msgpack_pack_ext(&w->pk, len, WR_MPX_RAWSTR);
		msgpack_pack_ext_body(&w->pk, p, len);
	}
}

static void put_num(mw *w, double x)
{
	/* integral, not -0, inside int64: the smallest msgpack int */
	if (x == x && x >= -9223372036854775808.0 && x < 9223372036854775808.0 &&
	    x == floor(x) && !(x == 0 && signbit(x))) {
		msgpack_pack_int64(&w->pk, (int64_t)x);
		return;
	}
	/* NaN, +-Infinity, -0 and anything float32 holds exactly: 5 bytes */
	if (x != x || isinf(x) || (fabs(x) <= FLT_MAX && (double)(float)x == x)) {
		msgpack_pack_float(&w->pk, (float)x);
		return;
	}
	msgpack_pack_double(&w->pk, x);
}

/* ref and symbol ids: fixext 1, 2 or 4 with a big-endian id */
static void put_id(mw *w, int8_t type, uint32_t id)
{
	uint8_t b[4];
	size_t n;
	if (id <= 0xFF) { b[0] = (uint8_t)id; n = 1; }
	else if (id <= 0xFFFF) { b[0] = (uint8_t)(id >> 8); b[1] = (uint8_t)id; n = 2; }
	else {
		b[0] = (uint8_t)(id >> 24); b[1] = (uint8_t)(id >> 16);
		b[2] = (uint8_t)(id >> 8);  b[3] = (uint8_t)id; n = 4;
	}
	msgpack_pack_ext(&w->pk, n, type);
	msgpack_pack_ext_body(&w->pk, b, n);
}

static int put_value(mw *w, const wr_value *v, wr_error *err)
{
	switch (v->type) {
	case WR_UNDEFINED: msgpack_pack_ext(&w->pk, 0, WR_MPX_UNDEFINED); break;
	case WR_NULL:      msgpack_pack_nil(&w->pk); break;
	case WR_FALSE:     msgpack_pack_false(&w->pk); break;
	case WR_TRUE:      msgpack_pack_true(&w->pk); break;
	case WR_NUMBER:    put_num(w, v->u.num); break;
	case WR_STRING:    put_str(w, v->u.str.ptr, v->u.str.len); break;
	case WR_REF:       put_id(w, WR_MPX_REF, v->u.ref); break;
	case WR_SYMBOL:    put_id(w, WR_MPX_SYMBOL, v->u.ref); break;
	case WR_BUILTIN:
		msgpack_pack_ext(&w->pk, v->u.str.len, WR_MPX_BUILTIN);
		msgpack_pack_ext_body(&w->pk, v->u.str.ptr, v->u.str.len);
		break;
	default:
		wr_err_set(err, "msgpack write: value of unknown type %u",
		         (unsigned)v->type);
		return -1;
	}
	return 0;
}

/* ---- byte arrays: zero runs squeezed out when that saves an eighth ---- */

static size_t uvarint(uint8_t *out, uint64_t v)
{
	size_t n = 0;
	do {
		uint8_t b = v & 0x7f;
		v >>= 7;
		if (out)
			out[n] = b | (v ? 0x80 : 0);
		n++;
	} while (v);
	return n;
}

/* length of the next zero run at p[i..n) if it is worth a segment, else 0 */
static size_t zero_run(const uint8_t *p, size_t i, size_t n)
{
	size_t j = i;
	while (j < n && p[j] == 0)
		j++;
	return j - i >= WR_MP_ZRUN_MIN ? j - i : 0;
}

/* the ZBYTES body of p[0..n) into out (NULL: just its size) */
static size_t zbytes(const uint8_t *p, size_t n, uint8_t *out)
{
	size_t o = uvarint(out, n), i = 0;
	while (i < n) {
		size_t lit = i, z = 0;
		while (lit < n && !(z = zero_run(p, lit, n)))
			lit++;
		o += uvarint(out ? out + o : NULL, lit - i);
		if (out)
			memcpy(out + o, p + i, lit - i);
		o += lit - i;
		o += uvarint(out ? out + o : NULL, z);
		i = lit + z;
	}
	return o;
}

static int put_bytes(mw *w, const uint8_t *p, uint32_t n)
{
	size_t zn = n >= 64 ? zbytes(p, n, NULL) : SIZE_MAX;
	if (zn == SIZE_MAX || zn + n / 8 > n) {
		msgpack_pack_bin_with_body(&w->pk, p, n);
		return 0;
	}
	uint8_t *body = malloc(zn);
	if (!body) {
		w->oom = 1;   /* reported by wr_msgpack_write */
		return 0;
	}
	zbytes(p, n, body);
	msgpack_pack_ext(&w->pk, zn, WR_MPX_ZBYTES);
	msgpack_pack_ext_body(&w->pk, body, zn);
	free(body);
	return 0;
}

/* "0".."4294967294" without leading zeros: the array index value, else -1 */
static int64_t index_key(const wr_str *s)
{
	if (s->len == 0 || s->len > 10 || (s->len > 1 && s->ptr[0] == '0'))
		return -1;
	int64_t v = 0;
	for (uint32_t i = 0; i < s->len; i++) {
		if (s->ptr[i] < '0' || s->ptr[i] > '9')
			return -1;
		v = v * 10 + (s->ptr[i] - '0');
	}
	return v <= 4294967294LL ? v : -1;
}

static int put_key(mw *w, const wr_value *k, wr_error *err)
{
	if (k->type == WR_STRING) {
		int64_t ix = index_key(&k->u.str);
		if (ix >= 0)
			msgpack_pack_uint32(&w->pk, (uint32_t)ix);
		else
			put_str(w, k->u.str.ptr, k->u.str.len);
		return 0;
	}
	if (k->type == WR_SYMBOL) {
		put_id(w, WR_MPX_SYMBOL, k->u.ref);
		return 0;
	}
	wr_err_set(err, "msgpack write: property key of type %u",
	         (unsigned)k->type);
	return -1;
}

/* one property, inline: key, flags, value [, setter if accessor] */
static size_t prop_width(const wr_prop *p)
{
	return (p->flags & WR_PF_ACCESSOR) ? 4 : 3;
}

static int put_prop(mw *w, const wr_prop *p, wr_error *err)
{
	if (put_key(w, &p->key, err) < 0)
		return -1;
	msgpack_pack_uint32(&w->pk, p->flags);
	if (put_value(w, &p->value, err) < 0)
		return -1;
	if ((p->flags & WR_PF_ACCESSOR) && put_value(w, &p->setter, err) < 0)
		return -1;
	return 0;
}

static int put_props(mw *w, const wr_prop *props, uint32_t n, wr_error *err)
{
	size_t width = 0;
	for (uint32_t i = 0; i < n; i++)
		width += prop_width(&props[i]);
	msgpack_pack_array(&w->pk, width);
	for (uint32_t i = 0; i < n; i++)
		if (put_prop(w, &props[i], err) < 0)
			return -1;
	return 0;
}

static int put_values(mw *w, const wr_value *v, uint32_t n, wr_error *err)
{
	msgpack_pack_array(&w->pk, n);
	for (uint32_t i = 0; i < n; i++)
		if (put_value(w, &v[i], err) < 0)
			return -1;
	return 0;
}

static int put_object(mw *w, const wr_object *o, wr_error *err)
{
	if (o->kind >= WR_OBJ_KIND_COUNT) {
		wr_err_set(err, "msgpack write: object of unknown kind %u",
		         (unsigned)o->kind);
		return -1;
	}
	if (((o->kind == WR_OBJ_ARRAYBUFFER && !o->u.bytes.memory) || o->kind == WR_OBJ_PLAINBUFFER) &&
	    o->u.bytes.len && !o->u.bytes.ptr) {
		wr_err_set(err, "msgpack write: %u bytes without storage", (unsigned)o->u.bytes.len);
		return -1;
	}
	/* an error's or a traceback object's longer record: its frames */
	if ((o->kind == WR_OBJ_ERROR || o->kind == WR_OBJ_OBJECT) && (o->u.trace.has & WR_TR_FRAMES))
		msgpack_pack_array(&w->pk, 4 + WR_MP_TRACE_FIELDS);
	else
		msgpack_pack_array(&w->pk, 4 + wr_mp_kind_fields(o->kind));
	msgpack_pack_uint32(&w->pk, o->kind);
	msgpack_pack_uint32(&w->pk, o->flags);
	if (put_value(w, &o->proto, err) < 0 || put_props(w, o->props, o->nprops, err) < 0)
		return -1;
	switch (o->kind) {
	case WR_OBJ_FUNCTION:
		msgpack_pack_uint32(&w->pk, o->u.fn.site);
		return put_value(w, &o->u.fn.env, err);
	case WR_OBJ_BOUND:
		if (put_value(w, &o->u.bound.target, err) < 0 ||
		    put_value(w, &o->u.bound.self, err) < 0)
			return -1;
		return put_values(w, o->u.bound.args, o->u.bound.nargs, err);
	case WR_OBJ_DATE:
		put_num(w, o->u.num);
		return 0;
	case WR_OBJ_REGEXP:
		put_str(w, o->u.regexp.source.ptr, o->u.regexp.source.len);
		put_str(w, o->u.regexp.flags.ptr, o->u.regexp.flags.len);
		return 0;
	case WR_OBJ_ERROR:
	case WR_OBJ_OBJECT:
		if (o->kind == WR_OBJ_OBJECT && !(o->u.trace.has & WR_TR_FRAMES))
			return 0;
		put_str(w, o->u.trace.stack.ptr, o->u.trace.stack.len);
		if (!(o->u.trace.has & WR_TR_FRAMES))
			return 0;
		if (o->u.trace.has & WR_TR_FILE)
			put_str(w, o->u.trace.file.ptr, o->u.trace.file.len);
		else
			msgpack_pack_nil(&w->pk);
		if (o->u.trace.has & WR_TR_LINE)
			put_num(w, o->u.trace.line);
		else
			msgpack_pack_nil(&w->pk);
		return 0;
	case WR_OBJ_BOOLEAN: case WR_OBJ_NUMBER:
	case WR_OBJ_STRING:  case WR_OBJ_SYMBOL:
		return put_value(w, &o->u.prim, err);
	case WR_OBJ_ARRAYBUFFER:
		if (o->u.bytes.memory) {
			uint8_t b[8];
			for (int i = 0; i < 4; i++) {
				b[i] = (uint8_t)(o->u.bytes.memory >> (24 - 8 * i));
				b[4 + i] = (uint8_t)(o->u.bytes.len >> (24 - 8 * i));
			}
			msgpack_pack_ext(&w->pk, sizeof b, WR_MPX_MEMORY);
			msgpack_pack_ext_body(&w->pk, b, sizeof b);
			return 0;
		}
		return put_bytes(w, o->u.bytes.ptr, o->u.bytes.len);
	case WR_OBJ_PLAINBUFFER:
		if (put_bytes(w, o->u.bytes.ptr, o->u.bytes.len) < 0)
			return -1;
		if (o->u.bytes.dynamic)
			msgpack_pack_true(&w->pk);
		else
			msgpack_pack_false(&w->pk);
		return 0;
	case WR_OBJ_TEXTDECODER:
		msgpack_pack_uint32(&w->pk, o->u.textdec.flags);
		return 0;
	case WR_OBJ_BUFFER: case WR_OBJ_TYPEDARRAY: case WR_OBJ_DATAVIEW:
		msgpack_pack_uint32(&w->pk, o->u.view.elem);
		if (put_value(w, &o->u.view.buffer, err) < 0)
			return -1;
		msgpack_pack_uint32(&w->pk, o->u.view.offset);
		msgpack_pack_uint32(&w->pk, o->u.view.length);
		return 0;
	default:
		return 0;
	}
}

int wr_msgpack_write(const wr_snapshot *s, wr_buf *out, wr_error *err)
{
	mw w;
	size_t start = out->len;
	w.out = out;
	w.oom = 0;
	err->offset = 0;
	err->msg[0] = '\0';
	msgpack_packer_init(&w.pk, &w, mw_sink);

	msgpack_pack_array(&w.pk, WR_MP_TOP_FIELDS);
	msgpack_pack_str_with_body(&w.pk, WR_MP_MAGIC, WR_MP_MAGIC_LEN);
	msgpack_pack_uint32(&w.pk, s->version);
	msgpack_pack_bin_with_body(&w.pk, s->hash, sizeof s->hash);
	put_num(&w, s->created);
	put_num(&w, s->next_timer_id);
	msgpack_pack_uint64(&w.pk, s->next_seq);
	msgpack_pack_uint32(&w.pk, s->loop_phase);
	msgpack_pack_uint64(&w.pk, s->phase_seq);
	if (put_props(&w, s->globals, s->nglobals, err) < 0)
		goto fail;

	msgpack_pack_array(&w.pk, s->nobjects);
	for (uint32_t i = 0; i < s->nobjects; i++)
		if (put_object(&w, &s->objects[i], err) < 0)
			goto fail;

	msgpack_pack_array(&w.pk, s->nsymbols);
	for (uint32_t i = 0; i < s->nsymbols; i++) {
		const wr_symbol *y = &s->symbols[i];
		msgpack_pack_array(&w.pk, 2);
		msgpack_pack_uint32(&w.pk, y->kind);
		if (y->has_desc)
			put_str(&w, y->desc.ptr, y->desc.len);
		else
			msgpack_pack_nil(&w.pk);
	}

	msgpack_pack_array(&w.pk, s->ntimers);
	for (uint32_t i = 0; i < s->ntimers; i++) {
		const wr_timer *t = &s->timers[i];
		msgpack_pack_array(&w.pk, 7);
		msgpack_pack_uint32(&w.pk, t->kind);
		put_num(&w, t->id);
		put_num(&w, t->remaining);
		put_num(&w, t->period);
		msgpack_pack_uint64(&w.pk, t->seq);
		if (put_value(&w, &t->callback, err) < 0 ||
		    put_values(&w, t->args, t->nargs, err) < 0)
			goto fail;
	}

	msgpack_pack_array(&w.pk, s->npatches);
	for (uint32_t i = 0; i < s->npatches; i++) {
		const wr_patch *pa = &s->patches[i];
		if (pa->integrity) {   /* [holder, level] */
			msgpack_pack_array(&w.pk, 2);
			put_str(&w, pa->holder.ptr, pa->holder.len);
			msgpack_pack_int(&w.pk, pa->integrity);
			continue;
		}
		msgpack_pack_array(&w.pk, 2 + prop_width(&pa->prop));
		put_str(&w, pa->holder.ptr, pa->holder.len);
		if (pa->deleted)
			msgpack_pack_true(&w.pk);
		else
			msgpack_pack_false(&w.pk);
		if (put_prop(&w, &pa->prop, err) < 0)
			goto fail;
	}
	if (w.oom) {
		wr_err_set(err, "msgpack write: out of memory");
		goto fail;
	}
	return 0;
fail:
	out->len = start;
	return -1;
}
