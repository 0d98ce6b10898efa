/*
 * pdf_tags.h - the tagged PDF (PDF/UA-1) over libharu 2.3.0's object layer: marked content in
 * each page's content stream, the structure tree that points into it, and the document's
 * /Lang, /MarkInfo, XMP metadata and fonts' ToUnicode maps.
 *
 * libharu has no tagging API, but exports its object functions (HPDF_Dict_Add, HPDF_Array_New,
 * HPDF_Stream_WriteStr...; shared/spec/library-notes.md): everything here is built by calling
 * them. The engine (pdf_doc.c) says what it is drawing (a heading, a paragraph, a table cell,
 * a list item, a figure, or decoration); this module turns that into tags:
 * - every page's content is always inside one marked-content sequence: /Artifact (running
 *   head and foot, rules, fills), or a structure element's `/Role <</MCID n>> BDC ... EMC`;
 * - a sequence is switched only when something is drawn for another element (pt_sync), so
 *   no empty sequence is written for a block that draws nothing on a page;
 * - structure elements are made in the order they are laid out, which is the reading order.
 */
#ifndef SP_PDF_TAGS_H
#define SP_PDF_TAGS_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum pt_role {
    PT_DOCUMENT,
    PT_H1,
    PT_H2,
    PT_H3,
    PT_H4,
    PT_P,
    PT_L,
    PT_LI,
    PT_LBL,
    PT_LBODY,
    PT_TABLE,
    PT_TR,
    PT_TH,
    PT_TD,
    PT_FIGURE,
} pt_role;

typedef struct pt_elem pt_elem;

#define PT_DEPTH 8
#define PT_FONTS 2

typedef struct pt_tags {
    HPDF_Doc pdf;
    HPDF_Dict root;        /* StructTreeRoot */
    HPDF_Array nums;       /* its ParentTree's /Nums */
    pt_elem *stack[PT_DEPTH]; /* open containers: Document, then Table, TR, L, LI */
    int depth;
    /* the elements what is drawn now belongs to, innermost last (none: an artifact); an
     * element begun lazily is made when something is first drawn for it */
    struct pt_frame {
        pt_elem *elem;
        pt_role role;
        char *alt;
    } frames[PT_DEPTH];
    int n_frames;
    int artifact;          /* > 0: what is drawn now is decoration, whatever the leaf */
    const char *artifact_props; /* its property list (a running head's), or NULL */
    bool h1_used;          /* the title's H1 is made once */
    /* the page being drawn and the marked-content sequence open on it */
    HPDF_Page page;
    HPDF_Array page_parents; /* the page's ParentTree entry: MCID -> element */
    int next_mcid;
    int next_key;          /* ParentTreeNextKey */
    bool open;             /* a sequence is open on `page` */
    pt_elem *open_elem;    /* ... for this element (NULL: /Artifact) */
    const char *open_props; /* ... an /Artifact with this property list */
    bool finished;
    /* the code points drawn in each font (regular, bold), for its ToUnicode map */
    HPDF_Font fonts[PT_FONTS];
    uint32_t *used[PT_FONTS];
    /* elements, freed with the tags */
    pt_elem **all;
    size_t n_all, cap_all;
} pt_tags;

/* Starts the structure tree (a Document element under the StructTreeRoot). fonts: the two
 * fonts text is drawn in. */
void pt_open(pt_tags *t, HPDF_Doc pdf, HPDF_Font regular, HPDF_Font bold);
void pt_free(pt_tags *t);

/* A new page: ends the sequence open on the last one, gives the page its /StructParents and
 * /Tabs /S, and begins its running head: a pagination artifact, until pt_artifact_end. */
void pt_page_begin(pt_tags *t, HPDF_Page page);

/* Containers (Table, TR, L, LI): children made until pt_pop go under it. A list item outside
 * a list opens one (L), and anything else closes the list it follows. */
pt_elem *pt_push(pt_tags *t, pt_role role);
void pt_pop(pt_tags *t);
/* A new element under the open container; what is drawn next belongs to it, until pt_end
 * (which returns to the element begun before it). alt: a Figure's alternative text (UTF-8),
 * else NULL. A second H1 is made an H2. */
pt_elem *pt_begin(pt_tags *t, pt_role role, const char *alt);
/* As pt_begin, but the element is made when something is first drawn for it: what is drawn
 * before that (a waiting heading) comes before it in the tree too. */
void pt_begin_lazily(pt_tags *t, pt_role role, const char *alt);
/* What is drawn next belongs to e again (a table cell continued on the next page), until pt_end. */
void pt_resume(pt_tags *t, pt_elem *e);
void pt_end(pt_tags *t);
/* A header cell's /Scope ("Column" or "Row"), set through an attribute object /O /Table. */
void pt_scope(pt_elem *e, const char *scope);
/* Decoration drawn between these is an /Artifact, whatever element is open. Nest. */
void pt_artifact_begin(pt_tags *t);
void pt_artifact_end(pt_tags *t);

/* Before anything is drawn on `page`: opens the sequence for what it belongs to. */
void pt_sync(pt_tags *t, HPDF_Page page);
/* The character at u[0, len) as libharu's UTF-8 encoder reads it (hpdf_encoder_utf.c): a byte
 * below 0x80 is one; C0-DF, E0-EF and F0-F7 start one of 2, 3 and 4 bytes, whatever follows
 * them; a 4-byte one is decoded without masking its second byte, and anything above U+FFFF is
 * a space. Returns the bytes it takes, with *cp its code point, or UINT_MAX for a byte that
 * reads as nothing (a stray continuation byte, F8-FF); 0 for a sequence cut off by the end. */
size_t pt_utf8_char(const unsigned char *u, size_t len, unsigned *cp);
/* Text about to be drawn in font f (UTF-8, read as libharu's UTF-8 encoder reads it). */
void pt_note_text(pt_tags *t, HPDF_Font f, const char *s);

/* Ends the last page's sequence; after this, drawing is untracked (the running foot is
 * written as an artifact with pt_raw_artifact). */
void pt_close_pages(pt_tags *t);
/* Around the running foot, on a page already drawn: a pagination artifact. */
void pt_raw_running_foot(HPDF_Page page, bool begin);
/* The catalog's /StructTreeRoot, /MarkInfo, /Lang, /ViewerPreferences and XMP /Metadata,
 * PDF 1.7, and each font's ToUnicode map of the characters drawn. title: UTF-8. */
void pt_finish(pt_tags *t, const char *title, const char *lang);

#endif
