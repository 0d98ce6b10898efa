/*
 * csv_table.h - one CSV export read into rows of cells, each cell knowing its line and column.
 *
 * libcsv does the RFC 4180 parsing. It knows nothing of lines or columns, so the file is fed
 * to it one physical line at a time, and each line in pieces that end at a comma: when libcsv
 * reports a field, the next one starts right after the piece just fed. That gives every cell
 * the exact line and column where its text starts, quoted multi-line fields included.
 */
#ifndef SP_CSV_TABLE_H
#define SP_CSV_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/diag.h"
#include "util/vec.h"

typedef struct sp_cell {
    const char *text; /* trimmed, CRLF inside quotes folded to LF, never NULL */
    unsigned line, col;
} sp_cell;

typedef struct sp_row {
    sp_cell *cells;
    size_t n;
    unsigned line; /* where the row starts */
} sp_row;

typedef struct sp_table {
    const char *file; /* name used in diagnostics */
    sp_row header;
    SP_VEC(sp_row) rows; /* data rows, blank rows skipped */
    sp_arena row_arena;  /* the rows' cell lists, freed with the table (the texts are the caller's) */
} sp_table;

typedef enum { SP_CSV_OK, SP_CSV_MISSING, SP_CSV_FAILED } sp_csv_result;

/* Reads the file at path. Diagnostics name it as `file`. SP_CSV_MISSING (nothing reported)
 * when the file does not exist; SP_CSV_FAILED after reporting why it could not be read. */
sp_csv_result sp_csv_read_file(const char *path, const char *file, sp_arena *a, sp_diags *d, sp_table *out);
/* The same for a buffer already in memory (the fuzzers use this). */
sp_csv_result sp_csv_read_buffer(const char *buf, size_t len, const char *file, sp_arena *a, sp_diags *d,
                                 sp_table *out);
void sp_table_free(sp_table *t);

#endif
