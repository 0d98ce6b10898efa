/* Every rule and boundary of shared/spec/assessment-rules.md on small hand-made plans. */
#include "testutil.h"

#include "plan_builder.h"

#define NO SP_NO_DATE
#define AS_OF D(2022, 6, 30)

/* Milestone i of a one-area plan assessed at AS_OF. */
static sp_milestone_result one(sp_date due, sp_date revised, sp_date completed, sp_status reported, sp_date as_of)
{
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    pb_milestone(&p, "Area 1", "1.1", due, revised, completed, reported);
    pb_assess(&p, as_of, &a);
    sp_milestone_result r = a.milestones[0];
    /* sentences live in the assessment's arena: copy what the tests read */
    static char reason[512], challenge[512], acknowledged[512];
    snprintf(reason, sizeof reason, "%s", r.reason);
    r.reason = reason;
    if (r.challenge) {
        snprintf(challenge, sizeof challenge, "%s", r.challenge);
        r.challenge = challenge;
    }
    if (r.acknowledged) {
        snprintf(acknowledged, sizeof acknowledged, "%s", r.acknowledged);
        r.acknowledged = acknowledged;
    }
    pb_free(&p, &a);
    return r;
}

static void due_exactly_on_as_of(void **state)
{
    (void)state;
    sp_milestone_result r = one(AS_OF, NO, NO, SP_GREEN, AS_OF);
    assert_int_equal(r.derived, SP_GREEN); /* due today is not yet overdue */
    assert_int_equal(r.days_overdue, 0);
    assert_true(r.due_by_as_of);
    assert_null(r.challenge);
    r = one(AS_OF, NO, NO, SP_GREEN, AS_OF + 1);
    assert_int_equal(r.derived, SP_RED);
    assert_int_equal(r.days_overdue, 1);
    assert_string_equal(r.reason, "Overdue by 1 day: due 30 Jun 2022.");
    assert_string_equal(r.challenge, "Reported Green, but 1 day overdue (due 30 Jun 2022)");
}

static void challenge_in_months(void **state)
{
    (void)state;
    /* the example of the rules: due 30 Apr 2022, report 30 Jun 2022 -> two whole months */
    sp_milestone_result r = one(D(2022, 4, 30), NO, NO, SP_GREEN, AS_OF);
    assert_int_equal(r.derived, SP_RED);
    assert_int_equal(r.days_overdue, 61);
    assert_int_equal(r.months_overdue, 2);
    assert_string_equal(r.challenge, "Reported Green, but 2 months overdue (due 30 Apr 2022)");
    /* Amber or Red reported on an overdue milestone is the officer saying so: acknowledged, not
     * challenged (assessment rules) */
    r = one(D(2022, 4, 30), NO, NO, SP_AMBER, AS_OF);
    assert_null(r.challenge);
    assert_string_equal(r.acknowledged, "Reported Amber: the delay is acknowledged");
    r = one(D(2022, 4, 30), NO, NO, SP_RED, AS_OF);
    assert_null(r.challenge);
    assert_non_null(r.acknowledged);
    /* pessimism is never challenged */
    r = one(D(2022, 12, 31), NO, NO, SP_RED, AS_OF);
    assert_int_equal(r.derived, SP_GREEN);
    assert_null(r.challenge);
    /* no reported status: nothing to challenge */
    r = one(D(2022, 4, 30), NO, NO, SP_STATUS_NONE, AS_OF);
    assert_null(r.challenge);
}

static void revised_later_and_earlier(void **state)
{
    (void)state;
    /* slipped: revised from 30 Nov 2022 to 31 May 2023, not yet due -> Amber */
    sp_milestone_result r = one(D(2022, 11, 30), D(2023, 5, 31), NO, SP_GREEN, AS_OF);
    assert_int_equal(r.derived, SP_AMBER);
    assert_true(r.has_slippage);
    assert_int_equal(r.slippage_days, 182);
    assert_int_equal(r.slippage_months, 6);
    assert_date(r.effective_due, 2023, 5, 31);
    assert_null(r.challenge); /* on track against its revised date: not a challenge */
    /* revised earlier than the original: not slipped, Green */
    r = one(D(2022, 12, 31), D(2022, 10, 31), NO, SP_GREEN, AS_OF);
    assert_int_equal(r.derived, SP_GREEN);
    assert_int_equal(r.slippage_days, -61);
    assert_string_equal(r.reason, "On track: due 31 Oct 2022 (brought forward from 31 Dec 2022).");
    /* the revised date decides overdue: original passed, revision not -> Amber, not Red */
    r = one(D(2022, 3, 31), D(2022, 9, 30), NO, SP_STATUS_NONE, AS_OF);
    assert_int_equal(r.derived, SP_AMBER);
    /* revision passed too -> Red, days counted from the revision */
    r = one(D(2022, 3, 31), D(2022, 5, 31), NO, SP_STATUS_NONE, AS_OF);
    assert_int_equal(r.derived, SP_RED);
    assert_int_equal(r.days_overdue, 30);
}

