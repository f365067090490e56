"""Command-line front end: the same services as the GUI, no Qt.

Exit codes: 0 success, 1 the operation failed (message on stderr, nothing
changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from ngodesk import __version__
from ngodesk.cli import (
    annotating,
    attachments,
    backups,
    entities,
    fieldwork,
    glossary,
    history,
    stories,
    tags,
    team,
    trash,
)
from ngodesk.cli.common import PROGRAM, CommandParser, UsageError, count, print_json
from ngodesk.domain.errors import LibraryError, LibraryLocked, LibraryReadOnly, NgodeskError

if TYPE_CHECKING:  # (imported where used: a command imports only what it needs, --help nothing heavy)
    from ngodesk.store.library import Library

#: Seconds a command waits for another command's writer lock (--wait).
DEFAULT_WAIT = 30.0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Offline catalogue of news stories. Without a command, opens the main window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")
    parser.add_argument(
        "--library", metavar="PATH", help="library folder (default: $NGODESK_LIBRARY or your data folder)"
    )
    parser.add_argument(
        "--screenshot", metavar="PNG", help="render the main window offscreen to PNG and exit (no command)"
    )
    parser.add_argument(
        "--size", type=_window_size, default=(1280, 800), metavar="WxH", help="window size for --screenshot (1280x800)"
    )
    parser.add_argument(
        "--wait",
        type=_seconds,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help=f"how long a command that changes the library waits for another command to finish with it "
        f"(default {DEFAULT_WAIT:g}; a window holding it is named at once)",
    )
    parser.add_argument(
        "--language",
        choices=("en", "zh_CN"),
        help="interface language of the window (default: Edit > Preferences, else the system's)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    stories.add_commands(commands)
    commands.add_parser(
        "init", help="make a library in --library's folder, even one that holds other files", define=_no_arguments
    )
    commands.add_parser("info", help="counts, schema version, path", define=_json_argument)
    commands.add_parser("check", help="integrity check (exit 1 if bad)", define=_no_arguments)
    glossary.add_commands(commands)
    tags.add_commands(commands)
    entities.add_commands(commands)
    annotating.add_commands(commands)
    backups.add_commands(commands)
    history.add_commands(commands)
    attachments.add_commands(commands)
    fieldwork.add_commands(commands)
    trash.add_commands(commands)
    team.add_commands(commands)
    return parser


def _json_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


def _no_arguments(p: argparse.ArgumentParser) -> None:
    """(A command without arguments.)"""


def _window_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (200 <= int(width) <= 8000 and 200 <= int(height) <= 8000):
        raise argparse.ArgumentTypeError("give a size such as 1280x800 (200 to 8000 pixels each way)")
    return int(width), int(height)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86400:
        raise argparse.ArgumentTypeError("give a number of seconds from 0 to 86400")
    return value


def _open(args: argparse.Namespace, write: bool) -> Library:
    from ngodesk.services.library import open_library, resolve
    from ngodesk.store.library import DB_NAME

    args.library = _unpacked(args.library)
    path, default = resolve(args.library)
    exists = (path / DB_NAME).exists()
    library = None
    if not write and exists:
        try:
            library = open_library(path, readonly=True)
        except LibraryError:
            pass  # needs an upgrade or an index rebuild: open for writing once
    if library is None:
        library = open_library(
            args.library, program=f"{PROGRAM} {args.command}", wait=args.wait, waiting=lambda: _tell_waiting(args.wait)
        )
        if not exists and not write and not default:  # (a mistyped folder would look like an empty library)
            print(f"{PROGRAM}: no library was at {path}; made a new, empty one there", file=sys.stderr)
    _collect_from_now()
    return library


def _unpacked(library: str | None) -> str | None:
    """``library``, or the folder the field-copy archive it names is
    unpacked to (or was, by an earlier command), said on standard error."""
    if not library or not Path(library).is_file():  # (a folder: no need to load the field copies' module)
        return library
    from ngodesk.services import field_copy

    if not field_copy.is_archive(library):
        return library
    folder = field_copy.unpack(library)
    print(f"{PROGRAM}: working in {folder}, the library unpacked from {library}", file=sys.stderr)
    return str(folder)


def _tell_waiting(wait: float) -> None:
    print(
        f"{PROGRAM}: another ngodesk command is changing the library; waiting for it (up to {wait:g} s, --wait "
        "to change)…",
        file=sys.stderr,
    )


def _cmd_init(args: argparse.Namespace) -> int:
    from ngodesk.services import queries
    from ngodesk.services.library import open_library, resolve
    from ngodesk.store.library import DB_NAME

    path, _ = resolve(args.library)
    made = not (path / DB_NAME).exists()
    with open_library(args.library, program=f"{PROGRAM} init", among_other_files=True, wait=args.wait) as library:
        held = count(queries.story_count(library), "story", "stories")
    print(f"{'Made a new' if made else 'There was already a'} library in {path} ({held}).")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from ngodesk.services import queries

    with _open(args, write=False) as library:
        facts = queries.info(library)
    if args.json:
        print_json(facts)
    else:
        for key, value in facts.items():
            print(f"{key.replace('_', ' '):>22}: {value}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from ngodesk.services import queries
    from ngodesk.services.library import resolve
    from ngodesk.store.library import DB_NAME, Library

    args.library = _unpacked(args.library)
    db_path = resolve(args.library)[0].expanduser().absolute() / DB_NAME
    if db_path.exists():  # (the whole file, before anything opens it for writing: damage is said with the backup)
        Library.refuse_unusable(db_path, full=True)
    try:  # writable when possible: the index's own check runs only then
        library = _open(args, write=True)
    except (LibraryLocked, LibraryReadOnly) as error:
        library = _open(args, write=False)
        where = "is open elsewhere" if isinstance(error, LibraryLocked) else "cannot be written to"
        print(f"The library {where}; the search index's internal check was skipped.", file=sys.stderr)
    with library:
        problems = queries.check(library)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("No problems found.")
    return 0


COMMANDS = {
    "import": lambda args: stories.run_import(args, _open),
    "export": lambda args: stories.run_export(args, _open),
    "search": lambda args: stories.run_search(args, _open),
    "show": lambda args: stories.run_show(args, _open),
    "add": lambda args: stories.run_add(args, _open),
    "set": lambda args: stories.run_set(args, _open),
    "delete": lambda args: trash.run_delete(args, _open),
    "trash": lambda args: trash.run_trash(args, _open),
    "duplicates": lambda args: stories.run_duplicates(args, _open),
    "tag": lambda args: tags.run(args, _open),
    "tags": lambda args: tags.run_list(args, _open),
    "thesaurus": lambda args: tags.run_thesaurus(args, _open),
    "entity": lambda args: entities.run(args, _open),
    "suggest": lambda args: entities.run_suggest(args, _open),
    "init": _cmd_init,
    "info": _cmd_info,
    "check": _cmd_check,
    "glossary": lambda args: glossary.run(args, _open),
    "annotations": lambda args: annotating.run(args, _open),
    "backup": lambda args: backups.run_backup(args, _open),
    "backups": backups.run_list,
    "history": lambda args: history.run_history(args, _open),
    "attach": lambda args: attachments.run_attach(args, _open),
    "copy": lambda args: fieldwork.run_copy(args, _open),
    "merge": lambda args: fieldwork.run_merge(args, _open),
    "conflicts": lambda args: fieldwork.run_conflicts(args, _open),
    "attachments": lambda args: attachments.run_list(args, _open),
    "files": lambda args: attachments.run_files(args, _open),
    "revert": lambda args: history.run_revert(args, _open),
    "restore": backups.run_restore,
    "team": lambda args: team.run(args, _open),
    "sync": lambda args: team.run_sync(args, _open),
}


#: Set by ``run``: the garbage collector waits until a library is open.
_collecting_after_open = False


def run() -> NoReturn:
    """The ``ngodesk`` program (the console script, ``python -m ngodesk``,
    the bundle): ``main``, then exit with its code.

    Python's garbage collector waits until the command has opened its
    library (``_open``): the imports before make ~500,000 objects and
    almost no garbage, and its ~150 collections took ~40 ms of a search's
    0.42 s of CPU; what the imports made is then frozen out of later
    collections. At exit, what is still alive is frozen out too: the
    collections at exit would walk every object SQLAlchemy made, ~0.15 s
    of CPU after the answer. (Garbage in cycles is not finalised then:
    libraries and temporary folders are closed by ``with`` blocks and
    atexit, never by ``__del__``.)"""
    global _collecting_after_open
    gc.disable()
    _collecting_after_open = True
    code = main()
    gc.freeze()
    sys.exit(code)


def _collect_from_now() -> None:
    """(``run``'s start-up is over) Freeze what the imports made and let
    the garbage collector run again."""
    global _collecting_after_open
    if _collecting_after_open:
        _collecting_after_open = False
        gc.freeze()
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ngodesk.ui.app import run_gui

        return run_gui(args.library, screenshot=args.screenshot, size=args.size, language=args.language)
    _interrupt_on_termination()
    try:
        return COMMANDS[args.command](args)
    except UsageError as error:
        parser.error(str(error))  # exits 2
    except LibraryLocked as error:
        print(
            f"{PROGRAM}: {error}\nClose it there and try again; search, show, tags and info work meanwhile.",
            file=sys.stderr,
        )
        return 1
    except NgodeskError as error:
        print(f"{PROGRAM}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROGRAM}: interrupted; nothing was changed by the unfinished command", file=sys.stderr)
        return 1
    except BrokenPipeError:  # (output piped into head and the like, which stopped reading)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # (no second error at exit)
        return 1
    except OSError as error:  # (a file of the user's: unreadable, on a full disk...)
        where = f"{error.filename}: " if error.filename else ""
        print(f"{PROGRAM}: {where}{error.strerror or error}; the unfinished change was not made", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a bug: said in one line, the details kept for a report
        from ngodesk import crash_report

        print(f"{PROGRAM}: {crash_report.save(error)}", file=sys.stderr)
        return 1
    return 0


def _interrupt_on_termination() -> None:
    """SIGTERM and SIGHUP (a closed terminal, a stopped session) end a
    command as Ctrl-C does: its transaction rolls back and its temporary
    files are removed on the way out. A signal ignored on purpose
    (``nohup``) stays ignored."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) is signal.SIG_DFL:
            signal.signal(getattr(signal, name), interrupt)
