/*
 * tests/check_xfer.c -- transfer frames and the hand-over protocol
 * (wire/xfer*.c) over socketpairs and loopback sockets: frame round trips,
 * truncation and every single-bit flip refused, keys (missing, wrong,
 * unexpected), size limits, and the protocol with a real or a faulty peer
 * on each side (refusal, broken restore, peer gone at each step, replay,
 * timeouts), plus listen/connect errors.
 */
#include <check.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "wire/xfer.h"

static const uint8_t HASH[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
	17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };

static wr_xfer_key mkkey(char c)
{
	wr_xfer_key k;
	memset(&k, 0, sizeof k);
	memset(k.k, c, 32);
	k.len = 32;
	return k;
}

static void encode(const wr_xfer_hdr *h, const void *pl, const wr_xfer_key *key, wr_buf *b)
{
	wr_error err;
	memset(b, 0, sizeof *b);
	ck_assert_msg(wr_xfer_frame_encode(h, pl, key, b, &err) == 0, "%s", err.msg);
}

/* a target's HELLO for the program with this hash */
static wr_xfer_hdr hello_hdr(const uint8_t *hash)
{
	wr_xfer_hdr h;
	memset(&h, 0, sizeof h);
	h.type = WR_XFER_HELLO;
	memcpy(h.hash, hash, 32);
	memset(h.nonce_t, 3, WR_XFER_NONCE);
	return h;
}

static wr_xfer_hdr snap_hdr(uint32_t len)
{
	wr_xfer_hdr h;
	memset(&h, 0, sizeof h);
	h.type = WR_XFER_SNAP;
	memcpy(h.hash, HASH, 32);
	memset(h.nonce_t, 0xA5, WR_XFER_NONCE);
	memset(h.nonce_s, 0x5A, WR_XFER_NONCE);
	h.len = len;
	return h;
}

/* ---- frames ---- */

START_TEST(frame_roundtrip)
{
	const char *pl = "the snapshot bytes";
	wr_xfer_key k = mkkey('k');
	const wr_xfer_key *keys[2] = { NULL, &k };
	for (int i = 0; i < 2; i++) {
		wr_xfer_hdr h = snap_hdr((uint32_t)strlen(pl)), g;
		wr_buf b;
		wr_error err;
		const uint8_t *p;
		encode(&h, pl, keys[i], &b);
		ck_assert_uint_eq(b.len, WR_XFER_HDR + strlen(pl) + WR_XFER_TRAILER);
		ck_assert(memcmp(b.data, "FYXF", 4) == 0);
		ck_assert_msg(wr_xfer_frame_decode(b.data, b.len, 1024, keys[i], &g, &p, &err) == 0,
		              "%s", err.msg);
		ck_assert_uint_eq(g.type, WR_XFER_SNAP);
		ck_assert_uint_eq(g.flags, i ? WR_XFER_F_AUTH : 0);
		ck_assert(memcmp(g.hash, HASH, 32) == 0);
		ck_assert(memcmp(g.nonce_t, h.nonce_t, 16) == 0 && memcmp(g.nonce_s, h.nonce_s, 16) == 0);
		ck_assert_uint_eq(g.len, strlen(pl));
		ck_assert(memcmp(p, pl, g.len) == 0);
		wr_buf_free(&b);
	}
}
END_TEST

START_TEST(frame_truncation_and_flips)
{
	const char *pl = "payload: a few bytes of a snapshot";
	wr_xfer_key k = mkkey('k');
	const wr_xfer_key *keys[2] = { NULL, &k };
	for (int ki = 0; ki < 2; ki++) {
		wr_xfer_hdr h = snap_hdr((uint32_t)strlen(pl)), g;
		wr_buf b;
		wr_error err;
		const uint8_t *p;
		encode(&h, pl, keys[ki], &b);
		for (size_t n = 0; n < b.len; n++) {
			uint8_t *c = malloc(n ? n : 1);
			memcpy(c, b.data, n);
			ck_assert_int_eq(wr_xfer_frame_decode(c, n, 1024, keys[ki], &g, &p, &err), -1);
			ck_assert_uint_le(err.offset, b.len);
			free(c);
		}
		/* every single-bit flip anywhere is refused */
		uint8_t *c = malloc(b.len);
		for (size_t i = 0; i < b.len; i++)
			for (int bit = 0; bit < 8; bit++) {
				memcpy(c, b.data, b.len);
				c[i] ^= (uint8_t)(1u << bit);
				ck_assert_msg(wr_xfer_frame_decode(c, b.len, 1024, keys[ki], &g, &p, &err) == -1,
				              "flip of bit %d in byte %zu accepted", bit, i);
				ck_assert(err.msg[0] != '\0');
			}
		free(c);
		wr_buf_free(&b);
	}
}
END_TEST

