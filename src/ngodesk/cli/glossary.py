"""``ngodesk glossary ...``: the glossary from the command line (see
``services.glossary``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ngodesk.cli.choices import GLOSSARY_FORMATS
from ngodesk.cli.common import CommandParser, Opener, print_json

if TYPE_CHECKING:
    pass


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``glossary`` command and its subcommands."""
    commands.add_parser("glossary", help="the glossary of terms: import, export, list", define=_glossary_arguments)


def _glossary_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("import", help="import terms from TBX, CSV or TSV (terms already there are completed)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--format", default="auto", choices=["auto", *GLOSSARY_FORMATS])
    p.add_argument("--strict", action="store_true", help="import nothing if any entry cannot be read")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p = actions.add_parser("export", help="export the glossary")
    p.add_argument("--format", required=True, choices=["tbx", "csv"])
    p.add_argument("-o", "--output", metavar="FILE", help="the file to write (default: standard output)")
    p = actions.add_parser("list", help="list the terms")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("check", help="translations that do not follow the glossary (exit 1 if any)")
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, open_library: Opener) -> int:
    """Run a glossary subcommand; returns the exit code."""
    import dataclasses

    from ngodesk.services import glossary

    if args.action == "import":
        with open_library(args, True) as library:
            report = glossary.import_file(library, args.file, args.format, args.strict)
        problems = [{"entry": p.position, "reason": p.reason} for p in report.problems]
        if args.json:
            counts = {"added": report.added, "updated": report.updated, "unchanged": report.unchanged}
            print_json({**counts, "failed": problems})
        else:
            print(f"Added {report.added}, completed {report.updated}, unchanged {report.unchanged} terms.")
            for problem in problems:
                print(f"  {args.file}, {problem['entry']}: {problem['reason']}", file=sys.stderr)
        return 1 if problems else 0
    if args.action == "export":
        with open_library(args, False) as library:
            count = glossary.export(library, args.format, args.output)
        if args.output:
            print(f"Exported {count} terms to {args.output}", file=sys.stderr)
        return 0
    if args.action == "check":
        return _check(args, open_library)
    with open_library(args, False) as library:
        found = glossary.terms(library)
    if args.json:
        rows = [{**dataclasses.asdict(term), "status": term.status.value} for _, term in found]
        for row in rows:
            del row["position"]
        print_json(rows)
        return 0
    for _, term in found:
        reading = f" ({term.pinyin})" if term.pinyin else ""
        rendering = f" -> {term.rendering}" if term.rendering else ""
        print(f"{term.term}{reading}{rendering}  [{term.source_language}>{term.target_language}, {term.status.value}]")
    return 0


def _check(args: argparse.Namespace, open_library: Opener) -> int:
    import dataclasses

    from ngodesk.services import consistency

    with open_library(args, False) as library:
        found = consistency.check(library)
    if args.json:
        print_json([dataclasses.asdict(i) for i in found])
    else:
        for item in found:
            print(f"{item.story_uuid} “{item.story_title}”, {item.field} ({item.language}): {item.term} {item.problem}")
        if found:  # (as ``ngodesk check``: findings on standard output, their count on standard error)
            print(f"{len(found)} inconsistencies.", file=sys.stderr)
        else:
            print("The translations follow the glossary.")
    return 1 if found else 0
