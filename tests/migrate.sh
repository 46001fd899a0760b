#!/bin/sh
# tests/migrate.sh -- over-the-air migration with real processes on
# loopback (doc/protocol.md). The program tests/data/migrate/ticker.js is
# built with ferryc; every scenario compares the concatenated stdout of the
# processes that ran it with an uninterrupted run, and checks that exactly one
# process ran the program to its end (the others refused, died, or kept
# waiting without printing anything).
#   1. A -> B -> C -> A (--snapshot-after-turns), and with --key, and SIGUSR1
#   2. faults: target killed (kill -9) before / after receiving, after ACK,
#      after COMMIT; truncated frame; corrupted byte; wrong program hash; wrong
#      key, key on one side only (and what the refused target says); port in
#      use; unreachable target; source killed before COMMIT.
# Listeners bind port 0 and the test reads the port from their first stderr
# line, so no port is guessed. FERRY_XFER_FAULT injects the failures at exact
# protocol steps (a raise(SIGKILL) is a kill -9 at that instant).
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-mig.XXXXXX") || exit 99
pids=
cleanup() {
	for p in $pids; do kill -9 "$p" 2>/dev/null; done
	[ -z "${watchdog:-}" ] || kill "$watchdog" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
# No step may wait forever: a process that should exit is reaped within a
# bound (reap, gone_within), and the whole script gives up after 10 minutes.
(
	trap 'kill $s 2>/dev/null; exit 0' TERM
	sleep 600 >/dev/null 2>&1 & s=$!
	wait $s && echo "FAIL: migrate.sh still running after 600 s" >&2 && kill -TERM $$
) &
watchdog=$!
export FERRY_XFER_TIMEOUT_MS=3000
HOST=127.0.0.1

# a libferry built with --enable-sanitizers needs the same flags at link time
san=$(sed -n 's/^FERRY_SAN_FLAGS = //p' "$FERRY_BUILDDIR/Makefile" 2>/dev/null)
build() { # NAME SRC.js -> $tmp/NAME/ticker
	mkdir -p "$tmp/$1" &&
	cp "$2" "$tmp/$1/ticker.js" &&
	[ -z "${3:-}" ] || printf '%s\n' "$3" >>"$tmp/$1/ticker.js"
	(cd "$tmp/$1" && "$FERRY_BUILDDIR/ferryc" ticker.js -o . \
		--runtime-dir "$FERRY_BUILDDIR" ${san:+--cflags "-O1 $san"}) >"$tmp/$1/build.log" 2>&1 || {
		echo "FAIL: ferryc could not build $1:"; cat "$tmp/$1/build.log"; exit 1; }
}
src="$FERRY_SRCDIR/tests/data/migrate/ticker.js"
build app "$src"
build other "$src" "// another build: same behaviour, different program hash"
APP="$tmp/app/ticker"
OTHER="$tmp/other/ticker"
printf 'ferry-test-key-one-0123456789\n' >"$tmp/k1"
printf 'ferry-test-key-two-0123456789\n' >"$tmp/k2"

"$APP" >"$tmp/ref.out" 2>"$tmp/ref.err" || { echo "FAIL: reference run"; exit 1; }
[ -s "$tmp/ref.out" ] || { echo "FAIL: reference run printed nothing"; exit 1; }

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }

. "$FERRY_SRCDIR/tests/proc_lib.sh"   # start_listener, alive, gone_within, reap
# listen NAME EXE [args...]: start a target, EXE --listen $HOST:0 args (with
# the environment assignments in $LENV); sets PID and PORT
LENV=
listen() {
	name=$1 exe=$2; shift 2
	start_listener "$name" env $LENV "$exe" --listen "$HOST:0" "$@"
}
# handler_ready PID: wait (up to 5 s) until PID catches SIGUSR1 (SigCgt bit 9),
# so an early signal does not kill it with the default action
handler_ready() {
	i=0
	while [ $i -lt 500 ]; do
		m=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null)
		[ -n "$m" ] && [ $(( 0x$m & 0x200 )) -ne 0 ] && return 0
		sleep 0.01
		i=$((i + 1))
	done
	return 1
}
same() { # name file...: concatenation equals the reference
	n=$1; shift
	cat "$@" >"$tmp/$n.all"
	cmp -s "$tmp/ref.out" "$tmp/$n.all"
}
has() { grep -q "$2" "$tmp/$1.err"; }

