#!/bin/sh
# Install the kiosk from the packages beside this script, with no network: they are a local apt
# repository holding the kiosk and every package a fresh Debian 12 (amd64) lacks for it.
# apt installs only what this machine does not have; nothing is left half installed: apt
# resolves everything first and a refusal changes nothing.
set -eu
say() { echo "ai-city-kiosk installer: $*" >&2; }
here=$(cd "$(dirname "$0")" && pwd)

arch=$(dpkg --print-architecture 2>/dev/null || echo unknown)
id=unknown version=unknown pretty="an unknown system"
os_release=${AI_CITY_KIOSK_OS_RELEASE:-/etc/os-release}  # another file only in this repo's tests
if [ -r "$os_release" ]; then
    # shellcheck disable=SC1090
    . "$os_release"
    id=${ID:-unknown} version=${VERSION_ID:-unknown} pretty=${PRETTY_NAME:-$id $version}
fi
if [ "$id" != debian ] || [ "${version%%.*}" != 12 ] || [ "$arch" != amd64 ]; then
    say "this file is for Debian 12 (bookworm) on amd64 (x86-64); this machine is $pretty on $arch. Nothing was installed."
    exit 1
fi
if [ "$(id -u)" != 0 ]; then
    say "run it as root (sudo)"
    exit 1
fi

state=$(mktemp -d /tmp/ai-city-kiosk-apt.XXXXXX)
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
apt-get -y -q "$@" --no-install-recommends install ai-city-kiosk
systemctl_state=""
if [ -d /run/systemd/system ]; then
    systemctl_state=$(systemctl is-active ai-city-kiosk.service 2>/dev/null || true)
fi
say "installed: $(dpkg-query -W -f '${Package} ${Version}' ai-city-kiosk)${systemctl_state:+; the service is $systemctl_state}"
say "next: sudo ai-city-kiosk --set-pin (the admin PIN), then reboot; the kiosk starts on its own"
