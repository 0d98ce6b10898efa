/*
 * pdf.c - the highlight report: at a glance, exceptions worst first, each area, the KPIs with
 * their charts, the risk register and the key. Lays out the assessment; judges nothing.
 */
#include <stdio.h>
#include <string.h>

#include "render/key.h"
#include "render/pdf_chart.h"
#include "render/pdf_doc.h"
#include "render/report.h"
#include "render/style.h"
#include "util/format.h"

#define BODY 9.5f
#define LABEL(s) sp_report_label(r, (s))
#define ASSESSMENT(a) sp_report_assessment(r, (a))
#define SMALL 8.0f

static const char *ms_title(const sp_plan *p, size_t i)
{
    const sp_milestone *m = &p->milestones.items[i];
    return m->text[0] ? m->text : p->actions.items[m->action_index].text;
}

static const char *ms_owner(const sp_plan *p, size_t i)
{
    const sp_milestone *m = &p->milestones.items[i];
    return m->owner[0] ? m->owner : p->actions.items[m->action_index].owner ? p->actions.items[m->action_index].owner : "";
}

static sp_status assessment_tint(sp_area_assessment a)
{
    static const sp_status tint[] = {SP_GREEN, SP_AMBER, SP_RED, SP_BLUE};
    return tint[a];
}

static const char *counts_words(pd_doc *d, const sp_counts *c)
{
    return sp_arena_printf(&d->arena, "%zu milestone%s: %zu complete (Blue), %zu on track (Green), %zu slipped (Amber), "
                                      "%zu overdue (Red), %zu with no date (Grey).",
                           c->total, c->total == 1 ? "" : "s", c->blue, c->green, c->amber, c->red, c->grey);
}

/* ---- columns a template chooses ------------------------------------------------------------ */

/* A table of the chosen columns, their widths rescaled to the body. */
static pd_table pick_columns(pd_doc *d, const char *const *headers, const float *widths, const int *keep, int n,
                             float size)
{
    const char **h = sp_arena_alloc(&d->arena, (size_t)n * sizeof *h);
    float *w = sp_arena_alloc(&d->arena, (size_t)n * sizeof *w), total = 0;
    for (int i = 0; i < n; i++)
        total += widths[keep[i]];
    for (int i = 0; i < n; i++) {
        h[i] = headers[keep[i]];
        w[i] = widths[keep[i]] / total;
    }
    pd_table t = {(size_t)n, h, w, size, false};
    return t;
}

static const pd_cell *pick_cells(pd_doc *d, const pd_cell *all, const int *keep, int n)
{
    pd_cell *c = sp_arena_alloc(&d->arena, (size_t)n * sizeof *c);
    for (int i = 0; i < n; i++)
        c[i] = all[keep[i]];
    return c;
}

/* ---- page 1: at a glance ----------------------------------------------------------------- */

