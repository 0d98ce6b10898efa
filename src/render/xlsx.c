/*
 * xlsx.c - the workbook: Cover, Contents, Summary, Actions, KPIs, Exceptions, Risks, Data
 * quality and Key, each an accessible sheet (Government Analysis Function checklist) with one
 * table. Every figure is read from the assessment; this file only chooses columns and order.
 */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "render/key.h"
#include "render/report.h"
#include "render/style.h"
#include "render/xlsx_table.h"
#include "util/format.h"

#define PLAN (c->r->plan)
#define AS (c->r->assessment)
#define MS(i) (&PLAN->milestones.items[i])
#define MR(i) (&AS->milestones[i])
#define KP(i) (&PLAN->kpis.items[i])
#define KR(i) (&AS->kpis[i])

/* ---- Actions: one row per milestone ---------------------------------------------------- */

static xl_cell ms_area(xl_ctx *c, size_t i) { return xl_text(MS(i)->area); }
static xl_cell ms_ref(xl_ctx *c, size_t i) { return xl_text(MS(i)->ref); }
static xl_cell ms_action(xl_ctx *c, size_t i) { return xl_text(PLAN->actions.items[MS(i)->action_index].text); }
static xl_cell ms_text(xl_ctx *c, size_t i) { return xl_text(MS(i)->text); }
static xl_cell ms_owner(xl_ctx *c, size_t i)
{
    return xl_text(MS(i)->owner[0] ? MS(i)->owner : PLAN->actions.items[MS(i)->action_index].owner);
}
static xl_cell ms_due(xl_ctx *c, size_t i) { return xl_date(MR(i)->original_due); }
static xl_cell ms_due_written(xl_ctx *c, size_t i) { return xl_text(MS(i)->due_text); }
static xl_cell ms_revised(xl_ctx *c, size_t i) { return xl_date(MS(i)->revised_due); }
static xl_cell ms_completed(xl_ctx *c, size_t i) { return xl_date(MR(i)->completed_on); }
static xl_cell ms_reported(xl_ctx *c, size_t i) { return xl_status(MS(i)->reported); }
static xl_cell ms_derived(xl_ctx *c, size_t i) { return xl_status(MR(i)->derived); }
static xl_cell ms_overdue(xl_ctx *c, size_t i) { return xl_int(MR(i)->days_overdue); }
static xl_cell ms_slip(xl_ctx *c, size_t i)
{
    return MR(i)->has_slippage ? xl_int(MR(i)->slippage_days) : xl_text(NULL);
}
static xl_cell ms_challenge(xl_ctx *c, size_t i) { return xl_text(MR(i)->challenge); }
static xl_cell ms_reason(xl_ctx *c, size_t i) { return xl_text(MR(i)->reason); }
static xl_cell ms_progress(xl_ctx *c, size_t i) { return xl_text(MS(i)->progress); }
static xl_cell ms_source(xl_ctx *c, size_t i) { return xl_text(sp_source_label(&c->arena, MS(i)->src)); }

static const xl_column ACTION_COLUMNS[] = {
    {"Area", ms_area},
    {"Ref", ms_ref},
    {"Action", ms_action},
    {"Milestone", ms_text},
    {"Owner", ms_owner},
    {"Due", ms_due},
    {"Due as written", ms_due_written},
    {"Revised due", ms_revised},
    {"Completed", ms_completed},
    {"Reported status", ms_reported},
    {"Derived status", ms_derived},
    {"Days overdue", ms_overdue},
    {"Slippage (days)", ms_slip},
    {"Challenge", ms_challenge},
    {"Why this status", ms_reason},
    {"Progress", ms_progress},
    {"Source row", ms_source},
};

/* ---- KPIs: the impact scorecard -------------------------------------------------------- */

static const char *fmt_value(xl_ctx *c, const sp_kpi *k, double v)
{
    char buf[64];
    sp_format_value(v, k->unit, buf, sizeof buf);
    return sp_arena_strdup(&c->arena, buf);
}

