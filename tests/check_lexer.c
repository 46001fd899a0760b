/*
 * tests/check_lexer.c -- Check unit tests of lexer/ (lx_): token kinds and
 * spans, regex versus division in both parser-chosen modes, ASI newline
 * flags, string escapes and line continuations, numeric literals, Unicode
 * identifiers and whitespace, U+2028/U+2029, ES2015 tokens, error messages
 * with their file:line:col, saved states, lx_position and the Ragel line
 * scanner.
 */
#include <config.h>

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"

/* ---- helpers ---- */

#define MAXTOK 256

/* Tokens of `src` (length n), the mode for each chosen as a parser would
 * for simple expressions: DIV after an operand, RE elsewhere. `modes`, if
 * not NULL, overrides it token by token ('r' / 'd'; '.' = automatic). */
typedef struct lexed {
	lx_token tok[MAXTOK];
	int      n;          /* tokens before EOF or ERROR */
	lx_kind  last;       /* LX_EOF or LX_ERROR */
	char     err[512];
} lexed;

static int
operand_end(lx_kind k)
{
	return k == LX_IDENT || k == LX_NUMBER || k == LX_STRING || k == LX_REGEX ||
	       k == LX_RPAREN || k == LX_RBRACKET || k == LX_RBRACE ||
	       k == LX_KW_THIS || k == LX_KW_NULL || k == LX_KW_TRUE || k == LX_KW_FALSE;
}

static void
lex_n(lexed *r, const char *src, size_t n, const char *modes)
{
	/* an exact-size copy, so valgrind and ASan see any read past src[n] */
	char *copy = malloc(n + 1);
	lx_lexer *lx;
	lx_mode mode = LX_MODE_RE;
	lx_token t;
	int i, nmodes = modes != NULL ? (int)strlen(modes) : 0;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, src, n);
	copy[n] = '\0';
	lx = lx_new("t.js", copy, n);
	ck_assert_ptr_nonnull(lx);
	memset(r, 0, sizeof *r);
	for (i = 0; i < MAXTOK; i++) {
		if (i < nmodes && modes[i] == 'r')
			mode = LX_MODE_RE;
		else if (i < nmodes && modes[i] == 'd')
			mode = LX_MODE_DIV;
		lx_next(lx, mode, &t);
		if (t.kind == LX_EOF || t.kind == LX_ERROR) {
			r->last = t.kind;
			r->tok[i] = t;
			break;
		}
		r->tok[r->n++] = t;
		mode = operand_end(t.kind) ? LX_MODE_DIV : LX_MODE_RE;
	}
	ck_assert_int_lt(i, MAXTOK);
	snprintf(r->err, sizeof r->err, "%s", lx_error(lx));
	lx_free(lx);
	free(copy);
}

static void
lex(lexed *r, const char *src)
{
	lex_n(r, src, strlen(src), NULL);
}

static void
lexm(lexed *r, const char *src, const char *modes)
{
	lex_n(r, src, strlen(src), modes);
}

/* Asserts the kinds of all tokens (terminated by LX_EOF). */
static void
expect_kinds(const lexed *r, const lx_kind *k)
{
	int i;

	for (i = 0; k[i] != LX_EOF; i++) {
		ck_assert_msg(i < r->n, "token %d missing (got %d tokens; error '%s')", i, r->n, r->err);
		ck_assert_msg(r->tok[i].kind == k[i], "token %d: got %s, want %s", i,
		              lx_kind_name(r->tok[i].kind), lx_kind_name(k[i]));
	}
	ck_assert_int_eq(r->n, i);
	ck_assert_msg(r->last == LX_EOF, "ended with error '%s'", r->err);
}

#define KINDS(r, ...) do { const lx_kind k_[] = {__VA_ARGS__, LX_EOF}; expect_kinds(r, k_); } while (0)

/* Asserts that lexing ends in the error `msg` (full "t.js:L:C: reason"). */
static void
expect_error(const char *src, size_t n, const char *msg)
{
	lexed r;

	lex_n(&r, src, n, NULL);
	ck_assert_msg(r.last == LX_ERROR, "'%s': expected error '%s', got none", src, msg);
	ck_assert_str_eq(r.err, msg);
}

#define ERR(src, msg) expect_error(src, sizeof(src) - 1, msg)

/* The single token of src, which must be the whole input. */
static lx_token
one(const char *src, lx_mode mode)
{
	lexed r;

	lexm(&r, src, mode == LX_MODE_DIV ? "d" : "r");
	ck_assert_msg(r.n == 1 && r.last == LX_EOF, "'%s': %d tokens, error '%s'", src, r.n, r.err);
	ck_assert_uint_eq(r.tok[0].off, 0);
	ck_assert_uint_eq(r.tok[0].len, strlen(src));
	return r.tok[0];
}

/* The cooked value of the single token of src. */
static char *
cooked(const char *src, size_t *n)
{
	lx_lexer *lx = lx_new("t.js", src, strlen(src));
	lx_token t;
	char *out = NULL;
	size_t len = 0;

	ck_assert_ptr_nonnull(lx);
	lx_next(lx, LX_MODE_RE, &t);
	ck_assert_msg(t.kind != LX_ERROR, "'%s': %s", src, lx_error(lx));
	ck_assert_uint_eq(t.len, strlen(src));
	ck_assert_int_eq(lx_cooked(lx, &t, &out, &len), 0);
	ck_assert_uint_eq(strlen(out) <= len, 1);
	lx_free(lx);
	if (n != NULL)
		*n = len;
	return out;
}

static void
expect_cooked(const char *src, const char *want, size_t wantlen)
{
	size_t n;
	char *s = cooked(src, &n);

	ck_assert_msg(n == wantlen && memcmp(s, want, n) == 0, "'%s': cooked value differs (len %zu, want %zu)",
	              src, n, wantlen);
	free(s);
}

#define COOKED(src, want) expect_cooked(src, want, sizeof(want) - 1)

static double
num(const char *src)
{
	lx_token t = one(src, LX_MODE_RE);

	ck_assert_int_eq(t.kind, LX_NUMBER);
	return t.num;
}

/* ---- regex versus division ---- */

START_TEST(div_after_operands)
{
	lexed r;

	lex(&r, "a / b / c");
	KINDS(&r, LX_IDENT, LX_SLASH, LX_IDENT, LX_SLASH, LX_IDENT);
	lex(&r, "x /= 2");
	KINDS(&r, LX_IDENT, LX_DIV_ASSIGN, LX_NUMBER);
	lex(&r, "(a) / 2 / 1");
	KINDS(&r, LX_LPAREN, LX_IDENT, LX_RPAREN, LX_SLASH, LX_NUMBER, LX_SLASH, LX_NUMBER);
	lex(&r, "a[0] / 2");
	KINDS(&r, LX_IDENT, LX_LBRACKET, LX_NUMBER, LX_RBRACKET, LX_SLASH, LX_NUMBER);
	lex(&r, "this / 2; null / 1; true/false");
	KINDS(&r, LX_KW_THIS, LX_SLASH, LX_NUMBER, LX_SEMI, LX_KW_NULL, LX_SLASH, LX_NUMBER,
	      LX_SEMI, LX_KW_TRUE, LX_SLASH, LX_KW_FALSE);
	lex(&r, "'s' / 2");
	KINDS(&r, LX_STRING, LX_SLASH, LX_NUMBER);
	lex(&r, "/a/g / 2");
	KINDS(&r, LX_REGEX, LX_SLASH, LX_NUMBER);
}
END_TEST

START_TEST(regex_where_operand_expected)
{
	lexed r;

	lex(&r, "x = /ab+c/gi");
	KINDS(&r, LX_IDENT, LX_ASSIGN, LX_REGEX);
	ck_assert_uint_eq(r.tok[2].off, 4);
	ck_assert_uint_eq(r.tok[2].len, 8);
	lex(&r, "return /re/.test(s)");
	KINDS(&r, LX_KW_RETURN, LX_REGEX, LX_DOT, LX_IDENT, LX_LPAREN, LX_IDENT, LX_RPAREN);
	lex(&r, "typeof /x/");
	KINDS(&r, LX_KW_TYPEOF, LX_REGEX);
	lex(&r, "f(/=/)");
	KINDS(&r, LX_IDENT, LX_LPAREN, LX_REGEX, LX_RPAREN);
	ck_assert_uint_eq(r.tok[2].len, 3);
	lex(&r, "[/]/]");    /* a class may hold an unescaped slash */
	KINDS(&r, LX_LBRACKET, LX_REGEX, LX_RBRACKET);
	ck_assert_uint_eq(r.tok[1].len, 3);
	lex(&r, "/[/]/.source + /\\//");
	KINDS(&r, LX_REGEX, LX_DOT, LX_IDENT, LX_PLUS, LX_REGEX);
	ck_assert_uint_eq(r.tok[4].len, 4);
}
END_TEST

