"""Story history, kept by SQLite itself: triggers add a ``story_changes``
row for every changed field of a story (old and new value) and for every
tag or record linked or unlinked, whoever wrote it (a service, a batch
edit, an undo), with the time and the author set on the connection.

The triggers are TEMP triggers, created on each of ngodesk's own write
connections: another program writing to the file (sqlite3's shell, a
script) needs no function or table of ours, and records no history. A
connection holds its author and two pause counts in the temp table
``ngodesk_history``; imports and merges pause the link triggers (a story
arriving with its tags is not a change to it; a merge brings the other
side's link history along), the team hub's copy of a library pauses them
all (its history arrives as rows), and a paused trigger is dropped until
the pause ends (in the same transaction). Deleting a story leaves its history
(keyed by uuid), so a merge or a restore finds it.

A change's ``revision`` is the story's revision once the action that made
it is done: services bump a story's revision once per action, at its end
(``Story.touch``, ``steps.linking.touch_stories``), so every change of one
action carries the same number, and reverting to revision N undoes the
changes numbered above N.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ngodesk.domain.models import STORY_TEXT_FIELDS

#: Where the author's name comes from when the program sets none.
AUTHOR_VARIABLE = "NGODESK_USER"

_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'"
    " || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)
_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
_AUTHOR = "(SELECT author FROM ngodesk_history)"
_COLUMNS = "uuid, story_uuid, field, old, new, ref, at, who, revision"


@dataclass(frozen=True)
class _Trigger:
    name: str
    create: str
    #: dropped while paused (links and attachments; not field changes)
    pausable: bool


def _link_triggers(table: str, target: str, key: str, field: str) -> list[_Trigger]:
    """Triggers recording links of ``table`` added and removed; ``field``
    is an SQL expression over the target row ``t``."""
    triggers = []
    for event, row, old, new in (("INSERT", "new", "NULL", "t.name"), ("DELETE", "old", "t.name", "NULL")):
        name = f"ngodesk_{table}_{event.lower()}"
        create = (
            f"CREATE TEMP TRIGGER IF NOT EXISTS {name} AFTER {event} ON main.{table} BEGIN"
            f" INSERT INTO story_changes ({_COLUMNS})"
            f" SELECT {_UUID}, s.uuid, {field}, {old}, {new}, t.uuid, {_NOW}, {_AUTHOR}, s.revision + 1"
            f" FROM stories AS s, {target} AS t WHERE s.id = {row}.story_id AND t.id = {row}.{key}; END"
        )
        triggers.append(_Trigger(name, create, pausable=True))
    return triggers


def _field_trigger() -> _Trigger:
    fields = " UNION ALL ".join(
        f"SELECT '{name}' AS field, old.{name} AS old, new.{name} AS new" for name in STORY_TEXT_FIELDS
    )
    create = (
        "CREATE TEMP TRIGGER IF NOT EXISTS ngodesk_story_update AFTER UPDATE ON main.stories BEGIN"
        f" INSERT INTO story_changes ({_COLUMNS})"
        f" SELECT {_UUID}, new.uuid, f.field, f.old, f.new, NULL, {_NOW}, {_AUTHOR},"
        " max(new.revision, old.revision + 1)"
        f" FROM ({fields}) AS f WHERE f.old IS NOT f.new; END"
    )
    return _Trigger("ngodesk_story_update", create, pausable=False)


def _attachment_triggers() -> list[_Trigger]:
    """Triggers recording files attached and removed."""
    triggers = []
    for event, row, old, new in (("INSERT", "new", "NULL", "new.name"), ("DELETE", "old", "old.name", "NULL")):
        name = f"ngodesk_attachments_{event.lower()}"
        create = (
            f"CREATE TEMP TRIGGER IF NOT EXISTS {name} AFTER {event} ON main.attachments BEGIN"
            f" INSERT INTO story_changes ({_COLUMNS})"
            f" SELECT {_UUID}, s.uuid, 'attachment', {old}, {new}, {row}.uuid, {_NOW}, {_AUTHOR}, s.revision + 1"
            f" FROM stories AS s WHERE s.id = {row}.story_id; END"
        )
        triggers.append(_Trigger(name, create, pausable=True))
    return triggers


def _triggers(tables: set[str]) -> list[_Trigger]:
    return [
        _field_trigger(),
        *_link_triggers("story_tags", "tags", "tag_id", "'tag'"),
        *_link_triggers("story_entities", "entities", "entity_id", "t.kind"),
        *(_attachment_triggers() if "attachments" in tables else []),
    ]


def _tables(execute: Callable[[str], Any]) -> set[str]:
    return {row[0] for row in execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _sync(execute: Callable[[str], Any]) -> None:
    """Create the triggers that record now and drop the paused ones. A
    paused trigger is dropped, not skipped by a WHEN clause: a trigger
    that exists costs each row written even when it does nothing (an
    import's 300,000 tag links: 8 s with the triggers, 0.7 s without)."""
    paused, silenced = execute("SELECT paused, silenced FROM ngodesk_history").fetchone()
    for trigger in _triggers(_tables(execute)):
        if silenced or (paused and trigger.pausable):
            execute(f"DROP TRIGGER IF EXISTS temp.{trigger.name}")
        else:
            execute(trigger.create)


def install(connection: sqlite3.Connection) -> None:
    """Create the triggers on a write connection whose database has the
    history table (a database not migrated yet gets them on its next
    connection)."""
    if "story_changes" not in _tables(connection.execute):
        return
    connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS ngodesk_history"
        " (author TEXT NOT NULL, paused INTEGER NOT NULL, silenced INTEGER NOT NULL)"
    )
    connection.execute("INSERT INTO ngodesk_history SELECT '', 0, 0 WHERE NOT EXISTS (SELECT 1 FROM ngodesk_history)")
    _sync(connection.execute)


