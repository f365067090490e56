"""``ngodesk team ...``: the team hub from the command line (see
``services.team``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ngodesk.cli.common import CommandParser, Opener, count, print_json

if TYPE_CHECKING:
    from ngodesk.services.team import Synced, TeamStatus


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``team`` command and its subcommands, and ``sync``."""
    commands.add_parser(
        "team", help="the team hub on PostgreSQL: create, grant, join, status, leave", define=_team_arguments
    )
    commands.add_parser(
        "sync", help="send this library's changes to its team hub and take everyone else's", define=_sync_arguments
    )


def _sync_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help='print {"pushed": n, "pulled": n, "conflicts": n}')


def _team_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser(
        "create", help="make the hub's tables and its editors' and readers' roles in an empty PostgreSQL database"
    )
    p.add_argument("url", metavar="URL", help="postgresql://user@host/database (password: ~/.pgpass or PGPASSWORD)")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("grant", help="let a PostgreSQL login role pull and push (--editor) or only pull (--reader)")
    p.add_argument("url", metavar="URL")
    p.add_argument("member", metavar="ROLE", help="a login role on the hub's server")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--editor", action="store_const", dest="role", const="editor")
    which.add_argument("--reader", action="store_const", dest="role", const="reader")
    p = actions.add_parser("join", help="connect this library to a hub and sync (what the hub lacks is sent)")
    p.add_argument("url", metavar="URL", help="remembered without its password")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("status", help="the hub, its version, the last sync and the changes waiting to be sent")
    p.add_argument("--json", action="store_true")
    actions.add_parser("leave", help="disconnect this library from its hub (it keeps everything)")


def run(args: argparse.Namespace, open_library: Opener) -> int:
    """Run a team subcommand; returns the exit code."""
    from ngodesk.services import team
    from ngodesk.store.hub.roles import Role

    if args.action in ("join", "status", "leave"):
        with open_library(args, args.action != "status") as library:
            if args.action == "join":
                return _said(team.join(library, args.url), args.json)
            if args.action == "leave":
                print(f"Left the hub {team.leave(library)}; the library keeps everything.")
                return 0
            return _status(team.status(library), args.json)
    if args.action == "create":
        made = team.create(args.url)
        if args.json:
            print_json(
                {
                    "hub": made.where,
                    "schema": made.revision,
                    "made": made.made,
                    **{f"{r}s": g for r, g in made.groups.items()},
                }
            )
        else:
            done = "Made the team hub" if made.made else "The team hub is ready"
            print(f"{done} at {made.where} (schema {made.revision}).")
            print(
                f"Editors (pull and push): {made.groups[Role.EDITOR]}; readers (pull only): {made.groups[Role.READER]}."
            )
            print("Let people in with `ngodesk team grant URL ROLE --editor` (or --reader).")
        return 0
    group = team.grant(args.url, args.member, Role(args.role))
    print(
        f"{args.member} is now {'an editor' if args.role == 'editor' else 'a reader'} of the hub (a member of {group})."
    )
    return 0


def run_sync(args: argparse.Namespace, open_library: Opener) -> int:
    """``ngodesk sync``: exit 1 while conflicts are open."""
    from ngodesk.services import team

    with open_library(args, True) as library:
        return _said(team.sync(library), args.json)


def _said(synced: Synced, as_json: bool) -> int:
    if as_json:
        print_json({"pushed": synced.pushed, "pulled": synced.pulled, "conflicts": synced.conflicts})
    else:
        print(
            f"Sent {count(synced.pushed, 'change', 'changes')}, took {count(synced.pulled, 'change', 'changes')}; "
            f"the library holds the hub's version {synced.version}."
        )
        if synced.merge is not None:
            for line in synced.merge.left_out:
                print(f"  not taken: {line}")
        if synced.conflicts:
            print(
                f"{count(synced.conflicts, 'conflict', 'conflicts')} to settle: `ngodesk conflicts` "
                "(or Team > Conflicts in the window); they are sent at the next sync once settled."
            )
    return 1 if synced.conflicts else 0


def _status(now: TeamStatus, as_json: bool) -> int:
    if as_json:
        print_json(
            {
                "hub": now.hub,
                "hub_version": now.hub_version,
                "synced_version": now.synced_version,
                "synced_at": now.synced_at or None,
                "waiting": now.waiting,
                "offline": now.offline or None,
            }
        )
        return 0
    print(f"Hub: {now.hub}")
    print(f"Hub version: {now.hub_version if now.hub_version is not None else 'unknown (' + now.offline + ')'}")
    print(f"Last synced: version {now.synced_version}" + (f", at {now.synced_at}" if now.synced_at else ", never"))
    print(f"Waiting to be sent: {count(now.waiting, 'change', 'changes')}")
    return 0
