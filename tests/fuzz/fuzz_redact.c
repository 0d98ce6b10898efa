/* libFuzzer: the redactor (view/redact.h) against a simple reference matcher written here from
 * decision 16 alone. After redaction, the text read as a person does (NFKC, invisible characters
 * dropped) may hold no run of ten or more digits with only spaces, dashes, dots, brackets and '+'
 * between them, no @ (nor "%40", "[at]", "(at)") with a letter or digit directly on both sides;
 * the result is UTF-8 wherever the text was, a second redaction changes nothing, and the shortcut
 * never skips a text the full reading would change. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/contact.h"
#include "view/redact.h"

static bool is_digit(utf8proc_int32_t c)
{
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

static bool is_word(utf8proc_int32_t c)
{
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO);
}

static bool is_separator(utf8proc_int32_t c)
{
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP ||
           k == UTF8PROC_CATEGORY_PD || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0x2212 || c == '.' ||
           c == 0x3002 || c == 0xB7 || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '+';
}

/* the text as read: NFKC, default ignorables and control characters other than white space gone */
static utf8proc_int32_t *as_read(const char *s, size_t *n)
{
    utf8proc_uint8_t *nfkc = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfkc,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                          UTF8PROC_IGNORE);
    if (m < 0)
        return NULL;
    utf8proc_int32_t *out = malloc(((size_t)m + 1) * sizeof *out);
    size_t k = 0;
    for (utf8proc_ssize_t i = 0; i < m;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t len = utf8proc_iterate(nfkc + i, m - i, &c);
        i += len;
        if (utf8proc_category(c) == UTF8PROC_CATEGORY_CC && !((c >= '\t' && c <= '\r') || c == 0x85))
            continue;
        out[k++] = c;
    }
    free(nfkc);
    *n = k;
    return out;
}

static bool lower_is(utf8proc_int32_t c, char want)
{
    return c < 0x80 && (c | 0x20) == want;
}

/* What the reference finds still in t, or NULL. */
static const char *leak(const utf8proc_int32_t *t, size_t n)
{
    size_t digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_digit(t[i])) {
            if (++digits >= 10)
                return "a run of ten digits";
        } else if (!is_separator(t[i])) {
            digits = 0;
        }
        bool before = i > 0 && is_word(t[i - 1]);
        if (before && t[i] == '@' && i + 1 < n && is_word(t[i + 1]))
            return "an @ between words";
        if (before && t[i] == '%' && i + 3 < n && t[i + 1] == '4' && t[i + 2] == '0' && is_word(t[i + 3]))
            return "%40 between words";
        if (before && (t[i] == '[' || t[i] == '(') && i + 4 < n && lower_is(t[i + 1], 'a') &&
            lower_is(t[i + 2], 't') && t[i + 3] == (t[i] == '[' ? ']' : ')') && is_word(t[i + 4]))
            return "[at] between words";
    }
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    sp_arena a = {0};
    const char *out = sp_redact_contacts_text(&a, s);
    size_t count;
    free(sp_contact_find(s, strlen(s), &count));
    if (count && !sp_contact_possible(s)) {
        fprintf(stderr, "the shortcut skips a text with a contact detail\n");
        abort();
    }
    size_t n_in;
    utf8proc_int32_t *in = as_read(s, &n_in);
    if (in) { /* the input is UTF-8: so must the output be, with nothing left */
        size_t n;
        utf8proc_int32_t *t = as_read(out, &n);
        if (!t) {
            fprintf(stderr, "the redacted text is not UTF-8\n");
            abort();
        }
        const char *what = leak(t, n);
        if (what) {
            fprintf(stderr, "%s survives redaction: \"%s\"\n", what, out);
            abort();
        }
        free(t);
        free(in);
    }
    const char *again = sp_redact_contacts_text(&a, out);
    if (strcmp(again, out) != 0) {
        fprintf(stderr, "a second redaction changes \"%s\" to \"%s\"\n", out, again);
        abort();
    }
    sp_arena_free(&a);
    free(s);
    return 0;
}
