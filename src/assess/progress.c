/* Progress over the life of the plan, and a forecast finish: the burn-up, the pace (from
 * completion months, earlier packs or the plan's average) and a seeded Monte Carlo of the
 * open work, for the plan and for each area. Every sentence the report prints is made here. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess/assess.h"

void sp_forecast_rules_default(sp_forecast_rules *r)
{
    *r = SP_RULES_DEFAULT.forecast;
}

/* ---- months as integers: Jan 2022 is 2022 * 12 + 0 --------------------------------------- */

static int month_index(sp_date d)
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    return y * 12 + (m - 1);
}

static sp_date month_end(int index)
{
    int y = index / 12, m = index % 12 + 1;
    return sp_date_from_ymd(y, m, sp_days_in_month(y, m));
}

static const char *month_name(sp_arena *a, sp_date d)
{
    char buf[16];
    sp_date_month(d, buf);
    return sp_arena_strdup(a, buf);
}

/* "3", "2.5": counts spread over months are fractions; one decimal is enough to read. */
static const char *amount(sp_arena *a, double v)
{
    double r = round(v * 10) / 10;
    if (r == floor(r))
        return sp_arena_printf(a, "%.0f", r);
    return sp_arena_printf(a, "%.1f", r);
}

/* ---- the pseudo-random generator: xoshiro256** seeded by splitmix64, so the numbers never
 * depend on the C library ---------------------------------------------------------------- */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Uniform in [0, 1) from the top 53 bits. */
