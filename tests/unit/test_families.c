/* The Local Offer text for families: each promise once, late items with their dates in words,
 * nothing internal, abbreviations expanded, and a reading age of about 11 to 12. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "plan_builder.h"
#include "view/template_read.h"
#include "view/families.h"

static sp_template local_offer;
static sp_arena arena;

static int setup(void **state)
{
    (void)state;
    sp_diags d = {0};
    if (!sp_template_load("local-offer", &local_offer, &d))
        return -1;
    sp_diags_free(&d);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sp_template_free(&local_offer);
    return 0;
}

static const sp_family_promise *promise_of(const sp_families *f, size_t milestone)
{
    for (size_t i = 0; i < f->n_parts; i++)
        for (size_t j = 0; j < f->parts[i].n_actions; j++)
            for (size_t k = 0; k < f->parts[i].actions[j].n; k++)
                if (f->parts[i].actions[j].promises[k].milestone == milestone)
                    return &f->parts[i].actions[j].promises[k];
    fail_msg("milestone %zu is not on the page", milestone);
    return NULL;
}

static void late_items_say_both_dates_in_words(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2019, 11, 30));
    p.info.organisations = "Testshire Council";
    /* 0: due Jan 2020, revised to May 2021, not done at 31 Dec 2020: late, the new date ahead */
    pb_milestone(&p, "Area 1", "1.1", D(2020, 1, 31), D(2021, 5, 31), SP_NO_DATE, SP_GREEN)->text = "Publish the new "
                                                                                                      "guide..";
    /* 1: due Jan 2020, no new date: late, a new date to be set */
    pb_milestone(&p, "Area 1", "1.2", D(2020, 1, 31), SP_NO_DATE, SP_NO_DATE, SP_RED)->text = "Train the DCO";
    /* 2: done in March 2020 */
    pb_milestone(&p, "Area 1", "1.3", D(2020, 3, 31), SP_NO_DATE, D(2020, 3, 15), SP_BLUE)->text = "Open the hub";
    /* 3: due in the future */
    pb_milestone(&p, "Area 1", "1.4", D(2021, 3, 31), SP_NO_DATE, SP_NO_DATE, SP_GREEN)->text = "Review EHCPs";
    /* 4: revised to a date that has passed too */
    pb_milestone(&p, "Area 1", "1.5", D(2020, 1, 31), D(2020, 6, 30), SP_NO_DATE, SP_AMBER)->text = "Survey families";
    pb_assess(&p, D(2020, 12, 31), &a);
    sp_families f;
    sp_families_build(&f, &arena, &p, &a, NULL, &local_offer);

    const sp_family_promise *late = promise_of(&f, 0);
    assert_string_equal(late->said, "Publish the new guide."); /* one full stop, not "guide..." */
    assert_string_equal(late->done, "This is not finished yet.");
    assert_string_equal(late->next, "We planned this for January 2020. It is later than planned; the new date is May 2021.");
    assert_string_equal(late->status_word, "Later than planned"); /* Amber: slipped (decision 12) */
    assert_string_equal(promise_of(&f, 1)->next, "We planned this for January 2020. It is late; we will set a new date.");
    /* the first use of DCO on the page is expanded */
    assert_string_equal(promise_of(&f, 1)->said, "Train the Designated Clinical Officer (DCO).");
    assert_string_equal(promise_of(&f, 2)->done, "We finished this in March 2020.");
    assert_string_equal(promise_of(&f, 2)->status_word, "Done");
    assert_string_equal(promise_of(&f, 3)->next, "We plan to finish this by March 2021.");
    assert_string_equal(promise_of(&f, 3)->said, "Review education, health and care plans (EHCPs).");
    assert_string_equal(promise_of(&f, 4)->next,
                        "We planned this for January 2020, then for June 2020. It is late; we will set a new date.");
    /* 5 milestones: 1 done (1.3), 1 Amber (1.1 slipped, its new date ahead), 2 Red (1.2 and 1.5 overdue), 1 Green
     * (1.4): the committee's counts, one word each (decision 12) */
    assert_string_equal(f.position, "We said we would do 5 things: 1 is done, 1 is on track, 1 is later than planned "
                                    "and 2 are late.");
    assert_int_equal(a.milestone_counts.amber, 1);
    assert_int_equal(a.milestone_counts.red, 2);
    assert_int_equal(f.n_parts, 1);
    assert_string_equal(f.parts[0].summary, "We said we would do 5 things here: 1 is done, 1 is on track, 1 is later "
                                            "than planned and 2 are late.");
    /* nothing of the officers' */
    assert_null(strstr(f.text, "Ann Lee"));
    /* no --previous: no changes section */
    assert_false(f.has_changes);
    assert_int_equal(f.n_glossary, 3); /* DCO, EHCP, SEND (in the intro) */
    pb_free(&p, &a);
    sp_arena_free(&arena);
}

/* What we have done (issue 22 item 5): the officers' update in its first sentence or two, no
 * officer named; work in place that carries on is never "nothing more to do". */
