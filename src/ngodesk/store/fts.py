"""The story search index: a contentless SQLite FTS5 table.

The index stores no text of its own (the stories table holds it), which keeps
a library small. Callers feed it *transformed* text (see
``ngodesk.search.text.index_text``): Chinese runs arrive as overlapping
bigrams, so the ``porter unicode61`` tokenizer sees ordinary words, folds
case and accents and stems English. Because the table is contentless, removing
a document needs the exact transformed values it was added with; the services
recompute them from the story row before changing it.

This module is the only SQLite-specific search code: another database gets
its own implementation of these functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, column, literal_column, select, table
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

TABLE = "story_fts"
#: The index's vocabulary (an fts5vocab table): term, doc (stories), cnt.
TERMS = "story_fts_terms"
#: Indexed columns, in order; each is one story field.
COLUMNS = ("title", "summary", "body", "source")
#: bm25 weights per column: a hit in the title counts most.
WEIGHTS = (8.0, 3.0, 1.0, 2.0)

#: Core view of the index for queries: ``rowid`` is the story id; ``rank`` is
#: the weighted bm25 score (smaller is better).
index_table = table(TABLE, column("rowid"), column("rank"), *(column(name) for name in COLUMNS))

#: Memory FTS5 fills with new terms before writing them out as a segment
#: (its default: 1 MB). 100k stories indexed in one batch (a rebuild) took
#: 4.3 s instead of 7.5 s with 64 MB (fewer segments to merge), and the
#: index came out no larger; the memory is held only while a large write is
#: pending (migration 0018).
HASH_BYTES = 64 * 1024 * 1024

Doc = tuple[int, str, str, str, str]  # rowid (story id), then COLUMNS

_COLS = ", ".join(COLUMNS)
_PARAMS = ", ".join("?" for _ in COLUMNS)


def create_statements() -> list[str]:
    """DDL that creates the index (used by migrations)."""
    weights = ", ".join(str(w) for w in WEIGHTS)
    return [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5({_COLS}, content='', "
        "tokenize='porter unicode61 remove_diacritics 2')",
        f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', 'bm25({weights})')",
    ]


def tune_statements(hash_bytes: int = HASH_BYTES) -> list[str]:
    """DDL that sets the index's write buffer (kept in its own config)."""
    return [f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('hashsize', {int(hash_bytes)})"]


def add(connection: Connection, docs: Iterable[Doc]) -> None:
    """Index documents (rowid = story id)."""
    # In rowid order: FTS5 writes its pending terms out as a new segment
    # whenever a rowid is not above the last one (2x slower imports).
    rows = sorted(docs)
    if rows:
        connection.exec_driver_sql(f"INSERT INTO {TABLE}(rowid, {_COLS}) VALUES (?, {_PARAMS})", rows)


def remove(connection: Connection, docs: Iterable[Doc]) -> None:
    """Remove documents; each must carry the values it was added with."""
    rows = sorted(docs)  # (in rowid order, as ``add``)
    if rows:
        connection.exec_driver_sql(
            f"INSERT INTO {TABLE}({TABLE}, rowid, {_COLS}) VALUES ('delete', ?, {_PARAMS})", rows
        )


def clear(connection: Connection) -> None:
    """Drop every document (before a full rebuild)."""
    connection.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')")


def optimize(connection: Connection) -> None:
    """Merge index segments (after large imports)."""
    connection.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")


def integrity_problems(connection: Connection) -> list[str]:
    """FTS5's own consistency check; empty when the index is sound."""
    try:
        connection.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('integrity-check')")
    except Exception as error:  # noqa: BLE001 - any failure is a finding
        return [f"search index: {error}"]
    return []


def terms_starting(connection: Connection, firsts: Iterable[str]) -> list[tuple[str, int]]:
    """The index terms that begin with each of the characters ``firsts``,
    with the number of stories holding each: a range of the vocabulary per
    character, in one statement per 250 (SQLite allows 500 SELECTs in one;
    asking for thousands of candidate terms one by one, or one statement
    per range, is several times slower)."""
    chars = sorted(set(firsts))
    found: list[tuple[str, int]] = []
    for start in range(0, len(chars), 250):
        part = chars[start : start + 250]
        ranges = " UNION ALL ".join(f"SELECT term, doc FROM {TERMS} WHERE term >= ? AND term < ?" for _ in part)
        rows = connection.exec_driver_sql(ranges, tuple(p for char in part for p in (char, char + "\U0010ffff")))
        found += [(term, int(doc)) for term, doc in rows]
    return found


def index_state(connection: Connection) -> bytes:
    """An opaque value that changes whenever the committed index changes
    (FTS5's structure record: its segments and a write counter), for
    caching what is read from the index."""
    found = connection.exec_driver_sql(f"SELECT block FROM {TABLE}_data WHERE id = 10").first()
    return bytes(found[0]) if found else b""


def holds_phrase(connection: Connection, phrase: str) -> bool:
    """True when some story matches the FTS5 ``phrase`` expression."""
    found = connection.exec_driver_sql(f"SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT 1", (phrase,))
    return found.first() is not None


def matches(expression: str) -> ColumnElement[bool]:
    """Predicate: the index row matches an FTS5 query expression."""
    return literal_column(TABLE).op("MATCH")(expression)


def matching_ids(expression: str) -> Select[int]:
    """``SELECT rowid`` (story ids) of documents matching ``expression``."""
    return select(index_table.c.rowid).where(matches(expression))
