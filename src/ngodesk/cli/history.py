"""``ngodesk history`` and ``ngodesk revert``: a story's changes and going
back to a revision from the command line (see ``services.history``). The
author recorded is ``$NGODESK_USER``, else the login name."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ngodesk.cli.common import CommandParser, Opener, print_json

if TYPE_CHECKING:
    pass

#: Characters of a value shown per line.
SHOWN = 60


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``history`` and ``revert`` commands."""
    commands.add_parser("history", help="a story's changes, oldest first, by revision", define=_history_arguments)
    commands.add_parser(
        "revert", help="make a story as it was at REVISION (recorded as a new change)", define=_revert_arguments
    )


def _history_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("uuid", metavar="UUID", help="the story's uuid (or its first characters)")
    p.add_argument("--json", action="store_true")


def _revert_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("uuid", metavar="UUID")
    p.add_argument("revision", metavar="REVISION", type=int)


def _shown(value: str | None) -> str:
    if value is None:
        return "-"
    flat = " ".join(value.split())
    return repr(flat if len(flat) <= SHOWN else flat[:SHOWN] + "…")


def run_history(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import history, queries

    with open_library(args, False) as library:
        story_id = queries.resolve_story(library, args.uuid)
        view = queries.get_story(library, story_id)
        found = history.changes(library, story_id)
    if args.json:
        rows = [
            {
                "uuid": c.uuid,
                "revision": c.revision,
                "at": c.at.isoformat(),
                "who": c.who,
                "field": c.field,
                "old": c.old,
                "new": c.new,
                "ref": c.ref,
            }
            for c in found
        ]
        print_json({"story": view.uuid, "revision": view.revision, "changes": rows})
        return 0
    print(f"{view.title}  (revision {view.revision}; added {view.created_at:%Y-%m-%d %H:%M} UTC)")
    for c in found:
        change = f"{_shown(c.old)} -> {_shown(c.new)}"
        print(f"  r{c.revision:<4} {c.at:%Y-%m-%d %H:%M} {c.who or '?':<12} {c.field:<12} {change}")
    if not found:
        print("  no changes since it was added")
    return 0


def run_revert(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import history, queries

    with open_library(args, True) as library:
        story_id = queries.resolve_story(library, args.uuid)
        changes = history.revert(library, story_id, args.revision)
        revision = queries.get_story(library, story_id).revision
    if changes.empty:
        print(f"Nothing to change: the story is as it was at revision {args.revision}.")
    else:
        print(f"The story is as it was at revision {args.revision} again (now revision {revision}).")
    return 0
