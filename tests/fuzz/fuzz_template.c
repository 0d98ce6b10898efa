/* libFuzzer: the report-template reader, on a file written to a private path in /dev/shm; and,
 * for each template it accepts, every renderer laying out a small plan as the template asks
 * (the tables are sized from the template's lists: a list the reader let through that a
 * renderer cannot hold shows here under ASan). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess/assess.h"
#include "check/check.h"
#include "read/plan_reader.h"
#include "render/report.h"
#include "view/template_read.h"

#include "small_plan.h"

static char dir[64];
static sp_plan plan;
static sp_assessment assessment;
static bool have_plan;

static void read_plan_once(void)
{
    small_plan_write(dir, sizeof dir, "template");
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
