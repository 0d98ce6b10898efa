/*
 * Two exports of the kinds councils send, in tests/data, assessed at a fixed report date against
 * figures worked out by hand from their cells (the working is in the comments):
 *   merged-tracker - a WSoA tracker saved from Excel with Workstream, Ref and Implementation merged
 *                    over each action's milestone rows, with areas.csv;
 *   kpi-report     - a children's services KPI report with standing targets and comparators.
 */
#include "testutil.h"

#include <string.h>

#include "assess/assess.h"
#include "read/plan_reader.h"

static sp_plan plan;
static sp_assessment assessment;

static void load(const char *name, sp_date as_of, const char *focus)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/data/%s", TESTS_DIR, name);
    sp_test_read(dir, &plan);
    sp_rules rules;
    sp_rules_default(&rules);
    rules.focus_cohort = focus;
    sp_assess(&plan, as_of, &rules, &assessment);
}

static void unload(void)
{
    sp_assessment_free(&assessment);
    sp_plan_free(&plan);
}

static size_t kpi_by_ref(const char *ref)
{
    return sp_test_kpi(&plan, ref);
}

/*
 * merged-tracker at 30 Jun 2022 (start 31 Jan 2022). Rows, in file order:
 *   2 1.1  "Draft strategy to the board" due 31 Mar, Blue, completed 15 Mar -> Blue, on time.
 *   3 (merged: 1.1) "Consultation" due 30 Apr, Blue, no completion date. The export has a
 *     completion-date column, so Blue alone is not evidence: not complete, 30 Apr < 30 Jun ->
 *     Red, 31 (May) + 30 (Jun) = 61 days, 2 whole months; challenged.
 *   4 (merged: 1.1) "Strategy published" due 31 May, Amber -> Red 30 days (1 month: 30 Jun is
 *     June's last day); reported Amber: acknowledged, not challenged.
 *   5 1.2 "Forum contract let" due 31 May, Green -> Red 30 days; challenged.
 *   6 (merged: 1.2) "Monthly from April 2022" -> recurring, Grey.
 *   7 2.1 due 31 Aug revised 30 Sep, Green -> Amber (slipped); Green on a slipped milestone is
 *     on track against its revised date: not challenged.
 *   8 (merged: 2.1) due 31 Dec, Red -> Green (pessimism is never challenged).
 *   9 2.2 "Quarterly" -> recurring, Grey.
 * Plan: Blue 1, Green 1, Amber 1, Red 3, Grey 2 = 8. Due by 30 Jun: rows 2, 3, 4, 5 = 4, on time
 * 1 (row 2) -> 25%. Challenges 2 (rows 3, 5), acknowledged 1 (row 4).
 * Workstream 1: due 4, overdue 3 = 75% >= 25% -> Off track; the longest, 1.1, 61 days.
 * Workstream 2: nothing overdue; K1 ("Workstream 2": by number) Grey, no value yet -> On track.
 * K2 "Joint commissioning" vs "Workstream 1: Joint commissioning": words {joint, commissioning}
 * and {workstream, joint, commissioning}: Dice 2 x 2 / (2 + 3) = 0.8 -> Workstream 1.
 * Areas off track or at risk: 1 of 2. KPIs: 2 Grey, 0 Red or Amber.
 */
