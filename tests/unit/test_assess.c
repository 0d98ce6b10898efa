/* Every rule and boundary of shared/spec/assessment-rules.md on small hand-made plans. */
#include "testutil.h"

#include "plan_builder.h"

#include <stdio.h>
#include <string.h>

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

/* The challenge rule, every reported status against every derived one, in an export that records
 * completion dates (start 31 Jan 2022, report 30 Jun 2022):
 *   derived Blue  - completed 15 Apr, due 30 Apr          Green - due 31 Dec 2022
 *   derived Amber - due 31 May revised to 30 Sep          Red   - due 30 Apr
 *   derived Grey  - Ongoing
 * Reported Blue claims completion: challenged wherever there is no completion date (the derived
 * Blue row has one). Reported Green is challenged only on an overdue milestone. Amber or Red on
 * an overdue milestone is acknowledged. No reported status: nothing to challenge. */
static void challenge_matrix(void **state)
{
    (void)state;
    const sp_status reported[] = {SP_STATUS_NONE, SP_BLUE, SP_GREEN, SP_AMBER, SP_RED};
    const sp_status derived[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    /* 'C' challenged, 'A' acknowledged, '-' neither; rows reported, columns derived */
    const char *const expect[] = {
        /*        Blue Green Amber Red Grey */
        /* none  */ "-----",
        /* Blue  */ "-CCCC",
        /* Green */ "---C-",
        /* Amber */ "---A-",
        /* Red   */ "---A-",
    };
    for (size_t i = 0; i < 5; i++) {
        for (size_t j = 0; j < 5; j++) {
            sp_plan p;
            sp_assessment a;
            pb_init(&p, D(2022, 1, 31));
            p.has_completed_column = true;
            p.has_status_column = true;
            sp_date due = derived[j] == SP_BLUE    ? D(2022, 4, 30)
                          : derived[j] == SP_GREEN ? D(2022, 12, 31)
                          : derived[j] == SP_AMBER ? D(2022, 5, 31)
                          : derived[j] == SP_RED   ? D(2022, 4, 30)
                                                   : NO;
            sp_date revised = derived[j] == SP_AMBER ? D(2022, 9, 30) : NO;
            sp_date completed = derived[j] == SP_BLUE ? D(2022, 4, 15) : NO;
            pb_milestone(&p, "Area 1", "1.1", due, revised, completed, reported[i]);
            pb_assess(&p, AS_OF, &a);
            const sp_milestone_result *r = &a.milestones[0];
            char got = r->challenge ? 'C' : r->acknowledged ? 'A' : '-';
            if (r->derived != derived[j] && !(reported[i] == SP_BLUE && derived[j] == SP_BLUE))
                fail_msg("reported %s, case %s: derived %s", sp_status_word(reported[i]), sp_status_word(derived[j]),
                         sp_status_word(r->derived));
            if (got != expect[i][j])
                fail_msg("reported %s, derived %s: got '%c', expected '%c' (%s)", sp_status_word(reported[i]),
                         sp_status_word(derived[j]), got, expect[i][j], r->challenge ? r->challenge : "");
            assert_int_equal(a.challenges, got == 'C');
            assert_int_equal(a.acknowledged, got == 'A');
            pb_free(&p, &a);
        }
    }
}

/* Decisions 11: Blue alone counts as complete only where the export has no completion-date
 * column, and then the headline says once that completions cannot be checked. */
static void blue_without_completion_column(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    p.has_status_column = true;
    pb_milestone(&p, "Area 1", "1.1", D(2022, 4, 30), NO, NO, SP_BLUE);
    pb_assess(&p, AS_OF, &a);
    assert_true(a.milestones[0].complete);
    assert_null(a.milestones[0].challenge);
    assert_true(a.completions_unchecked);
    assert_non_null(strstr(a.overall, "Completions cannot be checked against dates: the export records none."));
    pb_free(&p, &a);
    /* the same row where the export has the column: challenged and overdue */
    pb_init(&p, D(2022, 1, 31));
    p.has_status_column = p.has_completed_column = true;
    pb_milestone(&p, "Area 1", "1.1", D(2022, 4, 30), NO, NO, SP_BLUE);
    pb_assess(&p, AS_OF, &a);
    assert_false(a.milestones[0].complete);
    assert_int_equal(a.milestones[0].derived, SP_RED);
    assert_false(a.completions_unchecked);
    pb_free(&p, &a);
    /* no reported-status column at all: said once instead of "0 challenged" */
    pb_init(&p, D(2022, 1, 31));
    pb_milestone(&p, "Area 1", "1.1", D(2022, 4, 30), NO, NO, SP_STATUS_NONE);
    pb_assess(&p, AS_OF, &a);
    assert_non_null(strstr(a.overall, "The export records no reported status, so no position can be challenged."));
    assert_null(strstr(a.overall, "reported positions are challenged"));
    pb_free(&p, &a);
}

/* A recurring activity is never overdue, however old its start. */
static void recurring_never_overdue(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    sp_milestone *m = pb_milestone(&p, "Area 1", "1.1", D(2020, 2, 29), NO, NO, SP_GREEN);
    m->due.kind = SP_DUE_RECURRING; /* "From Feb 2020" */
    m = pb_milestone(&p, "Area 1", "1.2", NO, NO, NO, SP_GREEN);
    m->due.kind = SP_DUE_RECURRING; /* "Termly" */
    m->due_text = "Termly";
    pb_assess(&p, AS_OF, &a);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(a.milestones[i].derived, SP_GREY);
        assert_true(a.milestones[i].recurring);
        assert_false(a.milestones[i].due_by_as_of);
        assert_null(a.milestones[i].challenge);
    }
    assert_string_equal(a.milestones[0].reason, "Recurring since Feb 2020: no deadline, never overdue.");
    assert_string_equal(a.milestones[1].reason, "Recurring (Termly): no deadline, never overdue.");
    assert_int_equal(a.areas[0].assessment, SP_AREA_ON_TRACK);
    pb_free(&p, &a);
}

