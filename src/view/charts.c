/* charts.c - each chart in words, once for every renderer: the HTML's <title> and <desc>, the
 * PDF's alternative text. What a chart shows and how it reads, from the assessment. */
#include <string.h>

#include "util/date.h"
#include "util/format.h"
#include "view/view.h"
#include "view/view_internal.h"

static sp_view_chart chart(sp_arena *a, const char *title, const char *desc)
{
    return (sp_view_chart){title, desc, sp_arena_printf(a, "%s. %s", title, desc)};
}

/* A KPI's values by month: how many, over which months, the latest and why it stands so. */
static sp_view_chart kpi_chart(sp_view *v, size_t i)
{
    sp_arena *a = &v->arena;
    const sp_plan *p = v->plan;
    const sp_assessment *s = v->assessment;
    const sp_kpi *k = &p->kpis.items[i];
    size_t n = 0;
    sp_date first = SP_NO_DATE, last = SP_NO_DATE;
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++) {
        if (!s->obs_counted[o])
            continue;
        if (!n++)
            first = p->observations.items[o].period_end;
        last = p->observations.items[o].period_end;
    }
    if (!n)
        return (sp_view_chart){0};
    const char *latest = v->kpi_latest[i]; /* as every output says it: "1.07% (Mar 2024, projected)" */
    char from[16], to[16]; /* a counted value's period has ended: it has a date */
    sp_date_month(first, from);
    sp_date_month(last, to);
    return chart(a, sp_arena_printf(a, "%s: %s by month", k->ref, k->name),
                 sp_arena_printf(a, "%s: %zu value%s from %s to %s. Latest %s. %s", k->name, n, n == 1 ? "" : "s", from,
                                 to, latest, v->kpi_why[i]));
}

/* An XmR chart: its points, those marked special cause, and its variation and assurance. */
static sp_view_chart spc_chart(sp_view *v, size_t i)
{
    sp_arena *a = &v->arena;
    const sp_kpi *k = &v->plan->kpis.items[i];
    const sp_spc *spc = &v->assessment->kpis[i].spc;
    if (!spc->computed)
        return (sp_view_chart){0};
    size_t special = 0;
    for (size_t j = 0; j < spc->n; j++)
        special += spc->points[j].kind != SP_SPC_COMMON;
    return chart(a, sp_arena_printf(a, "%s: %s, XmR chart", k->ref, k->name),
                 sp_arena_printf(a,
                                 "XmR chart of %zu points; %zu marked as special cause (larger squares). "
                                 "Variation: %s. Assurance: %s.",
                                 spc->n, special, spc->variation_text,
                                 spc->assurance_text ? spc->assurance_text : "no target to assure against"));
}

void sp_view_build_charts(sp_view *v)
{
    size_t nk = v->plan->kpis.n;
    v->kpi_chart = sp_arena_alloc(&v->arena, (nk + 1) * sizeof *v->kpi_chart);
    v->spc_chart = sp_arena_alloc(&v->arena, (nk + 1) * sizeof *v->spc_chart);
    for (size_t i = 0; i < nk; i++) {
        v->kpi_chart[i] = kpi_chart(v, i);
        v->spc_chart[i] = spc_chart(v, i);
    }
    memset(&v->burnup_chart, 0, sizeof v->burnup_chart);
    if (v->forecast && v->assessment->progress.n_months)
        v->burnup_chart = chart(&v->arena, "Burn-up: milestones planned and completed",
                                sp_arena_printf(&v->arena,
                                                "Month by month, the milestones planned to be complete by their "
                                                "original and by their revised due dates, those completed up "
                                                "to the report month, and the plan's whole scope. %s",
                                                v->assessment->progress.forecast.sentence));
}
