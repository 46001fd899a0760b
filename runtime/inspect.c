/*
 * runtime/inspect.c -- how console.log shows values: Node's util.format and
 * util.inspect (lib/internal/util/inspect.js of Node v20, default options:
 * depth 2, breakLength 80, compact 3, maxArrayLength 100, maxStringLength
 * 10000), ported so that a program prints under Ferry what it prints under
 * `node app.js` (runtime/ferry-app.1, CONSOLE OUTPUT). The functions keep
 * Node's names (formatValue -> fmt_value, formatRaw -> fmt_raw, ...) so the
 * two can be read side by side.
 *
 * Node composes strings: every object formats its entries, then
 * reduceToSingleString puts them on one line ({ a: 1 }) when they are short
 * (breakLength 80) and not nested deeper than compact (3) levels, groups
 * arrays of more than 6 short items into aligned columns, and else puts
 * one entry per line, indented by two spaces a level. Here every entry is
 * written into one output buffer, its start offset pushed on an entry
 * stack; when an object's entries are done, its final text is assembled
 * after them and moved down to where the object began. Lengths are counted
 * as JavaScript counts them (UTF-16 units), column widths as terminals do
 * (East Asian wide characters take two columns).
 *
 * Left out, because ES5 programs on Duktape cannot meet them: custom
 * inspect functions (Symbol.for('nodejs.util.inspect.custom')), Map, Set,
 * Promise, proxies, classes, Symbol.toStringTag; for %o (showHidden) the
 * prototype properties of user classes. Only own enumerable properties are
 * shown (with %o also non-enumerable ones, as [key]); getters are never
 * called.
 *
 * Everything lives in buffers on the value stack, so an error thrown half
 * way (out of memory, a throwing toString for %s) leaks nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "runtime/rt_core.h"

#define RT_BREAK_LENGTH 80
#define RT_COMPACT 3
#define RT_MAX_ARRAY 100
#define RT_MAX_STRING 10000
#define RT_MIN_LINE 16          /* kMinLineLength */
#define RT_INSPECT_MAX_PATH 64  /* objects being shown at once (depth <= 4 in practice) */
#define RT_INSPECT_SCAN 1024    /* holes looked at one by one before the indices are listed */

enum { K_OBJECT, K_ARRAY, K_ARRAY_EXTRAS };   /* kObjectType, kArrayType, kArrayExtrasType */

typedef struct rt_fmt {
	duk_context *ctx;
	duk_idx_t    buf;     /* output: dynamic buffer */
	char        *data;    /* its bytes (moved only by a resize) */
	size_t       len, cap;
	duk_idx_t    ents;    /* entry start offsets (size_t), a stack shared by all levels */
	size_t      *ent;
	size_t       nents, ent_cap;
	duk_idx_t    circ;    /* heap pointers numbered by [Circular *n]: n - 1 */
	size_t       ncirc;
	void        *seen[RT_INSPECT_MAX_PATH];
	int          nseen;
	int          indent;      /* ctx.indentationLvl */
	int          cur_depth;   /* ctx.currentDepth */
	int          depth;       /* ctx.depth */
	int          hidden;      /* ctx.showHidden (%o) */
} rt_fmt;

/* ---- buffers ---- */

static char *fmt_reserve(rt_fmt *f, size_t n)
{
	if (f->len + n > f->cap) {
		size_t ncap = f->cap ? f->cap * 2 : 128;
		while (ncap < f->len + n)
			ncap *= 2;
		f->data = duk_resize_buffer(f->ctx, f->buf, ncap);
		f->cap = ncap;
	}
	return f->data;
}

static void put(rt_fmt *f, const char *p, size_t n)
{
	char *d;
	if (n == 0)
		return;   /* also: an empty buffer has no data pointer */
	d = fmt_reserve(f, n);
	memcpy(d + f->len, p, n);
	f->len += n;
}

static void puts_(rt_fmt *f, const char *s) { put(f, s, strlen(s)); }

static void put_spaces(rt_fmt *f, size_t n)
{
	char *d;
	if (n == 0)
		return;
	d = fmt_reserve(f, n);
	memset(d + f->len, ' ', n);
	f->len += n;
}

/* append a copy of the output's own bytes [off, off + n) */
static void put_self(rt_fmt *f, size_t off, size_t n)
{
	char *d;
	if (n == 0)
		return;
	d = fmt_reserve(f, n);
	memcpy(d + f->len, d + off, n);
	f->len += n;
}

static const char *out_at(rt_fmt *f, size_t off)
{
	return f->data + off;
}

/* the bytes [from, len) replace [to, len) */
static void move_down(rt_fmt *f, size_t to, size_t from)
{
	if (to == from)
		return;
	memmove(f->data + to, f->data + from, f->len - from);
	f->len -= from - to;
}

/* a dynamic buffer in the slot idx (undefined until first used) */
static void *slot_reserve(duk_context *ctx, duk_idx_t idx, size_t bytes)
{
	duk_size_t cap;
	void *d;

	if (!duk_is_buffer(ctx, idx)) {
		duk_push_dynamic_buffer(ctx, 0);
		duk_replace(ctx, idx);
	}
	d = duk_get_buffer(ctx, idx, &cap);
	if (bytes > cap) {
		size_t ncap = cap ? cap * 2 : 256;
		while (ncap < bytes)
			ncap *= 2;
		d = duk_resize_buffer(ctx, idx, ncap);
	}
	return d;
}

static void ent_push(rt_fmt *f, size_t off)
{
	if (f->nents == f->ent_cap) {
		f->ent = slot_reserve(f->ctx, f->ents, (f->nents + 1) * sizeof *f->ent);
		f->ent_cap = duk_get_length(f->ctx, f->ents) / sizeof *f->ent;
	}
	f->ent[f->nents++] = off;
}

static size_t *ents(rt_fmt *f)
{
	return f->ent;
}

/* ---- text measures ---- */

/* a JavaScript string's length: UTF-16 units (Duktape keeps CESU-8) */
static size_t u16len(const char *s, size_t n)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xC0) != 0x80)
			k += c >= 0xF0 ? 2 : 1;
	}
	return k;
}

/* decode one code point at s (n > 0 bytes); *adv bytes used */
static unsigned long cp_at(const unsigned char *s, size_t n, size_t *adv)
{
	unsigned long c = s[0];
	size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, i;

	if (k > n || c < 0xC0)
		k = 1;
	if (k == 1) {
		*adv = 1;
		return c;
	}
	c &= 0x3F >> (k - 1);
	for (i = 1; i < k; i++)
		c = (c << 6) | (s[i] & 0x3F);
	*adv = k;
	/* a CESU-8 surrogate pair */
	if (c >= 0xD800 && c <= 0xDBFF && n >= 6 && s[3] == 0xED && s[4] >= 0xB0 && s[4] <= 0xBF) {
		unsigned long lo = 0xD000 | ((unsigned long)(s[4] & 0x3F) << 6) | (s[5] & 0x3F);
		*adv = 6;
		return 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
	}
	return c;
}

/* Node's isFullWidthCodePoint (EastAsianWidth W and F) */
static int cp_full(unsigned long c)
{
	return c >= 0x1100 && (c <= 0x115f || c == 0x2329 || c == 0x232a ||
		(c >= 0x2e80 && c <= 0x3247 && c != 0x303f) || (c >= 0x3250 && c <= 0x4dbf) ||
		(c >= 0x4e00 && c <= 0xa4c6) || (c >= 0xa960 && c <= 0xa97c) ||
		(c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
		(c >= 0xfe10 && c <= 0xfe19) || (c >= 0xfe30 && c <= 0xfe6b) ||
		(c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
		(c >= 0x1b000 && c <= 0x1b001) || (c >= 0x1f200 && c <= 0x1f251) ||
		(c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x20000 && c <= 0x3fffd));
}

static int cp_zero(unsigned long c)
{
	return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || (c >= 0x300 && c <= 0x36F) ||
		(c >= 0x200B && c <= 0x200F) || (c >= 0x20D0 && c <= 0x20FF) ||
		(c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) ||
		(c >= 0xE0100 && c <= 0xE01EF);
}

/* getStringWidth: the columns a terminal gives the text */
static size_t str_width(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, w = 0, adv;

	while (i < n) {
		unsigned long c;
		if (p[i] < 0x80) {
			w += p[i] >= 32;
			i++;
			continue;
		}
		c = cp_at(p + i, n - i, &adv);
		i += adv;
		w += cp_full(c) ? 2 : cp_zero(c) ? 0 : 1;
	}
	return w;
}

/* ---- primitives ---- */

static void fmt_number(rt_fmt *f, double d)
{
	duk_context *ctx = f->ctx;
	if (d == 0 && signbit(d)) {
		puts_(f, "-0");
		return;
	}
	duk_push_number(ctx, d);
	puts_(f, duk_to_string(ctx, -1));
	duk_pop(ctx);
}

static int has_bytes(const char *s, size_t n, const char *what)
{
	size_t k = strlen(what), i;
	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, what, k) == 0)
			return 1;
	return 0;
}