static void glance(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    char date[20], start[20];
    sp_date_long(a->as_of, date);
    sp_date_long(p->info.start, start);
    pd_new_page(d);
    pd_heading(d, sp_template_title(r->tmpl, &d->arena, p->info.title, p->info.area, a->as_of), 0, NULL);
    if (r->tmpl->audience[0])
        pd_paragraph(d, r->tmpl->audience, d->bold, BODY, 0);
    pd_paragraph(d,
                 sp_arena_printf(&d->arena, "%s · %s · highlight report at %s · plan start %s%s%s",
                                 sp_plan_kind_name(p->info.kind), p->info.area, date, start,
                                 a->rules.cohort ? " · cohort " : "", a->rules.cohort ? a->rules.cohort : ""),
                 d->regular, BODY, 0);
    pd_space(d, 6);
    if (p->values_illustrative) {
        const char **lines;
        size_t n = pd_wrap(d, d->bold, BODY * d->scale, SP_NOTE_ILLUSTRATIVE, PD_BODY_W - 16, &lines);
        float h = (float)n * BODY * d->scale * 1.3f + 10;
        pd_ensure(d, h + 4);
        pd_fill_rect(d, PD_MARGIN_X, d->y - h, PD_BODY_W, h, SP_TINT_AMBER);
        pd_space(d, 5);
        pd_paragraph(d, SP_NOTE_ILLUSTRATIVE, d->bold, BODY, 8);
        pd_space(d, 9);
    }
    pd_paragraph(d, a->overall, d->bold, BODY + 1, 0);
    pd_space(d, 8);

    HPDF_Outline areas = pd_heading(d, "Areas at a glance", 1, NULL);
    (void)areas;
    for (size_t i = 0; i < p->areas.n; i++) {
        const sp_area_result *ar = &a->areas[i];
        if (!ar->counts.total)
            continue;
        pd_ensure(d, 70 * d->scale);
        pd_paragraph(d, sp_arena_printf(&d->arena, "Area %zu: %s", i + 1, p->areas.items[i].name), d->bold, BODY, 0);
        pd_space(d, 3);
        float size = BODY * d->scale;
        d->y -= size;
        float tw = pd_status_tag(d, PD_MARGIN_X, d->y, assessment_tint(ar->assessment),
                                 ASSESSMENT(ar->assessment), size);
        pd_status_bar(d, PD_MARGIN_X + tw + 8, d->y + size, 200, size * 1.35f, &ar->counts);
        d->y -= size * 0.6f;
        pd_paragraph(d, counts_words(d, &ar->counts), d->regular, SMALL, 0);
        pd_paragraph(d, ar->reason, d->regular, BODY, 0);
        pd_space(d, 6);
    }

    pd_heading(d, "KPIs and challenges", 1, NULL);
    const sp_counts *k = &a->kpi_counts;
    const struct {
        sp_status s;
        size_t n;
    } tags[] = {{SP_BLUE, k->blue}, {SP_GREEN, k->green}, {SP_AMBER, k->amber}, {SP_RED, k->red}, {SP_GREY, k->grey}};
    float size = BODY * d->scale;
    pd_ensure(d, size * 2);
    d->y -= size;
    float x = PD_MARGIN_X;
    for (int i = 0; i < 5; i++) {
        char word[32];
        snprintf(word, sizeof word, "%s %zu", LABEL(tags[i].s), tags[i].n);
        x += pd_status_tag(d, x, d->y, tags[i].s, word, size) + 6;
    }
    d->y -= size * 0.8f;
    pd_paragraph(d,
                 sp_arena_printf(&d->arena, "%zu KPIs: %zu Blue (12-month target met), %zu Green, %zu Amber, %zu Red, "
                                            "%zu Grey (cannot be judged yet).",
                                 k->total, k->blue, k->green, k->amber, k->red, k->grey),
                 d->regular, SMALL, 0);
    pd_space(d, 4);
    pd_paragraph(d,
                 sp_arena_printf(&d->arena,
                                 "Challenges: %zu reported position%s more optimistic than the evidence, or a KPI "
                                 "without an update at a passed checkpoint. They are listed first under Exceptions.",
                                 a->challenges, a->challenges == 1 ? " is" : "s are"),
                 d->regular, BODY, 0);
}

/* ---- exceptions --------------------------------------------------------------------------- */

static void exceptions(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_space(d, 8);
    pd_ensure(d, 160); /* the heading, its note and the first rows together */
    pd_heading(d, "Exceptions: what needs attention", 1, NULL);
    if (!a->n_exceptions) {
        pd_paragraph(d, "Nothing is overdue, slipped, challenged, Red or Amber at this report date.", d->regular, BODY, 0);
        return;
    }
    pd_paragraph(d, "Worst first: Red before Amber, challenged before unchallenged, the longest overdue first.",
                 d->regular, SMALL, 0);
    pd_space(d, 4);
    static const char *const headers[SP_N_PDF_EXCEPTION_COLUMNS] = {"What", "Status", "Owner", "Why"};
    static const float widths[SP_N_PDF_EXCEPTION_COLUMNS] = {0.33f, 0.09f, 0.19f, 0.39f};
    const int *keep = r->tmpl->pdf_exception_columns;
    int n_keep = r->tmpl->n_pdf_exception_columns;
    pd_table t = pick_columns(d, headers, widths, keep, n_keep, SMALL);
    for (size_t e = 0; e < a->n_exceptions; e++) {
        const sp_exception *x = &a->exceptions[e];
        pd_cell cells[SP_N_PDF_EXCEPTION_COLUMNS] = {{0}};
        if (x->is_kpi) {
            const sp_kpi *k = &p->kpis.items[x->index];
            const sp_kpi_result *kr = &a->kpis[x->index];
            cells[SP_PE_WHAT].text = sp_arena_printf(&d->arena, "%s: %s %s", sp_exception_word(x->kind), k->ref, k->name);
            cells[SP_PE_STATUS] = (pd_cell){LABEL(kr->rag), kr->rag, true};
            cells[SP_PE_OWNER].text = k->owner;
            cells[SP_PE_WHY].text = kr->reason;
        } else {
            const sp_milestone_result *m = &a->milestones[x->index];
            cells[SP_PE_WHAT].text = sp_arena_printf(&d->arena, "%s: %s %s", sp_exception_word(x->kind),
                                                     p->milestones.items[x->index].ref, ms_title(p, x->index));
            cells[SP_PE_STATUS] = (pd_cell){LABEL(m->derived), m->derived, true};
            cells[SP_PE_OWNER].text = ms_owner(p, x->index);
            cells[SP_PE_WHY].text = m->challenge ? sp_arena_printf(&d->arena, "%s.", m->challenge) : m->reason;
        }
        pd_table_row(d, &t, pick_cells(d, cells, keep, n_keep));
    }
}

