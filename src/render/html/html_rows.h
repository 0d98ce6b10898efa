/*
 * html_rows.h - which rows each HTML section shows, in order: the one place the HTML renderer
 * asks for its rows. The view stage decides them once per pack for every renderer; this hands
 * on its lists.
 */
#ifndef SP_HTML_ROWS_H
#define SP_HTML_ROWS_H

#include <stddef.h>

#include "render/html/html_doc.h"
#include "render/report.h"

typedef struct hr_rows {
    size_t *at;
    size_t n;
} hr_rows;

typedef enum {
    HR_AREAS,            /* areas with something in the reported cohort */
    HR_ACTIONS,          /* actions in scope */
    HR_KPIS,             /* KPIs in scope */
    HR_KPIS_NUMERIC,     /* numeric KPIs with a value that get a chart in this pack */
    HR_KPIS_NO_VALUE,    /* numeric KPIs with no value yet: a line each */
    HR_KPIS_PLAN_WIDE,   /* KPIs linked to no area */
    HR_KPIS_TEXT,        /* KPIs in scope judged by checkpoint status */
    HR_KPIS_SPC,         /* KPIs whose XmR chart this pack draws */
    HR_FOCUS_KPIS,       /* the focus cohort's KPIs */
    HR_FOCUS_MILESTONES, /* the focus cohort's milestones */
} hr_list;

hr_rows html_rows(hd_doc *d, const sp_report *r, hr_list which);
/* An action's milestones. */
hr_rows html_action_milestones(hd_doc *d, const sp_report *r, size_t action);

#endif
