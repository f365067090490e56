"""Alembic glue: the schema is owned by migrations shipped in the package.

Which revisions exist is read from the migration scripts' own
``revision``/``down_revision`` lines, without Alembic (importing it took
0.2 s of every start): Alembic is imported only to upgrade.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

SCRIPT_LOCATION = "ngodesk.store:migrations"
#: Where Alembic finds the scripts of SCRIPT_LOCATION.
VERSIONS = Path(__file__).with_name("migrations") / "versions"
#: A script's ``revision = "0022"`` or ``down_revision = None`` line.
_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:["']([^"']*)["']|None)\s*$""", re.M)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave the FTS5 index and its shadow tables (not SQLAlchemy tables)
    and Alembic's own table out of autogenerate comparisons."""
    from ngodesk.store import fts

    if type_ != "table" or name is None:
        return True
    return not name.startswith(fts.TABLE) and name != "alembic_version"


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def revisions() -> dict[str, str | None]:
    """Each migration script's revision and the one it revises (None for
    the first), as the scripts in ``migrations/versions`` say."""
    found: dict[str, str | None] = {}
    for script in VERSIONS.glob("[!_]*.py"):
        values = dict(_REVISION_LINE.findall(script.read_text("utf-8")))
        found[values["revision"]] = values.get("down_revision") or None
    return found


def head_revision() -> str:
    """The newest schema revision this program knows (the one no other
    script revises)."""
    (head,) = set(revisions()) - set(revisions().values())
    return head


def known_revisions() -> set[str]:
    """Every schema revision this program can upgrade from."""
    return set(revisions())


def upgrade(connection: Connection, target: str = "head") -> None:
    """Apply migrations up to ``target`` on ``connection`` (one transaction)."""
    from alembic import command

    command.upgrade(_config(connection), target)
