"""``ngodesk team ...``: the team hub from the command line (see
``services.team``)."""

from __future__ import annotations

import argparse

from ngodesk.cli.common import CommandParser, print_json


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``team`` command and its subcommands."""
    commands.add_parser("team", help="the team hub on PostgreSQL: create, grant", define=_team_arguments)


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


def run(args: argparse.Namespace) -> int:
    """Run a team subcommand; returns the exit code."""
    from ngodesk.services import team
    from ngodesk.store.hub.roles import Role

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
