"""``ngodesk annotations ...``: annotations from the command line (see
``services.annotations``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ngodesk.cli.choices import ANNOTATION_KINDS
from ngodesk.cli.common import CommandParser, Opener, print_json

if TYPE_CHECKING:
    from ngodesk.store.library import Library


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``annotations`` command and its subcommands."""
    commands.add_parser(
        "annotations", help="notes on passages of stories: add, list, export", define=_annotations_arguments
    )


def _annotations_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("export", help="export as W3C Web Annotation JSON-LD")
    p.add_argument("--story", metavar="UUID", help="only this story's annotations")
    p.add_argument("-o", "--output", metavar="FILE", help="the file to write (default: standard output)")
    p = actions.add_parser("import", help="import W3C Web Annotation JSON-LD (those already here are kept)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--strict", action="store_true", help="import nothing if any annotation cannot be imported")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p = actions.add_parser("list", help="list annotations")
    p.add_argument("--story", metavar="UUID", help="only this story's annotations")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("add", help="annotate the first (or --occurrence N) place QUOTE appears in a field")
    p.add_argument("story", metavar="UUID")
    p.add_argument("quote", metavar="QUOTE", help="the passage, as it stands in the text")
    p.add_argument("--field", default="summary", choices=["title", "summary", "body"])
    p.add_argument("--language", default="", metavar="LANG", help="a translation's language (default: the original)")
    p.add_argument("--occurrence", type=int, default=1, metavar="N", help="which appearance of QUOTE (default 1)")
    p.add_argument("--kind", default="comment", choices=ANNOTATION_KINDS)
    p.add_argument("--text", default="", help="the comment or suggested rendering")
    p.add_argument("--author", default="")


def run(args: argparse.Namespace, open_library: Opener) -> int:
    """Run an annotations subcommand; returns the exit code."""
    from ngodesk.services import annotating, queries

    if args.action == "add":
        return _add(args, open_library)
    if args.action == "import":
        return _import(args, open_library)
    with open_library(args, False) as library:
        story_ids = [queries.resolve_story(library, args.story)] if args.story else None
        if args.action == "export":
            count = annotating.export(library, args.output, story_ids)
            if args.output:
                print(f"Exported {count} annotations to {args.output}", file=sys.stderr)
            return 0
        found = annotating.annotations(library, story_ids)
    if args.json:
        rows = [
            {
                "uuid": a.uuid,
                "story": a.story_uuid,
                "field": a.field,
                "language": a.language,
                "kind": a.kind.value,
                "quote": a.exact,
                "start": a.start,
                "end": a.end,
                "text": a.body,
                "orphaned": a.orphaned,
                "author": a.author,
                "term": a.term_uuid,
            }
            for a in found
        ]
        print_json(rows)
        return 0
    for a in found:
        where = f"{a.story_uuid[:8]} {a.field}" + (f" ({a.language})" if a.language else "")
        state = " ORPHANED" if a.orphaned else f" {a.start}-{a.end}"
        print(f"{where}{state} “{a.exact}” {a.kind.value}: {a.body}")
    return 0


def _add(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.domain.models import AnnotationKind
    from ngodesk.services import annotating, queries
    from ngodesk.services.annotating import NewAnnotation

    with open_library(args, True) as library:
        story_id = queries.resolve_story(library, args.story)
        story = queries.get_story(library, story_id)
        translated = story.translation(args.field, args.language) if args.language else None
        if args.language and translated is None:
            print(f"The story has no {args.language} translation of its {args.field}.", file=sys.stderr)
            return 1
        text = translated.text if translated else str(getattr(story, args.field))
        start = -1
        for _ in range(max(args.occurrence, 1)):
            start = text.find(args.quote, start + 1)
            if start < 0:
                times = "once" if args.occurrence <= 1 else f"{args.occurrence} times"
                print(f"“{args.quote}” does not appear {times} in the {args.field}", file=sys.stderr)
                return 1
        new = NewAnnotation(
            args.field,
            start,
            start + len(args.quote),
            AnnotationKind(args.kind),
            args.text,
            args.language,
            _term_in(library, args.quote) if args.kind == AnnotationKind.TERM.value else "",
            args.author,
        )
        uuid, _ = annotating.add(library, story_id, new)
    print(uuid)
    return 0


def _term_in(library: Library, quote: str) -> str:
    """The uuid of the glossary term the quoted words are (the longest one
    found in them), or "" when they hold none."""
    from ngodesk.services import glossary

    found = glossary.terms(library)
    occurrences = glossary.TermFinder(found).find(quote)
    if not occurrences:
        return ""
    uuids = {term_id: term.uuid for term_id, term in found}
    longest = max(occurrences, key=lambda o: o.end - o.start)
    return uuids[longest.term_id]


def _import(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import annotating

    with open_library(args, True) as library:
        report = annotating.import_file(library, args.file, args.strict)
    failed = [{"annotation": p.position, "reason": p.reason} for p in report.problems]
    if args.json:
        counts = {"added": report.added, "unchanged": report.unchanged, "orphaned": report.orphaned}
        print_json({**counts, "failed": failed})
    else:
        orphans = f" ({report.orphaned} of them orphaned: their words are not in the text)" if report.orphaned else ""
        print(f"Added {report.added} annotations{orphans}; {report.unchanged} were here already.")
        for problem in failed:
            print(f"  {args.file}, {problem['annotation']}: {problem['reason']}", file=sys.stderr)
    return 1 if failed else 0