START_TEST(frame_keys)
{
	wr_xfer_key k1 = mkkey('a'), k2 = mkkey('b');
	wr_xfer_hdr h = snap_hdr(3), g;
	wr_buf b;
	wr_error err;
	const uint8_t *p;
	/* keyed frame, wrong key */
	encode(&h, "abc", &k1, &b);
	ck_assert_int_eq(wr_xfer_frame_decode(b.data, b.len, 64, &k2, &g, &p, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "authentication failed"));
	/* keyed frame, receiver without a key */
	ck_assert_int_eq(wr_xfer_frame_decode(b.data, b.len, 64, NULL, &g, &p, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "no --key"));
	wr_buf_free(&b);
	/* unauthenticated frame to a receiver with a key */
	encode(&h, "abc", NULL, &b);
	ck_assert_int_eq(wr_xfer_frame_decode(b.data, b.len, 64, &k1, &g, &p, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "unauthenticated frame refused"));
	/* an attacker re-labels it as authenticated: the header CRC no longer
	 * matches; fixing the CRC still leaves no valid MAC */
	b.data[6] |= WR_XFER_F_AUTH;
	ck_assert_int_eq(wr_xfer_frame_decode(b.data, b.len, 64, &k1, &g, &p, &err), -1);
	wr_buf_free(&b);
}
END_TEST

START_TEST(frame_limits)
{
	wr_xfer_hdr h = snap_hdr(100), g;
	uint8_t pl[100] = { 0 };
	wr_buf b;
	wr_error err;
	const uint8_t *p;
	encode(&h, pl, NULL, &b);
	ck_assert_int_eq(wr_xfer_frame_decode(b.data, b.len, 99, NULL, &g, &p, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "exceeds the limit of 99"));
	ck_assert_uint_eq(err.offset, 72);
	ck_assert_int_eq(wr_xfer_frame_decode(b.data, b.len, 100, NULL, &g, &p, &err), 0);
	/* trailing bytes */
	uint8_t *c = malloc(b.len + 1);
	memcpy(c, b.data, b.len);
	c[b.len] = 0;
	ck_assert_int_eq(wr_xfer_frame_decode(c, b.len + 1, 100, NULL, &g, &p, &err), -1);
	free(c);
	wr_buf_free(&b);
}
END_TEST

START_TEST(key_files)
{
	char path[] = "/tmp/ferry-keyXXXXXX";
	int fd = mkstemp(path);
	wr_xfer_key k;
	wr_error err;
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "short", 5), 5);
	ck_assert_int_eq(wr_xfer_key_load(path, &k, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "shorter than 16"));
	ck_assert_int_eq(write(fd, "-enough-for-a-key\n", 18), 18);
	ck_assert_int_eq(wr_xfer_key_load(path, &k, &err), 0);
	ck_assert_uint_eq(k.len, 23);
	char big[300];
	memset(big, 'x', sizeof big);
	ck_assert_int_eq(write(fd, big, sizeof big), (ssize_t)sizeof big);
	ck_assert_int_eq(wr_xfer_key_load(path, &k, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "longer than 256"));
	close(fd);
	unlink(path);
	ck_assert_int_eq(wr_xfer_key_load(path, &k, &err), -1);
}
END_TEST

/* ---- the protocol over a socketpair ---- */

typedef struct peer {
	int fd;
	const wr_xfer_key *key;
	int restore_rc;        /* what the restore hook returns */
	int restored;          /* hook calls */
	size_t got_len;
	int rc;
	wr_error err;
	const uint8_t *hash;
	size_t max_payload;    /* 0: 1 MiB */
} peer;

static int hook(void *ctx, const uint8_t *payload, size_t len, char *err, size_t errlen)
{
	peer *p = ctx;
	p->restored++;
	p->got_len = len;
	if (p->restore_rc != WR_XFER_OK)
		snprintf(err, errlen, "restore says no");
	return p->restore_rc;
}