static double rng_uniform(rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n) (Lemire's multiply-shift; the bias is below 2^-32 for any plan's n). */
static size_t rng_below(rng *r, size_t n)
{
    return (size_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Poisson(lambda): below 10 by Knuth's product of uniforms; from 10 by Hörmann's transformed
 * rejection (PTRS, "The transformed rejection method for generating Poisson random variables",
 * 1993, as numpy does), which takes a few uniforms whatever lambda is: a national plan's
 * average of 30 a month would otherwise cost 30 uniforms a month of every run. */
typedef struct poisson {
    double lambda, exp_neg;                          /* Knuth */
    double slam, loglam, a, b, invalpha, vr;         /* PTRS */
} poisson;

static poisson poisson_of(double lambda)
{
    poisson p = {.lambda = lambda, .exp_neg = exp(-lambda)};
    if (lambda >= 10) {
        p.slam = sqrt(lambda);
        p.loglam = log(lambda);
        p.b = 0.931 + 2.53 * p.slam;
        p.a = -0.059 + 0.02483 * p.b;
        p.invalpha = 1.1239 + 1.1328 / (p.b - 3.4);
        p.vr = 0.9277 - 3.6224 / (p.b - 2);
    }
    return p;
}

static double poisson_draw(rng *r, const poisson *p)
{
    if (p->lambda < 10) {
        unsigned k = 0;
        double prod = rng_uniform(r);
        while (prod > p->exp_neg) {
            k++;
            prod *= rng_uniform(r);
        }
        return k;
    }
    for (;;) {
        double u = rng_uniform(r) - 0.5, v = rng_uniform(r), us = 0.5 - fabs(u);
        double k = floor((2 * p->a / us + p->b) * u + p->lambda + 0.43);
        if (us >= 0.07 && v <= p->vr)
            return k;
        if (k < 0 || (us < 0.013 && v > us))
            continue;
        if (log(v) + log(p->invalpha) - log(p->a / (us * us) + p->b) <= -p->lambda + k * p->loglam - lgamma(k + 1))
            return k;
    }
}

/* ---- which milestones count -------------------------------------------------------------- */

/* Open work: not complete, and not a recurring or Ongoing activity (they have no end).
 * Undated (TBC) milestones are open work. */
static bool is_open_work(const sp_milestone *m, const sp_milestone_result *r)
{
    if (r->complete)
        return false;
    return m->due.kind != SP_DUE_ONGOING && !r->recurring;
}

/* The month a complete milestone was completed: its completion date, else the earliest earlier
 * pack showing it complete, else -1 (unknown). */
static int completion_month(const sp_assessment *a, size_t i)
{
    const sp_milestone_result *r = &a->milestones[i];
    if (r->completed_on != SP_NO_DATE)
        return month_index(r->completed_on);
    if (a->history && a->history->first_complete && a->history->first_complete[i] != SP_NO_DATE)
        return month_index(a->history->first_complete[i]);
    return -1;
}

/* ---- one scope: the plan, or one area ----------------------------------------------------- */

typedef struct scope {
    sp_assessment *a;
    size_t first, n;       /* milestones */
    int area;              /* -1 for the plan */
    const char *noun;      /* "the plan", "the area" */
} scope;

/* The burn-up row a date falls in: before the first month counts in the first, after the last
 * in none (slot n, never summed). */
static size_t bucket(sp_date d, int first, size_t n)
{
    int k = month_index(d) - first;
    return k <= 0 ? 0 : (size_t)k < n ? (size_t)k : n;
}

static void burn_up(const scope *sc, sp_progress *pr, int *months_of)
{
    sp_assessment *a = sc->a;
    const sp_plan *p = a->plan;
    int report = month_index(a->as_of);
    int first = month_index(p->info.start);
    int last = report;
    if (a->plan_end != SP_NO_DATE && month_index(a->plan_end) > last)
        last = month_index(a->plan_end);
    if (first > report)
        first = report;
    pr->n_months = (size_t)(last - first + 1);
    pr->burnup = sp_arena_alloc(&a->arena, pr->n_months * sizeof *pr->burnup);
    /* counts by month, then running sums: linear in milestones + months */
    size_t *planned = sp_arena_alloc(&a->arena, (pr->n_months + 1) * 3 * sizeof *planned);
    size_t *revised = planned + pr->n_months + 1, *completed = revised + pr->n_months + 1;
    for (size_t i = sc->first; i < sc->first + sc->n; i++) {
        const sp_milestone_result *r = &a->milestones[i];
        if (!r->in_scope)
            continue;
        pr->milestones++;
        if (r->original_due != SP_NO_DATE)
            planned[bucket(r->original_due, first, pr->n_months)]++;
        else
            pr->undated++;
        if (r->effective_due != SP_NO_DATE)
            revised[bucket(r->effective_due, first, pr->n_months)]++;
        if (!r->complete)
            continue;
        pr->completed++;
        int m = months_of[i];
        if (m < 0) {
            pr->completed_unknown++;
            m = report;
        } else {
            pr->completed_dated++;
        }
        completed[m <= first ? 0 : (size_t)(m - first)]++; /* m <= report <= last */
    }
    size_t sp = 0, sr = 0, sc_ = 0;
    for (size_t k = 0; k < pr->n_months; k++) {
        sp += planned[k], sr += revised[k], sc_ += completed[k];
        sp_burnup_row *row = &pr->burnup[k];
        row->month_end = month_end(first + (int)k);
        row->planned = sp;
        row->revised = sr;
        row->has_completed = first + (int)k <= report;
        row->completed = row->has_completed ? sc_ : 0;
        row->scope = pr->milestones;
    }
    /* each earlier pack is a point of the completed line: its complete count at its report month,
     * which can be more than the milestones matched to it (a milestone reworded since) */
    const sp_history *h = a->history;
    for (size_t k = 0; h && k < h->n_packs; k++) {
        size_t done = sc->area < 0 ? h->packs[k].complete : h->packs[k].area_complete[sc->area];
        int from = month_index(h->packs[k].as_of) - first;
        int to = k + 1 < h->n_packs ? month_index(h->packs[k + 1].as_of) - first : report - first;
        for (int m = from < 0 ? 0 : from; done != SIZE_MAX && m < to && (size_t)m < pr->n_months; m++)
            if (pr->burnup[m].completed < done)
                pr->burnup[m].completed = done;
    }
    if (pr->undated)
        pr->scope_note = sp_arena_printf(
            &a->arena,
            "The scope line is all %zu milestones; the planned lines count the %zu with an original due date and leave "
            "out %zu with none (to be confirmed, ongoing, recurring, or marked complete in the due cell).",
            pr->milestones, pr->milestones - pr->undated, pr->undated);
    if (pr->completed_unknown)
        pr->unknown_note = sp_arena_printf(
            &a->arena, "%zu milestone%s completed on %s that %s not recorded, counted at the report month (%s).",
            pr->completed_unknown, pr->completed_unknown == 1 ? "" : "s", pr->completed_unknown == 1 ? "a date" : "dates",
            pr->completed_unknown == 1 ? "was" : "were", month_name(&a->arena, a->as_of));
}

static void set_counts_range(sp_pace *pace)
{
    double sum = 0;
    pace->min = pace->max = pace->n_counts ? pace->counts[0] : 0;
    for (size_t k = 0; k < pace->n_counts; k++) {
        sum += pace->counts[k];
        if (pace->counts[k] < pace->min)
            pace->min = pace->counts[k];
        if (pace->counts[k] > pace->max)
            pace->max = pace->counts[k];
    }
    pace->rate = pace->n_counts ? sum / (double)pace->n_counts : 0;
}

/* Source 1: the monthly counts of the last pace_months full months before the report month,
 * fewer if the plan is younger. False when the plan began in the report month. */
static bool pace_from_completion_months(const scope *sc, sp_progress *pr, const int *months_of)
{
    sp_assessment *a = sc->a;
    int report = month_index(a->as_of);
    int from = report - a->rules.forecast.pace_months;
    if (from < month_index(a->plan->info.start))
        from = month_index(a->plan->info.start);
    if (from >= report)
        return false;
    sp_pace *pace = &pr->pace;
    pace->source = SP_PACE_COMPLETION_MONTHS;
    pace->n_counts = (size_t)(report - from);
    pace->counts = sp_arena_alloc(&a->arena, pace->n_counts * sizeof *pace->counts);
    pace->count_months = sp_arena_alloc(&a->arena, pace->n_counts * sizeof *pace->count_months);
    for (size_t k = 0; k < pace->n_counts; k++)
        pace->count_months[k] = month_end(from + (int)k);
    for (size_t i = sc->first; i < sc->first + sc->n; i++)
        if (a->milestones[i].in_scope && a->milestones[i].complete && months_of[i] >= from && months_of[i] < report)
            pace->counts[months_of[i] - from] += 1;
    set_counts_range(pace);
    return true;
}

/* Source 2: completions between consecutive packs (this report the last), spread evenly over
 * the months between them. Packs in the same month as the next add to the next interval. */
static void pace_from_packs(const scope *sc, sp_progress *pr, size_t n_packs, const size_t *complete,
                            const sp_date *dates)
{
    sp_assessment *a = sc->a;
    sp_pace *pace = &pr->pace;
    pace->source = SP_PACE_EARLIER_PACKS;
    int first = month_index(dates[0]), last = month_index(dates[n_packs - 1]);
    size_t cap = (size_t)(last - first) + 1;
    pace->counts = sp_arena_alloc(&a->arena, cap * sizeof *pace->counts);
    pace->count_months = sp_arena_alloc(&a->arena, cap * sizeof *pace->count_months);
    size_t from = 0;
    for (size_t k = 1; k < n_packs; k++) {
        int months = month_index(dates[k]) - month_index(dates[from]);
        if (months <= 0)
            continue;
        double done = complete[k] > complete[from] ? (double)(complete[k] - complete[from]) : 0;
        for (int m = 1; m <= months; m++) {
            pace->count_months[pace->n_counts] = month_end(month_index(dates[from]) + m);
            pace->counts[pace->n_counts++] = done / months;
        }
        from = k;
    }
    set_counts_range(pace);
}

static void pace_from_average(const scope *sc, sp_progress *pr)
{
    sp_pace *pace = &pr->pace;
    pace->source = SP_PACE_PLAN_AVERAGE;
    double months = (double)(sc->a->as_of - sc->a->plan->info.start) / 30.44;
    pace->rate = months > 0 ? (double)pr->completed / months : 0;
    pace->min = pace->max = pace->rate;
}

static const char *percent_of(sp_arena *ar, size_t part, size_t whole)
{
    return sp_arena_printf(ar, "%zu of %zu completed milestone%s (%.0f%%) %s a completion month", part, whole,
                           whole == 1 ? "" : "s", whole ? floor(100.0 * (double)part / (double)whole + 0.5) : 0.0,
                           part == 1 ? "has" : "have");
}

/* The pace from the best evidence there is, and the sentence that names it and says why. */
static void choose_pace(const scope *sc, sp_progress *pr, const int *months_of)
{
    sp_assessment *a = sc->a;
    sp_arena *ar = &a->arena;
    const sp_forecast_rules *fr = &a->rules.forecast;
    double needed = fr->dated_share * 100;
    bool dated_enough = pr->completed > 0 && (double)pr->completed_dated >= fr->dated_share * (double)pr->completed - 1e-9;
    if (dated_enough && pace_from_completion_months(sc, pr, months_of)) {
        sp_pace *pace = &pr->pace;
        pr->pace.reason = sp_arena_printf(
            ar, "Pace from completion months: %s (%.0f%% needed); the last %zu full month%s, %s to %s, saw %s.",
            percent_of(ar, pr->completed_dated, pr->completed), needed, pace->n_counts, pace->n_counts == 1 ? "" : "s",
            month_name(ar, pace->count_months[0]), month_name(ar, pace->count_months[pace->n_counts - 1]),
            pace->max <= 0             ? "no completion"
            : pace->min == pace->max ? sp_arena_printf(ar, "%s a month", amount(ar, pace->min))
                                     : sp_arena_printf(ar, "%s to %s a month", amount(ar, pace->min), amount(ar, pace->max)));
        return;
    }
    /* earlier packs showing this scope, with this report as the last point */
    const sp_history *h = a->history;
    size_t n = 0;
    size_t *complete = NULL;
    sp_date *dates = NULL;
    if (h && h->n_packs) {
        complete = sp_arena_alloc(ar, (h->n_packs + 1) * sizeof *complete);
        dates = sp_arena_alloc(ar, (h->n_packs + 1) * sizeof *dates);
        for (size_t k = 0; k < h->n_packs; k++) {
            size_t c = sc->area < 0 ? h->packs[k].complete : h->packs[k].area_complete[sc->area];
            if (c == SIZE_MAX)
                continue;
            dates[n] = h->packs[k].as_of;
            complete[n++] = c;
        }
    }
    const char *why_not_months =
        pr->completed == 0 ? "no milestone is complete yet"
        : dated_enough     ? "the plan began in the report month"
                           : sp_arena_printf(ar, "only %s (%.0f%% needed)", percent_of(ar, pr->completed_dated, pr->completed), needed);
    if (n >= 3) {
        dates[n] = a->as_of;
        complete[n] = pr->completed;
        pace_from_packs(sc, pr, n + 1, complete, dates);
        pr->pace.reason = sp_arena_printf(
            ar, "Pace from %zu earlier packs: %s; the completions between the packs and this report, spread over the "
                "months between them, give %s to %s a month.",
            n, why_not_months, amount(ar, pr->pace.min), amount(ar, pr->pace.max));
        return;
    }
    pace_from_average(sc, pr);
    pr->pace.reason = sp_arena_printf(
        ar, "Pace from the plan's average: %s, and %zu earlier pack%s given (3 needed); %zu complete over %.1f months since the "
            "start is %s a month.",
        why_not_months, n, n == 1 ? " was" : "s were", pr->completed, (double)(a->as_of - a->plan->info.start) / 30.44,
        amount(ar, pr->pace.rate));
}

/* ---- the Monte Carlo ---------------------------------------------------------------------- */

/* A standard normal by Marsaglia's polar method. */
static double normal_draw(rng *r)
{
    for (;;) {
        double u = 2 * rng_uniform(r) - 1, v = 2 * rng_uniform(r) - 1, s = u * u + v * v;
        if (s > 0 && s < 1)
            return u * sqrt(-2 * log(s) / s);
    }
}

/* Gamma(shape >= 1, scale 1) by Marsaglia and Tsang (2000). */
static double gamma_draw(rng *r, double shape)
{
    double d = shape - 1.0 / 3, c = 1 / sqrt(9 * d);
    for (;;) {
        double x = normal_draw(r), v = 1 + c * x;
        if (v <= 0)
            continue;
        v = v * v * v;
        double u = rng_uniform(r);
        if (u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)))
            return d * v;
    }
}

