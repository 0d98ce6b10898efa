/* xlsx_sheets.c - the columns of the Actions, KPIs, Exceptions, Risks and Data quality sheets. */
#include <string.h>

#include "render/xlsx/xlsx_sheets.h"
#include "util/format.h"


xl_cell xl_status_of(xl_ctx *c, sp_status s)
{
    return xl_status(s, sp_report_label(c->r, s));
}

/* ---- Actions: one row per milestone ---------------------------------------------------- */

static xl_cell ms_area(xl_ctx *c, size_t i) { return xl_text(MS(i)->area); }
static xl_cell ms_ref(xl_ctx *c, size_t i) { return xl_text(MS(i)->ref); }
static xl_cell ms_action(xl_ctx *c, size_t i) { return xl_text(PLAN->actions.items[MS(i)->action_index].text); }
static xl_cell ms_text(xl_ctx *c, size_t i) { return xl_text(MS(i)->text); }
const char *xl_milestone_owner(xl_ctx *c, size_t i)
{
    return c->r->ms_owner[i];
}
const char *xl_milestone_title(xl_ctx *c, size_t i)
{
    return c->r->ms_title[i];
}
static xl_cell ms_owner(xl_ctx *c, size_t i) { return xl_text(xl_milestone_owner(c, i)); }
static xl_cell ms_accountable(xl_ctx *c, size_t i) { return xl_text(c->r->ms_accountable[i]); }
static xl_cell ms_resource(xl_ctx *c, size_t i) { return xl_text(MS(i)->resource); }
static xl_cell ms_cohort(xl_ctx *c, size_t i) { return xl_text(PLAN->actions.items[MS(i)->action_index].cohort); }
static xl_cell ms_due(xl_ctx *c, size_t i) { return xl_date(MR(i)->original_due); }
static xl_cell ms_due_written(xl_ctx *c, size_t i) { return xl_text(MS(i)->due_text); }
static xl_cell ms_revised(xl_ctx *c, size_t i) { return xl_date(MS(i)->revised_due); }
static xl_cell ms_completed(xl_ctx *c, size_t i) { return xl_date(MR(i)->completed_on); }
static xl_cell ms_reported(xl_ctx *c, size_t i) { return xl_status_of(c, MS(i)->reported); }
static xl_cell ms_derived(xl_ctx *c, size_t i) { return xl_status_of(c, MR(i)->derived); }
static xl_cell ms_overdue(xl_ctx *c, size_t i) { return xl_int(MR(i)->days_overdue); }
static xl_cell ms_slip(xl_ctx *c, size_t i)
{
    return MR(i)->has_slippage ? xl_int(MR(i)->slippage_days) : xl_text(NULL);
}
static xl_cell ms_challenge(xl_ctx *c, size_t i) { return xl_text(MR(i)->challenge); }
static xl_cell ms_reason(xl_ctx *c, size_t i) { return xl_text(MR(i)->reason); }
static xl_cell ms_progress(xl_ctx *c, size_t i) { return xl_text(c->r->ms_progress[i]); }
static xl_cell ms_source(xl_ctx *c, size_t i) { return xl_text(sp_source_label(&c->arena, MS(i)->src)); }

const xl_column XL_ACTION_COLUMNS[SP_N_ACTION_COLUMNS] = {
    [SP_AC_AREA] = {"Area", ms_area},
    [SP_AC_REF] = {"Ref", ms_ref},
    [SP_AC_ACTION] = {"Action", ms_action},
    [SP_AC_MILESTONE] = {"Milestone", ms_text},
    [SP_AC_OWNER] = {"Owner", ms_owner},
    [SP_AC_ACCOUNTABLE] = {"Accountable officer", ms_accountable},
    [SP_AC_DUE] = {"Due", ms_due},
    [SP_AC_DUE_AS_WRITTEN] = {"Due as written", ms_due_written},
    [SP_AC_REVISED_DUE] = {"Revised due", ms_revised},
    [SP_AC_COMPLETED] = {"Completed", ms_completed},
    [SP_AC_REPORTED] = {"Reported status", ms_reported},
    [SP_AC_DERIVED] = {"Derived status", ms_derived},
    [SP_AC_DAYS_OVERDUE] = {"Days overdue", ms_overdue},
    [SP_AC_SLIPPAGE] = {"Slippage (days)", ms_slip},
    [SP_AC_CHALLENGE] = {"Challenge", ms_challenge},
    [SP_AC_REASON] = {"Why this status", ms_reason},
    [SP_AC_PROGRESS] = {"Progress", ms_progress},
    [SP_AC_RESOURCE] = {"Resource", ms_resource},
    [SP_AC_COHORT] = {"Cohort", ms_cohort},
    [SP_AC_SOURCE] = {"Source row", ms_source},
};

