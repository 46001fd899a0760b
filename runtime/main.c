/*
 * runtime/main.c -- ferry_main(), the device executable's entry point:
 * command-line options (documented in runtime/ferry-app.1 and --help), then
 * run the program's top level, or resume a snapshot (--resume FILE) or
 * receive one (--listen), then the event loop, and the process status.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "runtime/rt_core.h"
#include "runtime/snapfile.h"

static const char rt_usage[] =
"Usage: %s [OPTION]... [--] [PROGRAM-ARGUMENT]...\n"
"Run the embedded JavaScript program %s (a Ferry device executable).\n"
"\n"
"Snapshots (taken only between two event-loop turns):\n"
"  --snapshot-to FILE         where SIGUSR1 and --snapshot-after-turns write\n"
"                             the snapshot (then exit 0), and checkpoints go\n"
"  --snapshot-after-turns N   snapshot after exactly N turns (callbacks) run by\n"
"                             this process, then exit 0\n"
"  --checkpoint-every MS      write a checkpoint to --snapshot-to every MS\n"
"                             milliseconds and keep running\n"
"  --snapshot-format FMT      json (default) or msgpack: the encoding of\n"
"                             --snapshot-to's file\n"
"  --resume FILE              continue from a snapshot instead of running the\n"
"                             program from the start\n"
"Migration:\n"
"  --listen HOST:PORT         wait for a migrating program, then run it\n"
"  --migrate-to HOST:PORT     on SIGUSR1 or --snapshot-after-turns, send the\n"
"                             program there; exit 0 once it runs there\n"
"  --key FILE                 authenticate transfers with the key in FILE\n"
"  --max-snapshot BYTES       refuse snapshots (--resume, --listen) larger than\n"
"                             BYTES (suffix k, m or g; default and most 256m);\n"
"                             decoding one then takes at most 32 bytes of\n"
"                             memory per byte, plus 1 MiB\n"
"Other:\n"
"  --max-heap BYTES           cap the JavaScript heap (suffix k, m or g);\n"
"                             allocations beyond it throw Error: alloc failed\n"
"  --stats                    print peak heap bytes and turns on exit (stderr)\n"
"  --print-hash               print the program hash (hex) and exit\n"
"  -h, --help                 this text\n"
"  --version                  the Ferry version\n"
"\n"
"Exit status: the program's (process.exit, process.exitCode, else 0);\n"
"1 after an uncaught error, a failed --resume, a migration that failed\n"
"after this target began restoring it, an unreadable --key file or a\n"
"--listen address in use; 2 for a bad command line; 3 after a fatal\n"
"runtime error.\n";

static int rt_parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;
	unsigned long long mul = 1;

	if (!s || !*s || *s == '-')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	if (*end == 'k' || *end == 'K') mul = 1024ull, end++;
	else if (*end == 'm' || *end == 'M') mul = 1024ull * 1024, end++;
	else if (*end == 'g' || *end == 'G') mul = 1024ull * 1024 * 1024, end++;
	if (*end || v > (unsigned long long)(size_t)-1 / mul)
		return -1;
	*out = (size_t)(v * mul);
	return 0;
}

static int rt_parse_long(const char *s, long *out)
{
	char *end;
	long v;
	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < 0)
		return -1;
	*out = v;
	return 0;
}

static int rt_parse_ms(const char *s, double *out)
{
	char *end;
	double v;
	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || !(v > 0) || v > 2147483647.0)
		return -1;
	*out = v;
	return 0;
}

static const char *rt_base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int rt_known_option(const char *name)
{
	static const char *const opts[] = {
		"--snapshot-to", "--snapshot-after-turns", "--checkpoint-every",
		"--snapshot-format", "--resume", "--max-heap", "--listen", "--max-snapshot",
		"--migrate-to", "--key", NULL
	};
	int i;
	for (i = 0; opts[i]; i++)
		if (!strcmp(name, opts[i]))
			return 1;
	return 0;
}

/* --snapshot-to is written much later (on a signal, or after N turns):
 * check now that it can be, so a typo fails at start and not when the
 * state is to be saved. 0 ok, else -1 with the reason printed. */
