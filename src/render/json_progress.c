/* The burn-up, pace and forecast as JSON. Every figure and sentence comes from the assessment. */
#include "render/json_progress.h"

#include <stdio.h>

static void month_or_null(sp_jw *w, bool has, sp_date d)
{
    if (!has || d == SP_NO_DATE) {
        sp_jw_null(w);
        return;
    }
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d", y % 10000, m);
    sp_jw_string(w, buf);
}

static void burnup(sp_jw *w, const sp_progress *pr)
{
    sp_jw_begin_array(w);
    for (size_t k = 0; k < pr->n_months; k++) {
        const sp_burnup_row *row = &pr->burnup[k];
        sp_jw_begin_object(w);
        sp_jw_key(w, "month");
        month_or_null(w, true, row->month_end);
        sp_jw_kinteger(w, "planned", (long long)row->planned);
        sp_jw_kinteger(w, "revised", (long long)row->revised);
        sp_jw_kinteger(w, "scope", (long long)row->scope);
        if (row->has_completed)
            sp_jw_kinteger(w, "completed", (long long)row->completed);
        else
            sp_jw_knull(w, "completed");
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
}

static const char *const SOURCES[] = {"completion months", "earlier packs", "plan average"};
static const char *const STATES[] = {"made", "nothing open", "too few completions", "no completions in the pace",
                                     "no time since the start"};

static void pace(sp_jw *w, const sp_pace *p)
{
    sp_jw_begin_object(w);
    sp_jw_kstring(w, "source", SOURCES[p->source]);
    if (p->source != SP_PACE_PLAN_AVERAGE) {
        sp_jw_key(w, "counts");
        sp_jw_begin_array(w);
        for (size_t k = 0; k < p->n_counts; k++) {
            sp_jw_begin_object(w);
            sp_jw_key(w, "month");
            month_or_null(w, true, p->count_months[k]);
            sp_jw_kreal(w, "completed", p->counts[k]);
            sp_jw_end_object(w);
        }
        sp_jw_end_array(w);
    }
    sp_jw_kreal(w, "rate", p->rate);
    sp_jw_kstring(w, "reason", p->reason);
    sp_jw_end_object(w);
}

static void forecast(sp_jw *w, const sp_progress *pr, const sp_forecast_rules *fr)
{
    const sp_forecast *f = &pr->forecast;
    sp_jw_begin_object(w);
    sp_jw_kstring(w, "state", STATES[f->state]);
    sp_jw_kinteger(w, "open", (long long)f->open);
    bool made = f->state == SP_FORECAST_MADE;
    sp_jw_key(w, "likely_by");
    month_or_null(w, made && f->has_likely, f->likely_by);
    sp_jw_key(w, "chance85_by");
    month_or_null(w, made && f->has_chance, f->chance_by);
    sp_jw_kreal(w, "chance", fr->chance);
    if (made && !f->has_chance)
        sp_jw_kinteger(w, "not_within_months", fr->cap_months);
    else
        sp_jw_knull(w, "not_within_months");
    if (f->has_revisit) {
        sp_jw_key(w, "open_at_revisit");
        sp_jw_begin_object(w);
        sp_jw_key(w, "revisit");
        month_or_null(w, true, f->revisit);
        sp_jw_kinteger(w, "median", (long long)f->revisit_median);
        sp_jw_kinteger(w, "p85", (long long)f->revisit_p85);
        sp_jw_end_object(w);
    }
    sp_jw_kstring(w, "sentence", f->sentence);
    sp_jw_end_object(w);
}

void sp_json_progress(sp_jw *w, const sp_report *r)
{
    if (!r->forecast)
        return; /* for families a forecast reads as a promise */
    const sp_assessment *a = r->assessment;
    const sp_progress *pr = &a->progress;
    const sp_forecast_rules *fr = &a->rules.forecast;
    sp_jw_key(w, "progress");
    sp_jw_begin_object(w);
    sp_jw_key(w, "end");
    month_or_null(w, true, a->plan_end);
    sp_jw_kstring(w, "end_from", r->plan->info.end != SP_NO_DATE ? "plan.ini" : "latest original due date");
    sp_jw_key(w, "revisit");
    month_or_null(w, true, r->plan->info.revisit);
    sp_jw_kinteger(w, "milestones", (long long)pr->milestones);
    sp_jw_kinteger(w, "completed", (long long)pr->completed);
    sp_jw_kinteger(w, "completed_month_unknown", (long long)pr->completed_unknown);
    if (pr->unknown_note)
        sp_jw_kstring(w, "unknown_note", pr->unknown_note);
    else
        sp_jw_knull(w, "unknown_note");
    sp_jw_kinteger(w, "undated", (long long)pr->undated);
    if (pr->scope_note)
        sp_jw_kstring(w, "scope_note", pr->scope_note);
    else
        sp_jw_knull(w, "scope_note");
    sp_jw_kinteger(w, "earlier_packs", a->history ? (long long)a->history->n_packs : 0);
    sp_jw_key(w, "burnup");
    burnup(w, pr);
    sp_jw_key(w, "pace");
    pace(w, &pr->pace);
    sp_jw_key(w, "forecast");
    forecast(w, pr, fr);
    char seed[32];
    snprintf(seed, sizeof seed, "0x%016llX", (unsigned long long)SP_FORECAST_SEED);
    sp_jw_key(w, "simulation");
    sp_jw_begin_object(w);
    sp_jw_kinteger(w, "runs", fr->runs);
    sp_jw_kstring(w, "seed", seed);
    sp_jw_kstring(w, "generator", "xoshiro256** seeded by splitmix64");
    sp_jw_kinteger(w, "cap_months", fr->cap_months);
    sp_jw_kinteger(w, "min_completions", fr->min_completions);
    sp_jw_end_object(w);
    sp_jw_end_object(w);
}

void sp_json_area_progress(sp_jw *w, const sp_report *r, size_t i)
{
    if (!r->forecast)
        return;
    const sp_progress *pr = &r->assessment->area_progress[i];
    sp_jw_key(w, "burnup");
    burnup(w, pr);
    sp_jw_key(w, "pace");
    pace(w, &pr->pace);
    sp_jw_key(w, "forecast");
    forecast(w, pr, &r->assessment->rules.forecast);
}
