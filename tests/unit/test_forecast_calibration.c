/* Calibration of the forecast: does "85% chance by" come true about 85% of the time?
 *
 * 200 synthetic plans, each completing milestones at its own known rate (Poisson, 2 to 6 a
 * month) for the 18 full months before the report month, with 10 to 60 milestones open. The true
 * finish of each is simulated by a generator independent of the forecast's (PCG32 and Poisson by
 * inversion here; xoshiro256** and Knuth's product in assess/progress.c). The forecast learns the
 * pace from the last 6 months only, so it under-covers a little: the trial of the rules
 * gave 0.77-0.86 for the 85% line. Bounds: the 85% line covers 70-95% of true finishes, the
 * likely line 35-80%. The measured figures are printed (and quoted in the README). */
#include <stdio.h>

#include "testutil.h"

#include "plan_builder.h"

#define PLANS 200

/* PCG32 (O'Neill), a different family from the forecast's generator. */
typedef struct pcg32 {
    uint64_t state, inc;
} pcg32;

static uint32_t pcg32_next(pcg32 *r)
{
    uint64_t old = r->state;
    r->state = old * UINT64_C(6364136223846793005) + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

static double pcg_uniform(pcg32 *r)
{
    return (pcg32_next(r) + 0.5) / 4294967296.0;
}

/* Poisson by inversion of the cumulative distribution. */
static int pcg_poisson(pcg32 *r, double lambda)
{
    double u = pcg_uniform(r), p = exp(-lambda), cdf = p;
    int k = 0;
    while (u > cdf && k < 1000) {
        k++;
        p *= lambda / k;
        cdf += p;
    }
    return k;
}

static int month_number(sp_date d)
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    return y * 12 + m - 1;
}

static void calibration(void **state)
{
    (void)state;
    pcg32 g = {UINT64_C(0x853c49e6748fea9b), UINT64_C(0xda3e39cb94b95bdb)};
    const sp_date start = D(2020, 12, 1), as_of = D(2022, 6, 30); /* 18 full months: Dec 2020 .. May 2022 */
    int within85 = 0, within50 = 0, made = 0;
    for (int plan = 0; plan < PLANS; plan++) {
        double lambda = 2 + 4 * pcg_uniform(&g);
        int open = 10 + (int)(pcg32_next(&g) % 51);
        sp_plan p;
        sp_assessment a;
        pb_init(&p, start);
        for (int m = 0; m < 18; m++) {
            sp_date on = sp_date_add_months(D(2020, 12, 15), m);
            for (int k = pcg_poisson(&g, lambda); k > 0; k--)
                pb_milestone(&p, "Area", "1.1", on, SP_NO_DATE, on, SP_STATUS_NONE);
        }
        for (int k = 0; k < open; k++)
            pb_milestone(&p, "Area", "1.2", D(2023, 12, 31), SP_NO_DATE, SP_NO_DATE, SP_GREEN);
        /* the true finish: months after the report month until `open` are done */
        int finish = 0;
        for (int left = open; left > 0;) {
            finish++;
            left -= pcg_poisson(&g, lambda);
        }
        pb_assess(&p, as_of, &a);
        const sp_forecast *f = &a.progress.forecast;
        assert_int_equal(a.progress.pace.source, SP_PACE_COMPLETION_MONTHS);
        if (f->state == SP_FORECAST_MADE) {
            made++;
            int report = month_number(as_of);
            within85 += f->has_chance && finish <= month_number(f->chance_by) - report;
            within50 += f->has_likely && finish <= month_number(f->likely_by) - report;
        }
        pb_free(&p, &a);
    }
    double c85 = (double)within85 / made, c50 = (double)within50 / made;
    printf("calibration: %d plans forecast of %d; true finish on or before the 85%% month in %.1f%%, on or before "
           "the likely month in %.1f%%\n",
           made, PLANS, 100 * c85, 100 * c50);
    assert_int_equal(made, PLANS);
    if (c85 < 0.70 || c85 > 0.95)
        fail_msg("85%% line covers %.3f of true finishes: outside 0.70-0.95", c85);
    if (c50 < 0.35 || c50 > 0.80)
        fail_msg("likely line covers %.3f of true finishes: outside 0.35-0.80", c50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calibration),
    };
    return cmocka_run_group_tests_name("forecast calibration", tests, NULL, NULL);
}
