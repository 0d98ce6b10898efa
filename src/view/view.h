/*
 * view.h - the "view" stage, between assess and render: what one pack shows.
 *
 * Built once per pack from the plan, its assessment, the changes since the last report, the
 * check's diagnostics and the report template. It decides, for every output alike:
 *   - which rows each section and sheet shows, and in what order (the index lists below);
 *   - the texts they show: milestone titles and owners, deadlines in the committee's words,
 *     reasons, narrative excerpts, the exceptions' stories;
 *   - which sections and sheets the audience sees;
 *   - redaction: when the template asks for it (public papers), e-mail addresses and phone
 *     numbers are removed here, once, from every text the view holds - the plan's, the
 *     assessment's sentences, the changes (both periods' texts) and the diagnostics.
 * Renderers (JSON, workbook, PDF, HTML) read only the view. They lay it out; they never
 * filter, judge or redact, and they may not link against the readers or the assessment's
 * judging functions (see CMakeLists.txt: one library per stage, linked in pipeline order).
 *
 * `plan`, `assessment`, `changes` and `diags` point at the view's own copies when redaction
 * applies, else at the originals: either way every text reached through the view is safe for
 * its audience. Index lists hold indices into plan's (and assessment's parallel) arrays.
 * Everything lives in the view's arena; sp_view_free releases it. Add fields, don't rename.
 */
#ifndef SP_VIEW_H
#define SP_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "assess/assess.h"
#include "assess/changes.h"
#include "view/template.h"
#include "util/diag.h"

/* A list of row indices, in the order the pack shows them. */
typedef struct sp_rows {
    size_t *at;
    size_t n;
} sp_rows;

/* A list of texts as the plan writes them one after another: several owners ("Head of SEND;
 * Designated Clinical Officer (NHS)"), officers or dates, each trimmed, in their order. */
typedef struct sp_view_list {
    const char **items;
    size_t n;
} sp_view_list;

/* One row of the header DfE and NHS England put on the plans they monitor (Annex A), from
 * plan.ini. */
typedef struct sp_view_annex_row {
    const char *key;     /* the plan.ini key, also the JSON field: "area", "inspection", "revisit_report",
                            "accountable_officers", "advisers", "governance" */
    const char *label;   /* as their table words it: "Date of inspection" */
    const char *text;    /* one line ("\n") per date, officer or adviser; "not recorded" when plan.ini has none */
    sp_view_list lines;  /* its lines; none when not recorded */
    bool recorded;
    bool list;           /* a list of people (officers, advisers): an array in the JSON */
} sp_view_annex_row;

#define SP_VIEW_ANNEX_ROWS 6

/* One exception with its story: what it is, where it stands and what is being done. */
typedef struct sp_view_exception {
    sp_exception_kind kind;
    bool is_kpi;
    size_t index;           /* into plan milestones or kpis */
    size_t area;            /* index into plan areas; SIZE_MAX for a KPI of no area */
    bool challenged;        /* the reported status is more optimistic than the evidence */
    bool acknowledged;      /* the officer's own status says it is behind */
    sp_status status;       /* the derived status or RAG */
    const char *kind_word;  /* "Overdue", "KPI Red", … */
    const char *ref;
    const char *title;      /* milestone title or KPI name */
    const char *owner;      /* owners ("A; B"), else the action's; "not recorded" when none */
    const char *accountable; /* the accountable senior officer; "" when none */
    const char *responsible; /* for a table cell: "A; B — accountable: C", or the owners alone */
    const char *who;        /* for a story: "Owners: A; B · Accountable: C" */
    const char *deadline;   /* "May 2021 (revised from Nov 2019); 2 months late"; "" for KPIs */
    const char *why;        /* why it stands where it does (its status reason), as a sentence */
    const char *stance;     /* the position: "Challenged: …" / the acknowledgement / what was not reported / "" */
    const char *account;    /* the one paragraph a story prints: the challenge, else why (with the stance) */
    const char *narrative;  /* the latest progress narrative, whole; "" when none */
    const char *narrative_label; /* what a story prints before it: "Progress: ", "Note: ", or "" when the
                                  * narrative names itself ("The action's update: …") */
    const char *excerpt;    /* its first ~300 characters at a word boundary, "…" when cut */
    const char *brief;      /* one line for a list: the deadline, or a KPI's latest value against its target */
} sp_view_exception;

