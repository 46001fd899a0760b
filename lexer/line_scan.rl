/*
 * lexer/line_scan.rl -- lx_scan_lines(): splits a buffer into lines (LF,
 * CRLF or a lone CR end a line) and classifies each as blank (only spaces,
 * tabs, VT, FF), comment-only (first non-blank characters `//` or `#`) or
 * text. Ragel (`ragel -C -G2`) generates line_scan.c; never edit that.
 *
 * The three line languages are disjoint, so exactly one leaving action
 * names the kind of each line. A CRLF is seen as CR (end of line) then LF;
 * the LF action recognises it and does not report an empty line.
 */
#include <config.h>

#include "lexer/lexer.h"

%%{
	machine lx_lines;
	alphtype unsigned char;

	action blank   { kind = LX_LINE_BLANK; }
	action comment { kind = LX_LINE_COMMENT; }
	action text    { kind = LX_LINE_TEXT; }
	action eol {
		if (!(fc == '\n' && p > buf && p[-1] == '\r' && crlf_pending)) {
			ln.kind = kind;
			ln.off = (uint32_t)(ls - buf);
			ln.len = (uint32_t)(p - ls);
			ln.lineno = lineno++;
			rc = fn(&ln, ud);
			if (rc != 0) {
				p++;
				fbreak;
			}
		}
		crlf_pending = fc == '\r';
		ls = p + 1;
	}

	ws      = [ \t\v\f];
	char    = any - [\r\n];
	blank   = ws*;
	comment = ws* ('//' | '#') char*;
	text    = char* - blank - comment;
	line    = blank %blank | comment %comment | text %text;

	main := ( line [\r\n] @eol )* line;
}%%

%% write data noerror nofinal noentry;

int
lx_scan_lines(const char *text_buf, size_t len,
              int (*fn)(const lx_line *line, void *ud), void *ud)
{
	const unsigned char *buf = (const unsigned char *)text_buf;
	const unsigned char *p = buf, *pe = buf + len, *eof = pe, *ls = buf;
	lx_line_kind kind = LX_LINE_BLANK;
	uint32_t lineno = 1;
	int cs, rc = 0, crlf_pending = 0;
	lx_line ln;

	if (len >= UINT32_MAX)
		return -1;
	%% write init;
	%% write exec;
	if (rc != 0)
		return rc;
	if (ls < pe) {
		/* the last line has no terminator */
		ln.kind = kind;
		ln.off = (uint32_t)(ls - buf);
		ln.len = (uint32_t)(pe - ls);
		ln.lineno = lineno;
		rc = fn(&ln, ud);
	}
	return rc;
}
