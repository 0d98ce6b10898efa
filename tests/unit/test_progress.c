/* Progress and the forecast (assessment rules, "Progress over the life of the plan, and a
 * forecast"): every boundary of the rules on small hand-made plans, worked by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "testutil.h"

#include "plan_builder.h"
#include "read/history.h"

#define NO SP_NO_DATE
#define AS_OF D(2022, 6, 30) /* report month Jun 2022: the pace window is Dec 2021 .. May 2022 */
#define FAR D(2023, 12, 31)  /* an open milestone's deadline */

static sp_rules rules_default(void)
{
    sp_rules r;
    sp_rules_default(&r);
    return r;
}

static void assess(sp_plan *p, sp_date as_of, const sp_rules *rules, const sp_history *h, sp_assessment *a)
{
    sp_diags d = {0};
    sp_plan_build(p, &d);
    if (d.errors)
        fail_msg("plan build: %s", d.list.items[0].message);
    sp_diags_free(&d);
    sp_assess_with_history(p, as_of, rules, h, a);
}

/* n milestones completed on `on` (NO: complete by status, no date). */
static void done(sp_plan *p, int n, sp_date on)
{
    for (int i = 0; i < n; i++)
        pb_milestone(p, "Area 1", "1.1", D(2022, 1, 31), NO, on, on == NO ? SP_BLUE : SP_STATUS_NONE);
}

/* n open milestones due FAR. */
static void open_work(sp_plan *p, int n)
{
    for (int i = 0; i < n; i++)
        pb_milestone(p, "Area 1", "1.2", FAR, NO, NO, SP_GREEN);
}

static void completion_months_at_80_percent(void **state)
{
    (void)state;
    /* 10 complete, 8 with a date (80%): pace from completion months. */
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2021, 1, 31));
    done(&p, 8, D(2022, 3, 15));
    done(&p, 2, NO);
    open_work(&p, 5);
    sp_rules r = rules_default();
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(a.progress.completed, 10);
    assert_int_equal(a.progress.completed_dated, 8);
    assert_int_equal(a.progress.pace.source, SP_PACE_COMPLETION_MONTHS);
    assert_int_equal(a.progress.pace.n_counts, 6);
    /* Dec..May: 0 0 0 8 0 0 -> mean 8/6 */
    assert_near(a.progress.pace.counts[3], 8, 1e-12);
    assert_near(a.progress.pace.rate, 8.0 / 6, 1e-12);
    assert_string_equal(a.progress.unknown_note,
                        "2 milestones completed on dates that were not recorded, counted at the report month (Jun 2022).");
    pb_free(&p, &a);

    /* 100 complete, 79 dated (79%): not enough; no packs -> the plan's average */
    pb_init(&p, D(2021, 1, 31));
    done(&p, 79, D(2022, 3, 15));
    done(&p, 21, NO);
    open_work(&p, 5);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(a.progress.pace.source, SP_PACE_PLAN_AVERAGE);
    /* 100 complete over (30 Jun 2022 - 31 Jan 2021 = 515 days) / 30.44 = 16.92 months = 5.91 a month */
    assert_near(a.progress.pace.rate, 100 / (515 / 30.44), 1e-9);
    assert_string_equal(a.progress.pace.reason,
                        "Pace from the plan's average: only 79 of 100 completed milestones (79%) have a completion month "
                        "(80% needed), and 0 earlier packs were given (3 needed); 100 complete over 16.9 months since "
                        "the start is 5.9 a month.");
    pb_free(&p, &a);

    /* 100 complete, 80 dated: completion months again */
    pb_init(&p, D(2021, 1, 31));
    done(&p, 80, D(2022, 3, 15));
    done(&p, 20, NO);
    open_work(&p, 5);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(a.progress.pace.source, SP_PACE_COMPLETION_MONTHS);
    pb_free(&p, &a);
}

