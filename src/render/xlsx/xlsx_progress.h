/*
 * xlsx_progress.h - the workbook's Progress sheet (the burn-up with a line chart) and Forecast
 * sheet (the plan and each area). Not in a plain-English workbook: for families a forecast
 * reads as a promise (the template leaves the sheets out).
 */
#ifndef SP_XLSX_PROGRESS_H
#define SP_XLSX_PROGRESS_H

#include "render/xlsx/xlsx_table.h"

/* The rows of each sheet, in the context's arena; returns how many. */
size_t xl_progress_rows(xl_ctx *c, size_t **rows);
size_t xl_forecast_rows(xl_ctx *c, size_t **rows);
xl_sheet_spec xl_progress_spec(xl_ctx *c, const size_t *rows, size_t n);
xl_sheet_spec xl_forecast_spec(xl_ctx *c, const size_t *rows, size_t n);
/* The native line chart beside the Progress table of n months. */
void xl_progress_chart(xl_ctx *c, lxw_worksheet *ws, size_t n);

#endif