/* Simulates the open work month by month from the month after the report month. finish[run]
 * is the month (1 = next month) the run finished, cap + 1 when not within the cap; open_at[run]
 * the work still open at the end of month `revisit_h` (when > 0).
 *
 * From monthly counts (pace sources 1 and 2) each month's completions are sampled with
 * replacement. From the plan's average (source 3) each month's completions are Poisson at the
 * rate: the counts of a Poisson process, whose n-th completion falls at a Gamma(n) time over the
 * rate. So a run draws that time once, and finishes in the month it falls in, which is the same
 * as drawing each month's count until n are done, at a few draws a run rather than one a month
 * (a national plan's 800 open milestones at 30 a month would cost 10,000 x 27 Poisson draws).
 * Its open count at the revisit is open - Poisson(revisit months x rate), drawn alongside: the
 * report gives each one's spread across the runs, never the two together. */
static void simulate(const sp_pace *pace, size_t open, int runs, int cap, int revisit_h, uint64_t seed, int *finish,
                     size_t *open_at)
{
    rng r;
    rng_seed(&r, seed);
    if (pace->source == SP_PACE_PLAN_AVERAGE) {
        poisson by_revisit = poisson_of(pace->rate * (revisit_h > 0 ? revisit_h : 0));
        for (int run = 0; run < runs; run++) {
            double month = ceil(gamma_draw(&r, (double)open) / pace->rate);
            finish[run] = month < 1 ? 1 : month <= cap ? (int)month : cap + 1;
            if (open_at) {
                double done = poisson_draw(&r, &by_revisit);
                open_at[run] = done >= (double)open ? 0 : open - (size_t)done;
            }
        }
        return;
    }
    const double eps = 1e-9; /* counts spread over months are fractions: 10/3 + 10/3 + 10/3 is 10 */
    for (int run = 0; run < runs; run++) {
        double left = (double)open;
        int month = 0;
        size_t at_revisit = 0;
        while (left > eps && (month < cap || month < revisit_h)) {
            month++;
            left -= pace->counts[rng_below(&r, pace->n_counts)];
            if (month == revisit_h)
                at_revisit = left > eps ? (size_t)ceil(left - eps) : 0;
        }
        finish[run] = left <= eps && month <= cap ? month : cap + 1;
        if (open_at)
            open_at[run] = at_revisit;
    }
}

