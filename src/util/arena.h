/*
 * arena.h - a bump allocator that owns every string and array of one plan.
 *
 * A plan's model is built once and freed at once, so individual frees buy nothing:
 * every reader allocates from the plan's arena and sp_arena_free() releases it all.
 */
#ifndef SP_ARENA_H
#define SP_ARENA_H

#include <stddef.h>

typedef struct sp_arena_block sp_arena_block;

typedef struct sp_arena {
    sp_arena_block *head; /* newest block first */
    size_t used;          /* bytes used in head */
    size_t cap;           /* capacity of head */
} sp_arena;

/* Allocates n bytes aligned for any type, zero-filled. Aborts on out-of-memory. */
void *sp_arena_alloc(sp_arena *a, size_t n);
/* Copies n bytes of s and appends a NUL. */
char *sp_arena_strndup(sp_arena *a, const char *s, size_t n);
char *sp_arena_strdup(sp_arena *a, const char *s);
/* printf into the arena. */
char *sp_arena_printf(sp_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Releases every block. The arena can be reused afterwards. */
void sp_arena_free(sp_arena *a);

/* Allocation failure is not recoverable for a batch tool: say so and exit 71 (EX_OSERR). */
void *sp_xmalloc(size_t n);
void *sp_xrealloc(void *p, size_t n);

#endif
