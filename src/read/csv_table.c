#include "read/csv_table.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/input_file.h"
#include "util/text.h"

typedef struct feeder {
    sp_arena *arena;
    sp_diags *diags;
    sp_table *table;
    SP_VEC(sp_cell) cells; /* the record being built */
    unsigned line;         /* physical line being fed */
    unsigned field_line, field_col; /* where the next field starts */
    unsigned next_col;              /* column right after the piece being fed */
    unsigned row_line;
    bool header_done;
    bool failed; /* a row had a filled cell beyond the header's last column */
    bool too_wide; /* a row has more than SP_MAX_COLUMNS cells, or a cell over SP_MAX_CELL: feeding stops */
} feeder;

static const char *clean_cell(sp_arena *a, const char *s, size_t n)
{
    s = sp_trim(s, &n);
    if (n == 0)
        return ""; /* empty cells are common: one shared empty string */
    if (!memchr(s, '\r', n))
        return sp_arena_strndup(a, s, n);
    char *out = sp_arena_alloc(a, n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            continue; /* CRLF inside a quoted field: keep one LF */
        out[o++] = s[i];
    }
    out[o] = '\0';
    return out;
}

static void on_field(void *data, size_t len, void *ctx)
{
    feeder *f = ctx;
    if (f->cells.n == 0)
        f->row_line = f->field_line;
    if (len > SP_MAX_CELL && data) { /* a cell that ended within the piece that made it too long */
        sp_error(f->diags, ((sp_src){f->table->file, f->field_line, f->field_col}),
                 "a cell longer than %zu MiB: not an export sendpack reads", SP_MAX_CELL >> 20);
        f->too_wide = true;
        return;
    }
    if (f->cells.n == SP_MAX_COLUMNS) {
        if (!f->too_wide)
            sp_error(f->diags, ((sp_src){f->table->file, f->field_line, f->field_col}),
                     "more than %d columns in a row: not an export sendpack reads", SP_MAX_COLUMNS);
        f->too_wide = true;
        return;
    }
    sp_cell *c = sp_vec_push(&f->cells);
    c->text = clean_cell(f->arena, data ? data : "", data ? len : 0);
    c->line = f->field_line;
    c->col = f->field_col;
    f->field_line = f->line;
    f->field_col = f->next_col;
}

static void on_record(int term, void *ctx)
{
    feeder *f = ctx;
    (void)term;
    bool blank = true;
    for (size_t i = 0; i < f->cells.n && blank; i++)
        blank = f->cells.items[i].text[0] == '\0';
    if (!blank) {
        sp_row row = {.n = f->cells.n, .line = f->row_line};
        row.cells = sp_arena_alloc(&f->table->row_arena, f->cells.n * sizeof *row.cells);
        memcpy(row.cells, f->cells.items, f->cells.n * sizeof *row.cells);
        if (!f->header_done) {
            f->table->header = row;
            f->header_done = true;
        } else {
            /* A filled cell with no header is a value shifted by an unquoted comma: every cell
             * after it is in the wrong column. Empty ones (trailing commas) are harmless. */
            for (size_t i = f->table->header.n; i < row.n; i++) {
                if (row.cells[i].text[0]) {
                    sp_error(f->diags, ((sp_src){f->table->file, row.cells[i].line, row.cells[i].col}),
                             "a cell beyond the last column (the header has %zu): a comma inside a value "
                             "needs the whole value in double quotes",
                             f->table->header.n);
                    f->failed = true;
                    break;
                }
            }
            *sp_vec_push(&f->table->rows) = row;
        }
    }
    f->cells.n = 0;
    f->field_line = f->line + 1;
    f->field_col = 1;
}

typedef enum { FED, MALFORMED, TOO_BIG } fed;

#define CHUNK ((size_t)1 << 16) /* libcsv's buffer grows by this much at a time, and is checked as often */

/* Feeds one physical line, in pieces ending at each comma. Stops at a parse error, at a cell
 * over SP_MAX_CELL (before libcsv's buffer grows further) and at a row too wide. */
static fed feed_line(struct csv_parser *p, feeder *f, const char *line, size_t len, unsigned *err_col)
{
    size_t off = 0;
    while (off < len && !f->too_wide) {
        size_t rest = len - off < CHUNK ? len - off : CHUNK; /* a long cell in chunks: its size checked as it grows */
        const char *comma = memchr(line + off, ',', rest);
        size_t piece = comma ? (size_t)(comma - (line + off)) + 1 : rest;
        f->next_col = (unsigned)(off + piece) + 1;
        size_t used = csv_parse(p, line + off, piece, on_field, on_record, f);
        if (used != piece) {
            *err_col = (unsigned)(off + used) + 1;
            return MALFORMED;
        }
        if (p->entry_pos > SP_MAX_CELL)
            return TOO_BIG;
        off += piece;
    }
    return FED;
}

