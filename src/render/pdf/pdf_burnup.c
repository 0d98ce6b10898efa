/* The burn-up chart and the forecast's words in the PDF. Lines differ by dash and marker as
 * well as colour, and the legend says in words what each is. */
#include "render/pdf/pdf_burnup.h"

#include <math.h>
#include <stdio.h>

#include "render/pdf/pdf_chart.h"
#include "render/pdf/pdf_sections.h"
#include "render/style.h"
#include "util/format.h"


#define BU_COMPLETED 0x1F3864 /* navy, solid, round markers */
#define BU_PLANNED 0x7F7F7F   /* grey, dashed */
#define BU_REVISED 0xC55A11   /* orange, dotted, diamond markers */
#define BU_BAND 0xBDD7EE      /* light blue band, hatched */
#define BU_BAND_EDGE 0x2E75B6
#define BU_GRID 0xD9D9D9
#define BU_SCOPE 0x000000     /* black, thin, solid */
#define BU_TEXT 0x404040

static int month_index(sp_date d)
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    return y * 12 + m - 1;
}

typedef struct bu_frame {
    float x, y, w, h; /* plot area, bottom-left origin */
    int m0, m1;       /* months shown: month-ends m0 .. m1 */
    double top;       /* milestones at the top of the y axis */
} bu_frame;

/* x of a month's end */
static float bx(const bu_frame *f, int month)
{
    return f->x + f->w * (float)(month - f->m0) / (float)(f->m1 - f->m0 > 0 ? f->m1 - f->m0 : 1);
}

static float by(const bu_frame *f, double v)
{
    return f->y + f->h * (float)(v / f->top);
}

static void line_style(pd_doc *d, int style)
{
    static const HPDF_UINT16 dash[] = {5, 3}, dots[] = {1, 2};
    HPDF_Page_SetDash(d->page, NULL, 0, 0);
    if (style == 1)
        HPDF_Page_SetDash(d->page, dash, 2, 0);
    if (style == 2)
        HPDF_Page_SetDash(d->page, dots, 2, 0);
}

/* One of the three lines: 0 completed (solid, dots), 1 planned (dashed), 2 revised (dotted, diamonds). */
static void series(pd_doc *d, const bu_frame *f, const sp_progress *pr, int which)
{
    static const unsigned rgb[] = {BU_COMPLETED, BU_PLANNED, BU_REVISED};
    pd_stroke_rgb(d, rgb[which]);
    pd_fill_rgb(d, rgb[which]);
    pd_line_width(d, which == 0 ? 1.8f : 1.2f);
    line_style(d, which);
    bool started = false;
    for (size_t k = 0; k < pr->n_months; k++) {
        const sp_burnup_row *row = &pr->burnup[k];
        if (which == 0 && !row->has_completed)
            break;
        double v = which == 0 ? (double)row->completed : which == 1 ? (double)row->planned : (double)row->revised;
        float px = bx(f, month_index(row->month_end)), py = by(f, v);
        if (!started)
            HPDF_Page_MoveTo(d->page, px, py);
        else
            HPDF_Page_LineTo(d->page, px, py);
        started = true;
    }
    if (started)
        HPDF_Page_Stroke(d->page);
    HPDF_Page_SetDash(d->page, NULL, 0, 0);
    if (which == 1)
        return;
    /* markers, thinned on long plans so they stay apart */
    size_t every = pr->n_months <= 36 ? 1 : (pr->n_months + 35) / 36;
    if (which == 0)
        pd_dots_begin(d, rgb[which], 1.9f);
    for (size_t k = 0; k < pr->n_months; k += every) {
        const sp_burnup_row *row = &pr->burnup[k];
        if (which == 0 && !row->has_completed)
            break;
        float px = bx(f, month_index(row->month_end));
        if (which == 0)
            pd_dot(d, px, by(f, (double)row->completed));
        else
            pd_marker_diamond(d, px, by(f, (double)row->revised), 2.6f);
    }
    if (which == 0)
        pd_dots_end(d);
}

