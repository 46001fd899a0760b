#!/bin/sh
# tests/cli.sh -- the "no surprises" bar of the three command lines (ferryc,
# a device executable, the ferry tool) as a new user meets them: bad input
# and bad options give ONE line on stderr naming the file (file:line:col for
# source, byte offset for snapshots) and a non-zero status, never a crash,
# a hang, a partial output file or a silently ignored argument; --help goes
# to stdout with status 0; a runtime error names the user's file and line.
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
ferryc="$FERRY_BUILDDIR/ferryc"
ferry="$FERRY_BUILDDIR/wire/ferry"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-cli.XXXXXX") || exit 99
bg=
trap '[ -n "$bg" ] && kill $bg 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
cd "$tmp" || exit 99
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

# a command that should fail at once but waits (a listener on a bad port)
# must not hang the suite: it fails with status 124
to=
command -v timeout >/dev/null 2>&1 && to="timeout 60"

# expect STATUS ERE-ON-STDERR -- command...: the status, and stderr is one
# line matching the pattern (status 0: stderr empty, pattern on stdout)
expect() {
	want=$1 pat=$2
	shift 2
	$to "$@" >out.txt 2>err.txt </dev/null
	st=$?
	if [ "$st" != "$want" ]; then
		ko "$* -> exit $st, want $want"; head -c 400 err.txt; return
	fi
	if [ "$want" = 0 ]; then
		if [ -s err.txt ] || { [ -n "$pat" ] && ! grep -Eq -- "$pat" out.txt; }; then
			ko "$* -> stdout lacks /$pat/ or stderr not empty"; head -c 400 out.txt err.txt
			return
		fi
	elif [ "$(wc -l <err.txt)" != 1 ] || ! grep -Eq -- "$pat" err.txt; then
		ko "$* -> stderr is not one line matching /$pat/:"; head -c 400 err.txt; return
	fi
	ok
}
# no file or directory was left at PATH
absent() { [ ! -e "$1" ] && ok || ko "$1 exists after a failed command"; }

printf 'var n = 0;\nvar t = setInterval(function () { n++; console.log("tick", n);\n  if (n === 5) clearInterval(t); }, 1);\n' >tick.js
printf 'var count = 0;\nfunction step() {\n  count++;\n  if (count === 2) {\n    var o = null;\n    console.log(o.field);\n  }\n}\nsetInterval(step, 1);\n' >err.js
build() { "$ferryc" "$@" --runtime-dir "$FERRY_BUILDDIR" >build.log 2>&1 || { echo "FAIL build $*"; cat build.log; exit 1; }; }
build tick.js -o b
build err.js -o b
: >empty.js
build empty.js -o b
app=b/tick

# ---- ferryc: help, usage mistakes (status 2, one line) ----
expect 0 '^Usage: ferryc' "$ferryc" --help
expect 0 '^ferryc .*[0-9]' "$ferryc" --version
expect 2 '^ferryc: unknown option --bogus' "$ferryc" --bogus tick.js
expect 2 '^ferryc: option -o needs an argument' "$ferryc" tick.js -o
expect 2 '^ferryc: option --cc needs an argument' "$ferryc" tick.js --cc
expect 2 '^ferryc: no input file' "$ferryc"
expect 2 '^ferryc: more than one input file' "$ferryc" tick.js err.js
expect 2 '^ferryc: -o needs a directory name' "$ferryc" tick.js -o ''
expect 2 '^ferryc: --check and --print cannot be combined' "$ferryc" --check --print tick.js
expect 2 '^ferryc: -o only applies when building, not with --check' "$ferryc" --check -o x tick.js
expect 2 '^ferryc: --plain only applies when building' "$ferryc" --print --plain tick.js
absent x

# ---- ferryc: bad input files (status 1, one line naming the file) ----
for m in "-o o1" --check --print; do
	expect 1 '^ferryc: nothere\.js: No such file or directory$' "$ferryc" $m nothere.js
	expect 1 '^ferryc: /: Is a directory$' "$ferryc" $m /
