/*
 * plan_ini.h - plan.ini, section [plan]: title, area, kind, start, checkpoint_3m/6m/12m,
 * organisations. Parsed by libinih; unknown keys and bad values are errors with their line.
 */
#ifndef SP_PLAN_INI_H
#define SP_PLAN_INI_H

#include <stdbool.h>

#include "model/plan.h"

/* Reads dir/plan.ini into p->info. Returns false when an error was reported. */
bool sp_read_plan_ini(const char *path, const char *file, sp_plan *p, sp_diags *d);

#endif
