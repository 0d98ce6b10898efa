/* The assessment: runs each step once, then the plan-level summary. */
#include "assess/assess.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

void sp_rules_default(sp_rules *r)
{
    r->due_soon_days = 90;
    r->stale_days = 90;
    r->off_track_overdue_days = 90;
    r->off_track_share = 0.25;
    r->tolerance_share = 0.10;
    r->spc.min_points = 12;
    r->spc.run_length = 7;
    r->spc.fix_after = 0;
    r->spc.screen_outliers = false;
    sp_forecast_rules_default(&r->forecast);
    r->cohort = NULL;
    r->focus_cohort = NULL;
}

/* "18-25", "18 – 25", "18 to 25" -> [18, 25] */
static bool age_range(const char *s, int *lo, int *hi)
{
    const char *p = s;
    while (*p == ' ')
        p++;
    if (!isdigit((unsigned char)*p))
        return false;
    *lo = (int)strtol(p, (char **)&p, 10);
    while (*p == ' ' || *p == '-' || (unsigned char)*p == 0xE2 || (unsigned char)*p == 0x80 ||
           (unsigned char)*p == 0x93 || (unsigned char)*p == 0x94 || sp_ieqn(p, "to", 2))
        p += sp_ieqn(p, "to", 2) ? 2 : 1;
    if (!isdigit((unsigned char)*p))
        return false;
    *hi = (int)strtol(p, (char **)&p, 10);
    return *lo <= *hi;
}

bool sp_cohort_matches(const char *cohort, const char *filter)
{
    if (!filter || !filter[0])
        return true;
    if (!cohort || !cohort[0])
        return false;
    int a0, a1, b0, b1;
    if (age_range(cohort, &a0, &a1) && age_range(filter, &b0, &b1))
        return a0 <= b1 && b0 <= a1;
    return sp_ieq(cohort, filter);
}

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

static void summarise(sp_assessment *a)
{
    const sp_plan *p = a->plan;
    for (size_t i = 0; i < p->milestones.n; i++) {
        if (!a->milestones[i].in_scope)
            continue;
        sp_counts_add(&a->milestone_counts, a->milestones[i].derived);
        a->challenges += a->milestones[i].challenge != NULL;
    }
    for (size_t i = 0; i < p->kpis.n; i++) {
        if (!a->kpis[i].in_scope)
            continue;
        sp_counts_add(&a->kpi_counts, a->kpis[i].rag);
        a->challenges += a->kpis[i].challenge != NULL;
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
    a->overall = sp_arena_printf(
        &a->arena,
        "Of %zu milestones, %zu %s complete and %zu overdue; %zu of %zu areas %s off track or at risk; "
        "%zu of %zu KPIs %s Red or Amber; %zu reported position%s challenged.",
        m->total, m->blue, m->blue == 1 ? "is" : "are", m->red,
        a->areas_by_assessment[SP_AREA_OFF_TRACK] + a->areas_by_assessment[SP_AREA_AT_RISK], areas,
        a->areas_by_assessment[SP_AREA_OFF_TRACK] + a->areas_by_assessment[SP_AREA_AT_RISK] == 1 ? "is" : "are",
        k->red + k->amber, k->total, k->red + k->amber == 1 ? "is" : "are", a->challenges,
        a->challenges == 1 ? " is" : "s are");
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
