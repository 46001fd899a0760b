/*
 * runtime/inspect.c -- how console.log shows values: a small, deterministic
 * subset of Node's util.inspect and util.format.
 *
 * Rules (documented in runtime/ferry-app.1, CONSOLE OUTPUT):
 *  - strings are printed raw at the top level, quoted inside objects
 *    ('..' preferred, ".." if the text has a ', `..` if it has both);
 *  - numbers as JavaScript prints them, except -0 which shows as -0;
 *  - arrays [ 1, 2, <1 empty item>, 4 ] (at most 100 items, then
 *    "... N more items"), objects { a: 1, 'b-c': 'x' }, with a constructor
 *    name prefix when it is not Object (P { x: 1 }), [Object: null
 *    prototype] {} for Object.create(null); accessors as [Getter],
 *    [Setter], [Getter/Setter] (never called); nesting deeper than 2 shows
 *    [Object] / [Array]; a cycle shows [Circular];
 *  - functions [Function: name] / [Function (anonymous)]; errors: their
 *    stack at the top level, [Name: message] inside objects; Date as ISO
 *    text; RegExp as /src/flags; boxed primitives [Number: 1];
 *    typed arrays Uint8Array(2) [ 1, 2 ]; Node buffers <Buffer 01 02>;
 *    ArrayBuffer { byteLength: 2 }; symbols Symbol(desc);
 *  - always one line (Node breaks long ones; Ferry never does, so output
 *    does not depend on widths).
 * Only own enumerable properties are shown; getters are never invoked.
 *
 * Output accumulates in a dynamic buffer on the value stack, so an error
 * thrown half-way (out of memory) leaks nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "runtime/rt_core.h"

/* the descriptor on the stack top without its prototype: fields inherited
 * from Object.prototype ("get", "value"...) must not be read as its own */
static void desc_own_only(duk_context *ctx)
{
	if (!duk_is_object(ctx, -1))
		return;
	duk_push_undefined(ctx);
	duk_set_prototype(ctx, -2);
}

#define RT_INSPECT_DEPTH 2
#define RT_INSPECT_MAX_ITEMS 100
#define RT_INSPECT_MAX_PATH 64
#define RT_INSPECT_SCAN 1024   /* holes looked at one by one before the indices are listed */

typedef struct rt_sb {
	duk_context *ctx;
	duk_idx_t    buf;     /* dynamic buffer index */
	size_t       len;
	void        *path[RT_INSPECT_MAX_PATH];  /* objects being shown (cycles) */
	int          npath;
} rt_sb;

static void sb_put(rt_sb *sb, const char *p, size_t n)
{
	duk_size_t cap;
	char *d;

	if (n == 0)
		return;   /* also: an empty buffer has no data pointer */
	d = duk_get_buffer(sb->ctx, sb->buf, &cap);
	if (sb->len + n > cap) {
		size_t ncap = cap ? cap * 2 : 64;
		while (ncap < sb->len + n)
			ncap *= 2;
		d = duk_resize_buffer(sb->ctx, sb->buf, ncap);
	}
	memcpy(d + sb->len, p, n);
	sb->len += n;
}

static void sb_puts(rt_sb *sb, const char *s) { sb_put(sb, s, strlen(s)); }

static void sb_init(rt_sb *sb, duk_context *ctx)
{
	sb->ctx = ctx;
	duk_push_dynamic_buffer(ctx, 0);
	sb->buf = duk_get_top_index(ctx);
	sb->len = 0;
	sb->npath = 0;
}

/* replace the buffer with the string made of its first len bytes */
static void sb_finish(rt_sb *sb)
{
	duk_context *ctx = sb->ctx;
	duk_size_t cap;
	const char *d = duk_get_buffer(ctx, sb->buf, &cap);
	duk_push_lstring(ctx, d, sb->len);
	duk_replace(ctx, sb->buf);
}

