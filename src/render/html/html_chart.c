/* html_chart.c - line and bar charts as inline SVG, each with its words and its data table. */
#include "render/html/html_chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/format.h"

enum { W = 720, H = 320, LEFT = 78, RIGHT = 20, TOP = 20, BOTTOM = 56 };

static void svg_open(hd_doc *d, const char *title, const char *desc, int height, const char **tid)
{
    const char *t = hd_id(d, "chart-title"), *ds = hd_id(d, "chart-desc");
    *tid = t;
    hd_rawf(d, "<figure class=\"sp-chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
               "role=\"img\" aria-labelledby=\"%s %s\" focusable=\"false\">\n<title id=\"%s\">",
            W, height, t, ds, t);
    hd_text(d, title);
    hd_rawf(d, "</title>\n<desc id=\"%s\">", ds);
    hd_text(d, desc);
    hd_raw(d, "</desc>\n");
}

/* Chart colours as presentation attributes, so a chart keeps its look in a fragment pasted into a
 * CMS without this stylesheet. Each is at least 4.2:1 against white (WCAG asks 3:1 for graphics);
 * the series differ by line style and dots as well as colour. */
static const char *stroke(hc_style s)
{
    switch (s) {
    case HC_ACTUAL: return "stroke=\"#1d70b8\" stroke-width=\"3\"";
    case HC_TARGET: return "stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"8 5\"";
    case HC_COMPARATOR: return "stroke=\"#912b88\" stroke-width=\"2\" stroke-dasharray=\"2 4\"";
    case HC_CHECKPOINT: return "stroke=\"#0b0c0c\" stroke-width=\"2\"";
    default: return "stroke=\"#505a5f\" stroke-width=\"2\"";
    }
}

static const char *bar_fill(sp_status s)
{
    switch (s) {
    case SP_BLUE: return "#1d70b8";
    case SP_GREEN: return "#00703c";
    case SP_AMBER: return "#a85000";
    case SP_RED: return "#d4351c";
    default: return "#505a5f";
    }
}

