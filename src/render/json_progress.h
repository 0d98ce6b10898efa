/*
 * json_progress.h - the JSON of progress over the life of the plan and the forecast
 * (docs/json.md, "progress"). Called from json.c; lays out assess/progress.c's figures only.
 */
#ifndef SP_JSON_PROGRESS_H
#define SP_JSON_PROGRESS_H

#include "render/json_writer.h"
#include "render/report.h"

/* Writes the top-level `progress` member (key and object) into the open object; nothing when
 * the template shows no forecast (plain English). */
void sp_json_progress(sp_jw *w, const sp_report *r);
/* Writes `burnup`, `pace` and `forecast` into area i's open object, unless the template shows
 * no forecast. */
void sp_json_area_progress(sp_jw *w, const sp_report *r, size_t i);

#endif
