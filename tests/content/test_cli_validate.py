"""``kiosk --validate``: one line per problem, exit status for scripts, one-line usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from tests.helpers import BUNDLED
from tests.helpers.content import set_cell


def test_validate_bundled_content_returns_0(capsys) -> None:
    status = main(["--validate", "--content", str(BUNDLED)])

    out, err = capsys.readouterr()
    assert status == 0, out
    assert out == ""
    assert err.strip() == f"{BUNDLED}: 0 error(s), 0 warning(s)"


def test_validate_default_content_is_the_bundled_one(capsys) -> None:
    assert main(["--validate"]) == 0
    assert "0 error(s)" in capsys.readouterr().err


def test_validate_broken_content_returns_1_with_file_row_column(content_dir: Path, capsys):
    row = set_cell(content_dir, "figures.csv", "robot_listed_2024", "value", "3,68x")
    set_cell(content_dir, "figures.csv", "robot_unicorns_2024", "label_en", "<b>Robot</b>")

    status = main(["--validate", "--content", str(content_dir)])

    out, err = capsys.readouterr()
    assert status == 1
    lines = out.splitlines()
    assert f'{content_dir}/figures.csv:{row}:B: "3,68x" is not a number' in lines
    assert len(lines) == 2, out
    warning = next(line for line in lines if "HTML" in line)
    assert warning.startswith(f"{content_dir}/figures.csv:")
    assert ":J: warning: " in warning
    assert "1 error(s), 1 warning(s)" in err


def test_validate_whole_file_problem_uses_dashes(content_dir: Path, capsys) -> None:
    (content_dir / "figures.csv").unlink()

    assert main(["--validate", "--content", str(content_dir)]) == 1

    assert capsys.readouterr().out == f"{content_dir}/figures.csv:-:-: file is missing\n"


def test_validate_warnings_alone_return_0(content_dir: Path, capsys) -> None:
    row = set_cell(content_dir, "pages.csv", "robots", "title_en", "<i>Robots</i>")

    status = main(["--validate", "--content", str(content_dir)])

    out, err = capsys.readouterr()
    assert status == 0
    assert out.startswith(f"{content_dir}/pages.csv:{row}:F: warning: ")
    assert len(out.splitlines()) == 1
    assert "0 error(s), 1 warning(s)" in err


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--bogus"], "--bogus"),
        (["--lang", "fr", "--validate"], "'fr'"),
        (["--size", "12x", "--validate"], "'12x'"),
        (["--size", "100x100", "--validate"], "'100x100'"),
        (["--reset-after", "-5", "--validate"], "'-5'"),
        (["--validate", "--selftest"], "not allowed"),
    ],
)
def test_usage_error_exits_2_with_one_line(argv: list[str], fragment: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)

    out, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("kiosk: error: ")
    assert fragment in err
    assert "Traceback" not in err and "usage:" not in err


def test_content_folder_that_does_not_exist_returns_2(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "does" / "not" / "exist"

    assert main(["--validate", "--content", str(missing)]) == 2

    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == f"kiosk: error: content folder '{missing}' does not exist"


def test_version_exits_0(capsys) -> None:
    from kiosk import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith(f"kiosk {__version__}, content ")
