/*
 * plan.h - the plan model: what the readers build from a plan folder.
 *
 * Plain structs in plain arrays. Every row keeps the sp_src of where it came from so any
 * later figure can be traced back to "actions.csv:17". Strings live in the plan's arena.
 * Lists are ordered for reporting once, by the reader: areas in order of first appearance,
 * actions by natural ref order within their area, milestones in file order within their
 * action, observations by period within their KPI. Rows refer to each other by index.
 */
#ifndef SP_PLAN_H
#define SP_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/vec.h"

/* BRAG, plus Grey for "cannot be judged". Order of the first four is the order of optimism. */
typedef enum {
    SP_STATUS_NONE = 0, /* not stated */
    SP_RED,
    SP_AMBER,
    SP_GREEN,
    SP_BLUE,
    SP_GREY,
} sp_status;

typedef enum { SP_KIND_APP, SP_KIND_WSOA, SP_KIND_PRIORITY } sp_plan_kind;

enum { SP_CP_3M, SP_CP_6M, SP_CP_12M, SP_N_CHECKPOINTS };

/* One line of plan.ini [glossary]: "JCHCB = Joint Child Health Commissioning Board". */
typedef struct sp_abbreviation {
    const char *abbr, *expansion;
    sp_src src;
} sp_abbreviation;

typedef struct sp_plan_info {
    const char *title;
    const char *area;
    const char *organisations;
    const char *contact; /* how families can ask about the plan: public, never redacted; "" when none */
    sp_plan_kind kind;
    sp_date start;
    sp_date checkpoint[SP_N_CHECKPOINTS];
    bool checkpoint_set[SP_N_CHECKPOINTS]; /* given in plan.ini rather than defaulted */
    sp_date end;     /* plan.ini `end`; SP_NO_DATE: the latest original due date (assess/progress.c) */
    sp_date revisit; /* plan.ini `revisit`: what the forecast is measured against; SP_NO_DATE when unset */
    sp_abbreviation *glossary;      /* plan.ini [glossary], in file order */
    size_t n_glossary;
    /* The header DfE and NHS England put on the plans they monitor ("Annex A"), as written in
     * plan.ini: an indented line continuing a date or list key is kept as a new line ("\n"),
     * governance's joined with a space. NULL when not given. */
    const char *inspection;           /* dates of the inspection (and revisit), as written */
    const char *revisit_report;       /* date the revisit report was published */
    const char *accountable_officers; /* the local authority's and the health partners', `;`-separated */
    const char *advisers;             /* the DfE SEND adviser and the NHS England adviser, `;`-separated */
    const char *governance;           /* how the plan is governed and reported */
    sp_src src;                       /* plan.ini itself (line 1), for warnings about the file as a whole */
} sp_plan_info;

/* ---- actions and milestones ------------------------------------------------------------ */

/* SP_DUE_RECURRING: "From Feb 2020", "Monthly from April 2020", "Ongoing from March 2020",
 * "Quarterly": an activity with no end, never overdue (assessment rules). */
typedef enum { SP_DUE_NONE, SP_DUE_DATE, SP_DUE_COMPLETE, SP_DUE_ONGOING, SP_DUE_TBC, SP_DUE_RECURRING } sp_due_kind;

#define SP_MAX_INTERIM 4

/* A parsed deadline cell. */
typedef struct sp_deadline {
    sp_due_kind kind;
    sp_date date;    /* the deadline: the latest date in the cell (original when "revised from");
                      * for a recurring activity, when it started (SP_NO_DATE for "Quarterly") */
    sp_date revised; /* "May 2021 (revised from Nov 2019)": May 2021; else SP_NO_DATE */
    sp_date interim[SP_MAX_INTERIM]; /* earlier dates in the same cell */
    int n_interim;
    bool has_words; /* words around the date(s): the cell is kept as a note */
} sp_deadline;