static void month_only_deadline(void **state)
{
    (void)state;
    /* "Dec 2022" is read as 31 Dec 2022 (test_dates); on 15 Dec it is on track, on 1 Jan overdue */
    sp_milestone_result r = one(D(2022, 12, 31), NO, NO, SP_GREEN, D(2022, 12, 15));
    assert_int_equal(r.derived, SP_GREEN);
    assert_true(r.due_soon);
    r = one(D(2022, 12, 31), NO, NO, SP_GREEN, D(2023, 1, 1));
    assert_int_equal(r.derived, SP_RED);
    assert_int_equal(r.days_overdue, 1);
}

static void complete_three_ways(void **state)
{
    (void)state;
    sp_milestone_result r = one(D(2022, 4, 30), NO, NO, SP_BLUE, AS_OF);
    assert_true(r.complete);
    assert_int_equal(r.derived, SP_BLUE);
    assert_false(r.on_time); /* no completion date: cannot be shown on time */
    r = one(D(2022, 4, 30), NO, D(2022, 4, 15), SP_STATUS_NONE, AS_OF);
    assert_true(r.complete);
    assert_true(r.on_time);
    assert_string_equal(r.reason, "Complete: completed 15 Apr 2022.");
    r = one(D(2022, 4, 30), NO, D(2022, 5, 15), SP_STATUS_NONE, AS_OF);
    assert_true(r.complete);
    assert_false(r.on_time); /* completed late */
    /* a completion date after the report date is not yet complete */
    r = one(D(2022, 8, 31), NO, D(2022, 7, 15), SP_STATUS_NONE, AS_OF);
    assert_false(r.complete);
    assert_int_equal(r.derived, SP_GREEN);
    /* the due cell saying COMPLETE */
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    sp_milestone *m = pb_milestone(&p, "Area 1", "1.1", NO, NO, NO, SP_STATUS_NONE);
    m->due.kind = SP_DUE_COMPLETE;
    pb_assess(&p, AS_OF, &a);
    assert_int_equal(a.milestones[0].derived, SP_BLUE);
    pb_free(&p, &a);
}

static void undated_is_grey(void **state)
{
    (void)state;
    sp_milestone_result r = one(NO, NO, NO, SP_GREEN, AS_OF);
    assert_int_equal(r.derived, SP_GREY);
    assert_string_equal(r.reason, "No date: the deadline is Ongoing.");
    assert_null(r.challenge); /* Grey has no place in the order of optimism */
    assert_false(r.due_soon);
}

static void due_soon_and_stale_edges(void **state)
{
    (void)state;
    assert_true(one(AS_OF + 90, NO, NO, SP_GREEN, AS_OF).due_soon);
    assert_false(one(AS_OF + 91, NO, NO, SP_GREEN, AS_OF).due_soon);

    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    pb_milestone(&p, "Area 1", "1.1", D(2022, 12, 31), NO, NO, SP_GREEN)->updated = AS_OF - 90;
    pb_milestone(&p, "Area 1", "1.2", D(2022, 12, 31), NO, NO, SP_GREEN)->updated = AS_OF - 91;
    pb_assess(&p, AS_OF, &a);
    assert_false(a.milestones[0].stale);
    assert_true(a.milestones[1].stale);
    pb_free(&p, &a);
}

static void action_rollup(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    pb_milestone(&p, "Area 1", "1.1", D(2022, 3, 31), NO, D(2022, 3, 1), SP_BLUE);
    pb_milestone(&p, "Area 1", "1.1", NO, NO, NO, SP_STATUS_NONE); /* Grey */
    pb_milestone(&p, "Area 1", "1.1", D(2022, 12, 31), NO, NO, SP_GREEN);
    pb_milestone(&p, "Area 1", "1.2", D(2022, 3, 31), NO, D(2022, 3, 1), SP_BLUE);
    pb_assess(&p, AS_OF, &a);
    assert_int_equal(p.actions.n, 2);
    assert_false(a.actions[0].complete);
    assert_int_equal(a.actions[0].status, SP_AMBER); /* Grey counts as Amber when rolling up */
    assert_int_equal(a.actions[0].counts.grey, 1);
    assert_true(a.actions[1].complete);
    assert_int_equal(a.actions[1].status, SP_BLUE);
    pb_free(&p, &a);
}

