/*
 * lexer/lexer.h -- the lexer module's whole public face (prefix lx_).
 *
 * lexer/ owns tokenizing: an re2c-generated ECMAScript 5.1 tokenizer over
 * UTF-8 source (js_lex.re) and a Ragel line scanner (line_scan.rl) for
 * line-oriented text. It knows nothing of the grammar: the parser tells it,
 * token by token, whether a regular expression may start here (LX_MODE_RE)
 * or a `/` is division (LX_MODE_DIV).
 *
 * Positions: `off` is a byte offset into the source; `line` and `col` are
 * 1-based, `col` counting Unicode code points from the start of the line.
 * Line terminators are LF, CR, CRLF (one terminator), U+2028 and U+2029.
 *
 * Comments include Annex B's HTML-like ones as Duktape 2.7 reads them:
 * `<!--` to the end of the line anywhere, `-->` to the end of the line when
 * it starts a line (after a line terminator, whitespace and comments only).
 *
 * Errors: lx_next() returns LX_ERROR and lx_error() gives one line,
 * "file:line:col: reason". The lexer never skips input silently.
 */
#ifndef FERRY_LEXER_H
#define FERRY_LEXER_H

#include <stddef.h>
#include <stdint.h>

typedef enum lx_kind {
	LX_EOF = 0,
	LX_ERROR,

	LX_IDENT,        /* identifier (not a reserved word); may contain \u escapes */
	LX_NUMBER,       /* numeric literal; value in tok.num */
	LX_STRING,       /* string literal (raw span includes the quotes) */
	LX_REGEX,        /* regular expression literal /body/flags */
	LX_TEMPLATE,     /* ES2015 template literal start: `...` or `...${ (rejected by the parser) */

	/* reserved words (ES5.1 7.6.1) */
	LX_KW_BREAK, LX_KW_CASE, LX_KW_CATCH, LX_KW_CONTINUE, LX_KW_DEBUGGER,
	LX_KW_DEFAULT, LX_KW_DELETE, LX_KW_DO, LX_KW_ELSE, LX_KW_FINALLY,
	LX_KW_FOR, LX_KW_FUNCTION, LX_KW_IF, LX_KW_IN, LX_KW_INSTANCEOF,
	LX_KW_NEW, LX_KW_RETURN, LX_KW_SWITCH, LX_KW_THIS, LX_KW_THROW,
	LX_KW_TRY, LX_KW_TYPEOF, LX_KW_VAR, LX_KW_VOID, LX_KW_WHILE, LX_KW_WITH,
	LX_KW_NULL, LX_KW_TRUE, LX_KW_FALSE,
	/* future reserved words, always reserved */
	LX_KW_CLASS, LX_KW_CONST, LX_KW_ENUM, LX_KW_EXPORT, LX_KW_EXTENDS,
	LX_KW_IMPORT, LX_KW_SUPER,
	/* future reserved words in strict mode only (identifiers otherwise);
	 * the lexer always returns these kinds, the parser decides */
	LX_KW_IMPLEMENTS, LX_KW_INTERFACE, LX_KW_LET, LX_KW_PACKAGE,
	LX_KW_PRIVATE, LX_KW_PROTECTED, LX_KW_PUBLIC, LX_KW_STATIC, LX_KW_YIELD,

	/* punctuators */
	LX_LBRACE, LX_RBRACE, LX_LPAREN, LX_RPAREN, LX_LBRACKET, LX_RBRACKET,
	LX_DOT, LX_SEMI, LX_COMMA, LX_LT, LX_GT, LX_LE, LX_GE, LX_EQ, LX_NE,
	LX_SEQ, LX_SNE, LX_PLUS, LX_MINUS, LX_STAR, LX_PERCENT, LX_INC, LX_DEC,
	LX_SHL, LX_SAR, LX_SHR, LX_AMP, LX_PIPE, LX_CARET, LX_BANG, LX_TILDE,
	LX_AND, LX_OR, LX_QUESTION, LX_COLON, LX_ASSIGN, LX_ADD_ASSIGN,
	LX_SUB_ASSIGN, LX_MUL_ASSIGN, LX_MOD_ASSIGN, LX_SHL_ASSIGN,
	LX_SAR_ASSIGN, LX_SHR_ASSIGN, LX_AND_ASSIGN, LX_OR_ASSIGN,
	LX_XOR_ASSIGN, LX_SLASH, LX_DIV_ASSIGN,
	LX_EXP, LX_EXP_ASSIGN,   /* ** and **= (ES2016; Duktape 2.7 runs them) */
	/* ES2015 punctuators, recognised so the parser can reject them precisely */
	LX_ARROW,                /* => */
	LX_ELLIPSIS,             /* ... */

	LX_KIND_COUNT
} lx_kind;