/* Standing targets: 93% at every checkpoint, no baseline. Tolerance 5% of 93 = 4.65. */
static void standing_target_edges(void **state)
{
    (void)state;
    const struct {
        double value;
        sp_status rag;
    } cases[] = {
        {93, SP_BLUE},     /* exactly met */
        {95, SP_BLUE},     /* beyond */
        {88.35, SP_AMBER}, /* short by exactly the tolerance, 4.65 */
        {88.34, SP_RED},   /* short by 4.66 */
        {89, SP_AMBER},    /* the case: pending baseline, 89% against 93%: no longer Green */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sp_plan p;
        sp_assessment a;
        pb_init(&p, D(2022, 1, 31));
        pb_kpi(&p, "K1", "In development", SP_DIR_UP, "93%", "93%", "93%")->unit = SP_UNIT_PERCENT;
        pb_value(&p, "K1", D(2022, 5, 31), true, cases[i].value, SP_QS_NONE);
        sp_kpi_result r = kpi_one(&p, &a, AS_OF);
        assert_true(r.standing);
        assert_false(r.baseline_set); /* the pending baseline is ignored */
        assert_false(r.has_trajectory);
        assert_near(r.tolerance, 4.65, 1e-9);
        if (r.rag != cases[i].rag)
            fail_msg("%g: %s, expected %s (%s)", cases[i].value, sp_status_word(r.rag), sp_status_word(cases[i].rag),
                     r.reason);
        pb_free(&p, &a);
    }
    /* direction down, its own tolerance: 42 days standing, 2 days' tolerance */
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    sp_kpi *k = pb_kpi(&p, "K1", "60", SP_DIR_DOWN, "42", "42", "42");
    k->has_tolerance = true;
    k->tolerance = 2;
    pb_value(&p, "K1", D(2022, 5, 31), true, 44, SP_QS_NONE);
    sp_kpi_result r = kpi_one(&p, &a, AS_OF);
    assert_int_equal(r.rag, SP_AMBER); /* 44 is 2 over: within 2 */
    pb_free(&p, &a);
    /* a single numeric target, or different ones, is not a standing target */
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "80%", SP_DIR_UP, "", "", "93%");
    r = kpi_one(&p, &a, AS_OF);
    assert_false(r.standing);
    pb_free(&p, &a);
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "80%", SP_DIR_UP, "90%", "93%", "93%");
    r = kpi_one(&p, &a, AS_OF);
    assert_false(r.standing);
    pb_free(&p, &a);
}

