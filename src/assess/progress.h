/*
 * progress.h - progress over the life of the plan, and a forecast finish (assessment rules,
 * "Progress over the life of the plan, and a forecast"): the burn-up, the pace and where it
 * comes from, and a seeded Monte Carlo of the open work, for the plan and for each area.
 *
 * Included by assess.h; the step itself (sp_assess_progress) is declared there.
 */
#ifndef SP_PROGRESS_H
#define SP_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/history.h"
#include "util/arena.h"
#include "util/date.h"

/* The forecast's one seed, so the same input always gives the same bytes. Each forecast (the
 * plan: 0, area i: i + 1) seeds xoshiro256** through splitmix64 from SEED + its number. */
#define SP_FORECAST_SEED UINT64_C(0x53454E4450414B31) /* "SENDPAK1" */

/* Thresholds the rules mark *(template)*. */
typedef struct sp_forecast_rules {
    double dated_share;  /* 0.80: share of completed milestones with a completion month for pace source 1 */
    int pace_months;     /* 6: full months before the report month that pace source 1 learns from */
    int runs;            /* 10,000 simulated runs */
    double chance;       /* 0.85: the "85% chance by" line */
    int cap_months;      /* 120: a run not finished by then is "not within 10 years" */
    int min_completions; /* 6: fewer completed milestones and there is no forecast */
} sp_forecast_rules;

void sp_forecast_rules_default(sp_forecast_rules *r);

/* One month of the burn-up, cumulative at its month-end. */
typedef struct sp_burnup_row {
    sp_date month_end;
    size_t planned;     /* original due on or before month_end */
    size_t revised;     /* effective (revised) due on or before month_end */
    bool has_completed; /* false after the report month: the future is not known */
    size_t completed;   /* completed by then; unknown months counted at the report month */
    size_t scope;       /* the plan's whole scope: every milestone in scope, dated or not */
} sp_burnup_row;

typedef enum { SP_PACE_COMPLETION_MONTHS, SP_PACE_EARLIER_PACKS, SP_PACE_PLAN_AVERAGE } sp_pace_source;

typedef struct sp_pace {
    sp_pace_source source;
    double *counts;          /* 1 and 2: completions a month, oldest first */
    sp_date *count_months;   /* month-end of each count */
    size_t n_counts;
    double rate;             /* 3: completions a month; 1 and 2: their mean */
    double min, max;         /* of counts */
    const char *reason;      /* which source, and why */
} sp_pace;

typedef enum {
    SP_FORECAST_MADE,
    SP_FORECAST_NOTHING_OPEN, /* no open work */
    SP_FORECAST_TOO_FEW,      /* fewer than min_completions completed */
    SP_FORECAST_ZERO_PACE,    /* every sampled month zero */
    SP_FORECAST_NO_START      /* report date not after the start: no time to learn a pace from */
} sp_forecast_state;

typedef struct sp_forecast {
    sp_forecast_state state;
    size_t open;             /* open work */
    bool has_likely, has_chance; /* false when not within the cap */
    sp_date likely_by;       /* month-end by which half the runs have finished */
    sp_date chance_by;       /* month-end by which `chance` of them have */
    bool has_revisit;        /* revisit set, after the report month, and a forecast made */
    sp_date revisit;
    size_t revisit_median, revisit_p85; /* open at the end of the revisit month */
    const char *sentence;    /* what the report prints */
} sp_forecast;

typedef struct sp_progress {
    size_t milestones;       /* in scope */
    size_t completed;
    size_t completed_dated;  /* with a completion month (date or earlier pack) */
    size_t completed_unknown;/* counted at the report month */
    const char *unknown_note; /* "71 milestones completed on dates that were not recorded …"; NULL when none */
    size_t undated;          /* in scope with no original due date: in the scope line, not the planned lines */
    const char *scope_note;  /* what the planned lines leave out, in words; NULL when every milestone is dated */
    sp_burnup_row *burnup;
    size_t n_months;
    sp_pace pace;
    sp_forecast forecast;
} sp_progress;

#endif
