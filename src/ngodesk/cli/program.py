"""Command-line front end: the same services as the GUI, no Qt.

Exit codes: 0 success, 1 the operation failed (message on stderr, nothing
changed), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ngodesk import __version__
from ngodesk.cli import annotating, attachments, backups, entities, fieldwork, glossary, history, tags, trash
from ngodesk.cli.choices import CSV_EXTRA, CSV_FIELDS, CSV_IGNORE, ENTITY_KINDS, EXPORT_FORMATS, ON_DUPLICATE
from ngodesk.cli.common import print_json
from ngodesk.domain.errors import LibraryError, LibraryLocked, LibraryReadOnly, NgodeskError

if TYPE_CHECKING:  # (imported where used: a command imports only what it needs, --help nothing heavy)
    from ngodesk.domain.models import EntityKind, StoryView
    from ngodesk.services import importing
    from ngodesk.store.library import Library

PROGRAM = "ngodesk"
#: Seconds a command waits for another command's writer lock (--wait).
DEFAULT_WAIT = 30.0
#: FIELD+= / FIELD-= names that link records, and their kinds' values.
LINK_FIELDS = ENTITY_KINDS


class UsageError(Exception):
    """Bad command-line arguments (exit 2)."""


class CommandParser(argparse.ArgumentParser):
    """A command's parser, made and given its arguments by ``define`` only
    when that command is parsed (making the fifty-odd commands' parsers up
    front took 70 ms of every start). Without ``define``, an ordinary
    parser."""

    def __init__(self, *, define: Callable[[argparse.ArgumentParser], None] | None = None, **kwargs: Any) -> None:
        self._define = define
        self._kwargs = kwargs
        if define is None:
            super().__init__(**kwargs)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        if self._define is not None:
            define, self._define = self._define, None
            super().__init__(**self._kwargs)
            define(self)
        return super().parse_known_args(args, namespace)


def _parser() -> argparse.ArgumentParser:
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
    commands.add_parser("import", help="import stories from files", define=_import_arguments)
    commands.add_parser("export", help="export stories (all, or those a search finds)", define=_export_arguments)
    commands.add_parser("search", help="search stories", define=_search_arguments)
    commands.add_parser("show", help="show one story", define=_show_arguments)
    commands.add_parser("add", help="add a story; prints its uuid", define=_add_arguments)
    commands.add_parser(
        "set", help="change fields, tags (tags+=, tags-=) or linked records (org+=...)", define=_set_arguments
    )
    commands.add_parser("duplicates", help="list likely duplicate stories (pairs)", define=_json_argument)
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
    return parser


def _import_arguments(p: argparse.ArgumentParser) -> None:
    from ngodesk.formats import format_names

    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", default="auto", choices=["auto", *format_names()])
    p.add_argument("--strict", action="store_true", help="import nothing if any record is bad")
    p.add_argument(
        "--on-duplicate",
        default="skip",
        choices=ON_DUPLICATE,
        help="a record already in the library: skip it (default), merge it into that story, or add it anyway",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        type=_column_map,
        metavar="COLUMN=FIELD",
        help=f"CSV/TSV: read COLUMN as FIELD ({', '.join(CSV_FIELDS)}, {CSV_EXTRA} or {CSV_IGNORE}); repeatable",
    )
    p.add_argument(
        "--post-types",
        default="post",
        type=_post_types,
        metavar="TYPES",
        help="WordPress: the item types to import, comma-separated (default: post; e.g. post,page)",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument(
        "--query", default="", metavar="Q", help="only the stories this search finds (as in search; --query=-W for -W)"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="the file to write (default: standard output)")


def _search_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", metavar="QUERY", help="words may be given unquoted; put -- before a leading -")
    p.add_argument("--limit", type=_positive, default=20, metavar="N")
    p.add_argument("--json", action="store_true")


def _show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("uuid", metavar="UUID")
    p.add_argument("--json", action="store_true")


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--title", required=True)
    p.add_argument("assignments", nargs="*", metavar="FIELD=VALUE")
    p.add_argument("--json", action="store_true")


def _set_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("uuid", metavar="UUID")
    p.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")


def _json_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


def _no_arguments(p: argparse.ArgumentParser) -> None:
    """(A command without arguments.)"""


def _window_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (200 <= int(width) <= 8000 and 200 <= int(height) <= 8000):
        raise argparse.ArgumentTypeError("give a size such as 1280x800 (200 to 8000 pixels each way)")
    return int(width), int(height)


def _column_map(text: str) -> tuple[str, str]:
    column, sep, field = text.rpartition("=")
    allowed = (*CSV_FIELDS, CSV_EXTRA, CSV_IGNORE)
    if not sep or not column.strip() or field.strip() not in allowed:
        raise argparse.ArgumentTypeError(f"give COLUMN=FIELD, FIELD one of {', '.join(allowed)}")
    return column.strip(), field.strip()


def _post_types(text: str) -> frozenset[str]:
    types = frozenset(t.strip() for t in text.split(",") if t.strip())
    if not types:
        raise argparse.ArgumentTypeError("name at least one type, e.g. post or post,page")
    return types


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86400:
        raise argparse.ArgumentTypeError("give a number of seconds from 0 to 86400")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _open(args: argparse.Namespace, write: bool) -> Library:
    from ngodesk.services.library import open_library, resolve
    from ngodesk.store.library import DB_NAME

    args.library = _unpacked(args.library)
    path, _ = resolve(args.library)
    if not write and (path / DB_NAME).exists():
        try:
            return open_library(path, readonly=True)
        except LibraryError:
            pass  # needs an upgrade or an index rebuild: open for writing once
    return open_library(
        args.library, program=f"{PROGRAM} {args.command}", wait=args.wait, waiting=lambda: _tell_waiting(args.wait)
    )


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


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def _story_json(view: StoryView) -> dict[str, object]:
    return {
        "uuid": view.uuid,
        "title": view.title,
        "summary": view.summary,
        "body": view.body,
        "url": view.url,
        "source": view.source,
        "published": view.published,
        "language": view.language,
        "status": view.status.value,
        "tags": [tag.path for tag in view.tags],
        "entities": [{"uuid": e.uuid, "kind": e.kind.value, "name": e.name} for e in view.entities],
        "created_at": view.created_at.isoformat(),
        "updated_at": view.updated_at.isoformat(),
        "revision": view.revision,
        "extra": view.extra,
    }


def _print_story(view: StoryView) -> None:
    from ngodesk.domain.models import EntityKind

    rows = [
        ("uuid", view.uuid),
        ("title", view.title),
        ("published", view.published),
        ("source", view.source),
        ("language", view.language),
        ("status", view.status.value),
        ("url", view.url),
        ("tags", "; ".join(tag.path for tag in view.tags)),
    ]
    for kind in EntityKind:
        names = [e.name for e in view.entities if e.kind is kind]
        rows.append((kind.value, "; ".join(names)))
    rows.append(("updated", f"{view.updated_at:%Y-%m-%d %H:%M} UTC (revision {view.revision})"))
    for label, value in rows:
        if value:
            print(f"{label:>12}: {value}")
    for label, text in (("summary", view.summary), ("body", view.body)):
        if text:
            print(f"\n{label}:\n{text}")


def _assignments(items: Sequence[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """``FIELD=VALUE`` -> values; ``FIELD+=``/``FIELD-=`` -> ops keyed
    ``tags+`` etc. Raises UsageError for anything else."""
    values: dict[str, str] = {}
    ops: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UsageError(f"'{item}' is not FIELD=VALUE")
        if name[-1] in "+-":
            field, op = name[:-1], name[-1]
            if field != "tags" and field not in LINK_FIELDS:
                raise UsageError(f"'{name}=' works for tags, org, person and place only")
            ops.setdefault(field + op, []).append(value)
        elif name in LINK_FIELDS:
            raise UsageError(f"use {name}+=NAME or {name}-=NAME")
        else:
            values[name] = value
    return values, ops


def _tag_list(value: str) -> list[str]:
    """``tags=A; B/C`` -> paths."""
    return [path.strip() for path in value.split(";") if path.strip()]


def _links(ops: dict[str, list[str]], op: str) -> list[tuple[EntityKind, str]]:
    from ngodesk.domain.models import EntityKind

    return [(EntityKind(kind), name) for field, kind in LINK_FIELDS.items() for name in ops.get(field + op, [])]


def _cmd_import(args: argparse.Namespace) -> int:
    if not args.json:
        return _import(args)
    try:
        return _import(args)
    except (UsageError, BrokenPipeError):
        raise
    except BaseException as error:  # (--json: one JSON document whatever happens; main says it on stderr too)
        from ngodesk.services import importing

        message = _import_error(error)
        named = next((name for name in args.files if message.startswith(f"{name}:")), "")
        failed = [{"record": f"{named}, the file", "reason": message}] if named else []
        print_json({**_import_json(importing.ImportReport()), "failed": failed, "error": message})
        raise


def _import_error(error: BaseException) -> str:
    """What ``main`` says of an import that failed with ``error``, without
    the program's name."""
    if isinstance(error, KeyboardInterrupt):
        return "interrupted; nothing was imported"
    if isinstance(error, NgodeskError):
        return str(error)
    if isinstance(error, OSError):
        return f"{error.filename}: {error.strerror or error}" if error.filename else str(error.strerror or error)
    return f"an unexpected error ({type(error).__name__}: {error}); nothing was imported"


