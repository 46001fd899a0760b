/*
 * wire/json_write.c -- the hand-written JSON encoder for a snapshot model.
 * The byte-level format is documented in doc/snapshot-format.md; in short:
 * plain JSON for null/booleans/finite numbers/strings, single-key tagged
 * objects for everything JSON cannot say ({"undefined":true},
 * {"number":"NaN"|"Infinity"|"-Infinity"|"-0"}, {"ref":N}, {"builtin":P},
 * {"symbol":N}, {"raw":BASE64} for byte strings that are not UTF-8), lone
 * surrogates as \uD800-style escapes, doubles in shortest round-trip form.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "wire/wr_impl.h"

typedef struct jw {
	wr_buf *b;
	int pretty;
	int oom;
} jw;

/* writes go straight into the buffer when it has room (the common case) */
static inline void put(jw *w, const char *p, size_t n)
{
	wr_buf *b = w->b;
	if (b->cap - b->len >= n) {
		if (n)
			memcpy(b->data + b->len, p, n);
		b->len += n;
	} else if (!w->oom && wr_buf_put(b, p, n)) {
		w->oom = 1;
	}
}
static void puts_(jw *w, const char *s) { put(w, s, strlen(s)); }
static inline void putc_(jw *w, char c)
{
	wr_buf *b = w->b;
	if (b->len < b->cap)
		b->data[b->len++] = (uint8_t)c;
	else if (!w->oom && wr_buf_putc(b, c))
		w->oom = 1;
}
static void nl(jw *w, int indent)
{
	if (!w->pretty)
		return;
	putc_(w, '\n');
	for (int i = 0; i < indent; i++)
		put(w, "  ", 2);
}

/* ---- numbers ---- */

