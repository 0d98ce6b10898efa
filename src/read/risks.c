/* risks.csv: the risk register. */
#include "read/columns.h"
#include "read/dates.h"
#include "read/readers.h"
#include "read/values.h"

enum { F_DATE, F_RISK, F_SEVERITY, F_MITIGATION, F_RESIDUAL, F_PROGRESS, F_OWNER, F_COUNT };

static const sp_field_def FIELDS[F_COUNT] = {
    [F_DATE] = {"date", false, false, {"Date", "Raised"}},
    [F_RISK] = {"risk", true, false, {"Risk"}},
    [F_SEVERITY] = {"severity", true, false, {"Severity", "Severity/Impact", "Impact"}},
    [F_MITIGATION] = {"mitigation", false, false, {"Mitigation"}},
    [F_RESIDUAL] = {"residual", false, false, {"Residual", "Severity / Impact Post-mitigation", "Post-mitigation"}},
    [F_PROGRESS] = {"progress", false, false, {"Progress", "Progress following action"}},
    [F_OWNER] = {"owner", false, false, {"Owner"}},
};

bool sp_read_risks(const sp_table *t, sp_plan *p, sp_diags *d)
{
    sp_columns c;
    if (!sp_columns_map(t, FIELDS, F_COUNT, &c, &p->arena, d))
        return false;
    bool ok = true;
    char err[512];
    for (size_t r = 0; r < t->rows.n; r++) {
        const sp_row *row = &t->rows.items[r];
        sp_risk *k = sp_vec_push(&p->risks);
        k->src = (sp_src){t->file, row->line, 1};
        sp_cell risk = sp_field(row, &c, F_RISK);
        k->text = risk.text;
        k->mitigation = sp_field(row, &c, F_MITIGATION).text;
        k->progress = sp_field(row, &c, F_PROGRESS).text;
        k->owner = sp_field(row, &c, F_OWNER).text;
        if (!risk.text[0]) {
            sp_error(d, sp_cell_src(t, risk), "the risk is empty: describe the risk");
            ok = false;
        }
        sp_cell date = sp_field(row, &c, F_DATE);
        k->date_text = date.text;
        if (!sp_parse_date_cell(date.text, &k->date, NULL, err, sizeof err) ||
            !sp_date_near_start(p, k->date, date.text, err, sizeof err)) {
            sp_error(d, sp_cell_src(t, date), "date: %s", err);
            ok = false;
        }
        sp_cell sev = sp_field(row, &c, F_SEVERITY);
        if (!sp_parse_severity(sev.text, &k->severity)) {
            sp_error(d, sp_cell_src(t, sev), "severity '%s' is not one of High, Medium, Low", sev.text);
            ok = false;
        }
        sp_cell res = sp_field(row, &c, F_RESIDUAL);
        if (res.text[0] && !sp_parse_severity(res.text, &k->residual)) {
            sp_error(d, sp_cell_src(t, res), "residual severity '%s' is not one of High, Medium, Low", res.text);
            ok = false;
        }
    }
    return ok;
}