static xl_cell kp_ref(xl_ctx *c, size_t i) { return xl_text(KP(i)->ref); }
static xl_cell kp_name(xl_ctx *c, size_t i) { return xl_text(KP(i)->name); }
static xl_cell kp_unit(xl_ctx *c, size_t i) { return xl_text(sp_unit_key(KP(i)->unit)); }
static xl_cell kp_direction(xl_ctx *c, size_t i)
{
    static const char *const words[] = {"Higher is better", "Lower is better", "No direction"};
    return xl_text(words[KP(i)->direction]);
}
static xl_cell kp_baseline(xl_ctx *c, size_t i) { return xl_number(KR(i)->baseline_set, KR(i)->baseline); }
static xl_cell kp_baseline_written(xl_ctx *c, size_t i)
{
    const char *note = KR(i)->baseline_note;
    if (note)
        return xl_text(sp_arena_printf(&c->arena, "%s (%s)", KP(i)->baseline.text[0] ? KP(i)->baseline.text : "none", note));
    return xl_text(KP(i)->baseline.text);
}
#define TARGET_GETTERS(cp, name)                                                                         \
    static xl_cell kp_t##name(xl_ctx *c, size_t i) { return xl_text(KP(i)->target[cp].text); }           \
    static xl_cell kp_r##name(xl_ctx *c, size_t i)                                                       \
    {                                                                                                    \
        return xl_number(KR(i)->target[cp].numeric, KR(i)->target[cp].value);                           \
    }
TARGET_GETTERS(SP_CP_3M, 3)
TARGET_GETTERS(SP_CP_6M, 6)
TARGET_GETTERS(SP_CP_12M, 12)
static xl_cell kp_latest(xl_ctx *c, size_t i) { return xl_number(KR(i)->has_latest, KR(i)->latest); }
static xl_cell kp_period(xl_ctx *c, size_t i)
{
    if (!KR(i)->has_latest)
        return xl_text(NULL);
    char m[16];
    sp_date_month(PLAN->observations.items[KR(i)->latest_obs].period_end, m);
    return xl_text(sp_arena_strdup(&c->arena, m));
}
static xl_cell kp_trajectory(xl_ctx *c, size_t i) { return xl_number(KR(i)->has_trajectory, KR(i)->trajectory); }
static xl_cell kp_rag(xl_ctx *c, size_t i) { return xl_status(KR(i)->rag); }
static xl_cell kp_progress(xl_ctx *c, size_t i) { return xl_percent(KR(i)->has_progress, KR(i)->progress); }
static xl_cell kp_travel(xl_ctx *c, size_t i) { return xl_text(sp_travel_key(KR(i)->travel)); }
static const sp_observation *latest(xl_ctx *c, size_t i)
{
    return KR(i)->has_latest ? &PLAN->observations.items[KR(i)->latest_obs] : NULL;
}
static xl_cell kp_england(xl_ctx *c, size_t i)
{
    const sp_observation *o = latest(c, i);
    return xl_number(o && o->has_england, o ? o->england : 0);
}
static xl_cell kp_england_cmp(xl_ctx *c, size_t i) { return xl_text(sp_comparison_key(KR(i)->england)); }
static xl_cell kp_sn(xl_ctx *c, size_t i)
{
    const sp_observation *o = latest(c, i);
    return xl_number(o && o->has_neighbours, o ? o->neighbours : 0);
}
static xl_cell kp_sn_cmp(xl_ctx *c, size_t i) { return xl_text(sp_comparison_key(KR(i)->neighbours)); }
static xl_cell kp_next(xl_ctx *c, size_t i)
{
    int cp = KR(i)->next_checkpoint;
    return cp < 0 ? xl_text(NULL) : xl_date(KR(i)->target[cp].date);
}
static xl_cell kp_next_target(xl_ctx *c, size_t i)
{
    int cp = KR(i)->next_checkpoint;
    if (cp < 0)
        return xl_text(NULL);
    if (KR(i)->target[cp].numeric)
        return xl_text(fmt_value(c, KP(i), KR(i)->target[cp].value));
    return xl_text(KP(i)->target[cp].text);
}
static xl_cell kp_reason(xl_ctx *c, size_t i) { return xl_text(KR(i)->reason); }
static xl_cell kp_source(xl_ctx *c, size_t i) { return xl_text(sp_source_label(&c->arena, KP(i)->src)); }

