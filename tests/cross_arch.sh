#!/bin/sh
# tests/cross_arch.sh -- a program moves between CPU architectures. The same
# program is built natively for x86-64 (bytecode embedded) and as a cross
# build for each target this machine can build and run (source text
# embedded), against a libferry compiled for the target from the same
# sources (`make cross-libferry`) and Debian's multiarch runtime libraries:
#   i386   gcc -m32 (lib32gcc-12-dev libc6-dev-i386; libduktape207:i386
#          libmsgpackc2:i386 libsodium23:i386): 32-bit pointers, Duktape's
#          packed values;
#   arm64  aarch64-linux-gnu-gcc, run by qemu-aarch64 (gcc-aarch64-linux-gnu
#          libc6-dev-arm64-cross qemu-user; libduktape207:arm64 ...): another
#          instruction set, unsigned char;
#   s390x  s390x-linux-gnu-gcc under qemu-s390x (gcc-s390x-linux-gnu
#          libc6-dev-s390x-cross; libduktape207:s390x ...): big-endian;
# README's first command installs them (optionally). With
# tests/data/migrate/ticker.js, per target:
#   1. the cross build prints the same uninterrupted run;
#   2. snapshot files x86-64 -> target (JSON) and target -> x86-64 (msgpack)
#      after 1, 10 and 25 turns;
#   2b. tests/data/snapshot/closures.js and error_hops.js the same way
#      after 2 turns;
#   3. over TCP with the full protocol (msgpack): x86-64 -> target -> x86-64.
# The concatenated output always equals the uninterrupted run. A target the
# machine cannot build or run is reported and left out; SKIP (77) if none.
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-cross.XXXXXX") || exit 99
pids=
trap 'for p in $pids; do kill -9 $p 2>/dev/null; done; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
export FERRY_XFER_TIMEOUT_MS=10000
. "$FERRY_SRCDIR/tests/proc_lib.sh"   # start_listener, reap
listen_wait=20   # a listener under qemu takes longer to start
src="$FERRY_SRCDIR/tests/data/migrate/ticker.js"
pass=0 fail=0 targets=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }
same() { cat "$@" | cmp -s "$tmp/ref.out" -; }
# e_machine of an ELF file, its 2 bytes at 18 in the file's byte order:
# 3e00 x86-64, 0300 i386, b700 aarch64, 0016 s390x (big-endian)
machine() { od -An -tx1 -j18 -N2 "$1" | tr -d ' '; }

# ---- the x86-64 build ----
# a libferry built with --enable-sanitizers needs the same flags at link time
san=$(sed -n 's/^FERRY_SAN_FLAGS = //p' "$FERRY_BUILDDIR/Makefile" 2>/dev/null)
mkdir -p "$tmp/host" && cp "$src" "$tmp/host/ticker.js" || exit 99
(cd "$tmp/host" && "$FERRY_BUILDDIR/ferryc" ticker.js -o . --runtime-dir "$FERRY_BUILDDIR" \
	--cflags "-O2 $san") >"$tmp/host.log" 2>&1 || { echo "FAIL: x86-64 build"; cat "$tmp/host.log"; exit 1; }
A="$tmp/host/ticker"
[ "$(machine "$A")" = 3e00 ] || { echo "SKIP: the build machine is not x86-64"; exit 77; }
timeout 60 "$A" >"$tmp/ref.out" 2>"$tmp/ref.err" || { echo "FAIL: x86-64 reference run"; exit 1; }
more="closures error_hops"
for p in $more; do
	mkdir -p "$tmp/host/$p" && cp "$FERRY_SRCDIR/tests/data/snapshot/$p.js" "$tmp/host/$p/" || exit 99
	(cd "$tmp/host/$p" && "$FERRY_BUILDDIR/ferryc" $p.js -o . --runtime-dir "$FERRY_BUILDDIR" \
		--cflags "-O2 $san") >"$tmp/host/$p/build.log" 2>&1 &&
		timeout 60 "$tmp/host/$p/$p" >"$tmp/host/$p/ref.out" 2>&1 ||
		{ echo "FAIL: x86-64 build or run of $p.js"; cat "$tmp/host/$p/build.log"; exit 1; }
