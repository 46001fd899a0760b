/*
 * fuzz/fuzz_common.h -- shared oracle of the snapshot fuzz targets: a
 * decoded snapshot must re-encode, and encode -> decode -> encode must give
 * the same bytes in both formats (so the codecs agree on every model the
 * decoders accept). Any violation aborts, which libFuzzer reports.
 */
#ifndef FERRY_FUZZ_COMMON_H
#define FERRY_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wire/wire.h"

static void fz_fail(const char *what, const wr_error *e)
{
	fprintf(stderr, "fuzz oracle: %s: %s\n", what, e ? e->msg : "");
	abort();
}

/* The decoders' limits, smaller than the defaults; the model may take what
 * doc/snapshot-format.md 5 promises for an input of `size` bytes
 * (wr_model_limit: 32 bytes a byte and 1 MiB), so a refusal for memory
 * (fz_memory_refused) breaks that promise. */
static void fz_limits(wr_limits *l, size_t size)
{
	wr_limits_default(l);
	l->max_bytes = 1u << 20;
	l->max_model = wr_model_limit(size);
	l->max_string = 1u << 16;
	l->max_objects = 1u << 14;
	l->max_props = 1u << 14;
}

static void fz_memory_refused(const wr_error *e)
{
	/* "byte N: snapshot needs more than ..." (other messages may quote
	 * the input, so only at that place) */
	const char *m = e->msg;
	if (strncmp(m, "byte ", 5) == 0) {
		m += 5;
		while (*m >= '0' && *m <= '9')
			m++;
		if (strncmp(m, ": snapshot needs more than ", 27) == 0)
			fz_fail("the model needs more than 32 bytes an input byte and 1 MiB", e);
	}
}

/* s was decoded and validated: check both codecs round-trip it exactly. */
static void fz_check_roundtrip(const wr_snapshot *s)
{
	wr_buf j1 = { 0 }, j2 = { 0 }, m1 = { 0 }, m2 = { 0 };
	wr_snapshot *t = NULL, *u = NULL;
	wr_error e;
	wr_limits big;
	wr_limits_default(&big);
	if (wr_validate(s, &e))
		fz_fail("decoder returned an invalid model", &e);
	if (wr_json_write(s, &j1, 0, &e))
		fz_fail("json write", &e);
	if (wr_json_read(j1.data, j1.len, &big, &t, &e))
		fz_fail("json re-read", &e);
	if (wr_json_write(t, &j2, 0, &e))
		fz_fail("json re-write", &e);
	if (j1.len != j2.len || memcmp(j1.data, j2.data, j1.len))
		fz_fail("json encode/decode/encode differs", NULL);
	if (wr_msgpack_write(s, &m1, &e))
		fz_fail("msgpack write", &e);
	if (wr_msgpack_read(m1.data, m1.len, &big, &u, &e))
		fz_fail("msgpack re-read", &e);
	if (wr_msgpack_write(u, &m2, &e))
		fz_fail("msgpack re-write", &e);
	if (m1.len != m2.len || memcmp(m1.data, m2.data, m1.len))
		fz_fail("msgpack encode/decode/encode differs", NULL);
	/* the two formats carry the same model */
	wr_buf_free(&j2);
	if (wr_json_write(u, &j2, 0, &e))
		fz_fail("json write of the msgpack model", &e);
	if (j1.len != j2.len || memcmp(j1.data, j2.data, j1.len))
		fz_fail("json and msgpack disagree", NULL);
	wr_snapshot_free(t);
	wr_snapshot_free(u);
	wr_buf_free(&j1);
	wr_buf_free(&j2);
	wr_buf_free(&m1);
	wr_buf_free(&m2);
}

#endif
