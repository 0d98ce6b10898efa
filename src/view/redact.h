/*
 * redact.h - for public audiences, e-mail addresses and phone numbers out of every text. Part
 * of the view (view.h), the one boundary where it is applied: after the assessment and the
 * comparison with last period, so judgements are made on the text as exported. What counts as
 * a contact detail, in any of the ways people write one, is util/contact.h (decision 16).
 */
#ifndef SP_REDACT_H
#define SP_REDACT_H

#include "model/plan.h"

#define SP_REDACTED "[contact details removed]"

/* s with every e-mail address and phone number replaced, in arena a (s itself when none).
 * *doubtful (when not NULL) is set when something removed may not have been a contact detail. */
const char *sp_redact_text(sp_arena *a, const char *s, bool *doubtful);
const char *sp_redact_contacts_text(sp_arena *a, const char *s);

/* Where text that may not have been a contact detail was removed all the same: the rows, for
 * the data-quality list (malloc'd; sp_vec_free). */
typedef SP_VEC(sp_src) sp_redact_doubts;

/* Applies sp_redact_text to every text of p, a shallow copy of a plan: its free texts, its
 * plan.ini texts but `contact` (the plan's public address for families) and its [glossary].
 * Its row arrays are first copied into a, so the plan copied from is left as read. */
void sp_redact_plan_copy(sp_plan *p, sp_arena *a, sp_redact_doubts *doubts);

#endif
