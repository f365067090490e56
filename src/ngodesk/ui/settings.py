"""Preferences and window state, each declared once with its type and
default, stored with QSettings (on Linux: ~/.config/ngodesk/ngodesk.conf)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One stored value: where, what type, and what it is until set."""

    key: str
    default: T


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray())
SPLITTER = Setting("window/splitter", QByteArray())
LIST_HEADER = Setting("list/header", QByteArray())
#: The panes hidden from the View menu (sidebar, list, editor).
HIDDEN_PANES: Setting[list[str]] = Setting("window/hidden_panes", [])
#: The Translate layout: "" when off, else the layout to go back to (JSON).
TRANSLATE_LAYOUT = Setting("window/translate_layout", "")
RECENT_LIBRARIES: Setting[list[str]] = Setting("library/recent", [])
RECENT_MAX = 8
#: The user's name for the history ("": the login name).
AUTHOR = Setting("user/name", "")
#: The interface language ("": the system's; see ``i18n``).
LANGUAGE = Setting("user/language", "")


def settings() -> QSettings:
    """The application's settings store."""
    return QSettings()


def get(setting: Setting[T]) -> T:
    """The stored value, or the default when missing or of the wrong type."""
    value = settings().value(setting.key, setting.default)
    if isinstance(setting.default, list):
        if isinstance(value, str):  # QSettings returns a one-item list as a string
            value = [value]
        return cast(T, [str(v) for v in value] if isinstance(value, list) else list(setting.default))
    return value if isinstance(value, type(setting.default)) else setting.default


def put(setting: Setting[T], value: T) -> None:
    """Store ``value``."""
    settings().setValue(setting.key, value)


def remember_library(path: str) -> list[str]:
    """Put ``path`` first in the recent libraries; returns the new list."""
    recent = [path] + [p for p in get(RECENT_LIBRARIES) if p != path]
    put(RECENT_LIBRARIES, recent[:RECENT_MAX])
    return recent[:RECENT_MAX]


#: Room a window manager's frame takes around a window not yet shown
#: (title bar, borders), in pixels.
FRAME_ALLOWANCE = 40


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or less where its
    parent's screen (else the main screen) has less free room, frame
    included: a dialog's buttons stay on a 1024x600 laptop screen."""
    screen = (window.parentWidget() or window).screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    window.resize(min(width, area.width() - FRAME_ALLOWANCE // 2), min(height, area.height() - FRAME_ALLOWANCE))


def keep_on_screen(window: QWidget) -> None:
    """Move a restored window onto a screen if none shows its title bar
    (e.g. it was last on a monitor that is gone), and make a window larger
    than its screen's free area (a 1280x800 window on a 1024x600 laptop)
    fit in it."""
    frame = window.frameGeometry()
    title_bar = frame.adjusted(0, 0, 0, -(frame.height() - 40))
    screens = QGuiApplication.screens()
    if not screens:
        return
    shown_on = next((s for s in screens if s.availableGeometry().intersects(title_bar)), None)
    area = (shown_on or QGuiApplication.primaryScreen()).availableGeometry()
    if shown_on is not None and frame.width() <= area.width() and frame.height() <= area.height():
        return
    # (the frame's own width and height: what the window manager adds around the window)
    extra_width, extra_height = frame.width() - window.width(), frame.height() - window.height()
    width, height = min(frame.width(), area.width()), min(frame.height(), area.height())
    window.resize(width - extra_width, height - extra_height)
    if shown_on is None:  # centred on the main screen
        x, y = area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2
    else:  # where it was, as far as it fits
        x = min(max(frame.x(), area.x()), area.x() + area.width() - width)
        y = min(max(frame.y(), area.y()), area.y() + area.height() - height)
    window.move(x, y)
