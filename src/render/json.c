/* The whole assessed model as JSON (docs/json.md documents every field), streamed through
 * render/json_writer.c as it is laid out; nothing here judges: every figure comes from the
 * assessment. */
#include "render/json_writer.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "model/history.h"
#include "render/json_families.h"
#include "render/json_progress.h"
#include "render/report.h"

/* Each helper below writes one value, named by the key set just before it. */
static void date_or_null(sp_jw *w, sp_date d)
{
    if (d == SP_NO_DATE) {
        sp_jw_null(w);
        return;
    }
    char buf[11];
    sp_date_iso(d, buf);
    sp_jw_string(w, buf);
}

static void text_or_null(sp_jw *w, const char *s)
{
    if (s && s[0])
        sp_jw_string(w, s);
    else
        sp_jw_null(w);
}

/* Several owners, officers or advisers: an array of strings. */
static void text_list(sp_jw *w, sp_view_list l)
{
    sp_jw_begin_array(w);
    for (size_t i = 0; i < l.n; i++)
        sp_jw_string(w, l.items[i]);
    sp_jw_end_array(w);
}

static void key_or_null(sp_jw *w, const char *s)
{
    if (s)
        sp_jw_string(w, s);
    else
        sp_jw_null(w);
}

static void status_or_null(sp_jw *w, sp_status s)
{
    key_or_null(w, sp_status_key(s));
}

static void number_if(sp_jw *w, bool has, double v)
{
    if (has)
        sp_jw_real(w, v);
    else
        sp_jw_null(w);
}

static void counts(sp_jw *w, const sp_counts *c)
{
    sp_jw_begin_object(w);
    sp_jw_kinteger(w, "blue", (long long)c->blue);
    sp_jw_kinteger(w, "green", (long long)c->green);
    sp_jw_kinteger(w, "amber", (long long)c->amber);
    sp_jw_kinteger(w, "red", (long long)c->red);
    sp_jw_kinteger(w, "grey", (long long)c->grey);
    sp_jw_kinteger(w, "total", (long long)c->total);
    sp_jw_end_object(w);
}

/* sp_source_label's "file:line", on the stack (a label per observation would otherwise
 * pile up in the arena); the arena only for a name too long for the buffer */
static void source(sp_jw *w, sp_arena *a, sp_src src)
{
    const char *base = strrchr(src.file, '/');
    base = base ? base + 1 : src.file;
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%s:%u", base, src.line);
    sp_jw_string(w, n >= 0 && (size_t)n < sizeof buf ? buf : sp_source_label(a, src));
}

/* "2022-07" or "2022-Q3" */
static void period(sp_jw *w, const sp_observation *o)
{
    int y, m, d;
    sp_date_ymd(o->period_end, &y, &m, &d);
    char buf[32];
    if (o->quarter)
        snprintf(buf, sizeof buf, "%04d-Q%d", y % 10000, (m + 2) / 3);
    else
        snprintf(buf, sizeof buf, "%04d-%02d", y % 10000, m);
    sp_jw_string(w, buf);
}

static void plan_object(sp_jw *w, const sp_report *r)
{
    const sp_plan *p = r->plan;
    sp_jw_begin_object(w);
    sp_jw_kstring(w, "title", p->info.title);
    sp_jw_kstring(w, "area", p->info.area);
    sp_jw_kstring(w, "kind", sp_plan_kind_name(p->info.kind));
    sp_jw_kstring(w, "organisations", p->info.organisations);
    sp_jw_key(w, "contact");
    text_or_null(w, r->contact);
    sp_jw_key(w, "start");
    date_or_null(w, p->info.start);
    sp_jw_key(w, "as_of");
    date_or_null(w, r->assessment->as_of);
    sp_jw_key(w, "checkpoints");
    sp_jw_begin_object(w);
    for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++) {
        sp_jw_key(w, sp_checkpoint_key(cp));
        date_or_null(w, p->info.checkpoint[cp]);
    }
    sp_jw_end_object(w);
    sp_jw_kstring(w, "template", r->tmpl->name);
    sp_jw_key(w, "cohort");
    text_or_null(w, r->assessment->rules.cohort);
    sp_jw_kbool(w, "values_illustrative", p->values_illustrative);
    sp_jw_kstring(w, "folder", p->name);
    if (r->section[SP_SEC_ANNEX_A]) /* the DfE and NHS England header, where the pack shows it */
        for (int i = 0; i < SP_VIEW_ANNEX_ROWS; i++) {
            const sp_view_annex_row *row = &r->annex_a[i];
            if (strcmp(row->key, "area") == 0)
                continue; /* above */
            sp_jw_key(w, row->key);
            if (!row->recorded)
                sp_jw_null(w);
            else if (row->list)
                text_list(w, row->lines);
            else
                sp_jw_string(w, row->text);
        }
    sp_jw_end_object(w);
}

