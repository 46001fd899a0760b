/*
 * wire/ferry_tool.c -- the `ferry` command: inspect, convert and verify
 * snapshot files (see wire/ferry.1). Library code never prints; this file
 * is where errors become one line on stderr and an exit status:
 * 0 success, 1 a bad or mismatched snapshot / failed operation, 2 usage.
 */
#define _GNU_SOURCE 1   /* memmem */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "wire/ferry_tool.h"
#include "wire/wr_impl.h"

extern char **environ;

#define FT_HASH_WAIT_MS 10000   /* verify: how long APP --print-hash may take */

static const char usage_main[] =
"usage: ferry COMMAND [OPTIONS] ...\n"
"Inspect, convert and verify Ferry snapshots (JSON or msgpack, detected).\n"
"\n"
"commands:\n"
"  inspect [--json] [--top N] SNAP     summary of a snapshot (--json: full readable view)\n"
"  convert [--to json|msgpack] [--pretty] IN OUT\n"
"                                      convert between formats (OUT '-' = stdout)\n"
"  verify SNAP --app APP [--no-exec]   check that APP can resume SNAP (without running it)\n"
"  help [COMMAND]                      this text, or a command's\n"
"\n"
"options for every command:\n"
"  --max-bytes N    refuse snapshots larger than N bytes (suffix k, m or g;\n"
"                   default 256m); decoding takes at most 32 bytes of memory\n"
"                   per byte of N. Before or after COMMAND; --opt=VALUE too\n"
"  -h, --help       help;  --version  version\n"
"\n"
"Exit status: 0 success; 1 a bad, unreadable or another program's snapshot,\n"
"or an output that cannot be written (one line on stderr); 2 a usage error.\n"
"See ferry(1).\n";

static const char usage_inspect[] =
"usage: ferry inspect [--json] [--top N] SNAP\n"
"Prints the program hash, creation time, counts of objects, functions,\n"
"environments and timers by kind, approximate data bytes by kind, and the\n"
"N (default 10) largest values with their paths from a root.\n"
"--json prints the whole snapshot as indented JSON instead.\n"
"SNAP '-' reads standard input.\n";

static const char usage_convert[] =
"usage: ferry convert [--to json|msgpack] [--pretty] IN OUT\n"
"Decodes IN (format detected), validates it and writes it to OUT atomically.\n"
"The output format is --to, else OUT's extension (.json, .msgpack, .mp,\n"
".mpk); OUT '-' writes to standard output (needs --to). --pretty indents JSON.\n";

static const char usage_verify[] =
"usage: ferry verify SNAP --app APP [--no-exec]\n"
"Checks that SNAP decodes, is structurally valid, and was taken by the program\n"
"APP was built from (same program hash), without running the program: APP is\n"
"asked for its hash with `APP --print-hash`. With --no-exec (or when APP cannot\n"
"be run on this machine, or has not answered within 10 seconds) the hash is\n"
"searched for in APP's bytes instead.\n"
"Exit 0: APP can resume SNAP; 1: it cannot (the reason is printed).\n";

static size_t g_max_bytes;

/* A usage mistake: one line naming it, and where help is; exit 2. */
static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
	fprintf(stderr, "ferry: %s%s", cmd ? cmd : "", cmd ? ": " : "");
	fprintf(stderr, fmt, arg ? arg : "");
	fprintf(stderr, " (try 'ferry help%s%s')\n", cmd ? " " : "", cmd ? cmd : "");
	return 2;
}

/* after help or version text: 0, or 1 with a message if stdout failed */
static int stdout_ok(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("ferry: write error\n", stderr);
		return 1;
	}
	return 0;
}

/* If argv[*i] is option `name`, as "NAME VALUE" or "NAME=VALUE", sets *val
 * (stepping *i past a separate value) and returns 1; 0 if it is another
 * word; -1 if the value is missing. */
static int opt_value(int argc, char **argv, int *i, const char *name, const char **val)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*val = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*val = argv[++*i];
	return 1;
}