static void *target_thread(void *arg)
{
	peer *p = arg;
	wr_xfer_opts o = { p->key, 2000, p->max_payload ? p->max_payload : 1 << 20, 0 };
	p->rc = wr_xfer_take(p->fd, p->hash ? p->hash : HASH, &o, hook, p, &p->err);
	close(p->fd);
	return NULL;
}

static void pair(int sv[2])
{
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
}

static int offer(int fd, const wr_xfer_key *key, const uint8_t *hash, wr_error *err)
{
	static const char snap[] = "pretend this is a msgpack snapshot";
	wr_xfer_opts o = { key, 2000, 0, 0 };
	return wr_xfer_offer(fd, hash ? hash : HASH, snap, sizeof snap, &o, err);
}

/* offer() to a target thread run with *t (its fd set here), waiting for
 * the target to finish: the offer's result */
static int offer_to(peer *t, const wr_xfer_key *key, wr_error *err)
{
	int sv[2], rc;
	pthread_t th;
	pair(sv);
	t->fd = sv[1];
	pthread_create(&th, NULL, target_thread, t);
	rc = offer(sv[0], key, NULL, err);
	pthread_join(th, NULL);
	close(sv[0]);
	return rc;
}

START_TEST(proto_success)
{
	wr_xfer_key k = mkkey('z');
	const wr_xfer_key *keys[2] = { NULL, &k };
	for (int i = 0; i < 2; i++) {
		peer t = { 0 };
		wr_error err;
		t.key = keys[i];
		int rc = offer_to(&t, keys[i], &err);
		ck_assert_msg(rc == 0, "offer: %s", err.msg);
		ck_assert_msg(t.rc == WR_XFER_OK, "take: %s", t.err.msg);
		ck_assert_int_eq(t.restored, 1);
		ck_assert_uint_eq(t.got_len, 35);
	}
}
END_TEST

START_TEST(proto_refused_and_broken)
{
	int codes[2] = { WR_XFER_REJECT, WR_XFER_BROKEN };
	for (int i = 0; i < 2; i++) {
		peer t = { 0 };
		wr_error err;
		t.restore_rc = codes[i];
		int rc = offer_to(&t, NULL, &err);
		ck_assert_int_eq(rc, -1);
		ck_assert_ptr_nonnull(strstr(err.msg, "refused the snapshot: restore says no"));
		ck_assert_int_eq(t.rc, codes[i]);
	}
}
END_TEST

/* a snapshot over the target's limit (app --listen --max-snapshot): the
 * target refuses it at the frame header, without restoring, and the
 * source gets the target's reason (it then keeps running) */
START_TEST(proto_over_target_limit)
{
	peer t = { 0 };
	wr_error err;
	t.max_payload = 34;   /* offer() sends 35 bytes */
	int rc = offer_to(&t, NULL, &err);
	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(t.rc, WR_XFER_REJECT);
	ck_assert_int_eq(t.restored, 0);
	ck_assert_msg(strstr(t.err.msg, "frame payload of 35 bytes exceeds the limit of 34") != NULL,
	              "target: %s", t.err.msg);
	ck_assert_msg(strstr(err.msg, "refused the snapshot: ") != NULL &&
	              strstr(err.msg, "frame payload of 35 bytes exceeds the limit of 34") != NULL,
	              "source: %s", err.msg);
}
END_TEST

/* A source that lets one byte through well within each timeout cannot
 * hold a listening target for ever: the snapshot frame as a whole must
 * keep up FERRY_XFER_MIN_RATE (here 2000 bytes/s: its header within
 * 1 s + HDR / 2000 s, the rest within 1 s + 400 / 2000 s after it), and
 * the target refuses it without restoring, ready for the next source.
 * Without the bound the frame would complete after ~25 s and be restored. */
static void *slow_target(void *arg)
{
	peer *p = arg;
	wr_xfer_opts o = { NULL, 1000, 1 << 20, 0, 2000 };
	p->rc = wr_xfer_take(p->fd, HASH, &o, hook, p, &p->err);
	close(p->fd);
	return NULL;
}

