/* html_progress.c - "Will it be done in time?" in the HTML pack, as the PDF shows it after the
 * glance: the burn-up as an inline SVG line chart with its data table, the forecast in words in
 * the chart's description and above it (its months lie beyond the burn-up's, so the sentence, not
 * a band, carries them), then the forecast's evidence and what it assumes. */
#include "render/html/html_sections.h"

void html_progress(hd_doc *d, const sp_report *r)
{
    if (!r->forecast)
        return; /* for families a forecast reads as a promise */
    const sp_progress *pr = &r->assessment->progress;
    const sp_forecast *f = &pr->forecast;
    size_t n = pr->n_months;
    hd_heading(d, 2, NULL, "Will it be done in time? Progress over the life of the plan");
    hd_para(d, "sp-lead", f->sentence);
    if (n) {
        const char **x = sp_arena_alloc(&d->arena, n * sizeof *x);
        double *planned = sp_arena_alloc(&d->arena, 4 * n * sizeof *planned), *revised = planned + n,
               *completed = revised + n, *scope = completed + n;
        bool *all = sp_arena_alloc(&d->arena, 2 * n * sizeof *all), *done = all + n;
        for (size_t k = 0; k < n; k++) {
            const sp_burnup_row *row = &pr->burnup[k];
            x[k] = html_month(d, row->month_end);
            planned[k] = (double)row->planned;
            revised[k] = (double)row->revised;
            completed[k] = (double)row->completed;
            scope[k] = (double)row->scope;
            all[k] = true;
            done[k] = row->has_completed;
        }
        const hc_series series[] = {
            {"Planned, original dates", planned, all, HC_TARGET, NULL, NULL, NULL},
            {"Planned, revised dates", revised, all, HC_OTHER, NULL, NULL, NULL},
            {"Completed", completed, done, HC_ACTUAL, NULL, NULL, NULL},
            {"Scope", scope, all, HC_COMPARATOR, NULL, NULL, NULL},
        };
        hc_line(d, &(hc_line_chart){r->burnup_chart.title, r->burnup_chart.desc, x, n, series, 4, SP_UNIT_NUMBER,
                                    NULL, NULL});
    }
    if (pr->unknown_note)
        hd_para(d, NULL, pr->unknown_note);
    if (pr->scope_note)
        hd_para(d, NULL, pr->scope_note);
    hd_para(d, NULL, pr->pace.reason);
    if (r->forecast_assumes)
        hd_para(d, NULL, r->forecast_assumes);
}
