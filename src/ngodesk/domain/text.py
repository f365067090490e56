"""Checks on text from outside (command line, files, clipboard)."""

from __future__ import annotations

import re

from ngodesk.domain.errors import ValidationError

_SURROGATE = re.compile("[\ud800-\udfff]")


def unencodable_at(text: str) -> int | None:
    """Index of the first character UTF-8 cannot store (a lone surrogate,
    as Python makes of undecodable bytes in command-line arguments)."""
    found = _SURROGATE.search(text)
    return found.start() if found else None


def require_encodable(text: str, what: str) -> str:
    """``text`` unchanged, or ValidationError naming ``what`` and the column."""
    position = unencodable_at(text)
    if position is not None:
        raise ValidationError(
            f"{what} has bytes that are not valid UTF-8 at column {position + 1}; "
            "check the terminal's or the file's encoding."
        )
    return text
