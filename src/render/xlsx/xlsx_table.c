#include "render/xlsx/xlsx_table.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/style.h"
#include "util/text.h"

/* Layout, named once. Widths are in characters of the default font. */
enum {
    XL_TABLE_ROW = 3,      /* A4: the table's header row (0-based) */
    XL_MAX_TEXT_WIDTH = 30, /* longer text wraps: keeps a printed page readable */
    XL_MIN_WIDTH = 6,
    XL_DATE_WIDTH = 12,
    XL_PAPER_A4 = 9,
    XL_MAX_CELL = 32767 - 100, /* Excel's limit in UTF-16 units, with room for the marker */
};
#define XL_FONT "Arial"
#define XL_LINE_HEIGHT 12.75 /* points per line of 10-point Arial */
#define XL_MAX_ROW_HEIGHT 409.0 /* Excel's limit */
/* Printing (decisions #19): A4 landscape with 0.4-inch side margins holds this many points of
 * the sheet's width at 100%. A sheet that fits one page wide at no less than XL_FIT_MIN_SCALE
 * is fitted; a wider one prints at XL_WIDE_SCALE across pages, its key columns on each. */
#define XL_PRINT_WIDTH_PT ((297.0 / 25.4 - 2 * 0.4) * 72)
#define XL_FIT_MIN_SCALE 60.0
#define XL_WIDE_SCALE 75

static lxw_format *fmt(lxw_workbook *wb)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, XL_FONT);
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

void xl_ctx_init(xl_ctx *c, lxw_workbook *wb, const sp_report *r)
{
    memset(c, 0, sizeof *c);
    c->wb = wb;
    c->r = r;
    c->title = fmt(wb);
    format_set_bold(c->title);
    format_set_font_size(c->title, 14);
    c->subtitle = fmt(wb);
    format_set_bold(c->subtitle);
    c->note = fmt(wb);
    format_set_italic(c->note);
    c->text = fmt(wb);
    format_set_text_wrap(c->text);
    c->label = fmt(wb);
    format_set_bold(c->label);
    c->header_cell = fmt(wb);
    format_set_bold(c->header_cell);
    format_set_text_wrap(c->header_cell);
    format_set_font_color(c->header_cell, SP_TEXT_LIGHT);
    format_set_bg_color(c->header_cell, SP_HEADER_FILL);
    c->date = fmt(wb);
    format_set_num_format(c->date, "dd mmm yyyy");
    format_set_align(c->date, LXW_ALIGN_LEFT);
    /* one format per number of decimals: "#,##0.##" would show 412 as "412." */
    static const char *const decimals[] = {"#,##0", "#,##0.0", "#,##0.00"};
    for (int k = 0; k < 3; k++) {
        c->number[k] = fmt(wb);
        format_set_num_format(c->number[k], decimals[k]);
    }
    c->month = fmt(wb);
    format_set_num_format(c->month, "mmm yyyy");
    format_set_align(c->month, LXW_ALIGN_LEFT);
    c->integer = fmt(wb);
    format_set_num_format(c->integer, "#,##0");
    c->percent = fmt(wb);
    format_set_num_format(c->percent, "0%");
    c->link = fmt(wb);
    format_set_underline(c->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(c->link, 0x0563C1);
    for (int s = SP_STATUS_NONE; s <= SP_GREY; s++) {
        c->status[s] = fmt(wb);
        format_set_bold(c->status[s]);
        if (s != SP_STATUS_NONE)
            format_set_bg_color(c->status[s], sp_status_tint((sp_status)s));
    }
    /* The print header repeats the plan title and report date ("&" doubled for Excel). */
    char date[20];
    sp_date_long(r->assessment->as_of, date);
    size_t o = 0;
    o += (size_t)snprintf(c->header + o, sizeof c->header - o, "&L");
    const char *t = r->plan->info.title;
    size_t limit = sp_utf8_clip(t, 150);
    for (size_t i = 0; i < limit && o < 200; i++) {
        if (t[i] == '&')
            c->header[o++] = '&';
        c->header[o++] = t[i];
    }
    snprintf(c->header + o, sizeof c->header - o, "&RReport date %s", date);
}

/* A column's printed width in points: Excel draws w characters of the default font (7-pixel
 * digits) and 5 pixels of padding, 96 pixels an inch. */
static double column_points(double w)
{
    return floor(w * 7 + 5) * 0.75;
}

void xl_print_setup(xl_ctx *c, lxw_worksheet *ws, int repeat_row, const double *widths, size_t n, size_t key_columns)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, XL_PAPER_A4);
    double total = 0;
    for (size_t j = 0; j < n; j++)
        total += column_points(widths[j]);
    if (total * XL_FIT_MIN_SCALE / 100 <= XL_PRINT_WIDTH_PT || !key_columns || key_columns >= n) {
        worksheet_fit_to_pages(ws, 1, 0);
    } else {
        worksheet_set_print_scale(ws, XL_WIDE_SCALE);
        worksheet_repeat_columns(ws, 0, (lxw_col_t)(key_columns - 1));
        worksheet_print_across(ws); /* a row's next columns on the next page, not after every row */
    }
    worksheet_set_margins(ws, 0.4, 0.4, 0.75, 0.75);
    if (repeat_row >= 0)
        worksheet_repeat_rows(ws, (lxw_row_t)repeat_row, (lxw_row_t)repeat_row);
    worksheet_set_header(ws, c->header);
    worksheet_set_footer(ws, "&CPage &P of &N");
}

