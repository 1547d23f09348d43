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
    actions.add_argument(
        "--set-pin", action="store_true", help="set the admin panel's PIN (asks for it), exit"
    )
    return parser


def validate(folder: Path) -> int:
    """Print every problem as ``file:row:column: message``; 0 when there is no error.

    Besides the content, the admin PIN's hash is checked: a malformed one is an error; none at
    all is a warning (the admin panel then stays shut until ``--set-pin``).
    """
    from kiosk.content import load_content
    from kiosk.content.errors import Problem, Severity
    from kiosk.paths import bundled_content_dir, missing_glyphs, user_config_dir
    from kiosk.runtime.pin import PIN_FILE, read_pin_hash

    content = load_content(folder, missing_glyphs, fallback=bundled_content_dir())
    problems = list(content.problems)
    pin_path = user_config_dir() / PIN_FILE
    _, pin_problem = read_pin_hash(pin_path)
    if pin_problem:
        severity = Severity.ERROR if pin_path.exists() else Severity.WARNING
        problems.append(Problem(str(pin_path), None, None, pin_problem.split(": ", 1)[1], severity))
    for problem in problems:
        print(problem.format(str(folder)) if problem in content.problems else problem.format())
    errors = sum(problem.is_error for problem in problems)
    print(f"{folder}: {errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def set_pin() -> int:
    """Ask for a new admin PIN twice (or read one line from a pipe) and store its hash."""
    import getpass

    from kiosk.paths import user_config_dir
    from kiosk.runtime.pin import PIN_FILE, check_new_pin, hash_pin, write_pin_hash

    if sys.stdin.isatty():
        pin = getpass.getpass("New admin PIN (4-12 digits): ").strip()
        if getpass.getpass("The same PIN again: ").strip() != pin:
            print("kiosk: error: the two PINs differ; nothing was changed", file=sys.stderr)
            return 2
    else:
        pin = sys.stdin.readline().strip()
    problem = check_new_pin(pin)
    if problem:
        print(f"kiosk: error: {problem}; nothing was changed", file=sys.stderr)
        return 2
    path = user_config_dir() / PIN_FILE
    try:
        write_pin_hash(path, hash_pin(pin))
    except OSError as exc:
        print(f"kiosk: error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"kiosk: the admin PIN is stored as a salted scrypt hash in {path}")
    return 0


def _display_problem(args: argparse.Namespace) -> str | None:
    """Why Qt could not open its screen, asked before Qt aborts with a core dump over it.

    The tools render offscreen unless ``QT_QPA_PLATFORM`` asks for another platform."""
    import os

    from kiosk import display

    if args.screenshot or args.selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", display.TOOL_PLATFORM)
    return display.display_problem()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    prepare_process()  # Windows: no crash or error dialogs over the kiosk
    if args.set_pin:
        return set_pin()
    from kiosk.paths import bundled_content_dir, content_folder_problem

    folder = args.content or bundled_content_dir()
    if problem := content_folder_problem(folder):
        print(f"kiosk: error: {problem}", file=sys.stderr)
        return 2
    args.content = folder
    if args.validate:
        return validate(folder)
    if problem := _display_problem(args):
        print(f"kiosk: error: {problem}", file=sys.stderr)
        return 2
    from kiosk.app import run

    return run(args, STARTED)
