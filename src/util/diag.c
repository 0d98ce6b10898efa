#include "util/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void add(sp_diags *d, sp_severity sev, sp_src src, const char *group, const char *fmt, va_list args)
{
    va_list ap;
    va_copy(ap, args);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = sp_xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    va_copy(ap, args);
    vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    va_end(ap);

    sp_diag *item = sp_vec_push(&d->list);
    item->severity = sev;
    item->src = src;
    item->message = msg;
    item->group = group;
    if (sev == SP_ERROR)
        d->errors++;
    else
        d->warnings++;
}

/* Writes s with every control byte escaped: a cell's ESC, BEL or CR must not reach the
 * terminal raw (an ESC sequence can retitle the window or hide text), and one diagnostic
 * stays on one line. C1 controls (U+0080..U+009F, UTF-8 C2 80..C2 9F) are escaped too. */
static void put_escaped(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '\033': fputs("\\e", out); continue;
        case '\a': fputs("\\a", out); continue;
        case '\r': fputs("\\r", out); continue;
        case '\n': fputs("\\n", out); continue;
        case '\t': fputs("\\t", out); continue;
        default: break;
        }
        if (*p < 0x20 || *p == 0x7F)
            fprintf(out, "\\x%02X", *p);
        else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            fprintf(out, "\\u%04X", *++p);
        else
            fputc(*p, out);
    }
}

void sp_diag_add(sp_diags *d, sp_severity sev, sp_src src, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, sev, src, NULL, fmt, ap);
    va_end(ap);
}

void sp_warning_group(sp_diags *d, sp_src src, const char *group, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, SP_WARNING, src, group, fmt, ap);
    va_end(ap);
}

void sp_diag_print(FILE *out, const sp_diag *d)
{
    const char *sev = d->severity == SP_ERROR ? "error" : "warning";
    put_escaped(out, d->src.file);
    if (d->src.line)
        fprintf(out, ":%u:%u", d->src.line, d->src.col ? d->src.col : 1);
    fprintf(out, ": %s: ", sev);
    put_escaped(out, d->message);
    fputc('\n', out);
}

void sp_diags_print(FILE *out, const sp_diags *d)
{
    for (size_t i = 0; i < d->list.n; i++)
        sp_diag_print(out, &d->list.items[i]);
}

/* Warning groups are few (one per kind of check), so a short list of them is enough. */
typedef struct group_count {
    const char *group;
    size_t first, count;
} group_count;

static size_t group_slot(group_count *g, size_t *n, const char *group, size_t at)
{
    for (size_t k = 0; k < *n; k++)
        if (g[k].group == group || strcmp(g[k].group, group) == 0)
            return k;
    g[*n] = (group_count){group, at, 0};
    return (*n)++;
}

void sp_diags_print_grouped(FILE *out, const sp_diags *d)
{
    group_count *groups = sp_xmalloc((d->list.n + 1) * sizeof *groups);
    size_t n_groups = 0;
    for (size_t i = 0; i < d->list.n; i++)
        if (d->list.items[i].group)
            groups[group_slot(groups, &n_groups, d->list.items[i].group, i)].count++;
    for (size_t i = 0; i < d->list.n; i++) {
        const sp_diag *g = &d->list.items[i];
        if (!g->group) {
            sp_diag_print(out, g);
            continue;
        }
        const group_count *gc = &groups[group_slot(groups, &n_groups, g->group, i)];
        if (gc->first != i)
            continue; /* said at the group's first row */
        if (gc->count == 1)
            sp_diag_print(out, g);
        else if (g->src.line) {
            put_escaped(out, g->src.file);
            fprintf(out, ":%u:%u: warning: %zu %s (first: ", g->src.line, g->src.col ? g->src.col : 1, gc->count,
                    g->group);
            put_escaped(out, g->src.file);
            fprintf(out, ":%u)\n", g->src.line);
        } else {
            put_escaped(out, g->src.file);
            fprintf(out, ": warning: %zu %s\n", gc->count, g->group);
        }
    }
    free(groups);
}

void sp_diags_free(sp_diags *d)
{
    for (size_t i = 0; i < d->list.n; i++)
        free(d->list.items[i].message);
    sp_vec_free(&d->list);
    d->errors = d->warnings = 0;
}