START_TEST(proto_slow_source)
{
	int sv[2];
	pthread_t th;
	peer t = { 0 };
	wr_xfer_hdr hello, h;
	uint8_t *pl, payload[400];
	wr_buf b = { NULL, 0, 0 };
	wr_error err;
	pair(sv);
	t.fd = sv[1];
	pthread_create(&th, NULL, slow_target, &t);
	ck_assert_msg(wr_xfer_recv(sv[0], 4096, NULL, 2000, &hello, &pl, &err) == 0, "%s", err.msg);
	free(pl);
	h = snap_hdr(sizeof payload);
	memcpy(h.nonce_t, hello.nonce_t, WR_XFER_NONCE);
	memset(payload, 'x', sizeof payload);
	ck_assert_int_eq(wr_xfer_frame_encode(&h, payload, NULL, &b, &err), 0);
	size_t sent = 0, len = b.len;
	while (sent < len) {   /* one byte every 50 ms, until the target hangs up */
		if (send(sv[0], b.data + sent, 1, MSG_NOSIGNAL) != 1)
			break;
		sent++;
		usleep(50000);
	}
	pthread_join(th, NULL);
	close(sv[0]);
	wr_buf_free(&b);
	ck_assert_int_eq(t.rc, WR_XFER_REJECT);
	ck_assert_int_eq(t.restored, 0);
	ck_assert_msg(strstr(t.err.msg, "too slow") != NULL, "%s", t.err.msg);
	ck_assert_uint_lt(sent, len);
}
END_TEST

/* the same bound on the sending side: a target that reads a snapshot
 * slowly (256 bytes every 20 ms, each read well within the 1 s timeout)
 * cannot keep the paused source waiting for ever */
static void *slow_reader(void *arg)
{
	int fd = *(int *)arg;
	char buf[256];
	while (read(fd, buf, sizeof buf) > 0)
		usleep(20000);
	return NULL;
}

START_TEST(send_slow_target)
{
	int sv[2], small = 1;
	pthread_t th;
	wr_error err;
	size_t n = 256 * 1024;
	uint8_t *payload = calloc(1, n);
	wr_xfer_hdr h = snap_hdr((uint32_t)n);
	pair(sv);
	setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
	setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
	pthread_create(&th, NULL, slow_reader, &sv[1]);
	/* 1 s + 256 KiB at 1 MB/s: about 1.26 s; the reader needs ~20 s */
	int rc = wr_xfer_send_paced(sv[0], &h, payload, NULL, 1000, 1000000, &err);
	shutdown(sv[0], SHUT_RDWR);
	shutdown(sv[1], SHUT_RDWR);
	pthread_join(th, NULL);
	close(sv[0]);
	close(sv[1]);
	free(payload);
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(err.msg, "send: too slow") != NULL, "%s", err.msg);
}
END_TEST

START_TEST(proto_wrong_key_and_hash)
{
	wr_xfer_key k1 = mkkey('1'), k2 = mkkey('2');
	static const uint8_t other[32] = { 9 };
	/* the source checks the target's HELLO first and answers with a NACK;
	 * the target says why (why_t), or, when it cannot check the source's
	 * frame, what its own check found */
	struct {
		const wr_xfer_key *src, *dst;
		const uint8_t *dst_hash;
		const char *why, *why_t;
	} c[] = {
		{ &k1, &k2, NULL, "authentication failed",
		  "frame authentication failed (the two devices have different --key files, or "
		  "the frame was tampered with)" },
		/* key on the target only */
		{ NULL, &k2, NULL, "no --key to check it (the peer has one)",
		  "cannot be checked here): byte 6: unauthenticated frame refused (this side has "
		  "a --key, the peer has none)" },
		/* key on the source only */
		{ &k1, NULL, NULL, "unauthenticated frame refused (this side has a --key, the peer "
		  "has none)",
		  "cannot be checked here): byte 6: authenticated frame, but this side has no "
		  "--key to check it (the peer has one)" },
		{ NULL, NULL, other, "different program",
		  "the source refused to send: the programs differ (target 0900000000000000..., "
		  "source 0102030405060708...)" },
		{ &k1, &k1, other, "different program",
		  "the source refused to send: the programs differ (target 09" },
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		int sv[2];
		pthread_t th;
		peer t = { 0 };
		wr_error err;
		pair(sv);
		t.fd = sv[1];
		t.key = c[i].dst;
		t.hash = c[i].dst_hash;
		pthread_create(&th, NULL, target_thread, &t);
		int rc = offer(sv[0], c[i].src, NULL, &err);
		close(sv[0]);   /* the source gives up: the target must not restore */
		pthread_join(th, NULL);
		ck_assert_int_eq(rc, -1);
		ck_assert_msg(strstr(err.msg, c[i].why) != NULL, "case %zu: %s", i, err.msg);
		ck_assert_int_eq(t.restored, 0);
		ck_assert_int_eq(t.rc, WR_XFER_REJECT);
		ck_assert_msg(strstr(t.err.msg, "the source refused to send") &&
		              strstr(t.err.msg, c[i].why_t), "case %zu, target: %s", i, t.err.msg);
	}
}
END_TEST

