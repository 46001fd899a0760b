#!/bin/sh
# tests/exprfuzz.sh -- differential fuzzing of evaluation order (H20).
# For every seed, tests/exprfuzz_gen.js (run by tests/duk_run) writes a
# small deterministic ES5.1 program whose closures write the variables of
# enclosing functions inside expressions of every kind (see the generator's
# header). `ferryc --plain` and `ferryc` both build it, and both runs must
# give the same stdout, stderr and exit status: the instrumented program
# prints what plain Duktape prints, quirks included.
# On a mismatch the seed is printed and the program kept in
# $FERRY_BUILDDIR/tests/exprfuzz.d/seed-N/ (prog.js, the outputs, why.txt),
# with prog.min.js: the same program without the statements it does not
# need to differ (the generator leaves them out, everything else unchanged).
# Environment: FERRY_BUILDDIR, FERRY_SRCDIR (set by make check);
#   FERRY_EXPRFUZZ_SEEDS=N     run N seeds (default: the fixed list below);
#   FERRY_EXPRFUZZ_FIRST=S     first seed of such a run (default 1000);
#   FERRY_EXPRFUZZ_ONLY="s..." exactly these seeds;
#   FERRY_EXPRFUZZ_GEN=FILE    another generator;
#   FERRY_EXPRFUZZ_MINIMISE=0  keep a failing program as it is;
#   FERRY_EXPRFUZZ_SNAPSHOTS=0 no snapshots (plain vs instrumented only);
#   FERRYC=PATH                another ferryc (e.g. one with a change
#                              switched off, to see the fuzzer fail).
# An event-loop program (marked `// exprfuzz: event loop`) is also
# snapshotted after every turn k and resumed (JSON for even k, msgpack for
# odd k): output before + output after == the uninterrupted run; a refusal
# by design (a closure of a scope left dynamic) must leave the run going.
# Then a chain of hops of one turn each (resume, one turn, snapshot, ...)
# through the whole run gives the same output.
# Exit 0 all seeds agree, 1 otherwise, 77 if a needed program is missing.
set -u
B=${FERRY_BUILDDIR:-.}
S=${FERRY_SRCDIR:-.}
case $B in /*) ;; *) B=$(cd "$B" && pwd) ;; esac
case $S in /*) ;; *) S=$(cd "$S" && pwd) ;; esac
export FERRY_SRCDIR="$S"
ferryc=${FERRYC:-$B/ferryc}
duk=$B/tests/duk_run
gen=${FERRY_EXPRFUZZ_GEN:-$S/tests/exprfuzz_gen.js}
keep=$B/tests/exprfuzz.d

for x in "$ferryc" "$duk"; do
	[ -x "$x" ] || { echo "SKIP: $x not built"; exit 77; }
done
[ -f "$B/runtime/libferry.a" ] || { echo "SKIP: runtime/libferry.a not built"; exit 77; }
command -v timeout > /dev/null 2>&1 || { echo "SKIP: no timeout(1)"; exit 77; }

# The default list: 30 programs (16 of them event-loop ones: 62 snapshots,
# 61 hops), about 18 s wall (10 s user) on the development machine under a
# load of 5 to 7.
DEFAULT_SEEDS=$(seq 1 30)
if [ -n "${FERRY_EXPRFUZZ_ONLY:-}" ]; then
	seeds=$FERRY_EXPRFUZZ_ONLY
elif [ -n "${FERRY_EXPRFUZZ_SEEDS:-}" ]; then
	first=${FERRY_EXPRFUZZ_FIRST:-1000}
	seeds=$(seq "$first" $((first + FERRY_EXPRFUZZ_SEEDS - 1)))
else
	seeds=$DEFAULT_SEEDS
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-exprfuzz.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fails=0 nseeds=0 nsnaps=0 nrefused=0 nhops=0 nslow=0
# a refusal by design (a closure of a function whose scope the
# instrumentation leaves dynamic: doc/design.md)
REFUSAL='^ferry: snapshot failed: .* makes its scope dynamic; still running$'

# run EXE PREFIX [ARGS...]: PREFIX.out/.err/.rc (at most 10 s and 2 GB of
# address space: see the plain run below)
run() {
	exe=$1 pre=$2; shift 2
	(ulimit -v 2000000 2> /dev/null; exec timeout 10 "$exe" "$@") > "$pre.out" 2> "$pre.err" < /dev/null
	echo $? > "$pre.rc"
}
# GNU time, when there is one, gives the plain run's peak memory
gnutime=
if /usr/bin/time -f %M true > /dev/null 2>&1; then gnutime=/usr/bin/time; fi
# firstdiff A B: the first line where two outputs differ, both sides
# (plain.out: plain run, instr.out: instrumented, ab.out: snapshot + resume)
firstdiff() {
	awk -v f="$2" -v a="${1%.out}" -v b="${2%.out}" 'BEGIN { n = 0 }
		{ n++; if ((getline g < f) <= 0) g = "(end of output)";
		  if ($0 != g) { printf "line %d: %s %.160s | %s %.160s", n, a, $0, b, g; exit } }
		END { }' "$1"
}

check_seed() {   # seed [statements to drop] -> 0, or 1 with $why set
	seed=$1
	d=$tmp/$seed${2:+-min}
	rm -rf "$d"; mkdir -p "$d"; cd "$d" || return 1
	{ echo "var SEED = $seed;"; [ -n "${2:-}" ] && echo "var DROP = [$(echo $2 | tr ' ' ',')];"; cat "$S/tests/fuzz_rand.js" "$gen"; } > gen.js
	if ! "$duk" gen.js > prog.js 2> gen.err || [ ! -s prog.js ]; then
		cp gen.js prog.js; why="the generator failed: $(head -n 1 prog.js gen.err | tail -n 1)"; return 1
	fi
	nseeds=$((nseeds + 1))
	if ! "$ferryc" --plain prog.js -o p --runtime-dir "$B" > build.err 2>&1; then
		why="plain build: $(head -n 1 build.err)"; return 1
	fi
	if ! "$ferryc" prog.js -o i --runtime-dir "$B" > build.err 2>&1; then
		why="instrumented build: $(head -n 1 build.err)"; return 1
	fi
	# A rare generated program makes a string that doubles at every step
	# (x += x + ..., in a loop, a getter, a recursion): it does not finish in
	# time, or runs out of memory where the instrumented one may not (it
	# allocates more), and tells nothing: skipped.
	if [ -n "$gnutime" ]; then
		$gnutime -o plain.mem -f %M sh -c 'ulimit -v 2000000 2> /dev/null; exec timeout 10 p/prog' \
			> plain.out 2> plain.err < /dev/null
		echo $? > plain.rc
	else
		run p/prog plain
	fi
	if [ "$(cat plain.rc)" = 124 ] || [ "$(tail -n 1 plain.mem 2> /dev/null || echo 0)" -gt 300000 ]; then
		nslow=$((nslow + 1)); return 0
	fi
	run i/prog instr
	for x in out err rc; do
		if ! cmp -s plain.$x instr.$x; then
			why="instrumented $x differs from plain: $(firstdiff plain.$x instr.$x)"
			return 1
		fi
	done
	# a program that does not finish says nothing
	if [ "$(cat plain.rc)" != 0 ] || ! grep -q '^end ' plain.out; then
		why="the program itself fails (status $(cat plain.rc)): $(head -n 1 plain.err)"; return 1
	fi
	grep -q '^// exprfuzz: event loop' prog.js || return 0
	[ "${FERRY_EXPRFUZZ_SNAPSHOTS:-1}" = 1 ] || return 0
	# an event-loop program: snapshot after every turn k (JSON for even k,
	# msgpack for odd k), resume: output before + after == the whole run
	run i/prog stats --stats
	turns=$(sed -n 's/.*ferry-stats:.* turns=\([0-9]*\).*/\1/p' stats.err)
	if [ -z "$turns" ]; then
		why="no turn count from --stats"; return 1
	fi
	k=0
	while [ $k -lt "$turns" ]; do
		fmt=json; [ $((k % 2)) = 1 ] && fmt=msgpack
		rm -f s.snap
		run i/prog a --snapshot-after-turns $k --snapshot-to s.snap --snapshot-format $fmt
		if [ ! -f s.snap ] && grep -q "$REFUSAL" a.err; then
			# refused by design; the program goes on
			grep -v "$REFUSAL" a.err > a.err2; mv a.err2 a.err
			if ! cmp -s a.out instr.out || ! cmp -s a.err instr.err; then
				why="refused snapshot after $k turns, the run did not go on"; return 1
			fi
			nrefused=$((nrefused + 1)); k=$((k + 1)); continue
		fi
		if [ ! -f s.snap ]; then
			why="no snapshot after $k of $turns turns: $(head -n 1 a.err)"; return 1
		fi
		run i/prog b --resume s.snap
		cat a.out b.out > ab.out
		cat a.err b.err > ab.err
		if [ "$(cat a.rc)" != 0 ] || ! cmp -s ab.out instr.out || ! cmp -s ab.err instr.err ||
		   ! cmp -s b.rc instr.rc; then
			why="snapshot ($fmt) after $k turns, resumed: $(head -n 1 ab.err) $(firstdiff instr.out ab.out)"
			return 1
		fi
		nsnaps=$((nsnaps + 1))
		k=$((k + 1))
	done
	# a chain of hops of one turn each through the whole run (formats
	# alternating): a restored program snapshotted again (closures re-made
	# by makers, inline environments made ordinary)
	rm -f h*.snap
	run i/prog h0 --snapshot-after-turns 1 --snapshot-to h0.snap
	strip_refusal h0
	cp h0.out hops.out; cp h0.err hops.err; cp h0.rc hops.rc
	i=0
	while [ -f h$i.snap ] && [ $i -lt 50 ]; do
		fmt=json; [ $((i % 2)) = 0 ] && fmt=msgpack
		run i/prog hop --resume h$i.snap --snapshot-after-turns 1 --snapshot-to h$((i + 1)).snap \
			--snapshot-format $fmt
		strip_refusal hop
		cat hop.out >> hops.out; cat hop.err >> hops.err; cp hop.rc hops.rc
		i=$((i + 1))
		nhops=$((nhops + 1))
	done
	if ! cmp -s hops.out instr.out || ! cmp -s hops.err instr.err || ! cmp -s hops.rc instr.rc; then
		why="snapshot hops of one turn, $i hops: $(head -n 1 hops.err) $(firstdiff instr.out hops.out)"
		return 1
	fi
}

