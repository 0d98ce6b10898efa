/* Every header alias of shared/spec/input-contract.md, read through the real file readers. The
 * alias lists are copied from the contract, not from the code, so a missing alias fails. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "read/csv_table.h"
#include "read/readers.h"

typedef const char *(*getter)(const sp_plan *p);

typedef struct alias_case {
    const char *field;
    const char *aliases[8];
    const char *value; /* a value that lands in the field */
    getter get;
} alias_case;

static const char *m_area(const sp_plan *p) { return p->milestones.items[0].area; }
static const char *m_outcome(const sp_plan *p) { return p->milestones.items[0].outcome; }
static const char *m_ref(const sp_plan *p) { return p->milestones.items[0].ref; }
static const char *m_action(const sp_plan *p) { return p->milestones.items[0].action; }
static const char *m_milestone(const sp_plan *p) { return p->milestones.items[0].text; }
static const char *m_owner(const sp_plan *p) { return p->milestones.items[0].owner; }
static const char *m_accountable(const sp_plan *p) { return p->milestones.items[0].accountable; }
static const char *m_due(const sp_plan *p) { return p->milestones.items[0].due_text; }
static const char *m_revised(const sp_plan *p) { return p->milestones.items[0].revised_text; }
static const char *m_completed(const sp_plan *p) { return p->milestones.items[0].completed_text; }
static const char *m_status(const sp_plan *p) { return p->milestones.items[0].status_text; }
static const char *m_resource(const sp_plan *p) { return p->milestones.items[0].resource; }
static const char *m_kpi(const sp_plan *p) { return p->milestones.items[0].kpi; }
static const char *m_cohort(const sp_plan *p) { return p->milestones.items[0].cohort; }
static const char *m_progress(const sp_plan *p) { return p->milestones.items[0].progress; }
static const char *m_updated(const sp_plan *p)
{
    return p->milestones.items[0].updated == sp_date_from_ymd(2022, 3, 31) ? "Mar 2022" : "wrong";
}

/* actions.csv (input contract, "actions.csv") */
static const alias_case ACTIONS[] = {
    {"area", {"Area", "Workstream", "Area of weakness", "Theme", "Priority"}, "WS1", m_area},
    {"outcome", {"Outcome", "Outcomes", "Outcomes (what we intend to achieve and their impact)"}, "Better", m_outcome},
    {"ref", {"Ref", "Action ref", "ID"}, "1.1a", m_ref},
    {"action", {"Action", "Implementation", "Implementation (Actions - what are we going to do)",
                "Actions designed to lead to improvement"}, "Do it", m_action},
    {"milestone", {"Milestone", "Key milestones", "Key milestones (Action tracker)"}, "Done it", m_milestone},
    {"owner", {"Owner", "Lead", "Responsible officer", "Responsible officer (action lead)", "Action lead",
               "Senior accountable sponsor"}, "Ann Lee", m_owner},
    {"accountable", {"Senior responsible officer", "Senior responsible officer (accountable)", "Accountable officer",
                     "SRO"}, "Pat Jones", m_accountable},
    {"due", {"Due", "Deadline", "By when", "Target date"}, "Dec 2022", m_due},
    {"revised_due", {"Revised due", "Revised deadline"}, "Jan 2023", m_revised},
    {"completed", {"Completed", "Completion date", "BRAG + date"}, "Nov 2022", m_completed},
    {"status", {"Status", "RAG", "BRAG", "Action RAG"}, "Green", m_status},
    {"resource", {"Resource", "Resource Required"}, "AR", m_resource},
    {"kpi", {"KPI", "KPI ref", "KPI used to measure"}, "K01", m_kpi},
    {"cohort", {"Cohort", "Age group", "Age band"}, "18-25", m_cohort},
    {"progress", {"Progress", "PROGRESS", "Progress / impact", "Update"}, "Going well", m_progress},
    {"updated", {"Updated", "Last updated"}, "Mar 2022", m_updated},
};

