"""Boot the test image under QEMU and follow build/boot/guest-check.sh on the serial console:
take a screendump whenever it asks, check each shows the kiosk, print one JSON line of figures.

Standard library only (it runs with the build machine's python3). Exit 0 only when the guest
reported no failure and every screendump shows the kiosk.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

TIMEOUT_S = 20 * 60  # the whole boot and checks; TCG on two cores takes about 7.5 min
# The theme's ground (#070F24), its glow (#0E2250) and the accent (#38E1FF): a screen that is
# mostly deep navy with some cyan is the kiosk, not a black screen, a console or Xorg's root.
GROUND = (7, 15, 36)
ACCENT = (56, 225, 255)


def read_ppm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    match = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if match is None:
        raise ValueError(f"{path}: not a binary PPM")
    width, height = int(match[1]), int(match[2])
    return width, height, data[match.end() : match.end() + width * height * 3]


def write_png(path: Path, width: int, height: int, rgb: bytes) -> None:
    """A plain RGB PNG (no Pillow on the build machine)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    stride = width * 3
    raw = b"".join(b"\0" + rgb[y * stride : (y + 1) * stride] for y in range(height))
    png = b"\x89PNG\r\n\x1a\n" + chunk(
        b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    )
    png += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    path.write_bytes(png)


def looks_like_the_kiosk(width: int, height: int, rgb: bytes) -> dict:
    """Share of navy-ground pixels, of accent pixels and of bright (text) pixels, sampled."""
    navy = accent = bright = total = 0
    for y in range(0, height, 4):
        row = y * width * 3
        for x in range(0, width, 4):
            r, g, b = rgb[row + x * 3 : row + x * 3 + 3]
            total += 1
            if b >= 24 and b > r + 12 and b > g + 8 and r + g + b < 330:
                navy += 1
            if abs(r - ACCENT[0]) < 60 and abs(g - ACCENT[1]) < 60 and abs(b - ACCENT[2]) < 60:
                accent += 1
            if r + g + b > 600:
                bright += 1
    figures = {
        "size": f"{width}x{height}",
        "navy": round(navy / total, 3),
        "accent": round(accent / total, 4),
        "bright": round(bright / total, 4),
    }
    figures["kiosk"] = (
        figures["navy"] > 0.4 and figures["accent"] > 0.0005 and figures["bright"] > 0.001
    )
    return figures


class Monitor:
    """QEMU's human monitor on a Unix socket."""

    def __init__(self, path: Path) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(str(path))
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self.sock.settimeout(10)
        self._read_until_prompt()

    def _read_until_prompt(self) -> str:
        data = b""
        while not data.endswith(b"(qemu) "):
            data += self.sock.recv(4096)
        return data.decode(errors="replace")

    def command(self, line: str) -> str:
        self.sock.sendall(line.encode() + b"\n")
        return self._read_until_prompt()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", type=Path, required=True)
    parser.add_argument("--initrd", type=Path, required=True)
    parser.add_argument("--disk", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--offline", type=Path, required=True)
    parser.add_argument("--figure", action="append", default=[], help="key=value to report")
    parser.add_argument("--size", default="1920x1080", help="the emulated screen")
    args = parser.parse_args()
    out: Path = args.out
    console, serial = out / "console.log", out / "checks.log"  # ttyS0, ttyS1 in the guest
    monitor_path = out / "monitor.sock"
    serial.unlink(missing_ok=True)
    width, height = args.size.split("x")
    command = [
        "qemu-system-x86_64",
        *("-machine", "q35", "-accel", "tcg,thread=multi", "-cpu", "max"),
        *("-smp", str(min(os.cpu_count() or 1, 4)), "-m", "2048"),
        *("-kernel", str(args.kernel), "-initrd", str(args.initrd)),
        *("-append", "root=/dev/vda rw console=ttyS0 quiet systemd.show_status=1"),
        *("-drive", f"file={args.disk},format=raw,if=virtio"),
        *("-vga", "none", "-device", f"VGA,edid=on,xres={width},yres={height}"),
        *("-display", "none", "-nic", "none", "-no-reboot"),
        *("-serial", f"file:{console}", "-serial", f"file:{serial}"),
        *("-monitor", f"unix:{monitor_path},server,nowait"),
    ]
    started = time.monotonic()
    qemu = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    monitor = Monitor(monitor_path)
    figures: dict = {"offline_file_mb": round(args.offline.stat().st_size / 2**20, 1)}
    for pair in args.figure:
        key, value = pair.split("=", 1)
        figures[key] = float(value) if re.fullmatch(r"[\d.]+", value) else value
    shots: dict[str, dict] = {}
    failures: list[str] = []
    seen = 0
    result = None
    while result is None:
        if qemu.poll() is not None:
            failures.append(f"QEMU ended before the checks did (status {qemu.returncode})")
            break
        if time.monotonic() - started > TIMEOUT_S:
            failures.append(f"no result within {TIMEOUT_S} s")
            break
        text = serial.read_text(errors="replace") if serial.exists() else ""
        lines = text.splitlines(keepends=True)
        complete = [line for line in lines if line.endswith("\n")]
        for line in complete[seen:]:
            line = line.strip()
            if not line.startswith("BOOTCHECK "):
                continue
            print(f"[{time.monotonic() - started:6.0f} s] {line}", file=sys.stderr, flush=True)
            body = line[len("BOOTCHECK ") :]
            if body.startswith("SHOT "):
                name = body[5:].strip()
                ppm = out / f"{name}.ppm"
                monitor.command(f"screendump {ppm}")
                w, h, rgb = read_ppm(ppm)
                write_png(out / f"{name}.png", w, h, rgb)
                ppm.unlink()
                shots[name] = looks_like_the_kiosk(w, h, rgb)
                if not shots[name]["kiosk"]:
                    failures.append(f"screendump {name} does not show the kiosk: {shots[name]}")
                if name == "home":
                    figures["host_boot_to_home_s"] = round(time.monotonic() - started, 1)
            elif body.startswith("FAIL "):
                failures.append(body[5:])
            elif body.startswith("RESULT "):
                result = json.loads(body[7:])
            elif "=" in body:
                key, value = body.split("=", 1)
                figures[key] = float(value) if re.fullmatch(r"[\d.]+", value) else value
        seen = len(complete)
        time.sleep(0.3)
    try:
        qemu.wait(timeout=120)
    except subprocess.TimeoutExpired:
        qemu.kill()
    figures["qemu_s"] = round(time.monotonic() - started, 1)
    figures["screens"] = shots
    figures["failures"] = failures
    figures["ok"] = not failures and result is not None and result.get("fails") == 0
    if not figures["ok"]:  # what the guest said, for the CI log
        for log in (console, serial):
            if log.exists():
                tail = log.read_text(errors="replace").splitlines()[-60:]
                print(f"--- last lines of {log.name}", *tail, sep="\n", file=sys.stderr)
    print(json.dumps(figures, ensure_ascii=False))
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
