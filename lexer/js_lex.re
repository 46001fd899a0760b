/*
 * lexer/js_lex.re -- the ECMAScript 5.1 tokenizer (re2c, UTF-8): lx_next()
 * and the Unicode identifier classifiers.
 *
 * Generated with `re2c -8 --case-ranges -W` into js_lex.c (never edit
 * that). The token and regex DFAs use bit vectors (re2c:bit-vectors in
 * their blocks): loops over a character class test one table bit per byte
 * (measured: 5% fewer instructions; computed gotos saved 3% more but made
 * the code 25 times bigger). ASCII words are not in the DFA: their end is
 * found 16 bytes at a time and reserved words by a perfect hash (measured:
 * 15% more instructions than keyword rules, but 13-17% more MB/s, the
 * per-byte loop exits and keyword-prefix branches being mispredicted
 * where these are not). The parser's lx_mode only matters for a `/`
 * that opens no comment:
 * in LX_MODE_RE it starts a regular expression literal (scanned by a small
 * DFA of its own, regex_end), in LX_MODE_DIV it is division. One token DFA
 * serves both modes (RE/DIV conditions cost a dispatch per token).
 *
 * Design notes:
 * - The input is NUL-terminated and read in place, and the terminating NUL
 *   is its only NUL (lx_new scans a copy if the source has others, see
 *   lx_impl.h): no rule reads past a NUL (re2c -W checks it, see
 *   -Wsentinel-in-midrule) and it ends the input. No bounds check per byte,
 *   and re2c can then use bit vectors (re2c:eof rules them out).
 * - Malformed input never falls through silently: a construct whose full
 *   rule fails (unterminated string, comment, regex or template; invalid
 *   UTF-8 inside it) is matched by a short fallback rule that diagnoses it.
 * - Unterminated constructs are reported at their first byte (the opening
 *   quote, the comment opener, `/`, backquote): what the user must look for. Every
 *   other error (bad escape, invalid UTF-8, stray character, bad number) is
 *   reported at the offending byte itself.
 * - HTML-like comments (Annex B, which Duktape 2.7 implements and node too):
 *   `<!--` anywhere starts a single-line comment; `-->` does when only
 *   whitespace and comments precede it on its line, and a line terminator
 *   came before (never at the very start of the input, as in Duktape).
 *   Elsewhere `-->` is `--` then `>`.
 * - Columns are counted incrementally (see lx_impl.h); tokens that may span
 *   lines (block comments, strings with line continuations, templates) are
 *   rescanned for line terminators, and only those.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lexer/lx_impl.h"

/*!include:re2c "unicode_categories.re" */

/*!re2c
	re2c:api:style = free-form;
	re2c:define:YYCTYPE = lx_byte;
	re2c:yyfill:enable = 0;

	lt          = "\r\n" | [\n\r\u2028\u2029];
	ws          = [\t\v\f \xA0\uFEFF] | Zs;
	anych       = [^\x00] | "\r\n";
	id_start    = L | Nl | [$_];
	id_part     = id_start | Mn | Mc | Nd | Pc | [\u200C\u200D];
	hex         = [0-9a-fA-F];
	uesc        = "\\u" (hex{4} | "{" hex+ "}");
	dec         = [0-9];
	exp         = [eE] [+-]? dec+;
	decint      = "0" | [1-9] dec*;
*/

/* Is the UTF-8 code point at p (NUL-terminated) an identifier start/part? */
static int
utf8_is_id_start(const lx_byte *YYCURSOR)
{
	const lx_byte *YYMARKER;
	(void)YYMARKER;
	/*!local:re2c
		id_start { return 1; }
		*        { return 0; }
	*/
}

static int
utf8_is_id_part(const lx_byte *YYCURSOR)
{
	const lx_byte *YYMARKER;
	(void)YYMARKER;
	/*!local:re2c
		id_part { return 1; }
		*       { return 0; }
	*/
}

int
lx_cp_is_id_start(uint32_t cp)
{
	lx_byte buf[5];

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	buf[lx_utf8_encode(cp, buf)] = '\0';
	return utf8_is_id_start(buf);
}

int
lx_cp_is_id_part(uint32_t cp)
{
	lx_byte buf[5];

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	buf[lx_utf8_encode(cp, buf)] = '\0';
	return utf8_is_id_part(buf);
}

/* ---- reserved words spelled with escapes ---- */

