#!/bin/sh
# tests/fuzz.sh -- builds the libFuzzer targets (fuzz/build.sh) and runs each
# for FERRY_FUZZ_SECONDS (default 60) under ASan/UBSan, from the seed
# corpora (fuzz/corpus/json, tests/data/wire, plus msgpack and frame seeds
# written by mkseeds). Exit 77 (skip) when clang's libFuzzer is missing or
# FERRY_FUZZ_SECONDS=0. A crash leaves its input as
# $FERRY_BUILDDIR/fuzz/crash-TARGET-* and fails the test.
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
secs=${FERRY_FUZZ_SECONDS:-60}
[ "$secs" -gt 0 ] 2>/dev/null || { echo "fuzz: FERRY_FUZZ_SECONDS=$secs: skipped"; exit 77; }
out="$FERRY_BUILDDIR/fuzz"
sh "$FERRY_SRCDIR/fuzz/build.sh" "$FERRY_SRCDIR" "$out" >"$out.build.log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
	cat "$out.build.log"
	[ $rc -eq 77 ] && exit 77
	echo "fuzz: build failed"; exit 1
fi

seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/json" "$seeds/msgpack" "$seeds/frame"
cp "$FERRY_SRCDIR"/fuzz/corpus/json/*.json "$FERRY_SRCDIR"/tests/data/wire/*.json "$seeds/json/"
"$out/mkseeds" "$seeds" "$seeds"/json/*.json || { echo "fuzz: mkseeds failed"; exit 1; }

fail=0
for t in json msgpack frame; do
	work="$out/corpus-$t"   # grows across runs: the inputs libFuzzer found
	mkdir -p "$work"
	dict=
	[ $t = json ] && dict="-dict=$FERRY_SRCDIR/fuzz/json.dict"
	echo "fuzz: $t for ${secs}s"
	"$out/fuzz_$t" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$out/crash-$t-" $dict \
		"$work" "$seeds/$t" >"$out/fuzz_$t.log" 2>&1
	st=$?
	grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' "$out/fuzz_$t.log" | sed "s/^/fuzz: $t: /"
	if [ $st -ne 0 ]; then
		echo "fuzz: $t FAILED (exit $st); log: $out/fuzz_$t.log"
		grep -E 'ERROR|oracle|SUMMARY|Test unit written' "$out/fuzz_$t.log" | head -20
		fail=1
	fi
done
exit $fail
