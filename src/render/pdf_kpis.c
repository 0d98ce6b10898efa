/* pdf_kpis.c - the KPIs: scorecard, a chart per KPI, and the SPC charts. */
#include <stdio.h>
#include <string.h>

#include "render/key.h"
#include "render/pdf_chart.h"
#include "render/pdf_sections.h"
#include "render/style.h"
#include "util/format.h"

static const char *whole_percent(pd_doc *d, double v)
{
    char buf[32];
    sp_format_whole_percent(v, buf, sizeof buf);
    return sp_arena_strdup(&d->arena, buf);
}

void pdf_kpi_pages(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, "KPIs: the impact scorecard", 1, NULL);
    if (p->values_illustrative)
        pd_paragraph(d, SP_NOTE_ILLUSTRATIVE, d->bold, SMALL, 0);
    static const char *const headers[] = {"Baseline", "3-month target", "6-month target", "12-month target", "Latest",
                                          "RAG", "Progress to target", "Direction of travel", "England",
                                          "Statistical neighbours"};
    static const float widths[] = {0.1f, 0.12f, 0.12f, 0.14f, 0.09f, 0.08f, 0.08f, 0.09f, 0.09f, 0.09f};
    pd_table t = {10, headers, widths, 7.0f, false};
    size_t qualitative = 0;
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_scope)
            continue;
        if (!kr->numeric) {
            qualitative++;
            continue;
        }
        pd_ensure(d, KPI_BLOCK_H * d->scale);
        pd_heading(d, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 2, top);
        float h = KPI_CHART_H * d->scale;
        pd_ensure(d, h);
        pd_kpi_chart(d, PD_MARGIN_X, d->y, PD_BODY_W, h, p, a, i);
        d->y -= h + 6;
        pd_table_begin(d, &t);
        const sp_observation *latest = kr->has_latest ? &p->observations.items[kr->latest_obs] : NULL;
        char when[16] = "";
        if (latest)
            sp_date_month(latest->period_end, when);
        pd_cell cells[10] = {
            {kr->baseline_set ? sp_arena_printf(&d->arena, "%s%s%s", pdf_value_text(d, k, true, kr->baseline),
                                                kr->baseline_note ? ", " : "", kr->baseline_note ? kr->baseline_note : "")
                              : (k->baseline.text[0] ? k->baseline.text : "not set"),
             0, false},
            {pdf_target_text(d, k, kr, SP_CP_3M), 0, false},
            {pdf_target_text(d, k, kr, SP_CP_6M), 0, false},
            {pdf_target_text(d, k, kr, SP_CP_12M), 0, false},
            {latest ? sp_arena_printf(&d->arena, "%s (%s)", pdf_value_text(d, k, true, latest->value), when) : "none yet", 0,
             false},
            {LABEL(kr->rag), kr->rag, true},
            {kr->has_progress ? whole_percent(d, kr->progress) : "–", 0, false},
            {sp_travel_key(kr->travel) ? sp_travel_key(kr->travel) : "–", 0, false},
            {latest && latest->has_england
                 ? sp_arena_printf(&d->arena, "%s (%s)", pdf_value_text(d, k, true, latest->england),
                                   sp_comparison_key(kr->england) ? sp_comparison_key(kr->england) : "")
                 : "–",
             0, false},
            {latest && latest->has_neighbours
                 ? sp_arena_printf(&d->arena, "%s (%s)", pdf_value_text(d, k, true, latest->neighbours),
                                   sp_comparison_key(kr->neighbours) ? sp_comparison_key(kr->neighbours) : "")
                 : "–",
             0, false},
        };
        pd_table_row(d, &t, cells);
        pd_space(d, 3);
        pd_paragraph(d, sp_report_why(r, &d->arena, true, i), d->regular, SMALL + 0.5f, 0);
        pd_space(d, 10);
    }
    if (!qualitative)
        return;
    pd_heading(d, "KPIs judged by milestone", 2, top);
    static const char *const qh[] = {"KPI", "RAG", "Why"};
    static const float qw[] = {0.45f, 0.1f, 0.45f};
    pd_table q = {3, qh, qw, SMALL, false};
    pd_table_begin(d, &q);
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_scope || kr->numeric)
            continue;
        pd_cell cells[3] = {{sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 0, false},
                            {LABEL(kr->rag), kr->rag, true},
                            {sp_report_why(r, &d->arena, true, i), 0, false}};
        pd_table_row(d, &q, cells);
    }
}

