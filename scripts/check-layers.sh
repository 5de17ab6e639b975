#!/usr/bin/env bash
# Fails when a folder of app/ includes a folder at its own level or above it (CONTRIBUTING.md, "Layers").
# Levels, lowest first; a folder may include its own headers and those of any lower level:
#   0 common
#   1 domain
#   2 storage secrets
#   3 broker settings watchlist
#   4 alerts history portfolio access
#   5 monitor replay
#   6 cli demo web
#   7 runners
# ui/ sits above all of them. The link check (TRAILGUARD_LAYER_CHECK) catches calls; this catches the
# includes, header-only types too.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A level=(
    [common]=0 [domain]=1 [storage]=2 [secrets]=2 [broker]=3 [settings]=3 [watchlist]=3
    [alerts]=4 [history]=4 [portfolio]=4 [access]=4 [monitor]=5 [replay]=5 [cli]=6 [demo]=6 [web]=6 [runners]=7
)
# The executable's own runners (built into `trailguard`, which links the widgets) may include ui/.
exe_files='^app/runners/(DesktopSession)\.(h|cpp)$'

failures=0
checked=0
for folder in "${!level[@]}"; do
    [ -d "app/$folder" ] || { echo "check-layers: app/$folder is in the table but not in the tree" >&2; exit 1; }
    while IFS=: read -r file line target; do
        checked=$((checked + 1))
        [ "$target" = "$folder" ] && continue
        if [ -z "${level[$target]+x}" ]; then
            [[ "$file" =~ $exe_files ]] && continue
            echo "$file:$line: includes $target/, which is not a core layer" >&2
            failures=$((failures + 1))
        elif [ "${level[$target]}" -ge "${level[$folder]}" ]; then
            echo "$file:$line: $folder (level ${level[$folder]}) includes $target/ (level ${level[$target]})" >&2
            failures=$((failures + 1))
        fi
    done < <(grep -rnoE '^#include "[A-Za-z]+/' "app/$folder" --include='*.h' --include='*.cpp' |
        sed -E 's,#include "([A-Za-z]+)/$,\1,')
done

# Every folder of app/ must have a level, so a new one is placed deliberately.
for dir in app/*/; do
    name=$(basename "$dir")
    [ -n "${level[$name]+x}" ] || { echo "check-layers: app/$name has no level in $0" >&2; failures=$((failures + 1)); }
done

if [ "$failures" -gt 0 ]; then
    echo "check-layers: $failures upward include(s); move the shared type down (usually to domain/)" >&2
    exit 1
fi
echo "check-layers: $checked includes checked, none points up"
