/*
 * pdf_chart.h - charts drawn with libharu: the status bar of an area and the KPI line chart.
 * Each mark carries its meaning in shape, line style or a label as well as in colour.
 */
#ifndef SP_PDF_CHART_H
#define SP_PDF_CHART_H

#include "assess/assess.h"
#include "view/view.h"
#include "render/pdf/pdf_doc.h"

/* A horizontal bar of milestone counts by status, each segment labelled with its count,
 * the top-left corner at (x, y). */
/* A filled diamond of half-width r centred on (x, y): a target marker, shape as well as colour. */
void pd_marker_diamond(pd_doc *d, float x, float y, float r);

/* Filled circles of radius r in colour rgb: pd_dots_begin, pd_dot for each, pd_dots_end. */
void pd_dots_begin(pd_doc *d, unsigned rgb, float r);
void pd_dot(pd_doc *d, float x, float y);
void pd_dots_end(pd_doc *d);

void pd_status_bar(pd_doc *d, float x, float y, float w, float h, const sp_counts *c);

/* A KPI's values, baseline, trajectory and 3/6/12-month targets against time, to the report
 * date at least, with axis labels in its unit and in months and the labels placed clear of
 * the lines; the top-left corner at (x, y). A KPI with no value gets one line saying so
 * instead. Returns the height used (h, or that line's). */
float pd_kpi_chart(pd_doc *d, float x, float y, float w, float h, const sp_plan *p, const sp_assessment *a,
                   size_t kpi, const sp_view_trajectory *trajectory, const sp_view_checkpoints *checkpoints,
                   const char *latest_label);

/* An XmR chart: values by period, the mean, the process limits and the current target, with
 * special-cause points marked by shape (triangle: improvement or high; square: concern or low)
 * as well as colour; the top-left corner at (x, y). */
void pd_spc_chart(pd_doc *d, float x, float y, float w, float h, const sp_plan *p, const sp_assessment *a,
                  size_t kpi, double target, bool has_target);

#endif
