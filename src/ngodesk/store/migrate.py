"""Alembic glue: the schema is owned by migrations shipped in the package."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from ngodesk.store import fts

SCRIPT_LOCATION = "ngodesk.store:migrations"


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave the FTS5 index and its shadow tables (not SQLAlchemy tables)
    and Alembic's own table out of autogenerate comparisons."""
    if type_ != "table" or name is None:
        return True
    return not name.startswith(fts.TABLE) and name != "alembic_version"


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The newest schema revision this program knows."""
    head = _scripts().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this program can upgrade from."""
    return {script.revision for script in _scripts().walk_revisions()}


def upgrade(connection: Connection, target: str = "head") -> None:
    """Apply migrations up to ``target`` on ``connection`` (one transaction)."""
    command.upgrade(_config(connection), target)
