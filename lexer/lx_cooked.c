/*
 * lexer/lx_cooked.c -- the cooked (decoded) value of identifier and string
 * tokens, computed on demand so the token loop never allocates.
 *
 * Encoding choice, checked against Duktape 2.7 (duk_peval of literals, then
 * the bytes of the resulting string): Duktape keeps every string that
 * ECMAScript source creates in CESU-8. '\uD83D\uDE00', '\u{1F600}' and a raw
 * 4-byte U+1F600 in the source all become the 6 bytes ED A0 BD ED B8 80
 * (length 2), and '\uD800' becomes ED A0 80. A C string pushed with
 * duk_push_string is taken as is, so pushing the 4-byte UTF-8 form gives a
 * *different* string (length 1, not === the literal). lx_cooked therefore
 * produces CESU-8: code points above U+FFFF, escaped or raw, become
 * surrogate pairs of 3-byte sequences, and pushing the result reproduces
 * exactly the string Duktape would have made from the literal. Identifiers
 * follow the same rule so property names match too.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "lexer/lx_impl.h"

/* Copies source text [p, e), re-encoding 4-byte sequences as CESU-8. */
static lx_byte *
copy_raw(lx_byte *o, const lx_byte *p, const lx_byte *e)
{
	size_t n;

	while (p < e) {
		if (*p < 0xF0) {
			*o++ = *p++;
			continue;
		}
		n = lx_utf8_len(p, e);
		if (n != 4) {            /* cannot happen in a scanned token */
			*o++ = *p++;
			continue;
		}
		o += lx_cesu8_encode(lx_utf8_decode(p, 4), o);
		p += 4;
	}
	return o;
}

int
lx_cooked(const lx_lexer *lx, const lx_token *tok, char **out, size_t *outlen)
{
	const lx_byte *p = lx->orig + tok->off, *e = p + tok->len, *q;
	lx_byte *buf, *o;
	lx_esc esc;
	int is_string = tok->kind == LX_STRING;

	/* worst case growth is a raw 4-byte sequence becoming 6 bytes */
	buf = malloc((size_t)tok->len / 2 * 3 + 8);
	if (buf == NULL)
		return -1;
	o = buf;
	if (is_string && tok->len >= 2) {
		p++;
		e--;
	}
	if (!is_string && tok->kind != LX_IDENT &&
	    !(tok->kind >= LX_KW_BREAK && tok->kind <= LX_KW_YIELD)) {
		memcpy(o, p, tok->len);   /* other kinds: the raw text */
		o += tok->len;
		goto out;
	}
	while (p < e) {
		q = memchr(p, '\\', (size_t)(e - p));
		if (q == NULL)
			q = e;
		o = copy_raw(o, p, q);
		p = q;
		if (p == e)
			break;
		if ((is_string ? lx_esc_string(p + 1, e, &esc) : lx_esc_unicode(p + 1, e, &esc)) != 0) {
			/* not a token lx_next produced: keep the backslash */
			*o++ = *p++;
			continue;
		}
		if (esc.what == LX_ESC_CHAR)
			o += lx_cesu8_encode(esc.cp, o);
		p = esc.next;
	}
out:
	*o = '\0';
	*out = (char *)buf;
	*outlen = (size_t)(o - buf);
	return 0;
}
