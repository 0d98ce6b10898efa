#include "render/pdf/pdf_chart.h"

#include <math.h>
#include <stdio.h>

#include "render/style.h"
#include "util/format.h"

/* Chart colours, named once. Lines also differ by style and marks by shape. */
#define CHART_VALUES 0x1F3864
#define CHART_TRAJECTORY 0x2E75B6
#define CHART_TARGET 0xC55A11
#define CHART_BASELINE 0x7F7F7F
#define CHART_GRID 0xD9D9D9
#define CHART_AXIS 0x404040

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

/* Horizontal grid lines with labels in the KPI's unit, every `step` from y0 to y1. */
static void y_grid(pd_doc *d, const frame *f, double step, sp_unit unit, float size)
{
    char label[64];
    HPDF_Page_SetLineWidth(d->page, 0.4f);
    for (double v = f->y0; v <= f->y1 + step / 2; v += step) {
        pd_stroke_rgb(d, CHART_GRID);
        HPDF_Page_MoveTo(d->page, f->x, fy(f, v));
        HPDF_Page_LineTo(d->page, f->x + f->w, fy(f, v));
        HPDF_Page_Stroke(d->page);
        sp_format_value(v, unit == SP_UNIT_TEXT ? SP_UNIT_NUMBER : unit, label, sizeof label);
        float lw = pd_text_width(d, d->regular, size, label);
        pd_text_at(d, d->regular, size, f->x - lw - 3, fy(f, v) - size * 0.35f, label, 0x404040);
    }
}

/* A label under the x axis centred at `at`, kept within [left, right]. */
static void x_label(pd_doc *d, const frame *f, float at, float left, float right, const char *label, float size)
{
    float lw = pd_text_width(d, d->regular, size, label);
    float x = at - lw / 2;
    x = x < left ? left : x + lw > right ? right - lw : x;
    pd_text_at(d, d->regular, size, x, f->y - 11, label, 0x404040);
}

static void axes(pd_doc *d, const frame *f)
{
    pd_stroke_rgb(d, CHART_AXIS);
    HPDF_Page_SetLineWidth(d->page, 0.8f);
    HPDF_Page_MoveTo(d->page, f->x, f->y + f->h);
    HPDF_Page_LineTo(d->page, f->x, f->y);
    HPDF_Page_LineTo(d->page, f->x + f->w, f->y);
    HPDF_Page_Stroke(d->page);
}

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