typedef struct sp_milestone {
    sp_src src; /* the row */
    const char *area, *outcome, *ref, *action, *text, *owner, *resource, *kpi, *cohort, *progress;
    const char *accountable;   /* the senior officer who answers for it, as written ("" when none) */
    const char *due_text;      /* as written */
    sp_deadline due;
    sp_date revised_due;       /* from the revised_due column or "(revised from …)" */
    const char *revised_text;
    sp_date completed;
    const char *completed_text;
    sp_status reported;        /* SP_STATUS_NONE when the export has none */
    const char *status_text;
    bool status_says_complete; /* "Complete"/"Completed"/"Blue"/"B" */
    sp_date updated;
    bool progress_of_action;   /* progress empty on this row: the action's update from an earlier row
                                * of the same action (merged cells), decision 13 */
    size_t action_index;       /* index into plan.actions */
} sp_milestone;

typedef struct sp_action {
    sp_src src; /* first row */
    const char *ref, *area, *outcome, *text, *owner, *cohort, *resource, *kpi;
    const char *accountable; /* the first of its rows' that names one; "" when none does */
    size_t first_milestone, n_milestones;
    size_t area_index;
} sp_action;

typedef struct sp_area {
    const char *name;
    /* from areas.csv, "" when the plan has none or no row for the area */
    const char *sponsor, *weakness, *partners, *cohort;
    sp_src details_src; /* the areas.csv row; line 0 when none */
    size_t first_action, n_actions;
    size_t first_milestone, n_milestones;
} sp_area;

/* ---- KPIs ------------------------------------------------------------------------------ */

typedef enum { SP_UNIT_NUMBER, SP_UNIT_PERCENT, SP_UNIT_RATE, SP_UNIT_DAYS, SP_UNIT_WEEKS, SP_UNIT_TEXT } sp_unit;
typedef enum { SP_DIR_UP, SP_DIR_DOWN, SP_DIR_NONE } sp_direction;

typedef struct sp_baseline {
    bool set;          /* a number was given */
    double value;
    const char *note;  /* "Jan 2022 14-17 years" from "17% (Jan 2022 14-17 years)" */
    const char *text;  /* as written, "" when empty */
} sp_baseline;

typedef enum {
    SP_TARGET_NONE,
    SP_TARGET_ABSOLUTE, /* value as written */
    SP_TARGET_RELATIVE, /* value = signed percent of the baseline */
    SP_TARGET_POINTS,   /* value = signed percentage points */
    SP_TARGET_TEXT,     /* qualitative milestone */
} sp_target_kind;

typedef struct sp_target {
    sp_target_kind kind;
    double value;
    const char *words; /* qualitative text, or the words after a numeric target */
    const char *text;  /* as written */
    sp_src src;
} sp_target;

/* How a checkpoint was set: one of the plan's 3/6/12-month columns, a dated checkpoint (a dated
 * column of kpis.csv or a row of kpi_targets.csv), or the end target at the plan's end. */
typedef enum { SP_CPK_3M = SP_CP_3M, SP_CPK_6M = SP_CP_6M, SP_CPK_12M = SP_CP_12M, SP_CPK_DATED, SP_CPK_END } sp_checkpoint_kind;

/* One dated target of one KPI (input contract, "Checkpoints"). A KPI's checkpoints are in date
 * order; a 3/6/12-month plan gives every KPI its three, set or not (kind SP_TARGET_NONE). */
typedef struct sp_checkpoint {
    sp_src src;            /* the target's cell */
    const char *ref;       /* the KPI's ref as written where the checkpoint was read */
    size_t kpi;            /* index into plan.kpis */
    sp_checkpoint_kind kind;
    sp_date date;          /* a month stands for its last day */
    const char *date_text; /* where the date was written: the column header or the date cell */
    sp_target target;      /* target.text: the target as written, without its source */
    const char *source;    /* where the target comes from ("England average 21/22"); "" when not said */
} sp_checkpoint;

/* How the KPI's improvement direction was known (decision 20). */
typedef enum { SP_DIRSRC_GIVEN, SP_DIRSRC_INFERRED, SP_DIRSRC_DEFAULT } sp_direction_source;

typedef struct sp_kpi {
    sp_src src;
    const char *ref, *area, *name, *cohort, *owner, *source;
    sp_unit unit;
    bool unit_given;
    sp_direction direction;
    sp_direction_source direction_source;
    const char *direction_note; /* how an inferred or defaulted direction was found; NULL when given */
    sp_baseline baseline;
    sp_date baseline_date;
    /* its checkpoints, in date order: plan.checkpoints[first_checkpoint …] (set by sp_plan_build) */
    const sp_checkpoint *checkpoints;
    size_t first_checkpoint, n_checkpoints;
    bool has_tolerance;
    double tolerance;
    size_t first_obs, n_obs;
} sp_kpi;

