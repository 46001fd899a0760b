#!/bin/sh
# bench/report.sh OUTDIR SRCDIR -- assemble the performance report.
#
# Every bench target leaves a markdown section (OUTDIR/*.md) and, for plots,
# whitespace-separated data (OUTDIR/*.dat, '#' header line). This script
# writes SRCDIR/bench/results.md (machine, date, Duktape version, then every
# section in a fixed order) and draws SRCDIR/bench/*.svg with gnuplot when it
# is installed. It never measures anything itself.
set -u
out=${1:?usage: report.sh OUTDIR SRCDIR}
src=${2:?usage: report.sh OUTDIR SRCDIR}
res="$src/bench/results.md"
tmp="$res.tmp.$$"

duk=$(sed -n 's/^#define DUK_VERSION[ \t]*\([0-9]*\)L*$/\1/p' /usr/include/duktape.h 2>/dev/null | head -n1)
if [ -n "$duk" ]; then
	duk="$((duk / 10000)).$((duk / 100 % 100)).$((duk % 100))"
else
	duk=unknown
fi
cpu=$(sed -n 's/^model name[ \t]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)

# load average when the bench started (written by `make bench`) and ended;
# the end (time, load) is kept in OUTDIR so that re-running the report on
# the same data gives the same header
[ -f "$out/time-end" ] || date +%s > "$out/time-end"
[ -f "$out/load-end" ] || cat /proc/loadavg > "$out/load-end" 2>/dev/null
load_now=$(cut -d' ' -f1-3 "$out/load-end" 2>/dev/null)
load_start=$(cut -d' ' -f1-3 "$out/load-start" 2>/dev/null)
t1=$(cat "$out/time-end")
load="start ${load_start:-?}, end ${load_now:-?} (1/5/15 min)"
loaded=$(echo "${load_start:-0} ${load_now:-0}" | awk -v n="$ncpu" '{ if ($1 > n || $4 > n) print 1 }')
elapsed=
if [ -f "$out/time-start" ]; then
	t0=$(cat "$out/time-start")
	elapsed="$(( (t1 - t0) / 60 )) min $(( (t1 - t0) % 60 )) s (all bench targets, wall clock)"
fi

# fit FILE XCOL YCOL SCALE: least squares y = a + b x over the data lines;
# prints "points xmin xmax a rate ymax" with rate = SCALE / b (x units per
# second when y is in 1/SCALE seconds), 0 when the slope is not positive
fit() {
	awk -v xc="$2" -v yc="$3" -v sc="$4" '!/^#/ && NF >= yc && $yc != "" {
		x = $xc + 0; y = $yc + 0; n++; sx += x; sy += y; sxx += x*x; sxy += x*y
		if (n == 1 || x < xmin) xmin = x; if (n == 1 || x > xmax) { xmax = x; ymax = y } }
	END { if (n < 2) exit 1; d = n*sxx - sx*sx; if (d == 0) exit 1
		b = (n*sxy - sx*sy) / d; a = (sy - b*sx) / n
		printf "%d %d %d %.6g %.6g %.6g\n", n, xmin, xmax, a, (b > 0 ? sc / b : 0), ymax }' "$1"
}
human() { # bytes -> short text
	awk -v b="$1" 'BEGIN { if (b >= 1e6) printf "%.1f MB", b/1e6; else if (b >= 1e3) printf "%.1f KB", b/1e3; else printf "%d B", b }'
}
# fitrow LABEL FILE XCOL YCOL SCALE UNIT: one row of the scaling table
fitrow() {
	r=$(fit "$2" "$3" "$4" "$5") || return 0
	set -- "$1" "$6" $r
	echo "| $1 | $3 | $(human "$4") .. $(human "$5") | $(awk -v a="$6" -v u="$2" 'BEGIN { if (a < 0) printf "~0 (fit: %.3g %s)", a, u; else printf "%.3g %s", a, u }') | $(awk -v r="$7" 'BEGIN { if (r > 0) printf "%.2f", r/1e6; else printf "n/a" }') | $(awk -v y="$8" -v u="$2" 'BEGIN { printf "%.4g %s", y, u }') |"
}
# gmean FILE COL: geometric mean of the positive values of a column
gmean() {
	awk -v c="$2" '!/^#/ && $c + 0 > 0 { n++; s += log($c) } END { if (n) printf "%.3f", exp(s / n) }' "$1"
}

