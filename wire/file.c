/*
 * wire/file.c -- snapshot files: atomic replacement (temp file in the same
 * directory, fsync, rename, fsync of the directory, so a power cut leaves
 * either the old or the new snapshot, never a torn one) and bounded reads.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wire/wr_impl.h"

static int write_all(int fd, const uint8_t *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n > (1u << 30) ? (1u << 30) : n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int wr_write_file_atomic(const char *path, const void *data, size_t len, wr_error *err)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16), *dir = malloc(plen + 2);
	int fd = -1, saved;
	const char *step = "create a temporary file";

	if (!tmp || !dir) {
		free(tmp);
		free(dir);
		wr_err_set(err, "%s: out of memory", path);
		return -1;
	}
	{
		/* not a regular file (/dev/null, a FIFO, a terminal): write to it,
		 * never rename a file over it (as root that replaced /dev/null) */
		struct stat st;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
			free(tmp);
			free(dir);
			fd = open(path, O_WRONLY | O_TRUNC);
			if (fd < 0 || write_all(fd, data, len)) {
				saved = errno;
				if (fd >= 0)
					close(fd);
				wr_err_set(err, "%s: cannot %s: %s", path, fd < 0 ? "open" : "write", strerror(saved));
				return -1;
			}
			if (close(fd)) {
				wr_err_set(err, "%s: cannot close: %s", path, strerror(errno));
				return -1;
			}
			return 0;
		}
	}
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp.XXXXXX", 12);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto fail_nofile;
	step = "write";
	if (fchmod(fd, 0644) || write_all(fd, data, len))
		goto fail;
	step = "fsync";
	if (fsync(fd))
		goto fail;
	step = "close";
	if (close(fd)) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	step = "rename the temporary file over";
	if (rename(tmp, path))
		goto fail;
	/* make the rename itself durable */
	const char *slash = strrchr(path, '/');
	if (slash == path) {
		strcpy(dir, "/");
	} else if (slash) {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
	} else {
		strcpy(dir, ".");
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		fsync(dfd);   /* some file systems refuse directory fsync: not fatal */
		close(dfd);
	}
	free(tmp);
	free(dir);
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = saved;
fail_nofile:
	wr_err_set(err, "%s: cannot %s: %s", path, step, strerror(errno));
	free(tmp);
	free(dir);
	return -1;
}

int wr_read_file(const char *path, size_t max_bytes, uint8_t **data, size_t *len, wr_error *err)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	struct stat st;
	uint8_t *buf = NULL;
	size_t n = 0, cap = 0, hint = 65536;

	*data = NULL;
	*len = 0;
	if (fd < 0) {
		wr_err_set(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			wr_err_set(err, "%s: is a directory", path);
			goto fail;
		}
		if (S_ISREG(st.st_mode)) {
			if ((uintmax_t)st.st_size > max_bytes) {
				wr_err_set(err, "%s: file of %jd bytes is larger than the limit (%zu bytes)",
				           path, (intmax_t)st.st_size, max_bytes);
				goto fail;
			}
			hint = (size_t)st.st_size + 1;   /* +1: EOF seen without regrowing */
		}
	}
	for (;;) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : hint;
			if (ncap > max_bytes + 1)
				ncap = max_bytes + 1;
			if (ncap <= n) {
				wr_err_set(err, "%s: larger than the limit (%zu bytes)", path, max_bytes);
				goto fail;
			}
			uint8_t *nb = realloc(buf, ncap);
			if (!nb) {
				wr_err_set(err, "%s: out of memory", path);
				goto fail;
			}
			buf = nb;
			cap = ncap;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			wr_err_set(err, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max_bytes) {
			wr_err_set(err, "%s: larger than the limit (%zu bytes)", path, max_bytes);
			goto fail;
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (!buf) {
		buf = malloc(1);
		if (!buf) {
			wr_err_set(err, "%s: out of memory", path);
			return -1;
		}
	}
	*data = buf;
	*len = n;
	return 0;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	free(buf);
	return -1;
}
