# tests/local.mk -- one Check runner per module plus end-to-end suites.
EXTRA_DIST += tests/summary.sh

# Parser conformance (tests/conformance.sh): test262-parser-tests and acorn
# are installed from npm at test time into tests/cache/ (distclean removes
# it); conformance_duk is the "Duktape 2.7 compiles it" oracle.
check_PROGRAMS += tests/conformance_duk
tests_conformance_duk_SOURCES = tests/conformance_duk.c
tests_conformance_duk_CFLAGS = $(AM_CFLAGS) $(DUKTAPE_CFLAGS)
tests_conformance_duk_LDADD = $(DUKTAPE_LIBS) -lm
TESTS += tests/conformance.sh
EXTRA_DIST += tests/conformance.sh tests/conformance-es5.js \
	tests/data/conformance-exceptions.txt
distclean-local: distclean-local-conformance
distclean-local-conformance:
	-rm -rf tests/cache tests/conformance.d
.PHONY: distclean-local-conformance
