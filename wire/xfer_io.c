/*
 * wire/xfer_io.c -- sockets for the transfer: HOST:PORT parsing, listen,
 * accept and connect with timeouts, whole-buffer reads and writes where the
 * timeout bounds each wait for progress (poll), and one-frame send/receive.
 * Writes use MSG_NOSIGNAL, so a peer that dies gives an error, not SIGPIPE.
 *
 * A peer that lets one byte through before each timeout would hold the
 * other side for ever, so the paced forms also bound a frame as a whole:
 * n bytes must be through within timeout + n / min_rate seconds.
 */
#define _GNU_SOURCE 1   /* accept4 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "wire/wr_impl.h"
#include "wire/xfer.h"

/* "host:port", "[v6]:port" or ":port" (any address) */
static int split_hostport(const char *hp, char *host, size_t hcap, char *port,
                          size_t pcap, wr_error *err)
{
	const char *colon = strrchr(hp, ':');
	const char *h = hp;
	size_t hl;
	if (!colon || !colon[1]) {
		wr_err_set(err, "'%s' is not HOST:PORT", hp);
		return -1;
	}
	hl = (size_t)(colon - hp);
	if (h[0] == '[' || memchr(h, ']', hl) != NULL) {
		if (h[0] != '[' || hl < 2 || h[hl - 1] != ']' || memchr(h + 1, ']', hl - 2) != NULL) {
			wr_err_set(err, "'%s' is not HOST:PORT ([ADDRESS]:PORT for IPv6)", hp);
			return -1;
		}
		h++;
		hl -= 2;
	} else if (memchr(h, ':', hl) != NULL) {
		/* "::1:7000": which colon starts the port? say it, never guess */
		wr_err_set(err, "'%s': an IPv6 address goes in brackets ([::1]:7000)", hp);
		return -1;
	}
	if (hl >= hcap || strlen(colon + 1) >= pcap) {
		wr_err_set(err, "'%s': host or port too long", hp);
		return -1;
	}
	memcpy(host, h, hl);
	host[hl] = '\0';
	strcpy(port, colon + 1);
	for (const char *c = port; *c; c++)
		if (*c < '0' || *c > '9') {
			wr_err_set(err, "'%s': the port must be a number", hp);
			return -1;
		}
	if (strtoul(port, NULL, 10) > 65535) {
		wr_err_set(err, "'%s': the port must be at most 65535", hp);
		return -1;
	}
	return 0;
}

int wr_xfer_hostport_check(const char *hp, wr_error *err)
{
	char host[256], port[16];
	return split_hostport(hp, host, sizeof host, port, sizeof port, err);
}

static int resolve(const char *hp, int passive, struct addrinfo **res, wr_error *err)
{
	char host[256], port[16];
	struct addrinfo hints;
	if (split_hostport(hp, host, sizeof host, port, sizeof port, err) < 0)
		return -1;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = passive ? AI_PASSIVE : 0;
	int rc = getaddrinfo(host[0] ? host : NULL, port, &hints, res);
	if (rc != 0) {
		wr_err_set(err, "cannot resolve '%s': %s", hp, gai_strerror(rc));
		return -1;
	}
	return 0;
}

int wr_xfer_listen(const char *hostport, int *fd_out, wr_error *err)
{
	struct addrinfo *res, *ai;
	int fd = -1, one = 1, e = 0;
	*fd_out = -1;
	if (resolve(hostport, 1, &res, err) < 0)
		return -1;
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0) {
			e = errno;
			continue;
		}
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, 4) == 0)
			break;
		e = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		wr_err_set(err, "cannot listen on %s: %s", hostport, strerror(e));
		return -1;
	}
	*fd_out = fd;
	return 0;
}

int wr_xfer_local_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) < 0)
		return -1;
	if (ss.ss_family == AF_INET)
		return ntohs(((struct sockaddr_in *)&ss)->sin_port);
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return -1;
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A frame's pace: it must be through by `deadline` (ms, now_ms clock; 0:
 * no bound), having `bytes` bytes at `rate` bytes/s at least. */
typedef struct pace {
	long long deadline;
	size_t    bytes;
	unsigned  rate;
} pace;

static pace pace_start(int timeout_ms, size_t bytes, unsigned min_rate)
{
	pace p = { 0, bytes, min_rate };
	if (min_rate > 0 && timeout_ms >= 0)
		p.deadline = now_ms() + timeout_ms + (long long)(bytes / min_rate) * 1000 +
		             (long long)(bytes % min_rate) * 1000 / min_rate;
	return p;
}

