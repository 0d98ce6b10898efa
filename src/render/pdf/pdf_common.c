/* pdf_common.c - helpers the PDF sections share. */
#include <stdio.h>
#include <string.h>

#include "view/key.h"
#include "render/pdf/pdf_chart.h"
#include "render/pdf/pdf_sections.h"
#include "render/style.h"
#include "util/format.h"

const char *pdf_counts_words(pd_doc *d, const sp_counts *c)
{
    return sp_arena_printf(&d->arena, "%zu milestone%s: %zu complete (Blue), %zu on track (Green), %zu slipped (Amber), "
                                      "%zu overdue (Red), %zu with no date (Grey).",
                           c->total, c->total == 1 ? "" : "s", c->blue, c->green, c->amber, c->red, c->grey);
}

pd_table pdf_pick_columns(pd_doc *d, const char *const *headers, const float *widths, const int *keep, int n,
                             float size)
{
    const char **h = sp_arena_alloc(&d->arena, (size_t)n * sizeof *h);
    float *w = sp_arena_alloc(&d->arena, (size_t)n * sizeof *w), total = 0;
    for (int i = 0; i < n; i++)
        total += widths[keep[i]];
    for (int i = 0; i < n; i++) {
        h[i] = headers[keep[i]];
        w[i] = widths[keep[i]] / total;
    }
    pd_table t = {(size_t)n, h, w, size, false, false};
    return t;
}

const pd_cell *pdf_pick_cells(pd_doc *d, const pd_cell *all, const int *keep, int n)
{
    pd_cell *c = sp_arena_alloc(&d->arena, (size_t)n * sizeof *c);
    for (int i = 0; i < n; i++)
        c[i] = all[keep[i]];
    return c;
}

void pdf_bullet(pd_doc *d, const char *text)
{
    pd_list_item(d, text, d->regular, BODY, 8);
}

const char *pdf_value_text(pd_doc *d, const sp_kpi *k, bool has, double v)
{
    if (!has)
        return "–";
    char buf[64];
    sp_format_value(v, k->unit, buf, sizeof buf);
    return sp_arena_strdup(&d->arena, buf);
}

void pdf_area_opening(pd_doc *d, const sp_view_area *av)
{
    if (av->sponsor[0])
        pd_paragraph(d, sp_arena_printf(&d->arena, "Senior accountable sponsor: %s", av->sponsor), d->regular, SMALL + 0.5f,
                     0);
    if (av->finding[0])
        pd_paragraph(d, sp_arena_printf(&d->arena, "What the inspectors said: “%s”", av->finding), d->regular,
                     SMALL + 0.5f, 0);
    if (av->outcome[0])
        pd_paragraph(d, sp_arena_printf(&d->arena, "Outcome: %s", av->outcome), d->regular, SMALL + 0.5f, 0);
}
