#!/bin/sh
# tests/difffuzz.sh -- differential fuzzing of transparency and migration.
# For every seed, tests/difffuzz_gen.js (run by tests/duk_run) writes a
# random terminating ES5.1 program with deterministic output (closures,
# arguments, this, accessors, prototypes, attributes, typed arrays, timers,
# ...: see the generator's header). Then:
#   1. `ferryc --plain` and `ferryc` both build it; both runs give the same
#      stdout, stderr and exit status;
#   2. for every turn k: --snapshot-after-turns k, then --resume (JSON for
#      even k, msgpack for odd k): output before + output after == the
#      uninterrupted run, same exit status and stderr (a program may set
#      process.exitCode, or end with an uncaught error on purpose);
#   3. a chain of hops of one turn each through the whole run (formats
#      alternating), and one of two turns each: same output.
# On a mismatch the seed is printed and the program kept in
# $FERRY_BUILDDIR/tests/difffuzz.d/seed-N/ (prog.js, the outputs, why.txt),
# with prog.min.js: the same program without the snippets it does not need
# to fail (the generator leaves them out, everything else unchanged).
# Environment: FERRY_BUILDDIR, FERRY_SRCDIR (set by make check);
#   FERRY_FUZZ_SEEDS=N     run N seeds (default: the fixed list below);
#   FERRY_FUZZ_FIRST=S     first seed of a FERRY_FUZZ_SEEDS run (default 1000);
#   FERRY_FUZZ_ONLY="s..." exactly these seeds;
#   FERRY_FUZZ_QUICK=1     step 1 only (transparency), much faster.
#   FERRY_FUZZ_GEN=FILE    another generator (e.g. a copy, while editing it);
#   FERRY_FUZZ_MINIMISE=0  keep a failing program as it is (default: also
#                          write prog.min.js, without the snippets it does
#                          not need to fail).
# Exit 0 all seeds agree, 1 otherwise, 77 if a needed program is missing.
set -u
B=${FERRY_BUILDDIR:-.}
S=${FERRY_SRCDIR:-.}
case $B in /*) ;; *) B=$(cd "$B" && pwd) ;; esac
case $S in /*) ;; *) S=$(cd "$S" && pwd) ;; esac
ferryc=${FERRYC:-$B/ferryc}
duk=$B/tests/duk_run
gen=${FERRY_FUZZ_GEN:-$S/tests/difffuzz_gen.js}
keep=$B/tests/difffuzz.d

for x in "$ferryc" "$duk"; do
	[ -x "$x" ] || { echo "SKIP: $x not built"; exit 77; }
done
[ -f "$B/runtime/libferry.a" ] || { echo "SKIP: runtime/libferry.a not built"; exit 77; }
command -v timeout > /dev/null 2>&1 || { echo "SKIP: no timeout(1)"; exit 77; }

# The default list: about 30 s of CPU (14.6 user + 13.5 system) and 30 s wall on the
# development machine; seeds 13..20 would add about 30 s more (bigger programs).
DEFAULT_SEEDS="1 2 3 4 5 6 7 8 9 10 11 12"
if [ -n "${FERRY_FUZZ_ONLY:-}" ]; then
	seeds=$FERRY_FUZZ_ONLY
elif [ -n "${FERRY_FUZZ_SEEDS:-}" ]; then
	first=${FERRY_FUZZ_FIRST:-1000}
	seeds=$(seq "$first" $((first + FERRY_FUZZ_SEEDS - 1)))
else
	seeds=$DEFAULT_SEEDS
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-difffuzz.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fails=0 nseeds=0 nsnaps=0 nhops=0 nrefused=0

# run EXE PREFIX [ARGS...] (in the current directory): PREFIX.out/.err/.rc
run() {
	exe=$1 pre=$2; shift 2
	timeout 60 "$exe" "$@" > "$pre.out" 2> "$pre.err" < /dev/null
	echo $? > "$pre.rc"
}

# failed SEED WHY: report, keep the program and the outputs
failed() {
	fails=$((fails + 1))
	echo "FAIL seed $1: $2"
	mkdir -p "$keep/seed-$1"
	cp prog.js "$keep/seed-$1/prog.js"
	cp ./*.out ./*.err "$keep/seed-$1/" 2> /dev/null
	echo "$2" > "$keep/seed-$1/why.txt"
	echo "  kept in $keep/seed-$1 (rerun: FERRY_FUZZ_ONLY=$1 tests/difffuzz.sh)"
}

# A refusal by design: a closure of a function whose scope is dynamic (a
# write through `arguments` the instrumentation cannot mirror; see
# doc/design.md). The refusing process keeps running, so its output must
# still be the whole output.
REFUSAL='^ferry: snapshot failed: .* makes its scope dynamic; still running$'
# refused PREFIX: PREFIX.err holds a refusal by design (removed from it)
refused() {
	grep -q "$REFUSAL" "$1.err" || return 1
	grep -v "$REFUSAL" "$1.err" > "$1.err2"; mv "$1.err2" "$1.err"
}
# firstdiff A B: the first line where two outputs differ, both sides
firstdiff() {
	awk -v f="$2" 'BEGIN { n = 0 }
		{ n++; if ((getline g < f) <= 0) g = "(end of output)";
		  if ($0 != g) { printf "line %d: expected %.160s | got %.160s", n, $0, g; exit } }
		END { }' "$1"
}
# same PREFIX: PREFIX.out == full.out, same status and stderr
same() {
	cmp -s "$1.out" full.out && cmp -s "$1.rc" full.rc && cmp -s "$1.err" full.err
}

check_seed() {   # seed [snippets to drop] -> 0, or 1 with $why set
	seed=$1
	d=$tmp/$seed${2:+-min}
	rm -rf "$d"; mkdir -p "$d"; cd "$d" || return 1
	{ echo "var SEED = $seed;"; [ -n "${2:-}" ] && echo "var DROP = [$(echo $2 | tr ' ' ',')];"; cat "$S/tests/fuzz_rand.js" "$gen"; } > gen.js
	if ! "$duk" gen.js > prog.js 2> gen.err || [ ! -s prog.js ]; then
		cp gen.js prog.js; why="the generator failed: $(head -n 1 prog.js gen.err | tail -n 1)"; return 1
	fi
	nseeds=$((nseeds + 1))
	# 1. plain == instrumented
	if ! "$ferryc" --plain prog.js -o p --runtime-dir "$B" > build.err 2>&1; then
		why="plain build: $(head -n 1 build.err)"; return 1
	fi
	if ! "$ferryc" prog.js -o i --runtime-dir "$B" > build.err 2>&1; then
		why="instrumented build: $(head -n 1 build.err)"; return 1
	fi
	app=$d/i/prog
	run p/prog plain
	run "$app" full --stats
	# --stats adds one line to stderr: the turn count
	turns=$(sed -n 's/.*ferry-stats:.* turns=\([0-9]*\).*/\1/p' full.err)
	sed -i '/ferry-stats:/d' full.err
	for x in out err rc; do
		if ! cmp -s plain.$x full.$x; then
			why="instrumented $x differs from plain: $(firstdiff plain.$x full.$x)"
			return 1
		fi
	done
	if [ -z "$turns" ]; then
		why="no turn count from --stats"; return 1
	fi
	# a program may end with an uncaught error on purpose (status 1)
	if grep -q '^// difffuzz: ends with an uncaught error' prog.js; then
		if [ "$(cat full.rc)" != 1 ] || ! grep -q '^Uncaught ' full.err; then
			why="no uncaught error at the end (status $(cat full.rc))"; return 1
		fi
	elif [ -s full.err ] || ! grep -Eq '^[0-3]$' full.rc; then
		why="the program itself fails (status $(cat full.rc)): $(head -n 1 full.err)"; return 1
	fi
	[ "${FERRY_FUZZ_QUICK:-}" = 1 ] && return 0
	# 2. snapshot after every turn k
	k=0
	while [ $k -lt "$turns" ]; do
		fmt=json; [ $((k % 2)) = 1 ] && fmt=msgpack
		rm -f s.snap
		run "$app" a --snapshot-after-turns $k --snapshot-to s.snap --snapshot-format $fmt
		if [ ! -f s.snap ] && refused a; then
			if ! same a; then
				why="refused snapshot after $k turns, the run did not go on"; return 1
			fi
			nrefused=$((nrefused + 1)); k=$((k + 1)); continue
		fi
		if [ ! -f s.snap ]; then
			why="no snapshot after $k of $turns turns: $(head -n 1 a.err)"; return 1
		fi
		run "$app" b --resume s.snap
		cat a.out b.out > ab.out
		cat a.err b.err > ab.err
		cp b.rc ab.rc
		if [ "$(cat a.rc)" != 0 ] || ! same ab; then
			why="snapshot ($fmt) after $k turns, resumed: $(head -n 1 ab.err) $(firstdiff full.out ab.out)"
			return 1
		fi
		nsnaps=$((nsnaps + 1))
		k=$((k + 1))
	done
	# 3. hops of one turn, then of two turns, through the whole run
	for step in 1 2; do
		rm -f h*.snap hop.rc
		run "$app" h0 --snapshot-after-turns $step --snapshot-to h0.snap
		refused h0
		cp h0.out hops.out; cp h0.err hops.err
		i=0
		while [ -f h$i.snap ]; do
			fmt=json; [ $((i % 2)) = 0 ] && fmt=msgpack
			run "$app" hop --resume h$i.snap --snapshot-after-turns $step --snapshot-to h$((i + 1)).snap \
				--snapshot-format $fmt
			refused hop
			cat hop.out >> hops.out; cat hop.err >> hops.err
			i=$((i + 1))
			nhops=$((nhops + 1))
			[ $i -gt 200 ] && break
		done
		cp hop.rc hops.rc 2> /dev/null || cp h0.rc hops.rc
		if ! same hops; then
			why="hops of $step turn(s), $i hops: $(head -n 1 hops.err) $(firstdiff full.out hops.out)"
			return 1
		fi
	done
}

