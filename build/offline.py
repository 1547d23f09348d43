"""Build the offline installer for Linux terminals: one self-extracting file with the kiosk's .deb
and every package it needs that a fresh system of one distribution lacks, as a local apt repository.

Usage: python build/offline.py [--target debian12|ubuntu2204|ubuntu2404] [--deb DEB] [--base DIR]
                               [--out FILE]
       python build/offline.py --target TARGET --bootstrap DIR   (only the fresh system, for tests)

A terminal installs it with ``sudo sh exhibition-kiosk_<version>_<target>_amd64.run`` and no
network; the file installs only on the distribution it was built for. Building needs the network and
root: the dependencies are resolved by apt inside a fresh system of the target (``debootstrap``:
required + important packages; Debian 12 also a kernel, as an installed system without a desktop
has), so the file holds exactly what such a machine is missing, without Recommends. A desktop
install has more, and apt on the terminal installs only what it lacks. ``--base`` reuses such a tree
(it is not changed, apart from apt's lists and cache, which are emptied again).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"
MB = 1024 * 1024
DEBIAN = "http://deb.debian.org/debian"
UBUNTU = "http://archive.ubuntu.com/ubuntu"
# Debian has no ubuntu-keyring package: Ubuntu's own, pinned (it holds the archive signing keys
# 790B C727 7767 219C 42C8 6F93 3B4F E6AC C0B2 1F32 (2012) and F6EC B376 2474 EDA9 D21B 7022
# 8719 20D1 991B C93C (2018)); debootstrap checks every Release file against it.
UBUNTU_KEYRING_DEB = f"{UBUNTU}/pool/main/u/ubuntu-keyring/ubuntu-keyring_2023.11.28.1_all.deb"
UBUNTU_KEYRING_SHA256 = "36de43b15853ccae0028e9a767613770c704833f82586f28eb262f0311adb8a8"


@dataclass(frozen=True)
class Target:
    """A distribution an offline file installs on (its name is in the file's name)."""

    suite: str
    mirror: str
    components: str  # debootstrap's --components: Ubuntu's libxcb-cursor0 is in universe (jammy)
    os_id: str  # /etc/os-release's ID and VERSION_ID that install.sh accepts, nothing else
    version_id: str
    pretty: str  # for the installer's messages
    include: str = ""  # debootstrap's --include
    # Further suites apt resolves in (Ubuntu's release suite never changes after the release;
    # fixes arrive in -updates and -security). The fresh system itself is the release suite
    # alone, like an installed machine that was never updated: apt fetches any newer version
    # of one of its packages that a dependency needs, and the file holds it.
    pockets: tuple[str, ...] = ()


# fmt: off
TARGETS = {  # name: suite, mirror, components, os-release ID and VERSION_ID, ...
    "debian12": Target("bookworm", DEBIAN, "main", "debian", "12",
                       "Debian 12 (bookworm)", include="linux-image-amd64"),
    "ubuntu2204": Target("jammy", UBUNTU, "main,universe", "ubuntu", "22.04",
                         "Ubuntu 22.04 LTS (jammy)", pockets=("jammy-updates", "jammy-security")),
    "ubuntu2404": Target("noble", UBUNTU, "main,universe", "ubuntu", "24.04",
                         "Ubuntu 24.04 LTS (noble)", pockets=("noble-updates", "noble-security")),
}
# fmt: on
# the fields apt needs from each package's control file, in Debian's order
FIELDS = (
    "Package",
    "Version",
    "Architecture",
    "Multi-Arch",
    "Pre-Depends",
    "Depends",
    "Recommends",
    "Provides",
    "Conflicts",
    "Breaks",
    "Replaces",
    "Priority",
    "Section",
    "Installed-Size",
    "Description",
)


def run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in command), flush=True)
    return subprocess.run([str(c) for c in command], check=True, **kwargs)


