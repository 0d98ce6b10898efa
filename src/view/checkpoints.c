/* checkpoints.c - each KPI's checkpoints as every output shows them: the chart's markers and
 * labels, the table behind the chart, the scorecard's next checkpoint and final target, the
 * workbook's Checkpoints sheet; and each value as it is shown (projected values marked). */
#include <stdio.h>

#include "util/format.h"
#include "view/view_internal.h"

static const char *value_text(sp_arena *a, const sp_kpi *k, double value)
{
    char buf[64];
    sp_format_value(value, k->unit, buf, sizeof buf);
    return sp_arena_strdup(a, buf);
}

/* "1.07% (projected end of year)": the value with its note as the plan wrote it. */
static const char *observation_text(sp_arena *a, const sp_kpi *k, const sp_observation *ob)
{
    if (!ob->has_value)
        return "";
    const char *v = value_text(a, k, ob->value);
    if (ob->value_note && ob->value_note[0])
        return sp_arena_printf(a, "%s (%s)", v, ob->value_note);
    return ob->projected ? sp_arena_printf(a, "%s (projected)", v) : v;
}

static const char *target_text(sp_arena *a, const sp_kpi *k, const sp_target *t, const sp_resolved_target *rt)
{
    if (t->kind == SP_TARGET_NONE)
        return "–";
    if (!rt->numeric)
        return t->text;
    const char *v = value_text(a, k, rt->value);
    if (t->kind == SP_TARGET_ABSOLUTE && !t->words)
        return v;
    return sp_arena_printf(a, "%s (%s)", v, t->text);
}

static void build_one(sp_view *v, size_t i)
{
    sp_arena *a = &v->arena;
    const sp_plan *p = v->plan;
    const sp_kpi *k = &p->kpis.items[i];
    const sp_kpi_result *kr = &v->assessment->kpis[i];
    sp_view_checkpoints *out = &v->kpi_checkpoints[i];
    out->at = sp_arena_alloc(a, (k->n_checkpoints + 1) * sizeof *out->at);
    out->n = 0;
    out->next = out->final = "–";
    for (size_t c = 0; c < k->n_checkpoints; c++) {
        const sp_checkpoint *cp = &k->checkpoints[c];
        const sp_resolved_target *rt = &kr->target[c];
        if (cp->target.kind == SP_TARGET_NONE)
            continue;
        sp_view_checkpoint *x = &out->at[out->n++];
        char label[16], month[16];
        sp_date_month(cp->date, month);
        x->kind = cp->kind;
        x->date = cp->date;
        x->name = sp_arena_strdup(a, sp_kpi_checkpoint_label(cp, label));
        x->column = cp->kind == SP_CPK_DATED ? sp_arena_strdup(a, month)
                    : cp->kind == SP_CPK_END ? sp_arena_printf(a, "End (%s)", month)
                                             : sp_arena_printf(a, "%s (%s)", x->name, month);
        x->target = target_text(a, k, &cp->target, rt);
        x->numeric = rt->numeric;
        x->value = rt->value;
        x->source = cp->source ? cp->source : "";
        if (rt->numeric) {
            char key[16];
            const char *name = cp->kind == SP_CPK_DATED ? month : sp_kpi_checkpoint_key(cp, key);
            x->chart_label = sp_arena_printf(a, "%s target %s", name, value_text(a, k, rt->value));
        } else {
            x->chart_label = "";
        }
        x->actual = "–";
        if (rt->has_actual) {
            const sp_observation *ob = &p->observations.items[rt->actual_obs];
            x->actual = cp->target.kind == SP_TARGET_TEXT ? sp_qual_status_key(ob->status) : v->obs_value[rt->actual_obs];
        }
        const char *result = sp_checkpoint_result_key(rt->result);
        x->result = result ? result : "–";
        /* the scorecard's cells say the number (the table behind the chart says how it was written) */
        const char *brief = rt->numeric ? value_text(a, k, rt->value) : x->target;
        if ((int)c == kr->next_checkpoint)
            out->next = sp_arena_printf(a, "%s: %s", month, brief);
        if ((int)c == kr->final_checkpoint)
            out->final = sp_arena_printf(a, "%s by %s%s%s%s", brief, month, x->source[0] ? " (" : "", x->source,
                                         x->source[0] ? ")" : "");
    }
    /* a KPI whose targets are words has no numeric final target: its last checkpoint is its goal */
    if (kr->final_checkpoint < 0 && out->n) {
        const sp_view_checkpoint *last = &out->at[out->n - 1];
        char month[16];
        sp_date_month(last->date, month);
        out->final = sp_arena_printf(a, "%s by %s", last->target, month);
    }
}

static void checkpoint_rows(sp_view *v)
{
    size_t n = 0;
    for (size_t j = 0; j < v->kpis.n; j++)
        n += v->kpi_checkpoints[v->kpis.at[j]].n;
    v->checkpoint_kpi = sp_arena_alloc(&v->arena, (n + 1) * sizeof *v->checkpoint_kpi);
    v->checkpoint_at = sp_arena_alloc(&v->arena, (n + 1) * sizeof *v->checkpoint_at);
    v->n_checkpoint_rows = 0;
    for (size_t j = 0; j < v->kpis.n; j++)
        for (size_t c = 0; c < v->kpi_checkpoints[v->kpis.at[j]].n; c++) {
            v->checkpoint_kpi[v->n_checkpoint_rows] = v->kpis.at[j];
            v->checkpoint_at[v->n_checkpoint_rows++] = c;
        }
}

void sp_view_build_checkpoints(sp_view *v)
{
    sp_arena *a = &v->arena;
    const sp_plan *p = v->plan;
    v->obs_value = sp_arena_alloc(a, (p->observations.n + 1) * sizeof *v->obs_value);
    for (size_t k = 0; k < p->kpis.n; k++)
        for (size_t o = p->kpis.items[k].first_obs; o < p->kpis.items[k].first_obs + p->kpis.items[k].n_obs; o++)
            v->obs_value[o] = observation_text(a, &p->kpis.items[k], &p->observations.items[o]);
    v->kpi_checkpoints = sp_arena_alloc(a, (p->kpis.n + 1) * sizeof *v->kpi_checkpoints);
    v->kpi_latest = sp_arena_alloc(a, (p->kpis.n + 1) * sizeof *v->kpi_latest);
    v->kpi_chart_latest = sp_arena_alloc(a, (p->kpis.n + 1) * sizeof *v->kpi_chart_latest);
    for (size_t i = 0; i < p->kpis.n; i++) {
        build_one(v, i);
        const sp_kpi_result *kr = &v->assessment->kpis[i];
        v->kpi_latest[i] = "none yet";
        v->kpi_chart_latest[i] = "";
        if (kr->has_latest) {
            const sp_observation *ob = &p->observations.items[kr->latest_obs];
            char month[16];
            sp_date_month(ob->period_end, month);
            const char *value = value_text(a, &p->kpis.items[i], ob->value);
            const char *note = ob->value_note && ob->value_note[0] ? ob->value_note : ob->projected ? "projected" : "";
            v->kpi_chart_latest[i] = ob->projected ? sp_arena_printf(a, "latest %s (projected)", value)
                                                   : sp_arena_printf(a, "latest %s", value);
            v->kpi_latest[i] = note[0] ? sp_arena_printf(a, "%s (%s; %s)", value, month, note)
                                       : sp_arena_printf(a, "%s (%s)", value, month);
        }
    }
    checkpoint_rows(v);
}