/* The parser decides after `)`, `]`, `}`, identifiers and keywords: both
 * modes must do the right thing after each. */
START_TEST(parser_chooses_mode)
{
	lexed r;

	/* if (x) /re/.exec(s) -- after ')' of an if, a regex */
	lexm(&r, "if (x) /re/.exec(s)", "....r");
	KINDS(&r, LX_KW_IF, LX_LPAREN, LX_IDENT, LX_RPAREN, LX_REGEX, LX_DOT, LX_IDENT,
	      LX_LPAREN, LX_IDENT, LX_RPAREN);
	ck_assert_uint_eq(r.tok[4].len, 4);
	lexm(&r, "(x) /re/g", "...d");
	KINDS(&r, LX_LPAREN, LX_IDENT, LX_RPAREN, LX_SLASH, LX_IDENT, LX_SLASH, LX_IDENT);
	/* ']' : division after an element access, regex after an array literal
	 * statement is not ES; both modes work */
	lexm(&r, "] /a/", "rr");
	KINDS(&r, LX_RBRACKET, LX_REGEX);
	lexm(&r, "] /a/", "rd");
	KINDS(&r, LX_RBRACKET, LX_SLASH, LX_IDENT, LX_SLASH);
	/* '}' ending a block: a regex statement follows */
	lexm(&r, "{}\n/foo/.test(s)", "rrr");
	KINDS(&r, LX_LBRACE, LX_RBRACE, LX_REGEX, LX_DOT, LX_IDENT, LX_LPAREN, LX_IDENT, LX_RPAREN);
	ck_assert(r.tok[2].flags & LX_F_NL_BEFORE);
	/* '}' ending an object literal: division */
	lexm(&r, "{} / 2", "rrd");
	KINDS(&r, LX_LBRACE, LX_RBRACE, LX_SLASH, LX_NUMBER);
	/* identifiers and keywords in either mode */
	lexm(&r, "a /=b/", ".r");
	KINDS(&r, LX_IDENT, LX_REGEX);
	lexm(&r, "a /=b/", ".d");
	KINDS(&r, LX_IDENT, LX_DIV_ASSIGN, LX_IDENT, LX_SLASH);
	lexm(&r, "in /x/", "rr");
	KINDS(&r, LX_KW_IN, LX_REGEX);
	lexm(&r, "in /x/", "rd");
	KINDS(&r, LX_KW_IN, LX_SLASH, LX_IDENT, LX_SLASH);
	/* a comment is never a regex or division, in both modes */
	lexm(&r, "a //c\n/*d*/ b", "dd");
	KINDS(&r, LX_IDENT, LX_IDENT);
	lexm(&r, "a //c\n/*d*/ b", "rr");
	KINDS(&r, LX_IDENT, LX_IDENT);
}
END_TEST

START_TEST(regex_flags_and_errors)
{
	lx_token t = one("/a\\/b[\\]/]c/gimy", LX_MODE_RE);

	ck_assert_int_eq(t.kind, LX_REGEX);
	ERR("x = /abc\n/", "t.js:1:5: unterminated regular expression literal");
	ERR("x = /abc", "t.js:1:5: unterminated regular expression literal");
	ERR("x = /[/\n]/", "t.js:1:5: unterminated regular expression literal");
	ERR("x = /a\\\n/", "t.js:1:5: unterminated regular expression literal");
	ERR("x = /a\xe2\x80\xa8/", "t.js:1:5: unterminated regular expression literal");
	ERR("/a/g\\u0069", "t.js:1:5: escape in regular expression flags");
	ERR("x = /a\xff/", "t.js:1:7: invalid UTF-8 byte 0xFF");
}
END_TEST

/* ---- line terminators and ASI ---- */

START_TEST(newline_flags)
{
	lexed r;

	lex(&r, "a\nb c");
	KINDS(&r, LX_IDENT, LX_IDENT, LX_IDENT);
	ck_assert_uint_eq(r.tok[0].flags & LX_F_NL_BEFORE, 0);
	ck_assert(r.tok[1].flags & LX_F_NL_BEFORE);
	ck_assert_uint_eq(r.tok[2].flags & LX_F_NL_BEFORE, 0);
	lex(&r, "\na");
	ck_assert(r.tok[0].flags & LX_F_NL_BEFORE);
	lex(&r, "a /* x\n */ b /* y */ c");
	KINDS(&r, LX_IDENT, LX_IDENT, LX_IDENT);
	ck_assert(r.tok[1].flags & LX_F_NL_BEFORE);
	ck_assert_uint_eq(r.tok[2].flags & LX_F_NL_BEFORE, 0);
	ck_assert_uint_eq(r.tok[2].line, 2);
	lex(&r, "a // x\nb");
	ck_assert(r.tok[1].flags & LX_F_NL_BEFORE);
	lex(&r, "return\nx");     /* restricted production: the parser sees the flag */
	KINDS(&r, LX_KW_RETURN, LX_IDENT);
	ck_assert(r.tok[1].flags & LX_F_NL_BEFORE);
	lex(&r, "a\n++b");
	KINDS(&r, LX_IDENT, LX_INC, LX_IDENT);
	ck_assert(r.tok[1].flags & LX_F_NL_BEFORE);
	ck_assert_uint_eq(r.tok[2].flags & LX_F_NL_BEFORE, 0);
	/* the flag is the token's own: EOF after a newline has it too */
	lex(&r, "a\n");
	ck_assert(r.tok[1].kind == LX_EOF && (r.tok[1].flags & LX_F_NL_BEFORE));
}
END_TEST

START_TEST(line_terminators)
{
	lexed r;

	lex(&r, "a\r\nb\rc\n\nd\xe2\x80\xa8" "e\xe2\x80\xa9" "f");
	KINDS(&r, LX_IDENT, LX_IDENT, LX_IDENT, LX_IDENT, LX_IDENT, LX_IDENT);
	ck_assert_uint_eq(r.tok[1].line, 2);   /* CRLF is one terminator */
	ck_assert_uint_eq(r.tok[2].line, 3);
	ck_assert_uint_eq(r.tok[3].line, 5);
	ck_assert_uint_eq(r.tok[4].line, 6);   /* U+2028 */
	ck_assert_uint_eq(r.tok[5].line, 7);   /* U+2029 */
	ck_assert(r.tok[4].flags & LX_F_NL_BEFORE);
	ck_assert(r.tok[5].flags & LX_F_NL_BEFORE);
	ck_assert_uint_eq(r.tok[5].col, 1);
	/* U+2028 ends a single-line comment */
	lex(&r, "a // c\xe2\x80\xa8" "b");
	KINDS(&r, LX_IDENT, LX_IDENT);
	ck_assert(r.tok[1].flags & LX_F_NL_BEFORE);
	ck_assert_uint_eq(r.tok[1].line, 2);
	/* and counts as a newline inside a block comment */
	lex(&r, "a /* \xe2\x80\xa9 */ b\nc");
	KINDS(&r, LX_IDENT, LX_IDENT, LX_IDENT);
	ck_assert(r.tok[1].flags & LX_F_NL_BEFORE);
	ck_assert_uint_eq(r.tok[1].line, 2);
	ck_assert_uint_eq(r.tok[1].col, 5);
	ck_assert_uint_eq(r.tok[2].line, 3);
	/* a raw U+2028 cannot appear in an ES5.1 string literal */
	ERR("x = 'a\xe2\x80\xa8'", "t.js:1:5: unterminated string literal");
	ERR("x = \"a\xe2\x80\xa9\"", "t.js:1:5: unterminated string literal");
}
END_TEST