static void summary_object(sp_jw *w, const sp_report *r)
{
    const sp_assessment *a = r->assessment;
    sp_jw_begin_object(w);
    sp_jw_kstring(w, "position", a->overall);
    sp_jw_key(w, "milestones");
    counts(w, &a->milestone_counts);
    sp_jw_key(w, "kpis");
    counts(w, &a->kpi_counts);
    if (!r->tmpl->plain_english) {
        sp_jw_kinteger(w, "challenges", (long long)a->challenges);
        sp_jw_kinteger(w, "acknowledged", (long long)a->acknowledged);
        sp_jw_kbool(w, "status_recorded", r->plan->has_status_column);
        sp_jw_kbool(w, "completions_unchecked", a->completions_unchecked);
    }
    sp_jw_kinteger(w, "kpis_not_reported", (long long)a->kpis_not_reported);
    sp_jw_kinteger(w, "kpis_missing_update", (long long)a->kpis_missing_update);
    sp_jw_kinteger(w, "plan_wide_kpis", (long long)a->plan_wide_kpis);
    sp_jw_kinteger(w, "due", (long long)a->due);
    sp_jw_kinteger(w, "due_on_time", (long long)a->due_on_time);
    sp_jw_key(w, "percent_on_time");
    number_if(w, a->has_percent_on_time, a->percent_on_time);
    sp_jw_kinteger(w, "complete_no_deadline", (long long)a->complete_no_deadline);
    sp_jw_kinteger(w, "complete_no_date", (long long)a->complete_no_date);
    sp_jw_key(w, "cohort_whole_plan");
    text_or_null(w, a->focus_whole_plan);
    sp_jw_key(w, "areas");
    sp_jw_begin_object(w);
    for (int k = 0; k < 4; k++)
        sp_jw_kinteger(w, sp_area_assessment_key((sp_area_assessment)k), (long long)a->areas_by_assessment[k]);
    sp_jw_end_object(w);
    sp_jw_end_object(w);
}

static void areas_array(sp_jw *w, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    sp_jw_begin_array(w);
    for (size_t j = 0; j < r->areas.n; j++) {
        size_t i = r->areas.at[j];
        const sp_area_result *ar = &a->areas[i];
        const sp_area *details = &p->areas.items[i];
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "name", details->name);
        /* areas.csv: sponsor, weakness, partners and cohort; null when not given */
        if (!r->tmpl->plain_english) {
            sp_jw_key(w, "sponsor");
            text_or_null(w, details->sponsor);
        }
        sp_jw_key(w, "weakness");
        text_or_null(w, details->weakness);
        if (!r->tmpl->plain_english) {
            sp_jw_key(w, "partners");
            text_or_null(w, details->partners);
        }
        sp_jw_key(w, "cohort");
        text_or_null(w, details->cohort);
        sp_jw_kstring(w, "assessment", sp_area_assessment_key(ar->assessment));
        sp_jw_kstring(w, "reason", ar->reason);
        sp_jw_key(w, "counts");
        counts(w, &ar->counts);
        sp_jw_kreal(w, "percent_complete", ar->percent_complete);
        sp_jw_kinteger(w, "due", (long long)ar->due);
        sp_jw_kinteger(w, "due_on_time", (long long)ar->due_on_time);
        sp_jw_key(w, "percent_on_time");
        number_if(w, ar->has_percent_on_time, ar->percent_on_time);
        sp_jw_kinteger(w, "overdue", (long long)ar->overdue);
        sp_jw_kinteger(w, "complete_no_deadline", (long long)ar->complete_no_deadline);
        sp_jw_kinteger(w, "complete_no_date", (long long)ar->complete_no_date);
        if (!r->tmpl->plain_english) {
            sp_jw_kinteger(w, "challenges", (long long)ar->challenges);
            sp_jw_kinteger(w, "acknowledged", (long long)ar->acknowledged);
        }
        sp_jw_kinteger(w, "kpis_not_reported", (long long)ar->kpis_not_reported);
        sp_jw_kinteger(w, "kpis_missing_update", (long long)ar->kpis_missing_update);
        sp_jw_key(w, "kpis");
        sp_jw_begin_array(w);
        for (size_t k = 0; k < ar->n_kpis; k++)
            sp_jw_string(w, p->kpis.items[ar->kpis[k]].ref);
        sp_jw_end_array(w);
        sp_jw_key(w, "actions");
        sp_jw_begin_array(w);
        const sp_view_area *av = &r->area_views[i];
        for (size_t k = 0; k < av->actions.n; k++)
            sp_jw_string(w, p->actions.items[av->actions.at[k]].ref);
        sp_jw_end_array(w);
        sp_json_area_progress(w, r, i);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
}

