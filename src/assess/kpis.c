/* KPIs: baseline, resolved targets, latest value, trajectory, RAG with tolerance, progress to
 * target, direction of travel, comparators, next checkpoint; qualitative KPIs by checkpoint. */
#include <math.h>
#include <stdio.h>

#include "assess/assess.h"
#include "util/format.h"

/* Comparisons within rounding: 18.9 - 17.2 is not exactly 1.7 in binary. */
#define SP_EPSILON 1e-9

static bool is_numeric_kind(sp_target_kind k)
{
    return k == SP_TARGET_ABSOLUTE || k == SP_TARGET_RELATIVE || k == SP_TARGET_POINTS;
}

bool sp_kpi_trajectory_at(const sp_kpi_result *k, sp_date date, double *value)
{
    if (!k->baseline_set || k->final_checkpoint < 0 || k->standing) /* a standing target has no trajectory */
        return false;
    sp_date x0 = k->baseline_from;
    double y0 = k->baseline;
    if (date <= x0) {
        *value = y0;
        return true;
    }
    /* checkpoints are in date order (the reader sorts them) */
    for (int cp = 0; cp < k->n_target; cp++) {
        const sp_resolved_target *t = &k->target[cp];
        if (!t->numeric || t->date <= x0)
            continue;
        if (date <= t->date) {
            *value = y0 + (t->value - y0) * (double)(date - x0) / (double)(t->date - x0);
            return true;
        }
        x0 = t->date;
        y0 = t->value;
    }
    *value = y0; /* flat after the last checkpoint */
    return true;
}

/* How far `value` falls short of `expected` in the KPI's direction (<= 0: on or better). */
static double shortfall(sp_direction dir, double value, double expected)
{
    return dir == SP_DIR_DOWN ? value - expected : expected - value;
}

static void resolve_baseline(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r)
{
    const sp_plan *p = a->plan;
    if (k->baseline.set) {
        r->baseline_set = true;
        r->baseline = k->baseline.value;
        r->baseline_from = p->info.start;
        return;
    }
    /* A pending baseline is set from the first value on or after the plan start. */
    for (size_t o = 0; o < k->n_obs; o++) {
        const sp_observation *ob = &p->observations.items[k->first_obs + o];
        if (!a->obs_counted[k->first_obs + o] || ob->period_end < p->info.start)
            continue;
        char when[16];
        sp_date_month(ob->period_end, when);
        r->baseline_set = true;
        r->baseline = ob->value;
        r->baseline_from = ob->period_end;
        r->baseline_from_first_value = true;
        r->baseline_obs = k->first_obs + o;
        r->baseline_note = sp_arena_printf(&a->arena, "baseline set from first value, %s", when);
        return;
    }
}

static void resolve_targets(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r)
{
    r->final_checkpoint = -1;
    r->n_target = (int)k->n_checkpoints;
    r->target = sp_arena_alloc(&a->arena, (k->n_checkpoints + 1) * sizeof *r->target);
    for (int cp = 0; cp < r->n_target; cp++) {
        const sp_target *t = &k->checkpoints[cp].target;
        sp_resolved_target *out = &r->target[cp];
        *out = (sp_resolved_target){.date = k->checkpoints[cp].date};
        switch (t->kind) {
        case SP_TARGET_ABSOLUTE:
            out->numeric = true;
            out->value = t->value;
            break;
        case SP_TARGET_RELATIVE:
        case SP_TARGET_POINTS:
            if (!r->baseline_set) {
                out->pending = true;
                break;
            }
            if (t->kind == SP_TARGET_RELATIVE && r->baseline == 0) {
                r->relative_to_zero = true; /* any percentage of 0 is 0: no target at all */
                break;
            }
            out->numeric = true;
            out->value = sp_target_value(t, r->baseline);
            break;
        default: break;
        }
    }
    /* "The 12-month target": the last numeric checkpoint (the end target where there is one). */
    for (int cp = r->n_target - 1; cp >= 0 && r->final_checkpoint < 0; cp--)
        if (r->target[cp].numeric)
            r->final_checkpoint = cp;
}

