"""Register the CJK fonts shipped in ``resources/fonts`` (terminals often have none)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from kiosk.paths import fonts_dir

log = logging.getLogger(__name__)


def register_fonts() -> list[str]:
    """Load every shipped font into Qt; return the families they provide."""
    families: set[str] = set()
    for path in sorted(fonts_dir().glob("*.otf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("cannot load font %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)
