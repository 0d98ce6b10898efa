#include "util/diag.h"

#include <stdarg.h>
#include <stdlib.h>

void sp_diag_add(sp_diags *d, sp_severity sev, sp_src src, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = sp_xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    va_end(ap);

    sp_diag *item = sp_vec_push(&d->list);
    item->severity = sev;
    item->src = src;
    item->message = msg;
    if (sev == SP_ERROR)
        d->errors++;
    else
        d->warnings++;
}

void sp_diag_print(FILE *out, const sp_diag *d)
{
    const char *sev = d->severity == SP_ERROR ? "error" : "warning";
    if (d->src.line)
        fprintf(out, "%s:%u:%u: %s: %s\n", d->src.file, d->src.line, d->src.col ? d->src.col : 1, sev,
                d->message);
    else
        fprintf(out, "%s: %s: %s\n", d->src.file, sev, d->message);
}

void sp_diags_print(FILE *out, const sp_diags *d)
{
    for (size_t i = 0; i < d->list.n; i++)
        sp_diag_print(out, &d->list.items[i]);
}

void sp_diags_free(sp_diags *d)
{
    for (size_t i = 0; i < d->list.n; i++)
        free(d->list.items[i].message);
    sp_vec_free(&d->list);
    d->errors = d->warnings = 0;
}
