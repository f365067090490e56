"""What an import says about the records it could not take, in the
interface's language: with the Chinese catalogue installed the readers'
positions ("record 1", "line 3") and reasons ("deleted in the
repository") are Chinese; only names from the file stay as written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ngodesk.services import importing
from ngodesk.store.library import Library
from ngodesk.ui import i18n
from ngodesk.ui.app import make_application
from ngodesk.ui.main_window import MainWindow
from tests.test_gui_chinese import _window
from tests.test_oai_dc import RESPONSE

#: a row without a title, and one with more cells than the header has columns
TABLE = (
    "title,published,source\n有标题的报道,2020-01-02,新华社\n,2020-01-03,新华社\n第三篇,2020-01-04,新华社,多余,多余\n"
)


@pytest.fixture
def chinese_messages() -> Iterator[None]:
    """The lower layers' messages in Chinese (as the window installs them)."""
    app = make_application()
    assert i18n.install(app, "zh_CN") == "zh_CN"
    try:
        yield
    finally:
        i18n.install(app, "en")


@pytest.fixture
def chinese(qtbot, library: Library) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The window in Chinese."""
    yield from _window(qtbot, library, "zh_CN")


def _details(library: Library, tmp_path: Path) -> list[str]:
    """``position: reason`` of everything an import of a deleted OAI
    record and a CSV table with two bad rows left out or could not read."""
    (tmp_path / "harvest.xml").write_text(RESPONSE, encoding="utf-8")
    (tmp_path / "table.csv").write_text(TABLE, encoding="utf-8")
    report = importing.import_files(library, [tmp_path / "harvest.xml", tmp_path / "table.csv"])
    assert report.added == 2
    return [f"{p.position}: {p.reason}" for p in (*report.skipped, *report.problems)]


def test_reasons_are_chinese_in_the_chinese_interface(chinese_messages: None, library: Library, tmp_path: Path) -> None:
    details = _details(library, tmp_path)
    assert details == [
        "第 1 条记录（oai:x:1）: 已在存储库中删除",
        "第 3 行: 该行没有标题",
        "第 4 行: 有 5 个单元格，但标题行只有 3 列",
    ]
    assert not re.findall(r"[A-Za-z]{2,}", "\n".join(details).replace("oai:x:1", ""))


def test_reasons_stay_english_without_a_catalogue(library: Library, tmp_path: Path) -> None:
    assert _details(library, tmp_path) == [
        "record 1 (oai:x:1): deleted in the repository",
        "line 3: the row has no title",
        "line 4: 5 cells but the header names 3 columns",
    ]


def test_the_windows_import_details_are_chinese(qtbot, chinese: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "harvest.xml").write_text(RESPONSE, encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()))
    job = chinese.import_flow.import_files([str(tmp_path / "harvest.xml")])
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert shown == [f"{tmp_path / 'harvest.xml'}，第 1 条记录（oai:x:1）：未导入：已在存储库中删除"]
