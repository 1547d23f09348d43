"""What `pip install .` puts in share/exhibition-kiosk: every shipped resource and content file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.helpers import REPO


def test_every_resource_and_content_file_is_installed() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    installed: set[Path] = set()
    for target, patterns in config["tool"]["setuptools"]["data-files"].items():
        assert target.startswith("share/exhibition-kiosk/")
        for pattern in patterns:
            for path in REPO.glob(pattern):
                assert target == f"share/exhibition-kiosk/{path.parent.relative_to(REPO)}", path
                installed.add(path)
    shipped = {
        p
        for folder in ("data", "resources")
        for p in (REPO / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert shipped - installed == set(), "add these folders to [tool.setuptools.data-files]"