/* the wait allowed before the next byte: timeout_ms, cut to what is left
 * of the frame's time; 0 when that is spent */
static int pace_wait(const pace *p, int timeout_ms)
{
	if (!p || p->deadline == 0)
		return timeout_ms;
	long long left = p->deadline - now_ms();
	if (left <= 0)
		return 0;
	return left < timeout_ms ? (int)left : timeout_ms;
}

static int pace_spent(const pace *p)
{
	return p && p->deadline != 0 && p->deadline - now_ms() <= 0;
}

static void pace_error(const pace *p, const char *what, size_t done, wr_error *err)
{
	wr_err_set(err, "%s: too slow: %zu of %zu bytes in the time allowed at %u bytes/s "
	           "(FERRY_XFER_MIN_RATE)", what, done, p->bytes, p->rate);
}

/* wait for `ev` on fd; 1 ready, 0 timeout, -1 error */
static int wait_fd(int fd, short ev, int timeout_ms)
{
	struct pollfd p;
	for (;;) {
		p.fd = fd;
		p.events = ev;
		p.revents = 0;
		int rc = poll(&p, 1, timeout_ms);
		if (rc < 0 && errno == EINTR)
			continue;
		return rc < 0 ? -1 : rc;
	}
}

int wr_xfer_accept(int lfd, int timeout_ms, int *fd_out, wr_error *err)
{
	int rc = wait_fd(lfd, POLLIN, timeout_ms);
	*fd_out = -1;
	if (rc == 0) {
		wr_err_set(err, "no source connected within %d ms", timeout_ms);
		return -1;
	}
	if (rc < 0) {
		wr_err_set(err, "waiting for a connection: %s", strerror(errno));
		return -1;
	}
	int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	if (fd < 0) {
		wr_err_set(err, "accept: %s", strerror(errno));
		return -1;
	}
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	*fd_out = fd;
	return 0;
}

static int connect_one(const struct addrinfo *ai, int timeout_ms, int *e)
{
	int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
	                ai->ai_protocol);
	if (fd < 0) {
		*e = errno;
		return -1;
	}
	if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
		if (errno != EINPROGRESS) {
			*e = errno;
			close(fd);
			return -1;
		}
		int rc = wait_fd(fd, POLLOUT, timeout_ms);
		int soerr = 0;
		socklen_t sl = sizeof soerr;
		if (rc <= 0) {
			*e = rc == 0 ? ETIMEDOUT : errno;
			close(fd);
			return -1;
		}
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0 || soerr) {
			*e = soerr ? soerr : errno;
			close(fd);
			return -1;
		}
	}
	/* back to blocking; every wait goes through poll anyway */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return fd;
}

int wr_xfer_connect(const char *hostport, int timeout_ms, int *fd_out, wr_error *err)
{
	struct addrinfo *res, *ai;
	int fd = -1, e = 0;
	*fd_out = -1;
	if (resolve(hostport, 0, &res, err) < 0)
		return -1;
	for (ai = res; ai && fd < 0; ai = ai->ai_next)
		fd = connect_one(ai, timeout_ms, &e);
	freeaddrinfo(res);
	if (fd < 0) {
		if (e == ETIMEDOUT)
			wr_err_set(err, "cannot connect to %s: no answer within %d ms", hostport, timeout_ms);
		else
			wr_err_set(err, "cannot connect to %s: %s", hostport, strerror(e));
		return -1;
	}
	*fd_out = fd;
	return 0;
}

