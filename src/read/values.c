#include "read/values.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

size_t sp_scan_number(const char *s, double *value, bool *percent)
{
    char buf[64];
    size_t b = 0, i = 0;
    if (s[i] == '+' || s[i] == '-')
        buf[b++] = s[i++];
    if (s[i] == '\xc2' && s[i + 1] == '\xa3') /* £ */
        i += 2;
    size_t int_digits = 0, group = 0;
    bool grouped = false;
    while (isdigit((unsigned char)s[i]) || (s[i] == ',' && int_digits > 0)) {
        if (s[i] == ',') {
            /* a thousands separator is followed by exactly three digits */
            if (!(isdigit((unsigned char)s[i + 1]) && isdigit((unsigned char)s[i + 2]) &&
                  isdigit((unsigned char)s[i + 3]) && !isdigit((unsigned char)s[i + 4])) ||
                (grouped && group != 3) || (!grouped && int_digits > 3))
                break;
            grouped = true;
            group = 0;
            i++;
            continue;
        }
        if (b >= sizeof buf - 8)
            return 0;
        buf[b++] = s[i++];
        int_digits++;
        group++;
    }
    if (s[i] == '.' && isdigit((unsigned char)s[i + 1])) {
        buf[b++] = s[i++];
        while (isdigit((unsigned char)s[i])) {
            if (b >= sizeof buf - 2)
                return 0;
            buf[b++] = s[i++];
        }
    } else if (int_digits == 0) {
        return 0;
    }
    if (int_digits == 0 && buf[b - 1] == '.')
        return 0;
    buf[b] = '\0';
    /* strtod reads '.' as the decimal point: sendpack never calls setlocale(LC_NUMERIC). */
    *value = strtod(buf, NULL);
    bool pct = false;
    size_t j = i;
    while (s[j] == ' ')
        j++;
    if (s[j] == '%') {
        pct = true;
        i = j + 1;
    }
    if (percent)
        *percent = pct;
    return i;
}

bool sp_parse_number_cell(const char *s, double *value, char *err, size_t errlen)
{
    bool pct;
    size_t n = sp_scan_number(s, value, &pct);
    const char *rest = s + n;
    while (*rest == ' ')
        rest++;
    static const char *const units[] = {"", "days", "day", "weeks", "week", "per 10,000", "per 10000"};
    bool ok = n > 0;
    if (ok) {
        ok = false;
        for (size_t k = 0; k < sizeof units / sizeof *units && !ok; k++)
            ok = sp_ieq(rest, units[k]);
    }
    if (!ok) {
        if (strchr(s, ',') && n > 0)
            snprintf(err, errlen, "'%s' is not a number: use a point for decimals (17.5), not a comma", s);
        else
            snprintf(err, errlen, "'%s' is not a number", s);
        return false;
    }
    return true;
}

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n')
        s++;
    return s;
}

const char *sp_split_note(sp_arena *a, const char *s, const char **note)
{
    *note = "";
    size_t n = strlen(s);
    if (n < 3 || s[n - 1] != ')')
        return s;
    const char *open = strrchr(s, '(');
    if (!open || open == s)
        return s;
    size_t base = (size_t)(open - s), inner = n - base - 2;
    const char *in = sp_trim(open + 1, &inner);
    *note = sp_arena_strndup(a, in, inner);
    while (base && (s[base - 1] == ' ' || s[base - 1] == '\t'))
        base--;
    return sp_arena_strndup(a, s, base);
}