START_TEST(whitespace)
{
	lexed r;

	/* tab VT FF space NBSP BOM U+3000 (Zs) U+2003 (Zs) */
	lex(&r, "\t\v\f \xc2\xa0\xef\xbb\xbf\xe3\x80\x80\xe2\x80\x83x");
	KINDS(&r, LX_IDENT);
	ck_assert_uint_eq(r.tok[0].col, 9);
	ck_assert_uint_eq(r.tok[0].off, 15);
	ck_assert_uint_eq(r.tok[0].flags & LX_F_NL_BEFORE, 0);
	lex(&r, "");
	ck_assert_int_eq(r.n, 0);
	ck_assert_int_eq(r.last, LX_EOF);
	lex(&r, "  /* only */ // comments");
	ck_assert_int_eq(r.n, 0);
	ck_assert_int_eq(r.last, LX_EOF);
}
END_TEST

START_TEST(columns_count_code_points)
{
	lexed r;

	lex(&r, "'\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80' x\n  y");
	KINDS(&r, LX_STRING, LX_IDENT, LX_IDENT);
	ck_assert_uint_eq(r.tok[1].col, 7);
	ck_assert_uint_eq(r.tok[1].off, 12);
	ck_assert_uint_eq(r.tok[2].line, 2);
	ck_assert_uint_eq(r.tok[2].col, 3);
}
END_TEST

/* Columns over gaps of every length, multi-byte characters at every
 * alignment, and tokens that end at the very end of the input (the column
 * counter reads whole words). */
START_TEST(columns_long_gaps)
{
	static const char *const ch[] = {"a", "\xc3\xa9", "\xe6\x97\xa5", "\xf0\x9f\x98\x80"};
	char src[256];
	size_t n, i, k;
	uint32_t cps;
	lexed r;

	for (k = 0; k < 4; k++)
		for (i = 0; i < 40; i++) {
			/* '<i characters>' x, the characters cycling from ch[k] on */
			n = 0;
			cps = 0;
			src[n++] = '\'';
			for (size_t j = 0; j < i; j++) {
				const char *c = ch[(k + j) % 4];
				memcpy(src + n, c, strlen(c));
				n += strlen(c);
				cps++;
			}
			src[n++] = '\'';
			src[n++] = ' ';
			src[n++] = 'x';
			lex_n(&r, src, n, NULL);
			KINDS(&r, LX_STRING, LX_IDENT);
			ck_assert_uint_eq(r.tok[1].col, cps + 4);
			ck_assert_uint_eq(r.tok[1].off, n - 1);
		}
}
END_TEST

/* Line and column of byte `off` by walking from the start (the reference). */
static void
naive_position(const char *src, uint32_t off, uint32_t *line, uint32_t *col)
{
	const unsigned char *p = (const unsigned char *)src, *e = p + off;

	*line = 1;
	*col = 1;
	while (p < e) {
		if (*p == '\r' || *p == '\n' ||
		    (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))) {
			p += *p == '\r' && p[1] == '\n' ? 2 : *p == 0xE2 ? 3 : 1;
			++*line;
			*col = 1;
			continue;
		}
		*col += (*p & 0xC0) != 0x80;
		p++;
	}
}

/* Random programs mixing ASCII and non-ASCII tokens, comments and line
 * terminators of every kind: each token's line and column against the
 * reference walk, and again after restoring a saved state mid-way. */
START_TEST(columns_random_programs)
{
	static const char *const piece[] = {
		"a", "bb", "caf\xc3\xa9", "\xe6\x97\xa5\xe6\x9c\xac", "'x'", "'\xc3\xa9t\xc3\xa9'",
		"\"\xf0\x9f\x98\x80\"", "// \xc2\xb0" "C\n", "/* a\nb */", "/* \xc3\xa9\r\n\xc3\xa9 */",
		" ", "\t", "\n", "\r\n", "\r", "\xe2\x80\xa8", "(", ")", "+", "42", "1.5",
		"\xc2\xa0", "'a\\\nb'", "`t\n\xc3\xa9`", "x\\u0061",
		"caf\xc3\xa9(", "'\xc3\xa9'+", /* a token right after the first non-ASCII byte */
	};
	enum { NP = sizeof piece / sizeof piece[0] };
	uint64_t rng = 88172645463325252u;
	char src[2048];
	size_t n;
	int round, i, k, saved_at;
	lx_lexer *lx;
	lx_token t, toks[400];
	lx_state st;
	uint32_t line, col;

	for (round = 0; round < 100; round++) {
		n = 0;
		for (i = 0; i < 120; i++) {
			const char *pc;
			rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
			pc = piece[rng % NP];
			if (n + strlen(pc) + 2 >= sizeof src)
				break;
			memcpy(src + n, pc, strlen(pc));
			n += strlen(pc);
			src[n++] = ' ';   /* keeps tokens apart */
		}
		src[n] = '\0';
		lx = lx_new("t.js", src, n);
		ck_assert_ptr_nonnull(lx);
		saved_at = (int)(rng >> 40) % 60;
		for (k = 0; k < 400; k++) {
			if (k == saved_at)
				lx_save(lx, &st);
			lx_next(lx, LX_MODE_DIV, &t);
			ck_assert_msg(t.kind != LX_ERROR, "%s", lx_error(lx));
			naive_position(src, t.off, &line, &col);
			ck_assert_msg(t.line == line && t.col == col,
			              "round %d token %d at %u: %u:%u, want %u:%u", round, k,
			              (unsigned)t.off, (unsigned)t.line, (unsigned)t.col,
			              (unsigned)line, (unsigned)col);
			lx_position(lx, t.off, &line, &col);
			ck_assert(t.line == line && t.col == col);
			toks[k] = t;
			if (t.kind == LX_EOF)
				break;
		}
		ck_assert_int_lt(k, 400);
		if (saved_at <= k) {
			lx_restore(lx, &st);
			for (i = saved_at; i <= k; i++) {
				lx_next(lx, LX_MODE_DIV, &t);
				ck_assert_uint_eq(t.off, toks[i].off);
				ck_assert_uint_eq(t.line, toks[i].line);
				ck_assert_uint_eq(t.col, toks[i].col);
			}
		}
		lx_free(lx);
	}
}
END_TEST

/* Annex B HTML-like comments, exactly where Duktape 2.7 takes them. */
START_TEST(html_comments)
{
	lexed r;

	lex(&r, "x = a<!--b\ny");
	KINDS(&r, LX_IDENT, LX_ASSIGN, LX_IDENT, LX_IDENT);
	ck_assert(r.tok[3].flags & LX_F_NL_BEFORE);
	lex(&r, "<!-- all\n<!--");
	ck_assert_int_eq(r.n, 0);
	ck_assert_int_eq(r.last, LX_EOF);
	lex(&r, "x\n  --> comment\ny");
	KINDS(&r, LX_IDENT, LX_IDENT);
	ck_assert_uint_eq(r.tok[1].line, 3);
	lex(&r, "x /*\n*/ --> comment\ny");
	KINDS(&r, LX_IDENT, LX_IDENT);
	/* not at a line start: decrement then greater-than */
	lex(&r, "a-->b");
	KINDS(&r, LX_IDENT, LX_DEC, LX_GT, LX_IDENT);
	ck_assert_uint_eq(r.tok[2].off, 3);
	ck_assert_uint_eq(r.tok[2].col, 4);
	lex(&r, "a /* */ -->=b");
	KINDS(&r, LX_IDENT, LX_DEC, LX_GE, LX_IDENT);
	/* nor at the very start of the input */
	lex(&r, "-->a");
	KINDS(&r, LX_DEC, LX_GT, LX_IDENT);
	ERR("x\n--> \xff", "t.js:2:5: invalid UTF-8 byte 0xFF");
}
END_TEST

/* ---- strings ---- */

START_TEST(string_escapes)
{
	lx_token t;

	COOKED("'plain'", "plain");
	COOKED("\"dq 'x'\"", "dq 'x'");
	COOKED("'\\b\\f\\n\\r\\t\\v'", "\b\f\n\r\t\v");
	COOKED("'\\'\\\"\\\\'", "'\"\\");
	COOKED("'\\x41\\x7a\\xFf'", "Az\xc3\xbf");
	COOKED("'\\u0041\\u00e9\\u65E5'", "A\xc3\xa9\xe6\x97\xa5");
	COOKED("'\\u{41}\\u{1F600}'", "A\xed\xa0\xbd\xed\xb8\x80");    /* CESU-8 */
	COOKED("'\\uD83D\\uDE00'", "\xed\xa0\xbd\xed\xb8\x80");
	COOKED("'\xf0\x9f\x98\x80'", "\xed\xa0\xbd\xed\xb8\x80");
	COOKED("'\\uD800'", "\xed\xa0\x80");                         /* lone surrogate */
	COOKED("'\\q\\%\\\xc3\xa9'", "q%\xc3\xa9");                  /* identity escapes */
	COOKED("'a\\0b'", "a\0b");
	COOKED("'\\101\\7\\18\\377\\400'", "A\a\001" "8\xc3\xbf\x20" "0");
	COOKED("'\\8\\9'", "89");
	t = one("'\\n\\x41'", LX_MODE_RE);
	ck_assert(t.flags & LX_F_ESCAPE);
	ck_assert_uint_eq(t.flags & LX_F_LEGACY_OCTAL, 0);
	t = one("'ab'", LX_MODE_RE);
	ck_assert_uint_eq(t.flags & LX_F_ESCAPE, 0);
}
END_TEST

