/* html_sections.c - the committee sections of the HTML pack: at a glance, since the last report,
 * exceptions, areas, actions, the 18-25 cohort, risks and the key. */
#include <stdio.h>
#include <string.h>

#include "render/html_rows.h"
#include "render/html_sections.h"
#include "render/key.h"
#include "render/style.h"
#include "util/format.h"

#define LABEL(s) sp_report_label(r, (s))

const char *html_section_id(sp_section s) { return SP_SECTION_KEYS[s]; }

const char *html_section_title(hd_doc *d, const sp_report *r, sp_section s)
{
    switch (s) {
    case SP_SEC_GLANCE: return "At a glance";
    case SP_SEC_CHANGES: return r->changes ? "Since the last report" : NULL;
    case SP_SEC_EXCEPTIONS: return "Exceptions: what needs attention";
    case SP_SEC_SCORECARD: return "Impact scorecard";
    case SP_SEC_AREAS: return "Progress by area";
    case SP_SEC_ACTIONS: return "Actions and progress";
    case SP_SEC_KPIS: return "KPIs: each measure in detail";
    case SP_SEC_SPC: return html_spc_count(d, r) ? "Statistical process control" : NULL;
    case SP_SEC_COHORT:
        return r->assessment->rules.focus_cohort
                   ? sp_arena_printf(&d->arena, "Outcomes for young people aged %s", r->assessment->rules.focus_cohort)
                   : NULL;
    case SP_SEC_PLAIN: return "What we are doing";
    case SP_SEC_RISKS: return r->plan->has_risks_file ? "Risk register" : NULL;
    case SP_SEC_KEY: return r->tmpl->plain_english ? "What the words mean" : "Key: what the colours and figures mean";
    default: return NULL;
    }
}

/* The section's heading, with the id the contents list links to. */
void html_section_heading(hd_doc *d, const sp_report *r, sp_section s)
{
    hd_heading(d, 1, html_section_id(s), html_section_title(d, r, s));
}

const char *html_ms_title(const sp_report *r, size_t i)
{
    const sp_milestone *m = &r->plan->milestones.items[i];
    return m->text[0] ? m->text : r->plan->actions.items[m->action_index].text;
}

const char *html_ms_owner(const sp_report *r, size_t i)
{
    const sp_milestone *m = &r->plan->milestones.items[i];
    const char *action_owner = r->plan->actions.items[m->action_index].owner;
    return m->owner[0] ? m->owner : action_owner ? action_owner : "";
}

const char *html_date(hd_doc *d, sp_date date)
{
    if (date == SP_NO_DATE)
        return "no date";
    char buf[20];
    sp_date_long(date, buf);
    return sp_arena_strdup(&d->arena, buf);
}

const char *html_month(hd_doc *d, sp_date date)
{
    if (date == SP_NO_DATE)
        return "no date";
    char buf[16];
    sp_date_month(date, buf);
    return sp_arena_strdup(&d->arena, buf);
}

const char *html_value(hd_doc *d, const sp_kpi *k, double v)
{
    char buf[64];
    sp_format_value(v, k->unit, buf, sizeof buf);
    return sp_arena_strdup(&d->arena, buf);
}

static const char *counts_words(hd_doc *d, const sp_counts *c)
{
    return sp_arena_printf(&d->arena, "%zu milestone%s: %zu complete (Blue), %zu on track (Green), %zu slipped (Amber), "
                                      "%zu overdue (Red), %zu with no date (Grey).",
                           c->total, c->total == 1 ? "" : "s", c->blue, c->green, c->amber, c->red, c->grey);
}

