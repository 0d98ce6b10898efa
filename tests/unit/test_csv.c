/* The CSV dialect of the input contract, and the positions every cell keeps. */
#include "testutil.h"

#include <string.h>

#include "read/columns.h"
#include "read/csv_table.h"

static sp_arena arena;

static sp_csv_result parse(const char *text, sp_table *t, sp_diags *d)
{
    return sp_csv_read_buffer(text, strlen(text), "t.csv", &arena, d, t);
}

static void assert_cell(const sp_table *t, size_t row, size_t col, const char *text, unsigned line, unsigned column)
{
    assert_true(row < t->rows.n);
    const sp_row *r = &t->rows.items[row];
    assert_true(col < r->n);
    assert_string_equal(r->cells[col].text, text);
    assert_int_equal(r->cells[col].line, line);
    assert_int_equal(r->cells[col].col, column);
}

static void quoting_and_positions(void **state)
{
    (void)state;
    sp_table t;
    sp_diags d = {0};
    const char *text = "Ref,Action,Due\n"
                       "1.1a,\"Plan, with a comma\",Dec 2022\n"
                       "1.1b,\"He said \"\"yes\"\"\",\"Jan\n2023\"\n"
                       "1.1c,\"line one\nline two\",May 2023\n";
    assert_int_equal(parse(text, &t, &d), SP_CSV_OK);
    assert_int_equal(d.errors, 0);
    assert_int_equal(t.rows.n, 3);
    assert_cell(&t, 0, 0, "1.1a", 2, 1);
    assert_cell(&t, 0, 1, "Plan, with a comma", 2, 6);
    assert_cell(&t, 0, 2, "Dec 2022", 2, 27);
    assert_cell(&t, 1, 1, "He said \"yes\"", 3, 6);
    assert_cell(&t, 1, 2, "Jan\n2023", 3, 24);
    assert_cell(&t, 2, 0, "1.1c", 5, 1); /* the quoted line break moved it down a line */
    assert_cell(&t, 2, 1, "line one\nline two", 5, 6);
    assert_cell(&t, 2, 2, "May 2023", 6, 11);
    assert_int_equal(t.rows.items[2].line, 5);
    sp_table_free(&t);
    sp_diags_free(&d);
}

static void bom_crlf_blank_rows_trim(void **state)
{
    (void)state;
    sp_table t;
    sp_diags d = {0};
    const char *text = "\xEF\xBB\xBFRef,Action\r\n"
                       "\r\n"
                       "  1.1a  , \xE2\x80\x9C" "curly\xE2\x80\x9D \xE2\x80\x93 dash\xC2\xA0 \r\n"
                       ",\r\n"
                       "1.1b,\"two\r\nlines\"\r\n";
    assert_int_equal(parse(text, &t, &d), SP_CSV_OK);
    assert_string_equal(t.header.cells[0].text, "Ref"); /* no BOM in the first header */
    assert_int_equal(t.rows.n, 2);                      /* blank rows skipped */
    assert_cell(&t, 0, 0, "1.1a", 3, 1);
    /* curly quotes and dashes survive; edge spaces and the trailing no-break space are trimmed */
    assert_cell(&t, 0, 1, "\xE2\x80\x9C" "curly\xE2\x80\x9D \xE2\x80\x93 dash", 3, 10);
    assert_cell(&t, 1, 1, "two\nlines", 5, 6); /* CRLF inside quotes becomes LF */
    sp_table_free(&t);
    sp_diags_free(&d);
}

static void errors(void **state)
{
    (void)state;
    sp_table t;
    sp_diags d = {0};
    assert_int_equal(parse("", &t, &d), SP_CSV_FAILED);
    assert_string_equal(d.list.items[0].message,
                        "the file is empty: expected a header row, then one row per record");
    sp_diags_free(&d);

    assert_int_equal(parse("a,b\n1,\"open\n2,3\n", &t, &d), SP_CSV_FAILED);
    assert_int_equal(d.list.items[0].src.line, 2);
    assert_int_equal(d.list.items[0].src.col, 3);
    assert_non_null(strstr(d.list.items[0].message, "unterminated quoted field"));
    sp_table_free(&t);
    sp_diags_free(&d);

    assert_int_equal(parse("a,b\n1,caf\xE9\n", &t, &d), SP_CSV_FAILED);
    assert_int_equal(d.list.items[0].src.line, 2);
    assert_int_equal(d.list.items[0].src.col, 6);
    assert_non_null(strstr(d.list.items[0].message, "invalid UTF-8 (byte 0xE9)"));
    sp_table_free(&t);
    sp_diags_free(&d);

    assert_int_equal(parse("a,b\n1,ab\"c\n", &t, &d), SP_CSV_FAILED);
    assert_int_equal(d.list.items[0].src.line, 2);
    assert_non_null(strstr(d.list.items[0].message, "malformed quoting"));
    sp_table_free(&t);
    sp_diags_free(&d);
}

