#include "read/dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/* Month words, longest first where one is a prefix of another. */
static const struct {
    const char *word;
    int month;
} MONTH_WORDS[] = {
    {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},   {"may", 5},      {"june", 6},
    {"july", 7},    {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"sept", 9},    {"jan", 1},      {"feb", 2},       {"mar", 3},     {"apr", 4},      {"jun", 6},
    {"jul", 7},     {"aug", 8},      {"sep", 9},       {"oct", 10},    {"nov", 11},     {"dec", 12},
};

/* Matches a month word at s (the whole alphabetic run). Returns the month or 0. */
static int month_word(const char *s, size_t *len)
{
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    for (size_t i = 0; i < sizeof MONTH_WORDS / sizeof *MONTH_WORDS; i++) {
        if (strlen(MONTH_WORDS[i].word) == n && sp_ieqn(s, MONTH_WORDS[i].word, n)) {
            *len = n;
            return MONTH_WORDS[i].month;
        }
    }
    return 0;
}

static size_t digits(const char *s, int *value)
{
    size_t n = 0;
    int v = 0;
    while (n < 9 && isdigit((unsigned char)s[n]))
        v = v * 10 + (s[n++] - '0');
    if (isdigit((unsigned char)s[n]))
        return 0; /* too long to be part of a date */
    *value = v;
    return n;
}

/* A year after a month word: 4 digits, or 2 digits meaning 20yy. */
static size_t year_at(const char *s, int *year)
{
    int v;
    size_t n = digits(s, &v);
    if (n == 4) {
        *year = v;
        return 4;
    }
    if (n == 2) {
        *year = 2000 + v;
        return 2;
    }
    return 0;
}

static bool boundary_before(const char *s, size_t i)
{
    return i == 0 || !isalnum((unsigned char)s[i - 1]);
}

#define FAIL(...) (snprintf(err, errlen, __VA_ARGS__), -1)

