/* The glossary: plan.ini [glossary], expansions learned from the plan's own texts, the built-in
 * SEND glossary, which wins, and expansion on first use. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/plan_ini.h"
#include "view/glossary.h"

static sp_arena arena;

static void learns_what_the_plan_writes_out(void **state)
{
    (void)state;
    sp_glossary g = {.arena = &arena};
    sp_glossary_learn(&g, "Report to the Chief Operating Team (COT) each month.");
    sp_glossary_learn(&g, "Needs assessment agreed by the Joint Child Health Commissioning Board (JCHCB)");
    sp_glossary_learn(&g, "Preparation for Adulthood (PfA) pathway");
    sp_glossary_learn(&g, "Annual reviews of Education, Health and Care Plans (EHCP) on time");
    sp_glossary_learn(&g, "Best Start in Life (BSiL) programme");
    /* a person's role in brackets is not an expansion: the initials do not spell it */
    sp_glossary_learn(&g, "Family Voice representative, Siobhan Weaver (DCO)");
    sp_glossary_learn(&g, "the team (Communications)");
    sp_gloss_entry *e = sp_glossary_find(&g, "COT", 3);
    assert_non_null(e);
    assert_string_equal(e->expansion, "Chief Operating Team");
    assert_int_equal(e->source, SP_GLOSS_LEARNED);
    assert_string_equal(sp_glossary_find(&g, "JCHCB", 5)->expansion, "Joint Child Health Commissioning Board");
    assert_string_equal(sp_glossary_find(&g, "PfA", 3)->expansion, "Preparation for Adulthood");
    assert_string_equal(sp_glossary_find(&g, "EHCP", 4)->expansion, "Education, Health and Care Plans");
    assert_string_equal(sp_glossary_find(&g, "BSiL", 4)->expansion, "Best Start in Life");
    assert_null(sp_glossary_find(&g, "DCO", 3));
    assert_null(sp_glossary_find(&g, "Communications", 14));
    assert_int_equal(g.n, 5);
    sp_arena_free(&arena);
}

/* plan.ini written as `text` into a temporary folder and read back; the folder is removed. */
static bool read_ini_text(const char *text, sp_plan *p, sp_diags *d)
{
    char dir[] = "/tmp/sp-glossary-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/plan.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    bool ok = sp_read_plan_ini(path, "plan.ini", p, d);
    remove(path);
    rmdir(dir);
    return ok;
}

static void plan_glossary_wins_then_learned_then_built_in(void **state)
{
    (void)state;
    sp_plan p = {0};
    sp_diags d = {0};
    assert_true(read_ini_text("[plan]\ntitle = T\nstart = 2022-06-30\ncontact = https://www.example.org/send-views\n"
                              "[glossary]\nCOT = Chief Officers Team\nDAP = Dynamic Action Plan\n",
                              &p, &d));
    assert_string_equal(p.info.contact, "https://www.example.org/send-views");
    assert_int_equal(p.info.n_glossary, 2);
    assert_string_equal(p.info.glossary[1].abbr, "DAP");
    assert_int_equal(p.info.glossary[1].src.line, 7);
    /* the plan's texts write COT out differently and spell DCO out; the [glossary] line wins for COT */
    *sp_vec_push(&p.milestones) = (sp_milestone){.text = "Agreed by the Chief Operating Team (COT)", .progress = ""};
    *sp_vec_push(&p.milestones) = (sp_milestone){.text = "Meet the Designated Children's Officer (DCO)", .progress = ""};
    sp_glossary g;
    sp_glossary_build(&g, &arena, &p);
    assert_string_equal(sp_glossary_find(&g, "COT", 3)->expansion, "Chief Officers Team");
    assert_int_equal(sp_glossary_find(&g, "COT", 3)->source, SP_GLOSS_PLAN_INI);
    assert_string_equal(sp_glossary_find(&g, "DCO", 3)->expansion, "Designated Children's Officer");
    assert_string_equal(sp_glossary_find(&g, "EHCP", 4)->expansion, "education, health and care plan");
    assert_int_equal(sp_glossary_find(&g, "EHCP", 4)->source, SP_GLOSS_BUILT_IN);
    sp_plan_free(&p);
    sp_diags_free(&d);
    sp_arena_free(&arena);
}

static void glossary_line_without_expansion_is_an_error(void **state)
{
    (void)state;
    sp_plan p = {0};
    sp_diags d = {0};
    assert_false(read_ini_text("[plan]\ntitle = T\nstart = 2022-06-30\n[glossary]\nCOT =\n", &p, &d));
    assert_int_equal(d.errors, 1);
    sp_plan_free(&p);
    sp_diags_free(&d);
}

/* Debian's libinih reads 200 bytes a line unless told otherwise: a 5,000-byte title and a long
 * expansion are read whole, an indented line continues the value, and line numbers after them
 * stay right. */
