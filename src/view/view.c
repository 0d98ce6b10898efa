/*
 * view.c - builds the view of one pack (view.h): the safe copies, the row lists, the texts.
 * The exceptions' stories and the areas' openings are in view/story.c; the plain-English
 * texts for families in view/plain.c.
 */
#include "view/view.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "util/format.h"
#include "view/key.h"
#include "view/redact.h"
#include "view/view_internal.h"

const char *sp_source_label(sp_arena *a, sp_src src)
{
    const char *base = strrchr(src.file, '/');
    base = base ? base + 1 : src.file;
    return sp_arena_printf(a, "%s:%u", base, src.line);
}

sp_rows sp_rows_new(sp_arena *a, size_t cap)
{
    sp_rows r = {sp_arena_alloc(a, (cap + 1) * sizeof(size_t)), 0};
    return r;
}

/* ---- redaction at the boundary --------------------------------------------------------------- */

#define R(field) (field) = sp_redact_contacts_text(a, (field))

/* A copy of the assessment whose sentences are redacted; the arrays are the view's own. */
static void redact_assessment(sp_view *v, const sp_assessment *src, const sp_plan *plan)
{
    sp_arena *a = &v->arena;
    const sp_plan *orig = src->plan;
    sp_assessment *c = &v->assessment_copy;
    *c = *src;
    memset(&c->arena, 0, sizeof c->arena);
    c->plan = plan;
    c->milestones = sp_arena_alloc(a, (orig->milestones.n + 1) * sizeof *c->milestones);
    if (orig->milestones.n)
        memcpy(c->milestones, src->milestones, orig->milestones.n * sizeof *c->milestones);
    for (size_t i = 0; i < orig->milestones.n; i++)
        R(c->milestones[i].reason), R(c->milestones[i].challenge);
    c->actions = sp_arena_alloc(a, (orig->actions.n + 1) * sizeof *c->actions);
    if (orig->actions.n)
        memcpy(c->actions, src->actions, orig->actions.n * sizeof *c->actions);
    for (size_t i = 0; i < orig->actions.n; i++)
        R(c->actions[i].cohort), R(c->actions[i].cohort_reason);
    c->areas = sp_arena_alloc(a, (orig->areas.n + 1) * sizeof *c->areas);
    if (orig->areas.n)
        memcpy(c->areas, src->areas, orig->areas.n * sizeof *c->areas);
    for (size_t i = 0; i < orig->areas.n; i++)
        R(c->areas[i].reason);
    c->kpis = sp_arena_alloc(a, (orig->kpis.n + 1) * sizeof *c->kpis);
    if (orig->kpis.n)
        memcpy(c->kpis, src->kpis, orig->kpis.n * sizeof *c->kpis);
    for (size_t i = 0; i < orig->kpis.n; i++) {
        R(c->kpis[i].reason), R(c->kpis[i].baseline_note), R(c->kpis[i].cohort);
        R(c->kpis[i].cohort_reason), R(c->kpis[i].missing_update), R(c->kpis[i].not_reported);
    }
    R(c->overall), R(c->focus_whole_plan);
    v->assessment = c;
}

static void redact_changes(sp_view *v, const sp_changes *src)
{
    sp_arena *a = &v->arena;
    sp_changes *c = &v->changes_copy;
    *c = *src;
    c->items = sp_arena_alloc(a, (src->n + 1) * sizeof *c->items);
    if (src->n)
        memcpy(c->items, src->items, src->n * sizeof *c->items);
    for (size_t i = 0; i < src->n; i++) {
        sp_change *ch = &c->items[i];
        R(ch->ref), R(ch->what), R(ch->from), R(ch->to), R(ch->sentence);
    }
    /* last period's texts reach a public pack only through the changes' sentences above: of its
     * plan, only the folder's name (redacted) */
    if (src->previous) {
        sp_plan *prev = sp_arena_alloc(a, sizeof *prev);
        prev->name = sp_redact_contacts_text(a, src->previous->name);
        prev->dir = sp_redact_contacts_text(a, src->previous->dir);
        c->previous = prev;
    }
    v->changes = c;
}

