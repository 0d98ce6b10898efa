/*
 * html_chart.h - charts as inline SVG for the HTML packs. Each is a <figure> holding an <svg
 * role="img"> with a <title> and a <desc> that says in words what it shows, then the same
 * figures as a table inside <details>, so no reader depends on seeing the chart.
 */
#ifndef SP_HTML_CHART_H
#define SP_HTML_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "model/plan.h"
#include "render/html/html_doc.h"

typedef enum { HC_ACTUAL = 1, HC_TARGET, HC_COMPARATOR, HC_OTHER, HC_CHECKPOINT } hc_style;

typedef struct hc_series {
    const char *name;  /* "Value", "Expected (trajectory)", "England" */
    const double *y;   /* one per point */
    const bool *has;   /* whether point i has a value */
    hc_style style;    /* actual: solid line with dots (joined across points it lacks); target: dashed;
                        * comparators: thin; checkpoint: diamonds, no line, each labelled */
    const char *const *text;   /* optional: the data table's words per point ("1.07% (projected)") */
    const bool *open;          /* optional: points drawn hollow (projected values) */
    const char *const *labels; /* optional: a label beside each point's marker ("Jul 2023 target 28%") */
} hc_series;

typedef struct hc_line_chart {
    const char *title;            /* also the table's caption */
    const char *desc;             /* what the chart shows, in words */
    const char *const *x_labels;  /* "Jul 2022", one per point */
    size_t n;
    const hc_series *series;
    size_t n_series;
    sp_unit unit;                 /* how values are written: "18.9%", "12 weeks" */
    const char *const *notes;     /* optional: a word per point ("special cause: concern"), NULL for none */
    const char *notes_heading;    /* the notes' column in the data table */
} hc_line_chart;

void hc_line(hd_doc *d, const hc_line_chart *c);

/* Horizontal bars, one per row: how many milestones are in each status. */
typedef struct hc_bar_chart {
    const char *title, *desc;
    const char *const *labels; /* the status words */
    const sp_status *status;   /* the bars' colours */
    const double *values;
    size_t n;
    const char *value_heading; /* the table's second column: "Milestones" */
} hc_bar_chart;

void hc_bars(hd_doc *d, const hc_bar_chart *c);

#endif
