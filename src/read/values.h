/*
 * values.h - the non-date values of the contract: numbers, baselines, targets and the
 * small vocabularies (BRAG status words, units, directions, severities).
 *
 * Numbers are parsed without the C library's locale: a decimal-comma LC_NUMERIC never
 * changes what "17.5" means. "1,204" is a thousands separator; "1,2" is refused.
 */
#ifndef SP_VALUES_H
#define SP_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "model/plan.h"

/* Reads a number at the start of s: optional sign, digits with optional thousands commas,
 * optional fraction, optional '%'. Returns bytes consumed, 0 when s does not start with one. */
size_t sp_scan_number(const char *s, double *value, bool *percent);

/* A cell that must be a number ("412", "17.2%", "1,204", "12 weeks"). */
bool sp_parse_number_cell(const char *s, double *value, char *err, size_t errlen);

/* "1.07% (projected end of year)": "1.07%", with *note "projected end of year"; a cell without a
 * trailing bracket is returned as it is, *note "". */
const char *sp_split_note(sp_arena *a, const char *s, const char **note);
/* The note says the value is projected, forecast or estimated. */
bool sp_note_says_projected(const char *note);

/* A value cell: a number with an optional note in brackets (input contract, checkpoint actuals). */
typedef struct sp_value_cell {
    double value;
    bool percent;      /* written with '%' */
    const char *note;  /* "" when none */
    bool projected;    /* the note says projected, forecast or estimated */
} sp_value_cell;
bool sp_parse_value_cell(sp_arena *a, const char *s, sp_value_cell *out, char *err, size_t errlen);

/* Baseline: a number with an optional note, or text meaning "not yet set". Never fails. */
void sp_parse_baseline(sp_arena *a, const char *s, sp_baseline *out);

/* Target: absolute, relative (%), percentage points, or qualitative text. Never fails. */
void sp_parse_target(sp_arena *a, const char *s, sp_target *out);

/* BRAG status words. Returns false for a word outside the key. *complete is set for
 * Blue/Complete. Empty gives SP_STATUS_NONE and true. */
bool sp_parse_status(const char *s, sp_status *out, bool *complete);
extern const char SP_STATUS_WORDS_ACCEPTED[];

bool sp_parse_unit(const char *s, sp_unit *out);
bool sp_parse_direction(const char *s, sp_direction *out);
bool sp_parse_severity(const char *s, sp_severity_level *out);
bool sp_parse_qual_status(const char *s, sp_qual_status *out);
bool sp_parse_yes_no(const char *s, bool *out);
bool sp_parse_plan_kind(const char *s, sp_plan_kind *out);

#endif
