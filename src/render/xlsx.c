/*
 * xlsx.c - the workbook: Cover and Contents, then the sheets the template names, in its
 * order (Summary, Changes, Actions, KPIs, SPC, Exceptions, Cohort, Plain, Risks, Data quality,
 * Key), each an accessible sheet (Government Analysis Function checklist) with one table.
 * Every figure is read from the assessment; this file only chooses what goes where.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "render/key.h"
#include "render/report.h"
#include "render/style.h"
#include "render/xlsx_sheets.h"
#include "render/xlsx_table.h"
#include "util/format.h"

#define PLAN (c->r->plan)
#define AS (c->r->assessment)
#define TMPL (c->r->tmpl)
#define MS(i) (&PLAN->milestones.items[i])
#define MR(i) (&AS->milestones[i])
#define KP(i) (&PLAN->kpis.items[i])
#define KR(i) (&AS->kpis[i])
#define N(a) (sizeof(a) / sizeof *(a))

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
    return xl_status(fill[a], sp_report_assessment(c->r, a));
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
        return xl_percent(n->total > 0, AS->percent_complete);
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
        chart_series_set_labels_num_format(series, "#,##0;-#,##0;;"); /* no "0" on empty segments */
        lxw_chart_font font = {.color = sp_status_strong_text(order[s]), .bold = LXW_TRUE};
        chart_series_set_labels_font(series, &font);
    }
    /* counts: whole-number steps from zero */
    size_t most = 1;
    for (size_t i = 0; i < PLAN->areas.n; i++)
        most = AS->areas[i].counts.total > most ? AS->areas[i].counts.total : most;
    chart_axis_set_min(bar->x_axis, 0);
    chart_axis_set_major_unit(bar->x_axis, most <= 10 ? 1 : (double)((most + 4) / 5));
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
    chart_axis_set_min(col->y_axis, 0);
    chart_axis_set_major_unit(col->y_axis, AS->kpi_counts.total <= 10 ? 1 : (double)((AS->kpi_counts.total + 4) / 5));
    chart_title_set_name(col, "KPIs by RAG, whole plan");
    chart_legend_set_position(col, LXW_CHART_LEGEND_NONE);
    lxw_chart_options col_opt = {
        .x_scale = 1.0, .y_scale = 1.0,
        .description = "Column chart: the number of KPIs rated Blue, Green, Amber, Red and Grey across the whole "
                       "plan. The same figures are in the Whole plan row of the table on this sheet."};
    worksheet_insert_chart_opt(ws, 20, (lxw_col_t)(sizeof SUMMARY_COLUMNS / sizeof *SUMMARY_COLUMNS + 1), col,
                               &col_opt);
}

/* ---- Key --------------------------------------------------------------------------------- */

/* The full key: the BRAG rows, how each figure is computed, and the notes. */
static xl_cell key_term(xl_ctx *c, size_t i)
{
    if (i >= SP_N_KEY_ROWS)
        return xl_text(i - SP_N_KEY_ROWS == 0 ? "[note 1]" : "[note 2]");
    if (SP_KEY_ROWS[i].status)
        return xl_status_of(c, SP_KEY_ROWS[i].status);
    return xl_text(SP_KEY_ROWS[i].term);
}
static xl_cell key_meaning(xl_ctx *c, size_t i)
{
    (void)c;
    if (i >= SP_N_KEY_ROWS)
        return xl_text(i - SP_N_KEY_ROWS == 0 ? SP_NOTE_DERIVED : SP_NOTE_ILLUSTRATIVE);
    return xl_text(SP_KEY_ROWS[i].meaning);
}
static const xl_column KEY_COLUMNS[] = {{"Term", key_term}, {"Meaning", key_meaning}};

