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

#endif
