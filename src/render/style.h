/*
 * style.h - the colours of the BRAG key and the house style, named once for every renderer.
 *
 * Colour never carries meaning alone: every status cell and mark also says its word. Cell fills
 * are light tints under black text, readable in greyscale print. Chart and bar colours are
 * stronger and have clearly different greyscale luminances (Red 57, Blue 104, Green 144,
 * Grey 166, Amber 188 on 0-255), so a black-and-white agenda pack still tells them apart.
 */
#ifndef SP_STYLE_H
#define SP_STYLE_H

#include "assess/assess.h"
#include "model/plan.h"

/* Light tints for table cells (0xRRGGBB). */
#define SP_TINT_BLUE 0xBDD7EE
#define SP_TINT_GREEN 0xC6EFCE
#define SP_TINT_AMBER 0xFFE699
#define SP_TINT_RED 0xFFC7CE
#define SP_TINT_GREY 0xE7E6E6

/* Strong colours for charts and status bars. */
#define SP_STRONG_BLUE 0x2E75B6
#define SP_STRONG_GREEN 0x70AD47
#define SP_STRONG_AMBER 0xFFC000
#define SP_STRONG_RED 0xC00000
#define SP_STRONG_GREY 0xA6A6A6

#define SP_HEADER_FILL 0x1F3864 /* table headers: white text on navy */
#define SP_TEXT_DARK 0x000000
#define SP_TEXT_LIGHT 0xFFFFFF

static inline unsigned sp_status_tint(sp_status s)
{
    switch (s) {
    case SP_BLUE: return SP_TINT_BLUE;
    case SP_GREEN: return SP_TINT_GREEN;
    case SP_AMBER: return SP_TINT_AMBER;
    case SP_RED: return SP_TINT_RED;
    default: return SP_TINT_GREY;
    }
}

static inline unsigned sp_status_strong(sp_status s)
{
    switch (s) {
    case SP_BLUE: return SP_STRONG_BLUE;
    case SP_GREEN: return SP_STRONG_GREEN;
    case SP_AMBER: return SP_STRONG_AMBER;
    case SP_RED: return SP_STRONG_RED;
    default: return SP_STRONG_GREY;
    }
}

/* The status whose colours an area assessment wears: Complete blue, On track green, At risk
 * amber, Off track red. */
static inline sp_status sp_assessment_tint(sp_area_assessment a)
{
    static const sp_status tint[] = {SP_GREEN, SP_AMBER, SP_RED, SP_BLUE};
    return tint[a];
}

/* Text colour to put on a strong colour. */
static inline unsigned sp_status_strong_text(sp_status s)
{
    return s == SP_RED || s == SP_BLUE ? SP_TEXT_LIGHT : SP_TEXT_DARK;
}

#endif
