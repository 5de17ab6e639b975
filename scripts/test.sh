#!/usr/bin/env bash
# The test command: installs the Debian packages, builds, and runs every test and check.
#  1. formatting, layer, desktop file and translation checks;
#  2. the normal build (warnings are errors), the Debian package (built in Release with the benchmarks and
#     checked by scripts/check-package.sh), and all tests inside a headless desktop session
#     (Xvfb, private D-Bus, gnome-keyring, dunst, a StatusNotifier tray), two at a time (tests that
#     show windows take turns on the display: RESOURCE_LOCK in cmake/TrailguardTest.cmake);
#  3. the same tests built with AddressSanitizer + UndefinedBehaviorSanitizer;
#  4. every parser of outside input fuzzed with libFuzzer for 30 s (Clang, ASan+UBSan; scripts/fuzz.sh);
#  5. the benchmarks, optimised as shipped, which print figures (they never fail on time); bench_idle, which
#     mostly waits (60 s of an idle child's CPU, then 60 s more with Telegram's long poll and ntfy's ack
#     stream open: BENCH_IDLE_ACK=1), runs in the background during step 4.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# ccache (when installed) may reuse objects across clones of the tree.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
# Each step prints its elapsed time when the next begins; a table at the end shows where the time went.
step_names=() step_seconds=() step_name="" step_start=$SECONDS run_start=$SECONDS
end_step() {
    [ -n "$step_name" ] || return 0
    step_names+=("$step_name") step_seconds+=($((SECONDS - step_start)))
    printf -- '--> %s: %d s\n' "$step_name" "$((SECONDS - step_start))"
    step_name=""
}
step() {
    end_step
    step_name=$* step_start=$SECONDS
    printf '\n==> %s\n' "$*"
}
step_summary() {
    local status=$? i
    end_step
    printf '\nStep timings (%s):\n' "$([ $status -eq 0 ] && echo passed || echo "FAILED, exit $status")"
    for i in "${!step_names[@]}"; do
        printf '%6d s  %s\n' "${step_seconds[$i]}" "${step_names[$i]}"
    done
    printf '%6d s  total\n' "$((SECONDS - run_start))"
}
trap step_summary EXIT

step "Debian packages"
bash scripts/install-deps.sh

step "Formatting"
bash scripts/check-format.sh
step "Layers (no folder includes one above it)"
bash scripts/check-layers.sh
step "Desktop file"
desktop-file-validate packaging/*.desktop && echo "desktop-file-validate: ok"
step "Translations"
bash scripts/check-translations.sh

step "Build (warnings are errors)"
cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTRAILGUARD_WERROR=ON -DBUILD_TESTING=ON \
    -DTRAILGUARD_BENCHMARKS=OFF # built once, in Release, with the package
cmake --build build/test

step "Install (cmake --install into a scratch prefix)"
prefix=$(mktemp -d)
cmake --install build/test --prefix "$prefix" >/dev/null
for file in bin/trailguard share/applications/io.github.trailguard.Trailguard.desktop \
    share/icons/hicolor/scalable/apps/io.github.trailguard.Trailguard.svg; do
    [ -f "$prefix/$file" ] || { echo "missing after install: $file" >&2; exit 1; }
done
desktop-file-validate "$prefix/share/applications/io.github.trailguard.Trailguard.desktop"
rm -rf "$prefix"
echo "install: binary, desktop entry and icon in place"

step "Debian package (cpack -G DEB: contents, lintian, appstreamcli, desktop-file-validate) and benchmarks"
bash scripts/check-package.sh build/package -DTRAILGUARD_BENCHMARKS=ON

export TRAILGUARD_TEST_ARTIFACTS="$root/build/test-artifacts"
mkdir -p "$TRAILGUARD_TEST_ARTIFACTS"
step "Tests"
bash scripts/headless-session.sh ctest --test-dir build/test --parallel 2 --output-on-failure --timeout 300

step "Build with AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset sanitize # build/asan, see CMakePresets.json
cmake --build build/asan
step "Tests under ASan + UBSan"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
bash scripts/headless-session.sh ctest --test-dir build/asan --parallel 2 --output-on-failure --timeout 600
unset ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS

benchmark() { QT_QPA_PLATFORM=offscreen "$1" -iterations 100 2>&1 | grep -E "FIGURE|RESULT|per iteration" || true; }
step "Fuzzing (libFuzzer, 30 s per parser, ASan + UBSan; bench_idle in the background)"
BENCH_IDLE_ACK=1 benchmark build/package/benchmarks/bench_idle >build/package/bench_idle.txt &
idle_pid=$!
bash scripts/fuzz.sh 30

step "Benchmarks (figures only)"
for bench in build/package/benchmarks/bench_*; do
    if [ -x "$bench" ] && [ "$(basename "$bench")" != bench_idle ]; then benchmark "$bench"; fi
done
wait "$idle_pid" || true
cat build/package/bench_idle.txt

step "All tests passed"