/* The smallest value v with at least share x runs at or below it, from a histogram; -1 when
 * none within it. */
static int quantile(const size_t *hist, int n, int runs, double share)
{
    size_t cum = 0;
    for (int v = 0; v < n; v++) {
        cum += hist[v];
        if ((double)cum >= share * runs - 1e-9)
            return v;
    }
    return -1;
}

static const char *span_words(sp_arena *ar, int months)
{
    if (months % 12 == 0)
        return sp_arena_printf(ar, "%d year%s", months / 12, months == 12 ? "" : "s");
    return sp_arena_printf(ar, "%d months", months);
}

static const char *pace_phrase(sp_arena *ar, const sp_pace *pace)
{
    const char *range = pace->min == pace->max ? sp_arena_printf(ar, "%s a month", amount(ar, pace->min))
                                               : sp_arena_printf(ar, "%s to %s a month", amount(ar, pace->min),
                                                                 amount(ar, pace->max));
    switch (pace->source) {
    case SP_PACE_COMPLETION_MONTHS:
        return sp_arena_printf(ar, "At the pace of the last %zu month%s (%s)", pace->n_counts,
                               pace->n_counts == 1 ? "" : "s", range);
    case SP_PACE_EARLIER_PACKS: return sp_arena_printf(ar, "At the pace shown by the earlier packs (%s)", range);
    default: return sp_arena_printf(ar, "At the plan's average pace (%s)", range);
    }
}

