"""Build the CJK fonts shipped in ``resources/fonts/`` (a developer tool, not run on terminals).

Noto Sans CJK is about 20 MB a weight; the bundle budget leaves room for a few MB of fonts.
We keep the Simplified (SC) and Traditional (TC) faces of the Regular and Bold weights and
subset them to every character of GB2312, Big5 and the common Latin and punctuation blocks,
plus every character in the bundled ``data/``.  ``kiosk --validate`` warns when content uses a
character outside the shipped fonts, and a test keeps the bundled content covered.

The subsets are renamed "Kiosk Sans SC" and "Kiosk Sans TC" (a modified font may not pass for
the original, and a family name of its own keeps Qt from choosing the full Noto Sans CJK files of
a system that has them: on such a system, Ubuntu's desktop for one, those 20 MB collections were
mapped and mapped again as Qt's font cache expired, tens of MB of RSS).

Usage (needs fontTools and the Debian package ``fonts-noto-cjk`` unpacked somewhere)::

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb noto
    python build/make_fonts.py noto/usr/share/fonts/opentype/noto
    python build/make_fonts.py --coverage-only   # after editing the fonts by hand
    python build/make_fonts.py --rename-only     # rename the shipped subsets in place
    python build/make_fonts.py --latin-only      # only the Latin and quotes faces, from SC

The SC and TC faces draw the middle dot, the curly quotes and the apostrophe full-width, as
Chinese type does ("Hangzhou · Digital" got a dot as wide as a character). English text is set
in "Kiosk Sans Latin": the SC face's Latin and punctuation, with the proportional forms the
font holds for those characters (its Japanese 'locl' forms) in place of the full-width ones.
Chinese text takes its curly quotes from "Kiosk Sans Quotes" (those four glyphs alone, made the
same way), so nested quotes and a quote before a comma leave no hole.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"
FACES = {"SC": 2, "TC": 3}  # face index inside NotoSansCJK-*.ttc
WEIGHTS = ("Regular", "Bold")
RANGES = [
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x17F),  # Latin-1, Latin Extended-A
    (0x2000, 0x206F),  # general punctuation
    (0x20A0, 0x20BF),  # currency
    (0x2100, 0x21FF),  # letterlike, number forms, arrows
    (0x2460, 0x24FF),  # enclosed numbers
    (0x25A0, 0x25FF),  # geometric shapes
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half- and full-width forms
]


def _legacy_charset(encoding: str, lead: range, trail: range) -> set[str]:
    """Every character a double-byte legacy encoding can write."""
    chars: set[str] = set()
    for hi in lead:
        for lo in trail:
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((hi, lo)).decode(encoding))
    return chars


def charset(region: str) -> str:
    """Characters to keep in a face: its legacy charset, Latin, punctuation and the content.

    SC keeps all of GB2312 (6,763 hanzi); TC keeps Big5's frequently used hanzi (5,401, lead
    bytes A4-C6).  The app lists both faces as families, so Qt falls back from one to the other
    for a character only the other has.
    """
    chars = {chr(c) for lo, hi in RANGES for c in range(lo, hi + 1)}
    if region == "SC":
        chars |= _legacy_charset("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    else:
        trail = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
        chars |= _legacy_charset("big5", range(0xA1, 0xC7), trail)
    for path in (ROOT / "data").rglob("*"):
        if path.suffix in {".csv", ".toml"}:
            chars |= set(path.read_text(encoding="utf-8-sig"))
    return "".join(sorted(c for c in chars if c.isprintable()))


FAMILY = "Kiosk Sans {region}"
NAME_IDS = (1, 3, 4, 6, 16, 17, 18, 21)  # family, unique id, full name, PostScript, typographic


def rename(font: TTFont, region: str) -> None:
    """Give a subset face its own family name (see the module docstring), in the name table
    and in its CFF table."""
    family = FAMILY.format(region=region)
    postscript = family.replace(" ", "")
    for old, new in (
        (f"Noto Sans CJK {region}", family),
        (f"NotoSansCJK{region.lower()}", postscript),
        ("Noto Sans CJK JP", family),
        ("NotoSansCJKjp", postscript),
    ):
        for record in font["name"].names:
            if record.nameID in NAME_IDS:
                text = record.toUnicode()
                if old in text:
                    record.string = text.replace(old, new)
    if "CFF " in font:
        cff = font["CFF "].cff
        weight = "Bold" if "Bold" in cff.fontNames[0] else "Regular"
        cff.fontNames = [f"{postscript}-{weight}"]
        top = cff.topDictIndex[0]
        top.FamilyName = family
        top.FullName = f"{family} {weight}" if weight != "Regular" else family


def rename_shipped() -> None:
    for path in sorted(OUT.glob("*.otf")):
        if "Latin" in path.name or "Quotes" in path.name:
            continue  # made from the SC faces by write_latin
        region = "SC" if "sc-" in path.name else "TC"
        font = TTFont(str(path))
        rename(font, region)
        target = OUT / path.name.replace(f"NotoSansCJK{region.lower()}", f"KioskSans{region}")
        font.save(str(target))
        if target != path:
            path.unlink()
        print(f"{target.relative_to(ROOT)}: {FAMILY.format(region=region)}")


LATIN_FAMILY = "Kiosk Sans Latin"
LATIN_RANGES = [
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x17F),  # Latin-1, Latin Extended-A
    (0x2000, 0x206F),  # general punctuation
    (0x20A0, 0x20BF),  # currency
    (0x2100, 0x214F),  # letterlike
    (0x2190, 0x21FF),  # arrows
    (0x2212, 0x2212),  # minus
    (0x2260, 0x2265),  # not equal, less and greater or equal
]


def _proportional_forms(font: TTFont) -> dict[str, str]:
    """Glyph -> its proportional form: the 'locl' substitutions of the font's Japanese
    language system, which draw Western punctuation at its own width."""
    gsub = font["GSUB"].table
    records = gsub.FeatureList.FeatureRecord
    forms: dict[str, str] = {}
    for script in gsub.ScriptList.ScriptRecord:
        for system in script.Script.LangSysRecord:
            if system.LangSysTag != "JAN ":
                continue
            for index in system.LangSys.FeatureIndex:
                if records[index].FeatureTag != "locl":
                    continue
                for lookup_index in records[index].Feature.LookupListIndex:
                    for table in gsub.LookupList.Lookup[lookup_index].SubTable:
                        table = getattr(table, "ExtSubTable", None) or table
                        forms.update(getattr(table, "mapping", None) or {})
    return forms


QUOTES_FAMILY = "Kiosk Sans Quotes"
QUOTES = "‘’“”"


def write_latin() -> None:
    """Write the Latin faces from the shipped SC faces (see the module docstring), and the
    quotes faces: only the curly quotes, at their own width. Chinese text is set with the
    quotes face first, so “ ‘ ’ ” sit tight against their words; the SC and TC faces draw them
    full-width, which left wide holes between a closing quote and the next mark ("’ ‘", "’，")."""
    latin = {p for lo, hi in LATIN_RANGES for p in range(lo, hi + 1)}
    _write_proportional(LATIN_FAMILY, latin, ["kern", "liga", "ccmp", "palt"])
    _write_proportional(QUOTES_FAMILY, {ord(c) for c in QUOTES}, [])


def _write_proportional(family: str, points: set[int], features: list[str]) -> None:
    """A face of ``family`` with only ``points``, in their proportional forms, from each SC face."""
    for weight in WEIGHTS:
        font = TTFont(str(OUT / f"KioskSansSC-{weight}.subset.otf"))
        forms = _proportional_forms(font)
        for table in font["cmap"].tables:
            for point, glyph in list(table.cmap.items()):
                if point in points and glyph in forms:
                    table.cmap[point] = forms[glyph]
        options = subset.Options()
        options.layout_features = features
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=points)
        subsetter.subset(font)
        for record in font["name"].names:
            if record.nameID in NAME_IDS:
                text = record.toUnicode()
                record.string = text.replace("Kiosk Sans SC", family).replace(
                    "KioskSansSC", family.replace(" ", "")
                )
        cff = font["CFF "].cff
        postscript = family.replace(" ", "")
        cff.fontNames = [f"{postscript}-{weight}"]
        top = cff.topDictIndex[0]
        top.FamilyName = family
        top.FullName = f"{family} {weight}" if weight != "Regular" else family
        target = OUT / f"{postscript}-{weight}.subset.otf"
        font.save(str(target))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1e3:.0f} kB")


def write_coverage() -> None:
    """Write ``coverage.txt``: the code-point ranges the shipped faces cover together.

    ``kiosk --validate`` reads it (no font library needed at run time) to warn about characters
    that would show as empty boxes.
    """
    points: set[int] = set()
    for path in sorted(OUT.glob("*.otf")):
        points |= set(TTFont(str(path))["cmap"].getBestCmap())
    ranges: list[list[int]] = []
    for point in sorted(points):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    lines = [f"{lo:04X}-{hi:04X}" if lo != hi else f"{lo:04X}" for lo, hi in ranges]
    header = "# Code points covered by resources/fonts/*.otf (written by build/make_fonts.py)\n"
    (OUT / "coverage.txt").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def main(src_dir: str) -> None:
    """Write the subset faces into resources/fonts."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    OUT.mkdir(parents=True, exist_ok=True)
    for weight in WEIGHTS:
        collection = TTCollection(str(Path(src_dir) / f"NotoSansCJK-{weight}.ttc"))
        for region, index in FACES.items():
            font = collection.fonts[index]
            subsetter = subset.Subsetter(options)
            subsetter.populate(text=charset(region))
            subsetter.subset(font)
            rename(font, region)
            target = OUT / f"KioskSans{region}-{weight}.subset.otf"
            font.save(str(target))
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1e6:.1f} MB")
    write_latin()
    write_coverage()


if __name__ == "__main__":
    if sys.argv[1:] == ["--coverage-only"]:
        write_coverage()
    elif sys.argv[1:] == ["--rename-only"]:
        rename_shipped()
    elif sys.argv[1:] == ["--latin-only"]:
        write_latin()
    else:
        main(sys.argv[1])
