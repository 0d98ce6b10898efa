/* Earlier packs, read back with jansson: each gives the report date, the complete counts of the
 * plan and its areas, and which milestones were complete then. Anything that is not a pack of
 * this plan is skipped with a warning: a folder of old packs is never a reason to stop. */
#include "read/history.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>


static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with_json(const char *s)
{
    size_t n = strlen(s);
    return n > 5 && strcmp(s + n - 5, ".json") == 0;
}

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static bool same_text(const char *a, const char *b)
{
    return (a ? a : "")[0] == (b ? b : "")[0] && strcmp(a ? a : "", b ? b : "") == 0;
}

/* The report date of a pack, or SP_NO_DATE. */
static sp_date pack_date(json_t *plan)
{
    const char *s = str(plan, "as_of");
    int y, m, d;
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || !sp_date_valid_ymd(y, m, d))
        return SP_NO_DATE;
    return sp_date_from_ymd(y, m, d);
}

/* Why a pack cannot be used, or NULL. */
static const char *unusable(sp_arena *a, json_t *root, const sp_plan *p, const char *cohort, sp_date as_of,
                            sp_date *date)
{
    json_t *version = json_object_get(root, "schema_version");
    if (!json_is_integer(version) || json_integer_value(version) < SP_JSON_SCHEMA_OLDEST_READ ||
        json_integer_value(version) > SP_JSON_SCHEMA_VERSION)
        return json_is_integer(version)
                   ? sp_arena_printf(a, "skipped: schema version %lld is not one this sendpack reads (%d to %d)",
                                     (long long)json_integer_value(version), SP_JSON_SCHEMA_OLDEST_READ,
                                     SP_JSON_SCHEMA_VERSION)
                   : sp_arena_printf(a, "skipped: no schema_version, so not a pack this sendpack reads (%d)",
                                     SP_JSON_SCHEMA_VERSION);
    json_t *plan = json_object_get(root, "plan");
    const char *title = str(plan, "title");
    if (!title || strcmp(title, p->info.title) != 0)
        return sp_arena_printf(a, "skipped: a pack of another plan ('%s')", title ? title : "no title");
    json_t *c = json_object_get(plan, "cohort");
    if (!same_text(json_is_string(c) ? json_string_value(c) : NULL, cohort))
        return "skipped: a pack of another cohort, whose counts are of other milestones";
    *date = pack_date(plan);
    if (*date == SP_NO_DATE)
        return "skipped: no report date (plan.as_of)";
    if (*date > as_of)
        return "skipped: its report date is after this report's";
    if (!json_is_object(json_object_get(root, "summary")) || !json_is_array(json_object_get(root, "milestones")) ||
        !json_is_array(json_object_get(root, "areas")))
        return "skipped: no summary, areas or milestones";
    return NULL;
}

static size_t blue_of(json_t *counts)
{
    json_t *b = json_object_get(counts, "blue");
    return json_is_integer(b) && json_integer_value(b) >= 0 ? (size_t)json_integer_value(b) : 0;
}

/* Milestones a pack shows complete, matched by ref and text (the k-th of a pair to the k-th). */
static void mark_complete(json_t *milestones, const sp_plan *p, sp_date date, sp_history *h, bool *taken)
{
    memset(taken, 0, p->milestones.n * sizeof *taken);
    size_t i;
    json_t *m;
    json_array_foreach(milestones, i, m) {
        if (!json_is_true(json_object_get(m, "complete")))
            continue;
        const char *ref = str(m, "ref"), *text = str(m, "milestone");
        if (!ref)
            continue;
        for (size_t k = 0; k < p->milestones.n; k++) {
            const sp_milestone *pm = &p->milestones.items[k];
            if (taken[k] || strcmp(pm->ref, ref) != 0 || !same_text(pm->text, text))
                continue;
            taken[k] = true;
            if (h->first_complete[k] == SP_NO_DATE || date < h->first_complete[k])
                h->first_complete[k] = date;
            break;
        }
    }
}

bool sp_read_history(const char *dir, const sp_plan *p, const char *cohort, sp_date as_of, sp_history *h,
                     sp_diags *d)
{
    memset(h, 0, sizeof *h);
    DIR *dp = opendir(dir);
    if (!dp) {
        sp_error(d, ((sp_src){dir, 0, 0}), "--history: cannot read the folder: %s", strerror(errno));
        return false;
    }
    SP_VEC(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(dp)))
        if (ends_with_json(e->d_name))
            *sp_vec_push(&names) = sp_arena_printf(&h->arena, "%s/%s", dir, e->d_name);
    closedir(dp);
    qsort(names.items, names.n, sizeof *names.items, by_name);

    h->first_complete = sp_arena_alloc(&h->arena, (p->milestones.n + 1) * sizeof *h->first_complete);
    for (size_t k = 0; k < p->milestones.n; k++)
        h->first_complete[k] = SP_NO_DATE;
    h->packs = sp_arena_alloc(&h->arena, (names.n + 1) * sizeof *h->packs);
    bool *taken = sp_xmalloc((p->milestones.n + 1) * sizeof *taken);
    for (size_t f = 0; f < names.n; f++) {
        sp_src src = {names.items[f], 0, 0};
        json_error_t err;
        json_t *root = json_load_file(names.items[f], 0, &err);
        if (!root) {
            sp_warning(d, ((sp_src){names.items[f], (unsigned)(err.line > 0 ? err.line : 0),
                                     (unsigned)(err.column > 0 ? err.column : 0)}),
                       "skipped: not JSON (%s)", err.text);
            continue;
        }
        sp_date date = SP_NO_DATE;
        const char *why = json_is_object(root) ? unusable(&h->arena, root, p, cohort, as_of, &date)
                                               : "skipped: not a sendpack JSON pack";
        bool this_report = !why && date == as_of;
        bool seen = false;
        for (size_t k = 0; k < h->n_packs && !why; k++)
            seen = seen || h->packs[k].as_of == date;
        if (why)
            sp_warning(d, src, "%s", why);
        if (why || this_report || seen) { /* this report re-run, or a date already read (another template) */
            json_decref(root);
            continue;
        }
        sp_earlier_pack *pk = &h->packs[h->n_packs++];
        pk->as_of = date;
        pk->file = names.items[f];
        pk->complete = blue_of(json_object_get(json_object_get(root, "summary"), "milestones"));
        pk->area_complete = sp_arena_alloc(&h->arena, (p->areas.n + 1) * sizeof *pk->area_complete);
        for (size_t k = 0; k < p->areas.n; k++) {
            pk->area_complete[k] = SIZE_MAX;
            size_t i;
            json_t *ar;
            json_array_foreach(json_object_get(root, "areas"), i, ar) {
                const char *name = str(ar, "name");
                if (name && strcmp(name, p->areas.items[k].name) == 0)
                    pk->area_complete[k] = blue_of(json_object_get(ar, "counts"));
            }
        }
        mark_complete(json_object_get(root, "milestones"), p, date, h, taken);
        json_decref(root);
    }
    free(taken);
    free(names.items);
    /* by report date */
    for (size_t i = 1; i < h->n_packs; i++)
        for (size_t k = i; k > 0 && h->packs[k - 1].as_of > h->packs[k].as_of; k--) {
            sp_earlier_pack t = h->packs[k];
            h->packs[k] = h->packs[k - 1];
            h->packs[k - 1] = t;
        }
    return true;
}
