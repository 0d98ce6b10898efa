/* html_kpis.c - the KPIs in the HTML pack: the scorecard, a chart per KPI, the SPC charts. */
#include <stdio.h>
#include <string.h>

#include "render/html/html_rows.h"
#include "render/html/html_sections.h"
#include "view/key.h"

#define LABEL(s) sp_report_label(r, (s))

void html_scorecard(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_SCORECARD);
    hd_para(d, NULL, r->scorecard_intro);
    if (p->values_illustrative)
        hd_para(d, "sp-notice", SP_NOTE_ILLUSTRATIVE);
    static const char *const all[SP_N_PDF_SCORECARD_COLUMNS] = {
        "KPI",      "Baseline",  "3 months",  "6 months",        "12 months",   "Latest",
        "RAG",      "Evidence",  "Variation", "Assurance", "Next checkpoint", "Final target"};
    const int *keep = r->tmpl->pdf_scorecard_columns;
    int n_keep = r->tmpl->n_pdf_scorecard_columns;
    const char **heads = sp_arena_alloc(&d->arena, (size_t)n_keep * sizeof *heads); /* as the template asks */
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
            case SP_PS_TARGET_3M: hd_cell(d, first, sp_view_checkpoint_target(r, i, SP_CPK_3M)); break;
            case SP_PS_TARGET_6M: hd_cell(d, first, sp_view_checkpoint_target(r, i, SP_CPK_6M)); break;
            case SP_PS_TARGET_12M: hd_cell(d, first, sp_view_checkpoint_target(r, i, SP_CPK_12M)); break;
            case SP_PS_NEXT_CHECKPOINT: hd_cell(d, first, r->kpi_checkpoints[i].next); break;
            case SP_PS_FINAL_TARGET: hd_cell(d, first, r->kpi_checkpoints[i].final); break;
            case SP_PS_LATEST: hd_cell(d, first, r->kpi_latest[i]); break;
            case SP_PS_RAG: hd_cell_status(d, kr->rag, LABEL(kr->rag)); break;
            case SP_PS_VARIATION: hd_cell(d, first, r->kpi_variation[i]); break;
            case SP_PS_ASSURANCE: hd_cell(d, first, r->kpi_assurance[i]); break;
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

/* Every checkpoint of the KPI: its target as the plan sets it, the value of its month, met or not. */
static void checkpoint_table(hd_doc *d, const sp_report *r, size_t i)
{
    const sp_view_checkpoints *c = &r->kpi_checkpoints[i];
    if (!c->n)
        return;
    static const char *const heads[] = {"Checkpoint", "Target", "Target source", "Actual", "Met"};
    hd_table_begin(d, sp_arena_printf(&d->arena, "%s: every checkpoint", r->plan->kpis.items[i].ref), heads, 5);
    for (size_t j = 0; j < c->n; j++) {
        hd_row_begin(d);
        hd_cell(d, true, c->at[j].column);
        hd_cell(d, false, c->at[j].target);
        hd_cell(d, false, c->at[j].source[0] ? c->at[j].source : "–");
        hd_cell(d, false, c->at[j].actual);
        hd_cell(d, false, c->at[j].result);
        hd_row_end(d);
    }
    hd_table_end(d);
}

/* The KPI's values by period, the expected trajectory, England where reported, and every
 * checkpoint's target marked at its month and labelled beside its marker. The months are the
 * values' and the checkpoints', in date order. */
