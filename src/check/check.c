#include "check/check.h"


static void check_milestones(const sp_plan *p, sp_diags *d)
{
    for (size_t i = 0; i < p->milestones.n; i++) {
        const sp_milestone *m = &p->milestones.items[i];
        bool marked_complete = m->status_says_complete || m->due.kind == SP_DUE_COMPLETE;
        bool has_date = m->completed != SP_NO_DATE || (m->due.kind == SP_DUE_COMPLETE && m->due.date != SP_NO_DATE);
        if (marked_complete && !has_date)
            sp_warning(d, m->src, "%s: marked complete but no completion date is recorded; add it in the completed column",
                       m->ref);
        if (m->due.kind == SP_DUE_NONE)
            sp_warning(d, m->src, "%s: no due date; the milestone is reported as Grey (no date)", m->ref);
    }
}

static void check_actions(const sp_plan *p, sp_diags *d)
{
    if (!p->has_owner_column)
        return; /* the reader said it once for the whole file */
    for (size_t i = 0; i < p->actions.n; i++) {
        const sp_action *a = &p->actions.items[i];
        if (!a->owner || !a->owner[0])
            sp_warning(d, a->src, "action %s has no owner: name the responsible officer", a->ref);
    }
}

static bool numeric_target(const sp_kpi *k)
{
    for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++) {
        sp_target_kind t = k->target[cp].kind;
        if (t == SP_TARGET_ABSOLUTE || t == SP_TARGET_RELATIVE || t == SP_TARGET_POINTS)
            return true;
    }
    return false;
}

static void check_kpis(const sp_plan *p, sp_diags *d)
{
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        bool any_target = false;
        for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++)
            any_target = any_target || k->target[cp].kind != SP_TARGET_NONE;
        if (!any_target)
            sp_warning(d, k->src, "KPI %s has no targets: add a 3, 6 or 12-month target", k->ref);
        if (!k->baseline.set && (numeric_target(k) || (k->unit != SP_UNIT_TEXT && k->direction != SP_DIR_NONE))) {
            if (k->baseline.text[0])
                sp_warning(d, k->src, "KPI %s has no baseline yet ('%s'): it is set from the first value on or after the plan start",
                           k->ref, k->baseline.text);
            else
                sp_warning(d, k->src, "KPI %s has no baseline: it is set from the first value on or after the plan start",
                           k->ref);
        }
    }
}

void sp_check_plan(const sp_plan *p, sp_diags *d)
{
    check_milestones(p, d);
    check_actions(p, d);
    check_kpis(p, d);
}

void sp_print_summary(FILE *out, const sp_plan *p, const sp_diags *d)
{
#define COUNT(n, one, many) (n), (n) == 1 ? (one) : (many)
    fprintf(out, "%s: %zu %s, %zu %s, %zu %s, %zu %s, %zu %s, %zu %s; %zu %s, %zu %s\n", p->dir,
            COUNT(p->areas.n, "area", "areas"), COUNT(p->actions.n, "action", "actions"),
            COUNT(p->milestones.n, "milestone", "milestones"), COUNT(p->kpis.n, "KPI", "KPIs"),
            COUNT(p->observations.n, "observation", "observations"), COUNT(p->risks.n, "risk", "risks"),
            COUNT(d->errors, "error", "errors"), COUNT(d->warnings, "warning", "warnings"));
#undef COUNT
}
