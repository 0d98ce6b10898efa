#include <strings.h>
#include "read/plan_reader.h"

#include <stdlib.h>
#include <string.h>

#include "read/csv_table.h"
#include "read/plan_ini.h"
#include "read/readers.h"
#include "util/strmap.h"
#include "util/text.h"

/* "dir/name", or just "name" when dir is "." so messages read "actions.csv:3:1". */
static const char *join(sp_arena *a, const char *dir, const char *name)
{
    if (strcmp(dir, ".") == 0 || !dir[0])
        return sp_arena_strdup(a, name);
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    return sp_arena_printf(a, "%.*s/%s", (int)n, dir, name);
}

static const char *folder_name(sp_arena *a, const char *dir)
{
    return sp_folder_slug(a, dir);
}

typedef bool (*reader_fn)(const sp_table *, sp_plan *, sp_diags *);

static bool read_csv(sp_plan *p, sp_diags *d, const char *dir, const char *name, bool required, reader_fn fn,
                     bool *present)
{
    sp_table t;
    const char *file = join(&p->arena, dir, name);
    sp_csv_result r = sp_csv_read_file(file, file, &p->arena, d, &t);
    if (present)
        *present = r != SP_CSV_MISSING;
    if (r == SP_CSV_MISSING) {
        if (required)
            sp_error(d, ((sp_src){file, 0, 0}), "missing file: a plan folder needs plan.ini, actions.csv and kpis.csv");
        return !required;
    }
    bool ok = r == SP_CSV_OK && fn(&t, p, d);
    sp_table_free(&t);
    return ok;
}

bool sp_read_plan(const char *dir, sp_plan *p, sp_diags *d)
{
    p->dir = sp_arena_strdup(&p->arena, dir);
    p->name = folder_name(&p->arena, dir);
    bool ok = sp_read_plan_ini(join(&p->arena, dir, "plan.ini"), join(&p->arena, dir, "plan.ini"), p, d);
    ok &= read_csv(p, d, dir, "actions.csv", true, sp_read_actions, NULL);
    ok &= read_csv(p, d, dir, "kpis.csv", true, sp_read_kpis, NULL);
    ok &= read_csv(p, d, dir, "kpi_targets.csv", false, sp_read_kpi_targets, &p->has_targets_file);
    ok &= read_csv(p, d, dir, "kpi_values.csv", false, sp_read_kpi_values, &p->has_values_file);
    ok &= read_csv(p, d, dir, "risks.csv", false, sp_read_risks, &p->has_risks_file);
    ok &= sp_plan_build(p, d);
    if (p->areas.n) /* its rows name the areas actions.csv made: nothing to match them to otherwise */
        ok &= read_csv(p, d, dir, "areas.csv", false, sp_read_areas, &p->has_areas_file);
    return ok && d->errors == 0;
}

/* ---- structure ---------------------------------------------------------------------- */

static const sp_plan *sort_plan; /* qsort has no context argument in C11 */

static int by_ref_then_row(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = strcmp(sort_plan->milestones.items[i].ref, sort_plan->milestones.items[j].ref);
    return c ? c : (i > j) - (i < j);
}

static int action_order(const void *a, const void *b)
{
    const sp_action *x = a, *y = b;
    if (x->area_index != y->area_index)
        return x->area_index < y->area_index ? -1 : 1;
    int c = sp_natcmp(x->ref, y->ref);
    if (c)
        return c;
    c = strcmp(x->ref, y->ref);
    return c ? c : (x->first_milestone > y->first_milestone) - (x->first_milestone < y->first_milestone);
}

static int by_first_row(const void *a, const void *b)
{
    const sp_action *x = a, *y = b;
    return (x->first_milestone > y->first_milestone) - (x->first_milestone < y->first_milestone);
}

/* The area of this name, added if new; by_name indexes the areas so far (a plan may have
 * thousands of actions, and areas are looked up once per action). */
static size_t area_index(sp_plan *p, sp_strmap *by_name, const char *name)
{
    size_t i;
    if (sp_strmap_get(by_name, name, &i))
        return i;
    sp_strmap_put(by_name, name, p->areas.n);
    sp_area *area = sp_vec_push(&p->areas);
    *area = (sp_area){.name = name, .sponsor = "", .weakness = "", .partners = "", .cohort = ""};
    return p->areas.n - 1;
}

static const char *first_nonempty(const char *current, const char *candidate)
{
    return current && current[0] ? current : candidate;
}

