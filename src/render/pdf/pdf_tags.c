/* pdf_tags.c - marked content, the structure tree and the document's accessibility entries,
 * built by calling libharu 2.3.0's exported object functions (pdf_tags.h). */
#include "render/pdf/pdf_tags.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

struct pt_elem {
    HPDF_Dict dict;
    HPDF_Array kids;  /* /K: child elements, or this page's MCIDs and other pages' MCRs */
    HPDF_Page pg;     /* /Pg: the first page with its content */
    pt_role role;
};

static const char *const ROLE_NAME[] = {
    [PT_DOCUMENT] = "Document", [PT_H1] = "H1",   [PT_H2] = "H2",       [PT_H3] = "H3",       [PT_H4] = "H4",       [PT_P] = "P",
    [PT_L] = "L",               [PT_LI] = "LI",   [PT_LBL] = "Lbl",     [PT_LBODY] = "LBody", [PT_TABLE] = "Table",
    [PT_TR] = "TR",             [PT_TH] = "TH",   [PT_TD] = "TD",       [PT_FIGURE] = "Figure",
};

static HPDF_MMgr mmgr_of(const pt_tags *t)
{
    return t->pdf->mmgr;
}

/* A dictionary written as an object of its own (referred to where it is used). */
static HPDF_Dict indirect_dict(pt_tags *t)
{
    HPDF_Dict d = HPDF_Dict_New(mmgr_of(t));
    if (d && HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK)
        return NULL; /* libharu freed it and reported the error */
    return d;
}

/* A text string as UTF-16BE with its byte-order mark (written as a hex string). */
static HPDF_Binary text_string(pt_tags *t, const char *utf8)
{
    size_t n = strlen(utf8);
    unsigned char *buf = malloc(2 + 4 * n + 2), *o = buf;
    if (!buf)
        return NULL;
    *o++ = 0xFE, *o++ = 0xFF;
    const unsigned char *s = (const unsigned char *)utf8;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i], len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        if (i + len > n)
            len = 1, c = 0xFFFD;
        else if (len == 2)
            c = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
        else if (len == 3)
            c = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
        else if (len == 4)
            c = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
        else if (c >= 0x80)
            c = 0xFFFD;
        i += len;
        if (c > 0xFFFF) {
            c -= 0x10000;
            unsigned hi = 0xD800 + (c >> 10), lo = 0xDC00 + (c & 0x3FF);
            *o++ = (unsigned char)(hi >> 8), *o++ = (unsigned char)hi;
            *o++ = (unsigned char)(lo >> 8), *o++ = (unsigned char)lo;
        } else {
            *o++ = (unsigned char)(c >> 8), *o++ = (unsigned char)c;
        }
    }
    size_t len = (size_t)(o - buf);
    if (len > HPDF_LIMIT_MAX_STRING_LEN)
        len = HPDF_LIMIT_MAX_STRING_LEN & ~(size_t)1;
    HPDF_Binary b = HPDF_Binary_New(mmgr_of(t), buf, (HPDF_UINT)len);
    free(buf);
    return b;
}

static pt_elem *new_elem(pt_tags *t, pt_role role, HPDF_Dict parent, HPDF_Array siblings)
{
    pt_elem *e = calloc(1, sizeof *e);
    if (!e)
        abort();
    if (t->n_all == t->cap_all) {
        t->cap_all = t->cap_all ? 2 * t->cap_all : 256;
        t->all = sp_xrealloc(t->all, t->cap_all * sizeof *t->all);
    }
    t->all[t->n_all++] = e;
    e->role = role;
    e->dict = indirect_dict(t);
    e->kids = HPDF_Array_New(mmgr_of(t));
    if (!e->dict || !e->kids)
        return e;
    HPDF_Dict_AddName(e->dict, "Type", "StructElem");
    HPDF_Dict_AddName(e->dict, "S", ROLE_NAME[role]);
    HPDF_Dict_Add(e->dict, "P", parent);
    HPDF_Dict_Add(e->dict, "K", e->kids);
    HPDF_Array_Add(siblings, e->dict);
    return e;
}

