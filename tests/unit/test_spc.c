/* SPC rules (shared/spec/spc-rules.md) on small hand-made series. Limits are worked by hand in
 * the comments: mean, moving ranges mr[i] = |x[i] - x[i-1]|, their mean mr_bar,
 * limits mean ± 2.66 mr_bar, near limits mean ± (2/3 × 2.66) mr_bar = mean ± 1.77333 mr_bar. */
#include "testutil.h"

#include <string.h>

#include "assess/spc.h"
#include "plan_builder.h"

static sp_spc_rules rules(int run)
{
    return (sp_spc_rules){.min_points = 12, .run_length = run, .fix_after = 0, .screen_outliers = false};
}

#define COMPUTE(vals, dir, run)                                                                          \
    sp_spc_point pts[sizeof vals / sizeof *vals];                                                        \
    sp_spc_rules r_ = rules(run);                                                                        \
    sp_spc_compute(vals, NULL, sizeof vals / sizeof *vals, dir, &r_, pts)

/* 10 12 11 13 12 14: mean 72/6 = 12; mr 2 1 2 1 2, mr_bar 8/5 = 1.6;
 * upl 12 + 4.256 = 16.256, lpl 7.744; near 12 ± 2.837333 */
static void limits(void **state)
{
    (void)state;
    static const double v[] = {10, 12, 11, 13, 12, 14};
    COMPUTE(v, SP_DIR_UP, 7);
    assert_near(pts[0].mean, 12, 1e-12);
    assert_near(pts[5].upl, 16.256, 1e-9);
    assert_near(pts[5].lpl, 7.744, 1e-9);
    assert_near(pts[0].upper_near, 12 + 2.0 / 3.0 * 2.66 * 1.6, 1e-9);
    assert_near(pts[0].lower_near, 12 - 2.0 / 3.0 * 2.66 * 1.6, 1e-9);
    for (int i = 0; i < 6; i++)
        assert_int_equal(pts[i].kind, SP_SPC_COMMON);
}

/* 10 16 10 16 10 16 10 16 10 16 10 40: mean (5x10 + 5x16 + 10 + 40)/12 = 180/12 = 15;
 * mr 6 x 10 then 30: (60 + 30)/11 = 8.1818; upl 15 + 21.764 = 36.76: 40 is outside, above the
 * mean: for direction up an improvement, for down a concern. No other rule fires: the points
 * alternate around the mean and rise and fall in turn. */
static void outside_limits_both_directions(void **state)
{
    (void)state;
    static const double v[] = {10, 16, 10, 16, 10, 16, 10, 16, 10, 16, 10, 40};
    COMPUTE(v, SP_DIR_UP, 7);
    assert_near(pts[11].upl, 15 + 2.66 * 90.0 / 11, 1e-9);
    assert_true(pts[11].outside);
    assert_int_equal(pts[11].kind, SP_SPC_IMPROVEMENT);
    for (int i = 0; i < 11; i++) {
        assert_false(pts[i].outside || pts[i].shift || pts[i].trend || pts[i].two_of_three);
        assert_int_equal(pts[i].kind, SP_SPC_COMMON);
    }
    sp_spc_compute(v, NULL, 12, SP_DIR_DOWN, &r_, pts);
    assert_int_equal(pts[11].kind, SP_SPC_CONCERN);
    sp_spc_compute(v, NULL, 12, SP_DIR_NONE, &r_, pts);
    assert_int_equal(pts[11].kind, SP_SPC_HIGH);
}

/* 11 12 11 12 11 12 11 | 9 8 9 8 9 8 9: mean 140/14 = 10; seven above, seven below: every
 * point is in a shift. mr: six 1s, a 2, six 1s: 14/13 = 1.0769; upl 12.86, lpl 7.14: none
 * outside. Above the mean is improvement for up, below is concern. */
static void shift_of_exactly_seven(void **state)
{
    (void)state;
    static const double v[] = {11, 12, 11, 12, 11, 12, 11, 9, 8, 9, 8, 9, 8, 9};
    COMPUTE(v, SP_DIR_UP, 7);
    for (int i = 0; i < 14; i++) {
        assert_true(pts[i].shift);
        assert_false(pts[i].outside);
    }
    assert_int_equal(pts[0].kind, SP_SPC_IMPROVEMENT);
    assert_int_equal(pts[13].kind, SP_SPC_CONCERN);
}

