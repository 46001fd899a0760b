#!/bin/sh
# bench/runtime_bench.sh BUILDDIR OUTDIR -- cost of the runtime core (H5):
# one event-loop turn (setImmediate chain; timers with N pending), a
# console.log of a small object, and heap bytes (empty heap, per pending
# timer) from --stats. Runs the programs through tests/ferry_run; times are
# measured inside the program with Date.now() over many turns, median of 3.
# QUICK=1: smaller counts. Writes OUTDIR/runtime.md.
set -u
b=${1:?usage: runtime_bench.sh BUILDDIR OUTDIR}
out=${2:?usage: runtime_bench.sh BUILDDIR OUTDIR}
run="$b/tests/ferry_run"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-rtbench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
if [ -n "${QUICK:-}" ]; then scale=1; else scale=5; fi

cat > "$tmp/imm.js" <<'JS'
var N = +process.argv[2], n = 0, t0 = Date.now();
function f() { if (++n < N) setImmediate(f); else print((Date.now() - t0) * 1000 / N); }
setImmediate(f);
JS
cat > "$tmp/timers.js" <<'JS'
// P timers pending (far future) while N due timers fire, one per turn
var P = +process.argv[2], N = +process.argv[3], n = 0, t0;
function idle() {}
function f() { if (n++ === 0) t0 = Date.now(); }
for (var i = 0; i < P; i++) setTimeout(idle, 1e9);
for (var i = 0; i < N; i++) setTimeout(f, 1);
setTimeout(function () { print((Date.now() - t0) * 1000 / N); process.exit(0); }, 2);
var s = Date.now(); while (Date.now() - s < 3) {}   // all of them due at once
JS
cat > "$tmp/console.js" <<'JS'
var N = +process.argv[2], o = { id: 7, name: 'sensor', values: [1.5, 2, 3], on: true }, t0 = Date.now();
for (var i = 0; i < N; i++) console.log(o);
console.error((Date.now() - t0) * 1000 / N);
JS
cat > "$tmp/pending.js" <<'JS'
var P = +process.argv[2];
for (var i = 0; i < P; i++) setTimeout(print, 1e6, i);
process.exit(0);
JS
echo '' > "$tmp/empty.js"

median3() { sort -g | sed -n 2p; }
imm_n=$((20000 * scale))
imm=$(for i in 1 2 3; do "$run" "$tmp/imm.js" -- $imm_n; done | median3)
rows=""
for p in 1 10 100 1000; do
	n=$((2000 * scale))
	t=$(for i in 1 2 3; do "$run" "$tmp/timers.js" -- $p $n; done | median3)
	rows="$rows| setTimeout turn: $n due at once, $p more pending | $n | $(printf '%.2f' "$t") |
"
done
cn=$((5000 * scale))
con=$(for i in 1 2 3; do "$run" "$tmp/console.js" -- $cn 2>&1 >/dev/null; done | median3)
peak() { f=$1; shift; "$run" "$f" --stats "$@" 2>&1 >/dev/null | sed -n 's/.*peak_heap_bytes=\([0-9]*\).*/\1/p'; }
empty=$(peak "$tmp/empty.js")
p0=$(peak "$tmp/pending.js" -- 0)
p1=$(peak "$tmp/pending.js" -- 10000)

mkdir -p "$out"
{
	echo "## Runtime core: event-loop turns, console, heap"
	echo
	echo "How measured: \`bench/runtime_bench.sh\` (\`make bench-runtime\`) runs small programs through"
	echo "\`tests/ferry_run\`; times are taken inside the program with \`Date.now()\` over many turns"
	echo "(median of 3 runs); heap bytes come from \`--stats\` (bytes requested by Duktape)."
	echo "Timers are kept in an unordered table, so a turn scans all pending timers (the due"
	echo "ones included): the cost grows with their number, fine for the tens of timers of IoT"
	echo "programs, linear per turn beyond that."
	echo
	echo "| what | count | µs per turn / call |"
	echo "|---|---:|---:|"
	echo "| setImmediate turn (chain) | $imm_n | $(printf '%.2f' "$imm") |"
	printf '%s' "$rows"
	echo "| console.log of a 4-property object | $cn | $(printf '%.2f' "$con") |"
	echo
	echo "| heap | bytes |"
	echo "|---|---:|"
	echo "| empty program (runtime globals + snapshot baseline) | $empty |"
	echo "| per pending timer (10000 timers with one argument) | $(( (p1 - p0) / 10000 )) |"
} > "$out/runtime.md"
echo "bench: wrote $out/runtime.md"
