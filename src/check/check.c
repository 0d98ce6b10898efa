#include "check/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/area_match.h"
#include "util/contact.h"
#include "util/format.h"
#include "util/strmap.h"


static void check_milestones(const sp_plan *p, sp_diags *d)
{
    for (size_t i = 0; i < p->milestones.n; i++) {
        const sp_milestone *m = &p->milestones.items[i];
        bool marked_complete = m->status_says_complete || m->due.kind == SP_DUE_COMPLETE;
        bool has_date = m->completed != SP_NO_DATE || (m->due.kind == SP_DUE_COMPLETE && m->due.date != SP_NO_DATE);
        /* complete means evidence (decisions 11): where the export records completion dates, a
         * Blue status without one is challenged; where it records none, completions cannot be checked */
        if (marked_complete && !has_date && p->has_completed_column)
            sp_warning_group(d, m->src, "milestones are marked complete with no completion date",
                             "%s: marked complete but no completion date is recorded: it is challenged and judged "
                             "by its dates until the date is added in the completed column", m->ref);
        else if (marked_complete && !has_date && m->due.kind != SP_DUE_COMPLETE)
            sp_warning_group(d, m->src, "milestones are complete by their status alone (no completion-date column)",
                             "%s: marked complete by its status alone: the export has no completion-date column, so "
                             "it cannot be checked", m->ref);
        else if (marked_complete && !has_date)
            sp_warning_group(d, m->src, "milestones are marked complete with no completion date",
                             "%s: marked complete but no completion date is recorded; add it in the completed column",
                             m->ref);
        if (m->due.kind == SP_DUE_NONE)
            sp_warning_group(d, m->src, "milestones have no due date and are reported as Grey (no date)",
                             "%s: no due date; the milestone is reported as Grey (no date)", m->ref);
    }
}

static void check_actions(const sp_plan *p, sp_diags *d)
{
    if (!p->has_owner_column)
        return; /* the reader said it once for the whole file */
    for (size_t i = 0; i < p->actions.n; i++) {
        const sp_action *a = &p->actions.items[i];
        if (!a->owner || !a->owner[0])
            sp_warning_group(d, a->src, "actions have no owner", "action %s has no owner: name the responsible officer",
                             a->ref);
    }
}

static bool numeric_target(const sp_kpi *k)
{
    for (size_t cp = 0; cp < k->n_checkpoints; cp++) {
        sp_target_kind t = k->checkpoints[cp].target.kind;
        if (t == SP_TARGET_ABSOLUTE || t == SP_TARGET_RELATIVE || t == SP_TARGET_POINTS)
            return true;
    }
    return false;
}

/* Which area the KPI is reported under: a guess by word overlap is said, so is none at all. */
static void check_kpi_area(const sp_plan *p, const sp_kpi *k, const char *const *kpi_cells, size_t n_cells,
                           sp_diags *d)
{
    sp_area_link how;
    double overlap;
    size_t ai = sp_match_area(p, k->area, &how, &overlap);
    if (how == SP_LINK_OVERLAP) {
        sp_warning_group(d, k->src, "KPIs are placed in an area by the overlap of their words: check them",
                         "KPI %s: its area '%s' is taken to be '%s' (their words overlap %.0f%%): check it", k->ref,
                         k->area, p->areas.items[ai].name, overlap * 100);
        return;
    }
    if (ai != SP_NO_AREA)
        return;
    for (size_t i = 0; i < n_cells; i++)
        if (sp_kpi_named_by(kpi_cells[i], k))
            return;
    if (k->area[0])
        sp_warning_group(d, k->src, "KPIs are in no area and are reported under Plan-wide KPIs",
                         "KPI %s: its area '%s' matches no area of actions.csv and no action names it: it is reported "
                         "under Plan-wide KPIs", k->ref, k->area);
    else
        sp_warning_group(d, k->src, "KPIs are in no area and are reported under Plan-wide KPIs",
                         "KPI %s has no area and no action names it: it is reported under Plan-wide KPIs", k->ref);
}

