#include "view/redact.h"

#include <ctype.h>
#include <string.h>

static bool email_local(unsigned char c)
{
    return isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static bool email_domain(unsigned char c)
{
    return isalnum(c) || c == '.' || c == '-';
}

/* An e-mail address around the '@' at s[at]: [start, end) or false. */
static bool email_at(const char *s, size_t at, size_t *start, size_t *end)
{
    size_t a = at, b = at + 1;
    while (a > 0 && email_local((unsigned char)s[a - 1]))
        a--;
    bool dot = false;
    while (email_domain((unsigned char)s[b]))
        dot = dot || s[b] == '.', b++;
    while (b > at + 1 && (s[b - 1] == '.' || s[b - 1] == '-'))
        b--;
    if (a == at || !dot)
        return false;
    *start = a;
    *end = b;
    return true;
}

/* A phone number starting at s[i]: digits with spaces, brackets, '+' and '-' between them,
 * ten digits or more (UK numbers have 11; dates and age ranges have fewer). */
static bool phone_at(const char *s, size_t i, size_t *end)
{
    if (!(isdigit((unsigned char)s[i]) || (s[i] == '+' && isdigit((unsigned char)s[i + 1])) ||
          (s[i] == '(' && isdigit((unsigned char)s[i + 1]))))
        return false;
    if (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '/'))
        return false;
    size_t j = i, digits = 0, last_digit = i;
    while (isdigit((unsigned char)s[j]) || s[j] == ' ' || s[j] == '+' || s[j] == '(' || s[j] == ')' || s[j] == '-') {
        if (isdigit((unsigned char)s[j]))
            digits++, last_digit = j;
        j++;
    }
    if (digits < 10 || digits > 15)
        return false;
    *end = last_digit + 1;
    return true;
}

const char *sp_redact_contacts_text(sp_arena *a, const char *s)
{
    if (!s || !s[0])
        return s;
    if (!strchr(s, '@')) {
        /* no address, and a phone number needs ten digits: most texts are let through here */
        size_t digits = 0;
        for (const char *c = s; *c && digits < 10; c++)
            digits += (unsigned)(*c - '0') < 10;
        if (digits < 10)
            return s;
        bool any = false;
        size_t end;
        for (size_t i = 0; s[i] && !any; i++)
            any = phone_at(s, i, &end);
        if (!any)
            return s;
    }
    size_t n = strlen(s);
    char *out = sp_arena_alloc(a, n * (sizeof SP_REDACTED) + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t start, end;
        const char *at = strchr(s + i, '@');
        if (at && email_at(s, (size_t)(at - s), &start, &end) && start >= i) {
            /* copy up to the address, then the marker */
            for (; i < start; i++) {
                size_t pe;
                if (phone_at(s, i, &pe) && pe <= start) {
                    memcpy(out + o, SP_REDACTED, sizeof SP_REDACTED - 1), o += sizeof SP_REDACTED - 1;
                    i = pe - 1;
                    continue;
                }
                out[o++] = s[i];
            }
            memcpy(out + o, SP_REDACTED, sizeof SP_REDACTED - 1), o += sizeof SP_REDACTED - 1;
            i = end;
            continue;
        }
        size_t pe;
        if (phone_at(s, i, &pe)) {
            memcpy(out + o, SP_REDACTED, sizeof SP_REDACTED - 1), o += sizeof SP_REDACTED - 1;
            i = pe;
            continue;
        }
        out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

#define R(field) (field) = sp_redact_contacts_text(a, (field))
#define COPY(vec) \
    do { \
        void *items_ = sp_arena_alloc(a, ((vec).n + 1) * sizeof *(vec).items); \
        if ((vec).n) \
            memcpy(items_, (vec).items, (vec).n * sizeof *(vec).items); \
        (vec).items = items_; \
        (vec).cap = 0; \
    } while (0)

void sp_redact_plan_copy(sp_plan *p, sp_arena *a)
{
    COPY(p->milestones);
    COPY(p->actions);
    COPY(p->areas);
    COPY(p->kpis);
    COPY(p->checkpoints);
    COPY(p->risks);
    R(p->info.title), R(p->info.area), R(p->info.organisations);
    for (size_t i = 0; i < p->milestones.n; i++) {
        sp_milestone *m = &p->milestones.items[i];
        R(m->area), R(m->outcome), R(m->ref), R(m->action), R(m->text), R(m->owner), R(m->progress), R(m->kpi);
        R(m->due_text), R(m->revised_text), R(m->status_text), R(m->completed_text), R(m->resource), R(m->cohort);
    }
    for (size_t i = 0; i < p->actions.n; i++) {
        sp_action *ac = &p->actions.items[i];
        R(ac->ref), R(ac->area), R(ac->outcome), R(ac->text), R(ac->owner), R(ac->kpi), R(ac->cohort), R(ac->resource);
    }
    for (size_t i = 0; i < p->areas.n; i++) {
        sp_area *ar = &p->areas.items[i];
        R(ar->name), R(ar->sponsor), R(ar->weakness), R(ar->partners), R(ar->cohort);
    }
    for (size_t i = 0; i < p->kpis.n; i++) {
        sp_kpi *k = &p->kpis.items[i];
        R(k->ref), R(k->name), R(k->area), R(k->cohort), R(k->owner), R(k->source), R(k->baseline.text);
        R(k->baseline.note);
        if (k->direction_note)
            R(k->direction_note);
        k->checkpoints = p->checkpoints.items + k->first_checkpoint;
    }
    for (size_t i = 0; i < p->checkpoints.n; i++) {
        sp_checkpoint *c = &p->checkpoints.items[i];
        R(c->target.text), R(c->target.words), R(c->source), R(c->date_text);
    }
    /* Observations are the list that runs to a million rows, and their two texts rarely hold
     * contact details: the list is copied only when one does (a plan of 1,000,000 observations
     * spent 100 MB on a copy that changed nothing). */
    p->observations.cap = 0; /* the view's: never grown or freed */
    bool copied = false;
    for (size_t i = 0; i < p->observations.n; i++) {
        const sp_observation *o = &p->observations.items[i];
        const char *ref = sp_redact_contacts_text(a, o->ref), *note = sp_redact_contacts_text(a, o->note);
        const char *value_note = sp_redact_contacts_text(a, o->value_note);
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
        sp_risk *r = &p->risks.items[i];
        R(r->text), R(r->mitigation), R(r->progress), R(r->owner), R(r->date_text);
    }
}