/* A vertical marker line with a label at its top: the report month, the plan's end, the revisit. */
static void month_rule(pd_doc *d, const bu_frame *f, int month, const char *label, float size, int style, float *last_label)
{
    if (month < f->m0 || month > f->m1)
        return;
    float x = bx(f, month);
    pd_stroke_rgb(d, BU_TEXT);
    pd_line_width(d, 0.6f);
    line_style(d, style);
    HPDF_Page_MoveTo(d->page, x, f->y);
    HPDF_Page_LineTo(d->page, x, f->y + f->h);
    HPDF_Page_Stroke(d->page);
    HPDF_Page_SetDash(d->page, NULL, 0, 0);
    float lw = pd_text_width(d, d->regular, size, label);
    float lx = x + 2 + lw > f->x + f->w ? x - lw - 2 : x + 2;
    float ly = f->y + f->h - size;
    if (*last_label > 0 && fabsf(lx - *last_label) < lw + 4)
        ly -= size + 2; /* two rules close together: the second label below the first */
    pd_text_at(d, d->regular, size, lx, ly, label, BU_TEXT);
    *last_label = lx;
}

void pd_burnup_chart(pd_doc *d, float x, float y, float w, float h, const sp_progress *pr, const sp_assessment *a)
{
    const sp_forecast *fc = &pr->forecast;
    float size = 7 * d->scale;
    if (!pr->n_months)
        return;
    bu_frame f = {.x = x + 34, .y = y - h + 40, .w = w - 44, .h = h - 52};
    f.m0 = month_index(pr->burnup[0].month_end);
    f.m1 = month_index(pr->burnup[pr->n_months - 1].month_end);
    bool band = fc->state == SP_FORECAST_MADE && fc->has_likely;
    int band_to = band ? month_index(fc->has_chance ? fc->chance_by : fc->likely_by) : 0;
    if (band && band_to > f.m1)
        f.m1 = band_to;
    /* y: every milestone in scope, so the gap to the top is the work left */
    f.top = (double)pr->milestones;
    for (size_t k = 0; k < pr->n_months; k++)
        if ((double)pr->burnup[k].revised > f.top)
            f.top = (double)pr->burnup[k].revised;
    if (f.top < 1)
        f.top = 1;
    /* about five to seven grid lines at a round step: 1, 2, 2.5 or 5 times a power of ten, whole */
    double raw = f.top / 6, mag = pow(10, floor(log10(raw > 1 ? raw : 1))), unit = raw / mag;
    double step = (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10) * mag;
    if (step < 2)
        step = f.top <= 10 ? 2 : 5;
    step = ceil(step);
    f.top = ceil(f.top / step) * step;

    /* the forecast band first, under everything: likely month to the 85% month */
    if (band) {
        int from = month_index(fc->likely_by);
        float x0 = bx(&f, from - 1 < f.m0 ? f.m0 : from - 1), x1 = bx(&f, band_to);
        if (x1 - x0 < 3)
            x1 = x0 + 3;
        pd_fill_rect(d, x0, f.y, x1 - x0, f.h, BU_BAND);
        /* diagonal hatching, so the band shows in greyscale too */
        pd_stroke_rgb(d, BU_BAND_EDGE);
        pd_line_width(d, 0.3f);
        HPDF_Page_GSave(d->page);
        HPDF_Page_Rectangle(d->page, x0, f.y, x1 - x0, f.h);
        HPDF_Page_Clip(d->page);
        HPDF_Page_EndPath(d->page);
        for (float hx = x0 - f.h; hx < x1; hx += 6) {
            HPDF_Page_MoveTo(d->page, hx, f.y);
            HPDF_Page_LineTo(d->page, hx + f.h, f.y + f.h);
        }
        HPDF_Page_Stroke(d->page);
        HPDF_Page_GRestore(d->page);
    }
    /* grid and y labels */
    char label[64];
    pd_line_width(d, 0.4f);
    for (double v = 0; v <= f.top + step / 2; v += step) {
        pd_stroke_rgb(d, BU_GRID);
        HPDF_Page_MoveTo(d->page, f.x, by(&f, v));
        HPDF_Page_LineTo(d->page, f.x + f.w, by(&f, v));
        HPDF_Page_Stroke(d->page);
        snprintf(label, sizeof label, "%.0f", v);
        pd_text_at(d, d->regular, size, f.x - pd_text_width(d, d->regular, size, label) - 3, by(&f, v) - size * 0.35f,
                   label, BU_TEXT);
    }
    /* x labels: months, spaced so they do not collide */
    int months = f.m1 - f.m0 + 1;
    int every = months <= 12 ? 1 : months <= 24 ? 3 : months <= 48 ? 6 : months <= 120 ? 12 : 24;
    for (int m = f.m0; m <= f.m1; m++) {
        if ((m - f.m0) % every)
            continue;
        sp_date_month(sp_date_from_ymd(m / 12, m % 12 + 1, 1), label);
        float lx = bx(&f, m), lw = pd_text_width(d, d->regular, size, label);
        pd_stroke_rgb(d, BU_GRID);
        HPDF_Page_MoveTo(d->page, lx, f.y);
        HPDF_Page_LineTo(d->page, lx, f.y - 3);
        HPDF_Page_Stroke(d->page);
        float at = lx - lw / 2 < x ? x : lx + lw / 2 > x + w ? x + w - lw : lx - lw / 2;
        pd_text_at(d, d->regular, size, at, f.y - 11, label, BU_TEXT);
    }
    pd_stroke_rgb(d, BU_TEXT);
    pd_line_width(d, 0.8f);
    HPDF_Page_MoveTo(d->page, f.x, f.y + f.h);
    HPDF_Page_LineTo(d->page, f.x, f.y);
    HPDF_Page_LineTo(d->page, f.x + f.w, f.y);
    HPDF_Page_Stroke(d->page);
    float last_label = -1;
    month_rule(d, &f, month_index(a->as_of), "report", size, 0, &last_label);
    if (a->plan_end != SP_NO_DATE)
        month_rule(d, &f, month_index(a->plan_end), "plan end", size, 1, &last_label);
    if (a->plan->info.revisit != SP_NO_DATE)
        month_rule(d, &f, month_index(a->plan->info.revisit), "revisit", size, 1, &last_label);

    /* the whole scope, dated or not: a thin line across, so completed never rises above what it is read against */
    pd_stroke_rgb(d, BU_SCOPE);
    pd_line_width(d, 0.9f);
    HPDF_Page_MoveTo(d->page, f.x, by(&f, (double)pr->milestones));
    HPDF_Page_LineTo(d->page, f.x + f.w, by(&f, (double)pr->milestones));
    HPDF_Page_Stroke(d->page);
    /* revised under planned: where no deadline moved the two coincide, and the dashes show on the dots */
    series(d, &f, pr, 2);
    series(d, &f, pr, 1);
    series(d, &f, pr, 0);
    if (band) { /* the band's months in words at its top, kept inside the plot */
        char likely[16], chance[16];
        sp_date_month(fc->likely_by, likely);
        sp_date_month(fc->has_chance ? fc->chance_by : fc->likely_by, chance);
        const char *text = fc->has_chance ? sp_arena_printf(&d->arena, "likely %s, 85%% chance %s", likely, chance)
                                          : sp_arena_printf(&d->arena, "likely %s", likely);
        float tw = pd_text_width(d, d->bold, size, text), bx1 = bx(&f, band_to);
        float tx = bx1 - tw < f.x ? f.x : bx1 - tw;
        pd_fill_rect(d, tx - 2, f.y + f.h - 2 * size - 5, tw + 4, size + 4, 0xFFFFFF);
        pd_text_at(d, d->bold, size, tx, f.y + f.h - 2 * size - 3, text, BU_COMPLETED);
    }

    /* legend, in words, under the axis labels */
    float ly = y - h + 12, lx = f.x;
    const char *band_words = band ? "forecast finish, likely to 85% chance (shaded, hatched)" : NULL;
    const struct {
        const char *text;
        int style; /* 0 completed, 1 planned, 2 revised, 3 band */
    } legend[] = {{"completed (solid, dots)", 0},
                  {"planned by original dates (dashed)", 1},
                  {"planned by revised dates (dotted, diamonds)", 2},
                  {sp_arena_printf(&d->arena, "scope: all %zu milestones, dated or not (thin black)", pr->milestones), 4},
                  {band_words, 3}};
    for (int i = 0; i < 5; i++) {
        if (!legend[i].text)
            continue;
        float tw = pd_text_width(d, d->regular, size, legend[i].text);
        if (lx + 20 + tw > x + w) {
            lx = f.x;
            ly -= size + 4;
        }
        if (legend[i].style == 3) {
            pd_fill_rect(d, lx, ly - 1, 16, size, BU_BAND);
        } else if (legend[i].style == 4) {
            pd_stroke_rgb(d, BU_SCOPE);
            pd_line_width(d, 0.9f);
            HPDF_Page_MoveTo(d->page, lx, ly + 2);
            HPDF_Page_LineTo(d->page, lx + 16, ly + 2);
            HPDF_Page_Stroke(d->page);
        } else {
            static const unsigned rgb[] = {BU_COMPLETED, BU_PLANNED, BU_REVISED};
            pd_stroke_rgb(d, rgb[legend[i].style]);
            pd_fill_rgb(d, rgb[legend[i].style]);
            pd_line_width(d, legend[i].style == 0 ? 1.8f : 1.2f);
            line_style(d, legend[i].style);
            HPDF_Page_MoveTo(d->page, lx, ly + 2);
            HPDF_Page_LineTo(d->page, lx + 16, ly + 2);
            HPDF_Page_Stroke(d->page);
            HPDF_Page_SetDash(d->page, NULL, 0, 0);
            if (legend[i].style == 0) {
                pd_dots_begin(d, BU_COMPLETED, 1.9f);
                pd_dot(d, lx + 8, ly + 2);
                pd_dots_end(d);
            } else if (legend[i].style == 2) {
                pd_marker_diamond(d, lx + 8, ly + 2, 2.6f);
            }
        }
        pd_text_at(d, d->regular, size, lx + 20, ly, legend[i].text, BU_TEXT);
        lx += 20 + tw + 12;
    }
}