/* strEscape: quoted with '..' (or ".." if the text has a ', or `..` if it
 * has both and no ` or ${), control characters, C1 controls, the backslash,
 * the quote and lone surrogates escaped. quotes 0: only escape (keys of
 * symbols), no quotes, ' escaped. */
static void str_escape(rt_fmt *f, const char *s, size_t n, int quotes)
{
	static const char hex[] = "0123456789ABCDEF", lhex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	char q = '\'';
	size_t i, last = 0;

	if (quotes && memchr(s, '\'', n)) {
		if (!memchr(s, '"', n))
			q = '"';
		else if (!memchr(s, '`', n) && !has_bytes(s, n, "${"))
			q = '`';
	}
	if (quotes)
		put(f, &q, 1);
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];
		char e[8];
		size_t en = 0, skip = 1;

		if (c < 0x20 || c == 0x7f) {
			switch (c) {
			case '\b': memcpy(e, "\\b", 2); en = 2; break;
			case '\t': memcpy(e, "\\t", 2); en = 2; break;
			case '\n': memcpy(e, "\\n", 2); en = 2; break;
			case '\f': memcpy(e, "\\f", 2); en = 2; break;
			case '\r': memcpy(e, "\\r", 2); en = 2; break;
			default:
				e[0] = '\\'; e[1] = 'x'; e[2] = hex[c >> 4]; e[3] = hex[c & 15]; en = 4;
			}
		} else if (c == '\\') {
			memcpy(e, "\\\\", 2); en = 2;
		} else if (c == '\'' && q == '\'') {
			memcpy(e, "\\'", 2); en = 2;
		} else if (c == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
			e[0] = '\\'; e[1] = 'x'; e[2] = hex[p[i + 1] >> 4]; e[3] = hex[p[i + 1] & 15];
			en = 4; skip = 2;
		} else if (c == 0xED && i + 2 < n && p[i + 1] >= 0xA0 && p[i + 1] <= 0xBF) {
			unsigned u = 0xD000 | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
			if (u <= 0xDBFF && i + 5 < n && p[i + 3] == 0xED && p[i + 4] >= 0xB0 &&
			    p[i + 4] <= 0xBF) {
				i += 5;   /* a pair: kept */
				continue;
			}
			e[0] = '\\'; e[1] = 'u';
			e[2] = lhex[(u >> 12) & 15]; e[3] = lhex[(u >> 8) & 15];
			e[4] = lhex[(u >> 4) & 15]; e[5] = lhex[u & 15];
			en = 6; skip = 3;
		}
		if (!en)
			continue;
		put(f, s + last, i - last);
		put(f, e, en);
		i += skip - 1;
		last = i + 1;
	}
	put(f, s + last, n - last);
	if (quotes)
		put(f, &q, 1);
}

/* the byte offset of UTF-16 unit k in s (k <= its length) */
static size_t u16_offset(const char *s, size_t n, size_t k)
{
	size_t i = 0;
	while (i < n && k > 0) {
		unsigned char c = (unsigned char)s[i];
		size_t units = c >= 0xF0 ? 2 : 1, adv = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (units > k)
			break;
		k -= units;
		i += adv;
	}
	return i < n ? i : n;
}

/* formatPrimitive for a string: quoted; longer than maxStringLength is cut;
 * longer than a line is split after each newline into 'a\n' + 'b' */
static void fmt_string(rt_fmt *f, const char *s, size_t n)
{
	size_t len = u16len(s, n), more = 0;

	if (len > RT_MAX_STRING) {
		more = len - RT_MAX_STRING;
		n = u16_offset(s, n, RT_MAX_STRING);
		len = RT_MAX_STRING;
	}
	if (len > RT_MIN_LINE && (long)len > (long)RT_BREAK_LENGTH - f->indent - 4) {
		size_t i = 0;
		while (i < n) {
			const char *nl = memchr(s + i, '\n', n - i);
			size_t e = nl ? (size_t)(nl - s) + 1 : n;
			if (i > 0) {
				puts_(f, " +\n");
				put_spaces(f, (size_t)f->indent + 2);
			}
			str_escape(f, s + i, e - i, 1);
			i = e;
		}
		if (n == 0)
			str_escape(f, s, 0, 1);
	} else {
		str_escape(f, s, n, 1);
	}
	if (more) {
		char t[64];
		snprintf(t, sizeof t, "... %lu more character%s", (unsigned long)more, more > 1 ? "s" : "");
		puts_(f, t);
	}
}

/* push String(v) for a symbol at idx */
static void push_symbol_text(duk_context *ctx, duk_idx_t idx)
{
	idx = duk_normalize_index(ctx, idx);
	duk_get_global_string(ctx, "String");
	duk_dup(ctx, idx);
	duk_call(ctx, 1);
}

static void fmt_primitive(rt_fmt *f, duk_idx_t idx)
{
	duk_context *ctx = f->ctx;
	switch (duk_get_type(ctx, idx)) {
	case DUK_TYPE_UNDEFINED: puts_(f, "undefined"); break;
	case DUK_TYPE_NULL: puts_(f, "null"); break;
	case DUK_TYPE_BOOLEAN: puts_(f, duk_get_boolean(ctx, idx) ? "true" : "false"); break;
	case DUK_TYPE_NUMBER: fmt_number(f, duk_get_number(ctx, idx)); break;
	case DUK_TYPE_STRING:
		if (duk_is_symbol(ctx, idx)) {
			push_symbol_text(ctx, idx);
			puts_(f, duk_get_string(ctx, -1));
			duk_pop(ctx);
		} else {
			duk_size_t n;
			const char *s = duk_get_lstring(ctx, idx, &n);
			fmt_string(f, s, n);
		}
		break;
	case DUK_TYPE_LIGHTFUNC: puts_(f, "[Function: lightfunc]"); break;
	case DUK_TYPE_BUFFER: puts_(f, "[Buffer]"); break;
	case DUK_TYPE_POINTER: puts_(f, "[Pointer]"); break;
	default: puts_(f, "[unknown]"); break;
	}
}

/* ---- object helpers ---- */

/* the descriptor on the stack top without its prototype: fields inherited
 * from Object.prototype ("get", "value"...) must not be read as its own */
static void desc_own_only(duk_context *ctx)
{
	if (!duk_is_object(ctx, -1))
		return;
	duk_push_undefined(ctx);
	duk_set_prototype(ctx, -2);
}

/* push Object.prototype.toString.call(v) (the original one) */
static void push_class(duk_context *ctx, duk_idx_t idx)
{
	idx = duk_normalize_index(ctx, idx);
	duk_push_global_stash(ctx);
	duk_get_prop_string(ctx, -1, "ferry.toString");
	duk_remove(ctx, -2);
	duk_dup(ctx, idx);
	duk_call_method(ctx, 0);
}

/* Push an own data property's value without running getters; undefined
 * when absent or an accessor. */
static void get_own_data(duk_context *ctx, duk_idx_t obj, const char *key)
{
	obj = duk_normalize_index(ctx, obj);
	if (!duk_is_object(ctx, obj)) {
		duk_push_undefined(ctx);
		return;
	}
	duk_push_string(ctx, key);
	if (!duk_has_prop(ctx, obj)) {       /* cheap miss (inherited: checked below) */
		duk_push_undefined(ctx);
		return;
	}
	duk_push_string(ctx, key);
	duk_get_prop_desc(ctx, obj, 0);      /* undefined if not own */
	desc_own_only(ctx);
	if (duk_is_object(ctx, -1))
		duk_get_prop_string(ctx, -1, "value");
	else
		duk_push_undefined(ctx);
	duk_remove(ctx, -2);
}

/* obj instanceof fn, for an ordinary function (Node's isInstanceof: a
 * prototype that is not an object means no) */
static int is_instance(duk_context *ctx, duk_idx_t obj, duk_idx_t fn)
{
	int guard = 0, r = 0;
	obj = duk_normalize_index(ctx, obj);
	fn = duk_normalize_index(ctx, fn);
	duk_get_prop_string(ctx, fn, "prototype");
	if (!duk_is_object(ctx, -1)) {
		duk_pop(ctx);
		return 0;
	}
	duk_get_prototype(ctx, obj);
	while (duk_is_object(ctx, -1) && guard++ < 10000) {
		if (duk_get_heapptr(ctx, -1) == duk_get_heapptr(ctx, -2)) {
			r = 1;
			break;
		}
		duk_get_prototype(ctx, -1);
		duk_remove(ctx, -2);
	}
	duk_pop_2(ctx);
	return r;
}

