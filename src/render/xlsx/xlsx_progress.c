/* xlsx_progress.c - the Progress sheet (the burn-up month by month, with a native line chart)
 * and the Forecast sheet (the plan and each area: pace, likely and 85% months, open at the
 * revisit). Two sheets, because every sheet of the workbook holds one table. */
#include <stdio.h>

#include "render/xlsx/xlsx_progress.h"
#include "render/xlsx/xlsx_sheets.h"
#include "util/format.h"

/* "10,000" */
static const char *runs_text(sp_arena *a, int runs)
{
    char buf[32];
    sp_format_number(runs, buf, sizeof buf);
    return sp_arena_strdup(a, buf);
}


/* ---- Progress: one row a month ----------------------------------------------------------- */

static const sp_burnup_row *row_of(xl_ctx *c, size_t i)
{
    return &AS->progress.burnup[i];
}

static xl_cell pg_month(xl_ctx *c, size_t i)
{
    char buf[16];
    sp_date_month(row_of(c, i)->month_end, buf);
    return xl_text(sp_arena_strdup(&c->arena, buf));
}
static xl_cell pg_month_end(xl_ctx *c, size_t i) { return xl_date(row_of(c, i)->month_end); }
static xl_cell pg_planned(xl_ctx *c, size_t i) { return xl_int((long)row_of(c, i)->planned); }
static xl_cell pg_revised(xl_ctx *c, size_t i) { return xl_int((long)row_of(c, i)->revised); }
static xl_cell pg_completed(xl_ctx *c, size_t i)
{
    const sp_burnup_row *r = row_of(c, i);
    return r->has_completed ? xl_int((long)r->completed) : xl_text("");
}
static xl_cell pg_scope(xl_ctx *c, size_t i) { return xl_int((long)row_of(c, i)->scope); }
static xl_cell pg_note(xl_ctx *c, size_t i)
{
    const sp_burnup_row *r = row_of(c, i);
    const sp_assessment *a = AS;
    const sp_forecast *f = &a->progress.forecast;
    const char *note = "";
    if (!r->has_completed)
        note = "after the report month: not yet known";
    if (sp_date_end_of_month(a->as_of) == r->month_end)
        note = a->progress.completed_unknown ? "report month (completions without a recorded date counted here)"
                                             : "report month";
    if (f->state == SP_FORECAST_MADE && f->has_likely && f->likely_by == r->month_end)
        note = f->has_chance && f->chance_by == r->month_end ? "forecast: likely and 85% chance finish"
                                                             : "forecast: likely finish";
    else if (f->state == SP_FORECAST_MADE && f->has_chance && f->chance_by == r->month_end)
        note = "forecast: 85% chance finish";
    if (a->plan_end == r->month_end || (a->plan_end != SP_NO_DATE && sp_date_end_of_month(a->plan_end) == r->month_end))
        note = sp_arena_printf(&c->arena, "%s%splan end", note, note[0] ? "; " : "");
    return xl_text(note);
}

static const xl_column PROGRESS_COLUMNS[] = {
    {"Month", pg_month},
    {"Month end", pg_month_end},
    {"Planned by original due dates", pg_planned},
    {"Planned by revised due dates", pg_revised},
    {"Completed", pg_completed},
    {"Scope: every milestone, dated or not", pg_scope},
    {"Note", pg_note},
};
enum { PG_PLANNED = 2, PG_REVISED = 3, PG_COMPLETED = 4, PG_SCOPE = 5, TABLE_ROW = 3 };

/* ---- Forecast: the plan and each area ---------------------------------------------------- */

static const sp_progress *pr_of(xl_ctx *c, size_t i)
{
    return i < PLAN->areas.n ? &AS->area_progress[i] : &AS->progress;
}

