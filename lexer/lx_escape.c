/*
 * lexer/lx_escape.c -- escape sequences of string literals and identifiers
 * (ES5.1 7.8.4 and 7.6, plus Annex B octal escapes and the \u{...} form that
 * Duktape 2.7 accepts), and the CESU-8 encoding Duktape stores strings in.
 * Used both to validate tokens while scanning and to cook their values.
 */
#include <config.h>

#include "lexer/lx_impl.h"

static int
hexval(lx_byte c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
bad(lx_esc *e, const lx_byte *at, const char *why)
{
	e->bad = at;
	e->why = why;
	return -1;
}

int
lx_esc_unicode(const lx_byte *p, const lx_byte *lim, lx_esc *e)
{
	uint32_t cp = 0;
	int i, v;

	e->what = LX_ESC_CHAR;
	e->legacy = 0;
	if (p >= lim || *p != 'u')
		return bad(e, p, "invalid escape: expected \\u");
	p++;
	if (p < lim && *p == '{') {
		/* ES2015 code point escape; Duktape 2.7 accepts it */
		p++;
		if (p >= lim || hexval(*p) < 0)
			return bad(e, p, "invalid Unicode escape: expected hexadecimal digit");
		while (p < lim && (v = hexval(*p)) >= 0) {
			cp = cp * 16 + (uint32_t)v;
			if (cp > 0x10FFFF)
				return bad(e, p, "invalid Unicode escape: code point above U+10FFFF");
			p++;
		}
		if (p >= lim || *p != '}')
			return bad(e, p, "invalid Unicode escape: expected '}'");
		e->cp = cp;
		e->next = p + 1;
		return 0;
	}
	for (i = 0; i < 4; i++, p++) {
		if (p >= lim || (v = hexval(*p)) < 0)
			return bad(e, p, "invalid Unicode escape: expected 4 hexadecimal digits");
		cp = cp * 16 + (uint32_t)v;
	}
	e->cp = cp;
	e->next = p;
	return 0;
}

int
lx_esc_string(const lx_byte *p, const lx_byte *lim, lx_esc *e)
{
	size_t n;
	int v1, v2;

	e->what = LX_ESC_CHAR;
	e->legacy = 0;
	e->next = p + 1;
	if (p >= lim)
		return bad(e, p, "unterminated string literal");
	if ((n = lx_lt_len(p, lim)) != 0) {
		e->what = LX_ESC_CONT;
		e->next = p + n;
		return 0;
	}
	switch (*p) {
	case 'b': e->cp = 0x08; return 0;
	case 'f': e->cp = 0x0C; return 0;
	case 'n': e->cp = 0x0A; return 0;
	case 'r': e->cp = 0x0D; return 0;
	case 't': e->cp = 0x09; return 0;
	case 'v': e->cp = 0x0B; return 0;
	case 'x':
		v1 = p + 1 < lim ? hexval(p[1]) : -1;
		if (v1 < 0)
			return bad(e, p + 1, "invalid hexadecimal escape: expected 2 hexadecimal digits");
		v2 = p + 2 < lim ? hexval(p[2]) : -1;
		if (v2 < 0)
			return bad(e, p + 2, "invalid hexadecimal escape: expected 2 hexadecimal digits");
		e->cp = (uint32_t)(v1 * 16 + v2);
		e->next = p + 3;
		return 0;
	case 'u':
		return lx_esc_unicode(p, lim, e);
	case '0': case '1': case '2': case '3':
	case '4': case '5': case '6': case '7': {
		/* \0 not followed by a digit is ES5.1 proper; the rest is Annex B
		 * OctalEscapeSequence: ZeroToThree Octal Octal | Octal Octal | Octal */
		uint32_t v = (uint32_t)(*p - '0');
		int max = *p <= '3' ? 3 : 2, k = 1;
		while (k < max && p + k < lim && p[k] >= '0' && p[k] <= '7') {
			v = v * 8 + (uint32_t)(p[k] - '0');
			k++;
		}
		e->cp = v;
		e->next = p + k;
		/* \0 followed by 8 or 9 is \0 then a digit, still not strict code */
		e->legacy = !(*p == '0' && k == 1 && !(p + 1 < lim && (p[1] == '8' || p[1] == '9')));
		return 0;
	}
	case '8': case '9':
		/* NonOctalDecimalEscapeSequence: the digit itself (sloppy only) */
		e->cp = *p;
		e->legacy = 1;
		return 0;
	default:
		n = lx_utf8_len(p, lim);
		if (n == 0)
			return bad(e, p, "invalid UTF-8 in string literal");
		e->cp = lx_utf8_decode(p, n);
		e->next = p + n;
		return 0;
	}
}

size_t
lx_cesu8_encode(uint32_t cp, lx_byte *out)
{
	uint32_t hi, lo;

	if (cp < 0x10000)
		return lx_utf8_encode(cp, out);   /* lone surrogates: 3 bytes too */
	cp -= 0x10000;
	hi = 0xD800 + (cp >> 10);
	lo = 0xDC00 + (cp & 0x3FF);
	lx_utf8_encode(hi, out);
	lx_utf8_encode(lo, out + 3);
	return 6;
}