static void find_latest(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r)
{
    const sp_plan *p = a->plan;
    for (size_t o = 0; o < k->n_obs; o++) {
        size_t idx = k->first_obs + o;
        const sp_observation *ob = &p->observations.items[idx];
        if (!a->obs_counted[idx])
            continue;
        if (r->has_latest) {
            r->has_previous = true;
            r->previous_obs = r->latest_obs;
        }
        r->has_latest = true;
        r->latest_obs = idx;
        r->latest = ob->value;
    }
}

static const char *fmt(sp_assessment *a, const sp_kpi *k, double v)
{
    char buf[64];
    sp_format_value(v, k->unit, buf, sizeof buf);
    return sp_arena_strdup(&a->arena, buf);
}

/* A gap between two values of the KPI, with its unit: points (percentage points) for a percentage,
 * the unit for days, weeks and rates, "(in the KPI's own units)" for a plain number. */
static const char *gap_amount(sp_assessment *a, const sp_kpi *k, double v)
{
    char num[64];
    sp_format_number(v, num, sizeof num);
    switch (k->unit) {
    case SP_UNIT_PERCENT: return sp_arena_printf(&a->arena, "%s point%s", num, v == 1 ? "" : "s"); /* percentage points */
    case SP_UNIT_NUMBER:
    case SP_UNIT_TEXT: return sp_arena_printf(&a->arena, "%s", num);
    default: return fmt(a, k, v);
    }
}

/* The latest value as the reasons say it: "1.07% (projected)" when the plan marks it projected. */
static const char *fmt_latest(sp_assessment *a, const sp_kpi *k, const sp_kpi_result *r)
{
    const char *v = fmt(a, k, r->latest);
    return a->plan->observations.items[r->latest_obs].projected ? sp_arena_printf(&a->arena, "%s (projected)", v) : v;
}

/* Judged against the standing value directly: met Blue, short by no more than the tolerance
 * Amber, else Red. No baseline and no trajectory. */
static void judge_standing(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r)
{
    const char *target = fmt(a, k, r->standing_target);
    if (!r->has_latest) {
        r->rag = SP_GREY;
        r->reason = sp_arena_printf(&a->arena, "Standing target %s: no value recorded yet.", target);
        return;
    }
    char when[16], gap_text[96], tol_text[96];
    sp_date_month(a->plan->observations.items[r->latest_obs].period_end, when);
    double gap = shortfall(k->direction, r->latest, r->standing_target);
    snprintf(gap_text, sizeof gap_text, "%s", gap_amount(a, k, gap));
    snprintf(tol_text, sizeof tol_text, "%s", gap_amount(a, k, r->tolerance));
    const char *value = fmt_latest(a, k, r);
    if (gap <= SP_EPSILON) {
        r->rag = SP_BLUE;
        r->reason = sp_arena_printf(&a->arena, "Standing target %s is met: %s in %s.", target, value, when);
    } else if (gap <= r->tolerance + SP_EPSILON) {
        r->rag = SP_AMBER;
        r->reason = sp_arena_printf(&a->arena, "Standing target %s: %s in %s, short by %s, within the tolerance of %s.",
                                    target, value, when, gap_text, tol_text);
    } else {
        r->rag = SP_RED;
        r->reason = sp_arena_printf(&a->arena, "Standing target %s: %s in %s, short by %s, more than the tolerance of %s.",
                                    target, value, when, gap_text, tol_text);
    }
}

