/*
 * lexer/lexer.c -- the lexer object: creation, errors, saved states,
 * positions of arbitrary offsets and token kind names. The tokenizer itself
 * is js_lex.re; cooked values are lx_cooked.c.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lx_impl.h"

lx_lexer *
lx_new(const char *filename, const char *src, size_t len)
{
	lx_lexer *lx = calloc(1, sizeof *lx);

	if (lx == NULL)
		return NULL;
	if (filename == NULL)
		filename = "<input>";
	lx->filename = strdup(filename);
	lx->err_cap = strlen(filename) + 256;
	lx->err = malloc(lx->err_cap);
	lx->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (lx->filename == NULL || lx->err == NULL || lx->c_locale == (locale_t)0) {
		lx_free(lx);
		return NULL;
	}
	lx->err[0] = '\0';
	lx->src = lx->orig = (const lx_byte *)src;
	if (memchr(src, '\0', len) != NULL) {
		/* the tokenizer takes a NUL for the end of the input: scan a copy
		 * where the NULs inside are 0x01, a byte the tokenizer treats as
		 * it would treat them (an error outside comments and literals;
		 * errors and cooked values still read the caller's bytes) */
		size_t i;
		lx->copy = malloc(len + 1);
		if (lx->copy == NULL) {
			lx_free(lx);
			return NULL;
		}
		for (i = 0; i < len; i++)
			lx->copy[i] = src[i] != '\0' ? (lx_byte)src[i] : 0x01;
		lx->copy[len] = '\0';
		lx->src = lx->copy;
	}
	lx->len = len;
	lx->lim = lx->src + len;
	lx->line = 1;
	lx->col = 1;
	/* offsets are 32-bit: the first lx_next reports it */
	lx->failed = len >= UINT32_MAX ? -1 : 0;
	return lx;
}

void
lx_free(lx_lexer *lx)
{
	if (lx == NULL)
		return;
	if (lx->c_locale != (locale_t)0)
		freelocale(lx->c_locale);
	free(lx->filename);
	free(lx->err);
	free(lx->lines);
	free(lx->copy);
	free(lx);
}

const char *
lx_error(const lx_lexer *lx)
{
	return lx->failed > 0 ? lx->err : "";
}

const char *
lx_filename(const lx_lexer *lx)
{
	return lx->filename;
}

const char *
lx_source(const lx_lexer *lx)
{
	return (const char *)lx->orig;
}

size_t
lx_source_len(const lx_lexer *lx)
{
	return lx->len;
}

void
lx_save(const lx_lexer *lx, lx_state *st)
{
	st->off = lx->off;
	st->line = lx->line;
	st->line_off = lx->line_off;
	st->col_off = lx->col_off;
	st->col = lx->col;
	st->ascii_to = lx->ascii_to;
	st->nl = 0;
}

/* Restoring rewinds past any error reported since: scanning resumes normally. */
void
lx_restore(lx_lexer *lx, const lx_state *st)
{
	lx->off = st->off <= lx->len ? st->off : (uint32_t)lx->len;
	lx->line = st->line;
	lx->line_off = st->line_off;
	lx->col_off = st->col_off;
	lx->col = st->col;
	/* "[col_off, ascii_to) is ASCII" held when st was saved and is a fact
	 * about the source: keep it. Forgetting it made the next token rescan
	 * to the next non-ASCII byte -- on an ASCII file, the rest of the file
	 * after every restore (quadratic). */
	lx->ascii_to = st->ascii_to <= lx->len ? st->ascii_to : 0;
	lx->failed = lx->len >= UINT32_MAX ? -1 : 0;
	lx->err[0] = '\0';
}

/* Line and column of `off`, walking forward from a known position. */
static void
walk(const lx_lexer *lx, uint32_t from, uint32_t line, uint32_t col, uint32_t off,
     uint32_t *oline, uint32_t *ocol)
{
	const lx_byte *p = lx->src + from, *e = lx->src + off;
	size_t n;

	while (p < e) {
		n = lx_lt_len(p, e);
		if (n != 0) {
			line++;
			col = 1;
			p += n;
			continue;
		}
		col += (*p & 0xC0) != 0x80;
		p++;
	}
	*oline = line;
	*ocol = col;
}