/* Exceptions of one area, for long lists grouped by area. */
typedef struct sp_view_group {
    size_t area;            /* SIZE_MAX: KPIs of no area */
    const char *heading;    /* "Area 2: Joint commissioning (5)" */
    sp_rows items;          /* indices into view->exceptions, worst first */
    size_t n_stories;       /* the first n_stories items are told in full in the PDF; the rest listed */
} sp_view_group;

/* A KPI's trajectory as the points a chart joins: (baseline_from, baseline), then each numeric
 * checkpoint after it, each value from the assessment's one definition (sp_kpi_trajectory_at);
 * flat after the last. n = 0: the KPI has none (no baseline, no numeric target, or a standing
 * target). */
typedef struct sp_view_trajectory {
    sp_date *date;
    double *value;
    size_t n;
} sp_view_trajectory;

/* One checkpoint of a KPI as every output shows it (a chart's marker and label, the table behind
 * the chart, the workbook's Checkpoints sheet, the JSON). */
typedef struct sp_view_checkpoint {
    sp_checkpoint_kind kind;
    sp_date date;
    const char *name;        /* in a sentence: "12-month", "Jul 2023", "end" */
    const char *column;      /* as a table says it: "12-month (Jun 2023)", "Jul 2023", "End (Mar 2025)" */
    const char *chart_label; /* beside its chart marker: "12m target 21.25%", "Jul 23 target 28%" */
    const char *target;      /* "21.25%", "26.6% (Reduction by 5%)", a milestone's words; "–" when none */
    bool numeric;            /* the target resolved to a number: charted */
    double value;
    const char *source;      /* where the target comes from; "" when not said */
    const char *actual;      /* the value (or status) recorded for its month, "1.07% (projected)"; "–" when none */
    const char *result;      /* "met", "not met", "partly met", "not yet due", "no value"; "–" when not judged */
} sp_view_checkpoint;

typedef struct sp_view_checkpoints {
    sp_view_checkpoint *at;  /* every checkpoint with a target, in date order */
    size_t n;
    const char *next;        /* "Mar 2024: 25%"; "–" when every checkpoint has passed */
    const char *final;       /* "10% by Mar 2025 (England average 21/22)"; "–" when none */
} sp_view_checkpoints;

/* A chart in words, for every renderer: its title, and what it shows with its reading (the
 * HTML's <title> and <desc>); alt is both, the PDF's alternative text. NULLs: no chart. */
typedef struct sp_view_chart {
    const char *title, *desc, *alt;
} sp_view_chart;

/* A row of the plain-English key: a word the template uses, once, and what it means. */
typedef struct sp_view_key_row {
    sp_status status;
    const char *word;
    const char *meaning;
} sp_view_key_row;

/* How an area opens: its sponsor, what the inspectors said, its outcome. */
typedef struct sp_view_area {
    size_t index;           /* into plan areas */
    const char *name;
    const char *sponsor;    /* "" when not known */
    const char *finding;    /* the inspectors' words (areas.csv weakness); "" when none */
    const char *outcome;    /* what the area is to achieve; "" when none */
    size_t n_exceptions;
    const char *counts;     /* "13 milestones: 2 complete (Blue), …" */
    /* its rows, in the reported cohort */
    sp_rows actions;        /* its actions */
    sp_rows done;           /* milestones complete */
    sp_rows highlights;     /* complete since the last report with --previous, else all complete; */
    sp_rows due_soon;       /* due within the due-soon window; */
    sp_rows kpis;           /* its KPIs: each of these three at most SP_VIEW_AREA_LIST_MAX, latest */
    size_t highlights_total, due_soon_total, kpis_total; /* completed first, soonest first */
    sp_rows open;           /* not complete: what happens next */
} sp_view_area;

/* Above this many exceptions the list is grouped by area, each group with its count. */
#define SP_VIEW_GROUP_ABOVE 12
/* In a grouped list, the PDF tells this many of each area's exceptions in full (worst first)
 * and lists the rest in one line each: the workbook has every story. */
#define SP_VIEW_STORIES_PER_GROUP 3
/* An area's lists in the PDF (completed, due soon, KPIs) show at most this many rows, then
 * "and N more": the workbook lists every row. */
