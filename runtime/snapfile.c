/*
 * runtime/snapfile.c -- snapshot files: encode (--snapshot-format) and
 * write (--snapshot-to), read and restore (--resume).
 */
#include <stdio.h>
#include <stdlib.h>

#include "runtime/rt_core.h"
#include "runtime/snapfile.h"

int rt_snapfile_write(rt_ctx *rt, const wr_snapshot *snap, const char *path,
                      char *err, size_t errlen)
{
	wr_buf buf = { NULL, 0, 0 };
	wr_error werr;
	FILE *f;
	int rc = -1;

	(void)rt;
	if (wr_json_write(snap, &buf, 0, &werr) < 0) {
		snprintf(err, errlen, "%s", werr.msg);
		goto out;
	}
	f = fopen(path, "wb");
	if (!f || fwrite(buf.data, 1, buf.len, f) != buf.len) {
		snprintf(err, errlen, "%s: cannot write", path);
		if (f)
			fclose(f);
		goto out;
	}
	if (fclose(f) != 0) {
		snprintf(err, errlen, "%s: cannot write", path);
		goto out;
	}
	rc = 0;
out:
	wr_buf_free(&buf);
	return rc;
}

int rt_snapfile_resume(rt_ctx *rt, const char *path, char *err, size_t errlen)
{
	(void)rt;
	snprintf(err, errlen, "%s: resuming is not available in this build yet", path);
	return -1;
}
