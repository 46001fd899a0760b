/*
 * fuzz/mkseeds.c -- writes the binary seed corpora of the fuzz targets:
 * every JSON seed converted to msgpack (DIR/msgpack/), and transfer frames
 * of each type carrying those snapshots, with and without a key (DIR/frame/).
 * Usage: mkseeds OUTDIR JSON-SEED...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wire/xfer.h"

static int put(const char *dir, const char *kind, int n, const wr_buf *b)
{
	char path[4096];
	wr_error e;
	snprintf(path, sizeof path, "%s/%s/seed-%03d", dir, kind, n);
	if (wr_write_file_atomic(path, b->data, b->len, &e)) {
		fprintf(stderr, "mkseeds: %s\n", e.msg);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int n = 0;
	if (argc < 3) {
		fprintf(stderr, "usage: mkseeds OUTDIR JSON-SEED...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		uint8_t *data;
		size_t len;
		wr_error e;
		wr_snapshot *s;
		if (wr_read_file(argv[i], 1u << 24, &data, &len, &e) ||
		    wr_json_read(data, len, NULL, &s, &e)) {
			fprintf(stderr, "mkseeds: %s: %s\n", argv[i], e.msg);
			return 1;
		}
		free(data);
		wr_buf m = { 0 };
		if (wr_msgpack_write(s, &m, &e) || put(argv[1], "msgpack", n, &m))
			return 1;
		for (int k = 0; k < 2; k++) {
			wr_xfer_key key;
			memset(&key, 0, sizeof key);
			if (k) {
				key.len = 32;
				memset(key.k, 0x5a, 32);
			}
			for (uint32_t t = WR_XFER_HELLO; t <= WR_XFER_TYPE_MAX; t++) {
				wr_xfer_hdr h;
				memset(&h, 0, sizeof h);
				h.type = t;
				memcpy(h.hash, s->hash, 32);
				h.nonce_t[0] = 1;
				h.nonce_s[0] = 2;
				h.len = t == WR_XFER_SNAP ? (uint32_t)m.len : 0;
				wr_buf f = { 0 };
				if (wr_xfer_frame_encode(&h, m.data, &key, &f, &e)) {
					fprintf(stderr, "mkseeds: frame: %s\n", e.msg);
					return 1;
				}
				if (put(argv[1], "frame", n * 100 + k * 10 + (int)t, &f))
					return 1;
				wr_buf_free(&f);
			}
		}
		wr_buf_free(&m);
		wr_snapshot_free(s);
		n++;
	}
	return 0;
}