static void actions_array(sp_jw *w, const sp_report *r, sp_arena *arena)
{
    const sp_plan *p = r->plan;
    sp_jw_begin_array(w);
    for (size_t j = 0; j < r->actions.n; j++) {
        size_t i = r->actions.at[j];
        const sp_action *ac = &p->actions.items[i];
        const sp_action_result *ar = &r->assessment->actions[i];
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "ref", ac->ref);
        sp_jw_kstring(w, "area", ac->area);
        sp_jw_key(w, "outcome");
        text_or_null(w, ac->outcome);
        sp_jw_kstring(w, "action", ac->text);
        if (!r->tmpl->plain_english) {
            sp_jw_key(w, "owner");
            text_or_null(w, r->ac_owner[i]);
            sp_jw_key(w, "owners");
            text_list(w, r->ac_owners[i]);
            sp_jw_key(w, "accountable");
            text_or_null(w, r->ac_accountable[i]);
            sp_jw_key(w, "resource");
            text_or_null(w, ac->resource);
        }
        sp_jw_key(w, "cohort");
        text_or_null(w, ar->cohort);
        sp_jw_key(w, "cohort_reason");
        text_or_null(w, ar->cohort_reason);
        sp_jw_key(w, "kpi");
        text_or_null(w, ac->kpi);
        sp_jw_kbool(w, "complete", ar->complete);
        sp_jw_key(w, "status");
        status_or_null(w, ar->status);
        sp_jw_key(w, "counts");
        counts(w, &ar->counts);
        sp_jw_key(w, "source");
        source(w, arena, ac->src);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
}

