#!/bin/sh
# bench/wire_sizes.sh BUILDDIR SRCDIR -- snapshot sizes of the bench programs
# that use the event loop: each is built with ferryc, snapshotted after 20
# turns as JSON, converted to msgpack with `ferry convert`; writes the table
# to $BENCH_OUT/wire-sizes.md (or stdout). Target (issue 6): msgpack <= 0.6x JSON.
set -u
b=${1:?BUILDDIR} s=${2:?SRCDIR}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-sizes.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
out=/dev/stdout
[ -n "${BENCH_OUT:-}" ] && out="$BENCH_OUT/wire-sizes.md"
{
	echo "## Snapshot sizes: JSON vs msgpack"
	echo
	echo "Each event-loop bench program built with ferryc, \`--snapshot-after-turns 20 --snapshot-to X.json\`,"
	echo "then \`ferry convert X.json X.msgpack\`. Command: \`make bench-wire-sizes\` (bench/wire_sizes.sh)."
	echo "Target: msgpack <= 0.6x JSON."
	echo
	echo "| program | objects | JSON bytes | msgpack bytes | msgpack/JSON |"
	echo "|---|---:|---:|---:|---:|"
	for p in "$s"/bench/programs/*.js; do
		n=$(basename "$p" .js)
		cp "$p" "$tmp/$n.js"
		(cd "$tmp" && "$b/ferryc" "$n.js" -o "$tmp/bin" --runtime-dir "$b" >/dev/null 2>&1) || continue
		(cd "$tmp" && timeout 120 "$tmp/bin/$n" --snapshot-after-turns 20 --snapshot-to "$tmp/$n.json" >/dev/null 2>&1)
		[ -s "$tmp/$n.json" ] || continue   # finished before 20 turns: no event loop to speak of
		"$b/wire/ferry" convert "$tmp/$n.json" "$tmp/$n.msgpack" || continue
		j=$(wc -c <"$tmp/$n.json") m=$(wc -c <"$tmp/$n.msgpack")
		o=$("$b/wire/ferry" inspect "$tmp/$n.json" | sed -n 's/^objects: *\([0-9]*\).*/\1/p')
		echo "| $n | $o | $j | $m | $(awk "BEGIN { printf \"%.2f\", $m / $j }") |"
	done
	echo
} >"$out"