/* ---- KPIs: the impact scorecard -------------------------------------------------------- */

static const char *fmt_value(xl_ctx *c, const sp_kpi *k, double v)
{
    char buf[64];
    sp_format_value(v, k->unit, buf, sizeof buf);
    return sp_arena_strdup(&c->arena, buf);
}

static xl_cell kp_ref(xl_ctx *c, size_t i) { return xl_text(KP(i)->ref); }
static xl_cell kp_name(xl_ctx *c, size_t i) { return xl_text(KP(i)->name); }
static xl_cell kp_unit(xl_ctx *c, size_t i) { return xl_text(sp_unit_key(KP(i)->unit)); }
static xl_cell kp_direction(xl_ctx *c, size_t i)
{
    static const char *const words[] = {"Higher is better", "Lower is better", "No direction"};
    return xl_text(words[KP(i)->direction]);
}
static xl_cell kp_baseline(xl_ctx *c, size_t i) { return xl_number(KR(i)->baseline_set, KR(i)->baseline); }
static xl_cell kp_baseline_written(xl_ctx *c, size_t i)
{
    const char *note = KR(i)->baseline_note;
    if (note)
        return xl_text(sp_arena_printf(&c->arena, "%s (%s)", KP(i)->baseline.text[0] ? KP(i)->baseline.text : "none", note));
    return xl_text(KP(i)->baseline.text);
}
/* The KPI's 3-, 6- or 12-month checkpoint; -1 when its plan sets other dates. */
static int checkpoint_of(const sp_kpi *k, sp_checkpoint_kind kind)
{
    for (size_t cp = 0; cp < k->n_checkpoints; cp++)
        if (k->checkpoints[cp].kind == kind)
            return (int)cp;
    return -1;
}
#define TARGET_GETTERS(kind, name)                                                                       \
    static xl_cell kp_t##name(xl_ctx *c, size_t i)                                                       \
    {                                                                                                    \
        int cp = checkpoint_of(KP(i), kind);                                                             \
        return xl_text(cp < 0 ? NULL : KP(i)->checkpoints[cp].target.text);                              \
    }                                                                                                    \
    static xl_cell kp_r##name(xl_ctx *c, size_t i)                                                       \
    {                                                                                                    \
        int cp = checkpoint_of(KP(i), kind);                                                             \
        return xl_number(cp >= 0 && KR(i)->target[cp].numeric, cp < 0 ? 0 : KR(i)->target[cp].value);  \
    }