static void build_actions(sp_plan *p, sp_diags *d)
{
    size_t n = p->milestones.n;
    size_t *order = sp_xmalloc(n * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_plan = p;
    if (n)
        qsort(order, n, sizeof *order, by_ref_then_row);

    /* One action per ref; first_milestone temporarily holds its first row, for stable order. */
    size_t *group_start = sp_xmalloc((n + 1) * sizeof *group_start);
    size_t groups = 0;
    for (size_t k = 0; k < n; k++) {
        if (k == 0 || strcmp(p->milestones.items[order[k]].ref, p->milestones.items[order[k - 1]].ref) != 0)
            group_start[groups++] = k;
    }
    group_start[groups] = n;
    for (size_t g = 0; g < groups; g++) {
        const sp_milestone *first = &p->milestones.items[order[group_start[g]]];
        sp_action *a = sp_vec_push(&p->actions);
        a->src = first->src;
        a->ref = first->ref;
        a->area = first->area;
        a->outcome = first->outcome;
        a->text = first->action;
        a->first_milestone = order[group_start[g]];
        a->n_milestones = group_start[g + 1] - group_start[g];
        for (size_t k = group_start[g]; k < group_start[g + 1]; k++) {
            const sp_milestone *m = &p->milestones.items[order[k]];
            if (strcmp(m->area, a->area) != 0)
                sp_warning(d, m->src, "action %s is also listed under area '%s'; it is reported under '%s'", a->ref,
                           m->area, a->area);
            a->owner = first_nonempty(a->owner, m->owner);
            a->accountable = first_nonempty(a->accountable, m->accountable);
            a->cohort = first_nonempty(a->cohort, m->cohort);
            a->resource = first_nonempty(a->resource, m->resource);
            a->kpi = first_nonempty(a->kpi, m->kpi);
            a->outcome = first_nonempty(a->outcome, m->outcome);
        }
    }
    /* Areas are numbered in the order their first action appears in the file. */
    if (p->actions.n) {
        qsort(p->actions.items, p->actions.n, sizeof *p->actions.items, by_first_row);
        sp_strmap by_name;
        sp_strmap_init(&by_name, false);
        for (size_t i = 0; i < p->areas.n; i++)
            if (!sp_strmap_get(&by_name, p->areas.items[i].name, &(size_t){0}))
                sp_strmap_put(&by_name, p->areas.items[i].name, i); /* the first of a name, as a scan finds */
        for (size_t ai = 0; ai < p->actions.n; ai++)
            p->actions.items[ai].area_index = area_index(p, &by_name, p->actions.items[ai].area);
        sp_strmap_free(&by_name);
        qsort(p->actions.items, p->actions.n, sizeof *p->actions.items, action_order);
    }

    /* Lay the milestones out in report order: by action, then as they stand in the file. */
    sp_milestone *sorted = sp_xmalloc((n ? n : 1) * sizeof *sorted);
    size_t out = 0;
    for (size_t ai = 0; ai < p->actions.n; ai++) {
        sp_action *a = &p->actions.items[ai];
        size_t first_row = a->first_milestone;
        const char *ref = p->milestones.items[first_row].ref;
        /* rows of this ref are contiguous in `order`; find them by binary-sorted position */
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int c = strcmp(p->milestones.items[order[mid]].ref, ref);
            if (c < 0 || (c == 0 && order[mid] < first_row))
                lo = mid + 1;
            else
                hi = mid;
        }
        a->first_milestone = out;
        for (size_t k = lo; k < lo + a->n_milestones; k++) {
            sorted[out] = p->milestones.items[order[k]];
            sorted[out].action_index = ai;
            sorted[out].area = a->area;
            out++;
        }
    }
    free(p->milestones.items);
    p->milestones.items = sorted;
    p->milestones.cap = n ? n : 1;
    free(order);
    free(group_start);

    for (size_t ai = 0; ai < p->actions.n; ai++) {
        const sp_action *a = &p->actions.items[ai];
        sp_area *area = &p->areas.items[a->area_index];
        if (area->n_actions == 0) {
            area->first_action = ai;
            area->first_milestone = a->first_milestone;
        }
        area->n_actions++;
        area->n_milestones += a->n_milestones;
    }
}

static const sp_plan *kpi_sort_plan;

static int kpi_by_ref(const void *a, const void *b)
{
    const sp_kpi *x = &kpi_sort_plan->kpis.items[*(const size_t *)a];
    const sp_kpi *y = &kpi_sort_plan->kpis.items[*(const size_t *)b];
    return strcasecmp(x->ref, y->ref);
}

static int obs_order(const void *a, const void *b)
{
    const sp_observation *x = a, *y = b;
    if (x->kpi != y->kpi)
        return x->kpi < y->kpi ? -1 : 1;
    if (x->period_start != y->period_start)
        return x->period_start < y->period_start ? -1 : 1;
    return (x->src.line > y->src.line) - (x->src.line < y->src.line);
}

/* KPIs by ref, case-insensitive, for linking rows of other files to them. */
typedef struct kpi_index {
    const sp_plan *p;
    size_t *order;
    size_t n;
} kpi_index;

