/* pdf_kpis.c - the KPIs: scorecard, a chart per KPI, and the SPC charts. */
#include <stdio.h>
#include <string.h>

#include "view/key.h"
#include "render/pdf/pdf_chart.h"
#include "render/pdf/pdf_sections.h"
#include "render/style.h"
#include "util/format.h"

static const char *whole_percent(pd_doc *d, double v)
{
    char buf[32];
    sp_format_whole_percent(v, buf, sizeof buf);
    return sp_arena_strdup(&d->arena, buf);
}

/* The figures under a KPI's chart: baseline, targets, latest, RAG, progress, travel, comparators. */
static void kpi_figures(pd_doc *d, const sp_report *r, size_t i)
{
    const sp_plan *p = r->plan;
    const sp_kpi *k = &p->kpis.items[i];
    const sp_kpi_result *kr = &r->assessment->kpis[i];
    static const char *const headers[] = {"Baseline", "Next checkpoint", "Final target", "Latest",
                                          "RAG", "Progress to target", "Direction of travel", "England",
                                          "Statistical neighbours"};
    static const float widths[] = {0.09f, 0.13f, 0.17f, 0.15f, 0.08f, 0.08f, 0.1f, 0.1f, 0.1f};
    pd_table t = {9, headers, widths, 7.0f, false, false};
    pd_table_begin(d, &t);
    const sp_observation *latest = kr->has_latest ? &p->observations.items[kr->latest_obs] : NULL;
    pd_cell cells[9] = {
        {r->kpi_baseline[i], 0, false},
        {r->kpi_checkpoints[i].next, 0, false},
        {r->kpi_checkpoints[i].final, 0, false},
        {r->kpi_latest[i], 0, false},
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
}

/* Two charts a row, each with its title and why: for a pack that charts only what needs
 * attention, where the scorecard already carries every KPI's figures. */
static void kpi_chart_grid(pd_doc *d, const sp_report *r, HPDF_Outline top)
{
    const float gap = 14.0f, w = (PD_BODY_W - gap) / 2, h = KPI_GRID_CHART_H * d->scale;
    const float title = (BODY - 0.5f) * d->scale, note = SMALL * d->scale;
    for (size_t j = 0; j < r->kpis_charted.n; j += 2) {
        size_t n_cells = j + 1 < r->kpis_charted.n ? 2 : 1;
        const char **tl[2], **nl[2];
        size_t nt[2] = {0}, nn[2] = {0};
        float need = 0;
        for (size_t c = 0; c < n_cells; c++) {
            size_t i = r->kpis_charted.at[j + c];
            const sp_kpi *k = &r->plan->kpis.items[i];
            nt[c] = pd_wrap(d, d->bold, title, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), w, &tl[c]);
            nn[c] = pd_wrap(d, d->regular, note,
                            sp_arena_printf(&d->arena, "%s: %s", LABEL(r->assessment->kpis[i].rag), r->kpi_why[i]), w,
                            &nl[c]);
            float cell = (float)nt[c] * title * 1.25f + h + 6 + (float)nn[c] * note * 1.3f;
            if (cell > need)
                need = cell;
        }
        pd_ensure(d, need + 10);
        float top_y = d->y;
        for (size_t c = 0; c < n_cells; c++) {
            size_t i = r->kpis_charted.at[j + c];
            const sp_kpi *k = &r->plan->kpis.items[i];
            float x = PD_MARGIN_X + (float)c * (w + gap), y = top_y;
            HPDF_Outline o = HPDF_CreateOutline(d->pdf, top, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), NULL);
            if (o) { /* to the chart's title, as the engine's headings do */
                HPDF_Destination dest = HPDF_Page_CreateDestination(d->page);
                HPDF_Destination_SetFitH(dest, top_y);
                HPDF_Outline_SetDestination(o, dest);
            }
            pd_block_begin(d, PD_BLOCK_SUBHEADING, NULL);
            for (size_t l = 0; l < nt[c]; l++) {
                y -= title * 1.25f;
                pd_text_at(d, d->bold, title, x, y, pd_line(d, tl[c], nt[c], l), SP_TEXT_DARK);
            }
            pd_block_end(d);
            y -= 4;
            pd_block_begin(d, PD_BLOCK_FIGURE, r->kpi_chart[i].alt);
            pd_kpi_chart(d, x, y, w, h, r->plan, r->assessment, i, &r->kpi_trajectory[i], &r->kpi_checkpoints[i],
                         r->kpi_chart_latest[i]);
            pd_block_end(d);
            y -= h + 6;
            pd_block_begin(d, PD_BLOCK_PARAGRAPH, NULL);
            for (size_t l = 0; l < nn[c]; l++) {
                y -= note * 1.3f;
                pd_text_at(d, d->regular, note, x, y, pd_line(d, nl[c], nn[c], l), SP_TEXT_DARK);
            }
            pd_block_end(d);
        }
        d->y = top_y - need - 10;
    }
}

