# runtime/snapshot.mk -- snapshot walker (heap -> model) and restore (model -> heap).
runtime_libferry_a_SOURCES += \
	runtime/snap_impl.h runtime/snap_walk.h runtime/restore_impl.h \
	runtime/snap_map.c runtime/builtins.c runtime/snap_install.c \
	runtime/snap_walk.c runtime/snap_roots.c runtime/snap_path.c \
	runtime/restore.c runtime/restore_shell.c