static void milestones_array(sp_jw *w, const sp_report *r, sp_arena *arena)
{
    const sp_plan *p = r->plan;
    sp_jw_begin_array(w);
    for (size_t j = 0; j < r->milestones.n; j++) {
        size_t i = r->milestones.at[j];
        const sp_milestone *m = &p->milestones.items[i];
        const sp_milestone_result *mr = &r->assessment->milestones[i];
        const sp_action *ac = &p->actions.items[m->action_index];
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "ref", m->ref);
        sp_jw_kstring(w, "area", m->area);
        sp_jw_kstring(w, "action", ac->text);
        sp_jw_key(w, "milestone");
        text_or_null(w, m->text);
        if (!r->tmpl->plain_english) {
            sp_jw_key(w, "owner");
            text_or_null(w, r->ms_owner[i]);
            sp_jw_key(w, "owners");
            text_list(w, r->ms_owners[i]);
            sp_jw_key(w, "accountable");
            text_or_null(w, r->ms_accountable[i]);
        }
        sp_jw_key(w, "due");
        date_or_null(w, mr->original_due);
        sp_jw_key(w, "due_as_written");
        text_or_null(w, m->due_text);
        sp_jw_key(w, "interim_dates");
        sp_jw_begin_array(w);
        for (int k = 0; k < m->due.n_interim; k++)
            date_or_null(w, m->due.interim[k]);
        sp_jw_end_array(w);
        sp_jw_key(w, "revised_due");
        date_or_null(w, m->revised_due);
        sp_jw_key(w, "effective_due");
        date_or_null(w, mr->effective_due);
        sp_jw_key(w, "completed");
        date_or_null(w, mr->completed_on);
        sp_jw_kbool(w, "complete", mr->complete);
        sp_jw_key(w, "reported_status");
        status_or_null(w, m->reported);
        sp_jw_key(w, "reported_as_written");
        text_or_null(w, m->status_text);
        sp_jw_key(w, "derived_status");
        status_or_null(w, mr->derived);
        sp_jw_kstring(w, "reason", mr->reason);
        sp_jw_kinteger(w, "days_overdue", mr->days_overdue);
        if (mr->has_slippage) {
            sp_jw_kinteger(w, "slippage_days", mr->slippage_days);
            sp_jw_kinteger(w, "slippage_months", mr->slippage_months);
        } else {
            sp_jw_knull(w, "slippage_days");
            sp_jw_knull(w, "slippage_months");
        }
        sp_jw_kbool(w, "due_soon", mr->due_soon);
        sp_jw_kbool(w, "stale", mr->stale);
        sp_jw_kbool(w, "on_time", mr->on_time);
        sp_jw_key(w, "updated");
        date_or_null(w, m->updated);
        sp_jw_kbool(w, "recurring", mr->recurring);
        if (!r->tmpl->plain_english) {
            sp_jw_key(w, "challenge");
            text_or_null(w, mr->challenge);
            sp_jw_key(w, "acknowledged");
            text_or_null(w, mr->acknowledged);
            sp_jw_key(w, "resource");
            text_or_null(w, m->resource);
        }
        sp_jw_key(w, "progress");
        text_or_null(w, m->progress);
        sp_jw_kbool(w, "progress_of_action", m->progress_of_action);
        sp_jw_key(w, "cohort");
        text_or_null(w, r->assessment->actions[m->action_index].cohort);
        sp_jw_key(w, "cohort_reason");
        text_or_null(w, r->assessment->actions[m->action_index].cohort_reason);
        sp_jw_key(w, "source");
        source(w, arena, m->src);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
}

static const char *target_kind_key(sp_target_kind k)
{
    static const char *const keys[] = {"none", "absolute", "relative", "points", "text"};
    return keys[k];
}

