/*
 * story.c - "what is being done about it": each exception with its narrative, owner,
 * deadlines in the committee's own wording and the officer's stance; long lists grouped by
 * area; and how each area opens (sponsor, the inspectors' finding, its outcome).
 */
#include <stdint.h>
#include <string.h>

#include "util/format.h"
#include "util/text.h"
#include "view/view_internal.h"

/* Decisions #3: whole months are days overdue / 30.44 rounded down; under a month, days. */
static const char *lateness(sp_arena *a, int days)
{
    int months = (int)((double)days / 30.44);
    if (months >= 1)
        return sp_arena_printf(a, "%d month%s late", months, months == 1 ? "" : "s");
    return sp_arena_printf(a, "%d day%s late", days, days == 1 ? "" : "s");
}

/* The words of a deadline cell around its dates: "(ongoing phased work)" from
 * "September 2022 (ongoing phased work)"; the bracketed part when there is one. */
static const char *deadline_note(sp_arena *a, const char *cell)
{
    const char *open = strchr(cell, '(');
    const char *close = open ? strchr(open, ')') : NULL;
    if (open && close && !sp_ieqn(open + 1, "revised", 7))
        return sp_arena_strndup(a, open, (size_t)(close - open + 1));
    return NULL;
}

const char *sp_view_deadline(sp_arena *a, const sp_milestone *m, const sp_milestone_result *r, bool with_lateness)
{
    char month[16];
    if (r->effective_due == SP_NO_DATE)
        return m->due_text && m->due_text[0] ? m->due_text : "no date";
    const char *out = "";
    for (int k = 0; k < m->due.n_interim; k++) {
        sp_date_month(m->due.interim[k], month);
        out = sp_arena_printf(a, "%s%s, then ", out, month);
    }
    sp_date_month(r->effective_due, month);
    out = sp_arena_printf(a, "%s%s", out, month);
    if (r->has_slippage && r->original_due != SP_NO_DATE && r->original_due != r->effective_due) {
        char orig[16];
        sp_date_month(r->original_due, orig);
        if (strcmp(orig, month) != 0)
            out = sp_arena_printf(a, "%s (revised from %s)", out, orig);
    }
    const char *note = m->due.has_words && m->due_text ? deadline_note(a, m->due_text) : NULL;
    if (note)
        out = sp_arena_printf(a, "%s %s", out, note);
    if (with_lateness && r->days_overdue > 0)
        out = sp_arena_printf(a, "%s; %s", out, lateness(a, r->days_overdue));
    return out;
}

const char *sp_view_baseline(sp_arena *a, const sp_kpi *k, const sp_kpi_result *kr)
{
    if (!kr->baseline_set)
        return k->baseline.text[0] ? k->baseline.text : "not set";
    char buf[64];
    sp_format_value(kr->baseline, k->unit, buf, sizeof buf);
    const char *out = sp_arena_strdup(a, buf);
    if (k->baseline.note && k->baseline.note[0])
        out = sp_arena_printf(a, "%s, %s", out, k->baseline.note);
    if (kr->baseline_note)
        out = sp_arena_printf(a, "%s, %s", out, kr->baseline_note);
    return out;
}

/* The first ~n characters of s, cut at a space and never inside a UTF-8 sequence, with "…". */
static const char *excerpt(sp_arena *a, const char *s, size_t n)
{
    size_t len = strlen(s);
    if (len <= n + n / 10) /* a few characters over is not worth a cut */
        return s;
    size_t cut = sp_utf8_clip(s, n);
    size_t space = cut;
    while (space > n / 2 && s[space] != ' ' && s[space] != '\n')
        space--;
    if (space > n / 2)
        cut = space;
    while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == ',' || s[cut - 1] == ';' || s[cut - 1] == '\n'))
        cut--;
    return sp_arena_printf(a, "%.*s…", (int)cut, s);
}

static void milestone_story(sp_view *v, sp_view_exception *x)
{
    sp_arena *a = &v->arena;
    const sp_milestone *m = &v->plan->milestones.items[x->index];
    const sp_milestone_result *r = &v->assessment->milestones[x->index];
    x->area = v->plan->actions.items[m->action_index].area_index;
    x->status = r->derived;
    x->ref = m->ref;
    x->title = v->ms_title[x->index];
    sp_view_exception_people(v, x, v->ms_owner[x->index], v->ms_accountable[x->index]);
    x->deadline = sp_view_deadline(a, m, r, true);
    /* why it stands where it does; the position says the challenge or the acknowledgement, so a
     * row that shows both says each once */
    x->why = r->reason;
    const char *said = v->ms_why[x->index]; /* the reason with the challenge or acknowledgement */
    if (x->challenged)
        x->stance = sp_arena_printf(a, "Challenged: %s.", r->challenge);
    else if (x->acknowledged && r->acknowledged)
        x->stance = sp_arena_printf(a, "Acknowledged: %s.", r->acknowledged);
    else if (m->reported == SP_STATUS_NONE)
        x->stance = "No status reported.";
    else
        x->stance = "";
    /* the one paragraph: the challenge; or the reason with the acknowledgement beside it */
    x->account = x->challenged ? x->stance
                 : (x->acknowledged && r->acknowledged && strstr(said, r->acknowledged)) || !x->stance[0]
                     ? said
                     : sp_arena_printf(a, "%s %s", said, x->stance);
    x->brief = x->deadline;
    x->narrative = v->ms_progress[x->index];
    x->narrative_label = m->progress_of_action ? "" : "Progress: ";
    x->excerpt = excerpt(a, x->narrative, SP_VIEW_EXCERPT_CHARS);
}

