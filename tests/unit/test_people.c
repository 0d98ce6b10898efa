/* Who answers for the work: several owners read as one list (view/people.c), and the DfE and
 * NHS England header (Annex A) read from plan.ini, continuation lines and all. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check/check.h"
#include "read/plan_ini.h"
#include "view/view_internal.h"

static void owners_split_at_semicolons_and_line_breaks(void **state)
{
    (void)state;
    sp_arena a = {0};
    /* a tracker's cell: two owners from two organisations, a stray separator, one more on a new line */
    sp_view_list l = sp_view_split(&a, " Head of SEND ;; Designated Clinical Officer (NHS)\r\nSENCO lead; ");
    assert_int_equal(l.n, 3);
    assert_string_equal(l.items[0], "Head of SEND");
    assert_string_equal(l.items[1], "Designated Clinical Officer (NHS)");
    assert_string_equal(l.items[2], "SENCO lead");
    assert_string_equal(sp_view_join(&a, l, "; "), "Head of SEND; Designated Clinical Officer (NHS); SENCO lead");
    /* a name with its job title and organisation after commas stays one owner */
    l = sp_view_split(&a, "Karen Chopping, Childrens Commissioner, CCG");
    assert_int_equal(l.n, 1);
    assert_string_equal(l.items[0], "Karen Chopping, Childrens Commissioner, CCG");
    assert_int_equal(sp_view_split(&a, " ; ").n, 0);
    assert_int_equal(sp_view_split(&a, NULL).n, 0);
    sp_arena_free(&a);
}

static sp_plan read_ini(const char *text, sp_diags *d, bool *ok)
{
    char dir[] = "/tmp/sp-people-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/plan.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    sp_plan p = {0};
    *ok = sp_read_plan_ini(path, "plan.ini", &p, d);
    remove(path);
    rmdir(dir);
    return p;
}

static void annex_a_keys_with_continuation_lines(void **state)
{
    (void)state;
    sp_diags d = {0};
    bool ok;
    sp_plan p = read_ini("[plan]\ntitle = T\nstart = 2022-06-30\n"
                         "inspection = Inspection – 10-14 June 2019\n    Revisit – 24-26 January 2022\n"
                         "revisit_report = 10 February 2022\n"
                         "advisers = Brian Gale (DfE Advisor)\n\tAnneliese Hillyer-Thake (NHS England Advisor)\n"
                         "governance = The Joint SEND Strategic Partnership Group\n    provides strategic leadership.\n",
                         &d, &ok);
    assert_true(ok);
    assert_int_equal(d.warnings, 0); /* a continuation line is not the key set twice */
    assert_string_equal(p.info.inspection, "Inspection – 10-14 June 2019\nRevisit – 24-26 January 2022");
    assert_string_equal(p.info.revisit_report, "10 February 2022");
    assert_string_equal(p.info.advisers, "Brian Gale (DfE Advisor)\nAnneliese Hillyer-Thake (NHS England Advisor)");
    /* governance is prose: a wrapped line joins with a space */
    assert_string_equal(p.info.governance, "The Joint SEND Strategic Partnership Group provides strategic leadership.");
    assert_null(p.info.accountable_officers);
    /* the one key missing is named once */
    sp_check_annex_a(&p, &d);
    assert_int_equal(d.warnings, 1);
    assert_non_null(strstr(d.list.items[0].message, "\"not recorded\" for accountable_officers: add it to"));
    assert_string_equal(d.list.items[0].src.file, "plan.ini");
    sp_plan_free(&p);
    sp_diags_free(&d);
}

static void annex_a_key_set_twice_or_undated(void **state)
{
    (void)state;
    sp_diags d = {0};
    bool ok;
    /* the same key again on a line of its own is set twice, not continued; a date with no year is said */
    sp_plan p = read_ini("[plan]\ntitle = T\nstart = 2022-06-30\nadvisers = A\nadvisers = B\ninspection = June\n", &d, &ok);
    assert_true(ok);
    assert_int_equal(d.warnings, 2);
    assert_string_equal(p.info.advisers, "B");
    assert_non_null(strstr(d.list.items[0].message, "'advisers' is set twice"));
    assert_non_null(strstr(d.list.items[1].message, "inspection: 'June' names no year"));
    assert_int_equal(d.list.items[1].src.line, 6);
    /* a full header: no warning */
    sp_plan q = read_ini("[plan]\ntitle = T\nstart = 2022-06-30\ninspection = 10-14 June 2019\nrevisit_report = 10 "
                         "February 2022\naccountable_officers = A; B\nadvisers = C; D\ngovernance = G\n",
                         &d, &ok);
    assert_true(ok);
    size_t before = d.warnings;
    sp_check_annex_a(&q, &d);
    assert_int_equal(d.warnings, before);
    sp_plan_free(&p);
    sp_plan_free(&q);
    sp_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(owners_split_at_semicolons_and_line_breaks),
        cmocka_unit_test(annex_a_keys_with_continuation_lines),
        cmocka_unit_test(annex_a_key_set_twice_or_undated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