/* the name of X in "[object X]" at idx, pushed */
static void push_class_name(duk_context *ctx, duk_idx_t idx)
{
	const char *c;
	push_class(ctx, idx);
	c = duk_get_string(ctx, -1);
	if (c && strlen(c) > 9)
		duk_push_lstring(ctx, c + 8, strlen(c) - 9);
	else
		duk_push_string(ctx, "Object");
	duk_remove(ctx, -2);
}

static void fmt_value(rt_fmt *f, duk_idx_t idx, int recurse);

/* getConstructorName: push the name, or null for a null prototype */
static void push_ctor_name(rt_fmt *f, duk_idx_t idx, int recurse)
{
	duk_context *ctx = f->ctx;
	int guard = 0, have_first = 0;
	duk_idx_t first;

	idx = duk_normalize_index(ctx, idx);
	duk_push_undefined(ctx);            /* firstProto */
	first = duk_get_top_index(ctx);
	duk_dup(ctx, idx);                  /* obj */
	while (duk_is_object(ctx, -1) && guard++ < 10000) {
		get_own_data(ctx, -1, "constructor");
		if (duk_is_function(ctx, -1)) {
			duk_get_prop_string(ctx, -1, "name");
			if (!(duk_is_string(ctx, -1) && duk_get_length(ctx, -1) == 0) &&
			    is_instance(ctx, idx, -2)) {
				duk_to_string(ctx, -1);
				duk_replace(ctx, first);
				duk_pop_2(ctx);
				return;
			}
			duk_pop(ctx);
		}
		duk_pop(ctx);
		duk_get_prototype(ctx, -1);
		duk_remove(ctx, -2);
		if (!have_first) {
			duk_dup_top(ctx);
			duk_replace(ctx, first);
			have_first = 1;
		}
	}
	duk_pop(ctx);
	if (!duk_is_object(ctx, first)) {
		duk_pop(ctx);
		duk_push_null(ctx);
		return;
	}
	push_class_name(ctx, idx);          /* [ first res ] */
	if (recurse > f->depth) {
		duk_push_string(ctx, " <Complex prototype>");
		duk_concat(ctx, 2);
	} else {
		duk_push_string(ctx, " <");
		push_ctor_name(f, first, recurse + 1);
		if (duk_is_null(ctx, -1)) {
			/* inspect(firstProto, { depth: -1 }) */
			rt_fmt g = *f;
			size_t start = f->len;
			duk_pop(ctx);
			f->depth = -1;
			f->indent = 0;
			f->nseen = 0;
			fmt_value(f, first, 0);
			duk_push_lstring(ctx, out_at(f, start), f->len - start);
			f->len = start;
			f->depth = g.depth;
			f->indent = g.indent;
			f->nseen = g.nseen;
			f->cur_depth = g.cur_depth;
			memcpy(f->seen, g.seen, sizeof f->seen);
		}
		duk_push_string(ctx, ">");
		duk_concat(ctx, 4);
	}
	duk_replace(ctx, first);
}

/* getPrefix(constructor, tag '', fallback, size) */
static void push_prefix(duk_context *ctx, duk_idx_t ctor, const char *fallback, const char *size)
{
	if (duk_is_null(ctx, ctor))
		duk_push_sprintf(ctx, "[%s%s: null prototype] ", fallback, size);
	else
		duk_push_sprintf(ctx, "%s%s ", duk_get_string(ctx, ctor), size);
}

/* getCtxStyle(value, constructor, '') */
static void push_ctx_style(duk_context *ctx, duk_idx_t obj, duk_idx_t ctor)
{
	if (duk_is_null(ctx, ctor)) {
		push_class_name(ctx, obj);
		duk_push_sprintf(ctx, "[%s: null prototype] ", duk_get_string(ctx, -1));
		duk_remove(ctx, -2);
	} else {
		duk_push_sprintf(ctx, "%s ", duk_get_string(ctx, ctor));
	}
}

static int is_index_key(const char *s, size_t n)
{
	size_t i;
	unsigned long long v = 0;
	if (n == 0 || n > 10 || (n > 1 && s[0] == '0'))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v <= 4294967294ull;
}

/* The keys to show, pushed one a slot: strings first, then symbols (as
 * Object.keys, then the enumerable symbols); array indices left out when
 * skip_index; with hidden (showHidden) non-enumerable ones too. (Slots, not
 * an array: cheaper, and console.log is often on a hot path.) */
typedef struct rt_keys {
	duk_idx_t  base;
	duk_size_t n;
} rt_keys;

static void push_keys(rt_fmt *f, duk_idx_t obj, int skip_index, rt_keys *k)
{
	duk_context *ctx = f->ctx;
	duk_idx_t syms = 0;
	duk_uint_t flags = DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_SYMBOLS |
	                   DUK_ENUM_NO_PROXY_BEHAVIOR;

	if (f->hidden)
		flags |= DUK_ENUM_INCLUDE_NONENUMERABLE;
	obj = duk_normalize_index(ctx, obj);
	duk_enum(ctx, obj, flags);
	k->base = duk_get_top(ctx);   /* the enumerator is at base - 1 until the end */
	k->n = 0;
	for (;;) {
		if ((k->n & 31) == 0)
			duk_require_stack(ctx, 40);
		if (!duk_next(ctx, k->base - 1, 0))
			break;
		if (duk_is_symbol(ctx, -1)) {
			if (!syms) {
				duk_push_bare_array(ctx);
				duk_insert(ctx, k->base - 1);
				syms = k->base - 1;
				k->base++;
			}
			duk_put_prop_index(ctx, syms, (duk_uarridx_t)duk_get_length(ctx, syms));
			continue;
		}
		if (skip_index) {
			duk_size_t kn;
			const char *s = duk_get_lstring(ctx, -1, &kn);
			if (is_index_key(s, kn)) {
				duk_pop(ctx);
				continue;
			}
		}
		k->n++;
	}
	duk_remove(ctx, k->base - 1);   /* the enumerator */
	k->base--;
	if (syms) {
		duk_size_t i, m = duk_get_length(ctx, syms);
		duk_require_stack(ctx, (duk_idx_t)m + 1);
		for (i = 0; i < m; i++)
			duk_get_prop_index(ctx, syms, (duk_uarridx_t)i);
		k->n += m;
		duk_remove(ctx, syms);
		k->base--;
	}
}

static int keys_have(duk_context *ctx, const rt_keys *k, const char *name, duk_size_t *at)
{
	duk_size_t i;
	for (i = 0; i < k->n; i++) {
		duk_idx_t x = k->base + (duk_idx_t)i;
		if (!duk_is_symbol(ctx, x) && strcmp(duk_get_string(ctx, x), name) == 0) {
			if (at)
				*at = i;
			return 1;
		}
	}
	return 0;
}

/* (everything above the keys moves down or up one slot) */
static void keys_remove(duk_context *ctx, rt_keys *k, duk_size_t at)
{
	duk_remove(ctx, k->base + (duk_idx_t)at);
	k->n--;
}

static void keys_add(duk_context *ctx, rt_keys *k, const char *name, int front)
{
	duk_push_string(ctx, name);
	duk_insert(ctx, k->base + (front ? 0 : (duk_idx_t)k->n));
	k->n++;
}

/* ---- properties ---- */

/* formatProperty: the value (K_ARRAY) or "key: value" of key (a value on the
 * stack) of obj */
static void fmt_property(rt_fmt *f, duk_idx_t obj, int recurse, duk_idx_t key, int type)
{
	duk_context *ctx = f->ctx;
	int enumerable = 1;

	obj = duk_normalize_index(ctx, obj);
	key = duk_normalize_index(ctx, key);
	duk_dup(ctx, key);
	duk_get_prop_desc(ctx, obj, 0);
	desc_own_only(ctx);
	if (duk_is_object(ctx, -1)) {
		duk_get_prop_string(ctx, -1, "enumerable");
		enumerable = duk_to_boolean(ctx, -1);
		duk_pop(ctx);
	} else {
		/* not an own property (DataView's byteLength...): its value */
		duk_pop(ctx);
		duk_push_bare_object(ctx);
		duk_dup(ctx, key);
		duk_get_prop(ctx, obj);
		duk_put_prop_string(ctx, -2, "value");
	}
	if (type != K_ARRAY) {
		if (duk_is_symbol(ctx, key)) {
			push_symbol_text(ctx, key);
			puts_(f, "[");
			{
				duk_size_t n;
				const char *s = duk_get_lstring(ctx, -1, &n);
				str_escape(f, s, n, 0);
			}
			puts_(f, "]");
			duk_pop(ctx);
		} else {
			duk_size_t n, i;
			const char *s = duk_get_lstring(ctx, key, &n);
			int ident = n > 0;
			for (i = 0; ident && i < n; i++) {
				unsigned char c = (unsigned char)s[i];
				ident = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
				        (i > 0 && c >= '0' && c <= '9');
			}
			if (n == 9 && memcmp(s, "__proto__", 9) == 0) {
				puts_(f, "['__proto__']");
			} else if (!enumerable) {
				puts_(f, "[");
				str_escape(f, s, n, 0);
				puts_(f, "]");
			} else if (ident) {
				put(f, s, n);
			} else {
				str_escape(f, s, n, 1);
			}
		}
		puts_(f, ": ");
	}
	duk_get_prop_string(ctx, -1, "value");
	if (!duk_is_undefined(ctx, -1)) {
		f->indent += 2;
		fmt_value(f, -1, recurse);
		f->indent -= 2;
	} else {
		int g, s;
		duk_get_prop_string(ctx, -2, "get");
		g = !duk_is_undefined(ctx, -1);
		duk_get_prop_string(ctx, -3, "set");
		s = !duk_is_undefined(ctx, -1);
		duk_pop_2(ctx);
		puts_(f, g && s ? "[Getter/Setter]" : g ? "[Getter]" : s ? "[Setter]" : "undefined");
	}
	duk_pop_2(ctx);   /* value, desc */
}

