/*
 * readers.h - one reader per file of a plan folder. Each maps its columns by alias, parses
 * every cell it knows, appends rows to the plan and reports problems at the cell.
 * sp_read_plan (plan_reader.h) calls them in order and then builds the plan's structure.
 */
#ifndef SP_READERS_H
#define SP_READERS_H

#include "model/plan.h"
#include "read/csv_table.h"

/* Each returns false when it reported an error. */
bool sp_read_actions(const sp_table *t, sp_plan *p, sp_diags *d);
bool sp_read_kpis(const sp_table *t, sp_plan *p, sp_diags *d);
bool sp_read_kpi_targets(const sp_table *t, sp_plan *p, sp_diags *d);
bool sp_read_kpi_values(const sp_table *t, sp_plan *p, sp_diags *d);
bool sp_read_risks(const sp_table *t, sp_plan *p, sp_diags *d);
/* After sp_plan_build: its rows are matched to the areas actions.csv made. */
bool sp_read_areas(const sp_table *t, sp_plan *p, sp_diags *d);

/* The plan's end, where an end target stands: plan.ini `end`, else the latest original due date
 * of its milestones (read before kpis.csv); SP_NO_DATE when neither. */
sp_date sp_plan_end_date(const sp_plan *p);

/* Appends a checkpoint of the KPI `ref` read from `cell`: its target parsed from `target` (the
 * cell without its source), `source` where the plan names one. */
void sp_add_checkpoint(sp_plan *p, const sp_table *t, const char *ref, sp_checkpoint_kind kind, sp_date date,
                       const char *date_text, sp_cell cell, const char *target, const char *source);

/* sp_src of a cell in table t. */
static inline sp_src sp_cell_src(const sp_table *t, sp_cell c)
{
    return (sp_src){t->file, c.line, c.col};
}

#endif
