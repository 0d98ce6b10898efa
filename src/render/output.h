/*
 * output.h - writing a pack so that a failed run never leaves a half-written file or loses
 * last month's: every file is written to a temporary name in the output folder and renamed
 * over the old one only when every file of the run has been written. The commit keeps each
 * previous version until every rename has succeeded and puts them all back if one fails; it
 * holds a lock on the output folder, so concurrent runs commit whole packs one after the
 * other. A signal removes the temporary files; a later run removes any that kill -9 left.
 */
#ifndef SP_OUTPUT_H
#define SP_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/date.h"

#define SP_MAX_OUTPUTS 8

typedef enum { SP_BACKUP_NONE, SP_BACKUP_LINKED, SP_BACKUP_MOVED } sp_backup;

typedef struct sp_output_file {
    char *final_path;
    char *temp_path;   /* written by the renderer, locked by lock_fd while this run lives */
    char *backup_path; /* the previous version during the commit */
    const char *dir;
    int lock_fd;
    sp_backup backup;
    bool committed;
} sp_output_file;

typedef struct sp_outputs {
    sp_output_file files[SP_MAX_OUTPUTS];
    int n;
} sp_outputs;

/* Creates the output folder if needed (one level) and a temporary file for
 * DIR/<plan>-<template>-<as_of>.<ext>. Returns the temporary path, or NULL with err set. */
const char *sp_output_add(sp_outputs *o, const char *dir, const char *plan, const char *tmpl, sp_date as_of,
                          const char *ext, char *err, size_t errlen);
/* Removes this process's temporary files on SIGTERM, SIGINT, SIGHUP and SIGQUIT, then dies
 * of the signal as it would have. */
void sp_outputs_handle_signals(void);
/* Renames every temporary file into place: all of them, or none (the previous pack is restored). */
bool sp_outputs_commit(sp_outputs *o, char *err, size_t errlen);
/* Removes every temporary file; the old pack stays as it was. */
void sp_outputs_abort(sp_outputs *o);
void sp_outputs_free(sp_outputs *o);

#endif