#define SP_VIEW_AREA_LIST_MAX 4
/* The PDF's narrative excerpt, in characters (the workbook and JSON show it whole). */
#define SP_VIEW_EXCERPT_CHARS 300

typedef struct sp_view {
    /* the sources, every text safe for the audience */
    const sp_plan *plan;
    const sp_assessment *assessment;
    const sp_diags *diags;      /* warnings from reading and checking: the Data quality list */
    const sp_template *tmpl;
    const sp_changes *changes;  /* NULL without --previous */
    bool redacted;              /* contact details were removed */
    const char *contact;        /* plan.ini contact, for families: in Local Offer outputs only, never
                                   redacted (a public address); "" elsewhere or when none */

    /* which sections and sheets the audience sees, as the template lists them and the data allows */
    bool section[SP_N_SECTIONS];
    bool sheet[SP_N_SHEETS];
    bool forecast;              /* the burn-up and forecast (assess/progress.c): never for families */
    /* an empty set said in one line (decisions #14), where its section or sheet would be empty:
     * no KPI in scope (the scorecard is then left out); a risk register with no risks; else NULL */
    const char *kpis_none, *risks_none;
    const char *forecast_assumes; /* what a forecast that was made assumes, in words; NULL when none */
    /* the at-a-glance sentences every renderer prints: KPIs by RAG; missing data (NULL when none);
     * challenges and acknowledged positions; the whole plan's due milestones done on time */
    const char *glance_kpis, *glance_missing, *glance_challenges, *glance_on_time;
    /* the impact scorecard's introduction, worded from the target columns it shows */
    const char *scorecard_intro;
    /* the KPI charts' introduction where only those needing attention are drawn (decisions #5) */
    const char *charts_intro;
    /* the key: indices into SP_KEY_ROWS (view/key.h), each term the pack uses, in the key's order */
    sp_rows key_rows;

    /* rows */
    sp_rows areas;              /* areas with something in the reported cohort */
    sp_rows actions;            /* actions in scope */
    sp_rows milestones;         /* milestones in scope */
    sp_rows kpis;               /* KPIs in scope */
    sp_rows kpis_numeric;       /* KPIs in scope judged by their values */
    sp_rows kpis_text;          /* KPIs in scope judged by checkpoint status */
    sp_rows kpis_charted;       /* numeric KPIs with a value that get a chart in this pack (decisions #5) */
    sp_rows kpis_no_value;      /* numeric KPIs with no value yet: one line each, never an empty chart */
    sp_rows kpis_plan_wide;     /* KPIs in scope linked to no area: counted in every whole-plan figure */
    sp_rows kpis_spc;           /* KPIs in scope with an XmR chart */
    sp_rows spc_charted;        /* of those, the ones this pack draws */
    sp_rows focus_kpis;         /* the focus cohort's KPIs */
    sp_rows focus_milestones;   /* the focus cohort's milestones */

    /* per milestone (parallel to plan milestones): the texts every output shows */
    const char **ms_title;      /* its text, else its action's */
    const char **ms_owner;      /* its owners, else its action's, as several read: "A; B"; "" when none */
    sp_view_list *ms_owners;    /* the same one by one */
    const char **ms_accountable; /* its accountable senior officer, else its action's; "" when none */
    const char **ms_responsible; /* in a list: "A; B — accountable: C"; ms_owner without an accountable officer */
    const char **ms_why;        /* the challenge as a sentence, else the reason */
    const char **ms_deadline;   /* "May 2021 (revised from Nov 2019)", with interim dates and notes */
    const char **ms_progress;   /* its progress; the action's update carried to it says so (decision 13):
                                 * "The action's update: …"; "" when the action has none */
    bool *ms_completed_since;   /* completed since the last report (with --previous) */
    /* per action (parallel to plan actions): who answers for it */
    sp_view_list *ac_owners;    /* its owners one by one */
    const char **ac_owner;      /* "A; B"; "" when none */
    const char **ac_accountable; /* "" when none */
    const char **ac_who;        /* "Owners: A; B · Accountable: C", "Owner: A"; "" when neither */
    /* per KPI */
    const char **kpi_why;
    const char **kpi_baseline;  /* "17%, Jan 2022, 14-17 years" / as written / "not set" */
    const char **kpi_variation; /* SPC variation in words; "–" without SPC */
    const char **kpi_assurance; /* SPC assurance in words; "–" without SPC or a target */
    sp_view_trajectory *kpi_trajectory;
    sp_view_checkpoints *kpi_checkpoints;
    /* the Checkpoints sheet: every checkpoint of every KPI in scope, in KPI order then date order */
    size_t *checkpoint_kpi, *checkpoint_at; /* the KPI, and the index into its kpi_checkpoints */
    size_t n_checkpoint_rows;
    const char **kpi_chart_latest; /* the latest value's chart label: "latest 17%", "latest 1.07% (projected)" */
    const char **kpi_latest;    /* "1.07% (Mar 2024, projected)" / "17% (Dec 2022)"; "none yet" */
    const char **obs_value;     /* per observation: its value as every output shows it, "1.07% (projected)"; "" none */

    sp_view_chart *kpi_chart;   /* a KPI's values by month (view/charts.c) */
    sp_view_chart *spc_chart;   /* its XmR chart, for a KPI with SPC */
    sp_view_chart burnup_chart; /* milestones planned and completed, with a forecast */

    /* exceptions, worst first (the assessment's order); when long, also grouped by area */
    sp_view_exception *exceptions;
    size_t n_exceptions;
    bool grouped;               /* by area, each group with its heading and count */
    sp_view_group *groups;      /* when not grouped, one group of every exception, heading "" */
    size_t n_groups;
    sp_view_area *area_views;   /* parallel to plan areas (use the indices in `areas`) */

    /* the DfE and NHS England header (Annex A), in the order of their table, when section[SP_SEC_ANNEX_A]:
     * it opens the pack (the PDF's first page, the top of the page, the workbook's Cover, the JSON's plan) */
    sp_view_annex_row annex_a[SP_VIEW_ANNEX_ROWS];
    const char *annex_a_heading;
    const char *annex_a_missing; /* the plan.ini keys it lacks, "inspection, advisers"; NULL when none */

    /* the plain-English key (view/plain.c): each word the template uses, once */
    sp_view_key_row plain_key[SP_GREY + 1 + 4]; /* the five status words, then the parts' words the page uses */
    size_t n_plain_key;

    /* the Local Offer text for families (view/families.c), for plain-English templates; else NULL */
    const struct sp_families *families;
    /* --html-heading-level: the first heading of an HTML fragment, 2 to 6 (0: 2) */
    int html_heading_level;

    /* owned */
    sp_arena arena;
    sp_plan plan_copy;
    sp_assessment assessment_copy;
    sp_changes changes_copy;
    sp_diags diags_copy;
} sp_view;