void pdf_kpi_pages(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    bool grid = r->tmpl->charts_attention_only;
    if (grid) { /* after the scorecard, on its page when the heading, note and a row of charts fit */
        pd_space(d, 10);
        pd_ensure(d, (KPI_GRID_CHART_H + 130) * d->scale);
    } else {
        pd_new_page(d);
    }
    HPDF_Outline top = pd_heading(d, grid ? "KPIs that need attention" : "KPIs: the impact scorecard", 1, NULL);
    if (r->kpis_none) {
        pd_paragraph(d, r->kpis_none, d->regular, BODY, 0);
        return;
    }
    if (p->values_illustrative)
        pd_paragraph(d, SP_NOTE_ILLUSTRATIVE, d->bold, SMALL, 0);
    if (grid) {
        pd_paragraph(d, r->charts_intro, d->regular, SMALL + 0.5f, 0);
        pd_space(d, 4);
        kpi_chart_grid(d, r, top);
    }
    for (size_t j = 0; !grid && j < r->kpis_charted.n; j++) {
        size_t i = r->kpis_charted.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        pd_ensure(d, KPI_BLOCK_H * d->scale);
        pd_heading(d, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 2, top);
        float h = KPI_CHART_H * d->scale;
        pd_ensure(d, h);
        pd_block_begin(d, PD_BLOCK_FIGURE, r->kpi_chart[i].alt);
        d->y -= pd_kpi_chart(d, PD_MARGIN_X, d->y, PD_BODY_W, h, p, r->assessment, i, &r->kpi_trajectory[i],
                             &r->kpi_checkpoints[i], r->kpi_chart_latest[i]) + 6;
        pd_block_end(d);
        kpi_figures(d, r, i);
        pd_space(d, 3);
        pd_paragraph(d, r->kpi_why[i], d->regular, SMALL + 0.5f, 0);
        pd_space(d, 10);
    }
    if (r->kpis_no_value.n) {
        pd_space(d, 4);
        pd_ensure(d, 60);
        pd_heading(d, "KPIs with no value reported yet", 2, top);
        for (size_t j = 0; j < r->kpis_no_value.n; j++) {
            size_t i = r->kpis_no_value.at[j];
            const sp_kpi *k = &p->kpis.items[i];
            pdf_bullet(d, sp_arena_printf(&d->arena, "%s: %s (%s): no value reported yet. Baseline %s. %s", k->ref, k->name,
                                          LABEL(r->assessment->kpis[i].rag), r->kpi_baseline[i], r->kpi_why[i]));
        }
    }
    if (!r->kpis_text.n)
        return;
    const sp_assessment *a = r->assessment;
    pd_heading(d, "KPIs judged by milestone", 2, top);
    static const char *const qh[] = {"KPI", "RAG", "Why"};
    static const float qw[] = {0.45f, 0.1f, 0.45f};
    pd_table q = {3, qh, qw, SMALL, false, true};
    pd_table_begin(d, &q);
    for (size_t j = 0; j < r->kpis_text.n; j++) {
        size_t i = r->kpis_text.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        pd_cell cells[3] = {{sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 0, false},
                            {LABEL(kr->rag), kr->rag, true},
                            {r->kpi_why[i], 0, false}};
        pd_table_row(d, &q, cells);
    }
}

