#include "cli/run.h"

#include <stdio.h>
#include <string.h>

#include "check/check.h"
#include "model/plan.h"
#include "read/plan_reader.h"

static int run_plan(const sp_options *o, const char *dir)
{
    sp_plan plan;
    memset(&plan, 0, sizeof plan);
    sp_diags diags = {0};
    bool ok = sp_read_plan(dir, &plan, &diags);
    if (ok)
        sp_check_plan(&plan, &diags);
    sp_diags_print(stderr, &diags);
    int status = ok ? SP_EXIT_OK : SP_EXIT_DATA;
    if (o->check) {
        fflush(stderr);
        sp_print_summary(stdout, &plan, &diags);
        fflush(stdout);
    }
    sp_diags_free(&diags);
    sp_plan_free(&plan);
    return status;
}

int sp_run(const sp_options *o)
{
    int worst = SP_EXIT_OK;
    for (int i = 0; i < o->n_plans; i++) {
        int status = run_plan(o, o->plans[i]);
        if (status > worst)
            worst = status;
    }
    return worst;
}
