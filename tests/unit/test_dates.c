/* Every date form of the input contract ("Dates"), deadlines and periods. */
#include "testutil.h"

#include <string.h>

#include "read/dates.h"

static sp_date one(const char *s)
{
    sp_date d;
    bool words;
    char err[256] = "";
    if (!sp_parse_date_cell(s, &d, &words, err, sizeof err))
        fail_msg("'%s' refused: %s", s, err);
    return d;
}

static void refused(const char *s, const char *expected_fragment)
{
    sp_date d;
    bool words;
    char err[256] = "";
    if (sp_parse_date_cell(s, &d, &words, err, sizeof err))
        fail_msg("'%s' was accepted", s);
    if (!strstr(err, expected_fragment))
        fail_msg("'%s': message '%s' lacks '%s'", s, err, expected_fragment);
}

static void contract_forms(void **state)
{
    (void)state;
    assert_date(one("2022-12-31"), 2022, 12, 31);
    assert_date(one("31/12/2022"), 2022, 12, 31);
    assert_date(one("31/12/22"), 2022, 12, 31);
    assert_date(one("31 December 2022"), 2022, 12, 31);
    assert_date(one("December 2022"), 2022, 12, 31); /* month only: its last day */
    assert_date(one("Dec 2022"), 2022, 12, 31);
    assert_date(one("Dec 22"), 2022, 12, 31);
    assert_date(one("Sept 2022"), 2022, 9, 30);
    assert_date(one("Sept 22"), 2022, 9, 30);
    assert_date(one("June 23"), 2023, 6, 30);
    assert_date(one("Feb 2024"), 2024, 2, 29); /* leap year */
    assert_date(one("Feb 2023"), 2023, 2, 28);
    assert_date(one("1st May 2021"), 2021, 5, 1);
    assert_date(one("5/4/2021"), 2021, 4, 5); /* single digits, day first */
    assert_date(one("nov 20"), 2020, 11, 30);  /* "Nov 20" in the 2021 progress update: Nov 2020 */
    assert_date(one("  March 2020  "), 2020, 3, 31);
}

static void words_around(void **state)
{
    (void)state;
    sp_date d;
    bool words = false;
    char err[256];
    assert_true(sp_parse_date_cell("September 2022 (ongoing phased work)", &d, &words, err, sizeof err));
    assert_date(d, 2022, 9, 30);
    assert_true(words);
    assert_true(sp_parse_date_cell("2022-09-30", &d, &words, err, sizeof err));
    assert_false(words);
    /* empty is "no date", not an error */
    assert_true(sp_parse_date_cell("", &d, &words, err, sizeof err));
    assert_int_equal(d, SP_NO_DATE);
}

static void us_order_and_invalid(void **state)
{
    (void)state;
    refused("12/31/2022", "US month/day order");
    refused("31/02/2022", "not a valid");
    refused("2022-13-01", "not a valid");
    refused("Smarch 2022", "is not a date");
    refused("soon", "is not a date");
    refused("31/12/202", "year with 2 or 4 digits");
}

static void deadline(const char *s, sp_deadline *out)
{
    char err[256] = "";
    if (!sp_parse_deadline(s, out, err, sizeof err))
        fail_msg("deadline '%s' refused: %s", s, err);
}