/* A step of 1, 2 or 5 times a power of ten giving about five intervals. */
static double nice_step(double range)
{
    if (!(range > 0))
        return 1;
    double raw = range / 5, p = pow(10, floor(log10(raw))), f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

typedef struct hc_box {
    double x0, y0, x1, y1;
} hc_box;

/* A label beside its marker at (px, py): to its right, else its left, above or below it,
 * whichever first keeps clear of the labels already placed and inside the chart. */
static void point_label(hd_doc *d, hc_box *placed, size_t *n_placed, double px, double py, const char *text)
{
    double w = 7.2 * (double)strlen(text), h = 15;
    const struct {
        double dx, dy;
        const char *anchor;
    } spots[] = {{9, -8, "start"}, {9, 16, "start"}, {-9, -8, "end"}, {-9, 16, "end"}};
    size_t pick = 0;
    for (size_t k = 0; k < sizeof spots / sizeof *spots; k++) {
        double x0 = spots[k].anchor[0] == 's' ? px + spots[k].dx : px + spots[k].dx - w;
        hc_box b = {x0, py + spots[k].dy - 12, x0 + w, py + spots[k].dy - 12 + h};
        bool clear = b.x0 >= LEFT && b.x1 <= W - RIGHT && b.y0 >= 0;
        for (size_t j = 0; j < *n_placed && clear; j++) /* with 3 px between labels */
            clear = b.x1 + 3 <= placed[j].x0 || placed[j].x1 + 3 <= b.x0 || b.y1 + 3 <= placed[j].y0 ||
                    placed[j].y1 + 3 <= b.y0;
        if (clear) {
            pick = k;
            break;
        }
        if (k == 0 && b.x1 > W - RIGHT)
            pick = 2; /* no clear place: at least inside the chart, to the left */
    }
    double x0 = spots[pick].anchor[0] == 's' ? px + spots[pick].dx : px + spots[pick].dx - w;
    if (*n_placed < 64)
        placed[(*n_placed)++] = (hc_box){x0, py + spots[pick].dy - 12, x0 + w, py + spots[pick].dy + 3};
    /* a white halo keeps the words readable where a line runs behind them */
    hd_rawf(d, "<text font-family=\"arial,sans-serif\" font-size=\"12\" paint-order=\"stroke\" stroke=\"#ffffff\" "
               "stroke-width=\"4\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">",
            px + spots[pick].dx, py + spots[pick].dy, spots[pick].anchor);
    hd_text(d, text);
    hd_raw(d, "</text>\n");
}

void hc_line(hd_doc *d, const hc_line_chart *c)
{
    const char *tid;
    svg_open(d, c->title, c->desc, H, &tid);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t s = 0; s < c->n_series; s++)
        for (size_t i = 0; i < c->n; i++)
            if (c->series[s].has[i]) {
                lo = fmin(lo, c->series[s].y[i]);
                hi = fmax(hi, c->series[s].y[i]);
            }
    if (lo > hi)
        lo = 0, hi = 1;
    if (lo > 0 && lo < hi / 2)
        lo = 0; /* start at zero unless that squashes the line flat */
    double step = nice_step(hi - lo);
    lo = floor(lo / step) * step;
    hi = ceil(hi / step) * step;
    if (hi <= lo)
        hi = lo + step;
    double pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
#define X(i) (LEFT + (c->n > 1 ? pw * (double)(i) / (double)(c->n - 1) : pw / 2))
#define Y(v) (TOP + ph * (1 - ((v)-lo) / (hi - lo)))
    char buf[64];
    hd_raw(d, "<g aria-hidden=\"true\">\n");
    for (double v = lo; v <= hi + step / 2; v += step) {
        sp_format_value(v, c->unit, buf, sizeof buf);
        hd_rawf(d, "<line stroke=\"#b1b4b6\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                   "<text font-family=\"arial,sans-serif\" font-size=\"13\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">",
                LEFT, W - RIGHT, Y(v), Y(v), LEFT - 6, Y(v) + 4);
        hd_text(d, buf);
        hd_raw(d, "</text>\n");
    }
    hd_rawf(d, "<line stroke=\"#0b0c0c\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>\n", LEFT, W - RIGHT, H - BOTTOM,
            H - BOTTOM);
    size_t every = c->n > 8 ? (c->n + 7) / 8 : 1;
    for (size_t i = 0; i < c->n; i += every) {
        /* the first and last labels stay inside the frame */
        const char *anchor = c->n > 1 && i == 0 ? "start" : c->n > 1 && i + every >= c->n && i == c->n - 1 ? "end" : "middle";
        hd_rawf(d, "<text font-family=\"arial,sans-serif\" font-size=\"13\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">", X(i),
                H - BOTTOM + 20, anchor);
        hd_text(d, c->x_labels[i]);
        hd_raw(d, "</text>\n");
    }
    hc_box placed[64];
    size_t n_placed = 0;
    for (size_t s = 0; s < c->n_series; s++) {
        const hc_series *se = &c->series[s];
        const char *cls = stroke(se->style);
        bool open = false;
        if (se->style == HC_CHECKPOINT) {
            for (size_t i = 0; i < c->n; i++)
                if (se->has[i]) {
                    double px = X(i), py = Y(se->y[i]);
                    hd_rawf(d, "<polygon fill=\"#0b0c0c\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>\n", px,
                            py - 6, px + 6, py, px, py + 6, px - 6, py);
                    if (se->labels && se->labels[i])
                        point_label(d, placed, &n_placed, px, py, se->labels[i]);
                }
            continue;
        }
        for (size_t i = 0; i < c->n; i++) {
            if (!se->has[i]) {
                if (se->style == HC_ACTUAL)
                    continue; /* a month only a checkpoint has: the values' line runs on */
                if (open)
                    hd_raw(d, "\"/>\n");
                open = false;
                continue;
            }
            if (open)
                hd_rawf(d, " %.1f,%.1f", X(i), Y(se->y[i]));
            else
                hd_rawf(d, "<polyline fill=\"none\" %s points=\"%.1f,%.1f", cls, X(i), Y(se->y[i]));
            open = true;
        }
        if (open)
            hd_raw(d, "\"/>\n");
        if (se->style == HC_ACTUAL)
            for (size_t i = 0; i < c->n; i++) {
                if (!se->has[i])
                    continue;
                if (c->notes && c->notes[i]) /* a point with a note (special cause): a larger square */
                    hd_rawf(d, "<rect fill=\"#912b88\" x=\"%.1f\" y=\"%.1f\" width=\"11\" height=\"11\"/>\n", X(i) - 5.5,
                            Y(se->y[i]) - 5.5);
                else if (se->open && se->open[i]) /* projected: hollow */
                    hd_rawf(d, "<circle fill=\"#ffffff\" stroke=\"#1d70b8\" stroke-width=\"2\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>\n",
                            X(i), Y(se->y[i]));
                else
                    hd_rawf(d, "<circle fill=\"#1d70b8\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>\n", X(i), Y(se->y[i]));
            }
    }
    /* the key, in words beside a sample of each line */
    double kx = LEFT;
    for (size_t s = 0; s < c->n_series; s++) {
        const hc_series *se = &c->series[s];
        if (se->style == HC_CHECKPOINT)
            hd_rawf(d, "<polygon fill=\"#0b0c0c\" points=\"%.1f,%d %.1f,%d %.1f,%d %.1f,%d\"/>", kx + 12, H - 18, kx + 18,
                    H - 12, kx + 12, H - 6, kx + 6, H - 12);
        else
            hd_rawf(d, "<line %s x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>", stroke(se->style), kx, kx + 24, H - 12,
                    H - 12);
        hd_rawf(d, "<text font-family=\"arial,sans-serif\" font-size=\"13\" x=\"%.1f\" y=\"%d\">", kx + 30, H - 8);
        hd_text(d, se->name);
        hd_raw(d, "</text>\n");
        kx += 48 + 7.5 * (double)strlen(se->name);
    }
#undef X
#undef Y
    hd_raw(d, "</g>\n</svg>\n<details>\n<summary>The figures in this chart</summary>\n");
    const char **heads = sp_arena_alloc(&d->arena, (c->n_series + 2) * sizeof *heads);
    heads[0] = "Period";
    for (size_t s = 0; s < c->n_series; s++)
        heads[s + 1] = c->series[s].name;
    if (c->notes)
        heads[c->n_series + 1] = c->notes_heading;
    hd_table_begin(d, c->title, heads, c->n_series + 1 + (c->notes != NULL));
    for (size_t i = 0; i < c->n; i++) {
        hd_row_begin(d);
        hd_cell(d, true, c->x_labels[i]);
        for (size_t s = 0; s < c->n_series; s++) {
            const hc_series *se = &c->series[s];
            if (se->has[i] && se->text && se->text[i]) {
                hd_cell_num(d, se->text[i]);
                continue;
            }
            if (se->has[i])
                sp_format_value(se->y[i], c->unit, buf, sizeof buf);
            else
                snprintf(buf, sizeof buf, se->style == HC_CHECKPOINT ? "–" : "no value");
            hd_cell_num(d, buf);
        }
        if (c->notes)
            hd_cell(d, false, c->notes[i] ? c->notes[i] : "");
        hd_row_end(d);
    }
    hd_table_end(d);
    hd_raw(d, "</details>\n</figure>\n");
}