/* what the source sends a target it turns down: a NACK of this protocol
 * version with the target's nonce and a short reason, then it closes (an
 * older target, which expects SNAP there, refuses it by its type) */
START_TEST(proto_source_nack_frame)
{
	static const uint8_t other[32] = { 9 };
	for (int corrupt = 0; corrupt < 2; corrupt++) {
		int sv[2];
		wr_xfer_hdr me, h;
		uint8_t *pl;
		wr_error err, e;
		wr_buf b;
		pair(sv);
		me = hello_hdr(corrupt ? HASH : other);
		encode(&me, NULL, NULL, &b);
		if (corrupt)
			b.data[b.len - 1] ^= 1;   /* the trailer, not the header */
		ck_assert_int_eq(write(sv[1], b.data, b.len), (ssize_t)b.len);
		wr_buf_free(&b);
		ck_assert_int_eq(offer(sv[0], NULL, NULL, &err), -1);
		close(sv[0]);
		ck_assert_msg(wr_xfer_recv(sv[1], 4096, NULL, 2000, &h, &pl, &e) == 0, "%s", e.msg);
		ck_assert_uint_eq(h.type, WR_XFER_NACK);
		ck_assert(memcmp(h.nonce_t, me.nonce_t, 16) == 0);
		ck_assert(memcmp(h.hash, HASH, 32) == 0);
		ck_assert_uint_le(h.len, WR_XFER_REASON_MAX);
		ck_assert_uint_eq(strlen((char *)pl), h.len);
		ck_assert_msg(strstr((char *)pl, corrupt ? "HELLO failed its check: byte 80: frame "
		              "checksum mismatch" : "the programs differ"), "%s", (char *)pl);
		free(pl);
		ck_assert_int_eq(wr_xfer_recv(sv[1], 4096, NULL, 2000, &h, &pl, &e), WR_XFER_CLOSED);
		close(sv[1]);
	}
	/* a HELLO whose header is damaged has no nonce to answer: no NACK */
	{
		int sv[2];
		wr_xfer_hdr me, h;
		uint8_t *pl;
		wr_error err, e;
		wr_buf b;
		pair(sv);
		me = hello_hdr(other);
		encode(&me, NULL, NULL, &b);
		b.data[50] ^= 1;
		ck_assert_int_eq(write(sv[1], b.data, b.len), (ssize_t)b.len);
		wr_buf_free(&b);
		ck_assert_int_eq(offer(sv[0], NULL, NULL, &err), -1);
		ck_assert_ptr_nonnull(strstr(err.msg, "header checksum"));
		close(sv[0]);
		/* closed, or reset (the source left the trailer unread) */
		ck_assert_int_lt(wr_xfer_recv(sv[1], 4096, NULL, 2000, &h, &pl, &e), 0);
		close(sv[1]);
	}
}
END_TEST

/* NACKs a target may get instead of a snapshot: replayed, hostile text,
 * oversized. Each only makes it keep listening, restoring nothing. */
