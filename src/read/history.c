/* Earlier packs, read back with jansson: each gives the report date, the complete counts of the
 * plan and its areas, and which milestones were complete then. Anything that is not a pack of
 * this plan, or that cannot be true, is skipped with a warning naming it: a folder of old packs
 * is never a reason to stop, nor a way to steer the forecast (assessment rules, "Earlier packs"). */
#include "read/history.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/input_file.h"
#include "util/strmap.h"

/* A pack as read, before the packs are checked against each other. */
typedef struct read_pack {
    sp_earlier_pack pack;
    size_t *complete_ms; /* this plan's milestones the pack shows complete */
    size_t n_complete_ms;
} read_pack;

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
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* The report date of a pack, or SP_NO_DATE. */
static sp_date pack_date(json_t *plan)
{
    const char *s = str(plan, "as_of");
    int y, m, d;
    char rest;
    if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || !sp_date_valid_ymd(y, m, d))
        return SP_NO_DATE;
    return sp_date_from_ymd(y, m, d);
}

/* A count as a pack must hold it: a whole number from 0 to most. JSON reals (1e19, 2.5) and
 * anything else are not. */
static bool whole_count(json_t *v, size_t most, size_t *out)
{
    if (!json_is_integer(v) || json_integer_value(v) < 0 || (unsigned long long)json_integer_value(v) > most)
        return false;
    *out = (size_t)json_integer_value(v);
    return true;
}

/* Why a pack cannot be used, or NULL: not a pack of this plan and cohort, or not one that can be
 * true of it. */
static const char *unusable(sp_arena *a, json_t *root, const sp_plan *p, const char *cohort, sp_date as_of,
                            sp_date *date)
{
    json_t *version = json_object_get(root, "schema_version");
    /* every schema version sendpack has written stays readable */
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
        return sp_arena_printf(a, "skipped: a pack of another plan ('%.80s')", title ? title : "no title");
    json_t *c = json_object_get(plan, "cohort");
    if (!same_text(json_is_string(c) ? json_string_value(c) : NULL, cohort))
        return "skipped: a pack of another cohort, whose counts are of other milestones";
    *date = pack_date(plan);
    if (*date == SP_NO_DATE)
        return "skipped: no report date (plan.as_of)";
    if (*date > as_of)
        return "skipped: its report date is after this report's";
    if (p->info.start != SP_NO_DATE && *date < p->info.start)
        return "skipped: it cannot be true: its report date is before the plan's start";
    if (!json_is_object(json_object_get(root, "summary")) || !json_is_array(json_object_get(root, "milestones")) ||
        !json_is_array(json_object_get(root, "areas")))
        return "skipped: no summary, areas or milestones";
    return NULL;
}

/* The pack's complete counts (plan and areas), each a whole number no larger than the plan's
 * milestones, and its pace's monthly counts, numbers as large at most; NULL, or why the pack
 * cannot be true. */
static const char *read_counts(sp_arena *a, json_t *root, const sp_plan *p, read_pack *rp)
{
    size_t n = p->milestones.n;
    json_t *summary = json_object_get(json_object_get(root, "summary"), "milestones");
    if (!whole_count(json_object_get(summary, "blue"), SIZE_MAX >> 1, &rp->pack.complete))
        return "skipped: it cannot be true: its complete count (summary.milestones.blue) is not a whole number";
    if (rp->pack.complete > n)
        return sp_arena_printf(a, "skipped: it cannot be true: %zu milestones complete of the plan's %zu",
                               rp->pack.complete, n);
    rp->pack.area_complete = sp_arena_alloc(a, (p->areas.n + 1) * sizeof *rp->pack.area_complete);
    for (size_t k = 0; k < p->areas.n; k++)
        rp->pack.area_complete[k] = SIZE_MAX;
    size_t i;
    json_t *ar;
    json_array_foreach(json_object_get(root, "areas"), i, ar) {
        const char *name = str(ar, "name");
        for (size_t k = 0; name && k < p->areas.n; k++) {
            if (strcmp(name, p->areas.items[k].name) != 0)
                continue;
            size_t blue;
            if (!whole_count(json_object_get(json_object_get(ar, "counts"), "blue"), rp->pack.complete, &blue))
                return sp_arena_printf(a, "skipped: it cannot be true: area '%.80s' has a complete count that is "
                                          "not a whole number from 0 to the pack's %zu complete",
                                       name, rp->pack.complete);
            rp->pack.area_complete[k] = blue;
        }
    }
    json_t *counts = json_object_get(json_object_get(json_object_get(root, "progress"), "pace"), "counts");
    json_t *month;
    json_array_foreach(counts, i, month) {
        /* a month's count may be a share of the completions between two packs: 2.5 */
        json_t *v = json_object_get(month, "completed");
        double done = json_number_value(v);
        if (v && !json_is_null(v) && (!json_is_number(v) || !isfinite(done) || done < 0 || done > (double)n))
            return sp_arena_printf(a, "skipped: it cannot be true: its pace (progress.pace.counts) holds a count "
                                      "that is not a number from 0 to the plan's %zu milestones",
                                   n);
    }
    return NULL;
}

/* Milestones a pack shows complete, matched by ref and position: the k-th milestone of a ref in
 * the pack is the k-th of that ref in the plan. Never by text: a public template's pack holds
 * redacted text, and every template's pack must give the same forecast. */
