# lexer/local.mk -- the re2c JavaScript tokenizer and the Ragel line scanner.
# The generated C lives in $(srcdir) so release tarballs ship it (a tarball
# build needs neither re2c nor Ragel); git ignores it.
noinst_LIBRARIES += lexer/liblexer.a
lexer_liblexer_a_SOURCES = \
	lexer/lexer.h lexer/lx_impl.h \
	lexer/lexer.c lexer/lx_text.c lexer/lx_escape.c lexer/lx_number.c \
	lexer/lx_cooked.c \
	lexer/js_lex.c lexer/line_scan.c
# Ragel -G2 output falls through between cases on purpose
lexer_liblexer_a_CFLAGS = $(AM_CFLAGS) -Wno-implicit-fallthrough
EXTRA_DIST += lexer/js_lex.re lexer/line_scan.rl
MAINTAINERCLEANFILES += $(srcdir)/lexer/js_lex.c $(srcdir)/lexer/line_scan.c

LX_RE2C_FLAGS = -8 --case-ranges -W --no-generation-date --no-version
$(srcdir)/lexer/js_lex.c: $(srcdir)/lexer/js_lex.re
	$(AM_V_GEN)$(RE2C) $(LX_RE2C_FLAGS) -o $@ $(srcdir)/lexer/js_lex.re
$(srcdir)/lexer/line_scan.c: $(srcdir)/lexer/line_scan.rl
	$(AM_V_GEN)$(RAGEL) -C -G2 -o $@ $(srcdir)/lexer/line_scan.rl

# unit tests
check_PROGRAMS += tests/check_lexer
TESTS += tests/check_lexer
tests_check_lexer_SOURCES = tests/check_lexer.c
tests_check_lexer_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_lexer_LDADD = lexer/liblexer.a $(CHECK_LIBS) -lm

# benchmark: `make bench-lexer` (part of `make bench`)
check_PROGRAMS += bench/lexer_bench
bench_lexer_bench_SOURCES = bench/lexer_bench.c
bench_lexer_bench_CFLAGS = $(AM_CFLAGS)
bench_lexer_bench_LDADD = lexer/liblexer.a -lm
BENCH_TARGETS += bench-lexer
BENCH_QUICK_TARGETS += bench-lexer-quick
bench-lexer: bench/lexer_bench$(EXEEXT)
	@$(MKDIR_P) bench/out
	@bench/lexer_bench$(EXEEXT) $${QUICK:+--quick} --md bench/out/lexer.md
bench-lexer-quick: bench/lexer_bench$(EXEEXT)
	@$(MKDIR_P) bench/out
	@bench/lexer_bench$(EXEEXT) --quick --md bench/out/lexer.md