/* ---- each area ------------------------------------------------------------------------------ */

static void bullet(pd_doc *d, const char *text)
{
    pd_paragraph(d, sp_arena_printf(&d->arena, "•  %s", text), d->regular, BODY, 8);
}

static bool completed_since(const sp_changes *ch, size_t milestone)
{
    for (size_t i = 0; i < ch->n; i++)
        if (ch->items[i].kind == SP_CH_COMPLETED && ch->items[i].milestone == (long)milestone)
            return true;
    return false;
}

static void areas(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, "Progress by area", 1, NULL);
    for (size_t i = 0; i < p->areas.n; i++) {
        const sp_area *area = &p->areas.items[i];
        const sp_area_result *ar = &a->areas[i];
        if (!ar->counts.total)
            continue;
        pd_space(d, 4);
        pd_heading(d, sp_arena_printf(&d->arena, "Area %zu: %s", i + 1, ASSESSMENT(ar->assessment)), 2,
                   top);
        pd_paragraph(d, area->name, d->bold, BODY, 0);
        pd_paragraph(d, ar->reason, d->regular, BODY, 0);
        pd_space(d, 4);

        /* highlights: completed since the plan start, or since the last report when there is one */
        char since[20];
        if (r->changes)
            sp_date_long(r->changes->previous_as_of, since);
        pd_paragraph(d, r->changes ? sp_arena_printf(&d->arena, "Completed since the last report (%s)", since) : "Completed",
                     d->bold, BODY, 0);
        size_t shown = 0;
        for (size_t m = area->first_milestone; m < area->first_milestone + area->n_milestones; m++) {
            const sp_milestone_result *mr = &a->milestones[m];
            if (!mr->in_scope || !mr->complete || (r->changes && !completed_since(r->changes, m)))
                continue;
            char when[20] = "date not recorded";
            if (mr->completed_on != SP_NO_DATE)
                sp_date_long(mr->completed_on, when);
            bullet(d, sp_arena_printf(&d->arena, "%s %s (completed %s)", p->milestones.items[m].ref, ms_title(p, m), when));
            shown++;
        }
        if (!shown)
            bullet(d, r->changes ? "None since the last report." : "None yet.");

        pd_paragraph(d, "Due in the next 90 days", d->bold, BODY, 0);
        shown = 0;
        for (size_t m = area->first_milestone; m < area->first_milestone + area->n_milestones; m++) {
            const sp_milestone_result *mr = &a->milestones[m];
            if (!mr->in_scope || !mr->due_soon)
                continue;
            char due[20];
            sp_date_long(mr->effective_due, due);
            bullet(d, sp_arena_printf(&d->arena, "%s %s: due %s, %s (%s)", p->milestones.items[m].ref, ms_title(p, m),
                                      due, LABEL(mr->derived), ms_owner(p, m)));
            shown++;
        }
        if (!shown)
            bullet(d, "Nothing falls due in the next 90 days.");

        pd_paragraph(d, "KPIs", d->bold, BODY, 0);
        for (size_t j = 0; j < ar->n_kpis; j++) {
            const sp_kpi *k = &p->kpis.items[ar->kpis[j]];
            const sp_kpi_result *kr = &a->kpis[ar->kpis[j]];
            bullet(d, sp_arena_printf(&d->arena, "%s (%s): %s — %s", k->ref, LABEL(kr->rag), k->name, kr->reason));
        }
        if (!ar->n_kpis)
            bullet(d, "No KPI is linked to this area.");
    }
}

/* ---- KPIs ----------------------------------------------------------------------------------- */

static const char *value_text(pd_doc *d, const sp_kpi *k, bool has, double v)
{
    if (!has)
        return "–";
    char buf[64];
    sp_format_value(v, k->unit, buf, sizeof buf);
    return sp_arena_strdup(&d->arena, buf);
}

static const char *target_text(pd_doc *d, const sp_kpi *k, const sp_kpi_result *kr, int cp)
{
    const sp_target *t = &k->target[cp];
    if (t->kind == SP_TARGET_NONE)
        return "–";
    if (!kr->target[cp].numeric)
        return t->text;
    const char *v = value_text(d, k, true, kr->target[cp].value);
    if (t->kind == SP_TARGET_ABSOLUTE && !t->words)
        return v;
    return sp_arena_printf(&d->arena, "%s (%s)", v, t->text);
}