static void six_completions_vs_five(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    done(&p, 5, D(2022, 3, 15));
    open_work(&p, 4);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(a.progress.forecast.state, SP_FORECAST_TOO_FEW);
    assert_string_equal(a.progress.forecast.sentence,
                        "Too few completed milestones to forecast yet: 5 complete, 6 needed.");
    assert_int_equal(a.area_progress[0].forecast.state, SP_FORECAST_TOO_FEW);
    pb_free(&p, &a);

    pb_init(&p, D(2021, 1, 31));
    done(&p, 6, D(2022, 3, 15));
    open_work(&p, 4);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(a.progress.forecast.state, SP_FORECAST_MADE);
    assert_int_equal(a.area_progress[0].forecast.state, SP_FORECAST_MADE);
    pb_free(&p, &a);
}

/* Every one of the last 6 months completes k: the Monte Carlo has one outcome, worked exactly. */
static void steady(sp_plan *p, int k)
{
    done(p, k, D(2021, 12, 10));
    for (int m = 1; m <= 5; m++) /* Jan .. May 2022 */
        done(p, k, D(2022, m, 10));
}

static void constant_pace_is_exact(void **state)
{
    (void)state;
    /* 2 a month every month; 10 open -> 5 months after Jun 2022 = Nov 2022, in every run */
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    steady(&p, 2);
    open_work(&p, 10);
    p.info.revisit = D(2022, 8, 31); /* 2 months on: 10 - 2 x 2 = 6 still open */
    assess(&p, AS_OF, &r, NULL, &a);
    const sp_forecast *f = &a.progress.forecast;
    assert_int_equal(f->state, SP_FORECAST_MADE);
    assert_int_equal(f->open, 10);
    assert_date(f->likely_by, 2022, 11, 30);
    assert_date(f->chance_by, 2022, 11, 30);
    assert_true(f->has_revisit);
    assert_int_equal(f->revisit_median, 6);
    assert_int_equal(f->revisit_p85, 6);
    /* the plan ends on the latest original due date, FAR */
    assert_string_equal(f->sentence,
                        "At the pace of the last 6 months (2 a month), the 10 open milestones are likely complete by "
                        "Nov 2022, with an 85% chance by Nov 2022; the plan ends Dec 2023. Likely 6 still open at the "
                        "revisit in Aug 2022, and no more than 6 with an 85% chance.");
    pb_free(&p, &a);
}

/* The plan finishes when its last area does (assessment rules): Area 1 completes 4 a month with 8
 * open (2 months: Aug 2022), Area 2 one a month with 10 open (10 months: Apr 2023). The pooled pace
 * of 5 a month would finish the 18 in Oct 2022, six months before Area 2 can: one document, two
 * answers. By areas, every run ends with Area 2. */
static void plan_finishes_with_its_last_area(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    for (int m = 0; m < 6; m++) /* Dec 2021 .. May 2022 */
        for (int k = 0; k < 4; k++)
            pb_milestone(&p, "Area 1", "1.1", D(2022, 1, 31), NO, m ? D(2022, m, 10) : D(2021, 12, 10), SP_STATUS_NONE);
    for (int k = 0; k < 8; k++)
        pb_milestone(&p, "Area 1", "1.2", FAR, NO, NO, SP_GREEN);
    for (int m = 0; m < 6; m++)
        pb_milestone(&p, "Area 2", "2.1", D(2022, 1, 31), NO, m ? D(2022, m, 10) : D(2021, 12, 10), SP_STATUS_NONE);
    for (int k = 0; k < 10; k++)
        pb_milestone(&p, "Area 2", "2.2", FAR, NO, NO, SP_GREEN);
    p.info.revisit = D(2022, 8, 31);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(p.areas.n, 2);
    const sp_forecast *one = &a.area_progress[0].forecast, *two = &a.area_progress[1].forecast, *f = &a.progress.forecast;
    assert_date(one->likely_by, 2022, 8, 31);
    assert_date(two->likely_by, 2023, 4, 30);
    assert_int_equal(f->state, SP_FORECAST_MADE);
    assert_int_equal(f->open, 18);
    assert_date(f->likely_by, 2023, 4, 30); /* not Oct 2022 */
    assert_date(f->chance_by, 2023, 4, 30);
    /* the open count at the revisit is the areas' sum in the same runs: 0 + 8 */
    assert_int_equal(f->revisit_median, 8);
    assert_true(strncmp(f->sentence, "With each area at its own pace (the plan finishes when its last area does), the 18 "
                                     "open milestones are likely complete by Apr 2023", 120) == 0);
    pb_free(&p, &a);
}

