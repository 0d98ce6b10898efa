/* Milestones: complete, effective due, derived status, overdue, slippage, due soon, stale, the
 * challenge where the reported status claims more than the evidence, and the acknowledgement
 * where an overdue milestone is honestly reported Amber or Red. */
#include <stdio.h>

#include "assess/assess.h"
#include "util/text.h"

/* "12 days", "1 month", "2 months": months once a whole calendar month has passed. */
static const char *span(sp_arena *arena, int days, int months)
{
    if (months >= 1)
        return sp_arena_printf(arena, "%d month%s", months, months == 1 ? "" : "s");
    return sp_arena_printf(arena, "%d day%s", days, days == 1 ? "" : "s");
}

static const char *derived_reason(sp_assessment *a, const sp_milestone *m, const sp_milestone_result *r)
{
    char due[20], orig[20], done[20];
    if (r->effective_due != SP_NO_DATE)
        sp_date_long(r->effective_due, due);
    if (r->original_due != SP_NO_DATE)
        sp_date_long(r->original_due, orig);
    switch (r->derived) {
    case SP_BLUE:
        if (r->completed_on != SP_NO_DATE) {
            sp_date_long(r->completed_on, done);
            return sp_arena_printf(&a->arena, "Complete: completed %s.", done);
        }
        if (m->status_says_complete)
            return sp_arena_printf(&a->arena, "Complete: the status says %s; no completion date is recorded.",
                                   m->status_text[0] ? m->status_text : "complete");
        return "Complete: the due cell says COMPLETE; no completion date is recorded.";
    case SP_RED:
        if (r->has_slippage)
            return sp_arena_printf(&a->arena, "Overdue by %s: revised deadline %s (originally %s) has passed.",
                                   span(&a->arena, r->days_overdue, r->months_overdue), due, orig);
        return sp_arena_printf(&a->arena, "Overdue by %s: due %s.", span(&a->arena, r->days_overdue, r->months_overdue),
                               due);
    case SP_AMBER:
        return sp_arena_printf(&a->arena, "Slipped: deadline revised from %s to %s (%s later); not yet due.", orig, due,
                               span(&a->arena, r->slippage_days, r->slippage_months));
    case SP_GREEN:
        if (r->has_slippage && r->slippage_days < 0)
            return sp_arena_printf(&a->arena, "On track: due %s (brought forward from %s).", due, orig);
        return sp_arena_printf(&a->arena, "On track: due %s.", due);
    default:
        if (r->recurring) {
            if (m->due.date == SP_NO_DATE)
                return sp_arena_printf(&a->arena, "Recurring (%s): no deadline, never overdue.", m->due_text);
            char since[16];
            sp_date_month(m->due.date, since);
            return sp_arena_printf(&a->arena, "Recurring since %s: no deadline, never overdue.", since);
        }
        if (m->due.kind == SP_DUE_ONGOING)
            return "No date: the deadline is Ongoing.";
        if (m->due.kind == SP_DUE_TBC)
            return "No date: the deadline is TBC.";
        return "No date: no deadline is given.";
    }
}

/* The reported status claims more than the evidence: Blue/Complete but not complete, or Green
 * while overdue. Amber or Red on an overdue milestone is the officer saying so: acknowledged. */
static void challenge(sp_assessment *a, const sp_milestone *m, sp_milestone_result *r)
{
    char due[20];
    if (r->effective_due != SP_NO_DATE)
        sp_date_long(r->effective_due, due);
    const char *reported = m->status_text && m->status_text[0] ? m->status_text : sp_status_word(m->reported);
    const char *late = r->derived == SP_RED ? sp_arena_printf(&a->arena, "%s overdue (due %s)",
                                                              span(&a->arena, r->days_overdue, r->months_overdue), due)
                                            : NULL;
    if (m->status_says_complete && !r->complete) {
        const char *why = "no completion date is recorded";
        if (m->completed != SP_NO_DATE) {
            char done[20];
            sp_date_long(m->completed, done);
            why = sp_arena_printf(&a->arena, "the completion date %s is after the report date", done);
        }
        r->challenge = late ? sp_arena_printf(&a->arena, "Reported %s, but %s and it is %s", reported, why, late)
                            : sp_arena_printf(&a->arena, "Reported %s, but %s", reported, why);
    } else if (r->derived == SP_RED && m->reported == SP_GREEN) {
        r->challenge = sp_arena_printf(&a->arena, "Reported %s, but %s", reported, late);
    } else if (r->derived == SP_RED && (m->reported == SP_AMBER || m->reported == SP_RED)) {
        r->acknowledged = sp_arena_printf(&a->arena, "Reported %s: the delay is acknowledged", reported);
    }
}

void sp_assess_milestones(sp_assessment *a)
{
    const sp_plan *p = a->plan;
    const sp_date as_of = a->as_of;
    for (size_t i = 0; i < p->milestones.n; i++) {
        const sp_milestone *m = &p->milestones.items[i];
        sp_milestone_result *r = &a->milestones[i];

        r->completed_on = m->completed != SP_NO_DATE ? m->completed
                          : m->due.kind == SP_DUE_COMPLETE ? m->due.date
                                                           : SP_NO_DATE;
        /* Complete means evidence; a Blue status alone only where the export records no
         * completion dates at all (decisions 11). */
        r->complete = m->due.kind == SP_DUE_COMPLETE || (m->completed != SP_NO_DATE && m->completed <= as_of) ||
                      (m->status_says_complete && !p->has_completed_column);
        r->recurring = m->due.kind == SP_DUE_RECURRING;
        r->original_due = m->due.kind == SP_DUE_DATE ? m->due.date : SP_NO_DATE;
        r->effective_due = m->revised_due != SP_NO_DATE ? m->revised_due : r->original_due;
        r->has_slippage = m->revised_due != SP_NO_DATE && r->original_due != SP_NO_DATE;
        if (r->has_slippage) {
            r->slippage_days = m->revised_due - r->original_due;
            r->slippage_months = sp_months_between(r->original_due, m->revised_due);
        }

        if (r->complete)
            r->derived = SP_BLUE;
        else if (r->effective_due == SP_NO_DATE)
            r->derived = SP_GREY;
        else if (r->effective_due < as_of)
            r->derived = SP_RED;
        else if (r->has_slippage && r->slippage_days > 0)
            r->derived = SP_AMBER;
        else
            r->derived = SP_GREEN;

        if (r->derived == SP_RED) {
            r->days_overdue = as_of - r->effective_due;
            r->months_overdue = (int)((double)r->days_overdue / 30.44); /* decisions #3, as the exceptions say it */
        }
        r->due_by_as_of = r->effective_due != SP_NO_DATE && r->effective_due <= as_of;
        r->on_time = r->complete && r->completed_on != SP_NO_DATE && r->effective_due != SP_NO_DATE &&
                     r->completed_on <= r->effective_due;
        r->due_soon = !r->complete && r->effective_due != SP_NO_DATE && r->effective_due >= as_of &&
                      r->effective_due <= as_of + a->rules.due_soon_days;
        r->stale = m->updated != SP_NO_DATE && m->updated < as_of - a->rules.stale_days;
        r->reason = derived_reason(a, m, r);
        challenge(a, m, r);
    }
}