static const xl_column KPI_COLUMNS[] = {
    {"Ref", kp_ref},
    {"KPI", kp_name},
    {"Unit", kp_unit},
    {"Direction", kp_direction},
    {"Baseline", kp_baseline},
    {"Baseline as written", kp_baseline_written},
    {"3-month target", kp_t3},
    {"3-month target value", kp_r3},
    {"6-month target", kp_t6},
    {"6-month target value", kp_r6},
    {"12-month target", kp_t12},
    {"12-month target value", kp_r12},
    {"Latest value", kp_latest},
    {"Latest period", kp_period},
    {"Trajectory value", kp_trajectory},
    {"RAG", kp_rag},
    {"Progress to target", kp_progress},
    {"Direction of travel", kp_travel},
    {"England", kp_england},
    {"Compared with England", kp_england_cmp},
    {"Statistical neighbours", kp_sn},
    {"Compared with neighbours", kp_sn_cmp},
    {"Next checkpoint", kp_next},
    {"Next target", kp_next_target},
    {"Why this RAG", kp_reason},
    {"Source row", kp_source},
};

/* ---- Exceptions ------------------------------------------------------------------------ */

#define EX(i) (&AS->exceptions[i])
static xl_cell ex_kind(xl_ctx *c, size_t i) { return xl_text(sp_exception_word(EX(i)->kind)); }
static xl_cell ex_ref(xl_ctx *c, size_t i) { return xl_text(EX(i)->is_kpi ? KP(EX(i)->index)->ref : MS(EX(i)->index)->ref); }
static xl_cell ex_what(xl_ctx *c, size_t i)
{
    if (EX(i)->is_kpi)
        return xl_text(KP(EX(i)->index)->name);
    const sp_milestone *m = MS(EX(i)->index);
    return xl_text(m->text[0] ? m->text : PLAN->actions.items[m->action_index].text);
}
static xl_cell ex_owner(xl_ctx *c, size_t i)
{
    return EX(i)->is_kpi ? xl_text(KP(EX(i)->index)->owner) : ms_owner(c, EX(i)->index);
}
static xl_cell ex_status(xl_ctx *c, size_t i)
{
    return xl_status(EX(i)->is_kpi ? KR(EX(i)->index)->rag : MR(EX(i)->index)->derived);
}
static xl_cell ex_challenged(xl_ctx *c, size_t i) { return xl_text(EX(i)->challenged ? "Yes" : "No"); }
static xl_cell ex_days(xl_ctx *c, size_t i)
{
    return EX(i)->is_kpi ? xl_text(NULL) : xl_int(MR(EX(i)->index)->days_overdue);
}
static xl_cell ex_reason(xl_ctx *c, size_t i)
{
    if (EX(i)->is_kpi)
        return xl_text(KR(EX(i)->index)->reason);
    const sp_milestone_result *m = MR(EX(i)->index);
    return xl_text(m->challenge ? sp_arena_printf(&c->arena, "%s.", m->challenge) : m->reason);
}
static xl_cell ex_source(xl_ctx *c, size_t i)
{
    sp_src src = EX(i)->is_kpi ? KP(EX(i)->index)->src : MS(EX(i)->index)->src;
    return xl_text(sp_source_label(&c->arena, src));
}

static const xl_column EXCEPTION_COLUMNS[] = {
    {"Exception", ex_kind},      {"Ref", ex_ref},       {"What", ex_what},
    {"Owner", ex_owner},         {"Status", ex_status}, {"Challenged", ex_challenged},
    {"Days overdue", ex_days},   {"Why", ex_reason},    {"Source row", ex_source},
};

/* ---- Risks ----------------------------------------------------------------------------- */

#define RK(i) (&PLAN->risks.items[i])
static xl_cell rk_date(xl_ctx *c, size_t i) { return xl_date(RK(i)->date); }
static xl_cell rk_risk(xl_ctx *c, size_t i) { return xl_text(RK(i)->text); }
static xl_cell rk_sev(xl_ctx *c, size_t i) { return xl_text(sp_severity_word(RK(i)->severity)); }
static xl_cell rk_mit(xl_ctx *c, size_t i) { return xl_text(RK(i)->mitigation); }
static xl_cell rk_res(xl_ctx *c, size_t i) { return xl_text(sp_severity_word(RK(i)->residual)); }
static xl_cell rk_prog(xl_ctx *c, size_t i) { return xl_text(RK(i)->progress); }
static xl_cell rk_owner(xl_ctx *c, size_t i) { return xl_text(RK(i)->owner); }
static xl_cell rk_source(xl_ctx *c, size_t i) { return xl_text(sp_source_label(&c->arena, RK(i)->src)); }