START_TEST(string_legacy_octal_flag)
{
	ck_assert(one("'\\101'", LX_MODE_RE).flags & LX_F_LEGACY_OCTAL);
	ck_assert(one("'\\7'", LX_MODE_RE).flags & LX_F_LEGACY_OCTAL);
	ck_assert(one("'\\00'", LX_MODE_RE).flags & LX_F_LEGACY_OCTAL);
	ck_assert(one("'\\8'", LX_MODE_RE).flags & LX_F_LEGACY_OCTAL);
	ck_assert(one("'\\08'", LX_MODE_RE).flags & LX_F_LEGACY_OCTAL);
	ck_assert_uint_eq(one("'\\0'", LX_MODE_RE).flags & LX_F_LEGACY_OCTAL, 0);
	ck_assert_uint_eq(one("'\\0x'", LX_MODE_RE).flags & LX_F_LEGACY_OCTAL, 0);
}
END_TEST

START_TEST(string_line_continuations)
{
	lexed r;

	COOKED("'a\\\nb'", "ab");
	COOKED("'a\\\r\nb'", "ab");
	COOKED("'a\\\rb'", "ab");
	COOKED("'a\\\xe2\x80\xa8" "b'", "ab");
	COOKED("'a\\\xe2\x80\xa9" "b'", "ab");
	COOKED("\"\\\n\\\n\"", "");
	/* the continuation moves the following tokens down, without NL flag */
	lex(&r, "x = 'a\\\nb\\\r\nc'; y");
	KINDS(&r, LX_IDENT, LX_ASSIGN, LX_STRING, LX_SEMI, LX_IDENT);
	ck_assert_uint_eq(r.tok[2].line, 1);
	ck_assert_uint_eq(r.tok[3].line, 3);
	ck_assert_uint_eq(r.tok[3].col, 3);
	ck_assert_uint_eq(r.tok[3].flags & LX_F_NL_BEFORE, 0);
	ck_assert_uint_eq(r.tok[4].col, 5);
}
END_TEST

START_TEST(string_errors)
{
	ERR("x = 'abc", "t.js:1:5: unterminated string literal");
	ERR("x = \"abc\ny\"", "t.js:1:5: unterminated string literal");
	ERR("x = 'abc\\", "t.js:1:5: unterminated string literal");
	ERR("a\n  'a\\x4g'", "t.js:2:8: invalid hexadecimal escape: expected 2 hexadecimal digits");
	ERR("'\\x'", "t.js:1:4: invalid hexadecimal escape: expected 2 hexadecimal digits");
	ERR("'\\u12'", "t.js:1:6: invalid Unicode escape: expected 4 hexadecimal digits");
	ERR("'\\u{}'", "t.js:1:5: invalid Unicode escape: expected hexadecimal digit");
	ERR("'\\u{110000}'", "t.js:1:10: invalid Unicode escape: code point above U+10FFFF");
	ERR("'\\u{41'", "t.js:1:7: invalid Unicode escape: expected '}'");
	ERR("'\xc3\xa9\xff'", "t.js:1:3: invalid UTF-8 byte 0xFF");
	ERR("'\\\xff'", "t.js:1:3: invalid UTF-8 byte 0xFF");
}
END_TEST

/* ---- numbers ---- */

START_TEST(numbers)
{
	lexed r;
	lx_token t;

	ck_assert(num("0") == 0.0);
	ck_assert(num("42") == 42.0);
	ck_assert(num(".5") == 0.5);
	ck_assert(num("5.") == 5.0);
	ck_assert(num("5.25") == 5.25);
	ck_assert(num("1e3") == 1000.0);
	ck_assert(num("1E+2") == 100.0);
	ck_assert(num("2e-1") == 0.2);
	ck_assert(num(".5e1") == 5.0);
	ck_assert(num("5.e1") == 50.0);
	ck_assert(num("0.1") == 0.1);
	ck_assert(num("0x1F") == 31.0);
	ck_assert(num("0XaBc") == 2748.0);
	ck_assert(num("1e400") == INFINITY);
	ck_assert(num("1e-400") == 0.0);
	ck_assert(num("123456789012345678901234567890") == 123456789012345678901234567890.0);
	/* 2^53 + 1 rounds to even; 2^53 + 3 rounds up */
	ck_assert(num("0x20000000000001") == 9007199254740992.0);
	ck_assert(num("0x20000000000003") == 9007199254740996.0);
	ck_assert(num("0xFFFFFFFFFFFFFFFFF") == 295147905179352825856.0);
	t = one("42", LX_MODE_RE);
	ck_assert_uint_eq(t.flags, 0);
	/* 5..toString(): "5." then "." */
	lex(&r, "5..toString()");
	KINDS(&r, LX_NUMBER, LX_DOT, LX_IDENT, LX_LPAREN, LX_RPAREN);
	ck_assert_uint_eq(r.tok[0].len, 2);
	lex(&r, "a.b.5");
	KINDS(&r, LX_IDENT, LX_DOT, LX_IDENT, LX_NUMBER);
	lex(&r, "1-1");
	KINDS(&r, LX_NUMBER, LX_MINUS, LX_NUMBER);
	lex(&r, "1.e-2+x");
	KINDS(&r, LX_NUMBER, LX_PLUS, LX_IDENT);
	ck_assert(r.tok[0].num == 0.01);
}
END_TEST

/* Decimal literals of every shape against strtod (the C library rounds
 * correctly): the lexer's exact fast path and its strtod fallback must
 * agree with it bit for bit, around both ends of the fast path (15
 * significant digits, exponents +-22) and beyond. */
START_TEST(numbers_decimal_random)
{
	uint64_t rng = 0x2545F4914F6CDD1Du;
	char src[64];
	int i, j, n, nint, nfrac, x;
	double want, got;

	for (i = 0; i < 2000; i++) {
		n = 0;
		rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
		nint = (int)(rng % 19);           /* 0..18 integer digits */
		nfrac = (int)(rng >> 8 & 15) % 17; /* 0..16 fraction digits */
		if (nint == 0 && nfrac == 0)
			nint = 1;
		for (j = 0; j < nint; j++) {
			rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
			/* a leading zero makes 0, 0.x or a legacy 0dd literal: avoid the last */
			src[n++] = (char)('0' + (j == 0 && nint > 1 ? 1 + rng % 9 : rng % 10));
		}
		if (nfrac > 0 || rng & 1 << 20) {
			src[n++] = '.';
			for (j = 0; j < nfrac; j++) {
				rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
				src[n++] = (char)('0' + (rng % 4 == 0 ? 0 : rng % 10));
			}
		}
		if (rng & 1 << 21) {
			src[n++] = rng & 1 << 22 ? 'e' : 'E';
			if (rng & 1 << 23)
				src[n++] = rng & 1 << 24 ? '-' : '+';
			x = (int)((rng >> 32) % (rng & 1 << 25 ? 30 : 340));
			n += snprintf(src + n, sizeof src - (size_t)n, "%d", x);
		}
		src[n] = '\0';
		if (n == 1 && src[0] == '.')
			continue;
		want = strtod(src, NULL);
		got = num(src);
		ck_assert_msg(memcmp(&want, &got, sizeof want) == 0,
		              "%s: lexer %.17g, strtod %.17g", src, got, want);
	}
	/* the edges of the fast path */
	ck_assert(num("999999999999999") == 999999999999999.0);
	ck_assert(num("9999999999999999") == 9999999999999999.0);
	ck_assert(num("123456789012345e22") == 123456789012345e22);
	ck_assert(num("123456789012345e23") == 123456789012345e23);
	ck_assert(num("1.23456789012345e-22") == 1.23456789012345e-22);
	ck_assert(num("0.000000000000000000001") == 1e-21);
	ck_assert(num("0.0000000000000000000000001") == 1e-25);
	ck_assert(num("00000000000000000000") == 0.0);
	ck_assert(num("0e999999999999") == 0.0);
	ck_assert(num("1e999999999999") == INFINITY);
	ck_assert(num("1e-999999999999") == 0.0);
	ck_assert(num("8.5") == 8.5);
	ck_assert(num("09.5e1") == 95.0);
}
END_TEST

