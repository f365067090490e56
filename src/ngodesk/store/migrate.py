"""Alembic glue: a schema is owned by migrations shipped in the package,
the library's (``LIBRARY``) and the team hub's (``HUB``), each with scripts
of its own.

Which revisions exist is read from the migration scripts' own
``revision``/``down_revision`` lines, without Alembic (importing it took
0.2 s of every start): Alembic is imported only to upgrade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

#: A script's ``revision = "0022"`` or ``down_revision = None`` line.
_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:["']([^"']*)["']|None)\s*$""", re.M)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave the FTS5 index and its shadow tables (not SQLAlchemy tables)
    and Alembic's own table out of autogenerate comparisons."""
    from ngodesk.store import fts

    if type_ != "table" or name is None:
        return True
    return not name.startswith(fts.TABLE) and name != "alembic_version"


@dataclass(frozen=True)
class Migrations:
    """The migration scripts of one schema: ``location`` as Alembic names
    it (``package:folder``); their ``versions`` folder is found from it."""

    location: str
    _revisions: dict[str, str | None] = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def versions(self) -> Path:
        """The folder of the scripts."""
        package, folder = self.location.split(":")
        return Path(__file__).parents[1].joinpath(*package.split(".")[1:], folder, "versions")

    def config(self, connection: Connection | None = None) -> Config:
        """Alembic's configuration for these scripts (on ``connection``)."""
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", self.location)
        if connection is not None:
            cfg.attributes["connection"] = connection
        return cfg

    def revisions(self) -> dict[str, str | None]:
        """Each script's revision and the one it revises (None for the
        first), as the scripts say (read once)."""
        if not self._revisions:
            for script in self.versions.glob("[!_]*.py"):
                values = dict(_REVISION_LINE.findall(script.read_text("utf-8")))
                self._revisions[values["revision"]] = values.get("down_revision") or None
        return self._revisions

    def head_revision(self) -> str:
        """The newest revision this program knows (the one no other script
        revises)."""
        (head,) = set(self.revisions()) - set(self.revisions().values())
        return head

    def known_revisions(self) -> set[str]:
        """Every revision this program can upgrade from."""
        return set(self.revisions())

    def upgrade(self, connection: Connection, target: str = "head") -> None:
        """Apply migrations up to ``target`` on ``connection`` (one transaction)."""
        from alembic import command

        command.upgrade(self.config(connection), target)


#: The library's schema (SQLite).
LIBRARY = Migrations("ngodesk.store:migrations")
#: The team hub's schema (PostgreSQL).
HUB = Migrations("ngodesk.store.hub:migrations")