static void judge_numeric(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r)
{
    if (k->direction == SP_DIR_NONE) {
        r->rag = SP_GREY;
        r->reason = "Not judged: the KPI has no improvement direction, so only its values are shown.";
        return;
    }
    if (!r->baseline_set) {
        r->rag = SP_GREY;
        r->reason = "Baseline not yet set: no value has been recorded since the plan start.";
        return;
    }
    if (r->final_checkpoint < 0) {
        r->rag = SP_GREY;
        r->reason = r->relative_to_zero ? "No target can be judged: its targets are percentage changes of a baseline of 0."
                                        : "No numeric target could be resolved.";
        return;
    }
    if (!r->has_latest) {
        r->rag = SP_GREY;
        r->reason = "No value recorded yet.";
        return;
    }
    const sp_observation *ob = &a->plan->observations.items[r->latest_obs];
    if (r->baseline_from_first_value && r->latest_obs == r->baseline_obs) {
        /* the value that set the baseline is not itself judged */
        char month[16];
        sp_date_month(ob->period_end, month);
        r->rag = SP_GREY;
        r->reason = sp_arena_printf(&a->arena, "Baseline set from the first value (%s, %s); judged from the next value.",
                                    fmt(a, k, ob->value), month);
        return;
    }
    char when[16];
    sp_date_month(ob->period_end, when);
    double final = r->target[r->final_checkpoint].value;
    char label_buf[16];
    const char *label = sp_kpi_checkpoint_label(&k->checkpoints[r->final_checkpoint], label_buf);
    if (shortfall(k->direction, r->latest, final) <= SP_EPSILON) {
        r->rag = SP_BLUE;
        r->reason = sp_arena_printf(&a->arena, "The %s target of %s is met: %s in %s.", label, fmt(a, k, final),
                                    fmt_latest(a, k, r), when);
        return;
    }
    double gap = shortfall(k->direction, r->latest, r->trajectory);
    const char *values = sp_arena_printf(&a->arena, "%s in %s against %s expected", fmt_latest(a, k, r), when,
                                         fmt(a, k, r->trajectory));
    char gap_text[96], tol_text[96];
    snprintf(gap_text, sizeof gap_text, "%s", gap_amount(a, k, gap));
    snprintf(tol_text, sizeof tol_text, "%s", gap_amount(a, k, r->tolerance));
    if (gap <= SP_EPSILON) {
        r->rag = SP_GREEN;
        r->reason = sp_arena_printf(&a->arena, "On or better than the trajectory: %s.", values);
    } else if (gap <= r->tolerance + SP_EPSILON) {
        r->rag = SP_AMBER;
        r->reason = sp_arena_printf(&a->arena, "Behind the trajectory by %s, within the tolerance of %s: %s.", gap_text,
                                    tol_text, values);
    } else {
        r->rag = SP_RED;
        r->reason = sp_arena_printf(&a->arena, "Behind the trajectory by %s, more than the tolerance of %s: %s.",
                                    gap_text, tol_text, values);
    }
}

/* When a checkpoint's value or status is due: the end of the month `lag` months after it. */
static sp_date reporting_deadline(sp_date checkpoint, int lag)
{
    return sp_date_end_of_month(sp_date_add_months(sp_date_start_of_month(checkpoint), lag));
}

/* "Latest value: 163 in Dec 2022, up from 131 in Jul 2022; improving since the previous value
 * (158 in Nov 2022)." - a KPI judged by status that also records values: how far it has come
 * since its first value of the plan, and its direction of travel. */
static const char *values_said(sp_assessment *a, const sp_kpi *k, const sp_kpi_result *r)
{
    if (!r->has_latest)
        return "";
    const sp_plan *p = a->plan;
    const sp_observation *latest = &p->observations.items[r->latest_obs];
    char when[16];
    sp_date_month(latest->period_end, when);
    size_t first = r->latest_obs;
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++)
        if (a->obs_counted[o] && p->observations.items[o].period_end >= p->info.start) {
            first = o;
            break;
        }
    if (first == r->latest_obs)
        return sp_arena_printf(&a->arena, " Latest value: %s in %s.", fmt_latest(a, k, r), when);
    const sp_observation *from = &p->observations.items[first];
    char from_when[16];
    sp_date_month(from->period_end, from_when);
    const char *move = r->latest > from->value ? "up" : r->latest < from->value ? "down" : "unchanged";
    const char *said = sp_arena_printf(&a->arena, " Latest value: %s in %s, %s from %s in %s", fmt_latest(a, k, r), when,
                                       move, fmt(a, k, from->value), from_when);
    const char *travel = sp_travel_key(r->travel);
    if (!travel || !r->has_previous)
        return sp_arena_printf(&a->arena, "%s.", said);
    if (r->previous_obs == first)
        return sp_arena_printf(&a->arena, "%s (%s).", said, travel);
    const sp_observation *prev = &p->observations.items[r->previous_obs];
    char prev_when[16];
    sp_date_month(prev->period_end, prev_when);
    return sp_arena_printf(&a->arena, "%s; %s since the previous value (%s in %s).", said, travel,
                           fmt(a, k, prev->value), prev_when);
}

