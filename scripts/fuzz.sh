#!/usr/bin/env bash
# Builds the libFuzzer targets (Clang, ASan+UBSan) and runs each for a bounded time on its seed corpus.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]        (default 30; CI uses the default, by hand try 600)
# The targets run one per core at a time (FUZZ_JOBS=<n> to change), each for its full time.
# Warnings are errors in the GCC builds; here (Clang) they are shown, not fatal.
# A crash, leak or hang (>10 s for one input) fails the run; the input is kept in build/fuzz/artifacts/
# and belongs in tests/fuzz/corpus/<target>/ plus a regression test once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-30}
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true

cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    -DBUILD_TESTING=OFF -DTRAILGUARD_BENCHMARKS=OFF -DTRAILGUARD_WERROR=OFF -DTRAILGUARD_FUZZ=ON \
    -DTRAILGUARD_LAYER_CHECK=OFF "-DTRAILGUARD_SANITIZE=address;undefined" >/dev/null
cmake --build build/fuzz --target fuzzers

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
mkdir -p build/fuzz/artifacts
# One fuzzer per core at a time (each still gets its full time on a core of its own); results are
# reported in a fixed order once all have finished.
jobs=${FUZZ_JOBS:-$(nproc)}
fuzz_one() {
    local name=$1 seeds=$2 work="build/fuzz/corpus/$1" log="build/fuzz/$1.log"
    mkdir -p "$work"
    if build/fuzz/tests/fuzz/fuzz_"$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name-" "$work" "$seeds" >"$log" 2>&1; then
        runs=$(grep -m1 '^stat::number_of_executed_units' "$log" | awk '{print $2}')
        echo "fuzz_$name: ${runs:-?} executions in ${seconds} s, no crash ($(ls "$work" | wc -l) inputs in corpus)" \
            >"build/fuzz/$name.result"
    else
        {
            echo "fuzz_$name: FAILED — see $log and build/fuzz/artifacts/"
            tail -n 40 "$log"
        } >"build/fuzz/$name.failed"
    fi
}
names=()
for seeds in tests/fuzz/corpus/*/; do
    name=$(basename "$seeds")
    names+=("$name")
    rm -f "build/fuzz/$name.result" "build/fuzz/$name.failed"
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    fuzz_one "$name" "$seeds" &
done
wait
status=0
for name in "${names[@]}"; do
    if [ -f "build/fuzz/$name.result" ]; then
        cat "build/fuzz/$name.result"
    else
        cat "build/fuzz/$name.failed" >&2 2>/dev/null || echo "fuzz_$name: FAILED (no result)" >&2
        status=1
    fi
done
exit $status