START_TEST(numbers_octal_and_es2015)
{
	lx_token t;

	t = one("017", LX_MODE_RE);
	ck_assert(t.num == 15.0);
	ck_assert(t.flags & LX_F_LEGACY_OCTAL);
	t = one("00", LX_MODE_RE);
	ck_assert(t.num == 0.0);
	ck_assert(t.flags & LX_F_LEGACY_OCTAL);
	t = one("08", LX_MODE_RE);
	ck_assert(t.num == 8.0);
	ck_assert(t.flags & LX_F_OCTAL_LIKE);
	ck_assert_uint_eq(t.flags & LX_F_LEGACY_OCTAL, 0);
	t = one("0179", LX_MODE_RE);
	ck_assert(t.num == 179.0);
	ck_assert(t.flags & LX_F_OCTAL_LIKE);
	t = one("09.5", LX_MODE_RE);
	ck_assert(t.num == 9.5);
	ck_assert(t.flags & LX_F_OCTAL_LIKE);
	t = one("0.5", LX_MODE_RE);
	ck_assert_uint_eq(t.flags, 0);
	t = one("0o17", LX_MODE_RE);
	ck_assert(t.num == 15.0);
	ck_assert(t.flags & LX_F_ES2015_NUMBER);
	ck_assert_uint_eq(t.flags & LX_F_LEGACY_OCTAL, 0);
	t = one("0O777", LX_MODE_RE);
	ck_assert(t.num == 511.0);
	t = one("0b101", LX_MODE_RE);
	ck_assert(t.num == 5.0);
	ck_assert(t.flags & LX_F_ES2015_NUMBER);
	t = one("0B11111111", LX_MODE_RE);
	ck_assert(t.num == 255.0);
}
END_TEST

START_TEST(number_errors)
{
	ERR("x = 0x", "t.js:1:7: missing hexadecimal digits after '0x'");
	ERR("0x;", "t.js:1:3: missing hexadecimal digits after '0x'");
	ERR("0xg", "t.js:1:3: missing hexadecimal digits after '0x'");
	ERR("0o", "t.js:1:3: missing octal digits after '0o'");
	ERR("0o8", "t.js:1:3: missing octal digits after '0o'");
	ERR("0b", "t.js:1:3: missing binary digits after '0b'");
	ERR("0b2", "t.js:1:3: missing binary digits after '0b'");
	ERR("1e", "t.js:1:3: missing exponent digits in numeric literal");
	ERR("1e+", "t.js:1:4: missing exponent digits in numeric literal");
	ERR("\n 1.5E-x", "t.js:2:7: missing exponent digits in numeric literal");
	ERR(".5e", "t.js:1:4: missing exponent digits in numeric literal");
	ERR("3in x", "t.js:1:2: identifier starts immediately after numeric literal");
	ERR("0x1g", "t.js:1:4: identifier starts immediately after numeric literal");
	ERR("1\\u0061", "t.js:1:2: identifier starts immediately after numeric literal");
	ERR("1\xc3\xa9", "t.js:1:2: identifier starts immediately after numeric literal");
	ERR("0b12", "t.js:1:4: invalid digit in numeric literal");
	ERR("0o78", "t.js:1:4: invalid digit in numeric literal");
	ERR("0178a", "t.js:1:5: identifier starts immediately after numeric literal");
}
END_TEST

/* ---- identifiers and keywords ---- */

START_TEST(keywords)
{
	int k;
	char word[32];
	const char *name;
	size_t n;
	lx_token t;

	for (k = LX_KW_BREAK; k <= LX_KW_YIELD; k++) {
		name = lx_kind_name((lx_kind)k);
		n = strlen(name);
		ck_assert_uint_gt(n, 2);
		ck_assert_uint_lt(n, sizeof word);
		memcpy(word, name + 1, n - 2);   /* strip the quotes */
		word[n - 2] = '\0';
		t = one(word, LX_MODE_RE);
		ck_assert_msg(t.kind == (lx_kind)k, "'%s' lexed as %s", word, lx_kind_name(t.kind));
		t = one(word, LX_MODE_DIV);
		ck_assert_int_eq(t.kind, k);
		/* a longer word or a prefix is an identifier */
		strcat(word, "s");
		ck_assert_int_eq(one(word, LX_MODE_RE).kind, LX_IDENT);
		word[n - 3] = '\0';
		if (strcmp(word, "i") != 0 && strcmp(word, "d") != 0)
			ck_assert_int_eq(one(word, LX_MODE_RE).kind, LX_IDENT);
	}
	ck_assert_int_eq(one("undefined", LX_MODE_RE).kind, LX_IDENT);
	ck_assert_int_eq(one("NaN", LX_MODE_RE).kind, LX_IDENT);
	ck_assert_int_eq(one("If", LX_MODE_RE).kind, LX_IDENT);
	ck_assert_int_eq(one("of", LX_MODE_RE).kind, LX_IDENT);
}
END_TEST

START_TEST(identifiers)
{
	lexed r;
	size_t n;
	char *s;

	ck_assert_int_eq(one("$_a1", LX_MODE_RE).kind, LX_IDENT);
	ck_assert_int_eq(one("_", LX_MODE_RE).kind, LX_IDENT);
	ck_assert_int_eq(one("$", LX_MODE_RE).kind, LX_IDENT);
	/* Unicode letters (L), letter numbers (Nl), combining marks (Mn, Mc),
	 * digits (Nd), connectors (Pc), ZWNJ / ZWJ */
	ck_assert_int_eq(one("caf\xc3\xa9", LX_MODE_RE).kind, LX_IDENT);
	ck_assert_int_eq(one("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", LX_MODE_RE).kind, LX_IDENT);
	ck_assert_int_eq(one("\xce\xb1\xce\xb2\xce\xb3", LX_MODE_RE).kind, LX_IDENT);
	ck_assert_int_eq(one("\xe2\x85\xa0x", LX_MODE_RE).kind, LX_IDENT);        /* U+2160 Nl */
	ck_assert_int_eq(one("e\xcc\x81", LX_MODE_RE).kind, LX_IDENT);            /* U+0301 Mn */
	ck_assert_int_eq(one("x\xd9\xa3", LX_MODE_RE).kind, LX_IDENT);            /* U+0663 Nd */
	ck_assert_int_eq(one("a\xe2\x80\xbf" "b", LX_MODE_RE).kind, LX_IDENT);    /* U+203F Pc */
	ck_assert_int_eq(one("a\xe2\x80\x8c\xe2\x80\x8d", LX_MODE_RE).kind, LX_IDENT);
	ck_assert_int_eq(one("\xf0\x9d\x90\x80", LX_MODE_RE).kind, LX_IDENT);     /* U+1D400 L */
	/* a combining mark or a digit cannot start one */
	ERR("\xcc\x81" "a", "t.js:1:1: unexpected character U+0301");
	ERR("\xe2\x80\x8c", "t.js:1:1: unexpected character U+200C");
	/* a symbol is no identifier part */
	lex(&r, "a\xe2\x82\xac");
	ck_assert_int_eq(r.last, LX_ERROR);
	ck_assert_str_eq(r.err, "t.js:1:2: unexpected character U+20AC");
	/* cooked values */
	s = cooked("caf\xc3\xa9", &n);
	ck_assert_str_eq(s, "caf\xc3\xa9");
	free(s);
	s = cooked("\xf0\x9d\x90\x80", &n);
	ck_assert_uint_eq(n, 6);                    /* CESU-8, as Duktape */
	free(s);
}
END_TEST