static void kpi_pages(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, "KPIs: the impact scorecard", 1, NULL);
    if (p->values_illustrative)
        pd_paragraph(d, SP_NOTE_ILLUSTRATIVE, d->bold, SMALL, 0);
    static const char *const headers[] = {"Baseline", "3-month target", "6-month target", "12-month target", "Latest",
                                          "RAG", "Progress to target", "Direction of travel", "England",
                                          "Statistical neighbours"};
    static const float widths[] = {0.1f, 0.12f, 0.12f, 0.14f, 0.09f, 0.08f, 0.08f, 0.09f, 0.09f, 0.09f};
    pd_table t = {10, headers, widths, 7.0f, false};
    size_t qualitative = 0;
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_scope)
            continue;
        if (!kr->numeric) {
            qualitative++;
            continue;
        }
        pd_ensure(d, 330 * d->scale);
        pd_heading(d, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 2, top);
        float h = 175 * d->scale;
        pd_ensure(d, h);
        pd_kpi_chart(d, PD_MARGIN_X, d->y, PD_BODY_W, h, p, a, i);
        d->y -= h + 6;
        pd_table_begin(d, &t);
        const sp_observation *latest = kr->has_latest ? &p->observations.items[kr->latest_obs] : NULL;
        char when[16] = "";
        if (latest)
            sp_date_month(latest->period_end, when);
        pd_cell cells[10] = {
            {kr->baseline_set ? sp_arena_printf(&d->arena, "%s%s%s", value_text(d, k, true, kr->baseline),
                                                kr->baseline_note ? ", " : "", kr->baseline_note ? kr->baseline_note : "")
                              : (k->baseline.text[0] ? k->baseline.text : "not set"),
             0, false},
            {target_text(d, k, kr, SP_CP_3M), 0, false},
            {target_text(d, k, kr, SP_CP_6M), 0, false},
            {target_text(d, k, kr, SP_CP_12M), 0, false},
            {latest ? sp_arena_printf(&d->arena, "%s (%s)", value_text(d, k, true, latest->value), when) : "none yet", 0,
             false},
            {LABEL(kr->rag), kr->rag, true},
            {kr->has_progress ? sp_arena_printf(&d->arena, "%.0f%%", kr->progress) : "–", 0, false},
            {sp_travel_key(kr->travel) ? sp_travel_key(kr->travel) : "–", 0, false},
            {latest && latest->has_england
                 ? sp_arena_printf(&d->arena, "%s (%s)", value_text(d, k, true, latest->england),
                                   sp_comparison_key(kr->england) ? sp_comparison_key(kr->england) : "")
                 : "–",
             0, false},
            {latest && latest->has_neighbours
                 ? sp_arena_printf(&d->arena, "%s (%s)", value_text(d, k, true, latest->neighbours),
                                   sp_comparison_key(kr->neighbours) ? sp_comparison_key(kr->neighbours) : "")
                 : "–",
             0, false},
        };
        pd_table_row(d, &t, cells);
        pd_space(d, 3);
        pd_paragraph(d, kr->reason, d->regular, SMALL + 0.5f, 0);
        pd_space(d, 10);
    }
    if (!qualitative)
        return;
    pd_heading(d, "KPIs judged by milestone", 2, top);
    static const char *const qh[] = {"KPI", "RAG", "Why"};
    static const float qw[] = {0.45f, 0.1f, 0.45f};
    pd_table q = {3, qh, qw, SMALL, false};
    pd_table_begin(d, &q);
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_scope || kr->numeric)
            continue;
        pd_cell cells[3] = {{sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 0, false},
                            {LABEL(kr->rag), kr->rag, true},
                            {kr->reason, 0, false}};
        pd_table_row(d, &q, cells);
    }
}

/* ---- risks and key ---------------------------------------------------------------------------- */

static void risks(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    pd_space(d, 8);
    pd_heading(d, "Risk register", 1, NULL);
    static const char *const headers[] = {"Risk", "Severity", "Mitigation", "After mitigation", "Progress"};
    static const float widths[] = {0.27f, 0.09f, 0.28f, 0.1f, 0.26f};
    pd_table t = {5, headers, widths, SMALL, false};
    pd_table_begin(d, &t);
    for (size_t i = 0; i < p->risks.n; i++) {
        const sp_risk *k = &p->risks.items[i];
        pd_cell cells[5] = {{k->text, 0, false},
                            {sp_severity_word(k->severity), 0, true},
                            {k->mitigation, 0, false},
                            {sp_severity_word(k->residual), 0, false},
                            {k->progress, 0, false}};
        pd_table_row(d, &t, cells);
    }
}