/* Qualitative KPIs: the latest checkpoint that has passed is judged by the status recorded in
 * its window (after the previous checkpoint, up to and including its own date). While its
 * status is not yet due (the reporting lag), the checkpoint before it is judged instead. */
static void judge_qualitative(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r)
{
    const sp_plan *p = a->plan;
    int first = -1;
    size_t n_cp = k->n_checkpoints;
    sp_qual_status *status = sp_arena_alloc(&a->arena, (n_cp + 1) * sizeof *status);
    sp_date *recorded = sp_arena_alloc(&a->arena, (n_cp + 1) * sizeof *recorded);
    int *passed = sp_arena_alloc(&a->arena, (n_cp + 1) * sizeof *passed), n_passed = 0;
    const sp_checkpoint *cps = k->checkpoints;
    for (int cp = 0; cp < (int)n_cp; cp++) {
        status[cp] = SP_QS_NONE;
        recorded[cp] = SP_NO_DATE;
        if (cps[cp].target.kind != SP_TARGET_TEXT)
            continue;
        if (first < 0)
            first = cp;
        if (cps[cp].date >= a->as_of) /* due on the report date has not yet passed */
            continue;
        passed[n_passed++] = cp;
        sp_date window_start = cp == 0 ? SP_NO_DATE : cps[cp - 1].date;
        for (size_t o = 0; o < k->n_obs; o++) {
            const sp_observation *ob = &p->observations.items[k->first_obs + o];
            if (ob->status != SP_QS_NONE && ob->period_end > window_start && ob->period_start <= cps[cp].date) {
                status[cp] = ob->status;
                recorded[cp] = ob->period_end;
            }
        }
    }
    char due[20], label_buf[16];
    if (n_passed == 0) {
        sp_date_long(cps[first].date, due);
        r->rag = SP_GREY;
        r->reason = sp_arena_printf(&a->arena, "No milestone has fallen due yet: the %s milestone is due %s.%s",
                                    sp_kpi_checkpoint_label(&cps[first], label_buf), due, values_said(a, k, r));
        return;
    }
    /* the latest passed checkpoint with a status, or whose status is overdue */
    int judged = passed[n_passed - 1];
    for (int i = n_passed - 1; i >= 0; i--) {
        int cp = passed[i];
        judged = cp;
        if (status[cp] != SP_QS_NONE || reporting_deadline(cps[cp].date, a->rules.reporting_lag_months) < a->as_of)
            break;
    }
    r->judged_checkpoint = judged;
    const char *label = sp_kpi_checkpoint_label(&cps[judged], label_buf);
    sp_date_long(cps[judged].date, due);
    char when[16] = "";
    if (recorded[judged] != SP_NO_DATE)
        sp_date_month(recorded[judged], when);
    switch (status[judged]) {
    case SP_QS_MET:
        r->rag = judged == (int)n_cp - 1 ? SP_BLUE : SP_GREEN; /* met at the final checkpoint */
        r->reason = sp_arena_printf(&a->arena, "The %s milestone is met (recorded %s).", label, when);
        return;
    case SP_QS_PARTLY_MET:
        r->rag = SP_AMBER;
        r->reason = sp_arena_printf(&a->arena, "The %s milestone is partly met (recorded %s).", label, when);
        return;
    case SP_QS_NOT_MET:
        r->rag = SP_RED;
        r->reason = sp_arena_printf(&a->arena, "The %s milestone is not met (recorded %s).", label, when);
        return;
    default: break;
    }
    r->rag = SP_GREY;
    sp_date deadline = reporting_deadline(cps[judged].date, a->rules.reporting_lag_months);
    char by[20];
    sp_date_long(deadline, by);
    if (deadline >= a->as_of) {
        r->reason = sp_arena_printf(&a->arena, "The %s milestone (due %s) has no status yet; it is due to be reported by %s.%s",
                                    label, due, by, values_said(a, k, r));
        return;
    }
    /* A KPI that records values is not "without an update": its checkpoint status is missing. */
    if (r->has_latest)
        r->missing_update = sp_arena_printf(&a->arena, "Checkpoint status not recorded for the %s milestone (due %s)",
                                            label, due);
    else
        r->missing_update = sp_arena_printf(&a->arena, "No update recorded for the %s milestone (due %s)", label, due);
    r->reason = sp_arena_printf(&a->arena, "%s.%s", r->missing_update, values_said(a, k, r));
}

