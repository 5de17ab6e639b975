#!/usr/bin/env bash
# Fails when a C++ file of ours differs from what .clang-format asks for. Fix with:
#   git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app ui tests benchmarks -name '*.cpp' -o -name '*.h')
clang-format --dry-run --Werror "${files[@]}"
echo "check-format: ${#files[@]} files conform to .clang-format"
