/*
 * check.h - the "check" stage: warnings about a plan that was read without errors but that
 * a scrutiny officer should fix (missing owners, completion dates, baselines, targets).
 * Errors (what stops a pack) are reported by the readers; these never stop a run.
 */
#ifndef SP_CHECK_H
#define SP_CHECK_H

#include "model/plan.h"

void sp_check_plan(const sp_plan *p, sp_diags *d);
/* For a pack that shows the DfE and NHS England header (Annex A): one warning naming the plan.ini
 * keys it lacks (the header says "not recorded" for them; a plan without them still makes a pack). */
void sp_check_annex_a(const sp_plan *p, sp_diags *d);

/* Whether prev (--previous) is an earlier export of the same plan (decisions #15): the same
 * plan.ini area and kind, and at least half of p's refs (milestones and KPIs) found in it. NULL,
 * or why not (in p's arena). */
const char *sp_check_previous(sp_plan *p, const sp_plan *prev);

/* The one-line --check summary: counts of areas, actions, milestones, KPIs, observations,
 * risks, errors and warnings. */
void sp_print_summary(FILE *out, const sp_plan *p, const sp_diags *d);

#endif
