/* html_rows.c - the HTML sections' rows (html_rows.h). */
#include "render/html_rows.h"

static hr_rows alloc_rows(hd_doc *d, size_t max)
{
    return (hr_rows){sp_arena_alloc(&d->arena, (max + 1) * sizeof(size_t)), 0};
}

hr_rows html_rows(hd_doc *d, const sp_report *r, hr_list which)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    hr_rows out;
    switch (which) {
    case HR_AREAS:
        out = alloc_rows(d, p->areas.n);
        for (size_t i = 0; i < p->areas.n; i++)
            if (a->areas[i].counts.total)
                out.at[out.n++] = i;
        return out;
    case HR_ACTIONS:
        out = alloc_rows(d, p->actions.n);
        for (size_t i = 0; i < p->actions.n; i++)
            if (a->actions[i].in_scope)
                out.at[out.n++] = i;
        return out;
    case HR_FOCUS_MILESTONES:
        out = alloc_rows(d, p->milestones.n);
        for (size_t i = 0; i < p->milestones.n; i++)
            if (a->milestones[i].in_focus)
                out.at[out.n++] = i;
        return out;
    default:
        out = alloc_rows(d, p->kpis.n);
        for (size_t i = 0; i < p->kpis.n; i++) {
            const sp_kpi_result *k = &a->kpis[i];
            bool keep = which == HR_KPIS            ? k->in_scope
                        : which == HR_KPIS_NUMERIC  ? k->in_scope && k->numeric
                        : which == HR_KPIS_TEXT     ? k->in_scope && !k->numeric
                        : which == HR_KPIS_SPC      ? k->in_scope && k->spc.computed
                                                    : k->in_focus;
            if (keep)
                out.at[out.n++] = i;
        }
        return out;
    }
}

hr_rows html_area_milestones(hd_doc *d, const sp_report *r, size_t area)
{
    const sp_area *ar = &r->plan->areas.items[area];
    hr_rows out = alloc_rows(d, ar->n_milestones);
    for (size_t m = ar->first_milestone; m < ar->first_milestone + ar->n_milestones; m++)
        if (r->assessment->milestones[m].in_scope)
            out.at[out.n++] = m;
    return out;
}

hr_rows html_action_milestones(hd_doc *d, const sp_report *r, size_t action)
{
    const sp_action *ac = &r->plan->actions.items[action];
    hr_rows out = alloc_rows(d, ac->n_milestones);
    for (size_t m = ac->first_milestone; m < ac->first_milestone + ac->n_milestones; m++)
        out.at[out.n++] = m;
    return out;
}
