/*
 * diag.h - diagnostics in the compiler's format: FILE:LINE:COL: error|warning: MESSAGE.
 *
 * Every reader and check reports into one sp_diags list instead of printing, so the
 * caller decides where they go (stderr for --check, the Data quality sheet in a pack)
 * and the order is exactly the order in which files and rows were read.
 */
#ifndef SP_DIAG_H
#define SP_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "util/vec.h"

typedef enum { SP_WARNING, SP_ERROR } sp_severity;

/* Where a value came from: file name as shown to the user, 1-based line and column
 * (column in bytes, as gcc did before version 11). line 0 means "the file as a whole". */
typedef struct sp_src {
    const char *file;
    unsigned line;
    unsigned col;
} sp_src;

typedef struct sp_diag {
    sp_severity severity;
    sp_src src;
    char *message;
    const char *group; /* the same warning on many rows, said of them all: "milestones are marked
                        * complete with no completion date"; NULL when it stands alone */
} sp_diag;

typedef struct sp_diags {
    SP_VEC(sp_diag) list;
    size_t errors;
    size_t warnings;
} sp_diags;

void sp_diag_add(sp_diags *d, sp_severity sev, sp_src src, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define sp_error(d, src, ...) sp_diag_add((d), SP_ERROR, (src), __VA_ARGS__)
#define sp_warning(d, src, ...) sp_diag_add((d), SP_WARNING, (src), __VA_ARGS__)

/* A warning that many rows may share: printed as one line with the count and the first location
 * unless every row is asked for. `group` is a static plural sentence. */
void sp_warning_group(sp_diags *d, sp_src src, const char *group, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Writes one diagnostic as "file:line:col: severity: message\n". */
void sp_diag_print(FILE *out, const sp_diag *d);
/* Every diagnostic, one a line (--check -v). */
void sp_diags_print(FILE *out, const sp_diags *d);
/* As a person reads them: a warning group of two or more rows is one line, at its first row,
 * "71 milestones are marked complete with no completion date (first: actions.csv:3)". */
void sp_diags_print_grouped(FILE *out, const sp_diags *d);
void sp_diags_free(sp_diags *d);

#endif
