/*
 * xlsx.c - the workbook: Cover and Contents, then the sheets the template names, in its
 * order (Summary, Changes, Actions, KPIs, SPC, Exceptions, Cohort, Plain, Risks, Data quality,
 * Key), each an accessible sheet (Government Analysis Function checklist) with one table.
 * The sheets' columns are in xlsx_sheets.c, xlsx_summary.c and xlsx_views.c; the table writer
 * in xlsx_table.c. Every figure is read from the assessment: this file chooses what goes where.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "view/key.h"
#include "render/report.h"
#include "render/style.h"
#include "render/xlsx/xlsx_progress.h"
#include "render/xlsx/xlsx_sheets.h"
#include "view/families.h"
#include "render/xlsx/xlsx_table.h"
#include "util/format.h"

#define PLAN (c->r->plan)
#define AS (c->r->assessment)
#define TMPL (c->r->tmpl)
#define MS(i) (&PLAN->milestones.items[i])
#define MR(i) (&AS->milestones[i])
#define KP(i) (&PLAN->kpis.items[i])
#define KR(i) (&AS->kpis[i])
#define N(a) (sizeof(a) / sizeof *(a))

/* ---- Cover and Contents ------------------------------------------------------------------- */

typedef struct sheet_entry {
    const char *name, *description;
} sheet_entry;

#define CT(i) (&((const sheet_entry *)c->list)[i])
static xl_cell ct_sheet(xl_ctx *c, size_t i) { return (xl_cell){.kind = XL_LINK, .text = CT(i)->name}; }
static xl_cell ct_desc(xl_ctx *c, size_t i) { return xl_text(CT(i)->description); }
static const xl_column CONTENTS_COLUMNS[] = {{"Sheet", ct_sheet}, {"What it holds", ct_desc}};


static void cover_sheet(xl_ctx *c, const sheet_entry *contents, size_t n_contents)
{
    lxw_worksheet *ws = workbook_add_worksheet(c->wb, "Cover");
    const sp_plan *p = PLAN;
    char date[20], start[20];
    sp_date_long(AS->as_of, date);
    sp_date_long(p->info.start, start);
    const char *title = sp_template_title(TMPL, &c->arena, p->info.title, p->info.area, AS->as_of);
    xl_write_text(c, ws, 0, 0, title, c->title);
    xl_write_text(c, ws, 1, 0, TMPL->audience[0] ? TMPL->audience : "Monitoring pack: progress against the plan's actions and KPIs",
                  c->subtitle);
    const char *contents_text = "";
    for (size_t i = 0; i < n_contents; i++)
        contents_text = sp_arena_printf(&c->arena, "%s%s%s", contents_text, i ? ", " : "", contents[i].name);
    const char *about = p->values_illustrative ? SP_NOTE_ILLUSTRATIVE : "Figures are as exported by the plan's owners.";
    const char *rows[16 + SP_VIEW_ANNEX_ROWS + 2][2];
    size_t n = 0;
#define ROW(a, b) (rows[n][0] = (a), rows[n][1] = (b), n++)
    bool annex_a = c->r->section[SP_SEC_ANNEX_A];
    if (annex_a) { /* the DfE and NHS England header opens the pack, as it opens the plan */
        ROW(c->r->annex_a_heading, "");
        for (int i = 0; i < SP_VIEW_ANNEX_ROWS; i++)
            ROW(c->r->annex_a[i].label, c->r->annex_a[i].text);
        ROW("", "");
    }
    if (TMPL->plain_english) {
        ROW("Plan", p->info.title);
        ROW("Local area", p->info.area);
        ROW("Information up to", date);
        ROW("In short", c->r->families ? c->r->families->position : "");
        ROW("This workbook contains", contents_text);
        ROW("About the figures", about);
        ROW("Who is doing this", p->info.organisations);
        if (c->r->contact[0])
            ROW("To ask about the plan or tell us what you think", c->r->contact);
    } else {
        ROW("Plan", sp_arena_printf(&c->arena, "%s (%s)", p->info.title, sp_plan_kind_name(p->info.kind)));
        if (!annex_a) /* else the header's first row */
            ROW("Local area", p->info.area);
        ROW("Report date", date);
        ROW("Plan start (baseline date)", start);
        ROW("Organisations", p->info.organisations);
        ROW("Source files", sp_arena_printf(&c->arena, "plan.ini, actions.csv, kpis.csv%s%s (folder %s)",
                                            p->has_values_file ? ", kpi_values.csv" : "",
                                            p->has_risks_file ? ", risks.csv" : "", p->name));
        ROW("Position", AS->overall);
        ROW("This workbook contains", contents_text);
        ROW("Cohort", AS->rules.cohort ? AS->rules.cohort : "All ages");
        ROW("About the figures", about);
        ROW("Contact", p->info.organisations);
        ROW("Produced by", "sendpack " SENDPACK_VERSION " from the exports above; every figure has a source row.");
    }
#undef ROW
    const double widths[] = {annex_a ? 38 : 28, 90}; /* the header's labels are longer */
    for (size_t i = 0; i < n; i++) {
        if (!rows[i][0][0])
            continue; /* a blank row between the header and the pack's own facts */
        worksheet_write_string(ws, (lxw_row_t)(3 + i), 0, rows[i][0], annex_a && i == 0 ? c->subtitle : c->label);
        xl_write_text(c, ws, (int)(3 + i), 1, rows[i][1], c->text);
        xl_fit_row(c, ws, (int)(3 + i), rows[i], widths, 2);
    }
    worksheet_set_column(ws, 0, 0, widths[0], NULL);
    worksheet_set_column(ws, 1, 1, widths[1], NULL);
    xl_print_setup(c, ws, -1, widths, 2, 0);
    worksheet_set_portrait(ws);
}

