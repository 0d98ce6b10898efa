/* The view's wording of deadlines (decisions #3) and of the plan-position sentence. */
#include "testutil.h"

#include <string.h>

#include "view/view.h"

static sp_arena arena;

static sp_date d(int y, int m, int day) { return sp_date_from_ymd(y, m, day); }

/* A milestone due `due` (revised to `revised` when given), judged `days_overdue` late. */
static const char *deadline(sp_date due, sp_date revised, int days_overdue, const char *cell)
{
    sp_milestone m;
    memset(&m, 0, sizeof m);
    m.due_text = cell;
    m.due.kind = SP_DUE_DATE;
    m.due.date = due;
    m.due.has_words = strchr(cell, '(') != NULL;
    sp_milestone_result r;
    memset(&r, 0, sizeof r);
    r.original_due = due;
    r.effective_due = revised != SP_NO_DATE ? revised : due;
    r.has_slippage = revised != SP_NO_DATE;
    r.days_overdue = days_overdue;
    return sp_view_deadline(&arena, &m, &r, true);
}

static void committee_wording(void **state)
{
    (void)state;
    /* the seed's own cell; due 31 May 2021, judged at 31 Jul 2021: 61 days / 30.44 = 2.004 -> 2 months */
    assert_string_equal(deadline(d(2019, 11, 30), d(2021, 5, 31), 61, "May 2021 (revised from Nov 2019)"),
                        "May 2021 (revised from Nov 2019); 2 months late");
    /* 60 days / 30.44 = 1.97 -> 1 month: whole months, rounded down */
    assert_string_equal(deadline(d(2021, 5, 31), SP_NO_DATE, 60, "May 2021"), "May 2021; 1 month late");
    /* 30 days is under 30.44: days */
    assert_string_equal(deadline(d(2021, 5, 31), SP_NO_DATE, 30, "May 2021"), "May 2021; 30 days late");
    assert_string_equal(deadline(d(2021, 5, 31), SP_NO_DATE, 1, "May 2021"), "May 2021; 1 day late");
    /* 365 days / 30.44 = 11.99 -> 11 months */
    assert_string_equal(deadline(d(2021, 5, 31), SP_NO_DATE, 365, "May 2021"), "May 2021; 11 months late");
    /* not late: the date alone; a note in the cell is kept where the date is */
    assert_string_equal(deadline(d(2022, 9, 30), SP_NO_DATE, 0, "September 2022 (ongoing phased work)"),
                        "Sep 2022 (ongoing phased work)");
}

static void interim_dates(void **state)
{
    (void)state;
    sp_milestone m;
    memset(&m, 0, sizeof m);
    m.due_text = "Sept 2022, Dec 2022";
    m.due.kind = SP_DUE_DATE;
    m.due.date = d(2022, 12, 31);
    m.due.interim[0] = d(2022, 9, 30);
    m.due.n_interim = 1;
    sp_milestone_result r;
    memset(&r, 0, sizeof r);
    r.original_due = r.effective_due = d(2022, 12, 31);
    assert_string_equal(sp_view_deadline(&arena, &m, &r, true), "Sep 2022, then Dec 2022");
    /* undated: the cell as written, never a blank */
    r.effective_due = SP_NO_DATE;
    m.due_text = "Ongoing from March 2020";
    assert_string_equal(sp_view_deadline(&arena, &m, &r, true), "Ongoing from March 2020");
    m.due_text = "";
    assert_string_equal(sp_view_deadline(&arena, &m, &r, true), "no date");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(committee_wording),
        cmocka_unit_test(interim_dates),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    sp_arena_free(&arena);
    return rc;
}