void xl_write_text(xl_ctx *c, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    if (!s || !s[0])
        return;
    s = sp_excel_literal(&c->arena, s); /* literal "_x0041_" is not the letter A */
    if (sp_utf16_len(s) <= XL_MAX_CELL) {
        /* worksheet_write_string never makes a formula: "=SUM(A1)" stays text */
        worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f);
        return;
    }
    /* libxlsxwriter counts code points and Excel UTF-16 units: cut by bytes with a margin */
    size_t keep = sp_utf8_clip(s, XL_MAX_CELL / 2);
    char *cut = sp_arena_printf(&c->arena, "%.*s … [cut: longer than an Excel cell holds; see the source row]",
                                (int)keep, s);
    worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, cut, f);
    c->truncated++;
}

/* Width in characters, as Excel measures a column. */
static double text_width(const char *s)
{
    double widest = 0, line = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n') {
            widest = line > widest ? line : widest;
            line = 0;
        } else if ((*p & 0xC0) != 0x80) {
            line++;
        }
    }
    return line > widest ? line : widest;
}

/* Lines a text needs in a column of `width` characters, wrapping at spaces. */
static int text_lines(const char *s, double width)
{
    int lines = 1;
    double col = 0, word = 0;
    for (const unsigned char *p = (const unsigned char *)s;; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\0') {
            if (col > 0 && col + 1 + word > width) {
                lines++;
                col = word;
            } else {
                col += (col > 0) + word;
            }
            word = 0;
            if (*p == '\n') {
                lines++;
                col = 0;
            }
            if (!*p)
                break;
        } else if ((*p & 0xC0) != 0x80) {
            word++;
        }
    }
    return lines;
}

void xl_fit_row(xl_ctx *c, lxw_worksheet *ws, int row, const char *const *texts, const double *widths, size_t n)
{
    (void)c;
    int lines = 1;
    for (size_t j = 0; j < n; j++) {
        if (!texts[j])
            continue;
        /* a line of 10-point Arial holds about 1.4 characters per unit of Excel column width */
        int l = text_lines(texts[j], (widths[j] - 1) * 1.4);
        lines = l > lines ? l : lines;
    }
    if (lines == 1)
        return; /* the sheet's default height (15 points) holds a line: no height to store */
    double h = lines * XL_LINE_HEIGHT + 2;
    worksheet_set_row(ws, (lxw_row_t)row, h > XL_MAX_ROW_HEIGHT ? XL_MAX_ROW_HEIGHT : h, NULL);
}

