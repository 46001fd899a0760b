# rewriter/instrument.mk -- instrumentation, restore-table emitter, ferryc's build step.
# Its own library (it needs libsodium and the device link line baked in);
# ferryc links it before the front end it uses.
noinst_LIBRARIES += rewriter/libinstrument.a
rewriter_libinstrument_a_SOURCES = \
	rewriter/instrument.h \
	rewriter/instrument_impl.h rewriter/instrument.c rewriter/instrument_edit.c \
	rewriter/instrument_maker.c \
	rewriter/emit_out.c rewriter/emit_c.c rewriter/emit_bytecode.c rewriter/build.c
rewriter_libinstrument_a_CPPFLAGS = $(AM_CPPFLAGS) \
	-DRW_DEVICE_LIBS='"$(FERRY_DEVICE_LIBS)"' -DRW_SAN_FLAGS='"$(FERRY_SAN_FLAGS)"' \
	-DRW_SRCDIR='"$(abs_top_srcdir)"'
rewriter_libinstrument_a_CFLAGS = $(AM_CFLAGS) $(SODIUM_CFLAGS) $(DUKTAPE_CFLAGS)
RW_INSTRUMENT_LIBS = rewriter/libinstrument.a rewriter/librewriter.a \
	lexer/liblexer.a $(DUKTAPE_LIBS) $(SODIUM_LIBS) -lm
ferryc_LDADD += $(RW_INSTRUMENT_LIBS)

# unit tests of the emitted table and of the build step
check_PROGRAMS += tests/check_instrument
TESTS += tests/check_instrument
tests_check_instrument_SOURCES = tests/check_instrument.c
tests_check_instrument_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SODIUM_CFLAGS) $(DUKTAPE_CFLAGS)
tests_check_instrument_LDADD = $(RW_INSTRUMENT_LIBS) $(CHECK_LIBS)

# end to end: plain and instrumented builds of the corpus behave identically
TESTS += tests/transparency.sh
EXTRA_DIST += tests/transparency.sh \
	tests/data/instrument/arguments_alias.js tests/data/instrument/new_target.js \
	tests/data/instrument/console_frames.js \
	tests/data/instrument/asi_calls.js \
	tests/data/instrument/catch_scopes.js \
	tests/data/instrument/delete_forin.js \
	tests/data/instrument/eval_with2.js \
	tests/data/instrument/hoisting2.js \
	tests/data/instrument/line_numbers.js \
	tests/data/instrument/new_fn.js \
	tests/data/instrument/proto_names.js \
	tests/data/instrument/strict_nested.js \
	tests/data/instrument/unicode_keys.js \
	tests/data/instrument/accessors_env.js \
	tests/data/instrument/mirror.js \
	tests/data/instrument/arguments_sync.js \
	tests/data/instrument/args_dynamic.js \
	tests/data/instrument/env_alias.js \
	tests/data/instrument/late_reads.js \
	tests/data/instrument/args_shadow.js \
	tests/data/instrument/first_line.js \
	tests/data/instrument/keyword_parens.js \
	tests/data/instrument/local_eval.js \
	tests/data/instrument/sealed_fns.js \
	tests/data/instrument/fin_timing.js \
	tests/data/instrument/fp_keys.js \
	tests/data/instrument/self_writes.js \
	tests/data/instrument/with_proxy.js \
	tests/data/instrument/with_refused.js

# snapshots refuse closures whose `arguments` writes ferryc cannot follow,
# and closures made in a `with` body
TESTS += tests/args_snapshot.sh
EXTRA_DIST += tests/args_snapshot.sh

# `make bench-instrument`: instrumentation overhead on bench/programs/*.js
# (callgrind instruction ratio, wall-time ratio, peak-heap ratio)
EXTRA_DIST += bench/instrument_bench.sh doc/measurements.md \
	bench/programs/richards.js bench/programs/deltablue.js \
	bench/programs/raytracer.js bench/programs/splay.js \
	bench/programs/navier_stokes.js bench/programs/bignum.js \
	bench/programs/closure_events.js bench/programs/iot_filters.js \
	bench/programs/iot_gateway.js bench/programs/iot_statemachine.js
check_PROGRAMS += bench/instrument_startup
bench_instrument_startup_SOURCES = bench/instrument_startup.c
bench_instrument_startup_CFLAGS = $(AM_CFLAGS) $(DUKTAPE_CFLAGS)
bench_instrument_startup_LDADD = $(DUKTAPE_LIBS) -lm
BENCH_TARGETS += bench-instrument
BENCH_QUICK_TARGETS += bench-instrument-quick
bench-instrument: ferryc$(EXEEXT) runtime/libferry.a bench/instrument_startup$(EXEEXT)
	@$(SHELL) $(srcdir)/bench/instrument_bench.sh '$(abs_top_builddir)' '$(abs_top_srcdir)' '$(BENCH_OUT)'
bench-instrument-quick: ferryc$(EXEEXT) runtime/libferry.a bench/instrument_startup$(EXEEXT)
	@QUICK=1 $(SHELL) $(srcdir)/bench/instrument_bench.sh '$(abs_top_builddir)' '$(abs_top_srcdir)' '$(BENCH_OUT)'