/* token flags */
enum {
	LX_F_NL_BEFORE     = 1u << 0, /* a line terminator precedes the token (ASI) */
	LX_F_ESCAPE        = 1u << 1, /* identifier or string contains an escape */
	LX_F_LEGACY_OCTAL  = 1u << 2, /* 017 literal, or \1..\7 / \0d octal escape in a string */
	LX_F_OCTAL_LIKE    = 1u << 3, /* 08 / 09: decimal with a leading zero (strict error too) */
	LX_F_ES2015_NUMBER = 1u << 4, /* 0o / 0b literal */
	LX_F_TEMPLATE_HEAD = 1u << 5, /* LX_TEMPLATE ended with ${ rather than ` */
	LX_F_KEYWORD_ESC   = 1u << 6  /* spelled a reserved word using \u escapes */
};

typedef struct lx_token {
	lx_kind  kind;
	uint32_t flags;   /* LX_F_* */
	uint32_t off;     /* byte offset of the first byte */
	uint32_t len;     /* byte length of the raw token text */
	uint32_t line;    /* 1-based */
	uint32_t col;     /* 1-based, in code points */
	double   num;     /* LX_NUMBER: the value */
} lx_token;

typedef enum lx_mode {
	LX_MODE_RE = 0,   /* an operand is expected: `/` starts a regex literal */
	LX_MODE_DIV = 1   /* an operator is expected: `/` is division */
} lx_mode;

typedef struct lx_lexer lx_lexer;

/* Saved lexer position, for the parser's rare look-ahead; opaque contents. */
typedef struct lx_state {
	uint32_t off, line, line_off, col_off, col;
	uint32_t ascii_to;
	uint32_t nl;
} lx_state;

/* The lexer reads `src` in place; src[len] must be '\0' and `src` must stay
 * alive and unchanged while the lexer is used. `filename` is copied.
 * Returns NULL only when out of memory. */
lx_lexer *lx_new(const char *filename, const char *src, size_t len);
void      lx_free(lx_lexer *lx);

/* Scan the next token in the given mode. Returns tok->kind. After LX_ERROR
 * lx_error() describes it and further calls keep returning LX_ERROR. */
lx_kind   lx_next(lx_lexer *lx, lx_mode mode, lx_token *tok);

/* "file:line:col: reason" of the last error; "" if none. */
const char *lx_error(const lx_lexer *lx);

/* Save / restore the scanning position (look-ahead). */
void lx_save(const lx_lexer *lx, lx_state *st);
void lx_restore(lx_lexer *lx, const lx_state *st);

/* Position of a byte offset (any offset up to len), line and code-point column. */
void lx_position(const lx_lexer *lx, uint32_t off, uint32_t *line, uint32_t *col);

const char *lx_filename(const lx_lexer *lx);
const char *lx_source(const lx_lexer *lx);
size_t      lx_source_len(const lx_lexer *lx);

/* Cooked value of an LX_IDENT or keyword token (escapes decoded, UTF-8) or an
 * LX_STRING token (escapes and line continuations decoded; code points that
 * are lone surrogates are encoded as 3-byte CESU-8 sequences, as Duktape
 * stores them). Writes into a buffer owned by the caller: *out is malloc'd,
 * *outlen its length; the result is NUL-terminated. Returns 0, or -1 on
 * out-of-memory. */
int lx_cooked(const lx_lexer *lx, const lx_token *tok, char **out, size_t *outlen);

/* Printable name of a token kind ("identifier", "'{'", "'function'", ...). */
const char *lx_kind_name(lx_kind kind);

/* ---- Line scanner (Ragel): splits a buffer into lines and classifies each
 * as blank, comment-only (// or #), or content; used by tools that read
 * line-oriented text (test expectations, control files). */
typedef enum lx_line_kind { LX_LINE_BLANK, LX_LINE_COMMENT, LX_LINE_TEXT } lx_line_kind;
typedef struct lx_line {
	lx_line_kind kind;
	uint32_t     off, len;   /* the line without its terminator */
	uint32_t     lineno;     /* 1-based */
} lx_line;
/* Calls `fn` for each line; stops and returns fn's value if it is non-zero. */
int lx_scan_lines(const char *buf, size_t len,
                  int (*fn)(const lx_line *line, void *ud), void *ud);

#endif
