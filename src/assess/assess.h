/*
 * assess.h - the "assess" stage: every judgement of shared/spec/assessment-rules.md,
 * computed once from the plan and the report date, each with the sentence that explains it.
 *
 * Results sit in arrays parallel to the plan's (milestones[i] judges plan->milestones[i]).
 * Renderers read only these and the plan: they never judge, count or compute a figure.
 */
#ifndef SP_ASSESS_H
#define SP_ASSESS_H

#include <stdbool.h>
#include <stddef.h>

#include "assess/progress.h"
#include "assess/rules.h"
#include "assess/spc.h"
#include "model/area_match.h"
#include "model/plan.h"

typedef struct sp_counts {
    size_t blue, green, amber, red, grey, total;
} sp_counts;

typedef struct sp_milestone_result {
    bool in_scope;           /* in the cohort being reported (always true without one) */
    bool in_focus;           /* in the focus cohort */
    bool complete;
    sp_date completed_on;    /* when known */
    sp_date original_due;    /* SP_NO_DATE when undated */
    sp_date effective_due;   /* revised due where there is one, else due */
    sp_status derived;
    const char *reason;      /* why derived is what it is */
    int days_overdue;        /* > 0 only when Red */
    int months_overdue;
    bool has_slippage;       /* revised and original both dated */
    int slippage_days;       /* revised - original (negative when brought forward) */
    int slippage_months;
    bool due_soon;
    bool stale;
    bool due_by_as_of;       /* effective due on or before as_of */
    bool on_time;            /* completed on or before its effective due date */
    bool recurring;          /* a recurring activity: no deadline, never overdue */
    const char *challenge;   /* NULL, or why the reported status claims more than the evidence */
    const char *acknowledged; /* overdue and honestly reported Amber/Red: "Reported Amber (Behind)" */
} sp_milestone_result;

typedef struct sp_action_result {
    bool in_scope;
    bool in_focus;
    const char *cohort;        /* the age group found for it, NULL when none */
    const char *cohort_reason; /* why it is in the cohort view: "area title: aged 18 - 25"; NULL */
    bool complete;
    sp_status status; /* worst milestone's; Grey counts as Amber */
    sp_counts counts;
} sp_action_result;

/* " 71 complete milestones with no deadline are not counted." (decision 14); "" for none. */
const char *sp_not_counted_no_deadline(sp_arena *a, size_t n);

typedef enum { SP_AREA_ON_TRACK, SP_AREA_AT_RISK, SP_AREA_OFF_TRACK, SP_AREA_COMPLETE } sp_area_assessment;

typedef struct sp_area_result {
    sp_counts counts;
    double percent_complete;
    size_t due, due_on_time, overdue, challenges, acknowledged;
    /* complete but left out of the figures (decision 14): with no deadline (out of due and
     * overdue), and due with no completion date (never counted on time) */
    size_t complete_no_deadline, complete_no_date;
    size_t kpis_not_reported, kpis_missing_update;
    bool has_percent_on_time;
    double percent_on_time;
    sp_area_assessment assessment;
    const char *reason;
    size_t *kpis; /* KPIs of the area in scope: by their area cell or named by its actions */
    size_t n_kpis;
} sp_area_result;

typedef enum { SP_TRAVEL_NONE, SP_TRAVEL_IMPROVING, SP_TRAVEL_WORSENING, SP_TRAVEL_NO_CHANGE,
               SP_TRAVEL_HIGHER, SP_TRAVEL_LOWER } sp_travel;
typedef enum { SP_CMP_NONE, SP_CMP_BETTER, SP_CMP_WORSE, SP_CMP_SAME } sp_comparison;

/* A checkpoint judged on its own: was its target met by the value (or status) of its month? */
typedef enum { SP_CPR_NOT_JUDGED, SP_CPR_NOT_DUE, SP_CPR_NO_VALUE, SP_CPR_MET, SP_CPR_PARTLY_MET, SP_CPR_NOT_MET } sp_checkpoint_result;

