/* The whole assessed model as JSON (docs/json.md documents every field). jansson escapes;
 * nothing here judges: every figure comes from the assessment. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "model/history.h"
#include "render/json_progress.h"
#include "render/report.h"

static json_t *date_or_null(sp_date d)
{
    if (d == SP_NO_DATE)
        return json_null();
    char buf[11];
    sp_date_iso(d, buf);
    return json_string(buf);
}

static json_t *text_or_null(const char *s)
{
    return s && s[0] ? json_string(s) : json_null();
}

static json_t *key_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *status_or_null(sp_status s)
{
    return key_or_null(sp_status_key(s));
}

static json_t *number_if(bool has, double v)
{
    return has ? json_real(v) : json_null();
}

static json_t *counts(const sp_counts *c)
{
    json_t *o = json_object();
    json_object_set_new(o, "blue", json_integer((json_int_t)c->blue));
    json_object_set_new(o, "green", json_integer((json_int_t)c->green));
    json_object_set_new(o, "amber", json_integer((json_int_t)c->amber));
    json_object_set_new(o, "red", json_integer((json_int_t)c->red));
    json_object_set_new(o, "grey", json_integer((json_int_t)c->grey));
    json_object_set_new(o, "total", json_integer((json_int_t)c->total));
    return o;
}

static json_t *source(sp_arena *a, sp_src src)
{
    return json_string(sp_source_label(a, src));
}

/* "2022-07" or "2022-Q3" */
static json_t *period(const sp_observation *o)
{
    int y, m, d;
    sp_date_ymd(o->period_end, &y, &m, &d);
    char buf[32];
    if (o->quarter)
        snprintf(buf, sizeof buf, "%04d-Q%d", y % 10000, (m + 2) / 3);
    else
        snprintf(buf, sizeof buf, "%04d-%02d", y % 10000, m);
    return json_string(buf);
}

static json_t *plan_object(const sp_report *r)
{
    const sp_plan *p = r->plan;
    json_t *o = json_object();
    json_object_set_new(o, "title", json_string(p->info.title));
    json_object_set_new(o, "area", json_string(p->info.area));
    json_object_set_new(o, "kind", json_string(sp_plan_kind_name(p->info.kind)));
    json_object_set_new(o, "organisations", json_string(p->info.organisations));
    json_object_set_new(o, "contact", text_or_null(r->contact));
    json_object_set_new(o, "start", date_or_null(p->info.start));
    json_object_set_new(o, "as_of", date_or_null(r->assessment->as_of));
    json_t *cps = json_object();
    for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++)
        json_object_set_new(cps, sp_checkpoint_key(cp), date_or_null(p->info.checkpoint[cp]));
    json_object_set_new(o, "checkpoints", cps);
    json_object_set_new(o, "template", json_string(r->tmpl->name));
    json_object_set_new(o, "cohort", text_or_null(r->assessment->rules.cohort));
    json_object_set_new(o, "values_illustrative", json_boolean(p->values_illustrative));
    json_object_set_new(o, "folder", json_string(p->name));
    return o;
}

static json_t *summary_object(const sp_report *r)
{
    const sp_assessment *a = r->assessment;
    json_t *o = json_object();
    json_object_set_new(o, "position", json_string(a->overall));
    json_object_set_new(o, "milestones", counts(&a->milestone_counts));
    json_object_set_new(o, "kpis", counts(&a->kpi_counts));
    if (!r->tmpl->plain_english) {
        json_object_set_new(o, "challenges", json_integer((json_int_t)a->challenges));
        json_object_set_new(o, "acknowledged", json_integer((json_int_t)a->acknowledged));
        json_object_set_new(o, "status_recorded", json_boolean(r->plan->has_status_column));
        json_object_set_new(o, "completions_unchecked", json_boolean(a->completions_unchecked));
    }
    json_object_set_new(o, "kpis_not_reported", json_integer((json_int_t)a->kpis_not_reported));
    json_object_set_new(o, "kpis_missing_update", json_integer((json_int_t)a->kpis_missing_update));
    json_object_set_new(o, "plan_wide_kpis", json_integer((json_int_t)a->plan_wide_kpis));
    json_object_set_new(o, "due", json_integer((json_int_t)a->due));
    json_object_set_new(o, "due_on_time", json_integer((json_int_t)a->due_on_time));
    json_object_set_new(o, "percent_on_time", number_if(a->has_percent_on_time, a->percent_on_time));
    json_object_set_new(o, "cohort_whole_plan", text_or_null(a->focus_whole_plan));
    json_t *areas = json_object();
    for (int k = 0; k < 4; k++)
        json_object_set_new(areas, sp_area_assessment_key((sp_area_assessment)k),
                            json_integer((json_int_t)a->areas_by_assessment[k]));
    json_object_set_new(o, "areas", areas);
    return o;
}