done
absent o1
expect 0 '' "$ferryc" --check empty.js
head -c 2000 "$app" >bin.js
expect 1 '^bin\.js:1:1: ' "$ferryc" bin.js -o o2
printf 'var a = 1;\r\nconsole.log(a);\r\nfoo(;\r\n' >crlf.js
expect 1 '^crlf\.js:3:5: ' "$ferryc" --check crlf.js
printf 'var a = 1;\342\200\250var b = 2;\342\200\251 )' >ls.js
expect 1 '^ls\.js:3:2: ' "$ferryc" --check ls.js
printf 'var a = (1 +' >last.js
expect 1 '^last\.js:1:13: unexpected end of input' "$ferryc" last.js -o o2
printf 'var s = "abc' >last2.js
expect 1 '^last2\.js:1:9: unterminated string' "$ferryc" last2.js -o o2
# --plain checks the program as the instrumenting build does: a syntax error
# or an ES5 early error in code that never runs is refused at build time
expect 1 '^last\.js:1:13: unexpected end of input' "$ferryc" --plain last.js -o o2
printf 'console.log(1);\nif (0) { a || b = 3; }\n' >early.js
expect 1 '^early\.js:2:10: invalid assignment target' "$ferryc" --plain early.js -o o2
absent o2
# warns FILE.js BRE: ferryc builds FILE.js into b/ with exit 0 and exactly
# one line on stderr, which matches BRE
warns() {
	"$ferryc" "$1" -o b --runtime-dir "$FERRY_BUILDDIR" >out.txt 2>err.txt
	st=$?
	if [ $st = 0 ] && [ "$(wc -l <err.txt)" = 1 ] && grep -q "$2" err.txt; then
		ok
	else
		ko "ferryc $1 -> exit $st, want 0 and one warning line:"; head -c 400 err.txt
	fi
}
# a program beyond one of Duktape's own limits (a call with 70000 arguments:
# "temp limit"): ferryc warns in one line and builds; the program stops at
# start with Duktape's error
awk 'BEGIN { printf "console.log(1);\nf("; for (i = 0; i < 70000; i++) printf "%s1", i ? "," : ""; print ");" }' >limit.js
warns limit.js '^ferryc: warning: limit\.js: RangeError: temp limit (line 2): Duktape 2\.7 cannot compile this program'
expect 1 'RangeError: temp limit' b/limit
# valid ES5.1 that Duktape's lexer reads otherwise (a regex after ASI, where
# Duktape reads division after a name): the warning says where; the program
# stops at start as a plain build does
printf 'var a\n/x/.test("x") && console.log(1);\n' >divre.js
warns divre.js "^ferryc: warning: divre\.js:2:1: Duktape 2\.7 reads this regular expression's '/' as division (after a name, ++ or --) and cannot compile the program (divre\.js: SyntaxError: parse error (line 2)); it will stop"
expect 1 'SyntaxError: parse error' b/divre
# a BOM is skipped: the program builds and runs
printf '\357\273\277console.log("bom ok");\n' >bom.js
build bom.js -o b
expect 0 '^bom ok$' b/bom
# columns count characters from 1 (ferryc(1), DIAGNOSTICS): a BOM is not one
# (an error on line 1 is where an editor shows it), a tab is one, and so is
# each code point of multi-byte UTF-8
printf '\357\273\277)\n' >bomerr.js
expect 1 '^bomerr\.js:1:1: unexpected' "$ferryc" --check bomerr.js
printf '\357\273\277var a = 1; )\n' >bomerr2.js
expect 1 '^bomerr2\.js:1:12: unexpected' "$ferryc" bomerr2.js -o o2
printf '\tvar a; )\n' >tab.js
expect 1 '^tab\.js:1:9: unexpected' "$ferryc" --check tab.js
printf 'var s = "\303\251\360\237\230\200";\t)\n' >utf8.js
expect 1 '^utf8\.js:1:15: unexpected' "$ferryc" --check utf8.js
absent o2
# ES2015 syntax beyond what Duktape runs: named, at its position
while IFS='|' read -r src col what; do
	printf 'var z = 0;\n%s\n' "$src" >es.js
	expect 1 "^es\\.js:2:$col: $what is ES2015 syntax; Ferry accepts ES5\\.1\$" "$ferryc" es.js -o o3
