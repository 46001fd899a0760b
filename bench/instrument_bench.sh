#!/bin/sh
# bench/instrument_bench.sh -- instrumentation overhead (issue 4, issue 7):
# every bench/programs/*.js is built with `ferryc --plain` and with
# instrumentation, then per program:
#   instr ratio  instructions (valgrind --tool=callgrind, Ir) instrumented/plain
#   wall ratio   median over alternating runs of the wall time, instrumented/plain
#   heap ratio   peak heap bytes (the device executable's --stats) instrumented/plain
# and the geometric means; then the executables' size (text + data, `size`),
# also for a generated program of deeply nested functions (the restore
# table stores each function's text once, whatever its depth). Writes $BENCH_OUT/instrument.md (section
# "Instrumentation overhead") and $BENCH_OUT/overhead.dat.
#
# usage: instrument_bench.sh BUILDDIR SRCDIR [OUTDIR]   (QUICK=1: small sizes)
set -u
B=${1:-.}
S=${2:-.}
OUT=${3:-${BENCH_OUT:-$B/bench/out}}
QUICK=${QUICK:-}
if [ -n "$QUICK" ]; then
	CG_SCALE=0.02; WALL_SCALE=0.1; RUNS=1
else
	# sized so that all of `make bench` stays within 15 minutes on 2 cores
	CG_SCALE=0.1; WALL_SCALE=0.3; RUNS=5
fi
FERRYC=$B/ferryc
mkdir -p "$OUT" || exit 1
W=$(mktemp -d "${TMPDIR:-/tmp}/instrument_bench.XXXXXX") || exit 1
trap 'rm -rf "$W"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
export FERRY_SRCDIR="$S"

have_cg=1
command -v valgrind >/dev/null 2>&1 || have_cg=0
# the quick run (< 2 minutes for all bench targets) skips callgrind
[ -n "$QUICK" ] && have_cg=0

now_ns() { date +%s%N; }

