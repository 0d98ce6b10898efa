/* The text helpers behind issue 14's hardening: the string index, refs that print alike,
 * Excel's _xHHHH_ escapes, text no workbook may hold, folder names and whole percents. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "util/format.h"
#include "util/strmap.h"
#include "util/text.h"

static sp_arena arena;

static void strmap_finds_every_key(void **state)
{
    (void)state;
    sp_strmap m;
    sp_strmap_init(&m, false);
    char *keys[5000];
    for (size_t i = 0; i < 5000; i++) { /* grows from 64 slots through several doublings */
        keys[i] = sp_arena_printf(&arena, "APP-%zu", i);
        sp_strmap_put(&m, keys[i], i * 7);
    }
    assert_int_equal(m.n, 5000);
    for (size_t i = 0; i < 5000; i++) {
        size_t v = 0;
        assert_true(sp_strmap_get(&m, sp_arena_printf(&arena, "APP-%zu", i), &v));
        assert_int_equal(v, i * 7);
    }
    size_t v;
    assert_false(sp_strmap_get(&m, "APP-5000", &v));
    assert_false(sp_strmap_get(&m, "app-1", &v)); /* case matters in this map */
    sp_strmap_put(&m, keys[3], 99);              /* a second put replaces */
    assert_true(sp_strmap_get(&m, "APP-3", &v));
    assert_int_equal(v, 99);
    assert_int_equal(m.n, 5000);
    sp_strmap_free(&m);

    sp_strmap_init(&m, true);
    sp_strmap_put(&m, "K01", 1);
    assert_true(sp_strmap_get(&m, "k01", &v));
    assert_int_equal(v, 1);
    assert_false(sp_strmap_get(&m, "K1", &v));
    sp_strmap_free(&m);
}

static void refs_that_print_alike_are_one(void **state)
{
    (void)state;
    assert_string_equal(sp_ref_clean(&arena, "K1\xe2\x80\x8d"), "K1");        /* zero-width joiner */
    assert_string_equal(sp_ref_clean(&arena, "\xe2\x80\x8b" "1.1a"), "1.1a"); /* zero-width space */
    assert_string_equal(sp_ref_clean(&arena, "K\xc2\xad" "1"), "K1");          /* soft hyphen */
    assert_string_equal(sp_ref_clean(&arena, "\xef\xbc\xab\xef\xbc\x91"), "K1"); /* fullwidth K1 (NFKC) */
    const char *plain = "APP-01";
    assert_ptr_equal(sp_ref_clean(&arena, plain), plain); /* ASCII is returned as it is */
}

static void excel_escapes_stay_literal(void **state)
{
    (void)state;
    assert_string_equal(sp_excel_literal(&arena, "_x0041_"), "_x005F_x0041_");
    assert_string_equal(sp_excel_literal(&arena, "a _x00e9_ b _x000D_"), "a _x005F_x00e9_ b _x005F_x000D_");
    const char *same[] = {"_x41_", "_X0041_", "_x004G_", "_x0041", "x0041_", "plain text", ""};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        assert_ptr_equal(sp_excel_literal(&arena, same[i]), same[i]);
}

static void unsafe_text_named_with_its_place(void **state)
{
    (void)state;
    size_t at = 99;
    assert_null(sp_unsafe_text(&arena, "Peterborough SEND \xe2\x80\x94 plan", &at));
    assert_string_equal(sp_unsafe_text(&arena, "Test\033[2J", &at), "a control character (U+001B)");
    assert_int_equal(at, 4);
    assert_string_equal(sp_unsafe_text(&arena, "ab\t", &at), "a control character (U+0009)");
    assert_string_equal(sp_unsafe_text(&arena, "T\xef\xbf\xbe", &at), "U+FFFE is not a character");
    assert_int_equal(at, 1);
    assert_string_equal(sp_unsafe_text(&arena, "TT\xef\xbf\xbf", &at), "U+FFFF is not a character");
    assert_int_equal(at, 2);
    assert_string_equal(sp_unsafe_text(&arena, "T\xe9st", &at), "invalid UTF-8");
    assert_int_equal(at, 1);
    /* U+FFFD and U+FEFF are characters */
    assert_null(sp_unsafe_text(&arena, "\xef\xbf\xbd\xef\xbb\xbf", &at));
    assert_int_equal(sp_nonchar_at("ab\xef\xbf\xbe", 5), 2);
    assert_int_equal(sp_nonchar_at("ab\xef\xbf", 4), 4); /* cut short: not one */
}

static void folder_names(void **state)
{
    (void)state;
    assert_string_equal(sp_folder_slug(&arena, "plans/a_b/"), "a-b");
    assert_string_equal(sp_folder_slug(&arena, "A.B"), "a-b");
    assert_string_equal(sp_folder_slug(&arena, "/x//"), "x");
    assert_string_equal(sp_folder_slug(&arena, "."), "plan");
    assert_string_equal(sp_folder_slug(&arena, "\xc3\x89t\xc3\xa9"), "ete");   /* Été */
    assert_string_equal(sp_folder_slug(&arena, "Stra\xc3\x9f" "e"), "strasse"); /* Straße */
    assert_string_equal(sp_folder_slug(&arena, "\xd0\xbf\xd0\xbb\xd0\xb0\xd0\xbd"), "x"); /* план */
}

static void whole_percents(void **state)
{
    (void)state;
    char buf[16];
    const struct { double v; const char *want; } cases[] = {
        {-0.25, "0%"}, {-0.0, "0%"}, {0.49, "0%"}, {-0.5, "-1%"}, {47.6, "48%"}, {-12.4, "-12%"}, {100, "100%"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sp_format_whole_percent(cases[i].v, buf, sizeof buf);
        if (strcmp(buf, cases[i].want) != 0)
            fail_msg("%g -> '%s', expected '%s'", cases[i].v, buf, cases[i].want);
    }
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
        cmocka_unit_test(strmap_finds_every_key), cmocka_unit_test(refs_that_print_alike_are_one),
        cmocka_unit_test(excel_escapes_stay_literal), cmocka_unit_test(unsafe_text_named_with_its_place),
        cmocka_unit_test(folder_names), cmocka_unit_test(whole_percents),
    };
    return cmocka_run_group_tests_name("text safety", tests, NULL, teardown);
}