static void merged_tracker(void **state)
{
    (void)state;
    load("merged-tracker", D(2022, 6, 30), NULL);
    assert_int_equal(plan.milestones.n, 8);
    assert_int_equal(plan.actions.n, 4);
    assert_true(plan.has_completed_column);
    /* the merged rows continue the action above: ref, area, action text and lead */
    const sp_milestone *m = &plan.milestones.items[1];
    assert_int_equal(m->src.line, 3);
    assert_string_equal(m->ref, "1.1");
    assert_string_equal(m->area, "Workstream 1: Joint commissioning");
    assert_string_equal(m->action, "Agree the joint commissioning strategy");
    assert_string_equal(m->owner, "Ann Lee, Head of Commissioning");
    assert_int_equal(plan.actions.items[0].n_milestones, 3);

    assert_counts(assessment.milestone_counts, 1, 1, 1, 3, 2);
    const sp_milestone_result *r = assessment.milestones;
    assert_true(r[0].on_time);
    assert_false(r[1].complete);
    assert_int_equal(r[1].days_overdue, 61);
    assert_string_equal(r[1].challenge,
                        "Reported Blue, but no completion date is recorded and it is 2 months overdue (due 30 Apr 2022)");
    assert_int_equal(r[2].days_overdue, 30);
    assert_null(r[2].challenge);
    assert_string_equal(r[2].acknowledged, "Reported Amber: the delay is acknowledged");
    assert_string_equal(r[3].challenge, "Reported Green, but 30 days overdue (due 31 May 2022)");
    assert_true(r[4].recurring);
    assert_string_equal(r[4].reason, "Recurring since Apr 2022: no deadline, never overdue.");
    assert_int_equal(r[5].derived, SP_AMBER);
    assert_null(r[5].challenge);
    assert_int_equal(r[6].derived, SP_GREEN);
    assert_null(r[6].challenge);
    assert_string_equal(r[7].reason, "Recurring (Quarterly): no deadline, never overdue.");

    assert_int_equal(assessment.due, 4);
    assert_int_equal(assessment.due_on_time, 1);
    assert_near(assessment.percent_on_time, 25, 1e-9);
    assert_int_equal(assessment.challenges, 2);
    assert_int_equal(assessment.acknowledged, 1);
    assert_int_equal(assessment.areas[0].assessment, SP_AREA_OFF_TRACK);
    assert_string_equal(assessment.areas[0].reason,
                        "3 of 4 milestones due by 30 Jun 2022 are overdue (75%); the longest, 1.1, by 61 days.");
    assert_int_equal(assessment.areas[0].acknowledged, 1);
    assert_int_equal(assessment.areas[1].assessment, SP_AREA_ON_TRACK);
    assert_int_equal(assessment.kpis[kpi_by_ref("K1")].area_index, 1);
    assert_int_equal(assessment.kpis[kpi_by_ref("K1")].area_link, SP_LINK_NUMBER);
    assert_int_equal(assessment.kpis[kpi_by_ref("K2")].area_index, 0);
    assert_int_equal(assessment.kpis[kpi_by_ref("K2")].area_link, SP_LINK_OVERLAP);
    assert_near(assessment.kpis[kpi_by_ref("K2")].area_overlap, 0.8, 1e-9);
    assert_string_equal(assessment.overall,
                        "Of 8 milestones, 1 is complete and 3 overdue (1 acknowledged in the export); 1 of 2 areas is "
                        "off track or at risk; 0 of 2 KPIs are Red or Amber; 2 reported positions are challenged.");

    /* areas.csv, matched by number ("Workstream 1" is the area whose name starts with it) */
    assert_true(plan.has_areas_file);
    assert_string_equal(plan.areas.items[0].sponsor, "Ann Lee, Director of Children's Services");
    assert_string_equal(plan.areas.items[0].weakness, "Joint commissioning is not well established");
    assert_string_equal(plan.areas.items[0].partners, "Testshire ICB");
    assert_string_equal(plan.areas.items[1].cohort, "18-25");
    unload();
}

/*
 * merged-tracker's 18-25 view: Workstream 2's cohort is 18-25 in areas.csv, so its actions 2.1
 * and 2.2 and its KPI K1 are in, each "areas.csv cohort: 18-25"; Workstream 1 names no age.
 */
static void merged_tracker_cohort(void **state)
{
    (void)state;
    load("merged-tracker", D(2022, 6, 30), "18-25");
    for (size_t i = 0; i < plan.actions.n; i++) {
        bool young = plan.actions.items[i].area_index == 1;
        assert_int_equal(assessment.actions[i].in_focus, young);
        if (young)
            assert_string_equal(assessment.actions[i].cohort_reason, "areas.csv cohort: 18-25");
    }
    assert_true(assessment.kpis[kpi_by_ref("K1")].in_focus);
    assert_false(assessment.kpis[kpi_by_ref("K2")].in_focus);
    assert_null(assessment.focus_whole_plan);
    unload();
}

