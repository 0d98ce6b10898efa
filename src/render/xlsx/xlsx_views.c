/* xlsx_views.c - the Key, Cohort, Changes, SPC and plain-English sheets. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "view/key.h"
#include "render/report.h"
#include "view/families.h"
#include "render/style.h"
#include "render/xlsx/xlsx_sheets.h"
#include "render/xlsx/xlsx_table.h"
#include "util/format.h"

#define N(a) (sizeof(a) / sizeof *(a))

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
    return xl_text(sp_key_meaning(&SP_KEY_ROWS[i], &AS->rules, &c->arena));
}
const xl_column XL_KEY_COLUMNS[] = {{"Term", key_term}, {"Meaning", key_meaning}};
const size_t XL_N_KEY_COLUMNS = sizeof XL_KEY_COLUMNS / sizeof *XL_KEY_COLUMNS;

/* The plain key: one row per word the template uses, as the view lists them. */
#define PK(i) (&c->r->plain_key[i])
static xl_cell pk_word(xl_ctx *c, size_t i) { return xl_status(PK(i)->status, PK(i)->word); }
static xl_cell pk_meaning(xl_ctx *c, size_t i) { return xl_text(PK(i)->meaning); }
const xl_column XL_PLAIN_KEY_COLUMNS[] = {{"Word", pk_word}, {"What it means", pk_meaning}};

/* ---- Cohort: the focus age group's actions and KPIs in one list ---------------------------- */


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
static xl_cell co_why(xl_ctx *c, size_t i) { return xl_text(sp_report_why(c->r, &c->arena, CO(i)->kpi, CO(i)->index)); }
static xl_cell co_cohort(xl_ctx *c, size_t i)
{
    return xl_text(CO(i)->kpi ? KR(CO(i)->index)->cohort_reason : AS->actions[MS(CO(i)->index)->action_index].cohort_reason);
}
const xl_column XL_COHORT_COLUMNS[] = {
    {"Type", co_kind},   {"Ref", co_ref},
    {"What", co_what},   {"Why in this view", co_cohort},
    {"Status", co_status}, {"Due, or latest value", co_when},
    {"Why", co_why},
};
const size_t XL_N_COHORT_COLUMNS = sizeof XL_COHORT_COLUMNS / sizeof *XL_COHORT_COLUMNS;
const size_t XL_N_PLAIN_KEY_COLUMNS = sizeof XL_PLAIN_KEY_COLUMNS / sizeof *XL_PLAIN_KEY_COLUMNS;

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
const xl_column XL_CHANGE_COLUMNS[] = {
    {"Change", ch_kind}, {"Ref", ch_ref}, {"What", ch_what}, {"Before", ch_from},
    {"Now", ch_to},      {"Detail", ch_detail}, {"Source row", ch_source},
};
const size_t XL_N_CHANGE_COLUMNS = sizeof XL_CHANGE_COLUMNS / sizeof *XL_CHANGE_COLUMNS;

/* ---- SPC: every point of every KPI with an XmR chart, and a line chart per KPI ------------- */


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
/* The chart's mean and limit lines: a value at the first and last month of each phase (a run
 * of equal values, as a rebase restarts them) and blank between, which the chart spans. Each
 * line's number cache then holds two points a phase, not one a month: the caches were the
 * largest part of writing a national workbook. */
static xl_cell line_end(xl_ctx *c, size_t i, int line)
{
    const sp_spc *spc = &KR(SR(i)->kpi)->spc;
    size_t at = SR(i)->point;
#define LINE_AT(k) (line == 0 ? spc->points[k].mean : line == 1 ? spc->points[k].upl : spc->points[k].lpl)
    bool first = at == 0 || LINE_AT(at - 1) != LINE_AT(at);
    bool last = at + 1 == spc->n || LINE_AT(at + 1) != LINE_AT(at);
    double v = LINE_AT(at);
#undef LINE_AT
    return xl_number(first || last, v);
}
static xl_cell sr_mean_line(xl_ctx *c, size_t i) { return line_end(c, i, 0); }
static xl_cell sr_upl_line(xl_ctx *c, size_t i) { return line_end(c, i, 1); }
static xl_cell sr_lpl_line(xl_ctx *c, size_t i) { return line_end(c, i, 2); }
/* The KPI's checkpoint in the point's month, for the chart's checkpoint markers; NULL when none. */
static const sp_view_checkpoint *checkpoint_at(xl_ctx *c, const spc_row *row)
{
    const sp_view_checkpoints *cps = &c->r->kpi_checkpoints[row->kpi];
    for (size_t j = 0; j < cps->n; j++)
        if (cps->at[j].numeric && sp_date_end_of_month(cps->at[j].date) == sp_date_end_of_month(row->period))
            return &cps->at[j];
    return NULL;
}
static xl_cell sr_checkpoint(xl_ctx *c, size_t i)
{
    const sp_view_checkpoint *cp = checkpoint_at(c, SR(i));
    return xl_number(cp != NULL, cp ? cp->value : 0);
}
enum { SPC_COL_VALUE = 2, SPC_COL_LINES = 8, SPC_COL_CHECKPOINT = 11 };
const xl_column XL_SPC_COLUMNS[] = {
    {"KPI", sr_ref},  {"Period", sr_period}, {"Value", sr_value},  {"Mean", sr_mean},
    {"Upper process limit", sr_upl}, {"Lower process limit", sr_lpl}, {"Point", sr_type}, {"Rules", sr_rules},
    {"Chart: mean line", sr_mean_line}, {"Chart: upper limit line", sr_upl_line},
    {"Chart: lower limit line", sr_lpl_line}, {"Chart: checkpoint target", sr_checkpoint},
};
const size_t XL_N_SPC_COLUMNS = sizeof XL_SPC_COLUMNS / sizeof *XL_SPC_COLUMNS;