START_TEST(identifier_escapes)
{
	lx_token t;
	lexed r;

	t = one("\\u0061bc", LX_MODE_RE);
	ck_assert_int_eq(t.kind, LX_IDENT);
	ck_assert(t.flags & LX_F_ESCAPE);
	ck_assert_uint_eq(t.flags & LX_F_KEYWORD_ESC, 0);
	COOKED("\\u0061bc", "abc");
	COOKED("a\\u{62}c", "abc");
	COOKED("\\u00e9t\\u00E9", "\xc3\xa9t\xc3\xa9");
	COOKED("\\u65e5", "\xe6\x97\xa5");
	/* a reserved word spelled with escapes is an identifier token, flagged */
	t = one("\\u0069f", LX_MODE_RE);
	ck_assert_int_eq(t.kind, LX_IDENT);
	ck_assert(t.flags & LX_F_KEYWORD_ESC);
	ck_assert(one("n\\u0075ll", LX_MODE_RE).flags & LX_F_KEYWORD_ESC);
	ck_assert(one("\\u{6c}et", LX_MODE_RE).flags & LX_F_KEYWORD_ESC);
	ck_assert_uint_eq(one("\\u0069ff", LX_MODE_RE).flags & LX_F_KEYWORD_ESC, 0);
	/* span: the escape is part of the identifier */
	lex(&r, "x\\u0041 = 1");
	KINDS(&r, LX_IDENT, LX_ASSIGN, LX_NUMBER);
	ck_assert_uint_eq(r.tok[0].len, 7);
	ck_assert_uint_eq(r.tok[1].col, 9);
	ERR("a\\u0020", "t.js:1:2: invalid escape in identifier: not an identifier character");
	ERR("x = \\u0030a", "t.js:1:5: invalid escape in identifier: not an identifier start character");
	ERR("\\u002d", "t.js:1:1: invalid escape in identifier: not an identifier start character");
	ERR("a\\u00", "t.js:1:2: invalid Unicode escape in identifier");
	ERR("a\\x41", "t.js:1:2: unexpected character '\\'");
	ERR("\\u{110000}", "t.js:1:9: invalid Unicode escape: code point above U+10FFFF");
	ERR("a\\uD800", "t.js:1:2: invalid escape in identifier: not an identifier character");
	/* ASCII words go on with non-ASCII parts or escapes (rescanned whole);
	 * a reserved word that goes on is an identifier */
	lex(&r, "in\xc3\xa9 if\\u0061 ab\\u0063d\xc3\xa9 \xc3\xa9\\u0061b if");
	KINDS(&r, LX_IDENT, LX_IDENT, LX_IDENT, LX_IDENT, LX_KW_IF);
	ck_assert_uint_eq(r.tok[0].len, 4);
	ck_assert_uint_eq(r.tok[0].flags & LX_F_ESCAPE, 0);
	ck_assert(r.tok[1].flags & LX_F_ESCAPE);
	ck_assert_uint_eq(r.tok[1].flags & LX_F_KEYWORD_ESC, 0);
	ck_assert_uint_eq(r.tok[2].len, 11);
	ck_assert_uint_eq(r.tok[3].len, 9);
	ck_assert_uint_eq(r.tok[4].col, 34);
	/* a non-ASCII byte that is no identifier part ends the word */
	lex(&r, "in\xc2\xa0x while\xe2\x80\xa8y");
	KINDS(&r, LX_KW_IN, LX_IDENT, LX_KW_WHILE, LX_IDENT);
	ck_assert_uint_eq(r.tok[2].len, 5);
	ck_assert(r.tok[3].flags & LX_F_NL_BEFORE);
	ERR("while\\x", "t.js:1:6: unexpected character '\\'");
}
END_TEST

/* ---- punctuators and ES2015 tokens ---- */

START_TEST(punctuators)
{
	static const struct { const char *s; lx_kind k; } p[] = {
		{"{", LX_LBRACE}, {"}", LX_RBRACE}, {"(", LX_LPAREN}, {")", LX_RPAREN},
		{"[", LX_LBRACKET}, {"]", LX_RBRACKET}, {".", LX_DOT}, {";", LX_SEMI},
		{",", LX_COMMA}, {"<", LX_LT}, {">", LX_GT}, {"<=", LX_LE}, {">=", LX_GE},
		{"==", LX_EQ}, {"!=", LX_NE}, {"===", LX_SEQ}, {"!==", LX_SNE},
		{"+", LX_PLUS}, {"-", LX_MINUS}, {"*", LX_STAR}, {"%", LX_PERCENT},
		{"++", LX_INC}, {"--", LX_DEC}, {"<<", LX_SHL}, {">>", LX_SAR},
		{">>>", LX_SHR}, {"&", LX_AMP}, {"|", LX_PIPE}, {"^", LX_CARET},
		{"!", LX_BANG}, {"~", LX_TILDE}, {"&&", LX_AND}, {"||", LX_OR},
		{"?", LX_QUESTION}, {":", LX_COLON}, {"=", LX_ASSIGN}, {"+=", LX_ADD_ASSIGN},
		{"-=", LX_SUB_ASSIGN}, {"*=", LX_MUL_ASSIGN}, {"%=", LX_MOD_ASSIGN},
		{"<<=", LX_SHL_ASSIGN}, {">>=", LX_SAR_ASSIGN}, {">>>=", LX_SHR_ASSIGN},
		{"&=", LX_AND_ASSIGN}, {"|=", LX_OR_ASSIGN}, {"^=", LX_XOR_ASSIGN},
		{"**", LX_EXP}, {"**=", LX_EXP_ASSIGN}, {"=>", LX_ARROW}, {"...", LX_ELLIPSIS},
	};
	size_t i;
	lexed r;

	for (i = 0; i < sizeof p / sizeof p[0]; i++) {
		ck_assert_msg(one(p[i].s, LX_MODE_RE).kind == p[i].k, "'%s' in RE mode", p[i].s);
		ck_assert_msg(one(p[i].s, LX_MODE_DIV).kind == p[i].k, "'%s' in DIV mode", p[i].s);
	}
	ck_assert_int_eq(one("/", LX_MODE_DIV).kind, LX_SLASH);
	ck_assert_int_eq(one("/=", LX_MODE_DIV).kind, LX_DIV_ASSIGN);
	/* longest match */
	lex(&r, "a+++b");
	KINDS(&r, LX_IDENT, LX_INC, LX_PLUS, LX_IDENT);
	lex(&r, "a>>>=>>>>");
	KINDS(&r, LX_IDENT, LX_SHR_ASSIGN, LX_SHR, LX_GT);
	lex(&r, "a====b");
	KINDS(&r, LX_IDENT, LX_SEQ, LX_ASSIGN, LX_IDENT);
	lex(&r, "....5");
	KINDS(&r, LX_ELLIPSIS, LX_NUMBER);
	lex(&r, "a..b");
	KINDS(&r, LX_IDENT, LX_DOT, LX_DOT, LX_IDENT);
}
END_TEST

START_TEST(es2015_tokens)
{
	lexed r;
	lx_token t;

	lex(&r, "let x = (a, ...b) => `t${a};");
	KINDS(&r, LX_KW_LET, LX_IDENT, LX_ASSIGN, LX_LPAREN, LX_IDENT, LX_COMMA, LX_ELLIPSIS,
	      LX_IDENT, LX_RPAREN, LX_ARROW, LX_TEMPLATE, LX_IDENT, LX_RBRACE, LX_SEMI);
	/* the template tail after `}` is the parser's business (it rejects the
	 * template); the lexer gives the head */
	ck_assert(r.tok[10].flags & LX_F_TEMPLATE_HEAD);
	ck_assert_uint_eq(r.tok[10].len, 4);
	t = one("`a\\`b$c$${", LX_MODE_RE);
	ck_assert_int_eq(t.kind, LX_TEMPLATE);
	ck_assert(t.flags & LX_F_TEMPLATE_HEAD);
	t = one("`no subst $ {}`", LX_MODE_RE);
	ck_assert_int_eq(t.kind, LX_TEMPLATE);
	ck_assert_uint_eq(t.flags & LX_F_TEMPLATE_HEAD, 0);
	/* templates may span lines */
	lex(&r, "`a\nb` c");
	KINDS(&r, LX_TEMPLATE, LX_IDENT);
	ck_assert_uint_eq(r.tok[1].line, 2);
	ck_assert_uint_eq(r.tok[1].col, 4);
	lex(&r, "const C = class extends B { static m() { super.m(); yield; } }");
	ck_assert_int_eq(r.last, LX_EOF);
	ck_assert_int_eq(r.tok[0].kind, LX_KW_CONST);
	ck_assert_int_eq(r.tok[3].kind, LX_KW_CLASS);
	ck_assert_int_eq(r.tok[4].kind, LX_KW_EXTENDS);
	ck_assert_int_eq(r.tok[7].kind, LX_KW_STATIC);
	ck_assert_int_eq(r.tok[12].kind, LX_KW_SUPER);
	ck_assert_int_eq(r.tok[18].kind, LX_KW_YIELD);
	ERR("x = `abc", "t.js:1:5: unterminated template literal");
	ERR("x\n = `a\n$", "t.js:2:4: unterminated template literal");
	ERR("`a\xc3`", "t.js:1:3: invalid UTF-8 byte 0xC3");
}
END_TEST

