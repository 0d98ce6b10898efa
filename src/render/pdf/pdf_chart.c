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
#define BODY_LINE 9.5f /* the size of a line said instead of a chart */

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
    pd_line_width(d, 1);
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
    pd_line_width(d, 0.4f);
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
    pd_line_width(d, 0.8f);
    HPDF_Page_MoveTo(d->page, f->x, f->y + f->h);
    HPDF_Page_LineTo(d->page, f->x, f->y);
    HPDF_Page_LineTo(d->page, f->x + f->w, f->y);
    HPDF_Page_Stroke(d->page);
}

/* Filled circles, as very short subpaths stroked with round caps: a disc of the line width.
 * A dot is "x y m x' y l", where HPDF_Page_Circle writes four Bezier curves and a fill; the
 * circles were half of a KPI page's content stream and of the time to compress it. The
 * subpath is 0.01 pt long rather than of zero length: PDF paints a degenerate subpath with
 * round caps as a disc (ISO 32000-1, 8.5.3.2), but viewers that draw on an HTML canvas
 * (pdf.js) may draw nothing for it. The line width and stroke colour in force before the
 * dots are put back after them. Between pd_dots_begin and pd_dots_end only pd_dot may draw. */
void pd_dots_begin(pd_doc *d, unsigned rgb, float r)
{
    d->dots = 0;
    d->dot_rgb = rgb;
    d->dot_r = r;
}

void pd_dot(pd_doc *d, float x, float y)
{
    if (d->dots++ == 0) { /* state is set outside a path, and only where there is one to stroke */
        d->dot_saved_width = HPDF_Page_GetLineWidth(d->page);
        d->dot_saved_stroke = HPDF_Page_GetRGBStroke(d->page);
        pd_stroke_rgb(d, d->dot_rgb);
        pd_line_width(d, 2 * d->dot_r);
        HPDF_Page_SetLineCap(d->page, HPDF_ROUND_END);
    }
    HPDF_Page_MoveTo(d->page, x, y);
    HPDF_Page_LineTo(d->page, x + 0.01f, y);
}

void pd_dots_end(pd_doc *d)
{
    if (d->dots == 0)
        return; /* nothing drawn: stroking no path is an error in libharu */
    HPDF_Page_Stroke(d->page);
    HPDF_Page_SetLineCap(d->page, HPDF_BUTT_END);
    pd_line_width(d, d->dot_saved_width);
    HPDF_RGBColor c = d->dot_saved_stroke;
    HPDF_Page_SetRGBStroke(d->page, c.r, c.g, c.b);
    d->cur_stroke = -1; /* as libharu holds it, not as 0xRRGGBB */
    d->dots = 0;
}

static void marker_circle(pd_doc *d, unsigned rgb, float x, float y, float r)
{
    pd_dots_begin(d, rgb, r);
    pd_dot(d, x, y);
    pd_dots_end(d);
}

void pd_marker_diamond(pd_doc *d, float x, float y, float r)
{
    HPDF_Page_MoveTo(d->page, x, y + r);
    HPDF_Page_LineTo(d->page, x + r, y);
    HPDF_Page_LineTo(d->page, x, y - r);
    HPDF_Page_LineTo(d->page, x - r, y);
    HPDF_Page_ClosePath(d->page);
    HPDF_Page_Fill(d->page);
}

/* ---- labels placed clear of the lines ---------------------------------------------------- */

typedef struct point {
    float x, y;
} point;

typedef struct box {
    float x0, y0, x1, y1;
} box;

/* Whether the segment a-b passes through the box (Liang-Barsky clipping). */
static bool segment_hits(point a, point b, box r)
{
    float t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
    const float p[] = {-dx, dx, -dy, dy};
    const float q[] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        float t = q[i] / p[i];
        if (p[i] < 0)
            t0 = t > t0 ? t : t0;
        else
            t1 = t < t1 ? t : t1;
        if (t0 > t1)
            return false;
    }
    return true;
}

