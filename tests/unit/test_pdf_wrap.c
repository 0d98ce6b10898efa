/* The PDF engine's line breaking: at spaces, or after a hyphen between letters; only a word
 * wider than the whole line is broken between characters. Widths are measured with the
 * embedded Liberation Sans, so each case sets its line width from a measured prefix. */
#include "testutil.h"

#include <string.h>

#include "render/pdf/pdf_doc.h"

static pd_doc doc;

static int setup(void **state)
{
    (void)state;
    return pd_open(&doc, "test", "test", 1.0f) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pd_close(&doc);
    return 0;
}

static float width(const char *s)
{
    return pd_text_width(&doc, doc.regular, 9, s);
}

static size_t wrap(const char *text, float w, const char ***lines)
{
    size_t n = pd_wrap(&doc, doc.regular, 9, text, w, lines);
    for (size_t i = 0; i < n; i++)
        if (width((*lines)[i]) > w + 0.001f)
            fail_msg("line '%s' is %.2f wide, wider than %.2f", (*lines)[i], width((*lines)[i]), w);
    return n;
}

static void expect(const char *text, float w, const char *const *want, size_t n_want)
{
    const char **lines;
    size_t n = wrap(text, w, &lines);
    if (n != n_want)
        fail_msg("'%s' at %.1f: %zu lines (first '%s'), expected %zu", text, w, n, n ? lines[0] : "", n_want);
    for (size_t i = 0; i < n; i++)
        if (strcmp(lines[i], want[i]) != 0)
            fail_msg("'%s' at %.1f: line %zu is '%s', expected '%s'", text, w, i + 1, lines[i], want[i]);
}

static void breaks_at_spaces(void **state)
{
    (void)state;
    /* room for "Local Offer" and a little more, not for "Local Offer website" */
    float w = width("Local Offer") + 5;
    static const char *const want[] = {"Local Offer", "website"};
    expect("Local   Offer website", w, want, 2);
}

static void breaks_after_a_hyphen_between_letters(void **state)
{
    (void)state;
    /* "with co-" and "production" fit, "with co-production" does not: the line ends after
     * the hyphen */
    float w = width("production") + 2;
    assert_true(width("with co-") <= w && width("with co-production") > w);
    static const char *const want[] = {"with co-", "production"};
    expect("with co-production", w, want, 2);
}

static void keeps_numbers_and_ranges_whole(void **state)
{
    (void)state;
    /* "the 12-" would fit, but a hyphen after a digit is no break: the word moves whole */
    float w = width("12-month") + 1;
    assert_true(width("the 12-") <= w && width("the 12-month") > w);
    static const char *const want[] = {"the", "12-month"};
    expect("the 12-month", w, want, 2);
    static const char *const ages[] = {"aged", "0-25"};
    expect("aged 0-25", width("aged 0-") + 1, ages, 2);
}

static void a_hyphenated_word_wider_than_the_line_breaks_at_its_hyphens(void **state)
{
    (void)state;
    float w = width("production-") + 1;
    static const char *const want[] = {"co-", "production-", "led"};
    expect("co-production-led", w, want, 3);
}

static void only_a_word_wider_than_the_line_breaks_between_characters(void **state)
{
    (void)state;
    const char *word = "Supercalifragilisticexpialidocious";
    float w = width("Supercali") + 1;
    const char **lines;
    size_t n = wrap(word, w, &lines);
    assert_true(n > 1);
    char joined[128] = "";
    for (size_t i = 0; i < n; i++)
        strcat(joined, lines[i]);
    assert_string_equal(joined, word); /* nothing lost, nothing added */
    /* a word that fits is never broken, however narrow the rest of the line */
    static const char *const want[] = {"a", "Supercali"};
    expect("a Supercali", w, want, 2);
}

static void paragraphs_and_utf8(void **state)
{
    (void)state;
    static const char *const want[] = {"Parents’ “voice”", "", "– heard"};
    expect("Parents’ “voice”\n\n– heard", 500, want, 3);
    /* a UTF-8 word broken between characters keeps each character whole */
    const char **lines;
    size_t n = wrap("ééééééééééééééééééééé", width("éééé") + 1, &lines);
    assert_true(n > 1);
    for (size_t i = 0; i < n; i++)
        assert_true(strlen(lines[i]) % 2 == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(breaks_at_spaces),
        cmocka_unit_test(breaks_after_a_hyphen_between_letters),
        cmocka_unit_test(keeps_numbers_and_ranges_whole),
        cmocka_unit_test(a_hyphenated_word_wider_than_the_line_breaks_at_its_hyphens),
        cmocka_unit_test(only_a_word_wider_than_the_line_breaks_between_characters),
        cmocka_unit_test(paragraphs_and_utf8),
    };
    return cmocka_run_group_tests_name("pdf_wrap", tests, setup, teardown);
}
