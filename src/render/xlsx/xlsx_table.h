/*
 * xlsx_table.h - one accessible worksheet: a title block (sheet title, plan and report date,
 * a line of notes) and one Excel table starting in A4, nothing below it. Columns are
 * declared as a header and a getter; the writer picks formats, computes column widths from
 * the content (Excel files carry no autofit) and sets up A4 landscape printing.
 */
#ifndef SP_XLSX_TABLE_H
#define SP_XLSX_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <xlsxwriter.h>

#include "render/report.h"

typedef enum { XL_EMPTY, XL_TEXT, XL_NUMBER, XL_INT, XL_DATE, XL_MONTH, XL_PERCENT, XL_STATUS, XL_LINK } xl_kind;

typedef struct xl_cell {
    xl_kind kind;
    const char *text;  /* TEXT, STATUS (the word), LINK (the sheet linked to) */
    double number;     /* NUMBER, INT, PERCENT (0-100), DATE and MONTH (an sp_date) */
    sp_status status;  /* STATUS */
} xl_cell;

typedef struct xl_ctx xl_ctx;
typedef xl_cell (*xl_getter)(xl_ctx *c, size_t index);

typedef struct xl_column {
    const char *header;
    xl_getter get;
} xl_column;

typedef struct xl_sheet_spec {
    const char *name;       /* the tab */
    const char *title;      /* A1 */
    const char *intro;      /* A3: what the sheet holds, with its [note N] marks */
    const char *table_name; /* Excel table name: letters, digits, underscores */
    const xl_column *columns;
    size_t n_columns;
    const size_t *rows;     /* model indices passed to the getters */
    size_t n_rows;
    const char *empty;      /* the one row written when there are no rows */
} xl_sheet_spec;

struct xl_ctx {
    lxw_workbook *wb;
    const sp_report *r;
    sp_arena arena;
    char header[256];       /* print header: "&L<title>&R<report date>" */
    lxw_format *title, *subtitle, *note, *text, *header_cell, *date, *month, *integer, *percent, *link, *label;
    lxw_format *number[3];  /* by the decimals a value needs: 0, 1 or 2 (never "412.") */
    lxw_format *status[SP_GREY + 1];
    size_t truncated;       /* cells cut at Excel's limit */
    bool row_by_row;        /* libxlsxwriter's constant-memory mode: see xl_table_sheet */
    const void *list;       /* the rows of the sheet being written, for getters that need more than an index */
};

/* Creates the formats and print header text. */
void xl_ctx_init(xl_ctx *c, lxw_workbook *wb, const sp_report *r);
/* Adds the sheet and its table. Returns the worksheet (charts may be added to it). */
lxw_worksheet *xl_table_sheet(xl_ctx *c, const xl_sheet_spec *s);
/* A4 landscape, header and "Page N of M" footer, the row repeat_row (-1: none) on every page;
 * one page wide at no less than 60%, else at 75% across pages with the first key_columns of
 * the n columns (widths in characters) on each (decisions #19). */
void xl_print_setup(xl_ctx *c, lxw_worksheet *ws, int repeat_row, const double *widths, size_t n, size_t key_columns);
/* The last row of the sheet's table (0-based), for what goes below it. */
/* Cells a workbook may hold in memory before it is written row by row (sp_render_xlsx): a
 * national plan's largest workbook holds about 45,000; a million observations, 8 million. */
#define XL_ROW_BY_ROW_CELLS 1000000

#define XL_TABLE_LAST_ROW(n_rows) (3 + ((n_rows) ? (n_rows) : 1))
/* Sets a row's height to fit the texts (one per column, NULL for none) at the widths given. */
void xl_fit_row(xl_ctx *c, lxw_worksheet *ws, int row, const char *const *texts, const double *widths, size_t n);
/* Writes text as text (never a formula), cut at Excel's cell limit with a visible marker. */
void xl_write_text(xl_ctx *c, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f);

/* Getter helpers. */
xl_cell xl_text(const char *s);
xl_cell xl_number(bool has, double v);
xl_cell xl_int(long v);
xl_cell xl_date(sp_date d);
/* A date shown as its month ("Dec 2022"): still a date, so it sorts and filters as one. */
xl_cell xl_month(sp_date d);
xl_cell xl_percent(bool has, double v);
/* A status cell: the word (the template's label) on the status's tint. */
xl_cell xl_status(sp_status s, const char *word);

#endif
