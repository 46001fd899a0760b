# rewriter/instrument.mk -- instrumentation, restore-table emitter, ferryc's build step.
# Its own library (it needs libsodium and the device link line baked in);
# ferryc links it before the front end it uses.
noinst_LIBRARIES += rewriter/libinstrument.a
rewriter_libinstrument_a_SOURCES = \
	rewriter/instrument.h \
	rewriter/instrument_impl.h rewriter/instrument.c rewriter/instrument_edit.c \
	rewriter/instrument_maker.c \
	rewriter/emit_out.c rewriter/emit_c.c rewriter/build.c
rewriter_libinstrument_a_CPPFLAGS = $(AM_CPPFLAGS) \
	-DRW_DEVICE_LIBS='"$(FERRY_DEVICE_LIBS)"' -DRW_SRCDIR='"$(abs_top_srcdir)"'
rewriter_libinstrument_a_CFLAGS = $(AM_CFLAGS) $(SODIUM_CFLAGS)
RW_INSTRUMENT_LIBS = rewriter/libinstrument.a rewriter/librewriter.a \
	lexer/liblexer.a $(SODIUM_LIBS) -lm
ferryc_LDADD += $(RW_INSTRUMENT_LIBS)

# unit tests of the emitted table and of the build step
check_PROGRAMS += tests/check_instrument
TESTS += tests/check_instrument
tests_check_instrument_SOURCES = tests/check_instrument.c
tests_check_instrument_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SODIUM_CFLAGS) $(DUKTAPE_CFLAGS)
tests_check_instrument_LDADD = $(RW_INSTRUMENT_LIBS) $(DUKTAPE_LIBS) $(CHECK_LIBS)

# end to end: plain and instrumented builds of the corpus behave identically
TESTS += tests/transparency.sh
EXTRA_DIST += tests/transparency.sh