# instructions EXE SCALE
instructions() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" -- "$2" 2>&1 >/dev/null |
		sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -1
}
# peak heap EXE SCALE
peak_heap() {
	"$1" --stats -- "$2" 2>&1 >/dev/null | sed -n 's/.*peak_heap_bytes=\([0-9]*\).*/\1/p' | tail -1
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

DAT=$OUT/overhead.dat
MD=$OUT/instrument.md
echo "# program instr_ratio wall_ratio heap_ratio" >"$DAT"
ROWS=$OUT/instrument.rows
: >"$ROWS"
fail=0
for js in "$S"/bench/programs/*.js; do
	[ -f "$js" ] || continue
	name=$(basename "$js" .js)
	d=$W/$name
	mkdir -p "$d"
	cp "$js" "$d/$name.js"
	if ! (cd "$d" && "$FERRYC" --plain "$name.js" -o p --runtime-dir "$B" &&
	      "$FERRYC" "$name.js" -o i --runtime-dir "$B") >"$d/log" 2>&1; then
		echo "instrument bench: $name: build failed" >&2; cat "$d/log" >&2; fail=1; continue
	fi
	P=$d/p/$name
	I=$d/i/$name
	# same output, or the comparison means nothing
	"$P" -- "$CG_SCALE" >"$d/po" 2>&1
	"$I" -- "$CG_SCALE" >"$d/io" 2>&1
	if ! cmp -s "$d/po" "$d/io"; then
		echo "instrument bench: $name: outputs differ" >&2; fail=1; continue
	fi
	if [ $have_cg = 1 ]; then
		ip=$(instructions "$P" "$CG_SCALE")
		ii=$(instructions "$I" "$CG_SCALE")
	else
		ip=0; ii=0
	fi
	: >"$d/wr"
	k=0
	while [ $k -lt $RUNS ]; do
		t0=$(now_ns); "$P" -- "$WALL_SCALE" >/dev/null 2>&1; t1=$(now_ns)
		"$I" -- "$WALL_SCALE" >/dev/null 2>&1; t2=$(now_ns)
		echo "$(( t1 - t0 )) $(( t2 - t1 ))" >>"$d/wr"
		k=$((k + 1))
	done
	wp=$(awk '{ print $1 }' "$d/wr" | median)
	wi=$(awk '{ print $2 }' "$d/wr" | median)
	hp=$(peak_heap "$P" "$WALL_SCALE")
	hi=$(peak_heap "$I" "$WALL_SCALE")
	echo "$name $ip $ii $wp $wi $hp $hi" >>"$ROWS"
done

awk -v dat="$DAT" -v quick="$QUICK" -v cg="$CG_SCALE" -v ws="$WALL_SCALE" -v runs="$RUNS" '
function r(a, b) { return b > 0 ? a / b : 0 }
{
	ir = r($3, $2); wr = r($5, $4); hr = r($7, $6)
	n++; lw += log(wr); lh += log(hr)
	if (ir > 0) { ni++; li += log(ir) }
	if (ir > maxi) { maxi = ir; maxn = $1 }
	printf "%s %.4f %.4f %.4f\n", $1, ir, wr, hr >> dat
	if (ir > 0)
		row[n] = sprintf("| %s | %.0f | %.0f | **%.3f** | %.1f | %.1f | %.3f | %d | %d | %.3f |", $1, $2 / 1e6, $3 / 1e6, ir, $4 / 1e6, $5 / 1e6, wr, $6, $7, hr)
	else
		row[n] = sprintf("| %s | n/a | n/a | n/a | %.1f | %.1f | %.3f | %d | %d | %.3f |", $1, $4 / 1e6, $5 / 1e6, wr, $6, $7, hr)
}
END {
	print "## Instrumentation overhead"
	print ""
	printf "Plain (`ferryc --plain`) vs instrumented (`ferryc`) builds of bench/programs/*.js, measured by `make bench-instrument` (bench/instrument_bench.sh): instructions with `valgrind --tool=callgrind` (program scale %s), wall time as the median of %d alternating runs (scale %s), peak heap bytes from the executable'"'"'s `--stats` (scale %s).%s Both builds embed the same kind of program (Duktape bytecode unless FERRY_EMBED=source).\n", cg, runs, ws, ws, quick ? " QUICK sizes." : ""
	print ""
	print "| program | plain Minstr | instr. Minstr | instr ratio | plain ms | instr. ms | wall ratio | plain peak heap | instr. peak heap | heap ratio |"
	print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for (i = 1; i <= n; i++) print row[i]
	if (n) {
		gi = ni ? sprintf("%.3f", exp(li / ni)) : "n/a"
		printf "| **geometric mean** | | | **%s** | | | **%.3f** | | | **%.3f** |\n", gi, exp(lw / n), exp(lh / n)
		print ""
		if (ni)
			printf "Targets (issue 4): instruction ratio geomean <= 1.05 (%s), no program above 1.20 (max %.3f, %s), heap ratio <= 1.10 (geomean %.3f).\n", exp(li / ni) <= 1.05 ? "met" : "NOT met", maxi, maxn, exp(lh / n)
		else
			print "Quick run: no instruction counts (callgrind is skipped); run `make bench-instrument` for them."
	}
}' "$ROWS" >"$MD"
if [ -x "$B/bench/instrument_startup" ]; then
	{
		echo ""
		echo "### Embedding the program: source text vs Duktape bytecode"
		echo ""
		echo "Start-up cost of the instrumented programs measured by bench/instrument_startup (median of 21):"
		echo "compiling the source at start (duk_pcompile_lstring_filename) vs loading ferryc's"
		echo "duk_dump_function output (duk_load_function). ferryc embeds bytecode (the faster) by default."
		echo ""
		"$B/bench/instrument_startup" "$W"/*/i/*.fy.js
	} >>"$MD"
fi
# exe_bytes EXE: text + data of an executable (what a device's flash holds)
exe_bytes() { size "$1" 2>/dev/null | awk 'NR == 2 { print $1 + $2 }'; }
# nested.js: 16 functions, each nested in the one before, each with 40 lines
# of its own code; called once so both builds run it
nested_js() {
	awk 'BEGIN {
		d = 16
		for (i = 1; i <= d; i++) {
			printf "function f%d(x) {\n  var a%d = x + %d, s = 0;\n", i, i, i
			for (k = 0; k < 40; k++) printf "  s += (a%d * %d) %% 7;\n", i, k
			if (i == d) printf "  return s;\n"
			else printf "  return s + f%d(a%d);\n", i + 1, i
		}
		for (i = d; i >= 1; i--) print "}"
		print "console.log(f1(1));"
	}'
}
if command -v size >/dev/null 2>&1; then
	d=$W/nested
	mkdir -p "$d"
	nested_js >"$d/nested.js"
	(cd "$d" && "$FERRYC" --plain nested.js -o p --runtime-dir "$B" &&
	 "$FERRYC" nested.js -o i --runtime-dir "$B") >"$d/log" 2>&1 || {
		echo "instrument bench: nested: build failed" >&2; cat "$d/log" >&2; fail=1; }
	{
		echo ""
		echo "### Executable size"
		echo ""
		echo "Text + data bytes (\`size\`) of the device executables above, and of a generated program"
		echo "of 16 functions each nested in the one before (40 lines each). An instrumented executable"
		echo "also holds the restore table: the program's source text once (maker units are cut from it"
		echo "on --resume), the makers' own code, and the site table."
		echo ""
		echo "| program | plain bytes | instr. bytes | ratio |"
		echo "|---|---:|---:|---:|"
		for d in "$W"/*/; do
			name=$(basename "$d")
			[ -x "$d/p/$name" ] && [ -x "$d/i/$name" ] || continue
			sp=$(exe_bytes "$d/p/$name"); si=$(exe_bytes "$d/i/$name")
			awk -v n="$name" -v p="$sp" -v i="$si" \
				'BEGIN { printf "| %s | %d | %d | %.3f |\n", n, p, i, (p > 0 ? i / p : 0) }'
		done
	} >>"$MD"
fi
cat "$MD"
exit $fail