static bool boxes_meet(box a, box b)
{
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/* What a label must keep clear of: the chart's lines and the labels already placed. */
typedef struct obstacles {
    point *line[3];
    size_t n[3];
    box placed[64];
    size_t n_placed;
} obstacles;

static int crossings(const obstacles *o, box r)
{
    int hits = 0;
    const float mark = 4.5f; /* a marker's half-width: the lines' points are drawn as marks */
    for (int l = 0; l < 3; l++) {
        for (size_t i = 0; i + 1 < o->n[l]; i++)
            hits += segment_hits(o->line[l][i], o->line[l][i + 1], r);
        for (size_t i = 0; l < 2 && i < o->n[l]; i++)
            hits += boxes_meet((box){o->line[l][i].x - mark, o->line[l][i].y - mark, o->line[l][i].x + mark,
                                     o->line[l][i].y + mark}, r);
    }
    /* a label over a line can still be read; a label over a label cannot */
    for (size_t i = 0; i < o->n_placed; i++)
        hits += boxes_meet(o->placed[i], r) * 100;
    return hits;
}

/* Puts a label of width lw beside the point (px, py): above or below it, to its right, left or
 * centred, inside the plot; then rings further out. Each place scores the lines it crosses, far
 * more for an earlier label it would cover, and two for each ring out: a label stays beside what
 * it names, over a line if need be (a label over a line can still be read), and moves out only
 * to keep clear of another label (issue 22: a "12m target" label once drifted to another level).
 * Returns the text's baseline origin. */
static point place_label(obstacles *o, const frame *f, float px, float py, float lw, float size, bool below_first)
{
    const float gap = 5, asc = size * 0.75f, desc = size * 0.25f;
    point best = {0, 0};
    int best_score = -1;
    for (int k = 0; k < 48; k++) {
        int side = k % 3;
        bool below = (k / 3 % 2 == 0) == below_first;
        int ring = k / 6;
        float lift = (float)ring * size;
        float tx = side == 0 ? px + gap : side == 1 ? px - gap - lw : px - lw / 2;
        float ty = below ? py - gap - asc - lift : py + gap + desc + lift;
        tx = tx < f->x + 1 ? f->x + 1 : tx + lw > f->x + f->w ? f->x + f->w - lw : tx;
        ty = ty - desc < f->y ? f->y + desc : ty + asc > f->y + f->h ? f->y + f->h - asc : ty;
        box r = {tx - 1, ty - desc - 1, tx + lw + 1, ty + asc + 1.5f};
        int score = crossings(o, r) + 2 * ring;
        if (best_score < 0 || score < best_score) {
            best_score = score;
            best = (point){tx, ty};
        }
        if (score <= 2 * ring) /* nothing crossed: no ring further out can do better */
            break;
    }
    if (o->n_placed < sizeof o->placed / sizeof *o->placed)
        o->placed[o->n_placed++] = (box){best.x - 1, best.y - desc, best.x + lw + 1, best.y + asc};
    return best;
}

float pd_kpi_chart(pd_doc *d, float x, float y, float w, float h, const sp_plan *p, const sp_assessment *a,
                   size_t ki, const sp_view_trajectory *trajectory, const sp_view_checkpoints *checkpoints,
                   const char *latest_label)
{
    const sp_kpi *k = &p->kpis.items[ki];
    const sp_kpi_result *r = &a->kpis[ki];
    float size = 7 * d->scale;
    frame f = {.x = x + 44, .y = y - h + 28, .w = w - 54, .h = h - 40};
    /* ranges: the plan start to the last checkpoint (or the last value shown) */
    f.x0 = p->info.start;
    f.x1 = p->info.checkpoint[SP_CP_12M];
    for (size_t c = 0; c < checkpoints->n; c++) /* to the last checkpoint, wherever the plan sets it */
        if (checkpoints->at[c].numeric && (c == 0 || checkpoints->at[c].date > f.x1))
            f.x1 = checkpoints->at[c].date;
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
    for (size_t c = 0; c < checkpoints->n; c++)
        if (checkpoints->at[c].numeric)
            SEE(checkpoints->at[c].value);
#undef SEE
    /* a KPI with no value has nothing to chart: one line says so */
    bool any_value = false;
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++)
        any_value |= a->obs_counted[o];
    if (!any_value || !isfinite(lo)) {
        float line = BODY_LINE * d->scale;
        pd_text_at(d, d->regular, line, x, y - line, "No value reported yet.", SP_TEXT_DARK);
        return line * 1.6f;
    }
    /* the time axis runs to the report date at least */
    if (a->as_of > f.x1)
        f.x1 = a->as_of;
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

    /* the lines' points, for placing labels clear of them */
    point *path = sp_arena_alloc(&d->arena, (trajectory->n + 2) * sizeof *path), baseline[2]; /* the trajectory's */
    size_t n_path = 0, n_values = 0;
    point *values = sp_arena_alloc(&d->arena, (k->n_obs + 1) * sizeof *values);
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++)
        if (a->obs_counted[o])
            values[n_values++] = (point){fx(&f, p->observations.items[o].period_end), fy(&f, p->observations.items[o].value)};
    if (r->baseline_set)
        baseline[0] = (point){f.x, fy(&f, r->baseline)}, baseline[1] = (point){f.x + f.w, fy(&f, r->baseline)};
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
        pd_line_width(d, 1.2f);
        HPDF_Page_SetDash(d->page, dash, 2, 0);
        for (size_t t = 0; t < trajectory->n; t++)
            path[n_path++] = (point){fx(&f, trajectory->date[t]), fy(&f, trajectory->value[t])};
        path[n_path++] = (point){f.x + f.w, fy(&f, trajectory->value[trajectory->n - 1])};
        HPDF_Page_MoveTo(d->page, path[0].x, path[0].y);
        for (size_t i = 1; i < n_path; i++)
            HPDF_Page_LineTo(d->page, path[i].x, path[i].y);
        HPDF_Page_Stroke(d->page);
        HPDF_Page_SetDash(d->page, NULL, 0, 0);
    }
    /* targets: diamonds labelled with their checkpoint (the labels after the values line) */
    for (size_t c = 0; c < checkpoints->n; c++) {
        if (!checkpoints->at[c].numeric)
            continue;
        pd_fill_rgb(d, CHART_TARGET);
        pd_marker_diamond(d, fx(&f, checkpoints->at[c].date), fy(&f, checkpoints->at[c].value), 4);
    }
    /* values: a solid line with round markers; the latest labelled */
    pd_stroke_rgb(d, CHART_VALUES);
    pd_fill_rgb(d, CHART_VALUES);
    pd_line_width(d, 1.6f);
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
    pd_dots_begin(d, CHART_VALUES, 2.2f);
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++) {
        const sp_observation *ob = &p->observations.items[o];
        if (a->obs_counted[o])
            pd_dot(d, fx(&f, ob->period_end), fy(&f, ob->value));
    }
    pd_dots_end(d);
    /* a projected value: its dot hollow (white inside), and its label says so */
    pd_dots_begin(d, 0xFFFFFF, 1.2f);
    for (size_t o = k->first_obs; o < k->first_obs + k->n_obs; o++) {
        const sp_observation *ob = &p->observations.items[o];
        if (a->obs_counted[o] && ob->projected)
            pd_dot(d, fx(&f, ob->period_end), fy(&f, ob->value));
    }
    pd_dots_end(d);
    /* labels, each placed beside its marker, clear of the labels before it */
    obstacles obs = {.line = {path, values, baseline}, .n = {n_path, n_values, r->baseline_set ? 2 : 0}};
    if (r->has_latest) {
        const sp_observation *ob = &p->observations.items[r->latest_obs];
        float lw = pd_text_width(d, d->bold, size, latest_label);
        point at = place_label(&obs, &f, fx(&f, ob->period_end), fy(&f, ob->value), lw, size, true);
        pd_text_at(d, d->bold, size, at.x, at.y, latest_label, CHART_VALUES);
    }
    for (size_t c = 0; c < checkpoints->n; c++) {
        const sp_view_checkpoint *cp = &checkpoints->at[c];
        if (!cp->numeric)
            continue;
        float lw = pd_text_width(d, d->regular, size, cp->chart_label);
        point at = place_label(&obs, &f, fx(&f, cp->date), fy(&f, cp->value), lw, size, false);
        pd_text_at(d, d->regular, size, at.x, at.y, cp->chart_label, CHART_TARGET);
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
        pd_line_width(d, legend[i].style == 0 ? 1.6f : 1.2f);
        static const HPDF_UINT16 dash[] = {5, 3}, dots[] = {1, 2};
        if (legend[i].style == 1)
            HPDF_Page_SetDash(d->page, dash, 2, 0);
        if (legend[i].style == 3)
            HPDF_Page_SetDash(d->page, dots, 2, 0);
        if (legend[i].style == 2) {
            pd_marker_diamond(d, lx + 8, ly + 2, 3.5f);
        } else {
            HPDF_Page_MoveTo(d->page, lx, ly + 2);
            HPDF_Page_LineTo(d->page, lx + 16, ly + 2);
            HPDF_Page_Stroke(d->page);
            if (legend[i].style == 0)
                marker_circle(d, CHART_VALUES, lx + 8, ly + 2, 2.2f);
        }
        HPDF_Page_SetDash(d->page, NULL, 0, 0);
        pd_text_at(d, d->regular, size, lx + 20, ly, legend[i].text, 0x404040);
        lx += 20 + pd_text_width(d, d->regular, size, legend[i].text) + 14;
    }
    return h;
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
        marker_circle(d, SPC_COMMON, x, y, 2.2f);
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
        pd_line_width(d, line == 0 ? 1.0f : 0.8f);
        if (line)
            HPDF_Page_SetDash(d->page, dash, 2, 0);
