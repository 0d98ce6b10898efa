/*
 * xlsx_sheets.h - the columns of the workbook's list sheets, one getter per column. The
 * template chooses which of them a pack shows and in what order (model/template.h).
 */
#ifndef SP_XLSX_SHEETS_H
#define SP_XLSX_SHEETS_H

#include "view/template.h"
#include "render/xlsx/xlsx_table.h"

/* Getters' shorthand for the plan and its assessment, from the context c. */
#define PLAN (c->r->plan)
#define AS (c->r->assessment)
#define MS(i) (&PLAN->milestones.items[i])
#define MR(i) (&AS->milestones[i])
#define KP(i) (&PLAN->kpis.items[i])
#define KR(i) (&AS->kpis[i])

extern const xl_column XL_ACTION_COLUMNS[SP_N_ACTION_COLUMNS];
extern const xl_column XL_KPI_COLUMNS[SP_N_KPI_COLUMNS];
extern const xl_column XL_CHECKPOINT_COLUMNS[];
extern const size_t XL_N_CHECKPOINT_COLUMNS;
extern const xl_column XL_EXCEPTION_COLUMNS[];
extern const size_t XL_N_EXCEPTION_COLUMNS;
extern const xl_column XL_RISK_COLUMNS[];
extern const size_t XL_N_RISK_COLUMNS;
extern const xl_column XL_QUALITY_COLUMNS[];
extern const size_t XL_N_QUALITY_COLUMNS;

extern const xl_column XL_SUMMARY_COLUMNS[];   /* xlsx_summary.c */
extern const size_t XL_N_SUMMARY_COLUMNS;
extern const xl_column XL_KEY_COLUMNS[], XL_PLAIN_KEY_COLUMNS[], XL_COHORT_COLUMNS[], XL_CHANGE_COLUMNS[],
    XL_SPC_COLUMNS[], XL_PLAIN_COLUMNS[]; /* xlsx_views.c */
extern const size_t XL_N_KEY_COLUMNS, XL_N_PLAIN_KEY_COLUMNS, XL_N_COHORT_COLUMNS, XL_N_CHANGE_COLUMNS,
    XL_N_SPC_COLUMNS, XL_N_PLAIN_COLUMNS;

/* The rows of the Cohort sheet: KPIs and milestones of the focus cohort. */
/* A row of the families' sheet: one promise of the Local Offer text, under its part. */
typedef struct family_row {
    const char *part;
    const struct sp_family_promise *promise;
} family_row;

typedef struct cohort_item {
    bool kpi;
    size_t index;
} cohort_item;

/* The rows of the SPC sheet: one per point. */
typedef struct spc_row {
    size_t kpi, point;
    sp_date period;
} spc_row;

/* The Summary's charts beside its table. */
void xl_summary_charts(xl_ctx *c, lxw_worksheet *ws, size_t n_areas);
/* A line chart per SPC KPI beside the SPC table. */
void xl_spc_charts(xl_ctx *c, lxw_worksheet *ws, const spc_row *rows, size_t n);

/* A status cell in the template's words. */
xl_cell xl_status_of(xl_ctx *c, sp_status s);
/* The owner of a milestone: its own, else its action's. */
const char *xl_milestone_owner(xl_ctx *c, size_t i);
/* A milestone's title: its text, else its action's. */
const char *xl_milestone_title(xl_ctx *c, size_t i);

#endif
