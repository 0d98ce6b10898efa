/*
 * changes.h - what moved since the last report: the current plan and its assessment compared
 * with last period's export of the same plan, assessed at last period's report date.
 *
 * Matching: actions and KPIs by ref; milestones within their action by text, first exactly
 * (ignoring case, punctuation and spacing), then by word overlap for the rewording trackers
 * get between versions (Dice coefficient of their words at least 0.5, best pairs first);
 * risks by text the same way. What cannot be matched is reported as added or removed.
 */
#ifndef SP_CHANGES_H
#define SP_CHANGES_H

#include "assess/assess.h"

typedef enum {
    SP_CH_COMPLETED,       /* complete now, not at the last report */
    SP_CH_NEWLY_OVERDUE,   /* Red now, not at the last report */
    SP_CH_REVISED,         /* its deadline moved */
    SP_CH_STATUS,          /* derived status changed otherwise */
    SP_CH_REPORTED,        /* only the reported status changed */
    SP_CH_REWORDED,        /* only the wording changed */
    SP_CH_MILESTONE_ADDED,
    SP_CH_MILESTONE_REMOVED,
    SP_CH_ACTION_ADDED,
    SP_CH_ACTION_REMOVED,
    SP_CH_KPI_CHANGED,     /* latest value or RAG changed */
    SP_CH_KPI_ADDED,
    SP_CH_KPI_REMOVED,
    SP_CH_RISK_NEW,
    SP_CH_RISK_CLOSED,
    SP_N_CHANGE_KINDS
} sp_change_kind;

typedef struct sp_change {
    sp_change_kind kind;
    const char *ref;
    const char *what;     /* the milestone, action, KPI or risk text */
    const char *from, *to; /* the status, date or value before and now ("" when not applicable) */
    const char *sentence; /* everything that changed, in words */
    sp_src source;        /* the row now, or last period's row for what was removed */
    bool reworded;        /* matched by similarity, not exactly */
    long milestone;       /* the current milestone's index, -1 for other kinds of row */
} sp_change;

typedef struct sp_changes {
    const sp_plan *previous;
    sp_date previous_as_of;
    sp_change *items;
    size_t n;
    size_t counts[SP_N_CHANGE_KINDS];
} sp_changes;

/* Compares cur with prev (each assessed at its own report date). Strings live in cur's
 * assessment arena. */
void sp_compare(const sp_assessment *prev, sp_assessment *cur, sp_changes *out);

const char *sp_change_word(sp_change_kind k); /* "Completed", "Newly overdue", … */
const char *sp_change_key(sp_change_kind k);  /* "completed", "newly_overdue", … */

/* Word overlap of two texts, 0 to 1 (exposed for tests). */
double sp_text_similarity(const char *a, const char *b);

#endif