# strip_refusal PREFIX: PREFIX.err without a refusal by design
strip_refusal() {
	grep -v "$REFUSAL" "$1.err" > "$1.err2"; mv "$1.err2" "$1.err"
}

failed() {
	fails=$((fails + 1))
	echo "FAIL seed $1: $2"
	mkdir -p "$keep/seed-$1"
	cp prog.js "$keep/seed-$1/prog.js"
	cp ./*.out ./*.err "$keep/seed-$1/" 2> /dev/null
	echo "$2" > "$keep/seed-$1/why.txt"
	echo "  kept in $keep/seed-$1 (rerun: FERRY_EXPRFUZZ_ONLY=$1 tests/exprfuzz.sh)"
}

# kind WHY: the class of a failure worth minimising, or nothing
kind() {
	case $1 in
	*differs*) echo differs ;;
	*snapshot*) echo snapshot ;;
	esac
}

# minimise SEED: leave out the numbered statements (a compound statement,
# a function or a whole test is one number with its inner ones after it)
# whose absence keeps the same kind of failure: ranges of 2^m numbers, last
# first, m going down to 0
minimise() {
	n=$(sed -n 's|^// exprfuzz: statements \([0-9]*\)$|\1|p' "$keep/seed-$1/prog.js")
	[ -n "$n" ] || return
	drops= mwhy=$why c1=$nseeds c2=$nsnaps c3=$nrefused c4=$nhops c5=$nslow k0=$(kind "$why")
	size=1
	while [ $((size * 2)) -le "$n" ]; do size=$((size * 2)); done
	while [ $size -ge 1 ]; do
		i=$((n - 1))
		while [ $i -ge 0 ]; do
			lo=$((i - size + 1)); [ $lo -lt 0 ] && lo=0
			try=
			for x in $(seq $lo $i); do
				case " $drops " in *" $x "*) ;; *) try="$try $x" ;; esac
			done
			if [ -n "$try" ] && ! check_seed "$1" "$drops$try" && [ "$(kind "$why")" = "$k0" ]; then
				drops="$drops$try"; mwhy=$why
			fi
			i=$((lo - 1))
		done
		size=$((size / 2))
	done
	nseeds=$c1 nsnaps=$c2 nrefused=$c3 nhops=$c4 nslow=$c5
	if [ -z "$drops" ]; then
		echo "  not minimised: every statement is needed"; return
	fi
	check_seed "$1" "$drops" || true
	nseeds=$c1 nsnaps=$c2 nrefused=$c3 nhops=$c4 nslow=$c5
	cp "$tmp/$1-min/prog.js" "$keep/seed-$1/prog.min.js"
	echo "$mwhy" > "$keep/seed-$1/why.min.txt"
	echo "  minimised: $keep/seed-$1/prog.min.js ($(grep -c . "$keep/seed-$1/prog.min.js") lines)"
}

for s in $seeds; do
	if ! check_seed "$s"; then
		failed "$s" "$why"
		[ -n "$(kind "$why")" ] && [ "${FERRY_EXPRFUZZ_MINIMISE:-1}" = 1 ] && minimise "$s"
	fi
	cd "$tmp" && rm -rf "${tmp:?}/$s" "${tmp:?}/$s-min"
done
cd /
echo "exprfuzz: $nseeds programs ($nslow too slow, skipped), $nsnaps snapshots resumed, $nrefused refused by design, $nhops hops, $fails failed"
[ $fails = 0 ] && [ $nseeds -gt 0 ]