void html_glance(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_GLANCE);
    if (p->values_illustrative)
        hd_para(d, "sp-notice", SP_NOTE_ILLUSTRATIVE);
    hd_para(d, "sp-lead", a->overall);
    const sp_counts *m = &a->milestone_counts;
    static const sp_status order[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    const char *labels[5];
    double values[5] = {(double)m->blue, (double)m->green, (double)m->amber, (double)m->red, (double)m->grey};
    for (int i = 0; i < 5; i++)
        labels[i] = LABEL(order[i]);
    hc_bars(d, &(hc_bar_chart){
                   "Milestones by status",
                   sp_arena_printf(&d->arena, "A bar for each status. %s", counts_words(d, m)),
                   labels, order, values, 5, "Milestones"});

    hd_heading(d, 2, NULL, "Areas at a glance");
    static const char *const heads[] = {"Area", "Assessment", "Milestones", "Why"};
    hd_table_begin(d, "Each area of the plan: its assessment and why", heads, 4);
    hr_rows areas = html_rows(d, r, HR_AREAS);
    for (size_t j = 0; j < areas.n; j++) {
        size_t i = areas.at[j];
        const sp_area_result *ar = &a->areas[i];
        hd_row_begin(d);
        hd_cell(d, true, sp_arena_printf(&d->arena, "Area %zu: %s", i + 1, p->areas.items[i].name));
        hd_cell_status(d, sp_assessment_tint(ar->assessment), sp_report_assessment(r, ar->assessment));
        hd_cell(d, false, counts_words(d, &ar->counts));
        hd_cell(d, false, ar->reason);
        hd_row_end(d);
    }
    hd_table_end(d);

    hd_heading(d, 2, NULL, "KPIs and challenges");
    const sp_counts *k = &a->kpi_counts;
    hd_para(d, NULL,
            sp_arena_printf(&d->arena, "%zu KPIs: %zu Blue (12-month target met), %zu Green, %zu Amber, %zu Red, "
                                       "%zu Grey (cannot be judged yet).",
                            k->total, k->blue, k->green, k->amber, k->red, k->grey));
    hd_para(d, NULL,
            sp_arena_printf(&d->arena,
                            "Challenges: %zu reported position%s more optimistic than the evidence, or a KPI "
                            "without an update at a passed checkpoint. They are listed first under Exceptions.",
                            a->challenges, a->challenges == 1 ? " is" : "s are"));
}

void html_changes(hd_doc *d, const sp_report *r)
{
    const sp_changes *ch = r->changes;
    if (!ch)
        return;
    html_section_heading(d, r, SP_SEC_CHANGES);
    const char *summary = "";
    for (int k = 0; k < SP_N_CHANGE_KINDS; k++)
        if (ch->counts[k])
            summary = sp_arena_printf(&d->arena, "%s%s%s: %zu", summary, summary[0] ? "; " : "",
                                      sp_change_word((sp_change_kind)k), ch->counts[k]);
    hd_para(d, NULL,
            ch->n ? sp_arena_printf(&d->arena, "Compared with the report of %s. %s.", html_date(d, ch->previous_as_of),
                                    summary)
                  : sp_arena_printf(&d->arena, "Nothing changed since the report of %s.",
                                    html_date(d, ch->previous_as_of)));
    if (!ch->n)
        return;
    static const char *const heads[] = {"Change", "What", "Before", "Now", "Detail"};
    hd_table_begin(d, "What changed since the last report", heads, 5);
    for (size_t i = 0; i < ch->n; i++) {
        const sp_change *c = &ch->items[i];
        hd_row_begin(d);
        hd_cell(d, true, sp_change_word(c->kind));
        hd_cell(d, false, c->ref[0] ? sp_arena_printf(&d->arena, "%s %s", c->ref, c->what) : c->what);
        hd_cell(d, false, c->from[0] ? c->from : "–");
        hd_cell(d, false, c->to[0] ? c->to : "–");
        hd_cell(d, false, c->sentence);
        hd_row_end(d);
    }
    hd_table_end(d);
}

void html_exceptions(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_EXCEPTIONS);
    if (!a->n_exceptions) {
        hd_para(d, NULL, "Nothing is overdue, slipped, challenged, Red or Amber at this report date.");
        return;
    }
    hd_para(d, NULL, "Worst first: Red before Amber, challenged before unchallenged, the longest overdue first.");
    static const char *const all[SP_N_PDF_EXCEPTION_COLUMNS] = {"What", "Status", "Owner", "Why"};
    const int *keep = r->tmpl->pdf_exception_columns;
    int n_keep = r->tmpl->n_pdf_exception_columns;
    const char *heads[SP_N_PDF_EXCEPTION_COLUMNS];
    for (int i = 0; i < n_keep; i++)
        heads[i] = all[keep[i]];
    hd_table_begin(d, sp_arena_printf(&d->arena, "%zu exceptions, worst first", a->n_exceptions), heads, (size_t)n_keep);
    for (size_t e = 0; e < a->n_exceptions; e++) {
        const sp_exception *x = &a->exceptions[e];
        const char *what, *owner, *why;
        sp_status status;
        if (x->is_kpi) {
            const sp_kpi *k = &p->kpis.items[x->index];
            what = sp_arena_printf(&d->arena, "%s: %s %s", sp_exception_word(x->kind), k->ref, k->name);
            status = a->kpis[x->index].rag;
            owner = k->owner;
            why = sp_report_why(r, &d->arena, true, x->index);
        } else {
            what = sp_arena_printf(&d->arena, "%s: %s %s", sp_exception_word(x->kind), p->milestones.items[x->index].ref,
                                   html_ms_title(r, x->index));
            status = a->milestones[x->index].derived;
            owner = html_ms_owner(r, x->index);
            why = sp_report_why(r, &d->arena, false, x->index);
        }
        hd_row_begin(d);
        for (int c = 0; c < n_keep; c++) {
            switch (keep[c]) {
            case SP_PE_WHAT: hd_cell(d, c == 0, what); break;
            case SP_PE_STATUS: hd_cell_status(d, status, LABEL(status)); break;
            case SP_PE_OWNER: hd_cell(d, c == 0, owner); break;
            default: hd_cell(d, c == 0, why); break;
            }
        }
        hd_row_end(d);
    }
    hd_table_end(d);
}