static json_t *areas_array(const sp_report *r, sp_arena *arena)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    json_t *arr = json_array();
    for (size_t j = 0; j < r->areas.n; j++) {
        size_t i = r->areas.at[j];
        const sp_area_result *ar = &a->areas[i];
        json_t *o = json_object();
        const sp_area *details = &p->areas.items[i];
        json_object_set_new(o, "name", json_string(details->name));
        /* areas.csv: sponsor, weakness, partners and cohort; null when not given */
        if (!r->tmpl->plain_english)
            json_object_set_new(o, "sponsor", text_or_null(details->sponsor));
        json_object_set_new(o, "weakness", text_or_null(details->weakness));
        if (!r->tmpl->plain_english)
            json_object_set_new(o, "partners", text_or_null(details->partners));
        json_object_set_new(o, "cohort", text_or_null(details->cohort));
        json_object_set_new(o, "assessment", json_string(sp_area_assessment_key(ar->assessment)));
        json_object_set_new(o, "reason", json_string(ar->reason));
        json_object_set_new(o, "counts", counts(&ar->counts));
        json_object_set_new(o, "percent_complete", json_real(ar->percent_complete));
        json_object_set_new(o, "due", json_integer((json_int_t)ar->due));
        json_object_set_new(o, "due_on_time", json_integer((json_int_t)ar->due_on_time));
        json_object_set_new(o, "percent_on_time", number_if(ar->has_percent_on_time, ar->percent_on_time));
        json_object_set_new(o, "overdue", json_integer((json_int_t)ar->overdue));
        if (!r->tmpl->plain_english) {
            json_object_set_new(o, "challenges", json_integer((json_int_t)ar->challenges));
            json_object_set_new(o, "acknowledged", json_integer((json_int_t)ar->acknowledged));
        }
        json_object_set_new(o, "kpis_not_reported", json_integer((json_int_t)ar->kpis_not_reported));
        json_object_set_new(o, "kpis_missing_update", json_integer((json_int_t)ar->kpis_missing_update));
        json_t *kpis = json_array();
        for (size_t k = 0; k < ar->n_kpis; k++)
            json_array_append_new(kpis, json_string(p->kpis.items[ar->kpis[k]].ref));
        json_object_set_new(o, "kpis", kpis);
        json_t *actions = json_array();
        const sp_view_area *av = &r->area_views[i];
        for (size_t k = 0; k < av->actions.n; k++)
            json_array_append_new(actions, json_string(p->actions.items[av->actions.at[k]].ref));
        json_object_set_new(o, "actions", actions);
        sp_json_area_progress(r, i, o);
        json_array_append_new(arr, o);
    }
    (void)arena;
    return arr;
}