/* --max-bytes VALUE: 0, or 2 after a usage error */
static int set_max_bytes(const char *cmd, const char *v)
{
	char *end;
	unsigned long long n, mul = 1;

	errno = 0;
	n = strtoull(v, &end, 10);
	/* suffixes as the device executable's --max-snapshot takes them */
	if (end != v && (*end == 'k' || *end == 'K'))
		mul = 1024ull, end++;
	else if (end != v && (*end == 'm' || *end == 'M'))
		mul = 1024ull * 1024, end++;
	else if (end != v && (*end == 'g' || *end == 'G'))
		mul = 1024ull * 1024 * 1024, end++;
	if (!*v || *v == '-' || *end || errno || n == 0 || n > (size_t)-1 / mul)
		return usage_error(cmd, "--max-bytes '%s': not a positive number of bytes", v);
	g_max_bytes = (size_t)(n * mul);
	return 0;
}

void ft_hex(const uint8_t hash[32], char out[65])
{
	static const char d[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		out[2 * i] = d[hash[i] >> 4];
		out[2 * i + 1] = d[hash[i] & 15];
	}
	out[64] = 0;
}

int ft_load(const char *path, ft_snap *fs)
{
	uint8_t *data;
	size_t len;
	wr_error e;
	wr_limits lim;

	memset(fs, 0, sizeof *fs);
	fs->path = path;
	wr_limits_default(&lim);
	if (g_max_bytes)
		wr_limits_input(&lim, g_max_bytes);   /* the model's memory bound follows */
	if (wr_read_file(path, lim.max_bytes, &data, &len, &e)) {
		fprintf(stderr, "ferry: %s\n", e.msg);
		return -1;
	}
	fs->size = len;
	fs->fmt = wr_detect(data, len);
	if (wr_read(data, len, &lim, &fs->s, &e)) {
		fprintf(stderr, "ferry: %s: %s\n", path, e.msg);
		free(data);
		return -1;
	}
	free(data);
	return 0;
}

void ft_unload(ft_snap *fs)
{
	wr_snapshot_free(fs->s);
	fs->s = NULL;
}

/* ---- inspect ---- */

static int cmd_inspect(int argc, char **argv)
{
	int json = 0, top_given = 0, r, dd = 0;
	unsigned long top = 10;
	const char *snap = NULL, *v;
	for (int i = 0; i < argc; i++) {
		if (!dd && !strcmp(argv[i], "--")) {
			dd = 1;   /* what follows is file names, even "-x" */
			continue;
		}
		if (!dd && !strcmp(argv[i], "--json")) {
			json = 1;
		} else if (!dd && (r = opt_value(argc, argv, &i, "--top", &v)) != 0) {
			char *end;
			if (r < 0)
				return usage_error("inspect", "option %s needs a value", "--top");
			errno = 0;
			top = strtoul(v, &end, 10);
			if (!*v || *v == '-' || *end || errno || top > 1000000)
				return usage_error("inspect", "--top '%s': not a count (0 to 1000000)", v);
			top_given = 1;
		} else if (!dd && argv[i][0] == '-' && argv[i][1]) {
			return usage_error("inspect", "unknown option %s", argv[i]);
		} else if (!snap) {
			snap = argv[i];
		} else {
			return usage_error("inspect", "one snapshot at a time (%s is one too many)", argv[i]);
		}
	}
	if (!snap)
		return usage_error("inspect", "which snapshot?%s", NULL);
	if (json && top_given)
		return usage_error("inspect", "--top is for the summary; --json prints the whole snapshot%s", NULL);
	ft_snap fs;
	if (ft_load(snap, &fs))
		return 1;
	int rc = 0;
	if (json) {
		wr_buf b = { 0 };
		wr_error e;
		if (wr_json_write(fs.s, &b, 1, &e)) {
			fprintf(stderr, "ferry: %s\n", e.msg);
			rc = 1;
		} else if (fwrite(b.data, 1, b.len, stdout) != b.len) {
			rc = 1;
		}
		wr_buf_free(&b);
	} else {
		rc = ft_inspect_summary(&fs, stdout, (unsigned)top) ? 1 : 0;
	}
	ft_unload(&fs);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "ferry: inspect: cannot write the output\n");
		rc = 1;
	}
	return rc;
}

