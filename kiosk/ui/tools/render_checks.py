"""What ``--selftest`` proves beyond visiting the pages: an SVG renders, a pyqtgraph chart
draws, and Chinese text has real glyphs from the shipped fonts (not the .notdef box).

A frozen bundle that lost the SVG module or image plugin, pyqtgraph's Qt modules, or the fonts
still starts and visits every page: these checks make that fail.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QRawFont
from PySide6.QtSvg import QSvgRenderer

from kiosk.paths import resources_dir

# A sample of each Chinese script in the family the theme uses for it.
CJK_SAMPLES: dict[str, tuple[str, str]] = {
    "zh-Hans": ("Kiosk Sans SC", "深圳·人工智能之城，机器人与无人机"),
    "zh-Hant": ("Kiosk Sans TC", "深圳·人工智慧之城，機器人與無人機"),
}
CHART_COLOR = QColor(0, 200, 255)
IMAGE_FORMATS = ("svg", "jpeg", "png")


def ink(image: QImage, color: QColor | None = None) -> int:
    """Pixels that are not transparent (or, with ``color``, that are close to it)."""
    count = 0
    step = 2  # every other pixel in each direction is plenty to tell drawn from blank
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            if color is None:
                count += pixel.alpha() > 0
            else:
                count += (
                    abs(pixel.red() - color.red())
                    + abs(pixel.green() - color.green())
                    + abs(pixel.blue() - color.blue())
                    < 60
                )
    return count


def _blank(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


def check_svg(path: Path | None = None) -> tuple[dict, list[str]]:
    """Render an SVG with QtSvg, and read it through the image plugin (QImageReader)."""
    path = path or resources_dir() / "artwork" / "robot-fallback.svg"
    errors: list[str] = []
    image = _blank(128, 128)
    renderer = QSvgRenderer(str(path))
    if renderer.isValid():
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, 128, 128))
        painter.end()
    rendered = ink(image)
    if not rendered:
        errors.append(f"svg: {path} rendered nothing")
    plugin = QImageReader(str(path))
    plugin.setScaledSize(plugin.size().scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio))
    read = plugin.read()
    if read.isNull():
        errors.append(f"svg: the image plugin cannot read {path.name} ({plugin.errorString()})")
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in IMAGE_FORMATS if f not in formats]
    if missing:
        errors.append(f"image formats missing: {', '.join(missing)}")
    return {"svg_pixels": rendered, "svg_plugin": not read.isNull()}, errors


def check_jpeg() -> list[str]:
    """Encode and decode a small JPEG (the jpeg image plugin, used by photo content)."""
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 40, 40))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "JPEG")
    buffer.close()
    if not saved or QImage.fromData(data, "JPEG").isNull():
        return ["jpeg: the image plugin cannot write and read a JPEG"]
    return []


def check_chart() -> tuple[dict, list[str]]:
    """A pyqtgraph bar chart drawn into an image shows its bars' colour."""
    import pyqtgraph as pg

    plot = pg.PlotWidget(background=None)
    plot.resize(240, 160)
    bars = pg.BarGraphItem(x=[1, 2, 3], height=[3, 5, 4], width=0.6, brush=CHART_COLOR)
    plot.addItem(bars)
    plot.setXRange(0.5, 3.5, padding=0)
    plot.setYRange(0, 5, padding=0)
    image = plot.grab().toImage()
    plot.deleteLater()
    drawn = ink(image, CHART_COLOR)
    return {"chart_pixels": drawn}, ([] if drawn > 100 else ["chart: pyqtgraph drew no bars"])


def check_cjk(samples: dict[str, tuple[str, str]] | None = None) -> tuple[dict, list[str]]:
    """Each sample's characters map to real glyphs of its font, and drawing them leaves ink."""
    report: dict[str, dict] = {}
    errors: list[str] = []
    for lang, (family, text) in (samples or CJK_SAMPLES).items():
        font = QFont(family)
        font.setPixelSize(48)
        raw = QRawFont.fromFont(font)
        characters = [c for c in text if not c.isspace()]
        # by code point: PySide6 maps a str argument to the QChar overload, wrong for CJK
        notdef = [c for c in characters if not raw.supportsCharacter(ord(c))]
        notdef += [c for c in characters if not raw.glyphIndexesForString(c)[0]]  # .notdef is 0
        image = _blank(48 * len(text), 72)
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        drawn = ink(image)
        report[lang] = {"font": raw.familyName(), "glyphs": len(characters), "ink": drawn}
        if raw.familyName() != family:
            errors.append(f"cjk {lang}: font '{family}' is not loaded (got '{raw.familyName()}')")
        if notdef:
            missing = "".join(dict.fromkeys(notdef))
            errors.append(f"cjk {lang}: no glyph in '{family}' for {missing}")
        if drawn < 20 * len(characters):
            errors.append(f"cjk {lang}: the text drew almost nothing ({drawn} pixels)")
    return report, errors


def run_render_checks() -> tuple[dict, list[str]]:
    """All checks: a JSON-ready report and the failures (empty when everything held)."""
    svg, svg_errors = check_svg()
    chart, chart_errors = check_chart()
    cjk, cjk_errors = check_cjk()
    jpeg_errors = check_jpeg()
    report = {**svg, **chart, "jpeg": not jpeg_errors, "cjk": cjk}
    return report, svg_errors + chart_errors + cjk_errors + jpeg_errors
