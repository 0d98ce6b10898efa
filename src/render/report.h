/*
 * report.h - what every renderer gets: the view of the pack (view/view.h). Renderers lay it
 * out; they never parse, judge, filter or redact.
 */
#ifndef SP_REPORT_H
#define SP_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "view/view.h"

typedef sp_view sp_report;

/* The template's word for a status or an area assessment. */
static inline const char *sp_report_label(const sp_report *r, sp_status s)
{
    return sp_view_label(r, s);
}
static inline const char *sp_report_assessment(const sp_report *r, sp_area_assessment a)
{
    return sp_view_assessment(r, a);
}

/* Each writes the whole document to `path` (a temporary file the caller renames into place).
 * Returns false with a message in err. */
bool sp_render_json(const sp_report *r, const char *path, char *err, size_t errlen);
bool sp_render_pdf(const sp_report *r, const char *path, char *err, size_t errlen);
bool sp_render_xlsx(const sp_report *r, const char *path, char *err, size_t errlen);

/* Why a milestone or KPI stands where it does, as the view words it (view.h: ms_why, kpi_why). */
static inline const char *sp_report_why(const sp_report *r, sp_arena *a, bool is_kpi, size_t index)
{
    (void)a;
    return is_kpi ? r->kpi_why[index] : r->ms_why[index];
}

#endif