static void long_plan_ini_lines_are_read_whole(void **state)
{
    (void)state;
    char *title = malloc(5001), *expansion = malloc(2001);
    for (int i = 0; i < 5000; i++)
        title[i] = "abcdefghij"[i % 10];
    title[5000] = '\0';
    for (int i = 0; i < 2000; i++)
        expansion[i] = i % 7 == 6 ? ' ' : 'w';
    memcpy(expansion + 1990, "commission", 10);
    expansion[2000] = '\0';
    sp_plan p = {0};
    sp_diags d = {0};
    sp_arena text = {0};
    assert_false(read_ini_text(sp_arena_printf(&text, "[plan]\n; %s\ntitle = %s\nstart = 2022-06-30\n[glossary]\n"
                                                      "JCB = %s\nWRP = the first part\n    and the continued part\nBAD =\n",
                                               title, title, expansion),
                               &p, &d)); /* BAD has no expansion */
    assert_string_equal(p.info.title, title);
    assert_int_equal(p.info.n_glossary, 2);
    assert_string_equal(p.info.glossary[0].expansion, expansion);
    assert_int_equal(p.info.glossary[0].src.line, 6);
    assert_string_equal(p.info.glossary[1].expansion, "the first part and the continued part");
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.list.items[d.list.n - 1].src.line, 9);
    free(title);
    free(expansion);
    sp_arena_free(&text);
    sp_plan_free(&p);
    sp_diags_free(&d);
}

static void expands_on_first_use_only(void **state)
{
    (void)state;
    sp_glossary g = {.arena = &arena};
    for (size_t i = 0; i < SP_SEND_GLOSSARY_N; i++)
        sp_glossary_add(&g, SP_SEND_GLOSSARY[i].abbr, SP_SEND_GLOSSARY[i].expansion, SP_GLOSS_BUILT_IN);
    sp_glossary_add(&g, "COT", "Chief Operating Team", SP_GLOSS_PLAN_INI);
    assert_string_equal(sp_glossary_expand(&g, "The DCO will check EHCPs."),
                        "The Designated Clinical Officer (DCO) will check education, health and care plans (EHCPs).");
    /* second use: as written; the plural of a known abbreviation counts as a use */
    assert_string_equal(sp_glossary_expand(&g, "The DCO and the EHCP team."), "The DCO and the EHCP team.");
    /* at the start of a sentence the expansion takes a capital */
    assert_string_equal(sp_glossary_expand(&g, "SEND support. QA checks."),
                        "Special educational needs and disabilities (SEND) support. Quality assurance (QA) checks.");
    /* written out already: not expanded twice */
    assert_string_equal(sp_glossary_expand(&g, "The Chief Operating Team (COT) agreed it. Then COT met."),
                        "The Chief Operating Team (COT) agreed it. Then COT met.");
    /* inside another word, or in another case, it is not the abbreviation */
    assert_string_equal(sp_glossary_expand(&g, "Ofsteds LAter la"), "Ofsteds LAter la");
    assert_false(sp_glossary_find(&g, "LA", 2)->used);
    const sp_gloss_entry **used;
    size_t n = sp_glossary_used(&g, &used);
    assert_int_equal(n, 5);
    assert_string_equal(used[0]->abbr, "COT");
    assert_string_equal(used[1]->abbr, "DCO");
    assert_string_equal(used[2]->abbr, "EHCP");
    assert_string_equal(used[3]->abbr, "QA");
    assert_string_equal(used[4]->abbr, "SEND");
    sp_arena_free(&arena);
}

/* "PfA" and "PFA" are one term (issue 22): expanded once, whichever is met first, with the
 * first source's expansion, and one entry in the list, spelt as the reader first met it. */
static void case_variants_are_one_term(void **state)
{
    (void)state;
    sp_glossary g = {.arena = &arena};
    sp_glossary_learn(&g, "Preparation for Adulthood (PfA) pathway");
    for (size_t i = 0; i < SP_SEND_GLOSSARY_N; i++)
        sp_glossary_add(&g, SP_SEND_GLOSSARY[i].abbr, SP_SEND_GLOSSARY[i].expansion, SP_GLOSS_BUILT_IN);
    assert_string_equal(sp_glossary_expand(&g, "The PFA group met."),
                        "The Preparation for Adulthood (PFA) group met.");
    assert_string_equal(sp_glossary_expand(&g, "PfA leads and the SENCo. The SENCO agreed."),
                        "PfA leads and the special educational needs co-ordinator (SENCo). The SENCO agreed.");
    const sp_gloss_entry **used;
    size_t n = sp_glossary_used(&g, &used);
    assert_int_equal(n, 2);
    assert_string_equal(used[0]->abbr, "PFA");
    assert_string_equal(used[0]->expansion, "Preparation for Adulthood");
    assert_string_equal(used[1]->abbr, "SENCo");
    /* each spelling is still found as written, never a word in lower case */
    assert_non_null(sp_glossary_find(&g, "PfA", 3));
    assert_non_null(sp_glossary_find(&g, "PFA", 3));
    assert_null(sp_glossary_find(&g, "pfa", 3));
    sp_arena_free(&arena);
}

static void built_in_glossary_is_well_formed(void **state)
{
    (void)state;
    for (size_t i = 0; i < SP_SEND_GLOSSARY_N; i++) {
        assert_true(SP_SEND_GLOSSARY[i].expansion[0]);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(SP_SEND_GLOSSARY[i].abbr, SP_SEND_GLOSSARY[j].abbr);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(learns_what_the_plan_writes_out),
        cmocka_unit_test(plan_glossary_wins_then_learned_then_built_in),
        cmocka_unit_test(glossary_line_without_expansion_is_an_error),
        cmocka_unit_test(long_plan_ini_lines_are_read_whole),
        cmocka_unit_test(expands_on_first_use_only),
        cmocka_unit_test(case_variants_are_one_term),
        cmocka_unit_test(built_in_glossary_is_well_formed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