/* ---- convert ---- */

static wr_format fmt_from_name(const char *n)
{
	if (!strcmp(n, "json"))
		return WR_FMT_JSON;
	if (!strcmp(n, "msgpack") || !strcmp(n, "mp") || !strcmp(n, "mpk"))
		return WR_FMT_MSGPACK;
	return WR_FMT_UNKNOWN;
}

static int cmd_convert(int argc, char **argv)
{
	const char *in = NULL, *out = NULL, *v;
	wr_format to = WR_FMT_UNKNOWN;
	int pretty = 0, r, dd = 0;
	for (int i = 0; i < argc; i++) {
		if (!dd && !strcmp(argv[i], "--")) {
			dd = 1;   /* what follows is file names, even "-x" */
			continue;
		}
		if (!dd && (r = opt_value(argc, argv, &i, "--to", &v)) != 0) {
			if (r < 0)
				return usage_error("convert", "option %s needs a value", "--to");
			to = fmt_from_name(v);
			if (to == WR_FMT_UNKNOWN)
				return usage_error("convert", "--to '%s': not json or msgpack", v);
		} else if (!dd && !strcmp(argv[i], "--pretty")) {
			pretty = 1;
		} else if (!dd && argv[i][0] == '-' && argv[i][1]) {
			return usage_error("convert", "unknown option %s", argv[i]);
		} else if (!in) {
			in = argv[i];
		} else if (!out) {
			out = argv[i];
		} else {
			return usage_error("convert", "takes IN and OUT (%s is one too many)", argv[i]);
		}
	}
	if (!in || !out)
		return usage_error("convert", "needs IN and OUT%s", NULL);
	{
		/* say it now, not after decoding IN, nor as a failed rename */
		struct stat st;
		if (strcmp(out, "-") != 0 && stat(out, &st) == 0 && S_ISDIR(st.st_mode)) {
			fprintf(stderr, "ferry: convert: %s: is a directory (OUT names the file to write)\n", out);
			return 1;
		}
	}
	if (to == WR_FMT_UNKNOWN) {
		const char *dot = strrchr(out, '.'), *slash = strrchr(out, '/');
		if (dot && (!slash || dot > slash))
			to = fmt_from_name(dot + 1);
		if (to == WR_FMT_UNKNOWN) {
			fprintf(stderr, "ferry: convert: cannot tell the format of %s from its name; use --to json|msgpack\n", out);
			return 2;
		}
	}
	if (pretty && to != WR_FMT_JSON)
		return usage_error("convert", "--pretty indents JSON, and %s is written as msgpack", out);
	ft_snap fs;
	if (ft_load(in, &fs))
		return 1;
	wr_buf b = { 0 };
	wr_error e;
	int rc = 0;
	if (to == WR_FMT_JSON ? wr_json_write(fs.s, &b, pretty, &e) : wr_write(fs.s, to, &b, &e)) {
		fprintf(stderr, "ferry: convert: %s\n", e.msg);
		rc = 1;
	} else if (!strcmp(out, "-")) {
		if (fwrite(b.data, 1, b.len, stdout) != b.len || fflush(stdout)) {
			fprintf(stderr, "ferry: convert: cannot write to standard output\n");
			rc = 1;
		}
	} else if (wr_write_file_atomic(out, b.data, b.len, &e)) {
		fprintf(stderr, "ferry: %s\n", e.msg);
		rc = 1;
	}
	wr_buf_free(&b);
	ft_unload(&fs);
	return rc;
}

/* ---- verify ---- */

/* Run `app --print-hash`; 0 with the hash, -1 if it cannot be run or says
 * something else (why is set). */