static void kpi_story(sp_view *v, sp_view_exception *x)
{
    const sp_kpi *k = &v->plan->kpis.items[x->index];
    const sp_kpi_result *r = &v->assessment->kpis[x->index];
    x->area = r->area_index; /* SP_NO_AREA (SIZE_MAX) for a plan-wide KPI */
    x->status = r->rag;
    x->ref = k->ref;
    x->title = k->name;
    sp_view_exception_people(v, x, k->owner, NULL);
    x->deadline = "";
    x->why = v->kpi_why[x->index];
    /* missing data is never reassurance: say what has not been reported */
    const char *gap = r->not_reported ? r->not_reported : r->missing_update;
    x->stance = gap && gap[0] && !strstr(x->why, gap)
                    ? sp_arena_printf(&v->arena, "%s%s", gap, gap[strlen(gap) - 1] == '.' ? "" : ".")
                    : "";
    x->account = x->stance[0] ? sp_arena_printf(&v->arena, "%s %s", x->why, x->stance) : x->why;
    char target[64];
    const char *latest = "no value reported";
    if (r->has_latest) {
        char month[16];
        sp_date_month(v->plan->observations.items[r->latest_obs].period_end, month);
        latest = sp_arena_printf(&v->arena, "%s in %s", v->obs_value[r->latest_obs], month); /* its note kept */
    }
    int cp = r->final_checkpoint;
    if (cp >= 0 && r->target[cp].numeric) {
        sp_format_value(r->target[cp].value, k->unit, target, sizeof target);
        char label[16];
        x->brief = sp_arena_printf(&v->arena, "%s; %s target %s", latest,
                                   sp_kpi_checkpoint_label(&k->checkpoints[cp], label), target);
    } else {
        x->brief = latest;
    }
    x->narrative = "";
    if (r->has_latest) {
        const char *note = v->plan->observations.items[r->latest_obs].note;
        x->narrative = note ? note : "";
    }
    x->narrative_label = "Note: ";
    x->excerpt = excerpt(&v->arena, x->narrative, SP_VIEW_EXCERPT_CHARS);
}

/* Groups in area order, KPIs of no area last; within a group the worst-first order stays. */
static void group_by_area(sp_view *v)
{
    sp_arena *a = &v->arena;
    size_t n_areas = v->plan->areas.n;
    v->groups = sp_arena_alloc(a, (n_areas + 2) * sizeof *v->groups);
    for (size_t g = 0; g <= n_areas; g++) {
        size_t area = g < n_areas ? g : SIZE_MAX;
        sp_rows items = sp_rows_new(a, v->n_exceptions);
        for (size_t i = 0; i < v->n_exceptions; i++)
            if (v->exceptions[i].area == area)
                items.at[items.n++] = i;
        if (!items.n)
            continue;
        const char *name = area == SIZE_MAX ? "KPIs of the whole plan"
                                            : sp_arena_printf(a, "Area %zu: %s", area + 1, v->plan->areas.items[area].name);
        size_t stories = items.n < SP_VIEW_STORIES_PER_GROUP ? items.n : SP_VIEW_STORIES_PER_GROUP;
        v->groups[v->n_groups++] = (sp_view_group){area, sp_arena_printf(a, "%s (%zu)", name, items.n), items, stories};
    }
}

/* Keeps the SP_VIEW_AREA_LIST_MAX most recently completed rows, in plan order. */
static void keep_latest_completed(const sp_view *v, sp_rows *rows)
{
    while (rows->n > SP_VIEW_AREA_LIST_MAX) {
        size_t oldest = 0;
        for (size_t k = 1; k < rows->n; k++)
            if (v->assessment->milestones[rows->at[k]].completed_on < v->assessment->milestones[rows->at[oldest]].completed_on)
                oldest = k;
        memmove(&rows->at[oldest], &rows->at[oldest + 1], (rows->n - oldest - 1) * sizeof *rows->at);
        rows->n--;
    }
}

