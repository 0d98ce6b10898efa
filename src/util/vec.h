/*
 * vec.h - a growable array of one element type, for building the model's lists.
 *
 * SP_VEC(T) declares { T *items; size_t n, cap; }. sp_vec_push grows it and returns a
 * pointer to the new zeroed element. Pointers into a vec are invalidated by the next push,
 * so the model refers to its rows by index.
 */
#ifndef SP_VEC_H
#define SP_VEC_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

#define SP_VEC(T) struct { T *items; size_t n, cap; }

static inline void *sp_vec_grow_(void **items, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *items = sp_xrealloc(*items, *cap * size);
    }
    char *slot = (char *)*items + (*n)++ * size;
    memset(slot, 0, size);
    return slot;
}

#define sp_vec_push(v) \
    ((__typeof__((v)->items))sp_vec_grow_((void **)&(v)->items, &(v)->n, &(v)->cap, sizeof *(v)->items))
#define sp_vec_free(v) (free((v)->items), (v)->items = NULL, (v)->n = (v)->cap = 0)

#endif
