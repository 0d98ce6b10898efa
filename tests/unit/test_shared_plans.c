/*
 * The two real plans in shared/data, assessed at a fixed report date, against figures worked
 * out by hand from the CSV cells (the working is in the comments). Not a snapshot of the
 * program's own output.
 */
#include "testutil.h"

#include <string.h>

#include "assess/assess.h"
#include "check/check.h"
#include "read/plan_reader.h"

static sp_plan plan;
static sp_assessment assessment;

static void load(const char *name, sp_date as_of)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/data/%s", SHARED_DIR, name);
    sp_test_read(dir, &plan);
    sp_rules rules;
    sp_rules_default(&rules);
    sp_assess(&plan, as_of, &rules, &assessment);
}

static void unload(void)
{
    sp_assessment_free(&assessment);
    sp_plan_free(&plan);
}

static size_t milestone_by_ref(const char *ref, size_t nth)
{
    for (size_t i = 0; i < plan.milestones.n; i++)
        if (strcmp(plan.milestones.items[i].ref, ref) == 0 && nth-- == 0)
            return i;
    fail_msg("no milestone %s", ref);
    return 0;
}

static size_t kpi_by_ref(const char *ref)
{
    return sp_test_kpi(&plan, ref);
}

/*
 * APP, May 2022, at 31 Dec 2022. Checkpoints (plan.ini): 3m 30 Sep 2022, 6m 31 Dec 2022 (the
 * report date, so not yet passed), 12m 30 Jun 2023. Every action reports Green.
 *
 * "By when" cells -> deadline:
 *   APP-01, 02, 04, 06 "December 2022" -> 31 Dec 2022 = as_of: not overdue -> Green
 *   APP-03 "September 2022 and ... to April 2023" -> 30 Apr 2023, interim 30 Sep 2022 -> Green
 *   APP-05 "September 2022 (ongoing phased work)" -> 30 Sep 2022 -> Red, 92 days
 *   APP-07 March 2023, APP-09 January 2023, APP-11 December 2023, APP-12 June 2023,
 *   APP-13 April 2023 -> Green
 *   APP-08 "September 2022" -> Red: 30 Sep -> 31 Dec = 31 + 30 + 31 = 92 days, 3 whole months
 *   APP-10 "October 2022 December 2022 June 2023" -> 30 Jun 2023, interims Oct and Dec 2022
 * So 11 Green, 2 Red; both Red ones reported Green are challenged.
 */
static void app_milestones(void **state)
{
    (void)state;
    load("peterborough-app-2022", D(2022, 12, 31));
    assert_counts(assessment.milestone_counts, 0, 11, 0, 2, 0);
    size_t i = milestone_by_ref("APP-08", 0);
    const sp_milestone_result *r = &assessment.milestones[i];
    assert_int_equal(r->derived, SP_RED);
    assert_int_equal(r->days_overdue, 92);
    assert_string_equal(r->challenge, "Reported Green, but 3 months overdue (due 30 Sep 2022)");
    /* APP-01, 02 on lines 2, 3; APP-03..07 have a 4-line quoted Area each (lines 4-23) */
    assert_int_equal(plan.milestones.items[i].src.line, 24);
    r = &assessment.milestones[milestone_by_ref("APP-05", 0)];
    assert_int_equal(r->derived, SP_RED);
    assert_string_equal(r->challenge, "Reported Green, but 3 months overdue (due 30 Sep 2022)");
    i = milestone_by_ref("APP-10", 0);
    assert_date(assessment.milestones[i].effective_due, 2023, 6, 30);
    assert_int_equal(plan.milestones.items[i].due.n_interim, 2);
    assert_date(plan.milestones.items[i].due.interim[0], 2022, 10, 31);
    assert_date(assessment.milestones[milestone_by_ref("APP-03", 0)].effective_due, 2023, 4, 30);
    assert_int_equal(assessment.milestones[milestone_by_ref("APP-01", 0)].derived, SP_GREEN);
    unload();
}

/*
 * Areas, in order of first appearance:
 *   1 post-16 plan (APP-01, 02): none overdue; KPIs named by its actions K01 (Green), K02 (Blue)
 *     -> On track
 *   2 "Strengthen the support ..." (APP-03..07): due by 31 Dec: APP-04, 05, 06 = 3; overdue 1
 *     (APP-05) = 33% >= 25% -> Off track
 *   3 Local Offer (APP-08, 09): due by 31 Dec: APP-08 only, overdue -> 100% -> Off track
 *   4 transition (APP-10..13): nothing due yet. Its KPIs by their own area cell "Improving the
 *     transition of young people from children's to adult health service", against the area
 *     "Improving the transition of young people for children's health services to adult health
 *     service (to 'make transitions easy')": words of 3+ letters, as sets,
 *       KPI  {improving the transition young people from children adult health service} = 10
 *       area {improving the transition young people for children health services adult service
 *             make transitions easy} = 14 ("health" twice, once in the set)
 *       common {improving the transition young people children adult health service} = 9
 *       Dice = 2 x 9 / (10 + 14) = 0.75 >= 0.6 -> K10, K11, K12 are Area 4's.
 *     K12 is Red (app_kpis) -> At risk, "KPI K12 is Red."
 */