# ---- 1. A -> B -> C -> A ----
t=chain
listen a2 "$APP" && pa2=$PID && port_a2=$PORT &&
listen c "$APP" --migrate-to "$HOST:$port_a2" --snapshot-after-turns 10 && pc=$PID && port_c=$PORT &&
listen b "$APP" --migrate-to "$HOST:$port_c" --snapshot-after-turns 10 && pb=$PID && port_b=$PORT &&
"$APP" --migrate-to "$HOST:$port_b" --snapshot-after-turns 10 >"$tmp/a.out" 2>"$tmp/a.err"
sa=$?
reap $pb; sb=$RC; reap $pc; sc=$RC; reap $pa2; sa2=$RC
if [ "$sa$sb$sc$sa2" != 0000 ]; then bad $t "exit statuses A=$sa B=$sb C=$sc A'=$sa2"; cat "$tmp"/a.err "$tmp"/b.err
elif ! same $t "$tmp/a.out" "$tmp/b.out" "$tmp/c.out" "$tmp/a2.out"; then
	bad $t "output differs from the uninterrupted run"; diff "$tmp/ref.out" "$tmp/$t.all" | head
elif [ ! -s "$tmp/a.out" ] || [ ! -s "$tmp/b.out" ] || [ ! -s "$tmp/c.out" ] || [ ! -s "$tmp/a2.out" ]; then
	bad $t "some hop printed nothing"
elif ! has a "migrated to" || ! has b "migrated to" || ! has c "migrated to"; then
	bad $t "a hop did not report its migration"
else ok "$t (A->B->C->A, $(wc -l <"$tmp/a.out")+$(wc -l <"$tmp/b.out")+$(wc -l <"$tmp/c.out")+$(wc -l <"$tmp/a2.out") lines)"; fi

# ---- authenticated migration ----
t=key
listen b "$APP" --key "$tmp/k1" && pb=$PID &&
"$APP" --key "$tmp/k1" --migrate-to "$HOST:$PORT" --snapshot-after-turns 15 >"$tmp/a.out" 2>"$tmp/a.err"
sa=$?; reap $pb; sb=$RC
if [ "$sa$sb" = 00 ] && same $t "$tmp/a.out" "$tmp/b.out" && [ -s "$tmp/b.out" ]; then ok $t
else bad $t "A=$sa B=$sb"; cat "$tmp/a.err" "$tmp/b.err"; fi

# ---- a SIGUSR1 sent to a target still waiting is not held for the program
# that arrives later: B runs it to the end and writes no snapshot ----
t=sigusr1-while-waiting
listen b "$APP" --snapshot-to "$tmp/b.json" && pb=$PID &&
handler_ready $pb && kill -USR1 $pb &&
"$APP" --migrate-to "$HOST:$PORT" --snapshot-after-turns 10 >"$tmp/a.out" 2>"$tmp/a.err"
sa=$?; reap $pb; sb=$RC
if [ "$sa$sb" = 00 ] && same $t "$tmp/a.out" "$tmp/b.out" && [ ! -e "$tmp/b.json" ] &&
   has b "SIGUSR1 came while waiting for a migration"; then ok $t
else bad $t "A=$sa B=$sb"; cat "$tmp/b.err"; fi

# ---- SIGUSR1 as the trigger: wherever it lands, the output is the same ----
t=sigusr1
listen b "$APP" && pb=$PID &&
{ "$APP" --migrate-to "$HOST:$PORT" >"$tmp/a.out" 2>"$tmp/a.err" & pa=$!; pids="$pids $pa"; } &&
handler_ready $pa && kill -USR1 $pa 2>/dev/null
reap $pa; sa=$RC
if has a "migrated to"; then
	reap $pb; sb=$RC
	if [ "$sa$sb" = 00 ] && same $t "$tmp/a.out" "$tmp/b.out"; then ok "$t (migrated)"
	else bad $t "A=$sa B=$sb"; cat "$tmp/a.err" "$tmp/b.err"; fi
else
	# the program ended before the signal: B must still be waiting, empty
	if [ "$sa" = 0 ] && same $t "$tmp/a.out" && alive $pb && [ ! -s "$tmp/b.out" ]; then ok "$t (finished first)"
	else bad $t "A=$sa"; fi
	kill -9 $pb 2>/dev/null; wait $pb 2>/dev/null
fi

