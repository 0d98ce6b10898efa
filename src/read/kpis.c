/* kpis.csv: one row per KPI with its baseline and its checkpoints: 3/6/12-month targets, dated
 * checkpoint columns ("Milestone 1 – Jul 23") with their actuals ("Actual Jul 23"), and an end
 * target with its source ("10% (England average 21/22)"). */
#include <string.h>

#include "read/columns.h"
#include "read/dates.h"
#include "read/readers.h"
#include "read/values.h"
#include "util/date.h"
#include "util/strmap.h"
#include "util/text.h"

enum {
    F_REF, F_AREA, F_NAME, F_UNIT, F_DIRECTION, F_BASELINE, F_BASELINE_DATE, F_T3, F_T6, F_T12,
    F_TOLERANCE, F_COHORT, F_OWNER, F_SOURCE, F_END, F_END_SOURCE, F_COUNT
};

static const sp_field_def FIELDS[F_COUNT] = {
    [F_REF] = {"ref", true, false, {"Ref", "KPI ref", "ID"}},
    [F_AREA] = {"area", false, false, {"Area", "Workstream", "KPI reference", "Theme"}},
    [F_NAME] = {"name", true, false, {"KPI", "Name", "Measure"}},
    [F_UNIT] = {"unit", false, false, {"Unit"}},
    [F_DIRECTION] = {"direction", false, false, {"Direction", "Polarity", "Improvement direction"}},
    [F_BASELINE] = {"baseline", false, false, {"Baseline"}},
    [F_BASELINE_DATE] = {"baseline_date", false, false, {"Baseline date"}},
    [F_T3] = {"target_3m", false, true, {"3 months", "3 month target", "Target 3 months"}},
    [F_T6] = {"target_6m", false, true, {"6 months", "6 month target", "Target 6 months"}},
    [F_T12] = {"target_12m", false, true, {"12 months", "12 month target", "Target 12 months"}},
    [F_TOLERANCE] = {"tolerance", false, false, {"Tolerance"}},
    [F_COHORT] = {"cohort", false, false, {"Cohort", "Age group"}},
    [F_OWNER] = {"owner", false, false, {"Owner", "Lead"}},
    [F_SOURCE] = {"source", false, false, {"Source"}},
    [F_END] = {"end_target", false, false, {"Target", "End target", "Final target", "Ambition"}},
    [F_END_SOURCE] = {"target_source", false, false, {"Target source", "Source of target", "Benchmark"}},
};

/* A column whose header names a month and says target/milestone/checkpoint/trajectory (a dated
 * checkpoint) or actual (that month's value). */
typedef struct dated_column {
    size_t pos;
    sp_date date;
    bool actual;
    const sp_cell *header;
} dated_column;

#define MAX_DATED_COLUMNS 1000 /* decision 17: no table has more columns */

static bool header_says(const char *h, const char *const *words)
{
    for (; *words; words++)
        if (sp_ifind_word(h, *words))
            return true;
    return false;
}

static size_t find_dated_columns(const sp_table *t, const sp_columns *c, const sp_plan *p, dated_column *out,
                                 sp_diags *d)
{
    static const char *const target_words[] = {"target", "milestone", "checkpoint", "trajectory", NULL};
    static const char *const actual_words[] = {"actual", NULL};
    size_t n = 0;
    for (size_t i = 0; i < t->header.n && n < MAX_DATED_COLUMNS; i++) {
        bool mapped = false;
        for (int f = 0; f < F_COUNT && !mapped; f++)
            mapped = c->index[f] == (int)i;
        const char *h = t->header.cells[i].text;
        bool actual = header_says(h, actual_words);
        if (mapped || (!actual && !header_says(h, target_words)))
            continue;
        sp_date_token tok[2];
        char err[256];
        if (sp_scan_dates(h, tok, 2, err, sizeof err) != 1)
            continue;
        if (!sp_date_near_start(p, tok[0].date, h, err, sizeof err)) {
            sp_warning(d, sp_cell_src(t, t->header.cells[i]), "the column is not read as a checkpoint: %s", err);
            continue;
        }
        out[n++] = (dated_column){i, tok[0].date, actual, &t->header.cells[i]};
    }
    return n;
}

/* The plan's end: plan.ini `end`, else the latest original due date of its milestones (as the
 * assessment takes it). */
sp_date sp_plan_end_date(const sp_plan *p)
{
    if (p->info.end != SP_NO_DATE)
        return p->info.end;
    sp_date end = SP_NO_DATE;
    for (size_t i = 0; i < p->milestones.n; i++) {
        const sp_milestone *m = &p->milestones.items[i];
        if (m->due.kind == SP_DUE_DATE && m->due.date != SP_NO_DATE && (end == SP_NO_DATE || m->due.date > end))
            end = m->due.date;
    }
    return end;
}

