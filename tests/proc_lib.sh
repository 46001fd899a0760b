# tests/proc_lib.sh -- sourced by the end-to-end tests that start processes
# in the background (migrate.sh, cross_arch.sh): waiting for them with a
# bound, so that a process that should have exited fails its scenario
# instead of hanging the suite.
# alive PID: running (an exited child stays a zombie until reaped: not alive)
alive() {
	st=$(sed -n 's/^[0-9]* (.*) \([A-Z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null)
	[ -n "$st" ] && [ "$st" != Z ]
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
