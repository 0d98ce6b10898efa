/* html_sections.c - the committee sections of the HTML pack: at a glance, since the last report,
 * exceptions, areas, actions, the 18-25 cohort, risks and the key. */
#include <stdio.h>
#include <string.h>

#include "render/html/html_rows.h"
#include "render/html/html_sections.h"
#include "view/key.h"
#include "render/style.h"
#include "util/format.h"

#define LABEL(s) sp_report_label(r, (s))

const char *html_section_id(sp_section s) { return SP_SECTION_KEYS[s]; }

const char *html_section_title(hd_doc *d, const sp_report *r, sp_section s)
{
    if (!r->section[s])
        return NULL; /* the view leaves out what has nothing to show */
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

const char *html_ms_title(const sp_report *r, size_t i) { return r->ms_title[i]; }

const char *html_ms_owner(const sp_report *r, size_t i) { return r->ms_owner[i]; }

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

void html_annex_a(hd_doc *d, const sp_report *r)
{
    hd_heading(d, 1, "annex-a", r->annex_a_heading);
    static const char *const heads[] = {"Annex A", "As the plan records it"};
    hd_table_begin(d, "The plan's header for DfE and NHS England", heads, 2);
    for (int i = 0; i < SP_VIEW_ANNEX_ROWS; i++) {
        hd_row_begin(d);
        hd_cell(d, true, r->annex_a[i].label);
        hd_cell(d, false, r->annex_a[i].text);
        hd_row_end(d);
    }
    hd_table_end(d);
}

void html_glance(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_GLANCE);
    if (p->values_illustrative)
        hd_para(d, "sp-notice", SP_NOTE_ILLUSTRATIVE);
    hd_para(d, "sp-lead", a->overall);
    if (r->forecast) /* the forecast finish, as the PDF says it; the burn-up follows the glance */
        hd_para(d, NULL, a->progress.forecast.sentence);
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
        hd_cell(d, false, r->forecast ? sp_arena_printf(&d->arena, "%s Forecast: %s", ar->reason,
                                                        a->area_progress[i].forecast.sentence)
                                      : ar->reason);
        hd_row_end(d);
    }
    hd_table_end(d);

    hd_heading(d, 2, NULL, "KPIs and challenges");
    hd_para(d, NULL, r->glance_kpis);
    if (r->glance_missing)
        hd_para(d, NULL, r->glance_missing);
    hd_para(d, NULL, r->glance_challenges);
    hd_para(d, NULL, r->glance_on_time);
    html_progress(d, r);
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
    html_section_heading(d, r, SP_SEC_EXCEPTIONS);
    if (!r->n_exceptions) {
        hd_para(d, NULL, "Nothing is overdue, slipped, challenged, Red or Amber at this report date.");
        return;
    }
    hd_para(d, NULL, "Worst first: Red before Amber, challenged before unchallenged, the longest overdue first.");
    static const char *const all[SP_N_PDF_EXCEPTION_COLUMNS] = {"What", "Status", "Owner", "Why"};
    const int *keep = r->tmpl->pdf_exception_columns;
    int n_keep = r->tmpl->n_pdf_exception_columns;
    const char **heads = sp_arena_alloc(&d->arena, ((size_t)n_keep + 2) * sizeof *heads); /* as the template asks */
    for (int i = 0; i < n_keep; i++)
        heads[i] = all[keep[i]];
    heads[n_keep] = "Deadline";
    heads[n_keep + 1] = "Latest progress";
    /* grouped by area when long, each group with its heading and count (the view decides) */
    for (size_t g = 0; g < r->n_groups; g++) {
        const sp_view_group *grp = &r->groups[g];
        if (grp->heading[0])
            hd_heading(d, 2, NULL, grp->heading);
        const char *caption = grp->heading[0] ? sp_arena_printf(&d->arena, "Exceptions: %s", grp->heading)
                                              : sp_arena_printf(&d->arena, "%zu exceptions, worst first", r->n_exceptions);
        hd_table_begin(d, caption, heads, (size_t)n_keep + 2);
        for (size_t k = 0; k < grp->items.n; k++) {
            const sp_view_exception *x = &r->exceptions[grp->items.at[k]];
            const char *what = sp_arena_printf(&d->arena, "%s: %s %s", x->kind_word, x->ref, x->title);
            hd_row_begin(d);
            for (int c = 0; c < n_keep; c++) {
                switch (keep[c]) {
                case SP_PE_WHAT: hd_cell(d, c == 0, what); break;
                case SP_PE_STATUS: hd_cell_status(d, x->status, LABEL(x->status)); break;
                case SP_PE_OWNER: hd_cell(d, c == 0, x->responsible); break;
                default: hd_cell(d, c == 0, x->account); break; /* the view's one paragraph: why, said once */
                }
            }
            hd_cell(d, false, x->deadline[0] ? x->deadline : "–");
            hd_cell(d, false, x->narrative[0] ? x->narrative : "none recorded");
            hd_row_end(d);
        }
        hd_table_end(d);
    }
}

/* A list of texts, or one line saying there is none; "and N more" when the view shortens it. */
static void list_begin(hd_doc *d, const char *heading)
{
    hd_rawf(d, "<p><strong>");
    hd_text(d, heading);
    hd_raw(d, "</strong></p>\n<ul>\n");
}

static void item(hd_doc *d, const char *text)
{
    hd_raw(d, "<li>");
    hd_text(d, text);
    hd_raw(d, "</li>\n");
}

