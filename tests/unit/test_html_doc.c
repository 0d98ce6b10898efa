/* The HTML writer: escaping, headings that never skip a level, tables and charts built to be
 * read without sight of them. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/html/html_chart.h"
#include "render/html/html_doc.h"

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void escapes_text(void **state)
{
    (void)state;
    hd_doc d;
    hd_init(&d, 1);
    hd_text(&d, "<b>Tom & \"Jerry\"</b> it's\r\nCR\x01 \xEF\xBF\xBE \xC2\x85 caf\xC3\xA9 \xE2\x80\x94");
    assert_string_equal(d.s, "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; it&#39;s\nCR\xEF\xBF\xBD \xEF\xBF\xBD "
                             "\xEF\xBF\xBD caf\xC3\xA9 \xE2\x80\x94");
    hd_free(&d);
    hd_init(&d, 1);
    hd_text_lines(&d, "one\ntwo");
    assert_string_equal(d.s, "one<br>\ntwo");
    hd_free(&d);
}

static void headings_never_skip(void **state)
{
    (void)state;
    hd_doc d;
    hd_init(&d, 1);
    hd_heading(&d, 0, NULL, "Title");
    hd_heading(&d, 2, NULL, "Too deep"); /* h3 straight after h1: written as h2 */
    hd_heading(&d, 2, "x", "Sub"); /* ids are the pack's own: a host page's CSS leaves them alone */
    assert_string_equal(d.s, "<h1 class=\"sp-h1\">Title</h1>\n<h2 class=\"sp-h2\">Too deep</h2>\n"
                             "<h3 class=\"sp-h3\" id=\"sendpack-x\">Sub</h3>\n");
    hd_free(&d);
    /* a fragment starting at h3 (--html-heading-level 3) looks like the page's h1 */
    hd_init(&d, 3);
    hd_heading(&d, 0, NULL, "Title");
    hd_heading(&d, 1, NULL, "Part");
    assert_string_equal(d.s, "<h3 class=\"sp-h1\">Title</h3>\n<h4 class=\"sp-h2\">Part</h4>\n");
    hd_free(&d);
}

static void tables_have_caption_scope_and_a_focusable_region(void **state)
{
    (void)state;
    hd_doc d;
    hd_init(&d, 1);
    const char *heads[] = {"What", "Status"};
    hd_table_begin(&d, "Late items", heads, 2);
    hd_row_begin(&d);
    hd_cell(&d, true, "Ramps");
    hd_cell_status(&d, SP_RED, "Running late");
    hd_row_end(&d);
    hd_table_end(&d);
    assert_non_null(strstr(d.s, "<div class=\"sp-table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"sendpack-table-1\">"));
    assert_non_null(strstr(d.s, "<caption id=\"sendpack-table-1\">Late items</caption>"));
    assert_int_equal(count(d.s, "<th scope=\"col\">"), 2);
    assert_non_null(strstr(d.s, "<th scope=\"row\">Ramps</th>"));
    /* the status is a word, the colour only a class */
    assert_non_null(strstr(d.s, "<strong class=\"sp-tag sp-tag--red\">Running late</strong>"));
    hd_free(&d);
}

static void a_chart_says_what_it_shows_and_holds_its_data(void **state)
{
    (void)state;
    hd_doc d;
    hd_init(&d, 1);
    const char *x[] = {"Jul 2022", "Aug 2022", "Sep 2022"};
    double v[] = {10, 12.5, 0}, t[] = {10, 11, 12};
    bool hv[] = {true, true, false}, ht[] = {true, true, true};
    hc_series s[] = {{"Value", v, hv, HC_ACTUAL, NULL, NULL, NULL}, {"Expected", t, ht, HC_TARGET, NULL, NULL, NULL}};
    hc_line(&d, &(hc_line_chart){"K01 waits", "Rose from 10% to 12.5%.", x, 3, s, 2, SP_UNIT_PERCENT, NULL, NULL});
    assert_non_null(strstr(d.s, "role=\"img\" aria-labelledby=\"sendpack-chart-title-1 sendpack-chart-desc-2\""));
    assert_non_null(strstr(d.s, "<title id=\"sendpack-chart-title-1\">K01 waits</title>"));
    assert_non_null(strstr(d.s, "<desc id=\"sendpack-chart-desc-2\">Rose from 10% to 12.5%.</desc>"));
    assert_int_equal(count(d.s, "<circle"), 2);           /* a dot per value, none for the gap */
    assert_int_equal(count(d.s, "<polyline"), 2);
    assert_non_null(strstr(d.s, "<details>\n<summary>The figures in this chart</summary>"));
    assert_non_null(strstr(d.s, "<th scope=\"row\">Sep 2022</th><td class=\"sp-num\">no value</td><td class=\"sp-num\">12%</td>"));
    assert_non_null(strstr(d.s, "<td class=\"sp-num\">12.5%</td>"));
    hd_free(&d);
}

