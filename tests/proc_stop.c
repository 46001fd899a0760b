/*
 * tests/proc_stop.c -- a process that its own child holds in a ptrace
 * stop for a while, then exits: what LeakSanitizer's check at exit does to
 * an ASan-built program (its tracer, a child, attaches to every thread,
 * which show state `t` while it scans). tests/proc_lib_check.sh checks
 * that the harness's waits (tests/proc_lib.sh) count such a process as
 * alive and get its real exit status.
 *
 *   proc_stop TENTHS STATUS   stopped for TENTHS/10 s, then exits STATUS
 *
 * Exit 77 (the test's SKIP) when ptrace is not allowed here.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#ifndef PR_SET_PTRACER
#define PR_SET_PTRACER 0x59616d61
#endif
#ifndef PR_SET_PTRACER_ANY
#define PR_SET_PTRACER_ANY ((unsigned long)-1)
#endif

/* the tracer: stop the parent, keep it stopped, let it go */
static int hold(pid_t p, long tenths)
{
	struct timespec ts = { tenths / 10, tenths % 10 * 100000000L };
	int st;

	if (ptrace(PTRACE_SEIZE, p, NULL, NULL) < 0)
		return 77;
	if (ptrace(PTRACE_INTERRUPT, p, NULL, NULL) < 0 ||
	    waitpid(p, &st, __WALL) != p || !WIFSTOPPED(st))
		return 1;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	return ptrace(PTRACE_DETACH, p, NULL, NULL) < 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
	long tenths = argc == 3 ? strtol(argv[1], NULL, 10) : -1;
	int status = argc == 3 ? atoi(argv[2]) : 0, st;
	pid_t me = getpid(), t;

	if (tenths < 0 || tenths > 600 || status < 0 || status > 255) {
		fprintf(stderr, "usage: proc_stop TENTHS STATUS\n");
		return 2;
	}
	/* with Yama's ptrace_scope 1, a child may trace its parent only when
	 * asked to (LeakSanitizer asks the same way) */
	(void)prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
	t = fork();
	if (t < 0) {
		perror("proc_stop: fork");
		return 1;
	}
	if (t == 0)
		_exit(hold(me, tenths));
	while (waitpid(t, &st, 0) < 0)
		if (errno != EINTR) {
			perror("proc_stop: waitpid");
			return 1;
		}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 77) {
		fprintf(stderr, "proc_stop: ptrace is not allowed here\n");
		return 77;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "proc_stop: the tracer failed\n");
		return 1;
	}
	return status;
}
