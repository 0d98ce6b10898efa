/* A streaming JSON writer with jansson 2.14's output rules (see json_writer.h): indent 2,
 * "," then a new line between members, ": " after a key, reals at 15 significant digits. */
#include "render/json_writer.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define STDIO_BUFFER (1u << 20)

void sp_jw_init(sp_jw *w, FILE *f)
{
    memset(w, 0, sizeof *w);
    w->f = f;
}

bool sp_jw_open(sp_jw *w, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    sp_jw_init(w, f);
    w->buf = malloc(STDIO_BUFFER);
    if (w->buf && setvbuf(f, w->buf, _IOFBF, STDIO_BUFFER) != 0) {
        free(w->buf);
        w->buf = NULL;
    }
    return true;
}

bool sp_jw_close(sp_jw *w)
{
    bool ok = !w->failed && w->depth == 0;
    if (fflush(w->f) != 0 || ferror(w->f))
        ok = false;
    if (fclose(w->f) != 0)
        ok = false;
    free(w->buf);
    w->f = NULL;
    w->buf = NULL;
    return ok;
}

static void put(sp_jw *w, const char *s, size_t n)
{
    if (n)
        fwrite(s, 1, n, w->f);
}

/* a new line and two spaces a level, as jansson's dump_indent with JSON_INDENT(2) */
static void newline(sp_jw *w, int depth)
{
    static const char spaces[] = "\n                                                                ";
    size_t want = 2 * (size_t)depth;
    putc('\n', w->f);
    while (want > 0) {
        size_t chunk = want < sizeof spaces - 2 ? want : sizeof spaces - 2;
        put(w, spaces + 1, chunk);
        want -= chunk;
    }
}

/* jansson's utf8_check_string: no overlong forms, surrogates or code points past U+10FFFF */
static bool valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t size;
        unsigned value;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c <= 0xC1) {
            return false;
        } else if (c <= 0xDF) {
            size = 2, value = c & 0x1F;
        } else if (c <= 0xEF) {
            size = 3, value = c & 0x0F;
        } else if (c <= 0xF4) {
            size = 4, value = c & 0x07;
        } else {
            return false;
        }
        if (i + size > len)
            return false;
        for (size_t k = 1; k < size; k++) {
            unsigned u = s[i + k];
            if (u < 0x80 || u > 0xBF)
                return false;
            value = (value << 6) + (u & 0x3F);
        }
        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) || (size == 2 && value < 0x80) ||
            (size == 3 && value < 0x800) || (size == 4 && value < 0x10000))
            return false;
        i += size;
    }
    return true;
}

/* jansson's dump_string without JSON_ENSURE_ASCII or JSON_ESCAPE_SLASH */
static void quoted(sp_jw *w, const char *s, size_t len)
{
    putc('"', w->f);
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(w, s + run, i - run);
        run = i + 1;
        char seq[8];
        const char *text = seq;
        size_t n = 2;
        switch (c) {
        case '"': text = "\\\""; break;
        case '\\': text = "\\\\"; break;
        case '\b': text = "\\b"; break;
        case '\f': text = "\\f"; break;
        case '\n': text = "\\n"; break;
        case '\r': text = "\\r"; break;
        case '\t': text = "\\t"; break;
        default:
            snprintf(seq, sizeof seq, "\\u%04X", (unsigned)c);
            n = 6;
        }
        put(w, text, n);
    }
    put(w, s + run, len - run);
    putc('"', w->f);
}

void sp_jw_key(sp_jw *w, const char *key)
{
    w->key = key;
}

/* Before a value that is written: the separator, the new line and the waiting key. False
 * when the value has nowhere to go (no key in an object, too deep). */
static bool begin_value(sp_jw *w)
{
    const char *key = w->key;
    w->key = NULL;
    if (w->depth == 0)
        return true;
    int level = w->depth - 1;
    if (w->object[level] && !key)
        return false;
    if (w->n[level]++)
        putc(',', w->f);
    newline(w, w->depth);
    if (w->object[level]) {
        quoted(w, key, strlen(key));
        put(w, ": ", 2);
    }
    return true;
}

static void begin(sp_jw *w, bool object)
{
    if (w->depth >= SP_JW_MAX_DEPTH || !begin_value(w)) {
        w->failed = true;
        return;
    }
    putc(object ? '{' : '[', w->f);
    w->object[w->depth] = object;
    w->n[w->depth] = 0;
    w->depth++;
}

static void end(sp_jw *w, bool object)
{
    w->key = NULL;
    if (w->depth == 0 || w->object[w->depth - 1] != object) {
        w->failed = true;
        return;
    }
    w->depth--;
    if (w->n[w->depth])
        newline(w, w->depth);
    putc(object ? '}' : ']', w->f);
}

void sp_jw_begin_object(sp_jw *w) { begin(w, true); }
void sp_jw_end_object(sp_jw *w) { end(w, true); }
void sp_jw_begin_array(sp_jw *w) { begin(w, false); }
void sp_jw_end_array(sp_jw *w) { end(w, false); }

void sp_jw_string(sp_jw *w, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    if (!s || !valid_utf8((const unsigned char *)s, len)) {
        w->key = NULL; /* json_string() gives NULL: the member is not set */
        return;
    }
    if (begin_value(w))
        quoted(w, s, len);
}

void sp_jw_integer(sp_jw *w, long long v)
{
    if (begin_value(w))
        fprintf(w->f, "%lld", v);
}

/* jansson's jsonp_dtostr at precision 15 */
int sp_jw_format_real(char *buf, size_t size, double v)
{
    int ret = snprintf(buf, size, "%.*g", 15, v);
    if (ret < 0 || (size_t)ret >= size)
        return -1;
    size_t length = (size_t)ret;
    const char *point = localeconv()->decimal_point;
    if (*point != '.') {
        char *pos = strchr(buf, *point);
        if (pos)
            *pos = '.';
    }
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        if (length + 3 >= size)
            return -1;
        buf[length] = '.';
        buf[length + 1] = '0';
        buf[length + 2] = '\0';
        length += 2;
    }
    /* no '+' and no leading zeros in the exponent */
    char *start = strchr(buf, 'e');
    if (start) {
        start++;
        char *stop = start + 1;
        if (*start == '-')
            start++;
        while (*stop == '0')
            stop++;
        if (stop != start) {
            memmove(start, stop, length - (size_t)(stop - buf) + 1);
            length -= (size_t)(stop - start);
        }
    }
    return (int)length;
}

void sp_jw_real(sp_jw *w, double v)
{
    char buf[100];
    int n;
    if (isnan(v) || isinf(v) || (n = sp_jw_format_real(buf, sizeof buf, v)) < 0) {
        w->key = NULL; /* json_real() gives NULL: the member is not set */
        return;
    }
    if (begin_value(w))
        put(w, buf, (size_t)n);
}

void sp_jw_bool(sp_jw *w, bool v)
{
    if (begin_value(w))
        put(w, v ? "true" : "false", v ? 4 : 5);
}

void sp_jw_null(sp_jw *w)
{
    if (begin_value(w))
        put(w, "null", 4);
}
