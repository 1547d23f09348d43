"""The command line: parse options, then validate, or start the app (imported lazily)."""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import NoReturn

from kiosk import PRODUCT, __version__
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


HELP = f"""\
{PRODUCT}: an offline touch-screen exhibition app. The exhibition is its content
folder (--content; by default the one bundled with it). Without an action it runs the kiosk
full screen.
"""
TIMING_HELP = """\
timing: after --reset-after seconds without a touch a visitor's session ends (home, default
language, every page reset). The "still there?" countdown (config.toml [timing] countdown,
15 s by default) is the last part of that time, at most its second half: --reset-after 120
asks after 105 s idle, --reset-after 20 after 10 s. The attract loop starts after
--autoplay-after seconds without a touch (it also ends a session if that comes first).

exit status: 0 done; 1 the content has errors (--validate) or a check failed (--selftest,
--check-layout);
2 a bad option, an unusable content folder, no display, or a refused PIN.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kiosk",
        description=HELP,
        epilog=TIMING_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="store_true",
        help="print the app's version and the content's version (config.toml), then exit",
    )
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="the exhibition's content folder (default: the bundled data/)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="starting language (default: the content's default_language); for --screenshot, "
        "--selftest and --check-layout, only this language",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--windowed", action="store_true", help="a normal window, for development")
    mode.add_argument(
        "--fullscreen",
        action="store_true",
        help="full screen, frameless, no pointer (the default)",
    )
    parser.add_argument(
        "--size",
        type=_size,
        metavar="WxH",
        help="window size in pixels, or the render size of --screenshot, --selftest and "
        "--check-layout (default there: 1920x1080)",
    )
    parser.add_argument(
        "--autoplay",
        action="store_true",
        help="start in the attract loop, even if config.toml turns it off",
    )
    parser.add_argument(
        "--autoplay-after",
        type=_seconds,
        metavar="S",
        help="seconds without a touch before the attract loop starts (default: config.toml's "
        "[timing] autoplay_after; 90 without it)",
    )
    parser.add_argument(
        "--reset-after",
        type=_seconds,
        metavar="S",
        help="seconds without a touch before a visitor's session ends, the countdown "
        "included (default: config.toml's [timing] reset_after; 120 without it)",
    )
    actions = parser.add_mutually_exclusive_group()
    actions.add_argument(
        "--new-exhibition",
        type=Path,
        metavar="DIR",
        help="write a new exhibition's content folder to DIR (a new or empty folder): every "
        "file with its header and example rows, placeholder artwork and a commented "
        "config.toml, all valid; then edit it and check it with --validate --content DIR",
    )
    actions.add_argument(
        "--validate",
        action="store_true",
        help="check the content folder, print each problem as file:row:column: message; "
        "exit 1 on an error",
    )
    actions.add_argument(
        "--screenshot",
        type=Path,
        metavar="DIR",
        help="write every page and detail in every language to DIR/<lang>/<page>.png, exit",
    )
    actions.add_argument(
        "--selftest",
        action="store_true",
        help="visit every page and detail with its animations, print one JSON line of "
        "timings, exit 1 if anything failed",
    )
    actions.add_argument(
        "--check-layout",
        action="store_true",
        help="walk every page, detail, language switch and the attract loop offscreen at --size "
        "and print each text or touch target out of place, clipped, too small or in another "
        "language as 'page[/detail] lang WxH: widget \"text\": problem'; exit 1 on an error "
        "(elided texts are warnings)",
    )
    parser.add_argument(
        "--accessibility",
        action="store_true",
        help="with --check-layout: walk it again in reach mode, with larger text, and with "
        "every accessibility mode on (the touch targets must stay under the reach line)",
    )
    actions.add_argument(
        "--set-pin",
        action="store_true",
        help="ask for the admin panel's PIN (4-12 digits, not a common one) and store its "
        "salted hash, exit",
    )
    return parser


def version(folder: Path) -> int:
    """The app's version and the content's, as the admin panel shows them."""
    from kiosk.content import load_settings

    settings, _ = load_settings(folder)
    print(f"kiosk {__version__}, content {settings.version} ({folder})")
    return 0


def validate(folder: Path) -> int:
    """Print every problem as ``file:row:column: message``; 0 when there is no error.

    Besides the content, the admin PIN's hash is checked: a malformed one is an error; none at
    all is a warning (the admin panel then stays shut until ``--set-pin``).
    """
    from kiosk.content import load_content
    from kiosk.content.errors import Problem, Severity
    from kiosk.paths import interface_dir, missing_glyphs, user_config_dir
    from kiosk.runtime.pin import PIN_FILE, read_pin_hash

    try:
        content = load_content(folder, missing_glyphs, interface=interface_dir())
    except Exception as exc:  # a loader defect: one line, never a traceback
        print(
            f"{folder}: the content could not be checked ({type(exc).__name__}: {exc}); "
            "this is a defect of the kiosk: please report it with the content folder",
            file=sys.stderr,
        )
        return 1
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

    if args.screenshot or args.selftest or args.check_layout:
        os.environ.setdefault("QT_QPA_PLATFORM", display.TOOL_PLATFORM)
    return display.display_problem()


def new_exhibition(target: Path) -> int:
    """Copy the starter exhibition (resources/starter) to ``target``; 2 if it has files."""
    import shutil

    from kiosk.paths import starter_dir

    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"kiosk: error: {target} is not a new or empty folder", file=sys.stderr)
        return 2
    try:
        shutil.copytree(starter_dir(), target, dirs_exist_ok=True)
    except OSError as exc:
        print(f"kiosk: error: {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(
        f"{target}: a new exhibition, every file with example rows to replace "
        f"(docs/content.md says what each column means). Check your edits with\n"
        f"  kiosk --validate --content {target}\nand look at them with\n"
        f"  kiosk --windowed --content {target}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    prepare_process()  # Windows: no crash or error dialogs over the kiosk
    if args.set_pin:
        return set_pin()
    if args.new_exhibition:
        return new_exhibition(args.new_exhibition)
    from kiosk.paths import bundled_content_dir, content_folder_problem

    folder = args.content or bundled_content_dir()
    if problem := content_folder_problem(folder):
        print(f"kiosk: error: {problem}", file=sys.stderr)
        return 2
    args.content = folder
    if args.version:
        return version(folder)
    if args.validate:
        return validate(folder)
    if problem := _display_problem(args):
        print(f"kiosk: error: {problem}", file=sys.stderr)
        return 2
    from kiosk.app import run

    return run(args, STARTED)
