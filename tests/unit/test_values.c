/* Numbers, baselines, targets and vocabularies of the input contract. */
#include "testutil.h"

#include <string.h>

#include "read/values.h"

static sp_arena arena;

static void numbers(void **state)
{
    (void)state;
    double v;
    char err[256];
    assert_true(sp_parse_number_cell("125", &v, err, sizeof err));
    assert_near(v, 125, 0);
    assert_true(sp_parse_number_cell("17%", &v, err, sizeof err));
    assert_near(v, 17, 0);
    assert_true(sp_parse_number_cell("1,204", &v, err, sizeof err));
    assert_near(v, 1204, 0);
    assert_true(sp_parse_number_cell("1,204,500.5", &v, err, sizeof err));
    assert_near(v, 1204500.5, 1e-9);
    assert_true(sp_parse_number_cell("-3.25", &v, err, sizeof err));
    assert_near(v, -3.25, 0);
    assert_true(sp_parse_number_cell("12 weeks", &v, err, sizeof err));
    assert_near(v, 12, 0);
    assert_true(sp_parse_number_cell(".5", &v, err, sizeof err));
    assert_near(v, 0.5, 0);
    assert_false(sp_parse_number_cell("17,5", &v, err, sizeof err));
    assert_non_null(strstr(err, "use a point for decimals"));
    assert_false(sp_parse_number_cell("twelve", &v, err, sizeof err));
    assert_false(sp_parse_number_cell("12 apples", &v, err, sizeof err));
    assert_false(sp_parse_number_cell("1,20", &v, err, sizeof err));
}

static void baselines(void **state)
{
    (void)state;
    sp_baseline b;
    sp_parse_baseline(&arena, "125", &b);
    assert_true(b.set);
    assert_near(b.value, 125, 0);
    assert_null(b.note);
    sp_parse_baseline(&arena, "17% (Jan 2022 14-17 years)", &b);
    assert_true(b.set);
    assert_near(b.value, 17, 0);
    assert_string_equal(b.note, "Jan 2022 14-17 years");
    sp_parse_baseline(&arena, "1,204", &b);
    assert_near(b.value, 1204, 0);
    static const char *const pending[] = {"In development", "N/A", "Establish baseline", "", "TBC"};
    for (size_t i = 0; i < sizeof pending / sizeof *pending; i++) {
        sp_parse_baseline(&arena, pending[i], &b);
        assert_false(b.set);
        assert_string_equal(b.text, pending[i]);
    }
    sp_parse_baseline(&arena, "2 focus areas", &b);
    assert_false(b.set);
}

static void target(const char *s, sp_target_kind kind, double value, const char *words)
{
    sp_target t;
    sp_parse_target(&arena, s, &t);
    if (t.kind != kind)
        fail_msg("'%s': kind %d, expected %d", s, t.kind, kind);
    assert_near(t.value, value, 1e-12);
    if (words)
        assert_string_equal(t.words, words);
    else if (t.kind != SP_TARGET_TEXT && t.words)
        fail_msg("'%s': unexpected words '%s'", s, t.words);
}

static void targets(void **state)
{
    (void)state;
    target("50%", SP_TARGET_ABSOLUTE, 50, NULL);
    target("75", SP_TARGET_ABSOLUTE, 75, NULL);
    target("12 weeks", SP_TARGET_ABSOLUTE, 12, NULL);
    target("Reduction by 5%", SP_TARGET_RELATIVE, -5, NULL);
    target("-5%", SP_TARGET_RELATIVE, -5, NULL);
    target("Increase on baseline of at least 20%", SP_TARGET_RELATIVE, 20, NULL);
    target("+20%", SP_TARGET_RELATIVE, 20, NULL);
    target("+5pp", SP_TARGET_POINTS, 5, NULL);
    target("-2 pp", SP_TARGET_POINTS, -2, NULL);
    target("Increase by 3 percentage points", SP_TARGET_POINTS, 3, NULL);
    target("Reduction by 30%", SP_TARGET_RELATIVE, -30, NULL);
    /* a numeric target followed by words keeps them as its qualitative part */
    target("Reduction by 7.5% Service user feedback shows accessibility and awareness of the pathway has improved",
           SP_TARGET_RELATIVE, -7.5, "Service user feedback shows accessibility and awareness of the pathway has improved");
    target("85% of services signed up", SP_TARGET_ABSOLUTE, 85, "of services signed up");
    /* qualitative milestones */
    target("Draft plan is developed and final consultation is undertaken", SP_TARGET_TEXT, 0, NULL);
    target("Increase of selected workforce completing training. Increase against baseline of 20%", SP_TARGET_TEXT, 0,
           NULL);
    target("Refreshed baseline % for 14–25-year-olds to July 2022", SP_TARGET_TEXT, 0, NULL);
    target("2 focus areas agreed", SP_TARGET_TEXT, 0, NULL);
    target("", SP_TARGET_NONE, 0, NULL);
}

