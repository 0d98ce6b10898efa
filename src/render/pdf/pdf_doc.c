#include "render/pdf/pdf_doc.h"

#include <stdio.h>
#include <string.h>

#include "render/style.h"
#include "util/text.h"

#define PD_LEADING 1.3f /* line height as a multiple of the type size */

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    pd_doc *d = user;
    if (!d->failed)
        snprintf(d->err, sizeof d->err, "libharu error 0x%04X (detail %u)", (unsigned)error, (unsigned)detail);
    d->failed = true;
}

void pd_fill_rgb(pd_doc *d, unsigned rgb)
{
    HPDF_Page_SetRGBFill(d->page, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f);
}

void pd_stroke_rgb(pd_doc *d, unsigned rgb)
{
    HPDF_Page_SetRGBStroke(d->page, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f,
                           (rgb & 0xFF) / 255.0f);
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
    d->header_left = header_left;
    d->header_right = header_right;
    return !d->failed;
}

void pd_text_at(pd_doc *d, HPDF_Font f, float size, float x, float y, const char *s, unsigned rgb)
{
    if (!s || !s[0])
        return;
    pd_fill_rgb(d, rgb);
    HPDF_Page_BeginText(d->page);
    HPDF_Page_SetFontAndSize(d->page, f, size);
    HPDF_Page_TextOut(d->page, x, y, s);
    HPDF_Page_EndText(d->page);
}

float pd_text_width(pd_doc *d, HPDF_Font f, float size, const char *s)
{
    HPDF_Page_SetFontAndSize(d->page, f, size);
    return HPDF_Page_TextWidth(d->page, s);
}

void pd_new_page(pd_doc *d)
{
    d->page = HPDF_AddPage(d->pdf);
    HPDF_Page_SetSize(d->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    *sp_vec_push(&d->pages) = d->page;
    /* header: plan title left (cut to fit), report date right, a rule under them */
    float size = 8;
    float right_w = pd_text_width(d, d->regular, size, d->header_right);
    pd_text_at(d, d->regular, size, PD_PAGE_W - PD_MARGIN_X - right_w, PD_PAGE_H - 30, d->header_right, 0x404040);
    const char **lines;
    size_t n = pd_wrap(d, d->regular, size, d->header_left, PD_BODY_W - right_w - 20, &lines);
    pd_text_at(d, d->regular, size, PD_MARGIN_X, PD_PAGE_H - 30, n ? lines[0] : "", 0x404040);
    pd_stroke_rgb(d, 0xA6A6A6);
    HPDF_Page_SetLineWidth(d->page, 0.5f);
    HPDF_Page_MoveTo(d->page, PD_MARGIN_X, PD_PAGE_H - 36);
    HPDF_Page_LineTo(d->page, PD_PAGE_W - PD_MARGIN_X, PD_PAGE_H - 36);
    HPDF_Page_Stroke(d->page);
    d->y = PD_TOP;
}

void pd_ensure(pd_doc *d, float height)
{
    if (!d->page || d->y - height < PD_BOTTOM)
        pd_new_page(d);
}

void pd_space(pd_doc *d, float points)
{
    d->y -= points;
}

/* ---- wrapping ------------------------------------------------------------------------ */

typedef SP_VEC(const char *) line_vec;

/* Breaks a word wider than the line between characters, never inside a UTF-8 sequence. */
static void break_word(pd_doc *d, HPDF_Font f, float size, const char *w, size_t len, float width, line_vec *out,
                       const char **rest)
{
    while (len) {
        size_t fit = 0, i = 0;
        while (i < len) {
            size_t next = i + 1;
            while (next < len && ((unsigned char)w[next] & 0xC0) == 0x80)
                next++;
            char *probe = sp_arena_strndup(&d->arena, w, next);
            if (pd_text_width(d, f, size, probe) > width && fit > 0)
                break;
            fit = next;
            i = next;
        }
        if (fit == len) {
            *rest = sp_arena_strndup(&d->arena, w, len);
            return;
        }
        *sp_vec_push(out) = sp_arena_strndup(&d->arena, w, fit);
        w += fit;
        len -= fit;
    }
    *rest = "";
}

size_t pd_wrap(pd_doc *d, HPDF_Font f, float size, const char *text, float width, const char ***lines)
{
    line_vec out = {0};
    float space = pd_text_width(d, f, size, " ");
    const char *p = text ? text : "";
    do {
        size_t para_len = strcspn(p, "\n");
        /* one paragraph: greedy fill, measuring each word once (libharu does not kern) */
        const char *cur = NULL;
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
            char *word = sp_arena_strndup(&d->arena, p + start, i - start);
            float ww = pd_text_width(d, f, size, word);
            if (cur && cur_w + space + ww <= width) {
                cur = sp_arena_printf(&d->arena, "%s %s", cur, word);
                cur_w += space + ww;
                continue;
            }
            if (cur)
                *sp_vec_push(&out) = cur;
            if (ww <= width) {
                cur = word;
                cur_w = ww;
            } else {
                break_word(d, f, size, word, i - start, width, &out, &cur);
                cur_w = pd_text_width(d, f, size, cur);
            }
        }
        *sp_vec_push(&out) = cur ? cur : "";
        p += para_len;
    } while (*p++ == '\n');
    const char **copy = sp_arena_alloc(&d->arena, (out.n + 1) * sizeof *copy);
    memcpy(copy, out.items, out.n * sizeof *copy);
    size_t n = out.n;
    sp_vec_free(&out);
    *lines = copy;
    return n;
}