static const xl_column RISK_COLUMNS[] = {
    {"Raised", rk_date},     {"Risk", rk_risk},    {"Severity", rk_sev},  {"Mitigation", rk_mit},
    {"Residual severity", rk_res}, {"Progress", rk_prog}, {"Owner", rk_owner}, {"Source row", rk_source},
};

/* ---- Data quality ---------------------------------------------------------------------- */

#define DG(i) (&c->r->diags->list.items[i])
static xl_cell dq_sev(xl_ctx *c, size_t i) { return xl_text(DG(i)->severity == SP_ERROR ? "Error" : "Warning"); }
static xl_cell dq_file(xl_ctx *c, size_t i)
{
    const char *f = strrchr(DG(i)->src.file, '/');
    return xl_text(f ? f + 1 : DG(i)->src.file);
}
static xl_cell dq_line(xl_ctx *c, size_t i) { return DG(i)->src.line ? xl_int(DG(i)->src.line) : xl_text(NULL); }
static xl_cell dq_col(xl_ctx *c, size_t i) { return DG(i)->src.line ? xl_int(DG(i)->src.col) : xl_text(NULL); }
static xl_cell dq_msg(xl_ctx *c, size_t i) { return xl_text(DG(i)->message); }

static const xl_column QUALITY_COLUMNS[] = {
    {"Severity", dq_sev}, {"File", dq_file}, {"Line", dq_line}, {"Column", dq_col}, {"What to fix", dq_msg},
};

/* ---- Summary: one row per area and one for the whole plan ------------------------------- */

static bool whole(xl_ctx *c, size_t i) { return i == PLAN->areas.n; }
static const sp_area_result *AR(xl_ctx *c, size_t i) { return &AS->areas[i]; }
static const sp_counts *sm_counts(xl_ctx *c, size_t i) { return whole(c, i) ? &AS->milestone_counts : &AR(c, i)->counts; }

static xl_cell sm_no(xl_ctx *c, size_t i)
{
    return xl_text(whole(c, i) ? "All" : sp_arena_printf(&c->arena, "Area %zu", i + 1));
}
static xl_cell sm_name(xl_ctx *c, size_t i) { return xl_text(whole(c, i) ? "Whole plan" : PLAN->areas.items[i].name); }
static xl_cell sm_assessment(xl_ctx *c, size_t i)
{
    if (whole(c, i))
        return xl_text(NULL);
    static const sp_status fill[] = {SP_GREEN, SP_AMBER, SP_RED, SP_BLUE};
    sp_area_assessment a = AR(c, i)->assessment;
    return (xl_cell){.kind = XL_STATUS, .text = sp_area_assessment_word(a), .status = fill[a]};
}
static xl_cell sm_reason(xl_ctx *c, size_t i) { return xl_text(whole(c, i) ? AS->overall : AR(c, i)->reason); }
static xl_cell sm_blue(xl_ctx *c, size_t i) { return xl_int((long)sm_counts(c, i)->blue); }
static xl_cell sm_green(xl_ctx *c, size_t i) { return xl_int((long)sm_counts(c, i)->green); }
static xl_cell sm_amber(xl_ctx *c, size_t i) { return xl_int((long)sm_counts(c, i)->amber); }
static xl_cell sm_red(xl_ctx *c, size_t i) { return xl_int((long)sm_counts(c, i)->red); }
static xl_cell sm_grey(xl_ctx *c, size_t i) { return xl_int((long)sm_counts(c, i)->grey); }
static xl_cell sm_total(xl_ctx *c, size_t i) { return xl_int((long)sm_counts(c, i)->total); }
static xl_cell sm_complete(xl_ctx *c, size_t i)
{
    const sp_counts *n = sm_counts(c, i);
    if (whole(c, i))
        return xl_percent(n->total > 0, n->total ? 100.0 * (double)n->blue / (double)n->total : 0);
    return xl_percent(true, AR(c, i)->percent_complete);
}
static xl_cell sm_on_time(xl_ctx *c, size_t i)
{
    return whole(c, i) ? xl_text(NULL) : xl_percent(AR(c, i)->has_percent_on_time, AR(c, i)->percent_on_time);
}
static long area_kpis(xl_ctx *c, size_t i, sp_status s)
{
    if (whole(c, i)) {
        const sp_counts *k = &AS->kpi_counts;
        return (long)(s == SP_BLUE ? k->blue : s == SP_GREEN ? k->green : s == SP_AMBER ? k->amber
                      : s == SP_RED ? k->red : k->grey);
    }
    long n = 0;
    for (size_t j = 0; j < AR(c, i)->n_kpis; j++)
        n += KR(AR(c, i)->kpis[j])->rag == s;
    return n;
}
static xl_cell sm_k_blue(xl_ctx *c, size_t i) { return xl_int(area_kpis(c, i, SP_BLUE)); }
static xl_cell sm_k_green(xl_ctx *c, size_t i) { return xl_int(area_kpis(c, i, SP_GREEN)); }
static xl_cell sm_k_amber(xl_ctx *c, size_t i) { return xl_int(area_kpis(c, i, SP_AMBER)); }
static xl_cell sm_k_red(xl_ctx *c, size_t i) { return xl_int(area_kpis(c, i, SP_RED)); }
static xl_cell sm_k_grey(xl_ctx *c, size_t i) { return xl_int(area_kpis(c, i, SP_GREY)); }