/* Shortest "%.Ng" that reads back to exactly x (x finite, not -0). */
static int fmt_double(double x, char *out, size_t cap)
{
	if (x == floor(x) && fabs(x) < 1e15) {
		/* integers (the common case): no printf */
		uint64_t v = (uint64_t)(x < 0 ? -x : x);
		char tmp[24];
		int n = 0, o = 0;
		do {
			tmp[n++] = (char)('0' + v % 10);
			v /= 10;
		} while (v);
		if (x < 0)
			out[o++] = '-';
		while (n)
			out[o++] = tmp[--n];
		out[o] = 0;
		return o;
	}
	if (fabs(x) >= 1e-4 && fabs(x) < 1e15) {
		/* short decimals (1.25, 0.5): x = m / 10^k exactly for a small k,
		 * where m is an integer below 10^15; "m with the point moved k
		 * places" has at most 15 significant digits and reads back to x
		 * (the division is correctly rounded, as strtod is), so it is what
		 * "%.15g" would print, without printf */
		static const double p10[] = { 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
		for (int k = 0; k < 6; k++) {
			double m = x * p10[k];
			if (m == floor(m) && fabs(m) < 1e15 && m / p10[k] == x) {
				uint64_t v = (uint64_t)fabs(m);
				char tmp[24];
				int n = 0, o = 0, digits = k + 1;
				do {
					tmp[n++] = (char)('0' + v % 10);
					v /= 10;
				} while (v || n <= digits);
				if (x < 0)
					out[o++] = '-';
				while (n > digits)
					out[o++] = tmp[--n];
				out[o++] = '.';
				while (n)
					out[o++] = tmp[--n];
				while (out[o - 1] == '0')   /* m may carry zeros (x * 10^k rounded) */
					o--;
				out[o] = 0;
				return o;
			}
		}
	}
	for (int prec = 15; prec <= 17; prec++) {
		int n = snprintf(out, cap, "%.*g", prec, x);
		if (prec == 17 || strtod(out, NULL) == x)
			return n;
	}
	return 0;
}

static void put_u64(jw *w, uint64_t v)
{
	char tmp[24];
	size_t n = sizeof tmp;
	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put(w, tmp + n, sizeof tmp - n);
}

static void put_num(jw *w, double x)
{
	char tmp[40];
	if (isnan(x))
		puts_(w, "{\"number\":\"NaN\"}");
	else if (isinf(x))
		puts_(w, x > 0 ? "{\"number\":\"Infinity\"}" : "{\"number\":\"-Infinity\"}");
	else if (x == 0 && signbit(x))
		puts_(w, "{\"number\":\"-0\"}");
	else
		put(w, tmp, (size_t)fmt_double(x, tmp, sizeof tmp));
}

/* ---- strings ---- */

static const char hexd[] = "0123456789ABCDEF";

static void put_b64(jw *w, const uint8_t *p, size_t n)
{
	size_t len = wr_b64_enc_len(n);
	putc_(w, '"');
	if (!w->oom && wr_buf_reserve(w->b, len))
		w->oom = 1;
	if (!w->oom) {
		wr_b64_encode(p, n, (char *)w->b->data + w->b->len);
		w->b->len += len;
	}
	putc_(w, '"');
}

/* JSON string for bytes known to be extended UTF-8. */
static void put_jstr(jw *w, const uint8_t *p, size_t n)
{
	size_t i = 0, run = 0;
	putc_(w, '"');
	while (i < n) {
		uint8_t c = p[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0xED) {
			i++;
			continue;
		}
		put(w, (const char *)p + run, i - run);
		if (c == 0xED) {
			/* ED A0..BF xx: a surrogate code unit -> \uDxxx escape */
			if (i + 2 < n && p[i + 1] >= 0xA0) {
				unsigned cp = 0xD000u | (unsigned)(p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F);
				char e[6] = { '\\', 'u', hexd[cp >> 12], hexd[(cp >> 8) & 15],
				              hexd[(cp >> 4) & 15], hexd[cp & 15] };
				put(w, e, 6);
				i += 3;
			} else {
				put(w, (const char *)p + i, 1);
				i++;
			}
		} else {
			char e[6] = { '\\', 0, 0, 0, 0, 0 };
			size_t el = 2;
			switch (c) {
			case '"': e[1] = '"'; break;
			case '\\': e[1] = '\\'; break;
			case '\n': e[1] = 'n'; break;
			case '\r': e[1] = 'r'; break;
			case '\t': e[1] = 't'; break;
			case '\b': e[1] = 'b'; break;
			case '\f': e[1] = 'f'; break;
			default:
				e[1] = 'u'; e[2] = '0'; e[3] = '0';
				e[4] = hexd[c >> 4]; e[5] = hexd[c & 15];
				el = 6;
			}
			put(w, e, el);
			i++;
		}
		run = i;
	}
	put(w, (const char *)p + run, n - run);
	putc_(w, '"');
}

/* A wr_str where a string is expected: "..." or {"raw":"base64"}. */
static void put_str(jw *w, wr_str s)
{
	const uint8_t *p = (const uint8_t *)s.ptr;
	uint32_t i = 0;
	while (i < s.len && p[i] < 0x80)
		i++;
	if (s.len == 0) {
		puts_(w, "\"\"");
	} else if (i == s.len || wr_utf8x_valid(p + i, s.len - i)) {
		put_jstr(w, p, s.len);
	} else {
		puts_(w, "{\"raw\":");
		put_b64(w, p, s.len);
		putc_(w, '}');
	}
}

/* ---- values ---- */

static int put_value(jw *w, const wr_value *v, wr_error *err)
{
	switch (v->type) {
	case WR_UNDEFINED: puts_(w, "{\"undefined\":true}"); break;
	case WR_NULL: puts_(w, "null"); break;
	case WR_FALSE: puts_(w, "false"); break;
	case WR_TRUE: puts_(w, "true"); break;
	case WR_NUMBER: put_num(w, v->u.num); break;
	case WR_STRING: put_str(w, v->u.str); break;
	case WR_REF: puts_(w, "{\"ref\":"); put_u64(w, v->u.ref); putc_(w, '}'); break;
	case WR_SYMBOL: puts_(w, "{\"symbol\":"); put_u64(w, v->u.ref); putc_(w, '}'); break;
	case WR_BUILTIN: puts_(w, "{\"builtin\":"); put_str(w, v->u.str); putc_(w, '}'); break;
	default:
		wr_err_set(err, "json write: value of unknown type %u", (unsigned)v->type);
		return -1;
	}
	return 0;
}

static int put_values(jw *w, const wr_value *v, uint32_t n, wr_error *err)
{
	putc_(w, '[');
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			putc_(w, ',');
		if (put_value(w, &v[i], err))
			return -1;
	}
	putc_(w, ']');
	return 0;
}

#define PF_DEFAULT (WR_PF_WRITABLE | WR_PF_ENUMERABLE | WR_PF_CONFIGURABLE)

