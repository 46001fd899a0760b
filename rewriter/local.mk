# rewriter/local.mk -- parser, scope analysis, instrumentation, emitters, ferryc.
# librewriter.a holds the whole front end; other rewriter fragments
# (instrument.mk) add their sources with +=.
noinst_LIBRARIES += rewriter/librewriter.a
rewriter_librewriter_a_SOURCES = \
	rewriter/rewriter.h rewriter/ast_impl.h \
	rewriter/parse_impl.h \
	rewriter/ast.c rewriter/parse.c rewriter/parse_expr.c rewriter/print.c
rewriter_librewriter_a_CFLAGS = $(AM_CFLAGS)

bin_PROGRAMS += ferryc
ferryc_SOURCES = rewriter/ferryc.c
ferryc_CFLAGS = $(AM_CFLAGS)
# other rewriter fragments may add libraries here with +=
ferryc_LDADD = rewriter/librewriter.a lexer/liblexer.a -lm

# unit tests of the parser, AST and printer
check_PROGRAMS += tests/check_parser
TESTS += tests/check_parser
tests_check_parser_SOURCES = tests/check_parser.c
tests_check_parser_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_parser_LDADD = rewriter/librewriter.a lexer/liblexer.a $(CHECK_LIBS) -lm