/* An area with `overdue` milestones overdue by `days` and `others` on track, due by AS_OF. */
static sp_area_result area_with(int overdue, int days, int done_due, int future, bool red_kpi)
{
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    for (int i = 0; i < overdue; i++)
        pb_milestone(&p, "Area 1", "1.1", AS_OF - days, NO, NO, SP_STATUS_NONE);
    for (int i = 0; i < done_due; i++)
        pb_milestone(&p, "Area 1", "1.2", AS_OF - 10, NO, AS_OF - 20, SP_STATUS_NONE);
    for (int i = 0; i < future; i++)
        pb_milestone(&p, "Area 1", "1.3", AS_OF + 30, NO, NO, SP_STATUS_NONE);
    if (red_kpi) {
        sp_kpi *k = pb_kpi(&p, "K1", "0", SP_DIR_UP, "", "", "100");
        k->area = "Area 1";
        pb_value(&p, "K1", D(2022, 6, 30), true, 0, SP_QS_NONE); /* far below a trajectory of ~41 */
    }
    pb_assess(&p, AS_OF, &a);
    sp_area_result r = a.areas[0];
    static char reason[512];
    snprintf(reason, sizeof reason, "%s", r.reason);
    r.reason = reason;
    r.kpis = NULL;
    pb_free(&p, &a);
    return r;
}

static void area_assessment(void **state)
{
    (void)state;
    sp_area_result r = area_with(0, 0, 2, 0, false);
    assert_int_equal(r.assessment, SP_AREA_COMPLETE);
    assert_string_equal(r.reason, "All 2 milestones are complete.");
    assert_near(r.percent_complete, 100, 0);

    /* overdue by exactly 90 days: At risk; by 91: Off track (1 of 5 due = 20%, under 25%) */
    r = area_with(1, 90, 4, 0, false);
    assert_int_equal(r.assessment, SP_AREA_AT_RISK);
    assert_string_equal(r.reason, "Milestone 1.1 is 90 days overdue.");
    r = area_with(1, 91, 4, 0, false);
    assert_int_equal(r.assessment, SP_AREA_OFF_TRACK);
    assert_string_equal(r.reason, "Milestone 1.1 is 91 days overdue, more than 90.");

    /* 25% of due milestones overdue exactly: Off track; milestones not yet due do not count */
    r = area_with(1, 5, 3, 10, false);
    assert_int_equal(r.due, 4);
    assert_int_equal(r.assessment, SP_AREA_OFF_TRACK);
    assert_string_equal(r.reason, "1 of 4 milestones due by 30 Jun 2022 is overdue (25%); the longest, 1.1, by 5 days.");
    assert_near(r.percent_on_time, 75, 1e-9); /* 3 of 4 due were completed by their due date */
    r = area_with(1, 5, 4, 0, false);
    assert_int_equal(r.assessment, SP_AREA_AT_RISK); /* 1 of 5 = 20% */

    r = area_with(0, 0, 1, 3, true);
    assert_int_equal(r.assessment, SP_AREA_AT_RISK);
    assert_string_equal(r.reason, "KPI K1 is Red.");

    r = area_with(0, 0, 1, 3, false);
    assert_int_equal(r.assessment, SP_AREA_ON_TRACK);
    assert_string_equal(r.reason, "No milestone is overdue and no KPI is Red; 1 of 4 complete.");
    assert_near(r.percent_complete, 25, 1e-9);
}

/* One numeric KPI assessed at as_of. Start 31 Jan 2022: checkpoints 30 Apr, 31 Jul, 31 Jan 2023. */
static sp_kpi_result kpi_one(sp_plan *p, sp_assessment *a, sp_date as_of)
{
    pb_assess(p, as_of, a);
    return a->kpis[0];
}

