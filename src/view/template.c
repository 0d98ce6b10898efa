#include "view/template.h"

#include <string.h>

const char *const SP_SECTION_KEYS[SP_N_SECTIONS] = {
    "glance", "changes", "exceptions", "scorecard", "areas", "actions", "kpis", "spc", "cohort", "plain", "risks", "key",
    "annex_a",
};
const char *const SP_PDF_EXCEPTION_COLUMN_KEYS[SP_N_PDF_EXCEPTION_COLUMNS] = {"what", "status", "owner", "why"};
const char *const SP_PDF_SCORECARD_COLUMN_KEYS[SP_N_PDF_SCORECARD_COLUMNS] = {
    "kpi", "baseline", "target_3m", "target_6m", "target_12m", "latest", "rag", "evidence", "variation", "assurance",
    "next_checkpoint", "final_target"};
const char *const SP_SHEET_KEYS[SP_N_SHEETS] = {
    "summary", "changes", "actions", "kpis", "spc", "exceptions", "cohort", "plain", "risks", "data_quality", "key",
    "progress", "forecast", "checkpoints",
};
const char *const SP_ACTION_COLUMN_KEYS[SP_N_ACTION_COLUMNS] = {
    "area", "ref", "action", "milestone", "owner", "due", "due_as_written", "revised_due", "completed", "reported_status",
    "derived_status", "days_overdue", "slippage", "challenge", "reason", "progress", "resource", "cohort", "source",
    "accountable",
};
const char *const SP_KPI_COLUMN_KEYS[SP_N_KPI_COLUMNS] = {
    "ref", "name", "unit", "direction", "baseline", "baseline_as_written", "target_3m", "target_3m_value", "target_6m",
    "target_6m_value", "target_12m", "target_12m_value", "latest", "latest_period", "trajectory", "rag", "progress",
    "direction_of_travel", "england", "england_comparison", "neighbours", "neighbours_comparison", "next_checkpoint",
    "next_target", "reason", "spc_variation", "spc_assurance", "source", "final_target", "direction_source",
};

void sp_template_free(sp_template *t)
{
    sp_arena_free(&t->arena);
}

bool sp_template_has_section(const sp_template *t, sp_section s)
{
    for (int i = 0; i < t->n_sections; i++)
        if (t->sections[i] == (int)s)
            return true;
    return false;
}

bool sp_template_has_sheet(const sp_template *t, sp_sheet s)
{
    for (int i = 0; i < t->n_sheets; i++)
        if (t->sheets[i] == (int)s)
            return true;
    return false;
}

const char *sp_template_title(const sp_template *t, sp_arena *a, const char *plan, const char *area, sp_date as_of)
{
    char date[20];
    sp_date_long(as_of, date);
    const char *out = "";
    for (const char *p = t->title; *p;) {
        const char *open = strchr(p, '{');
        if (!open) {
            out = sp_arena_printf(a, "%s%s", out, p);
            break;
        }
        out = sp_arena_printf(a, "%s%.*s", out, (int)(open - p), p);
        const char *value = NULL;
        size_t len = 0;
        if (strncmp(open, "{plan}", 6) == 0)
            value = plan, len = 6;
        else if (strncmp(open, "{area}", 6) == 0)
            value = area, len = 6;
        else if (strncmp(open, "{date}", 6) == 0)
            value = date, len = 6;
        if (value) {
            out = sp_arena_printf(a, "%s%s", out, value);
            p = open + len;
        } else {
            out = sp_arena_printf(a, "%s{", out);
            p = open + 1;
        }
    }
    return out;
}
