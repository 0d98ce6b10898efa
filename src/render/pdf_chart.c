#include "render/pdf_chart.h"

#include <math.h>
#include <stdio.h>

#include "render/style.h"
#include "util/format.h"

void pd_status_bar(pd_doc *d, float x, float y, float w, float h, const sp_counts *c)
{
    static const sp_status order[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    const size_t counts[] = {c->blue, c->green, c->amber, c->red, c->grey};
    if (!c->total)
        return;
    float cx = x, size = 8 * d->scale;
    for (int s = 0; s < 5; s++) {
        if (!counts[s])
            continue;
        float sw = w * (float)counts[s] / (float)c->total;
        pd_fill_rect(d, cx, y - h, sw, h, sp_status_strong(order[s]));
        char label[32];
        snprintf(label, sizeof label, "%zu", counts[s]);
        float lw = pd_text_width(d, d->bold, size, label);
        if (lw + 2 < sw)
            pd_text_at(d, d->bold, size, cx + (sw - lw) / 2, y - h / 2 - size * 0.35f, label,
                       sp_status_strong_text(order[s]));
        cx += sw;
    }
    /* white separators so adjacent segments stay apart in greyscale */
    pd_stroke_rgb(d, 0xFFFFFF);
    HPDF_Page_SetLineWidth(d->page, 1);
    cx = x;
    for (int s = 0; s < 5; s++) {
        if (!counts[s])
            continue;
        cx += w * (float)counts[s] / (float)c->total;
        HPDF_Page_MoveTo(d->page, cx, y - h);
        HPDF_Page_LineTo(d->page, cx, y);
        HPDF_Page_Stroke(d->page);
    }
}

/* Rounded step for about `n` ticks over [lo, hi]. */
static double nice_step(double lo, double hi, int n)
{
    double raw = (hi - lo) / n;
    if (raw <= 0)
        return 1;
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

typedef struct frame {
    float x, y, w, h;      /* plot area, bottom-left origin */
    double x0, x1, y0, y1; /* data ranges: days, values */
} frame;

static float fx(const frame *f, double day) { return f->x + (float)((day - f->x0) / (f->x1 - f->x0)) * f->w; }
static float fy(const frame *f, double v) { return f->y + (float)((v - f->y0) / (f->y1 - f->y0)) * f->h; }

static void marker_circle(pd_doc *d, float x, float y, float r)
{
    HPDF_Page_Circle(d->page, x, y, r);
    HPDF_Page_Fill(d->page);
}

static void marker_diamond(pd_doc *d, float x, float y, float r)
{
    HPDF_Page_MoveTo(d->page, x, y + r);
    HPDF_Page_LineTo(d->page, x + r, y);
    HPDF_Page_LineTo(d->page, x, y - r);
    HPDF_Page_LineTo(d->page, x - r, y);
    HPDF_Page_ClosePath(d->page);
    HPDF_Page_Fill(d->page);
}

#define CHART_VALUES 0x1F3864
#define CHART_TRAJECTORY 0x2E75B6
#define CHART_TARGET 0xC55A11
#define CHART_BASELINE 0x7F7F7F
#define CHART_GRID 0xD9D9D9

void pd_kpi_chart(pd_doc *d, float x, float y, float w, float h, const sp_plan *p, const sp_assessment *a,
                  size_t ki)
{
    const sp_kpi *k = &p->kpis.items[ki];
    const sp_kpi_result *r = &a->kpis[ki];
    float size = 7 * d->scale;
    frame f = {.x = x + 44, .y = y - h + 28, .w = w - 54, .h = h - 40};
    /* ranges: the plan start to the last checkpoint (or the last value shown) */
    f.x0 = p->info.start;
    f.x1 = p->info.checkpoint[SP_CP_12M];
    double lo = INFINITY, hi = -INFINITY;
#define SEE(v) (lo = (v) < lo ? (v) : lo, hi = (v) > hi ? (v) : hi)
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++) {
        const sp_observation *ob = &p->observations.items[o];
        if (!ob->has_value || ob->period_end > a->as_of)
            continue;
        SEE(ob->value);
        if (ob->period_end > f.x1)
            f.x1 = ob->period_end;
        if (ob->period_end < f.x0)
            f.x0 = ob->period_end;
    }
    if (r->baseline_set)
        SEE(r->baseline);
    for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++)
        if (r->target[cp].numeric)
            SEE(r->target[cp].value);
#undef SEE
    if (!isfinite(lo)) {
        pd_text_at(d, d->regular, size + 1, x, y - 12, "No values or numeric targets to chart yet.", SP_TEXT_DARK);
        return;
    }
    double pad = (hi - lo) * 0.12;
    if (pad == 0)
        pad = fabs(hi) * 0.1 + 1;
    double step = nice_step(lo - pad, hi + pad, 5);
    f.y0 = floor((lo - pad) / step) * step;
    f.y1 = ceil((hi + pad) / step) * step;
    if (k->unit == SP_UNIT_PERCENT && f.y0 < 0 && lo >= 0)
        f.y0 = 0;

    /* grid and y labels in the KPI's unit */
    HPDF_Page_SetLineWidth(d->page, 0.4f);
    pd_stroke_rgb(d, CHART_GRID);
    char label[64];
    for (double v = f.y0; v <= f.y1 + step / 2; v += step) {
        HPDF_Page_MoveTo(d->page, f.x, fy(&f, v));
        HPDF_Page_LineTo(d->page, f.x + f.w, fy(&f, v));
        HPDF_Page_Stroke(d->page);
        sp_format_value(v, k->unit == SP_UNIT_TEXT ? SP_UNIT_NUMBER : k->unit, label, sizeof label);
        float lw = pd_text_width(d, d->regular, size, label);
        pd_text_at(d, d->regular, size, f.x - lw - 3, fy(&f, v) - size * 0.35f, label, 0x404040);
    }
    /* x labels: months, spaced so they do not collide */
    int months = (int)((f.x1 - f.x0) / 30.44) + 1;
    int every = months <= 7 ? 1 : months <= 14 ? 2 : months <= 28 ? 3 : months <= 42 ? 6 : 12;
    sp_date m = sp_date_end_of_month((sp_date)f.x0);
    for (int i = 0; m <= f.x1; i++, m = sp_date_end_of_month(sp_date_add_months(m, 1))) {
        if (i % every)
            continue;
        sp_date_month(m, label);
        float lx = fx(&f, m);
        pd_stroke_rgb(d, CHART_GRID);
        HPDF_Page_MoveTo(d->page, lx, f.y);
        HPDF_Page_LineTo(d->page, lx, f.y - 3);
        HPDF_Page_Stroke(d->page);
        float lw = pd_text_width(d, d->regular, size, label);
        float left = lx - lw / 2;
        left = left + lw > x + w ? x + w - lw : left; /* keep the label inside the chart */
        pd_text_at(d, d->regular, size, left, f.y - 11, label, 0x404040);
    }
    pd_stroke_rgb(d, 0x404040);
    HPDF_Page_SetLineWidth(d->page, 0.8f);
    HPDF_Page_MoveTo(d->page, f.x, f.y + f.h);
    HPDF_Page_LineTo(d->page, f.x, f.y);
    HPDF_Page_LineTo(d->page, f.x + f.w, f.y);
    HPDF_Page_Stroke(d->page);

    /* baseline: dotted */
    if (r->baseline_set) {
        static const HPDF_UINT16 dots[] = {1, 2};
        pd_stroke_rgb(d, CHART_BASELINE);
        HPDF_Page_SetDash(d->page, dots, 2, 0);
        HPDF_Page_MoveTo(d->page, f.x, fy(&f, r->baseline));
        HPDF_Page_LineTo(d->page, f.x + f.w, fy(&f, r->baseline));
        HPDF_Page_Stroke(d->page);
        HPDF_Page_SetDash(d->page, NULL, 0, 0);
    }
    /* trajectory: dashed, from the baseline through each numeric checkpoint, flat after */
    if (r->baseline_set && r->final_checkpoint >= 0) {
        static const HPDF_UINT16 dash[] = {5, 3};
        pd_stroke_rgb(d, CHART_TRAJECTORY);
        HPDF_Page_SetLineWidth(d->page, 1.2f);
        HPDF_Page_SetDash(d->page, dash, 2, 0);
        HPDF_Page_MoveTo(d->page, fx(&f, r->baseline_from), fy(&f, r->baseline));
        double last = r->baseline;
        for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++) {
            if (!r->target[cp].numeric || r->target[cp].date <= r->baseline_from)
                continue;
            HPDF_Page_LineTo(d->page, fx(&f, r->target[cp].date), fy(&f, r->target[cp].value));
            last = r->target[cp].value;
        }
        HPDF_Page_LineTo(d->page, f.x + f.w, fy(&f, last));
        HPDF_Page_Stroke(d->page);
        HPDF_Page_SetDash(d->page, NULL, 0, 0);
    }
    /* targets: diamonds labelled with their checkpoint */
    for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++) {
        if (!r->target[cp].numeric)
            continue;
        float tx = fx(&f, r->target[cp].date), ty = fy(&f, r->target[cp].value);
        pd_fill_rgb(d, CHART_TARGET);
        marker_diamond(d, tx, ty, 4);
        char value[48];
        sp_format_value(r->target[cp].value, k->unit, value, sizeof value);
        snprintf(label, sizeof label, "%s target %s", sp_checkpoint_key(cp), value);
        float lw = pd_text_width(d, d->regular, size, label);
        float lx = tx + lw + 6 > f.x + f.w ? tx - lw - 6 : tx + 6;
        pd_text_at(d, d->regular, size, lx, ty + 4, label, CHART_TARGET);
    }
    /* values: a solid line with round markers; the latest labelled */
    pd_stroke_rgb(d, CHART_VALUES);
    pd_fill_rgb(d, CHART_VALUES);
    HPDF_Page_SetLineWidth(d->page, 1.6f);
    bool first = true;
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++) {
        const sp_observation *ob = &p->observations.items[o];
        if (!ob->has_value || ob->period_end > a->as_of)
            continue;
        if (first)
            HPDF_Page_MoveTo(d->page, fx(&f, ob->period_end), fy(&f, ob->value));
        else
            HPDF_Page_LineTo(d->page, fx(&f, ob->period_end), fy(&f, ob->value));
        first = false;
    }
    if (!first)
        HPDF_Page_Stroke(d->page);
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++) {
        const sp_observation *ob = &p->observations.items[o];
        if (ob->has_value && ob->period_end <= a->as_of) {
            pd_fill_rgb(d, CHART_VALUES);
            marker_circle(d, fx(&f, ob->period_end), fy(&f, ob->value), 2.2f);
        }
    }
    if (r->has_latest) {
        const sp_observation *ob = &p->observations.items[r->latest_obs];
        char value[48];
        sp_format_value(ob->value, k->unit, value, sizeof value);
        snprintf(label, sizeof label, "latest %s", value);
        float lw = pd_text_width(d, d->bold, size, label);
        float lx = fx(&f, ob->period_end) + lw + 6 > f.x + f.w ? fx(&f, ob->period_end) - lw - 5 : fx(&f, ob->period_end) + 5;
        pd_text_at(d, d->bold, size, lx, fy(&f, ob->value) - size - 2, label, CHART_VALUES);
    }
    /* legend: line styles and markers, in words */
    float ly = y - h + 6, lx = f.x;
    const struct {
        const char *text;
        unsigned rgb;
        int style; /* 0 solid+circle, 1 dashed, 2 diamond, 3 dotted */
    } legend[] = {{"values", CHART_VALUES, 0}, {"trajectory", CHART_TRAJECTORY, 1},
                  {"targets", CHART_TARGET, 2}, {"baseline", CHART_BASELINE, 3}};
    for (int i = 0; i < 4; i++) {
        pd_stroke_rgb(d, legend[i].rgb);
        pd_fill_rgb(d, legend[i].rgb);
        HPDF_Page_SetLineWidth(d->page, legend[i].style == 0 ? 1.6f : 1.2f);
        static const HPDF_UINT16 dash[] = {5, 3}, dots[] = {1, 2};
        if (legend[i].style == 1)
            HPDF_Page_SetDash(d->page, dash, 2, 0);
        if (legend[i].style == 3)
            HPDF_Page_SetDash(d->page, dots, 2, 0);
        if (legend[i].style == 2) {
            marker_diamond(d, lx + 8, ly + 2, 3.5f);
        } else {
            HPDF_Page_MoveTo(d->page, lx, ly + 2);
            HPDF_Page_LineTo(d->page, lx + 16, ly + 2);
            HPDF_Page_Stroke(d->page);
            if (legend[i].style == 0)
                marker_circle(d, lx + 8, ly + 2, 2.2f);
        }
        HPDF_Page_SetDash(d->page, NULL, 0, 0);
        pd_text_at(d, d->regular, size, lx + 20, ly, legend[i].text, 0x404040);
        lx += 20 + pd_text_width(d, d->regular, size, legend[i].text) + 14;
    }
}