int sp_scan_dates(const char *s, sp_date_token *out, int max, char *err, size_t errlen)
{
    int count = 0;
    size_t i = 0;
    while (s[i]) {
        unsigned char c = (unsigned char)s[i];
        if (!boundary_before(s, i) || !isalnum(c)) {
            i++;
            continue;
        }
        sp_date_token t = {.start = i};
        bool found = false;
        if (isdigit(c)) {
            int a;
            size_t na = digits(s + i, &a);
            size_t j = i + na;
            if (na == 4 && s[j] == '-' && isdigit((unsigned char)s[j + 1])) {
                /* ISO: 2022-12-31 or 2022-12 */
                int m, d = 0;
                size_t nm = digits(s + j + 1, &m);
                size_t k = j + 1 + nm;
                if (nm == 2 && s[k] == '-' && isdigit((unsigned char)s[k + 1])) {
                    size_t nd = digits(s + k + 1, &d);
                    if (nd != 2)
                        return FAIL("'%s' is not a date: write 2022-12-31", s);
                    k += 1 + nd;
                } else if (nm != 2) {
                    goto words;
                }
                if (m < 1 || m > 12 || (d && !sp_date_valid_ymd(a, m, d)))
                    return FAIL("'%.*s' is not a valid date", (int)(k - i), s + i);
                if (!sp_date_valid_ymd(a, m, 1))
                    return FAIL("'%.*s' is outside the years 1900-2199", (int)(k - i), s + i);
                t.has_day = d != 0;
                t.date = d ? sp_date_from_ymd(a, m, d) : sp_date_from_ymd(a, m, sp_days_in_month(a, m));
                t.end = k;
                found = true;
            } else if ((na == 1 || na == 2) && (s[j] == '/' || s[j] == '.') && isdigit((unsigned char)s[j + 1])) {
                /* 31/12/2022 or 31/12/22 */
                char sep = s[j];
                int b, y;
                size_t nb = digits(s + j + 1, &b);
                size_t k = j + 1 + nb;
                if ((nb != 1 && nb != 2) || s[k] != sep || !isdigit((unsigned char)s[k + 1]))
                    goto words;
                size_t ny = digits(s + k + 1, &y);
                if (ny != 2 && ny != 4)
                    return FAIL("'%.*s' is not a date: write the year with 2 or 4 digits", (int)(k + 1 + ny - i), s + i);
                if (ny == 2)
                    y += 2000;
                size_t end = k + 1 + ny;
                if (b > 12 && a <= 12)
                    return FAIL("'%.*s' looks like US month/day order: write day/month/year, e.g. %02d/%02d/%04d",
                                (int)(end - i), s + i, b, a, y);
                if (!sp_date_valid_ymd(y, b, a))
                    return FAIL("'%.*s' is not a valid day/month/year date", (int)(end - i), s + i);
                t.has_day = true;
                t.date = sp_date_from_ymd(y, b, a);
                t.end = end;
                found = true;
            } else if (na == 1 || na == 2) {
                /* 31 December 2022, 1st May 2021 */
                size_t k = j;
                if (isalpha((unsigned char)s[k]) && isalpha((unsigned char)s[k + 1]) &&
                    (sp_ieqn(s + k, "st", 2) || sp_ieqn(s + k, "nd", 2) || sp_ieqn(s + k, "rd", 2) ||
                     sp_ieqn(s + k, "th", 2)) &&
                    !isalpha((unsigned char)s[k + 2]))
                    k += 2;
                if (s[k] != ' ')
                    goto words;
                while (s[k] == ' ')
                    k++;
                size_t ml;
                int m = month_word(s + k, &ml);
                if (!m)
                    goto words;
                k += ml;
                if (s[k] == '.')
                    k++;
                if (s[k] != ' ' && s[k] != ',')
                    goto words;
                while (s[k] == ' ' || s[k] == ',')
                    k++;
                int y;
                size_t ny = year_at(s + k, &y);
                if (!ny)
                    goto words;
                if (!sp_date_valid_ymd(y, m, a))
                    return FAIL("'%.*s' is not a valid date", (int)(k + ny - i), s + i);
                t.has_day = true;
                t.date = sp_date_from_ymd(y, m, a);
                t.end = k + ny;
                found = true;
            }
        } else {
            /* December 2022, Dec 22, Sept 2022 */
            size_t ml;
            int m = month_word(s + i, &ml);
            if (m) {
                size_t k = i + ml;
                if (s[k] == '.')
                    k++;
                if (s[k] == ' ' || s[k] == '-' || s[k] == '\'') {
                    while (s[k] == ' ' || s[k] == '-' || s[k] == '\'')
                        k++;
                    int y;
                    size_t ny = year_at(s + k, &y);
                    if (ny && !isalnum((unsigned char)s[k + ny]) &&
                        !(s[k + ny] == '/' && isdigit((unsigned char)s[k + ny + 1]))) {
                        if (!sp_date_valid_ymd(y, m, 1))
                            return FAIL("'%.*s' is outside the years 1900-2199", (int)(k + ny - i), s + i);
                        t.has_day = false;
                        t.date = sp_date_from_ymd(y, m, sp_days_in_month(y, m));
                        t.end = k + ny;
                        found = true;
                    }
                }
            }
        }
    words:
        if (found) {
            if (count < max)
                out[count] = t;
            count++;
            i = t.end;
        } else {
            while (isalnum((unsigned char)s[i]))
                i++;
        }
    }
    return count < max ? count : max;
}

/* True when s has letters or digits outside the given date tokens. */
static bool words_outside(const char *s, const sp_date_token *t, int n)
{
    size_t i = 0;
    for (int k = 0; k <= n; k++) {
        size_t stop = k < n ? t[k].start : strlen(s);
        for (; i < stop; i++)
            if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
                return true;
        if (k < n)
            i = t[k].end;
    }
    return false;
}

#define MAX_TOKENS 16