def ubuntu_keyring() -> Path:
    """Ubuntu's archive keyring, from the pinned ubuntu-keyring .deb (checked before use)."""
    folder = WORK / "ubuntu-keyring"
    keyring = folder / "usr/share/keyrings/ubuntu-archive-keyring.gpg"
    deb = WORK / UBUNTU_KEYRING_DEB.rsplit("/", 1)[1]
    if not deb.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        print("+ download", UBUNTU_KEYRING_DEB, flush=True)
        with urllib.request.urlopen(UBUNTU_KEYRING_DEB, timeout=60) as response:
            deb.write_bytes(response.read())
    digest = hashlib.sha256(deb.read_bytes()).hexdigest()
    if digest != UBUNTU_KEYRING_SHA256:
        deb.unlink()
        sys.exit(f"{UBUNTU_KEYRING_DEB}: SHA-256 {digest}, expected {UBUNTU_KEYRING_SHA256}")
    shutil.rmtree(folder, ignore_errors=True)
    run("dpkg-deb", "-x", deb, folder)
    return keyring


def debootstrap(target: Target, tree: Path) -> None:
    """A fresh system of ``target`` (required + important priority) in ``tree``."""
    if target.os_id == "debian":  # as it has always been, and as CI's real-boot test does
        run("debootstrap", f"--include={target.include}", target.suite, tree, target.mirror)
        return
    # This host's debootstrap may not know the suite (Debian 12's has no noble): Ubuntu's own
    # debootstrap uses its gutsy script for every Ubuntu suite since 7.10.
    run(
        "debootstrap",
        f"--keyring={ubuntu_keyring()}",
        f"--components={target.components}",
        *([f"--include={target.include}"] if target.include else []),
        target.suite,
        tree,
        target.mirror,
        "/usr/share/debootstrap/scripts/gutsy",
    )


def resolve(base: Path, deb: Path, target: Target | None = None) -> list[Path]:
    """The .debs apt would download to install ``deb`` on ``base`` (no Recommends)."""
    archives = base / "var/cache/apt/archives"
    inside = Path("/tmp") / deb.name
    pockets = base / "etc/apt/sources.list.d/exhibition-kiosk-offline.list"
    shutil.copy2(deb, base / inside.relative_to("/"))
    try:
        for old in archives.glob("*.deb"):
            old.unlink()
        if target is not None and target.pockets:
            components = target.components.replace(",", " ")
            pockets.write_text(
                "".join(f"deb {target.mirror} {p} {components}\n" for p in target.pockets),
                encoding="utf-8",
            )
        run("chroot", base, "apt-get", "-qq", "update")
        run(
            "chroot",
            base,
            "apt-get",
            "install",
            "-qq",
            "--download-only",
            "--no-install-recommends",
            "-y",
            inside,
        )
        return sorted(archives.glob("*.deb"))
    finally:
        (base / inside.relative_to("/")).unlink(missing_ok=True)
        pockets.unlink(missing_ok=True)


def target_file(name: str, target: Target) -> str:
    """The payload's TARGET file: install.sh reads it and accepts only this distribution."""
    return (
        f"TARGET={name}\nTARGET_ID={target.os_id}\nTARGET_VERSION_ID={target.version_id}\n"
        f"TARGET_NAME='{target.pretty}'\n"
    )


def control_fields(deb: Path) -> dict[str, str]:
    """The control file of ``deb`` as an ordered mapping (continuation lines kept)."""
    text = run("dpkg-deb", "-f", deb, capture_output=True, text=True).stdout
    fields: dict[str, str] = {}
    name = ""
    for line in text.splitlines():
        if line[:1] in (" ", "\t") and name:
            fields[name] += "\n" + line
        elif ":" in line:
            name, value = line.split(":", 1)
            fields[name] = value.strip()
    return fields


