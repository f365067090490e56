"""``ngodesk entity ...`` and ``ngodesk suggest``: authority records from
the command line (see ``services.entities`` and ``services.suggestions``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ngodesk.cli.choices import ENTITY_KINDS
from ngodesk.cli.common import CommandParser, Opener, print_json
from ngodesk.domain.errors import NotFound

if TYPE_CHECKING:
    from ngodesk.domain.models import EntityView


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``entity`` command with its subcommands, and ``suggest``."""
    commands.add_parser("entity", help="authority records: organisations, people, places", define=_entity_arguments)
    commands.add_parser(
        "suggest", help="records whose names occur in stories not linked to them", define=_suggest_arguments
    )


def _entity_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="list records with their names and story counts")
    p.add_argument("--kind", choices=list(ENTITY_KINDS))
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("merge", help="merge record FROM into INTO (links move; FROM's names become INTO's)")
    p.add_argument("source", metavar="FROM_UUID")
    p.add_argument("target", metavar="INTO_UUID")


def _suggest_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--query", default="", metavar="Q", help="only the stories this search finds")
    p.add_argument("--apply", action="store_true", help="link every suggestion (one transaction)")
    p.add_argument("--json", action="store_true")


def _view_json(view: EntityView) -> dict[str, object]:
    return {
        "uuid": view.uuid,
        "kind": view.kind.value,
        "name": view.name,
        "alt_names": [{"name": n.name, "language": n.language, "preferred": n.preferred} for n in view.alt_names],
        "type": view.type,
        "country": view.country,
        "external_id": view.external_id,
        "see_also": list(view.see_also),
        "note": view.note,
        "stories": view.story_count,
    }


def _by_uuid(views: list[EntityView], uuid: str) -> EntityView:
    found = [view for view in views if view.uuid.startswith(uuid.lower())] if len(uuid) >= 8 else []
    if len(found) != 1:
        raise NotFound(f"No record {uuid}" if not found else f"'{uuid}' starts {len(found)} records' uuids")
    return found[0]


def run(args: argparse.Namespace, open_library: Opener) -> int:
    """Run an entity subcommand; returns the exit code."""
    from ngodesk.domain.models import EntityKind
    from ngodesk.services import entities, queries

    if args.action == "list":
        with open_library(args, False) as library:
            views = queries.entities(library, EntityKind(ENTITY_KINDS[args.kind]) if args.kind else None)
        if args.json:
            print_json([_view_json(view) for view in views])
        else:
            for view in views:
                others = "; ".join(n.name for n in view.alt_names)
                print(  # (the uuid's start: what entity merge takes)
                    f"{view.uuid[:8]}  {view.story_count:>6}  {view.kind.value:<12}  {view.name}"
                    + (f"  ({others})" if others else "")
                )
        return 0
    with open_library(args, True) as library:
        views = queries.entities(library)
        source, target = _by_uuid(views, args.source), _by_uuid(views, args.target)
        entities.merge_entities(library, source.id, target.id)
    print(f"Merged {source.name} into {target.name}")
    return 0


def run_suggest(args: argparse.Namespace, open_library: Opener) -> int:
    """``ngodesk suggest``: list (or ``--apply``) suggested links."""
    from ngodesk.services import queries, suggestions

    with open_library(args, args.apply) as library:
        story_ids = queries.matching_ids(library, args.query).tolist() if args.query else None
        found = suggestions.suggest(library, story_ids)
        if args.apply:
            suggestions.accept(library, found)  # (one transaction)
    if args.json:
        rows = [
            {"story": s.story_uuid, "title": s.story_title, "kind": s.kind.value, "record": s.entity_uuid}
            | {"name": s.name, "found": s.found}
            for s in found
        ]
        print_json(rows)
        return 0
    for suggestion in found:
        print(f"{suggestion.story_title[:60]}  ->  {suggestion.kind.value} {suggestion.name}  (“{suggestion.found}”)")
    done = "Linked" if args.apply else "Found"
    n, stories = len(found), len({s.story_id for s in found})
    print(f"{done} {n} suggestion{'s' if n != 1 else ''} in {stories} stor{'ies' if stories != 1 else 'y'}.")
    return 0