scaling_section() {
	[ -f "$out/scaling-snapshot.dat" ] || [ -f "$out/scaling-migrate.dat" ] || \
		[ -f "$out/scaling-ferryc.dat" ] || return 0
	echo "## Scaling: fitted throughput"
	echo
	echo "Least-squares fit of time = fixed cost + size / throughput over every measured size"
	echo "(data: the scaling-*.dat files of the snapshot, migration and ferryc sections; drawn in scaling-heap.svg and"
	echo "scaling-ferryc.svg). Live heap sizes are the bytes of the data graph (snapshot bench) or"
	echo "the allocator bytes of the whole device heap (migration, which includes the runtime's"
	echo "own ~0.34 MB baseline). Cost that grows linearly shows as a stable throughput"
	echo "across the per-size rows of each section. The fit is dominated by the largest sizes;"
	echo "a negative fixed cost means the small sizes cost relatively less than the large ones"
	echo "(caches, allocator growth), not that they are free."
	echo
	echo "| what | sizes | range | fixed cost | throughput MB/s | time at largest |"
	echo "|---|---:|---|---:|---:|---:|"
	s="$out/scaling-snapshot.dat"
	if [ -f "$s" ]; then
		fitrow "snapshot (take + JSON encode), per live heap byte" "$s" 1 2 1000 ms
		fitrow "restore (JSON decode + rebuild), per live heap byte" "$s" 1 3 1000 ms
		fitrow "reference: Duktape JSON.stringify of the same graph" "$s" 1 4 1000 ms
		fitrow "reference: Duktape JSON.parse of the same text" "$s" 1 5 1000 ms
	fi
	[ -f "$out/scaling-migrate.dat" ] && \
		fitrow "migration over loopback (trigger to first callback on the target)" "$out/scaling-migrate.dat" 1 2 1000 ms
	[ -f "$out/scaling-ferryc.dat" ] && \
		fitrow "ferryc (parse, instrument, emit), per source byte" "$out/scaling-ferryc.dat" 1 2 1 s
	if [ -f "$s" ]; then
		echo
		awk '!/^#/ && NF >= 7 { l = $1; j = $6; m = $7 } END { if (l > 0)
			printf "Snapshot size at the largest heap (%d live bytes): JSON %d bytes (%.2f per live byte), msgpack %d bytes (%.2f per live byte, %.2fx JSON).\n", l, j, j/l, m, m/l, (j > 0 ? m/j : 0) }' "$s"
	fi
	echo
}

headline_section() {
	o="$out/overhead.dat"
	[ -f "$o" ] || [ -f "$out/scaling-snapshot.dat" ] || return 0
	echo "## Headline figures"
	echo
	if [ -f "$o" ]; then
		gi=$(gmean "$o" 2); gw=$(gmean "$o" 3); gh=$(gmean "$o" 4)
		echo "- Instrumentation overhead, geometric mean over $(grep -vc '^#' "$o") programs (instrumented / plain):" \
			"instructions ${gi:-n/a (not measured in a quick run)}, wall time ${gw:-n/a}, peak heap ${gh:-n/a}."
	fi
	s="$out/scaling-snapshot.dat"
	if [ -f "$s" ]; then
		r1=$(fit "$s" 1 2 1000 | cut -d' ' -f5); r2=$(fit "$s" 1 3 1000 | cut -d' ' -f5)
		r3=$(fit "$s" 1 4 1000 | cut -d' ' -f5); r4=$(fit "$s" 1 5 1000 | cut -d' ' -f5)
		awk -v a="$r1" -v b="$r2" -v c="$r3" -v d="$r4" 'BEGIN {
			printf "- Snapshot %.1f MB/s of live heap (JSON.stringify of the same data: %.1f MB/s); restore %.1f MB/s (JSON.parse: %.1f MB/s).\n", a/1e6, c/1e6, b/1e6, d/1e6 }'
	fi
	if [ -f "$out/scaling-migrate.dat" ]; then
		awk '!/^#/ && NF >= 2 { if (!n++) { x0 = $1; y0 = $2 } x1 = $1; y1 = $2 } END { if (n)
			printf "- Migration over loopback: %.1f ms with a %.2f MB device heap, %.1f ms with %.2f MB.\n", y0, x0/1e6, y1, x1/1e6 }' "$out/scaling-migrate.dat"
	fi
	if [ -f "$out/scaling-ferryc.dat" ]; then
		r=$(fit "$out/scaling-ferryc.dat" 1 2 1 | cut -d' ' -f5)
		awk -v r="$r" 'BEGIN { printf "- ferryc: %.2f MB/s of source (fitted, CPU time).\n", r/1e6 }'
	fi
	echo
}