static kpi_index kpi_index_build(const sp_plan *p)
{
    kpi_index x = {p, sp_xmalloc((p->kpis.n ? p->kpis.n : 1) * sizeof *x.order), p->kpis.n};
    for (size_t i = 0; i < x.n; i++)
        x.order[i] = i;
    kpi_sort_plan = p;
    if (x.n)
        qsort(x.order, x.n, sizeof *x.order, kpi_by_ref);
    return x;
}

/* The KPI of this ref, or false. */
static bool kpi_index_find(const kpi_index *x, const char *ref, size_t *kpi)
{
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcasecmp(x->p->kpis.items[x->order[mid]].ref, ref);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == x->n || strcasecmp(x->p->kpis.items[x->order[lo]].ref, ref) != 0)
        return false;
    *kpi = x->order[lo];
    return true;
}

static bool link_observations(sp_plan *p, const kpi_index *x, sp_diags *d)
{
    bool ok = true;
    size_t kept = 0;
    for (size_t i = 0; i < p->observations.n; i++) {
        sp_observation *o = &p->observations.items[i];
        if (!o->ref[0])
            continue;
        if (!kpi_index_find(x, o->ref, &o->kpi)) {
            sp_error(d, o->src, "KPI ref '%s' is not in kpis.csv", o->ref);
            ok = false;
            continue;
        }
        p->observations.items[kept++] = *o;
    }
    p->observations.n = kept;
    if (p->observations.n)
        qsort(p->observations.items, p->observations.n, sizeof *p->observations.items, obs_order);

    for (size_t i = 0; i < p->observations.n; i++) {
        const sp_observation *o = &p->observations.items[i];
        sp_kpi *k = &p->kpis.items[o->kpi];
        if (k->n_obs == 0)
            k->first_obs = i;
        else if (o[-1].period_start == o->period_start) {
            char when[16];
            sp_date_month(o->period_end, when);
            if (o[-1].src.file == o->src.file || strcmp(o[-1].src.file, o->src.file) == 0)
                sp_error(d, o->src, "a second value for %s in %s (the first is at line %u): keep one row per period",
                         k->ref, when, o[-1].src.line);
            else
                sp_error(d, o->src, "a second value for %s in %s (the first is at %s:%u:%u): keep one row per period",
                         k->ref, when, o[-1].src.file, o[-1].src.line, o[-1].src.col);
            ok = false;
        }
        k->n_obs++;
    }
    return ok;
}

static int checkpoint_order(const void *a, const void *b)
{
    const sp_checkpoint *x = a, *y = b;
    if (x->kpi != y->kpi)
        return x->kpi < y->kpi ? -1 : 1;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (strcmp(x->src.file, y->src.file))
        return strcmp(x->src.file, y->src.file);
    if (x->src.line != y->src.line)
        return x->src.line < y->src.line ? -1 : 1;
    return (x->src.col > y->src.col) - (x->src.col < y->src.col);
}

/* Each KPI's checkpoints in date order. The 3/6/12-month ones a KPI has no target for are left
 * out where it has dated checkpoints of its own; two targets at one date are an error. */
