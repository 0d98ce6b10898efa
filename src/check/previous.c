/* --previous must be this plan (decisions #15): another plan's folder would tell families that
 * every action of this one is "no longer in the plan". */
#include "check/check.h"

#include "util/strmap.h"
#include "util/text.h"

const char *sp_check_previous(sp_plan *p, const sp_plan *prev)
{
    const sp_plan_info *now = &p->info, *was = &prev->info;
    if (!sp_ieq(now->area, was->area))
        return sp_arena_printf(&p->arena, "it is a plan for another area ('%s', not '%s')", was->area, now->area);
    if (now->kind != was->kind)
        return sp_arena_printf(&p->arena, "it is another kind of plan (%s, not %s)", sp_plan_kind_name(was->kind),
                               sp_plan_kind_name(now->kind));
    sp_strmap refs;
    sp_strmap_init(&refs, true);
    for (size_t i = 0; i < prev->milestones.n; i++)
        sp_strmap_put(&refs, prev->milestones.items[i].ref, 0);
    for (size_t i = 0; i < prev->kpis.n; i++)
        sp_strmap_put(&refs, prev->kpis.items[i].ref, 0);
    size_t found = 0, total = p->milestones.n + p->kpis.n, v;
    for (size_t i = 0; i < p->milestones.n; i++)
        found += sp_strmap_get(&refs, p->milestones.items[i].ref, &v);
    for (size_t i = 0; i < p->kpis.n; i++)
        found += sp_strmap_get(&refs, p->kpis.items[i].ref, &v);
    sp_strmap_free(&refs);
    if (2 * found < total)
        return sp_arena_printf(&p->arena,
                               "only %zu of this plan's %zu milestone and KPI refs are in it (at least half must be)",
                               found, total);
    return NULL;
}
