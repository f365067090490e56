"""Help > User Guide: the guide opens inside the program, offline, and its
links lead from page to page."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser

from ngodesk.ui.guide_view import guide_folder
from ngodesk.ui.main_window import MainWindow
from tests.test_gui_editing import window  # noqa: F401 - the fixture


def test_the_guide_opens_on_its_contents_and_follows_links(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    (action,) = [a for a in window.menuBar().actions() if a.text() == "&Help"]
    (guide_action,) = [a for a in action.menu().actions() if a.text() == "&User Guide"]
    guide_action.trigger()
    guide = window._guide
    assert guide is not None and guide.isVisible()
    assert guide.browser.source().fileName() == "index.md" and guide.windowTitle().endswith(": ngodesk user guide")
    qtbot.waitUntil(lambda: min(_picture_widths(guide.browser) or [0]) > 0)
    widths = _picture_widths(guide.browser)
    assert 0 < min(widths) and max(widths) <= guide.browser.viewport().width()  # (screenshots fit the page)
    contents = guide.browser.toPlainText()
    assert "Searching" in contents and "Field work" in contents
    guide._follow(QUrl("searching.md"))
    assert guide.browser.source().fileName() == "searching.md" and "tag:" in guide.browser.toPlainText()
    guide.browser.backward()
    assert guide.browser.source().fileName() == "index.md" and guide.windowTitle().endswith(": ngodesk user guide")
    pictures = [p for p in (guide_folder().parent / "images").glob("*.png")]
    assert pictures and guide_folder().is_dir()


def _picture_widths(browser: QTextBrowser) -> list[float]:
    widths = []
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            if fragments.fragment().charFormat().isImageFormat():
                widths.append(fragments.fragment().charFormat().toImageFormat().width())
            fragments += 1
        block = block.next()
    return widths
