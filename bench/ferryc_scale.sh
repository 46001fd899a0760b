#!/bin/bash
# bench/ferryc_scale.sh BUILDDIR SRCDIR OUTDIR -- ferryc's own speed.
#
# Builds programs of growing size (10 KB .. 10 MB; up to 1 MB with QUICK=1)
# from the bench programs, each copy wrapped in its own function so that the
# result is one valid program with many closures, and times
# `ferryc --emit-only` (parse, scope analysis, instrumentation, emitting the
# .fy.js and the C table -- not the C compiler) on each: CPU time, best of 3.
# Writes OUTDIR/ferryc.md and OUTDIR/scaling-ferryc.dat, and fits
# time = a + bytes / rate by least squares to report the throughput.
set -eu
b=${1:?usage: ferryc_scale.sh BUILDDIR SRCDIR OUTDIR}; s=${2:?}; out=${3:?}
ferryc="$b/ferryc"
# on tmpfs when there is one: ferryc fsyncs its outputs, and on this kind of
# machine a disk fsync costs ~0.1 s, which would hide ferryc's own time
tmp=${TMPDIR:-/tmp}; [ -d /dev/shm ] && [ -w /dev/shm ] && tmp=/dev/shm
work=$(mktemp -d "$tmp/ferry-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
mkdir -p "$out"

# units: each bench program inside (function () { ... });  (defined, not run)
nunits=0
for p in "$s"/bench/programs/*.js; do
	nunits=$((nunits + 1))
	{ printf '(function () {\n'; cat "$p"; printf '\n});\n'; } > "$work/unit$nunits.js"
done

if [ -n "${QUICK:-}" ]; then sizes="10000 100000 1000000"; else sizes="10000 100000 1000000 3000000 10000000"; fi
dat="$out/scaling-ferryc.dat"   # the measurements; the table and the fit read them
echo "# source_bytes seconds" > "$dat"
for target in $sizes; do
	f="$work/app.js"; : > "$f"; n=0
	while [ "$(wc -c < "$f")" -lt "$target" ]; do
		if [ $(($(wc -c < "$f") * 2)) -le "$target" ] && [ -s "$f" ]; then
			cat "$f" "$f" > "$f.2"; mv "$f.2" "$f"     # double while far below
		else
			cat "$work/unit$((n % nunits + 1)).js" >> "$f"; n=$((n + 1))
		fi
	done
	bytes=$(wc -c < "$f")
	best=
	for rep in 1 2 3; do
		# CPU seconds (user + system) of the ferryc process: wall time on a
		# shared 2-core machine mostly measures the neighbours
		t=$( { TIMEFORMAT='%3U %3S'; time "$ferryc" --emit-only -o "$work/out" "$f" >/dev/null; } 2>&1 )
		best=$(echo "$t" | awk -v best="$best" \
			'{ t = $1 + $2; if (best == "" || t < best + 0) best = t; printf "%.6f", best }')
	done
	printf '%s %.6f\n' "$bytes" "$best" >> "$dat"
done

# least-squares fit t = a + b * bytes
fit=$(awk '/^#/ { next } NF==2 { n++; sx+=$1; sy+=$2; sxx+=$1*$1; sxy+=$1*$2 }
	END { b=(n*sxy-sx*sy)/(n*sxx-sx*sx); a=(sy-b*sx)/n; printf "%.6f %.1f", a, (b>0 ? 1/b/1e6 : 0) }' "$dat")
{
	echo "## ferryc throughput"
	echo
	echo "\`ferryc --emit-only\` (parse, scopes, instrument, write .fy.js and the C table; no C compiler),"
	echo "CPU seconds (user + system), best of 3, on programs made of wrapped copies of bench/programs/*.js. Measured by \`bench/ferryc_scale.sh\`."
	echo
	echo "| source bytes | seconds | MB/s |"
	echo "|---:|---:|---:|"
	awk '/^#/ { next } NF==2 { printf "| %d | %.4f | %.1f |\n", $1, $2, ($2 > 0 ? $1/$2/1e6 : 0) }' "$dat"
	echo
	set -- $fit
	echo "Fitted: time = $1 s + bytes / ($2 MB/s)."
} > "$out/ferryc.md"
cat "$out/ferryc.md"
