/* The PDF engine's text measure: pd_text_units keeps each character's width instead of asking
 * libharu for every string, and must still give exactly what HPDF_Font_TextWidth gives (line
 * breaks and column widths, and so every PDF byte, depend on it) and leave libharu's embedded
 * font subset as measuring through libharu would. Measured with the Liberation Sans the tool
 * embeds (pd_open loads it). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/pdf/pdf_doc.h"

static unsigned libharu(HPDF_Font f, const char *s, size_t len)
{
    return HPDF_Font_TextWidth(f, (const HPDF_BYTE *)s, (HPDF_UINT)len).width;
}

/* Both fonts, the whole text and every slice of it (the engine measures words and prefixes,
 * and a slice may cut a UTF-8 sequence): the cached sum and libharu's agree. */
static void agree(pd_doc *d, const char *s, size_t len)
{
    HPDF_Font fonts[] = {d->regular, d->bold};
    for (size_t k = 0; k < 2; k++)
        for (size_t a = 0; a <= len; a++)
            for (size_t b = a; b <= len; b++) {
                unsigned want = libharu(fonts[k], s + a, b - a), got = pd_text_units(d, fonts[k], s + a, b - a);
                if (got != want) {
                    char hex[200] = "";
                    for (size_t i = a; i < b && i - a < 40; i++)
                        snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%02X ", (unsigned char)s[i]);
                    fail_msg("%s font, bytes [%s]: %u units, libharu says %u", k ? "bold" : "regular", hex, got,
                             want);
                }
            }
}

static const char *const SAMPLES[] = {
    "Education, Health and Care plans issued within 20 weeks",
    "  two  spaces,\ttab\rreturn and a trailing space ",
    "Café, naïve, Ærø, façade, São Paulo, Zürich, œuvre, ß",
    "“Curly” quotes, ‘single’ ones, it’s – an en dash — an em dash … ellipsis",
    "€20 • £5 · ½ × ÷ ± ° № ™ © ®",
    "non\u00A0breaking space, soft\u00ADhyphen, zero\u200Bwidth",
    "Ελληνικά Кириллица עברית العربية",
    "Emoji 😀 and 🎉 above U+FFFF, 𝄞 music",
    "CJK 中文 日本語 한국어 and ﬁ ligature, ￼ U+FFFC, � U+FFFD",
    "co-production 0-25 12-month well-being",
    "\x80 stray continuation \xBF and \xF8\xFF bytes",
    "cut \xC3",
    "cut \xE2\x80",
    "cut \xF0\x9F\x98",
    "\xC3" "A lead byte before ASCII",
    "\xE2" "AB lead byte before two ASCII",
    "\xF0\x0F\x80\x80 unmasked second byte",
    "\xF0\x41\x42\x43 four-byte lead before ASCII",
    "\xC0\x80 overlong NUL, \xC1\xBF overlong, \xE0\x80\x80 overlong",
    "\xED\xA0\x80 a surrogate, \xEF\xBF\xBF U+FFFF, \xF4\x8F\xBF\xBF U+10FFFF",
    "\x01\x02\x1F control characters \x7F",
    "",
};

static void matches_libharu_on_samples(void **state)
{
    (void)state;
    pd_doc d;
    assert_true(pd_open(&d, "test", "test", 1.0f));
    /* twice: first as characters are met, then from the kept widths */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < sizeof SAMPLES / sizeof SAMPLES[0]; i++)
            agree(&d, SAMPLES[i], strlen(SAMPLES[i]));
    assert_false(d.failed);
    pd_close(&d);
}

/* Every code point U+0001-U+10FFFF (surrogates too, as bytes), alone and between letters. */
static void matches_libharu_on_every_code_point(void **state)
{
    (void)state;
    pd_doc d;
    assert_true(pd_open(&d, "test", "test", 1.0f));
    HPDF_Font fonts[] = {d.regular, d.bold};
    for (unsigned cp = 1; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 0x3F1) {
        char s[8];
        size_t n;
        if (cp < 0x80)
            s[1] = (char)cp, n = 1;
        else if (cp < 0x800)
            s[1] = (char)(0xC0 | cp >> 6), s[2] = (char)(0x80 | (cp & 0x3F)), n = 2;
        else if (cp < 0x10000)
            s[1] = (char)(0xE0 | cp >> 12), s[2] = (char)(0x80 | (cp >> 6 & 0x3F)), s[3] = (char)(0x80 | (cp & 0x3F)),
            n = 3;
        else
            s[1] = (char)(0xF0 | cp >> 18), s[2] = (char)(0x80 | (cp >> 12 & 0x3F)),
            s[3] = (char)(0x80 | (cp >> 6 & 0x3F)), s[4] = (char)(0x80 | (cp & 0x3F)), n = 4;
        s[0] = 'W';
        s[n + 1] = 'i';
        for (size_t k = 0; k < 2; k++) {
            assert_int_equal(pd_text_units(&d, fonts[k], s + 1, n), libharu(fonts[k], s + 1, n));
            assert_int_equal(pd_text_units(&d, fonts[k], s, n + 2), libharu(fonts[k], s, n + 2));
        }
    }
    assert_false(d.failed);
    pd_close(&d);
}