static const struct { const char *word; lx_kind kind; } keywords[] = {
	{"break", LX_KW_BREAK}, {"case", LX_KW_CASE}, {"catch", LX_KW_CATCH},
	{"class", LX_KW_CLASS}, {"const", LX_KW_CONST}, {"continue", LX_KW_CONTINUE},
	{"debugger", LX_KW_DEBUGGER}, {"default", LX_KW_DEFAULT}, {"delete", LX_KW_DELETE},
	{"do", LX_KW_DO}, {"else", LX_KW_ELSE}, {"enum", LX_KW_ENUM},
	{"export", LX_KW_EXPORT}, {"extends", LX_KW_EXTENDS}, {"false", LX_KW_FALSE},
	{"finally", LX_KW_FINALLY}, {"for", LX_KW_FOR}, {"function", LX_KW_FUNCTION},
	{"if", LX_KW_IF}, {"implements", LX_KW_IMPLEMENTS}, {"import", LX_KW_IMPORT},
	{"in", LX_KW_IN}, {"instanceof", LX_KW_INSTANCEOF}, {"interface", LX_KW_INTERFACE},
	{"let", LX_KW_LET}, {"new", LX_KW_NEW}, {"null", LX_KW_NULL},
	{"package", LX_KW_PACKAGE}, {"private", LX_KW_PRIVATE}, {"protected", LX_KW_PROTECTED},
	{"public", LX_KW_PUBLIC}, {"return", LX_KW_RETURN}, {"static", LX_KW_STATIC},
	{"super", LX_KW_SUPER}, {"switch", LX_KW_SWITCH}, {"this", LX_KW_THIS},
	{"throw", LX_KW_THROW}, {"true", LX_KW_TRUE}, {"try", LX_KW_TRY},
	{"typeof", LX_KW_TYPEOF}, {"var", LX_KW_VAR}, {"void", LX_KW_VOID},
	{"while", LX_KW_WHILE}, {"with", LX_KW_WITH}, {"yield", LX_KW_YIELD},
};

static int
is_keyword(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		if (strlen(keywords[i].word) == n && memcmp(keywords[i].word, s, n) == 0)
			return 1;
	return 0;
}

/* End of the identifier at p that may contain \\u escapes (the longest
 * one), or NULL if p starts none. */
static const lx_byte *
ident_end(const lx_byte *YYCURSOR)
{
	const lx_byte *YYMARKER;
	(void)YYMARKER;
	/*!local:re2c
		(id_start | uesc) (id_part | uesc)* { return YYCURSOR; }
		* { return NULL; }
	*/
}

/* End of the regular expression literal starting at `/` p (its body and
 * flags), or NULL if there is none before a line terminator or the end of
 * the input. A separate small DFA: the token DFA then needs no RE / DIV
 * conditions (one dispatch per token fewer), and the parser's mode only
 * matters for a `/` that is neither a comment opener nor followed by one. */
static const lx_byte *
regex_end(const lx_byte *YYCURSOR)
{
	const lx_byte *YYMARKER;
	(void)YYMARKER;
	/*!local:re2c
		re2c:bit-vectors = 1;   // see the top of the file
		rfirst = [^*\\/[\n\r\u2028\u2029\x00] | "\\" [^\n\r\u2028\u2029\x00];
		rchar  = [^\\/[\n\r\u2028\u2029\x00] | "\\" [^\n\r\u2028\u2029\x00];
		rclass = "[" ([^\]\\\n\r\u2028\u2029\x00] | "\\" [^\n\r\u2028\u2029\x00])* "]";
		"/" (rfirst | rclass) (rchar | rclass)* "/" id_part* { return YYCURSOR; }
		* { return NULL; }
	*/
}

/* ---- helpers of lx_next ---- */

/* Does an identifier start or a digit follow a numeric literal at p? */
static int
ident_or_digit_at(const lx_byte *p)
{
	lx_byte c = *p;

	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
		       c == '$' || c == '_' || c == '\\';
	return utf8_is_id_start(p);
}

/* Advances the line bookkeeping over the line terminators in [p, e).
 * Returns 1 if there was any. */
static int
count_lines(lx_lexer *lx, const lx_byte *p, const lx_byte *e)
{
	int any = 0;
	size_t n;

	while (p < e) {
		if (*p != '\n' && *p != '\r' && *p != 0xE2) {
			p++;
			continue;
		}
		n = lx_lt_len(p, e);
		if (n == 0) {
			p++;
			continue;
		}
		p += n;
		any = 1;
		lx->line++;
		lx->line_off = lx->col_off = (uint32_t)(p - lx->src);
		lx->col = 1;
	}
	return any;
}