static void key(pd_doc *d, const sp_report *r)
{
    pd_space(d, 8);
    pd_heading(d, "Key: what the colours and figures mean", 1, NULL);
    static const char *const headers[] = {"Term", "Meaning"};
    static const float widths[] = {0.22f, 0.78f};
    pd_table t = {2, headers, widths, SMALL, false};
    pd_table_begin(d, &t);
    for (size_t i = 0; i < SP_N_KEY_ROWS; i++) {
        const char *term = SP_KEY_ROWS[i].status ? LABEL(SP_KEY_ROWS[i].status) : SP_KEY_ROWS[i].term;
        pd_cell cells[2] = {{term, SP_KEY_ROWS[i].status, true}, {SP_KEY_ROWS[i].meaning, 0, false}};
        pd_table_row(d, &t, cells);
    }
    pd_cell note[2] = {{"Challenges", 0, true}, {SP_NOTE_DERIVED, 0, false}};
    pd_table_row(d, &t, note);
}

/* ---- since the last report ------------------------------------------------------------------ */

static void changes(pd_doc *d, const sp_report *r)
{
    const sp_changes *ch = r->changes;
    if (!ch)
        return; /* only with --previous */
    char when[20];
    sp_date_long(ch->previous_as_of, when);
    pd_space(d, 8);
    pd_ensure(d, 140);
    pd_heading(d, sp_arena_printf(&d->arena, "Since the last report (%s)", when), 1, NULL);
    const char *summary = "";
    for (int k = 0; k < SP_N_CHANGE_KINDS; k++)
        if (ch->counts[k])
            summary = sp_arena_printf(&d->arena, "%s%s%s: %zu", summary, summary[0] ? "; " : "",
                                      sp_change_word((sp_change_kind)k), ch->counts[k]);
    pd_paragraph(d, ch->n ? sp_arena_printf(&d->arena, "%s.", summary) : "Nothing changed since the last report.",
                 d->regular, BODY, 0);
    if (!ch->n)
        return;
    pd_space(d, 4);
    static const char *const headers[] = {"Change", "What", "Before → now", "Detail"};
    static const float widths[] = {0.15f, 0.35f, 0.17f, 0.33f};
    pd_table t = {4, headers, widths, SMALL, false};
    pd_table_begin(d, &t);
    for (size_t i = 0; i < ch->n; i++) {
        const sp_change *c = &ch->items[i];
        pd_cell cells[4] = {
            {sp_change_word(c->kind), 0, true},
            {c->ref[0] ? sp_arena_printf(&d->arena, "%s %s", c->ref, c->what) : c->what, 0, false},
            {c->from[0] || c->to[0] ? sp_arena_printf(&d->arena, "%s → %s", c->from[0] ? c->from : "–",
                                                      c->to[0] ? c->to : "–")
                                    : "",
             0, false},
            {c->sentence, 0, false},
        };
        pd_table_row(d, &t, cells);
    }
}

/* ---- SPC: XmR charts ------------------------------------------------------------------------ */

static void spc_pages(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    size_t charted = 0;
    for (size_t i = 0; i < p->kpis.n; i++)
        charted += a->kpis[i].in_scope && a->kpis[i].spc.computed;
    if (!charted)
        return; /* no KPI has enough points yet */
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, "Statistical process control", 1, NULL);
    pd_paragraph(d,
                 "KPIs with enough monthly values, read as XmR charts in the NHS England \"Making Data Count\" "
                 "style: the mean, the natural process limits (mean ± 2.66 × the average moving range), and "
                 "special-cause points: outside the limits, a shift or trend of consecutive points, or two of "
                 "three near a limit.",
                 d->regular, SMALL + 0.5f, 0);
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_scope || !kr->spc.computed)
            continue;
        pd_ensure(d, 300 * d->scale);
        pd_heading(d, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 2, top);
        int cp = kr->final_checkpoint;
        for (int c = 0; c < SP_N_CHECKPOINTS; c++)
            if (kr->target[c].numeric && kr->target[c].date >= a->as_of) {
                cp = c;
                break;
            }
        float h = 190 * d->scale;
        pd_ensure(d, h);
        pd_spc_chart(d, PD_MARGIN_X, d->y, PD_BODY_W, h, p, a, i, cp >= 0 ? kr->target[cp].value : 0, cp >= 0);
        d->y -= h + 4;
        pd_paragraph(d,
                     sp_arena_printf(&d->arena, "Variation: %s. Assurance: %s. %zu points.", kr->spc.variation_text,
                                     kr->spc.assurance_text ? kr->spc.assurance_text : "no target to assure against",
                                     kr->spc.n),
                     d->bold, BODY, 0);
        pd_space(d, 8);
    }
}