static const char *k_ref(const sp_plan *p) { return p->kpis.items[0].ref; }
static const char *k_area(const sp_plan *p) { return p->kpis.items[0].area; }
static const char *k_name(const sp_plan *p) { return p->kpis.items[0].name; }
static const char *k_unit(const sp_plan *p) { return sp_unit_key(p->kpis.items[0].unit); }
static const char *k_direction(const sp_plan *p) { return sp_direction_key(p->kpis.items[0].direction); }
static const char *k_baseline(const sp_plan *p) { return p->kpis.items[0].baseline.text; }
static const char *k_t3(const sp_plan *p) { return p->checkpoints.items[0].target.text; }
static const char *k_t6(const sp_plan *p) { return p->checkpoints.items[1].target.text; }
static const char *k_t12(const sp_plan *p) { return p->checkpoints.items[2].target.text; }
static const char *k_cohort(const sp_plan *p) { return p->kpis.items[0].cohort; }
static const char *k_owner(const sp_plan *p) { return p->kpis.items[0].owner; }
static const char *k_source(const sp_plan *p) { return p->kpis.items[0].source; }
static const char *k_tolerance(const sp_plan *p) { return p->kpis.items[0].tolerance == 2 ? "2" : "wrong"; }
static const char *k_bdate(const sp_plan *p)
{
    return p->kpis.items[0].baseline_date == sp_date_from_ymd(2022, 1, 31) ? "Jan 2022" : "wrong";
}

/* kpis.csv */
static const alias_case KPIS[] = {
    {"ref", {"Ref", "KPI ref", "ID"}, "K01", k_ref},
    {"area", {"Area", "Workstream", "KPI reference", "Theme"}, "WS1", k_area},
    {"name", {"KPI", "Name", "Measure"}, "Plans on time", k_name},
    {"unit", {"Unit"}, "%", k_unit},
    {"direction", {"Direction", "Polarity", "Improvement direction"}, "down", k_direction},
    {"baseline", {"Baseline"}, "40%", k_baseline},
    {"baseline_date", {"Baseline date"}, "Jan 2022", k_bdate},
    {"target_3m", {"3 months", "3 months (Sept 22)"}, "45%", k_t3},
    {"target_6m", {"6 months", "6 months (Dec 22)"}, "50%", k_t6},
    {"target_12m", {"12 months", "12 months (June 23)"}, "60%", k_t12},
    {"tolerance", {"Tolerance"}, "2", k_tolerance},
    {"cohort", {"Cohort", "Age group"}, "18-25", k_cohort},
    {"owner", {"Owner", "Lead"}, "Ann Lee", k_owner},
    {"source", {"Source"}, "SEN2", k_source},
};

static const char *v_ref(const sp_plan *p) { return p->observations.items[0].ref; }
static const char *v_period(const sp_plan *p)
{
    return p->observations.items[0].period_end == sp_date_from_ymd(2022, 7, 31) ? "2022-07" : "wrong";
}
static const char *v_value(const sp_plan *p) { return p->observations.items[0].value == 41.5 ? "41.5" : "wrong"; }
static const char *v_status(const sp_plan *p) { return sp_qual_status_key(p->observations.items[0].status); }
static const char *v_england(const sp_plan *p) { return p->observations.items[0].england == 50 ? "50" : "wrong"; }
static const char *v_sn(const sp_plan *p) { return p->observations.items[0].neighbours == 45 ? "45" : "wrong"; }
static const char *v_note(const sp_plan *p) { return p->observations.items[0].note; }
static const char *v_rebase(const sp_plan *p) { return p->observations.items[0].rebase ? "yes" : "no"; }

/* kpi_values.csv */
static const alias_case VALUES[] = {
    {"ref", {"Ref", "KPI ref"}, "K01", v_ref},
    {"period", {"Period", "Month", "Date", "Quarter"}, "2022-07", v_period},
    {"value", {"Value", "Actual"}, "41.5", v_value},
    {"status", {"Status", "Milestone status"}, "met", v_status},
    {"england", {"England", "National"}, "50", v_england},
    {"stat_neighbours", {"Statistical neighbours", "Stat neighbours"}, "45", v_sn},
    {"note", {"Note", "Comment", "Annotation"}, "checked", v_note},
    {"rebase", {"Rebase"}, "yes", v_rebase},
};

static const char *r_date(const sp_plan *p) { return p->risks.items[0].date_text; }
static const char *r_risk(const sp_plan *p) { return p->risks.items[0].text; }
static const char *r_sev(const sp_plan *p) { return sp_severity_word(p->risks.items[0].severity); }
static const char *r_mit(const sp_plan *p) { return p->risks.items[0].mitigation; }
static const char *r_res(const sp_plan *p) { return sp_severity_word(p->risks.items[0].residual); }
static const char *r_prog(const sp_plan *p) { return p->risks.items[0].progress; }
static const char *r_owner(const sp_plan *p) { return p->risks.items[0].owner; }

