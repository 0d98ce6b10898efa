/*
 * floor.c - the benchmark's floor: what the libraries underneath sendpack cost with no logic.
 *
 *   floor parse OUT_DIR PLAN_DIR...   libcsv parses every CSV of each plan
 *   floor write OUT_DIR PLAN_DIR...   the same, and libxlsxwriter writes every cell to a workbook
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

typedef struct sink {
    lxw_worksheet *ws; /* NULL when only parsing */
    lxw_row_t row;
    lxw_col_t col;
    size_t fields;
} sink;

static void on_field(void *data, size_t len, void *user)
{
    sink *s = user;
    s->fields++;
    if (s->ws && len) {
        char buf[32768];
        if (len >= sizeof buf)
            len = sizeof buf - 1;
        memcpy(buf, data, len);
        buf[len] = '\0';
        worksheet_write_string(s->ws, s->row, s->col, buf, NULL);
    }
    s->col++;
}

static void on_record(int c, void *user)
{
    (void)c;
    sink *s = user;
    s->row++;
    s->col = 0;
}

static size_t parse(const char *path, lxw_worksheet *ws)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    sink s = {ws, 0, 0, 0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        csv_parse(&p, buf, n, on_field, on_record, &s);
    csv_fini(&p, on_field, on_record, &s);
    csv_free(&p);
    fclose(f);
    return s.fields;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fputs("usage: floor parse|write OUT_DIR PLAN_DIR...\n", stderr);
        return 64;
    }
    int write = strcmp(argv[1], "write") == 0;
    static const char *const files[] = {"actions.csv", "kpis.csv", "kpi_values.csv", "risks.csv"};
    size_t fields = 0;
    for (int i = 3; i < argc; i++) {
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        char out[4096];
        snprintf(out, sizeof out, "%s/%s-floor.xlsx", argv[2], base);
        lxw_workbook *wb = write ? workbook_new(out) : NULL;
        for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", argv[i], files[k]);
            fields += parse(path, wb ? workbook_add_worksheet(wb, NULL) : NULL);
        }
        if (wb)
            workbook_close(wb);
    }
    printf("floor %s: %zu fields\n", argv[1], fields);
    return 0;
}