static int app_hash_exec(const char *app, uint8_t hash[32], const char **why)
{
	int fds[2];
	pid_t pid;
	posix_spawn_file_actions_t fa;
	char *argv[] = { (char *)app, (char *)"--print-hash", NULL };
	char buf[256];
	size_t n = 0;

	if (pipe(fds)) {
		*why = "cannot create a pipe";
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	int rc = posix_spawn(&pid, app, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc) {
		close(fds[0]);
		*why = "cannot be run here";
		return -1;
	}
	/* a device executable answers at once; anything else (a program that
	 * ignores the option and runs on, or waits) gets FT_HASH_WAIT_MS, then
	 * is killed, and the hash is searched for in its bytes instead */
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int timed_out = 0;
	for (;;) {
		long left;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		left = FT_HASH_WAIT_MS - ((t1.tv_sec - t0.tv_sec) * 1000L + (t1.tv_nsec - t0.tv_nsec) / 1000000L);
		struct pollfd pf = { .fd = fds[0], .events = POLLIN };
		int pr = left > 0 ? poll(&pf, 1, (int)left) : 0;
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr <= 0) {
			timed_out = 1;
			break;
		}
		ssize_t r = read(fds[0], buf + n, sizeof buf - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
		if (n == sizeof buf - 1)
			break;
	}
	close(fds[0]);
	int st = 0;
	if (timed_out)
		kill(pid, SIGKILL);
	for (;;) {
		pid_t w = waitpid(pid, &st, timed_out ? 0 : WNOHANG);
		if (w < 0 && errno == EINTR)
			continue;
		if (w != 0)
			break;
		/* its output ended but it runs on: wait out the deadline, then kill */
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if ((t1.tv_sec - t0.tv_sec) * 1000L + (t1.tv_nsec - t0.tv_nsec) / 1000000L >= FT_HASH_WAIT_MS) {
			timed_out = 1;
			kill(pid, SIGKILL);
		} else {
			poll(NULL, 0, 10);
		}
	}
	if (timed_out) {
		*why = "does not answer --print-hash within 10 seconds";
		return -1;
	}
	buf[n] = 0;
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = 0;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 || n != 64) {
		*why = "does not answer --print-hash";
		return -1;
	}
	for (int i = 0; i < 32; i++) {
		unsigned v;
		if (sscanf(buf + 2 * i, "%2x", &v) != 1 || !strchr("0123456789abcdefABCDEF", buf[2 * i]) ||
		    !strchr("0123456789abcdefABCDEF", buf[2 * i + 1])) {
			*why = "answers --print-hash with something that is not a hash";
			return -1;
		}
		hash[i] = (uint8_t)v;
	}
	return 0;
}

static int cmd_verify(int argc, char **argv)
{
	const char *snap = NULL, *app = NULL, *v;
	int noexec = 0, r, dd = 0;
	for (int i = 0; i < argc; i++) {
		if (!dd && !strcmp(argv[i], "--")) {
			dd = 1;   /* what follows is file names, even "-x" */
			continue;
		}
		if (!dd && (r = opt_value(argc, argv, &i, "--app", &v)) != 0) {
			if (r < 0)
				return usage_error("verify", "option %s needs a value", "--app");
			app = v;
		} else if (!dd && !strcmp(argv[i], "--no-exec"))
			noexec = 1;
		else if (!dd && argv[i][0] == '-' && argv[i][1])
			return usage_error("verify", "unknown option %s", argv[i]);
		else if (!snap)
			snap = argv[i];
		else
			return usage_error("verify", "one snapshot at a time (%s is one too many)", argv[i]);
	}
	if (!snap || !app)
		return usage_error("verify", "needs SNAP and --app APP%s", NULL);
	if (access(app, R_OK)) {
		fprintf(stderr, "ferry: verify: %s: %s\n", app, strerror(errno));
		return 1;
	}
	ft_snap fs;
	if (ft_load(snap, &fs))
		return 1;
	char shex[65], ahex[65];
	ft_hex(fs.s->hash, shex);
	uint8_t ah[32];
	const char *why = NULL;
	int rc = 1;
	if (!noexec && app_hash_exec(app, ah, &why) == 0) {
		ft_hex(ah, ahex);
		if (memcmp(ah, fs.s->hash, 32) == 0) {
			printf("ok: %s can resume %s (program hash %s; %u objects, %u timers)\n",
			       app, snap, shex, (unsigned)fs.s->nobjects, (unsigned)fs.s->ntimers);
			rc = 0;
		} else {
			fprintf(stderr, "ferry: verify: %s was taken by another program (snapshot hash %s, %s has %s)\n",
			        snap, shex, app, ahex);
		}
	} else {
		/* cannot ask: the program hash is stored in the executable's restore
		 * table as 32 raw bytes; look for them */
		uint8_t *bin;
		size_t blen;
		wr_error e;
		if (wr_read_file(app, (size_t)1 << 30, &bin, &blen, &e)) {
			fprintf(stderr, "ferry: verify: %s\n", e.msg);
		} else {
			int found = memmem(bin, blen, fs.s->hash, 32) != NULL;
			free(bin);
			if (found) {
				printf("ok: %s contains the program hash %s of %s (%u objects, %u timers)%s%s\n",
				       app, shex, snap, (unsigned)fs.s->nobjects, (unsigned)fs.s->ntimers,
				       why ? "; not run: it " : "", why ? why : "");
				rc = 0;
			} else {
				fprintf(stderr, "ferry: verify: %s was taken by another program: %s does not contain its hash %s%s%s%s\n",
				        snap, app, shex, why ? " (and it " : "", why ? why : "", why ? ")" : "");
			}
		}
	}
	ft_unload(&fs);
	return rc;
}

