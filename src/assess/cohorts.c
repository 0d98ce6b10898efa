/* Cohorts (assessment rules, "Cohorts"): each action's and KPI's age group from its cohort cell,
 * else areas.csv, else an age range written in its texts; whether it is in the report's cohort
 * and the dfe-nhse focus cohort, and why. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess/assess.h"
#include "util/text.h"

/* The oldest age a SEND plan covers: "18+" means 18 to 25. */
#define SEND_MAX_AGE 25
/* A range written without an age word beside it counts when it ends at 16 or later. */
#define BARE_MIN_END 16

/* Skips spaces, hyphens, en and em dashes and "to" between two ages; returns bytes skipped. */
static size_t range_separator(const char *p, bool *dash)
{
    const char *s = p;
    *dash = false;
    for (;;) {
        if (*s == ' ' || (unsigned char)*s == 0xC2) { /* space, or a no-break space's lead byte */
            s += (unsigned char)*s == 0xC2 && (unsigned char)s[1] == 0xA0 ? 2 : 1;
        } else if (*s == '-') {
            s++, *dash = true;
        } else if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
                   ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94)) {
            s += 3, *dash = true;
        } else if (sp_ieqn(s, "to ", 3) && s > p && s[-1] == ' ') {
            s += 2, *dash = true;
        } else {
            break;
        }
    }
    return (size_t)(s - p);
}

/* "18-25", "18 – 25", "18 to 25" as a whole cell -> [18, 25] */
static bool cell_range(const char *s, int *lo, int *hi)
{
    while (*s == ' ')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    char *end;
    *lo = (int)strtol(s, &end, 10);
    bool dash;
    s = end + range_separator(end, &dash);
    if (!dash || !isdigit((unsigned char)*s))
        return false;
    *hi = (int)strtol(s, &end, 10);
    return *lo <= *hi;
}

static const char *const AGE_WORDS[] = {"aged", "age", "ages", "years", "year", "year olds", "year-olds",
                                        "yrs", "young people", "young adults", "young person"};

/* An age word within a few words before [start, end) or right after it. */
static bool beside_age_word(const char *text, size_t start, size_t end)
{
    size_t from = start > 24 ? start - 24 : 0;
    for (size_t i = from; i < end + 16 && text[i]; i++) {
        if (i >= start && i < end)
            continue;
        if (i > 0 && isalpha((unsigned char)text[i - 1]))
            continue;
        for (size_t w = 0; w < sizeof AGE_WORDS / sizeof *AGE_WORDS; w++) {
            size_t len = strlen(AGE_WORDS[w]);
            if (sp_ieqn(text + i, AGE_WORDS[w], len) && !isalpha((unsigned char)text[i + len]))
                return true;
        }
    }
    return false;
}

/* Widens [start, end) over "aged " before it and " year olds" after it, for the reason. */
static void widen(const char *text, size_t *start, size_t *end)
{
    if (*start >= 5 && sp_ieqn(text + *start - 5, "aged ", 5))
        *start -= 5;
    static const char *const after[] = {" year olds", "-year-olds", " year-olds", " years old", " years"};
    for (size_t i = 0; i < sizeof after / sizeof *after; i++)
        if (sp_ieqn(text + *end, after[i], strlen(after[i]))) {
            *end += strlen(after[i]);
            break;
        }
}

bool sp_find_age_range(const char *text, size_t from, int *lo, int *hi, size_t *start, size_t *end)
{
    if (!text)
        return false;
    size_t len = strlen(text);
    for (size_t i = from; i < len; i++) {
        if (!isdigit((unsigned char)text[i]) || (i > 0 && (isalnum((unsigned char)text[i - 1]) || text[i - 1] == '.')))
            continue;
        char *e;
        long a = strtol(text + i, &e, 10);
        size_t after_a = (size_t)(e - text);
        size_t j = after_a;
        /* over 18 / 18 and over / 18+ : beside an age word only ("over 80%" is not an age) */
        bool over_before = i >= 5 && sp_ieqn(text + i - 5, "over ", 5);
        bool plus = text[j] == '+';
        bool and_over = sp_ieqn(text + j, " and over", 9) || sp_ieqn(text + j, " and above", 10);
        if ((over_before || plus || and_over) && a <= SEND_MAX_AGE && text[j + plus] != '%') {
            size_t s = over_before ? i - 5 : i;
            size_t t = plus ? j + 1 : and_over ? j + (sp_ieqn(text + j, " and over", 9) ? 9 : 10) : j;
            if (beside_age_word(text, s, t)) {
                *lo = (int)a, *hi = SEND_MAX_AGE, *start = s, *end = t;
                widen(text, start, end);
                return true;
            }
        }
        bool dash;
        j += range_separator(text + j, &dash);
        if (!dash || !isdigit((unsigned char)text[j]))
            continue;
        long b = strtol(text + j, &e, 10);
        size_t k = (size_t)(e - text);
        if (a > b || b > SEND_MAX_AGE || text[k] == '%' || isalpha((unsigned char)text[k]) ||
            ((text[k] == '.' || text[k] == '/') && isdigit((unsigned char)text[k + 1])))
            continue;
        /* a bare range ("19-25") must reach the ages a SEND plan's young people are: "1-2 weeks"
         * or "£5-10" is not an age group, but "0-5" beside "early years" is */
        if (b < BARE_MIN_END && !beside_age_word(text, i, k))
            continue;
        *lo = (int)a, *hi = (int)b, *start = i, *end = k;
        widen(text, start, end);
        return true;
    }
    return false;
}

