/* html_kpis.c - the KPIs in the HTML pack: the scorecard, a chart per KPI, the SPC charts. */
#include <stdio.h>
#include <string.h>

#include "render/html/html_rows.h"
#include "render/html/html_sections.h"
#include "render/key.h"

#define LABEL(s) sp_report_label(r, (s))

static const char *target_text(hd_doc *d, const sp_kpi *k, const sp_kpi_result *kr, int cp)
{
    const sp_target *t = &k->target[cp];
    if (t->kind == SP_TARGET_NONE)
        return "–";
    if (!kr->target[cp].numeric)
        return t->text;
    const char *v = html_value(d, k, kr->target[cp].value);
    if (t->kind == SP_TARGET_ABSOLUTE && !t->words)
        return v;
    return sp_arena_printf(&d->arena, "%s (%s)", v, t->text);
}

static const char *latest_text(hd_doc *d, const sp_report *r, size_t i)
{
    const sp_kpi_result *kr = &r->assessment->kpis[i];
    if (!kr->has_latest)
        return "none yet";
    const sp_observation *o = &r->plan->observations.items[kr->latest_obs];
    return sp_arena_printf(&d->arena, "%s (%s)", html_value(d, &r->plan->kpis.items[i], o->value),
                           html_month(d, o->period_end));
}

void html_scorecard(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_SCORECARD);
    hd_para(d, NULL, "Each KPI from its baseline to its 3, 6 and 12-month targets, against the latest value.");
    if (p->values_illustrative)
        hd_para(d, "sp-notice", SP_NOTE_ILLUSTRATIVE);
    static const char *const all[SP_N_PDF_SCORECARD_COLUMNS] = {"KPI",       "Baseline", "3 months", "6 months",
                                                                "12 months", "Latest",   "RAG",      "Evidence"};
    const int *keep = r->tmpl->pdf_scorecard_columns;
    int n_keep = r->tmpl->n_pdf_scorecard_columns;
    const char *heads[SP_N_PDF_SCORECARD_COLUMNS];
    for (int i = 0; i < n_keep; i++)
        heads[i] = all[keep[i]];
    hd_table_begin(d, "Impact scorecard: every KPI", heads, (size_t)n_keep);
    hr_rows kpis = html_rows(d, r, HR_KPIS);
    for (size_t j = 0; j < kpis.n; j++) {
        size_t i = kpis.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        hd_row_begin(d);
        for (int c = 0; c < n_keep; c++) {
            bool first = c == 0;
            switch (keep[c]) {
            case SP_PS_KPI: hd_cell(d, first, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name)); break;
            case SP_PS_BASELINE:
                hd_cell(d, first, r->kpi_baseline[i]);
                break;
            case SP_PS_TARGET_3M: hd_cell(d, first, target_text(d, k, kr, SP_CP_3M)); break;
            case SP_PS_TARGET_6M: hd_cell(d, first, target_text(d, k, kr, SP_CP_6M)); break;
            case SP_PS_TARGET_12M: hd_cell(d, first, target_text(d, k, kr, SP_CP_12M)); break;
            case SP_PS_LATEST: hd_cell(d, first, latest_text(d, r, i)); break;
            case SP_PS_RAG: hd_cell_status(d, kr->rag, LABEL(kr->rag)); break;
            default: hd_cell(d, first, r->kpi_why[i]); break;
            }
        }
        hd_row_end(d);
    }
    hd_table_end(d);
}

/* Where the view's trajectory line passes at a date, as a chart joining its points draws it:
 * straight between points, flat before the first and after the last (as the assessment's
 * definition, sp_kpi_trajectory_at, reads it). */
static bool trajectory_at(const sp_view_trajectory *tr, sp_date date, double *value)
{
    if (!tr->n)
        return false;
    if (date <= tr->date[0]) {
        *value = tr->value[0];
        return true;
    }
    for (size_t i = 1; i < tr->n; i++)
        if (date <= tr->date[i]) {
            double span = (double)(tr->date[i] - tr->date[i - 1]);
            double at = span > 0 ? (double)(date - tr->date[i - 1]) / span : 1;
            *value = tr->value[i - 1] + at * (tr->value[i] - tr->value[i - 1]);
            return true;
        }
    *value = tr->value[tr->n - 1];
    return true;
}

/* The KPI's values by period, the expected trajectory and England where reported. */
static void kpi_chart(hd_doc *d, const sp_report *r, size_t i)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    const sp_kpi *k = &p->kpis.items[i];
    size_t n = 0;
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++)
        n += a->obs_counted[o];
    if (!n) {
        hd_para(d, NULL, "No value has been reported yet, so there is nothing to chart.");
        return;
    }
    const char **x = sp_arena_alloc(&d->arena, n * sizeof *x);
    double *v = sp_arena_alloc(&d->arena, n * sizeof *v), *t = sp_arena_alloc(&d->arena, n * sizeof *t),
           *e = sp_arena_alloc(&d->arena, n * sizeof *e);
    bool *hv = sp_arena_alloc(&d->arena, n * sizeof *hv), *ht = sp_arena_alloc(&d->arena, n * sizeof *ht),
         *he = sp_arena_alloc(&d->arena, n * sizeof *he);
    bool any_t = false, any_e = false;
    size_t j = 0;
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++) {
        if (!a->obs_counted[o])
            continue;
        const sp_observation *ob = &p->observations.items[o];
        x[j] = html_month(d, ob->period_end);
        v[j] = ob->value;
        hv[j] = ob->has_value;
        ht[j] = trajectory_at(&r->kpi_trajectory[i], ob->period_end, &t[j]);
        any_t = any_t || ht[j];
        e[j] = ob->england;
        he[j] = ob->has_england;
        any_e = any_e || he[j];
        j++;
    }
    hc_series s[3];
    size_t ns = 0;
    s[ns++] = (hc_series){"Value", v, hv, HC_ACTUAL};
    if (any_t)
        s[ns++] = (hc_series){"Expected (trajectory)", t, ht, HC_TARGET};
    if (any_e)
        s[ns++] = (hc_series){"England", e, he, HC_COMPARATOR};
    hc_line(d, &(hc_line_chart){r->kpi_chart[i].title, r->kpi_chart[i].desc, x, n, s, ns, k->unit, NULL, NULL});
}