void pt_open(pt_tags *t, HPDF_Doc pdf, HPDF_Font regular, HPDF_Font bold)
{
    memset(t, 0, sizeof *t);
    t->pdf = pdf;
    t->fonts[0] = regular;
    t->fonts[1] = bold;
    for (int i = 0; i < PT_FONTS; i++)
        t->used[i] = sp_xrealloc(NULL, 65536 / 8);
    for (int i = 0; i < PT_FONTS; i++)
        memset(t->used[i], 0, 65536 / 8);
    t->root = indirect_dict(t);
    HPDF_Dict tree = indirect_dict(t);
    t->nums = HPDF_Array_New(mmgr_of(t));
    HPDF_Array top = HPDF_Array_New(mmgr_of(t));
    if (!t->root || !tree || !t->nums || !top)
        return;
    HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot");
    HPDF_Dict_Add(tree, "Nums", t->nums);
    HPDF_Dict_Add(t->root, "ParentTree", tree);
    HPDF_Dict_Add(t->root, "K", top);
    t->stack[t->depth++] = new_elem(t, PT_DOCUMENT, t->root, top);
}

void pt_free(pt_tags *t)
{
    for (size_t i = 0; i < t->n_all; i++)
        free(t->all[i]);
    free(t->all);
    for (int i = 0; i < PT_FONTS; i++)
        free(t->used[i]);
    while (t->n_frames)
        pt_end(t);
    memset(t, 0, sizeof *t);
}

/* ---- the content stream ------------------------------------------------------------------ */

static HPDF_PageAttr page_attr(HPDF_Page page)
{
    return (HPDF_PageAttr)page->attr;
}

static void write_raw(HPDF_Page page, const char *ops)
{
    HPDF_Stream_WriteStr(page_attr(page)->stream, ops);
}

static void close_sequence(pt_tags *t)
{
    if (t->open && t->page)
        write_raw(t->page, "EMC\012");
    t->open = false;
    t->open_elem = NULL;
}

/* Marks the next sequence on the page as e's content: an MCID in the page's ParentTree entry
 * and in e's /K (an MCR where the page is not e's /Pg). */
static int next_mcid(pt_tags *t, pt_elem *e)
{
    int mcid = t->next_mcid++;
    HPDF_Array_Add(t->page_parents, e->dict);
    if (!e->pg) {
        e->pg = t->page;
        HPDF_Dict_Add(e->dict, "Pg", t->page);
    }
    if (e->pg == t->page) {
        HPDF_Array_AddNumber(e->kids, mcid);
    } else {
        HPDF_Dict mcr = HPDF_Dict_New(mmgr_of(t));
        if (!mcr)
            return mcid;
        HPDF_Dict_AddName(mcr, "Type", "MCR");
        HPDF_Dict_Add(mcr, "Pg", t->page);
        HPDF_Dict_AddNumber(mcr, "MCID", mcid);
        HPDF_Array_Add(e->kids, mcr);
    }
    return mcid;
}

#define PT_HEADER "<</Type /Pagination /Subtype /Header>>"
#define PT_FOOTER "<</Type /Pagination /Subtype /Footer>>"

static void open_sequence(pt_tags *t, pt_elem *e, const char *props)
{
    t->open_props = e ? NULL : props;
    if (!e && props) {
        write_raw(t->page, "/Artifact ");
        write_raw(t->page, props);
        write_raw(t->page, " BDC\012");
    } else if (!e) {
        write_raw(t->page, "/Artifact BMC\012");
    } else {
        char buf[64];
        snprintf(buf, sizeof buf, "/%s <</MCID %d>> BDC\012", ROLE_NAME[e->role], next_mcid(t, e));
        write_raw(t->page, buf);
    }
    t->open = true;
    t->open_elem = e;
}

static pt_elem *make_elem(pt_tags *t, pt_role role, const char *alt);

void pt_sync(pt_tags *t, HPDF_Page page)
{
    if (t->finished || !page || page != t->page || !t->root)
        return;
    struct pt_frame *f = t->n_frames ? &t->frames[t->n_frames - 1] : NULL;
    if (f && !f->elem && t->artifact == 0)
        f->elem = make_elem(t, f->role, f->alt);
    pt_elem *want = t->artifact > 0 || !f ? NULL : f->elem;
    const char *props = t->artifact > 0 ? t->artifact_props : NULL;
    if (t->open && t->open_elem == want && t->open_props == props)
        return;
    /* operators are switched only between objects: never inside BT/ET or a path */
    if (page_attr(page)->gmode != HPDF_GMODE_PAGE_DESCRIPTION)
        return;
    close_sequence(t);
    open_sequence(t, want, props);
}

