# runtime/local.mk -- the device runtime (libferry): heap, allocator, event
# loop, timers, console, process, options, snapshot triggers and files.
include_HEADERS += runtime/ferry.h
dist_man_MANS += runtime/ferry-app.1
runtime_libferry_a_SOURCES += \
	runtime/rt.h runtime/rt_core.h runtime/snapfile.h \
	runtime/main.c runtime/heap.c runtime/alloc.c runtime/loop.c \
	runtime/timers.c runtime/console.c runtime/inspect.c runtime/process.c \
	runtime/trigger.c runtime/snapfile.c

# tests/ferry_run: a test host that runs a JS file through ferry_main
# (instrumented = 0), so the runtime can be tested without ferryc.
noinst_PROGRAMS += tests/ferry_run
tests_ferry_run_SOURCES = tests/ferry_run.c
tests_ferry_run_LDADD = runtime/libferry.a $(FERRY_DEVICE_LIBS)
tests_ferry_run_CFLAGS = $(AM_CFLAGS) $(DUKTAPE_CFLAGS) $(SODIUM_CFLAGS)

# end-to-end: tests/data/runtime/NAME.js with NAME.out/.err/.status/.args
TESTS += tests/runtime.sh
EXTRA_DIST += tests/runtime.sh \
	tests/data/runtime/console_format.js tests/data/runtime/console_format.out \
	tests/data/runtime/console_utf8.js tests/data/runtime/console_utf8.out \
	tests/data/runtime/console_utf8.err \
	tests/data/runtime/exit_code.js tests/data/runtime/exit_code.out tests/data/runtime/exit_code.status \
	tests/data/runtime/intervals.js tests/data/runtime/intervals.out \
	tests/data/runtime/max_heap.js tests/data/runtime/max_heap.out tests/data/runtime/max_heap.args \
	tests/data/runtime/phases.js tests/data/runtime/phases.out \
	tests/data/runtime/process.js tests/data/runtime/process.out tests/data/runtime/process.status \
	tests/data/runtime/process.args \
	tests/data/runtime/timer_order.js tests/data/runtime/timer_order.out \
	tests/data/runtime/timer_args.js tests/data/runtime/timer_args.out \
	tests/data/runtime/uncaught_timer.js tests/data/runtime/uncaught_timer.out \
	tests/data/runtime/uncaught_timer.err tests/data/runtime/uncaught_timer.status \
	tests/data/runtime/uncaught_value.js tests/data/runtime/uncaught_value.out \
	tests/data/runtime/uncaught_value.err tests/data/runtime/uncaught_value.status \
	tests/data/runtime/console_group.js tests/data/runtime/console_group.out \
	tests/data/runtime/console_group.err \
	tests/data/runtime/console_layout.js tests/data/runtime/console_layout.out \
	tests/data/runtime/console_methods.js tests/data/runtime/console_methods.out \
	tests/data/runtime/console_methods.err \
	tests/data/runtime/timer_errors.js tests/data/runtime/timer_errors.out \
	tests/data/runtime/timer_lists.js tests/data/runtime/timer_lists.out

# unit tests (Check)
check_PROGRAMS += tests/check_runtime
TESTS += tests/check_runtime
tests_check_runtime_SOURCES = tests/check_runtime.c
tests_check_runtime_CFLAGS = $(AM_CFLAGS) $(DUKTAPE_CFLAGS) $(CHECK_CFLAGS)
tests_check_runtime_LDADD = runtime/libferry.a $(CHECK_LIBS) $(FERRY_DEVICE_LIBS)

# end-to-end: snapshot triggers and files (tests/data/runtime/snap/*.js)
TESTS += tests/runtime_snapshot.sh
EXTRA_DIST += tests/runtime_snapshot.sh \
	tests/data/runtime/snap/state.js tests/data/runtime/snap/signal.js \
	tests/data/runtime/snap/console_state.js \
	tests/data/runtime/snap/ticks.js tests/data/runtime/snap/unmigratable.js \
	tests/data/runtime/snap/overdue.js

# benchmark: `make bench-runtime` (part of `make bench`)
EXTRA_DIST += bench/runtime_bench.sh
BENCH_TARGETS += bench-runtime
BENCH_QUICK_TARGETS += bench-runtime-quick
bench-runtime: tests/ferry_run$(EXEEXT)
	@$(SHELL) $(srcdir)/bench/runtime_bench.sh '$(abs_top_builddir)' '$(BENCH_OUT)'
bench-runtime-quick: tests/ferry_run$(EXEEXT)
	@QUICK=1 $(SHELL) $(srcdir)/bench/runtime_bench.sh '$(abs_top_builddir)' '$(BENCH_OUT)'
