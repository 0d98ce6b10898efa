/*
 * pdf_sections.h - the PDF's sections, one function each, and the helpers they share. Internal to
 * the PDF renderer: pdf.c lays the sections out in the template's order.
 */
#ifndef SP_PDF_SECTIONS_H
#define SP_PDF_SECTIONS_H

#include "render/pdf/pdf_doc.h"
#include "render/report.h"

#define BODY 9.5f
#define SMALL 8.0f

/* Chart heights, and the room a block needs before it may start on a page (so a heading, a
 * chart and its figures stay together), in points before the template's type scale. */
#define KPI_CHART_H 175.0f
#define KPI_BLOCK_H 330.0f  /* heading, chart and figures table */
#define KPI_GRID_CHART_H 125.0f /* a chart in the two-a-row grid */
#define SPC_CHART_H 190.0f
#define SPC_BLOCK_H 300.0f
#define ACTION_BLOCK_H 80.0f
#define PLAIN_PART_H 120.0f
#define AREA_GLANCE_H 70.0f
#define LABEL(s) sp_report_label(r, (s))
#define ASSESSMENT(a) sp_report_assessment(r, (a))

/* helpers (pdf_common.c) */
const char *pdf_counts_words(pd_doc *d, const sp_counts *c);
pd_table pdf_pick_columns(pd_doc *d, const char *const *headers, const float *widths, const int *keep, int n, float size);
const pd_cell *pdf_pick_cells(pd_doc *d, const pd_cell *all, const int *keep, int n);
void pdf_bullet(pd_doc *d, const char *text);
/* An area's sponsor, what the inspectors said and its outcome, where the plan gives them. */
void pdf_area_opening(pd_doc *d, const sp_view_area *av);
const char *pdf_value_text(pd_doc *d, const sp_kpi *k, bool has, double v);

/* sections */
void pdf_glance(pd_doc *d, const sp_report *r);      /* pdf_overview.c */
void pdf_annex_a(pd_doc *d, const sp_report *r);
void pdf_changes(pd_doc *d, const sp_report *r);
void pdf_exceptions(pd_doc *d, const sp_report *r);
void pdf_risks_section(pd_doc *d, const sp_report *r);
void pdf_key_section(pd_doc *d, const sp_report *r);
void pdf_areas(pd_doc *d, const sp_report *r);       /* pdf_areas.c */
void pdf_actions(pd_doc *d, const sp_report *r);
void pdf_cohort(pd_doc *d, const sp_report *r);
void pdf_plain(pd_doc *d, const sp_report *r);
void pdf_scorecard(pd_doc *d, const sp_report *r);   /* pdf_kpis.c */
void pdf_kpi_pages(pd_doc *d, const sp_report *r);
void pdf_spc_pages(pd_doc *d, const sp_report *r);

#endif
