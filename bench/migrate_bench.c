/*
 * bench/migrate_bench.c -- end-to-end migration latency on loopback
 * (`make bench-migrate`): for live heaps of 10 KB .. 10 MB, a source
 * process (bench/migrate_heap.js built with ferryc) is sent SIGUSR1, and the
 * time until the first callback runs on the target (its first "tick" line on
 * stderr) is measured with CLOCK_MONOTONIC, which both processes share. Also
 * reported: when the source connected (its pause to walk the heap and
 * encode the snapshot), when the target had restored and completed the
 * hand-over, when the source exited (it waits for DONE), the msgpack
 * snapshot size and the source's live heap (--stats).
 *
 *   migrate_bench --app PATH [--quick] [--md FILE] [--dat FILE]
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* spawn argv with stdout to /dev/null and stderr to errfd */
static pid_t spawn(char *const argv[], int errfd)
{
	pid_t p = fork();
	if (p == 0) {
		int dn = open("/dev/null", O_RDWR);
		dup2(dn, 0);
		dup2(dn, 1);
		dup2(errfd, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	return p;
}

/* read one line from fd into buf within timeout; 0 ok, -1 eof/timeout */
static int read_line(int fd, char *buf, size_t cap, int timeout_ms)
{
	size_t n = 0;
	double end = now_ms() + timeout_ms;
	while (n + 1 < cap) {
		struct pollfd pf = { fd, POLLIN, 0 };
		int left = (int)(end - now_ms());
		if (left <= 0 || poll(&pf, 1, left) <= 0)
			return -1;
		char c;
		ssize_t r = read(fd, &c, 1);
		if (r <= 0)
			return -1;
		if (c == '\n')
			break;
		buf[n++] = c;
	}
	buf[n] = '\0';
	return 0;
}

static int file_has(const char *path, const char *what, char *line, size_t cap)
{
	FILE *f = fopen(path, "r");
	int found = 0;
	if (!f)
		return 0;
	while (fgets(line, (int)cap, f))
		if (strstr(line, what)) {
			found = 1;
			break;
		}
	fclose(f);
	return found;
}

typedef struct run { double latency, conn, recv, exit_ms; long bytes, heap; } run;

static int one(const char *app, long size, run *out)
{
	int tp[2];
	char port[32], line[512], sizes[32], hp[64];
	char errpath[] = "/tmp/ferry-mbench-XXXXXX";
	pid_t tpid, spid;
	int efd, st, rc = -1;

	if (pipe(tp) < 0)
		return -1;
	char *targv[] = { (char *)app, "--listen", "127.0.0.1:0", NULL };
	tpid = spawn(targv, tp[1]);
	close(tp[1]);
	port[0] = '\0';
	while (!port[0] && read_line(tp[0], line, sizeof line, 10000) == 0) {
		char *p = strstr(line, "(port ");
		if (p)
			snprintf(port, sizeof port, "%d", atoi(p + 6));
	}
	if (!port[0]) {
		fprintf(stderr, "migrate_bench: the target did not start\n");
		goto out_t;
	}
	efd = mkstemp(errpath);
	snprintf(sizes, sizeof sizes, "%ld", size);
	snprintf(hp, sizeof hp, "127.0.0.1:%s", port);
	char *sargv[] = { (char *)app, "--stats", "--migrate-to", hp, "--", sizes, NULL };
	spid = spawn(sargv, efd);
	/* wait until the source's heap is built and its loop ticks */
	for (int i = 0; i < 6000 && !file_has(errpath, "tick ", line, sizeof line); i++)
		usleep(5000);
	double t0 = now_ms();
	kill(spid, SIGUSR1);
	for (;;) {
		if (read_line(tp[0], line, sizeof line, 60000) < 0) {
			fprintf(stderr, "migrate_bench: no callback on the target\n");
			kill(spid, SIGKILL);
			waitpid(spid, &st, 0);
			goto out_s;
		}
		if (strstr(line, "a source connected"))
			out->conn = now_ms() - t0;
		else if (strstr(line, "migration received"))
			out->recv = now_ms() - t0;
		else if (strncmp(line, "tick ", 5) == 0)
			break;
	}
	out->latency = now_ms() - t0;
	waitpid(spid, &st, 0);
	out->exit_ms = now_ms() - t0;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "migrate_bench: source exit status %d\n", st);
		goto out_s;
	}
	out->bytes = file_has(errpath, "migrated to", line, sizeof line) && strrchr(line, '(') ?
	             atol(strrchr(line, '(') + 1) : -1;
	out->heap = file_has(errpath, "heap_bytes=", line, sizeof line) ?
	            atol(strstr(line, " heap_bytes=") + 12) : -1;
	rc = 0;
out_s:
	close(efd);
	unlink(errpath);
out_t:
	kill(tpid, SIGKILL);
	waitpid(tpid, &st, 0);
	close(tp[0]);
	return rc;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	const char *app = NULL, *md = NULL, *dat = NULL;
	int quick = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--app") && i + 1 < argc) app = argv[++i];
		else if (!strcmp(argv[i], "--md") && i + 1 < argc) md = argv[++i];
		else if (!strcmp(argv[i], "--dat") && i + 1 < argc) dat = argv[++i];
		else if (!strcmp(argv[i], "--quick")) quick = 1;
		else {
			fprintf(stderr, "usage: migrate_bench --app PATH [--quick] [--md FILE] [--dat FILE]\n");
			return 2;
		}
	}
	if (!app) {
		fprintf(stderr, "migrate_bench: --app is required\n");
		return 2;
	}
	static const long full[] = { 10000, 100000, 1000000, 3000000, 10000000 };
	static const long small[] = { 10000, 100000 };
	const long *sizes = quick ? small : full;
	int nsizes = quick ? 2 : 5, reps = 3, fail = 0;
	FILE *fm = md ? fopen(md, "w") : NULL, *fd = dat ? fopen(dat, "w") : NULL;

	if (fm) {
		fprintf(fm, "## Migration latency on loopback\n\n");
		fprintf(fm, "Trigger (SIGUSR1 to the source) to the first callback run on the target, over TCP on "
		        "127.0.0.1 with the full protocol (HELLO, SNAP, verify, decode, restore, ACK, COMMIT, DONE; "
		        "BLAKE2b checksum, no key), msgpack snapshots of `bench/migrate_heap.js`; median of %d runs. "
		        "\"source exit\" is when the source process ended (after DONE). Measured by "
		        "`make bench-migrate` (bench/migrate_bench.c).\n\n", reps);
		fprintf(fm, "| heap target | source heap (allocator bytes) | snapshot (msgpack bytes) | "
		        "latency ms (median) | min | max | connected ms | restored ms | source exit ms |\n"
		        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	}
	if (fd)
		fprintf(fd, "# live_bytes latency_ms\n");
	printf("%10s %12s %12s %10s %10s %10s %10s %10s %10s\n", "target", "heap", "snapshot",
	       "latency", "min", "max", "connected", "restored", "src-exit");
	for (int s = 0; s < nsizes; s++) {
		double lat[8], ex[8], cn[8], rv[8];
		run r = { 0, 0, 0, 0, 0, 0 };
		int ok = 0;
		for (int k = 0; k < reps; k++) {
			if (one(app, sizes[s], &r) == 0) {
				lat[ok] = r.latency;
				ex[ok] = r.exit_ms;
				cn[ok] = r.conn;
				rv[ok] = r.recv;
				ok++;
			}
		}
		if (!ok) {
			fail = 1;
			continue;
		}
		qsort(lat, ok, sizeof lat[0], cmp_d);
		qsort(ex, ok, sizeof ex[0], cmp_d);
		qsort(cn, ok, sizeof cn[0], cmp_d);
		qsort(rv, ok, sizeof rv[0], cmp_d);
		printf("%10ld %12ld %12ld %10.2f %10.2f %10.2f %10.2f %10.2f %10.2f\n", sizes[s], r.heap,
		       r.bytes, lat[ok / 2], lat[0], lat[ok - 1], cn[ok / 2], rv[ok / 2], ex[ok / 2]);
		if (fm)
			fprintf(fm, "| %ld KB | %ld | %ld | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
			        sizes[s] / 1000, r.heap, r.bytes, lat[ok / 2], lat[0], lat[ok - 1],
			        cn[ok / 2], rv[ok / 2], ex[ok / 2]);
		if (fd)
			fprintf(fd, "%ld %.3f\n", r.heap, lat[ok / 2]);
	}
	if (fm)
		fclose(fm);
	if (fd)
		fclose(fd);
	return fail;
}
