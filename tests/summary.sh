#!/bin/sh
# tests/summary.sh DIR -- print the Check summary of every test log in DIR
# and a final line summing them, in Check's own format (a failed script
# suite counts as one check in error). Exits non-zero when any test failed,
# errored, or when no Check summary was found.
dir=${1:-tests}
total=0; fail=0; err=0; found=0; scriptfail=0
for log in "$dir"/*.log; do
	[ -f "$log" ] || continue
	case $log in */test-suite.log) continue ;; esac
	line=$(grep -E '^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		# Not a Check runner (or it crashed before its summary): show its
		# tail; when it failed, first the lines saying what failed, and count
		# it as one check in error so the closing line cannot read 100%.
		name=$(basename "$log" .log)
		if grep -q '^:test-result: \(FAIL\|ERROR\)' "${log%.log}.trs" 2>/dev/null; then
			echo "== $name: FAILED; what failed, then the last lines:"
			grep -E 'FAIL|ERROR|not ok|^fail|Test unit written|SUMMARY' "$log" |
				grep -v '^PASS\|^XFAIL' | head -n 30 | sed 's/^/   /'
			echo "   ..."
			total=$((total + 1)); err=$((err + 1)); scriptfail=$((scriptfail + 1))
		else
			echo "== $name: no Check summary; last lines:"
		fi
		tail -n 5 "$log" | sed 's/^/   /'
		continue
	fi
	found=1
	echo "== $(basename "$log" .log): $line"
	# failure lines come after Check's summary line
	grep -E ':[FE]:' "$log" | head -n 20 | sed 's/^/   /'
	n=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
	f=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
	e=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
	total=$((total + n)); fail=$((fail + f)); err=$((err + e))
done
if [ "$found" = 0 ]; then echo "no Check summary found in $dir/*.log"; exit 1; fi
pct=100
if [ "$total" -gt 0 ]; then pct=$(( (total - fail - err) * 100 / total )); fi
[ "$scriptfail" = 0 ] || echo "$scriptfail script suite(s) failed: each counted below as one check in error"
echo "All suites:"
echo "$pct%: Checks: $total, Failures: $fail, Errors: $err"
[ "$fail" = 0 ] && [ "$err" = 0 ]
