/*
 * rewriter/emit_out.c -- rw_out, the growable byte buffer the emitters write
 * into, and C string-literal escaping. Allocation failure is sticky (oom) so
 * emitters check once at the end.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rewriter/instrument.h"

void rw_out_init(rw_out *o)
{
	o->p = NULL;
	o->len = o->cap = 0;
	o->oom = 0;
}

void rw_out_free(rw_out *o)
{
	free(o->p);
	rw_out_init(o);
}

static int out_reserve(rw_out *o, size_t n)
{
	size_t need, cap;
	char *np;

	if (o->oom)
		return -1;
	if (n > (size_t)-1 - o->len - 1) {
		o->oom = 1;
		return -1;
	}
	need = o->len + n + 1;          /* keep room for a terminating NUL */
	if (need <= o->cap)
		return 0;
	cap = o->cap ? o->cap : 256;
	while (cap < need)
		cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
	np = realloc(o->p, cap);
	if (!np) {
		o->oom = 1;
		return -1;
	}
	o->p = np;
	o->cap = cap;
	return 0;
}

void rw_out_put(rw_out *o, const char *s, size_t n)
{
	if (out_reserve(o, n) < 0)
		return;
	if (n)
		memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

void rw_out_puts(rw_out *o, const char *s)
{
	rw_out_put(o, s, strlen(s));
}

void rw_out_printf(rw_out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* format straight into the spare room; retry once if it was too small */
	if (out_reserve(o, 128) < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->p + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		o->oom = 1;
		return;
	}
	if ((size_t)n >= o->cap - o->len) {
		if (out_reserve(o, (size_t)n) < 0)
			return;
		va_start(ap, fmt);
		vsnprintf(o->p + o->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	o->len += (size_t)n;
}

/* Printable ASCII stays as is except \ " ? (no trigraphs under -std=c99);
 * everything else becomes a three-digit octal escape, which can never absorb
 * a following digit. */
void rw_out_c_string(rw_out *o, const char *s, size_t n)
{
	char esc[5];
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"' && c != '?')
			continue;
		rw_out_put(o, s + run, i - run);
		run = i + 1;
		if (c == '\\' || c == '"' || c == '?') {
			esc[0] = '\\';
			esc[1] = (char)c;
			rw_out_put(o, esc, 2);
		} else if (c == '\n') {
			rw_out_put(o, "\\n", 2);
		} else {
			snprintf(esc, sizeof esc, "\\%03o", c);
			rw_out_put(o, esc, 4);
		}
	}
	rw_out_put(o, s + run, n - run);
}

/* A cooked name (CESU-8, as Duktape stores it: lexer/lx_cooked.c) as source
 * text: a surrogate pair becomes the 4-byte UTF-8 sequence of its code
 * point. Duktape's lexer refuses surrogates in identifiers, and reads the
 * 4-byte form back into the same CESU-8 name. */
void rw_out_name(rw_out *o, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	while (i + 6 <= n) {
		if (u[i] == 0xed && (u[i + 1] & 0xf0) == 0xa0 && u[i + 3] == 0xed &&
		    (u[i + 4] & 0xf0) == 0xb0) {
			uint32_t hi = 0xd000u | ((uint32_t)(u[i + 1] & 0x3f) << 6) | (u[i + 2] & 0x3fu);
			uint32_t lo = 0xd000u | ((uint32_t)(u[i + 4] & 0x3f) << 6) | (u[i + 5] & 0x3fu);
			uint32_t cp = 0x10000u + ((hi - 0xd800u) << 10) + (lo - 0xdc00u);
			char b[4];

			b[0] = (char)(0xf0 | (cp >> 18));
			b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
			b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
			b[3] = (char)(0x80 | (cp & 0x3f));
			rw_out_put(o, s + run, i - run);
			rw_out_put(o, b, 4);
			i += 6;
			run = i;
		} else {
			i++;
		}
	}
	rw_out_put(o, s + run, n - run);
}