/* Validates an identifier containing escapes, [p, e). Sets *kwesc if it
 * spells a reserved word. Returns NULL, or the offending byte with *why. */
static const lx_byte *
check_ident(const lx_byte *p, const lx_byte *e, int *kwesc, const char **why)
{
	char word[16];
	size_t wn = 0, n;
	int first = 1;
	lx_esc esc;
	uint32_t cp;

	while (p < e) {
		const lx_byte *at = p;
		if (*p == '\\') {
			if (lx_esc_unicode(p + 1, e, &esc) != 0) {
				*why = esc.why;
				return esc.bad;
			}
			cp = esc.cp;
			if (first ? !lx_cp_is_id_start(cp) : !lx_cp_is_id_part(cp)) {
				*why = first ? "invalid escape in identifier: not an identifier start character"
				             : "invalid escape in identifier: not an identifier character";
				return at;
			}
			p = esc.next;
		} else {
			n = lx_utf8_len(p, e);
			cp = lx_utf8_decode(p, n);
			p += n;
		}
		if (wn < sizeof word && cp < 0x80)
			word[wn++] = (char)cp;
		else
			wn = sizeof word;   /* not a reserved word */
		first = 0;
	}
	*kwesc = wn < sizeof word && is_keyword(word, wn);
	return NULL;
}

/* Validates the escapes of a string literal [p, e) (quotes included).
 * Returns NULL, or the offending byte with *why. */
static const lx_byte *
check_string(const lx_byte *p, const lx_byte *e, uint32_t *flags, int *multiline,
             const char **why)
{
	const lx_byte *q;
	lx_esc esc;

	for (p++, e--; p < e; ) {
		q = memchr(p, '\\', (size_t)(e - p));
		if (q == NULL)
			break;
		if (lx_esc_string(q + 1, e, &esc) != 0) {
			*why = esc.why;
			return esc.bad;
		}
		if (esc.what == LX_ESC_CONT)
			*multiline = 1;
		if (esc.legacy)
			*flags |= LX_F_LEGACY_OCTAL;
		p = esc.next;
	}
	*flags |= LX_F_ESCAPE;
	return NULL;
}

/* The long rule for a string, regex, comment or template failed: find out
 * why. Scans from `start` for invalid UTF-8 before the construct's end
 * (a line terminator when `line_ends`, else end of input). */
static lx_kind
diagnose(lx_lexer *lx, lx_token *tok, const lx_byte *start, int line_ends,
         int is_string, const char *what)
{
	const lx_byte *p = start + 1, *lim = lx->lim;
	size_t n;

	while (p < lim) {
		if (line_ends && lx_lt_len(p, lim) != 0)
			break;
		if (is_string && *p == '\\' && p + 1 < lim) {
			p++;
			if ((n = lx_lt_len(p, lim)) != 0) {
				p += n;
				continue;
			}
		}
		if ((n = lx_utf8_len(p, lim)) == 0)
			return lx_fail(lx, tok, p, "invalid UTF-8 byte 0x%02X", *p);
		p += n;
	}
	return lx_fail(lx, tok, start, "unterminated %s", what);
}

static lx_kind
stray(lx_lexer *lx, lx_token *tok, const lx_byte *p)
{
	size_t n = lx_utf8_len(p, lx->lim);
	uint32_t cp = n == 1 ? lx->orig[p - lx->src] : lx_utf8_decode(p, n);

	/* a Node script's first line; Duktape refuses it too */
	if (p == lx->src && p[0] == '#' && p + 1 < lx->lim && p[1] == '!')
		return lx_fail(lx, tok, p, "a '#!' line is not ES5.1: remove it (Duktape refuses it too)");
	if (cp > 0x20 && cp < 0x7F)
		return lx_fail(lx, tok, p, "unexpected character '%c'", (int)cp);
	return lx_fail(lx, tok, p, "unexpected character U+%04X", (unsigned)cp);
}

/* ---- ASCII words ---- */

/* First byte at or after p that is not [A-Za-z0-9$_] (the NUL at lim is
 * not). Reads whole 16-byte blocks while they end by lim + 1. */
