/* The exceptions list: what a scrutiny member looks at first, worst first. */
#include <stdlib.h>

#include "assess/assess.h"

const char *sp_exception_word(sp_exception_kind k)
{
    static const char *const words[] = {"Overdue", "Slipped", "KPI Red", "KPI Amber", "KPI not updated"};
    return words[k];
}

static const sp_assessment *sort_assessment;

/* Red before Amber before a missing update; challenged before unchallenged; milestones
 * before KPIs; then the longest overdue or slipped first; then plan order. */
static int rank(const sp_exception *e)
{
    switch (e->kind) {
    case SP_EXC_OVERDUE:
    case SP_EXC_KPI_RED: return 0;
    case SP_EXC_SLIPPED:
    case SP_EXC_KPI_AMBER: return 1;
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
        if (!m->in_scope || (m->derived != SP_RED && m->derived != SP_AMBER))
            continue;
        a->exceptions[n++] = (sp_exception){m->derived == SP_RED ? SP_EXC_OVERDUE : SP_EXC_SLIPPED, false, i,
                                            m->challenge != NULL};
    }
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi_result *k = &a->kpis[i];
        if (!k->in_scope)
            continue;
        if (k->rag == SP_RED || k->rag == SP_AMBER)
            a->exceptions[n++] = (sp_exception){k->rag == SP_RED ? SP_EXC_KPI_RED : SP_EXC_KPI_AMBER, true, i, false};
        else if (k->challenge)
            a->exceptions[n++] = (sp_exception){SP_EXC_KPI_NO_UPDATE, true, i, true};
    }
    sort_assessment = a;
    if (n)
        qsort(a->exceptions, n, sizeof *a->exceptions, worst_first);
    a->n_exceptions = n;
}