/* ---- the workbook ------------------------------------------------------------------------- */

static const char *date_text_of(xl_ctx *c, sp_date d)
{
    char buf[20];
    sp_date_long(d, buf);
    return sp_arena_strdup(&c->arena, buf);
}

/* The key's rows: the terms the pack uses (the view's key_rows), then its notes. */
static size_t *key_rows(xl_ctx *c)
{
    size_t n = c->r->key_rows.n, *rows = sp_arena_alloc(&c->arena, (n + 2) * sizeof *rows);
    for (size_t i = 0; i < n; i++)
        rows[i] = c->r->key_rows.at[i];
    rows[n] = SP_N_KEY_ROWS, rows[n + 1] = SP_N_KEY_ROWS + 1;
    return rows;
}

static size_t *iota(xl_ctx *c, size_t n)
{
    size_t *rows = sp_arena_alloc(&c->arena, (n + 1) * sizeof *rows);
    for (size_t i = 0; i < n; i++)
        rows[i] = i;
    return rows;
}

/* The columns a template picks, in its order. */
static const xl_column *pick(xl_ctx *c, const xl_column *all, const int *keys, int n)
{
    xl_column *cols = sp_arena_alloc(&c->arena, (size_t)n * sizeof *cols);
    for (int i = 0; i < n; i++)
        cols[i] = all[keys[i]];
    return cols;
}

/* What each sheet holds; whether it appears for this plan and report. */
typedef struct sheet_plan {
    sp_sheet sheet;
    xl_sheet_spec spec;
    const void *list;
    bool present;
} sheet_plan;