/* WCAG 2.2 relative luminance and contrast ratio (1.4.3, 1.4.11). */
static double luminance(unsigned rgb)
{
    double c[3] = {(rgb >> 16) / 255.0, ((rgb >> 8) & 255) / 255.0, (rgb & 255) / 255.0};
    for (int i = 0; i < 3; i++)
        c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow((c[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
static double contrast(unsigned a, unsigned b)
{
    double x = luminance(a), y = luminance(b);
    return (fmax(x, y) + 0.05) / (fmin(x, y) + 0.05);
}

static void colours_meet_wcag_contrast(void **state)
{
    (void)state;
    /* every status tag of the stylesheet: text on its tint at least 4.5:1 */
    static const char *const tags[] = {"blue", "green", "amber", "red", "grey"};
    for (size_t i = 0; i < 5; i++) {
        char key[32];
        snprintf(key, sizeof key, ".sp-tag--%s{color:#", tags[i]);
        const char *at = strstr(HD_CSS, key);
        assert_non_null(at);
        unsigned fg, bg;
        assert_int_equal(sscanf(at + strlen(key), "%6x;background:#%6x", &fg, &bg), 2);
        if (contrast(fg, bg) < 4.5)
            fail_msg("tag %s: %.2f:1", tags[i], contrast(fg, bg));
    }
    /* every mark a chart draws (lines, dots, squares, bars): at least 3:1 against white; the
     * grid lines are decoration and may be lighter */
    hd_doc d;
    hd_init(&d, 1);
    const char *x[] = {"a", "b"};
    double v[] = {1, 2};
    bool has[] = {true, true};
    const char *notes[] = {NULL, "special cause"};
    hc_series s[] = {{"V", v, has, HC_ACTUAL, NULL, NULL, NULL}, {"T", v, has, HC_TARGET, NULL, NULL, NULL}, {"E", v, has, HC_COMPARATOR, NULL, NULL, NULL}, {"O", v, has, HC_OTHER, NULL, NULL, NULL}};
    hc_line(&d, &(hc_line_chart){"t", "d", x, 2, s, 4, SP_UNIT_NUMBER, notes, "Note"});
    const char *labels[] = {"B", "G", "A", "R", "Gr"};
    sp_status st[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    double counts[] = {1, 2, 3, 4, 5};
    hc_bars(&d, &(hc_bar_chart){"t", "d", labels, st, counts, 5, "n"});
    size_t marks = 0;
    for (const char *p = strstr(d.s, "=\"#"); p; p = strstr(p + 1, "=\"#")) {
        unsigned c;
        assert_int_equal(sscanf(p + 3, "%6x", &c), 1);
        if (c == 0xB1B4B6) /* grid */
            continue;
        marks++;
        if (contrast(c, 0xFFFFFF) < 3.0)
            fail_msg("chart colour #%06x: %.2f:1 against white", c, contrast(c, 0xFFFFFF));
    }
    assert_true(marks >= 10);
    hd_free(&d);
}

/* A page streamed to its file in parts is the page built in memory, byte for byte, over
 * several parts; a file that cannot take it is an error at the end, not a short page. */
static void a_streamed_page_is_the_page_in_memory(void **state)
{
    (void)state;
    char path[] = "/tmp/sendpack-html-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    hd_doc mem, file;
    char err[256] = "";
    hd_init(&mem, 1);
    assert_true(hd_open(&file, 1, path, err, sizeof err));
    for (int i = 0; i < 60000; i++) {
        const char *t = i % 7 ? "Milestone <late> & \"challenged\"" : "caf\xC3\xA9 \xE2\x80\x94 a longer line of text";
        hd_text(&mem, t);
        hd_text(&file, t);
        hd_rawf(&mem, "<p id=\"r%d\">\n", i);
        hd_rawf(&file, "<p id=\"r%d\">\n", i);
    }
    assert_true(mem.n > 3 * (1 << 20)); /* more than three parts */
    assert_true(hd_save(&file, path, err, sizeof err));
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *got = malloc(mem.n + 1);
    assert_int_equal(fread(got, 1, mem.n + 1, f), mem.n);
    fclose(f);
    assert_memory_equal(got, mem.s, mem.n);
    free(got);
    hd_free(&file);
    hd_free(&mem);
    remove(path);
    hd_doc full;
    assert_true(hd_open(&full, 1, "/dev/full", err, sizeof err));
    for (int i = 0; i < 100000; i++)
        hd_raw(&full, "<p>text that does not fit</p>\n");
    assert_false(hd_save(&full, "/dev/full", err, sizeof err));
    assert_non_null(strstr(err, "cannot write /dev/full"));
    hd_free(&full);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes_text),
        cmocka_unit_test(headings_never_skip),
        cmocka_unit_test(tables_have_caption_scope_and_a_focusable_region),
        cmocka_unit_test(a_chart_says_what_it_shows_and_holds_its_data),
        cmocka_unit_test(colours_meet_wcag_contrast),
        cmocka_unit_test(a_streamed_page_is_the_page_in_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
