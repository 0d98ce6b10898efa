#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sp_arena_block {
    sp_arena_block *next;
    max_align_t data[];
};

enum { SP_ARENA_BLOCK = 64 * 1024 };

void *sp_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("sendpack: out of memory\n", stderr);
        exit(71);
    }
    return p;
}

void *sp_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("sendpack: out of memory\n", stderr);
        exit(71);
    }
    return q;
}

/* n bytes at the given alignment from the newest block, or from a new one. */
static void *take(sp_arena *a, size_t n, size_t align)
{
    size_t at = (a->used + align - 1) & ~(align - 1);
    if (!a->head || at + n > a->cap) {
        size_t cap = n > SP_ARENA_BLOCK ? n : SP_ARENA_BLOCK;
        sp_arena_block *b = sp_xmalloc(sizeof *b + cap);
        b->next = a->head;
        a->head = b;
        a->cap = cap;
        at = 0;
    }
    a->used = at + n;
    return (char *)a->head->data + at;
}

void *sp_arena_alloc(sp_arena *a, size_t n)
{
    void *p = take(a, n, sizeof(max_align_t));
    memset(p, 0, n);
    return p;
}

/* Strings need no alignment: a million short cells would otherwise each round up to 16. */
char *sp_arena_strndup(sp_arena *a, const char *s, size_t n)
{
    char *p = take(a, n + 1, 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *sp_arena_strdup(sp_arena *a, const char *s)
{
    return sp_arena_strndup(a, s, strlen(s));
}

char *sp_arena_printf(sp_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = take(a, (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void sp_arena_free(sp_arena *a)
{
    sp_arena_block *b = a->head;
    while (b) {
        sp_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = a->cap = 0;
}
