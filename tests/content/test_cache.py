"""The compiled content cache: same model, no pandas, rebuilt whenever a file changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content import cache as content_cache
from kiosk.content import load_content, load_content_cached
from tests.helpers import REPO
from tests.helpers.content import set_cell


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(content_cache.CACHE_ENV, str(folder))
    return folder


def forbid_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    import kiosk.content.loader

    def fail(*_args: object) -> None:
        raise AssertionError("the content was read again instead of from the cache")

    monkeypatch.setattr(kiosk.content.loader, "load_content", fail)


def test_second_start_reads_the_same_model_from_the_cache(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_content_cached(content_dir)
    assert first == load_content(content_dir)
    forbid_full_load(monkeypatch)
    second = load_content_cached(content_dir)
    assert second == first
    assert second.charts["output_2024"].figures[0].number == first.figures["ai_output_2024"].number


def test_an_edited_file_is_read_again(content_dir: Path) -> None:
    load_content_cached(content_dir)
    set_cell(content_dir, "figures.csv", "ai_output_2024", "value", "4000")
    assert str(load_content_cached(content_dir).figures["ai_output_2024"].number.value) == "4000"


def test_a_new_or_deleted_file_is_read_again(content_dir: Path) -> None:
    load_content_cached(content_dir)
    (content_dir / "images" / "pages" / "figures.svg").unlink()
    content = load_content_cached(content_dir)
    assert any(p.file == "pages.csv" and "figures.svg" in p.message for p in content.errors)


def test_problems_are_kept_in_the_cache(content_dir: Path, monkeypatch) -> None:
    set_cell(content_dir, "figures.csv", "ai_output_2024", "value", "lots")
    problems = load_content_cached(content_dir).problems
    assert problems
    forbid_full_load(monkeypatch)
    assert load_content_cached(content_dir).problems == problems


def test_a_damaged_cache_file_means_a_full_load(content_dir: Path) -> None:
    expected = load_content_cached(content_dir)
    cached = content_cache.cache_file(content_dir)
    cached.write_bytes(cached.read_bytes()[:100])  # a power cut in the middle of a write
    assert load_content_cached(content_dir) == expected
    cached.write_bytes(b"not a pickle at all")
    assert load_content_cached(content_dir) == expected


def test_an_unwritable_cache_folder_only_costs_speed(
    content_dir: Path, private_cache: Path
) -> None:
    private_cache.write_text("a file where the folder should be")
    assert load_content_cached(content_dir) == load_content(content_dir)


def test_start_up_imports_neither_pandas_nor_pyqtgraph(content_dir: Path) -> None:
    """With the cache warm, building the first screen needs no pandas and no pyqtgraph."""
    load_content_cached(content_dir)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kiosk.app import application, build_window\n"
        "from kiosk.content import load_content_cached\n"
        "application()\n"
        f"window = build_window(load_content_cached(Path({str(content_dir)!r})), (1920, 1080))\n"
        "window.show()\n"
        "print(sorted(m for m in ('pandas', 'pyqtgraph', 'numpy') if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