/* ---- headings and paragraphs ---------------------------------------------------------- */

HPDF_Outline pd_heading(pd_doc *d, const char *text, int level, HPDF_Outline parent)
{
    static const float sizes[] = {18, 14, 11.5f};
    float size = sizes[level < 0 ? 0 : level > 2 ? 2 : level] * d->scale;
    const char **lines;
    pd_ensure(d, 90); /* a heading never ends a page */
    size_t n = pd_wrap(d, d->bold, size, text, PD_BODY_W, &lines);
    pd_ensure(d, (float)n * size * PD_LEADING + 40);
    d->y -= size * 0.4f;
    HPDF_Destination dest = HPDF_Page_CreateDestination(d->page);
    HPDF_Destination_SetFitH(dest, d->y + size); /* libharu refuses an XYZ zoom of 0 ("keep") */
    for (size_t i = 0; i < n; i++) {
        d->y -= size;
        pd_text_at(d, d->bold, size, PD_MARGIN_X, d->y, lines[i], 0x1F3864);
        d->y -= size * (PD_LEADING - 1);
    }
    d->y -= size * 0.4f;
    HPDF_Outline o = HPDF_CreateOutline(d->pdf, parent, text, HPDF_GetEncoder(d->pdf, "UTF-8"));
    HPDF_Outline_SetDestination(o, dest);
    return o;
}

void pd_paragraph(pd_doc *d, const char *text, HPDF_Font f, float size, float indent)
{
    size *= d->scale;
    const char **lines;
    size_t n = pd_wrap(d, f, size, text, PD_BODY_W - indent, &lines);
    for (size_t i = 0; i < n; i++) {
        pd_ensure(d, size * PD_LEADING);
        d->y -= size;
        pd_text_at(d, f, size, PD_MARGIN_X + indent, d->y, lines[i], SP_TEXT_DARK);
        d->y -= size * (PD_LEADING - 1);
    }
}

/* ---- shapes ---------------------------------------------------------------------------- */

void pd_fill_rect(pd_doc *d, float x, float y, float w, float h, unsigned rgb)
{
    pd_fill_rgb(d, rgb);
    HPDF_Page_Rectangle(d->page, x, y, w, h);
    HPDF_Page_Fill(d->page);
}

float pd_status_tag(pd_doc *d, float x, float y, sp_status s, const char *word, float size)
{
    float w = pd_text_width(d, d->bold, size, word) + 8;
    pd_fill_rect(d, x, y - size * 0.3f, w, size * 1.35f, sp_status_strong(s));
    pd_text_at(d, d->bold, size, x + 4, y, word, sp_status_strong_text(s));
    return w;
}

/* ---- tables ---------------------------------------------------------------------------- */

static void draw_header(pd_doc *d, const pd_table *t)
{
    float size = t->size * d->scale;
    float x = PD_MARGIN_X;
    const char ***cols = sp_arena_alloc(&d->arena, t->n_columns * sizeof *cols);
    size_t *n = sp_arena_alloc(&d->arena, t->n_columns * sizeof *n), most = 1;
    for (size_t j = 0; j < t->n_columns; j++) {
        n[j] = pd_wrap(d, d->bold, size, t->headers[j], t->widths[j] * PD_BODY_W - 2 * PD_CELL_PAD, &cols[j]);
        most = n[j] > most ? n[j] : most;
    }
    float h = (float)most * size * PD_LEADING + 2 * PD_CELL_PAD;
    pd_fill_rect(d, PD_MARGIN_X, d->y - h, PD_BODY_W, h, SP_HEADER_FILL);
    for (size_t j = 0; j < t->n_columns; j++) {
        for (size_t i = 0; i < n[j]; i++)
            pd_text_at(d, d->bold, size, x + PD_CELL_PAD, d->y - PD_CELL_PAD - size - (float)i * size * PD_LEADING,
                       cols[j][i], SP_TEXT_LIGHT);
        x += t->widths[j] * PD_BODY_W;
    }
    d->y -= h;
}