/* The warnings redacted, and one more for each row where text that may not have been a contact
 * detail was removed all the same (what an information governance officer would expect). */
static void redact_diags(sp_view *v, const sp_diags *src, const sp_redact_doubts *doubts)
{
    sp_diags *c = &v->diags_copy;
    static const sp_diags none;
    if (!src)
        src = &none;
    *c = *src;
    size_t n = src->list.n;
    c->list.items = sp_arena_alloc(&v->arena, (n + doubts->n + 1) * sizeof *c->list.items);
    if (n)
        memcpy(c->list.items, src->list.items, n * sizeof *c->list.items);
    c->list.cap = 0; /* the view's: never grown or freed */
    for (size_t i = 0; i < n; i++)
        c->list.items[i].message = (char *)sp_redact_contacts_text(&v->arena, c->list.items[i].message);
    for (size_t i = 0; i < doubts->n; i++)
        c->list.items[c->list.n++] = (sp_diag){
            SP_WARNING, doubts->items[i],
            sp_arena_strdup(&v->arena, "text that may be a contact detail (a long run of digits, or an address without a dot in its domain) "
            "was removed from this public pack to be safe: check the row"),
            "rows had text that may be a contact detail (a long run of digits, or an address without a dot in "
            "its domain) removed from this public pack to be safe: check them"};
    c->warnings += doubts->n;
    /* the files' names hold the plan folder's (check.c warns of a contact detail in it) */
    const char *file = NULL, *file_redacted = NULL; /* rows of one file share its name */
    for (size_t i = 0; i < c->list.n; i++) {
        sp_diag *it = &c->list.items[i];
        if (it->src.file != file)
            file = it->src.file, file_redacted = sp_redact_contacts_text(&v->arena, file);
        it->src.file = file_redacted;
    }
    v->diags = c;
}

#undef R

/* ---- rows ------------------------------------------------------------------------------------ */

/* Decisions #5: a KPI needs a chart in a pack that charts only what needs attention when it is
 * Red, Amber or not reported (Grey), shows special cause of concern at its latest point, or
 * fails its target by the assurance rule. */
static bool needs_attention(const sp_kpi_result *k)
{
    if (k->rag == SP_RED || k->rag == SP_AMBER || k->rag == SP_GREY || k->rag == SP_STATUS_NONE || !k->has_latest)
        return true;
    if (k->spc.computed && k->spc.n) {
        if (k->spc.variation == SP_SPC_CONCERN || k->spc.assurance == SP_ASSURANCE_FAIL)
            return true;
    }
    return false;
}