/* ---- errors ---- */

START_TEST(error_positions)
{
	static const char nul[] = "a\0b";

	ERR("a\n  @", "t.js:2:3: unexpected character '@'");
	ERR("#!x", "t.js:1:1: a '#!' line is not ES5.1: remove it (Duktape refuses it too)");
	ERR("#x", "t.js:1:1: unexpected character '#'");
	ERR(" #!x", "t.js:1:2: unexpected character '#'");
	ERR("x\n#!x", "t.js:2:1: unexpected character '#'");
	ERR("\xe6\x97\xa5 \xe2\x82\xac", "t.js:1:3: unexpected character U+20AC");
	expect_error(nul, sizeof nul - 1, "t.js:1:2: unexpected character U+0000");
	ERR("\x01", "t.js:1:1: unexpected character U+0001");
	ERR("a /* b\n c", "t.js:1:3: unterminated comment");
	ERR("/*/", "t.js:1:1: unterminated comment");
	ERR("/* \xe2\x80 */", "t.js:1:4: invalid UTF-8 byte 0xE2");
	/* a CRLF counts once before the error's line */
	ERR("a\r\n\r\n \\", "t.js:3:2: unexpected character '\\'");
}
END_TEST

START_TEST(error_invalid_utf8)
{
	/* lone continuation, bad lead, overlong, truncated, beyond U+10FFFF */
	ERR("a \x80", "t.js:1:3: invalid UTF-8 byte 0x80");
	ERR("a\xff", "t.js:1:2: invalid UTF-8 byte 0xFF");
	ERR("x \xc0\xaf", "t.js:1:3: invalid UTF-8 byte 0xC0");
	ERR("x \xe0\x80\xaf", "t.js:1:3: invalid UTF-8 byte 0xE0");
	ERR("x \xe6\x97", "t.js:1:3: invalid UTF-8 byte 0xE6");
	ERR("x \xf4\x90\x80\x80", "t.js:1:3: invalid UTF-8 byte 0xF4");
	ERR("caf\xc3", "t.js:1:4: invalid UTF-8 byte 0xC3");
	/* inside strings, comments, regexes: at the byte */
	ERR("\n'ab\xc3\x28'", "t.js:2:4: invalid UTF-8 byte 0xC3");
	ERR("// ok\n// \xfe", "t.js:2:4: invalid UTF-8 byte 0xFE");
	ERR("/* \n\n   \xc3\xa9\x80 */", "t.js:3:5: invalid UTF-8 byte 0x80");
	ERR("x = /\xff/", "t.js:1:6: invalid UTF-8 byte 0xFF");
}
END_TEST

START_TEST(error_is_sticky)
{
	lx_lexer *lx = lx_new(NULL, "a @ b", 5);
	lx_token t;

	ck_assert_str_eq(lx_error(lx), "");
	ck_assert_str_eq(lx_filename(lx), "<input>");
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_IDENT);
	ck_assert_int_eq(lx_next(lx, LX_MODE_DIV, &t), LX_ERROR);
	ck_assert_uint_eq(t.off, 2);
	ck_assert_uint_eq(t.line, 1);
	ck_assert_uint_eq(t.col, 3);
	ck_assert_str_eq(lx_error(lx), "<input>:1:3: unexpected character '@'");
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_ERROR);
	ck_assert_uint_eq(t.col, 3);
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_ERROR);
	lx_free(lx);
	/* also where a one-byte punctuator follows (lx_next's short path) */
	lx = lx_new(NULL, "(08a ( ,", 8);
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_LPAREN);
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_ERROR);
	ck_assert_uint_eq(t.col, 4);
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_ERROR);
	ck_assert_uint_eq(t.col, 4);
	lx_free(lx);
}
END_TEST

START_TEST(long_filename_error)
{
	char name[600];
	lx_lexer *lx;
	lx_token t;
	const char *e;

	memset(name, 'f', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	lx = lx_new(name, "@", 1);
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_ERROR);
	e = lx_error(lx);
	ck_assert_uint_eq(strncmp(e, name, sizeof name - 1), 0);
	ck_assert_str_eq(e + sizeof name - 1, ":1:1: unexpected character '@'");
	lx_free(lx);
}
END_TEST

/* ---- state, positions, EOF ---- */

START_TEST(save_restore)
{
	const char *src = "a\n/b/g";
	lx_lexer *lx = lx_new("t.js", src, strlen(src));
	lx_state st;
	lx_token t;

	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_IDENT);
	lx_save(lx, &st);
	ck_assert_int_eq(lx_next(lx, LX_MODE_DIV, &t), LX_SLASH);
	ck_assert(t.flags & LX_F_NL_BEFORE);
	ck_assert_uint_eq(t.line, 2);
	ck_assert_int_eq(lx_next(lx, LX_MODE_DIV, &t), LX_IDENT);
	lx_restore(lx, &st);
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_REGEX);
	ck_assert(t.flags & LX_F_NL_BEFORE);
	ck_assert_uint_eq(t.line, 2);
	ck_assert_uint_eq(t.col, 1);
	ck_assert_uint_eq(t.len, 4);
	ck_assert_int_eq(lx_next(lx, LX_MODE_DIV, &t), LX_EOF);
	ck_assert_int_eq(lx_next(lx, LX_MODE_DIV, &t), LX_EOF);   /* EOF repeats */
	ck_assert_uint_eq(t.off, strlen(src));
	/* restoring clears an error */
	lx_restore(lx, &st);
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_REGEX);
	lx_free(lx);

	src = "x @";
	lx = lx_new("t.js", src, strlen(src));
	lx_save(lx, &st);
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_IDENT);
	ck_assert_int_eq(lx_next(lx, LX_MODE_DIV, &t), LX_ERROR);
	lx_restore(lx, &st);
	ck_assert_str_eq(lx_error(lx), "");
	ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_IDENT);
	lx_free(lx);
}
END_TEST

START_TEST(positions)
{
	const char *src = "ab\r\n\xc3\xa9x\xe2\x80\xa8yz\n\nw";
	lx_lexer *lx = lx_new("t.js", src, strlen(src));
	lx_token t;
	uint32_t line, col;

	ck_assert_uint_eq(lx_source_len(lx), strlen(src));
	ck_assert_ptr_eq(lx_source(lx), src);
	/* before any scanning, and again after the scanner passed by */
	for (int pass = 0; pass < 2; pass++) {
		lx_position(lx, 0, &line, &col);
		ck_assert(line == 1 && col == 1);
		lx_position(lx, 2, &line, &col);
		ck_assert(line == 1 && col == 3);
		lx_position(lx, 4, &line, &col);
		ck_assert(line == 2 && col == 1);
		lx_position(lx, 6, &line, &col);      /* after the 2-byte é */
		ck_assert(line == 2 && col == 2);
		lx_position(lx, 10, &line, &col);     /* after U+2028 */
		ck_assert(line == 3 && col == 1);
		lx_position(lx, 14, &line, &col);
		ck_assert(line == 5 && col == 1);
		lx_position(lx, 1000, &line, &col);   /* clamped to the end */
		ck_assert(line == 5 && col == 2);
		while (lx_next(lx, LX_MODE_RE, &t) != LX_EOF)
			ck_assert_int_ne(t.kind, LX_ERROR);
	}
	lx_free(lx);
}
END_TEST