done <<'EOF'
let x = 1;|1|let declaration
var f = (a) => a;|9|arrow function
class A {}|1|class
var s = `t`;|9|template literal
var {a, b} = o;|5|destructuring
for (var k of o) {}|12|for-of
function* g() {}|9|generator function
var p = f(...q);|11|spread argument
function h(a = 1) {}|14|default parameter
EOF
absent o3
# the size limit (64 MiB) is the same in every mode, and so is its message
# (sparse files: a program of NUL bytes fails at 1:1 when it is read whole)
truncate -s 67100000 nul.js 2>/dev/null && truncate -s 67108865 over.js 2>/dev/null && {
	expect 1 '^nul\.js:1:1: unexpected character U\+0000' "$ferryc" --check nul.js
	expect 1 '^nul\.js:1:1: unexpected character U\+0000' "$ferryc" nul.js -o o12
	expect 1 '^ferryc: over\.js: larger than 67108864 bytes$' "$ferryc" --check over.js
	expect 1 '^ferryc: over\.js: larger than 67108864 bytes$' "$ferryc" over.js -o o12
	absent o12
	rm -f nul.js over.js
}
# hostile nesting: refused with a position, no crash
awk 'BEGIN { s = "var a = "; for (i = 0; i < 100000; i++) s = s "("; printf "%s1", s }' >deep.js
expect 1 '^deep\.js:1:[0-9]+: program nested too deeply \(more than 20000 levels\)' "$ferryc" deep.js -o o4
absent o4
# deeper than 1000 levels: built when Duktape 2.7 compiles it (a 3000-term `+`
# chain, as in generated code), refused in both modes when it does not
# (3000 nested parentheses: Duktape's own recursion limit is about 2500)
awk 'BEGIN { s = "function f() { var v = 1; var g = function () { v = 2; }; return v"; for (i = 1; i < 3000; i++) s = s " + v"; print s "; }"; print "print(f());" }' >chain.js
expect 0 '^3000$' sh -c "\"$ferryc\" chain.js -o o13 --runtime-dir \"$FERRY_BUILDDIR\" && o13/chain"
expect 0 '^3000$' sh -c "\"$ferryc\" --plain chain.js -o o14 --runtime-dir \"$FERRY_BUILDDIR\" && o14/chain"
awk 'BEGIN { s = "var a = "; for (i = 0; i < 3000; i++) s = s "("; s = s "1"; for (i = 0; i < 3000; i++) s = s ")"; print s ";" }' >deep2.js
expect 1 '^deep2\.js: RangeError: compiler recursion limit.*; Duktape 2\.7 cannot compile a program nested [0-9]+ levels deep$' "$ferryc" deep2.js -o o15
expect 1 '^deep2\.js: RangeError: compiler recursion limit.*; Duktape 2\.7 cannot compile a program nested [0-9]+ levels deep$' "$ferryc" --plain deep2.js -o o15
absent o15

# ---- ferryc: outputs ----
: >afile
expect 1 'afile: not a directory' "$ferryc" tick.js -o afile --runtime-dir "$FERRY_BUILDDIR"
expect 1 'cannot' "$ferryc" tick.js -o /proc/ferry-cli-test --runtime-dir "$FERRY_BUILDDIR"
expect 1 '^/nonexistent-ferry/libferry\.a: libferry not found' "$ferryc" tick.js -o o6 --runtime-dir /nonexistent-ferry
absent o6
# this uninstalled ferryc, with no runtime named: unless Ferry is installed
# in its prefix, the message names the tree to pass (it was 'build it')
tree=$(cd "$FERRY_BUILDDIR" && pwd -P)
if env -u FERRY_RUNTIME_DIR "$ferryc" tick.js -o o6 >out.txt 2>err.txt; then
	ok   # an installed libferry was found
else
	grep -q "libferry not found (ferryc is not installed: run make install, or pass --runtime-dir $tree)\$" err.txt &&
		[ "$(wc -l <err.txt)" = 1 ] && ok || { ko "uninstalled ferryc without a runtime"; cat err.txt; }
	absent o6