/* One short: six above, six below (mean 120/12 = 10): no shift. With a run length of 6 from
 * the template, the same series is all shift. */
static void shift_one_short_and_run_length(void **state)
{
    (void)state;
    static const double v[] = {11, 12, 11, 12, 11, 12, 9, 8, 9, 8, 9, 8};
    COMPUTE(v, SP_DIR_UP, 7);
    for (int i = 0; i < 12; i++)
        assert_false(pts[i].shift);
    sp_spc_rules six = rules(6);
    sp_spc_compute(v, NULL, 12, SP_DIR_UP, &six, pts);
    for (int i = 0; i < 12; i++)
        assert_true(pts[i].shift);
}

/* A point exactly on the mean breaks a run: 11 12 11 10 12 11 12 11 | 8 9 8 9 8 8:
 * mean (90 + 50)/14 = 10: the fourth point (10) is on the mean, leaving runs of 3 and 4 above,
 * and the six below are one short: no shift anywhere. */
static void point_on_mean_breaks_shift(void **state)
{
    (void)state;
    static const double v[] = {11, 12, 11, 10, 12, 11, 12, 11, 8, 9, 8, 9, 8, 8};
    COMPUTE(v, SP_DIR_UP, 7);
    assert_near(pts[0].mean, 10, 1e-12);
    for (int i = 0; i < 14; i++)
        assert_false(pts[i].shift);
    /* the same without the break (10 -> 11) has seven above in a row: marked */
    static const double w[] = {11, 12, 11, 11, 12, 11, 12, 11, 8, 9, 8, 9, 8, 7};
    sp_spc_compute(w, NULL, 14, SP_DIR_UP, &r_, pts);
    assert_near(pts[0].mean, 10, 1e-12);
    assert_true(pts[0].shift && pts[7].shift);
}

/* Trend: 10 9 10 9 | 4 5 6 7 8 9 10 (seven points each higher than the one before, six
 * differences): those seven are marked, the first four are not. */
static void trend_of_exactly_seven(void **state)
{
    (void)state;
    static const double v[] = {10, 9, 10, 9, 4, 5, 6, 7, 8, 9, 10};
    COMPUTE(v, SP_DIR_UP, 7);
    for (int i = 0; i < 4; i++)
        assert_false(pts[i].trend);
    for (int i = 4; i < 11; i++)
        assert_true(pts[i].trend);
    /* decreasing, mirrored */
    static const double w[] = {1, 2, 1, 2, 10, 9, 8, 7, 6, 5, 4};
    sp_spc_compute(w, NULL, 11, SP_DIR_UP, &r_, pts);
    for (int i = 4; i < 11; i++)
        assert_true(pts[i].trend);
    assert_false(pts[3].trend);
}

/* One short (six rising points, five differences) is no trend; an unchanged value breaks one:
 * 4 5 6 6 7 8 9 10 has runs of three and six points. */
static void trend_one_short_and_unchanged_value(void **state)
{
    (void)state;
    static const double v[] = {10, 9, 10, 9, 5, 6, 7, 8, 9, 10};
    COMPUTE(v, SP_DIR_UP, 7);
    for (int i = 0; i < 10; i++)
        assert_false(pts[i].trend);
    static const double w[] = {4, 5, 6, 6, 7, 8, 9, 10};
    sp_spc_compute(w, NULL, 8, SP_DIR_UP, &r_, pts);
    for (int i = 0; i < 8; i++)
        assert_false(pts[i].trend);
}

/* Two of three near a limit: among three consecutive points on one side of the mean, two or
 * more between the near limit and the process limit; those are marked. */
