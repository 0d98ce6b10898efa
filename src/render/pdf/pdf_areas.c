/* pdf_areas.c - progress by area, each action and the focus cohort (the families' view: pdf_families.c). */
#include <stdio.h>
#include <string.h>

#include "view/key.h"
#include "render/pdf/pdf_burnup.h"
#include "render/pdf/pdf_chart.h"
#include "render/pdf/pdf_sections.h"
#include "render/style.h"
#include "util/format.h"

void pdf_areas(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, "Progress by area", 1, NULL);
    for (size_t j = 0; j < r->areas.n; j++) {
        size_t i = r->areas.at[j];
        const sp_view_area *av = &r->area_views[i];
        const sp_area_result *ar = &a->areas[i];
        pd_space(d, 4);
        pd_heading(d, sp_arena_printf(&d->arena, "Area %zu: %s", i + 1, ASSESSMENT(ar->assessment)), 2,
                   top);
        pd_paragraph(d, av->name, d->bold, BODY, 0);
        pdf_area_opening(d, av);
        pd_paragraph(d, ar->reason, d->regular, BODY, 0);
        pdf_area_forecast(d, r, i);
        pd_space(d, 4);

        /* highlights: completed since the plan start, or since the last report when there is one */
        char since[20];
        if (r->changes)
            sp_date_long(r->changes->previous_as_of, since);
        pd_paragraph(d, r->changes ? sp_arena_printf(&d->arena, "Completed since the last report (%s)", since) : "Completed",
                     d->bold, BODY, 0);
        for (size_t k = 0; k < av->highlights.n; k++) {
            size_t m = av->highlights.at[k];
            const sp_milestone_result *mr = &a->milestones[m];
            char when[20] = "date not recorded";
            if (mr->completed_on != SP_NO_DATE)
                sp_date_long(mr->completed_on, when);
            pdf_bullet(d, sp_arena_printf(&d->arena, "%s %s (completed %s)", p->milestones.items[m].ref, r->ms_title[m], when));
        }
        if (av->highlights_total > av->highlights.n)
            pdf_bullet(d, sp_arena_printf(&d->arena, "and %zu more, earlier (the workbook lists every one).",
                                          av->highlights_total - av->highlights.n));
        if (!av->highlights.n)
            pdf_bullet(d, r->changes ? "None since the last report." : "None yet.");

        pd_paragraph(d, sp_arena_printf(&d->arena, "Due in the next %d days", a->rules.due_soon_days), d->bold, BODY, 0);
        for (size_t k = 0; k < av->due_soon.n; k++) {
            size_t m = av->due_soon.at[k];
            const sp_milestone_result *mr = &a->milestones[m];
            char due[20];
            sp_date_long(mr->effective_due, due);
            const char *owner = r->ms_responsible[m];
            pdf_bullet(d, sp_arena_printf(&d->arena, "%s %s: due %s, %s%s%s%s", p->milestones.items[m].ref, r->ms_title[m],
                                          due, LABEL(mr->derived), owner[0] ? " (" : "", owner,
                                          owner[0] ? ")" : "")); /* no "()" where no owner is named */
        }
        if (av->due_soon_total > av->due_soon.n)
            pdf_bullet(d, sp_arena_printf(&d->arena, "and %zu more (the workbook lists every one).",
                                          av->due_soon_total - av->due_soon.n));
        if (!av->due_soon.n)
            pdf_bullet(d, sp_arena_printf(&d->arena, "Nothing falls due in the next %d days.", a->rules.due_soon_days));

        pd_paragraph(d, "KPIs", d->bold, BODY, 0);
        for (size_t kj = 0; kj < av->kpis.n; kj++) {
            const sp_kpi *k = &p->kpis.items[av->kpis.at[kj]];
            const sp_kpi_result *kr = &a->kpis[av->kpis.at[kj]];
            pdf_bullet(d, sp_arena_printf(&d->arena, "%s (%s): %s — %s", k->ref, LABEL(kr->rag), k->name,
                                          r->kpi_why[av->kpis.at[kj]]));
        }
        if (av->kpis_total > av->kpis.n)
            pdf_bullet(d, sp_arena_printf(&d->arena, "and %zu more KPIs (the scorecard and the workbook list every one).",
                                          av->kpis_total - av->kpis.n));
        if (!av->kpis_total)
            pdf_bullet(d, "No KPI is linked to this area.");
    }
    /* KPIs whose area matches none of the plan's: still counted in every whole-plan figure */
    if (!r->kpis_plan_wide.n)
        return;
    pd_space(d, 4);
    pd_heading(d, "Plan-wide KPIs", 2, top);
    pd_paragraph(d, "KPIs whose area names none of the plan's areas and that no action names.", d->regular, SMALL, 0);
    for (size_t j = 0; j < r->kpis_plan_wide.n; j++) {
        size_t i = r->kpis_plan_wide.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        pdf_bullet(d, sp_arena_printf(&d->arena, "%s (%s): %s — %s", k->ref, LABEL(a->kpis[i].rag), k->name,
                                      r->kpi_why[i]));
    }
}