static int rt_check_snapshot_to(const char *me, const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[4096];
	struct stat st;

	if (!*path) {
		fprintf(stderr, "%s: --snapshot-to: empty file name\n", me);
		return -1;
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: --snapshot-to %s: is a directory (name a file)\n", me, path);
		return -1;
	}
	if (!slash)
		strcpy(dir, ".");
	else if (slash == path)
		strcpy(dir, "/");
	else if ((size_t)(slash - path) < sizeof dir)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		return 0;   /* let the write say what is wrong */
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: --snapshot-to %s: directory %s does not exist\n", me, path, dir);
		return -1;
	}
	if (access(dir, W_OK) < 0) {
		fprintf(stderr, "%s: --snapshot-to %s: cannot write in %s: %s\n", me, path, dir,
		        strerror(errno));
		return -1;
	}
	return 0;
}

enum { RT_PARSE_RUN = 0, RT_PARSE_EXIT_OK = 1, RT_PARSE_BAD = -1 };

/* Fill opts from argv. Options come first; the first word that does not
 * start with '-' (or "-" itself), or what follows "--", is the program's
 * own arguments. Returns RT_PARSE_*. */
static int rt_parse_args(const ferry_program *prog, rt_opts *o, int argc, char **argv)
{
	const char *me = argc > 0 ? rt_base(argv[0]) : "app";
	int i, format_given = 0;

	o->after_turns = -1;
	o->format = WR_FMT_JSON;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL, *eq;
		char name[40];
		size_t nlen;

		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || a[1] == '\0')
			break;
		if (a[1] != '-') {
			/* a single-dash word before any program argument: -h is
			 * help, anything else a mistake rather than the program's */
			if (!strcmp(a, "-h")) {
				printf(rt_usage, me, prog->filename ? prog->filename : "");
				return RT_PARSE_EXIT_OK;
			}
			fprintf(stderr, "%s: unknown option '%s' (program arguments that start "
			        "with '-' go after --)\n", me, a);
			return RT_PARSE_BAD;
		}
		eq = strchr(a, '=');
		nlen = eq ? (size_t)(eq - a) : strlen(a);
		if (nlen >= sizeof name) {
			fprintf(stderr, "%s: unknown option '%s' (try --help)\n", me, a);
			return RT_PARSE_BAD;
		}
		memcpy(name, a, nlen);
		name[nlen] = '\0';

		if (!strcmp(name, "--help") || !strcmp(name, "--version") ||
		    !strcmp(name, "--stats") || !strcmp(name, "--print-hash")) {
			if (eq) {
				fprintf(stderr, "%s: option '%s' takes no value\n", me, name);
				return RT_PARSE_BAD;
			}
			if (!strcmp(name, "--help")) {
				printf(rt_usage, me, prog->filename ? prog->filename : "");
				return RT_PARSE_EXIT_OK;
			}
			if (!strcmp(name, "--version")) {
				printf("%s (Ferry %s, Duktape %ld.%ld.%ld)\n", me, PACKAGE_VERSION,
				       (long)DUK_VERSION / 10000, (long)DUK_VERSION / 100 % 100,
				       (long)DUK_VERSION % 100);
				return RT_PARSE_EXIT_OK;
			}
			if (!strcmp(name, "--print-hash")) {
				int k;
				for (k = 0; k < 32; k++)
					printf("%02x", prog->hash[k]);
				putchar('\n');
				return RT_PARSE_EXIT_OK;
			}
			o->stats = 1;
			continue;
		}
		if (!rt_known_option(name)) {
			fprintf(stderr, "%s: unknown option '%s' (try --help)\n", me, name);
			return RT_PARSE_BAD;
		}
		if (eq) {
			val = eq + 1;
		} else if (i + 1 < argc) {
			val = argv[++i];
		} else {
			fprintf(stderr, "%s: option '%s' needs a value (try --help)\n", me, name);
			return RT_PARSE_BAD;
		}
		if (!strcmp(name, "--snapshot-to")) {
			o->snapshot_to = val;
		} else if (!strcmp(name, "--snapshot-after-turns")) {
			if (rt_parse_long(val, &o->after_turns) < 0) {
				fprintf(stderr, "%s: --snapshot-after-turns: '%s' is not a count\n", me, val);
				return RT_PARSE_BAD;
			}
		} else if (!strcmp(name, "--checkpoint-every")) {
			if (rt_parse_ms(val, &o->checkpoint_every) < 0) {
				fprintf(stderr, "%s: --checkpoint-every: '%s' is not a number of "
				        "milliseconds from 1 to 2147483647\n", me, val);
				return RT_PARSE_BAD;
			}
		} else if (!strcmp(name, "--snapshot-format")) {
			format_given = 1;
			if (!strcmp(val, "json"))
				o->format = WR_FMT_JSON;
			else if (!strcmp(val, "msgpack"))
				o->format = WR_FMT_MSGPACK;
			else {
				fprintf(stderr, "%s: --snapshot-format: '%s' is not json or msgpack\n", me, val);
				return RT_PARSE_BAD;
			}
		} else if (!strcmp(name, "--resume")) {
			if (!*val) {
				fprintf(stderr, "%s: --resume: empty file name\n", me);
				return RT_PARSE_BAD;
			}
			o->resume = val;
		} else if (!strcmp(name, "--max-heap")) {
			if (rt_parse_size(val, &o->max_heap) < 0 || o->max_heap == 0) {
				fprintf(stderr, "%s: --max-heap: '%s' is not a size in bytes\n", me, val);
				return RT_PARSE_BAD;
			}
		} else if (!strcmp(name, "--max-snapshot")) {
			wr_limits dl;
			wr_limits_default(&dl);
			if (rt_parse_size(val, &o->max_snapshot) < 0 || o->max_snapshot == 0 ||
			    o->max_snapshot > dl.max_bytes) {
				fprintf(stderr, "%s: --max-snapshot: '%s' is not a size in bytes from 1 to "
				        "%zum\n", me, val, dl.max_bytes >> 20);
				return RT_PARSE_BAD;
			}
		} else if (!strcmp(name, "--listen")) {
			o->listen = val;
		} else if (!strcmp(name, "--migrate-to")) {
			o->migrate_to = val;
		} else if (!strcmp(name, "--key")) {
			if (!*val) {
				fprintf(stderr, "%s: --key: empty file name\n", me);
				return RT_PARSE_BAD;
			}
			o->key_file = val;
		} else {
			fprintf(stderr, "%s: unknown option '%s' (try --help)\n", me, name);
			return RT_PARSE_BAD;
		}
	}
	if (o->resume && o->listen) {
		fprintf(stderr, "%s: --resume and --listen cannot be combined\n", me);
		return RT_PARSE_BAD;
	}
	if (o->key_file && !o->listen && !o->migrate_to) {
		fprintf(stderr, "%s: --key needs --listen HOST:PORT or --migrate-to HOST:PORT\n", me);
		return RT_PARSE_BAD;
	}
	if (o->max_snapshot && !o->resume && !o->listen) {
		fprintf(stderr, "%s: --max-snapshot needs --resume FILE or --listen HOST:PORT\n", me);
		return RT_PARSE_BAD;
	}
	if (o->snapshot_to && rt_check_snapshot_to(me, o->snapshot_to) < 0)
		return RT_PARSE_BAD;
	if (o->checkpoint_every > 0 && !o->snapshot_to) {
		fprintf(stderr, "%s: --checkpoint-every needs --snapshot-to FILE\n", me);
		return RT_PARSE_BAD;
	}
	if (format_given && !o->snapshot_to) {
		/* the format is that of files written to --snapshot-to; a migration
		 * has its own (doc/protocol.md), and --resume detects it */
		fprintf(stderr, "%s: --snapshot-format needs --snapshot-to FILE (it is the format "
		        "of that file)\n", me);
		return RT_PARSE_BAD;
	}
	if (o->after_turns >= 0 && !o->snapshot_to && !o->migrate_to) {
		fprintf(stderr, "%s: --snapshot-after-turns needs --snapshot-to FILE or "
		        "--migrate-to HOST:PORT\n", me);
		return RT_PARSE_BAD;
	}
	/* program arguments: argv[0] then what follows the options (the slot
	 * before them held an option and now gets argv[0]) */
	if (i > 1)
		argv[i - 1] = argv[0];
	o->argc = argc - i + 1;
	o->argv = argv + i - 1;
	return RT_PARSE_RUN;
}

