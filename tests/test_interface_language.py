"""The Simplified Chinese interface: every string the program shows is in
the .ts and translated there, translations keep their placeholders, tags
and accelerators, the compiled catalogue loads, and the main window then
speaks Chinese."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from ngodesk.domain.dates import PartialDate
from ngodesk.domain.errors import ValidationError
from ngodesk.domain.models import StoryStatus, TermStatus, TranslationStatus
from ngodesk.formats import importers
from ngodesk.services import duplicates, translations
from ngodesk.services.exporting import FORMATS
from ngodesk.store.library import Library
from ngodesk.ui import i18n, labels
from ngodesk.ui.app import make_application
from ngodesk.ui.main_window import MainWindow
from tests.test_gui import entry, settle

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "ngodesk_zh_CN.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def _messages(path: Path) -> list[tuple[str, str, str, bool]]:
    """(context, source, translation, finished) of every message."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            assert element is not None
            forms = [form.text or "" for form in element.iter("numerusform")]
            text = forms[0] if forms else element.text or ""
            finished = element.get("type") not in ("unfinished", "obsolete", "vanished")
            found.append((name, message.findtext("source") or "", text, finished))
    return found


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}|%n|%\d", text))


def _tags(text: str) -> list[str]:
    return sorted(re.findall(r"</?([a-zA-Z]+)[^>]*>", text))


def _accelerator(text: str) -> list[str]:
    return re.findall(r"&([^&\s])", text.replace("&&", ""))


def test_every_string_of_the_program_is_in_the_catalogue(tmp_path: Path) -> None:
    """A string added to the code without ``make ts`` fails here."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "ngodesk").rglob("*.py"))
    subprocess.run([str(LUPDATE), "-locations", "none", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c, s) for c, s, _, _ in _messages(fresh)}
    have = {(c, s) for c, s, _, _ in _messages(TS)}
    assert sorted(wanted - have) == [], "run `make ts` and translate the new strings"
    assert len(wanted) > 600


def _marked_in_code() -> set[tuple[str, str]]:
    """(context, text) of every literal the code hands to ``self.tr``,
    ``translate`` or ``QT_TRANSLATE_NOOP``, read with Python's own parser
    (lupdate's misses some calls, e.g. with ``len(...)`` as the count)."""
    found = set()
    for path in (ROOT / "src" / "ngodesk").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            for call in ast.walk(cls):
                if not isinstance(call, ast.Call) or not call.args:
                    continue
                name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
                texts = [a.value for a in call.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if name == "tr" and isinstance(cls, ast.ClassDef) and texts and isinstance(call.args[0], ast.Constant):
                    found.add((cls.name, texts[0]))
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) == 2:
                    found.add((texts[0], texts[1]))
    return found


def test_the_lower_layers_mark_every_message_they_raise() -> None:
    """An error a service raises reaches people (the window shows it): its
    text goes through ``ngodesk.domain.i18n.translate``."""
    bare = []
    for folder in ("services", "store", "formats", "search", "domain"):
        for path in (ROOT / "src" / "ngodesk" / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                    first = node.exc.args[0]
                    text = first.value if isinstance(first, ast.Constant) else None
                    if isinstance(first, ast.JoinedStr) or (isinstance(text, str) and re.search("[A-Za-z]{3}", text)):
                        bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bare == []


def test_every_literal_marked_in_the_code_reaches_the_catalogue() -> None:
    have = {(c, s) for c, s, _, _ in _messages(TS)}
    assert sorted(_marked_in_code() - have) == []


def test_every_message_is_translated_with_its_placeholders_tags_and_accelerator() -> None:
    problems = []
    for context, source, text, finished in _messages(TS):
        where = f"{context}: {source!r} -> {text!r}"
        if not finished or not text.strip():
            problems.append(f"untranslated: {where}")
        elif _placeholders(source) != _placeholders(text):
            problems.append(f"placeholders differ: {where}")
        elif _tags(source) != _tags(text):
            problems.append(f"markup differs: {where}")
        elif len(_accelerator(text)) > 1 or bool(_accelerator(source)) != bool(_accelerator(text)):
            problems.append(f"accelerator: {where}")
        elif source.endswith("…") != text.endswith("…"):
            problems.append(f"ellipsis: {where}")
    assert problems == []


def test_the_values_the_lower_layers_use_have_translatable_names() -> None:
    assert set(labels.STORY_STATUSES) == {s.value for s in StoryStatus}
    assert set(labels.TRANSLATION_STATUSES) == {s.value for s in TranslationStatus}
    assert set(labels.TERM_STATUSES) == {s.value for s in TermStatus}
    assert [labels.language_name(t) for t in translations.LANGUAGES] == [  # (names from langcodes' language data)
        "English",
        "Chinese (Simplified)",
        "Chinese (Traditional)",
    ]
    titles = {f.TITLE for f in importers()} | {f.description for f in FORMATS.values()}
    assert titles <= set(labels.FORMATS)


def test_the_language_names_written_out_for_the_editor_are_langcodes_own() -> None:
    """The editor's languages, named before the first paint without
    langcodes, read as langcodes names them, in every interface language."""
    from ngodesk.domain import text as language_data
    from ngodesk.ui.editor import LANGUAGES

    spoken = {QLocale(code).name() for code in i18n.LANGUAGES if code}
    assert set(labels.KNOWN_LANGUAGE_NAMES) == spoken
    for speaking, names in labels.KNOWN_LANGUAGE_NAMES.items():
        assert names == {tag: language_data.language_name(tag, speaking) for tag in LANGUAGES}, speaking


def test_the_compiled_catalogue_turns_the_interface_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    """What ``make`` built loads, and the window's words come from it."""
    catalogue = Path(i18n.catalogue("zh_CN"))
    if not catalogue.exists():
        pytest.fail(f"{catalogue} is missing: `make test` builds it from the .ts")
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    try:
        assert QCoreApplication.translate("Fields", "Title") == "标题"
        assert labels.story_status("reviewed") == "已审校"
        assert duplicates._similar(93.2).count("93") == 1 and "标题" in duplicates._similar(93.2)
        with pytest.raises(ValidationError) as refused:  # (a lower layer's message, shown by the window)
            PartialDate.parse("May 2018")
        assert "不是日期" in str(refused.value) and "May 2018" in str(refused.value)
    finally:
        assert i18n.install(qapp, "en") == "en"
    assert QCoreApplication.translate("Fields", "Title") == "Title"
    assert len(qapp.findChildren(QTranslator)) == 1  # (English's own: its plural forms)
    with pytest.raises(ValidationError, match="is not a date"):
        PartialDate.parse("May 2018")  # (English again)


def test_the_main_window_in_chinese(qtbot, sample_library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Chosen at start-up, before the window is made: menus, column heads
    and the sidebar in Chinese (looked at: docs/images/main-window-zh_CN.png)."""
    app = make_application()
    assert i18n.install(app, "zh_CN") == "zh_CN"
    try:
        win = MainWindow(sample_library)
        qtbot.addWidget(win)
        win.show()
        settle(win)
        menus = [action.text() for action in win.menuBar().actions()]
        heads = [win.model.headerData(i, Qt.Orientation.Horizontal) for i in range(win.model.columnCount())]
        assert menus[:2] == ["文件(&F)", "编辑(&E)"] and heads[0] == "标题"
        assert [m for m in menus + heads if re.search(r"[A-Za-z]{2}", m.replace("(&", ""))] == []
        assert entry(win, "所有报道") is not None
        assert win.grab().save(str(tmp_path / "zh.png"))
    finally:
        i18n.install(app, "en")
