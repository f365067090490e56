"""Story history, kept by SQLite itself: triggers add a ``story_changes``
row for every changed field of a story (old and new value) and for every
tag or record linked or unlinked, whoever wrote it (a service, a batch
edit, an undo), with the time and the author set on the connection.

The triggers are TEMP triggers, created on each of ngodesk's own write
connections: another program writing to the file (sqlite3's shell, a
script) needs no function or table of ours, and records no history. A
connection holds its author and a pause count in the temp table
``ngodesk_history``; imports pause the link triggers (a story arriving
with its tags is not a change to it). Deleting a story leaves its history
(keyed by uuid), so a merge or a restore finds it.

A change's ``revision`` is the story's revision once the action that made
it is done: services bump a story's revision once per action, at its end
(``Story.touch``, ``records.touch_stories``), so every change of one
action carries the same number, and reverting to revision N undoes the
changes numbered above N.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy.orm import Session

#: Story fields whose changes are recorded.
FIELDS = ("title", "summary", "body", "url", "source", "published", "language", "status")
#: Where the author's name comes from when the program sets none.
AUTHOR_VARIABLE = "NGODESK_USER"

_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'"
    " || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)
_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
_AUTHOR = "(SELECT author FROM ngodesk_history)"
#: Links are recorded unless paused (an import) or silent (a merge).
_ACTIVE = "(SELECT paused + silent FROM ngodesk_history) = 0"
#: Fields are recorded unless silent.
_FIELDS_ACTIVE = "(SELECT silent FROM ngodesk_history) = 0"
_COLUMNS = "uuid, story_uuid, field, old, new, ref, at, who, revision"


def _link_triggers(table: str, target: str, key: str, field: str) -> list[str]:
    """Triggers recording links of ``table`` added and removed; ``field``
    is an SQL expression over the target row ``t``."""
    statements = []
    for event, row, old, new in (("INSERT", "new", "NULL", "t.name"), ("DELETE", "old", "t.name", "NULL")):
        statements.append(
            f"CREATE TEMP TRIGGER IF NOT EXISTS ngodesk_{table}_{event.lower()} AFTER {event} ON main.{table}"
            f" WHEN {_ACTIVE} BEGIN"
            f" INSERT INTO story_changes ({_COLUMNS})"
            f" SELECT {_UUID}, s.uuid, {field}, {old}, {new}, t.uuid, {_NOW}, {_AUTHOR}, s.revision + 1"
            f" FROM stories AS s, {target} AS t WHERE s.id = {row}.story_id AND t.id = {row}.{key}; END"
        )
    return statements


def _statements() -> list[str]:
    fields = " UNION ALL ".join(f"SELECT '{name}' AS field, old.{name} AS old, new.{name} AS new" for name in FIELDS)
    return [
        "CREATE TEMP TABLE IF NOT EXISTS ngodesk_history"
        " (author TEXT NOT NULL, paused INTEGER NOT NULL, silent INTEGER NOT NULL)",
        "INSERT INTO ngodesk_history SELECT '', 0, 0 WHERE NOT EXISTS (SELECT 1 FROM ngodesk_history)",
        "CREATE TEMP TRIGGER IF NOT EXISTS ngodesk_story_update AFTER UPDATE ON main.stories"
        f" WHEN {_FIELDS_ACTIVE} BEGIN"
        f" INSERT INTO story_changes ({_COLUMNS})"
        f" SELECT {_UUID}, new.uuid, f.field, f.old, f.new, NULL, {_NOW}, {_AUTHOR},"
        " max(new.revision, old.revision + 1)"
        f" FROM ({fields}) AS f WHERE f.old IS NOT f.new; END",
        *_link_triggers("story_tags", "tags", "tag_id", "'tag'"),
        *_link_triggers("story_entities", "entities", "entity_id", "t.kind"),
    ]


def _attachment_triggers() -> list[str]:
    """Triggers recording files attached and removed."""
    statements = []
    for event, row, old, new in (("INSERT", "new", "NULL", "new.name"), ("DELETE", "old", "old.name", "NULL")):
        statements.append(
            f"CREATE TEMP TRIGGER IF NOT EXISTS ngodesk_attachments_{event.lower()} AFTER {event} ON main.attachments"
            f" WHEN {_ACTIVE} BEGIN"
            f" INSERT INTO story_changes ({_COLUMNS})"
            f" SELECT {_UUID}, s.uuid, 'attachment', {old}, {new}, {row}.uuid, {_NOW}, {_AUTHOR}, s.revision + 1"
            f" FROM stories AS s WHERE s.id = {row}.story_id; END"
        )
    return statements


def install(connection: sqlite3.Connection) -> None:
    """Create the triggers on a write connection whose database has the
    history table (a database not migrated yet gets them on its next
    connection)."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "story_changes" not in tables:
        return
    for statement in _statements() + (_attachment_triggers() if "attachments" in tables else []):
        connection.execute(statement)


def default_author() -> str:
    """``$NGODESK_USER``, else the login name, else ""."""
    if name := os.environ.get(AUTHOR_VARIABLE, "").strip():
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # (no user name in a container, say)
        return ""


@contextmanager
def _counting(session: Session, column: str) -> Iterator[None]:
    connection = session.connection()
    installed = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'ngodesk_history'"
    ).first()
    if installed is None:
        yield
        return
    connection.exec_driver_sql(f"UPDATE ngodesk_history SET {column} = {column} + 1")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"UPDATE ngodesk_history SET {column} = {column} - 1")


def links_unrecorded(session: Session) -> AbstractContextManager[None]:
    """Links made or removed in the block are not recorded (an import:
    stories arriving with their tags)."""
    return _counting(session, "paused")


def unrecorded(session: Session) -> AbstractContextManager[None]:
    """Nothing written in the block is recorded (a merge, which brings
    the other library's own history along)."""
    return _counting(session, "silent")
