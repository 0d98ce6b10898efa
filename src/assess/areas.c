/* Actions and areas: roll-ups, counts by status, percent complete, percent of due milestones
 * completed on time, the KPIs of each area, and the area assessment with its reason. */
#include <ctype.h>
#include <string.h>

#include "assess/assess.h"
#include "util/text.h"

/* Roll-up order: Red < Amber < Green < Blue, Grey counting as Amber. */
static int rollup_rank(sp_status s)
{
    switch (s) {
    case SP_RED: return 0;
    case SP_AMBER:
    case SP_GREY: return 1;
    case SP_GREEN: return 2;
    default: return 3;
    }
}

/* Which area each KPI belongs to: its own area cell, matched as the rules say; else the areas
 * whose actions name it; else none (plan-wide). */
void sp_link_kpis_to_areas(sp_assessment *a)
{
    const sp_plan *p = a->plan;
    for (size_t ki = 0; ki < p->kpis.n; ki++) {
        const sp_kpi *k = &p->kpis.items[ki];
        sp_kpi_result *r = &a->kpis[ki];
        r->area_index = sp_match_area(p, k->area, &r->area_link, &r->area_overlap);
        for (size_t ai = 0; ai < p->areas.n && r->area_index == SP_NO_AREA; ai++) {
            const sp_area *area = &p->areas.items[ai];
            for (size_t j = 0; j < area->n_actions && r->area_index == SP_NO_AREA; j++)
                if (sp_kpi_named_by(p->actions.items[area->first_action + j].kpi, k))
                    r->area_index = ai, r->area_link = SP_LINK_ACTION;
        }
    }
}

static void area_kpis(sp_assessment *a, size_t ai)
{
    const sp_plan *p = a->plan;
    const sp_area *area = &p->areas.items[ai];
    sp_area_result *r = &a->areas[ai];
    r->kpis = sp_arena_alloc(&a->arena, (p->kpis.n ? p->kpis.n : 1) * sizeof *r->kpis);
    for (size_t ki = 0; ki < p->kpis.n; ki++) {
        const sp_kpi_result *kr = &a->kpis[ki];
        if (!kr->in_scope)
            continue;
        bool linked = kr->area_index == ai;
        /* a KPI found through actions' kpi cells belongs to every area whose actions name it */
        for (size_t j = 0; j < area->n_actions && !linked && kr->area_link == SP_LINK_ACTION; j++)
            linked = sp_kpi_named_by(p->actions.items[area->first_action + j].kpi, &p->kpis.items[ki]);
        if (linked) {
            r->kpis[r->n_kpis++] = ki;
            r->kpis_not_reported += kr->not_reported != NULL;
            r->kpis_missing_update += kr->missing_update != NULL;
        }
    }
}

const char *sp_not_counted_no_deadline(sp_arena *a, size_t n)
{
    if (!n)
        return "";
    return sp_arena_printf(a, " %zu complete milestone%s with no deadline %s not counted.", n, n == 1 ? "" : "s",
                           n == 1 ? "is" : "are");
}