/*
 * kpi-report at 30 Jun 2024 (start 31 Mar 2023; checkpoints 30 Jun 2023, 30 Sep 2023, 31 Mar
 * 2024; each one's values are due by the end of the month after: the 12-month one by 30 Apr 2024).
 *   S1 93% at every checkpoint: a standing target; its pending baseline is ignored. Tolerance
 *      5% of 93 = 4.65. May 2024 89: short by 4 <= 4.65 -> Amber. England 50.7 and statistical
 *      neighbours 61.2: better than both. Mar 91.5 -> May 89: worsening.
 *   S2 42 days at every checkpoint, direction down, own tolerance 3. Jun 2024 46: short by 4 > 3
 *      -> Red. England 40: worse; neighbours 46: the same.
 *   S3 baseline 50, targets 60, 70, 80. Last value Dec 2023 = 73. Trajectory on 31 Dec 2023,
 *      between (30 Sep 2023, 70) and (31 Mar 2024, 80): 92 of 183 days (Oct 31 + Nov 30 + Dec 31;
 *      + Jan 31 + Feb 29 + Mar 31) -> 70 + 10 x 92 / 183 = 75.0273. Short by 2.0273 <= 10% of
 *      (80 - 50) = 3 -> Amber. No value for Mar 2024 or later, and 30 Apr 2024 has passed: not
 *      reported, "since Dec 2023", 3 months after the 12-month checkpoint (31 Mar -> 30 Jun).
 *   S4 "Establish baseline", relative targets: set from the first value, Jun 2024 = 40, which is
 *      also the latest -> Grey, judged from the next value.
 *   S5 text targets; 3-month status met (Jun 2023); none for 6 or 12 months; 12-month status was
 *      due by 30 Apr 2024 -> a missing update; it records values: 131 in May, up from 120.
 *   S6 baseline 90%, one numeric target (95% at 12 months): not a standing target. Flat at 95
 *      after 31 Mar 2024; Jun 94.6: short by 0.4 <= 10% of 5 = 0.5 -> Amber.
 * Areas: "Priority 1: Timely EHC plans" has S1 (by number, "Priority 1"), S2 ("Timely EHC plans":
 *   {timely ehc plans} vs {priority timely ehc plans}: Dice 6/7 = 0.857), S4 ("Priority 1:
 *   Timely": a prefix), S5 (named by action P1.1). S2 Red -> At risk.
 *   "Priority 2: Preparing for adulthood" has S3 only, not reported -> At risk, not On track.
 *   S6 "Health" matches no area: plan-wide.
 * KPIs: Amber 3 (S1, S3, S6), Red 1 (S2), Grey 2 (S4, S5). Exceptions: S2 (Red), S3 (not
 * reported), S5 (missing update), S1, S6 (Amber).
 */
