#!/bin/sh
# tests/cross_arch.sh -- a program moves between CPU architectures: the same
# program built for x86-64 (native: bytecode embedded) and for i386 (a cross
# build, `ferryc --cc "gcc -m32"`: source text embedded, Duktape with 32-bit
# pointers and packed values), against a libferry made from the same
# sources with gcc -m32 (`make cross32-libferry`) and Debian's i386 runtime
# libraries (multiarch: libduktape207:i386, libmsgpackc2:i386,
# libsodium23:i386, gcc-multilib; README's first command installs them).
# tests/data/migrate/ticker.js:
#   1. both builds print the same uninterrupted run;
#   2. snapshot files: 64 -> 32 (JSON) and 32 -> 64 (msgpack) after k turns;
#   3. over TCP with the full protocol: 64 -> 32 -> 64.
# The concatenated output always equals the uninterrupted run.
# SKIP (77) when this machine cannot build and run i386 programs.
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-cross.XXXXXX") || exit 99
pids=
trap 'for p in $pids; do kill -9 $p 2>/dev/null; done; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
export FERRY_XFER_TIMEOUT_MS=5000
skip() { echo "SKIP: $*"; exit 77; }

# ---- can this machine build and run i386 programs? ----
ml=/usr/lib/i386-linux-gnu
mkdir -p "$tmp/lib32"
for l in duktape msgpackc sodium; do
	so=$(ls "$ml/lib$l.so."* 2>/dev/null | head -n 1)
	[ -n "$so" ] || skip "no i386 lib$l ($ml/lib$l.so.*): install gcc-multilib libduktape207:i386 libmsgpackc2:i386 libsodium23:i386"
	ln -s "$so" "$tmp/lib32/lib$l.so"
done
printf '#include <duktape.h>\nint main(void) { duk_context *c = duk_create_heap_default(); duk_destroy_heap(c); return sizeof(void *) == 4 ? 0 : 1; }\n' >"$tmp/t.c"
gcc -m32 -o "$tmp/t" "$tmp/t.c" -L"$tmp/lib32" -lduktape -lm >"$tmp/t.log" 2>&1 && "$tmp/t" ||
	skip "gcc -m32 cannot build and run an i386 Duktape program: $(head -n 2 "$tmp/t.log")"

# ---- libferry for i386, and the two builds ----
make -s -C "$FERRY_BUILDDIR" cross32-libferry >"$tmp/lib.log" 2>&1 || {
	echo "FAIL: make cross32-libferry"; tail -n 20 "$tmp/lib.log"; exit 1; }
src="$FERRY_SRCDIR/tests/data/migrate/ticker.js"
mkdir -p "$tmp/a64" "$tmp/b32"
cp "$src" "$tmp/a64/ticker.js" && cp "$src" "$tmp/b32/ticker.js" || exit 99
# a libferry built with --enable-sanitizers needs the same flags at link time
san=$(sed -n 's/^FERRY_SAN_FLAGS = //p' "$FERRY_BUILDDIR/Makefile" 2>/dev/null)
(cd "$tmp/a64" && "$FERRY_BUILDDIR/ferryc" ticker.js -o . --runtime-dir "$FERRY_BUILDDIR" \
	--cflags "-O2 $san") >"$tmp/a64.log" 2>&1 || { echo "FAIL: x86-64 build"; cat "$tmp/a64.log"; exit 1; }
(cd "$tmp/b32" && "$FERRY_BUILDDIR/ferryc" ticker.js -o . --cc "gcc -m32" \
	--cflags "-O2 -L$tmp/lib32" --runtime-dir "$FERRY_BUILDDIR/tests/cross32.d") >"$tmp/b32.log" 2>&1 ||
	{ echo "FAIL: i386 build"; cat "$tmp/b32.log"; exit 1; }
A="$tmp/a64/ticker" B="$tmp/b32/ticker"
elfclass() { od -An -tx1 -j4 -N1 "$1" | tr -d ' '; }
[ "$(elfclass "$A")" = 02 ] && [ "$(elfclass "$B")" = 01 ] ||
	{ echo "FAIL: expected a 64-bit and a 32-bit executable"; exit 1; }

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }
same() { cat "$@" | cmp -s "$tmp/ref.out" -; }

