"""Fuzzing what a user types: the search query language (parsed, then run
on a real library) and the values of ``ngodesk add`` and ``ngodesk set``
(fields, tags, linked records) through the services. Whatever is typed,
the answer is a result or the project's own error (an NgodeskError, shown
as a message), and a refused edit changes nothing in the library.

``NGODESK_ATTACK_EXAMPLES=N`` runs N cases per test."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import STORY_TEXT_FIELDS, EntityKind
from ngodesk.search.query import FIELDS, parse
from ngodesk.services import queries, stories
from ngodesk.services.library import import_sample, open_library
from ngodesk.store.library import Library
from tests.attack.harness import FIGURES, fuzz
from tests.attack.hostile import SPECIALS, hostile_text

QUERY_WORDS = (
    *(f"{field}:" for field in FIELDS),
    *("tag:=", "trans:en:draft", "is:untagged", "year:2015..2018", "date:2018-01..2018-06", "year:..", "date:9999"),
    *("AND", "OR", "NOT", "-", "(", ")", '"', "*", ":", "..", " ", "  "),
    *("Kenya", "NGO", "走出去", "丝路", "zou chu qu", "http://x", "Note: ", "tag:Region/Africa", 'tag:"a b"'),
)


def query_text() -> st.SearchStrategy[str]:
    """Queries made of the language's own pieces and hostile text."""
    piece = st.one_of(st.sampled_from(QUERY_WORDS), hostile_text(max_size=12))
    return st.lists(piece, max_size=12).map(lambda pieces: "".join(pieces))


@fuzz(400)
@given(query=query_text())
def test_a_hostile_query_parses_or_is_refused_with_a_message(query: str) -> None:
    FIGURES.fuzz_cases += 1
    try:
        parse(query)
    except NgodeskError:
        pass


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    with open_library(tmp_path_factory.mktemp("search") / "library") as library:
        import_sample(library)
        first = queries.matching_ids(library, "").tolist()[0]
        stories.edit_story(library, first, add_tags=["Region/Africa/Kenya"], link=[(EntityKind.PLACE, "Kenya")])
        yield library


@fuzz(100)
@given(query=query_text())
def test_a_hostile_query_finds_stories_or_is_refused_with_a_message(sample: Library, query: str) -> None:
    FIGURES.fuzz_cases += 1
    try:
        queries.search(sample, query, limit=5)
        queries.matching_ids(sample, query, sort=("title", True), limit=5)
    except NgodeskError:
        pass


def digest(library: Library) -> str:
    """What the library's database holds (every table, every row)."""
    connection = sqlite3.connect(f"file:{quote(str(library.db_path))}?mode=ro", uri=True)
    try:
        found = hashlib.sha256()
        for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"'))
            found.update(f"{table}: {rows}".encode("utf-8", "surrogatepass"))
        return found.hexdigest()
    finally:
        connection.close()


NAMES = hostile_text(max_size=20)
KINDS = st.sampled_from([*EntityKind, "organisation", "nonsense", ""])
VALUES = st.dictionaries(
    st.sampled_from([*STORY_TEXT_FIELDS, "tags", "id", "uuid", "revision", "TITLE", "", "title "]),
    st.one_of(hostile_text(), st.sampled_from(SPECIALS), st.just("2019-03-05"), st.just("draft")),
    max_size=4,
)
TAGS = st.lists(st.one_of(hostile_text(max_size=20), st.sampled_from(("a/b", "/", "//", "a//b", "Region/Africa"))))


@pytest.fixture(scope="module")
def editable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    with open_library(tmp_path_factory.mktemp("edits") / "library") as library:
        import_sample(library)
        yield library


@fuzz(100)
@given(
    values=VALUES,
    add_tags=TAGS,
    remove_tags=TAGS,
    set_tags=st.none() | TAGS,
    link=st.lists(st.tuples(KINDS, NAMES), max_size=3),
    unlink=st.lists(st.tuples(KINDS, NAMES), max_size=2),
    which=st.integers(0, 12),
)
def test_set_with_hostile_values_changes_the_story_or_nothing(
    editable: Library,
    values: dict[str, str],
    add_tags: list[str],
    remove_tags: list[str],
    set_tags: list[str] | None,
    link: list[tuple[object, str]],
    unlink: list[tuple[object, str]],
    which: int,
) -> None:
    FIGURES.fuzz_cases += 1
    story_id = queries.matching_ids(editable, "").tolist()[which]
    before = digest(editable)
    try:
        stories.edit_story(
            editable,
            story_id,
            values,
            add_tags=add_tags,
            remove_tags=remove_tags,
            link=link,  # type: ignore[arg-type]
            unlink=unlink,  # type: ignore[arg-type]
            set_tags=set_tags,
        )
    except NgodeskError:
        assert digest(editable) == before  # a failed operation changes nothing


@fuzz(100)
@given(
    title=st.one_of(hostile_text(), st.sampled_from(SPECIALS)),
    values=VALUES,
    tags=TAGS,
    link=st.lists(st.tuples(KINDS, NAMES), max_size=3),
)
def test_add_with_hostile_values_makes_a_story_or_nothing(
    editable: Library, title: str, values: dict[str, str], tags: list[str], link: list[tuple[object, str]]
) -> None:
    FIGURES.fuzz_cases += 1
    before = digest(editable)
    try:
        stories.create_story(editable, {**values, "title": title}, tags, link)  # type: ignore[arg-type]
    except NgodeskError:
        assert digest(editable) == before


def test_digest_sees_a_change(editable: Library, tmp_path: Path) -> None:
    """(The property above would hold vacuously if ``digest`` saw nothing.)"""
    before = digest(editable)
    stories.create_story(editable, {"title": "one more"})
    assert digest(editable) != before
