"""``ngodesk attach`` and ``ngodesk attachments``: files attached to a
story from the command line (see ``services.attachments``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ngodesk.cli.common import CommandParser, Opener, print_json
from ngodesk.domain.errors import ValidationError

if TYPE_CHECKING:
    from ngodesk.store.library import Library


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``attach`` and ``attachments`` commands."""
    commands.add_parser("attach", help="attach files to a story (copied into the library)", define=_attach_arguments)
    commands.add_parser("attachments", help="a story's attached files", define=_attachments_arguments)
    commands.add_parser(
        "files",
        help="the stored files of attachments: how many, their size, which nothing refers to any more",
        define=_files_arguments,
    )


def _attach_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("uuid", metavar="UUID")
    p.add_argument("files", metavar="FILE", nargs="+")


def _attachments_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("uuid", metavar="UUID")
    p.add_argument("--json", action="store_true")


def _files_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--remove-unused", action="store_true", help="delete the files neither the library nor a backup refers to"
    )
    p.add_argument("--json", action="store_true")


def run_attach(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import attachments, queries

    with open_library(args, True) as library:
        story_id = queries.resolve_story(library, args.uuid)
        uuids, _ = attachments.attach(library, story_id, args.files)
    held = len(args.files) - len(uuids)
    already = f" ({held} the story had already)" if held else ""
    print(f"Attached {len(uuids)} file{'s' if len(uuids) != 1 else ''}{already}.")
    return 0


def run_list(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import attachments, queries

    with open_library(args, False) as library:
        found = attachments.attachments(library, queries.resolve_story(library, args.uuid))
        paths = {a.uuid: _stored(library, a.sha256) for a in found}
    if args.json:
        rows = [
            {"uuid": a.uuid, "name": a.name, "mime": a.mime, "size": a.size, "sha256": a.sha256, "path": paths[a.uuid]}
            for a in found
        ]
        print_json(rows)
        return 0
    for a in found:
        print(f"{a.size:>12,}  {a.mime:<28} {a.name}")
    if not found:
        print("No attachments.")
    return 0


def _stored(library: Library, sha256: str) -> str:
    """Where an attachment's file is; "" for a hash that names no file
    in the library (a bad row an older merge let in)."""
    from ngodesk.services import attachments

    try:
        return str(attachments.stored_path(library, sha256))
    except ValidationError:
        return ""


def run_files(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import attachments

    with open_library(args, args.remove_unused) as library:
        found = attachments.remove_unused(library) if args.remove_unused else attachments.stored_files(library)
    if args.json:
        rows = {
            "files": found.count,
            "bytes": found.size,
            "unused": [str(path) for path in found.unused],
            "unused_bytes": found.unused_size,
            "removed": args.remove_unused,
        }
        print_json(rows)
        return 0
    print(f"{found.count:,} stored file{'s' if found.count != 1 else ''}, {_size(found.size)}.")
    if args.remove_unused:
        print(f"Deleted {len(found.unused):,} unused ({_size(found.unused_size)}).")
    elif found.unused:
        print(
            f"{len(found.unused):,} unused ({_size(found.unused_size)}): `ngodesk files --remove-unused` deletes them."
        )
    else:
        print("None unused.")
    return 0


def _size(count: int) -> str:
    """Bytes for people: 512 bytes, 14.1 MB, 1.2 GB."""
    size, unit = float(count), "bytes"
    for bigger in ("kB", "MB", "GB"):
        if size < 1000:
            break
        size, unit = size / 1000, bigger
    return f"{count} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