static xl_cell fc_area(xl_ctx *c, size_t i)
{
    return xl_text(i < PLAN->areas.n ? sp_arena_printf(&c->arena, "Area %zu: %s", i + 1, PLAN->areas.items[i].name)
                                     : "Whole plan");
}
static xl_cell fc_milestones(xl_ctx *c, size_t i) { return xl_int((long)pr_of(c, i)->milestones); }
static xl_cell fc_completed(xl_ctx *c, size_t i) { return xl_int((long)pr_of(c, i)->completed); }
static xl_cell fc_open(xl_ctx *c, size_t i) { return xl_int((long)pr_of(c, i)->forecast.open); }
static xl_cell fc_source(xl_ctx *c, size_t i)
{
    static const char *const words[] = {"completion months", "earlier packs", "plan average"};
    return xl_text(words[pr_of(c, i)->pace.source]);
}
static xl_cell fc_rate(xl_ctx *c, size_t i) { return xl_number(true, pr_of(c, i)->pace.rate); }

static xl_cell month_or_words(xl_ctx *c, const sp_forecast *f, bool has, sp_date d)
{
    if (f->state != SP_FORECAST_MADE)
        return xl_text("no forecast");
    if (!has)
        return xl_text(sp_arena_printf(&c->arena, "not within %d months", AS->rules.forecast.cap_months));
    char buf[16];
    sp_date_month(d, buf);
    return xl_text(sp_arena_strdup(&c->arena, buf));
}
static xl_cell fc_likely(xl_ctx *c, size_t i)
{
    const sp_forecast *f = &pr_of(c, i)->forecast;
    return month_or_words(c, f, f->has_likely, f->likely_by);
}
static xl_cell fc_chance(xl_ctx *c, size_t i)
{
    const sp_forecast *f = &pr_of(c, i)->forecast;
    return month_or_words(c, f, f->has_chance, f->chance_by);
}
static xl_cell fc_revisit_median(xl_ctx *c, size_t i)
{
    const sp_forecast *f = &pr_of(c, i)->forecast;
    return f->has_revisit ? xl_int((long)f->revisit_median) : xl_text("");
}
static xl_cell fc_revisit_p85(xl_ctx *c, size_t i)
{
    const sp_forecast *f = &pr_of(c, i)->forecast;
    return f->has_revisit ? xl_int((long)f->revisit_p85) : xl_text("");
}
static xl_cell fc_sentence(xl_ctx *c, size_t i) { return xl_text(pr_of(c, i)->forecast.sentence); }
static xl_cell fc_reason(xl_ctx *c, size_t i) { return xl_text(pr_of(c, i)->pace.reason); }

static const xl_column FORECAST_COLUMNS[] = {
    {"Area", fc_area},
    {"Milestones", fc_milestones},
    {"Complete", fc_completed},
    {"Open work", fc_open},
    {"Pace from", fc_source},
    {"Pace (a month)", fc_rate},
    {"Likely by", fc_likely},
    {"85% chance by", fc_chance},
    {"Likely open at revisit", fc_revisit_median},
    {"Open at revisit, 85% chance at most", fc_revisit_p85},
    {"Forecast", fc_sentence},
    {"Why this pace", fc_reason},
};

size_t xl_progress_rows(xl_ctx *c, size_t **rows)
{
    size_t n = AS->progress.n_months;
    *rows = sp_arena_alloc(&c->arena, (n + 1) * sizeof **rows);
    for (size_t i = 0; i < n; i++)
        (*rows)[i] = i;
    return n;
}

size_t xl_forecast_rows(xl_ctx *c, size_t **rows)
{
    *rows = sp_arena_alloc(&c->arena, (PLAN->areas.n + 2) * sizeof **rows);
    size_t n = 0;
    for (size_t i = 0; i < PLAN->areas.n; i++)
        if (AS->areas[i].counts.total)
            (*rows)[n++] = i;
    (*rows)[n++] = PLAN->areas.n; /* the whole plan */
    return n;
}

xl_sheet_spec xl_progress_spec(xl_ctx *c, const size_t *rows, size_t n)
{
    const sp_progress *pr = &AS->progress;
    return (xl_sheet_spec){
        "Progress", "Progress over the life of the plan: the burn-up",
        sp_arena_printf(&c->arena, "%s %s%sMilestones planned complete by each month-end by their original and revised "
                                   "due dates, completed by then, and the plan's whole scope; a line chart of the same "
                                   "beside the table.",
                        pr->forecast.sentence, pr->unknown_note ? sp_arena_printf(&c->arena, "%s ", pr->unknown_note) : "",
                        pr->scope_note ? sp_arena_printf(&c->arena, "%s ", pr->scope_note) : ""),
        "progress", PROGRESS_COLUMNS, sizeof PROGRESS_COLUMNS / sizeof *PROGRESS_COLUMNS, rows, n,
        "The plan has no months to show."};
}