START_TEST(proto_forged_nack)
{
	char text[400];
	memset(text, 'r', sizeof text);
	memcpy(text, "line one\nline two \x1b[2J", strlen("line one\nline two \x1b[2J"));
	text[sizeof text - 1] = '\0';
	struct { int replay; size_t len; const char *why; } c[] = {
		{ 1, 5, "a refusal from another session (stale or replayed)" },
		{ 0, strlen(text), "the source refused to send: line one?line two ?[2Jrrr" },
		{ 0, 5000, "byte 72: frame payload of 5000 bytes exceeds the limit of 4096" },
	};
	static char big[5000];
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		int sv[2];
		pthread_t th;
		peer t = { 0 };
		wr_xfer_hdr hello, n;
		uint8_t *pl;
		wr_error err;
		pair(sv);
		t.fd = sv[1];
		pthread_create(&th, NULL, target_thread, &t);
		ck_assert_int_eq(wr_xfer_recv(sv[0], 4096, NULL, 2000, &hello, &pl, &err), 0);
		free(pl);
		memset(&n, 0, sizeof n);
		n.type = WR_XFER_NACK;
		memcpy(n.hash, HASH, 32);
		memcpy(n.nonce_t, hello.nonce_t, 16);
		if (c[i].replay)
			n.nonce_t[0] ^= 1;
		n.len = (uint32_t)c[i].len;
		ck_assert_int_eq(wr_xfer_send(sv[0], &n, c[i].len == 5000 ? big : text, NULL, 2000,
		                              &err), 0);
		pthread_join(th, NULL);
		close(sv[0]);
		ck_assert_int_eq(t.rc, WR_XFER_REJECT);
		ck_assert_int_eq(t.restored, 0);
		ck_assert_msg(strstr(t.err.msg, c[i].why) != NULL, "case %zu: %s", i, t.err.msg);
		for (const char *q = t.err.msg; *q; q++)
			ck_assert((unsigned char)*q >= 0x20 && *q != 0x7F);
		ck_assert_uint_le(strlen(t.err.msg), strlen("the source refused to send: ") +
		                  WR_XFER_REASON_MAX);
	}
}
END_TEST

/* the source-side test faults, through the real target */
START_TEST(proto_injected_faults)
{
	struct { int fault; const char *src, *dst; } c[] = {
		{ WR_XFER_FAULT_SOURCE_CORRUPT, "checksum mismatch", "checksum mismatch" },
		{ WR_XFER_FAULT_SOURCE_TRUNCATE, "truncated", "peer closed" },
	};
	ck_assert_int_eq(wr_xfer_fault_from("source-corrupt"), WR_XFER_FAULT_SOURCE_CORRUPT);
	ck_assert_int_eq(wr_xfer_fault_from("target-die-after-ack"), WR_XFER_FAULT_TARGET_DIE_AFTER_ACK);
	ck_assert_int_eq(wr_xfer_fault_from("nonsense"), -1);
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		int sv[2];
		pthread_t th;
		peer t = { 0 };
		wr_error err;
		static const char snap[] = "a snapshot long enough to be cut in half";
		wr_xfer_opts o = { NULL, 2000, 0, c[i].fault };
		pair(sv);
		t.fd = sv[1];
		pthread_create(&th, NULL, target_thread, &t);
		int rc = wr_xfer_offer(sv[0], HASH, snap, sizeof snap, &o, &err);
		close(sv[0]);
		pthread_join(th, NULL);
		ck_assert_int_eq(rc, -1);
		ck_assert_msg(strstr(err.msg, c[i].src) != NULL, "case %zu: %s", i, err.msg);
		ck_assert_int_eq(t.rc, WR_XFER_REJECT);
		ck_assert_int_eq(t.restored, 0);
		ck_assert_msg(strstr(t.err.msg, c[i].dst) != NULL, "case %zu: %s", i, t.err.msg);
	}
}
END_TEST

/* a fake source: follows the protocol up to `stop`, then closes */
static int fake_source(int fd, int stop_after_ack, const uint8_t *hash, const wr_xfer_hdr *replay)
{
	wr_xfer_hdr hello, s, h;
	uint8_t *pl;
	wr_error err;
	if (wr_xfer_recv(fd, 4096, NULL, 2000, &hello, &pl, &err) < 0)
		return -1;
	free(pl);
	s = snap_hdr(4);
	memcpy(s.hash, hash, 32);
	memcpy(s.nonce_t, replay ? replay->nonce_t : hello.nonce_t, 16);
	if (wr_xfer_send(fd, &s, "abcd", NULL, 2000, &err) < 0)
		return -1;
	if (wr_xfer_recv(fd, 4096, NULL, 2000, &h, &pl, &err) < 0)
		return -1;
	free(pl);
	if (stop_after_ack)
		return (int)h.type;
	return -1;
}