static void sb_number(rt_sb *sb, double d)
{
	duk_context *ctx = sb->ctx;
	if (d == 0 && signbit(d)) {
		sb_puts(sb, "-0");
		return;
	}
	duk_push_number(ctx, d);
	sb_puts(sb, duk_to_string(ctx, -1));
	duk_pop(ctx);
}

static void sb_quoted(rt_sb *sb, const char *s, size_t n)
{
	char q = '\'';
	size_t i;
	int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;

	if (has_sq) {
		if (!has_dq)
			q = '"';
		else if (!memchr(s, '`', n))
			q = '`';
	}
	sb_put(sb, &q, 1);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[8];
		switch (c) {
		case '\n': sb_puts(sb, "\\n"); break;
		case '\t': sb_puts(sb, "\\t"); break;
		case '\r': sb_puts(sb, "\\r"); break;
		case '\b': sb_puts(sb, "\\b"); break;
		case '\f': sb_puts(sb, "\\f"); break;
		case '\\': sb_puts(sb, "\\\\"); break;
		default:
			if (c == (unsigned char)q) {
				esc[0] = '\\'; esc[1] = q;
				sb_put(sb, esc, 2);
			} else if (c < 0x20 || c == 0x7f) {
				snprintf(esc, sizeof esc, "\\x%02X", c);
				sb_puts(sb, esc);
			} else {
				sb_put(sb, (const char *)&s[i], 1);
			}
		}
	}
	sb_put(sb, &q, 1);
}

static int rt_is_ident(const char *s, size_t n)
{
	size_t i;
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
		if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
			return 0;
	}
	return 1;
}

/* push String(v) for a symbol at idx */
static void rt_push_symbol_text(duk_context *ctx, duk_idx_t idx)
{
	idx = duk_normalize_index(ctx, idx);
	duk_get_global_string(ctx, "String");
	duk_dup(ctx, idx);
	duk_call(ctx, 1);
}

/* push Object.prototype.toString.call(v) (the original one) */
static void rt_push_class(duk_context *ctx, duk_idx_t idx)
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
static void rt_get_own_data(duk_context *ctx, duk_idx_t obj, const char *key)
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

/* push the constructor name found on the prototype chain ("" if none,
 * null if the object has a null prototype) */
static void rt_push_ctor_name(duk_context *ctx, duk_idx_t idx)
{
	int guard = 0;
	idx = duk_normalize_index(ctx, idx);
	duk_get_prototype(ctx, idx);
	if (!duk_is_object(ctx, -1)) {
		duk_pop(ctx);
		duk_push_null(ctx);
		return;
	}
	while (duk_is_object(ctx, -1) && guard++ < 100) {
		rt_get_own_data(ctx, -1, "constructor");
		if (duk_is_function(ctx, -1)) {
			rt_get_own_data(ctx, -1, "name");
			if (duk_is_string(ctx, -1)) {
				duk_remove(ctx, -2);
				duk_remove(ctx, -2);
				return;
			}
			duk_pop(ctx);
		}
		duk_pop(ctx);
		duk_get_prototype(ctx, -1);
		duk_remove(ctx, -2);
	}
	duk_pop(ctx);
	duk_push_string(ctx, "");
}

static void rt_inspect_value(rt_sb *sb, duk_idx_t idx, int depth, int top);

static void rt_inspect_key(rt_sb *sb, duk_idx_t key)
{
	duk_context *ctx = sb->ctx;
	duk_size_t n;
	const char *s;

	if (duk_is_symbol(ctx, key)) {
		rt_push_symbol_text(ctx, key);
		sb_puts(sb, "[");
		sb_puts(sb, duk_get_string(ctx, -1));
		sb_puts(sb, "]");
		duk_pop(ctx);
		return;
	}
	s = duk_get_lstring(ctx, key, &n);
	if (!s)
		s = "", n = 0;
	if (rt_is_ident(s, n))
		sb_put(sb, s, n);
	else
		sb_quoted(sb, s, n);
}