/* The decimals (0 to 2) a value needs to show as the model holds it, to two places. */
static int decimals_of(double v)
{
    double hundredths = fabs(v) * 100;
    double r = floor(hundredths + 0.5);
    if (fabs(hundredths - r) > 1e-6 * (hundredths > 1 ? hundredths : 1))
        return 2; /* more than two places: shown to two */
    long cents = (long)fmod(r, 100);
    return cents == 0 ? 0 : cents % 10 == 0 ? 1 : 2;
}

/* Characters a number takes in "#,##0.0" style, counted without formatting it again. */
static double number_width(double v, int decimals)
{
    double whole = floor(fabs(v) + 0.5 * pow(10, -decimals));
    int digits = whole < 1 ? 1 : (int)floor(log10(whole)) + 1;
    return digits + (digits - 1) / 3 + (decimals ? decimals + 1 : 0) + (v < 0);
}

/* The decimals a cell shows: worked out once, for its format and its width. */
static int shown_decimals(xl_cell v)
{
    return v.kind == XL_NUMBER ? decimals_of(v.number) : 0;
}

/* The characters a cell's value takes, as the column must show it. */
static double cell_width(xl_cell v, int decimals)
{
    switch (v.kind) {
    case XL_TEXT: return v.text ? text_width(v.text) : 0;
    case XL_NUMBER: return number_width(v.number, decimals);
    case XL_INT: return number_width(v.number, 0);
    case XL_DATE:
    case XL_MONTH: return XL_DATE_WIDTH;
    case XL_PERCENT: return 5;
    case XL_STATUS: return text_width(v.text) + 1;
    case XL_LINK: return text_width(v.text);
    default: return 0;
    }
}

static void put_cell(xl_ctx *c, lxw_worksheet *ws, int row, int col, xl_cell v, int decimals)
{
    switch (v.kind) {
    case XL_TEXT:
        xl_write_text(c, ws, row, col, v.text, c->text);
        break;
    case XL_NUMBER:
        worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v.number, c->number[decimals]);
        break;
    case XL_INT:
        worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v.number, c->integer);
        break;
    case XL_DATE:
    case XL_MONTH:
        /* Excel's day 0 is 30 Dec 1899, 25,569 days before 1 Jan 1970 */
        worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v.number + 25569,
                               v.kind == XL_DATE ? c->date : c->month);
        break;
    case XL_PERCENT:
        worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v.number / 100.0, c->percent);
        break;
    case XL_STATUS:
        worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, v.text, c->status[v.status]);
        break;
    case XL_LINK: {
        char *url = sp_arena_printf(&c->arena, "internal:'%s'!A1", v.text);
        worksheet_write_url_opt(ws, (lxw_row_t)row, (lxw_col_t)col, url, c->link, v.text, NULL);
        break;
    }
    default: break;
    }
}

/* Row by row (libxlsxwriter's constant-memory mode, for a plan whose workbook would hold more
 * cells than memory should: see sp_render_xlsx): a row is written out when the next begins,
 * so its height is set before its cells, from widths the header and the first rows give; and
 * libxlsxwriter refuses tables in that mode, so the header row gets an autofilter instead. */
