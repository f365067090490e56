"""Limits that protect the user: files nested too deeply to read, text
that cannot be stored, fields too large for a catalogue; each ends in a
clear message with nothing changed (or, for a long body, the whole text
kept as an attachment), never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

DEEP = 100_000


def _cli(*args: str | bytes, library: Path) -> subprocess.CompletedProcess[str]:
    """``ngodesk --library LIBRARY ARGS``; bytes arguments go to the
    program as they are (as a shell passes bytes that are not UTF-8)."""
    command: list[str | bytes] = [sys.executable, "-m", "ngodesk", "--library", str(library), *args]
    done = subprocess.run(command, capture_output=True, env=os.environ, timeout=300)
    out, err = (stream.decode("utf-8", "replace") for stream in (done.stdout, done.stderr))
    return subprocess.CompletedProcess(command, done.returncode, out, err)


def _rows(library: Path, table: str) -> int:
    with sqlite3.connect(library / "catalogue.sqlite") as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def cli_library(tmp_path: Path) -> Path:
    path = tmp_path / "cli-library"
    assert _cli("import", str(SAMPLE), library=path).returncode == 0
    return path


def _csl_with_deep_note(depth: int) -> str:
    """A CSL-JSON item whose note is nested ``depth`` levels: below the
    parser's recursion limit, but deeper than anything later may walk."""
    item = json.dumps([{"type": "article", "title": "Deep", "note": "x"}])
    return item.replace('"x"', "[" * depth + "]" * depth)


#: (command, file name, text) of files nested too deeply to read
_DEEP_FILES = [
    (["import"], "stories.json", "[" * DEEP),
    (["import"], "library.json", '{"format": "ngodesk", "version": 1, "stories": ' + "[" * DEEP),
    (["import", "--format", "csl-json"], "items.json", '{"a": ' * DEEP),
    (["import", "--format", "csl-json"], "noted.json", _csl_with_deep_note(950)),
    (["annotations", "import"], "notes.jsonld", "[" * DEEP),
    (["thesaurus", "import"], "tags.ttl", "@prefix x: <http://x/> .\nx:a x:b " + "[ x:c " * DEEP),
    (["thesaurus", "import"], "lists.ttl", "@prefix x: <http://x/> .\nx:a x:b " + "(" * DEEP),
]


@pytest.mark.parametrize(("command", "name", "text"), _DEEP_FILES, ids=[f[1] for f in _DEEP_FILES])
def test_a_file_nested_too_deeply_is_refused_by_name(
    cli_library: Path, tmp_path: Path, command: list[str], name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    counts = {table: _rows(cli_library, table) for table in ("stories", "tags", "annotations")}
    result = _cli(*command, str(path), library=cli_library)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert str(path) in output and "too deeply nested" in output
    assert {table: _rows(cli_library, table) for table in counts} == counts


_DEEP_MARKUP = [
    (
        "nested.xml",
        "<?xml version='1.0'?><rss version='2.0'><channel><item><title>Nested</title>"
        + "<a>" * DEEP
        + "</a>" * DEEP
        + "</item></channel></rss>",
    ),
    ("nested.bib", "@article{key, title = {" + "{" * DEEP + "}"),
]


@pytest.mark.parametrize(("name", "text"), _DEEP_MARKUP, ids=[m[0] for m in _DEEP_MARKUP])
def test_deeply_nested_xml_and_bibtex_end_in_a_report(cli_library: Path, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = _cli("import", str(path), library=cli_library)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("Imported")
