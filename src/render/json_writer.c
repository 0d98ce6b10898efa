/* A streaming JSON writer with jansson 2.14's output rules (see json_writer.h): indent 2,
 * "," then a new line between members, ": " after a key, reals at 15 significant digits. */
#include "render/json_writer.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define OUT_BUFFER (1u << 20)

void sp_jw_init(sp_jw *w, FILE *f)
{
    memset(w, 0, offsetof(sp_jw, spare)); /* the spare buffer needs no clearing */
    w->f = f;
    w->out = w->spare;
    w->cap = sizeof w->spare;
}

bool sp_jw_open(sp_jw *w, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        w->error = errno;
        return false;
    }
    sp_jw_init(w, f);
    char *big = malloc(OUT_BUFFER);
    if (big) {
        w->out = big;
        w->cap = OUT_BUFFER;
        w->owned = true;
    }
    return true;
}

/* hands what is waiting in the buffer to f, in one fwrite */
static void drain(sp_jw *w)
{
    if (w->len) {
        if (fwrite(w->out, 1, w->len, w->f) != w->len) {
            if (!w->write_error)
                w->error = errno;
            w->write_error = true;
        }
        w->len = 0;
    }
}

bool sp_jw_flush(sp_jw *w)
{
    drain(w);
    return !w->write_error;
}

bool sp_jw_close(sp_jw *w)
{
    bool ok = !w->failed && w->depth == 0;
    drain(w);
    if (w->write_error)
        ok = false;
    if (fflush(w->f) != 0 || ferror(w->f)) {
        w->error = w->error ? w->error : errno;
        ok = false;
    }
    if (fclose(w->f) != 0) {
        w->error = w->error ? w->error : errno;
        ok = false;
    }
    if (w->owned)
        free(w->out);
    w->f = NULL;
    w->out = NULL;
    w->len = w->cap = 0;
    w->owned = false;
    return ok;
}

/* room for n more bytes in the buffer (n <= SP_JW_SPARE) */
static inline void reserve(sp_jw *w, size_t n)
{
    if (w->cap - w->len < n)
        drain(w);
}

static void put_slow(sp_jw *w, const char *s, size_t n)
{
    drain(w);
    if (n >= w->cap) {
        if (fwrite(s, 1, n, w->f) != n)
            w->write_error = true;
        return;
    }
    memcpy(w->out, s, n);
    w->len = n;
}

static inline void put(sp_jw *w, const char *s, size_t n)
{
    if (n <= w->cap - w->len) {
        memcpy(w->out + w->len, s, n);
        w->len += n;
    } else {
        put_slow(w, s, n);
    }
}

static inline void put1(sp_jw *w, char c)
{
    if (w->len == w->cap)
        drain(w);
    w->out[w->len++] = c;
}

/* a new line and two spaces a level, as jansson's dump_indent with JSON_INDENT(2) */
static void newline(sp_jw *w, int depth)
{
    size_t n = 1 + 2 * (size_t)depth; /* depth <= SP_JW_MAX_DEPTH: well inside the spare size */
    reserve(w, n);
    char *p = w->out + w->len;
    p[0] = '\n';
    memset(p + 1, ' ', n - 1);
    w->len += n;
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
    put1(w, '"');
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
    put1(w, '"');
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
        put1(w, ',');
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
    put1(w, object ? '{' : '[');
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
    put1(w, object ? '}' : ']');
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
    if (!begin_value(w))
        return;
    char text[24];
    char *p = text + sizeof text;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    put(w, p, (size_t)(text + sizeof text - p));
}

/* jansson's jsonp_dtostr at precision 15 */
int sp_jw_format_real_printf(char *buf, size_t size, double v)
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

/* The fast path. For a = |v| >= 1e-4 (as a double) it looks for k in 0..18 and an integer
 * r < 1e15 with r / 10^k == a in IEEE double arithmetic. The division is correctly rounded
 * and r and 10^k (k <= 22) are exact, so a is then the double nearest the decimal
 * D = r / 10^k, which has at most 15 significant digits. Any decimal of at most 15
 * significant digits survives decimal -> nearest double -> %.15g unchanged (DBL_DIG is 15;
 * the binary value lies within half an ulp of D, less than half a step of the 15-digit
 * grid), so %.15g rounds a to D exactly, with no tie. Its exponent X is then that of D,
 * -4 <= X <= 14 (D >= 1e-4 because a >= 1e-4 and no other 15-digit decimal rounds to a;
 * D < 1e15 because r < 1e15), so %g uses the %f form with 14 - X decimals, and the
 * trailing zeros go: the text is D in plain notation, shortest, and jansson's ".0" follows
 * when D is whole. The sign is printed apart: %g of -a is '-' before %g of a, and -0.0 is
 * "-0" then "-0.0". Anything else (0 < a < 1e-4, a >= 1e15, longer decimals, NaN, inf)
 * returns -1 for the snprintf path. */
static const double POW10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,
                               1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

int sp_jw_format_real_fast(char *buf, size_t size, double v)
{
    if (size < 32)
        return -1;
    char *p = buf;
    if (signbit(v))
        *p++ = '-';
    double a = fabs(v);
    if (a == 0) {
        memcpy(p, "0.0", 4);
        return (int)(p + 3 - buf);
    }
    if (!(a >= 1e-4)) /* also NaN */
        return -1;
    for (int k = 0; k < (int)(sizeof POW10 / sizeof POW10[0]); k++) {
        double t = a * POW10[k];
        if (!(t < 1e15)) /* also inf */
            return -1;
        /* t rounded to the nearest integer: 0 <= t < 2^52, so t + 2^52 lies in [2^52, 2^53)
         * where the doubles are the integers, and the subtraction is exact */
        double r = (t + 0x1p52) - 0x1p52;
        if (!(r < 1e15) || r / POW10[k] != a)
            continue;
        uint64_t n = (uint64_t)r; /* r >= 1: a >= 1e-4 and r / 10^k == a */
        int frac = k;
        while (frac > 0 && n % 10 == 0) {
            n /= 10;
            frac--;
        }
        char digits[24];
        char *d = digits + sizeof digits;
        do {
            *--d = (char)('0' + n % 10);
            n /= 10;
        } while (n);
        int nd = (int)(digits + sizeof digits - d);
        if (frac == 0) {
            memcpy(p, d, (size_t)nd);
            p += nd;
            *p++ = '.';
            *p++ = '0';
        } else if (nd > frac) {
            memcpy(p, d, (size_t)(nd - frac));
            p += nd - frac;
            *p++ = '.';
            memcpy(p, d + nd - frac, (size_t)frac);
            p += frac;
        } else {
            *p++ = '0';
            *p++ = '.';
            memset(p, '0', (size_t)(frac - nd));
            p += frac - nd;
            memcpy(p, d, (size_t)nd);
            p += nd;
        }
        *p = '\0';
        return (int)(p - buf);
    }
    return -1;
}

int sp_jw_format_real(char *buf, size_t size, double v)
{
    int n = sp_jw_format_real_fast(buf, size, v);
    return n >= 0 ? n : sp_jw_format_real_printf(buf, size, v);
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