static void check_kpis(const sp_plan *p, sp_diags *d)
{
    /* the actions' KPI cells, each text once: thousands of actions name a few dozen KPIs, and
     * each KPI in no area is looked for in all of them */
    const char **kpi_cells = sp_xmalloc((p->actions.n + 1) * sizeof *kpi_cells);
    size_t n_cells = 0;
    sp_strmap seen;
    sp_strmap_init(&seen, false);
    for (size_t i = 0; i < p->actions.n; i++) {
        const char *cell = p->actions.items[i].kpi;
        if (cell && cell[0] && !sp_strmap_get(&seen, cell, &(size_t){0})) {
            sp_strmap_put(&seen, cell, n_cells);
            kpi_cells[n_cells++] = cell;
        }
    }
    sp_strmap_free(&seen);
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        bool any_target = false;
        for (size_t cp = 0; cp < k->n_checkpoints; cp++)
            any_target = any_target || k->checkpoints[cp].target.kind != SP_TARGET_NONE;
        if (!any_target)
            sp_warning_group(d, k->src, "KPIs have no targets", "KPI %s has no targets: add a 3, 6 or 12-month target",
                             k->ref);
        double standing;
        if (!k->baseline.set && !sp_kpi_standing_target(k, &standing) && (numeric_target(k) || (k->unit != SP_UNIT_TEXT && k->direction != SP_DIR_NONE))) {
            const char *group = "KPIs have no baseline yet: it is set from the first value on or after the plan start";
            if (k->baseline.text[0])
                sp_warning_group(d, k->src, group,
                                 "KPI %s has no baseline yet ('%s'): it is set from the first value on or after the plan start",
                                 k->ref, k->baseline.text);
            else
                sp_warning_group(d, k->src, group,
                                 "KPI %s has no baseline: it is set from the first value on or after the plan start",
                                 k->ref);
        }
        check_kpi_area(p, k, kpi_cells, n_cells, d);
    }
    free(kpi_cells);
}

/* A percentage of children, plans or appointments cannot pass 100: a value that does is a
 * typing slip or a count in a % column, and would be judged as far beyond its target. */
static void check_percentages(const sp_plan *p, sp_diags *d)
{
    char v[64];
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        if (k->unit != SP_UNIT_PERCENT)
            continue;
        if (k->baseline.set && k->baseline.value > 100) {
            sp_format_value(k->baseline.value, k->unit, v, sizeof v);
            sp_error(d, k->src, "%s: %s is over 100%%: a baseline percentage cannot pass 100", k->ref, v);
        }
        for (size_t cp = 0; cp < k->n_checkpoints; cp++) {
            const sp_target *t = &k->checkpoints[cp].target;
            if (t->kind == SP_TARGET_ABSOLUTE && t->value > 100) {
                sp_format_value(t->value, k->unit, v, sizeof v);
                sp_error(d, t->src, "%s: %s is over 100%%: a target percentage cannot pass 100", k->ref, v);
            }
        }
        for (size_t o = 0; o < k->n_obs; o++) {
            const sp_observation *ob = &p->observations.items[k->first_obs + o];
            if (ob->has_value && ob->value > 100) {
                sp_format_value(ob->value, k->unit, v, sizeof v);
                sp_error(d, ob->src, "%s: %s is over 100%%: a percentage cannot pass 100 (or is the KPI's unit wrong?)",
                         k->ref, v);
            }
        }
    }
}

/* "Reduction by 20%" of a baseline of 0 is 0 whatever happens: such a target says nothing. */
static void check_relative_targets(const sp_plan *p, sp_diags *d)
{
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        if (!k->baseline.set || k->baseline.value != 0)
            continue;
        for (size_t cp = 0; cp < k->n_checkpoints; cp++)
            if (k->checkpoints[cp].target.kind == SP_TARGET_RELATIVE)
                sp_warning(d, k->checkpoints[cp].target.src,
                           "%s: '%s' is relative to a baseline of 0, so it cannot be met or missed; "
                           "write the target as a number",
                           k->ref, k->checkpoints[cp].target.text);
    }
}

/* A target on the wrong side of the baseline for the KPI's direction ("Increase on baseline of
 * at least 20%" on a KPI where lower is better) is judged as the direction says, so a value
 * that fell short of the increase reads as the target met: Blue, good news the plan never
 * claimed. One of the two cells is wrong; the export cannot say which. */
