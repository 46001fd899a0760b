#!/bin/sh
# tests/print-roundtrip.sh -- the printer against a corpus of programs
# (tests/corpus/*.js and tests/data/parse/*.js): for each program x,
#   1. print(parse(print(parse(x)))) == print(parse(x))   (the printer's fixpoint)
#   2. x and print(parse(x)) run under Duktape (tests/duk_run) with identical
#      output and exit status.
# A program whose own output varies from run to run (checked by running it
# three times) is reported and not compared in step 2.
# Needs FERRY_BUILDDIR / FERRY_SRCDIR (set by `make check`).
set -u
B=${FERRY_BUILDDIR:-.}
S=${FERRY_SRCDIR:-.}
FERRYC=$B/ferryc
RUN=$B/tests/duk_run
T=$(mktemp -d "${TMPDIR:-/tmp}/roundtrip.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)

fail=0 n=0 skipped=0
for f in "$S"/tests/corpus/*.js "$S"/tests/data/parse/*.js; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	b=$(basename "$f" .js)
	if ! "$FERRYC" --print "$f" > "$T/$b.1.js" 2> "$T/err"; then
		echo "FAIL $b: does not parse: $(cat "$T/err")"
		fail=$((fail + 1)); continue
	fi
	if ! "$FERRYC" --print "$T/$b.1.js" > "$T/$b.2.js" 2> "$T/err"; then
		echo "FAIL $b: printed program does not parse: $(cat "$T/err")"
		fail=$((fail + 1)); continue
	fi
	if ! cmp -s "$T/$b.1.js" "$T/$b.2.js"; then
		echo "FAIL $b: printing is not a fixpoint:"
		diff "$T/$b.1.js" "$T/$b.2.js" | head -10
		fail=$((fail + 1)); continue
	fi
	"$RUN" "$f" > "$T/o0" 2>&1; r0=$?
	"$RUN" "$f" > "$T/o1" 2>&1; r1=$?
	"$RUN" "$f" > "$T/o2" 2>&1; r2=$?
	if [ $r0 != $r1 ] || [ $r0 != $r2 ] || ! cmp -s "$T/o0" "$T/o1" || ! cmp -s "$T/o0" "$T/o2"; then
		echo "SKIP $b: its output varies between runs (not compared)"
		skipped=$((skipped + 1)); continue
	fi
	"$RUN" "$T/$b.1.js" > "$T/p" 2>&1; rp=$?
	# an error message may name the file: compare with the name replaced
	sed "s|$T/$b.1.js|FILE|g" "$T/p" > "$T/p2"
	sed "s|$f|FILE|g" "$T/o0" > "$T/o3"
	if [ $r0 != $rp ] || ! cmp -s "$T/o3" "$T/p2"; then
		echo "FAIL $b: printed program behaves differently (exit $r0 vs $rp):"
		diff "$T/o3" "$T/p2" | head -10
		fail=$((fail + 1)); continue
	fi
	echo "ok   $b"
done
echo "print-roundtrip: $n programs, $fail failed, $skipped not run-compared"
[ $n -gt 0 ] || { echo "no programs found"; exit 1; }
[ $fail -eq 0 ]