/* Show own enumerable properties of obj (skipping array indices when
 * skip_index) as " key: value" / ", key: value"; *first is 1 until
 * something has been shown. */
static void rt_inspect_props(rt_sb *sb, duk_idx_t obj, int depth, int skip_index, int *first)
{
	duk_context *ctx = sb->ctx;

	obj = duk_normalize_index(ctx, obj);
	duk_enum(ctx, obj, DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_SYMBOLS |
	         DUK_ENUM_NO_PROXY_BEHAVIOR);
	while (duk_next(ctx, -1, 0)) {
		duk_idx_t key = duk_get_top_index(ctx);
		if (skip_index && !duk_is_symbol(ctx, key)) {
			duk_size_t n;
			const char *s = duk_get_lstring(ctx, key, &n);
			size_t i;
			int digits = n > 0 && n < 11 && !(n > 1 && s[0] == '0');
			for (i = 0; digits && i < n; i++)
				digits = s[i] >= '0' && s[i] <= '9';
			if (digits) {
				duk_pop(ctx);
				continue;
			}
		}
		/* descriptor, so accessors are shown and never called */
		duk_dup(ctx, key);
		duk_get_prop_desc(ctx, obj, 0);
		desc_own_only(ctx);
		sb_puts(sb, *first ? " " : ", ");
		*first = 0;
		rt_inspect_key(sb, key);
		sb_puts(sb, ": ");
		if (duk_has_prop_string(ctx, -1, "get") || duk_has_prop_string(ctx, -1, "set")) {
			int g, s2;
			duk_get_prop_string(ctx, -1, "get");
			g = !duk_is_undefined(ctx, -1);
			duk_get_prop_string(ctx, -2, "set");
			s2 = !duk_is_undefined(ctx, -1);
			duk_pop_2(ctx);
			sb_puts(sb, g && s2 ? "[Getter/Setter]" : g ? "[Getter]" : s2 ? "[Setter]" : "undefined");
		} else {
			duk_get_prop_string(ctx, -1, "value");
			rt_inspect_value(sb, -1, depth + 1, 0);
			duk_pop(ctx);
		}
		duk_pop_2(ctx);   /* desc, key */
	}
	duk_pop(ctx);
}

static int cmp_index(const void *a, const void *b)
{
	duk_uint32_t x = *(const duk_uint32_t *)a, y = *(const duk_uint32_t *)b;
	return (x > y) - (x < y);
}

/* The array indices obj has or inherits, sorted, in a buffer pushed on the
 * stack: *n of them. (Enumerating makes a string per index: done once per
 * array, when a run of holes is long.) */
