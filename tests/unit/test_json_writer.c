/* The streaming JSON writer (render/json_writer.c) against jansson 2.14's
 * json_dumps(JSON_INDENT(2) | JSON_REAL_PRECISION(15)), which wrote the JSON pack before it:
 * the same bytes for escaping, reals, nesting and empty containers, and the same members
 * left out where jansson refuses a value. */
#include "testutil.h"

#include <float.h>
#include <jansson.h>
#include <limits.h>
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
    assert_true(sp_jw_flush(&m->w));
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
                 {-1e-300, "-1e-300"}, {1.0 / 3, "0.333333333333333"}, {0.0, "0.0"}, {1e-4, "0.0001"},
                 {-0.000123, "-0.000123"}, {999999999999999.0, "999999999999999.0"}, {0.1 + 0.2, "0.3"},
                 {9.999999999999999e14, "1e15"}, {0.000099999, "9.9999e-5"}, {123.456, "123.456"},
                 {-2.5, "-2.5"}, {0.000123456789012345, "0.000123456789012345"}, {1e14 + 0.5, "100000000000000.0"},
                 {123456789012.345, "123456789012.345"}, {4.35, "4.35"}};
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

/* splitmix64: the same values on every run */
static uint64_t rng_state = 0x5eedf00dcafe1234ull;
static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static uint64_t below(uint64_t n) { return rnd() % n; }
static double p10(int e) { return pow(10.0, e); }

typedef struct {
    size_t values, fast;
} real_tally;

/* v and its two neighbours, both signs: the fast path, when it takes one, gives the
 * snprintf path's bytes, and sp_jw_format_real gives them always */
static void check_real(real_tally *t, double v)
{
    double around[] = {v, nextafter(v, INFINITY), nextafter(v, -INFINITY)};
    for (size_t i = 0; i < 3; i++) {
        for (int sign = 0; sign < 2; sign++) {
            double x = sign ? -around[i] : around[i];
            char slow[100], fast[100], both[100];
            int ns = sp_jw_format_real_printf(slow, sizeof slow, x);
            int nf = sp_jw_format_real_fast(fast, sizeof fast, x);
            int nb = sp_jw_format_real(both, sizeof both, x);
            t->values++;
            if (nf >= 0) {
                t->fast++;
                if (nf != ns || strcmp(fast, slow) != 0)
                    fail_msg("%.17g: fast path \"%s\", snprintf path \"%s\"", x, fast, slow);
            }
            if (nb != ns || (ns >= 0 && strcmp(both, slow) != 0))
                fail_msg("%.17g: sp_jw_format_real \"%s\", snprintf path \"%s\"", x, both, slow);
        }
    }
}

static void fast_reals_match_printf(void **state)
{
    (void)state;
    real_tally t = {0, 0};
    static const double special[] = {0.0, 1e-4, 0.000099999, 0.0001000000000001, 1e15, 1e15 - 1, 1e15 - 0.5,
                                     9.999999999999999e14, 999999999999999.4, 999999999999999.5, 1e14 + 0.5,
                                     0.1 + 0.2, 0.1, 0.2, 0.3, 0.7, 1.1, 2.675, 1.005, 0.015, 412 * 0.95,
                                     99.99999999999999, 66.66666666666667, 1.0 / 3, 2.0 / 3, 1e-5, 1e16,
                                     123456789012345.0, 12345678901234.5, 1234567890123.45, 0.123456789012345,
                                     0.000123456789012345, 0.00012345678901234, 4503599627370495.5, 0x1p52, 0x1p53,
                                     DBL_MIN, DBL_MAX, DBL_TRUE_MIN, 5e-324, 2.2250738585072009e-308, 1e-300,
                                     1e300, 1e22, 1e23, 0.5, 0.25, 0.125, 0.0625, 1.0 / 1024, 1.0 / 65536};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        check_real(&t, special[i]);
    for (int i = 0; i < 20000; i++) {
        /* integers of 1 to 17 digits */
        check_real(&t, (double)below((uint64_t)p10(1 + (int)below(17))));
        /* decimals of 1 to 6 places, as parsed (the nearest double) and as computed */
        int places = 1 + (int)below(6);
        uint64_t n = below((uint64_t)p10(1 + (int)below(15)));
        check_real(&t, (double)n / p10(places));
        check_real(&t, (double)n * (1.0 / p10(places)));
        check_real(&t, (double)n * 0.1 * (places > 1 ? 0.1 : 1.0));
        /* sums and products of short decimals: 0.1 + 0.2 and the like */
        double a = (double)below(100000) / 100, b = (double)below(10000) / 1000;
        check_real(&t, a + b);
        check_real(&t, a * b);
        check_real(&t, a * 0.95);
        check_real(&t, b / 7);
        /* 15, 16 and 17 significant digits at every scale the fast path tries */
        int k = (int)below(20);
        check_real(&t, (double)(100000000000000ull + below(900000000000000ull)) / p10(k));
        check_real(&t, (double)(1000000000000000ull + below(9000000000000000ull)) / p10(k));
        check_real(&t, (double)(10000000000000000ull + below(90000000000000000ull)) / p10(k));
        /* around the edges: 1e-4 and 1e15 */
        check_real(&t, 1e-4 + (double)below(1000) * 1e-19);
        check_real(&t, 1e-4 - (double)below(1000) * 1e-19);
        check_real(&t, 1e15 - (double)below(1000) / 8);
        check_real(&t, 1e15 - (double)below(1000) / 16 + (double)below(2));
        /* huge, tiny and denormal */
        double m = 1.0 + (double)below(1000000) / 1e6;
        check_real(&t, m * p10(15 + (int)below(293)));
        check_real(&t, m * p10(-4 - (int)below(300)));
        uint64_t bits = below(1ull << 52) + 1; /* exponent field 0: a denormal */
        double den;
        memcpy(&den, &bits, sizeof den);
        check_real(&t, den);
        /* any bit pattern (NaN and infinities included: both paths must agree on them too) */
        bits = rnd();
        double any;
        memcpy(&any, &bits, sizeof any);
        check_real(&t, any);
    }
    /* the fast path is taken for most of the short decimals, and not vacuously */
    print_message("%zu values, %zu on the fast path\n", t.values, t.fast);
    assert_true(t.values > 1000000);
    assert_true(t.fast > t.values / 10);
    char buf[100];
    static const double taken[] = {0.0, -0.0, 391.4, 1e-4, 0.1, -2.5, 999999999999999.0, 0.000123456789012345};
    for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++)
        assert_true(sp_jw_format_real_fast(buf, sizeof buf, taken[i]) >= 0);
    static const double not_taken[] = {1e15, 0.1 + 0.2, 1e-5, 0.000099999, 1.0 / 3, 9.999999999999999e14,
                                       5e-324, NAN, INFINITY};
    for (size_t i = 0; i < sizeof not_taken / sizeof not_taken[0]; i++)
        assert_int_equal(sp_jw_format_real_fast(buf, sizeof buf, not_taken[i]), -1);
    assert_int_equal(sp_jw_format_real_fast(buf, 31, 1.5), -1); /* too small a buffer: no fast path */
}