void pt_page_begin(pt_tags *t, HPDF_Page page)
{
    if (t->finished || !t->root)
        return;
    close_sequence(t);
    t->page = page;
    t->next_mcid = 0;
    t->page_parents = HPDF_Array_New(mmgr_of(t));
    HPDF_Array_AddNumber(t->nums, t->next_key);
    HPDF_Array_Add(t->nums, t->page_parents);
    HPDF_Dict_AddNumber(page, "StructParents", t->next_key++);
    HPDF_Dict_AddName(page, "Tabs", "S");
    t->artifact++;
    t->artifact_props = PT_HEADER;
    open_sequence(t, NULL, PT_HEADER);
}

void pt_close_pages(pt_tags *t)
{
    close_sequence(t);
    t->finished = true;
}

void pt_raw_running_foot(HPDF_Page page, bool begin)
{
    write_raw(page, begin ? "/Artifact " PT_FOOTER " BDC\012" : "EMC\012");
}

/* ---- the structure ------------------------------------------------------------------------ */

static pt_elem *top(pt_tags *t)
{
    return t->stack[t->depth - 1];
}

/* The container a new element of this role goes in: a list item opens a list, and anything
 * else ends the list before it. */
static pt_elem *container_for(pt_tags *t, pt_role role)
{
    if (role == PT_LI && top(t)->role != PT_L)
        pt_push(t, PT_L);
    else if (role != PT_LI && top(t)->role == PT_L && t->depth > 1)
        t->depth--;
    return top(t);
}

pt_elem *pt_push(pt_tags *t, pt_role role)
{
    if (!t->root || t->depth == 0)
        return NULL;
    pt_elem *parent = container_for(t, role);
    pt_elem *e = new_elem(t, role, parent->dict, parent->kids);
    if (t->depth < PT_DEPTH)
        t->stack[t->depth++] = e;
    return e;
}

void pt_pop(pt_tags *t)
{
    if (t->depth > 1 && top(t)->role == PT_L)
        t->depth--; /* a list ends with its container */
    if (t->depth > 1)
        t->depth--;
}

static pt_elem *make_elem(pt_tags *t, pt_role role, const char *alt)
{
    if (role == PT_H1) {
        if (t->h1_used)
            role = PT_H2;
        t->h1_used = true;
    }
    pt_elem *parent = role == PT_LBL || role == PT_LBODY ? top(t) : container_for(t, role);
    pt_elem *e = new_elem(t, role, parent->dict, parent->kids);
    if (alt && e->dict)
        HPDF_Dict_Add(e->dict, "Alt", text_string(t, alt));
    return e;
}

static struct pt_frame *push_frame(pt_tags *t, pt_role role, const char *alt)
{
    if (t->n_frames == PT_DEPTH)
        abort(); /* the engine nests at most a block in a block */
    struct pt_frame *f = &t->frames[t->n_frames++];
    *f = (struct pt_frame){NULL, role, NULL};
    if (alt) {
        size_t n = strlen(alt) + 1;
        f->alt = memcpy(sp_xrealloc(NULL, n), alt, n);
    }
    return f;
}

pt_elem *pt_begin(pt_tags *t, pt_role role, const char *alt)
{
    if (!t->root || t->depth == 0)
        return NULL;
    struct pt_frame *f = push_frame(t, role, alt);
    f->elem = make_elem(t, role, alt);
    if (role == PT_FIGURE)
        pt_sync(t, t->page); /* a figure's drawing starts with paths, not text */
    return f->elem;
}

void pt_begin_lazily(pt_tags *t, pt_role role, const char *alt)
{
    if (t->root && t->depth > 0)
        push_frame(t, role, alt);
}

void pt_resume(pt_tags *t, pt_elem *e)
{
    if (t->root && e)
        push_frame(t, e->role, NULL)->elem = e;
}

void pt_end(pt_tags *t)
{
    if (t->n_frames == 0)
        return;
    struct pt_frame *f = &t->frames[--t->n_frames];
    free(f->alt);
    f->alt = NULL;
}

void pt_scope(pt_elem *e, const char *scope)
{
    if (!e || !e->dict)
        return;
    HPDF_Dict a = HPDF_Dict_New(e->dict->mmgr);
    if (!a)
        return;
    HPDF_Dict_AddName(a, "O", "Table");
    HPDF_Dict_AddName(a, "Scope", scope);
    HPDF_Dict_Add(e->dict, "A", a);
}