static void plan_younger_than_the_window(void **state)
{
    (void)state;
    /* started 15 Mar 2022; report Jun 2022: the window is Mar, Apr, May (3 months) */
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2022, 3, 15));
    done(&p, 3, D(2022, 3, 20));
    done(&p, 3, D(2022, 5, 2));
    open_work(&p, 6);
    assess(&p, AS_OF, &r, NULL, &a);
    const sp_pace *pace = &a.progress.pace;
    assert_int_equal(pace->source, SP_PACE_COMPLETION_MONTHS);
    assert_int_equal(pace->n_counts, 3);
    assert_date(pace->count_months[0], 2022, 3, 31);
    /* 3, 0, 3: the zero month counts */
    assert_near(pace->counts[0], 3, 0);
    assert_near(pace->counts[1], 0, 0);
    assert_near(pace->counts[2], 3, 0);
    assert_near(pace->rate, 2, 1e-12);
    if (strncmp(a.progress.forecast.sentence, "At the pace of the last 3 months (0 to 3 a month), the 6 open", 61) != 0)
        fail_msg("%s", a.progress.forecast.sentence);
    /* burn-up from the start month (Mar 2022) to the end (Dec 2023) */
    assert_date(a.progress.burnup[0].month_end, 2022, 3, 31);
    assert_int_equal(a.progress.n_months, 22);
    pb_free(&p, &a);
}

static void zero_months_counted(void **state)
{
    (void)state;
    /* 6 in Dec 2021, nothing since: the window Dec..May reads 6 0 0 0 0 0 */
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    done(&p, 6, D(2021, 12, 1));
    open_work(&p, 6);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(a.progress.pace.n_counts, 6);
    assert_near(a.progress.pace.rate, 1, 1e-12);
    assert_near(a.progress.pace.min, 0, 0);
    assert_near(a.progress.pace.max, 6, 0);
    /* each month finishes the 6 with chance 1/6, so half the runs finish within
     * 1 - (5/6)^k >= 0.5 -> k = 4 (0.518), 85% within 1 - (5/6)^k >= 0.85 -> k = 11 (0.865);
     * 10,000 runs land within a month of those. */
    const sp_forecast *f = &a.progress.forecast;
    assert_true(f->likely_by >= D(2022, 9, 30) && f->likely_by <= D(2022, 11, 30));
    assert_true(f->chance_by >= D(2023, 4, 30) && f->chance_by <= D(2023, 6, 30));
    pb_free(&p, &a);
}

static void every_sampled_month_zero(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    done(&p, 8, D(2021, 11, 30)); /* the month before the window */
    open_work(&p, 3);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(a.progress.forecast.state, SP_FORECAST_ZERO_PACE);
    assert_false(a.progress.forecast.has_likely);
    assert_string_equal(a.progress.forecast.sentence,
                        "No milestone has been completed in the last 6 months; at that pace the plan will not finish.");
    pb_free(&p, &a);
}

static void the_cap(void **state)
{
    (void)state;
    /* 1 a month exactly: 120 open finish in month 120 (Jun 2032), 121 open not within 10 years */
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    steady(&p, 1);
    open_work(&p, 120);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_true(a.progress.forecast.has_likely);
    assert_date(a.progress.forecast.chance_by, 2032, 6, 30);
    pb_free(&p, &a);

    pb_init(&p, D(2021, 1, 31));
    steady(&p, 1);
    open_work(&p, 121);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(a.progress.forecast.state, SP_FORECAST_MADE);
    assert_false(a.progress.forecast.has_likely);
    assert_false(a.progress.forecast.has_chance);
    assert_string_equal(a.progress.forecast.sentence,
                        "At the pace of the last 6 months (1 a month), the 121 open milestones are not likely complete "
                        "within 10 years; the plan ends Dec 2023.");
    pb_free(&p, &a);

    /* a template's cap of 24 months */
    r.forecast.cap_months = 24;
    pb_init(&p, D(2021, 1, 31));
    steady(&p, 1);
    open_work(&p, 30);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_false(a.progress.forecast.has_likely);
    assert_true(strstr(a.progress.forecast.sentence, "not likely complete within 2 years") != NULL);
    pb_free(&p, &a);
}