/* risks.csv */
static const alias_case RISKS[] = {
    {"date", {"Date", "Raised"}, "May 2022", r_date},
    {"risk", {"Risk"}, "Staff leave", r_risk},
    {"severity", {"Severity", "Severity/Impact", "Impact"}, "High", r_sev},
    {"mitigation", {"Mitigation"}, "Recruit", r_mit},
    {"residual", {"Residual", "Severity / Impact Post-mitigation", "Post-mitigation"}, "Low", r_res},
    {"progress", {"Progress", "Progress following action"}, "Advertised", r_prog},
    {"owner", {"Owner"}, "Ann Lee", r_owner},
};

typedef bool (*reader)(const sp_table *, sp_plan *, sp_diags *);

/* For each alias of each field: a table with that header (the others by their first alias,
 * with filler values), read; the field must hold the value. */
static void check_file(const char *file, const alias_case *cases, size_t n, reader read, const char *const *fill)
{
    for (size_t i = 0; i < n; i++) {
        for (int a = 0; a < 8 && cases[i].aliases[a]; a++) {
            char header[2048] = "", row[2048] = "";
            for (size_t j = 0; j < n; j++) {
                const char *h = j == i ? cases[i].aliases[a] : cases[j].aliases[0];
                const char *v = j == i ? cases[i].value : fill[j];
                snprintf(header + strlen(header), sizeof header - strlen(header), "%s\"%s\"", j ? "," : "", h);
                snprintf(row + strlen(row), sizeof row - strlen(row), "%s\"%s\"", j ? "," : "", v);
            }
            char text[4200];
            snprintf(text, sizeof text, "%s\n%s\n", header, row);
            sp_plan p;
            memset(&p, 0, sizeof p);
            sp_diags d = {0};
            sp_table t;
            assert_int_equal(sp_csv_read_buffer(text, strlen(text), file, &p.arena, &d, &t), SP_CSV_OK);
            if (!read(&t, &p, &d))
                fail_msg("%s: header '%s' for %s: %s", file, cases[i].aliases[a], cases[i].field,
                         d.list.n ? d.list.items[0].message : "refused");
            const char *got = cases[i].get(&p);
            if (!got || strcmp(got, cases[i].value) != 0)
                fail_msg("%s: header '%s' for %s: got '%s', expected '%s'", file, cases[i].aliases[a],
                         cases[i].field, got ? got : "(null)", cases[i].value);
            sp_table_free(&t);
            sp_diags_free(&d);
            sp_plan_free(&p);
        }
    }
}

static void actions_aliases(void **state)
{
    (void)state;
    static const char *const fill[] = {"WS1", "Better", "1.1a", "Do it", "Done it", "Ann Lee", "Pat Jones", "Dec 2022",
                                       "Jan 2023", "Nov 2022", "Green", "AR", "K01", "18-25", "Going well", "Mar 2022"};
    check_file("actions.csv", ACTIONS, sizeof ACTIONS / sizeof *ACTIONS, sp_read_actions, fill);
}

static void kpis_aliases(void **state)
{
    (void)state;
    static const char *const fill[] = {"K01", "WS1", "Plans on time", "%", "down", "40%", "Jan 2022",
                                       "45%", "50%", "60%", "2", "18-25", "Ann Lee", "SEN2"};
    check_file("kpis.csv", KPIS, sizeof KPIS / sizeof *KPIS, sp_read_kpis, fill);
}

static void values_aliases(void **state)
{
    (void)state;
    static const char *const fill[] = {"K01", "2022-07", "41.5", "met", "50", "45", "checked", "yes"};
    check_file("kpi_values.csv", VALUES, sizeof VALUES / sizeof *VALUES, sp_read_kpi_values, fill);
}

static void risks_aliases(void **state)
{
    (void)state;
    static const char *const fill[] = {"May 2022", "Staff leave", "High", "Recruit", "Low", "Advertised", "Ann Lee"};
    check_file("risks.csv", RISKS, sizeof RISKS / sizeof *RISKS, sp_read_risks, fill);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(actions_aliases),
        cmocka_unit_test(kpis_aliases),
        cmocka_unit_test(values_aliases),
        cmocka_unit_test(risks_aliases),
    };
    return cmocka_run_group_tests_name("header aliases", tests, NULL, NULL);
}
