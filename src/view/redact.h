/*
 * redact.h - for public audiences, e-mail addresses and phone numbers out of every text. Part
 * of the view (view.h), the one boundary where it is applied: after the assessment and the
 * comparison with last period, so judgements are made on the text as exported.
 */
#ifndef SP_REDACT_H
#define SP_REDACT_H

#include "model/plan.h"

#define SP_REDACTED "[contact details removed]"

/* s with every e-mail address and phone number replaced, in arena a (s itself when none). */
const char *sp_redact_contacts_text(sp_arena *a, const char *s);
/* Applies sp_redact_contacts_text to every text field of p, a shallow copy of a plan: its
 * row arrays are first copied into a, so the plan copied from is left as read. */
void sp_redact_plan_copy(sp_plan *p, sp_arena *a);

#endif
