"""The team hub (PostgreSQL) from the user's side: making a hub and saying
who may change it. (Joining, syncing and leaving come with ``team join``.)"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import UTC, datetime

from ngodesk.store.hub import revision, roles
from ngodesk.store.hub.connection import shown, transaction
from ngodesk.store.hub.roles import Role


@dataclass(frozen=True)
class HubMade:
    """What ``create`` did: ``made`` False if the hub was already there and
    up to date (its roles were checked and completed all the same)."""

    where: str
    revision: str
    made: bool
    groups: dict[Role, str]


def create(url: str) -> HubMade:
    """Make the hub's schema and its editors' and readers' roles in the
    empty PostgreSQL database at ``url`` (or bring an older hub up to
    date), in one transaction. HubError, nothing changed, if the database
    holds other tables or a newer hub, or the user may not create roles."""
    from sqlalchemy.dialects.postgresql import insert

    from ngodesk.store.hub.schema import hub_meta

    where = shown(url)
    with transaction(url) as connection:
        made = revision.make(connection, where)
        groups = roles.make(connection)
        facts = {"created_at": datetime.now(UTC).isoformat(timespec="seconds"), "created_with": getpass.getuser()}
        connection.execute(
            insert(hub_meta).values([{"key": k, "value": v} for k, v in facts.items()]).on_conflict_do_nothing()
        )
        current = revision.refuse_unusable(connection, where)
    return HubMade(where, current, made, groups)


def grant(url: str, member: str, role: Role) -> str:
    """Make the server's login role ``member`` an editor (pull and push) or
    a reader (pull only) of the hub at ``url``; the group it joined.
    HubError if there is no such role or no hub there."""
    where = shown(url)
    with transaction(url) as connection:
        revision.refuse_unusable(connection, where)
        return roles.grant(connection, member, role)
