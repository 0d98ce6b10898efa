/*
 * redact.h - the "redact" step between assessment and rendering, for public audiences:
 * e-mail addresses and phone numbers are removed from every text of the plan. It runs after
 * the assessment, so judgements are made on the text as exported.
 */
#ifndef SP_REDACT_H
#define SP_REDACT_H

#include "model/plan.h"

#define SP_REDACTED "[contact details removed]"

/* s with every e-mail address and phone number replaced, in arena a (s itself when none). */
const char *sp_redact_contacts_text(sp_arena *a, const char *s);
/* Applies sp_redact_contacts_text to every text field of the plan. */
void sp_redact_contacts(sp_plan *p);

#endif