static void deadlines(void **state)
{
    (void)state;
    sp_deadline d;
    deadline("May 2021 (revised from Nov 2019)", &d);
    assert_int_equal(d.kind, SP_DUE_DATE);
    assert_date(d.date, 2019, 11, 30);
    assert_date(d.revised, 2021, 5, 31);

    deadline("April 21 (revised from Dec 2020)", &d);
    assert_date(d.date, 2020, 12, 31);
    assert_date(d.revised, 2021, 4, 30);

    deadline("COMPLETE", &d);
    assert_int_equal(d.kind, SP_DUE_COMPLETE);
    assert_int_equal(d.date, SP_NO_DATE);

    deadline("Complete (March 2021)", &d);
    assert_int_equal(d.kind, SP_DUE_COMPLETE);
    assert_date(d.date, 2021, 3, 31);

    deadline("Ongoing", &d);
    assert_int_equal(d.kind, SP_DUE_ONGOING);
    /* recurring activities (assessment rules): never a deadline; the start where one is given */
    deadline("Ongoing from March 2020", &d);
    assert_int_equal(d.kind, SP_DUE_RECURRING);
    assert_date(d.date, 2020, 3, 31);
    assert_true(d.has_words);
    deadline("From Feb 2020", &d);
    assert_int_equal(d.kind, SP_DUE_RECURRING);
    assert_date(d.date, 2020, 2, 29);
    deadline("Monthly from April 2020", &d);
    assert_int_equal(d.kind, SP_DUE_RECURRING);
    assert_date(d.date, 2020, 4, 30);
    const char *const every[] = {"Quarterly", "Termly", "Bi-monthly", "Annually", "monthly"};
    for (size_t i = 0; i < sizeof every / sizeof *every; i++) {
        deadline(every[i], &d);
        assert_int_equal(d.kind, SP_DUE_RECURRING);
        assert_int_equal(d.date, SP_NO_DATE);
    }
    /* a window with an end is a deadline, and a frequency word inside a sentence is not recurring */
    deadline("From Feb 2020 to March 2021", &d);
    assert_int_equal(d.kind, SP_DUE_DATE);
    assert_date(d.date, 2021, 3, 31);
    deadline("Quarterly review by June 2022", &d);
    assert_int_equal(d.kind, SP_DUE_DATE);
    deadline("September 2022 (ongoing phased work)", &d); /* the contract's own example */
    assert_int_equal(d.kind, SP_DUE_DATE);
    assert_date(d.date, 2022, 9, 30);
    assert_true(d.has_words);
    deadline("TBC", &d);
    assert_int_equal(d.kind, SP_DUE_TBC);
    deadline("", &d);
    assert_int_equal(d.kind, SP_DUE_NONE);

    /* several dates: the latest is the deadline, the earlier ones interim */
    deadline("October 2022 December 2022 June 2023", &d);
    assert_date(d.date, 2023, 6, 30);
    assert_int_equal(d.n_interim, 2);
    assert_date(d.interim[0], 2022, 10, 31);
    assert_date(d.interim[1], 2022, 12, 31);
    deadline("September 2022 and the mobilisation of the framework will take us to April 2023", &d);
    assert_date(d.date, 2023, 4, 30);
    assert_int_equal(d.n_interim, 1);
    assert_date(d.interim[0], 2022, 9, 30);
    assert_true(d.has_words);
    deadline("June 2020 to April 2021", &d);
    assert_date(d.date, 2021, 4, 30);
    deadline("Nov 2019-", &d);
    assert_date(d.date, 2019, 11, 30);
    deadline("From Feb 2020", &d);
    assert_date(d.date, 2020, 2, 29);
    assert_true(d.has_words);
    deadline("December 2022", &d);
    assert_false(d.has_words);
    assert_int_equal(d.n_interim, 0);

    char err[256];
    assert_false(sp_parse_deadline("when funding allows", &d, err, sizeof err));
    assert_non_null(strstr(err, "COMPLETE, Ongoing or TBC"));
    assert_false(sp_parse_deadline("12/31/2022", &d, err, sizeof err));
}

static void period(const char *s, sp_date start, sp_date end, bool quarter)
{
    sp_date a, b;
    bool q;
    char err[256] = "";
    if (!sp_parse_period(s, &a, &b, &q, err, sizeof err))
        fail_msg("period '%s' refused: %s", s, err);
    assert_int_equal(a, start);
    assert_int_equal(b, end);
    assert_int_equal(q, quarter);
}