/* One forecast's runs: the month each run finished (cap + 1: not within the cap) and the work
 * open at the end of the revisit month (NULL without a revisit). Owned by the caller. */
typedef struct runs {
    int *finish;
    size_t *open_at;
} runs;

static void runs_free(runs *r)
{
    free(r->finish);
    free(r->open_at);
    r->finish = NULL, r->open_at = NULL;
}

/* Why there is no forecast, or SP_FORECAST_MADE; the sentence when there is none. */
static sp_forecast_state forecast_state(const scope *sc, sp_progress *pr)
{
    sp_assessment *a = sc->a;
    sp_arena *ar = &a->arena;
    const sp_forecast_rules *fr = &a->rules.forecast;
    sp_forecast *f = &pr->forecast;
    for (size_t i = sc->first; i < sc->first + sc->n; i++)
        if (a->milestones[i].in_scope && is_open_work(&a->plan->milestones.items[i], &a->milestones[i]))
            f->open++;
    if (f->open == 0) {
        f->sentence = "No open milestones remain: every milestone with an end is complete.";
        return SP_FORECAST_NOTHING_OPEN;
    }
    if (pr->completed < (size_t)fr->min_completions) {
        f->sentence = sp_arena_printf(ar, "Too few completed milestones to forecast yet: %zu complete, %d needed.",
                                      pr->completed, fr->min_completions);
        return SP_FORECAST_TOO_FEW;
    }
    if (a->as_of <= a->plan->info.start) {
        f->sentence = "No forecast: the report date is not after the plan's start, so there is no pace to learn from.";
        return SP_FORECAST_NO_START;
    }
    if (pr->pace.max <= 0) {
        f->sentence = pr->pace.source == SP_PACE_COMPLETION_MONTHS
                          ? sp_arena_printf(ar,
                                            "No milestone has been completed in the last %zu month%s; at that pace %s "
                                            "will not finish.",
                                            pr->pace.n_counts, pr->pace.n_counts == 1 ? "" : "s", sc->noun)
                          : sp_arena_printf(ar,
                                            "No milestone was completed between the earlier packs; at that pace %s will "
                                            "not finish.",
                                            sc->noun);
        return SP_FORECAST_ZERO_PACE;
    }
    return SP_FORECAST_MADE;
}

