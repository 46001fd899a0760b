#!/bin/sh
# tests/amplify.sh -- the instrumentation under pressure. Every program of
# tests/corpus, tests/data/instrument and tests/data/snapshot is rewritten by
# tests/amplify.js in ways that keep what it does but make ferryc's work
# harder: every binding captured by a closure that never runs (writing it:
# environment only; reading it: constant or mirrored), identifiers in
# parentheses glued to the word before them (`typeof(x)`, `return(x)`), the
# whole program wrapped in a function (its top-level names become captured
# variables), a write through `arguments` that never runs. Each variant is
# built with `ferryc --plain` and with ferryc; both runs must print the same
# stdout and stderr and exit with the same status. The event-loop programs
# (tests/data/snapshot, tests/corpus/loop_*) are also snapshotted after their
# first turn and resumed, so that the makers compile the rewritten text: the
# two runs must print what one uninterrupted run prints.
#
# tests/amplify.js parses with acorn (pinned, ES5 mode), installed from npm at
# test time into tests/cache/amplify. Exit: 0, 1 on a difference, 77 (SKIP)
# without node, npm or the registry. Environment: FERRY_BUILDDIR,
# FERRY_SRCDIR (set by make check); optional FERRYC, FERRY_AMPLIFY_MODULES (a
# node_modules directory holding acorn: no npm), FERRY_AMPLIFY_KEEP=1 (keep
# the work directory tests/amplify.d).
set -u

ACORN_VERSION=8.19.0
VARIANTS="W WP RP RS WPS RA"   # see tests/amplify.js
RESUMED="W WP RS"              # the variants also snapshotted and resumed

builddir=${FERRY_BUILDDIR:-.}
srcdir=${FERRY_SRCDIR:-.}
ferryc=${FERRYC:-$builddir/ferryc}
cache=$builddir/tests/cache/amplify
work=$builddir/tests/amplify.d

skip() { echo "SKIP: $*"; exit 77; }
die() { echo "ERROR: $*"; exit 99; }
. "$srcdir/tests/npm_pinned.sh"
. "$srcdir/tests/proc_lib.sh"   # run

