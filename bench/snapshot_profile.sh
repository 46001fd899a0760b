#!/bin/sh
# bench/snapshot_profile.sh -- where a snapshot's time goes, in instructions
# (valgrind --tool=callgrind, repeatable on a loaded machine), against
# Duktape's JSON.stringify of the same data graph (issue 5's yardstick).
#
#   bench/snapshot_profile.sh SNAPSHOT_BENCH OUTDIR [RECORDS [ENUM_COST]]
#
# Runs `SNAPSHOT_BENCH --records N` twice under callgrind, counting only
# sb_stringify (JSON.stringify) and only rt_snapshot_take (the walk), and
# writes OUTDIR/snapshot-profile.md: the walk split into the two property
# reads Duktape's public API offers for a getter-free snapshot (the property
# descriptor; the key enumeration) and the rest, per property and as a
# multiple of stringify's whole cost per property. With ENUM_COST
# (bench/enum_cost) it also counts the other ways of listing the same
# graph's keys.
set -u
exe=$1
out=$2
n=${3:-2000}
ec=${4:-}

command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1 || {
	echo "snapshot_profile: valgrind not found, no instruction profile"
	exit 0
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/snapprof.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# profile NAME FUNCTION COMMAND...: one callgrind run collecting FUNCTION only
profile() {
	name=$1 fn=$2
	shift 2
	valgrind --tool=callgrind --callgrind-out-file="$tmp/$name.cg" --toggle-collect="$fn" \
		"$@" > "$tmp/$name.out" 2> "$tmp/$name.err" || {
		echo "snapshot_profile: callgrind run of $1 failed:"; tail -n 5 "$tmp/$name.err"; exit 1; }
	callgrind_annotate --inclusive=yes "$tmp/$name.cg" > "$tmp/$name.txt" 2>/dev/null || exit 1
}
# incl NAME FUNCTION: FUNCTION's inclusive instructions in profile NAME (0 if absent)
incl() {
	awk -v f="$2" '
		{ for (i = 1; i <= NF; i++) if ($i ~ (":" f "$")) { v = $1; gsub(",", "", v); if (v + 0 > m) m = v + 0 } }
		END { printf "%.0f\n", m + 0 }' "$tmp/$1.txt"
}
total() {
	awk '/PROGRAM TOTALS/ { v = $1; gsub(",", "", v); print v; exit }' "$tmp/$1.txt"
}

profile stringify sb_stringify "$exe" --records "$n"
profile walk rt_snapshot_take "$exe" --records "$n"
if [ -n "$ec" ]; then
	for m in enum both ownkeys; do
		profile "ec-$m" ec_list "$ec" "$m" "$n"
	done
fi
set -- $(cat "$tmp/walk.out")   # records N objects N properties N ...
objs=$4
props=$6
str=$(total stringify)
walk=$(total walk)
desc=$(incl walk duk_get_prop_desc)
descf=$(incl walk sw_desc_flags)
en=$(incl walk duk_enum)
nx=$(incl walk duk_next)

{
	echo "### Where a snapshot's time goes (instructions)"
	echo
	echo "\`bench/snapshot_profile.sh\`: \`valgrind --tool=callgrind\` of \`bench/snapshot_bench --records $n\`"
	echo "($objs objects, $props properties), counting JSON.stringify of the graph (sb_stringify) and the"
	echo "snapshot walk (rt_snapshot_take) separately."
	echo
	echo "| part | instructions | per property | x stringify |"
	echo "|---|---:|---:|---:|"
	awk -v s="$str" -v w="$walk" -v d="$desc" -v df="$descf" -v e="$en" -v x="$nx" -v p="$props" '
	function row(name, v) { printf "| %s | %.1f M | %.0f | %.2f |\n", name, v / 1e6, v / p, v / s }
	BEGIN {
		row("JSON.stringify, the whole job", s)
		row("**snapshot walk, the whole job**", w)
		row("- property descriptors: duk_get_prop_desc and reading its fields", d + df)
		row("- key enumeration: duk_enum and duk_next", e + x)
		row("- everything else (values, identity map, model, built-ins)", w - d - df - e - x)
	}'
	if [ -n "$ec" ]; then
		echo
		echo "Listing the same graph's own keys other ways (\`bench/enum_cost MODE $n\`, a plain Duktape heap):"
		echo
		echo "| keys listed with | instructions | x stringify |"
		echo "|---|---:|---:|"
		for m in enum both ownkeys; do
			case $m in
			enum) what="duk_enum + duk_next, all keys (the walker's way)" ;;
			both) what="Reflect.ownKeys, plus duk_enum of the hidden keys and symbols" ;;
			ownkeys) what="Reflect.ownKeys alone (no hidden keys: not enough for the walker)" ;;
			esac
			awk -v s="$str" -v v="$(total "ec-$m")" -v what="$what" \
				'BEGIN { printf "| %s | %.1f M | %.2f |\n", what, v / 1e6, v / s }'
		done
	fi
	echo
	awk -v s="$str" -v w="$walk" -v d="$desc" -v df="$descf" -v e="$en" -v x="$nx" 'BEGIN {
		printf "duk_get_prop_desc is the only call in Duktape'"'"'s public API that reads a property without\n"
		printf "running a getter or a Proxy trap, and it builds a descriptor object per property; duk_enum\n"
		printf "is the only one that lists hidden keys (the site tags of closures) with the others. Together\n"
		printf "they cost %.2fx stringify; without the descriptors the walk would still be %.2fx.\n", (d + df + e + x) / s, (w - d - df) / s
		printf "Skipping descriptors safely needs to know which objects may hold an accessor or a\n"
		printf "non-default attribute: see doc/measurements.md, \"Snapshot speed\".\n"
	}'
} > "$out/snapshot-profile.md"
cat "$out/snapshot-profile.md"
