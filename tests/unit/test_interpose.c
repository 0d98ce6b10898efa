/*
 * src/interpose/: the functions the executable defines in place of zlib's deflateInit_ and
 * deflateInit2_ give the streams zlib's own give (found with dlsym(RTLD_NEXT)) at level 1,
 * whatever level the caller asked for.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include <cmocka.h>

static void *library_own(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    assert_non_null(f);
    return f;
}

static size_t deflated(int (*init)(z_streamp), const unsigned char *in, size_t n, unsigned char *out, size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(init(&z), Z_OK);
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    return len;
}

static int (*zlib_init2)(z_streamp, int, int, int, int, int, const char *, int);
static int as_called(z_streamp z) { return deflateInit(z, Z_DEFAULT_COMPRESSION); } /* ours */
static int as_called2(z_streamp z) { return deflateInit2(z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY); }
static int zlib_level1(z_streamp z) { return zlib_init2(z, 1, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, (int)sizeof *z); }
static int zlib_level1_raw(z_streamp z) { return zlib_init2(z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, (int)sizeof *z); }
static int zlib_level6(z_streamp z) { return zlib_init2(z, 6, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, (int)sizeof *z); }

static void deflate_at_level_one(void **state)
{
    (void)state;
    zlib_init2 = (int (*)(z_streamp, int, int, int, int, int, const char *, int))library_own("deflateInit2_");
    size_t n = 200000;
    unsigned char *in = malloc(n), *a = malloc(n + 1000), *b = malloc(n + 1000);
    for (size_t i = 0; i < n; i++) /* XML-like text: repeats, as a sheet's cells do */
        in[i] = (unsigned char)("<c r=\"A1\" s=\"3\"><v>12.5</v></c>"[i % 31] + (i / 997) % 3);
    size_t mine = deflated(as_called, in, n, a, n + 1000), level1 = deflated(zlib_level1, in, n, b, n + 1000);
    assert_int_equal(mine, level1);
    assert_memory_equal(a, b, mine);
    assert_int_equal(a[1], 0x01); /* the zlib header says "fastest" */
    size_t level6 = deflated(zlib_level6, in, n, b, n + 1000);
    assert_false(level6 == mine && memcmp(a, b, mine) == 0);
    /* minizip's raw streams (deflateInit2 with the default level) too */
    mine = deflated(as_called2, in, n, a, n + 1000);
    level1 = deflated(zlib_level1_raw, in, n, b, n + 1000);
    assert_int_equal(mine, level1);
    assert_memory_equal(a, b, mine);
    free(in), free(a), free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(deflate_at_level_one),
    };
    return cmocka_run_group_tests_name("interpose", tests, NULL, NULL);
}