static void ongoing_and_recurring_are_not_open_work(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    steady(&p, 1);
    open_work(&p, 2);
    pb_milestone(&p, "Area 1", "1.3", NO, NO, NO, SP_GREEN); /* Ongoing: no end */
    sp_milestone *tbc = pb_milestone(&p, "Area 1", "1.4", NO, NO, NO, SP_GREEN);
    tbc->due.kind = SP_DUE_TBC; /* TBC: open work */
    sp_milestone *monthly = pb_milestone(&p, "Area 1", "1.5", D(2020, 4, 30), NO, NO, SP_GREEN);
    monthly->due.kind = SP_DUE_RECURRING; /* "Monthly from April 2020": no end */
    assess(&p, AS_OF, &r, NULL, &a);
    assert_true(a.milestones[p.milestones.n - 1].recurring);
    assert_int_equal(a.progress.forecast.open, 3); /* the two due FAR and the TBC */
    pb_free(&p, &a);
}

static void burn_up_lines(void **state)
{
    (void)state;
    /* start Jan 2022; report Jun 2022; end (latest original due) Aug 2022.
     *   A due Feb, completed 10 Mar          planned Feb, revised Feb, completed Mar
     *   B due Mar, revised to Jul, open       planned Mar, revised Jul
     *   C due Aug, complete, no date          planned Aug, revised Aug, completed Jun (report month)
     * month:     Jan Feb Mar Apr May Jun Jul Aug
     * planned:    0   1   2   2   2   2   2   3
     * revised:    0   1   1   1   1   1   2   3
     * completed:  0   0   1   1   1   2   -   -   */
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2022, 1, 10));
    pb_milestone(&p, "Area 1", "1.1", D(2022, 2, 28), NO, D(2022, 3, 10), SP_STATUS_NONE);
    pb_milestone(&p, "Area 1", "1.2", D(2022, 3, 31), D(2022, 7, 31), NO, SP_AMBER);
    pb_milestone(&p, "Area 1", "1.3", D(2022, 8, 31), NO, NO, SP_BLUE);
    assess(&p, AS_OF, &r, NULL, &a);
    static const size_t planned[] = {0, 1, 2, 2, 2, 2, 2, 3}, revised[] = {0, 1, 1, 1, 1, 1, 2, 3},
                        completed[] = {0, 0, 1, 1, 1, 2};
    assert_int_equal(a.progress.n_months, 8);
    for (int k = 0; k < 8; k++) {
        assert_int_equal(a.progress.burnup[k].planned, planned[k]);
        assert_int_equal(a.progress.burnup[k].revised, revised[k]);
        assert_int_equal(a.progress.burnup[k].has_completed, k <= 5);
        if (k <= 5)
            assert_int_equal(a.progress.burnup[k].completed, completed[k]);
    }
    assert_string_equal(a.progress.unknown_note,
                        "1 milestone completed on a date that was not recorded, counted at the report month (Jun 2022).");
    pb_free(&p, &a);
}

/* Earlier packs on 31 Jan (0 complete), 31 Mar (6), 30 Apr (9); this report 30 Jun (12).
 * Jan->Mar: 6 over 2 months = 3, 3; Mar->Apr: 3; Apr->Jun: 3 over 2 months = 1.5, 1.5. */
