/*
 * key.h - the BRAG key and how each figure is computed, in plain words: one text for every
 * output that explains itself (the workbook's Key sheet, the PDF's key page).
 */
#ifndef SP_KEY_H
#define SP_KEY_H

#include <stdbool.h>
#include <stddef.h>

#include "assess/assess.h"
#include "model/plan.h"

typedef struct sp_key_row {
    const char *term, *meaning;
    sp_status status; /* for the BRAG rows, shown in their colour with their word */
    /* the phrases (lower case, "|" between them) whose use in a pack brings the row into its key;
     * NULL: in every key */
    const char *used_as;
} sp_key_row;

extern const sp_key_row SP_KEY_ROWS[];
extern const size_t SP_N_KEY_ROWS;

/* A row's meaning with the thresholds in force filled in ({overdue_days}, {off_track_share},
 * {tolerance_share}): a template that changes them gets a key that says so. */
const char *sp_key_meaning(const sp_key_row *row, const sp_rules *rules, sp_arena *a);

/* Whether a pack whose words are text_lower (lower case) uses the row's term. */
bool sp_key_row_used(const sp_key_row *row, const char *text_lower);

extern const char SP_NOTE_DERIVED[];
extern const char SP_NOTE_ILLUSTRATIVE[];

#endif