# 1. the same run on both
timeout 60 "$A" >"$tmp/ref.out" 2>"$tmp/ref.err" || { echo "FAIL: x86-64 reference run"; exit 1; }
timeout 60 "$B" >"$tmp/b.out" 2>"$tmp/b.err"
if [ $? = 0 ] && same "$tmp/b.out"; then ok "i386 build prints the x86-64 run"
else bad uninterrupted "the i386 build prints something else"; diff "$tmp/ref.out" "$tmp/b.out" | head -5; fi

# 2. snapshot files, both directions
for k in 1 10 25; do
	for dir in 64-32 32-64; do
		if [ $dir = 64-32 ]; then from=$A to=$B f="$tmp/s$k.json"; else from=$B to=$A f="$tmp/s$k.msgpack"; fi
		rm -f "$f"
		timeout 60 "$from" --snapshot-after-turns $k --snapshot-to "$f" >"$tmp/1.out" 2>"$tmp/1.err"
		timeout 60 "$to" --resume "$f" >"$tmp/2.out" 2>"$tmp/2.err"; st=$?
		if [ $st = 0 ] && [ -s "$f" ] && same "$tmp/1.out" "$tmp/2.out"; then ok "$dir after $k turns (${f##*.})"
		else bad "$dir after $k turns" "status $st"; cat "$tmp/1.err" "$tmp/2.err"; fi
	done
done

# 3. over TCP: A (x86-64) -> B (i386) -> C (x86-64)
listen() { # NAME EXE [args]: sets PID PORT
	n=$1 exe=$2; shift 2
	rm -f "$tmp/$n.out" "$tmp/$n.err"
	"$exe" --listen 127.0.0.1:0 "$@" >"$tmp/$n.out" 2>"$tmp/$n.err" &
	PID=$!; pids="$pids $PID"; PORT=; i=0
	while [ $i -lt 200 ]; do
		PORT=$(sed -n 's/.*listening on .*(port \([0-9]*\)).*/\1/p' "$tmp/$n.err" 2>/dev/null)
		[ -n "$PORT" ] && return 0
		kill -0 $PID 2>/dev/null || break
		sleep 0.05; i=$((i + 1))
	done
	return 1
}
waitfor() { # PID: wait up to 60 s, then kill; sets RC
	i=0
	while [ $i -lt 600 ]; do
		st=$(sed -n 's/^[0-9]* (.*) \([A-Z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null)
		{ [ -z "$st" ] || [ "$st" = Z ]; } && break
		sleep 0.1; i=$((i + 1))
	done
	[ $i -lt 600 ] || kill -9 "$1" 2>/dev/null
	wait "$1"; RC=$?
}
if listen c "$A" && pc=$PID && listen b "$B" --migrate-to 127.0.0.1:$PORT --snapshot-after-turns 10 && pb=$PID; then
	timeout 60 "$A" --migrate-to 127.0.0.1:$PORT --snapshot-after-turns 10 >"$tmp/a.out" 2>"$tmp/a.err"; sa=$?
	waitfor $pb; sb=$RC; waitfor $pc; sc=$RC
	if [ "$sa$sb$sc" = 000 ] && same "$tmp/a.out" "$tmp/b.out" "$tmp/c.out" && [ -s "$tmp/b.out" ] &&
	   [ -s "$tmp/c.out" ] && grep -q 'migrated to' "$tmp/a.err" && grep -q 'migrated to' "$tmp/b.err"; then
		ok "TCP x86-64 -> i386 -> x86-64"
	else bad tcp "statuses $sa $sb $sc"; cat "$tmp/a.err" "$tmp/b.err" "$tmp/c.err"; fi
else
	bad tcp "a listener did not start"; cat "$tmp/b.err" "$tmp/c.err" 2>/dev/null
fi

echo "cross_arch: $pass passed, $fail failed"
[ $fail = 0 ]
