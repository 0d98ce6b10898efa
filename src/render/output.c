#include "render/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/arena.h"

/* DIR/<dot><plan>-<template>-<date>.<ext><suffix> */
static char *pack_path(const char *dir, const char *dot, const char *plan, const char *tmpl, const char *date,
                       const char *ext, const char *suffix)
{
    int n = snprintf(NULL, 0, "%s/%s%s-%s-%s.%s%s", dir, dot, plan, tmpl, date, ext, suffix);
    char *s = sp_xmalloc((size_t)n + 1);
    snprintf(s, (size_t)n + 1, "%s/%s%s-%s-%s.%s%s", dir, dot, plan, tmpl, date, ext, suffix);
    return s;
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
    char date[11];
    sp_date_iso(as_of, date);
    char *final_path = pack_path(dir, "", plan, tmpl, date, ext, "");
    /* A hidden name in the same folder, so rename() replaces the old file atomically. */
    char *temp_path = pack_path(dir, ".", plan, tmpl, date, ext, ".XXXXXX");
    int fd = mkstemp(temp_path);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write to the output folder %s: %s", dir, strerror(errno));
        free(final_path);
        free(temp_path);
        return NULL;
    }
    fchmod(fd, 0644);
    close(fd);
    o->files[o->n].final_path = final_path;
    o->files[o->n].temp_path = temp_path;
    return o->files[o->n++].temp_path;
}

bool sp_outputs_commit(sp_outputs *o, char *err, size_t errlen)
{
    for (int i = 0; i < o->n; i++) {
        if (rename(o->files[i].temp_path, o->files[i].final_path) != 0) {
            snprintf(err, errlen, "cannot replace %s: %s", o->files[i].final_path, strerror(errno));
            return false;
        }
    }
    return true;
}

void sp_outputs_abort(sp_outputs *o)
{
    for (int i = 0; i < o->n; i++)
        unlink(o->files[i].temp_path);
}

void sp_outputs_free(sp_outputs *o)
{
    for (int i = 0; i < o->n; i++) {
        free(o->files[i].final_path);
        free(o->files[i].temp_path);
    }
    o->n = 0;
}
