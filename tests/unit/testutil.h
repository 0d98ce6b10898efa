/* testutil.h - helpers shared by the cmocka tests. */
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "model/plan.h"
#include "read/plan_reader.h"
#include "util/date.h"

/* cmocka 1.1.5 has no assert_double_equal. */
#define assert_near(a, b, eps)                                                                           \
    do {                                                                                                 \
        double a_ = (a), b_ = (b);                                                                       \
        if (!(fabs(a_ - b_) <= (eps)))                                                                   \
            fail_msg("%s = %.10g, expected %.10g (±%g)", #a, a_, b_, (double)(eps));                      \
    } while (0)

#define D(y, m, d) sp_date_from_ymd((y), (m), (d))

#define assert_date(actual, y, m, d)                                                                     \
    do {                                                                                                 \
        sp_date a_ = (actual);                                                                           \
        char s_[16] = "none";                                                                            \
        if (a_ != SP_NO_DATE)                                                                            \
            sp_date_iso(a_, s_);                                                                         \
        if (a_ != D((y), (m), (d)))                                                                      \
            fail_msg("%s = %s, expected %04d-%02d-%02d", #actual, s_, (y), (m), (d));                     \
    } while (0)

/* A status count (milestones or KPIs) equal to the figures worked by hand. */
#define assert_counts(c, b, g, a, r, gr)                                                                 \
    do {                                                                                                 \
        assert_int_equal((c).blue, b);                                                                   \
        assert_int_equal((c).green, g);                                                                  \
        assert_int_equal((c).amber, a);                                                                  \
        assert_int_equal((c).red, r);                                                                    \
        assert_int_equal((c).grey, gr);                                                                  \
    } while (0)

/* The index of the KPI with this ref, failing the test when there is none. */
static inline size_t sp_test_kpi(const sp_plan *p, const char *ref)
{
    for (size_t i = 0; i < p->kpis.n; i++)
        if (strcmp(p->kpis.items[i].ref, ref) == 0)
            return i;
    fail_msg("no KPI %s", ref);
    return 0;
}

/* Reads the plan folder dir into p, failing the test with the reader's first error. */
static inline void sp_test_read(const char *dir, sp_plan *p)
{
    memset(p, 0, sizeof *p);
    sp_diags d = {0};
    if (!sp_read_plan(dir, p, &d))
        fail_msg("%s: %s", dir, d.list.items[0].message);
    sp_diags_free(&d);
}

#endif