static bool link_checkpoints(sp_plan *p, const kpi_index *x, sp_diags *d)
{
    bool ok = true;
    size_t n = p->checkpoints.n;
    bool *dated = sp_xmalloc((p->kpis.n + 1) * sizeof *dated);
    for (size_t i = 0; i < p->kpis.n; i++)
        dated[i] = false;
    for (size_t i = 0; i < n; i++) {
        sp_checkpoint *c = &p->checkpoints.items[i];
        if (!kpi_index_find(x, c->ref, &c->kpi)) {
            sp_error(d, c->src, "KPI ref '%s' is not in kpis.csv", c->ref);
            ok = false;
            c->kpi = (size_t)-1;
        } else if (c->kind > SP_CPK_12M) {
            dated[c->kpi] = true;
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        const sp_checkpoint *c = &p->checkpoints.items[i];
        if (c->kpi == (size_t)-1 || (c->kind <= SP_CPK_12M && c->target.kind == SP_TARGET_NONE && dated[c->kpi]))
            continue;
        p->checkpoints.items[kept++] = *c;
    }
    free(dated);
    p->checkpoints.n = kept;
    if (kept)
        qsort(p->checkpoints.items, kept, sizeof *p->checkpoints.items, checkpoint_order);
    for (size_t i = 0; i < kept; i++) {
        const sp_checkpoint *c = &p->checkpoints.items[i];
        sp_kpi *k = &p->kpis.items[c->kpi];
        if (k->n_checkpoints == 0)
            k->first_checkpoint = i;
        else if (c[-1].date == c->date && c[-1].target.kind != SP_TARGET_NONE && c->target.kind != SP_TARGET_NONE) {
            char when[20];
            sp_date_long(c->date, when);
            sp_error(d, c->src, "a second target for %s at %s (the first is at %s:%u:%u): keep one target per checkpoint",
                     k->ref, when, c[-1].src.file, c[-1].src.line, c[-1].src.col);
            ok = false;
        }
        k->n_checkpoints++;
    }
    for (size_t i = 0; i < p->kpis.n; i++)
        p->kpis.items[i].checkpoints = p->checkpoints.items + p->kpis.items[i].first_checkpoint;
    return ok;
}

static void infer_units(sp_plan *p)
{
    for (size_t i = 0; i < p->kpis.n; i++) {
        sp_kpi *k = &p->kpis.items[i];
        if (k->unit_given)
            continue;
        bool percent = strchr(k->baseline.text, '%') != NULL;
        bool numeric = k->baseline.set;
        for (size_t cp = 0; cp < k->n_checkpoints; cp++) {
            const sp_target *t = &k->checkpoints[cp].target;
            if (t->kind == SP_TARGET_ABSOLUTE && strchr(t->text, '%'))
                percent = true;
            if (t->kind == SP_TARGET_POINTS)
                percent = true;
            if (t->kind == SP_TARGET_ABSOLUTE || t->kind == SP_TARGET_RELATIVE || t->kind == SP_TARGET_POINTS)
                numeric = true;
        }
        for (size_t o = 0; o < k->n_obs; o++)
            numeric = numeric || p->observations.items[k->first_obs + o].has_value;
        k->unit = percent ? SP_UNIT_PERCENT : numeric ? SP_UNIT_NUMBER : SP_UNIT_TEXT;
    }
}

/* Decision 20: a KPI given no direction takes it from its final target (the end target, else
 * its last numeric one) against its baseline, said once in a note; else up, with a warning. */
static void infer_directions(sp_plan *p, sp_diags *d)
{
    for (size_t i = 0; i < p->kpis.n; i++) {
        sp_kpi *k = &p->kpis.items[i];
        if (k->direction_source != SP_DIRSRC_DEFAULT || k->unit == SP_UNIT_TEXT)
            continue;
        const sp_checkpoint *final = NULL;
        for (size_t c = k->n_checkpoints; c-- > 0 && !final;)
            if (k->checkpoints[c].target.kind == SP_TARGET_ABSOLUTE ||
                ((k->checkpoints[c].target.kind == SP_TARGET_RELATIVE || k->checkpoints[c].target.kind == SP_TARGET_POINTS) &&
                 k->baseline.set))
                final = &k->checkpoints[c];
        for (size_t c = 0; c < k->n_checkpoints; c++)
            if (k->checkpoints[c].kind == SP_CPK_END && k->checkpoints[c].target.kind != SP_TARGET_TEXT &&
                k->checkpoints[c].target.kind != SP_TARGET_NONE)
                final = &k->checkpoints[c];
        double target = final ? sp_target_value(&final->target, k->baseline.value) : 0;
        if (final && k->baseline.set && target != k->baseline.value) {
            char label[16];
            k->direction = target < k->baseline.value ? SP_DIR_DOWN : SP_DIR_UP;
            k->direction_source = SP_DIRSRC_INFERRED;
            k->direction_note = sp_arena_printf(&p->arena,
                                                "No direction is given, so %s is taken as better: the %s target (%s) "
                                                "is %s the baseline (%s)",
                                                k->direction == SP_DIR_DOWN ? "lower" : "higher",
                                                sp_kpi_checkpoint_label(final, label), final->target.text,
                                                k->direction == SP_DIR_DOWN ? "below" : "above", k->baseline.text);
            continue;
        }
        k->direction_note = "No direction is given and none can be inferred, so higher is taken as better";
        sp_warning(d, k->src, "KPI %s has no direction and none can be inferred (%s): it is judged as higher is better; "
                              "add a Direction column (up, down, none)",
                   k->ref, !k->baseline.set ? "its baseline is not set" : final ? "its final target equals its baseline"
                                                                                 : "it has no numeric final target");
    }
}

bool sp_plan_build(sp_plan *p, sp_diags *d)
{
    build_actions(p, d);
    kpi_index x = kpi_index_build(p);
    bool ok = link_observations(p, &x, d);
    ok &= link_checkpoints(p, &x, d);
    free(x.order);
    infer_units(p);
    infer_directions(p, d);
    size_t marked = 0;
    for (size_t i = 0; i < p->observations.n; i++)
        marked += sp_ifind_word(p->observations.items[i].note, "illustrative") != NULL;
    p->values_illustrative = p->observations.n > 0 && marked == p->observations.n;
    return ok;
}
