/*
 * plan_reader.h - the "read" stage: a plan folder becomes one sp_plan.
 */
#ifndef SP_PLAN_READER_H
#define SP_PLAN_READER_H

#include <stdbool.h>

#include "model/plan.h"

/* Reads every file of the folder dir into p (which the caller later frees with
 * sp_plan_free), reporting into d. Returns false when any error was reported. */
bool sp_read_plan(const char *dir, sp_plan *p, sp_diags *d);

/* Builds areas and actions from p->milestones and links observations to KPIs; called by
 * sp_read_plan, public for tests that build a plan in memory. */
bool sp_plan_build(sp_plan *p, sp_diags *d);

#endif