static void two_of_three(void **state)
{
    (void)state;
    /* 0 3 -3 3 -3 16 16 -3 3 -3 3 -3: sum 29, mean 2.41667; mr 3 6 6 6 19 0 19 6 6 6 6 =
     * 83/11 = 7.54545; upl 2.41667 + 20.0709 = 22.487, upper near 2.41667 + 13.3806 = 15.797:
     * the two 16s are near, but no third point beside them is above the mean. */
    static const double v[] = {0, 3, -3, 3, -3, 16, 16, -3, 3, -3, 3, -3};
    COMPUTE(v, SP_DIR_UP, 7);
    assert_near(pts[0].mean, 29.0 / 12, 1e-9);
    assert_near(pts[0].upper_near, 29.0 / 12 + 2.0 / 3.0 * 2.66 * 83.0 / 11, 1e-9);
    assert_near(pts[0].upl, 29.0 / 12 + 2.66 * 83.0 / 11, 1e-9);
    assert_false(pts[5].two_of_three);
    /* now put a third point above the mean next to them: 3 -> 4 at index 7 */
    static const double w[] = {0, 3, -3, 3, -3, 16, 16, 4, 3, -3, 3, -3};
    /* sum 36, mean 3; mr 3 6 6 6 19 0 12 1 6 6 6 = 71/11 = 6.45455; upl 3 + 17.169 = 20.169,
     * upper near 3 + 11.446 = 14.446: both 16s are near, 4 is above the mean but not near. */
    sp_spc_compute(w, NULL, 12, SP_DIR_UP, &r_, pts);
    assert_near(pts[0].mean, 3, 1e-12);
    assert_near(pts[0].upper_near, 3 + 2.0 / 3.0 * 2.66 * 71.0 / 11, 1e-9);
    assert_true(pts[5].two_of_three);
    assert_true(pts[6].two_of_three);
    assert_false(pts[7].two_of_three); /* on the same side but not near: not marked */
    assert_false(pts[5].outside);
    assert_int_equal(pts[5].kind, SP_SPC_IMPROVEMENT);
    sp_spc_compute(w, NULL, 12, SP_DIR_DOWN, &r_, pts);
    assert_int_equal(pts[5].kind, SP_SPC_CONCERN);
}

/* Assurance against the target with the last point's limits: 10 12 11 13 12 14 gives
 * upl 16.256 and lpl 7.744. Up: target at or above upl fails, at or below lpl passes;
 * down mirrored; none has no assurance. */
static void assurance(void **state)
{
    (void)state;
    static const double v[] = {10, 12, 11, 13, 12, 14};
    COMPUTE(v, SP_DIR_UP, 7);
    const sp_spc_point *last = &pts[5];
    assert_int_equal(sp_spc_assurance(last, SP_DIR_UP, 20), SP_ASSURANCE_FAIL);
    assert_int_equal(sp_spc_assurance(last, SP_DIR_UP, last->upl), SP_ASSURANCE_FAIL); /* exactly on it */
    assert_int_equal(sp_spc_assurance(last, SP_DIR_UP, 13), SP_ASSURANCE_HIT_AND_MISS);
    assert_int_equal(sp_spc_assurance(last, SP_DIR_UP, 5), SP_ASSURANCE_PASS);
    assert_int_equal(sp_spc_assurance(last, SP_DIR_UP, last->lpl), SP_ASSURANCE_PASS);
    assert_int_equal(sp_spc_assurance(last, SP_DIR_DOWN, 20), SP_ASSURANCE_PASS);
    assert_int_equal(sp_spc_assurance(last, SP_DIR_DOWN, 5), SP_ASSURANCE_FAIL);
    assert_int_equal(sp_spc_assurance(last, SP_DIR_DOWN, 13), SP_ASSURANCE_HIT_AND_MISS);
    assert_int_equal(sp_spc_assurance(last, SP_DIR_NONE, 13), SP_ASSURANCE_NONE);
    assert_string_equal(sp_spc_assurance_text(SP_ASSURANCE_FAIL), "consistently fails the target");
}

/* Rebase: limits restart. 10 12 | 20 22 24: segment 1 mean 11, mr 2 (mr_bar 2); segment 2
 * mean 22, mr 2 2 (mr_bar 2); upl 11 + 5.32 = 16.32 and 22 + 5.32 = 27.32. */
static void rebase(void **state)
{
    (void)state;
    static const double v[] = {10, 12, 20, 22, 24};
    static const bool rb[] = {false, false, true, false, false};
    sp_spc_point pts[5];
    sp_spc_rules r = rules(7);
    sp_spc_compute(v, rb, 5, SP_DIR_UP, &r, pts);
    assert_near(pts[0].mean, 11, 1e-12);
    assert_near(pts[1].upl, 16.32, 1e-9);
    assert_near(pts[2].mean, 22, 1e-12);
    assert_near(pts[4].upl, 27.32, 1e-9);
    assert_false(pts[2].outside); /* 20 would be outside the first segment's limits */
}

/* fix_after and outlier screening: 10 12 10 12 | 30 with fix_after 4: mean 11, mr 2 2 2
 * (mr_bar 2): upl 16.32, so 30 is outside. Screening drops a moving range >= 3.267 mr_bar. */