fi
# a ferry.h of another ABI (an older Ferry installed in the same prefix):
# refused before anything is written, not compiled into a broken table
mkdir -p oldabi/runtime
cp "$FERRY_BUILDDIR/runtime/libferry.a" oldabi/runtime/
hdr="$FERRY_BUILDDIR/runtime/ferry.h"
[ -f "$hdr" ] || hdr="$FERRY_SRCDIR/runtime/ferry.h"
sed 's/^#define FERRY_ABI_VERSION .*/#define FERRY_ABI_VERSION 999u/' "$hdr" >oldabi/runtime/ferry.h
expect 1 '^oldabi/runtime/ferry\.h: libferry ABI 999, but this ferryc writes ABI [0-9]+ ' \
	"$ferryc" tick.js -o o11 --runtime-dir oldabi
absent o11
"$ferryc" tick.js -o o7/ --cc false --runtime-dir "$FERRY_BUILDDIR" >out.txt 2>err.txt
tail -n 1 err.txt | grep -q '^o7/tick_restore\.c: ' && ok || { ko "-o DIR/ names DIR/file"; cat err.txt; }
# an input without .js built into its own directory: the executable would
# have its name; refused, and the program is untouched
cp tick.js noext
expect 1 '^\./noext: is the input file, and the executable would be written over it' \
	"$ferryc" noext -o . --runtime-dir "$FERRY_BUILDDIR"
cmp -s noext tick.js && ok || ko "ferryc wrote over its input file noext"
build tick.js -o new/parent/dir
[ -x new/parent/dir/tick ] && ok || ko "-o with missing parents"
# a compiler that fails: its messages, then ferryc's line; no executable
"$ferryc" tick.js -o o5 --cc false --runtime-dir "$FERRY_BUILDDIR" >out.txt 2>err.txt
[ $? = 1 ] && tail -n 1 err.txt | grep -q '^o5/tick_restore\.c: C compiler failed (exit 1): false ' && ok ||
	{ ko "--cc false"; cat err.txt; }
[ ! -e o5/tick ] && [ -z "$(ls -A o5 | grep -v -e '^tick\.fy\.js$' -e '^tick_restore\.c$')" ] && ok ||
	ko "--cc false left $(ls -A o5)"