/* ---- dfe-nhse: the impact scorecard, actions with their narratives, the focus cohort ------- */

static void scorecard(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_space(d, 8);
    pd_heading(d, "Impact scorecard", 1, NULL);
    pd_paragraph(d, "Each KPI from its baseline to its 3, 6 and 12-month targets, against the latest value.",
                 d->regular, SMALL, 0);
    if (p->values_illustrative)
        pd_paragraph(d, SP_NOTE_ILLUSTRATIVE, d->bold, SMALL, 0);
    pd_space(d, 4);
    static const char *const headers[SP_N_PDF_SCORECARD_COLUMNS] = {
        "KPI", "Baseline", "3 months", "6 months", "12 months", "Latest", "RAG", "Evidence"};
    static const float widths[SP_N_PDF_SCORECARD_COLUMNS] = {0.2f, 0.09f, 0.12f, 0.12f, 0.12f, 0.09f, 0.07f, 0.19f};
    const int *keep = r->tmpl->pdf_scorecard_columns;
    int n_keep = r->tmpl->n_pdf_scorecard_columns;
    pd_table t = pick_columns(d, headers, widths, keep, n_keep, 7.0f);
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_scope)
            continue;
        const sp_observation *latest = kr->has_latest ? &p->observations.items[kr->latest_obs] : NULL;
        char when[16] = "";
        if (latest)
            sp_date_month(latest->period_end, when);
        pd_cell cells[SP_N_PDF_SCORECARD_COLUMNS] = {
            [SP_PS_KPI] = {sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 0, false},
            [SP_PS_BASELINE] = {kr->baseline_set ? value_text(d, k, true, kr->baseline)
                                                 : (k->baseline.text[0] ? k->baseline.text : "not set"),
                                0, false},
            [SP_PS_TARGET_3M] = {target_text(d, k, kr, SP_CP_3M), 0, false},
            [SP_PS_TARGET_6M] = {target_text(d, k, kr, SP_CP_6M), 0, false},
            [SP_PS_TARGET_12M] = {target_text(d, k, kr, SP_CP_12M), 0, false},
            [SP_PS_LATEST] = {latest ? sp_arena_printf(&d->arena, "%s (%s)", value_text(d, k, true, latest->value), when)
                                     : "none yet",
                              0, false},
            [SP_PS_RAG] = {LABEL(kr->rag), kr->rag, true},
            [SP_PS_EVIDENCE] = {kr->reason, 0, false},
        };
        pd_table_row(d, &t, pick_cells(d, cells, keep, n_keep));
    }
}

static void actions(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, "Actions and progress", 1, NULL);
    for (size_t ai = 0; ai < p->actions.n; ai++) {
        const sp_action *ac = &p->actions.items[ai];
        const sp_action_result *ar = &a->actions[ai];
        if (!ar->in_scope)
            continue;
        pd_ensure(d, 80 * d->scale);
        pd_heading(d, sp_arena_printf(&d->arena, "%s: %s", ac->ref, LABEL(ar->status)), 2, top);
        pd_paragraph(d, ac->text, d->bold, BODY, 0);
        if (ac->owner && ac->owner[0])
            pd_paragraph(d, sp_arena_printf(&d->arena, "Owner: %s", ac->owner), d->regular, SMALL, 0);
        for (size_t m = ac->first_milestone; m < ac->first_milestone + ac->n_milestones; m++) {
            const sp_milestone *ms = &p->milestones.items[m];
            const sp_milestone_result *mr = &a->milestones[m];
            char due[20] = "no date";
            if (mr->effective_due != SP_NO_DATE)
                sp_date_long(mr->effective_due, due);
            bullet(d, sp_arena_printf(&d->arena, "%s (due %s): %s. %s", ms_title(p, m), due, LABEL(mr->derived),
                                      mr->challenge ? mr->challenge : mr->reason));
            if (ms->progress[0])
                pd_paragraph(d, sp_arena_printf(&d->arena, "Progress: %s", ms->progress), d->regular, SMALL + 0.5f, 18);
        }
        pd_space(d, 4);
    }
}

