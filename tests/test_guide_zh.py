"""The user guide in Chinese (docs/guide/zh): every English page has its
Chinese page, with the same sections, tables, commands and pictures (the
pictures of the Chinese interface, docs/images/zh), written with Chinese
punctuation; Help > User Guide shows it when the interface is Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ngodesk.ui import i18n
from ngodesk.ui.guide_view import GuideWindow, guide_folder
from tests.test_docs import FENCE, GUIDE, IMAGES, LINK, PAGES, _links, _local, _prose, _shot_names
from tests.test_docs import test_a_page_is_plain_markdown_that_qt_reads as _plain_markdown

ZH = GUIDE / "zh"
ZH_IMAGES = IMAGES / "zh"
#: A Latin comma, full stop, colon, semicolon or bracket touching a Chinese
#: character, outside code: Chinese sentences take ，。：；（）.
LATIN_PUNCTUATION = re.compile(r"[\u4e00-\u9fff][,.:;()]|[,;(][\u4e00-\u9fff]")
INLINE_CODE = re.compile(r"`[^`\n]+`")


def _pictures(page: Path) -> list[str]:
    return [target for picture, target in _links(page) if picture and _local(target)]


def _outline(page: Path) -> list[str]:
    """The page's headings' levels, table rows and list items, in order."""
    kinds = []
    for line in _prose(page.read_text(encoding="utf-8")).splitlines():
        if line.startswith("#"):
            kinds.append(line.split(" ")[0])
        elif line.startswith("|"):
            kinds.append("|")
    return kinds


def test_every_english_page_has_a_chinese_page_and_no_more() -> None:
    assert sorted(p.name for p in ZH.glob("*.md")) == [p.name for p in PAGES]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_chinese_page_shows_the_same_pictures_of_the_chinese_interface(page: Path) -> None:
    chinese = ZH / page.name
    english = [Path(target).name for target in _pictures(page)]
    assert [Path(target).name for target in _pictures(chinese)] == english
    for target in _pictures(chinese):
        path = (chinese.parent / target).resolve()
        assert path.parent == ZH_IMAGES.resolve(), f"zh/{page.name}: {target} is not in docs/images/zh"
        assert path.is_file(), f"zh/{page.name}: {target} does not exist (make docs makes it)"


def test_make_docs_makes_the_chinese_pictures_of_every_english_one() -> None:
    assert {p.name for p in ZH_IMAGES.glob("*.png")} == set(_shot_names())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_chinese_page_has_the_english_sections_tables_commands_and_links(page: Path) -> None:
    chinese = ZH / page.name
    english_text, chinese_text = page.read_text(encoding="utf-8"), chinese.read_text(encoding="utf-8")
    assert _outline(chinese) == _outline(page)
    assert FENCE.findall(chinese_text) == FENCE.findall(english_text)  # (commands as they are typed)
    pages_linked = [t for _, t in LINK.findall(_prose(english_text)) if t.endswith(".md")]
    assert [t for _, t in LINK.findall(_prose(chinese_text)) if t.endswith(".md")] == pages_linked
    for link in pages_linked:
        assert (ZH / link.partition("#")[0]).is_file()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_chinese_page_is_chinese_with_chinese_punctuation(page: Path) -> None:
    prose = INLINE_CODE.sub("", _prose((ZH / page.name).read_text(encoding="utf-8")))
    prose = LINK.sub("", prose)
    assert len(re.findall(r"[\u4e00-\u9fff]", prose)) > len(re.findall(r"[A-Za-z]", prose)) / 2
    wrong = [m.group() for m in LATIN_PUNCTUATION.finditer(prose)]
    assert not wrong, f"zh/{page.name}: Latin punctuation in Chinese sentences: {wrong}"
    for word in ("图书馆 ", "故事"):  # ("library" is 资料库, "story" 报道)
        assert word not in prose


@pytest.mark.parametrize("page", sorted(ZH.glob("*.md")), ids=lambda p: p.name)
def test_a_chinese_page_is_plain_markdown_that_qt_reads(page: Path) -> None:
    _plain_markdown(page)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_help_shows_the_guide_in_the_interface_language(qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.ui.app import make_application

    app = make_application()
    assert isinstance(app, QApplication)
    i18n.install(app, language)
    try:
        guide = GuideWindow()
        qtbot.addWidget(guide)
        source = Path(guide.browser.source().toLocalFile())
        assert source == guide_folder(language) / "index.md"
        if language == "zh_CN":
            assert source.parent.name == "zh" and "搜索" in guide.browser.toPlainText()
            assert guide.windowTitle().endswith("ngodesk 用户指南")
            guide._follow(guide.browser.source().resolved(source.with_name("searching.md").as_uri()))
            assert "拼音" in guide.browser.toPlainText()  # (links lead to the Chinese pages)
        else:
            assert source.parent.name == "guide" and "Searching" in guide.browser.toPlainText()
    finally:
        i18n.install(app, "en")