/* the keys as entries */
static void fmt_keys(rt_fmt *f, duk_idx_t obj, const rt_keys *k, int recurse, int type)
{
	duk_size_t i;
	for (i = 0; i < k->n; i++) {
		ent_push(f, f->len);
		fmt_property(f, obj, recurse, k->base + (duk_idx_t)i, type);
	}
}

static int cmp_index(const void *a, const void *b)
{
	duk_uint32_t x = *(const duk_uint32_t *)a, y = *(const duk_uint32_t *)b;
	return (x > y) - (x < y);
}

/* The array indices obj has or inherits, sorted, in a buffer pushed on the
 * stack: *n of them. (Enumerating makes a string per index: done once per
 * array, when a run of holes is long.) */
static duk_uint32_t *present_indices(duk_context *ctx, duk_idx_t obj, duk_size_t *n)
{
	const duk_uint_t flags = DUK_ENUM_ARRAY_INDICES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE;
	duk_size_t cnt = 0, k = 0;
	duk_uint32_t *ix;

	duk_enum(ctx, obj, flags);
	while (duk_next(ctx, -1, 0)) {
		cnt++;
		duk_pop(ctx);
	}
	duk_pop(ctx);
	ix = duk_push_fixed_buffer(ctx, cnt * sizeof *ix);
	duk_enum(ctx, obj, flags);
	while (k < cnt && duk_next(ctx, -1, 0)) {
		ix[k++] = (duk_uint32_t)strtoul(duk_get_string(ctx, -1), NULL, 10);
		duk_pop(ctx);
	}
	duk_pop(ctx);
	qsort(ix, k, sizeof *ix, cmp_index);
	*n = k;
	return ix;
}

/* the first index >= i that obj has (or inherits), or len: one by one for
 * a short run of holes, else from the sorted list of its indices (an
 * array's length can be 2^32 - 1 with nothing in it); ix and nix hold the
 * list once made (its buffer stays on the stack until the array is done) */