int main(int argc, char **argv)
{
	const char *v;
	int r, first = 1;

	/* an option for every command may also come before the command */
	while (first < argc && (r = opt_value(argc, argv, &first, "--max-bytes", &v)) != 0) {
		if (r < 0)
			return usage_error(NULL, "option %s needs a value", "--max-bytes");
		if (set_max_bytes(NULL, v) != 0)
			return 2;
		first++;
	}
	/* the command is argv[1] from here on */
	argv += first - 1;
	argc -= first - 1;
	if (argc < 2)
		return usage_error(NULL, "which command? inspect, convert or verify%s", NULL);
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		fputs(usage_main, stdout);
		return stdout_ok();
	}
	if (!strcmp(cmd, "--version")) {
		printf("ferry %s (snapshot format version %u)\n", PACKAGE_VERSION, WR_FORMAT_VERSION);
		return stdout_ok();
	}
	if (!strcmp(cmd, "help")) {
		const char *c = argc > 2 ? argv[2] : NULL;
		const char *u = !c ? usage_main : !strcmp(c, "inspect") ? usage_inspect :
		                !strcmp(c, "convert") ? usage_convert : !strcmp(c, "verify") ? usage_verify :
		                !strcmp(c, "help") ? usage_main : NULL;
		if (!u)
			return usage_error(NULL, "help: unknown command '%s'", c);
		if (argc > 3)
			return usage_error(NULL, "help takes one command (%s is one too many)", argv[3]);
		fputs(u, stdout);
		return stdout_ok();
	}
	/* shared options, and per-command --help */
	int n = 0;
	char **rest = calloc((size_t)argc, sizeof *rest);
	if (!rest)
		return 1;
	const char *usage = !strcmp(cmd, "inspect") ? usage_inspect : !strcmp(cmd, "convert") ? usage_convert :
	                    !strcmp(cmd, "verify") ? usage_verify : NULL;
	if (!usage) {
		free(rest);
		return usage_error(NULL, cmd[0] == '-' ? "unknown option %s" : "unknown command '%s'", cmd);
	}
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			/* the rest is the command's, uninterpreted */
			while (i < argc)
				rest[n++] = argv[i++];
			break;
		}
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			free(rest);
			return stdout_ok();
		}
		if ((r = opt_value(argc, argv, &i, "--max-bytes", &v)) != 0) {
			if (r < 0 || set_max_bytes(cmd, v) != 0) {
				free(rest);
				return r < 0 ? usage_error(cmd, "option %s needs a value", "--max-bytes") : 2;
			}
			continue;
		}
		rest[n++] = argv[i];
	}
	int rc = !strcmp(cmd, "inspect") ? cmd_inspect(n, rest) :
	         !strcmp(cmd, "convert") ? cmd_convert(n, rest) : cmd_verify(n, rest);
	free(rest);
	return rc;
}