static void kpi_chart(hd_doc *d, const sp_report *r, size_t i)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    const sp_kpi *k = &p->kpis.items[i];
    const sp_view_checkpoints *cps = &r->kpi_checkpoints[i];
    size_t n_obs = 0;
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++)
        n_obs += a->obs_counted[o];
    if (!n_obs) {
        hd_para(d, NULL, "No value has been reported yet, so there is nothing to chart.");
        return;
    }
    size_t cap = n_obs + cps->n + 1;
    const char **x = sp_arena_alloc(&d->arena, cap * sizeof *x);
    sp_date *when = sp_arena_alloc(&d->arena, cap * sizeof *when);
    double *v = sp_arena_alloc(&d->arena, cap * sizeof *v), *t = sp_arena_alloc(&d->arena, cap * sizeof *t),
           *e = sp_arena_alloc(&d->arena, cap * sizeof *e), *g = sp_arena_alloc(&d->arena, cap * sizeof *g);
    bool *hv = sp_arena_alloc(&d->arena, cap * sizeof *hv), *ht = sp_arena_alloc(&d->arena, cap * sizeof *ht),
         *he = sp_arena_alloc(&d->arena, cap * sizeof *he), *hg = sp_arena_alloc(&d->arena, cap * sizeof *hg);
    const char **vt = sp_arena_alloc(&d->arena, cap * sizeof *vt), **gl = sp_arena_alloc(&d->arena, cap * sizeof *gl);
    bool *open = sp_arena_alloc(&d->arena, cap * sizeof *open);
    bool any_t = false, any_e = false, any_g = false;
    size_t n = 0, c = 0;
    const char *first_month = NULL, *last_month = NULL;
    size_t o = k->first_obs, end = k->first_obs + k->n_obs;
    while (o < end || c < cps->n) {
        if (o < end && !a->obs_counted[o]) {
            o++;
            continue;
        }
        if (c < cps->n && !cps->at[c].numeric) {
            c++;
            continue;
        }
        const sp_observation *ob = o < end ? &p->observations.items[o] : NULL;
        sp_date cp_month = c < cps->n ? sp_date_end_of_month(cps->at[c].date) : 0;
        bool take_obs = ob && (c >= cps->n || ob->period_end <= cp_month);
        bool take_cp = c < cps->n && (!ob || cp_month <= ob->period_end);
        v[n] = g[n] = e[n] = 0;
        hv[n] = he[n] = hg[n] = open[n] = false;
        vt[n] = gl[n] = NULL;
        if (take_obs) {
            when[n] = ob->period_end;
            v[n] = ob->value, hv[n] = ob->has_value;
            vt[n] = r->obs_value[o];
            open[n] = ob->projected;
            e[n] = ob->england, he[n] = ob->has_england;
            any_e = any_e || he[n];
            last_month = html_month(d, ob->period_end);
            if (!first_month)
                first_month = last_month;
            o++;
        }
        if (take_cp) {
            when[n] = cp_month;
            g[n] = cps->at[c].value, hg[n] = true;
            gl[n] = cps->at[c].chart_label;
            any_g = true;
            c++;
        }
        x[n] = html_month(d, when[n]);
        ht[n] = trajectory_at(&r->kpi_trajectory[i], when[n], &t[n]);
        any_t = any_t || ht[n];
        n++;
    }
    hc_series s[4];
    size_t ns = 0;
    s[ns++] = (hc_series){"Value", v, hv, HC_ACTUAL, vt, open, NULL};
    if (any_t)
        s[ns++] = (hc_series){"Expected (trajectory)", t, ht, HC_TARGET, NULL, NULL, NULL};
    if (any_g)
        s[ns++] = (hc_series){"Checkpoint target", g, hg, HC_CHECKPOINT, NULL, NULL, gl};
    if (any_e)
        s[ns++] = (hc_series){"England", e, he, HC_COMPARATOR, NULL, NULL, NULL};
    hc_line(d, &(hc_line_chart){r->kpi_chart[i].title, r->kpi_chart[i].desc, x, n, s, ns, k->unit, NULL, NULL});
    checkpoint_table(d, r, i);
}

void html_kpis(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_KPIS);
    if (r->kpis_none) {
        hd_para(d, NULL, r->kpis_none);
        return;
    }
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
    hc_series s[] = {{"Value", y[0], has, HC_ACTUAL, NULL, NULL, NULL},
                     {"Mean", y[1], has, HC_OTHER, NULL, NULL, NULL},
                     {"Upper process limit", y[2], has, HC_TARGET, NULL, NULL, NULL},
                     {"Lower process limit", y[3], has, HC_TARGET, NULL, NULL, NULL}};
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