void pd_table_begin(pd_doc *d, pd_table *t)
{
    (void)d;
    t->header_drawn = false; /* drawn with the first row, so a header never ends a page alone */
}

void pd_table_row(pd_doc *d, pd_table *t, const pd_cell *cells)
{
    float size = t->size * d->scale;
    float line = size * PD_LEADING;
    const char ***cols = sp_arena_alloc(&d->arena, t->n_columns * sizeof *cols);
    size_t *n = sp_arena_alloc(&d->arena, t->n_columns * sizeof *n), most = 1;
    for (size_t j = 0; j < t->n_columns; j++) {
        float w = t->widths[j] * PD_BODY_W - 2 * PD_CELL_PAD - (cells[j].tint ? 8 : 0);
        n[j] = pd_wrap(d, cells[j].bold || cells[j].tint ? d->bold : d->regular, size, cells[j].text, w, &cols[j]);
        most = n[j] > most ? n[j] : most;
    }
    /* A row that fits on a fresh page starts on one when it does not fit here; a longer row
     * is split, its lines continuing under the header on the next page. */
    float full = (float)most * line + 2 * PD_CELL_PAD;
    if (!t->header_drawn) {
        float first = (most < 3 ? (float)most : 3) * line + 2 * PD_CELL_PAD;
        pd_ensure(d, 3 * line + (full <= PD_TOP - PD_BOTTOM - 3 * line ? full : first));
        draw_header(d, t);
        t->header_drawn = true;
    }
    if (d->y - full < PD_BOTTOM && full <= PD_TOP - PD_BOTTOM - 3 * line) {
        pd_new_page(d);
        draw_header(d, t);
    }
    size_t done = 0;
    while (done < most) {
        size_t room = (size_t)((d->y - PD_BOTTOM - 2 * PD_CELL_PAD) / line);
        if (room == 0) {
            pd_new_page(d);
            draw_header(d, t);
            continue;
        }
        size_t take = most - done < room ? most - done : room;
        float h = (float)take * line + 2 * PD_CELL_PAD;
        float x = PD_MARGIN_X;
        for (size_t j = 0; j < t->n_columns; j++) {
            float cw = t->widths[j] * PD_BODY_W;
            if (cells[j].tint && done == 0 && n[j]) {
                float tw = pd_text_width(d, d->bold, size, cols[j][0]) + 8;
                pd_fill_rect(d, x + PD_CELL_PAD, d->y - PD_CELL_PAD - size * 1.25f, tw, size * 1.35f,
                             sp_status_strong(cells[j].tint));
            }
            for (size_t i = done; i < done + take && i < n[j]; i++) {
                unsigned colour = cells[j].tint && i == 0 ? sp_status_strong_text(cells[j].tint) : SP_TEXT_DARK;
                pd_text_at(d, cells[j].bold || cells[j].tint ? d->bold : d->regular, size,
                           x + PD_CELL_PAD + (cells[j].tint ? 4 : 0), d->y - PD_CELL_PAD - size - (float)(i - done) * line,
                           cols[j][i], colour);
            }
            x += cw;
        }
        pd_stroke_rgb(d, 0xBFBFBF);
        HPDF_Page_SetLineWidth(d->page, 0.4f);
        HPDF_Page_MoveTo(d->page, PD_MARGIN_X, d->y - h);
        HPDF_Page_LineTo(d->page, PD_MARGIN_X + PD_BODY_W, d->y - h);
        HPDF_Page_Stroke(d->page);
        d->y -= h;
        done += take;
        if (done < most) {
            pd_new_page(d);
            draw_header(d, t);
        }
    }
}

/* ---- finishing ------------------------------------------------------------------------- */

bool pd_save(pd_doc *d, const char *path)
{
    char buf[64];
    for (size_t i = 0; i < d->pages.n; i++) {
        d->page = d->pages.items[i];
        snprintf(buf, sizeof buf, "Page %zu of %zu", i + 1, d->pages.n);
        float w = pd_text_width(d, d->regular, 8, buf);
        pd_text_at(d, d->regular, 8, (PD_PAGE_W - w) / 2, 28, buf, 0x404040);
    }
    if (!d->failed && HPDF_SaveToFile(d->pdf, path) != HPDF_OK && !d->failed)
        snprintf(d->err, sizeof d->err, "cannot write %s", path), d->failed = true;
    return !d->failed;
}

void pd_close(pd_doc *d)
{
    if (d->pdf)
        HPDF_Free(d->pdf);
    sp_vec_free(&d->pages);
    sp_arena_free(&d->arena);
}
