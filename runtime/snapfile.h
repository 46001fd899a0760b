/*
 * runtime/snapfile.h -- snapshot files of the device executable: encode
 * and write atomically (--snapshot-to, --checkpoint-every), read and decode
 * with limits (--resume). Errors are one line in err.
 */
#ifndef FERRY_RT_SNAPFILE_H
#define FERRY_RT_SNAPFILE_H

#include "runtime/rt.h"

int rt_snapfile_write(rt_ctx *rt, const wr_snapshot *snap, const char *path,
                      char *err, size_t errlen);
/* The decoding limits for --resume and --listen: wire's defaults, with
 * --max-snapshot as the input limit and the model's memory bound
 * following it (wr_limits_input). */
void rt_snap_limits(const rt_opts *o, wr_limits *lim);
/* Read, decode and restore a snapshot file into rt. */
int rt_snapfile_resume(rt_ctx *rt, const char *path, char *err, size_t errlen);

#endif
