/* The chart's dots (pdf_chart.c): each a short round-capped stroke, never of zero length
 * (canvas-based viewers such as pdf.js may draw nothing for one), and the line width, stroke
 * colour and cap in force before them are in force after them: the SPC legend's limit-line
 * sample once came out 4.4 pt thick because a dot had left its width behind. */
#include "testutil.h"

#include <string.h>

#include "render/pdf/pdf_chart.h"
#include "render/pdf/pdf_doc.h"

static void dots_leave_the_state_as_they_found_it(void **state)
{
    (void)state;
    pd_doc d;
    assert_true(pd_open(&d, "test", "test", 1.0f));
    pd_new_page(&d);
    pd_line_width(&d, 0.8f);
    pd_stroke_rgb(&d, 0x404040);
    /* no dots: nothing changes, nothing is stroked */
    pd_dots_begin(&d, 0x1F3864, 2.2f);
    pd_dots_end(&d);
    assert_true(HPDF_Page_GetLineWidth(d.page) == 0.8f);
    assert_int_equal(HPDF_Page_GetGMode(d.page), HPDF_GMODE_PAGE_DESCRIPTION);
    pd_dots_begin(&d, 0x1F3864, 2.2f);
    pd_dot(&d, 100, 200);
    pd_dot(&d, 110, 205);
    assert_true(HPDF_Page_GetLineWidth(d.page) == 4.4f);
    assert_int_equal(HPDF_Page_GetLineCap(d.page), HPDF_ROUND_END);
    HPDF_Point at = HPDF_Page_GetCurrentPos(d.page);
    assert_true(at.x > 110.f && at.x < 110.1f); /* a subpath with length */
    pd_dots_end(&d);
    assert_true(HPDF_Page_GetLineWidth(d.page) == 0.8f);
    assert_int_equal(HPDF_Page_GetLineCap(d.page), HPDF_BUTT_END);
    HPDF_RGBColor c = HPDF_Page_GetRGBStroke(d.page);
    assert_true(c.r == (float)0x40 / 255 && c.g == (float)0x40 / 255 && c.b == (float)0x40 / 255);
    /* the cache is told: the next colour set is written */
    pd_stroke_rgb(&d, 0x404040);
    c = HPDF_Page_GetRGBStroke(d.page);
    assert_true(c.r == (float)0x40 / 255);
    assert_false(d.failed);
    pd_close(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dots_leave_the_state_as_they_found_it),
    };
    return cmocka_run_group_tests_name("pdf dots", tests, NULL, NULL);
}
