#!/bin/bash
# README command 1: install what is missing, build build/sendpack, and write the demo packs
# for the plan in input/ into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSENDPACK_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
# The demo plan's values are illustrative; its report date sits inside the plan's first year.
build/sendpack --check input/peterborough-app-2022
for template in scrutiny dfe-nhse local-offer; do
    build/sendpack --as-of 2022-12-31 --template "$template" --output output input/peterborough-app-2022
done
ls -l output
