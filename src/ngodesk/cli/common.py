"""What every command module shares: the program's name, the parser its
commands get, how a command opens its library, prints JSON (``--json``)
and counts things in words, and the error that is a usage mistake (exit 2)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ngodesk.store.library import Library

PROGRAM = "ngodesk"

#: Opens the library a command names: ``(args, write)``.
Opener = Callable[[argparse.Namespace, bool], "Library"]


class CommandParser(argparse.ArgumentParser):
    """A command's parser, made and given its arguments by ``define`` only
    when that command is parsed (making the fifty-odd commands' parsers up
    front took 70 ms of every start). Without ``define``, an ordinary
    parser."""

    def __init__(self, *, define: Callable[[argparse.ArgumentParser], None] | None = None, **kwargs: Any) -> None:
        self._define = define
        self._kwargs = kwargs
        if define is None:
            super().__init__(**kwargs)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        if self._define is not None:
            define, self._define = self._define, None
            super().__init__(**self._kwargs)
            define(self)
        return super().parse_known_args(args, namespace)


def print_json(value: object) -> None:
    """``value`` as indented JSON on standard output, non-ASCII as it is
    (Chinese stays readable); values JSON has no type for as their text."""
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


class UsageError(Exception):
    """Bad command-line arguments (exit 2)."""


def count(number: int, one: str, many: str) -> str:
    """``number`` with its noun: "1 story", "1,200 stories"."""
    return f"{number:,} {one if number == 1 else many}"
