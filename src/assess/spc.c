/* XmR charts per shared/spec/spc-rules.md, following NHSRplotthedots (the reference). */
#include "assess/spc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "assess/assess.h"

#define LIMIT 2.66
#define NEAR (2.0 * LIMIT / 3.0)
#define OUTLIER_SCREEN 3.267

static int side(double v, double mean)
{
    return v > mean ? 1 : v < mean ? -1 : 0;
}

/* Limits of one segment [a, b). */
static void segment_limits(const double *v, size_t a, size_t b, const sp_spc_rules *rules, sp_spc_point *out)
{
    size_t end = b;
    if (rules->fix_after > 0 && a + (size_t)rules->fix_after < b)
        end = a + (size_t)rules->fix_after;
    double sum = 0;
    for (size_t i = a; i < end; i++)
        sum += v[i];
    double mean = sum / (double)(end - a);
    double mr_sum = 0;
    size_t mr_n = 0;
    for (size_t i = a + 1; i < end; i++)
        mr_sum += fabs(v[i] - v[i - 1]), mr_n++;
    double mr_bar = mr_n ? mr_sum / (double)mr_n : 0;
    if (rules->screen_outliers && mr_n) {
        double kept = 0;
        size_t kept_n = 0;
        for (size_t i = a + 1; i < end; i++) {
            double mr = fabs(v[i] - v[i - 1]);
            if (mr < OUTLIER_SCREEN * mr_bar)
                kept += mr, kept_n++;
        }
        mr_bar = kept_n ? kept / (double)kept_n : 0;
    }
    for (size_t i = a; i < b; i++) {
        out[i].value = v[i];
        out[i].mean = mean;
        out[i].upl = mean + LIMIT * mr_bar;
        out[i].lpl = mean - LIMIT * mr_bar;
        out[i].upper_near = mean + NEAR * mr_bar;
        out[i].lower_near = mean - NEAR * mr_bar;
    }
}

/* The key of point i for a run rule: for shifts its side of the mean (0, on the mean, breaks a
 * run); for trends the sign of its step from point i-1 (0, no change, breaks a trend). */
static int run_key(const sp_spc_point *p, size_t i, bool trend)
{
    return trend ? side(p[i].value, p[i - 1].value) : side(p[i].value, p[i].mean);
}

/* Marks every point of each run that covers at least len points. Keys i..j-1 equal and
 * non-zero make a run of j-i points for a shift, and of j-i+1 points for a trend (steps join
 * a point to the one before). For trends, a is one past the segment's first point. */
static void mark_runs(sp_spc_point *p, size_t a, size_t b, size_t len, bool trend)
{
    size_t i = a;
    while (i < b) {
        int k = run_key(p, i, trend);
        size_t j = i + 1;
        while (j < b && k != 0 && run_key(p, j, trend) == k)
            j++;
        size_t first = trend ? i - 1 : i;
        if (k != 0 && j - first >= len) {
            for (size_t m = first; m < j; m++) {
                if (trend)
                    p[m].trend = true;
                else
                    p[m].shift = true;
            }
        }
        i = j;
    }
}

void sp_spc_compute(const double *values, const bool *rebase, size_t n, sp_direction dir, const sp_spc_rules *rules,
                    sp_spc_point *out)
{
    bool *starts = calloc(n ? n : 1, sizeof *starts);
    size_t len = rules->run_length > 1 ? (size_t)rules->run_length : 7;
    for (size_t i = 0; i < n; i++) {
        starts[i] = i == 0 || (rebase && rebase[i]);
        out[i] = (sp_spc_point){0};
    }
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && !starts[b])
            b++;
        segment_limits(values, a, b, rules, out);
        for (size_t i = a; i < b; i++)
            out[i].outside = values[i] > out[i].upl || values[i] < out[i].lpl;
        mark_runs(out, a, b, len, false);
        mark_runs(out, a + 1, b, len, true); /* a segment's first point has no step */
        /* two of three: 3 consecutive points on one side, at least 2 of them near the limit
         * (beyond the near limit but not beyond the process limit); those near points are marked */
        for (size_t i = a; i + 2 < b; i++) {
            int s = side(values[i], out[i].mean);
            if (s == 0 || side(values[i + 1], out[i].mean) != s || side(values[i + 2], out[i].mean) != s)
                continue;
            int near = 0;
            bool is_near[3];
            for (int k = 0; k < 3; k++) {
                const sp_spc_point *p = &out[i + (size_t)k];
                is_near[k] = !p->outside && (p->value > p->upper_near || p->value < p->lower_near);
                near += is_near[k];
            }
            if (near >= 2)
                for (int k = 0; k < 3; k++)
                    if (is_near[k])
                        out[i + (size_t)k].two_of_three = true;
        }
        a = b;
    }
    for (size_t i = 0; i < n; i++) {
        sp_spc_point *p = &out[i];
        if (!(p->outside || p->shift || p->trend || p->two_of_three)) {
            p->kind = SP_SPC_COMMON;
            continue;
        }
        int s = side(p->value, p->mean);
        if (dir == SP_DIR_NONE)
            p->kind = s > 0 ? SP_SPC_HIGH : SP_SPC_LOW;
        else
            p->kind = s == (dir == SP_DIR_UP ? 1 : -1) ? SP_SPC_IMPROVEMENT : SP_SPC_CONCERN;
    }
    free(starts);
}

