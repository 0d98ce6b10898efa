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

void sp_view_build_plain(sp_view *v)
{
    static const sp_status order[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    static const char *const meaning[] = {
        [SP_BLUE] = "We have finished this.",
        [SP_GREEN] = "This is happening as planned.",
        [SP_AMBER] = "We have set a new, later date for this, and that date has not passed yet.",
        [SP_RED] = "This has passed the date we set and is not finished.",
        [SP_GREY] = "We have not set a date for this yet.",
    };
    v->n_plain_key = 0;
    for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
        const char *word = sp_view_label(v, order[k]);
        bool seen = false;
        for (size_t j = 0; j < v->n_plain_key; j++)
            seen = seen || strcmp(v->plain_key[j].word, word) == 0;
        if (seen)
            continue;
        /* a word shared by Amber and Red means "late" */
        bool late = order[k] == SP_AMBER && strcmp(word, sp_view_label(v, SP_RED)) == 0;
        v->plain_key[v->n_plain_key++] =
            (sp_view_key_row){order[k], word, late ? "This is behind the date we planned." : meaning[order[k]]};
    }
}
