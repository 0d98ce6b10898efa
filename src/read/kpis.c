/* kpis.csv: one row per KPI with its baseline and 3/6/12-month targets. */
#include <string.h>

#include "read/columns.h"
#include "read/dates.h"
#include "read/readers.h"
#include "read/values.h"
#include "util/strmap.h"
#include "util/text.h"

enum {
    F_REF, F_AREA, F_NAME, F_UNIT, F_DIRECTION, F_BASELINE, F_BASELINE_DATE, F_T3, F_T6, F_T12,
    F_TOLERANCE, F_COHORT, F_OWNER, F_SOURCE, F_COUNT
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
};

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
        static const int target_fields[SP_N_CHECKPOINTS] = {F_T3, F_T6, F_T12};
        for (int cp = 0; cp < SP_N_CHECKPOINTS; cp++) {
            sp_cell cell = sp_field(row, &c, target_fields[cp]);
            sp_parse_target(&p->arena, cell.text, &k->target[cp]);
            k->target[cp].src = sp_cell_src(t, cell);
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
