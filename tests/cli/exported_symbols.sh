#!/bin/bash
# The executable defines no libharu function: libharu's own code runs as Debian ships it. The
# only library functions it defines in place of the libraries' own are zlib's deflateInit_ and
# deflateInit2_ (src/interpose/deflate_level.c), for the deflate level.
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v nm >/dev/null || fail "nm (binutils) is not installed"
defined=$(nm -D --defined-only "$SENDPACK") || fail "nm -D --defined-only $SENDPACK"
# the reading works: the two zlib functions are there, and libharu's are called, not defined
for f in deflateInit_ deflateInit2_; do
    grep -Eq " T $f\$" <<<"$defined" || fail "the executable does not define $f (the deflate level)"
done
nm -D --undefined-only "$SENDPACK" | grep -q ' HPDF_New$' || fail "HPDF_New is not among the executable's undefined symbols"
hpdf=$(grep -E ' HPDF_' <<<"$defined")
[ -z "$hpdf" ] || fail "the executable defines libharu functions:"$'\n'"$hpdf"
echo "exported symbols ok: $(grep -c ' T ' <<<"$defined") functions defined, none of libharu's"
