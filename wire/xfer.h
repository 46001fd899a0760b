/*
 * wire/xfer.h -- over-the-air transfer of snapshots (prefix wr_xfer_):
 * frames, socket I/O with deadlines, and the hand-over protocol, in plain C
 * over file descriptors (no Duktape; the runtime plugs its restore in
 * through a callback). The protocol and its failure cases are described in
 * doc/protocol.md.
 *
 * Frame: an 80-byte header, the payload, a 32-byte trailer.
 *   0  "FYXF"     magic
 *   4  u8         version (WR_XFER_VERSION)
 *   5  u8         type (wr_xfer_type)
 *   6  u8         flags (WR_XFER_F_AUTH: trailer is an HMAC-SHA256)
 *   7  u8         0
 *   8  32 bytes   program hash
 *   40 16 bytes   target's nonce (from its HELLO)
 *   56 16 bytes   source's nonce (zero in HELLO)
 *   72 u32 BE     payload length
 *   76 u32 BE     CRC-32 of bytes 0..75 (catches a corrupt length early)
 *   80 payload
 *   trailer: BLAKE2b-256 (no key) or HMAC-SHA256 (with --key) of header + payload
 */
#ifndef FERRY_WIRE_XFER_H
#define FERRY_WIRE_XFER_H

#include <stddef.h>
#include <stdint.h>

#include "wire/wire.h"

#define WR_XFER_VERSION  1u
#define WR_XFER_HDR      80u
#define WR_XFER_TRAILER  32u
#define WR_XFER_NONCE    16u
#define WR_XFER_SMALL_MAX 4096u  /* payload limit of every frame but SNAP */
#define WR_XFER_REASON_MAX 200u  /* longest NACK reason sent or shown */

typedef enum wr_xfer_type {
	WR_XFER_HELLO = 1,  /* target -> source: its hash and nonce */
	WR_XFER_SNAP,       /* source -> target: the snapshot */
	WR_XFER_ACK,        /* target -> source: verified and restored, not running */
	WR_XFER_NACK,       /* refused; payload = reason (text, at most
	                     * WR_XFER_REASON_MAX bytes): target -> source
	                     * after SNAP, or source -> target after a HELLO
	                     * it will not send to */
	WR_XFER_COMMIT,     /* source -> target: the source will exit, run it */
	WR_XFER_DONE,       /* target -> source: running; the source exits 0 */
	WR_XFER_TYPE_MAX = WR_XFER_DONE
} wr_xfer_type;

enum { WR_XFER_F_AUTH = 1u << 0 };

/* a pre-shared key (--key FILE); len 0 = no key */
typedef struct wr_xfer_key {
	uint8_t  k[256];
	size_t   len;
} wr_xfer_key;

typedef struct wr_xfer_hdr {
	uint32_t type;                   /* wr_xfer_type */
	uint32_t flags;                  /* WR_XFER_F_* */
	uint8_t  hash[32];
	uint8_t  nonce_t[WR_XFER_NONCE];
	uint8_t  nonce_s[WR_XFER_NONCE];
	uint32_t len;                    /* payload bytes */
} wr_xfer_hdr;

/* ---- keys ---- */
/* Read a key file: 16..256 bytes (trailing newline kept: the bytes are the
 * key). 0 or -1 with err. */
int wr_xfer_key_load(const char *path, wr_xfer_key *key, wr_error *err);

/* ---- frames (pure functions) ---- */
/* Encode header + payload + trailer into out (appended). key NULL or len 0:
 * BLAKE2b checksum; else HMAC and WR_XFER_F_AUTH set. */
int wr_xfer_frame_encode(const wr_xfer_hdr *h, const void *payload,
                         const wr_xfer_key *key, wr_buf *out, wr_error *err);
/* Parse and check an 80-byte header: magic, version, CRC, type, and
 * len <= max_payload. */
int wr_xfer_hdr_parse(const uint8_t raw[WR_XFER_HDR], size_t max_payload,
                      wr_xfer_hdr *h, wr_error *err);
/* Check the trailer of a frame whose header is raw: a target with a key
 * refuses frames without WR_XFER_F_AUTH or with a wrong MAC; one without a
 * key refuses authenticated frames (it cannot check them). */
int wr_xfer_frame_verify(const uint8_t raw[WR_XFER_HDR], const void *payload, size_t len,
                         const uint8_t trailer[WR_XFER_TRAILER], const wr_xfer_key *key,
                         wr_error *err);
/* Decode a whole frame held in memory (tests, fuzzing); *payload points into buf. */
int wr_xfer_frame_decode(const void *buf, size_t n, size_t max_payload,
                         const wr_xfer_key *key, wr_xfer_hdr *h,
                         const uint8_t **payload, wr_error *err);

/* ---- sockets and I/O with deadlines (timeout_ms < 0: wait forever) ---- */
/* Check the form of "host:port", "[v6]:port" or ":port" without resolving
 * the host (so a typo is found when the command line is read). 0 or -1. */
