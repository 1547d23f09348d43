#!/bin/sh
# Install the kiosk from the packages beside this script, with no network: they are a local apt
# repository holding the kiosk and every package a fresh system of one distribution (amd64)
# lacks for it. TARGET beside this script names that distribution (build/offline.py writes it);
# any other system is refused in one line before anything is touched.
# apt installs only what this machine does not have; nothing is left half installed: apt
# resolves everything first and a refusal changes nothing. Run again, it reinstalls the kiosk's
# package (its scripts keep the curators' content and the PIN) and adds nothing else. Over the
# old package ai-city-kiosk it replaces it and keeps its content and PIN the same way.
set -eu
say() { echo "exhibition-kiosk installer: $*" >&2; }
here=$(cd "$(dirname "$0")" && pwd)

TARGET_ID=none TARGET_VERSION_ID=none TARGET_NAME="(no TARGET file beside install.sh)"
if [ -r "$here/TARGET" ]; then
    # shellcheck disable=SC1091
    . "$here/TARGET"
fi
arch=$(dpkg --print-architecture 2>/dev/null || echo unknown)
id=unknown version=unknown pretty="an unknown system"
os_release=${KIOSK_OS_RELEASE:-/etc/os-release}  # another file only in this repo's tests
if [ -r "$os_release" ]; then
    # shellcheck disable=SC1090
    . "$os_release"
    id=${ID:-unknown} version=${VERSION_ID:-unknown} pretty=${PRETTY_NAME:-$id $version}
fi
if [ "$id" != "$TARGET_ID" ] || [ "$version" != "$TARGET_VERSION_ID" ] || [ "$arch" != amd64 ]; then
    say "this file is for $TARGET_NAME on amd64 (x86-64); this machine is $pretty on $arch. Nothing was installed."
    exit 1
fi
if [ "$(id -u)" != 0 ]; then
    say "run it as root (sudo)"
    exit 1
fi

state=$(mktemp -d /tmp/exhibition-kiosk-apt.XXXXXX)
trap 'rm -rf "$state"' EXIT INT TERM
mkdir -p "$state/lists/partial"
echo "deb [trusted=yes] file:$here/packages ./" > "$state/sources.list"
# apt sees only this repository (its lists in a scratch folder: the system's stay as they were)
set -- -o Dir::Etc::SourceList="$state/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$state/lists" -o APT::Get::List-Cleanup=false \
    -o Acquire::Languages=none -o Debug::NoLocking=false
export DEBIAN_FRONTEND=noninteractive
apt-get -qq "$@" update
say "installing the kiosk and what this machine lacks for it (no network needed)"
# The kiosk under its old name: the package's Conflicts/Replaces make apt remove it, and its
# postinst carries its content, PIN and logs over.
if [ "$(dpkg-query -W -f '${Status}' ai-city-kiosk 2>/dev/null)" = "install ok installed" ]; then
    say "it replaces ai-city-kiosk (the same kiosk under its old name): its content, PIN and logs are kept"
fi
apt-get -y -q "$@" --no-install-recommends install --reinstall exhibition-kiosk
systemctl_state=""
if [ -d /run/systemd/system ]; then
    systemctl_state=$(systemctl is-active exhibition-kiosk.service 2>/dev/null || true)
fi
say "installed: $(dpkg-query -W -f '${Package} ${Version}' exhibition-kiosk)${systemctl_state:+; the service is $systemctl_state}"
say "next: sudo exhibition-kiosk --set-pin (the admin PIN), then reboot; the kiosk starts on its own"
