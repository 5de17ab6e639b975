#!/usr/bin/env bash
# Fails when a C++ file of ours differs from what .clang-format asks for. Fix with:
#   git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app ui tests benchmarks -name '*.cpp' -o -name '*.h')
# In batches, one per core (clang-format itself uses one).
printf '%s\0' "${files[@]}" | xargs -0 -n 80 -P "$(nproc)" clang-format --dry-run --Werror
echo "check-format: ${#files[@]} files conform to .clang-format"