TARGET_GETTERS(SP_CPK_3M, 3)
TARGET_GETTERS(SP_CPK_6M, 6)
TARGET_GETTERS(SP_CPK_12M, 12)
static xl_cell kp_latest(xl_ctx *c, size_t i) { return xl_number(KR(i)->has_latest, KR(i)->latest); }
static xl_cell kp_period(xl_ctx *c, size_t i)
{
    if (!KR(i)->has_latest)
        return xl_text(NULL);
    return xl_month(PLAN->observations.items[KR(i)->latest_obs].period_end);
}
static xl_cell kp_trajectory(xl_ctx *c, size_t i) { return xl_number(KR(i)->has_trajectory, KR(i)->trajectory); }
static xl_cell kp_rag(xl_ctx *c, size_t i) { return xl_status_of(c, KR(i)->rag); }
static xl_cell kp_progress(xl_ctx *c, size_t i) { return xl_percent(KR(i)->has_progress, KR(i)->progress); }
static xl_cell kp_travel(xl_ctx *c, size_t i) { return xl_text(sp_travel_key(KR(i)->travel)); }
static const sp_observation *latest(xl_ctx *c, size_t i)
{
    return KR(i)->has_latest ? &PLAN->observations.items[KR(i)->latest_obs] : NULL;
}
static xl_cell kp_england(xl_ctx *c, size_t i)
{
    const sp_observation *o = latest(c, i);
    return xl_number(o && o->has_england, o ? o->england : 0);
}
static xl_cell kp_england_cmp(xl_ctx *c, size_t i) { return xl_text(sp_comparison_key(KR(i)->england)); }
static xl_cell kp_sn(xl_ctx *c, size_t i)
{
    const sp_observation *o = latest(c, i);
    return xl_number(o && o->has_neighbours, o ? o->neighbours : 0);
}
static xl_cell kp_sn_cmp(xl_ctx *c, size_t i) { return xl_text(sp_comparison_key(KR(i)->neighbours)); }
static xl_cell kp_next(xl_ctx *c, size_t i)
{
    int cp = KR(i)->next_checkpoint;
    return cp < 0 ? xl_text(NULL) : xl_date(KR(i)->target[cp].date);
}
static xl_cell kp_next_target(xl_ctx *c, size_t i)
{
    int cp = KR(i)->next_checkpoint;
    if (cp < 0)
        return xl_text(NULL);
    if (KR(i)->target[cp].numeric)
        return xl_text(fmt_value(c, KP(i), KR(i)->target[cp].value));
    return xl_text(KP(i)->checkpoints[cp].target.text);
}
static xl_cell kp_final(xl_ctx *c, size_t i) { return xl_text(c->r->kpi_checkpoints[i].final); }
static xl_cell kp_direction_source(xl_ctx *c, size_t i)
{
    return xl_text(KP(i)->direction_note ? KP(i)->direction_note : "Given in kpis.csv");
}
static xl_cell kp_reason(xl_ctx *c, size_t i) { return xl_text(sp_report_why(c->r, &c->arena, true, i)); }
static xl_cell kp_spc_variation(xl_ctx *c, size_t i)
{
    return xl_text(KR(i)->spc.computed ? KR(i)->spc.variation_text : KR(i)->spc.why_not);
}
static xl_cell kp_spc_assurance(xl_ctx *c, size_t i) { return xl_text(KR(i)->spc.assurance_text); }
static xl_cell kp_source(xl_ctx *c, size_t i) { return xl_text(sp_source_label(&c->arena, KP(i)->src)); }

const xl_column XL_KPI_COLUMNS[SP_N_KPI_COLUMNS] = {
    [SP_KC_REF] = {"Ref", kp_ref},
    [SP_KC_NAME] = {"KPI", kp_name},
    [SP_KC_UNIT] = {"Unit", kp_unit},
    [SP_KC_DIRECTION] = {"Direction", kp_direction},
    [SP_KC_BASELINE] = {"Baseline", kp_baseline},
    [SP_KC_BASELINE_AS_WRITTEN] = {"Baseline as written", kp_baseline_written},
    [SP_KC_TARGET_3M] = {"3-month target", kp_t3},
    [SP_KC_TARGET_3M_VALUE] = {"3-month target value", kp_r3},
    [SP_KC_TARGET_6M] = {"6-month target", kp_t6},
    [SP_KC_TARGET_6M_VALUE] = {"6-month target value", kp_r6},
    [SP_KC_TARGET_12M] = {"12-month target", kp_t12},
    [SP_KC_TARGET_12M_VALUE] = {"12-month target value", kp_r12},
    [SP_KC_LATEST] = {"Latest value", kp_latest},
    [SP_KC_LATEST_PERIOD] = {"Latest period", kp_period},
    [SP_KC_TRAJECTORY] = {"Trajectory value", kp_trajectory},
    [SP_KC_RAG] = {"RAG", kp_rag},
    [SP_KC_PROGRESS] = {"Progress to target", kp_progress},
    [SP_KC_TRAVEL] = {"Direction of travel", kp_travel},
    [SP_KC_ENGLAND] = {"England", kp_england},
    [SP_KC_ENGLAND_COMPARISON] = {"Compared with England", kp_england_cmp},
    [SP_KC_NEIGHBOURS] = {"Statistical neighbours", kp_sn},
    [SP_KC_NEIGHBOURS_COMPARISON] = {"Compared with neighbours", kp_sn_cmp},
    [SP_KC_NEXT_CHECKPOINT] = {"Next checkpoint", kp_next},
    [SP_KC_NEXT_TARGET] = {"Next target", kp_next_target},
    [SP_KC_REASON] = {"Why this RAG", kp_reason},
    [SP_KC_SPC_VARIATION] = {"SPC variation", kp_spc_variation},
    [SP_KC_SPC_ASSURANCE] = {"SPC assurance", kp_spc_assurance},
    [SP_KC_SOURCE] = {"Source row", kp_source},
    [SP_KC_FINAL_TARGET] = {"Final target", kp_final},
    [SP_KC_DIRECTION_SOURCE] = {"How the direction is known", kp_direction_source},
};

