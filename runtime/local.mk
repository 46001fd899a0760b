# runtime/local.mk -- the device runtime (libferry): heap, allocator, event
# loop, timers, console, process, options, snapshot triggers and files.
include_HEADERS += runtime/ferry.h
runtime_libferry_a_SOURCES += \
	runtime/rt.h runtime/rt_core.h runtime/snapfile.h \
	runtime/main.c runtime/heap.c runtime/alloc.c runtime/loop.c \
	runtime/timers.c runtime/console.c runtime/inspect.c runtime/process.c \
	runtime/trigger.c runtime/snapfile.c
# TEMPORARY until the snapshot walker/restore land (their owner removes it):
runtime_libferry_a_SOURCES += runtime/snap_stub.c
# TEMPORARY until the runtime side of the transfer lands (its owner removes it):
runtime_libferry_a_SOURCES += runtime/xfer_stub.c

# tests/ferry_run: a test host that runs a JS file through ferry_main
# (instrumented = 0), so the runtime can be tested without ferryc.
noinst_PROGRAMS += tests/ferry_run
tests_ferry_run_SOURCES = tests/ferry_run.c
tests_ferry_run_LDADD = runtime/libferry.a $(FERRY_DEVICE_LIBS)
tests_ferry_run_CFLAGS = $(AM_CFLAGS) $(DUKTAPE_CFLAGS) $(SODIUM_CFLAGS)