static void relative_target_on_pending_baseline(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "In development", SP_DIR_DOWN, "Establish baseline", "Reduction by 5%", "Reduction by 10%");
    pb_value(&p, "K1", D(2022, 2, 28), true, 400, SP_QS_NONE);
    pb_value(&p, "K1", D(2022, 5, 31), true, 390, SP_QS_NONE);
    sp_kpi_result r = kpi_one(&p, &a, D(2022, 6, 30));
    assert_true(r.numeric);
    assert_true(r.baseline_from_first_value);
    assert_near(r.baseline, 400, 0);
    assert_date(r.baseline_from, 2022, 2, 28);
    assert_string_equal(r.baseline_note, "baseline set from first value, Feb 2022");
    assert_false(r.target[0].numeric);            /* qualitative 3-month text */
    assert_near(r.target[1].value, 380, 1e-9);    /* 400 x 0.95 */
    assert_near(r.target[2].value, 360, 1e-9);    /* 400 x 0.90 */
    assert_int_equal(r.final_checkpoint, SP_CP_12M);
    /* trajectory from (28 Feb, 400) to (31 Jul, 380): 153 days; at 31 May (92 days)
     * 400 - 20 x 92/153 = 387.9738...; 390 is worse (direction down) by 2.026 */
    assert_near(r.trajectory, 400 - 20.0 * 92 / 153, 1e-9);
    assert_near(r.tolerance, 4, 1e-9); /* 10% of |360 - 400| */
    assert_int_equal(r.rag, SP_AMBER);
    assert_int_equal(r.travel, SP_TRAVEL_IMPROVING); /* 400 -> 390, lower is better */
    assert_near(r.progress, 25, 1e-9);                /* (390-400)/(360-400) */
    pb_free(&p, &a);

    /* no value yet: the relative targets stay pending and the KPI is Grey */
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "In development", SP_DIR_DOWN, "", "Reduction by 5%", "Reduction by 10%");
    r = kpi_one(&p, &a, D(2022, 6, 30));
    assert_true(r.target[1].pending);
    assert_false(r.target[1].numeric);
    assert_int_equal(r.rag, SP_GREY);
    assert_string_equal(r.reason, "Baseline not yet set: no value has been recorded since the plan start.");
    pb_free(&p, &a);
}

static void tolerance_edges(void **state)
{
    (void)state;
    /* baseline 0 at 31 Jan 2022, 12-month target 100 at 31 Jan 2023: the trajectory at the
     * 12-month checkpoint is 100; the default tolerance is 10% of 100 = 10. */
    static const struct {
        double value;
        sp_status rag;
    } cases[] = {{100, SP_BLUE}, {95, SP_AMBER}, {90, SP_AMBER}, {89.5, SP_RED}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sp_plan p;
        sp_assessment a;
        pb_init(&p, D(2022, 1, 31));
        pb_kpi(&p, "K1", "0", SP_DIR_UP, "", "", "100");
        pb_value(&p, "K1", D(2023, 1, 31), true, cases[i].value, SP_QS_NONE);
        sp_kpi_result r = kpi_one(&p, &a, D(2023, 2, 28));
        assert_near(r.trajectory, 100, 1e-9);
        assert_near(r.tolerance, 10, 1e-12);
        if (r.rag != cases[i].rag)
            fail_msg("value %g: RAG %s, expected %s", cases[i].value, sp_status_word(r.rag),
                     sp_status_word(cases[i].rag));
        pb_free(&p, &a);
    }
    /* Green: on the trajectory exactly, half way (31 Jul 2022 is 181 of 365 days) */
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    sp_kpi *k = pb_kpi(&p, "K1", "0", SP_DIR_UP, "", "", "365");
    k->has_tolerance = true;
    k->tolerance = 2; /* the tolerance column overrides the default */
    pb_value(&p, "K1", D(2022, 7, 31), true, 181, SP_QS_NONE);
    sp_kpi_result r = kpi_one(&p, &a, D(2022, 8, 31));
    assert_near(r.trajectory, 181, 1e-9);
    assert_int_equal(r.rag, SP_GREEN);
    assert_near(r.tolerance, 2, 0);
    assert_string_equal(r.reason, "On or better than the trajectory: 181 in Jul 2022 against 181 expected.");
    pb_free(&p, &a);
}