# fault NAME WANT_A_ERR WANT_B(dead|waiting|exit1) A_ENV B_EXE [A args...]
# (the target gets $B_ARGS)
# A migrates to a fresh B at turn 10; the fault is injected; A must end the
# program alone with the full output.
fault() {
	t=$1 want_a=$2 want_b=$3 aenv=$4 bexe=$5; shift 5
	listen b "$bexe" $B_ARGS || { bad $t "no listener"; return; }
	pb=$PID port=$PORT
	env $aenv "$APP" --migrate-to "$HOST:$port" --snapshot-after-turns 10 "$@" \
		>"$tmp/a.out" 2>"$tmp/a.err"
	sa=$?
	case $want_b in
	dead) gone_within $pb; reap $pb; sb=$RC ;;
	waiting) sleep 0.1; if alive $pb; then sb=waiting; kill -9 $pb; wait $pb 2>/dev/null
	         else reap $pb; sb=$RC; fi ;;
	exit1) gone_within $pb; reap $pb; sb=$RC ;;
	esac
	case $want_b in dead) want_sb=137 ;; waiting) want_sb=waiting ;; exit1) want_sb=1 ;; esac
	if [ "$sa" != 0 ]; then bad $t "source exit status $sa"; cat "$tmp/a.err"
	elif ! same $t "$tmp/a.out"; then bad $t "source output is not the whole run"
		diff "$tmp/ref.out" "$tmp/$t.all" | head -5
	elif [ -s "$tmp/b.out" ]; then bad $t "the target printed program output"
	elif [ "$sb" != "$want_sb" ]; then bad $t "target: $sb, expected $want_sb"; cat "$tmp/b.err"
	elif ! has a "migration failed.*$want_a"; then bad $t "source did not say why:"; cat "$tmp/a.err"
	else ok "$t"; fi
}
# a target with a fault injected: started by hand (the env must reach it)
fault_target() { # NAME FAULT WANT_A
	t=$1
	LENV="FERRY_XFER_FAULT=$2"
	listen b "$APP" || { bad $t "no listener"; LENV=; return; }
	LENV=
	pb=$PID
	"$APP" --migrate-to "$HOST:$PORT" --snapshot-after-turns 10 >"$tmp/a.out" 2>"$tmp/a.err"
	sa=$?
	gone_within $pb; reap $pb; sb=$RC
	if [ "$sa" != 0 ] || ! same $t "$tmp/a.out"; then bad $t "source exit $sa or output incomplete"; cat "$tmp/a.err"
	elif [ "$sb" != 137 ] || [ -s "$tmp/b.out" ]; then bad $t "target status $sb (wanted 137), or it printed"
	elif ! has a "migration failed.*$3"; then bad $t "source did not say why:"; cat "$tmp/a.err"
	else ok "$t"; fi
}
B_ARGS=

# ---- 2. faults ----
# target killed before anything was sent: connection refused
t=kill-target-before
listen b "$APP" && pb=$PID && port=$PORT && kill -9 $pb && wait $pb 2>/dev/null
"$APP" --migrate-to "$HOST:$port" --snapshot-after-turns 10 >"$tmp/a.out" 2>"$tmp/a.err"
sa=$?
if [ "$sa" = 0 ] && same $t "$tmp/a.out" && has a "migration failed.*refused"; then ok $t
else bad $t "A=$sa"; cat "$tmp/a.err"; fi

fault_target kill-target-after-receiving target-die-after-snap "peer closed\|nothing arrived"
fault_target kill-target-after-ack target-die-after-ack "DONE\|COMMIT"
fault_target kill-target-after-commit target-die-after-commit "DONE"

fault truncated-frame "truncated" waiting "FERRY_XFER_FAULT=source-truncate" "$APP"
fault corrupted-byte "checksum mismatch" waiting "FERRY_XFER_FAULT=source-corrupt" "$APP"
# the target, whose HELLO the source turned down, says why: the source's
# reason (its NACK), or, when the keys differ and it cannot check that NACK,
# what its own frame check found
refusal() { # NAME WHY: the target's line, after "the source refused to send"
	if has b "^ferry: refused a migration: the source refused to send$2; still listening\$"; then
		ok "$1: the target's message"
	else bad "$1" "the target's message:"; cat "$tmp/b.err"; fi
}
H='[0-9a-f]\{16\}\.\.\.'
UNCHECKED=' (its reason cannot be checked here): byte [0-9]*: '
fault wrong-hash "different program" waiting "" "$OTHER"
refusal wrong-hash ": the programs differ (target $H, source $H)"
B_ARGS="--key $tmp/k2"
fault wrong-key "authentication failed" waiting "" "$APP" --key "$tmp/k1"
refusal wrong-key "${UNCHECKED}frame authentication failed (the two devices have different --key files, or the frame was tampered with)"
fault no-key-at-source "no --key" waiting "" "$APP"
refusal no-key-at-source "${UNCHECKED}unauthenticated frame refused (this side has a --key, the peer has none)"
B_ARGS=
fault key-at-source-only "unauthenticated frame refused" waiting "" "$APP" --key "$tmp/k1"
refusal key-at-source-only "${UNCHECKED}authenticated frame, but this side has no --key to check it (the peer has one)"

