/*
 * runtime/xfer_stub.c -- TEMPORARY stand-ins for the over-the-air transfer
 * (rt_xfer_listen / rt_xfer_send in rt.h), so libferry links before
 * runtime/xfer*.c lands. The transfer's owner deletes this file and its line
 * in runtime/local.mk in the commit that adds the real ones.
 */
#include <stdio.h>

#include "runtime/rt.h"

int rt_xfer_listen(rt_ctx *rt, char *err, size_t errlen)
{
	(void)rt;
	snprintf(err, errlen, "--listen is not implemented in this build");
	return -1;
}

int rt_xfer_send(rt_ctx *rt, const wr_snapshot *snap, char *err, size_t errlen)
{
	(void)rt; (void)snap;
	snprintf(err, errlen, "--migrate-to is not implemented in this build");
	return -1;
}
