"""Build the offline installer: the PyInstaller one-folder bundle, then (on Linux) the .deb.

Usage: python build/bundle.py [--no-deb]
Writes dist/exhibition-kiosk/ (the bundle; exhibition-kiosk[.exe] inside) and, on Linux,
dist/exhibition-kiosk_<version>_<arch>.deb. Fails when a budget is broken (bundle <= 210 MB,
.deb <= 70 MB) or when the bundle needs a system library that the .deb does not declare.
Needs the `build` extra (pip install '.[build]'), and on Linux dpkg-deb, ldd and strip.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
NAME = "exhibition-kiosk"  # the package, the bundle and its program (kiosk.NAME)
BUNDLE = DIST / NAME
WORK = ROOT / "build" / "work"  # PyInstaller's scratch folder (gitignored)
LINUX = ROOT / "build" / "linux"
BUNDLE_BUDGET_MB = 210
DEB_BUDGET_MB = 70
MB = 1024 * 1024

# The system libraries the bundle links but does not carry, by soname, and the Debian/Ubuntu
# package that provides each ("new | old" where Ubuntu 24.04 renamed it for 64-bit time_t).
SYSTEM_PACKAGES = {
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
    "librt.so.1": "libc6",
    "libutil.so.1": "libc6",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16t64 | libpng16-16",
    "libexpat.so.1": "libexpat1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libmd.so.0": "libmd0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
}
# What the kiosk's screen needs (build/linux/exhibition-kiosk-display.service): the X server with
# its modesetting driver and libinput, and xauth for the cookie; adduser and deb-systemd-helper
# for the maintainer scripts. Not x11-xserver-utils: its xset is not needed (Xorg's own flags
# keep the screen on) and it pulls in the C preprocessor, 12 MB of the offline installer.
SESSION_PACKAGES = [
    "xserver-xorg-core",
    "xserver-xorg-input-libinput | xserver-xorg-input-all",
    "xauth",
    "adduser",
    "init-system-helpers",
]


def run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in command), flush=True)
    return subprocess.run([str(c) for c in command], check=True, **kwargs)


def size_on_disk(folder: Path) -> int:
    """Bytes the folder takes (files by size; symlinks are not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def freeze() -> None:
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--workpath",
        WORK,
        "--distpath",
        DIST,
        ROOT / "build" / f"{NAME}.spec",
    )


def strip_python_debug_info() -> None:
    """Drop the debug sections of CPython's own libraries (pyenv builds keep ~30 MB of them).

    Only libpython and lib-dynload: stripping everything (PyInstaller's strip=True) breaks
    numpy's OpenBLAS, and Qt's libraries ship stripped.
    """
    strip = shutil.which("strip")
    internal = BUNDLE / "_internal"
    targets = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    targets = [t for t in targets if not t.is_symlink()]
    if strip and targets:
        print(f"+ strip --strip-debug libpython and {len(targets) - 1} lib-dynload modules")
        subprocess.run([strip, "--strip-debug", *map(str, targets)], check=True)
    elif targets:
        print("note: no `strip` (binutils); CPython's debug info stays in the bundle")


def needed_system_libraries() -> set[str]:
    """Sonames the bundle's binaries link that the bundle does not carry."""
    carried = {p.name for p in BUNDLE.rglob("*.so*")}
    binaries = [p for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()]
    binaries = [p for p in binaries if re.search(r"\.so(\.|$)", p.name) or p.name == BUNDLE.name]
    needed: set[str] = set()
    for start in range(0, len(binaries), 64):
        out = subprocess.run(
            ["ldd", *map(str, binaries[start : start + 64])],
            capture_output=True,
            text=True,
            env={**os.environ, "LD_LIBRARY_PATH": str(BUNDLE / "_internal")},
        ).stdout
        for line in out.splitlines():
            if "=>" in line:
                name = line.split()[0]
                if name not in carried:
                    needed.add(name)
    return needed


def depends() -> list[str]:
    """The .deb's Depends: every system library the bundle needs, and the X session."""
    needed = needed_system_libraries()
    unknown = sorted(needed - SYSTEM_PACKAGES.keys())
    if unknown:
        sys.exit(f"the bundle needs {', '.join(unknown)}: add to SYSTEM_PACKAGES in {__file__}")
    return sorted({SYSTEM_PACKAGES[name] for name in needed}) + SESSION_PACKAGES


def version() -> str:
    text = (ROOT / "kiosk" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text)[1]


def build_deb() -> Path:
    """dist/exhibition-kiosk_<version>_<arch>.deb from the bundle and build/linux/."""
    arch = run("dpkg", "--print-architecture", capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="kiosk-deb-") as scratch:
        root = Path(scratch) / "root"
        shutil.copytree(BUNDLE, root / "opt" / NAME, symlinks=True)
        files = {
            f"{NAME}.service": f"lib/systemd/system/{NAME}.service",
            f"{NAME}-display.service": f"lib/systemd/system/{NAME}-display.service",
            "display": f"usr/lib/{NAME}/display",
            "xorg.conf": f"usr/share/{NAME}/xorg.conf",
            NAME: f"usr/bin/{NAME}",
            "copyright": f"usr/share/doc/{NAME}/copyright",
        }
        for source, target in files.items():
            (root / target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(LINUX / source, root / target)
        control = root / "DEBIAN"
        control.mkdir()
        installed_kb = size_on_disk(root) // 1024
        template = (LINUX / "control").read_text(encoding="utf-8")
        (control / "control").write_text(
            template.format(
                version=version(),
                arch=arch,
                depends=", ".join(depends()),
                installed_kb=installed_kb,
            ),
            encoding="utf-8",
        )
        for script in ("postinst", "prerm", "postrm"):
            shutil.copy2(LINUX / script, control / script)
        for path in root.rglob("*"):
            if path.is_symlink():
                continue
            executable = path.is_dir() or os.access(path, os.X_OK)
            path.chmod(0o755 if executable else 0o644)
        for script in ("postinst", "prerm", "postrm"):
            (control / script).chmod(0o755)
        for target in (f"usr/lib/{NAME}/display", f"usr/bin/{NAME}"):
            (root / target).chmod(0o755)
        deb = DIST / f"{NAME}_{version()}_{arch}.deb"
        for old in DIST.glob(f"{NAME}_*.deb"):
            old.unlink()
        run("dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", root, deb)
    return deb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-deb", action="store_true", help="only the PyInstaller bundle")
    args = parser.parse_args()
    freeze()
    if sys.platform.startswith("linux"):
        strip_python_debug_info()
    bundle_mb = size_on_disk(BUNDLE) / MB
    print(f"bundle: {BUNDLE} {bundle_mb:.1f} MB (budget {BUNDLE_BUDGET_MB} MB)")
    if bundle_mb > BUNDLE_BUDGET_MB:
        sys.exit(f"the bundle is {bundle_mb:.1f} MB, over its {BUNDLE_BUDGET_MB} MB budget")
    if args.no_deb or not sys.platform.startswith("linux"):
        return
    deb = build_deb()
    deb_mb = deb.stat().st_size / MB
    print(f"installer: {deb} {deb_mb:.1f} MB (budget {DEB_BUDGET_MB} MB)")
    if deb_mb > DEB_BUDGET_MB:
        sys.exit(f"the .deb is {deb_mb:.1f} MB, over its {DEB_BUDGET_MB} MB budget")


if __name__ == "__main__":
    main()
