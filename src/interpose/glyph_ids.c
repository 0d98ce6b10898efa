/* Glyph ids remembered across PDFs.
 *
 * libharu 2.3.0 builds a UTF-8 font's CID-to-glyph map when the font is first used in a
 * document (HPDF_GetFont): one HPDF_TTFontDef_GetGlyphid call for each of the 65,536 BMP code
 * points, each a linear walk of the font's cmap segments. For two fonts that is 131,072 walks
 * a PDF, 15-18% of a national plan's PDF (callgrind), and the answer never changes: the same
 * two font files every time. A batch worker writes one PDF after another, so the executable
 * defines HPDF_TTFontDef_GetGlyphid (libharu calls it through its PLT; exported, see
 * CMakeLists.txt), asks libharu's own once per font and code point, and remembers the
 * answer for the life of the process. The function is pure: it reads the font's cmap and
 * nothing else (it sets an error only for a font with no cmap segments, which is not
 * remembered). The PDFs are byte for byte the same (tests/cli/batch.sh compares a worker's
 * packs with single runs').
 *
 * Fonts are told apart by their PostScript name (the font definition's base_font); sendpack
 * loads two, and a process never loads two different files of the same name. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_fontdef.h>

typedef HPDF_UINT16 (*glyph_id_fn)(HPDF_FontDef, HPDF_UINT16);

enum { KNOWN_FONTS = 4 };

static struct known_font {
    char name[HPDF_LIMIT_MAX_NAME_LEN + 1];
    uint32_t known[65536 / 32]; /* a bit per code point already asked */
    HPDF_UINT16 glyph[65536];
} *fonts[KNOWN_FONTS];

static glyph_id_fn libharu_glyph_id(void)
{
    static glyph_id_fn real;
    if (!real) {
        real = (glyph_id_fn)(void (*)(void))dlsym(RTLD_NEXT, "HPDF_TTFontDef_GetGlyphid");
        if (!real) { /* libharu is linked in: this cannot happen */
            fputs("sendpack: libharu's HPDF_TTFontDef_GetGlyphid not found\n", stderr);
            abort();
        }
    }
    return real;
}

static struct known_font *font_named(const char *name)
{
    for (int i = 0; i < KNOWN_FONTS; i++) {
        if (!fonts[i]) {
            fonts[i] = calloc(1, sizeof *fonts[i]);
            if (!fonts[i])
                return NULL;
            snprintf(fonts[i]->name, sizeof fonts[i]->name, "%s", name);
            return fonts[i];
        }
        if (strcmp(fonts[i]->name, name) == 0)
            return fonts[i];
    }
    return NULL; /* more fonts than sendpack loads: ask libharu every time */
}

HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode)
{
    struct known_font *f = fontdef && fontdef->base_font[0] ? font_named(fontdef->base_font) : NULL;
    if (!f)
        return libharu_glyph_id()(fontdef, unicode);
    uint32_t bit = UINT32_C(1) << (unicode % 32);
    if (!(f->known[unicode / 32] & bit)) {
        HPDF_UINT16 glyph = libharu_glyph_id()(fontdef, unicode);
        if (fontdef->error && HPDF_Error_GetCode(fontdef->error) != HPDF_OK)
            return glyph; /* a font with no cmap: libharu has set its error; remember nothing */
        f->glyph[unicode] = glyph;
        f->known[unicode / 32] |= bit;
    }
    return f->glyph[unicode];
}