/* Numeric KPIs: no value for the period of the latest checkpoint whose reporting deadline has
 * passed, or later. The RAG stays judged from the latest value. */
static void check_reported(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r)
{
    const sp_plan *p = a->plan;
    int due_cp = -1;
    bool any_target = false;
    const sp_checkpoint *cps = k->checkpoints;
    for (size_t cp = 0; cp < k->n_checkpoints; cp++)
        any_target = any_target || cps[cp].target.kind != SP_TARGET_NONE;
    for (size_t cp = 0; cp < k->n_checkpoints; cp++)
        if ((!any_target || cps[cp].target.kind != SP_TARGET_NONE) &&
            reporting_deadline(cps[cp].date, a->rules.reporting_lag_months) < a->as_of)
            due_cp = (int)cp;
    if (due_cp < 0)
        return;
    sp_date cp_date = cps[due_cp].date;
    if (r->has_latest && p->observations.items[r->latest_obs].period_end >= sp_date_start_of_month(cp_date))
        return;
    int months = sp_months_between(cp_date, a->as_of);
    char cp_month[16];
    sp_date_month(cp_date, cp_month);
    char label[16];
    const char *after = cps[due_cp].kind == SP_CPK_DATED /* its label is its month */
                            ? sp_arena_printf(&a->arena, "%d month%s after the %s checkpoint", months, months == 1 ? "" : "s",
                                              cp_month)
                            : sp_arena_printf(&a->arena, "%d month%s after the %s checkpoint (%s)", months,
                                              months == 1 ? "" : "s", sp_kpi_checkpoint_label(&cps[due_cp], label), cp_month);
    if (r->has_latest) {
        char when[16];
        sp_date_month(p->observations.items[r->latest_obs].period_end, when);
        r->not_reported = sp_arena_printf(&a->arena, "No value reported since %s: %s", when, after);
    } else {
        r->not_reported = sp_arena_printf(&a->arena, "No value reported: %s", after);
    }
}

const char *sp_checkpoint_result_key(sp_checkpoint_result r)
{
    switch (r) {
    case SP_CPR_NOT_DUE: return "not yet due";
    case SP_CPR_NO_VALUE: return "no value";
    case SP_CPR_MET: return "met";
    case SP_CPR_PARTLY_MET: return "partly met";
    case SP_CPR_NOT_MET: return "not met";
    default: return NULL;
    }
}

/* Each checkpoint against the value (or status) recorded for its month: met or not. */
static void judge_checkpoints(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r)
{
    const sp_plan *p = a->plan;
    for (int cp = 0; cp < r->n_target; cp++) {
        sp_resolved_target *t = &r->target[cp];
        const sp_target *written = &k->checkpoints[cp].target;
        for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++) {
            const sp_observation *ob = &p->observations.items[o];
            if (ob->period_start <= t->date && t->date <= ob->period_end &&
                (written->kind == SP_TARGET_TEXT ? ob->status != SP_QS_NONE : a->obs_counted[o])) {
                t->has_actual = true;
                t->actual_obs = o;
            }
        }
        /* words beside a numeric KPI never need a status (assessment rules, qualitative KPIs) */
        if (written->kind == SP_TARGET_NONE || (t->numeric ? k->direction == SP_DIR_NONE : written->kind != SP_TARGET_TEXT) ||
            (!t->numeric && r->numeric))
            t->result = SP_CPR_NOT_JUDGED;
        else if (!t->has_actual)
            t->result = t->date > a->as_of ? SP_CPR_NOT_DUE : SP_CPR_NO_VALUE;
        else if (written->kind == SP_TARGET_TEXT) {
            sp_qual_status s = p->observations.items[t->actual_obs].status;
            t->result = s == SP_QS_MET ? SP_CPR_MET : s == SP_QS_PARTLY_MET ? SP_CPR_PARTLY_MET : SP_CPR_NOT_MET;
        } else
            t->result = shortfall(k->direction, p->observations.items[t->actual_obs].value, t->value) <= SP_EPSILON
                            ? SP_CPR_MET
                            : SP_CPR_NOT_MET;
    }
}

