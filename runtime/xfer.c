/*
 * runtime/xfer.c -- the device side of over-the-air migration:
 * rt_xfer_listen (--listen: wait for a source, verify, restore, hand-over)
 * and rt_xfer_send (--migrate-to: offer a snapshot taken at a boundary).
 * Frames, sockets and the protocol are wire/xfer*.c; this file only plugs
 * the runtime's restore into them and chooses what to print.
 *
 * FERRY_XFER_TIMEOUT_MS (default 10000) bounds each wait for the peer;
 * FERRY_XFER_MIN_RATE (bytes/s, default 4096, 0: none) the time of a whole
 * snapshot frame: timeout + bytes / rate (a peer trickling bytes cannot hold
 * the target, nor the paused source, for ever).
 * FERRY_XFER_FAULT=NAME injects a failure at one protocol step (tests only;
 * names in wire/xfer_proto.c, e.g. target-die-after-ack, source-corrupt).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/rt_core.h"
#include "runtime/snapfile.h"
#include "wire/xfer.h"

#define RT_XFER_TIMEOUT_MS 10000
#define RT_XFER_MIN_RATE   4096

/* the decimal integer in environment variable name when it lies in
 * [lo, hi], else dflt */
static long env_long(const char *name, long lo, long hi, long dflt)
{
	const char *s = getenv(name);
	if (s && *s) {
		char *end;
		long v = strtol(s, &end, 10);
		if (*end == '\0' && v >= lo && v <= hi)
			return v;
	}
	return dflt;
}

static int xfer_timeout(void)
{
	return (int)env_long("FERRY_XFER_TIMEOUT_MS", 1, 3600000, RT_XFER_TIMEOUT_MS);
}

static unsigned xfer_min_rate(void)
{
	return (unsigned)env_long("FERRY_XFER_MIN_RATE", 0, 1L << 30, RT_XFER_MIN_RATE);
}

static int xfer_fault(void)
{
	const char *s = getenv("FERRY_XFER_FAULT");
	int f = s && *s ? wr_xfer_fault_from(s) : 0;
	return f < 0 ? 0 : f;
}

static int load_key(const rt_ctx *rt, wr_xfer_key *key, char *err, size_t errlen)
{
	wr_error e;
	memset(key, 0, sizeof *key);
	if (!rt->opts.key_file)
		return 0;
	if (wr_xfer_key_load(rt->opts.key_file, key, &e) < 0) {
		snprintf(err, errlen, "%s", e.msg);
		return -1;
	}
	return 0;
}

int rt_xfer_check_opts(const rt_opts *o, char *err, size_t errlen)
{
	wr_xfer_key key;
	wr_error e;
	if (o->listen && wr_xfer_hostport_check(o->listen, &e) < 0) {
		snprintf(err, errlen, "--listen: %s", e.msg);
		return RT_EXIT_USAGE;
	}
	if (o->migrate_to && wr_xfer_hostport_check(o->migrate_to, &e) < 0) {
		snprintf(err, errlen, "--migrate-to: %s", e.msg);
		return RT_EXIT_USAGE;
	}
	if (o->key_file) {
		if (wr_xfer_key_load(o->key_file, &key, &e) < 0) {
			snprintf(err, errlen, "%s", e.msg);
			return RT_EXIT_ERROR;
		}
		memset(&key, 0, sizeof key);
	}
	return 0;
}

/* the target's restore hook: decode fully, check, then rebuild the heap */
static int restore_payload(void *ctx, const uint8_t *payload, size_t len,
                           char *err, size_t errlen)
{
	rt_ctx *rt = ctx;
	wr_limits lim;
	wr_snapshot *snap = NULL;
	wr_error e;

	rt_snap_limits(&rt->opts, &lim);
	if (wr_msgpack_read(payload, len, &lim, &snap, &e) < 0) {
		snprintf(err, errlen, "bad snapshot: %s", e.msg);
		return WR_XFER_REJECT;
	}
	if (memcmp(snap->hash, rt->prog->hash, sizeof snap->hash) != 0) {
		wr_snapshot_free(snap);
		snprintf(err, errlen, "the snapshot was taken by a different program (hash mismatch)");
		return WR_XFER_REJECT;
	}
	int rc = rt_restore(rt, snap, err, errlen);
	if (rc == 0)
		rt_timers_rebase(rt, snap); /* as --resume does: overdue timers keep their due order */
	wr_snapshot_free(snap);
	return rc < 0 ? WR_XFER_BROKEN : WR_XFER_OK;
}

int rt_xfer_listen(rt_ctx *rt, char *err, size_t errlen)
{
	wr_xfer_key key;
	wr_xfer_opts o;
	wr_limits lim;
	wr_error e;
	int lfd, fd;

	if (load_key(rt, &key, err, errlen) < 0)
		return -1;
	rt_snap_limits(&rt->opts, &lim);
	o.key = key.len ? &key : NULL;
	o.timeout_ms = xfer_timeout();
	o.max_payload = lim.max_bytes;
	o.fault = xfer_fault();
	o.min_rate = xfer_min_rate();
	if (wr_xfer_listen(rt->opts.listen, &lfd, &e) < 0) {
		snprintf(err, errlen, "%s", e.msg);
		return -1;
	}
	fprintf(stderr, "ferry: listening on %s (port %d), waiting for a snapshot%s\n",
	        rt->opts.listen, wr_xfer_local_port(lfd), o.key ? " (authenticated)" : "");
	for (;;) {
		if (wr_xfer_accept(lfd, -1, &fd, &e) < 0) {
			close(lfd);
			snprintf(err, errlen, "%s", e.msg);
			return -1;
		}
		fprintf(stderr, "ferry: a source connected, receiving\n");
		int rc = wr_xfer_take(fd, rt->prog->hash, &o, restore_payload, rt, &e);
		close(fd);
		if (rc == WR_XFER_OK) {
			close(lfd);
			fprintf(stderr, "ferry: migration received, running\n");
			return 0;
		}
		if (rc == WR_XFER_BROKEN) {
			close(lfd);
			snprintf(err, errlen, "migration failed after restore began: %s", e.msg);
			return -1;
		}
		fprintf(stderr, "ferry: refused a migration: %s; still listening\n", e.msg);
	}
}

int rt_xfer_send(rt_ctx *rt, const wr_snapshot *snap, char *err, size_t errlen)
{
	wr_xfer_key key;
	wr_xfer_opts o;
	wr_buf b = { NULL, 0, 0 };
	wr_error e;
	int fd, rc;

	if (load_key(rt, &key, err, errlen) < 0)
		return -1;
	o.key = key.len ? &key : NULL;
	o.timeout_ms = xfer_timeout();
	o.max_payload = 0;
	o.fault = xfer_fault();
	o.min_rate = xfer_min_rate();
	if (wr_msgpack_write(snap, &b, &e) < 0) {
		snprintf(err, errlen, "encoding the snapshot: %s", e.msg);
		return -1;
	}
	if (wr_xfer_connect(rt->opts.migrate_to, o.timeout_ms, &fd, &e) < 0) {
		wr_buf_free(&b);
		snprintf(err, errlen, "%s", e.msg);
		return -1;
	}
	size_t sent = b.len;
	rc = wr_xfer_offer(fd, rt->prog->hash, b.data, b.len, &o, &e);
	close(fd);
	wr_buf_free(&b);
	if (rc < 0) {
		snprintf(err, errlen, "%s", e.msg);
		return -1;
	}
	fprintf(stderr, "ferry: migrated to %s (%zu bytes)\n", rt->opts.migrate_to, sent);
	return 0;
}
