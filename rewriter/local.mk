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
ferryc_LDADD = rewriter/librewriter.a lexer/liblexer.a -lm -lpthread

# unit tests of the parser, AST and printer
check_PROGRAMS += tests/check_parser
TESTS += tests/check_parser
tests_check_parser_SOURCES = tests/check_parser.c
tests_check_parser_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_parser_LDADD = rewriter/librewriter.a lexer/liblexer.a $(CHECK_LIBS) -lm

# the printer's round trip over the corpus, run under a tiny Duktape runner
check_PROGRAMS += tests/duk_run
tests_duk_run_SOURCES = tests/duk_run.c
tests_duk_run_CFLAGS = $(AM_CFLAGS) $(DUKTAPE_CFLAGS)
tests_duk_run_LDADD = $(DUKTAPE_LIBS) -lm
TESTS += tests/print-roundtrip.sh
EXTRA_DIST += tests/print-roundtrip.sh \
	tests/data/parse/precedence.js tests/data/parse/statements.js \
	tests/data/parse/literals.js tests/data/parse/functions.js \
	tests/data/parse/es2015_subset.js tests/data/parse/new_target.js

# benchmark: `make bench-parse` (part of `make bench`)
check_PROGRAMS += bench/parse_bench
bench_parse_bench_SOURCES = bench/parse_bench.c
bench_parse_bench_CFLAGS = $(AM_CFLAGS)
bench_parse_bench_LDADD = rewriter/librewriter.a lexer/liblexer.a -lm
BENCH_TARGETS += bench-parse
BENCH_QUICK_TARGETS += bench-parse-quick
bench-parse: bench/parse_bench$(EXEEXT)
	@$(MKDIR_P) bench/out
	@bench/parse_bench$(EXEEXT) $${QUICK:+--quick} --md bench/out/parser.md
bench-parse-quick: bench/parse_bench$(EXEEXT)
	@$(MKDIR_P) bench/out
	@bench/parse_bench$(EXEEXT) --quick --md bench/out/parser.md

dist_man_MANS += rewriter/ferryc.1
EXTRA_DIST += doc/parser.md
