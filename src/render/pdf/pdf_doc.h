/*
 * pdf_doc.h - a small layout engine over libharu: A4 pages with the plan title and report date
 * in the header and "Page N of M" in the footer, word-wrapped paragraphs measured with the
 * embedded font's metrics, and tables whose rows break across pages under a repeated header.
 *
 * Text is wrapped here rather than by HPDF_Page_TextRect, which breaks lines only at ASCII
 * spaces and draws nothing for a word wider than its box (shared/spec/library-notes.md).
 */
#ifndef SP_PDF_DOC_H
#define SP_PDF_DOC_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/plan.h"
#include "util/arena.h"
#include "util/vec.h"

/* Layout, named once (points; A4 is 595 x 842). */
#define PD_PAGE_W 595.276f
#define PD_PAGE_H 841.89f
#define PD_MARGIN_X 48.0f
#define PD_TOP 790.0f     /* first line of the body */
#define PD_BOTTOM 56.0f   /* lowest line of the body */
#define PD_BODY_W (PD_PAGE_W - 2 * PD_MARGIN_X)
#define PD_CELL_PAD 3.0f

typedef struct pd_doc {
    HPDF_Doc pdf;
    HPDF_Font regular, bold;
    HPDF_Page page;
    float y;            /* next baseline position from the bottom */
    float scale;        /* type size multiplier (larger for a public audience) */
    SP_VEC(HPDF_Page) pages;
    const char *header_left, *header_right;
    sp_arena arena;
    bool failed;
    char err[256];
} pd_doc;

/* A table cell: text, optionally on a status tint with its word (colour never alone). */
typedef struct pd_cell {
    const char *text;
    sp_status tint; /* SP_STATUS_NONE for none */
    bool bold;
} pd_cell;

typedef struct pd_table {
    size_t n_columns;
    const char *const *headers;
    const float *widths; /* fractions of the body width, summing to 1 */
    float size;          /* type size */
    bool header_drawn;   /* set by the engine: the header waits for the first row */
} pd_table;

/* Opens a document with Liberation Sans embedded. False with doc->err set on failure. */
bool pd_open(pd_doc *d, const char *header_left, const char *header_right, float scale);
/* Footers ("Page N of M"), then writes the file. */
bool pd_save(pd_doc *d, const char *path);
void pd_close(pd_doc *d);

void pd_new_page(pd_doc *d);
/* Starts a new page unless `height` points fit above the bottom margin. */
void pd_ensure(pd_doc *d, float height);
float pd_text_width(pd_doc *d, HPDF_Font f, float size, const char *s);

/* Wraps text to lines no wider than width (words longer than a line are broken between
 * characters). Lines are allocated in d->arena. Returns the number of lines. */
size_t pd_wrap(pd_doc *d, HPDF_Font f, float size, const char *text, float width, const char ***lines);
void pd_text_at(pd_doc *d, HPDF_Font f, float size, float x, float y, const char *s, unsigned rgb);

/* A heading, with an outline entry (bookmark) under `parent` (NULL for top level). */
HPDF_Outline pd_heading(pd_doc *d, const char *text, int level, HPDF_Outline parent);
/* A wrapped paragraph at x offset `indent`, flowing over pages. */
void pd_paragraph(pd_doc *d, const char *text, HPDF_Font f, float size, float indent);
void pd_space(pd_doc *d, float points);

/* A table: header row, then the rows; the header repeats on each new page. */
void pd_table_begin(pd_doc *d, pd_table *t);
void pd_table_row(pd_doc *d, pd_table *t, const pd_cell *cells);

/* A filled box with a status word, width fitted to the word. Returns its width. */
float pd_status_tag(pd_doc *d, float x, float y, sp_status s, const char *word, float size);
void pd_fill_rect(pd_doc *d, float x, float y, float w, float h, unsigned rgb);
void pd_stroke_rgb(pd_doc *d, unsigned rgb);
void pd_fill_rgb(pd_doc *d, unsigned rgb);

#endif