/* The value that set a pending baseline is not itself judged; the next one is. */
static void first_value_not_judged(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "In development", SP_DIR_UP, "+10%", "+20%", "+30%");
    pb_value(&p, "K1", D(2022, 5, 31), true, 16, SP_QS_NONE);
    sp_kpi_result r = kpi_one(&p, &a, AS_OF);
    assert_true(r.baseline_from_first_value);
    assert_int_equal(r.rag, SP_GREY);
    assert_string_equal(r.reason, "Baseline set from the first value (16, May 2022); judged from the next value.");
    pb_free(&p, &a);
    /* a second value: judged against the trajectory from (31 May, 16) to (31 Jul, 19.2):
     * on 30 Jun (30 of 61 days) 16 + 3.2 x 30/61 = 17.5738; 17 is short by 0.5738, more than
     * 10% of (20.8 - 16) = 0.48 -> Red */
    pb_init(&p, D(2022, 1, 31));
    pb_kpi(&p, "K1", "In development", SP_DIR_UP, "+10%", "+20%", "+30%");
    pb_value(&p, "K1", D(2022, 5, 31), true, 16, SP_QS_NONE);
    pb_value(&p, "K1", D(2022, 6, 30), true, 17, SP_QS_NONE);
    r = kpi_one(&p, &a, AS_OF);
    assert_near(r.trajectory, 16 + 3.2 * 30 / 61, 1e-9);
    assert_int_equal(r.rag, SP_RED);
    pb_free(&p, &a);
}

/* Not reported: start 31 Jan 2022, 3-month checkpoint 30 Apr 2022, its value due by 31 May
 * (a month's lag). A value for April (the checkpoint's period) or later counts; March does not. */
