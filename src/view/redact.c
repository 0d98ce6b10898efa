/*
 * redact.c - contact details cut out of one text (redact.h).
 */
#include "view/redact.h"

#include <string.h>

#include "util/contact.h"

/* One reading of s: what it finds cut out. */
static const char *redact_once(sp_arena *a, const char *s, bool *doubtful)
{
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
        *doubtful |= spans[i].doubtful;
    }
    memcpy(out + o, s + from, n - from), o += n - from;
    out[o] = '\0';
    free(spans);
    return out;
}

const char *sp_redact_text(sp_arena *a, const char *s, bool *doubtful)
{
    bool doubt = false;
    /* A number cut out can leave what then reads as an address ("ann at example.gov.01632 960001uk/"
     * was a web address until the number went): read again until nothing more is found (found by
     * fuzz_redact; two readings in practice, at most eight). */
    const char *out = s;
    for (int pass = 0; pass < 8; pass++) {
        const char *next = redact_once(a, out, &doubt);
        if (next == out)
            break;
        out = next;
    }
    if (doubtful)
        *doubtful = doubt;
    return out;
}

const char *sp_redact_contacts_text(sp_arena *a, const char *s)
{
    return sp_redact_text(a, s, NULL);
}
