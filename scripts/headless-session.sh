#!/usr/bin/env bash
# Runs a command inside a private desktop session, the way the GUI, tray, keychain and notification
# tests need it (see ../shared/headless-testing.md): Xvfb, a private D-Bus session bus, an unlocked
# gnome-keyring, the dunst notification daemon and a StatusNotifier tray, with XDG folders of its own.
#   scripts/headless-session.sh COMMAND [ARGS...]
set -euo pipefail

if [ "${TRAILGUARD_IN_SESSION:-}" != 1 ]; then
    export TRAILGUARD_IN_SESSION=1
    exec xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
        dbus-run-session -- bash "$0" "$@" </dev/null
fi

session=$(mktemp -d /tmp/trailguard-session.XXXXXX)
mkdir -p "$session"/{runtime,data,config,cache}
chmod 700 "$session/runtime"
export XDG_RUNTIME_DIR="$session/runtime" XDG_DATA_HOME="$session/data"
export XDG_CONFIG_HOME="$session/config" XDG_CACHE_HOME="$session/cache"
export QT_QPA_PLATFORM=xcb TRAILGUARD_GUI_SESSION=1

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$session"
}
trap cleanup EXIT

has_owner() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q "boolean true"
}
wait_for() { # wait_for DESCRIPTION COMMAND...
    local what=$1
    shift
    for _ in $(seq 1 100); do
        "$@" && return 0
        sleep 0.1
    done
    echo "headless-session: $what did not start" >&2
    return 1
}

# The keyring must own org.freedesktop.secrets, unlocked, before anything asks for it.
printf 'trailguard-test\n' | gnome-keyring-daemon --foreground --unlock --components=secrets >"$session/keyring.log" 2>&1 &
pids+=($!)
wait_for "gnome-keyring" has_owner org.freedesktop.secrets

# dunst performs a notification's actions through its context menu (`dunstctl context`), which asks a
# dmenu-like command. This one picks the line of the action named in $XDG_RUNTIME_DIR/dunst-menu-choice (a
# test writes it), else nothing, so no action runs. Everything else is the system's dunstrc.
cat >"$session/dunst-menu" <<'MENU'
#!/bin/sh
choice=$(cat "$XDG_RUNTIME_DIR/dunst-menu-choice" 2>/dev/null) || choice=
awk -v wanted="#$choice" 'wanted != "#" && index($0, wanted) == 1 && !done { print; done = 1 }'
MENU
chmod +x "$session/dunst-menu"
if [ -r /etc/xdg/dunst/dunstrc ]; then
    sed "s|^\( *dmenu *=\).*|\1 $session/dunst-menu|" /etc/xdg/dunst/dunstrc >"$session/dunstrc"
else
    printf '[global]\n    dmenu = %s\n' "$session/dunst-menu" >"$session/dunstrc"
fi
dunst -config "$session/dunstrc" >"$session/dunst.log" 2>&1 &
pids+=($!)
wait_for "dunst" has_owner org.freedesktop.Notifications

gtk-sni-tray-standalone --top --watcher >"$session/tray.log" 2>&1 &
pids+=($!)
wait_for "the StatusNotifier watcher" has_owner org.kde.StatusNotifierWatcher
host_registered() {
    dbus-send --session --print-reply --dest=org.kde.StatusNotifierWatcher /StatusNotifierWatcher \
        org.freedesktop.DBus.Properties.Get string:org.kde.StatusNotifierWatcher \
        string:IsStatusNotifierHostRegistered 2>/dev/null | grep -q "boolean true"
}
wait_for "the StatusNotifier host" host_registered

status=0
"$@" || status=$?
exit $status