void pdf_scorecard(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_space(d, 8);
    pd_heading(d, "Impact scorecard", 1, NULL);
    pd_paragraph(d, "Each KPI from its baseline to its 3, 6 and 12-month targets, against the latest value.",
                 d->regular, SMALL, 0);
    if (p->values_illustrative)
        pd_paragraph(d, SP_NOTE_ILLUSTRATIVE, d->bold, SMALL, 0);
    pd_space(d, 4);
    static const char *const headers[SP_N_PDF_SCORECARD_COLUMNS] = {
        "KPI", "Baseline", "3 months", "6 months", "12 months", "Latest", "RAG", "Evidence"};
    static const float widths[SP_N_PDF_SCORECARD_COLUMNS] = {0.17f, 0.12f, 0.12f, 0.12f, 0.12f, 0.09f, 0.07f, 0.19f};
    const int *keep = r->tmpl->pdf_scorecard_columns;
    int n_keep = r->tmpl->n_pdf_scorecard_columns;
    pd_table t = pdf_pick_columns(d, headers, widths, keep, n_keep, 7.0f);
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_scope)
            continue;
        const sp_observation *latest = kr->has_latest ? &p->observations.items[kr->latest_obs] : NULL;
        char when[16] = "";
        if (latest)
            sp_date_month(latest->period_end, when);
        pd_cell cells[SP_N_PDF_SCORECARD_COLUMNS] = {
            [SP_PS_KPI] = {sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 0, false},
            [SP_PS_BASELINE] = {kr->baseline_set ? pdf_value_text(d, k, true, kr->baseline)
                                                 : (k->baseline.text[0] ? k->baseline.text : "not set"),
                                0, false},
            [SP_PS_TARGET_3M] = {pdf_target_text(d, k, kr, SP_CP_3M), 0, false},
            [SP_PS_TARGET_6M] = {pdf_target_text(d, k, kr, SP_CP_6M), 0, false},
            [SP_PS_TARGET_12M] = {pdf_target_text(d, k, kr, SP_CP_12M), 0, false},
            [SP_PS_LATEST] = {latest ? sp_arena_printf(&d->arena, "%s (%s)", pdf_value_text(d, k, true, latest->value), when)
                                     : "none yet",
                              0, false},
            [SP_PS_RAG] = {LABEL(kr->rag), kr->rag, true},
            [SP_PS_EVIDENCE] = {sp_report_why(r, &d->arena, true, i), 0, false},
        };
        pd_table_row(d, &t, pdf_pick_cells(d, cells, keep, n_keep));
    }
}

void pdf_spc_pages(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    size_t charted = 0;
    for (size_t i = 0; i < p->kpis.n; i++)
        charted += a->kpis[i].in_scope && a->kpis[i].spc.computed;
    if (!charted)
        return; /* no KPI has enough points yet */
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, "Statistical process control", 1, NULL);
    pd_paragraph(d,
                 "KPIs with enough monthly values, read as XmR charts in the NHS England \"Making Data Count\" "
                 "style: the mean, the natural process limits (mean ± 2.66 × the average moving range), and "
                 "special-cause points: outside the limits, a shift or trend of consecutive points, or two of "
                 "three near a limit.",
                 d->regular, SMALL + 0.5f, 0);
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_scope || !kr->spc.computed)
            continue;
        pd_ensure(d, SPC_BLOCK_H * d->scale);
        pd_heading(d, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 2, top);
        float h = SPC_CHART_H * d->scale;
        pd_ensure(d, h);
        pd_spc_chart(d, PD_MARGIN_X, d->y, PD_BODY_W, h, p, a, i, kr->spc.target, kr->spc.target_checkpoint >= 0);
        d->y -= h + 4;
        pd_paragraph(d,
                     sp_arena_printf(&d->arena, "Variation: %s. Assurance: %s. %zu points.", kr->spc.variation_text,
                                     kr->spc.assurance_text ? kr->spc.assurance_text : "no target to assure against",
                                     kr->spc.n),
                     d->bold, BODY, 0);
        pd_space(d, 8);
    }
}