static int put_prop(jw *w, const wr_prop *p, wr_error *err)
{
	putc_(w, '[');
	if (put_value(w, &p->key, err))
		return -1;
	putc_(w, ',');
	if (put_value(w, &p->value, err))
		return -1;
	if (p->flags != PF_DEFAULT || (p->flags & WR_PF_ACCESSOR)) {
		char f[8];
		size_t n = 0;
		f[n++] = ',';
		f[n++] = '"';
		if (p->flags & WR_PF_WRITABLE) f[n++] = 'w';
		if (p->flags & WR_PF_ENUMERABLE) f[n++] = 'e';
		if (p->flags & WR_PF_CONFIGURABLE) f[n++] = 'c';
		if (p->flags & WR_PF_ACCESSOR) f[n++] = 'a';
		f[n++] = '"';
		put(w, f, n);
		if (p->flags & ~(uint32_t)(PF_DEFAULT | WR_PF_ACCESSOR)) {
			wr_err_set(err, "json write: unknown property flags 0x%x", (unsigned)p->flags);
			return -1;
		}
		if (p->flags & WR_PF_ACCESSOR) {
			putc_(w, ',');
			if (put_value(w, &p->setter, err))
				return -1;
		}
	}
	putc_(w, ']');
	return 0;
}

static int put_props(jw *w, const wr_prop *p, uint32_t n, int indent, wr_error *err)
{
	putc_(w, '[');
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			putc_(w, ',');
		if (indent >= 0)
			nl(w, indent);
		if (put_prop(w, &p[i], err))
			return -1;
	}
	if (indent >= 0 && n)
		nl(w, indent - 1);
	putc_(w, ']');
	return 0;
}

static int put_object(jw *w, const wr_object *o, uint32_t id, wr_error *err)
{
	const char *kn = wr_kind_name(o->kind);
	if (!kn) {
		wr_err_set(err, "json write: object %u has unknown kind %u", (unsigned)id, (unsigned)o->kind);
		return -1;
	}
	if (o->flags & ~(uint32_t)WR_OF_ALL) {
		wr_err_set(err, "json write: object %u has unknown flags 0x%x", (unsigned)id, (unsigned)o->flags);
		return -1;
	}
	putc_(w, '{');
	if (w->pretty) {   /* ids are positions; spelled out for human readers */
		puts_(w, "\"id\":");
		put_u64(w, id);
		putc_(w, ',');
	}
	puts_(w, "\"kind\":\"");
	puts_(w, kn);
	putc_(w, '"');
	if (!(o->flags & WR_OF_EXTENSIBLE))
		puts_(w, ",\"extensible\":false");
	if (o->flags & WR_OF_ENV)
		puts_(w, ",\"env\":true");
	if (o->flags & WR_OF_SEALED)
		puts_(w, ",\"sealed\":true");
	if (o->flags & WR_OF_FROZEN)
		puts_(w, ",\"frozen\":true");
	if (o->flags & WR_OF_TRACEBACK)
		puts_(w, ",\"traceback\":true");
	puts_(w, ",\"proto\":");
	if (put_value(w, &o->proto, err))
		return -1;
	switch (o->kind) {
	case WR_OBJ_FUNCTION:
		puts_(w, ",\"site\":");
		put_u64(w, o->u.fn.site);
		puts_(w, ",\"scope\":");
		if (put_value(w, &o->u.fn.env, err))
			return -1;
		break;
	case WR_OBJ_BOUND:
		puts_(w, ",\"target\":");
		if (put_value(w, &o->u.bound.target, err))
			return -1;
		puts_(w, ",\"this\":");
		if (put_value(w, &o->u.bound.self, err))
			return -1;
		puts_(w, ",\"args\":");
		if (put_values(w, o->u.bound.args, o->u.bound.nargs, err))
			return -1;
		break;
	case WR_OBJ_DATE:
		puts_(w, ",\"time\":");
		put_num(w, o->u.num);
		break;
	case WR_OBJ_REGEXP:
		puts_(w, ",\"source\":");
		put_str(w, o->u.regexp.source);
		puts_(w, ",\"flags\":");
		put_str(w, o->u.regexp.flags);
		break;
	case WR_OBJ_ERROR:
	case WR_OBJ_OBJECT:
		if (o->kind == WR_OBJ_OBJECT && !(o->u.trace.has & WR_TR_FRAMES))
			break;
		puts_(w, o->u.trace.has & WR_TR_FRAMES ? ",\"frames\":" : ",\"stack\":");
		put_str(w, o->u.trace.stack);
		if (o->u.trace.has & WR_TR_FILE) {
			puts_(w, ",\"fileName\":");
			put_str(w, o->u.trace.file);
		}
		if (o->u.trace.has & WR_TR_LINE) {
			puts_(w, ",\"lineNumber\":");
			put_num(w, o->u.trace.line);
		}
		break;
	case WR_OBJ_BOOLEAN:
	case WR_OBJ_NUMBER:
	case WR_OBJ_STRING:
	case WR_OBJ_SYMBOL:
		puts_(w, ",\"value\":");
		if (put_value(w, &o->u.prim, err))
			return -1;
		break;
	case WR_OBJ_ARRAYBUFFER:
	case WR_OBJ_PLAINBUFFER:
		if (o->kind == WR_OBJ_ARRAYBUFFER && o->u.bytes.memory) {
			wr_value m = { WR_REF, { 0 } };
			m.u.ref = o->u.bytes.memory;
			puts_(w, ",\"memory\":");
			if (put_value(w, &m, err))
				return -1;
			puts_(w, ",\"length\":");
			put_u64(w, o->u.bytes.len);
			break;
		}
		if (o->u.bytes.len && !o->u.bytes.ptr) {
			wr_err_set(err, "json write: object %u has %u bytes without storage",
			           (unsigned)id, (unsigned)o->u.bytes.len);
			return -1;
		}
		puts_(w, ",\"bytes\":");
		put_b64(w, o->u.bytes.ptr, o->u.bytes.len);
		if (o->kind == WR_OBJ_PLAINBUFFER && o->u.bytes.dynamic)
			puts_(w, ",\"dynamic\":true");
		break;
	case WR_OBJ_TEXTDECODER:
		if (o->u.textdec.flags & WR_TD_FATAL)
			puts_(w, ",\"fatal\":true");
		if (o->u.textdec.flags & WR_TD_IGNORE_BOM)
			puts_(w, ",\"ignoreBOM\":true");
		break;
	case WR_OBJ_BUFFER:
	case WR_OBJ_TYPEDARRAY:
	case WR_OBJ_DATAVIEW:
		if (o->kind != WR_OBJ_DATAVIEW) {
			const char *en = wr_elem_name(o->u.view.elem);
			if (!en) {
				wr_err_set(err, "json write: object %u has unknown element type %u",
				           (unsigned)id, (unsigned)o->u.view.elem);
				return -1;
			}
			puts_(w, ",\"elem\":\"");
			puts_(w, en);
			putc_(w, '"');
		}
		puts_(w, ",\"buffer\":");
		if (put_value(w, &o->u.view.buffer, err))
			return -1;
		puts_(w, ",\"offset\":");
		put_u64(w, o->u.view.offset);
		puts_(w, ",\"length\":");
		put_u64(w, o->u.view.length);
		break;
	default:
		break;
	}
	puts_(w, ",\"props\":");
	if (put_props(w, o->props, o->nprops, -1, err))
		return -1;
	putc_(w, '}');
	return 0;
}