/* integers as printf's %lld */
static void integers(void **state)
{
    (void)state;
    mem m;
    for (int i = 0; i < 2000; i++) {
        long long v;
        switch (i) {
        case 0: v = 0; break;
        case 1: v = LLONG_MIN; break;
        case 2: v = LLONG_MAX; break;
        case 3: v = -1; break;
        default: v = (long long)(rnd() >> below(64)) * (below(2) ? -1 : 1);
        }
        mem_open(&m);
        sp_jw_begin_array(&m.w);
        sp_jw_integer(&m.w, v);
        sp_jw_end_array(&m.w);
        char expected[64];
        snprintf(expected, sizeof expected, "[\n  %lld\n]", v);
        char *text = mem_close(&m);
        assert_string_equal(text, expected);
        free(text);
    }
}

/* more text than the writer's buffer, in many small pieces and in single strings longer
 * than the buffer: the same bytes as jansson */
static void past_the_buffer(void **state)
{
    (void)state;
    size_t big = 3 * SP_JW_SPARE + 17;
    char *s = malloc(big + 1);
    assert_non_null(s);
    for (size_t i = 0; i < big; i++)
        s[i] = (char)(i % 97 == 0 ? '\n' : 'a' + i % 26);
    s[big] = 0;
    mem m;
    mem_open(&m);
    sp_jw_begin_array(&m.w);
    json_t *a = json_array();
    for (int i = 0; i < 5000; i++) {
        sp_jw_begin_object(&m.w);
        json_t *o = json_object();
        sp_jw_kinteger(&m.w, "i", i);
        json_object_set_new(o, "i", json_integer(i));
        sp_jw_kreal(&m.w, "x", i / 8.0);
        json_object_set_new(o, "x", json_real(i / 8.0));
        if (i % 1000 == 0) {
            sp_jw_kstring(&m.w, "long", s);
            json_object_set_new(o, "long", json_string(s));
        }
        sp_jw_end_object(&m.w);
        json_array_append_new(a, o);
    }
    sp_jw_end_array(&m.w);
    same(mem_close(&m), jansson(a), NULL);
    free(s);
}

/* a write that fails is reported by sp_jw_close, whether it fails while the writer's
 * buffer is handed over (more than a buffer of text) or at the end */
static void write_errors(void **state)
{
    (void)state;
    if (access("/dev/full", W_OK) != 0)
        skip();
    for (int size = 0; size < 2; size++) {
        sp_jw w;
        assert_true(sp_jw_open(&w, "/dev/full"));
        sp_jw_begin_array(&w);
        for (int i = 0; i < (size ? 300000 : 3); i++)
            sp_jw_string(&w, "some text to fill the buffer");
        sp_jw_end_array(&w);
        assert_false(sp_jw_close(&w));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reals),          cmocka_unit_test(strings),    cmocka_unit_test(refused_values),
        cmocka_unit_test(nesting_and_empty), cmocka_unit_test(unbalanced),
        cmocka_unit_test(fast_reals_match_printf), cmocka_unit_test(integers),
        cmocka_unit_test(past_the_buffer), cmocka_unit_test(write_errors),
    };
    return cmocka_run_group_tests_name("json_writer", tests, NULL, NULL);
}