static void cohort(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    const char *focus = a->rules.focus_cohort;
    if (!focus)
        return;
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, sp_arena_printf(&d->arena, "Outcomes for young people aged %s", focus), 1, NULL);
    pd_paragraph(d,
                 sp_arena_printf(&d->arena,
                                 "Every KPI and milestone of the plan for the %s age group, in one place: the single view "
                                 "of outcomes for young adults that the inspectors asked leaders to keep.",
                                 focus),
                 d->regular, BODY, 0);
    pd_space(d, 6);
    pd_heading(d, "KPIs", 2, top);
    static const char *const kh[] = {"KPI", "Age group", "Latest", "RAG", "Why"};
    static const float kw[] = {0.34f, 0.1f, 0.12f, 0.08f, 0.36f};
    pd_table kt = {5, kh, kw, SMALL, false};
    size_t n = 0;
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!kr->in_focus)
            continue;
        const sp_observation *latest = kr->has_latest ? &p->observations.items[kr->latest_obs] : NULL;
        pd_cell cells[5] = {{sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 0, false},
                            {k->cohort, 0, false},
                            {latest ? value_text(d, k, true, latest->value) : "none yet", 0, false},
                            {LABEL(kr->rag), kr->rag, true},
                            {kr->reason, 0, false}};
        if (!n++)
            pd_table_begin(d, &kt);
        pd_table_row(d, &kt, cells);
    }
    if (!n)
        pd_paragraph(d, "No KPI of the plan names this age group.", d->regular, BODY, 0);
    pd_space(d, 6);
    pd_heading(d, "Milestones", 2, top);
    static const char *const mh[] = {"Milestone", "Due", "Status", "Why"};
    static const float mw[] = {0.42f, 0.12f, 0.1f, 0.36f};
    pd_table mt = {4, mh, mw, SMALL, false};
    n = 0;
    for (size_t m = 0; m < p->milestones.n; m++) {
        const sp_milestone_result *mr = &a->milestones[m];
        if (!mr->in_focus)
            continue;
        char due[20] = "no date";
        if (mr->effective_due != SP_NO_DATE)
            sp_date_long(mr->effective_due, due);
        pd_cell cells[4] = {{sp_arena_printf(&d->arena, "%s: %s", p->milestones.items[m].ref, ms_title(p, m)), 0, false},
                            {sp_arena_strdup(&d->arena, due), 0, false},
                            {LABEL(mr->derived), mr->derived, true},
                            {mr->challenge ? mr->challenge : mr->reason, 0, false}};
        if (!n++)
            pd_table_begin(d, &mt);
        pd_table_row(d, &mt, cells);
    }
    if (!n)
        pd_paragraph(d, "No action of the plan names this age group.", d->regular, BODY, 0);
}

/* ---- local-offer: plain English for families ----------------------------------------------- */

static void plain(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    char date[20];
    sp_date_long(a->as_of, date);
    pd_new_page(d);
    pd_heading(d, sp_template_title(r->tmpl, &d->arena, p->info.title, p->info.area, a->as_of), 0, NULL);
    if (r->tmpl->audience[0])
        pd_paragraph(d, r->tmpl->audience, d->bold, BODY, 0);
    pd_paragraph(d, sp_arena_printf(&d->arena, "This is how the plan stands on %s.", date), d->regular, BODY, 0);
    if (p->values_illustrative)
        pd_paragraph(d, SP_NOTE_ILLUSTRATIVE, d->bold, SMALL, 0);
    pd_space(d, 6);
    pd_paragraph(d, sp_plain_position(r, &d->arena), d->bold, BODY, 0);
    for (size_t i = 0; i < p->areas.n; i++) {
        const sp_area *area = &p->areas.items[i];
        const sp_area_result *ar = &a->areas[i];
        if (!ar->counts.total)
            continue;
        pd_space(d, 8);
        pd_ensure(d, 120 * d->scale);
        pd_heading(d, sp_arena_printf(&d->arena, "Part %zu: %s", i + 1, ASSESSMENT(ar->assessment)), 1, NULL);
        pd_paragraph(d, area->name, d->bold, BODY, 0);
        pd_space(d, 3);
        pd_paragraph(d, "What we said we would do", d->bold, BODY, 0);
        for (size_t j = area->first_action; j < area->first_action + area->n_actions; j++)
            if (a->actions[j].in_scope)
                bullet(d, p->actions.items[j].text);
        pd_paragraph(d, "What we have done", d->bold, BODY, 0);
        size_t shown = 0;
        for (size_t m = area->first_milestone; m < area->first_milestone + area->n_milestones; m++)
            if (a->milestones[m].in_scope && a->milestones[m].complete)
                bullet(d, ms_title(p, m)), shown++;
        if (!shown)
            bullet(d, "Nothing is finished yet.");
        pd_paragraph(d, "What happens next", d->bold, BODY, 0);
        shown = 0;
        for (size_t m = area->first_milestone; m < area->first_milestone + area->n_milestones; m++) {
            const sp_milestone_result *mr = &a->milestones[m];
            if (!mr->in_scope || mr->complete)
                continue;
            char month[16];
            const char *when = "a date to be set";
            if (mr->effective_due != SP_NO_DATE) {
                sp_date_month(mr->effective_due, month);
                when = month;
            }
            bullet(d, sp_arena_printf(&d->arena, "%s. By %s. %s.", ms_title(p, m), when, LABEL(mr->derived)));
            shown++;
        }
        if (!shown)
            bullet(d, "Everything here is finished.");
    }
}

