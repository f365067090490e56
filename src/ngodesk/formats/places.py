"""Where in a file a reader found a record or a problem, in the
interface's language (English on the command line)."""

from __future__ import annotations

import re

from ngodesk.domain.i18n import translate


def line_place(number: int) -> str:
    """``line N``: the line a record or problem starts on."""
    return translate("Messages", "line {line}").format(line=number)


def the_file() -> str:
    """``the file``: a problem with the whole file rather than one record."""
    return translate("Messages", "the file")


def line_of(place: str) -> str:
    """The line number in a ``line_place`` ("" when it names none)."""
    number = re.search(r"\d+", place)
    return number.group() if number else ""