xl_sheet_spec xl_forecast_spec(xl_ctx *c, const size_t *rows, size_t n)
{
    return (xl_sheet_spec){
        "Forecast", "Forecast finish: the plan and each area",
        sp_arena_printf(&c->arena,
                        "From each one's own pace, simulated %s times: the month by which half the runs finished "
                        "(likely) and %.0f%% of them. It assumes the pace to come resembles the pace learned and that "
                        "no milestones are added: a range with its chance, not a promise.",
                        runs_text(&c->arena, AS->rules.forecast.runs), AS->rules.forecast.chance * 100),
        "forecast", FORECAST_COLUMNS, sizeof FORECAST_COLUMNS / sizeof *FORECAST_COLUMNS, rows, n, ""};
}

void xl_progress_chart(xl_ctx *c, lxw_worksheet *ws, size_t n)
{
    if (!n)
        return;
    const char *sheet = "Progress";
    lxw_row_t first = TABLE_ROW + 1, last = (lxw_row_t)(TABLE_ROW + n);
    lxw_chart *chart = workbook_add_chart(c->wb, LXW_CHART_LINE);
    const struct {
        int col;
        unsigned rgb;
        uint8_t dash;
        uint8_t marker;
        float width;
    } lines[] = {
        {PG_PLANNED, 0x7F7F7F, LXW_CHART_LINE_DASH_DASH, LXW_CHART_MARKER_NONE, 1.5f},
        {PG_REVISED, 0xC55A11, LXW_CHART_LINE_DASH_ROUND_DOT, LXW_CHART_MARKER_DIAMOND, 1.5f},
        {PG_COMPLETED, 0x1F3864, LXW_CHART_LINE_DASH_SOLID, LXW_CHART_MARKER_CIRCLE, 2.5f},
        {PG_SCOPE, 0x000000, LXW_CHART_LINE_DASH_SOLID, LXW_CHART_MARKER_NONE, 0.75f},
    };
    for (int s = 0; s < 4; s++) {
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(series, sheet, first, 0, last, 0);
        chart_series_set_values(series, sheet, first, (lxw_col_t)lines[s].col, last, (lxw_col_t)lines[s].col);
        chart_series_set_name_range(series, sheet, TABLE_ROW, (lxw_col_t)lines[s].col);
        lxw_chart_line line = {.color = lines[s].rgb, .width = lines[s].width, .dash_type = lines[s].dash};
        chart_series_set_line(series, &line);
        chart_series_set_marker_type(series, lines[s].marker);
        if (lines[s].marker != LXW_CHART_MARKER_NONE) {
            chart_series_set_marker_size(series, 4);
            lxw_chart_fill fill = {.color = lines[s].rgb};
            chart_series_set_marker_fill(series, &fill);
            lxw_chart_line edge = {.color = lines[s].rgb};
            chart_series_set_marker_line(series, &edge);
        }
    }
    chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP); /* no completed line after the report month */
    chart_axis_set_min(chart->y_axis, 0);
    chart_axis_set_name(chart->y_axis, "Milestones");
    chart_title_set_name(chart, "Burn-up: milestones planned and completed");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options opt = {
        .x_scale = 1.6, .y_scale = 1.3,
        .description = "Line chart by month: milestones planned complete by their original due dates (dashed grey), "
                       "by their revised due dates (dotted orange with diamonds) and completed (solid navy with "
                       "circles, up to the report month), and the plan's whole scope, every milestone dated or not (thin black). The same figures are in the table on this sheet; the "
                       "forecast is in the sentence above it and on the Forecast sheet."};
    worksheet_insert_chart_opt(ws, 1, (lxw_col_t)(sizeof PROGRESS_COLUMNS / sizeof *PROGRESS_COLUMNS + 1), chart, &opt);
}
