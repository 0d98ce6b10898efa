#include "render/report.h"

#include <string.h>

const char *sp_plain_position(const sp_report *r, sp_arena *a)
{
    static const sp_status order[] = {SP_BLUE, SP_GREEN, SP_AMBER, SP_RED, SP_GREY};
    const sp_counts *m = &r->assessment->milestone_counts;
    const size_t count[] = {m->blue, m->green, m->amber, m->red, m->grey};
    const char *out = sp_arena_printf(a, "We said we would do %zu thing%s.", m->total, m->total == 1 ? "" : "s");
    for (size_t i = 0; i < 5; i++) {
        const char *word = sp_report_label(r, order[i]);
        bool said = false;
        for (size_t j = 0; j < i; j++)
            said = said || strcmp(word, sp_report_label(r, order[j])) == 0;
        if (said)
            continue;
        size_t n = 0;
        for (size_t j = i; j < 5; j++)
            if (strcmp(word, sp_report_label(r, order[j])) == 0)
                n += count[j];
        out = sp_arena_printf(a, "%s %s: %zu.", out, word, n);
    }
    return out;
}

const char *sp_report_why(const sp_report *r, sp_arena *a, bool is_kpi, size_t index)
{
    if (is_kpi) {
        /* not reported is a flag beside the RAG, which still stands on the latest value */
        const sp_kpi_result *k = &r->assessment->kpis[index];
        return k->not_reported ? sp_arena_printf(a, "%s. %s", k->not_reported, k->reason) : k->reason;
    }
    const sp_milestone_result *m = &r->assessment->milestones[index];
    if (m->challenge)
        return sp_arena_printf(a, "%s.", m->challenge);
    if (m->acknowledged && !r->tmpl->plain_english) /* what the officer said, beside the judgement */
        return sp_arena_printf(a, "%s %s.", m->reason, m->acknowledged);
    return m->reason;
}
