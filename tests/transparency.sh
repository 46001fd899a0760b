#!/bin/sh
# tests/transparency.sh -- instrumentation must not change what a program
# does: every tests/corpus/*.js and tests/data/instrument/*.js is built with
# `ferryc --plain` and with instrumentation, both are run, and their stdout,
# stderr and exit status must be identical. When tests/corpus/expected/NAME.out
# exists, the plain run's stdout must also equal it. Building the same input
# twice must give byte-identical app.fy.js and app_restore.c.
#
# Uses $FERRY_BUILDDIR (ferryc, runtime/libferry.a) and $FERRY_SRCDIR.
# Optional: FERRYC=path/to/ferryc, TRANSPARENCY_ONLY="name1 name2".
set -u
B=${FERRY_BUILDDIR:-.}
S=${FERRY_SRCDIR:-.}
FERRYC=${FERRYC:-$B/ferryc}
export FERRY_SRCDIR="$S"

if [ ! -f "$B/runtime/libferry.a" ]; then
	echo "transparency: $B/runtime/libferry.a missing"
	exit 99
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/transparency.XXXXXX") || exit 99
trap 'rm -rf "$W"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)

# run EXE OUTPREFIX: stdout, stderr, status; a stuck program is killed
run() {
	if command -v timeout >/dev/null 2>&1; then
		timeout 60 "$1" >"$2.out" 2>"$2.err" </dev/null
	else
		"$1" >"$2.out" 2>"$2.err" </dev/null
	fi
	echo $? >"$2.rc"
}

pass=0
fail=0
for js in "$S"/tests/corpus/*.js "$S"/tests/data/instrument/*.js; do
	[ -f "$js" ] || continue
	name=$(basename "$js" .js)
	if [ -n "${TRANSPARENCY_ONLY:-}" ]; then
		case " $TRANSPARENCY_ONLY " in *" $name "*) ;; *) continue ;; esac
	fi
	d="$W/$name"
	mkdir -p "$d/p" "$d/i" "$d/i2"
	# build from a copy named like the original so file names in messages agree
	cp "$js" "$d/$name.js"
	if ! (cd "$d" && "$FERRYC" --plain "$name.js" -o p --runtime-dir "$B") >"$d/build.log" 2>&1; then
		echo "FAIL $name: plain build"; sed 's/^/  /' "$d/build.log"; fail=$((fail + 1)); continue
	fi
	if ! (cd "$d" && "$FERRYC" "$name.js" -o i --runtime-dir "$B") >"$d/build.log" 2>&1; then
		echo "FAIL $name: instrumented build"; sed 's/^/  /' "$d/build.log"; fail=$((fail + 1)); continue
	fi
	(cd "$d" && "$FERRYC" --emit-only "$name.js" -o i2 --runtime-dir "$B") >/dev/null 2>&1
	ok=1
	for f in "$name.fy.js" "${name}_restore.c"; do
		if ! cmp -s "$d/i/$f" "$d/i2/$f"; then
			echo "FAIL $name: $f differs between two builds"; ok=0
		fi
	done
	(cd "$d" && run "p/$name" plain)
	(cd "$d" && run "i/$name" instr)
	for x in out err rc; do
		if ! cmp -s "$d/plain.$x" "$d/instr.$x"; then
			echo "FAIL $name: instrumented $x differs from plain"
			diff "$d/plain.$x" "$d/instr.$x" | head -20 | sed 's/^/  /'
			ok=0
		fi
	done
	exp="$S/tests/corpus/expected/$name.out"
	if [ -f "$exp" ] && [ "$(dirname "$js")" = "$S/tests/corpus" ] && ! cmp -s "$exp" "$d/plain.out"; then
		echo "FAIL $name: plain output differs from tests/corpus/expected/$name.out"
		diff "$exp" "$d/plain.out" | head -20 | sed 's/^/  /'
		ok=0
	fi
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
echo "transparency: $pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