/* A KPI in a list: its RAG, ref, name and why. */
static void kpi_item(hd_doc *d, const sp_report *r, size_t ki)
{
    const sp_kpi *k = &r->plan->kpis.items[ki];
    sp_status rag = r->assessment->kpis[ki].rag;
    hd_tagged(d, "li", rag, LABEL(rag), sp_arena_printf(&d->arena, "%s %s: %s", k->ref, k->name, r->kpi_why[ki]));
}

void html_areas(hd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    html_section_heading(d, r, SP_SEC_AREAS);
    hr_rows areas = html_rows(d, r, HR_AREAS);
    for (size_t j = 0; j < areas.n; j++) {
        size_t i = areas.at[j];
        const sp_view_area *av = &r->area_views[i];
        const sp_area_result *ar = &a->areas[i];
        hd_heading(d, 2, NULL, sp_arena_printf(&d->arena, "Area %zu: %s", i + 1, av->name));
        hd_tagged(d, "p", sp_assessment_tint(ar->assessment), sp_report_assessment(r, ar->assessment),
                  ar->reason);
        if (av->sponsor[0])
            hd_para(d, NULL, sp_arena_printf(&d->arena, "Senior accountable sponsor: %s", av->sponsor));
        if (av->finding[0])
            hd_para(d, NULL, sp_arena_printf(&d->arena, "What the inspectors said: “%s”", av->finding));
        if (av->outcome[0])
            hd_para(d, NULL, sp_arena_printf(&d->arena, "Outcome: %s", av->outcome));
        hd_para(d, "sp-secondary", av->counts);

        list_begin(d, r->changes ? sp_arena_printf(&d->arena, "Completed since the last report (%s)",
                                                   html_date(d, r->changes->previous_as_of))
                                 : "Completed");
        for (size_t k = 0; k < av->highlights.n; k++) {
            size_t m = av->highlights.at[k];
            sp_date on = a->milestones[m].completed_on;
            item(d, sp_arena_printf(&d->arena, "%s %s (completed %s)", p->milestones.items[m].ref, r->ms_title[m],
                                    on != SP_NO_DATE ? html_date(d, on) : "date not recorded"));
        }
        if (av->highlights_total > av->highlights.n)
            item(d, sp_arena_printf(&d->arena, "and %zu more, earlier (the workbook lists every one).",
                                    av->highlights_total - av->highlights.n));
        if (!av->highlights.n)
            item(d, r->changes ? "None since the last report." : "None yet.");
        hd_raw(d, "</ul>\n");

        list_begin(d, sp_arena_printf(&d->arena, "Due in the next %d days", a->rules.due_soon_days));
        for (size_t k = 0; k < av->due_soon.n; k++) {
            size_t m = av->due_soon.at[k];
            const sp_milestone_result *mr = &a->milestones[m];
            hd_tagged(d, "li", mr->derived, LABEL(mr->derived),
                      sp_arena_printf(&d->arena, "%s %s: due %s%s%s", p->milestones.items[m].ref, r->ms_title[m],
                                       html_date(d, mr->effective_due), r->ms_responsible[m][0] ? ", " : "",
                                       r->ms_responsible[m]));
        }
        if (av->due_soon_total > av->due_soon.n)
            item(d, sp_arena_printf(&d->arena, "and %zu more (the workbook lists every one).",
                                    av->due_soon_total - av->due_soon.n));
        if (!av->due_soon.n)
            item(d, sp_arena_printf(&d->arena, "Nothing falls due in the next %d days.", a->rules.due_soon_days));
        hd_raw(d, "</ul>\n");

        list_begin(d, "KPIs");
        for (size_t k = 0; k < av->kpis.n; k++) {
            size_t ki = av->kpis.at[k];
            kpi_item(d, r, ki);
        }
        if (av->kpis_total > av->kpis.n)
            item(d, sp_arena_printf(&d->arena, "and %zu more KPIs (the scorecard and the workbook list every one).",
                                    av->kpis_total - av->kpis.n));
        if (!av->kpis_total)
            item(d, "No KPI is linked to this area.");
        hd_raw(d, "</ul>\n");
    }
    hr_rows wide = html_rows(d, r, HR_KPIS_PLAN_WIDE);
    if (!wide.n)
        return;
    hd_heading(d, 2, NULL, "Plan-wide KPIs");
    hd_para(d, NULL, "KPIs whose area names none of the plan's areas and that no action names.");
    hd_raw(d, "<ul>\n");
    for (size_t j = 0; j < wide.n; j++) {
        size_t ki = wide.at[j];
        kpi_item(d, r, ki);
    }
    hd_raw(d, "</ul>\n");
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
        if (r->ac_who[ai][0]) {
            hd_raw(d, " ");
            hd_text(d, r->ac_who[ai]);
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
            if (ms->progress[0] && !ms->progress_of_action) { /* the action's update: on its first row above */
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
        hd_cell(d, false, r->kpi_why[i]);
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
    if (r->risks_none) {
        hd_para(d, NULL, r->risks_none);
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
        hd_raw(d, "<dl class=\"sp-summary\">\n");
        for (size_t i = 0; i < r->n_plain_key; i++) {
            hd_raw(d, "<dt>");
            hd_tag(d, r->plain_key[i].status, r->plain_key[i].word);
            hd_raw(d, "</dt><dd>");
            hd_text(d, r->plain_key[i].meaning);
            hd_raw(d, "</dd>\n");
        }
        hd_raw(d, "</dl>\n");
        return;
    }
    static const char *const heads[] = {"Term", "Meaning"};
    hd_table_begin(d, "What each status, word and figure means", heads, 2);
    for (size_t j = 0; j < r->key_rows.n; j++) {
        size_t i = r->key_rows.at[j];
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
    hd_table_end(d);
}