/* ---- Checkpoints: every checkpoint of every KPI ---------------------------------------- */

#define CP(i) (&c->r->kpi_checkpoints[c->r->checkpoint_kpi[i]].at[c->r->checkpoint_at[i]])
static xl_cell cp_ref(xl_ctx *c, size_t i) { return xl_text(KP(c->r->checkpoint_kpi[i])->ref); }
static xl_cell cp_kpi(xl_ctx *c, size_t i) { return xl_text(KP(c->r->checkpoint_kpi[i])->name); }
static xl_cell cp_name(xl_ctx *c, size_t i) { return xl_text(CP(i)->column); }
static xl_cell cp_date(xl_ctx *c, size_t i) { return xl_date(CP(i)->date); }
static xl_cell cp_target(xl_ctx *c, size_t i) { return xl_text(CP(i)->target); }
static xl_cell cp_value(xl_ctx *c, size_t i) { return xl_number(CP(i)->numeric, CP(i)->value); }
static xl_cell cp_source(xl_ctx *c, size_t i) { return xl_text(CP(i)->source); }
static xl_cell cp_actual(xl_ctx *c, size_t i) { return xl_text(CP(i)->actual); }
static xl_cell cp_result(xl_ctx *c, size_t i) { return xl_text(CP(i)->result); }

const xl_column XL_CHECKPOINT_COLUMNS[] = {
    {"Ref", cp_ref},       {"KPI", cp_kpi},           {"Checkpoint", cp_name}, {"Date", cp_date},
    {"Target", cp_target}, {"Target value", cp_value}, {"Target source", cp_source},
    {"Actual", cp_actual}, {"Met", cp_result},
};
const size_t XL_N_CHECKPOINT_COLUMNS = sizeof XL_CHECKPOINT_COLUMNS / sizeof *XL_CHECKPOINT_COLUMNS;

/* ---- Exceptions ------------------------------------------------------------------------ */

#define EX(i) (&c->r->exceptions[i])
static xl_cell ex_kind(xl_ctx *c, size_t i)
{
    return xl_text(EX(i)->acknowledged ? sp_arena_printf(&c->arena, "%s (acknowledged)", EX(i)->kind_word)
                                       : EX(i)->kind_word);
}
static xl_cell ex_area(xl_ctx *c, size_t i)
{
    return xl_text(EX(i)->area < PLAN->areas.n ? PLAN->areas.items[EX(i)->area].name : "Whole plan");
}
static xl_cell ex_ref(xl_ctx *c, size_t i) { return xl_text(EX(i)->ref); }
static xl_cell ex_what(xl_ctx *c, size_t i) { return xl_text(EX(i)->title); }
static xl_cell ex_owner(xl_ctx *c, size_t i) { return xl_text(EX(i)->owner); }
static xl_cell ex_accountable(xl_ctx *c, size_t i) { return xl_text(EX(i)->accountable); }
static xl_cell ex_status(xl_ctx *c, size_t i) { return xl_status_of(c, EX(i)->status); }
static xl_cell ex_deadline(xl_ctx *c, size_t i) { return xl_text(EX(i)->deadline); }
static xl_cell ex_challenged(xl_ctx *c, size_t i) { return xl_text(EX(i)->challenged ? "Yes" : "No"); }
static xl_cell ex_stance(xl_ctx *c, size_t i) { return xl_text(EX(i)->stance); }
static xl_cell ex_days(xl_ctx *c, size_t i)
{
    return EX(i)->is_kpi ? xl_text(NULL) : xl_int(MR(EX(i)->index)->days_overdue);
}
static xl_cell ex_reason(xl_ctx *c, size_t i) { return xl_text(EX(i)->why); }
static xl_cell ex_progress(xl_ctx *c, size_t i) { return xl_text(EX(i)->narrative); }
static xl_cell ex_source(xl_ctx *c, size_t i)
{
    sp_src src = EX(i)->is_kpi ? KP(EX(i)->index)->src : MS(EX(i)->index)->src;
    return xl_text(sp_source_label(&c->arena, src));
}

