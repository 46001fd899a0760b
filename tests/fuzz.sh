#!/bin/sh
# tests/fuzz.sh -- builds the libFuzzer targets (fuzz/build.sh) and runs each
# for FERRY_FUZZ_SECONDS (default 60) under ASan/UBSan:
#   json, msgpack, frame: the decoders, from the seed corpora
#     (fuzz/corpus/json, tests/data/wire, plus msgpack and frame seeds
#     written by mkseeds);
#   front: ferryc's front end (fuzz/fuzz_front.c), from the test programs
#     (tests/corpus, tests/data, bench/programs, fuzz/corpus/js), each also
#     cut at its blank lines into small pieces, with fuzz/js.dict;
#   restore: hostile snapshots restored into a device heap running
#     fuzz/restore_prog.js, from snapshots of that program taken after
#     every other turn (JSON and msgpack; ferryc builds it) and the hostile
#     snapshots of tests/data/snapshot/hostile/.
# Each target starts from the random seed FERRY_FUZZ_SEED (default 1), so
# that runs of the suite on the same code make the same mutations (nearly:
# restore's seed snapshots hold clock readings) and CI does not fail at
# random; 0 asks libFuzzer for a new seed each run (hunting for new bugs).
# Exit 77 (skip) when clang's libFuzzer is missing or FERRY_FUZZ_SECONDS=0.
# A crash leaves its input as $FERRY_BUILDDIR/fuzz/crash-TARGET-* and fails
# the test; the output names the crash's frames and prints a short input in
# base64 (CI keeps only the output: `base64 -d` gives the input back).
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
secs=${FERRY_FUZZ_SECONDS:-60}
seed=${FERRY_FUZZ_SEED:-1}
case $seed in *[!0-9]*|'') echo "fuzz: FERRY_FUZZ_SEED=$seed: not a number"; exit 1 ;; esac
[ "$secs" -gt 0 ] 2>/dev/null || { echo "fuzz: FERRY_FUZZ_SECONDS=$secs: skipped"; exit 77; }
out="$FERRY_BUILDDIR/fuzz"
sh "$FERRY_SRCDIR/fuzz/build.sh" "$FERRY_SRCDIR" "$out" "$FERRY_BUILDDIR" >"$out.build.log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
	cat "$out.build.log"
	[ $rc -eq 77 ] && exit 77
	echo "fuzz: build failed"; exit 1
fi

seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/json" "$seeds/msgpack" "$seeds/frame" "$seeds/restore" "$seeds/front"
cp "$FERRY_SRCDIR"/fuzz/corpus/json/*.json "$FERRY_SRCDIR"/tests/data/wire/*.json "$seeds/json/"
"$out/mkseeds" "$seeds" "$seeds"/json/*.json || { echo "fuzz: mkseeds failed"; exit 1; }
# restore seeds: the program's own snapshots (its timers are 1 to 40 ms)
app="$out/prog/exe"
mkdir -p "$app"
cp "$FERRY_SRCDIR/fuzz/restore_prog.js" "$app/"
"$FERRY_BUILDDIR/ferryc" "$app/restore_prog.js" -o "$app" --runtime-dir "$FERRY_BUILDDIR" \
	>"$app/build.log" 2>&1 || { cat "$app/build.log"; echo "fuzz: ferryc failed"; exit 1; }
for k in 0 2 4 6 8; do
	for fmt in json msgpack; do
		(cd "$app" && ./restore_prog --snapshot-after-turns $k --snapshot-format $fmt \
			--snapshot-to "$seeds/restore/turn$k.$fmt" >/dev/null) ||
			{ echo "fuzz: no snapshot of restore_prog after $k turns"; exit 1; }
	done
done
for f in "$FERRY_SRCDIR"/tests/data/snapshot/hostile/*.json; do
	[ -f "$f" ] && cp "$f" "$seeds/restore/"
done

# front seeds: the test programs of at most 8 KB (-max_len: a longer one is
# cut and mostly fails to parse) and their blank-line separated pieces of at
# most 2 KB (the seeds' first pass must leave most of the time for fuzzing)
k=0
for f in "$FERRY_SRCDIR"/tests/corpus/*.js "$FERRY_SRCDIR"/bench/programs/*.js \
	"$FERRY_SRCDIR"/fuzz/corpus/js/*.js $(find "$FERRY_SRCDIR/tests/data" -name '*.js'); do
	[ -f "$f" ] || continue
	k=$((k + 1))
	LC_ALL=C awk -v base="$seeds/front/p$k" '
		function put(f, s, max) { if (length(s) <= max) { printf "%s", s > f; close(f) } }
		/^[ \t]*$/ { if (buf != "") { n++; put(base "_" n ".js", buf, 2048); buf = "" } all = all $0 "\n"; next }
		{ buf = buf $0 "\n"; all = all $0 "\n" }
		END { if (buf != "" && n) { n++; put(base "_" n ".js", buf, 2048) } put(base ".js", all, 8192) }' "$f"
done

fail=0
for t in json msgpack frame front restore; do
	work="$out/corpus-$t"   # grows across runs: the inputs libFuzzer found
	mkdir -p "$work"
	dict=
	len=65536
	case $t in
	json|restore) dict="-dict=$FERRY_SRCDIR/fuzz/json.dict" ;;
	front) dict="-dict=$FERRY_SRCDIR/fuzz/js.dict"; len=8192 ;;
	esac
	echo "fuzz: $t for ${secs}s, seed $seed"
	old=$(ls "$out/crash-$t-"* 2>/dev/null)   # earlier runs' crashes: not printed
	"$out/fuzz_$t" -max_total_time="$secs" -max_len=$len -timeout=10 -rss_limit_mb=2048 \
		-seed="$seed" -print_final_stats=1 -artifact_prefix="$out/crash-$t-" $dict \
		"$work" "$seeds/$t" >"$out/fuzz_$t.log" 2>&1
	st=$?
	grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' "$out/fuzz_$t.log" | sed "s/^/fuzz: $t: /"
	if [ $st -ne 0 ]; then
		echo "fuzz: $t FAILED (exit $st); log: $out/fuzz_$t.log"
		grep -E 'ERROR|oracle|SUMMARY|Test unit written' "$out/fuzz_$t.log" | head -20
		# CI keeps only this output: name the frames and give the input back
		grep -E '^ +#[0-9]+ ' "$out/fuzz_$t.log" |
			grep -vE '__sanitizer|fuzzer::|libc\.so|pthread_kill|raise\.c|abort\.c| in main | in _start|__libc_start' |
			head -8 | sed -e "s/^ */fuzz: $t FAILED at /" -e 's/ (BuildId: [0-9a-f]*)//'

		for c in "$out/crash-$t-"* ; do
			[ -f "$c" ] || continue
			case " $(echo $old) " in *" $c "*) continue ;; esac
			n=$(wc -c <"$c")
			if [ "$n" -le 6144 ]; then
				echo "fuzz: $t FAILED on $(basename "$c") ($n bytes, base64): $(base64 -w0 "$c")"
			else
				echo "fuzz: $t FAILED on $(basename "$c") ($n bytes, too long to print)"
			fi
		done
		fail=1
	fi
done
exit $fail
