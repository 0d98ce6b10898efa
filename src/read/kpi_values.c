/* kpi_values.csv: one observation of one KPI for one period. */
#include <string.h>

#include "read/columns.h"
#include "read/dates.h"
#include "read/readers.h"
#include "read/values.h"
#include "util/text.h"

enum { F_REF, F_PERIOD, F_VALUE, F_STATUS, F_ENGLAND, F_NEIGHBOURS, F_NOTE, F_REBASE, F_COUNT };

static const sp_field_def FIELDS[F_COUNT] = {
    [F_REF] = {"ref", true, false, {"Ref", "KPI ref"}},
    [F_PERIOD] = {"period", true, false, {"Period", "Month", "Date", "Quarter"}},
    [F_VALUE] = {"value", false, false, {"Value", "Actual"}},
    [F_STATUS] = {"status", false, false, {"Status", "Milestone status"}},
    [F_ENGLAND] = {"england", false, false, {"England", "National"}},
    [F_NEIGHBOURS] = {"stat_neighbours", false, false, {"Statistical neighbours", "Stat neighbours"}},
    [F_NOTE] = {"note", false, false, {"Note", "Comment", "Annotation"}},
    [F_REBASE] = {"rebase", false, false, {"Rebase"}},
};

static bool optional_number(const sp_table *t, sp_cell cell, const char *what, bool *has, double *v, sp_diags *d)
{
    char err[256];
    *has = false;
    if (!cell.text[0])
        return true;
    if (!sp_parse_number_cell(cell.text, v, err, sizeof err)) {
        sp_error(d, sp_cell_src(t, cell), "%s: %s", what, err);
        return false;
    }
    *has = true;
    return true;
}

bool sp_read_kpi_values(const sp_table *t, sp_plan *p, sp_diags *d)
{
    sp_columns c;
    if (!sp_columns_map(t, FIELDS, F_COUNT, &c, &p->arena, d))
        return false;
    bool ok = true;
    char err[512];
    for (size_t r = 0; r < t->rows.n; r++) {
        const sp_row *row = &t->rows.items[r];
        sp_observation *o = sp_vec_push(&p->observations);
        sp_cell ref = sp_field(row, &c, F_REF);
        ref.text = sp_ref_clean(&p->arena, ref.text); /* "K1" and "K1" + a zero-width joiner are one ref */
        o->src = sp_cell_src(t, ref); /* the row, pointing at its ref: where an unknown ref is reported */
        o->ref = ref.text;
        o->kpi = (size_t)-1;
        if (!ref.text[0]) {
            sp_error(d, sp_cell_src(t, ref), "the KPI ref is empty: say which KPI this value belongs to");
            ok = false;
        }
        sp_cell period = sp_field(row, &c, F_PERIOD);
        if (!period.text[0]) {
            sp_error(d, sp_cell_src(t, period), "the period is empty: write a month (2022-07) or a quarter (2022-Q3)");
            ok = false;
        } else if (!sp_parse_period(period.text, &o->period_start, &o->period_end, &o->quarter, err, sizeof err) ||
                   !sp_date_near_start(p, o->period_end, period.text, err, sizeof err)) {
            sp_error(d, sp_cell_src(t, period), "period: %s", err);
            ok = false;
        }
        sp_cell value = sp_field(row, &c, F_VALUE);
        o->value_note = "";
        if (value.text[0]) {
            sp_value_cell vc;
            if (sp_parse_value_cell(&p->arena, value.text, &vc, err, sizeof err)) {
                o->has_value = true;
                o->value = vc.value;
                o->value_note = vc.note;
                o->projected = vc.projected;
                o->value_percent = vc.percent;
                o->value_src = sp_cell_src(t, value);
            } else {
                sp_error(d, sp_cell_src(t, value), "value: %s", err);
                ok = false;
            }
        }
        ok &= optional_number(t, sp_field(row, &c, F_ENGLAND), "England", &o->has_england, &o->england, d);
        ok &= optional_number(t, sp_field(row, &c, F_NEIGHBOURS), "statistical neighbours", &o->has_neighbours,
                              &o->neighbours, d);
        sp_cell status = sp_field(row, &c, F_STATUS);
        if (!sp_parse_qual_status(status.text, &o->status)) {
            sp_error(d, sp_cell_src(t, status), "status '%s' is not one of met, partly met, not met", status.text);
            ok = false;
        }
        sp_cell rebase = sp_field(row, &c, F_REBASE);
        if (!sp_parse_yes_no(rebase.text, &o->rebase)) {
            sp_error(d, sp_cell_src(t, rebase), "rebase '%s' is not yes or no", rebase.text);
            ok = false;
        }
        o->note = sp_field(row, &c, F_NOTE).text;
    }
    return ok;
}