done

# target NAME CC AR LIBDIR MACHINE RUNNER...
target() {
	name=$1 cc=$2 ar=$3 ml=$4 mach=$5; shift 5
	d="$tmp/$name"
	mkdir -p "$d/lib" || return
	for l in duktape msgpackc sodium; do
		so=$(ls "$ml/lib$l.so."* 2>/dev/null | head -n 1)
		[ -n "$so" ] || { echo "skip $name: no $ml/lib$l.so.* (the $name runtime libraries)"; return; }
		ln -s "$so" "$d/lib/lib$l.so"
	done
	printf '#include <duktape.h>\nint main(void) { duk_context *c = duk_create_heap_default(); duk_destroy_heap(c); return 0; }\n' >"$d/t.c"
	command -v ${cc%% *} >/dev/null 2>&1 &&
		$cc -o "$d/t" "$d/t.c" -L"$d/lib" -Wl,-rpath-link,"$ml" -lduktape -lm >"$d/t.log" 2>&1 &&
		"$@" "$d/t" >>"$d/t.log" 2>&1 ||
		{ echo "skip $name: cannot build and run a $name Duktape program ($cc; $*): $(head -n 1 "$d/t.log")"; return; }
	targets=$((targets + 1))
	make -s -C "$FERRY_BUILDDIR" cross-libferry FERRY_CROSS_CC="$cc" FERRY_CROSS_AR="$ar" \
		FERRY_CROSS_DIR="$d/rt" >"$d/lib.log" 2>&1 || {
		bad "$name" "make cross-libferry"; tail -n 20 "$d/lib.log"; return; }
	mkdir -p "$d/app" && cp "$src" "$d/app/ticker.js" || return
	(cd "$d/app" && "$FERRY_BUILDDIR/ferryc" ticker.js -o . --cc "$cc" \
		--cflags "-O2 -L$d/lib -Wl,-rpath-link,$ml" --runtime-dir "$d/rt") >"$d/build.log" 2>&1 ||
		{ bad "$name" "ferryc --cc '$cc'"; cat "$d/build.log"; return; }
	B="$d/app/ticker"
	[ "$(machine "$B")" = "$mach" ] || { bad "$name" "not a $name executable"; return; }

	# 1. the same run
	timeout 120 "$@" "$B" >"$d/u.out" 2>"$d/u.err"
	if [ $? = 0 ] && same "$d/u.out"; then ok "$name: prints the x86-64 run"
	else bad "$name" "prints something else"; diff "$tmp/ref.out" "$d/u.out" | head -5; fi

	# 2. snapshot files, both directions
	for k in 1 10 25; do
		f="$d/s$k.json"; rm -f "$f"
		timeout 60 "$A" --snapshot-after-turns $k --snapshot-to "$f" >"$d/1.out" 2>"$d/1.err"
		timeout 120 "$@" "$B" --resume "$f" >"$d/2.out" 2>"$d/2.err"; st=$?
		if [ $st = 0 ] && [ -s "$f" ] && same "$d/1.out" "$d/2.out"; then ok "$name: x86-64 -> $name after $k turns (json)"
		else bad "$name" "x86-64 -> $name after $k turns: status $st"; cat "$d/1.err" "$d/2.err"; fi
		f="$d/s$k.msgpack"; rm -f "$f"
		timeout 120 "$@" "$B" --snapshot-after-turns $k --snapshot-to "$f" --snapshot-format msgpack \
			>"$d/1.out" 2>"$d/1.err"
		timeout 60 "$A" --resume "$f" >"$d/2.out" 2>"$d/2.err"; st=$?
		if [ $st = 0 ] && [ -s "$f" ] && same "$d/1.out" "$d/2.out"; then ok "$name: $name -> x86-64 after $k turns (msgpack)"
		else bad "$name" "$name -> x86-64 after $k turns: status $st"; cat "$d/1.err" "$d/2.err"; fi
	done

	# 2b. more value kinds (closures, environments, accessors, polyfills,
	# Errors) through files, both ways, after 2 turns. Not kinds.js: its
	# typed arrays show the device's byte order (doc/snapshot-format.md)
	for p in $more; do
		mkdir -p "$d/$p" && cp "$FERRY_SRCDIR/tests/data/snapshot/$p.js" "$d/$p/" || continue
		(cd "$d/$p" && "$FERRY_BUILDDIR/ferryc" $p.js -o . --cc "$cc" \
			--cflags "-O2 -L$d/lib -Wl,-rpath-link,$ml" --runtime-dir "$d/rt") >"$d/$p/build.log" 2>&1 ||
			{ bad "$name" "ferryc --cc '$cc' $p.js"; cat "$d/$p/build.log"; continue; }
		H="$tmp/host/$p/$p" T="$d/$p/$p"
		timeout 60 "$H" --snapshot-after-turns 2 --snapshot-to "$d/m.json" >"$d/1.out" 2>"$d/1.err"
		timeout 120 "$@" "$T" --resume "$d/m.json" >"$d/2.out" 2>"$d/2.err"; st=$?
		if [ $st = 0 ] && cat "$d/1.out" "$d/2.out" | cmp -s "$tmp/host/$p/ref.out" -; then ok "$name: $p.js x86-64 -> $name"
		else bad "$name" "$p.js x86-64 -> $name: status $st"; cat "$d/2.err"; fi
		timeout 120 "$@" "$T" --snapshot-after-turns 2 --snapshot-to "$d/m.msgpack" --snapshot-format msgpack \
			>"$d/1.out" 2>"$d/1.err"
		timeout 60 "$H" --resume "$d/m.msgpack" >"$d/2.out" 2>"$d/2.err"; st=$?
		if [ $st = 0 ] && cat "$d/1.out" "$d/2.out" | cmp -s "$tmp/host/$p/ref.out" -; then ok "$name: $p.js $name -> x86-64"
		else bad "$name" "$p.js $name -> x86-64: status $st"; cat "$d/2.err"; fi
	done

	# 3. over TCP: x86-64 -> target -> x86-64
	if start_listener c "$A" --listen 127.0.0.1:0 && pc=$PID &&
	   start_listener b "$@" "$B" --listen 127.0.0.1:0 --migrate-to 127.0.0.1:$PORT --snapshot-after-turns 10 && pb=$PID; then
		timeout 120 "$A" --migrate-to 127.0.0.1:$PORT --snapshot-after-turns 10 >"$tmp/a.out" 2>"$tmp/a.err"; sa=$?
		reap $pb; sb=$RC; reap $pc; sc=$RC
		if [ "$sa$sb$sc" = 000 ] && same "$tmp/a.out" "$tmp/b.out" "$tmp/c.out" && [ -s "$tmp/b.out" ] &&
		   [ -s "$tmp/c.out" ] && grep -q 'migrated to' "$tmp/a.err" && grep -q 'migrated to' "$tmp/b.err"; then
			ok "$name: TCP x86-64 -> $name -> x86-64"
		else bad "$name" "TCP: statuses $sa $sb $sc"; cat "$tmp/a.err" "$tmp/b.err" "$tmp/c.err"; fi
	else
		bad "$name" "a listener did not start"
	fi
}

# gcc-multilib (which conflicts with the arm64 cross compiler) would add the
# symlink /usr/include/asm; the x86 asm headers serve both word sizes
target i386 "gcc -m32 -idirafter /usr/include/x86_64-linux-gnu" ar /usr/lib/i386-linux-gnu 0300 env
target arm64 aarch64-linux-gnu-gcc aarch64-linux-gnu-ar /usr/lib/aarch64-linux-gnu b700 qemu-aarch64
target s390x s390x-linux-gnu-gcc s390x-linux-gnu-ar /usr/lib/s390x-linux-gnu 0016 qemu-s390x

echo "cross_arch: $targets targets, $pass passed, $fail failed"
[ $targets -gt 0 ] || { echo "SKIP: no cross target can be built and run here"; exit 77; }
[ $fail = 0 ]
