/* html_rows.c - the HTML sections' rows (html_rows.h): the view's lists, handed on. */
#include "render/html/html_rows.h"

static hr_rows from(sp_rows rows) { return (hr_rows){rows.at, rows.n}; }

hr_rows html_rows(hd_doc *d, const sp_report *r, hr_list which)
{
    (void)d;
    switch (which) {
    case HR_AREAS: return from(r->areas);
    case HR_ACTIONS: return from(r->actions);
    case HR_KPIS: return from(r->kpis);
    case HR_KPIS_NUMERIC: return from(r->kpis_charted);
    case HR_KPIS_NO_VALUE: return from(r->kpis_no_value);
    case HR_KPIS_TEXT: return from(r->kpis_text);
    case HR_KPIS_SPC: return from(r->spc_charted);
    case HR_KPIS_PLAN_WIDE: return from(r->kpis_plan_wide);
    case HR_FOCUS_KPIS: return from(r->focus_kpis);
    default: return from(r->focus_milestones);
    }
}

hr_rows html_action_milestones(hd_doc *d, const sp_report *r, size_t action)
{
    const sp_action *ac = &r->plan->actions.items[action];
    hr_rows out = {sp_arena_alloc(&d->arena, (ac->n_milestones + 1) * sizeof(size_t)), 0};
    for (size_t m = ac->first_milestone; m < ac->first_milestone + ac->n_milestones; m++)
        out.at[out.n++] = m;
    return out;
}