void pdf_progress_glance(pd_doc *d, const sp_report *r)
{
    if (!r->forecast)
        return; /* for families a forecast reads as a promise */
    const sp_assessment *a = r->assessment;
    const sp_progress *pr = &a->progress;
    pd_ensure(d, (BURNUP_CHART_H + 90) * d->scale);
    pd_space(d, 6);
    pd_heading(d, "Will it be done in time? Progress over the life of the plan", 1, NULL);
    float h = BURNUP_CHART_H * d->scale;
    pd_ensure(d, h);
    pd_block_begin(d, PD_BLOCK_FIGURE, r->burnup_chart.alt);
    pd_burnup_chart(d, PD_MARGIN_X, d->y, PD_BODY_W, h, pr, a);
    pd_block_end(d);
    d->y -= h + 4;
    if (pr->unknown_note)
        pd_paragraph(d, pr->unknown_note, d->regular, SMALL, 0);
    if (pr->scope_note)
        pd_paragraph(d, pr->scope_note, d->regular, SMALL, 0);
    pd_paragraph(d, pr->pace.reason, d->regular, SMALL, 0);
    if (r->forecast_assumes)
        pd_paragraph(d, r->forecast_assumes, d->regular, SMALL, 0);
    pd_space(d, 8);
}

void pdf_forecast_sentence(pd_doc *d, const sp_report *r)
{
    if (r->forecast)
        pd_paragraph(d, r->assessment->progress.forecast.sentence, d->regular, BODY + 1, 0);
}

void pdf_area_forecast(pd_doc *d, const sp_report *r, size_t area)
{
    if (!r->forecast)
        return;
    pd_paragraph(d, sp_arena_printf(&d->arena, "Forecast: %s", r->assessment->area_progress[area].forecast.sentence),
                 d->regular, BODY, 0);
}