static void app_areas(void **state)
{
    (void)state;
    load("peterborough-app-2022", D(2022, 12, 31));
    assert_int_equal(plan.areas.n, 4);
    assert_int_equal(assessment.areas[0].assessment, SP_AREA_ON_TRACK);
    assert_int_equal(assessment.areas[0].n_kpis, 2);
    assert_int_equal(assessment.areas[1].assessment, SP_AREA_OFF_TRACK);
    assert_int_equal(assessment.areas[1].due, 3);
    assert_int_equal(assessment.areas[1].overdue, 1);
    assert_string_equal(assessment.areas[1].reason,
                        "1 of 3 milestones due by 31 Dec 2022 is overdue (33%); the longest, APP-05, by 92 days.");
    assert_counts(assessment.areas[1].counts, 0, 4, 0, 1, 0);
    assert_int_equal(assessment.areas[2].assessment, SP_AREA_OFF_TRACK);
    assert_string_equal(assessment.areas[2].reason,
                        "1 of 1 milestone due by 31 Dec 2022 is overdue (100%); the longest, APP-08, by 92 days.");
    assert_int_equal(assessment.areas[3].assessment, SP_AREA_AT_RISK);
    assert_string_equal(assessment.areas[3].reason, "KPI K12 is Red.");
    assert_int_equal(assessment.areas[3].n_kpis, 3);
    assert_int_equal(assessment.kpis[kpi_by_ref("K12")].area_index, 3);
    assert_int_equal(assessment.kpis[kpi_by_ref("K12")].area_link, SP_LINK_OVERLAP);
    assert_near(assessment.kpis[kpi_by_ref("K12")].area_overlap, 18.0 / 24.0, 1e-9);
    assert_near(assessment.areas[3].percent_complete, 0, 0);
    assert_int_equal(assessment.areas_by_assessment[SP_AREA_OFF_TRACK], 2);
    assert_int_equal(assessment.areas_by_assessment[SP_AREA_AT_RISK], 1);
    unload();
}

/*
 * KPIs at 31 Dec 2022 (values are the file's illustrative ones):
 *   K02 Reduction in 18+ waits, down. Baseline "In development": first value on or after
 *     30 Jun 2022 is Jul 2022 = 412. 6m "Reduction by 5%" = 412 x 0.95 = 391.4; 12m
 *     "Reduction by 7.5% ..." = 412 x 0.925 = 381.1. Latest Dec 2022 = 374 <= 381.1 -> Blue.
 *     Progress (374 - 412) / (381.1 - 412) = -38 / -30.9 = 122.977%. Nov 383 -> 374: improving.
 *   K12 LD health checks, up. Baseline 17 ("17% (Jan 2022 14-17 years)"). 3m is text; 6m "+20%"
 *     = 20.4; 12m "+25%" = 21.25. Trajectory from (30 Jun 2022, 17) to (31 Dec 2022, 20.4):
 *     20.4 on 31 Dec. Latest 18.9: short by 1.5; tolerance 10% of 4.25 = 0.425 -> Red.
 *     Progress (18.9 - 17) / 4.25 = 44.7059%.
 *   Qualitative, 3m (30 Sep) passed: K01 met -> Green; K07 partly met -> Amber; K03, K04, K05,
 *     K06, K08, K10, K11 no status, and its reporting deadline (31 Oct) has passed -> Grey, a
 *     missing update each (7), none of them a challenge. K08 has values too (its targets are all
 *     text): "checkpoint status not recorded", with its latest value 163 (Dec), up from its first,
 *     131 (Jul), and improving on the one before, 158 (Nov).
 *     K09 has no 3m target and its 6m one is due on the report date -> Grey, nothing missing.
 *   No KPI is not reported: K02 and K12 have Dec values; their 6m deadline is 31 Jan 2023.
 *   Counts: Blue 1, Green 1, Amber 1, Red 1, Grey 8. Challenges: APP-05 and APP-08, reported
 *   Green and overdue = 2.
 */
