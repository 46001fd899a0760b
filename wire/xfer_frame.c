/*
 * wire/xfer_frame.c -- transfer frames: encoding, header parsing, trailer
 * checks (BLAKE2b-256 checksum, or HMAC-SHA256 with a pre-shared key, both
 * from libsodium), and key files. Pure functions; I/O is in xfer_io.c.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sodium.h>

#include "wire/wr_impl.h"
#include "wire/xfer.h"

static const uint8_t MAGIC[4] = { 'F', 'Y', 'X', 'F' };

static uint32_t crc32_of(const uint8_t *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
	}
	return ~c;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);  p[3] = (uint8_t)v;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int have_key(const wr_xfer_key *key)
{
	return key && key->len > 0;
}

/* the trailer: MAC or checksum of header + payload */
static int trailer_of(const uint8_t *hdr, const void *payload, size_t len,
                      const wr_xfer_key *key, uint8_t out[WR_XFER_TRAILER])
{
	if (sodium_init() < 0)
		return -1;
	if (have_key(key)) {
		crypto_auth_hmacsha256_state st;
		crypto_auth_hmacsha256_init(&st, key->k, key->len);
		crypto_auth_hmacsha256_update(&st, hdr, WR_XFER_HDR);
		if (len)
			crypto_auth_hmacsha256_update(&st, payload, len);
		crypto_auth_hmacsha256_final(&st, out);
	} else {
		crypto_generichash_state st;
		crypto_generichash_init(&st, NULL, 0, WR_XFER_TRAILER);
		crypto_generichash_update(&st, hdr, WR_XFER_HDR);
		if (len)
			crypto_generichash_update(&st, payload, len);
		crypto_generichash_final(&st, out, WR_XFER_TRAILER);
	}
	return 0;
}

static void hdr_write(const wr_xfer_hdr *h, int auth, uint8_t raw[WR_XFER_HDR])
{
	memset(raw, 0, WR_XFER_HDR);
	memcpy(raw, MAGIC, 4);
	raw[4] = WR_XFER_VERSION;
	raw[5] = (uint8_t)h->type;
	raw[6] = auth ? WR_XFER_F_AUTH : 0;
	memcpy(raw + 8, h->hash, 32);
	memcpy(raw + 40, h->nonce_t, WR_XFER_NONCE);
	memcpy(raw + 56, h->nonce_s, WR_XFER_NONCE);
	put32(raw + 72, h->len);
	put32(raw + 76, crc32_of(raw, 76));
}

int wr_xfer_frame_encode(const wr_xfer_hdr *h, const void *payload,
                         const wr_xfer_key *key, wr_buf *out, wr_error *err)
{
	uint8_t raw[WR_XFER_HDR], tr[WR_XFER_TRAILER];
	hdr_write(h, have_key(key), raw);
	if (trailer_of(raw, payload, h->len, key, tr) < 0) {
		wr_err_set(err, "libsodium failed to initialise");
		return -1;
	}
	if (wr_buf_reserve(out, WR_XFER_HDR + (size_t)h->len + WR_XFER_TRAILER) < 0) {
		wr_err_set(err, "out of memory for a %u-byte frame", (unsigned)h->len);
		return -1;
	}
	wr_buf_put(out, raw, WR_XFER_HDR);
	wr_buf_put(out, payload, h->len);
	wr_buf_put(out, tr, WR_XFER_TRAILER);
	return 0;
}

