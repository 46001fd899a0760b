# runtime/snapshot.mk -- snapshot walker (heap -> model) and restore (model -> heap).
runtime_libferry_a_SOURCES += \
	runtime/snap_impl.h runtime/snap_walk.h runtime/restore_impl.h \
	runtime/snap_map.c runtime/builtins.c runtime/snap_install.c \
	runtime/snap_walk.c runtime/snap_roots.c runtime/snap_path.c \
	runtime/restore.c runtime/restore_shell.c

# unit tests
check_PROGRAMS += tests/check_snapshot
TESTS += tests/check_snapshot
tests_check_snapshot_SOURCES = tests/check_snapshot.c
tests_check_snapshot_CFLAGS = $(AM_CFLAGS) $(DUKTAPE_CFLAGS) $(CHECK_CFLAGS)
tests_check_snapshot_LDADD = runtime/libferry.a $(CHECK_LIBS) $(FERRY_DEVICE_LIBS)
