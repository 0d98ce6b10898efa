/* kpi_targets.csv: one dated checkpoint target of one KPI (the long form of dated checkpoints).
 * A row dated at the plan's end is the KPI's end target. */
#include "read/columns.h"
#include "read/dates.h"
#include "read/readers.h"
#include "read/values.h"
#include "util/text.h"

enum { F_REF, F_DATE, F_TARGET, F_NOTE, F_COUNT };

static const sp_field_def FIELDS[F_COUNT] = {
    [F_REF] = {"ref", true, false, {"Ref", "KPI ref"}},
    [F_DATE] = {"date", true, false, {"Date", "Checkpoint", "Milestone date", "Due"}},
    [F_TARGET] = {"target", true, false, {"Target"}},
    [F_NOTE] = {"note", false, false, {"Note", "Source"}},
};

bool sp_read_kpi_targets(const sp_table *t, sp_plan *p, sp_diags *d)
{
    sp_columns c;
    if (!sp_columns_map(t, FIELDS, F_COUNT, &c, &p->arena, d))
        return false;
    bool ok = true;
    char err[512];
    sp_date end = sp_plan_end_date(p);
    for (size_t r = 0; r < t->rows.n; r++) {
        const sp_row *row = &t->rows.items[r];
        sp_cell ref = sp_field(row, &c, F_REF), date = sp_field(row, &c, F_DATE), target = sp_field(row, &c, F_TARGET);
        ref.text = sp_ref_clean(&p->arena, ref.text);
        if (!ref.text[0]) {
            sp_error(d, sp_cell_src(t, ref), "the KPI ref is empty: say which KPI this target belongs to");
            ok = false;
            continue;
        }
        sp_date when = SP_NO_DATE;
        if (!date.text[0]) {
            sp_error(d, sp_cell_src(t, date), "the checkpoint date is empty: write a date or a month (Jul 23)");
            ok = false;
            continue;
        }
        if (!sp_parse_date_cell(date.text, &when, NULL, err, sizeof err) ||
            !sp_date_near_start(p, when, date.text, err, sizeof err)) {
            sp_error(d, sp_cell_src(t, date), "checkpoint date: %s", err);
            ok = false;
            continue;
        }
        if (!target.text[0]) {
            sp_error(d, sp_cell_src(t, target), "the target is empty: give the checkpoint's target or leave the row out");
            ok = false;
            continue;
        }
        const char *note;
        const char *written = sp_split_note(&p->arena, target.text, &note);
        const char *source = sp_field(row, &c, F_NOTE).text;
        sp_add_checkpoint(p, t, ref.text, when == end ? SP_CPK_END : SP_CPK_DATED, when, date.text, target, written,
                          source[0] ? source : note);
    }
    return ok;
}
