/*
 * output.h - writing a pack so that a failed run never leaves a half-written file or loses
 * last month's: every file is written to a temporary name in the output folder and renamed
 * over the old one only when every file of the run has been written.
 */
#ifndef SP_OUTPUT_H
#define SP_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/date.h"

#define SP_MAX_OUTPUTS 8

typedef struct sp_output_file {
    char *final_path;
    char *temp_path;
} sp_output_file;

typedef struct sp_outputs {
    sp_output_file files[SP_MAX_OUTPUTS];
    int n;
} sp_outputs;

/* Creates the output folder if needed (one level) and a temporary file for
 * DIR/<plan>-<template>-<as_of>.<ext>. Returns the temporary path, or NULL with err set. */
const char *sp_output_add(sp_outputs *o, const char *dir, const char *plan, const char *tmpl, sp_date as_of,
                          const char *ext, char *err, size_t errlen);
/* Renames every temporary file into place. */
bool sp_outputs_commit(sp_outputs *o, char *err, size_t errlen);
/* Removes every temporary file; the old pack stays as it was. */
void sp_outputs_abort(sp_outputs *o);
void sp_outputs_free(sp_outputs *o);

#endif