static void vocabularies(void **state)
{
    (void)state;
    sp_status s;
    bool complete;
    static const struct {
        const char *word;
        sp_status status;
        bool complete;
    } words[] = {{"Blue", SP_BLUE, true},     {"b", SP_BLUE, true},          {"Complete", SP_BLUE, true},
                 {"COMPLETED", SP_BLUE, true}, {"Green", SP_GREEN, false},    {"G", SP_GREEN, false},
                 {"On track", SP_GREEN, false}, {"Amber", SP_AMBER, false},   {"Behind", SP_AMBER, false},
                 {"Behind schedule", SP_AMBER, false}, {"Red", SP_RED, false}, {"Not started", SP_RED, false},
                 {"AT RISK", SP_RED, false},   {"r", SP_RED, false},          {"a", SP_AMBER, false}};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        assert_true(sp_parse_status(words[i].word, &s, &complete));
        assert_int_equal(s, words[i].status);
        assert_int_equal(complete, words[i].complete);
    }
    assert_true(sp_parse_status("", &s, &complete));
    assert_int_equal(s, SP_STATUS_NONE);
    assert_false(sp_parse_status("Purple", &s, &complete));

    sp_unit u;
    assert_true(sp_parse_unit("%", &u));
    assert_int_equal(u, SP_UNIT_PERCENT);
    assert_true(sp_parse_unit("Rate", &u));
    assert_int_equal(u, SP_UNIT_RATE);
    assert_true(sp_parse_unit("weeks", &u));
    assert_int_equal(u, SP_UNIT_WEEKS);
    assert_false(sp_parse_unit("kg", &u));

    sp_direction dir;
    assert_true(sp_parse_direction("Down", &dir));
    assert_int_equal(dir, SP_DIR_DOWN);
    assert_true(sp_parse_direction("none", &dir));
    assert_int_equal(dir, SP_DIR_NONE);
    assert_false(sp_parse_direction("sideways", &dir));

    sp_severity_level sev;
    assert_true(sp_parse_severity("High", &sev));
    assert_int_equal(sev, SP_SEV_HIGH);
    assert_false(sp_parse_severity("Severe", &sev));

    sp_qual_status q;
    assert_true(sp_parse_qual_status("partly met", &q));
    assert_int_equal(q, SP_QS_PARTLY_MET);
    assert_true(sp_parse_qual_status("Not met", &q));
    assert_int_equal(q, SP_QS_NOT_MET);
    assert_false(sp_parse_qual_status("nearly", &q));

    sp_plan_kind k;
    assert_true(sp_parse_plan_kind("WSoA", &k));
    assert_int_equal(k, SP_KIND_WSOA);
    assert_true(sp_parse_plan_kind("Priority action plan", &k));
    assert_int_equal(k, SP_KIND_PRIORITY);
    assert_false(sp_parse_plan_kind("Improvement plan", &k));
}

static int teardown(void **state)
{
    (void)state;
    sp_arena_free(&arena);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers),
        cmocka_unit_test(baselines),
        cmocka_unit_test(targets),
        cmocka_unit_test(vocabularies),
    };
    return cmocka_run_group_tests_name("values", tests, NULL, teardown);
}
