#!/bin/bash
# README command 2: install what the tests need, build with AddressSanitizer and
# UndefinedBehaviorSanitizer, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh test
# the locale test needs a decimal-comma locale
locale -a 2>/dev/null | grep -qi '^de_DE.utf8$' || localedef -i de_DE -f UTF-8 de_DE.UTF-8
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DSENDPACK_SANITIZE=ON -DSENDPACK_TESTS=ON >/dev/null
cmake --build build-test -j"$(nproc)" >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
cd build-test
ctest --output-on-failure -j2
