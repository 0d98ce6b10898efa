/* How hard the PDF and the workbook are compressed.
 *
 * libharu 2.3.0 (page and font streams) and libxlsxwriter 1.1.4 (through minizip, every part
 * of the .xlsx zip) compress with zlib's default level 6 and offer no setting. At level 6
 * deflate was a third of the national benchmark's CPU; at level 1 (Z_BEST_SPEED) it is about
 * a third of that, for files about a fifth larger (docs/performance.md). Both libraries
 * start every stream with deflateInit_ or deflateInit2_, so the executable defines those two
 * and passes the call to zlib's own deflateInit2_ with the level replaced. The executable
 * exports them (CMakeLists.txt: --export-dynamic-symbol), so the dynamic linker binds the
 * libraries' calls here first. The output stays a standard zlib stream that any reader
 * inflates, and level 1 is as deterministic as level 6: same input, same bytes.
 *
 * Part of the executable only (src/interpose/): the unit tests link the pipeline without it
 * and compress at zlib's default. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

#define SENDPACK_DEFLATE_LEVEL Z_BEST_SPEED

typedef int (*deflate_init2_fn)(z_streamp, int, int, int, int, int, const char *, int);

static deflate_init2_fn zlib_deflate_init2(void)
{
    static deflate_init2_fn real;
    if (!real) {
        real = (deflate_init2_fn)(void (*)(void))dlsym(RTLD_NEXT, "deflateInit2_");
        if (!real) { /* zlib is linked in through both libraries: this cannot happen */
            fputs("sendpack: zlib's deflateInit2_ not found\n", stderr);
            abort();
        }
    }
    return real;
}

int deflateInit2_(z_streamp strm, int level, int method, int window_bits, int mem_level, int strategy,
                  const char *version, int stream_size)
{
    (void)level;
    return zlib_deflate_init2()(strm, SENDPACK_DEFLATE_LEVEL, method, window_bits, mem_level, strategy, version,
                                stream_size);
}

/* deflateInit(strm, level) is deflateInit2 with zlib's defaults (zlib.h, deflate.c) */
int deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
    (void)level;
    return zlib_deflate_init2()(strm, SENDPACK_DEFLATE_LEVEL, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version,
                                stream_size);
}
