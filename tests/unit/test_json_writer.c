/* The streaming JSON writer (render/json_writer.c) against jansson 2.14's
 * json_dumps(JSON_INDENT(2) | JSON_REAL_PRECISION(15)), which wrote the JSON pack before it:
 * the same bytes for escaping, reals, nesting and empty containers, and the same members
 * left out where jansson refuses a value. */
#include "testutil.h"

#include <float.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/json_writer.h"

#define FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(15))

typedef struct {
    sp_jw w;
    char *text;
    size_t len;
} mem;

static void mem_open(mem *m)
{
    FILE *f = open_memstream(&m->text, &m->len);
    assert_non_null(f);
    sp_jw_init(&m->w, f);
}

/* closes the stream and returns the text (the caller frees it) */
static char *mem_close(mem *m)
{
    assert_int_equal(m->w.depth, 0);
    assert_false(m->w.failed);
    fclose(m->w.f);
    return m->text;
}

/* jansson's text of root, which it steals */
static char *jansson(json_t *root)
{
    char *s = json_dumps(root, FLAGS);
    assert_non_null(s);
    json_decref(root);
    return s;
}

static void same(char *ours, char *theirs, const char *expected)
{
    assert_string_equal(ours, theirs);
    if (expected)
        assert_string_equal(ours, expected);
    free(ours);
    free(theirs);
}

static const double REALS[] = {0.0,      -0.0,         1.0,      -1.0,         0.5,          412 * 0.95,
                               1e20,     -1e20,        1e15,     1e14,         1e16,         1e-5,
                               1e-300,   123456789.0,  1.0 / 3,  2.0 / 3,      100.0,        99.99999999999999,
                               DBL_MAX,  -DBL_MAX,     DBL_MIN,  5e-324,       9007199254740993.0,
                               1e21,     123456789012345678.0, 0.1 + 0.2, 12.5, 66.66666666666667};

static void reals(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof REALS / sizeof REALS[0]; i++) {
        mem m;
        mem_open(&m);
        sp_jw_begin_array(&m.w);
        sp_jw_real(&m.w, REALS[i]);
        sp_jw_end_array(&m.w);
        json_t *a = json_array();
        json_array_append_new(a, json_real(REALS[i]));
        same(mem_close(&m), jansson(a), NULL);
    }
    char buf[100];
    static const struct {
        double v;
        const char *text;
    } known[] = {{-0.0, "-0.0"}, {1e20, "1e20"}, {1.0, "1.0"},   {412 * 0.95, "391.4"}, {1e-5, "1e-5"},
                 {1e15, "1e15"}, {1e14, "100000000000000.0"}, {123456789012345678.0, "1.23456789012346e17"},
                 {-1e-300, "-1e-300"}, {1.0 / 3, "0.333333333333333"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        assert_int_equal(sp_jw_format_real(buf, sizeof buf, known[i].v), (int)strlen(known[i].text));
        assert_string_equal(buf, known[i].text);
    }
}

static const char *const STRINGS[] = {
    "",
    "plain",
    "quote \" and backslash \\ and slash /",
    "\b\f\n\r\t",
    "\x01\x02\x1f\x7f",
    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbb\xbf",
    "line one\nline two\r\n\ttabbed",
};

static void strings(void **state)
{
    (void)state;
    mem m;
    /* one string at a time, exactly */
    for (size_t i = 0; i < sizeof STRINGS / sizeof STRINGS[0]; i++) {
        mem_open(&m);
        sp_jw_begin_object(&m.w);
        sp_jw_kstring(&m.w, "s", STRINGS[i]);
        sp_jw_end_object(&m.w);
        json_t *one = json_object();
        json_object_set_new(one, "s", json_string(STRINGS[i]));
        same(mem_close(&m), jansson(one), NULL);
    }
    mem_open(&m);
    sp_jw_begin_array(&m.w);
    sp_jw_string(&m.w, "a\"b\\c\b\f\n\r\t\x01\x1f\x7f/\xc3\xa9");
    sp_jw_end_array(&m.w);
    json_t *a = json_array();
    json_array_append_new(a, json_string("a\"b\\c\b\f\n\r\t\x01\x1f\x7f/\xc3\xa9"));
    same(mem_close(&m), jansson(a), "[\n  \"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001F\x7f/\xc3\xa9\"\n]");
}

/* a member jansson would not set (NULL or invalid UTF-8 string, NaN or infinite real) is
 * left out with its key, and the separators stay right */
