/* The burn-up, pace and forecast as JSON. Every figure and sentence comes from the assessment. */
#include "render/json_progress.h"

#include <stdio.h>

static json_t *month_or_null(bool has, sp_date d)
{
    if (!has || d == SP_NO_DATE)
        return json_null();
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d", y % 10000, m);
    return json_string(buf);
}

static json_t *burnup(const sp_progress *pr)
{
    json_t *arr = json_array();
    for (size_t k = 0; k < pr->n_months; k++) {
        const sp_burnup_row *row = &pr->burnup[k];
        json_t *o = json_object();
        json_object_set_new(o, "month", month_or_null(true, row->month_end));
        json_object_set_new(o, "planned", json_integer((json_int_t)row->planned));
        json_object_set_new(o, "revised", json_integer((json_int_t)row->revised));
        json_object_set_new(o, "completed", row->has_completed ? json_integer((json_int_t)row->completed) : json_null());
        json_array_append_new(arr, o);
    }
    return arr;
}

static const char *const SOURCES[] = {"completion months", "earlier packs", "plan average"};
static const char *const STATES[] = {"made", "nothing open", "too few completions", "no completions in the pace",
                                     "no time since the start"};

static json_t *pace(const sp_pace *p)
{
    json_t *o = json_object();
    json_object_set_new(o, "source", json_string(SOURCES[p->source]));
    if (p->source != SP_PACE_PLAN_AVERAGE) {
        json_t *counts = json_array();
        for (size_t k = 0; k < p->n_counts; k++) {
            json_t *c = json_object();
            json_object_set_new(c, "month", month_or_null(true, p->count_months[k]));
            json_object_set_new(c, "completed", json_real(p->counts[k]));
            json_array_append_new(counts, c);
        }
        json_object_set_new(o, "counts", counts);
    }
    json_object_set_new(o, "rate", json_real(p->rate));
    json_object_set_new(o, "reason", json_string(p->reason));
    return o;
}

static json_t *forecast(const sp_progress *pr, const sp_forecast_rules *fr)
{
    const sp_forecast *f = &pr->forecast;
    json_t *o = json_object();
    json_object_set_new(o, "state", json_string(STATES[f->state]));
    json_object_set_new(o, "open", json_integer((json_int_t)f->open));
    bool made = f->state == SP_FORECAST_MADE;
    json_object_set_new(o, "likely_by", month_or_null(made && f->has_likely, f->likely_by));
    json_object_set_new(o, "chance85_by", month_or_null(made && f->has_chance, f->chance_by));
    json_object_set_new(o, "chance", json_real(fr->chance));
    json_object_set_new(o, "not_within_months",
                        made && !f->has_chance ? json_integer(fr->cap_months) : json_null());
    if (f->has_revisit) {
        json_t *rv = json_object();
        json_object_set_new(rv, "revisit", month_or_null(true, f->revisit));
        json_object_set_new(rv, "median", json_integer((json_int_t)f->revisit_median));
        json_object_set_new(rv, "p85", json_integer((json_int_t)f->revisit_p85));
        json_object_set_new(o, "open_at_revisit", rv);
    }
    json_object_set_new(o, "sentence", json_string(f->sentence));
    return o;
}

json_t *sp_json_progress(const sp_report *r)
{
    if (!r->forecast)
        return NULL; /* for families a forecast reads as a promise */
    const sp_assessment *a = r->assessment;
    const sp_progress *pr = &a->progress;
    const sp_forecast_rules *fr = &a->rules.forecast;
    json_t *o = json_object();
    json_object_set_new(o, "end", month_or_null(true, a->plan_end));
    json_object_set_new(o, "end_from", json_string(r->plan->info.end != SP_NO_DATE ? "plan.ini" : "latest original due date"));
    json_object_set_new(o, "revisit", month_or_null(true, r->plan->info.revisit));
    json_object_set_new(o, "milestones", json_integer((json_int_t)pr->milestones));
    json_object_set_new(o, "completed", json_integer((json_int_t)pr->completed));
    json_object_set_new(o, "completed_month_unknown", json_integer((json_int_t)pr->completed_unknown));
    json_object_set_new(o, "unknown_note", pr->unknown_note ? json_string(pr->unknown_note) : json_null());
    json_object_set_new(o, "earlier_packs", json_integer(a->history ? (json_int_t)a->history->n_packs : 0));
    json_object_set_new(o, "burnup", burnup(pr));
    json_object_set_new(o, "pace", pace(&pr->pace));
    json_object_set_new(o, "forecast", forecast(pr, fr));
    char seed[32];
    snprintf(seed, sizeof seed, "0x%016llX", (unsigned long long)SP_FORECAST_SEED);
    json_t *sim = json_object();
    json_object_set_new(sim, "runs", json_integer(fr->runs));
    json_object_set_new(sim, "seed", json_string(seed));
    json_object_set_new(sim, "generator", json_string("xoshiro256** seeded by splitmix64"));
    json_object_set_new(sim, "cap_months", json_integer(fr->cap_months));
    json_object_set_new(sim, "min_completions", json_integer(fr->min_completions));
    json_object_set_new(o, "simulation", sim);
    return o;
}

void sp_json_area_progress(const sp_report *r, size_t i, json_t *area)
{
    if (!r->forecast)
        return;
    const sp_progress *pr = &r->assessment->area_progress[i];
    json_object_set_new(area, "burnup", burnup(pr));
    json_object_set_new(area, "pace", pace(&pr->pace));
    json_object_set_new(area, "forecast", forecast(pr, &r->assessment->rules.forecast));
}
