/*
 * pdf_doc.h - a small layout engine over libharu: A4 pages with the plan title and report date
 * in the header and "Page N of M" in the footer, word-wrapped paragraphs measured with the
 * embedded font's metrics, and tables whose rows break across pages under a repeated header.
 *
 * Text is wrapped here rather than by HPDF_Page_TextRect, which breaks lines only at ASCII
 * spaces and draws nothing for a word wider than its box (shared/spec/library-notes.md).
 * Lines break at spaces, or after a hyphen between letters; only a word wider than its whole
 * column is broken between characters.
 *
 * Two things wait for what follows them, so nothing is stranded at a page foot:
 * - a heading (and any pd_space after it) is drawn with the first block it introduces: the
 *   next paragraph's first lines, table's header and first row, or the height a pd_ensure asks;
 * - a table's rows are collected and laid out when the table is complete (at the next call
 *   that draws, or pd_table_end), so its columns can be sized to their longest words.
 * d->y is therefore current only after a drawing call other than pd_table_row/pd_heading
 * (pd_ensure settles both, which sections do before drawing at d->y themselves).
 */
#ifndef SP_PDF_DOC_H
#define SP_PDF_DOC_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/plan.h"
#include "render/pdf/pdf_tags.h"
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

/* A heading, space, or short paragraph under a heading, waiting for the block it introduces. */
typedef struct pd_pending {
    const char *text; /* a heading's; NULL for space or a paragraph */
    int level;
    float space;
    HPDF_Outline outline;
    const char **lines; /* a paragraph's wrapped lines */
    size_t n_lines;
    pt_role role;       /* PT_P, PT_H4 (a paragraph that is a minor heading), or PT_LI (a list
                           item: its first line starts with the bullet) */
    HPDF_Font font;
    float size, indent;
} pd_pending;

typedef struct pd_cell pd_cell;
typedef struct pd_table pd_table;

/* One font's character widths as libharu measures them (font units, thousandths of the type
 * size), for code points below PD_WIDTH_CACHED, filled in as characters are first measured. */
#define PD_WIDTH_CACHED 0x3000
typedef struct pd_widths {
    HPDF_Font font;
    unsigned *units;      /* PD_WIDTH_CACHED entries, allocated at first use */
    unsigned char *known; /* whether units[c] has been measured */
} pd_widths;

typedef struct pd_doc {
    HPDF_Doc pdf;
    HPDF_Font regular, bold;
    HPDF_Page page;
    float y;            /* next baseline position from the bottom */
    float scale;        /* type size multiplier (larger for a public audience) */
    SP_VEC(HPDF_Page) pages;
    const char *header_left, *header_right;
    sp_arena arena;
    /* what the current page's graphics state holds, so each is set only when it changes
     * (every Tf or rg is bytes in the page stream to write and compress) */
    HPDF_Font cur_font;
    float cur_size;
    long cur_fill, cur_stroke; /* 0xRRGGBB, or -1 for unknown */
    float cur_line_width;      /* 0 for unknown */
    size_t dots;               /* dots in the path pd_dots_begin opened (pdf_chart.c), */
    unsigned dot_rgb;          /* their colour and radius, */
    float dot_r;
    float dot_saved_width;     /* and the line width and stroke colour they replace */
    HPDF_RGBColor dot_saved_stroke;
    pd_widths widths[2];       /* regular, bold: measuring asks libharu once per character */
    char *line_buf;            /* a wrapped line being built */
    size_t line_cap;
    SP_VEC(pd_pending) pending;
    /* the table whose rows are being collected */
    struct {
        bool open;
        const pd_table *owner;
        size_t n_columns;
        const char *const *headers;
        const float *widths;
        float size;
        bool row_names;
        SP_VEC(pd_cell *) rows;
        bool header_tagged; /* its header row is in the structure; repeats are artifacts */
    } table;
    pt_tags tags;              /* the structure tree and marked content (pdf_tags.h) */
    bool failed;
    char err[256];
} pd_doc;

/* A table cell: text, optionally on a status tint with its word (colour never alone). */
struct pd_cell {
    const char *text;
    sp_status tint; /* SP_STATUS_NONE for none */
    bool bold;
};

