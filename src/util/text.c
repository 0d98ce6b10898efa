#include "util/text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

const char *sp_trim(const char *s, size_t *len)
{
    size_t n = *len;
    for (;;) {
        if (n && is_space((unsigned char)*s)) {
            s++, n--;
        } else if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
            s += 2, n -= 2;
        } else {
            break;
        }
    }
    for (;;) {
        if (n && is_space((unsigned char)s[n - 1])) {
            n--;
        } else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0) {
            n -= 2;
        } else {
            break;
        }
    }
    *len = n;
    return s;
}

char *sp_header_key(sp_arena *a, const char *s)
{
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    const char *src = n >= 0 ? (const char *)folded : s;
    size_t len = strlen(src);
    char *out = sp_arena_alloc(a, len + 1);
    size_t o = 0;
    bool pending_space = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (is_space(c)) {
            pending_space = o > 0;
            continue;
        }
        if (pending_space)
            out[o++] = ' ';
        pending_space = false;
        out[o++] = (char)c;
    }
    out[o] = '\0';
    free(folded);
    return out;
}

size_t sp_utf8_invalid_at(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII fast path: most of every export */
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return i;
        i += (size_t)k;
    }
    return n;
}

size_t sp_utf16_len(const char *s)
{
    size_t units = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) != 0x80)
            units += (*p >= 0xF0) ? 2 : 1;
    }
    return units;
}

size_t sp_utf8_clip(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

bool sp_ieq(const char *a, const char *b)
{
    while (*a && *b) {
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        a++, b++;
    }
    return *a == *b;
}

bool sp_ieqn(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return false;
        if (!a[i])
            return true;
    }
    return true;
}

const char *sp_ifind_word(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++) {
        if (!sp_ieqn(p, needle, n))
            continue;
        bool left_ok = p == hay || !isalpha((unsigned char)p[-1]);
        bool right_ok = !isalpha((unsigned char)p[n]);
        if (left_ok && right_ok)
            return p;
    }
    return NULL;
}

int sp_natcmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            while (*a == '0' && isdigit((unsigned char)a[1]))
                a++;
            while (*b == '0' && isdigit((unsigned char)b[1]))
                b++;
            size_t la = 0, lb = 0;
            while (isdigit((unsigned char)a[la]))
                la++;
            while (isdigit((unsigned char)b[lb]))
                lb++;
            if (la != lb)
                return la < lb ? -1 : 1;
            int c = strncmp(a, b, la);
            if (c)
                return c;
            a += la, b += lb;
            continue;
        }
        int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        a++, b++;
    }
    if (*a || *b)
        return *a ? 1 : -1;
    return 0;
}

char *sp_slug(sp_arena *a, const char *s)
{
    /* Letters keep their base letter ("Été" -> "ete", "ß" -> "ss") rather than vanishing. */
    utf8proc_uint8_t *plain = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &plain,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                          UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    const char *src = n >= 0 ? (const char *)plain : s;
    size_t len = strlen(src);
    char *out = sp_arena_alloc(a, len + 2);
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c < 0x80 && isalnum(c)) {
            out[o++] = (char)tolower(c);
        } else if (o && out[o - 1] != '-') {
            out[o++] = '-';
        }
    }
    free(plain);
    while (o && out[o - 1] == '-')
        o--;
    if (!o)
        out[o++] = 'x';
    out[o] = '\0';
    return out;
}

char *sp_folder_slug(sp_arena *a, const char *dir)
{
    char *copy = sp_arena_strdup(a, dir);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    const char *base = strrchr(copy, '/');
    base = base ? base + 1 : copy;
    if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || !base[0])
        base = "plan";
    return sp_slug(a, base);
}

size_t sp_nonchar_at(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, 0xEF, (size_t)(s + n - p))) != NULL; p++) {
        if ((size_t)(s + n - p) >= 3 && (unsigned char)p[1] == 0xBF &&
            ((unsigned char)p[2] == 0xBE || (unsigned char)p[2] == 0xBF))
            return (size_t)(p - s);
    }
    return n;
}

const char *sp_unsafe_text(sp_arena *a, const char *s, size_t *at)
{
    size_t n = strlen(s);
    size_t bad = sp_utf8_invalid_at(s, n);
    size_t nonchar = sp_nonchar_at(s, bad);
    for (size_t i = 0; i < nonchar; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F) {
            *at = i;
            return sp_arena_printf(a, "a control character (U+%04X)", c);
        }
    }
    if (nonchar < bad) {
        *at = nonchar;
        return (unsigned char)s[nonchar + 2] == 0xBE ? "U+FFFE is not a character" : "U+FFFF is not a character";
    }
    if (bad < n) {
        *at = bad;
        return "invalid UTF-8";
    }
    return NULL;
}

const char *sp_ref_clean(sp_arena *a, const char *s)
{
    bool plain = true;
    for (const unsigned char *p = (const unsigned char *)s; *p && plain; p++)
        plain = *p < 0x80;
    if (plain)
        return s; /* nothing to normalise: the common case, kept fast */
    utf8proc_uint8_t *clean = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &clean,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                          UTF8PROC_IGNORE);
    if (n < 0)
        return s;
    size_t len = (size_t)n;
    const char *t = sp_trim((const char *)clean, &len);
    const char *out = sp_arena_strndup(a, t, len);
    free(clean);
    return out;
}

static bool is_hex(char c)
{
    return isxdigit((unsigned char)c) != 0;
}

static bool escape_at(const char *p)
{
    return p[0] == '_' && p[1] == 'x' && is_hex(p[2]) && is_hex(p[3]) && is_hex(p[4]) && is_hex(p[5]) && p[6] == '_';
}

const char *sp_excel_literal(sp_arena *a, const char *s)
{
    size_t hits = 0;
    for (const char *p = strstr(s, "_x"); p; p = strstr(p + 1, "_x"))
        hits += escape_at(p);
    if (!hits)
        return s;
    char *out = sp_arena_alloc(a, strlen(s) + 6 * hits + 1), *o = out;
    for (const char *p = s; *p; p++) {
        if (escape_at(p)) {
            memcpy(o, "_x005F", 6);
            o += 6;
        }
        *o++ = *p;
    }
    *o = '\0';
    return out;
}