static void spc_object(sp_jw *w, const sp_kpi *k, const sp_spc *s)
{
    sp_jw_begin_object(w);
    sp_jw_kbool(w, "computed", s->computed);
    sp_jw_kinteger(w, "n", (long long)s->n);
    if (!s->computed) {
        sp_jw_key(w, "why_not");
        text_or_null(w, s->why_not);
        sp_jw_end_object(w);
        return;
    }
    sp_jw_kstring(w, "variation", sp_spc_kind_key(s->variation));
    sp_jw_kstring(w, "variation_text", s->variation_text);
    sp_jw_key(w, "assurance");
    key_or_null(w, sp_spc_assurance_key(s->assurance));
    sp_jw_key(w, "assurance_text");
    key_or_null(w, s->assurance_text);
    char key[16];
    if (s->target_checkpoint >= 0)
        sp_jw_kstring(w, "assurance_target", sp_kpi_checkpoint_key(&k->checkpoints[s->target_checkpoint], key));
    else
        sp_jw_knull(w, "assurance_target");
    /* limits once per segment (they change only at a rebase); per point only its reading */
    sp_jw_key(w, "segments");
    sp_jw_begin_array(w);
    for (size_t i = 0; i < s->n; i++) {
        const sp_spc_point *p = &s->points[i];
        bool starts = i == 0 || p->mean != p[-1].mean || p->upl != p[-1].upl;
        if (!starts)
            continue;
        size_t last = i;
        while (last + 1 < s->n && s->points[last + 1].mean == p->mean && s->points[last + 1].upl == p->upl)
            last++;
        sp_jw_begin_object(w);
        sp_jw_kinteger(w, "first_point", (long long)i);
        sp_jw_kinteger(w, "last_point", (long long)last);
        sp_jw_kreal(w, "mean", p->mean);
        sp_jw_kreal(w, "upper_process_limit", p->upl);
        sp_jw_kreal(w, "lower_process_limit", p->lpl);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
    sp_jw_key(w, "points");
    sp_jw_begin_array(w);
    for (size_t i = 0; i < s->n; i++) {
        const sp_spc_point *p = &s->points[i];
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "type", sp_spc_kind_key(p->kind));
        if (p->outside || p->shift || p->trend || p->two_of_three) {
            sp_jw_key(w, "rules");
            sp_jw_begin_array(w);
            if (p->outside)
                sp_jw_string(w, "outside_limits");
            if (p->shift)
                sp_jw_string(w, "shift");
            if (p->trend)
                sp_jw_string(w, "trend");
            if (p->two_of_three)
                sp_jw_string(w, "two_of_three");
            sp_jw_end_array(w);
        }
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
    sp_jw_end_object(w);
}

/* A checkpoint's target fields, as schema 1's `targets` gave them; the object is left open. */
static void checkpoint_target(sp_jw *w, const sp_checkpoint *c, const sp_resolved_target *rt)
{
    const sp_target *t = &c->target;
    sp_jw_begin_object(w);
    sp_jw_key(w, "date");
    date_or_null(w, rt->date);
    sp_jw_key(w, "as_written");
    text_or_null(w, t->text);
    sp_jw_kstring(w, "kind", target_kind_key(t->kind));
    sp_jw_key(w, "resolved");
    number_if(w, rt->numeric, rt->value);
    sp_jw_kbool(w, "pending_baseline", rt->pending);
    sp_jw_key(w, "words");
    text_or_null(w, t->kind == SP_TARGET_TEXT ? NULL : t->words);
}

static void kpis_array(sp_jw *w, const sp_report *r, sp_arena *arena)
{
    const sp_plan *p = r->plan;
    sp_jw_begin_array(w);
    for (size_t j = 0; j < r->kpis.n; j++) {
        size_t i = r->kpis.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &r->assessment->kpis[i];
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "ref", k->ref);
        sp_jw_kstring(w, "name", k->name);
        sp_jw_key(w, "area");
        text_or_null(w, k->area);
        sp_jw_kstring(w, "unit", sp_unit_key(k->unit));
        sp_jw_kstring(w, "direction", sp_direction_key(k->direction));
        sp_jw_kstring(w, "direction_source", k->direction_source == SP_DIRSRC_GIVEN      ? "given"
                                             : k->direction_source == SP_DIRSRC_INFERRED ? "inferred"
                                                                                         : "default");
        sp_jw_key(w, "direction_note");
        text_or_null(w, k->direction_note);
        sp_jw_key(w, "cohort");
        text_or_null(w, kr->cohort);
        sp_jw_key(w, "cohort_reason");
        text_or_null(w, kr->cohort_reason);
        if (kr->area_index == SP_NO_AREA)
            sp_jw_knull(w, "linked_area");
        else
            sp_jw_kstring(w, "linked_area", p->areas.items[kr->area_index].name);
        sp_jw_key(w, "linked_by");
        key_or_null(w, sp_area_link_key(kr->area_link));
        sp_jw_key(w, "standing_target");
        number_if(w, kr->standing, kr->standing_target);
        sp_jw_kstring(w, "judged_by", kr->numeric ? "value" : "checkpoint_status");

        sp_jw_key(w, "baseline");
        sp_jw_begin_object(w);
        sp_jw_key(w, "value");
        number_if(w, kr->baseline_set, kr->baseline);
        sp_jw_key(w, "as_written");
        text_or_null(w, k->baseline.text);
        sp_jw_key(w, "note");
        text_or_null(w, k->baseline.note);
        sp_jw_key(w, "from");
        if (kr->baseline_set)
            date_or_null(w, kr->baseline_from);
        else
            sp_jw_null(w);
        sp_jw_kbool(w, "set_from_first_value", kr->baseline_from_first_value);
        sp_jw_key(w, "explanation");
        text_or_null(w, kr->baseline_note);
        sp_jw_end_object(w);

        /* the 3/6/12-month targets by key, as schema 1 gave them (empty for plans that set their own dates) */
        sp_jw_key(w, "targets");
        sp_jw_begin_object(w);
        for (size_t cp = 0; cp < k->n_checkpoints; cp++)
            if (k->checkpoints[cp].kind <= SP_CPK_12M) {
                sp_jw_key(w, sp_checkpoint_key((int)k->checkpoints[cp].kind));
                checkpoint_target(w, &k->checkpoints[cp], &kr->target[cp]);
                sp_jw_end_object(w);
            }
        sp_jw_end_object(w);
        char key[16];
        if (kr->final_checkpoint >= 0)
            sp_jw_kstring(w, "final_target", sp_kpi_checkpoint_key(&k->checkpoints[kr->final_checkpoint], key));
        else
            sp_jw_knull(w, "final_target");
        sp_jw_key(w, "checkpoints");
        sp_jw_begin_array(w);
        for (size_t cp = 0; cp < k->n_checkpoints; cp++) {
            const sp_checkpoint *c = &k->checkpoints[cp];
            const sp_resolved_target *rt = &kr->target[cp];
            if (c->target.kind == SP_TARGET_NONE)
                continue;
            checkpoint_target(w, c, rt);
            sp_jw_kstring(w, "checkpoint", sp_kpi_checkpoint_key(c, key));
            sp_jw_key(w, "source");
            text_or_null(w, c->source);
            const sp_observation *actual = rt->has_actual ? &p->observations.items[rt->actual_obs] : NULL;
            sp_jw_key(w, "actual");
            number_if(w, actual && actual->has_value && c->target.kind != SP_TARGET_TEXT, actual ? actual->value : 0);
            sp_jw_kbool(w, "actual_projected", actual && actual->projected);
            sp_jw_key(w, "result");
            key_or_null(w, sp_checkpoint_result_key(rt->result));
            sp_jw_key(w, "at");
            source(w, arena, c->src);
            sp_jw_end_object(w);
        }
        sp_jw_end_array(w);

        sp_jw_key(w, "latest");
        if (kr->has_latest) {
            const sp_observation *ob = &p->observations.items[kr->latest_obs];
            sp_jw_begin_object(w);
            sp_jw_key(w, "period");
            period(w, ob);
            sp_jw_key(w, "period_end");
            date_or_null(w, ob->period_end);
            sp_jw_kreal(w, "value", ob->value);
            sp_jw_kbool(w, "projected", ob->projected);
            sp_jw_key(w, "source");
            source(w, arena, ob->src);
            sp_jw_end_object(w);
        } else {
            sp_jw_null(w);
        }
        sp_jw_key(w, "previous");
        if (kr->has_previous)
            sp_jw_real(w, p->observations.items[kr->previous_obs].value);
        else
            sp_jw_null(w);
        sp_jw_key(w, "trajectory");
        number_if(w, kr->has_trajectory, kr->trajectory);
        sp_jw_key(w, "tolerance");
        number_if(w, kr->has_tolerance, kr->tolerance);
        sp_jw_key(w, "rag");
        status_or_null(w, kr->rag);
        sp_jw_kstring(w, "reason", kr->reason);
        sp_jw_key(w, "not_reported");
        text_or_null(w, kr->not_reported);
        sp_jw_key(w, "missing_update");
        text_or_null(w, kr->missing_update);
        sp_jw_key(w, "progress_to_target");
        number_if(w, kr->has_progress, kr->progress);
        sp_jw_key(w, "direction_of_travel");
        key_or_null(w, sp_travel_key(kr->travel));
        const sp_observation *latest = kr->has_latest ? &p->observations.items[kr->latest_obs] : NULL;
        sp_jw_key(w, "england");
        sp_jw_begin_object(w);
        sp_jw_key(w, "value");
        number_if(w, latest && latest->has_england, latest ? latest->england : 0);
        sp_jw_key(w, "comparison");
        key_or_null(w, sp_comparison_key(kr->england));
        sp_jw_end_object(w);
        sp_jw_key(w, "statistical_neighbours");
        sp_jw_begin_object(w);
        sp_jw_key(w, "value");
        number_if(w, latest && latest->has_neighbours, latest ? latest->neighbours : 0);
        sp_jw_key(w, "comparison");
        key_or_null(w, sp_comparison_key(kr->neighbours));
        sp_jw_end_object(w);
        sp_jw_key(w, "next_checkpoint");
        if (kr->next_checkpoint >= 0) {
            sp_jw_begin_object(w);
            sp_jw_kstring(w, "checkpoint", sp_kpi_checkpoint_key(&k->checkpoints[kr->next_checkpoint], key));
            sp_jw_key(w, "date");
            date_or_null(w, kr->target[kr->next_checkpoint].date);
            sp_jw_key(w, "target_as_written");
            text_or_null(w, k->checkpoints[kr->next_checkpoint].target.text);
            sp_jw_key(w, "target");
            number_if(w, kr->target[kr->next_checkpoint].numeric, kr->target[kr->next_checkpoint].value);
            sp_jw_end_object(w);
        } else {
            sp_jw_null(w);
        }
        sp_jw_key(w, "observations");
        sp_jw_begin_array(w);
        for (size_t ob_i = k->first_obs; ob_i < k->first_obs + k->n_obs; ob_i++) {
            const sp_observation *ob = &p->observations.items[ob_i];
            sp_jw_begin_object(w);
            sp_jw_key(w, "period");
            period(w, ob);
            sp_jw_key(w, "value");
            number_if(w, ob->has_value, ob->value);
            sp_jw_key(w, "status");
            key_or_null(w, sp_qual_status_key(ob->status));
            sp_jw_key(w, "england");
            number_if(w, ob->has_england, ob->england);
            sp_jw_key(w, "statistical_neighbours");
            number_if(w, ob->has_neighbours, ob->neighbours);
            sp_jw_key(w, "note");
            text_or_null(w, ob->note);
            sp_jw_key(w, "value_note");
            text_or_null(w, ob->value_note);
            sp_jw_kbool(w, "projected", ob->projected);
            sp_jw_kbool(w, "rebase", ob->rebase);
            sp_jw_kbool(w, "counted", r->assessment->obs_counted[ob_i]);
            sp_jw_key(w, "source");
            source(w, arena, ob->src);
            sp_jw_end_object(w);
        }
        sp_jw_end_array(w);
        sp_jw_key(w, "spc");
        spc_object(w, k, &kr->spc);
        sp_jw_key(w, "source");
        source(w, arena, k->src);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
}

static void risks_array(sp_jw *w, const sp_report *r, sp_arena *arena)
{
    sp_jw_begin_array(w);
    for (size_t i = 0; i < r->plan->risks.n; i++) {
        const sp_risk *k = &r->plan->risks.items[i];
        sp_jw_begin_object(w);
        sp_jw_key(w, "date");
        date_or_null(w, k->date);
        sp_jw_key(w, "date_as_written");
        text_or_null(w, k->date_text);
        sp_jw_kstring(w, "risk", k->text);
        sp_jw_key(w, "severity");
        text_or_null(w, sp_severity_word(k->severity));
        sp_jw_key(w, "mitigation");
        text_or_null(w, k->mitigation);
        sp_jw_key(w, "residual");
        text_or_null(w, sp_severity_word(k->residual));
        sp_jw_key(w, "progress");
        text_or_null(w, k->progress);
        sp_jw_key(w, "owner");
        text_or_null(w, k->owner);
        sp_jw_key(w, "source");
        source(w, arena, k->src);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
}

static void exceptions_array(sp_jw *w, const sp_report *r)
{
    static const char *const kinds[] = {"overdue",        "slipped",          "kpi_red",   "kpi_amber",
                                        "missing_update", "kpi_not_reported", "challenged"};
    sp_jw_begin_array(w);
    for (size_t i = 0; i < r->n_exceptions; i++) {
        const sp_view_exception *e = &r->exceptions[i];
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "kind", kinds[e->kind]);
        sp_jw_kstring(w, "ref", e->ref);
        if (e->area < r->plan->areas.n)
            sp_jw_kstring(w, "area", r->plan->areas.items[e->area].name);
        else
            sp_jw_knull(w, "area");
        sp_jw_kbool(w, "challenged", e->challenged);
        sp_jw_kbool(w, "acknowledged", e->acknowledged);
        sp_jw_key(w, "deadline");
        text_or_null(w, e->deadline);
        sp_jw_key(w, "why");
        text_or_null(w, e->why);
        sp_jw_key(w, "position");
        text_or_null(w, e->stance);
        sp_jw_key(w, "progress");
        text_or_null(w, e->narrative);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
}

static void changes_object(sp_jw *w, const sp_report *r, sp_arena *arena)
{
    const sp_changes *ch = r->changes;
    sp_jw_begin_object(w);
    sp_jw_kstring(w, "previous_folder", ch->previous->name);
    sp_jw_key(w, "previous_as_of");
    date_or_null(w, ch->previous_as_of);
    sp_jw_key(w, "counts");
    sp_jw_begin_object(w);
    for (int k = 0; k < SP_N_CHANGE_KINDS; k++)
        if (ch->counts[k])
            sp_jw_kinteger(w, sp_change_key((sp_change_kind)k), (long long)ch->counts[k]);
    sp_jw_end_object(w);
    sp_jw_key(w, "items");
    sp_jw_begin_array(w);
    for (size_t i = 0; i < ch->n; i++) {
        const sp_change *c = &ch->items[i];
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "kind", sp_change_key(c->kind));
        sp_jw_key(w, "ref");
        text_or_null(w, c->ref);
        sp_jw_key(w, "what");
        text_or_null(w, c->what);
        sp_jw_key(w, "from");
        text_or_null(w, c->from);
        sp_jw_key(w, "to");
        text_or_null(w, c->to);
        sp_jw_key(w, "sentence");
        text_or_null(w, c->sentence);
        sp_jw_kbool(w, "reworded", c->reworded);
        sp_jw_key(w, "source");
        source(w, arena, c->source);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
    sp_jw_end_object(w);
}

static void data_quality_array(sp_jw *w, const sp_report *r)
{
    sp_jw_begin_array(w);
    for (size_t i = 0; r->diags && i < r->diags->list.n; i++) {
        const sp_diag *d = &r->diags->list.items[i];
        const char *base = strrchr(d->src.file, '/');
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "severity", d->severity == SP_ERROR ? "error" : "warning");
        sp_jw_kstring(w, "file", base ? base + 1 : d->src.file);
        if (d->src.line) {
            sp_jw_kinteger(w, "line", d->src.line);
            sp_jw_kinteger(w, "column", d->src.col);
        } else {
            sp_jw_knull(w, "line");
            sp_jw_knull(w, "column");
        }
        sp_jw_kstring(w, "message", d->message);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
}

bool sp_render_json(const sp_report *r, const char *path, char *err, size_t errlen)
{
    sp_arena arena = {0};
    sp_jw jw, *w = &jw;
    if (!sp_jw_open(w, path)) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(w->error ? w->error : EIO));
        return false;
    }
    /* reals at 15 significant digits, as jansson's JSON_REAL_PRECISION(15) printed them:
     * 412 x 0.95 prints as 391.4, not 391.39999999999998 */
    sp_jw_begin_object(w);
    sp_jw_kstring(w, "sendpack", SENDPACK_VERSION);
    sp_jw_kinteger(w, "schema_version", SP_JSON_SCHEMA_VERSION); /* read/history.c reads it */
    sp_jw_key(w, "plan");
    plan_object(w, r);
    sp_jw_key(w, "summary");
    summary_object(w, r);
    if (r->changes) {
        sp_jw_key(w, "changes");
        changes_object(w, r, &arena);
    }
    sp_jw_key(w, "areas");
    areas_array(w, r);
    sp_jw_key(w, "actions");
    actions_array(w, r, &arena);
    sp_jw_key(w, "milestones");
    milestones_array(w, r, &arena);
    sp_jw_key(w, "kpis");
    kpis_array(w, r, &arena);
    sp_json_progress(w, r); /* writes nothing for plain English */
    sp_json_families(w, r); /* the Local Offer text: only for plain English */
    /* what the template's audience does not see stays out of its JSON too */
    if (sp_template_has_sheet(r->tmpl, SP_SHEET_RISKS) || sp_template_has_section(r->tmpl, SP_SEC_RISKS)) {
        sp_jw_key(w, "risks");
        risks_array(w, r, &arena);
    }
    if (sp_template_has_sheet(r->tmpl, SP_SHEET_DATA_QUALITY)) {
        sp_jw_key(w, "data_quality");
        data_quality_array(w, r);
    }
    if (!r->tmpl->plain_english) {
        sp_jw_key(w, "exceptions");
        exceptions_array(w, r);
    }
    sp_jw_end_object(w);
    bool ok = sp_jw_close(w);
    sp_arena_free(&arena);
    if (!ok) {
        snprintf(err, errlen, "cannot write %s: %s", path,
                 w->error ? strerror(w->error) : "the JSON was left incomplete (a fault in sendpack)");
        return false;
    }
    return true;
}