static inline const lx_byte *
word_end(const lx_byte *p, const lx_byte *lim)
{
	static const lx_byte part[256] = {
		['$'] = 1, ['_'] = 1,
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
		['7'] = 1, ['8'] = 1, ['9'] = 1,
		['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
		['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
		['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
		['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
		['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
		['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
		['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
		['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
	};
#ifdef __SSE2__
	/* a byte range [lo, lo + n) is where (b - lo - 128) wraps to below
	 * -128 + n, as a signed byte */
	const __m128i case_bit = _mm_set1_epi8(0x20);
	const __m128i a_off = _mm_set1_epi8((char)('a' + 128)), a_n = _mm_set1_epi8(-128 + 26);
	const __m128i d_off = _mm_set1_epi8((char)('0' + 128)), d_n = _mm_set1_epi8(-128 + 10);
	const __m128i dollar = _mm_set1_epi8('$'), under = _mm_set1_epi8('_');

	while (lim + 1 - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i in = _mm_or_si128(
			_mm_or_si128(_mm_cmpgt_epi8(a_n, _mm_sub_epi8(_mm_or_si128(v, case_bit), a_off)),
			             _mm_cmpgt_epi8(d_n, _mm_sub_epi8(v, d_off))),
			_mm_or_si128(_mm_cmpeq_epi8(v, dollar), _mm_cmpeq_epi8(v, under)));
		unsigned out = ~(unsigned)_mm_movemask_epi8(in) & 0xFFFFu;
		if (out != 0)
			return p + __builtin_ctz(out);
		p += 16;
	}
#endif
	while (part[*p])
		p++;
	return p;
}

/* Reserved words by a perfect hash of their first 8 bytes and length:
 * (key ^ len) * KW_MUL >> 57 is a distinct slot for each (the multiplier
 * found by a search). `rest` is what follows the first 8 bytes. */
#define KW_MUL UINT64_C(0x42c37d374d08ac4d)
static const struct kw_slot {
	uint64_t key;      /* the first 8 bytes, little-endian, zero-padded */
	uint8_t  len;
	char     rest[3];
	lx_kind  kind;
} kw_slots[1 << 7] = {
	[0] = {0x0000000065736163u, 4, "", LX_KW_CASE},
	[2] = {0x0000007265707573u, 5, "", LX_KW_SUPER},
	[4] = {0x0065746176697270u, 7, "", LX_KW_PRIVATE},
	[6] = {0x65636e6174736e69u, 10, "of", LX_KW_INSTANCEOF},
	[8] = {0x000000006d756e65u, 4, "", LX_KW_ENUM},
	[11] = {0x0000006863746163u, 5, "", LX_KW_CATCH},
	[14] = {0x0000686374697773u, 6, "", LX_KW_SWITCH},
	[18] = {0x000000006c6c756eu, 4, "", LX_KW_NULL},
	[20] = {0x65746365746f7270u, 9, "d", LX_KW_PROTECTED},
	[22] = {0x000074726f706d69u, 6, "", LX_KW_IMPORT},
	[29] = {0x000000656c696877u, 5, "", LX_KW_WHILE},
	[32] = {0x7265676775626564u, 8, "", LX_KW_DEBUGGER},
	[34] = {0x0000000000797274u, 3, "", LX_KW_TRY},
	[38] = {0x006567616b636170u, 7, "", LX_KW_PACKAGE},
	[39] = {0x0000000065757274u, 4, "", LX_KW_TRUE},
	[40] = {0x6e656d656c706d69u, 10, "ts", LX_KW_IMPLEMENTS},
	[42] = {0x000063696c627570u, 6, "", LX_KW_PUBLIC},
	[43] = {0x000000646c656979u, 5, "", LX_KW_YIELD},
	[44] = {0x0000000000726176u, 3, "", LX_KW_VAR},
	[46] = {0x0000000000006f64u, 2, "", LX_KW_DO},
	[48] = {0x0000000068746977u, 4, "", LX_KW_WITH},
	[53] = {0x6361667265746e69u, 9, "e", LX_KW_INTERFACE},
	[54] = {0x00006e7275746572u, 6, "", LX_KW_RETURN},
	[55] = {0x000000776f726874u, 5, "", LX_KW_THROW},
	[57] = {0x000074726f707865u, 6, "", LX_KW_EXPORT},
	[58] = {0x0000000064696f76u, 4, "", LX_KW_VOID},
	[60] = {0x0000006b61657262u, 5, "", LX_KW_BREAK},
	[61] = {0x6e6f6974636e7566u, 8, "", LX_KW_FUNCTION},
	[70] = {0x0000636974617473u, 6, "", LX_KW_STATIC},
	[75] = {0x0000666f65707974u, 6, "", LX_KW_TYPEOF},
	[81] = {0x0073646e65747865u, 7, "", LX_KW_EXTENDS},
	[83] = {0x00006574656c6564u, 6, "", LX_KW_DELETE},
	[93] = {0x00746c7561666564u, 7, "", LX_KW_DEFAULT},
	[97] = {0x000000000077656eu, 3, "", LX_KW_NEW},
	[101] = {0x0000000000006669u, 2, "", LX_KW_IF},
	[104] = {0x000000000074656cu, 3, "", LX_KW_LET},
	[105] = {0x0000000073696874u, 4, "", LX_KW_THIS},
	[106] = {0x00796c6c616e6966u, 7, "", LX_KW_FINALLY},
	[107] = {0x0000000065736c65u, 4, "", LX_KW_ELSE},
	[110] = {0x0000000000726f66u, 3, "", LX_KW_FOR},
	[115] = {0x0000000000006e69u, 2, "", LX_KW_IN},
	[117] = {0x00000074736e6f63u, 5, "", LX_KW_CONST},
	[121] = {0x00000065736c6166u, 5, "", LX_KW_FALSE},
	[123] = {0x0000007373616c63u, 5, "", LX_KW_CLASS},
	[125] = {0x65756e69746e6f63u, 8, "", LX_KW_CONTINUE},
};

/* The reserved word [p, p + n) is, or LX_IDENT. */
static inline lx_kind
reserved_word(const lx_byte *p, size_t n, const lx_byte *lim)
{
	const struct kw_slot *e;
	uint64_t k = 0;
	size_t i, m = n < 8 ? n : 8;

	if (n < 2 || n > 10)
		return LX_IDENT;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (lim + 1 - p >= 8) {
		memcpy(&k, p, 8);
		if (m < 8)
			k &= (UINT64_C(1) << (8 * m)) - 1;
	} else
#endif
	{
		(void)lim;
		for (i = 0; i < m; i++)
			k |= (uint64_t)p[i] << (8 * i);
	}
	e = &kw_slots[((k ^ n) * KW_MUL) >> (64 - 7)];
	if (e->key == k && e->len == n && (n <= 8 || memcmp(e->rest, p + 8, n - 8) == 0))
		return e->kind;
	return LX_IDENT;
}

/* ---- the tokenizer ---- */

/* The blanks of lx_next's fast path (the DFA takes all others) */
enum { BLANK_SPACE = 1, BLANK_LF = 2 };
static const lx_byte blank[256] = {
	[' '] = BLANK_SPACE, ['\t'] = BLANK_SPACE, ['\n'] = BLANK_LF,
};

/* Column of the token at byte `off` past the known ASCII run (see
 * lx_impl.h): the code points since the run's end (or col_off, if later),
 * and the token becomes the new known position, with the ASCII run that
 * follows it found now. Each byte is looked at once or twice. */
static uint32_t __attribute__((noinline))
column_slow(lx_lexer *lx, uint32_t off)
{
	const lx_byte *lim = lx->lim;
	uint32_t from = lx->col_off, col = lx->col;

	if (lx->ascii_to > from) {   /* [col_off, ascii_to) is ASCII */
		col += lx->ascii_to - from;
		from = lx->ascii_to;
	}
	col += lx_count_cp(lx->src + from, lx->src + off, lim + 1);
	lx->col_off = off;
	lx->col = col;
	lx->ascii_to = (uint32_t)(lx_ascii_run(lx->src + off, lim, lim + 1) - lx->src);
	return col;
}

/* The token at lx->off in general: the DFA. `tok` is restrict: the token's
 * stores then need not reload the lexer's fields. */
static lx_kind __attribute__((noinline))
scan_token(lx_lexer *lx, lx_mode mode, lx_token *restrict tok)
{
	const lx_byte *cur, *mar, *start;
	const lx_byte *const lim = lx->lim;
	const char *why;
	const lx_byte *at;
	uint32_t flags = 0, off;
	int multiline = 0, kwesc = 0;
	unsigned radix_bits = 0;
	double num = 0.0;
	lx_kind kind;
	lx_byte c;

	if (__builtin_expect(lx->failed != 0, 0)) {
		if (lx->failed < 0) {   /* set by lx_new: nothing can be scanned */
			lx->col_off = lx->line_off = lx->off = 0;
			return lx_fail(lx, tok, lx->src, "source too large (4 GiB or more)");
		}
		*tok = lx->err_tok;
		return LX_ERROR;
	}
	cur = lx->src + lx->off;
	for (;;) {
		/* Fast path for the blanks between tokens, mostly spaces, tabs and
		 * LFs: a DFA run each would cost an indirect jump each (measured:
		 * a third fewer mispredicted indirect branches on real code). One
		 * table test per byte, and only LF is looked at twice. */
		while ((c = blank[*cur]) != 0) {
			cur++;
			if (c == BLANK_LF) {
				flags |= LX_F_NL_BEFORE;
				lx->line++;
				lx->line_off = lx->col_off = (uint32_t)(cur - lx->src);
				lx->col = 1;
			}
		}
		start = cur;
	/*!re2c
		re2c:define:YYCURSOR = cur;
		re2c:define:YYMARKER = mar;
		re2c:bit-vectors = 1;   // see the top of the file

		"\x00" {
			if (start == lim) {
				cur = start;
				kind = LX_EOF;
				goto done;
			}
			return stray(lx, tok, start);   /* cannot happen: see lx_new */
		}

		ws+ { continue; }
		lt {
			flags |= LX_F_NL_BEFORE;
			lx->line++;
			lx->line_off = lx->col_off = (uint32_t)(cur - lx->src);
			lx->col = 1;
			continue;
		}
		"//" [^\n\r\u2028\u2029\x00]* { continue; }
		"/*" ([^*\x00] | "*"+ [^*/\x00])* "*"+ "/" {
			if (count_lines(lx, start, cur))
				flags |= LX_F_NL_BEFORE;
			continue;
		}
		"/*" { return diagnose(lx, tok, start, 0, 0, "comment"); }
		"<!--" [^\n\r\u2028\u2029\x00]* { continue; }
		"-->" [^\n\r\u2028\u2029\x00]* {
			if (flags & LX_F_NL_BEFORE)
				continue;
			cur = start + 2;   /* not at a line start: `--` then `>` */
			kind = LX_DEC;
			goto done;
		}


		[a-zA-Z$_] { goto ascii_word; }
		(id_start \ [a-zA-Z$_]) | "\\" { goto long_word; }

		decint | decint "." dec* | "." dec+ | (decint | decint "." dec* | "." dec+) exp {
			goto decimal;
		}
		"0" dec* [89] dec* ("." dec*)? exp? {
			flags |= LX_F_OCTAL_LIKE;
			goto decimal;
		}
		"0" [0-7]+ { flags |= LX_F_LEGACY_OCTAL; radix_bits = 3; goto radix; }
		"0" [xX] hex+ { radix_bits = 4; goto radix; }
		"0" [oO] [0-7]+ { flags |= LX_F_ES2015_NUMBER; radix_bits = 3; goto radix; }
		"0" [bB] [01]+ { flags |= LX_F_ES2015_NUMBER; radix_bits = 1; goto radix; }
		"0" [xX] { return lx_fail(lx, tok, cur, "missing hexadecimal digits after '0x'"); }
		"0" [oO] { return lx_fail(lx, tok, cur, "missing octal digits after '0o'"); }
		"0" [bB] { return lx_fail(lx, tok, cur, "missing binary digits after '0b'"); }
		(decint | decint "." dec* | "." dec+ | "0" dec* [89] dec* ("." dec*)?) [eE] [+-]? {
			return lx_fail(lx, tok, cur, "missing exponent digits in numeric literal");
		}

		["] [^"\\\n\r\u2028\u2029\x00]* ["] { kind = LX_STRING; goto done; }
		['] [^'\\\n\r\u2028\u2029\x00]* ['] { kind = LX_STRING; goto done; }
		["] ([^"\\\n\r\u2028\u2029\x00] | "\\" anych)* ["]
		  | ['] ([^'\\\n\r\u2028\u2029\x00] | "\\" anych)* ['] {
			at = check_string(start, cur, &flags, &multiline, &why);
			if (at != NULL)
				return lx_fail(lx, tok, at, "%s", why);
			kind = LX_STRING;
			goto done;
		}
		["'] { return diagnose(lx, tok, start, 1, 1, "string literal"); }

		"`" ([^`\\$\x00] | "\\" anych | "$"+ ([^`\\${\x00] | "\\" anych))* "$"* ("`" | "${") {
			kind = LX_TEMPLATE;
			if (cur[-1] == '{')
				flags |= LX_F_TEMPLATE_HEAD;
			multiline = 1;
			goto done;
		}
		"`" { return diagnose(lx, tok, start, 0, 1, "template literal"); }

		"/" {
			if (mode == LX_MODE_DIV) {
				kind = LX_SLASH;
				if (*cur == '=') {
					cur++;
					kind = LX_DIV_ASSIGN;
				}
				goto done;
			}
			cur = regex_end(start);
			if (cur == NULL)
				return diagnose(lx, tok, start, 1, 0, "regular expression literal");
			if (*cur == '\\')
				return lx_fail(lx, tok, cur, "escape in regular expression flags");
			kind = LX_REGEX;
			goto done;
		}

		"{"    { kind = LX_LBRACE; goto done; }
		"}"    { kind = LX_RBRACE; goto done; }
		"("    { kind = LX_LPAREN; goto done; }
		")"    { kind = LX_RPAREN; goto done; }
		"["    { kind = LX_LBRACKET; goto done; }
		"]"    { kind = LX_RBRACKET; goto done; }
		"."    { kind = LX_DOT; goto done; }
		"..."  { kind = LX_ELLIPSIS; goto done; }
		";"    { kind = LX_SEMI; goto done; }
		","    { kind = LX_COMMA; goto done; }
		"<"    { kind = LX_LT; goto done; }
		">"    { kind = LX_GT; goto done; }
		"<="   { kind = LX_LE; goto done; }
		">="   { kind = LX_GE; goto done; }
		"=="   { kind = LX_EQ; goto done; }
		"!="   { kind = LX_NE; goto done; }
		"==="  { kind = LX_SEQ; goto done; }
		"!=="  { kind = LX_SNE; goto done; }
		"+"    { kind = LX_PLUS; goto done; }
		"-"    { kind = LX_MINUS; goto done; }
		"*"    { kind = LX_STAR; goto done; }
		"%"    { kind = LX_PERCENT; goto done; }
		"++"   { kind = LX_INC; goto done; }
		"--"   { kind = LX_DEC; goto done; }
		"<<"   { kind = LX_SHL; goto done; }
		">>"   { kind = LX_SAR; goto done; }
		">>>"  { kind = LX_SHR; goto done; }
		"&"    { kind = LX_AMP; goto done; }
		"|"    { kind = LX_PIPE; goto done; }
		"^"    { kind = LX_CARET; goto done; }
		"!"    { kind = LX_BANG; goto done; }
		"~"    { kind = LX_TILDE; goto done; }
		"&&"   { kind = LX_AND; goto done; }
		"||"   { kind = LX_OR; goto done; }
		"?"    { kind = LX_QUESTION; goto done; }
		":"    { kind = LX_COLON; goto done; }
		"="    { kind = LX_ASSIGN; goto done; }
		"+="   { kind = LX_ADD_ASSIGN; goto done; }
		"-="   { kind = LX_SUB_ASSIGN; goto done; }
		"*="   { kind = LX_MUL_ASSIGN; goto done; }
		"%="   { kind = LX_MOD_ASSIGN; goto done; }
		"<<="  { kind = LX_SHL_ASSIGN; goto done; }
		">>="  { kind = LX_SAR_ASSIGN; goto done; }
		">>>=" { kind = LX_SHR_ASSIGN; goto done; }
		"&="   { kind = LX_AND_ASSIGN; goto done; }
		"|="   { kind = LX_OR_ASSIGN; goto done; }
		"^="   { kind = LX_XOR_ASSIGN; goto done; }
		"**"   { kind = LX_EXP; goto done; }
		"**="  { kind = LX_EXP_ASSIGN; goto done; }
		"=>"   { kind = LX_ARROW; goto done; }

		[^] { return stray(lx, tok, start); }
		*   { return lx_fail(lx, tok, start, "invalid UTF-8 byte 0x%02X", *start); }
	*/
	}

ascii_word:
	/* An identifier or reserved word, ASCII so far: its end found 16 bytes
	 * at a time and the reserved words by a hash (no loop exit and no
	 * keyword-prefix state per byte to mispredict). A word that goes on with
	 * a non-ASCII byte or a backslash is rescanned whole: the rule above
	 * takes ASCII only, so no backtracking out of a UTF-8 sequence that
	 * turns out no identifier part. */
	cur = word_end(cur, lim);
	kind = reserved_word(start, (size_t)(cur - start), lim);
	if (__builtin_expect(*cur < 0x80 && *cur != '\\', 1))
		goto done;
	at = ident_end(start);   /* not NULL, and >= cur: [start, cur) is a word */
	if (at == cur)
		goto done;           /* what follows is no identifier part: the word ends */
	cur = at;
	goto rescanned;
long_word:
	/* starts with a non-ASCII identifier start or a backslash */
	cur = ident_end(start);
	if (cur == NULL) {
		if (start[1] == 'u')
			return lx_fail(lx, tok, start, "invalid Unicode escape in identifier");
		return lx_fail(lx, tok, start, "unexpected character '\\'");
	}
rescanned:
	kind = LX_IDENT;
	if (memchr(start, '\\', (size_t)(cur - start)) == NULL)
		goto done;
	at = check_ident(start, cur, &kwesc, &why);
	if (at != NULL)
		return lx_fail(lx, tok, at, "%s", why);
	flags |= LX_F_ESCAPE | (kwesc ? LX_F_KEYWORD_ESC : 0);
	goto done;

decimal:
	if (ident_or_digit_at(cur))
		return lx_fail(lx, tok, cur, "identifier starts immediately after numeric literal");
	num = lx_num_decimal(lx, start, cur);
	kind = LX_NUMBER;
	goto done;

radix:
	if (ident_or_digit_at(cur))
		return lx_fail(lx, tok, cur, (*cur >= '0' && *cur <= '9')
		               ? "invalid digit in numeric literal"
		               : "identifier starts immediately after numeric literal");
	/* skip the "0", "0x", "0o" or "0b" prefix */
	num = lx_num_radix(start + (radix_bits == 3 && !(flags & LX_F_ES2015_NUMBER) ? 1 : 2),
	                   cur, radix_bits);
	kind = LX_NUMBER;

done:
	off = (uint32_t)(start - lx->src);
	tok->kind = kind;
	tok->flags = flags;
	tok->off = off;
	tok->len = (uint32_t)(cur - start);
	tok->line = lx->line;
	tok->num = num;
	/* ASCII since the known position: the column is the byte distance */
	if (__builtin_expect(off <= lx->ascii_to, 1))
		tok->col = lx->col + (off - lx->col_off);
	else
		tok->col = column_slow(lx, off);
	if (__builtin_expect(multiline, 0))
		count_lines(lx, start, cur);
	lx->off = (uint32_t)(cur - lx->src);
	return kind;
}

/* Bytes that are a whole token whatever follows them, and '.' and '='
 * (which are when the next byte starts no longer token). */
static const uint8_t single[256] = {
	['('] = LX_LPAREN, [')'] = LX_RPAREN, ['{'] = LX_LBRACE, ['}'] = LX_RBRACE,
	['['] = LX_LBRACKET, [']'] = LX_RBRACKET, [';'] = LX_SEMI, [','] = LX_COMMA,
	[':'] = LX_COLON, ['?'] = LX_QUESTION, ['~'] = LX_TILDE,
	['.'] = LX_DOT, ['='] = LX_ASSIGN,
};

/* The next token. A third of the tokens of real code are punctuators like
 * `(` `)` `,` `;` after at most one space: they take a path small enough
 * to need none of the DFA function's registers saved, the rest the DFA. */
lx_kind
lx_next(lx_lexer *lx, lx_mode mode, lx_token *tok)
{
	const lx_byte *p = lx->src + lx->off;
	uint32_t off;
	lx_kind kind;

	p += *p == ' ';
	kind = (lx_kind)single[*p];
	if (kind != 0 && lx->failed == 0) {
		if ((kind == LX_DOT && ((p[1] >= '0' && p[1] <= '9') || p[1] == '.')) ||
		    (kind == LX_ASSIGN && (p[1] == '=' || p[1] == '>')))
			return scan_token(lx, mode, tok);
		off = (uint32_t)(p - lx->src);
		if (off <= lx->ascii_to) {
			tok->kind = kind;
			tok->flags = 0;   /* no line terminator before: one space at most */
			tok->off = off;
			tok->len = 1;
			tok->line = lx->line;
			tok->col = lx->col + (off - lx->col_off);
			tok->num = 0.0;
			lx->off = off + 1;
			return kind;
		}
	}
	return scan_token(lx, mode, tok);
}