static duk_uint32_t *rt_present_indices(duk_context *ctx, duk_idx_t obj, duk_size_t *n)
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
static duk_size_t rt_next_present(duk_context *ctx, duk_idx_t obj, duk_size_t i, duk_size_t len,
                                  duk_uint32_t **ix, duk_size_t *nix)
{
	duk_size_t stop = len - i > RT_INSPECT_SCAN ? i + RT_INSPECT_SCAN : len, lo, hi;

	for (; i < stop; i++)
		if (duk_has_prop_index(ctx, obj, (duk_uarridx_t)i))
			return i;
	if (i == len)
		return len;
	if (!*ix)
		*ix = rt_present_indices(ctx, obj, nix);
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

static void rt_inspect_array(rt_sb *sb, duk_idx_t obj, int depth, const char *prefix)
{
	duk_context *ctx = sb->ctx;
	duk_size_t len = duk_get_length(ctx, obj), i, shown = 0, nix = 0;
	duk_uint32_t *ix = NULL;
	int first = 1;

	sb_puts(sb, prefix);
	sb_puts(sb, "[");
	for (i = 0; i < len; ) {
		if (shown >= RT_INSPECT_MAX_ITEMS) {
			char tmp[64];
			snprintf(tmp, sizeof tmp, "%s... %lu more item%s", first ? " " : ", ",
			         (unsigned long)(len - i), len - i == 1 ? "" : "s");
			sb_puts(sb, tmp);
			first = 0;
			break;
		}
		sb_puts(sb, first ? " " : ", ");
		first = 0;
		if (!duk_has_prop_index(ctx, obj, (duk_uarridx_t)i)) {
			duk_size_t j = rt_next_present(ctx, obj, i + 1, len, &ix, &nix);
			char tmp[64];
			snprintf(tmp, sizeof tmp, "<%lu empty item%s>", (unsigned long)(j - i),
			         j - i == 1 ? "" : "s");
			sb_puts(sb, tmp);
			i = j;
			shown++;
			continue;
		}
		duk_get_prop_index(ctx, obj, (duk_uarridx_t)i);
		rt_inspect_value(sb, -1, depth + 1, 0);
		duk_pop(ctx);
		i++;
		shown++;
	}
	if (ix)
		duk_pop(ctx);
	rt_inspect_props(sb, obj, depth, 1, &first);
	sb_puts(sb, first ? "]" : " ]");
}

static void rt_inspect_object(rt_sb *sb, duk_idx_t obj, int depth, int top)
{
	duk_context *ctx = sb->ctx;
	const char *cls, *name;
	char prefix[160];
	void *hp = duk_get_heapptr(ctx, obj);
	int i, first = 1, is_array;

	for (i = 0; i < sb->npath; i++)
		if (sb->path[i] == hp) {
			sb_puts(sb, "[Circular]");
			return;
		}

	rt_push_class(ctx, obj);
	cls = duk_get_string(ctx, -1);      /* "[object X]" */
	rt_push_ctor_name(ctx, obj);
	name = duk_is_null(ctx, -1) ? NULL : duk_get_string(ctx, -1);
	is_array = duk_is_array(ctx, obj);

	if (duk_is_function(ctx, obj)) {
		const char *fname;
		rt_get_own_data(ctx, obj, "name");
		fname = duk_is_string(ctx, -1) ? duk_get_string(ctx, -1) : "";
		if (*fname) {
			sb_puts(sb, "[Function: ");
			sb_puts(sb, fname);
			sb_puts(sb, "]");
		} else {
			sb_puts(sb, "[Function (anonymous)]");
		}
		duk_pop(ctx);
		goto done;
	}
	if (duk_is_error(ctx, obj) || strcmp(cls, "[object Error]") == 0) {
		if (top) {
			duk_get_prop_string(ctx, obj, "stack");
			if (duk_is_string(ctx, -1)) {
				sb_puts(sb, duk_get_string(ctx, -1));
				duk_pop(ctx);
				goto done;
			}
			duk_pop(ctx);
		}
		sb_puts(sb, "[");
		duk_dup(ctx, obj);
		sb_puts(sb, duk_safe_to_string(ctx, -1));
		duk_pop(ctx);
		sb_puts(sb, "]");
		goto done;
	}
	if (strcmp(cls, "[object Date]") == 0) {
		duk_get_global_string(ctx, "Date");
		duk_get_prop_string(ctx, -1, "prototype");
		duk_get_prop_string(ctx, -1, "getTime");
		duk_dup(ctx, obj);
		duk_call_method(ctx, 0);
		if (isnan(duk_get_number(ctx, -1))) {
			sb_puts(sb, "Invalid Date");
		} else {
			duk_get_prop_string(ctx, -2, "toISOString");
			duk_dup(ctx, obj);
			duk_call_method(ctx, 0);
			sb_puts(sb, duk_get_string(ctx, -1));
			duk_pop(ctx);
		}
		duk_pop_3(ctx);
		goto done;
	}
	if (strcmp(cls, "[object RegExp]") == 0) {
		duk_get_global_string(ctx, "RegExp");
		duk_get_prop_string(ctx, -1, "prototype");
		duk_get_prop_string(ctx, -1, "toString");
		duk_dup(ctx, obj);
		duk_call_method(ctx, 0);
		sb_puts(sb, duk_safe_to_string(ctx, -1));
		duk_pop_3(ctx);
		goto done;
	}
	if (strcmp(cls, "[object Number]") == 0 || strcmp(cls, "[object String]") == 0 ||
	    strcmp(cls, "[object Boolean]") == 0 || strcmp(cls, "[object Symbol]") == 0) {
		char tag[32];
		snprintf(tag, sizeof tag, "[%.*s: ", (int)(strlen(cls) - 9), cls + 8);
		sb_puts(sb, tag);
		duk_get_prop_string(ctx, obj, "valueOf");
		duk_dup(ctx, obj);
		duk_call_method(ctx, 0);
		rt_inspect_value(sb, -1, depth + 1, 0);
		duk_pop(ctx);
		sb_puts(sb, "]");
		goto done;
	}
	if (depth > RT_INSPECT_DEPTH) {
		sb_puts(sb, "[");
		sb_puts(sb, is_array ? "Array" : name && *name ? name : "Object");
		sb_puts(sb, "]");
		goto done;
	}
	if (sb->npath >= RT_INSPECT_MAX_PATH) {
		sb_puts(sb, "[...]");
		goto done;
	}
	sb->path[sb->npath++] = hp;

	if (is_array) {
		if (name && *name && strcmp(name, "Array") != 0)
			snprintf(prefix, sizeof prefix, "%.100s(%lu) ", name,
			         (unsigned long)duk_get_length(ctx, obj));
		else
			prefix[0] = '\0';
		rt_inspect_array(sb, obj, depth, prefix);
	} else if (strcmp(cls, "[object ArrayBuffer]") == 0) {
		duk_get_prop_string(ctx, obj, "byteLength");
		snprintf(prefix, sizeof prefix, "ArrayBuffer { byteLength: %lu }",
		         (unsigned long)duk_to_uint32(ctx, -1));
		duk_pop(ctx);
		sb_puts(sb, prefix);
	} else if (duk_is_buffer_data(ctx, obj) && name && strcmp(name, "Buffer") == 0) {
		duk_size_t n, k;
		const unsigned char *p = duk_get_buffer_data(ctx, obj, &n);
		sb_puts(sb, "<Buffer");
		for (k = 0; k < n && k < 50; k++) {
			char hx[4];
			snprintf(hx, sizeof hx, " %02x", p[k]);
			sb_puts(sb, hx);
		}
		if (n > 50) {
			snprintf(prefix, sizeof prefix, " ... %lu more bytes", (unsigned long)(n - 50));
			sb_puts(sb, prefix);
		}
		sb_puts(sb, ">");
	} else if (duk_is_buffer_data(ctx, obj) && strcmp(cls, "[object DataView]") != 0) {
		snprintf(prefix, sizeof prefix, "%.*s(%lu) ", (int)(strlen(cls) - 9), cls + 8,
		         (unsigned long)duk_get_length(ctx, obj));
		rt_inspect_array(sb, obj, depth, prefix);
	} else {
		if (!name)
			sb_puts(sb, "[Object: null prototype] ");
		else if (*name && strcmp(name, "Object") != 0) {
			sb_puts(sb, name);
			sb_puts(sb, " ");
		}
		sb_puts(sb, "{");
		rt_inspect_props(sb, obj, depth, 0, &first);
		sb_puts(sb, first ? "}" : " }");
	}
	sb->npath--;
done:
	duk_pop_2(ctx);
}

static void rt_inspect_value(rt_sb *sb, duk_idx_t idx, int depth, int top)
{
	duk_context *ctx = sb->ctx;

	idx = duk_normalize_index(ctx, idx);
	switch (duk_get_type(ctx, idx)) {
	case DUK_TYPE_UNDEFINED: sb_puts(sb, "undefined"); break;
	case DUK_TYPE_NULL: sb_puts(sb, "null"); break;
	case DUK_TYPE_BOOLEAN: sb_puts(sb, duk_get_boolean(ctx, idx) ? "true" : "false"); break;
	case DUK_TYPE_NUMBER: sb_number(sb, duk_get_number(ctx, idx)); break;
	case DUK_TYPE_STRING:
		if (duk_is_symbol(ctx, idx)) {
			rt_push_symbol_text(ctx, idx);
			sb_puts(sb, duk_get_string(ctx, -1));
			duk_pop(ctx);
		} else {
			duk_size_t n;
			const char *s = duk_get_lstring(ctx, idx, &n);
			if (top)
				sb_put(sb, s, n);
			else
				sb_quoted(sb, s, n);
		}
		break;
	case DUK_TYPE_OBJECT: rt_inspect_object(sb, idx, depth, top); break;
	case DUK_TYPE_LIGHTFUNC: sb_puts(sb, "[Function: lightfunc]"); break;
	case DUK_TYPE_BUFFER: sb_puts(sb, "[Buffer]"); break;
	case DUK_TYPE_POINTER: sb_puts(sb, "[Pointer]"); break;
	default: sb_puts(sb, "[unknown]"); break;
	}
}

void rt_inspect(duk_context *ctx, duk_idx_t idx)
{
	rt_sb sb;
	idx = duk_normalize_index(ctx, idx);
	sb_init(&sb, ctx);
	rt_inspect_value(&sb, idx, 0, 0);
	sb_finish(&sb);
}

/* one argument of console.log: strings raw, errors as their stack */
static void rt_format_one(rt_sb *sb, duk_idx_t idx)
{
	rt_inspect_value(sb, idx, 0, 1);
}

void rt_format_args(duk_context *ctx, duk_idx_t first, duk_idx_t n)
{
	rt_sb sb;
	duk_idx_t a = first, end = first + n;

	sb_init(&sb, ctx);
	if (n > 0 && duk_is_string(ctx, first) && !duk_is_symbol(ctx, first)) {
		duk_size_t len, i, start = 0;
		const char *f = duk_get_lstring(ctx, first, &len);
		a = first + 1;
		for (i = 0; i + 1 < len; i++) {
			char c;
			if (f[i] != '%')
				continue;
			c = f[i + 1];
			if (c == '%') {
				sb_put(&sb, f + start, i - start);
				sb_puts(&sb, "%");
				start = i + 2;
				i++;
				continue;
			}
			if (!strchr("sdifjoOc", c) || a >= end)
				continue;
			sb_put(&sb, f + start, i - start);
			switch (c) {
			case 's':
				if (duk_is_string(ctx, a) && !duk_is_symbol(ctx, a))
					rt_format_one(&sb, a);
				else
					rt_inspect_value(&sb, a, 1, 0);
				break;
			case 'd': case 'i': case 'f':
				if (duk_is_symbol(ctx, a) || duk_is_object(ctx, a)) {
					sb_puts(&sb, "NaN");
				} else {
					double d;
					duk_dup(ctx, a);
					d = duk_to_number(ctx, -1);
					duk_pop(ctx);
					if (c == 'i')
						d = trunc(d);
					sb_number(&sb, d);
				}
				break;
			case 'j':
				duk_dup(ctx, a);
				if (duk_is_undefined(ctx, -1))
					sb_puts(&sb, "undefined");
				else
					sb_puts(&sb, duk_json_encode(ctx, -1));
				duk_pop(ctx);
				break;
			case 'o': case 'O':
				rt_inspect_value(&sb, a, 0, 0);
				break;
			case 'c':
				break;
			}
			a++;
			start = i + 2;
			i++;
		}
		sb_put(&sb, f + start, len - start);
	}
	for (; a < end; a++) {
		if (a > first)
			sb_puts(&sb, " ");
		rt_format_one(&sb, a);
	}
	sb_finish(&sb);
}