/* The plain key: one row per word the template uses, once each. */
static const char *const PLAIN_MEANING[] = {
    [SP_BLUE] = "We have finished this.",
    [SP_GREEN] = "This is happening as planned.",
    [SP_AMBER] = "This is taking longer than we planned.",
    [SP_RED] = "This has passed the date we set and is not finished.",
    [SP_GREY] = "We have not set a date for this yet.",
};
/* The statuses whose words the key explains, each word once: into rows, returning how many. */
static size_t plain_key_rows(xl_ctx *c, sp_status *rows)
{
    static const sp_status order[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    size_t n = 0;
    for (size_t k = 0; k < N(order); k++) {
        bool seen = false;
        for (size_t j = 0; j < n; j++)
            seen = seen || strcmp(sp_report_label(c->r, rows[j]), sp_report_label(c->r, order[k])) == 0;
        if (!seen)
            rows[n++] = order[k];
    }
    return n;
}
#define PK(i) (((const sp_status *)c->list)[i])
static xl_cell pk_word(xl_ctx *c, size_t i) { return xl_status_of(c, PK(i)); }
static xl_cell pk_meaning(xl_ctx *c, size_t i)
{
    sp_status s = PK(i);
    /* a word shared by Amber and Red means "late" */
    if (s == SP_AMBER && strcmp(sp_report_label(c->r, SP_AMBER), sp_report_label(c->r, SP_RED)) == 0)
        return xl_text("This is behind the date we planned.");
    return xl_text(PLAIN_MEANING[s]);
}
static const xl_column PLAIN_KEY_COLUMNS[] = {{"Word", pk_word}, {"What it means", pk_meaning}};

/* ---- Cohort: the focus age group's actions and KPIs in one list ---------------------------- */

typedef struct cohort_item {
    bool kpi;
    size_t index;
} cohort_item;

#define CO(i) (&((const cohort_item *)c->list)[i])
static xl_cell co_kind(xl_ctx *c, size_t i) { return xl_text(CO(i)->kpi ? "KPI" : "Milestone"); }
static xl_cell co_ref(xl_ctx *c, size_t i) { return xl_text(CO(i)->kpi ? KP(CO(i)->index)->ref : MS(CO(i)->index)->ref); }
static xl_cell co_what(xl_ctx *c, size_t i)
{
    return xl_text(CO(i)->kpi ? KP(CO(i)->index)->name : xl_milestone_title(c, CO(i)->index));
}
static xl_cell co_status(xl_ctx *c, size_t i)
{
    return xl_status_of(c, CO(i)->kpi ? KR(CO(i)->index)->rag : MR(CO(i)->index)->derived);
}
static xl_cell co_when(xl_ctx *c, size_t i)
{
    if (!CO(i)->kpi)
        return xl_date(MR(CO(i)->index)->effective_due);
    const sp_kpi_result *k = KR(CO(i)->index);
    if (!k->has_latest)
        return xl_text("No value yet");
    char v[64], m[16];
    sp_format_value(k->latest, KP(CO(i)->index)->unit, v, sizeof v);
    sp_date_month(PLAN->observations.items[k->latest_obs].period_end, m);
    return xl_text(sp_arena_printf(&c->arena, "%s in %s", v, m));
}
static xl_cell co_why(xl_ctx *c, size_t i)
{
    if (CO(i)->kpi)
        return xl_text(KR(CO(i)->index)->reason);
    const sp_milestone_result *m = MR(CO(i)->index);
    return xl_text(m->challenge ? sp_arena_printf(&c->arena, "%s.", m->challenge) : m->reason);
}
static xl_cell co_cohort(xl_ctx *c, size_t i)
{
    return xl_text(CO(i)->kpi ? KP(CO(i)->index)->cohort : PLAN->actions.items[MS(CO(i)->index)->action_index].cohort);
}
static const xl_column COHORT_COLUMNS[] = {
    {"Type", co_kind},   {"Ref", co_ref},
    {"What", co_what},   {"Age group", co_cohort},
    {"Status", co_status}, {"Due, or latest value", co_when},
    {"Why", co_why},
};

/* ---- Changes since the last report --------------------------------------------------------- */

#define CH(i) (&c->r->changes->items[i])
static xl_cell ch_kind(xl_ctx *c, size_t i) { return xl_text(sp_change_word(CH(i)->kind)); }
static xl_cell ch_ref(xl_ctx *c, size_t i) { return xl_text(CH(i)->ref); }
static xl_cell ch_what(xl_ctx *c, size_t i) { return xl_text(CH(i)->what); }
static xl_cell ch_from(xl_ctx *c, size_t i) { return xl_text(CH(i)->from); }
static xl_cell ch_to(xl_ctx *c, size_t i) { return xl_text(CH(i)->to); }
static xl_cell ch_detail(xl_ctx *c, size_t i) { return xl_text(CH(i)->sentence); }
static xl_cell ch_source(xl_ctx *c, size_t i)
{
    bool removed = CH(i)->kind == SP_CH_MILESTONE_REMOVED || CH(i)->kind == SP_CH_ACTION_REMOVED ||
                   CH(i)->kind == SP_CH_KPI_REMOVED || CH(i)->kind == SP_CH_RISK_CLOSED;
    const char *label = sp_source_label(&c->arena, CH(i)->source);
    return xl_text(removed ? sp_arena_printf(&c->arena, "%s (last period's export)", label) : label);
}
static const xl_column CHANGE_COLUMNS[] = {
    {"Change", ch_kind}, {"Ref", ch_ref}, {"What", ch_what}, {"Before", ch_from},
    {"Now", ch_to},      {"Detail", ch_detail}, {"Source row", ch_source},
};

/* ---- SPC: every point of every KPI with an XmR chart, and a line chart per KPI ------------- */

typedef struct spc_row {
    size_t kpi, point;
    sp_date period;
} spc_row;

#define SR(i) (&((const spc_row *)c->list)[i])
#define SPT(i) (&KR(SR(i)->kpi)->spc.points[SR(i)->point])
static xl_cell sr_ref(xl_ctx *c, size_t i) { return xl_text(KP(SR(i)->kpi)->ref); }
static xl_cell sr_period(xl_ctx *c, size_t i) { return xl_date(SR(i)->period); }
static xl_cell sr_value(xl_ctx *c, size_t i) { return xl_number(true, SPT(i)->value); }
static xl_cell sr_mean(xl_ctx *c, size_t i) { return xl_number(true, SPT(i)->mean); }
static xl_cell sr_upl(xl_ctx *c, size_t i) { return xl_number(true, SPT(i)->upl); }
static xl_cell sr_lpl(xl_ctx *c, size_t i) { return xl_number(true, SPT(i)->lpl); }
static xl_cell sr_type(xl_ctx *c, size_t i)
{
    static const char *const words[] = {"Common cause", "Special cause: improvement", "Special cause: concern",
                                        "Special cause: high", "Special cause: low"};
    return xl_text(words[SPT(i)->kind]);
}
static xl_cell sr_rules(xl_ctx *c, size_t i)
{
    const sp_spc_point *pt = SPT(i);
    const char *s = "";
    if (pt->outside)
        s = "outside the limits";
    if (pt->shift)
        s = sp_arena_printf(&c->arena, "%s%sshift", s, s[0] ? "; " : "");
    if (pt->trend)
        s = sp_arena_printf(&c->arena, "%s%strend", s, s[0] ? "; " : "");
    if (pt->two_of_three)
        s = sp_arena_printf(&c->arena, "%s%stwo of three near a limit", s, s[0] ? "; " : "");
    return xl_text(s);
}
static const xl_column SPC_COLUMNS[] = {
    {"KPI", sr_ref},  {"Period", sr_period}, {"Value", sr_value},  {"Mean", sr_mean},
    {"Upper process limit", sr_upl}, {"Lower process limit", sr_lpl}, {"Point", sr_type}, {"Rules", sr_rules},
};

static void spc_charts(xl_ctx *c, lxw_worksheet *ws, const spc_row *rows, size_t n)
{
    const char *sheet = "SPC";
    size_t start = 0, chart_no = 0;
    while (start < n) {
        size_t end = start;
        while (end < n && rows[end].kpi == rows[start].kpi)
            end++;
        const sp_kpi *k = KP(rows[start].kpi);
        lxw_chart *chart = workbook_add_chart(c->wb, LXW_CHART_LINE);
        static const char *const names[] = {"Value", "Mean", "Upper process limit", "Lower process limit"};
        static const unsigned colours[] = {0x1F3864, 0x404040, 0x7F7F7F, 0x7F7F7F};
        lxw_row_t first = (lxw_row_t)(4 + start), last = (lxw_row_t)(4 + end - 1);
        for (int sidx = 0; sidx < 4; sidx++) {
            lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
            chart_series_set_categories(series, sheet, first, 1, last, 1);
            chart_series_set_values(series, sheet, first, (lxw_col_t)(2 + sidx), last, (lxw_col_t)(2 + sidx));
            chart_series_set_name(series, names[sidx]);
            lxw_chart_line line = {.color = colours[sidx], .width = sidx ? 1.0 : 1.75,
                                   .dash_type = sidx >= 2 ? LXW_CHART_LINE_DASH_DASH : LXW_CHART_LINE_DASH_SOLID};
            chart_series_set_line(series, &line);
            if (sidx == 0) {
                lxw_chart_marker marker = {.type = LXW_CHART_MARKER_CIRCLE, .size = 5};
                chart_series_set_marker_type(series, marker.type);
                chart_series_set_marker_size(series, marker.size);
            } else {
                chart_series_set_marker_type(series, LXW_CHART_MARKER_NONE);
            }
        }
        /* the y axis spans the values and limits, not zero upwards: the variation is the point */
        double lo = 1e300, hi = -1e300;
        for (size_t i = start; i < end; i++) {
            const sp_spc_point *pt = &KR(rows[i].kpi)->spc.points[rows[i].point];
            lo = pt->value < lo ? pt->value : lo;
            lo = pt->lpl < lo ? pt->lpl : lo;
            hi = pt->value > hi ? pt->value : hi;
            hi = pt->upl > hi ? pt->upl : hi;
        }
        double pad = (hi - lo) * 0.1 + 1e-9;
        chart_axis_set_min(chart->y_axis, floor(lo - pad));
        chart_axis_set_max(chart->y_axis, ceil(hi + pad));
        chart_title_set_name(chart, sp_arena_printf(&c->arena, "%s: XmR chart", k->ref));
        chart_axis_set_num_format(chart->x_axis, "mmm yyyy");
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options opt = {
            .x_scale = 1.3, .y_scale = 1.1,
            .description = sp_arena_printf(&c->arena,
                                           "Line chart of %s by month, with its mean and upper and lower process "
                                           "limits. Variation: %s. The values and each point's reading are in the "
                                           "table on this sheet.",
                                           k->ref, KR(rows[start].kpi)->spc.variation_text)};
        worksheet_insert_chart_opt(ws, (lxw_row_t)(1 + chart_no * 18), (lxw_col_t)(N(SPC_COLUMNS) + 1), chart, &opt);
        chart_no++;
        start = end;
    }
}

/* ---- Plain: for families, one row per area ------------------------------------------------ */

static const char *bullets(xl_ctx *c, const char *list, const char *item)
{
    return list[0] ? sp_arena_printf(&c->arena, "%s\n• %s", list, item) : sp_arena_printf(&c->arena, "• %s", item);
}
static xl_cell pl_area(xl_ctx *c, size_t i) { return xl_text(PLAN->areas.items[i].name); }
static xl_cell pl_how(xl_ctx *c, size_t i)
{
    static const sp_status fill[] = {SP_GREEN, SP_AMBER, SP_RED, SP_BLUE};
    sp_area_assessment a = AS->areas[i].assessment;
    return xl_status(fill[a], sp_report_assessment(c->r, a));
}
static xl_cell pl_said(xl_ctx *c, size_t i)
{
    const sp_area *area = &PLAN->areas.items[i];
    const char *list = "";
    for (size_t j = area->first_action; j < area->first_action + area->n_actions; j++)
        if (AS->actions[j].in_scope)
            list = bullets(c, list, PLAN->actions.items[j].text);
    return xl_text(list);
}
static xl_cell pl_done(xl_ctx *c, size_t i)
{
    const sp_area *area = &PLAN->areas.items[i];
    const char *list = "";
    for (size_t m = area->first_milestone; m < area->first_milestone + area->n_milestones; m++)
        if (MR(m)->in_scope && MR(m)->complete)
            list = bullets(c, list, xl_milestone_title(c, m));
    return xl_text(list[0] ? list : "Nothing is finished yet.");
}
static xl_cell pl_next(xl_ctx *c, size_t i)
{
    const sp_area *area = &PLAN->areas.items[i];
    const char *list = "";
    for (size_t m = area->first_milestone; m < area->first_milestone + area->n_milestones; m++) {
        const sp_milestone_result *r = MR(m);
        if (!r->in_scope || r->complete)
            continue;
        char month[16];
        const char *when = "date to be set";
        if (r->effective_due != SP_NO_DATE) {
            sp_date_month(r->effective_due, month);
            when = month;
        }
        list = bullets(c, list, sp_arena_printf(&c->arena, "%s (by %s: %s)", xl_milestone_title(c, m), when,
                                                sp_report_label(c->r, r->derived)));
    }
    return xl_text(list[0] ? list : "Everything here is finished.");
}
static const xl_column PLAIN_COLUMNS[] = {
    {"Area", pl_area},
    {"How it is going", pl_how},
    {"What we said we would do", pl_said},
    {"What we have done", pl_done},
    {"What happens next", pl_next},
};

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
    worksheet_write_string(ws, 0, 0, title, c->title);
    xl_write_text(c, ws, 1, 0, TMPL->audience[0] ? TMPL->audience : "Monitoring pack: progress against the plan's actions and KPIs",
                  c->subtitle);
    const char *contents_text = "";
    for (size_t i = 0; i < n_contents; i++)
        contents_text = sp_arena_printf(&c->arena, "%s%s%s", contents_text, i ? ", " : "", contents[i].name);
    const char *about = p->values_illustrative ? SP_NOTE_ILLUSTRATIVE : "Figures are as exported by the plan's owners.";
    const char *rows[16][2];
    size_t n = 0;
#define ROW(a, b) (rows[n][0] = (a), rows[n][1] = (b), n++)
    if (TMPL->plain_english) {
        ROW("Plan", p->info.title);
        ROW("Local area", p->info.area);
        ROW("Information up to", date);
        ROW("In short", sp_plain_position(c->r, &c->arena));
        ROW("This workbook contains", contents_text);
        ROW("About the figures", about);
        ROW("Who is doing this", p->info.organisations);
    } else {
        ROW("Plan", sp_arena_printf(&c->arena, "%s (%s)", p->info.title, sp_plan_kind_name(p->info.kind)));
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
    static const double widths[] = {28, 90};
    for (size_t i = 0; i < n; i++) {
        worksheet_write_string(ws, (lxw_row_t)(3 + i), 0, rows[i][0], c->label);
        xl_write_text(c, ws, (int)(3 + i), 1, rows[i][1], c->text);
        xl_fit_row(c, ws, (int)(3 + i), rows[i], widths, 2);
    }
    worksheet_set_column(ws, 0, 0, widths[0], NULL);
    worksheet_set_column(ws, 1, 1, widths[1], NULL);
    xl_print_setup(c, ws, -1);
    worksheet_set_portrait(ws);
}

/* ---- the workbook ------------------------------------------------------------------------- */

static const char *date_text_of(xl_ctx *c, sp_date d)
{
    char buf[20];
    sp_date_long(d, buf);
    return sp_arena_strdup(&c->arena, buf);
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

    /* the rows of each list */
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
    cohort_item *cohort = sp_arena_alloc(&c->arena, (p->milestones.n + p->kpis.n + 1) * sizeof *cohort);
    size_t n_cohort = 0;
    for (size_t i = 0; i < p->kpis.n; i++)
        if (a->kpis[i].in_focus)
            cohort[n_cohort++] = (cohort_item){true, i};
    for (size_t i = 0; i < p->milestones.n; i++)
        if (a->milestones[i].in_focus)
            cohort[n_cohort++] = (cohort_item){false, i};
    size_t n_diags = r->diags ? r->diags->list.n : 0;
    size_t n_spc = 0;
    for (size_t i = 0; i < p->kpis.n; i++)
        if (a->kpis[i].in_scope && a->kpis[i].spc.computed)
            n_spc += a->kpis[i].spc.n;
    spc_row *spc = sp_arena_alloc(&c->arena, (n_spc + 1) * sizeof *spc);
    n_spc = 0;
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_scope || !kr->spc.computed)
            continue;
        const sp_kpi *k = &p->kpis.items[i];
        size_t point = 0;
        for (size_t o = k->first_obs; o < k->first_obs + k->n_obs && point < kr->spc.n; o++) {
            if (a->obs_counted[o])
                spc[n_spc++] = (spc_row){i, point++, p->observations.items[o].period_end};
        }
    }
    const char *focus = a->rules.focus_cohort ? a->rules.focus_cohort : "";
    sp_status *plain_rows = sp_arena_alloc(&c->arena, (SP_GREY + 1) * sizeof *plain_rows);
    size_t n_plain_rows = plain_key_rows(c, plain_rows);

    sheet_plan sheets[SP_N_SHEETS] = {
        [SP_SHEET_SUMMARY] = {SP_SHEET_SUMMARY,
                              {"Summary", "Summary: the plan at a glance",
                               sp_arena_printf(&c->arena, "%s Counts are milestones by derived status [note 1].", a->overall),
                               "summary", SUMMARY_COLUMNS, N(SUMMARY_COLUMNS), areas, n_areas + 1, ""},
                              NULL, true},
        [SP_SHEET_CHANGES] = {SP_SHEET_CHANGES,
                              {"Changes", "Since the last report",
                               r->changes ? sp_arena_printf(&c->arena,
                                                            "What moved since the last report (%s): each row of this "
                                                            "export compared with last period's.",
                                                            date_text_of(c, r->changes->previous_as_of))
                                          : "",
                               "changes", CHANGE_COLUMNS, N(CHANGE_COLUMNS), iota(c, r->changes ? r->changes->n : 0),
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
                            kpis, n_kpis, "The plan has no KPIs."},
                           NULL, true},
        [SP_SHEET_SPC] = {SP_SHEET_SPC,
                          {"SPC", "Statistical process control: XmR points",
                           "Every point of each KPI with enough monthly values (NHS England \"Making Data Count\"): "
                           "mean, process limits and each point's reading; a chart per KPI beside the table.",
                           "spc", SPC_COLUMNS, N(SPC_COLUMNS), iota(c, n_spc), n_spc, ""},
                          spc, n_spc > 0},
        [SP_SHEET_EXCEPTIONS] = {SP_SHEET_EXCEPTIONS,
                                 {"Exceptions", "Exceptions: what needs attention",
                                  "Worst first: Red before Amber, challenged before unchallenged, longest overdue "
                                  "first [note 1].",
                                  "exceptions", XL_EXCEPTION_COLUMNS, XL_N_EXCEPTION_COLUMNS, iota(c, a->n_exceptions),
                                  a->n_exceptions,
                                  "Nothing is overdue, slipped, challenged, Red or Amber at this report date."},
                                 NULL, true},
        [SP_SHEET_COHORT] = {SP_SHEET_COHORT,
                             {"Cohort", sp_arena_printf(&c->arena, "Young people aged %s: actions and KPIs", focus),
                              sp_arena_printf(&c->arena,
                                              "Every KPI and milestone for the %s age group in one list: the single "
                                              "view of outcomes the inspectors asked for.",
                                              focus),
                              "cohort", COHORT_COLUMNS, N(COHORT_COLUMNS), iota(c, n_cohort), n_cohort,
                              "No action or KPI of the plan names this age group."},
                             cohort, a->rules.focus_cohort != NULL},
        [SP_SHEET_PLAIN] = {SP_SHEET_PLAIN,
                            {"What we are doing", "What we said, what we have done, what happens next",
                             "One row for each part of the plan.", "progress_by_area", PLAIN_COLUMNS, N(PLAIN_COLUMNS),
                             areas, n_areas, "The plan has no actions yet."},
                            NULL, true},
        [SP_SHEET_RISKS] = {SP_SHEET_RISKS,
                            {"Risks", "Risk register", "As recorded in risks.csv.", "risks", XL_RISK_COLUMNS,
                             XL_N_RISK_COLUMNS, iota(c, p->risks.n), p->risks.n, "The register is empty."},
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
                                                "Each word is shown with its colour.", "key", PLAIN_KEY_COLUMNS,
                                                N(PLAIN_KEY_COLUMNS), iota(c, 5), n_plain_rows, ""}
                              : (xl_sheet_spec){"Key", "Key: what the colours and figures mean",
                                                "Every status cell says its word as well as its colour.", "key",
                                                KEY_COLUMNS, N(KEY_COLUMNS),
                                                iota(c, SP_N_KEY_ROWS + 2),
                                                SP_N_KEY_ROWS + (p->values_illustrative ? 2 : 1), ""},
                          t->plain_english ? plain_rows : NULL, true},
    };
    static const char *const DESCRIPTIONS[SP_N_SHEETS] = {
        [SP_SHEET_SUMMARY] = "Each area's assessment, milestone counts by status and KPI RAG counts, with charts.",
        [SP_SHEET_CHANGES] = "What moved since the last report: completions, new overdue items, revised deadlines, "
                             "status and KPI changes, new and removed rows.",
        [SP_SHEET_ACTIONS] = "One row per milestone: deadlines, reported and derived status, challenges and progress.",
        [SP_SHEET_KPIS] = "The impact scorecard: baseline, 3, 6 and 12-month targets, latest value, trajectory and RAG.",
        [SP_SHEET_SPC] = "Statistical process control: each KPI's points, mean and process limits, with charts.",
        [SP_SHEET_EXCEPTIONS] = "What needs attention, worst first: overdue, slipped and challenged milestones, Red and "
                                "Amber KPIs.",
        [SP_SHEET_COHORT] = "The focus age group's KPIs and milestones in one list.",
        [SP_SHEET_PLAIN] = "For each part of the plan: what we said we would do, what we have done, what happens next.",
        [SP_SHEET_RISKS] = "The risk register with mitigations.",
        [SP_SHEET_DATA_QUALITY] = "Every warning found in the exports, with where to fix it.",
        [SP_SHEET_KEY] = "What the colours, words and figures mean.",
    };

    sheet_entry contents[SP_N_SHEETS + 1];
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
            summary_charts(c, ws, n_areas);
        if (sp->sheet == SP_SHEET_SPC)
            spc_charts(c, ws, spc, n_spc);
    }

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