static int revisit_months(const sp_assessment *a)
{
    return a->plan->info.revisit != SP_NO_DATE ? month_index(a->plan->info.revisit) - month_index(a->as_of) : 0;
}

static runs runs_new(const sp_assessment *a)
{
    int n = a->rules.forecast.runs;
    runs r = {sp_xmalloc((size_t)n * sizeof *r.finish), NULL};
    if (revisit_months(a) > 0) {
        r.open_at = sp_xmalloc((size_t)n * sizeof *r.open_at);
        memset(r.open_at, 0, (size_t)n * sizeof *r.open_at);
    }
    memset(r.finish, 0, (size_t)n * sizeof *r.finish);
    return r;
}

/* The plan's runs from its areas' (assessment rules, "The plan finishes when its last area does"):
 * in each run the plan finishes when its last area does, and its open count at the revisit is the
 * sum of theirs. An area with its own forecast brings its own runs (the same draws, so no area's
 * likely-by or chance-by is later than the plan's); one too young to forecast is simulated at the
 * plan's pace in proportion to its share of the open work; one whose pace is zero does not finish. */
static void runs_of_areas(const sp_assessment *a, const sp_progress *plan, const sp_progress *areas, const runs *area_runs,
                          size_t n_areas, runs *out)
{
    const sp_forecast_rules *fr = &a->rules.forecast;
    int revisit_h = revisit_months(a);
    for (size_t k = 0; k < n_areas; k++) {
        const sp_forecast *f = &areas[k].forecast;
        runs own = {0};
        const runs *r = &area_runs[k];
        if (f->state == SP_FORECAST_NOTHING_OPEN)
            continue;
        if (f->state != SP_FORECAST_MADE && f->state != SP_FORECAST_ZERO_PACE) {
            /* the plan's pace in proportion to the area's share of the open work: the areas run side
             * by side, so the whole plan's pace for each would finish their work too soon */
            double share = (double)f->open / (double)plan->forecast.open;
            sp_pace pace = plan->pace;
            double *counts = sp_xmalloc((pace.n_counts + 1) * sizeof *counts);
            for (size_t c = 0; c < pace.n_counts; c++)
                counts[c] = pace.counts[c] * share;
            pace.counts = counts;
            pace.rate *= share, pace.min *= share, pace.max *= share;
            own = runs_new(a);
            simulate(&pace, f->open, fr->runs, fr->cap_months, revisit_h, SP_FORECAST_SEED + k + 1, own.finish,
                     own.open_at);
            free(counts);
            r = &own;
        }
        for (int run = 0; run < fr->runs; run++) {
            int finish = f->state == SP_FORECAST_ZERO_PACE ? fr->cap_months + 1 : r->finish[run];
            if (finish > out->finish[run])
                out->finish[run] = finish;
            if (out->open_at)
                out->open_at[run] += f->state == SP_FORECAST_ZERO_PACE ? f->open : r->open_at[run];
        }
        runs_free(&own);
    }
}