sp_assurance sp_spc_assurance(const sp_spc_point *last, sp_direction dir, double target)
{
    if (dir == SP_DIR_NONE)
        return SP_ASSURANCE_NONE;
    /* a target exactly on a limit counts as pass or fail (spc-rules.md) */
    if (target >= last->upl)
        return dir == SP_DIR_UP ? SP_ASSURANCE_FAIL : SP_ASSURANCE_PASS;
    if (target <= last->lpl)
        return dir == SP_DIR_UP ? SP_ASSURANCE_PASS : SP_ASSURANCE_FAIL;
    return SP_ASSURANCE_HIT_AND_MISS;
}

const char *sp_spc_variation_text(sp_spc_point_kind k)
{
    static const char *const text[] = {"common cause variation", "special cause — improving",
                                       "special cause — concerning", "special cause — high", "special cause — low"};
    return text[k];
}

const char *sp_spc_assurance_text(sp_assurance a)
{
    static const char *const text[] = {NULL, "consistently passes the target", "consistently fails the target",
                                       "hit and miss"};
    return text[a];
}

const char *sp_spc_kind_key(sp_spc_point_kind k)
{
    static const char *const keys[] = {"common_cause", "improvement", "concern", "high", "low"};
    return keys[k];
}

const char *sp_spc_assurance_key(sp_assurance a)
{
    static const char *const keys[] = {NULL, "pass", "fail", "hit_and_miss"};
    return keys[a];
}

/* Consecutive periods: the next month (or quarter) starts the day after this one ends. */
static bool follows(const sp_observation *prev, const sp_observation *next)
{
    return next->period_start == prev->period_end + 1;
}

void sp_spc_assess(sp_assessment *a, const sp_kpi *k, sp_kpi_result *r)
{
    const sp_plan *p = a->plan;
    sp_spc *spc = &r->spc;
    size_t n = 0;
    const sp_observation *prev = NULL;
    const sp_observation *gap_after = NULL;
    bool mixed = false; /* quarters and months: points of different lengths are not one process */
    for (size_t o = 0; o < k->n_obs; o++) {
        const sp_observation *ob = &p->observations.items[k->first_obs + o];
        if (!a->obs_counted[k->first_obs + o])
            continue;
        if (prev && prev->quarter != ob->quarter)
            mixed = true;
        if (prev && !follows(prev, ob) && !gap_after)
            gap_after = prev;
        prev = ob;
        n++;
    }
    spc->n = n;
    if (n < (size_t)a->rules.spc.min_points) {
        spc->why_not = sp_arena_printf(&a->arena, "too few points for SPC (n = %zu, %d needed)", n,
                                       a->rules.spc.min_points);
        return;
    }
    if (mixed) {
        spc->why_not = "the series mixes quarters and months: SPC needs periods of one length";
        return;
    }
    if (gap_after) {
        char when[16];
        sp_date_month(gap_after->period_end, when);
        spc->why_not = sp_arena_printf(&a->arena, "a gap in the series after %s: SPC needs consecutive periods", when);
        return;
    }
    double *values = sp_arena_alloc(&a->arena, n * sizeof *values);
    bool *rebase = sp_arena_alloc(&a->arena, n * sizeof *rebase);
    size_t i = 0;
    for (size_t o = 0; o < k->n_obs; o++) {
        const sp_observation *ob = &p->observations.items[k->first_obs + o];
        if (!a->obs_counted[k->first_obs + o])
            continue;
        values[i] = ob->value;
        rebase[i] = ob->rebase;
        i++;
    }
    spc->points = sp_arena_alloc(&a->arena, n * sizeof *spc->points);
    sp_spc_compute(values, rebase, n, k->direction, &a->rules.spc, spc->points);
    spc->computed = true;
    spc->variation = spc->points[n - 1].kind;
    spc->variation_text = sp_spc_variation_text(spc->variation);

    /* Assurance against the target in force: the next numeric checkpoint's, else the final one. */
    int cp = -1;
    for (int c = 0; c < r->n_target && cp < 0; c++)
        if (r->target[c].numeric && r->target[c].date >= a->as_of)
            cp = c;
    if (cp < 0)
        cp = r->final_checkpoint;
    spc->target_checkpoint = cp;
    spc->target = cp >= 0 ? r->target[cp].value : 0;
    spc->assurance = cp >= 0 ? sp_spc_assurance(&spc->points[n - 1], k->direction, spc->target) : SP_ASSURANCE_NONE;
    spc->assurance_text = sp_spc_assurance_text(spc->assurance);
}
