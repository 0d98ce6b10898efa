/*
 * pdf_burnup.h - "Will it be done in time?" in the PDF: the forecast sentence, the burn-up chart
 * (planned, revised and completed lines; the forecast finish as a shaded band from the likely to
 * the 85% month) and each area's forecast line. Lays out assess/progress.c's figures only.
 */
#ifndef SP_PDF_BURNUP_H
#define SP_PDF_BURNUP_H

#include "render/pdf/pdf_doc.h"
#include "render/report.h"

#define BURNUP_CHART_H 190.0f

/* The burn-up of pr, top-left corner at (x, y), with its legend in words underneath. */
void pd_burnup_chart(pd_doc *d, float x, float y, float w, float h, const sp_progress *pr, const sp_assessment *a);

/* The at-a-glance block: heading, forecast sentence, chart, what the chart cannot show and what
 * the forecast assumes. Nothing for a plain-English (families') pack. */
void pdf_progress_glance(pd_doc *d, const sp_report *r);

/* The plan's forecast in one sentence, for the at-a-glance. Nothing for a plain-English pack. */
void pdf_forecast_sentence(pd_doc *d, const sp_report *r);

/* One line under an area's heading: its forecast sentence. Nothing for a plain-English pack. */
void pdf_area_forecast(pd_doc *d, const sp_report *r, size_t area);

#endif
