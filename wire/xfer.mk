# wire/xfer.mk -- the msgpack snapshot codec and over-the-air migration:
# frames, acknowledgement, authentication (wire/, part of libferry) and the
# runtime's side of it (runtime/xfer.c: --listen, --migrate-to, --key).
runtime_libferry_a_SOURCES += \
	wire/msgpack_ext.h wire/msgpack_write.c wire/msgpack_read.c \
	wire/xfer.h wire/xfer_frame.c wire/xfer_io.c wire/xfer_proto.c \
	runtime/xfer.c

# unit tests: the msgpack codec; frames and the hand-over protocol over
# socketpairs/loopback
check_PROGRAMS += tests/check_msgpack tests/check_xfer
TESTS += tests/check_msgpack tests/check_xfer
tests_check_msgpack_SOURCES = tests/check_msgpack.c
tests_check_msgpack_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_msgpack_LDADD = runtime/libferry.a $(CHECK_LIBS) $(FERRY_DEVICE_LIBS)
tests_check_xfer_SOURCES = tests/check_xfer.c
tests_check_xfer_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SODIUM_CFLAGS)
tests_check_xfer_LDADD = runtime/libferry.a $(CHECK_LIBS) $(FERRY_DEVICE_LIBS)

# end-to-end: real processes migrating over loopback, with injected faults
TESTS += tests/migrate.sh
EXTRA_DIST += tests/migrate.sh tests/proc_lib.sh tests/data/migrate/ticker.js doc/protocol.md
# the process waits of tests/proc_lib.sh (migrate.sh's and cross_arch.sh's
# "exited with status N" or "hung"), with a process held in a ptrace stop as
# LeakSanitizer holds one at exit (tests/proc_stop)
check_PROGRAMS += tests/proc_stop
tests_proc_stop_SOURCES = tests/proc_stop.c
TESTS += tests/proc_lib_check.sh
EXTRA_DIST += tests/proc_lib_check.sh
# the live demo (`make demo`, wired in Makefile.am)
EXTRA_DIST += demo/run-demo.sh demo/sensor.js

# benchmark: `make bench-migrate` (part of `make bench`): trigger-to-first-
# callback latency of a migration on loopback for live heaps 10 KB .. 10 MB
check_PROGRAMS += bench/migrate_bench
bench_migrate_bench_SOURCES = bench/migrate_bench.c
bench_migrate_bench_CFLAGS = $(AM_CFLAGS)
EXTRA_DIST += bench/migrate_heap.js
BENCH_TARGETS += bench-migrate
BENCH_QUICK_TARGETS += bench-migrate-quick
bench-migrate bench-migrate-quick: bench/migrate_bench$(EXEEXT) ferryc$(EXEEXT) runtime/libferry.a
	@$(MKDIR_P) bench/out/migrate-app
	@cp $(srcdir)/bench/migrate_heap.js bench/out/migrate-app/migrate_heap.js
	@cd bench/out/migrate-app && $(abs_top_builddir)/ferryc$(EXEEXT) migrate_heap.js -o . \
		--runtime-dir $(abs_top_builddir)
	@bench/migrate_bench$(EXEEXT) --app bench/out/migrate-app/migrate_heap \
		$$(test "$@" = bench-migrate-quick && echo --quick) $${QUICK:+--quick} \
		--md bench/out/migrate.md --dat bench/out/scaling-migrate.dat