# minimise SEED: leave out every snippet whose absence keeps the program
# failing (one at a time); the result goes to the kept directory as
# prog.min.js with its failure in why.min.txt
minimise() {
	n=$(sed -n 's|^// difffuzz: snippets \([0-9]*\)$|\1|p' "$keep/seed-$1/prog.js")
	[ -n "$n" ] || return
	drops= i=0 mwhy=$why c1=$nseeds c2=$nsnaps c3=$nhops c4=$nrefused
	while [ $i -lt "$n" ]; do
		if ! check_seed "$1" "$drops $i"; then
			drops="$drops $i"; mwhy=$why
		fi
		i=$((i + 1))
	done
	nseeds=$c1 nsnaps=$c2 nhops=$c3 nrefused=$c4
	if [ -z "$drops" ]; then
		echo "  not minimised: every snippet is needed"; return
	fi
	check_seed "$1" "$drops" || true
	nseeds=$c1 nsnaps=$c2 nhops=$c3 nrefused=$c4
	cp "$tmp/$1-min/prog.js" "$keep/seed-$1/prog.min.js"
	echo "$mwhy" > "$keep/seed-$1/why.min.txt"
	echo "  minimised: $keep/seed-$1/prog.min.js ($(wc -l < "$keep/seed-$1/prog.min.js") lines, snippets left out:$drops)"
}

for s in $seeds; do
	if ! check_seed "$s"; then
		failed "$s" "$why"
		[ "${FERRY_FUZZ_MINIMISE:-1}" = 1 ] && minimise "$s"
	fi
	cd "$tmp" && rm -rf "${tmp:?}/$s" "${tmp:?}/$s-min"
done
cd /
echo "difffuzz: $nseeds programs, $nsnaps snapshots resumed, $nrefused refused by design, $nhops hops, $fails failed"
[ $fails = 0 ] && [ $nseeds -gt 0 ]