bool sp_parse_date_cell(const char *s, sp_date *out, bool *has_words, char *err, size_t errlen)
{
    *out = SP_NO_DATE;
    if (has_words)
        *has_words = false;
    if (!s[0])
        return true;
    sp_date_token t[MAX_TOKENS];
    int n = sp_scan_dates(s, t, MAX_TOKENS, err, errlen);
    if (n < 0)
        return false;
    if (n == 0) {
        snprintf(err, errlen, "'%s' is not a date: write a UK date such as 31/12/2022, 31 Dec 2022 or Dec 2022", s);
        return false;
    }
    sp_date latest = t[0].date;
    for (int k = 1; k < n; k++)
        if (t[k].date > latest)
            latest = t[k].date;
    *out = latest;
    if (has_words)
        *has_words = n > 1 || words_outside(s, t, n);
    return true;
}

/* A recurring activity (assessment rules): "From Feb 2020", "Monthly from April 2020",
 * "Ongoing from March 2020", or a frequency word on its own ("Quarterly", "Termly"). */
static bool recurring(const char *s, const sp_date_token *t, int n, sp_deadline *out)
{
    static const char *const every[] = {"weekly", "fortnightly", "monthly", "bi-monthly", "bimonthly",
                                        "quarterly", "termly", "half-termly", "annually", "yearly", "ongoing"};
    size_t skip = 0;
    for (size_t i = 0; i < sizeof every / sizeof *every && !skip; i++) {
        size_t len = strlen(every[i]);
        if (sp_ieqn(s, every[i], len) && !isalpha((unsigned char)s[len]) && s[len] != '-')
            skip = len;
    }
    const char *rest = s + skip;
    while (*rest == ' ' || *rest == ',' || *rest == ':')
        rest++;
    bool from = sp_ieqn(rest, "from ", 5) || sp_ieqn(rest, "since ", 6);
    if (skip && !rest[0] && !sp_ieqn(s, "ongoing", 7)) {
        out->kind = SP_DUE_RECURRING; /* "Quarterly": no start given */
        return true;
    }
    if (!from || n != 1 || t[0].start < (size_t)(rest - s))
        return false;
    out->kind = SP_DUE_RECURRING;
    out->date = t[0].date;
    out->has_words = true;
    return true;
}

static int cmp_date(const void *a, const void *b)
{
    sp_date x = *(const sp_date *)a, y = *(const sp_date *)b;
    return (x > y) - (x < y);
}

bool sp_parse_deadline(const char *s, sp_deadline *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->date = out->revised = SP_NO_DATE;
    if (!s[0]) {
        out->kind = SP_DUE_NONE;
        return true;
    }
    sp_date_token t[MAX_TOKENS];
    int n = sp_scan_dates(s, t, MAX_TOKENS, err, errlen);
    if (n < 0)
        return false;
    out->has_words = words_outside(s, t, n);

    if (sp_ieqn(s, "complete", 8)) {
        out->kind = SP_DUE_COMPLETE;
        for (int k = 0; k < n; k++) /* "COMPLETE (Mar 2021)": when it was completed */
            if (out->date == SP_NO_DATE || t[k].date > out->date)
                out->date = t[k].date;
        return true;
    }
    if (recurring(s, t, n, out))
        return true;
    if (sp_ieqn(s, "ongoing", 7) && !isalpha((unsigned char)s[7])) {
        /* "Ongoing": no deadline. A date with the word after it ("September 2022 (ongoing
         * phased work)") is a deadline with a note. */
        out->kind = SP_DUE_ONGOING;
        return true;
    }
    if (sp_ieq(s, "tbc") || sp_ieq(s, "tba") || sp_ieqn(s, "tbc ", 4) || sp_ieqn(s, "to be confirmed", 15) ||
        sp_ieqn(s, "to be agreed", 12)) {
        out->kind = SP_DUE_TBC;
        return true;
    }
    if (n == 0) {
        snprintf(err, errlen,
                 "'%s' is not a deadline: write a UK date such as 31/12/2022, 31 Dec 2022 or Dec 2022, "
                 "or COMPLETE, Ongoing or TBC",
                 s);
        return false;
    }
    out->kind = SP_DUE_DATE;

    /* "May 2021 (revised from Nov 2019)": the deadline was Nov 2019, now May 2021. */
    const char *rev = NULL;
    for (const char *p = s; *p && !rev; p++)
        if (sp_ieqn(p, "revised from", 12))
            rev = p;
    if (rev) {
        size_t at = (size_t)(rev - s);
        sp_date before = SP_NO_DATE, after = SP_NO_DATE;
        for (int k = 0; k < n; k++) {
            sp_date *slot = t[k].start < at ? &before : &after;
            if (*slot == SP_NO_DATE || t[k].date > *slot)
                *slot = t[k].date;
        }
        if (before != SP_NO_DATE && after != SP_NO_DATE) {
            out->date = after;
            out->revised = before;
            return true;
        }
    }

    sp_date all[MAX_TOKENS];
    for (int k = 0; k < n; k++)
        all[k] = t[k].date;
    qsort(all, (size_t)n, sizeof *all, cmp_date);
    out->date = all[n - 1];
    for (int k = 0; k < n - 1 && out->n_interim < SP_MAX_INTERIM; k++)
        if (all[k] != out->date && (out->n_interim == 0 || out->interim[out->n_interim - 1] != all[k]))
            out->interim[out->n_interim++] = all[k];
    out->has_words = out->has_words || n > 1;
    return true;
}