static void rows_one_by_one(xl_ctx *c, lxw_worksheet *ws, const xl_sheet_spec *s, double *width)
{
    enum { WIDTH_SAMPLE = 2000 };
    for (size_t i = 0; i < s->n_rows && i < WIDTH_SAMPLE; i++) {
        for (size_t j = 0; j < s->n_columns; j++) {
            xl_cell v = s->columns[j].get(c, s->rows[i]);
            double w = cell_width(v, shown_decimals(v));
            if (w + 1 > width[j])
                width[j] = w + 1;
        }
    }
    for (size_t j = 0; j < s->n_columns; j++)
        width[j] = width[j] < XL_MIN_WIDTH ? XL_MIN_WIDTH : width[j] > XL_MAX_TEXT_WIDTH ? XL_MAX_TEXT_WIDTH : width[j];
    const char **texts = sp_arena_alloc(&c->arena, s->n_columns * sizeof *texts);
    for (size_t j = 0; j < s->n_columns; j++)
        texts[j] = s->columns[j].header;
    xl_fit_row(c, ws, XL_TABLE_ROW, texts, width, s->n_columns);
    for (size_t j = 0; j < s->n_columns; j++)
        worksheet_write_string(ws, XL_TABLE_ROW, (lxw_col_t)j, s->columns[j].header, c->header_cell);
    if (!s->n_rows) {
        xl_write_text(c, ws, XL_TABLE_ROW + 1, 0, s->empty, c->text);
        double w = text_width(s->empty);
        w = w > XL_MAX_TEXT_WIDTH ? XL_MAX_TEXT_WIDTH : w;
        if (w > width[0])
            width[0] = w;
        return;
    }
    xl_cell *cells = sp_arena_alloc(&c->arena, s->n_columns * sizeof *cells);
    for (size_t i = 0; i < s->n_rows; i++) {
        for (size_t j = 0; j < s->n_columns; j++) {
            cells[j] = s->columns[j].get(c, s->rows[i]);
            texts[j] = cells[j].kind == XL_TEXT ? cells[j].text : NULL;
        }
        int row = XL_TABLE_ROW + 1 + (int)i;
        xl_fit_row(c, ws, row, texts, width, s->n_columns);
        for (size_t j = 0; j < s->n_columns; j++)
            put_cell(c, ws, row, (int)j, cells[j], shown_decimals(cells[j]));
    }
}

/* The columns that name a row, repeated on each page of a sheet printed across pages: the
 * leading columns through its reference ("Ref"), and the row's name after a reference that
 * comes first; else the first column. */
static size_t key_columns(const xl_sheet_spec *s)
{
    for (size_t j = 0; j < s->n_columns; j++)
        if (!strcmp(s->columns[j].header, "Ref"))
            return j == 0 && s->n_columns > 1 ? 2 : j + 1;
    return 1;
}

