/*
 * runtime/snapfile.c -- snapshot files of the device executable: encode in
 * --snapshot-format and write atomically (temp file, fsync, rename) for
 * --snapshot-to and --checkpoint-every; read with a size limit, decode
 * (either format, detected; hostile-input limits; structural validation)
 * and restore for --resume. Every error is one line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/rt_core.h"
#include "runtime/snapfile.h"

int rt_snapfile_write(rt_ctx *rt, const wr_snapshot *snap, const char *path,
                      char *err, size_t errlen)
{
	wr_buf buf = { NULL, 0, 0 };
	wr_error werr;
	int rc = -1;

	werr.msg[0] = '\0';
	if (wr_write(snap, (wr_format)rt->opts.format, &buf, &werr) < 0) {
		snprintf(err, errlen, "encoding: %s", werr.msg);
		goto out;
	}
	if (wr_write_file_atomic(path, buf.data, buf.len, &werr) < 0) {
		snprintf(err, errlen, "%s", werr.msg);
		goto out;
	}
	rc = 0;
out:
	wr_buf_free(&buf);
	return rc;
}

void rt_snap_limits(const rt_opts *o, wr_limits *lim)
{
	wr_limits_default(lim);
	if (o->max_snapshot)
		wr_limits_input(lim, o->max_snapshot);
}

int rt_snapfile_resume(rt_ctx *rt, const char *path, char *err, size_t errlen)
{
	wr_limits lim;
	wr_error werr;
	wr_snapshot *snap = NULL;
	uint8_t *data = NULL;
	size_t len = 0;
	int rc;

	rt_snap_limits(&rt->opts, &lim);
	werr.msg[0] = '\0';
	if (wr_read_file(path, lim.max_bytes, &data, &len, &werr) < 0) {
		snprintf(err, errlen, "%s", werr.msg);
		return -1;
	}
	rc = wr_read(data, len, &lim, &snap, &werr);
	free(data);
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", path, werr.msg);
		return -1;
	}
	rc = rt_restore(rt, snap, err, errlen);
	if (rc < 0) {
		/* name the file, as the decoding errors above do */
		char why[512];
		const char *m = strncmp(err, "resume: ", 8) == 0 ? err + 8 : err;
		snprintf(why, sizeof why, "%s", m);
		snprintf(err, errlen, "%s: %s", path, why);
	}
	if (rc == 0)
		rt_timers_rebase(rt, snap);
	wr_snapshot_free(snap);
	return rc;
}