bool sp_note_says_projected(const char *note)
{
    static const char *const words[] = {"projected", "projection", "forecast", "forecasted", "estimated", "estimate"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (sp_ifind_word(note, words[i]))
            return true;
    return false;
}

bool sp_parse_value_cell(sp_arena *a, const char *s, sp_value_cell *out, char *err, size_t errlen)
{
    const char *number = sp_split_note(a, s, &out->note);
    if (!sp_parse_number_cell(number, &out->value, err, errlen)) {
        if (out->note[0]) /* the whole cell, as written */
            snprintf(err, errlen, "'%s' is not a number (a note may follow it in brackets: 1.07%% (projected))", s);
        return false;
    }
    out->percent = strchr(number, '%') != NULL;
    out->projected = sp_note_says_projected(out->note);
    return true;
}

static const char *rest_words(sp_arena *a, const char *s)
{
    s = skip_spaces(s);
    while (*s == '.' || *s == ',' || *s == ';' || *s == '-' || *s == ':')
        s = skip_spaces(s + 1);
    size_t n = strlen(s);
    s = sp_trim(s, &n);
    return n ? sp_arena_strndup(a, s, n) : NULL;
}

void sp_parse_baseline(sp_arena *a, const char *s, sp_baseline *out)
{
    memset(out, 0, sizeof *out);
    out->text = s;
    bool pct;
    size_t n = sp_scan_number(s, &out->value, &pct);
    if (n == 0)
        return; /* "In development", "N/A", "Establish baseline", "": not yet set */
    const char *rest = skip_spaces(s + n);
    if (*rest && isalpha((unsigned char)*rest) && !sp_ieqn(rest, "per ", 4) && !sp_ieqn(rest, "weeks", 5) &&
        !sp_ieqn(rest, "days", 4)) {
        /* "2 focus areas": words, not a measured baseline */
        out->value = 0;
        return;
    }
    out->set = true;
    if (*rest == '(') {
        const char *close = strrchr(rest, ')');
        size_t len = close ? (size_t)(close - rest - 1) : strlen(rest + 1);
        const char *inner = sp_trim(rest + 1, &len);
        out->note = len ? sp_arena_strndup(a, inner, len) : NULL;
    } else {
        out->note = rest_words(a, rest);
    }
}

/* "Reduction by 5%", "Increase on baseline of at least 20%", "Reduce by 2pp": a change word,
 * then words without digits or a full stop, then the amount. */
static bool change_phrase(const char *s, int *sign, const char **amount)
{
    static const struct {
        const char *word;
        int sign;
    } words[] = {{"reduction", -1}, {"reduce", -1},  {"decrease", -1},    {"lower", -1},
                 {"increase", +1},  {"improve", +1}, {"improvement", +1}, {"raise", +1}};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k].word);
        if (!sp_ieqn(s, words[k].word, n) || isalpha((unsigned char)s[n]))
            continue;
        const char *p = s + n;
        for (int limit = 0; *p && limit < 80; p++, limit++) {
            if (isdigit((unsigned char)*p) || ((*p == '+' || *p == '-') && isdigit((unsigned char)p[1])))
                break;
            if (*p == '.' || *p == '\n')
                return false;
        }
        if (!isdigit((unsigned char)*p) && !((*p == '+' || *p == '-') && isdigit((unsigned char)p[1])))
            return false;
        *sign = words[k].sign;
        *amount = p;
        return true;
    }
    return false;
}

/* After an amount: "pp", "percentage points", "% points" make it percentage points. */
static size_t points_suffix(const char *s)
{
    const char *p = skip_spaces(s);
    if (sp_ieqn(p, "pp", 2) && !isalpha((unsigned char)p[2]))
        return (size_t)(p - s) + 2;
    if (sp_ieqn(p, "percentage points", 17))
        return (size_t)(p - s) + 17;
    if (sp_ieqn(p, "percentage point", 16))
        return (size_t)(p - s) + 16;
    return 0;
}

void sp_parse_target(sp_arena *a, const char *s, sp_target *out)
{
    out->kind = SP_TARGET_NONE;
    out->value = 0;
    out->words = NULL;
    out->text = s;
    if (!s[0])
        return;
    double v;
    bool pct;
    int sign;
    const char *amount;
    if (change_phrase(s, &sign, &amount)) {
        size_t n = sp_scan_number(amount, &v, &pct);
        size_t pp = n ? points_suffix(amount + n) : 0;
        if (n && (pct || pp)) {
            if (v < 0)
                v = -v;
            out->kind = pp ? SP_TARGET_POINTS : SP_TARGET_RELATIVE;
            out->value = sign * v;
            out->words = rest_words(a, amount + n + pp);
            return;
        }
    }
    if (s[0] == '+' || s[0] == '-') {
        size_t n = sp_scan_number(s, &v, &pct);
        size_t pp = n ? points_suffix(s + n) : 0;
        if (n && (pct || pp)) {
            out->kind = pp ? SP_TARGET_POINTS : SP_TARGET_RELATIVE;
            out->value = v;
            out->words = rest_words(a, s + n + pp);
            return;
        }
    }
    size_t n = sp_scan_number(s, &v, &pct);
    if (n) {
        const char *rest = skip_spaces(s + n);
        size_t unit = 0;
        if (sp_ieqn(rest, "weeks", 5) || sp_ieqn(rest, "days", 4))
            unit = sp_ieqn(rest, "weeks", 5) ? 5 : 4;
        else if (sp_ieqn(rest, "week", 4) || sp_ieqn(rest, "day", 3))
            unit = sp_ieqn(rest, "week", 4) ? 4 : 3;
        /* "2 focus areas agreed" is a milestone that starts with a number, not a target of 2 */
        if (pct || unit || !isalpha((unsigned char)*rest)) {
            out->kind = SP_TARGET_ABSOLUTE;
            out->value = v;
            out->words = rest_words(a, rest + unit);
            return;
        }
    }
    out->kind = SP_TARGET_TEXT;
    out->words = s;
}

