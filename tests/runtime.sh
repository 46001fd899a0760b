#!/bin/sh
# tests/runtime.sh -- end-to-end tests of the device runtime through the
# tests/ferry_run host: for every tests/data/runtime/NAME.js, run it (from
# that directory, with the options in NAME.args if present) and compare
# stdout with NAME.out, stderr with NAME.err (if present; else it must be
# empty) and the exit status with NAME.status (default 0).
# FERRY_VALGRIND=1 runs every program under valgrind (memcheck errors and
# definite leaks fail the test).
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
run="$FERRY_BUILDDIR/tests/ferry_run"
data="$FERRY_SRCDIR/tests/data/runtime"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-rt.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
vg=
if [ "${FERRY_VALGRIND:-}" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
fi

pass=0 fail=0
for js in "$data"/*.js; do
	name=$(basename "$js" .js)
	args=
	[ -f "$data/$name.args" ] && args=$(cat "$data/$name.args")
	want_status=0
	[ -f "$data/$name.status" ] && want_status=$(cat "$data/$name.status")
	(cd "$data" && eval "exec $vg \"\$run\" \"$name.js\" $args") \
		>"$tmp/out" 2>"$tmp/err"
	status=$?
	ok=1
	if [ "$status" != "$want_status" ]; then
		echo "FAIL $name: exit status $status, expected $want_status"; ok=0
	fi
	if ! cmp -s "$tmp/out" "$data/$name.out"; then
		echo "FAIL $name: stdout differs:"; diff "$data/$name.out" "$tmp/out" | head -20; ok=0
	fi
	if [ -f "$data/$name.err" ]; then
		if ! cmp -s "$tmp/err" "$data/$name.err"; then
			echo "FAIL $name: stderr differs:"; diff "$data/$name.err" "$tmp/err" | head -20; ok=0
		fi
	elif [ -s "$tmp/err" ]; then
		echo "FAIL $name: unexpected stderr:"; head -5 "$tmp/err"; ok=0
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); echo "ok $name"; else fail=$((fail + 1)); fi
done
echo "runtime.sh: $pass passed, $fail failed"
[ $fail = 0 ]
