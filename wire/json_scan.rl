/*
 * wire/json_scan.rl -- the JSON tokenizer of the snapshot reader, a Ragel
 * scanner (`ragel -C -G2` generates json_scan.c; never edit that). Strings
 * are validated byte by byte: escapes, and UTF-8 where U+D800..U+DFFF may
 * appear as 3-byte sequences (Duktape's internal form of lone surrogates);
 * no overlong forms, nothing above U+10FFFF, no raw control characters.
 * When no token matches, js_diagnose() finds the exact bad byte.
 */
#include <config.h>
#include <string.h>

#include "wire/json_scan.h"

/* Ragel -G2 output falls through between cases on purpose */
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-const-variable"

%%{
	machine js_scan;
	alphtype unsigned char;
	access sc->;
	variable p p;
	variable pe pe;
	variable eof eof;

	cont  = 0x80..0xBF;
	u8_2  = 0xC2..0xDF cont;
	u8_3  = 0xE0 0xA0..0xBF cont | 0xE1..0xEF cont cont;
	u8_4  = 0xF0 0x90..0xBF cont cont | 0xF1..0xF3 cont cont cont | 0xF4 0x80..0x8F cont cont;
	plain = (0x20..0x7F - ["\\]) | u8_2 | u8_3 | u8_4;
	esc   = '\\' ( ["\\/bfnrt] | 'u' xdigit{4} ) >{ sc->escaped = 1; };
	string = '"' ( plain | esc )* '"';

	frac   = '.' digit+ >{ sc->integer = 0; };
	expo   = [eE] [+\-]? digit+ >{ sc->integer = 0; };
	number = '-'? ( '0' | [1-9] digit* ) frac? expo?;

	main := |*
		[ \t\r\n]+ ;
		'{' => { tt = JT_LBRACE; fbreak; };
		'}' => { tt = JT_RBRACE; fbreak; };
		'[' => { tt = JT_LBRACK; fbreak; };
		']' => { tt = JT_RBRACK; fbreak; };
		':' => { tt = JT_COLON; fbreak; };
		',' => { tt = JT_COMMA; fbreak; };
		'true' => { tt = JT_TRUE; fbreak; };
		'false' => { tt = JT_FALSE; fbreak; };
		'null' => { tt = JT_NULL; fbreak; };
		string => { tt = JT_STRING; fbreak; };
		number => { tt = JT_NUMBER; fbreak; };
		any => { tt = JT_ERROR; fbreak; };
	*|;
}%%

%% write data;

void js_init(js_scan *sc, const void *data, size_t len)
{
	memset(sc, 0, sizeof *sc);
	sc->buf = data;
	sc->p = sc->buf;
	sc->pe = sc->buf + len;
	%% write init;
}

static int xval(uint8_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* Explain why the bytes at q do not start a token. */
static size_t js_diagnose(const uint8_t *q, const uint8_t *pe, const char **why)
{
	const uint8_t *s = q;
	if (*q == '"') {
		q++;
		while (q < pe) {
			uint8_t c = *q;
			if (c == '"')
				break;   /* unreachable in practice: the string was valid */
			if (c < 0x20) {
				*why = "control character in string (must be escaped)";
				return (size_t)(q - s);
			}
			if (c == '\\') {
				if (q + 1 >= pe)
					break;
				uint8_t e = q[1];
				if (e == 'u') {
					for (int k = 2; k < 6; k++) {
						if (q + k >= pe)
							goto trunc;
						if (!xval(q[k])) {
							*why = "bad \\u escape in string (4 hex digits expected)";
							return (size_t)(q + k - s);
						}
					}
					q += 6;
					continue;
				}
				if (!strchr("\"\\/bfnrt", e) || e == 0) {
					*why = "bad escape in string";
					return (size_t)(q + 1 - s);
				}
				q += 2;
				continue;
			}
			if (c < 0x80) {
				q++;
				continue;
			}
			int n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 :
			        c >= 0xF0 && c <= 0xF4 ? 4 : 0;
			if (!n) {
				*why = "invalid UTF-8 in string";
				return (size_t)(q - s);
			}
			for (int k = 1; k < n; k++) {
				if (q + k >= pe)
					goto trunc;
				uint8_t lo = 0x80, hi = 0xBF;
				if (k == 1) {
					if (c == 0xE0) lo = 0xA0;
					if (c == 0xF0) lo = 0x90;
					if (c == 0xF4) hi = 0x8F;
				}
				if (q[k] < lo || q[k] > hi) {
					*why = "invalid UTF-8 in string";
					return (size_t)(q + k - s);
				}
			}
			q += n;
		}
trunc:
		*why = "unterminated string";
		return (size_t)(pe - s);
	}
	if (*q == '-' || (*q >= '0' && *q <= '9')) {
		*why = "malformed number";
		return 0;
	}
	if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')) {
		*why = "unknown literal (true, false or null expected)";
		return 0;
	}
	*why = "unexpected character";
	return 0;
}

void js_next(js_scan *sc, js_tok *tok, const char **why)
{
	const uint8_t *p = sc->p, *pe = sc->pe, *eof = pe;
	js_tt tt = JT_EOF;

	sc->escaped = 0;
	sc->integer = 1;
	tok->type = JT_EOF;
	tok->off = (size_t)(pe - sc->buf);
	tok->p = pe;
	tok->len = 0;
	if (p == pe)
		return;
	%% write exec;
	sc->p = p;
	if (tt == JT_EOF) {
		if (sc->cs == js_scan_error) {
			tok->type = JT_ERROR;
			tok->off = (size_t)(p - sc->buf);
			*why = "unexpected byte";
		}
		return;
	}
	tok->type = tt;
	tok->off = (size_t)(sc->ts - sc->buf);
	tok->p = sc->ts;
	tok->len = (size_t)(sc->te - sc->ts);
	tok->escaped = sc->escaped;
	tok->integer = sc->integer;
	if (tt == JT_STRING) {
		tok->p++;
		tok->len -= 2;
	} else if (tt == JT_ERROR) {
		tok->off += js_diagnose(sc->ts, pe, why);
		sc->p = pe;   /* stop here */
	}
}
