#!/bin/sh
# tests/embed_modes.sh -- a native build embeds the program as Duktape
# bytecode, a cross build (--cc) as source text (FERRY_EMBED=source here):
# both must have the same program hash and take each other's snapshots, the
# way a program moves to a device of another CPU architecture. For each
# program of tests/data/embed and tests/data/snapshot/closures.js and
# kinds.js, for k = 1..4 and both directions: snapshot after k turns in one
# build, resume in the other; the output before plus after equals the
# uninterrupted run of the first build, with the same exit status.
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
ferryc="$FERRY_BUILDDIR/ferryc"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-embed.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
fails=0 checks=0
# a libferry built with --enable-sanitizers needs the same flags at link time
san=$(sed -n 's/^FERRY_SAN_FLAGS = //p' "$FERRY_BUILDDIR/Makefile" 2>/dev/null)

build() { # SRC NAME MODE -> $tmp/MODE/NAME/NAME
	d="$tmp/$3/$2"
	mkdir -p "$d" && cp "$1" "$d/$2.js" || return 1
	(cd "$d" && FERRY_EMBED=$3 "$ferryc" "$2.js" -o . --runtime-dir "$FERRY_BUILDDIR" \
		${san:+--cflags "-O1 $san"}) >"$d/build.log" 2>&1 || {
		echo "FAIL: ferryc could not build $2 ($3):"; cat "$d/build.log"; return 1; }
	grep -q "the program as ${4:-}" "$d/${2}_restore.c" || {
		echo "FAIL: $2 ($3) is not embedded as ${4:-}"; return 1; }
}

for src in "$FERRY_SRCDIR"/tests/data/embed/*.js "$FERRY_SRCDIR"/tests/data/snapshot/closures.js \
	   "$FERRY_SRCDIR"/tests/data/snapshot/kinds.js; do
	n=$(basename "$src" .js)
	build "$src" "$n" bytecode "Duktape bytecode" || { fails=$((fails + 1)); continue; }
	build "$src" "$n" source "source text" || { fails=$((fails + 1)); continue; }
	for from in bytecode source; do
		to=bytecode; [ $from = bytecode ] && to=source
		a="$tmp/$from/$n/$n" b="$tmp/$to/$n/$n" w="$tmp/$from/$n"
		"$a" >"$w/ref.out" 2>"$w/ref.err"; st0=$?
		k=1
		while [ $k -le 4 ]; do
			checks=$((checks + 1))
			rm -f "$w/s.json"
			"$a" --snapshot-after-turns $k --snapshot-to "$w/s.json" >"$w/a.out" 2>"$w/a.err"
			if [ -s "$w/s.json" ]; then
				"$b" --resume "$w/s.json" >"$w/b.out" 2>"$w/b.err"; st=$?
			else
				: >"$w/b.out"; st=0   # the program ended before turn k
			fi
			cat "$w/a.out" "$w/b.out" >"$w/all.out"
			if [ "$st" = "$st0" ] && cmp -s "$w/ref.out" "$w/all.out"; then
				echo "ok $n: $from -> $to after $k turns"
			else
				echo "FAIL $n: $from -> $to after $k turns (status $st, expected $st0)"
				cat "$w/b.err"; diff "$w/ref.out" "$w/all.out" | head -5
				fails=$((fails + 1))
			fi
			k=$((k + 1))
		done
	done
done
echo "embed_modes: $checks checks, $fails failed"
[ "$fails" = 0 ] && [ "$checks" -gt 0 ]
