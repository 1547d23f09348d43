#!/usr/bin/env bash
# The real-boot test: a fresh Debian 12 gets the offline installer with the network cut, then
# boots for real under QEMU (software emulation, std VGA, no network card) and must come up in
# the kiosk; build/boot/guest-check.sh inside then kills it, freezes it and restarts it, and
# build/boot/drive.py (on this side) takes screendumps and prints one JSON line of figures.
#
#   sudo build/boot_test.sh [OFFLINE_FILE]     (default: dist/exhibition-kiosk_*_debian12_amd64.run)
#
# Needs root, the network (debootstrap), debootstrap, qemu-system-x86, e2fsprogs and python3.
# Screendumps and the serial log go to build/work/boot/ ($BOOT_TEST_OUT). Nothing is cached:
# every run starts from a new debootstrap (set BOOT_TEST_BASE=DIR to reuse a debootstrapped
# tree when working on this script by hand; it is copied, never changed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root_dir=$(cd "$here/.." && pwd)
out=${BOOT_TEST_OUT:-$root_dir/build/work/boot}
offline=${1:-$(ls "$root_dir"/dist/exhibition-kiosk_*_debian12_amd64.run 2>/dev/null | tail -1)}
[ -f "$offline" ] || { echo "boot test: no offline installer (build/offline.py makes it)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "boot test: needs root (debootstrap, chroot, mkfs)" >&2; exit 2; }
for tool in debootstrap qemu-system-x86_64 mkfs.ext4 python3 unshare; do
    command -v "$tool" >/dev/null || { echo "boot test: needs $tool" >&2; exit 2; }
done

rm -rf "$out"
mkdir -p "$out"
scratch=$(mktemp -d "${TMPDIR:-/var/tmp}/kiosk-boot.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
rootfs=$scratch/rootfs
t0=$(date +%s)

# 1. A fresh Debian 12 as an installer without a desktop leaves it (required + important
#    packages and a kernel).
if [ -n "${BOOT_TEST_BASE:-}" ]; then
    cp -a "$BOOT_TEST_BASE" "$rootfs"
else
    debootstrap --include=linux-image-amd64 bookworm "$rootfs" http://deb.debian.org/debian \
        >"$out/debootstrap.log" 2>&1 || { tail -20 "$out/debootstrap.log" >&2; exit 1; }
fi
t_debootstrap=$(($(date +%s) - t0))
echo "boot test: Debian 12 ready in ${t_debootstrap} s" >&2

# 2. The offline installer, with no network (a new network namespace has only a down loopback).
cp "$offline" "$rootfs/tmp/kiosk-offline.run"
t1=$(date +%s)
unshare -n -m --propagation private sh -c "
    mount -t proc proc '$rootfs/proc' &&
    chroot '$rootfs' sh /tmp/kiosk-offline.run" >"$out/install.log" 2>&1 \
    || { tail -30 "$out/install.log" >&2; echo "boot test: the offline install failed" >&2; exit 1; }
t_install=$(($(date +%s) - t1))
rm "$rootfs/tmp/kiosk-offline.run"
echo "boot test: installed offline in ${t_install} s" >&2

# 3. The test's own parts (never on a terminal), then a disk image (no loop device needed).
echo "/dev/vda / ext4 defaults 0 1" >"$rootfs/etc/fstab"
echo kiosk-boot-test >"$rootfs/etc/hostname"
install -m 0755 "$here/boot/guest-check.sh" "$rootfs/usr/local/sbin/kiosk-boot-check"
install -m 0644 "$here/boot/kiosk-boot-check.service" "$rootfs/etc/systemd/system/"
ln -sf /etc/systemd/system/kiosk-boot-check.service \
    "$rootfs/etc/systemd/system/multi-user.target.wants/kiosk-boot-check.service"
cp "$rootfs"/boot/vmlinuz-* "$scratch/vmlinuz"
cp "$rootfs"/boot/initrd.img-* "$scratch/initrd.img"
mkfs.ext4 -q -F -L kiosk -d "$rootfs" "$scratch/disk.img" 4G
rm -rf "$rootfs"

# 4. Boot it and drive the checks.
python3 "$here/boot/drive.py" --kernel "$scratch/vmlinuz" --initrd "$scratch/initrd.img" \
    --disk "$scratch/disk.img" --out "$out" --offline "$offline" \
    --figure debootstrap_s="$t_debootstrap" --figure offline_install_s="$t_install"