void hc_bars(hd_doc *d, const hc_bar_chart *c)
{
    enum { ROW = 36, LABEL_W = 170 };
    int height = TOP + (int)c->n * ROW + 10;
    const char *tid;
    svg_open(d, c->title, c->desc, height, &tid);
    double hi = 0;
    for (size_t i = 0; i < c->n; i++)
        hi = fmax(hi, c->values[i]);
    if (hi <= 0)
        hi = 1;
    double pw = W - LABEL_W - RIGHT - 50;
    hd_raw(d, "<g aria-hidden=\"true\">\n");
    char buf[64];
    for (size_t i = 0; i < c->n; i++) {
        double y = TOP + (double)i * ROW;
        hd_rawf(d, "<text font-family=\"arial,sans-serif\" font-size=\"13\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LABEL_W - 8, y + 19);
        hd_text(d, c->labels[i]);
        hd_raw(d, "</text>\n");
        double w = pw * c->values[i] / hi;
        hd_rawf(d, "<rect fill=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"26\"/>", bar_fill(c->status[i]), LABEL_W,
                y, w);
        sp_format_number(c->values[i], buf, sizeof buf);
        hd_rawf(d, "<text font-family=\"arial,sans-serif\" font-size=\"13\" x=\"%.1f\" y=\"%.1f\">", LABEL_W + w + 6, y + 19);
        hd_text(d, buf);
        hd_raw(d, "</text>\n");
    }
    hd_rawf(d, "<line stroke=\"#0b0c0c\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>\n", LABEL_W, LABEL_W, TOP - 4,
            height - 10);
    hd_raw(d, "</g>\n</svg>\n<details>\n<summary>The figures in this chart</summary>\n");
    const char *heads[2] = {"Status", c->value_heading};
    hd_table_begin(d, c->title, heads, 2);
    for (size_t i = 0; i < c->n; i++) {
        hd_row_begin(d);
        hd_cell(d, true, c->labels[i]);
        sp_format_number(c->values[i], buf, sizeof buf);
        hd_cell_num(d, buf);
        hd_row_end(d);
    }
    hd_table_end(d);
    hd_raw(d, "</details>\n</figure>\n");
}