static void area_openings(sp_view *v)
{
    sp_arena *a = &v->arena;
    const sp_plan *p = v->plan;
    const sp_assessment *s = v->assessment;
    v->area_views = sp_arena_alloc(a, (p->areas.n + 1) * sizeof *v->area_views);
    for (size_t i = 0; i < p->areas.n; i++) {
        const sp_area *area = &p->areas.items[i];
        sp_view_area *av = &v->area_views[i];
        av->index = i;
        av->name = area->name;
        av->sponsor = area->sponsor ? area->sponsor : "";
        av->finding = area->weakness ? area->weakness : "";
        av->outcome = "";
        /* the outcome the plan states for the area: its first action's that has one */
        for (size_t k = area->first_action; k < area->first_action + area->n_actions && !av->outcome[0]; k++) {
            const char *o = p->actions.items[k].outcome;
            if (o && o[0])
                av->outcome = o;
        }
        for (size_t e = 0; e < v->n_exceptions; e++)
            av->n_exceptions += v->exceptions[e].area == i;
        const sp_counts *c = &s->areas[i].counts;
        av->counts = sp_arena_printf(a, "%zu milestone%s: %zu complete (Blue), %zu on track (Green), %zu slipped (Amber), "
                                        "%zu overdue (Red), %zu with no date (Grey).",
                                     c->total, c->total == 1 ? "" : "s", c->blue, c->green, c->amber, c->red, c->grey);
        av->actions = sp_rows_new(a, area->n_actions);
        for (size_t k = area->first_action; k < area->first_action + area->n_actions; k++)
            if (s->actions[k].in_scope)
                av->actions.at[av->actions.n++] = k;
        av->done = sp_rows_new(a, area->n_milestones);
        av->highlights = sp_rows_new(a, area->n_milestones);
        av->due_soon = sp_rows_new(a, area->n_milestones);
        av->open = sp_rows_new(a, area->n_milestones);
        for (size_t m = area->first_milestone; m < area->first_milestone + area->n_milestones; m++) {
            const sp_milestone_result *mr = &s->milestones[m];
            if (!mr->in_scope)
                continue;
            if (mr->complete)
                av->done.at[av->done.n++] = m;
            else
                av->open.at[av->open.n++] = m;
            if (mr->complete && (!v->changes || v->ms_completed_since[m]))
                av->highlights.at[av->highlights.n++] = m;
            if (mr->due_soon)
                av->due_soon.at[av->due_soon.n++] = m;
        }
        av->kpis = sp_rows_new(a, s->areas[i].n_kpis);
        for (size_t k = 0; k < s->areas[i].n_kpis; k++)
            av->kpis.at[av->kpis.n++] = s->areas[i].kpis[k];
        /* a long list keeps its most recent completions (the list is in plan order: keep the
         * latest completed) and its first rows otherwise */
        av->highlights_total = av->highlights.n;
        av->due_soon_total = av->due_soon.n;
        av->kpis_total = av->kpis.n;
        if (av->highlights.n > SP_VIEW_AREA_LIST_MAX)
            keep_latest_completed(v, &av->highlights);
        if (av->due_soon.n > SP_VIEW_AREA_LIST_MAX)
            av->due_soon.n = SP_VIEW_AREA_LIST_MAX;
        if (av->kpis.n > SP_VIEW_AREA_LIST_MAX)
            av->kpis.n = SP_VIEW_AREA_LIST_MAX;
    }
}

void sp_view_build_story(sp_view *v)
{
    const sp_assessment *s = v->assessment;
    v->n_exceptions = s->n_exceptions;
    v->exceptions = sp_arena_alloc(&v->arena, (s->n_exceptions + 1) * sizeof *v->exceptions);
    for (size_t i = 0; i < s->n_exceptions; i++) {
        const sp_exception *e = &s->exceptions[i];
        sp_view_exception *x = &v->exceptions[i];
        x->kind = e->kind;
        x->is_kpi = e->is_kpi;
        x->index = e->index;
        x->challenged = e->challenged;
        x->acknowledged = e->acknowledged;
        x->kind_word = sp_exception_word(e->kind);
        if (e->is_kpi)
            kpi_story(v, x);
        else
            milestone_story(v, x);
    }
    area_openings(v);
    v->grouped = v->n_exceptions > SP_VIEW_GROUP_ABOVE;
    if (v->grouped) {
        group_by_area(v);
    } else {
        /* one group of every exception, each told in full */
        v->groups = sp_arena_alloc(&v->arena, sizeof *v->groups);
        sp_rows all = sp_rows_new(&v->arena, v->n_exceptions);
        for (size_t i = 0; i < v->n_exceptions; i++)
            all.at[all.n++] = i;
        v->groups[0] = (sp_view_group){SIZE_MAX, "", all, all.n};
        v->n_groups = v->n_exceptions ? 1 : 0;
    }
}