static int write_paced(int fd, const void *p, size_t n, int timeout_ms, const pace *pc,
                       size_t off, wr_error *err)
{
	const uint8_t *b = p;
	while (n > 0) {
		int rc = wait_fd(fd, POLLOUT, pace_wait(pc, timeout_ms));
		if (rc == 0 && pace_spent(pc)) {
			pace_error(pc, "send", off + (size_t)(b - (const uint8_t *)p), err);
			return -1;
		}
		if (rc == 0) {
			wr_err_set(err, "send: peer accepted nothing for %d ms", timeout_ms);
			return -1;
		}
		if (rc < 0) {
			wr_err_set(err, "send: %s", strerror(errno));
			return -1;
		}
		ssize_t w = send(fd, b, n, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (w < 0) {
			if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
				continue;
			wr_err_set(err, "send: %s", errno == EPIPE || errno == ECONNRESET ?
			           "peer closed the connection" : strerror(errno));
			return -1;
		}
		b += w;
		n -= (size_t)w;
	}
	return 0;
}

int wr_xfer_write_all(int fd, const void *p, size_t n, int timeout_ms, wr_error *err)
{
	return write_paced(fd, p, n, timeout_ms, NULL, 0, err);
}

static int read_paced(int fd, void *p, size_t n, int timeout_ms, const pace *pc,
                      size_t off, wr_error *err)
{
	uint8_t *b = p;
	size_t got = 0;
	while (got < n) {
		int rc = wait_fd(fd, POLLIN, pace_wait(pc, timeout_ms));
		if (rc == 0 && pace_spent(pc)) {
			pace_error(pc, "receive", off + got, err);
			return -1;
		}
		if (rc == 0) {
			wr_err_set(err, "receive: nothing arrived for %d ms", timeout_ms);
			return -1;
		}
		if (rc < 0) {
			wr_err_set(err, "receive: %s", strerror(errno));
			return -1;
		}
		ssize_t r = recv(fd, b + got, n - got, MSG_DONTWAIT);
		if (r < 0) {
			if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
				continue;
			wr_err_set(err, "receive: %s", errno == ECONNRESET ?
			           "peer closed the connection" : strerror(errno));
			return -1;
		}
		if (r == 0) {
			wr_err_set(err, "receive: peer closed the connection after %zu of %zu bytes",
			           got, n);
			return got ? -1 : WR_XFER_CLOSED;
		}
		got += (size_t)r;
	}
	return 0;
}

int wr_xfer_read_all(int fd, void *p, size_t n, int timeout_ms, wr_error *err)
{
	return read_paced(fd, p, n, timeout_ms, NULL, 0, err);
}

int wr_xfer_send_paced(int fd, const wr_xfer_hdr *h, const void *payload,
                       const wr_xfer_key *key, int timeout_ms, unsigned min_rate,
                       wr_error *err)
{
	wr_buf b = { NULL, 0, 0 };
	int rc = wr_xfer_frame_encode(h, payload, key, &b, err);
	if (rc == 0) {
		pace pc = pace_start(timeout_ms, b.len, min_rate);
		rc = write_paced(fd, b.data, b.len, timeout_ms, &pc, 0, err);
	}
	wr_buf_free(&b);
	return rc;
}

int wr_xfer_send(int fd, const wr_xfer_hdr *h, const void *payload,
                 const wr_xfer_key *key, int timeout_ms, wr_error *err)
{
	return wr_xfer_send_paced(fd, h, payload, key, timeout_ms, 0, err);
}

int wr_xfer_recv(int fd, size_t max_payload, const wr_xfer_key *key, int timeout_ms,
                 wr_xfer_hdr *h, uint8_t **payload, wr_error *err)
{
	return wr_xfer_recv_paced(fd, max_payload, key, timeout_ms, 0, h, payload, err);
}

int wr_xfer_recv_paced(int fd, size_t max_payload, const wr_xfer_key *key, int timeout_ms,
                       unsigned min_rate, wr_xfer_hdr *h, uint8_t **payload, wr_error *err)
{
	uint8_t raw[WR_XFER_HDR], tr[WR_XFER_TRAILER];
	*payload = NULL;
	pace pc = pace_start(timeout_ms, sizeof raw, min_rate);
	int rc = read_paced(fd, raw, sizeof raw, timeout_ms, &pc, 0, err);
	if (rc < 0)
		return rc;   /* WR_XFER_CLOSED: not one byte of a frame */
	if (wr_xfer_hdr_parse(raw, max_payload, h, err) < 0)
		return -1;
	if (h->type != WR_XFER_SNAP && h->len > WR_XFER_SMALL_MAX) {
		wr_err_at(err, 72, "frame payload of %u bytes exceeds the limit of %u for a "
		          "frame that is not a snapshot", (unsigned)h->len, WR_XFER_SMALL_MAX);
		return -1;
	}
	uint8_t *p = malloc((size_t)h->len + 1);
	if (!p) {
		wr_err_set(err, "out of memory for a %u-byte frame", (unsigned)h->len);
		return -1;
	}
	/* the header had its own time, the wait for its first byte included */
	pc = pace_start(timeout_ms, (size_t)h->len + sizeof tr, min_rate);
	if (read_paced(fd, p, h->len, timeout_ms, &pc, 0, err) < 0 ||
	    read_paced(fd, tr, sizeof tr, timeout_ms, &pc, h->len, err) < 0) {
		free(p);
		return -1;
	}
	if (wr_xfer_frame_verify(raw, p, h->len, tr, key, err) < 0) {
		free(p);
		return WR_XFER_UNVERIFIED;
	}
	p[h->len] = '\0';
	*payload = p;
	return 0;
}
