/*
 * history.h - earlier packs (--history): what read/history.c takes from the JSON packs earlier
 * runs wrote for the same plan, for the burn-up and the pace (assess/progress.c).
 */
#ifndef SP_HISTORY_MODEL_H
#define SP_HISTORY_MODEL_H

#include <stddef.h>
#include <string.h>

#include "util/arena.h"
#include "util/date.h"

/* The JSON pack's schema version: render/json.c writes it; read/history.c reads packs of it and of
 * every earlier version whose fields it reads are the same (1: before checkpoints were a list). */
#define SP_JSON_SCHEMA_VERSION 2
#define SP_JSON_SCHEMA_OLDEST_READ 1

/* Earlier packs (--history), as read by read/history.c and matched to this plan. */
typedef struct sp_earlier_pack {
    sp_date as_of;
    const char *file;       /* for messages */
    size_t complete;        /* the pack's complete count for the plan */
    size_t *area_complete;  /* by this plan's area index; SIZE_MAX where the pack lacks the area */
} sp_earlier_pack;

typedef struct sp_history {
    sp_arena arena;
    sp_earlier_pack *packs; /* by report date, one a date, all before this report's */
    size_t n_packs;
    sp_date *first_complete; /* by milestone: report date of the earliest pack showing it complete */
} sp_history;

static inline void sp_history_free(sp_history *h)
{
    sp_arena_free(&h->arena);
    memset(h, 0, sizeof *h);
}

#endif