static void periods(void **state)
{
    (void)state;
    period("2022-07", D(2022, 7, 1), D(2022, 7, 31), false);
    period("Jul 2022", D(2022, 7, 1), D(2022, 7, 31), false);
    period("July 22", D(2022, 7, 1), D(2022, 7, 31), false);
    period("2022-07-15", D(2022, 7, 1), D(2022, 7, 31), false);
    period("15/07/2022", D(2022, 7, 1), D(2022, 7, 31), false);
    period("2022-Q3", D(2022, 7, 1), D(2022, 9, 30), true);
    period("Q1 2023", D(2023, 1, 1), D(2023, 3, 31), true);
    sp_date a, b;
    bool q;
    char err[256];
    assert_false(sp_parse_period("Q3 2022-23", &a, &b, &q, err, sizeof err));
    assert_non_null(strstr(err, "calendar quarters"));
    assert_false(sp_parse_period("2022-Q5", &a, &b, &q, err, sizeof err));
    assert_false(sp_parse_period("last month", &a, &b, &q, err, sizeof err));
}

static void calendar(void **state)
{
    (void)state;
    int y, m, d;
    sp_date_ymd(D(1970, 1, 1), &y, &m, &d);
    assert_int_equal(D(1970, 1, 1), 0);
    sp_date_ymd(D(2022, 12, 31), &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 20221231);
    assert_date(sp_date_add_months(D(2022, 6, 30), 6), 2022, 12, 31); /* end of month stays end */
    assert_date(sp_date_add_months(D(2022, 6, 30), 3), 2022, 9, 30);
    assert_date(sp_date_add_months(D(2019, 11, 28), 3), 2020, 2, 28);
    assert_date(sp_date_add_months(D(2022, 1, 31), 1), 2022, 2, 28);
    assert_int_equal(sp_months_between(D(2022, 4, 30), D(2022, 6, 30)), 2);
    assert_int_equal(sp_months_between(D(2022, 4, 30), D(2022, 6, 29)), 1);
    assert_int_equal(sp_months_between(D(2019, 11, 30), D(2021, 5, 31)), 18);
    char buf[20];
    sp_date_long(D(2022, 4, 30), buf);
    assert_string_equal(buf, "30 Apr 2022");
    sp_date_iso(D(2022, 4, 3), buf);
    assert_string_equal(buf, "2022-04-03");
}

/* Decisions 10: a date more than 10 years from the plan start is an error; a two-digit year is
 * 20yy, so "31/12/99" is 2099 and the message says to write the year in full. */
static void ten_years_from_start(void **state)
{
    (void)state;
    sp_plan p;
    memset(&p, 0, sizeof p);
    p.info.start = D(2022, 6, 30);
    char err[256];
    assert_true(sp_date_near_start(&p, D(2032, 6, 30), "30/06/2032", err, sizeof err)); /* exactly 10 years */
    assert_false(sp_date_near_start(&p, D(2032, 7, 1), "01/07/2032", err, sizeof err));
    assert_string_equal(err, "'01/07/2032' is more than 10 years from the plan start (2022): check the year");
    assert_true(sp_date_near_start(&p, D(2012, 6, 30), "30/06/2012", err, sizeof err));
    assert_false(sp_date_near_start(&p, D(2012, 6, 29), "29/06/2012", err, sizeof err));
    sp_date d;
    assert_true(sp_parse_date_cell("31/12/99", &d, NULL, err, sizeof err));
    assert_date(d, 2099, 12, 31);
    assert_false(sp_date_near_start(&p, d, "31/12/99", err, sizeof err));
    assert_string_equal(err, "'31/12/99' reads as 2099, more than 10 years from the plan start (2022): write the year in full");
    assert_true(sp_date_near_start(&p, SP_NO_DATE, "", err, sizeof err));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ten_years_from_start),
        cmocka_unit_test(contract_forms), cmocka_unit_test(words_around), cmocka_unit_test(us_order_and_invalid),
        cmocka_unit_test(deadlines),      cmocka_unit_test(periods),      cmocka_unit_test(calendar),
    };
    return cmocka_run_group_tests_name("dates", tests, NULL, NULL);
}
