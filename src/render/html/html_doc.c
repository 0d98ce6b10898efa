/* html_doc.c - the HTML writer: escaping, headings in order, tags and data tables. */
#include "render/html/html_doc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hd_init(hd_doc *d, int top_level)
{
    memset(d, 0, sizeof *d);
    d->top = top_level < 1 ? 1 : top_level > 6 ? 6 : top_level;
    d->last_level = d->top - 1;
}

bool hd_open(hd_doc *d, int top_level, const char *path, char *err, size_t errlen)
{
    hd_init(d, top_level);
    d->out = fopen(path, "wb");
    if (!d->out)
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return d->out != NULL;
}

enum { STREAM_PART = 1 << 20 };

static void flush_part(hd_doc *d)
{
    if (d->n && fwrite(d->s, 1, d->n, d->out) != d->n)
        d->write_failed = true;
    d->n = 0;
}

void hd_free(hd_doc *d)
{
    if (d->out)
        fclose(d->out);
    free(d->s);
    sp_arena_free(&d->arena);
    memset(d, 0, sizeof *d);
}

static void put(hd_doc *d, const char *s, size_t n)
{
    if (d->out && d->n + n + 1 > STREAM_PART)
        flush_part(d);
    if (d->n + n + 1 > d->cap) {
        d->cap = 2 * (d->n + n + 1) + 4096;
        d->s = sp_xrealloc(d->s, d->cap);
    }
    memcpy(d->s + d->n, s, n);
    d->n += n;
    d->s[d->n] = '\0';
}

bool hd_save(hd_doc *d, const char *path, char *err, size_t errlen)
{
    if (d->out) { /* streamed: the rest, then the file closed */
        flush_part(d);
        bool ok = !d->write_failed && !ferror(d->out);
        ok = (fclose(d->out) == 0) && ok;
        d->out = NULL;
        if (!ok)
            snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        return ok;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        return false;
    }
    bool ok = fwrite(d->s ? d->s : "", 1, d->n, f) == d->n;
    ok = (fclose(f) == 0) && ok;
    if (!ok)
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return ok;
}

void hd_raw(hd_doc *d, const char *s) { put(d, s, strlen(s)); }

void hd_rawf(hd_doc *d, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        put(d, small, (size_t)n);
        return;
    }
    char *big = sp_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put(d, big, (size_t)n);
    free(big);
}

static void text(hd_doc *d, const char *s, bool lines)
{
    static const char REPLACEMENT[] = "\xEF\xBF\xBD";
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p;
    for (; *p; p++) {
        const char *sub = NULL;
        size_t skip = 1;
        unsigned char c = *p;
        if (c == '&')
            sub = "&amp;";
        else if (c == '<')
            sub = "&lt;";
        else if (c == '>')
            sub = "&gt;";
        else if (c == '"')
            sub = "&quot;";
        else if (c == '\'')
            sub = "&#39;";
        else if (c == '\r')
            sub = p[1] == '\n' ? "" : (lines ? "<br>\n" : "\n");
        else if (c == '\n')
            sub = lines ? "<br>\n" : "\n";
        else if ((c < 0x20 && c != '\t') || c == 0x7F)
            sub = REPLACEMENT;
        else if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) /* C1 controls */
            sub = REPLACEMENT, skip = 2;
        else if (c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) /* U+FFFE, U+FFFF */
            sub = REPLACEMENT, skip = 3;
        else if (c == 0xEF && p[1] == 0xB7 && p[2] >= 0x90 && p[2] <= 0xAF) /* U+FDD0..U+FDEF */
            sub = REPLACEMENT, skip = 3;
        if (!sub)
            continue;
        put(d, (const char *)run, (size_t)(p - run));
        put(d, sub, strlen(sub));
        p += skip - 1;
        run = p + 1;
    }
    put(d, (const char *)run, (size_t)(p - run));
}

void hd_text(hd_doc *d, const char *s) { text(d, s, false); }
void hd_text_lines(hd_doc *d, const char *s) { text(d, s, true); }

const char *hd_id(hd_doc *d, const char *prefix) { return sp_arena_printf(&d->arena, HD_ID_PREFIX "%s-%d", prefix, ++d->ids); }

void hd_heading(hd_doc *d, int rel, const char *id, const char *s)
{
    int level = d->top + rel;
    if (level > d->last_level + 1)
        level = d->last_level + 1;
    if (level < d->top)
        level = d->top;
    if (level > 6)
        level = 6;
    d->last_level = level;
    static const char *const CLS[] = {"", "sp-h1", "sp-h2", "sp-h3", "sp-h4", "sp-h4", "sp-h4"};
    /* the look follows the heading's place in the document, not its number in a fragment */
    int look = 1 + (level - d->top);
    hd_rawf(d, "<h%d class=\"%s\"", level, CLS[look > 6 ? 6 : look]);
    if (id)
        hd_rawf(d, " id=\"" HD_ID_PREFIX "%s\"", id);
    hd_raw(d, ">");
    hd_text(d, s);
    hd_rawf(d, "</h%d>\n", level);
}

void hd_para(hd_doc *d, const char *cls, const char *s)
{
    if (cls)
        hd_rawf(d, "<p class=\"%s\">", cls);
    else
        hd_raw(d, "<p>");
    hd_text(d, s);
    hd_raw(d, "</p>\n");
}

static const char *status_class(sp_status s)
{
    const char *k = sp_status_key(s);
    return k ? k : "grey";
}

void hd_tag(hd_doc *d, sp_status s, const char *word)
{
    hd_rawf(d, "<strong class=\"sp-tag sp-tag--%s\">", status_class(s));
    hd_text(d, word);
    hd_raw(d, "</strong>");
}

void hd_tagged(hd_doc *d, const char *element, sp_status s, const char *word, const char *text)
{
    hd_rawf(d, "<%s>", element);
    hd_tag(d, s, word);
    hd_raw(d, " ");
    hd_text(d, text);
    hd_rawf(d, "</%s>\n", element);
}

void hd_table_begin(hd_doc *d, const char *caption, const char *const *headings, size_t n)
{
    const char *id = hd_id(d, "table");
    hd_rawf(d, "<div class=\"sp-table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"%s\">\n", id);
    hd_rawf(d, "<table class=\"sp-table\">\n<caption id=\"%s\">", id);
    hd_text(d, caption);
    hd_raw(d, "</caption>\n<thead><tr>");
    for (size_t i = 0; i < n; i++) {
        hd_raw(d, "<th scope=\"col\">");
        hd_text(d, headings[i]);
        hd_raw(d, "</th>");
    }
    hd_raw(d, "</tr></thead>\n<tbody>\n");
}

void hd_row_begin(hd_doc *d) { hd_raw(d, "<tr>"); }

void hd_cell(hd_doc *d, bool row_header, const char *s)
{
    hd_raw(d, row_header ? "<th scope=\"row\">" : "<td>");
    hd_text_lines(d, s);
    hd_raw(d, row_header ? "</th>" : "</td>");
}

void hd_cell_status(hd_doc *d, sp_status s, const char *word)
{
    hd_raw(d, "<td>");
    hd_tag(d, s, word);
    hd_raw(d, "</td>");
}

void hd_cell_num(hd_doc *d, const char *s)
{
    hd_raw(d, "<td class=\"sp-num\">");
    hd_text(d, s);
    hd_raw(d, "</td>");
}

void hd_row_end(hd_doc *d) { hd_raw(d, "</tr>\n"); }

void hd_table_end(hd_doc *d) { hd_raw(d, "</tbody>\n</table>\n</div>\n"); }
