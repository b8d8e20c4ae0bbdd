#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <linux/fs.h>
#include <sys/ioctl.h>
#endif
#include "file_system.h"

static int copy_bytes(int in, int out, off_t size) {
#if defined(__linux__)
    off_t left = size;
    while (left > 0) {
        ssize_t copied = copy_file_range(in, NULL, out, NULL, (size_t)left, 0);
        if (copied < 0) {
            if (errno == EINTR) continue;
            if (left == size && (errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP)) break;
            return -1;
        }
        if (copied == 0) break;
        left -= copied;
    }
    if (left == 0) return 0;
    if (left != size) return 0; /* The file shrank while being copied: what was there is copied. */
#endif
    char buffer[1 << 16];
    for (;;) {
        ssize_t got = read(in, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (got == 0) return 0;
        for (ssize_t done = 0; done < got;) {
            ssize_t put = write(out, buffer + done, (size_t)(got - done));
            if (put < 0) {
                if (errno == EINTR) continue;
                return -1;
            }
            done += put;
        }
    }
}

int sitegen_clone_file(const char *source, const char *destination) {
    int in = open(source, O_RDONLY | O_CLOEXEC);
    if (in < 0) return -1;
    struct stat info;
    int status = fstat(in, &info) != 0 ? errno : (S_ISREG(info.st_mode) ? 0 : EINVAL);
    if (status != 0) {
        close(in);
        errno = status;
        return -1;
    }
    int out = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0) {
        int saved = errno;
        close(in);
        errno = saved;
        return -1;
    }
    int result = 0;
#if defined(__linux__) && defined(FICLONE)
    if (ioctl(out, FICLONE, in) != 0)
#endif
        result = copy_bytes(in, out, info.st_size);
    int saved = errno;
    if (close(out) != 0 && result == 0) {
        result = -1;
        saved = errno;
    }
    close(in);
    if (result != 0) {
        unlink(destination);
        errno = saved;
    }
    return result;
}
