/*
 * redact.c - contact details cut out of one text (redact.h).
 */
#include "view/redact.h"

#include <string.h>

#include "util/contact.h"

const char *sp_redact_text(sp_arena *a, const char *s, bool *doubtful)
{
    if (doubtful)
        *doubtful = false;
    if (!s || !s[0] || !sp_contact_possible(s))
        return s; /* most texts stop here */
    size_t n = strlen(s), count;
    sp_contact_span *spans = sp_contact_find(s, n, &count);
    if (!count) {
        free(spans);
        return s;
    }
    /* the text as written around each span (its no-break spaces and dashes kept), the marker in
     * it: spans are whole characters, so the result is UTF-8 where s was */
    char *out = sp_arena_alloc(a, n + count * (sizeof SP_REDACTED) + 1);
    size_t o = 0, from = 0;
    for (size_t i = 0; i < count; i++) {
        memcpy(out + o, s + from, spans[i].start - from), o += spans[i].start - from;
        memcpy(out + o, SP_REDACTED, sizeof SP_REDACTED - 1), o += sizeof SP_REDACTED - 1;
        from = spans[i].end;
        if (doubtful)
            *doubtful |= spans[i].doubtful;
    }
    memcpy(out + o, s + from, n - from), o += n - from;
    out[o] = '\0';
    free(spans);
    return out;
}

const char *sp_redact_contacts_text(sp_arena *a, const char *s)
{
    return sp_redact_text(a, s, NULL);
}
