#!/usr/bin/env bash
# The run command: installs the Debian packages, builds Trailguard (release) and starts it.
# Arguments are passed on to trailguard, e.g. scripts/run-app.sh --data-dir /tmp/tg
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DTRAILGUARD_BENCHMARKS=OFF
cmake --build build/release
# With no Questrade account connected yet, the window opens the demo market so a newcomer sees it work.
exec build/release/trailguard --demo-if-not-connected "$@"