static duk_size_t next_present(duk_context *ctx, duk_idx_t obj, duk_size_t i, duk_size_t len,
                               duk_uint32_t **ix, duk_size_t *nix)
{
	duk_size_t stop = len - i > RT_INSPECT_SCAN ? i + RT_INSPECT_SCAN : len, lo, hi;

	for (; i < stop; i++)
		if (duk_has_prop_index(ctx, obj, (duk_uarridx_t)i))
			return i;
	if (i == len)
		return len;
	if (!*ix)
		*ix = present_indices(ctx, obj, nix);
	lo = 0;
	hi = *nix;
	while (lo < hi) {   /* the first listed index >= i */
		duk_size_t mid = lo + (hi - lo) / 2;
		if ((*ix)[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < *nix && (*ix)[lo] < len; lo++)
		if (duk_has_prop_index(ctx, obj, (*ix)[lo]))
			return (*ix)[lo];
	return len;
}

static void put_count(rt_fmt *f, const char *fmt, unsigned long n)
{
	char t[80];
	snprintf(t, sizeof t, fmt, n, n > 1 ? "s" : "");
	puts_(f, t);
}

/* formatArray and formatSpecialArray: the items as entries (holes as
 * <N empty items>, at most maxArrayLength entries, then ... N more items) */
static void fmt_array_items(rt_fmt *f, duk_idx_t obj, int recurse, duk_size_t len)
{
	duk_context *ctx = f->ctx;
	duk_size_t max = len < RT_MAX_ARRAY ? len : RT_MAX_ARRAY, out = 0, index = 0, nix = 0;
	duk_uint32_t *ix = NULL;

	while (out < max) {
		duk_size_t j = next_present(ctx, obj, index, len, &ix, &nix);
		if (j >= len)
			break;
		if (j != index) {
			ent_push(f, f->len);
			put_count(f, "<%lu empty item%s>", (unsigned long)(j - index));
			out++;
			index = j;
			if (out == max)
				break;
		}
		ent_push(f, f->len);
		duk_get_prop_index(ctx, obj, (duk_uarridx_t)index);
		f->indent += 2;
		fmt_value(f, -1, recurse);
		f->indent -= 2;
		duk_pop(ctx);
		out++;
		index++;
	}
	if (ix)
		duk_pop(ctx);
	if (index < len) {
		ent_push(f, f->len);
		if (out != max)
			put_count(f, "<%lu empty item%s>", (unsigned long)(len - index));
		else
			put_count(f, "... %lu more item%s", (unsigned long)(len - index));
	}
}

/* ---- errors ---- */

static duk_ret_t error_to_string(duk_context *ctx, void *udata)
{
	(void)udata;
	duk_get_global_string(ctx, "Error");
	duk_get_prop_string(ctx, -1, "prototype");
	duk_get_prop_string(ctx, -1, "toString");
	duk_dup(ctx, -4);
	duk_call_method(ctx, 0);
	return 1;
}

/* the truthiness of the value at idx, which stays as it is */
static int truthy(duk_context *ctx, duk_idx_t idx)
{
	int r;
	duk_dup(ctx, idx);
	r = duk_to_boolean(ctx, -1);
	duk_pop(ctx);
	return r;
}

/* s contains t (both on the stack) */
static long str_index(duk_context *ctx, duk_idx_t s, const char *t, size_t tn, size_t from)
{
	duk_size_t n;
	const char *p = duk_get_lstring(ctx, s, &n);
	size_t i;
	for (i = from; i + tn <= n; i++)
		if (memcmp(p + i, t, tn) == 0)
			return (long)i;
	return -1;
}

/* the frames of a stack (from its first "\n    at"): lines pushed into an array */
static void push_lines(duk_context *ctx, const char *s, size_t n)
{
	size_t i = 0;
	duk_uarridx_t k = 0;
	duk_push_bare_array(ctx);
	for (;;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n;
		duk_push_lstring(ctx, s + i, e - i);
		duk_put_prop_index(ctx, -2, k++);
		if (!nl)
			break;
		i = e + 1;
	}
}

static int line_eq(duk_context *ctx, duk_idx_t a, duk_size_t i, duk_idx_t b, duk_size_t j)
{
	int r;
	duk_get_prop_index(ctx, a, (duk_uarridx_t)i);
	duk_get_prop_index(ctx, b, (duk_uarridx_t)j);
	r = duk_strict_equals(ctx, -1, -2);
	duk_pop_2(ctx);
	return r;
}

/* improveStack, with the name at -2 and the stack at -1 (replaced) */
static void improve_stack(duk_context *ctx, duk_idx_t ctor)
{
	duk_size_t len, sn;
	const char *name = duk_get_lstring(ctx, -2, &len);
	const char *stack = duk_get_lstring(ctx, -1, &sn);
	const char *fallback = "Error";
	char fb[256];

	if (!duk_is_null(ctx, ctor) &&
	    !(len >= 5 && memcmp(name + len - 5, "Error", 5) == 0 && sn >= len &&
	      memcmp(stack, name, len) == 0 &&
	      (sn == len || stack[len] == ':' || stack[len] == '\n')))
		return;
	if (duk_is_null(ctx, ctor)) {
		/* /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/ or /^([a-z_A-Z0-9-]*Error)$/ */
		size_t i = 0;
		fb[0] = '\0';
		if (sn > 0 && stack[0] >= 'A' && stack[0] <= 'Z') {
			for (i = 1; i < sn && (strchr("_ []()-", stack[i]) ||
			                       (stack[i] >= 'a' && stack[i] <= 'z') ||
			                       (stack[i] >= 'A' && stack[i] <= 'Z') ||
			                       (stack[i] >= '0' && stack[i] <= '9')) && stack[i]; i++)
				;
			if (!(i >= 2 && i < sn && (stack[i] == ':' ||
			      (sn - i >= 7 && memcmp(stack + i, "\n    at", 7) == 0))))
				i = 0;
		}
		if (i == 0 && sn >= 5 && memcmp(stack + sn - 5, "Error", 5) == 0) {
			size_t k;
			for (k = 0; k < sn - 5 && (stack[k] == '_' || stack[k] == '-' ||
			     (stack[k] >= 'a' && stack[k] <= 'z') || (stack[k] >= 'A' && stack[k] <= 'Z') ||
			     (stack[k] >= '0' && stack[k] <= '9')); k++)
				;
			if (k == sn - 5)
				i = sn;
		}
		if (i >= sizeof fb)
			i = 0;
		memcpy(fb, stack, i);
		fb[i] = '\0';
		len = i;
		fallback = i ? fb : "Error";
		duk_push_sprintf(ctx, "[%s: null prototype]", fallback);
	} else {
		duk_dup(ctx, ctor);
	}
	/* [ name stack prefix ] */
	{
		duk_size_t pn;
		const char *prefix = duk_get_lstring(ctx, -1, &pn);
		name = duk_get_lstring(ctx, -3, NULL);
		stack = duk_get_lstring(ctx, -2, &sn);
		if (strcmp(name, prefix) == 0) {
			duk_pop(ctx);
			return;
		}
		if (strstr(prefix, name)) {
			if (len == 0)
				duk_push_sprintf(ctx, "%s: ", prefix), duk_dup(ctx, -3), duk_concat(ctx, 2);
			else
				duk_dup(ctx, -1), duk_push_lstring(ctx, stack + len, sn - len), duk_concat(ctx, 2);
		} else {
			duk_push_sprintf(ctx, "%s [%s]", prefix, name);
			duk_push_lstring(ctx, stack + len, sn - len);
			duk_concat(ctx, 2);
		}
		duk_replace(ctx, -3);
		duk_pop(ctx);
	}
}

/* formatError: the base text of err, keys adjusted */
static void fmt_error(rt_fmt *f, duk_idx_t err, duk_idx_t ctor, rt_keys *keys)
{
	duk_context *ctx = f->ctx;
	duk_idx_t stack;
	long pos = -1, start;
	duk_size_t at;
	static const char *const dup[] = { "name", "message", "stack" };
	int i;

	duk_get_prop_string(ctx, err, "name");
	if (duk_is_null_or_undefined(ctx, -1)) {
		duk_pop(ctx);
		duk_push_string(ctx, "Error");
	} else {
		duk_to_string(ctx, -1);
	}
	duk_get_prop_string(ctx, err, "stack");
	if (truthy(ctx, -1)) {
		duk_to_string(ctx, -1);
	} else {
		duk_pop(ctx);
		duk_dup(ctx, err);
		duk_safe_call(ctx, error_to_string, NULL, 1, 1);
		duk_to_string(ctx, -1);
	}

	/* removeDuplicateErrorKeys (the keys lie below name and stack, which
	 * stay the two top slots) */
	if (!f->hidden)
		for (i = 0; i < 3; i++)
			if (keys_have(ctx, keys, dup[i], &at)) {
				duk_size_t n;
				const char *v;
				long found;
				duk_get_prop_string(ctx, err, dup[i]);
				v = duk_to_lstring(ctx, -1, &n);
				found = str_index(ctx, -2, v, n, 0);
				duk_pop(ctx);
				if (found >= 0)
					keys_remove(ctx, keys, at);
			}
	if (duk_has_prop_string(ctx, err, "cause") && !keys_have(ctx, keys, "cause", NULL))
		keys_add(ctx, keys, "cause", 0);
	duk_get_prop_string(ctx, err, "errors");
	if (duk_is_array(ctx, -1) && !keys_have(ctx, keys, "errors", NULL)) {
		duk_pop(ctx);
		keys_add(ctx, keys, "errors", 0);
	} else {
		duk_pop(ctx);
	}

	improve_stack(ctx, ctor);
	stack = duk_get_top_index(ctx);

	/* Ignore the message if it is in the stack */
	duk_get_prop_string(ctx, err, "message");
	if (truthy(ctx, -1)) {
		int is_str = duk_is_string(ctx, -1);
		duk_size_t mn;
		const char *m = duk_to_lstring(ctx, -1, &mn);
		pos = str_index(ctx, stack, m, mn, 0);
		if (pos == 0)
			pos = -1;             /* (0 || -1) */
		else if (pos > 0)
			pos = is_str ? pos + (long)mn : 0;   /* + undefined: NaN, from 0 */
	}
	duk_pop(ctx);
	start = str_index(ctx, stack, "\n    at", 7, pos < 0 ? 0 : (size_t)pos);
	if (start < 0) {
		duk_size_t sn;
		const char *s = duk_get_lstring(ctx, stack, &sn);
		puts_(f, "[");
		put(f, s, sn);
		puts_(f, "]");
	} else {
		duk_size_t sn;
		const char *s = duk_get_lstring(ctx, stack, &sn);
		size_t base = f->len;
		duk_idx_t lines;
		duk_size_t nl, k;
		long skip_at = -1, skipped = 0;

		put(f, s, (size_t)start);
		push_lines(ctx, s + start + 1, sn - (size_t)start - 1);
		lines = duk_get_top_index(ctx);
		nl = duk_get_length(ctx, lines);
		/* getStackFrames: frames the cause's stack has too are summed up */
		duk_get_prop_string(ctx, err, "cause");
		if (!duk_is_null_or_undefined(ctx, -1) && duk_is_object(ctx, -1) && duk_is_error(ctx, -1)) {
			duk_get_prop_string(ctx, -1, "stack");
			if (truthy(ctx, -1)) {
				duk_size_t cn;
				const char *cs = duk_to_lstring(ctx, -1, &cn);
				const char *cat = NULL;
				size_t q;
				for (q = 0; q + 7 <= cn; q++)
					if (memcmp(cs + q, "\n    at", 7) == 0) {
						cat = cs + q;
						break;
					}
				if (cat) {
					duk_idx_t cl;
					duk_size_t cnl, a;
					push_lines(ctx, cat + 1, cn - (size_t)(cat + 1 - cs));
					cl = duk_get_top_index(ctx);
					cnl = duk_get_length(ctx, cl);
					/* identicalSequenceRange */
					for (a = 0; a + 3 < nl && skip_at < 0; a++) {
						duk_size_t p, rest, l, maxl;
						for (p = 0; p < cnl && !line_eq(ctx, lines, a, cl, p); p++)
							;
						if (p == cnl)
							continue;
						rest = cnl - p;
						if (rest <= 3)
							continue;
						l = 1;
						maxl = nl - a < rest ? nl - a : rest;
						while (maxl > l && line_eq(ctx, lines, a + l, cl, p + l))
							l++;
						if (l > 3) {
							skip_at = (long)a + 1;
							skipped = (long)l - 2;
						}
					}
					duk_pop(ctx);
				}
			}
			duk_pop(ctx);
		}
		duk_pop(ctx);
		for (k = 0; k < nl; k++) {
			duk_size_t ln;
			const char *l;
			if (skip_at >= 0 && (long)k >= skip_at && (long)k < skip_at + skipped) {
				if ((long)k == skip_at) {
					char t[96];
					snprintf(t, sizeof t, "\n    ... %ld lines matching cause stack trace ...",
					         skipped);
					puts_(f, t);
				}
				continue;
			}
			duk_get_prop_index(ctx, lines, (duk_uarridx_t)k);
			l = duk_get_lstring(ctx, -1, &ln);
			puts_(f, "\n");
			put(f, l, ln);
			duk_pop(ctx);
		}
		duk_pop(ctx);
		if (f->indent) {
			/* the message and the stack are indented too */
			size_t end = f->len, i2, cnt = 0;
			for (i2 = base; i2 < end; i2++)
				cnt += *out_at(f, i2) == '\n';
			if (cnt) {
				size_t from = f->len;
				for (i2 = base; i2 < end; i2++) {
					char c = *out_at(f, i2);
					put(f, &c, 1);
					if (c == '\n')
						put_spaces(f, (size_t)f->indent);
				}
				move_down(f, base, from);
			}
		}
	}
	duk_pop_2(ctx);   /* name, stack */
}

/* ---- layout ---- */

/* reduceToSingleString for the entries e[0..n) (each ends where the next
 * begins; the last at the end of the output), base at [start, base_end),
 * braces b0 and b1; the result replaces [start, len). */
static void reduce(rt_fmt *f, size_t start, size_t base_end, size_t mark, const char *b0,
                   const char *b1, int extras, int recurse, duk_idx_t value)
{
	duk_context *ctx = f->ctx;
	size_t n = f->nents - mark, i, end = f->len, entries = n, nout, out0, lines_mark;
	size_t base_len = base_end - start, base_u16;
	int grouped = 0, nl_in_base;

	base_u16 = u16len(out_at(f, start), base_len);
	nl_in_base = memchr(out_at(f, start), '\n', base_len) != NULL;
	ent_push(f, end);   /* the end of the last entry */
	lines_mark = f->nents;

	/* groupArrayElements */
	if (extras == K_ARRAY_EXTRAS && entries > 6) {
		size_t olen = n, total = 0, maxlen = 0, *w, cols, maxcol[16];
		double actual, bias, biased, c1, c2;

		if (RT_MAX_ARRAY < n)
			olen--;   /* not the "... n more items" */
		w = duk_push_fixed_buffer(ctx, (olen ? olen : 1) * sizeof *w);
		for (i = 0; i < olen; i++) {
			size_t *e = ents(f) + mark;
			w[i] = str_width(out_at(f, e[i]), e[i + 1] - e[i]);
			total += w[i] + 2;
			if (maxlen < w[i])
				maxlen = w[i];
		}
		actual = (double)maxlen + 2;
		if (actual * 3 + f->indent < RT_BREAK_LENGTH &&
		    ((double)total / actual > 5 || maxlen <= 6)) {
			bias = sqrt(actual - (double)total / (double)n);
			biased = actual - 3 - bias > 1 ? actual - 3 - bias : 1;
			c1 = floor(sqrt(2.5 * biased * (double)olen) / biased + 0.5);
			c2 = floor((double)(RT_BREAK_LENGTH - f->indent) / actual);
			cols = (size_t)(c1 < c2 ? c1 : c2);
			if (cols > RT_COMPACT * 4)
				cols = RT_COMPACT * 4;
			if (cols > 15)
				cols = 15;
			if (cols > 1) {
				int pad_start = 1;
				for (i = 0; i < cols; i++) {
					size_t j, m = 0;
					for (j = i; j < olen; j += cols)
						if (w[j] > m)
							m = w[j];
					maxcol[i] = m + 2;
				}
				for (i = 0; i < n && pad_start; i++) {
					duk_get_prop_index(ctx, value, (duk_uarridx_t)i);
					pad_start = duk_is_number(ctx, -1);
					duk_pop(ctx);
				}
				for (i = 0; i < olen; i += cols) {
					size_t max = i + cols < olen ? i + cols : olen, j;
					ent_push(f, f->len);
					for (j = i; j < max; j++) {
						size_t *e = ents(f) + mark;
						size_t pad = maxcol[j - i] - w[j] - 2;
						if (pad_start)
							put_spaces(f, pad);
						put_self(f, e[j], e[j + 1] - e[j]);
						if (j < max - 1) {
							puts_(f, ", ");
							if (!pad_start)
								put_spaces(f, pad);
						}
					}
				}
				if (RT_MAX_ARRAY < n) {
					size_t *e = ents(f) + mark;
					ent_push(f, f->len);
					put_self(f, e[olen], e[olen + 1] - e[olen]);
				}
				grouped = 1;
			}
		}
		duk_pop(ctx);
	}
	if (grouped) {
		out0 = lines_mark;
		nout = f->nents - lines_mark;
		ent_push(f, f->len);
	} else {
		out0 = mark;
		nout = n;
	}

	/* one line, if short, not nested deeper than compact levels, no newline */
	if (!grouped && f->cur_depth - recurse < RT_COMPACT) {
		size_t st = nout + (size_t)f->indent + u16len(b0, strlen(b0)) + base_u16 + 10;
		size_t total = nout + st;
		int ok = total + nout <= RT_BREAK_LENGTH, nl = 0;
		for (i = 0; ok && i < nout; i++) {
			size_t *e = ents(f) + out0;
			total += u16len(out_at(f, e[i]), e[i + 1] - e[i]);
			if (total > RT_BREAK_LENGTH)
				ok = 0;
		}
		if (ok && !nl_in_base) {
			size_t *e = ents(f) + out0;
			nl = memchr(out_at(f, e[0]), '\n', e[nout] - e[0]) != NULL;
			if (!nl) {
				size_t from = f->len;
				put_self(f, start, base_len);
				if (base_len)
					puts_(f, " ");
				puts_(f, b0);
				puts_(f, " ");
				for (i = 0; i < nout; i++) {
					e = ents(f) + out0;
					if (i)
						puts_(f, ", ");
					put_self(f, e[i], e[i + 1] - e[i]);
				}
				puts_(f, " ");
				puts_(f, b1);
				move_down(f, start, from);
				f->nents = mark;
				return;
			}
		}
	}
	/* one entry a line */
	{
		size_t from = f->len;
		put_self(f, start, base_len);
		if (base_len)
			puts_(f, " ");
		puts_(f, b0);
		for (i = 0; i < nout; i++) {
			size_t *e = ents(f) + out0;
			puts_(f, i ? ",\n" : "\n");
			put_spaces(f, (size_t)f->indent + 2);
			e = ents(f) + out0;
			put_self(f, e[i], e[i + 1] - e[i]);
		}
		puts_(f, "\n");
		put_spaces(f, (size_t)f->indent);
		puts_(f, b1);
		move_down(f, start, from);
	}
	f->nents = mark;
}

/* ---- values ---- */

static size_t circ_index(rt_fmt *f, void *hp, int add)
{
	size_t i;
	void **c = f->ncirc ? slot_reserve(f->ctx, f->circ, f->ncirc * sizeof *c) : NULL;
	for (i = 0; i < f->ncirc; i++)
		if (c[i] == hp)
			return i + 1;
	if (!add)
		return 0;
	c = slot_reserve(f->ctx, f->circ, (f->ncirc + 1) * sizeof *c);
	c[f->ncirc++] = hp;
	return f->ncirc;
}

static int is_class(const char *cls, const char *name)
{
	size_t n = strlen(name);
	return strncmp(cls, "[object ", 8) == 0 && strncmp(cls + 8, name, n) == 0 &&
	       cls[8 + n] == ']' && cls[9 + n] == '\0';
}

/* call Ctor.prototype.method on obj, push the result */
static void call_proto(duk_context *ctx, duk_idx_t obj, const char *ctor, const char *method)
{
	obj = duk_normalize_index(ctx, obj);
	duk_get_global_string(ctx, ctor);
	duk_get_prop_string(ctx, -1, "prototype");
	duk_get_prop_string(ctx, -1, method);
	duk_dup(ctx, obj);
	duk_call_method(ctx, 0);
	duk_replace(ctx, -3);
	duk_pop(ctx);
}

static void fmt_raw(rt_fmt *f, duk_idx_t obj, int recurse)
{
	duk_context *ctx = f->ctx;
	duk_idx_t top = duk_get_top(ctx), ctor;
	rt_keys keys;
	const char *cls;
	size_t start = f->len, base_end, mark;
	duk_size_t len = 0;
	int extras = K_OBJECT, is_arr, typed = 0, arraybuffer = 0, node_buffer = 0;
	const char *b0 = "{", *b1 = "}";
	void *hp = duk_get_heapptr(ctx, obj);

	push_ctor_name(f, obj, recurse);
	ctor = duk_get_top_index(ctx);
	push_class(ctx, obj);
	cls = duk_get_string(ctx, -1);
	is_arr = duk_is_array(ctx, obj);
	if (!is_arr && duk_is_buffer_data(ctx, obj)) {
		if (is_class(cls, "ArrayBuffer"))
			arraybuffer = 1;
		else if (!is_class(cls, "DataView"))
			typed = 1;
		node_buffer = typed && duk_is_string(ctx, ctor) && strcmp(duk_get_string(ctx, ctor), "Buffer") == 0;
	}

	if (node_buffer) {
		/* Duktape's Node.js Buffer binding (Node shows its own way) */
		duk_size_t n, k;
		const unsigned char *p = duk_get_buffer_data(ctx, obj, &n);
		puts_(f, "<Buffer");
		for (k = 0; k < n && k < 50; k++) {
			char hx[4];
			snprintf(hx, sizeof hx, " %02x", p[k]);
			puts_(f, hx);
		}
		if (n > 50)
			put_count(f, " ... %lu more byte%s", (unsigned long)(n - 50));
		puts_(f, ">");
		goto done;
	}
	if (is_arr || typed) {
		char size[32];
		len = duk_get_length(ctx, obj);
		snprintf(size, sizeof size, "(%lu)", (unsigned long)len);
		push_keys(f, obj, 1, &keys);
		if (is_arr && duk_is_string(ctx, ctor) && strcmp(duk_get_string(ctx, ctor), "Array") == 0)
			duk_push_string(ctx, "[");
		else {
			push_prefix(ctx, ctor, is_arr ? "Array" : "", size);
			duk_push_string(ctx, "[");
			duk_concat(ctx, 2);
		}
		b1 = "]";
		if (len == 0 && keys.n == 0) {
			puts_(f, duk_get_string(ctx, -1));
			puts_(f, "]");
			goto done;
		}
		extras = K_ARRAY_EXTRAS;
	} else {
		push_keys(f, obj, is_class(cls, "String"), &keys);
		duk_push_string(ctx, "{");
		if (duk_is_function(ctx, obj)) {
			puts_(f, "[Function");
			if (duk_is_null(ctx, ctor))
				puts_(f, " (null prototype)");
			duk_get_prop_string(ctx, obj, "name");
			if (duk_is_string(ctx, -1) && duk_get_length(ctx, -1) == 0) {
				puts_(f, " (anonymous)");
			} else {
				puts_(f, ": ");
				puts_(f, duk_to_string(ctx, -1));
			}
			duk_pop(ctx);
			puts_(f, "]");
			if (duk_is_string(ctx, ctor) && strcmp(duk_get_string(ctx, ctor), "Function") != 0) {
				puts_(f, " ");
				puts_(f, duk_get_string(ctx, ctor));
			}
			if (keys.n == 0)
				goto done;
		} else if (duk_is_string(ctx, ctor) && strcmp(duk_get_string(ctx, ctor), "Object") == 0) {
			if (is_class(cls, "Arguments")) {
				duk_pop(ctx);
				duk_push_string(ctx, "[Arguments] {");
			}
			if (keys.n == 0) {
				puts_(f, duk_get_string(ctx, -1));
				puts_(f, "}");
				goto done;
			}
		} else if (is_class(cls, "RegExp")) {
			call_proto(ctx, obj, "RegExp", "toString");
			push_prefix(ctx, ctor, "RegExp", "");
			if (strcmp(duk_get_string(ctx, -1), "RegExp ") != 0)
				puts_(f, duk_get_string(ctx, -1));
			puts_(f, duk_safe_to_string(ctx, -2));
			duk_pop_2(ctx);
			if (keys.n == 0 || recurse > f->depth)
				goto done;
		} else if (is_class(cls, "Date")) {
			push_prefix(ctx, ctor, "Date", "");
			if (strcmp(duk_get_string(ctx, -1), "Date ") != 0)
				puts_(f, duk_get_string(ctx, -1));
			duk_pop(ctx);
			call_proto(ctx, obj, "Date", "getTime");
			if (isnan(duk_get_number(ctx, -1))) {
				puts_(f, "Invalid Date");
			} else {
				call_proto(ctx, obj, "Date", "toISOString");
				puts_(f, duk_get_string(ctx, -1));
				duk_pop(ctx);
			}
			duk_pop(ctx);
			if (keys.n == 0)
				goto done;
		} else if (duk_is_error(ctx, obj) || is_class(cls, "Error")) {
			fmt_error(f, obj, ctor, &keys);
			if (keys.n == 0)
				goto done;
		} else if (arraybuffer) {
			duk_pop(ctx);
			push_prefix(ctx, ctor, "ArrayBuffer", "");
			duk_push_string(ctx, "{");
			duk_concat(ctx, 2);
			keys_add(ctx, &keys, "byteLength", 1);
		} else if (is_class(cls, "DataView")) {
			duk_pop(ctx);
			push_prefix(ctx, ctor, "DataView", "");
			duk_push_string(ctx, "{");
			duk_concat(ctx, 2);
			keys_add(ctx, &keys, "buffer", 1);
			keys_add(ctx, &keys, "byteOffset", 1);
			keys_add(ctx, &keys, "byteLength", 1);
		} else if (is_class(cls, "Number") || is_class(cls, "String") ||
		           is_class(cls, "Boolean") || is_class(cls, "Symbol")) {
			char type[16];
			snprintf(type, sizeof type, "%.*s", (int)(strlen(cls) - 9), cls + 8);
			puts_(f, "[");
			puts_(f, type);
			if (duk_is_null(ctx, ctor)) {
				puts_(f, " (null prototype)");
			} else if (strcmp(duk_get_string(ctx, ctor), type) != 0) {
				puts_(f, " (");
				puts_(f, duk_get_string(ctx, ctor));
				puts_(f, ")");
			}
			puts_(f, ": ");
			if (strcmp(type, "Symbol") == 0) {
				duk_dup(ctx, obj);
				duk_to_primitive(ctx, -1, DUK_HINT_NONE);
			} else {
				call_proto(ctx, obj, type, "valueOf");
			}
			fmt_primitive(f, -1);
			duk_pop(ctx);
			puts_(f, "]");
			if (keys.n == 0)
				goto done;
		} else {
			duk_pop(ctx);
			push_ctx_style(ctx, obj, ctor);
			if (keys.n == 0) {
				puts_(f, duk_get_string(ctx, -1));
				puts_(f, "{}");
				goto done;
			}
			duk_push_string(ctx, "{");
			duk_concat(ctx, 2);
		}
	}
	/* [ ... keys b0 ] */
	if (recurse > f->depth) {
		f->len = start;
		push_ctx_style(ctx, obj, ctor);
		{
			duk_size_t n;
			const char *s = duk_get_lstring(ctx, -1, &n);
			if (!duk_is_null(ctx, ctor))
				puts_(f, "[");
			put(f, s, n - 1);
			if (!duk_is_null(ctx, ctor))
				puts_(f, "]");
		}
		goto done;
	}
	recurse++;
	if (f->nseen >= RT_INSPECT_MAX_PATH) {
		f->len = start;
		puts_(f, "[...]");
		goto done;
	}
	f->seen[f->nseen++] = hp;
	f->cur_depth = recurse;
	base_end = f->len;
	mark = f->nents;
	if (is_arr || typed) {
		fmt_array_items(f, obj, recurse, len);
	} else if (arraybuffer) {
		duk_size_t n, k;
		const unsigned char *p = duk_get_buffer_data(ctx, obj, &n);
		ent_push(f, f->len);
		puts_(f, "[Uint8Contents]: <");
		for (k = 0; k < n && k < RT_MAX_ARRAY; k++) {
			char hx[4];
			snprintf(hx, sizeof hx, k ? " %02x" : "%02x", p[k]);
			puts_(f, hx);
		}
		if (n > RT_MAX_ARRAY)
			put_count(f, " ... %lu more byte%s", (unsigned long)(n - RT_MAX_ARRAY));
		puts_(f, ">");
	}
	fmt_keys(f, obj, &keys, recurse, extras);
	f->nseen--;
	{
		size_t ref = circ_index(f, hp, 0);
		if (ref) {
			/* <ref *n> goes before the base: insert it at start */
			char t[32];
			size_t tn, from = f->len;
			size_t *e;
			snprintf(t, sizeof t, base_end > start ? "<ref *%lu> " : "<ref *%lu>",
			         (unsigned long)ref);
			tn = strlen(t);
			puts_(f, t);
			put_self(f, start, from - start);
			move_down(f, start, from);
			base_end += tn;
			e = ents(f);
			for (size_t k = mark; k < f->nents; k++)
				e[k] += tn;
		}
	}
	b0 = duk_get_string(ctx, -1);
	reduce(f, start, base_end, mark, b0, b1, extras, recurse, obj);
done:
	duk_set_top(ctx, top);
}

/* formatValue */
static void fmt_value(rt_fmt *f, duk_idx_t idx, int recurse)
{
	duk_context *ctx = f->ctx;
	void *hp;
	int i;

	idx = duk_normalize_index(ctx, idx);
	if (duk_get_type(ctx, idx) != DUK_TYPE_OBJECT) {
		fmt_primitive(f, idx);
		return;
	}
	hp = duk_get_heapptr(ctx, idx);
	for (i = 0; i < f->nseen; i++)
		if (f->seen[i] == hp) {
			char t[48];
			snprintf(t, sizeof t, "[Circular *%lu]", (unsigned long)circ_index(f, hp, 1));
			puts_(f, t);
			return;
		}
	duk_require_stack(ctx, 16);
	fmt_raw(f, idx, recurse);
}

/* ---- the entry points ---- */

/* [ ... ] -> [ ... output ents circ ]: an empty formatter */
static void fmt_init(rt_fmt *f, duk_context *ctx)
{
	memset(f, 0, sizeof *f);
	f->ctx = ctx;
	duk_push_dynamic_buffer(ctx, 0);
	f->buf = duk_get_top_index(ctx);
	duk_push_undefined(ctx);
	f->ents = duk_get_top_index(ctx);
	duk_push_undefined(ctx);
	f->circ = duk_get_top_index(ctx);
	f->depth = 2;
}

/* inspect(value, options): a fresh context, written at the end of the output */
static void fmt_inspect(rt_fmt *f, duk_idx_t idx, int depth, int hidden)
{
	f->indent = 0;
	f->cur_depth = 0;
	f->nseen = 0;
	f->ncirc = 0;
	f->nents = 0;
	f->depth = depth;
	f->hidden = hidden;
	fmt_value(f, idx, 0);
}

/* [ ... output ents circ ] -> [ ... string ] */
static void fmt_finish(rt_fmt *f)
{
	duk_context *ctx = f->ctx;
	duk_push_lstring(ctx, f->len ? f->data : "", f->len);
	duk_replace(ctx, f->buf);
	duk_pop_2(ctx);
}

void rt_inspect_with(duk_context *ctx, duk_idx_t idx, int depth, int show_hidden)
{
	rt_fmt f;
	idx = duk_normalize_index(ctx, idx);
	fmt_init(&f, ctx);
	fmt_inspect(&f, idx, depth, show_hidden);
	fmt_finish(&f);
}

void rt_inspect(duk_context *ctx, duk_idx_t idx)
{
	rt_inspect_with(ctx, idx, 2, 0);
}

/* hasBuiltInToString: the toString v would use is a built-in one */
static int has_builtin_to_string(duk_context *ctx, duk_idx_t v)
{
	static const char *const builtins[] = {
		"Object", "Function", "Array", "String", "Boolean", "Number", "Date", "RegExp",
		"Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError",
		"URIError", "Symbol", "ArrayBuffer", "DataView", "Uint8Array", "Int8Array",
		"Uint8ClampedArray", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
		"Float32Array", "Float64Array", "Proxy", "Reflect", "Math", "JSON", NULL
	};
	int guard = 0, r = 0, i;

	v = duk_normalize_index(ctx, v);
	duk_get_prop_string(ctx, v, "toString");
	if (!duk_is_function(ctx, -1)) {
		duk_pop(ctx);
		return 1;
	}
	duk_pop(ctx);
	duk_push_string(ctx, "toString");
	duk_get_prop_desc(ctx, v, 0);
	if (!duk_is_undefined(ctx, -1)) {
		duk_pop(ctx);
		return 0;   /* an own toString */
	}
	duk_pop(ctx);
	duk_get_prototype(ctx, v);
	while (duk_is_object(ctx, -1) && guard++ < 10000) {
		duk_push_string(ctx, "toString");
		duk_get_prop_desc(ctx, -2, 0);
		if (!duk_is_undefined(ctx, -1)) {
			duk_pop(ctx);
			break;
		}
		duk_pop(ctx);
		duk_get_prototype(ctx, -1);
		duk_remove(ctx, -2);
	}
	if (duk_is_object(ctx, -1)) {
		get_own_data(ctx, -1, "constructor");
		if (duk_is_function(ctx, -1)) {
			duk_get_prop_string(ctx, -1, "name");
			if (duk_is_string(ctx, -1))
				for (i = 0; builtins[i]; i++)
					if (strcmp(builtins[i], duk_get_string(ctx, -1)) == 0)
						r = 1;
			duk_pop(ctx);
		}
		duk_pop(ctx);
	}
	duk_pop(ctx);
	return r;
}

/* [ v ] -> [ JSON.stringify(v) or undefined ] */
static duk_ret_t json_stringify(duk_context *ctx, void *udata)
{
	(void)udata;
	duk_get_global_string(ctx, "JSON");
	duk_get_prop_string(ctx, -1, "stringify");
	duk_remove(ctx, -2);
	duk_dup(ctx, -2);
	duk_call(ctx, 1);
	return 1;
}

/* [ ] -> [ the message JSON.stringify throws for a cycle ] */
static duk_ret_t circular_message(duk_context *ctx, void *udata)
{
	(void)udata;
	duk_push_object(ctx);
	duk_dup(ctx, -1);
	duk_put_prop_string(ctx, -2, "a");
	duk_json_encode(ctx, -1);
	return 1;
}

/* tryStringify for %j */
static void fmt_json(rt_fmt *f, duk_idx_t a)
{
	duk_context *ctx = f->ctx;
	duk_dup(ctx, a);
	if (duk_safe_call(ctx, json_stringify, NULL, 1, 1) != DUK_EXEC_SUCCESS) {
		int circ = 0;
		if (duk_is_error(ctx, -1)) {
			duk_get_prop_string(ctx, -1, "name");
			if (duk_is_string(ctx, -1) && strcmp(duk_get_string(ctx, -1), "TypeError") == 0) {
				duk_get_prop_string(ctx, -2, "message");
				duk_safe_call(ctx, circular_message, NULL, 0, 1);
				duk_get_prop_string(ctx, -1, "message");
				circ = duk_is_string(ctx, -1) && duk_is_string(ctx, -3) &&
				       strcmp(duk_get_string(ctx, -1), duk_get_string(ctx, -3)) == 0;
				duk_pop_3(ctx);
			}
			duk_pop(ctx);
		}
		if (!circ)
			(void)duk_throw(ctx);
		puts_(f, "[Circular]");
	} else if (duk_is_undefined(ctx, -1)) {
		puts_(f, "undefined");
	} else {
		duk_size_t n;
		const char *s = duk_get_lstring(ctx, -1, &n);
		put(f, s, n);
	}
	duk_pop(ctx);
}

/* parseInt(v) / parseFloat(v), the original functions */
static double parse_num(duk_context *ctx, duk_idx_t v, const char *fn)
{
	double d;
	v = duk_normalize_index(ctx, v);
	duk_push_global_stash(ctx);
	duk_get_prop_string(ctx, -1, fn);
	duk_dup(ctx, v);
	duk_call(ctx, 1);
	d = duk_get_number(ctx, -1);
	duk_pop_2(ctx);
	return d;
}

/* formatWithOptions: util.format of the values at [first, first+n) */
void rt_format_args(duk_context *ctx, duk_idx_t first, duk_idx_t n)
{
	rt_fmt f;
	duk_idx_t a = 0;
	const char *join = "";

	first = duk_normalize_index(ctx, first);
	fmt_init(&f, ctx);
	if (n > 0 && duk_is_string(ctx, first) && !duk_is_symbol(ctx, first)) {
		duk_size_t len, i, last = 0;
		const char *s = duk_get_lstring(ctx, first, &len);
		if (n == 1) {
			put(&f, s, len);
			fmt_finish(&f);
			return;
		}
		for (i = 0; i + 1 < len; i++) {
			char c;
			duk_idx_t v;
			if (s[i] != '%')
				continue;
			c = s[++i];
			if (a + 1 == n) {
				if (c == '%') {
					put(&f, s + last, i - last);
					last = i + 1;
				}
				continue;
			}
			v = first + a + 1;
			switch (c) {
			case 's':
			case 'j': case 'd': case 'O': case 'o': case 'i': case 'f': case 'c':
				break;
			case '%':
				put(&f, s + last, i - last);
				last = i + 1;
				continue;
			default:
				continue;
			}
			if (last != i - 1)
				put(&f, s + last, i - 1 - last);
			s = NULL;   /* formatting may run code: reread below */
			a++;
			switch (c) {
			case 's':
				if (duk_is_number(ctx, v)) {
					fmt_number(&f, duk_get_number(ctx, v));
				} else if (!duk_is_object(ctx, v) || duk_is_function(ctx, v) ||
				           !has_builtin_to_string(ctx, v)) {
					duk_dup(ctx, v);
					if (duk_is_symbol(ctx, -1)) {
						push_symbol_text(ctx, -1);
						duk_remove(ctx, -2);
					}
					{
						duk_size_t sn;
						const char *t = duk_to_lstring(ctx, -1, &sn);
						put(&f, t, sn);
					}
					duk_pop(ctx);
				} else {
					fmt_inspect(&f, v, 0, 0);
				}
				break;
			case 'j':
				fmt_json(&f, v);
				break;
			case 'd':
				if (duk_is_symbol(ctx, v)) {
					puts_(&f, "NaN");
				} else {
					duk_dup(ctx, v);
					fmt_number(&f, duk_to_number(ctx, -1));
					duk_pop(ctx);
				}
				break;
			case 'O':
				fmt_inspect(&f, v, 2, 0);
				break;
			case 'o':
				fmt_inspect(&f, v, 4, 1);
				break;
			case 'i':
				if (duk_is_symbol(ctx, v))
					puts_(&f, "NaN");
				else
					fmt_number(&f, parse_num(ctx, v, "ferry.parseInt"));
				break;
			case 'f':
				if (duk_is_symbol(ctx, v))
					puts_(&f, "NaN");
				else
					fmt_number(&f, parse_num(ctx, v, "ferry.parseFloat"));
				break;
			case 'c':
				break;
			}
			s = duk_get_lstring(ctx, first, &len);
			last = i + 1;
		}
		if (last != 0) {
			a++;
			join = " ";
			if (last < len)
				put(&f, s + last, len - last);
		}
	}
	for (; a < n; a++) {
		duk_idx_t v = first + a;
		puts_(&f, join);
		if (duk_is_string(ctx, v) && !duk_is_symbol(ctx, v)) {
			duk_size_t sn;
			const char *t = duk_get_lstring(ctx, v, &sn);
			put(&f, t, sn);
		} else {
			fmt_inspect(&f, v, 2, 0);
		}
		join = " ";
	}
	fmt_finish(&f);
}
