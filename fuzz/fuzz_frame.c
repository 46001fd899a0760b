/*
 * fuzz/fuzz_frame.c -- libFuzzer target for the transfer frame parser
 * (wr_xfer_frame_decode), with and without a pre-shared key: no crash, no
 * undefined behaviour; an accepted frame's payload lies inside the input
 * and re-encodes to the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wire/xfer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wr_xfer_key keys[2];
	memset(keys, 0, sizeof keys);
	keys[1].len = 32;
	memset(keys[1].k, 0x5a, 32);
	for (int k = 0; k < 2; k++) {
		wr_xfer_hdr h;
		const uint8_t *payload = NULL;
		wr_error e;
		if (wr_xfer_frame_decode(data, size, 1u << 20, &keys[k], &h, &payload, &e) != 0)
			continue;
		if (h.len > size || (h.len && (payload < data || payload + h.len > data + size)))
			abort();
		wr_buf b = { 0 };
		if (wr_xfer_frame_encode(&h, payload, &keys[k], &b, &e) != 0)
			abort();
		if (b.len > size || memcmp(b.data, data, b.len) != 0)
			abort();
		wr_buf_free(&b);
	}
	return 0;
}