static void fixed_limits_and_screening(void **state)
{
    (void)state;
    static const double v[] = {10, 12, 10, 12, 30};
    sp_spc_point pts[5];
    sp_spc_rules r = rules(7);
    r.fix_after = 4;
    sp_spc_compute(v, NULL, 5, SP_DIR_UP, &r, pts);
    assert_near(pts[4].mean, 11, 1e-12);
    assert_near(pts[4].upl, 16.32, 1e-9);
    assert_true(pts[4].outside);
    /* 10 12 10 12 10 12 10 40 10 12: mr 2 2 2 2 2 2 30 30 2 = 74/9 = 8.2222; screening drops
     * the two 30s (>= 26.86): mr_bar 14/7 = 2 */
    static const double w[] = {10, 12, 10, 12, 10, 12, 10, 40, 10, 12};
    sp_spc_point q[10];
    r.fix_after = 0;
    r.screen_outliers = true;
    sp_spc_compute(w, NULL, 10, SP_DIR_UP, &r, q);
    assert_near(q[0].upl - q[0].mean, 2.66 * 2, 1e-9);
}

/* Through the assessment: too few points, a gap, and the summaries. */
static void through_the_assessment(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2021, 1, 31));
    pb_kpi(&p, "K1", "10", SP_DIR_UP, "", "", "20");
    for (int m = 0; m < 8; m++)
        pb_value(&p, "K1", sp_date_end_of_month(sp_date_add_months(D(2021, 1, 31), m)), true, 10 + m % 2, SP_QS_NONE);
    pb_assess(&p, D(2022, 12, 31), &a);
    assert_false(a.kpis[0].spc.computed);
    assert_string_equal(a.kpis[0].spc.why_not, "too few points for SPC (n = 8, 12 needed)");
    pb_free(&p, &a);

    pb_init(&p, D(2021, 1, 31));
    pb_kpi(&p, "K1", "10", SP_DIR_UP, "", "", "20");
    for (int m = 0; m < 14; m++)
        if (m != 5)
            pb_value(&p, "K1", sp_date_end_of_month(sp_date_add_months(D(2021, 1, 31), m)), true, 10 + m % 2, SP_QS_NONE);
    pb_assess(&p, D(2022, 12, 31), &a);
    assert_false(a.kpis[0].spc.computed);
    assert_string_equal(a.kpis[0].spc.why_not, "a gap in the series after May 2021: SPC needs consecutive periods");
    pb_free(&p, &a);

    /* 12 alternating points 10, 11: mean 10.5, mr_bar 1, upl 13.16, lpl 7.84; the
     * 12-month target (Jan 2022) of 20 is above upl: for an up KPI it consistently fails */
    pb_init(&p, D(2021, 1, 31));
    pb_kpi(&p, "K1", "10", SP_DIR_UP, "", "", "20");
    for (int m = 0; m < 12; m++)
        pb_value(&p, "K1", sp_date_end_of_month(sp_date_add_months(D(2021, 1, 31), m)), true, 10 + m % 2, SP_QS_NONE);
    pb_assess(&p, D(2022, 12, 31), &a);
    const sp_spc *s = &a.kpis[0].spc;
    assert_true(s->computed);
    assert_int_equal(s->n, 12);
    assert_near(s->points[11].upl, 10.5 + 2.66, 1e-9);
    assert_string_equal(s->variation_text, "common cause variation");
    assert_int_equal(s->assurance, SP_ASSURANCE_FAIL);
    assert_string_equal(s->assurance_text, "consistently fails the target");
    pb_free(&p, &a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(limits),
        cmocka_unit_test(outside_limits_both_directions),
        cmocka_unit_test(shift_of_exactly_seven),
        cmocka_unit_test(shift_one_short_and_run_length),
        cmocka_unit_test(point_on_mean_breaks_shift),
        cmocka_unit_test(trend_of_exactly_seven),
        cmocka_unit_test(trend_one_short_and_unchanged_value),
        cmocka_unit_test(two_of_three),
        cmocka_unit_test(assurance),
        cmocka_unit_test(rebase),
        cmocka_unit_test(fixed_limits_and_screening),
        cmocka_unit_test(through_the_assessment),
    };
    return cmocka_run_group_tests_name("spc", tests, NULL, NULL);
}
