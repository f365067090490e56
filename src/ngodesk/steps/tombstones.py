"""Tombstones, kept inside a service's transaction: who deleted a record
and when, so that merges neither resurrect nor lose it; forgotten when
the record comes back."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from ngodesk.steps.lookups import chunks
from ngodesk.store import history
from ngodesk.store.schema import Tombstone, utcnow


def bury(session: Session, kind: str, uuids: Iterable[str], replaced_by: str | None = None) -> None:
    """Record deletions (when, by whom) so that merges neither resurrect
    nor lose them."""
    now, who, buried = utcnow(), history.author(session), list(uuids)
    rows = [
        {"uuid": uuid, "kind": kind, "deleted_at": now, "deleted_by": who, "replaced_by": replaced_by}
        for uuid in buried
    ]
    # in bulk (a merge per uuid took minutes for 50,000): older tombstones of
    # the same uuids (a record deleted, restored, deleted again) are replaced
    unbury(session, buried)
    if rows:
        session.execute(insert(Tombstone), rows)


def unbury(session: Session, uuids: list[str]) -> None:
    """Forget the deletions of records that are back (restored, imported)."""
    for chunk in chunks(uuids):
        session.execute(delete(Tombstone).where(Tombstone.uuid.in_(chunk)))