static void build_rows(sp_view *v)
{
    sp_arena *a = &v->arena;
    const sp_plan *p = v->plan;
    const sp_assessment *s = v->assessment;
    v->areas = sp_rows_new(a, p->areas.n);
    for (size_t i = 0; i < p->areas.n; i++)
        if (s->areas[i].counts.total)
            v->areas.at[v->areas.n++] = i;
    v->actions = sp_rows_new(a, p->actions.n);
    for (size_t i = 0; i < p->actions.n; i++)
        if (s->actions[i].in_scope)
            v->actions.at[v->actions.n++] = i;
    v->milestones = sp_rows_new(a, p->milestones.n);
    v->focus_milestones = sp_rows_new(a, p->milestones.n);
    for (size_t i = 0; i < p->milestones.n; i++) {
        if (s->milestones[i].in_scope)
            v->milestones.at[v->milestones.n++] = i;
        if (s->milestones[i].in_focus && !s->focus_whole_plan) /* a plan wholly about the cohort: said once */
            v->focus_milestones.at[v->focus_milestones.n++] = i;
    }
    v->kpis = sp_rows_new(a, p->kpis.n);
    v->kpis_numeric = sp_rows_new(a, p->kpis.n);
    v->kpis_text = sp_rows_new(a, p->kpis.n);
    v->kpis_charted = sp_rows_new(a, p->kpis.n);
    v->kpis_no_value = sp_rows_new(a, p->kpis.n);
    v->kpis_spc = sp_rows_new(a, p->kpis.n);
    v->kpis_plan_wide = sp_rows_new(a, p->kpis.n);
    v->spc_charted = sp_rows_new(a, p->kpis.n);
    v->focus_kpis = sp_rows_new(a, p->kpis.n);
    bool attention_only = v->tmpl->charts_attention_only;
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi_result *k = &s->kpis[i];
        if (k->in_focus && !s->focus_whole_plan)
            v->focus_kpis.at[v->focus_kpis.n++] = i;
        if (!k->in_scope)
            continue;
        v->kpis.at[v->kpis.n++] = i;
        if (k->area_index == SP_NO_AREA)
            v->kpis_plan_wide.at[v->kpis_plan_wide.n++] = i;
        if (k->numeric) {
            v->kpis_numeric.at[v->kpis_numeric.n++] = i;
            if (!k->has_latest)
                v->kpis_no_value.at[v->kpis_no_value.n++] = i;
            else if (!attention_only || needs_attention(k))
                v->kpis_charted.at[v->kpis_charted.n++] = i;
        } else {
            v->kpis_text.at[v->kpis_text.n++] = i;
        }
        if (k->spc.computed) {
            v->kpis_spc.at[v->kpis_spc.n++] = i;
            if (!attention_only || needs_attention(k))
                v->spc_charted.at[v->spc_charted.n++] = i;
        }
    }
}

static void trajectory_points(sp_arena *a, const sp_kpi_result *k, sp_view_trajectory *t)
{
    t->n = 0;
    t->date = sp_arena_alloc(a, ((size_t)k->n_target + 2) * sizeof *t->date);
    t->value = sp_arena_alloc(a, ((size_t)k->n_target + 2) * sizeof *t->value);
    double y;
    if (!sp_kpi_trajectory_at(k, k->baseline_from, &y))
        return;
    t->date[t->n] = k->baseline_from, t->value[t->n++] = y;
    for (int cp = 0; cp < k->n_target; cp++) {
        const sp_resolved_target *g = &k->target[cp];
        if (g->numeric && g->date > t->date[t->n - 1] && sp_kpi_trajectory_at(k, g->date, &y))
            t->date[t->n] = g->date, t->value[t->n++] = y;
    }
}