static void put_created_utc(jw *w, double ms)
{
	if (!(ms >= 0 && ms < 253402300800000.0))   /* year 10000 */
		return;
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	char tmp[64];
	if (!gmtime_r(&t, &tm))
		return;
	int n = snprintf(tmp, sizeof tmp, ",\"created_utc\":\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"",
	                 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	                 tm.tm_min, tm.tm_sec, (int)fmod(ms, 1000.0));
	put(w, tmp, (size_t)n);
}

int wr_json_write(const wr_snapshot *s, wr_buf *out, int pretty, wr_error *err)
{
	jw w = { out, pretty, 0 };
	size_t start = out->len;
	char hex[65];

	for (int i = 0; i < 32; i++) {
		hex[2 * i] = hexd[s->hash[i] >> 4] | 0x20;   /* lower case */
		hex[2 * i + 1] = hexd[s->hash[i] & 15] | 0x20;
	}
	hex[64] = '\0';
	putc_(&w, '{');
	nl(&w, 1);
	puts_(&w, "\"format\":\"ferry-snapshot\",");
	nl(&w, 1);
	puts_(&w, "\"version\":");
	put_u64(&w, s->version);
	putc_(&w, ',');
	nl(&w, 1);
	puts_(&w, "\"hash\":\"");
	puts_(&w, hex);
	puts_(&w, "\",");
	nl(&w, 1);
	puts_(&w, "\"created\":");
	put_num(&w, s->created);
	put_created_utc(&w, s->created);
	putc_(&w, ',');
	nl(&w, 1);
	puts_(&w, "\"next_timer_id\":");
	put_num(&w, s->next_timer_id);
	puts_(&w, ",\"next_seq\":");
	put_u64(&w, s->next_seq);
	if (s->loop_phase || s->phase_seq) {
		puts_(&w, ",\"loop_phase\":");
		put_u64(&w, s->loop_phase);
		puts_(&w, ",\"phase_seq\":");
		put_u64(&w, s->phase_seq);
	}
	putc_(&w, ',');
	nl(&w, 1);

	puts_(&w, "\"globals\":");
	if (put_props(&w, s->globals, s->nglobals, pretty ? 2 : -1, err))
		goto fail;
	putc_(&w, ',');
	nl(&w, 1);

	puts_(&w, "\"symbols\":[");
	for (uint32_t i = 0; i < s->nsymbols; i++) {
		const wr_symbol *y = &s->symbols[i];
		const char *kn = wr_symkind_name(y->kind);
		if (!kn) {
			wr_err_set(err, "json write: symbol %u has unknown kind %u", (unsigned)i + 1, (unsigned)y->kind);
			goto fail;
		}
		if (i)
			putc_(&w, ',');
		nl(&w, 2);
		puts_(&w, "{\"kind\":\"");
		puts_(&w, kn);
		putc_(&w, '"');
		if (y->has_desc) {
			puts_(&w, ",\"desc\":");
			put_str(&w, y->desc);
		}
		putc_(&w, '}');
	}
	if (s->nsymbols)
		nl(&w, 1);
	puts_(&w, "],");
	nl(&w, 1);

	puts_(&w, "\"objects\":[");
	for (uint32_t i = 0; i < s->nobjects; i++) {
		if (i)
			putc_(&w, ',');
		nl(&w, 2);
		if (put_object(&w, &s->objects[i], i + 1, err))
			goto fail;
	}
	if (s->nobjects)
		nl(&w, 1);
	puts_(&w, "],");
	nl(&w, 1);

	puts_(&w, "\"timers\":[");
	for (uint32_t i = 0; i < s->ntimers; i++) {
		const wr_timer *t = &s->timers[i];
		const char *kn = wr_tkind_name(t->kind);
		if (!kn) {
			wr_err_set(err, "json write: timer %u has unknown kind %u", (unsigned)i, (unsigned)t->kind);
			goto fail;
		}
		if (i)
			putc_(&w, ',');
		nl(&w, 2);
		puts_(&w, "{\"kind\":\"");
		puts_(&w, kn);
		puts_(&w, "\",\"id\":");
		put_num(&w, t->id);
		puts_(&w, ",\"remaining\":");
		put_num(&w, t->remaining);
		puts_(&w, ",\"period\":");
		put_num(&w, t->period);
		puts_(&w, ",\"seq\":");
		put_u64(&w, t->seq);
		puts_(&w, ",\"callback\":");
		if (put_value(&w, &t->callback, err))
			goto fail;
		puts_(&w, ",\"args\":");
		if (put_values(&w, t->args, t->nargs, err))
			goto fail;
		putc_(&w, '}');
	}
	if (s->ntimers)
		nl(&w, 1);
	puts_(&w, "],");
	nl(&w, 1);

	puts_(&w, "\"patches\":[");
	for (uint32_t i = 0; i < s->npatches; i++) {
		const wr_patch *p = &s->patches[i];
		if (i)
			putc_(&w, ',');
		nl(&w, 2);
		puts_(&w, "{\"holder\":");
		put_str(&w, p->holder);
		if (p->integrity) {
			static const char *const level[] = { "", "nonextensible", "sealed", "frozen" };
			if (p->integrity < WR_INTEGRITY_NONEXT || p->integrity > WR_INTEGRITY_FROZEN) {
				wr_err_set(err, "json write: patch %u: bad integrity %d", (unsigned)i,
				           p->integrity);
				goto fail;
			}
			puts_(&w, ",\"integrity\":\"");
			puts_(&w, level[p->integrity]);
			puts_(&w, "\"}");
			continue;
		}
		if (p->deleted)
			puts_(&w, ",\"deleted\":true");
		puts_(&w, ",\"prop\":");
		if (put_prop(&w, &p->prop, err))
			goto fail;
		putc_(&w, '}');
	}
	if (s->npatches)
		nl(&w, 1);
	putc_(&w, ']');
	nl(&w, 0);
	putc_(&w, '}');
	if (pretty)
		putc_(&w, '\n');
	if (w.oom) {
		wr_err_set(err, "json write: out of memory");
		goto fail;
	}
	return 0;
fail:
	out->len = start;
	return -1;
}
