/*
 * rules.h - the thresholds of shared/spec/assessment-rules.md that the rules mark
 * *(template)*: one table of defaults (rules.c), which a report template may change.
 */
#ifndef SP_RULES_H
#define SP_RULES_H

#include <stdbool.h>

#include "assess/progress.h"
#include "assess/spc.h"

typedef struct sp_rules {
    int due_soon_days;          /* "due soon" window */
    int stale_days;             /* an update older than this is stale */
    int off_track_overdue_days; /* any milestone overdue longer puts its area Off track */
    double off_track_share;     /* share of due milestones overdue that puts an area Off track */
    double tolerance_share;     /* default KPI tolerance, of |12-month target - baseline| */
    double standing_tolerance_share; /* standing targets' default tolerance, of the target */
    int reporting_lag_months;   /* a checkpoint's value is due by the end of the month after it */
    int cohort_min_start_age;   /* a young-adult cohort view takes ranges starting at this age or later */
    sp_spc_rules spc;
    sp_forecast_rules forecast; /* the forecast's thresholds (assess/progress.h) */
    const char *cohort;         /* report only this age group ("18-25"); NULL for everyone */
    const char *focus_cohort;   /* a group given a section of its own (dfe-nhse: 18-25); NULL for none */
} sp_rules;

/* The defaults, as the table in rules.c gives them. */
extern const sp_rules SP_RULES_DEFAULT;
void sp_rules_default(sp_rules *r);
/* A cohort as --cohort and a template's [filter] give it: LOW-HIGH in whole years, LOW <= HIGH
 * <= 150 (decisions #9). */
bool sp_is_age_range(const char *s);

#endif
