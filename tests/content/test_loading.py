"""The bundled content loads cleanly, and a missing file costs only what it holds."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from kiosk.content import Content, Severity, load_content
from kiosk.content.schema import REQUIRED_STRINGS
from kiosk.i18n import LANGUAGES
from tests.helpers import EXHIBIT, REPO
from tests.helpers.content import describe, load, one


def test_bundled_content_loads_without_errors() -> None:
    content = load_content(EXHIBIT)

    assert content.errors == (), "problems in the bundled content:\n" + describe(content.problems)


def test_bundled_content_holds_every_table() -> None:
    content = load_content(EXHIBIT)

    assert set(REQUIRED_STRINGS) <= set(content.strings)
    assert content.figures and content.sources and content.units and content.pages
    for text in content.strings.values():
        assert all(text.get(lang) for lang in LANGUAGES)


def test_bundled_settings_match_config_toml() -> None:
    config = tomllib.loads((EXHIBIT / "config.toml").read_text(encoding="utf-8"))
    settings = load_content(EXHIBIT).settings

    assert settings.version == config["exhibition"]["version"]
    assert settings.default_language == config["exhibition"]["default_language"]
    assert settings.page_order == tuple(config["pages"]["order"])
    assert settings.page_order[0] == "home"
    assert settings.autoplay_after == float(config["timing"]["autoplay_after"])
    assert settings.reset_after == float(config["timing"]["reset_after"])


def test_every_configured_page_exists_in_order() -> None:
    content = load_content(EXHIBIT)

    missing = [pid for pid in content.settings.page_order if pid not in content.pages]
    assert missing == []
    assert [p.id for p in content.ordered_pages()] == list(content.settings.page_order)
    for page in content.ordered_pages():
        assert page.icon is not None and page.icon.is_file(), page.id
        assert all(page.title.get(lang) for lang in LANGUAGES)


def test_every_figure_unit_and_source_resolve() -> None:
    content = load_content(EXHIBIT)

    for figure in content.figures.values():
        assert content.units[figure.unit.id] is figure.unit, figure.id
        assert content.sources[figure.source.id] is figure.source, figure.id
        for lang in LANGUAGES:
            text = content.format_figure(figure, lang)
            assert "{" not in text and "qualifier." not in text, (figure.id, lang, text)


def test_missing_figures_file_is_an_error_and_the_rest_loads(content_dir) -> None:
    (content_dir / "figures.csv").unlink()
    bundled = load_content(EXHIBIT)

    content = load(content_dir)

    problem = one(content, "figures.csv", "missing")
    assert problem.location() == "figures.csv:-:-"
    assert problem.severity is Severity.ERROR
    assert content.errors == (problem,), describe(content.problems)
    assert content.figures == {}
    assert _pages(content) == _pages(bundled)
    assert content.strings == bundled.strings
    assert content.units == bundled.units
    assert content.sources == bundled.sources
    assert content.settings == bundled.settings


def _pages(content: Content) -> dict[str, tuple[object, ...]]:
    """Pages with their images relative to the content folder, comparable across copies."""
    root = content.folder.resolve()
    return {
        pid: (
            page.title,
            page.caption,
            page.icon and page.icon.relative_to(root),
            page.backdrop and page.backdrop.relative_to(root),
        )
        for pid, page in content.pages.items()
    }


def test_missing_config_uses_default_settings(content_dir) -> None:
    (content_dir / "config.toml").unlink()

    content = load(content_dir)

    problem = one(content, "config.toml", "missing")
    assert (problem.row, problem.column) == (None, None)
    assert content.settings.page_order == ("home",)
    assert content.settings.default_language == "zh-Hans"
    assert len(content.figures) == len(load_content(EXHIBIT).figures)


def test_content_package_never_imports_qt() -> None:
    code = (
        "import kiosk.content, kiosk.i18n, sys; "
        "assert not any(m.startswith(('PySide6','shiboken6','pyqtgraph')) for m in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
