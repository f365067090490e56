"""The user guide (docs/guide) holds together: its pages are reachable from
the contents, its links and pictures lead to files that exist, every
picture docs/make_screenshots.py makes is shown by a page and every picture
shown is made there, and every command line it shows is one ngodesk
accepts. The pages also come through Qt's Markdown reader (the one the
Help > User Guide window uses) without stray Markdown."""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from ngodesk.cli import make_parser

DOCS = Path(__file__).resolve().parents[1] / "docs"
GUIDE = DOCS / "guide"
IMAGES = DOCS / "images"
SCRIPT = DOCS / "make_screenshots.py"
PAGES = sorted(GUIDE.glob("*.md"))

#: ``[text](target)`` and ``![alt](target)``; the text may span lines.
LINK = re.compile(r"(!?)\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`([^`\n]+)`")


def _prose(text: str) -> str:
    """The page without its fenced code blocks."""
    return FENCE.sub("", text)


def _links(page: Path) -> list[tuple[bool, str]]:
    """(is a picture, target) of every link in the page's prose."""
    return [(bang == "!", target) for bang, target in LINK.findall(_prose(page.read_text(encoding="utf-8")))]


def _local(target: str) -> bool:
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target) and not target.startswith("#")


def _shot_names() -> list[str]:
    """The file names in make_screenshots.py's table ``SHOTS``."""
    tree = ast.parse(SCRIPT.read_text(encoding="utf-8"))
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "SHOTS" and node.value is not None:
            assert isinstance(node.value, ast.List | ast.Tuple)
            names = []
            for row in node.value.elts:
                assert isinstance(row, ast.Tuple) and isinstance(row.elts[0], ast.Constant)
                names.append(str(row.elts[0].value))
            return names
    raise AssertionError("make_screenshots.py has no SHOTS table")


def _pictures_shown() -> set[str]:
    """The names of the pictures in docs/images the pages show."""
    shown = set()
    for page in PAGES:
        for picture, target in _links(page):
            if picture and _local(target):
                path = (page.parent / target).resolve()
                assert path.parent == IMAGES.resolve(), f"{page.name}: {target} is not in docs/images"
                shown.add(path.name)
    return shown


def _command_lines() -> list[tuple[str, str]]:
    """(page, line) of every ``ngodesk ...`` line in the code blocks."""
    found = []
    for page in PAGES:
        for block in FENCE.findall(page.read_text(encoding="utf-8")):
            for line in block.splitlines():
                line = line.strip().removeprefix("$ ")
                if line.startswith("ngodesk ") or line == "ngodesk":
                    found.append((page.name, line))
    return found


def _commands() -> dict[str, argparse.ArgumentParser]:
    """ngodesk's subcommands and their parsers."""
    (action,) = [a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_the_guide_has_its_pages_and_the_contents_lead_to_each() -> None:
    assert (GUIDE / "index.md").exists()
    from_index = {target.partition("#")[0] for _, target in _links(GUIDE / "index.md") if _local(target)}
    for target in from_index:
        assert (GUIDE / target).is_file(), f"index.md links to {target}, which does not exist"
    others = {page.name for page in PAGES} - {"index.md"}
    assert others, "the guide has no pages besides the contents"
    assert others <= from_index, f"pages the contents do not link to: {sorted(others - from_index)}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_and_picture_of_a_page_leads_to_a_file(page: Path) -> None:
    links = _links(page)
    assert links or page.name != "index.md"
    for _, target in links:
        if _local(target):
            path = page.parent / target.partition("#")[0]
            assert path.is_file(), f"{page.name}: {target} does not exist"


def test_every_picture_is_made_by_the_script_and_shown_by_a_page() -> None:
    made = _shot_names()
    assert len(made) == len(set(made)), "a name appears twice in SHOTS"
    assert {"main-window.png", "main-window-zh_CN.png"} <= set(made)  # (the AppStream file names these two)
    shown = _pictures_shown()
    assert not set(made) - shown, f"pictures no page shows: {sorted(set(made) - shown)}"
    assert not shown - set(made), f"pictures the script does not make: {sorted(shown - set(made))}"
    stale = {path.name for path in IMAGES.glob("*.png")} - set(made)
    assert not stale, f"pictures in docs/images the script no longer makes: {sorted(stale)}"


def test_every_command_line_shown_is_one_ngodesk_accepts() -> None:
    lines = _command_lines()
    assert len(lines) > 20  # (the pages do show their commands)
    parser = make_parser()
    for page, line in lines:
        argv = shlex.split(line, comments=True)[1:]
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            try:
                parser.parse_args(argv)
            except SystemExit as exit_:
                assert exit_.code == 0, f"{page}: `{line}` is refused: {stderr.getvalue().strip()}"


def test_every_command_named_in_the_prose_exists() -> None:
    commands = _commands()
    for page in PAGES:
        for code in INLINE_CODE.findall(_prose(page.read_text(encoding="utf-8"))):
            words = code.split()
            if words[0] == "ngodesk" and len(words) > 1 and re.fullmatch(r"[a-z]+", words[1]):
                assert words[1] in commands, f"{page.name}: `{code}` names no command of ngodesk"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_page_is_plain_markdown_that_qt_reads(page: Path) -> None:
    """No HTML blocks, footnotes or lists nested deeper than two levels
    (Qt's reader handles CommonMark and GitHub tables, not more); after
    reading, no Markdown syntax is left over as text."""
    from PySide6.QtGui import QTextDocument

    from ngodesk.ui.app import make_application

    text = page.read_text(encoding="utf-8")
    assert text.startswith("# "), f"{page.name} does not start with its title"
    prose = _prose(text)
    for number, line in enumerate(prose.splitlines(), 1):
        assert not re.match(r"\s*<[a-zA-Z/!]", line), f"{page.name}:{number}: HTML"
        assert "[^" not in line, f"{page.name}:{number}: a footnote"
        assert not re.match(r"\s{5,}([-*+]|\d+\.)\s", line), f"{page.name}:{number}: a list nested too deep"
    make_application()
    document = QTextDocument()
    document.setMarkdown(text)
    shown = _prose(document.toPlainText())
    for leftover in ("](", "|---", "**", "![", "\\"):
        assert leftover not in shown, f"{page.name}: {leftover!r} shows as text"
    assert document.blockCount() > 10