static void app_kpis(void **state)
{
    (void)state;
    load("peterborough-app-2022", D(2022, 12, 31));
    const sp_kpi_result *k = &assessment.kpis[kpi_by_ref("K02")];
    assert_true(k->baseline_from_first_value);
    assert_near(k->baseline, 412, 0);
    assert_near(k->target[SP_CP_6M].value, 391.4, 1e-9);
    assert_near(k->target[SP_CP_12M].value, 381.1, 1e-9);
    assert_near(k->latest, 374, 0);
    assert_int_equal(k->rag, SP_BLUE);
    assert_near(k->progress, 38.0 / 30.9 * 100, 1e-9);
    assert_int_equal(k->travel, SP_TRAVEL_IMPROVING);
    assert_string_equal(k->baseline_note, "baseline set from first value, Jul 2022");

    k = &assessment.kpis[kpi_by_ref("K12")];
    assert_near(k->baseline, 17, 0);
    assert_string_equal(plan.kpis.items[kpi_by_ref("K12")].baseline.note, "Jan 2022 14-17 years");
    assert_near(k->target[SP_CP_6M].value, 20.4, 1e-9);
    assert_near(k->target[SP_CP_12M].value, 21.25, 1e-9);
    assert_near(k->trajectory, 20.4, 1e-9);
    assert_near(k->tolerance, 0.425, 1e-9);
    assert_int_equal(k->rag, SP_RED);
    assert_near(k->progress, 1.9 / 4.25 * 100, 1e-9);
    assert_string_equal(k->reason, "Behind the trajectory by 1.5 points, more than the tolerance of 0.43 points: 18.9% in Dec 2022 "
                                   "against 20.4% expected.");

    assert_int_equal(assessment.kpis[kpi_by_ref("K01")].rag, SP_GREEN);
    assert_int_equal(assessment.kpis[kpi_by_ref("K07")].rag, SP_AMBER);
    assert_string_equal(assessment.kpis[kpi_by_ref("K03")].missing_update,
                        "No update recorded for the 3-month milestone (due 30 Sep 2022)");
    assert_null(assessment.kpis[kpi_by_ref("K09")].missing_update);
    assert_string_equal(assessment.kpis[kpi_by_ref("K08")].reason,
                        "Checkpoint status not recorded for the 3-month milestone (due 30 Sep 2022). Latest value: "
                        "163 in Dec 2022, up from 131 in Jul 2022; improving since the previous value (158 in Nov 2022).");
    assert_counts(assessment.kpi_counts, 1, 1, 1, 1, 8);
    assert_int_equal(assessment.challenges, 2);
    assert_int_equal(assessment.kpis_missing_update, 7);
    assert_int_equal(assessment.kpis_not_reported, 0);
    assert_string_equal(assessment.overall,
                        "Of 13 milestones, 0 are complete and 2 overdue; 3 of 4 areas are off track or at risk; "
                        "2 of 12 KPIs are Red or Amber; 7 checkpoint updates are missing; 2 reported positions "
                        "are challenged.");
    assert_int_equal(plan.risks.n, 4);
    assert_true(plan.values_illustrative);
    unload();
}

/*
 * WSoA, November 2019, at 30 Jun 2020. No status column: nothing is challenged. "BRAG + date"
 * holds a completion date on 11 rows (4 Nov 2019, 4 Oct 2019, 2 Sept 2019, 1 Aug 2019), all
 * on or before their deadlines.
 *   Deadlines before 30 Jun 2020: April 2020 15, Feb 2020 13, March 2020 13, Dec 2019 10,
 *   Jan 2020 9, Nov 2019 6, Oct 2019 4, May 2020 3, Sept 2019 3, "Nov 2019-" 1 = 77;
 *   11 of them complete -> 66 Red. "From Feb 2020" 2 are recurring: Grey, never overdue.
 *   Deadlines on or after 30 Jun 2020: June 2020 3 (due on the report date), July 2020 4,
 *   Aug/August 2020 2, Sept 2020 5, Oct 2020 2, Dec 2020 3, April 2021 4, July 2021 2,
 *   "June 2020 to April 2021" 1 = 26 Green. "Ongoing from March 2020" 1 recurring, Grey.
 *   Grey 2 + 1 = 3. 11 Blue.
 */