void pt_artifact_begin(pt_tags *t)
{
    t->artifact++;
    pt_sync(t, t->page); /* decoration is mostly paths */
}

void pt_artifact_end(pt_tags *t)
{
    if (t->artifact > 0)
        t->artifact--;
    if (t->artifact == 0)
        t->artifact_props = NULL;
}


/* ---- characters drawn, for the ToUnicode maps --------------------------------------------- */

size_t pt_utf8_char(const unsigned char *u, size_t len, unsigned *cp)
{
    unsigned b = u[0];
    size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0) {
        *cp = UINT_MAX;
        return 1;
    }
    if (len < n)
        return 0;
    if (n == 1)
        *cp = b;
    else if (n == 2)
        *cp = ((b & 0x1Fu) << 6) + (u[1] & 0x3Fu);
    else if (n == 3)
        *cp = ((b & 0x0Fu) << 12) + ((u[1] & 0x3Fu) << 6) + (u[2] & 0x3Fu);
    else
        *cp = ((b & 0x07u) << 18) + ((unsigned)u[1] << 12) + ((u[2] & 0x3Fu) << 6) + (u[3] & 0x3Fu);
    if (*cp > 0xFFFF)
        *cp = ' ';
    return n;
}

void pt_note_text(pt_tags *t, HPDF_Font f, const char *s)
{
    int fi = f == t->fonts[0] ? 0 : f == t->fonts[1] ? 1 : -1;
    if (fi < 0 || !t->used[fi])
        return;
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), n;
    unsigned cp;
    for (size_t i = 0; i < len && (n = pt_utf8_char(u + i, len - i, &cp)) > 0; i += n)
        if (cp != UINT_MAX)
            t->used[fi][cp / 32] |= UINT32_C(1) << (cp % 32);
}

static bool used(const uint32_t *bits, unsigned cp)
{
    return cp >= 0xD800 && cp <= 0xDFFF ? false : (bits[cp / 32] >> (cp % 32)) & 1;
}

/* Writes `kind` blocks ("bfchar", "bfrange") of at most 100 lines. */
static void write_blocks(HPDF_Stream s, const char *kind, const unsigned (*runs)[2], size_t n)
{
    char buf[64];
    for (size_t i = 0; i < n; i += 100) {
        size_t k = n - i < 100 ? n - i : 100;
        snprintf(buf, sizeof buf, "%zu begin%s\012", k, kind);
        HPDF_Stream_WriteStr(s, buf);
        for (size_t j = i; j < i + k; j++) {
            if (runs[j][0] == runs[j][1])
                snprintf(buf, sizeof buf, "<%04X> <%04X>\012", runs[j][0], runs[j][0]);
            else
                snprintf(buf, sizeof buf, "<%04X> <%04X> <%04X>\012", runs[j][0], runs[j][1], runs[j][0]);
            HPDF_Stream_WriteStr(s, buf);
        }
        snprintf(buf, sizeof buf, "end%s\012", kind);
        HPDF_Stream_WriteStr(s, buf);
    }
}

/* The font's ToUnicode map, in place of libharu's (whose "begincidrange" a ToUnicode map may
 * not use). With libharu's UTF-8 encoder a character's code is its code point (Identity-H;
 * the CIDToGIDMap takes it to the glyph), so each code drawn maps to itself: single codes as
 * bfchar, runs sharing their first byte as bfrange. */
