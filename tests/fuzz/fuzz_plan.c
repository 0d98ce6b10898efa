/* libFuzzer: the whole read -> check -> assess path, and the JSON export, on a plan folder.
 * The input is the folder's files separated by lines of "%%": plan.ini, actions.csv,
 * kpis.csv, kpi_values.csv, risks.csv, kpi_targets.csv. They are written to a private folder in /dev/shm. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assess/assess.h"
#include "check/check.h"
#include "read/plan_reader.h"
#include "view/template_read.h"
#include "render/report.h"

static char dir[64];

static void write_part(const char *name, const uint8_t *p, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(p, 1, n, f);
        fclose(f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* kpi_targets.csv last, so earlier corpora keep their meaning */
    static const char *const names[] = {"plan.ini", "actions.csv", "kpis.csv", "kpi_values.csv", "risks.csv",
                                        "kpi_targets.csv"};
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/dev/shm/sendpack-fuzz-%d", (int)getpid());
        mkdir(dir, 0700);
    }
    for (int i = 0; i < 6; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    const uint8_t *p = data, *end = data + size;
    for (int i = 0; i < 6 && p <= end; i++) {
        const uint8_t *sep = NULL;
        for (const uint8_t *q = p; q + 3 <= end; q++)
            if (q[0] == '%' && q[1] == '%' && q[2] == '\n' && (q == data || q[-1] == '\n')) {
                sep = q;
                break;
            }
        const uint8_t *stop = sep ? sep : end;
        write_part(names[i], p, (size_t)(stop - p));
        if (!sep)
            break;
        p = sep + 3;
    }
    sp_plan plan;
    memset(&plan, 0, sizeof plan);
    sp_diags diags = {0};
    if (sp_read_plan(dir, &plan, &diags)) {
        sp_check_plan(&plan, &diags);
        sp_rules rules;
        sp_rules_default(&rules);
        sp_assessment a;
        sp_assess(&plan, sp_date_from_ymd(2022, 12, 31), &rules, &a);
        sp_template t;
        sp_template_defaults(&t);
        sp_view r;
        sp_view_build(&r, &plan, &a, NULL, &diags, &t);
        char err[256], out[128];
        snprintf(out, sizeof out, "%s/out.json", dir);
        sp_render_json(&r, out, err, sizeof err);
        sp_view_free(&r);
        sp_assessment_free(&a);
        sp_template_free(&t);
    }
    sp_diags_free(&diags);
    sp_plan_free(&plan);
    return 0;
}
