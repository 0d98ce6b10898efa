/* libFuzzer: the earlier-pack reader (--history) and the progress assessment that uses what it
 * gives. The input is up to three JSON packs separated by lines of "%%", written as files of a
 * private folder beside a small plan; the packs are checked against the plan and each other. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "assess/assess.h"
#include "read/history.h"
#include "read/plan_reader.h"
#include "small_plan.h"

static char dir[64], packs[96];
static sp_plan plan;
static bool have_plan;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        small_plan_write(dir, sizeof dir, "history");
        snprintf(packs, sizeof packs, "%s/packs", dir);
        mkdir(packs, 0700);
        sp_diags d = {0};
        have_plan = sp_read_plan(dir, &plan, &d);
        sp_diags_free(&d);
    }
    if (!have_plan)
        return 0;
    const uint8_t *p = data, *end = data + size;
    for (int i = 0; i < 3; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%c.json", packs, 'a' + i);
        unlink(path);
        if (p > end)
            continue;
        const uint8_t *sep = NULL;
        for (const uint8_t *q = p; q + 3 <= end && !sep; q++)
            if (q[0] == '%' && q[1] == '%' && q[2] == '\n' && (q == data || q[-1] == '\n'))
                sep = q;
        const uint8_t *stop = sep ? sep : end;
        FILE *f = fopen(path, "wb");
        if (f) {
            fwrite(p, 1, (size_t)(stop - p), f);
            fclose(f);
        }
        p = sep ? sep + 3 : end + 1;
    }
    sp_history h;
    sp_diags d = {0};
    sp_date as_of = sp_date_from_ymd(2022, 12, 31);
    if (sp_read_history(packs, &plan, NULL, as_of, &h, &d)) {
        sp_rules rules;
        sp_rules_default(&rules);
        rules.forecast.runs = 100; /* the simulation's size is not what is fuzzed */
        sp_assessment a;
        sp_assess_with_history(&plan, as_of, &rules, &h, &a);
        sp_assessment_free(&a);
    }
    sp_history_free(&h);
    sp_diags_free(&d);
    return 0;
}
