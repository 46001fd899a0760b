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
# to fail (the generator leaves them out, everything else unchanged). The
# driver (seeds, builds, steps 2 and 3, keeping and minimising a failing
# seed) is tests/fuzz_lib.sh, shared with tests/exprfuzz.sh.
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
. "${FERRY_SRCDIR:-.}/tests/fuzz_lib.sh" || exit 99
fuzz_name=difffuzz fuzz_env=FERRY_FUZZ fuzz_part=snippet
fuzz_timeout=60 fuzz_vmem=
fuzz_ref=full fuzz_diffby=role
fuzz_hop_steps="1 2" fuzz_hop_max=201 fuzz_hops_why='hops of %s turn(s)'

# 1. plain == instrumented
fuzz_runs() {
	run p/prog plain
	run i/prog full --stats
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
	# 2. and 3. (fuzz_lib.sh) unless step 1 only
	[ "${FERRY_FUZZ_QUICK:-}" = 1 ] && turns=
	return 0
}

# every failure is worth minimising (to one that fails in any way)
fuzz_kind() {
	echo any
}

# The default list: 79 snapshots resumed, 16 refused by design, 115 hops;
# about 7 s wall (4.5 s user, 1.3 s system) on the development machine under
# a load of 3.5; seeds 13..20 would add about 8 s more (bigger programs).
fuzz_main 1 2 3 4 5 6 7 8 9 10 11 12
echo "difffuzz: $nseeds programs, $nsnaps snapshots resumed, $nrefused refused by design, $nhops hops, $fails failed"
[ $fails = 0 ] && [ $nseeds -gt 0 ]
