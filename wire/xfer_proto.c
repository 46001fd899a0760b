/*
 * wire/xfer_proto.c -- the hand-over protocol (doc/protocol.md):
 *
 *   target                         source
 *   HELLO(hash, nonce_t)   ---->
 *                          <----   SNAP(hash, nonce_t, nonce_s, snapshot)
 *   verify, restore
 *   ACK | NACK(reason)     ---->
 *                          <----   COMMIT          (the source gives up the state)
 *   DONE                   ---->   source exits 0; target runs
 *
 * The state has exactly one owner at every step: the source until the
 * target has read COMMIT, the target after. The target never runs a
 * callback before COMMIT; the source never exits before DONE. Every frame
 * after HELLO carries both nonces, so frames from an older session (or a
 * replay) are refused.
 *
 * A source that will not send to this target (another program, a HELLO
 * that fails its key or checksum check) answers the HELLO with a NACK that
 * carries the target's nonce and a reason, then closes: the target, which
 * owns nothing yet, says why and keeps listening, as it would on a hang-up.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "wire/wr_impl.h"
#include "wire/xfer.h"

#define SMALL_FRAME WR_XFER_SMALL_MAX   /* largest HELLO/ACK/NACK/COMMIT/DONE payload */

static const char *const fault_names[] = {
	"none", "target-die-after-snap", "target-die-after-ack", "target-die-after-commit",
	"source-truncate", "source-corrupt", "source-die-after-ack"
};

int wr_xfer_fault_from(const char *name)
{
	for (size_t i = 0; i < sizeof fault_names / sizeof fault_names[0]; i++)
		if (strcmp(name, fault_names[i]) == 0)
			return (int)i;
	return -1;
}

/* an injected `kill -9` at this step */
static void die_if(const wr_xfer_opts *o, int fault)
{
	if (o->fault == fault)
		raise(SIGKILL);
}

/* the SNAP frame, damaged on purpose (tests): truncated or one byte flipped */
static int send_damaged(int fd, const wr_xfer_hdr *h, const void *payload,
                        const wr_xfer_opts *o, wr_error *err)
{
	wr_buf b = { NULL, 0, 0 };
	wr_error e;
	int rc = wr_xfer_frame_encode(h, payload, o->key, &b, &e);
	if (rc == 0 && o->fault == WR_XFER_FAULT_SOURCE_TRUNCATE) {
		(void)wr_xfer_write_all(fd, b.data, b.len / 2, o->timeout_ms, &e);
		wr_err_set(err, "(test fault) snapshot frame truncated after %zu of %zu bytes",
		           b.len / 2, b.len);
		wr_buf_free(&b);
		return -1;
	}
	if (rc == 0) {
		b.data[WR_XFER_HDR + h->len / 2] ^= 0x10;
		rc = wr_xfer_write_all(fd, b.data, b.len, o->timeout_ms, &e);
	}
	wr_buf_free(&b);
	if (rc < 0)
		wr_err_set(err, "sending the snapshot: %s", e.msg);
	return rc;
}

static const char *type_name(uint32_t t)
{
	static const char *const n[] = { "?", "HELLO", "SNAP", "ACK", "NACK", "COMMIT", "DONE" };
	return t <= WR_XFER_TYPE_MAX ? n[t] : "?";
}

