/*
 * report.h - what every renderer gets: the plan, its assessment, the check's diagnostics and
 * the report template. Renderers lay these out; they never parse or judge.
 */
#ifndef SP_REPORT_H
#define SP_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "assess/assess.h"
#include "assess/changes.h"
#include "model/template.h"
#include "util/diag.h"

typedef struct sp_report {
    const sp_plan *plan;
    const sp_assessment *assessment;
    const sp_diags *diags; /* warnings from reading and checking: the Data quality list */
    const sp_template *tmpl;
    const sp_changes *changes; /* NULL without --previous */
    int html_heading_level;    /* --html-heading-level: the HTML fragment's top heading, 2 to 6 */
} sp_report;

/* The template's word for a status or an area assessment. */
static inline const char *sp_report_label(const sp_report *r, sp_status s)
{
    return r->tmpl->status_label[s];
}
static inline const char *sp_report_assessment(const sp_report *r, sp_area_assessment a)
{
    return r->tmpl->assessment_label[a];
}

/* Each writes the whole document to `path` (a temporary file the caller renames into place).
 * Returns false with a message in err. */
bool sp_render_json(const sp_report *r, const char *path, char *err, size_t errlen);
bool sp_render_pdf(const sp_report *r, const char *path, char *err, size_t errlen);
bool sp_render_xlsx(const sp_report *r, const char *path, char *err, size_t errlen);
bool sp_render_html(const sp_report *r, const char *path, char *err, size_t errlen);
bool sp_render_html_fragment(const sp_report *r, const char *path, char *err, size_t errlen);

/* "We said we would do 13 things. Done: 0. On track: 11. Running late: 2.": the milestone
 * counts in the template's words, statuses that share a word counted together. */
const char *sp_plain_position(const sp_report *r, sp_arena *a);

/* Why a milestone or KPI stands where it does: a milestone's challenge as a sentence when it
 * is challenged, else its reason; a KPI's reason. */
const char *sp_report_why(const sp_report *r, sp_arena *a, bool is_kpi, size_t index);

/* "actions.csv:17": a row's source as the reader of a pack wants it, without the folder. */
const char *sp_source_label(sp_arena *a, sp_src src);

#endif
