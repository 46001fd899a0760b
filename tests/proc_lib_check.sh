#!/bin/sh
# tests/proc_lib_check.sh -- the process waits of tests/proc_lib.sh (alive,
# gone_within, reap), which migrate.sh and cross_arch.sh use to say that a
# process exited, and with what status, or hung. A process held in a ptrace
# stop (state t) has not exited: LeakSanitizer holds every ASan-built
# program so at its exit while it looks for leaks, and when alive read that
# as "exited", gone_within returned at once, then saw the process again and
# said it was still there, and reap killed it as "hung (killed after 60 s)"
# a few milliseconds after it had printed its last line (about 1 run in 10
# of migrate.sh under --enable-sanitizers). tests/proc_stop holds itself in
# that stop; so do plain stopped, running and exited processes.
set -u
: "${FERRY_BUILDDIR:?}" "${FERRY_SRCDIR:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferry-proc.XXXXXX") || exit 99
pids=
trap 'for p in $pids; do kill -9 $p 2>/dev/null; done; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
. "$FERRY_SRCDIR/tests/proc_lib.sh"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }
state() { sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null; }

# a process in a ptrace stop for 3 s, then exit 3
t=ptrace-stop
"$FERRY_BUILDDIR/tests/proc_stop" 30 3 2>"$tmp/stop.err" & p=$!; pids="$pids $p"
i=0
while [ "$(state $p)" != t ] && [ $i -lt 100 ] && kill -0 $p 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
if [ "$(state $p)" != t ]; then
	wait $p; rc=$?
	if [ $rc = 77 ]; then echo "SKIP: $(cat "$tmp/stop.err")"; exit 77; fi
	bad $t "proc_stop never showed state t (status $rc)"; cat "$tmp/stop.err"
else
	if alive $p; then ok "$t: alive"; else bad $t "a process in a ptrace stop counts as exited"; fi
	if gone_within $p 5; then bad $t "gone_within returned within 0.5 s, the process stops for 3 s"
	else ok "$t: gone_within waits"; fi
	reap $p
	if [ "$RC" = 3 ]; then ok "$t: reap gets its status"; else bad $t "reap: $RC, expected 3"; fi
fi

# stopped by a signal (T): alive; running, then exited with status 4
t=sigstop
sleep 30 & p=$!; pids="$pids $p"
kill -STOP $p
i=0
while [ "$(state $p)" != T ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
if alive $p && ! gone_within $p 2; then ok $t; else bad $t "a stopped process counts as exited"; fi
kill -9 $p; wait $p 2>/dev/null
t=exit
sh -c 'sleep 0.3; exit 4' & p=$!; pids="$pids $p"
if ! alive $p; then bad $t "a running process counts as exited"
elif ! gone_within $p 50; then bad $t "a process that exits after 0.3 s was not gone within 5 s"
elif alive $p; then bad $t "a zombie counts as alive"
else reap $p; if [ "$RC" = 4 ]; then ok $t; else bad $t "reap: $RC, expected 4"; fi; fi

echo "proc_lib_check.sh: $pass passed, $fail failed"
[ $fail = 0 ]
