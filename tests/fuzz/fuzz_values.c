/* libFuzzer: the date, deadline, period, number, baseline and target parsers on one cell. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read/dates.h"
#include "read/values.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *cell = malloc(size + 1);
    memcpy(cell, data, size);
    cell[size] = '\0';
    char err[512];
    sp_date d, start, end;
    bool words, quarter, complete;
    sp_deadline dl;
    sp_parse_date_cell(cell, &d, &words, err, sizeof err);
    sp_parse_deadline(cell, &dl, err, sizeof err);
    sp_parse_period(cell, &start, &end, &quarter, err, sizeof err);
    double v;
    sp_parse_number_cell(cell, &v, err, sizeof err);
    sp_arena arena = {0};
    sp_baseline b;
    sp_parse_baseline(&arena, cell, &b);
    sp_target t;
    sp_parse_target(&arena, cell, &t);
    sp_status s;
    sp_parse_status(cell, &s, &complete);
    sp_arena_free(&arena);
    free(cell);
    return 0;
}
