#include "render/pdf/pdf_doc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/style.h"
#include "util/text.h"

#define PD_LEADING 1.3f /* line height as a multiple of the type size */

/* libharu's error codes in words: what a person can act on, the code kept for a bug report. */
static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    pd_doc *d = user;
    int saved = errno; /* a failed fwrite's reason, before anything else can change it */
    if (d->failed)
        return;
    d->failed = true;
    switch (error) {
    case HPDF_FILE_IO_ERROR:
        snprintf(d->err, sizeof d->err, "cannot write the PDF: %s", strerror(saved ? saved : EIO));
        break;
    case HPDF_FILE_OPEN_ERROR:
        snprintf(d->err, sizeof d->err, "cannot open the PDF file: %s", strerror(saved ? saved : EIO));
        break;
    case HPDF_FAILD_TO_ALLOC_MEM:
        snprintf(d->err, sizeof d->err, "out of memory while making the PDF");
        break;
    case HPDF_STRING_OUT_OF_RANGE:
        snprintf(d->err, sizeof d->err, "a text too long for the PDF library to draw (libharu error 0x%04X)",
                 (unsigned)error);
        break;
    default:
        snprintf(d->err, sizeof d->err,
                 "the PDF library failed (libharu error 0x%04X, detail %u): please report it with the input",
                 (unsigned)error, (unsigned)detail);
    }
}

void pd_fill_rgb(pd_doc *d, unsigned rgb)
{
    if (d->cur_fill == (long)rgb)
        return;
    d->cur_fill = (long)rgb;
    HPDF_Page_SetRGBFill(d->page, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f);
}

void pd_stroke_rgb(pd_doc *d, unsigned rgb)
{
    if (d->cur_stroke == (long)rgb)
        return;
    d->cur_stroke = (long)rgb;
    HPDF_Page_SetRGBStroke(d->page, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f,
                           (rgb & 0xFF) / 255.0f);
}

void pd_line_width(pd_doc *d, float width)
{
    if (d->cur_line_width == width)
        return;
    d->cur_line_width = width;
    HPDF_Page_SetLineWidth(d->page, width);
}

/* A page's graphics state starts afresh: nothing is known to be set on it. */
static void forget_state(pd_doc *d)
{
    d->cur_font = NULL;
    d->cur_size = 0;
    d->cur_line_width = 0;
    d->cur_fill = d->cur_stroke = -1;
}

static void use_font(pd_doc *d, HPDF_Font f, float size)
{
    if (d->cur_font == f && d->cur_size == size)
        return;
    d->cur_font = f;
    d->cur_size = size;
    HPDF_Page_SetFontAndSize(d->page, f, size);
}

