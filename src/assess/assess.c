/* The assessment: runs each step once, then the plan-level summary. */
#include "assess/assess.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

const char *sp_area_assessment_word(sp_area_assessment a)
{
    static const char *const words[] = {"On track", "At risk", "Off track", "Complete"};
    return words[a];
}

const char *sp_area_assessment_key(sp_area_assessment a)
{
    static const char *const keys[] = {"on_track", "at_risk", "off_track", "complete"};
    return keys[a];
}

const char *sp_travel_key(sp_travel t)
{
    static const char *const keys[] = {NULL, "improving", "worsening", "no change", "higher", "lower"};
    return keys[t];
}

const char *sp_comparison_key(sp_comparison c)
{
    static const char *const keys[] = {NULL, "better", "worse", "same"};
    return keys[c];
}

void sp_counts_add(sp_counts *c, sp_status s)
{
    switch (s) {
    case SP_BLUE: c->blue++; break;
    case SP_GREEN: c->green++; break;
    case SP_AMBER: c->amber++; break;
    case SP_RED: c->red++; break;
    default: c->grey++; break;
    }
    c->total++;
}

#define PLURAL(n, one, many) ((n) == 1 ? (one) : (many))

static void summarise(sp_assessment *a)
{
    const sp_plan *p = a->plan;
    size_t blue_by_status = 0;
    for (size_t i = 0; i < p->milestones.n; i++) {
        const sp_milestone_result *m = &a->milestones[i];
        if (!m->in_scope)
            continue;
        sp_counts_add(&a->milestone_counts, m->derived);
        a->challenges += m->challenge != NULL;
        a->acknowledged += m->acknowledged != NULL;
        a->due += m->due_by_as_of;
        a->due_on_time += m->due_by_as_of && m->on_time;
        a->complete_no_deadline += m->complete && m->effective_due == SP_NO_DATE;
        a->complete_no_date += m->complete && m->due_by_as_of && m->completed_on == SP_NO_DATE;
        blue_by_status += m->complete && m->completed_on == SP_NO_DATE && p->milestones.items[i].status_says_complete;
    }
    a->has_percent_on_time = a->due > 0;
    a->percent_on_time = a->due ? 100.0 * (double)a->due_on_time / (double)a->due : 0;
    a->completions_unchecked = !p->has_completed_column && blue_by_status > 0;
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi_result *k = &a->kpis[i];
        if (!k->in_scope)
            continue;
        sp_counts_add(&a->kpi_counts, k->rag);
        a->kpis_not_reported += k->not_reported != NULL;
        a->kpis_missing_update += k->missing_update != NULL;
        a->plan_wide_kpis += k->area_index == SP_NO_AREA;
    }
    size_t areas = 0;
    for (size_t i = 0; i < p->areas.n; i++) {
        if (a->areas[i].counts.total == 0)
            continue;
        areas++;
        a->areas_by_assessment[a->areas[i].assessment]++;
    }
    const sp_counts *m = &a->milestone_counts, *k = &a->kpi_counts;
    a->percent_complete = m->total ? 100.0 * (double)m->blue / (double)m->total : 0;
    if (m->total == 0 && k->total == 0) {
        a->overall = "The plan has no milestones and no KPIs to report.";
        return;
    }
    size_t troubled = a->areas_by_assessment[SP_AREA_OFF_TRACK] + a->areas_by_assessment[SP_AREA_AT_RISK];
    const char *ack = a->acknowledged
                          ? sp_arena_printf(&a->arena, " (%zu acknowledged in the export)", a->acknowledged)
                          : "";
    const char *unreported = a->kpis_not_reported
                                 ? sp_arena_printf(&a->arena, "; %zu of %zu KPIs %s no value reported", a->kpis_not_reported,
                                                   k->total, PLURAL(a->kpis_not_reported, "has", "have"))
                                 : "";
    const char *missing = a->kpis_missing_update
                              ? sp_arena_printf(&a->arena, "; %zu checkpoint update%s missing", a->kpis_missing_update,
                                                PLURAL(a->kpis_missing_update, " is", "s are"))
                              : "";
    /* an export with no reported status cannot be challenged: say so once rather than "0 challenged" */
    const char *challenged =
        p->has_status_column
            ? sp_arena_printf(&a->arena, "; %zu reported position%s challenged.", a->challenges,
                              PLURAL(a->challenges, " is", "s are"))
            : ". The export records no reported status, so no position can be challenged.";
    /* never "0 of 0": an empty set is said in words (decision 14) */
    const char *milestones =
        m->total ? sp_arena_printf(&a->arena, "Of %zu milestones, %zu %s complete and %zu overdue%s; %zu of %zu areas %s "
                                              "off track or at risk",
                                   m->total, m->blue, PLURAL(m->blue, "is", "are"), m->red, ack, troubled, areas,
                                   PLURAL(troubled, "is", "are"))
                 : "The export has no milestones";
    const char *kpis = k->total ? sp_arena_printf(&a->arena, "%zu of %zu KPIs %s Red or Amber", k->red + k->amber, k->total,
                                                  PLURAL(k->red + k->amber, "is", "are"))
                                : "the export has no KPIs";
    a->overall = sp_arena_printf(
        &a->arena, "%s; %s%s%s%s%s", milestones, kpis, unreported, missing, challenged,
        a->completions_unchecked ? " Completions cannot be checked against dates: the export records none." : "");
}

void sp_assess(const sp_plan *p, sp_date as_of, const sp_rules *rules, sp_assessment *out)
{
    sp_assess_with_history(p, as_of, rules, NULL, out);
}

void sp_assess_with_history(const sp_plan *p, sp_date as_of, const sp_rules *rules, const sp_history *h,
                            sp_assessment *out)
{
    memset(out, 0, sizeof *out);
    out->plan = p;
    out->history = h;
    out->as_of = as_of;
    out->rules = *rules;
    out->milestones = sp_arena_alloc(&out->arena, (p->milestones.n + 1) * sizeof *out->milestones);
    out->actions = sp_arena_alloc(&out->arena, (p->actions.n + 1) * sizeof *out->actions);
    out->areas = sp_arena_alloc(&out->arena, (p->areas.n + 1) * sizeof *out->areas);
    out->kpis = sp_arena_alloc(&out->arena, (p->kpis.n + 1) * sizeof *out->kpis);
    /* which values count: a value, for a period that has ended by the report date */
    out->obs_counted = sp_arena_alloc(&out->arena, (p->observations.n + 1) * sizeof *out->obs_counted);
    for (size_t i = 0; i < p->observations.n; i++)
        out->obs_counted[i] = p->observations.items[i].has_value && p->observations.items[i].period_end <= as_of;
    sp_link_kpis_to_areas(out);
    sp_assess_cohorts(out); /* what is in scope: before every count */
    sp_assess_milestones(out);
    sp_assess_kpis(out); /* before areas: an area with a Red KPI is at risk */
    sp_assess_actions_and_areas(out);
    sp_assess_exceptions(out);
    summarise(out);
    sp_assess_progress(out);
}

void sp_assessment_free(sp_assessment *a)
{
    sp_arena_free(&a->arena);
}