const xl_column XL_EXCEPTION_COLUMNS[] = {
    {"Exception", ex_kind},       {"Area", ex_area},           {"Ref", ex_ref},
    {"What", ex_what},            {"Owner", ex_owner},         {"Accountable officer", ex_accountable},
    {"Status", ex_status},
    {"Deadline", ex_deadline},    {"Challenged", ex_challenged}, {"Officer's position", ex_stance},
    {"Days overdue", ex_days},    {"Why", ex_reason},          {"Latest progress", ex_progress},
    {"Source row", ex_source},
};
const size_t XL_N_EXCEPTION_COLUMNS = sizeof XL_EXCEPTION_COLUMNS / sizeof *XL_EXCEPTION_COLUMNS;

/* ---- Risks ----------------------------------------------------------------------------- */

#define RK(i) (&PLAN->risks.items[i])
static xl_cell rk_date(xl_ctx *c, size_t i) { return xl_date(RK(i)->date); }
static xl_cell rk_risk(xl_ctx *c, size_t i) { return xl_text(RK(i)->text); }
static xl_cell rk_sev(xl_ctx *c, size_t i) { return xl_text(sp_severity_word(RK(i)->severity)); }
static xl_cell rk_mit(xl_ctx *c, size_t i) { return xl_text(RK(i)->mitigation); }
static xl_cell rk_res(xl_ctx *c, size_t i) { return xl_text(sp_severity_word(RK(i)->residual)); }
static xl_cell rk_prog(xl_ctx *c, size_t i) { return xl_text(RK(i)->progress); }
static xl_cell rk_owner(xl_ctx *c, size_t i) { return xl_text(RK(i)->owner); }
static xl_cell rk_source(xl_ctx *c, size_t i) { return xl_text(sp_source_label(&c->arena, RK(i)->src)); }

const xl_column XL_RISK_COLUMNS[] = {
    {"Raised", rk_date},     {"Risk", rk_risk},    {"Severity", rk_sev},  {"Mitigation", rk_mit},
    {"Residual severity", rk_res}, {"Progress", rk_prog}, {"Owner", rk_owner}, {"Source row", rk_source},
};
const size_t XL_N_RISK_COLUMNS = sizeof XL_RISK_COLUMNS / sizeof *XL_RISK_COLUMNS;

/* ---- Data quality ---------------------------------------------------------------------- */

#define DG(i) (&c->r->diags->list.items[i])
static xl_cell dq_sev(xl_ctx *c, size_t i) { return xl_text(DG(i)->severity == SP_ERROR ? "Error" : "Warning"); }
static xl_cell dq_file(xl_ctx *c, size_t i)
{
    const char *f = strrchr(DG(i)->src.file, '/');
    return xl_text(f ? f + 1 : DG(i)->src.file);
}
static xl_cell dq_line(xl_ctx *c, size_t i) { return DG(i)->src.line ? xl_int(DG(i)->src.line) : xl_text(NULL); }
static xl_cell dq_col(xl_ctx *c, size_t i) { return DG(i)->src.line ? xl_int(DG(i)->src.col) : xl_text(NULL); }
static xl_cell dq_msg(xl_ctx *c, size_t i) { return xl_text(DG(i)->message); }

const xl_column XL_QUALITY_COLUMNS[] = {
    {"Severity", dq_sev}, {"File", dq_file}, {"Line", dq_line}, {"Column", dq_col}, {"What to fix", dq_msg},
};
const size_t XL_N_QUALITY_COLUMNS = sizeof XL_QUALITY_COLUMNS / sizeof *XL_QUALITY_COLUMNS;

