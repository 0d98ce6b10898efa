/* plan_builder.h - small plans built in memory for assessment tests. */
#ifndef PLAN_BUILDER_H
#define PLAN_BUILDER_H

#include <string.h>

#include "assess/assess.h"
#include "read/plan_reader.h"
#include "read/values.h"

static inline void pb_init(sp_plan *p, sp_date start)
{
    memset(p, 0, sizeof *p);
    p->dir = p->name = "test";
    p->info.title = "Test plan";
    p->info.area = "Testshire";
    p->info.organisations = "";
    p->info.start = start;
    p->info.end = p->info.revisit = SP_NO_DATE;
    p->info.checkpoint[0] = sp_date_add_months(start, 3);
    p->info.checkpoint[1] = sp_date_add_months(start, 6);
    p->info.checkpoint[2] = sp_date_add_months(start, 12);
    p->has_owner_column = true;
}

/* A milestone due on `due` (SP_NO_DATE: Ongoing), with optional revision, completion and status. */
static inline sp_milestone *pb_milestone(sp_plan *p, const char *area, const char *ref, sp_date due, sp_date revised,
                                         sp_date completed, sp_status reported)
{
    sp_milestone *m = sp_vec_push(&p->milestones);
    m->src = (sp_src){"actions.csv", (unsigned)p->milestones.n + 1, 1};
    m->area = area;
    m->ref = ref;
    m->action = "An action";
    m->text = "A milestone";
    m->owner = "Ann Lee";
    m->outcome = m->resource = m->kpi = m->cohort = m->progress = "";
    m->due_text = "";
    m->due.kind = due == SP_NO_DATE ? SP_DUE_ONGOING : SP_DUE_DATE;
    m->due.date = due;
    m->due.revised = SP_NO_DATE;
    m->revised_due = revised;
    m->completed = completed;
    m->updated = SP_NO_DATE;
    m->reported = reported;
    m->status_text = sp_status_word(reported);
    m->status_says_complete = reported == SP_BLUE;
    return m;
}

/* A KPI with targets written as in kpis.csv ("" for none). */
static inline sp_kpi *pb_kpi(sp_plan *p, const char *ref, const char *baseline, sp_direction dir, const char *t3,
                             const char *t6, const char *t12)
{
    sp_kpi *k = sp_vec_push(&p->kpis);
    k->src = (sp_src){"kpis.csv", (unsigned)p->kpis.n + 1, 1};
    k->ref = ref;
    k->name = ref;
    k->area = k->cohort = k->owner = k->source = "";
    k->unit = SP_UNIT_NUMBER;
    k->direction = dir;
    k->baseline_date = SP_NO_DATE;
    sp_parse_baseline(&p->arena, baseline, &k->baseline);
    k->direction_source = SP_DIRSRC_GIVEN;
    const char *t[3] = {t3, t6, t12};
    for (int cp = 0; cp < 3; cp++) {
        sp_checkpoint *c = sp_vec_push(&p->checkpoints);
        *c = (sp_checkpoint){.src = {"kpis.csv", (unsigned)p->kpis.n + 1, (unsigned)cp + 7}, .ref = ref,
                             .kind = (sp_checkpoint_kind)cp, .date = p->info.checkpoint[cp], .date_text = "",
                             .source = ""};
        sp_parse_target(&p->arena, t[cp], &c->target);
        c->target.src = c->src;
    }
    return k;
}

static inline sp_observation *pb_value(sp_plan *p, const char *ref, sp_date month_end, bool has_value, double value,
                                       sp_qual_status status)
{
    sp_observation *o = sp_vec_push(&p->observations);
    o->src = (sp_src){"kpi_values.csv", (unsigned)p->observations.n + 1, 1};
    o->ref = ref;
    o->period_start = sp_date_start_of_month(month_end);
    o->period_end = sp_date_end_of_month(month_end);
    o->has_value = has_value;
    o->value = value;
    o->status = status;
    o->note = o->value_note = "";
    return o;
}

/* Builds the structure and assesses it at as_of with the default rules. */
static inline void pb_assess(sp_plan *p, sp_date as_of, sp_assessment *a)
{
    sp_diags d = {0};
    sp_plan_build(p, &d);
    if (d.errors)
        fail_msg("plan build: %s", d.list.items[0].message);
    sp_diags_free(&d);
    sp_rules rules;
    sp_rules_default(&rules);
    sp_assess(p, as_of, &rules, a);
}

static inline void pb_free(sp_plan *p, sp_assessment *a)
{
    sp_assessment_free(a);
    sp_plan_free(p);
}

#endif