static void wsoa_milestones(void **state)
{
    (void)state;
    load("peterborough-wsoa-2019", D(2020, 6, 30));
    assert_int_equal(plan.milestones.n, 106);
    assert_int_equal(plan.actions.n, 28);
    assert_counts(assessment.milestone_counts, 11, 26, 0, 66, 3);
    assert_int_equal(assessment.challenges, 0);
    /* 1.1a's first row: Nov 2019, completed "Nov 2019" */
    size_t i = milestone_by_ref("1.1a", 0);
    assert_int_equal(assessment.milestones[i].derived, SP_BLUE);
    assert_date(assessment.milestones[i].completed_on, 2019, 11, 30);
    assert_true(assessment.milestones[i].on_time);
    assert_int_equal(plan.milestones.items[i].src.line, 2);
    /* 1.1a's fifth row: "June 2020 to April 2021" */
    i = milestone_by_ref("1.1a", 4);
    assert_date(assessment.milestones[i].effective_due, 2021, 4, 30);
    assert_int_equal(assessment.milestones[i].derived, SP_GREEN);
    /* 1.3 "From Feb 2020": a recurring activity, never overdue */
    i = milestone_by_ref("1.3", 3);
    assert_int_equal(assessment.milestones[i].derived, SP_GREY);
    assert_true(assessment.milestones[i].recurring);
    assert_int_equal(assessment.milestones[i].days_overdue, 0);
    assert_string_equal(assessment.milestones[i].reason, "Recurring since Feb 2020: no deadline, never overdue.");
    /* 4.3a "Ongoing from March 2020" */
    i = milestone_by_ref("4.3a", 2);
    assert_int_equal(assessment.milestones[i].derived, SP_GREY);
    assert_string_equal(assessment.milestones[i].reason, "Recurring since Mar 2020: no deadline, never overdue.");
    /* 2.1 "Sept 2019", completed "Aug 2019": complete early */
    i = milestone_by_ref("2.1", 0);
    assert_date(assessment.milestones[i].completed_on, 2019, 8, 31);
    assert_true(assessment.milestones[i].on_time);
    unload();
}

/*
 * Workstream 2 (SEND Quality Assurance), 21 milestones at 30 Jun 2020:
 *   Blue 4: 2.1 "Sept 2019"/Aug 2019, 2.2a "Nov 2019-"/Nov 2019, 2.2a "Dec 2019"/Nov 2019,
 *           2.4 "Sept 2019"/Sept 2019 - all on time.
 *   Green 2: 2.4 July 2020 x2.  Red 15: 2.1 Feb x2, Mar x2; 2.2a Mar x3, Apr x2; 2.2b Dec 2019,
 *           Mar 2020; 2.3 Feb x2; 2.4 Feb x2.
 *   Due by 30 Jun 2020: 21 - 2 = 19; on time 4 -> 21.05%; overdue 15 of 19 = 79% -> Off track.
 *   Longest: 2.2b, 31 Dec 2019 -> 30 Jun 2020 = 31 + 29 + 31 + 30 + 31 + 30 = 182 days.
 *   Percent complete 4 / 21 = 19.05%.
 */
static void wsoa_workstream_2(void **state)
{
    (void)state;
    load("peterborough-wsoa-2019", D(2020, 6, 30));
    assert_int_equal(plan.areas.n, 5);
    const sp_area_result *a = &assessment.areas[1];
    assert_string_equal(plan.areas.items[1].name, "Workstream 2: SEND Quality Assurance");
    assert_counts(a->counts, 4, 2, 0, 15, 0);
    assert_int_equal(a->due, 19);
    assert_int_equal(a->due_on_time, 4);
    assert_near(a->percent_on_time, 400.0 / 19, 1e-9);
    assert_near(a->percent_complete, 400.0 / 21, 1e-9);
    assert_int_equal(a->assessment, SP_AREA_OFF_TRACK);
    assert_string_equal(a->reason, "15 of 19 milestones due by 30 Jun 2020 are overdue (79%); the longest, 2.2b, by 182 days.");
    /* every workstream has a milestone overdue by more than 90 days */
    assert_int_equal(assessment.areas_by_assessment[SP_AREA_OFF_TRACK], 5);
    unload();
}

/*
 * WSoA KPIs: no kpi_values.csv. K06 and K07 have baselines (39%, 55%) and absolute targets
 * but no value -> Grey "No value recorded yet." K01-K05 have no baseline -> Grey; K05's
 * "Reduction by 30%" stays pending.
 */
static void wsoa_kpis(void **state)
{
    (void)state;
    load("peterborough-wsoa-2019", D(2020, 6, 30));
    assert_counts(assessment.kpi_counts, 0, 0, 0, 0, 7);
    const sp_kpi_result *k = &assessment.kpis[kpi_by_ref("K06")];
    assert_near(k->baseline, 39, 0);
    assert_near(k->target[SP_CP_12M].value, 50, 0);
    assert_string_equal(k->reason, "No value recorded yet.");
    k = &assessment.kpis[kpi_by_ref("K05")];
    assert_true(k->target[SP_CP_12M].pending);
    assert_string_equal(k->reason, "Baseline not yet set: no value has been recorded since the plan start.");
    unload();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(app_milestones),  cmocka_unit_test(app_areas),         cmocka_unit_test(app_kpis),
        cmocka_unit_test(wsoa_milestones), cmocka_unit_test(wsoa_workstream_2), cmocka_unit_test(wsoa_kpis),
    };
    return cmocka_run_group_tests_name("shared plans", tests, NULL, NULL);
}
