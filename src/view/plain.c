/*
 * plain.c - the plain-English texts for families (the Local Offer pack): kept in a file of
 * their own so they can be rewritten without touching the rest of the view.
 */
#include <string.h>

#include "view/view.h"

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