void rt_print_stats(const rt_ctx *rt)
{
	if (!rt->opts.stats)
		return;
	fprintf(stderr, "ferry-stats: peak_heap_bytes=%zu heap_bytes=%zu allocs=%zu turns=%ld\n",
	        rt->alloc.peak, rt->alloc.cur, rt->alloc.nallocs, rt->turns);
}

int ferry_main(const ferry_program *prog, int argc, char **argv)
{
	rt_ctx rt;
	char err[512];
	const char *me = argc > 0 ? rt_base(argv[0]) : "app";
	int status, pr;

	memset(&rt, 0, sizeof rt);
	if (!prog || prog->abi != FERRY_ABI_VERSION) {
		fprintf(stderr, "%s: program built for libferry ABI %u, this is ABI %u: "
		        "rebuild it with this ferryc\n", me, prog ? prog->abi : 0u, FERRY_ABI_VERSION);
		return RT_EXIT_USAGE;
	}
	rt.prog = prog;
	pr = rt_parse_args(prog, &rt.opts, argc, argv);
	if (pr == RT_PARSE_EXIT_OK) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "%s: write error\n", me);
			return RT_EXIT_ERROR;
		}
		return RT_EXIT_OK;
	}
	if (pr == RT_PARSE_BAD)
		return RT_EXIT_USAGE;
	if ((status = rt_xfer_check_opts(&rt.opts, err, sizeof err)) != 0) {
		fprintf(stderr, "%s: %s\n", me, err);
		return status;
	}

	err[0] = '\0';
	rt_trigger_init(&rt);   /* SIGUSR1 handled from here on */
	if (rt_heap_open(&rt, err, sizeof err) < 0 ||
	    rt_snap_install(&rt, err, sizeof err) < 0) {
		fprintf(stderr, "%s: %s\n", me, err);
		rt_heap_close(&rt);
		return RT_EXIT_ERROR;
	}
	if (rt.opts.max_heap) {
		/* the cap is for the program: the empty runtime (its garbage
		 * collected) must fit under it */
		duk_gc(rt.ctx, 0);
		duk_gc(rt.ctx, 0);
		if (rt.alloc.cur >= rt.opts.max_heap) {
			fprintf(stderr, "%s: cannot create the JavaScript heap within --max-heap "
			        "%zu bytes (the runtime needs %zu at start)\n", me, rt.opts.max_heap,
			        rt.alloc.cur);
			rt_heap_close(&rt);
			return RT_EXIT_ERROR;
		}
		rt.alloc.limit = rt.opts.max_heap;
	}
	if (rt.opts.checkpoint_every > 0)
		rt.next_checkpoint = rt_now(&rt) + rt.opts.checkpoint_every;

	if (rt.opts.resume) {
		if (rt_snapfile_resume(&rt, rt.opts.resume, err, sizeof err) < 0) {
			fprintf(stderr, "%s: cannot resume: %s\n", me, err);
			rt_heap_close(&rt);
			return RT_EXIT_ERROR;
		}
	} else if (rt.opts.listen) {
		if (rt_xfer_listen(&rt, err, sizeof err) < 0) {
			fprintf(stderr, "%s: %s\n", me, err);
			rt_heap_close(&rt);
			return RT_EXIT_ERROR;
		}
		/* a SIGUSR1 that came while no program was here (the wait has no
		 * bound) is not a request for the program that arrived since */
		if (rt_snapshot_requested) {
			rt_snapshot_requested = 0;
			fprintf(stderr, "ferry: SIGUSR1 came while waiting for a migration, "
			        "with no program to snapshot; ignored\n");
		}
	} else if (rt_run_program(&rt) < 0) {
		rt_print_stats(&rt);
		rt_heap_close(&rt);
		return RT_EXIT_ERROR;
	}
	status = rt_loop_run(&rt, rt.opts.resume || rt.opts.listen);
	fflush(stdout);
	rt_print_stats(&rt);
	rt_heap_close(&rt);
	return status;
}
