/*
 * fail_rename.so - fault injection for the commit of a pack (tests/cli/commit_safety.sh).
 * LD_PRELOAD it and set FAIL_RENAME=N: the process's Nth call of rename() fails with EIO
 * (and FAIL_LINK=N the Nth link(), with EPERM, as on a file system without hard links;
 * FAIL_LINK=all every link());
 * every other call goes to the C library.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>

static int nth(const char *var, int *count)
{
    const char *v = getenv(var);
    if (v && v[0] == 'a')
        return 1;
    return v && ++*count == atoi(v);
}

int rename(const char *from, const char *to)
{
    static int count;
    static int (*real)(const char *, const char *);
    if (!real)
        real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    if (nth("FAIL_RENAME", &count)) {
        errno = EIO;
        return -1;
    }
    return real(from, to);
}

int link(const char *from, const char *to)
{
    static int count;
    static int (*real)(const char *, const char *);
    if (!real)
        real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "link");
    if (nth("FAIL_LINK", &count)) {
        errno = EPERM;
        return -1;
    }
    return real(from, to);
}
