/*
 * contact_read.c - a text as a person reads it, for finding contact details (contact.h).
 */
#include "util/contact.h"

#include <string.h>
#include <utf8proc.h>

#include "util/arena.h"

/* sp_ch_kind_of for ASCII (checked against it by tests/unit/test_redact.c) */
const uint8_t SP_ASCII_KIND[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    3, 0, 0, 0, 0, 0, 0, 0, 6, 6, 0, 7, 0, 4, 5, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    8, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 6, 0, 6, 0, 0,
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 6, 0, 6, 0, 0,
};

sp_ch_kind sp_ch_kind_of(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp >= '0' && cp <= '9')
            return SP_CH_DIGIT;
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
            return SP_CH_LETTER;
        switch (cp) {
        case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
            return SP_CH_SPACE;
        case '-':
            return SP_CH_DASH;
        case '.':
            return SP_CH_DOT;
        case '(': case ')': case '[': case ']': case '{': case '}':
            return SP_CH_BRACKET;
        case '+':
            return SP_CH_PLUS;
        case '@':
            return SP_CH_AT;
        default:
            return SP_CH_OTHER;
        }
    }
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return SP_CH_SPACE;
    if (cp == 0x2212)
        return SP_CH_DASH;
    if (cp == 0x3002 || cp == 0xB7)
        return SP_CH_DOT;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_ND:
        return SP_CH_DIGIT;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return SP_CH_LETTER;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return SP_CH_SPACE;
    case UTF8PROC_CATEGORY_PD:
        return SP_CH_DASH;
    default:
        return SP_CH_OTHER;
    }
}

enum { MAX_FORM = 32 }; /* utf8proc's longest compatibility form is 18 code points */

/* The next written character of s[i..n): its bytes in *len, its code points as read in form[]
 * (none for an invisible one). */
static int read_one(const unsigned char *s, size_t n, size_t i, size_t *len, uint32_t form[MAX_FORM])
{
    if (s[i] < 0x80) {
        *len = 1;
        /* other control characters are invisible on every page */
        if (s[i] < 0x20 && !(s[i] >= '\t' && s[i] <= '\r'))
            return 0;
        if (s[i] == 0x7F)
            return 0;
        form[0] = s[i];
        return 1;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
        *len = 1;
        form[0] = 0xFFFD;
        return 1;
    }
    *len = (size_t)k;
    if ((cp >= 0x80 && cp < 0xA0)) /* C1 controls */
        return 0;
    utf8proc_int32_t out[MAX_FORM];
    int last = 0;
    utf8proc_ssize_t m = utf8proc_decompose_char(cp, out, MAX_FORM, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_IGNORE, &last);
    if (m < 0 || m > MAX_FORM) {
        form[0] = (uint32_t)cp;
        return 1;
    }
    for (utf8proc_ssize_t j = 0; j < m; j++)
        form[j] = (uint32_t)out[j];
    return (int)m;
}

sp_ch *sp_contact_read(const char *text, size_t n, size_t *count)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t cap = n + 16, m = 0;
    sp_ch *out = sp_xmalloc(cap * sizeof *out);
    for (size_t i = 0; i < n;) {
        uint32_t form[MAX_FORM];
        size_t len;
        int k = read_one(s, n, i, &len, form);
        if (m + (size_t)k > cap) {
            cap = cap * 2 + (size_t)k;
            out = sp_xrealloc(out, cap * sizeof *out);
        }
        for (int j = 0; j < k; j++)
            out[m++] = (sp_ch){form[j], (uint32_t)i, (uint32_t)(i + len), (uint8_t)sp_ch_kind_of(form[j])};
        i += len;
    }
    *count = m;
    return out;
}

/* The telephone words of contact.h, in lower case: 1 when six digits may follow, 2 for three. */
int sp_contact_phone_word(const char *w, size_t n)
{
#define IS(word) (n == sizeof word - 1 && memcmp(w, word, n) == 0)
    switch (w[0]) {
    case 't': return IS("tel") || IS("telephone") || IS("telno") || IS("tele");
    case 'p': return IS("phone") || IS("ph");
    case 'm': return IS("mobile") || IS("mob");
    case 'f': return IS("fax");
    case 'e': return (IS("ext") || IS("extn") || IS("extension")) ? 2 : 0;
    default: return 0;
    }
#undef IS
}

/* ASCII text with no '@' or '%' and under three digits can hold only "name at example.org" or
 * "name[at]example": does it have the word "at"? (a loop simple enough to be vectorised) */
static bool plain_ascii_without_at(const unsigned char *s, size_t n)
{
    unsigned digits = 0, special = 0;
    for (size_t i = 0; i < n; i++) {
        digits += (unsigned)(s[i] - '0') < 10;
        special |= (s[i] >= 0x7F) | (s[i] < 0x20) | (s[i] == '@') | (s[i] == '%'); /* controls: invisible */
    }
    if (special || digits >= 3)
        return false;
    for (size_t i = 0; i + 1 < n; i++)
        if ((s[i] | 0x20) == 'a' && (s[i + 1] | 0x20) == 't' && (i == 0 || SP_ASCII_KIND[s[i - 1]] != SP_CH_LETTER) &&
            (i + 2 == n || SP_ASCII_KIND[s[i + 2]] != SP_CH_LETTER))
            return false;
    return true;
}

bool sp_contact_possible(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text), digits = 0;
    if (plain_ascii_without_at(s, n))
        return false;
    bool at_word = false, bracket = false, dot_after_at_word = false, phone_word = false;
    char word[12];
    size_t wn = 0;           /* letters of the word being read, lower case (past sizeof word: too long) */
    uint32_t p1 = 0, p2 = 0; /* the two characters before, as read */
    for (size_t i = 0; i <= n;) {
        uint32_t form[MAX_FORM];
        size_t len = 1;
        int k = 1;
        if (i == n)
            form[0] = ' '; /* the last word ends */
        else if (s[i] >= 0x20 && s[i] < 0x7F)
            form[0] = s[i]; /* most of every text */
        else
            k = read_one(s, n, i, &len, form);
        for (int j = 0; j < k; j++) {
            uint32_t c = form[j];
            sp_ch_kind kind = c < 0x80 ? (sp_ch_kind)SP_ASCII_KIND[c] : sp_ch_kind_of(c);
            if (kind == SP_CH_LETTER) {
                if (wn < sizeof word)
                    word[wn] = (char)(c < 0x80 ? (c | 0x20) : '?');
                wn++;
            } else {
                if (wn >= 2) { /* a word ends */
                    if (wn == 2 && word[0] == 'a' && word[1] == 't')
                        at_word = true;
                    else if (wn == 3 && at_word && memcmp(word, "dot", 3) == 0) /* "at example dot org" */
                        dot_after_at_word = true;
                    else if (wn <= 9 && sp_contact_phone_word(word, wn))
                        phone_word = true;
                }
                wn = 0;
                if (kind == SP_CH_DIGIT) {
                    digits++;
                    if (c == '0' && p1 == '4' && p2 == '%')
                        return true;
                } else if (kind == SP_CH_AT) {
                    return true;
                } else if (kind == SP_CH_BRACKET || c == '<' || c == '>') {
                    bracket = true;
                } else if (kind == SP_CH_DOT && at_word) {
                    dot_after_at_word = true;
                }
            }
            p2 = p1, p1 = c;
        }
        i += len;
    }
    return digits >= 10 || (phone_word && digits >= 3) || (at_word && (bracket || dot_after_at_word));
}
