#!/bin/sh
# demo/run-demo.sh BUILDDIR SRCDIR -- Ferry's live migration demo (`make demo`).
# Builds demo/sensor.js with ferryc, starts "device B" waiting on a loopback
# port, runs "device A", and after a few seconds asks A (SIGUSR1) to migrate
# to B mid-run. B's output carries on from A's state: reading numbers,
# averages, alert counts and timers continue instead of restarting. If the
# migration fails, A says why and finishes the run itself.
set -u
builddir=${1:?usage: run-demo.sh BUILDDIR SRCDIR}
srcdir=${2:?usage: run-demo.sh BUILDDIR SRCDIR}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-demo.XXXXXX") || exit 1
pb= pa=
cleanup() {
	[ -n "$pa" ] && kill "$pa" 2>/dev/null
	[ -n "$pb" ] && kill "$pb" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)

echo "== Ferry demo: building demo/sensor.js with ferryc"
cp "$srcdir/demo/sensor.js" "$tmp/sensor.js"
# a libferry built with --enable-sanitizers needs the same flags at link time
san=$(sed -n 's/^FERRY_SAN_FLAGS = //p' "$builddir/Makefile" 2>/dev/null)
if ! (cd "$tmp" && "$builddir/ferryc" sensor.js -o . --runtime-dir "$builddir" \
	${san:+--cflags "-O1 $san"}); then
	echo "ferryc failed: no demo" >&2
	exit 1
fi
app="$tmp/sensor"
echo "   $(wc -c <"$tmp/sensor.js") bytes of JavaScript -> instrumented sensor.fy.js + sensor_restore.c -> device executable"

echo "== starting device B: waiting for a migrating program on 127.0.0.1 (a free port)"
"$app" --listen 127.0.0.1:0 >"$tmp/b.out" 2>"$tmp/b.err" &
pb=$!
port=
i=0
while [ -z "$port" ] && [ $i -lt 100 ]; do
	sleep 0.05
	port=$(sed -n 's/.*(port \([0-9]*\)).*/\1/p' "$tmp/b.err")
	i=$((i + 1))
done
if [ -z "$port" ]; then
	echo "device B did not start:" >&2
	cat "$tmp/b.err" >&2
	exit 1
fi
echo "   device B listens on port $port"

echo "== starting device A (it will be asked to migrate after about 2.5 s)"
"$app" --migrate-to "127.0.0.1:$port" >"$tmp/a.out" 2>"$tmp/a.err" &
pa=$!
# show A's output live while it runs
tail -n +1 -f --pid=$pa "$tmp/a.out" 2>/dev/null | sed -u 's/^/[device A] /' &
tailpid=$!
sleep 2.5
echo "== operator: kill -USR1 device A   (migrate at the next event-loop boundary)"
kill -USR1 $pa 2>/dev/null
wait $pa
sa=$?
pa=
wait $tailpid 2>/dev/null
sed 's/^/[device A] /' "$tmp/a.err"

if grep -q "migrated to" "$tmp/a.err"; then
	echo "== device A exited ($sa) after device B acknowledged; device B carries on:"
	sed 's/^/[device B] /' "$tmp/b.err"
	tail -n +1 -f --pid=$pb "$tmp/b.out" 2>/dev/null | sed -u 's/^/[device B] /'
	wait $pb
	sb=$?
	pb=
	last_a=$(sed -n 's/^reading \([0-9]*\) .*/\1/p' "$tmp/a.out" | tail -n 1)
	first_b=$(sed -n 's/^reading \([0-9]*\) .*/\1/p' "$tmp/b.out" | head -n 1)
	echo "== summary: device A took readings 1..${last_a:-?}, device B continued at reading ${first_b:-?}"
	echo "   (same moving-average window, alert state, counters and timers; B exited with status $sb)"
	[ "$sb" = 0 ] || exit 1
	if [ -n "$last_a" ] && [ -n "$first_b" ] && [ "$first_b" -eq $((last_a + 1)) ]; then
		echo "== state carried over: no reading lost, none repeated"
	else
		echo "== unexpected: the readings do not continue" >&2
		exit 1
	fi
else
	echo "== the migration did not happen (see device A's message above); device A finished the run itself"
	kill "$pb" 2>/dev/null
	wait "$pb" 2>/dev/null
	pb=
	[ "$sa" = 0 ] || exit 1
fi