static const xl_column SUMMARY_COLUMNS[] = {
    {"No.", sm_no},
    {"Area", sm_name},
    {"Assessment", sm_assessment},
    {"Why", sm_reason},
    {"Blue (complete)", sm_blue},
    {"Green (on track)", sm_green},
    {"Amber (slipped)", sm_amber},
    {"Red (overdue)", sm_red},
    {"Grey (no date)", sm_grey},
    {"Milestones", sm_total},
    {"Complete", sm_complete},
    {"Due milestones done on time", sm_on_time},
    {"KPIs Blue", sm_k_blue},
    {"KPIs Green", sm_k_green},
    {"KPIs Amber", sm_k_amber},
    {"KPIs Red", sm_k_red},
    {"KPIs Grey", sm_k_grey},
};
enum { SUMMARY_FIRST_COUNT = 4, SUMMARY_FIRST_KPI = 12, TABLE_ROW = 3 };

static void summary_charts(xl_ctx *c, lxw_worksheet *ws, size_t n_areas)
{
    static const sp_status order[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    const char *sheet = "Summary";
    lxw_row_t first = TABLE_ROW + 1, last = (lxw_row_t)(TABLE_ROW + n_areas);

    lxw_chart *bar = workbook_add_chart(c->wb, LXW_CHART_BAR_STACKED);
    for (int s = 0; s < 5; s++) {
        lxw_chart_series *series = chart_add_series(bar, NULL, NULL);
        chart_series_set_categories(series, sheet, first, 0, last, 0);
        chart_series_set_values(series, sheet, first, (lxw_col_t)(SUMMARY_FIRST_COUNT + s), last,
                                (lxw_col_t)(SUMMARY_FIRST_COUNT + s));
        chart_series_set_name_range(series, sheet, TABLE_ROW, (lxw_col_t)(SUMMARY_FIRST_COUNT + s));
        lxw_chart_fill fill = {.color = sp_status_strong(order[s])};
        chart_series_set_fill(series, &fill);
        chart_series_set_labels(series);
        lxw_chart_font font = {.color = sp_status_strong_text(order[s]), .bold = LXW_TRUE};
        chart_series_set_labels_font(series, &font);
    }
    chart_title_set_name(bar, "Milestones by derived status, per area");
    chart_axis_set_reverse(bar->y_axis); /* Area 1 at the top, as in the table */
    chart_legend_set_position(bar, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options bar_opt = {
        .x_scale = 1.4, .y_scale = 1.2,
        .description = "Stacked bar chart: for each area, the number of milestones that are Blue (complete), Green "
                       "(on track), Amber (slipped), Red (overdue) and Grey (no date). The same figures are in the "
                       "table on this sheet."};
    worksheet_insert_chart_opt(ws, 1, (lxw_col_t)(sizeof SUMMARY_COLUMNS / sizeof *SUMMARY_COLUMNS + 1), bar,
                               &bar_opt);

    lxw_chart *col = workbook_add_chart(c->wb, LXW_CHART_COLUMN);
    lxw_chart_series *series = chart_add_series(col, NULL, NULL);
    lxw_row_t plan_row = (lxw_row_t)(TABLE_ROW + n_areas + 1);
    chart_series_set_categories(series, sheet, TABLE_ROW, SUMMARY_FIRST_KPI, TABLE_ROW, SUMMARY_FIRST_KPI + 4);
    chart_series_set_values(series, sheet, plan_row, SUMMARY_FIRST_KPI, plan_row, SUMMARY_FIRST_KPI + 4);
    chart_series_set_name(series, "KPIs");
    lxw_chart_fill fills[5];
    lxw_chart_point points[5], *point_ptrs[6];
    for (int s = 0; s < 5; s++) {
        fills[s] = (lxw_chart_fill){.color = sp_status_strong(order[s])};
        points[s] = (lxw_chart_point){.fill = &fills[s]};
        point_ptrs[s] = &points[s];
    }
    point_ptrs[5] = NULL;
    chart_series_set_points(series, point_ptrs);
    chart_series_set_labels(series);
    chart_title_set_name(col, "KPIs by RAG, whole plan");
    chart_legend_set_position(col, LXW_CHART_LEGEND_NONE);
    lxw_chart_options col_opt = {
        .x_scale = 1.0, .y_scale = 1.0,
        .description = "Column chart: the number of KPIs rated Blue, Green, Amber, Red and Grey across the whole "
                       "plan. The same figures are in the Whole plan row of the table on this sheet."};
    worksheet_insert_chart_opt(ws, 20, (lxw_col_t)(sizeof SUMMARY_COLUMNS / sizeof *SUMMARY_COLUMNS + 1), col,
                               &col_opt);
}

/* ---- Key: the BRAG key, how each figure is computed, and the notes ---------------------- */

static xl_cell key_term(xl_ctx *c, size_t i)
{
    (void)c;
    if (i >= SP_N_KEY_ROWS)
        return xl_text(i - SP_N_KEY_ROWS == 0 ? "[note 1]" : "[note 2]");
    if (SP_KEY_ROWS[i].status)
        return xl_status(SP_KEY_ROWS[i].status);
    return xl_text(SP_KEY_ROWS[i].term);
}
static xl_cell key_meaning(xl_ctx *c, size_t i)
{
    if (i >= SP_N_KEY_ROWS)
        return xl_text(i - SP_N_KEY_ROWS == 0 ? SP_NOTE_DERIVED : SP_NOTE_ILLUSTRATIVE);
    (void)c;
    return xl_text(SP_KEY_ROWS[i].meaning);
}
static const xl_column KEY_COLUMNS[] = {{"Term", key_term}, {"Meaning", key_meaning}};

/* ---- Cover and Contents ---------------------------------------------------------------- */

typedef struct sheet_entry {
    const char *name, *description;
} sheet_entry;

static xl_cell ct_sheet(xl_ctx *c, size_t i);
static xl_cell ct_desc(xl_ctx *c, size_t i);
static const xl_column CONTENTS_COLUMNS[] = {{"Sheet", ct_sheet}, {"What it holds", ct_desc}};
static sheet_entry contents[12];
static xl_cell ct_sheet(xl_ctx *c, size_t i)
{
    (void)c;
    return (xl_cell){.kind = XL_LINK, .text = contents[i].name};
}
static xl_cell ct_desc(xl_ctx *c, size_t i)
{
    (void)c;
    return xl_text(contents[i].description);
}

static void cover_sheet(xl_ctx *c, size_t n_contents)
{
    lxw_worksheet *ws = workbook_add_worksheet(c->wb, "Cover");
    const sp_plan *p = PLAN;
    char date[20], start[20];
    sp_date_long(AS->as_of, date);
    sp_date_long(p->info.start, start);
    worksheet_write_string(ws, 0, 0, p->info.title, c->title);
    xl_write_text(c, ws, 1, 0, "Monitoring pack: progress against the plan's actions and KPIs", c->subtitle);
    const char *contents_text = "";
    for (size_t i = 0; i < n_contents; i++)
        contents_text = sp_arena_printf(&c->arena, "%s%s%s", contents_text, i ? ", " : "", contents[i].name);
    const char *rows[][2] = {
        {"Plan", sp_plan_kind_name(p->info.kind)},
        {"Local area", p->info.area},
        {"Report date", date},
        {"Plan start (baseline date)", start},
        {"Organisations", p->info.organisations},
        {"Source files", sp_arena_printf(&c->arena, "plan.ini, actions.csv, kpis.csv%s%s (folder %s)",
                                         p->has_values_file ? ", kpi_values.csv" : "",
                                         p->has_risks_file ? ", risks.csv" : "", p->name)},
        {"Position", AS->overall},
        {"This workbook contains", contents_text},
        {"Cohort", AS->rules.cohort ? AS->rules.cohort : "All ages"},
        {"About the figures", p->values_illustrative ? SP_NOTE_ILLUSTRATIVE : "Figures are as exported by the plan's owners."},
        {"Contact", p->info.organisations},
        {"Produced by", "sendpack " SENDPACK_VERSION " from the exports above; every figure has a source row."},
    };
    static const double widths[] = {28, 90};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        worksheet_write_string(ws, (lxw_row_t)(3 + i), 0, rows[i][0], c->label);
        xl_write_text(c, ws, (int)(3 + i), 1, rows[i][1], c->text);
        xl_fit_row(c, ws, (int)(3 + i), rows[i], widths, 2);
    }
    worksheet_set_column(ws, 0, 0, widths[0], NULL);
    worksheet_set_column(ws, 1, 1, widths[1], NULL);
    worksheet_set_portrait(ws);
    xl_print_setup(c, ws, -1);
    worksheet_set_portrait(ws);
}

static size_t *iota(xl_ctx *c, size_t n)
{
    size_t *rows = sp_arena_alloc(&c->arena, (n + 1) * sizeof *rows);
    for (size_t i = 0; i < n; i++)
        rows[i] = i;
    return rows;
}

#define N(a) (sizeof(a) / sizeof *(a))

bool sp_render_xlsx(const sp_report *r, const char *path, char *err, size_t errlen)
{
    lxw_workbook_options wopt = {.constant_memory = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(path, &wopt);
    if (!wb) {
        snprintf(err, errlen, "cannot create the workbook %s", path);
        return false;
    }
    xl_ctx ctx, *c = &ctx;
    xl_ctx_init(c, wb, r);
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    char date[20];
    sp_date_long(a->as_of, date);

    /* document properties; created = the report date, so the same input gives the same bytes */
    lxw_doc_properties props = {
        .title = (char *)p->info.title,
        .subject = sp_arena_printf(&c->arena, "SEND improvement plan monitoring pack, report date %s", date),
        .author = (char *)p->info.organisations,
        .company = (char *)p->info.organisations,
        .category = "SEND improvement plan",
        .keywords = "SEND, WSoA, APP, monitoring, KPI",
        .comments = "Generated by sendpack from the plan's CSV exports.",
        .created = (time_t)a->as_of * 86400,
    };
    workbook_set_properties(wb, &props);

    /* the lists each sheet shows */
    size_t *milestones = sp_arena_alloc(&c->arena, (p->milestones.n + 1) * sizeof *milestones), n_ms = 0;
    for (size_t i = 0; i < p->milestones.n; i++)
        if (a->milestones[i].in_scope)
            milestones[n_ms++] = i;
    size_t *kpis = sp_arena_alloc(&c->arena, (p->kpis.n + 1) * sizeof *kpis), n_kpis = 0;
    for (size_t i = 0; i < p->kpis.n; i++)
        if (a->kpis[i].in_scope)
            kpis[n_kpis++] = i;
    size_t *areas = sp_arena_alloc(&c->arena, (p->areas.n + 2) * sizeof *areas), n_areas = 0;
    for (size_t i = 0; i < p->areas.n; i++)
        if (a->areas[i].counts.total)
            areas[n_areas++] = i;
    areas[n_areas] = p->areas.n; /* the Whole plan row */

    size_t n_contents = 0;
    contents[n_contents++] = (sheet_entry){"Contents", "This list, with a link to each sheet."};
    contents[n_contents++] = (sheet_entry){"Summary", "Each area's assessment, milestone counts by status and KPI RAG "
                                                      "counts, with charts."};
    contents[n_contents++] = (sheet_entry){"Actions", "One row per milestone: deadlines, reported and derived status, "
                                                      "challenges and progress."};
    contents[n_contents++] = (sheet_entry){"KPIs", "The impact scorecard: baseline, 3, 6 and 12-month targets, latest "
                                                   "value, trajectory and RAG."};
    contents[n_contents++] = (sheet_entry){"Exceptions", "What needs attention, worst first: overdue, slipped and "
                                                         "challenged milestones, Red and Amber KPIs."};
    if (p->has_risks_file)
        contents[n_contents++] = (sheet_entry){"Risks", "The risk register with mitigations."};
    contents[n_contents++] = (sheet_entry){"Data quality", "Every warning found in the exports, with where to fix it."};
    contents[n_contents++] = (sheet_entry){"Key", "The BRAG key, how each figure is computed, and the notes."};

    cover_sheet(c, n_contents);
    xl_table_sheet(c, &(xl_sheet_spec){"Contents", "Contents", "Each sheet of this workbook, with a link to it.",
                                       "contents", CONTENTS_COLUMNS, N(CONTENTS_COLUMNS), iota(c, n_contents),
                                       n_contents, ""});
    lxw_worksheet *summary = xl_table_sheet(
        c, &(xl_sheet_spec){"Summary", "Summary: the plan at a glance",
                            sp_arena_printf(&c->arena, "%s Counts are milestones by derived status [note 1].",
                                            a->overall),
                            "summary", SUMMARY_COLUMNS, N(SUMMARY_COLUMNS), areas, n_areas + 1, ""});
    summary_charts(c, summary, n_areas);
    xl_table_sheet(c, &(xl_sheet_spec){"Actions", "Actions and milestones",
                                       "One row per milestone, by area and action. Derived status and challenges: "
                                       "see [note 1] on the Key sheet.",
                                       "actions", ACTION_COLUMNS, N(ACTION_COLUMNS), milestones, n_ms,
                                       "The plan has no milestones."});
    xl_table_sheet(c, &(xl_sheet_spec){"KPIs", "KPIs: the impact scorecard",
                                       p->values_illustrative
                                           ? "One row per KPI. The values are illustrative, not published figures "
                                             "[note 2]."
                                           : "One row per KPI, judged at the report date.",
                                       "kpis", KPI_COLUMNS, N(KPI_COLUMNS), kpis, n_kpis, "The plan has no KPIs."});
    xl_table_sheet(c, &(xl_sheet_spec){"Exceptions", "Exceptions: what needs attention",
                                       "Worst first: Red before Amber, challenged before unchallenged, longest "
                                       "overdue first [note 1].",
                                       "exceptions", EXCEPTION_COLUMNS, N(EXCEPTION_COLUMNS),
                                       iota(c, a->n_exceptions), a->n_exceptions,
                                       "Nothing is overdue, slipped, challenged, Red or Amber at this report date."});
    if (p->has_risks_file)
        xl_table_sheet(c, &(xl_sheet_spec){"Risks", "Risk register", "As recorded in risks.csv.", "risks",
                                           RISK_COLUMNS, N(RISK_COLUMNS), iota(c, p->risks.n), p->risks.n,
                                           "The register is empty."});
    size_t n_diags = r->diags ? r->diags->list.n : 0;
    xl_table_sheet(c, &(xl_sheet_spec){"Data quality", "Data quality",
                                       "Warnings found when reading the exports: fix them at the file, line and "
                                       "column given.",
                                       "data_quality", QUALITY_COLUMNS, N(QUALITY_COLUMNS), iota(c, n_diags), n_diags,
                                       "No warnings: the exports are complete."});
    size_t n_key = SP_N_KEY_ROWS + (p->values_illustrative ? 2 : 1);
    xl_table_sheet(c, &(xl_sheet_spec){"Key", "Key: what the colours and figures mean",
                                       "Every status cell says its word as well as its colour.", "key", KEY_COLUMNS,
                                       N(KEY_COLUMNS), iota(c, n_key), n_key, ""});

    lxw_error rc = workbook_close(wb);
    if (c->truncated)
        fprintf(stderr, "sendpack: warning: %zu cell%s longer than Excel allows %s cut, with a marker\n",
                c->truncated, c->truncated == 1 ? "" : "s", c->truncated == 1 ? "was" : "were");
    sp_arena_free(&c->arena);
    if (rc != LXW_NO_ERROR) {
        snprintf(err, errlen, "cannot write the workbook: %s", lxw_strerror(rc));
        return false;
    }
    return true;
}