def _import(args: argparse.Namespace) -> int:
    from ngodesk.formats import ImportOptions
    from ngodesk.services import importing

    for name in args.files:
        path = Path(name)
        if path.is_dir():
            raise NgodeskError(f"{name}: is a folder; give the files in it (e.g. {name}/*.txt)")
        if not path.exists():
            raise NgodeskError(f"{name}: no such file")
        if not path.is_file():
            raise NgodeskError(f"{name}: not a regular file (a device or pipe); give a file to import")
    options = ImportOptions(columns=dict(args.map), post_types=args.post_types)
    with _open(args, write=True) as library:
        report = importing.import_files(
            library,
            args.files,
            args.format,
            args.strict,
            parallel=True,
            options=options,
            on_duplicate=importing.OnDuplicate(args.on_duplicate),
        )
    if args.json:
        print_json(_import_json(report))
    else:
        _print_report(report)
    return 1 if report.problems else 0


def _import_json(report: importing.ImportReport) -> dict[str, object]:
    """``import --json``'s document (``error`` is None: the import ran)."""
    return {
        "imported": report.added,
        "duplicates": [
            {"record": _where(d), "reason": d.reason, "action": d.action, "matched": d.matched}
            for d in report.duplicates
        ],
        "failed": [{"record": _where(p), "reason": p.reason} for p in report.problems],
        "skipped": [{"record": _where(s), "reason": s.reason} for s in report.skipped],
        "warnings": [{"record": _where(w), "reason": w.reason} for w in report.warnings],
        "formats": report.formats,
        "error": None,
    }


