"""One line of an import's details: which file, where in it and why, with
the interface language's punctuation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from ngodesk.services.importing import Skipped


def detail(item: Skipped) -> str:
    """``file, position: reason``."""
    return QCoreApplication.translate("ImportDetails", "{file}, {position}: {reason}").format(
        file=item.file, position=item.position, reason=item.reason
    )


def left_out(item: Skipped) -> str:
    """``file, position: left out: reason`` (left out on purpose, such as a
    record deleted upstream)."""
    return QCoreApplication.translate("ImportDetails", "{file}, {position}: left out: {reason}").format(
        file=item.file, position=item.position, reason=item.reason
    )
