# tests/fuzz_lib.sh -- the driver of the differential fuzzers, sourced by
# tests/difffuzz.sh and tests/exprfuzz.sh (each a generator and its checks).
# For every seed: `var SEED = N;`, tests/fuzz_rand.js and the generator,
# run by tests/duk_run, write prog.js; `ferryc --plain` builds it into p/
# and `ferryc` into i/; the script's fuzz_runs runs and compares them. If it
# sets $turns, the instrumented program is then
#   - snapshotted after every turn k and resumed (JSON for even k, msgpack
#     for odd k): output before + output after == the uninterrupted run (the
#     reference $fuzz_ref.out/.err/.rc), same status and stderr; a refusal by
#     design (a closure of a scope the instrumentation leaves dynamic,
#     doc/design.md) must leave the run going to the same end;
#   - hopped through its whole run, for each step in $fuzz_hop_steps: resume,
#     run that many turns, snapshot (formats alternating), ...: the same.
# A failing seed is reported (FAIL seed N: why), its program and outputs
# kept in $B/tests/$fuzz_name.d/seed-N/, and, if fuzz_kind names the
# failure, minimised there as prog.min.js.
#
# The script sets, after sourcing this file:
#   fuzz_name       exprfuzz / difffuzz: the temporary and kept directories,
#                   the generator tests/$fuzz_name_gen.js
#   fuzz_env        its environment variables' prefix: PREFIX_ONLY="s...",
#                   PREFIX_SEEDS=N, PREFIX_FIRST=S (default 1000),
#                   PREFIX_GEN=FILE, PREFIX_MINIMISE=0
#   fuzz_part       what the generator numbers for minimising (statement,
#                   snippet); its program's last line is `// NAME: PARTs N`
#   fuzz_timeout    seconds a run may take; fuzz_vmem: its address-space
#                   limit in KiB (ulimit -v), or empty
#   fuzz_ref        the prefix of the uninterrupted instrumented run
#   fuzz_diffby     how firstdiff names the two sides: "files" (their names)
#                   or "role" (expected, got)
#   fuzz_hop_steps  turns per hop, one chain each; fuzz_hop_max: hops at most
#   fuzz_hops_why   the failure of a chain, a printf format of the step
# and defines
#   fuzz_runs       run and compare p/prog and i/prog (in the seed's
#                   directory); 1 with $why set on a failure; set $turns to
#                   go on to snapshots and hops
#   fuzz_kind WHY   the class of a failure worth minimising, or nothing;
#                   minimising keeps a program that fails the same way
# then calls fuzz_main with the default seeds, and prints its summary from
# the counters ($nseeds, $nslow, $nsnaps, $nrefused, $nhops, $fails).
# Environment: FERRY_BUILDDIR, FERRY_SRCDIR (set by make check), FERRYC.
B=${FERRY_BUILDDIR:-.}
S=${FERRY_SRCDIR:-.}
case $B in /*) ;; *) B=$(cd "$B" && pwd) ;; esac
case $S in /*) ;; *) S=$(cd "$S" && pwd) ;; esac
export FERRY_SRCDIR="$S"
ferryc=${FERRYC:-$B/ferryc}
duk=$B/tests/duk_run
REFUSAL='^ferry: snapshot failed: .* makes its scope dynamic; still running$'

# fuzz_var NAME DEFAULT: the value of ${fuzz_env}_NAME, or DEFAULT
fuzz_var() {
	eval "v=\${${fuzz_env}_$1:-}"
	echo "${v:-$2}"
}

# run EXE PREFIX [ARGS...] (in the current directory): PREFIX.out/.err/.rc
run() {
	exe=$1 pre=$2; shift 2
	if [ -n "$fuzz_vmem" ]; then
		(ulimit -v "$fuzz_vmem" 2> /dev/null; exec timeout "$fuzz_timeout" "$exe" "$@") \
			> "$pre.out" 2> "$pre.err" < /dev/null
	else
		timeout "$fuzz_timeout" "$exe" "$@" > "$pre.out" 2> "$pre.err" < /dev/null
	fi
	echo $? > "$pre.rc"
}

# refused PREFIX: PREFIX.err holds a refusal by design (removed from it)
refused() {
	grep -q "$REFUSAL" "$1.err" || return 1
	grep -v "$REFUSAL" "$1.err" > "$1.err2"; mv "$1.err2" "$1.err"
}
# firstdiff A B: the first line where two outputs differ, both sides
firstdiff() {
	if [ "$fuzz_diffby" = files ]; then set -- "$1" "$2" "${1%.out}" "${2%.out}"
	else set -- "$1" "$2" expected got; fi
	awk -v f="$2" -v a="$3" -v b="$4" 'BEGIN { n = 0 }
		{ n++; if ((getline g < f) <= 0) g = "(end of output)";
		  if ($0 != g) { printf "line %d: %s %.160s | %s %.160s", n, a, $0, b, g; d = 1; exit } }
		END { if (!d && (getline g < f) > 0)
		        printf "line %d: %s (end of output) | %s %.160s", n + 1, a, b, g }' "$1"
}
# same PREFIX: PREFIX.out/.rc/.err are the uninterrupted run's
same() {
	cmp -s "$1.out" "$fuzz_ref.out" && cmp -s "$1.rc" "$fuzz_ref.rc" && cmp -s "$1.err" "$fuzz_ref.err"
}

check_seed() {   # seed [parts to drop] -> 0, or 1 with $why set
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
	turns=
	fuzz_runs || return 1
	[ -n "$turns" ] || return 0
	# snapshot after every turn k
	k=0
	while [ $k -lt "$turns" ]; do
		fmt=json; [ $((k % 2)) = 1 ] && fmt=msgpack
		rm -f s.snap
		run i/prog a --snapshot-after-turns $k --snapshot-to s.snap --snapshot-format $fmt
		if [ ! -f s.snap ] && refused a; then
			if ! same a; then
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
		cp b.rc ab.rc
		if [ "$(cat a.rc)" != 0 ] || ! same ab; then
			why="snapshot ($fmt) after $k turns, resumed: $(head -n 1 ab.err) $(firstdiff "$fuzz_ref.out" ab.out)"
			return 1
		fi
		nsnaps=$((nsnaps + 1))
		k=$((k + 1))
	done
	# chains of hops through the whole run: a restored program snapshotted
	# again (closures re-made by makers, inline environments made ordinary)
	for step in $fuzz_hop_steps; do
		rm -f h*.snap hop.rc
		run i/prog h0 --snapshot-after-turns $step --snapshot-to h0.snap
		refused h0
		cp h0.out hops.out; cp h0.err hops.err
		i=0
		while [ -f h$i.snap ] && [ $i -lt "$fuzz_hop_max" ]; do
			fmt=json; [ $((i % 2)) = 0 ] && fmt=msgpack
			run i/prog hop --resume h$i.snap --snapshot-after-turns $step --snapshot-to h$((i + 1)).snap \
				--snapshot-format $fmt
			refused hop
			cat hop.out >> hops.out; cat hop.err >> hops.err
			i=$((i + 1))
			nhops=$((nhops + 1))
		done
		cp hop.rc hops.rc 2> /dev/null || cp h0.rc hops.rc
		if ! same hops; then
			# shellcheck disable=SC2059 # the format is the script's
			why="$(printf "$fuzz_hops_why" $step), $i hops: $(head -n 1 hops.err) $(firstdiff "$fuzz_ref.out" hops.out)"
			return 1
		fi
	done
}

# failed SEED WHY: report, keep the program and the outputs
failed() {
	fails=$((fails + 1))
	echo "FAIL seed $1: $2"
	mkdir -p "$keep/seed-$1"
	cp prog.js "$keep/seed-$1/prog.js"
	cp ./*.out ./*.err "$keep/seed-$1/" 2> /dev/null
	echo "$2" > "$keep/seed-$1/why.txt"
	echo "  kept in $keep/seed-$1 (rerun: ${fuzz_env}_ONLY=$1 tests/$fuzz_name.sh)"
}

# minimise SEED: leave out the numbered parts (the generator gives a
# compound statement, a function or a whole test one number, its inner parts
# the numbers after it) whose absence keeps the same kind of failure: ranges
# of 2^m numbers, last first, m going down to 0; the result goes to the kept
# directory as prog.min.js with its failure in why.min.txt
minimise() {
	n=$(sed -n "s|^// $fuzz_name: ${fuzz_part}s \\([0-9]*\\)\$|\\1|p" "$keep/seed-$1/prog.js")
	[ -n "$n" ] || return
	drops= mwhy=$why c1=$nseeds c2=$nsnaps c3=$nrefused c4=$nhops c5=$nslow k0=$(fuzz_kind "$why")
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
			if [ -n "$try" ] && ! check_seed "$1" "$drops$try" && [ "$(fuzz_kind "$why")" = "$k0" ]; then
				drops="$drops$try"; mwhy=$why
			fi
			i=$((lo - 1))
		done
		size=$((size / 2))
	done
	nseeds=$c1 nsnaps=$c2 nrefused=$c3 nhops=$c4 nslow=$c5
	if [ -z "$drops" ]; then
		echo "  not minimised: every $fuzz_part is needed"; return
	fi
	check_seed "$1" "$drops" || true
	nseeds=$c1 nsnaps=$c2 nrefused=$c3 nhops=$c4 nslow=$c5
	cp "$tmp/$1-min/prog.js" "$keep/seed-$1/prog.min.js"
	echo "$mwhy" > "$keep/seed-$1/why.min.txt"
	echo "  minimised: $keep/seed-$1/prog.min.js ($(grep -c . "$keep/seed-$1/prog.min.js") lines)"
}

# fuzz_main DEFAULT_SEEDS...: check the seeds (SKIP, exit 77, without the
# programs it needs)
fuzz_main() {
	for x in "$ferryc" "$duk"; do
		[ -x "$x" ] || { echo "SKIP: $x not built"; exit 77; }
	done
	[ -f "$B/runtime/libferry.a" ] || { echo "SKIP: runtime/libferry.a not built"; exit 77; }
	command -v timeout > /dev/null 2>&1 || { echo "SKIP: no timeout(1)"; exit 77; }
	gen=$(fuzz_var GEN "$S/tests/${fuzz_name}_gen.js")
	keep=$B/tests/$fuzz_name.d
	seeds=$(fuzz_var ONLY "")
	if [ -z "$seeds" ]; then
		seeds=$*
		count=$(fuzz_var SEEDS "")
		if [ -n "$count" ]; then
			first=$(fuzz_var FIRST 1000)
			seeds=$(seq "$first" $((first + count - 1)))
		fi
	fi
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-$fuzz_name.XXXXXX") || exit 99
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 1' INT TERM
	fails=0 nseeds=0 nslow=0 nsnaps=0 nrefused=0 nhops=0
	for s in $seeds; do
		if ! check_seed "$s"; then
			failed "$s" "$why"
			[ -n "$(fuzz_kind "$why")" ] && [ "$(fuzz_var MINIMISE 1)" = 1 ] && minimise "$s"
		fi
		cd "$tmp" && rm -rf "${tmp:?}/$s" "${tmp:?}/$s-min"
	done
	cd /
}