def packages_index(debs: list[Path]) -> str:
    """apt's ``Packages`` index of the .debs in one flat folder."""
    stanzas = []
    for deb in debs:
        fields = control_fields(deb)
        data = deb.read_bytes()
        lines = [f"{k}: {fields[k]}" for k in FIELDS if k in fields]
        lines += [
            f"Filename: ./{deb.name}",
            f"Size: {len(data)}",
            f"MD5sum: {hashlib.md5(data).hexdigest()}",
            f"SHA256: {hashlib.sha256(data).hexdigest()}",
        ]
        stanzas.append("\n".join(lines))
    return "\n\n".join(stanzas) + "\n"


def self_extracting(header: str, payload: Path, out: Path) -> None:
    """``header`` (a shell script ending in ``exit``) followed by an uncompressed tar."""
    with open(out, "wb") as sink:
        sink.write(header.encode())
        with open(payload, "rb") as source:
            shutil.copyfileobj(source, sink, 1 << 20)
    out.chmod(0o755)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=sorted(TARGETS), default="debian12")
    parser.add_argument("--deb", type=Path, help="the kiosk's .deb (default: the one in dist/)")
    parser.add_argument("--base", type=Path, help="a debootstrapped system of --target")
    parser.add_argument("--out", type=Path, help="the file to write (default: in dist/)")
    parser.add_argument("--bootstrap", type=Path, help="only debootstrap --target into this")
    args = parser.parse_args()
    target = TARGETS[args.target]
    if os.geteuid() != 0:
        sys.exit("build/offline.py needs root (debootstrap and chroot)")
    if args.bootstrap:
        debootstrap(target, args.bootstrap)
        return
    deb = args.deb or max(DIST.glob("exhibition-kiosk_*_amd64.deb"), default=None)
    if deb is None:
        sys.exit("no dist/exhibition-kiosk_*_amd64.deb: run build/bundle.py first")
    version = re.match(r"exhibition-kiosk_([^_]+)_", deb.name)[1]
    out = args.out or DIST / f"exhibition-kiosk_{version}_{args.target}_amd64.run"
    base = args.base
    if base is None:
        base = WORK / f"{args.target}-base"
        if not (base / "etc/debian_version").exists():
            shutil.rmtree(base, ignore_errors=True)
            debootstrap(target, base)
    dependencies = resolve(base, deb, target)
    with tempfile.TemporaryDirectory(prefix="kiosk-offline-") as scratch:
        stage = Path(scratch) / "exhibition-kiosk-offline"
        repo = stage / "packages"
        repo.mkdir(parents=True)
        for package in [deb, *dependencies]:  # apt names a file "2%3a21.1..." for epoch "2:"
            shutil.copy2(package, repo / package.name.replace("%3a", "-"))
        debs = sorted(repo.glob("*.deb"))
        (repo / "Packages").write_text(packages_index(debs), encoding="utf-8")
        shutil.copy2(ROOT / "build/linux/install.sh", stage / "install.sh")
        (stage / "install.sh").chmod(0o755)
        (stage / "TARGET").write_text(target_file(args.target, target), encoding="utf-8")
        (stage / "CONTENTS").write_text(
            "".join(f"{p.name}\t{p.stat().st_size}\n" for p in debs), encoding="utf-8"
        )
        payload = Path(scratch) / "payload.tar"
        with tarfile.open(payload, "w", format=tarfile.GNU_FORMAT) as tar:
            tar.add(stage, arcname=stage.name)
        header = (ROOT / "build/linux/offline-header.sh").read_text(encoding="utf-8")
        header = header.replace("@TARGET_NAME@", target.pretty)
        out.parent.mkdir(parents=True, exist_ok=True)
        self_extracting(header, payload, out)
    for old in (base / "var/cache/apt/archives").glob("*.deb"):
        old.unlink()
    total = out.stat().st_size / MB
    print(
        f"offline installer: {out} {total:.1f} MB: the kiosk and {len(dependencies)} "
        f"packages a fresh {target.pretty} lacks"
    )


if __name__ == "__main__":
    main()
