"""Build the offline installer for Linux terminals: one self-extracting file with the kiosk's .deb
and every Debian package it needs that a fresh Debian 12 lacks, as a local apt repository.

Usage: python build/offline.py [--deb DEB] [--base DIR] [--out FILE]

A terminal installs it with ``sudo sh ai-city-kiosk_<version>_debian12_amd64.run`` and no network.
Building needs the network and root: the dependencies are resolved by apt inside a fresh
Debian 12 (``debootstrap``: required + important packages and a kernel, as an installed system
without a desktop has), so the file holds exactly what such a machine is missing, without
Recommends. ``--base`` reuses such a tree (it is not changed, apart from apt's lists and cache,
which are emptied again).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"
MIRROR = "http://deb.debian.org/debian"
SUITE = "bookworm"
TARGET = "debian12"  # the name in the file: the distribution it installs on
MB = 1024 * 1024
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


def debootstrap(target: Path) -> None:
    """A fresh Debian 12 (required + important priority, a kernel) in ``target``."""
    run("debootstrap", "--include=linux-image-amd64", SUITE, target, MIRROR)


def resolve(base: Path, deb: Path) -> list[Path]:
    """The .debs apt would download to install ``deb`` on ``base`` (no Recommends)."""
    archives = base / "var/cache/apt/archives"
    inside = Path("/tmp") / deb.name
    shutil.copy2(deb, base / inside.relative_to("/"))
    try:
        for old in archives.glob("*.deb"):
            old.unlink()
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
    parser.add_argument("--deb", type=Path, help="the kiosk's .deb (default: the one in dist/)")
    parser.add_argument("--base", type=Path, help="a debootstrapped Debian 12 to resolve in")
    parser.add_argument("--out", type=Path, help="the file to write (default: in dist/)")
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("build/offline.py needs root (debootstrap and chroot)")
    deb = args.deb or max(DIST.glob("ai-city-kiosk_*_amd64.deb"), default=None)
    if deb is None:
        sys.exit("no dist/ai-city-kiosk_*_amd64.deb: run build/bundle.py first")
    version = re.match(r"ai-city-kiosk_([^_]+)_", deb.name)[1]
    out = args.out or DIST / f"ai-city-kiosk_{version}_{TARGET}_amd64.run"
    base = args.base
    if base is None:
        base = WORK / "debian12-base"
        if not (base / "etc/debian_version").exists():
            shutil.rmtree(base, ignore_errors=True)
            debootstrap(base)
    dependencies = resolve(base, deb)
    with tempfile.TemporaryDirectory(prefix="kiosk-offline-") as scratch:
        stage = Path(scratch) / "ai-city-kiosk-offline"
        repo = stage / "packages"
        repo.mkdir(parents=True)
        for package in [deb, *dependencies]:  # apt names a file "2%3a21.1..." for epoch "2:"
            shutil.copy2(package, repo / package.name.replace("%3a", "-"))
        debs = sorted(repo.glob("*.deb"))
        (repo / "Packages").write_text(packages_index(debs), encoding="utf-8")
        shutil.copy2(ROOT / "build/linux/install.sh", stage / "install.sh")
        (stage / "install.sh").chmod(0o755)
        (stage / "CONTENTS").write_text(
            "".join(f"{p.name}\t{p.stat().st_size}\n" for p in debs), encoding="utf-8"
        )
        payload = Path(scratch) / "payload.tar"
        with tarfile.open(payload, "w", format=tarfile.GNU_FORMAT) as tar:
            tar.add(stage, arcname=stage.name)
        header = (ROOT / "build/linux/offline-header.sh").read_text(encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        self_extracting(header, payload, out)
    for old in (base / "var/cache/apt/archives").glob("*.deb"):
        old.unlink()
    total = out.stat().st_size / MB
    print(
        f"offline installer: {out} {total:.1f} MB: the kiosk and {len(dependencies)} "
        f"packages a fresh Debian 12 lacks"
    )


if __name__ == "__main__":
    main()
