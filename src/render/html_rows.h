/*
 * html_rows.h - which rows each HTML section shows, in order: the one place the HTML renderer
 * asks the report for its rows. The view stage (issue 12) decides these once per pack for every
 * renderer; until the HTML renders from it, this adapter reads the same choices from the
 * assessment (scope, focus cohort, SPC), and afterwards it only hands on the view's lists.
 */
#ifndef SP_HTML_ROWS_H
#define SP_HTML_ROWS_H

#include <stddef.h>

#include "render/html_doc.h"
#include "render/report.h"

typedef struct hr_rows {
    size_t *at;
    size_t n;
} hr_rows;

typedef enum {
    HR_AREAS,            /* areas with something in the reported cohort */
    HR_ACTIONS,          /* actions in scope */
    HR_KPIS,             /* KPIs in scope */
    HR_KPIS_NUMERIC,     /* KPIs in scope judged by their values */
    HR_KPIS_TEXT,        /* KPIs in scope judged by checkpoint status */
    HR_KPIS_SPC,         /* KPIs in scope with an XmR chart */
    HR_FOCUS_KPIS,       /* the focus cohort's KPIs */
    HR_FOCUS_MILESTONES, /* the focus cohort's milestones */
} hr_list;

hr_rows html_rows(hd_doc *d, const sp_report *r, hr_list which);
/* An area's milestones in scope, and an action's. */
hr_rows html_area_milestones(hd_doc *d, const sp_report *r, size_t area);
hr_rows html_action_milestones(hd_doc *d, const sp_report *r, size_t action);

#endif