static json_t *actions_array(const sp_report *r, sp_arena *arena)
{
    const sp_plan *p = r->plan;
    json_t *arr = json_array();
    for (size_t j = 0; j < r->actions.n; j++) {
        size_t i = r->actions.at[j];
        const sp_action *ac = &p->actions.items[i];
        const sp_action_result *ar = &r->assessment->actions[i];
        json_t *o = json_object();
        json_object_set_new(o, "ref", json_string(ac->ref));
        json_object_set_new(o, "area", json_string(ac->area));
        json_object_set_new(o, "outcome", text_or_null(ac->outcome));
        json_object_set_new(o, "action", json_string(ac->text));
        if (!r->tmpl->plain_english) {
            json_object_set_new(o, "owner", text_or_null(ac->owner));
            json_object_set_new(o, "resource", text_or_null(ac->resource));
        }
        json_object_set_new(o, "cohort", text_or_null(ar->cohort));
        json_object_set_new(o, "cohort_reason", text_or_null(ar->cohort_reason));
        json_object_set_new(o, "kpi", text_or_null(ac->kpi));
        json_object_set_new(o, "complete", json_boolean(ar->complete));
        json_object_set_new(o, "status", status_or_null(ar->status));
        json_object_set_new(o, "counts", counts(&ar->counts));
        json_object_set_new(o, "source", source(arena, ac->src));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *milestones_array(const sp_report *r, sp_arena *arena)
{
    const sp_plan *p = r->plan;
    json_t *arr = json_array();
    for (size_t j = 0; j < r->milestones.n; j++) {
        size_t i = r->milestones.at[j];
        const sp_milestone *m = &p->milestones.items[i];
        const sp_milestone_result *mr = &r->assessment->milestones[i];
        const sp_action *ac = &p->actions.items[m->action_index];
        json_t *o = json_object();
        json_object_set_new(o, "ref", json_string(m->ref));
        json_object_set_new(o, "area", json_string(m->area));
        json_object_set_new(o, "action", json_string(ac->text));
        json_object_set_new(o, "milestone", text_or_null(m->text));
        if (!r->tmpl->plain_english)
            json_object_set_new(o, "owner", text_or_null(m->owner[0] ? m->owner : ac->owner));
        json_object_set_new(o, "due", date_or_null(mr->original_due));
        json_object_set_new(o, "due_as_written", text_or_null(m->due_text));
        json_t *interim = json_array();
        for (int k = 0; k < m->due.n_interim; k++)
            json_array_append_new(interim, date_or_null(m->due.interim[k]));
        json_object_set_new(o, "interim_dates", interim);
        json_object_set_new(o, "revised_due", date_or_null(m->revised_due));
        json_object_set_new(o, "effective_due", date_or_null(mr->effective_due));
        json_object_set_new(o, "completed", date_or_null(mr->completed_on));
        json_object_set_new(o, "complete", json_boolean(mr->complete));
        json_object_set_new(o, "reported_status", status_or_null(m->reported));
        json_object_set_new(o, "reported_as_written", text_or_null(m->status_text));
        json_object_set_new(o, "derived_status", status_or_null(mr->derived));
        json_object_set_new(o, "reason", json_string(mr->reason));
        json_object_set_new(o, "days_overdue", json_integer(mr->days_overdue));
        json_object_set_new(o, "slippage_days", mr->has_slippage ? json_integer(mr->slippage_days) : json_null());
        json_object_set_new(o, "slippage_months", mr->has_slippage ? json_integer(mr->slippage_months) : json_null());
        json_object_set_new(o, "due_soon", json_boolean(mr->due_soon));
        json_object_set_new(o, "stale", json_boolean(mr->stale));
        json_object_set_new(o, "on_time", json_boolean(mr->on_time));
        json_object_set_new(o, "updated", date_or_null(m->updated));
        json_object_set_new(o, "recurring", json_boolean(mr->recurring));
        if (!r->tmpl->plain_english) {
            json_object_set_new(o, "challenge", text_or_null(mr->challenge));
            json_object_set_new(o, "acknowledged", text_or_null(mr->acknowledged));
            json_object_set_new(o, "resource", text_or_null(m->resource));
        }
        json_object_set_new(o, "progress", text_or_null(m->progress));
        json_object_set_new(o, "cohort", text_or_null(r->assessment->actions[m->action_index].cohort));
        json_object_set_new(o, "cohort_reason", text_or_null(r->assessment->actions[m->action_index].cohort_reason));
        json_object_set_new(o, "source", source(arena, m->src));
        json_array_append_new(arr, o);
    }
    return arr;
}

static const char *target_kind_key(sp_target_kind k)
{
    static const char *const keys[] = {"none", "absolute", "relative", "points", "text"};
    return keys[k];
}

static json_t *spc_object(const sp_spc *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "computed", json_boolean(s->computed));
    json_object_set_new(o, "n", json_integer((json_int_t)s->n));
    if (!s->computed) {
        json_object_set_new(o, "why_not", text_or_null(s->why_not));
        return o;
    }
    json_object_set_new(o, "variation", json_string(sp_spc_kind_key(s->variation)));
    json_object_set_new(o, "variation_text", json_string(s->variation_text));
    json_object_set_new(o, "assurance", key_or_null(sp_spc_assurance_key(s->assurance)));
    json_object_set_new(o, "assurance_text", key_or_null(s->assurance_text));
    json_object_set_new(o, "assurance_target",
                        s->target_checkpoint >= 0 ? json_string(sp_checkpoint_key(s->target_checkpoint)) : json_null());
    /* limits once per segment (they change only at a rebase); per point only its reading */
    json_t *segments = json_array();
    for (size_t i = 0; i < s->n; i++) {
        const sp_spc_point *p = &s->points[i];
        bool starts = i == 0 || p->mean != p[-1].mean || p->upl != p[-1].upl;
        if (!starts)
            continue;
        size_t last = i;
        while (last + 1 < s->n && s->points[last + 1].mean == p->mean && s->points[last + 1].upl == p->upl)
            last++;
        json_t *seg = json_object();
        json_object_set_new(seg, "first_point", json_integer((json_int_t)i));
        json_object_set_new(seg, "last_point", json_integer((json_int_t)last));
        json_object_set_new(seg, "mean", json_real(p->mean));
        json_object_set_new(seg, "upper_process_limit", json_real(p->upl));
        json_object_set_new(seg, "lower_process_limit", json_real(p->lpl));
        json_array_append_new(segments, seg);
    }
    json_object_set_new(o, "segments", segments);
    json_t *points = json_array();
    for (size_t i = 0; i < s->n; i++) {
        const sp_spc_point *p = &s->points[i];
        json_t *pt = json_object();
        json_object_set_new(pt, "type", json_string(sp_spc_kind_key(p->kind)));
        if (p->outside || p->shift || p->trend || p->two_of_three) {
            json_t *rules = json_array();
            if (p->outside)
                json_array_append_new(rules, json_string("outside_limits"));
            if (p->shift)
                json_array_append_new(rules, json_string("shift"));
            if (p->trend)
                json_array_append_new(rules, json_string("trend"));
            if (p->two_of_three)
                json_array_append_new(rules, json_string("two_of_three"));
            json_object_set_new(pt, "rules", rules);
        }
        json_array_append_new(points, pt);
    }
    json_object_set_new(o, "points", points);
    return o;
}

static json_t *kpis_array(const sp_report *r, sp_arena *arena)
{
    const sp_plan *p = r->plan;
    json_t *arr = json_array();
    for (size_t j = 0; j < r->kpis.n; j++) {
        size_t i = r->kpis.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &r->assessment->kpis[i];
        json_t *o = json_object();
        json_object_set_new(o, "ref", json_string(k->ref));
        json_object_set_new(o, "name", json_string(k->name));
        json_object_set_new(o, "area", text_or_null(k->area));
        json_object_set_new(o, "unit", json_string(sp_unit_key(k->unit)));
        json_object_set_new(o, "direction", json_string(sp_direction_key(k->direction)));
        json_object_set_new(o, "cohort", text_or_null(kr->cohort));
        json_object_set_new(o, "cohort_reason", text_or_null(kr->cohort_reason));
        json_object_set_new(o, "linked_area",
                            kr->area_index == SP_NO_AREA ? json_null() : json_string(p->areas.items[kr->area_index].name));
        json_object_set_new(o, "linked_by", key_or_null(sp_area_link_key(kr->area_link)));
        json_object_set_new(o, "standing_target", number_if(kr->standing, kr->standing_target));
        json_object_set_new(o, "judged_by", json_string(kr->numeric ? "value" : "checkpoint_status"));

        json_t *b = json_object();
        json_object_set_new(b, "value", number_if(kr->baseline_set, kr->baseline));
        json_object_set_new(b, "as_written", text_or_null(k->baseline.text));
        json_object_set_new(b, "note", text_or_null(k->baseline.note));
        json_object_set_new(b, "from", kr->baseline_set ? date_or_null(kr->baseline_from) : json_null());
        json_object_set_new(b, "set_from_first_value", json_boolean(kr->baseline_from_first_value));
        json_object_set_new(b, "explanation", text_or_null(kr->baseline_note));
        json_object_set_new(o, "baseline", b);

        json_t *targets = json_object();
        for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++) {
            const sp_target *t = &k->target[cp];
            const sp_resolved_target *rt = &kr->target[cp];
            json_t *tj = json_object();
            json_object_set_new(tj, "date", date_or_null(rt->date));
            json_object_set_new(tj, "as_written", text_or_null(t->text));
            json_object_set_new(tj, "kind", json_string(target_kind_key(t->kind)));
            json_object_set_new(tj, "resolved", number_if(rt->numeric, rt->value));
            json_object_set_new(tj, "pending_baseline", json_boolean(rt->pending));
            json_object_set_new(tj, "words", text_or_null(t->kind == SP_TARGET_TEXT ? NULL : t->words));
            json_object_set_new(targets, sp_checkpoint_key(cp), tj);
        }
        json_object_set_new(o, "targets", targets);
        json_object_set_new(o, "final_target",
                            kr->final_checkpoint >= 0 ? json_string(sp_checkpoint_key(kr->final_checkpoint)) : json_null());

        if (kr->has_latest) {
            const sp_observation *ob = &p->observations.items[kr->latest_obs];
            json_t *l = json_object();
            json_object_set_new(l, "period", period(ob));
            json_object_set_new(l, "period_end", date_or_null(ob->period_end));
            json_object_set_new(l, "value", json_real(ob->value));
            json_object_set_new(l, "source", source(arena, ob->src));
            json_object_set_new(o, "latest", l);
        } else {
            json_object_set_new(o, "latest", json_null());
        }
        json_object_set_new(o, "previous",
                            kr->has_previous ? json_real(p->observations.items[kr->previous_obs].value) : json_null());
        json_object_set_new(o, "trajectory", number_if(kr->has_trajectory, kr->trajectory));
        json_object_set_new(o, "tolerance", number_if(kr->has_tolerance, kr->tolerance));
        json_object_set_new(o, "rag", status_or_null(kr->rag));
        json_object_set_new(o, "reason", json_string(kr->reason));
        json_object_set_new(o, "not_reported", text_or_null(kr->not_reported));
        json_object_set_new(o, "missing_update", text_or_null(kr->missing_update));
        json_object_set_new(o, "progress_to_target", number_if(kr->has_progress, kr->progress));
        json_object_set_new(o, "direction_of_travel", key_or_null(sp_travel_key(kr->travel)));
        const sp_observation *latest = kr->has_latest ? &p->observations.items[kr->latest_obs] : NULL;
        json_t *eng = json_object();
        json_object_set_new(eng, "value", number_if(latest && latest->has_england, latest ? latest->england : 0));
        json_object_set_new(eng, "comparison", key_or_null(sp_comparison_key(kr->england)));
        json_object_set_new(o, "england", eng);
        json_t *sn = json_object();
        json_object_set_new(sn, "value", number_if(latest && latest->has_neighbours, latest ? latest->neighbours : 0));
        json_object_set_new(sn, "comparison", key_or_null(sp_comparison_key(kr->neighbours)));
        json_object_set_new(o, "statistical_neighbours", sn);
        if (kr->next_checkpoint >= 0) {
            json_t *nc = json_object();
            json_object_set_new(nc, "checkpoint", json_string(sp_checkpoint_key(kr->next_checkpoint)));
            json_object_set_new(nc, "date", date_or_null(kr->target[kr->next_checkpoint].date));
            json_object_set_new(nc, "target_as_written", text_or_null(k->target[kr->next_checkpoint].text));
            json_object_set_new(nc, "target", number_if(kr->target[kr->next_checkpoint].numeric,
                                                        kr->target[kr->next_checkpoint].value));
            json_object_set_new(o, "next_checkpoint", nc);
        } else {
            json_object_set_new(o, "next_checkpoint", json_null());
        }
        json_t *obs = json_array();
        for (size_t ob_i = k->first_obs; ob_i < k->first_obs + k->n_obs; ob_i++) {
            const sp_observation *ob = &p->observations.items[ob_i];
            json_t *oj = json_object();
            json_object_set_new(oj, "period", period(ob));
            json_object_set_new(oj, "value", number_if(ob->has_value, ob->value));
            json_object_set_new(oj, "status", key_or_null(sp_qual_status_key(ob->status)));
            json_object_set_new(oj, "england", number_if(ob->has_england, ob->england));
            json_object_set_new(oj, "statistical_neighbours", number_if(ob->has_neighbours, ob->neighbours));
            json_object_set_new(oj, "note", text_or_null(ob->note));
            json_object_set_new(oj, "rebase", json_boolean(ob->rebase));
            json_object_set_new(oj, "counted", json_boolean(r->assessment->obs_counted[ob_i]));
            json_object_set_new(oj, "source", source(arena, ob->src));
            json_array_append_new(obs, oj);
        }
        json_object_set_new(o, "observations", obs);
        json_object_set_new(o, "spc", spc_object(&kr->spc));
        json_object_set_new(o, "source", source(arena, k->src));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *risks_array(const sp_report *r, sp_arena *arena)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < r->plan->risks.n; i++) {
        const sp_risk *k = &r->plan->risks.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "date", date_or_null(k->date));
        json_object_set_new(o, "date_as_written", text_or_null(k->date_text));
        json_object_set_new(o, "risk", json_string(k->text));
        json_object_set_new(o, "severity", text_or_null(sp_severity_word(k->severity)));
        json_object_set_new(o, "mitigation", text_or_null(k->mitigation));
        json_object_set_new(o, "residual", text_or_null(sp_severity_word(k->residual)));
        json_object_set_new(o, "progress", text_or_null(k->progress));
        json_object_set_new(o, "owner", text_or_null(k->owner));
        json_object_set_new(o, "source", source(arena, k->src));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *exceptions_array(const sp_report *r)
{
    json_t *arr = json_array();
    static const char *const kinds[] = {"overdue",        "slipped",          "kpi_red",   "kpi_amber",
                                        "missing_update", "kpi_not_reported", "challenged"};
    for (size_t i = 0; i < r->n_exceptions; i++) {
        const sp_view_exception *e = &r->exceptions[i];
        json_t *o = json_object();
        json_object_set_new(o, "kind", json_string(kinds[e->kind]));
        json_object_set_new(o, "ref", json_string(e->ref));
        json_object_set_new(o, "area", e->area < r->plan->areas.n ? json_string(r->plan->areas.items[e->area].name)
                                                                  : json_null());
        json_object_set_new(o, "challenged", json_boolean(e->challenged));
        json_object_set_new(o, "acknowledged", json_boolean(e->acknowledged));
        json_object_set_new(o, "deadline", text_or_null(e->deadline));
        json_object_set_new(o, "why", text_or_null(e->why));
        json_object_set_new(o, "position", text_or_null(e->stance));
        json_object_set_new(o, "progress", text_or_null(e->narrative));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *changes_object(const sp_report *r, sp_arena *arena)
{
    const sp_changes *ch = r->changes;
    json_t *o = json_object();
    json_object_set_new(o, "previous_folder", json_string(ch->previous->name));
    json_object_set_new(o, "previous_as_of", date_or_null(ch->previous_as_of));
    json_t *counts = json_object();
    for (int k = 0; k < SP_N_CHANGE_KINDS; k++)
        if (ch->counts[k])
            json_object_set_new(counts, sp_change_key((sp_change_kind)k), json_integer((json_int_t)ch->counts[k]));
    json_object_set_new(o, "counts", counts);
    json_t *items = json_array();
    for (size_t i = 0; i < ch->n; i++) {
        const sp_change *c = &ch->items[i];
        json_t *it = json_object();
        json_object_set_new(it, "kind", json_string(sp_change_key(c->kind)));
        json_object_set_new(it, "ref", text_or_null(c->ref));
        json_object_set_new(it, "what", text_or_null(c->what));
        json_object_set_new(it, "from", text_or_null(c->from));
        json_object_set_new(it, "to", text_or_null(c->to));
        json_object_set_new(it, "sentence", text_or_null(c->sentence));
        json_object_set_new(it, "reworded", json_boolean(c->reworded));
        json_object_set_new(it, "source", source(arena, c->source));
        json_array_append_new(items, it);
    }
    json_object_set_new(o, "items", items);
    return o;
}

static json_t *data_quality_array(const sp_report *r)
{
    json_t *arr = json_array();
    for (size_t i = 0; r->diags && i < r->diags->list.n; i++) {
        const sp_diag *d = &r->diags->list.items[i];
        const char *base = strrchr(d->src.file, '/');
        json_t *o = json_object();
        json_object_set_new(o, "severity", json_string(d->severity == SP_ERROR ? "error" : "warning"));
        json_object_set_new(o, "file", json_string(base ? base + 1 : d->src.file));
        json_object_set_new(o, "line", d->src.line ? json_integer(d->src.line) : json_null());
        json_object_set_new(o, "column", d->src.line ? json_integer(d->src.col) : json_null());
        json_object_set_new(o, "message", json_string(d->message));
        json_array_append_new(arr, o);
    }
    return arr;
}

bool sp_render_json(const sp_report *r, const char *path, char *err, size_t errlen)
{
    sp_arena arena = {0};
    json_t *root = json_object();
    json_object_set_new(root, "sendpack", json_string(SENDPACK_VERSION));
    json_object_set_new(root, "schema_version", json_integer(SP_JSON_SCHEMA_VERSION)); /* read/history.c reads it */
    json_object_set_new(root, "plan", plan_object(r));
    json_object_set_new(root, "summary", summary_object(r));
    if (r->changes)
        json_object_set_new(root, "changes", changes_object(r, &arena));
    json_object_set_new(root, "areas", areas_array(r, &arena));
    json_object_set_new(root, "actions", actions_array(r, &arena));
    json_object_set_new(root, "milestones", milestones_array(r, &arena));
    json_object_set_new(root, "kpis", kpis_array(r, &arena));
    json_object_set_new(root, "progress", sp_json_progress(r)); /* NULL (plain English): not set */
    /* what the template's audience does not see stays out of its JSON too */
    if (sp_template_has_sheet(r->tmpl, SP_SHEET_RISKS) || sp_template_has_section(r->tmpl, SP_SEC_RISKS))
        json_object_set_new(root, "risks", risks_array(r, &arena));
    if (sp_template_has_sheet(r->tmpl, SP_SHEET_DATA_QUALITY))
        json_object_set_new(root, "data_quality", data_quality_array(r));
    if (!r->tmpl->plain_english)
        json_object_set_new(root, "exceptions", exceptions_array(r));
    /* 15 significant digits: 412 x 0.95 prints as 391.4, not 391.39999999999998 */
    int rc = json_dump_file(root, path, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
    json_decref(root);
    sp_arena_free(&arena);
    if (rc != 0) {
        snprintf(err, errlen, "cannot write %s", path);
        return false;
    }
    return true;
}
