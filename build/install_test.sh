#!/usr/bin/env bash
# The install test: a fresh system of one target gets its offline file with the network cut
# (a chroot in a new network namespace: no boot, so it also works for Ubuntu, which has no
# real-boot test), then the issue's bad input: a second install keeps the curators' content and
# the PIN, and a purge leaves nothing the package made. Then the upgrade from the kiosk's old name:
# over the old package ai-city-kiosk (build/upgrade/), the offline file carries its curators'
# content, PIN and logs over and leaves only the new unit enabled. Prints one JSON line of figures.
#
#   sudo build/install_test.sh TARGET [OFFLINE_FILE]
#       TARGET: debian12, ubuntu2204 or ubuntu2404 (build/offline.py's table)
#       OFFLINE_FILE: default dist/exhibition-kiosk_*_TARGET_amd64.run
#
# Needs root, debootstrap, dpkg-deb, python3 and the network (for the debootstrap only; set
# INSTALL_TEST_BASE=DIR to copy a debootstrapped tree of TARGET instead: it is never changed).
# Logs go to build/work/install-TARGET/ ($INSTALL_TEST_OUT).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root_dir=$(cd "$here/.." && pwd)
target=${1:?usage: install_test.sh TARGET [OFFLINE_FILE]}
offline=${2:-$(ls "$root_dir"/dist/exhibition-kiosk_*_"$target"_amd64.run 2>/dev/null | tail -1)}
out=${INSTALL_TEST_OUT:-$root_dir/build/work/install-$target}
fail() { echo "install test ($target): $*" >&2; exit 1; }
[ -f "$offline" ] || { echo "install test: no offline file for $target (build/offline.py --target $target)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "install test: needs root (debootstrap, chroot, unshare)" >&2; exit 2; }
for tool in debootstrap dpkg-deb python3 unshare; do
    command -v "$tool" >/dev/null || { echo "install test: needs $tool" >&2; exit 2; }
done

rm -rf "$out"
mkdir -p "$out"
scratch=$(mktemp -d "${TMPDIR:-/var/tmp}/kiosk-install.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
rootfs=$scratch/rootfs

# Run a command in the tree with no network (a new network namespace has only a down loopback)
# and its own /proc, as build/boot_test.sh installs; a clean environment, as sudo gives.
offline_chroot() {
    unshare -n -m --propagation private sh -c '
        root=$1; shift
        mount -t proc proc "$root/proc" &&
        exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"' sh "$rootfs" "$@"
}
seconds_since() { echo $(($(date +%s) - $1)); }
# Nothing of package $1 is left after its purge: its folders, unit links, user and group.
purged() {
    local left db
    for left in "/opt/$1" "/var/lib/$1" "/var/cache/$1" "/usr/bin/$1" "/lib/systemd/system/$1.service"; do
        if [ -e "$rootfs$left" ] || [ -L "$rootfs$left" ]; then fail "purge left $left"; fi
    done
    left=$(find "$rootfs/etc/systemd/system" -name "$1*")
    [ -z "$left" ] || fail "purge left unit links: $left"
    for db in passwd group; do
        if offline_chroot getent "$db" "$1" >/dev/null; then fail "purge left $db entry $1"; fi
    done
}

# 1. A fresh system of the target (required + important packages), from build/offline.py's table.
t0=$(date +%s)
if [ -n "${INSTALL_TEST_BASE:-}" ]; then
    cp -a "$INSTALL_TEST_BASE" "$rootfs"
else
    python3 "$here/offline.py" --target "$target" --bootstrap "$rootfs" >"$out/debootstrap.log" 2>&1 \
        || { tail -20 "$out/debootstrap.log" >&2; fail "debootstrap failed"; }
fi
t_debootstrap=$(seconds_since "$t0")
echo "install test ($target): $(. "$rootfs/etc/os-release" && echo "$PRETTY_NAME") ready in ${t_debootstrap} s" >&2

# 2. The offline file, with no network.
cp "$offline" "$rootfs/tmp/kiosk-offline.run"
t1=$(date +%s)
offline_chroot sh /tmp/kiosk-offline.run >"$out/install.log" 2>&1 \
    || { tail -30 "$out/install.log" >&2; fail "the offline install failed"; }
t_install=$(seconds_since "$t1")
echo "install test ($target): installed offline in ${t_install} s" >&2

lib=$rootfs/var/lib/exhibition-kiosk
wants=$rootfs/etc/systemd/system/multi-user.target.wants/exhibition-kiosk.service
[ "$(offline_chroot dpkg-query -W -f '${Status}' exhibition-kiosk)" = "install ok installed" ] \
    || fail "dpkg does not say exhibition-kiosk is installed"
[ -L "$wants" ] || fail "the unit is not enabled (no $wants)"
[ -f "$lib/content/config.toml" ] || fail "no content copied for the curators"
# What the units run on this distribution (the display service's X server, its cookie tool).
for tool in /usr/lib/xorg/Xorg /usr/bin/xauth /usr/lib/exhibition-kiosk/display /usr/bin/exhibition-kiosk; do
    [ -x "$rootfs$tool" ] || fail "no $tool after the install"
done
# --validate needs no X server or Qt platform: the installed app on the curators' copy.
offline_chroot /opt/exhibition-kiosk/exhibition-kiosk --validate --content /var/lib/exhibition-kiosk/content \
    >"$out/validate.log" 2>&1 || { cat "$out/validate.log" >&2; fail "--validate failed"; }

# 3. Bad input: a curator's edit and a PIN, then the offline file a second time (it reinstalls
#    the kiosk's package: its maintainer scripts run again, as in an upgrade); both must stay.
echo "# edited by a curator during the install test" >>"$lib/content/config.toml"
content_sum=$(sha256sum <"$lib/content/config.toml")
echo 5820 | offline_chroot exhibition-kiosk --set-pin >"$out/set-pin.log" 2>&1 \
    || { cat "$out/set-pin.log" >&2; fail "--set-pin failed"; }
pin=$(find "$lib/config" -name admin-pin -type f | head -1)
[ -n "$pin" ] || fail "--set-pin wrote no admin-pin under /var/lib/exhibition-kiosk/config"
pin_sum=$(sha256sum <"$pin")
t2=$(date +%s)
offline_chroot sh /tmp/kiosk-offline.run >"$out/reinstall.log" 2>&1 \
    || { tail -30 "$out/reinstall.log" >&2; fail "the second install failed"; }
t_reinstall=$(seconds_since "$t2")
grep -q "Setting up exhibition-kiosk" "$out/reinstall.log" \
    || fail "the second install did not run the package's scripts again"
[ "$(sha256sum <"$lib/content/config.toml")" = "$content_sum" ] \
    || fail "the second install changed the curators' content"
[ -f "$pin" ] && [ "$(sha256sum <"$pin")" = "$pin_sum" ] || fail "the second install lost the PIN"
[ -L "$wants" ] || fail "the unit is no longer enabled after the second install"
echo "install test ($target): a second install in ${t_reinstall} s kept the content and the PIN" >&2

# 4. Purge, with no network: nothing the package made is left.
cp "$pin" "$scratch/admin-pin"  # the same PIN stands in for one set under the old name (step 5)
offline_chroot apt-get purge -y exhibition-kiosk >"$out/purge.log" 2>&1 \
    || { tail -30 "$out/purge.log" >&2; fail "apt-get purge failed"; }
purged exhibition-kiosk
echo "install test ($target): purge removed everything" >&2

# 5. The upgrade from the kiosk's old name (deliberately ai-city-kiosk throughout this step): the
#    old package as terminals have it (build/upgrade/: 0.1.0's maintainer scripts, units and
#    command; a stand-in app; the bundled content), a curator's edit, a PIN and a log in its
#    folders, then the offline file with no network.
old=ai-city-kiosk
old_lib=$rootfs/var/lib/$old
stage=$scratch/old-package
mkdir -p "$stage/DEBIAN" "$stage/opt/$old/_internal" "$stage/lib/systemd/system" "$stage/usr/bin"
cp "$here/upgrade/control" "$here/upgrade/postinst" "$here/upgrade/prerm" "$here/upgrade/postrm" \
    "$stage/DEBIAN/"
cp "$here/upgrade/$old.service" "$here/upgrade/$old-display.service" "$stage/lib/systemd/system/"
cp -R "$root_dir/data" "$stage/opt/$old/_internal/data"
install -m 0755 "$here/upgrade/app" "$stage/opt/$old/$old"
install -m 0755 "$here/upgrade/$old" "$stage/usr/bin/$old"
chmod -R u=rwX,go=rX "$stage" && chmod 0755 "$stage"/DEBIAN/p*
dpkg-deb --root-owner-group --build "$stage" "$rootfs/tmp/$old.deb" >/dev/null
offline_chroot dpkg -i "/tmp/$old.deb" >"$out/old-install.log" 2>&1 \
    || { tail -30 "$out/old-install.log" >&2; fail "the old package did not install"; }
[ -L "$rootfs/etc/systemd/system/multi-user.target.wants/$old.service" ] \
    || fail "the old package's unit is not enabled"
echo "# edited by a curator before the rename" >>"$old_lib/content/config.toml"
content_sum=$(sha256sum <"$old_lib/content/config.toml")
offline_chroot install -d -o "$old" -g "$old" "/var/lib/$old/config/$old" "/var/lib/$old/state/$old/logs"
offline_chroot install -m 0600 -o "$old" -g "$old" /dev/null "/var/lib/$old/config/$old/admin-pin"
cat "$scratch/admin-pin" >"$old_lib/config/$old/admin-pin"
pin_sum=$(sha256sum <"$scratch/admin-pin")
echo "a log line from before the rename" >"$old_lib/state/$old/logs/kiosk.log"
uid=$(offline_chroot id -u "$old")

t3=$(date +%s)
offline_chroot sh /tmp/kiosk-offline.run >"$out/upgrade.log" 2>&1 \
    || { tail -30 "$out/upgrade.log" >&2; fail "the install over the old package failed"; }
t_upgrade=$(seconds_since "$t3")
grep -q "it replaces $old" "$out/upgrade.log" || fail "the installer did not say it replaces $old"
[ "$(offline_chroot dpkg-query -W -f '${Status}' exhibition-kiosk)" = "install ok installed" ] \
    || fail "dpkg does not say exhibition-kiosk is installed after the upgrade"
old_status=$(offline_chroot dpkg-query -W -f '${Status}' "$old" 2>/dev/null || true)
[ "$old_status" != "install ok installed" ] || fail "$old is still installed"
[ -f "$lib/content/config.toml" ] && [ "$(sha256sum <"$lib/content/config.toml")" = "$content_sum" ] \
    || fail "the upgrade did not carry the curators' content over"
pin=$lib/config/exhibition-kiosk/admin-pin
[ -f "$pin" ] && [ "$(sha256sum <"$pin")" = "$pin_sum" ] || fail "the upgrade did not carry the PIN over"
grep -q "before the rename" "$lib/state/exhibition-kiosk/logs/kiosk.log" \
    || fail "the upgrade did not carry the logs over"
[ "$(offline_chroot id -u exhibition-kiosk)" = "$uid" ] || fail "the kiosk's user is not the old one renamed"
for path in /var/lib/exhibition-kiosk/content /var/lib/exhibition-kiosk/config/exhibition-kiosk/admin-pin; do
    [ "$(offline_chroot stat -c %U "$path")" = exhibition-kiosk ] || fail "$path is not the kiosk user's"
done
[ -L "$wants" ] || fail "the new unit is not enabled after the upgrade"
purged "$old"  # its removal and the new postinst leave nothing of it (dpkg may keep its record)
offline_chroot exhibition-kiosk --validate >"$out/upgrade-validate.log" 2>&1 \
    || { cat "$out/upgrade-validate.log" >&2; fail "--validate failed on the carried-over content"; }
if grep -q "no admin PIN" "$out/upgrade-validate.log"; then fail "the kiosk does not find the PIN"; fi
echo "install test ($target): the install over $old in ${t_upgrade} s carried its content, PIN and logs over" >&2

# 6. Purge the old package first (dpkg may keep it as "rc", its scripts kept: its purge deletes
#    its folders and its user by the old name), then the new one: the first touches nothing of
#    the new install, and then nothing of either is left.
offline_chroot dpkg --purge "$old" >"$out/purge-old.log" 2>&1 \
    || { tail -30 "$out/purge-old.log" >&2; fail "purging $old failed"; }
[ "$(sha256sum <"$lib/content/config.toml")" = "$content_sum" ] && [ "$(sha256sum <"$pin")" = "$pin_sum" ] \
    && offline_chroot getent passwd exhibition-kiosk >/dev/null || fail "purging $old harmed the new install"
offline_chroot dpkg --purge exhibition-kiosk >"$out/purge-new.log" 2>&1 \
    || { tail -30 "$out/purge-new.log" >&2; fail "purging exhibition-kiosk after the upgrade failed"; }
purged exhibition-kiosk
purged "$old"
echo "install test ($target): purging both removed everything" >&2

packages=$(tail -n +"$(awk '/^__PAYLOAD_BELOW__$/ { print NR + 1; exit }' "$offline")" "$offline" \
    | tar -xO exhibition-kiosk-offline/CONTENTS | wc -l)
mb=$(python3 -c "import os, sys; print(round(os.path.getsize(sys.argv[1]) / 2**20, 1))" "$offline")
printf '{"target": "%s", "offline_file_mb": %s, "packages_in_file": %s, "debootstrap_s": %s, "install_s": %s, "reinstall_s": %s, "upgrade_s": %s}\n' \
    "$target" "$mb" "$packages" "$t_debootstrap" "$t_install" "$t_reinstall" "$t_upgrade"
