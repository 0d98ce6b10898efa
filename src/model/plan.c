#include "model/plan.h"

void sp_plan_free(sp_plan *p)
{
    sp_vec_free(&p->areas);
    sp_vec_free(&p->actions);
    sp_vec_free(&p->milestones);
    sp_vec_free(&p->kpis);
    sp_vec_free(&p->observations);
    sp_vec_free(&p->checkpoints);
    sp_vec_free(&p->risks);
    sp_arena_free(&p->arena);
}

const char *sp_status_word(sp_status s)
{
    switch (s) {
    case SP_RED: return "Red";
    case SP_AMBER: return "Amber";
    case SP_GREEN: return "Green";
    case SP_BLUE: return "Blue";
    case SP_GREY: return "Grey";
    default: return "";
    }
}

const char *sp_status_key(sp_status s)
{
    switch (s) {
    case SP_RED: return "red";
    case SP_AMBER: return "amber";
    case SP_GREEN: return "green";
    case SP_BLUE: return "blue";
    case SP_GREY: return "grey";
    default: return NULL;
    }
}

const char *sp_plan_kind_name(sp_plan_kind k)
{
    switch (k) {
    case SP_KIND_WSOA: return "WSoA";
    case SP_KIND_PRIORITY: return "Priority action plan";
    default: return "APP";
    }
}

const char *sp_unit_key(sp_unit u)
{
    static const char *const keys[] = {"number", "%", "rate", "days", "weeks", "text"};
    return keys[u];
}

const char *sp_direction_key(sp_direction d)
{
    return d == SP_DIR_UP ? "up" : d == SP_DIR_DOWN ? "down" : "none";
}

const char *sp_severity_word(sp_severity_level s)
{
    switch (s) {
    case SP_SEV_LOW: return "Low";
    case SP_SEV_MEDIUM: return "Medium";
    case SP_SEV_HIGH: return "High";
    default: return "";
    }
}

const char *sp_qual_status_key(sp_qual_status s)
{
    switch (s) {
    case SP_QS_MET: return "met";
    case SP_QS_PARTLY_MET: return "partly met";
    case SP_QS_NOT_MET: return "not met";
    default: return NULL;
    }
}

const char *sp_checkpoint_key(int cp)
{
    static const char *const keys[] = {"3m", "6m", "12m"};
    return keys[cp];
}

const char *sp_checkpoint_label(int cp)
{
    static const char *const labels[] = {"3-month", "6-month", "12-month"};
    return labels[cp];
}

const char *sp_kpi_checkpoint_key(const sp_checkpoint *c, char buf[16])
{
    if (c->kind <= SP_CPK_12M)
        return sp_checkpoint_key((int)c->kind);
    if (c->kind == SP_CPK_END)
        return "end";
    sp_date_iso(c->date, buf);
    return buf;
}

const char *sp_kpi_checkpoint_label(const sp_checkpoint *c, char buf[16])
{
    if (c->kind <= SP_CPK_12M)
        return sp_checkpoint_label((int)c->kind);
    if (c->kind == SP_CPK_END)
        return "end";
    sp_date_month(c->date, buf);
    return buf;
}

double sp_target_value(const sp_target *t, double baseline)
{
    return t->kind == SP_TARGET_RELATIVE ? baseline * (1 + t->value / 100)
           : t->kind == SP_TARGET_POINTS ? baseline + t->value
                                         : t->value;
}

bool sp_kpi_standing_target(const sp_kpi *k, double *value)
{
    int n = 0;
    for (size_t cp = 0; cp < k->n_checkpoints; cp++) {
        const sp_target *t = &k->checkpoints[cp].target;
        if (t->kind == SP_TARGET_RELATIVE || t->kind == SP_TARGET_POINTS)
            return false;
        if (t->kind != SP_TARGET_ABSOLUTE)
            continue;
        /* written values compare exactly: "93%" and "93%" parse to the same double */
        if (n && t->value != *value)
            return false;
        *value = t->value;
        n++;
    }
    return n >= 2;
}