static void hex8(const uint8_t *h, char *out)
{
	for (int i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

/* a frame of this session: nonces must match */
static int same_session(const wr_xfer_hdr *got, const wr_xfer_hdr *want)
{
	return sodium_memcmp(got->nonce_t, want->nonce_t, WR_XFER_NONCE) == 0 &&
	       sodium_memcmp(got->nonce_s, want->nonce_s, WR_XFER_NONCE) == 0;
}

/* the first bytes of a reason, cut at WR_XFER_REASON_MAX (on a UTF-8
 * character boundary), without a byte that could break the line or drive
 * the terminal: the reason comes from the peer and is printed on one line */
static size_t reason_len(const char *s, size_t n)
{
	if (n <= WR_XFER_REASON_MAX)
		return n;
	n = WR_XFER_REASON_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

static void reason_of(const uint8_t *pl, size_t len, char out[WR_XFER_REASON_MAX + 1])
{
	size_t n = reason_len((const char *)pl, strnlen((const char *)pl, len));
	for (size_t i = 0; i < n; i++)
		out[i] = pl[i] < 0x20 || pl[i] == 0x7F ? '?' : (char)pl[i];
	out[n] = '\0';
}

/* best effort: the peer may be gone already */
static void nack(int fd, const wr_xfer_hdr *sess, const wr_xfer_opts *o, const char *why)
{
	wr_xfer_hdr n = *sess;
	wr_error e;
	n.type = WR_XFER_NACK;
	n.len = (uint32_t)reason_len(why, strlen(why));
	(void)wr_xfer_send(fd, &n, why, o->key, o->timeout_ms, &e);
}

/* the source will not send to the target that sent hello: tell it why, in
 * a NACK with its nonce (checked as all the source's frames are) */
static void refuse_hello(int fd, const wr_xfer_hdr *hello, const uint8_t hash[32],
                         const wr_xfer_opts *o, const char *why)
{
	wr_xfer_hdr n;
	memset(&n, 0, sizeof n);
	memcpy(n.hash, hash, 32);
	memcpy(n.nonce_t, hello->nonce_t, WR_XFER_NONCE);
	nack(fd, &n, o, why);
}

static int recv_small(int fd, const wr_xfer_opts *o, wr_xfer_hdr *h, uint8_t **pl,
                      const char *step, wr_error *err)
{
	wr_error e;
	if (wr_xfer_recv(fd, SMALL_FRAME, o->key, o->timeout_ms, h, pl, &e) < 0) {
		wr_err_set(err, "%s: %s", step, e.msg);
		return -1;
	}
	return 0;
}

int wr_xfer_offer(int fd, const uint8_t hash[32], const void *snap, size_t len,
                  const wr_xfer_opts *o, wr_error *err)
{
	wr_xfer_hdr hello, h, s;
	uint8_t *pl = NULL;
	wr_error e;
	char a[17], b[17], why[320];   /* a reason; sent and shown cut to WR_XFER_REASON_MAX */

	if (sodium_init() < 0) {
		wr_err_set(err, "libsodium failed to initialise");
		return -1;
	}
	if (len > UINT32_MAX) {
		wr_err_set(err, "snapshot of %zu bytes is too large for a frame", len);
		return -1;
	}
	/* 1. the target introduces itself */
	int got = wr_xfer_recv(fd, SMALL_FRAME, o->key, o->timeout_ms, &hello, &pl, &e);
	if (got < 0) {
		wr_err_set(err, "waiting for the target's HELLO: %s", e.msg);
		/* a whole HELLO whose header is intact but whose trailer fails
		 * (keys differ, or corruption): its nonce is known, say why */
		if (got == WR_XFER_UNVERIFIED && hello.type == WR_XFER_HELLO) {
			snprintf(why, sizeof why, "the target's HELLO failed its check: %s", e.msg);
			refuse_hello(fd, &hello, hash, o, why);
		}
		return -1;
	}
	free(pl);
	pl = NULL;
	if (hello.type != WR_XFER_HELLO) {
		wr_err_set(err, "protocol error: expected HELLO, got %s", type_name(hello.type));
		return -1;
	}
	if (memcmp(hello.hash, hash, 32) != 0) {
		hex8(hello.hash, a);
		hex8(hash, b);
		wr_err_set(err, "the target runs a different program (hash %s..., this one %s...)",
		           a, b);
		snprintf(why, sizeof why, "the programs differ (target %s..., source %s...)", a, b);
		refuse_hello(fd, &hello, hash, o, why);
		return -1;
	}
	/* 2. the snapshot */
	memset(&s, 0, sizeof s);
	memcpy(s.hash, hash, 32);
	memcpy(s.nonce_t, hello.nonce_t, WR_XFER_NONCE);
	randombytes_buf(s.nonce_s, WR_XFER_NONCE);
	s.type = WR_XFER_SNAP;
	s.len = (uint32_t)len;
	if (o->fault == WR_XFER_FAULT_SOURCE_TRUNCATE || o->fault == WR_XFER_FAULT_SOURCE_CORRUPT) {
		if (send_damaged(fd, &s, snap, o, err) < 0)
			return -1;
	} else if (wr_xfer_send_paced(fd, &s, snap, o->key, o->timeout_ms, o->min_rate, &e) < 0) {
		wr_err_set(err, "sending the snapshot: %s", e.msg);
		return -1;
	}
	/* 3. verified and restored? */
	if (recv_small(fd, o, &h, &pl, "waiting for the target's acknowledgement", err) < 0)
		return -1;
	/* a NACK only makes the source keep the state (the safe side), so one
	 * sent before the target could read nonce_s is accepted */
	if (h.type == WR_XFER_NACK &&
	    sodium_memcmp(h.nonce_t, s.nonce_t, WR_XFER_NONCE) == 0) {
		reason_of(pl, h.len, why);
		wr_err_set(err, "the target refused the snapshot: %s", why);
		free(pl);
		return -1;
	}
	if (!same_session(&h, &s)) {
		free(pl);
		wr_err_set(err, "protocol error: acknowledgement from another session");
		return -1;
	}
	free(pl);
	pl = NULL;
	if (h.type != WR_XFER_ACK) {
		wr_err_set(err, "protocol error: expected ACK, got %s", type_name(h.type));
		return -1;
	}
	die_if(o, WR_XFER_FAULT_SOURCE_DIE_AFTER_ACK);
	/* 4. commit: from the moment the target reads this, it owns the state */
	s.type = WR_XFER_COMMIT;
	s.len = 0;
	if (wr_xfer_send(fd, &s, NULL, o->key, o->timeout_ms, &e) < 0) {
		wr_err_set(err, "sending COMMIT: %s (the target discards its copy)", e.msg);
		return -1;
	}
	/* 5. the target confirms it runs */
	if (recv_small(fd, o, &h, &pl, "waiting for the target's DONE", err) < 0)
		return -1;
	free(pl);
	if (!same_session(&h, &s) || h.type != WR_XFER_DONE) {
		wr_err_set(err, "protocol error: expected DONE, got %s", type_name(h.type));
		return -1;
	}
	return 0;
}

int wr_xfer_take(int fd, const uint8_t hash[32], const wr_xfer_opts *o,
                 wr_xfer_restore_fn restore, void *ctx, wr_error *err)
{
	wr_xfer_hdr me, h;
	uint8_t *pl = NULL;
	wr_error e;
	char a[17], b[17], why[256], r[WR_XFER_REASON_MAX + 1];

	if (sodium_init() < 0) {
		wr_err_set(err, "libsodium failed to initialise");
		return WR_XFER_REJECT;
	}
	/* 1. HELLO */
	memset(&me, 0, sizeof me);
	me.type = WR_XFER_HELLO;
	memcpy(me.hash, hash, 32);
	randombytes_buf(me.nonce_t, WR_XFER_NONCE);
	if (wr_xfer_send(fd, &me, NULL, o->key, o->timeout_ms, &e) < 0) {
		wr_err_set(err, "sending HELLO: %s", e.msg);
		return WR_XFER_REJECT;
	}
	/* 2. the snapshot, verified before it is decoded */
	int got = wr_xfer_recv_paced(fd, o->max_payload, o->key, o->timeout_ms, o->min_rate,
	                             &h, &pl, &e);
	if (got == WR_XFER_CLOSED) {
		/* a source that gave up, or one older than the NACK after HELLO */
		wr_err_set(err, "the source closed the connection without sending a snapshot "
		           "or a reason (its own message says why)");
		return WR_XFER_REJECT;
	}
	/* the source answered HELLO with a NACK: it will not send here. Nothing
	 * was restored, so a NACK (even a forged or replayed one) only makes
	 * this target keep listening, as a hang-up would. No NACK back: the
	 * source has closed. */
	if (got == WR_XFER_UNVERIFIED && h.type == WR_XFER_NACK) {
		/* the keys differ: the frame check's message names the cause */
		wr_err_set(err, "the source refused to send (its reason cannot be checked here): %s",
		           e.msg);
		return WR_XFER_REJECT;
	}
	if (got == 0 && h.type == WR_XFER_NACK) {
		if (sodium_memcmp(h.nonce_t, me.nonce_t, WR_XFER_NONCE) != 0) {
			wr_err_set(err, "a refusal from another session (stale or replayed) instead "
			           "of a snapshot");
		} else {
			reason_of(pl, h.len, r);
			wr_err_set(err, "the source refused to send: %s", r);
		}
		free(pl);
		return WR_XFER_REJECT;
	}
	if (got < 0) {
		wr_err_set(err, "receiving the snapshot: %s", e.msg);
		nack(fd, &me, o, err->msg);
		return WR_XFER_REJECT;
	}
	die_if(o, WR_XFER_FAULT_TARGET_DIE_AFTER_SNAP);
	/* the session from now on: both nonces */
	memcpy(me.nonce_s, h.nonce_s, WR_XFER_NONCE);
	if (h.type != WR_XFER_SNAP) {
		wr_err_set(err, "protocol error: expected SNAP, got %s", type_name(h.type));
	} else if (sodium_memcmp(h.nonce_t, me.nonce_t, WR_XFER_NONCE) != 0) {
		wr_err_set(err, "snapshot frame from another session (stale or replayed)");
	} else if (memcmp(h.hash, hash, 32) != 0) {
		hex8(h.hash, a);
		hex8(hash, b);
		wr_err_set(err, "program hash mismatch: the snapshot is for %s..., this program is %s...",
		           a, b);
	} else {
		err->msg[0] = '\0';
	}
	if (err->msg[0]) {
		free(pl);
		nack(fd, &me, o, err->msg);
		return WR_XFER_REJECT;
	}
	/* 3. decode and restore (the runtime's part) */
	why[0] = '\0';
	int rc = restore(ctx, pl, h.len, why, sizeof why);
	free(pl);
	pl = NULL;
	if (rc != WR_XFER_OK) {
		wr_err_set(err, "%s", why[0] ? why : "restore failed");
		nack(fd, &me, o, err->msg);
		return rc == WR_XFER_BROKEN ? WR_XFER_BROKEN : WR_XFER_REJECT;
	}
	/* 4. ACK, then wait for the source to give the state up */
	me.type = WR_XFER_ACK;
	me.len = 0;
	if (wr_xfer_send(fd, &me, NULL, o->key, o->timeout_ms, &e) < 0) {
		wr_err_set(err, "sending ACK: %s; the source keeps the program", e.msg);
		return WR_XFER_BROKEN;
	}
	die_if(o, WR_XFER_FAULT_TARGET_DIE_AFTER_ACK);
	if (wr_xfer_recv(fd, SMALL_FRAME, o->key, o->timeout_ms, &h, &pl, &e) < 0) {
		wr_err_set(err, "no COMMIT from the source (%s); the source keeps the program", e.msg);
		return WR_XFER_BROKEN;
	}
	free(pl);
	if (!same_session(&h, &me) || h.type != WR_XFER_COMMIT) {
		wr_err_set(err, "protocol error: expected COMMIT, got %s; the source keeps the program",
		           type_name(h.type));
		return WR_XFER_BROKEN;
	}
	die_if(o, WR_XFER_FAULT_TARGET_DIE_AFTER_COMMIT);
	/* 5. DONE: if it cannot be sent the source is gone or will resume */
	me.type = WR_XFER_DONE;
	if (wr_xfer_send(fd, &me, NULL, o->key, o->timeout_ms, &e) < 0) {
		wr_err_set(err, "sending DONE: %s; the source keeps the program", e.msg);
		return WR_XFER_BROKEN;
	}
	return WR_XFER_OK;
}