/* The forecast of one scope. by_areas (the plan of several areas): its runs are its areas'; else
 * it simulates its own pace. keep (an area): its runs are handed to the caller. */
static void forecast(const scope *sc, sp_progress *pr, uint64_t seed, const sp_progress *areas, const runs *area_runs,
                     size_t n_areas, runs *keep)
{
    sp_assessment *a = sc->a;
    sp_arena *ar = &a->arena;
    const sp_forecast_rules *fr = &a->rules.forecast;
    sp_forecast *f = &pr->forecast;
    f->state = forecast_state(sc, pr);
    if (f->state != SP_FORECAST_MADE)
        return;
    int runs_n = fr->runs, cap = fr->cap_months;
    int report = month_index(a->as_of);
    int revisit_h = revisit_months(a);
    /* by areas when there are several and one at least has a pace of its own */
    bool by_areas = false;
    for (size_t k = 0; areas && n_areas > 1 && k < n_areas; k++)
        by_areas = by_areas || areas[k].forecast.state == SP_FORECAST_MADE || areas[k].forecast.state == SP_FORECAST_ZERO_PACE;
    runs sim = runs_new(a);
    if (by_areas)
        runs_of_areas(a, pr, areas, area_runs, n_areas, &sim);
    else
        simulate(&pr->pace, f->open, runs_n, cap, revisit_h, seed, sim.finish, sim.open_at);

    size_t *hist = sp_xmalloc(((size_t)cap + 2 > f->open + 1 ? (size_t)cap + 2 : f->open + 1) * sizeof *hist);
    memset(hist, 0, ((size_t)cap + 2) * sizeof *hist);
    for (int run = 0; run < runs_n; run++)
        hist[sim.finish[run]]++;
    int likely = quantile(hist, cap + 1, runs_n, 0.5), chance = quantile(hist, cap + 1, runs_n, fr->chance);
    f->has_likely = likely >= 1;
    f->has_chance = chance >= 1;
    if (f->has_likely)
        f->likely_by = month_end(report + likely);
    if (f->has_chance)
        f->chance_by = month_end(report + chance);
    if (sim.open_at) {
        memset(hist, 0, (f->open + 1) * sizeof *hist);
        for (int run = 0; run < runs_n; run++)
            hist[sim.open_at[run] <= f->open ? sim.open_at[run] : f->open]++;
        f->has_revisit = true;
        f->revisit = a->plan->info.revisit;
        f->revisit_median = (size_t)quantile(hist, (int)f->open + 1, runs_n, 0.5);
        f->revisit_p85 = (size_t)quantile(hist, (int)f->open + 1, runs_n, fr->chance);
    }
    free(hist);
    if (keep)
        *keep = sim;
    else
        runs_free(&sim);

    int pct = (int)floor(fr->chance * 100 + 0.5);
    const char *an = pct / 10 == 8 || pct == 11 || pct == 18 ? "an" : "a"; /* an 85%, a 90% */
    const char *what = sp_arena_printf(ar, "the %zu open milestone%s", f->open, f->open == 1 ? "" : "s");
    const char *be = f->open == 1 ? "is" : "are";
    const char *when;
    if (f->has_likely && f->has_chance)
        when = sp_arena_printf(ar, "%s likely complete by %s, with %s %d%% chance by %s", be, month_name(ar, f->likely_by),
                               an, pct, month_name(ar, f->chance_by));
    else if (f->has_likely)
        when = sp_arena_printf(ar, "%s likely complete by %s, but not within %s with %s %d%% chance", be,
                               month_name(ar, f->likely_by), span_words(ar, cap), an, pct);
    else
        when = sp_arena_printf(ar, "%s not likely complete within %s", be, span_words(ar, cap));
    const char *ends = a->plan_end != SP_NO_DATE
                           ? sp_arena_printf(ar, "; the plan ends %s", month_name(ar, a->plan_end))
                           : "";
    const char *revisit = "";
    if (f->has_revisit)
        revisit = sp_arena_printf(ar, " Likely %zu still open at the revisit in %s, and no more than %zu with %s %d%% chance.",
                                  f->revisit_median, month_name(ar, f->revisit), f->revisit_p85, an, pct);
    const char *pace = by_areas ? "With each area at its own pace (the plan finishes when its last area does)"
                                : pace_phrase(ar, &pr->pace);
    f->sentence = sp_arena_printf(ar, "%s, %s %s%s.%s", pace, what, when, ends, revisit);
}

