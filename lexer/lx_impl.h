/*
 * lexer/lx_impl.h -- lexer-internal declarations shared by the lexer's .c files
 * (prefix lx_). Not part of the public face; lexer.h is.
 *
 * The lexer state lives in one struct. Position bookkeeping is incremental:
 * (line, line_off) is the current line and where it starts, (col_off, col)
 * a byte offset on that line whose column is known (set at each line
 * start). Most source is ASCII: the bytes from col_off (or before) up to
 * ascii_to are, found ahead 16 bytes at a time, and a token up to there has
 * the column col + (off - col_off): a compare and an addition per token.
 * A token past ascii_to (after a non-ASCII byte) counts the code points
 * from there, becomes the known position and finds the next run: one slow
 * token per non-ASCII stretch, and every byte is looked at once or twice.
 */
#ifndef FERRY_LX_IMPL_H
#define FERRY_LX_IMPL_H

#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "lexer/lexer.h"

typedef unsigned char lx_byte;

struct lx_lexer {
	const lx_byte *src;     /* what is scanned: the caller's source, or `copy`;
	                         * src[len] == '\0' is its only NUL */
	const lx_byte *orig;    /* the caller's source (lx_source, cooked values) */
	lx_byte       *copy;    /* NULL, or the source with its NULs made 0x01 (a
	                         * byte every rule takes as it takes a NUL) */
	const lx_byte *lim;     /* src + len */
	size_t         len;
	char          *filename;

	uint32_t off;           /* scanning position (next byte to read) */
	uint32_t line;          /* line of `off` */
	uint32_t line_off;      /* first byte of that line */
	uint32_t col_off;       /* a byte on that line whose column is `col` */
	uint32_t col;

	int      failed;        /* an error was reported: lx_next keeps failing;
	                         * -1: the source is too large, not yet reported */
	lx_token err_tok;       /* the LX_ERROR token to repeat */
	char    *err;           /* "file:line:col: reason" */
	size_t   err_cap;

	uint32_t ascii_to;      /* bytes [col_off, ascii_to) are ASCII (if any) */

	locale_t c_locale;      /* for strtod_l: numbers ignore the process locale */

	/* lazily built start offsets of every line (lx_position far behind the
	 * scanner); a cache, so lx_position stays logically const */
	uint32_t *lines;
	size_t    nlines;
};

/* lx_text.c: UTF-8 and line terminators */
/* Length of the valid UTF-8 sequence at p (p < lim), 0 if invalid. Surrogate
 * code points are accepted (CESU-8 input), as re2c -8 and Duktape do. */
size_t   lx_utf8_len(const lx_byte *p, const lx_byte *lim);
uint32_t lx_utf8_decode(const lx_byte *p, size_t n);
/* Encodes cp (<= 0x10FFFF) as UTF-8 into out (4 bytes); returns the length. */
size_t   lx_utf8_encode(uint32_t cp, lx_byte *out);
/* Length of the line terminator at p (LF, CR, CRLF, U+2028, U+2029), or 0. */
size_t   lx_lt_len(const lx_byte *p, const lx_byte *lim);
/* First byte in [p, e) that is not ASCII, or e. Reads whole words: bytes up
 * to `readable` (exclusive, >= e) may be read. */
const lx_byte *lx_ascii_run(const lx_byte *p, const lx_byte *e, const lx_byte *readable);
/* Code points in [p, e) (counts the bytes that are not UTF-8 continuations).
 * Bytes up to `readable` (exclusive, >= e) may be read: a lexer passes
 * lim + 1, its terminating NUL being readable. */
uint32_t lx_count_cp(const lx_byte *p, const lx_byte *e, const lx_byte *readable);

/* js_lex.c (re2c classifiers): is the code point an identifier start / part
 * (ES5.1 7.6: Unicode letters, Nl, $ and _; parts add Mn Mc Nd Pc ZWNJ ZWJ)? */
int lx_cp_is_id_start(uint32_t cp);
int lx_cp_is_id_part(uint32_t cp);

/* lx_escape.c: one escape sequence, p just after the backslash. */
enum { LX_ESC_CHAR, LX_ESC_CONT };
typedef struct lx_esc {
	int            what;    /* LX_ESC_CHAR: cp is the value; LX_ESC_CONT: line continuation */
	uint32_t       cp;      /* a UTF-16 unit, or a code point for \u{...} */
	int            legacy;  /* octal escape or \8 \9 (not allowed in strict code) */
	const lx_byte *next;    /* first byte after the escape */
	const lx_byte *bad;     /* on error: the offending byte */
	const char    *why;     /* on error: the reason */
} lx_esc;
/* String-literal escape. Returns 0, or -1 with bad/why set. */
int lx_esc_string(const lx_byte *p, const lx_byte *lim, lx_esc *e);
/* \uXXXX or \u{X...} inside an identifier, p just after the backslash.
 * Returns 0, or -1 with bad/why set. */
int lx_esc_unicode(const lx_byte *p, const lx_byte *lim, lx_esc *e);
/* Appends the CESU-8 form Duktape gives code point cp (non-BMP as a surrogate
 * pair of 3-byte sequences); returns the number of bytes (at most 6). */
size_t lx_cesu8_encode(uint32_t cp, lx_byte *out);

/* lx_number.c: value of a numeric literal, raw text [p, e). */
double lx_num_radix(const lx_byte *p, const lx_byte *e, unsigned bits);
double lx_num_decimal(const lx_lexer *lx, const lx_byte *p, const lx_byte *e);

/* lexer.c */
/* Records the error at byte `at` (position computed) and fills tok. */
lx_kind lx_fail(lx_lexer *lx, lx_token *tok, const lx_byte *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