void html_areas(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_AREAS);
    hr_rows areas = html_rows(d, r, HR_AREAS);
    for (size_t j = 0; j < areas.n; j++) {
        size_t i = areas.at[j];
        const sp_area *area = &p->areas.items[i];
        const sp_area_result *ar = &a->areas[i];
        hd_heading(d, 2, NULL, sp_arena_printf(&d->arena, "Area %zu: %s", i + 1, area->name));
        hd_raw(d, "<p>");
        hd_tag(d, sp_assessment_tint(ar->assessment), sp_report_assessment(r, ar->assessment));
        hd_raw(d, " ");
        hd_text(d, ar->reason);
        hd_raw(d, "</p>\n");
        hd_para(d, NULL, counts_words(d, &ar->counts));
        static const char *const heads[] = {"Milestone", "Due", "Status", "Why"};
        hd_table_begin(d, sp_arena_printf(&d->arena, "Milestones of area %zu", i + 1), heads, 4);
        hr_rows ms = html_area_milestones(d, r, i);
        for (size_t k = 0; k < ms.n; k++) {
            size_t m = ms.at[k];
            const sp_milestone_result *mr = &a->milestones[m];
            hd_row_begin(d);
            hd_cell(d, true, sp_arena_printf(&d->arena, "%s %s", p->milestones.items[m].ref, html_ms_title(r, m)));
            hd_cell(d, false, html_date(d, mr->effective_due));
            hd_cell_status(d, mr->derived, LABEL(mr->derived));
            hd_cell(d, false, sp_report_why(r, &d->arena, false, m));
            hd_row_end(d);
        }
        hd_table_end(d);
        if (ar->n_kpis) {
            hd_raw(d, "<p>KPIs of this area:</p>\n<ul>\n");
            for (size_t q = 0; q < ar->n_kpis; q++) {
                const sp_kpi *k = &p->kpis.items[ar->kpis[q]];
                const sp_kpi_result *kr = &a->kpis[ar->kpis[q]];
                hd_raw(d, "<li>");
                hd_tag(d, kr->rag, LABEL(kr->rag));
                hd_text(d, sp_arena_printf(&d->arena, " %s %s: %s", k->ref, k->name, kr->reason));
                hd_raw(d, "</li>\n");
            }
            hd_raw(d, "</ul>\n");
        }
    }
}

void html_actions(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_ACTIONS);
    hr_rows actions = html_rows(d, r, HR_ACTIONS);
    for (size_t j = 0; j < actions.n; j++) {
        size_t ai = actions.at[j];
        const sp_action *ac = &p->actions.items[ai];
        const sp_action_result *ar = &a->actions[ai];
        hd_heading(d, 2, NULL, sp_arena_printf(&d->arena, "%s: %s", ac->ref, ac->text));
        hd_raw(d, "<p>");
        hd_tag(d, ar->status, LABEL(ar->status));
        if (ac->owner && ac->owner[0]) {
            hd_raw(d, " Owner: ");
            hd_text(d, ac->owner);
        }
        hd_raw(d, "</p>\n<ul>\n");
        hr_rows ms_rows = html_action_milestones(d, r, ai);
        for (size_t k = 0; k < ms_rows.n; k++) {
            size_t m = ms_rows.at[k];
            const sp_milestone *ms = &p->milestones.items[m];
            const sp_milestone_result *mr = &a->milestones[m];
            hd_raw(d, "<li>");
            hd_tag(d, mr->derived, LABEL(mr->derived));
            hd_text(d, sp_arena_printf(&d->arena, " %s (due %s). %s", html_ms_title(r, m), html_date(d, mr->effective_due),
                                       sp_report_why(r, &d->arena, false, m)));
            if (ms->progress[0]) {
                hd_raw(d, "<br>\n<span class=\"sp-secondary\">Progress: ");
                hd_text_lines(d, ms->progress);
                hd_raw(d, "</span>");
            }
            hd_raw(d, "</li>\n");
        }
        hd_raw(d, "</ul>\n");
    }
}