static void build_texts(sp_view *v)
{
    sp_arena *a = &v->arena;
    const sp_plan *p = v->plan;
    const sp_assessment *s = v->assessment;
    size_t n = p->milestones.n;
    v->ms_title = sp_arena_alloc(a, (n + 1) * sizeof *v->ms_title);
    v->ms_why = sp_arena_alloc(a, (n + 1) * sizeof *v->ms_why);
    v->ms_deadline = sp_arena_alloc(a, (n + 1) * sizeof *v->ms_deadline);
    v->ms_completed_since = sp_arena_alloc(a, (n + 1) * sizeof *v->ms_completed_since);
    v->ms_progress = sp_arena_alloc(a, (n + 1) * sizeof *v->ms_progress);
    for (size_t i = 0; i < n; i++) {
        const sp_milestone *m = &p->milestones.items[i];
        const sp_action *ac = &p->actions.items[m->action_index];
        const sp_milestone_result *mr = &s->milestones[i];
        v->ms_title[i] = m->text[0] ? m->text : ac->text;
        /* the challenge; else the reason, with what the officer said beside it (not for families) */
        if (mr->challenge)
            v->ms_why[i] = sp_arena_printf(a, "%s.", mr->challenge);
        else if (mr->acknowledged && !v->tmpl->plain_english)
            v->ms_why[i] = sp_arena_printf(a, "%s %s.", mr->reason, mr->acknowledged);
        else
            v->ms_why[i] = mr->reason;
        v->ms_deadline[i] = sp_view_deadline(a, m, mr, false);
        v->ms_progress[i] = m->progress_of_action ? sp_arena_printf(a, "The action's update: %s", m->progress) : m->progress;
    }
    if (v->changes)
        for (size_t i = 0; i < v->changes->n; i++) {
            const sp_change *c = &v->changes->items[i];
            if (c->kind == SP_CH_COMPLETED && c->milestone >= 0 && (size_t)c->milestone < n)
                v->ms_completed_since[c->milestone] = true;
        }
    size_t nk = p->kpis.n;
    v->kpi_why = sp_arena_alloc(a, (nk + 1) * sizeof *v->kpi_why);
    v->kpi_baseline = sp_arena_alloc(a, (nk + 1) * sizeof *v->kpi_baseline);
    v->kpi_variation = sp_arena_alloc(a, (nk + 1) * sizeof *v->kpi_variation);
    v->kpi_assurance = sp_arena_alloc(a, (nk + 1) * sizeof *v->kpi_assurance);
    v->kpi_trajectory = sp_arena_alloc(a, (nk + 1) * sizeof *v->kpi_trajectory);
    for (size_t i = 0; i < nk; i++) {
        const sp_spc *spc = &s->kpis[i].spc;
        /* not reported is a flag beside the RAG, which still stands on the latest value */
        const sp_kpi_result *kr = &s->kpis[i];
        v->kpi_why[i] = kr->not_reported ? sp_arena_printf(a, "%s. %s", kr->not_reported, kr->reason) : kr->reason;
        /* a direction the plan did not give is said beside the judgement that rests on it (decision 20) */
        const char *direction_note = p->kpis.items[i].direction_note;
        if (direction_note && kr->rag != SP_GREY)
            v->kpi_why[i] = sp_arena_printf(a, "%s %s.", v->kpi_why[i], direction_note);
        v->kpi_baseline[i] = sp_view_baseline(a, &p->kpis.items[i], &s->kpis[i]);
        v->kpi_variation[i] = spc->computed && spc->variation_text ? spc->variation_text : "–";
        v->kpi_assurance[i] = spc->computed && spc->assurance_text ? spc->assurance_text : "–";
        trajectory_points(a, kr, &v->kpi_trajectory[i]);
    }
    sp_view_build_checkpoints(v);
}

/* The at-a-glance sentences, worded once for the PDF, the page and any renderer to come. */
static void glance_sentences(sp_view *v)
{
    const sp_assessment *a = v->assessment;
    const sp_counts *k = &a->kpi_counts;
    v->glance_kpis = k->total == 0 ? "KPIs: the export has no KPIs." : sp_arena_printf(&v->arena,
                                     "%zu KPIs: %zu Blue (12-month target met), %zu Green, %zu Amber, %zu Red, "
                                     "%zu Grey (cannot be judged yet).",
                                     k->total, k->blue, k->green, k->amber, k->red, k->grey);
    if (a->kpis_not_reported || a->kpis_missing_update || a->plan_wide_kpis)
        v->glance_missing = sp_arena_printf(
            &v->arena,
            "Missing data: %zu KPI%s no value reported since a passed checkpoint; %zu checkpoint update%s missing; "
            "%zu KPI%s linked to no area (Plan-wide KPIs).",
            a->kpis_not_reported, a->kpis_not_reported == 1 ? " has" : "s have", a->kpis_missing_update,
            a->kpis_missing_update == 1 ? " is" : "s are", a->plan_wide_kpis, a->plan_wide_kpis == 1 ? " is" : "s are");
    v->glance_challenges =
        v->plan->has_status_column
            ? sp_arena_printf(&v->arena,
                              "Challenges: %zu reported position%s more than the evidence shows (complete without a "
                              "completion date, or Green while overdue); %zu overdue milestone%s honestly reported "
                              "Amber or Red (acknowledged). Both are listed under Exceptions.",
                              a->challenges, a->challenges == 1 ? " claims" : "s claim", a->acknowledged,
                              a->acknowledged == 1 ? " is" : "s are")
            : "Challenges: the export records no reported status, so no position can be challenged.";
    /* the whole plan's pace against its own deadlines; the key defines it */
    const char *on_time = a->has_percent_on_time
                              ? sp_arena_printf(&v->arena, "Due milestones done on time: %zu of %zu (%.0f%%).",
                                                a->due_on_time, a->due, a->percent_on_time)
                              : "Due milestones done on time: none has fallen due yet.";
    /* what the figure leaves out (decision 14) */
    const char *no_date =
        !a->complete_no_date ? ""
                             : sp_arena_printf(&v->arena, " %zu complete milestone%s due by now %s no completion date, so %s "
                                                          "not counted as on time.",
                                               a->complete_no_date, a->complete_no_date == 1 ? "" : "s",
                                               a->complete_no_date == 1 ? "has" : "have",
                                               a->complete_no_date == 1 ? "it is" : "they are");
    v->glance_on_time = sp_arena_printf(&v->arena, "%s%s%s", on_time,
                                        sp_not_counted_no_deadline(&v->arena, a->complete_no_deadline), no_date);
}

