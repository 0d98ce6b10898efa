/*
 * json_families.h - the Local Offer text in the JSON (docs/json.md, "families"): the same
 * words the page, the PDF and the workbook give families, for a council's own web tools.
 */
#ifndef SP_JSON_FAMILIES_H
#define SP_JSON_FAMILIES_H

#include "render/json_writer.h"
#include "render/report.h"

/* Writes the top-level `families` member into the open object; nothing when the pack has no
 * families' text (templates that are not plain English). */
void sp_json_families(sp_jw *w, const sp_report *r);

#endif