static void check_target_direction(const sp_plan *p, sp_diags *d)
{
    static const char *const group = "KPI targets that move against the KPI's direction";
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        /* an inferred direction agrees with the final target by construction, and the checkpoints
         * before it may move the other way first (input contract, kpis.csv "direction") */
        if (k->direction == SP_DIR_NONE || k->direction_source == SP_DIRSRC_INFERRED)
            continue;
        for (size_t cp = 0; cp < k->n_checkpoints; cp++) {
            const sp_target *t = &k->checkpoints[cp].target;
            char label[16];
            double change;
            if (t->kind == SP_TARGET_RELATIVE || t->kind == SP_TARGET_POINTS)
                change = t->value; /* its sign is its direction, with or without a baseline */
            else if (t->kind == SP_TARGET_ABSOLUTE && k->baseline.set)
                change = t->value - k->baseline.value;
            else
                continue;
            bool against = k->direction == SP_DIR_UP ? change < 0 : change > 0;
            if (!against)
                continue;
            /* the number the target comes to, where the baseline gives one */
            char v[64] = "it";
            if (k->baseline.set)
                sp_format_value(sp_target_value(t, k->baseline.value), k->unit, v, sizeof v);
            sp_warning_group(d, t->src, group,
                             "%s: the %s target '%s' is %s the baseline, but the KPI's direction is %s (%s is "
                             "better), so any value %s %s counts as meeting it: correct the direction or the target",
                             k->ref, sp_kpi_checkpoint_label(&k->checkpoints[cp], label), t->text, change > 0 ? "above" : "below",
                             k->direction == SP_DIR_UP ? "up" : "down", k->direction == SP_DIR_UP ? "higher" : "lower",
                             k->direction == SP_DIR_UP ? "at or above" : "at or below", v);
        }
    }
}

/* The folder's name becomes the output files' names, which no redaction reaches. */
static void check_folder_name(const sp_plan *p, sp_diags *d)
{
    if (!p->dir)
        return;
    size_t n = strlen(p->dir);
    while (n > 1 && p->dir[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && p->dir[start - 1] != '/')
        start--;
    char *base = malloc(n - start + 1);
    memcpy(base, p->dir + start, n - start);
    base[n - start] = '\0';
    if (sp_contact_in(base))
        sp_warning(d, ((sp_src){p->dir, 0, 0}),
                   "the plan folder's name holds what may be a phone number or e-mail address: it becomes the names "
                   "of the output files, public ones too, where nothing is removed; rename the folder");
    free(base);
}

/* A value or target written in another unit than its KPI's ("13.02%" among rates, "0.45%"
 * among plain numbers): one of them is misread, and the judgement would compare the two. */
static void check_units(const sp_plan *p, sp_diags *d)
{
    static const char *const group = "KPI values or targets written in another unit than the KPI's";
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        if (k->unit == SP_UNIT_PERCENT || k->unit == SP_UNIT_TEXT)
            continue;
        const char *unit = sp_unit_key(k->unit);
        for (size_t cp = 0; cp < k->n_checkpoints; cp++) {
            const sp_target *t = &k->checkpoints[cp].target;
            if (t->kind == SP_TARGET_ABSOLUTE && strchr(t->text, '%'))
                sp_warning_group(d, t->src, group, "%s: the target '%s' is a percentage but the KPI's unit is %s: "
                                 "check the cell", k->ref, t->text, unit);
        }
        for (size_t o = 0; o < k->n_obs; o++) {
            const sp_observation *ob = &p->observations.items[k->first_obs + o];
            if (ob->has_value && ob->value_percent)
                sp_warning_group(d, ob->value_src, group, "%s: the value '%g%%' is a percentage but the KPI's unit is "
                                 "%s: check the cell", k->ref, ob->value, unit);
        }
    }
}

void sp_check_plan(const sp_plan *p, sp_diags *d)
{
    check_folder_name(p, d);
    check_units(p, d);
    check_target_direction(p, d);
    check_percentages(p, d);
    check_relative_targets(p, d);
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

void sp_check_annex_a(const sp_plan *p, sp_diags *d)
{
    const sp_plan_info *i = &p->info;
    const struct {
        const char *key, *value;
    } keys[] = {{"inspection", i->inspection},
                {"revisit_report", i->revisit_report},
                {"accountable_officers", i->accountable_officers},
                {"advisers", i->advisers},
                {"governance", i->governance}};
    char missing[160] = "";
    size_t n = 0;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        const char *v = keys[k].value;
        while (v && (*v == ' ' || *v == '\t' || *v == '\n'))
            v++;
        if (!v || !*v) {
            size_t at = strlen(missing);
            snprintf(missing + at, sizeof missing - at, "%s%s", n++ ? ", " : "", keys[k].key);
        }
    }
    if (n)
        sp_warning(d, i->src,
                   "the DfE and NHS England header (Annex A) says \"not recorded\" for %s: add %s to plan.ini's "
                   "[plan] section",
                   missing, n == 1 ? "it" : "them");
}