void html_kpis(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_KPIS);
    if (p->values_illustrative)
        hd_para(d, "sp-notice", SP_NOTE_ILLUSTRATIVE);
    hr_rows numeric = html_rows(d, r, HR_KPIS_NUMERIC), text = html_rows(d, r, HR_KPIS_TEXT);
    for (size_t j = 0; j < numeric.n; j++) {
        size_t i = numeric.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        hd_heading(d, 2, NULL, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name));
        hd_tagged(d, "p", kr->rag, LABEL(kr->rag), r->kpi_why[i]);
        kpi_chart(d, r, i);
    }
    hr_rows no_value = html_rows(d, r, HR_KPIS_NO_VALUE);
    for (size_t j = 0; j < no_value.n; j++) {
        size_t i = no_value.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        hd_heading(d, 2, NULL, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name));
        hd_tagged(d, "p", a->kpis[i].rag, LABEL(a->kpis[i].rag),
                  sp_arena_printf(&d->arena, "No value reported yet. %s", r->kpi_why[i]));
    }
    if (!text.n)
        return;
    hd_heading(d, 2, NULL, "KPIs judged by milestone");
    static const char *const heads[] = {"KPI", "RAG", "Why"};
    hd_table_begin(d, "KPIs with text targets, judged by the status at each checkpoint", heads, 3);
    for (size_t j = 0; j < text.n; j++) {
        size_t i = text.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        hd_row_begin(d);
        hd_cell(d, true, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name));
        hd_cell_status(d, kr->rag, LABEL(kr->rag));
        hd_cell(d, false, r->kpi_why[i]);
        hd_row_end(d);
    }
    hd_table_end(d);
}

size_t html_spc_count(hd_doc *d, const sp_report *r)
{
    return html_rows(d, r, HR_KPIS_SPC).n;
}

/* The XmR chart: values, mean and process limits, special causes named in the data table. */
static void spc_chart(hd_doc *d, const sp_report *r, size_t i)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    const sp_kpi *k = &p->kpis.items[i];
    const sp_spc *spc = &a->kpis[i].spc;
    size_t n = spc->n;
    const char **x = sp_arena_alloc(&d->arena, (n + 1) * sizeof *x);
    size_t j = 0;
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs && j < n; o++)
        if (a->obs_counted[o] && p->observations.items[o].has_value)
            x[j++] = html_month(d, p->observations.items[o].period_end);
    for (; j < n; j++)
        x[j] = sp_arena_printf(&d->arena, "Point %zu", j + 1);
    double *y[4];
    bool *has = sp_arena_alloc(&d->arena, (n + 1) * sizeof *has);
    for (int s = 0; s < 4; s++)
        y[s] = sp_arena_alloc(&d->arena, (n + 1) * sizeof *y[s]);
    for (j = 0; j < n; j++) {
        has[j] = true;
        y[0][j] = spc->points[j].value;
        y[1][j] = spc->points[j].mean;
        y[2][j] = spc->points[j].upl;
        y[3][j] = spc->points[j].lpl;
    }
    hc_series s[] = {{"Value", y[0], has, HC_ACTUAL},
                     {"Mean", y[1], has, HC_OTHER},
                     {"Upper process limit", y[2], has, HC_TARGET},
                     {"Lower process limit", y[3], has, HC_TARGET}};
    /* special-cause points, named: the chart marks them with a larger square */
    static const char *const KIND[] = {[SP_SPC_COMMON] = NULL,
                                       [SP_SPC_IMPROVEMENT] = "special cause: improvement",
                                       [SP_SPC_CONCERN] = "special cause: concern",
                                       [SP_SPC_HIGH] = "special cause: high",
                                       [SP_SPC_LOW] = "special cause: low"};
    const char **notes = sp_arena_alloc(&d->arena, (n + 1) * sizeof *notes);
    for (j = 0; j < n; j++)
        notes[j] = KIND[spc->points[j].kind];
    hc_line(d, &(hc_line_chart){r->spc_chart[i].title, r->spc_chart[i].desc, x, n, s, 4, k->unit, notes,
                                "Special cause"});
}

void html_spc(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    hr_rows spc = html_rows(d, r, HR_KPIS_SPC);
    if (!spc.n)
        return;
    html_section_heading(d, r, SP_SEC_SPC);
    hd_para(d, NULL,
            "KPIs with enough monthly values, read as XmR charts in the NHS England \"Making Data Count\" "
            "style: the mean, the natural process limits (mean ± 2.66 × the average moving range), and "
            "special-cause points: outside the limits, a shift or trend of consecutive points, or two of "
            "three near a limit.");
    for (size_t j = 0; j < spc.n; j++) {
        size_t i = spc.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        hd_heading(d, 2, NULL, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name));
        hd_para(d, NULL,
                sp_arena_printf(&d->arena, "Variation: %s. Assurance: %s. %zu points.", kr->spc.variation_text,
                                kr->spc.assurance_text ? kr->spc.assurance_text : "no target to assure against",
                                kr->spc.n));
        spc_chart(d, r, i);
    }
}