/* "Each KPI from its baseline to its next checkpoint and its final target, against the latest
 * value.": only the targets the scorecard shows are promised. */
static void scorecard_intro(sp_view *v)
{
    static const struct {
        int column;
        const char *words;
    } targets[] = {{SP_PS_TARGET_3M, "its 3-month target"},
                   {SP_PS_TARGET_6M, "its 6-month target"},
                   {SP_PS_TARGET_12M, "its 12-month target"},
                   {SP_PS_NEXT_CHECKPOINT, "its next checkpoint"},
                   {SP_PS_FINAL_TARGET, "its final target"}};
    const size_t n_targets = sizeof targets / sizeof *targets;
    const char *shown[sizeof targets / sizeof *targets];
    size_t n = 0;
    for (size_t t = 0; t < n_targets; t++)
        for (int i = 0; i < v->tmpl->n_pdf_scorecard_columns; i++)
            if (v->tmpl->pdf_scorecard_columns[i] == targets[t].column)
                shown[n++] = targets[t].words;
    const char *list = NULL;
    for (size_t i = 0; i < n; i++)
        list = i == 0 ? shown[0]
                      : sp_arena_printf(&v->arena, "%s%s%s", list, i + 1 == n ? " and " : ", ", shown[i]);
    v->scorecard_intro = list ? sp_arena_printf(&v->arena, "Each KPI from its baseline to %s, against the latest value.", list)
                              : "Each KPI's baseline against its latest value.";
}