static bool range_qualifies(int a0, int a1, int b0, int b1, int min_start)
{
    return a0 <= b1 && b0 <= a1 && a0 >= (b0 < min_start ? b0 : min_start);
}

bool sp_cohort_matches(const char *cohort, const char *filter, int min_start)
{
    if (!filter || !filter[0])
        return true;
    if (!cohort || !cohort[0])
        return false;
    int a0, a1, b0, b1;
    if (!cell_range(filter, &b0, &b1))
        return sp_ieq(cohort, filter);
    if (cell_range(cohort, &a0, &a1))
        return range_qualifies(a0, a1, b0, b1, min_start);
    size_t s, e;
    for (size_t from = 0; sp_find_age_range(cohort, from, &a0, &a1, &s, &e); from = e)
        if (range_qualifies(a0, a1, b0, b1, min_start))
            return true;
    return sp_ieq(cohort, filter);
}

typedef struct source {
    const char *label; /* "area title" */
    const char *text;
} source;

/* Is the item in the cohort `filter`, and why? Cell first, then areas.csv, then its texts. */
static bool in_cohort(sp_assessment *a, const char *cell, const char *area_cohort, const source *texts, int n_texts,
                      const char *filter, const char **cohort, const char **reason)
{
    int min_start = a->rules.cohort_min_start_age;
    if (cell && cell[0]) {
        *cohort = cell;
        bool in = sp_cohort_matches(cell, filter, min_start);
        if (in && filter)
            *reason = sp_arena_printf(&a->arena, "cohort: %s", cell);
        return in;
    }
    if (area_cohort && area_cohort[0]) {
        *cohort = area_cohort;
        bool in = sp_cohort_matches(area_cohort, filter, min_start);
        if (in && filter)
            *reason = sp_arena_printf(&a->arena, "areas.csv cohort: %s", area_cohort);
        return in;
    }
    int b0 = 0, b1 = 0;
    bool filter_range = filter && cell_range(filter, &b0, &b1);
    for (int i = 0; i < n_texts; i++) {
        int lo, hi;
        size_t s, e;
        for (size_t from = 0; sp_find_age_range(texts[i].text, from, &lo, &hi, &s, &e); from = e) {
            if (!*cohort)
                *cohort = sp_arena_printf(&a->arena, "%d-%d", lo, hi);
            if (filter_range && range_qualifies(lo, hi, b0, b1, min_start)) {
                *cohort = sp_arena_printf(&a->arena, "%d-%d", lo, hi);
                *reason = sp_arena_printf(&a->arena, "%s: %.*s", texts[i].label, (int)(e - s), texts[i].text + s);
                return true;
            }
        }
    }
    return !filter;
}

void sp_assess_cohorts(sp_assessment *a)
{
    const sp_plan *p = a->plan;
    const char *scope = a->rules.cohort, *focus = a->rules.focus_cohort;
    for (size_t i = 0; i < p->actions.n; i++) {
        const sp_action *act = &p->actions.items[i];
        const sp_area *area = &p->areas.items[act->area_index];
        sp_action_result *r = &a->actions[i];
        source texts[] = {{"area title", area->name}, {"outcome", act->outcome}, {"action", act->text}};
        const char *scope_reason = NULL, *focus_reason = NULL, *cohort = NULL;
        r->in_scope = in_cohort(a, act->cohort, area->cohort, texts, 3, scope, &cohort, &scope_reason);
        r->in_focus = r->in_scope && focus && in_cohort(a, act->cohort, area->cohort, texts, 3, focus, &cohort, &focus_reason);
        r->cohort = cohort;
        r->cohort_reason = focus_reason ? focus_reason : scope_reason;
        for (size_t m = act->first_milestone; m < act->first_milestone + act->n_milestones; m++) {
            a->milestones[m].in_scope = r->in_scope;
            a->milestones[m].in_focus = r->in_focus;
        }
    }
    for (size_t i = 0; i < p->kpis.n; i++) {
        const sp_kpi *k = &p->kpis.items[i];
        sp_kpi_result *r = &a->kpis[i];
        const sp_area *area = r->area_index != SP_NO_AREA ? &p->areas.items[r->area_index] : NULL;
        source texts[] = {{"area", k->area}, {"area title", area ? area->name : ""}, {"KPI", k->name}};
        const char *scope_reason = NULL, *focus_reason = NULL, *cohort = NULL;
        const char *area_cohort = area ? area->cohort : NULL;
        r->in_scope = in_cohort(a, k->cohort, area_cohort, texts, 3, scope, &cohort, &scope_reason);
        r->in_focus = r->in_scope && focus && in_cohort(a, k->cohort, area_cohort, texts, 3, focus, &cohort, &focus_reason);
        r->cohort = cohort;
        r->cohort_reason = focus_reason ? focus_reason : scope_reason;
    }
    /* A plan wholly about the focus cohort says so once instead of repeating itself. */
    const char *group = focus ? focus : scope;
    if (!group || p->actions.n + p->kpis.n == 0)
        return;
    bool all = true;
    for (size_t i = 0; i < p->actions.n && all; i++)
        all = focus ? a->actions[i].in_focus : a->actions[i].in_scope;
    for (size_t i = 0; i < p->kpis.n && all; i++)
        all = focus ? a->kpis[i].in_focus : a->kpis[i].in_scope;
    if (all)
        a->focus_whole_plan = sp_arena_printf(&a->arena,
                                              "Every action and KPI of this plan is for the %s age group, so the "
                                              "whole report is its view.", group);
}