void sp_add_checkpoint(sp_plan *p, const sp_table *t, const char *ref, sp_checkpoint_kind kind, sp_date date,
                       const char *date_text, sp_cell cell, const char *target, const char *source)
{
    sp_checkpoint *cp = sp_vec_push(&p->checkpoints);
    *cp = (sp_checkpoint){.src = sp_cell_src(t, cell), .ref = ref, .kind = kind, .date = date,
                          .date_text = date_text, .source = source ? source : ""};
    sp_parse_target(&p->arena, target, &cp->target);
    cp->target.src = cp->src;
}

/* A checkpoint's actual: an observation of that month, as kpi_values.csv would give it. */
static bool add_actual(sp_plan *p, const sp_table *t, const char *ref, const dated_column *col, sp_cell cell,
                       sp_diags *d)
{
    char err[512];
    sp_value_cell vc;
    if (!sp_parse_value_cell(&p->arena, cell.text, &vc, err, sizeof err)) {
        sp_error(d, sp_cell_src(t, cell), "%s: %s", col->header->text, err);
        return false;
    }
    sp_observation *o = sp_vec_push(&p->observations);
    *o = (sp_observation){.src = sp_cell_src(t, cell), .ref = ref, .kpi = (size_t)-1, .has_value = true,
                          .value = vc.value, .note = "", .value_note = vc.note, .projected = vc.projected,
                          .value_percent = vc.percent, .value_src = sp_cell_src(t, cell)};
    o->period_start = sp_date_start_of_month(col->date);
    o->period_end = sp_date_end_of_month(col->date);
    return true;
}

/* "3 months (Sept 22)" sets that checkpoint's date unless plan.ini gave one. */
static void checkpoint_from_header(const sp_table *t, const sp_columns *c, int field, int cp, sp_plan *p,
                                   sp_diags *d)
{
    const char *note = c->bracket[field];
    if (!note || !note[0])
        return;
    const sp_cell *h = c->header[field];
    sp_date date;
    bool words;
    char err[256];
    if (!sp_parse_date_cell(note, &date, &words, err, sizeof err) || date == SP_NO_DATE) {
        sp_warning(d, sp_cell_src(t, *h), "'%s' in the header is not a date; the %s checkpoint stays %s", note,
                   sp_checkpoint_label(cp), p->info.checkpoint_set[cp] ? "as plan.ini sets it" : "at its default");
        return;
    }
    if (p->info.checkpoint_set[cp]) {
        if (p->info.checkpoint[cp] != date) {
            char a[20], b[20];
            sp_date_long(date, a);
            sp_date_long(p->info.checkpoint[cp], b);
            sp_warning(d, sp_cell_src(t, *h), "the header dates the %s checkpoint %s but plan.ini says %s; plan.ini is used",
                       sp_checkpoint_label(cp), a, b);
        }
        return;
    }
    p->info.checkpoint[cp] = date;
    p->info.checkpoint_set[cp] = true;
}

