"""Connecting to a team hub: its URL as libpq takes it (``~/.pgpass``,
``PGPASSWORD``, ``sslmode=`` and service files all work, through psycopg),
shown with the password hidden, and PostgreSQL's failures turned into
messages a user can act on (``HubError``; ``HubUnreachable`` when the
server cannot be reached or went away)."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from ngodesk.domain.errors import HubError, HubUnreachable

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

#: The URL schemes a hub may be given with.
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
#: SQLSTATEs of a server going away (admin shutdown, crash, cannot connect now).
_GONE = {"57P01", "57P02", "57P03", "08000", "08003", "08006"}
#: What libpq says when it refuses a connection (it gives no SQLSTATE then).
_REFUSALS = {
    "password authentication failed": "28P01",
    "no password supplied": "28P01",
    "no pg_hba.conf entry": "28000",
    "does not exist": "3D000",  # (a database; a missing role fails its password first)
}


def engine_url(url: str) -> URL:
    """``url`` as SQLAlchemy's URL on psycopg; HubError if it is not a
    PostgreSQL URL."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    if parsed is None or parsed.drivername not in SCHEMES:
        raise HubError(f"Not a PostgreSQL URL: {shown(url)} (a hub's URL looks like postgresql://user@host/database)")
    return parsed.set(drivername="postgresql+psycopg")


def shown(url: str) -> str:
    """``url`` fit to print, as it was written but for any password (***)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url.split("@")[-1] if "@" in url else url
    login = (parsed.username or "") + (":***" if parsed.password is not None else "")
    place = (parsed.host or "") + (f":{parsed.port}" if parsed.port else "")
    query = "&".join(
        f"{k}={v}" for k, values in parsed.query.items() for v in ([values] if isinstance(values, str) else values)
    )
    return f"{parsed.drivername}://{login + '@' if login else ''}{place}/{parsed.database or ''}" + (
        f"?{query}" if query else ""
    )


def user_of(url: str) -> str:
    """The user the hub is reached as (libpq's choice when the URL names none)."""
    return engine_url(url).username or os.environ.get("PGUSER") or getpass.getuser()


def engine(url: str) -> Engine:
    """An engine for the hub at ``url`` (no pool: a sync opens and closes)."""
    return create_engine(engine_url(url), poolclass=NullPool)


@contextmanager
def transaction(url: str, snapshot: bool = False) -> Iterator[Connection]:
    """One transaction on the hub: committed when the block ends, rolled
    back if it raises; PostgreSQL's errors said as ``HubError``. With
    ``snapshot`` every statement sees the hub as it was at the first
    (REPEATABLE READ): a pull reads one state."""
    made = engine(url)
    try:
        options = {"isolation_level": "REPEATABLE READ"} if snapshot else {}
        with made.connect().execution_options(**options) as connection, connection.begin():
            yield connection
    except DBAPIError as error:
        raise said(error, url) from error
    finally:
        made.dispose()


def said(error: DBAPIError, url: str) -> HubError:
    """What a failed call to the hub at ``url`` tells the user."""
    original = error.orig
    message = " ".join(str(original).split()) or type(original).__name__
    detail = message.rsplit("FATAL:", 1)[-1].strip()
    state = getattr(original, "sqlstate", None) or next((s for text, s in _REFUSALS.items() if text in detail), None)
    where, user = shown(url), user_of(url)
    if state == "28P01":
        return HubError(
            f"The hub {where} refused the password of {user} (it is taken from the URL, "
            "PGPASSWORD or ~/.pgpass; it is never stored in the library)"
        )
    if state == "28000":
        return HubError(f"The hub {where} does not let {user} in: {detail}")
    if state == "3D000":
        return HubError(f"No such database on the hub's server: {where} ({detail})")
    if state == "42501":
        return HubError(f"The hub {where} did not allow {user} this: {detail}")
    if state in _GONE or state is None:
        return HubUnreachable(
            f"Cannot reach the hub {where}: {detail}. Nothing half-done is left there; work on and sync later."
        )
    return HubError(f"The hub {where} failed: {detail}")