static void not_reported_edges(void **state)
{
    (void)state;
    const struct {
        sp_date value_month; /* NO: no value at all */
        sp_date as_of;
        bool not_reported;
        const char *why;
    } cases[] = {
        {D(2022, 3, 31), D(2022, 5, 31), false, NULL}, /* the deadline itself has not passed */
        {D(2022, 3, 31), D(2022, 6, 1), true, "No value reported since Mar 2022: 1 month after the 3-month checkpoint (Apr 2022)"},
        {D(2022, 4, 30), D(2022, 6, 1), false, NULL},  /* a value for the checkpoint's period */
        {NO, D(2022, 5, 31), false, NULL},
        {NO, D(2022, 6, 1), true, "No value reported: 1 month after the 3-month checkpoint (Apr 2022)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sp_plan p;
        sp_assessment a;
        pb_init(&p, D(2022, 1, 31));
        pb_kpi(&p, "K1", "10", SP_DIR_UP, "12", "14", "20");
        pb_milestone(&p, "Area 1", "1.1", D(2023, 1, 31), NO, NO, SP_GREEN)->kpi = "K1";
        if (cases[i].value_month != NO)
            pb_value(&p, "K1", cases[i].value_month, true, 11, SP_QS_NONE);
        sp_kpi_result r = kpi_one(&p, &a, cases[i].as_of);
        if ((r.not_reported != NULL) != cases[i].not_reported)
            fail_msg("case %zu: not reported %s", i, r.not_reported ? r.not_reported : "(none)");
        if (cases[i].why)
            assert_string_equal(r.not_reported, cases[i].why);
        assert_null(r.missing_update); /* never both */
        assert_int_equal(a.kpis_not_reported, cases[i].not_reported);
        /* the area's only KPI unreported: At risk, never On track */
        assert_int_equal(a.areas[0].assessment, cases[i].not_reported ? SP_AREA_AT_RISK : SP_AREA_ON_TRACK);
        if (cases[i].value_month != NO) /* still judged from the latest value */
            assert_int_not_equal(r.rag, SP_GREY);
        pb_free(&p, &a);
    }
}

/* A KPI's area, step by step: name, number, prefix, word overlap, an action naming it, none. */
static void area_link_steps(void **state)
{
    (void)state;
    const struct {
        const char *area;
        sp_area_link how;
        size_t index;
    } cases[] = {
        {"workstream 2: preparing, for adulthood", SP_LINK_NAME, 1}, /* case and punctuation ignored */
        {"Workstream 2", SP_LINK_NUMBER, 1},
        {"2", SP_LINK_NUMBER, 1},
        {"Area 1", SP_LINK_NUMBER, 0},
        {"Workstream 1: Joint", SP_LINK_PREFIX, 0},
        {"Preparing young people for adulthood", SP_LINK_OVERLAP, 1}, /* {preparing young people for adulthood} vs
                                                                         {workstream preparing for adulthood}: 2x3/9 */
        {"Preparing for work", SP_LINK_NONE, SP_NO_AREA}, /* {preparing for work} vs ...: 2x2/7 = 0.57 */
        /* {preparing for adulthood jobs homes friends} vs {workstream preparing for adulthood}:
         * 2 x 3 / (6 + 4) = 0.6 exactly: linked */
        {"Preparing for adulthood: jobs, homes, friends", SP_LINK_OVERLAP, 1},
        {"", SP_LINK_ACTION, 0},                          /* named by action 1.1's kpi cell */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sp_plan p;
        sp_assessment a;
        pb_init(&p, D(2022, 1, 31));
        pb_milestone(&p, "Workstream 1: Joint commissioning", "1.1", D(2022, 12, 31), NO, NO, SP_GREEN)->kpi =
            cases[i].how == SP_LINK_ACTION ? "K1" : "";
        pb_milestone(&p, "Workstream 2: Preparing for adulthood", "2.1", D(2022, 12, 31), NO, NO, SP_GREEN);
        pb_kpi(&p, "K1", "10", SP_DIR_UP, "", "", "20")->area = cases[i].area;
        pb_assess(&p, AS_OF, &a);
        if (a.kpis[0].area_link != cases[i].how || a.kpis[0].area_index != cases[i].index)
            fail_msg("'%s': linked by %d to %zu, expected %d to %zu", cases[i].area, (int)a.kpis[0].area_link,
                     a.kpis[0].area_index, (int)cases[i].how, cases[i].index);
        assert_int_equal(a.plan_wide_kpis, cases[i].how == SP_LINK_NONE);
        pb_free(&p, &a);
    }
    /* the overlap threshold itself: Dice exactly 0.6 links, below does not */
    assert_near(sp_word_overlap("alpha beta gamma", "alpha beta delta epsilon"), 0.571428571, 1e-6);
    assert_near(sp_word_overlap("alpha beta gamma", "alpha beta gamma delta epsilon extra zeta"), 0.6, 1e-9);
}

/* Age ranges in text: each form, and which of them the 18-25 view takes (start 14 or later). */
static void age_ranges_in_text(void **state)
{
    (void)state;
    const struct {
        const char *text;
        int lo, hi; /* -1: none found */
        const char *said;
        bool in_18_25;
    } cases[] = {
        {"Provision for young adults aged 18 - 25", 18, 25, "aged 18 - 25", true},
        {"Support for 14 – 25 year olds", 14, 25, "14 – 25 year olds", true},
        {"19-25 employment offer", 19, 25, "19-25", true},
        {"Young people 18+ in work", 18, 25, "18+", true},
        {"aged over 18", 18, 25, "aged over 18", true},
        {"young people with SEND aged 18 and over", 18, 25, "aged 18 and over", true},
        {"children and young people aged 16 to 25", 16, 25, "aged 16 to 25", true},
        {"joint strategy for children and young adults (0 – 25)", 0, 25, "0 – 25", false},
        {"early years 0-5", 0, 5, "0-5", false},
        {"over 80% of parents", -1, -1, NULL, false},     /* not an age */
        {"Reduction in the number of 18+ waits", -1, -1, NULL, false}, /* no age word beside it */
        {"2020-2021 programme", -1, -1, NULL, false},
        {"reduce by 5-10%", -1, -1, NULL, false},
        {"waits of 1-2 weeks", -1, -1, NULL, false}, /* a bare range must end at 16 or later */
        {"the 0-5 offer", -1, -1, NULL, false},
        {"Post-16 offer for 16-19", 16, 19, "16-19", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int lo, hi;
        size_t s, e;
        bool found = sp_find_age_range(cases[i].text, 0, &lo, &hi, &s, &e);
        if (found != (cases[i].lo >= 0))
            fail_msg("'%s': found %d", cases[i].text, found);
        if (!found)
            continue;
        assert_int_equal(lo, cases[i].lo);
        assert_int_equal(hi, cases[i].hi);
        char said[64];
        snprintf(said, sizeof said, "%.*s", (int)(e - s), cases[i].text + s);
        assert_string_equal(said, cases[i].said);
        assert_int_equal(sp_cohort_matches(cases[i].text, "18-25", 14), cases[i].in_18_25);
    }
    /* several ranges in one text: in when any qualifies */
    assert_true(sp_cohort_matches("services for 0-25, with a focus on 19-25", "18-25", 14));
}

/* The cohort of an item: cell, else areas.csv, else its texts; a plan wholly in it says so once. */
static void cohort_sources(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2022, 1, 31));
    pb_milestone(&p, "Workstream 5: Provision for young people aged 18 - 25", "5.1", D(2022, 12, 31), NO, NO, SP_GREEN);
    pb_milestone(&p, "Workstream 1: Joint commissioning (0 – 25)", "1.1", D(2022, 12, 31), NO, NO, SP_GREEN);
    pb_milestone(&p, "Workstream 1: Joint commissioning (0 – 25)", "1.2", D(2022, 12, 31), NO, NO, SP_GREEN)->cohort =
        "14-25";
    sp_diags d = {0};
    sp_plan_build(&p, &d);
    sp_diags_free(&d);
    sp_rules rules;
    sp_rules_default(&rules);
    rules.focus_cohort = "18-25";
    sp_assess(&p, AS_OF, &rules, &a);
    /* actions in natural ref order within areas in order of appearance: 5.1, then 1.1, 1.2 */
    assert_true(a.actions[0].in_focus);
    assert_string_equal(a.actions[0].cohort_reason, "area title: aged 18 - 25");
    assert_false(a.actions[1].in_focus); /* 0 - 25 says nothing of young adults */
    assert_true(a.actions[2].in_focus);
    assert_string_equal(a.actions[2].cohort_reason, "cohort: 14-25");
    assert_null(a.focus_whole_plan);
    sp_assessment_free(&a);
    /* areas.csv's cohort for an action without one */
    p.areas.items[1].cohort = "18-25";
    sp_assess(&p, AS_OF, &rules, &a);
    assert_true(a.actions[1].in_focus);
    assert_string_equal(a.actions[1].cohort_reason, "areas.csv cohort: 18-25");
    assert_string_equal(a.focus_whole_plan,
                        "Every action and KPI of this plan is for the 18-25 age group, so the whole report is its view.");
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
        cmocka_unit_test(challenge_matrix),
        cmocka_unit_test(blue_without_completion_column),
        cmocka_unit_test(recurring_never_overdue),
        cmocka_unit_test(standing_target_edges),
        cmocka_unit_test(first_value_not_judged),
        cmocka_unit_test(not_reported_edges),
        cmocka_unit_test(area_link_steps),
        cmocka_unit_test(age_ranges_in_text),
        cmocka_unit_test(cohort_sources),
    };
    return cmocka_run_group_tests_name("assessment", tests, NULL, NULL);
}
