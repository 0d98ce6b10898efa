#include "util/strmap.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/text.h"

/* FNV-1a over the key's bytes (lower-cased when the map ignores case). */
static uint64_t hash(const sp_strmap *m, const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= m->nocase ? (unsigned char)tolower(*p) : *p;
        h *= 1099511628211ULL;
    }
    return h;
}

static bool same(const sp_strmap *m, const char *a, const char *b)
{
    return m->nocase ? sp_ieq(a, b) : strcmp(a, b) == 0;
}

/* The slot holding key, or the empty slot where it would go (open addressing, linear probe). */
static size_t slot(const sp_strmap *m, const char *key)
{
    size_t i = (size_t)hash(m, key) & (m->cap - 1);
    while (m->keys[i] && !same(m, m->keys[i], key))
        i = (i + 1) & (m->cap - 1);
    return i;
}

void sp_strmap_init(sp_strmap *m, bool nocase)
{
    memset(m, 0, sizeof *m);
    m->nocase = nocase;
}

bool sp_strmap_get(const sp_strmap *m, const char *key, size_t *value)
{
    if (!m->n)
        return false;
    size_t i = slot(m, key);
    if (!m->keys[i])
        return false;
    *value = m->values[i];
    return true;
}

static void grow(sp_strmap *m)
{
    sp_strmap bigger = *m;
    bigger.cap = m->cap ? m->cap * 2 : 64;
    bigger.keys = sp_xmalloc(bigger.cap * sizeof *bigger.keys);
    memset(bigger.keys, 0, bigger.cap * sizeof *bigger.keys);
    bigger.values = sp_xmalloc(bigger.cap * sizeof *bigger.values);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = slot(&bigger, m->keys[i]);
        bigger.keys[j] = m->keys[i];
        bigger.values[j] = m->values[i];
    }
    free(m->keys);
    free(m->values);
    *m = bigger;
}

void sp_strmap_put(sp_strmap *m, const char *key, size_t value)
{
    if ((m->n + 1) * 4 > m->cap * 3) /* at most three quarters full */
        grow(m);
    size_t i = slot(m, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->n++;
    }
    m->values[i] = value;
}

void sp_strmap_free(sp_strmap *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}