bool pd_open(pd_doc *d, const char *header_left, const char *header_right, float scale)
{
    memset(d, 0, sizeof *d);
    d->scale = scale;
    d->pdf = HPDF_New(on_error, d);
    if (!d->pdf) {
        snprintf(d->err, sizeof d->err, "cannot start a PDF document");
        return false;
    }
    HPDF_SetCompressionMode(d->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(d->pdf);
    HPDF_SetCurrentEncoder(d->pdf, "UTF-8");
    const char *regular = HPDF_LoadTTFontFromFile(d->pdf, SENDPACK_FONT_DIR "/LiberationSans-Regular.ttf", HPDF_TRUE);
    const char *bold = HPDF_LoadTTFontFromFile(d->pdf, SENDPACK_FONT_DIR "/LiberationSans-Bold.ttf", HPDF_TRUE);
    if (!regular || !bold) {
        snprintf(d->err, sizeof d->err, "cannot load Liberation Sans from %s: install fonts-liberation2",
                 SENDPACK_FONT_DIR);
        d->failed = true;
        return false;
    }
    d->regular = HPDF_GetFont(d->pdf, regular, "UTF-8");
    d->bold = HPDF_GetFont(d->pdf, bold, "UTF-8");
    d->widths[0].font = d->regular;
    d->widths[1].font = d->bold;
    pt_open(&d->tags, d->pdf, d->regular, d->bold);
    d->header_left = header_left;
    d->header_right = header_right;
    return !d->failed;
}

/* ---- measuring ------------------------------------------------------------------------- */

/* The font's widths in thousandths of the type size, summed over len bytes: measuring this
 * way writes nothing into the page (HPDF_Page_TextWidth needs a Tf in the stream first).
 *
 * libharu 2.3.0 looks each character's glyph up afresh on every call (a search of the font's
 * cmap), and the engine measures the same words many times over (wrapping, hyphen prefixes,
 * column needs); so each character is measured by libharu once per document and font, and
 * its width kept. The sum is HPDF_Font_TextWidth's .width exactly, reading the bytes as its
 * UTF-8 encoder does (pt_utf8_char; hpdf_encoder_utf.c, hpdf_font_cid.c; tests/unit/test_pdf_measure.c):
 * a byte that reads as nothing counts nothing, nor does a sequence cut off by the end of the
 * text; .width adds each character's width in font units (HPDF_TTFontDef_GetCharWidth), with
 * no kerning and nothing for spaces beyond their own width (numspace and numwords only count).
 * A character's width comes from HPDF_Font_TextWidth on its own bytes, so libharu still sees
 * every character measured at least once: measuring marks the glyph for the embedded subset. */
static pd_widths *widths_for(pd_doc *d, HPDF_Font f)
{
    for (size_t i = 0; i < sizeof d->widths / sizeof d->widths[0]; i++)
        if (d->widths[i].font == f && f)
            return &d->widths[i];
    return NULL;
}

/* libharu refuses a text over HPDF_LIMIT_MAX_STRING_LEN bytes (error 0x105B): a longer one (an
 * unbroken 64 KiB "word") is measured in pieces, cut between characters; widths add up, as no
 * kerning is applied. The wrapping then breaks it into lines libharu can draw. */
static unsigned libharu_units(HPDF_Font f, const char *s, size_t len)
{
    unsigned total = 0;
    while (len > HPDF_LIMIT_MAX_STRING_LEN) {
        size_t n = HPDF_LIMIT_MAX_STRING_LEN;
        while (n > 1 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        total += HPDF_Font_TextWidth(f, (const HPDF_BYTE *)s, (HPDF_UINT)n).width;
        s += n;
        len -= n;
    }
    return total + HPDF_Font_TextWidth(f, (const HPDF_BYTE *)s, (HPDF_UINT)len).width;
}

unsigned pd_text_units(pd_doc *d, HPDF_Font f, const char *s, size_t len)
{
    pd_widths *c = widths_for(d, f);
    if (!c)
        return libharu_units(f, s, len);
    if (!c->units) {
        c->units = sp_xrealloc(NULL, PD_WIDTH_CACHED * sizeof *c->units);
        c->known = sp_xrealloc(NULL, PD_WIDTH_CACHED * sizeof *c->known);
        memset(c->known, 0, PD_WIDTH_CACHED * sizeof *c->known);
    }
    const unsigned char *u = (const unsigned char *)s;
    unsigned total = 0, cp;
    size_t n;
    for (size_t i = 0; i < len && (n = pt_utf8_char(u + i, len - i, &cp)) > 0; i += n) {
        if (cp == UINT_MAX)
            continue;
        if (cp < PD_WIDTH_CACHED) {
            if (!c->known[cp]) {
                c->units[cp] = libharu_units(f, s + i, n);
                c->known[cp] = 1;
            }
            total += c->units[cp];
        } else {
            total += libharu_units(f, s + i, n);
        }
    }
    return total;
}

/* As HPDF_Page_TextWidth computes it (no character or word spacing is ever set). */
static float units_to_points(unsigned units, float size)
{
    return (float)units * size / 1000;
}

static float width_of(pd_doc *d, HPDF_Font f, float size, const char *s, size_t len)
{
    return units_to_points(pd_text_units(d, f, s, len), size);
}

float pd_text_width(pd_doc *d, HPDF_Font f, float size, const char *s)
{
    return s ? width_of(d, f, size, s, strlen(s)) : 0;
}

/* ---- drawing primitives (the engine's own: they do not settle what is waiting) ---------- */

static void text_at(pd_doc *d, HPDF_Font f, float size, float x, float y, const char *s, unsigned rgb)
{
    if (!s || !s[0])
        return;
    pt_sync(&d->tags, d->page);
    pt_note_text(&d->tags, f, s);
    pd_fill_rgb(d, rgb);
    HPDF_Page_BeginText(d->page);
    use_font(d, f, size);
    HPDF_Page_TextOut(d->page, x, y, s);
    HPDF_Page_EndText(d->page);
}

static void fill_rect(pd_doc *d, float x, float y, float w, float h, unsigned rgb)
{
    pt_sync(&d->tags, d->page);
    pd_fill_rgb(d, rgb);
    HPDF_Page_Rectangle(d->page, x, y, w, h);
    HPDF_Page_Fill(d->page);
}

static void new_page(pd_doc *d)
{
    d->page = HPDF_AddPage(d->pdf);
    forget_state(d);
    HPDF_Page_SetSize(d->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    *sp_vec_push(&d->pages) = d->page;
    pt_page_begin(&d->tags, d->page); /* the running head, until pt_artifact_end */
    /* header: plan title left (cut to fit), report date right, a rule under them */
    float size = 8;
    float right_w = pd_text_width(d, d->regular, size, d->header_right);
    text_at(d, d->regular, size, PD_PAGE_W - PD_MARGIN_X - right_w, PD_PAGE_H - 30, d->header_right, 0x404040);
    const char **lines;
    size_t n = pd_wrap(d, d->regular, size, d->header_left, PD_BODY_W - right_w - 20, &lines);
    text_at(d, d->regular, size, PD_MARGIN_X, PD_PAGE_H - 30, n ? lines[0] : "", 0x404040);
    pd_stroke_rgb(d, 0xA6A6A6);
    pd_line_width(d, 0.5f);
    HPDF_Page_MoveTo(d->page, PD_MARGIN_X, PD_PAGE_H - 36);
    HPDF_Page_LineTo(d->page, PD_PAGE_W - PD_MARGIN_X, PD_PAGE_H - 36);
    HPDF_Page_Stroke(d->page);
    pt_artifact_end(&d->tags);
    d->y = PD_TOP;
}

static void ensure(pd_doc *d, float height)
{
    if (!d->page || d->y - height < PD_BOTTOM)
        new_page(d);
}

/* ---- wrapping ------------------------------------------------------------------------ */

typedef SP_VEC(const char *) line_vec;

/* The line being built, in d->line_buf: appended to per word, copied out once when full. */
typedef struct line_builder {
    size_t len;
    unsigned units; /* its width in font units */
} line_builder;

static void line_append(pd_doc *d, line_builder *b, const char *s, size_t n)
{
    if (b->len + n + 1 > d->line_cap) {
        d->line_cap = (b->len + n + 1) * 2 + 256;
        d->line_buf = sp_xrealloc(d->line_buf, d->line_cap);
    }
    memcpy(d->line_buf + b->len, s, n);
    b->len += n;
}

static void line_emit(pd_doc *d, line_builder *b, line_vec *out)
{
    *sp_vec_push(out) = sp_arena_strndup(&d->arena, d->line_buf ? d->line_buf : "", b->len);
    b->len = 0;
    b->units = 0;
}

/* Breaks a word wider than the line between characters, never inside a UTF-8 sequence;
 * the last piece is left in the builder. Character widths add up exactly (no kerning). */
static void break_word(pd_doc *d, HPDF_Font f, float size, const char *w, size_t len, float width, line_vec *out,
                       line_builder *b)
{
    size_t start = 0;
    unsigned units = 0;
    for (size_t i = 0; i < len;) {
        size_t next = i + 1;
        while (next < len && ((unsigned char)w[next] & 0xC0) == 0x80)
            next++;
        unsigned cw = pd_text_units(d, f, w + i, next - i);
        if (units_to_points(units + cw, size) > width && i > start) {
            line_append(d, b, w + start, i - start);
            line_emit(d, b, out);
            start = i;
            units = 0;
        }
        units += cw;
        i = next;
    }
    line_append(d, b, w + start, len - start);
    b->units = units;
}

static bool letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Where a line may break inside a word: after a hyphen between letters ("co-|production",
 * not "0-|25" or "12-|month"). Returns the length of the longest such prefix of w[0, len)
 * no wider than `room`, or 0. */
static size_t hyphen_prefix(pd_doc *d, HPDF_Font f, float size, const char *w, size_t len, float room)
{
    size_t best = 0;
    for (size_t k = 1; k + 1 < len; k++) {
        if (w[k] != '-' || !letter((unsigned char)w[k - 1]) || !letter((unsigned char)w[k + 1]))
            continue;
        if (width_of(d, f, size, w, k + 1) > room)
            break;
        best = k + 1;
    }
    return best;
}

/* The widest piece of a word that no line break may divide: what its column needs. */
static float longest_piece(pd_doc *d, HPDF_Font f, float size, const char *w, size_t len)
{
    float most = 0;
    size_t start = 0;
    for (size_t k = 1; k <= len; k++) {
        bool cut = k == len || (w[k - 1] == '-' && k >= 2 && k < len && letter((unsigned char)w[k - 2]) &&
                                letter((unsigned char)w[k]));
        if (!cut)
            continue;
        float pw = width_of(d, f, size, w + start, k - start);
        most = pw > most ? pw : most;
        start = k;
    }
    return most;
}

size_t pd_wrap(pd_doc *d, HPDF_Font f, float size, const char *text, float width, const char ***lines)
{
    line_vec out = {0};
    float space = width_of(d, f, size, " ", 1);
    const char *p = text ? text : "";
    line_builder b = {0};
    do {
        size_t para_len = strcspn(p, "\n");
        /* one paragraph: greedy fill, measuring each word once (libharu does not kern) */
        bool started = false;
        float cur_w = 0;
        size_t i = 0;
        while (i < para_len) {
            while (i < para_len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
                i++;
            size_t start = i;
            while (i < para_len && p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
                i++;
            if (i == start)
                break;
            const char *w = p + start;
            size_t len = i - start;
            float ww = width_of(d, f, size, w, len);
            if (started && cur_w + space + ww <= width) {
                line_append(d, &b, " ", 1);
                line_append(d, &b, w, len);
                cur_w += space + ww;
                continue;
            }
            if (started) {
                /* the first part of a hyphenated word may still end this line */
                size_t head = hyphen_prefix(d, f, size, w, len, width - cur_w - space);
                if (head) {
                    line_append(d, &b, " ", 1);
                    line_append(d, &b, w, head);
                    w += head, len -= head;
                    ww = width_of(d, f, size, w, len);
                }
                line_emit(d, &b, &out);
            }
            started = true;
            /* a word wider than a line: whole parts at its hyphens, then characters */
            size_t head;
            while (ww > width && (head = hyphen_prefix(d, f, size, w, len, width)) > 0) {
                line_append(d, &b, w, head);
                line_emit(d, &b, &out);
                w += head, len -= head;
                ww = width_of(d, f, size, w, len);
            }
            if (ww <= width) {
                line_append(d, &b, w, len);
                cur_w = ww;
            } else {
                break_word(d, f, size, w, len, width, &out, &b);
                cur_w = units_to_points(b.units, size);
            }
        }
        line_emit(d, &b, &out);
        p += para_len;
    } while (*p++ == '\n');
    const char **copy = sp_arena_alloc(&d->arena, (out.n + 1) * sizeof *copy);
    memcpy(copy, out.items, out.n * sizeof *copy);
    size_t n = out.n;
    sp_vec_free(&out);
    *lines = copy;
    return n;
}

/* ---- what waits for the next block: headings and the table being collected ------------- */

static const float HEADING_SIZES[] = {18, 14, 11.5f};
#define PD_PENDING_MAX 200.0f /* the most that waits for a block: a quarter of a page */

static float heading_size(const pd_doc *d, int level)
{
    return HEADING_SIZES[level < 0 ? 0 : level > 2 ? 2 : level] * d->scale;
}

static float pending_height(pd_doc *d)
{
    float h = 0;
    for (size_t i = 0; i < d->pending.n; i++) {
        const pd_pending *e = &d->pending.items[i];
        if (e->lines) {
            h += (float)e->n_lines * e->size * PD_LEADING;
            continue;
        }
        if (!e->text) {
            h += e->space;
            continue;
        }
        float size = heading_size(d, e->level);
        const char **lines;
        size_t n = pd_wrap(d, d->bold, size, e->text, PD_BODY_W, &lines);
        h += (float)n * size * PD_LEADING + size * 0.8f;
    }
    return h;
}

static void draw_heading(pd_doc *d, const pd_pending *e)
{
    float size = heading_size(d, e->level);
    const char **lines;
    size_t n = pd_wrap(d, d->bold, size, e->text, PD_BODY_W, &lines);
    d->y -= size * 0.4f;
    HPDF_Destination dest = HPDF_Page_CreateDestination(d->page);
    HPDF_Destination_SetFitH(dest, d->y + size); /* libharu refuses an XYZ zoom of 0 ("keep") */
    pt_begin(&d->tags, e->level <= 0 ? PT_H1 : e->level == 1 ? PT_H2 : PT_H3, NULL);
    for (size_t i = 0; i < n; i++) {
        d->y -= size;
        text_at(d, d->bold, size, PD_MARGIN_X, d->y, pd_line(d, lines, n, i), 0x1F3864);
        d->y -= size * (PD_LEADING - 1);
    }
    pt_end(&d->tags);
    d->y -= size * 0.4f;
    HPDF_Outline_SetDestination(e->outline, dest);
}

#define PD_BULLET_LABEL "•" /* a list item's label */

static void draw_lines(pd_doc *d, const char **lines, size_t n, HPDF_Font f, float size, float indent)
{
    for (size_t i = 0; i < n; i++) {
        ensure(d, size * PD_LEADING);
        d->y -= size;
        text_at(d, f, size, PD_MARGIN_X + indent, d->y, pd_line(d, lines, n, i), SP_TEXT_DARK);
        d->y -= size * (PD_LEADING - 1);
    }
}

/* A paragraph (P or H4), or a list item (LI: the bullet its Lbl, the rest its LBody, drawn
 * where the one line would put them: libharu does not kern). */
static void draw_block(pd_doc *d, const char **lines, size_t n, HPDF_Font f, float size, float indent, pt_role role)
{
    size_t bullet = strlen(PD_BULLET_LABEL);
    if (role != PT_LI || !n || strncmp(lines[0], PD_BULLET_LABEL, bullet) != 0) {
        pt_begin(&d->tags, role == PT_LI ? PT_P : role, NULL);
        draw_lines(d, lines, n, f, size, indent);
        pt_end(&d->tags);
        return;
    }
    size_t label = bullet + strspn(lines[0] + bullet, " "); /* wrapping leaves one space after it */
    pt_push(&d->tags, PT_LI);
    ensure(d, size * PD_LEADING);
    d->y -= size;
    pt_begin(&d->tags, PT_LBL, NULL);
    text_at(d, f, size, PD_MARGIN_X + indent, d->y, PD_BULLET_LABEL " ", SP_TEXT_DARK);
    pt_end(&d->tags);
    pt_begin(&d->tags, PT_LBODY, NULL);
    text_at(d, f, size, PD_MARGIN_X + indent + width_of(d, f, size, lines[0], label), d->y,
            pd_line(d, lines, n, 0) + label, SP_TEXT_DARK);
    d->y -= size * (PD_LEADING - 1);
    draw_lines(d, lines + 1, n - 1, f, size, indent);
    pt_end(&d->tags);
    pt_pop(&d->tags);
}

/* Draws the waiting headings where `keep` points of what follows fit below them. */
static void place_pending(pd_doc *d, float keep)
{
    if (!d->pending.n) {
        ensure(d, keep);
        return;
    }
    float h = pending_height(d);
    if (!d->page || d->y < PD_TOP) /* at the top of a page it goes here, fitting or not */
        ensure(d, h + keep);
    bool top_of_page = d->y >= PD_TOP;
    for (size_t i = 0; i < d->pending.n; i++) {
        const pd_pending *e = &d->pending.items[i];
        if (e->lines)
            draw_block(d, e->lines, e->n_lines, e->font, e->size, e->indent, e->role);
        else if (e->text)
            draw_heading(d, e);
        else if (!top_of_page || i > 0)
            d->y -= e->space; /* no gap above the first heading of a page */
        top_of_page = false;
    }
    d->pending.n = 0;
}

static void flush_table(pd_doc *d, bool page_ends);

/* Before anything is drawn: lay out a collected table, then the waiting headings with `keep`
 * points of the coming block. */
static void settle(pd_doc *d, float keep)
{
    flush_table(d, false);
    place_pending(d, keep);
}

/* ---- the public drawing calls ------------------------------------------------------------ */

const char *pd_line(pd_doc *d, const char **lines, size_t n, size_t i)
{
    size_t len = strlen(lines[i]);
    if (i + 1 >= n || !len || lines[i][len - 1] == '-' || lines[i][len - 1] == ' ')
        return lines[i];
    return sp_arena_printf(&d->arena, "%s ", lines[i]);
}

void pd_text_at(pd_doc *d, HPDF_Font f, float size, float x, float y, const char *s, unsigned rgb)
{
    if (d->table.open || d->pending.n)
        settle(d, size * PD_LEADING);
    text_at(d, f, size, x, y, s, rgb);
}

void pd_fill_rect(pd_doc *d, float x, float y, float w, float h, unsigned rgb)
{
    if (d->table.open || d->pending.n)
        settle(d, h);
    fill_rect(d, x, y, w, h, rgb);
}

/* A section that starts a page leaves none near-empty: on a page less than this much used
 * (a table's last row or two, a short section) it follows on, after a gap. */
#define PD_PAGE_FILL_MIN (1.0f / 3)
#define PD_SECTION_GAP 18.0f

void pd_new_page(pd_doc *d)
{
    flush_table(d, true);
    /* waiting headings alone go on the new page, with their block; a waiting paragraph
     * ends this page, with its heading */
    for (size_t i = 0; i < d->pending.n; i++)
        if (d->pending.items[i].lines) {
            place_pending(d, 0);
            break;
        }
    float used = d->page ? (PD_TOP - d->y) / (PD_TOP - PD_BOTTOM) : 1;
    if (used <= 0)
        return; /* nothing on this page yet: never a blank page */
    if (used < PD_PAGE_FILL_MIN) {
        pd_space(d, PD_SECTION_GAP);
        return;
    }
    new_page(d);
}

void pd_ensure(pd_doc *d, float height)
{
    settle(d, height);
}

void pd_space(pd_doc *d, float points)
{
    flush_table(d, false);
    if (d->pending.n)
        *sp_vec_push(&d->pending) = (pd_pending){.space = points};
    else
        d->y -= points;
}

HPDF_Outline pd_heading(pd_doc *d, const char *text, int level, HPDF_Outline parent)
{
    flush_table(d, false);
    HPDF_Outline o = HPDF_CreateOutline(d->pdf, parent, text, HPDF_GetEncoder(d->pdf, "UTF-8"));
    *sp_vec_push(&d->pending) = (pd_pending){.text = sp_arena_strdup(&d->arena, text), .level = level, .outline = o};
    return o;
}

static void paragraph(pd_doc *d, const char *text, HPDF_Font f, float size, float indent, pt_role role)
{
    flush_table(d, false);
    size *= d->scale;
    const char **lines;
    size_t n = pd_wrap(d, f, size, text, PD_BODY_W - indent, &lines);
    /* a short paragraph under a heading (its introduction) waits with it for the next block;
     * a longer one keeps its first two lines with the heading */
    size_t waiting = 0;
    for (size_t i = 0; i < d->pending.n; i++)
        waiting += d->pending.items[i].lines != NULL;
    if (d->pending.n && n <= 3 && waiting < 2 && pending_height(d) + (float)n * size * PD_LEADING < PD_PENDING_MAX) {
        *sp_vec_push(&d->pending) =
            (pd_pending){.lines = lines, .n_lines = n, .role = role, .font = f, .size = size, .indent = indent};
        return;
    }
    /* a short bold paragraph labels what follows ("Completed", "KPIs"): it starts a page
     * rather than end one, keeping two lines of room under it */
    float keep = (float)(n < 2 ? n : 2) * size * PD_LEADING;
    if (f == d->bold && n <= 2)
        keep = (float)(n + 2) * size * PD_LEADING;
    place_pending(d, keep);
    draw_block(d, lines, n, f, size, indent, role);
}

void pd_paragraph(pd_doc *d, const char *text, HPDF_Font f, float size, float indent)
{
    paragraph(d, text, f, size, indent, PT_P);
}

void pd_minor_heading(pd_doc *d, const char *text, HPDF_Font f, float size, float indent)
{
    paragraph(d, text, f, size, indent, PT_H4);
}

void pd_list_item(pd_doc *d, const char *text, HPDF_Font f, float size, float indent)
{
    paragraph(d, sp_arena_printf(&d->arena, PD_BULLET_LABEL "  %s", text), f, size, indent, PT_LI);
}

/* ---- blocks the sections draw themselves ------------------------------------------------- */

void pd_block_begin(pd_doc *d, pd_block kind, const char *alt)
{
    pt_role role = kind == PD_BLOCK_FIGURE ? PT_FIGURE : kind == PD_BLOCK_SUBHEADING ? PT_H3 : PT_P;
    /* with a heading still waiting, the block's element is made once that heading is drawn
     * (at the block's first drawing call), so the tree keeps the order of the page */
    if (d->table.open || d->pending.n || !d->page)
        pt_begin_lazily(&d->tags, role, alt);
    else
        pt_begin(&d->tags, role, alt);
}

void pd_block_end(pd_doc *d)
{
    pt_end(&d->tags);
}

void pd_decoration_begin(pd_doc *d)
{
    pt_artifact_begin(&d->tags);
}

void pd_decoration_end(pd_doc *d)
{
    pt_artifact_end(&d->tags);
}

float pd_status_tag(pd_doc *d, float x, float y, sp_status s, const char *word, float size)
{
    if (d->table.open || d->pending.n)
        settle(d, size * 1.35f);
    float w = pd_text_width(d, d->bold, size, word) + 8;
    fill_rect(d, x, y - size * 0.3f, w, size * 1.35f, sp_status_strong(s));
    /* the space after the word (invisible) keeps it apart from what follows, read as text */
    text_at(d, d->bold, size, x + 4, y, sp_arena_printf(&d->arena, "%s ", word), sp_status_strong_text(s));
    return w;
}

/* ---- tables ---------------------------------------------------------------------------- */

#define BADGE_PAD 4.0f /* each side of a status word on its colour */

typedef struct table_layout {
    size_t n;
    const char *const *headers;
    float size;
    float *x, *w; /* each column's left edge and width, points */
    float header_h; /* the header row's height (header_height), wrapped once per table */
} table_layout;

static HPDF_Font cell_font(const pd_doc *d, const pd_cell *c)
{
    return c->bold || c->tint ? d->bold : d->regular;
}

/* The width a column needs so that no word in it breaks: its longest unbreakable piece, and
 * for a status cell its whole word on its badge (a badge never wraps). */
/* The widest piece of any word of s that no line break may divide. */
static float text_need(pd_doc *d, HPDF_Font f, float size, const char *s)
{
    float most = 0;
    for (const char *p = s; *p;) {
        size_t len = strcspn(p, " \t\r\n");
        if (len) {
            float w = longest_piece(d, f, size, p, len);
            most = w > most ? w : most;
        }
        p += len;
        p += strspn(p, " \t\r\n");
    }
    return most;
}

/* The width a column needs so that no word in it breaks: its longest unbreakable piece, and
 * for a status cell its whole word on its badge (a badge never wraps). */
static float cell_need(pd_doc *d, const pd_cell *c, float size)
{
    const char *s = c->text ? c->text : "";
    if (c->tint)
        return width_of(d, cell_font(d, c), size, s, strlen(s)) + 2 * BADGE_PAD;
    return text_need(d, cell_font(d, c), size, s);
}

/* Column widths: the caller's proportions, each column widened to what its words need and
 * the room taken from the columns with slack. When the words cannot all fit, a column whose
 * words are longer than its share keeps that share (those words break), and if that is still
 * too wide every column gets its need scaled down alike. */
static table_layout plan_table(pd_doc *d)
{
    table_layout L = {d->table.n_columns, d->table.headers, 0, NULL, NULL, 0};
    float nominal = d->table.size * d->scale;
    L.size = nominal < PD_TABLE_MIN_SIZE ? PD_TABLE_MIN_SIZE : nominal;
    size_t n = L.n;
    float *need = sp_arena_alloc(&d->arena, n * sizeof *need);
    L.w = sp_arena_alloc(&d->arena, n * sizeof *L.w);
    L.x = sp_arena_alloc(&d->arena, n * sizeof *L.x);
    float total_need = 0, body = PD_BODY_W;
    bool *empty = sp_arena_alloc(&d->arena, n * sizeof *empty);
    for (size_t j = 0; j < n; j++) {
        need[j] = text_need(d, d->bold, L.size, L.headers[j]);
        empty[j] = true;
        for (size_t i = 0; i < d->table.rows.n; i++) {
            const pd_cell *cell = &d->table.rows.items[i][j];
            float c = cell_need(d, cell, L.size);
            need[j] = c > need[j] ? c : need[j];
            empty[j] &= !cell->text[0] || !strcmp(cell->text, "–");
        }
        need[j] += 2 * PD_CELL_PAD + 0.5f;
        total_need += need[j];
    }
    if (total_need > body) {
        /* a column whose words cannot fit keeps its share: only words longer than it break */
        total_need = 0;
        for (size_t j = 0; j < n; j++) {
            float base = d->table.widths[j] * body, share = body / (float)n;
            float cap = base > share ? base : share;
            need[j] = need[j] < cap ? need[j] : cap;
            total_need += need[j];
        }
    }
    if (total_need <= body) {
        /* a column empty in every row keeps only its header's room; the others share it */
        float total = 0, slack = 0, shared = 0;
        for (size_t j = 0; j < n; j++) {
            float base = empty[j] ? 0 : d->table.widths[j] * body;
            L.w[j] = base > need[j] ? base : need[j];
            total += L.w[j];
            slack += L.w[j] - need[j];
            shared += empty[j] ? 0 : d->table.widths[j];
        }
        float excess = total - body;
        for (size_t j = 0; j < n; j++) {
            if (excess > 0 && slack > 0)
                L.w[j] -= excess * (L.w[j] - need[j]) / slack;
            else if (excess < 0 && shared > 0 && !empty[j])
                L.w[j] -= excess * d->table.widths[j] / shared;
        }
    } else {
        for (size_t j = 0; j < n; j++)
            L.w[j] = need[j] * body / total_need;
    }
    float x = PD_MARGIN_X;
    for (size_t j = 0; j < n; j++) {
        L.x[j] = x;
        x += L.w[j];
    }
    return L;
}

static void draw_header(pd_doc *d, const table_layout *L)
{
    float size = L->size;
    const char ***cols = sp_arena_alloc(&d->arena, L->n * sizeof *cols);
    size_t *n = sp_arena_alloc(&d->arena, L->n * sizeof *n), most = 1;
    for (size_t j = 0; j < L->n; j++) {
        n[j] = pd_wrap(d, d->bold, size, L->headers[j], L->w[j] - 2 * PD_CELL_PAD, &cols[j]);
        most = n[j] > most ? n[j] : most;
    }
    float h = (float)most * size * PD_LEADING + 2 * PD_CELL_PAD;
    /* the header row is in the structure once (TH cells), its repeats on later pages are not */
    bool tagged = !d->table.header_tagged;
    d->table.header_tagged = true;
    pt_artifact_begin(&d->tags);
    fill_rect(d, PD_MARGIN_X, d->y - h, PD_BODY_W, h, SP_HEADER_FILL);
    pt_artifact_end(&d->tags);
    if (tagged)
        pt_push(&d->tags, PT_TR);
    else
        pt_artifact_begin(&d->tags);
    for (size_t j = 0; j < L->n; j++) {
        if (tagged)
            pt_scope(pt_begin(&d->tags, PT_TH, NULL), "Column");
        for (size_t i = 0; i < n[j]; i++)
            text_at(d, d->bold, size, L->x[j] + PD_CELL_PAD, d->y - PD_CELL_PAD - size - (float)i * size * PD_LEADING,
                    pd_line(d, cols[j], n[j], i), SP_TEXT_LIGHT);
        if (tagged)
            pt_end(&d->tags);
    }
    if (tagged)
        pt_pop(&d->tags);
    else
        pt_artifact_end(&d->tags);
    d->y -= h;
}

static float header_height(pd_doc *d, const table_layout *L)
{
    size_t most = 1;
    for (size_t j = 0; j < L->n; j++) {
        const char **lines;
        size_t n = pd_wrap(d, d->bold, L->size, L->headers[j], L->w[j] - 2 * PD_CELL_PAD, &lines);
        most = n > most ? n : most;
    }
    return (float)most * L->size * PD_LEADING + 2 * PD_CELL_PAD;
}

/* A row's cells wrapped to their columns; returns the most lines any cell has. */
static size_t wrap_row(pd_doc *d, const table_layout *L, const pd_cell *cells, const char ***cols, size_t *n)
{
    size_t most = 1;
    for (size_t j = 0; j < L->n; j++) {
        float w = L->w[j] - 2 * PD_CELL_PAD - (cells[j].tint ? 2 * BADGE_PAD : 0);
        n[j] = pd_wrap(d, cell_font(d, &cells[j]), L->size, cells[j].text, w, &cols[j]);
        most = n[j] > most ? n[j] : most;
    }
    return most;
}

/* One row; a row that fits on a fresh page starts on one when it does not fit here, a longer
 * row is split, its lines continuing under the header on the next page. */
static void draw_row(pd_doc *d, const table_layout *L, const pd_cell *cells, bool first_row)
{
    float size = L->size, line = size * PD_LEADING;
    const char ***cols = sp_arena_alloc(&d->arena, L->n * sizeof *cols);
    size_t *n = sp_arena_alloc(&d->arena, L->n * sizeof *n);
    size_t most = wrap_row(d, L, cells, cols, n);
    float full = (float)most * line + 2 * PD_CELL_PAD;
    float fresh = PD_TOP - PD_BOTTOM - L->header_h;
    if (first_row) {
        /* the header with the first row (or its first three lines): the waiting headings too */
        float first = (most < 3 ? (float)most : 3) * line + 2 * PD_CELL_PAD;
        place_pending(d, L->header_h + (full <= fresh ? full : first));
        pt_push(&d->tags, PT_TABLE);
        draw_header(d, L);
    } else if (d->y - full < PD_BOTTOM && full <= fresh) {
        new_page(d);
        draw_header(d, L);
    }
    /* the row and its cells, in column order; a cell split over pages stays one TD */
    pt_push(&d->tags, PT_TR);
    pt_elem **cell_tags = sp_arena_alloc(&d->arena, L->n * sizeof *cell_tags);
    for (size_t j = 0; j < L->n; j++) {
        bool row_name = j == 0 && d->table.row_names;
        cell_tags[j] = pt_begin(&d->tags, row_name ? PT_TH : PT_TD, NULL);
        if (row_name)
            pt_scope(cell_tags[j], "Row");
        pt_end(&d->tags);
    }
    size_t done = 0;
    while (done < most) {
        size_t room = (size_t)((d->y - PD_BOTTOM - 2 * PD_CELL_PAD) / line);
        if (room == 0) {
            new_page(d);
            draw_header(d, L);
            continue;
        }
        size_t take = most - done < room ? most - done : room;
        float h = (float)take * line + 2 * PD_CELL_PAD;
        for (size_t j = 0; j < L->n; j++) {
            float x = L->x[j];
            pt_resume(&d->tags, cell_tags[j]);
            if (cells[j].tint && done == 0 && n[j]) {
                float tw = pd_text_width(d, d->bold, size, cols[j][0]) + 2 * BADGE_PAD;
                fill_rect(d, x + PD_CELL_PAD, d->y - PD_CELL_PAD - size * 1.25f, tw, size * 1.35f,
                          sp_status_strong(cells[j].tint));
            }
            for (size_t i = done; i < done + take && i < n[j]; i++) {
                unsigned colour = cells[j].tint && i == 0 ? sp_status_strong_text(cells[j].tint) : SP_TEXT_DARK;
                text_at(d, cell_font(d, &cells[j]), size, x + PD_CELL_PAD + (cells[j].tint ? BADGE_PAD : 0),
                        d->y - PD_CELL_PAD - size - (float)(i - done) * line, pd_line(d, cols[j], n[j], i), colour);
            }
            pt_end(&d->tags);
        }
        pt_artifact_begin(&d->tags);
        pd_stroke_rgb(d, 0xBFBFBF);
        pd_line_width(d, 0.4f);
        HPDF_Page_MoveTo(d->page, PD_MARGIN_X, d->y - h);
        HPDF_Page_LineTo(d->page, PD_MARGIN_X + PD_BODY_W, d->y - h);
        HPDF_Page_Stroke(d->page);
        pt_artifact_end(&d->tags);
        d->y -= h;
        done += take;
        if (done < most) {
            new_page(d);
            draw_header(d, L);
        }
    }
    pt_pop(&d->tags);
}

/* A table whose last page would be used less than a fifth (its last row or few) takes rows of
 * the page before with it, one at a time until that page is a fifth full, the page before keeping
 * at least three rows: the row to start that last page at, or SIZE_MAX to break where the rows
 * fall. Rows taller than a page (split across pages) are left where they fall. */
static size_t widow_break(pd_doc *d, const table_layout *L)
{
    size_t rows = d->table.rows.n, start = 0, before = 0; /* the first rows of the last two pages */
    float line = L->size * PD_LEADING, fresh = PD_TOP - PD_BOTTOM - L->header_h;
    float above = pending_height(d) + L->header_h; /* the waiting headings and the header */
    float y = (d->page ? d->y : PD_BOTTOM) - above, fifth = (PD_TOP - PD_BOTTOM) / 5;
    const char ***cols = sp_arena_alloc(&d->arena, L->n * sizeof *cols);
    size_t *n = sp_arena_alloc(&d->arena, L->n * sizeof *n);
    float *h = sp_arena_alloc(&d->arena, (rows + 1) * sizeof *h);
    for (size_t i = 0; i < rows; i++) {
        h[i] = (float)wrap_row(d, L, d->table.rows.items[i], cols, n) * line + 2 * PD_CELL_PAD;
        if (h[i] > fresh)
            return SIZE_MAX;
        if (y - h[i] < PD_BOTTOM) {
            before = start;
            start = i;
            y = PD_TOP - (i ? L->header_h : above);
        }
        y -= h[i];
    }
    float used = PD_TOP - y;
    if (start == 0 || used >= fifth)
        return SIZE_MAX;
    size_t at = start;
    while (used < fifth && at > before + 3 && used + h[at - 1] <= fresh)
        used += h[--at];
    return at < start ? at : SIZE_MAX;
}

/* Lays out the collected table. `page_ends`: a page break or the document's end follows it (its
 * last page would then hold nothing more), so a stray last row takes rows with it
 * (widow_break); where more content follows on the same page, the rows fall where they fit. */
static void flush_table(pd_doc *d, bool page_ends)
{
    if (!d->table.open)
        return;
    d->table.open = false;
    if (!d->table.rows.n)
        return; /* the header waits for a first row: a header never stands alone */
    table_layout L = plan_table(d);
    L.header_h = header_height(d, &L);
    d->table.header_tagged = false;
    size_t widow = page_ends ? widow_break(d, &L) : SIZE_MAX;
    for (size_t i = 0; i < d->table.rows.n; i++) {
        if (i == widow) {
            new_page(d);
            draw_header(d, &L);
        }
        draw_row(d, &L, d->table.rows.items[i], i == 0);
    }
    d->table.rows.n = 0;
    pt_pop(&d->tags); /* the Table */
}

void pd_table_begin(pd_doc *d, pd_table *t)
{
    flush_table(d, false);
    d->table.open = true;
    d->table.owner = t;
    d->table.n_columns = t->n_columns;
    d->table.headers = t->headers;
    d->table.widths = t->widths;
    d->table.size = t->size;
    d->table.row_names = t->row_names;
    d->table.rows.n = 0;
}

void pd_table_row(pd_doc *d, pd_table *t, const pd_cell *cells)
{
    if (!d->table.open || d->table.owner != t)
        pd_table_begin(d, t); /* a first row begins its table */
    /* the cells' texts may live in the caller's buffers: keep copies until the table is drawn */
    pd_cell *row = sp_arena_alloc(&d->arena, d->table.n_columns * sizeof *row);
    for (size_t j = 0; j < d->table.n_columns; j++) {
        row[j] = cells[j];
        row[j].text = sp_arena_strdup(&d->arena, cells[j].text ? cells[j].text : "");
    }
    *sp_vec_push(&d->table.rows) = row;
}

void pd_table_end(pd_doc *d)
{
    flush_table(d, false);
}

/* ---- finishing ------------------------------------------------------------------------- */

bool pd_save(pd_doc *d, const char *path)
{
    flush_table(d, true);
    if (d->pending.n)
        place_pending(d, 0);
    pt_close_pages(&d->tags);
    char buf[64];
    for (size_t i = 0; i < d->pages.n; i++) {
        d->page = d->pages.items[i];
        forget_state(d);
        snprintf(buf, sizeof buf, "Page %zu of %zu", i + 1, d->pages.n);
        float w = pd_text_width(d, d->regular, 8, buf);
        pt_raw_running_foot(d->page, true);
        text_at(d, d->regular, 8, (PD_PAGE_W - w) / 2, 28, buf, 0x404040);
        pt_raw_running_foot(d->page, false);
    }
    pt_finish(&d->tags, d->header_left, "en-GB");
    errno = 0;
    if (!d->failed && HPDF_SaveToFile(d->pdf, path) != HPDF_OK && !d->failed)
        snprintf(d->err, sizeof d->err, "cannot write %s: %s", path, strerror(errno ? errno : EIO)), d->failed = true;
    return !d->failed;
}

void pd_close(pd_doc *d)
{
    pt_free(&d->tags);
    if (d->pdf)
        HPDF_Free(d->pdf);
    sp_vec_free(&d->pages);
    sp_vec_free(&d->pending);
    sp_vec_free(&d->table.rows);
    sp_arena_free(&d->arena);
    free(d->line_buf);
    for (size_t i = 0; i < sizeof d->widths / sizeof d->widths[0]; i++) {
        free(d->widths[i].units);
        free(d->widths[i].known);
    }
}
