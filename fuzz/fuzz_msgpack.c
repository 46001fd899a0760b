/*
 * fuzz/fuzz_msgpack.c -- libFuzzer target for the msgpack snapshot decoder
 * (wr_msgpack_read): no crash, no leak, no undefined behaviour on any input;
 * anything accepted round-trips exactly through both codecs; no input
 * needs more model memory than doc/snapshot-format.md 5 promises.
 */
#include "fuzz/fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wr_limits l;
	wr_snapshot *s = NULL;
	wr_error e;
	fz_limits(&l, size);
	if (wr_msgpack_read(data, size, &l, &s, &e) == 0) {
		fz_check_roundtrip(s);
		wr_snapshot_free(s);
	} else {
		fz_memory_refused(&e);
		if (s || strncmp(e.msg, "byte ", 5) != 0)
			fz_fail("error without a byte offset, or a model on failure", &e);
	}
	return 0;
}
