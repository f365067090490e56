"""What every command module shares: the program's name, how a command
opens its library, prints JSON (``--json``) and counts things in words,
and the error that is a usage mistake (exit 2)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ngodesk.store.library import Library

PROGRAM = "ngodesk"

#: Opens the library a command names: ``(args, write)``.
Opener = Callable[[argparse.Namespace, bool], "Library"]


def print_json(value: object) -> None:
    """``value`` as indented JSON on standard output, non-ASCII as it is
    (Chinese stays readable); values JSON has no type for as their text."""
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


class UsageError(Exception):
    """Bad command-line arguments (exit 2)."""


def count(number: int, one: str, many: str) -> str:
    """``number`` with its noun: "1 story", "1,200 stories"."""
    return f"{number:,} {one if number == 1 else many}"
