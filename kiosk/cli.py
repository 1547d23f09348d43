"""The command line: parse options, then validate, or start the app (imported lazily)."""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import NoReturn

from kiosk import __version__
from kiosk.i18n import LANGUAGES
from kiosk.winsupport import prepare_process

STARTED = time.perf_counter()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line and exit 2, never a usage dump or a traceback."""
        self.exit(2, f"kiosk: error: {message} (see kiosk --help)\n")


def _size(text: str) -> tuple[int, int]:
    found = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not found:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080")
    width, height = int(found[1]), int(found[2])
    if not (320 <= width <= 16384 and 320 <= height <= 16384):
        raise argparse.ArgumentTypeError(f"'{text}' is outside 320x320 .. 16384x16384")
    return width, height


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds above 0")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kiosk", description="AI City Kiosk: Shenzhen, City of AI.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--content", type=Path, metavar="DIR", help="content folder")
    parser.add_argument("--lang", choices=LANGUAGES, help="starting language")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--windowed", action="store_true", help="run in a normal window")
    mode.add_argument("--fullscreen", action="store_true", help="run fullscreen (default)")
    parser.add_argument("--size", type=_size, metavar="WxH", help="window or render size")
    parser.add_argument("--autoplay", action="store_true", help="start in the attract loop")
    parser.add_argument("--autoplay-after", type=_seconds, metavar="S")
    parser.add_argument("--reset-after", type=_seconds, metavar="S")
    actions = parser.add_mutually_exclusive_group()
    actions.add_argument("--validate", action="store_true", help="check the content and exit")
    actions.add_argument("--screenshot", type=Path, metavar="DIR", help="render every page, exit")
    actions.add_argument("--selftest", action="store_true", help="visit every page, print JSON")
    return parser


def validate(folder: Path) -> int:
    """Print every problem as ``file:row:column: message``; 0 when there is no error."""
    from kiosk.content import load_content
    from kiosk.paths import missing_glyphs

    content = load_content(folder, missing_glyphs)
    for problem in content.problems:
        print(problem.format(str(folder)))
    errors = len(content.errors)
    warnings = len(content.problems) - errors
    print(f"{folder}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    prepare_process()  # Windows: no crash or error dialogs over the kiosk
    from kiosk.paths import bundled_content_dir, content_folder_problem

    folder = args.content or bundled_content_dir()
    if problem := content_folder_problem(folder):
        print(f"kiosk: error: {problem}", file=sys.stderr)
        return 2
    args.content = folder
    if args.validate:
        return validate(folder)
    from kiosk.app import run

    return run(args, STARTED)
