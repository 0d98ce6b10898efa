#include "view/key.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

const char SP_NOTE_DERIVED[] =
    "Derived status is sendpack's own judgement from the dates in the export; reported status is what the "
    "export says. Where the reported status claims more than the evidence (complete without a completion date, "
    "or Green while overdue), the milestone is challenged; an overdue milestone reported Amber or Red is "
    "acknowledged.";
const char SP_NOTE_ILLUSTRATIVE[] =
    "The KPI values in this plan's kpi_values.csv are illustrative: made up to exercise the tool, not published "
    "figures.";

const sp_key_row SP_KEY_ROWS[] = {
    {"Blue", "Complete.", SP_BLUE, NULL},
    {"Green", "On track: not complete, its deadline has not passed and has not been moved later.", SP_GREEN, NULL},
    {"Amber", "Slipped: not complete and not overdue, but its deadline has been revised later than planned. "
              "For a KPI: behind its trajectory by no more than the tolerance.", SP_AMBER, NULL},
    {"Red", "Overdue: not complete and its (revised) deadline is before the report date. For a KPI: behind its "
            "trajectory by more than the tolerance.", SP_RED, NULL},
    {"Grey", "Cannot be judged: no deadline (Ongoing, TBC), or a KPI without a baseline, target, value or update.",
     SP_GREY, NULL},
    {"Reported status", "The status in the export, as the action's owner reported it.", 0, NULL},
    {"Derived status", "sendpack's judgement from the dates in the export at the report date.", 0, NULL},
    {"Challenge", "Where the reported status claims more than the evidence: reported Blue/Complete without a "
                  "completion date on or before the report date, or reported Green while overdue; with the reason "
                  "in words.", 0, NULL},
    {"Acknowledged", "An overdue milestone honestly reported Amber or Red: still an exception, shown with what the "
                     "officer said, not a challenge.", 0, NULL},
    {"Recurring", "A due cell such as 'From Feb 2020' or 'Quarterly': an activity with no deadline, never overdue "
                  "(Grey).", 0, "recurring"},
    {"Days overdue", "Days from the (revised) deadline to the report date, for Red milestones.", 0, NULL},
    {"Slippage", "Revised deadline minus original deadline, in days (negative when brought forward).", 0, NULL},
    {"Complete (per cent)", "Complete milestones divided by all milestones of the area.", 0, NULL},
    {"Due milestones done on time", "Of the milestones whose (revised) deadline has passed, the share completed on "
                                    "or before it. A milestone marked complete without a completion date cannot be "
                                    "shown to be on time.", 0, NULL},
    {"Assessment", "Complete: every milestone complete. Off track: a milestone overdue by more than {overdue_days} days, or at "
                   "least {off_track_share} of the milestones due by the report date overdue. At risk: any milestone overdue or "
                   "any of the area's KPIs Red, or all of its KPIs not reported or missing an update. On track: "
                   "otherwise.", 0, NULL},
    {"Trajectory", "The expected value of a KPI at a date: straight lines from the baseline through each "
                   "checkpoint's target, flat after the last.", 0, NULL},
    {"KPI RAG", "Blue: the 12-month target is met. Green: on or better than the trajectory. Amber: worse by no "
                "more than the tolerance (by default {tolerance_share} of the distance from baseline to 12-month target). "
                "Red: worse by more. Qualitative KPIs: met is Green (Blue at 12 months), partly met Amber, not met "
                "Red, no update at a passed checkpoint Grey. A standing target (the same value at every checkpoint) "
                "is judged against that value: met Blue, short by no more than {standing_share} of it Amber, else Red.",
     0, NULL},
    {"Not reported", "A KPI with no value for a passed checkpoint's month or later, {lag} after the checkpoint "
                     "month: listed with the exceptions; its RAG is still judged from its latest value.", 0, "not reported|no value reported"},
    {"Missing update", "A KPI with text targets and no met / partly met / not met status for a passed checkpoint, "
                       "{lag} after the checkpoint month.", 0, "missing update|update missing|updates missing|updates are missing|update is missing|no update"},
    {"Plan-wide KPIs", "KPIs whose area matches none of the plan's areas (by name, number, prefix or word overlap) "
                       "and that no action names; every whole-plan figure counts them.", 0, "plan-wide|linked to no area"},
    {"Progress to target", "(latest value − baseline) ÷ (12-month target − baseline).", 0, NULL},
    {"Direction of travel", "The latest value against the one before, in the KPI's improvement direction.", 0, NULL},
    {"Source row", "The file and line of the export each row comes from, e.g. actions.csv:17.", 0, NULL},
    /* the terms below are in a pack's key only when the pack uses them (view/view.c build_key) */
    {"Tolerance", "How far behind its trajectory a KPI may be and still be Amber: by default {tolerance_share} of the "
                  "way from baseline to final target, in the KPI's unit.", 0, "tolerance"},
    {"Points", "For a percentage, the gap between two percentages (percentage points): 20% to 18.5% is 1.5 points.",
     0, "point|points"},
    {"SPC (XmR chart)", "Short for statistical process control: values by month, their mean and process limits.", 0,
     "spc|xmr"},
    {"Process limits", "The mean plus and minus 2.66 times the average month-to-month change: a steady process stays "
                       "between them.", 0, "process limit"},
    {"Common cause", "The usual ups and downs, inside the process limits.", 0, "common cause"},
    {"Special cause", "A value or run unlikely to be chance (outside the limits, or a long run).", 0,
     "special cause"},
    {"Assurance", "Whether the target will be met as things run now: consistently passes, consistently fails, or "
                  "hit and miss.", 0, "assurance|consistently passes|consistently fails"},
    {"Hit and miss", "The target lies between the process limits: met in some months, missed in others.", 0,
     "hit and miss"},
    {"Burn-up", "Milestones planned (original and revised dates) and completed by month, against the scope: every "
                "milestone, dated or not.", 0, "burn-up|scope"},
    {"Forecast finish", "Open milestones (not complete, ongoing or recurring) simulated at the pace; the plan ends "
                        "with its last area.", 0,
     "likely complete|forecast|open milestone"},
};