static void build_visibility(sp_view *v)
{
    const sp_template *t = v->tmpl;
    for (int i = 0; i < t->n_sections; i++)
        v->section[t->sections[i]] = true;
    for (int i = 0; i < t->n_sheets; i++)
        v->sheet[t->sheets[i]] = true;
    /* what cannot be shown for this plan or this run */
    if (!v->changes)
        v->section[SP_SEC_CHANGES] = v->sheet[SP_SHEET_CHANGES] = false;
    if (!v->plan->has_risks_file)
        v->section[SP_SEC_RISKS] = v->sheet[SP_SHEET_RISKS] = false;
    if (!v->kpis_spc.n)
        v->section[SP_SEC_SPC] = v->sheet[SP_SHEET_SPC] = false;
    if (!v->n_checkpoint_rows)
        v->sheet[SP_SHEET_CHECKPOINTS] = false;
    if (!v->assessment->rules.focus_cohort)
        v->section[SP_SEC_COHORT] = v->sheet[SP_SHEET_COHORT] = false;
    /* an empty set is said in one line, or its section left out (decisions #14) */
    const char *cohort = v->assessment->rules.cohort;
    if (!v->kpis.n) {
        v->kpis_none = v->plan->kpis.n && cohort
                           ? sp_arena_printf(&v->arena, "No KPI of the plan is for the %s age group.", cohort)
                           : "The export has no KPIs: kpis.csv lists none.";
        v->section[SP_SEC_SCORECARD] = false;
    }
    if (v->plan->has_risks_file && !v->plan->risks.n)
        v->risks_none = "The risk register is empty: risks.csv lists no risks.";
    /* a forecast read by families reads as a promise (assessment rules) */
    v->forecast = !t->plain_english;
    if (!v->forecast)
        v->sheet[SP_SHEET_PROGRESS] = v->sheet[SP_SHEET_FORECAST] = false;
    const sp_assessment *a = v->assessment;
    glance_sentences(v);
    scorecard_intro(v);
    /* said where only the charts needing attention are drawn, when the pack shows its KPI charts */
    if (v->tmpl->charts_attention_only && v->section[SP_SEC_KPIS] && !v->kpis_numeric.n)
        v->charts_intro = v->kpis.n ? "No KPI is judged by its values, so there are no charts."
                                    : "The export has no KPIs, so there are no charts.";
    else if (v->tmpl->charts_attention_only && v->section[SP_SEC_KPIS])
        v->charts_intro = sp_arena_printf(&v->arena,
                                      "Charts for the KPIs judged by their values that are Red, Amber or not reported, "
                                      "show special cause of concern, or are failing their target by the SPC assurance "
                                      "rule: %zu of %zu. Every KPI's figures are in the scorecard; every chart is in the "
                                      "DfE and NHS England pack and the workbook.",
                                      v->kpis_charted.n, v->kpis_numeric.n);
    if (v->forecast && a->progress.forecast.state == SP_FORECAST_MADE) {
        char runs[32];
        sp_format_number(a->rules.forecast.runs, runs, sizeof runs);
        v->forecast_assumes = sp_arena_printf(
            &v->arena,
            "The forecast assumes the pace to come resembles the pace above and that no milestones are added; it "
            "simulates the %zu open milestones %s times and gives the months by which half and %.0f%% of the runs "
            "finished. It is a range with its chance, not a promise.",
            a->progress.forecast.open, runs, a->rules.forecast.chance * 100);
    }
}

/* A text buffer in lower case: the words of the pack, for the key. */
typedef struct words {
    char *s;
    size_t n, cap;
    sp_arena *a;
} words;

static void words_add(words *w, const char *t)
{
    if (!t)
        return;
    size_t n = strlen(t);
    if (w->n + n + 2 > w->cap) {
        w->cap = 2 * (w->n + n + 2) + 4096;
        char *bigger = sp_arena_alloc(w->a, w->cap);
        if (w->n)
            memcpy(bigger, w->s, w->n);
        w->s = bigger;
    }
    for (size_t i = 0; i < n; i++)
        w->s[w->n++] = (char)tolower((unsigned char)t[i]);
    w->s[w->n++] = '\n';
    w->s[w->n] = '\0';
}

/* The key from the terms the pack uses (issue 22): every sentence the view words for any of the
 * pack's outputs, and the vocabulary of what the pack draws (SPC charts' legends, the burn-up's),
 * checked against each term's phrases. tests/cli/key_terms.sh reads the outputs themselves. */