int wr_xfer_hdr_parse(const uint8_t raw[WR_XFER_HDR], size_t max_payload,
                      wr_xfer_hdr *h, wr_error *err)
{
	if (memcmp(raw, MAGIC, 4) != 0) {
		wr_err_at(err, 0, "not a ferry transfer frame (bad magic)");
		return -1;
	}
	if (raw[4] != WR_XFER_VERSION) {
		wr_err_at(err, 4, "transfer protocol version %u, this build speaks %u",
		          raw[4], WR_XFER_VERSION);
		return -1;
	}
	if (get32(raw + 76) != crc32_of(raw, 76)) {
		wr_err_at(err, 76, "frame header checksum mismatch (corrupted header)");
		return -1;
	}
	if (raw[5] < WR_XFER_HELLO || raw[5] > WR_XFER_TYPE_MAX) {
		wr_err_at(err, 5, "unknown frame type %u", raw[5]);
		return -1;
	}
	if ((raw[6] & ~WR_XFER_F_AUTH) || raw[7]) {
		wr_err_at(err, 6, "unknown frame flags 0x%02x%02x", raw[6], raw[7]);
		return -1;
	}
	memset(h, 0, sizeof *h);
	h->type = raw[5];
	h->flags = raw[6];
	memcpy(h->hash, raw + 8, 32);
	memcpy(h->nonce_t, raw + 40, WR_XFER_NONCE);
	memcpy(h->nonce_s, raw + 56, WR_XFER_NONCE);
	h->len = get32(raw + 72);
	if (h->len > max_payload) {
		wr_err_at(err, 72, "frame payload of %u bytes exceeds the limit of %zu",
		          (unsigned)h->len, max_payload);
		return -1;
	}
	return 0;
}

int wr_xfer_frame_verify(const uint8_t raw[WR_XFER_HDR], const void *payload, size_t len,
                         const uint8_t trailer[WR_XFER_TRAILER], const wr_xfer_key *key,
                         wr_error *err)
{
	uint8_t want[WR_XFER_TRAILER];
	int auth = raw[6] & WR_XFER_F_AUTH;
	size_t at = WR_XFER_HDR + len;
	if (have_key(key) && !auth) {
		wr_err_at(err, 6, "unauthenticated frame refused (this side has a --key, the peer has none)");
		return -1;
	}
	if (!have_key(key) && auth) {
		wr_err_at(err, 6, "authenticated frame, but this side has no --key to check it "
		           "(the peer has one)");
		return -1;
	}
	if (trailer_of(raw, payload, len, key, want) < 0) {
		wr_err_set(err, "libsodium failed to initialise");
		return -1;
	}
	if (sodium_memcmp(want, trailer, WR_XFER_TRAILER) != 0) {
		if (auth)
			wr_err_at(err, at, "frame authentication failed (the two devices have different "
			           "--key files, or the frame was tampered with)");
		else
			wr_err_at(err, at, "frame checksum mismatch (corrupted in transit)");
		return -1;
	}
	return 0;
}

int wr_xfer_frame_decode(const void *buf, size_t n, size_t max_payload,
                         const wr_xfer_key *key, wr_xfer_hdr *h,
                         const uint8_t **payload, wr_error *err)
{
	const uint8_t *b = buf;
	*payload = NULL;
	if (n < WR_XFER_HDR) {
		wr_err_at(err, n, "truncated frame header (%zu of %u bytes)", n, WR_XFER_HDR);
		return -1;
	}
	if (wr_xfer_hdr_parse(b, max_payload, h, err) < 0)
		return -1;
	size_t total = WR_XFER_HDR + (size_t)h->len + WR_XFER_TRAILER;
	if (n < total) {
		wr_err_at(err, n, "truncated frame (%zu of %zu bytes)", n, total);
		return -1;
	}
	if (n > total) {
		wr_err_at(err, total, "%zu bytes after the frame", n - total);
		return -1;
	}
	if (wr_xfer_frame_verify(b, b + WR_XFER_HDR, h->len, b + WR_XFER_HDR + h->len, key, err) < 0)
		return -1;
	*payload = b + WR_XFER_HDR;
	return 0;
}

int wr_xfer_key_load(const char *path, wr_xfer_key *key, wr_error *err)
{
	uint8_t extra;
	memset(key, 0, sizeof *key);
	FILE *f = fopen(path, "rb");
	if (!f) {
		wr_err_set(err, "key file %s: %s", path, strerror(errno));
		return -1;
	}
	errno = 0;
	size_t len = fread(key->k, 1, sizeof key->k, f);
	int more = fread(&extra, 1, 1, f) == 1, bad = ferror(f), e = errno;
	fclose(f);
	if (bad || more || len < 16) {
		sodium_memzero(key, sizeof *key);
		wr_err_set(err, "key file %s: %s", path, bad ? strerror(e ? e : EIO) :
		           more ? "longer than 256 bytes" : "shorter than 16 bytes");
		return -1;
	}
	key->len = len;
	return 0;
}
