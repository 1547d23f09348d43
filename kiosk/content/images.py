"""Checks on curators' images without decoding them: path, format, pixel size (pure Python)."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

MAX_PIXELS_PER_SIDE = 4096
MAX_FILE_BYTES = 20 * 1024 * 1024
# What an SVG may cost to draw: its elements once <use> references are expanded (a 2 KB file of
# nested <use> can stand for 10^8 shapes and hang the renderer). Our artwork needs ~2,000.
MAX_SVG_ELEMENTS = 50_000
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
RASTER_SUFFIXES = {".png", ".jpg", ".jpeg"}
SUFFIXES = {".svg", *RASTER_SUFFIXES}


def resolve_inside(folder: Path, relative: str) -> Path:
    """The absolute path of ``relative`` inside ``folder``; ValueError if it leaves the folder."""
    candidate = Path(relative.replace("\\", "/"))
    if candidate.is_absolute() or candidate.drive:
        raise ValueError(f'"{relative}" must be a path inside the content folder, not absolute')
    root = folder.resolve()
    try:
        path = (root / candidate).resolve()
    except (RuntimeError, OSError) as exc:  # a link that loops back on itself
        raise ValueError(f'"{relative}" is a link that leads nowhere') from exc
    if not path.is_relative_to(root):
        raise ValueError(f'"{relative}" points outside the content folder')
    return path


def raster_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG or JPEG header; ValueError if the header is not readable."""
    with path.open("rb") as handle:
        head = handle.read(26)
        if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
            width, height = struct.unpack(">II", head[16:24])
            return int(width), int(height)
        if head.startswith(b"\xff\xd8"):
            handle.seek(2)
            while True:
                marker = handle.read(2)
                if len(marker) < 2 or marker[0] != 0xFF:
                    break
                if marker[1] in (0xD8, 0x01) or 0xD0 <= marker[1] <= 0xD7:
                    continue
                (length,) = struct.unpack(">H", handle.read(2))
                if marker[1] in {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB}:
                    height, width = struct.unpack(">xHH", handle.read(5))
                    return int(width), int(height)
                handle.seek(length - 2, 1)
    raise ValueError("is not a readable PNG or JPEG image")


def svg_cost(root: ET.Element, limit: int = MAX_SVG_ELEMENTS) -> int | None:
    """The number of elements ``root`` draws with every ``<use>`` expanded, counted up to just
    past ``limit``; None when a ``<use>`` refers to itself through its own references (a loop)."""
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    memo: dict[int, int] = {}
    active: set[int] = set()

    def cost(element: ET.Element) -> int | None:
        key = id(element)
        if key in memo:
            return memo[key]
        if key in active:
            return None
        active.add(key)
        total = 1
        href = element.get("href") or element.get(XLINK_HREF) or ""
        if element.tag.rsplit("}", 1)[-1] == "use" and href.startswith("#"):
            target = ids.get(href[1:])
            if target is not None:
                inner = cost(target)
                if inner is None:
                    return None
                total += inner
        for child in element:
            inner = cost(child)
            if inner is None:
                return None
            total = min(total + inner, limit + 1)
        active.discard(key)
        memo[key] = min(total, limit + 1)
        return memo[key]

    return cost(root)


def check_image(folder: Path, relative: str) -> tuple[Path | None, str | None]:
    """Resolve and check an image; return (path, None) or (None, why it cannot be shown)."""
    try:
        path = resolve_inside(folder, relative)
    except ValueError as exc:
        return None, str(exc)
    if path.suffix.lower() not in SUFFIXES:
        return None, f'"{relative}": use SVG, PNG or JPEG'
    if path.is_dir():
        return None, f'image "{relative}" is a folder, not a file'
    if not path.is_file():
        return None, f'image "{relative}" is missing'
    if path.stat().st_size > MAX_FILE_BYTES:
        return None, f'image "{relative}" is larger than {MAX_FILE_BYTES // 2**20} MB'
    try:
        if path.suffix.lower() == ".svg":
            root = ET.parse(path).getroot()
            if not root.tag.endswith("svg"):
                return None, f'"{relative}" is not an SVG image'
            drawn = svg_cost(root)
            if drawn is None:
                return None, f'"{relative}": an SVG <use> refers back to itself (a loop)'
            if drawn > MAX_SVG_ELEMENTS:
                return None, (
                    f'"{relative}" draws more than {MAX_SVG_ELEMENTS:,} SVG elements once its '
                    "<use> references are expanded; simplify it"
                )
        else:
            width, height = raster_size(path)
            if max(width, height) > MAX_PIXELS_PER_SIDE:
                return None, (
                    f'image "{relative}" is {width}x{height} pixels; the limit is '
                    f"{MAX_PIXELS_PER_SIDE}x{MAX_PIXELS_PER_SIDE}"
                )
    except ET.ParseError as exc:
        return None, f'"{relative}" is not a valid SVG file ({exc})'
    except OSError as exc:
        return None, f'image "{relative}" cannot be read: {exc.strerror or exc}'
    except struct.error:  # a header cut short
        return None, f'"{relative}" is not a readable PNG or JPEG image'
    except ValueError as exc:
        return None, f'"{relative}" {exc}'
    return path, None
