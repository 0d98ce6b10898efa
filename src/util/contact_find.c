/*
 * contact_find.c - phone numbers and e-mail addresses in a text as read (contact.h).
 */
#include "util/contact.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

typedef struct finder {
    const sp_ch *c;
    size_t n;
    sp_contact_span *spans;
    size_t n_spans, cap;
} finder;

static void found(finder *f, size_t first, size_t last, bool doubtful)
{
    if (f->n_spans == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 8;
        f->spans = sp_xrealloc(f->spans, f->cap * sizeof *f->spans);
    }
    f->spans[f->n_spans++] = (sp_contact_span){f->c[first].start, f->c[last].end, doubtful};
}

static bool kind_at(const finder *f, size_t i, sp_ch_kind k)
{
    return i < f->n && f->c[i].kind == k;
}

static bool cp_at(const finder *f, size_t i, uint32_t cp)
{
    return i < f->n && f->c[i].cp == cp;
}

static bool ascii_letter_at(const finder *f, size_t i, char lower)
{
    return i < f->n && (f->c[i].cp | 0x20) == (uint32_t)lower && f->c[i].kind == SP_CH_LETTER;
}

/* ---- phone numbers ----------------------------------------------------------------------- */

static bool phone_separator(sp_ch_kind k)
{
    return k == SP_CH_SPACE || k == SP_CH_DASH || k == SP_CH_DOT || k == SP_CH_BRACKET || k == SP_CH_PLUS;
}

/* The telephone word ending just before c[i], past punctuation such as ": ", "no." or "/":
 * 1 or 2 as sp_contact_phone_word, 0 when none. */
static int phone_word_before(const finder *f, size_t i)
{
    for (int words = 0; words < 2; words++) {
        size_t j = i, gap = 0;
        while (j > 0 && gap < 4 && f->c[j - 1].kind != SP_CH_LETTER && f->c[j - 1].kind != SP_CH_DIGIT &&
               f->c[j - 1].kind != SP_CH_AT)
            j--, gap++;
        size_t end = j;
        char w[12];
        while (j > 0 && f->c[j - 1].kind == SP_CH_LETTER && end - j < sizeof w)
            j--;
        if (j == end || (j > 0 && f->c[j - 1].kind == SP_CH_LETTER))
            return 0;
        for (size_t k = j; k < end; k++)
            w[k - j] = f->c[k].cp < 0x80 ? (char)(f->c[k].cp | 0x20) : '?';
        size_t wn = end - j;
        int kind = sp_contact_phone_word(w, wn);
        if (kind)
            return kind;
        /* "Tel no. 960001", "phone number: 960001" */
        bool no = (wn == 2 && memcmp(w, "no", 2) == 0) || (wn == 6 && memcmp(w, "number", 6) == 0) ||
                  (wn == 3 && memcmp(w, "num", 3) == 0);
        if (!no)
            return 0;
        i = j;
    }
    return 0;
}

/* Is a run of `digits` digits, of `parts` numbers joined by " - ", the shape of phone numbers? */
static bool phone_shaped(const finder *f, size_t first, size_t last)
{
    size_t digits = 0;
    bool lead = true;
    for (size_t i = first; i <= last + 1; i++) {
        bool end = i > last || (f->c[i].kind == SP_CH_DASH && kind_at(f, i - 1, SP_CH_SPACE) &&
                                kind_at(f, i + 1, SP_CH_SPACE));
        if (end) {
            if (digits < 10 || digits > 13 || !lead)
                return false;
            digits = 0;
            continue;
        }
        if (f->c[i].kind == SP_CH_DIGIT) {
            if (digits == 0)
                lead = f->c[i].cp == '0' || (i > 0 && f->c[i - 1].kind == SP_CH_PLUS);
            digits++;
        }
    }
    return true;
}

