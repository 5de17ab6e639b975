#!/usr/bin/env bash
# Fails when a tr() string of ours has no finished French (Canada) translation, or when the committed
# .ts files are out of date with the sources. Update them with: cmake --build BUILD --target update_translations
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mapfile -t sources < <(find app ui -name '*.cpp' -o -name '*.h' -o -name '*.ui' | sort)
for ts in translations/trailguard_en.ts translations/trailguard_fr_CA.ts; do
    cp "$ts" "$scratch/"
    "$lupdate" -silent -no-obsolete -locations none -I app -I ui "${sources[@]}" -ts "$scratch/$(basename "$ts")"
    if ! cmp -s "$ts" "$scratch/$(basename "$ts")"; then
        echo "check-translations: $ts is out of date with the sources; run the update_translations target." >&2
        diff -u "$ts" "$scratch/$(basename "$ts")" | head -40 >&2
        exit 1
    fi
done
unfinished=$(grep -c 'type="unfinished"' translations/trailguard_fr_CA.ts || true)
if [ "$unfinished" -ne 0 ]; then
    echo "check-translations: $unfinished strings lack a French (Canada) translation:" >&2
    grep -B3 'type="unfinished"' translations/trailguard_fr_CA.ts | grep '<source>' | head -20 >&2
    exit 1
fi
total=$(grep -c '<source>' translations/trailguard_fr_CA.ts)
echo "check-translations: all $total strings translated to fr_CA"