typedef enum { SP_QS_NONE, SP_QS_MET, SP_QS_PARTLY_MET, SP_QS_NOT_MET } sp_qual_status;

typedef struct sp_observation {
    sp_src src;
    const char *ref;
    size_t kpi;
    sp_date period_start, period_end;
    bool quarter;
    bool has_value;
    double value;
    sp_qual_status status;
    bool has_england, has_neighbours;
    double england, neighbours;
    const char *note;
    const char *value_note;  /* "projected end of year" from "1.07% (projected end of year)"; "" when none */
    bool projected;          /* the value is a projection, forecast or estimate: shown as such everywhere */
    bool value_percent;      /* the value was written with '%' (a unit check against the KPI's) */
    sp_src value_src;        /* the value's cell */
    bool rebase;
} sp_observation;

/* ---- risks ----------------------------------------------------------------------------- */

typedef enum { SP_SEV_NONE, SP_SEV_LOW, SP_SEV_MEDIUM, SP_SEV_HIGH } sp_severity_level;

typedef struct sp_risk {
    sp_src src;
    sp_date date;
    const char *date_text;
    const char *text, *mitigation, *progress, *owner;
    sp_severity_level severity, residual;
} sp_risk;

/* ---- the plan -------------------------------------------------------------------------- */

typedef struct sp_plan {
    sp_arena arena;
    const char *dir;  /* as given on the command line */
    const char *name; /* slug of the folder name, used in output file names */
    sp_plan_info info;
    SP_VEC(sp_area) areas;
    SP_VEC(sp_action) actions;
    SP_VEC(sp_milestone) milestones;
    SP_VEC(sp_kpi) kpis;
    SP_VEC(sp_observation) observations;
    SP_VEC(sp_checkpoint) checkpoints; /* by KPI, then date */
    SP_VEC(sp_risk) risks;
    bool has_values_file, has_risks_file, has_targets_file;
    bool has_owner_column;    /* actions.csv has an owner column at all */
    bool has_completed_column; /* actions.csv records completion dates: a Blue status alone is not evidence */
    bool has_status_column;   /* actions.csv records a reported status: positions can be challenged */
    bool has_areas_file;
    bool values_illustrative; /* every observation's note says it is illustrative */
} sp_plan;

void sp_plan_free(sp_plan *p);

/* A standing target (assessment rules): two or more numeric targets, all written as the same
 * absolute value ("93% at every checkpoint"). It needs no baseline. */
bool sp_kpi_standing_target(const sp_kpi *k, double *value);
/* What a numeric target comes to against a baseline: as written, the baseline x (1 + p/100),
 * or the baseline + p points (assessment rules, "Targets"). */
double sp_target_value(const sp_target *t, double baseline);

const char *sp_status_word(sp_status s);     /* "Blue" … "Grey", "" for none */
const char *sp_status_key(sp_status s);      /* "blue" … "grey", NULL for none */
const char *sp_plan_kind_name(sp_plan_kind k); /* "APP", "WSoA", "Priority action plan" */
const char *sp_unit_key(sp_unit u);          /* "%", "number", "rate", "days", "weeks", "text" */
const char *sp_direction_key(sp_direction d);
const char *sp_severity_word(sp_severity_level s);
const char *sp_qual_status_key(sp_qual_status s);
const char *sp_checkpoint_key(int cp);       /* "3m", "6m", "12m" */
const char *sp_checkpoint_label(int cp);     /* "3-month", "6-month", "12-month" */
/* A KPI checkpoint's key: "3m", "6m", "12m", "end", or its date "2023-07-31" (written into buf). */
const char *sp_kpi_checkpoint_key(const sp_checkpoint *c, char buf[16]);
/* Its name in a sentence: "12-month", "end", or its month "Jul 2023" (written into buf). */
const char *sp_kpi_checkpoint_label(const sp_checkpoint *c, char buf[16]);

#endif
