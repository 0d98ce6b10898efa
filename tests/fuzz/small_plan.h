/* A small plan for the harnesses, written once to a private folder in /dev/shm: an exception,
 * KPIs with values, two areas and a risk, so that every table and the forecast have rows. */
#ifndef SP_FUZZ_SMALL_PLAN_H
#define SP_FUZZ_SMALL_PLAN_H

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void small_plan_file(const char *dir, const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Writes the plan into dir (made for this process: /dev/shm/sendpack-fuzz-WHAT-PID). */
static void small_plan_write(char *dir, size_t size, const char *what)
{
    snprintf(dir, size, "/dev/shm/sendpack-fuzz-%s-%d", what, (int)getpid());
    mkdir(dir, 0700);
    small_plan_file(dir, "plan.ini", "[plan]\ntitle = Test plan\narea = Testshire\nstart = 2022-06-30\n"
                                     "[glossary]\nJCB = Joint Commissioning Board\n");
    small_plan_file(dir, "actions.csv",
                    "Area,Ref,Action,Milestone,Owner,Due,Status,Completed,Progress\n"
                    "Workstream 1,1.1a,Write the strategy,Draft agreed,Ann Lee,Sep 2022,Red,,Late: JCB asked\n"
                    "Workstream 1,1.1a,Write the strategy,Strategy published,Ann Lee,Mar 2023,Amber,,\n"
                    "Workstream 2,2.1a,Train staff (18-25),Staff trained,Bo Ng,Aug 2022,Blue,2022-08-15,Done\n"
                    "Workstream 2,2.1b,Train staff (18-25),Trainers found,Bo Ng,Jul 2022,Blue,,Done\n");
    small_plan_file(dir, "kpis.csv", "Ref,KPI,Unit,Direction,Baseline,3 months,6 months,12 months,Area\n"
                                     "K01,EHCPs issued within 20 weeks,%,up,40%,45%,50%,60%,Workstream 1\n"
                                     "K02,Young people 18-25 in work,number,up,10,12,14,20,Workstream 2\n");
    small_plan_file(dir, "kpi_values.csv", "Ref,Period,Value\nK01,Jul 2022,41%\nK01,Aug 2022,39%\nK01,Sep 2022,38%\n"
                                           "K01,Oct 2022,37%\nK01,Nov 2022,36%\nK02,Nov 2022,11\n");
    small_plan_file(dir, "risks.csv",
                    "Ref,Risk,Likelihood,Impact,Owner,Mitigation\nR1,Staff leave,High,Medium,Ann Lee,Recruit\n");
}

#endif
