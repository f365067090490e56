"""``ngodesk copy``, ``merge`` and ``conflicts``: field copies and merging
them back from the command line (see ``services.field_copy`` and
``services.merging``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ngodesk.cli.choices import PREFER
from ngodesk.cli.common import CommandParser, Opener, count, print_json
from ngodesk.domain.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from ngodesk.services.conflicts import ConflictView
    from ngodesk.services.merging import MergeReport


def add_commands(commands: argparse._SubParsersAction[CommandParser]) -> None:
    """The ``copy``, ``merge`` and ``conflicts`` commands."""
    commands.add_parser(
        "copy", help="make a field copy (a new library folder that can be merged back)", define=_copy_arguments
    )
    commands.add_parser(
        "merge", help="merge another copy of the library into this one (three-way)", define=_merge_arguments
    )
    commands.add_parser("conflicts", help="open merge conflicts; --settle one of them", define=_conflicts_arguments)


def _copy_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", metavar="OUT", help="a new (or empty) folder, or a file ending in .ngodesk-copy")
    p.add_argument("--query", metavar="Q", help="only the stories this search finds (all tags and records go)")


def _merge_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="PATH", help="the other library's folder, or a field-copy archive")
    p.add_argument(
        "--prefer",
        choices=PREFER,
        default="ask",
        help="conflicts: keep them open (ask, the default), or take mine or theirs",
    )
    p.add_argument("--json", action="store_true")


def _conflicts_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")
    p.add_argument("--settle", metavar="CONFLICT", help="settle a conflict (its id, or its first characters) ...")
    p.add_argument(
        "--take",
        choices=("mine", "theirs"),
        help="... with this library's value or the merged one's (a record deleted on one side: that side's choice"
        " deletes it, the other keeps it)",
    )


def run_copy(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import field_copy, queries

    with open_library(args, True) as library:
        ids = queries.matching_ids(library, args.query).tolist() if args.query is not None else None
        make = field_copy.make_archive if args.out.endswith(field_copy.ARCHIVE_SUFFIX) else field_copy.make_copy
        out = make(library, args.out, ids)
    held = "" if ids is None else f" ({count(len(ids), 'story', 'stories')})"
    print(f"Field copy made in {out}{held}.")
    return 0


def _conflict_json(c: ConflictView) -> dict[str, object]:
    return {
        "uuid": c.uuid,
        "kind": c.kind,
        "record": c.record_uuid,
        "label": c.label,
        "field": c.field,
        "mine": c.mine,
        "theirs": c.theirs,
        "mine_who": c.mine_who,
        "mine_at": c.mine_at,
        "theirs_who": c.theirs_who,
        "theirs_at": c.theirs_at,
        "source": c.source,
    }


def _print_conflicts(found: list[ConflictView]) -> None:
    from ngodesk.services.conflicts import DELETED

    for c in found:
        if c.field == DELETED:
            here, there = ("deleted", "edited") if c.mine is None else ("edited", "deleted")
            where = f"{here} here{_by(c.mine_who, c.mine_at)}, {there} there{_by(c.theirs_who, c.theirs_at)}"
            print(f"  {c.kind} “{c.label}”: {where}; kept until settled  [{c.uuid}]")
        else:
            mine, theirs = repr((c.mine or "")[:60]), repr((c.theirs or "")[:60])
            print(f"  {c.kind} “{c.label}” {c.field}: mine {mine} / theirs {theirs}  [{c.uuid}]")


def _by(who: str, at: str) -> str:
    """ " by NAME on DATE TIME", as much of it as is known."""
    return (f" by {who}" if who else "") + (f" on {at[:16]}" if at else "")


def _conflicts_line(n: int, how: str) -> str:
    return f"{count(n, 'conflict', 'conflicts')} {how}"


def _summary(report: MergeReport) -> str:
    parts = []
    for word, counts in (("added", report.added), ("changed", report.changed), ("deleted", report.deleted)):
        if counts:
            parts.append(word + " " + ", ".join(f"{n} {_kind(kind, n)}" for kind, n in sorted(counts.items())))
    return "; ".join(parts) or "nothing to change"


def _kind(plural: str, n: int) -> str:
    """ "stories" -> "story" for one, and the like."""
    if n != 1:
        return plural
    return plural[:-3] + "y" if plural.endswith("ies") else plural.removesuffix("s")


def run_merge(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import conflicts, merging

    with open_library(args, True) as library:
        report = merging.merge(library, args.path, merging.Prefer(args.prefer))
        still_open = conflicts.conflicts(library)
    if args.json:
        print_json(
            {
                "added": report.added,
                "changed": report.changed,
                "deleted": report.deleted,
                "conflicts": [_conflict_json(c) for c in still_open],
                "left_out": report.left_out,
            }
        )
    else:
        if Path(report.source) != Path(args.path).expanduser().absolute():
            print(f"Merged {report.source}, where {args.path} was opened and worked in: {_summary(report)}.")
        else:
            print(f"Merged {args.path}: {_summary(report)}.")
        _print_left_out(report.left_out)
        if still_open:
            print(_conflicts_line(len(still_open), "to settle (mine kept meanwhile; `ngodesk conflicts`):"))
            _print_conflicts(still_open)
    return 1 if still_open else 0


#: Lines of what a merge left out printed before "... and N more".
LEFT_OUT_LINES = 20


def _print_left_out(left_out: list[str]) -> None:
    if left_out:
        print("Left out:")
    for line in left_out[:LEFT_OUT_LINES]:
        print(f"  {line}")
    if len(left_out) > LEFT_OUT_LINES:
        print(f"  ... and {len(left_out) - LEFT_OUT_LINES} more (--json lists all)")


def run_conflicts(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import conflicts

    if args.settle:
        return _settle(args, open_library)
    with open_library(args, False) as library:
        found = conflicts.conflicts(library)
    if args.json:
        print_json([_conflict_json(c) for c in found])
    elif found:
        print(_conflicts_line(len(found), "open:"))
        _print_conflicts(found)
    else:
        print("No open conflicts.")
    return 0


def _settle(args: argparse.Namespace, open_library: Opener) -> int:
    from ngodesk.services import conflicts

    wanted, side = args.settle, args.take
    if side is None:
        raise ValidationError("--settle needs --take mine or --take theirs")
    with open_library(args, True) as library:
        matching = [c for c in conflicts.conflicts(library) if c.uuid.startswith(wanted.strip())]
        if len(matching) != 1:
            how = "More than one open conflict starts with" if matching else "No open conflict"
            raise NotFound(f"{how} {wanted} (`ngodesk conflicts` lists them).")
        (found,) = matching
        conflicts.resolve(library, found.uuid, found.mine if side == "mine" else found.theirs)
        left = len(conflicts.conflicts(library))
    print(f"Settled ({side}); {_conflicts_line(left, 'left')}.")
    return 0