bool sp_read_kpis(const sp_table *t, sp_plan *p, sp_diags *d)
{
    sp_columns c;
    if (!sp_columns_map(t, FIELDS, F_COUNT, &c, &p->arena, d))
        return false;
    checkpoint_from_header(t, &c, F_T3, SP_CP_3M, p, d);
    checkpoint_from_header(t, &c, F_T6, SP_CP_6M, p, d);
    checkpoint_from_header(t, &c, F_T12, SP_CP_12M, p, d);
    dated_column *dated = sp_arena_alloc(&p->arena, (t->header.n + 1) * sizeof *dated);
    size_t n_dated = find_dated_columns(t, &c, p, dated, d);
    bool has_3_6_12 = c.index[F_T3] >= 0 || c.index[F_T6] >= 0 || c.index[F_T12] >= 0;
    bool dated_targets = c.index[F_END] >= 0;
    for (size_t i = 0; i < n_dated; i++)
        dated_targets = dated_targets || !dated[i].actual;
    sp_date end = sp_plan_end_date(p);

    bool ok = true;
    char err[512];
    sp_strmap refs; /* each KPI's ref, case-insensitive: "k01" repeats "K01" */
    sp_strmap_init(&refs, true);
    for (size_t r = 0; r < t->rows.n; r++) {
        const sp_row *row = &t->rows.items[r];
        sp_cell ref = sp_field(row, &c, F_REF);
        ref.text = sp_ref_clean(&p->arena, ref.text); /* "K1" and "K1" + a zero-width joiner are one ref */
        sp_cell name = sp_field(row, &c, F_NAME);
        if (!ref.text[0]) {
            sp_error(d, sp_cell_src(t, ref), "the KPI ref is empty: every KPI needs a unique ref (e.g. K01)");
            ok = false;
            continue;
        }
        size_t seen;
        if (sp_strmap_get(&refs, ref.text, &seen)) {
            sp_error(d, sp_cell_src(t, ref), "duplicate KPI ref '%s': it is already used at line %u", ref.text,
                     p->kpis.items[seen].src.line);
            ok = false;
            continue;
        }
        sp_strmap_put(&refs, ref.text, p->kpis.n);
        sp_kpi *k = sp_vec_push(&p->kpis);
        k->src = (sp_src){t->file, row->line, 1};
        k->ref = ref.text;
        k->name = name.text;
        k->area = sp_field(row, &c, F_AREA).text;
        k->cohort = sp_field(row, &c, F_COHORT).text;
        k->owner = sp_field(row, &c, F_OWNER).text;
        k->source = sp_field(row, &c, F_SOURCE).text;
        k->baseline_date = SP_NO_DATE;
        if (!name.text[0]) {
            sp_error(d, sp_cell_src(t, name), "the KPI name is empty: say what is measured");
            ok = false;
        }

        sp_cell unit = sp_field(row, &c, F_UNIT);
        if (unit.text[0]) {
            k->unit_given = sp_parse_unit(unit.text, &k->unit);
            if (!k->unit_given) {
                sp_error(d, sp_cell_src(t, unit), "unit '%s' is not one of %%, number, rate, days, weeks, text",
                         unit.text);
                ok = false;
            }
        }
        sp_cell dir = sp_field(row, &c, F_DIRECTION);
        k->direction = SP_DIR_UP;
        k->direction_source = dir.text[0] ? SP_DIRSRC_GIVEN : SP_DIRSRC_DEFAULT; /* inferred once built */
        if (dir.text[0] && !sp_parse_direction(dir.text, &k->direction)) {
            sp_error(d, sp_cell_src(t, dir), "direction '%s' is not one of up, down, none", dir.text);
            ok = false;
        }
        sp_parse_baseline(&p->arena, sp_field(row, &c, F_BASELINE).text, &k->baseline);
        sp_cell bdate = sp_field(row, &c, F_BASELINE_DATE);
        if (!sp_parse_date_cell(bdate.text, &k->baseline_date, NULL, err, sizeof err) ||
            !sp_date_near_start(p, k->baseline_date, bdate.text, err, sizeof err)) {
            sp_error(d, sp_cell_src(t, bdate), "baseline date: %s", err);
            ok = false;
        }
        /* The 3/6/12-month checkpoints, set or not, as every plan without dated ones has them. */
        static const int target_fields[SP_N_CHECKPOINTS] = {F_T3, F_T6, F_T12};
        if (has_3_6_12 || !dated_targets)
            for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++) {
                sp_cell cell = sp_field(row, &c, target_fields[cp]);
                const sp_cell *h = c.header[target_fields[cp]];
                sp_add_checkpoint(p, t, k->ref, (sp_checkpoint_kind)cp, p->info.checkpoint[cp], h ? h->text : "", cell,
                               cell.text, NULL);
            }
        for (size_t i = 0; i < n_dated; i++) {
            sp_cell cell = row->n > dated[i].pos ? row->cells[dated[i].pos] : (sp_cell){"", row->line, 1};
            if (!cell.text[0])
                continue;
            if (dated[i].actual) {
                ok &= add_actual(p, t, k->ref, &dated[i], cell, d);
                continue;
            }
            const char *note;
            const char *target = sp_split_note(&p->arena, cell.text, &note);
            sp_add_checkpoint(p, t, k->ref, SP_CPK_DATED, dated[i].date, dated[i].header->text, cell, target, note);
        }
        sp_cell end_cell = sp_field(row, &c, F_END);
        if (end_cell.text[0]) {
            const char *note;
            const char *target = sp_split_note(&p->arena, end_cell.text, &note);
            const char *source = sp_field(row, &c, F_END_SOURCE).text;
            if (end == SP_NO_DATE) {
                sp_error(d, sp_cell_src(t, end_cell),
                         "an end target needs the plan's end: set `end` in plan.ini or give the milestones due dates");
                ok = false;
            } else {
                sp_add_checkpoint(p, t, k->ref, SP_CPK_END, end, c.header[F_END]->text, end_cell, target,
                               source[0] ? source : note);
            }
        }
        sp_cell tol = sp_field(row, &c, F_TOLERANCE);
        if (tol.text[0]) {
            if (!sp_parse_number_cell(tol.text, &k->tolerance, err, sizeof err) || k->tolerance < 0) {
                sp_error(d, sp_cell_src(t, tol), "tolerance: %s",
                         k->tolerance < 0 ? "must not be negative" : err);
                ok = false;
            } else {
                k->has_tolerance = true;
            }
        }
    }
    sp_strmap_free(&refs);
    return ok;
}
