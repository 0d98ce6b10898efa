/*
 * columns.h - finding a file's fields among its header cells, by alias.
 *
 * Each reader describes its fields once as a table of sp_field_def. A header cell matches a
 * field when its key (see sp_header_key) equals the key of the field's name or one of its
 * aliases. A field marked `bracket_ok` also matches with a trailing "(…)" note, kept for
 * the reader: "3 months (Sept 22)" is target_3m with the note "Sept 22".
 */
#ifndef SP_COLUMNS_H
#define SP_COLUMNS_H

#include <stdbool.h>

#include "read/csv_table.h"

#define SP_MAX_FIELDS 24

typedef struct sp_field_def {
    const char *name;              /* canonical name, also accepted as a header */
    bool required;
    bool bracket_ok;
    const char *aliases[8];        /* as a user would write them, shown in messages */
} sp_field_def;

typedef struct sp_columns {
    int index[SP_MAX_FIELDS];          /* position in the row, -1 when the column is absent */
    const char *bracket[SP_MAX_FIELDS]; /* the "(…)" text of a bracket_ok header, or NULL */
    const sp_cell *header[SP_MAX_FIELDS];
} sp_columns;

/* Maps the header of t. Reports missing required columns as errors and duplicate columns as
 * warnings. Returns false when a required column is missing. */
bool sp_columns_map(const sp_table *t, const sp_field_def *defs, int n_defs, sp_columns *out, sp_arena *a,
                    sp_diags *d);

/* The row's cell for a field; an empty cell at the row's line when absent. */
sp_cell sp_field(const sp_row *row, const sp_columns *c, int field);

/* "Due, Deadline, By when, Target date" for messages. */
const char *sp_field_aliases_text(sp_arena *a, const sp_field_def *def);

#endif