static void earlier_packs_three_vs_two(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    done(&p, 12, NO);
    open_work(&p, 5);
    size_t areas[3][1] = {{0}, {6}, {9}};
    sp_earlier_pack packs[3] = {{D(2022, 1, 31), "a.json", 0, areas[0]},
                                {D(2022, 3, 31), "b.json", 6, areas[1]},
                                {D(2022, 4, 30), "c.json", 9, areas[2]}};
    sp_history h = {.packs = packs, .n_packs = 3};
    assess(&p, AS_OF, &r, &h, &a);
    const sp_pace *pace = &a.progress.pace;
    assert_int_equal(pace->source, SP_PACE_EARLIER_PACKS);
    assert_int_equal(pace->n_counts, 5);
    static const double want[] = {3, 3, 3, 1.5, 1.5};
    for (int k = 0; k < 5; k++)
        assert_near(pace->counts[k], want[k], 1e-12);
    assert_date(pace->count_months[0], 2022, 2, 28);
    assert_int_equal(a.area_progress[0].pace.source, SP_PACE_EARLIER_PACKS);
    assert_true(strncmp(a.progress.forecast.sentence,
                        "At the pace shown by the earlier packs (1.5 to 3 a month), the 5 open milestones", 80) == 0);
    pb_free(&p, &a);

    /* two packs are not enough: the plan's average */
    pb_init(&p, D(2021, 1, 31));
    done(&p, 12, NO);
    open_work(&p, 5);
    h.packs = packs + 1;
    h.n_packs = 2;
    assess(&p, AS_OF, &r, &h, &a);
    assert_int_equal(a.progress.pace.source, SP_PACE_PLAN_AVERAGE);
    assert_true(strstr(a.progress.pace.reason, "2 earlier packs were given (3 needed)") != NULL);
    pb_free(&p, &a);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void write_pack(const char *dir, const char *name, const char *title, int version, const char *as_of,
                       int complete, const char *milestone)
{
    /* milestone 1.1 is complete in every pack that counts any */
    char text[1024];
    snprintf(text, sizeof text,
             "{\"schema_version\": %d, \"plan\": {\"title\": \"%s\", \"as_of\": \"%s\", \"cohort\": null},\n"
             " \"summary\": {\"milestones\": {\"blue\": %d}},\n"
             " \"areas\": [{\"name\": \"Area 1\", \"counts\": {\"blue\": %d}}],\n"
             " \"milestones\": [{\"ref\": \"1.1\", \"milestone\": \"%s\", \"complete\": %s}]}\n",
             version, title, as_of, complete, complete, milestone, complete ? "true" : "false");
    write_file(dir, name, text);
}

/* The reader: packs of this plan in name order, sorted by date; another plan's, an unknown
 * schema's and a broken file skipped with a warning each; a pack after the report date too.
 * Milestones match by ref and position, never by text: a public pack's text is redacted. */
static void history_reader(void **state)
{
    (void)state;
    char dir[] = "/tmp/sendpack-history-XXXXXX";
    assert_non_null(mkdtemp(dir));
    /* packs of schema 1 (before checkpoints were a list) and of this schema are both read */
    write_pack(dir, "c.json", "Test plan", 1, "2022-04-30", 9, "Reworded since");
    write_pack(dir, "a.json", "Test plan", 1, "2022-01-31", 0, "A milestone");
    write_pack(dir, "b.json", "Test plan", SP_JSON_SCHEMA_VERSION, "2022-03-31", 6, "Ring [phone number removed]"); /* first complete Mar */
    write_pack(dir, "b2.json", "Test plan", 1, "2022-03-31", 6, "A milestone"); /* another template, same date */
    write_pack(dir, "other.json", "Another plan", 1, "2022-02-28", 3, "A milestone");
    write_pack(dir, "future.json", "Test plan", 99, "2022-02-28", 3, "A milestone");
    write_pack(dir, "later.json", "Test plan", 1, "2022-08-31", 20, "A milestone");
    write_file(dir, "broken.json", "{\"schema_version\": 1,");
    write_file(dir, "notes.txt", "not a pack");

    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    done(&p, 12, NO);
    open_work(&p, 5);
    sp_diags d = {0};
    sp_plan_build(&p, &d);
    sp_history h;
    assert_true(sp_read_history(dir, &p, NULL, AS_OF, &h, &d));
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.warnings, 4); /* broken, future, later, other */
    assert_int_equal(h.n_packs, 3);
    assert_date(h.packs[0].as_of, 2022, 1, 31);
    assert_date(h.packs[2].as_of, 2022, 4, 30);
    assert_int_equal(h.packs[1].complete, 6);
    assert_int_equal(h.packs[1].area_complete[0], 6);
    assert_date(h.first_complete[0], 2022, 3, 31); /* the first "1.1 A milestone" */
    assert_int_equal(h.first_complete[1], NO);
    sp_assess_with_history(&p, AS_OF, &r, &h, &a);
    /* the completed line: each pack's count from its month until the next pack; 1 matched in Mar,
     * the 11 others unknown, counted in Jun (the report month): Jan 0, Feb 0, Mar 6, Apr 9, May 9, Jun 12 */
    static const size_t line[] = {0, 0, 6, 9, 9, 12};
    for (int m = 0; m < 6; m++)
        assert_int_equal(a.progress.burnup[12 + m].completed, line[m]); /* the plan began Jan 2021 */
    /* 1 of 12 has a month: earlier packs; 0, 6, 9, then 12 now -> 3 3 3 1.5 1.5 */
    assert_int_equal(a.progress.pace.source, SP_PACE_EARLIER_PACKS);
    assert_int_equal(a.progress.pace.n_counts, 5);
    assert_string_equal(a.progress.pace.reason,
                        "Pace from 3 earlier packs: only 1 of 12 completed milestones (8%) has a completion month "
                        "(80% needed); the completions between the packs and this report, spread over the months "
                        "between them, give 1.5 to 3 a month.");
    sp_diags_free(&d);
    sp_history_free(&h);
    pb_free(&p, &a);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* A milestone with no completion date takes the month of the earliest pack showing it complete. */
static void completion_month_from_a_pack(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    sp_rules r = rules_default();
    pb_init(&p, D(2022, 1, 10));
    done(&p, 2, NO);
    assess(&p, AS_OF, &r, NULL, &a);
    assert_int_equal(a.progress.completed_unknown, 2);
    sp_assessment_free(&a);
    sp_date first[2] = {D(2022, 3, 31), NO};
    sp_history h = {.first_complete = first};
    sp_assess_with_history(&p, AS_OF, &r, &h, &a);
    assert_int_equal(a.progress.completed_dated, 1);
    assert_int_equal(a.progress.completed_unknown, 1);
    assert_int_equal(a.progress.burnup[2].completed, 1); /* Mar */
    assert_int_equal(a.progress.burnup[5].completed, 2); /* Jun, the report month */
    pb_free(&p, &a);
}

static void same_figures_twice(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a, b;
    sp_rules r = rules_default();
    pb_init(&p, D(2021, 1, 31));
    done(&p, 3, D(2022, 1, 5));
    done(&p, 5, D(2022, 4, 5));
    done(&p, 1, D(2022, 5, 5));
    open_work(&p, 40);
    assess(&p, AS_OF, &r, NULL, &a);
    sp_assess_with_history(&p, AS_OF, &r, NULL, &b);
    assert_string_equal(a.progress.forecast.sentence, b.progress.forecast.sentence);
    assert_int_equal(a.progress.forecast.likely_by, b.progress.forecast.likely_by);
    assert_int_equal(a.progress.forecast.chance_by, b.progress.forecast.chance_by);
    sp_assessment_free(&b);
    pb_free(&p, &a);
}

/* The shared WSoA as exported with statuses but no completion dates: its 11 completed
 * milestones ("BRAG + date" cells Aug-Nov 2019) keep their completion but lose their dates, as
 * in a tracker that records only BRAG. Report date: the 12-month checkpoint, 30 Nov 2020.
 *   complete 11, dated 0 (0% < 80%), no earlier packs -> the plan's average:
 *   28 Nov 2019 -> 30 Nov 2020 = 368 days = 368 / 30.44 = 12.09 months; 11 / 12.09 = 0.910 a month.
 *   open work: 106 milestones - 11 complete - 3 recurring (1.3 and 1.4a "From Feb 2020", 4.3a
 *   "Ongoing from March 2020") = 92.
 *   k months on, completions are Poisson(0.910 k); P(at least 92 done) by the Poisson tail:
 *   k = 100: 0.472, k = 101: 0.510 -> likely by Nov 2020 + 101 months = Apr 2029;
 *   k = 112: 0.849, k = 113: 0.869 -> 85% chance by Nov 2020 + 113 months = Apr 2030.
 *   10,000 runs estimate each within about a month of these. */
static void wsoa_without_completion_dates(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/data/peterborough-wsoa-2019", SHARED_DIR);
    sp_plan p;
    memset(&p, 0, sizeof p);
    sp_diags d = {0};
    if (!sp_read_plan(dir, &p, &d))
        fail_msg("%s", d.list.items[0].message);
    sp_diags_free(&d);
    size_t dated = 0;
    for (size_t i = 0; i < p.milestones.n; i++)
        if (p.milestones.items[i].completed != NO) {
            p.milestones.items[i].completed = NO;
            p.milestones.items[i].status_says_complete = true;
            dated++;
        }
    assert_int_equal(dated, 11);
    p.has_completed_column = false; /* BRAG only: Blue is the evidence there is */
    p.info.revisit = D(2021, 11, 30);
    sp_rules r = rules_default();
    sp_assessment a;
    sp_assess(&p, D(2020, 11, 30), &r, &a);
    const sp_progress *pr = &a.progress;
    assert_int_equal(pr->completed, 11);
    assert_int_equal(pr->completed_dated, 0);
    assert_int_equal(pr->pace.source, SP_PACE_PLAN_AVERAGE);
    assert_near(pr->pace.rate, 11 / (368 / 30.44), 1e-9);
    assert_int_equal(pr->forecast.open, 92);
    assert_int_equal(pr->forecast.state, SP_FORECAST_MADE);
    if (pr->forecast.likely_by < D(2029, 3, 31) || pr->forecast.likely_by > D(2029, 5, 31) ||
        pr->forecast.chance_by < D(2030, 3, 31) || pr->forecast.chance_by > D(2030, 5, 31))
        fail_msg("%s", pr->forecast.sentence);
    /* the report names the source and why */
    assert_string_equal(pr->pace.reason,
                        "Pace from the plan's average: only 0 of 11 completed milestones (0%) have a completion month "
                        "(80% needed), and 0 earlier packs were given (3 needed); 11 complete over 12.1 months since "
                        "the start is 0.9 a month.");
    assert_true(strncmp(pr->forecast.sentence, "At the plan's average pace (0.9 a month), the 92 open milestones are "
                                                "likely complete by ", 88) == 0);
    assert_string_equal(pr->unknown_note,
                        "11 milestones completed on dates that were not recorded, counted at the report month (Nov 2020).");
    /* the revisit 12 months on: 92 - Poisson(12 x 0.910 = 10.92) still open. P(N >= 11) = 0.530,
     * P(N >= 12) = 0.411 -> median 92 - 11 = 81; P(N >= 8) = 0.851, just over 85% -> at most 84
     * with an 85% chance (85 when the runs fall a hair short of it) */
    assert_true(pr->forecast.has_revisit);
    assert_int_equal(pr->forecast.revisit_median, 81);
    assert_in_range(pr->forecast.revisit_p85, 84, 85);
    sp_assessment_free(&a);
    sp_plan_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(completion_months_at_80_percent),
        cmocka_unit_test(six_completions_vs_five),
        cmocka_unit_test(constant_pace_is_exact),
        cmocka_unit_test(plan_finishes_with_its_last_area),
        cmocka_unit_test(plan_younger_than_the_window),
        cmocka_unit_test(zero_months_counted),
        cmocka_unit_test(every_sampled_month_zero),
        cmocka_unit_test(the_cap),
        cmocka_unit_test(ongoing_and_recurring_are_not_open_work),
        cmocka_unit_test(burn_up_lines),
        cmocka_unit_test(earlier_packs_three_vs_two),
        cmocka_unit_test(completion_month_from_a_pack),
        cmocka_unit_test(history_reader),
        cmocka_unit_test(same_figures_twice),
        cmocka_unit_test(wsoa_without_completion_dates),
    };
    return cmocka_run_group_tests_name("progress", tests, NULL, NULL);
}
