#!/usr/bin/env bash
# Installs every Debian 12 package Trailguard needs to build, run and test. Safe to run again.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ ccache pkg-config
    clang libclang-rt-14-dev  # libFuzzer for scripts/fuzz.sh
    qt6-base-dev qt6-charts-dev qt6-websockets-dev qt6-httpserver-dev qt6-svg-dev qt6-tools-dev
    qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6opengl6-dev libqt6svg6
    qt6-qpa-plugins qtkeychain-qt6-dev libcurl4-openssl-dev libsodium-dev libsqlite3-dev libssl-dev tzdata
    # tooling and headless test session
    clang-format desktop-file-utils appstream
    xvfb xauth dbus-x11 gnome-keyring libsecret-tools dunst haskell-gtk-sni-tray-utils xdotool
    python3-aiosmtpd fonts-dejavu-core
    # the web dashboard: Chart.js compiled into the page; its browser tests (chromium driven by selenium)
    libjs-chart.js chromium chromium-driver python3-selenium
    # the .deb package and its checks (scripts/check-package.sh)
    dpkg-dev fakeroot file lintian librsvg2-bin gzip
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
