/* libFuzzer: the CSV reader and the column mapping of every file of a plan folder. */
#include <stdint.h>
#include <string.h>

#include "read/csv_table.h"
#include "read/plan_reader.h"
#include "read/readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool (*const readers[])(const sp_table *, sp_plan *, sp_diags *) = {
        sp_read_actions, sp_read_kpis, sp_read_kpi_values, sp_read_risks, sp_read_kpi_targets};
    /* the first byte picks which file the rest is */
    if (size < 1)
        return 0;
    sp_plan plan;
    memset(&plan, 0, sizeof plan);
    plan.info.start = 0;
    plan.info.end = plan.info.revisit = SP_NO_DATE;
    sp_diags diags = {0};
    sp_table t;
    if (sp_csv_read_buffer((const char *)data + 1, size - 1, "fuzz.csv", &plan.arena, &diags, &t) == SP_CSV_OK) {
        readers[data[0] % 5](&t, &plan, &diags);
        sp_plan_build(&plan, &diags);
    }
    sp_table_free(&t);
    sp_diags_free(&diags);
    sp_plan_free(&plan);
    return 0;
}
