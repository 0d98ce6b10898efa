#include "render/output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/arena.h"

/* ---- temporary files a signal must remove ------------------------------------------------- */

/* The temporary paths of this process's uncommitted outputs, for the signal handler: it may
 * only read this table and call unlink(), so entries are set before the file exists and
 * cleared only after it has been renamed or removed. */
static char *volatile pending[SP_MAX_OUTPUTS];

static void on_fatal_signal(int sig)
{
    for (int i = 0; i < SP_MAX_OUTPUTS; i++)
        if (pending[i])
            unlink(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void sp_outputs_handle_signals(void)
{
    static const int sigs[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaddset(&sa.sa_mask, sigs[i]);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaction(sigs[i], &sa, NULL);
}

static void block_signals(sigset_t *old)
{
    sigset_t all;
    sigemptyset(&all);
    sigaddset(&all, SIGTERM);
    sigaddset(&all, SIGINT);
    sigaddset(&all, SIGHUP);
    sigaddset(&all, SIGQUIT);
    sigprocmask(SIG_BLOCK, &all, old);
}

/* ---- names -------------------------------------------------------------------------------- */

/* DIR/<dot><plan>-<template>-<date>.<ext><suffix> */
static char *pack_path(const char *dir, const char *dot, const char *plan, const char *tmpl, const char *date,
                       const char *ext, const char *suffix)
{
    int n = snprintf(NULL, 0, "%s/%s%s-%s-%s.%s%s", dir, dot, plan, tmpl, date, ext, suffix);
    char *s = sp_xmalloc((size_t)n + 1);
    snprintf(s, (size_t)n + 1, "%s/%s%s-%s-%s.%s%s", dir, dot, plan, tmpl, date, ext, suffix);
    return s;
}

/* Our temporary and backup files, and nothing else: ".<plan>-<template>-YYYY-MM-DD.<ext>.XXXXXX"
 * and the same with ".old" before the six characters mkstemp() chose. */
static bool ours(const char *name)
{
    static const char *const exts[] = {".json", ".xlsx", ".pdf", ".html", ".csv"};
    size_t n = strlen(name);
    if (name[0] != '.' || n < 8)
        return false;
    const char *tail = name + n - 6; /* mkstemp's letters and digits */
    for (const char *p = tail; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return false;
    const char *end = tail - 1; /* the '.' before them */
    if (*end != '.')
        return false;
    if (end - name >= 4 && strncmp(end - 4, ".old", 4) == 0)
        end -= 4;
    for (size_t e = 0; e < sizeof exts / sizeof *exts; e++) {
        size_t len = strlen(exts[e]);
        const char *ext = end - len;
        if (ext - name < 12 || strncmp(ext, exts[e], len) != 0)
            continue;
        const char *date = ext - 11; /* "-YYYY-MM-DD" */
        static const char shape[] = "-dddd-dd-dd";
        bool dated = true;
        for (int i = 0; i < 11 && dated; i++)
            dated = shape[i] == 'd' ? (date[i] >= '0' && date[i] <= '9') : date[i] == shape[i];
        if (dated)
            return true;
    }
    return false;
}

/* Removes temporary files that an earlier run killed outright (kill -9, a power cut) left
 * behind. A live run holds a lock on each of its temporary files, so a file whose lock can
 * be taken belongs to no one. Called with the folder locked, so no run is between creating
 * a temporary file and locking it. */
static void remove_stale(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    int dfd = dirfd(d);
    for (struct dirent *e; (e = readdir(d));) {
        if (!ours(e->d_name))
            continue;
        int fd = openat(dfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            continue;
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
            unlinkat(dfd, e->d_name, 0);
        close(fd);
    }
    closedir(d);
}

/* The output folder's lock: held while temporary files are created and while a pack is
 * renamed into place, so two runs writing the same names commit one after the other and
 * never leave a pack mixed from both. */
static int lock_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    /* A file system without flock (some network shares) still gets the all-or-nothing
     * commit; only concurrent runs are then not kept apart. */
    while (fd >= 0 && flock(fd, LOCK_EX) != 0 && errno == EINTR)
        ;
    return fd;
}

static void unlock_folder(int fd)
{
    if (fd >= 0)
        close(fd); /* releases the lock */
}

const char *sp_output_add(sp_outputs *o, const char *dir, const char *plan, const char *tmpl, sp_date as_of,
                          const char *ext, char *err, size_t errlen)
{
    if (o->n == SP_MAX_OUTPUTS) {
        snprintf(err, errlen, "too many outputs in one run");
        return NULL;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create the output folder %s: %s", dir, strerror(errno));
        return NULL;
    }
    int lock = lock_folder(dir);
    if (lock < 0) {
        snprintf(err, errlen, "cannot write to the output folder %s: %s", dir, strerror(errno));
        return NULL;
    }
    if (o->n == 0)
        remove_stale(dir);
    char date[11];
    sp_date_iso(as_of, date);
    sp_output_file *f = &o->files[o->n];
    memset(f, 0, sizeof *f);
    f->final_path = pack_path(dir, "", plan, tmpl, date, ext, "");
    /* A hidden name in the same folder, so rename() replaces the old file atomically. */
    f->temp_path = pack_path(dir, ".", plan, tmpl, date, ext, ".XXXXXX");
    f->backup_path = pack_path(dir, ".", plan, tmpl, date, ext, ".old.XXXXXX");
    f->lock_fd = -1;
    pending[o->n] = f->temp_path;
    int fd = mkstemp(f->temp_path);
    if (fd < 0) {
        pending[o->n] = NULL;
        snprintf(err, errlen, "cannot write to the output folder %s: %s", dir, strerror(errno));
        unlock_folder(lock);
        free(f->final_path);
        free(f->temp_path);
        free(f->backup_path);
        return NULL;
    }
    flock(fd, LOCK_EX); /* ours while this run lives: see remove_stale() */
    unlock_folder(lock);
    fchmod(fd, 0644);
    f->lock_fd = fd;
    f->dir = dir;
    return o->files[o->n++].temp_path;
}

/* Keeps the previous version of f's final file under a backup name: a second hard link, so
 * the file stays where it is meanwhile; where links are not supported, by moving it. */
static bool keep_previous(sp_output_file *f, char *err, size_t errlen)
{
    int fd = mkstemp(f->backup_path); /* a unique name; the folder is locked until the end */
    if (fd < 0) {
        snprintf(err, errlen, "cannot keep the previous %s: %s", f->final_path, strerror(errno));
        return false;
    }
    close(fd);
    unlink(f->backup_path);
    if (link(f->final_path, f->backup_path) == 0) {
        f->backup = SP_BACKUP_LINKED;
        return true;
    }
    if (errno != ENOENT && rename(f->final_path, f->backup_path) == 0) {
        f->backup = SP_BACKUP_MOVED;
        return true;
    }
    if (errno == ENOENT) /* no previous version */
        return true;
    snprintf(err, errlen, "cannot keep the previous %s: %s", f->final_path, strerror(errno));
    return false;
}

/* Puts back what was at f's final name before the commit began. */
static bool restore(sp_output_file *f, bool renamed)
{
    if (f->backup == SP_BACKUP_MOVED || (f->backup == SP_BACKUP_LINKED && renamed))
        return rename(f->backup_path, f->final_path) == 0;
    if (f->backup == SP_BACKUP_LINKED)
        return unlink(f->backup_path) == 0;
    return !renamed || unlink(f->final_path) == 0 || errno == ENOENT;
}

bool sp_outputs_commit(sp_outputs *o, char *err, size_t errlen)
{
    if (o->n == 0)
        return true;
    sigset_t old;
    block_signals(&old); /* a signal now would leave half a pack: it waits until the end */
    int lock = lock_folder(o->files[0].dir);
    bool ok = lock >= 0;
    if (!ok)
        snprintf(err, errlen, "cannot lock the output folder %s: %s", o->files[0].dir, strerror(errno));
    int kept = 0;
    for (; ok && kept < o->n; kept++)
        ok = keep_previous(&o->files[kept], err, errlen);
    int done = 0;
    for (; ok && done < o->n; done++) {
        sp_output_file *f = &o->files[done];
        if (rename(f->temp_path, f->final_path) != 0) {
            snprintf(err, errlen, "cannot replace %s: %s", f->final_path, strerror(errno));
            ok = false;
            break;
        }
        pending[done] = NULL;
    }
    if (!ok) {
        /* every file goes back to its previous version, the last renamed first */
        bool restored = true;
        for (int i = kept; i-- > 0;)
            restored &= restore(&o->files[i], i < done);
        for (int i = 0; i < done; i++)
            unlink(o->files[i].temp_path); /* nothing there now; keeps abort simple */
        if (!restored) {
            size_t len = strlen(err);
            snprintf(err + len, errlen - len, "; the previous pack could not be fully restored");
        }
    } else {
        for (int i = 0; i < o->n; i++) {
            o->files[i].committed = true;
            if (o->files[i].backup != SP_BACKUP_NONE)
                unlink(o->files[i].backup_path);
        }
    }
    for (int i = 0; i < o->n; i++)
        o->files[i].backup = SP_BACKUP_NONE;
    unlock_folder(lock);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return ok;
}

void sp_outputs_abort(sp_outputs *o)
{
    for (int i = 0; i < o->n; i++) {
        if (o->files[i].committed)
            continue;
        unlink(o->files[i].temp_path);
        pending[i] = NULL;
    }
}

void sp_outputs_free(sp_outputs *o)
{
    for (int i = 0; i < o->n; i++) {
        pending[i] = NULL;
        if (o->files[i].lock_fd >= 0)
            close(o->files[i].lock_fd);
        free(o->files[i].final_path);
        free(o->files[i].temp_path);
        free(o->files[i].backup_path);
    }
    o->n = 0;
}