START_TEST(eof_and_embedded_nul)
{
	/* the source is the first n bytes (lex_n copies them, NUL-terminated) */
	lexed r;

	lex_n(&r, "ab cd", 2, NULL);
	KINDS(&r, LX_IDENT);
	ck_assert_uint_eq(r.tok[0].len, 2);
	lex_n(&r, "'abc'", 3, NULL);
	ck_assert_int_eq(r.last, LX_ERROR);
	ck_assert_str_eq(r.err, "t.js:1:1: unterminated string literal");
	lex_n(&r, "/* */", 4, NULL);
	ck_assert_int_eq(r.last, LX_ERROR);
	lex_n(&r, "'a\0b'", 5, NULL);
	KINDS(&r, LX_STRING);
	/* NULs inside comments, regexes and templates; outside, an error at the
	 * NUL; the source and cooked values keep the caller's bytes */
	lex_n(&r, "a /*\0*/ b //\0\n c", 16, NULL);
	KINDS(&r, LX_IDENT, LX_IDENT, LX_IDENT);
	ck_assert_uint_eq(r.tok[2].line, 2);
	lex_n(&r, "/\0/g `\0`", 8, NULL);
	KINDS(&r, LX_REGEX, LX_TEMPLATE);
	ck_assert_uint_eq(r.tok[0].len, 4);
	lex_n(&r, "x\n  \0", 5, NULL);
	ck_assert_int_eq(r.last, LX_ERROR);
	ck_assert_str_eq(r.err, "t.js:2:3: unexpected character U+0000");
	{
		static const char src[] = "'\0\\0'";
		lx_lexer *lx = lx_new("t.js", src, sizeof src - 1);
		lx_token t;
		char *out;
		size_t n;

		ck_assert_ptr_nonnull(lx);
		ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_STRING);
		ck_assert(lx_source(lx) == src);
		ck_assert_int_eq(lx_cooked(lx, &t, &out, &n), 0);
		ck_assert_uint_eq(n, 2);
		ck_assert(out[0] == '\0' && out[1] == '\0');
		free(out);
		ck_assert_int_eq(lx_next(lx, LX_MODE_RE, &t), LX_EOF);
		lx_free(lx);
	}
}
END_TEST

START_TEST(cooked_other_kinds)
{
	size_t n;
	char *s = cooked("0x1F", &n);

	ck_assert_str_eq(s, "0x1F");
	free(s);
	s = cooked("while", &n);
	ck_assert_str_eq(s, "while");
	free(s);
	s = cooked("/a\\u0041/g", &n);
	ck_assert_str_eq(s, "/a\\u0041/g");   /* regexes stay raw */
	free(s);
}
END_TEST

START_TEST(kind_names)
{
	int k;

	for (k = 0; k < LX_KIND_COUNT; k++)
		ck_assert_str_ne(lx_kind_name((lx_kind)k), "unknown token");
	ck_assert_str_eq(lx_kind_name(LX_KIND_COUNT), "unknown token");
	ck_assert_str_eq(lx_kind_name(LX_IDENT), "identifier");
	ck_assert_str_eq(lx_kind_name(LX_ARROW), "'=>'");
}
END_TEST

/* A realistic program lexes to the end with every token where it belongs. */
START_TEST(program)
{
	static const char src[] =
		"'use strict';\n"
		"var counter = 0, re = /\\d+(?:\\.\\d*)?/g;\n"
		"function tick(n) {\n"
		"\tif (n % 2 === 0) { counter += n / 2; }\n"
		"\telse counter = (counter << 1) >>> 0;\n"
		"\treturn counter\n"
		"}\n"
		"var obj = { a: 1, 'b': [1, 2, 3], get c() { return this.a; } };\n";
	lexed r;
	int i, nls = 0;

	lex(&r, src);
	ck_assert_msg(r.last == LX_EOF, "%s", r.err);
	for (i = 0; i < r.n; i++) {
		ck_assert_uint_le(r.tok[i].off + r.tok[i].len, sizeof src - 1);
		if (i > 0)
			ck_assert_uint_ge(r.tok[i].off, r.tok[i - 1].off + r.tok[i - 1].len);
		nls += (r.tok[i].flags & LX_F_NL_BEFORE) != 0;
		if (r.tok[i].kind == LX_REGEX)
			ck_assert_uint_eq(r.tok[i].len, 16);
	}
	ck_assert_int_eq(nls, 7);
	ck_assert_int_eq(r.tok[r.n - 1].kind, LX_SEMI);
	ck_assert_uint_eq(r.tok[r.n - 1].line, 8);
}
END_TEST

/* ---- Ragel line scanner ---- */

typedef struct lines_seen {
	lx_line v[16];
	int     n;
	int     stop_at;
} lines_seen;

static int
on_line(const lx_line *ln, void *ud)
{
	lines_seen *s = ud;

	if (s->n < 16)
		s->v[s->n] = *ln;
	s->n++;
	return s->stop_at != 0 && s->n == s->stop_at ? 7 : 0;
}

START_TEST(line_scanner)
{
	static const char buf[] = "a b\n\n  // c\r\n\t# d\r  \x0b\nx // y\n  z";
	lines_seen s;

	memset(&s, 0, sizeof s);
	ck_assert_int_eq(lx_scan_lines(buf, sizeof buf - 1, on_line, &s), 0);
	ck_assert_int_eq(s.n, 7);
	ck_assert_int_eq(s.v[0].kind, LX_LINE_TEXT);
	ck_assert_uint_eq(s.v[0].off, 0);
	ck_assert_uint_eq(s.v[0].len, 3);
	ck_assert_int_eq(s.v[1].kind, LX_LINE_BLANK);
	ck_assert_uint_eq(s.v[1].len, 0);
	ck_assert_int_eq(s.v[2].kind, LX_LINE_COMMENT);
	ck_assert_uint_eq(s.v[2].len, 6);         /* without the CRLF */
	ck_assert_int_eq(s.v[3].kind, LX_LINE_COMMENT);
	ck_assert_uint_eq(s.v[3].lineno, 4);      /* CRLF was one terminator */
	ck_assert_int_eq(s.v[4].kind, LX_LINE_BLANK);
	ck_assert_int_eq(s.v[5].kind, LX_LINE_TEXT);
	ck_assert_int_eq(s.v[6].kind, LX_LINE_TEXT);
	ck_assert_uint_eq(s.v[6].lineno, 7);
	ck_assert_uint_eq(s.v[6].len, 3);
	ck_assert_uint_eq(s.v[6].off, sizeof buf - 4);
	/* stopping early returns the callback's value */
	memset(&s, 0, sizeof s);
	s.stop_at = 2;
	ck_assert_int_eq(lx_scan_lines(buf, sizeof buf - 1, on_line, &s), 7);
	ck_assert_int_eq(s.n, 2);
	/* empty input: no line; a final terminator adds no empty line */
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(lx_scan_lines("", 0, on_line, &s), 0);
	ck_assert_int_eq(s.n, 0);
	ck_assert_int_eq(lx_scan_lines("x\n", 2, on_line, &s), 0);
	ck_assert_int_eq(s.n, 1);
}
END_TEST

static Suite *
lexer_suite(void)
{
	Suite *s = suite_create("lexer");
	TCase *tc;

	tc = tcase_create("regex_div");
	tcase_add_test(tc, div_after_operands);
	tcase_add_test(tc, regex_where_operand_expected);
	tcase_add_test(tc, parser_chooses_mode);
	tcase_add_test(tc, regex_flags_and_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("lines");
	tcase_add_test(tc, newline_flags);
	tcase_add_test(tc, line_terminators);
	tcase_add_test(tc, whitespace);
	tcase_add_test(tc, columns_count_code_points);
	tcase_add_test(tc, columns_long_gaps);
	tcase_add_test(tc, columns_random_programs);
	tcase_add_test(tc, html_comments);
	suite_add_tcase(s, tc);

	tc = tcase_create("strings");
	tcase_add_test(tc, string_escapes);
	tcase_add_test(tc, string_legacy_octal_flag);
	tcase_add_test(tc, string_line_continuations);
	tcase_add_test(tc, string_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("numbers");
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, numbers_decimal_random);
	tcase_add_test(tc, numbers_octal_and_es2015);
	tcase_add_test(tc, number_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("identifiers");
	tcase_add_test(tc, keywords);
	tcase_add_test(tc, identifiers);
	tcase_add_test(tc, identifier_escapes);
	suite_add_tcase(s, tc);

	tc = tcase_create("punctuators");
	tcase_add_test(tc, punctuators);
	tcase_add_test(tc, es2015_tokens);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, error_positions);
	tcase_add_test(tc, error_invalid_utf8);
	tcase_add_test(tc, error_is_sticky);
	tcase_add_test(tc, long_filename_error);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_add_test(tc, save_restore);
	tcase_add_test(tc, positions);
	tcase_add_test(tc, eof_and_embedded_nul);
	tcase_add_test(tc, cooked_other_kinds);
	tcase_add_test(tc, kind_names);
	tcase_add_test(tc, program);
	tcase_add_test(tc, line_scanner);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(lexer_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
