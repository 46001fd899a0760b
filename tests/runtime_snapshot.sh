#!/bin/sh
# tests/runtime_snapshot.sh -- the runtime's snapshot triggers and files,
# end to end through tests/ferry_run on tests/data/runtime/snap/*.js:
#   --snapshot-after-turns k for every k: output before + output after
#     --resume equals an uninterrupted run (JSON and msgpack files);
#   SIGUSR1 with --snapshot-to: exit 0 at the next boundary, resume finishes;
#   SIGUSR1 without a destination, and an unmigratable value: one line on
#     stderr, the program keeps running;
#   --checkpoint-every: the last checkpoint resumes to a suffix of the run;
#     the temporary file of a writer killed mid-write goes with the next;
#   --resume of a missing, empty, truncated, corrupted or foreign snapshot:
#     one line on stderr, exit 1.
# FERRY_VALGRIND=1 runs the non-signal cases under valgrind.
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
runp="$FERRY_BUILDDIR/tests/ferry_run"
run=$runp
# FERRY_VALGRIND=1: everything but the signal tests runs under valgrind
if [ "${FERRY_VALGRIND:-}" = 1 ]; then
	run="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite $runp"
fi
data="$FERRY_SRCDIR/tests/data/runtime/snap"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-rtsnap.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM   # runs the EXIT trap (dash skips it on a signal)
cp "$data"/*.js "$tmp"/ && cd "$tmp" || exit 99
fails=0
ok() { echo "ok $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

# 1. snapshot after every turn k, resume, compare
#    state.js: data and bound built-ins across turns; overdue.js: timers
#    overdue when the loop starts keep their due order across a resume;
#    console_state.js: console.count and console.group go on after a resume
for prog in state overdue console_state; do
	$run $prog.js > full.out 2>full.err || bad "$prog: uninterrupted run failed"
	turns=$("$runp" $prog.js --stats 2>&1 >/dev/null | sed -n 's/.*turns=//p')
	for fmt in json msgpack; do
		k=0
		while [ $k -le $turns ]; do
			rm -f snap.$fmt
			$run $prog.js --snapshot-after-turns $k --snapshot-to snap.$fmt \
				--snapshot-format $fmt > a.out 2>a.err
			s1=$?
			if [ $k -lt $turns ]; then
				$run $prog.js --resume snap.$fmt > b.out 2>b.err
				s2=$?
			else
				: > b.out; : > b.err; s2=0   # k = all turns: the run ends first
			fi
			cat a.out b.out > ab.out
			if [ $s1 = 0 ] && [ $s2 = 0 ] && cmp -s ab.out full.out && [ ! -s a.err ] && [ ! -s b.err ]; then
				ok "$prog $fmt k=$k"
			else
				bad "$prog $fmt k=$k (status $s1/$s2)"; cat a.err b.err; diff full.out ab.out
			fi
			k=$((k + 1))
		done
	done
done

# 2. SIGUSR1 with --snapshot-to: leave at the next boundary, resume elsewhere
wait_ready() {
	i=0
	while [ $i -lt 200 ]; do
		grep -q ready "$1" 2>/dev/null && return 0
		sleep 0.05; i=$((i + 1))
	done
	return 1
}
rm -f sig.json s.out s.err
"$runp" signal.js --snapshot-to sig.json > s.out 2> s.err &
pid=$!
wait_ready s.out && kill -USR1 $pid
wait $pid; st=$?
if [ $st = 0 ] && [ -s sig.json ] && [ "$(cat s.out)" = ready ]; then
	$run signal.js --resume sig.json > r.out 2> r.err
	if [ $? = 0 ] && [ "$(cat r.out)" = "end { n: 41, list: [ 1, 2 ] }" ]; then
		ok "SIGUSR1 snapshot and resume"
	else bad "SIGUSR1 resume"; cat r.out r.err; fi
else bad "SIGUSR1 snapshot (status $st)"; cat s.out s.err; fi

# 3. SIGUSR1 without a destination: refused, keeps running
# (s.out from case 2 says "ready" already: start from an empty one)
rm -f s.out s.err
"$runp" signal.js > s.out 2> s.err &
pid=$!
wait_ready s.out && kill -USR1 $pid
wait $pid; st=$?
if [ $st = 0 ] && grep -q "^end" s.out &&
   grep -q "snapshot requested but neither --snapshot-to nor --migrate-to" s.err; then
	ok "SIGUSR1 without destination keeps running"
else bad "SIGUSR1 without destination (status $st)"; cat s.out s.err; fi

# 4. unmigratable value: one line naming the path, keeps running, no file
rm -f u.json
$run unmigratable.js --snapshot-after-turns 0 --snapshot-to u.json > u.out 2> u.err; st=$?
if [ $st = 0 ] && [ ! -e u.json ] && [ "$(cat u.out)" = "before
handled" ] && [ "$(wc -l < u.err)" = 1 ] &&
   grep -Eq "^ferry: snapshot failed: (global\.app\.handler|timer#1\.callback).*; still running$" u.err; then
	ok "unmigratable value: reported, still running"
else bad "unmigratable value (status $st)"; cat u.out u.err; fi

# 5. periodic checkpoints: the program keeps running; the last checkpoint
#    resumes to a suffix of the uninterrupted output
rm -f cp.json
$run ticks.js > tfull.out || bad "ticks: uninterrupted run failed"
$run ticks.js --checkpoint-every 40 --snapshot-to cp.json > t.out 2> t.err; st=$?
if [ $st = 0 ] && cmp -s t.out tfull.out && [ ! -s t.err ] && [ -s cp.json ]; then
	$run ticks.js --resume cp.json > tr.out 2> tr.err; st=$?
	n=$(wc -l < tr.out)
	if [ $st = 0 ] && tail -n "$n" tfull.out | cmp -s - tr.out && [ $n -lt 30 ]; then
		ok "checkpoint-every (resumed with $n of 30 ticks left)"
	else bad "checkpoint resume (status $st)"; cat tr.out tr.err; fi
else bad "checkpoint-every (status $st)"; cat t.err; diff tfull.out t.out | head; fi
ls cp.json.* .cp.json* 2>/dev/null && bad "checkpoint left a temporary file"
# a process killed while writing a checkpoint (here by SIGXFSZ, the file size
# limit: as abrupt as SIGKILL or a power cut) leaves cp.json.tmp.XXXXXX; the
# next process that writes cp.json removes it (once it is 10 s old, as after a
# reboot: touch), and nothing else
rm -f cp.json cp.json.tmp.*
(ulimit -c 0; ulimit -f 1; exec "$runp" ticks.js --checkpoint-every 40 --snapshot-to cp.json > /dev/null 2>&1)
left=$(ls cp.json.tmp.?????? 2>/dev/null)
if [ -n "$left" ] && [ ! -f cp.json ]; then
	touch -d '1 minute ago' $left
	echo "not ours" > cp.json.tmp.keep
	$run ticks.js --checkpoint-every 40 --snapshot-to cp.json > /dev/null 2> t.err; st=$?
	if [ $st = 0 ] && [ -s cp.json ] && [ -z "$(ls cp.json.tmp.?????? 2>/dev/null)" ] && [ -f cp.json.tmp.keep ]; then
		ok "checkpoint after a killed writer: its temporary file removed"
	else bad "checkpoint after a killed writer (status $st): $(ls cp.json.tmp.* 2>/dev/null)"; cat t.err; fi
	rm -f cp.json.tmp.keep
else bad "a writer killed by the file size limit left no temporary file (or a whole cp.json)"; fi

# 6. bad snapshots are refused with one line and status 1
$run state.js --snapshot-after-turns 2 --snapshot-to good.json > /dev/null 2>&1
size=$(wc -c < good.json)
: > empty.json
head -c $((size / 2)) good.json > trunc.json
printf 'not a snapshot at all' > garbage.json
sed 's/"hash":"./"hash":"0/' good.json > hash.json
check_refused() {   # name file
	$run state.js --resume "$2" > x.out 2> x.err; st=$?
	if [ $st = 1 ] && [ ! -s x.out ] && [ "$(wc -l < x.err)" = 1 ] &&
	   grep -q "^ferry_run: cannot resume: " x.err; then
		ok "refused: $1 ($(cat x.err))"
	else bad "refused: $1 (status $st)"; cat x.out x.err; fi
}
check_refused "missing file" nonexistent.json
check_refused "empty file" empty.json
check_refused "truncated" trunc.json
check_refused "garbage" garbage.json
check_refused "other program's hash" hash.json
$run signal.js --resume good.json > x.out 2> x.err
[ $? = 1 ] && ok "refused: snapshot of another program" || { bad "another program"; cat x.err; }

echo "runtime_snapshot.sh: $fails failed"
[ $fails = 0 ]
