/* libFuzzer: the report-template reader, on a file written to a private path in /dev/shm; and,
 * for each template it accepts, every renderer laying out a small plan as the template asks
 * (the tables are sized from the template's lists: a list the reader let through that a
 * renderer cannot hold shows here under ASan). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assess/assess.h"
#include "check/check.h"
#include "read/plan_reader.h"
#include "render/report.h"
#include "view/template_read.h"

static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A plan with an exception, KPIs with values, an area and a risk: every table has rows. */
static sp_plan plan;
static sp_assessment assessment;
static bool have_plan;

static void read_plan_once(void)
{
    snprintf(dir, sizeof dir, "/dev/shm/sendpack-fuzz-template-%d", (int)getpid());
    mkdir(dir, 0700);
    write_file("plan.ini", "[plan]\ntitle = Test plan\narea = Testshire\nstart = 2022-06-30\n"
                           "[glossary]\nJCB = Joint Commissioning Board\n");
    write_file("actions.csv", "Area,Ref,Action,Milestone,Owner,Due,Status,Completed,Progress\n"
                              "Workstream 1,1.1a,Write the strategy,Draft agreed,Ann Lee,Sep 2022,Red,,Late: JCB asked\n"
                              "Workstream 1,1.1b,Write the strategy,Strategy published,Ann Lee,Mar 2023,Amber,,\n"
                              "Workstream 2,2.1a,Train staff (18-25),Staff trained,Bo Ng,Aug 2022,Blue,2022-08-15,Done\n");
    write_file("kpis.csv", "Ref,KPI,Unit,Direction,Baseline,3 months,6 months,12 months,Area\n"
                           "K01,EHCPs issued within 20 weeks,%,up,40%,45%,50%,60%,Workstream 1\n"
                           "K02,Young people 18-25 in work,number,up,10,12,14,20,Workstream 2\n");
    write_file("kpi_values.csv", "Ref,Period,Value\nK01,Jul 2022,41%\nK01,Aug 2022,39%\nK01,Sep 2022,38%\n"
                                 "K01,Oct 2022,37%\nK01,Nov 2022,36%\nK02,Nov 2022,11\n");
    write_file("risks.csv", "Ref,Risk,Likelihood,Impact,Owner,Mitigation\nR1,Staff leave,High,Medium,Ann Lee,Recruit\n");
    sp_diags d = {0};
    have_plan = sp_read_plan(dir, &plan, &d);
    if (have_plan) {
        sp_check_plan(&plan, &d);
        sp_rules rules;
        sp_rules_default(&rules);
        sp_assess(&plan, sp_date_from_ymd(2022, 12, 31), &rules, &assessment);
    }
    sp_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0])
        read_plan_once();
    char path[128];
    snprintf(path, sizeof path, "%s/template.ini", dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    sp_template t;
    sp_diags d = {0};
    if (sp_template_load(path, &t, &d)) {
        sp_arena a = {0};
        sp_template_title(&t, &a, "Plan {x}", "Area", 19000);
        sp_arena_free(&a);
        if (have_plan) {
            sp_view r;
            sp_view_build(&r, &plan, &assessment, NULL, &d, &t);
            static bool (*const render[])(const sp_report *, const char *, char *, size_t) = {
                sp_render_json, sp_render_html, sp_render_xlsx, sp_render_pdf};
            char err[256], out[128];
            snprintf(out, sizeof out, "%s/out", dir);
            for (size_t i = 0; i < sizeof render / sizeof *render; i++)
                render[i](&r, out, err, sizeof err);
            sp_view_free(&r);
        }
    }
    sp_diags_free(&d);
    sp_template_free(&t);
    return 0;
}
