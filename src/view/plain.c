/*
 * plain.c - the plain-English texts for families (the Local Offer pack): kept in a file of
 * their own so they can be rewritten without touching the rest of the view.
 */
#include <string.h>

#include "view/view.h"

const char *sp_plain_position(const sp_view *v, sp_arena *a)
{
    static const sp_status order[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    const sp_counts *m = &v->assessment->milestone_counts;
    const size_t count[] = {m->blue, m->green, m->amber, m->red, m->grey};
    const char *out = sp_arena_printf(a, "We said we would do %zu thing%s.", m->total, m->total == 1 ? "" : "s");
    for (size_t i = 0; i < 5; i++) {
        const char *word = sp_view_label(v, order[i]);
        bool said = false;
        for (size_t j = 0; j < i; j++)
            said = said || strcmp(word, sp_view_label(v, order[j])) == 0;
        if (said)
            continue;
        size_t n = 0;
        for (size_t j = i; j < 5; j++)
            if (strcmp(word, sp_view_label(v, order[j])) == 0)
                n += count[j];
        out = sp_arena_printf(a, "%s %s: %zu.", out, word, n);
    }
    return out;
}