const char SP_STATUS_WORDS_ACCEPTED[] =
    "Blue, Green, Amber, Red, B, G, A, R, Complete, Completed, On track, Behind, Behind schedule, "
    "Not started, At risk";

bool sp_parse_status(const char *s, sp_status *out, bool *complete)
{
    static const struct {
        const char *word;
        sp_status status;
        bool complete;
    } words[] = {
        {"blue", SP_BLUE, true},       {"b", SP_BLUE, true},          {"complete", SP_BLUE, true},
        {"completed", SP_BLUE, true},  {"green", SP_GREEN, false},    {"g", SP_GREEN, false},
        {"on track", SP_GREEN, false}, {"amber", SP_AMBER, false},    {"a", SP_AMBER, false},
        {"behind", SP_AMBER, false},   {"behind schedule", SP_AMBER, false},
        {"red", SP_RED, false},        {"r", SP_RED, false},          {"not started", SP_RED, false},
        {"at risk", SP_RED, false},
    };
    *out = SP_STATUS_NONE;
    *complete = false;
    if (!s[0])
        return true;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        if (sp_ieq(s, words[k].word)) {
            *out = words[k].status;
            *complete = words[k].complete;
            return true;
        }
    }
    return false;
}

bool sp_parse_unit(const char *s, sp_unit *out)
{
    static const struct {
        const char *word;
        sp_unit unit;
    } words[] = {{"%", SP_UNIT_PERCENT},      {"percent", SP_UNIT_PERCENT}, {"percentage", SP_UNIT_PERCENT},
                 {"number", SP_UNIT_NUMBER},  {"count", SP_UNIT_NUMBER},    {"rate", SP_UNIT_RATE},
                 {"per 10,000", SP_UNIT_RATE}, {"rate per 10,000", SP_UNIT_RATE},
                 {"days", SP_UNIT_DAYS},      {"weeks", SP_UNIT_WEEKS},     {"text", SP_UNIT_TEXT}};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (sp_ieq(s, words[k].word)) {
            *out = words[k].unit;
            return true;
        }
    return false;
}

bool sp_parse_direction(const char *s, sp_direction *out)
{
    if (sp_ieq(s, "up") || sp_ieq(s, "higher") || sp_ieq(s, "higher is better") || sp_ieq(s, "increase")) {
        *out = SP_DIR_UP;
    } else if (sp_ieq(s, "down") || sp_ieq(s, "lower") || sp_ieq(s, "lower is better") || sp_ieq(s, "decrease")) {
        *out = SP_DIR_DOWN;
    } else if (sp_ieq(s, "none") || sp_ieq(s, "neutral")) {
        *out = SP_DIR_NONE;
    } else {
        return false;
    }
    return true;
}

bool sp_parse_severity(const char *s, sp_severity_level *out)
{
    if (sp_ieq(s, "high") || sp_ieq(s, "h"))
        *out = SP_SEV_HIGH;
    else if (sp_ieq(s, "medium") || sp_ieq(s, "m") || sp_ieq(s, "med"))
        *out = SP_SEV_MEDIUM;
    else if (sp_ieq(s, "low") || sp_ieq(s, "l"))
        *out = SP_SEV_LOW;
    else
        return false;
    return true;
}

bool sp_parse_qual_status(const char *s, sp_qual_status *out)
{
    if (!s[0])
        *out = SP_QS_NONE;
    else if (sp_ieq(s, "met"))
        *out = SP_QS_MET;
    else if (sp_ieq(s, "partly met") || sp_ieq(s, "partially met") || sp_ieq(s, "part met"))
        *out = SP_QS_PARTLY_MET;
    else if (sp_ieq(s, "not met"))
        *out = SP_QS_NOT_MET;
    else
        return false;
    return true;
}

bool sp_parse_yes_no(const char *s, bool *out)
{
    if (!s[0] || sp_ieq(s, "no") || sp_ieq(s, "n") || sp_ieq(s, "false") || sp_ieq(s, "0"))
        *out = false;
    else if (sp_ieq(s, "yes") || sp_ieq(s, "y") || sp_ieq(s, "true") || sp_ieq(s, "1"))
        *out = true;
    else
        return false;
    return true;
}

bool sp_parse_plan_kind(const char *s, sp_plan_kind *out)
{
    if (sp_ieq(s, "app") || sp_ieq(s, "accelerated progress plan"))
        *out = SP_KIND_APP;
    else if (sp_ieq(s, "wsoa") || sp_ieq(s, "written statement of action"))
        *out = SP_KIND_WSOA;
    else if (sp_ieq(s, "priority action plan") || sp_ieq(s, "priority"))
        *out = SP_KIND_PRIORITY;
    else
        return false;
    return true;
}