typedef struct sp_resolved_target {
    bool numeric;   /* resolved to a number */
    double value;
    bool pending;   /* relative target waiting for its baseline */
    sp_date date;   /* the checkpoint's date */
    bool has_actual;
    size_t actual_obs;          /* the observation of the checkpoint's month (its value or status) */
    sp_checkpoint_result result;
} sp_resolved_target;

/* "met", "partly met", "not met", "not yet due", "no value", NULL when not judged. */
const char *sp_checkpoint_result_key(sp_checkpoint_result r);

typedef struct sp_kpi_result {
    bool in_scope;
    bool in_focus;
    const char *cohort;           /* as for actions */
    const char *cohort_reason;
    size_t area_index;            /* the area it belongs to, SP_NO_AREA: plan-wide */
    sp_area_link area_link;       /* how its area was found */
    double area_overlap;          /* Dice coefficient when linked by word overlap */
    bool standing;                /* two or more equal numeric targets: judged against that value */
    double standing_target;
    bool numeric;                 /* judged by numbers; else by checkpoint status */
    bool baseline_set;
    double baseline;
    sp_date baseline_from;        /* where the trajectory starts */
    bool baseline_from_first_value;
    size_t baseline_obs;          /* the observation that set it */
    const char *baseline_note;    /* "baseline set from first value, Jul 2022" */
    int n_target;
    sp_resolved_target *target;   /* parallel to the KPI's checkpoints (sp_kpi.checkpoints), in date order */
    int final_checkpoint;         /* the last numeric checkpoint: "the 12-month target", the end target; -1 none */
    bool relative_to_zero;        /* a relative target of a baseline of 0 was left unresolved */
    bool has_latest;
    size_t latest_obs;            /* index into plan->observations */
    double latest;
    bool has_previous;
    size_t previous_obs;
    bool has_trajectory;
    double trajectory;            /* expected value at the latest value's period */
    bool has_tolerance;
    double tolerance;
    sp_status rag;
    const char *reason;
    const char *missing_update;   /* qualitative: a passed checkpoint has no status; why */
    const char *not_reported;     /* numeric: no value since a passed checkpoint; why */
    int judged_checkpoint;        /* qualitative: the checkpoint judged (index into the KPI's); -1 none */
    bool has_progress;
    double progress;              /* percent of the way from baseline to the final target */
    sp_travel travel;
    sp_comparison england, neighbours;
    int next_checkpoint;          /* index into the KPI's checkpoints; -1 when every checkpoint has passed */
    sp_spc spc;
} sp_kpi_result;

/* What needs attention, worst first: overdue milestones and Red KPIs; KPIs not reported and
 * missing updates; slipped milestones and Amber KPIs; challenged milestones that are none of these. */
typedef enum { SP_EXC_OVERDUE, SP_EXC_SLIPPED, SP_EXC_KPI_RED, SP_EXC_KPI_AMBER, SP_EXC_KPI_MISSING_UPDATE,
               SP_EXC_KPI_NOT_REPORTED, SP_EXC_CHALLENGED } sp_exception_kind;

typedef struct sp_exception {
    sp_exception_kind kind;
    bool is_kpi;
    size_t index;      /* into plan milestones or kpis */
    bool challenged;   /* the reported status claims more than the evidence */
    bool acknowledged; /* overdue and reported Amber or Red: the officer says so */
} sp_exception;

