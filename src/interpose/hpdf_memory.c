/* libharu's byte loops, as the C library's memset and memmove.
 *
 * libharu 2.3.0 clears and copies memory with its own HPDF_MemSet and HPDF_MemCpy, one byte
 * per iteration, and clears a 512-byte buffer before writing every path operator: 7% of a
 * national plan's instructions were those two loops (callgrind). They are exported and called
 * through libharu's PLT, so the executable defines them (exported, see CMakeLists.txt) with
 * the same results: the buffer set or copied, and a pointer just past its end. memmove, not
 * memcpy: the byte loop is defined for any two buffers, so this must be too. The PDFs are the
 * same bytes (README, "Speed and memory"). */
#include <string.h>

#include <hpdf.h>
#include <hpdf_utils.h>

void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
    if (n)
        memset(s, c, n);
    return (HPDF_BYTE *)s + n;
}

HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
    if (n)
        memmove(out, in, n);
    return out + n;
}
