#include "read/columns.h"

#include <string.h>

#include "util/text.h"

static bool key_matches(sp_arena *a, const char *key, const sp_field_def *def)
{
    if (strcmp(key, sp_header_key(a, def->name)) == 0)
        return true;
    /* canonical names are written with underscores ("target_3m"); accept spaces too */
    char *spaced = sp_arena_strdup(a, def->name);
    for (char *p = spaced; *p; p++)
        if (*p == '_')
            *p = ' ';
    if (strcmp(key, sp_header_key(a, spaced)) == 0)
        return true;
    for (int i = 0; i < 8 && def->aliases[i]; i++)
        if (strcmp(key, sp_header_key(a, def->aliases[i])) == 0)
            return true;
    return false;
}

/* Splits "3 months (sept 22)" into "3 months" and "Sept 22" (from the original text). */
static bool split_bracket(sp_arena *a, const char *key, const char *original, char **base, const char **note)
{
    size_t n = strlen(key);
    if (n < 3 || key[n - 1] != ')')
        return false;
    const char *open = strrchr(key, '(');
    if (!open || open == key)
        return false;
    size_t base_len = (size_t)(open - key);
    while (base_len && key[base_len - 1] == ' ')
        base_len--;
    *base = sp_arena_strndup(a, key, base_len);
    const char *oopen = strrchr(original, '(');
    const char *oclose = strrchr(original, ')');
    if (oopen && oclose && oclose > oopen) {
        size_t len = (size_t)(oclose - oopen - 1);
        const char *s = sp_trim(oopen + 1, &len);
        *note = sp_arena_strndup(a, s, len);
    } else {
        *note = "";
    }
    return true;
}

bool sp_columns_map(const sp_table *t, const sp_field_def *defs, int n_defs, sp_columns *out, sp_arena *a,
                    sp_diags *d)
{
    for (int f = 0; f < SP_MAX_FIELDS; f++) {
        out->index[f] = -1;
        out->bracket[f] = NULL;
        out->header[f] = NULL;
    }
    for (size_t i = 0; i < t->header.n; i++) {
        const sp_cell *cell = &t->header.cells[i];
        const char *key = sp_header_key(a, cell->text);
        if (!key[0])
            continue;
        int match = -1;
        const char *note = NULL;
        for (int f = 0; f < n_defs && match < 0; f++)
            if (key_matches(a, key, &defs[f]))
                match = f;
        if (match < 0) {
            char *base;
            const char *bnote;
            if (split_bracket(a, key, cell->text, &base, &bnote)) {
                for (int f = 0; f < n_defs && match < 0; f++)
                    if (defs[f].bracket_ok && key_matches(a, base, &defs[f]))
                        match = f, note = bnote;
            }
        }
        if (match < 0)
            continue; /* unknown columns are kept in the file and ignored here */
        if (out->index[match] >= 0) {
            sp_warning(d, ((sp_src){t->file, cell->line, cell->col}),
                       "column '%s' is a second '%s' column; the first one ('%s') is used", cell->text,
                       defs[match].name, out->header[match]->text);
            continue;
        }
        out->index[match] = (int)i;
        out->bracket[match] = note;
        out->header[match] = cell;
    }
    bool ok = true;
    for (int f = 0; f < n_defs; f++) {
        if (defs[f].required && out->index[f] < 0) {
            sp_error(d, ((sp_src){t->file, t->header.line, 1}), "missing required column '%s' (accepted headers: %s)",
                     defs[f].name, sp_field_aliases_text(a, &defs[f]));
            ok = false;
        }
    }
    return ok;
}

sp_cell sp_field(const sp_row *row, const sp_columns *c, int field)
{
    int i = c->index[field];
    if (i >= 0 && (size_t)i < row->n)
        return row->cells[i];
    return (sp_cell){.text = "", .line = row->line, .col = 1};
}

const char *sp_field_aliases_text(sp_arena *a, const sp_field_def *def)
{
    if (!def->aliases[0])
        return def->name;
    size_t len = 0;
    for (int i = 0; i < 8 && def->aliases[i]; i++)
        len += strlen(def->aliases[i]) + 2;
    char *out = sp_arena_alloc(a, len + 1);
    for (int i = 0; i < 8 && def->aliases[i]; i++) {
        if (i)
            strcat(out, ", ");
        strcat(out, def->aliases[i]);
    }
    return out;
}
