#!/bin/sh
# Exhibition Kiosk, offline installer for @TARGET_NAME@ on amd64: sudo sh ./<this file>
# Everything it installs is inside this file (a tar after this script): no network is used.
# Options: --extract DIR only unpacks it (to see what it holds or to run install.sh by hand).
set -eu
say() { echo "exhibition-kiosk installer: $*" >&2; }
skip=$(awk '/^__PAYLOAD_BELOW__$/ { print NR + 1; exit }' "$0")
if [ "${1:-}" = --extract ]; then
    mkdir -p "${2:?--extract needs a folder}"
    tail -n +"$skip" "$0" | tar -x -C "$2"
    say "unpacked into $2/exhibition-kiosk-offline"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    say "run it as root: sudo sh $0"
    exit 1
fi
dir=$(mktemp -d /tmp/exhibition-kiosk-offline.XXXXXX)
trap 'rm -rf "$dir"' EXIT INT TERM
tail -n +"$skip" "$0" | tar -x -C "$dir"
sh "$dir/exhibition-kiosk-offline/install.sh" "$@"
exit $?
__PAYLOAD_BELOW__
