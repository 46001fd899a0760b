/*
 * wire/file.c -- snapshot files: atomic replacement (temp file in the same
 * directory, fsync, rename, fsync of the directory, so a power cut leaves
 * either the old or the new snapshot, never a torn one) and bounded reads.
 *
 * The temporary file is PATH.tmp.XXXXXX (mkstemp's six letters or digits).
 * A process killed, or a device that lost power, between mkstemp and rename
 * leaves one behind, and a device that checkpoints every few seconds and
 * loses power again and again would fill its flash with them: every write of
 * PATH removes the stale ones once it holds its own temporary file (before
 * it writes its data: the space comes back first). Only provably stale ones:
 * a writer holds an exclusive flock on its temporary file from just after
 * mkstemp to just after the rename (the kernel drops a dead process's
 * locks), and the sweep removes a name only if it has exactly that pattern
 * for this very PATH, is a regular file of our user whose lock it takes
 * without waiting, still names the locked file, and was last modified
 * STALE_SECONDS or more before our own temporary file (the file system's
 * clock on both sides). The age spares a writer between its mkstemp and its
 * flock; one stalled there longer finds its file unlinked and starts again.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wire/wr_impl.h"

#define STALE_SECONDS 10   /* coarse clocks too (FAT: 2 s) */

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

/* NAME is BASE.tmp.XXXXXX, X a letter or a digit as mkstemp makes them */
static int is_temp_name(const char *name, const char *base, size_t blen)
{
	size_t i;

	if (strncmp(name, base, blen) != 0 || strncmp(name + blen, ".tmp.", 5) != 0)
		return 0;
	for (i = blen + 5; i < blen + 11; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return 0;
	}
	return name[i] == '\0';
}

/* Remove the temporary files of BASE in DIR that no live writer holds and
 * that were last modified at or before `before` (see the top of the file).
 * Best effort: what cannot be checked is left. */
static void sweep_stale_temps(const char *dir, const char *base, time_t before)
{
	size_t blen = strlen(base);
	DIR *d;
	struct dirent *de;

	if (blen == 0 || !(d = opendir(dir)))
		return;
	while ((de = readdir(d)) != NULL) {
		struct stat st, now;
		int fd;

		if (!is_temp_name(de->d_name, base, blen))
			continue;
		fd = openat(dirfd(d), de->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		    st.st_mtime <= before && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
		    fstatat(dirfd(d), de->d_name, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
		    now.st_dev == st.st_dev && now.st_ino == st.st_ino)
			unlinkat(dirfd(d), de->d_name, 0);   /* before the lock goes, with close */
		close(fd);
	}
	closedir(d);
}

int wr_write_file_atomic(const char *path, const void *data, size_t len, wr_error *err)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16), *dir = malloc(plen + 2);
	const char *slash, *base;
	struct stat st;
	int fd = -1, saved, tries;
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
	slash = strrchr(path, '/');
	if (slash == path) {
		strcpy(dir, "/");
	} else if (slash) {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
	} else {
		strcpy(dir, ".");
	}
	base = slash ? slash + 1 : path;
	for (tries = 0;; tries++) {
		memcpy(tmp, path, plen);
		memcpy(tmp + plen, ".tmp.XXXXXX", 12);
		fd = mkstemp(tmp);
		if (fd < 0)
			goto fail_nofile;
		/* no lock (a file system without flock): no sweep can take it either */
		while (flock(fd, LOCK_EX) < 0 && errno == EINTR)
			;
		if (fstat(fd, &st) < 0) {
			step = "stat the temporary file";
			goto fail;
		}
		if (st.st_nlink > 0 || tries == 100)
			break;
		close(fd);   /* swept before our lock: another name */
	}
	sweep_stale_temps(dir, base, st.st_mtime - STALE_SECONDS);
	step = "write";
	if (fchmod(fd, 0644) || write_all(fd, data, len))
		goto fail;
	step = "fsync";
	if (fsync(fd))
		goto fail;
	/* renamed while still locked: a sweep never takes a finished file
	 * that is about to be renamed */
	step = "rename the temporary file over";
	if (rename(tmp, path))
		goto fail;
	close(fd);   /* the data is on disk (fsync): nothing left to report */
	fd = -1;
	/* make the rename itself durable */
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
	unlink(tmp);   /* while still locked */
	close(fd);
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
			/* max_bytes may be SIZE_MAX (no limit): max_bytes + 1 is 0 */
			size_t ncap = !cap ? hint : cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2;
			if (max_bytes < SIZE_MAX && ncap > max_bytes + 1)
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
