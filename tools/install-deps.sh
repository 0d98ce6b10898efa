#!/bin/bash
# Installs the Debian 12 packages sendpack needs, only those that are missing.
#   tools/install-deps.sh          build and run
#   tools/install-deps.sh test     also what the tests use (poppler-utils, qpdf, openpyxl; dpkg-dev,
#                                  file, man-db, groff-base and lintian for the Debian package)
#   tools/install-deps.sh bench    also what the benchmark's Python peer uses
set -euo pipefail
packages=(build-essential cmake pkg-config
          libxlsxwriter-dev libcsv-dev libhpdf-dev libinih-dev libjansson-dev libutf8proc-dev zlib1g-dev
          fonts-liberation2)
if [ "${1:-}" = test ]; then
    packages+=(libcmocka-dev poppler-utils qpdf python3 python3-openpyxl locales)
    # the Debian package (tests/cli/package.sh, tests/cli/man_page.sh): cpack's dependency list
    # comes from dpkg-shlibdeps (dpkg-dev), which needs file; man and groff render the man page;
    # nm (binutils, with build-essential) lists the executable's symbols
    packages+=(dpkg-dev file man-db groff-base lintian)
    # the HTML pages in a real browser (tests/browser): Debian's chromium, the Nu Html Checker's
    # Java runtime, and node/npm for axe-core and puppeteer-core unless a node is there already
    packages+=(chromium)
    command -v java >/dev/null || packages+=(default-jre-headless)
    command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
fi
if [ "${1:-}" = bench ]; then
    packages+=(python3 python3-xlsxwriter python3-reportlab fonts-dejavu-core time linux-perf)
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
