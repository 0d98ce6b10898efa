/*
 * redact_plan.c - contact details out of every text of a plan (redact.h).
 */
#include "view/redact.h"

#include <string.h>

typedef struct redactor {
    sp_arena *a;
    sp_redact_doubts *doubts;
} redactor;

/* one text of the row at src */
static const char *text(redactor *r, const char *s, sp_src src)
{
    bool doubtful;
    const char *out = sp_redact_text(r->a, s, &doubtful);
    if (doubtful && r->doubts && !(r->doubts->n && r->doubts->items[r->doubts->n - 1].file == src.file &&
                                   r->doubts->items[r->doubts->n - 1].line == src.line))
        *sp_vec_push(r->doubts) = src;
    return out;
}

#define R(field) (field) = text(&r, (field), src)
#define COPY(vec) \
    do { \
        void *items_ = sp_arena_alloc(a, ((vec).n + 1) * sizeof *(vec).items); \
        if ((vec).n) \
            memcpy(items_, (vec).items, (vec).n * sizeof *(vec).items); \
        (vec).items = items_; \
        (vec).cap = 0; \
    } while (0)

void sp_redact_plan_copy(sp_plan *p, sp_arena *a, sp_redact_doubts *doubts)
{
    redactor r = {a, doubts};
    COPY(p->milestones);
    COPY(p->actions);
    COPY(p->areas);
    COPY(p->kpis);
    COPY(p->checkpoints);
    COPY(p->risks);
    /* the folder (check.c warns of a contact in its name: it is in the output files' names) */
    sp_src src = {"", 0, 0};
    R(p->dir), R(p->name);
    /* plan.ini: every text but `contact`, the plan's own public address for families */
    src = (sp_src){p->dir ? sp_arena_printf(a, "%s/plan.ini", p->dir) : "plan.ini", 0, 0};
    R(p->info.title), R(p->info.area), R(p->info.organisations);
    sp_abbreviation *glossary = sp_arena_alloc(a, (p->info.n_glossary + 1) * sizeof *glossary);
    for (size_t i = 0; i < p->info.n_glossary; i++) {
        glossary[i] = p->info.glossary[i];
        src = glossary[i].src;
        R(glossary[i].abbr), R(glossary[i].expansion);
    }
    p->info.glossary = glossary;
    for (size_t i = 0; i < p->milestones.n; i++) {
        sp_milestone *m = &p->milestones.items[i];
        src = m->src;
        R(m->area), R(m->outcome), R(m->ref), R(m->action), R(m->text), R(m->owner), R(m->progress), R(m->kpi);
        R(m->due_text), R(m->revised_text), R(m->status_text), R(m->completed_text), R(m->resource), R(m->cohort);
    }
    for (size_t i = 0; i < p->actions.n; i++) {
        sp_action *ac = &p->actions.items[i];
        src = ac->src;
        R(ac->ref), R(ac->area), R(ac->outcome), R(ac->text), R(ac->owner), R(ac->kpi), R(ac->cohort), R(ac->resource);
    }
    for (size_t i = 0; i < p->areas.n; i++) {
        sp_area *ar = &p->areas.items[i];
        src = ar->details_src;
        R(ar->name), R(ar->sponsor), R(ar->weakness), R(ar->partners), R(ar->cohort);
    }
    for (size_t i = 0; i < p->kpis.n; i++) {
        sp_kpi *k = &p->kpis.items[i];
        src = k->src;
        R(k->ref), R(k->name), R(k->area), R(k->cohort), R(k->owner), R(k->source), R(k->baseline.text);
        R(k->baseline.note);
        if (k->direction_note)
            R(k->direction_note);
        k->checkpoints = p->checkpoints.items + k->first_checkpoint;
    }
    for (size_t i = 0; i < p->checkpoints.n; i++) {
        sp_checkpoint *c = &p->checkpoints.items[i];
        src = c->src;
        R(c->target.text), R(c->target.words), R(c->source), R(c->date_text);
    }
    /* Observations are the list that runs to a million rows, and their two texts rarely hold
     * contact details: the list is copied only when one does (a plan of 1,000,000 observations
     * spent 100 MB on a copy that changed nothing). */
    p->observations.cap = 0; /* the view's: never grown or freed */
    bool copied = false;
    for (size_t i = 0; i < p->observations.n; i++) {
        const sp_observation *o = &p->observations.items[i];
        src = o->src;
        const char *ref = text(&r, o->ref, src), *note = text(&r, o->note, src);
        const char *value_note = text(&r, o->value_note, src);
        if (ref == o->ref && note == o->note && value_note == o->value_note)
            continue;
        if (!copied) {
            COPY(p->observations);
            copied = true;
        }
        p->observations.items[i].ref = ref;
        p->observations.items[i].note = note;
        p->observations.items[i].value_note = value_note;
    }
    for (size_t i = 0; i < p->risks.n; i++) {
        sp_risk *rk = &p->risks.items[i];
        src = rk->src;
        R(rk->text), R(rk->mitigation), R(rk->progress), R(rk->owner), R(rk->date_text);
    }
}