static void build_key(sp_view *v)
{
    const sp_assessment *a = v->assessment;
    const sp_plan *p = v->plan;
    words w = {.a = &v->arena};
    const char *texts[] = {a->overall,          v->glance_kpis,     v->glance_missing, v->glance_challenges,
                           v->glance_on_time,   v->scorecard_intro, v->charts_intro,   v->forecast_assumes};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        words_add(&w, texts[i]);
    if (v->forecast) {
        words_add(&w, "burn-up; scope; forecast"); /* the burn-up chart and its legend */
        const sp_progress *prs[] = {&a->progress};
        for (size_t i = 0; i < 1; i++)
            words_add(&w, prs[i]->forecast.sentence), words_add(&w, prs[i]->pace.reason),
                words_add(&w, prs[i]->scope_note), words_add(&w, prs[i]->unknown_note);
        for (size_t i = 0; i < p->areas.n; i++)
            words_add(&w, a->area_progress[i].forecast.sentence), words_add(&w, a->area_progress[i].pace.reason);
    }
    /* the SPC column headings of the KPI sheet and the scorecard: a Variation column holds common
     * and special cause, an Assurance column the assurance words */
    for (int i = 0; v->kpis.n && i < v->tmpl->n_kpi_columns; i++)
        if (v->tmpl->kpi_columns[i] == SP_KC_SPC_VARIATION)
            words_add(&w, "spc variation; common cause; special cause");
        else if (v->tmpl->kpi_columns[i] == SP_KC_SPC_ASSURANCE)
            words_add(&w, "spc assurance");
    for (int i = 0; v->kpis.n && i < v->tmpl->n_pdf_scorecard_columns; i++)
        if (v->tmpl->pdf_scorecard_columns[i] == SP_PS_VARIATION)
            words_add(&w, "variation; common cause; special cause");
        else if (v->tmpl->pdf_scorecard_columns[i] == SP_PS_ASSURANCE)
            words_add(&w, "assurance");
    if (v->kpis_spc.n) /* the XmR charts' legends and the SPC columns */
        words_add(&w, "spc xmr; process limits; special cause; common cause; assurance; hit and miss");
    for (size_t i = 0; i < p->areas.n; i++)
        words_add(&w, a->areas[i].reason);
    for (size_t i = 0; i < p->milestones.n; i++)
        words_add(&w, v->ms_why[i]);
    for (size_t i = 0; i < p->kpis.n; i++)
        words_add(&w, v->kpi_why[i]), words_add(&w, v->kpi_variation[i]), words_add(&w, v->kpi_assurance[i]);
    for (size_t i = 0; i < v->n_exceptions; i++)
        words_add(&w, v->exceptions[i].account), words_add(&w, v->exceptions[i].stance);
    v->key_rows = sp_rows_new(&v->arena, SP_N_KEY_ROWS);
    for (size_t i = 0; i < SP_N_KEY_ROWS; i++)
        if (sp_key_row_used(&SP_KEY_ROWS[i], w.s ? w.s : ""))
            v->key_rows.at[v->key_rows.n++] = i;
}

void sp_view_build(sp_view *v, const sp_plan *plan, const sp_assessment *assessment, const sp_changes *changes,
                   const sp_diags *diags, const sp_template *tmpl)
{
    memset(v, 0, sizeof *v);
    v->plan = plan;
    v->assessment = assessment;
    v->changes = changes;
    v->diags = diags;
    v->tmpl = tmpl;
    if (tmpl->redact_contacts) {
        /* one boundary: every text of both periods, the judgements' sentences and the warnings */
        v->plan_copy = *plan;
        memset(&v->plan_copy.arena, 0, sizeof v->plan_copy.arena);
        sp_redact_doubts doubts = {0};
        sp_redact_plan_copy(&v->plan_copy, &v->arena, &doubts);
        sp_view_redact_people(&v->plan_copy, &v->arena);
        v->plan = &v->plan_copy;
        redact_assessment(v, assessment, v->plan);
        if (changes)
            redact_changes(v, changes);
        if (diags || doubts.n)
            redact_diags(v, diags, &doubts);
        sp_vec_free(&doubts);
        v->redacted = true;
    }
    /* the one address a public pack keeps: the plan's own, for families (input contract) */
    v->contact = tmpl->plain_english && plan->info.contact ? plan->info.contact : "";
    build_rows(v);
    sp_view_build_people(v);
    build_texts(v);
    build_visibility(v);
    sp_view_build_annex_a(v);
    sp_view_build_charts(v);
    sp_view_build_story(v);
    build_key(v);
    sp_view_build_plain(v);
    if (tmpl->plain_english || sp_template_has_section(tmpl, SP_SEC_PLAIN))
        sp_view_build_families(v);
}

void sp_view_free(sp_view *v)
{
    sp_arena_free(&v->arena);
    memset(v, 0, sizeof *v);
}