static void plain_key(pd_doc *d, const sp_report *r)
{
    static const sp_status order[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    static const char *const meaning[] = {
        [SP_BLUE] = "We have finished this.",
        [SP_GREEN] = "This is happening as planned.",
        [SP_AMBER] = "This is taking longer than we planned.",
        [SP_RED] = "This has passed the date we set and is not finished.",
        [SP_GREY] = "We have not set a date for this yet.",
    };
    pd_space(d, 10);
    pd_heading(d, "What the words mean", 1, NULL);
    const char *shown[5];
    size_t n = 0;
    for (size_t k = 0; k < 5; k++) {
        const char *word = LABEL(order[k]);
        bool seen = false;
        for (size_t j = 0; j < n; j++)
            seen = seen || strcmp(shown[j], word) == 0;
        if (seen)
            continue;
        shown[n++] = word;
        bool late = order[k] == SP_AMBER && strcmp(word, LABEL(SP_RED)) == 0;
        float size = BODY * d->scale;
        pd_ensure(d, size * 2);
        d->y -= size;
        float w = pd_status_tag(d, PD_MARGIN_X, d->y, order[k], word, size);
        pd_text_at(d, d->regular, size, PD_MARGIN_X + w + 8, d->y,
                   late ? "This is behind the date we planned." : meaning[order[k]], SP_TEXT_DARK);
        d->y -= size * 0.9f;
    }
}

typedef void (*section_fn)(pd_doc *, const sp_report *);

static void key_section(pd_doc *d, const sp_report *r)
{
    if (r->tmpl->plain_english)
        plain_key(d, r);
    else
        key(d, r);
}

static void risks_section(pd_doc *d, const sp_report *r)
{
    if (r->plan->has_risks_file)
        risks(d, r);
}

static const section_fn SECTIONS[SP_N_SECTIONS] = {
    [SP_SEC_GLANCE] = glance,       [SP_SEC_CHANGES] = changes,   [SP_SEC_EXCEPTIONS] = exceptions,
    [SP_SEC_SCORECARD] = scorecard, [SP_SEC_AREAS] = areas,       [SP_SEC_ACTIONS] = actions,
    [SP_SEC_KPIS] = kpi_pages,      [SP_SEC_SPC] = spc_pages,       [SP_SEC_COHORT] = cohort,
    [SP_SEC_PLAIN] = plain,         [SP_SEC_RISKS] = risks_section, [SP_SEC_KEY] = key_section,
};

bool sp_render_pdf(const sp_report *r, const char *path, char *err, size_t errlen)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    char date[20];
    sp_date_long(a->as_of, date);
    pd_doc doc, *d = &doc;
    sp_arena names = {0};
    const char *right = sp_arena_printf(&names, "Report date %s", date);
    const char *title = sp_template_title(r->tmpl, &names, p->info.title, p->info.area, a->as_of);
    if (!pd_open(d, title, right, r->tmpl->type_scale)) {
        snprintf(err, errlen, "%s", d->err);
        pd_close(d);
        sp_arena_free(&names);
        return false;
    }
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_TITLE, title);
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_SUBJECT,
                     sp_arena_printf(&names, "Highlight report on the SEND improvement plan at %s", date));
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_AUTHOR, p->info.organisations);
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_CREATOR, "sendpack " SENDPACK_VERSION);
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_KEYWORDS, "SEND, improvement plan, monitoring, KPI");
    int y, m, day;
    sp_date_ymd(a->as_of, &y, &m, &day);
    HPDF_Date created = {.year = y, .month = m, .day = day, .ind = 'Z'};
    HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_CREATION_DATE, created);
    HPDF_SetPageMode(d->pdf, HPDF_PAGE_MODE_USE_OUTLINE);

    for (int i = 0; i < r->tmpl->n_sections; i++)
        SECTIONS[r->tmpl->sections[i]](d, r);

    bool ok = pd_save(d, path);
    if (!ok)
        snprintf(err, errlen, "%s", d->err);
    pd_close(d);
    sp_arena_free(&names);
    return ok;
}
