"""The Linux offline installer's own parts (build/offline.py, build/linux/*.sh) without building
the whole file: the self-extracting header unpacks exactly its payload, the local repository's
index is one apt can read, and the installer refuses a machine it was not built for, in one line
and before it changes anything. (CI builds the real file and boots it: build/boot_test.sh.)"""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO

LINUX = REPO / "build" / "linux"


def offline_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("offline", REPO / "build" / "offline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def payload(tmp_path: Path) -> Path:
    """A tar like the real one: the installer and a (fake) package beside it."""
    tar_path = tmp_path / "payload.tar"
    with tarfile.open(tar_path, "w", format=tarfile.GNU_FORMAT) as tar:
        tar.add(LINUX / "install.sh", arcname="ai-city-kiosk-offline/install.sh")
        data = b"not really a package\n" * 1000
        info = tarfile.TarInfo("ai-city-kiosk-offline/packages/demo_1.0_amd64.deb")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return tar_path


def test_the_self_extracting_file_unpacks_its_payload_intact(tmp_path: Path) -> None:
    offline = offline_module()
    out = tmp_path / "kiosk.run"
    header = (LINUX / "offline-header.sh").read_text(encoding="utf-8")
    offline.self_extracting(header, payload(tmp_path), out)
    assert os.access(out, os.X_OK)
    done = subprocess.run(
        ["sh", str(out), "--extract", str(tmp_path / "x")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    unpacked = tmp_path / "x" / "ai-city-kiosk-offline"
    assert (unpacked / "install.sh").read_bytes() == (LINUX / "install.sh").read_bytes()
    deb = unpacked / "packages" / "demo_1.0_amd64.deb"
    assert deb.read_bytes() == b"not really a package\n" * 1000
    said = f"ai-city-kiosk installer: unpacked into {tmp_path / 'x'}/ai-city-kiosk-offline"
    assert done.stderr.strip() == said


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian)")
def test_the_local_repository_index_describes_each_package(tmp_path: Path) -> None:
    offline = offline_module()
    root = tmp_path / "pkg"
    (root / "DEBIAN").mkdir(parents=True)
    (root / "DEBIAN" / "control").write_text(
        "Package: demo\nVersion: 2:1.0-1\nArchitecture: amd64\nMaintainer: x <x@example.org>\n"
        "Depends: libc6 (>= 2.36)\nDescription: a demo\n more text\n",
        encoding="utf-8",
    )
    deb = tmp_path / "demo_1.0_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "-Zgzip", "--build", str(root), str(deb)], check=True, capture_output=True
    )
    index = offline.packages_index([deb])
    stanza = dict(line.split(": ", 1) for line in index.splitlines() if ": " in line)
    assert stanza["Package"] == "demo"
    assert stanza["Version"] == "2:1.0-1"
    assert stanza["Depends"] == "libc6 (>= 2.36)"
    assert stanza["Filename"] == "./demo_1.0_amd64.deb"
    assert int(stanza["Size"]) == deb.stat().st_size
    assert " more text" in index.splitlines()  # a continuation line stays one


@pytest.mark.parametrize(
    "release",
    [
        'ID=ubuntu\nVERSION_ID="24.04"\nPRETTY_NAME="Ubuntu 24.04.1 LTS"\n',
        'ID=debian\nVERSION_ID="11"\nPRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\n',
    ],
)
def test_the_installer_refuses_another_system_in_one_line(tmp_path: Path, release: str) -> None:
    (tmp_path / "os-release").write_text(release, encoding="utf-8")
    bin_dir = tmp_path / "bin"  # apt-get must never run: a stand-in records any call
    bin_dir.mkdir()
    (bin_dir / "apt-get").write_text(f"#!/bin/sh\ntouch {tmp_path}/apt-ran\n", encoding="utf-8")
    (bin_dir / "apt-get").chmod(0o755)
    env = {
        **os.environ,
        "AI_CITY_KIOSK_OS_RELEASE": str(tmp_path / "os-release"),
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
    }
    done = subprocess.run(
        ["sh", str(LINUX / "install.sh")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    pretty = release.split("PRETTY_NAME=")[1].strip().strip('"')
    assert "Debian 12" in lines[0] and pretty in lines[0] and "Nothing was installed" in lines[0]
    assert not (tmp_path / "apt-ran").exists()
