"""``ngodesk delete`` and ``ngodesk trash``: deleted stories go to the
Trash, kept 30 days, and come back from it (see ``services.trash``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ngodesk.cli.choices import TRASH_KEEP_DAYS
from ngodesk.cli.common import CommandParser, Opener, count, print_json

if TYPE_CHECKING:
    pass


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``delete`` and ``trash`` commands."""
    commands.add_parser(
        "delete", help=f"move stories to the Trash (kept {TRASH_KEEP_DAYS} days)", define=_delete_arguments
    )
    commands.add_parser(
        "trash", help="list the stories in the Trash, restore them or empty it", define=_trash_arguments
    )


def _delete_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("uuids", nargs="+", metavar="UUID")


def _trash_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")
    actions = p.add_subparsers(dest="trash_action", metavar="ACTION")
    restore = actions.add_parser("restore", help="bring stories back with their tags, records, translations and notes")
    restore.add_argument(
        "uuids", nargs="+", metavar="UUID", help="as `ngodesk trash` lists them (a unique start will do)"
    )
    actions.add_parser("empty", help="delete the stories in the Trash for good (cannot be undone)")


def _stories(n: int) -> str:
    return count(n, "story", "stories")


def run_delete(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import queries, trash

    with open_library(args, True) as library:
        ids = [queries.resolve_story(library, ref) for ref in args.uuids]
        trash.purge(library)
        changes = trash.move_to_trash(library, ids)
    print(
        f"Moved {_stories(len(changes.stories_removed))} to the Trash (kept {trash.KEEP_DAYS} days; "
        "`ngodesk trash restore UUID` brings one back)."
    )
    return 0


def run_trash(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import trash

    if args.trash_action == "restore":
        with open_library(args, True) as library:
            trash.purge(library)
            changes = trash.restore_stories(library, args.uuids)
        print(f"Restored {_stories(len(changes.stories_added))}.")
        return 0
    if args.trash_action == "empty":
        with open_library(args, True) as library:
            trash.purge(library)
            gone = trash.empty(library).trash
        print(f"Deleted {_stories(len(gone))} for good; the Trash is empty." if gone else "The Trash was empty.")
        return 0
    with open_library(args, False) as library:
        found = trash.trashed(library)
    if args.json:
        rows = [
            {
                "uuid": t.uuid,
                "title": t.title,
                "deleted_at": t.deleted_at.isoformat(),
                "deleted_by": t.deleted_by,
                "kept_until": t.kept_until.isoformat(),
            }
            for t in found
        ]
        print_json(rows)
        return 0
    if not found:
        print("The Trash is empty.")
        return 0
    print(f"{_stories(len(found))} in the Trash, the last deleted first (each kept {trash.KEEP_DAYS} days):")
    for t in found:
        print(f"{t.uuid[:8]}  {t.deleted_at:%Y-%m-%d %H:%M} UTC  {t.title}")
    return 0
