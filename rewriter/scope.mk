# rewriter/scope.mk -- scope analysis (H3): part of librewriter.a, and its Check suite.
rewriter_librewriter_a_SOURCES += \
	rewriter/scope.h rewriter/scope_impl.h \
	rewriter/scope.c rewriter/scope_post.c rewriter/scope_dump.c

check_PROGRAMS += tests/check_scope
TESTS += tests/check_scope
tests_check_scope_SOURCES = tests/check_scope.c
tests_check_scope_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_scope_LDADD = rewriter/librewriter.a lexer/liblexer.a $(CHECK_LIBS) -lm
