/*
 * wire/detect.c -- format detection and the format-neutral entry points
 * (wr_read, wr_write). A JSON snapshot starts with '{' (after optional
 * whitespace); a msgpack snapshot with an array or map header, which can
 * never be '{' (0x7b is a msgpack positive fixint).
 */
#include "wire/wr_impl.h"

wr_format wr_detect(const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t i = 0;
	if (len && ((p[0] >= 0x80 && p[0] <= 0x9f) || (p[0] >= 0xdc && p[0] <= 0xdf)))
		return WR_FMT_MSGPACK;
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;   /* a UTF-8 byte order mark: the JSON reader will say so */
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
		i++;
	if (i < len && p[i] == '{')
		return WR_FMT_JSON;
	return WR_FMT_UNKNOWN;
}

int wr_read(const void *data, size_t len, const wr_limits *lim,
            wr_snapshot **out, wr_error *err)
{
	*out = NULL;
	switch (wr_detect(data, len)) {
	case WR_FMT_JSON:
		return wr_json_read(data, len, lim, out, err);
	case WR_FMT_MSGPACK:
		return wr_msgpack_read(data, len, lim, out, err);
	default:
		if (len == 0)
			wr_err_at(err, 0, "empty input: not a snapshot");
		else
			wr_err_at(err, 0, "not a snapshot (neither JSON nor msgpack)");
		return -1;
	}
}

int wr_write(const wr_snapshot *s, wr_format fmt, wr_buf *out, wr_error *err)
{
	switch (fmt) {
	case WR_FMT_JSON:
		return wr_json_write(s, out, 0, err);
	case WR_FMT_MSGPACK:
		return wr_msgpack_write(s, out, err);
	default:
		wr_err_set(err, "unknown snapshot format %d", (int)fmt);
		return -1;
	}
}