/* The target of a KPI's 3-, 6- or 12-month checkpoint as shown; "–" when it has none. */
static inline const char *sp_view_checkpoint_target(const sp_view *v, size_t kpi, sp_checkpoint_kind kind)
{
    const sp_view_checkpoints *c = &v->kpi_checkpoints[kpi];
    for (size_t i = 0; i < c->n; i++)
        if (c->at[i].kind == kind)
            return c->at[i].target;
    return "–";
}

/* Builds the view of one pack. plan, assessment, changes (may be NULL) and diags must outlive it. */
void sp_view_build(sp_view *v, const sp_plan *plan, const sp_assessment *assessment, const sp_changes *changes,
                   const sp_diags *diags, const sp_template *tmpl);
void sp_view_free(sp_view *v);

/* The template's word for a status or an area assessment. */
static inline const char *sp_view_label(const sp_view *v, sp_status s)
{
    return v->tmpl->status_label[s];
}
static inline const char *sp_view_assessment(const sp_view *v, sp_area_assessment a)
{
    return v->tmpl->assessment_label[a];
}

/* "actions.csv:17": a row's source as the reader of a pack wants it, without the folder. */
const char *sp_source_label(sp_arena *a, sp_src src);

/* A deadline in the committee's words (decisions #3): "May 2021 (revised from Nov 2019)",
 * interim dates first ("Sep 2022, then Dec 2022"), a note kept in brackets; with how late when
 * overdue ("; 2 months late", "; 12 days late"). "no date" when undated. */
const char *sp_view_deadline(sp_arena *a, const sp_milestone *m, const sp_milestone_result *r, bool with_lateness);

/* Builds the Local Offer text into v->families (view/families.c). */
void sp_view_build_families(sp_view *v);
/* Fills the view's plain-English key (view/plain.c). */
void sp_view_build_plain(sp_view *v);

#endif