enum { F_REF, F_DUE, F_T3, F_COUNT };
static const sp_field_def FIELDS[F_COUNT] = {
    [F_REF] = {"ref", true, false, {"Ref", "Action ref", "ID"}},
    [F_DUE] = {"due", true, false, {"Due", "Deadline", "By when", "Target date"}},
    [F_T3] = {"target_3m", false, true, {"3 months"}},
};

static void header_aliases(void **state)
{
    (void)state;
    sp_table t;
    sp_diags d = {0};
    sp_columns c;
    /* case, inner and outer white space, a no-break space, unknown columns, any order */
    assert_int_equal(parse("Notes,  BY   WHEN ,action\xC2\xA0ref,3 Months (Sept 22)\nx,Dec 2022,1.1a,50%\n", &t, &d),
                     SP_CSV_OK);
    assert_true(sp_columns_map(&t, FIELDS, F_COUNT, &c, &arena, &d));
    assert_int_equal(c.index[F_REF], 2);
    assert_int_equal(c.index[F_DUE], 1);
    assert_int_equal(c.index[F_T3], 3);
    assert_string_equal(c.bracket[F_T3], "Sept 22");
    assert_string_equal(sp_field(&t.rows.items[0], &c, F_REF).text, "1.1a");
    sp_table_free(&t);

    assert_int_equal(parse("ID,Target date,target_3m\n1,Jan 2020,5\n", &t, &d), SP_CSV_OK);
    assert_true(sp_columns_map(&t, FIELDS, F_COUNT, &c, &arena, &d));
    assert_int_equal(c.index[F_REF], 0);
    assert_int_equal(c.index[F_T3], 2);
    assert_null(c.bracket[F_T3]);
    sp_table_free(&t);

    assert_int_equal(parse("Ref,Action\n1,x\n", &t, &d), SP_CSV_OK);
    assert_false(sp_columns_map(&t, FIELDS, F_COUNT, &c, &arena, &d));
    assert_int_equal(d.errors, 1);
    assert_string_equal(d.list.items[0].message,
                        "missing required column 'due' (accepted headers: Due, Deadline, By when, Target date)");
    sp_table_free(&t);
    sp_diags_free(&d);

    /* two columns for one field: the first is used, the second warned about */
    assert_int_equal(parse("Ref,Due,Deadline\n1,Jan 2020,Feb 2020\n", &t, &d), SP_CSV_OK);
    assert_true(sp_columns_map(&t, FIELDS, F_COUNT, &c, &arena, &d));
    assert_int_equal(c.index[F_DUE], 1);
    assert_int_equal(d.warnings, 1);
    sp_table_free(&t);
    sp_diags_free(&d);
}

static void short_rows(void **state)
{
    (void)state;
    sp_table t;
    sp_diags d = {0};
    sp_columns c;
    assert_int_equal(parse("Ref,Due\n1.1a\n", &t, &d), SP_CSV_OK);
    assert_true(sp_columns_map(&t, FIELDS, F_COUNT, &c, &arena, &d));
    sp_cell due = sp_field(&t.rows.items[0], &c, F_DUE);
    assert_string_equal(due.text, "");
    assert_int_equal(due.line, 2);
    sp_table_free(&t);
    sp_diags_free(&d);
}

static int teardown(void **state)
{
    (void)state;
    sp_arena_free(&arena);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quoting_and_positions), cmocka_unit_test(bom_crlf_blank_rows_trim),
        cmocka_unit_test(errors),                cmocka_unit_test(header_aliases),
        cmocka_unit_test(short_rows),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, teardown);
}