def default_author() -> str:
    """``$NGODESK_USER``, else the login name, else "" (bytes that are not
    UTF-8 replaced: the name is recorded with every change)."""
    if name := os.environ.get(AUTHOR_VARIABLE, "").strip():
        return os.fsencode(name).decode("utf-8", "replace")
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # (no user name in a container, say)
        return ""


def _installed(session: Session) -> bool:
    found = session.connection().exec_driver_sql(
        "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'ngodesk_history'"
    )
    return found.first() is not None


def author(session: Session) -> str:
    """Who writes in the session's transaction ("" where history is not
    kept: a library not migrated yet)."""
    if not _installed(session):
        return ""
    return str(session.connection().exec_driver_sql("SELECT author FROM ngodesk_history").scalar() or "")


@contextmanager
def links_unrecorded(session: Session) -> Iterator[None]:
    """Links made or removed in the block are not recorded (an import:
    stories arriving with their tags; a merge: their link history comes
    with it). Pauses nest."""
    with _paused(session, "paused"):
        yield


@contextmanager
def unrecorded(session: Session) -> Iterator[None]:
    """Nothing written in the block is recorded, fields nor links (the
    team hub's copy kept beside a library: its history arrives as rows).
    Pauses nest."""
    with _paused(session, "silenced"):
        yield


@contextmanager
def _paused(session: Session, count: str) -> Iterator[None]:
    """Raise the connection's pause ``count`` for the block: the triggers
    it pauses are dropped now and made again when the block ends, in the
    same transaction."""
    if not _installed(session):
        yield
        return
    connection = session.connection()
    connection.exec_driver_sql(f"UPDATE ngodesk_history SET {count} = {count} + 1")
    _sync(connection.exec_driver_sql)
    try:
        yield
    finally:
        # (unless SQLite rolled the transaction back itself, a full disk say:
        # that undid the count and the dropped triggers already)
        raw = connection.connection.driver_connection
        assert raw is not None  # (the session's connection is open)
        if raw.in_transaction:
            connection.exec_driver_sql(f"UPDATE ngodesk_history SET {count} = {count} - 1")
            _sync(connection.exec_driver_sql)
