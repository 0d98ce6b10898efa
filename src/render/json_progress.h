/*
 * json_progress.h - the JSON of progress over the life of the plan and the forecast
 * (docs/json.md, "progress"). Called from json.c; lays out assess/progress.c's figures only.
 */
#ifndef SP_JSON_PROGRESS_H
#define SP_JSON_PROGRESS_H

#include <jansson.h>

#include "render/report.h"

/* The top-level `progress` object; NULL when the template shows no forecast (plain English). */
json_t *sp_json_progress(const sp_report *r);
/* Adds `burnup`, `pace` and `forecast` to area i's object, unless the template shows no forecast. */
void sp_json_area_progress(const sp_report *r, size_t i, json_t *area);

#endif
