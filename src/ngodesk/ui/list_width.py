"""How narrow the story list gets: never narrower than LIST_MIN_WIDTH
(the editor and docks beside it give way), and its title column fills the
width the other columns leave but keeps a readable width in a narrow list,
the other columns moving out of view (the list scrolls sideways to them)
instead of the title shrinking to a few letters."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

#: The story list is never narrower than this.
LIST_MIN_WIDTH = 300
#: The title column is at least this wide (or the whole list, if narrower).
TITLE_MIN_WIDTH = 200


def keep_title_readable(view: QTableView) -> None:
    """Size column 0 by ``fit_title`` from now on (call again after the
    header's state is restored: that restores its resize modes too)."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
    fit_title(view)


def fit_title(view: QTableView) -> None:
    """Give column 0 the width the other shown columns leave, at least
    TITLE_MIN_WIDTH (or the list's width when that is narrower)."""
    header = view.horizontalHeader()
    if header.count() == 0:
        return
    room = view.viewport().width()
    others = sum(header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c))
    width = max(room - others, min(TITLE_MIN_WIDTH, room))
    if width > 0 and header.sectionSize(0) != width:
        header.resizeSection(0, width)