void sp_assess_progress(sp_assessment *a)
{
    const sp_plan *p = a->plan;
    a->plan_end = p->info.end;
    if (a->plan_end == SP_NO_DATE)
        for (size_t i = 0; i < p->milestones.n; i++)
            if (a->milestones[i].original_due != SP_NO_DATE &&
                (a->plan_end == SP_NO_DATE || a->milestones[i].original_due > a->plan_end))
                a->plan_end = a->milestones[i].original_due;
    int *months_of = sp_arena_alloc(&a->arena, (p->milestones.n + 1) * sizeof *months_of);
    for (size_t i = 0; i < p->milestones.n; i++)
        months_of[i] = a->milestones[i].complete ? completion_month(a, i) : -1;

    /* the areas first: the plan's forecast is theirs, run by run */
    runs *area_runs = sp_xmalloc((p->areas.n + 1) * sizeof *area_runs);
    memset(area_runs, 0, (p->areas.n + 1) * sizeof *area_runs);
    a->area_progress = sp_arena_alloc(&a->arena, (p->areas.n + 1) * sizeof *a->area_progress);
    for (size_t k = 0; k < p->areas.n; k++) {
        scope area = {a, p->areas.items[k].first_milestone, p->areas.items[k].n_milestones, (int)k, "the area"};
        burn_up(&area, &a->area_progress[k], months_of);
        choose_pace(&area, &a->area_progress[k], months_of);
        forecast(&area, &a->area_progress[k], SP_FORECAST_SEED + k + 1, NULL, NULL, 0, &area_runs[k]);
    }
    scope plan = {a, 0, p->milestones.n, -1, "the plan"};
    burn_up(&plan, &a->progress, months_of);
    choose_pace(&plan, &a->progress, months_of);
    forecast(&plan, &a->progress, SP_FORECAST_SEED, a->area_progress, area_runs, p->areas.n, NULL);
    for (size_t k = 0; k < p->areas.n; k++)
        runs_free(&area_runs[k]);
    free(area_runs);
}
