"""Connecting to a team hub: its URL as libpq takes it (``~/.pgpass``,
``PGPASSWORD``, ``sslmode=`` and service files all work, through psycopg),
shown with the password hidden, and PostgreSQL's failures turned into
messages a user can act on (``HubError``; ``HubUnreachable`` when the
server cannot be reached or went away)."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from ngodesk.domain.errors import HubError, HubLoginRefused, HubUnreachable
from ngodesk.domain.i18n import translate

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
        raise HubError(
            translate(
                "Messages", "Not a PostgreSQL URL: {url} (a hub's URL looks like postgresql://user@host/database)"
            ).format(url=shown(url))
        )
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


#: Seconds to wait for a hub to answer a connection (unless the URL says
#: ``connect_timeout=``): a hub out of reach is said, not waited on.
CONNECT_TIMEOUT = 15


def engine(url: str) -> Engine:
    """An engine for the hub at ``url`` (no pool: a sync opens and closes)."""
    address = engine_url(url)
    waiting = {} if "connect_timeout" in address.query else {"connect_timeout": CONNECT_TIMEOUT}
    return create_engine(address, poolclass=NullPool, connect_args=waiting)


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
        raise said(error.orig, url) from error
    except Exception as error:  # (the driver's own, from a COPY through its cursor)
        import psycopg  # (loaded by now: the connection is the driver's)

        if not isinstance(error, psycopg.Error):
            raise
        raise said(error, url) from error
    finally:
        made.dispose()


def said(original: BaseException | None, url: str) -> HubError:
    """What a failed call to the hub at ``url`` (``original``: the
    driver's error) tells the user."""
    message = " ".join(str(original).split()) or type(original).__name__
    detail = message.rsplit("FATAL:", 1)[-1].strip()
    state = getattr(original, "sqlstate", None) or next((s for text, s in _REFUSALS.items() if text in detail), None)
    where, user = shown(url), user_of(url)
    if state == "28P01":
        return HubLoginRefused(
            translate(
                "Messages",
                "The hub {hub} refused the password of {user} (it is taken from the URL, PGPASSWORD or ~/.pgpass; "
                "it is never stored in the library)",
            ).format(hub=where, user=user)
        )
    if state == "28000":
        return HubError(
            translate("Messages", "The hub {hub} does not let {user} in: {detail}").format(
                hub=where, user=user, detail=detail
            )
        )
    if state == "3D000":
        return HubError(
            translate("Messages", "No such database on the hub's server: {hub} ({detail})").format(
                hub=where, detail=detail
            )
        )
    if state == "42501":
        return HubError(
            translate("Messages", "The hub {hub} did not allow {user} this: {detail}").format(
                hub=where, user=user, detail=detail
            )
        )
    if state in _GONE or state is None:
        return HubUnreachable(
            translate(
                "Messages",
                "Cannot reach the hub {hub} ({detail}). Nothing half-done is left there; work on and sync later.",
            ).format(hub=where, detail=detail)
        )
    return HubError(translate("Messages", "The hub {hub} failed: {detail}").format(hub=where, detail=detail))


def with_password(url: str, password: str | None) -> str:
    """``url`` as it was written, with ``password`` in it (for this
    process only: never stored), or without any when None."""
    parts = urlsplit(url)
    user, _, place = parts.netloc.rpartition("@")
    name = user.split(":", 1)[0]
    login = f"{name}:{quote(password, safe='')}@" if password else (f"{name}@" if name else "")
    return f"{parts.scheme}://{login}{place}{parts.path}" + (f"?{parts.query}" if parts.query else "")


def watch(url: str, heard: Callable[[int], bool], every: float = 1.0) -> None:
    """Listen to the hub's pushes until ``heard`` returns False: it gets
    each push's version as it is committed, and 0 every ``every`` seconds
    of quiet. HubError (HubUnreachable when the hub goes away) ends it."""
    import psycopg

    from ngodesk.store.hub.schema import CHANNEL

    made = engine(url)
    try:
        raw = made.raw_connection()
        try:
            connection: Any = raw.driver_connection
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
            while True:
                news = [int(n.payload or 0) for n in connection.notifies(timeout=every)]
                if not heard(max(news, default=0)):
                    return
        finally:
            raw.close()
    except DBAPIError as error:
        raise said(error.orig, url) from error
    except psycopg.Error as error:
        raise said(error, url) from error
    finally:
        made.dispose()
