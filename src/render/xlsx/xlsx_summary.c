/* xlsx_summary.c - the Summary sheet: one row per area and one for the whole plan, with charts. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "view/key.h"
#include "render/report.h"
#include "render/style.h"
#include "render/xlsx/xlsx_sheets.h"
#include "render/xlsx/xlsx_table.h"
#include "util/format.h"

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
    sp_area_assessment a = AR(c, i)->assessment;
    return xl_status(sp_assessment_tint(a), sp_report_assessment(c->r, a));
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
    return whole(c, i) ? xl_percent(AS->has_percent_on_time, AS->percent_on_time)
                       : xl_percent(AR(c, i)->has_percent_on_time, AR(c, i)->percent_on_time);
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

const xl_column XL_SUMMARY_COLUMNS[] = {
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
const size_t XL_N_SUMMARY_COLUMNS = sizeof XL_SUMMARY_COLUMNS / sizeof *XL_SUMMARY_COLUMNS;
enum { SUMMARY_FIRST_COUNT = 4, SUMMARY_FIRST_KPI = 12, TABLE_ROW = 3 };
/* libxlsxwriter's default chart is 480 x 288 pixels; the bar chart is drawn larger. */
#define CHART_W_PX 480
#define CHART_H_PX 288
#define CHART_GAP_PX 16
#define DEFAULT_ROW_PX 20
#define BAR_X_SCALE 1.4
#define BAR_Y_SCALE 1.2

void xl_summary_charts(xl_ctx *c, lxw_worksheet *ws, size_t n_areas)
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
    /* Both charts go under the table, side by side, where the sheet opens and inside the print
     * area: beside a table this wide they sat off-screen and were never printed. */
    lxw_row_t chart_row = (lxw_row_t)(XL_TABLE_LAST_ROW(n_areas + 1) + 2);
    lxw_chart_options bar_opt = {
        .x_scale = BAR_X_SCALE, .y_scale = BAR_Y_SCALE,
        .description = "Stacked bar chart: for each area, the number of milestones that are Blue (complete), Green "
                       "(on track), Amber (slipped), Red (overdue) and Grey (no date). The same figures are in the "
                       "table on this sheet."};
    worksheet_insert_chart_opt(ws, chart_row, 0, bar, &bar_opt);

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
        .x_offset = (int32_t)(CHART_W_PX * BAR_X_SCALE) + CHART_GAP_PX, .x_scale = 1.0, .y_scale = 1.0,
        .description = "Column chart: the number of KPIs rated Blue, Green, Amber, Red and Grey across the whole "
                       "plan. The same figures are in the Whole plan row of the table on this sheet."};
    worksheet_insert_chart_opt(ws, chart_row, 0, col, &col_opt);
    /* the print area takes in the charts' rows (default rows are 20 pixels high) */
    lxw_row_t chart_rows = (lxw_row_t)(CHART_H_PX * BAR_Y_SCALE / DEFAULT_ROW_PX) + 2;
    worksheet_print_area(ws, 0, 0, chart_row + chart_rows, (lxw_col_t)(XL_N_SUMMARY_COLUMNS - 1));
}