static void kpi_report(void **state)
{
    (void)state;
    load("kpi-report", D(2024, 6, 30), NULL);
    const sp_kpi_result *k = &assessment.kpis[kpi_by_ref("S1")];
    assert_true(k->standing);
    assert_near(k->standing_target, 93, 1e-9);
    assert_false(k->baseline_set);
    assert_near(k->tolerance, 4.65, 1e-9);
    assert_int_equal(k->rag, SP_AMBER);
    assert_string_equal(k->reason, "Standing target 93%: 89% in May 2024, short by 4 points, within the tolerance of 4.65 points.");
    assert_int_equal(k->england, SP_CMP_BETTER);
    assert_int_equal(k->neighbours, SP_CMP_BETTER);
    assert_int_equal(k->travel, SP_TRAVEL_WORSENING);
    assert_null(k->not_reported);

    k = &assessment.kpis[kpi_by_ref("S2")];
    assert_true(k->standing);
    assert_near(k->tolerance, 3, 1e-9);
    assert_int_equal(k->rag, SP_RED);
    assert_int_equal(k->england, SP_CMP_WORSE);
    assert_int_equal(k->neighbours, SP_CMP_SAME);

    k = &assessment.kpis[kpi_by_ref("S3")];
    assert_false(k->standing);
    assert_near(k->trajectory, 70 + 10.0 * 92 / 183, 1e-9);
    assert_int_equal(k->rag, SP_AMBER);
    assert_string_equal(k->not_reported, "No value reported since Dec 2023: 3 months after the 12-month checkpoint (Mar 2024)");

    k = &assessment.kpis[kpi_by_ref("S4")];
    assert_true(k->baseline_from_first_value);
    assert_int_equal(k->rag, SP_GREY);
    assert_string_equal(k->reason, "Baseline set from the first value (40, Jun 2024); judged from the next value.");

    k = &assessment.kpis[kpi_by_ref("S5")];
    assert_int_equal(k->rag, SP_GREY);
    assert_string_equal(k->missing_update, "Checkpoint status not recorded for the 12-month milestone (due 31 Mar 2024)");
    assert_string_equal(k->reason, "Checkpoint status not recorded for the 12-month milestone (due 31 Mar 2024). Latest "
                                   "value: 131 in May 2024, up from 120 in Apr 2024 (improving).");
    assert_null(k->not_reported);

    k = &assessment.kpis[kpi_by_ref("S6")];
    assert_false(k->standing);
    assert_int_equal(k->rag, SP_AMBER);
    assert_int_equal(k->area_index, SP_NO_AREA);

    assert_int_equal(assessment.kpis[kpi_by_ref("S1")].area_link, SP_LINK_NUMBER);
    assert_int_equal(assessment.kpis[kpi_by_ref("S2")].area_link, SP_LINK_OVERLAP);
    assert_near(assessment.kpis[kpi_by_ref("S2")].area_overlap, 6.0 / 7.0, 1e-9);
    assert_int_equal(assessment.kpis[kpi_by_ref("S4")].area_link, SP_LINK_PREFIX);
    assert_int_equal(assessment.kpis[kpi_by_ref("S5")].area_link, SP_LINK_ACTION);
    assert_int_equal(assessment.areas[0].n_kpis, 4);
    assert_int_equal(assessment.areas[0].assessment, SP_AREA_AT_RISK);
    assert_string_equal(assessment.areas[0].reason, "KPI S2 is Red.");
    assert_int_equal(assessment.areas[1].assessment, SP_AREA_AT_RISK);
    assert_string_equal(assessment.areas[1].reason, "Its only KPI has no value or update reported.");

    assert_counts(assessment.kpi_counts, 0, 0, 3, 1, 2);
    assert_int_equal(assessment.kpis_not_reported, 1);
    assert_int_equal(assessment.kpis_missing_update, 1);
    assert_int_equal(assessment.plan_wide_kpis, 1);
    const char *order[] = {"S2", "S3", "S5", "S1", "S6"};
    assert_int_equal(assessment.n_exceptions, 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(plan.kpis.items[assessment.exceptions[i].index].ref, order[i]);
    assert_int_equal(assessment.exceptions[1].kind, SP_EXC_KPI_NOT_REPORTED);
    assert_int_equal(assessment.exceptions[2].kind, SP_EXC_KPI_MISSING_UPDATE);
    assert_string_equal(assessment.overall,
                        "Of 2 milestones, 0 are complete and 0 overdue; 2 of 2 areas are off track or at risk; 4 of 6 "
                        "KPIs are Red or Amber; 1 of 6 KPIs has no value reported; 1 checkpoint update is missing; 0 "
                        "reported positions are challenged.");
    unload();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(merged_tracker),
        cmocka_unit_test(merged_tracker_cohort),
        cmocka_unit_test(kpi_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
