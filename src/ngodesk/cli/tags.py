"""``ngodesk tag ...`` and ``ngodesk tags``: the tag thesaurus from the
command line (see ``services.tags`` and ``services.thesaurus``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ngodesk.cli.choices import SKOS_FORMATS
from ngodesk.cli.common import CommandParser, Opener, print_json
from ngodesk.domain.errors import NotFound

if TYPE_CHECKING:
    from ngodesk.store.library import Library


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``tag`` command with its subcommands, and ``tags``."""
    commands.add_parser(
        "tag", help="create, merge and describe tags; tag the stories a search finds", define=_tag_arguments
    )
    commands.add_parser("thesaurus", help="the tag thesaurus as SKOS: export, import", define=_thesaurus_arguments)
    commands.add_parser("tags", help="list tags with story counts", define=_tags_arguments)


def _tag_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("create", help="create a tag (PATH uses / for levels: Region/Africa/Kenya)")
    p.add_argument("path", metavar="PATH")
    p = actions.add_parser("synonym", help="ALIAS now means PREFERRED (a tag named ALIAS is merged into it)")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument("preferred", metavar="PREFERRED")
    p = actions.add_parser("apply", help="tag every story a search finds (one transaction; the tag is created)")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("--query", required=True, metavar="Q")
    p = actions.add_parser("merge", help="merge tag FROM into INTO (FROM's name becomes a synonym)")
    p.add_argument("source", metavar="FROM")
    p.add_argument("target", metavar="INTO")
    p = actions.add_parser("note", help="set the scope note of a tag (an empty NOTE removes it)")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("note", metavar="NOTE")
    p = actions.add_parser("relate", help="mark two tags related (--undo: no longer)")
    p.add_argument("first", metavar="TAG")
    p.add_argument("second", metavar="OTHER")
    p.add_argument("--undo", action="store_true")


def _thesaurus_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("export", help="write the tags as SKOS")
    p.add_argument("--format", required=True, choices=SKOS_FORMATS)
    p.add_argument("-o", "--output", metavar="FILE", help="the file to write (default: standard output)")
    p = actions.add_parser("import", help="import a SKOS thesaurus (Turtle or RDF/XML): tags, synonyms, relations")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the report as JSON")


def _tags_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tree", action="store_true", help="also synonyms, related tags and scope notes")
    p.add_argument("--json", action="store_true")


def _tag_id(library: Library, path: str) -> int:
    """The id of the tag at ``path`` (or named so, or with that synonym)."""
    from ngodesk.services import queries, thesaurus
    from ngodesk.steps import tagging

    views = queries.tags(library, counted=False)
    path = tagging.SEPARATOR.join(tagging.split_path(path))  # ("Region / Asia" is Region/Asia)
    for view in views:
        if view.path.casefold() == path.casefold():
            return view.id
    named = [view for view in views if view.name.casefold() == path.casefold()]
    if len(named) == 1:
        return named[0].id
    if len(named) > 1:
        raise NotFound(f"'{path}' names {len(named)} tags; give its path: " + ", ".join(v.path for v in named))
    for node in thesaurus.tree(library):
        if path.casefold() in (label.casefold() for label in node.synonyms):
            return node.id
    raise NotFound(f"No tag '{path}'.")


def run(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import queries, tags, thesaurus
    from ngodesk.steps import tagging

    """Run a tag subcommand; returns the exit code."""
    with open_library(args, True) as library:
        if args.action == "create":
            tags.create_tag(library, args.path)
            print(f"Created the tag {tagging.SEPARATOR.join(tagging.split_path(args.path))}")
        elif args.action == "synonym":
            changes = thesaurus.make_synonym(library, args.alias, _tag_id(library, args.preferred))
            merged = f" (the tag {args.alias} was merged into it)" if changes.tags_removed else ""
            print(f"'{args.alias}' now means {args.preferred}{merged}")
        elif args.action == "apply":
            ids = queries.matching_ids(library, args.query).tolist()
            changes = tags.apply_path(library, ids, args.tag)
            print(f"Tagged {len(changes.stories_changed):,} of {len(ids):,} stories found with {args.tag}")
        elif args.action == "merge":
            tags.merge_tags(library, _tag_id(library, args.source), _tag_id(library, args.target))
            print(f"Merged {args.source} into {args.target}")
        elif args.action == "note":
            thesaurus.set_scope_note(library, _tag_id(library, args.tag), args.note)
        else:
            thesaurus.relate(library, _tag_id(library, args.first), _tag_id(library, args.second), not args.undo)
    return 0


def run_list(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import thesaurus
    from ngodesk.steps import tagging

    """``ngodesk tags``: every tag with its story count (``--tree``: and
    synonyms, related tags, scope notes)."""
    with open_library(args, False) as library:
        nodes = thesaurus.tree(library)
    if args.json:
        rows = [
            {"uuid": n.uuid, "name": n.path.rsplit(tagging.SEPARATOR, 1)[-1], "path": n.path, "colour": n.colour}
            | {"stories": n.story_count}
            | (
                {"synonyms": list(n.synonyms), "related": list(n.related), "scope_note": n.scope_note}
                if args.tree
                else {}
            )
            for n in nodes
        ]
        print_json(rows)
        return 0
    for node in nodes:
        indent = "  " * node.depth
        print(f"{node.story_count:>7}  {indent}{node.path.rsplit(tagging.SEPARATOR, 1)[-1]}")
        if args.tree:
            for label, value in (
                ("UF", ", ".join(node.synonyms)),  # "used for", as thesauri print it
                ("RT", "; ".join(node.related)),
                ("SN", node.scope_note),
            ):
                if value:
                    print(f"{'':>7}  {indent}  {label} {value}")
    return 0


def run_thesaurus(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import thesaurus

    """``ngodesk thesaurus export|import``; exit 1 when concepts were left out."""
    if args.action == "export":
        with open_library(args, False) as library:
            count = thesaurus.export(library, args.format, args.output)
        if args.output:
            print(f"Exported {count} tags to {args.output}", file=sys.stderr)
        return 0
    with open_library(args, True) as library:
        report = thesaurus.import_file(library, args.file)
    failed = [{"concept": p.position, "reason": p.reason} for p in report.problems]
    remarks = [{"concept": p.position, "remark": p.reason} for p in report.remarks]
    counts = {
        "concepts": report.concepts,
        "tags_added": report.tags_added,
        "synonyms_added": report.synonyms_added,
        "relations_added": report.relations_added,
        "notes_added": report.notes_added,
    }
    if args.json:
        print_json({**counts, "failed": failed, "remarks": remarks})
    else:
        print(", ".join(f"{name.replace('_', ' ')}: {value}" for name, value in counts.items()))
        for item in failed:
            print(f"  {args.file}, {item['concept']}: {item['reason']}", file=sys.stderr)
        for item in remarks:
            print(f"  {args.file}, {item['concept']}: {item['remark']}", file=sys.stderr)
    return 1 if failed else 0
