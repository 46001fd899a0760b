#!/bin/sh
# tests/args_snapshot.sh -- what ferryc cannot prove about `arguments` still
# fails cleanly at snapshot time: tests/data/instrument/args_dynamic.js keeps
# closures over parameters that `arguments` may write in ways ferryc does not
# follow (computed index, arguments stored in a variable). A snapshot after a
# turn must be refused with one line naming the value's path and the
# closure's file:line, write no file, and the program must run on to the
# same output and status as an uninterrupted run. args_shadow.js writes
# arguments[0] where a catch parameter hides the parameter's name (no way to
# re-sync the closure's copy there). The shapes ferryc does
# follow (tests/corpus/loop_args*.js) are snapshot-tested by snapshot.sh.
# with_refused.js keeps closures made in a `with` body (over a Proxy that
# says yes to every name): refused the same way, naming the `with`.
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-args.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
cd "$tmp" || exit 99
fails=0
# check NAME PATTERN: NAME.js's snapshots are refused with a line matching
# PATTERN, and the run goes on to the uninterrupted output and status
check() {
	cp "$FERRY_SRCDIR/tests/data/instrument/$1.js" . || exit 99
	if ! "$FERRY_BUILDDIR/ferryc" "$1.js" -o "b-$1" --runtime-dir "$FERRY_BUILDDIR" >build.log 2>&1; then
		echo "FAIL build $1"; cat build.log; fails=$((fails + 1)); return
	fi
	"b-$1/$1" >full.out 2>full.err; st0=$?
	for k in 0 1 2; do
		rm -f s.json
		"b-$1/$1" --snapshot-after-turns $k --snapshot-to s.json >a.out 2>a.err; st=$?
		if [ $st = $st0 ] && [ ! -e s.json ] && cmp -s a.out full.out && [ "$(wc -l <a.err)" = 1 ] &&
		   grep -Eq "$2" a.err; then
			echo "ok $1 refused after $k turns: $(cat a.err)"
		else
			echo "FAIL $1 after $k turns (status $st, expected $st0)"; cat a.err; diff a.out full.out
			fails=$((fails + 1))
		fi
	done
}
check args_dynamic '^ferry: snapshot failed: global\.(keep|other) \(closure of args_dynamic\.js:(4|9)\): .*arguments.*; still running$'
check args_shadow '^ferry: snapshot failed: global\.keep \(closure of args_shadow\.js:3\): .*arguments.*; still running$'
check with_refused '^ferry: snapshot failed: global\.keep\.tick \(closure of with_refused\.js:9\): eval, with or .*makes its scope dynamic; still running$'
[ $fails = 0 ]