static void assess_area(sp_assessment *a, size_t ai)
{
    const sp_plan *p = a->plan;
    const sp_area *area = &p->areas.items[ai];
    sp_area_result *r = &a->areas[ai];
    int longest = 0;
    size_t longest_i = 0;
    for (size_t i = area->first_milestone; i < area->first_milestone + area->n_milestones; i++) {
        const sp_milestone_result *m = &a->milestones[i];
        if (!m->in_scope)
            continue;
        sp_counts_add(&r->counts, m->derived);
        r->due += m->due_by_as_of;
        r->due_on_time += m->due_by_as_of && m->on_time;
        r->complete_no_deadline += m->complete && m->effective_due == SP_NO_DATE;
        r->complete_no_date += m->complete && m->due_by_as_of && m->completed_on == SP_NO_DATE;
        r->challenges += m->challenge != NULL;
        r->acknowledged += m->acknowledged != NULL;
        if (m->derived == SP_RED) {
            r->overdue++;
            if (m->days_overdue > longest)
                longest = m->days_overdue, longest_i = i;
        }
    }
    r->percent_complete = r->counts.total ? 100.0 * (double)r->counts.blue / (double)r->counts.total : 0;
    r->has_percent_on_time = r->due > 0;
    r->percent_on_time = r->due ? 100.0 * (double)r->due_on_time / (double)r->due : 0;

    const char *red_kpi = NULL;
    size_t red_kpis = 0;
    for (size_t j = 0; j < r->n_kpis; j++)
        if (a->kpis[r->kpis[j]].rag == SP_RED)
            red_kpis++, red_kpi = red_kpi ? red_kpi : p->kpis.items[r->kpis[j]].ref;

    char as_of[20];
    sp_date_long(a->as_of, as_of);
    /* an area whose KPIs have all gone unreported cannot be On track: missing data is never reassurance */
    size_t silent = r->kpis_not_reported + r->kpis_missing_update;
    bool silent_kpis = r->n_kpis > 0 && silent == r->n_kpis;
    const char *longest_ref = r->overdue ? p->milestones.items[longest_i].ref : "";
    double share = r->due ? (double)r->overdue / (double)r->due : 0;
    if (r->counts.total == 0 && r->n_kpis == 0) {
        r->assessment = SP_AREA_ON_TRACK;
        r->reason = "The export has no milestones and no KPIs for this area.";
    } else if (r->counts.total > 0 && r->counts.blue == r->counts.total) {
        r->assessment = SP_AREA_COMPLETE;
        r->reason = sp_arena_printf(&a->arena, "All %zu milestone%s complete.", r->counts.total,
                                    r->counts.total == 1 ? " is" : "s are");
    } else if (longest > a->rules.off_track_overdue_days || (r->due && share >= a->rules.off_track_share)) {
        r->assessment = SP_AREA_OFF_TRACK;
        if (r->due && share >= a->rules.off_track_share)
            r->reason = sp_arena_printf(&a->arena, "%zu of %zu milestone%s due by %s %s overdue (%.0f%%); the longest, %s, by %d days.%s",
                                        r->overdue, r->due, r->due == 1 ? "" : "s", as_of, r->overdue == 1 ? "is" : "are",
                                        share * 100, longest_ref, longest, sp_not_counted_no_deadline(&a->arena, r->complete_no_deadline));
        else
            r->reason = sp_arena_printf(&a->arena, "Milestone %s is %d days overdue, more than %d.", longest_ref, longest,
                                        a->rules.off_track_overdue_days);
    } else if (r->overdue || red_kpis || silent_kpis) {
        r->assessment = SP_AREA_AT_RISK;
        const char *ms = r->overdue == 0 ? ""
                         : r->overdue == 1
                             ? sp_arena_printf(&a->arena, "milestone %s is %d days overdue", longest_ref, longest)
                             : sp_arena_printf(&a->arena, "%zu milestones are overdue, the longest by %d days",
                                               r->overdue, longest);
        const char *kp = red_kpis == 0 ? ""
                         : red_kpis == 1 ? sp_arena_printf(&a->arena, "KPI %s is Red", red_kpi)
                                         : sp_arena_printf(&a->arena, "%zu KPIs are Red", red_kpis);
        const char *sk = !silent_kpis ? ""
                         : r->n_kpis == 1 ? "its only KPI has no value or update reported"
                                          : sp_arena_printf(&a->arena, "none of its %zu KPIs has a value or update reported",
                                                            r->n_kpis);
        char *s = sp_arena_printf(&a->arena, "%s%s%s%s%s.", ms, ms[0] && kp[0] ? " and " : "", kp,
                                  (ms[0] || kp[0]) && sk[0] ? "; " : "", sk);
        s[0] = (char)toupper((unsigned char)s[0]);
        r->reason = s;
    } else {
        r->assessment = SP_AREA_ON_TRACK;
        r->reason = r->counts.total ? sp_arena_printf(&a->arena, "No milestone is overdue and no KPI is Red; %zu of %zu complete.",
                                                      r->counts.blue, r->counts.total)
                                    : "The export has no milestones for this area, and none of its KPIs is Red.";
    }
}

void sp_assess_actions_and_areas(sp_assessment *a)
{
    const sp_plan *p = a->plan;
    for (size_t i = 0; i < p->actions.n; i++) {
        const sp_action *action = &p->actions.items[i];
        sp_action_result *r = &a->actions[i];
        r->complete = true;
        r->status = SP_BLUE;
        for (size_t m = action->first_milestone; m < action->first_milestone + action->n_milestones; m++) {
            sp_status s = a->milestones[m].derived;
            sp_counts_add(&r->counts, s);
            r->complete = r->complete && a->milestones[m].complete;
            if (rollup_rank(s) < rollup_rank(r->status))
                r->status = s == SP_GREY ? SP_AMBER : s;
        }
    }
    for (size_t ai = 0; ai < p->areas.n; ai++) {
        area_kpis(a, ai);
        assess_area(a, ai);
    }
}