# interrupted while the compiler runs (Ctrl-C reaches the whole process
# group; here SIGTERM to a group of its own): ferryc dies of the signal and
# leaves no half-written temporary executable behind
if command -v setsid >/dev/null 2>&1; then
	printf '#!/bin/sh\nwhile [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done\nprintf partial >"$out"\n: >cc.started\nexec sleep 60\n' >slowcc
	chmod +x slowcc
	rm -f cc.started
	setsid "$ferryc" tick.js -o o10 --cc ./slowcc --runtime-dir "$FERRY_BUILDDIR" >/dev/null 2>&1 &
	pid=$!
	i=0
	while [ ! -e cc.started ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	kill -TERM -"$pid" 2>/dev/null
	wait "$pid"
	st=$?
	[ $st = 143 ] && [ -z "$(ls -A o10 | grep -v -e '^tick\.fy\.js$' -e '^tick_restore\.c$')" ] && ok ||
		ko "interrupted link: exit $st (want 143), left $(ls -A o10 | tr '\n' ' ')"
fi
# a long option's value may follow '=' (as the device executable takes it)
"$ferryc" tick.js -o o9 --cc=false --runtime-dir="$FERRY_BUILDDIR" >out.txt 2>err.txt
[ $? = 1 ] && tail -n 1 err.txt | grep -q '^o9/tick_restore\.c: C compiler failed (exit 1): false ' && ok ||
	{ ko "--cc=false --runtime-dir=DIR"; cat err.txt; }
expect 2 '^ferryc: --cflags only applies when building, not with --check' "$ferryc" --check --cflags=-O0 tick.js

# ---- ferryc --emit-only, then a main() of your own (ferryc(1), LINKING BY HAND) ----
# the compile command ferryc -v shows, with -DFERRY_NO_MAIN and one more file
cmd=$("$ferryc" -v tick.js -o own --runtime-dir "$FERRY_BUILDDIR" 2>&1 >/dev/null | grep " 'own/tick_restore\.c' ")
printf '#include <stdio.h>\n#include <ferry.h>\nint main(int argc, char **argv)\n{\n\tfprintf(stderr, "own main: %%s\\n", ferry_app.filename);\n\treturn ferry_main(&ferry_app, argc, argv);\n}\n' >own.c
cmd=$(printf '%s\n' "$cmd" | sed "s| -o '[^']*'| -o own/mine|; s| 'own/tick_restore\.c' | -DFERRY_NO_MAIN 'own/tick_restore.c' own.c |")
if [ -n "$cmd" ] && eval "$cmd" >build.log 2>&1; then
	own/mine >out.txt 2>err.txt
	[ $? = 0 ] && grep -q '^tick 5$' out.txt && [ "$(cat err.txt)" = "own main: tick.js" ] && ok ||
		{ ko "own main: wrong run"; cat out.txt err.txt; }
else
	ko "own main does not build: $cmd"; cat build.log
fi

# ---- device executable: options (status 2, one line) ----
expect 0 '^Usage: tick \[OPTION\]' "$app" --help
expect 0 '^Usage: tick \[OPTION\]' "$app" -h
expect 0 'Duktape 2\.' "$app" --version
expect 2 "^tick: unknown option '--bogus'" "$app" --bogus
expect 2 "^tick: unknown option '-x' \\(program arguments that start with '-' go after --\\)" "$app" -x
expect 2 "^tick: option '--resume' needs a value" "$app" --resume
expect 2 "^tick: --max-heap: 'lots' is not a size" "$app" --max-heap lots
expect 2 "^tick: --snapshot-to nodir/s\\.json: directory nodir does not exist" \
	"$app" --snapshot-after-turns 1 --snapshot-to nodir/s.json
absent nodir
expect 2 "^tick: --snapshot-format: 'xml'" "$app" --snapshot-format xml
# a format with no file to write is not silently ignored (a migration has its own)
expect 2 "^tick: --snapshot-format needs --snapshot-to FILE" "$app" --snapshot-format msgpack --snapshot-after-turns 1 --migrate-to 127.0.0.1:7
expect 2 "^tick: --resume: empty file name" "$app" --resume ''
expect 2 "^tick: --key: empty file name" "$app" --key= --listen 127.0.0.1:0
expect 2 "^tick: --key needs --listen HOST:PORT or --migrate-to HOST:PORT" "$app" --key k
expect 1 "^tick: key file /: Is a directory" "$app" --key / --listen 127.0.0.1:0
# program arguments after --, untouched
printf 'console.log(JSON.stringify(process.argv.slice(2)));\n' >args.js
build args.js -o b
expect 0 '^\["-x","--y","z"\]$' b/args -- -x --y z
# after a resume: the resuming process's arguments; exitCode moves with the state
printf 'process.exitCode = 7;\nvar first = process.argv.slice(2);\nsetTimeout(function () { console.log(JSON.stringify([first, process.argv.slice(2)])); }, 1);\n' >args2.js
build args2.js -o b
b/args2 --snapshot-after-turns 0 --snapshot-to args2.json x >/dev/null 2>&1 || ko "snapshot of args2"
b/args2 --resume args2.json -- y >out.txt 2>err.txt
[ $? = 7 ] && [ "$(cat out.txt)" = '[["x"],["y"]]' ] && [ ! -s err.txt ] && ok ||
	{ ko "process.argv and exitCode after a resume"; cat out.txt err.txt; }
# a cap below what the runtime needs: one line with the figure, no crash
for cap in 1000 50k 90k 200k; do
	expect 1 "^tick: cannot create the JavaScript heap within --max-heap [0-9]+ bytes \\(the runtime needs [0-9]+ at start\\)\$" "$app" --max-heap $cap
done

# ---- device executable: --resume of bad snapshots (status 1, byte offset) ----
"$app" --snapshot-after-turns 2 --snapshot-to s.json >/dev/null 2>&1 || ko "snapshot"
expect 1 '^tick: cannot resume: missing\.json: No such file or directory$' "$app" --resume missing.json
: >empty.snap
expect 1 '^tick: cannot resume: empty\.snap: byte 0: ' "$app" --resume empty.snap
head -c 100 s.json >trunc.snap
expect 1 '^tick: cannot resume: trunc\.snap: byte [0-9]+: ' "$app" --resume trunc.snap
expect 1 '^tick: cannot resume: bin\.js: byte 0: not a snapshot' "$app" --resume bin.js
sed 's/"version":1/"version":9/' s.json >v9.snap
expect 1 '^tick: cannot resume: v9\.snap: byte [0-9]+: unsupported snapshot version 9' "$app" --resume v9.snap
b/empty --snapshot-after-turns 0 --snapshot-to other.json >/dev/null 2>&1 || ko "snapshot of empty"
expect 1 '^tick: cannot resume: other\.json: snapshot is from another program' "$app" --resume other.json
expect 1 '^tick: cannot resume: /: is a directory' "$app" --resume /
"$app" --resume s.json >out.txt 2>err.txt && grep -q 'tick 5' out.txt && ok || ko "resume of a good snapshot"
# --max-snapshot: a larger snapshot is refused in one line; one of that size resumes
sz=$(wc -c <s.json)
expect 1 "^tick: cannot resume: s\\.json: file of $sz bytes is larger than the limit \\($((sz - 1)) bytes\\)\$" \
	"$app" --resume s.json --max-snapshot $((sz - 1))
"$app" --resume s.json --max-snapshot "$sz" >out.txt 2>err.txt && grep -q 'tick 5' out.txt && [ ! -s err.txt ] && ok ||
	ko "resume within --max-snapshot"
expect 2 "^tick: --max-snapshot: '300m' is not a size in bytes from 1 to 256m" "$app" --resume s.json --max-snapshot 300m
expect 2 "^tick: --max-snapshot needs --resume FILE or --listen HOST:PORT" "$app" --max-snapshot 1k
# a good snapshot that does not fit under --max-heap says so (not "invalid")
printf 'var big = [];\nfor (var i = 0; i < 20000; i++) big.push("item " + i);\nsetTimeout(function () { console.log(big.length); }, 1);\n' >big.js
build big.js -o b
b/big --snapshot-after-turns 0 --snapshot-to big.json >/dev/null 2>&1 || ko "snapshot of big"
need=$(b/big --max-heap 1000 2>&1 | sed -n 's/.*the runtime needs \([0-9]*\) at start.*/\1/p')
if [ -n "$need" ]; then
	expect 1 "^big: cannot resume: big\\.json: the program's state does not fit under --max-heap [0-9]+ bytes" \
		b/big --resume big.json --max-heap $((need + 65536))
	expect 0 '^20000$' b/big --resume big.json --max-heap 64m
else
	ko "no start-up figure from --max-heap 1000"
fi

# a program that ends before --snapshot-after-turns N: no snapshot, no word,
# the program's status (ferry-app(1)); the suites' hop chains rely on the silence
expect 0 '^tick 5$' "$app" --snapshot-after-turns 99 --snapshot-to never.json
absent never.json
# a --plain build says so when asked for a snapshot, and runs on
"$ferryc" --plain tick.js -o p --runtime-dir "$FERRY_BUILDDIR" >build.log 2>&1 || ko "--plain build"
p/tick --snapshot-after-turns 1 --snapshot-to p.json >out.txt 2>err.txt
[ $? = 0 ] && [ ! -e p.json ] && grep -q 'tick 5' out.txt && [ "$(wc -l <err.txt)" = 1 ] &&
	grep -q '^ferry: snapshot failed: .*built with ferryc --plain.*; still running$' err.txt && ok ||
	{ ko "--plain snapshot"; cat err.txt; }

# ---- device executable: network arguments ----
# the form of HOST:PORT and the key file are checked at start, also for
# --migrate-to (which connects only when the program is to move)
expect 2 "^tick: --listen: 'nohost' is not HOST:PORT" "$app" --listen nohost
expect 2 "^tick: --listen: '127\\.0\\.0\\.1:99999': the port must be at most 65535" "$app" --listen 127.0.0.1:99999
expect 2 "^tick: --migrate-to: 'nohost' is not HOST:PORT" "$app" --migrate-to nohost
expect 2 "^tick: --migrate-to: '127\\.0\\.0\\.1:x': the port must be a number" "$app" --migrate-to 127.0.0.1:x
# IPv6 only in brackets: '::1:7000' does not say where the port starts, and
# an unmatched bracket is a bad command line, not a name to resolve
expect 2 "^tick: --listen: '::1:7000': an IPv6 address goes in brackets" "$app" --listen ::1:7000
expect 2 "^tick: --listen: '\\[::1' is not HOST:PORT" "$app" --listen '[::1'
expect 2 "^tick: --migrate-to: '\\[::1\\]x:7' is not HOST:PORT" "$app" --migrate-to '[::1]x:7'
printf 'short' >short.key
expect 1 "^tick: key file short\\.key: shorter than 16 bytes" "$app" --key short.key --migrate-to 127.0.0.1:7
expect 1 "^tick: key file nokey: No such file or directory" "$app" --key nokey --snapshot-after-turns 1 --migrate-to 127.0.0.1:7
: >listen.err   # exists before the listener opens it: no sed error
"$app" --listen 127.0.0.1:0 >/dev/null 2>listen.err &
bg=$!
port=
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	port=$(sed -n 's/.*(port \([0-9]*\)).*/\1/p' listen.err)
	[ -n "$port" ] && break
	sleep 0.5
done
if [ -n "$port" ]; then
	expect 1 "^tick: cannot listen on 127\\.0\\.0\\.1:$port: Address already in use" "$app" --listen 127.0.0.1:$port
else
	ko "no listening port in listen.err"
fi
kill $bg 2>/dev/null; wait $bg 2>/dev/null; bg=

# ---- a runtime error points at the user's file and line ----
b/err >out.txt 2>err.txt
[ $? = 1 ] && head -n 1 err.txt | grep -q "^Uncaught TypeError: cannot read property 'field' of null" &&
	sed -n 2p err.txt | grep -q '^    at step (err\.js:6)' && ! grep -q 'duk_' err.txt && ok ||
	{ ko "runtime error position"; cat err.txt; }

# ---- the ferry tool: usage mistakes are one line, status 2 ----
expect 0 '^usage: ferry COMMAND' "$ferry" --help
expect 0 '^usage: ferry inspect' "$ferry" help inspect
expect 2 "^ferry: which command\\? .*\\(try 'ferry help'\\)\$" "$ferry"
expect 2 "^ferry: unknown command 'bogus'" "$ferry" bogus
expect 2 "^ferry: unknown option --bogus" "$ferry" --bogus
expect 2 "^ferry: help: unknown command 'bogus'" "$ferry" help bogus
expect 2 "^ferry: inspect: option --top needs a value" "$ferry" inspect s.json --top
expect 2 "^ferry: inspect: --top '-3': not a count" "$ferry" inspect --top -3 s.json
expect 2 "^ferry: inspect: unknown option --bogus \\(try 'ferry help inspect'\\)\$" "$ferry" inspect --bogus s.json
expect 2 "^ferry: convert: option --to needs a value" "$ferry" convert s.json --to
expect 2 "^ferry: verify: option --app needs a value" "$ferry" verify s.json --app
expect 2 "^ferry: inspect: option --max-bytes needs a value" "$ferry" inspect s.json --max-bytes
expect 2 "^ferry: inspect: --max-bytes '-1'" "$ferry" inspect --max-bytes -1 s.json
# an option that would do nothing is an error, not ignored
expect 2 "^ferry: convert: --pretty indents JSON, and x\\.msgpack is written as msgpack" "$ferry" convert --pretty s.json x.msgpack
absent x.msgpack
expect 2 "^ferry: inspect: --top is for the summary; --json prints the whole snapshot" "$ferry" inspect --json --top 3 s.json
expect 1 '^ferry: trunc\.snap: byte [0-9]+: ' "$ferry" inspect trunc.snap
expect 1 '^ferry: /: is a directory' "$ferry" inspect /
expect 1 'nodir/x\.json: cannot create a temporary file' "$ferry" convert s.json nodir/x.json

# ---- help that cannot be written is an error, not a silent success ----
if [ -w /dev/full ]; then
	for c in "$ferryc --help" "$app --help" "$ferry --help" "$ferry help inspect"; do
		$c >/dev/full 2>err.txt
		[ $? = 1 ] && grep -q 'write error' err.txt && ok || ko "$c >/dev/full: not an error"
	done
	# a program's output that cannot be written: Node's error, uncaught: status 1
	$app >/dev/full 2>err.txt
	[ $? = 1 ] && head -n 1 err.txt | grep -q '^Uncaught Error: ENOSPC: no space left on device, write$' &&
		! grep -q 'console\.c' err.txt && ok ||
		{ ko "$app >/dev/full: output lost in silence"; head -n 3 err.txt; }
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