struct pd_table {
    size_t n_columns;
    const char *const *headers;
    const float *widths; /* fractions of the body width, summing to 1: a starting point; each
                            column widens to its longest word, taking room from those with slack */
    float size;          /* type size, before the template's scale; never drawn below PD_TABLE_MIN_SIZE */
    bool header_drawn;   /* unused: kept so section initialisers stay valid */
    bool row_names;      /* its first column names each row (a row header, as the web page's) */
};

#define PD_TABLE_MIN_SIZE 9.0f

/* Opens a document with Liberation Sans embedded. False with doc->err set on failure. */
bool pd_open(pd_doc *d, const char *header_left, const char *header_right, float scale);
/* Footers ("Page N of M"), then writes the file. */
bool pd_save(pd_doc *d, const char *path);
void pd_close(pd_doc *d);

/* A section's start on a new page; on the same page, after a gap, when this one is less than a
 * third used (no page is left blank or holding only a row or two before a section). */
void pd_new_page(pd_doc *d);
/* Starts a new page unless `height` points fit above the bottom margin. */
void pd_ensure(pd_doc *d, float height);
float pd_text_width(pd_doc *d, HPDF_Font f, float size, const char *s);
/* The width of len bytes of UTF-8 in font units: exactly HPDF_Font_TextWidth(f, s, len).width,
 * with each character's width looked up once per document. */
unsigned pd_text_units(pd_doc *d, HPDF_Font f, const char *s, size_t len);

/* Wraps text to lines no wider than width, at spaces or after a hyphen between letters (a
 * word longer than a whole line is broken between characters). Lines are allocated in
 * d->arena. Returns the number of lines. */
size_t pd_wrap(pd_doc *d, HPDF_Font f, float size, const char *text, float width, const char ***lines);
/* Line i of n wrapped lines as it is drawn: with the space it was broken at, so that text
 * read out of the page (a screen reader, copying) keeps its words apart. Invisible. */
const char *pd_line(pd_doc *d, const char **lines, size_t n, size_t i);
void pd_text_at(pd_doc *d, HPDF_Font f, float size, float x, float y, const char *s, unsigned rgb);

/* A heading, with an outline entry (bookmark) under `parent` (NULL for top level). */
HPDF_Outline pd_heading(pd_doc *d, const char *text, int level, HPDF_Outline parent);
/* A wrapped paragraph at x offset `indent`, flowing over pages. */
void pd_paragraph(pd_doc *d, const char *text, HPDF_Font f, float size, float indent);
void pd_space(pd_doc *d, float points);

/* A table: header row, then the rows; the header repeats on each new page. Rows are copied
 * and laid out together when the table ends: at pd_table_end or the next drawing call. */
void pd_table_begin(pd_doc *d, pd_table *t);
void pd_table_row(pd_doc *d, pd_table *t, const pd_cell *cells);
void pd_table_end(pd_doc *d);

/* A paragraph that heads what follows it, under a level-2 heading (drawn as the paragraph
 * is, read as a fourth-level heading, as the web page has it). */
void pd_minor_heading(pd_doc *d, const char *text, HPDF_Font f, float size, float indent);
/* A list item: a bullet and the text, wrapped and indented as a paragraph (a run of items
 * is one list). */
void pd_list_item(pd_doc *d, const char *text, HPDF_Font f, float size, float indent);

/* What the section draws itself between these is one block of the document's structure (the
 * engine tags its own headings, paragraphs, list items and tables): a paragraph of status
 * words, a chart's title (a third-level heading), or a chart with its alternative text (what
 * it shows and its reading, from the view). Decoration inside a block (a bar that repeats
 * the numbers the text gives) goes between pd_decoration_begin and _end. */
typedef enum pd_block { PD_BLOCK_PARAGRAPH, PD_BLOCK_SUBHEADING, PD_BLOCK_FIGURE } pd_block;
void pd_block_begin(pd_doc *d, pd_block kind, const char *alt);
void pd_block_end(pd_doc *d);
void pd_decoration_begin(pd_doc *d);
void pd_decoration_end(pd_doc *d);

/* A filled box with a status word, width fitted to the word. Returns its width. */
float pd_status_tag(pd_doc *d, float x, float y, sp_status s, const char *word, float size);
void pd_fill_rect(pd_doc *d, float x, float y, float w, float h, unsigned rgb);
/* Colours and line width, written into the page only when they change. */
void pd_stroke_rgb(pd_doc *d, unsigned rgb);
void pd_fill_rgb(pd_doc *d, unsigned rgb);
void pd_line_width(pd_doc *d, float width);

#endif