{
	echo "# Ferry performance report"
	echo
	echo "Generated by \`make bench\` (\`make bench-quick\` for a small run)."
	echo
	echo "| | |"
	echo "|---|---|"
	echo "| date | $(date -u -d "@$t1" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || date -u '+%Y-%m-%d %H:%M UTC') |"
	echo "| machine | ${cpu:-unknown}, $ncpu cores, ${mem:-?} |"
	echo "| system | $(uname -srm) |"
	echo "| Duktape | $duk (Debian duktape-dev) |"
	echo "| compiler | $(${CC:-cc} --version 2>/dev/null | head -n1) |"
	if [ -n "${QUICK:-}" ]; then run="quick (make bench-quick: small sizes, fewer repetitions)"; else run="full (make bench)"; fi
	echo "| run | $run |"
	[ -z "$elapsed" ] || echo "| bench wall time | $elapsed |"
	echo "| load average | $load |"
	echo
	if [ -n "$loaded" ]; then
		echo "**The machine was loaded during this run** (load average above the number of"
		echo "cores: other builds and tests were running). Wall times, latencies and wall"
		echo "ratios are inflated and noisy; instruction counts (callgrind) and the CPU-time"
		echo "figures are not affected much."
		echo
	fi
	echo "How to read it: *ratios* compare the instrumented build of a program with its"
	echo "plain build (\`ferryc --plain\`) measured in the same run, so 1.00 means no"
	echo "overhead. Instruction counts come from \`valgrind --tool=callgrind\` and are"
	echo "repeatable; wall times are medians of alternating runs and are noisy on"
	echo "shared machines. Scaling tables give time against live heap (or source)"
	echo "size; the fitted slope is the throughput in bytes per second."
	echo
	headline_section
	n=0; scaled=
	order="instrument snapshot snapshot-profile wire-sizes wire migrate ferryc lexer parser runtime patterns"
	for name in $order; do
		[ -f "$out/$name.md" ] || continue
		cat "$out/$name.md"; echo; n=$((n + 1))
		case $name in
		instrument) [ -f "$out/overhead.dat" ] && { echo "![overhead per program](overhead.svg)"; echo; } ;;
		migrate) scaling_section; scaled=1
			if [ -f "$out/scaling-snapshot.dat" ] || [ -f "$out/scaling-migrate.dat" ]; then
				echo "![scaling with live heap](scaling-heap.svg)"; echo
			fi ;;
		ferryc) [ -f "$out/scaling-ferryc.dat" ] && { echo "![ferryc scaling](scaling-ferryc.svg)"; echo; } ;;
		esac
	done
	for f in "$out"/*.md; do
		[ -f "$f" ] || continue
		case " $order " in
		*" $(basename "$f" .md) "*) ;;
		*) cat "$f"; echo; n=$((n + 1)) ;;
		esac
	done
	[ -n "$scaled" ] || scaling_section
	[ "$n" -gt 0 ] || echo "(no bench section was produced)"
} > "$tmp" && mv -f "$tmp" "$res" || { rm -f "$tmp"; exit 1; }
echo "bench: wrote $res"

command -v gnuplot >/dev/null 2>&1 || { echo "bench: gnuplot not found, no plots"; exit 0; }
plot() { # name script
	gnuplot -e "set terminal svg size 720,420 dynamic noenhanced font 'sans,11'; set output '$src/bench/$1.svg'; $2" \
		&& echo "bench: wrote $src/bench/$1.svg"
}
if [ -f "$out/overhead.dat" ]; then
	# a quick run has no instruction counts (ratio 0): leave that series out
	if [ -n "$(gmean "$out/overhead.dat" 2)" ]; then
		series="using 2:xtic(1) title 'instructions', '' using 3 title 'wall time', '' using 4 title 'peak heap',"
	else
		series="using 3:xtic(1) title 'wall time', '' using 4 title 'peak heap',"
	fi
	plot overhead "set title 'Instrumented / plain, per program'; set style data histograms; \
set style histogram clustered gap 1; set style fill solid 0.6 border -1; set yrange [0:*]; \
set ylabel 'ratio (1.0 = no overhead)'; set xtics rotate by -30; set key top left; set grid ytics; \
plot '$out/overhead.dat' $series 1 with lines lc rgb 'black' dt 2 notitle"
fi
if [ -f "$out/scaling-snapshot.dat" ] || [ -f "$out/scaling-migrate.dat" ]; then
	cmd="set title 'Time against live heap size'; set logscale xy; set format x '%.0s %cB'; set xlabel 'live heap bytes'; \
set ylabel 'ms'; set key top left; set grid; plot "
	sep=
	if [ -f "$out/scaling-snapshot.dat" ]; then
		cmd="$cmd'$out/scaling-snapshot.dat' using 1:2 with linespoints title 'snapshot', \
'' using 1:3 with linespoints title 'restore', '' using 1:4 with linespoints dt 2 title 'JSON.stringify', \
'' using 1:5 with linespoints dt 2 title 'JSON.parse'"
		sep=", "
	fi
	if [ -f "$out/scaling-migrate.dat" ]; then
		cmd="$cmd$sep'$out/scaling-migrate.dat' using 1:2 with linespoints title 'migration (loopback)'"
	fi
	plot scaling-heap "$cmd"
fi
if [ -f "$out/scaling-ferryc.dat" ]; then
	plot scaling-ferryc "set title 'ferryc time against source size'; set logscale xy; \
set format x '%.0s %cB'; set xlabel 'source bytes'; set ylabel 'seconds'; set grid; set key top left; \
plot '$out/scaling-ferryc.dat' using 1:2 with linespoints title 'ferryc (parse, instrument, emit)'"
fi
exit 0
