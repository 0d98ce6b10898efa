/*
 * src/interpose/: the functions the executable defines in place of zlib's and libharu's give
 * the answers the libraries' own give (found with dlsym(RTLD_NEXT)), except for the one thing
 * each is there to change: the deflate level.
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
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_utils.h>

static void *library_own(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    assert_non_null(f);
    return f;
}

static void memset_and_memcpy_as_libharu(void **state)
{
    (void)state;
    void *(*own_set)(void *, HPDF_BYTE, HPDF_UINT) = (void *(*)(void *, HPDF_BYTE, HPDF_UINT))library_own("HPDF_MemSet");
    HPDF_BYTE *(*own_cpy)(HPDF_BYTE *, const HPDF_BYTE *, HPDF_UINT) =
        (HPDF_BYTE * (*)(HPDF_BYTE *, const HPDF_BYTE *, HPDF_UINT)) library_own("HPDF_MemCpy");
    assert_ptr_not_equal(own_set, HPDF_MemSet); /* the test calls ours, and libharu's through dlsym */
    HPDF_BYTE a[700], b[700], src[700];
    srand(14);
    for (HPDF_UINT n = 0; n <= 600; n += n < 20 ? 1 : 37) {
        for (size_t i = 0; i < sizeof src; i++)
            a[i] = b[i] = src[i] = (HPDF_BYTE)rand();
        HPDF_BYTE c = (HPDF_BYTE)rand();
        void *mine = HPDF_MemSet(a + 3, c, n), *theirs = own_set(b + 3, c, n);
        assert_int_equal((HPDF_BYTE *)mine - a, (HPDF_BYTE *)theirs - b);
        assert_memory_equal(a, b, sizeof a);
        HPDF_BYTE *m = HPDF_MemCpy(a + 5, src + 80, n), *t = own_cpy(b + 5, src + 80, n);
        assert_int_equal(m - a, t - b);
        assert_memory_equal(a, b, sizeof a);
    }
}

static void glyph_ids_as_libharu(void **state)
{
    (void)state;
    HPDF_UINT16 (*own)(HPDF_FontDef, HPDF_UINT16) =
        (HPDF_UINT16(*)(HPDF_FontDef, HPDF_UINT16))library_own("HPDF_TTFontDef_GetGlyphid");
    static const char *const fonts[] = {SENDPACK_FONT_DIR "/LiberationSans-Regular.ttf",
                                        SENDPACK_FONT_DIR "/LiberationSans-Bold.ttf"};
    /* two documents: the second is answered from what the first asked */
    for (int doc = 0; doc < 2; doc++) {
        HPDF_Doc pdf = HPDF_New(NULL, NULL);
        assert_non_null(pdf);
        HPDF_UseUTFEncodings(pdf);
        for (size_t f = 0; f < 2; f++) {
            const char *name = HPDF_LoadTTFontFromFile(pdf, fonts[f], HPDF_TRUE);
            assert_non_null(name);
            HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
            assert_non_null(def);
            size_t found = 0;
            for (unsigned u = 0; u <= 0xFFFF; u++) {
                HPDF_UINT16 theirs = own(def, (HPDF_UINT16)u);
                assert_int_equal(HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)u), theirs);
                found += theirs != 0;
            }
            assert_true(found > 2000); /* the font's glyphs were really looked up */
            assert_int_equal(HPDF_TTFontDef_GetGlyphid(def, 'A'), own(def, 'A'));
        }
        HPDF_Free(pdf);
    }
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
        cmocka_unit_test(memset_and_memcpy_as_libharu),
        cmocka_unit_test(glyph_ids_as_libharu),
        cmocka_unit_test(deflate_at_level_one),
    };
    return cmocka_run_group_tests_name("interpose", tests, NULL, NULL);
}