static void updates_say_what_was_done(void **state)
{
    (void)state;
    sp_plan p;
    sp_assessment a;
    pb_init(&p, D(2019, 11, 30));
    /* 0: "COMPLETE (ongoing activity)" in the due cell, with an update of three sentences */
    sp_milestone *m = pb_milestone(&p, "Area 1", "1.1", D(2020, 3, 31), SP_NO_DATE, SP_NO_DATE, SP_BLUE);
    m->due.kind = SP_DUE_COMPLETE;
    m->due_text = "COMPLETE (ongoing activity)";
    m->due.date = SP_NO_DATE; /* as the reader leaves a COMPLETE cell with no date */
    m->text = "Run the DCO drop-in";
    m->progress = "The drop-in runs every month at the hub. Forty families came in May. Ann Lee leads it.";
    /* 1: not finished, its update names the owner first */
    m = pb_milestone(&p, "Area 1", "1.2", D(2021, 3, 31), SP_NO_DATE, SP_NO_DATE, SP_GREEN);
    m->progress = "Ann Lee met the forum in June. The survey closes in July.";
    /* 2: plainly complete, no update */
    pb_milestone(&p, "Area 1", "1.3", D(2020, 3, 31), SP_NO_DATE, D(2020, 3, 15), SP_BLUE);
    pb_assess(&p, D(2020, 12, 31), &a);
    sp_families f;
    sp_families_build(&f, &arena, &p, &a, NULL, &local_offer);
    assert_string_equal(promise_of(&f, 0)->done,
                        "This is in place. The drop-in runs every month at the hub. Forty families came in May.");
    assert_string_equal(promise_of(&f, 0)->next, "This is in place and carries on.");
    assert_string_equal(promise_of(&f, 1)->done, "This is not finished yet. The survey closes in July.");
    assert_string_equal(promise_of(&f, 2)->next, "There is nothing more to do on this.");
    assert_null(strstr(f.text, "Ann Lee"));
    pb_free(&p, &a);
    sp_arena_free(&arena);
}

/* The real plans, told to families: readable at about 11 to 12, every abbreviation of the
 * glossary expanded before it is used bare. */
static void real_plans_read_at_about_eleven_to_twelve(void **state)
{
    (void)state;
    static const struct {
        const char *dir;
        sp_date as_of;
    } plans[] = {{SHARED_DIR "/data/peterborough-wsoa-2019", 0}, {SHARED_DIR "/data/peterborough-app-2022", 0},
                 {TESTS_DIR "/../input/peterborough-app-2022", 0}};
    for (size_t i = 0; i < sizeof plans / sizeof plans[0]; i++) {
        sp_plan p;
        memset(&p, 0, sizeof p);
        sp_diags d = {0};
        assert_true(sp_read_plan(plans[i].dir, &p, &d));
        sp_diags_free(&d);
        sp_assessment a;
        sp_assess(&p, i == 0 ? D(2021, 5, 31) : D(2022, 12, 31), &local_offer.rules, &a);
        sp_families f;
        sp_families_build(&f, &arena, &p, &a, NULL, &local_offer);
        /* Flesch-Kincaid grade 6 to 7 is a reading age of 11 to 12 (grade + 5). What sendpack
         * writes itself is held to grade 6. The plans' own words (milestones, actions, KPI names
         * and targets) are the officers' and are shown as written, so the whole page is held to
         * grade 10: a plan whose own sentences are harder than that needs rewriting at source. */
        fprintf(stderr, "# %s: page %zu words, %zu sentences, %zu syllables: grade %.2f; sendpack's own sentences: "
                        "%zu words, grade %.2f\n",
                plans[i].dir, f.readability.words, f.readability.sentences, f.readability.syllables,
                f.readability.grade, f.own_readability.words, f.own_readability.grade);
        assert_true(f.own_readability.words > 100);
        assert_true(f.own_readability.grade <= 6.0);
        assert_true(f.readability.grade <= 10.0);
        for (size_t k = 0; k < f.n_glossary; k++) {
            const char *abbr = f.glossary[k]->abbr;
            /* the first whole-word use is inside "expansion (ABBR" */
            const char *t = f.text;
            size_t n = strlen(abbr);
            const char *first = NULL;
            for (const char *s = strstr(t, abbr); s; s = strstr(s + 1, abbr)) {
                bool left = s == t || !((s[-1] >= 'A' && s[-1] <= 'Z') || (s[-1] >= 'a' && s[-1] <= 'z'));
                char c = s[n];
                bool right = !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ||
                             (c == 's' && !((s[n + 1] >= 'a' && s[n + 1] <= 'z')));
                if (left && right) {
                    first = s;
                    break;
                }
            }
            assert_non_null(first);
            assert_true(first > t && first[-1] == '(');
        }
        sp_assessment_free(&a);
        sp_plan_free(&p);
        sp_arena_free(&arena);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(late_items_say_both_dates_in_words),
        cmocka_unit_test(updates_say_what_was_done),
        cmocka_unit_test(real_plans_read_at_about_eleven_to_twelve),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