static sp_comparison compare(sp_direction dir, double value, double other)
{
    if (dir == SP_DIR_NONE)
        return SP_CMP_NONE;
    double d = shortfall(dir, value, other); /* > 0: worse than the comparator */
    if (fabs(d) <= SP_EPSILON)
        return SP_CMP_SAME;
    return d < 0 ? SP_CMP_BETTER : SP_CMP_WORSE;
}

void sp_assess_kpis(sp_assessment *a)
{
    const sp_plan *p = a->plan;
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        sp_kpi_result *r = &a->kpis[i];
        r->judged_checkpoint = -1;
        r->next_checkpoint = -1;
        for (int cp = (int)k->n_checkpoints - 1; cp >= 0; cp--)
            if (k->checkpoints[cp].date > a->as_of)
                r->next_checkpoint = cp;

        bool numeric = false, textual = false;
        for (size_t cp = 0; cp < k->n_checkpoints; cp++) {
            numeric = numeric || is_numeric_kind(k->checkpoints[cp].target.kind);
            textual = textual || k->checkpoints[cp].target.kind == SP_TARGET_TEXT;
        }
        r->numeric = numeric;
        r->standing = sp_kpi_standing_target(k, &r->standing_target);
        if (!r->standing || k->baseline.set) /* a standing target needs no baseline */
            resolve_baseline(a, k, r);
        resolve_targets(a, k, r);
        find_latest(a, k, r);

        if (k->has_tolerance) {
            r->has_tolerance = true;
            r->tolerance = k->tolerance;
        } else if (r->standing) {
            r->has_tolerance = true;
            r->tolerance = a->rules.standing_tolerance_share * fabs(r->standing_target);
        } else if (r->final_checkpoint >= 0 && r->baseline_set) {
            r->has_tolerance = true;
            r->tolerance = a->rules.tolerance_share * fabs(r->target[r->final_checkpoint].value - r->baseline);
        }
        if (r->has_latest && !r->standing)
            r->has_trajectory = sp_kpi_trajectory_at(r, p->observations.items[r->latest_obs].period_end, &r->trajectory);
        if (r->has_latest && r->baseline_set && r->final_checkpoint >= 0) {
            double span = r->target[r->final_checkpoint].value - r->baseline;
            if (fabs(span) > SP_EPSILON) {
                r->has_progress = true;
                r->progress = (r->latest - r->baseline) / span * 100.0;
            }
        }
        if (r->has_previous) {
            double diff = r->latest - p->observations.items[r->previous_obs].value;
            if (fabs(diff) <= SP_EPSILON)
                r->travel = SP_TRAVEL_NO_CHANGE;
            else if (k->direction == SP_DIR_NONE)
                r->travel = diff > 0 ? SP_TRAVEL_HIGHER : SP_TRAVEL_LOWER;
            else
                r->travel = (diff > 0) == (k->direction == SP_DIR_UP) ? SP_TRAVEL_IMPROVING : SP_TRAVEL_WORSENING;
        }
        if (r->has_latest) {
            const sp_observation *ob = &p->observations.items[r->latest_obs];
            if (ob->has_england)
                r->england = compare(k->direction, r->latest, ob->england);
            if (ob->has_neighbours)
                r->neighbours = compare(k->direction, r->latest, ob->neighbours);
        }

        if (numeric && r->standing && k->direction != SP_DIR_NONE) {
            judge_standing(a, k, r);
            check_reported(a, k, r);
        } else if (numeric) {
            judge_numeric(a, k, r);
            check_reported(a, k, r);
        } else if (textual) {
            judge_qualitative(a, k, r);
        } else {
            r->rag = SP_GREY;
            r->reason = "No target is set.";
        }
        judge_checkpoints(a, k, r);
        sp_spc_assess(a, k, r);
    }
}