[ -x "$ferryc" ] || skip "ferryc not built ($ferryc)"
[ -f "$builddir/runtime/libferry.a" ] || skip "libferry not built"
command -v node > /dev/null 2>&1 || skip "node not found (Debian package nodejs)"
case $builddir in /*) ;; *) builddir=$(cd "$builddir" && pwd) ;; esac
case $work in /*) ;; *) work=$(pwd)/$work ;; esac
case $ferryc in /*) ;; *) ferryc=$(pwd)/$ferryc ;; esac
if [ "${1:-}" != --one ]; then
	rm -rf "$work"
	mkdir -p "$work" || die "cannot create $work"
	if [ -n "${FERRY_AMPLIFY_MODULES:-}" ]; then
		modules=$FERRY_AMPLIFY_MODULES
	else
		modules=$cache/node_modules
		npm_pinned "$cache" "$work" 300 "acorn@$ACORN_VERSION"
	fi
	[ -f "$modules/acorn/package.json" ] || die "no acorn in $modules"
fi

fails=0
nrun=0
nresumed=0
bad() { echo "FAIL $*"; fails=$((fails + 1)); }


# a refusal that is correct by design: a closure of a dynamic scope (the
# never-run closures write parameters of functions that also write through
# `arguments`), one line on stderr, and the process printed the whole output
refused_ok() {   # directory
	[ "$(wc -l < "$1/a.err")" -eq 1 ] && grep -q "snapshot failed: .*makes its scope dynamic" "$1/a.err" &&
		cmp -s "$1/a.out" "$1/full.out" && cmp -s "$1/a.rc" "$1/full.rc"
}

# the key of a program in the work directory: its directory and its name
# (tests/data/instrument and tests/data/snapshot both have an env_alias.js)
key() { echo "$(basename "$(dirname "$1")").$(basename "$1" .js)"; }

# the plain and the instrumented build of DIR/p|i/NAME print the same
# (DIR/plain.* and DIR/full.*: out, err, rc)
agree() {   # dir name
	(cd "$1" && run "p/$2" plain && run "i/$2" full)
	for x in out err rc; do cmp -s "$1/plain.$x" "$1/full.$x" || return 1; done
}

# snapshot after turn 1, resume, compare with DIR/full.*; prints ok, refused
# (by design), ended (within its first turn: that run was the whole run),
# noshot (no snapshot and no good reason) or diff
resumed() {   # dir name
	rm -f "$1/s.json"
	(cd "$1" && run "i/$2" a --snapshot-after-turns 1 --snapshot-to s.json)
	if [ ! -f "$1/s.json" ]; then
		if [ -s "$1/a.err" ] && refused_ok "$1"; then echo refused
		elif [ -s "$1/a.err" ] || ! cmp -s "$1/a.out" "$1/full.out"; then echo noshot
		else echo ended; fi
		return
	fi
	(cd "$1" && run "i/$2" b --resume s.json)
	cat "$1/a.out" "$1/b.out" > "$1/ab.out"
	if [ -s "$1/a.err" ] || ! cmp -s "$1/ab.out" "$1/full.out" || ! cmp -s "$1/b.rc" "$1/full.rc"; then
		echo diff
	else
		echo ok
	fi
}

check_program() {   # program.js
	js=$1
	name=$(basename "$js" .js)
	case $js in */data/snapshot/*|*/corpus/loop_*) loop=1 ;; *) loop=0 ;; esac
	for v in $VARIANTS; do
		d=$work/$(key "$js").$v
		mkdir -p "$d"
		# built from a file named like the original, so messages name the same file
		if ! node "$srcdir/tests/amplify.js" "$modules" "$v" < "$js" > "$d/$name.js" 2> "$d/amplify.err"; then
			bad "$(key "$js").$v: tests/amplify.js: $(head -n 1 "$d/amplify.err")"; continue
		fi
		(cd "$d" && "$ferryc" --plain "$name.js" -o p --runtime-dir "$builddir") > "$d/build.log" 2>&1
		bp=$?
		(cd "$d" && "$ferryc" "$name.js" -o i --runtime-dir "$builddir") >> "$d/build.log" 2>&1
		bi=$?
		if [ $bp != 0 ] || [ $bi != 0 ]; then
			bad "$(key "$js").$v: build (plain $bp, instrumented $bi)"; sed 's/^/  /' "$d/build.log" | head -n 3; continue
		fi
		nrun=$((nrun + 1))
		# the event-loop programs use real timers: on a heavily loaded machine
		# a callback can run late enough to reorder; a failure is retried once
		agree "$d" "$name" || { [ $loop = 1 ] && agree "$d" "$name"; }
		if [ $? != 0 ]; then
			for x in out err rc; do
				if ! cmp -s "$d/plain.$x" "$d/full.$x"; then
					bad "$(key "$js").$v: instrumented $x differs from plain"
					diff "$d/plain.$x" "$d/full.$x" | head -n 6 | sed 's/^/  /'
					break
				fi
			done
			continue
		fi
		[ $loop = 1 ] || continue
		case " $RESUMED " in *" $v "*) ;; *) continue ;; esac
		r=$(resumed "$d" "$name")
		case $r in diff|noshot) agree "$d" "$name" && r=$(resumed "$d" "$name") ;; esac
		case $r in
		refused|ended) continue ;;
		noshot)
			bad "$(key "$js").$v: no snapshot after turn 1: $(head -n 1 "$d/a.err")"
			continue ;;
		diff)
			bad "$(key "$js").$v: snapshot after turn 1, resumed (status $(cat "$d/a.rc")/$(cat "$d/b.rc"))"
			head -n 2 "$d/a.err" "$d/b.err" | sed 's/^/  /'
			diff "$d/full.out" "$d/ab.out" | head -n 6 | sed 's/^/  /'
			continue ;;
		esac
		nresumed=$((nresumed + 1))
	done
}

# a worker: one program, its counts in $work/NAME.counts
if [ "${1:-}" = --one ]; then
	modules=$FERRY_AMPLIFY_MODULES
	check_program "$2" > "$work/$(key "$2").log" 2>&1
	echo "$nrun $nresumed $fails" > "$work/$(key "$2").counts"
	exit 0
fi

# ---- every program, two at a time (a 2-core machine) ----
ls "$srcdir"/tests/corpus/*.js "$srcdir"/tests/data/instrument/*.js "$srcdir"/tests/data/snapshot/*.js > "$work/programs.txt"
export FERRY_BUILDDIR="$builddir" FERRY_SRCDIR="$srcdir" FERRYC="$ferryc" FERRY_AMPLIFY_MODULES="$modules"
tr '\n' '\0' < "$work/programs.txt" | xargs -0 -n 1 -P 2 sh "$0" --one
while read -r js; do
	k=$(key "$js")
	cat "$work/$k.log" 2>/dev/null
	if [ -f "$work/$k.counts" ]; then
		read -r a b c < "$work/$k.counts"
		nrun=$((nrun + a)); nresumed=$((nresumed + b)); fails=$((fails + c))
	else
		bad "$k: the worker died"
	fi
done < "$work/programs.txt"
[ "${FERRY_AMPLIFY_KEEP:-0}" = 1 ] || rm -rf "$work"
echo "amplify: $nrun programs (variants $VARIANTS) agree plain == instrumented, $nresumed resumed after a snapshot; $fails failed"
[ $fails = 0 ]
