#include "assess/rules.h"

#include <ctype.h>
#include <stdlib.h>

/* The one table of defaults: each with the template key that changes it
 * (templates/scrutiny.ini documents them for readers). */
const sp_rules SP_RULES_DEFAULT = {
    .due_soon_days = 90,          /* [thresholds] due_soon_days */
    .stale_days = 90,             /* [thresholds] stale_days */
    .off_track_overdue_days = 90, /* [thresholds] off_track_overdue_days */
    .off_track_share = 0.25,      /* [thresholds] off_track_share */
    .tolerance_share = 0.10,      /* [thresholds] tolerance_share */
    .standing_tolerance_share = 0.05, /* [thresholds] standing_tolerance_share */
    .reporting_lag_months = 1,    /* [thresholds] reporting_lag_months */
    .cohort_min_start_age = 14,   /* [thresholds] cohort_min_start_age */
    .spc =
        {
            .min_points = 12,         /* [thresholds] spc_min_points */
            .run_length = 7,          /* [thresholds] spc_run_length */
            .fix_after = 0,           /* limits from every point of a segment */
            .screen_outliers = false, /* no moving-range screening */
        },
    .forecast =
        {
            .dated_share = 0.80,  /* [thresholds] forecast_dated_share */
            .pace_months = 6,     /* [thresholds] forecast_pace_months */
            .runs = 10000,        /* [thresholds] forecast_runs */
            .chance = 0.85,       /* [thresholds] forecast_chance */
            .cap_months = 120,    /* [thresholds] forecast_cap_months */
            .min_completions = 6, /* [thresholds] forecast_min_completions */
        },
    .cohort = NULL,       /* [filter] cohort, or --cohort */
    .focus_cohort = NULL, /* [filter] focus_cohort */
};

void sp_rules_default(sp_rules *r)
{
    *r = SP_RULES_DEFAULT;
}

bool sp_is_age_range(const char *s)
{
    char *end;
    if (!isdigit((unsigned char)s[0]))
        return false;
    long lo = strtol(s, &end, 10);
    if (*end != '-' || !isdigit((unsigned char)end[1]))
        return false;
    long hi = strtol(end + 1, &end, 10);
    return !*end && lo <= hi && hi <= 150;
}
