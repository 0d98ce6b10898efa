/*
 * spc.h - statistical process control (XmR charts) in the NHS England "Making Data Count"
 * style, per shared/spec/spc-rules.md. Computed in the assessment, drawn by renderers.
 */
#ifndef SP_SPC_H
#define SP_SPC_H

#include <stdbool.h>
#include <stddef.h>

#include "model/plan.h"

typedef struct sp_spc_rules {
    int min_points;       /* 12: fewer points, no SPC */
    int run_length;       /* 7: shift and trend length (6 to 8) */
    int fix_after;        /* 0: limits from all points; else from the first N of a segment */
    bool screen_outliers; /* drop moving ranges >= 3.267 x mean moving range */
} sp_spc_rules;

typedef enum { SP_SPC_COMMON, SP_SPC_IMPROVEMENT, SP_SPC_CONCERN, SP_SPC_HIGH, SP_SPC_LOW } sp_spc_point_kind;

typedef struct sp_spc_point {
    double value;
    double mean, upl, lpl, upper_near, lower_near; /* limits of the point's segment */
    bool outside, shift, trend, two_of_three;      /* which rules mark it */
    sp_spc_point_kind kind;
} sp_spc_point;

typedef enum { SP_ASSURANCE_NONE, SP_ASSURANCE_PASS, SP_ASSURANCE_FAIL, SP_ASSURANCE_HIT_AND_MISS } sp_assurance;

typedef struct sp_spc {
    bool computed;
    const char *why_not;  /* "too few points for SPC (n = 8, 12 needed)" */
    size_t n;
    sp_spc_point *points; /* in period order */
    sp_spc_point_kind variation; /* the latest point's */
    sp_assurance assurance;
    int target_checkpoint;        /* the target assured against: the next numeric one, else the last; -1 none */
    double target;
    const char *variation_text;
    const char *assurance_text;
} sp_spc;

/* The core, on a plain series: values[0..n) in period order, rebase[i] true where a new
 * segment starts. Fills out[0..n). */
void sp_spc_compute(const double *values, const bool *rebase, size_t n, sp_direction dir, const sp_spc_rules *rules,
                    sp_spc_point *out);
/* Assurance of a target against the last point's limits (spc-rules.md, "Summaries"). */
sp_assurance sp_spc_assurance(const sp_spc_point *last, sp_direction dir, double target);
const char *sp_spc_variation_text(sp_spc_point_kind k);
const char *sp_spc_assurance_text(sp_assurance a);
const char *sp_spc_kind_key(sp_spc_point_kind k);     /* "common_cause", "improvement", … */
const char *sp_spc_assurance_key(sp_assurance a);     /* "pass", "fail", "hit_and_miss", NULL */

#endif
