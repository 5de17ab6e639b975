#!/usr/bin/env bash
# Builds the Debian package in a Release build folder (build/package, or $1) with CPack and checks it:
#  - the files it must install are there (binary, desktop entry, icons, metainfo, translations, man page,
#    systemd user unit, copyright and changelog) and the PNG icons have the size their folder says;
#  - the control fields (Depends computed by dpkg-shlibdeps, Maintainer);
#  - lintian reports no error; appstreamcli and desktop-file-validate accept the installed files;
#  - the installed binary runs (--version) from the unpacked tree.
# Arguments after the build folder go to CMake (scripts/test.sh adds -DTRAILGUARD_BENCHMARKS=ON: the
# benchmarks are built in this Release tree, which installs none of them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-build/package}
shift $(($# > 0 ? 1 : 0))
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
app_id=io.github.trailguard.Trailguard

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DTRAILGUARD_BENCHMARKS=OFF \
    -DTRAILGUARD_LAYER_CHECK=OFF -DTRAILGUARD_WERROR=ON "$@" >/dev/null
cmake --build "$build"
rm -f "$build"/trailguard_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/trailguard_*.deb)
echo "package: $deb ($(du -h "$deb" | cut -f1))"

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
contents=$(dpkg-deb -c "$deb")

fail() {
    echo "check-package: $*" >&2
    exit 1
}

required=(
    usr/bin/trailguard
    usr/share/applications/$app_id.desktop
    usr/share/icons/hicolor/scalable/apps/$app_id.svg
    usr/share/metainfo/$app_id.metainfo.xml
    usr/share/man/man1/trailguard.1.gz
    usr/lib/systemd/user/trailguard-headless.service
    usr/share/trailguard/translations/trailguard_en.qm
    usr/share/trailguard/translations/trailguard_fr_CA.qm
    usr/share/doc/trailguard/copyright
    usr/share/doc/trailguard/changelog.Debian.gz
)
for size in 16 22 24 32 48 64 128 256 512; do
    required+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for file in "${required[@]}"; do
    [ -f "$unpacked/$file" ] || fail "missing from the package: /$file"
done
echo "contents: all ${#required[@]} required files present"

# Each PNG is as large as its folder says (lintian checks the same).
for png in "$unpacked"/usr/share/icons/hicolor/*x*/apps/*.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    file "$png" | grep -q "${size/x/ x }," || fail "$png is not $size: $(file -b "$png")"
done
echo "icons: every PNG matches its folder's size"

file -b "$unpacked/usr/bin/trailguard" | grep -q "stripped" && ! file -b "$unpacked/usr/bin/trailguard" |
    grep -q "not stripped" || fail "the binary is not stripped"
gzip -t "$unpacked/usr/share/man/man1/trailguard.1.gz"
man --warnings -l "$unpacked/usr/share/man/man1/trailguard.1.gz" 2>&1 >/dev/null | grep . &&
    fail "the man page has formatting warnings"
# The man page names every global option the binary's --help lists.
help=$("$build/trailguard" --help)
man_text=$(MANWIDTH=200 man -l "$unpacked/usr/share/man/man1/trailguard.1.gz" 2>/dev/null | col -b)
for option in $(grep -oE '^  (-[a-z], )?--[a-z-]+' <<<"$help" | grep -oE -- '--[a-z-]+'); do
    grep -q -- "$option" <<<"$man_text" || fail "the man page does not document $option"
done
echo "man page: valid, documents every option of --help"

dpkg-deb -f "$deb" Package Version Architecture Maintainer Depends
depends=$(dpkg-deb -f "$deb" Depends)
for library in libc6 libqt6core6 libqt6widgets6 libqt6sql6-sqlite; do
    grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done

echo "--> lintian"
lintian_output=$(lintian --no-tag-display-limit "$deb" || true)
[ -z "$lintian_output" ] || printf '%s\n' "$lintian_output"
if grep -q '^E:' <<<"$lintian_output"; then
    fail "lintian reports errors"
fi
echo "lintian: no errors ($(grep -c '^W:' <<<"$lintian_output" || true) warnings)"

echo "--> appstreamcli validate --no-net"
appstreamcli validate --no-net "$unpacked/usr/share/metainfo/$app_id.metainfo.xml"
echo "--> desktop-file-validate"
desktop-file-validate "$unpacked/usr/share/applications/$app_id.desktop" && echo "desktop-file-validate: ok"

echo "--> the packaged binary runs"
"$unpacked/usr/bin/trailguard" --version
echo "check-package: ok"