void pdf_actions(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, "Actions and progress", 1, NULL);
    for (size_t j = 0; j < r->actions.n; j++) {
        size_t ai = r->actions.at[j];
        const sp_action *ac = &p->actions.items[ai];
        const sp_action_result *ar = &a->actions[ai];
        pd_ensure(d, ACTION_BLOCK_H * d->scale);
        pd_heading(d, sp_arena_printf(&d->arena, "%s: %s", ac->ref, LABEL(ar->status)), 2, top);
        pd_paragraph(d, ac->text, d->bold, BODY, 0);
        if (r->ac_who[ai][0])
            pd_paragraph(d, r->ac_who[ai], d->regular, SMALL, 0);
        for (size_t m = ac->first_milestone; m < ac->first_milestone + ac->n_milestones; m++) {
            const sp_milestone *ms = &p->milestones.items[m];
            const sp_milestone_result *mr = &a->milestones[m];
            pdf_bullet(d, sp_arena_printf(&d->arena, "%s (due %s): %s. %s", r->ms_title[m], r->ms_deadline[m],
                                          LABEL(mr->derived), r->ms_why[m]));
            if (ms->progress[0] && !ms->progress_of_action) /* the action's update: on its first row above */
                pd_paragraph(d, sp_arena_printf(&d->arena, "Progress: %s", ms->progress), d->regular, SMALL + 0.5f, 18);
        }
        pd_space(d, 4);
    }
}

void pdf_cohort(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    const char *focus = a->rules.focus_cohort;
    if (!r->section[SP_SEC_COHORT])
        return;
    pd_new_page(d);
    HPDF_Outline top = pd_heading(d, sp_arena_printf(&d->arena, "Outcomes for young people aged %s", focus), 1, NULL);
    pd_paragraph(d,
                 sp_arena_printf(&d->arena,
                                 "Every KPI and milestone of the plan for the %s age group, in one place: the single view "
                                 "of outcomes for young adults that the inspectors asked leaders to keep.",
                                 focus),
                 d->regular, BODY, 0);
    if (a->focus_whole_plan) { /* a plan wholly about the cohort: said once, not repeated */
        pd_space(d, 6);
        pd_paragraph(d, a->focus_whole_plan, d->bold, BODY, 0);
        return;
    }
    pd_space(d, 6);
    pd_heading(d, "KPIs", 2, top);
    static const char *const kh[] = {"KPI", "Why in this view", "Latest", "RAG", "Why"};
    static const float kw[] = {0.34f, 0.1f, 0.12f, 0.08f, 0.36f};
    pd_table kt = {5, kh, kw, SMALL, false, true};
    size_t n = 0;
    for (size_t j = 0; j < r->focus_kpis.n; j++) {
        size_t i = r->focus_kpis.at[j];
        const sp_kpi *k = &p->kpis.items[i];
        const sp_kpi_result *kr = &a->kpis[i];
        const sp_observation *latest = kr->has_latest ? &p->observations.items[kr->latest_obs] : NULL;
        pd_cell cells[5] = {{sp_arena_printf(&d->arena, "%s: %s", k->ref, k->name), 0, false},
                            {kr->cohort_reason ? kr->cohort_reason : "", 0, false},
                            {latest ? pdf_value_text(d, k, true, latest->value) : "none yet", 0, false},
                            {LABEL(kr->rag), kr->rag, true},
                            {r->kpi_why[i], 0, false}};
        if (!n++)
            pd_table_begin(d, &kt);
        pd_table_row(d, &kt, cells);
    }
    if (!n)
        pd_paragraph(d, "No KPI of the plan names this age group.", d->regular, BODY, 0);
    pd_space(d, 6);
    pd_heading(d, "Milestones", 2, top);
    static const char *const mh[] = {"Milestone", "Why in this view", "Due", "Status", "Why"};
    static const float mw[] = {0.3f, 0.14f, 0.1f, 0.1f, 0.36f};
    pd_table mt = {5, mh, mw, SMALL, false, true};
    n = 0;
    for (size_t j = 0; j < r->focus_milestones.n; j++) {
        size_t m = r->focus_milestones.at[j];
        const sp_milestone_result *mr = &a->milestones[m];
        const char *why_in = a->actions[p->milestones.items[m].action_index].cohort_reason;
        pd_cell cells[5] = {{sp_arena_printf(&d->arena, "%s: %s", p->milestones.items[m].ref, r->ms_title[m]), 0, false},
                            {why_in ? why_in : "", 0, false},
                            {r->ms_deadline[m], 0, false},
                            {LABEL(mr->derived), mr->derived, true},
                            {r->ms_why[m], 0, false}};
        if (!n++)
            pd_table_begin(d, &mt);
        pd_table_row(d, &mt, cells);
    }
    if (!n)
        pd_paragraph(d, "No action of the plan names this age group.", d->regular, BODY, 0);
}