/* Random bytes, weighted towards UTF-8 leads, continuations and the odd bytes libharu reads
 * its own way; a fixed seed, so a failure repeats. */
static void matches_libharu_on_random_bytes(void **state)
{
    (void)state;
    static const unsigned char alphabet[] = {'a', 'W', ' ', '-', '\t', 0x01, 0x7F, 0x80, 0x9F, 0xA0, 0xBF,
                                             0xC0, 0xC3, 0xC5, 0xDF, 0xE0, 0xE2, 0xE4, 0xED, 0xEF, 0xF0,
                                             0xF4, 0xF7, 0xF8, 0xFF, 0x0F, 0x41, 0x3F};
    pd_doc d;
    assert_true(pd_open(&d, "test", "test", 1.0f));
    unsigned long long seed = 0x5eed;
    char s[24];
    for (int round = 0; round < 1500; round++) {
        size_t len = 0;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t want_len = (size_t)(seed >> 33) % sizeof s;
        while (len < want_len) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            unsigned r = (unsigned)(seed >> 33);
            s[len++] = (char)(r % 4 == 0 ? (unsigned char)(r >> 8) : alphabet[(r >> 8) % sizeof alphabet]);
        }
        agree(&d, s, len);
    }
    assert_false(d.failed);
    pd_close(&d);
}

/* Measuring marks a glyph for libharu's embedded subset. The characters measured here are
 * never drawn, so they are in the file only because they were measured: a document measured
 * through pd_text_units must come out byte for byte as one measured through libharu. */
static const char *const MEASURED_ONLY[] = {"Ωμέγα", "Zyxq!", "ĳ ŋ ħ", "😀", "中", "\xC3" "A", "jjj"};

static void save(int how, const char *path)
{
    pd_doc d;
    assert_true(pd_open(&d, "Measured plan", "31 January 2023", 1.0f));
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < sizeof MEASURED_ONLY / sizeof MEASURED_ONLY[0]; i++) {
            const char *s = MEASURED_ONLY[i];
            HPDF_Font f = i % 2 ? d.bold : d.regular;
            if (how == 1)
                pd_text_units(&d, f, s, strlen(s));
            else if (how == 2)
                libharu(f, s, strlen(s));
        }
    pd_paragraph(&d, "A paragraph, drawn: “quoted” – café.", d.regular, 10, 0);
    assert_true(pd_save(&d, path));
    pd_close(&d);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t cap = 0;
    *n = 0;
    for (;;) {
        if (*n == cap)
            buf = realloc(buf, cap = cap * 2 + 65536);
        size_t got = fread(buf + *n, 1, cap - *n, f);
        if (!got)
            break;
        *n += got;
    }
    fclose(f);
    return buf;
}

static void leaves_the_embedded_font_as_libharu_would(void **state)
{
    (void)state;
    char cached[64], direct[64], none[64];
    snprintf(cached, sizeof cached, "/tmp/sp_measure_%ld_cached.pdf", (long)getpid());
    snprintf(direct, sizeof direct, "/tmp/sp_measure_%ld_direct.pdf", (long)getpid());
    snprintf(none, sizeof none, "/tmp/sp_measure_%ld_none.pdf", (long)getpid());
    save(1, cached);
    save(2, direct);
    save(0, none);
    size_t n1, n2, n0;
    char *a = slurp(cached, &n1), *b = slurp(direct, &n2), *c = slurp(none, &n0);
    remove(cached);
    remove(direct);
    remove(none);
    /* the measuring shows in the file (else this test could not tell) ... */
    assert_true(n0 != n2 || memcmp(c, b, n0) != 0);
    /* ... and is the same either way */
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matches_libharu_on_samples),
        cmocka_unit_test(matches_libharu_on_every_code_point),
        cmocka_unit_test(matches_libharu_on_random_bytes),
        cmocka_unit_test(leaves_the_embedded_font_as_libharu_would),
    };
    return cmocka_run_group_tests_name("pdf_measure", tests, NULL, NULL);
}
