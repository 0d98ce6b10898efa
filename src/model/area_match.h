/*
 * area_match.h - which of a plan's areas a piece of text names (assessment rules, "Which area a
 * KPI belongs to"; input contract, "areas.csv"): the same name, the same number, a prefix, then
 * the best word overlap. One function so kpis.csv, areas.csv and the checks agree.
 */
#ifndef SP_AREA_MATCH_H
#define SP_AREA_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "model/plan.h"

typedef enum {
    SP_LINK_NONE,
    SP_LINK_NAME,    /* same name, ignoring case, punctuation and spacing */
    SP_LINK_NUMBER,  /* "Area 4", "Workstream 5", "4" */
    SP_LINK_PREFIX,  /* one name starts with the other */
    SP_LINK_OVERLAP, /* Dice coefficient of their words >= SP_AREA_OVERLAP_MIN */
    SP_LINK_ACTION,  /* named by an action's kpi cell (KPIs only) */
} sp_area_link;

#define SP_AREA_OVERLAP_MIN 0.6
#define SP_NO_AREA ((size_t)-1)

/* The area text names, or SP_NO_AREA. *how says by which step; *overlap the Dice coefficient
 * when by word overlap. */
size_t sp_match_area(const sp_plan *p, const char *text, sp_area_link *how, double *overlap);

/* Dice coefficient of the sets of lower-cased words of three or more letters or digits. */
double sp_word_overlap(const char *a, const char *b);

/* Does an action's kpi cell name this KPI: by refs separated by ';' or ',', by its name, or
 * by a cell that starts with its name? */
bool sp_kpi_named_by(const char *cell, const sp_kpi *k);

const char *sp_area_link_key(sp_area_link l); /* "name", "number", …; NULL for none */

#endif