static void match_complete(sp_arena *a, json_t *milestones, const sp_plan *p, read_pack *rp)
{
    size_t n = p->milestones.n;
    rp->complete_ms = sp_arena_alloc(a, (n + 1) * sizeof *rp->complete_ms);
    /* each ref's milestones in plan order: the first, then each one's next of the same ref */
    sp_strmap first;
    sp_strmap_init(&first, false);
    size_t *next = sp_xmalloc((n + 1) * sizeof *next), *last = sp_xmalloc((n + 1) * sizeof *last);
    for (size_t k = 0; k < n; k++) {
        size_t f;
        next[k] = SIZE_MAX;
        if (sp_strmap_get(&first, p->milestones.items[k].ref, &f)) {
            next[last[f]] = k;
            last[f] = k;
        } else {
            sp_strmap_put(&first, p->milestones.items[k].ref, k);
            last[k] = k;
        }
    }
    /* the pack's milestones in its order, each taking the next of its ref */
    size_t i;
    json_t *m;
    json_array_foreach(milestones, i, m) {
        const char *ref = str(m, "ref");
        size_t f;
        if (!ref || !sp_strmap_get(&first, ref, &f) || f == SIZE_MAX)
            continue;
        sp_strmap_put(&first, p->milestones.items[f].ref, next[f]); /* the plan's key outlives the map */
        if (json_is_true(json_object_get(m, "complete")))
            rp->complete_ms[rp->n_complete_ms++] = f;
    }
    free(next);
    free(last);
    sp_strmap_free(&first);
}

static int by_date(const void *a, const void *b)
{
    const read_pack *x = a, *y = b;
    return (x->pack.as_of > y->pack.as_of) - (x->pack.as_of < y->pack.as_of);
}

/* One pack file into rp; false after a warning saying why it is skipped. */
static bool read_pack_file(const char *file, const sp_plan *p, const char *cohort, sp_date as_of, sp_history *h,
                           read_pack *rp, sp_diags *d)
{
    sp_src src = {file, 0, 0};
    sp_input_problem problem;
    size_t len = 0;
    char *text = sp_input_read(file, &len, SP_MAX_LINE, &problem);
    if (!text) {
        sp_warning(d, ((sp_src){file, problem.line, problem.line ? 1 : 0}), "skipped: %s", problem.why);
        return false;
    }
    json_error_t err;
    json_t *root = json_loadb(text, len, 0, &err);
    free(text);
    if (!root) {
        sp_warning(d, ((sp_src){file, (unsigned)(err.line > 0 ? err.line : 0), (unsigned)(err.column > 0 ? err.column : 0)}),
                   "skipped: not JSON (%s)", err.text);
        return false;
    }
    memset(rp, 0, sizeof *rp);
    rp->pack.file = file;
    const char *why = json_is_object(root) ? unusable(&h->arena, root, p, cohort, as_of, &rp->pack.as_of)
                                           : "skipped: not a sendpack JSON pack";
    if (!why)
        why = read_counts(&h->arena, root, p, rp);
    if (!why)
        match_complete(&h->arena, json_object_get(root, "milestones"), p, rp);
    json_decref(root);
    if (why)
        sp_warning(d, src, "%s", why);
    return !why;
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

    read_pack *packs = sp_xmalloc((names.n + 1) * sizeof *packs);
    size_t n_packs = 0;
    for (size_t f = 0; f < names.n; f++) {
        read_pack *rp = &packs[n_packs];
        if (!read_pack_file(names.items[f], p, cohort, as_of, h, rp, d))
            continue;
        bool seen = false; /* a date already read (another template's pack of it) counts once */
        for (size_t k = 0; k < n_packs; k++)
            seen = seen || packs[k].pack.as_of == rp->pack.as_of;
        if (rp->pack.as_of < as_of && !seen) /* this very report's pack: a re-run */
            n_packs++;
    }
    free(names.items);
    qsort(packs, n_packs, sizeof *packs, by_date); /* dates are distinct: a stable order */

    h->first_complete = sp_arena_alloc(&h->arena, (p->milestones.n + 1) * sizeof *h->first_complete);
    for (size_t k = 0; k < p->milestones.n; k++)
        h->first_complete[k] = SP_NO_DATE;
    h->packs = sp_arena_alloc(&h->arena, (n_packs + 1) * sizeof *h->packs);
    size_t most = 0; /* the largest complete count of an earlier pack */
    const char *most_file = NULL;
    for (size_t i = 0; i < n_packs; i++) {
        const read_pack *rp = &packs[i];
        if (rp->pack.complete < most) {
            sp_warning(d, ((sp_src){rp->pack.file, 0, 0}),
                       "skipped: it cannot be true: %zu milestones complete, fewer than the %zu of the earlier "
                       "pack %s (completions do not fall)",
                       rp->pack.complete, most, most_file);
            continue;
        }
        most = rp->pack.complete;
        most_file = rp->pack.file;
        h->packs[h->n_packs++] = rp->pack;
        for (size_t k = 0; k < rp->n_complete_ms; k++) { /* by date: the first pack showing it wins */
            size_t m = rp->complete_ms[k];
            if (h->first_complete[m] == SP_NO_DATE)
                h->first_complete[m] = rp->pack.as_of;
        }
    }
    free(packs);
    return true;
}