lxw_worksheet *xl_table_sheet(xl_ctx *c, const xl_sheet_spec *s)
{
    lxw_worksheet *ws = workbook_add_worksheet(c->wb, s->name);
    const sp_plan *p = c->r->plan;
    char date[20];
    sp_date_long(c->r->assessment->as_of, date);
    worksheet_write_string(ws, 0, 0, s->title, c->title);
    xl_write_text(c, ws, 1, 0, sp_arena_printf(&c->arena, "%s · report date %s", p->info.title, date), c->subtitle);
    xl_write_text(c, ws, 2, 0, s->intro, c->note);

    double *width = sp_arena_alloc(&c->arena, s->n_columns * sizeof *width);
    lxw_table_column *cols = sp_arena_alloc(&c->arena, s->n_columns * sizeof *cols);
    lxw_table_column **col_ptrs = sp_arena_alloc(&c->arena, (s->n_columns + 1) * sizeof *col_ptrs);
    for (size_t j = 0; j < s->n_columns; j++) {
        cols[j].header = (char *)s->columns[j].header;
        cols[j].header_format = c->header_cell;
        col_ptrs[j] = &cols[j];
        /* a header wraps at word breaks: its longest word is the least it needs */
        double word = 0, longest = 0;
        for (const char *h = s->columns[j].header; *h; h++) {
            word = *h == ' ' ? 0 : word + 1;
            longest = word > longest ? word : longest;
        }
        width[j] = longest + 2;
    }
    size_t rows = s->n_rows ? s->n_rows : 1;
    if (c->row_by_row) {
        rows_one_by_one(c, ws, s, width);
        for (size_t j = 0; j < s->n_columns; j++)
            worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j, width[j], NULL);
        worksheet_autofilter(ws, XL_TABLE_ROW, 0, (lxw_row_t)(XL_TABLE_ROW + rows), (lxw_col_t)(s->n_columns - 1));
        worksheet_freeze_panes(ws, XL_TABLE_ROW + 1, 0);
        xl_print_setup(c, ws, XL_TABLE_ROW, width, s->n_columns, key_columns(s));
        worksheet_print_area(ws, 0, 0, (lxw_row_t)(XL_TABLE_ROW + rows), (lxw_col_t)(s->n_columns - 1));
        return ws;
    }
    /* each cell is got once: its text is kept for the row heights, which wait for the widths */
    const char **row_texts = sp_arena_alloc(&c->arena, (s->n_rows * s->n_columns + 1) * sizeof *row_texts);
    for (size_t i = 0; i < s->n_rows; i++) {
        for (size_t j = 0; j < s->n_columns; j++) {
            xl_cell v = s->columns[j].get(c, s->rows[i]);
            row_texts[i * s->n_columns + j] = v.kind == XL_TEXT ? v.text : NULL;
            int k = shown_decimals(v);
            put_cell(c, ws, XL_TABLE_ROW + 1 + (int)i, (int)j, v, k);
            double w = cell_width(v, k);
            if (w + 1 > width[j])
                width[j] = w + 1;
        }
    }
    if (!s->n_rows) {
        xl_write_text(c, ws, XL_TABLE_ROW + 1, 0, s->empty, c->text);
        if (text_width(s->empty) > width[0])
            width[0] = text_width(s->empty);
    }
    for (size_t j = 0; j < s->n_columns; j++) {
        width[j] = width[j] < XL_MIN_WIDTH ? XL_MIN_WIDTH : width[j] > XL_MAX_TEXT_WIDTH ? XL_MAX_TEXT_WIDTH : width[j];
        worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j, width[j], NULL);
    }
    /* Row heights from the wrapped text: neither Excel nor LibreOffice refits them on opening. */
    for (size_t i = 0; i < s->n_rows; i++)
        xl_fit_row(c, ws, XL_TABLE_ROW + 1 + (int)i, row_texts + i * s->n_columns, width, s->n_columns);
    const char **texts = sp_arena_alloc(&c->arena, s->n_columns * sizeof *texts);
    for (size_t j = 0; j < s->n_columns; j++)
        texts[j] = s->columns[j].header;
    xl_fit_row(c, ws, XL_TABLE_ROW, texts, width, s->n_columns);
    lxw_table_options options = {.name = (char *)s->table_name,
                                 .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
                                 .style_type_number = 1,
                                 .columns = col_ptrs};
    worksheet_add_table(ws, XL_TABLE_ROW, 0, (lxw_row_t)(XL_TABLE_ROW + rows), (lxw_col_t)(s->n_columns - 1), &options);
    worksheet_freeze_panes(ws, XL_TABLE_ROW + 1, 0);
    xl_print_setup(c, ws, XL_TABLE_ROW, width, s->n_columns, key_columns(s));
    /* print the table (a sheet with charts below its table widens this to take them in) */
    worksheet_print_area(ws, 0, 0, (lxw_row_t)(XL_TABLE_ROW + rows), (lxw_col_t)(s->n_columns - 1));
    return ws;
}

xl_cell xl_text(const char *s)
{
    return (xl_cell){.kind = s && s[0] ? XL_TEXT : XL_EMPTY, .text = s};
}

xl_cell xl_number(bool has, double v)
{
    return (xl_cell){.kind = has ? XL_NUMBER : XL_EMPTY, .number = v};
}

xl_cell xl_int(long v)
{
    return (xl_cell){.kind = XL_INT, .number = (double)v};
}

xl_cell xl_date(sp_date d)
{
    return (xl_cell){.kind = d == SP_NO_DATE ? XL_EMPTY : XL_DATE, .number = d};
}

xl_cell xl_month(sp_date d)
{
    return (xl_cell){.kind = d == SP_NO_DATE ? XL_EMPTY : XL_MONTH, .number = d};
}

xl_cell xl_percent(bool has, double v)
{
    return (xl_cell){.kind = has ? XL_PERCENT : XL_EMPTY, .number = v};
}

xl_cell xl_status(sp_status s, const char *word)
{
    if (s == SP_STATUS_NONE)
        return (xl_cell){.kind = XL_EMPTY};
    return (xl_cell){.kind = XL_STATUS, .text = word, .status = s};
}
