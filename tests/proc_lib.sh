# tests/proc_lib.sh -- sourced by the end-to-end tests that run processes
# (migrate.sh, cross_arch.sh, thirdparty.sh, amplify.sh): running one with
# its outputs kept, starting a listener, and waiting for processes with a
# bound, so that a process that should have exited fails its scenario
# instead of hanging the suite.
# run EXE PREFIX [ARGS...]: EXE's stdout, stderr and status in PREFIX.out,
# .err and .rc; no stdin, at most 60 s
run() {
	exe=$1; pre=$2; shift 2
	timeout 60 "$exe" "$@" > "$pre.out" 2> "$pre.err" < /dev/null
	echo $? > "$pre.rc"
}
# alive PID: not exited yet (an exited child stays a zombie until reaped:
# not alive). Every state but Z and X is alive, stopped ones included, and
# so is lower-case t, the ptrace stop: LeakSanitizer's check at exit (ASan
# builds) holds the process there while it scans its memory, and reading
# that as "exited" made gone_within return early, then find the process
# back and report it hung (tests/proc_lib_check.sh)
alive() {
	st=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null)
	case $st in ''|Z|X|x) return 1 ;; esac
}
# gone_within PID [TENTHS]: wait up to TENTHS/10 s (default 5 s) for PID to
# exit; 0 if it did
gone_within() {
	i=0
	while alive "$1" && [ $i -lt "${2:-50}" ]; do sleep 0.1; i=$((i + 1)); done
	! alive "$1"
}
# reap PID: wait (up to 60 s) for it to exit and set RC; a process still
# running then is killed and RC says so, so a failed hop fails the scenario
# instead of hanging the suite
reap() {
	if gone_within "$1" 600; then wait "$1"; RC=$?
	else kill -9 "$1" 2>/dev/null; wait "$1" 2>/dev/null; RC="hung (killed after 60 s)"; fi
}
# start_listener NAME CMD...: start CMD, a device program with --listen
# HOST:0 among its arguments, in the background (output in $tmp/NAME.out
# and $tmp/NAME.err, its pid added to $pids) and wait, up to $listen_wait
# seconds (default 5), until it says which port it listens on. Sets PID and
# PORT; 1, with NAME.err shown, if it did not start.
start_listener() {
	lsn=$1; shift
	# an earlier scenario's files would show its port until the new
	# process's redirections truncate them: start from none
	rm -f "$tmp/$lsn.out" "$tmp/$lsn.err"
	"$@" >"$tmp/$lsn.out" 2>"$tmp/$lsn.err" &
	PID=$!; pids="$pids $PID"; PORT=; i=0
	while [ $i -lt $((${listen_wait:-5} * 20)) ]; do
		PORT=$(sed -n 's/.*listening on .*(port \([0-9]*\)).*/\1/p' "$tmp/$lsn.err" 2>/dev/null)
		[ -n "$PORT" ] && return 0
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.05; i=$((i + 1))
	done
	echo "listener $lsn did not start:"; cat "$tmp/$lsn.err"
	return 1
}
