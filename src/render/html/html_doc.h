/*
 * html_doc.h - writing accessible HTML5: a document streamed to its file as it is built (or kept
 * in memory for the tests), text
 * escaped, headings numbered from the document's top level (1 for a page, 2 or more for a
 * fragment pasted into a Local Offer page), status tags that always say their word, data tables
 * with a caption and th scope inside a focusable, labelled scrolling region.
 */
#ifndef SP_HTML_DOC_H
#define SP_HTML_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model/plan.h"
#include "util/arena.h"

typedef struct hd_doc {
    char *s;        /* the text not yet written: all of it, or the last part when streaming */
    size_t n, cap;
    FILE *out;      /* hd_open's file, written in parts as the text grows; NULL keeps it all in s */
    bool write_failed;
    int top;        /* level of the document's first heading: 1, or 2..6 for a fragment */
    int last_level; /* the last heading written, to keep levels in order */
    int ids;        /* for generated ids */
    sp_arena arena;
} hd_doc;

void hd_init(hd_doc *d, int top_level);
/* hd_init, with the text streamed to path as it is written (a million observations' page is
 * 190 MB: held whole, it was most of the run's memory). False with err set. */
bool hd_open(hd_doc *d, int top_level, const char *path, char *err, size_t errlen);
void hd_free(hd_doc *d);
/* Writes the document to path. False with err set on an I/O error. */
bool hd_save(hd_doc *d, const char *path, char *err, size_t errlen);

void hd_raw(hd_doc *d, const char *s);
void hd_rawf(hd_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text content or an attribute value, escaped: & < > " '; C0 controls other than tab and line
 * breaks, and U+FFFE/U+FFFF, which HTML forbids, become U+FFFD; CR LF becomes LF. */
void hd_text(hd_doc *d, const char *s);
/* Text whose line breaks are kept (<br>): progress narratives. */
void hd_text_lines(hd_doc *d, const char *s);
/* Every id in the page and fragment starts with this, so a host page's CSS and scripts, which
 * often style #contents or #main, leave the pack alone; hd_heading's ids and the links to them
 * take it too. */
#define HD_ID_PREFIX "sendpack-"
/* A fresh id: "sendpack-<prefix>-<n>". */
const char *hd_id(hd_doc *d, const char *prefix);

/* <hN id="id">text</hN> with N = top + rel (rel 0 is the document's title). Levels never skip:
 * a deeper heading than last_level + 1 is written at last_level + 1. */
void hd_heading(hd_doc *d, int rel, const char *id, const char *text);
/* <p>text</p>, with an optional class. */
void hd_para(hd_doc *d, const char *cls, const char *text);

/* The tag of a status: <strong class="sp-tag sp-tag--red">Running late</strong>. */
void hd_tag(hd_doc *d, sp_status s, const char *word);

/* <p> (or <li>, …) holding a status tag, a space and a text: "[Red] Behind the trajectory …". */
void hd_tagged(hd_doc *d, const char *element, sp_status s, const char *word, const char *text);

/* A data table: hd_table_begin writes the scrolling region, <table>, caption and the head row;
 * each hd_row writes one row whose first cell is a row header (th scope="row") when row_header. */
void hd_table_begin(hd_doc *d, const char *caption, const char *const *headings, size_t n);
void hd_row_begin(hd_doc *d);
void hd_cell(hd_doc *d, bool row_header, const char *text);
void hd_cell_status(hd_doc *d, sp_status s, const char *word);
void hd_cell_num(hd_doc *d, const char *text); /* right-aligned figure */
void hd_row_end(hd_doc *d);
void hd_table_end(hd_doc *d);

/* The house style: GOV.UK Design System type scale, spacing, tag colours and focus style, a
 * 320 px reflow and a print stylesheet. */
extern const char HD_CSS[];

#endif
