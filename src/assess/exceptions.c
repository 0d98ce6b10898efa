/* The exceptions list: what a scrutiny member looks at first, worst first. */
#include <stdlib.h>

#include "assess/assess.h"

const char *sp_exception_word(sp_exception_kind k)
{
    static const char *const words[] = {"Overdue",        "Slipped",          "KPI Red",   "KPI Amber",
                                        "Missing update", "KPI not reported", "Challenged"};
    return words[k];
}

static const sp_assessment *sort_assessment;

/* Red, then KPIs not reported and missing updates (missing data is never reassurance), then
 * Amber; challenged before unchallenged; milestones before KPIs; then the longest overdue or
 * slipped first; then plan order. */
static int rank(const sp_exception *e)
{
    switch (e->kind) {
    case SP_EXC_OVERDUE:
    case SP_EXC_KPI_RED: return 0;
    case SP_EXC_KPI_NOT_REPORTED:
    case SP_EXC_KPI_MISSING_UPDATE: return 1;
    default: return 2;
    }
}

static int days(const sp_exception *e)
{
    if (e->is_kpi)
        return 0;
    const sp_milestone_result *m = &sort_assessment->milestones[e->index];
    return e->kind == SP_EXC_OVERDUE ? m->days_overdue : m->slippage_days;
}

static int worst_first(const void *pa, const void *pb)
{
    const sp_exception *a = pa, *b = pb;
    if (rank(a) != rank(b))
        return rank(a) - rank(b);
    if (a->challenged != b->challenged)
        return a->challenged ? -1 : 1;
    if (a->is_kpi != b->is_kpi)
        return a->is_kpi ? 1 : -1;
    if (days(a) != days(b))
        return days(a) > days(b) ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

void sp_assess_exceptions(sp_assessment *a)
{
    const sp_plan *p = a->plan;
    a->exceptions = sp_arena_alloc(&a->arena, (p->milestones.n + p->kpis.n + 1) * sizeof *a->exceptions);
    size_t n = 0;
    for (size_t i = 0; i < p->milestones.n; i++) {
        const sp_milestone_result *m = &a->milestones[i];
        if (!m->in_scope || (m->derived != SP_RED && m->derived != SP_AMBER && !m->challenge))
            continue;
        sp_exception_kind kind = m->derived == SP_RED     ? SP_EXC_OVERDUE
                                 : m->derived == SP_AMBER ? SP_EXC_SLIPPED
                                                          : SP_EXC_CHALLENGED;
        a->exceptions[n++] = (sp_exception){kind, false, i, m->challenge != NULL, m->acknowledged != NULL};
    }
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi_result *k = &a->kpis[i];
        if (!k->in_scope)
            continue;
        /* not reported is a flag beside the RAG: a Red KPI stays Red, an Amber one is listed as unreported */
        if (k->rag == SP_RED)
            a->exceptions[n++] = (sp_exception){SP_EXC_KPI_RED, true, i, false, false};
        else if (k->not_reported)
            a->exceptions[n++] = (sp_exception){SP_EXC_KPI_NOT_REPORTED, true, i, false, false};
        else if (k->missing_update)
            a->exceptions[n++] = (sp_exception){SP_EXC_KPI_MISSING_UPDATE, true, i, false, false};
        else if (k->rag == SP_AMBER)
            a->exceptions[n++] = (sp_exception){SP_EXC_KPI_AMBER, true, i, false, false};
    }
    sort_assessment = a;
    if (n)
        qsort(a->exceptions, n, sizeof *a->exceptions, worst_first);
    a->n_exceptions = n;
}