START_TEST(proto_source_faults)
{
	static const uint8_t other[32] = { 7 };
	/* the snapshot frame claims another program: refused before restore */
	{
		int sv[2];
		pthread_t th;
		peer t = { 0 };
		pair(sv);
		t.fd = sv[1];
		pthread_create(&th, NULL, target_thread, &t);
		ck_assert_int_eq(fake_source(sv[0], 1, other, NULL), WR_XFER_NACK);
		close(sv[0]);
		pthread_join(th, NULL);
		ck_assert_int_eq(t.rc, WR_XFER_REJECT);
		ck_assert_int_eq(t.restored, 0);
		ck_assert_ptr_nonnull(strstr(t.err.msg, "program hash mismatch"));
	}
	/* a SNAP with another session's nonce (replay): refused */
	{
		int sv[2];
		pthread_t th;
		peer t = { 0 };
		wr_xfer_hdr old = snap_hdr(0);
		pair(sv);
		t.fd = sv[1];
		pthread_create(&th, NULL, target_thread, &t);
		ck_assert_int_eq(fake_source(sv[0], 1, HASH, &old), WR_XFER_NACK);
		close(sv[0]);
		pthread_join(th, NULL);
		ck_assert_int_eq(t.rc, WR_XFER_REJECT);
		ck_assert_ptr_nonnull(strstr(t.err.msg, "another session"));
	}
	/* the source vanishes after the ACK, without COMMIT: the target must
	 * discard what it restored (BROKEN), never run it */
	{
		int sv[2];
		pthread_t th;
		peer t = { 0 };
		pair(sv);
		t.fd = sv[1];
		pthread_create(&th, NULL, target_thread, &t);
		ck_assert_int_eq(fake_source(sv[0], 1, HASH, NULL), WR_XFER_ACK);
		close(sv[0]);
		pthread_join(th, NULL);
		ck_assert_int_eq(t.restored, 1);
		ck_assert_int_eq(t.rc, WR_XFER_BROKEN);
		ck_assert_ptr_nonnull(strstr(t.err.msg, "no COMMIT"));
	}
	/* the source dies in the middle of the snapshot frame */
	{
		int sv[2];
		pthread_t th;
		peer t = { 0 };
		wr_xfer_hdr hello;
		uint8_t *pl;
		wr_error err;
		wr_buf b;
		pair(sv);
		t.fd = sv[1];
		pthread_create(&th, NULL, target_thread, &t);
		ck_assert_int_eq(wr_xfer_recv(sv[0], 4096, NULL, 2000, &hello, &pl, &err), 0);
		free(pl);
		wr_xfer_hdr s = snap_hdr(1000);
		memcpy(s.nonce_t, hello.nonce_t, 16);
		uint8_t big[1000] = { 0 };
		encode(&s, big, NULL, &b);
		ck_assert_int_eq(write(sv[0], b.data, 500), 500);
		close(sv[0]);
		wr_buf_free(&b);
		pthread_join(th, NULL);
		ck_assert_int_eq(t.rc, WR_XFER_REJECT);
		ck_assert_int_eq(t.restored, 0);
		ck_assert_ptr_nonnull(strstr(t.err.msg, "peer closed"));
	}
}
END_TEST

/* a fake target: HELLO, then misbehaves at step `mode` */
enum { FT_SILENT, FT_CLOSE_AFTER_SNAP, FT_CLOSE_AFTER_COMMIT, FT_CORRUPT_ACK };

static void *fake_target(void *arg)
{
	peer *p = arg;
	wr_xfer_hdr me, h;
	uint8_t *pl;
	wr_error err;
	me = hello_hdr(HASH);
	wr_xfer_send(p->fd, &me, NULL, NULL, 2000, &err);
	if (p->restore_rc == FT_SILENT) {
		/* read and hold the snapshot, never answer */
		wr_xfer_recv(p->fd, 1 << 20, NULL, 2000, &h, &pl, &err);
		free(pl);
		sleep(1);
		close(p->fd);
		return NULL;
	}
	if (wr_xfer_recv(p->fd, 1 << 20, NULL, 2000, &h, &pl, &err) == 0)
		free(pl);
	memcpy(me.nonce_s, h.nonce_s, 16);
	if (p->restore_rc == FT_CLOSE_AFTER_SNAP) {
		close(p->fd);
		return NULL;
	}
	me.type = WR_XFER_ACK;
	if (p->restore_rc == FT_CORRUPT_ACK) {
		wr_buf b;
		memset(&b, 0, sizeof b);
		wr_xfer_frame_encode(&me, NULL, NULL, &b, &err);
		b.data[b.len - 1] ^= 1;
		wr_xfer_write_all(p->fd, b.data, b.len, 2000, &err);
		wr_buf_free(&b);
		close(p->fd);
		return NULL;
	}
	wr_xfer_send(p->fd, &me, NULL, NULL, 2000, &err);
	wr_xfer_recv(p->fd, 4096, NULL, 2000, &h, &pl, &err);
	free(pl);
	close(p->fd);   /* FT_CLOSE_AFTER_COMMIT: died before DONE */
	return NULL;
}