bool sp_parse_period(const char *s, sp_date *start, sp_date *end, bool *quarter, char *err, size_t errlen)
{
    *quarter = false;
    int y, q;
    char tail;
    /* Calendar quarters: 2022-Q3, 2022 Q3, Q3 2022. Financial-year quarters are refused. */
    if ((sscanf(s, "%4d-Q%1d%c", &y, &q, &tail) == 2 || sscanf(s, "%4d-q%1d%c", &y, &q, &tail) == 2 ||
         sscanf(s, "%4d Q%1d%c", &y, &q, &tail) == 2) &&
        strlen(s) <= 7) {
        goto quarter_ok;
    }
    if ((s[0] == 'Q' || s[0] == 'q') && sscanf(s + 1, "%1d %4d%c", &q, &y, &tail) >= 2) {
        const char *p = s + 2;
        while (*p == ' ')
            p++;
        if (strlen(p) != 4 || !isdigit((unsigned char)p[0])) {
            snprintf(err, errlen, "'%s' is a financial-year quarter: use calendar quarters such as 2022-Q3", s);
            return false;
        }
        goto quarter_ok;
    }
    {
        sp_date_token t[2];
        int n = sp_scan_dates(s, t, 2, err, errlen);
        if (n < 0)
            return false;
        if (n != 1 || words_outside(s, t, n)) {
            snprintf(err, errlen, "'%s' is not a period: write a month (2022-07, Jul 2022) or a quarter (2022-Q3)",
                     s);
            return false;
        }
        *start = sp_date_start_of_month(t[0].date);
        *end = sp_date_end_of_month(t[0].date);
        return true;
    }
quarter_ok:
    if (q < 1 || q > 4 || y < 1900 || y > 2199) {
        snprintf(err, errlen, "'%s' is not a calendar quarter such as 2022-Q3", s);
        return false;
    }
    *quarter = true;
    *start = sp_date_from_ymd(y, (q - 1) * 3 + 1, 1);
    *end = sp_date_end_of_month(sp_date_from_ymd(y, q * 3, 1));
    return true;
}

bool sp_date_near_start(const sp_plan *p, sp_date date, const char *cell, char *err, size_t errlen)
{
    sp_date start = p->info.start;
    if (start == SP_NO_DATE || date == SP_NO_DATE || start == 0)
        return true;
    if (date >= sp_date_add_months(start, -12 * SP_DATE_RANGE_YEARS) &&
        date <= sp_date_add_months(start, 12 * SP_DATE_RANGE_YEARS))
        return true;
    int y, m, d, sy;
    sp_date_ymd(date, &y, &m, &d);
    sp_date_ymd(start, &sy, &m, &d);
    char year[8];
    snprintf(year, sizeof year, "%04d", y);
    if (!strstr(cell, year))
        snprintf(err, errlen, "'%s' reads as %d, more than %d years from the plan start (%d): write the year in full",
                 cell, y, SP_DATE_RANGE_YEARS, sy);
    else
        snprintf(err, errlen, "'%s' is more than %d years from the plan start (%d): check the year", cell,
                 SP_DATE_RANGE_YEARS, sy);
    return false;
}