static void write_to_unicode(HPDF_Font font, const uint32_t *bits)
{
    HPDF_FontAttr attr = font ? (HPDF_FontAttr)font->attr : NULL;
    HPDF_Dict cmap = attr ? attr->cmap_stream : NULL;
    if (!cmap || !cmap->stream)
        return;
    static const char *const CMAP_KEYS[] = {"Type", "CMapName", "CIDSystemInfo", "WMode"};
    for (size_t i = 0; i < sizeof CMAP_KEYS / sizeof CMAP_KEYS[0]; i++)
        HPDF_Dict_RemoveElement(cmap, CMAP_KEYS[i]); /* a CMap's entries, not a ToUnicode stream's */
    HPDF_MemStream_FreeData(cmap->stream);
    unsigned (*singles)[2] = sp_xrealloc(NULL, 65536 * sizeof *singles);
    unsigned (*ranges)[2] = sp_xrealloc(NULL, 65536 * sizeof *ranges);
    size_t n_singles = 0, n_ranges = 0;
    for (unsigned cp = 0; cp < 0x10000;) {
        if (!used(bits, cp)) {
            cp++;
            continue;
        }
        unsigned end = cp;
        while (end + 1 < 0x10000 && (end + 1) >> 8 == cp >> 8 && used(bits, end + 1))
            end++;
        unsigned (*to)[2] = end == cp ? &singles[n_singles++] : &ranges[n_ranges++];
        (*to)[0] = cp, (*to)[1] = end;
        cp = end + 1;
    }
    HPDF_Stream s = cmap->stream;
    HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\01212 dict begin\012begincmap\012"
                            "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\012"
                            "/CMapName /Adobe-Identity-UCS def\012/CMapType 2 def\012"
                            "1 begincodespacerange\012<0000> <FFFF>\012endcodespacerange\012");
    write_blocks(s, "bfchar", (const unsigned(*)[2])singles, n_singles);
    write_blocks(s, "bfrange", (const unsigned(*)[2])ranges, n_ranges);
    HPDF_Stream_WriteStr(s, "endcmap\012CMapName currentdict /CMap defineresource pop\012end\012end\012");
    free(singles);
    free(ranges);
}

/* ---- the document ------------------------------------------------------------------------- */

static void xml_text(HPDF_Stream s, const char *text)
{
    char one[2] = {0, 0};
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '&': HPDF_Stream_WriteStr(s, "&amp;"); break;
        case '<': HPDF_Stream_WriteStr(s, "&lt;"); break;
        case '>': HPDF_Stream_WriteStr(s, "&gt;"); break;
        default:
            if ((unsigned char)*p < 0x20)
                break; /* no control characters in XML 1.0 */
            one[0] = *p;
            HPDF_Stream_WriteStr(s, one);
        }
    }
}

/* XMP with the title (PDF/UA-1 7.1: dc:title) and the PDF/UA identification. */
static HPDF_Dict xmp_metadata(pt_tags *t, const char *title, const char *lang)
{
    HPDF_Dict m = HPDF_DictStream_New(mmgr_of(t), t->pdf->xref);
    if (!m)
        return NULL;
    HPDF_Dict_AddName(m, "Type", "Metadata");
    HPDF_Dict_AddName(m, "Subtype", "XML");
    m->filter = HPDF_STREAM_FILTER_NONE; /* left readable, as XMP asks */
    HPDF_Stream s = m->stream;
    HPDF_Stream_WriteStr(s, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\012"
                            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\012"
                            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\012"
                            "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\012"
                            "<dc:format>application/pdf</dc:format>\012"
                            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
    xml_text(s, title);
    HPDF_Stream_WriteStr(s, "</rdf:li></rdf:Alt></dc:title>\012<dc:language><rdf:Bag><rdf:li>");
    xml_text(s, lang);
    HPDF_Stream_WriteStr(s, "</rdf:li></rdf:Bag></dc:language>\012</rdf:Description>\012"
                            "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\012"
                            "<pdfuaid:part>1</pdfuaid:part>\012</rdf:Description>\012"
                            "</rdf:RDF>\012</x:xmpmeta>\012<?xpacket end=\"r\"?>");
    return m;
}

void pt_finish(pt_tags *t, const char *title, const char *lang)
{
    if (!t->root)
        return;
    pt_close_pages(t);
    HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", t->next_key);
    HPDF_Dict catalog = t->pdf->catalog;
    HPDF_MMgr mm = mmgr_of(t);
    HPDF_Dict_Add(catalog, "StructTreeRoot", t->root);
    HPDF_Dict mark = HPDF_Dict_New(mm);
    if (mark) {
        HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
        HPDF_Dict_Add(catalog, "MarkInfo", mark);
    }
    HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(mm, lang, NULL));
    HPDF_Dict prefs = HPDF_Dict_GetItem(catalog, "ViewerPreferences", HPDF_OCLASS_DICT);
    if (!prefs && (prefs = HPDF_Dict_New(mm)) != NULL)
        HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
    if (prefs)
        HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict xmp = xmp_metadata(t, title, lang);
    if (xmp)
        HPDF_Dict_Add(catalog, "Metadata", xmp);
    t->pdf->pdf_version = HPDF_VER_17; /* structure, /Lang and XMP: PDF/UA-1 is based on PDF 1.7 */
    for (int i = 0; i < PT_FONTS; i++)
        write_to_unicode(t->fonts[i], t->used[i]);
}