START_TEST(proto_target_faults)
{
	struct { int mode; const char *why; } c[] = {
		{ FT_CLOSE_AFTER_SNAP, "acknowledgement" },
		{ FT_CORRUPT_ACK, "checksum mismatch" },
		{ FT_CLOSE_AFTER_COMMIT, "DONE" },
		{ FT_SILENT, "nothing arrived" },
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		int sv[2];
		pthread_t th;
		peer t = { 0 };
		wr_error err;
		static const char snap[] = "state";
		wr_xfer_opts o = { NULL, 300, 0, 0 };
		pair(sv);
		t.fd = sv[1];
		t.restore_rc = c[i].mode;
		pthread_create(&th, NULL, fake_target, &t);
		int rc = wr_xfer_offer(sv[0], HASH, snap, sizeof snap, &o, &err);
		pthread_join(th, NULL);
		close(sv[0]);
		/* the source keeps the state whatever the target did */
		ck_assert_int_eq(rc, -1);
		ck_assert_msg(strstr(err.msg, c[i].why) != NULL, "case %zu: %s", i, err.msg);
	}
}
END_TEST

/* ---- sockets ---- */

START_TEST(sockets_loopback)
{
	int lfd, lfd2, cfd, afd;
	wr_error err;
	char hp[64];
	ck_assert_msg(wr_xfer_listen("127.0.0.1:0", &lfd, &err) == 0, "%s", err.msg);
	int port = wr_xfer_local_port(lfd);
	ck_assert_int_gt(port, 0);
	snprintf(hp, sizeof hp, "127.0.0.1:%d", port);
	/* port in use */
	ck_assert_int_eq(wr_xfer_listen(hp, &lfd2, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "in use"));
	/* a frame across a real TCP connection */
	ck_assert_msg(wr_xfer_connect(hp, 2000, &cfd, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(wr_xfer_accept(lfd, 2000, &afd, &err), 0);
	wr_xfer_hdr h = snap_hdr(5), g;
	uint8_t *pl;
	ck_assert_int_eq(wr_xfer_send(cfd, &h, "hello", NULL, 2000, &err), 0);
	ck_assert_int_eq(wr_xfer_recv(afd, 100, NULL, 2000, &g, &pl, &err), 0);
	ck_assert_str_eq((char *)pl, "hello");
	free(pl);
	close(cfd);
	close(afd);
	close(lfd);
	/* nobody listens there any more */
	ck_assert_int_eq(wr_xfer_connect(hp, 2000, &cfd, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "refused"));
	/* malformed addresses */
	ck_assert_int_eq(wr_xfer_connect("localhost", 2000, &cfd, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "HOST:PORT"));
	ck_assert_int_eq(wr_xfer_listen("127.0.0.1:http", &lfd, &err), -1);
}
END_TEST

static Suite *xfer_suite(void)
{
	Suite *s = suite_create("xfer");
	TCase *tf = tcase_create("frames");
	tcase_add_test(tf, frame_roundtrip);
	tcase_add_test(tf, frame_truncation_and_flips);
	tcase_add_test(tf, frame_keys);
	tcase_add_test(tf, frame_limits);
	tcase_add_test(tf, key_files);
	suite_add_tcase(s, tf);
	TCase *tp = tcase_create("protocol");
	tcase_add_test(tp, proto_success);
	tcase_add_test(tp, proto_refused_and_broken);
	tcase_add_test(tp, proto_over_target_limit);
	tcase_add_test(tp, proto_slow_source);
	tcase_add_test(tp, send_slow_target);
	tcase_add_test(tp, proto_wrong_key_and_hash);
	tcase_add_test(tp, proto_source_nack_frame);
	tcase_add_test(tp, proto_forged_nack);
	tcase_add_test(tp, proto_source_faults);
	tcase_add_test(tp, proto_injected_faults);
	tcase_add_test(tp, proto_target_faults);
	tcase_add_test(tp, sockets_loopback);
	suite_add_tcase(s, tp);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(xfer_suite());
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
