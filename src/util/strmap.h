/*
 * strmap.h - a string-keyed index: text -> position in a list, in constant time, so that
 * finding a ref, an area or a word never scans every earlier row (a 60,000-row export
 * would take minutes). Keys are not copied: they must outlive the map (arena strings).
 */
#ifndef SP_STRMAP_H
#define SP_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sp_strmap {
    const char **keys;
    size_t *values;
    size_t cap, n;
    bool nocase; /* ASCII case-insensitive, as sp_ieq: refs "k01" and "K01" are one */
} sp_strmap;

/* A map with nothing in it; nocase as above. */
void sp_strmap_init(sp_strmap *m, bool nocase);
/* The value stored for key, or false. */
bool sp_strmap_get(const sp_strmap *m, const char *key, size_t *value);
/* Stores value for key, replacing any value it had. */
void sp_strmap_put(sp_strmap *m, const char *key, size_t value);
void sp_strmap_free(sp_strmap *m);

#endif