int  wr_xfer_hostport_check(const char *hostport, wr_error *err);
int  wr_xfer_listen(const char *hostport, int *fd_out, wr_error *err);
/* the port a listening socket is bound to (for HOST:0) */
int  wr_xfer_local_port(int fd);
int  wr_xfer_accept(int lfd, int timeout_ms, int *fd_out, wr_error *err);
int  wr_xfer_connect(const char *hostport, int timeout_ms, int *fd_out, wr_error *err);
int  wr_xfer_write_all(int fd, const void *p, size_t n, int timeout_ms, wr_error *err);
/* 0, or -1 with err; WR_XFER_CLOSED (also < 0) when the peer closed the
 * connection before the first byte */
#define WR_XFER_CLOSED (-3)   /* not a wr_xfer_take result */
int  wr_xfer_read_all(int fd, void *p, size_t n, int timeout_ms, wr_error *err);
/* send one frame */
int  wr_xfer_send(int fd, const wr_xfer_hdr *h, const void *payload,
                  const wr_xfer_key *key, int timeout_ms, wr_error *err);
/* receive one frame: header checked against max_payload (WR_XFER_SMALL_MAX
 * for every type but SNAP) before the payload is allocated; *payload is
 * malloc'ed (free it), NUL-terminated. 0, or -1 with err; WR_XFER_CLOSED
 * when the peer closed before the frame began; WR_XFER_UNVERIFIED when the
 * whole frame arrived and its header (CRC) is good, so *h is filled, but
 * its trailer failed the check (wrong or missing key, corruption). */
#define WR_XFER_UNVERIFIED (-4)
int  wr_xfer_recv(int fd, size_t max_payload, const wr_xfer_key *key, int timeout_ms,
                  wr_xfer_hdr *h, uint8_t **payload, wr_error *err);
/* The same, with a whole-frame bound as well: a frame of n bytes must be
 * through within timeout_ms + n / min_rate seconds (min_rate in bytes/s;
 * 0: none), so a peer that trickles bytes cannot hold this side for ever.
 * For a received frame the time runs from its header. */
int  wr_xfer_send_paced(int fd, const wr_xfer_hdr *h, const void *payload,
                        const wr_xfer_key *key, int timeout_ms, unsigned min_rate,
                        wr_error *err);
int  wr_xfer_recv_paced(int fd, size_t max_payload, const wr_xfer_key *key, int timeout_ms,
                        unsigned min_rate, wr_xfer_hdr *h, uint8_t **payload, wr_error *err);

/* ---- the hand-over (doc/protocol.md) ---- */
/* Fault injection for the end-to-end tests (tests/migrate.sh sets
 * FERRY_XFER_FAULT): a real process failing at a precise protocol step.
 * The DIE faults raise SIGKILL, exactly like `kill -9` at that moment. */
typedef enum wr_xfer_fault {
	WR_XFER_FAULT_NONE = 0,
	WR_XFER_FAULT_TARGET_DIE_AFTER_SNAP,    /* target: SNAP received, before restore */
	WR_XFER_FAULT_TARGET_DIE_AFTER_ACK,     /* target: ACK sent, before COMMIT */
	WR_XFER_FAULT_TARGET_DIE_AFTER_COMMIT,  /* target: COMMIT read, before DONE */
	WR_XFER_FAULT_SOURCE_TRUNCATE,          /* source: half the SNAP frame, then close */
	WR_XFER_FAULT_SOURCE_CORRUPT,           /* source: one payload byte flipped in transit */
	WR_XFER_FAULT_SOURCE_DIE_AFTER_ACK      /* source: ACK read, killed before COMMIT */
} wr_xfer_fault;
/* "target-die-after-snap" etc. -> fault; -1 if unknown */
int wr_xfer_fault_from(const char *name);

typedef struct wr_xfer_opts {
	const wr_xfer_key *key;   /* NULL: no authentication */
	int    timeout_ms;        /* per step */
	size_t max_payload;       /* target: largest snapshot accepted */
	int    fault;             /* wr_xfer_fault (tests only) */
	unsigned min_rate;        /* bytes/s a snapshot frame must keep up (0: no bound) */
} wr_xfer_opts;

/* Source side, on a connected fd: receive HELLO, send SNAP, wait for ACK,
 * send COMMIT, wait for DONE. 0: the target runs the program now (the source
 * must exit). -1 with err: the source still owns the state and resumes. */
int wr_xfer_offer(int fd, const uint8_t hash[32], const void *snap, size_t len,
                  const wr_xfer_opts *o, wr_error *err);

/* Target-side restore hook: called with a verified payload. Returns 0 when
 * restored, WR_XFER_REJECT when refused before anything was changed (the
 * target may wait for another source), WR_XFER_BROKEN when the refusal came
 * after its state was touched (the target must exit). */
enum { WR_XFER_OK = 0, WR_XFER_REJECT = -1, WR_XFER_BROKEN = -2 };
typedef int (*wr_xfer_restore_fn)(void *ctx, const uint8_t *payload, size_t len,
                                  char *err, size_t errlen);

/* Target side, on an accepted fd: send HELLO, receive SNAP, verify it, call
 * restore, send ACK (or NACK with the reason), wait for COMMIT, send DONE.
 * Returns WR_XFER_OK (run the program), WR_XFER_REJECT (nothing restored;
 * err says why; wait for the next source) or WR_XFER_BROKEN (restored state
 * must be discarded: exit). */
int wr_xfer_take(int fd, const uint8_t hash[32], const wr_xfer_opts *o,
                 wr_xfer_restore_fn restore, void *ctx, wr_error *err);

#endif