static void direction_down_and_none(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    /* down: baseline 20 weeks, 12-month target 12; on 31 Jul 2022 the trajectory is
     * 20 - 8 x 181/365 = 16.0329; 17 is worse by 0.967, tolerance 0.8 -> Red */
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "20", SP_DIR_DOWN, "", "", "12 weeks");
    pb_value(&p, "K1", D(2022, 6, 30), true, 18, SP_QS_NONE);
    pb_value(&p, "K1", D(2022, 7, 31), true, 17, SP_QS_NONE);
    sp_kpi_result r = kpi_one(&p, &a, D(2022, 8, 31));
    assert_near(r.trajectory, 20 - 8.0 * 181 / 365, 1e-9);
    assert_int_equal(r.rag, SP_RED);
    assert_int_equal(r.travel, SP_TRAVEL_IMPROVING);
    pb_free(&p, &a);
    /* 15.5 is better than 16.03 -> Green */
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "20", SP_DIR_DOWN, "", "", "12 weeks");
    pb_value(&p, "K1", D(2022, 7, 31), true, 15.5, SP_QS_NONE);
    assert_int_equal(kpi_one(&p, &a, D(2022, 8, 31)).rag, SP_GREEN);
    pb_free(&p, &a);
    /* none: values only */
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "20", SP_DIR_NONE, "", "", "12");
    pb_value(&p, "K1", D(2022, 6, 30), true, 15, SP_QS_NONE);
    pb_value(&p, "K1", D(2022, 7, 31), true, 17, SP_QS_NONE);
    r = kpi_one(&p, &a, D(2022, 8, 31));
    assert_int_equal(r.rag, SP_GREY);
    assert_int_equal(r.travel, SP_TRAVEL_HIGHER);
    pb_free(&p, &a);
}

static void points_targets_and_comparators(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "40%", SP_DIR_UP, "+1pp", "+2.5pp", "+5pp");
    sp_observation *o = pb_value(&p, "K1", D(2022, 4, 30), true, 41, SP_QS_NONE);
    o->has_england = true, o->england = 44;
    o->has_neighbours = true, o->neighbours = 41;
    sp_kpi_result r = kpi_one(&p, &a, D(2022, 5, 31));
    assert_near(r.target[0].value, 41, 1e-12);
    assert_near(r.target[1].value, 42.5, 1e-12);
    assert_near(r.target[2].value, 45, 1e-12);
    assert_near(r.trajectory, 41, 1e-9); /* at the 3-month checkpoint itself */
    assert_int_equal(r.rag, SP_GREEN);
    assert_int_equal(r.england, SP_CMP_WORSE);
    assert_int_equal(r.neighbours, SP_CMP_SAME);
    assert_int_equal(r.next_checkpoint, SP_CP_6M);
    assert_near(r.progress, 20, 1e-9); /* (41-40)/(45-40) */
    /* values after the report date are not used */
    pb_value(&p, "K1", D(2022, 6, 30), true, 50, SP_QS_NONE);
    sp_assessment_free(&a);
    p.kpis.items[0].n_obs = 0;
    p.observations.n = 0;
    sp_vec_free(&p.areas);
    sp_vec_free(&p.actions);
    sp_plan_free(&p);
}

