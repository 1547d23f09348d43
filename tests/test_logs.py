"""The log: per-user folder, rotating and bounded, recent lines kept for the admin panel."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.logs import BACKUPS, FILE_BYTES, setup_logging


def test_the_log_rotates_and_stays_bounded(tmp_path: Path) -> None:
    recent = setup_logging(tmp_path / "logs", console=False)
    log = logging.getLogger("kiosk.test")
    line = "x" * 200
    for _ in range(40_000):  # about 8 MB of lines
        log.info(line)
    files = sorted((tmp_path / "logs").iterdir())
    assert len(files) == 1 + BACKUPS
    total = sum(f.stat().st_size for f in files)
    assert total <= (1 + BACKUPS) * FILE_BYTES
    first = (tmp_path / "logs" / "kiosk.log").read_text().splitlines()[0]
    assert first[:4].isdigit() and " INFO kiosk.test: x" in first  # timestamped
    assert recent.last(1)[0].endswith(line)
    setup_logging(None, console=False)


def test_a_folder_that_cannot_be_written_costs_only_the_file(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    recent = setup_logging(blocker / "logs", console=True)
    logging.getLogger("kiosk.test").info("still logging")
    assert "cannot write the log" in capsys.readouterr().err
    assert any("still logging" in line for line in recent.last(5))
    setup_logging(None, console=False)


def test_setting_up_twice_does_not_double_the_lines(tmp_path: Path) -> None:
    setup_logging(tmp_path, console=False)
    recent = setup_logging(tmp_path, console=False)
    logging.getLogger("kiosk.test").info("once")
    assert (tmp_path / "kiosk.log").read_text().count("once") == 1
    assert [line for line in recent.last(5) if "once" in line] == [recent.last(1)[0]]
    setup_logging(None, console=False)


def test_a_killed_writer_s_temporary_files_are_cleaned_at_the_next_start(tmp_path: Path) -> None:
    import os
    import time

    from kiosk.atomic import clean_leftovers, write_atomic

    old = tmp_path / ".runs.json.k3j_x9q2"  # what tempfile.mkstemp names them
    old.write_text("half")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / ".heartbeat.ab12cd34"  # a writer may be busy with it right now
    fresh.write_text("busy")
    mine = [tmp_path / ".hidden", tmp_path / "runs.json", tmp_path / ".config.toml.bak"]
    for path in mine:
        path.write_text("keep")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    write_atomic(tmp_path / "heartbeat", b"1\n")
    assert clean_leftovers(tmp_path) == 1
    assert not old.exists() and fresh.exists() and all(p.exists() for p in mine)
