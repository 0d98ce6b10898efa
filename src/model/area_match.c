/* Matching text to a plan's areas, in the rules' order: name, number, prefix, word overlap. */
#include "model/area_match.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/* Lower-cased letters and digits only: "Workstream 1: Joint planning" -> "workstream1jointplanning".
 * Bytes above ASCII are kept as they are (curly apostrophes drop out as punctuation would not). */
static char *name_key(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    size_t o = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c))
            out[o++] = (char)tolower(c);
        else if (c >= 0x80 && !(c == 0xE2 || c == 0x80 || c == 0x98 || c == 0x99 || c == 0x93 || c == 0x94 ||
                                 c == 0xC2 || c == 0xA0))
            out[o++] = (char)c;
    }
    out[o] = '\0';
    return out;
}

/* "Area 4", "Workstream 5", "4", "4. Title", "Workstream 1: Title" -> the number; -1 when the
 * text does not start with one (at most one word before it). */
static long leading_number(const char *s)
{
    while (*s == ' ')
        s++;
    const char *p = s;
    while (isalpha((unsigned char)*p))
        p++;
    if (p != s)
        while (*p == ' ')
            p++;
    if (!isdigit((unsigned char)*p))
        return -1;
    char *end;
    long n = strtol(p, &end, 10);
    /* "14-25 year olds" or "1.2a" are not area numbers */
    if (*end == '-' || *end == '.' ? isdigit((unsigned char)end[1]) : isalnum((unsigned char)*end))
        return -1;
    return n;
}

/* Text that is only a number and its label: "Area 4", "Workstream 5", "4" (not "Workstream 1: …"). */
static bool only_number(const char *s)
{
    if (leading_number(s) < 0)
        return false;
    while (*s && !isdigit((unsigned char)*s))
        s++;
    while (isdigit((unsigned char)*s))
        s++;
    while (*s == ' ' || *s == '.' || *s == ':')
        s++;
    return *s == '\0';
}

typedef struct word_set {
    char **w;
    size_t n;
} word_set;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static word_set words_of(const char *s)
{
    word_set ws = {malloc((strlen(s) / 2 + 1) * sizeof(char *)), 0};
    while (*s) {
        while (*s && !isalnum((unsigned char)*s))
            s++;
        const char *b = s;
        while (isalnum((unsigned char)*s))
            s++;
        size_t len = (size_t)(s - b);
        if (len < 3)
            continue;
        char *w = malloc(len + 1);
        for (size_t i = 0; i < len; i++)
            w[i] = (char)tolower((unsigned char)b[i]);
        w[len] = '\0';
        ws.w[ws.n++] = w;
    }
    qsort(ws.w, ws.n, sizeof *ws.w, cmp_str);
    size_t u = 0; /* a set: each word once */
    for (size_t i = 0; i < ws.n; i++) {
        if (u && strcmp(ws.w[u - 1], ws.w[i]) == 0)
            free(ws.w[i]);
        else
            ws.w[u++] = ws.w[i];
    }
    ws.n = u;
    return ws;
}

static void words_free(word_set *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        free(ws->w[i]);
    free(ws->w);
}

double sp_word_overlap(const char *a, const char *b)
{
    word_set x = words_of(a), y = words_of(b);
    size_t common = 0;
    for (size_t i = 0, j = 0; i < x.n && j < y.n;) {
        int c = strcmp(x.w[i], y.w[j]);
        common += c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    double d = x.n + y.n ? 2.0 * (double)common / (double)(x.n + y.n) : 0;
    words_free(&x);
    words_free(&y);
    return d;
}

/* Shorter names than this never match by prefix: "A" starts every area's name. */
#define MIN_PREFIX 8

size_t sp_match_area(const sp_plan *p, const char *text, sp_area_link *how, double *overlap)
{
    *how = SP_LINK_NONE;
    *overlap = 0;
    if (!text || !text[0] || p->areas.n == 0)
        return SP_NO_AREA;
    size_t found = SP_NO_AREA;
    char *key = name_key(text);
    size_t key_len = strlen(key);
    char **area_keys = malloc(p->areas.n * sizeof *area_keys);
    for (size_t i = 0; i < p->areas.n; i++)
        area_keys[i] = name_key(p->areas.items[i].name);

    for (size_t i = 0; i < p->areas.n && found == SP_NO_AREA; i++)
        if (key_len && strcmp(key, area_keys[i]) == 0)
            found = i, *how = SP_LINK_NAME;

    long number = found == SP_NO_AREA && only_number(text) ? leading_number(text) : -1;
    if (number >= 0) {
        /* the number an area's name starts with; where no name carries one, its place in the plan */
        bool numbered = false;
        for (size_t i = 0; i < p->areas.n; i++)
            numbered = numbered || leading_number(p->areas.items[i].name) >= 0;
        for (size_t i = 0; i < p->areas.n && found == SP_NO_AREA; i++)
            if (numbered ? leading_number(p->areas.items[i].name) == number : (long)i + 1 == number)
                found = i, *how = SP_LINK_NUMBER;
    }

    for (size_t i = 0; i < p->areas.n && found == SP_NO_AREA && key_len >= MIN_PREFIX; i++) {
        size_t area_len = strlen(area_keys[i]);
        if (area_len >= MIN_PREFIX && (strncmp(area_keys[i], key, key_len) == 0 || strncmp(key, area_keys[i], area_len) == 0))
            found = i, *how = SP_LINK_PREFIX;
    }

    if (found == SP_NO_AREA) {
        double best = 0;
        for (size_t i = 0; i < p->areas.n; i++) {
            double d = sp_word_overlap(text, p->areas.items[i].name);
            if (d > best)
                best = d, found = i;
        }
        if (best >= SP_AREA_OVERLAP_MIN) {
            *how = SP_LINK_OVERLAP;
            *overlap = best;
        } else {
            found = SP_NO_AREA;
        }
    }
    for (size_t i = 0; i < p->areas.n; i++)
        free(area_keys[i]);
    free(area_keys);
    free(key);
    return found;
}

/* Does an action's kpi cell name this KPI? By refs separated by ';' or ',', or by its name:
 * real trackers copy the KPI's wording and add the intended impact after it ("Local Offer
 * updated and … new pages The impact will be …"), so a cell that starts with a KPI name of
 * some length names it. */
bool sp_kpi_named_by(const char *cell, const sp_kpi *k)
{
    if (!cell || !cell[0])
        return false;
    size_t name_len = strlen(k->name);
    if (sp_ieq(cell, k->name) ||
        (name_len >= 12 && sp_ieqn(cell, k->name, name_len) && !isalnum((unsigned char)cell[name_len])))
        return true;
    size_t ref_len = strlen(k->ref);
    for (const char *p = cell; *p;) {
        while (*p == ' ' || *p == ';' || *p == ',')
            p++;
        size_t n = strcspn(p, ";,");
        size_t m = n;
        while (m && p[m - 1] == ' ')
            m--;
        if (m == ref_len && sp_ieqn(p, k->ref, ref_len))
            return true;
        p += n;
    }
    return false;
}

const char *sp_area_link_key(sp_area_link l)
{
    static const char *const keys[] = {NULL, "name", "number", "prefix", "word overlap", "action"};
    return keys[l];
}
