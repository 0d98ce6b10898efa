/*
 * history.h - earlier packs (--history DIR): the JSON packs earlier runs wrote for the same
 * plan, read back for the burn-up and the pace (assessment rules, "Earlier packs").
 */
#ifndef SP_HISTORY_H
#define SP_HISTORY_H

#include <stdbool.h>

#include "model/history.h"
#include "model/plan.h"
#include "util/diag.h"

/* Reads every *.json in dir, in name order. A pack is used when its schema version is known, it
 * is of the same plan (title) and cohort, and its report date is before as_of; others are
 * skipped with a warning into d (a pack of this very report date silently: a re-run). Packs of
 * one report date count once. Milestones match by ref and text. Returns false, with an error
 * in d, only when dir cannot be read. */
bool sp_read_history(const char *dir, const sp_plan *p, const char *cohort, sp_date as_of, sp_history *out,
                     sp_diags *d);

#endif