def _where(item: importing.Skipped) -> str:
    return f"{item.file}, {item.position}"


#: Report lines printed per kind before "... and N more".
REPORT_LINES = 20


def _print_report(report: importing.ImportReport) -> None:
    actions = {d.action for d in report.duplicates}
    done = "skipped" if actions <= {"skipped"} else "/".join(sorted(actions))
    parts = [f"Imported {_count(report.added, 'story', 'stories')}"]
    if warned := len({(w.file, w.position) for w in report.warnings}):
        parts[0] += f", {warned:,} with warnings"
    if report.duplicates:
        parts.append(f"{_count(len(report.duplicates), 'duplicate', 'duplicates')} {done}")
    if report.skipped:
        parts.append(f"{_count(len(report.skipped), 'entry', 'entries')} left out")
    if report.problems:
        parts.append(f"{_count(len(report.problems), 'record', 'records')} failed")
    print("; ".join(parts) + ".")
    for title, items, stream in (
        ("Duplicates", report.duplicates, sys.stdout),
        ("Left out", report.skipped, sys.stdout),
        ("Warnings", report.warnings, sys.stdout),
        ("Failed", report.problems, sys.stderr),
    ):
        if items:
            print(f"{title}:", file=stream)
        for item in items[:REPORT_LINES]:
            print(f"  {_where(item)}: {item.reason}", file=stream)
        if len(items) > REPORT_LINES:
            print(f"  ... and {len(items) - REPORT_LINES} more (--json lists all)", file=stream)