void pd_kpi_chart(pd_doc *d, float x, float y, float w, float h, const sp_plan *p, const sp_assessment *a,
                  size_t ki, const sp_view_trajectory *trajectory)
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
        if (!a->obs_counted[o])
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
    y_grid(d, &f, step, k->unit, size);
    char label[64];
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
        x_label(d, &f, lx, x, x + w, label, size);
    }
    axes(d, &f);

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
    /* trajectory: dashed, from the baseline through each numeric checkpoint, flat after; a
     * standing target has none (its diamonds show the one value it is judged against) */
    if (trajectory->n) { /* the view's points: the assessment's one trajectory */
        static const HPDF_UINT16 dash[] = {5, 3};
        pd_stroke_rgb(d, CHART_TRAJECTORY);
        HPDF_Page_SetLineWidth(d->page, 1.2f);
        HPDF_Page_SetDash(d->page, dash, 2, 0);
        HPDF_Page_MoveTo(d->page, fx(&f, trajectory->date[0]), fy(&f, trajectory->value[0]));
        for (size_t t = 1; t < trajectory->n; t++)
            HPDF_Page_LineTo(d->page, fx(&f, trajectory->date[t]), fy(&f, trajectory->value[t]));
        HPDF_Page_LineTo(d->page, f.x + f.w, fy(&f, trajectory->value[trajectory->n - 1]));
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
        if (!a->obs_counted[o])
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
        if (a->obs_counted[o]) {
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

#define SPC_COMMON 0x7F7F7F
#define SPC_IMPROVEMENT 0x2E75B6
#define SPC_CONCERN 0xC55A11
#define SPC_LIMIT 0x404040

static void marker_triangle(pd_doc *d, float x, float y, float r)
{
    HPDF_Page_MoveTo(d->page, x, y + r);
    HPDF_Page_LineTo(d->page, x + r, y - r * 0.8f);
    HPDF_Page_LineTo(d->page, x - r, y - r * 0.8f);
    HPDF_Page_ClosePath(d->page);
    HPDF_Page_Fill(d->page);
}

static void marker_square(pd_doc *d, float x, float y, float r)
{
    HPDF_Page_Rectangle(d->page, x - r * 0.85f, y - r * 0.85f, r * 1.7f, r * 1.7f);
    HPDF_Page_Fill(d->page);
}

static void spc_marker(pd_doc *d, sp_spc_point_kind k, float x, float y)
{
    switch (k) {
    case SP_SPC_IMPROVEMENT:
    case SP_SPC_HIGH:
        pd_fill_rgb(d, SPC_IMPROVEMENT);
        marker_triangle(d, x, y, 3.6f);
        break;
    case SP_SPC_CONCERN:
    case SP_SPC_LOW:
        pd_fill_rgb(d, SPC_CONCERN);
        marker_square(d, x, y, 3.2f);
        break;
    default:
        pd_fill_rgb(d, SPC_COMMON);
        marker_circle(d, x, y, 2.2f);
    }
}

void pd_spc_chart(pd_doc *d, float x, float y, float w, float h, const sp_plan *p, const sp_assessment *a,
                  size_t ki, double target, bool has_target)
{
    const sp_kpi *k = &p->kpis.items[ki];
    const sp_spc *spc = &a->kpis[ki].spc;
    float size = 7 * d->scale;
    /* a strip right of the plot carries the line labels, clear of the latest points */
    frame f = {.x = x + 44, .y = y - h + 28, .w = w - 44 - 64, .h = h - 40};
    /* the series, in period order: the observations the assessment used */
    const sp_observation **obs = sp_arena_alloc(&d->arena, spc->n * sizeof *obs);
    size_t n = 0;
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs && n < spc->n; o++) {
        if (a->obs_counted[o])
            obs[n++] = &p->observations.items[o];
    }
    f.x0 = 0;
    f.x1 = n > 1 ? (double)(n - 1) : 1;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        const sp_spc_point *pt = &spc->points[i];
        double v[] = {pt->value, pt->upl, pt->lpl};
        for (int j = 0; j < 3; j++)
            lo = v[j] < lo ? v[j] : lo, hi = v[j] > hi ? v[j] : hi;
    }
    if (has_target)
        lo = target < lo ? target : lo, hi = target > hi ? target : hi;
    double pad = (hi - lo) * 0.08 + 1e-9;
    double step = nice_step(lo - pad, hi + pad, 5);
    f.y0 = floor((lo - pad) / step) * step;
    f.y1 = ceil((hi + pad) / step) * step;

    char label[64];
    y_grid(d, &f, step, k->unit, size);
    size_t every = n <= 14 ? 2 : n <= 30 ? 3 : n <= 48 ? 6 : 12;
    for (size_t i = 0; i < n; i += every) {
        sp_date_month(obs[i]->period_end, label);
        x_label(d, &f, fx(&f, (double)i), x, x + w, label, size);
    }
    axes(d, &f);

    /* mean (solid) and process limits (dashed), stepping where a rebase restarts them */
    static const HPDF_UINT16 dash[] = {4, 3}, dots[] = {1, 2};
    for (int line = 0; line < 3; line++) {
        pd_stroke_rgb(d, SPC_LIMIT);
        HPDF_Page_SetLineWidth(d->page, line == 0 ? 1.0f : 0.8f);
        if (line)
            HPDF_Page_SetDash(d->page, dash, 2, 0);
        for (size_t i = 0; i < n; i++) {
            const sp_spc_point *pt = &spc->points[i];
            double v = line == 0 ? pt->mean : line == 1 ? pt->upl : pt->lpl;
            float x0 = fx(&f, i == 0 ? 0 : (double)i - 0.5), x1 = fx(&f, i + 1 == n ? (double)i : (double)i + 0.5);
            HPDF_Page_MoveTo(d->page, x0, fy(&f, v));
            HPDF_Page_LineTo(d->page, x1, fy(&f, v));
        }
        HPDF_Page_Stroke(d->page);
        HPDF_Page_SetDash(d->page, NULL, 0, 0);
    }
    const sp_spc_point *last = &spc->points[n - 1];
    const char *tags[] = {"mean", "UPL", "LPL"};
    double at[] = {last->mean, last->upl, last->lpl};
    for (int i = 0; i < 3; i++) {
        char v[48];
        sp_format_value(at[i], k->unit, v, sizeof v);
        snprintf(label, sizeof label, "%s %s", tags[i], v);
        pd_text_at(d, d->regular, size - 0.5f, f.x + f.w + 4, fy(&f, at[i]) - size * 0.35f, label, SPC_LIMIT);
    }
    if (has_target) {
        pd_stroke_rgb(d, CHART_TARGET);
        HPDF_Page_SetLineWidth(d->page, 1.0f);
        HPDF_Page_SetDash(d->page, dots, 2, 0);
        HPDF_Page_MoveTo(d->page, f.x, fy(&f, target));
        HPDF_Page_LineTo(d->page, f.x + f.w, fy(&f, target));
        HPDF_Page_Stroke(d->page);
        HPDF_Page_SetDash(d->page, NULL, 0, 0);
        char v[48];
        sp_format_value(target, k->unit, v, sizeof v);
        snprintf(label, sizeof label, "target %s", v);
        pd_text_at(d, d->regular, size - 0.5f, f.x + f.w + 4, fy(&f, target) - size * 0.35f, label, CHART_TARGET);
    }
    /* the values, then each point's marker */
    pd_stroke_rgb(d, SPC_COMMON);
    HPDF_Page_SetLineWidth(d->page, 1.0f);
    for (size_t i = 0; i < n; i++) {
        if (i == 0)
            HPDF_Page_MoveTo(d->page, fx(&f, 0), fy(&f, spc->points[0].value));
        else
            HPDF_Page_LineTo(d->page, fx(&f, (double)i), fy(&f, spc->points[i].value));
    }
    HPDF_Page_Stroke(d->page);
    for (size_t i = 0; i < n; i++)
        spc_marker(d, spc->points[i].kind, fx(&f, (double)i), fy(&f, spc->points[i].value));

    /* legend, in words */
    float ly = y - h + 6, lx = f.x;
    const struct {
        const char *text;
        sp_spc_point_kind kind;
    } legend[] = {{"common cause", SP_SPC_COMMON},
                  {k->direction == SP_DIR_NONE ? "special cause: high" : "special cause: improvement",
                   k->direction == SP_DIR_NONE ? SP_SPC_HIGH : SP_SPC_IMPROVEMENT},
                  {k->direction == SP_DIR_NONE ? "special cause: low" : "special cause: concern",
                   k->direction == SP_DIR_NONE ? SP_SPC_LOW : SP_SPC_CONCERN}};
    for (int i = 0; i < 3; i++) {
        spc_marker(d, legend[i].kind, lx + 4, ly + 2.5f);
        pd_text_at(d, d->regular, size, lx + 11, ly, legend[i].text, 0x404040);
        lx += 11 + pd_text_width(d, d->regular, size, legend[i].text) + 14;
    }
    pd_stroke_rgb(d, SPC_LIMIT);
    HPDF_Page_SetDash(d->page, dash, 2, 0);
    HPDF_Page_MoveTo(d->page, lx, ly + 2.5f);
    HPDF_Page_LineTo(d->page, lx + 16, ly + 2.5f);
    HPDF_Page_Stroke(d->page);
    HPDF_Page_SetDash(d->page, NULL, 0, 0);
    pd_text_at(d, d->regular, size, lx + 20, ly, "process limits (UPL, LPL)", 0x404040);
}
