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
# through the whole run gives the same output. The driver (seeds, builds,
# snapshots, hops, keeping and minimising a failing seed) is
# tests/fuzz_lib.sh, shared with tests/difffuzz.sh.
# Exit 0 all seeds agree, 1 otherwise, 77 if a needed program is missing.
set -u
. "${FERRY_SRCDIR:-.}/tests/fuzz_lib.sh" || exit 99
fuzz_name=exprfuzz fuzz_env=FERRY_EXPRFUZZ fuzz_part=statement
# at most 10 s and 2 GB of address space a run: see the plain run below.
# Not the address space with --enable-sanitizers: ASan reserves terabytes of
# it at start; its own RSS limit stands in.
fuzz_timeout=10 fuzz_vmem=2000000
if [ -n "$(sed -n 's/^FERRY_SAN_FLAGS = //p' "$B/Makefile" 2> /dev/null)" ]; then
	fuzz_vmem=
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=2000
	export ASAN_OPTIONS
fi
fuzz_ref=instr fuzz_diffby=files
fuzz_hop_steps=1 fuzz_hop_max=50 fuzz_hops_why='snapshot hops of one turn'

# GNU time, when there is one, gives the plain run's peak memory
gnutime=
if /usr/bin/time -f %M true > /dev/null 2>&1; then gnutime=/usr/bin/time; fi

fuzz_runs() {
	# A rare generated program makes a string that doubles at every step
	# (x += x + ..., in a loop, a getter, a recursion): it does not finish in
	# time, or runs out of memory where the instrumented one may not (it
	# allocates more), and tells nothing: skipped.
	if [ -n "$gnutime" ]; then
		$gnutime -o plain.mem -f %M sh -c "${fuzz_vmem:+ulimit -v $fuzz_vmem 2> /dev/null; }exec timeout $fuzz_timeout p/prog" \
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
	# an event-loop program: snapshots after every turn and hops
	run i/prog stats --stats
	turns=$(sed -n 's/.*ferry-stats:.* turns=\([0-9]*\).*/\1/p' stats.err)
	if [ -z "$turns" ]; then
		why="no turn count from --stats"; return 1
	fi
}

# fuzz_kind WHY: the class of a failure worth minimising, or nothing
fuzz_kind() {
	case $1 in
	*differs*) echo differs ;;
	*snapshot*) echo snapshot ;;
	esac
}

# The default list: 30 programs (16 of them event-loop ones: 70 snapshots
# resumed, 9 refused by design, 68 hops), about 11 s wall (8.4 s user, 2.2 s
# system) on the development machine under a load of 3.5.
fuzz_main $(seq 1 30)
echo "exprfuzz: $nseeds programs ($nslow too slow, skipped), $nsnaps snapshots resumed, $nrefused refused by design, $nhops hops, $fails failed"
[ $fails = 0 ] && [ $nseeds -gt 0 ]