typedef struct sp_assessment {
    const sp_plan *plan;
    sp_date as_of;
    sp_rules rules;
    sp_arena arena;
    sp_milestone_result *milestones;
    sp_action_result *actions;
    sp_area_result *areas;
    sp_kpi_result *kpis;
    bool *obs_counted;          /* per observation: it has a value for a period ended by as_of */
    sp_counts milestone_counts; /* in scope */
    double percent_complete;    /* of the milestones in scope */
    sp_counts kpi_counts;       /* KPIs in scope by RAG */
    size_t challenges;          /* milestones whose reported status claims more than the evidence, in scope */
    size_t acknowledged;        /* overdue milestones honestly reported Amber or Red */
    size_t kpis_not_reported;   /* numeric KPIs with no value since a passed checkpoint */
    size_t kpis_missing_update; /* qualitative KPIs with no status for a passed checkpoint */
    size_t plan_wide_kpis;      /* in scope and linked to no area */
    size_t due, due_on_time;    /* whole plan: milestones due by as_of, and of those done on time */
    size_t complete_no_deadline, complete_no_date; /* left out of those figures (decision 14) */
    bool has_percent_on_time;
    double percent_on_time;
    bool completions_unchecked; /* Blue counted as complete: the export records no completion dates */
    const char *focus_whole_plan; /* every action and KPI is in the focus cohort: the sentence; else NULL */
    size_t areas_by_assessment[4];
    const char *overall;        /* the plan's position in one sentence */
    sp_exception *exceptions;   /* worst first */
    size_t n_exceptions;
    const sp_history *history;  /* earlier packs (--history); NULL without */
    sp_date plan_end;           /* plan.ini end, else the latest original due date; SP_NO_DATE when neither */
    sp_progress progress;       /* burn-up, pace and forecast of the milestones in scope */
    sp_progress *area_progress; /* the same by area */
} sp_assessment;

/* Judges plan p at as_of. The result refers to p, which must outlive it. */
void sp_assess(const sp_plan *p, sp_date as_of, const sp_rules *rules, sp_assessment *out);
/* The same, with the earlier packs --history gave (NULL for none); h must outlive the result. */
void sp_assess_with_history(const sp_plan *p, sp_date as_of, const sp_rules *rules, const sp_history *h,
                            sp_assessment *out);
void sp_assessment_free(sp_assessment *a);

/* Trajectory of a KPI at a date: straight lines from (baseline_from, baseline) through each
 * numeric checkpoint, flat after the last. False when the KPI has none. */
bool sp_kpi_trajectory_at(const sp_kpi_result *k, sp_date date, double *value);

/* Age-range match for cohort filters: a range is in when it overlaps the filter and starts at
 * min_start or later (or at the filter's own start, when that is lower): for 18-25, "14-25" and
 * "18+" are in, "0-25" is out. Other text matches itself, ignoring case. */
bool sp_cohort_matches(const char *cohort, const char *filter, int min_start);

/* The next age range written in text from byte `from`: "aged 18 - 25", "14 – 25 year olds",
 * "19-25", "18+" or "over 18" beside an age word (= 18-25). Returns false when there is none;
 * else the ages and the byte range of the words that say it. */
bool sp_find_age_range(const char *text, size_t from, int *lo, int *hi, size_t *start, size_t *end);

const char *sp_area_assessment_word(sp_area_assessment a);  /* "On track" … */
const char *sp_area_assessment_key(sp_area_assessment a);   /* "on_track" … */
const char *sp_travel_key(sp_travel t);                     /* "improving" …, NULL for none */
const char *sp_comparison_key(sp_comparison c);             /* "better" …, NULL for none */

/* Internal steps, one file each; called by sp_assess in this order. */
void sp_link_kpis_to_areas(sp_assessment *a);
void sp_assess_cohorts(sp_assessment *a);
void sp_assess_milestones(sp_assessment *a);
void sp_assess_kpis(sp_assessment *a);
void sp_assess_actions_and_areas(sp_assessment *a);
void sp_spc_assess(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r);
void sp_assess_exceptions(sp_assessment *a);
void sp_assess_progress(sp_assessment *a);
const char *sp_exception_word(sp_exception_kind k); /* "Overdue", "Slipped", "KPI Red", … */
/* Adds one milestone (or KPI) of status s to c. */
void sp_counts_add(sp_counts *c, sp_status s);

#endif
