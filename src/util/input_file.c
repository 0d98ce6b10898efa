#include "util/input_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/arena.h"

static const char *not_a_file(mode_t mode)
{
    if (S_ISDIR(mode))
        return "this is a folder, not a file";
    if (S_ISFIFO(mode))
        return "this is a named pipe (FIFO), not a file: sendpack reads only ordinary files";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "this is a device, not a file: sendpack reads only ordinary files";
    if (S_ISSOCK(mode))
        return "this is a socket, not a file: sendpack reads only ordinary files";
    return "this is not an ordinary file";
}

FILE *sp_input_open(const char *path, sp_input_problem *p)
{
    memset(p, 0, sizeof *p);
    /* O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        p->missing = errno == ENOENT;
        snprintf(p->why, sizeof p->why, "cannot open the file: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(p->why, sizeof p->why, "cannot read the file: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(p->why, sizeof p->why, "%s", not_a_file(st.st_mode));
        close(fd);
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *fp = fdopen(fd, "rb");
    if (!fp) {
        snprintf(p->why, sizeof p->why, "cannot read the file: %s", strerror(errno));
        close(fd);
    }
    return fp;
}

char *sp_input_read(const char *path, size_t *len, size_t max_line, sp_input_problem *p)
{
    FILE *fp = sp_input_open(path, p);
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0, line_start = 0;
    unsigned line = 1;
    char *buf = sp_xmalloc(cap);
    for (;;) {
        if (n + 1 >= cap)
            buf = sp_xrealloc(buf, cap *= 2);
        size_t got = fread(buf + n, 1, cap - n - 1, fp);
        /* the line being read must stay within max_line: checked before the buffer grows */
        for (size_t i = n; i < n + got; i++)
            if (buf[i] == '\n')
                line++, line_start = i + 1;
        n += got;
        if (n - line_start > max_line) {
            p->line = line;
            snprintf(p->why, sizeof p->why, "a line longer than %zu MiB: not a file sendpack reads",
                     max_line >> 20);
            fclose(fp);
            free(buf);
            return NULL;
        }
        if (got == 0)
            break;
    }
    int failed = ferror(fp);
    int saved = errno;
    fclose(fp);
    if (failed) {
        snprintf(p->why, sizeof p->why, "cannot read the file: %s", strerror(saved ? saved : EIO));
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}
