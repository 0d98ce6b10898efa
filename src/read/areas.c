/* areas.csv (optional): the sponsor, the inspectors' finding, the delivery partners and the cohort
 * of each area (input contract, "areas.csv"). Read after actions.csv has made the areas: a row
 * names its area as a KPI does (name, number, prefix, word overlap); a row naming none is an error. */
#include "model/area_match.h"
#include "read/columns.h"
#include "read/readers.h"

enum { F_AREA, F_SPONSOR, F_WEAKNESS, F_PARTNERS, F_COHORT, F_COUNT };

static const sp_field_def FIELDS[F_COUNT] = {
    [F_AREA] = {"area", true, false, {"Area", "Workstream", "Priority"}},
    [F_SPONSOR] = {"sponsor", false, false, {"Senior accountable sponsor", "Sponsor", "Lead"}},
    [F_WEAKNESS] = {"weakness", false, false,
                    {"Weakness", "Area of weakness", "Ofsted and CQC said", "Inspection finding"}},
    [F_PARTNERS] = {"partners", false, false, {"Delivery partners", "Partners"}},
    [F_COHORT] = {"cohort", false, false, {"Cohort", "Age group"}},
};

bool sp_read_areas(const sp_table *t, sp_plan *p, sp_diags *d)
{
    sp_columns c;
    if (!sp_columns_map(t, FIELDS, F_COUNT, &c, &p->arena, d))
        return false;
    bool ok = true;
    for (size_t r = 0; r < t->rows.n; r++) {
        const sp_row *row = &t->rows.items[r];
        sp_cell name = sp_field(row, &c, F_AREA);
        if (!name.text[0]) {
            sp_error(d, sp_cell_src(t, name), "the area is empty: name the area (workstream) of actions.csv this row describes");
            ok = false;
            continue;
        }
        sp_area_link how;
        double overlap;
        size_t ai = sp_match_area(p, name.text, &how, &overlap);
        if (ai == SP_NO_AREA) {
            sp_error(d, sp_cell_src(t, name),
                     "area '%s' matches no area of actions.csv by name, number, prefix or word overlap", name.text);
            ok = false;
            continue;
        }
        sp_area *area = &p->areas.items[ai];
        if (area->details_src.line) {
            sp_warning(d, sp_cell_src(t, name), "area '%s' is described again (first at line %u); the first row is used",
                       area->name, area->details_src.line);
            continue;
        }
        if (how == SP_LINK_OVERLAP)
            sp_warning(d, sp_cell_src(t, name), "area '%s' is taken to be '%s' (their words overlap %.0f%%): check it",
                       name.text, area->name, overlap * 100);
        area->details_src = sp_cell_src(t, name);
        area->sponsor = sp_field(row, &c, F_SPONSOR).text;
        area->weakness = sp_field(row, &c, F_WEAKNESS).text;
        area->partners = sp_field(row, &c, F_PARTNERS).text;
        area->cohort = sp_field(row, &c, F_COHORT).text;
    }
    return ok;
}