sp_csv_result sp_csv_read_buffer(const char *buf, size_t len, const char *file, sp_arena *a, sp_diags *d,
                                 sp_table *out)
{
    memset(out, 0, sizeof *out);
    out->file = file;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        buf += 3, len -= 3; /* libcsv keeps a byte-order mark as data */

    /* Two common mistakes, named for what they are. */
    if (len >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0) {
        sp_error(d, ((sp_src){file, 1, 1}),
                 "this is an Excel workbook (.xlsx), not a CSV file: in Excel use Save As, \"CSV UTF-8\"");
        return SP_CSV_FAILED;
    }
    if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                     ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
        sp_error(d, ((sp_src){file, 1, 1}),
                 "this file is UTF-16 (\"Unicode Text\"), not UTF-8: in Excel use Save As, \"CSV UTF-8\"");
        return SP_CSV_FAILED;
    }
    const char *nul = memchr(buf, '\0', len);
    if (nul) {
        unsigned line = 1, col = 1;
        for (const char *q = buf; q < nul; q++)
            *q == '\n' ? (line++, col = 1) : col++;
        sp_error(d, ((sp_src){file, line, col}),
                 "a NUL byte: the file is not text (UTF-16 without a byte-order mark?); save it as \"CSV UTF-8\"");
        return SP_CSV_FAILED;
    }

    size_t nonblank = 0;
    for (size_t i = 0; i < len && !nonblank; i++)
        nonblank = !strchr(" \t\r\n", buf[i]);
    if (!nonblank) {
        sp_error(d, ((sp_src){file, 1, 1}), "the file is empty: expected a header row, then one row per record");
        return SP_CSV_FAILED;
    }

    struct csv_parser p;
    /* CSV_REPALL_NL: blank lines reach on_record too, so line numbers stay exact after them */
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        fputs("sendpack: out of memory\n", stderr);
        exit(71);
    }
    csv_set_blk_size(&p, CHUNK); /* its default (128 bytes) makes a long cell quadratic to read */
    feeder f = {.arena = a, .diags = d, .table = out, .line = 1, .field_line = 1, .field_col = 1};
    sp_csv_result result = SP_CSV_OK;

    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t line_len = nl ? (size_t)(nl - (buf + pos)) + 1 : len - pos;
        size_t bad = sp_utf8_invalid_at(buf + pos, line_len);
        if (bad < line_len) {
            sp_error(d, ((sp_src){file, f.line, (unsigned)bad + 1}),
                     "invalid UTF-8 (byte 0x%02X): save the export as \"CSV UTF-8\"",
                     (unsigned char)buf[pos + bad]);
            result = SP_CSV_FAILED;
            break;
        }
        size_t nonchar = sp_nonchar_at(buf + pos, line_len);
        if (nonchar < line_len) {
            sp_error(d, ((sp_src){file, f.line, (unsigned)nonchar + 1}),
                     "U+%s is not a character (no workbook may hold it): remove it from the export",
                     (unsigned char)buf[pos + nonchar + 2] == 0xBE ? "FFFE" : "FFFF");
            result = SP_CSV_FAILED;
            break;
        }
        if (line_len > SP_MAX_LINE) {
            sp_error(d, ((sp_src){file, f.line, 1}), "a line longer than %zu MiB: not an export sendpack reads",
                     SP_MAX_LINE >> 20);
            result = SP_CSV_FAILED;
            break;
        }
        unsigned err_col = 0;
        fed r = feed_line(&p, &f, buf + pos, line_len, &err_col);
        if (r == MALFORMED) {
            sp_error(d, ((sp_src){file, f.line, err_col}),
                     "malformed quoting: a quote inside a field must be doubled (\"\") and the whole field quoted");
            result = SP_CSV_FAILED;
            break;
        }
        if (r == TOO_BIG) {
            sp_error(d, ((sp_src){file, f.field_line, f.field_col}),
                     "a cell longer than %zu MiB: not an export sendpack reads", SP_MAX_CELL >> 20);
            result = SP_CSV_FAILED;
            break;
        }
        if (f.too_wide) {
            result = SP_CSV_FAILED;
            break;
        }
        pos += line_len;
        if (nl)
            f.line++;
    }
    if (result == SP_CSV_OK && csv_fini(&p, on_field, on_record, &f) != 0) {
        sp_error(d, ((sp_src){file, f.field_line, f.field_col}),
                 "unterminated quoted field: the quote that opens here is never closed");
        result = SP_CSV_FAILED;
    }
    csv_free(&p);
    sp_vec_free(&f.cells);
    if (f.failed)
        result = SP_CSV_FAILED;
    if (result == SP_CSV_OK && !f.header_done) {
        sp_error(d, ((sp_src){file, 1, 1}), "the file is empty: expected a header row, then one row per record");
        result = SP_CSV_FAILED;
    }
    return result;
}

sp_csv_result sp_csv_read_file(const char *path, const char *file, sp_arena *a, sp_diags *d, sp_table *out)
{
    memset(out, 0, sizeof *out);
    out->file = file;
    size_t len = 0;
    sp_input_problem why;
    char *buf = sp_input_read(path, &len, SP_MAX_LINE, &why);
    if (!buf) {
        if (why.missing)
            return SP_CSV_MISSING;
        sp_error(d, ((sp_src){file, why.line, why.line ? 1 : 0}), "%s", why.why);
        return SP_CSV_FAILED;
    }
    sp_csv_result r = sp_csv_read_buffer(buf, len, file, a, d, out);
    free(buf);
    return r;
}

void sp_table_free(sp_table *t)
{
    sp_vec_free(&t->rows);
    sp_arena_free(&t->row_arena);
}
