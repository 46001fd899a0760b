#!/bin/sh
# tests/ferry_tool.sh -- end-to-end tests of the `ferry` tool (wire/ferry):
# inspect, convert (json <-> msgpack round trip, byte-identical), verify
# (by --print-hash and by searching the executable), clear errors for bad
# snapshots and usage mistakes. Uses tests/data/wire/sample.json (written by
# `tests/check_wire --write-sample FILE`).
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
ferry="$FERRY_BUILDDIR/wire/ferry"
sample="$FERRY_SRCDIR/tests/data/wire/sample.json"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-tool.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
pass=0 fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect STATUS GREP-PATTERN-IN-OUTPUT(stdout+stderr) -- command...
expect() {
	want=$1 pat=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" != "$want" ]; then
		ko "$* -> exit $st, want $want"; cat "$tmp/err"; return
	fi
	if [ -n "$pat" ] && ! cat "$tmp/out" "$tmp/err" | grep -q -- "$pat"; then
		ko "$* -> output lacks '$pat'"; cat "$tmp/out" "$tmp/err"; return
	fi
	ok
}

hash=$(sed -n 's/.*"hash":"\([0-9a-f]*\)".*/\1/p' "$sample")
[ ${#hash} -eq 64 ] || { echo "no hash in $sample"; exit 99; }

# help and usage
expect 0 "inspect" "$ferry" --help
expect 0 "print-hash" "$ferry" verify --help
expect 0 "snapshot format version 1" "$ferry" --version
expect 2 "unknown command" "$ferry" frobnicate
expect 2 "which snapshot" "$ferry" inspect
expect 2 "unknown option" "$ferry" inspect --bogus "$sample"

# inspect
expect 0 "program hash:  $hash" "$ferry" inspect "$sample"
expect 0 "1 timeout, 1 interval, 1 immediate" "$ferry" inspect "$sample"
expect 0 "global.fn.<scope>" "$ferry" inspect "$sample"
expect 0 "function#17 = global.fn" "$ferry" inspect "$sample"
expect 0 "environment" "$ferry" inspect --top 3 "$sample"
expect 0 '"format":"ferry-snapshot"' "$ferry" inspect --json "$sample"
expect 0 "program hash" "$ferry" inspect - <"$sample"
# integrity: not extensible, sealed, frozen (a plain buffer is never extensible: not counted)
z=0000000000000000000000000000000000000000000000000000000000000000
printf '%s' '{"format":"ferry-snapshot","version":1,"hash":"'$z'","created":0,"next_timer_id":1,' \
	'"next_seq":0,"globals":[["a",{"ref":1}],["b",{"ref":2}],["c",{"ref":3}],["d",{"ref":4}]],' \
	'"symbols":[],"objects":[{"kind":"object","extensible":false,"proto":null,"props":[]},' \
	'{"kind":"object","extensible":false,"sealed":true,"proto":null,"props":[]},' \
	'{"kind":"array","extensible":false,"sealed":true,"frozen":true,"proto":null,"props":[["length",0,""]]},' \
	'{"kind":"plainbuffer","extensible":false,"proto":{"builtin":"Uint8Array.prototype"},"bytes":"","props":[]}],' \
	'"timers":[],"patches":[]}' >"$tmp/fixed.json"
expect 0 "integrity: *3 not extensible, 2 of them sealed, 1 frozen" "$ferry" inspect "$tmp/fixed.json"

# the example of doc/snapshot-format.md decodes
awk '/^## 6. Example/ { f = 1 } f && /^```json/ { g = 1; next } g && /^```/ { exit } g' \
	"$FERRY_SRCDIR/doc/snapshot-format.md" >"$tmp/doc.json"
expect 0 "roots: *7 globals" "$ferry" inspect "$tmp/doc.json"

# convert: json -> msgpack -> json is byte-identical to inspect --json
"$ferry" inspect --json "$sample" >"$tmp/a.json" || ko "inspect --json"
expect 0 "" "$ferry" convert "$tmp/a.json" "$tmp/b.msgpack"
expect 0 "" "$ferry" convert --pretty "$tmp/b.msgpack" "$tmp/c.json"
if cmp -s "$tmp/a.json" "$tmp/c.json"; then ok; else
	ko "json -> msgpack -> json differs"; diff "$tmp/a.json" "$tmp/c.json" | head -5
fi
msz=$(wc -c <"$tmp/b.msgpack") jsz=$(wc -c <"$tmp/a.json")
[ "$msz" -lt "$jsz" ] && ok || ko "msgpack ($msz) not smaller than json ($jsz)"
expect 0 "" "$ferry" convert --to json "$tmp/b.msgpack" - 
expect 2 "use --to" "$ferry" convert "$sample" "$tmp/noext"
expect 2 "" "$ferry" convert --to xml "$sample" "$tmp/x.json"
expect 1 "No such file" "$ferry" convert "$tmp/missing.json" "$tmp/x.json"
# an output that is not a regular file (a FIFO here; /dev/null in real use) is
# written to, never replaced by a renamed temporary file
if mkfifo "$tmp/fifo" 2>/dev/null; then
	timeout 20 cat "$tmp/fifo" >"$tmp/fifo.out" &
	reader=$!
	expect 0 "" "$ferry" convert --pretty --to json "$tmp/b.msgpack" "$tmp/fifo"
	[ -p "$tmp/fifo" ] && ok || { ko "convert replaced a FIFO by a regular file"; kill $reader 2>/dev/null; }
	wait $reader
	cmp -s "$tmp/fifo.out" "$tmp/a.json" && ok || ko "convert into a FIFO: wrong bytes"
fi
[ ! -e "$tmp/x.json" ] && ok || ko "convert of a missing file wrote output"
# OUT a directory: said at once, in one line; nothing is left in it
mkdir "$tmp/dir.json"
expect 1 "^ferry: convert: $tmp/dir\.json: is a directory" "$ferry" convert "$sample" "$tmp/dir.json"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && [ -z "$(ls -A "$tmp/dir.json")" ] && [ -z "$(ls -A "$tmp" | grep '\.tmp')" ] && ok ||
	ko "convert into a directory: not one line, or files left"
# options with a value as --opt=VALUE (as the device executable takes them),
# and --max-bytes (with a suffix) before the command as after it
expect 0 "program hash:  $hash" "$ferry" inspect --top=2 "$sample"
expect 0 "" "$ferry" convert --to=msgpack "$sample" "$tmp/eq.out"
cmp -s "$tmp/eq.out" "$tmp/b.msgpack" && ok || ko "convert --to=msgpack: not the msgpack of the sample"
expect 1 "larger than the limit (100 bytes)" "$ferry" --max-bytes 100 inspect "$sample"
expect 1 "larger than the limit (1024 bytes)" "$ferry" inspect --max-bytes=1k "$sample"
expect 0 "program hash" "$ferry" --max-bytes=1m inspect "$sample"
expect 2 "--max-bytes '1x': not a positive number" "$ferry" --max-bytes 1x inspect "$sample"
# -- ends the options: a file whose name starts with '-'
cp "$sample" "$tmp/-s.json"
expect 0 "program hash:  $hash" sh -c 'cd "$1" && shift && "$@"' sh "$tmp" "$ferry" inspect --top 2 -- -s.json
expect 0 "" sh -c 'cd "$1" && shift && "$@"' sh "$tmp" "$ferry" convert --to msgpack -- -s.json -s.msgpack
cmp -s "$tmp/-s.msgpack" "$tmp/b.msgpack" && ok || ko "convert -- -s.json -s.msgpack"

# bad snapshots: one clear line with the byte offset, exit 1
head -c 300 "$sample" >"$tmp/trunc.json"
expect 1 "trunc.json: byte [0-9]*: " "$ferry" inspect "$tmp/trunc.json"
head -c 20 "$tmp/b.msgpack" >"$tmp/trunc.msgpack"
expect 1 "trunc.msgpack: byte [0-9]*: " "$ferry" inspect "$tmp/trunc.msgpack"
sed 's/"version":1/"version":7/' "$sample" >"$tmp/v7.json"
expect 1 "unsupported snapshot version 7" "$ferry" inspect "$tmp/v7.json"
sed 's/{"ref":14}/{"ref":99}/' "$sample" >"$tmp/ref.json"
expect 1 "object 99, which does not exist" "$ferry" inspect "$tmp/ref.json"
printf 'hello' >"$tmp/hello.txt"
expect 1 "byte 0: not a snapshot" "$ferry" inspect "$tmp/hello.txt"
expect 1 "larger than the limit" "$ferry" inspect --max-bytes 100 "$sample"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok || ko "error is not one line"

# verify: by --print-hash
cat >"$tmp/app" <<EOS
#!/bin/sh
[ "\$1" = --print-hash ] && { echo $hash; exit 0; }
echo "the program ran" >&2; exit 3
EOS
chmod +x "$tmp/app"
expect 0 "ok: .* can resume" "$ferry" verify "$sample" --app "$tmp/app"
expect 0 "ok: .* can resume" "$ferry" verify "$sample" --app="$tmp/app"
expect 0 "ok: .* can resume" sh -c 'cd "$1" && shift && "$@"' sh "$tmp" "$ferry" verify --app "$tmp/app" -- -s.json
sed "s/$hash/$(echo "$hash" | tr 0-9a-f 1-9a-f0)/" "$tmp/app" >"$tmp/other"
chmod +x "$tmp/other"
expect 1 "taken by another program" "$ferry" verify "$sample" --app "$tmp/other"
expect 1 "taken by another program" "$ferry" verify "$tmp/b.msgpack" --app "$tmp/other"
expect 2 "needs SNAP and --app" "$ferry" verify "$sample"
expect 1 "No such file" "$ferry" verify "$sample" --app "$tmp/nothere"
expect 1 "byte" "$ferry" verify "$tmp/trunc.json" --app "$tmp/app"
# verify without running: the raw hash bytes inside the executable
{ printf 'ELF-ish header'; echo "$hash" | LC_ALL=C awk '{ for (i = 1; i < 64; i += 2) printf "%c", ("0x" substr($0, i, 2)) + 0 }'; printf 'trailer'; } >"$tmp/bin" 2>/dev/null
if LC_ALL=C awk 'BEGIN { printf "%c", ("0x41") + 0 }' | grep -q A; then
	expect 0 "contains the program hash" "$ferry" verify "$sample" --app "$tmp/bin" --no-exec
else
	# this awk cannot turn hex strings into numbers: build the bytes with printf octal
	oct=$(echo "$hash" | LC_ALL=C awk '{ for (i = 1; i < 64; i += 2) { n = 0; for (j = 0; j < 2; j++) n = n * 16 + index("0123456789abcdef", substr($0, i + j, 1)) - 1; printf "\\%03o", n } }')
	{ printf 'ELF-ish header'; printf "$oct"; printf 'trailer'; } >"$tmp/bin"
	expect 0 "contains the program hash" "$ferry" verify "$sample" --app "$tmp/bin" --no-exec
fi
expect 1 "does not contain its hash" "$ferry" verify "$sample" --app "$tmp/hello.txt" --no-exec
expect 0 "not run" "$ferry" verify "$sample" --app "$tmp/bin"
# a program that runs but is not this one's device executable: one line
printf '#!/bin/sh\nexit 0\n' >"$tmp/notferry"
chmod +x "$tmp/notferry"
expect 1 "does not contain its hash .* (and it does not answer --print-hash)$" "$ferry" verify "$sample" --app "$tmp/notferry"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok || { ko "verify of a non-Ferry program: not one line"; cat "$tmp/err"; }
# one that ignores --print-hash and runs on: killed after 10 s, not waited
# for (timeout 60: a hang fails with status 124)
printf '#!/bin/sh\nexec sleep 300\n' >"$tmp/hangs"
chmod +x "$tmp/hangs"
expect 1 "(and it does not answer --print-hash within 10 seconds)$" timeout 60 "$ferry" verify "$sample" --app "$tmp/hangs"

# a real device executable (when ferryc and libferry build in this tree):
# snapshot after 3 turns, verify, convert to msgpack, resume: the output
# continues exactly where it stopped; another program's snapshot is refused
if [ -x "$FERRY_BUILDDIR/ferryc" ] && (cd "$tmp" && cp "$FERRY_SRCDIR/tests/data/wire/counter.js" app.js &&
	"$FERRY_BUILDDIR/ferryc" app.js -o "$tmp/build" --runtime-dir "$FERRY_BUILDDIR" >"$tmp/ferryc.log" 2>&1); then
	app="$tmp/build/app"
	"$app" >"$tmp/full.out" 2>&1 || ko "app run"
	(cd "$tmp" && "$app" --snapshot-after-turns 3 --snapshot-to "$tmp/s.json" >"$tmp/part1.out" 2>&1) || ko "app snapshot"
	expect 0 "ok: .* can resume" "$ferry" verify "$tmp/s.json" --app "$app"
	expect 0 "contains the program hash" "$ferry" verify "$tmp/s.json" --app "$app" --no-exec
	expect 0 "global.acc.<scope>" "$ferry" inspect "$tmp/s.json"
	expect 0 "1 interval" "$ferry" inspect "$tmp/s.json"
	expect 0 "" "$ferry" convert "$tmp/s.json" "$tmp/s.msgpack"
	expect 0 "ok: .* can resume" "$ferry" verify "$tmp/s.msgpack" --app "$app"
	"$app" --resume "$tmp/s.msgpack" >"$tmp/part2.out" 2>&1 || ko "app resume"
	cat "$tmp/part1.out" "$tmp/part2.out" | cmp -s - "$tmp/full.out" && ok || ko "snapshot+convert+resume output differs"
	expect 1 "taken by another program" "$ferry" verify "$sample" --app "$app"
else
	echo "ferry_tool: ferryc/libferry not usable here: real-app checks skipped"
fi

echo "ferry_tool: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