const size_t SP_N_KEY_ROWS = sizeof SP_KEY_ROWS / sizeof *SP_KEY_ROWS;

bool sp_key_row_used(const sp_key_row *row, const char *text_lower)
{
    if (!row->used_as)
        return true;
    for (const char *p = row->used_as; *p;) {
        size_t n = strcspn(p, "|");
        /* a phrase at the start of a word: "spc" in "spc chart", not in "inspected" */
        for (const char *at = text_lower; *at; at++)
            if (strncmp(at, p, n) == 0 && (at == text_lower || !isalpha((unsigned char)at[-1])))
                return true;
        p += n + (p[n] == '|');
    }
    return false;
}
const char *sp_key_meaning(const sp_key_row *row, const sp_rules *rules, sp_arena *a)
{
    char days[16], share[16], tolerance[16], standing[16], lag[32];
    snprintf(days, sizeof days, "%d", rules->off_track_overdue_days);
    snprintf(share, sizeof share, "%.0f%%", rules->off_track_share * 100);
    snprintf(tolerance, sizeof tolerance, "%.0f%%", rules->tolerance_share * 100);
    snprintf(standing, sizeof standing, "%.0f%%", rules->standing_tolerance_share * 100);
    snprintf(lag, sizeof lag, "%d month%s", rules->reporting_lag_months, rules->reporting_lag_months == 1 ? "" : "s");
    const struct {
        const char *name, *value;
    } fields[] = {{"{overdue_days}", days},          {"{off_track_share}", share}, {"{tolerance_share}", tolerance},
                  {"{standing_share}", standing}, {"{lag}", lag}};
    const char *out = row->meaning;
    for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
        const char *at = strstr(out, fields[f].name);
        if (at)
            out = sp_arena_printf(a, "%.*s%s%s", (int)(at - out), out, fields[f].value, at + strlen(fields[f].name));
    }
    return out;
}