void html_cohort(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    const char *focus = a->rules.focus_cohort;
    if (!focus)
        return;
    html_section_heading(d, r, SP_SEC_COHORT);
    hd_para(d, NULL,
            sp_arena_printf(&d->arena,
                            "Every KPI and milestone of the plan for the %s age group, in one place: the single view "
                            "of outcomes for young adults that the inspectors asked leaders to keep.",
                            focus));
    static const char *const kh[] = {"KPI", "Age group", "Latest", "RAG", "Why"};
    size_t n = 0;
    hr_rows kpis = html_rows(d, r, HR_FOCUS_KPIS);
    for (size_t j = 0; j < kpis.n; j++) {
        size_t i = kpis.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        if (!n++)
            hd_table_begin(d, sp_arena_printf(&d->arena, "KPIs for young people aged %s", focus), kh, 5);
        hd_row_begin(d);
        hd_cell(d, true, sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name));
        hd_cell(d, false, k->cohort);
        hd_cell(d, false, kr->has_latest ? html_value(d, k, kr->latest) : "none yet");
        hd_cell_status(d, kr->rag, LABEL(kr->rag));
        hd_cell(d, false, kr->reason);
        hd_row_end(d);
    }
    if (n)
        hd_table_end(d);
    else
        hd_para(d, NULL, "No KPI of the plan names this age group.");
    static const char *const mh[] = {"Milestone", "Due", "Status", "Why"};
    n = 0;
    hr_rows ms = html_rows(d, r, HR_FOCUS_MILESTONES);
    for (size_t j = 0; j < ms.n; j++) {
        size_t m = ms.at[j];
        const sp_milestone_result *mr = &a->milestones[m];
        if (!n++)
            hd_table_begin(d, sp_arena_printf(&d->arena, "Milestones for young people aged %s", focus), mh, 4);
        hd_row_begin(d);
        hd_cell(d, true, sp_arena_printf(&d->arena, "%s: %s", p->milestones.items[m].ref, html_ms_title(r, m)));
        hd_cell(d, false, html_date(d, mr->effective_due));
        hd_cell_status(d, mr->derived, LABEL(mr->derived));
        hd_cell(d, false, sp_report_why(r, &d->arena, false, m));
        hd_row_end(d);
    }
    if (n)
        hd_table_end(d);
    else
        hd_para(d, NULL, "No action of the plan names this age group.");
}

void html_risks(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    if (!p->has_risks_file)
        return;
    html_section_heading(d, r, SP_SEC_RISKS);
    if (!p->risks.n) {
        hd_para(d, NULL, "The risk register is empty.");
        return;
    }
    static const char *const heads[] = {"Risk", "Severity", "Mitigation", "After mitigation", "Progress"};
    hd_table_begin(d, "The risk register", heads, 5);
    for (size_t i = 0; i < p->risks.n; i++) {
        const sp_risk *k = &p->risks.items[i];
        hd_row_begin(d);
        hd_cell(d, true, k->text);
        hd_cell(d, false, sp_severity_word(k->severity));
        hd_cell(d, false, k->mitigation);
        hd_cell(d, false, sp_severity_word(k->residual));
        hd_cell(d, false, k->progress);
        hd_row_end(d);
    }
    hd_table_end(d);
}

void html_key(hd_doc *d, const sp_report *r)
{
    html_section_heading(d, r, SP_SEC_KEY);
    if (r->tmpl->plain_english) {
        const sp_families *f = html_families(d, r);
        hd_raw(d, "<dl class=\"sp-summary\">\n");
        for (size_t i = 0; i < f->n_key; i++) {
            hd_raw(d, "<dt>");
            hd_tag(d, f->key[i].status, f->key[i].word);
            hd_raw(d, "</dt><dd>");
            hd_text(d, f->key[i].meaning);
            hd_raw(d, "</dd>\n");
        }
        hd_raw(d, "</dl>\n");
        return;
    }
    static const char *const heads[] = {"Term", "Meaning"};
    hd_table_begin(d, "What each status, word and figure means", heads, 2);
    for (size_t i = 0; i < SP_N_KEY_ROWS; i++) {
        hd_row_begin(d);
        if (SP_KEY_ROWS[i].status) {
            hd_raw(d, "<th scope=\"row\">");
            hd_tag(d, SP_KEY_ROWS[i].status, LABEL(SP_KEY_ROWS[i].status));
            hd_raw(d, "</th>");
        } else {
            hd_cell(d, true, SP_KEY_ROWS[i].term);
        }
        hd_cell(d, false, sp_key_meaning(&SP_KEY_ROWS[i], &r->assessment->rules, &d->arena));
        hd_row_end(d);
    }
    hd_row_begin(d);
    hd_cell(d, true, "Challenges");
    hd_cell(d, false, SP_NOTE_DERIVED);
    hd_row_end(d);
    hd_table_end(d);
}
