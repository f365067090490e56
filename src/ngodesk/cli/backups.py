"""``ngodesk backup``, ``backups`` and ``restore``: the library's rotating
snapshots from the command line (see ``services.backups``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ngodesk.cli.common import CommandParser, Opener, print_json

if TYPE_CHECKING:
    pass


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``backup``, ``backups`` and ``restore`` commands."""
    commands.add_parser("backup", help="back the library up now (SQLite's online backup)", define=_backup_arguments)
    commands.add_parser("backups", help="list the library's backups, newest first", define=_backups_arguments)
    commands.add_parser(
        "restore", help="put a backup back (the library must be closed everywhere)", define=_restore_arguments
    )


def _backup_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--keep", type=int, metavar="N", help="from now on keep the newest N backups")


def _backups_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", metavar="BACKUP", help="a name from `ngodesk backups` (or its start), a path, or latest")


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MB" if count >= 1_048_576 else f"{count / 1024:.0f} KB"


def run_backup(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import backups

    with open_library(args, True) as library:
        if args.keep is not None:
            gone = backups.set_keep(library, args.keep)
            if gone:
                print(f"Deleted {len(gone)} older backups (keeping {args.keep}).")
        made = backups.back_up(library)
    print(f"Backed up to {made.path} ({_size(made.size)}).")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ngodesk.services import backups
    from ngodesk.services.library import resolve

    folder, _ = resolve(args.library)
    found = backups.listing(folder.expanduser().absolute())
    if args.json:
        rows = [
            {"name": b.path.name, "path": str(b.path), "taken": b.taken.isoformat(), "reason": b.reason, "size": b.size}
            for b in found
        ]
        print_json(rows)
        return 0
    for b in found:
        print(f"{b.taken:%Y-%m-%d %H:%M} UTC  {b.reason:<22} {_size(b.size):>9}  {b.path.name}")
    if not found:
        print(f"No backups yet in {folder / 'backups'}.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from ngodesk.services import backups
    from ngodesk.services.library import resolve

    folder, _ = resolve(args.library)
    folder = folder.expanduser().absolute()
    chosen = backups.find(folder, args.backup)
    print(backups.restore(folder, chosen, program=f"ngodesk {args.command}", wait=args.wait))
    return 0