static void refused_values(void **state)
{
    (void)state;
    static const char *const bad[] = {"\xff", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82",
                                      "ok \xc3"};
    mem m;
    mem_open(&m);
    sp_jw_begin_object(&m.w);
    json_t *o = json_object();
    sp_jw_kstring(&m.w, "first", NULL);
    json_object_set_new(o, "first", json_string(NULL));
    sp_jw_kinteger(&m.w, "one", 1);
    json_object_set_new(o, "one", json_integer(1));
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sp_jw_kstring(&m.w, "bad", bad[i]);
        json_object_set_new(o, "bad", json_string(bad[i]));
    }
    sp_jw_kreal(&m.w, "nan", NAN);
    json_object_set_new(o, "nan", json_real(NAN));
    sp_jw_kreal(&m.w, "inf", -INFINITY);
    json_object_set_new(o, "inf", json_real(-INFINITY));
    sp_jw_key(&m.w, "list");
    sp_jw_begin_array(&m.w);
    sp_jw_string(&m.w, "\xff");
    sp_jw_real(&m.w, INFINITY);
    sp_jw_integer(&m.w, -7);
    sp_jw_string(&m.w, NULL);
    sp_jw_end_array(&m.w);
    json_t *a = json_array();
    json_array_append_new(a, json_string("\xff"));
    json_array_append_new(a, json_real(INFINITY));
    json_array_append_new(a, json_integer(-7));
    json_array_append_new(a, json_string(NULL));
    json_object_set_new(o, "list", a);
    sp_jw_end_object(&m.w);
    same(mem_close(&m), jansson(o), "{\n  \"one\": 1,\n  \"list\": [\n    -7\n  ]\n}");
}

static void nesting_and_empty(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    sp_jw_begin_object(&m.w);
    sp_jw_end_object(&m.w);
    same(mem_close(&m), jansson(json_object()), "{}");
    mem_open(&m);
    sp_jw_begin_array(&m.w);
    sp_jw_end_array(&m.w);
    same(mem_close(&m), jansson(json_array()), "[]");

    mem_open(&m);
    sp_jw_begin_object(&m.w);
    sp_jw_key(&m.w, "a");
    sp_jw_begin_object(&m.w);
    sp_jw_end_object(&m.w);
    sp_jw_key(&m.w, "b");
    sp_jw_begin_array(&m.w);
    sp_jw_end_array(&m.w);
    sp_jw_key(&m.w, "c");
    sp_jw_begin_array(&m.w);
    sp_jw_integer(&m.w, 1);
    sp_jw_begin_array(&m.w);
    sp_jw_end_array(&m.w);
    sp_jw_begin_object(&m.w);
    sp_jw_end_object(&m.w);
    sp_jw_begin_object(&m.w);
    sp_jw_key(&m.w, "deep");
    sp_jw_begin_array(&m.w);
    sp_jw_bool(&m.w, true);
    sp_jw_bool(&m.w, false);
    sp_jw_null(&m.w);
    sp_jw_integer(&m.w, -9223372036854775807LL - 1);
    sp_jw_real(&m.w, 2.5);
    sp_jw_end_array(&m.w);
    sp_jw_end_object(&m.w);
    sp_jw_end_array(&m.w);
    sp_jw_knull(&m.w, "z");
    sp_jw_end_object(&m.w);

    json_t *o = json_object();
    json_object_set_new(o, "a", json_object());
    json_object_set_new(o, "b", json_array());
    json_t *c = json_array();
    json_array_append_new(c, json_integer(1));
    json_array_append_new(c, json_array());
    json_array_append_new(c, json_object());
    json_t *d = json_object();
    json_t *deep = json_array();
    json_array_append_new(deep, json_true());
    json_array_append_new(deep, json_false());
    json_array_append_new(deep, json_null());
    json_array_append_new(deep, json_integer(-9223372036854775807LL - 1));
    json_array_append_new(deep, json_real(2.5));
    json_object_set_new(d, "deep", deep);
    json_array_append_new(c, d);
    json_object_set_new(o, "c", c);
    json_object_set_new(o, "z", json_null());
    same(mem_close(&m), jansson(o),
         "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    1,\n    [],\n    {},\n    {\n      \"deep\": [\n"
         "        true,\n        false,\n        null,\n        -9223372036854775808,\n        2.5\n      ]\n"
         "    }\n  ],\n  \"z\": null\n}");
}

/* unbalanced calls are reported at close, not written as if fine */
static void unbalanced(void **state)
{
    (void)state;
    char path[] = "/tmp/sendpack-jw-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    sp_jw w;
    assert_true(sp_jw_open(&w, path));
    sp_jw_begin_object(&w);
    sp_jw_end_array(&w);
    assert_false(sp_jw_close(&w));
    assert_true(sp_jw_open(&w, path));
    sp_jw_begin_array(&w);
    sp_jw_integer(&w, 3);
    sp_jw_end_array(&w);
    assert_true(sp_jw_close(&w));
    FILE *f = fopen(path, "r");
    char text[32] = "";
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    assert_string_equal(text, "[\n  3\n]");
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reals),          cmocka_unit_test(strings),    cmocka_unit_test(refused_values),
        cmocka_unit_test(nesting_and_empty), cmocka_unit_test(unbalanced),
    };
    return cmocka_run_group_tests_name("json_writer", tests, NULL, NULL);
}