bool sp_render_xlsx(const sp_report *r, const char *path, char *err, size_t errlen)
{
    /* libxlsxwriter keeps every cell until the workbook is closed, about 100 bytes each: a plan
     * of a million observations (8 million SPC cells) took 1.7 GB. Above XL_ROW_BY_ROW_CELLS
     * the workbook is written row by row instead, in constant memory, at the price
     * libxlsxwriter sets for that mode: autofilters instead of Excel tables, and charts without
     * cached values (Excel and LibreOffice draw them from the cells). */
    size_t cells = r->milestones.n * (size_t)r->tmpl->n_action_columns + r->kpis.n * (size_t)r->tmpl->n_kpi_columns +
                   (r->diags ? r->diags->list.n * XL_N_QUALITY_COLUMNS : 0) +
                   (r->changes ? r->changes->n * XL_N_CHANGE_COLUMNS : 0) +
                   (r->focus_kpis.n + r->focus_milestones.n) * XL_N_COHORT_COLUMNS;
    for (size_t j = 0; j < r->kpis_spc.n; j++)
        cells += r->assessment->kpis[r->kpis_spc.at[j]].spc.n * XL_N_SPC_COLUMNS;
    /* the tests lower the threshold to write a small plan both ways (tests/cli/xlsx_row_by_row.sh);
     * anything but a number leaves it as it is */
    unsigned long long limit = XL_ROW_BY_ROW_CELLS;
    const char *given = getenv("SENDPACK_XLSX_ROW_BY_ROW_CELLS");
    if (given && *given) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(given, &end, 10);
        if (!*end && errno == 0 && given[0] != '-')
            limit = v;
    }
    bool row_by_row = cells > limit;
    lxw_workbook_options wopt = {.constant_memory = row_by_row ? LXW_TRUE : LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(path, &wopt);
    if (!wb) {
        snprintf(err, errlen, "cannot create the workbook %s: %s", path, strerror(errno ? errno : EIO));
        return false;
    }
    xl_ctx ctx, *c = &ctx;
    xl_ctx_init(c, wb, r);
    c->row_by_row = row_by_row;
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    const sp_template *t = r->tmpl;
    char date[20];
    sp_date_long(a->as_of, date);
    const char *title = sp_template_title(t, &c->arena, p->info.title, p->info.area, a->as_of);

    /* document properties; created = the report date, so the same input gives the same bytes */
    lxw_doc_properties props = {
        .title = (char *)title,
        .subject = sp_arena_printf(&c->arena, "SEND improvement plan monitoring pack (%s), report date %s", t->name, date),
        .author = (char *)p->info.organisations,
        .company = (char *)p->info.organisations,
        .category = "SEND improvement plan",
        .keywords = "SEND, WSoA, APP, monitoring, KPI",
        .comments = "Generated by sendpack from the plan's CSV exports.",
        .created = (time_t)a->as_of * 86400,
    };
    workbook_set_properties(wb, &props);

    /* the rows of each list, as the view chose them */
    size_t *milestones = r->milestones.at, n_ms = r->milestones.n;
    size_t *kpis = r->kpis.at, n_kpis = r->kpis.n;
    size_t *areas = sp_arena_alloc(&c->arena, (r->areas.n + 2) * sizeof *areas), n_areas = r->areas.n;
    memcpy(areas, r->areas.at, n_areas * sizeof *areas);
    areas[n_areas] = p->areas.n; /* the Whole plan row */
    /* the families' sheet: the Local Offer text's promises, in its order */
    const sp_families *fam = r->families;
    size_t n_family = 0;
    for (size_t i = 0; fam && i < fam->n_parts; i++)
        for (size_t j = 0; j < fam->parts[i].n_actions; j++)
            n_family += fam->parts[i].actions[j].n;
    family_row *family = sp_arena_alloc(&c->arena, (n_family + 1) * sizeof *family);
    n_family = 0;
    for (size_t i = 0; fam && i < fam->n_parts; i++)
        for (size_t j = 0; j < fam->parts[i].n_actions; j++)
            for (size_t k = 0; k < fam->parts[i].actions[j].n; k++)
                family[n_family++] = (family_row){fam->parts[i].heading, &fam->parts[i].actions[j].promises[k]};
    cohort_item *cohort = sp_arena_alloc(&c->arena, (r->focus_kpis.n + r->focus_milestones.n + 1) * sizeof *cohort);
    size_t n_cohort = 0;
    for (size_t i = 0; i < r->focus_kpis.n; i++)
        cohort[n_cohort++] = (cohort_item){true, r->focus_kpis.at[i]};
    for (size_t i = 0; i < r->focus_milestones.n; i++)
        cohort[n_cohort++] = (cohort_item){false, r->focus_milestones.at[i]};
    size_t n_diags = r->diags ? r->diags->list.n : 0;
    size_t n_spc = 0;
    for (size_t j = 0; j < r->kpis_spc.n; j++)
        n_spc += a->kpis[r->kpis_spc.at[j]].spc.n;
    spc_row *spc = sp_arena_alloc(&c->arena, (n_spc + 1) * sizeof *spc);
    n_spc = 0;
    for (size_t j = 0; j < r->kpis_spc.n; j++) {
        size_t i = r->kpis_spc.at[j];
        const sp_kpi_result *kr = &a->kpis[i];
        const sp_kpi *k = &p->kpis.items[i];
        size_t point = 0;
        for (size_t o = k->first_obs; o < k->first_obs + k->n_obs && point < kr->spc.n; o++) {
            if (a->obs_counted[o])
                spc[n_spc++] = (spc_row){i, point++, p->observations.items[o].period_end};
        }
    }
    const char *focus = a->rules.focus_cohort ? a->rules.focus_cohort : "";

    size_t *progress_rows, *forecast_rows;
    size_t n_progress = xl_progress_rows(c, &progress_rows), n_forecast = xl_forecast_rows(c, &forecast_rows);

    sheet_plan sheets[SP_N_SHEETS] = {
        [SP_SHEET_PROGRESS] = {SP_SHEET_PROGRESS, xl_progress_spec(c, progress_rows, n_progress), NULL, r->sheet[SP_SHEET_PROGRESS]},
        [SP_SHEET_FORECAST] = {SP_SHEET_FORECAST, xl_forecast_spec(c, forecast_rows, n_forecast), NULL, r->sheet[SP_SHEET_FORECAST]},
        [SP_SHEET_SUMMARY] = {SP_SHEET_SUMMARY,
                              {"Summary", "Summary: the plan at a glance",
                               sp_arena_printf(&c->arena, "%s Counts are milestones by derived status [note 1].", a->overall),
                               "summary", XL_SUMMARY_COLUMNS, XL_N_SUMMARY_COLUMNS, areas, n_areas + 1, ""},
                              NULL, true},
        [SP_SHEET_CHANGES] = {SP_SHEET_CHANGES,
                              {"Changes", "Since the last report",
                               r->changes ? sp_arena_printf(&c->arena,
                                                            "What moved since the last report (%s): each row of this "
                                                            "export compared with last period's.",
                                                            date_text_of(c, r->changes->previous_as_of))
                                          : "",
                               "changes", XL_CHANGE_COLUMNS, XL_N_CHANGE_COLUMNS, iota(c, r->changes ? r->changes->n : 0),
                               r->changes ? r->changes->n : 0, "Nothing changed since the last report."},
                              NULL, r->changes != NULL},
        [SP_SHEET_ACTIONS] = {SP_SHEET_ACTIONS,
                              {"Actions", "Actions and milestones",
                               t->plain_english ? "One row for each thing we said we would do."
                                                : "One row per milestone, by area and action. Derived status and "
                                                  "challenges: see [note 1] on the Key sheet.",
                               "actions", pick(c, XL_ACTION_COLUMNS, t->action_columns, t->n_action_columns),
                               (size_t)t->n_action_columns, milestones, n_ms, "The plan has no milestones."},
                              NULL, true},
        [SP_SHEET_KPIS] = {SP_SHEET_KPIS,
                           {"KPIs", "KPIs: the impact scorecard",
                            p->values_illustrative ? "One row per KPI. The values are illustrative, not published "
                                                     "figures [note 2]."
                                                   : "One row per KPI, judged at the report date.",
                            "kpis", pick(c, XL_KPI_COLUMNS, t->kpi_columns, t->n_kpi_columns), (size_t)t->n_kpi_columns,
                            kpis, n_kpis, r->kpis_none ? r->kpis_none : ""},
                           NULL, true},
        [SP_SHEET_CHECKPOINTS] = {SP_SHEET_CHECKPOINTS,
                                  {"Checkpoints", "KPI checkpoints: each target and whether it was met",
                                   "One row per checkpoint of each KPI, in date order: its target as the plan sets "
                                   "it, the value recorded for its month, and whether that met the target.",
                                   "checkpoints", XL_CHECKPOINT_COLUMNS, XL_N_CHECKPOINT_COLUMNS,
                                   iota(c, r->n_checkpoint_rows), r->n_checkpoint_rows, "No KPI has a checkpoint."},
                                  NULL, r->sheet[SP_SHEET_CHECKPOINTS]},
        [SP_SHEET_SPC] = {SP_SHEET_SPC,
                          {"SPC", "Statistical process control: XmR points",
                           "Every point of each KPI with enough monthly values (NHS England \"Making Data Count\"): "
                           "mean, limits, each point's reading; a chart per KPI beside the table, its lines drawn "
                           "from the last three columns.",
                           "spc", XL_SPC_COLUMNS, XL_N_SPC_COLUMNS, iota(c, n_spc), n_spc, ""},
                          spc, n_spc > 0},
        [SP_SHEET_EXCEPTIONS] = {SP_SHEET_EXCEPTIONS,
                                 {"Exceptions", "Exceptions: what needs attention",
                                  "Worst first: Red before Amber, challenged before unchallenged, longest overdue "
                                  "first [note 1].",
                                  "exceptions", XL_EXCEPTION_COLUMNS, XL_N_EXCEPTION_COLUMNS, iota(c, r->n_exceptions),
                                  r->n_exceptions,
                                  "Nothing is overdue, slipped, challenged, Red or Amber at this report date."},
                                 NULL, true},
        [SP_SHEET_COHORT] = {SP_SHEET_COHORT,
                             {"Cohort", sp_arena_printf(&c->arena, "Young people aged %s: actions and KPIs", focus),
                              sp_arena_printf(&c->arena,
                                              "Every KPI and milestone for the %s age group in one list: the single "
                                              "view of outcomes the inspectors asked for.",
                                              focus),
                              "cohort", XL_COHORT_COLUMNS, XL_N_COHORT_COLUMNS, iota(c, n_cohort), n_cohort,
                              a->focus_whole_plan ? a->focus_whole_plan
                                                  : "No action or KPI of the plan names this age group."},
                             cohort, a->rules.focus_cohort != NULL},
        [SP_SHEET_PLAIN] = {SP_SHEET_PLAIN,
                            {"What we are doing", "What we said, what we have done, what happens next",
                             "One row for each thing we said we would do, as the Local Offer page says it.",
                             "what_we_are_doing", XL_PLAIN_COLUMNS, XL_N_PLAIN_COLUMNS, iota(c, n_family), n_family,
                             "The plan has no actions yet."},
                            family, true},
        [SP_SHEET_RISKS] = {SP_SHEET_RISKS,
                            {"Risks", "Risk register", "As recorded in risks.csv.", "risks", XL_RISK_COLUMNS,
                             XL_N_RISK_COLUMNS, iota(c, p->risks.n), p->risks.n, r->risks_none ? r->risks_none : ""},
                            NULL, p->has_risks_file},
        [SP_SHEET_DATA_QUALITY] = {SP_SHEET_DATA_QUALITY,
                                   {"Data quality", "Data quality",
                                    "Warnings found when reading the exports: fix them at the file, line and column "
                                    "given.",
                                    "data_quality", XL_QUALITY_COLUMNS, XL_N_QUALITY_COLUMNS, iota(c, n_diags),
                                    n_diags, "No warnings: the exports are complete."},
                                   NULL, true},
        [SP_SHEET_KEY] = {SP_SHEET_KEY,
                          t->plain_english
                              ? (xl_sheet_spec){"Key", "What the words mean",
                                                "Each word is shown with its colour.", "key", XL_PLAIN_KEY_COLUMNS,
                                                XL_N_PLAIN_KEY_COLUMNS, iota(c, r->n_plain_key), r->n_plain_key, ""}
                              : (xl_sheet_spec){"Key", "Key: what the colours and figures mean",
                                                "Every status cell says its word as well as its colour.", "key",
                                                XL_KEY_COLUMNS, XL_N_KEY_COLUMNS,
                                                key_rows(c), r->key_rows.n + (p->values_illustrative ? 2 : 1), ""},
                          NULL, true},
    };
    static const char *const DESCRIPTIONS[SP_N_SHEETS] = {
        [SP_SHEET_SUMMARY] = "Each area's assessment, milestone counts by status and KPI RAG counts, with charts.",
        [SP_SHEET_CHANGES] = "What moved since the last report: completions, new overdue items, revised deadlines, "
                             "status and KPI changes, new and removed rows.",
        [SP_SHEET_ACTIONS] = "One row per milestone: deadlines, reported and derived status, challenges and progress.",
        [SP_SHEET_KPIS] = "The impact scorecard: baseline, next checkpoint, final target, latest value, trajectory and RAG.",
        [SP_SHEET_CHECKPOINTS] = "Every checkpoint of each KPI: date, target, the value recorded for it, met or not.",
        [SP_SHEET_SPC] = "Statistical process control: each KPI's points, mean and process limits, with charts.",
        [SP_SHEET_EXCEPTIONS] = "What needs attention, worst first: overdue, slipped and challenged milestones, Red and "
                                "Amber KPIs.",
        [SP_SHEET_COHORT] = "The focus age group's KPIs and milestones in one list.",
        [SP_SHEET_PLAIN] = "For each part of the plan: what we said we would do, what we have done, what happens next.",
        [SP_SHEET_RISKS] = "The risk register with mitigations.",
        [SP_SHEET_DATA_QUALITY] = "Every warning found in the exports, with where to fix it.",
        [SP_SHEET_KEY] = "What the colours, words and figures mean.",
        [SP_SHEET_PROGRESS] = "The burn-up month by month: milestones planned and completed, with a line chart.",
        [SP_SHEET_FORECAST] = "Forecast finish of the plan and each area: pace, likely and 85% chance months.",
    };

    sheet_entry *contents = sp_arena_alloc(&c->arena, ((size_t)t->n_sheets + 1) * sizeof *contents); /* as asked */
    size_t n_contents = 0;
    contents[n_contents++] = (sheet_entry){"Contents", "This list, with a link to each sheet."};
    for (int i = 0; i < t->n_sheets; i++) {
        const sheet_plan *sp = &sheets[t->sheets[i]];
        if (sp->spec.name && sp->present)
            contents[n_contents++] = (sheet_entry){sp->spec.name, DESCRIPTIONS[sp->sheet]};
    }

    cover_sheet(c, contents, n_contents);
    c->list = contents;
    xl_table_sheet(c, &(xl_sheet_spec){"Contents", "Contents", "Each sheet of this workbook, with a link to it.",
                                       "contents", CONTENTS_COLUMNS, N(CONTENTS_COLUMNS), iota(c, n_contents),
                                       n_contents, ""});
    for (int i = 0; i < t->n_sheets; i++) {
        const sheet_plan *sp = &sheets[t->sheets[i]];
        if (!sp->spec.name || !sp->present)
            continue; /* sheets of later stages (changes, spc) appear when there is something to show */
        c->list = sp->list;
        lxw_worksheet *ws = xl_table_sheet(c, &sp->spec);
        if (sp->sheet == SP_SHEET_SUMMARY)
            xl_summary_charts(c, ws, n_areas);
        if (sp->sheet == SP_SHEET_SPC)
            xl_spc_charts(c, ws, spc, n_spc);
        if (sp->sheet == SP_SHEET_PROGRESS)
            xl_progress_chart(c, ws, n_progress);
    }

    errno = 0;
    lxw_error rc = workbook_close(wb);
    int saved = errno; /* libxlsxwriter's own message does not say why a write failed */
    if (c->truncated)
        fprintf(stderr, "sendpack: warning: %zu cell%s longer than Excel allows %s cut, with a marker\n",
                c->truncated, c->truncated == 1 ? "" : "s", c->truncated == 1 ? "was" : "were");
    sp_arena_free(&c->arena);
    if (rc != LXW_NO_ERROR) {
        snprintf(err, errlen, "cannot write the workbook: %s%s%s%s", lxw_strerror(rc), saved ? " (" : "",
                 saved ? strerror(saved) : "", saved ? ")" : "");
        return false;
    }
    return true;
}
