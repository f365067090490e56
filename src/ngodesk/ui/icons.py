"""The application's SVG icons (sharp at any scale), from the package."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/NAME.svg``."""
    with resources.as_file(resources.files("ngodesk.resources") / "icons" / f"{name}.svg") as path:
        return QIcon(str(path))
