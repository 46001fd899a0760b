# wire/local.mk -- snapshot model and codecs (part of libferry).
runtime_libferry_a_SOURCES += \
	wire/wire.h wire/wr_impl.h \
	wire/model.c wire/buf.c wire/json_write.c

# unit tests
check_PROGRAMS += tests/check_wire
TESTS += tests/check_wire
tests_check_wire_SOURCES = tests/check_wire.c
tests_check_wire_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_wire_LDADD = runtime/libferry.a $(CHECK_LIBS) $(FERRY_DEVICE_LIBS)