/* Builds the table of line start offsets (first call far behind the scanner). */
static int
build_lines(lx_lexer *lx)
{
	const lx_byte *p = lx->src, *e = lx->lim;
	size_t cap = 64, n = 0, k;
	uint32_t *v = malloc(cap * sizeof *v), *nv;

	if (v == NULL)
		return -1;
	v[n++] = 0;
	while (p < e) {
		k = lx_lt_len(p, e);
		if (k == 0) {
			p++;
			continue;
		}
		p += k;
		if (n == cap) {
			nv = realloc(v, 2 * cap * sizeof *v);
			if (nv == NULL) {
				free(v);
				return -1;
			}
			v = nv;
			cap *= 2;
		}
		v[n++] = (uint32_t)(p - lx->src);
	}
	lx->lines = v;
	lx->nlines = n;
	return 0;
}

void
lx_position(const lx_lexer *lx, uint32_t off, uint32_t *line, uint32_t *col)
{
	lx_lexer *cache = (lx_lexer *)lx;   /* the line table is a cache */
	size_t lo, hi, mid;

	if (off > lx->len)
		off = (uint32_t)lx->len;
	if (off >= lx->col_off) {
		walk(lx, lx->col_off, lx->line, lx->col, off, line, col);
		return;
	}
	if (off >= lx->line_off) {
		walk(lx, lx->line_off, lx->line, 1, off, line, col);
		return;
	}
	if (lx->lines == NULL && build_lines(cache) != 0) {
		walk(lx, 0, 1, 1, off, line, col);   /* out of memory: slow path */
		return;
	}
	/* last line start <= off; a start inside a CRLF cannot happen */
	lo = 0;
	hi = lx->nlines;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (lx->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	walk(lx, lx->lines[lo], (uint32_t)lo + 1, 1, off, line, col);
}

lx_kind
lx_fail(lx_lexer *lx, lx_token *tok, const lx_byte *at, const char *fmt, ...)
{
	uint32_t off = (uint32_t)(at - lx->src), line, col;
	int n, m;
	va_list ap;

	lx_position(lx, off, &line, &col);
	n = snprintf(lx->err, lx->err_cap, "%s:%u:%u: ", lx->filename, (unsigned)line,
	             (unsigned)col);
	if (n > 0 && (size_t)n < lx->err_cap) {
		va_start(ap, fmt);
		m = vsnprintf(lx->err + n, lx->err_cap - (size_t)n, fmt, ap);
		va_end(ap);
		(void)m;   /* reasons are short; the buffer has 256 bytes for them */
	}
	lx->failed = 1;
	memset(&lx->err_tok, 0, sizeof lx->err_tok);
	lx->err_tok.kind = LX_ERROR;
	lx->err_tok.off = off;
	lx->err_tok.line = line;
	lx->err_tok.col = col;
	*tok = lx->err_tok;
	return LX_ERROR;
}

static const char *const kind_names[LX_KIND_COUNT] = {
	[LX_EOF] = "end of input", [LX_ERROR] = "invalid token",
	[LX_IDENT] = "identifier", [LX_NUMBER] = "number", [LX_STRING] = "string",
	[LX_REGEX] = "regular expression", [LX_TEMPLATE] = "template literal",
	[LX_KW_BREAK] = "'break'", [LX_KW_CASE] = "'case'", [LX_KW_CATCH] = "'catch'",
	[LX_KW_CONTINUE] = "'continue'", [LX_KW_DEBUGGER] = "'debugger'",
	[LX_KW_DEFAULT] = "'default'", [LX_KW_DELETE] = "'delete'", [LX_KW_DO] = "'do'",
	[LX_KW_ELSE] = "'else'", [LX_KW_FINALLY] = "'finally'", [LX_KW_FOR] = "'for'",
	[LX_KW_FUNCTION] = "'function'", [LX_KW_IF] = "'if'", [LX_KW_IN] = "'in'",
	[LX_KW_INSTANCEOF] = "'instanceof'", [LX_KW_NEW] = "'new'",
	[LX_KW_RETURN] = "'return'", [LX_KW_SWITCH] = "'switch'", [LX_KW_THIS] = "'this'",
	[LX_KW_THROW] = "'throw'", [LX_KW_TRY] = "'try'", [LX_KW_TYPEOF] = "'typeof'",
	[LX_KW_VAR] = "'var'", [LX_KW_VOID] = "'void'", [LX_KW_WHILE] = "'while'",
	[LX_KW_WITH] = "'with'", [LX_KW_NULL] = "'null'", [LX_KW_TRUE] = "'true'",
	[LX_KW_FALSE] = "'false'", [LX_KW_CLASS] = "'class'", [LX_KW_CONST] = "'const'",
	[LX_KW_ENUM] = "'enum'", [LX_KW_EXPORT] = "'export'", [LX_KW_EXTENDS] = "'extends'",
	[LX_KW_IMPORT] = "'import'", [LX_KW_SUPER] = "'super'",
	[LX_KW_IMPLEMENTS] = "'implements'", [LX_KW_INTERFACE] = "'interface'",
	[LX_KW_LET] = "'let'", [LX_KW_PACKAGE] = "'package'", [LX_KW_PRIVATE] = "'private'",
	[LX_KW_PROTECTED] = "'protected'", [LX_KW_PUBLIC] = "'public'",
	[LX_KW_STATIC] = "'static'", [LX_KW_YIELD] = "'yield'",
	[LX_LBRACE] = "'{'", [LX_RBRACE] = "'}'", [LX_LPAREN] = "'('", [LX_RPAREN] = "')'",
	[LX_LBRACKET] = "'['", [LX_RBRACKET] = "']'", [LX_DOT] = "'.'", [LX_SEMI] = "';'",
	[LX_COMMA] = "','", [LX_LT] = "'<'", [LX_GT] = "'>'", [LX_LE] = "'<='",
	[LX_GE] = "'>='", [LX_EQ] = "'=='", [LX_NE] = "'!='", [LX_SEQ] = "'==='",
	[LX_SNE] = "'!=='", [LX_PLUS] = "'+'", [LX_MINUS] = "'-'", [LX_STAR] = "'*'",
	[LX_PERCENT] = "'%'", [LX_INC] = "'++'", [LX_DEC] = "'--'", [LX_SHL] = "'<<'",
	[LX_SAR] = "'>>'", [LX_SHR] = "'>>>'", [LX_AMP] = "'&'", [LX_PIPE] = "'|'",
	[LX_CARET] = "'^'", [LX_BANG] = "'!'", [LX_TILDE] = "'~'", [LX_AND] = "'&&'",
	[LX_OR] = "'||'", [LX_QUESTION] = "'?'", [LX_COLON] = "':'", [LX_ASSIGN] = "'='",
	[LX_ADD_ASSIGN] = "'+='", [LX_SUB_ASSIGN] = "'-='", [LX_MUL_ASSIGN] = "'*='",
	[LX_MOD_ASSIGN] = "'%='", [LX_SHL_ASSIGN] = "'<<='", [LX_SAR_ASSIGN] = "'>>='",
	[LX_SHR_ASSIGN] = "'>>>='", [LX_AND_ASSIGN] = "'&='", [LX_OR_ASSIGN] = "'|='",
	[LX_XOR_ASSIGN] = "'^='", [LX_SLASH] = "'/'", [LX_DIV_ASSIGN] = "'/='",
	[LX_EXP] = "'**'", [LX_EXP_ASSIGN] = "'**='", [LX_ARROW] = "'=>'",
	[LX_ELLIPSIS] = "'...'",
};

const char *
lx_kind_name(lx_kind kind)
{
	if ((unsigned)kind >= LX_KIND_COUNT || kind_names[kind] == NULL)
		return "unknown token";
	return kind_names[kind];
}