/* The run of digits starting at c[i]; returns where reading goes on. */
static size_t phone_at(finder *f, size_t i)
{
    size_t k = i, last = i, digits = 0;
    while (k < f->n && (f->c[k].kind == SP_CH_DIGIT || phone_separator(f->c[k].kind))) {
        if (f->c[k].kind == SP_CH_DIGIT)
            digits++, last = k;
        k++;
    }
    size_t first = i;
    if (first > 0 && f->c[first - 1].kind == SP_CH_PLUS)
        first--;
    int depth = 0;
    for (size_t j = first; j <= last; j++)
        depth += f->c[j].cp == '(' ? 1 : f->c[j].cp == ')' ? -1 : 0;
    if (depth < 0 && first > 0 && f->c[first - 1].cp == '(') /* "(01733) 747 474" */
        first--;
    else if (depth > 0 && cp_at(f, last + 1, ')')) /* "01632 (960001)" */
        last++;
    int word = digits >= 10 ? 0 : phone_word_before(f, first);
    if (digits >= 10 || (word == 1 && digits >= 6) || (word == 2 && digits >= 3))
        found(f, first, last, digits >= 10 && !phone_shaped(f, i, last));
    return last + 1;
}

/* ---- e-mail addresses -------------------------------------------------------------------- */

typedef enum { AT_TIGHT, AT_SPACED, AT_BRACKET, AT_WORD } at_form;

static bool opening(uint32_t cp)
{
    return cp == '(' || cp == '[' || cp == '{' || cp == '<';
}

static bool closing(uint32_t cp)
{
    return cp == ')' || cp == ']' || cp == '}' || cp == '>';
}

static size_t skip_spaces(const finder *f, size_t i)
{
    while (kind_at(f, i, SP_CH_SPACE))
        i++;
    return i;
}

/* "[at]", "( at )", "<AT>" starting at c[i] with the given word: its end, or 0. */
static size_t bracketed_word(const finder *f, size_t i, const char *w)
{
    if (!(i < f->n && opening(f->c[i].cp)))
        return 0;
    size_t j = skip_spaces(f, i + 1);
    for (; *w; w++, j++)
        if (!ascii_letter_at(f, j, *w))
            return 0;
    j = skip_spaces(f, j);
    return j < f->n && closing(f->c[j].cp) ? j + 1 : 0;
}

/* An @ in any form at c[i]: its end and form, or 0. */
static size_t at_sign(const finder *f, size_t i, at_form *form)
{
    *form = AT_TIGHT;
    if (f->c[i].kind == SP_CH_AT)
        return i + 1;
    if (f->c[i].cp == '%' && cp_at(f, i + 1, '4') && cp_at(f, i + 2, '0'))
        return i + 3;
    size_t e = bracketed_word(f, i, "at");
    if (e) {
        *form = AT_BRACKET;
        return e;
    }
    if (ascii_letter_at(f, i, 'a') && ascii_letter_at(f, i + 1, 't') && i > 0 && f->c[i - 1].kind == SP_CH_SPACE &&
        kind_at(f, i + 2, SP_CH_SPACE)) {
        *form = AT_WORD;
        return i + 2;
    }
    return 0;
}

static bool local_char(const sp_ch *c)
{
    return c->kind == SP_CH_LETTER || c->kind == SP_CH_DIGIT || c->kind == SP_CH_DOT || c->kind == SP_CH_DASH ||
           c->kind == SP_CH_PLUS || c->cp == '_' || c->cp == '%' || c->cp == '\'';
}

static bool label_char(const sp_ch *c)
{
    return c->kind == SP_CH_LETTER || c->kind == SP_CH_DIGIT || c->kind == SP_CH_DASH;
}

typedef struct domain {
    size_t end;         /* one past its last character */
    size_t dots;
    bool letter_at_end; /* its last part has a letter */
    bool www;           /* begins "www." (a web address) */
} domain;

/* A dot between two parts of a domain at c[i]: ".", "[dot]", "( dot )" and, where `words`,
 * " dot ": its end, or 0. */
static size_t domain_dot(const finder *f, size_t i, bool words)
{
    if (kind_at(f, i, SP_CH_DOT))
        return i + 1;
    size_t j = skip_spaces(f, i);
    size_t e = bracketed_word(f, j, "dot");
    if (e)
        return skip_spaces(f, e);
    if (words && j > i && ascii_letter_at(f, j, 'd') && ascii_letter_at(f, j + 1, 'o') &&
        ascii_letter_at(f, j + 2, 't') && kind_at(f, j + 3, SP_CH_SPACE))
        return skip_spaces(f, j + 3);
    return 0;
}

