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
EXTRA_DIST += tests/npm_pinned.sh tests/conformance.sh tests/conformance-es5.js \
	tests/data/conformance-exceptions.txt
TEST_WORK_DIRS += tests/cache tests/conformance.d

# `make installcheck` (distcheck runs it): the installed pieces are there and
# usable. The installed ferryc builds a program that runs (without DESTDIR,
# where it finds its installed libferry); every man page is installed; ferry.pc's flags compile
# and link a program against the installed ferry.h and libferry.a (plain
# `pkg-config --cflags --libs ferry`, as ferryc(1) documents).
installcheck-local: installcheck-ferry
installcheck-ferry:
	@set -e; dir=tests/installcheck.d; rm -rf $$dir; $(MKDIR_P) $$dir; \
	'$(DESTDIR)$(bindir)/ferryc$(EXEEXT)' --version > /dev/null; \
	for m in $(dist_man_MANS) $(doc_DATA); do b=$${m##*/}; \
	  case $$m in *.md) d='$(DESTDIR)$(docdir)' ;; *) d='$(DESTDIR)$(man1dir)' ;; esac; \
	  test -f "$$d/$$b" || { echo "installcheck: $$b not installed in $$d"; exit 1; }; \
	done; \
	printf '#include <ferry.h>\nint main(void) { return ferry_main != 0 ? 0 : 1; }\n' > $$dir/t.c; \
	pc="$(PKG_CONFIG) --define-variable=prefix=$(DESTDIR)$(prefix)"; \
	PKG_CONFIG_PATH='$(DESTDIR)$(pkgconfigdir)':$$PKG_CONFIG_PATH; export PKG_CONFIG_PATH; \
	$(CC) $(CFLAGS) `$$pc --cflags ferry` -o $$dir/t $$dir/t.c `$$pc --libs ferry`; \
	$$dir/t; \
	if test -z '$(DESTDIR)'; then \
	  echo 'console.log("installed ferryc: ok");' > $$dir/a.js; \
	  '$(bindir)/ferryc$(EXEEXT)' $$dir/a.js -o $$dir/b; \
	  test "`$$dir/b/a`" = "installed ferryc: ok"; \
	fi; \
	rm -rf $$dir; echo "installcheck: ferryc (builds and runs an app), man pages, documents, ferry.h, libferry.a, ferry.pc: ok"
.PHONY: installcheck-ferry

# Third-party programs (tests/thirdparty.sh): pinned pure-ES5 npm packages
# installed at test time into tests/cache/thirdparty, each run under a driver
# of tests/data/thirdparty/: plain == instrumented, snapshot/resume at every
# turn, msgpack, hops.
TESTS += tests/thirdparty.sh
EXTRA_DIST += tests/thirdparty.sh tests/data/thirdparty
TEST_WORK_DIRS += tests/thirdparty.d

# The instrumentation under pressure (tests/amplify.sh): the corpus and the
# instrument/snapshot programs rewritten by tests/amplify.js (acorn, pinned,
# from npm at test time into tests/cache/amplify) so that every binding is
# captured, identifiers are parenthesized, the program is wrapped in a
# function...: plain == instrumented, and a resume after the first turn.
TESTS += tests/amplify.sh
EXTRA_DIST += tests/amplify.sh tests/amplify.js
TEST_WORK_DIRS += tests/amplify.d

# The two differential fuzzers below share their driver (tests/fuzz_lib.sh,
# sourced) and their generators' random numbers (tests/fuzz_rand.js, put in
# front of each generator).
EXTRA_DIST += tests/fuzz_lib.sh tests/fuzz_rand.js

# Differential fuzzing (tests/difffuzz.sh, H19): generated programs run plain,
# instrumented, and snapshotted/resumed after every turn (JSON, msgpack, hops);
# FERRY_FUZZ_SEEDS=N for long runs. A failing seed is kept in tests/difffuzz.d.
TESTS += tests/difffuzz.sh
EXTRA_DIST += tests/difffuzz.sh tests/difffuzz_gen.js
TEST_WORK_DIRS += tests/difffuzz.d

# Differential fuzzing of evaluation order (tests/exprfuzz.sh, H20): generated
# programs whose closures write enclosing functions' variables inside every
# kind of expression, run plain and instrumented (event-loop ones also
# snapshotted/resumed after every turn); FERRY_EXPRFUZZ_SEEDS=N for long runs.
# A failing seed is kept, minimised, in tests/exprfuzz.d.
TESTS += tests/exprfuzz.sh
EXTRA_DIST += tests/exprfuzz.sh tests/exprfuzz_gen.js
TEST_WORK_DIRS += tests/exprfuzz.d

# The command lines as a new user meets them (tests/cli.sh): bad input and
# bad options of ferryc, a device executable and the ferry tool give one
# clear line and a non-zero status.
TESTS += tests/cli.sh
EXTRA_DIST += tests/cli.sh

# Cross-architecture migration (tests/cross_arch.sh): libferry for another
# architecture, compiled by FERRY_CROSS_CC from the same sources into
# FERRY_CROSS_DIR/runtime (the target below; the test passes all three),
# against Debian's multiarch runtime libraries; SKIP without them.
TESTS += tests/cross_arch.sh
EXTRA_DIST += tests/cross_arch.sh
FERRY_CROSS_CC = $(CC) -m32
FERRY_CROSS_AR = $(AR)
FERRY_CROSS_DIR = tests/cross.d
cross-libferry: $(runtime_libferry_a_SOURCES)
	@d='$(FERRY_CROSS_DIR)/runtime'; rm -rf "$$d"; $(MKDIR_P) "$$d"; objs=; \
	for f in $(runtime_libferry_a_SOURCES); do \
	  case $$f in *.c) ;; *) continue ;; esac; \
	  src=$$f; test -f $$src || src=$(srcdir)/$$f; \
	  o="$$d/`echo $$f | tr / _ | sed 's/\.c$$/.o/'`"; \
	  $(FERRY_CROSS_CC) $(DEFS) $(DEFAULT_INCLUDES) $(AM_CPPFLAGS) -std=gnu99 -O2 -c $$src -o "$$o" || exit 1; \
	  objs="$$objs $$o"; \
	done; \
	$(FERRY_CROSS_AR) rcs "$$d/libferry.a" $$objs
TEST_WORK_DIRS += tests/cross.d
.PHONY: cross-libferry

# the suites' work directories (a failing case is kept there) and npm caches
distclean-local: distclean-local-tests
distclean-local-tests:
	-rm -rf $(TEST_WORK_DIRS)
.PHONY: distclean-local-tests
