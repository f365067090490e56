"""``ngodesk attach`` and ``ngodesk attachments``: files attached to a
story from the command line (see ``services.attachments``)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from ngodesk.services import attachments, queries
from ngodesk.store.library import Library

Opener = Callable[[argparse.Namespace, bool], Library]


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The ``attach`` and ``attachments`` commands."""
    p = commands.add_parser("attach", help="attach files to a story (copied into the library)")
    p.add_argument("uuid", metavar="UUID")
    p.add_argument("files", metavar="FILE", nargs="+")
    p = commands.add_parser("attachments", help="a story's attached files")
    p.add_argument("uuid", metavar="UUID")
    p.add_argument("--json", action="store_true")


def run_attach(args: argparse.Namespace, open_library: Opener) -> int:
    with open_library(args, True) as library:
        story_id = queries.resolve_story(library, args.uuid)
        uuids, _ = attachments.attach(library, story_id, args.files)
    print(f"Attached {len(uuids)} file{'s' if len(uuids) != 1 else ''}.")
    return 0


def run_list(args: argparse.Namespace, open_library: Opener) -> int:
    with open_library(args, False) as library:
        found = attachments.attachments(library, queries.resolve_story(library, args.uuid))
        paths = {a.uuid: str(attachments.stored_path(library, a.sha256)) for a in found}
    if args.json:
        rows = [
            {"uuid": a.uuid, "name": a.name, "mime": a.mime, "size": a.size, "sha256": a.sha256, "path": paths[a.uuid]}
            for a in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for a in found:
        print(f"{a.size:>12,}  {a.mime:<28} {a.name}")
    if not found:
        print("No attachments.")
    return 0