# a target that refused keeps listening and takes the next, good migration
t=refused-then-accepted
listen b "$APP" && pb=$PID && port=$PORT
FERRY_XFER_FAULT=source-corrupt "$APP" --migrate-to "$HOST:$port" --snapshot-after-turns 5 \
	>"$tmp/a1.out" 2>"$tmp/a1.err"
"$APP" --migrate-to "$HOST:$port" --snapshot-after-turns 12 >"$tmp/a.out" 2>"$tmp/a.err"
sa=$?; reap $pb; sb=$RC
if [ "$sa$sb" = 00 ] && same $t "$tmp/a.out" "$tmp/b.out" && same $t.1 "$tmp/a1.out" &&
   has b "refused a migration"; then ok $t
else bad $t "A=$sa B=$sb"; cat "$tmp/b.err"; fi

# a source that trickles its bytes (one every 0.1 s, each well within the
# 500 ms timeout) slower than FERRY_XFER_MIN_RATE: the target refuses it
# and keeps listening for the next, good migration
t=trickling-source
LENV="FERRY_XFER_TIMEOUT_MS=500 FERRY_XFER_MIN_RATE=1000"
listen b "$APP" && pb=$PID && port=$PORT
LENV=
bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 1
	i=0; while [ $i -lt 60 ] && printf x >&3 2>/dev/null; do sleep 0.1; i=$((i + 1)); done' \
	sh "$HOST" "$port" 2>/dev/null
"$APP" --migrate-to "$HOST:$port" --snapshot-after-turns 12 >"$tmp/a.out" 2>"$tmp/a.err"
sa=$?; reap $pb; sb=$RC
if [ "$sa$sb" = 00 ] && same $t "$tmp/a.out" "$tmp/b.out" &&
   has b "refused a migration: .*receive: too slow: [0-9]* of 80 bytes in the time allowed at 1000 bytes/s"; then ok $t
else bad $t "A=$sa B=$sb"; cat "$tmp/b.err"; fi

# port in use: the second target exits 1 and says so; the first is untouched
t=port-in-use
listen b "$APP" && pb=$PID && port=$PORT
"$APP" --listen "$HOST:$port" >"$tmp/b2.out" 2>"$tmp/b2.err"
s2=$?
if [ "$s2" = 1 ] && has b2 "in use" && alive $pb; then ok $t
else bad $t "second listener: status $s2"; cat "$tmp/b2.err"; fi
kill -9 $pb; wait $pb 2>/dev/null

# unreachable targets: nothing listens / no route (short timeout)
t=unreachable
"$APP" --migrate-to "$HOST:1" --snapshot-after-turns 10 >"$tmp/a.out" 2>"$tmp/a.err"
sa=$?
FERRY_XFER_TIMEOUT_MS=300 "$APP" --migrate-to "192.0.2.1:9" --snapshot-after-turns 10 \
	>"$tmp/a3.out" 2>"$tmp/a3.err"
s3=$?
if [ "$sa$s3" = 00 ] && same $t "$tmp/a.out" && same $t.3 "$tmp/a3.out" &&
   has a "migration failed.*cannot connect" && has a3 "migration failed.*cannot connect"; then ok $t
else bad $t "A=$sa A3=$s3"; cat "$tmp/a.err" "$tmp/a3.err"; fi

# the source dies after the target's ACK, before COMMIT: the target must not
# run its restored copy (it exits 1 without printing program output)
t=source-killed-before-commit
listen b "$APP" && pb=$PID
FERRY_XFER_FAULT=source-die-after-ack "$APP" --migrate-to "$HOST:$PORT" --snapshot-after-turns 10 \
	>"$tmp/a.out" 2>"$tmp/a.err"
sa=$?
gone_within $pb; reap $pb; sb=$RC
if [ "$sa" = 137 ] && [ "$sb" = 1 ] && [ ! -s "$tmp/b.out" ] && has b "no COMMIT"; then ok $t
else bad $t "A=$sa B=$sb"; cat "$tmp/b.err"; fi

echo "migrate.sh: $pass passed, $fail failed"
[ $fail = 0 ]
