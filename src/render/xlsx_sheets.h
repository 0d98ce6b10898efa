/*
 * xlsx_sheets.h - the columns of the workbook's list sheets, one getter per column. The
 * template chooses which of them a pack shows and in what order (model/template.h).
 */
#ifndef SP_XLSX_SHEETS_H
#define SP_XLSX_SHEETS_H

#include "model/template.h"
#include "render/xlsx_table.h"

extern const xl_column XL_ACTION_COLUMNS[SP_N_ACTION_COLUMNS];
extern const xl_column XL_KPI_COLUMNS[SP_N_KPI_COLUMNS];
extern const xl_column XL_EXCEPTION_COLUMNS[];
extern const size_t XL_N_EXCEPTION_COLUMNS;
extern const xl_column XL_RISK_COLUMNS[];
extern const size_t XL_N_RISK_COLUMNS;
extern const xl_column XL_QUALITY_COLUMNS[];
extern const size_t XL_N_QUALITY_COLUMNS;

/* A status cell in the template's words. */
xl_cell xl_status_of(xl_ctx *c, sp_status s);
/* The owner of a milestone: its own, else its action's. */
const char *xl_milestone_owner(xl_ctx *c, size_t i);
/* A milestone's title: its text, else its action's. */
const char *xl_milestone_title(xl_ctx *c, size_t i);

#endif