def _cmd_export(args: argparse.Namespace) -> int:
    from ngodesk.services import exporting, queries

    with _open(args, write=False) as library:
        ids = queries.matching_ids(library, args.query).tolist() if args.query else None
        count = exporting.export(library, args.format, args.output, ids)
    if args.output:
        print(f"Exported {_count(count, 'story', 'stories')} to {args.output}", file=sys.stderr)
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    from ngodesk.services import queries

    with _open(args, write=False) as library:
        page = queries.search(library, " ".join(args.query), limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "uuid": hit.story.uuid,
                    "title": hit.story.title,
                    "published": hit.story.published,
                    "tags": [tag.path for tag in hit.story.tags],
                    "snippet": hit.snippet,
                    "score": hit.score,
                }
                for hit in page.hits
            ]
        )
        return 0
    matches = _count(page.total, "story matches", "stories match")
    print(matches + (f"; the first {len(page.hits)}:" if page.total > len(page.hits) else ":"))
    for hit in page.hits:
        date = f" ({hit.story.published})" if hit.story.published else ""
        print(f"\n{hit.story.uuid[:8]}  {hit.story.title}{date}")
        if hit.snippet:
            print(f"          {hit.snippet}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from ngodesk.services import queries

    with _open(args, write=False) as library:
        view = queries.get_story(library, queries.resolve_story(library, args.uuid))
    if args.json:
        print_json(_story_json(view))
    else:
        _print_story(view)
    return 0


def _cmd_add(args: argparse.Namespace) -> int:
    from ngodesk.services import queries, stories

    values, ops = _assignments(args.assignments)
    if ops.get("tags-") or _links(ops, "-"):
        raise UsageError("a new story has nothing to remove (-=)")
    if "title" in values:
        raise UsageError("give the title once, with --title")
    tags = ops.get("tags+", []) + _tag_list(values.pop("tags", ""))
    with _open(args, write=True) as library:
        created = stories.create_story(library, {**values, "title": args.title}, tags, _links(ops, "+"))
        if args.json:
            print_json(_story_json(queries.get_story(library, created.id)))
        else:
            print(created.uuid)
    return 0


def _cmd_set(args: argparse.Namespace) -> int:
    from ngodesk.services import queries, stories

    values, ops = _assignments(args.assignments)
    with _open(args, write=True) as library:
        story_id = queries.resolve_story(library, args.uuid)
        replace = _tag_list(values.pop("tags")) if "tags" in values else None
        changes = stories.edit_story(
            library,
            story_id,
            values,
            add_tags=ops.get("tags+", []),
            remove_tags=ops.get("tags-", []),
            link=_links(ops, "+"),
            unlink=_links(ops, "-"),
            set_tags=replace,
        )
    print("Changed." if not changes.empty else "Nothing to change.")
    return 0


def _cmd_duplicates(args: argparse.Namespace) -> int:
    from ngodesk.services import duplicates

    with _open(args, write=False) as library:
        pairs = duplicates.find_pairs(library)
    if args.json:
        print_json(
            [
                {
                    "first": {"uuid": p.first.uuid, "title": p.first.title},
                    "second": {"uuid": p.second.uuid, "title": p.second.title},
                    "reason": p.reason,
                }
                for p in pairs
            ]
        )
        return 0
    print(_count(len(pairs), "likely duplicate pair", "likely duplicate pairs") + (":" if pairs else "."))
    for pair in pairs:
        print(f"\n{pair.first.uuid[:8]}  {pair.first.title}\n{pair.second.uuid[:8]}  {pair.second.title}")
        print(f"          {pair.reason}")
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    from ngodesk.services import queries
    from ngodesk.services.library import open_library, resolve
    from ngodesk.store.library import DB_NAME

    path, _ = resolve(args.library)
    made = not (path / DB_NAME).exists()
    with open_library(args.library, program=f"{PROGRAM} init", among_other_files=True, wait=args.wait) as library:
        stories = queries.info(library)["stories"]
    held = _count(stories, "story", "stories")
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
    "import": _cmd_import,
    "export": _cmd_export,
    "search": _cmd_search,
    "show": _cmd_show,
    "add": _cmd_add,
    "set": _cmd_set,
    "delete": lambda args: trash.run_delete(args, _open),
    "trash": lambda args: trash.run_trash(args, _open),
    "duplicates": _cmd_duplicates,
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
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
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