#define SPC_LINE(i) (line == 0 ? spc->points[i].mean : line == 1 ? spc->points[i].upl : spc->points[i].lpl)
        /* one segment per run of equal values (a phase), not one per point: each path
         * operator costs libharu a 512-byte clear */
        for (size_t i = 0; i < n;) {
            double v = SPC_LINE(i);
            size_t end = i;
            while (end + 1 < n && SPC_LINE(end + 1) == v)
                end++;
            float x0 = fx(&f, i == 0 ? 0 : (double)i - 0.5), x1 = fx(&f, end + 1 == n ? (double)end : (double)end + 0.5);
            HPDF_Page_MoveTo(d->page, x0, fy(&f, v));
            HPDF_Page_LineTo(d->page, x1, fy(&f, v));
            i = end + 1;
        }
#undef SPC_LINE
        HPDF_Page_Stroke(d->page);
        HPDF_Page_SetDash(d->page, NULL, 0, 0);
    }
    if (has_target) {
        pd_stroke_rgb(d, CHART_TARGET);
        pd_line_width(d, 1.0f);
        HPDF_Page_SetDash(d->page, dots, 2, 0);
        HPDF_Page_MoveTo(d->page, f.x, fy(&f, target));
        HPDF_Page_LineTo(d->page, f.x + f.w, fy(&f, target));
        HPDF_Page_Stroke(d->page);
        HPDF_Page_SetDash(d->page, NULL, 0, 0);
    }
    /* the lines' labels in the strip on the right, each at its line's height, moved apart
     * where lines run close so no label covers another */
    const sp_spc_point *last = &spc->points[n - 1];
    typedef struct strip_label {
        const char *tag;
        double value;
        unsigned rgb;
        float y;
    } strip_label;
    strip_label tags[] = {{"UPL", last->upl, SPC_LIMIT, 0}, {"mean", last->mean, SPC_LIMIT, 0}, {"LPL", last->lpl, SPC_LIMIT, 0},
                {"target", target, CHART_TARGET, 0}};
    int n_tags = has_target ? 4 : 3;
    for (int i = 0; i < n_tags; i++)
        tags[i].y = fy(&f, tags[i].value) - size * 0.35f;
    for (int i = 1; i < n_tags; i++) /* top to bottom, by height (a few items: insertion) */
        for (int j = i; j > 0 && tags[j].y > tags[j - 1].y; j--) {
            strip_label t = tags[j];
            tags[j] = tags[j - 1];
            tags[j - 1] = t;
        }
    float apart = size + 0.5f;
    for (int i = 1; i < n_tags; i++)
        if (tags[i].y > tags[i - 1].y - apart)
            tags[i].y = tags[i - 1].y - apart;
    for (int i = 0; i < n_tags; i++) {
        char v[48];
        sp_format_value(tags[i].value, k->unit, v, sizeof v);
        snprintf(label, sizeof label, "%s %s", tags[i].tag, v);
        pd_text_at(d, d->regular, size - 0.5f, f.x + f.w + 6, tags[i].y, label, tags[i].rgb);
    }
    /* the values, then each point's marker */
    pd_stroke_rgb(d, SPC_COMMON);
    pd_line_width(d, 1.0f);
    for (size_t i = 0; i < n; i++) {
        if (i == 0)
            HPDF_Page_MoveTo(d->page, fx(&f, 0), fy(&f, spc->points[0].value));
        else
            HPDF_Page_LineTo(d->page, fx(&f, (double)i), fy(&f, spc->points[i].value));
    }
    HPDF_Page_Stroke(d->page);
    /* the common-cause dots as one path, then the special causes' shapes over them */
    pd_dots_begin(d, SPC_COMMON, 2.2f);
    for (size_t i = 0; i < n; i++)
        if (spc->points[i].kind == SP_SPC_COMMON)
            pd_dot(d, fx(&f, (double)i), fy(&f, spc->points[i].value));
    pd_dots_end(d);
    for (size_t i = 0; i < n; i++)
        if (spc->points[i].kind != SP_SPC_COMMON)
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