static void qualitative_checkpoints(void **state)
{
    (void)state;
    /* start 31 Jan 2022: 3m 30 Apr, 6m 31 Jul, 12m 31 Jan 2023 */
    const struct {
        sp_qual_status status;
        sp_date period, as_of;
        sp_status rag;
        const char *missing;
    } cases[] = {
        {SP_QS_MET, D(2022, 4, 30), D(2022, 5, 31), SP_GREEN, NULL},
        {SP_QS_PARTLY_MET, D(2022, 4, 30), D(2022, 5, 31), SP_AMBER, NULL},
        {SP_QS_NOT_MET, D(2022, 4, 30), D(2022, 5, 31), SP_RED, NULL},
        {SP_QS_MET, D(2023, 1, 31), D(2023, 2, 28), SP_BLUE, NULL}, /* met at 12 months */
        /* the 6-month checkpoint (31 Jul) has passed and only the 3-month status is recorded: its
         * status is due by the end of the month after (31 Aug, the reporting lag); until then the
         * 3-month status stands, the day after it is a missing update */
        {SP_QS_MET, D(2022, 4, 30), D(2022, 8, 31), SP_GREEN, NULL},
        {SP_QS_MET, D(2022, 4, 30), D(2022, 9, 1), SP_GREY,
         "No update recorded for the 6-month milestone (due 31 Jul 2022)"},
        /* no checkpoint passed yet (the 3-month one is due on the report date itself) */
        {SP_QS_NONE, D(2022, 4, 30), D(2022, 4, 30), SP_GREY, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sp_plan p;
        sp_assessment a;
        pb_init(&p, D(2022, 1, 31));
        pb_kpi(&p, "K1", "In development", SP_DIR_NONE, "Working group set up", "Scoping done", "Forum meets");
        if (cases[i].status != SP_QS_NONE)
            pb_value(&p, "K1", cases[i].period, false, 0, cases[i].status);
        sp_kpi_result r = kpi_one(&p, &a, cases[i].as_of);
        assert_false(r.numeric);
        if (r.rag != cases[i].rag)
            fail_msg("case %zu: RAG %s, expected %s (%s)", i, sp_status_word(r.rag), sp_status_word(cases[i].rag),
                     r.reason);
        if (cases[i].missing)
            assert_string_equal(r.missing_update, cases[i].missing);
        else
            assert_null(r.missing_update);
        assert_null(r.not_reported); /* never both */
        pb_free(&p, &a);
    }
}

static void empty_plan(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    pb_assess(&p, AS_OF, &a);
    assert_int_equal(a.milestone_counts.total, 0);
    assert_int_equal(a.kpi_counts.total, 0);
    assert_int_equal(a.challenges, 0);
    assert_string_equal(a.overall, "The plan has no milestones and no KPIs to report.");
    pb_free(&p, &a);
}

static void cohort_filter(void **state)
{
    (void)state;
    /* in the 18-25 view: overlapping ranges that start at 14 or later (the template's minimum) */
    assert_true(sp_cohort_matches("18-25", "18-25", 14));
    assert_true(sp_cohort_matches("14-25", "18-25", 14));
    assert_false(sp_cohort_matches("13-25", "18-25", 14));
    assert_false(sp_cohort_matches("0-25", "18-25", 14)); /* the whole SEND range says nothing of young adults */
    assert_true(sp_cohort_matches("18 – 25", "18-25", 14));
    assert_false(sp_cohort_matches("0-5", "18-25", 14));
    assert_false(sp_cohort_matches("14-17", "18-25", 14));
    assert_false(sp_cohort_matches("", "18-25", 14));
    assert_true(sp_cohort_matches("", NULL, 14));
    assert_true(sp_cohort_matches("Post-16", "post-16", 14));
    /* a cohort that starts below the minimum takes what overlaps it */
    assert_true(sp_cohort_matches("0-25", "0-5", 14));

    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    pb_milestone(&p, "Area 1", "1.1", D(2022, 4, 30), NO, NO, SP_GREEN)->cohort = "18-25";
    pb_milestone(&p, "Area 1", "1.2", D(2022, 4, 30), NO, NO, SP_GREEN)->cohort = "0-5";
    pb_kpi(&p, "K1", "1", SP_DIR_UP, "", "", "2")->cohort = "14-25";
    pb_kpi(&p, "K2", "1", SP_DIR_UP, "", "", "2")->cohort = "0-5";
    sp_diags d = {0};
    sp_plan_build(&p, &d);
    sp_rules rules;
    sp_rules_default(&rules);
    rules.cohort = "18-25";
    sp_assess(&p, AS_OF, &rules, &a);
    assert_true(a.milestones[0].in_scope);
    assert_false(a.milestones[1].in_scope);
    assert_true(a.kpis[0].in_scope);
    assert_false(a.kpis[1].in_scope);
    assert_int_equal(a.milestone_counts.total, 1);
    assert_int_equal(a.kpi_counts.total, 1);
    assert_int_equal(a.challenges, 1);
    sp_diags_free(&d);
    pb_free(&p, &a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(due_exactly_on_as_of),
        cmocka_unit_test(challenge_in_months),
        cmocka_unit_test(revised_later_and_earlier),
        cmocka_unit_test(month_only_deadline),
        cmocka_unit_test(complete_three_ways),
        cmocka_unit_test(undated_is_grey),
        cmocka_unit_test(due_soon_and_stale_edges),
        cmocka_unit_test(action_rollup),
        cmocka_unit_test(area_assessment),
        cmocka_unit_test(relative_target_on_pending_baseline),
        cmocka_unit_test(tolerance_edges),
        cmocka_unit_test(direction_down_and_none),
        cmocka_unit_test(points_targets_and_comparators),
        cmocka_unit_test(qualitative_checkpoints),
        cmocka_unit_test(empty_plan),
        cmocka_unit_test(cohort_filter),
    };
    return cmocka_run_group_tests_name("assessment", tests, NULL, NULL);
}
