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
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import REPO

LINUX = REPO / "build" / "linux"


def offline_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("offline", REPO / "build" / "offline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["offline"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def payload(tmp_path: Path) -> Path:
    """A tar like the real one: the installer and a (fake) package beside it."""
    tar_path = tmp_path / "payload.tar"
    with tarfile.open(tar_path, "w", format=tarfile.GNU_FORMAT) as tar:
        tar.add(LINUX / "install.sh", arcname="exhibition-kiosk-offline/install.sh")
        data = b"not really a package\n" * 1000
        info = tarfile.TarInfo("exhibition-kiosk-offline/packages/demo_1.0_amd64.deb")
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
    unpacked = tmp_path / "x" / "exhibition-kiosk-offline"
    assert (unpacked / "install.sh").read_bytes() == (LINUX / "install.sh").read_bytes()
    deb = unpacked / "packages" / "demo_1.0_amd64.deb"
    assert deb.read_bytes() == b"not really a package\n" * 1000
    said = f"exhibition-kiosk installer: unpacked into {tmp_path / 'x'}/exhibition-kiosk-offline"
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


RELEASES = {
    "debian11": 'ID=debian\nVERSION_ID="11"\nPRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\n',
    "debian12": 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
    "ubuntu2204": 'ID=ubuntu\nVERSION_ID="22.04"\nPRETTY_NAME="Ubuntu 22.04.5 LTS"\n',
    "ubuntu2404": 'ID=ubuntu\nVERSION_ID="24.04"\nPRETTY_NAME="Ubuntu 24.04.1 LTS"\n',
    "mint22": 'ID=linuxmint\nID_LIKE="ubuntu debian"\nVERSION_ID="22"\n'
    'PRETTY_NAME="Linux Mint 22"\n',
}


def run_installer(
    tmp_path: Path, target: str | None, release: str, arch: str = "amd64"
) -> subprocess.CompletedProcess:
    """install.sh as the offline file unpacks it (TARGET beside it, written by offline.py), on a
    machine described by ``release`` and ``arch``. Stand-ins for dpkg (the architecture), id (root,
    so the tests need not be) and apt-get (records its call and fails: nothing is installed)."""
    folder = tmp_path / "exhibition-kiosk-offline"
    folder.mkdir()
    shutil.copy2(LINUX / "install.sh", folder / "install.sh")
    if target is not None:
        offline = offline_module()
        text = offline.target_file(target, offline.TARGETS[target])
        (folder / "TARGET").write_text(text, encoding="utf-8")
    (tmp_path / "os-release").write_text(release, encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stubs = {
        # apt-get keeps a copy of the sources it was given (install.sh deletes them on exit)
        "apt-get": f'#!/bin/sh\necho "$*" >> {tmp_path}/apt-ran\n'
        f"list=$(echo \"$*\" | sed -n 's/.*SourceList=\\([^ ]*\\).*/\\1/p')\n"
        f'cat "$list" >> {tmp_path}/apt-sources\nexit 3\n',
        "dpkg": f"#!/bin/sh\necho {arch}\n",
        "id": "#!/bin/sh\necho 0\n",
    }
    for name, text in stubs.items():
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    env = {
        **os.environ,
        "KIOSK_OS_RELEASE": str(tmp_path / "os-release"),
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
    }
    return subprocess.run(
        ["sh", str(folder / "install.sh")], env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("target", "machine", "arch"),
    [
        ("debian12", "ubuntu2404", "amd64"),
        ("debian12", "debian11", "amd64"),
        ("debian12", "debian12", "arm64"),
        ("ubuntu2204", "ubuntu2404", "amd64"),
        ("ubuntu2204", "debian12", "amd64"),
        ("ubuntu2404", "ubuntu2204", "amd64"),
        ("ubuntu2404", "mint22", "amd64"),  # a derivative is another system
        ("ubuntu2404", "ubuntu2404", "arm64"),
    ],
)
def test_the_installer_refuses_another_system_in_one_line(
    tmp_path: Path, target: str, machine: str, arch: str
) -> None:
    release = RELEASES[machine]
    done = run_installer(tmp_path, target, release, arch)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    pretty = release.split("PRETTY_NAME=")[1].strip().strip('"')
    wanted = offline_module().TARGETS[target].pretty
    assert f"this file is for {wanted} on amd64" in lines[0]
    assert f"this machine is {pretty} on {arch}" in lines[0]
    assert "Nothing was installed" in lines[0]
    assert not (tmp_path / "apt-ran").exists()


def test_the_installer_without_its_target_file_refuses_everything(tmp_path: Path) -> None:
    done = run_installer(tmp_path, None, RELEASES["debian12"])
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Nothing was installed" in done.stderr
    assert not (tmp_path / "apt-ran").exists()


@pytest.mark.parametrize("target", ["debian12", "ubuntu2204", "ubuntu2404"])
def test_the_installer_goes_on_to_apt_on_its_own_system(tmp_path: Path, target: str) -> None:
    done = run_installer(tmp_path, target, RELEASES[target])
    assert "Nothing was installed" not in done.stderr
    assert done.returncode == 3  # the apt-get stand-in's failure ends it: set -e
    calls = (tmp_path / "apt-ran").read_text(encoding="utf-8").splitlines()
    assert len(calls) == 1 and calls[0].endswith(" update")
    # apt sees the packages beside install.sh and nothing else
    sources = (tmp_path / "apt-sources").read_text(encoding="utf-8")
    assert sources == f"deb [trusted=yes] file:{tmp_path}/exhibition-kiosk-offline/packages ./\n"
    assert "Dir::Etc::SourceParts=/dev/null" in calls[0]


def test_the_target_table_names_each_file_s_distribution() -> None:
    offline = offline_module()
    assert sorted(offline.TARGETS) == ["debian12", "ubuntu2204", "ubuntu2404"]
    debian = offline.TARGETS["debian12"]
    assert (debian.suite, debian.mirror, debian.os_id, debian.version_id) == (
        "bookworm",
        "http://deb.debian.org/debian",
        "debian",
        "12",
    )
    ubuntus = (("ubuntu2204", "jammy", "22.04"), ("ubuntu2404", "noble", "24.04"))
    for name, suite, version in ubuntus:
        ubuntu = offline.TARGETS[name]
        assert (ubuntu.suite, ubuntu.os_id, ubuntu.version_id) == (suite, "ubuntu", version)
        assert ubuntu.mirror == "http://archive.ubuntu.com/ubuntu"
        assert "universe" in ubuntu.components.split(",")  # libxcb-cursor0 on jammy
