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
# end to end on ferryc-built programs (tests/corpus/loop_*.js, tests/data/snapshot/*.js)
TESTS += tests/snapshot.sh
EXTRA_DIST += tests/snapshot.sh tests/data/snapshot/kinds.js \
	tests/data/snapshot/closures.js tests/data/snapshot/timers.js \
	tests/data/snapshot/tiny.js tests/data/snapshot/same_delay.js tests/data/snapshot/error_hops.js \
	tests/data/snapshot/fn_names.js tests/data/snapshot/frozen_fns.js \
	tests/data/snapshot/fn_deleted_props.js \
	tests/data/snapshot/xfail.txt \
	tests/data/snapshot/hostile/expect.txt tests/data/snapshot/hostile/timer_seq_max.json \
	tests/data/snapshot/hostile/proto_cycle.json tests/data/snapshot/hostile/env_getter.json \
	tests/data/snapshot/hostile/err_hook.json tests/data/snapshot/hostile/array_length.json \
	tests/data/snapshot/hostile/view_index.json \
	tests/data/snapshot/hostile/plainbuffer_props.json \
	tests/data/snapshot/hostile/plainbuffer_proto.json \
	tests/data/snapshot/hostile/plainbuffer_env.json \
	tests/data/snapshot/hostile/array_length_twice.json \
	tests/data/snapshot/hostile/timer_id_twice.json tests/data/snapshot/hostile/key_twice.json \
	tests/data/snapshot/accessor_dups.js tests/data/snapshot/accessor_object_name.js \
	tests/data/snapshot/decl_self_ref.js tests/data/snapshot/param_fn_alias.js \
	tests/data/snapshot/plain_buffers.js tests/data/snapshot/strict_eval_name.js \
	tests/data/snapshot/shared_memory.js tests/data/snapshot/text_decoder.js \
	tests/data/snapshot/integrity.js tests/data/snapshot/error_proto_stack.js \
	tests/data/snapshot/error_trace.js tests/data/snapshot/array_proto_index.js \
	tests/data/snapshot/inline_frozen.js tests/data/snapshot/regexp_flags.js \
	tests/data/snapshot/builtin_integrity.js tests/data/snapshot/bind_no_args.js \
	tests/data/snapshot/timer_clock.js \
	tests/data/snapshot/maker_skip.js tests/data/snapshot/new_target.js
# a native (bytecode) and a cross-style (source) build exchange snapshots
TESTS += tests/embed_modes.sh
EXTRA_DIST += tests/embed_modes.sh tests/data/embed/anon_names.js
# environments read through a local alias in functions that make closures
EXTRA_DIST += tests/data/snapshot/env_alias.js
# writes to a function expression's own name from closures over it
EXTRA_DIST += tests/data/snapshot/nfe_write.js
# IoT-style programs from a user's walkthrough: a sampler with moving averages,
# a pub/sub bus of closures, built-ins with internal state (RegExp lastIndex,
# typed arrays on one buffer, Date, accessors, frozen objects); and two
# programs that were not in the tarball
EXTRA_DIST += tests/data/snapshot/iot_sampler.js tests/data/snapshot/iot_pubsub.js \
	tests/data/snapshot/iot_builtins.js \
	tests/data/snapshot/array_length_ro.js tests/data/snapshot/keyword_parens.js
# built with ferryc --strict: strict code before a snapshot and after
EXTRA_DIST += tests/data/snapshot/strict_flag.js
# a function with a `with` in its body, and what it makes there, after a resume
EXTRA_DIST += tests/data/snapshot/with_resume.js

# benchmark: `make bench-snapshot` (part of `make bench`)
noinst_PROGRAMS += bench/snapshot_bench
bench_snapshot_bench_SOURCES = bench/snapshot_bench.c
bench_snapshot_bench_CFLAGS = $(AM_CFLAGS) $(DUKTAPE_CFLAGS)
bench_snapshot_bench_LDADD = runtime/libferry.a $(FERRY_DEVICE_LIBS)
BENCH_TARGETS += bench-snapshot
BENCH_QUICK_TARGETS += bench-snapshot-quick
# and, in the full run, where a snapshot's instructions go (callgrind)
noinst_PROGRAMS += bench/enum_cost
bench_enum_cost_SOURCES = bench/enum_cost.c
bench_enum_cost_CFLAGS = $(AM_CFLAGS) $(DUKTAPE_CFLAGS)
bench_enum_cost_LDADD = $(DUKTAPE_LIBS)
EXTRA_DIST += bench/snapshot_profile.sh
bench-snapshot bench-snapshot-quick: bench/snapshot_bench$(EXEEXT) bench/enum_cost$(EXEEXT)
	@$(MKDIR_P) bench/out
	@q=; case '$@' in *-quick) q=--quick;; esac; \
	bench/snapshot_bench$(EXEEXT) $$q --md bench/out/snapshot.md --dat bench/out/scaling-snapshot.dat
	@case '$@' in *-quick) ;; *) $(SHELL) $(srcdir)/bench/snapshot_profile.sh \
	  bench/snapshot_bench$(EXEEXT) bench/out 2000 bench/enum_cost$(EXEEXT);; esac
