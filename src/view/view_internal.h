/* view_internal.h - what the view's files share; not for renderers. */
#ifndef SP_VIEW_INTERNAL_H
#define SP_VIEW_INTERNAL_H

#include "view/view.h"

sp_rows sp_rows_new(sp_arena *a, size_t cap);
/* "17%, Jan 2022 14-17 years": the baseline with its note; as written when not a number. */
const char *sp_view_baseline(sp_arena *a, const sp_kpi *k, const sp_kpi_result *kr);
/* The charts' words (charts.c). */
void sp_view_build_charts(sp_view *v);
/* The exceptions with their stories, their grouping by area, and each area's opening (story.c). */
void sp_view_build_story(sp_view *v);
/* Each KPI's checkpoints, latest value and observations as shown (checkpoints.c). */
void sp_view_build_checkpoints(sp_view *v);

/* Who answers for each milestone and action (people.c), the exceptions' owners, the Annex A header. */
sp_view_list sp_view_split(sp_arena *a, const char *text);        /* at ';' and line breaks */
const char *sp_view_join(sp_arena *a, sp_view_list l, const char *separator);
void sp_view_build_people(sp_view *v);
void sp_view_exception_people(sp_view *v, sp_view_exception *x, const char *owners, const char *accountable);
void sp_view_build_annex_a(sp_view *v);
void sp_view_redact_people(sp_plan *copy, sp_arena *a);

#endif