void xl_spc_charts(xl_ctx *c, lxw_worksheet *ws, const spc_row *rows, size_t n)
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
            if (sidx == 0) /* the other series share the first's months: one cache, not four */
                chart_series_set_categories(series, sheet, first, 1, last, 1);
            lxw_col_t col = (lxw_col_t)(sidx == 0 ? SPC_COL_VALUE : SPC_COL_LINES + sidx - 1);
            chart_series_set_values(series, sheet, first, col, last, col);
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
        /* every checkpoint in the chart's months: a diamond labelled with its target */
        bool any_checkpoint = false;
        for (size_t i = start; i < end && !any_checkpoint; i++)
            any_checkpoint = checkpoint_at(c, &rows[i]) != NULL;
        if (any_checkpoint) {
            lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
            chart_series_set_values(series, sheet, first, SPC_COL_CHECKPOINT, last, SPC_COL_CHECKPOINT);
            chart_series_set_name(series, "Checkpoint target");
            chart_series_set_line(series, &(lxw_chart_line){.none = LXW_TRUE});
            chart_series_set_marker_type(series, LXW_CHART_MARKER_DIAMOND);
            chart_series_set_marker_size(series, 8);
            chart_series_set_marker_fill(series, &(lxw_chart_fill){.color = 0xC55A11});
            chart_series_set_marker_line(series, &(lxw_chart_line){.color = 0xC55A11});
            chart_series_set_labels(series);
            chart_series_set_labels_position(series, LXW_CHART_LABEL_POSITION_RIGHT);
        }
        chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_CONNECTED); /* the lines run between their ends */
        /* the y axis spans the values and limits, not zero upwards: the variation is the point */
        double lo = 1e300, hi = -1e300;
        for (size_t i = start; i < end; i++) {
            const sp_spc_point *pt = &KR(rows[i].kpi)->spc.points[rows[i].point];
            lo = pt->value < lo ? pt->value : lo;
            lo = pt->lpl < lo ? pt->lpl : lo;
            hi = pt->value > hi ? pt->value : hi;
            hi = pt->upl > hi ? pt->upl : hi;
            const sp_view_checkpoint *cp = checkpoint_at(c, &rows[i]);
            if (cp) /* a target beyond the limits stays on the chart */
                lo = cp->value < lo ? cp->value : lo, hi = cp->value > hi ? cp->value : hi;
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
        worksheet_insert_chart_opt(ws, (lxw_row_t)(1 + chart_no * 18), (lxw_col_t)(XL_N_SPC_COLUMNS + 1), chart, &opt);
        chart_no++;
        start = end;
    }
}

/* ---- Plain: for families, the Local Offer text (view/families.c), one row a promise -------- */

#define FR(i) (&((const family_row *)c->list)[i])
static xl_cell pl_part(xl_ctx *c, size_t i) { return xl_text(FR(i)->part); }
static xl_cell pl_how(xl_ctx *c, size_t i) { return xl_status(FR(i)->promise->status, FR(i)->promise->status_word); }
static xl_cell pl_said(xl_ctx *c, size_t i) { return xl_text(FR(i)->promise->said); }
static xl_cell pl_done(xl_ctx *c, size_t i) { return xl_text(FR(i)->promise->done); }
static xl_cell pl_next(xl_ctx *c, size_t i) { return xl_text(FR(i)->promise->next); }
const xl_column XL_PLAIN_COLUMNS[] = {
    {"Part of the plan", pl_part},
    {"How it is going", pl_how},
    {"What we said we would do", pl_said},
    {"What we have done", pl_done},
    {"What happens next", pl_next},
};
const size_t XL_N_PLAIN_COLUMNS = sizeof XL_PLAIN_COLUMNS / sizeof *XL_PLAIN_COLUMNS;