static domain domain_at(const finder *f, size_t i, bool words)
{
    domain d = {0};
    size_t j = i, part_start = i;
    d.end = i;
    while (j < f->n) {
        if (!(f->c[j].kind == SP_CH_LETTER || f->c[j].kind == SP_CH_DIGIT))
            break; /* a part begins with a letter or digit */
        part_start = j;
        bool letter = false;
        while (j < f->n && label_char(&f->c[j]))
            letter |= f->c[j].kind == SP_CH_LETTER, j++;
        size_t end = j;
        while (end > part_start && f->c[end - 1].kind == SP_CH_DASH)
            end--;
        d.end = end;
        d.letter_at_end = letter;
        if (part_start == i && end - i == 3 && ascii_letter_at(f, i, 'w') && ascii_letter_at(f, i + 1, 'w') &&
            ascii_letter_at(f, i + 2, 'w'))
            d.www = true;
        size_t after = domain_dot(f, end, words);
        if (!after || !(after < f->n && (f->c[after].kind == SP_CH_LETTER || f->c[after].kind == SP_CH_DIGIT)))
            break;
        d.dots++;
        j = after;
    }
    return d;
}

/* The e-mail address around an @ in any form at c[at..at_end): returns where reading goes on. */
static size_t email_at(finder *f, size_t at, size_t at_end, at_form form)
{
    size_t l = at;
    while (l > 0 && f->c[l - 1].kind == SP_CH_SPACE)
        l--;
    size_t local_end = l;
    bool local_mark = false; /* a dot, '_' or digit: the look of an address's local part */
    /* at most twice the 64 characters an address's local part may have, so a text of a million
     * "x%40" is read in one pass, not a million */
    while (l > 0 && local_end - l < 128 && local_char(&f->c[l - 1]))
        l--;
    while (l < local_end && !(f->c[l].kind == SP_CH_LETTER || f->c[l].kind == SP_CH_DIGIT))
        l++;
    for (size_t k = l; k < local_end; k++)
        local_mark |= f->c[k].kind == SP_CH_DOT || f->c[k].kind == SP_CH_DIGIT || f->c[k].cp == '_';
    size_t d0 = skip_spaces(f, at_end);
    if (form == AT_TIGHT && (local_end != at || d0 != at_end))
        form = AT_SPACED;
    if (l == local_end)
        return at_end;
    domain d = domain_at(f, d0, form == AT_WORD || form == AT_BRACKET);
    if (d.end == d0)
        return at_end;
    bool dotted = d.dots && d.letter_at_end;
    bool ok = form == AT_TIGHT || form == AT_BRACKET || (form == AT_SPACED && dotted) ||
              (form == AT_WORD && dotted && local_mark && !d.www && !cp_at(f, d.end, '/'));
    if (!ok)
        return at_end;
    found(f, l, d.end - 1, !dotted);
    return d.end;
}

/* ---- the text ---------------------------------------------------------------------------- */

static int by_start(const void *a, const void *b)
{
    const sp_contact_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

sp_contact_span *sp_contact_find(const char *s, size_t n, size_t *count)
{
    finder f = {0};
    f.c = sp_contact_read(s, n, &f.n);
    for (size_t i = 0; i < f.n;) {
        if (f.c[i].kind == SP_CH_DIGIT) {
            i = phone_at(&f, i);
            continue;
        }
        i++;
    }
    for (size_t i = 0; i < f.n; i++) {
        at_form form;
        size_t e = at_sign(&f, i, &form);
        if (e)
            i = email_at(&f, i, e, form) - 1;
    }
    free((void *)f.c);
    if (f.n_spans > 1)
        qsort(f.spans, f.n_spans, sizeof *f.spans, by_start);
    size_t m = 0;
    for (size_t i = 0; i < f.n_spans; i++) {
        if (m && f.spans[i].start <= f.spans[m - 1].end) {
            if (f.spans[i].end > f.spans[m - 1].end)
                f.spans[m - 1].end = f.spans[i].end;
            f.spans[m - 1].doubtful &= f.spans[i].doubtful;
            continue;
        }
        f.spans[m++] = f.spans[i];
    }
    *count = m;
    return f.spans;
}

bool sp_contact_in(const char *s)
{
    if (!s || !sp_contact_possible(s))
        return false;
    size_t n;
    sp_contact_span *spans = sp_contact_find(s, strlen(s), &n);
    free(spans);
    return n > 0;
}
