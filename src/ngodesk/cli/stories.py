"""``ngodesk import``, ``export``, ``search``, ``show``, ``add``, ``set``
and ``duplicates``: the stories themselves from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ngodesk.cli.choices import CSV_EXTRA, CSV_FIELDS, CSV_IGNORE, ENTITY_KINDS, EXPORT_FORMATS, ON_DUPLICATE
from ngodesk.cli.common import CommandParser, Opener, UsageError, count, print_json
from ngodesk.domain.errors import NgodeskError

if TYPE_CHECKING:
    from ngodesk.domain.models import EntityKind, StoryView
    from ngodesk.services import importing


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The commands on stories."""
    commands.add_parser("import", help="import stories from files", define=_import_arguments)
    commands.add_parser("export", help="export stories (all, or those a search finds)", define=_export_arguments)
    commands.add_parser("search", help="search stories", define=_search_arguments)
    commands.add_parser("show", help="show one story", define=_show_arguments)
    commands.add_parser("add", help="add a story; prints its uuid", define=_add_arguments)
    commands.add_parser(
        "set", help="change fields, tags (tags+=, tags-=) or linked records (org+=...)", define=_set_arguments
    )
    commands.add_parser("duplicates", help="list likely duplicate stories (pairs)", define=_duplicates_arguments)


def _duplicates_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


#: FIELD+= / FIELD-= names that link records, and their kinds' values.
LINK_FIELDS = ENTITY_KINDS


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


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


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


def run_import(args: argparse.Namespace, open_library: Opener) -> int:
    if not args.json:
        return _import(args, open_library)
    try:
        return _import(args, open_library)
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


def _import(args: argparse.Namespace, open_library: Opener) -> int:
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
    with open_library(args, True) as library:
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
    parts = [f"Imported {count(report.added, 'story', 'stories')}"]
    if warned := len({(w.file, w.position) for w in report.warnings}):
        parts[0] += f", {warned:,} with warnings"
    if report.duplicates:
        parts.append(f"{count(len(report.duplicates), 'duplicate', 'duplicates')} {done}")
    if report.skipped:
        parts.append(f"{count(len(report.skipped), 'entry', 'entries')} left out")
    if report.problems:
        parts.append(f"{count(len(report.problems), 'record', 'records')} failed")
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


def run_export(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import exporting, queries

    with open_library(args, False) as library:
        ids = queries.matching_ids(library, args.query).tolist() if args.query else None
        written = exporting.export(library, args.format, args.output, ids)
    if args.output:
        print(f"Exported {count(written, 'story', 'stories')} to {args.output}", file=sys.stderr)
    return 0


def run_search(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import queries

    with open_library(args, False) as library:
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
    if not page.total:
        print("No stories match.")
        return 0
    matches = count(page.total, "story matches", "stories match")
    print(matches + (f"; the first {len(page.hits)}:" if page.total > len(page.hits) else ":"))
    for hit in page.hits:
        date = f" ({hit.story.published})" if hit.story.published else ""
        print(f"\n{hit.story.uuid[:8]}  {hit.story.title}{date}")
        if hit.snippet:
            print(f"          {hit.snippet}")
    return 0


def run_show(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import queries

    with open_library(args, False) as library:
        view = queries.get_story(library, queries.resolve_story(library, args.uuid))
    if args.json:
        print_json(_story_json(view))
    else:
        _print_story(view)
    return 0


def run_add(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import queries, stories

    values, ops = _assignments(args.assignments)
    if ops.get("tags-") or _links(ops, "-"):
        raise UsageError("a new story has nothing to remove (-=)")
    if "title" in values:
        raise UsageError("give the title once, with --title")
    tags = ops.get("tags+", []) + _tag_list(values.pop("tags", ""))
    with open_library(args, True) as library:
        created = stories.create_story(library, {**values, "title": args.title}, tags, _links(ops, "+"))
        if args.json:
            print_json(_story_json(queries.get_story(library, created.id)))
        else:
            print(created.uuid)
    return 0


def run_set(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import queries, stories

    values, ops = _assignments(args.assignments)
    with open_library(args, True) as library:
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


def run_duplicates(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import duplicates

    with open_library(args, False) as library:
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
    print(count(len(pairs), "likely duplicate pair", "likely duplicate pairs") + (":" if pairs else "."))
    for pair in pairs:
        print(f"\n{pair.first.uuid[:8]}  {pair.first.title}\n{pair.second.uuid[:8]}  {pair.second.title}")
        print(f"          {pair.reason}")
    return 0