void pdf_scorecard(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_space(d, 8);
    pd_heading(d, "Impact scorecard", 1, NULL);
    pd_paragraph(d, r->scorecard_intro, d->regular, SMALL, 0);
    if (p->values_illustrative)
        pd_paragraph(d, SP_NOTE_ILLUSTRATIVE, d->bold, SMALL, 0);
    pd_space(d, 4);
    static const char *const headers[SP_N_PDF_SCORECARD_COLUMNS] = {
        "KPI", "Baseline", "3 months", "6 months", "12 months", "Latest", "RAG", "Evidence", "Variation", "Assurance",
        "Next checkpoint", "Final target"};
    static const float widths[SP_N_PDF_SCORECARD_COLUMNS] = {0.2f, 0.1f, 0.12f, 0.12f, 0.12f, 0.09f, 0.07f, 0.19f,
                                                             0.1f, 0.1f, 0.09f, 0.11f};
    const int *keep = r->tmpl->pdf_scorecard_columns;
    int n_keep = r->tmpl->n_pdf_scorecard_columns;
    pd_table t = pdf_pick_columns(d, headers, widths, keep, n_keep, 7.0f);
    t.row_names = keep[0] == SP_PS_KPI;
    for (size_t j = 0; j < r->kpis.n; j++) {
        size_t i = r->kpis.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        pd_cell cells[SP_N_PDF_SCORECARD_COLUMNS] = {
            [SP_PS_KPI] = {sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 0, false},
            [SP_PS_BASELINE] = {r->kpi_baseline[i], 0, false},
            [SP_PS_TARGET_3M] = {sp_view_checkpoint_target(r, i, SP_CPK_3M), 0, false},
            [SP_PS_TARGET_6M] = {sp_view_checkpoint_target(r, i, SP_CPK_6M), 0, false},
            [SP_PS_TARGET_12M] = {sp_view_checkpoint_target(r, i, SP_CPK_12M), 0, false},
            [SP_PS_LATEST] = {r->kpi_latest[i], 0, false},
            [SP_PS_NEXT_CHECKPOINT] = {r->kpi_checkpoints[i].next, 0, false},
            [SP_PS_FINAL_TARGET] = {r->kpi_checkpoints[i].final, 0, false},
            [SP_PS_RAG] = {LABEL(kr->rag), kr->rag, true},
            [SP_PS_EVIDENCE] = {r->kpi_why[i], 0, false},
            [SP_PS_VARIATION] = {r->kpi_variation[i], 0, false},
            [SP_PS_ASSURANCE] = {r->kpi_assurance[i], 0, false},
        };
        pd_table_row(d, &t, pdf_pick_cells(d, cells, keep, n_keep));
    }
}

void pdf_spc_pages(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    if (!r->section[SP_SEC_SPC])
        return; /* no KPI has enough points yet */
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, "Statistical process control", 1, NULL);
    pd_paragraph(d,
                 "KPIs with enough monthly values, read as XmR charts in the NHS England \"Making Data Count\" "
                 "style: the mean, the natural process limits (mean ± 2.66 × the average moving range), and "
                 "special-cause points: outside the limits, a shift or trend of consecutive points, or two of "
                 "three near a limit.",
                 d->regular, SMALL + 0.5f, 0);
    for (size_t j = 0; j < r->spc_charted.n; j++) {
        size_t i = r->spc_charted.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        pd_ensure(d, SPC_BLOCK_H * d->scale);
        pd_heading(d, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 2, top);
        float h = SPC_CHART_H * d->scale;
        pd_ensure(d, h);
        pd_block_begin(d, PD_BLOCK_FIGURE, r->spc_chart[i].alt);
        pd_spc_chart(d, PD_MARGIN_X, d->y, PD_BODY_W, h, p, a, i, kr->spc.target, kr->spc.target_checkpoint >= 0);
        pd_block_end(d);
        d->y -= h + 4;
        pd_paragraph(d,
                     sp_arena_printf(&d->arena, "Variation: %s. Assurance: %s. %zu points.", kr->spc.variation_text,
                                     kr->spc.assurance_text ? kr->spc.assurance_text : "no target to assure against",
                                     kr->spc.n),
                     d->bold, BODY, 0);
        pd_space(d, 8);
    }
}
